//! "Fingerprint a local file": the official picks a document; its SHA-256 is computed in the
//! page, slice by slice, and only its name, size and hash are kept. The file never leaves the
//! computer.

use shifan_rules::Lang;
use yew::prelude::*;

use crate::browser;
use crate::i18n::texts;
use crate::state::{Action, Dispatch};

/// The file picker that fingerprints the picked file into the evidence form of indicator
/// `number`; `busy` while a file is being fingerprinted.
pub fn fingerprint_button(dispatch: &Dispatch, number: u16, lang: Lang, busy: bool) -> Html {
    let t = texts(lang);
    let dispatch = dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let file = input.files().and_then(|files| files.get(0));
        input.set_value("");
        let Some(file) = file else {
            return;
        };
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let progress = {
                let dispatch = dispatch.clone();
                move |done, total| {
                    dispatch.dispatch(Action::HashProgress {
                        number,
                        done,
                        total,
                    })
                }
            };
            match browser::fingerprint(&file, progress).await {
                Ok(file) => dispatch.dispatch(Action::Hashed { number, file }),
                Err(_) => dispatch.dispatch(Action::HashFailed {
                    number,
                    name: file.name(),
                }),
            }
        });
    });
    html! {
        <label class={if busy { "button file-button disabled" } else { "button file-button" }}>
            <span>{ if busy { t.fingerprinting } else { t.fingerprint_file } }</span>
            <input type="file" class="visually-hidden" disabled={busy}
                data-role="fingerprint" {onchange} />
        </label>
    }
}
