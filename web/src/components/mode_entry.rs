//! The way into the city review or training mode: a link to its page on the county page, a
//! button that enters it in place in the full build.
//!
//! A function rather than a component: it has no state of its own, and every component type
//! costs the county page's download more than this control does.

use yew::prelude::*;

use crate::state::{AppHandle, Mode};

/// A control that leads to `mode`, labelled `label`, found by tests as `data-action={action}`.
///
/// On the county page it is a link: the mode's page loads the full build, and the draft being
/// edited is written on the way out by the autosave's `pagehide` handler.
pub fn mode_entry(
    state: &AppHandle,
    mode: Mode,
    label: &'static str,
    action: &'static str,
) -> Html {
    #[cfg(feature = "full")]
    return html! {
        <button type="button" data-action={action}
            onclick={crate::components::send(&state.dispatcher(), mode.enter())}>{ label }</button>
    };
    #[cfg(not(feature = "full"))]
    html! { <a class="button" data-action={action} href={mode.href(state.lang)}>{ label }</a> }
}
