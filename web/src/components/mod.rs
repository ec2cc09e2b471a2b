//! The components, one per file, and small helpers for reading form events.

pub mod app;
pub mod applicant;
pub mod bar;
pub mod evidence;
pub mod fingerprint;
pub mod header;
pub mod indicator;
pub mod nav;
pub mod notices;
pub mod open_file;
pub mod report;
pub mod start;
pub mod summary;
pub mod workspace;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The value of the `<input>` an input event came from.
pub fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The value of the `<input>` a change event came from.
pub fn changed_input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The value of the `<textarea>` an input event came from.
pub fn textarea_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlTextAreaElement>().value()
}

/// The value of the `<select>` a change event came from.
pub fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}
