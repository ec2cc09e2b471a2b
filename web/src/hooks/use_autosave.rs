//! Autosave: every change to the draft reaches browser storage within a second, and at once
//! when the tab is hidden or closed.

use yew::prelude::*;

use crate::browser;
use crate::hooks::use_debounced_save::use_debounced_save;
use crate::state::{Action, AppHandle};

/// Saves the open draft (debounced) and on `pagehide` or when the page is hidden; the result
/// reaches the reducer as [`Action::Saved`].
#[hook]
pub fn use_autosave(state: &AppHandle) {
    let unsaved = state.draft.as_ref().filter(|_| state.unsaved()).cloned();
    use_debounced_save(
        state.revision,
        unsaved,
        state.dispatcher(),
        |revision, draft, dispatch| {
            let result = browser::save_draft(&draft).map(|()| browser::now_iso());
            dispatch.dispatch(Action::Saved { revision, result });
        },
    );
}
