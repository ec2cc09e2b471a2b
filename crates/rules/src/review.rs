//! The city office's preliminary review (初审): comparing verified applications, spotting
//! duplicates and files from outside the city, and ordering by compliance exactly.

use crate::application::{ApplicationFile, Kind, Verified};
use crate::division;
use crate::problem::{Code, Lang, Problem};
use crate::score::Ratio;
use std::cmp::Ordering;

/// Orders two compliance ratios exactly, by cross-multiplication; nothing applicable sorts last.
///
/// ```
/// use shifan_rules::Ratio;
/// use shifan_rules::review::compare_compliance;
/// use std::cmp::Ordering;
/// let a = Ratio { met: 89, applicable: 99 };
/// let b = Ratio { met: 90, applicable: 100 };
/// assert_eq!(compare_compliance(a, b), Ordering::Less);
/// assert_eq!(compare_compliance(Ratio { met: 9, applicable: 10 }, b), Ordering::Equal);
/// ```
pub fn compare_compliance(a: Ratio, b: Ratio) -> Ordering {
    match (a.applicable, b.applicable) {
        (0, 0) => Ordering::Equal,
        (0, _) => Ordering::Less,
        (_, 0) => Ordering::Greater,
        _ => (u64::from(a.met) * u64::from(b.applicable))
            .cmp(&(u64::from(b.met) * u64::from(a.applicable))),
    }
}

/// The prefecture-level city code an applicant belongs to (itself, for a city).
pub fn city_code_of(file: &ApplicationFile) -> Option<u32> {
    let code: u32 = file.applicant.division_code.parse().ok()?;
    let d = division::get(code)?;
    Some(if d.parent == division::PROVINCE_CODE {
        d.code
    } else {
        d.parent
    })
}

/// The city most of the files come from (the lowest code on a tie), to preselect it.
pub fn infer_city<'a>(files: impl IntoIterator<Item = &'a ApplicationFile>) -> Option<u32> {
    let mut counts: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
    for code in files.into_iter().filter_map(city_code_of) {
        *counts.entry(code).or_default() += 1;
    }
    let best = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(code, _)| code)
}

/// The problem of a file from outside `city_code`, if it is one.
pub fn outside_city_problem(file: &ApplicationFile, city_code: u32) -> Option<Problem> {
    if city_code_of(file) == Some(city_code) {
        return None;
    }
    let city = division::get(city_code)
        .map(|d| d.name.as_str())
        .unwrap_or("?");
    let name = file.applicant.display_name();
    Some(Problem::new(
        Code::OutsideCity,
        format!("{name}不属于{city}，不应由本市初审"),
        format!("{name} is not in {city}; its file is not for this city's review"),
    ))
}

/// Whether two files are the same government applying for the same kind (and, for
/// single-item projects, the same category).
pub fn same_submission(a: &ApplicationFile, b: &ApplicationFile) -> bool {
    let kind_key = |k: &Kind| match k {
        Kind::Comprehensive => String::new(),
        Kind::SingleItem { category, .. } => category.clone(),
    };
    a.applicant.division_code == b.applicant.division_code
        && a.kind.as_str() == b.kind.as_str()
        && kind_key(&a.kind) == kind_key(&b.kind)
}

/// Pairs of indices `(i, j)`, `i < j`, of files that are duplicate submissions.
pub fn duplicate_pairs(files: &[&ApplicationFile]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for i in 0..files.len() {
        for j in i + 1..files.len() {
            if same_submission(files[i], files[j]) {
                pairs.push((i, j));
            }
        }
    }
    pairs
}

/// One row of the comparison table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparisonRow {
    /// Division code.
    pub division_code: String,
    /// City and county name.
    pub name: String,
    /// Kind label in Chinese.
    pub kind_zh: &'static str,
    /// Kind label in English.
    pub kind_en: &'static str,
    /// Single-item category title, empty for comprehensive.
    pub category: String,
    /// Compliance over the whole catalog.
    pub compliance: Ratio,
    /// Whether the comprehensive bar is estimated to be met.
    pub meets_bar: bool,
    /// Compliance per area, in catalog order.
    pub areas: Vec<Ratio>,
    /// Unanswered applicable indicators.
    pub unanswered: u32,
    /// Evidence references over all answers.
    pub evidence: usize,
    /// First 12 hex digits of the integrity fingerprint.
    pub fingerprint: String,
    /// The whole integrity fingerprint, which names the application in a review session.
    pub integrity: String,
}

