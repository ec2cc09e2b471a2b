//! Duplicate submissions: files for the same county and kind (`shifan_rules::review`'s
//! definition), side by side in one group, so the office can see which is which and keep one.
//! Removing one takes its decision, rank and comments with it, so it asks first (as starting a
//! new review does), and the notice after it offers an undo. Thousands of files can make
//! hundreds of groups: the first ten are drawn, and the rest counted and offered under them.

use shifan_rules::review::duplicate_pairs;
use shifan_rules::session::Reviewed;
use yew::prelude::*;

use crate::browser;
use crate::components::review::more::more;
use crate::components::review::{decision_label, review};
use crate::i18n::fill;
use crate::i18n::review::review_texts;
use crate::review::rows::first;
use crate::review::{Panel, ReviewAction};
use crate::state::{Action, use_app};

/// The duplicate pairs (nothing when there are none).
#[component]
pub fn Duplicates() -> Html {
    let state = use_app();
    let d = state.dispatcher();
    let lang = state.lang;
    let rt = review_texts(lang);
    let apps = state.modes.review.session.applications();
    let files: Vec<_> = apps.iter().map(|r| &r.verified.file).collect();
    let groups = groups(apps.len(), &duplicate_pairs(&files));
    if groups.is_empty() {
        return Html::default();
    }
    let (drawn, left) = first(&groups, state.modes.review.shown.duplicates);
    let card = |r: &Reviewed| {
        let file = &r.verified.file;
        let id = r.integrity().to_string();
        let ratio = r.verified.score.total.compliance();
        let kind = file.kind.label(lang);
        let remove = {
            let (d, id) = (d.clone(), id.clone());
            let question = fill(
                rt.remove_confirm,
                &[
                    &file.applicant.display_name(),
                    decision_label(lang, r.opinion.decision),
                ],
            );
            Callback::from(move |_: MouseEvent| {
                if browser::confirm(&question) {
                    d.dispatch(Action::review(ReviewAction::Remove(id.clone())));
                }
            })
        };
        html! {
            <article class="dup-card" data-id={id.clone()}>
                <h3>{ file.applicant.display_name() }</h3>
                <p class="dup-meta">{ kind }{ " · " }{ decision_label(lang, r.opinion.decision) }</p>
                <p class="dup-figure"><strong>{ ratio.percent() }</strong>{ " " }<span class="formula">{ ratio.formula() }</span></p>
                <p class="file-line">{ fill(rt.file, &[&r.file_name]) }</p>
                <p class="file-line">{ fill(rt.updated, &[&browser::local_time(&file.updated)]) }</p>
                <p class="file-line">{ fill(rt.fingerprint, &[file.short_fingerprint()]) }</p>
                <div class="actions">
                    <button type="button"
                        onclick={review::<MouseEvent>(&d, ReviewAction::View(Some(id.clone())))}>
                        { fill(rt.open_named, &[&file.applicant.display_name()]) }
                    </button>
                    <button type="button" class="danger" data-action="remove-application"
                        onclick={remove}>{ rt.remove_application }</button>
                </div>
            </article>
        }
    };
    html! {
        <section class="review-panel duplicates" aria-labelledby="dup-title" data-testid="duplicates">
            <h2 id="dup-title">{ fill(rt.duplicates_title, &[&groups.len().to_string()]) }</h2>
            <p class="hint">{ rt.duplicates_hint }</p>
            { for drawn.iter().map(|group| html! {
                <div class="dup-pair">
                    { for group.iter().map(|&i| card(&apps[i])) }
                </div>
            }) }
            { more(&state, Panel::Duplicates, drawn.len(), left) }
        </section>
    }
}

/// The groups of duplicates (indices in the order opened) from the pairs of duplicates:
/// being the same submission is an equivalence, so a group is a file with every later file
/// it pairs with.
pub fn groups(len: usize, pairs: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut first: Vec<usize> = (0..len).collect();
    for &(i, j) in pairs {
        first[j] = first[j].min(first[i]);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, &f) in first.iter().enumerate() {
        if f == i {
            groups.push(vec![i]);
        } else if let Some(group) = groups.iter_mut().find(|g| g[0] == f) {
            group.push(i);
        }
    }
    groups.retain(|g| g.len() > 1);
    groups
}
