//! The strings of the province page's register and supervision section, one table per
//! language. Standings, conclusions, kinds, delisting grounds, table headers and every problem
//! come from `shifan-rules`.

use shifan_rules::Lang;

/// The supervision section's strings in one language.
#[derive(Debug)]
pub struct SupervisionTexts {
    /// Section heading.
    pub title: &'static str,
    /// What the section does.
    pub lead: &'static str,
    /// Use the register of this session's naming.
    pub use_named: &'static str,
    /// Pick register and annual report files.
    pub choose_files: &'static str,
    /// The register loaded: `{}` province, `{}` round, `{}` events.
    pub loaded: &'static str,
    /// `{}` loaded as the register.
    pub intake_register: &'static str,
    /// `{}`: report for `{}` year `{}` received.
    pub intake_report: &'static str,
    /// `{}` could not be used:
    pub intake_refused: &'static str,
    /// Download the extended register.
    pub export: &'static str,
    /// Stop supervising this register.
    pub close: &'static str,
    /// Standings heading, `{}` is today.
    pub standings_title: &'static str,
    /// No report year yet.
    pub standings_empty: &'static str,
    /// Entry checks heading.
    pub entry_title: &'static str,
    /// The entry picker's label.
    pub entry_label: &'static str,
    /// Revisit heading.
    pub revisit_title: &'static str,
    /// Check team.
    pub team: &'static str,
    /// What was checked.
    pub checked: &'static str,
    /// Findings.
    pub findings: &'static str,
    /// Date of the check.
    pub check_date: &'static str,
    /// Load the place's new self-assessment file.
    pub choose_assessment: &'static str,
    /// The file is another government's: `{}`.
    pub other_government: &'static str,
    /// Compliance at naming vs now: heading of the area column.
    pub col_area: &'static str,
    /// At naming.
    pub col_then: &'static str,
    /// Now.
    pub col_now: &'static str,
    /// Total row.
    pub total: &'static str,
    /// Not known at naming (the named application is not in this session).
    pub unknown_then: &'static str,
    /// `{met}` of `{applicable}` met; the bar is `{num}/{den}`:
    /// `{met}×{den} = {product} {≥ or <} {product} = {num}×{applicable}`.
    pub arithmetic: &'static str,
    /// Conclusion: `{}`.
    pub conclusion: &'static str,
    /// An aspect confirmed.
    pub aspect_confirmed: &'static str,
    /// The team's conclusion for a project.
    pub project_conclusion: &'static str,
    /// Record the revisit.
    pub record_revisit: &'static str,
    /// Delisting heading.
    pub delist_title: &'static str,
    /// The ground.
    pub ground: &'static str,
    /// The facts.
    pub facts: &'static str,
    /// The decision's document number.
    pub document_number: &'static str,
    /// The decision's date.
    pub decision_date: &'static str,
    /// Delist… (asks for confirmation).
    pub delist: &'static str,
    /// Confirmation question: delist `{}` on `{}`?
    pub confirm: &'static str,
    /// Confirm.
    pub confirm_yes: &'static str,
    /// Cancel.
    pub confirm_no: &'static str,
    /// Delisted already: `{}`.
    pub delisted: &'static str,
    /// Public list heading.
    pub public_title: &'static str,
    /// Print the public list.
    pub print: &'static str,
    /// Export the public list as CSV.
    pub export_csv: &'static str,
    /// The CSV could not be written: `{}`.
    pub csv_failed: &'static str,
}

