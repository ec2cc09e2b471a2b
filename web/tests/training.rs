//! Component tests of training mode in headless Chromium: the catalog browser's search and
//! filter, a demo county that opens without writing anything to storage, and catalog files
//! that load (or show their problems and leave the catalog in use as it was).
#![cfg(target_arch = "wasm32")]

use shifan_rules::Catalog;
use shifan_rules::catalog::CatalogData;
use shifan_web::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{
    DataTransfer, Element, Event, EventInit, File, HtmlElement, HtmlInputElement, InputEvent,
    InputEventInit,
};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted app and its root element; dropped apps are destroyed and removed.
struct Mounted {
    root: Element,
    app: Option<AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh app on the training page, with empty storage.
async fn training() -> Mounted {
    let window = web_sys::window().unwrap();
    local_storage().clear().unwrap();
    window.session_storage().unwrap().unwrap().clear().unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let mounted = Mounted {
        root,
        app: Some(app),
    };
    mounted.click("[data-action=\"start-training\"]").await;
    assert!(
        mounted.find(".catalog-browser").is_some(),
        "the training page"
    );
    mounted
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

impl Mounted {
    fn find(&self, selector: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(selector)
            .unwrap()
            .map(|e| e.dyn_into().unwrap())
    }

    fn get(&self, selector: &str) -> HtmlElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }

    fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }

    async fn click(&self, selector: &str) {
        self.get(selector).click();
        yew::scheduler::flush().await;
    }

