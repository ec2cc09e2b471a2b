//! Messages that need the official's attention: problems of a file, a failed save (with the
//! download offered), the same draft open in another tab.

use shifan_rules::{Problem, Severity};
use yew::prelude::*;

use crate::components::open_file::load_catalog_button;
use crate::components::send;
use crate::files;
use crate::i18n::{Texts, fill, texts};
use crate::state::{Action, AppHandle, DuplicateChoice, NoticeTopic, SaveError, SaveStatus};

/// One problem as a list item, in the page's language; a problem about an indicator offers a
/// jump to it while a draft is open.
pub fn problem_item(problem: &Problem, state: &AppHandle, t: &Texts) -> Html {
    let lang = state.lang;
    let jump = problem
        .at
        .indicator
        .filter(|n| state.draft.is_some() && state.catalog.indicator(*n).is_some());
    let place = match (problem.at.indicator, problem.at.line) {
        (Some(n), _) => fill(t.at_indicator, &[&n.to_string()]),
        (None, Some(line)) => fill(t.at_line, &[&line.to_string()]),
        _ => String::new(),
    };
    let severity = match problem.severity() {
        Severity::Error => t.severity_error,
        Severity::Warning => t.severity_warning,
    };
    html! {
        <li class="problem" data-code={problem.code.as_str()}>
            <span class="severity">{ severity }</span>
            if !place.is_empty() {
                if let Some(n) = jump {
                    <button type="button" class="link"
                        onclick={send::<MouseEvent>(&state.dispatcher(), Action::Jump(n))}>{ place }</button>
                } else {
                    <span class="place">{ place }</span>
                }
            }
            <span class="message">{ problem.message.get(lang).to_string() }</span>
            <code class="code">{ problem.code.as_str() }</code>
        </li>
    }
}

/// The notices area under the top bar.
pub fn notices(state: &AppHandle) -> Html {
    let t = texts(state.lang);
    let dismiss: Callback<MouseEvent> = send(&state.dispatcher(), Action::DismissNotice);
    let download = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(action) = files::download_application(&state) {
                state.dispatch(action);
            }
        })
    };
    let download_draft = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(action) = state
                .draft
                .as_ref()
                .and_then(|d| files::download_draft(state.host.node().as_ref(), d))
            {
                state.dispatch(action);
            }
        })
    };
    let save_failure = match state.save {
        SaveStatus::Failed(SaveError::Full) if state.draft.is_some() => Some(t.storage_full),
        SaveStatus::Failed(SaveError::Unavailable) if state.draft.is_some() => {
            Some(t.storage_unavailable)
        }
        _ => None,
    };
    html! {
        <div class="notices no-print">
            if let Some(text) = save_failure {
                <div class="notice error" role="alert" data-notice="save-failed">
                    <p><strong>{ t.not_saved_title }</strong>{ " " }{ text }</p>
                    <div class="actions">
                        <button type="button" class="primary" onclick={download}>{ state.host.export_label(t.download) }</button>
                        <button type="button" onclick={download_draft}>{ t.download_draft }</button>
                    </div>
                </div>
            }
            if let Some(dup) = state.duplicate.as_ref() {
                { duplicate_notice(state, t, &dup.existing) }
            }
            if state.conflict && state.draft.is_some() {
                <div class="notice warning" role="alert" data-notice="conflict">
                    <p><strong>{ t.conflict_title }</strong>{ " " }{ t.conflict_text }</p>
                </div>
            }
            if let Some(notice) = state.notice.as_ref() {
                <div class={if matches!(notice.topic, NoticeTopic::OpenedWithWarnings | NoticeTopic::PendingDropped | NoticeTopic::CatalogKept) { "notice warning" } else { "notice error" }}
                    role="alert" data-notice="problems" data-topic={(notice.topic == NoticeTopic::PendingDropped).then_some("pending-dropped")}>
                    <p><strong>{ match notice.topic {
                        NoticeTopic::OpenFailed => t.open_failed,
                        NoticeTopic::OpenedWithWarnings => t.opened_with_warnings,
                        NoticeTopic::ExportFailed => t.export_failed,
                        NoticeTopic::DownloadRefused => t.download_refused,
                        NoticeTopic::ReadFailed => t.read_failed,
                        NoticeTopic::PendingDropped => t.pending_dropped,
                        NoticeTopic::CatalogFailed => t.catalog_failed,
                        NoticeTopic::CatalogKept => t.catalog_kept,
                    } }</strong></p>
                    if !notice.problems.is_empty() {
                        <ul class="problems">
                            { for notice.problems.iter().map(|p| problem_item(p, state, t)) }
                        </ul>
                    }
                    if catalog_needed(notice) {
                        <p data-notice="catalog-needed">{ t.catalog_needed }</p>
                    }
                    <div class="actions">
                        if catalog_needed(notice) {
                            { load_catalog_button(state) }
                        }
                        <button type="button" onclick={dismiss}>{ t.dismiss }</button>
                    </div>
                </div>
            }
        </div>
    }
}

/// The choice for a file that is the same application as the saved draft `existing`.
fn duplicate_notice(state: &AppHandle, t: &Texts, existing: &str) -> Html {
    let d = state.dispatcher();
    let saved = state.drafts.drafts.iter().find(|s| s.draft.id == existing);
    let name = saved
        .and_then(|s| s.draft.place().ok())
        .map(|p| p.display_name())
        .unwrap_or_else(|| t.no_applicant_yet.to_string());
    let updated = saved.map(|s| crate::browser::local_time(&s.draft.updated));
    let text = fill(
        t.duplicate_text,
        &[
            &name,
            &crate::record::short_id(existing),
            updated.as_deref().unwrap_or(""),
        ],
    );
    let choose = |c| send::<MouseEvent>(&d, Action::ResolveDuplicate(c));
    html! {
        <div class="notice warning" role="alertdialog" data-notice="duplicate" aria-label={text.clone()}>
            <p>{ text }</p>
            <div class="actions">
                <button type="button" class="primary" data-action="continue-existing"
                    onclick={choose(DuplicateChoice::Continue)}>{ t.duplicate_continue }</button>
                <button type="button" data-action="keep-copy"
                    onclick={choose(DuplicateChoice::KeepCopy)}>{ t.duplicate_copy }</button>
                <button type="button" data-action="open-neither"
                    onclick={choose(DuplicateChoice::Cancel)}>{ t.duplicate_cancel }</button>
            </div>
        </div>
    }
}

/// Whether a file was refused for a catalog the page does not have (then the notice offers
/// to load it).
fn catalog_needed(notice: &crate::state::Notice) -> bool {
    notice.topic == NoticeTopic::OpenFailed
        && shifan_rules::problem::needs_catalog(&notice.problems)
}
