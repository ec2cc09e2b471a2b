//! Autosave of the city review: every change to the review session reaches browser storage
//! after a short pause (like drafts), and at once when the tab is hidden or closed. (Which
//! mode a tab shows is the page's alone: `review.html` always opens the review.)

use yew::prelude::*;

use crate::browser;
use crate::hooks::use_debounced_save::use_debounced_save;
use crate::review::{ReviewAction, io};
use crate::state::{Action, AppHandle};

/// Saves the review session (debounced) and on `pagehide` or when the page is hidden.
#[hook]
pub fn use_review_autosave(state: &AppHandle) {
    let review = &state.review;
    let unsaved = (review.loaded && review.unsaved()).then(|| review.session.clone());
    use_debounced_save(
        review.revision,
        unsaved,
        state.dispatcher(),
        |revision, session, dispatch| {
            let result = io::save_session(&session).map(|()| browser::now_iso());
            dispatch.dispatch(Action::Review(ReviewAction::Saved { revision, result }));
        },
    );
}
