//! Answers to indicators: ticked points, status, reasons, notes and evidence references.
//!
//! The status follows the ticked points (all → met, some → partly met, none → not met) unless
//! the official overrides it with a stated reason, or sets "not applicable" with a reason.
//! [`Assessment`] holds one answer per catalog indicator and is the only way the app edits them,
//! so the "status follows the points" rule lives here and nowhere else.

use crate::catalog::Catalog;
use crate::problem::{Code, Problem};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The status of one indicator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not looked at yet.
    #[default]
    Unanswered,
    /// All checkable points are satisfied (达标).
    Met,
    /// Some points are satisfied (部分达标).
    PartlyMet,
    /// No point is satisfied (未达标).
    NotMet,
    /// Does not apply to this government; needs a reason (不适用).
    NotApplicable,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 5] = [
        Status::Met,
        Status::PartlyMet,
        Status::NotMet,
        Status::NotApplicable,
        Status::Unanswered,
    ];

    /// The value as stored in files, e.g. `partly_met`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unanswered => "unanswered",
            Status::Met => "met",
            Status::PartlyMet => "partly_met",
            Status::NotMet => "not_met",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// Parses the stored value.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Unanswered => "未作答",
            Status::Met => "达标",
            Status::PartlyMet => "部分达标",
            Status::NotMet => "未达标",
            Status::NotApplicable => "不适用",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Status::Unanswered => "Unanswered",
            Status::Met => "Met",
            Status::PartlyMet => "Partly met",
            Status::NotMet => "Not met",
            Status::NotApplicable => "Not applicable",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.label_zh(),
            crate::Lang::En => self.label_en(),
        }
    }

    /// Whether the status is one that ticked points can suggest.
    pub fn is_judgement(self) -> bool {
        matches!(self, Status::Met | Status::PartlyMet | Status::NotMet)
    }
}

/// The status the ticked points suggest.
///
/// ```
/// use shifan_rules::{Status, assessment::suggested_status};
/// assert_eq!(suggested_status(3, 3), Status::Met);
/// assert_eq!(suggested_status(1, 3), Status::PartlyMet);
/// assert_eq!(suggested_status(0, 3), Status::NotMet);
/// ```
pub fn suggested_status(ticked: usize, criteria: usize) -> Status {
    if criteria > 0 && ticked >= criteria {
        Status::Met
    } else if ticked > 0 {
        Status::PartlyMet
    } else {
        Status::NotMet
    }
}

/// A local file recorded by name, size and SHA-256; the file itself never leaves the computer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalFile {
    /// File name as the browser or OS gave it.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// Lower-case hex SHA-256 of the content.
    pub sha256: String,
}

/// A reference to a document that proves an indicator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRef {
    /// Title of the document.
    pub title: String,
    /// Document number (文号), e.g. 晋政办发〔2020〕12号; may be empty.
    pub document_number: String,
    /// Date of the document, `YYYY-MM-DD`; may be empty.
    pub date: String,
    /// The fingerprinted local copy, if one was recorded.
    pub file: Option<LocalFile>,
}

/// The answer to one indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Indicator number.
    pub number: u16,
    /// Ticked checkable points, 0-based, ascending.
    pub satisfied: Vec<u8>,
    /// Status.
    pub status: Status,
    /// Why the status is not applicable, or differs from what the points suggest.
    pub reason: String,
    /// Free note.
    pub note: String,
    /// Evidence references.
    pub evidence: Vec<EvidenceRef>,
}

impl Answer {
    /// An unanswered answer to indicator `number`.
    pub fn unanswered(number: u16) -> Self {
        Answer {
            number,
            satisfied: Vec::new(),
            status: Status::Unanswered,
            reason: String::new(),
            note: String::new(),
            evidence: Vec::new(),
        }
    }

    /// Whether the status is a judgement that differs from what the points suggest.
    pub fn is_override(&self, criteria: usize) -> bool {
        self.status.is_judgement()
            && self.status != suggested_status(self.satisfied.len(), criteria)
    }

