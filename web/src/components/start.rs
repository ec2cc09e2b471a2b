//! The start page: start a new self-assessment, continue a saved draft, or open a file.

use yew::prelude::*;

use crate::browser;
use crate::components::mode_entry::mode_entry;
use crate::components::open_file::open_file_button;
use crate::components::send;
use crate::i18n::{fill, texts};
use crate::state::{Action, AppHandle, Corrupt, Mode, SavedDraft};

/// The start page.
pub fn start_page(state: &AppHandle) -> Html {
    let d = state.dispatcher();
    let t = texts(state.lang);
    let lang = state.lang;
    let new_draft = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::NewDraft {
                id: browser::new_id(),
                now: browser::now_iso(),
            })
        })
    };
    let catalog = &state.catalog;
    let draft_item = |saved: &SavedDraft| {
        let draft = &saved.draft;
        let score = draft.score(&saved.catalog);
        let name = draft
            .place()
            .map(|p| p.display_name())
            .unwrap_or_else(|_| t.no_applicant_yet.to_string());
        let kind = draft.kind.label(lang);
        let answered = score.total.answered().to_string();
        let to_answer = score.total.to_answer();
        let progress = fill(t.progress_answered, &[&answered, &to_answer.to_string()]);
        let open = send(
            &d,
            Action::OpenDraft {
                draft: Box::new(saved.draft.clone()),
                catalog: saved.catalog.clone(),
                warnings: Vec::new(),
            },
        );
        let delete = {
            let d = d.clone();
            let id = draft.id.clone();
            let question = fill(t.delete_confirm, &[&name]);
            Callback::from(move |_: MouseEvent| {
                if browser::confirm(&question) {
                    d.dispatch(Action::DeleteRecord(crate::record::draft_key(&id)));
                }
            })
        };
        html! {
            <li class="draft" key={draft.id.clone()} data-draft={draft.id.clone()}>
                <div class="draft-main">
                    <h3 class="draft-name"><bdi>{ name.clone() }</bdi></h3>
                    <p class="draft-meta">
                        <span class="kind">{ kind }</span>
                        <span>{ progress.clone() }</span>
                        <span>{ fill(t.last_saved, &[&browser::local_time(&draft.updated)]) }</span>
                        <span class="started">{ fill(t.draft_started, &[&browser::local_time(&draft.created)]) }</span>
                        <span class="short-id">{ fill(t.draft_short_id, &[&crate::record::short_id(&draft.id)]) }</span>
                    </p>
                    <progress max={to_answer.max(1).to_string()} value={answered} aria-label={progress} />
                </div>
                <div class="draft-actions">
                    <button type="button" class="primary" onclick={open}
                        aria-label={fill(t.continue_named, &[&name])}>{ t.continue_draft }</button>
                    <button type="button" class="danger" onclick={delete}
                        aria-label={fill(t.delete_named, &[&name])}>{ t.delete_draft }</button>
                </div>
            </li>
        }
    };
    // A record that cannot be read is shown, never hidden: its raw text can be downloaded
    // before it is deleted.
    let corrupt_item = |corrupt: &Corrupt| {
        let download = {
            let (name, raw) = (corrupt.file_name(), corrupt.raw.clone());
            let near = state.host.node();
            Callback::from(move |_: MouseEvent| {
                let _ = browser::download(near.as_ref(), &name, &raw, "text/plain;charset=utf-8");
            })
        };
        let delete = {
            let (d, key) = (d.clone(), corrupt.key.clone());
            Callback::from(move |_: MouseEvent| {
                if browser::confirm(t.corrupt_delete_confirm) {
                    d.dispatch(Action::DeleteRecord(key.clone()));
                }
            })
        };
        html! {
            <li class="draft corrupt" key={corrupt.key.clone()} data-corrupt={corrupt.key.clone()}>
                <div class="draft-main">
                    <h3 class="draft-name">{ fill(t.corrupt_record, &[&corrupt.key]) }</h3>
                    <ul class="problems">
                        { for corrupt.problems.iter().map(|p| html! {
                            <li class="problem" data-code={p.code.as_str()}>
                                <span class="message">{ p.message.get(lang).to_string() }</span>
                                <code class="code">{ p.code.as_str() }</code>
                            </li>
                        }) }
                    </ul>
                </div>
                <div class="draft-actions">
                    <button type="button" class="primary" onclick={download}
                        data-action="download-corrupt">{ t.corrupt_download }</button>
                    <button type="button" class="danger" onclick={delete}>{ t.delete_draft }</button>
                </div>
            </li>
        }
    };
    let listing = &state.drafts;
    let protection = match state.persisted {
        Some(true) => ("protected", t.drafts_protected),
        Some(false) => ("not-protected", t.drafts_not_protected),
        None => ("unknown", t.drafts_protection_unknown),
    };
    let (areas, sections, indicators) = shifan_rules::catalog::counts(catalog);
    html! {
        <section class="start" aria-labelledby="start-title">
            <div class="hero">
                <h1 id="start-title">{ t.start_title }</h1>
                <p class="lead">{ t.start_lead }</p>
                <div class="start-actions">
                    <button type="button" class="primary big" onclick={new_draft}
                        data-action="new">{ t.new_assessment }</button>
                    { open_file_button(state) }
                </div>
                <p class="privacy">{ t.privacy_note }</p>
                { where_kept(state) }
            </div>
            <section class="drafts-section" aria-labelledby="drafts-title">
                <h2 id="drafts-title">{ t.saved_drafts }</h2>
                if !listing.read {
                    <p class="empty" data-drafts="unreadable">{ t.drafts_unreadable }</p>
                } else if listing.drafts.is_empty() && listing.corrupt.is_empty() {
                    <p class="empty">{ t.no_drafts }</p>
                } else {
                    <ul class="drafts">
                        { for listing.drafts.iter().map(draft_item) }
                        { for listing.corrupt.iter().map(corrupt_item) }
                    </ul>
                    <p class="persistence" data-persisted={protection.0}>{ protection.1 }</p>
                }
            </section>
            // A widget is the self-assessment alone: the site's other modes are not its host's.
            if !state.host.embedded() {
            <section class="drafts-section review-entry" aria-labelledby="review-entry-title">
                <h2 id="review-entry-title">{ t.review_entry }</h2>
                <p>{ t.review_entry_hint }</p>
                { mode_entry(state, Mode::Review, t.review_entry_button, "start-review") }
            </section>
            <section class="drafts-section annual-entry" aria-labelledby="annual-entry-title">
                <h2 id="annual-entry-title">{ t.annual_entry }</h2>
                <p>{ t.annual_entry_hint }</p>
                { mode_entry(state, Mode::Annual, t.annual_entry_button, "start-annual") }
            </section>
            <section class="drafts-section province-entry" aria-labelledby="province-entry-title">
                <h2 id="province-entry-title">{ t.province_entry }</h2>
                <p>{ t.province_entry_hint }</p>
                { mode_entry(state, Mode::Province, t.province_entry_button, "start-province") }
            </section>
            <section class="drafts-section training-entry" aria-labelledby="training-entry-title">
                <h2 id="training-entry-title">{ t.training }</h2>
                <p>{ t.training_hint }</p>
                { mode_entry(state, Mode::Training, t.training, "start-training") }
            </section>
            }
            <section class="catalog-info" aria-labelledby="catalog-title">
                <h2 id="catalog-title">{ t.catalog_heading }</h2>
                <p class="catalog-name">{ catalog.title().to_string() }</p>
                <p>{ fill(t.catalog_counts, &[
                    &areas.to_string(),
                    &sections.to_string(),
                    &indicators.to_string(),
                    &catalog.threshold().percent(state.lang),
                ]) }</p>
                <details>
                    <summary>{ t.catalog_provenance }</summary>
                    <p class="provenance">{ catalog.data().provenance.clone() }</p>
                </details>
            </section>
        </section>
    }
}

/// In the single-file edition, where the drafts are kept and the habit that keeps them.
#[cfg(feature = "full")]
fn where_kept(state: &AppHandle) -> Html {
    if !crate::single_file::is_single_file() {
        return Html::default();
    }
    let o = crate::i18n::offline::offline_texts(state.lang);
    html! { <p class="privacy where-kept" role="note" data-testid="where-kept">{ o.where_kept }</p> }
}

/// The county page's build is never the single file.
#[cfg(not(feature = "full"))]
fn where_kept(_: &AppHandle) -> Html {
    Html::default()
}
