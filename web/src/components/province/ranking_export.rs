//! The ranking's downloads: both kinds' rankings as one table (`ranking_table`, named by
//! `ranking_stem`, as the CLI's `province rank --xlsx` writes it), as a workbook or CSV.

use yew::prelude::*;

use crate::components::province::notice::{download_table, sheet_status};
use crate::i18n::notice::notice_texts;
use crate::notice_state::SheetOf;
use crate::review::io::Sheet;
use crate::state::use_app;

/// The ranking's downloads: both kinds as one table (the CLI's `province rank`).
#[component]
pub fn RankingExport() -> Html {
    let state = use_app();
    let nt = notice_texts(state.lang);
    if state.modes.province.session.candidates().is_empty() {
        return Html::default();
    }
    let sheet = |format: Sheet| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let session = &state.modes.province.session;
            let table = session.ranking_table(state.lang, session.ranking_stem(state.lang));
            download_table(&state, SheetOf::Ranking, table, format);
        })
    };
    let exporting = state.modes.province.notice.exporting.is_some();
    html! {
        <section class="review-panel ranking-export" aria-labelledby="ranking-export-title">
            <h2 id="ranking-export-title">{ nt.ranking_title }</h2>
            <p class="hint">{ nt.ranking_hint }</p>
            <div class="start-actions">
                <button type="button" data-action="ranking-xlsx" onclick={sheet(Sheet::Xlsx)}
                    disabled={exporting}>{ nt.ranking_xlsx }</button>
                <button type="button" data-action="ranking-csv" onclick={sheet(Sheet::Csv)}
                    disabled={exporting}>{ nt.ranking_csv }</button>
            </div>
            { sheet_status(&state, nt, SheetOf::Ranking) }
        </section>
    }
}
