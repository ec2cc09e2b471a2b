//! Autosave: every change to the draft reaches the store within half a second, and at once
//! when the tab is hidden or closed.

use yew::prelude::*;

use crate::hooks::use_debounced_save::use_debounced_save;
use crate::hooks::use_store::save_draft;
use crate::state::{Action, AppHandle};

/// Saves the open draft (debounced) and on `pagehide` or when the page is hidden; the result
/// reaches the reducer as [`Action::Saved`], with the time the draft was stamped with.
#[hook]
pub fn use_autosave(state: &AppHandle) {
    let unsaved = state.draft.as_ref().filter(|_| state.unsaved()).cloned();
    use_debounced_save(
        state.revision,
        unsaved,
        state.host.namespace(),
        state.dispatcher(),
        |revision, draft, ns, dispatch, _leaving| {
            save_draft(ns, draft, dispatch, move |result| Action::Saved {
                revision,
                result,
            })
        },
    );
}
