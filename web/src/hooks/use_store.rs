//! The store's side of the reducer: reading everything before the first render ([`boot`]),
//! doing the writes the reducer asks for ([`use_outbox`]), listing the drafts again when the
//! start page shows, and the writes of both autosaves ([`save_draft`], [`save_record`]).

use std::cell::Cell;

use shifan_rules::{Draft, Lang};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::embed::Host;
use crate::hooks::use_tab_guard::announce_write;
use crate::record::{CATALOG_PREFIX, DRAFT_PREFIX, Listing, draft_key};
use crate::state::{Action, AppHandle, Boot, Dispatch, SaveError, Write};
use crate::store;

thread_local! {
    /// Whether this page has asked the browser to keep the store from eviction.
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Reads what the first state needs: opens the store (moving `localStorage` records into it
/// the first time), the drafts, the review's session, and the tab's memory. A widget (`host`)
/// reads its own namespace and the language its element names (`lang`), never the address
/// bar, the site's remembered language or the tab's memory: those are the host page's.
pub async fn boot(host: Host, lang: Option<Lang>) -> Boot {
    let embedded = crate::embed::EMBEDDED;
    let lang = match embedded {
        true => lang,
        false => browser::url_lang().or_else(browser::remembered_lang),
    };
    let mut boot = Boot::empty(lang.unwrap_or_default(), &browser::today());
    let namespace = host.namespace();
    let ns = namespace.as_str();
    // Each store request below starts when it is made and is awaited later, so the browser
    // opens the database and answers the reads side by side with the page's own work: on a
    // first visit, creating the database takes tens of milliseconds.
    let opening = store::open(&namespace);
    let persisted = store::persisted(false);
    // Built while the database opens; the first render would build it otherwise.
    let _ = shifan_rules::Catalog::shared_reference();
    let records = if opening.await.is_ok() {
        // Only the default namespace had records in `localStorage`. Until they are moved (a
        // full disk refuses it, and then nothing was moved), they are listed from there too,
        // so none is hidden.
        let left = if namespace == store::DEFAULT_NAMESPACE {
            store::migrate(ns).await
        } else {
            Vec::new()
        };
        let drafts_and_catalogs = read_drafts_and_catalogs(ns);
        #[cfg(feature = "full")]
        {
            let review = store::get(ns, crate::record::REVIEW_KEY);
            let review_files = store::read_prefix(ns, crate::record::REVIEW_FILE_PREFIX);
            let annual = store::read_prefix(ns, crate::record::ANNUAL_PREFIX);
            let province = store::get(ns, crate::record::PROVINCE_KEY);
            boot.review = review.await;
            boot.review_files = review_files.await.unwrap_or_default();
            crate::hooks::use_review_autosave::stored_files(
                ns,
                boot.review_files.iter().map(|(k, _)| k.as_str()),
            );
            boot.annual = annual.await.unwrap_or_default();
            boot.province = province.await;
        }
        let mut records = drafts_and_catalogs.await;
        if !left.is_empty() {
            records.get_or_insert_with(Vec::new).extend(left);
        }
        records
    } else {
        None
    };
    if let Some(records) = records {
        boot.listing = Listing::read_store(records);
    }
    boot.persisted = persisted.await;
    if !embedded {
        boot.reopen = browser::session_get();
        // The page alone names its mode: a tab that showed the review before opens training
        // on training.html.
        boot.mode = browser::page_mode();
    }
    // Only the presenter switch is remembered (for the tab's session).
    #[cfg(feature = "full")]
    if !embedded {
        boot.presenter = browser::session_flag(crate::training_state::PRESENTER_KEY);
        boot.pool_view = browser::session_text(crate::pool_state::POOL_VIEW_KEY);
    }
    boot.host = host;
    boot
}

/// The kept catalogs' and the drafts' records (the catalogs first: drafts are read against
/// them), or `None` when the store cannot be read.
fn read_drafts_and_catalogs(
    ns: &str,
) -> impl Future<Output = Option<Vec<(String, Option<String>)>>> + use<> {
    let (catalogs, drafts) = (
        store::read_prefix(ns, CATALOG_PREFIX),
        store::read_prefix(ns, DRAFT_PREFIX),
    );
    async move {
        let mut records = catalogs.await.ok()?;
        records.extend(drafts.await.ok()?);
        Some(records)
    }
}

/// Starts writing `text` under `key` now and reports to `done` when it is committed, having
/// told other tabs; the first write that succeeds asks the browser to keep the store.
pub(crate) fn save_record(
    ns: &str,
    key: String,
    text: &str,
    dispatch: &Dispatch,
    done: impl FnOnce(Result<(), SaveError>) -> Action + 'static,
) {
    let write = store::put(ns, &key, text);
    let dispatch = dispatch.clone();
    spawn_local(async move {
        let result = write.await;
        if result.is_ok() {
            announce_write(&key);
            ask_to_persist(&dispatch);
        }
        dispatch.dispatch(done(result));
    });
}

/// Starts writing `draft`, stamped with the time of the write; reports to `done` with that time.
pub(crate) fn save_draft(
    ns: &str,
    mut draft: Draft,
    dispatch: &Dispatch,
    done: impl FnOnce(Result<String, SaveError>) -> Action + 'static,
) {
    let at = browser::now_iso();
    draft.updated = at.clone();
    save_record(
        ns,
        draft_key(&draft.id),
        &draft.to_json(),
        dispatch,
        move |r| done(r.map(|()| at)),
    );
}

/// Asks once per page, after the first write, that the browser keep the store from eviction
/// (where it can be asked; it may refuse without a word), and tells the reducer the answer.
pub(crate) fn ask_to_persist(dispatch: &Dispatch) {
    if ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    let dispatch = dispatch.clone();
    spawn_local(async move {
        dispatch.dispatch(Action::Persisted(store::persisted(true).await));
    });
}

/// Does the writes of the reducer's outbox, in order, each once, and reports each.
#[hook]
pub fn use_outbox(state: &AppHandle) {
    let done = use_mut_ref(|| 0u64);
    let outbox = state.outbox.clone();
    let dispatch = state.dispatcher();
    let ns = state.host.namespace();
    use_effect_with(state.outbox_seq, move |_| {
        for (seq, write) in outbox {
            if seq <= *done.borrow() {
                continue;
            }
            *done.borrow_mut() = seq;
            let report = move |result| Action::Written { seq, result };
            match write {
                Write::Draft(draft) => {
                    save_draft(&ns, *draft, &dispatch, move |r| report(r.map(|_| ())))
                }
                Write::Put { key, text } => save_record(&ns, key, &text, &dispatch, report),
                Write::Delete(key) => {
                    let write = store::delete(&ns, &key);
                    let dispatch = dispatch.clone();
                    spawn_local(async move {
                        let result = write.await;
                        dispatch.dispatch(report(result));
                    });
                }
            }
        }
    });
}

/// Reads the drafts again each time the start page shows again (another tab may have saved
/// some). The reads queue behind the writes asked for before, so the list has them. Not when
/// the app first renders: [`boot`] has just read the same records for it, and a second read
/// then only delays the start.
#[hook]
pub fn use_listing(dispatch: Dispatch, shown: bool, ns: String) {
    let mounted = use_mut_ref(|| false);
    use_effect_with(shown, move |&shown| {
        let first_render = !mounted.replace(true);
        if shown && !first_render {
            spawn_local(async move {
                if let Some(records) = read_drafts_and_catalogs(&ns).await {
                    dispatch.dispatch(Action::Listed(Listing::read_store(records)));
                }
            });
        }
    });
}
