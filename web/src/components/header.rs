//! The top bar: the app's name, the draft's steps, the save state, download, open, language.

use shifan_rules::Lang;
use yew::prelude::*;

use crate::browser;
use crate::components::mode_entry::mode_entry;
use crate::components::open_file::open_file_button;
use crate::components::send;
use crate::files;
use crate::i18n::texts;
use crate::modes::{self, Mode};
use crate::state::{Action, AppHandle, SaveError, SaveStatus, Screen};

/// The top bar.
pub fn header(state: &AppHandle) -> Html {
    let d = state.dispatcher();
    let t = texts(state.lang);
    let other = match state.lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    // The choice is remembered for the next visit (not from training mode, which keeps
    // nothing, nor by a widget: the site's preference is not the host's, and the widget's
    // language is its element's).
    let choose_lang = {
        let (d, keep) = (d.clone(), !state.in_training() && !crate::embed::EMBEDDED);
        Callback::from(move |_: MouseEvent| {
            if keep {
                browser::remember_lang(other);
            }
            d.dispatch(Action::SetLang(other));
        })
    };
    let toggle_lang = html! {
        <button type="button" class="lang" lang={t.other_lang_tag} aria-label={t.other_lang_label}
            onclick={choose_lang}>{ t.other_lang }</button>
    };
    // The review's page names the city review, not the county's self-assessment.
    let app_name = modes::app_name(state).unwrap_or(t.app_name);
    let mark = html! {
        <>
            <span class="logo" aria-hidden="true">{ t.logo }</span>
            <span class="brand-name">{ app_name }</span>
        </>
    };
    // The county page's start page is in place; a mode's page leads back to the county page,
    // but in a widget, which has no county page to lead to: its mark goes back to its own start
    // page. The visible name is the accessible name (WCAG 2.5.3, axe's
    // label-content-name-mismatch); where it leads is its title.
    let home = match state.mode.filter(|_| modes::IN_BUILD) {
        Some(_) if !state.host.embedded() => {
            let href = modes::county_page_href(state.lang);
            let onclick = crate::leaving::link(href.clone(), t.leave_unsaved);
            html! {
                <a class="brand-button" {href} {onclick} title={t.back_to_start}>{ mark }</a>
            }
        }
        _ => html! {
            <button type="button" class="brand-button" onclick={send(&d, Action::Go(Screen::Start))}
                title={t.back_to_start}>{ mark }</button>
        },
    };
    let brand = html! { <div class="brand">{ home }</div> };
    let review =
        (!state.in_review()).then(|| mode_entry(state, Mode::Review, t.review_entry, "review"));
    // Training mode's entry, in the bar while no draft is open: a county at work keeps its bar
    // for its own steps and files.
    let Some(draft) = state.draft.as_ref() else {
        let training = (!state.in_training())
            .then(|| mode_entry(state, Mode::Training, t.training, "training"));
        return html! {
            <header class="topbar no-print">
                { brand }
                <div class="tools">{ review }{ training }{ toggle_lang }</div>
            </header>
        };
    };
    let download = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(action) = files::download_application(&state) {
                state.dispatch(action);
            }
        })
    };
    let save_text = match (&state.save, state.unsaved()) {
        _ if state.in_demo() => t.training_not_saved.to_string(),
        (SaveStatus::Failed(SaveError::Full), _) => t.save_failed_full.to_string(),
        (SaveStatus::Failed(SaveError::Unavailable), _) => t.save_failed_unavailable.to_string(),
        (_, true) => t.saving.to_string(),
        (SaveStatus::Saved(at), false) => format!("{} {}", t.saved_at, browser::local_time(at)),
        (SaveStatus::Idle, false) => t.saved_in_browser.to_string(),
    };
    let failed = matches!(state.save, SaveStatus::Failed(_));
    let steps = [
        (Screen::Applicant, t.step_applicant),
        (Screen::Indicators, t.step_indicators),
        (Screen::Report, t.step_report),
    ];
    // `with-steps` rather than `:has(.steps)` in the style sheet: Chromium 85 (the floor) has
    // no `:has()`, and cut the name to an ellipsis at 1280 px.
    html! {
        <header class="topbar with-steps no-print">
            { brand }
            <nav class="steps" aria-label={t.steps_label}>
                <ol>
                    { for steps.into_iter().map(|(screen, label)| {
                        let current = state.screen == screen;
                        html! {
                            <li>
                                <button type="button" class={if current { "step current" } else { "step" }}
                                    aria-current={current.then_some("step")}
                                    onclick={send(&d, Action::Go(screen))}>{ label }</button>
                            </li>
                        }
                    }) }
                </ol>
            </nav>
            <div class="tools">
                <span class={if failed { "save-state failed" } else { "save-state" }} role="status"
                    data-draft={draft.id.clone()}>
                    { save_text }
                </span>
                { file_tools(state) }
                <button type="button" class="primary" onclick={download}>{ state.host.export_label(t.download) }</button>
                { open_file_button(state) }
                { review }
                { toggle_lang }
            </div>
        </header>
    }
}

/// The single-file edition's file habit beside the save state: when the draft was last saved
/// to a file, and the button that saves it (the draft record, which "open file" continues).
/// Nothing elsewhere: the site's browser storage is the store there.
#[cfg(feature = "full")]
fn file_tools(state: &AppHandle) -> Html {
    use crate::single_file::{FileSave, FileState, is_single_file};
    let Some(draft) = state
        .draft
        .as_ref()
        .filter(|_| is_single_file() && !state.in_demo())
    else {
        return Html::default();
    };
    let o = crate::i18n::offline::offline_texts(state.lang);
    let (text, class) =
        match FileSave::state(state.modes.file_save.as_ref(), &draft.id, state.revision) {
            FileState::Never => (o.never_saved_to_file.to_owned(), "file-state stale"),
            FileState::Saved(at) => (
                crate::i18n::fill(o.saved_to_file_at, &[&browser::local_time(at)]),
                "file-state",
            ),
            FileState::ChangedSince(at) => (
                crate::i18n::fill(o.changed_since_file, &[&browser::local_time(at)]),
                "file-state stale",
            ),
        };
    let save = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(draft) = state.draft.as_ref() else {
                return;
            };
            state.dispatch(
                files::download_draft(state.host.node().as_ref(), draft)
                    .unwrap_or_else(|| Action::saved_to_file(browser::now_iso())),
            );
        })
    };
    html! {
        <>
            <span class={class} role="status" data-testid="file-state">{ text }</span>
            <button type="button" class="primary" data-action="save-to-file"
                title={o.save_to_file_hint} onclick={save}>{ o.save_to_file }</button>
        </>
    }
}

/// The county page's build is never the single file.
#[cfg(not(feature = "full"))]
fn file_tools(_: &AppHandle) -> Html {
    Html::default()
}
