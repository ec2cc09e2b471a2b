//! Autosave of the province's round: every change to the session reaches the store after a
//! short pause (like drafts), and at once when the tab is hidden or closed. The record is
//! `ProvinceSession::to_json`, the same text as the one-file export.

use yew::prelude::*;

use crate::browser;
use crate::hooks::use_debounced_save::use_debounced_save;
use crate::hooks::use_store::save_record;
use crate::province_state::ProvinceAction;
use crate::record::PROVINCE_KEY;
use crate::state::{Action, AppHandle};

/// Saves the province session (debounced) and on `pagehide` or when the page is hidden.
#[hook]
pub fn use_province_autosave(state: &AppHandle) {
    let province = &state.modes.province;
    let unsaved = province.unsaved().then(|| province.session.clone());
    use_debounced_save(
        province.revision,
        unsaved,
        state.host.namespace(),
        state.dispatcher(),
        |revision, session, ns, dispatch, _leaving| {
            save_record(
                ns,
                PROVINCE_KEY.to_string(),
                &session.to_json(),
                dispatch,
                move |result| {
                    let result = result.map(|()| browser::now_iso());
                    Action::province(ProvinceAction::Saved { revision, result })
                },
            )
        },
    );
}
