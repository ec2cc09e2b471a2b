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
    /// Single-item project title, empty for comprehensive.
    pub title: String,
    /// The applicant's contact.
    pub contact: crate::Contact,
    /// Compliance over the whole catalog.
    pub compliance: Ratio,
    /// The estimated comprehensive verdict; `None` for a single-item application, which has
    /// no comprehensive bar. The table, its filter and sort, the exports and the CLI all read
    /// this one value.
    pub verdict: Option<crate::Verdict>,
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
        let (category, title) = match &file.kind {
            Kind::Comprehensive => (String::new(), String::new()),
            Kind::SingleItem {
                category, title, ..
            } => (verified.catalog.category_title(category), title.clone()),
        };
        ComparisonRow {
            division_code: file.applicant.division_code.clone(),
            name: file.applicant.display_name(),
            kind_zh: file.kind.label_zh(),
            kind_en: file.kind.label_en(),
            category,
            title,
            contact: file.applicant.contact.clone(),
            compliance: verified.score.total.compliance(),
            verdict: verified.verdict(),
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

    /// Whether the row is estimated to meet the comprehensive bar (never for a single-item one).
    pub fn meets_bar(&self) -> bool {
        self.verdict == Some(crate::Verdict::MeetsBar)
    }

    /// Whether the row is a comprehensive application estimated below the bar.
    pub fn below_bar(&self) -> bool {
        self.verdict == Some(crate::Verdict::NotYet)
    }

    /// The row's verdict cell: yes, no, or "—（单项）" for a single-item application.
    pub fn verdict_cell(&self, lang: Lang) -> &'static str {
        crate::Verdict::cell(self.verdict, lang)
    }

    /// Orders rows by verdict, ascending: single-item (no verdict) first, then below the bar,
    /// then meeting it.
    pub fn by_verdict(a: &ComparisonRow, b: &ComparisonRow) -> Ordering {
        let key = |r: &ComparisonRow| match r.verdict {
            None => 0,
            Some(crate::Verdict::NotYet) => 1,
            Some(crate::Verdict::MeetsBar) => 2,
        };
        key(a).cmp(&key(b))
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

/// A table to export: headers and rows of cells, the sheet's name and the file's stem. It
/// crosses into the separately loaded spreadsheet module of the web app as JSON.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Table {
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows, each as long as `headers`.
    pub rows: Vec<Vec<Cell>>,
    /// The language the table is written in.
    pub lang: Lang,
    /// The worksheet's name.
    pub sheet: String,
    /// The exported file's name without its extension.
    pub stem: String,
}

/// A CSV cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return) made plain text by a leading single quote, as OWASP's advice on
/// CSV injection says; any other text is unchanged.
///
/// ```
/// use shifan_rules::review::neutralise_formula;
/// assert_eq!(neutralise_formula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(neutralise_formula("-1"), "'-1");
/// assert_eq!(neutralise_formula("推荐"), "推荐");
/// ```
pub fn neutralise_formula(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

impl Table {
    /// The table as CSV, starting with a UTF-8 byte-order mark so that Excel on Chinese
    /// Windows opens it as UTF-8 rather than guessing GBK.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(
            self.headers
                .iter()
                .map(|h| neutralise_formula(h).into_owned()),
        );
        for row in &self.rows {
            let _ = writer.write_record(row.iter().map(|c| match c {
                // Every text may come from a file (a name, a comment, a title).
                Cell::Text(t) => neutralise_formula(t).into_owned(),
                other => other.display(self.lang),
            }));
        }
        let body = String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default();
        format!("\u{feff}{body}")
    }
}

/// One application as exported: its figures, the flags the office sees, and its opinion.
#[derive(Clone, Copy, Debug)]
pub struct ExportRow<'a> {
    /// The name of the file it came from.
    pub file: &'a str,
    /// Its figures.
    pub row: &'a ComparisonRow,
    /// It is from outside the reviewing city.
    pub outside: bool,
    /// Another file is the same submission.
    pub duplicate: bool,
    /// It was read with warnings (e.g. an incomplete narrative).
    pub warnings: bool,
    /// The office's decision, rank and comment, when it has one.
    pub opinion: Option<(crate::package::Decision, Option<u32>, &'a str)>,
}

