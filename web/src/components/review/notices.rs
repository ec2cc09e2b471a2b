//! The review's messages: a save that failed (with the package offered, which keeps
//! everything), a stored session that could not be read, what an export ran into, and a
//! removal with its undo.

use yew::prelude::*;

use crate::components::notices::problem_item;
use crate::components::review::review;
use crate::i18n::review::review_texts;
use crate::i18n::{fill, texts};
use crate::review::{ReviewAction, ReviewNotice, io};
use crate::state::{Action, SaveError, SaveStatus, use_app};

/// The name the unreadable stored session is downloaded under.
const UNREADABLE_FILE: &str = "shifan-review-session-unreadable.txt";

/// The review's notices.
#[component]
pub fn ReviewNotices() -> Html {
    let state = use_app();
    let d = state.dispatcher();
    let t = texts(state.lang);
    let rt = review_texts(state.lang);
    let r = &state.modes.review;
    let export = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let notice = io::download_package(&state.modes.review.session, &state.host);
            state.dispatch(Action::review(ReviewAction::Notice(notice)));
        })
    };
    let save_failure = match r.save {
        SaveStatus::Failed(SaveError::Full) => Some(rt.storage_full),
        SaveStatus::Failed(SaveError::Unavailable) => Some(rt.storage_unavailable),
        _ => None,
    };
    // The unreadable session's text, as it was stored: whatever can still be recovered from it
    // is the office's work.
    let download_unreadable = {
        let raw = r.load_raw.clone();
        let near = state.host.node();
        Callback::from(move |_: MouseEvent| {
            if let Some(raw) = raw.as_deref() {
                let _ = crate::browser::download(
                    near.as_ref(),
                    UNREADABLE_FILE,
                    raw,
                    "text/plain;charset=utf-8",
                );
            }
        })
    };
    let dismiss: Callback<MouseEvent> = review(&d, ReviewAction::Notice(None));
    let notice = r.notice.as_ref().map(|n| {
        let (title, problems) = match n {
            ReviewNotice::PackageFailed(problems) => (rt.package_failed.to_string(), &problems[..]),
            ReviewNotice::XlsxFailed(message) => (fill(rt.xlsx_failed, &[message]), &[][..]),
            ReviewNotice::DownloadRefused => (rt.download_refused.to_string(), &[][..]),
        };
        html! {
            <div class="notice error" role="alert" data-notice="review">
                <p><strong>{ title }</strong></p>
                if !problems.is_empty() {
                    <ul class="problems">
                        { for problems.iter().map(|p| problem_item(p, &state, t)) }
                    </ul>
                }
                <div class="actions">
                    <button type="button" onclick={dismiss}>{ rt.dismiss }</button>
                </div>
            </div>
        }
    });
    // After a removal: the undo puts the application back with its decision, rank and comment.
    let removed = r.removed.as_ref().map(|removed| {
        let name = removed.reviewed.verified.file.applicant.display_name();
        html! {
            <div class="notice warning" role="status" data-notice="review-removed">
                <p>{ fill(rt.removed, &[&name]) }</p>
                <div class="actions">
                    <button type="button" class="primary" data-action="undo-remove"
                        onclick={review::<MouseEvent>(&d, ReviewAction::UndoRemove)}>{ rt.undo }</button>
                    <button type="button"
                        onclick={review::<MouseEvent>(&d, ReviewAction::ForgetRemoved)}>{ rt.dismiss }</button>
                </div>
            </div>
        }
    });
    html! {
        <div class="review-notices no-print">
            if state.conflict {
                <div class="notice warning" role="alert" data-notice="review-conflict">
                    <p><strong>{ rt.conflict_title }</strong>{ " " }{ rt.conflict_text }</p>
                </div>
            }
            if let Some(text) = save_failure {
                <div class="notice error" role="alert" data-notice="review-save-failed">
                    <p><strong>{ rt.not_saved }</strong>{ " " }{ text }</p>
                    <div class="actions">
                        <button type="button" class="primary" onclick={export}>{ rt.export_package }</button>
                    </div>
                </div>
            }
            if !r.load_problems.is_empty() {
                <div class="notice warning" role="alert" data-notice="review-load-failed">
                    <p><strong>{ rt.load_failed }</strong></p>
                    <ul class="problems">
                        { for r.load_problems.iter().map(|p| problem_item(p, &state, t)) }
                    </ul>
                    if r.load_raw.is_some() {
                        <div class="actions">
                            <button type="button" class="primary" onclick={download_unreadable}
                                data-action="download-unreadable-session">{ rt.download_unreadable }</button>
                        </div>
                    }
                </div>
            }
            { removed }
            { notice }
        </div>
    }
}
