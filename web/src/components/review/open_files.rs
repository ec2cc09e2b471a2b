//! Opening files: a multiple-file picker, the drop zone (files can be dropped anywhere on the
//! review page, see [`crate::components::review::page`]), progress while many files are
//! verified, and what the last batch gave.

use yew::prelude::*;

use crate::i18n::fill;
use crate::i18n::review::review_texts;
use crate::review::io;
use crate::state::use_app;

/// The files picked in a file input (which is then cleared, so the same files can be picked
/// again).
pub fn picked_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let files = input.files();
    let picked = files
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    picked
}

/// The open-files panel.
#[component]
pub fn OpenFiles() -> Html {
    let state = use_app();
    let rt = review_texts(state.lang);
    let r = &state.modes.review;
    let onchange = {
        let dispatch = state.dispatcher();
        let ns = state.host.namespace();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            io::open_files(picked_files(&input), dispatch.clone(), ns.clone());
        })
    };
    let class = if r.dragging {
        "dropzone dragging"
    } else {
        "dropzone"
    };
    html! {
        <section {class} aria-labelledby="open-title">
            <h2 id="open-title">{ rt.open_title }</h2>
            <p class="drop-line">
                <span>{ if r.dragging { rt.drop_now } else { rt.drop_hint } }</span>
                { " " }
                <label class="button primary file-button">
                    <span>{ rt.choose_files }</span>
                    <input type="file" class="visually-hidden" multiple=true
                        accept=".json,.csv,application/json,text/csv" data-role="review-files" {onchange} />
                </label>
            </p>
            if let Some((done, total)) = r.reading {
                <div class="reading" role="status">
                    <progress max={total.max(1).to_string()} value={done.to_string()} />
                    <span>{ fill(rt.reading, &[&done.min(total).to_string(), &total.to_string()]) }</span>
                </div>
            } else if let Some(report) = r.report {
                <p class="open-report" role="status" data-testid="open-report">
                    { fill(rt.report, &[
                        &report.files.to_string(),
                        &report.added.to_string(),
                        &report.already_open.to_string(),
                        &report.rejected.to_string(),
                    ]) }
                </p>
            }
        </section>
    }
}
