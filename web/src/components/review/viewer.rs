//! An application opened read-only: who applied (and whom to call: the county's contact
//! person and phone), for what, the file and its fingerprint, the
//! office's opinion form, and then the very indicator view the county used (the workspace with
//! its navigation and summary), showing the submitted answers with nothing to edit. The parts
//! the province's viewer shows too are [`crate::components::application_view`]'s.

use yew::prelude::*;

use crate::components::application_view::{file_meta, file_warnings, project, use_read_only};
use crate::components::review::opinion::OpinionForm;
use crate::components::review::{review, weak_reasons};
use crate::components::workspace::workspace;
use crate::i18n::review::review_texts;
use crate::review::ReviewAction;
use crate::state::use_app;

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
    let rt = review_texts(lang);
    let session = &state.modes.review.session;
    let reviewed = session.get(&props.id).cloned();
    let view = use_read_only(
        props.id.clone(),
        reviewed.as_ref().map(|r| r.verified.clone()),
    );
    let back: Callback<MouseEvent> = review(&d, ReviewAction::View(None));
    let (Some(reviewed), Some(view)) = (reviewed, view) else {
        return html! { <button type="button" class="link back" onclick={back}>{ rt.back }</button> };
    };
    let file = &reviewed.verified.file;
    let name = file.applicant.display_name();
    let outside = session.outside_problem(&reviewed);
    html! {
        <section class="review-viewer" aria-labelledby="viewer-title" data-id={props.id.clone()}>
            <div class="panel viewer-head">
                <button type="button" class="link back" onclick={back}>{ rt.back }</button>
                <h1 id="viewer-title">
                    { name.clone() }
                    <span class="badge read-only">{ rt.read_only }</span>
                </h1>
                { file_meta(&reviewed.verified, Some(&reviewed.file_name), lang) }
                <p class="hint">{ rt.read_only_hint }</p>
                if let Some(problem) = outside.as_ref() {
                    <p class="error-text">{ problem.message.get(lang).to_string() }</p>
                }
                { file_warnings(&reviewed.verified, &state) }
                <OpinionForm id={props.id.clone()} name={name} opinion={reviewed.opinion.clone()}
                    outside={outside.is_some()} recommended={session.recommended()}
                    weak={weak_reasons(&reviewed.verified, lang)} {lang} />
            </div>
            { project(&reviewed.verified, lang) }
            { workspace(&state, Some(&view)) }
        </section>
    }
}
