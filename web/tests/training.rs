//! Component tests of training mode in headless Chromium: the catalog browser's search and
//! filter, a demo county that opens without writing anything to storage, and catalog files
//! that load (or show their problems and leave the catalog in use as it was).
#![cfg(target_arch = "wasm32")]

use shifan_rules::Catalog;
use shifan_rules::catalog::CatalogData;
use wasm_bindgen_test::*;

mod support;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh app on the training page, with empty storage.
async fn training() -> Mounted {
    clear_storage().await;
    let mounted = mount_page("training").await;
    assert!(
        mounted.find(".catalog-browser").is_some(),
        "the training page"
    );
    mounted
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
    assert!(stored("draft:").await.is_empty(), "no draft in the store");

    // The other demos open too; back on the start page the draft list has no demo.
    app.click("[data-action=\"training-back\"]").await;
    app.click("[data-demo=\"below\"] button").await;
    assert!(app.text("[data-testid=\"verdict\"]").contains("未达到"));
    app.click("[data-action=\"training-back\"]").await;
    app.click("[data-demo=\"single\"] button").await;
    assert!(app.find("#ind-1").is_some());
    // Leaving training mode is a navigation to another page (the county page by the mark, the
    // city review by its link), which never sees a demo: nothing of it is stored.
    assert_eq!(
        app.get(".brand-button").get_attribute("href").as_deref(),
        Some("index.html")
    );
    assert_eq!(
        app.get("header [data-action=\"review\"]")
            .get_attribute("href")
            .as_deref(),
        Some("review.html")
    );
    assert_eq!(local_storage().length().unwrap(), 0);
    assert!(stored("draft:").await.is_empty() && stored("review:").await.is_empty());
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
    let own = Catalog::from_data(data).unwrap();
    app.pick_file("#catalog-file", "own.json", &own.to_json())
        .await;
    app.wait_until("the new catalog", |a| {
        a.text(".training .catalog-badge").contains("本省指标目录")
    })
    .await;
    assert!(app.find("[data-notice=\"catalog-failed\"]").is_none());
    // Confirmed on screen: its title, number of indicators and short fingerprint.
    let loaded = app.text("[data-notice=\"catalog-loaded\"]");
    let expected = format!(
        "已载入指标目录“本省指标目录(测试)”：共 {} 项指标，目录指纹 {}。",
        own.len(),
        own.short_fingerprint()
    );
    assert!(loaded.starts_with(&expected), "{loaded}");
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

    // Leaving training mode is loading another page (here the city review's): the built-in
    // catalog again; and training's page, opened again, starts with it too.
    drop(app);
    let review = mount_page("review").await;
    assert!(review.text(".review .catalog-badge").contains(&reference));
    drop(review);
    let again = mount_page("training").await;
    assert!(again.text(".training .catalog-badge").contains(&reference));
    assert!(again.find("[data-notice=\"catalog-loaded\"]").is_none());
}

#[wasm_bindgen_test]
async fn the_training_page_opens_training_even_after_the_review_in_the_same_tab() {
    clear_storage().await;
    let review = mount_page("review").await;
    assert!(review.find("#review-title").is_some(), "the review page");
    // Its way to training is a link to training's page, not a switch in place.
    assert_eq!(
        review
            .get("header [data-action=\"training\"]")
            .get_attribute("href")
            .as_deref(),
        Some("training.html")
    );
    drop(review);
    let app = mount_page("training").await;
    assert!(
        app.find(".catalog-browser").is_some() && app.find("#review-title").is_none(),
        "the page names the mode, not what the tab showed before"
    );
    assert_eq!(
        app.get("header [data-action=\"review\"]")
            .get_attribute("href")
            .as_deref(),
        Some("review.html")
    );
}
