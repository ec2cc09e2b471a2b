//! The embeddable widget's Rust side (the `widget` builds): [`Widget`] mounts one app into an
//! element of a `<shifan-assessment>`'s shadow root (`web/static/widget.js` is the custom
//! element around it), hands the host the summary on every change and the sealed file on
//! export, and answers the host's methods. Several widgets share one WebAssembly instance; each
//! is its own Yew app with its own store namespace ([`crate::embed::Embed`]).
//!
//! The self-assessment widget is the county build with this added (`widget`); the review and
//! training widgets are the full build with it (`widget` + `full`, `shifan_web_widget_full`),
//! which `widget.js` loads only for a widget that asks for one of those modes.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use serde_json::Value;
use shifan_rules::Lang;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;

use crate::components::app::{App, AppProps};
use crate::embed::{Embed, Host};
use crate::files;
use crate::modes::Mode;
use crate::state::{Action, AppHandle, AppState};

/// The name of the event sent on every change (detail: [`change_detail`]).
pub const CHANGE: &str = "shifan-change";
/// The name of the event sent when the official exports the file (cancelable).
pub const EXPORT: &str = "shifan-export";
/// The name of the event sent once the first render is done.
pub const READY: &str = "shifan-ready";

/// The modes a widget can show besides the self-assessment (the `mode` attribute).
pub const EMBEDDED_MODES: [Mode; 2] = [Mode::Review, Mode::Training];

/// What a mounted widget keeps: its side of the page and the Yew app once it is rendered.
struct Inner {
    embed: Rc<Embed>,
    app: RefCell<Option<yew::AppHandle<App>>>,
    /// Destroyed (perhaps before the store was read and the app rendered).
    gone: Cell<bool>,
}

/// One mounted self-assessment, for `widget.js`.
#[wasm_bindgen]
pub struct Widget {
    inner: Rc<Inner>,
}

