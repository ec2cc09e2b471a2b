//! One indicator: its number, title, checkable points, status buttons, the reason a status
//! needs, evidence guidance, a note and evidence references.
//!
//! Cards take their answer by props and the dispatcher from context, so a change to one
//! answer re-renders one card, not a hundred.

use std::sync::Arc;

use shifan_rules::assessment::suggested_status;
use shifan_rules::{Answer, Catalog, Lang, Status};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::evidence::{EvidenceFormView, EvidenceList};
use crate::components::{input_value, textarea_value};
use crate::hooks::STATUS_KEYS;
use crate::i18n::{fill, status_label, texts};
use crate::state::{Action, EvidenceForm, PendingStatus, use_dispatch};

/// Properties of [`IndicatorCard`].
#[derive(Properties, PartialEq)]
pub struct IndicatorProps {
    /// The catalog.
    pub catalog: Arc<Catalog>,
    /// Indicator number.
    pub number: u16,
    /// The answer (`None` only for a damaged draft).
    pub answer: Option<Answer>,
    /// Page language.
    pub lang: Lang,
    /// The catalog does not apply this indicator to the applicant's level.
    pub excluded: bool,
    /// The keyboard acts on this indicator.
    pub current: bool,
    /// A status of this indicator waiting for its reason.
    pub pending: Option<PendingStatus>,
    /// The evidence form, when open for this indicator.
    pub form: Option<EvidenceForm>,
}

