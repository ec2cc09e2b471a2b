//! `shifan check FILE...`: one line per file — valid with its estimate, or invalid with its
//! problems — as text or as a JSON array.

use crate::input::{
    Checked, FileOutcome, UNREADABLE, check_paths, check_paths_then, describe_unreadable,
};
use crate::{EXIT_INVALID, EXIT_OK};
use serde::Serialize;
use shifan_rules::annual::{Date, VerifiedReport};
use shifan_rules::application::CatalogRef;
use shifan_rules::package::{Decision, DecisionEntry, VerifiedPackage};
use shifan_rules::programme::KindKey;
use shifan_rules::register::{EntryRef, Register, VerifiedRegister};
use shifan_rules::{CatalogSet, Code, Kind, Lang, Message, Problem, Verdict, Verified};
use std::path::{Path, PathBuf};

/// Checks `paths` and renders the report; the status is 1 when any file is invalid.
pub fn run(paths: &[PathBuf], catalogs: &CatalogSet, lang: Lang, json: bool) -> crate::Outcome {
    let (paths, notes) = match crate::input::expand_folders(paths, lang) {
        Ok(expanded) => expanded,
        Err(message) => return crate::Outcome::invalid(message),
    };
    // Each file's report is made where it was checked, and the verified file dropped there.
    let reports = check_paths_then(&paths, catalogs, |c| {
        let report = if json {
            Report::Json(json_entry(&c))
        } else {
            Report::Text(render_one(&c, lang))
        };
        (c.outcome.is_valid(), report)
    });
    let status = if reports.iter().all(|(valid, _)| *valid) {
        EXIT_OK
    } else {
        EXIT_INVALID
    };
    let stdout = if json {
        let entries: Vec<serde_json::Value> = reports
            .into_iter()
            .filter_map(|(_, r)| match r {
                Report::Json(entry) => Some(entry),
                Report::Text(_) => None,
            })
            .collect();
        pretty_array(&entries)
    } else {
        reports
            .into_iter()
            .filter_map(|(_, r)| match r {
                Report::Text(text) => Some(text),
                Report::Json(_) => None,
            })
            .collect()
    };
    crate::Outcome {
        stdout,
        // How many files each folder held: beside the output, so JSON stays JSON.
        stderr: notes,
        status,
    }
}

/// One file's part of the report, as text or as the JSON array's element.
enum Report {
    Text(String),
    Json(serde_json::Value),
}

/// `shifan check --extends OLDER NEWER`: both registers checked as `check` checks them, then
/// whether the newer one only extends the older (`register-rewritten` when not), as one more
/// line (text) or one more element (JSON) about the newer file; the status is 1 when any of
/// the three fails.
pub fn run_extends(
    older: &Path,
    newer: &Path,
    catalogs: &CatalogSet,
    lang: Lang,
    json: bool,
) -> crate::Outcome {
    let checked = check_paths(&[older.to_path_buf(), newer.to_path_buf()], catalogs);
    let register = |c: &Checked| match &c.outcome {
        FileOutcome::Register(r) => Ok(Some(r.register.clone())),
        FileOutcome::Invalid(_) | FileOutcome::Unreadable(_) => Ok(None),
        _ => Err(Problem::new(
            Code::OtherDocument,
            format!("{}不是命名名册，无法比较", c.path.display()),
            format!(
                "{} is not a register; there is nothing to compare",
                c.path.display()
            ),
        )),
    };
    // `None`: a file is already reported invalid above, so nothing is compared.
    let result: Option<Result<usize, Vec<Problem>>> =
        match (register(&checked[0]), register(&checked[1])) {
            (Err(p), _) | (_, Err(p)) => Some(Err(vec![p])),
            (Ok(Some(o)), Ok(Some(n))) => Some(
                shifan_rules::register::extends(&o, &n).map(|()| n.events.len() - o.events.len()),
            ),
            _ => None,
        };
    let status = if status_of(&checked) == EXIT_OK && matches!(result, Some(Ok(_))) {
        EXIT_OK
    } else {
        EXIT_INVALID
    };
    let stdout = if json {
        let mut entries = json_entries(&checked);
        let (state, problems) = match &result {
            Some(Ok(_)) => ("ok", Vec::new()),
            Some(Err(p)) => ("invalid", p.iter().map(JsonProblem::from).collect()),
            None => ("not-compared", Vec::new()),
        };
        entries.push(serde_json::json!({
            "file": newer.display().to_string(),
            "extends": older.display().to_string(),
            "status": state,
            "new_events": result.as_ref().and_then(|r| r.as_ref().ok()),
            "problems": problems,
        }));
        let mut text = serde_json::to_string_pretty(&entries).unwrap_or_else(|_| "[]".into());
        text.push('\n');
        text
    } else {
        let mut out = render_text(&checked, lang);
        let (o, n) = (older.display(), newer.display());
        match &result {
            Some(Ok(added)) => out.push_str(&match lang {
                Lang::Zh => format!("OK  {n}  是 {o} 的延续：新增 {added} 个事件\n"),
                Lang::En => format!("OK  {n}  extends {o}: {added} new events\n"),
            }),
            Some(Err(problems)) => {
                out.push_str(&format!("INVALID  {n}\n"));
                for p in problems {
                    out.push_str(&format!("    {}\n", p.describe(lang)));
                }
            }
            None => out.push_str(&match lang {
                Lang::Zh => format!("INVALID  {n}  未与 {o} 比较：两份名册须先通过核验\n"),
                Lang::En => format!(
                    "INVALID  {n}  not compared with {o}: both registers must verify first\n"
                ),
            }),
        }
        out
    };
    crate::Outcome {
        stdout,
        stderr: String::new(),
        status,
    }
}

