//! Component tests of the city review in headless Chromium: the reducer's rank rule, and the
//! page as an office uses it — open two valid files and one tampered file at once, read the
//! table and the problem list, sort, decide, rank, open one read-only, reload.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use shifan_rules::document::read_document;
use shifan_rules::package::{Decision, Reviewer};
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::session::Session;
use shifan_rules::{Catalog, CatalogSet, Lang};
use shifan_web::review::{OpenedFile, ReviewAction};
use shifan_web::state::{Action, AppState, Boot, Screen};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{DataTransfer, DragEvent, DragEventInit, Event, EventInit, File, HtmlInputElement};
use yew::Reducible;

mod support;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

impl Mounted {
    /// Division codes of the table's rows, top to bottom.
    fn codes(&self) -> Vec<String> {
        self.all("table.comparison tbody tr")
            .iter()
            .map(|tr| tr.get_attribute("data-code").unwrap())
            .collect()
    }

    /// The rank shown in the row of `code`, if any.
    fn rank(&self, code: &str) -> Option<u32> {
        self.find(&format!(
            "table.comparison tr[data-code=\"{code}\"] [data-testid=\"rank\"]"
        ))
        .map(|e| e.text_content().unwrap().trim().parse().unwrap())
    }
}

/// A valid application file of `code` with `met` indicators met.
fn application(code: &str, met: u32, seed: u64) -> String {
    let spec = SampleSpec::new(code, met, SampleKind::Comprehensive, seed);
    sample_application(Catalog::reference(), &spec)
        .unwrap()
        .to_json()
}

/// 小店区 (90 met), 迎泽区 (80 met) and a copy of 迎泽区's file edited after export.
fn three_files() -> Vec<(&'static str, String)> {
    let yingze = application("140106", 80, 2);
    let tampered = yingze.replacen("张明", "李四", 1);
    assert_ne!(tampered, yingze);
    vec![
        ("xiaodian.json", application("140105", 90, 1)),
        ("yingze.json", yingze),
        ("tampered.json", tampered),
    ]
}

#[wasm_bindgen_test]
fn the_reducer_keeps_ranks_one_to_k() {
    let catalogs = CatalogSet::builtin();
    let opened: Vec<OpenedFile> = three_files()
        .into_iter()
        .map(|(name, text)| OpenedFile {
            name: name.into(),
            result: read_document(text.as_bytes(), &catalogs),
            retry: None,
        })
        .collect();
    let mut state = Rc::new(AppState::load(Boot::empty(Lang::Zh, "2026-12-02")));
    let mut act = |a: ReviewAction| state = state.clone().reduce(Action::review(a));
    act(ReviewAction::Enter {
        today: "2026-12-02".into(),
    });
    act(ReviewAction::Opened(opened));
    let ids: Vec<String> = state
        .modes
        .review
        .session
        .applications()
        .iter()
        .map(|r| r.integrity().to_string())
        .collect();
    assert_eq!(state.screen, Screen::Mode(shifan_web::modes::Mode::Review));
    assert_eq!(ids.len(), 2);
    assert_eq!(state.modes.review.session.rejected.len(), 1);
    assert_eq!(state.modes.review.session.city(), Some(140100), "inferred");
    let mut act = |a: ReviewAction| state = state.clone().reduce(Action::review(a));
    act(ReviewAction::Decide(ids[1].clone(), Decision::Recommend));
    act(ReviewAction::Decide(ids[0].clone(), Decision::Recommend));
    act(ReviewAction::Move(ids[0].clone(), true));
    let ranks = |s: &AppState| -> Vec<Option<u32>> {
        s.modes
            .review
            .session
            .applications()
            .iter()
            .map(|r| r.opinion.rank)
            .collect()
    };
    assert_eq!(ranks(&state), vec![Some(1), Some(2)]);
    let revision = state.modes.review.revision;
    state = state.clone().reduce(Action::review(ReviewAction::Decide(
        ids[0].clone(),
        Decision::Pending,
    )));
    assert_eq!(ranks(&state), vec![None, Some(1)]);
    assert!(state.modes.review.revision > revision, "a change to save");
}

