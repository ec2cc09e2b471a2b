//! Scoring: counts per status, compliance (met ÷ applicable) per area and in total, the
//! comprehensive verdict in exact integer arithmetic, and the list of gaps.
//!
//! Indicators that the catalog does not apply to the applicant's level are *excluded*: they are
//! neither answered nor applicable. Unanswered indicators stay in the denominator, so the estimate
//! only rises as work is done.

use crate::assessment::{Answer, Status};
use crate::catalog::{Catalog, Threshold};
use crate::division::GovLevel;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Counts of indicators by status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    /// Met.
    pub met: u32,
    /// Partly met.
    pub partly_met: u32,
    /// Not met.
    pub not_met: u32,
    /// Not applicable, by the applicant's stated reason.
    pub not_applicable: u32,
    /// Not yet answered.
    pub unanswered: u32,
    /// Excluded because the catalog does not apply them to this level of government.
    pub excluded: u32,
}

impl Tally {
    fn add(&mut self, status: Option<Status>) {
        match status {
            None => self.excluded += 1,
            Some(Status::Met) => self.met += 1,
            Some(Status::PartlyMet) => self.partly_met += 1,
            Some(Status::NotMet) => self.not_met += 1,
            Some(Status::NotApplicable) => self.not_applicable += 1,
            Some(Status::Unanswered) => self.unanswered += 1,
        }
    }

    /// Indicators in the denominator: everything not excluded and not declared not applicable.
    pub fn applicable(&self) -> u32 {
        self.met + self.partly_met + self.not_met + self.unanswered
    }

    /// Indicators the applicant has to answer (all but the excluded ones).
    pub fn to_answer(&self) -> u32 {
        self.applicable() + self.not_applicable
    }

    /// Indicators answered so far.
    pub fn answered(&self) -> u32 {
        self.to_answer() - self.unanswered
    }

    /// Every indicator counted.
    pub fn total(&self) -> u32 {
        self.to_answer() + self.excluded
    }

    /// Compliance as an exact ratio.
    pub fn compliance(&self) -> Ratio {
        Ratio {
            met: self.met,
            applicable: self.applicable(),
        }
    }
}

/// Compliance as an exact ratio: met ÷ applicable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    /// Numerator: indicators met.
    pub met: u32,
    /// Denominator: applicable indicators.
    pub applicable: u32,
}

impl Ratio {
    /// The ratio in tenths of a percent, rounded *down*, so a display never shows a rounded-up
    /// 90.0% for a value below the line. `None` when nothing is applicable.
    ///
    /// ```
    /// use shifan_rules::Ratio;
    /// assert_eq!(Ratio { met: 89, applicable: 99 }.per_mille(), Some(898));
    /// assert_eq!(Ratio { met: 0, applicable: 0 }.per_mille(), None);
    /// ```
    pub fn per_mille(&self) -> Option<u32> {
        (self.applicable > 0)
            .then(|| (u64::from(self.met) * 1000 / u64::from(self.applicable)) as u32)
    }

    /// The percentage with one decimal, e.g. `89.8%`, or `—` when nothing is applicable.
    ///
    /// ```
    /// use shifan_rules::Ratio;
    /// assert_eq!(Ratio { met: 9, applicable: 10 }.percent(), "90.0%");
    /// assert_eq!(Ratio { met: 2, applicable: 3 }.percent(), "66.6%");
    /// ```
    pub fn percent(&self) -> String {
        match self.per_mille() {
            Some(pm) => format!("{}.{}%", pm / 10, pm % 10),
            None => "—".to_string(),
        }
    }

    /// The note that says how every percentage is shown.
    pub fn rounding_note(lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => "百分比均向下取整到 0.1%，不会显示尚未达到的比例。",
            crate::Lang::En => {
                "Percentages are rounded down to 0.1%, so none shows a share not reached."
            }
        }
    }

    /// The formula a user can recompute, e.g. `93 ÷ 98`.
    pub fn formula(&self) -> String {
        format!("{} ÷ {}", self.met, self.applicable)
    }
}

/// The comprehensive verdict, always an estimate for self-checking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Met indicators reach the catalog's threshold of applicable ones.
    MeetsBar,
    /// Not yet.
    NotYet,
}

