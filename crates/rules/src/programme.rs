//! The programme profile (创建方案): a province's own rules for one round, as data beside the
//! catalog — the province, the round, the comprehensive threshold, the single-item categories,
//! per kind which parts of the province's evaluation apply, how each part's scale maps onto
//! [0, 1], their weights as exact ratios, which parts are gates, the planned number of names,
//! the notice period and the delisting grounds. Every number says whether it is a published
//! fact or a default an office must set (the weights are not published).
//!
//! A profile is validated and fingerprinted like a catalog; an office that changes a weight
//! gets a new profile with the change and its reason recorded, and a new fingerprint.

use crate::canonical;
use crate::catalog::{Category, Threshold};
use crate::fraction::Fraction;
use crate::input::{check_format, parse_json};
use crate::problem::{Code, Lang, Problem};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;

/// The `format` value of a programme profile.
pub const PROFILE_FORMAT_ID: &str = "shifan.programme";
/// The profile format version this build writes and the newest it reads.
pub const PROFILE_FORMAT_VERSION: u32 = 1;
/// The largest profile accepted, checked before parsing.
pub const MAX_PROFILE_BYTES: usize = 1024 * 1024;

/// Whether a number of the profile is a published fact or a default an office must set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Stated in a published document (the note says which).
    Published,
    /// Not published: a default the office must confirm or set.
    Default,
    /// Set by the office (see the profile's `adjustments`).
    Office,
}

impl Source {
    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Source::Published, Lang::Zh) => "已公布",
            (Source::Published, Lang::En) => "published",
            (Source::Default, Lang::Zh) => "默认值（未公布，须由省里确定）",
            (Source::Default, Lang::En) => "default (not published: the office must set it)",
            (Source::Office, Lang::Zh) => "省里设定",
            (Source::Office, Lang::En) => "set by the office",
        }
    }
}

/// A value with where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Published fact, default, or set by the office.
    pub source: Source,
    /// Where it is published, or why it is a default. The profile's own notes are written
    /// `中文 / English`; [`Sourced::note_in`] gives the half of the user's language.
    pub note: String,
}

impl<T> Sourced<T> {
    /// The note in `lang`: of a published fact or a default, the half of `中文 / English` in
    /// that language (the whole note when it has no such halves); an office's reason as typed.
    pub fn note_in(&self, lang: Lang) -> &str {
        if self.source == Source::Office {
            return &self.note;
        }
        match self.note.split_once(" / ") {
            Some((zh, en)) if !zh.trim().is_empty() && !en.trim().is_empty() => match lang {
                Lang::Zh => zh.trim(),
                Lang::En => en.trim(),
            },
            _ => &self.note,
        }
    }
}

/// The province.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Province {
    /// Six-digit division code, e.g. `140000`.
    pub division_code: String,
    /// Name, e.g. 山西省.
    pub name: String,
}

/// The round of the programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// Stable identifier, e.g. `shanxi-2020-1`.
    pub id: String,
    /// Title.
    pub title: String,
}

/// The two kinds of demonstration, as a profile names them.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum KindKey {
    /// Comprehensive demonstration (综合示范).
    Comprehensive,
    /// Single-item demonstration project (单项示范).
    SingleItem,
}

impl KindKey {
    /// Both kinds, comprehensive first.
    pub const ALL: [KindKey; 2] = [KindKey::Comprehensive, KindKey::SingleItem];

    /// The kind of an application.
    pub fn of(kind: &crate::Kind) -> KindKey {
        match kind {
            crate::Kind::Comprehensive => KindKey::Comprehensive,
            crate::Kind::SingleItem { .. } => KindKey::SingleItem,
        }
    }

    /// The kind's key in the files (its serde name).
    pub fn key(self) -> &'static str {
        match self {
            KindKey::Comprehensive => "comprehensive",
            KindKey::SingleItem => "single_item",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (KindKey::Comprehensive, Lang::Zh) => "综合示范",
            (KindKey::Comprehensive, Lang::En) => "Comprehensive",
            (KindKey::SingleItem, Lang::Zh) => "单项示范",
            (KindKey::SingleItem, Lang::En) => "Single-item",
        }
    }
}

/// A part of the province's evaluation.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Desk review of the self-assessment (书面审查): the application's own compliance.
    Desk,
    /// Third-party evaluation (第三方评估).
    Evaluation,
    /// Public satisfaction survey (人民群众满意度测评).
    Satisfaction,
    /// On-site verification (实地核查).
    OnSite,
    /// Public notice (公示) and its objections.
    Notice,
}

