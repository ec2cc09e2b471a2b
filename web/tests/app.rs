//! Component tests in headless Chromium: mount the app into a fresh element, act as a user
//! would (click, tick, type, pick a file), let Yew render, and check the page.
#![cfg(target_arch = "wasm32")]

use shifan_rules::{Catalog, Draft, Status};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlInputElement, KeyboardEvent, KeyboardEventInit};

mod support;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

impl Mounted {
    /// Starts a new draft for 太原市小店区 and opens the indicator workspace.
    async fn new_county_draft(&self) {
        self.click("[data-action=\"new\"]").await;
        self.type_into("#division-code", "140105").await;
        self.click(".form-end button").await;
        assert!(self.find("#ind-1").is_some(), "workspace shows indicator 1");
    }
}

fn press(key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document().dispatch_event(&event).unwrap();
}

fn points_of(n: u16) -> usize {
    Catalog::reference().indicator(n).unwrap().criteria.len()
}

#[wasm_bindgen_test]
async fn start_page_shows_the_catalog_and_marks_ready() {
    let app = fresh().await;
    let text = app.all_text();
    assert!(text.contains(Catalog::reference().title()));
    assert!(text.contains("开始新的自评"));
}

#[wasm_bindgen_test]
async fn the_review_and_training_are_links_to_their_own_pages() {
    let app = fresh().await;
    let href = |selector: &str| app.get(selector).get_attribute("href");
    assert_eq!(
        href("[data-action=\"start-review\"]").as_deref(),
        Some("review.html")
    );
    assert_eq!(
        href("[data-action=\"start-training\"]").as_deref(),
        Some("training.html")
    );
    assert_eq!(
        href("header [data-action=\"review\"]").as_deref(),
        Some("review.html")
    );
    // The county page carries neither: no review or training screen can open in it.
    assert!(app.find("#review-title").is_none() && app.find(".catalog-browser").is_none());
    app.click("button.lang").await;
    assert_eq!(
        href("header [data-action=\"training\"]").as_deref(),
        Some("training.html?lang=en")
    );
    app.click("button.lang").await;
}

#[wasm_bindgen_test]
async fn ticking_every_point_of_indicator_1_makes_it_met() {
    let app = fresh().await;
    app.new_county_draft().await;
    assert_eq!(app.text("[data-testid=\"met\"]"), "0");
    for p in 0..points_of(1) {
        app.click(&format!("#ind-1-p{p}")).await;
    }
    assert_eq!(app.text("[data-testid=\"met\"]"), "1");
    assert!(app.text("[data-testid=\"formula\"]").contains("1 ÷ 95"));
    assert_eq!(
        app.get("#ind-1").get_attribute("data-status").as_deref(),
        Some(Status::Met.as_str())
    );
    // Unticking one makes it partly met: the status follows the points.
    app.click("#ind-1-p0").await;
    assert_eq!(app.text("[data-testid=\"met\"]"), "0");
    assert_eq!(
        app.get("#ind-1").get_attribute("data-status").as_deref(),
        Some("partly_met")
    );
}

#[wasm_bindgen_test]
async fn not_applicable_needs_a_reason() {
    let app = fresh().await;
    app.new_county_draft().await;
    app.click("#ind-2 [data-status=\"not_applicable\"]").await;
    assert!(app.find("#ind-2 .reason.pending").is_some());
    assert_eq!(
        app.get("#ind-2").get_attribute("data-status").as_deref(),
        Some("unanswered")
    );
    app.type_into("#ind-2-pending", "本县未设置此类事项").await;
    app.click_button("确定").await;
    assert_eq!(
        app.get("#ind-2").get_attribute("data-status").as_deref(),
        Some("not_applicable")
    );
    assert!(app.find("#ind-2 .reason.pending").is_none());
    assert_eq!(
        app.get("#ind-2-reason")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value(),
        "本县未设置此类事项"
    );
    assert_eq!(app.text("[data-testid=\"applicable\"]"), "94");
}

#[wasm_bindgen_test]
async fn language_toggle_changes_the_labels() {
    let app = fresh().await;
    app.new_county_draft().await;
    assert!(app.all_text().contains("自评汇总"));
    app.click("button.lang").await;
    let text = app.all_text();
    assert!(text.contains("Summary (estimate)"), "{text}");
    assert!(text.contains("Checkable points"));
    assert!(!text.contains("自评汇总"));
    let html_lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("en"));
    app.click("button.lang").await;
    assert!(app.all_text().contains("自评汇总"));
}

