//! Autosave of the city review: every change to the review session reaches the store after a
//! short pause (like drafts), and at once when the tab is hidden or closed; the tab remembers
//! that it shows the review, so a reload comes back to it.

use yew::prelude::*;

use crate::browser;
use crate::hooks::use_debounced_save::use_debounced_save;
use crate::hooks::use_store::save_record;
use crate::record::REVIEW_KEY;
use crate::review::{ReviewAction, io};
use crate::state::{Action, AppHandle};

/// Saves the review session (debounced) and on `pagehide` or when the page is hidden; remembers
/// for the tab's session whether the review is shown.
#[hook]
pub fn use_review_autosave(state: &AppHandle, shown: bool) {
    let review = &state.review;
    let unsaved = (review.loaded && review.unsaved()).then(|| review.session.clone());
    use_effect_with(shown, |&shown| {
        browser::set_session_flag(io::TAB_KEY, shown)
    });
    use_debounced_save(
        review.revision,
        unsaved,
        state.dispatcher(),
        |revision, session, dispatch| {
            save_record(
                REVIEW_KEY.to_string(),
                &session.to_json(),
                dispatch,
                move |result| {
                    let result = result.map(|()| browser::now_iso());
                    Action::Review(ReviewAction::Saved { revision, result })
                },
            )
        },
    );
}
