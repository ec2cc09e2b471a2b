//! The recommendation package (推荐材料包), format version 1: the city office's decisions on its
//! counties' applications, with the application files themselves, sealed so the province
//! receives one self-checking file.
//!
//! Reading a package verifies every application inside it exactly as a single file is
//! verified, then the decisions: one per application, ranks 1..k over the recommended ones.

use crate::application::{Generator, Verified, integrity_of, verify_value};
use crate::assessment::is_date;
use crate::canonical;
use crate::catalog::CatalogSet;
use crate::division;
use crate::input::{check_format, is_rfc3339, parse_json};
use crate::problem::{Code, Problem, has_errors};
use crate::review::{duplicate_pairs, outside_city_problem};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;

/// The `format` value of a recommendation package.
pub const PACKAGE_FORMAT_ID: &str = "shifan.package";
/// The package format version this build writes and the newest it reads.
pub const PACKAGE_FORMAT_VERSION: u32 = 1;
/// The largest package accepted, checked before parsing.
pub const MAX_PACKAGE_BYTES: usize = 200 * 1024 * 1024;

/// The city office's decision on one application.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Recommend to the province (推荐).
    Recommend,
    /// Do not recommend (不推荐).
    NotRecommend,
    /// Not decided yet (待定).
    #[default]
    Pending,
}

impl Decision {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Decision::Recommend => "推荐",
            Decision::NotRecommend => "不推荐",
            Decision::Pending => "待定",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Decision::Recommend => "Recommend",
            Decision::NotRecommend => "Do not recommend",
            Decision::Pending => "Pending",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.label_zh(),
            crate::Lang::En => self.label_en(),
        }
    }
}

/// The reviewing city.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct City {
    /// Six-digit code of the prefecture-level city.
    pub division_code: String,
    /// Its name.
    pub name: String,
}

/// Who reviewed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reviewer {
    /// Reviewer's name.
    pub name: String,
    /// Office, e.g. 太原市委依法治市办.
    pub office: String,
}

/// A decision on one application, named by the application's integrity fingerprint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionEntry {
    /// The application's `integrity` value.
    pub application: String,
    /// The decision.
    pub decision: Decision,
    /// Rank among the recommended ones (1 is best); `None` unless recommended.
    pub rank: Option<u32>,
    /// The reviewer's comments.
    pub comment: String,
}

/// A recommendation package, format version 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Package {
    /// Always `shifan.package`.
    pub format: String,
    /// Format version (1).
    pub format_version: u32,
    /// The reviewing city.
    pub city: City,
    /// The reviewer.
    pub reviewer: Reviewer,
    /// Date of the review, `YYYY-MM-DD`.
    pub date: String,
    /// One decision per application.
    pub decisions: Vec<DecisionEntry>,
    /// The application files, unchanged.
    pub applications: Vec<Value>,
    /// The program that wrote the package.
    pub generator: Generator,
    /// When the package was written (RFC 3339).
    pub created: String,
    /// `sha256:` + SHA-256 over the canonical form of every other field.
    pub integrity: String,
}

/// What a reviewer decided, before sealing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    /// City code.
    pub city_code: u32,
    /// Reviewer.
    pub reviewer: Reviewer,
    /// Review date, `YYYY-MM-DD`.
    pub date: String,
    /// Decisions, one per application given to [`Package::build`], in the same order.
    pub decisions: Vec<(Decision, Option<u32>, String)>,
}

impl Package {
    /// Seals a review and its verified applications into a package, after checking the
    /// decisions as a reader will.
    pub fn build(
        review: &Review,
        applications: &[&Verified],
        generator: Generator,
        created: String,
    ) -> Result<Package, Vec<Problem>> {
        let city = division::get(review.city_code)
            .filter(|d| d.parent == division::PROVINCE_CODE)
            .ok_or_else(|| {
                vec![Problem::new(
                    Code::UnknownDivision,
                    "请选择一个设区的市",
                    "choose a prefecture-level city",
                )]
            })?;
        if review.decisions.len() != applications.len() {
            return Err(vec![Problem::new(
                Code::InvalidDecision,
                "每份申报都需要一个初审意见",
                "every application needs one decision",
            )]);
        }
        let mut package = Package {
            format: PACKAGE_FORMAT_ID.to_string(),
            format_version: PACKAGE_FORMAT_VERSION,
            city: City {
                division_code: city.code_str(),
                name: city.name.clone(),
            },
            reviewer: review.reviewer.clone(),
            date: review.date.clone(),
            decisions: applications
                .iter()
                .zip(&review.decisions)
                .map(|(v, (decision, rank, comment))| DecisionEntry {
                    application: v.file.integrity.clone(),
                    decision: *decision,
                    rank: *rank,
                    comment: comment.clone(),
                })
                .collect(),
            applications: applications.iter().map(|v| v.file.to_value()).collect(),
            generator,
            created,
            integrity: String::new(),
        };
        let problems =
            package.decision_problems(&applications.iter().map(|v| &v.file).collect::<Vec<_>>());
        if has_errors(&problems) {
            return Err(problems);
        }
        package.integrity = integrity_of(&package.to_value());
        Ok(package)
    }