#[wasm_bindgen_test]
async fn an_office_opens_files_sorts_decides_and_comes_back() {
    clear_storage().await;
    let app = mount_page("review").await;
    assert!(app.find("#review-title").is_some());
    app.pick_files("[data-role=\"review-files\"]", &three_files())
        .await;
    app.wait_for_count("table.comparison tbody tr", 2).await;

    // The tampered file is listed with its problem, in Chinese, and is not compared.
    let rejected = app
        .get("[data-testid=\"rejected\"]")
        .text_content()
        .unwrap();
    assert!(rejected.contains("tampered.json"), "{rejected}");
    assert!(rejected.contains("integrity-mismatch"), "{rejected}");
    assert!(rejected.contains("完整性指纹"), "{rejected}");
    let city: HtmlInputElement = app.get("#review-city").unchecked_into();
    assert_eq!(
        city.value(),
        "140100",
        "the city is inferred from the files"
    );

    // Highest compliance first; the applicant header sorts by division code, both ways.
    assert_eq!(app.codes(), ["140105", "140106"]);
    let compliance = app.get("table.comparison tbody tr [data-testid=\"compliance\"]");
    assert!(compliance.text_content().unwrap().contains("90 ÷ 95"));
    app.click("th:first-child button.sort").await;
    assert_eq!(
        app.get("th:first-child")
            .get_attribute("aria-sort")
            .as_deref(),
        Some("ascending")
    );
    assert_eq!(app.codes(), ["140105", "140106"]);
    app.click("th:first-child button.sort").await;
    assert_eq!(
        app.get("th:first-child")
            .get_attribute("aria-sort")
            .as_deref(),
        Some("descending")
    );
    assert_eq!(app.codes(), ["140106", "140105"]);

    // Recommend both: ranks follow the order of the decisions; a move swaps them; leaving
    // "recommend" closes the ranks up.
    let decision = |code: &str| format!("tr[data-code=\"{code}\"] [data-role=\"decision\"]");
    // 迎泽区 is below the bar: recommending it asks first, saying why; "cancel" leaves it
    // pending, "OK" recommends it. 小店区 is above it: nothing to ask.
    let asked = answer_confirms(false);
    app.choose(&decision("140106"), "recommend").await;
    assert_eq!(asked.borrow().len(), 1);
    assert!(
        asked.borrow()[0].contains("低于综合示范标准 90.0%"),
        "{:?}",
        asked.borrow()
    );
    let select: web_sys::HtmlSelectElement = app.get(&decision("140106")).unchecked_into();
    assert_eq!(select.value(), "pending", "the control is put back");
    assert_eq!(app.rank("140106"), None);
    let asked = answer_confirms(true);
    app.choose(&decision("140106"), "recommend").await;
    app.choose(&decision("140105"), "recommend").await;
    assert_eq!(asked.borrow().len(), 1, "{:?}", asked.borrow());
    assert_eq!((app.rank("140106"), app.rank("140105")), (Some(1), Some(2)));
    app.click("tr[data-code=\"140105\"] [data-move=\"up\"]")
        .await;
    assert_eq!((app.rank("140106"), app.rank("140105")), (Some(2), Some(1)));
    app.choose(&decision("140105"), "pending").await;
    assert_eq!((app.rank("140106"), app.rank("140105")), (Some(1), None));

    // One opens read-only in the county's indicator view.
    app.click("tr[data-code=\"140106\"] button.open").await;
    assert!(app.find(".review-viewer #ind-1").is_some());
    let point: HtmlInputElement = app.get("#ind-1-p0").unchecked_into();
    assert!(point.disabled());
    assert!(app.find(".review-viewer .evidence button").is_none());
    app.click(".viewer-head button.back").await;
    assert!(app.find("table.comparison").is_some());
    let focused = document().active_element().unwrap();
    assert_eq!(
        focused
            .closest("tr")
            .unwrap()
            .and_then(|tr| tr.get_attribute("data-code"))
            .as_deref(),
        Some("140106"),
        "focus returns to the row the application was opened from"
    );

    // Saved after the autosave delay; a reload in the same tab comes back to the review.
    sleep(600 + shifan_web::hooks::AUTOSAVE_DELAY_MS as i32).await;
    yew::scheduler::flush().await;
    let session = stored(shifan_web::record::REVIEW_KEY).await;
    assert!(
        session
            .first()
            .and_then(|(_, text)| text.as_deref())
            .is_some_and(|s| s.contains("shifan.review-session"))
    );
    drop(app);
    let again = mount_page("review").await;
    again.wait_for_count("table.comparison tbody tr", 2).await;
    assert_eq!(
        (again.rank("140106"), again.rank("140105")),
        (Some(1), None)
    );
    assert!(
        again
            .get("[data-testid=\"rejected\"]")
            .text_content()
            .unwrap()
            .contains("tampered.json")
    );
}