#[wasm_bindgen_test]
async fn keyboard_moves_and_sets_the_status() {
    let app = fresh().await;
    app.new_county_draft().await;
    assert!(app.get("#ind-1").class_name().contains("current"));
    press("j");
    yew::scheduler::flush().await;
    assert!(app.get("#ind-2").class_name().contains("current"));
    press("k");
    yew::scheduler::flush().await;
    assert!(app.get("#ind-1").class_name().contains("current"));
    // "3" = not met, which is what no ticked point suggests: no reason needed.
    press("3");
    yew::scheduler::flush().await;
    assert_eq!(
        app.get("#ind-1").get_attribute("data-status").as_deref(),
        Some("not_met")
    );
    // "1" = met without the points: an override, which asks for a reason.
    press("1");
    yew::scheduler::flush().await;
    assert!(app.find("#ind-1 .reason.pending").is_some());
}

fn sample_file(name: &str) -> String {
    let catalog = Catalog::reference();
    let mut draft = Draft::new("sample".into(), catalog, "2026-01-05T08:00:00Z".into());
    draft.division_code = "140105".into();
    draft.contact.name = name.into();
    for p in 0..points_of(3) {
        draft.assessment.toggle_point(catalog, 3, p);
    }
    draft
        .to_application(
            catalog,
            shifan_web::files::generator(),
            "2026-01-06T08:00:00Z".into(),
        )
        .unwrap()
        .to_json()
}

#[wasm_bindgen_test]
async fn an_invalid_file_shows_its_problems_and_leaves_the_draft() {
    let app = fresh().await;
    app.new_county_draft().await;
    app.click("#ind-1-p0").await;
    let id = app.get(".save-state").get_attribute("data-draft").unwrap();
    let tampered = sample_file("王五").replace("王五", "赵六");
    app.pick_file("[data-role=\"open-file\"]", "tampered.json", &tampered)
        .await;
    let notice = app.wait_for("[data-notice=\"problems\"]").await;
    let text = notice.text_content().unwrap();
    assert!(text.contains("integrity-mismatch"), "{text}");
    assert!(text.contains("完整性指纹"), "{text}");
    // The open draft is untouched.
    assert_eq!(
        app.get(".save-state").get_attribute("data-draft").unwrap(),
        id
    );
    assert!(
        app.get("#ind-1-p0")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .checked()
    );
    // In English, the same problem reads in English.
    app.click("button.lang").await;
    let text = app.text("[data-notice=\"problems\"]");
    assert!(text.contains("edited after export"), "{text}");
    app.click("button.lang").await;
}

#[wasm_bindgen_test]
async fn a_valid_file_opens_as_a_new_draft() {
    let app = fresh().await;
    app.pick_file("[data-role=\"open-file\"]", "ok.json", &sample_file("王五"))
        .await;
    app.wait_for("#ind-3").await;
    assert_eq!(
        app.get("#ind-3").get_attribute("data-status").as_deref(),
        Some("met")
    );
    assert_eq!(app.text("[data-testid=\"met\"]"), "1");
}

#[wasm_bindgen_test]
async fn the_draft_is_saved_and_comes_back_after_a_reload() {
    let app = fresh().await;
    app.new_county_draft().await;
    for p in 0..points_of(5) {
        app.click(&format!("#ind-5-p{p}")).await;
    }
    app.type_into("#ind-5-note", "已核对").await;
    sleep(600 + shifan_web::hooks::AUTOSAVE_DELAY_MS as i32).await;
    yew::scheduler::flush().await;
    let drafts = stored(shifan_web::record::DRAFT_PREFIX).await;
    assert_eq!(drafts.len(), 1);
    drop(app);

    // A reload in the same tab: the session remembers the draft and the screen.
    let again = mount().await;
    assert_eq!(
        again.get("#ind-5").get_attribute("data-status").as_deref(),
        Some("met")
    );
    assert_eq!(
        again
            .get("#ind-5-note")
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .unwrap()
            .value(),
        "已核对"
    );
    drop(again);

    // A new tab: the start page lists the draft.
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let start = mount().await;
    assert!(start.all_text().contains("太原市小店区"));
    assert!(start.all_text().contains("已作答 1 / 95"));
}