    /// The package as a JSON value.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The package as written to disk: canonical, indented JSON.
    pub fn to_json(&self) -> String {
        canonical::to_pretty(&self.to_value())
    }

    /// A readable file name, e.g. `太原市-初审推荐-2026-12-01.json`.
    pub fn file_name(&self) -> String {
        format!("{}-初审推荐-{}.json", self.city.name, self.date)
    }

    fn decision_problems(&self, files: &[&crate::ApplicationFile]) -> Vec<Problem> {
        let mut problems = Vec::new();
        let city_code: u32 = self.city.division_code.parse().unwrap_or(0);
        let integrities: HashSet<&str> = files.iter().map(|f| f.integrity.as_str()).collect();
        let mut decided = HashSet::new();
        for entry in &self.decisions {
            if !integrities.contains(entry.application.as_str()) {
                problems.push(Problem::new(
                    Code::UnknownApplication,
                    format!(
                        "初审意见指向的申报文件 {} 不在材料包中",
                        short(&entry.application)
                    ),
                    format!(
                        "a decision refers to application {}, which the package does not contain",
                        short(&entry.application)
                    ),
                ));
            } else if !decided.insert(entry.application.as_str()) {
                problems.push(Problem::new(
                    Code::InvalidDecision,
                    "同一份申报有两个初审意见",
                    "an application has two decisions",
                ));
            }
            if entry.rank.is_some() != (entry.decision == Decision::Recommend) {
                problems.push(Problem::new(
                    Code::InvalidDecision,
                    "只有「推荐」的申报才有排序，且每个「推荐」都要有排序",
                    "only recommended applications are ranked, and every recommended one is",
                ));
            }
        }
        if let Some(missing) = files
            .iter()
            .find(|f| !decided.contains(f.integrity.as_str()))
        {
            problems.push(Problem::new(
                Code::InvalidDecision,
                format!("{}的申报没有初审意见", missing.applicant.display_name()),
                format!(
                    "the application of {} has no decision",
                    missing.applicant.display_name()
                ),
            ));
        }
        let mut ranks: Vec<u32> = self.decisions.iter().filter_map(|d| d.rank).collect();
        ranks.sort_unstable();
        if ranks.iter().enumerate().any(|(i, &r)| r != i as u32 + 1) {
            problems.push(Problem::new(
                Code::InvalidDecision,
                format!("推荐排序应为 1 至 {} 各一次", ranks.len()),
                format!("ranks should be 1 to {}, each once", ranks.len()),
            ));
        }
        for file in files {
            problems.extend(outside_city_problem(file, city_code));
        }
        for (i, j) in duplicate_pairs(files) {
            problems.push(Problem::new(
                Code::DuplicateSubmission,
                format!(
                    "{}提交了两份同类申报（第 {} 份和第 {} 份）",
                    files[i].applicant.display_name(),
                    i + 1,
                    j + 1
                ),
                format!(
                    "{} submitted two applications of the same kind (numbers {} and {})",
                    files[i].applicant.display_name(),
                    i + 1,
                    j + 1
                ),
            ));
        }
        if !is_date(&self.date) {
            problems.push(Problem::new(
                Code::InvalidTime,
                format!("初审日期「{}」应为 YYYY-MM-DD", self.date),
                format!("review date “{}” should be YYYY-MM-DD", self.date),
            ));
        }
        problems
    }
}

fn short(integrity: &str) -> &str {
    let hex = integrity
        .strip_prefix(canonical::SHA256_PREFIX)
        .unwrap_or(integrity);
    hex.get(..12).unwrap_or(hex)
}

/// A read and verified package.
#[derive(Clone, Debug)]
pub struct VerifiedPackage {
    /// The package as read.
    pub package: Package,
    /// Its applications, verified, in package order.
    pub applications: Vec<Verified>,
    /// Problems that do not make the package unusable.
    pub warnings: Vec<Problem>,
}

/// Whether parsed JSON claims to be a package (so a reader can choose the right verifier).
pub fn is_package(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(PACKAGE_FORMAT_ID)
}

/// Reads and verifies a recommendation package.
pub fn read_package(bytes: &[u8], catalogs: &CatalogSet) -> Result<VerifiedPackage, Vec<Problem>> {
    let value = parse_json(bytes, MAX_PACKAGE_BYTES)?;
    verify_package_value(value, catalogs)
}