impl Part {
    /// Every part, in the order the profile's rules list them.
    pub const ALL: [Part; 5] = [
        Part::Desk,
        Part::Evaluation,
        Part::Satisfaction,
        Part::OnSite,
        Part::Notice,
    ];

    /// The part's key in the files (its serde name), for records that name it in no one
    /// language, such as an adjustment's before and after.
    pub fn key(self) -> &'static str {
        match self {
            Part::Desk => "desk",
            Part::Evaluation => "evaluation",
            Part::Satisfaction => "satisfaction",
            Part::OnSite => "on_site",
            Part::Notice => "notice",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Part::Desk, Lang::Zh) => "书面审查（自评达标率）",
            (Part::Desk, Lang::En) => "desk review (self-assessed compliance)",
            (Part::Evaluation, Lang::Zh) => "第三方评估",
            (Part::Evaluation, Lang::En) => "third-party evaluation",
            (Part::Satisfaction, Lang::Zh) => "群众满意度",
            (Part::Satisfaction, Lang::En) => "satisfaction survey",
            (Part::OnSite, Lang::Zh) => "实地核查",
            (Part::OnSite, Lang::En) => "on-site verification",
            (Part::Notice, Lang::Zh) => "公示",
            (Part::Notice, Lang::En) => "public notice",
        }
    }
}

/// How a part's result maps onto [0, 1].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Scale {
    /// The application's compliance, met / applicable (desk review).
    Compliance,
    /// A score out of the evaluator's maximum: score / maximum. `max` is the scale expected
    /// when an evaluator's table does not say.
    Points {
        /// The usual maximum, e.g. 100.
        max: u64,
    },
    /// A rate, satisfied / respondents (satisfaction survey).
    Rate,
    /// An on-site conclusion: passed and passed after rectification map to these values; not
    /// passed maps to 0 (and takes the candidate out when the part is a gate).
    Conclusion {
        /// The value of "passed".
        passed: Fraction,
        /// The value of "passed after rectification".
        passed_after_rectification: Fraction,
    },
    /// Objections of the public notice: only a gate (an upheld objection takes the candidate
    /// out); carries no value.
    Objections,
}

/// A [`Scale`] as written: its `type` tag beside every field a scale may have.
///
/// `Scale` is read through this record rather than with serde's internally tagged enum, which
/// buffers the object into an intermediate form first and compiled that machinery (and a second
/// reader of [`Fraction`]) into every WebAssembly build, as `application::Kind` is read. The JSON
/// is the same; a scale with a field its type does not have is refused, as the schema
/// (`additionalProperties: false`) always said.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct Scale")]
struct ScaleRecord {
    #[serde(rename = "type")]
    tag: String,
    #[serde(default)]
    max: Option<u64>,
    #[serde(default)]
    passed: Option<Fraction>,
    #[serde(default)]
    passed_after_rectification: Option<Fraction>,
}

impl ScaleRecord {
    fn into_scale<E: serde::de::Error>(self) -> Result<Scale, E> {
        // The fields present, and the ones the tag's variant has.
        let present = [
            ("max", self.max.is_some()),
            ("passed", self.passed.is_some()),
            (
                "passed_after_rectification",
                self.passed_after_rectification.is_some(),
            ),
        ];
        let expected: &'static [&'static str] = match self.tag.as_str() {
            "compliance" | "rate" | "objections" => &[],
            "points" => &["max"],
            "conclusion" => &["passed", "passed_after_rectification"],
            other => {
                return Err(E::unknown_variant(
                    other,
                    &["compliance", "points", "rate", "conclusion", "objections"],
                ));
            }
        };
        if let Some((field, _)) = present
            .into_iter()
            .find(|&(field, is)| is && !expected.contains(&field))
        {
            return Err(E::unknown_field(field, expected));
        }
        Ok(match self.tag.as_str() {
            "points" => Scale::Points {
                max: self.max.ok_or_else(|| E::missing_field("max"))?,
            },
            "conclusion" => Scale::Conclusion {
                passed: self.passed.ok_or_else(|| E::missing_field("passed"))?,
                passed_after_rectification: self
                    .passed_after_rectification
                    .ok_or_else(|| E::missing_field("passed_after_rectification"))?,
            },
            "compliance" => Scale::Compliance,
            "rate" => Scale::Rate,
            _ => Scale::Objections,
        })
    }
}

