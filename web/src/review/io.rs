//! The review's dealings with the browser: reading many picked or dropped files and verifying
//! them without freezing the page (the session is kept in [`crate::store`] by the review's
//! autosave), the downloads: the package,
//! and the table as `.xlsx` or CSV, whose writers are a separate WebAssembly module (`web/xlsx`)
//! imported on the click so the page does not carry them.

use js_sys::{Array, Date, Promise, Reflect, Uint8Array};
use shifan_rules::review::ComparisonRow;
use shifan_rules::session::Session;
use shifan_rules::{CatalogSet, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File};

use crate::browser;
use crate::embed::Host;
use crate::files;
use crate::review::{OpenedFile, ReviewAction, ReviewNotice};
use crate::state::{Action, Dispatch};

/// Milliseconds of verifying between two updates of the page while many files are opened.
const SLICE_MS: f64 = 120.0;

/// Today's local date, `YYYY-MM-DD`.
pub fn today() -> String {
    browser::today()
}

/// Records a performance mark (the web budgets script reads them).
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

fn send(dispatch: &Dispatch, action: ReviewAction) {
    dispatch.dispatch(Action::review(action));
}

/// How far reading a batch of files has come, for the page that opened them.
pub enum Opening {
    /// Done of total (a new batch starts at 0).
    Reading(usize, usize),
    /// Some files were read and verified.
    Opened(Vec<OpenedFile>),
    /// The batch is finished.
    Done,
}

/// The review's action for each step of reading a batch.
fn review_step(step: Opening) -> Action {
    Action::review(match step {
        Opening::Reading(done, total) => ReviewAction::Reading(done, total),
        Opening::Opened(files) => ReviewAction::Opened(files),
        Opening::Done => ReviewAction::ReadDone,
    })
}

/// Reads and verifies `files` (applications or packages) and adds them to the review. The
/// browser reads them all at once; verifying is done in slices, and the page shows what is
/// verified so far after each slice.
/// `ns` is the store namespace whose kept catalogs they are read against (the app's).
pub fn open_files(files: Vec<File>, dispatch: Dispatch, ns: String) {
    read_files(files, dispatch, ns, review_step);
}

/// Reads and verifies `files` as [`open_files`] does, telling the page that opened them each
/// step through `step` (the province page takes packages in the same way).
pub fn read_files(files: Vec<File>, dispatch: Dispatch, ns: String, step: fn(Opening) -> Action) {
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let total = files.len();
        dispatch.dispatch(step(Opening::Reading(0, total)));
        let reads: Array = files
            .iter()
            .map(|f| JsValue::from(f.array_buffer()))
            .collect();
        let settled = JsFuture::from(Promise::all_settled(&reads))
            .await
            .map(|v| Array::from(&v))
            .unwrap_or_default();
        mark("shifan-review-read");
        let bytes: Vec<Option<Vec<u8>>> = (0..total)
            .map(|i| {
                settled
                    .get(i as u32)
                    .dyn_into::<js_sys::Object>()
                    .ok()
                    .filter(|s| {
                        Reflect::get(s, &"status".into())
                            .ok()
                            .and_then(|v| v.as_string())
                            == Some("fulfilled".into())
                    })
                    .and_then(|s| Reflect::get(&s, &"value".into()).ok())
                    .map(|buffer: JsValue| -> Vec<u8> { Uint8Array::new(&buffer).to_vec() })
            })
            .collect();
        // Catalogs among the files are loaded (and kept) first, so the files answered
        // against them, dropped together, open.
        let mut catalogs = kept_catalogs(&ns).await;
        let mut batch = Vec::new();
        let mut is_catalog = vec![false; total];
        for (i, file) in files.iter().enumerate() {
            let Some(bytes) = bytes[i].as_deref() else {
                continue;
            };
            let name = file.name();
            if !shifan_rules::document::is_catalog(&name, bytes) {
                continue;
            }
            is_catalog[i] = true;
            match files::read_catalog_bytes(&name, bytes).await {
                Ok(catalog) => {
                    catalogs.add(shifan_rules::Catalog::clone(&catalog));
                    dispatch.dispatch(Action::KeepCatalog(catalog));
                }
                Err(problems) => batch.push(OpenedFile {
                    name,
                    result: Err(problems),
                    retry: None,
                }),
            }
        }
        let mut slice_start = Date::now();
        for (i, file) in files.iter().enumerate() {
            if is_catalog[i] {
                continue;
            }
            batch.push(match bytes[i].as_deref() {
                Some(bytes) => OpenedFile::read(file.name(), bytes, &catalogs),
                None => OpenedFile {
                    name: file.name(),
                    result: Err(Vec::new()),
                    retry: None,
                },
            });
            if Date::now() - slice_start > SLICE_MS && i + 1 < total {
                dispatch.dispatch(step(Opening::Opened(std::mem::take(&mut batch))));
                dispatch.dispatch(step(Opening::Reading(i + 1, total)));
                browser::yield_now().await;
                slice_start = Date::now();
            }
        }
        mark("shifan-review-verified");
        dispatch.dispatch(step(Opening::Opened(batch)));
        dispatch.dispatch(step(Opening::Done));
    });
}