/// 1 when any input is invalid or unreadable, else 0.
pub fn status_of(checked: &[Checked]) -> u8 {
    if checked.iter().all(|c| c.outcome.is_valid()) {
        EXIT_OK
    } else {
        EXIT_INVALID
    }
}

/// The one-line description of a valid file, without the leading `OK  <file>`.
pub fn describe_valid(verified: &Verified, lang: Lang) -> String {
    let ratio = verified.score.total.compliance();
    format!(
        "{}  {}  {} ({})  {}",
        verified.file.applicant.display_name(),
        verified.file.kind.label(lang),
        ratio.percent(),
        ratio.formula(),
        Verdict::label_of(verified.verdict(), lang)
    )
}

/// The one-line description of a valid recommendation package.
pub fn describe_package(package: &VerifiedPackage, lang: Lang) -> String {
    let p = &package.package;
    let recommended = p
        .decisions
        .iter()
        .filter(|d| d.decision == Decision::Recommend)
        .count();
    match lang {
        Lang::Zh => format!(
            "{} 初审推荐材料包（{}）：{} 份申报，推荐 {recommended} 份",
            p.city.name,
            p.date,
            p.applications.len()
        ),
        Lang::En => format!(
            "{} recommendation package ({}): {} applications, {recommended} recommended",
            p.city.name,
            p.date,
            p.applications.len()
        ),
    }
}

/// The one-line description of a valid register.
pub fn describe_register(register: &VerifiedRegister, lang: Lang) -> String {
    let r = &register.register;
    let named: Vec<_> = r.named().collect();
    let count = |k| named.iter().filter(|e| e.kind == k).count();
    let (c, s) = (count(KindKey::Comprehensive), count(KindKey::SingleItem));
    let last = r.events.last().map_or("", |e| e.date.as_str());
    match lang {
        Lang::Zh => format!(
            "{} 命名名册（{}）：综合示范 {c} 个，单项示范 {s} 个，{} 个事件，最近 {last}",
            r.province.name,
            r.round.title,
            r.events.len()
        ),
        Lang::En => format!(
            "{} register ({}): {c} comprehensive, {s} single-item, {} events, last {last}",
            r.province.name,
            r.round.title,
            r.events.len()
        ),
    }
}

/// The one-line description of a valid annual report: its title, the date it was written, and
/// the attached self-assessment's compliance then.
pub fn describe_report(verified: &VerifiedReport, lang: Lang) -> String {
    let r = &verified.report;
    let written = Date::parse(&r.updated).map_or_else(String::new, |d| d.iso());
    let attached = r.self_assessment.as_ref().map_or_else(String::new, |s| {
        let ratio = s.ratio();
        match lang {
            Lang::Zh => format!(
                "  附自评：{} {} ({})",
                s.kind_label(lang),
                ratio.percent(),
                ratio.formula()
            ),
            Lang::En => format!(
                "  self-assessment attached: {} {} ({})",
                s.kind_label(lang),
                ratio.percent(),
                ratio.formula()
            ),
        }
    });
    format!("{}  {written}{attached}", r.title(lang))
}

