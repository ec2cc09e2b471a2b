//! Autosave of the city review: every change to the review session reaches the store after a
//! short pause (like drafts), and at once when the tab is hidden or closed. (Which mode a tab
//! shows is the page's alone: `review.html` always opens the review.)

use yew::prelude::*;

use crate::browser;
use crate::hooks::use_debounced_save::use_debounced_save;
use crate::hooks::use_store::save_record;
use crate::record::REVIEW_KEY;
use crate::review::ReviewAction;
use crate::state::{Action, AppHandle};

/// Saves the review session (debounced) and on `pagehide` or when the page is hidden.
#[hook]
pub fn use_review_autosave(state: &AppHandle) {
    let review = &state.modes.review;
    let unsaved = (review.loaded && review.unsaved()).then(|| review.session.clone());
    use_debounced_save(
        review.revision,
        unsaved,
        state.host.namespace(),
        state.dispatcher(),
        |revision, session, ns, dispatch| {
            save_record(
                ns,
                REVIEW_KEY.to_string(),
                &session.to_json(),
                dispatch,
                move |result| {
                    let result = result.map(|()| browser::now_iso());
                    Action::review(ReviewAction::Saved { revision, result })
                },
            )
        },
    );
}
