//! The parts of an application opened read-only that the city review and the province both
//! show (each with its own head and back button around them): the submitted answers as a
//! [`ReadOnly`] for the county's own indicator view, the file's meta line (kind, file,
//! fingerprint, last change) and whom to call, the file's warnings, and a single-item
//! project's title and narrative. One view, so the province sees exactly what the city saw.

use std::rc::Rc;
use std::sync::Arc;

use shifan_rules::application::Verified;
use shifan_rules::{Draft, Kind, Lang};
use yew::prelude::*;

use crate::browser;
use crate::components::notices::problem_item;
use crate::i18n::review::review_texts;
use crate::i18n::{fill, texts};
use crate::shown::ReadOnly;
use crate::state::{AppHandle, Aspect};

/// The application `verified` (opened as `id`) as the read-only indicator view shows it,
/// made once per id; and the page scrolled to its top when another one opens.
#[hook]
pub fn use_read_only(id: AttrValue, verified: Option<Arc<Verified>>) -> Option<ReadOnly> {
    let view = use_memo(id.clone(), move |id| {
        verified.map(|v| ReadOnly {
            draft: Rc::new(Draft::from_verified(id.to_string(), &v)),
            catalog: v.catalog.clone(),
        })
    });
    use_effect_with(id, |_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    (*view).clone()
}

/// The meta line (kind, the file it came in when known, fingerprint, last change) and the
/// contact line.
pub fn file_meta(verified: &Verified, file_name: Option<&str>, lang: Lang) -> Html {
    let rt = review_texts(lang);
    let file = &verified.file;
    // A county may leave its contact empty: a dash says so rather than a dangling label.
    let or_dash = |s: &str| -> String {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            s.trim().to_string()
        }
    };
    html! {
        <>
            <p class="viewer-meta">
                <span>{ file.kind.label(lang) }</span>
                if let Some(name) = file_name {
                    <span>{ fill(rt.file, &[name]) }</span>
                }
                <span>{ fill(rt.fingerprint, &[file.short_fingerprint()]) }</span>
                <span>{ fill(rt.updated, &[&browser::local_time(&file.updated)]) }</span>
            </p>
            <p class="viewer-contact" data-testid="contact">
                { fill(rt.contact, &[
                    &or_dash(&file.applicant.contact.name),
                    &or_dash(&file.applicant.contact.phone),
                ]) }
            </p>
        </>
    }
}

/// The file's warnings (nothing when it has none).
pub fn file_warnings(verified: &Verified, state: &AppHandle) -> Html {
    if verified.warnings.is_empty() {
        return Html::default();
    }
    let t = texts(state.lang);
    html! {
        <div class="notice warning">
            <p><strong>{ review_texts(state.lang).warnings }</strong></p>
            <ul class="problems">
                { for verified.warnings.iter().map(|p| problem_item(p, state, t)) }
            </ul>
        </div>
    }
}

/// A single-item project's category, title and narrative (nothing for a comprehensive one).
pub fn project(verified: &Verified, lang: Lang) -> Html {
    let Kind::SingleItem {
        category,
        title,
        narrative,
    } = &verified.file.kind
    else {
        return Html::default();
    };
    let t = texts(lang);
    let category = verified.catalog.category_title(category);
    html! {
        <section class="panel project" aria-labelledby="project-title">
            <h2 id="project-title">{ review_texts(lang).project }</h2>
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
