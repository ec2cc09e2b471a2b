//! The way into the city review or training mode: a link to its page on the county page, a
//! button that enters it in place in the full build.

use yew::prelude::*;

use crate::state::{Mode, use_app};

/// Properties of [`ModeEntry`].
#[derive(Properties, PartialEq)]
pub struct ModeEntryProps {
    /// The mode it leads to.
    pub mode: Mode,
    /// Its visible text.
    pub label: AttrValue,
    /// The `data-action` name tests and the page's scripts find it by.
    pub action: AttrValue,
}

/// A control that leads to `mode`.
///
/// On the county page it is a link: the mode's page loads the full build, and the draft being
/// edited is written on the way out by the autosave's `pagehide` handler.
#[component]
pub fn ModeEntry(props: &ModeEntryProps) -> Html {
    let state = use_app();
    #[cfg(feature = "full")]
    {
        html! {
            <button type="button" data-action={props.action.clone()}
                onclick={crate::components::send(&state.dispatcher(), props.mode.enter())}>
                { props.label.clone() }
            </button>
        }
    }
    #[cfg(not(feature = "full"))]
    html! {
        <a class="button" data-action={props.action.clone()} href={props.mode.href(state.lang)}>
            { props.label.clone() }
        </a>
    }
}
