//! The components, one per file, and the small helpers they share to turn events into
//! actions.
//!
//! The helpers exist for the size of the download as much as for brevity: every distinct
//! closure handed to `Callback::from` is its own type with its own code, so components build
//! their callbacks through these few generic functions instead.

#[cfg(feature = "full")]
pub mod annual;
pub mod app;
pub mod applicant;
#[cfg(feature = "full")]
pub mod application_view;
pub mod area;
pub mod bar;
pub mod catalog_badge;
pub mod evidence;
pub mod fingerprint;
pub mod gap_item;
pub mod header;
pub mod indicator;
pub mod mode_entry;
pub mod nav;
pub mod notices;
pub mod open_file;
#[cfg(feature = "full")]
pub mod province;
pub mod report;
#[cfg(feature = "full")]
pub mod review;
pub mod section_picker;
pub mod start;
pub mod summary;
#[cfg(feature = "full")]
pub mod training;
pub mod workspace;

use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::Event;
use yew::prelude::*;

use crate::state::{Action, Dispatch};

/// The `value` of the element an event came from (`<input>`, `<textarea>` or `<select>`).
pub fn target_value(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A callback that dispatches `action` whatever the event.
pub fn send<E: 'static>(dispatch: &Dispatch, action: Action) -> Callback<E> {
    let fire = dispatcher_of(dispatch, action);
    Callback::from(move |_: E| fire())
}

/// The part of [`send`] that does not depend on the event type, so that cloning and
/// dispatching the action is compiled once rather than once per event type.
fn dispatcher_of(dispatch: &Dispatch, action: Action) -> Rc<dyn Fn()> {
    let dispatch = dispatch.clone();
    Rc::new(move || dispatch.dispatch(action.clone()))
}

/// A callback that dispatches the action `make` builds from the value of the event's element.
pub fn send_value<E: AsRef<Event> + 'static>(
    dispatch: &Dispatch,
    make: Box<dyn Fn(String) -> Action>,
) -> Callback<E> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: E| dispatch.dispatch(make(target_value(e.as_ref()))))
}

/// The `change` handler of a one-file picker: hands the picked file to `f` and clears the input,
/// so that picking the same file again is a change too.
pub fn on_file_picked(f: impl Fn(web_sys::File) + 'static) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let file = input.files().and_then(|files| files.get(0));
        input.set_value("");
        if let Some(file) = file {
            f(file);
        }
    })
}

/// A space-separated class list from a base class and optional extra classes.
pub fn class_list(base: &str, extra: &[Option<&str>]) -> String {
    let mut out = base.to_string();
    for class in extra.iter().flatten() {
        out.push(' ');
        out.push_str(class);
    }
    out
}
