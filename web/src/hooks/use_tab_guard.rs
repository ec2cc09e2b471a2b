//! Warns when the same record is open in two tabs — a draft, or the city review's session —
//! because each tab's autosave would overwrite the other's: tabs announce what they have open
//! on a `BroadcastChannel`, and a write by another tab to the same storage key counts too.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent, StorageEvent};
use yew::prelude::*;

use crate::browser::{self, Watched};
use crate::state::{Action, Dispatch};

const CHANNEL: &str = "shifan";

fn post(channel: &Option<BroadcastChannel>, kind: &str, tab: &str, draft: &str) {
    if let Some(channel) = channel {
        let _ = channel.post_message(&JsValue::from_str(&format!("{kind}|{tab}|{draft}")));
    }
}

/// Keeps the reducer's `conflict` flag in step with other tabs showing `watched`.
#[hook]
pub fn use_tab_guard(watched: Option<Watched>, dispatch: Dispatch) {
    let tab = use_memo((), |()| browser::new_id());
    let channel = use_memo((), |()| BroadcastChannel::new(CHANNEL).ok());
    let current: Rc<RefCell<Option<Watched>>> = use_mut_ref(|| None);

    {
        let (tab, channel, current) = (tab.clone(), channel.clone(), current.clone());
        use_effect_with((), move |()| {
            let on_message = channel.as_ref().as_ref().map(|ch| {
                let (tab, channel, current, dispatch) = (
                    tab.clone(),
                    channel.clone(),
                    current.clone(),
                    dispatch.clone(),
                );
                EventListener::new(ch, "message", move |event| {
                    let Some(data) = event
                        .dyn_ref::<MessageEvent>()
                        .and_then(|m| m.data().as_string())
                    else {
                        return;
                    };
                    let mut parts = data.splitn(3, '|');
                    let (Some(kind), Some(from), Some(draft)) =
                        (parts.next(), parts.next(), parts.next())
                    else {
                        return;
                    };
                    let ours = current.borrow().as_ref().is_some_and(|w| w.name == draft);
                    if !ours || from == tab.as_str() {
                        return;
                    }
                    match kind {
                        "hello" => {
                            post(&channel, "here", &tab, draft);
                            dispatch.dispatch(Action::Conflict(true));
                        }
                        "here" => dispatch.dispatch(Action::Conflict(true)),
                        "bye" => dispatch.dispatch(Action::Conflict(false)),
                        _ => {}
                    }
                })
            });
            let listeners = web_sys::window().map(|window| {
                let on_storage = {
                    let (current, dispatch) = (current.clone(), dispatch.clone());
                    EventListener::new(&window, "storage", move |event| {
                        let key = event.dyn_ref::<StorageEvent>().and_then(StorageEvent::key);
                        let ours = current.borrow().as_ref().map(|w| w.key.clone());
                        if key.is_some() && key == ours {
                            dispatch.dispatch(Action::Conflict(true));
                        }
                    })
                };
                let on_hide = EventListener::new(&window, "pagehide", move |_| {
                    if let Some(watched) = current.borrow().as_ref() {
                        post(&channel, "bye", &tab, &watched.name);
                    }
                });
                (on_storage, on_hide)
            });
            move || drop((on_message, listeners))
        });
    }

    use_effect_with(watched, move |watched| {
        let previous = current.replace(watched.clone());
        if let Some(old) = previous.filter(|old| Some(old) != watched.as_ref()) {
            post(&channel, "bye", &tab, &old.name);
        }
        if let Some(watched) = watched {
            post(&channel, "hello", &tab, &watched.name);
        }
    });
}
