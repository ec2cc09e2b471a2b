//! An application opened read-only: who applied (and whom to call: the county's contact
//! person and phone), for what, the file and its fingerprint, the
//! office's opinion form, and then the very indicator view the county used (the workspace with
//! its navigation and summary), showing the submitted answers with nothing to edit.

use std::rc::Rc;

use shifan_rules::{Draft, Kind};
use yew::prelude::*;

use crate::browser;
use crate::components::notices::problem_item;
use crate::components::review::opinion::OpinionForm;
use crate::components::review::{review, weak_reasons};
use crate::components::workspace::workspace;
use crate::i18n::review::review_texts;
use crate::i18n::{fill, texts};
use crate::review::ReviewAction;
use crate::shown::ReadOnly;
use crate::state::{Aspect, use_app};

/// Properties of [`ReviewViewer`].
#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    /// The application's integrity fingerprint.
    pub id: AttrValue,
}

/// The read-only view of one application.
#[component]
pub fn ReviewViewer(props: &ViewerProps) -> Html {
    let state = use_app();
    let d = state.dispatcher();
    let lang = state.lang;
    let t = texts(lang);
    let rt = review_texts(lang);
    let session = &state.modes.review.session;
    let reviewed = session.get(&props.id).cloned();
    let view = {
        let verified = reviewed.as_ref().map(|r| r.verified.clone());
        use_memo(props.id.clone(), move |id| {
            verified.map(|v| ReadOnly {
                draft: Rc::new(Draft::from_verified(id.to_string(), &v)),
                catalog: v.catalog.clone(),
            })
        })
    };
    let back: Callback<MouseEvent> = review(&d, ReviewAction::View(None));
    use_effect_with(props.id.clone(), |_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    let (Some(reviewed), Some(view)) = (reviewed, (*view).clone()) else {
        return html! { <button type="button" class="link back" onclick={back}>{ rt.back }</button> };
    };
    let file = &reviewed.verified.file;
    let name = file.applicant.display_name();
    let kind = file.kind.label(lang);
    let outside = session.outside_problem(&reviewed);
    // A county may leave its contact empty: a dash says so rather than a dangling label.
    let or_dash = |s: &str| -> String {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            s.trim().to_string()
        }
    };
    let project = match &file.kind {
        Kind::Comprehensive => Html::default(),
        Kind::SingleItem {
            category,
            title,
            narrative,
        } => {
            let category = view.catalog.category_title(category);
            html! {
                <section class="panel project" aria-labelledby="project-title">
                    <h2 id="project-title">{ rt.project }</h2>
                    <dl class="kv-list">
                        <dt>{ t.category }</dt><dd>{ category }</dd>
                        <dt>{ t.project_title }</dt><dd>{ title.clone() }</dd>
                        { for Aspect::ALL.into_iter().map(|a| html! {
                            <>
                                <dt>{ t.aspect(a).0 }</dt>
                                <dd class="narrative">{ a.get(narrative).to_string() }</dd>
                            </>
                        }) }
                    </dl>
                </section>
            }
        }
    };
    html! {
        <section class="review-viewer" aria-labelledby="viewer-title" data-id={props.id.clone()}>
            <div class="panel viewer-head">
                <button type="button" class="link back" onclick={back}>{ rt.back }</button>
                <h1 id="viewer-title">
                    { name.clone() }
                    <span class="badge read-only">{ rt.read_only }</span>
                </h1>
                <p class="viewer-meta">
                    <span>{ kind }</span>
                    <span>{ fill(rt.file, &[&reviewed.file_name]) }</span>
                    <span>{ fill(rt.fingerprint, &[file.short_fingerprint()]) }</span>
                    <span>{ fill(rt.updated, &[&browser::local_time(&file.updated)]) }</span>
                </p>
                <p class="viewer-contact" data-testid="contact">
                    { fill(rt.contact, &[
                        &or_dash(&file.applicant.contact.name),
                        &or_dash(&file.applicant.contact.phone),
                    ]) }
                </p>
                <p class="hint">{ rt.read_only_hint }</p>
                if let Some(problem) = outside.as_ref() {
                    <p class="error-text">{ problem.message.get(lang).to_string() }</p>
                }
                if !reviewed.verified.warnings.is_empty() {
                    <div class="notice warning">
                        <p><strong>{ rt.warnings }</strong></p>
                        <ul class="problems">
                            { for reviewed.verified.warnings.iter().map(|p| problem_item(p, &state, t)) }
                        </ul>
                    </div>
                }
                <OpinionForm id={props.id.clone()} name={name} opinion={reviewed.opinion.clone()}
                    outside={outside.is_some()} recommended={session.recommended()}
                    weak={weak_reasons(&reviewed.verified, lang)} {lang} />
            </div>
            { project }
            { workspace(&state, Some(&view)) }
        </section>
    }
}
