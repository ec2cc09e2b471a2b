//! One indicator: its number, title, checkable points, status buttons, the reason a status
//! needs, evidence guidance, a note and evidence references.
//!
//! Cards take their answer by props and the dispatcher from context, so a change to one
//! answer re-renders one card, not a hundred.

use std::sync::Arc;

use shifan_rules::assessment::suggested_status;
use shifan_rules::{Answer, Catalog, Lang, Status};
use yew::prelude::*;

use crate::components::evidence::{evidence_form, evidence_list};
use crate::components::{class_list, send, send_value};
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
    /// Shown read-only (an application the city review opened): nothing can be changed.
    #[prop_or_default]
    pub read_only: bool,
}

/// One indicator card.
#[component]
pub fn IndicatorCard(props: &IndicatorProps) -> Html {
    let d = use_dispatch();
    let reason_ref = use_node_ref();
    let card_ref = use_node_ref();
    let had_pending = use_mut_ref(|| false);
    {
        // A status waiting for its reason takes the focus to the reason box; once it is
        // confirmed or cancelled the box is gone, and the card keeps the focus, so the keyboard
        // goes on from this indicator (not from the page body).
        let (reason_ref, card_ref) = (reason_ref.clone(), card_ref.clone());
        use_effect_with(props.pending.as_ref().map(|p| p.status), move |pending| {
            let had = had_pending.replace(pending.is_some());
            let target = match pending {
                Some(_) => reason_ref.cast::<web_sys::HtmlElement>(),
                None if had && crate::browser::focus_lost(card_ref.get().as_ref()) => {
                    card_ref.cast::<web_sys::HtmlElement>()
                }
                None => None,
            };
            if let Some(element) = target {
                let _ = element.focus();
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
    let id = format!("ind-{n}");
    let title_id = format!("{id}-title");
    let read_only = props.read_only;
    let onfocusin: Option<Callback<FocusEvent>> =
        (!props.current && !read_only).then(|| send(&d, Action::Select(n)));
    let (chip_class, chip_text) = if props.excluded {
        ("excluded", t.excluded_chip)
    } else {
        (answer.status.as_str(), status_label(lang, answer.status))
    };
    let header = html! {
        <header class="card-head">
            <span class="num" aria-hidden="true">{ n }</span>
            <h4 id={title_id.clone()}>
                <span class="visually-hidden">{ fill(t.indicator_number, &[&n.to_string()]) }</span>
                { indicator.title.clone() }
            </h4>
            <span class={class_list("chip", &[Some(chip_class)])}>{ chip_text }</span>
        </header>
    };
    if props.excluded {
        return html! {
            <article {id} class="card excluded" tabindex="-1" data-status="excluded"
                aria-labelledby={title_id} {onfocusin}>
                { header }
                <p class="hint">{ t.excluded_text }</p>
            </article>
        };
    }

    let points = indicator.criteria.iter().enumerate().map(|(i, text)| {
        let checked = answer.satisfied.iter().any(|&p| usize::from(p) == i);
        let point_id = format!("{id}-p{i}");
        html! {
            <li>
                <input type="checkbox" id={point_id.clone()} {checked} disabled={read_only}
                    onchange={send::<Event>(&d, Action::TogglePoint { number: n, point: i })} />
                <label for={point_id}>{ text.clone() }</label>
            </li>
        }
    });
    let status_buttons = STATUS_KEYS.iter().enumerate().map(|(k, &s)| {
        html! {
            <button type="button" class={class_list("status-button", &[Some(s.as_str())])}
                aria-pressed={(answer.status == s).to_string()} data-status={s.as_str()}
                disabled={read_only}
                onclick={send::<MouseEvent>(&d, Action::SetStatus { number: n, status: s, reason: None })}>
                { status_label(lang, s) }
                <kbd aria-hidden="true">{ k + 1 }</kbd>
            </button>
        }
    });
    let clear = (answer.status != Status::Unanswered && !read_only).then(|| {
        html! {
            <button type="button" class="link clear"
                onclick={send::<MouseEvent>(&d, Action::SetStatus { number: n, status: Status::Unanswered, reason: None })}>
                { t.clear_answer }
            </button>
        }
    });

    let reason_label = |status: Status| {
        let template = if status == Status::NotApplicable {
            t.reason_na
        } else {
            t.reason_override
        };
        fill(template, &[status_label(lang, status)])
    };
    let reason = if let Some(pending) = props.pending.as_ref() {
        let onkeydown = {
            let d = d.clone();
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    d.dispatch(Action::ConfirmPending);
                }
                "Escape" => d.dispatch(Action::CancelPending),
                _ => {}
            })
        };
        let input_id = format!("{id}-pending");
        html! {
            <div class="reason pending" data-pending={pending.status.as_str()}>
                <p class="error-text" role="alert">{ pending.problem.message.get(lang).to_string() }</p>
                <label for={input_id.clone()}>{ reason_label(pending.status) }</label>
                <div class="reason-row">
                    <input id={input_id} type="text" ref={reason_ref}
                        value={pending.reason.clone()} {onkeydown}
                        oninput={send_value::<InputEvent>(&d, Box::new(Action::EditPendingReason))} />
                    <button type="button" class="primary"
                        onclick={send::<MouseEvent>(&d, Action::ConfirmPending)}>{ t.confirm }</button>
                    <button type="button"
                        onclick={send::<MouseEvent>(&d, Action::CancelPending)}>{ t.cancel }</button>
                </div>
            </div>
        }
    } else if answer.status == Status::NotApplicable || answer.is_override(criteria) {
        let status = answer.status;
        let onchange: Callback<Event> = send_value(
            &d,
            Box::new(move |v| Action::SetStatus {
                number: n,
                status,
                reason: Some(v),
            }),
        );
        let hint = answer.is_override(criteria).then(|| {
            let suggested = suggested_status(answer.satisfied.len(), criteria);
            fill(t.override_hint, &[status_label(lang, suggested)])
        });
        let input_id = format!("{id}-reason");
        html! {
            <div class="reason">
                <label for={input_id.clone()}>{ reason_label(status) }</label>
                <input id={input_id} type="text" value={answer.reason.clone()} readonly={read_only} {onchange} />
                if let Some(hint) = hint {
                    <p class="hint">{ hint }</p>
                }
            </div>
        }
    } else {
        Html::default()
    };

    let note_id = format!("{id}-note");
    let on_note: Callback<InputEvent> = send_value(
        &d,
        Box::new(move |note| Action::SetNote { number: n, note }),
    );
    let class = class_list(
        "card",
        &[
            Some(answer.status.as_str()),
            props.current.then_some("current"),
        ],
    );
    html! {
        <article id={id.clone()} {class} tabindex="-1" data-status={answer.status.as_str()}
            aria-labelledby={title_id} {onfocusin} ref={card_ref}>
            { header }
            <fieldset class="points">
                <legend>{ t.points }</legend>
                <ul>{ for points }</ul>
            </fieldset>
            <div class="status-row" role="group" aria-label={fill(t.status_group, &[&n.to_string()])}>
                { for status_buttons }
                { clear }
            </div>
            { reason }
            <details class="guide">
                <summary>{ fill(t.evidence_guide, &[&indicator.evidence.len().to_string()]) }</summary>
                <ul>{ for indicator.evidence.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
            </details>
            if !read_only || !answer.note.is_empty() {
                <div class="field note">
                    <label for={note_id.clone()}>{ t.note }</label>
                    <textarea id={note_id} rows="2" value={answer.note.clone()} readonly={read_only} oninput={on_note} />
                </div>
            }
            <div class="evidence">
                <h5>{ fill(t.evidence_refs, &[&answer.evidence.len().to_string()]) }</h5>
                { evidence_list(&d, n, &answer.evidence, lang, read_only) }
                if let Some(form) = props.form.as_ref() {
                    { evidence_form(&d, form, lang) }
                } else if !read_only {
                    <button type="button" onclick={send::<MouseEvent>(&d, Action::OpenEvidenceForm(n))}
                        aria-label={fill(t.add_evidence_to, &[&n.to_string()])}>{ t.add_evidence }</button>
                }
            </div>
        </article>
    }
}
