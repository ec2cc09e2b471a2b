//! The fuzz targets of shifan: one per reader of outside data, each a plain function of the
//! input bytes that panics when the reader breaks one of its promises.
//!
//! The same functions run in two places: under libFuzzer (`fuzz/`, `cargo xtask fuzz`, nightly
//! and sanitizers) and as ordinary stable tests that replay every file of the committed corpus
//! `fuzz/corpus/<target>/` (`tests/corpus.rs`, part of `cargo xtask test`). So a crash found by
//! the fuzzer, once its input is added to the corpus, is a regression test for good.
//!
//! What every target checks, beyond "never panics": a refusal names at least one problem of
//! severity error, each with a message in both languages; what is accepted survives its own
//! writer (write → read → write gives the same bytes).
//!
//! **Adding a target** (a new reader): one module here with `run` and `seeds`, one line in
//! [`TARGETS`]; `cargo xtask fuzz` writes its seeds to `fuzz/corpus/<name>/` the first time.

mod annual;
mod application;
mod catalog_json;
mod catalog_table;
mod document;
mod draft;
mod expect;
mod package;
mod profile;
mod province_session;
mod register;
mod samples;
mod scores;
mod session;
mod store;

/// One fuzz target: a reader of outside data and the inputs its corpus starts from.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    /// Its name: the corpus folder `fuzz/corpus/<name>/` and `SHIFAN_FUZZ_TARGET`'s value.
    pub name: &'static str,
    /// Reads `data` with the target's reader and panics if a promise is broken.
    pub run: fn(&[u8]),
    /// Valid and nearly valid inputs to start fuzzing from.
    pub seeds: fn() -> Vec<Vec<u8>>,
}

/// Every target, one line each.
pub const TARGETS: &[Target] = &[
    application::TARGET,
    package::TARGET,
    document::TARGET,
    catalog_json::TARGET,
    catalog_table::TARGET,
    draft::TARGET,
    session::TARGET,
    store::TARGET,
    profile::TARGET,
    province_session::TARGET,
    scores::TARGET,
    annual::TARGET,
    register::TARGET,
];

/// The target named `name`.
pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// The environment variable that picks the target of the one libFuzzer binary
/// (`fuzz/fuzz_targets/readers.rs`).
pub const TARGET_VAR: &str = "SHIFAN_FUZZ_TARGET";

/// Runs the target named by [`TARGET_VAR`] on `data` (the libFuzzer entry point).
///
/// # Panics
///
/// When the variable names no target, or the target's reader breaks a promise.
pub fn run_from_env(data: &[u8]) {
    static PICKED: std::sync::OnceLock<&'static Target> = std::sync::OnceLock::new();
    let target = PICKED.get_or_init(|| {
        let name = std::env::var(TARGET_VAR).unwrap_or_default();
        target(&name).unwrap_or_else(|| {
            let names: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
            panic!("{TARGET_VAR}={name:?} names no target; one of {names:?}")
        })
    });
    (target.run)(data);
}
