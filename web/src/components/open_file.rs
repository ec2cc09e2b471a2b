//! "Open a file": picks an application file (or a saved draft record) and opens it, or shows
//! why it cannot be used while the open draft stays as it is.

use yew::prelude::*;

use crate::files;
use crate::i18n::texts;
use crate::state::AppHandle;

/// A button that opens a file picker for application files.
pub fn open_file_button(state: &AppHandle) -> Html {
    let t = texts(state.lang);
    let onchange = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|files| files.get(0));
            input.set_value("");
            if let Some(file) = file {
                let dispatch = dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    dispatch.dispatch(files::open_file(file).await);
                });
            }
        })
    };
    html! {
        <label class="button file-button">
            <span>{ t.open_file }</span>
            <input type="file" class="visually-hidden" accept=".json,application/json"
                data-role="open-file" {onchange} />
        </label>
    }
}
