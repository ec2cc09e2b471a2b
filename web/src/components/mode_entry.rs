//! The way into the city review or training mode: a link to the mode's own page, from every
//! page (the county page, and the review's and training's pages to each other).
//!
//! Changing mode is a navigation, never a switch in place: the address then names the mode
//! shown, so a reload, a bookmark or a link shows the same mode (each page opens its own mode,
//! whatever the tab showed before). A function rather than a component: it has no state of its
//! own, and every component type costs the county page's download more than this control does.

use yew::prelude::*;

use crate::modes::Mode;
use crate::state::AppHandle;

/// A link to `mode`'s page, labelled `label`, found by tests as `data-action={action}`.
///
/// What the autosaves hold is written, and committed, before the page goes
/// ([`crate::leaving::link`]). A widget shows none: its host's page is not the site, and
/// a widget's mode is its element's `mode` attribute.
pub fn mode_entry(
    state: &AppHandle,
    mode: Mode,
    label: &'static str,
    action: &'static str,
) -> Html {
    if state.host.embedded() {
        return Html::default();
    }
    let href = mode.href(state.lang);
    let onclick = crate::leaving::link(href.clone(), crate::i18n::texts(state.lang).leave_unsaved);
    html! { <a class="button" data-action={action} {href} {onclick}>{ label }</a> }
}
