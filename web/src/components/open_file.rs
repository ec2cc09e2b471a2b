//! "Open a file": picks an application file (or a saved draft record) and opens it, or shows
//! why it cannot be used while the open draft stays as it is.

use yew::prelude::*;

use crate::components::on_file_picked;
use crate::files;
use crate::i18n::texts;
use crate::state::{Action, AppHandle, NoticeTopic};

/// A button that opens a file picker for application files.
pub fn open_file_button(state: &AppHandle) -> Html {
    let t = texts(state.lang);
    let onchange = {
        let dispatch = state.dispatcher();
        let catalogs = state.drafts.catalog_set();
        on_file_picked(move |file| {
            let (dispatch, catalogs) = (dispatch.clone(), catalogs.clone());
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(files::open_file(file, catalogs).await);
            });
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

/// A button that loads an office's own catalog file (JSON; the full build also reads the CSV
/// table) and keeps it in the store, so the files answered against it open.
pub fn load_catalog_button(state: &AppHandle) -> Html {
    let t = texts(state.lang);
    let onchange = {
        let dispatch = state.dispatcher();
        on_file_picked(move |file| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(match files::read_catalog(file).await {
                    Ok(catalog) => Action::KeepCatalog(catalog),
                    Err(problems) => Action::ShowProblems(NoticeTopic::CatalogFailed, problems),
                });
            });
        })
    };
    let accept = if cfg!(feature = "full") {
        ".json,.csv,application/json,text/csv"
    } else {
        ".json,application/json"
    };
    html! {
        <label class="button file-button">
            <span>{ t.load_catalog }</span>
            <input type="file" class="visually-hidden" {accept}
                data-role="load-catalog" {onchange} />
        </label>
    }
}