    /// Whether the answer needs a reason it lacks.
    pub fn needs_reason(&self, criteria: usize) -> bool {
        (self.status == Status::NotApplicable || self.is_override(criteria)) && blank(&self.reason)
    }

    /// The problems of this answer against an indicator with `criteria` points.
    pub fn problems(&self, criteria: usize) -> Vec<Problem> {
        let n = self.number;
        let mut problems = Vec::new();
        let in_order = self.satisfied.windows(2).all(|w| w[0] < w[1]);
        if !in_order || self.satisfied.iter().any(|&p| usize::from(p) >= criteria) {
            problems.push(
                Problem::new(
                    Code::InvalidPoint,
                    format!("勾选的评价要点无效：该指标只有 {criteria} 条要点，且每条只能勾选一次"),
                    format!("invalid ticked points: the indicator has {criteria} points, each ticked at most once"),
                )
                .at_indicator(n),
            );
        }
        match self.status {
            Status::Unanswered if !self.satisfied.is_empty() => problems.push(
                Problem::new(
                    Code::InvalidStatus,
                    "已勾选评价要点，状态却为「未作答」",
                    "points are ticked but the status is unanswered",
                )
                .at_indicator(n),
            ),
            Status::NotApplicable if blank(&self.reason) => problems.push(
                Problem::new(
                    Code::MissingReason,
                    "选择「不适用」时必须说明理由",
                    "not applicable needs a reason",
                )
                .at_indicator(n),
            ),
            s if self.is_override(criteria) && blank(&self.reason) => {
                let suggested = suggested_status(self.satisfied.len(), criteria);
                problems.push(
                    Problem::new(
                        Code::OverrideWithoutReason,
                        format!(
                            "按勾选的要点应为「{}」，却标为「{}」，且未说明理由",
                            suggested.label_zh(),
                            s.label_zh()
                        ),
                        format!(
                            "the ticked points suggest “{}” but the status is “{}”, with no reason",
                            suggested.label_en(),
                            s.label_en()
                        ),
                    )
                    .at_indicator(n),
                );
            }
            _ => {}
        }
        for evidence in &self.evidence {
            if let Some(problem) = evidence_problem(evidence) {
                problems.push(problem.at_indicator(n));
            }
        }
        problems
    }
}

/// Whether a reason or title has nothing a reader sees: only spaces, or zero-width and
/// direction characters, count as not written (as for the single-item narrative).
fn blank(text: &str) -> bool {
    crate::application::is_blank(text)
}

fn evidence_problem(evidence: &EvidenceRef) -> Option<Problem> {
    if blank(&evidence.title) {
        return Some(Problem::new(
            Code::InvalidEvidence,
            "佐证材料缺少标题",
            "an evidence reference has no title",
        ));
    }
    if !evidence.date.is_empty() && !is_date(&evidence.date) {
        return Some(Problem::new(
            Code::InvalidEvidence,
            format!("佐证材料日期「{}」应为 YYYY-MM-DD 格式", evidence.date),
            format!("evidence date “{}” should be YYYY-MM-DD", evidence.date),
        ));
    }
    if let Some(file) = &evidence.file
        && (file.name.trim().is_empty() || !crate::canonical::is_sha256_hex(&file.sha256))
    {
        return Some(Problem::new(
            Code::InvalidEvidence,
            "佐证文件缺少文件名，或其 SHA-256 不是 64 位小写十六进制",
            "an evidence file lacks a name, or its SHA-256 is not 64 lower-case hex digits",
        ));
    }
    None
}

/// Whether `s` is a calendar date `YYYY-MM-DD` (years 1900–2999).
///
/// ```
/// use shifan_rules::assessment::is_date;
/// assert!(is_date("2024-02-29"));
/// assert!(!is_date("2023-02-29"));
/// assert!(!is_date("2023-2-1"));
/// ```
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..3000).contains(&y) && (1..=days).contains(&d)
}

