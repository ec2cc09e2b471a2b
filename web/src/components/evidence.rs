//! Evidence references of an indicator: the list with remove buttons, and the form that adds
//! one (title, document number, date, and optionally a fingerprinted local file).

use shifan_rules::{EvidenceRef, Lang};
use yew::prelude::*;

use crate::components::fingerprint::fingerprint_button;
use crate::components::{send, send_value};
use crate::i18n::{file_size, fill, texts};
use crate::state::{Action, Dispatch, EvidenceField, EvidenceForm};

/// The evidence references of indicator `number`; read-only shows no remove buttons.
pub fn evidence_list(
    dispatch: &Dispatch,
    number: u16,
    evidence: &[EvidenceRef],
    lang: Lang,
    read_only: bool,
) -> Html {
    let t = texts(lang);
    if evidence.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="evidence-list">
            { for evidence.iter().enumerate().map(|(index, e)| {
                let remove: Callback<MouseEvent> = send(dispatch, Action::RemoveEvidence { number, index });
                html! {
                    <li>
                        <div class="evidence-text">
                            <strong>{ e.title.clone() }</strong>
                            if !e.document_number.is_empty() { <span>{ format!(" · {}", e.document_number) }</span> }
                            if !e.date.is_empty() { <span>{ format!(" · {}", e.date) }</span> }
                            if let Some(file) = e.file.as_ref() {
                                <div class="file-line">
                                    { fill(t.file_line, &[&file.name, &file_size(file.size)]) }
                                    <code class="hash">{ format!("SHA-256 {}", file.sha256) }</code>
                                </div>
                            }
                        </div>
                        if !read_only {
                            <button type="button" class="link danger" onclick={remove}
                                aria-label={fill(t.remove_named, &[&e.title])}>{ t.remove }</button>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

/// The form that adds an evidence reference.
pub fn evidence_form(dispatch: &Dispatch, form: &EvidenceForm, lang: Lang) -> Html {
    let t = texts(lang);
    let n = form.number;
    let field = |f: EvidenceField| -> Callback<InputEvent> {
        send_value(dispatch, Box::new(move |v| Action::EditEvidence(f, v)))
    };
    let onsubmit = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(Action::SubmitEvidence);
        })
    };
    let cancel: Callback<MouseEvent> = send(dispatch, Action::CloseEvidenceForm);
    let clear_file: Callback<MouseEvent> = send(dispatch, Action::ClearEvidenceFile);
    let id = format!("ev-{n}");
    let hashing = form.hashing.is_some();
    html! {
        <form class="evidence-form" {onsubmit} aria-label={fill(t.add_evidence_to, &[&n.to_string()])}>
            <div class="field">
                <label for={format!("{id}-title")}>{ t.evidence_title }</label>
                <input id={format!("{id}-title")} type="text" value={form.evidence.title.clone()}
                    oninput={field(EvidenceField::Title)} />
            </div>
            <div class="grid-2">
                <div class="field">
                    <label for={format!("{id}-number")}>{ t.evidence_number }</label>
                    <input id={format!("{id}-number")} type="text" value={form.evidence.document_number.clone()}
                        placeholder={t.evidence_number_example} oninput={field(EvidenceField::DocumentNumber)} />
                </div>
                <div class="field">
                    <label for={format!("{id}-date")}>{ t.evidence_date }</label>
                    <input id={format!("{id}-date")} type="date" value={form.evidence.date.clone()}
                        oninput={field(EvidenceField::Date)} />
                </div>
            </div>
            <div class="fingerprint">
                { fingerprint_button(dispatch, n, lang, hashing) }
                if let Some((done, total)) = form.hashing {
                    <div class="hash-progress">
                        <progress max={total.max(1).to_string()} value={done.to_string()}
                            aria-label={t.fingerprinting} />
                        <span role="status">{ fill(t.fingerprint_progress, &[&file_size(done), &file_size(total)]) }</span>
                    </div>
                }
                if let Some(file) = form.evidence.file.as_ref() {
                    <div class="file-line" role="status">
                        { fill(t.file_line, &[&file.name, &file_size(file.size)]) }
                        <code class="hash">{ format!("SHA-256 {}", file.sha256) }</code>
                        <button type="button" class="link" onclick={clear_file}>{ t.remove_file }</button>
                    </div>
                }
                <p class="hint">{ t.fingerprint_hint }</p>
            </div>
            if let Some(name) = form.unreadable.as_ref() {
                <p class="error-text" role="alert">{ fill(t.fingerprint_failed, &[name]) }</p>
            }
            if let Some(problem) = form.problem.as_ref() {
                <p class="error-text" role="alert">{ problem.message.get(lang).to_string() }</p>
            }
            <div class="actions">
                <button type="submit" class="primary" disabled={hashing}>{ t.save_evidence }</button>
                <button type="button" onclick={cancel}>{ t.cancel }</button>
            </div>
        </form>
    }
}