    async fn type_into(&self, selector: &str, value: &str) {
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

    /// Picks `text` as the file of the file input `selector`.
    async fn pick_file(&self, selector: &str, name: &str, text: &str) {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let file = File::new_with_str_sequence(&parts, name).unwrap();
        let transfer = DataTransfer::new().unwrap();
        transfer.items().add_with_file(&file).unwrap();
        let input: HtmlInputElement = self.get(selector).dyn_into().unwrap();
        input.set_files(transfer.files().as_ref());
        let init = EventInit::new();
        init.set_bubbles(true);
        let event = Event::new_with_event_init_dict("change", &init).unwrap();
        input.dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
    }

    /// Waits until `check` holds (async work such as reading a file).
    async fn wait_until(&self, what: &str, check: impl Fn(&Self) -> bool) {
        for _ in 0..200 {
            yew::scheduler::flush().await;
            if check(self) {
                return;
            }
            sleep(10).await;
        }
        panic!("{what} never happened");
    }
}

#[wasm_bindgen_test]
async fn search_narrows_the_list_and_marks_the_term() {
    let app = training().await;
    let all = Catalog::reference().len() as u32;
    assert_eq!(app.count(".entry"), all);
    assert!(
        app.text("[data-testid=\"shown-count\"]")
            .contains(&all.to_string())
    );

    app.type_into("#catalog-search", "复议").await;
    let found = app.count(".entry");
    assert!(
        found > 0 && found < all,
        "复议 finds some indicators: {found}"
    );
    assert!(app.count(".entry mark") > 0, "the term is highlighted");
    let entries = app.root.query_selector_all(".entry").unwrap();
    for i in 0..entries.length() {
        let text = entries.item(i).unwrap().text_content().unwrap_or_default();
        let heading_hit = app.text(".browse-area h3").contains("复议")
            || app.text(".browse-section h4").contains("复议");
        assert!(text.contains("复议") || heading_hit, "{text}");
    }
    assert!(
        app.text("[data-testid=\"shown-count\"]")
            .contains(&found.to_string())
    );

    app.type_into("#catalog-search", "规章").await;
    assert!(app.count(".entry") > 0, "规章 finds indicators");

    app.type_into("#catalog-search", "").await;
    app.click("[data-scope=\"county\"]").await;
    let county = app.count(".entry");
    assert!(county < all && app.count(".entry[data-applies=\"city\"]") == 0);
    app.click("[data-scope=\"city\"]").await;
    assert!(app.count(".entry[data-applies=\"county\"]") == 0);
    assert!(app.count(".entry[data-applies=\"city\"]") > 0);

    app.type_into("#catalog-search", "没有这样的指标xyz").await;
    assert_eq!(app.count(".entry"), 0);
    assert!(app.find(".catalog-browser .empty").is_some());
}

#[wasm_bindgen_test]
async fn a_demo_county_opens_and_nothing_is_saved() {
    let app = training().await;
    assert!(app.find("[data-training=\"banner\"]").is_some());
    app.click("[data-demo=\"above\"] button").await;
    assert!(app.find("#ind-1").is_some(), "the workspace shows the demo");
    assert!(!app.text("[data-testid=\"verdict\"]").is_empty());
    assert!(app.text("[data-testid=\"compliance\"]").starts_with("96."));
    assert!(
        app.find("[data-training=\"banner\"]").is_some(),
        "still says so"
    );
    assert!(app.find(".summary .catalog-badge").is_some());

    // Change an answer and wait past the autosave delay: nothing reaches storage.
    app.click("#ind-1 [data-status=\"not_met\"]").await;
    sleep(shifan_web::hooks::AUTOSAVE_DELAY_MS as i32 + 300).await;
    yew::scheduler::flush().await;
    assert_eq!(
        local_storage().length().unwrap(),
        0,
        "nothing in localStorage"
    );

    // The other demos open too; back on the start page the draft list has no demo.
    app.click("[data-action=\"training-back\"]").await;
    app.click("[data-demo=\"below\"] button").await;
    assert!(app.text("[data-testid=\"verdict\"]").contains("未达到"));
    app.click("[data-action=\"training-back\"]").await;
    app.click("[data-demo=\"single\"] button").await;
    assert!(app.find("#ind-1").is_some());
    app.click(".brand-button").await;
    assert!(app.find(".drafts").is_none(), "no draft listed");
    assert!(app.find("[data-training=\"banner\"]").is_none());
    assert_eq!(local_storage().length().unwrap(), 0);
}

#[wasm_bindgen_test]
async fn catalog_files_load_or_show_their_problems() {
    // (Tables are read by the spreadsheet module, which this runner does not serve: the
    // end-to-end test loads them. Here: JSON catalogs.)
    let app = training().await;
    let reference = Catalog::reference().title().to_string();
    assert!(app.text(".training .catalog-badge").contains(&reference));

    // Broken JSON: its line is named, the catalog stays.
    app.pick_file("#catalog-file", "坏目录.json", "{\n  \"id\": \"x\",\n}\n")
        .await;
    app.wait_until("the problems", |a| {
        a.find("[data-notice=\"catalog-failed\"]").is_some()
    })
    .await;
    let notice = app.text("[data-notice=\"catalog-failed\"]");
    assert!(notice.contains("坏目录.json"), "{notice}");
    assert!(notice.contains("第 3 行"), "a line number: {notice}");
    assert!(app.text(".training .catalog-badge").contains(&reference));

    // A valid catalog of our own is used by the browser and the demos.
    let mut data: CatalogData = Catalog::reference().data().clone();
    data.title = "本省指标目录(测试)".into();
    let own = Catalog::from_data(data).unwrap().to_json();
    app.pick_file("#catalog-file", "own.json", &own).await;
    app.wait_until("the new catalog", |a| {
        a.text(".training .catalog-badge").contains("本省指标目录")
    })
    .await;
    assert!(app.find("[data-notice=\"catalog-failed\"]").is_none());
    app.click("[data-demo=\"above\"] button").await;
    assert!(app.text(".summary .catalog-badge").contains("本省指标目录"));
    app.click("[data-action=\"training-back\"]").await;

    // A catalog that breaks a rule: its problem, and the loaded catalog stays.
    let mut data: CatalogData = Catalog::reference().data().clone();
    data.threshold.numerator = 0;
    let bad = serde_json::to_string(&data).unwrap();
    app.pick_file("#catalog-file", "threshold.json", &bad).await;
    app.wait_until("the problems", |a| {
        a.find("[data-notice=\"catalog-failed\"] .problem")
            .is_some()
    })
    .await;
    assert!(
        app.text("[data-notice=\"catalog-failed\"]")
            .contains("0/100")
    );
    assert!(
        app.text(".training .catalog-badge")
            .contains("本省指标目录")
    );

    // Leaving training mode returns to the built-in catalog.
    app.click(".brand-button").await;
    assert!(app.text(".catalog-name").contains(&reference));
}
