//! The province page's strings, one table per language like the rest of [`crate::i18n`]: the
//! page is the full build's, so its strings stay out of the county page. Kinds, parts,
//! decisions, formulas, the tie rule and every problem come from `shifan-rules`.

use shifan_rules::Lang;

/// The strings of the province page in one language.
#[derive(Debug)]
pub struct ProvinceTexts {
    /// Page heading.
    pub title: &'static str,
    /// What the page does.
    pub lead: &'static str,
    /// The profile ranked with: `{}`.
    pub profile: &'static str,
    /// Take in files: heading.
    pub take_title: &'static str,
    /// Drop hint.
    pub drop_hint: &'static str,
    /// While files are dragged over the page.
    pub drop_now: &'static str,
    /// The multiple-file picker.
    pub choose_files: &'static str,
    /// Reading `{}` of `{}` files.
    pub reading: &'static str,
    /// `{}` files: `{}` new candidates, `{}` cannot be used.
    pub report: &'static str,
    /// Rejected files: heading with `{}`.
    pub rejected_title: &'static str,
    /// Forget the rejected files.
    pub clear_rejected: &'static str,
    /// A file the browser could not read.
    pub unreadable: &'static str,
    /// Under a file refused for its catalog: load that catalog (from here, or dropped with the files).
    pub catalog_needed: &'static str,
    /// The pool: heading with `{}` candidates from `{}` packages.
    pub pool_title: &'static str,
    /// No candidate yet.
    pub pool_empty: &'static str,
    /// Sort by `{}`.
    pub sort_by: &'static str,
    /// Column: applicant.
    pub col_applicant: &'static str,
    /// Column: city.
    pub col_city: &'static str,
    /// Column: kind.
    pub col_kind: &'static str,
    /// Column: category.
    pub col_category: &'static str,
    /// Column: self-assessed compliance.
    pub col_compliance: &'static str,
    /// Column: the city's decision, rank and comment.
    pub col_decision: &'static str,
    /// Column: flags.
    pub col_flags: &'static str,
    /// Taken directly by the province.
    pub direct: &'static str,
    /// Scores: heading.
    pub scores_title: &'static str,
    /// Scores: what the table holds.
    pub scores_hint: &'static str,
    /// Scores: the picker.
    pub choose_scores: &'static str,
    /// `{}`: figures for `{}` candidates.
    pub scores_applied: &'static str,
    /// `{}` was not applied (nothing of it).
    pub scores_refused: &'static str,
    /// Ranking: heading.
    pub ranking_title: &'static str,
    /// Column: position or standing.
    pub col_standing: &'static str,
    /// Column: composite.
    pub col_composite: &'static str,
    /// Column: formula.
    pub col_formula: &'static str,
    /// Column: named.
    pub col_named: &'static str,
    /// Ranked at `{}`.
    pub ranked: &'static str,
    /// Incomplete: missing `{}`.
    pub incomplete: &'static str,
    /// Out: `{}`.
    pub out: &'static str,
    /// Name `{}`.
    pub name_label: &'static str,
    /// No candidate of this kind.
    pub kind_empty: &'static str,
    /// Planned names: `{}`.
    pub planned: &'static str,
    /// Naming: heading.
    pub naming_title: &'static str,
    /// `{}` named.
    pub named_count: &'static str,
    /// The decision's document number.
    pub document_number: &'static str,
    /// The decision's date.
    pub date: &'static str,
    /// Export the register.
    pub export_register: &'static str,
    /// The session: heading.
    pub session_title: &'static str,
    /// Export the session file.
    pub export_session: &'static str,
    /// Import a session file.
    pub import_session: &'static str,
    /// Start over.
    pub new_session: &'static str,
    /// The stored session could not be read (kept aside).
    pub load_failed: &'static str,
    /// Saving.
    pub saving: &'static str,
    /// Saved at `{}`.
    pub saved_at: &'static str,
    /// Saving failed: storage full.
    pub save_failed_full: &'static str,
    /// Saving failed: storage unavailable.
    pub save_failed_unavailable: &'static str,
    /// The browser refused the download.
    pub download_refused: &'static str,
}

