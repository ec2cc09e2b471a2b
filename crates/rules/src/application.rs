//! The application file (format version 1): building it, writing it canonically, and reading it
//! back, which always means parsing *and* verifying.
//!
//! Reading never panics, whatever the bytes: it returns a [`Verified`] application or every
//! problem it found, each with a stable [`Code`]. The integrity fingerprint is SHA-256 over the
//! canonical compact JSON of every field but `integrity`, so any edit after export shows.

use crate::assessment::Answer;
use crate::canonical;
use crate::catalog::{Catalog, CatalogSet};
use crate::division::{self, GovLevel, Place};
use crate::input::{MAX_FILE_BYTES, check_format, parse_json};
use crate::problem::{Code, Problem, has_errors};
use crate::score::{Score, Summary, score};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;
use std::sync::Arc;

/// The `format` value of an application file.
pub const FORMAT_ID: &str = "shifan.application";
/// The format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// Which catalog, exactly, the answers refer to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogRef {
    /// Catalog id.
    pub id: String,
    /// Catalog fingerprint (`sha256:…`).
    pub fingerprint: String,
}

impl CatalogRef {
    /// The reference to `catalog`.
    pub fn to(catalog: &Catalog) -> Self {
        CatalogRef {
            id: catalog.id().to_string(),
            fingerprint: catalog.fingerprint().to_string(),
        }
    }
}

/// Who to contact about the application.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Contact person.
    pub name: String,
    /// Telephone.
    pub phone: String,
    /// E-mail.
    pub email: String,
}

impl Contact {
    /// Warnings about the phone number and e-mail address: each, when filled in, must look like
    /// one (a mobile or landline number of mainland China, optionally with `+86`, an area code
    /// in brackets and an extension; an address with one `@` and a domain). Never an error: an
    /// office may have reasons, and nothing typed is refused.
    ///
    /// ```
    /// use shifan_rules::{Code, Contact};
    /// let ok = Contact { name: "王".into(), phone: "（0351）1234567 转 802".into(), email: "fzb@example.gov.cn".into() };
    /// assert!(ok.problems().is_empty());
    /// let bad = Contact { name: "王".into(), phone: "12345".into(), email: "fzb@".into() };
    /// let problems = bad.problems();
    /// assert_eq!(problems.len(), 2);
    /// assert!(problems.iter().all(|p| p.code == Code::InvalidContact));
    /// ```
    pub fn problems(&self) -> Vec<Problem> {
        self.phone_problem()
            .into_iter()
            .chain(self.email_problem())
            .collect()
    }

    /// The warning about the phone number, if it is filled in and does not look like one (the
    /// form shows it under that field).
    pub fn phone_problem(&self) -> Option<Problem> {
        let phone = self.phone.trim();
        (!phone.is_empty() && !is_phone(phone)).then(|| {
            Problem::new(
                Code::InvalidContact,
                format!("联系电话「{phone}」看起来不是有效的电话号码：请填写手机号（11 位）或带区号的固定电话，例如 0351-1234567。"),
                format!("the phone number “{phone}” does not look like one: give a mobile number (11 digits) or a landline with its area code, e.g. 0351-1234567."),
            )
        })
    }

    /// The warning about the e-mail address, if it is filled in and does not look like one.
    pub fn email_problem(&self) -> Option<Problem> {
        let email = self.email.trim();
        (!email.is_empty() && !is_email(email)).then(|| {
            Problem::new(
                Code::InvalidContact,
                format!("电子邮箱「{email}」看起来不是有效的地址：应形如 name@example.gov.cn。"),
                format!("the e-mail address “{email}” does not look like one: it should look like name@example.gov.cn."),
            )
        })
    }
}

