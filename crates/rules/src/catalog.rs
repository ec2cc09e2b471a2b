//! The indicator catalog: areas (一级), sections (二级) and numbered indicators (三级), as data.
//!
//! A catalog is JSON, validated on load by [`Catalog::from_json`] and fingerprinted over its
//! canonical form, so that an application file can name exactly the catalog it was answered
//! against. The built-in editions are embedded at compile time and go through the same
//! validation as a catalog a user loads.

use crate::canonical;
use crate::division::GovLevel;
use crate::problem::{Code, Problem};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

/// The most checkable points one indicator may have (points are numbered with a `u8`).
pub const MAX_CRITERIA: usize = 32;

/// The catalog as written in its JSON file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogData {
    /// Stable identifier, e.g. `shifan-reference-2019`.
    pub id: String,
    /// Title of the indicator system.
    pub title: String,
    /// Who issued this catalog.
    pub issuer: String,
    /// Edition year.
    pub year: u16,
    /// Where the text comes from and how far it can be relied on.
    pub provenance: String,
    /// Share of applicable indicators that must be met for a comprehensive demonstration.
    pub threshold: Threshold,
    /// First-level areas in table order.
    pub areas: Vec<Area>,
    /// Additional items (附加项), outside the numbered indicators.
    pub additional_items: Vec<AdditionalItem>,
    /// Categories of single-item demonstration projects.
    pub single_item_categories: Vec<Category>,
}

/// An exact ratio: `numerator / denominator`, e.g. 90/100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Numerator.
    pub numerator: u32,
    /// Denominator, never zero in a valid catalog.
    pub denominator: u32,
}

impl Threshold {
    /// Whether `met` out of `applicable` reaches this threshold, in exact integer arithmetic.
    ///
    /// Nothing applicable means nothing to judge, so that never reaches it.
    ///
    /// ```
    /// use shifan_rules::catalog::Threshold;
    /// let t = Threshold { numerator: 90, denominator: 100 };
    /// assert!(t.is_reached(90, 100));
    /// assert!(!t.is_reached(89, 99)); // 89.898…%
    /// assert!(t.is_reached(89, 98));  // 90.816…%
    /// assert!(!t.is_reached(0, 0));
    /// ```
    pub fn is_reached(&self, met: u32, applicable: u32) -> bool {
        applicable > 0
            && u64::from(met) * u64::from(self.denominator)
                >= u64::from(self.numerator) * u64::from(applicable)
    }

    /// The threshold in tenths of a percent, rounded up (90/100 → 900).
    pub fn per_mille(&self) -> u32 {
        let d = u64::from(self.denominator.max(1));
        (u64::from(self.numerator) * 1000).div_ceil(d) as u32
    }

    /// The threshold as a percentage for people, rounded down to 0.1% like every percentage
    /// shown, and saying so when that is not exact.
    ///
    /// ```
    /// use shifan_rules::{Lang, catalog::Threshold};
    /// assert_eq!(Threshold { numerator: 9, denominator: 10 }.percent(Lang::Zh), "90.0%");
    /// assert_eq!(Threshold { numerator: 2, denominator: 3 }.percent(Lang::Zh), "66.6%（向下取整）");
    /// assert_eq!(Threshold { numerator: 2, denominator: 3 }.percent(Lang::En), "66.6% (rounded down)");
    /// ```
    pub fn percent(&self, lang: crate::Lang) -> String {
        let d = u64::from(self.denominator.max(1));
        let scaled = u64::from(self.numerator) * 1000;
        let shown = crate::score::Ratio {
            met: self.numerator,
            applicable: self.denominator.max(1),
        }
        .percent();
        if scaled % d == 0 {
            return shown;
        }
        match lang {
            crate::Lang::Zh => format!("{shown}（向下取整）"),
            crate::Lang::En => format!("{shown} (rounded down)"),
        }
    }
}

/// A first-level area (一级指标).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// 1-based position; shown as 一、二、…
    pub number: u8,
    /// Title.
    pub title: String,
    /// Second-level sections in table order.
    pub sections: Vec<Section>,
}

/// A second-level section (二级指标), numbered continuously through the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Number, continuous through the whole table.
    pub number: u16,
    /// Title.
    pub title: String,
    /// Third-level indicators in table order.
    pub indicators: Vec<Indicator>,
}

