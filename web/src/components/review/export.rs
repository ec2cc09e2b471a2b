//! Export: the recommendation package (sealed by `shifan-rules`; any problem is shown, nothing
//! is downloaded then; with a duplicate submission not yet resolved it asks first), the
//! comparison table as a spreadsheet (the writer is loaded on the click) or CSV, as filtered
//! and sorted now, and the printable opinion sheet. The next step is said plainly. In a widget
//! the package button carries the host's label (`export-label`), as the self-assessment's does.

use shifan_rules::package::Decision;
use yew::prelude::*;

use crate::browser;
use crate::components::review::{review, unresolved_duplicates};
use crate::i18n::fill;
use crate::i18n::review::review_texts;
use crate::review::ReviewAction;
use crate::review::io::{self, Sheet};
use crate::review::rows::shown_rows;
use crate::state::{Action, use_app};

/// The export panel (nothing while no application is open).
#[component]
pub fn ReviewExport() -> Html {
    let state = use_app();
    let lang = state.lang;
    let rt = review_texts(lang);
    let r = &state.modes.review;
    let session = &r.session;
    if session.applications().is_empty() {
        return Html::default();
    }
    let outside = session
        .applications()
        .iter()
        .filter(|a| session.outside_problem(a).is_some())
        .count();
    let mine = session.applications().len() - outside;
    let recommended = session
        .applications()
        .iter()
        .filter(|a| a.opinion.decision == Decision::Recommend)
        .count();
    let pending = session
        .applications()
        .iter()
        .filter(|a| a.opinion.decision == Decision::Pending && session.outside_problem(a).is_none())
        .count();
    let package = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let session = &state.modes.review.session;
            let duplicates = unresolved_duplicates(session);
            if !duplicates.is_empty() {
                let question = fill(
                    review_texts(state.lang).duplicate_export_confirm,
                    &[&duplicates.len().to_string(), &duplicates.join("、")],
                );
                if !browser::confirm(&question) {
                    return;
                }
            }
            let notice = io::download_package(session, &state.host);
            state.dispatch(Action::review(ReviewAction::Notice(notice)));
        })
    };
    let rows_of = |state: &crate::state::AppHandle| {
        shown_rows(&state.modes.review)
            .into_iter()
            .map(|r| r.row)
            .collect::<Vec<_>>()
    };
    let sheet = |format: Sheet| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            io::download_table(
                &state.modes.review.session,
                &rows_of(&state),
                state.lang,
                format,
                state.dispatcher(),
                state.host.node(),
            );
        })
    };
    html! {
        <section class="review-panel export-panel" aria-labelledby="export-title">
            <h2 id="export-title">{ rt.export_title }</h2>
            <p>{ fill(rt.export_hint, &[&mine.to_string(), &recommended.to_string()]) }</p>
            if outside > 0 {
                <p class="hint">{ fill(rt.export_outside, &[&outside.to_string()]) }</p>
            }
            <div class="next-step" data-testid="next-step" role="status">
                <strong>{ rt.next_step }</strong>
                <p>{ if pending > 0 {
                    fill(rt.next_step_pending, &[&pending.to_string()])
                } else {
                    rt.next_step_done.to_string()
                } }</p>
            </div>
            <div class="actions">
                <button type="button" class="primary" data-action="export-package" onclick={package}>{ state.host.export_label(rt.export_package) }</button>
                <button type="button" data-action="opinion-sheet"
                    onclick={review::<MouseEvent>(&state.dispatcher(), ReviewAction::Sheet(true))}>{ rt.sheet_open }</button>
                <button type="button" data-action="export-xlsx" onclick={sheet(Sheet::Xlsx)}
                    disabled={r.exporting}>{ rt.export_xlsx }</button>
                <button type="button" data-action="export-csv" onclick={sheet(Sheet::Csv)}
                    disabled={r.exporting}>{ rt.export_csv }</button>
            </div>
            <p class="hint">{ rt.export_tables_hint }</p>
            if r.exporting {
                <p role="status">{ rt.exporting }</p>
            }
        </section>
    }
}