/// Whether `text` looks like a phone number of mainland China: a mobile number (1[3-9] and
/// nine digits) or a landline (an area code from 0 and seven or eight digits, or the local
/// number alone), with `+86`/`0086`, spaces, hyphens, brackets and an extension (转, `ext`,
/// `#`, or a last hyphen group) allowed; full-width digits count.
pub fn is_phone(text: &str) -> bool {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '（' => '(',
            '）' => ')',
            '－' | '—' | '–' => '-',
            '＋' => '+',
            other => other,
        })
        .collect();
    // The extension starts at 转, `#` or the `x` of `ext`/`x` (char patterns only: a text
    // pattern would bring a substring searcher into the web page).
    let main = ascii
        .split(['转', '#', 'x', 'X', 'e', 'E'])
        .next()
        .unwrap_or("");
    let digits: String = main
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let digits = digits
        .strip_prefix("+86")
        .or_else(|| digits.strip_prefix("0086"))
        .unwrap_or(&digits);
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let b = digits.as_bytes();
    let mobile = b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]);
    let landline = b.first() == Some(&b'0') && (10..=12).contains(&b.len());
    let local = (7..=8).contains(&b.len()) && b[0] != b'0' && b[0] != b'1';
    // A last hyphen group of one to six digits after a full number is an extension.
    let with_extension = || {
        main.rsplit_once('-').is_some_and(|(number, ext)| {
            (1..=6).contains(&ext.trim().len())
                && ext.trim().bytes().all(|c| c.is_ascii_digit())
                && number.contains('-')
                && is_phone(number)
        })
    };
    mobile || landline || local || with_extension()
}

/// Whether `text` looks like an e-mail address: one `@`, a local part and a domain of at
/// least two dot-separated labels, without spaces.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && !text.contains(char::is_whitespace)
        && !domain.contains('@')
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                // Any letter of another script may be in a domain; Unicode's tables are left out
                // of the web page for it.
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || !c.is_ascii())
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2)
}

/// The applying government, with the names derived from its division code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Applicant {
    /// Six-digit GB/T 2260 code.
    pub division_code: String,
    /// Province name.
    pub province: String,
    /// Prefecture-level city name.
    pub city: String,
    /// County-level name; empty when a city applies.
    pub county: String,
    /// Level of government.
    pub level: GovLevel,
    /// Contact.
    pub contact: Contact,
}

impl Applicant {
    /// The applicant for `code`, with names and level from the division table.
    pub fn from_code(code: &str, contact: Contact) -> Result<Applicant, Problem> {
        let place = division::lookup(code).map_err(|e| division_problem(code, &e))?;
        Ok(Applicant::from_place(place, contact))
    }

    /// The applicant for a looked-up place.
    pub fn from_place(place: Place, contact: Contact) -> Applicant {
        Applicant {
            division_code: place.code,
            province: place.province,
            city: place.city,
            county: place.county,
            level: place.level,
            contact,
        }
    }

    /// A display name such as 太原市小店区.
    pub fn display_name(&self) -> String {
        format!("{}{}", self.city, self.county)
    }
}

pub(crate) fn division_problem(code: &str, e: &division::DivisionError) -> Problem {
    Problem::new(
        Code::UnknownDivision,
        format!("区划代码「{code}」无效：{}", e.zh()),
        format!("division code “{code}” is not valid: {}", e.en()),
    )
}

/// The four narrative aspects of a single-item project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// Innovation (创新性): what is new.
    pub innovation: String,
    /// Leadership (引领性): how it leads the province or the country.
    pub leadership: String,
    /// Typicality (典型性): why it is a typical example.
    pub typicality: String,
    /// Replicability (可复制、可推广): how others can copy it.
    pub replicability: String,
}

impl Narrative {
    /// The aspects with their keys, in order.
    pub fn aspects(&self) -> [(&'static str, &str); 4] {
        Aspect::ALL.map(|a| (a.key(), a.get(self)))
    }
}

/// One of the four narrative aspects of a single-item project, the one list of them that the
/// form, the report, the viewer and the completeness check all use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Aspect {
    /// 创新性.
    Innovation,
    /// 引领性.
    Leadership,
    /// 典型性.
    Typicality,
    /// 可复制、可推广.
    Replicability,
}

impl Aspect {
    /// All aspects in display order.
    pub const ALL: [Aspect; 4] = [
        Aspect::Innovation,
        Aspect::Leadership,
        Aspect::Typicality,
        Aspect::Replicability,
    ];

