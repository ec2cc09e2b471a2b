//! What the JavaScript functions answer, as plain Rust: each function takes bytes or text and
//! returns a value that serialises to the JSON the package hands to JavaScript.
//!
//! Everything here converts; every rule, label and message is `shifan-rules`'. It compiles
//! natively too, so the answers are unit-tested without a browser, and its types' JSON
//! Schemas are what the package's TypeScript declarations are generated from
//! (`typescript.rs`).

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize, Serializer};
use shifan_rules::application::{ApplicationFile, CatalogRef};
use shifan_rules::catalog::{CatalogData, Threshold, counts};
use shifan_rules::document::{Document, read_document};
use shifan_rules::input::parse_json;
use shifan_rules::package::{DecisionEntry, Package, VerifiedPackage};
use shifan_rules::sample::{DEFAULT_CREATED, DEFAULT_UPDATED, SampleKind, SampleSpec};
use shifan_rules::score::{Summary, still_needed};
use shifan_rules::{
    Answer, Catalog, CatalogSet, Code, GovLevel, Message, Problem, Score, Severity, Status, Tally,
    Verdict, Verified, gaps, score,
};
use std::borrow::Cow;

/// `true`, and nothing else: the `ok` of an answer that succeeded, so that TypeScript narrows
/// a result by `if (result.ok)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct True;

/// `false`, and nothing else: the `ok` of an answer that failed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct False;

macro_rules! literal_bool {
    ($ty:ident, $value:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bool($value)
            }
        }

        impl JsonSchema for $ty {
            fn inline_schema() -> bool {
                true
            }

            fn schema_name() -> Cow<'static, str> {
                stringify!($ty).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "const": $value })
            }
        }
    };
}

literal_bool!(True, true);
literal_bool!(False, false);

/// One problem found in the input: its stable code, its severity (from the code), what is
/// wrong in Chinese and English, and where, as far as known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct JsProblem {
    /// Stable code, e.g. `integrity-mismatch`.
    pub code: Code,
    /// `error` (the input cannot be used) or `warning`.
    pub severity: Severity,
    /// What is wrong, in both languages.
    pub message: Message,
    /// Where: line and column in the text, or the indicator.
    pub at: shifan_rules::problem::Location,
}

impl From<&Problem> for JsProblem {
    fn from(p: &Problem) -> Self {
        JsProblem {
            code: p.code,
            severity: p.severity(),
            message: p.message.clone(),
            at: p.at.clone(),
        }
    }
}

fn problems(list: &[Problem]) -> Vec<JsProblem> {
    list.iter().map(JsProblem::from).collect()
}

/// An answer that failed: the problems, errors first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Failed {
    /// Always `false`.
    pub ok: False,
    /// Every problem found, errors first.
    pub problems: Vec<JsProblem>,
}

impl Failed {
    fn of(list: &[Problem]) -> Failed {
        Failed {
            ok: False,
            problems: problems(list),
        }
    }
}

/// One area's counts and compliance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AreaStanding {
    /// Area number (一、二、… in the catalog).
    pub number: u8,
    /// Area title.
    pub title: String,
    /// Counts by status.
    pub tally: Tally,
    /// Met ÷ applicable in the area, rounded down to 0.1%, e.g. `87.5%`; `—` when nothing
    /// applies.
    pub compliance: String,
}

/// Where an assessment stands: the counts, the formula's two numbers, the percentage as
/// every shifan screen shows it, and what is still needed for the bar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Standing {
    /// The formula's numerator: indicators met.
    pub met: u32,
    /// The formula's denominator: applicable indicators (declared not applicable and excluded
    /// ones are not in it; unanswered ones are).
    pub applicable: u32,
    /// Met ÷ applicable, rounded down to 0.1%, e.g. `89.8%`; `—` when nothing applies.
    pub compliance: String,
    /// The same in tenths of a percent, rounded down; `null` when nothing applies.
    pub per_mille: Option<u32>,
    /// The formula a person can recompute, e.g. `93 ÷ 98`.
    pub formula: String,
    /// The catalog's bar for a comprehensive demonstration.
    pub threshold: Threshold,
    /// Whether met ÷ applicable reaches the bar, in exact integer arithmetic.
    pub meets_bar: bool,
    /// How many more indicators must be met for the bar, if nothing else changes.
    pub still_needed: u32,
    /// Counts over the whole catalog.
    pub total: Tally,
    /// Per area, in catalog order.
    pub areas: Vec<AreaStanding>,
    /// The summary an application file declares for these answers.
    pub summary: Summary,
}

