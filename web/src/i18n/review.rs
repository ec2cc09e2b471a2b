//! The city review's strings, one table per language like the rest of [`crate::i18n`]: the
//! review screens are a page of their own, so their strings live in a table of their own.
//! Decision labels and problems come from `shifan-rules` in both languages.

use shifan_rules::Lang;

/// The strings of the city review in one language.
#[derive(Debug)]
pub struct ReviewTexts {
    /// Page heading.
    pub title: &'static str,
    /// Page introduction.
    pub lead: &'static str,
    /// Reviewing office fieldset.
    pub setup: &'static str,
    /// City picker.
    pub city: &'static str,
    /// City picker placeholder.
    pub choose_city: &'static str,
    /// The city was inferred: `{}`.
    pub city_inferred: &'static str,
    /// Reviewer name.
    pub reviewer_name: &'static str,
    /// Reviewing office.
    pub reviewer_office: &'static str,
    /// Office example.
    pub office_example: &'static str,
    /// Review date.
    pub date: &'static str,
    /// Counts: `{}` applications, `{}` recommended, `{}` not, `{}` pending.
    pub counts: &'static str,
    /// Start over.
    pub new_review: &'static str,
    /// Confirmation before starting over.
    pub new_review_confirm: &'static str,
    /// Save state: saved at `{}`.
    pub saved_at: &'static str,
    /// Save state: saving.
    pub saving: &'static str,
    /// Save state: nothing saved yet.
    pub saved_in_browser: &'static str,
    /// Save failed: storage full (banner).
    pub storage_full: &'static str,
    /// Save failed: no storage (banner).
    pub storage_unavailable: &'static str,
    /// Save failed (status).
    pub not_saved: &'static str,
    /// The stored session could not be read.
    pub load_failed: &'static str,
    /// The button that downloads the stored session that cannot be read.
    pub download_unreadable: &'static str,
    /// The review is open in another tab too (title).
    pub conflict_title: &'static str,
    /// The review is open in another tab too: what to do.
    pub conflict_text: &'static str,

    /// Open files heading.
    pub open_title: &'static str,
    /// Drop zone text.
    pub drop_hint: &'static str,
    /// Choose files button.
    pub choose_files: &'static str,
    /// Drop zone while dragging.
    pub drop_now: &'static str,
    /// Verifying `{}` of `{}` files.
    pub reading: &'static str,
    /// Last batch: `{}` files: `{}` added, `{}` already open, `{}` cannot be used.
    pub report: &'static str,

    /// Rejected files heading (`{}`).
    pub rejected_title: &'static str,
    /// Rejected files explained.
    pub rejected_hint: &'static str,
    /// A file answered against a catalog the page does not have: how to go on.
    pub catalog_needed: &'static str,
    /// A file the browser could not read.
    pub unreadable: &'static str,
    /// Remove from the list.
    pub remove: &'static str,
    /// Accessible name: remove `{}`.
    pub remove_named: &'static str,
    /// Clear the rejected list.
    pub clear_rejected: &'static str,

    /// Duplicates heading (`{}` pairs).
    pub duplicates_title: &'static str,
    /// Duplicates explained.
    pub duplicates_hint: &'static str,
    /// Remove this application from the review.
    pub remove_application: &'static str,
    /// Notice after a removal: `{}` the applicant; its opinion went with it.
    pub removed: &'static str,
    /// Put the removed application back.
    pub undo: &'static str,
    /// Badge: outside the city.
    pub badge_outside: &'static str,
    /// Badge: duplicate.
    pub badge_duplicate: &'static str,
    /// Badge: notes (warnings).
    pub badge_warnings: &'static str,
    /// Last changed `{}`.
    pub updated: &'static str,
    /// File `{}`.
    pub file: &'static str,