impl Verdict {
    /// Chinese label, saying it is an estimate.
    pub fn label_zh(self) -> &'static str {
        match self {
            Verdict::MeetsBar => "预估：达到综合示范标准",
            Verdict::NotYet => "预估：尚未达到综合示范标准",
        }
    }

    /// English label, saying it is an estimate.
    pub fn label_en(self) -> &'static str {
        match self {
            Verdict::MeetsBar => "Estimate: meets the comprehensive bar",
            Verdict::NotYet => "Estimate: not yet at the comprehensive bar",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.label_zh(),
            crate::Lang::En => self.label_en(),
        }
    }

    /// The verdict's label in `lang`, or, for a single-item application (no verdict), that
    /// there is no comprehensive bar for it.
    pub fn label_of(verdict: Option<Verdict>, lang: crate::Lang) -> &'static str {
        match (verdict, lang) {
            (Some(v), _) => v.label(lang),
            (None, crate::Lang::Zh) => "单项示范：不评综合示范标准",
            (None, crate::Lang::En) => "Single-item: no comprehensive bar",
        }
    }

    /// The short answer of a table cell under "meets the comprehensive bar": yes, no, or, for
    /// a single-item application (no verdict), "—（单项）".
    ///
    /// ```
    /// use shifan_rules::{Lang, Verdict};
    /// assert_eq!(Verdict::cell(Some(Verdict::MeetsBar), Lang::Zh), "是");
    /// assert_eq!(Verdict::cell(None, Lang::Zh), "—（单项）");
    /// assert_eq!(Verdict::cell(None, Lang::En), "— (single-item)");
    /// ```
    pub fn cell(verdict: Option<Verdict>, lang: crate::Lang) -> &'static str {
        let zh = lang == crate::Lang::Zh;
        match (verdict, zh) {
            (Some(Verdict::MeetsBar), true) => "是",
            (Some(Verdict::NotYet), true) => "否",
            (None, true) => "—（单项）",
            (Some(Verdict::MeetsBar), false) => "yes",
            (Some(Verdict::NotYet), false) => "no",
            (None, false) => "— (single-item)",
        }
    }
}

/// The score of one area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaScore {
    /// Area number.
    pub number: u8,
    /// Area title.
    pub title: String,
    /// Counts in this area.
    pub tally: Tally,
}

/// The full score of an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// Counts over the whole catalog.
    pub total: Tally,
    /// Counts per area, in catalog order.
    pub areas: Vec<AreaScore>,
    /// The threshold the verdict used.
    pub threshold: Threshold,
    /// The comprehensive verdict.
    pub verdict: Verdict,
}

impl Score {
    /// The compact summary stored in application files.
    pub fn summary(&self) -> Summary {
        Summary {
            total: self.total,
            areas: self
                .areas
                .iter()
                .map(|a| AreaSummary {
                    number: a.number,
                    tally: a.tally,
                })
                .collect(),
            meets_bar: self.verdict == Verdict::MeetsBar,
        }
    }
}

/// The summary an application file declares, checked against a recomputation when read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// Counts over the whole catalog.
    pub total: Tally,
    /// Counts per area.
    pub areas: Vec<AreaSummary>,
    /// Whether the comprehensive bar is estimated to be met.
    pub meets_bar: bool,
}

/// One area's counts in a [`Summary`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaSummary {
    /// Area number.
    pub number: u8,
    /// Counts.
    pub tally: Tally,
}

/// The effective status of indicator `number` for a government at `level`: `None` when the
/// catalog excludes it, otherwise the answer's status (unanswered when there is no answer).
fn effective(
    catalog: &Catalog,
    level: GovLevel,
    number: u16,
    answer: Option<&Answer>,
) -> Option<Status> {
    let indicator = catalog.indicator(number)?;
    if !indicator.applies_to.applies_to(level) {
        return None;
    }
    Some(answer.map_or(Status::Unanswered, |a| a.status))
}

fn answer_for(answers: &[Answer], number: u16) -> Option<&Answer> {
    // Answers are normally in catalog order, one each; fall back to a search otherwise.
    match answers.get(usize::from(number).wrapping_sub(1)) {
        Some(a) if a.number == number => Some(a),
        _ => answers.iter().find(|a| a.number == number),
    }
}

/// Scores `answers` against `catalog` for a government at `level`.
pub fn score(catalog: &Catalog, level: GovLevel, answers: &[Answer]) -> Score {
    let mut total = Tally::default();
    let mut areas = Vec::with_capacity(catalog.areas().len());
    for area in catalog.areas() {
        let mut tally = Tally::default();
        for indicator in area.sections.iter().flat_map(|s| &s.indicators) {
            let status = effective(
                catalog,
                level,
                indicator.number,
                answer_for(answers, indicator.number),
            );
            tally.add(status);
            total.add(status);
        }
        areas.push(AreaScore {
            number: area.number,
            title: area.title.clone(),
            tally,
        });
    }
    let threshold = catalog.threshold();
    let verdict = if threshold.is_reached(total.met, total.applicable()) {
        Verdict::MeetsBar
    } else {
        Verdict::NotYet
    };
    Score {
        total,
        areas,
        threshold,
        verdict,
    }
}

