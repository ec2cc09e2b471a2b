//! The city review's components, one per file (its entry points are
//! [`crate::components::mode_entry`]): the page and its parts — the reviewing office, opening files, rejected files,
//! duplicates, the comparison table, the heat map, the export — and the read-only viewer with
//! the opinion form.

pub mod duplicates;
pub mod export;
pub mod heatmap;
pub mod notices;
pub mod open_files;
pub mod opinion;
pub mod page;
pub mod rejected;
pub mod setup;
pub mod table;
pub mod viewer;

use shifan_rules::Lang;
use shifan_rules::package::Decision;
use yew::prelude::*;

use crate::components::{send, send_value};
use crate::review::ReviewAction;
use crate::state::{Action, Dispatch};

/// A callback that dispatches a review action whatever the event.
pub fn review<E: 'static>(dispatch: &Dispatch, action: ReviewAction) -> Callback<E> {
    send(dispatch, Action::Review(action))
}

/// A callback that dispatches the review action `make` builds from the element's value.
pub fn review_value<E: AsRef<Event> + 'static>(
    dispatch: &Dispatch,
    make: impl Fn(String) -> ReviewAction + 'static,
) -> Callback<E> {
    send_value(dispatch, Box::new(move |v| Action::Review(make(v))))
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
