//! Every string the page shows, in one table per language: [`ZH`] (the default) and [`EN`].
//!
//! Templates mark their arguments with `{}`, filled in order by [`fill`]. Catalog text (areas,
//! indicators, points, evidence guidance) is shown as the catalog has it, and problems found by
//! `shifan-rules` are shown with their own message in the page's language.

use shifan_rules::{Kind, Lang, Status};

use crate::state::Aspect;

pub mod annual;
#[cfg(feature = "full")]
pub mod evidence;
#[cfg(feature = "full")]
pub mod notice;
#[cfg(feature = "full")]
pub mod offline;
#[cfg(feature = "full")]
pub mod province;
#[cfg(feature = "full")]
pub mod review;
#[cfg(feature = "full")]
pub mod supervision;
#[cfg(feature = "full")]
pub mod training;
#[cfg(feature = "full")]
pub mod weights;

/// The strings of one language.
#[derive(Debug)]
pub struct Texts {
    /// The document title (browser tab).
    pub page_title: &'static str,
    /// The product's short mark (示范).
    pub logo: &'static str,
    /// The other language's name, on the language button.
    pub other_lang: &'static str,
    /// The other language's tag.
    pub other_lang_tag: &'static str,
    /// Accessible name of the language button, in the other language.
    pub other_lang_label: &'static str,
    /// Product name in the top bar.
    pub app_name: &'static str,
    /// Skip link.
    pub skip_to_content: &'static str,
    /// Accessible name of the brand button.
    pub back_to_start: &'static str,
    /// Asked when a link to another of the site's pages is followed and the latest changes
    /// could not be written.
    pub leave_unsaved: &'static str,
    /// Accessible name of the steps navigation.
    pub steps_label: &'static str,
    /// Step: applicant.
    pub step_applicant: &'static str,
    /// Step: indicators.
    pub step_indicators: &'static str,
    /// Step: report.
    pub step_report: &'static str,
    /// Download the application file.
    pub download: &'static str,
    /// Download the raw draft record.
    pub download_draft: &'static str,
    /// Open a file.
    pub open_file: &'static str,
    /// Save state: writing.
    pub saving: &'static str,
    /// Save state: saved at (followed by the time).
    pub saved_at: &'static str,
    /// Save state: nothing to save.
    pub saved_in_browser: &'static str,
    /// Save state: storage full.
    pub save_failed_full: &'static str,
    /// Save state: storage unavailable.
    pub save_failed_unavailable: &'static str,
    /// Banner title when saving failed.
    pub not_saved_title: &'static str,
    /// Banner text: storage full.
    pub storage_full: &'static str,
    /// Banner text: storage unavailable.
    pub storage_unavailable: &'static str,
    /// Banner title: another tab.
    pub conflict_title: &'static str,
    /// Banner text: another tab.
    pub conflict_text: &'static str,
    /// Notice: a file could not be opened.
    pub open_failed: &'static str,
    /// A file answered against a catalog the page does not have: how to go on.
    pub catalog_needed: &'static str,
    /// Load a catalog file (and keep it).
    pub load_catalog: &'static str,
    /// A catalog file could not be loaded.
    pub catalog_failed: &'static str,
    /// A catalog was loaded and kept in this browser.
    pub catalog_kept: &'static str,
    /// Notice: a file opened with warnings.
    pub opened_with_warnings: &'static str,
    /// Notice: the file cannot be written yet.
    pub export_failed: &'static str,
    /// Notice: the browser refused a download.
    pub download_refused: &'static str,
    /// Notice: a picked file could not be read.
    pub read_failed: &'static str,
    /// Notice: a status waiting for its reason was given up for another indicator's.
    pub pending_dropped: &'static str,
    /// Close a notice.
    pub dismiss: &'static str,
    /// Problem location: indicator `{}`.
    pub at_indicator: &'static str,
    /// Problem location: line `{}`.
    pub at_line: &'static str,
    /// Severity label: error.
    pub severity_error: &'static str,
    /// Severity label: warning.
    pub severity_warning: &'static str,