/// A third-level indicator (三级指标), numbered continuously 1..N through the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Number, continuous through the whole table.
    pub number: u16,
    /// Short title.
    pub title: String,
    /// Checkable points; all of them together are what "met" looks like.
    pub criteria: Vec<String>,
    /// Documents that prove the indicator is met.
    pub evidence: Vec<String>,
    /// Which level of government the indicator applies to.
    pub applies_to: Applicability,
}

/// Which level of government an indicator applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Cities and county-level governments alike.
    Both,
    /// Only prefecture-level cities (e.g. powers of cities with legislative power).
    City,
    /// Only county-level governments.
    County,
}

impl Applicability {
    /// Whether an indicator with this applicability applies to a government at `level`.
    pub fn applies_to(self, level: GovLevel) -> bool {
        matches!(
            (self, level),
            (Applicability::Both, _)
                | (Applicability::City, GovLevel::City)
                | (Applicability::County, GovLevel::County)
        )
    }

    /// The value as written in catalogs and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Both => "both",
            Applicability::City => "city",
            Applicability::County => "county",
        }
    }
}

/// An additional item (附加项), outside the numbered indicators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdditionalItem {
    /// Short code, unique in the catalog.
    pub code: String,
    /// Title.
    pub title: String,
    /// What the item asks for.
    pub description: String,
}

/// A category of single-item demonstration project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Stable identifier, e.g. `business-environment`.
    pub id: String,
    /// Title, e.g. 优化法治化营商环境.
    pub title: String,
}

/// Where an indicator sits in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Position {
    area: usize,
    section: usize,
    indicator: usize,
}

/// A validated, fingerprinted catalog. Only [`Catalog::from_json`] and [`Catalog::from_data`]
/// make one, so every `Catalog` in the program has passed validation.
#[derive(Clone, Debug)]
pub struct Catalog {
    data: CatalogData,
    fingerprint: String,
    positions: Vec<Position>,
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        self.fingerprint == other.fingerprint
    }
}

/// `data/catalog-reference-2019.json` without its indentation (see `build.rs`).
const REFERENCE_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/catalog-reference-2019.min.json"));

/// The reference catalog's fingerprint, as `data/catalog-reference-2019.fingerprint` records it.
/// Kept as data beside the catalog rather than computed at start: hashing the canonical form
/// took about 9 ms of the county page's start, for a value that changes only with the file.
/// The test `the_reference_catalog_is_valid_and_built_as_validation_builds_it` fails when the
/// two part.
const REFERENCE_FINGERPRINT: &str = include_str!("../data/catalog-reference-2019.fingerprint");

/// The largest catalog file accepted, checked before parsing.
pub const MAX_CATALOG_BYTES: usize = 5 * 1024 * 1024;