/// Drops files (name, text) on the page, as dragging them from the file manager does.
async fn drop_files(files: &[(&str, String)]) {
    let transfer = DataTransfer::new().unwrap();
    for (name, text) in files {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let file = File::new_with_str_sequence(&parts, name).unwrap();
        transfer.items().add_with_file(&file).unwrap();
    }
    let init = DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer));
    let event = DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    assert!(
        event.default_prevented(),
        "the page, not the browser, opens dropped files"
    );
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_dropped_package_restores_its_decisions() {
    clear_storage().await;
    let catalogs = CatalogSet::builtin();
    let mut session = Session::new("2026-12-01".into());
    for (name, text) in three_files().into_iter().take(2) {
        let verified = shifan_rules::read_application(text.as_bytes(), &catalogs).unwrap();
        session.add(name.into(), verified);
    }
    session.infer_city();
    session.reviewer = Reviewer {
        name: "李华".into(),
        office: "太原市委依法治市办".into(),
    };
    let ids: Vec<String> = session
        .applications()
        .iter()
        .map(|r| r.integrity().to_string())
        .collect();
    session.set_decision(&ids[1], Decision::Recommend);
    session.set_decision(&ids[0], Decision::NotRecommend);
    session.set_comment(&ids[1], "特色鲜明");
    let package = session
        .package(
            shifan_web::files::generator(),
            "2026-12-02T09:00:00Z".into(),
        )
        .unwrap();

    let app = mount_page("review").await;
    drop_files(&[(&package.file_name(), package.to_json())]).await;
    app.wait_for_count("table.comparison tbody tr", 2).await;
    assert_eq!((app.rank("140106"), app.rank("140105")), (Some(1), None));
    let reviewer: HtmlInputElement = app.get("#reviewer-name").unchecked_into();
    assert_eq!(reviewer.value(), "李华");
    let decision: web_sys::HtmlSelectElement = app
        .get("tr[data-code=\"140105\"] [data-role=\"decision\"]")
        .unchecked_into();
    assert_eq!(decision.value(), "not_recommend");
    app.click("tr[data-code=\"140106\"] button.open").await;
    let comment: web_sys::HtmlTextAreaElement = app.get("#opinion-comment").unchecked_into();
    assert_eq!(comment.value(), "特色鲜明");
}

#[wasm_bindgen_test]
async fn a_full_storage_is_said_not_hidden() {
    clear_storage().await;
    let app = mount_page("review").await;
    app.pick_files("[data-role=\"review-files\"]", &three_files()[..1])
        .await;
    app.wait_for_count("table.comparison tbody tr", 1).await;
    // The store refuses every write as a full disk does (filling a real IndexedDB quota, a
    // share of the disk, would take minutes), then the review gets longer.
    let refuse = js_sys::Function::new_no_args(
        "const put = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.__put = put;
         IDBObjectStore.prototype.put = function () {
           throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
         };",
    );
    refuse.call0(&JsValue::NULL).unwrap();
    let name = app.get("#reviewer-name");
    js_sys::Reflect::set(&name, &"value".into(), &"李华".repeat(50).into()).unwrap();
    let init = EventInit::new();
    init.set_bubbles(true);
    name.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    sleep(300 + shifan_web::hooks::AUTOSAVE_DELAY_MS as i32).await;
    yew::scheduler::flush().await;
    let notice = app.get("[data-notice=\"review-save-failed\"]");
    assert!(notice.text_content().unwrap().contains("存储空间已满"));
    assert!(
        app.get("[data-testid=\"review-save\"]")
            .text_content()
            .unwrap()
            .contains("未能保存")
    );
    js_sys::Function::new_no_args("IDBObjectStore.prototype.put = IDBObjectStore.prototype.__put;")
        .call0(&JsValue::NULL)
        .unwrap();
    clear_storage().await;
}

#[wasm_bindgen_test]
fn the_opinion_sheet_is_a_screen_of_the_reducer() {
    let state = Rc::new(AppState::load(Boot::empty(Lang::Zh, "2026-12-02"))).reduce(
        Action::review(ReviewAction::Enter {
            today: "2026-12-02".to_string(),
        }),
    );
    let revision = state.modes.review.revision;
    let state = state.reduce(Action::review(ReviewAction::Sheet(true)));
    assert!(state.modes.review.sheet);
    assert_eq!(
        state.modes.review.revision, revision,
        "showing the sheet changes nothing to save"
    );
    let state = state.reduce(Action::review(ReviewAction::Sheet(false)));
    assert!(!state.modes.review.sheet);
}