    /// Start page heading.
    pub start_title: &'static str,
    /// Start page introduction.
    pub start_lead: &'static str,
    /// Start a new self-assessment.
    pub new_assessment: &'static str,
    /// Where the data lives.
    pub privacy_note: &'static str,
    /// Saved drafts heading.
    pub saved_drafts: &'static str,
    /// No saved drafts.
    pub no_drafts: &'static str,
    /// The store cannot be opened: the drafts cannot be listed.
    pub drafts_unreadable: &'static str,
    /// The browser has promised to keep the drafts (`navigator.storage.persisted()`).
    pub drafts_protected: &'static str,
    /// The browser may clear the drafts when space runs short.
    pub drafts_not_protected: &'static str,
    /// The browser cannot say whether it keeps the drafts.
    pub drafts_protection_unknown: &'static str,
    /// Heading of a stored record that cannot be read; `{0}` is its storage key.
    pub corrupt_record: &'static str,
    /// Download the raw text of a record that cannot be read.
    pub corrupt_download: &'static str,
    /// Confirm deleting a record that cannot be read.
    pub corrupt_delete_confirm: &'static str,
    /// A draft without a valid applicant.
    pub no_applicant_yet: &'static str,
    /// Answered `{}` of `{}`.
    pub progress_answered: &'static str,
    /// Last saved `{}`.
    pub last_saved: &'static str,
    /// When a draft was started, `{}`: two drafts of one file differ in their id and last
    /// change, not in this.
    pub draft_started: &'static str,
    /// A draft's short id, `{}`: what tells two drafts of the same application apart.
    pub draft_short_id: &'static str,
    /// A file opened is the same application as a saved draft: its name, that draft's short
    /// id and its last change, in this order.
    pub duplicate_text: &'static str,
    /// Continue the saved draft instead of opening the file.
    pub duplicate_continue: &'static str,
    /// Open the file as a separate draft beside the saved one.
    pub duplicate_copy: &'static str,
    /// Open neither.
    pub duplicate_cancel: &'static str,
    /// Continue a draft.
    pub continue_draft: &'static str,
    /// Accessible name: continue `{}`.
    pub continue_named: &'static str,
    /// Delete a draft.
    pub delete_draft: &'static str,
    /// Accessible name: delete `{}`.
    pub delete_named: &'static str,
    /// Confirmation before deleting `{}`.
    pub delete_confirm: &'static str,
    /// Catalog heading.
    pub catalog_heading: &'static str,
    /// `{}` areas, `{}` sections, `{}` indicators; line `{}`.
    pub catalog_counts: &'static str,
    /// Provenance disclosure.
    pub catalog_provenance: &'static str,

