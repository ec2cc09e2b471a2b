//! The way into the city review or training mode: a link to the mode's own page, from every
//! page (the county page, and the review's and training's pages to each other).
//!
//! Changing mode is a navigation, never a switch in place: the address then names the mode
//! shown, so a reload, a bookmark or a link shows the same mode (each page opens its own mode,
//! whatever the tab showed before). A function rather than a component: it has no state of its
//! own, and every component type costs the county page's download more than this control does.

use yew::prelude::*;

use crate::state::{AppHandle, Mode};

/// A link to `mode`'s page, labelled `label`, found by tests as `data-action={action}`.
///
/// A draft being edited is written on the way out by the autosave's `pagehide` handler, and
/// the review's session by its own.
pub fn mode_entry(
    state: &AppHandle,
    mode: Mode,
    label: &'static str,
    action: &'static str,
) -> Html {
    // The single file holds every mode: its links name the mode in the fragment.
    #[cfg(feature = "full")]
    let href = if crate::single_file::is_single_file() {
        crate::single_file::mode_href(Some(mode), state.lang)
    } else {
        mode.href(state.lang)
    };
    #[cfg(not(feature = "full"))]
    let href = mode.href(state.lang);
    html! { <a class="button" data-action={action} href={href}>{ label }</a> }
}
