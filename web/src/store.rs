//! The page's one durable store: IndexedDB, through web-sys.
//!
//! One database per namespace (`shifan` unless the page names another in
//! `<main id="app" data-store="…">`), with one object store, `records`, of text records under
//! string keys ([`crate::record`] names them: `draft:<id>`, `review:session`, …). Each change is
//! one readwrite transaction, asked for with `{durability: "strict"}` where the browser knows
//! that option, and committed at once: Chromium writes `localStorage` to disk seconds late, so
//! a crashed browser lost the last minute of answers; a committed IndexedDB transaction has
//! reached the operating system.
//!
//! The connection is opened once before the first render, so a write asked for while the page
//! is being hidden or closed starts its transaction synchronously, inside that event.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, IdbDatabase, IdbKeyRange, IdbRequest, IdbTransaction};

use crate::record::{self, MIGRATED_KEY};
use crate::state::SaveError;

/// The namespace of the page's records when the page names none.
pub const DEFAULT_NAMESPACE: &str = "shifan";
/// The object store holding the records.
const RECORDS: &str = "records";
/// `localStorage` key prefix of drafts before the store (the draft id follows).
pub const LEGACY_DRAFT_PREFIX: &str = "shifan.draft.";
/// `localStorage` key of the review session before the store.
pub const LEGACY_REVIEW_KEY: &str = "shifan.review";
/// `localStorage` key of an unreadable review session before the store.
pub const LEGACY_REVIEW_UNREADABLE_KEY: &str = "shifan.review.unreadable";

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    static STRICT: Cell<bool> = const { Cell::new(false) };
}

/// Calls the method `name` of `target` where the browser has it (`Err` where it has not):
/// `transaction(…, options)` and `commit()`, which web-sys offers only behind its unstable-API
/// flag or as deprecated.
fn call(target: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let method: Function = Reflect::get(target, &name.into())?.dyn_into()?;
    method.apply(target, args)
}

/// The namespace the page names in `<main id="app" data-store="…">`, else the default.
pub fn namespace() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|app| app.get_attribute("data-store"))
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_NAMESPACE.to_string())
}

/// Why an IndexedDB operation failed, as the page says it.
fn save_error(error: &JsValue) -> SaveError {
    let name = error
        .dyn_ref::<DomException>()
        .map(DomException::name)
        .or_else(|| {
            Reflect::get(error, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
        });
    match name.as_deref() {
        Some("QuotaExceededError") => SaveError::Full,
        _ => SaveError::Unavailable,
    }
}

/// A promise settled by a request's `success` (or `error`) event.
fn settled(request: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise)
}

/// A promise settled when the transaction commits (or fails with its error).
fn committed(tx: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        let failed = {
            let tx = tx.clone();
            let reject = reject.clone();
            Closure::once_into_js(move |_: JsValue| {
                let error = tx.error().map(JsValue::from).unwrap_or(JsValue::NULL);
                let _ = reject.call1(&JsValue::NULL, &error);
            })
        };
        tx.set_onabort(Some(failed.unchecked_ref::<Function>()));
    });
    JsFuture::from(promise)
}