#[wasm_bindgen_test]
async fn single_item_asks_for_category_title_and_narrative() {
    let app = fresh().await;
    app.click("[data-action=\"new\"]").await;
    app.type_into("#division-code", "140105").await;
    assert!(app.find("#category").is_none());
    app.click("input[value=\"single_item\"]").await;
    assert!(app.find("#category").is_some());
    // The rules say what is still missing.
    assert!(app.text(".inline-problems").contains("项目名称"));
    app.type_into("#project-title", "“一枚印章管审批”改革")
        .await;
    app.type_into("#aspect-innovation", "首创").await;
    assert!(app.text("#aspect-innovation-count").contains('2'));
    assert!(!app.text(".inline-problems").contains("项目名称"));
    // Comprehensive and back: nothing typed is lost.
    app.click("input[value=\"comprehensive\"]").await;
    assert!(app.find("#category").is_none());
    app.click("input[value=\"single_item\"]").await;
    assert_eq!(
        app.get("#aspect-innovation")
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .unwrap()
            .value(),
        "首创"
    );
    // Without a category the file cannot be written yet, and the page says why.
    app.click_button("下载申报文件").await;
    assert!(
        app.text("[data-notice=\"problems\"]")
            .contains("unknown-category")
    );
}

#[wasm_bindgen_test]
async fn a_gap_jumps_to_its_indicator() {
    let app = fresh().await;
    app.new_county_draft().await;
    app.click("[data-gap=\"7\"]").await;
    sleep(0).await;
    assert!(app.get("#ind-7").class_name().contains("current"));
    let active = document().active_element().unwrap().id();
    assert_eq!(active, "ind-7");
}

#[wasm_bindgen_test]
async fn leaving_at_once_keeps_the_last_change() {
    let app = fresh().await;
    app.new_county_draft().await;
    app.click("#ind-9-p0").await;
    // Back to the start page before the autosave delay has passed.
    app.click(".brand-button").await;
    assert!(
        app.all_text().contains("已作答 1 / 95"),
        "{}",
        app.all_text()
    );
}

/// Runs `body` as JavaScript in the test page.
fn js(body: &str) -> wasm_bindgen::JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap()
}

