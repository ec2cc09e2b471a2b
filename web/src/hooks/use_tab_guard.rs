//! Warns when the same record is open in two tabs — a draft, or the city review's session —
//! because each tab's autosave would overwrite the other's: tabs announce what they have open
//! on a `BroadcastChannel`, and a write by another tab to the same store key counts too (each
//! write is announced with [`announce_write`]: IndexedDB, unlike `localStorage`, tells other
//! tabs nothing).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};
use yew::prelude::*;

use crate::browser;
use crate::state::{Action, Dispatch, Watched};

const CHANNEL: &str = "shifan";

thread_local! {
    /// This tab's name among tabs.
    static TAB: String = browser::new_id();
    /// The channel this tab posts on.
    static POST: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
}

fn post(kind: &str, tab: &str, draft: &str) {
    POST.with(|channel| {
        if let Some(channel) = channel {
            let _ = channel.post_message(&JsValue::from_str(&format!("{kind}|{tab}|{draft}")));
        }
    });
}

/// Tells other tabs that this tab wrote the record under `key`.
pub fn announce_write(key: &str) {
    TAB.with(|tab| post("wrote", tab, key));
}

/// Keeps the reducer's `conflict` flag in step with other tabs showing `watched`.
#[hook]
pub fn use_tab_guard(watched: Option<Watched>, dispatch: Dispatch) {
    let tab = use_memo((), |()| TAB.with(String::clone));
    let channel = use_memo((), |()| BroadcastChannel::new(CHANNEL).ok());
    let current: Rc<RefCell<Option<Watched>>> = use_mut_ref(|| None);

    {
        let (tab, channel, current) = (tab.clone(), channel.clone(), current.clone());
        use_effect_with((), move |()| {
            let on_message = channel.as_ref().as_ref().map(|ch| {
                let (tab, current, dispatch) = (tab.clone(), current.clone(), dispatch.clone());
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
                    let ours = current
                        .borrow()
                        .as_ref()
                        .is_some_and(|w| w.name == draft || (kind == "wrote" && w.key == draft));
                    if !ours || from == tab.as_str() {
                        return;
                    }
                    match kind {
                        "hello" => {
                            post("here", &tab, draft);
                            dispatch.dispatch(Action::Conflict(true));
                        }
                        "here" | "wrote" => dispatch.dispatch(Action::Conflict(true)),
                        "bye" => dispatch.dispatch(Action::Conflict(false)),
                        _ => {}
                    }
                })
            });
            #[cfg(feature = "widget")]
            let (tab_left, current_left) = (tab.clone(), current.clone());
            let listeners = web_sys::window().map(|window| {
                EventListener::new(&window, "pagehide", move |_| {
                    if let Some(watched) = current.borrow().as_ref() {
                        post("bye", &tab, &watched.name);
                    }
                })
            });
            move || {
                drop((on_message, listeners));
                // Only a widget is ever destroyed (removed from its host's page): other tabs
                // no longer see it open, and its channel closes with it.
                #[cfg(feature = "widget")]
                {
                    if let Some(watched) = current_left.borrow().as_ref() {
                        post("bye", &tab_left, &watched.name);
                    }
                    if let Some(channel) = channel.as_ref() {
                        channel.close();
                    }
                }
            }
        });
    }

    use_effect_with(watched, move |watched| {
        let previous = current.replace(watched.clone());
        if let Some(old) = previous.filter(|old| Some(old) != watched.as_ref()) {
            post("bye", &tab, &old.name);
        }
        if let Some(watched) = watched {
            post("hello", &tab, &watched.name);
        }
    });
}