/// Verifies a package already parsed as JSON.
pub fn verify_package_value(
    mut value: Value,
    catalogs: &CatalogSet,
) -> Result<VerifiedPackage, Vec<Problem>> {
    verify_package_in_place(&mut value, catalogs)
}

/// Verifies a package parsed as JSON without copying it: when it does not verify, `value` is
/// given back exactly as it came (a reader that keeps what it cannot verify keeps it without a
/// copy made beforehand); when it does, its embedded applications have moved into the result
/// and what is left of `value` is of no further use.
pub fn verify_package_in_place(
    value: &mut Value,
    catalogs: &CatalogSet,
) -> Result<VerifiedPackage, Vec<Problem>> {
    check_format(value, PACKAGE_FORMAT_ID, PACKAGE_FORMAT_VERSION).map_err(|p| vec![p])?;
    let declared = integrity_of(value);
    // The embedded applications are most of a package's bytes: move them out of the parsed
    // value instead of letting the typed reader copy them (an empty array stands in, so a
    // package without them reads exactly as before).
    let slot = match value.get_mut("applications") {
        Some(Value::Array(items)) => Some(items),
        _ => None,
    };
    let embedded = slot.map(std::mem::take);
    let moved = embedded.is_some();
    let mut package: Package = match crate::json::from_value(value) {
        Ok(package) => package,
        Err(e) => {
            give_back(value, embedded);
            return Err(vec![Problem::new(
                Code::NotApplication,
                format!("材料包的内容不完整或格式不对：{}。", e.zh()),
                format!("the package is incomplete or malformed: {}", e.en()),
            )]);
        }
    };
    if let Some(embedded) = embedded {
        package.applications = embedded;
    }
    let result = verified_package(package, &declared, catalogs);
    match result {
        Err((problems, applications)) => {
            give_back(value, moved.then_some(applications));
            Err(problems)
        }
        Ok(verified) => Ok(verified),
    }
}

/// Puts the embedded applications moved out of `value` back where they were.
fn give_back(value: &mut Value, embedded: Option<Vec<Value>>) {
    if let (Some(items), Some(Value::Array(slot))) = (embedded, value.get_mut("applications")) {
        *slot = items;
    }
}

/// The checks of a package read into its type (`declared`: the integrity its text has): the
/// package verified, or its problems with its embedded applications handed back.
fn verified_package(
    package: Package,
    declared: &str,
    catalogs: &CatalogSet,
) -> Result<VerifiedPackage, (Vec<Problem>, Vec<Value>)> {
    let mut problems = Vec::new();
    let mut applications = Vec::new();
    for (i, value) in package.applications.iter().enumerate() {
        match verify_value(value, catalogs) {
            Ok(v) => applications.push(v),
            Err(inner) => problems.extend(inner.into_iter().map(|mut p| {
                p.message.zh = format!("第 {} 份申报：{}", i + 1, p.message.zh);
                p.message.en = format!("application {}: {}", i + 1, p.message.en);
                p
            })),
        }
    }
    if problems.is_empty() {
        problems.extend(
            package.decision_problems(&applications.iter().map(|v| &v.file).collect::<Vec<_>>()),
        );
    }
    if !is_rfc3339(&package.created) {
        problems.push(Problem::new(
            Code::InvalidTime,
            "材料包生成时间不是 RFC 3339 格式",
            "the package's created time is not RFC 3339",
        ));
    }
    if declared != package.integrity.as_str() {
        problems.push(Problem::new(
            Code::IntegrityMismatch,
            "材料包内容与完整性指纹不符：生成后被修改过",
            "the package does not match its integrity fingerprint: it was edited after it was written",
        ));
    }
    if has_errors(&problems) {
        problems.sort_by_key(|p| p.code.severity() != crate::Severity::Error);
        return Err((problems, package.applications));
    }
    Ok(VerifiedPackage {
        package,
        applications,
        warnings: problems,
    })
}