/// The catalogs documents are read against: the built-in ones and those kept in the store
/// namespace `ns` (a widget's own: never the site's).
async fn kept_catalogs(ns: &str) -> CatalogSet {
    let records = crate::store::read_prefix(ns, crate::record::CATALOG_PREFIX)
        .await
        .unwrap_or_default();
    crate::record::Listing::read_store(records).catalog_set()
}

/// Seals the session and downloads the recommendation package; the notice to show if that
/// is not possible. A widget hands the package to its host first (`shifan-export`, kind
/// `package`), which may take it instead of the download.
pub fn download_package(session: &Session, host: &Host) -> Option<ReviewNotice> {
    match session.package(files::generator(), browser::now_iso()) {
        Ok(package) => {
            let (name, text) = (package.file_name(), package.to_json());
            #[cfg(feature = "widget")]
            if !crate::widget::offer_export(host, "package", &name, &text) {
                return None;
            }
            let near = host.node();
            browser::download(near.as_ref(), &name, &text, "application/json")
                .err()
                .map(|_| ReviewNotice::DownloadRefused)
        }
        Err(problems) => Some(ReviewNotice::PackageFailed(problems)),
    }
}

/// The area titles of the catalog the applications answer (the first one's).
fn area_titles(session: &Session) -> Vec<String> {
    session
        .applications()
        .first()
        .map(|r| {
            r.verified
                .catalog
                .areas()
                .iter()
                .map(|a| a.title.clone())
                .collect()
        })
        .unwrap_or_default()
}

fn table(session: &Session, rows: &[ComparisonRow], lang: Lang) -> shifan_rules::review::Table {
    let titles = area_titles(session);
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    session.table(rows, &titles, lang)
}

#[wasm_bindgen(module = "/src/sheet.js")]
extern "C" {
    /// Imports the spreadsheet module (once; the browser caches it) and writes the table: a
    /// workbook's bytes, or CSV text when `csv`.
    fn shifan_sheet(json: &str, csv: bool) -> Promise;
}

/// The format of an exported table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// An `.xlsx` workbook.
    Xlsx,
    /// CSV, UTF-8 with a byte-order mark (so Excel on Chinese Windows reads it right).
    Csv,
}

/// Why an exported table was not saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetFailure {
    /// The browser refused the download.
    Refused,
    /// The spreadsheet module failed, with its message.
    Failed(String),
}

/// Writes `table` as a workbook or CSV with the spreadsheet module (loaded first) and
/// downloads it as `{stem}.xlsx` / `{stem}.csv`; `done` hears how it went. The review's
/// comparison table and the province's public list both go this way. The link goes into the
/// widget's tree when the app is one (`near`).
pub fn download_sheet(
    table: &shifan_rules::review::Table,
    format: Sheet,
    near: Option<web_sys::Node>,
    done: impl FnOnce(Result<(), SheetFailure>) + 'static,
) {
    let json = serde_json::to_string(table).unwrap_or_default();
    let name = match format {
        Sheet::Xlsx => format!("{}.xlsx", table.stem),
        Sheet::Csv => format!("{}.csv", table.stem),
    };
    wasm_bindgen_futures::spawn_local(async move {
        let written = shifan_sheet(&json, format == Sheet::Csv);
        let outcome = match JsFuture::from(written).await {
            Ok(output) => {
                let saved = match output.as_string() {
                    Some(text) => {
                        browser::download(near.as_ref(), &name, &text, "text/csv;charset=utf-8")
                    }
                    None => download_bytes(near.as_ref(), &name, &Uint8Array::new(&output)),
                };
                saved.map_err(|_| SheetFailure::Refused)
            }
            Err(error) => Err(SheetFailure::Failed(
                error
                    .dyn_into::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_default(),
            )),
        };
        done(outcome);
    });
}

/// Downloads the comparison table (`rows`, as shown) as a workbook or CSV, loading the
/// spreadsheet module first. The page says when it is busy and when it failed. The link goes
/// into the widget's tree when the app is one (`near`).
pub fn download_table(
    session: &Session,
    rows: &[ComparisonRow],
    lang: Lang,
    format: Sheet,
    dispatch: Dispatch,
    near: Option<web_sys::Node>,
) {
    let table = table(session, rows, lang);
    send(&dispatch, ReviewAction::Exporting(true));
    download_sheet(&table, format, near, move |outcome| {
        let notice = match outcome {
            Ok(()) => None,
            Err(SheetFailure::Refused) => Some(ReviewNotice::DownloadRefused),
            Err(SheetFailure::Failed(message)) => Some(ReviewNotice::XlsxFailed(message)),
        };
        send(&dispatch, ReviewAction::Exporting(false));
        if notice.is_some() {
            send(&dispatch, ReviewAction::Notice(notice));
        }
    });
}

fn download_bytes(
    near: Option<&web_sys::Node>,
    name: &str,
    bytes: &Uint8Array,
) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    let blob = Blob::new_with_u8_array_sequence_and_options(&Array::of1(bytes), &options)?;
    browser::download_blob(near, name, &blob)
}
