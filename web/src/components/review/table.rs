//! The comparison table: every application's county, kind, category, compliance with its
//! formula, the comprehensive bar (estimate), compliance per area, unanswered and evidence
//! counts, short fingerprint, the county's contact, and the office's decision, rank and
//! comments. Every figure column sorts (the header is a button; `aria-sort` says the order);
//! kind, verdict and decision filter. How percentages are rounded is said once, under it.
//! Sorted and filtered over every application, it draws a first page of rows and says how many
//! more there are (`more`); each row is a [`TableRow`].

use shifan_rules::Lang;
use shifan_rules::catalog::chinese_numeral;
use yew::prelude::*;

use crate::components::review::more::more;
use crate::components::review::table_row::TableRow;
use crate::components::review::{
    DECISIONS, decision_key, decision_label, decision_of, review, review_value,
};
use crate::components::summary::area_prefix;
use crate::i18n::review::review_texts;
use crate::i18n::{fill, kind_label};
use crate::review::rows::{Row, first, shown_rows};
use crate::review::{Column, DecisionFilter, KindFilter, Panel, ReviewAction, VerdictFilter};
use crate::state::use_app;

/// An area's short name in a column header: 一, 二, … or 1, 2, ….
pub fn area_short(lang: Lang, number: u8) -> String {
    match lang {
        Lang::Zh => chinese_numeral(number),
        Lang::En => number.to_string(),
    }
}