    /// The key of the aspect in the file (`innovation` …).
    pub fn key(self) -> &'static str {
        match self {
            Aspect::Innovation => "innovation",
            Aspect::Leadership => "leadership",
            Aspect::Typicality => "typicality",
            Aspect::Replicability => "replicability",
        }
    }

    /// The aspect's name in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        let zh = lang == crate::Lang::Zh;
        match (self, zh) {
            (Aspect::Innovation, true) => "创新性",
            (Aspect::Leadership, true) => "引领性",
            (Aspect::Typicality, true) => "典型性",
            (Aspect::Replicability, true) => "可复制、可推广",
            (Aspect::Innovation, false) => "innovation",
            (Aspect::Leadership, false) => "leadership",
            (Aspect::Typicality, false) => "typicality",
            (Aspect::Replicability, false) => "replicability",
        }
    }

    /// The aspect's text in a narrative.
    pub fn get(self, n: &Narrative) -> &str {
        match self {
            Aspect::Innovation => &n.innovation,
            Aspect::Leadership => &n.leadership,
            Aspect::Typicality => &n.typicality,
            Aspect::Replicability => &n.replicability,
        }
    }

    /// The aspect's text in a narrative, to edit.
    pub fn get_mut(self, n: &mut Narrative) -> &mut String {
        match self {
            Aspect::Innovation => &mut n.innovation,
            Aspect::Leadership => &mut n.leadership,
            Aspect::Typicality => &mut n.typicality,
            Aspect::Replicability => &mut n.replicability,
        }
    }
}

/// The length of a narrative text as a reader sees it: characters, not counting spaces of any
/// kind, line breaks, control characters or invisible ones (zero-width spaces and joiners,
/// direction marks, the byte-order mark, soft hyphens, variation selectors). The form's counter
/// and the completeness check both use it, so an aspect of only spaces is empty in both.
///
/// ```
/// use shifan_rules::application::narrative_length;
/// assert_eq!(narrative_length("创新 做法\n"), 4);
/// assert_eq!(narrative_length("\u{200B}\u{3000} \u{FEFF}\t"), 0);
/// assert_eq!(narrative_length("a\u{200D}b"), 2);
/// ```
pub fn narrative_length(text: &str) -> usize {
    text.chars().filter(|&c| is_seen(c)).count()
}

/// Whether `text` has nothing a reader sees ([`narrative_length`] 0), found at its first seen
/// character rather than by counting them all: every answer's reason and every evidence title
/// of every file checked is asked this.
pub fn is_blank(text: &str) -> bool {
    !text.chars().any(is_seen)
}

/// Whether a reader sees `c`: not white space, a control character, or a zero-width or
/// direction mark.
fn is_seen(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'))
}

/// What is applied for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Kind {
    /// Comprehensive demonstration (综合示范).
    #[default]
    Comprehensive,
    /// Single-item demonstration project (单项示范).
    SingleItem {
        /// Catalog category id.
        category: String,
        /// Project title.
        title: String,
        /// The four narrative aspects.
        narrative: Narrative,
    },
}

/// A [`Kind`] as written: its `type` tag beside every field a kind may have.
///
/// `Kind` is read through this record rather than with serde's internally tagged enum, which
/// buffers the whole object into an intermediate form first and is several kilobytes of the web
/// page's download. The JSON is the same; a comprehensive kind that has fields besides `type` is
/// refused, as the schema (`additionalProperties: false`) always said.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct Kind")]
struct KindRecord {
    #[serde(rename = "type")]
    tag: String,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    narrative: Option<Narrative>,
}

impl KindRecord {
    fn into_kind<E: serde::de::Error>(self) -> Result<Kind, E> {
        match self.tag.as_str() {
            "comprehensive" => {
                let fields = [
                    ("category", self.category.is_some()),
                    ("title", self.title.is_some()),
                    ("narrative", self.narrative.is_some()),
                ];
                match fields.into_iter().find(|&(_, present)| present) {
                    Some((field, _)) => Err(E::unknown_field(field, &["type"])),
                    None => Ok(Kind::Comprehensive),
                }
            }
            "single_item" => Ok(Kind::SingleItem {
                category: self.category.ok_or_else(|| E::missing_field("category"))?,
                title: self.title.ok_or_else(|| E::missing_field("title"))?,
                narrative: self
                    .narrative
                    .ok_or_else(|| E::missing_field("narrative"))?,
            }),
            other => Err(E::unknown_variant(other, &["comprehensive", "single_item"])),
        }
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Kind, D::Error> {
        KindRecord::deserialize(deserializer)?.into_kind()
    }
}

impl Kind {
    /// Chinese name of the kind.
    pub fn label_zh(&self) -> &'static str {
        match self {
            Kind::Comprehensive => "综合示范",
            Kind::SingleItem { .. } => "单项示范",
        }
    }

