//! What every component test file needs: mount the app into a fresh element, find things in it,
//! act as a user does (click, type, choose, pick files) and wait for asynchronous work.
//! Each test file includes it with `mod support;` and uses what it needs.
#![allow(dead_code)]

use std::rc::Rc;

use shifan_web::components::app::AppProps;
use shifan_web::{App, store};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, Element, Event, EventInit, File, HtmlElement, HtmlInputElement, InputEvent,
    InputEventInit,
};
use yew::AppHandle;

/// A mounted app and its root element; dropped apps are destroyed and removed.
pub(crate) struct Mounted {
    pub root: Element,
    pub app: Option<AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

pub(crate) fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub(crate) fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The records of the page's store whose keys start with `prefix`.
pub(crate) async fn stored(prefix: &str) -> Vec<(String, Option<String>)> {
    store::open(store::DEFAULT_NAMESPACE).await.unwrap();
    store::read_prefix(store::DEFAULT_NAMESPACE, prefix)
        .await
        .unwrap()
}

/// Empties the page's store, `localStorage` and the tab's session storage.
pub(crate) async fn clear_storage() {
    local_storage().clear().unwrap();
    let window = web_sys::window().unwrap();
    window.session_storage().unwrap().unwrap().clear().unwrap();
    let keys: Vec<String> = stored("").await.into_iter().map(|(k, _)| k).collect();
    let change: Vec<(&str, Option<&str>)> = keys.iter().map(|k| (k.as_str(), None)).collect();
    store::commit(store::DEFAULT_NAMESPACE, &change)
        .await
        .unwrap();
}

/// Reads the store as the page does, then mounts the app into a new element at the end of the
/// body.
pub(crate) async fn mount() -> Mounted {
    mount_into(document().create_element("div").unwrap()).await
}

/// Mounts the app as a mode's page does: into `<main id="app" data-mode="{mode}">`
/// (`review.html`, `training.html`), the page alone naming the mode.
pub(crate) async fn mount_page(mode: &str) -> Mounted {
    let root = document().create_element("main").unwrap();
    root.set_id("app");
    root.set_attribute("data-mode", mode).unwrap();
    mount_into(root).await
}

/// Puts `root` at the end of the body (the boot reads a page's mode from it), reads the store
/// and mounts the app there.
async fn mount_into(root: web_sys::Element) -> Mounted {
    document().body().unwrap().append_child(&root).unwrap();
    let boot = Rc::new(shifan_web::hooks::boot(Default::default(), None).await);
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { boot }).render();
    yew::scheduler::flush().await;
    Mounted {
        root,
        app: Some(app),
    }
}

/// From now on answers every `window.confirm` with `answer`, as a person pressing OK or
/// Cancel would, and keeps the questions asked (the headless browser has no one to ask).
pub(crate) fn answer_confirms(answer: bool) -> std::rc::Rc<std::cell::RefCell<Vec<String>>> {
    use wasm_bindgen::closure::Closure;
    let asked = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen = asked.clone();
    let confirm = Closure::<dyn FnMut(String) -> bool>::new(move |question: String| {
        seen.borrow_mut().push(question);
        answer
    });
    let window = web_sys::window().unwrap();
    js_sys::Reflect::set(&window, &"confirm".into(), confirm.as_ref()).unwrap();
    confirm.forget();
    asked
}

/// Mounts the app on empty storage.
pub(crate) async fn fresh() -> Mounted {
    clear_storage().await;
    mount().await
}

pub(crate) async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

fn bubbling(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    Event::new_with_event_init_dict(kind, &init).unwrap()
}

impl Mounted {
    pub(crate) fn find(&self, selector: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(selector)
            .unwrap()
            .map(|e| e.dyn_into().unwrap())
    }

    pub(crate) fn get(&self, selector: &str) -> HtmlElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    pub(crate) fn all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().dyn_into().unwrap())
            .collect()
    }

    pub(crate) fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }

    pub(crate) fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }

    pub(crate) fn all_text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    pub(crate) async fn click(&self, selector: &str) {
        self.get(selector).click();
        yew::scheduler::flush().await;
    }

    /// Clicks the first button whose text contains `label`.
    pub(crate) async fn click_button(&self, label: &str) {
        let button = self
            .all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().contains(label))
            .unwrap_or_else(|| panic!("no button labelled {label:?}"));
        button.click();
        yew::scheduler::flush().await;
    }

    /// Types `value` into the input `selector`, firing `input` as typing does.
    pub(crate) async fn type_into(&self, selector: &str, value: &str) {
        let input = self.get(selector);
        js_sys::Reflect::set(
            &input,
            &JsValue::from_str("value"),
            &JsValue::from_str(value),
        )
        .unwrap();
        let init = InputEventInit::new();
        init.set_bubbles(true);
        let event = InputEvent::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
    }

    /// Fires `change` on `selector`.
    pub(crate) async fn change(&self, selector: &str) {
        self.get(selector)
            .dispatch_event(&bubbling("change"))
            .unwrap();
        yew::scheduler::flush().await;
    }

    /// Sets a `<select>` (or input) value and fires `change`, as a user's choice does.
    pub(crate) async fn choose(&self, selector: &str, value: &str) {
        let el = self.get(selector);
        js_sys::Reflect::set(&el, &"value".into(), &JsValue::from_str(value)).unwrap();
        self.change(selector).await;
    }

    /// Picks `files` (name, text) at once in the file input `selector`.
    pub(crate) async fn pick_files(&self, selector: &str, files: &[(&str, String)]) {
        let transfer = DataTransfer::new().unwrap();
        for (name, text) in files {
            let parts = js_sys::Array::of1(&JsValue::from_str(text));
            let file = File::new_with_str_sequence(&parts, name).unwrap();
            transfer.items().add_with_file(&file).unwrap();
        }
        let input: HtmlInputElement = self.get(selector).dyn_into().unwrap();
        input.set_files(transfer.files().as_ref());
        self.change(selector).await;
    }

    /// Picks `text` as the file `name` of the file input `selector`.
    pub(crate) async fn pick_file(&self, selector: &str, name: &str, text: &str) {
        self.pick_files(selector, &[(name, text.to_string())]).await;
    }

    /// Waits until `check` holds (async work such as reading a file).
    pub(crate) async fn wait_until(&self, what: &str, check: impl Fn(&Self) -> bool) {
        for _ in 0..300 {
            yew::scheduler::flush().await;
            if check(self) {
                return;
            }
            sleep(10).await;
        }
        panic!("{what} never happened");
    }

    /// Waits until `selector` matches (async work such as reading a file).
    pub(crate) async fn wait_for(&self, selector: &str) -> HtmlElement {
        self.wait_until(selector, |m| m.find(selector).is_some())
            .await;
        self.get(selector)
    }

    /// Waits until `selector` matches `count` elements.
    pub(crate) async fn wait_for_count(&self, selector: &str, count: usize) {
        self.wait_until(&format!("{count} × {selector}"), |m| {
            m.all(selector).len() == count
        })
        .await;
    }
}
