//! A candidate of the pool opened read-only: who applied and whom to call, how it came (each
//! city's decision and rank, or taken directly), its flags, and then the county's own indicator
//! view with the submitted answers and nothing to edit — the same parts the city review's
//! viewer shows ([`crate::components::application_view`]). Back returns to the pool where it
//! was left.

use yew::prelude::*;

use crate::components::application_view::{file_meta, file_warnings, project, use_read_only};
use crate::components::province::routes_text;
use crate::components::send;
use crate::components::workspace::workspace;
use crate::i18n::fill;
use crate::i18n::notice::notice_texts;
use crate::i18n::province::province_texts;
use crate::i18n::review::review_texts;
use crate::pool_state::PoolAction;
use crate::province_state::ProvinceAction;
use crate::state::{Action, use_app};

/// Properties of [`CandidateViewer`].
#[derive(Properties, PartialEq)]
pub struct CandidateViewerProps {
    /// The candidate's integrity fingerprint.
    pub id: AttrValue,
}

/// The read-only view of one candidate.
#[component]
pub fn CandidateViewer(props: &CandidateViewerProps) -> Html {
    let state = use_app();
    let lang = state.lang;
    let nt = notice_texts(lang);
    let candidate = state.modes.province.session.get(&props.id).cloned();
    let view = use_read_only(
        props.id.clone(),
        candidate.as_ref().map(|c| c.verified.clone()),
    );
    let back: Callback<MouseEvent> = send(
        &state.dispatcher(),
        Action::province(ProvinceAction::Pool(PoolAction::Back)),
    );
    let (Some(c), Some(view)) = (candidate, view) else {
        return html! { <button type="button" class="link back" data-action="back-to-pool" onclick={back}>{ nt.back }</button> };
    };
    let name = c.verified.file.applicant.display_name();
    html! {
        <section class="review-viewer" aria-labelledby="viewer-title" data-id={props.id.clone()}
            data-testid="candidate-viewer">
            <div class="panel viewer-head">
                <button type="button" class="link back" data-action="back-to-pool" onclick={back}>{ nt.back }</button>
                <h1 id="viewer-title">
                    { name }
                    <span class="badge read-only">{ review_texts(lang).read_only }</span>
                </h1>
                { file_meta(&c.verified, None, lang) }
                <p data-testid="came-by">{ fill(nt.came_by, &[&routes_text(&c, lang, province_texts(lang))]) }</p>
                if !c.flags.is_empty() {
                    <ul class="problems">
                        { for c.flags.iter().map(|p| html! {
                            <li class="flag" data-code={p.code.as_str()}>{ p.message.get(lang).to_string() }</li>
                        }) }
                    </ul>
                }
                <p class="hint">{ nt.read_only_hint }</p>
                { file_warnings(&c.verified, &state) }
            </div>
            { project(&c.verified, lang) }
            { workspace(&state, Some(&view)) }
        </section>
    }
}
