//! The comparison table, derived from the review state: one row per application (its
//! `ComparisonRow` from `shifan-rules`, its opinion and its flags), filtered and sorted as the
//! office chose. Nothing here is stored; the table is recomputed when it is shown.

use std::cmp::Ordering;
use std::sync::Arc;

use shifan_rules::package::Decision;
use shifan_rules::review::{ComparisonRow, compare_compliance, duplicate_pairs};
use shifan_rules::session::{Opinion, Session};
use shifan_rules::{Kind, Problem, Verified};

/// A column of the comparison table (every one sorts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// Applicant (sorted by division code).
    Applicant,
    /// Kind.
    Kind,
    /// Single-item category.
    Category,
    /// Compliance, exactly.
    Compliance,
    /// Meets the comprehensive bar (estimate).
    MeetsBar,
    /// Compliance of one area (0-based, catalog order).
    Area(usize),
    /// Unanswered applicable indicators.
    Unanswered,
    /// Evidence references.
    Evidence,
    /// Short fingerprint.
    Fingerprint,
    /// The office's decision.
    Decision,
    /// Rank among the recommended.
    Rank,
}

/// Sort order: a column and a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    /// The column.
    pub column: Column,
    /// Highest first.
    pub descending: bool,
}

impl Default for Sort {
    /// Compliance, highest first.
    fn default() -> Self {
        Sort {
            column: Column::Compliance,
            descending: true,
        }
    }
}

impl Sort {
    /// The order after a click on `column`: the same column reverses; another starts with
    /// the order a reviewer wants first (best compliance, rank 1, A to Z).
    pub fn by(self, column: Column) -> Sort {
        if self.column == column {
            return Sort {
                column,
                descending: !self.descending,
            };
        }
        let descending = matches!(
            column,
            Column::Compliance | Column::MeetsBar | Column::Area(_) | Column::Evidence
        );
        Sort { column, descending }
    }

    /// The `aria-sort` value of a column header.
    pub fn aria(self, column: Column) -> &'static str {
        match (self.column == column, self.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }
}

/// Filter by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindFilter {
    /// Every kind.
    All,
    /// Comprehensive only.
    Comprehensive,
    /// Single-item only.
    SingleItem,
}

/// Filter by the (estimated) verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerdictFilter {
    /// Every application.
    All,
    /// Meets the comprehensive bar.
    Meets,
    /// Below it.
    Below,
}

/// Filter by decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionFilter {
    /// Every decision.
    All,
    /// Only this decision.
    Only(Decision),
}

/// One row of the table.
#[derive(Clone, Debug)]
pub struct Row {
    /// The application's integrity fingerprint.
    pub id: String,
    /// The name of the file it came from.
    pub file_name: String,
    /// The verified application.
    pub verified: Arc<Verified>,
    /// Its figures, from `shifan-rules`.
    pub row: ComparisonRow,
    /// The office's opinion.
    pub opinion: Opinion,
    /// Why it is not for this city, if it is not.
    pub outside: Option<Problem>,
    /// Another open file is the same submission.
    pub duplicate: bool,
    /// A single-item application (no comprehensive bar).
    pub single: bool,
}

/// Two rows are equal when they show the same: the same application (by fingerprint: its
/// file cannot change under it) under the same name, with the same opinion and flags. A row
/// component compares its props so, and is drawn again only when one of them changed.
impl PartialEq for Row {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.file_name == other.file_name
            && self.opinion == other.opinion
            && self.outside == other.outside
            && self.duplicate == other.duplicate
    }
}

/// The first `limit` of `items`, and how many are left out (drawn on request; see
/// [`super::Shown`]).
pub fn first<T>(items: &[T], limit: usize) -> (&[T], usize) {
    let shown = items.len().min(limit);
    (&items[..shown], items.len() - shown)
}

