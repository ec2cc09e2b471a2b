//! `shifan summary FILE...`: the valid files side by side, best compliance first (exact order
//! from `shifan_rules::review`), then the invalid ones with their first problem; as an aligned
//! table, CSV or JSON.

use crate::input::{Checked, FileOutcome, check_paths};
use crate::output::{Align, Table, tr};
use serde::Serialize;
use shifan_rules::package::Decision;
use shifan_rules::review::{Cell, ComparisonRow, ExportRow, duplicate_pairs, export_table};
use shifan_rules::{CatalogSet, Kind, Lang, Verified};
use std::path::{Path, PathBuf};

/// Output format of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a terminal (CJK counted as two columns).
    Table,
    /// Comma-separated values: the export table (`shifan_rules::review::export_table`) the web
    /// page also exports, with headers in the chosen language.
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
    /// It was read with warnings.
    pub warnings: bool,
    /// Another file is the same submission.
    pub duplicate: bool,
    /// The decision, rank and comment of the package it came in, if it came in one.
    pub opinion: Option<(Decision, Option<u32>, String)>,
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
    /// The area titles of the first valid file's catalog.
    pub area_titles: Vec<String>,
}

impl Row {
    fn of(
        file: String,
        verified: &Verified,
        opinion: Option<(Decision, Option<u32>, String)>,
    ) -> Row {
        Row {
            file,
            row: ComparisonRow::of(verified),
            kind: verified.file.kind.as_str(),
            category_id: match &verified.file.kind {
                Kind::Comprehensive => String::new(),
                Kind::SingleItem { category, .. } => category.clone(),
            },
            warnings: !verified.warnings.is_empty(),
            duplicate: false,
            opinion,
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
                report.valid.push(Row::of(file, verified, None));
            }
            FileOutcome::Package(package) => {
                // A package's applications take part one by one, named `package.json#n`, with
                // the decision the package records for each.
                for (n, verified) in package.applications.iter().enumerate() {
                    let file = format!("{file}#{}", n + 1);
                    let opinion = package
                        .package
                        .decisions
                        .iter()
                        .find(|d| d.application == verified.file.integrity)
                        .map(|d| (d.decision, d.rank, d.comment.clone()));
                    files.push((file.clone(), &verified.file));
                    report.valid.push(Row::of(file, verified, opinion));
                }
            }
            FileOutcome::Register(_) => {
                let problem = shifan_rules::document::register_not_taken_in();
                report.invalid.push(InvalidRow {
                    file,
                    code: problem.code.as_str(),
                    problem: problem.describe(lang),
                });
            }
            // Not an application: the summary compares applications only, and says where a
            // report is read instead.
            FileOutcome::AnnualReport(r) => {
                let document = shifan_rules::document::Document::AnnualReport(r.clone());
                if let Some(problem) = document.not_for_review() {
                    report.invalid.push(InvalidRow {
                        file,
                        code: problem.code.as_str(),
                        problem: problem.describe(lang),
                    });
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
    for row in &mut report.valid {
        row.duplicate = report
            .duplicates
            .iter()
            .any(|(a, b)| *a == row.file || *b == row.file);
    }
    report.area_titles = checked
        .iter()
        .find_map(|c| match &c.outcome {
            FileOutcome::Valid(v) => Some(v.catalog.clone()),
            FileOutcome::Package(p) => p.applications.first().map(|v| v.catalog.clone()),
            _ => None,
        })
        .map(|c| c.areas().iter().map(|a| a.title.clone()).collect())
        .unwrap_or_default();
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
    let (paths, notes) = match crate::input::expand_folders(paths, lang) {
        Ok(expanded) => expanded,
        Err(message) => return crate::Outcome::invalid(message),
    };
    let checked = check_paths(&paths, catalogs);
    let report = report(&checked, lang);
    if let Some(path) = xlsx
        && let Err(message) = write_xlsx(&report, path, lang)
    {
        return crate::Outcome::invalid(message);
    }
    let (stdout, stderr) = match format {
        Format::Table => (render_table(&report, lang), String::new()),
        // The CSV is the export table alone; the invalid files are said beside it.
        Format::Csv => (render_csv(&report, lang), render_invalid(&report, lang)),
        Format::Json => (render_json(&report), String::new()),
    };
    crate::Outcome {
        stdout,
        stderr: notes + &stderr,
        status: crate::check::status_of(&checked),
    }
}

/// The export table of the valid files, in the summary's order: the one table
/// (`shifan_rules::review::export_table`) that the web page exports too.
pub fn export(report: &Report, lang: Lang) -> shifan_rules::review::Table {
    let rows: Vec<ExportRow<'_>> = report
        .valid
        .iter()
        .map(|r| ExportRow {
            file: &r.file,
            row: &r.row,
            outside: false,
            duplicate: r.duplicate,
            warnings: r.warnings,
            opinion: r
                .opinion
                .as_ref()
                .map(|(decision, rank, comment)| (*decision, *rank, comment.as_str())),
        })
        .collect();
    let titles: Vec<&str> = report.area_titles.iter().map(String::as_str).collect();
    export_table(&rows, &titles, lang, String::new())
}

/// Writes the export table as a workbook.
fn write_xlsx(report: &Report, path: &Path, lang: Lang) -> Result<(), String> {
    let bytes = shifan_sheet::to_xlsx(&export(report, lang)).map_err(|e| format!("xlsx: {e}\n"))?;
    crate::output::write_to(path, &bytes).map_err(|e| format!("{}: {e}\n", path.display()))
}

/// The aligned export table (without the per-area columns, which the CSV and the workbook
/// carry), then the invalid files, duplicate submissions, and a note that the figures are
/// estimates.
pub fn render_table(report: &Report, lang: Lang) -> String {
    let export = export(report, lang);
    let shown = export.headers.len() - report.area_titles.len();
    let align = |col: usize| match export.rows.first().map(|cells| &cells[col]) {
        Some(Cell::Count(_) | Cell::Percent(_)) => Align::Right,
        _ => Align::Left,
    };
    let columns: Vec<(&str, Align)> = export.headers[..shown]
        .iter()
        .enumerate()
        .map(|(col, h)| (h.as_str(), align(col)))
        .collect();
    let mut table = Table::new(&columns);
    for cells in &export.rows {
        table.push(cells[..shown].iter().map(|c| c.display(lang)).collect());
    }
    let mut out = table.render();
    out.push_str(&render_invalid(report, lang));
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
    out.push_str(shifan_rules::Ratio::rounding_note(lang));
    out.push('\n');
    out
}

/// The invalid files with their first problem's code, or nothing when there are none.
pub fn render_invalid(report: &Report, lang: Lang) -> String {
    if report.invalid.is_empty() {
        return String::new();
    }
    let mut bad = Table::new(&[
        (tr(lang, "无效文件", "Invalid file"), Align::Left),
        (tr(lang, "首个问题", "First problem"), Align::Left),
    ]);
    for r in &report.invalid {
        bad.push(vec![r.file.clone(), r.code.to_string()]);
    }
    format!("\n{}", bad.render())
}

/// The export table as CSV (UTF-8 with a byte-order mark, formulas neutralised), headers in
/// `lang`.
pub fn render_csv(report: &Report, lang: Lang) -> String {
    export(report, lang).to_csv()
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
    /// `null` for a single-item application, which has no comprehensive bar.
    meets_bar: Option<bool>,
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
                meets_bar: r.row.verdict.map(|v| v == shifan_rules::Verdict::MeetsBar),
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
