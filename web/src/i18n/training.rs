//! Training mode's strings, one table per language like the rest of [`crate::i18n`]: training
//! is on a page of its own (the full build), so its strings live in a table of their own and
//! stay out of the county page.

use shifan_rules::Lang;

/// The strings of training mode in one language.
#[derive(Debug)]
pub struct TrainingTexts {
    /// Training mode: the banner.
    pub training_banner: &'static str,
    /// Training mode: back to the training page.
    pub training_back: &'static str,
    /// Training page heading.
    pub training_title: &'static str,
    /// Training page introduction.
    pub training_lead: &'static str,
    /// Load another catalog file.
    pub load_catalog: &'static str,
    /// What catalog files can be loaded.
    pub load_catalog_hint: &'static str,
    /// Back to the built-in catalog.
    pub use_reference: &'static str,
    /// `{}` cannot be loaded; the catalog stays.
    pub load_catalog_failed: &'static str,
    /// Demo counties heading.
    pub demos_title: &'static str,
    /// Demo counties, explained.
    pub demos_hint: &'static str,
    /// Each demo's label and description (well above, just below, single-item).
    pub demos: [(&'static str, &'static str); 3],
    /// Open a demo.
    pub open_demo: &'static str,
    /// Catalog browser heading.
    pub browser_title: &'static str,
    /// Search box label.
    pub search_label: &'static str,
    /// Search box example.
    pub search_placeholder: &'static str,
    /// Applicability filter label.
    pub scope_label: &'static str,
    /// Applicability filter choices: all, city, county.
    pub scopes: [&'static str; 3],
    /// `{}` of `{}` indicators shown.
    pub shown_count: &'static str,
    /// No indicator matches.
    pub no_match: &'static str,
    /// Applicability of an indicator: both, city only, county only.
    pub applies: [&'static str; 3],
    /// Criteria heading in the catalog browser.
    pub criteria_heading: &'static str,
    /// Evidence heading in the catalog browser.
    pub evidence_heading: &'static str,
    /// A loaded catalog confirmed: title `{}`, `{}` indicators, fingerprint `{}`.
    pub catalog_loaded: &'static str,
}

/// Training mode's strings in `lang`.
pub fn training_texts(lang: Lang) -> &'static TrainingTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Chinese, the default.
pub static ZH: TrainingTexts = TrainingTexts {
    training_banner: "培训演示模式：所做修改不会保存",
    training_back: "返回培训页",
    training_title: "培训演示",
    training_lead: "对照指标目录逐项讲解：检索关键词、按适用范围筛选，或打开一个示例县，看自评是什么样子。",
    load_catalog: "载入其他指标目录…",
    load_catalog_hint: "可载入指标目录 JSON 文件，或从 Excel 另存为“CSV UTF-8”的指标表格。只在本次培训演示中使用，不会保存。",
    use_reference: "改用内置参考目录",
    load_catalog_failed: "无法载入“{}”，仍使用原来的指标目录。问题如下：",
    catalog_loaded: "已载入指标目录“{}”：共 {} 项指标，目录指纹 {}。目录浏览和演示县现在都使用它（仅本次培训，不保存）。",
    demos_title: "示例县",
    demos_hint: "按当前指标目录自动生成的虚构自评，一键打开；可以随意修改，不会保存。",
    demos: [
        ("远高于标准线", "综合示范，绝大多数适用指标达标"),
        ("略低于标准线", "综合示范，再达标几项即可达到标准线"),
        ("单项示范项目", "单项示范，附创新性等四个方面的说明"),
    ],
    open_demo: "打开示例",
    browser_title: "指标目录",
    search_label: "检索指标（输入即查，多个词用空格分开）",
    search_placeholder: "如：规章、复议、行政执法",
    scope_label: "适用范围",
    scopes: ["全部", "设区的市", "县级"],
    shown_count: "显示 {} 项指标（共 {} 项）",
    no_match: "没有符合条件的指标。",
    applies: ["市县通用", "仅设区的市", "仅县级"],
    criteria_heading: "评价要点",
    evidence_heading: "佐证材料",
};

/// English.
pub static EN: TrainingTexts = TrainingTexts {
    training_banner: "Training mode: changes are not saved",
    training_back: "Back to training",
    training_title: "Training and demonstration",
    training_lead: "Walk through the catalog: search for a word, filter by who an indicator applies to, or open a demo county to see what a self-assessment looks like.",
    load_catalog: "Load another catalog…",
    load_catalog_hint: "A catalog JSON file, or an indicator table saved from Excel as \"CSV UTF-8\". Used for this training session only; not saved.",
    use_reference: "Use the built-in reference catalog",
    load_catalog_failed: "\"{}\" cannot be loaded; the catalog in use is unchanged. Problems:",
    catalog_loaded: "Catalog loaded: “{}”, {} indicators, fingerprint {}. The catalog browser and the demo counties use it now (for this training session only; not saved).",
    demos_title: "Demo counties",
    demos_hint: "Invented self-assessments made from the catalog in use, opened with one click; change anything, nothing is saved.",
    demos: [
        (
            "Well above the line",
            "Comprehensive; nearly every applicable indicator met",
        ),
        (
            "Just below the line",
            "Comprehensive; a few more met indicators reach the line",
        ),
        (
            "Single-item project",
            "Single-item project with its four-part narrative",
        ),
    ],
    open_demo: "Open demo",
    browser_title: "Indicator catalog",
    search_label: "Search indicators (as you type; separate words with spaces)",
    search_placeholder: "e.g. 规章, 复议, 行政执法",
    scope_label: "Applies to",
    scopes: ["All", "Cities", "Counties"],
    shown_count: "{} of {} indicators shown",
    no_match: "No indicator matches.",
    applies: ["City and county", "Cities only", "Counties only"],
    criteria_heading: "What met looks like",
    evidence_heading: "Evidence",
};
