//! The top bar: the app's name, the draft's steps, the save state, download, open, language.

use shifan_rules::Lang;
use yew::prelude::*;

use crate::browser;
use crate::components::open_file::OpenFileButton;
use crate::files;
use crate::i18n::texts;
use crate::state::{Action, SaveError, SaveStatus, Screen, use_app};

/// The top bar.
#[component]
pub fn Header() -> Html {
    let state = use_app();
    let t = texts(state.lang);
    let go = |screen: Screen| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Go(screen)))
    };
    let toggle_lang = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::SetLang(match state.lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }))
        })
    };
    let download = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(action) = files::download_application(&state) {
                state.dispatch(action);
            }
        })
    };
    let (other_lang, other_tag, other_label) = (t.other_lang, t.other_lang_tag, t.other_lang_label);
    let save_text = match (&state.save, state.unsaved()) {
        (SaveStatus::Failed(SaveError::Full), _) => t.save_failed_full.to_string(),
        (SaveStatus::Failed(SaveError::Unavailable), _) => t.save_failed_unavailable.to_string(),
        (_, true) => t.saving.to_string(),
        (SaveStatus::Saved(at), false) => format!("{} {}", t.saved_at, browser::local_time(at)),
        (SaveStatus::Idle, false) => t.saved_in_browser.to_string(),
    };
    let failed = matches!(state.save, SaveStatus::Failed(_));
    let step = |screen: Screen, label: &'static str| {
        let current = state.screen == screen;
        html! {
            <li>
                <button type="button" class={classes!("step", current.then_some("current"))}
                    aria-current={current.then_some("step")} onclick={go(screen)}>
                    { label }
                </button>
            </li>
        }
    };
    html! {
        <header class="topbar no-print">
            <div class="brand">
                <button type="button" class="brand-button" onclick={go(Screen::Start)}
                    aria-label={t.back_to_start}>
                    <span class="logo" aria-hidden="true">{ t.logo }</span>
                    <span class="brand-name">{ t.app_name }</span>
                </button>
            </div>
            if let Some(draft) = state.draft.as_ref() {
                <nav class="steps" aria-label={t.steps_label}>
                    <ol>
                        { step(Screen::Applicant, t.step_applicant) }
                        { step(Screen::Indicators, t.step_indicators) }
                        { step(Screen::Report, t.step_report) }
                    </ol>
                </nav>
                <div class="tools">
                    <span class={classes!("save-state", failed.then_some("failed"))} role="status"
                        data-draft={draft.id.clone()}>
                        { save_text }
                    </span>
                    <button type="button" class="primary" onclick={download}>{ t.download }</button>
                    <OpenFileButton />
                    <button type="button" class="lang" lang={other_tag} aria-label={other_label}
                        onclick={toggle_lang}>{ other_lang }</button>
                </div>
            } else {
                <div class="tools">
                    <button type="button" class="lang" lang={other_tag} aria-label={other_label}
                        onclick={toggle_lang}>{ other_lang }</button>
                </div>
            }
        </header>
    }
}
