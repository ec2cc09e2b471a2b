//! Autosave of the city review: every change to the review session reaches browser storage
//! after a short pause (like drafts), and at once when the tab is hidden or closed; the tab
//! remembers that it shows the review, so a reload comes back to it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use shifan_rules::session::Session;
use yew::prelude::*;

use crate::browser;
use crate::hooks::AUTOSAVE_DELAY_MS;
use crate::review::{ReviewAction, io};
use crate::state::{Action, AppHandle, Dispatch};

type Unsaved = Rc<RefCell<Option<(u64, Session)>>>;

/// Writes the unsaved session, if any, and reports the result to the reducer.
fn flush(unsaved: &Unsaved, dispatch: &Dispatch) {
    let taken = unsaved.borrow_mut().take();
    if let Some((revision, session)) = taken {
        let result = io::save_session(&session).map(|()| browser::now_iso());
        dispatch.dispatch(Action::Review(ReviewAction::Saved { revision, result }));
    }
}

/// Saves the review session (debounced by [`AUTOSAVE_DELAY_MS`]) and on `pagehide` or when
/// the page is hidden; remembers for the tab's session whether the review is shown.
#[hook]
pub fn use_review_autosave(state: &AppHandle, shown: bool) {
    let unsaved: Unsaved = use_mut_ref(|| None);
    let timer = use_mut_ref(|| None::<Timeout>);
    let review = &state.review;
    *unsaved.borrow_mut() =
        (review.loaded && review.unsaved()).then(|| (review.revision, review.session.clone()));

    use_effect_with(shown, |&shown| {
        browser::set_session_flag(io::TAB_KEY, shown)
    });
    let dispatch = state.dispatcher();
    {
        let unsaved = unsaved.clone();
        let dispatch = dispatch.clone();
        use_effect_with(review.revision, move |_| {
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