/// Opens (creating on first use) the namespace's database and keeps the connection for the
/// page's writes.
pub async fn open(namespace: &str) -> Result<(), SaveError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(SaveError::Unavailable)?;
    let request = factory
        .open_with_u32(namespace, 1)
        .map_err(|e| save_error(&e))?;
    let upgrade = {
        let request = request.clone();
        Closure::once_into_js(move |_: JsValue| {
            if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                let _ = db.create_object_store(RECORDS);
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    settled(&request).await.map_err(|e| save_error(&e))?;
    let db: IdbDatabase = request
        .result()
        .and_then(|r| r.dyn_into())
        .map_err(|e| save_error(&e))?;
    STRICT.with(|s| s.set(knows_durability()));
    DB.with(|slot| *slot.borrow_mut() = Some(db));
    Ok(())
}

/// Whether the browser's transactions take a `durability` option (Chromium 83+, Firefox 126+,
/// Safari 15+); others ignore the option, but it is only passed where it means something.
fn knows_durability() -> bool {
    Reflect::get(&js_sys::global(), &"IDBTransaction".into())
        .and_then(|class| Reflect::get(&class, &"prototype".into()))
        .and_then(|proto| Reflect::has(&proto, &"durability".into()))
        .unwrap_or(false)
}

/// A readwrite transaction on the records, strict where the browser knows durability.
fn write_transaction(db: &IdbDatabase) -> Result<IdbTransaction, JsValue> {
    if STRICT.with(Cell::get) {
        let options = js_sys::Object::new();
        Reflect::set(&options, &"durability".into(), &"strict".into())?;
        let args = Array::of3(&RECORDS.into(), &"readwrite".into(), &options);
        call(db, "transaction", &args)?.dyn_into()
    } else {
        db.transaction_with_str_and_mode(RECORDS, web_sys::IdbTransactionMode::Readwrite)
    }
}

/// One change: the records to put (`Some` text) or delete (`None`), in one transaction.
type Change<'a> = &'a [(&'a str, Option<&'a str>)];

/// Starts the transaction of `change` now (so a write asked for in `pagehide` is under way
/// before the page goes) and returns the wait for its commit.
fn begin(change: Change<'_>) -> Result<JsFuture, SaveError> {
    let db = DB
        .with(|slot| slot.borrow().clone())
        .ok_or(SaveError::Unavailable)?;
    let tx = write_transaction(&db).map_err(|e| save_error(&e))?;
    let done = committed(&tx);
    let result = (|| {
        let records = tx.object_store(RECORDS)?;
        for (key, text) in change {
            let key = JsValue::from_str(key);
            match text {
                Some(text) => records.put_with_key(&JsValue::from_str(text), &key)?,
                None => records.delete(&key)?,
            };
        }
        Ok::<(), JsValue>(())
    })();
    if let Err(error) = result {
        let _ = tx.abort();
        return Err(save_error(&error));
    }
    // Commit now rather than when the page's task ends (where the browser can).
    let _ = call(&tx, "commit", &Array::new());
    Ok(done)
}

/// Commits `change` as one transaction.
pub async fn commit(change: Change<'_>) -> Result<(), SaveError> {
    let done = begin(change)?;
    done.await.map(|_| ()).map_err(|e| save_error(&e))
}

/// Starts writing `text` under `key`; the future says when it is committed.
pub fn put(key: &str, text: &str) -> impl Future<Output = Result<(), SaveError>> + use<> {
    let started = begin(&[(key, Some(text))]);
    async move { started?.await.map(|_| ()).map_err(|e| save_error(&e)) }
}

/// Starts removing the record under `key`; the future says when it is committed.
pub fn delete(key: &str) -> impl Future<Output = Result<(), SaveError>> + use<> {
    let started = begin(&[(key, None)]);
    async move { started?.await.map(|_| ()).map_err(|e| save_error(&e)) }
}

/// The records whose keys start with `prefix`, in key order (text `None` for a value that is
/// not text).
pub async fn read_prefix(prefix: &str) -> Result<Vec<(String, Option<String>)>, SaveError> {
    let db = DB
        .with(|slot| slot.borrow().clone())
        .ok_or(SaveError::Unavailable)?;
    let run = async {
        let tx = db.transaction_with_str(RECORDS)?;
        let records = tx.object_store(RECORDS)?;
        let range = IdbKeyRange::bound(
            &JsValue::from_str(prefix),
            &JsValue::from_str(&format!("{prefix}\u{ffff}")),
        )?;
        let keys = records.get_all_keys_with_key(&range)?;
        let values = records.get_all_with_key(&range)?;
        settled(&keys).await?;
        settled(&values).await?;
        let keys = Array::from(&keys.result()?);
        let values = Array::from(&values.result()?);
        Ok::<_, JsValue>(
            keys.iter()
                .zip(values.iter())
                .filter_map(|(k, v)| Some((k.as_string()?, v.as_string())))
                .collect(),
        )
    };
    run.await.map_err(|e| save_error(&e))
}

/// The text stored under `key`, if any.
pub async fn get(key: &str) -> Option<String> {
    read_prefix(key)
        .await
        .ok()?
        .into_iter()
        .find(|(k, _)| k == key)
        .and_then(|(_, text)| text)
}

/// The drafts still in `localStorage`, under their store keys.
pub fn legacy_drafts() -> Vec<(String, Option<String>)> {
    let Some(local) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return Vec::new();
    };
    (0..local.length().unwrap_or(0))
        .filter_map(|i| local.key(i).ok().flatten())
        .filter_map(|old| {
            let id = old.strip_prefix(LEGACY_DRAFT_PREFIX)?;
            Some((record::draft_key(id), local.get_item(&old).ok().flatten()))
        })
        .collect()
}

/// Moves the records of `localStorage` (drafts and the review session, as pages before the
/// store kept them) into the store, once: all in one transaction with the mark that it was
/// done, and the `localStorage` copies are removed only after it committed. A record already in
/// the store is not overwritten.
pub async fn migrate() -> Result<usize, SaveError> {
    if get(MIGRATED_KEY).await.is_some() {
        return Ok(0);
    }
    let Some(local) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return Ok(0);
    };
    let mut moves: Vec<(String, String, String)> = Vec::new();
    let count = local.length().unwrap_or(0);
    for i in 0..count {
        let Some(old) = local.key(i).ok().flatten() else {
            continue;
        };
        let new = if let Some(id) = old.strip_prefix(LEGACY_DRAFT_PREFIX) {
            record::draft_key(id)
        } else if old == LEGACY_REVIEW_KEY {
            record::REVIEW_KEY.to_string()
        } else if old == LEGACY_REVIEW_UNREADABLE_KEY {
            record::REVIEW_UNREADABLE_KEY.to_string()
        } else {
            continue;
        };
        if let Some(text) = local.get_item(&old).ok().flatten() {
            moves.push((old, new, text));
        }
    }
    let mut existing = Vec::new();
    for (_, new, _) in &moves {
        if get(new).await.is_some() {
            existing.push(new.clone());
        }
    }
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    let mut change: Vec<(&str, Option<&str>)> = moves
        .iter()
        .filter(|(_, new, _)| !existing.contains(new))
        .map(|(_, new, text)| (new.as_str(), Some(text.as_str())))
        .collect();
    change.push((MIGRATED_KEY, Some(now.as_str())));
    commit(&change).await?;
    for (old, _, _) in &moves {
        let _ = local.remove_item(old);
    }
    Ok(moves.len())
}

/// Whether the browser keeps the store from eviction; `None` where it cannot say.
pub async fn persisted() -> Option<bool> {
    let storage = storage_manager()?;
    let promise = storage.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Asks the browser to keep the store from eviction (it may refuse, silently); whether it is
/// kept now, `None` where the browser cannot say.
pub async fn persist() -> Option<bool> {
    let storage = storage_manager()?;
    let promise = storage.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// `navigator.storage`, where it exists (not on plain http other than localhost).
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = Reflect::get(&navigator, &"storage".into()).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    let has = |name: &str| {
        Reflect::get(&storage, &name.into())
            .map(|f| f.is_function())
            .unwrap_or(false)
    };
    (has("persist") && has("persisted")).then(|| storage.unchecked_into())
}