    /// English name of the kind.
    pub fn label_en(&self) -> &'static str {
        match self {
            Kind::Comprehensive => "Comprehensive",
            Kind::SingleItem { .. } => "Single-item",
        }
    }

    /// The name of the kind in `lang`.
    pub fn label(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.label_zh(),
            crate::Lang::En => self.label_en(),
        }
    }

    /// `comprehensive` or `single_item`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Comprehensive => "comprehensive",
            Kind::SingleItem { .. } => "single_item",
        }
    }

    /// The problem of a single-item category that is not chosen yet, or not in `catalog`; what
    /// an exported or read file must not have.
    pub fn category_problem(&self, catalog: &Catalog) -> Option<Problem> {
        let Kind::SingleItem { category, .. } = self else {
            return None;
        };
        if category.trim().is_empty() {
            return Some(Problem::new(
                Code::UnknownCategory,
                "尚未选择单项示范类别：请先在申报信息中选择类别。",
                "no single-item category is chosen yet: choose one in the application details first.",
            ));
        }
        catalog.category(category).is_none().then(|| {
            Problem::new(
                Code::UnknownCategory,
                format!("单项示范类别「{category}」不在指标目录中"),
                format!("single-item category “{category}” is not in the catalog"),
            )
        })
    }

    /// Problems of the kind against a catalog while it is edited: an unknown category (error),
    /// and a category not chosen yet, a missing title or narrative aspect (warnings: the file
    /// is readable but not ready to submit). An aspect counts as missing when it has nothing a
    /// reader sees ([`narrative_length`]).
    pub fn problems(&self, catalog: &Catalog) -> Vec<Problem> {
        let Kind::SingleItem {
            category,
            title,
            narrative,
        } = self
        else {
            return Vec::new();
        };
        let mut problems = Vec::new();
        let mut missing_zh = Vec::new();
        let mut missing_en = Vec::new();
        if category.trim().is_empty() {
            missing_zh.push("单项示范类别");
            missing_en.push("category");
        } else if let Some(problem) = self.category_problem(catalog) {
            problems.push(problem);
        }
        if narrative_length(title) == 0 {
            missing_zh.push("项目名称");
            missing_en.push("project title");
        }
        for aspect in Aspect::ALL {
            if narrative_length(aspect.get(narrative)) == 0 {
                missing_zh.push(aspect.label(crate::Lang::Zh));
                missing_en.push(aspect.key());
            }
        }
        if !missing_zh.is_empty() {
            problems.push(Problem::new(
                Code::IncompleteSingleItem,
                format!("单项示范申报尚缺：{}", missing_zh.join("、")),
                format!(
                    "the single-item application still lacks: {}",
                    missing_en.join(", ")
                ),
            ));
        }
        problems
    }
}

/// The program that wrote a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Generator {
    /// Program name, e.g. `shifan-web`.
    pub name: String,
    /// Program version.
    pub version: String,
}

/// An application file, format version 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationFile {
    /// Always `shifan.application`.
    pub format: String,
    /// Format version (1).
    pub format_version: u32,
    /// The catalog answered against.
    pub catalog: CatalogRef,
    /// The applying government.
    pub applicant: Applicant,
    /// Comprehensive or single-item.
    pub kind: Kind,
    /// One answer per catalog indicator, in catalog order.
    pub answers: Vec<Answer>,
    /// The summary derived from the answers.
    pub summary: Summary,
    /// The program that wrote the file.
    pub generator: Generator,
    /// When the self-assessment was started (RFC 3339).
    pub created: String,
    /// When the file was written (RFC 3339).
    pub updated: String,
    /// `sha256:` + SHA-256 over the canonical form of every other field.
    pub integrity: String,
}

impl ApplicationFile {
    /// Builds a file: derives the summary from the answers and seals it with its integrity
    /// fingerprint. Times are given by the caller; this crate reads no clock.
    pub fn build(
        catalog: &Catalog,
        applicant: Applicant,
        kind: Kind,
        answers: Vec<Answer>,
        generator: Generator,
        created: String,
        updated: String,
    ) -> ApplicationFile {
        let summary = score(catalog, applicant.level, &answers).summary();
        let mut file = ApplicationFile {
            format: FORMAT_ID.to_string(),
            format_version: FORMAT_VERSION,
            catalog: CatalogRef::to(catalog),
            applicant,
            kind,
            answers,
            summary,
            generator,
            created,
            updated,
            integrity: String::new(),
        };
        file.integrity = integrity_of(&file.to_value());
        file
    }

    /// The file as a JSON value.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The file as written to disk: canonical, indented JSON. Writing what was read gives the
    /// same bytes.
    pub fn to_json(&self) -> String {
        canonical::to_pretty(&self.to_value())
    }