    /// Applicant form heading.
    pub applicant_title: &'static str,
    /// The applying government.
    pub applicant_unit: &'static str,
    /// City picker.
    pub city: &'static str,
    /// City picker placeholder.
    pub choose_city: &'static str,
    /// County picker.
    pub county: &'static str,
    /// County picker before a city.
    pub choose_city_first: &'static str,
    /// The city itself applies.
    pub city_itself: &'static str,
    /// The county picker's first choice once a city is picked: the level is chosen, never assumed.
    pub choose_level: &'static str,
    /// How to choose the level.
    pub level_hint: &'static str,
    /// Division code field.
    pub division_code: &'static str,
    /// No code yet.
    pub no_division_yet: &'static str,
    /// Level: city.
    pub level_city: &'static str,
    /// Level: county.
    pub level_county: &'static str,
    /// Contact fieldset.
    pub contact: &'static str,
    /// Contact person.
    pub contact_name: &'static str,
    /// Telephone.
    pub contact_phone: &'static str,
    /// E-mail.
    pub contact_email: &'static str,
    /// Kind fieldset.
    pub kind: &'static str,
    /// Comprehensive, explained (`{}` = the catalog's line).
    pub kind_comprehensive_hint: &'static str,
    /// Single-item, explained.
    pub kind_single_hint: &'static str,
    /// Single-item category.
    pub category: &'static str,
    /// Category placeholder.
    pub choose_category: &'static str,
    /// Project title.
    pub project_title: &'static str,
    /// `{}` characters.
    pub char_count: &'static str,
    /// Aspect guidance: innovation, leadership, typicality, replicability (their names are
    /// `shifan-rules`' [`Aspect::label`]).
    pub aspect_guides: [&'static str; 4],
    /// The table's language.
    pub lang: Lang,
    /// Go on to the indicators.
    pub to_indicators: &'static str,

    /// Workspace heading.
    pub indicators_title: &'static str,
    /// Keyboard help.
    pub keyboard_help: &'static str,
    /// Area navigation heading.
    pub areas_nav: &'static str,
    /// Jump picker on small screens.
    pub jump_to_section: &'static str,
    /// Area progress: answered `{}` of `{}`, `{}` met.
    pub area_progress: &'static str,
    /// Hidden prefix: indicator `{}`.
    pub indicator_number: &'static str,
    /// Chip of an excluded indicator.
    pub excluded_chip: &'static str,
    /// Text of an excluded indicator.
    pub excluded_text: &'static str,
    /// Checkable points legend.
    pub points: &'static str,
    /// Status group: indicator `{}`.
    pub status_group: &'static str,
    /// Reset to unanswered.
    pub clear_answer: &'static str,
    /// Reason for not applicable (`{}` = status).
    pub reason_na: &'static str,
    /// Reason for an override (`{}` = status).
    pub reason_override: &'static str,
    /// The points suggest `{}`.
    pub override_hint: &'static str,
    /// Confirm.
    pub confirm: &'static str,
    /// Cancel.
    pub cancel: &'static str,
    /// Evidence guidance (`{}` items).
    pub evidence_guide: &'static str,
    /// Note.
    pub note: &'static str,
    /// Evidence references (`{}`).
    pub evidence_refs: &'static str,
    /// Add an evidence reference.
    pub add_evidence: &'static str,
    /// Accessible name: add evidence to indicator `{}`.
    pub add_evidence_to: &'static str,
    /// Evidence title.
    pub evidence_title: &'static str,
    /// Document number.
    pub evidence_number: &'static str,
    /// Document number example.
    pub evidence_number_example: &'static str,
    /// Document date.
    pub evidence_date: &'static str,
    /// Fingerprint a local file.
    pub fingerprint_file: &'static str,
    /// Fingerprinting in progress.
    pub fingerprinting: &'static str,
    /// `{}` of `{}` read.
    pub fingerprint_progress: &'static str,
    /// What fingerprinting does.
    pub fingerprint_hint: &'static str,
    /// `{}` could not be read.
    pub fingerprint_failed: &'static str,
    /// File `{}` (`{}`).
    pub file_line: &'static str,
    /// Forget the file.
    pub remove_file: &'static str,
    /// Save the evidence reference.
    pub save_evidence: &'static str,
    /// Remove.
    pub remove: &'static str,
    /// Accessible name: remove `{}`.
    pub remove_named: &'static str,
    /// Edit an evidence reference.
    pub edit: &'static str,
    /// Accessible name: edit `{}`.
    pub edit_named: &'static str,
    /// Accessible name of the evidence form while it edits: indicator `{}`.
    pub edit_evidence_of: &'static str,

    /// Summary heading.
    pub summary_title: &'static str,
    /// Met ÷ applicable = `{}` ÷ `{}`.
    pub formula: &'static str,
    /// Bar: `{}` met, line `{}`.
    pub bar_label: &'static str,
    /// The line: `{}`.
    pub threshold_line: &'static str,
    /// Applicable.
    pub count_applicable: &'static str,
    /// `{}` indicators excluded for this level.
    pub excluded_note: &'static str,
    /// `{}` more to meet.
    pub still_needed: &'static str,
    /// Note for single-item applications.
    pub single_item_note: &'static str,
    /// The figure is an estimate.
    pub estimate_note: &'static str,
    /// By area heading.
    pub by_area: &'static str,
    /// Area bar: `{}` `{}`.
    pub area_bar_label: &'static str,
    /// Gaps (`{}`).
    pub gaps_title: &'static str,
    /// No gaps.
    pub no_gaps: &'static str,
    /// A group of the gap list: status `{}`, `{}` indicators.
    pub gap_group: &'static str,
    /// Strip: `{}` unanswered.
    pub strip_unanswered: &'static str,
    /// Strip: link to the summary.
    pub show_summary: &'static str,

    /// Report heading.
    pub report_title: &'static str,
    /// Print.
    pub print_report: &'static str,
    /// Printing advice.
    pub print_hint: &'static str,
    /// Print notice: `{}` indicators unanswered.
    pub print_unanswered: &'static str,
    /// Download question when nothing is answered: `{}` indicators to answer.
    pub download_empty: &'static str,
    /// Download question below the bar: compliance `{}`, bar `{}`, `{}` more to meet, `{}` unanswered.
    pub download_below_bar: &'static str,
    /// Applicant section.
    pub report_applicant: &'static str,
    /// Division code row of the report.
    pub report_division_code: &'static str,
    /// Short fingerprint under the report's title: `{}`.
    pub report_fingerprint_line: &'static str,
    /// Started.
    pub started: &'static str,
    /// Last changed.
    pub last_changed: &'static str,
    /// Table column: area.
    pub col_area: &'static str,
    /// Table column: excluded.
    pub col_excluded: &'static str,
    /// Table column: compliance.
    pub col_compliance: &'static str,
    /// Table row: total.
    pub col_total: &'static str,
    /// Answers section.
    pub report_answers: &'static str,
    /// A ticked point (screen readers).
    pub point_ticked: &'static str,
    /// A point not ticked (screen readers).
    pub point_not_ticked: &'static str,
    /// Reason label.
    pub reason_label: &'static str,
    /// Note label.
    pub note_label: &'static str,
    /// File section.
    pub report_file: &'static str,
    /// File name.
    pub file_name: &'static str,
    /// Integrity fingerprint.
    pub integrity: &'static str,
    /// Short fingerprint.
    pub short_fingerprint: &'static str,
    /// No file can be written yet.
    pub no_file_yet: &'static str,
    /// How paper and file match.
    pub file_match_note: &'static str,
    /// Signatures section.
    pub signatures: &'static str,
    /// Stamp of the unit.
    pub sign_unit: &'static str,
    /// Person in charge.
    pub sign_person: &'static str,
    /// Date.
    pub sign_date: &'static str,
    /// Back to the indicators.
    pub back_to_indicators: &'static str,

    /// Header and start-page entry of the city review: "City review".
    pub review_entry: &'static str,
    /// Start page: what the city review is for.
    pub review_entry_hint: &'static str,
    /// Start page: the city review's button.
    pub review_entry_button: &'static str,
    /// The annual report's entry on the start page: heading, what it is, its link.
    pub annual_entry: &'static str,
    /// What the annual report page does.
    pub annual_entry_hint: &'static str,
    /// The link to the annual report page.
    pub annual_entry_button: &'static str,
    /// The province page's entry on the start page: heading.
    pub province_entry: &'static str,
    /// What the province page does.
    pub province_entry_hint: &'static str,
    /// The link to the province page.
    pub province_entry_button: &'static str,
    /// Training mode: entry button.
    pub training: &'static str,
    /// Training mode: what it is, on the start page.
    pub training_hint: &'static str,
    /// Training mode: save state in the top bar while a demo is open.
    pub training_not_saved: &'static str,
    /// Training mode: the presenter switch.
    pub presenter: &'static str,
    /// Catalog in use: `{}`.
    pub catalog_in_use: &'static str,
}

impl Texts {
    /// Name and guidance of a narrative aspect; the name is `shifan-rules`' label (which is
    /// lower case in English, for sentences), as a heading.
    pub fn aspect(&self, aspect: Aspect) -> (String, &'static str) {
        let i = match aspect {
            Aspect::Innovation => 0,
            Aspect::Leadership => 1,
            Aspect::Typicality => 2,
            Aspect::Replicability => 3,
        };
        let mut name = aspect.label(self.lang).to_string();
        if let Some(first) = name.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        (name, self.aspect_guides[i])
    }
}

/// The table for `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Fills the `{}` of `template` with `args`, in order.
///
/// ```
/// assert_eq!(shifan_web::i18n::fill("{} ÷ {}", &["3", "4"]), "3 ÷ 4");
/// ```
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    // `split_once` rather than slicing at a found index: no slicing, no panic path in the page.
    while let Some((before, after)) = rest.split_once("{}") {
        out.push_str(before);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A status label in `lang`, as `shifan-rules` names it.
pub fn status_label(lang: Lang, status: Status) -> &'static str {
    status.label(lang)
}

/// The name of the comprehensive kind, or (`single`) of the single-item kind, in `lang`:
/// `shifan-rules`' [`Kind::label`], which the exports and the CLI use too.
pub fn kind_label(lang: Lang, single: bool) -> &'static str {
    if single {
        // Empty strings do not allocate: this only names the variant.
        let kind = Kind::SingleItem {
            category: String::new(),
            title: String::new(),
            narrative: Default::default(),
        };
        kind.label(lang)
    } else {
        Kind::Comprehensive.label(lang)
    }
}