const ZH: SupervisionTexts = SupervisionTexts {
    title: "命名名册与监督管理",
    lead: "载入命名时形成的名册，导入各地的年度报告，记录回访核查和摘牌决定；每个事件都追加到名册的历史中，下载的新名册只会延长原名册。",
    use_named: "使用本次命名的名册",
    choose_files: "选择名册或年度报告文件",
    loaded: "名册：{}，{}，共 {} 个事件。",
    intake_register: "已载入名册「{}」。",
    intake_report: "「{}」：已登记{}的 {} 年度报告。",
    intake_refused: "「{}」无法使用：",
    export: "下载更新后的名册",
    close: "关闭此名册",
    standings_title: "年度报告情况（截至 {}）",
    standings_empty: "还没有应报送的年度报告。",
    entry_title: "回访核查与摘牌",
    entry_label: "命名对象",
    revisit_title: "回访核查",
    team: "核查组",
    checked: "核查内容",
    findings: "核查发现",
    check_date: "核查日期",
    choose_assessment: "载入该地新的自评文件",
    other_government: "这份自评文件是{}的，不是所选命名对象的。",
    col_area: "领域",
    col_then: "命名时",
    col_now: "现在",
    total: "合计",
    unknown_then: "（命名时的申报不在本次工作记录中）",
    arithmetic: "达标 {} 项，适用 {} 项；标准为 {}/{}：{}×{} = {} {} {} = {}×{}。",
    conclusion: "结论：{}",
    aspect_confirmed: "属实",
    project_conclusion: "核查组结论",
    record_revisit: "记录回访核查",
    delist_title: "摘牌",
    ground: "摘牌情形",
    facts: "事实",
    document_number: "决定文号",
    decision_date: "决定日期",
    delist: "摘牌……",
    confirm: "确认以“{}”为由对{}摘牌？摘牌记入名册后不能撤销。",
    confirm_yes: "确认摘牌",
    confirm_no: "取消",
    delisted: "已于 {} 摘牌。",
    public_title: "示范名单（公开）",
    print: "打印名单",
    export_csv: "导出名单（CSV）",
    csv_failed: "无法生成 CSV：{}",
};

const EN: SupervisionTexts = SupervisionTexts {
    title: "Register and supervision",
    lead: "Load the register written at naming, take in the places' annual reports, record revisit checks and delisting decisions; every event is appended to the register's history, and the register downloaded only extends the one loaded.",
    use_named: "Use the register of this naming",
    choose_files: "Choose register or annual report files",
    loaded: "Register: {}, {}, {} events.",
    intake_register: "Loaded the register “{}”.",
    intake_report: "“{}”: the report of {} for {} is recorded as received.",
    intake_refused: "“{}” cannot be used:",
    export: "Download the updated register",
    close: "Close this register",
    standings_title: "Annual reports (as of {})",
    standings_empty: "No annual report is due yet.",
    entry_title: "Revisit checks and delisting",
    entry_label: "Named entry",
    revisit_title: "Revisit check",
    team: "Check team",
    checked: "What was checked",
    findings: "Findings",
    check_date: "Date of the check",
    choose_assessment: "Load the place's new self-assessment file",
    other_government: "This self-assessment is {}'s, not the chosen entry's.",
    col_area: "Area",
    col_then: "At naming",
    col_now: "Now",
    total: "Total",
    unknown_then: "(the application named is not in this work record)",
    arithmetic: "{} met of {} applicable; the bar is {}/{}: {}×{} = {} {} {} = {}×{}.",
    conclusion: "Conclusion: {}",
    aspect_confirmed: "confirmed",
    project_conclusion: "The team's conclusion",
    record_revisit: "Record the revisit check",
    delist_title: "Delisting",
    ground: "Ground",
    facts: "Facts",
    document_number: "Decision's document number",
    decision_date: "Date of the decision",
    delist: "Delist…",
    confirm: "Delist on the ground “{}”: {}? Once in the register it cannot be undone.",
    confirm_yes: "Confirm the delisting",
    confirm_no: "Cancel",
    delisted: "Delisted on {}.",
    public_title: "Public list of demonstrations",
    print: "Print the list",
    export_csv: "Export the list (CSV)",
    csv_failed: "The CSV could not be written: {}",
};

/// The supervision section's strings in `lang`.
pub fn supervision_texts(lang: Lang) -> &'static SupervisionTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