    /// A readable file name, e.g. `太原市-小店区-综合示范-2026-11-24.json`.
    pub fn file_name(&self) -> String {
        let date = self
            .updated
            .get(..10)
            .filter(|d| crate::assessment::is_date(d))
            .unwrap_or("undated");
        let mut parts = vec![self.applicant.city.as_str()];
        if !self.applicant.county.is_empty() {
            parts.push(&self.applicant.county);
        }
        parts.push(self.kind.label_zh());
        parts.push(date);
        format!("{}.json", sanitize_file_name(&parts.join("-")))
    }

    /// The first 12 hex digits of the integrity fingerprint, for tables and printouts.
    pub fn short_fingerprint(&self) -> &str {
        let hex = self
            .integrity
            .strip_prefix(canonical::SHA256_PREFIX)
            .unwrap_or(&self.integrity);
        hex.get(..12).unwrap_or(hex)
    }
}

pub(crate) fn sanitize_file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect()
}

pub(crate) fn integrity_of(value: &Value) -> String {
    canonical::fingerprint_without(value, "integrity")
}

/// A read and verified application, with what was derived while checking it.
#[derive(Clone, Debug)]
pub struct Verified {
    /// The file as read.
    pub file: ApplicationFile,
    /// The catalog it was answered against.
    pub catalog: Arc<Catalog>,
    /// The score recomputed from the answers.
    pub score: Score,
    /// Problems that do not make the file unusable (e.g. an incomplete single-item narrative).
    pub warnings: Vec<Problem>,
}

impl Verified {
    /// The estimated comprehensive verdict; `None` for a single-item application, which has
    /// no comprehensive bar (everything that shows or exports a verdict reads this).
    pub fn verdict(&self) -> Option<crate::Verdict> {
        matches!(self.file.kind, Kind::Comprehensive).then_some(self.score.verdict)
    }
}

/// Pre-checks each answer's `status` string, so that an unknown status gets its own code
/// rather than a generic shape error.
pub(crate) fn status_problems(value: &Value) -> Vec<Problem> {
    let Some(answers) = value.get("answers").and_then(Value::as_array) else {
        return Vec::new();
    };
    answers
        .iter()
        .filter_map(|answer| {
            let status = answer.get("status")?;
            let known = status.as_str().is_some_and(|s| crate::Status::parse(s).is_some());
            if known {
                return None;
            }
            // The value as JSON writes it, by the canonical writer: `Value`'s `Display` would
            // compile serde_json's own writer, compact and indented, into the WebAssembly.
            let status = crate::canonical::to_compact(status);
            let problem = Problem::new(
                Code::InvalidStatus,
                format!("无效的状态 {status}：应为 met、partly_met、not_met、not_applicable 或 unanswered"),
                format!("invalid status {status}: expected met, partly_met, not_met, not_applicable or unanswered"),
            );
            Some(match answer.get("number").and_then(Value::as_u64).and_then(|n| u16::try_from(n).ok()) {
                Some(n) => problem.at_indicator(n),
                None => problem,
            })
        })
        .collect()
}

/// Checks the answers against the catalog: every indicator answered once, nothing unknown, each
/// answer consistent.
pub fn answer_problems(catalog: &Catalog, answers: &[Answer]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for answer in answers {
        let n = answer.number;
        let Some(indicator) = catalog.indicator(n) else {
            problems.push(
                Problem::new(
                    Code::UnknownIndicator,
                    format!("指标目录中没有第 {n} 项指标"),
                    format!("the catalog has no indicator {n}"),
                )
                .at_indicator(n),
            );
            continue;
        };
        if !seen.insert(n) {
            problems.push(
                Problem::new(
                    Code::DuplicateIndicator,
                    format!("第 {n} 项指标出现了不止一次"),
                    format!("indicator {n} is answered more than once"),
                )
                .at_indicator(n),
            );
            continue;
        }
        problems.extend(answer.problems(indicator.criteria.len()));
    }
    let missing: Vec<u16> = catalog
        .indicators()
        .map(|i| i.number)
        .filter(|n| !seen.contains(n))
        .collect();
    if !missing.is_empty() {
        let list = missing
            .iter()
            .take(20)
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let more = if missing.len() > 20 { "…" } else { "" };
        problems.push(
            Problem::new(
                Code::MissingIndicator,
                format!("缺少 {} 项指标的作答：{list}{more}", missing.len()),
                format!("{} indicators have no answer: {list}{more}", missing.len()),
            )
            .at_indicator(missing[0]),
        );
    }
    if problems.is_empty()
        && answers
            .iter()
            .zip(catalog.indicators())
            .any(|(a, i)| a.number != i.number)
    {
        problems.push(Problem::new(
            Code::NotApplication,
            "作答未按指标序号排列",
            "the answers are not in indicator order",
        ));
    }
    problems
}