/// A byte count for people, e.g. `3.4 MB` (integer arithmetic: no float formatting code).
///
/// ```
/// assert_eq!(shifan_web::i18n::file_size(3_565_158), "3.4 MB");
/// assert_eq!(shifan_web::i18n::file_size(1536), "1.5 KB");
/// assert_eq!(shifan_web::i18n::file_size(12), "12 B");
/// ```
pub fn file_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    let (unit, name) = match bytes {
        b if b >= MB => (MB, "MB"),
        b if b >= KB => (KB, "KB"),
        b => return format!("{b} B"),
    };
    let tenths = (bytes * 10 + unit / 2) / unit;
    format!("{}.{} {name}", tenths / 10, tenths % 10)
}

/// Chinese, the default.
pub static ZH: Texts = Texts {
    lang: Lang::Zh,
    page_title: "示范 · 法治政府建设示范创建自查自评",
    logo: "示范",
    other_lang: "English",
    other_lang_tag: "en",
    other_lang_label: "Switch to English",
    app_name: "法治政府建设示范创建 · 自查自评",
    skip_to_content: "跳到主要内容",
    back_to_start: "返回开始页",
    leave_unsaved: "最近的修改未能保存到浏览器中，离开本页将丢失这些修改。仍要离开吗？（取消后可留在本页下载文件。）",
    steps_label: "自评步骤",
    step_applicant: "① 申报单位",
    step_indicators: "② 指标自评",
    step_report: "③ 自评报告",
    download: "下载申报文件",
    download_draft: "下载草稿备份",
    open_file: "打开文件…",
    saving: "正在保存…",
    saved_at: "已自动保存",
    saved_in_browser: "已保存在本浏览器",
    save_failed_full: "未能保存：存储空间已满",
    save_failed_unavailable: "未能保存：浏览器存储不可用",
    not_saved_title: "最近的修改没有保存到浏览器。",
    storage_full: "浏览器的存储空间已满。请立即下载申报文件（或草稿备份）留存，以免关闭页面后丢失；之后每次修改都会再次尝试保存。",
    storage_unavailable: "本浏览器不允许本页使用存储（可能是隐私模式或安全策略）。关闭页面前请下载申报文件（或草稿备份）留存。",
    conflict_title: "此草稿已在另一个标签页中打开。",
    conflict_text: "两个标签页同时修改会互相覆盖。请只在一个标签页中继续填写，关闭另一个。",
    open_failed: "无法打开该文件，当前草稿未作任何改动。问题如下：",
    catalog_needed: "这份文件是按本机没有的指标目录填写的。请载入该目录文件（JSON），它会保存在本浏览器中，然后再次打开这份文件。",
    load_catalog: "载入目录文件…",
    catalog_failed: "无法载入该目录文件，已保存的目录未作任何改动。问题如下：",
    catalog_kept: "已载入并保存该指标目录。按它填写的文件现在可以打开了。",
    opened_with_warnings: "文件已打开，但有以下提示：",
    export_failed: "暂时无法生成申报文件，请先处理以下问题：",
    download_refused: "浏览器拒绝了下载。请检查浏览器的下载设置后重试。",
    read_failed: "浏览器无法读取所选文件，当前草稿未作任何改动。",
    pending_dropped: "另一项指标的状态需要理由，下面这项选择的状态因尚未填写理由而没有记录：",
    dismiss: "关闭提示",
    at_indicator: "第 {} 项指标",
    at_line: "第 {} 行",
    severity_error: "错误",
    severity_warning: "提示",

    start_title: "法治政府建设示范创建自查自评",
    start_lead: "对照《市县法治政府建设示范指标体系》逐项自查，随时看到预估达标比例，最后下载申报文件并打印自评报告。",
    new_assessment: "开始新的自评",
    privacy_note: "所有内容只保存在本浏览器中，不会上传到任何服务器；选择的佐证文件只在本机计算指纹，文件本身不会离开本机。",
    saved_drafts: "本浏览器中保存的自评草稿",
    no_drafts: "还没有草稿。点击“开始新的自评”，或打开已下载的申报文件继续填写。",
    drafts_unreadable: "本浏览器不允许本页使用存储（可能是隐私模式或安全策略），无法列出草稿。",
    drafts_protected: "浏览器已承诺保留这些草稿：存储空间不足时也不会自动清除。",
    drafts_not_protected: "浏览器未承诺保留这些草稿：存储空间不足时可能被清除。请定期下载申报文件（或草稿备份）留存。",
    drafts_protection_unknown: "无法确认浏览器是否会长期保留这些草稿。请定期下载申报文件（或草稿备份）留存。",
    corrupt_record: "无法读取的存储记录（{0}）",
    corrupt_download: "下载原始内容",
    corrupt_delete_confirm: "删除这条无法读取的记录？删除前请先下载其原始内容。",
    no_applicant_yet: "（尚未选择申报单位）",
    progress_answered: "已作答 {} / {}",
    last_saved: "最后修改 {}",
    draft_started: "开始于 {}",
    draft_short_id: "编号 {}",
    duplicate_text: "这份文件与已保存的草稿「{}」（编号 {}，最后修改 {}）是同一份申报。继续填写已保存的草稿，还是另存为一份副本？",
    duplicate_continue: "继续已保存的草稿",
    duplicate_copy: "另存为副本",
    duplicate_cancel: "都不打开",
    continue_draft: "继续填写",
    continue_named: "继续填写：{}",
    delete_draft: "删除",
    delete_named: "删除草稿：{}",
    delete_confirm: "确定删除草稿“{}”吗？删除后无法恢复（已下载的申报文件不受影响）。",
    catalog_heading: "使用的指标目录",
    catalog_counts: "{} 个一级指标、{} 个二级指标、{} 个三级指标；综合示范按达标指标占适用指标 {} 以上估算。",
    catalog_provenance: "目录来源与说明",

    applicant_title: "申报单位与申报类型",
    applicant_unit: "申报单位",
    city: "设区的市",
    choose_city: "请选择市",
    county: "县（市、区）",
    choose_city_first: "请先选择市",
    city_itself: "市本级（以设区的市申报）",
    choose_level: "请选择县（市、区）或市本级",
    level_hint: "县级政府请选所在县（市、区）；设区的市本级申报才选“市本级”。",
    division_code: "行政区划代码（6 位，可直接输入）",
    no_division_yet: "请选择市和县（市、区），或直接输入 6 位区划代码。",
    level_city: "设区的市",
    level_county: "县级政府",
    contact: "联系人",
    contact_name: "联系人姓名",
    contact_phone: "联系电话",
    contact_email: "电子邮箱",
    kind: "申报类型",
    kind_comprehensive_hint: "对照全部指标自查，达标指标一般应占适用指标的 {} 以上。",
    kind_single_hint: "某一方面工作具有创新性、引领性、典型性，经验可复制、可推广。",
    category: "单项示范类别",
    choose_category: "请选择类别",
    project_title: "项目名称",
    char_count: "已写 {} 字",
    aspect_guides: [
        "这项工作新在哪里：制度、机制或做法上有哪些突破，与以往或其他地方相比有何不同。",
        "在全省或全国处于什么位置：是否率先探索、带动了其他地方或领域。",
        "为什么具有代表意义：解决了哪类普遍问题，取得了哪些可衡量的成效。",
        "其他地方如何照做：需要哪些条件、步骤和配套制度，是否已被借鉴推广。",
    ],
    to_indicators: "下一步：逐项自评指标",

    indicators_title: "指标自评",
    keyboard_help: "键盘操作：j / k（或 Alt+↓ / Alt+↑）切换下一项 / 上一项指标；数字键 1 达标、2 部分达标、3 未达标、4 不适用（作用于当前指标；在输入框中输入时不生效）。",
    areas_nav: "按领域浏览",
    jump_to_section: "跳转到领域与二级指标",
    area_progress: "已答 {}/{} · 达标 {}",
    indicator_number: "第 {} 项：",
    excluded_chip: "不计入",
    excluded_text: "本指标只适用于其他层级的政府，按指标目录不计入本单位的自评。",
    points: "评价要点（逐条勾选已做到的）",
    status_group: "第 {} 项指标的状态",
    clear_answer: "清除作答",
    reason_na: "“{}”的理由",
    reason_override: "标为“{}”的理由",
    override_hint: "按勾选的要点应为“{}”；与之不同时须说明理由。",
    confirm: "确定",
    cancel: "取消",
    evidence_guide: "佐证材料指引（{} 项）",
    note: "备注",
    evidence_refs: "已登记的佐证材料（{}）",
    add_evidence: "登记佐证材料",
    add_evidence_to: "为第 {} 项指标登记佐证材料",
    evidence_title: "材料名称",
    evidence_number: "文号（可选）",
    evidence_number_example: "如 晋政办发〔2020〕12号",
    evidence_date: "日期（可选）",
    fingerprint_file: "选择本机文件计算指纹",
    fingerprinting: "正在计算指纹…",
    fingerprint_progress: "已读取 {} / {}",
    fingerprint_hint: "只在本机计算文件的 SHA-256 指纹并记录文件名、大小和指纹，文件本身不会上传或离开本机。",
    fingerprint_failed: "无法读取文件“{}”，未能计算指纹。",
    file_line: "文件：{}（{}）",
    remove_file: "不关联文件",
    save_evidence: "保存",
    remove: "移除",
    remove_named: "移除佐证材料：{}",
    edit: "编辑",
    edit_named: "编辑佐证材料：{}",
    edit_evidence_of: "修改第 {} 项指标的佐证材料",

    summary_title: "自评汇总（预估）",
    formula: "达标 ÷ 适用 = {} ÷ {}",
    bar_label: "预估达标比例 {}，标准线 {}",
    threshold_line: "综合示范标准线：{}（按指标目录）",
    count_applicable: "适用",
    excluded_note: "另有 {} 项指标按目录不适用于本级政府，不计入。",
    still_needed: "按当前适用指标，还需再达标 {} 项。",
    single_item_note: "单项示范不以达标比例为申报条件；上面的比例供全面自查参考。",
    estimate_note: "官方指标的分值和评分方法未公开，此处比例和结论只是自查估算，不代表评估结果。",
    by_area: "各领域达标情况",
    area_bar_label: "{}：达标 {}",
    gaps_title: "差距清单（{} 项）",
    no_gaps: "没有未达标、部分达标或未作答的指标。",
    gap_group: "{}（{} 项）",
    strip_unanswered: "未作答 {}",
    show_summary: "查看汇总",

    report_title: "法治政府建设示范创建自评报告",
    print_report: "打印自评报告",
    print_hint: "打印前请确认所有指标已作答。报告末尾的完整性指纹与下载的申报文件一致，可据此核对纸质件与电子文件。",
    print_unanswered: "还有 {} 项指标未作答。",
    download_empty: "还没有作答任何指标（0 / {} 项），申报文件将是空的。仍要下载吗？",
    download_below_bar: "估算达标率为 {}，低于 {} 的示范标准（还需 {} 项达标，{} 项未作答）。仍要下载吗？",
    report_applicant: "申报单位",
    report_division_code: "行政区划代码",
    report_fingerprint_line: "对应电子申报文件指纹（前 12 位）：{}",
    started: "开始自评时间",
    last_changed: "最后修改时间",
    col_area: "一级指标",
    col_excluded: "不计入",
    col_compliance: "达标比例（达标 ÷ 适用）",
    col_total: "合计",
    report_answers: "逐项自评情况",
    point_ticked: "已做到：",
    point_not_ticked: "未做到：",
    reason_label: "理由：",
    note_label: "备注：",
    report_file: "电子申报文件",
    file_name: "文件名",
    integrity: "完整性指纹（SHA-256）",
    short_fingerprint: "指纹前 12 位",
    no_file_yet: "尚不能生成申报文件：",
    file_match_note: "同一份自评内容生成的申报文件指纹相同；文件导出后如被改动，指纹将对不上。",
    signatures: "签章",
    sign_unit: "填报单位（盖章）：",
    sign_person: "负责人（签字）：",
    sign_date: "日期：",
    back_to_indicators: "返回指标自评",

    review_entry: "市级初审",
    review_entry_hint: "设区的市委依法治市办：汇总本市各县（市、区）提交的申报文件，逐份核验、对比，提出初审意见并择优推荐，导出推荐材料包报送省委依法治省办。",
    review_entry_button: "进入市级初审",
    annual_entry: "法治政府建设年度报告",
    annual_entry_hint: "每年 4 月 1 日前向社会公开上一年度法治政府建设情况：按规定的五个部分撰写，自动保存，导出报告文件、打印版和网页版。",
    annual_entry_button: "撰写年度报告",
    province_entry: "省级评审与命名",
    province_entry_hint: "省委依法治省办接收各市推荐材料包，导入评分表，按类型排名，确定命名对象并导出命名名册。",
    province_entry_button: "进入省级评审",
    training: "培训演示",
    training_hint: "浏览、检索指标目录，打开示例县演示自评过程，供培训和讲解使用；不保存任何内容。",
    training_not_saved: "培训演示 · 不保存",
    presenter: "投影大字",
    catalog_in_use: "使用的指标目录：{}",
};

