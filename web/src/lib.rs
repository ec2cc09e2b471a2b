//! `shifan-web`: the county self-assessment in the browser.
//!
//! A county legal-affairs office checks itself against every indicator of the catalog, sees
//! its estimated compliance, and leaves with an application file and a printable report. There
//! is no server: drafts live in the browser's storage, files are read and written locally, and
//! every rule — status, reasons, scoring, verdict, file format, verification, fingerprints —
//! comes from `shifan-rules`.
//!
//! Structure: [`state`] holds the one reducer (pure: it runs natively in tests);
//! [`components`] has one component per file; [`hooks`] connects the reducer to the browser
//! (the store, autosave, keyboard, other tabs); [`store`] is the durable store in IndexedDB and
//! [`record`] what its records are; [`i18n`] has one message table per language.

#[cfg(feature = "full")]
pub mod annual_state;
pub mod browser;
pub mod components;
pub mod files;
pub mod hooks;
pub mod i18n;
pub mod record;
#[cfg(feature = "full")]
pub mod review;
pub mod shown;
pub mod state;
pub mod store;
#[cfg(feature = "full")]
pub mod training_state;

pub use components::app::App;

use wasm_bindgen::prelude::*;

/// The allocator: talc, made for single-threaded WebAssembly, is a few KB smaller in the
/// download than the standard library's dlmalloc (and faster).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Entry point run by wasm-bindgen when the module is instantiated: renders the app into
/// `<main id="app">`.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    // The store is read before the first render (see `components::app`).
    wasm_bindgen_futures::spawn_local(async move {
        let boot = std::rc::Rc::new(hooks::boot().await);
        yew::Renderer::<App>::with_root_and_props(root, components::app::AppProps { boot })
            .render();
    });
}