/// One answer per catalog indicator, edited only through methods that keep the rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    answers: Vec<Answer>,
}

impl Assessment {
    /// Every indicator of `catalog`, unanswered.
    pub fn new(catalog: &Catalog) -> Self {
        Assessment {
            answers: catalog
                .indicators()
                .map(|i| Answer::unanswered(i.number))
                .collect(),
        }
    }

    /// Adopts answers read from a file or storage; they must already be in catalog order,
    /// one per indicator (as a verified file guarantees). Anything else is rebuilt: known
    /// answers kept, missing ones unanswered, unknown ones dropped.
    pub fn from_answers(catalog: &Catalog, answers: Vec<Answer>) -> Self {
        let aligned = answers.len() == catalog.len()
            && answers
                .iter()
                .zip(catalog.indicators())
                .all(|(a, i)| a.number == i.number);
        if aligned {
            return Assessment { answers };
        }
        let mut fresh = Assessment::new(catalog);
        for answer in answers {
            if let Some(slot) = fresh.get_mut(answer.number)
                && *slot == Answer::unanswered(answer.number)
            {
                *slot = answer;
            }
        }
        fresh
    }

    /// The answers in catalog order.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// The answer to indicator `number`.
    pub fn get(&self, number: u16) -> Option<&Answer> {
        self.answers
            .get(usize::from(number).checked_sub(1)?)
            .filter(|a| a.number == number)
    }

    fn get_mut(&mut self, number: u16) -> Option<&mut Answer> {
        self.answers
            .get_mut(usize::from(number).checked_sub(1)?)
            .filter(|a| a.number == number)
    }

    /// Ticks or unticks point `point` (0-based) of indicator `number`; the status then follows
    /// the points, unless it is "not applicable" or an override that the new points do not
    /// confirm. Returns whether anything changed.
    pub fn toggle_point(&mut self, catalog: &Catalog, number: u16, point: usize) -> bool {
        let Some(criteria) = catalog.indicator(number).map(|i| i.criteria.len()) else {
            return false;
        };
        let Ok(point) = u8::try_from(point) else {
            return false;
        };
        if usize::from(point) >= criteria {
            return false;
        }
        let Some(answer) = self.get_mut(number) else {
            return false;
        };
        let was_override = answer.is_override(criteria);
        match answer.satisfied.binary_search(&point) {
            Ok(at) => {
                answer.satisfied.remove(at);
            }
            Err(at) => answer.satisfied.insert(at, point),
        }
        let suggested = suggested_status(answer.satisfied.len(), criteria);
        match answer.status {
            Status::NotApplicable => {}
            _ if was_override && answer.status != suggested => {}
            _ => {
                answer.status = suggested;
                answer.reason.clear();
            }
        }
        true
    }

    /// Sets the status of indicator `number`, with the reason it needs (for "not applicable" or
    /// for an override) or an empty one. Setting "unanswered" clears the ticked points.
    ///
    /// Fails with the problem when a needed reason is missing, leaving the answer unchanged.
    pub fn set_status(
        &mut self,
        catalog: &Catalog,
        number: u16,
        status: Status,
        reason: &str,
    ) -> Result<(), Problem> {
        let Some(criteria) = catalog.indicator(number).map(|i| i.criteria.len()) else {
            return Err(Problem::new(
                Code::UnknownIndicator,
                format!("没有第 {number} 项指标"),
                format!("there is no indicator {number}"),
            ));
        };
        let Some(answer) = self.get_mut(number) else {
            return Err(Problem::new(
                Code::UnknownIndicator,
                format!("没有第 {number} 项指标"),
                format!("there is no indicator {number}"),
            ));
        };
        let mut candidate = answer.clone();
        candidate.status = status;
        candidate.reason = reason.trim().to_string();
        if status == Status::Unanswered {
            candidate.satisfied.clear();
            candidate.reason.clear();
        }
        if !(status == Status::NotApplicable || candidate.is_override(criteria)) {
            candidate.reason.clear();
        }
        if let Some(problem) = candidate
            .problems(criteria)
            .into_iter()
            .find(|p| matches!(p.code, Code::MissingReason | Code::OverrideWithoutReason))
        {
            return Err(problem);
        }
        *answer = candidate;
        Ok(())
    }