pub(crate) fn applicant_problems(applicant: &Applicant) -> Vec<Problem> {
    let place = match division::lookup(&applicant.division_code) {
        Ok(place) => place,
        Err(e) => return vec![division_problem(&applicant.division_code, &e)],
    };
    let derived = Applicant::from_place(place, applicant.contact.clone());
    if derived != *applicant {
        return vec![Problem::new(
            Code::ApplicantMismatch,
            format!(
                "申报单位名称或层级与区划代码 {} 不符：应为 {}{}{}",
                applicant.division_code, derived.province, derived.city, derived.county
            ),
            format!(
                "the applicant's names or level do not match division code {}: expected {} {} {}",
                applicant.division_code, derived.province, derived.city, derived.county
            ),
        )];
    }
    Vec::new()
}

/// Reads and verifies an application file.
///
/// ```
/// use shifan_rules::{CatalogSet, Code, read_application};
/// let problems = read_application(b"{\"format\": \"something else\"}", &CatalogSet::builtin()).unwrap_err();
/// assert_eq!(problems[0].code, Code::NotApplication);
/// ```
pub fn read_application(bytes: &[u8], catalogs: &CatalogSet) -> Result<Verified, Vec<Problem>> {
    verify_parsed(parse_json(bytes, MAX_FILE_BYTES)?, catalogs)
}

/// Verifies parsed JSON that should be an application file, starting with its format fields.
pub fn verify_parsed(value: Value, catalogs: &CatalogSet) -> Result<Verified, Vec<Problem>> {
    check_format(&value, FORMAT_ID, FORMAT_VERSION).map_err(|p| vec![p])?;
    verify_value(&value, catalogs)
}

/// Verifies an application file already parsed as JSON (e.g. one inside a recommendation package).
pub fn verify_value(value: &Value, catalogs: &CatalogSet) -> Result<Verified, Vec<Problem>> {
    let statuses = status_problems(value);
    if !statuses.is_empty() {
        return Err(statuses);
    }
    let declared_integrity = integrity_of(value);
    let file: ApplicationFile = crate::json::from_value(value).map_err(|e| {
        vec![Problem::new(
            Code::NotApplication,
            format!("申报文件的内容不完整或格式不对：{}。", e.zh()),
            format!(
                "the application file is incomplete or malformed: {}",
                e.en()
            ),
        )]
    })?;
    let catalog = catalogs
        .resolve(&file.catalog.id, &file.catalog.fingerprint)
        .map_err(|p| vec![p])?
        .clone();

    let mut problems = answer_problems(&catalog, &file.answers);
    problems.extend(applicant_problems(&file.applicant));
    problems.extend(file.kind.problems(&catalog));
    if let Kind::SingleItem { category, .. } = &file.kind
        && category.trim().is_empty()
    {
        problems.extend(file.kind.category_problem(&catalog));
    }
    problems.extend(file.applicant.contact.problems());
    problems.extend(crate::input::time_problems(&[
        ("created", &file.created),
        ("updated", &file.updated),
    ]));
    if declared_integrity != file.integrity {
        problems.push(Problem::new(
            Code::IntegrityMismatch,
            "文件内容与完整性指纹不符：导出后被修改过。请向申报单位索取原始导出文件",
            "the content does not match its integrity fingerprint: it was edited after export; ask the applicant for the original file",
        ));
    }
    let recomputed = score(&catalog, file.applicant.level, &file.answers);
    if recomputed.summary() != file.summary {
        problems.push(Problem::new(
            Code::SummaryMismatch,
            format!(
                "文件声明的汇总与按作答重新计算的不一致（重新计算：达标 {} / 适用 {}）",
                recomputed.total.met,
                recomputed.total.applicable()
            ),
            format!(
                "the declared summary differs from the one recomputed from the answers (recomputed: {} met of {} applicable)",
                recomputed.total.met,
                recomputed.total.applicable()
            ),
        ));
    }
    if has_errors(&problems) {
        // Errors first, each group in the order found. A partition rather than a stable sort:
        // the same order, without a sort compiled into the web page for it.
        let (mut errors, warnings): (Vec<Problem>, Vec<Problem>) = problems
            .into_iter()
            .partition(|p| p.code.severity() == crate::Severity::Error);
        errors.extend(warnings);
        return Err(errors);
    }
    Ok(Verified {
        file,
        catalog,
        score: recomputed,
        warnings: problems,
    })
}