impl Catalog {
    /// The reference catalog shipped with shifan: the published structure of the 2019 edition,
    /// reconstructed in the project's own words (see its provenance note).
    pub fn reference() -> &'static Catalog {
        Self::reference_cell()
    }

    /// The reference catalog behind the one shared pointer every caller gets: built once, and
    /// never copied (a copy of the catalog is every indicator's texts again).
    pub fn shared_reference() -> Arc<Catalog> {
        Arc::clone(Self::reference_cell())
    }

    fn reference_cell() -> &'static Arc<Catalog> {
        static REFERENCE: OnceLock<Arc<Catalog>> = OnceLock::new();
        REFERENCE.get_or_init(|| {
            // Not validated again here: the data is a constant of this crate, and the test
            // `the_reference_catalog_is_valid_and_built_as_validation_builds_it` checks that
            // `from_json` accepts it and builds the same catalog. Skipping it keeps the
            // validator and the catalog's serializer out of the county's web page, which reads
            // no other catalog. The fingerprint is the recorded one, which that test also
            // checks against the one validation computes.
            let parsed = crate::input::parse_json(REFERENCE_JSON.as_bytes(), usize::MAX)
                .ok()
                .and_then(|value| {
                    let data = crate::json::from_value(&value).ok()?;
                    Some(Catalog::assemble(
                        data,
                        REFERENCE_FINGERPRINT.trim().to_owned(),
                    ))
                });
            match parsed {
                Some(catalog) => Arc::new(catalog),
                None => panic!("the built-in reference catalog does not parse"),
            }
        })
    }

    /// Parses and validates a catalog from JSON bytes.
    pub fn from_json(bytes: &[u8]) -> Result<Catalog, Vec<Problem>> {
        let value = crate::input::parse_json(bytes, MAX_CATALOG_BYTES)?;
        // Deserialising through `Value` with `crate::json`, like every other reader, keeps a
        // single deserializer in the WebAssembly build, which is much of its size.
        let data: CatalogData = crate::json::from_value(&value).map_err(|e| {
            vec![Problem::new(
                Code::InvalidCatalog,
                format!("不是有效的指标目录：{}。", e.zh()),
                format!("not a valid indicator catalog: {}", e.en()),
            )]
        })?;
        Catalog::from_data(data)
    }

    /// Validates catalog data and computes its fingerprint.
    pub fn from_data(data: CatalogData) -> Result<Catalog, Vec<Problem>> {
        let problems = validate(&data);
        if !problems.is_empty() {
            return Err(problems);
        }
        let value = serde_json::to_value(&data).map_err(|e| {
            vec![Problem::new(
                Code::InvalidCatalog,
                format!("无法序列化目录：{e}"),
                format!("cannot serialise catalog: {e}"),
            )]
        })?;
        Ok(Catalog::assemble(data, canonical::fingerprint(&value)))
    }

    /// A catalog from data already known to be valid, with its fingerprint.
    fn assemble(data: CatalogData, fingerprint: String) -> Catalog {
        let mut positions = Vec::new();
        for (a, area) in data.areas.iter().enumerate() {
            for (s, section) in area.sections.iter().enumerate() {
                for i in 0..section.indicators.len() {
                    positions.push(Position {
                        area: a,
                        section: s,
                        indicator: i,
                    });
                }
            }
        }
        Catalog {
            data,
            fingerprint,
            positions,
        }
    }

    /// The catalog's data as loaded.
    pub fn data(&self) -> &CatalogData {
        &self.data
    }

    /// The catalog's id.
    pub fn id(&self) -> &str {
        &self.data.id
    }

    /// The catalog's title.
    pub fn title(&self) -> &str {
        &self.data.title
    }

    /// `sha256:` and the hex SHA-256 of the catalog's canonical JSON.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The first 12 hex digits of [`Catalog::fingerprint`], the short form shown on screen
    /// (as [`crate::ApplicationFile::short_fingerprint`] is for an application).
    pub fn short_fingerprint(&self) -> &str {
        let hex = self
            .fingerprint
            .strip_prefix(crate::canonical::SHA256_PREFIX)
            .unwrap_or(&self.fingerprint);
        hex.get(..12).unwrap_or(hex)
    }

    /// The comprehensive threshold.
    pub fn threshold(&self) -> Threshold {
        self.data.threshold
    }

    /// The areas in table order.
    pub fn areas(&self) -> &[Area] {
        &self.data.areas
    }

    /// The number of indicators (N: they are numbered 1..=N).
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    /// Whether the catalog has no indicators (never true for a valid catalog).
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// Every indicator in table order.
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> + '_ {
        self.data
            .areas
            .iter()
            .flat_map(|a| a.sections.iter())
            .flat_map(|s| s.indicators.iter())
    }

    /// Every indicator with its area and section, in table order.
    pub fn entries(&self) -> impl Iterator<Item = (&Area, &Section, &Indicator)> + '_ {
        self.data.areas.iter().flat_map(|a| {
            a.sections
                .iter()
                .flat_map(move |s| s.indicators.iter().map(move |i| (a, s, i)))
        })
    }

    /// The indicator numbered `number`.
    pub fn indicator(&self, number: u16) -> Option<&Indicator> {
        let p = self.position(number)?;
        Some(&self.data.areas[p.area].sections[p.section].indicators[p.indicator])
    }

    /// The area that holds indicator `number`.
    pub fn area_of(&self, number: u16) -> Option<&Area> {
        let p = self.position(number)?;
        Some(&self.data.areas[p.area])
    }

    /// The section that holds indicator `number`.
    pub fn section_of(&self, number: u16) -> Option<&Section> {
        let p = self.position(number)?;
        Some(&self.data.areas[p.area].sections[p.section])
    }

    fn position(&self, number: u16) -> Option<Position> {
        let index = usize::from(number).checked_sub(1)?;
        self.positions.get(index).copied()
    }

    /// The single-item category with `id`.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.data.single_item_categories.iter().find(|c| c.id == id)
    }

    /// The title of the single-item category `id`, or `id` itself when the catalog has no
    /// such category (an application answered against another catalog still names it).
    ///
    /// ```
    /// let catalog = shifan_rules::Catalog::reference();
    /// let first = &catalog.data().single_item_categories[0];
    /// assert_eq!(catalog.category_title(&first.id), first.title);
    /// assert_eq!(catalog.category_title("no-such-category"), "no-such-category");
    /// ```
    pub fn category_title(&self, id: &str) -> String {
        self.category(id)
            .map_or_else(|| id.to_string(), |c| c.title.clone())
    }

    /// The catalog as canonical, indented JSON.
    pub fn to_json(&self) -> String {
        canonical::to_pretty(&serde_json::to_value(&self.data).unwrap_or_default())
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn invalid(zh: String, en: String) -> Problem {
    Problem::new(Code::InvalidCatalog, zh, en)
}

/// Checks the structural rules of a catalog; an empty list means it is valid.
pub fn validate(data: &CatalogData) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut text = |value: &str, zh_what: &str, en_what: &str| {
        if blank(value) {
            problems.push(invalid(
                format!("{zh_what}为空"),
                format!("{en_what} is empty"),
            ));
        }
    };
    text(&data.id, "目录标识", "catalog id");
    text(&data.title, "目录标题", "catalog title");
    text(&data.issuer, "发布者", "issuer");
    text(&data.provenance, "来源说明", "provenance note");
    if data.id.chars().any(char::is_whitespace) {
        problems.push(invalid(
            "目录标识不能包含空白字符".into(),
            "the catalog id must not contain white space".into(),
        ));
    }
    let t = data.threshold;
    if t.denominator == 0 || t.numerator == 0 || t.numerator > t.denominator {
        problems.push(invalid(
            format!(
                "达标比例 {}/{} 不在 (0, 1] 范围内",
                t.numerator, t.denominator
            ),
            format!(
                "threshold {}/{} is not in (0, 1]",
                t.numerator, t.denominator
            ),
        ));
    }
    if data.areas.is_empty() {
        problems.push(invalid(
            "目录没有任何一级指标".into(),
            "the catalog has no areas".into(),
        ));
    }
    let (mut next_section, mut next_indicator) = (1u32, 1u32);
    for (a, area) in data.areas.iter().enumerate() {
        let expected_area = a + 1;
        if usize::from(area.number) != expected_area {
            problems.push(invalid(
                format!("一级指标编号应为 {expected_area}，实为 {}", area.number),
                format!(
                    "area number should be {expected_area}, found {}",
                    area.number
                ),
            ));
        }
        if blank(&area.title) {
            problems.push(invalid(
                format!("第 {expected_area} 个一级指标标题为空"),
                format!("area {expected_area} has an empty title"),
            ));
        }
        if area.sections.is_empty() {
            problems.push(invalid(
                format!("一级指标「{}」下没有二级指标", area.title),
                format!("area {expected_area} has no sections"),
            ));
        }
        for section in &area.sections {
            if u32::from(section.number) != next_section {
                problems.push(invalid(
                    format!("二级指标编号应为 {next_section}，实为 {}（编号须全表连续）", section.number),
                    format!("section number should be {next_section}, found {} (numbers run on through the table)", section.number),
                ));
            }
            next_section = u32::from(section.number) + 1;
            if blank(&section.title) {
                problems.push(invalid(
                    format!("第 {} 个二级指标标题为空", section.number),
                    format!("section {} has an empty title", section.number),
                ));
            }
            if section.indicators.is_empty() {
                problems.push(invalid(
                    format!("二级指标「{}」下没有三级指标", section.title),
                    format!("section {} has no indicators", section.number),
                ));
            }
            for indicator in &section.indicators {
                let n = indicator.number;
                if u32::from(n) != next_indicator {
                    problems.push(
                        invalid(
                            format!("三级指标编号应为 {next_indicator}，实为 {n}（编号须从 1 起全表连续）"),
                            format!("indicator number should be {next_indicator}, found {n} (numbers run 1..N through the table)"),
                        )
                        .at_indicator(n),
                    );
                }
                next_indicator = u32::from(n) + 1;
                if blank(&indicator.title) {
                    problems.push(
                        invalid("指标标题为空".into(), "the indicator title is empty".into())
                            .at_indicator(n),
                    );
                }
                if indicator.criteria.is_empty() || indicator.criteria.len() > MAX_CRITERIA {
                    problems.push(
                        invalid(
                            format!(
                                "评价要点应有 1 至 {MAX_CRITERIA} 条，实有 {} 条",
                                indicator.criteria.len()
                            ),
                            format!(
                                "an indicator needs 1 to {MAX_CRITERIA} checkable points, found {}",
                                indicator.criteria.len()
                            ),
                        )
                        .at_indicator(n),
                    );
                }
                if indicator
                    .criteria
                    .iter()
                    .chain(&indicator.evidence)
                    .any(|s| blank(s))
                {
                    problems.push(
                        invalid(
                            "评价要点或佐证材料中有空白条目".into(),
                            "a checkable point or evidence item is empty".into(),
                        )
                        .at_indicator(n),
                    );
                }
            }
        }
    }
    let mut codes = HashSet::new();
    for item in &data.additional_items {
        if blank(&item.code) || blank(&item.title) || blank(&item.description) {
            problems.push(invalid(
                "附加项的代码、标题或说明为空".into(),
                "an additional item has an empty code, title or description".into(),
            ));
        }
        if !codes.insert(item.code.as_str()) {
            problems.push(invalid(
                format!("附加项代码「{}」重复", item.code),
                format!("additional item code “{}” is repeated", item.code),
            ));
        }
    }
    if data.single_item_categories.is_empty() {
        problems.push(invalid(
            "目录没有单项示范类别".into(),
            "the catalog has no single-item categories".into(),
        ));
    }
    let mut ids = HashSet::new();
    for category in &data.single_item_categories {
        if blank(&category.id) || blank(&category.title) {
            problems.push(invalid(
                "单项示范类别的标识或标题为空".into(),
                "a single-item category has an empty id or title".into(),
            ));
        }
        if !ids.insert(category.id.as_str()) {
            problems.push(invalid(
                format!("单项示范类别「{}」重复", category.id),
                format!("single-item category “{}” is repeated", category.id),
            ));
        }
    }
    problems
}

