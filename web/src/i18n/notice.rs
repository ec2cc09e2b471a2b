//! The strings of the province page's public notice, its downloads, the pool's filter and the
//! candidate opened read-only, one table per language. The notice's problems, the list's
//! headers and sheet name, kinds and cities come from `shifan-rules`.

use shifan_rules::Lang;

/// The notice, filter and viewer strings in one language.
#[derive(Debug)]
pub struct NoticeTexts {
    /// The notice section's heading.
    pub title: &'static str,
    /// What the notice needs: at least `{}` days.
    pub lead: &'static str,
    /// The first day.
    pub start: &'static str,
    /// The last day.
    pub end: &'static str,
    /// Where it is published.
    pub published_in: &'static str,
    /// Where objections go.
    pub objections_to: &'static str,
    /// Set the notice.
    pub set: &'static str,
    /// The form differs from the notice set.
    pub unset_changes: &'static str,
    /// The notice was refused.
    pub refused: &'static str,
    /// The printed list's title: `{}` the round.
    pub list_title: &'static str,
    /// Notice period `{}` to `{}`.
    pub period: &'static str,
    /// Published in `{}`.
    pub published: &'static str,
    /// Objections to `{}`.
    pub objections: &'static str,
    /// No notice set yet.
    pub no_notice: &'static str,
    /// Nobody on the list yet.
    pub list_empty: &'static str,
    /// Print the list.
    pub print: &'static str,
    /// The list as a workbook.
    pub list_xlsx: &'static str,
    /// The list as CSV.
    pub list_csv: &'static str,
    /// The ranking's downloads: heading.
    pub ranking_title: &'static str,
    /// What the ranking's table holds.
    pub ranking_hint: &'static str,
    /// The ranking as a workbook.
    pub ranking_xlsx: &'static str,
    /// The ranking as CSV.
    pub ranking_csv: &'static str,
    /// Writing a table.
    pub exporting: &'static str,
    /// The spreadsheet module failed: `{}`.
    pub sheet_failed: &'static str,
    /// The filter: city.
    pub filter_city: &'static str,
    /// Every city.
    pub all_cities: &'static str,
    /// The filter: kind.
    pub filter_kind: &'static str,
    /// Both kinds.
    pub all_kinds: &'static str,
    /// The filter: search.
    pub search: &'static str,
    /// Showing `{}` of `{}`.
    pub shown: &'static str,
    /// Show everyone again.
    pub clear_filter: &'static str,
    /// Nobody matches; `{}` in the pool.
    pub none_match: &'static str,
    /// Open `{}` read-only.
    pub open_label: &'static str,
    /// Back to the pool.
    pub back: &'static str,
    /// The viewer's note on what it is.
    pub read_only_hint: &'static str,
    /// How it came: `{}`.
    pub came_by: &'static str,
}

const ZH: NoticeTexts = NoticeTexts {
    title: "拟命名名单公示",
    lead: "公示期不少于方案规定的 {} 天（含首尾两天），须写明公示媒体和异议受理渠道。公示名单为在排名中选定命名的对象。",
    start: "公示开始日期",
    end: "公示结束日期",
    published_in: "公示媒体",
    objections_to: "异议受理渠道",
    set: "设定公示",
    unset_changes: "表单已修改，尚未设定。",
    refused: "公示未设定：",
    list_title: "{}拟命名对象名单公示",
    period: "公示期：{} 至 {}",
    published: "公示媒体：{}",
    objections: "异议受理：{}",
    no_notice: "公示期尚未设定。",
    list_empty: "还没有选定命名对象：请在上面的排名中勾选。",
    print: "打印公示名单",
    list_xlsx: "导出公示名单（Excel）",
    list_csv: "导出公示名单（CSV）",
    ranking_title: "导出排名",
    ranking_hint: "两类申报的排名合为一张表：名次或未排名原因、各部分得分、综合得分及其算式。",
    ranking_xlsx: "导出排名（Excel）",
    ranking_csv: "导出排名（CSV）",
    exporting: "正在生成表格……",
    sheet_failed: "无法生成表格文件：{}",
    filter_city: "所属市",
    all_cities: "全部市",
    filter_kind: "申报类型",
    all_kinds: "全部类型",
    search: "搜索申报单位",
    shown: "显示 {} 个，共 {} 个。",
    clear_filter: "显示全部",
    none_match: "没有符合筛选条件的候选对象（共 {} 个，均未移除）。",
    open_label: "以只读方式查看{}的申报",
    back: "← 返回候选对象列表",
    read_only_hint: "这是申报单位提交的原始自评内容，省级评审时只能查看，不能修改。",
    came_by: "推荐途径：{}",
};

const EN: NoticeTexts = NoticeTexts {
    title: "Public notice of the candidate list",
    lead: "The notice lasts at least the profile's {} days (first and last day included) and says where it is published and where objections go. The list holds the candidates chosen for naming in the ranking.",
    start: "First day",
    end: "Last day",
    published_in: "Published in",
    objections_to: "Objections to",
    set: "Set the notice",
    unset_changes: "The form has changes not yet set.",
    refused: "The notice was not set:",
    list_title: "{}: candidates proposed for naming, public notice",
    period: "Notice period: {} to {}",
    published: "Published in: {}",
    objections: "Objections to: {}",
    no_notice: "The notice period is not set yet.",
    list_empty: "No candidate chosen for naming yet: tick them in the ranking above.",
    print: "Print the list",
    list_xlsx: "Export the list (Excel)",
    list_csv: "Export the list (CSV)",
    ranking_title: "Export the ranking",
    ranking_hint: "Both kinds' rankings in one table: position or why not ranked, each part's figures, the composite and its formula.",
    ranking_xlsx: "Export the ranking (Excel)",
    ranking_csv: "Export the ranking (CSV)",
    exporting: "Writing the table…",
    sheet_failed: "The table file could not be written: {}",
    filter_city: "City",
    all_cities: "All cities",
    filter_kind: "Kind",
    all_kinds: "Both kinds",
    search: "Search applicants",
    shown: "Showing {} of {}.",
    clear_filter: "Show all",
    none_match: "No candidate matches the filter ({} in the pool, none removed).",
    open_label: "View the application of {} read-only",
    back: "← Back to the candidates",
    read_only_hint: "This is the self-assessment exactly as the applicant submitted it; the provincial evaluation can look but not change it.",
    came_by: "Came by: {}",
};

/// The notice, filter and viewer strings in `lang`.
pub fn notice_texts(lang: Lang) -> &'static NoticeTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
