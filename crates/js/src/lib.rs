//! `@shifan/rules`, the JavaScript library: `shifan-rules` for browsers and Node through
//! wasm-bindgen.
//!
//! This crate only converts. Every rule, label and message comes from `shifan-rules`; here
//! bytes and text come in from JavaScript, go to the library, and its answers go back as plain
//! JSON objects (serialised by `serde_json`, parsed by the engine's `JSON.parse`), typed by the
//! TypeScript declarations that `typescript.rs` generates from the same Rust types.
//!
//! The functions (see `README.md`, "JavaScript library"):
//!
//! - [`builtin_catalogs`] (`builtinCatalogs()`), and [`Catalogs`]: the built-in catalogs plus
//!   those a user loads (`load(name, text | bytes)`, JSON or a CSV table, with its problems);
//! - [`verify`] (`verify(text | bytes)`) and [`Catalogs::verify`]: any shifan file, dispatched
//!   by `shifan_rules::document`; the sealed bytes are read as given, never rebuilt from a JS
//!   object;
//! - [`evaluate`] and [`Catalogs::evaluate`]: answers against a catalog — the summary, the
//!   formula's two counts, the verdict and the gaps;
//! - [`Hasher`]: incremental SHA-256 for evidence files (`update(bytes)`, `finish()`);
//! - [`sample_application`]: a realistic sample file.
//!
//! `schemas()` (the JSON Schemas) is not here: the schemas are data the module never reads, so
//! `cargo xtask npm` writes them into the package's JavaScript instead of the `.wasm`
//! (`crates/xtask/src/js.rs`, `SCHEMAS_JS`).
//!
//! Invariant (checked by a tidy test in `crates/xtask`): no rule here — no score, status,
//! threshold or label is computed or written in this crate or in the package's JavaScript.

pub mod api;
#[cfg(not(target_arch = "wasm32"))]
pub mod typescript;

use js_sys::{JsString, Uint8Array};
use serde::Serialize;
use shifan_rules::{CatalogSet, FileHasher};
use wasm_bindgen::prelude::*;

// The declarations of every type the functions take and give, generated from the Rust types
// (`typescript.rs`; the test `the_committed_declarations_are_current` keeps this file equal).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("../types.d.ts");

/// The allocator: talc, as the web app has it (a few KB smaller in WebAssembly than the
/// standard library's dlmalloc).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A Rust value as a plain JavaScript object, through JSON text parsed by the engine.
///
/// Through `serde_json::Value` and the rules' own writer (`canonical::to_compact`), which the
/// library compiles in anyway: `serde_json::to_string` would compile a second serializer into
/// every result type.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    let text = serde_json::to_value(value)
        .map(|v| shifan_rules::canonical::to_compact(&v))
        .unwrap_or_else(|_| "null".into());
    js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
}

/// The bytes of a file given as text (UTF-8) or as a `Uint8Array`.
fn bytes_of(input: &JsValue) -> Result<Vec<u8>, JsError> {
    if let Some(text) = input.as_string() {
        return Ok(text.into_bytes());
    }
    if input.is_instance_of::<Uint8Array>() {
        return Ok(Uint8Array::from(input.clone()).to_vec());
    }
    Err(JsError::new(
        "expected the file as a string or a Uint8Array（文件应为字符串或 Uint8Array）",
    ))
}

/// A JavaScript value as JSON text (for the inputs given as objects).
fn json_of(input: &JsValue) -> Result<Vec<u8>, JsError> {
    js_sys::JSON::stringify(input)
        .ok()
        .and_then(|s: JsString| s.as_string())
        .map(String::into_bytes)
        .ok_or_else(|| JsError::new("the input cannot be written as JSON（输入无法写成 JSON）"))
}

/// The catalogs built into shifan.
#[wasm_bindgen(js_name = builtinCatalogs, unchecked_return_type = "CatalogInfo[]")]
pub fn builtin_catalogs() -> JsValue {
    to_js(&api::builtin_catalogs())
}

/// Verifies a shifan file (an application file, a recommendation package, or any later kind)
/// against the built-in catalogs.
#[wasm_bindgen(unchecked_return_type = "Verification")]
pub fn verify(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
) -> Result<JsValue, JsError> {
    Ok(to_js(&api::verify(
        &bytes_of(&input)?,
        &CatalogSet::builtin(),
    )))
}

/// Evaluates answers against a built-in catalog.
#[wasm_bindgen(unchecked_return_type = "Evaluation")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "EvaluationInput")] input: JsValue,
) -> Result<JsValue, JsError> {
    Ok(to_js(&api::evaluate(
        &json_of(&input)?,
        &CatalogSet::builtin(),
    )))
}

/// A realistic, valid sample application, exactly as `shifan sample` writes it.
#[wasm_bindgen(js_name = sampleApplication, unchecked_return_type = "Sample")]
pub fn sample_application(
    #[wasm_bindgen(unchecked_param_type = "SampleInput")] input: JsValue,
) -> Result<JsValue, JsError> {
    Ok(to_js(&api::sample(&json_of(&input)?)))
}

/// The built-in catalogs and those loaded into it; files are verified and answers evaluated
/// against all of them.
#[wasm_bindgen]
pub struct Catalogs(CatalogSet);

#[wasm_bindgen]
impl Catalogs {
    /// The built-in catalogs.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Catalogs {
        Catalogs(CatalogSet::builtin())
    }

    /// Loads a catalog file: JSON, or an indicator table in CSV (by its name ending in `.csv`,
    /// or text that does not start like JSON). On success it is known from then on.
    #[wasm_bindgen(unchecked_return_type = "CatalogLoad")]
    pub fn load(
        &mut self,
        name: &str,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    ) -> Result<JsValue, JsError> {
        Ok(to_js(&api::load_catalog(
            &mut self.0,
            name,
            &bytes_of(&input)?,
        )))
    }

    /// Every catalog known: the built-in ones first, then those loaded.
    #[wasm_bindgen(unchecked_return_type = "CatalogInfo[]")]
    pub fn list(&self) -> JsValue {
        to_js(&api::list(&self.0))
    }

    /// Verifies a shifan file against these catalogs.
    #[wasm_bindgen(unchecked_return_type = "Verification")]
    pub fn verify(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    ) -> Result<JsValue, JsError> {
        Ok(to_js(&api::verify(&bytes_of(&input)?, &self.0)))
    }

    /// Evaluates answers against one of these catalogs.
    #[wasm_bindgen(unchecked_return_type = "Evaluation")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EvaluationInput")] input: JsValue,
    ) -> Result<JsValue, JsError> {
        Ok(to_js(&api::evaluate(&json_of(&input)?, &self.0)))
    }
}

/// Incremental SHA-256 of a file fed in chunks (as `File.slice` reads it), so that a large
/// evidence file is fingerprinted without holding it in memory.
#[wasm_bindgen]
pub struct Hasher(FileHasher);

#[wasm_bindgen]
impl Hasher {
    /// A hasher that has seen nothing yet.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Hasher {
        Hasher(FileHasher::new())
    }

    /// Feeds the next chunk.
    pub fn update(&mut self, chunk: &[u8]) {
        self.0.update(chunk);
    }

    /// How many bytes have been fed so far.
    #[wasm_bindgen(js_name = bytesSeen)]
    pub fn bytes_seen(&self) -> f64 {
        self.0.bytes_seen() as f64
    }

    /// The lower-case hex SHA-256 of everything fed, as an evidence reference records it.
    /// The hasher is used up (and freed).
    pub fn finish(self) -> String {
        self.0.finish_hex()
    }
}
