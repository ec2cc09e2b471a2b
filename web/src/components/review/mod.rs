//! The city review's components, one per file (its entry points are
//! [`crate::components::mode_entry`]): the page and its parts — the reviewing office, opening files, rejected files,
//! duplicates, the comparison table, the heat map, the export — and the read-only viewer with
//! the opinion form.

pub mod duplicates;
pub mod export;
pub mod heatmap;
pub mod more;
pub mod notices;
pub mod open_files;
pub mod opinion;
pub mod page;
pub mod rejected;
pub mod setup;
pub mod sheet;
pub mod table;
pub mod table_row;
pub mod viewer;

use shifan_rules::package::Decision;
use shifan_rules::review::{ComparisonRow, duplicate_pairs};
use shifan_rules::session::Session;
use shifan_rules::{Lang, Verified};
use yew::prelude::*;

use crate::browser;
use crate::components::{send, send_value};
use crate::i18n::fill;
use crate::i18n::review::review_texts;
use crate::review::ReviewAction;
use crate::state::{Action, Dispatch};

/// A callback that dispatches a review action whatever the event.
pub fn review<E: 'static>(dispatch: &Dispatch, action: ReviewAction) -> Callback<E> {
    send(dispatch, Action::review(action))
}

/// A callback that dispatches the review action `make` builds from the element's value.
pub fn review_value<E: AsRef<Event> + 'static>(
    dispatch: &Dispatch,
    make: impl Fn(String) -> ReviewAction + 'static,
) -> Callback<E> {
    send_value(dispatch, Box::new(move |v| Action::review(make(v))))
}

/// Every decision, in the order offered.
pub const DECISIONS: [Decision; 3] = [
    Decision::Recommend,
    Decision::NotRecommend,
    Decision::Pending,
];

/// A decision's stable name (as in the package file), for form values and `data-` attributes.
pub fn decision_key(d: Decision) -> &'static str {
    match d {
        Decision::Recommend => "recommend",
        Decision::NotRecommend => "not_recommend",
        Decision::Pending => "pending",
    }
}

/// The decision named by [`decision_key`].
pub fn decision_of(key: &str) -> Option<Decision> {
    DECISIONS.into_iter().find(|d| decision_key(*d) == key)
}

/// A decision's label in `lang`, as `shifan-rules` names it.
pub fn decision_label(lang: Lang, d: Decision) -> &'static str {
    d.label(lang)
}

/// Why recommending the application `verified`, or ranking it first, is a weak choice, one reason a line in
/// `lang`: a comprehensive application below its catalog's bar (or any at 0%), unanswered
/// indicators, and every warning its verification gave (such as an incomplete single-item
/// narrative). The figures are `shifan-rules`' (its comparison row and warnings). Empty when
/// nothing speaks against it.
pub fn weak_reasons(verified: &Verified, lang: Lang) -> Vec<String> {
    weak_reasons_of(&ComparisonRow::of(verified), verified, lang)
}

/// [`weak_reasons`] from the application's comparison row, when the caller has it already
/// (the table has one per row).
pub fn weak_reasons_of(row: &ComparisonRow, verified: &Verified, lang: Lang) -> Vec<String> {
    let rt = review_texts(lang);
    let c = row.compliance;
    let mut reasons = Vec::new();
    if c.per_mille().is_none_or(|pm| pm == 0) {
        reasons.push(fill(rt.weak_zero, &[&c.percent()]));
    } else if row.below_bar() {
        let bar = verified.catalog.threshold().percent(lang);
        reasons.push(fill(rt.weak_below_bar, &[&c.percent(), &c.formula(), &bar]));
    }
    if row.unanswered > 0 {
        reasons.push(fill(rt.weak_unanswered, &[&row.unanswered.to_string()]));
    }
    reasons.extend(
        verified
            .warnings
            .iter()
            .map(|w| w.message.get(lang).to_string()),
    );
    reasons
}

/// Asks, when `reasons` speak against it, whether the office really means to recommend (or,
/// with `first`, to rank first) the application of `name`; `true` when there is nothing to
/// ask or the office confirms. The choice is never blocked.
pub fn confirm_weak(lang: Lang, name: &str, reasons: &[String], first: bool) -> bool {
    if reasons.is_empty() {
        return true;
    }
    let rt = review_texts(lang);
    let list: Vec<String> = reasons.iter().map(|r| format!("· {r}")).collect();
    let question = if first {
        rt.weak_first_confirm
    } else {
        rt.weak_recommend_confirm
    };
    browser::confirm(&fill(question, &[name, &list.join("\n")]))
}

/// The duplicate submissions not yet resolved: groups of the same county's applications of
/// the same kind (`shifan_rules::review`'s rule) of which more than one is still going
/// forward (recommended or pending). Each group is named by its applicant.
pub fn unresolved_duplicates(session: &Session) -> Vec<String> {
    let apps = session.applications();
    let files: Vec<_> = apps.iter().map(|r| &r.verified.file).collect();
    duplicates::groups(apps.len(), &duplicate_pairs(&files))
        .into_iter()
        .filter(|group| {
            group
                .iter()
                .filter(|&&i| apps[i].opinion.decision != Decision::NotRecommend)
                .count()
                > 1
        })
        .map(|group| apps[group[0]].verified.file.applicant.display_name())
        .collect()
}
