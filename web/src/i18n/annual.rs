//! The annual report page's strings, one table per language like the rest of [`crate::i18n`]:
//! the report is written on a page of its own (the full build), so its strings stay out of the
//! county page. Part headings, guidance, deadlines and problems come from `shifan-rules`.

use shifan_rules::Lang;

/// The strings of the annual report page in one language.
#[derive(Debug)]
pub struct AnnualTexts {
    /// Page heading.
    pub title: &'static str,
    /// Start a report: heading.
    pub new_heading: &'static str,
    /// The government picker.
    pub government: &'static str,
    /// Its placeholder.
    pub choose_government: &'static str,
    /// The year reported on.
    pub year: &'static str,
    /// A national demonstration place.
    pub national: &'static str,
    /// What marking it changes.
    pub national_hint: &'static str,
    /// Start writing.
    pub start: &'static str,
    /// Open a report file: heading.
    pub open_heading: &'static str,
    /// Open a report file: button.
    pub open_file: &'static str,
    /// Saved reports: heading.
    pub saved_heading: &'static str,
    /// No saved reports.
    pub none_saved: &'static str,
    /// Continue writing.
    pub continue_writing: &'static str,
    /// Last written at `{}`.
    pub written_at: &'static str,
    /// A stored record that cannot be read.
    pub unreadable: &'static str,
    /// Download its text.
    pub download_raw: &'static str,
    /// The named place's section: heading.
    pub named_heading: &'static str,
    /// What loading the register does.
    pub named_intro: &'static str,
    /// Load the register: button.
    pub named_load: &'static str,
    /// None kept yet.
    pub named_none: &'static str,
    /// `{}` named as `{}` on `{}` by `{}`.
    pub named_as: &'static str,
    /// Delisted on `{}`.
    pub named_delisted: &'static str,
    /// In the season: the report on `{}` is due.
    pub named_due: &'static str,
    /// Out of the season: the next report, on `{}`.
    pub named_next: &'static str,
    /// Write it (the year's report).
    pub named_write: &'static str,
    /// The saved report was opened instead of a new one or the file.
    pub already_saved: &'static str,
    /// Another tab has the same report open.
    pub conflict: &'static str,
    /// Deadlines: heading.
    pub deadlines: &'static str,
    /// Last day `{}`.
    pub last_day: &'static str,
    /// Contact: heading.
    pub contact: &'static str,
    /// Contact person.
    pub contact_name: &'static str,
    /// Telephone.
    pub contact_phone: &'static str,
    /// E-mail.
    pub contact_email: &'static str,
    /// A required part.
    pub required: &'static str,
    /// An optional part.
    pub optional: &'static str,
    /// What to write: summary of the guidance.
    pub guidance: &'static str,
    /// `{}` characters written.
    pub count: &'static str,
    /// Attached self-assessment: heading.
    pub self_heading: &'static str,
    /// What attaching does.
    pub self_hint: &'static str,
    /// Attach: button.
    pub attach: &'static str,
    /// Attached: `{kind}` `{met}` of `{applicable}` met (`{pct}`), file `{fp}`, written `{date}`.
    pub attached: &'static str,
    /// Take it off.
    pub detach: &'static str,
    /// Export the sealed file.
    pub export: &'static str,
    /// Download the web version.
    pub download_html: &'static str,
    /// Download the text version.
    pub download_text: &'static str,
    /// The print version.
    pub print_view: &'static str,
    /// Print.
    pub print: &'static str,
    /// Back to writing.
    pub back: &'static str,
    /// Close the report.
    pub close: &'static str,
    /// Save state: saved at `{}`.
    pub saved_at: &'static str,
    /// Save state: saving.
    pub saving: &'static str,
    /// Save state: kept in this browser.
    pub saved_in_browser: &'static str,
    /// Save state: storage full.
    pub save_failed_full: &'static str,
    /// Save state: no storage.
    pub save_failed_unavailable: &'static str,
    /// The print version's footer: fingerprint `{}`.
    pub fingerprint: &'static str,
    /// The browser refused a download.
    pub download_refused: &'static str,
    /// Dismiss the problems.
    pub dismiss: &'static str,
}

