//! The page's one durable store: IndexedDB, through a small JavaScript module (`store.js`).
//!
//! One database per namespace (`shifan` unless the page names another in
//! `<main id="app" data-store="…">`), with one object store, `records`, of text records under
//! string keys ([`crate::record`] names them: `draft:<id>`, `review:session`, …). Each change is
//! one readwrite transaction, asked for with `{durability: "strict"}` where the browser knows
//! that option, and committed at once: Chromium writes `localStorage` to disk seconds late, so
//! a crashed browser lost the last minute of answers; a committed IndexedDB transaction has
//! reached the operating system.
//!
//! The connection is opened before the first render, so a write asked for while the page is
//! being hidden or closed starts its transaction synchronously, inside that event. The
//! JavaScript side exists for the county page's download: the same calls through web-sys cost
//! ~15 KB (gzip) more.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::state::SaveError;

/// The namespace of the page's records when the page names none.
pub const DEFAULT_NAMESPACE: &str = "shifan";

#[wasm_bindgen(module = "/src/store.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn store_open(namespace: &str) -> Result<Promise, JsValue>;
    fn store_write(namespace: &str, change: Array) -> Promise;
    #[wasm_bindgen(js_name = store_write)]
    fn store_write_pruning(namespace: &str, change: Array, prefix: &str, keep: Array) -> Promise;
    #[wasm_bindgen(catch)]
    fn store_read(namespace: &str, prefix: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn store_migrate(namespace: &str) -> Result<Promise, JsValue>;
    fn store_persisted(ask: bool) -> Promise;
    fn store_leave(click: &web_sys::Event, href: &str, leaving: &str, question: &str, ms: u32);
}

thread_local! {
    /// The page's namespace, read once.
    static PAGE_NAMESPACE: String = page_namespace();
}

/// The namespace the page names in `<main id="app" data-store="…">`, else the default (a
/// widget has its own: [`crate::embed::Host::namespace`]).
pub fn namespace() -> String {
    PAGE_NAMESPACE.with(String::clone)
}

fn page_namespace() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|app| app.get_attribute("data-store"))
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_NAMESPACE.to_string())
}

/// Why a store operation failed, from the error's name as the page says it.
fn save_error(error: JsValue) -> SaveError {
    match error.as_string().as_deref() {
        Some("QuotaExceededError") => SaveError::Full,
        _ => SaveError::Unavailable,
    }
}

async fn wait(promise: Result<Promise, JsValue>) -> Result<JsValue, SaveError> {
    JsFuture::from(promise.map_err(save_error)?)
        .await
        .map_err(save_error)
}

/// `(key, text)` pairs from the module's flat `[key, text, …]` arrays.
fn pairs(flat: JsValue) -> Vec<(String, Option<String>)> {
    let flat = Array::from(&flat);
    (0..flat.length() / 2)
        .map(|i| {
            let key = flat.get(2 * i).as_string().unwrap_or_default();
            (key, flat.get(2 * i + 1).as_string())
        })
        .collect()
}

/// Opens (creating on first use) the namespace's database and keeps the connection for the
/// page's writes (one per namespace: a page may hold several widgets, each with its own; every
/// call below names the namespace it is for). The browser starts opening it at the call, so
/// the page can do other work (build the catalog) while it waits.
pub fn open(namespace: &str) -> impl Future<Output = Result<(), SaveError>> + use<> {
    let started = store_open(namespace);
    async move { wait(started).await.map(drop) }
}

/// One change: the records to put (`Some` text) or delete (`None`), in one transaction.
type Change<'a> = &'a [(&'a str, Option<&'a str>)];

/// Starts the transaction of `change` now (so a write asked for in `pagehide` is under way
/// before the page goes); the future says when it is committed.
pub fn commit(ns: &str, change: Change<'_>) -> impl Future<Output = Result<(), SaveError>> + use<> {
    let flat = Array::new();
    for (key, text) in change {
        flat.push(&JsValue::from_str(key));
        flat.push(&text.map_or(JsValue::UNDEFINED, JsValue::from_str));
    }
    let started = store_write(ns, flat);
    async move { wait(Ok(started)).await.map(drop) }
}

