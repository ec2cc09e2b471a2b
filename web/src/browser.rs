//! The few things the app asks of the browser: the clock, ids, the tab's session storage, the
//! address bar, downloads, reading picked files, printing (the durable store is
//! [`crate::store`]). Everything here is a thin wrapper that never
//! panics; failures come back as values.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Date, Math, Promise, Uint8Array};
use shifan_rules::{FileHasher, Lang, LocalFile};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, Element, File, HtmlAnchorElement, MessageChannel, Node, ShadowRoot,
    Storage, Url, UrlSearchParams,
};

use crate::state::Screen;

/// Session-storage key remembering the draft and screen this tab shows.
const SESSION_KEY: &str = "shifan.session";
/// Bytes read per slice when fingerprinting a file: Chromium reads a file about twice as fast
/// in slices of 8 MiB as in slices of 2 MiB, and part of the reading is on the main thread.
pub const HASH_SLICE: u64 = 8 * 1024 * 1024;
/// Bytes hashed between two yields to the browser: small enough that hashing them stays well
/// under 50 ms, so the page keeps responding during a 100 MB scan.
pub const HASH_PIECE: usize = 2 * 1024 * 1024;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current time as RFC 3339 (UTC, milliseconds), from the browser's clock.
pub fn now_iso() -> String {
    String::from(Date::new_0().to_iso_string())
}

