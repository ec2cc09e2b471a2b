//! Autosave: every change to the draft reaches browser storage within a second, and at once
//! when the tab is hidden or closed.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use shifan_rules::Draft;
use yew::prelude::*;

use crate::browser;
use crate::state::{Action, AppHandle, Dispatch};

/// How long the page waits after a change before it writes (changes in between are batched).
pub const AUTOSAVE_DELAY_MS: u32 = 400;

type Unsaved = Rc<RefCell<Option<(u64, Draft)>>>;

/// Writes the unsaved draft, if any, and reports the result to the reducer.
fn flush(unsaved: &Unsaved, dispatch: &Dispatch) {
    let taken = unsaved.borrow_mut().take();
    if let Some((revision, draft)) = taken {
        let result = browser::save_draft(&draft).map(|()| browser::now_iso());
        dispatch.dispatch(Action::Saved { revision, result });
    }
}

/// Saves the open draft (debounced by [`AUTOSAVE_DELAY_MS`]) and on `pagehide` or when the page
/// is hidden.
#[hook]
pub fn use_autosave(state: &AppHandle) {
    let unsaved: Unsaved = use_mut_ref(|| None);
    let timer = use_mut_ref(|| None::<Timeout>);
    *unsaved.borrow_mut() = state
        .draft
        .as_ref()
        .filter(|_| state.unsaved())
        .map(|d| (state.revision, d.clone()));

    let dispatch = state.dispatcher();
    {
        let unsaved = unsaved.clone();
        let dispatch = dispatch.clone();
        use_effect_with(state.revision, move |_| {
            let pending = unsaved.borrow().is_some();
            *timer.borrow_mut() = pending
                .then(|| Timeout::new(AUTOSAVE_DELAY_MS, move || flush(&unsaved, &dispatch)));
        });
    }
    use_effect_with((), move |()| {
        let listeners = web_sys::window().map(|window| {
            let on_hide = {
                let (unsaved, dispatch) = (unsaved.clone(), dispatch.clone());
                EventListener::new(&window, "pagehide", move |_| flush(&unsaved, &dispatch))
            };
            let on_visibility = window.document().map(|document| {
                let doc = document.clone();
                EventListener::new(&document, "visibilitychange", move |_| {
                    if doc.hidden() {
                        flush(&unsaved, &dispatch);
                    }
                })
            });
            (on_hide, on_visibility)
        });
        move || drop(listeners)
    });
}
