//! Application files in and out: sealing the draft with `shifan-rules`, offering it as a
//! download, and reading a picked file back (verified, or refused with its problems).

use shifan_rules::problem::needs_catalog;
use shifan_rules::{ApplicationFile, CatalogSet, Draft, Generator, Problem, read_application};
use web_sys::File;

use crate::browser;
use crate::i18n::fill;
use crate::state::{Action, AppState, NoticeTopic};

/// The program named in the files this app writes.
pub fn generator() -> Generator {
    Generator {
        name: "shifan-web".to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
    }
}

/// The application file for the open draft.
///
/// Its `updated` time is the time of the draft's last change, so the same answers always give
/// the same file and the same integrity fingerprint: the printed report and the downloaded
/// file match whichever is made first.
pub fn application(state: &AppState) -> Option<Result<ApplicationFile, Vec<Problem>>> {
    let draft = state.draft.as_ref()?;
    Some(draft.to_application(&state.catalog, generator(), draft.updated.clone()))
}

/// Why the official may not want to download the open draft's file yet, as a question in the
/// page's language: nothing is answered, or a comprehensive application is below the bar.
/// `None` when there is nothing to ask.
pub fn download_question(state: &AppState) -> Option<String> {
    let draft = state.draft.as_ref()?;
    let t = crate::i18n::texts(state.lang);
    let score = draft.score(&state.catalog);
    let total = score.total;
    if total.answered() == 0 {
        return Some(fill(t.download_empty, &[&total.to_answer().to_string()]));
    }
    let comprehensive = matches!(draft.kind, shifan_rules::Kind::Comprehensive);
    (comprehensive && score.verdict != shifan_rules::Verdict::MeetsBar).then(|| {
        let needed =
            shifan_rules::score::still_needed(score.threshold, total.met, total.applicable());
        fill(
            t.download_below_bar,
            &[
                &total.compliance().percent(),
                &score.threshold.percent(state.lang),
                &needed.to_string(),
                &total.unanswered.to_string(),
            ],
        )
    })
}

/// Downloads the application file of the open draft, after the official confirms a weak
/// file (see [`download_question`]; a confirmation, never a block); the action to dispatch
/// tells the page what happened (nothing, or the problems that stop the file being written).
/// A widget hands the file to its host first (`shifan-export`), which may take it instead of
/// the download.
pub fn download_application(state: &AppState) -> Option<Action> {
    match application(state)? {
        // Asked only of a file that can be written: a refusal says its own reasons.
        Ok(_) if download_question(state).is_some_and(|q| !browser::confirm(&q)) => None,
        Ok(file) => {
            let (name, text) = (file.file_name(), file.to_json());
            #[cfg(feature = "widget")]
            if !crate::widget::offer_export(&state.host, "application", &name, &text) {
                return None;
            }
            let near = state.host.node();
            match browser::download(near.as_ref(), &name, &text, "application/json") {
                Ok(()) => None,
                Err(_) => Some(Action::ShowProblems(
                    NoticeTopic::DownloadRefused,
                    Vec::new(),
                )),
            }
        }
        Err(problems) => Some(Action::ShowProblems(NoticeTopic::ExportFailed, problems)),
    }
}

/// Downloads the raw draft record (for when no application file can be written yet and the
/// browser storage fails); it can be opened again like an application file.
pub fn download_draft(near: Option<&web_sys::Node>, draft: &Draft) -> Option<Action> {
    let name = format!("shifan-draft-{}.json", draft.id);
    browser::download(near, &name, &draft.to_json(), "application/json")
        .err()
        .map(|_| Action::ShowProblems(NoticeTopic::DownloadRefused, Vec::new()))
}

/// What opening `bytes` means: a verified application file (or a saved draft record) opens as
/// a new draft; a file refused only for its catalog waits for that catalog to be loaded
/// ([`Action::RefusedForCatalog`]); anything else leaves the open draft as it is and shows why.
pub fn open_bytes(bytes: &[u8], catalogs: &CatalogSet) -> Action {
    let id = browser::new_id();
    match read_opened(bytes, catalogs, id.clone()) {
        Ok((draft, catalog, warnings)) => Action::OpenDraft {
            draft: Box::new(draft),
            catalog,
            warnings,
        },
        Err(problems) if needs_catalog(&problems) => Action::RefusedForCatalog {
            bytes: bytes.into(),
            id,
            problems,
        },
        Err(problems) => Action::ShowProblems(NoticeTopic::OpenFailed, problems),
    }
}