/// English.
pub static EN: Texts = Texts {
    lang: Lang::En,
    page_title: "shifan · rule-of-law government demonstration self-assessment",
    logo: "示范",
    other_lang: "中文",
    other_lang_tag: "zh-CN",
    other_lang_label: "切换到中文",
    app_name: "Rule-of-law government demonstration · self-assessment",
    skip_to_content: "Skip to main content",
    back_to_start: "Back to the start page",
    leave_unsaved: "Your latest changes could not be saved in the browser and are lost if you leave this page. Leave anyway? (Cancel to stay and download a file.)",
    steps_label: "Steps",
    step_applicant: "1 Applicant",
    step_indicators: "2 Indicators",
    step_report: "3 Report",
    download: "Download application file",
    download_draft: "Download draft backup",
    open_file: "Open a file…",
    saving: "Saving…",
    saved_at: "Saved",
    saved_in_browser: "Saved in this browser",
    save_failed_full: "Not saved: storage is full",
    save_failed_unavailable: "Not saved: browser storage unavailable",
    not_saved_title: "Your latest changes are not saved in the browser.",
    storage_full: "The browser's storage is full. Download the application file (or a draft backup) now so nothing is lost when the page closes; every further change tries to save again.",
    storage_unavailable: "This browser does not let the page use storage (private mode or a policy). Download the application file (or a draft backup) before you close the page.",
    conflict_title: "This draft is also open in another tab.",
    conflict_text: "Edits in two tabs overwrite each other. Keep working in one tab and close the other.",
    open_failed: "The file cannot be opened; your current draft is unchanged. Problems:",
    catalog_needed: "This file was answered against a catalog this browser does not have. Load that catalog file (JSON); it is kept in this browser. Then open the file again.",
    load_catalog: "Load catalog file…",
    catalog_failed: "The catalog file cannot be loaded; the kept catalogs are unchanged. Problems:",
    catalog_kept: "The catalog is loaded and kept. Files answered against it open now.",
    opened_with_warnings: "The file is open, with these notes:",
    export_failed: "The application file cannot be written yet. Please fix:",
    download_refused: "The browser refused the download. Check its download settings and try again.",
    read_failed: "The browser could not read the chosen file; your current draft is unchanged.",
    pending_dropped: "Another indicator's status now needs a reason, so the status below was not recorded (it had no reason yet):",
    dismiss: "Dismiss",
    at_indicator: "indicator {}",
    at_line: "line {}",
    severity_error: "Error",
    severity_warning: "Note",

    start_title: "Self-assessment for the rule-of-law government demonstration",
    start_lead: "Check your government against every indicator of the city and county indicator system, watch the estimated compliance as you go, then download the application file and print the self-assessment report.",
    new_assessment: "Start a new self-assessment",
    privacy_note: "Everything stays in this browser; nothing is uploaded. Evidence files you pick are fingerprinted on this computer and never leave it.",
    saved_drafts: "Drafts saved in this browser",
    no_drafts: "No drafts yet. Start a new self-assessment, or open a downloaded application file to continue it.",
    drafts_unreadable: "This browser does not let the page use storage (private mode or a policy): the drafts cannot be listed.",
    drafts_protected: "The browser has promised to keep these drafts: they are not cleared when space runs short.",
    drafts_not_protected: "The browser has not promised to keep these drafts: they may be cleared when space runs short. Download the application file (or a draft backup) now and then.",
    drafts_protection_unknown: "The browser cannot say whether it keeps these drafts. Download the application file (or a draft backup) now and then.",
    corrupt_record: "A stored record that cannot be read ({0})",
    corrupt_download: "Download its raw text",
    corrupt_delete_confirm: "Delete this record that cannot be read? Download its raw text first.",
    no_applicant_yet: "(no applicant chosen yet)",
    progress_answered: "{} of {} answered",
    last_saved: "last changed {}",
    draft_started: "started {}",
    draft_short_id: "id {}",
    duplicate_text: "This file is the same application as the saved draft “{}” (id {}, last changed {}). Continue the saved draft, or keep the file as a separate copy?",
    duplicate_continue: "Continue the saved draft",
    duplicate_copy: "Keep a separate copy",
    duplicate_cancel: "Open neither",
    continue_draft: "Continue",
    continue_named: "Continue: {}",
    delete_draft: "Delete",
    delete_named: "Delete draft: {}",
    delete_confirm: "Delete the draft \"{}\"? This cannot be undone (downloaded files are not affected).",
    catalog_heading: "Indicator catalog in use",
    catalog_counts: "{} areas, {} sections, {} indicators; a comprehensive demonstration is estimated against {} of applicable indicators met.",
    catalog_provenance: "Source and notes of the catalog",

    applicant_title: "Applicant and kind of application",
    applicant_unit: "Applying government",
    city: "Prefecture-level city",
    choose_city: "Choose a city",
    county: "County, county-level city or district",
    choose_city_first: "Choose a city first",
    city_itself: "The city itself (city applies)",
    choose_level: "Choose a county, or the city itself",
    level_hint: "A county chooses its county; choose “the city itself” only for the city's own government.",
    division_code: "Division code (6 digits, may be typed)",
    no_division_yet: "Choose a city and a county, or type the six-digit division code.",
    level_city: "prefecture-level city",
    level_county: "county-level government",
    contact: "Contact",
    contact_name: "Contact person",
    contact_phone: "Telephone",
    contact_email: "E-mail",
    kind: "Kind of application",
    kind_comprehensive_hint: "Checked against all indicators; usually {} or more of the applicable ones must be met.",
    kind_single_hint: "One area of work that is innovative, leading and typical, whose experience others can copy.",
    category: "Single-item category",
    choose_category: "Choose a category",
    project_title: "Project title",
    char_count: "{} characters",
    aspect_guides: [
        "What is new: which rules, mechanisms or practices break new ground compared with before or elsewhere.",
        "Where it stands in the province or the country: was it first, did it carry other places or fields along.",
        "Why it is representative: which common problem it solves and which measurable results it has.",
        "How others can do the same: conditions, steps and supporting rules, and whether others have adopted it.",
    ],
    to_indicators: "Next: assess the indicators",

    indicators_title: "Indicators",
    keyboard_help: "Keyboard: j / k (or Alt+↓ / Alt+↑) for the next / previous indicator; 1 met, 2 partly met, 3 not met, 4 not applicable (for the current indicator; not while typing in a field).",
    areas_nav: "Browse by area",
    jump_to_section: "Jump to an area and section",
    area_progress: "{}/{} answered · {} met",
    indicator_number: "Indicator {}: ",
    excluded_chip: "Excluded",
    excluded_text: "This indicator applies only to another level of government; by the catalog it is not counted for this applicant.",
    points: "Checkable points (tick those achieved)",
    status_group: "Status of indicator {}",
    clear_answer: "Clear answer",
    reason_na: "Reason for \"{}\"",
    reason_override: "Reason for marking \"{}\"",
    override_hint: "The ticked points suggest \"{}\"; a different status needs a reason.",
    confirm: "Confirm",
    cancel: "Cancel",
    evidence_guide: "Evidence guidance ({} items)",
    note: "Note",
    evidence_refs: "Evidence recorded ({})",
    add_evidence: "Record evidence",
    add_evidence_to: "Record evidence for indicator {}",
    evidence_title: "Document title",
    evidence_number: "Document number (optional)",
    evidence_number_example: "e.g. 晋政办发〔2020〕12号",
    evidence_date: "Date (optional)",
    fingerprint_file: "Fingerprint a local file",
    fingerprinting: "Fingerprinting…",
    fingerprint_progress: "{} of {} read",
    fingerprint_hint: "Computes the file's SHA-256 on this computer and records its name, size and fingerprint; the file itself is never uploaded and never leaves the computer.",
    fingerprint_failed: "Could not read \"{}\" to fingerprint it.",
    file_line: "File: {} ({})",
    remove_file: "Do not link a file",
    save_evidence: "Save",
    remove: "Remove",
    remove_named: "Remove evidence: {}",
    edit: "Edit",
    edit_named: "Edit evidence: {}",
    edit_evidence_of: "Edit evidence of indicator {}",

    summary_title: "Summary (estimate)",
    formula: "met ÷ applicable = {} ÷ {}",
    bar_label: "Estimated compliance {}, line at {}",
    threshold_line: "Comprehensive line: {} (from the catalog)",
    count_applicable: "Applicable",
    excluded_note: "{} more indicators do not apply to this level of government by the catalog and are not counted.",
    still_needed: "With the current applicable indicators, {} more must be met.",
    single_item_note: "A single-item application is not judged by this share; it is shown for a full self-check.",
    estimate_note: "The official points and scoring are not published: this share and verdict are an estimate for self-checking, not an evaluation result.",
    by_area: "Compliance by area",
    area_bar_label: "{}: {} met",
    gaps_title: "Gaps ({})",
    no_gaps: "No indicator is not met, partly met or unanswered.",
    gap_group: "{} ({})",
    strip_unanswered: "{} unanswered",
    show_summary: "Summary",

    report_title: "Self-assessment report: rule-of-law government demonstration",
    print_report: "Print the report",
    print_hint: "Answer every indicator before printing. The integrity fingerprint at the end matches the downloaded application file, so paper and file can be checked against each other.",
    print_unanswered: "{} indicators are still unanswered.",
    download_empty: "No indicator is answered yet (0 of {}): the file would be empty. Download anyway?",
    download_below_bar: "Estimated compliance {} is below the {} bar ({} more must be met, {} unanswered). Download anyway?",
    report_applicant: "Applicant",
    report_division_code: "Division code",
    report_fingerprint_line: "Matching application file: fingerprint {}",
    started: "Self-assessment started",
    last_changed: "Last changed",
    col_area: "Area",
    col_excluded: "Excluded",
    col_compliance: "Compliance (met ÷ applicable)",
    col_total: "Total",
    report_answers: "Answers",
    point_ticked: "Achieved: ",
    point_not_ticked: "Not achieved: ",
    reason_label: "Reason: ",
    note_label: "Note: ",
    report_file: "Electronic application file",
    file_name: "File name",
    integrity: "Integrity fingerprint (SHA-256)",
    short_fingerprint: "First 12 digits",
    no_file_yet: "No application file can be written yet:",
    file_match_note: "The same answers always give a file with the same fingerprint; a file edited after export no longer matches.",
    signatures: "Signatures",
    sign_unit: "Applying unit (stamp):",
    sign_person: "Person in charge (signature):",
    sign_date: "Date:",
    back_to_indicators: "Back to the indicators",

    review_entry: "City review",
    review_entry_hint: "For the city office: collect the files your counties submitted, verify and compare them, decide on each, recommend the best, and export the recommendation package for the province.",
    review_entry_button: "Open the city review",
    annual_entry: "Annual report",
    annual_entry_hint: "Publish the past year's rule-of-law government report before 1 April: write its five parts, saved as you type, then export the report file, the print version and the web version.",
    annual_entry_button: "Write the annual report",
    province_entry: "Provincial evaluation and naming",
    province_entry_hint: "The provincial office takes in the cities' recommendation packages, imports the scores table, ranks each kind, names the demonstrations and exports the register.",
    province_entry_button: "Open the provincial evaluation",
    training: "Training",
    training_hint: "Browse and search the indicator catalog and open demo counties, for training and presentations; nothing is saved.",
    training_not_saved: "Training · not saved",
    presenter: "Large type",
    catalog_in_use: "Catalog in use: {}",
};