impl<'de> Deserialize<'de> for Scale {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Scale, D::Error> {
        ScaleRecord::deserialize(deserializer)?.into_scale()
    }
}

/// One part of a kind's evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartRule {
    /// Which part.
    pub part: Part,
    /// How its result maps onto [0, 1].
    pub scale: Scale,
    /// Its weight in the composite; the weights of a kind add up to exactly 1.
    pub weight: Sourced<Fraction>,
    /// Whether a failing result takes the candidate out (on-site "not passed", an upheld
    /// objection).
    pub gate: bool,
}

/// The rules of one kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KindRule {
    /// Which kind.
    pub kind: KindKey,
    /// The parts that apply, in the order ties are broken.
    pub parts: Vec<PartRule>,
    /// How many the round plans to name.
    pub planned_names: Sourced<u32>,
}

/// A delisting ground (摘牌情形).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ground {
    /// Stable identifier, e.g. `improper-means`.
    pub id: String,
    /// Chinese text.
    pub title_zh: String,
    /// English text.
    pub title_en: String,
}

/// A change the office made to the profile, with its reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Adjustment {
    /// What was changed, e.g. `comprehensive weights`.
    pub what: String,
    /// The values before, as text.
    pub before: String,
    /// The values after, as text.
    pub after: String,
    /// Why.
    pub reason: String,
}

impl Adjustment {
    /// The change in `lang`: for a change of weights, each part whose weight changed, by its
    /// label (`第三方评估 1/2 → 2/5`); otherwise the recorded before and after.
    pub fn describe(&self, lang: Lang) -> String {
        let parts = |text: &str| -> Option<Vec<(Part, Fraction)>> {
            text.split(", ")
                .map(|pair| {
                    let (key, value) = pair.split_once('=')?;
                    let part = Part::ALL.into_iter().find(|p| p.key() == key)?;
                    Some((part, Fraction::parse_ratio(value)?))
                })
                .collect()
        };
        let (Some(before), Some(after)) = (parts(&self.before), parts(&self.after)) else {
            return format!("{} → {}", self.before, self.after);
        };
        let changed: Vec<String> = before
            .iter()
            .zip(&after)
            .filter(|((p, b), (q, a))| p == q && b != a)
            .map(|((part, b), (_, a))| {
                format!(
                    "{} {} → {}",
                    part.label(lang),
                    b.ratio_text(),
                    a.ratio_text()
                )
            })
            .collect();
        if changed.is_empty() {
            return match lang {
                Lang::Zh => "权重未变（重新确认）".to_string(),
                Lang::En => "weights unchanged (confirmed)".to_string(),
            };
        }
        changed.join(if lang == Lang::Zh { "；" } else { "; " })
    }
}

/// The programme profile as written in its JSON file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileData {
    /// Always `shifan.programme`.
    pub format: String,
    /// Format version (1).
    pub format_version: u32,
    /// Stable identifier, e.g. `shanxi-2020`.
    pub id: String,
    /// The profile's own version (raised with every published revision).
    pub version: u32,
    /// Title.
    pub title: String,
    /// The province's rules it follows.
    pub rules: String,
    /// The province.
    pub province: Province,
    /// The round.
    pub round: Round,
    /// The catalog id applications of the round answer.
    pub catalog: String,
    /// The comprehensive threshold.
    pub threshold: Sourced<Threshold>,
    /// Single-item categories.
    pub single_item_categories: Sourced<Vec<Category>>,
    /// Per kind: parts, weights, gates, planned names.
    pub kinds: Vec<KindRule>,
    /// Days of the public notice.
    pub notice_days: Sourced<u32>,
    /// The delisting grounds.
    pub delisting_grounds: Sourced<Vec<Ground>>,
    /// Changes the office made, with reasons.
    pub adjustments: Vec<Adjustment>,
}

/// A validated, fingerprinted profile.
#[derive(Clone, Debug)]
pub struct Profile {
    data: ProfileData,
    fingerprint: String,
}

impl PartialEq for Profile {
    fn eq(&self, other: &Self) -> bool {
        self.fingerprint == other.fingerprint
    }
}

/// The built-in profile, without the committed file's indentation (`build.rs`).
const SHANXI_2020: &str = include_str!(concat!(env!("OUT_DIR"), "/programme-shanxi-2020.min.json"));