/// The JSON Schema of the application file, as committed in `schema/application-v1.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ApplicationFile);
    canonical::to_pretty(&serde_json::to_value(schema).unwrap_or(Value::Null))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Stopping at the first seen character answers as counting them all.
        #[test]
        fn blank_is_a_length_of_nothing(text in "[ \t\n\u{3000}\u{200B}\u{200D}\u{FEFF}\u{00AD}a中\u{301}]{0,12}") {
            proptest::prop_assert_eq!(is_blank(&text), narrative_length(&text) == 0);
        }
    }

    #[test]
    fn an_invalid_status_is_quoted_as_json_writes_it() {
        for status in [
            serde_json::json!("bogus \"x\"\n"),
            serde_json::json!(7),
            serde_json::json!(-1.5),
            serde_json::json!(null),
            serde_json::json!({"z": [1, "a"], "b": true}),
        ] {
            let value = serde_json::json!({"answers": [{"number": 3, "status": status}]});
            let problems = status_problems(&value);
            assert_eq!(problems.len(), 1);
            assert_eq!(
                problems[0].message.en,
                format!(
                    "invalid status {status}: expected met, partly_met, not_met, not_applicable or unanswered"
                )
            );
        }
    }

    #[test]
    fn kinds_read_as_written_and_nothing_else() {
        let read =
            |value: Value| crate::json::from_value::<Kind>(&value).map_err(|e| e.to_string());
        let single = Kind::SingleItem {
            category: "c".into(),
            title: "t".into(),
            narrative: Narrative {
                innovation: "i".into(),
                ..Narrative::default()
            },
        };
        for kind in [Kind::Comprehensive, single] {
            assert_eq!(read(serde_json::to_value(&kind).unwrap()), Ok(kind));
        }
        let narrative = serde_json::json!({"innovation": "", "leadership": "", "typicality": "", "replicability": ""});
        for (value, error) in [
            (serde_json::json!({}), "missing field `type`"),
            (
                serde_json::json!({"type": "other"}),
                "unknown variant `other`",
            ),
            (serde_json::json!({"type": 1}), "invalid type: integer `1`"),
            (
                serde_json::json!({"type": "comprehensive", "title": ""}),
                "unknown field `title`",
            ),
            (
                serde_json::json!({"type": "comprehensive", "x": 1}),
                "unknown field `x`",
            ),
            (
                serde_json::json!({"type": "single_item", "title": "", "narrative": narrative}),
                "missing field `category`",
            ),
            (
                serde_json::json!({"type": "single_item", "category": "", "title": "", "narrative": narrative, "x": 1}),
                "unknown field `x`",
            ),
            (serde_json::json!("comprehensive"), "expected struct Kind"),
        ] {
            let message = read(value.clone()).unwrap_err();
            assert!(message.contains(error), "{value}: {message}");
        }
    }

    #[test]
    fn committed_schema_is_current() {
        crate::testing::check_committed("schema/application-v1.schema.json", &json_schema());
    }

    #[test]
    fn shape_errors_name_the_field_in_the_users_words() {
        let sample = crate::testing::verified_sample("140105", 90, 3)
            .file
            .to_value();
        let check = |edit: &dyn Fn(&mut Value), zh: &str, en: &str| {
            let mut value = sample.clone();
            edit(&mut value);
            let bytes = serde_json::to_vec(&value).unwrap();
            let problems = read_application(&bytes, &CatalogSet::builtin()).unwrap_err();
            let message = &problems[0].message;
            assert_eq!(problems[0].code, Code::NotApplication, "{message:?}");
            assert!(message.zh.contains(zh), "{}", message.zh);
            assert!(message.en.contains(en), "{}", message.en);
            crate::input::tests::assert_worded_for_people(message);
        };
        check(
            &|v| v["answers"][3]["number"] = serde_json::json!(1e30),
            "字段 answers[3].number 应为介于 0 至 65535 之间的整数，但文件中是数字 1e+30",
            "field answers[3].number should be a whole number from 0 to 65535, but the file has the number 1e+30",
        );
        check(
            &|v| v["kind"]["answers"] = serde_json::json!([]),
            "字段 kind 中有本格式没有的字段「answers」",
            "there is a field “answers” in kind that this format does not have",
        );
        check(
            &|v| {
                v.as_object_mut().unwrap().remove("generator");
            },
            "文件最外层缺少字段「generator」",
            "the field “generator” is missing at the top level",
        );
        check(
            &|v| v["applicant"]["level"] = serde_json::json!("province"),
            "字段 applicant.level 的值「province」不是可选的值",
            "field applicant.level has “province”",
        );
        check(
            &|v| v["applicant"]["contact"]["phone"] = serde_json::json!(3512345678u64),
            "字段 applicant.contact.phone 应为文字（带引号），但文件中是整数 3512345678",
            "should be a text (in quotation marks), but the file has the whole number 3512345678",
        );
    }

    #[test]
    fn an_aspect_a_reader_cannot_see_is_missing_and_a_category_not_chosen_is_not_unknown() {
        let catalog = Catalog::reference();
        let kind = |category: &str, innovation: &str| Kind::SingleItem {
            category: category.into(),
            title: "项目".into(),
            narrative: Narrative {
                innovation: innovation.into(),
                leadership: "引领".into(),
                typicality: "典型".into(),
                replicability: "可复制".into(),
            },
        };
        let codes = |k: &Kind| {
            k.problems(catalog)
                .iter()
                .map(|p| p.code)
                .collect::<Vec<_>>()
        };
        // Spaces, an ideographic space, zero-width characters and a byte-order mark are nothing
        // to read: the aspect is missing, as the form's counter (0) says.
        let invisible = " \u{3000}\u{200B}\u{200D}\u{FEFF}\n";
        assert_eq!(narrative_length(invisible), 0);
        let blank = kind("business-environment", invisible);
        assert_eq!(codes(&blank), [Code::IncompleteSingleItem]);
        assert!(blank.problems(catalog)[0].message.zh.contains("创新性"));
        assert!(codes(&kind("business-environment", "有新意")).is_empty());
        // No category chosen yet: incomplete, not "「」 is not in the catalog".
        let unchosen = kind("", "有新意");
        let problems = unchosen.problems(catalog);
        assert_eq!(codes(&unchosen), [Code::IncompleteSingleItem]);
        assert!(
            problems[0].message.zh.contains("单项示范类别"),
            "{}",
            problems[0].message.zh
        );
        assert!(!problems[0].message.zh.contains("「」"));
        // Exporting and reading still refuse it, and say why in plain words.
        let p = unchosen
            .category_problem(catalog)
            .expect("refused at export");
        assert_eq!(p.code, Code::UnknownCategory);
        assert!(p.message.zh.contains("尚未选择"));
        assert_eq!(codes(&kind("no-such", "x")), [Code::UnknownCategory]);
    }

    #[test]
    fn phones_and_addresses() {
        fn check(text: &str, phone: bool, email: bool) {
            assert_eq!(is_phone(text), phone, "phone {text:?}");
            assert_eq!(is_email(text), email, "email {text:?}");
        }
        for (text, phone, email) in [
            ("13912345678", true, false),
            ("139 1234 5678", true, false),
            ("+86 139-1234-5678", true, false),
            ("0351-1234567", true, false),
            ("（0351）12345678", true, false),
            ("０３５１－１２３４５６７", true, false),
            ("0351-1234567-802", true, false),
            ("0351-1234567 转 802", true, false),
            ("1234567", false, false),
            ("7654321", true, false),
            ("12345", false, false),
            ("0351-12345", false, false),
            ("23912345678", false, false),
            ("电话", false, false),
            ("fzb@example.gov.cn", false, true),
            ("王.fzb@政府.中国", false, true),
            ("fzb@", false, false),
            ("fzb@example", false, false),
            ("fzb@@example.cn", false, false),
            ("f zb@example.cn", false, false),
            ("fzb@example..cn", false, false),
            ("fzb@example.c", false, false),
        ] {
            check(text, phone, email);
        }
        let contact = Contact {
            name: "李明".into(),
            phone: "12345".into(),
            email: String::new(),
        };
        let problems = contact.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity(), crate::Severity::Warning);
        crate::input::tests::assert_worded_for_people(&problems[0].message);
        assert!(
            Contact::default().problems().is_empty(),
            "nothing typed, nothing to say"
        );
    }
}
