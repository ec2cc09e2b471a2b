//! What the training mode (培训演示) of the web app needs from the rules: the demo counties, the
//! marks that highlight a search term in catalog text, and reading a catalog file of either
//! kind (a JSON catalog, or an office's table saved from Excel as "CSV UTF-8").
//!
//! The demo counties are sample applications made by [`crate::sample::sample_application`] on
//! whatever catalog is in use, with fixed seeds and times, so a trainer always shows the same
//! three counties: one well above the comprehensive bar, one just below it, one single-item
//! project.

use std::ops::Range;

use crate::application::ApplicationFile;
use crate::catalog::{Catalog, CatalogData, applicable_count};
use crate::division::GovLevel;
use crate::import::{TableMeta, import_csv};
use crate::problem::Problem;
use crate::sample::{SampleKind, SampleSpec, sample_application};
use crate::score::{Verdict, score};
use crate::search::fold;

/// One of the built-in demo counties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Demo {
    /// A comprehensive application well above the bar (清徐县).
    WellAbove,
    /// A comprehensive application just below the bar (介休市).
    JustBelow,
    /// A single-item project in the catalog's first category (泽州县).
    SingleItem,
}

/// Creation and write times of every demo (fixed, so the demos never change).
const CREATED: &str = "2021-04-06T09:00:00+08:00";
const UPDATED: &str = "2021-05-28T17:30:00+08:00";

impl Demo {
    /// Every demo, in the order shown.
    pub const ALL: [Demo; 3] = [Demo::WellAbove, Demo::JustBelow, Demo::SingleItem];

    /// A short stable name (`above`, `below`, `single`).
    pub fn as_str(self) -> &'static str {
        match self {
            Demo::WellAbove => "above",
            Demo::JustBelow => "below",
            Demo::SingleItem => "single",
        }
    }

    /// The demo county's division code (all three are county-level governments).
    pub fn division_code(self) -> &'static str {
        match self {
            Demo::WellAbove => "140121",
            Demo::JustBelow => "140781",
            Demo::SingleItem => "140525",
        }
    }

    fn spec(self, catalog: &Catalog, met: u32) -> Option<SampleSpec> {
        let kind = match self {
            Demo::SingleItem => {
                SampleKind::SingleItem(catalog.data().single_item_categories.first()?.id.clone())
            }
            _ => SampleKind::Comprehensive,
        };
        Some(SampleSpec {
            division_code: self.division_code().to_string(),
            met,
            kind,
            seed: 2020 + self as u64,
            created: CREATED.to_string(),
            updated: UPDATED.to_string(),
        })
    }

    /// The demo's application file on `catalog`, or `None` when the catalog cannot make it
    /// (no indicator applies to a county, or no single-item category for the project).
    ///
    /// ```
    /// use shifan_rules::{Catalog, Verdict, score, GovLevel};
    /// use shifan_rules::training::Demo;
    /// let catalog = Catalog::reference();
    /// let above = Demo::WellAbove.application(catalog).unwrap();
    /// let below = Demo::JustBelow.application(catalog).unwrap();
    /// let verdict = |f: &shifan_rules::ApplicationFile| score(catalog, GovLevel::County, &f.answers).verdict;
    /// assert_eq!(verdict(&above), Verdict::MeetsBar);
    /// assert_eq!(verdict(&below), Verdict::NotYet);
    /// ```
    pub fn application(self, catalog: &Catalog) -> Option<ApplicationFile> {
        let applicable = applicable_count(catalog, GovLevel::County) as u32;
        if applicable == 0 {
            return None;
        }
        let threshold = catalog.threshold();
        // The fewest met indicators that reach the bar with nothing declared not applicable.
        let lowest = (0..=applicable)
            .find(|&m| threshold.is_reached(m, applicable))
            .unwrap_or(applicable);
        let make = |met: u32| sample_application(catalog, &self.spec(catalog, met)?).ok();
        match self {
            Demo::WellAbove => make((applicable - applicable / 20).max(lowest)),
            Demo::SingleItem => make(applicable * 4 / 5),
            // Declared "not applicable" answers shrink the denominator, so step down until the
            // sample really is below the bar.
            Demo::JustBelow => (0..lowest).rev().find_map(|met| {
                let file = make(met)?;
                let verdict = score(catalog, GovLevel::County, &file.answers).verdict;
                (verdict == Verdict::NotYet).then_some(file)
            }),
        }
    }
}

