//! Problems found in outside data, each with a stable code and a message in Chinese and English.
//!
//! Codes are part of the public contract: the CLI prints them, fixtures assert them and the web
//! app looks messages up by them. Never rename a code; add new ones instead.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The languages every user-facing message exists in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Parses a language tag such as `zh`, `zh-CN`, `en` or `en-GB`; anything else is `None`.
    ///
    /// ```
    /// use shifan_rules::Lang;
    /// assert_eq!(Lang::from_tag("en-US"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("fr"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Message {
    /// Chinese text.
    pub zh: String,
    /// English text.
    pub en: String,
}

impl Message {
    /// A message from its two texts.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The data cannot be used.
    Error,
    /// The data can be read and edited, but is not ready to submit.
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $text:literal, $severity:ident, $doc:literal;)*) => {
        /// The stable code of a problem.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum Code {
            $(#[doc = $doc] #[serde(rename = $text)] $variant,)*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as printed and stored, e.g. `integrity-mismatch`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text,)* }
            }

            /// Whether a problem with this code makes the data unusable.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
        }
    };
}

codes! {
    TooLarge = "too-large", Error, "The input is larger than the limit; checked before parsing.";
    NotUtf8 = "not-utf8", Error, "The input is not UTF-8 text.";
    Utf16 = "utf16", Error, "The input is UTF-16 text (a UTF-16 byte-order mark, or ASCII with NUL bytes between); the message says how to save it as UTF-8.";
    NotJson = "not-json", Error, "The input is not JSON; line and column say where.";
    TooDeep = "too-deep", Error, "The JSON nests deeper than any valid file does.";
    DuplicateKey = "duplicate-key", Error, "A JSON object has the same key twice; no reader guesses which one counts.";
    OtherDocument = "other-document", Error, "The file is another kind of shifan file (e.g. a recommendation package where an application is expected); the message says what it is and where it opens.";
    NotApplication = "not-application", Error, "The JSON is not a shifan application file, or a field has the wrong shape.";
    NewerVersion = "newer-version", Error, "The file was written in a newer format version than this build reads.";
    UnknownCatalog = "unknown-catalog", Error, "The file names a catalog this build does not have.";
    CatalogMismatch = "catalog-mismatch", Error, "The catalog id is known but its fingerprint differs.";
    UnknownIndicator = "unknown-indicator", Error, "An answer names an indicator number the catalog lacks.";
    MissingIndicator = "missing-indicator", Error, "An indicator of the catalog has no answer.";
    DuplicateIndicator = "duplicate-indicator", Error, "Two answers name the same indicator.";
    InvalidStatus = "invalid-status", Error, "A status is not one of the known values, or contradicts the ticked points.";
    InvalidPoint = "invalid-point", Error, "A ticked point does not exist for that indicator, or is listed twice.";
    MissingReason = "missing-reason", Error, "Not applicable was chosen without a reason.";
    OverrideWithoutReason = "override-without-reason", Error, "The status differs from what the ticked points suggest, without a reason.";
    InvalidEvidence = "invalid-evidence", Error, "An evidence reference lacks a title or has a malformed date, size or hash.";
    UnknownDivision = "unknown-division", Error, "The applicant's division code is not in the Shanxi table.";
    ApplicantMismatch = "applicant-mismatch", Error, "The applicant's names or level differ from those of the division code.";
    UnknownCategory = "unknown-category", Error, "A single-item category is not one of the catalog's.";
    InvalidTime = "invalid-time", Error, "A time is not an RFC 3339 date-time.";
    IntegrityMismatch = "integrity-mismatch", Error, "The content was changed after the file was written.";
    SummaryMismatch = "summary-mismatch", Error, "The declared summary differs from the one recomputed from the answers.";
    IncompleteSingleItem = "incomplete-single-item", Warning, "A single-item application lacks its title or a narrative aspect.";
    InvalidCatalog = "invalid-catalog", Error, "A catalog breaks a structural rule (numbering, empty text, threshold, categories).";
    InvalidTable = "invalid-table", Error, "A row of an imported indicator table is malformed.";
    UnknownApplication = "unknown-application", Error, "A recommendation package refers to an application it does not contain.";
    InvalidDecision = "invalid-decision", Error, "A package's decisions are incomplete, or its ranks are not 1..k over the recommended applications.";
    OutsideCity = "outside-city", Error, "An application in a package comes from a county outside the reviewing city.";
    DuplicateSubmission = "duplicate-submission", Warning, "Two applications are from the same government for the same kind.";
    InvalidProfile = "invalid-profile", Error, "A programme profile breaks a structural rule (weights not adding up to 1, a scale that does not fit its part, a gate that cannot be one, a missing kind).";
    InvalidScores = "invalid-scores", Error, "A row of an evaluator's or scores table is malformed, or names no candidate of the pool.";
    InvalidFigures = "invalid-figures", Error, "A figure of the province's evidence is impossible (a score above its scale, more satisfied answers than respondents, a notice that ends before it starts).";
    RecommendedTwice = "recommended-twice", Warning, "The same application (or the same submission) arrives in two recommendation packages.";
    EditedAfterPackaging = "edited-after-packaging", Warning, "An application file arrived directly and differs from the same submission inside a city's package: it was edited after packaging.";
    InvalidRegister = "invalid-register", Error, "A register file is malformed or breaks a rule (an event of an unknown kind, a place named twice, a missing decision number).";
    BrokenChain = "broken-chain", Error, "An event of a register does not carry the hash of the one before it, or its own hash is wrong: the history was edited.";
    ProfileMismatch = "profile-mismatch", Error, "The programme profile inside a register or province session does not match the fingerprint it is named by, or is not valid.";
    InvalidContact = "invalid-contact", Warning, "The contact's phone number or e-mail address does not look like one.";
    UnknownTemplate = "unknown-template", Error, "An annual report names a template this build does not have.";
    InvalidPart = "invalid-part", Error, "An annual report's parts are not exactly its template's, once each and in order.";
    IncompleteReport = "incomplete-report", Warning, "A required part of an annual report has no text a reader sees.";
    InvalidYear = "invalid-year", Error, "An annual report's year is before 2004 or after the year the file was written.";
    InvalidSelfAssessment = "invalid-self-assessment", Error, "The self-assessment attached to an annual report is another government's, or its fingerprint, kind, counts or time are malformed.";
    RevisitMismatch = "revisit-mismatch", Error, "A register's revisit of a comprehensive place states a conclusion its own counts and threshold contradict, in exact arithmetic.";
    RegisterRewritten = "register-rewritten", Error, "A newer register does not only extend the older one: an event was changed or dropped, or the province, round or profile differs.";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in the input a problem was found, as far as it is known.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Location {
    /// 1-based line in the input text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based column in the input text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// The indicator the problem concerns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<u16>,
}

/// One problem found in outside data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Stable code.
    pub code: Code,
    /// What is wrong, in both languages.
    pub message: Message,
    /// Where, as far as known.
    pub at: Location,
}