#[wasm_bindgen_test]
async fn each_change_is_one_strict_transaction() {
    let app = fresh().await;
    // A spy on IDBDatabase.prototype.transaction records the options of each write.
    js("const tx = IDBDatabase.prototype.transaction;
        IDBDatabase.prototype.__tx = tx;
        window.__writes = [];
        IDBDatabase.prototype.transaction = function (names, mode, options) {
          if (mode === 'readwrite') window.__writes.push(options ? options.durability : null);
          return tx.apply(this, arguments);
        };");
    app.new_county_draft().await;
    app.click("#ind-3-p0").await;
    sleep(300 + shifan_web::hooks::AUTOSAVE_DELAY_MS as i32).await;
    let writes = js("const w = window.__writes;
        IDBDatabase.prototype.transaction = IDBDatabase.prototype.__tx;
        return JSON.stringify(w);")
    .as_string()
    .unwrap();
    assert!(writes.starts_with("[\"strict\""), "{writes}");
    assert!(!writes.contains("null"), "every write is strict: {writes}");
    let drafts = stored(shifan_web::record::DRAFT_PREFIX).await;
    assert_eq!(drafts.len(), 1);
    let text = drafts[0].1.clone().unwrap();
    assert!(text.contains("140105"), "the last change is stored");
}

#[wasm_bindgen_test]
async fn a_record_that_cannot_be_read_is_shown_not_hidden() {
    clear_storage().await;
    shifan_web::store::put(
        shifan_web::store::DEFAULT_NAMESPACE,
        "draft:broken",
        "{\"format\": \"shifan.draft\", \"answ",
    )
    .await
    .unwrap();
    let app = mount().await;
    let entry = app.get("[data-corrupt=\"draft:broken\"]");
    assert!(entry.text_content().unwrap().contains("无法读取"));
    assert!(!app.all_text().contains("还没有草稿"));
    assert!(
        app.find("[data-persisted]").is_some(),
        "says whether drafts are kept"
    );
    // Still there after another start: nothing replaced it.
    drop(app);
    let again = mount().await;
    assert!(again.find("[data-corrupt=\"draft:broken\"]").is_some());
    let kept = stored("draft:broken").await;
    assert_eq!(
        kept[0].1.as_deref(),
        Some("{\"format\": \"shifan.draft\", \"answ")
    );
}

/// A first visit with nothing in `localStorage` writes nothing while it starts: not even the
/// mark that the move is done (a strict write the start would wait for).
#[wasm_bindgen_test]
async fn a_start_with_nothing_to_move_writes_nothing() {
    clear_storage().await;
    let app = mount().await;
    assert!(stored("").await.is_empty(), "{:?}", stored("").await);
    drop(app);
    clear_storage().await;
}

#[wasm_bindgen_test]
async fn drafts_in_local_storage_move_into_the_store_once() {
    clear_storage().await;
    let catalog = Catalog::reference();
    let mut draft = Draft::new(
        "legacy-1".to_string(),
        catalog,
        "2026-11-30T08:00:00.000Z".to_string(),
    );
    draft.division_code = "140105".to_string();
    assert!(draft.assessment.toggle_point(catalog, 1, 0));
    local_storage()
        .set_item("shifan.draft.legacy-1", &draft.to_json())
        .unwrap();
    local_storage()
        .set_item("shifan.draft.legacy-bad", "{not json")
        .unwrap();
    let app = mount().await;
    assert!(
        app.all_text().contains("太原市小店区"),
        "{}",
        app.all_text()
    );
    assert!(app.find("[data-corrupt=\"draft:legacy-bad\"]").is_some());
    assert_eq!(
        stored("draft:legacy-1").await[0].1.as_deref(),
        Some(draft.to_json().as_str())
    );
    assert!(!stored(shifan_web::record::MIGRATED_KEY).await.is_empty());
    assert_eq!(local_storage().length().unwrap(), 0, "moved, not copied");
    // Once: a record put in localStorage later is not moved again.
    local_storage()
        .set_item("shifan.draft.late", &draft.to_json())
        .unwrap();
    drop(app);
    let again = mount().await;
    assert!(stored("draft:late").await.is_empty());
    drop(again);
    clear_storage().await;
}

/// Yields share one message channel: every waiting yield wakes, in the order they began, and
/// a long chain of them (the fingerprint's fifty) never loses a wake-up.
#[wasm_bindgen_test]
async fn yields_wake_every_waiter_in_order() {
    let woke = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    for i in 0..20 {
        let woke = std::rc::Rc::clone(&woke);
        wasm_bindgen_futures::spawn_local(async move {
            shifan_web::browser::yield_now().await;
            woke.borrow_mut().push(i);
        });
    }
    for _ in 0..200 {
        shifan_web::browser::yield_now().await;
    }
    assert_eq!(*woke.borrow(), (0..20).collect::<Vec<_>>());
}

/// A file of several slices, read ahead while the last is hashed, gives the fingerprint of its
/// bytes taken at once, and the progress climbs to the whole size, reported at the start, at
/// most once per piece hashed, and at the end.
#[wasm_bindgen_test]
async fn a_file_of_several_slices_is_fingerprinted_as_one() {
    let len = 2 * shifan_web::browser::HASH_SLICE as usize + 12_345;
    let pieces = len.div_ceil(shifan_web::browser::HASH_PIECE);
    let bytes: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "big.bin").unwrap();
    let seen = std::cell::RefCell::new(Vec::new());
    let local = shifan_web::browser::fingerprint(&file, |done, total| {
        seen.borrow_mut().push((done, total));
    })
    .await
    .unwrap();
    let mut whole = shifan_rules::FileHasher::new();
    whole.update(&bytes);
    assert_eq!(local.sha256, whole.finish_hex());
    assert_eq!(local.size, len as u64);
    let seen = seen.into_inner();
    assert_eq!(seen.first(), Some(&(0, len as u64)));
    assert_eq!(seen.last(), Some(&(len as u64, len as u64)));
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "{seen:?}");
    assert!(
        seen.len() >= 2 && seen.len() <= pieces + 1,
        "0, then at most one report per piece: {seen:?}"
    );
    // Every report but the last falls where a piece ends.
    let piece = shifan_web::browser::HASH_PIECE as u64;
    assert!(
        seen[..seen.len() - 1]
            .iter()
            .all(|(done, _)| done % piece == 0),
        "{seen:?}"
    );
}