/// The byte ranges of `text` where a term of `query` occurs, folded the way
/// [`crate::search::search`] folds (case, full-width forms), sorted and merged; for
/// highlighting a search result. Every range starts and ends on a character boundary.
///
/// ```
/// use shifan_rules::training::marks;
/// let text = "规范性文件和政府规章";
/// let ranges = marks(text, "规章");
/// assert_eq!(ranges.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["规章"]);
/// assert_eq!(marks("ＰＰＰ项目", "ppp"), [0..9]);
/// assert!(marks("abc", " ").is_empty());
/// ```
pub fn marks(text: &str, query: &str) -> Vec<Range<usize>> {
    let folded_query = fold(query);
    let terms: Vec<Vec<char>> = folded_query
        .split_whitespace()
        .map(|t| t.chars().collect())
        .collect();
    if terms.is_empty() {
        return Vec::new();
    }
    // Each folded character with the byte range of the character of `text` it came from.
    let folded: Vec<(char, Range<usize>)> = text
        .char_indices()
        .flat_map(|(at, c)| {
            let end = at + c.len_utf8();
            fold(c.encode_utf8(&mut [0; 4]))
                .chars()
                .map(move |f| (f, at..end))
                .collect::<Vec<_>>()
        })
        .collect();
    // Matches come in order of their start (no sort needed), and are merged as they come.
    let mut merged: Vec<Range<usize>> = Vec::new();
    for start in 0..folded.len() {
        for term in &terms {
            let Some(window) = folded.get(start..start + term.len()) else {
                continue;
            };
            if window.iter().zip(term).all(|((f, _), t)| f == t) {
                let range = window[0].1.start..window[term.len() - 1].1.end;
                match merged.last_mut() {
                    Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                    _ => merged.push(range),
                }
            }
        }
    }
    merged
}

/// Whether a catalog file picked by a user is an indicator table (CSV) rather than a JSON
/// catalog: a `.csv` name, or, unless the name ends in `.json`, content that does not start
/// with `{`.
///
/// ```
/// use shifan_rules::training::is_table;
/// assert!(is_table("指标表.CSV", b"{"));
/// assert!(!is_table("catalog.json", b"area,section"));
/// assert!(!is_table("catalog", b"\xEF\xBB\xBF  {\"id\": 1}"));
/// assert!(is_table("catalog", b"area,section"));
/// ```
pub fn is_table(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let starts_like_json = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    lower.ends_with(".csv") || (!lower.ends_with(".json") && !starts_like_json)
}

/// Reads a catalog file picked by a user: an indicator table ([`is_table`]) is imported with
/// the reference catalog's rules and named after the file; anything else is a JSON catalog.
/// Every problem comes back (with its line where known).
///
/// ```
/// use shifan_rules::{Catalog, import::export_csv, training::read_catalog_file};
/// let table = export_csv(Catalog::reference());
/// let catalog = read_catalog_file("本省指标表.csv", table.as_bytes()).unwrap();
/// assert_eq!(catalog.title(), "本省指标表");
/// assert_eq!(catalog.len(), Catalog::reference().len());
/// let problems = read_catalog_file("broken.csv", b"area,section\n1,2\n").unwrap_err();
/// assert!(!problems.is_empty());
/// ```
pub fn read_catalog_file(name: &str, bytes: &[u8]) -> Result<Catalog, Vec<Problem>> {
    if !is_table(name, bytes) {
        return Catalog::from_json(bytes);
    }
    read_table(name, bytes, Catalog::reference().data())
}

