//! `shifan summary FILE...`: the valid files side by side, best compliance first (exact order
//! from `shifan_rules::review`), then the invalid ones with their first problem; as an aligned
//! table, CSV or JSON.

use crate::input::{Checked, FileOutcome, check_paths};
use crate::output::{Align, Table, tr};
use serde::Serialize;
use shifan_rules::review::{ComparisonRow, comparison_table, duplicate_pairs};
use shifan_rules::{CatalogSet, Kind, Lang, Verified};
use std::path::{Path, PathBuf};

/// Output format of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a terminal (CJK counted as two columns).
    Table,
    /// Comma-separated values with an English header row, for spreadsheets.
    Csv,
    /// A JSON object `{"applications": [...], "invalid": [...], "duplicates": [...]}`.
    Json,
}

/// One valid file in the summary.
#[derive(Clone, Debug)]
pub struct Row {
    /// The path as given.
    pub file: String,
    /// The comparison row from `shifan_rules::review`.
    pub row: ComparisonRow,
    /// `comprehensive` or `single_item`.
    pub kind: &'static str,
    /// Single-item category id; empty for comprehensive.
    pub category_id: String,
}

/// One invalid or unreadable file in the summary.
#[derive(Clone, Debug, Serialize)]
pub struct InvalidRow {
    /// The path as given.
    pub file: String,
    /// The code of its first problem.
    pub code: &'static str,
    /// That problem, described in the chosen language.
    pub problem: String,
}

/// Everything the summary shows.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The valid files, best compliance first, ties by division code, then by path.
    pub valid: Vec<Row>,
    /// The invalid and unreadable files, in input order.
    pub invalid: Vec<InvalidRow>,
    /// Pairs of files (paths) that are the same government applying for the same thing
    /// (`shifan_rules::review::duplicate_pairs`), in input order.
    pub duplicates: Vec<(String, String)>,
}

impl Row {
    fn of(file: String, verified: &Verified) -> Row {
        Row {
            file,
            row: ComparisonRow::of(verified),
            kind: verified.file.kind.as_str(),
            category_id: match &verified.file.kind {
                Kind::Comprehensive => String::new(),
                Kind::SingleItem { category, .. } => category.clone(),
            },
        }
    }
}

/// Builds the report of checked files.
pub fn report(checked: &[Checked], lang: Lang) -> Report {
    let mut report = Report::default();
    let mut files = Vec::new();
    for c in checked {
        let file = c.path.display().to_string();
        match &c.outcome {
            FileOutcome::Valid(verified) => {
                files.push((file.clone(), &verified.file));
                report.valid.push(Row::of(file, verified));
            }
            FileOutcome::Package(package) => {
                // A package's applications take part one by one, named `package.json#n`.
                for (n, verified) in package.applications.iter().enumerate() {
                    let file = format!("{file}#{}", n + 1);
                    files.push((file.clone(), &verified.file));
                    report.valid.push(Row::of(file, verified));
                }
            }
            other => report.invalid.push(InvalidRow {
                file,
                code: other.first_code().unwrap_or_default(),
                problem: other.first_problem(lang).unwrap_or_default(),
            }),
        }
    }
    let applications: Vec<_> = files.iter().map(|(_, f)| *f).collect();
    report.duplicates = duplicate_pairs(&applications)
        .into_iter()
        .map(|(i, j)| (files[i].0.clone(), files[j].0.clone()))
        .collect();
    report.valid.sort_by(|a, b| {
        ComparisonRow::by_compliance(&a.row, &b.row).then_with(|| a.file.cmp(&b.file))
    });
    report
}

/// Checks `paths` and renders the summary; the status is 1 when any file is invalid. With
/// `xlsx`, the comparison table (`shifan_rules::review::comparison_table`) is also written there
/// as a workbook.
pub fn run(
    paths: &[PathBuf],
    catalogs: &CatalogSet,
    lang: Lang,
    format: Format,
    xlsx: Option<&Path>,
) -> crate::Outcome {
    let checked = check_paths(paths, catalogs);
    let report = report(&checked, lang);
    if let Some(path) = xlsx
        && let Err(message) = write_xlsx(&checked, &report, path, lang)
    {
        return crate::Outcome::invalid(message);
    }
    let stdout = match format {
        Format::Table => render_table(&report, lang),
        Format::Csv => render_csv(&report),
        Format::Json => render_json(&report),
    };
    crate::Outcome {
        stdout,
        stderr: String::new(),
        status: crate::check::status_of(&checked),
    }
}

/// Writes the comparison table of the valid files, in the summary's order, as a workbook.
fn write_xlsx(checked: &[Checked], report: &Report, path: &Path, lang: Lang) -> Result<(), String> {
    let catalog = checked.iter().find_map(|c| match &c.outcome {
        FileOutcome::Valid(v) => Some(v.catalog.clone()),
        FileOutcome::Package(p) => p.applications.first().map(|v| v.catalog.clone()),
        _ => None,
    });
    let titles: Vec<&str> = catalog
        .as_ref()
        .map(|c| c.areas().iter().map(|a| a.title.as_str()).collect())
        .unwrap_or_default();
    let rows: Vec<ComparisonRow> = report.valid.iter().map(|r| r.row.clone()).collect();
    let table = comparison_table(&rows, &titles, lang);
    let sheet_name = tr(lang, "初审对比", "Comparison");
    let bytes = shifan_sheet::to_xlsx(&table, sheet_name).map_err(|e| format!("xlsx: {e}\n"))?;
    crate::output::write_to(path, &bytes).map_err(|e| format!("{}: {e}\n", path.display()))
}