impl ComparisonRow {
    /// The row of a verified application.
    pub fn of(verified: &Verified) -> ComparisonRow {
        let file = &verified.file;
        let category = match &file.kind {
            Kind::Comprehensive => String::new(),
            Kind::SingleItem { category, .. } => verified.catalog.category_title(category),
        };
        ComparisonRow {
            division_code: file.applicant.division_code.clone(),
            name: file.applicant.display_name(),
            kind_zh: file.kind.label_zh(),
            kind_en: file.kind.label_en(),
            category,
            compliance: verified.score.total.compliance(),
            meets_bar: verified.score.verdict == crate::Verdict::MeetsBar,
            areas: verified
                .score
                .areas
                .iter()
                .map(|a| a.tally.compliance())
                .collect(),
            unanswered: verified.score.total.unanswered,
            evidence: file.answers.iter().map(|a| a.evidence.len()).sum(),
            fingerprint: file.short_fingerprint().to_string(),
            integrity: file.integrity.clone(),
        }
    }

    /// Orders rows by compliance, highest first, then by division code.
    pub fn by_compliance(a: &ComparisonRow, b: &ComparisonRow) -> Ordering {
        compare_compliance(b.compliance, a.compliance)
            .then_with(|| a.division_code.cmp(&b.division_code))
    }
}

/// One cell of an exported table.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A whole number.
    Count(u64),
    /// A compliance ratio, shown as a percentage.
    Percent(Ratio),
    /// Yes or no.
    YesNo(bool),
}

impl Cell {
    /// The cell as text, as a CSV file or a screen shows it.
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Percent(r) => r.percent(),
            Cell::YesNo(b) => match (b, lang) {
                (true, Lang::Zh) => "是".into(),
                (false, Lang::Zh) => "否".into(),
                (true, Lang::En) => "yes".into(),
                (false, Lang::En) => "no".into(),
            },
        }
    }
}

/// A table to export: headers and rows of cells. It crosses into the separately loaded
/// spreadsheet module of the web app as JSON.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Table {
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows, each as long as `headers`.
    pub rows: Vec<Vec<Cell>>,
    /// The language the table is written in.
    pub lang: Lang,
}

impl Table {
    /// The table as CSV, starting with a UTF-8 byte-order mark so that Excel on Chinese
    /// Windows opens it as UTF-8 rather than guessing GBK.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(&self.headers);
        for row in &self.rows {
            let _ = writer.write_record(row.iter().map(|c| c.display(self.lang)));
        }
        let body = String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default();
        format!("\u{feff}{body}")
    }
}

/// The comparison table of a review, in `lang`: one row per application in the order given,
/// with the compliance of each area (`area_titles`, in catalog order) at the end.
///
/// ```
/// use shifan_rules::{Lang, review::comparison_table};
/// let table = comparison_table(&[], &["政府职能依法全面履行"], Lang::Zh);
/// assert_eq!(table.headers.first().map(String::as_str), Some("申报单位"));
/// assert_eq!(table.headers.last().map(String::as_str), Some("一、政府职能依法全面履行"));
/// ```
pub fn comparison_table(rows: &[ComparisonRow], area_titles: &[&str], lang: Lang) -> Table {
    let zh = lang == Lang::Zh;
    let pick = |z: &str, e: &str| if zh { z.to_string() } else { e.to_string() };
    let mut headers = vec![
        pick("申报单位", "Applicant"),
        pick("区划代码", "Division code"),
        pick("申报类型", "Kind"),
        pick("单项类别", "Category"),
        pick("达标率（预估）", "Compliance (estimate)"),
        pick("达标项数", "Met"),
        pick("适用项数", "Applicable"),
        pick("达到综合示范标准（预估）", "Meets the bar (estimate)"),
        pick("未作答", "Unanswered"),
        pick("佐证材料数", "Evidence references"),
        pick("文件指纹", "Fingerprint"),
    ];
    for (i, title) in area_titles.iter().enumerate() {
        let n = u8::try_from(i + 1).unwrap_or(u8::MAX);
        headers.push(if zh {
            format!("{}、{title}", crate::catalog::chinese_numeral(n))
        } else {
            format!("Area {n}: {title}")
        });
    }
    let rows = rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                Cell::Text(r.name.clone()),
                Cell::Text(r.division_code.clone()),
                Cell::Text(if zh { r.kind_zh } else { r.kind_en }.to_string()),
                Cell::Text(r.category.clone()),
                Cell::Percent(r.compliance),
                Cell::Count(u64::from(r.compliance.met)),
                Cell::Count(u64::from(r.compliance.applicable)),
                Cell::YesNo(r.meets_bar),
                Cell::Count(u64::from(r.unanswered)),
                Cell::Count(r.evidence as u64),
                Cell::Text(r.fingerprint.clone()),
            ];
            cells.extend(r.areas.iter().map(|a| Cell::Percent(*a)));
            cells
        })
        .collect();
    Table {
        headers,
        rows,
        lang,
    }
}
