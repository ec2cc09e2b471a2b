//! The office's opinion on one application: the decision (推荐 / 不推荐 / 待定), the rank among
//! the recommended with moves up and down, and the comments. The rank rule itself (1..k,
//! closing up when a decision changes) is `shifan_rules::session`'s. Recommending a weak
//! application, or moving it to rank 1, first asks the office to confirm, saying why
//! ([`crate::components::review::weak_reasons`]); nothing is blocked.

use shifan_rules::Lang;
use shifan_rules::package::Decision;
use shifan_rules::session::Opinion;
use yew::prelude::*;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};

use crate::components::review::{
    DECISIONS, confirm_weak, decision_key, decision_label, decision_of, review, review_value,
};
use crate::i18n::fill;
use crate::i18n::review::review_texts;
use crate::review::ReviewAction;
use crate::state::{Action, Dispatch, use_dispatch};

/// Properties of [`DecisionSelect`] and [`RankControl`].
#[derive(Properties, PartialEq, Clone)]
pub struct OpinionProps {
    /// The application's integrity fingerprint.
    pub id: AttrValue,
    /// The applicant's name (for accessible names).
    pub name: AttrValue,
    /// The opinion.
    pub opinion: Opinion,
    /// From outside the city: cannot be recommended.
    #[prop_or_default]
    pub outside: bool,
    /// How many applications are recommended (the last rank).
    pub recommended: usize,
    /// Why recommending it (or ranking it first) is a weak choice; empty when nothing is.
    #[prop_or_default]
    pub weak: Vec<String>,
    /// Page language.
    pub lang: Lang,
}

/// Dispatches the decision `to` on `props`' application, asking first when it recommends a
/// weak one; `false` when the office cancelled (the control is then put back).
fn decide(dispatch: &Dispatch, props: &OpinionProps, to: Decision) -> bool {
    let recommending = to == Decision::Recommend && props.opinion.decision != Decision::Recommend;
    if recommending && !confirm_weak(props.lang, &props.name, &props.weak, false) {
        return false;
    }
    dispatch.dispatch(Action::review(ReviewAction::Decide(
        props.id.to_string(),
        to,
    )));
    true
}

/// A compact decision picker for a table row. Like the other controls of a row it takes
/// everything by props, so a change to one opinion re-renders one row's controls.
#[component]
pub fn DecisionSelect(props: &OpinionProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let rt = review_texts(lang);
    let current = props.opinion.decision;
    let onchange = {
        let props = props.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            else {
                return;
            };
            let to = decision_of(&select.value()).unwrap_or_default();
            if !decide(&dispatch, &props, to) {
                select.set_value(decision_key(current));
            }
        })
    };
    html! {
        <select class={format!("decision {}", decision_key(current))} {onchange}
            aria-label={fill(rt.decision_for, &[&props.name])} data-role="decision">
            { for DECISIONS.into_iter().map(|d| html! {
                <option value={decision_key(d)} selected={d == current}
                    disabled={props.outside && d == Decision::Recommend}>{ decision_label(lang, d) }</option>
            }) }
        </select>
    }
}

/// The rank with buttons to move it up or down (a dash when not recommended).
#[component]
pub fn RankControl(props: &OpinionProps) -> Html {
    let d = use_dispatch();
    let rt = review_texts(props.lang);
    let Some(rank) = props.opinion.rank else {
        return html! { <span class="rank none">{ "—" }</span> };
    };
    let k = props.recommended as u32;
    let id = props.id.to_string();
    // Moving a weak application to the top asks first, as recommending it does.
    let up = {
        let (d, props, id) = (d.clone(), props.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            if rank == 2 && !confirm_weak(props.lang, &props.name, &props.weak, true) {
                return;
            }
            d.dispatch(Action::review(ReviewAction::Move(id.clone(), true)));
        })
    };
    html! {
        <span class="rank">
            <span class="rank-number" data-testid="rank">{ rank }</span>
            <button type="button" class="rank-move" disabled={rank <= 1} data-move="up"
                aria-label={fill(rt.up_named, &[&props.name])} title={rt.up}
                onclick={up}>{ "↑" }</button>
            <button type="button" class="rank-move" disabled={rank >= k} data-move="down"
                aria-label={fill(rt.down_named, &[&props.name])} title={rt.down}
                onclick={review::<MouseEvent>(&d, ReviewAction::Move(id, false))}>{ "↓" }</button>
        </span>
    }
}

/// The full opinion form of the read-only viewer: decision, rank and comments.
#[component]
pub fn OpinionForm(props: &OpinionProps) -> Html {
    let d = use_dispatch();
    let lang = props.lang;
    let rt = review_texts(lang);
    let id = props.id.to_string();
    let current = props.opinion.decision;
    let k = props.recommended;
    let on_comment: Callback<InputEvent> = {
        let id = id.clone();
        review_value(&d, move |v| ReviewAction::Comment(id.clone(), v))
    };
    html! {
        <fieldset class="opinion" data-decision={decision_key(current)}>
            <legend>{ rt.opinion }</legend>
            <div class="choices decisions" role="radiogroup" aria-label={fill(rt.decision_for, &[&props.name])}>
                { for DECISIONS.into_iter().map(|dec| {
                    let disabled = props.outside && dec == Decision::Recommend;
                    let onchange = {
                        let (d, props) = (d.clone(), props.clone());
                        Callback::from(move |e: Event| {
                            if decide(&d, &props, dec) {
                                return;
                            }
                            // Cancelled: the radio of the decision recorded is checked again.
                            let kept = e
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                .and_then(|t| t.closest("[role=\"radiogroup\"]").ok().flatten())
                                .and_then(|g| {
                                    g.query_selector(&format!("input[value=\"{}\"]", decision_key(current)))
                                        .ok()
                                        .flatten()
                                })
                                .and_then(|i| i.dyn_into::<HtmlInputElement>().ok());
                            if let Some(kept) = kept {
                                kept.set_checked(true);
                            }
                        })
                    };
                    html! {
                        <label class={format!("choice decision-choice {}", decision_key(dec))}>
                            <input type="radio" name="decision" value={decision_key(dec)}
                                checked={dec == current} {disabled} {onchange} />
                            <span>{ decision_label(lang, dec) }</span>
                        </label>
                    }
                }) }
            </div>
            if props.outside {
                <p class="hint">{ rt.outside_no_recommend }</p>
            }
            if let Some(rank) = props.opinion.rank {
                <p class="rank-line">
                    <span>{ fill(rt.rank_of, &[&rank.to_string(), &k.to_string()]) }</span>
                    <RankControl ..props.clone() />
                </p>
            }
            <div class="field">
                <label for="opinion-comment">{ rt.comment }</label>
                <textarea id="opinion-comment" rows="3" value={props.opinion.comment.clone()}
                    oninput={on_comment} />
            </div>
        </fieldset>
    }
}
