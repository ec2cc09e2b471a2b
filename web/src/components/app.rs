//! The root component: starts from what was read of the store, owns the reducer, provides it by context, runs
//! the hooks, and shows the screen the state names.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::components::applicant::applicant_form;
use crate::components::header::header;
use crate::components::notices::notices;
use crate::components::report::report;
use crate::components::start::start_page;
use crate::components::summary::{summary, summary_strip};
use crate::components::workspace::workspace;
use crate::hooks::{use_autosave, use_keyboard, use_listing, use_modes, use_outbox, use_tab_guard};
use crate::i18n::texts;
use crate::state::{AppHandle, AppState, Boot, Dispatch, Screen};

/// What the app starts from: what [`crate::hooks::boot`] read from the browser.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The store's records and the tab's memory.
    pub boot: Rc<Boot>,
}

/// The whole app, mounted once the store has been read (a few milliseconds), so the first
/// state already holds what is stored and no edit can race the read.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| AppState::load((*props.boot).clone()));
    let dispatch = state.dispatcher();
    // A demo county of training mode is not remembered for a reload: it is never saved.
    let draft_id = state
        .draft
        .as_ref()
        .filter(|_| !state.in_demo())
        .map(|d| d.id.clone());
    let screen =
        if state.draft.is_some() || state.in_training() || state.in_review() || state.in_annual() {
            state.screen
        } else {
            Screen::Start
        };

    // The reducer's writes first: a listing read afterwards queues behind them.
    use_outbox(&state);
    use_listing(dispatch.clone(), screen == Screen::Start);
    use_autosave(&state);
    use_modes(&state, screen);
    use_keyboard(dispatch.clone(), screen == Screen::Indicators);
    use_tab_guard(state.watched(), dispatch.clone());
    use_effect_with(state.lang, |&lang| browser::show_lang(lang));

    {
        // A new screen takes the keyboard's focus when the button that showed it is gone (its
        // heading, or the current indicator), so focus never stays on the page body.
        let current = state.current;
        use_effect_with((draft_id, screen), move |(id, screen)| {
            browser::session_set(id.as_deref().map(|id| (id, *screen)));
            if browser::focus_lost() {
                browser::focus_screen(*screen, current);
            }
        });
    }
    {
        let current = state.current;
        use_effect_with(state.jump, move |&jump| {
            if jump > 0 {
                browser::focus_and_reveal(&format!("ind-{current}"));
            }
        });
    }
    use_effect_with((), |()| browser::mark_ready());

    let t = texts(state.lang);
    let body = match screen {
        Screen::Start => start_page(&state),
        Screen::Applicant => html! {
            <div class="with-summary">
                { applicant_form(&state) }
                { summary(&state, None) }
            </div>
        },
        Screen::Indicators => workspace(&state, None),
        Screen::Report => report(&state),
        #[cfg(feature = "full")]
        Screen::Training => html! { <crate::components::training::page::TrainingPage /> },
        #[cfg(feature = "full")]
        Screen::Review => html! { <crate::components::review::page::ReviewPage /> },
        #[cfg(feature = "full")]
        Screen::Annual => html! { <crate::components::annual::AnnualPage /> },
    };
    html! {
        <ContextProvider<AppHandle> context={state.clone()}>
            <ContextProvider<Dispatch> context={dispatch}>
                <a class="skip-link no-print" href="#content">{ t.skip_to_content }</a>
                { header(&state) }
                { notices(&state) }
                { training_banner() }
                <div id="content" class="content" tabindex="-1">{ body }</div>
                if matches!(screen, Screen::Applicant | Screen::Indicators) {
                    { summary_strip(&state) }
                }
            </ContextProvider<Dispatch>>
        </ContextProvider<AppHandle>>
    }
}

/// Training mode's banner (the full build only).
fn training_banner() -> Html {
    #[cfg(feature = "full")]
    return html! { <crate::components::training::banner::TrainingBanner /> };
    #[cfg(not(feature = "full"))]
    Html::default()
}