/// The text report: `OK  <file>  …` or `INVALID  <file>`, then one indented line per warning
/// or problem.
pub fn render_text(checked: &[Checked], lang: Lang) -> String {
    checked.iter().map(|c| render_one(c, lang)).collect()
}

/// The text report's lines about one file.
fn render_one(c: &Checked, lang: Lang) -> String {
    let mut out = String::new();
    let path = c.path.display();
    match &c.outcome {
        FileOutcome::Valid(verified) => {
            out.push_str(&format!("OK  {path}  {}\n", describe_valid(verified, lang)));
            for w in &verified.warnings {
                out.push_str(&format!("    warning  {}\n", w.describe(lang)));
            }
        }
        FileOutcome::Package(package) => {
            out.push_str(&format!(
                "OK  {path}  {}\n",
                describe_package(package, lang)
            ));
            for w in &package.warnings {
                out.push_str(&format!("    warning  {}\n", w.describe(lang)));
            }
            for (verified, entry) in package.applications.iter().zip(&package.package.decisions) {
                let decision = entry.decision.label(lang);
                let rank = entry.rank.map(|r| format!(" #{r}")).unwrap_or_default();
                out.push_str(&format!(
                    "    {decision}{rank}  {}\n",
                    describe_valid(verified, lang)
                ));
            }
        }
        FileOutcome::Register(register) => {
            out.push_str(&format!(
                "OK  {path}  {}\n",
                describe_register(register, lang)
            ));
            for e in register.register.named() {
                let what = if e.title.is_empty() {
                    e.kind.label(lang).to_string()
                } else {
                    format!("{}「{}」", e.kind.label(lang), e.title)
                };
                let delisted = register
                    .register
                    .delisting_of(&EntryRef::of(e))
                    .map(|(event, _)| match lang {
                        Lang::Zh => format!("  已于 {} 摘牌", event.date),
                        Lang::En => format!("  delisted on {}", event.date),
                    })
                    .unwrap_or_default();
                out.push_str(&format!(
                    "    {}  {what}  #{}  {}{delisted}\n",
                    e.place.name,
                    e.figures.position,
                    e.figures.composite.decimal(4)
                ));
            }
        }
        FileOutcome::AnnualReport(report) => {
            out.push_str(&format!("OK  {path}  {}\n", describe_report(report, lang)));
            for w in &report.warnings {
                out.push_str(&format!("    warning  {}\n", w.describe(lang)));
            }
        }
        FileOutcome::Invalid(problems) => {
            out.push_str(&format!("INVALID  {path}\n"));
            for p in problems {
                out.push_str(&format!("    {}\n", p.describe(lang)));
            }
        }
        FileOutcome::Unreadable(message) => {
            out.push_str(&format!("INVALID  {path}\n"));
            out.push_str(&format!("    {}\n", describe_unreadable(message, lang)));
        }
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    title: String,
    division_code: &'a str,
    year: u16,
    national: bool,
    updated: &'a str,
    /// Each part's key and its length as a reader counts it.
    lengths: Vec<(&'a str, usize)>,
    self_assessment: Option<&'a shifan_rules::annual::SelfAssessment>,
    integrity: &'a str,
}

/// One element of `shifan check --json`.
#[derive(Serialize)]
struct JsonEntry<'a> {
    file: String,
    /// `ok`, `invalid` or `unreadable`.
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    application: Option<JsonApplication<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    package: Option<JsonPackage<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    register: Option<&'a Register>,
    #[serde(skip_serializing_if = "Option::is_none")]
    annual_report: Option<JsonReport<'a>>,
    warnings: Vec<JsonProblem>,
    problems: Vec<JsonProblem>,
}

#[derive(Serialize)]
struct JsonApplication<'a> {
    name: String,
    division_code: &'a str,
    level: &'static str,
    kind: &'static str,
    category: Option<&'a str>,
    catalog: &'a CatalogRef,
    met: u32,
    applicable: u32,
    compliance: String,
    /// `null` for a single-item application, which has no comprehensive bar.
    meets_bar: Option<bool>,
    verdict: Option<Verdict>,
    unanswered: u32,
    integrity: &'a str,
}

#[derive(Serialize)]
struct JsonPackage<'a> {
    city: &'a str,
    city_code: &'a str,
    date: &'a str,
    integrity: &'a str,
    applications: Vec<JsonDecided<'a>>,
}

#[derive(Serialize)]
struct JsonDecided<'a> {
    #[serde(flatten)]
    application: JsonApplication<'a>,
    decision: &'a DecisionEntry,
}