impl Problem {
    /// A problem with no location.
    pub fn new(code: Code, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            code,
            message: Message::new(zh, en),
            at: Location::default(),
        }
    }

    /// The same problem, located at an indicator.
    pub fn at_indicator(mut self, number: u16) -> Self {
        self.at.indicator = Some(number);
        self
    }

    /// The same problem, located at a line (and column, when known).
    pub fn at_line(mut self, line: u64, column: Option<u64>) -> Self {
        self.at.line = Some(line);
        self.at.column = column;
        self
    }

    /// The problem's severity, from its code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// One line for humans: code, location and message in `lang`.
    ///
    /// ```
    /// use shifan_rules::{Code, Lang, Problem};
    /// let p = Problem::new(Code::MissingReason, "缺少理由", "reason missing").at_indicator(7);
    /// assert_eq!(p.describe(Lang::En), "missing-reason (indicator 7): reason missing");
    /// assert_eq!(p.describe(Lang::Zh), "missing-reason（第 7 项指标）：缺少理由");
    /// ```
    pub fn describe(&self, lang: Lang) -> String {
        let mut place = Vec::new();
        match lang {
            Lang::Zh => {
                if let Some(n) = self.at.indicator {
                    place.push(format!("第 {n} 项指标"));
                }
                if let Some(l) = self.at.line {
                    match self.at.column {
                        Some(c) => place.push(format!("第 {l} 行第 {c} 列")),
                        None => place.push(format!("第 {l} 行")),
                    }
                }
                let place = if place.is_empty() {
                    String::new()
                } else {
                    format!("（{}）", place.join("，"))
                };
                format!("{}{}：{}", self.code, place, self.message.zh)
            }
            Lang::En => {
                if let Some(n) = self.at.indicator {
                    place.push(format!("indicator {n}"));
                }
                if let Some(l) = self.at.line {
                    match self.at.column {
                        Some(c) => place.push(format!("line {l}, column {c}")),
                        None => place.push(format!("line {l}")),
                    }
                }
                let place = if place.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", place.join(", "))
                };
                format!("{}{}: {}", self.code, place, self.message.en)
            }
        }
    }
}