impl Standing {
    /// The standing of a score.
    pub fn of(s: &Score) -> Standing {
        let ratio = s.total.compliance();
        Standing {
            met: ratio.met,
            applicable: ratio.applicable,
            compliance: ratio.percent(),
            per_mille: ratio.per_mille(),
            formula: ratio.formula(),
            threshold: s.threshold,
            meets_bar: s.verdict == Verdict::MeetsBar,
            still_needed: still_needed(s.threshold, ratio.met, ratio.applicable),
            total: s.total,
            areas: s
                .areas
                .iter()
                .map(|a| AreaStanding {
                    number: a.number,
                    title: a.title.clone(),
                    tally: a.tally,
                    compliance: a.tally.compliance().percent(),
                })
                .collect(),
            summary: s.summary(),
        }
    }
}

/// The verdict's label in both languages, as the page and the CLI print it.
fn verdict_label(verdict: Option<Verdict>) -> Message {
    Message::new(
        Verdict::label_of(verdict, shifan_rules::Lang::Zh),
        Verdict::label_of(verdict, shifan_rules::Lang::En),
    )
}

/// `application`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub enum ApplicationTag {
    /// An application file.
    #[serde(rename = "application")]
    Application,
}

/// `package`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub enum PackageTag {
    /// A recommendation package.
    #[serde(rename = "package")]
    Package,
}

/// A valid application file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ApplicationVerified {
    /// Always `true`.
    pub ok: True,
    /// `application`.
    pub kind: ApplicationTag,
    /// The file as read.
    pub file: ApplicationFile,
    /// Where it stands, recomputed from its answers.
    pub summary: Standing,
    /// The estimated comprehensive verdict; `null` for a single-item application, which has
    /// no comprehensive bar.
    pub verdict: Option<Verdict>,
    /// The verdict's label (or that a single-item application has none) in both languages.
    pub verdict_label: Message,
    /// Problems that do not make the file unusable.
    pub warnings: Vec<JsProblem>,
}

impl ApplicationVerified {
    fn of(v: &Verified) -> ApplicationVerified {
        ApplicationVerified {
            ok: True,
            kind: ApplicationTag::Application,
            file: v.file.clone(),
            summary: Standing::of(&v.score),
            verdict: v.verdict(),
            verdict_label: verdict_label(v.verdict()),
            warnings: problems(&v.warnings),
        }
    }
}

/// One application of a package, with the city's decision on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PackagedApplication {
    /// The applicant's name, e.g. 太原市小店区.
    pub name: String,
    /// The applicant's division code.
    pub division_code: String,
    /// The decision, rank and comment.
    pub decision: DecisionEntry,
    /// The application, verified.
    pub application: ApplicationVerified,
}

/// What a recommendation package holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PackageSummary {
    /// The reviewing city's name.
    pub city: String,
    /// Its division code.
    pub city_code: String,
    /// The review date, `YYYY-MM-DD`.
    pub date: String,
    /// How many applications are recommended.
    pub recommended: u32,
    /// Every application, in package order.
    pub applications: Vec<PackagedApplication>,
}

/// A valid recommendation package.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct PackageVerified {
    /// Always `true`.
    pub ok: True,
    /// `package`.
    pub kind: PackageTag,
    /// The package as read.
    pub file: Package,
    /// Its applications with their decisions.
    pub summary: PackageSummary,
    /// Always `null`: each application has its own (in `summary.applications`).
    pub verdict: Option<Verdict>,
    /// Problems that do not make the package unusable.
    pub warnings: Vec<JsProblem>,
}

