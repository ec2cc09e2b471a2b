//! Evidence references of an indicator: the list with edit and remove buttons, and the form
//! that adds one or edits one (title, document number, date, and optionally a fingerprinted
//! local file).

use shifan_rules::{EvidenceRef, Lang, LocalFile};
use yew::prelude::*;

use crate::components::fingerprint::fingerprint_button;
use crate::components::{send, send_value};
use crate::i18n::{Texts, file_size, fill, texts};
use crate::state::{Action, Dispatch, EvidenceField, EvidenceForm};

/// The evidence references of indicator `number`; read-only shows no edit or remove buttons.
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
                let edit: Callback<MouseEvent> = send(dispatch, Action::EditEvidenceEntry { number, index });
                html! {
                    <li>
                        <div class="evidence-text">
                            <span class="evidence-line">{ evidence_line(e) }</span>
                            if let Some(file) = e.file.as_ref() {
                                <div class="file-line">
                                    { file_line(t, file) }
                                    <code class="hash">{ format!("SHA-256 {}", file.sha256) }</code>
                                </div>
                            }
                        </div>
                        if !read_only {
                            <div class="evidence-actions">
                                <button type="button" class="link" onclick={edit}
                                    aria-label={fill(t.edit_named, &[&e.title])}>{ t.edit }</button>
                                <button type="button" class="link danger" onclick={remove}
                                    aria-label={fill(t.remove_named, &[&e.title])}>{ t.remove }</button>
                            </div>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

/// An evidence reference's title, document number and date on one line, each isolated
/// (`<bdi>`) so that right-to-left text in one cannot reorder the others.
pub fn evidence_line(e: &EvidenceRef) -> Html {
    // The document number and the date are isolated by U+2068 … U+2069, what `<bdi>` does.
    let rest = [&e.document_number, &e.date]
        .into_iter()
        .filter(|s| !s.is_empty())
        .fold(String::new(), |out, s| out + " · \u{2068}" + s + "\u{2069}");
    html! { <><bdi class="evidence-title">{ e.title.clone() }</bdi>{ rest }</> }
}

/// "文件：name（size）" with the file's name isolated (U+2068 … U+2069, what `<bdi>` does): a
/// name with a right-to-left override (U+202E) cannot reorder the line.
pub fn file_line(t: &Texts, file: &LocalFile) -> String {
    fill(
        t.file_line,
        &[
            &format!("\u{2068}{}\u{2069}", file.name),
            &file_size(file.size),
        ],
    )
}

/// The form that adds an evidence reference, or replaces one (editing).
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
        <form class="evidence-form" {onsubmit} data-replacing={form.replacing.map(|i| i.to_string())}
            aria-label={fill(if form.replacing.is_some() { t.edit_evidence_of } else { t.add_evidence_to }, &[&n.to_string()])}>
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
                        { file_line(t, file) }
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