/// The catalogs a reader knows: the built-in ones plus any a user loaded in this session.
#[derive(Clone, Debug)]
pub struct CatalogSet {
    catalogs: Vec<Arc<Catalog>>,
}

impl Default for CatalogSet {
    fn default() -> Self {
        Self::builtin()
    }
}

impl CatalogSet {
    /// The catalogs built into shifan.
    pub fn builtin() -> Self {
        Self {
            catalogs: vec![Catalog::shared_reference()],
        }
    }

    /// Adds a catalog; one with the same id and fingerprint is not added twice.
    pub fn add(&mut self, catalog: Catalog) -> Arc<Catalog> {
        if let Some(existing) = self
            .catalogs
            .iter()
            .find(|c| c.fingerprint() == catalog.fingerprint())
        {
            return existing.clone();
        }
        let catalog = Arc::new(catalog);
        self.catalogs.push(catalog.clone());
        catalog
    }

    /// Every catalog, built-in ones first.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<Catalog>> {
        self.catalogs.iter()
    }

    /// The catalog with this fingerprint.
    pub fn by_fingerprint(&self, fingerprint: &str) -> Option<&Arc<Catalog>> {
        self.catalogs
            .iter()
            .find(|c| c.fingerprint() == fingerprint)
    }

    /// Whether any catalog has this id.
    pub fn has_id(&self, id: &str) -> bool {
        self.catalogs.iter().any(|c| c.id() == id)
    }

    /// The catalog named by `id` and `fingerprint`, or the problem that explains why none is.
    pub fn resolve(&self, id: &str, fingerprint: &str) -> Result<&Arc<Catalog>, Problem> {
        match self
            .catalogs
            .iter()
            .find(|c| c.id() == id && c.fingerprint() == fingerprint)
        {
            Some(c) => Ok(c),
            None if self.has_id(id) => Err(Problem::new(
                Code::CatalogMismatch,
                format!("指标目录「{id}」的指纹与本程序所带版本不一致：文件是按另一版本填写的"),
                format!(
                    "catalog “{id}” has a different fingerprint here: the file was answered against another version"
                ),
            )),
            None => Err(Problem::new(
                Code::UnknownCatalog,
                format!("未知的指标目录「{id}」：请先载入该目录文件"),
                format!("unknown catalog “{id}”: load that catalog file first"),
            )),
        }
    }
}