impl PackageVerified {
    fn of(p: &VerifiedPackage) -> PackageVerified {
        let applications: Vec<PackagedApplication> = p
            .applications
            .iter()
            .zip(&p.package.decisions)
            .map(|(v, d)| PackagedApplication {
                name: v.file.applicant.display_name(),
                division_code: v.file.applicant.division_code.clone(),
                decision: d.clone(),
                application: ApplicationVerified::of(v),
            })
            .collect();
        PackageVerified {
            ok: True,
            kind: PackageTag::Package,
            file: p.package.clone(),
            summary: PackageSummary {
                city: p.package.city.name.clone(),
                city_code: p.package.city.division_code.clone(),
                date: p.package.date.clone(),
                recommended: p
                    .package
                    .decisions
                    .iter()
                    .filter(|d| d.decision == shifan_rules::package::Decision::Recommend)
                    .count() as u32,
                applications,
            },
            verdict: None,
            warnings: problems(&p.warnings),
        }
    }
}

/// `register`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub enum RegisterTag {
    /// A province's register of named places and projects.
    #[serde(rename = "register")]
    Register,
}

/// What a register holds, in short.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RegisterSummary {
    /// The province's name.
    pub province: String,
    /// The round's id.
    pub round: String,
    /// How many events its history has.
    pub events: u32,
    /// How many places and projects its naming events name.
    pub named: u32,
}

/// A valid register.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct RegisterVerified {
    /// Always `true`.
    pub ok: True,
    /// `register`.
    pub kind: RegisterTag,
    /// The register as read.
    pub file: shifan_rules::register::Register,
    /// Its province, round and history in numbers.
    pub summary: RegisterSummary,
    /// Always `null`: a register names; it has no verdict of its own.
    pub verdict: Option<Verdict>,
    /// Problems that do not make the register unusable (none today).
    pub warnings: Vec<JsProblem>,
}

impl RegisterVerified {
    fn of(v: &shifan_rules::register::VerifiedRegister) -> RegisterVerified {
        let register = &v.register;
        let named = register
            .events
            .iter()
            .map(|e| match &e.body {
                shifan_rules::register::EventBody::Named(n) => n.entries.len() as u32,
                _ => 0,
            })
            .sum();
        RegisterVerified {
            ok: True,
            kind: RegisterTag::Register,
            file: register.clone(),
            summary: RegisterSummary {
                province: register.province.name.clone(),
                round: register.round.id.clone(),
                events: register.events.len() as u32,
                named,
            },
            verdict: None,
            warnings: Vec::new(),
        }
    }
}

/// `annual_report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub enum AnnualReportTag {
    /// A government's annual rule-of-law government report.
    #[serde(rename = "annual_report")]
    AnnualReport,
}

/// What an annual report holds, in short.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AnnualReportSummary {
    /// The report's title in Chinese and English.
    pub title: Message,
    /// The reporting government's division code.
    pub division_code: String,
    /// The year reported on.
    pub year: u16,
    /// Each part's key and its length (counted as the narrative's is).
    pub lengths: Vec<PartLength>,
}

/// One part of an annual report and its length.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PartLength {
    /// The template part's key.
    pub key: String,
    /// Its length in characters, as `shifan-rules` counts them.
    pub length: u32,
}

/// A valid annual report.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct AnnualReportVerified {
    /// Always `true`.
    pub ok: True,
    /// `annual_report`.
    pub kind: AnnualReportTag,
    /// The report as read.
    pub file: shifan_rules::annual::AnnualReport,
    /// Its title, government, year and the parts' lengths.
    pub summary: AnnualReportSummary,
    /// Always `null`: a report has no verdict (an attached self-assessment is in `file`).
    pub verdict: Option<Verdict>,
    /// Problems that do not make the report unusable (an empty required part, …).
    pub warnings: Vec<JsProblem>,
}

impl AnnualReportVerified {
    fn of(v: &shifan_rules::annual::VerifiedReport) -> AnnualReportVerified {
        let r = &v.report;
        AnnualReportVerified {
            ok: True,
            kind: AnnualReportTag::AnnualReport,
            file: r.clone(),
            summary: AnnualReportSummary {
                title: Message {
                    zh: r.title(shifan_rules::Lang::Zh),
                    en: r.title(shifan_rules::Lang::En),
                },
                division_code: r.government.division_code.clone(),
                year: r.year,
                lengths: r
                    .lengths()
                    .into_iter()
                    .map(|(key, length)| PartLength {
                        key: key.to_string(),
                        length: length as u32,
                    })
                    .collect(),
            },
            verdict: None,
            warnings: problems(&v.warnings),
        }
    }
}

