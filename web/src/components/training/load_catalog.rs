//! Loading another catalog for the session: a JSON catalog or an office's table saved as
//! "CSV UTF-8", read by `shifan-rules` ([`crate::files::read_catalog`]); its problems (with line
//! numbers) are shown in the page's language and the catalog in use stays as it was. A loaded
//! catalog is confirmed on screen: its title, number of indicators and short fingerprint.

use yew::prelude::*;

use crate::components::notices::problem_item;
use crate::components::on_file_picked;
use crate::components::training::send_training;
use crate::files;
use crate::i18n::training::training_texts;
use crate::i18n::{fill, texts};
use crate::state::{Action, use_app};
use crate::training_state::TrainingAction;

/// The loader: a file button, the way back to the built-in catalog, and the last failure.
#[component]
pub fn LoadCatalog() -> Html {
    let state = use_app();
    let d = state.dispatcher();
    let t = texts(state.lang);
    let tt = training_texts(state.lang);
    let onchange = {
        let d = d.clone();
        on_file_picked(move |file| {
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let result = files::read_catalog(file).await;
                d.dispatch(Action::training(TrainingAction::Loaded { name, result }));
            });
        })
    };
    html! {
        <div class="load-catalog">
            <div class="actions">
                <label class="button file-button">
                    <span>{ tt.load_catalog }</span>
                    <input type="file" class="visually-hidden" id="catalog-file"
                        accept=".json,.csv,application/json,text/csv" {onchange} />
                </label>
                if state.modes.training.catalog.is_some() {
                    <button type="button" onclick={send_training(&d, TrainingAction::UseReference)}>
                        { tt.use_reference }
                    </button>
                }
            </div>
            <p class="hint">{ tt.load_catalog_hint }</p>
            // The loaded catalog said on screen in full: what the trainer chose, so the
            // room sees which catalog every figure below is computed against.
            if let Some(catalog) = state.modes.training.catalog.as_ref() {
                <p class="notice ok catalog-loaded" role="status" data-notice="catalog-loaded">
                    { fill(tt.catalog_loaded, &[
                        catalog.title(),
                        &catalog.len().to_string(),
                        catalog.short_fingerprint(),
                    ]) }
                </p>
            }
            if let Some((name, problems)) = state.modes.training.load_failed.as_ref() {
                <div class="notice error" role="alert" data-notice="catalog-failed">
                    <p><strong>{ fill(tt.load_catalog_failed, &[name]) }</strong></p>
                    <ul class="problems">
                        { for problems.iter().map(|p| problem_item(p, &state, t)) }
                    </ul>
                </div>
            }
        </div>
    }
}