    /// Table heading (`{}` applications).
    pub table_title: &'static str,
    /// Showing `{}` of `{}`.
    pub showing: &'static str,
    /// Under a long list: the first `{}` drawn, `{}` more not drawn yet.
    pub rows_left: &'static str,
    /// Draw `{}` more rows.
    pub show_more: &'static str,
    /// Draw all `{}` rows.
    pub show_all: &'static str,
    /// Under the duplicates: the first `{}` groups drawn, `{}` more not drawn yet.
    pub groups_left: &'static str,
    /// Draw `{}` more groups.
    pub show_more_groups: &'static str,
    /// Draw all `{}` groups.
    pub show_all_groups: &'static str,
    /// Filters legend.
    pub filters: &'static str,
    /// Filter: kind.
    pub filter_kind: &'static str,
    /// Filter: verdict.
    pub filter_verdict: &'static str,
    /// Filter: decision.
    pub filter_decision: &'static str,
    /// Filter option: all.
    pub all: &'static str,
    /// Verdict option: meets the bar.
    pub meets: &'static str,
    /// Verdict option: below the bar.
    pub below: &'static str,
    /// Nothing to compare yet.
    pub empty: &'static str,
    /// No row passes the filters.
    pub none_shown: &'static str,
    /// Column: applicant.
    pub col_applicant: &'static str,
    /// Column: kind.
    pub col_kind: &'static str,
    /// Column: category.
    pub col_category: &'static str,
    /// Column: compliance.
    pub col_compliance: &'static str,
    /// Column: meets the `{}` bar (estimate).
    pub col_meets: &'static str,
    /// Column: evidence.
    pub col_evidence: &'static str,
    /// Column: fingerprint.
    pub col_fingerprint: &'static str,
    /// Column: decision.
    pub col_decision: &'static str,
    /// Column: rank.
    pub col_rank: &'static str,
    /// Area column, accessible: area `{}` `{}`.
    pub col_area: &'static str,
    /// Sort button, accessible: sort by `{}`.
    pub sort_by: &'static str,
    /// Accessible name: open `{}` read-only.
    pub open_named: &'static str,
    /// Accessible name: decision on `{}`.
    pub decision_for: &'static str,
    /// Move up.
    pub up: &'static str,
    /// Move down.
    pub down: &'static str,
    /// Accessible name: move `{}` up.
    pub up_named: &'static str,
    /// Accessible name: move `{}` down.
    pub down_named: &'static str,
    /// The areas under their numbers (legend heading).
    pub areas_legend: &'static str,

    /// Heat map heading.
    pub heat_title: &'static str,
    /// Heat map explained (`{}` = the line).
    pub heat_hint: &'static str,
    /// Legend: reaches the line (`{}`).
    pub heat_reached: &'static str,
    /// Legend: within 10 points below.
    pub heat_close: &'static str,
    /// Legend: 10 to 30 points below.
    pub heat_far: &'static str,
    /// Legend: more than 30 points below.
    pub heat_very_far: &'static str,
    /// Legend: nothing applicable.
    pub heat_none: &'static str,
    /// Legend heading.
    pub legend: &'static str,
    /// Heat map column: all indicators.
    pub heat_total: &'static str,

    /// Viewer: back to the table.
    pub back: &'static str,
    /// Viewer: read-only badge.
    pub read_only: &'static str,
    /// Viewer: explanation.
    pub read_only_hint: &'static str,
    /// Viewer: fingerprint `{}`.
    pub fingerprint: &'static str,
    /// Opinion heading.
    pub opinion: &'static str,
    /// Comments.
    pub comment: &'static str,
    /// Rank `{}` of `{}`.
    pub rank_of: &'static str,
    /// Outside the city: cannot be recommended.
    pub outside_no_recommend: &'static str,
    /// Warnings of the file.
    pub warnings: &'static str,
    /// Single-item project heading.
    pub project: &'static str,