/// The JSON Schema of the package, as committed in `schema/package-v1.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Package);
    canonical::to_pretty(&serde_json::to_value(schema).unwrap_or(Value::Null))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::testing::{test_generator as generator, verified_sample as verified};

    fn review(decisions: Vec<(Decision, Option<u32>, String)>) -> Review {
        Review {
            city_code: 140100,
            reviewer: Reviewer {
                name: "李华".into(),
                office: "太原市委依法治市办".into(),
            },
            date: "2026-12-01".into(),
            decisions,
        }
    }

    fn codes(problems: &[Problem]) -> Vec<Code> {
        problems.iter().map(|p| p.code).collect()
    }

    /// A package of two applications, one recommended and one not.
    fn two_decided() -> Package {
        let a = verified("140105", 92, 1);
        let b = verified("140106", 80, 2);
        let r = review(vec![
            (Decision::Recommend, Some(1), "材料扎实".into()),
            (Decision::NotRecommend, None, "差距较大".into()),
        ]);
        Package::build(
            &r,
            &[&a, &b],
            generator(),
            "2026-12-01T10:00:00+08:00".into(),
        )
        .unwrap()
    }

    #[test]
    fn package_round_trips_and_detects_tampering() {
        let package = two_decided();
        let json = package.to_json();
        let read = read_package(json.as_bytes(), &CatalogSet::builtin()).unwrap();
        assert_eq!(read.applications.len(), 2);
        assert_eq!(read.package.to_json(), json);

        let tampered = json.replacen("材料扎实", "材料很扎实", 1);
        assert_eq!(
            codes(&read_package(tampered.as_bytes(), &CatalogSet::builtin()).unwrap_err()),
            vec![Code::IntegrityMismatch]
        );
    }

    /// A package that does not verify comes back from `verify_package_in_place` exactly as it
    /// went in, whichever check refuses it, so a reader can keep it as recorded.
    #[test]
    fn a_package_that_does_not_verify_is_given_back_as_it_came() {
        let package = two_decided();
        let good: Value = serde_json::from_str(&package.to_json()).unwrap();
        let catalogs = CatalogSet::builtin();
        // (case, the edit, the first code refusing it)
        type Edit = fn(&mut Value);
        let cases: Vec<(&str, Edit, Code)> = vec![
            (
                "another format",
                |v| v["format"] = "shifan.other".into(),
                Code::NotApplication,
            ),
            (
                "not of its type",
                |v| v["review"] = Value::from(3),
                Code::NotApplication,
            ),
            (
                "an embedded application edited",
                |v| v["applications"][1]["updated"] = "2026-12-02T08:00:00+08:00".into(),
                Code::IntegrityMismatch,
            ),
            (
                "edited after packaging",
                |v| v["created"] = "2026-12-02T10:00:00+08:00".into(),
                Code::IntegrityMismatch,
            ),
            (
                "its applications not a list",
                |v| v["applications"] = "两份".into(),
                Code::NotApplication,
            ),
        ];
        for (case, edit, code) in cases {
            let mut value = good.clone();
            edit(&mut value);
            let before = value.clone();
            let problems = verify_package_in_place(&mut value, &catalogs).unwrap_err();
            assert_eq!(problems[0].code, code, "{case}: {problems:?}");
            assert_eq!(value, before, "{case}: given back as it came");
        }
        let mut value = good.clone();
        let read = verify_package_in_place(&mut value, &catalogs).unwrap();
        assert_eq!(read.package.to_json(), package.to_json());
        assert_eq!(read.applications.len(), 2);
    }

    #[test]
    fn decisions_are_checked() {
        let a = verified("140105", 92, 1);
        let b = verified("140106", 91, 2);
        let build = |d| {
            Package::build(
                &review(d),
                &[&a, &b],
                generator(),
                "2026-12-01T10:00:00+08:00".into(),
            )
        };
        let err = build(vec![
            (Decision::Recommend, Some(1), String::new()),
            (Decision::Recommend, Some(3), String::new()),
        ])
        .unwrap_err();
        assert_eq!(codes(&err), vec![Code::InvalidDecision]);
        // A pending one with a rank, which also makes rank 1 appear twice.
        let err = build(vec![
            (Decision::Pending, Some(1), String::new()),
            (Decision::Recommend, Some(1), String::new()),
        ])
        .unwrap_err();
        assert_eq!(
            codes(&err),
            vec![Code::InvalidDecision, Code::InvalidDecision]
        );
        let outside = verified("140212", 95, 3); // 新荣区, 大同市
        let err = Package::build(
            &review(vec![
                (Decision::Recommend, Some(1), String::new()),
                (Decision::Pending, None, String::new()),
            ]),
            &[&a, &outside],
            generator(),
            "2026-12-01T10:00:00+08:00".into(),
        )
        .unwrap_err();
        assert_eq!(codes(&err), vec![Code::OutsideCity]);
    }

    #[test]
    fn duplicates_are_a_warning() {
        let a = verified("140105", 92, 1);
        let b = verified("140105", 93, 2);
        let r = review(vec![
            (Decision::Recommend, Some(1), String::new()),
            (Decision::NotRecommend, None, String::new()),
        ]);
        let package = Package::build(
            &r,
            &[&a, &b],
            generator(),
            "2026-12-01T10:00:00+08:00".into(),
        )
        .unwrap();
        let read = read_package(package.to_json().as_bytes(), &CatalogSet::builtin()).unwrap();
        assert_eq!(codes(&read.warnings), vec![Code::DuplicateSubmission]);
    }

    #[test]
    fn committed_schema_is_current() {
        crate::testing::check_committed("schema/package-v1.schema.json", &json_schema());
    }
}