/// Every application of the session as a row, in the order opened, with its flags.
pub fn all_rows(session: &Session) -> Vec<Row> {
    let apps = session.applications();
    let files: Vec<_> = apps.iter().map(|r| &r.verified.file).collect();
    let mut duplicate = vec![false; apps.len()];
    for (i, j) in duplicate_pairs(&files) {
        duplicate[i] = true;
        duplicate[j] = true;
    }
    apps.iter()
        .zip(duplicate)
        .map(|(r, duplicate)| Row {
            id: r.integrity().to_string(),
            file_name: r.file_name.clone(),
            row: ComparisonRow::of(&r.verified),
            opinion: r.opinion.clone(),
            outside: session.outside_problem(r),
            duplicate,
            single: matches!(r.verified.file.kind, Kind::SingleItem { .. }),
            verified: r.verified.clone(),
        })
        .collect()
}

fn decision_order(d: Decision) -> u8 {
    match d {
        Decision::Recommend => 0,
        Decision::Pending => 1,
        Decision::NotRecommend => 2,
    }
}

/// Compares two rows by a column, ascending.
pub fn compare(a: &Row, b: &Row, column: Column) -> Ordering {
    match column {
        Column::Applicant => a.row.division_code.cmp(&b.row.division_code),
        Column::Kind => a.row.kind_zh.cmp(b.row.kind_zh),
        Column::Category => a.row.category.cmp(&b.row.category),
        Column::Compliance => compare_compliance(a.row.compliance, b.row.compliance),
        Column::MeetsBar => ComparisonRow::by_verdict(&a.row, &b.row),
        Column::Area(i) => match (a.row.areas.get(i), b.row.areas.get(i)) {
            (Some(x), Some(y)) => compare_compliance(*x, *y),
            (x, y) => x.is_some().cmp(&y.is_some()),
        },
        Column::Unanswered => a.row.unanswered.cmp(&b.row.unanswered),
        Column::Evidence => a.row.evidence.cmp(&b.row.evidence),
        Column::Fingerprint => a.row.fingerprint.cmp(&b.row.fingerprint),
        Column::Decision => decision_order(a.opinion.decision)
            .cmp(&decision_order(b.opinion.decision))
            .then_with(|| rank_key(a).cmp(&rank_key(b))),
        Column::Rank => rank_key(a).cmp(&rank_key(b)),
    }
}

/// Ranked first (1, 2, …), unranked after.
fn rank_key(r: &Row) -> u64 {
    r.opinion.rank.map_or(u64::MAX, u64::from)
}

/// Whether a row passes the filters.
pub fn keep(r: &Row, kind: KindFilter, verdict: VerdictFilter, decision: DecisionFilter) -> bool {
    let kind_ok = match kind {
        KindFilter::All => true,
        KindFilter::Comprehensive => !r.single,
        KindFilter::SingleItem => r.single,
    };
    let verdict_ok = match verdict {
        VerdictFilter::All => true,
        VerdictFilter::Meets => r.row.meets_bar(),
        VerdictFilter::Below => r.row.below_bar(),
    };
    let decision_ok = match decision {
        DecisionFilter::All => true,
        DecisionFilter::Only(d) => r.opinion.decision == d,
    };
    kind_ok && verdict_ok && decision_ok
}

/// The rows shown: filtered, then sorted.
pub fn shown_rows(state: &super::ReviewState) -> Vec<Row> {
    let mut rows: Vec<Row> = all_rows(&state.session)
        .into_iter()
        .filter(|r| keep(r, state.kind, state.verdict, state.decision))
        .collect();
    let sort = state.sort;
    rows.sort_by(|a, b| {
        let o = compare(a, b, sort.column);
        let o = if sort.descending { o.reverse() } else { o };
        // Ties: by division code, then fingerprint, always ascending.
        o.then_with(|| a.row.division_code.cmp(&b.row.division_code))
            .then_with(|| a.id.cmp(&b.id))
    });
    rows
}