/// The comparison table with its filters.
#[component]
pub fn ComparisonTable() -> Html {
    let state = use_app();
    let d = state.dispatcher();
    let lang = state.lang;
    let rt = review_texts(lang);
    let r = &state.modes.review;
    let total = r.session.applications().len();
    let recommended = r.session.recommended();
    let rows = shown_rows(r);
    let first_app = r.session.applications().first();
    let areas: Vec<(u8, String)> = first_app
        .map(|a| {
            a.verified
                .catalog
                .areas()
                .iter()
                .map(|area| (area.number, area.title.clone()))
                .collect()
        })
        .unwrap_or_default();
    let line = first_app
        .map(|a| a.verified.catalog.threshold().percent(lang))
        .unwrap_or_else(|| state.catalog.threshold().percent(lang));
    let sort = r.sort;
    let header = |column: Column, label: String, full: Option<String>| {
        let aria = sort.aria(column);
        let arrow = match aria {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "↕",
        };
        let full = full.unwrap_or_else(|| label.clone());
        html! {
            <th scope="col" aria-sort={aria} class={if aria == "none" { "sortable" } else { "sortable sorted" }}>
                <button type="button" class="sort" title={full.clone()}
                    aria-label={fill(rt.sort_by, &[&full])}
                    onclick={review::<MouseEvent>(&d, ReviewAction::Sort(column))}>
                    <span>{ label }</span>
                    <span class="arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let on_kind: Callback<Event> = review_value(&d, |v| {
        ReviewAction::FilterKind(match v.as_str() {
            "comprehensive" => KindFilter::Comprehensive,
            "single_item" => KindFilter::SingleItem,
            _ => KindFilter::All,
        })
    });
    let on_verdict: Callback<Event> = review_value(&d, |v| {
        ReviewAction::FilterVerdict(match v.as_str() {
            "meets" => VerdictFilter::Meets,
            "below" => VerdictFilter::Below,
            _ => VerdictFilter::All,
        })
    });
    let on_decision: Callback<Event> = review_value(&d, |v| {
        ReviewAction::FilterDecision(
            decision_of(&v).map_or(DecisionFilter::All, DecisionFilter::Only),
        )
    });
    let filters = html! {
        <div class="filters" role="group" aria-label={rt.filters}>
            <div class="field">
                <label for="filter-kind">{ rt.filter_kind }</label>
                <select id="filter-kind" onchange={on_kind}>
                    <option value="" selected={r.kind == KindFilter::All}>{ rt.all }</option>
                    <option value="comprehensive" selected={r.kind == KindFilter::Comprehensive}>{ kind_label(lang, false) }</option>
                    <option value="single_item" selected={r.kind == KindFilter::SingleItem}>{ kind_label(lang, true) }</option>
                </select>
            </div>
            <div class="field">
                <label for="filter-verdict">{ rt.filter_verdict }</label>
                <select id="filter-verdict" onchange={on_verdict}>
                    <option value="" selected={r.verdict == VerdictFilter::All}>{ rt.all }</option>
                    <option value="meets" selected={r.verdict == VerdictFilter::Meets}>{ rt.meets }</option>
                    <option value="below" selected={r.verdict == VerdictFilter::Below}>{ rt.below }</option>
                </select>
            </div>
            <div class="field">
                <label for="filter-decision">{ rt.filter_decision }</label>
                <select id="filter-decision" onchange={on_decision}>
                    <option value="" selected={r.decision == DecisionFilter::All}>{ rt.all }</option>
                    { for DECISIONS.into_iter().map(|dec| html! {
                        <option value={decision_key(dec)} selected={r.decision == DecisionFilter::Only(dec)}>
                            { decision_label(lang, dec) }
                        </option>
                    }) }
                </select>
            </div>
            <p class="showing" role="status">{ fill(rt.showing, &[&rows.len().to_string(), &total.to_string()]) }</p>
        </div>
    };
    let (drawn, left) = first(&rows, r.shown.table);
    let row = |row: &Row| {
        let ranked = row.opinion.rank.is_some();
        html! {
            <TableRow key={row.id.clone()} row={row.clone()} recommended={if ranked { recommended } else { 0 }} {lang} />
        }
    };
    let body = if total == 0 {
        html! { <p class="empty">{ rt.empty }</p> }
    } else if rows.is_empty() {
        html! { <p class="empty">{ rt.none_shown }</p> }
    } else {
        html! {
            <>
            <div class="table-wrap comparison-wrap" tabindex="0" role="region" aria-labelledby="table-title">
                <table class="comparison" data-testid="comparison" data-total={total.to_string()} data-shown={rows.len().to_string()}>
                    <thead>
                        <tr>
                            { header(Column::Applicant, rt.col_applicant.into(), None) }
                            { header(Column::Kind, rt.col_kind.into(), None) }
                            { header(Column::Category, rt.col_category.into(), None) }
                            { header(Column::Compliance, rt.col_compliance.into(), None) }
                            { header(Column::MeetsBar, fill(rt.col_meets, &[&line]), None) }
                            { header(Column::Decision, rt.col_decision.into(), None) }
                            { header(Column::Rank, rt.col_rank.into(), None) }
                            <th scope="col" class="plain">{ rt.col_comment }</th>
                            { for areas.iter().enumerate().map(|(i, (n, title))| header(
                                Column::Area(i),
                                area_short(lang, *n),
                                Some(fill(rt.col_area, &[&area_short(lang, *n), title])),
                            )) }
                            { header(Column::Unanswered, shifan_rules::Status::Unanswered.label(lang).into(), None) }
                            { header(Column::Evidence, rt.col_evidence.into(), None) }
                            <th scope="col" class="plain">{ rt.col_contact }</th>
                            { header(Column::Fingerprint, rt.col_fingerprint.into(), None) }
                        </tr>
                    </thead>
                    <tbody>{ for drawn.iter().map(row) }</tbody>
                </table>
            </div>
            { more(&state, Panel::Table, drawn.len(), left) }
            <p class="hint rounding-note" data-testid="rounding-note">{ rt.rounding_note }</p>
            <details class="areas-legend">
                <summary>{ rt.areas_legend }</summary>
                <ol>
                    { for areas.iter().map(|(n, title)| html! { <li>{ format!("{}{title}", area_prefix(lang, *n)) }</li> }) }
                </ol>
            </details>
            </>
        }
    };
    html! {
        <section class="review-panel table-panel" aria-labelledby="table-title">
            <h2 id="table-title">{ fill(rt.table_title, &[&total.to_string()]) }</h2>
            if total > 0 {
                { filters }
            }
            { body }
        </section>
    }
}
