//! The hooks of the city review, training and the province, which only the full build has:
//! the autosaves, the presenter switch and the province pool's remembered sort and filter. On
//! the county page the hook does nothing.

use yew::prelude::*;

use crate::state::{AppHandle, Screen};

/// Runs the review's autosave, and shows training mode's large type when it is switched on.
/// The screen does not matter to either: which mode a tab shows is its page's alone.
#[cfg(feature = "full")]
#[hook]
pub fn use_modes(state: &AppHandle, _screen: Screen) {
    crate::hooks::use_review_autosave(state);
    crate::hooks::use_annual_autosave(state);
    crate::hooks::use_province_autosave(state);
    let widget_root = state.host.root();
    {
        // Kept for the tab's session, so a reload lists the pool as it was left; a widget
        // leaves the host's session storage alone.
        let province = &state.modes.province;
        use_effect_with(
            (province.sort, province.view.filter.clone()),
            move |(sort, filter)| {
                if !crate::embed::EMBEDDED {
                    crate::browser::set_session_text(
                        crate::pool_state::POOL_VIEW_KEY,
                        &crate::pool_state::remember(*sort, filter),
                    );
                }
            },
        );
    }
    use_effect_with(
        (state.modes.training.presenter, state.in_training()),
        // Remembered for the tab's session, and shown on the page root; a widget touches
        // neither the host's session nor its `<html>`: the class goes on its own root.
        move |&(on, active)| match widget_root {
            Some(root) => {
                let _ = root
                    .class_list()
                    .toggle_with_force("presenter", on && active);
            }
            None => {
                crate::browser::set_session_flag(crate::training_state::PRESENTER_KEY, on);
                crate::browser::set_root_class("presenter", on && active);
            }
        },
    );
}

/// The county page has neither the review nor training mode.
#[cfg(not(feature = "full"))]
#[hook]
pub fn use_modes(_state: &AppHandle, _screen: Screen) {}