/// What `verify` answers: a valid file of one of the kinds, or the problems.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Verification {
    /// A valid application file.
    Application(Box<ApplicationVerified>),
    /// A valid recommendation package.
    Package(Box<PackageVerified>),
    /// A valid register.
    Register(Box<RegisterVerified>),
    /// A valid annual report.
    AnnualReport(Box<AnnualReportVerified>),
    /// Not a valid file.
    Failed(Failed),
}

/// Verifies a file's bytes against `catalogs`, whatever kind of shifan file it is.
///
/// Dispatches through `shifan_rules::document`: a file kind added there is one more arm here.
pub fn verify(bytes: &[u8], catalogs: &CatalogSet) -> Verification {
    match read_document(bytes, catalogs) {
        Ok(Document::Application(v)) => {
            Verification::Application(Box::new(ApplicationVerified::of(&v)))
        }
        Ok(Document::Package(p)) => Verification::Package(Box::new(PackageVerified::of(&p))),
        Ok(Document::Register(r)) => Verification::Register(Box::new(RegisterVerified::of(&r))),
        Ok(Document::AnnualReport(r)) => {
            Verification::AnnualReport(Box::new(AnnualReportVerified::of(&r)))
        }
        Err(list) => Verification::Failed(Failed::of(&list)),
    }
}

/// A catalog: who made it, its fingerprint, its size, and its whole content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CatalogInfo {
    /// Catalog id.
    pub id: String,
    /// Title of the indicator system.
    pub title: String,
    /// Edition year.
    pub year: u16,
    /// Who issued it.
    pub issuer: String,
    /// `sha256:` fingerprint over its canonical form: what an application file names.
    pub fingerprint: String,
    /// The bar for a comprehensive demonstration.
    pub threshold: Threshold,
    /// How many first-level areas.
    pub areas: u32,
    /// How many second-level sections.
    pub sections: u32,
    /// How many numbered indicators.
    pub indicators: u32,
    /// Whether it is built into shifan (else loaded).
    pub builtin: bool,
    /// The catalog as its JSON file has it.
    pub data: CatalogData,
}

impl CatalogInfo {
    /// The description of `catalog`.
    pub fn of(catalog: &Catalog, builtin: bool) -> CatalogInfo {
        let (areas, sections, indicators) = counts(catalog);
        CatalogInfo {
            id: catalog.id().to_string(),
            title: catalog.title().to_string(),
            year: catalog.data().year,
            issuer: catalog.data().issuer.clone(),
            fingerprint: catalog.fingerprint().to_string(),
            threshold: catalog.threshold(),
            areas: areas as u32,
            sections: sections as u32,
            indicators: indicators as u32,
            builtin,
            data: catalog.data().clone(),
        }
    }
}

/// The catalogs built into shifan.
pub fn builtin_catalogs() -> Vec<CatalogInfo> {
    CatalogSet::builtin()
        .iter()
        .map(|c| CatalogInfo::of(c, true))
        .collect()
}

/// Every catalog of `set`: the built-in ones first, then those loaded.
pub fn list(set: &CatalogSet) -> Vec<CatalogInfo> {
    let builtin = CatalogSet::builtin();
    set.iter()
        .map(|c| CatalogInfo::of(c, builtin.by_fingerprint(c.fingerprint()).is_some()))
        .collect()
}

/// A catalog that loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CatalogLoaded {
    /// Always `true`.
    pub ok: True,
    /// The catalog, now known to the set.
    pub catalog: CatalogInfo,
}

/// What `loadCatalog` answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum CatalogLoad {
    /// The catalog loaded.
    Loaded(Box<CatalogLoaded>),
    /// It did not: every problem, with its line in a table.
    Failed(Failed),
}

