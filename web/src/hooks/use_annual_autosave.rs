//! Autosave of the annual report: every change reaches the store after a short pause (like
//! drafts), and at once when the tab is hidden or closed. The record is the sealed report file,
//! stamped with the time of the write (`annual:<code>-<year>`).

use yew::prelude::*;

use crate::annual_state::AnnualAction;
use crate::browser;
use crate::hooks::use_debounced_save::use_debounced_save;
use crate::hooks::use_store::save_record;
use crate::state::{Action, AppHandle};

/// Saves the open annual report (debounced) and on `pagehide` or when the page is hidden.
#[hook]
pub fn use_annual_autosave(state: &AppHandle) {
    let annual = &state.modes.annual;
    let unsaved = annual.unsaved().then(|| annual.open.clone()).flatten();
    use_debounced_save(
        annual.revision,
        unsaved,
        state.host.namespace(),
        state.dispatcher(),
        |revision, open, ns, dispatch, _leaving| {
            let now = browser::now_iso();
            let sealed = open.seal(&now);
            save_record(ns, open.key(), &sealed.to_json(), dispatch, move |result| {
                Action::annual(AnnualAction::Saved {
                    revision,
                    result: result.map(|()| now),
                })
            })
        },
    );
}
