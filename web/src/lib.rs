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
//! [`record`] what its records are; [`i18n`] has one message table per language; [`modes`] is
//! the one seam between the county's self-assessment and the full build's modes; [`embed`]
//! says whether the app is its own page or a widget in a host's (the `widget` build's
//! `widget` module mounts one).

#[cfg(feature = "full")]
pub mod annual_state;
pub mod browser;
pub mod components;
pub mod embed;
#[cfg(feature = "full")]
pub mod evidence_state;
pub mod files;
pub mod hooks;
pub mod i18n;
pub mod leaving;
pub mod modes;
#[cfg(feature = "full")]
pub mod notice_state;
#[cfg(feature = "full")]
pub mod pool_state;
#[cfg(feature = "full")]
pub mod province_state;
pub mod record;
#[cfg(feature = "full")]
pub mod review;
pub mod shown;
#[cfg(feature = "full")]
pub mod single_file;
pub mod state;
pub mod store;
#[cfg(feature = "full")]
pub mod supervision_state;
#[cfg(feature = "full")]
pub mod training_state;
#[cfg(feature = "widget")]
pub mod widget;

pub use components::app::App;

/// The allocator: talc, made for single-threaded WebAssembly, is a few KB smaller in the
/// download than the standard library's dlmalloc (and faster).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Entry point run by wasm-bindgen when the module is instantiated: renders the app into
/// `<main id="app">`. Not in the widget's build, which must never take over a host page's own
/// `#app`: `widget.js` mounts each widget itself.
#[cfg(not(feature = "widget"))]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    // The store is read before the first render (see `components::app`).
    wasm_bindgen_futures::spawn_local(async move {
        let boot = std::rc::Rc::new(hooks::boot(embed::Host::page(), None).await);
        yew::Renderer::<App>::with_root_and_props(root, components::app::AppProps { boot })
            .render();
    });
}