fn invalid(zh: impl Into<String>, en: impl Into<String>) -> Problem {
    Problem::new(Code::InvalidProfile, zh, en)
}

impl Profile {
    /// The built-in Shanxi 2020 profile.
    pub fn shanxi_2020() -> Profile {
        // The committed file is validated by a test; a broken build would fail it first.
        Profile::from_json(SHANXI_2020.as_bytes()).unwrap_or_else(|_| Profile {
            data: unreachable_data(),
            fingerprint: String::new(),
        })
    }

    /// Reads and validates a profile file.
    pub fn from_json(bytes: &[u8]) -> Result<Profile, Vec<Problem>> {
        let value = parse_json(bytes, MAX_PROFILE_BYTES)?;
        Profile::from_value(&value)
    }

    /// Validates a parsed profile.
    pub fn from_value(value: &Value) -> Result<Profile, Vec<Problem>> {
        check_format(value, PROFILE_FORMAT_ID, PROFILE_FORMAT_VERSION).map_err(|p| vec![p])?;
        let data: ProfileData = crate::json::from_value(value).map_err(|e| {
            vec![invalid(
                format!("创建方案的内容不完整或格式不对：{}。", e.zh()),
                format!(
                    "the programme profile is incomplete or malformed: {}",
                    e.en()
                ),
            )]
        })?;
        Profile::from_data(data)
    }

    /// Validates profile data.
    pub fn from_data(data: ProfileData) -> Result<Profile, Vec<Problem>> {
        let problems = validate(&data);
        if !problems.is_empty() {
            return Err(problems);
        }
        let fingerprint =
            canonical::fingerprint(&serde_json::to_value(&data).unwrap_or(Value::Null));
        Ok(Profile { data, fingerprint })
    }

    /// The data.
    pub fn data(&self) -> &ProfileData {
        &self.data
    }

    /// The scale a scores table's evaluation score is on when the table names none: the
    /// maximum of the profile's first points part (100 when it has none). The page and the
    /// CLI read scores tables with it.
    pub fn default_points_scale(&self) -> u64 {
        self.data
            .kinds
            .iter()
            .flat_map(|k| &k.parts)
            .find_map(|p| match p.scale {
                Scale::Points { max } => Some(max),
                _ => None,
            })
            .unwrap_or(100)
    }

    /// `sha256:` + SHA-256 of the compact canonical form.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The rules of `kind` (a valid profile has both).
    pub fn kind(&self, kind: KindKey) -> Option<&KindRule> {
        self.data.kinds.iter().find(|k| k.kind == kind)
    }

    /// The profile as written: canonical, indented JSON.
    pub fn to_json(&self) -> String {
        canonical::to_pretty(&self.to_value())
    }

