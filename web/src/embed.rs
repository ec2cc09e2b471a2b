//! Where the app lives: its own page (`<main id="app">`), or a widget that a host page embeds
//! (`<shifan-assessment>`, `web/static/widget.js`, mounted by `widget.rs` in the `widget`
//! build). A widget renders inside the element's open shadow root and must touch nothing outside
//! it, so everything the app asks of the document — finding an element by id, where focus is,
//! the keyboard, downloads, the store's namespace, the title, `<html lang>`, the address bar,
//! the tab's memory — asks the [`Host`] first. Outside the `widget` build [`Host`] is an empty
//! struct whose answers are constants (the page, no node, not embedded), so the county page's
//! and the full build's code is what it was. The `widget` builds, in turn, only ever run as
//! widgets (they have no page entry: `widget.js` mounts each one), so there
//! [`Host::embedded`] is the constant `true` and the site's own parts (the links to its other
//! pages, the address bar's language, the tab's memory) are compiled out of the widget's
//! download.

#[cfg(feature = "widget")]
use std::cell::RefCell;
#[cfg(feature = "widget")]
use std::rc::Rc;

#[cfg(feature = "widget")]
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};

/// Whether this build's app is a widget: the `widget` builds run only as widgets and the
/// others only as the site's pages, so it is a constant of the build. Code that decides by it
/// across an `.await` or inside a closure reads this constant rather than
/// [`Host::embedded`] through a variable, so that the branch the build never takes is
/// compiled out of it.
pub const EMBEDDED: bool = cfg!(feature = "widget");

#[cfg(feature = "widget")]
use crate::state::AppHandle;

/// A widget's side of the page: what the host element gave it, and the way back to the host.
#[cfg(feature = "widget")]
pub struct Embed {
    /// The element the app renders into, inside the widget's shadow root.
    pub root: Element,
    /// The store namespace (one IndexedDB database): the widget's own, never the site's.
    pub namespace: String,
    /// The host's callback `(event name, detail as JSON text) -> bool`: the wrapper dispatches
    /// a `CustomEvent` on the element and answers whether the host let the default happen
    /// (`false` when it called `preventDefault()`).
    pub notify: js_sys::Function,
    /// The export button's label, when the host sets one.
    pub export_label: Option<String>,
    /// The app's latest state and dispatcher, for the host's methods (open a file's text,
    /// read the current file); set by the app on each render, cleared when it is destroyed.
    pub latest: RefCell<Option<AppHandle>>,
}

#[cfg(feature = "widget")]
impl Embed {
    /// Sends `name` with `detail` (JSON text) to the host; whether the default may happen.
    pub fn emit(&self, name: &str, detail: &str) -> bool {
        self.notify
            .call2(
                &JsValue::NULL,
                &JsValue::from_str(name),
                &JsValue::from_str(detail),
            )
            .ok()
            .and_then(|answer| answer.as_bool())
            .unwrap_or(true)
    }
}

/// The app's place in a widget build: the widget's side of its host page. `None` only in a
/// [`crate::state::Boot::empty`] before [`crate::hooks::boot`] is given the widget (and in
/// the reducer's own tests). Compared by identity.
#[cfg(feature = "widget")]
#[derive(Clone, Default)]
pub struct Host(pub Option<Rc<Embed>>);

/// The app's place: always the page itself (this build embeds nothing).
#[cfg(not(feature = "widget"))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Host;

#[cfg(not(feature = "widget"))]
impl Host {
    /// The page itself.
    pub const fn page() -> Host {
        Host
    }

    /// Whether the app is a widget: never in this build ([`EMBEDDED`]).
    pub const fn embedded(&self) -> bool {
        EMBEDDED
    }

    /// The page's store namespace (`<main id="app" data-store>`).
    pub fn namespace(&self) -> String {
        crate::store::namespace()
    }

    /// No node: elements are looked up in the page.
    pub fn node(&self) -> Option<Node> {
        None
    }

    /// No widget root: the page's `<main id="app">` is marked.
    pub fn root(&self) -> Option<Element> {
        None
    }

    /// The export button's own label.
    pub fn export_label<'a>(&'a self, default: &'a str) -> &'a str {
        default
    }
}

#[cfg(feature = "widget")]
impl PartialEq for Host {
    fn eq(&self, other: &Host) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

#[cfg(feature = "widget")]
impl std::fmt::Debug for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "Widget" } else { "Page" })
    }
}

#[cfg(feature = "widget")]
impl Host {
    /// The widget, once it is given.
    pub fn embed(&self) -> Option<&Embed> {
        self.0.as_deref()
    }

    /// Whether the app is a widget in someone else's page: always, in this build
    /// ([`EMBEDDED`]).
    pub const fn embedded(&self) -> bool {
        EMBEDDED
    }

    /// The store namespace: the widget's, or the page's (`<main id="app" data-store>`).
    pub fn namespace(&self) -> String {
        match self.embed() {
            Some(embed) => embed.namespace.clone(),
            None => crate::store::namespace(),
        }
    }

    /// The export button's label: the host's, when it set one, else `default`.
    pub fn export_label<'a>(&'a self, default: &'a str) -> &'a str {
        self.embed()
            .and_then(|e| e.export_label.as_deref())
            .unwrap_or(default)
    }

    /// A node inside the app, from which its root (document or shadow root) is found.
    pub fn node(&self) -> Option<Node> {
        self.embed().map(|e| e.root.clone().unchecked_into())
    }

    /// The widget's root element, which is marked rendered instead of the page's `#app`.
    pub fn root(&self) -> Option<Element> {
        self.embed().map(|e| e.root.clone())
    }
}