    /// Replaces the note of indicator `number`.
    pub fn set_note(&mut self, number: u16, note: &str) -> bool {
        self.get_mut(number)
            .map(|a| a.note = note.to_string())
            .is_some()
    }

    /// Adds an evidence reference to indicator `number`, after checking it.
    pub fn add_evidence(&mut self, number: u16, evidence: EvidenceRef) -> Result<(), Problem> {
        if let Some(problem) = evidence_problem(&evidence) {
            return Err(problem.at_indicator(number));
        }
        match self.get_mut(number) {
            Some(a) => {
                a.evidence.push(evidence);
                Ok(())
            }
            None => Err(Problem::new(
                Code::UnknownIndicator,
                format!("没有第 {number} 项指标"),
                format!("there is no indicator {number}"),
            )),
        }
    }

    /// Replaces evidence reference `index` of indicator `number` (an edited entry keeps its
    /// place in the list); checked like [`Assessment::add_evidence`], and nothing changes when
    /// it is refused. An entry that is no longer there is added instead: an edit is never lost.
    pub fn replace_evidence(
        &mut self,
        number: u16,
        index: usize,
        evidence: EvidenceRef,
    ) -> Result<(), Problem> {
        if let Some(problem) = evidence_problem(&evidence) {
            return Err(problem.at_indicator(number));
        }
        match self.get_mut(number).and_then(|a| a.evidence.get_mut(index)) {
            Some(slot) => {
                *slot = evidence;
                Ok(())
            }
            None => self.add_evidence(number, evidence),
        }
    }

    /// Removes evidence reference `index` of indicator `number`.
    pub fn remove_evidence(&mut self, number: u16, index: usize) -> Option<EvidenceRef> {
        let answer = self.get_mut(number)?;
        (index < answer.evidence.len()).then(|| answer.evidence.remove(index))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn catalog() -> &'static Catalog {
        Catalog::reference()
    }

    #[test]
    fn a_reason_or_title_of_invisible_characters_is_not_written() {
        // Found by the bad-input corpus: a zero-width space passed for a reason.
        let c = catalog();
        let n = 1;
        for invisible in [
            "\u{200B}",
            " \u{3000}\u{200B} ",
            "\u{202E}\u{202C}",
            "\u{FEFF}\u{2060}",
        ] {
            let mut a = Assessment::new(c);
            let err = a
                .set_status(c, n, Status::NotApplicable, invisible)
                .unwrap_err();
            assert_eq!(err.code, Code::MissingReason, "{invisible:?}");
            let answer = Answer {
                evidence: vec![EvidenceRef {
                    title: invisible.into(),
                    ..EvidenceRef::default()
                }],
                ..a.get(n).unwrap().clone()
            };
            let codes: Vec<Code> = answer.problems(4).iter().map(|p| p.code).collect();
            assert_eq!(codes, [Code::InvalidEvidence], "{invisible:?}");
        }
        let mut a = Assessment::new(c);
        a.set_status(c, n, Status::NotApplicable, "\u{200B}本县无此职能")
            .unwrap();
    }