const ZH: AnnualTexts = AnnualTexts {
    title: "法治政府建设年度报告",
    new_heading: "新建年度报告",
    government: "报告单位",
    choose_government: "请选择市或县（市、区）",
    year: "报告年度",
    national: "本地是全国法治政府建设示范地区",
    national_hint: "全国示范地区还须于次年 1 月底前经省级依法治省办向中央依法治国办报送上一年度工作情况。",
    start: "开始撰写",
    open_heading: "打开年度报告文件",
    open_file: "选择年度报告文件",
    saved_heading: "本浏览器中保存的年度报告",
    none_saved: "尚无保存的年度报告。",
    continue_writing: "继续撰写",
    written_at: "最后保存：{}",
    unreadable: "无法读取的记录（已原样保留）",
    download_raw: "下载原始内容",
    named_heading: "已命名的示范地区",
    named_intro: "本地已被命名为法治政府建设示范地区（项目）的，请先在上方选择本级政府，再载入省委依法治省办发布的命名名册。本浏览器会记住，并在每年报告期内提醒年度报告的期限。",
    named_load: "载入命名名册…",
    named_none: "本浏览器尚未记录本地的命名。",
    named_as: "{}于 {} 被命名为{}（{}）",
    named_delisted: "已于 {} 摘牌。",
    named_due: "报告期内：{} 年度的法治政府建设年度报告",
    named_next: "下一份年度报告：{} 年度",
    named_write: "撰写该年度报告",
    already_saved: "本浏览器中已保存了同一单位同一年度的报告，已打开保存的版本，所选内容未覆盖它。",
    conflict: "此报告已在另一个标签页中打开。请只在一个标签页中编辑，以免两处的修改互相覆盖。",
    deadlines: "报送和公开时限",
    last_day: "最后一天：{}",
    contact: "联系人",
    contact_name: "联系人",
    contact_phone: "联系电话",
    contact_email: "电子邮箱",
    required: "必写",
    optional: "可选",
    guidance: "写作提示",
    count: "已写 {} 字",
    self_heading: "附本年度自评情况",
    self_hint: "可附上本年度的自查自评申报文件：报告中记下其指纹和当时的达标情况，供省级掌握变化趋势。",
    attach: "选择自评申报文件",
    attached: "已附：{}自评，达标 {} / 适用 {}（{}），文件指纹 {}，写出于 {}。",
    detach: "移除所附自评",
    export: "导出报告文件（.json）",
    download_html: "下载网页版（.html）",
    download_text: "下载文本版（.txt）",
    print_view: "打印版（A4）",
    print: "打印",
    back: "返回撰写",
    close: "关闭报告",
    saved_at: "已保存 {}",
    saving: "正在保存…",
    saved_in_browser: "保存在本浏览器中",
    save_failed_full: "保存失败：浏览器存储空间已满。请导出报告文件保存到电脑。",
    save_failed_unavailable: "保存失败：浏览器不允许本页面保存。请导出报告文件保存到电脑。",
    fingerprint: "文件指纹：{}",
    download_refused: "浏览器拒绝了下载。",
    dismiss: "知道了",
};

const EN: AnnualTexts = AnnualTexts {
    title: "Annual report on building a law-based government",
    new_heading: "New annual report",
    government: "Reporting government",
    choose_government: "Choose a city or county",
    year: "Year reported on",
    national: "This is a national demonstration place",
    national_hint: "A national demonstration place also reports its previous year's work through the province to the central office by the end of January.",
    start: "Start writing",
    open_heading: "Open an annual report file",
    open_file: "Choose a report file",
    saved_heading: "Annual reports saved in this browser",
    none_saved: "No annual report saved yet.",
    continue_writing: "Continue",
    written_at: "Last saved: {}",
    unreadable: "A record that cannot be read (kept as it is)",
    download_raw: "Download its text",
    named_heading: "Named demonstration place",
    named_intro: "If your government has been named a rule-of-law government demonstration place (or project), choose it above, then load the register the provincial office published. This browser remembers it and reminds you of the annual report's deadlines in each reporting season.",
    named_load: "Load the register…",
    named_none: "This browser has no naming of your government yet.",
    named_as: "{}, named on {} as {} ({})",
    named_delisted: "Delisted on {}.",
    named_due: "Reporting season: the annual report on {}",
    named_next: "Next annual report: on {}",
    named_write: "Write this year's report",
    already_saved: "A report of the same government and year is saved in this browser: the saved one is open, and nothing replaced it.",
    conflict: "This report is open in another tab. Edit it in one tab only, or the changes of one overwrite the other's.",
    deadlines: "Deadlines",
    last_day: "last day: {}",
    contact: "Contact",
    contact_name: "Contact person",
    contact_phone: "Telephone",
    contact_email: "E-mail",
    required: "required",
    optional: "optional",
    guidance: "What to write",
    count: "{} characters written",
    self_heading: "The year's self-assessment",
    self_hint: "You may attach this year's self-assessment application file: the report records its fingerprint and compliance then, so the province sees the trend.",
    attach: "Choose the application file",
    attached: "Attached: {} self-assessment, {} of {} applicable met ({}), file {}, written {}.",
    detach: "Remove the self-assessment",
    export: "Export the report file (.json)",
    download_html: "Download the web version (.html)",
    download_text: "Download the text version (.txt)",
    print_view: "Print version (A4)",
    print: "Print",
    back: "Back to writing",
    close: "Close the report",
    saved_at: "Saved {}",
    saving: "Saving…",
    saved_in_browser: "Kept in this browser",
    save_failed_full: "Not saved: the browser's storage is full. Export the report file to your computer.",
    save_failed_unavailable: "Not saved: the browser does not let this page keep data. Export the report file to your computer.",
    fingerprint: "File fingerprint: {}",
    download_refused: "The browser refused the download.",
    dismiss: "Dismiss",
};

/// The table for `lang`.
pub fn texts(lang: Lang) -> &'static AnnualTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