impl Problem {
    /// The problem as a JSON value, exactly as its `Serialize` writes it: `code`, `message`
    /// (`zh`, `en`) and `at` (its known parts only). Built directly, so that a WebAssembly
    /// build whose only use for it is handing problems to JavaScript (the widget's) carries no
    /// serde serializer for them; a test holds the two to the same output.
    pub fn to_value(&self) -> serde_json::Value {
        let mut at = serde_json::Map::new();
        if let Some(line) = self.at.line {
            at.insert("line".into(), line.into());
        }
        if let Some(column) = self.at.column {
            at.insert("column".into(), column.into());
        }
        if let Some(indicator) = self.at.indicator {
            at.insert("indicator".into(), indicator.into());
        }
        // `Value::from` rather than `json!`, which would serialise each field through serde.
        let mut message = serde_json::Map::new();
        message.insert("zh".into(), self.message.zh.as_str().into());
        message.insert("en".into(), self.message.en.as_str().into());
        let mut problem = serde_json::Map::new();
        problem.insert("code".into(), self.code.as_str().into());
        problem.insert("message".into(), message.into());
        problem.insert("at".into(), at.into());
        problem.into()
    }
}

/// Whether any of `problems` makes the data unusable.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity() == Severity::Error)
}

/// Whether `problems` say the file was answered against a catalog the reader does not have
/// (not known, or another version of it): loading that catalog lets the file open.
pub fn needs_catalog(problems: &[Problem]) -> bool {
    problems
        .iter()
        .any(|p| matches!(p.code, Code::UnknownCatalog | Code::CatalogMismatch))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip_through_serde() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {code}");
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            let back: Code = serde_json::from_str(&json).unwrap();
            assert_eq!(back, *code);
        }
    }

    #[test]
    fn a_problem_as_a_value_is_its_serde_form() {
        let located = [
            Location::default(),
            Location {
                line: Some(3),
                column: Some(14),
                indicator: None,
            },
            Location {
                line: Some(u64::MAX),
                column: None,
                indicator: Some(100),
            },
            Location {
                line: None,
                column: None,
                indicator: Some(1),
            },
        ];
        for (i, code) in Code::ALL.iter().enumerate() {
            let problem = Problem {
                code: *code,
                message: Message::new("缺少“理由”\n", "a \"reason\" is missing\u{0}"),
                at: located[i % located.len()].clone(),
            };
            assert_eq!(
                problem.to_value(),
                serde_json::to_value(&problem).unwrap(),
                "{code}"
            );
        }
    }

    #[test]
    fn a_catalog_is_needed_only_for_an_unknown_or_other_catalog() {
        let with = |code| {
            vec![
                Problem::new(Code::MissingReason, "", ""),
                Problem::new(code, "", ""),
            ]
        };
        assert!(needs_catalog(&with(Code::UnknownCatalog)));
        assert!(needs_catalog(&with(Code::CatalogMismatch)));
        assert!(!needs_catalog(&with(Code::IntegrityMismatch)));
        assert!(!needs_catalog(&[]));
    }
}