    #[test]
    fn status_follows_points_until_overridden() {
        let c = catalog();
        let n = 1;
        let points = c.indicator(n).unwrap().criteria.len();
        let mut a = Assessment::new(c);
        assert_eq!(a.get(n).unwrap().status, Status::Unanswered);
        a.toggle_point(c, n, 0);
        assert_eq!(
            a.get(n).unwrap().status,
            if points == 1 {
                Status::Met
            } else {
                Status::PartlyMet
            }
        );
        for p in 1..points {
            a.toggle_point(c, n, p);
        }
        assert_eq!(a.get(n).unwrap().status, Status::Met);
        a.toggle_point(c, n, 0);
        assert_eq!(a.get(n).unwrap().status, Status::PartlyMet);

        // Override needs a reason, and survives a toggle that does not confirm it.
        assert_eq!(
            a.set_status(c, n, Status::Met, " ").unwrap_err().code,
            Code::OverrideWithoutReason
        );
        a.set_status(c, n, Status::Met, "已由上级认定").unwrap();
        a.toggle_point(c, n, 1);
        assert_eq!(a.get(n).unwrap().status, Status::Met);
        assert_eq!(a.get(n).unwrap().reason, "已由上级认定");

        // Not applicable needs a reason and is kept through toggles.
        assert_eq!(
            a.set_status(c, n, Status::NotApplicable, "")
                .unwrap_err()
                .code,
            Code::MissingReason
        );
        a.set_status(c, n, Status::NotApplicable, "本县无此事项")
            .unwrap();
        a.toggle_point(c, n, 0);
        assert_eq!(a.get(n).unwrap().status, Status::NotApplicable);

        // Back to unanswered clears everything judged.
        a.set_status(c, n, Status::Unanswered, "").unwrap();
        let answer = a.get(n).unwrap();
        assert!(answer.satisfied.is_empty() && answer.reason.is_empty());
    }

    #[test]
    fn rejects_points_out_of_range_and_bad_evidence() {
        let c = catalog();
        let mut a = Assessment::new(c);
        assert!(!a.toggle_point(c, 1, 99));
        assert!(!a.toggle_point(c, 0, 0));
        let bad = EvidenceRef {
            title: "通知".into(),
            date: "2020-13-01".into(),
            ..Default::default()
        };
        assert_eq!(
            a.add_evidence(1, bad).unwrap_err().code,
            Code::InvalidEvidence
        );
        let good = EvidenceRef {
            title: "通知".into(),
            date: "2020-12-01".into(),
            ..Default::default()
        };
        a.add_evidence(1, good.clone()).unwrap();
        assert_eq!(a.remove_evidence(1, 0), Some(good));
        assert_eq!(a.remove_evidence(1, 0), None);
    }

    #[test]
    fn an_edited_evidence_reference_replaces_the_entry_in_its_place() {
        let c = catalog();
        let mut a = Assessment::new(c);
        let entry = |title: &str, date: &str| EvidenceRef {
            title: title.into(),
            date: date.into(),
            ..Default::default()
        };
        a.add_evidence(1, entry("一", "2020-01-01")).unwrap();
        a.add_evidence(1, entry("二", "2020-01-02")).unwrap();
        a.replace_evidence(1, 0, entry("一（改）", "2021-01-01"))
            .unwrap();
        let titles: Vec<&str> = a
            .get(1)
            .unwrap()
            .evidence
            .iter()
            .map(|e| e.title.as_str())
            .collect();
        assert_eq!(titles, ["一（改）", "二"]);
        // Refused: a bad date, no title, an indicator that is not there; the list is left as
        // it was.
        let before = a.get(1).unwrap().evidence.clone();
        for (number, index, evidence, code) in [
            (1, 0, entry("一", "2020-13-01"), Code::InvalidEvidence),
            (1, 0, entry(" ", ""), Code::InvalidEvidence),
            (0, 0, entry("三", ""), Code::UnknownIndicator),
        ] {
            let problem = a.replace_evidence(number, index, evidence).unwrap_err();
            assert_eq!(problem.code, code, "{number}/{index}");
        }
        assert_eq!(a.get(1).unwrap().evidence, before);
        // An entry removed meanwhile: the edit is added, not lost.
        a.replace_evidence(1, 5, entry("三", "")).unwrap();
        assert_eq!(a.get(1).unwrap().evidence.last().unwrap().title, "三");
    }
}
