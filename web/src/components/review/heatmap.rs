//! The heat map: compliance per area across the applications, one coloured cell each with its
//! number, in the order of the comparison table. Colours say how far a share is from the
//! comprehensive line; the number is always written, so nothing depends on colour alone, and
//! every colour pair meets WCAG AA. Like the table it draws a first page of rows and counts
//! the rest under it.

use shifan_rules::Ratio;
use shifan_rules::catalog::Threshold;
use yew::prelude::*;

use crate::components::review::more::more;
use crate::components::review::review;
use crate::components::review::table::area_short;
use crate::components::summary::area_prefix;
use crate::i18n::fill;
use crate::i18n::review::review_texts;
use crate::review::rows::{first, shown_rows};
use crate::review::{Panel, ReviewAction};
use crate::state::use_app;

/// The colour class of a share against the line: reached, less than 10 points below, 10 to
/// 30 below, further, or nothing applicable. Whether the line is reached is decided exactly.
pub fn heat_class(ratio: Ratio, threshold: Threshold) -> &'static str {
    let Some(per_mille) = ratio.per_mille() else {
        return "heat-none";
    };
    if threshold.is_reached(ratio.met, ratio.applicable) {
        return "heat-0";
    }
    match threshold.per_mille().saturating_sub(per_mille) {
        0..=100 => "heat-1",
        101..=300 => "heat-2",
        _ => "heat-3",
    }
}

/// The heat map (nothing while no application is open).
#[component]
pub fn HeatMap() -> Html {
    let state = use_app();
    let d = state.dispatcher();
    let lang = state.lang;
    let rt = review_texts(lang);
    let rows = shown_rows(&state.modes.review);
    let Some(first_row) = rows.first() else {
        return Html::default();
    };
    let catalog = first_row.verified.catalog.clone();
    let (drawn, left) = first(&rows, state.modes.review.shown.heat);
    let line = catalog.threshold().percent(lang);
    let legend = [
        ("heat-0", fill(rt.heat_reached, &[&line])),
        ("heat-1", rt.heat_close.to_string()),
        ("heat-2", rt.heat_far.to_string()),
        ("heat-3", rt.heat_very_far.to_string()),
        ("heat-none", rt.heat_none.to_string()),
    ];
    html! {
        <section class="review-panel heat-panel" aria-labelledby="heat-title">
            <h2 id="heat-title">{ rt.heat_title }</h2>
            <p class="hint">{ fill(rt.heat_hint, &[&line]) }</p>
            <div class="legend" role="group" aria-label={rt.legend}>
                { for legend.iter().map(|(class, text)| html! {
                    <span class="legend-item"><span class={format!("swatch {class}")} aria-hidden="true"></span>{ text.clone() }</span>
                }) }
            </div>
            <div class="table-wrap heat-wrap" tabindex="0" role="region" aria-labelledby="heat-title">
                <table class="heatmap" data-testid="heatmap">
                    <thead>
                        <tr>
                            <th scope="col">{ rt.col_applicant }</th>
                            <th scope="col">{ rt.heat_total }</th>
                            { for catalog.areas().iter().map(|a| html! {
                                <th scope="col" title={format!("{}{}", area_prefix(lang, a.number), a.title)}>
                                    <span aria-hidden="true">{ area_short(lang, a.number) }</span>
                                    <span class="visually-hidden">{ format!("{}{}", area_prefix(lang, a.number), a.title) }</span>
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for drawn.iter().map(|row| {
                            let threshold = row.verified.catalog.threshold();
                            let cell = |r: Ratio| html! {
                                <td class={format!("heat {}", heat_class(r, threshold))} title={r.formula()}>{ r.percent() }</td>
                            };
                            html! {
                                <tr key={row.id.clone()}>
                                    <th scope="row">
                                        <button type="button" class="link"
                                            onclick={review::<MouseEvent>(&d, ReviewAction::View(Some(row.id.clone())))}>
                                            { row.row.name.clone() }
                                        </button>
                                        <span class="kind-note">{ match lang {
                                            shifan_rules::Lang::Zh => row.row.kind_zh,
                                            shifan_rules::Lang::En => row.row.kind_en,
                                        } }</span>
                                    </th>
                                    { cell(row.row.compliance) }
                                    { for row.row.areas.iter().map(|a| cell(*a)) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            { more(&state, Panel::Heat, drawn.len(), left) }
            <details class="areas-legend">
                <summary>{ rt.areas_legend }</summary>
                <ol>
                    { for catalog.areas().iter().map(|a| html! { <li>{ format!("{}{}", area_prefix(lang, a.number), a.title) }</li> }) }
                </ol>
            </details>
        </section>
    }
}