/// An indicator that keeps the applicant from full marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Indicator number.
    pub number: u16,
    /// Its status: not met, partly met or unanswered.
    pub status: Status,
}

/// The gaps — not met, partly met and unanswered applicable indicators — in catalog order.
pub fn gaps(catalog: &Catalog, level: GovLevel, answers: &[Answer]) -> Vec<Gap> {
    catalog
        .indicators()
        .filter_map(|i| {
            let status = effective(catalog, level, i.number, answer_for(answers, i.number))?;
            matches!(
                status,
                Status::NotMet | Status::PartlyMet | Status::Unanswered
            )
            .then_some(Gap {
                number: i.number,
                status,
            })
        })
        .collect()
}

/// How many more indicators must be met to reach the threshold with the current denominator,
/// assuming nothing else changes; zero when the bar is reached.
///
/// ```
/// use shifan_rules::catalog::Threshold;
/// use shifan_rules::score::still_needed;
/// let t = Threshold { numerator: 90, denominator: 100 };
/// assert_eq!(still_needed(t, 85, 100), 5);
/// assert_eq!(still_needed(t, 95, 100), 0);
/// ```
pub fn still_needed(threshold: Threshold, met: u32, applicable: u32) -> u32 {
    let need = (u64::from(threshold.numerator) * u64::from(applicable))
        .div_ceil(u64::from(threshold.denominator.max(1)));
    (need as u32).saturating_sub(met)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::assessment::Assessment;
    use proptest::prelude::*;

    fn with_statuses(statuses: &[Status]) -> Vec<Answer> {
        let catalog = Catalog::reference();
        let mut answers = Assessment::new(catalog).answers().to_vec();
        for (answer, status) in answers.iter_mut().zip(statuses.iter().cycle()) {
            answer.status = *status;
        }
        answers
    }

    fn check(statuses: &[Status], level: GovLevel, expect_met: u32, expect_verdict: Verdict) {
        let catalog = Catalog::reference();
        let s = score(catalog, level, &with_statuses(statuses));
        assert_eq!(s.total.met, expect_met);
        assert_eq!(s.verdict, expect_verdict);
    }

    #[test]
    fn verdict_examples() {
        let catalog = Catalog::reference();
        let excluded = catalog
            .indicators()
            .filter(|i| !i.applies_to.applies_to(GovLevel::County))
            .count() as u32;
        let n = catalog.len() as u32;
        check(
            &[Status::Met],
            GovLevel::County,
            n - excluded,
            Verdict::MeetsBar,
        );
        check(&[Status::Unanswered], GovLevel::County, 0, Verdict::NotYet);
        check(
            &[Status::NotApplicable],
            GovLevel::County,
            0,
            Verdict::NotYet,
        );
    }

    #[test]
    fn excluded_indicators_leave_the_denominator() {
        let catalog = Catalog::reference();
        let s = score(catalog, GovLevel::County, &with_statuses(&[Status::Met]));
        let city_only = catalog
            .indicators()
            .filter(|i| i.applies_to == crate::Applicability::City)
            .count() as u32;
        assert_eq!(s.total.excluded, city_only);
        assert_eq!(s.total.applicable() + city_only, catalog.len() as u32);
    }

    fn status() -> impl Strategy<Value = Status> {
        prop::sample::select(Status::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn counts_add_up_and_verdict_is_exact(statuses in prop::collection::vec(status(), 1..120), city in any::<bool>()) {
            let catalog = Catalog::reference();
            let level = if city { GovLevel::City } else { GovLevel::County };
            let answers = with_statuses(&statuses);
            let s = score(catalog, level, &answers);
            prop_assert_eq!(s.total.total(), catalog.len() as u32);
            let area_sum: u32 = s.areas.iter().map(|a| a.tally.met).sum();
            prop_assert_eq!(area_sum, s.total.met);
            let applicable = s.total.applicable();
            // The verdict agrees with a float computed far from the boundary, and exactly at it.
            let meets = applicable > 0 && s.total.met * 100 >= 90 * applicable;
            prop_assert_eq!(s.verdict == Verdict::MeetsBar, meets);
            let gap_count = gaps(catalog, level, &answers).len() as u32;
            prop_assert_eq!(gap_count, s.total.not_met + s.total.partly_met + s.total.unanswered);
            if let Some(pm) = s.total.compliance().per_mille() {
                prop_assert!(pm <= 1000);
                if s.verdict == Verdict::NotYet { prop_assert!(pm < 900); }
            }
            prop_assert_eq!(still_needed(s.threshold, s.total.met, applicable) == 0, applicable == 0 || meets);
        }
    }
}
