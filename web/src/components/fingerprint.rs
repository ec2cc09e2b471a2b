//! "Fingerprint a local file": the official picks a document; its SHA-256 is computed in the
//! page, slice by slice, and only its name, size and hash are kept. The file never leaves the
//! computer.

use shifan_rules::Lang;
use yew::prelude::*;

use crate::browser;
use crate::i18n::texts;
use crate::state::{Action, use_dispatch};

/// Properties of [`FingerprintButton`].
#[derive(Properties, PartialEq)]
pub struct FingerprintProps {
    /// Indicator whose evidence form holds the result.
    pub number: u16,
    /// Page language.
    pub lang: Lang,
    /// A file is being fingerprinted.
    pub busy: bool,
}

/// The file picker that fingerprints the picked file.
#[component]
pub fn FingerprintButton(props: &FingerprintProps) -> Html {
    let dispatch = use_dispatch();
    let t = texts(props.lang);
    let number = props.number;
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
        <label class={if props.busy { "button file-button disabled" } else { "button file-button" }}>
            <span>{ if props.busy { t.fingerprinting } else { t.fingerprint_file } }</span>
            <input type="file" class="visually-hidden" disabled={props.busy}
                data-role="fingerprint" {onchange} />
        </label>
    }
}
