//! Files that cannot be used: each with its problems, in the page's language and with their
//! stable codes. They are never mixed into the comparison. A long list is folded under a line
//! with its count, so it does not push the comparison table far down the page.

use yew::prelude::*;

use crate::components::notices::problem_item;
use crate::components::open_file::load_catalog_button;
use crate::components::review::review;
use crate::i18n::review::review_texts;
use crate::i18n::{fill, texts};
use crate::review::ReviewAction;
use crate::state::use_app;

/// Up to this many rejected files are shown unfolded.
const SHOWN_UNFOLDED: usize = 3;

/// The list of rejected files (nothing when there are none).
#[component]
pub fn RejectedList() -> Html {
    let state = use_app();
    let d = state.dispatcher();
    let t = texts(state.lang);
    let rt = review_texts(state.lang);
    let rejected = &state.modes.review.session.rejected;
    if rejected.is_empty() {
        return Html::default();
    }
    html! {
        <section class="review-panel rejected" aria-labelledby="rejected-title" data-testid="rejected">
            <h2 id="rejected-title">{ fill(rt.rejected_title, &[&rejected.len().to_string()]) }</h2>
            <p class="hint">{ rt.rejected_hint }</p>
            <details class="rejected-details" open={rejected.len() <= SHOWN_UNFOLDED}>
            <summary data-testid="rejected-summary">{ fill(rt.rejected_summary, &[&rejected.len().to_string()]) }</summary>
            <ul class="rejected-list">
                { for rejected.iter().enumerate().map(|(i, file)| html! {
                    <li class="rejected-file" data-file={file.file_name.clone()}>
                        <div class="rejected-head">
                            <strong class="file-name">{ file.file_name.clone() }</strong>
                            <button type="button" class="link"
                                aria-label={fill(rt.remove_named, &[&file.file_name])}
                                onclick={review::<MouseEvent>(&d, ReviewAction::RemoveRejected(i))}>{ rt.remove }</button>
                        </div>
                        if file.problems.is_empty() {
                            <p class="error-text">{ rt.unreadable }</p>
                        } else {
                            <ul class="problems">
                                { for file.problems.iter().map(|p| problem_item(p, &state, t)) }
                            </ul>
                        }
                        if shifan_rules::problem::needs_catalog(&file.problems) {
                            <p class="hint" data-notice="catalog-needed">{ rt.catalog_needed }</p>
                            { load_catalog_button(&state) }
                        }
                    </li>
                }) }
            </ul>
            </details>
            <button type="button" onclick={review::<MouseEvent>(&d, ReviewAction::ClearRejected)}>{ rt.clear_rejected }</button>
        </section>
    }
}
