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
use crate::modes;
use crate::state::{AppHandle, AppState, Boot, Dispatch, Screen};

#[cfg(feature = "widget")]
use crate::widget::use_host;

/// A widget tells its host about changes (the widget build's [`crate::widget`]); the pages
/// have no host.
#[cfg(not(feature = "widget"))]
#[hook]
fn use_host(_state: &AppHandle) {}

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
    let screen = if state.draft.is_some()
        || state.in_training()
        || state.in_review()
        || state.in_annual()
        || state.in_province()
    {
        state.screen
    } else {
        Screen::Start
    };

    // The reducer's writes first: a listing read afterwards queues behind them.
    use_outbox(&state);
    use_listing(
        dispatch.clone(),
        screen == Screen::Start,
        state.host.namespace(),
    );
    use_autosave(&state);
    use_modes(&state, screen);
    use_keyboard(
        dispatch.clone(),
        screen == Screen::Indicators,
        state.host.node(),
    );
    use_tab_guard(state.watched(), dispatch.clone());
    // A widget leaves the host's title, `<html lang>`, address bar and tab memory alone.
    use_effect_with(state.lang, move |&lang| {
        if !crate::embed::EMBEDDED {
            browser::show_lang(lang)
        }
    });
    use_host(&state);

    {
        // A new screen takes the keyboard's focus when the button that showed it is gone (its
        // heading, or the current indicator), so focus never stays on the page body.
        // A widget does not take the focus when it appears: the host's page has it.
        let current = state.current;
        let near = state.host.node();
        use_effect_with((draft_id, screen), move |(id, screen)| {
            if !crate::embed::EMBEDDED {
                browser::session_set(id.as_deref().map(|id| (id, *screen)));
            }
            // (It appears on its start page, with no draft open.)
            let appearing = crate::embed::EMBEDDED && id.is_none() && *screen == Screen::Start;
            if !appearing && browser::focus_lost(near.as_ref()) {
                browser::focus_screen(near.as_ref(), *screen, current);
            }
        });
    }
    {
        let current = state.current;
        let near = state.host.node();
        use_effect_with(state.jump, move |&jump| {
            if jump > 0 {
                browser::focus_and_reveal(near.as_ref(), &format!("ind-{current}"));
            }
        });
    }
    {
        let root = state.host.root();
        use_effect_with((), move |()| browser::mark_ready(root.as_ref()));
    }

    let t = texts(state.lang);
    let with_strip = matches!(screen, Screen::Applicant | Screen::Indicators);
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
        Screen::Mode(mode) => modes::page(mode),
    };
    html! {
        <ContextProvider<AppHandle> context={state.clone()}>
            <ContextProvider<Dispatch> context={dispatch}>
                // A widget is part of its host's page: the skip link (and its `#content` in the
                // address) is the host's to give.
                if !state.host.embedded() {
                    <a class="skip-link no-print" href="#content">{ t.skip_to_content }</a>
                }
                { header(&state) }
                { notices(&state) }
                { modes::banner() }
                <div id="content" class={classes!("content", with_strip.then_some("with-strip"))} tabindex="-1">{ body }</div>
                if with_strip {
                    { summary_strip(&state) }
                }
            </ContextProvider<Dispatch>>
        </ContextProvider<AppHandle>>
    }
}
