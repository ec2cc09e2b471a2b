//! The pool's filter: by city (the cities the pool has), by kind, and a search on the
//! applicant's name, with how many of the pool are shown. A selection only: everyone stays in
//! the session, and "show all" brings them back.

use shifan_rules::programme::KindKey;
use yew::prelude::*;

use crate::components::send;
use crate::i18n::fill;
use crate::i18n::notice::notice_texts;
use crate::pool_state::{PoolAction, pool_cities, shown_pool};
use crate::province_state::ProvinceAction;
use crate::state::{Action, use_app};

fn pool_action(action: PoolAction) -> Action {
    Action::province(ProvinceAction::Pool(action))
}

/// The filter bar above the pool's table.
#[component]
pub fn PoolFilterBar() -> Html {
    let state = use_app();
    let lang = state.lang;
    let nt = notice_texts(lang);
    let p = &state.modes.province;
    let filter = &p.view.filter;
    let d = state.dispatcher();
    let total = p.session.candidates().len();
    let shown = shown_pool(&p.session, p.sort, filter).len();
    // An option's `selected` does not move a select the user has changed: the selects are set
    // from the state after each change of the filter (as "show all" does).
    let city_ref = use_node_ref();
    let kind_ref = use_node_ref();
    {
        let (city_ref, kind_ref) = (city_ref.clone(), kind_ref.clone());
        let values = (
            filter.city.map(|c| c.to_string()).unwrap_or_default(),
            filter.kind.map(kind_value).unwrap_or_default(),
        );
        use_effect_with(values, move |(city, kind)| {
            if let Some(select) = city_ref.cast::<web_sys::HtmlSelectElement>() {
                select.set_value(city);
            }
            if let Some(select) = kind_ref.cast::<web_sys::HtmlSelectElement>() {
                select.set_value(kind);
            }
        });
    }
    let on_city = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(pool_action(PoolAction::City(select.value().parse().ok())));
        })
    };
    let on_kind = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let kind = KindKey::ALL
                .into_iter()
                .find(|k| kind_value(*k) == select.value());
            d.dispatch(pool_action(PoolAction::Kind(kind)));
        })
    };
    let on_search = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            d.dispatch(pool_action(PoolAction::Search(input.value())));
        })
    };
    html! {
        <div class="pool-filter" role="search" data-testid="pool-filter">
            <label class="field">
                <span>{ nt.filter_city }</span>
                <select data-role="filter-city" ref={city_ref} onchange={on_city}>
                    <option value="" selected={filter.city.is_none()}>{ nt.all_cities }</option>
                    { for pool_cities(&p.session).into_iter().map(|(code, name)| html! {
                        <option value={code.to_string()} selected={filter.city == Some(code)}>{ name }</option>
                    }) }
                </select>
            </label>
            <label class="field">
                <span>{ nt.filter_kind }</span>
                <select data-role="filter-kind" ref={kind_ref} onchange={on_kind}>
                    <option value="" selected={filter.kind.is_none()}>{ nt.all_kinds }</option>
                    { for KindKey::ALL.into_iter().map(|k| html! {
                        <option value={kind_value(k)} selected={filter.kind == Some(k)}>{ k.label(lang) }</option>
                    }) }
                </select>
            </label>
            <label class="field grow">
                <span>{ nt.search }</span>
                <input type="search" data-role="filter-text" value={filter.text.clone()} oninput={on_search} />
            </label>
            <p class="filter-count" role="status" data-testid="pool-shown">
                { fill(nt.shown, &[&shown.to_string(), &total.to_string()]) }
                if filter.active() {
                    { " " }
                    <button type="button" class="link" data-action="clear-filter"
                        onclick={send::<MouseEvent>(&d, pool_action(PoolAction::ClearFilter))}>{ nt.clear_filter }</button>
                }
            </p>
        </div>
    }
}

/// A kind's value in the select (stable, for tests).
fn kind_value(kind: KindKey) -> &'static str {
    match kind {
        KindKey::Comprehensive => "comprehensive",
        KindKey::SingleItem => "single_item",
    }
}