    /// Export heading.
    pub export_title: &'static str,
    /// Export the package.
    pub export_package: &'static str,
    /// Export xlsx.
    pub export_xlsx: &'static str,
    /// Export CSV.
    pub export_csv: &'static str,
    /// Writing the spreadsheet.
    pub exporting: &'static str,
    /// What the package holds: `{}` applications, `{}` recommended.
    pub export_hint: &'static str,
    /// Files outside the city are left out (`{}`).
    pub export_outside: &'static str,
    /// The tables export the rows shown.
    pub export_tables_hint: &'static str,
    /// The package cannot be sealed yet.
    pub package_failed: &'static str,
    /// The spreadsheet failed: `{}`.
    pub xlsx_failed: &'static str,
    /// The browser refused a download.
    pub download_refused: &'static str,
    /// Close a notice.
    pub dismiss: &'static str,

    /// The app's name in the top bar on the review's page.
    pub app_name: &'static str,
    /// Confirmation before removing `{}` (its decision `{}`) from the review.
    pub remove_confirm: &'static str,
    /// Confirmation before recommending `{}`: the reasons (`{}`, one a line) follow.
    pub weak_recommend_confirm: &'static str,
    /// Confirmation before ranking `{}` first: the reasons (`{}`) follow.
    pub weak_first_confirm: &'static str,
    /// Reason: compliance `{}` (`{}`) below the bar `{}`.
    pub weak_below_bar: &'static str,
    /// Reason: compliance is zero (`{}`).
    pub weak_zero: &'static str,
    /// Reason: `{}` indicators unanswered.
    pub weak_unanswered: &'static str,
    /// Confirmation before exporting with `{}` unresolved duplicate groups (`{}` = who).
    pub duplicate_export_confirm: &'static str,
    /// The rejected files' summary line (`{}` files; open to see why).
    pub rejected_summary: &'static str,
    /// How percentages are rounded (said once, near the table).
    pub rounding_note: &'static str,
    /// Column: contact person and phone.
    pub col_contact: &'static str,
    /// Column: comments.
    pub col_comment: &'static str,
    /// Viewer: contact `{}`, phone `{}`.
    pub contact: &'static str,
    /// Next step while `{}` applications are pending.
    pub next_step_pending: &'static str,
    /// Next step once every application is decided.
    pub next_step_done: &'static str,
    /// Heading of the next step.
    pub next_step: &'static str,
    /// Open the printable opinion sheet.
    pub sheet_open: &'static str,
    /// The sheet's title (`{}` = the city, or nothing: a dangling separator is trimmed).
    pub sheet_title: &'static str,
    /// Back from the sheet to the review.
    pub sheet_back: &'static str,
    /// Print the sheet.
    pub sheet_print: &'static str,
    /// How to print the sheet.
    pub sheet_hint: &'static str,
    /// Sheet: reviewing office.
    pub sheet_office: &'static str,
    /// Sheet: column "No.".
    pub sheet_no: &'static str,
    /// Sheet: signature of the reviewer.
    pub sign_reviewer: &'static str,
    /// Sheet: signature of the head of the office.
    pub sign_head: &'static str,
    /// Sheet: the office's seal.
    pub sign_seal: &'static str,
    /// Sheet: date of signing.
    pub sign_date: &'static str,
    /// Sheet: nothing recorded.
    pub sheet_none: &'static str,
}