/// Reads `bytes` as a file to open: a verified application file, or a saved draft record, as a
/// draft under `id`, with its catalog and its warnings; or why it cannot be opened. Pure: the
/// reducer reads a waiting file again with it once its catalog is loaded.
pub fn read_opened(
    bytes: &[u8],
    catalogs: &CatalogSet,
    id: String,
) -> Result<(Draft, std::sync::Arc<shifan_rules::Catalog>, Vec<Problem>), Vec<Problem>> {
    match read_application(bytes, catalogs) {
        Ok(verified) => Ok((
            Draft::from_verified(id, &verified),
            verified.catalog.clone(),
            verified.warnings,
        )),
        Err(problems) => match Draft::from_json(bytes, catalogs) {
            Ok((mut draft, catalog)) => {
                draft.id = id;
                Ok((draft, catalog, Vec::new()))
            }
            // A draft record refused for its catalog says so (and the notice offers to load
            // the catalog); anything else is shown as the application file it is not.
            Err(draft) if needs_catalog(&draft) => Err(draft),
            Err(_) => Err(problems),
        },
    }
}

/// Reads a picked file and says what opening it means, against `catalogs` (the built-in and
/// the kept ones).
pub async fn open_file(file: File, catalogs: CatalogSet) -> Action {
    match browser::read_file(&file).await {
        Ok(bytes) => open_bytes(&bytes, &catalogs),
        Err(_) => Action::ShowProblems(NoticeTopic::ReadFailed, Vec::new()),
    }
}

// Training mode's (the full build's): the county page never reads a catalog file.
#[cfg(feature = "full")]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/catalog_table.js")]
extern "C" {
    /// Imports the spreadsheet module (`web/xlsx`, once) and reads an indicator table with it:
    /// the catalog's JSON, or `{"problems": [...]}`.
    fn shifan_catalog_table(name: &str, bytes: &[u8], base: &str) -> js_sys::Promise;
}

/// Reads a catalog file picked on the county page: JSON only (`Catalog::from_json`, which
/// validates it and computes its fingerprint); the CSV table's reader stays in the full build,
/// out of the county page's download.
#[cfg(not(feature = "full"))]
pub async fn read_catalog(
    file: File,
) -> Result<std::sync::Arc<shifan_rules::Catalog>, Vec<Problem>> {
    let bytes = browser::read_file(&file).await.map_err(|_| Vec::new())?;
    shifan_rules::Catalog::from_json(&bytes).map(Into::into)
}

/// Reads a catalog file picked in training mode or the review: a JSON catalog here, an
/// indicator table (CSV) by the spreadsheet module loaded on demand, which keeps the CSV
/// reader out of the page's download. The error is every problem found (none when the file or
/// the module could not be read at all).
#[cfg(feature = "full")]
pub async fn read_catalog(
    file: File,
) -> Result<std::sync::Arc<shifan_rules::Catalog>, Vec<Problem>> {
    let bytes = browser::read_file(&file).await.map_err(|_| Vec::new())?;
    read_catalog_bytes(&file.name(), &bytes).await
}

/// Reads the catalog file `name` with these bytes, as [`read_catalog`] does.
#[cfg(feature = "full")]
pub async fn read_catalog_bytes(
    name: &str,
    bytes: &[u8],
) -> Result<std::sync::Arc<shifan_rules::Catalog>, Vec<Problem>> {
    use shifan_rules::Catalog;
    if !shifan_rules::import::is_table(name, bytes) {
        return Catalog::from_json(bytes).map(Into::into);
    }
    // The rules (id, threshold, categories) come from the reference catalog.
    let base = Catalog::reference().to_json();
    let output = wasm_bindgen_futures::JsFuture::from(shifan_catalog_table(name, bytes, &base))
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(Vec::new)?;
    Catalog::from_json(output.as_bytes())
        .map(Into::into)
        .map_err(|_| {
            serde_json::from_str::<serde_json::Value>(&output)
                .ok()
                .and_then(|v| shifan_rules::json::from_value(v.get("problems")?).ok())
                .unwrap_or_default()
        })
}
