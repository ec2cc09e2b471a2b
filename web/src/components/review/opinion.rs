//! The office's opinion on one application: the decision (推荐 / 不推荐 / 待定), the rank among
//! the recommended with moves up and down, and the comments. The rank rule itself (1..k,
//! closing up when a decision changes) is `shifan_rules::session`'s.

use shifan_rules::Lang;
use shifan_rules::package::Decision;
use shifan_rules::session::Opinion;
use yew::prelude::*;

use crate::components::review::{
    DECISIONS, decision_key, decision_label, decision_of, review, review_value,
};
use crate::i18n::fill;
use crate::i18n::review::review_texts;
use crate::review::ReviewAction;
use crate::state::use_dispatch;

/// Properties of [`DecisionSelect`] and [`RankControl`].
#[derive(Properties, PartialEq)]
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
    /// Page language.
    pub lang: Lang,
}

/// A compact decision picker for a table row. Like the other controls of a row it takes
/// everything by props, so a change to one opinion re-renders one row's controls.
#[component]
pub fn DecisionSelect(props: &OpinionProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let rt = review_texts(lang);
    let id = props.id.to_string();
    let onchange: Callback<Event> = review_value(&dispatch, move |v| {
        ReviewAction::Decide(id.clone(), decision_of(&v).unwrap_or_default())
    });
    let current = props.opinion.decision;
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
    html! {
        <span class="rank">
            <span class="rank-number" data-testid="rank">{ rank }</span>
            <button type="button" class="rank-move" disabled={rank <= 1} data-move="up"
                aria-label={fill(rt.up_named, &[&props.name])} title={rt.up}
                onclick={review::<MouseEvent>(&d, ReviewAction::Move(id.clone(), true))}>{ "↑" }</button>
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
                    html! {
                        <label class={format!("choice decision-choice {}", decision_key(dec))}>
                            <input type="radio" name="decision" value={decision_key(dec)}
                                checked={dec == current} {disabled}
                                onchange={review::<Event>(&d, ReviewAction::Decide(id.clone(), dec))} />
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
                    <RankControl id={props.id.clone()} name={props.name.clone()} opinion={props.opinion.clone()}
                        recommended={k} {lang} />
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