#[wasm_bindgen]
impl Widget {
    /// Mounts the app into `root` (an element inside the widget's shadow root), with its own
    /// store `namespace`, page language `lang` (`zh`, `en`; else Chinese), the host's label for
    /// the export button, and `notify(name, detailJson) -> bool` for its events. The store is
    /// read first; the first render follows a few milliseconds later (`shifan-ready`).
    /// `catalog`, the text of a catalog the host gives (its `catalog` attribute), is verified
    /// as a loaded one is: new self-assessments are answered against it. A catalog that is not
    /// valid throws its problems as JSON text (`[{code, message: {zh, en}, at}, …]`) and mounts
    /// nothing. `mode` (`review`, `training`; nothing: the self-assessment) is the widget's
    /// mode, as a mode's page names its own; a build without the modes throws `[]` for one.
    #[wasm_bindgen(constructor)]
    pub fn new(
        root: Element,
        namespace: String,
        lang: Option<String>,
        export_label: Option<String>,
        notify: js_sys::Function,
        catalog: Option<String>,
        mode: Option<String>,
    ) -> Result<Widget, JsValue> {
        let mode = match mode.as_deref() {
            None | Some("self-assessment") => None,
            Some(name) => match Mode::parse(name).filter(|m| EMBEDDED_MODES.contains(m)) {
                Some(mode) if crate::modes::IN_BUILD => Some(mode),
                _ => return Err(JsValue::from_str("[]")),
            },
        };
        let catalog = match catalog {
            Some(text) => Some(std::sync::Arc::new(
                shifan_rules::Catalog::from_json(text.as_bytes())
                    .map_err(|p| JsValue::from_str(&to_text(&problems_json(&p))))?,
            )),
            None => None,
        };
        let embed = Rc::new(Embed {
            root,
            namespace,
            notify,
            export_label: export_label.filter(|l| !l.trim().is_empty()),
            latest: RefCell::new(None),
        });
        let inner = Rc::new(Inner {
            embed,
            app: RefCell::new(None),
            gone: Cell::new(false),
        });
        let lang = lang.as_deref().and_then(Lang::from_tag);
        let mounting = inner.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let host = Host(Some(mounting.embed.clone()));
            let mut boot = crate::hooks::boot(host, lang).await;
            boot.catalog = catalog;
            // The element names the widget's mode, as `data-mode` names a page's.
            boot.mode = mode;
            let boot = Rc::new(boot);
            if mounting.gone.get() {
                return;
            }
            let root = mounting.embed.root.clone();
            let app = yew::Renderer::<App>::with_root_and_props(root, AppProps { boot }).render();
            *mounting.app.borrow_mut() = Some(app);
        });
        Ok(Widget { inner })
    }

    /// Opens a file's text (an application file, or a saved draft record) as the county page's
    /// "open a file" does. Returns `{"ok":true}`, or `{"ok":false,"problems":[…]}` with each
    /// problem's stable code and message in both languages (the widget shows them too), or
    /// `{"ok":false,"problems":[]}` before the widget is ready.
    #[wasm_bindgen(js_name = openText)]
    pub fn open_text(&self, text: &str) -> String {
        let Some(state) = self.inner.embed.latest.borrow().clone() else {
            return not_ready();
        };
        let action = files::open_bytes(text.as_bytes(), &state.drafts.catalog_set());
        let answer = match &action {
            Action::ShowProblems(_, problems) => {
                object(&mut [("ok", false.into()), ("problems", problems_json(problems))])
            }
            _ => object(&mut [("ok", true.into())]),
        };
        state.dispatch(action);
        to_text(&answer)
    }

    /// Review mode: opens many files' texts at once (`[{"name":…,"text":…}, …]`, JSON text),
    /// as the office's picking them does: each is verified and an application or a
    /// recommendation package joins the table, anything else is listed as refused with its
    /// problems. Returns `{"ok":true,"files":n,"rejected":[{"name":…,"problems":[…]}, …]}`, or
    /// `{"ok":false,"problems":[]}` when the widget is not a review ready for them (or the
    /// argument is not such a list).
    #[wasm_bindgen(js_name = openTexts)]
    pub fn open_texts(&self, files: &str) -> String {
        let not_now = not_ready();
        let Some(state) = self.inner.embed.latest.borrow().clone() else {
            return not_now;
        };
        if !state.in_review() {
            return not_now;
        }
        let Ok(Value::Array(list)) = serde_json::from_str::<Value>(files) else {
            return not_now;
        };
        let named: Option<Vec<(String, String)>> = list
            .iter()
            .map(|f| {
                Some((
                    f["name"].as_str()?.to_owned(),
                    f["text"].as_str()?.to_owned(),
                ))
            })
            .collect();
        match named {
            Some(named) => open_in_review(&state, named),
            None => not_now,
        }
    }

    /// The open draft's application file as it would be exported now (`{"ok":true,
    /// "fileName":…,"text":…}`), or why it cannot be written (`{"ok":false,"problems":[…]}`;
    /// no problems: no draft is open).
    #[wasm_bindgen(js_name = currentText)]
    pub fn current_text(&self) -> String {
        let state = self.inner.embed.latest.borrow().clone();
        let answer = match state.as_deref().and_then(files::application) {
            Some(Ok(file)) => object(&mut [
                ("ok", true.into()),
                ("fileName", file.file_name().into()),
                ("text", file.to_json().into()),
            ]),
            Some(Err(problems)) => {
                object(&mut [("ok", false.into()), ("problems", problems_json(&problems))])
            }
            None => return not_ready(),
        };
        to_text(&answer)
    }

    /// The detail of the last `shifan-change` (the current summary), as JSON text.
    pub fn summary(&self) -> String {
        let state = self.inner.embed.latest.borrow().clone();
        to_text(&state.as_deref().map(change_detail).unwrap_or(Value::Null))
    }

    /// Releases the app: its listeners, timers and state. A change still waiting for the
    /// autosave is written first (the hook's clean-up), so nothing entered is lost.
    pub fn destroy(&self) {
        self.inner.gone.set(true);
        if let Some(app) = self.inner.app.borrow_mut().take() {
            app.destroy();
        }
        // The state holds the embed and the embed the state: the cycle ends here.
        self.inner.embed.latest.borrow_mut().take();
    }
}

/// Verifies `files` (name, text) against the widget's catalogs and adds them to the review;
/// the answer of [`Widget::open_texts`].
fn open_in_review(state: &AppHandle, files: Vec<(String, String)>) -> String {
    let count = files.len();
    let Some((actions, rejected)) = crate::modes::open_in_review(state, files) else {
        return not_ready();
    };
    let rejected: Vec<Value> = rejected
        .iter()
        .map(|(name, problems)| {
            object(&mut [
                ("name", name.as_str().into()),
                ("problems", problems_json(problems)),
            ])
        })
        .collect();
    for action in actions {
        state.dispatch(action);
    }
    to_text(&object(&mut [
        ("ok", true.into()),
        ("files", count.into()),
        ("rejected", rejected.into()),
    ]))
}

/// The JSON text handed to `widget.js`. Written by the rules' canonical writer, which the
/// build already has for its seals, rather than `Value`'s `Display`, which would bring
/// serde_json's serializer and its formatters into the widget's download (about 7 KB of code).
fn to_text(value: &Value) -> String {
    shifan_rules::canonical::to_compact(value)
}

