//! Keyboard shortcuts of the indicator workspace: `j`/`k` (or Alt+↓/Alt+↑) for the next and
//! previous indicator, `1`–`4` to set the current indicator's status. Keys typed into a text
//! field are left alone.

use gloo::events::{EventListener, EventListenerOptions};
use shifan_rules::Status;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, KeyboardEvent, Node};
use yew::prelude::*;

use crate::state::{Action, Dispatch};

/// The status keys, in order `1`, `2`, `3`, `4`.
pub const STATUS_KEYS: [Status; 4] = [
    Status::Met,
    Status::PartlyMet,
    Status::NotMet,
    Status::NotApplicable,
];

/// Whether a key event comes from a place where keys are text.
fn is_typing(event: &KeyboardEvent) -> bool {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    match target.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => target
            .dyn_ref::<HtmlInputElement>()
            .is_none_or(|i| !matches!(i.type_().as_str(), "checkbox" | "radio" | "button")),
        _ => target.closest("[contenteditable]").ok().flatten().is_some(),
    }
}

/// The action a key asks for, if any.
pub fn key_action(key: &str, alt: bool) -> Option<Action> {
    Some(match (key, alt) {
        ("j", false) | ("ArrowDown", true) => Action::Next,
        ("k", false) | ("ArrowUp", true) => Action::Prev,
        ("1", false) => Action::SetCurrentStatus(STATUS_KEYS[0]),
        ("2", false) => Action::SetCurrentStatus(STATUS_KEYS[1]),
        ("3", false) => Action::SetCurrentStatus(STATUS_KEYS[2]),
        ("4", false) => Action::SetCurrentStatus(STATUS_KEYS[3]),
        _ => return None,
    })
}

/// Listens for the workspace shortcuts while `active`: on the document, or, in a widget, on
/// its own root (`near`): keys typed in the host's page are the host's.
#[hook]
pub fn use_keyboard(dispatch: Dispatch, active: bool, near: Option<Node>) {
    use_effect_with(active, move |&active| {
        let target = match near {
            Some(node) => Some(node.unchecked_into::<web_sys::EventTarget>()),
            None => web_sys::window()
                .and_then(|w| w.document())
                .map(|d| d.unchecked_into()),
        };
        let listener = target.filter(|_| active).map(|target| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&target, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if event.ctrl_key() || event.meta_key() || event.default_prevented() {
                    return;
                }
                if is_typing(event) {
                    return;
                }
                if let Some(action) = key_action(&event.key(), event.alt_key()) {
                    event.prevent_default();
                    dispatch.dispatch(action);
                }
            })
        });
        move || drop(listener)
    });
}