/// Imports an indicator table named `name` with the rules (id, threshold, single-item
/// categories) of the catalog `base`, titled after the file. `base`'s areas are not used, so a
/// caller may pass them empty.
///
/// ```
/// use shifan_rules::{Catalog, import::export_csv, training::read_table};
/// let mut base = Catalog::reference().data().clone();
/// base.areas.clear();
/// let table = export_csv(Catalog::reference());
/// let catalog = read_table("C:\\表格\\省表.csv", table.as_bytes(), &base).unwrap();
/// assert_eq!(catalog.title(), "省表");
/// assert_eq!(catalog.threshold(), Catalog::reference().threshold());
/// ```
pub fn read_table(name: &str, bytes: &[u8], base: &CatalogData) -> Result<Catalog, Vec<Problem>> {
    let stem = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .trim();
    let meta = TableMeta {
        id: base.id.clone(),
        title: if stem.is_empty() {
            base.title.clone()
        } else {
            stem.to_string()
        },
        issuer: base.issuer.clone(),
        year: base.year,
        provenance: format!("由表格文件「{name}」导入。"),
        threshold: base.threshold,
        single_item_categories: base.single_item_categories.clone(),
    };
    import_csv(bytes, meta)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::import::export_csv;
    use crate::read_application;

    fn check(catalog: &Catalog) {
        for demo in Demo::ALL {
            let file = demo
                .application(catalog)
                .expect("the catalog makes every demo");
            let mut set = crate::CatalogSet::builtin();
            set.add(catalog.clone());
            let verified = read_application(file.to_json().as_bytes(), &set).expect("valid");
            let total = verified.score.total;
            let per_mille = total.compliance().per_mille().unwrap_or(0);
            let line = catalog.threshold().per_mille();
            assert_eq!(total.unanswered, 0, "{demo:?}");
            match demo {
                Demo::WellAbove => {
                    assert_eq!(verified.score.verdict, Verdict::MeetsBar);
                    assert!(per_mille >= line + 40, "{demo:?} {per_mille}");
                }
                Demo::JustBelow => {
                    assert_eq!(verified.score.verdict, Verdict::NotYet);
                    assert!(
                        per_mille + 50 >= line,
                        "{demo:?} {per_mille} is not just below"
                    );
                }
                Demo::SingleItem => {
                    assert!(matches!(verified.file.kind, crate::Kind::SingleItem { .. }));
                    assert!(verified.warnings.is_empty(), "{:?}", verified.warnings);
                }
            }
            assert_eq!(
                demo.application(catalog).map(|f| f.to_json()),
                Some(file.to_json()),
                "{demo:?} is deterministic"
            );
        }
    }

    #[test]
    fn demos_on_the_reference_and_on_an_imported_table() {
        check(Catalog::reference());
        let table = export_csv(Catalog::reference());
        check(&read_catalog_file("官方指标表.csv", table.as_bytes()).unwrap());
    }

    #[test]
    fn marks_fold_merge_and_keep_boundaries() {
        let text = "行政复议机构设置行政复议委员会";
        let m = marks(text, "复议");
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|r| &text[r.clone()] == "复议"));
        assert_eq!(marks("abcabc", "bc ab"), [Range { start: 0, end: 6 }]);
        assert_eq!(marks("Ｆｏｏ bar", "FOO"), [Range { start: 0, end: 9 }]);
        assert!(marks("abc", "x").is_empty());
        assert!(marks("", "x").is_empty());
    }

    #[test]
    fn json_and_table_files() {
        let json = Catalog::reference().to_json();
        let from_json = read_catalog_file("catalog.json", json.as_bytes()).unwrap();
        assert_eq!(from_json.fingerprint(), Catalog::reference().fingerprint());
        // Without a telling extension the content decides.
        let sniffed = read_catalog_file("catalog", json.as_bytes()).unwrap();
        assert_eq!(sniffed.fingerprint(), Catalog::reference().fingerprint());
        let problems = read_catalog_file("table.csv", "一级指标,二级指标\n".as_bytes())
            .expect_err("a table without indicators");
        assert!(!problems.is_empty());
        let bad_json = read_catalog_file("catalog.json", b"{\"id\": 1}").unwrap_err();
        assert!(!bad_json.is_empty());
    }
}