    /// The profile as a JSON value.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(&self.data).unwrap_or(Value::Null)
    }

    /// The office's changes of `kind`'s weights, oldest first.
    pub fn weight_changes(&self, kind: KindKey) -> impl Iterator<Item = &Adjustment> {
        let what = weights_what(kind);
        self.data.adjustments.iter().filter(move |a| a.what == what)
    }

    /// The same profile with `kind`'s weights set by the office (in the profile's part order),
    /// the change and `reason` recorded; refused without a reason or when the weights do not
    /// add up to 1.
    pub fn with_weights(
        &self,
        kind: KindKey,
        weights: &[Fraction],
        reason: &str,
    ) -> Result<Profile, Vec<Problem>> {
        if reason.trim().is_empty() {
            return Err(vec![invalid(
                "修改权重须说明理由",
                "a change of weights needs a reason",
            )]);
        }
        let mut data = self.data.clone();
        let Some(rule) = data.kinds.iter_mut().find(|k| k.kind == kind) else {
            return Err(vec![invalid(
                "创建方案没有该类型",
                "the profile has no such kind",
            )]);
        };
        if weights.len() != rule.parts.len() {
            return Err(vec![invalid(
                format!("应给出 {} 个权重", rule.parts.len()),
                format!("give {} weights", rule.parts.len()),
            )]);
        }
        let text = |parts: &[PartRule]| {
            parts
                .iter()
                .map(|p| format!("{}={}", p.part.key(), p.weight.value.ratio_text()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let before = text(&rule.parts);
        for (part, weight) in rule.parts.iter_mut().zip(weights) {
            part.weight = Sourced {
                value: *weight,
                source: Source::Office,
                note: reason.trim().to_string(),
            };
        }
        let after = text(&rule.parts);
        data.adjustments.push(Adjustment {
            what: weights_what(kind),
            before,
            after,
            reason: reason.trim().to_string(),
        });
        Profile::from_data(data)
    }
}

/// The `what` of an adjustment of `kind`'s weights.
fn weights_what(kind: KindKey) -> String {
    format!("{} weights", kind.key())
}

/// Never called: the built-in profile is valid (a test checks it). Kept so that
/// `shanxi_2020` has no panic path.
fn unreachable_data() -> ProfileData {
    ProfileData {
        format: PROFILE_FORMAT_ID.into(),
        format_version: PROFILE_FORMAT_VERSION,
        id: String::new(),
        version: 0,
        title: String::new(),
        rules: String::new(),
        province: Province {
            division_code: String::new(),
            name: String::new(),
        },
        round: Round {
            id: String::new(),
            title: String::new(),
        },
        catalog: String::new(),
        threshold: Sourced {
            value: Threshold {
                numerator: 0,
                denominator: 1,
            },
            source: Source::Default,
            note: String::new(),
        },
        single_item_categories: Sourced {
            value: Vec::new(),
            source: Source::Default,
            note: String::new(),
        },
        kinds: Vec::new(),
        notice_days: Sourced {
            value: 0,
            source: Source::Default,
            note: String::new(),
        },
        delisting_grounds: Sourced {
            value: Vec::new(),
            source: Source::Default,
            note: String::new(),
        },
        adjustments: Vec::new(),
    }
}

fn scale_fits(part: Part, scale: &Scale) -> bool {
    matches!(
        (part, scale),
        (Part::Desk, Scale::Compliance)
            | (Part::Evaluation, Scale::Points { .. })
            | (Part::Satisfaction, Scale::Rate)
            | (Part::OnSite, Scale::Conclusion { .. })
            | (Part::Notice, Scale::Objections)
    )
}

/// Every structural rule a profile must keep; empty when valid.
pub fn validate(data: &ProfileData) -> Vec<Problem> {
    let mut problems = Vec::new();
    let blank = |s: &str| s.trim().is_empty();
    for (field, text) in [
        ("id", &data.id),
        ("title", &data.title),
        ("rules", &data.rules),
        ("province.name", &data.province.name),
        ("round.id", &data.round.id),
        ("round.title", &data.round.title),
        ("catalog", &data.catalog),
    ] {
        if blank(text) {
            problems.push(invalid(
                format!("{field} 不能为空"),
                format!("{field} must not be empty"),
            ));
        }
    }
    if data.id.chars().any(char::is_whitespace) || data.round.id.chars().any(char::is_whitespace) {
        problems.push(invalid(
            "id 不能含空白字符",
            "ids must not contain white space",
        ));
    }
    if data.province.division_code.parse::<u32>().ok() != Some(crate::division::PROVINCE_CODE) {
        problems.push(invalid(
            format!(
                "省份代码「{}」不是本系统区划表的省份（140000）",
                data.province.division_code
            ),
            format!(
                "province code “{}” is not the province of this build's division table (140000)",
                data.province.division_code
            ),
        ));
    }
    let t = data.threshold.value;
    if t.denominator == 0 || t.numerator == 0 || t.numerator > t.denominator {
        problems.push(invalid(
            format!(
                "综合示范达标线 {}/{} 不在 (0, 1] 之内",
                t.numerator, t.denominator
            ),
            format!(
                "threshold {}/{} is not in (0, 1]",
                t.numerator, t.denominator
            ),
        ));
    }
    let mut ids = HashSet::new();
    if data.single_item_categories.value.is_empty() {
        problems.push(invalid(
            "没有单项示范类别",
            "there are no single-item categories",
        ));
    }
    for c in &data.single_item_categories.value {
        if blank(&c.id) || blank(&c.title) || !ids.insert(c.id.as_str()) {
            problems.push(invalid(
                format!("单项类别「{}」为空或重复", c.id),
                format!("single-item category “{}” is empty or repeated", c.id),
            ));
        }
    }
    for kind in KindKey::ALL {
        let rules: Vec<&KindRule> = data.kinds.iter().filter(|k| k.kind == kind).collect();
        let (zh, en) = (kind.label(Lang::Zh), kind.label(Lang::En));
        let [rule] = rules.as_slice() else {
            problems.push(invalid(
                format!("「{zh}」的规则应恰好有一条"),
                format!("there must be exactly one rule for “{en}”"),
            ));
            continue;
        };
        let mut seen = HashSet::new();
        let mut sum = Fraction::ZERO;
        for p in &rule.parts {
            let label = (p.part.label(Lang::Zh), p.part.label(Lang::En));
            if !seen.insert(p.part) {
                problems.push(invalid(
                    format!("「{zh}」的「{}」重复出现", label.0),
                    format!("“{en}” lists {} twice", label.1),
                ));
            }
            if !scale_fits(p.part, &p.scale) {
                problems.push(invalid(
                    format!("「{zh}」的「{}」用了不相称的计分方式", label.0),
                    format!("“{en}”: {} has a scale that does not fit it", label.1),
                ));
            }
            let w = p.weight.value;
            if !w.is_unit() {
                problems.push(invalid(
                    format!("「{zh}」的「{}」权重 {w} 不在 [0, 1] 之内", label.0),
                    format!("“{en}”: the weight {w} of {} is not in [0, 1]", label.1),
                ));
                continue;
            }
            sum = sum.checked_add(w).unwrap_or(Fraction {
                numerator: 2,
                denominator: 1,
            });
            match &p.scale {
                Scale::Points { max } if *max == 0 => problems.push(invalid(
                    format!("「{zh}」的第三方评估满分不能为 0"),
                    format!("“{en}”: the evaluation's maximum must not be 0"),
                )),
                Scale::Conclusion {
                    passed,
                    passed_after_rectification,
                } if !passed.is_unit()
                    || !passed_after_rectification.is_unit()
                    || passed_after_rectification > passed =>
                {
                    problems.push(invalid(
                        format!("「{zh}」的实地核查分值应在 [0, 1] 内，且“整改后通过”不高于“通过”"),
                        format!(
                            "“{en}”: on-site values must be in [0, 1], rectified not above passed"
                        ),
                    ))
                }
                _ => {}
            }
            let weightless = matches!(p.scale, Scale::Objections);
            if weightless && w != Fraction::ZERO {
                problems.push(invalid(
                    format!("「{zh}」的公示只能作否决项，权重须为 0"),
                    format!("“{en}”: the public notice is only a gate; its weight must be 0"),
                ));
            }
            let gateable = matches!(p.part, Part::OnSite | Part::Notice);
            if p.gate && !gateable {
                problems.push(invalid(
                    format!(
                        "「{zh}」的「{}」不能作否决项（只有实地核查和公示可以）",
                        label.0
                    ),
                    format!(
                        "“{en}”: {} cannot be a gate (only on-site and notice can)",
                        label.1
                    ),
                ));
            }
            if !p.gate && w == Fraction::ZERO {
                problems.push(invalid(
                    format!("「{zh}」的「{}」既不计分也不是否决项", label.0),
                    format!("“{en}”: {} has no weight and is not a gate", label.1),
                ));
            }
        }
        if sum != Fraction::ONE {
            problems.push(invalid(
                format!("「{zh}」各部分权重之和为 {sum}，应恰好为 1"),
                format!("the weights of “{en}” add up to {sum}, not exactly 1"),
            ));
        }
        if rule.planned_names.value == 0 {
            problems.push(invalid(
                format!("「{zh}」计划命名数不能为 0"),
                format!("“{en}”: the planned number of names must not be 0"),
            ));
        }
    }
    if data.kinds.len() != KindKey::ALL.len() {
        problems.push(invalid(
            "创建方案应恰好有两类规则",
            "a profile has exactly two kind rules",
        ));
    }
    if data.notice_days.value == 0 {
        problems.push(invalid(
            "公示期不能为 0 天",
            "the notice period must not be 0 days",
        ));
    }
    let mut ground_ids = HashSet::new();
    if data.delisting_grounds.value.is_empty() {
        problems.push(invalid("没有摘牌情形", "there are no delisting grounds"));
    }
    for g in &data.delisting_grounds.value {
        if blank(&g.id)
            || blank(&g.title_zh)
            || blank(&g.title_en)
            || !ground_ids.insert(g.id.as_str())
        {
            problems.push(invalid(
                format!("摘牌情形「{}」为空或重复", g.id),
                format!("delisting ground “{}” is empty or repeated", g.id),
            ));
        }
    }
    for a in &data.adjustments {
        if blank(&a.reason) {
            problems.push(invalid(
                format!("修改「{}」没有理由", a.what),
                format!("the change of “{}” has no reason", a.what),
            ));
        }
    }
    problems
}

/// The JSON Schema of the profile, as committed in `schema/programme-v1.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ProfileData);
    canonical::to_pretty(&serde_json::to_value(schema).unwrap_or(Value::Null))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::Catalog;

    #[test]
    fn a_scale_reads_what_it_writes_and_refuses_what_its_schema_refuses() {
        let half = Fraction::new(1, 2).unwrap();
        for scale in [
            Scale::Compliance,
            Scale::Points { max: 100 },
            Scale::Rate,
            Scale::Conclusion {
                passed: Fraction::new(1, 1).unwrap(),
                passed_after_rectification: half,
            },
            Scale::Objections,
        ] {
            let value = serde_json::to_value(&scale).unwrap();
            assert_eq!(crate::json::from_value::<Scale>(&value), Ok(scale.clone()));
            assert_eq!(serde_json::from_value::<Scale>(value).ok(), Some(scale));
        }
        let refused = |value: Value| crate::json::from_value::<Scale>(&value).unwrap_err().en();
        let message = refused(serde_json::json!({"type": "points"}));
        assert!(message.contains("max"), "{message}");
        let message = refused(serde_json::json!({"type": "rate", "max": 100}));
        assert!(message.contains("max"), "{message}");
        let message = refused(serde_json::json!({"type": "points", "max": 1, "passed": half}));
        assert!(message.contains("passed"), "{message}");
        let message = refused(serde_json::json!({"type": "conclusion", "passed": half}));
        assert!(message.contains("passed_after_rectification"), "{message}");
        let message = refused(serde_json::json!({"type": "gate"}));
        assert!(message.contains("gate"), "{message}");
        let message = refused(serde_json::json!({"type": "rate", "weight": 1}));
        assert!(message.contains("weight"), "{message}");
        assert!(crate::json::from_value::<Scale>(&serde_json::json!({"max": 1})).is_err());
        assert!(crate::json::from_value::<Scale>(&serde_json::json!("rate")).is_err());
    }

    #[test]
    fn a_note_is_shown_in_the_users_language() {
        fn check(source: Source, note: &str, zh: &str, en: &str) {
            let s = Sourced {
                value: (),
                source,
                note: note.into(),
            };
            assert_eq!(
                (s.note_in(Lang::Zh), s.note_in(Lang::En)),
                (zh, en),
                "{note}"
            );
        }
        check(
            Source::Default,
            "未公布 / not published",
            "未公布",
            "not published",
        );
        check(Source::Published, "办法第十条", "办法第十条", "办法第十条");
        check(
            Source::Default,
            " / only English",
            " / only English",
            " / only English",
        );
        // An office's reason is its own words, whatever they contain.
        check(
            Source::Office,
            "见文件 / 2021",
            "见文件 / 2021",
            "见文件 / 2021",
        );
    }

    #[test]
    fn every_note_of_the_shanxi_profile_has_both_languages() {
        fn walk(v: &serde_json::Value, found: &mut usize) {
            match v {
                serde_json::Value::Object(o) => {
                    if let (Some(source), Some(note)) = (o.get("source"), o.get("note")) {
                        let sourced: Sourced<serde_json::Value> =
                            serde_json::from_value(v.clone()).unwrap();
                        if sourced.source != Source::Office {
                            *found += 1;
                            let (zh, en) = (sourced.note_in(Lang::Zh), sourced.note_in(Lang::En));
                            assert!(zh != en, "{source} {note}: one language only");
                            assert!(zh.chars().any(|c| c > '\u{2e80}'), "{note}");
                            assert!(en.is_ascii(), "{note}");
                        }
                    }
                    o.values().for_each(|v| walk(v, found));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, found)),
                _ => {}
            }
        }
        let mut found = 0;
        walk(
            &serde_json::to_value(Profile::shanxi_2020().data()).unwrap(),
            &mut found,
        );
        assert!(found > 5, "{found} notes");
    }

    #[test]
    fn a_parts_and_a_kinds_key_is_its_name_in_the_files() {
        for part in Part::ALL {
            assert_eq!(
                serde_json::to_value(part).unwrap(),
                serde_json::Value::from(part.key())
            );
        }
        for kind in KindKey::ALL {
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::from(kind.key())
            );
        }
    }

    #[test]
    fn shanxi_2020_is_valid_canonical_and_agrees_with_the_reference_catalog() {
        let profile = Profile::from_json(SHANXI_2020.as_bytes()).expect("valid");
        assert_eq!(
            profile.to_json(),
            include_str!("../data/programme-shanxi-2020.json"),
            "the committed profile is canonical"
        );
        assert_eq!(Profile::shanxi_2020(), profile);
        let catalog = Catalog::reference();
        // The catalog keeps its own threshold and categories (application files v1 are read
        // against the catalog's fingerprint); the profile must say the same.
        assert_eq!(profile.data().catalog, catalog.id());
        assert_eq!(profile.data().threshold.value, catalog.threshold());
        assert_eq!(
            profile.data().single_item_categories.value,
            catalog.data().single_item_categories
        );
        assert_eq!(profile.default_points_scale(), 100);
        assert_eq!(profile.data().delisting_grounds.value.len(), 4);
        for kind in KindKey::ALL {
            let rule = profile.kind(kind).unwrap();
            assert!(
                rule.parts
                    .iter()
                    .all(|p| p.weight.source != Source::Published),
                "weights are not published"
            );
        }
        assert_eq!(
            profile
                .kind(KindKey::Comprehensive)
                .unwrap()
                .planned_names
                .value,
            10
        );
        assert_eq!(
            profile
                .kind(KindKey::SingleItem)
                .unwrap()
                .planned_names
                .value,
            15
        );
    }

    fn check(edit: impl Fn(&mut Value), expect: Option<Code>) {
        let mut value: Value = serde_json::from_str(SHANXI_2020).unwrap();
        edit(&mut value);
        let got = Profile::from_value(&value).err().map(|p| p[0].code);
        assert_eq!(got, expect, "{}", canonical::to_compact(&value));
    }

    #[test]
    fn structural_rules_are_enforced() {
        use serde_json::json;
        check(|_| {}, None);
        check(
            |v| v["kinds"][0]["parts"][0]["weight"]["value"]["numerator"] = json!(2),
            Some(Code::InvalidProfile),
        );
        check(
            |v| v["kinds"][1]["parts"][0]["scale"] = json!({"type": "rate"}),
            Some(Code::InvalidProfile),
        );
        check(
            |v| v["kinds"][0]["parts"][1]["gate"] = json!(true),
            Some(Code::InvalidProfile),
        );
        check(
            |v| v["threshold"]["value"]["numerator"] = json!(101),
            Some(Code::InvalidProfile),
        );
        check(
            |v| v["notice_days"]["value"] = json!(0),
            Some(Code::InvalidProfile),
        );
        check(
            |v| v["delisting_grounds"]["value"] = json!([]),
            Some(Code::InvalidProfile),
        );
        check(
            |v| v["kinds"].as_array_mut().unwrap().truncate(1),
            Some(Code::InvalidProfile),
        );
        check(
            |v| v["province"]["division_code"] = json!("130000"),
            Some(Code::InvalidProfile),
        );
        check(|v| v["weights"] = json!(1), Some(Code::InvalidProfile));
        check(|v| v["format_version"] = json!(2), Some(Code::NewerVersion));
    }

    #[test]
    fn weights_change_only_with_a_reason_and_change_the_fingerprint() {
        let p = Profile::shanxi_2020();
        let w = |n, d| Fraction::new(n, d).unwrap();
        let weights = [w(1, 10), w(6, 10), w(3, 10), w(0, 1), w(0, 1)];
        assert!(
            p.with_weights(KindKey::Comprehensive, &weights, " ")
                .is_err()
        );
        let bad = [w(1, 10), w(6, 10), w(4, 10), w(0, 1), w(0, 1)];
        assert!(
            p.with_weights(KindKey::Comprehensive, &bad, "专家组意见")
                .is_err()
        );
        let changed = p
            .with_weights(KindKey::Comprehensive, &weights, "专家组意见")
            .unwrap();
        assert_ne!(changed.fingerprint(), p.fingerprint());
        assert_eq!(changed.data().adjustments.len(), 1);
        assert_eq!(
            changed.kind(KindKey::Comprehensive).unwrap().parts[1]
                .weight
                .source,
            Source::Office
        );
        let again = Profile::from_json(changed.to_json().as_bytes()).unwrap();
        assert_eq!(again.fingerprint(), changed.fingerprint());
    }

    #[test]
    fn committed_schema_is_current() {
        crate::testing::check_committed("schema/programme-v1.schema.json", &json_schema());
    }
}
