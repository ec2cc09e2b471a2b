//! Autosave of the city review: every change to the review session reaches the store after a
//! short pause (like drafts), and at once when the tab is hidden or closed. (Which mode a tab
//! shows is the page's alone: `review.html` always opens the review.)
//!
//! The session is stored in parts: its head under `review:session` (`Session::head_json`:
//! opinions, names, the office, the rejected files) and each application's file under
//! `review:app:<fingerprint>` (`Reviewed::stored_file`), written once. A save is one
//! transaction: the head, the files not stored yet, and the removal of every stored file the
//! session no longer has (so the store always holds one whole session, whatever is cut short).
//! Writing 2,000 files out was one main-thread task of seconds: the files are now written out
//! in slices of [`SLICE_MS`], the page going on between them, and the transaction starts when
//! the last is done; when the tab is hidden or closed, what is left is written out at once,
//! inside that event, as before.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use gloo::timers::callback::Timeout;
use shifan_rules::session::Session;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::hooks::use_debounced_save::use_debounced_save;
use crate::hooks::use_store::ask_to_persist;
use crate::hooks::use_tab_guard::announce_write;
use crate::record::{REVIEW_FILE_PREFIX, REVIEW_KEY, review_file_key};
use crate::review::ReviewAction;
use crate::state::{Action, AppHandle, Dispatch};
use crate::store;

/// How long one slice of writing files out may take before the page gets the main thread
/// back (a frame is 16 ms; a task over 50 ms is a "long task").
pub(crate) const SLICE_MS: f64 = 12.0;

/// What one store namespace's review autosave knows of the store and has under way.
#[derive(Default)]
struct Saver {
    /// The applications whose files are in the store, or in a transaction under way.
    stored: HashSet<String>,
    /// Files written out (as the page's strings), not yet in a transaction.
    ready: HashMap<String, JsValue>,
    /// The session to write next, at its revision, and where to say it was written.
    job: Option<(u64, Session, Dispatch)>,
    /// A slice is scheduled.
    scheduled: bool,
}

thread_local! {
    /// Each namespace's saver (a page may hold several review widgets).
    static SAVERS: RefCell<HashMap<String, Saver>> = RefCell::new(HashMap::new());
}

fn with_saver<R>(ns: &str, f: impl FnOnce(&mut Saver) -> R) -> R {
    SAVERS.with(|savers| f(savers.borrow_mut().entry(ns.to_string()).or_default()))
}

/// Tells the autosave of namespace `ns` which application files the store holds (their keys,
/// read before the first render), so that it writes only the others.
pub(crate) fn stored_files<'a>(ns: &str, keys: impl Iterator<Item = &'a str>) {
    with_saver(ns, |saver| {
        saver.stored = keys
            .filter_map(|k| k.strip_prefix(REVIEW_FILE_PREFIX))
            .map(str::to_string)
            .collect();
    });
}

/// Saves the review session (debounced) and on `pagehide` or when the page is hidden.
#[hook]
pub fn use_review_autosave(state: &AppHandle) {
    let review = &state.modes.review;
    let unsaved = (review.loaded && review.unsaved()).then(|| review.session.clone());
    let ns = state.host.namespace();
    use_debounced_save(
        review.revision,
        unsaved,
        ns.clone(),
        state.dispatcher(),
        save,
    );
    // A save already handed over is being written out in slices, on timers that stop with the
    // page: when the page is left or hidden, the rest is written at once, inside that event
    // (the debounced save above has nothing pending then, so it would not).
    use_effect_with(ns, |ns| {
        let ns = ns.clone();
        let listeners = crate::leaving::on_leaving(std::rc::Rc::new(move || {
            run(&ns, None);
        }));
        move || drop(listeners)
    });
}

/// Writes `session` (at `revision`): at once when the page is `leaving`, else in slices.
fn save(revision: u64, session: Session, ns: &str, dispatch: &Dispatch, leaving: bool) {
    with_saver(ns, |saver| {
        saver.job = Some((revision, session, dispatch.clone()))
    });
    if leaving {
        run(ns, None);
    } else {
        schedule(ns);
    }
}

fn schedule(ns: &str) {
    let first = with_saver(ns, |saver| !std::mem::replace(&mut saver.scheduled, true));
    if first {
        let ns = ns.to_string();
        Timeout::new(0, move || {
            with_saver(&ns, |saver| saver.scheduled = false);
            let deadline = browser::monotonic_ms() + SLICE_MS;
            if !run(&ns, Some(deadline)) {
                schedule(&ns);
            }
        })
        .forget();
    }
}

/// Writes the files of the job out until `deadline` (every one without it), then starts the
/// transaction; `false` when the time ran out first.
fn run(ns: &str, deadline: Option<f64>) -> bool {
    let job = with_saver(ns, |saver| {
        let Some((_, session, _)) = &saver.job else {
            return Some(None);
        };
        for r in session.applications() {
            let id = r.integrity();
            if saver.stored.contains(id) || saver.ready.contains_key(id) {
                continue;
            }
            if deadline.is_some_and(|d| browser::monotonic_ms() > d) {
                return None;
            }
            let text = JsValue::from_str(&r.stored_file());
            saver.ready.insert(id.to_string(), text);
        }
        let (revision, session, dispatch) = saver.job.take()?;
        let mut files = Vec::new();
        let mut keep = Vec::with_capacity(session.applications().len());
        let mut written = Vec::new();
        for r in session.applications() {
            let id = r.integrity();
            keep.push(review_file_key(id));
            if !saver.stored.contains(id)
                && let Some(text) = saver.ready.remove(id)
            {
                files.push((review_file_key(id), text));
                written.push(id.to_string());
            }
        }
        // What is left was written out for applications removed meanwhile.
        saver.ready.clear();
        let now: HashSet<&str> = session
            .applications()
            .iter()
            .map(|r| r.integrity())
            .collect();
        let gone: Vec<String> = saver
            .stored
            .iter()
            .filter(|id| !now.contains(id.as_str()))
            .map(|id| review_file_key(id))
            .collect();
        saver.stored.retain(|id| now.contains(id.as_str()));
        saver.stored.extend(written.iter().cloned());
        Some(Some((
            revision, session, dispatch, files, keep, written, gone,
        )))
    });
    let Some(job) = job else {
        return false;
    };
    let Some((revision, session, dispatch, files, keep, written, gone)) = job else {
        return true;
    };
    let head = session.head_json();
    let leaving = deadline.is_none();
    let write = store::commit_pruning(
        ns,
        REVIEW_KEY,
        &head,
        files,
        &gone,
        (REVIEW_FILE_PREFIX, &keep),
        leaving,
    );
    let ns = ns.to_string();
    spawn_local(async move {
        let result = write.await;
        match &result {
            Ok(()) => {
                announce_write(REVIEW_KEY);
                ask_to_persist(&dispatch);
            }
            // Not stored after all: the next save writes them again.
            Err(_) => with_saver(&ns, |saver| {
                for id in &written {
                    saver.stored.remove(id);
                }
            }),
        }
        let result = result.map(|()| browser::now_iso());
        dispatch.dispatch(Action::review(ReviewAction::Saved { revision, result }));
    });
    true
}
