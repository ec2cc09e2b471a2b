//! The evidence panel's strings (the province page's "record evidence" panel), one table per
//! language. The parts' names, the figures' names, conclusions, resolutions, kinds of check,
//! the survey's rate with its interval and every problem come from `shifan-rules`.

use shifan_rules::Lang;

/// The evidence panel's strings in one language.
#[derive(Debug)]
pub struct EvidenceTexts {
    /// The per-row button.
    pub record: &'static str,
    /// The per-row button's accessible name: `{}` the applicant.
    pub record_label: &'static str,
    /// The panel's heading: `{}` the applicant.
    pub title: &'static str,
    /// Close the panel.
    pub close: &'static str,
    /// Files were dropped while the panel is open, and not taken in.
    pub files_refused: &'static str,
    /// Where the candidate stands now: `{}`.
    pub standing: &'static str,
    /// Nothing recorded for a part.
    pub nothing: &'static str,
    /// What is recorded: `{}`.
    pub recorded_as: &'static str,
    /// Record the part.
    pub save: &'static str,
    /// Clear the part.
    pub clear: &'static str,
    /// `{}` was recorded.
    pub saved: &'static str,
    /// `{}` was cleared.
    pub cleared: &'static str,
    /// The rules refused the form.
    pub refused: &'static str,
    /// The evaluating organisation.
    pub evaluator: &'static str,
    /// Date of the evaluation.
    pub evaluation_date: &'static str,
    /// The score.
    pub score: &'static str,
    /// The report's reference.
    pub report: &'static str,
    /// Who ran the survey.
    pub survey_by: &'static str,
    /// Date the survey closed.
    pub survey_date: &'static str,
    /// How the answers are given.
    pub answers: &'static str,
    /// Answers as counts.
    pub by_counts: &'static str,
    /// Answers as a distribution.
    pub by_options: &'static str,
    /// An option's text.
    pub option: &'static str,
    /// The option counts as satisfied.
    pub counts_satisfied: &'static str,
    /// Add an answer option.
    pub add_option: &'static str,
    /// Remove option `{}`.
    pub remove_option: &'static str,
    /// The rate of what is typed: `{}`.
    pub as_typed: &'static str,
    /// Date of the verification.
    pub on_site_date: &'static str,
    /// The team, one per line.
    pub team: &'static str,
    /// What was checked.
    pub checked: &'static str,
    /// What exactly, for a kind `{}`.
    pub check_note: &'static str,
    /// Findings.
    pub findings: &'static str,
    /// The conclusion.
    pub conclusion: &'static str,
    /// The objections: heading.
    pub objections_title: &'static str,
    /// No objection received.
    pub objections_none: &'static str,
    /// Objection `{}`.
    pub objection_n: &'static str,
    /// Date received.
    pub received: &'static str,
    /// What it says.
    pub summary: &'static str,
    /// How it was resolved.
    pub resolution: &'static str,
    /// How it was looked into.
    pub resolution_note: &'static str,
    /// Register an objection: heading.
    pub new_objection: &'static str,
    /// Register it.
    pub add_objection: &'static str,
    /// Record an objection's resolution.
    pub save_objection: &'static str,
    /// Remove an objection registered by mistake.
    pub remove_objection: &'static str,
    /// Asks before removing objection `{}` (its number, then what it says).
    pub confirm_remove: &'static str,
    /// Yes, remove it.
    pub confirm_remove_yes: &'static str,
    /// Keep it.
    pub confirm_remove_no: &'static str,
    /// Says which objection was removed (received, what it said).
    pub removed: &'static str,
}

const ZH: EvidenceTexts = EvidenceTexts {
    record: "记录评估",
    record_label: "记录评估：{}",
    title: "{}：评估材料",
    close: "关闭",
    files_refused: "记录证据的窗口打开时不接收文件，刚才拖入的文件没有读取。请先关闭此窗口，再把文件拖入页面。",
    standing: "当前排名情况：{}",
    nothing: "尚无记录。",
    recorded_as: "已记录：{}",
    save: "保存",
    clear: "清除",
    saved: "已保存{}。",
    cleared: "已清除{}。",
    refused: "未保存，所填内容仍保留在表中：",
    evaluator: "评估机构",
    evaluation_date: "评估日期",
    score: "得分",
    report: "评估报告编号",
    survey_by: "测评机构",
    survey_date: "测评截止日期",
    answers: "答卷情况",
    by_counts: "答卷人数和满意人数",
    by_options: "各选项人数",
    option: "选项",
    counts_satisfied: "计为满意",
    add_option: "添加选项",
    remove_option: "删除选项「{}」",
    as_typed: "按所填计算：{}",
    on_site_date: "核查日期",
    team: "核查组成员（每行一人）",
    checked: "核查内容",
    check_note: "{}：具体情况",
    findings: "发现的问题",
    conclusion: "核查结论",
    objections_title: "公示期间的异议",
    objections_none: "公示期间尚未收到异议。",
    objection_n: "异议 {}",
    received: "收到日期",
    summary: "异议内容",
    resolution: "处理结果",
    resolution_note: "处理情况说明",
    new_objection: "登记新的异议",
    add_objection: "登记异议",
    save_objection: "保存处理结果",
    remove_objection: "移除这条异议",
    confirm_remove: "移除异议 {}（{}）？它的处理结果将一并删除。仅用于误登记或重复登记的异议。",
    confirm_remove_yes: "确认移除",
    confirm_remove_no: "保留",
    removed: "已移除异议（{}收到）：{}",
};

const EN: EvidenceTexts = EvidenceTexts {
    record: "Record evidence",
    record_label: "Record evidence: {}",
    title: "Evidence on {}",
    close: "Close",
    files_refused: "Files are not taken in while this evidence dialog is open: the files just dropped were not read. Close the dialog, then drop them on the page again.",
    standing: "Standing now: {}",
    nothing: "Nothing recorded yet.",
    recorded_as: "Recorded: {}",
    save: "Record",
    clear: "Clear",
    saved: "{} recorded.",
    cleared: "{} cleared.",
    refused: "Not recorded; what you typed is kept:",
    evaluator: "Evaluator",
    evaluation_date: "Date of the evaluation",
    score: "Score",
    report: "Report reference",
    survey_by: "Surveyed by",
    survey_date: "Date the survey closed",
    answers: "Answers",
    by_counts: "respondents and satisfied",
    by_options: "count per answer option",
    option: "Option",
    counts_satisfied: "counts as satisfied",
    add_option: "Add an option",
    remove_option: "Remove option “{}”",
    as_typed: "As typed: {}",
    on_site_date: "Date of the verification",
    team: "Team (one member per line)",
    checked: "What was checked",
    check_note: "{}: what exactly",
    findings: "Findings",
    conclusion: "Conclusion",
    objections_title: "Objections during the public notice",
    objections_none: "No objection received during the notice.",
    objection_n: "Objection {}",
    received: "Date received",
    summary: "What it says",
    resolution: "Resolution",
    resolution_note: "How it was looked into",
    new_objection: "Register an objection",
    add_objection: "Register the objection",
    save_objection: "Record the resolution",
    remove_objection: "Remove this objection",
    confirm_remove: "Remove objection {} (“{}”)? Its resolution goes with it. Only for an objection registered by mistake or twice.",
    confirm_remove_yes: "Remove it",
    confirm_remove_no: "Keep it",
    removed: "Objection removed (received {}): {}",
};

/// The evidence panel's strings in `lang`.
pub fn evidence_texts(lang: Lang) -> &'static EvidenceTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