/// Reads a catalog file named `name` (a JSON catalog, or an indicator table in CSV, told apart
/// as the page does) and adds it to `set`.
pub fn load_catalog(set: &mut CatalogSet, name: &str, bytes: &[u8]) -> CatalogLoad {
    match shifan_rules::import::read_catalog_file(name, bytes) {
        Ok(catalog) => {
            let catalog = set.add(catalog);
            CatalogLoad::Loaded(Box::new(CatalogLoaded {
                ok: True,
                catalog: CatalogInfo::of(&catalog, false),
            }))
        }
        Err(list) => CatalogLoad::Failed(Failed::of(&list)),
    }
}

/// What `evaluate` is given: answers, the level of government, and which catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationInput {
    /// The catalog answered against; the reference catalog when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<CatalogRef>,
    /// The applicant's level of government (the catalog excludes some indicators by level).
    pub level: GovLevel,
    /// The answers, as an application file has them; indicators without one count as
    /// unanswered.
    pub answers: Vec<Answer>,
}

/// An indicator that keeps the applicant from full marks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GapEntry {
    /// Indicator number.
    pub number: u16,
    /// Its title.
    pub title: String,
    /// Not met, partly met or unanswered.
    pub status: Status,
    /// The status's label in both languages.
    pub status_label: Message,
}

/// Answers evaluated against a catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Evaluated {
    /// Always `true`.
    pub ok: True,
    /// The catalog they were evaluated against.
    pub catalog: CatalogRef,
    /// The counts, the formula and the bar.
    pub summary: Standing,
    /// The estimated comprehensive verdict.
    pub verdict: Verdict,
    /// Its label in both languages (always an estimate).
    pub verdict_label: Message,
    /// Not met, partly met and unanswered applicable indicators, in catalog order.
    pub gaps: Vec<GapEntry>,
    /// What a file with these answers would be refused or warned for (unknown or repeated
    /// indicators, a status the ticked points contradict without a reason, …); the evaluation
    /// counts the answers as they are. Missing answers are not among them: they count as
    /// unanswered.
    pub problems: Vec<JsProblem>,
}

/// What `evaluate` answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Evaluation {
    /// The evaluation.
    Evaluated(Box<Evaluated>),
    /// The input could not be read, or names an unknown catalog.
    Failed(Failed),
}

/// Evaluates `input` (JSON text of an [`EvaluationInput`]) against `set`.
pub fn evaluate(input: &[u8], set: &CatalogSet) -> Evaluation {
    let value = match parse_json(input, shifan_rules::input::MAX_FILE_BYTES) {
        Ok(value) => value,
        Err(list) => return Evaluation::Failed(Failed::of(&list)),
    };
    let input: EvaluationInput = match shifan_rules::json::from_value(&value) {
        Ok(input) => input,
        Err(e) => {
            return Evaluation::Failed(Failed::of(&[Problem::new(
                Code::NotApplication,
                format!("作答内容不完整或格式不对：{}。", e.zh()),
                format!("the answers are incomplete or malformed: {}", e.en()),
            )]));
        }
    };
    let reference = CatalogRef::to(Catalog::reference());
    let wanted = input.catalog.unwrap_or(reference);
    let catalog = match set.resolve(&wanted.id, &wanted.fingerprint) {
        Ok(catalog) => catalog.clone(),
        Err(p) => return Evaluation::Failed(Failed::of(&[p])),
    };
    let s = score(&catalog, input.level, &input.answers);
    let found: Vec<Problem> = shifan_rules::application::answer_problems(&catalog, &input.answers)
        .into_iter()
        .filter(|p| p.code != Code::MissingIndicator)
        .collect();
    let gaps = gaps(&catalog, input.level, &input.answers)
        .into_iter()
        .map(|g| GapEntry {
            number: g.number,
            title: catalog
                .indicator(g.number)
                .map(|i| i.title.clone())
                .unwrap_or_default(),
            status: g.status,
            status_label: Message::new(g.status.label_zh(), g.status.label_en()),
        })
        .collect();
    Evaluation::Evaluated(Box::new(Evaluated {
        ok: True,
        catalog: CatalogRef::to(&catalog),
        summary: Standing::of(&s),
        verdict: s.verdict,
        verdict_label: verdict_label(Some(s.verdict)),
        gaps,
        problems: problems(&found),
    }))
}