/// The table for `lang`.
pub fn review_texts(lang: Lang) -> &'static ReviewTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Chinese, the default.
pub static ZH: ReviewTexts = ReviewTexts {
    title: "市级初审",
    lead: "打开本市各县（市、区）提交的申报文件（可一次多份），核验后对比；逐份提出初审意见，对推荐的申报排序，最后导出推荐材料包。文件只在本浏览器中处理，不会上传。",
    setup: "初审单位",
    city: "设区的市",
    choose_city: "请选择（打开文件后也可自动识别）",
    city_inferred: "已按文件识别为{}；如有误请改选。",
    reviewer_name: "初审人",
    reviewer_office: "初审单位名称",
    office_example: "如 太原市委依法治市办",
    date: "初审日期",
    counts: "共 {} 份申报：推荐 {} 份，不推荐 {} 份，待定 {} 份",
    new_review: "开始新的初审",
    new_review_confirm: "确定清空当前初审（全部文件和初审意见）吗？已导出的推荐材料包不受影响。",
    saved_at: "已自动保存 {}",
    saving: "正在保存…",
    saved_in_browser: "初审记录保存在本浏览器",
    storage_full: "浏览器的存储空间已满，最近的初审修改没有保存。请立即导出推荐材料包留存：以后重新打开该材料包即可恢复全部文件和初审意见。之后每次修改都会再次尝试保存。",
    storage_unavailable: "本浏览器不允许本页使用存储（可能是隐私模式或安全策略），初审记录不会保存。关闭页面前请导出推荐材料包留存。",
    not_saved: "未能保存",
    conflict_title: "市级初审已在另一个标签页中打开。",
    conflict_text: "两个标签页同时修改会互相覆盖初审意见。请只在一个标签页中继续，关闭另一个。",
    load_failed: "本浏览器中保存的初审记录无法读取，已原样另存在浏览器存储中（review:unreadable），未删除，也可下载。下面是一次新的初审；问题如下：",
    download_unreadable: "下载无法读取的记录",

    open_title: "打开申报文件",
    drop_hint: "把申报文件（.json，可一次多份）或推荐材料包拖到本页任意位置，或",
    choose_files: "选择文件（可多选）…",
    drop_now: "松开鼠标即可打开这些文件",
    reading: "正在核验第 {} / {} 份文件…",
    report: "本次打开 {} 个文件：新增 {} 份申报，{} 份已在列表中，{} 个文件无法使用。",

    rejected_title: "无法使用的文件（{}）",
    rejected_hint: "以下文件未通过核验，不参加对比，也不会放入推荐材料包。请向申报单位索取原始导出文件。",
    catalog_needed: "这份文件是按本机没有的指标目录填写的。请载入该目录文件（JSON 或 CSV 表格，也可与申报文件一起拖入），它会保存在本浏览器中，然后再次打开这份文件。",
    unreadable: "浏览器无法读取此文件。",
    remove: "移除",
    remove_named: "从列表移除：{}",
    clear_rejected: "清空此列表",

    duplicates_title: "重复申报（{} 组）",
    duplicates_hint: "同一县（市、区）提交了不止一份同类申报。请核实后保留一份，移除其余。",
    remove_application: "从初审中移除",
    removed: "已从初审中移除“{}”，它的初审意见、推荐排序和意见说明随之移除。",
    undo: "撤销",
    badge_outside: "非本市",
    badge_duplicate: "重复申报",
    badge_warnings: "有提示",
    updated: "最后修改 {}",
    file: "文件：{}",

    table_title: "对比表（{} 份申报）",
    showing: "显示 {} / {} 份",
    rows_left: "已列出前 {} 份，另有 {} 份未列出（排序、筛选和导出都包括全部申报）。",
    show_more: "再列出 {} 份",
    show_all: "全部列出（{} 份）",
    groups_left: "已列出前 {} 组，另有 {} 组未列出。",
    show_more_groups: "再列出 {} 组",
    show_all_groups: "全部列出（{} 组）",
    filters: "筛选",
    filter_kind: "申报类型",
    filter_verdict: "达标情况（预估）",
    filter_decision: "初审意见",
    all: "全部",
    meets: "达到标准",
    below: "未达到标准",
    empty: "还没有可对比的申报文件。请先打开文件。",
    none_shown: "没有符合筛选条件的申报。",
    col_applicant: "申报单位",
    col_kind: "类型",
    col_category: "单项类别",
    col_compliance: "达标率（达标 ÷ 适用）",
    col_meets: "达到 {} 标准（预估）",
    col_evidence: "佐证材料",
    col_fingerprint: "文件指纹",
    col_decision: "初审意见",
    col_rank: "推荐排序",
    col_area: "{}：{}（达标率）",
    sort_by: "按“{}”排序",
    open_named: "查看{}的申报（只读）",
    decision_for: "{}的初审意见",
    up: "上移",
    down: "下移",
    up_named: "{}的推荐排序上移",
    down_named: "{}的推荐排序下移",
    areas_legend: "一级指标",

    heat_title: "各领域达标率热力图",
    heat_hint: "每格为该申报在该领域的达标率（达标 ÷ 适用），颜色表示与综合示范标准线 {} 的距离；按对比表的顺序排列。",
    heat_reached: "达到标准线（{} 及以上）",
    heat_close: "低于标准线 10 个百分点以内",
    heat_far: "低于标准线 10～30 个百分点",
    heat_very_far: "低于标准线 30 个百分点以上",
    heat_none: "无适用指标",
    legend: "图例",
    heat_total: "全部指标",

    back: "← 返回对比表",
    read_only: "只读",
    read_only_hint: "这是申报单位提交的原始自评内容，初审时只能查看，不能修改。",
    fingerprint: "文件指纹 {}",
    opinion: "初审意见",
    comment: "意见说明",
    rank_of: "推荐排序：第 {} 位（共 {} 位）",
    outside_no_recommend: "该申报不属于本市，不能推荐。",
    warnings: "文件提示",
    project: "单项示范项目",

    export_title: "导出",
    export_package: "导出推荐材料包",
    export_xlsx: "导出对比表（Excel）",
    export_csv: "导出对比表（CSV）",
    exporting: "正在生成表格文件…",
    export_hint: "推荐材料包包含本市 {} 份申报文件原件及其初审意见（推荐 {} 份），带完整性指纹；省委依法治省办可用 shifan check 核验。",
    export_outside: "{} 份不属于本市的申报不放入材料包。",
    export_tables_hint: "对比表按当前的筛选和排序导出。",
    package_failed: "暂时无法导出推荐材料包，请先处理以下问题：",
    xlsx_failed: "无法生成表格文件：{}",
    download_refused: "浏览器拒绝了下载。请检查浏览器的下载设置后重试。",
    dismiss: "关闭提示",
    app_name: "法治政府建设示范创建 · 市级初审",
    remove_confirm: "确定从初审中移除“{}”吗？它的初审意见（{}）、推荐排序和意见说明将一并移除；移除后可以立即撤销。",
    weak_recommend_confirm: "确定推荐“{}”吗？请注意：\n{}\n（这只是提醒，可以继续推荐。）",
    weak_first_confirm: "确定把“{}”排在推荐第 1 位吗？请注意：\n{}\n（这只是提醒，可以继续。）",
    weak_below_bar: "达标率 {}（{}），低于综合示范标准 {}",
    weak_zero: "达标率为 {}，没有一项指标达标",
    weak_unanswered: "还有 {} 项指标未作答",
    duplicate_export_confirm: "还有 {} 组重复申报未处理（{}）：同一县（市、区）的多份同类申报都会放入推荐材料包。仍要导出吗？",
    rejected_summary: "{} 个文件无法使用，不参加对比（展开查看原因）",
    rounding_note: "表中百分比保留一位小数，一律向下取整（如 89.96% 显示为 89.9%），不会把未达标显示为达标；括号中的“达标 ÷ 适用”是精确值。",
    col_contact: "联系人",
    col_comment: "意见说明",
    contact: "联系人：{}，电话：{}",
    next_step_pending: "还有 {} 份申报待定。逐份提出初审意见后，再导出推荐材料包。",
    next_step_done: "全部申报都已提出初审意见。请点击“导出推荐材料包”，把下载的 .json 文件报送省委依法治省办；需要纸质意见时，打印初审意见表，签字盖章后一并报送。",
    next_step: "下一步",
    sheet_open: "打印初审意见表",
    sheet_title: "{}法治政府建设示范创建市级初审意见表",
    sheet_back: "← 返回初审",
    sheet_print: "打印",
    sheet_hint: "用 A4 纸打印（横向更宽裕）。表中列出全部申报：推荐的按排序在前，其余按申报单位排列。",
    sheet_office: "初审单位",
    sheet_no: "序号",
    sign_reviewer: "初审人（签字）",
    sign_head: "负责人（签字）",
    sign_seal: "初审单位（盖章）",
    sign_date: "日期",
    sheet_none: "—",
};