/// A JSON object of `fields`, in their order. Values are built by `Value::from` rather than
/// `json!`, which serialises each interpolated value through serde and brings a serializer for
/// each value's type into the download.
/// One function for every size (a slice, inserted one by one): collecting into the map would
/// build a sorting bulk-loader for each.
fn object(fields: &mut [(&str, Value)]) -> Value {
    let mut map = serde_json::Map::new();
    for (key, value) in fields {
        map.insert((*key).to_owned(), std::mem::take(value));
    }
    Value::Object(map)
}

/// The answer of a method called before the widget is ready for it.
fn not_ready() -> String {
    to_text(&object(&mut [
        ("ok", false.into()),
        ("problems", Value::Array(Vec::new())),
    ]))
}

/// Problems as the host reads them: code, message in both languages, where.
fn problems_json(problems: &[shifan_rules::Problem]) -> Value {
    problems
        .iter()
        .map(shifan_rules::Problem::to_value)
        .collect()
}

/// The `shifan-change` detail: the open draft's id, the summary exactly as the application
/// file stores it (`total`, `areas`, `meets_bar`), the compliance formula's two counts, and
/// whether every change is saved in the widget's store.
pub fn change_detail(state: &AppState) -> Value {
    if let Some(review) = crate::modes::review_counts(state) {
        return review_detail(&review);
    }
    let mode = match state.mode {
        Some(mode) => mode.as_str(),
        None => "self-assessment",
    };
    let Some(draft) = state.draft.as_ref() else {
        return object(&mut [
            ("mode", mode.into()),
            ("draft", Value::Null),
            ("summary", Value::Null),
            ("compliance", Value::Null),
            ("saved", (!state.unsaved()).into()),
        ]);
    };
    let score = draft.score(&state.catalog);
    let ratio = score.total.compliance();
    object(&mut [
        ("mode", mode.into()),
        ("draft", draft.id.as_str().into()),
        (
            "summary",
            serde_json::to_value(score.summary()).unwrap_or(Value::Null),
        ),
        (
            "compliance",
            object(&mut [
                ("met", ratio.met.into()),
                ("applicable", ratio.applicable.into()),
            ]),
        ),
        ("saved", (!state.unsaved()).into()),
    ])
}

/// The `shifan-change` detail of a review widget showing its table: how many applications it
/// holds (`files`), how many of them are recommended, not recommended and still pending, how
/// many files were refused, the reviewing city's code (or null), and whether the session is
/// saved in the widget's store.
fn review_detail(review: &crate::modes::ReviewCounts) -> Value {
    object(&mut [
        ("mode", "review".into()),
        ("files", review.files.into()),
        ("recommended", review.recommended.into()),
        ("notRecommended", review.not_recommended.into()),
        ("pending", review.pending.into()),
        ("rejected", review.rejected.into()),
        ("city", review.city.into()),
        ("saved", review.saved.into()),
    ])
}

/// Hands the sealed file to the host (`shifan-export`, detail `{kind, fileName, text}`):
/// whether the page should still download it (the host did not call `preventDefault()`). The
/// page itself always downloads.
pub fn offer_export(host: &Host, kind: &str, name: &str, text: &str) -> bool {
    match host.embed() {
        Some(embed) => {
            let detail = object(&mut [
                ("kind", kind.into()),
                ("fileName", name.into()),
                ("text", text.into()),
            ]);
            embed.emit(EXPORT, &to_text(&detail))
        }
        None => true,
    }
}

/// Keeps the host informed: the latest state for its methods, `shifan-ready` after the first
/// render, and `shifan-change` after every change to the draft, its saving, or which draft
/// is open. Nothing on the county page, which has no host.
#[hook]
pub fn use_host(state: &AppHandle) {
    if let Some(embed) = state.host.embed() {
        *embed.latest.borrow_mut() = Some(state.clone());
    }
    let host = state.host.clone();
    {
        let host = host.clone();
        use_effect_with((), move |()| {
            if let Some(embed) = host.embed() {
                embed.emit(READY, "{}");
            }
        });
    }
    let key = (
        state.draft.as_ref().map(|d| d.id.clone()),
        state.revision,
        state.unsaved(),
        state.catalog.fingerprint().to_string(),
        // A review's changes: its revision and whether it is saved.
        crate::modes::review_counts(state).map(|r| (r.revision, r.saved)),
    );
    let detail = host.embedded().then(|| to_text(&change_detail(state)));
    use_effect_with(key, move |_| {
        if let (Some(embed), Some(detail)) = (host.embed(), detail) {
            embed.emit(CHANGE, &detail);
        }
    });
}