/// One indicator card.
#[component]
pub fn IndicatorCard(props: &IndicatorProps) -> Html {
    let dispatch = use_dispatch();
    let reason_ref = use_node_ref();
    {
        let reason_ref = reason_ref.clone();
        use_effect_with(props.pending.as_ref().map(|p| p.status), move |pending| {
            if pending.is_some()
                && let Some(input) = reason_ref.cast::<HtmlInputElement>()
            {
                let _ = input.focus();
            }
        });
    }
    let t = texts(props.lang);
    let lang = props.lang;
    let n = props.number;
    let Some(indicator) = props.catalog.indicator(n) else {
        return Html::default();
    };
    let answer = props
        .answer
        .clone()
        .unwrap_or_else(|| Answer::unanswered(n));
    let criteria = indicator.criteria.len();
    let status = if props.excluded {
        None
    } else {
        Some(answer.status)
    };
    let id = format!("ind-{n}");
    let onfocusin = (!props.current).then(|| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: FocusEvent| dispatch.dispatch(Action::Select(n)))
    });
    let chip = match status {
        None => html! { <span class="chip excluded">{ t.excluded_chip }</span> },
        Some(s) => {
            html! { <span class={classes!("chip", s.as_str())}>{ status_label(lang, s) }</span> }
        }
    };
    let header = html! {
        <header class="card-head">
            <span class="num" aria-hidden="true">{ n }</span>
            <h4 id={format!("{id}-title")}>
                <span class="visually-hidden">{ fill(t.indicator_number, &[&n.to_string()]) }</span>
                { indicator.title.clone() }
            </h4>
            { chip }
        </header>
    };
    if props.excluded {
        return html! {
            <article {id} class="card excluded" tabindex="-1" data-status="excluded"
                aria-labelledby={format!("ind-{n}-title")} {onfocusin}>
                { header }
                <p class="hint">{ t.excluded_text }</p>
            </article>
        };
    }

    let points = indicator.criteria.iter().enumerate().map(|(i, text)| {
        let checked = answer.satisfied.iter().any(|&p| usize::from(p) == i);
        let onchange = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: Event| {
                dispatch.dispatch(Action::TogglePoint {
                    number: n,
                    point: i,
                })
            })
        };
        let point_id = format!("{id}-p{i}");
        html! {
            <li>
                <input type="checkbox" id={point_id.clone()} {checked} {onchange} />
                <label for={point_id}>{ text.clone() }</label>
            </li>
        }
    });

    let status_buttons = STATUS_KEYS.iter().enumerate().map(|(k, &s)| {
        let pressed = answer.status == s;
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::SetStatus {
                    number: n,
                    status: s,
                    reason: None,
                })
            })
        };
        html! {
            <button type="button" class={classes!("status-button", s.as_str())}
                aria-pressed={pressed.to_string()} data-status={s.as_str()} {onclick}>
                { status_label(lang, s) }
                <kbd aria-hidden="true">{ k + 1 }</kbd>
            </button>
        }
    });
    let clear = (answer.status != Status::Unanswered).then(|| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::SetStatus {
                number: n,
                status: Status::Unanswered,
                reason: None,
            })
        })
    });

    let reason = if let Some(pending) = props.pending.as_ref() {
        let oninput = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: InputEvent| {
                dispatch.dispatch(Action::EditPendingReason(input_value(&e)))
            })
        };
        let onkeydown = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    dispatch.dispatch(Action::ConfirmPending);
                }
                "Escape" => dispatch.dispatch(Action::CancelPending),
                _ => {}
            })
        };
        let confirm = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ConfirmPending))
        };
        let cancel = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CancelPending))
        };
        let label = if pending.status == Status::NotApplicable {
            t.reason_na
        } else {
            t.reason_override
        };
        html! {
            <div class="reason pending" data-pending={pending.status.as_str()}>
                <p class="error-text" role="alert">{ pending.problem.message.get(lang).to_string() }</p>
                <label for={format!("{id}-pending")}>{ fill(label, &[status_label(lang, pending.status)]) }</label>
                <div class="reason-row">
                    <input id={format!("{id}-pending")} type="text" ref={reason_ref}
                        value={pending.reason.clone()} {oninput} {onkeydown} />
                    <button type="button" class="primary" onclick={confirm}>{ t.confirm }</button>
                    <button type="button" onclick={cancel}>{ t.cancel }</button>
                </div>
            </div>
        }
    } else if answer.status == Status::NotApplicable || answer.is_override(criteria) {
        let status = answer.status;
        let onchange = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: Event| {
                let value = crate::components::changed_input_value(&e);
                dispatch.dispatch(Action::SetStatus {
                    number: n,
                    status,
                    reason: Some(value),
                })
            })
        };
        let label = if status == Status::NotApplicable {
            t.reason_na
        } else {
            t.reason_override
        };
        let hint = answer.is_override(criteria).then(|| {
            fill(
                t.override_hint,
                &[status_label(
                    lang,
                    suggested_status(answer.satisfied.len(), criteria),
                )],
            )
        });
        html! {
            <div class="reason">
                <label for={format!("{id}-reason")}>{ fill(label, &[status_label(lang, status)]) }</label>
                <input id={format!("{id}-reason")} type="text" value={answer.reason.clone()} {onchange} />
                if let Some(hint) = hint {
                    <p class="hint">{ hint }</p>
                }
            </div>
        }
    } else {
        Html::default()
    };

    let on_note = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            dispatch.dispatch(Action::SetNote {
                number: n,
                note: textarea_value(&e),
            })
        })
    };
    let open_form = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::OpenEvidenceForm(n)))
    };

    html! {
        <article id={id.clone()} class={classes!("card", answer.status.as_str(), props.current.then_some("current"))}
            tabindex="-1" data-status={answer.status.as_str()}
            aria-labelledby={format!("ind-{n}-title")} {onfocusin}>
            { header }
            <fieldset class="points">
                <legend>{ t.points }</legend>
                <ul>{ for points }</ul>
            </fieldset>
            <div class="status-row" role="group" aria-label={fill(t.status_group, &[&n.to_string()])}>
                { for status_buttons }
                if let Some(onclick) = clear {
                    <button type="button" class="link clear" {onclick}>{ t.clear_answer }</button>
                }
            </div>
            { reason }
            <details class="guide">
                <summary>{ fill(t.evidence_guide, &[&indicator.evidence.len().to_string()]) }</summary>
                <ul>{ for indicator.evidence.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
            </details>
            <div class="field note">
                <label for={format!("ind-{n}-note")}>{ t.note }</label>
                <textarea id={format!("ind-{n}-note")} rows="2" value={answer.note.clone()} oninput={on_note} />
            </div>
            <div class="evidence">
                <h5>{ fill(t.evidence_refs, &[&answer.evidence.len().to_string()]) }</h5>
                <EvidenceList number={n} evidence={answer.evidence.clone()} {lang} />
                if let Some(form) = props.form.clone() {
                    <EvidenceFormView {form} {lang} />
                } else {
                    <button type="button" onclick={open_form}
                        aria-label={fill(t.add_evidence_to, &[&n.to_string()])}>{ t.add_evidence }</button>
                }
            </div>
        </article>
    }
}