/// Today's local date, `YYYY-MM-DD`.
pub fn today() -> String {
    let d = Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// A new draft id from the time and a random part, e.g. `mbx3k2f1-7q2kd9`.
pub fn new_id() -> String {
    let time = Date::now() as u64;
    let random = (Math::random() * 2f64.powi(40)) as u64;
    format!("{}-{}", radix36(time), radix36(random))
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// An RFC 3339 time as local `YYYY-MM-DD HH:MM`, or the text itself if it is not a time.
pub fn local_time(iso: &str) -> String {
    let d = Date::new(&JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.to_string();
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// `localStorage`, for the one small preference kept there (the language); the page's records
/// live in the store ([`crate::store`]).
fn local_storage() -> Option<Storage> {
    window()?.local_storage().ok().flatten()
}

fn session_storage() -> Option<Storage> {
    window()?.session_storage().ok().flatten()
}

/// The draft id and screen this tab showed before a reload.
pub fn session_get() -> Option<(String, Screen)> {
    let value = session_storage()?.get_item(SESSION_KEY).ok()??;
    let (id, screen) = value.split_once('|')?;
    Some((id.to_string(), Screen::parse(screen)?))
}

/// Remembers the draft and screen this tab shows, or forgets them.
pub fn session_set(open: Option<(&str, Screen)>) {
    let Some(storage) = session_storage() else {
        return;
    };
    let _ = match open {
        Some((id, screen)) => storage.set_item(SESSION_KEY, &format!("{id}|{}", screen.as_str())),
        None => storage.remove_item(SESSION_KEY),
    };
}

/// The language asked for by `?lang=`.
pub fn url_lang() -> Option<Lang> {
    let search = window()?.location().search().ok()?;
    let params = UrlSearchParams::new_with_str(&search).ok()?;
    Lang::from_tag(&params.get("lang")?)
}

/// The mode the page is for, from `<main id="app" data-mode="…">` (the full build's pages).
pub fn page_mode() -> Option<crate::modes::Mode> {
    let app = window()?.document()?.get_element_by_id("app")?;
    crate::modes::Mode::parse(&app.get_attribute("data-mode")?)
}

/// Shows the language in the address bar (`?lang=en`, nothing for Chinese), on `<html>` and in
/// the document title.
pub fn show_lang(lang: Lang) {
    let Some(window) = window() else {
        return;
    };
    if let Some(document) = window.document() {
        document.set_title(crate::i18n::texts(lang).page_title);
    }
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute(
            "lang",
            match lang {
                Lang::Zh => "zh-CN",
                Lang::En => "en",
            },
        );
    }
    let location = window.location();
    let (Ok(search), Ok(path), Ok(hash)) =
        (location.search(), location.pathname(), location.hash())
    else {
        return;
    };
    let Ok(params) = UrlSearchParams::new_with_str(&search) else {
        return;
    };
    let want = match lang {
        Lang::Zh => None,
        Lang::En => Some("en"),
    };
    if params.get("lang").as_deref() == want {
        return;
    }
    match want {
        Some(tag) => params.set("lang", tag),
        None => params.delete("lang"),
    }
    let query = String::from(params.to_string());
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The shadow root `near` is in, when the app is a widget (`near` is a node of the app, `None`
/// for the page): elements are looked up there, not in the host's document.
fn shadow_of(near: Option<&Node>) -> Option<ShadowRoot> {
    #[cfg(feature = "widget")]
    return near?.get_root_node().dyn_into::<ShadowRoot>().ok();
    // Only the widget's build renders into a shadow root.
    #[cfg(not(feature = "widget"))]
    {
        let _ = near;
        None
    }
}

/// The element with `id` in the app's own tree: the widget's shadow root, or the page.
fn by_id(near: Option<&Node>, id: &str) -> Option<Element> {
    match shadow_of(near) {
        Some(shadow) => shadow.get_element_by_id(id),
        None => window()?.document()?.get_element_by_id(id),
    }
}

/// Offers `text` as a file download named `name`, through a Blob URL: nothing leaves the
/// computer. `near` is a node of the app (a widget's), or `None` for the page.
pub fn download(near: Option<&Node>, name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(near, name, &blob)
}

/// Offers `blob` as a file download named `name`, through a Blob URL; the link is put in the
/// widget's own tree when the app is a widget (`near`), else in the page's body.
pub fn download_blob(near: Option<&Node>, name: &str, blob: &Blob) -> Result<(), JsValue> {
    let window = window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let url = Url::create_object_url_with_blob(blob)?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    let body: Node = match near {
        Some(node) => node.clone(),
        None => document
            .body()
            .ok_or_else(|| JsValue::from_str("no body"))?
            .into(),
    };
    body.append_child(&anchor)?;
    anchor.click();
    let _ = body.remove_child(&anchor);
    // Let the download start before the URL is released.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Reads a slice of a blob into memory.
async fn read_slice(blob: &Blob, start: u64, end: u64) -> Result<Vec<u8>, JsValue> {
    let slice = blob.slice_with_f64_and_f64(start as f64, end as f64)?;
    let buffer = JsFuture::from(slice.array_buffer()).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Reads a whole picked file (an application file is at most a few megabytes; the rules
/// check the size limit before parsing).
pub async fn read_file(file: &File) -> Result<Vec<u8>, JsValue> {
    read_slice(file, 0, file.size() as u64).await
}

/// Lets the browser handle events and paint before the next piece of work.
///
/// The wake-up comes as a message on the page's own [`MessageChannel`], not from
/// `setTimeout(0)`: browsers hold a chain of nested timeouts back to 4 ms each from the fifth
/// on, which cost a 100 MB fingerprint (fifty yields) about 0.2 s. The channel is private to
/// the app, so a host page never sees its messages.
pub async fn yield_now() {
    let promise = Promise::new(&mut |resolve, _reject| {
        if !Yielder::wake_later(&resolve)
            && let Some(window) = window()
        {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// One message channel for every [`yield_now`]: each message posted wakes the oldest waiting
/// resolver. Messages on one port arrive in the order posted, so the queue and the messages
/// stay in step.
struct Yielder {
    channel: MessageChannel,
    waiting: Rc<RefCell<VecDeque<js_sys::Function>>>,
    _on_message: Closure<dyn FnMut()>,
}

impl Yielder {
    fn new() -> Option<Self> {
        let channel = MessageChannel::new().ok()?;
        let waiting: Rc<RefCell<VecDeque<js_sys::Function>>> = Rc::default();
        let queue = Rc::clone(&waiting);
        let on_message = Closure::<dyn FnMut()>::new(move || {
            let next = queue.borrow_mut().pop_front();
            if let Some(resolve) = next {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        });
        channel
            .port1()
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            waiting,
            _on_message: on_message,
        })
    }

    /// Queues `resolve` to be called from a fresh task; false when the browser has no message
    /// channels, and the caller falls back to a timeout.
    fn wake_later(resolve: &js_sys::Function) -> bool {
        thread_local! {
            static YIELDER: Option<Yielder> = Yielder::new();
        }
        YIELDER.with(|yielder| {
            let Some(yielder) = yielder else {
                return false;
            };
            if yielder
                .channel
                .port2()
                .post_message(&JsValue::UNDEFINED)
                .is_err()
            {
                return false;
            }
            yielder.waiting.borrow_mut().push_back(resolve.clone());
            true
        })
    }
}

/// How often the fingerprinting reports its progress: each report redraws the page, and a
/// progress bar needs no more than this.
const HASH_REPORT_MS: f64 = 100.0;

/// Milliseconds on the page's monotonic clock.
pub fn monotonic_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Fingerprints a picked file with SHA-256, read in slices of [`HASH_SLICE`] bytes, reporting
/// `(done, total)` bytes (at the start, every [`HASH_REPORT_MS`] and at the end). The file stays
/// on the computer.
///
/// The next slice is already being read while this one is hashed, and every slice is copied
/// into one reused buffer. The browser gets the main thread back after every [`HASH_PIECE`]
/// bytes hashed.
pub async fn fingerprint(file: &File, progress: impl Fn(u64, u64)) -> Result<LocalFile, JsValue> {
    let total = file.size() as u64;
    let read = |start: u64| -> Result<(Promise, u64), JsValue> {
        let end = (start + HASH_SLICE).min(total);
        let slice = file.slice_with_f64_and_f64(start as f64, end as f64)?;
        Ok((slice.array_buffer(), end))
    };
    let mut hasher = FileHasher::new();
    let mut buffer = Vec::new();
    progress(0, total);
    let mut reported = monotonic_ms();
    let mut pending = if total > 0 { Some(read(0)?) } else { None };
    while let Some((reading, end)) = pending.take() {
        let array = Uint8Array::new(&JsFuture::from(reading).await?);
        if end < total {
            pending = Some(read(end)?);
        }
        buffer.resize(array.length() as usize, 0);
        array.copy_to(&mut buffer);
        for piece in buffer.chunks(HASH_PIECE) {
            hasher.update(piece);
            let (done, now) = (hasher.bytes_seen(), monotonic_ms());
            if now - reported >= HASH_REPORT_MS || done == total {
                progress(done, total);
                reported = now;
            }
            yield_now().await;
        }
    }
    Ok(LocalFile {
        name: file.name(),
        size: hasher.bytes_seen(),
        sha256: hasher.finish_hex(),
    })
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}

/// Marks `<main id="app">` as rendered (`data-ready="true"`, which tests wait for) and records a
/// `shifan-ready` performance mark; a widget marks its own root (`near`) and nothing else.
pub fn mark_ready(near: Option<&Element>) {
    let Some(window) = window() else {
        return;
    };
    if let Some(root) = near {
        let _ = root.set_attribute("data-ready", "true");
        return;
    }
    if let Some(main) = window.document().and_then(|d| d.get_element_by_id("app")) {
        if main.get_attribute("data-ready").is_some() {
            return;
        }
        let _ = main.set_attribute("data-ready", "true");
        if let Some(performance) = window.performance() {
            let _ = performance.mark("shifan-ready");
        }
    }
    if let Some(boot) = window.document().and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
}

/// Asks the official to confirm something (e.g. deleting a draft).
pub fn confirm(question: &str) -> bool {
    window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Moves focus to and scrolls to the element with `id` (in the app's own tree, `near`).
pub fn focus_and_reveal(near: Option<&Node>, id: &str) {
    let Some(element) = by_id(near, id) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(html) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

/// Moves focus to what a newly shown screen starts with: the current indicator on the
/// indicator screen, the content area (from which Tab reaches the screen's first control)
/// elsewhere.
pub fn focus_screen(near: Option<&Node>, screen: Screen, current: u16) {
    match screen {
        Screen::Indicators => focus_and_reveal(near, &format!("ind-{current}")),
        _ => focus_and_reveal(near, "content"),
    }
}

/// Whether focus has fallen back to the page body (its element was removed). In a widget
/// (`near`): nothing in it has focus, and the host's page has not taken it either (focus is on
/// the body or the widget's element), so a widget never pulls focus from the host's fields.
pub fn focus_lost(near: Option<&Node>) -> bool {
    let active = window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    if let Some(shadow) = shadow_of(near) {
        return shadow.active_element().is_none()
            && active.is_none_or(|e| e.tag_name() == "BODY" || e == shadow.host());
    }
    active.is_none_or(|e| e.tag_name() == "BODY")
}

/// Local-storage key of the page language the official chose.
const LANG_KEY: &str = "shifan.lang";

/// The page language chosen last time (kept in local storage, a tiny preference).
pub fn remembered_lang() -> Option<Lang> {
    Lang::from_tag(&local_storage()?.get_item(LANG_KEY).ok()??)
}

/// Remembers the page language for the next visit.
pub fn remember_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        let tag = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        let _ = storage.set_item(LANG_KEY, tag);
    }
}

/// Whether a flag is on in the tab's session storage (`"1"`).
pub fn session_flag(key: &str) -> bool {
    session_storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .is_some_and(|v| v == "1")
}

/// A text kept in the tab's session storage, if any.
pub fn session_text(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Keeps a text in the tab's session storage (for this tab, until it is closed).
pub fn set_session_text(key: &str, text: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(key, text);
    }
}

/// Turns a flag in the tab's session storage on or off.
pub fn set_session_flag(key: &str, on: bool) {
    if let Some(storage) = session_storage() {
        let _ = if on {
            storage.set_item(key, "1")
        } else {
            storage.remove_item(key)
        };
    }
}

/// Adds or removes a class on `<html>`, for page-wide modes such as large type.
pub fn set_root_class(class: &str, on: bool) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().toggle_with_force(class, on);
    }
}

/// Scrolls the page back to its top.
pub fn scroll_to_top() {
    if let Some(window) = window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