fn yes_no(value: bool, lang: Lang) -> &'static str {
    match (value, lang) {
        (true, Lang::Zh) => "是",
        (false, Lang::Zh) => "否",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

/// The aligned table, then the invalid files, duplicate submissions, and a note that the
/// figures are estimates.
pub fn render_table(report: &Report, lang: Lang) -> String {
    let (valid, invalid) = (&report.valid, &report.invalid);
    let mut table = Table::new(&[
        (tr(lang, "申报单位", "County"), Align::Left),
        (tr(lang, "区划代码", "Code"), Align::Left),
        (tr(lang, "类型", "Kind"), Align::Left),
        (tr(lang, "单项类别", "Category"), Align::Left),
        (tr(lang, "达标率", "Compliance"), Align::Right),
        (tr(lang, "达标", "Met"), Align::Right),
        (tr(lang, "适用", "Applicable"), Align::Right),
        (tr(lang, "达到标准", "Meets bar"), Align::Left),
        (tr(lang, "未作答", "Unanswered"), Align::Right),
        (tr(lang, "佐证", "Evidence"), Align::Right),
        (tr(lang, "指纹", "Fingerprint"), Align::Left),
    ]);
    for Row { row, .. } in valid {
        table.push(vec![
            row.name.clone(),
            row.division_code.clone(),
            tr(lang, row.kind_zh, row.kind_en).to_string(),
            row.category.clone(),
            row.compliance.percent(),
            row.compliance.met.to_string(),
            row.compliance.applicable.to_string(),
            yes_no(row.meets_bar, lang).to_string(),
            row.unanswered.to_string(),
            row.evidence.to_string(),
            row.fingerprint.clone(),
        ]);
    }
    let mut out = table.render();
    if !invalid.is_empty() {
        out.push('\n');
        let mut bad = Table::new(&[
            (tr(lang, "无效文件", "Invalid file"), Align::Left),
            (tr(lang, "首个问题", "First problem"), Align::Left),
        ]);
        for r in invalid {
            bad.push(vec![r.file.clone(), r.code.to_string()]);
        }
        out.push_str(&bad.render());
    }
    for (a, b) in &report.duplicates {
        out.push('\n');
        out.push_str(&match lang {
            Lang::Zh => format!("注意：{a} 与 {b} 是同一单位的同类申报\n"),
            Lang::En => {
                format!("note: {a} and {b} are the same government applying for the same thing\n")
            }
        });
    }
    out.push('\n');
    out.push_str(tr(
        lang,
        "达标率 = 达标 ÷ 适用；均为自查预估，不代表正式评估结果。\n",
        "Compliance = met ÷ applicable; all figures are estimates for self-checking, not an official evaluation.\n",
    ));
    out
}

/// The CSV header row.
pub const CSV_HEADER: [&str; 13] = [
    "file",
    "county",
    "code",
    "kind",
    "category",
    "compliance",
    "met",
    "applicable",
    "meets_bar",
    "unanswered",
    "evidence",
    "fingerprint",
    "problem",
];

/// CSV with an English header: the valid files in order, then the invalid ones with only
/// `file` and `problem` (the first problem's code) filled in.
pub fn render_csv(report: &Report) -> String {
    let (valid, invalid) = (&report.valid, &report.invalid);
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut records: Vec<Vec<String>> = vec![CSV_HEADER.iter().map(|h| h.to_string()).collect()];
    for r in valid {
        let row = &r.row;
        records.push(vec![
            r.file.clone(),
            row.name.clone(),
            row.division_code.clone(),
            r.kind.to_string(),
            r.category_id.clone(),
            row.compliance.percent(),
            row.compliance.met.to_string(),
            row.compliance.applicable.to_string(),
            row.meets_bar.to_string(),
            row.unanswered.to_string(),
            row.evidence.to_string(),
            row.fingerprint.clone(),
            String::new(),
        ]);
    }
    for r in invalid {
        let mut record = vec![String::new(); CSV_HEADER.len()];
        record[0] = r.file.clone();
        record[CSV_HEADER.len() - 1] = r.code.to_string();
        records.push(record);
    }
    for record in records {
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(&record);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[derive(Serialize)]
struct JsonRow<'a> {
    file: &'a str,
    county: &'a str,
    division_code: &'a str,
    kind: &'a str,
    category: Option<&'a str>,
    category_title: Option<&'a str>,
    compliance: String,
    met: u32,
    applicable: u32,
    meets_bar: bool,
    unanswered: u32,
    evidence: usize,
    fingerprint: &'a str,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    applications: Vec<JsonRow<'a>>,
    invalid: &'a [InvalidRow],
    duplicates: &'a [(String, String)],
}

/// JSON: `{"applications": [...], "invalid": [...], "duplicates": [[file, file], ...]}`,
/// applications in summary order.
pub fn render_json(report: &Report) -> String {
    let summary = JsonSummary {
        applications: report
            .valid
            .iter()
            .map(|r| JsonRow {
                file: &r.file,
                county: &r.row.name,
                division_code: &r.row.division_code,
                kind: r.kind,
                category: (!r.category_id.is_empty()).then_some(r.category_id.as_str()),
                category_title: (!r.row.category.is_empty()).then_some(r.row.category.as_str()),
                compliance: r.row.compliance.percent(),
                met: r.row.compliance.met,
                applicable: r.row.compliance.applicable,
                meets_bar: r.row.meets_bar,
                unanswered: r.row.unanswered,
                evidence: r.row.evidence,
                fingerprint: &r.row.fingerprint,
            })
            .collect(),
        invalid: &report.invalid,
        duplicates: &report.duplicates,
    };
    let mut text = serde_json::to_string_pretty(&summary).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}