/// Starts one transaction that puts `text` under `key` and each of `files` (its text made the
/// page's string beforehand, so that the transaction's own task stays short), removes the
/// records `gone`, and every other record under `prefix` whose key is not in `keep`; the
/// future says when it is committed. The review's session stored in parts is written so: its
/// head, the new files, the files of applications gone, all or nothing.
///
/// `leaving` (the tab is hidden or closed): the transaction commits at once, with the records
/// `gone` removed but without listing `prefix` first. A listing answers in a later task, which
/// a closing page never runs, and the transaction waiting for it would be lost with the page.
/// A record the listing would have found is one this page never knew of; the next save removes it.
pub fn commit_pruning(
    ns: &str,
    key: &str,
    text: &str,
    files: Vec<(String, JsValue)>,
    gone: &[String],
    (prefix, keep): (&str, &[String]),
    leaving: bool,
) -> impl Future<Output = Result<(), SaveError>> + use<> {
    let flat = Array::new();
    flat.push(&JsValue::from_str(key));
    flat.push(&JsValue::from_str(text));
    for (key, text) in files {
        flat.push(&JsValue::from_str(&key));
        flat.push(&text);
    }
    for key in gone {
        flat.push(&JsValue::from_str(key));
        flat.push(&JsValue::UNDEFINED);
    }
    let started = if leaving {
        store_write(ns, flat)
    } else {
        let kept: Array = keep.iter().map(|k| JsValue::from_str(k)).collect();
        store_write_pruning(ns, flat, prefix, kept)
    };
    async move { wait(Ok(started)).await.map(drop) }
}

/// Starts writing `text` under `key`; the future says when it is committed.
pub fn put(ns: &str, key: &str, text: &str) -> impl Future<Output = Result<(), SaveError>> + use<> {
    commit(ns, &[(key, Some(text))])
}

/// Starts removing the record under `key`; the future says when it is committed.
pub fn delete(ns: &str, key: &str) -> impl Future<Output = Result<(), SaveError>> + use<> {
    commit(ns, &[(key, None)])
}

/// Follows the site's link to `href` that was `click`ed: unless the click opens another tab,
/// dispatches the event `leaving` on the window, then goes once every write started by then
/// has settled or `wait_ms` passed, asking `question` first when one failed
/// ([`crate::leaving::link`] says why).
pub fn leave(click: &web_sys::Event, href: &str, leaving: &str, question: &str, wait_ms: u32) {
    store_leave(click, href, leaving, question, wait_ms);
}

/// The records whose keys start with `prefix`, in key order (text `None` for a value that is
/// not text). The read starts at the call: several started before the first is awaited run
/// side by side.
pub fn read_prefix(
    ns: &str,
    prefix: &str,
) -> impl Future<Output = Result<Vec<(String, Option<String>)>, SaveError>> + use<> {
    let started = store_read(ns, prefix);
    async move { wait(started).await.map(pairs) }
}

/// The text stored under `key`, if any; the read starts at the call, as [`read_prefix`]'s.
pub fn get(ns: &str, key: &str) -> impl Future<Output = Option<String>> + use<> {
    let reading = read_prefix(ns, key);
    let key = key.to_owned();
    async move {
        reading
            .await
            .ok()?
            .into_iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, text)| text)
    }
}

/// Moves the records of `localStorage` (drafts and the review session, as pages before the
/// store kept them) into the store, once: all in one transaction with the mark that it was
/// done ([`crate::record::MIGRATED_KEY`]), and the `localStorage` copies are removed only after
/// it committed; a record already in the store is not overwritten. Returns the drafts that
/// could not be moved (none unless the move failed), to be listed from `localStorage`.
pub async fn migrate(ns: &str) -> Vec<(String, Option<String>)> {
    wait(store_migrate(ns)).await.map(pairs).unwrap_or_default()
}

/// Whether the browser keeps the store from eviction, having asked for it first when `ask`
/// (it may refuse, silently); `None` where the browser cannot say. Asked at the call.
pub fn persisted(ask: bool) -> impl Future<Output = Option<bool>> + use<> {
    let asking = JsFuture::from(store_persisted(ask));
    async move { asking.await.ok()?.as_bool() }
}