/// English.
pub static EN: ReviewTexts = ReviewTexts {
    title: "City preliminary review",
    lead: "Open the application files of the city's counties (many at once) to verify and compare them; decide on each, rank the recommended ones, then export the recommendation package. Files are handled in this browser only and never uploaded.",
    setup: "Reviewing office",
    city: "City",
    choose_city: "Choose (or open files and it is inferred)",
    city_inferred: "Inferred from the files: {}. Change it if this is wrong.",
    reviewer_name: "Reviewer",
    reviewer_office: "Office",
    office_example: "e.g. 太原市委依法治市办",
    date: "Review date",
    counts: "{} applications: {} recommended, {} not recommended, {} pending",
    new_review: "Start a new review",
    new_review_confirm: "Clear the current review (all files and decisions)? Packages already exported are not affected.",
    saved_at: "Saved {}",
    saving: "Saving…",
    saved_in_browser: "The review is kept in this browser",
    storage_full: "The browser's storage is full: your latest review changes are not saved. Export the recommendation package now; opening it again later restores every file and decision. Every further change tries to save again.",
    storage_unavailable: "This browser does not let the page use storage (private mode or a policy): the review is not kept. Export the recommendation package before you close the page.",
    not_saved: "Not saved",
    conflict_title: "The city review is also open in another tab.",
    conflict_text: "Changes in two tabs overwrite each other's decisions. Keep working in one tab and close the other.",
    load_failed: "The review kept in this browser cannot be read; it is kept as it was in the browser's storage (review:unreadable), not deleted, and can be downloaded. This is a new review; the problems:",
    download_unreadable: "Download the unreadable record",

    open_title: "Open application files",
    drop_hint: "Drop application files (.json, many at once) or a recommendation package anywhere on this page, or",
    choose_files: "choose files (several at once)…",
    drop_now: "Release to open these files",
    reading: "Verifying file {} of {}…",
    report: "Opened {} files: {} applications added, {} already open, {} files cannot be used.",

    rejected_title: "Files that cannot be used ({})",
    rejected_hint: "These files failed verification: they are not compared and never go into the package. Ask the applicant for the original exported file.",
    catalog_needed: "This file was answered against a catalog this browser does not have. Load that catalog file (JSON or CSV table; it can also be dropped together with the files); it is kept in this browser. Then open the file again.",
    unreadable: "The browser could not read this file.",
    remove: "Remove",
    remove_named: "Remove from the list: {}",
    clear_rejected: "Clear this list",

    duplicates_title: "Duplicate submissions ({})",
    duplicates_hint: "The same county submitted more than one application of the same kind. Check with them, keep one and remove the others.",
    remove_application: "Remove from the review",
    removed: "“{}” was removed from the review, with its decision, rank and comments.",
    undo: "Undo",
    badge_outside: "Not in this city",
    badge_duplicate: "Duplicate",
    badge_warnings: "Notes",
    updated: "Last changed {}",
    file: "File: {}",

    table_title: "Comparison ({} applications)",
    showing: "Showing {} of {}",
    rows_left: "The first {} are listed; {} more are not listed yet (sorting, filters and exports cover every application).",
    show_more: "List {} more",
    show_all: "List all {}",
    groups_left: "The first {} groups are listed; {} more are not listed yet.",
    show_more_groups: "List {} more groups",
    show_all_groups: "List all {} groups",
    filters: "Filters",
    filter_kind: "Kind",
    filter_verdict: "Verdict (estimate)",
    filter_decision: "Decision",
    all: "All",
    meets: "Meets the bar",
    below: "Below the bar",
    empty: "Nothing to compare yet. Open some files first.",
    none_shown: "No application passes the filters.",
    col_applicant: "Applicant",
    col_kind: "Kind",
    col_category: "Category",
    col_compliance: "Compliance (met ÷ applicable)",
    col_meets: "Meets the {} bar (estimate)",
    col_evidence: "Evidence",
    col_fingerprint: "Fingerprint",
    col_decision: "Decision",
    col_rank: "Rank",
    col_area: "{}: {} (compliance)",
    sort_by: "Sort by {}",
    open_named: "Open the application of {} (read-only)",
    decision_for: "Decision on {}",
    up: "Up",
    down: "Down",
    up_named: "Move {} up in rank",
    down_named: "Move {} down in rank",
    areas_legend: "Areas",

    heat_title: "Compliance by area (heat map)",
    heat_hint: "Each cell is the application's compliance in that area (met ÷ applicable); the colour says how far it is from the comprehensive line of {}. Rows follow the comparison table.",
    heat_reached: "At or above the line ({})",
    heat_close: "Less than 10 points below",
    heat_far: "10 to 30 points below",
    heat_very_far: "More than 30 points below",
    heat_none: "Nothing applicable",
    legend: "Legend",
    heat_total: "All indicators",

    back: "← Back to the comparison",
    read_only: "Read-only",
    read_only_hint: "This is the self-assessment exactly as the applicant submitted it; the review can look but not change it.",
    fingerprint: "Fingerprint {}",
    opinion: "Decision",
    comment: "Comments",
    rank_of: "Rank {} of {}",
    outside_no_recommend: "This application is not from this city and cannot be recommended.",
    warnings: "Notes on the file",
    project: "Single-item project",

    export_title: "Export",
    export_package: "Export the recommendation package",
    export_xlsx: "Export the table (Excel)",
    export_csv: "Export the table (CSV)",
    exporting: "Writing the table file…",
    export_hint: "The package holds the city's {} application files, unchanged, with the decisions ({} recommended) and integrity fingerprints; the province can verify it with shifan check.",
    export_outside: "{} applications from outside the city are left out of the package.",
    export_tables_hint: "The tables are exported as filtered and sorted now.",
    package_failed: "The recommendation package cannot be exported yet. Please fix:",
    xlsx_failed: "The table file could not be written: {}",
    download_refused: "The browser refused the download. Check its download settings and try again.",
    dismiss: "Dismiss",
    app_name: "Rule-of-law demonstration · city review",
    remove_confirm: "Remove “{}” from the review? Its decision ({}), rank and comments go with it; you can undo it right after.",
    weak_recommend_confirm: "Recommend “{}”? Please note:\n{}\n(This is only a reminder; you may go on.)",
    weak_first_confirm: "Rank “{}” first among the recommended? Please note:\n{}\n(This is only a reminder; you may go on.)",
    weak_below_bar: "compliance {} ({}) is below the comprehensive bar of {}",
    weak_zero: "compliance is {}: no indicator is met",
    weak_unanswered: "{} indicators are unanswered",
    duplicate_export_confirm: "{} duplicate submissions are not resolved ({}): every one of the same county's applications of the same kind goes into the package. Export anyway?",
    rejected_summary: "{} files cannot be used and are not compared (open to see why)",
    rounding_note: "Percentages have one decimal and are always rounded down (89.96% shows as 89.9%), so nothing below the bar shows as meeting it; the “met ÷ applicable” beside them is exact.",
    col_contact: "Contact",
    col_comment: "Comments",
    contact: "Contact: {}, phone {}",
    next_step_pending: "{} applications are still pending. Decide on each, then export the recommendation package.",
    next_step_done: "Every application has a decision. Export the recommendation package and send the downloaded .json file to the province’s office (省委依法治省办); if a paper opinion is needed, print the opinion sheet, sign and seal it, and send it along.",
    next_step: "Next step",
    sheet_open: "Print the opinion sheet",
    sheet_title: "City preliminary review: opinion sheet · {}",
    sheet_back: "← Back to the review",
    sheet_print: "Print",
    sheet_hint: "Print on A4 (landscape gives more room). Every application is listed: the recommended ones first, by rank, then the others by applicant.",
    sheet_office: "Reviewing office",
    sheet_no: "No.",
    sign_reviewer: "Reviewer (signature)",
    sign_head: "Head of office (signature)",
    sign_seal: "Office (seal)",
    sign_date: "Date",
    sheet_none: "—",
};