/// The one export table of a review, in `lang`, that the CLI's table and CSV and the web
/// page's `.xlsx` and CSV all render: one row per application in the order given, with the
/// flags, the contact, the office's opinion and the compliance of each area (`area_titles`,
/// in catalog order) at the end. `stem` names the exported file.
///
/// ```
/// use shifan_rules::{Lang, review::export_table};
/// let table = export_table(&[], &["政府职能依法全面履行"], Lang::Zh, "初审对比".into());
/// assert_eq!(table.headers.first().map(String::as_str), Some("文件"));
/// assert_eq!(table.headers.last().map(String::as_str), Some("一、政府职能依法全面履行"));
/// assert_eq!(table.sheet, "初审对比");
/// ```
pub fn export_table(
    rows: &[ExportRow<'_>],
    area_titles: &[&str],
    lang: Lang,
    stem: String,
) -> Table {
    let zh = lang == Lang::Zh;
    let pick = |z: &str, e: &str| if zh { z.to_string() } else { e.to_string() };
    let mut headers = vec![
        pick("文件", "File"),
        pick("申报单位", "Applicant"),
        pick("区划代码", "Division code"),
        pick("申报类型", "Kind"),
        pick("单项类别", "Category"),
        pick("项目名称", "Project title"),
        pick(
            "达标率（预估，向下取整）",
            "Compliance (estimate, rounded down)",
        ),
        pick("达标项数", "Met"),
        pick("适用项数", "Applicable"),
        pick(
            "达到综合示范标准（预估）",
            "Meets the comprehensive bar (estimate)",
        ),
        pick("未作答", "Unanswered"),
        pick("佐证材料数", "Evidence references"),
        pick("不属于本市", "Outside the city"),
        pick("疑似重复申报", "Possible duplicate"),
        pick("有提示", "Has warnings"),
        pick("联系人", "Contact person"),
        pick("联系电话", "Phone"),
        pick("初审意见", "Decision"),
        pick("推荐排序", "Rank"),
        pick("初审意见说明", "Comment"),
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
        .map(|e| {
            let r = e.row;
            let (decision, rank, comment) = match e.opinion {
                Some((decision, rank, comment)) => (decision.label(lang), rank, comment),
                None => ("", None, ""),
            };
            let mut cells = vec![
                Cell::Text(e.file.to_string()),
                Cell::Text(r.name.clone()),
                Cell::Text(r.division_code.clone()),
                Cell::Text(if zh { r.kind_zh } else { r.kind_en }.to_string()),
                Cell::Text(r.category.clone()),
                Cell::Text(r.title.clone()),
                Cell::Percent(r.compliance),
                Cell::Count(u64::from(r.compliance.met)),
                Cell::Count(u64::from(r.compliance.applicable)),
                Cell::Text(r.verdict_cell(lang).to_string()),
                Cell::Count(u64::from(r.unanswered)),
                Cell::Count(r.evidence as u64),
                Cell::YesNo(e.outside),
                Cell::YesNo(e.duplicate),
                Cell::YesNo(e.warnings),
                Cell::Text(r.contact.name.clone()),
                Cell::Text(r.contact.phone.clone()),
                Cell::Text(decision.to_string()),
                rank.map_or(Cell::Text(String::new()), |n| Cell::Count(u64::from(n))),
                Cell::Text(comment.to_string()),
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
        sheet: pick("初审对比", "Comparison"),
        stem,
    }
}

/// The file stem of an exported review table, e.g. `太原市-初审对比-2026-11-24`.
pub fn export_stem(city: Option<&str>, date: &str, lang: Lang) -> String {
    let what = if lang == Lang::Zh {
        "初审对比"
    } else {
        "review-comparison"
    };
    match city {
        Some(city) => format!("{city}-{what}-{}", date.trim()),
        None => format!("{what}-{}", date.trim()),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::package::Decision;
    use crate::sample::SampleKind;
    use crate::testing::verified_sample;

    #[test]
    fn the_export_table_carries_flags_contact_and_opinion_and_no_verdict_for_a_single_item() {
        let comprehensive = ComparisonRow::of(&verified_sample("140105", 92, 1));
        let single = {
            let spec = crate::sample::SampleSpec::new(
                "140106",
                80,
                SampleKind::SingleItem("business-environment".into()),
                2,
            );
            let file =
                crate::sample::sample_application(crate::Catalog::reference(), &spec).unwrap();
            let verified =
                crate::read_application(file.to_json().as_bytes(), &crate::CatalogSet::builtin())
                    .unwrap();
            ComparisonRow::of(&verified)
        };
        assert_eq!(comprehensive.verdict, Some(crate::Verdict::MeetsBar));
        assert_eq!(single.verdict, None);
        assert!(!single.meets_bar() && !single.below_bar());
        let comment = "=HYPERLINK(\"http://evil.example\",\"点此\")";
        let rows = [
            ExportRow {
                file: "a.json",
                row: &comprehensive,
                outside: true,
                duplicate: false,
                warnings: false,
                opinion: Some((Decision::Recommend, Some(1), comment)),
            },
            ExportRow {
                file: "b.json",
                row: &single,
                outside: false,
                duplicate: true,
                warnings: true,
                opinion: None,
            },
        ];
        for (lang, none, yes) in [
            (Lang::Zh, "—（单项）", "是"),
            (Lang::En, "— (single-item)", "yes"),
        ] {
            let table = export_table(&rows, &[], lang, "stem".into());
            let cell = |row: usize, header: &str| {
                let col = table
                    .headers
                    .iter()
                    .position(|h| h.contains(header))
                    .expect(header);
                table.rows[row][col].display(lang)
            };
            let (
                verdict,
                title,
                outside,
                duplicate,
                warnings,
                person,
                phone,
                decision,
                rank,
                remark,
            ) = if lang == Lang::Zh {
                (
                    "综合示范标准",
                    "项目名称",
                    "不属于本市",
                    "重复",
                    "提示",
                    "联系人",
                    "电话",
                    "初审意见",
                    "排序",
                    "说明",
                )
            } else {
                (
                    "comprehensive bar",
                    "Project title",
                    "Outside",
                    "duplicate",
                    "warnings",
                    "Contact",
                    "Phone",
                    "Decision",
                    "Rank",
                    "Comment",
                )
            };
            assert_eq!(cell(1, verdict), none);
            assert_eq!(cell(0, verdict), yes);
            assert_eq!(cell(1, title), single.title);
            assert!(!single.title.is_empty());
            assert_eq!(cell(0, outside), yes);
            assert_eq!(cell(1, duplicate), yes);
            assert_eq!(cell(1, warnings), yes);
            assert_eq!(cell(0, person), comprehensive.contact.name);
            assert_eq!(cell(0, phone), comprehensive.contact.phone);
            assert_eq!(cell(0, decision), Decision::Recommend.label(lang));
            assert_eq!(cell(0, rank), "1");
            assert_eq!(cell(0, remark), comment);
            // In CSV the comment is text, never a formula; the same table, otherwise as shown.
            let csv = table.to_csv();
            assert!(csv.contains("'=HYPERLINK("), "{csv}");
            assert!(
                !csv.contains(",=HYPERLINK(") && !csv.contains(",\"=HYPERLINK("),
                "{csv}"
            );
            assert!(csv.contains(none));
        }
    }

    #[test]
    fn every_formula_start_is_neutralised_and_nothing_else() {
        for (text, neutral) in [
            ("=1+1", "'=1+1"),
            ("+86 351", "'+86 351"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("太原市", "太原市"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(neutralise_formula(text), neutral, "{text:?}");
        }
    }

    #[test]
    fn sorting_by_verdict_puts_single_items_first() {
        let meets = ComparisonRow::of(&verified_sample("140105", 92, 1));
        let below = ComparisonRow::of(&verified_sample("140106", 60, 1));
        let mut single = meets.clone();
        single.verdict = None;
        let mut rows = [meets.clone(), single, below.clone()];
        rows.sort_by(ComparisonRow::by_verdict);
        assert_eq!(
            rows.iter().map(|r| r.verdict).collect::<Vec<_>>(),
            [None, below.verdict, meets.verdict]
        );
    }
}
