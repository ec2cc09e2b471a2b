//! Leaving the page: when the autosaves write what is pending at once (the page hidden or
//! closed, or one of the site's links followed), and the site's links to its other pages,
//! which go only once those writes have committed.
//!
//! A write started inside `pagehide` is the browser's to finish or drop: a page kept in the
//! back-forward cache, or torn down, may lose a transaction that had not committed yet. A
//! county that types and follows the link to the city review within the autosave's pause
//! would then find its draft gone. So the site's own links write first and wait for the
//! commit; `pagehide` stays for the ways out the page does not see coming (closing the tab,
//! the address bar).

use std::rc::Rc;

use gloo::events::EventListener;
use yew::{Callback, MouseEvent};

/// The event the site's links dispatch on the window before they go: every autosave writes
/// what it holds, synchronously, as on `pagehide`.
const LEAVING: &str = "shifan-leaving";
/// How long a link waits for the writes under way: a store that has not answered by then is
/// not waited for (the write goes on, as one started in `pagehide` does).
const WRITES_WAIT_MS: u32 = 3000;

/// What keeps `write` listening for the page being left; dropping it stops.
pub struct Listeners {
    _listeners: Vec<EventListener>,
}

/// Calls `write` whenever the page is being left or hidden: `pagehide`, the document turning
/// hidden, and one of the site's links followed ([`link`]).
pub fn on_leaving(write: Rc<dyn Fn()>) -> Listeners {
    let mut listeners = Vec::new();
    if let Some(window) = web_sys::window() {
        let on = |write: &Rc<dyn Fn()>| {
            let write = write.clone();
            move |_: &web_sys::Event| write()
        };
        listeners.push(EventListener::new(&window, "pagehide", on(&write)));
        // A widget's host page has no links of the site's to follow.
        if !crate::embed::EMBEDDED {
            listeners.push(EventListener::new(&window, LEAVING, on(&write)));
        }
        if let Some(document) = window.document() {
            let doc = document.clone();
            listeners.push(EventListener::new(
                &document,
                "visibilitychange",
                move |_| {
                    if doc.hidden() {
                        write();
                    }
                },
            ));
        }
    }
    Listeners {
        _listeners: listeners,
    }
}

/// The click handler of a link of the site's to `href`: the autosaves write what they hold,
/// and the page goes to `href` once every write under way has committed. When one fails
/// (a full disk, a browser that gives no storage), the page asks `leave_unsaved` first: it
/// stays unless told to go, and the reducer shows the failure with the download. A click
/// that opens another tab or window is the browser's: this page stays open with everything
/// it holds.
pub fn link(href: String, leave_unsaved: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |click: MouseEvent| {
        crate::store::leave(&click, &href, LEAVING, leave_unsaved, WRITES_WAIT_MS);
    })
}