/// What `sampleApplication` is given, as `shifan sample` takes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SampleInput {
    /// The applicant's division code, e.g. `140105` (太原市小店区) or `140100` (太原市).
    pub division_code: String,
    /// How many indicators are met.
    pub met: u32,
    /// For a single-item application, its category id (e.g. `business-environment`); a
    /// comprehensive application when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub single_item: Option<String>,
    /// Seed for every choice in the sample (default 1, as `shifan sample`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// Creation and write time, RFC 3339 (default: fixed times in November 2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A sample application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SampleMade {
    /// Always `true`.
    pub ok: True,
    /// The sealed file's text, exactly as `shifan sample` writes it.
    pub text: String,
    /// The file it holds.
    pub file: ApplicationFile,
}

/// What `sampleApplication` answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Sample {
    /// The sample.
    Made(Box<SampleMade>),
    /// The input could not be read, or names no Shanxi division, or more met indicators than
    /// apply.
    Failed(Failed),
}

/// Makes a sample application from `input` (JSON text of a [`SampleInput`]).
pub fn sample(input: &[u8]) -> Sample {
    let value = match parse_json(input, shifan_rules::input::MAX_FILE_BYTES) {
        Ok(value) => value,
        Err(list) => return Sample::Failed(Failed::of(&list)),
    };
    let input: SampleInput = match shifan_rules::json::from_value(&value) {
        Ok(input) => input,
        Err(e) => {
            return Sample::Failed(Failed::of(&[Problem::new(
                Code::NotApplication,
                format!("样例参数不完整或格式不对：{}。", e.zh()),
                format!(
                    "the sample's parameters are incomplete or malformed: {}",
                    e.en()
                ),
            )]));
        }
    };
    if let Some(date) = &input.date
        && !shifan_rules::input::is_rfc3339(date)
    {
        return Sample::Failed(Failed::of(&[Problem::new(
            Code::InvalidTime,
            format!("时间「{date}」不是 RFC 3339 格式，例如 2026-11-20T17:30:00+08:00"),
            format!("time “{date}” is not RFC 3339, e.g. 2026-11-20T17:30:00+08:00"),
        )]));
    }
    let spec = SampleSpec {
        division_code: input.division_code,
        met: input.met,
        kind: match input.single_item {
            None => SampleKind::Comprehensive,
            Some(category) => SampleKind::SingleItem(category),
        },
        seed: input.seed.unwrap_or(1),
        created: input.date.clone().unwrap_or(DEFAULT_CREATED.into()),
        updated: input.date.unwrap_or(DEFAULT_UPDATED.into()),
    };
    match shifan_rules::sample::sample_application(Catalog::reference(), &spec) {
        Ok(file) => Sample::Made(Box::new(SampleMade {
            ok: True,
            text: file.to_json(),
            file,
        })),
        Err(p) => Sample::Failed(Failed::of(&[p])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/");
        std::fs::read(format!("{path}{name}")).expect("fixture")
    }

    /// Checks that `verify` answers the fixture `name` with the first problem `code` (or a
    /// valid application when `None`).
    fn check(name: &str, code: Option<Code>) {
        let got = verify(&fixture(name), &CatalogSet::builtin());
        match (&got, code) {
            (Verification::Application(a), None) => {
                assert_eq!(a.summary.summary, a.file.summary, "{name}");
            }
            (Verification::Failed(f), Some(code)) => {
                assert_eq!(f.problems[0].code, code, "{name}");
                assert_eq!(f.problems[0].severity, code.severity(), "{name}");
            }
            _ => panic!("{name}: {got:?}"),
        }
    }

    #[test]
    fn verifies_fixtures_like_the_rules() {
        check("valid-comprehensive.json", None);
        check("valid-single-item.json", None);
        check(
            "invalid-integrity-mismatch.json",
            Some(Code::IntegrityMismatch),
        );
        check("invalid-not-json.json", Some(Code::NotJson));
        check("invalid-utf16.json", Some(Code::Utf16));
    }

    #[test]
    fn evaluates_a_sample_as_its_file_declares() {
        let Sample::Made(made) = sample(br#"{"division_code": "140105", "met": 80}"#) else {
            panic!("no sample");
        };
        let input = serde_json::json!({"level": "county", "answers": made.file.answers});
        let Evaluation::Evaluated(e) =
            evaluate(input.to_string().as_bytes(), &CatalogSet::builtin())
        else {
            panic!("not evaluated");
        };
        assert_eq!(e.summary.summary, made.file.summary);
        assert_eq!(e.summary.met, 80);
        assert_eq!(e.verdict, Verdict::NotYet);
        assert!(e.summary.still_needed > 0);
        assert_eq!(
            e.gaps.len() as u32,
            e.summary.applicable - e.summary.met,
            "every applicable indicator not met is a gap"
        );
        assert!(e.problems.is_empty(), "{:?}", e.problems);
    }

    #[test]
    fn bad_input_is_a_problem_not_a_panic() {
        for input in [&b"[1"[..], b"{}", br#"{"level": "town", "answers": []}"#] {
            assert!(matches!(
                evaluate(input, &CatalogSet::builtin()),
                Evaluation::Failed(_)
            ));
            assert!(matches!(sample(input), Sample::Failed(_)));
        }
        let unknown = br#"{"level": "county", "answers": [], "catalog": {"id": "x", "fingerprint": "sha256:00"}}"#;
        let Evaluation::Failed(f) = evaluate(unknown, &CatalogSet::builtin()) else {
            panic!("an unknown catalog evaluated");
        };
        assert_eq!(f.problems[0].code, Code::UnknownCatalog);
    }

    #[test]
    fn verifies_a_package_with_each_application_and_its_decision() {
        use shifan_rules::package::{Decision, Review, Reviewer};
        use shifan_rules::sample::sample_application;
        let made = |code: &str, met: u32| {
            let spec = SampleSpec::new(code, met, SampleKind::Comprehensive, 1);
            let file = sample_application(Catalog::reference(), &spec).expect("sample");
            shifan_rules::read_application(file.to_json().as_bytes(), &CatalogSet::builtin())
                .expect("valid sample")
        };
        let (a, b) = (made("140105", 92), made("140106", 70));
        let review = Review {
            city_code: 140100,
            reviewer: Reviewer {
                name: "李华".into(),
                office: "太原市委依法治市办".into(),
            },
            date: "2026-12-01".into(),
            decisions: vec![
                (Decision::Recommend, Some(1), "材料扎实".into()),
                (Decision::NotRecommend, None, "差距较大".into()),
            ],
        };
        let generator = shifan_rules::Generator {
            name: "test".into(),
            version: "0".into(),
        };
        let package =
            Package::build(&review, &[&a, &b], generator, DEFAULT_UPDATED.into()).expect("package");
        let Verification::Package(p) = verify(package.to_json().as_bytes(), &CatalogSet::builtin())
        else {
            panic!("not a package");
        };
        assert_eq!(p.summary.recommended, 1);
        assert_eq!(p.summary.city, "太原市");
        let apps = &p.summary.applications;
        assert_eq!(apps.len(), 2);
        assert_eq!(apps[0].application.summary.met, a.score.total.met);
        assert_eq!(apps[0].decision.rank, Some(1));
        assert_eq!(apps[1].application.verdict, Some(Verdict::NotYet));
        assert_eq!(p.verdict, None);
    }

    #[test]
    fn a_loaded_catalog_is_then_known() {
        let mut set = CatalogSet::builtin();
        let text = fixture("catalogs/jinzhong-local-2021.json");
        let CatalogLoad::Loaded(loaded) = load_catalog(&mut set, "jinzhong.json", &text) else {
            panic!("not loaded");
        };
        assert!(!loaded.catalog.builtin);
        assert_eq!(list(&set).len(), builtin_catalogs().len() + 1);
        let CatalogLoad::Failed(f) = load_catalog(&mut set, "bad.csv", b"area,section\n1,2\n")
        else {
            panic!("a broken table loaded");
        };
        assert!(!f.problems.is_empty());
    }
}