const ZH: ProvinceTexts = ProvinceTexts {
    title: "省级评审与命名",
    lead: "接收各市推荐材料包和直接受理的申报文件，导入第三方评估等评分表，按申报类型分别排名，确定命名对象并导出命名名册。所有文件只在本机读取。",
    profile: "创建方案：{}",
    take_title: "接收材料包和申报文件",
    drop_hint: "可一次选择多个文件，也可把文件拖到本页任意位置。",
    drop_now: "松开鼠标即可接收这些文件。",
    choose_files: "选择文件",
    reading: "正在读取第 {} 个，共 {} 个文件……",
    report: "本批 {} 个文件：新增候选对象 {} 个，无法使用 {} 个。",
    rejected_title: "无法使用的文件（{} 个）",
    clear_rejected: "清除这些文件",
    unreadable: "浏览器无法读取该文件。",
    catalog_needed: "这个文件是按本机没有的指标目录填写的。请载入该目录文件（JSON 或 CSV 表格，也可与材料包一起拖入），它会保存在本浏览器中，这个文件随即重新核验。",
    pool_title: "候选对象（{} 个，来自 {} 个材料包）",
    pool_empty: "还没有候选对象：请先接收各市的推荐材料包。",
    sort_by: "按{}排序",
    col_applicant: "申报单位",
    col_city: "所属市",
    col_kind: "申报类型",
    col_category: "单项类别",
    col_compliance: "自评达标率（预估）",
    col_decision: "市级初审（意见、排序、说明）",
    col_flags: "提示",
    direct: "省直接受理",
    scores_title: "导入评分表",
    scores_hint: "第三方评估、群众满意度测评和实地核查结果的表格（CSV，UTF-8）。全部行无误才导入，有问题的行逐一列出行号。",
    choose_scores: "选择评分表",
    scores_applied: "已导入「{}」：{} 个候选对象有了得分。",
    scores_refused: "「{}」未导入（一行也没有导入）：",
    ranking_title: "排名",
    col_standing: "名次",
    col_composite: "综合得分",
    col_formula: "计算式",
    col_named: "命名",
    ranked: "第 {} 名",
    incomplete: "不完整：缺{}",
    out: "不予排名：{}",
    name_label: "命名 {}",
    kind_empty: "没有该类型的候选对象。",
    planned: "计划命名 {} 个。",
    naming_title: "命名",
    named_count: "已选定命名对象 {} 个。",
    document_number: "命名决定文号",
    date: "命名日期",
    export_register: "导出命名名册",
    session_title: "工作记录",
    export_session: "导出工作记录文件",
    import_session: "导入工作记录文件",
    new_session: "重新开始",
    load_failed: "本机保存的工作记录无法读取，已原样另存，以下为新的工作记录：",
    saving: "正在保存……",
    saved_at: "已于 {} 保存在本机",
    save_failed_full: "保存失败：浏览器存储空间已满。请导出工作记录文件。",
    save_failed_unavailable: "保存失败：浏览器存储不可用。请导出工作记录文件。",
    download_refused: "浏览器拒绝了下载。",
};

const EN: ProvinceTexts = ProvinceTexts {
    title: "Provincial evaluation and naming",
    lead: "Take in the cities' recommendation packages and applications received directly, import the scores table (third-party evaluation and the rest), rank each kind, choose whom to name and export the register. Files are read on this computer only.",
    profile: "Programme profile: {}",
    take_title: "Take in packages and applications",
    drop_hint: "Pick several files at once, or drop them anywhere on this page.",
    drop_now: "Release to take in these files.",
    choose_files: "Choose files",
    reading: "Reading file {} of {}…",
    report: "{} files: {} new candidates, {} cannot be used.",
    rejected_title: "Files that cannot be used ({})",
    clear_rejected: "Forget these files",
    unreadable: "The browser could not read this file.",
    catalog_needed: "This file was answered against a catalog this browser does not have. Load that catalog file (JSON or CSV table; it can also be dropped together with the packages); it is kept in this browser and the file is verified again.",
    pool_title: "Candidates ({}, from {} packages)",
    pool_empty: "No candidates yet: take in the cities' recommendation packages first.",
    sort_by: "Sort by {}",
    col_applicant: "Applicant",
    col_city: "City",
    col_kind: "Kind",
    col_category: "Category",
    col_compliance: "Self-assessed compliance (estimate)",
    col_decision: "City's review (decision, rank, comment)",
    col_flags: "Flags",
    direct: "taken directly",
    scores_title: "Import the scores table",
    scores_hint: "The table of the third-party evaluation, the satisfaction survey and the on-site verification (CSV, UTF-8). It is imported only when every row is good; problems are listed with their line numbers.",
    choose_scores: "Choose a scores table",
    scores_applied: "Imported “{}”: {} candidates have figures.",
    scores_refused: "“{}” was not imported (not a single row):",
    ranking_title: "Ranking",
    col_standing: "Position",
    col_composite: "Composite",
    col_formula: "Formula",
    col_named: "Named",
    ranked: "No. {}",
    incomplete: "incomplete: missing {}",
    out: "out: {}",
    name_label: "Name {}",
    kind_empty: "No candidate of this kind.",
    planned: "{} names planned.",
    naming_title: "Naming",
    named_count: "{} chosen to be named.",
    document_number: "Decision's document number",
    date: "Date of the decision",
    export_register: "Export the register",
    session_title: "Work record",
    export_session: "Export the work record file",
    import_session: "Import a work record file",
    new_session: "Start over",
    load_failed: "The work record saved in this browser cannot be read; it was kept aside as it is, and this is a new one:",
    saving: "Saving…",
    saved_at: "Saved in this browser at {}",
    save_failed_full: "Saving failed: the browser's storage is full. Export the work record file.",
    save_failed_unavailable: "Saving failed: the browser's storage is unavailable. Export the work record file.",
    download_refused: "The browser refused the download.",
};

/// The province page's strings in `lang`.
pub fn province_texts(lang: Lang) -> &'static ProvinceTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