/// A problem as printed in JSON: the library's code, message in both languages, location.
#[derive(Serialize)]
struct JsonProblem {
    code: String,
    message: Message,
    at: serde_json::Value,
}

impl From<&Problem> for JsonProblem {
    fn from(p: &Problem) -> Self {
        JsonProblem {
            code: p.code.as_str().to_string(),
            message: p.message.clone(),
            at: serde_json::to_value(&p.at).unwrap_or_default(),
        }
    }
}

fn application(verified: &Verified) -> JsonApplication<'_> {
    let file = &verified.file;
    let total = verified.score.total;
    JsonApplication {
        name: file.applicant.display_name(),
        division_code: &file.applicant.division_code,
        level: file.applicant.level.as_str(),
        kind: file.kind.as_str(),
        category: match &file.kind {
            Kind::Comprehensive => None,
            Kind::SingleItem { category, .. } => Some(category),
        },
        catalog: &file.catalog,
        met: total.met,
        applicable: total.applicable(),
        compliance: total.compliance().percent(),
        meets_bar: verified.verdict().map(|v| v == Verdict::MeetsBar),
        verdict: verified.verdict(),
        unanswered: total.unanswered,
        integrity: &file.integrity,
    }
}

/// The JSON report: an array with one object per input, in input order.
pub fn render_json(checked: &[Checked]) -> String {
    pretty_array(&json_entries(checked))
}

/// The JSON report's text: the array indented, ending with a newline.
fn pretty_array(entries: &[serde_json::Value]) -> String {
    let mut text = serde_json::to_string_pretty(entries).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

/// One JSON object per input, in input order.
fn json_entries(checked: &[Checked]) -> Vec<serde_json::Value> {
    checked.iter().map(json_entry).collect()
}

/// The JSON report's object about one input.
fn json_entry(c: &Checked) -> serde_json::Value {
    let file = c.path.display().to_string();
    let entry = match &c.outcome {
        FileOutcome::Valid(verified) => JsonEntry {
            file,
            status: "ok",
            application: Some(application(verified)),
            package: None,
            register: None,
            annual_report: None,
            warnings: verified.warnings.iter().map(JsonProblem::from).collect(),
            problems: Vec::new(),
        },
        FileOutcome::Package(p) => JsonEntry {
            file,
            status: "ok",
            application: None,
            package: Some(JsonPackage {
                city: &p.package.city.name,
                city_code: &p.package.city.division_code,
                date: &p.package.date,
                integrity: &p.package.integrity,
                applications: p
                    .applications
                    .iter()
                    .zip(&p.package.decisions)
                    .map(|(v, d)| JsonDecided {
                        application: application(v),
                        decision: d,
                    })
                    .collect(),
            }),
            register: None,
            annual_report: None,
            warnings: p.warnings.iter().map(JsonProblem::from).collect(),
            problems: Vec::new(),
        },
        FileOutcome::Register(r) => JsonEntry {
            file,
            status: "ok",
            application: None,
            package: None,
            register: Some(&r.register),
            annual_report: None,
            warnings: Vec::new(),
            problems: Vec::new(),
        },
        FileOutcome::AnnualReport(v) => JsonEntry {
            file,
            status: "ok",
            application: None,
            package: None,
            register: None,
            annual_report: Some(JsonReport {
                title: v.report.title(Lang::Zh),
                division_code: &v.report.government.division_code,
                year: v.report.year,
                national: v.report.national,
                updated: &v.report.updated,
                lengths: v.report.lengths(),
                self_assessment: v.report.self_assessment.as_ref(),
                integrity: &v.report.integrity,
            }),
            warnings: v.warnings.iter().map(JsonProblem::from).collect(),
            problems: Vec::new(),
        },
        FileOutcome::Invalid(problems) => JsonEntry {
            file,
            status: "invalid",
            application: None,
            package: None,
            register: None,
            annual_report: None,
            warnings: Vec::new(),
            problems: problems.iter().map(JsonProblem::from).collect(),
        },
        FileOutcome::Unreadable(message) => JsonEntry {
            file,
            status: UNREADABLE,
            application: None,
            package: None,
            register: None,
            annual_report: None,
            warnings: Vec::new(),
            problems: vec![JsonProblem {
                code: UNREADABLE.to_string(),
                message: message.clone(),
                at: serde_json::json!({}),
            }],
        },
    };
    serde_json::to_value(entry).unwrap_or_default()
}