/// Counts of a catalog's structure, handy for display and tests.
pub fn counts(catalog: &Catalog) -> (usize, usize, usize) {
    let areas = catalog.areas().len();
    let sections = catalog.areas().iter().map(|a| a.sections.len()).sum();
    (areas, sections, catalog.len())
}

/// Chinese numeral for an area number (1 → 一), as the table writes them.
///
/// ```
/// assert_eq!(shifan_rules::catalog::chinese_numeral(8), "八");
/// assert_eq!(shifan_rules::catalog::chinese_numeral(12), "十二");
/// ```
pub fn chinese_numeral(n: u8) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[usize::from(n)].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[usize::from(n - 10)]),
        _ => {
            let tens = DIGITS[usize::from(n / 10 % 10)];
            let ones = if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[usize::from(n % 10)]
            };
            format!("{tens}十{ones}")
        }
    }
}

/// The number of indicators that apply to a government at `level`, per catalog.
pub fn applicable_count(catalog: &Catalog, level: GovLevel) -> usize {
    catalog
        .indicators()
        .filter(|i| i.applies_to.applies_to(level))
        .count()
}

/// Indicator titles that occur more than once (allowed, but worth a warning in a loaded table).
pub fn repeated_titles(catalog: &Catalog) -> Vec<&str> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for i in catalog.indicators() {
        *seen.entry(i.title.as_str()).or_default() += 1;
    }
    let mut repeated: Vec<&str> = seen
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(t, _)| t)
        .collect();
    repeated.sort_unstable();
    repeated
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every built-in set and every caller share the one reference catalog: a page that
    /// builds several sets never copies a hundred indicators' texts.
    #[test]
    fn the_built_in_catalog_is_shared_not_copied() {
        let a = CatalogSet::builtin();
        let b = CatalogSet::builtin();
        let (a, b) = (a.iter().next().unwrap(), b.iter().next().unwrap());
        assert!(Arc::ptr_eq(a, b));
        assert!(Arc::ptr_eq(a, &Catalog::shared_reference()));
        assert!(std::ptr::eq(&**a, Catalog::reference()));
    }

    #[test]
    fn the_short_fingerprint_is_the_first_12_hex_digits() {
        let catalog = Catalog::reference();
        let short = catalog.short_fingerprint();
        assert_eq!(short.len(), 12);
        assert!(short.bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(
            catalog
                .fingerprint()
                .starts_with(&format!("sha256:{short}"))
        );
    }

    #[test]
    fn the_embedded_reference_catalog_is_the_data_file_without_indentation() {
        let pretty = include_str!("../data/catalog-reference-2019.json");
        let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(parse(REFERENCE_JSON), parse(pretty));
        assert!(!REFERENCE_JSON.contains('\n'));
        assert!(REFERENCE_JSON.len() < pretty.len() * 3 / 4);
    }

    #[test]
    fn the_reference_catalog_is_valid_and_built_as_validation_builds_it() {
        let validated = match Catalog::from_json(REFERENCE_JSON.as_bytes()) {
            Ok(catalog) => catalog,
            Err(problems) => panic!("the reference catalog is invalid: {problems:#?}"),
        };
        let built = Catalog::reference();
        assert_eq!(
            built.fingerprint(),
            validated.fingerprint(),
            "data/catalog-reference-2019.fingerprint is not the catalog's fingerprint: after \
             changing the catalog, write the computed one (right) into that file"
        );
        assert_eq!(built.data(), validated.data());
        assert_eq!(built.positions, validated.positions);
    }
}
