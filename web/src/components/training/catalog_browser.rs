//! The catalog browser: every area, section and indicator with its criteria and evidence
//! guidance, large enough to read when projected; a search box (results follow the typing,
//! the matched terms are highlighted, counts shown) and a filter by applicability. Searching
//! and highlighting are `shifan-rules`' (`search::search`, `training::marks`).

use shifan_rules::catalog::Indicator;
use shifan_rules::search::marks;
use shifan_rules::search::search;
use shifan_rules::{Applicability, Lang};
use yew::prelude::*;

use crate::components::send_value;
use crate::components::summary::area_prefix;
use crate::components::training::send_training;
use crate::i18n::fill;
use crate::i18n::training::{TrainingTexts, training_texts};
use crate::state::{Action, use_app};
use crate::training_state::{Scope, TrainingAction};

/// `text` with the terms of `query` in `<mark>`.
fn marked(text: &str, query: &str) -> Html {
    let mut parts = Vec::new();
    let mut at = 0;
    for range in marks(text, query) {
        parts.push(html! { { &text[at..range.start] } });
        parts.push(html! { <mark>{ &text[range.clone()] }</mark> });
        at = range.end;
    }
    parts.push(html! { { &text[at..] } });
    parts.into_iter().collect()
}

fn applies_label(tt: &TrainingTexts, applies: Applicability) -> &'static str {
    match applies {
        Applicability::Both => tt.applies[0],
        Applicability::City => tt.applies[1],
        Applicability::County => tt.applies[2],
    }
}

fn entry(tt: &TrainingTexts, indicator: &Indicator, query: &str) -> Html {
    let n = indicator.number;
    let list = |items: &[String]| {
        html! { <ul>{ for items.iter().map(|item| html! { <li>{ marked(item, query) }</li> }) }</ul> }
    };
    html! {
        <article class="entry" key={n} id={format!("entry-{n}")}
            data-number={n.to_string()} data-applies={indicator.applies_to.as_str()}>
            <header class="card-head">
                <span class="num">{ n }</span>
                <h4>{ marked(&indicator.title, query) }</h4>
                <span class="chip">{ applies_label(tt, indicator.applies_to) }</span>
            </header>
            <p class="entry-label">{ tt.criteria_heading }</p>
            { list(&indicator.criteria) }
            <p class="entry-label">{ tt.evidence_heading }</p>
            { list(&indicator.evidence) }
        </article>
    }
}

/// The catalog browser, on the catalog training mode uses.
#[component]
pub fn CatalogBrowser() -> Html {
    let state = use_app();
    let d = state.dispatcher();
    let tt = training_texts(state.lang);
    let lang: Lang = state.lang;
    let catalog = state.training_catalog();
    let query = state.modes.training.query.as_str();
    let scope = state.modes.training.scope;
    // Numbers found by the search, or `None` (everything) while the box is empty.
    let found: Option<Vec<u16>> = (!query.trim().is_empty()).then(|| {
        search(&catalog, query)
            .into_iter()
            .map(|h| h.number)
            .collect()
    });
    let shows = |i: &Indicator| {
        scope.level().is_none_or(|l| i.applies_to.applies_to(l))
            && found.as_ref().is_none_or(|f| f.contains(&i.number))
    };
    let shown = catalog.indicators().filter(|i| shows(i)).count();
    let areas = catalog.areas().iter().filter_map(|area| {
        let count = area
            .sections
            .iter()
            .flat_map(|s| &s.indicators)
            .filter(|i| shows(i))
            .count();
        if count == 0 {
            return None;
        }
        let title = format!("{}{}", area_prefix(lang, area.number), area.title);
        Some(html! {
            <section class="browse-area" key={area.number}>
                <h3><span>{ marked(&title, query) }</span><span class="count">{ count }</span></h3>
                { for area.sections.iter().filter_map(|section| {
                    let indicators: Vec<Html> = section.indicators.iter()
                        .filter(|i| shows(i))
                        .map(|i| entry(tt, i, query))
                        .collect();
                    if indicators.is_empty() {
                        return None;
                    }
                    Some(html! {
                        <section class="browse-section" key={section.number}>
                            <h4 class="section-title">
                                { marked(&format!("{}. {}", section.number, section.title), query) }
                            </h4>
                            { for indicators }
                        </section>
                    })
                }) }
            </section>
        })
    });
    let on_search = send_value::<InputEvent>(
        &d,
        Box::new(|v| Action::training(TrainingAction::Search(v))),
    );
    html! {
        <section class="catalog-browser" aria-labelledby="browser-title">
            <h2 id="browser-title">{ tt.browser_title }</h2>
            <div class="browser-tools">
                <div class="field search">
                    <label for="catalog-search">{ tt.search_label }</label>
                    <input type="search" id="catalog-search" value={query.to_string()}
                        placeholder={tt.search_placeholder} autocomplete="off" oninput={on_search} />
                </div>
                <div class="scope" role="group" aria-label={tt.scope_label}>
                    <span class="scope-label" aria-hidden="true">{ tt.scope_label }</span>
                    { for Scope::ALL.iter().zip(tt.scopes).map(|(&s, label)| html! {
                        <button type="button" class="toggle" aria-pressed={(s == scope).to_string()}
                            data-scope={s.as_str()}
                            onclick={send_training(&d, TrainingAction::Filter(s))}>{ label }</button>
                    }) }
                </div>
                <p class="shown-count" role="status" data-testid="shown-count">
                    { fill(tt.shown_count, &[&shown.to_string(), &catalog.len().to_string()]) }
                </p>
            </div>
            if shown == 0 {
                <p class="empty">{ tt.no_match }</p>
            }
            { for areas }
        </section>
    }
}
