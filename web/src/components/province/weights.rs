//! A kind's weights on the province page: each part's weight with where it comes from (a
//! published fact, a default the office must set, or the office's own change) and whether it
//! is a gate, the form that changes them with a recorded reason, and the changes made so far.
//! Reading the typed weights, the sum and the record of the change are `shifan-rules`'s
//! (`ProvinceSession::change_weights`).

use shifan_rules::programme::KindKey;
use yew::prelude::*;

use crate::components::notices::problem_item;
use crate::components::target_value;
use crate::i18n::weights::weights_texts;
use crate::i18n::{fill, texts};
use crate::province_state::ProvinceAction;
use crate::state::{Action, use_app};

/// Properties of [`Weights`].
#[derive(Properties, PartialEq)]
pub struct WeightsProps {
    /// The kind whose weights are shown.
    pub kind: KindKey,
}

/// A kind's weights and the form that changes them.
#[component]
pub fn Weights(props: &WeightsProps) -> Html {
    let state = use_app();
    let kind = props.kind;
    let profile = state.modes.province.session.profile().clone();
    let parts = profile
        .kind(kind)
        .map(|k| k.parts.clone())
        .unwrap_or_default();
    let current: Vec<String> = parts.iter().map(|p| p.weight.value.ratio_text()).collect();
    // What is typed stays here until the rules accept it: a refused change loses nothing.
    let typed = use_state(|| current.clone());
    let reason = use_state(String::new);
    {
        let (typed, reason) = (typed.clone(), reason.clone());
        // A new profile (a change applied, a session imported) starts the form afresh.
        use_effect_with(profile.fingerprint().to_string(), move |_| {
            typed.set(current);
            reason.set(String::new());
        });
    }
    if parts.is_empty() {
        return Html::default();
    }
    let lang = state.lang;
    let t = weights_texts(lang);
    let kind_id = kind.key();
    let refused = match &state.modes.province.weights_refused {
        Some((k, problems)) if *k == kind => problems.clone(),
        _ => Vec::new(),
    };
    let onsubmit = {
        let (typed, reason, dispatch) = (typed.clone(), reason.clone(), state.dispatcher());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(Action::province(ProvinceAction::ChangeWeights {
                kind,
                weights: (*typed).clone(),
                reason: (*reason).clone(),
            }));
        })
    };
    let weight_input = |i: usize, label: &str| {
        let value = typed.get(i).cloned().unwrap_or_default();
        let typed = typed.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = (*typed).clone();
            if let Some(slot) = next.get_mut(i) {
                *slot = target_value(&e);
            }
            typed.set(next);
        });
        html! {
            <label class="field">
                <span>{ fill(t.weight_label, &[label]) }</span>
                <input type="text" inputmode="decimal" data-role="weight" data-part={parts[i].part.key()}
                    {value} {oninput} />
            </label>
        }
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |e: InputEvent| reason.set(target_value(&e)))
    };
    let adjustments: Vec<_> = profile.weight_changes(kind).collect();
    let title_id = format!("weights-{kind_id}");
    html! {
        <div class="weights" data-testid={title_id.clone()}>
            <h3 id={title_id.clone()}>{ t.title }</h3>
            <p class="hint">{ t.lead }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby={title_id}>
                <table class="comparison weights-table">
                    <thead>
                        <tr>
                            <th scope="col" class="plain">{ t.col_part }</th>
                            <th scope="col" class="plain">{ t.col_weight }</th>
                            <th scope="col" class="plain">{ t.col_source }</th>
                            <th scope="col" class="plain">{ t.col_gate }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for parts.iter().map(|p| html! {
                            <tr data-part={p.part.key()}>
                                <th scope="row">{ p.part.label(lang) }</th>
                                <td class="num" data-col="weight">{ p.weight.value.ratio_text() }</td>
                                <td class="wrap" data-col="source" data-source={source_key(p.weight.source)}>
                                    { p.weight.source.label(lang) }
                                    if !p.weight.note.is_empty() {
                                        <span class="hint">{ " — " }<bdi class="user-text" data-role="source-note">{ p.weight.note_in(lang).to_string() }</bdi></span>
                                    }
                                </td>
                                <td>{ if p.gate { t.gate } else { "" } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <details class="weights-change" open={!refused.is_empty()}>
                <summary>{ t.change }</summary>
                <form {onsubmit} data-role="change-weights">
                    <p class="hint">{ t.weight_hint }</p>
                    <div class="weights-fields">
                        { for parts.iter().enumerate().map(|(i, p)| weight_input(i, p.part.label(lang))) }
                    </div>
                    <label class="field">
                        <span>{ t.reason }</span>
                        <textarea data-role="weights-reason" rows="2" value={(*reason).clone()} oninput={on_reason} />
                    </label>
                    if !refused.is_empty() {
                        <ul class="problems error" role="alert" data-testid="weights-problems">
                            { for refused.iter().map(|p| problem_item(p, &state, texts(lang))) }
                        </ul>
                    }
                    <button type="submit" class="button">{ t.apply }</button>
                </form>
            </details>
            if !adjustments.is_empty() {
                <h4>{ t.adjustments }</h4>
                <ul class="adjustments" data-testid="adjustments">
                    { for adjustments.iter().map(|a| html! {
                        <li class="wrap">{ fill(t.adjustment, &[&a.describe(lang), &a.reason]) }</li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// The source's name in the page (`data-source`), for tests and styles.
fn source_key(source: shifan_rules::programme::Source) -> &'static str {
    use shifan_rules::programme::Source;
    match source {
        Source::Published => "published",
        Source::Default => "default",
        Source::Office => "office",
    }
}
