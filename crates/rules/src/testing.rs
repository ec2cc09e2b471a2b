//! Test helpers: comparing generated artefacts with their committed copies.

use std::path::Path;

/// Asserts that the committed file at `relative` (from the crate root) equals `generated`.
/// With `SHIFAN_BLESS=1` in the environment the file is rewritten instead, so regenerating the
/// committed CSV table and JSON Schema is one command.
pub(crate) fn check_committed(relative: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("SHIFAN_BLESS").is_some() {
        std::fs::write(&path, generated)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{relative} is stale: regenerate it with `SHIFAN_BLESS=1 cargo test -p shifan-rules`"
    );
}

/// A verified comprehensive sample of `code` with `met` indicators met, at fixed times.
pub(crate) fn verified_sample(code: &str, met: u32, seed: u64) -> crate::Verified {
    use crate::sample::{SampleKind, SampleSpec, sample_application};
    let spec = SampleSpec::new(code, met, SampleKind::Comprehensive, seed);
    let file = sample_application(crate::Catalog::reference(), &spec).expect("valid sample");
    crate::read_application(file.to_json().as_bytes(), &crate::CatalogSet::builtin())
        .expect("a sample verifies")
}

/// The generator tests write files as.
pub(crate) fn test_generator() -> crate::Generator {
    crate::Generator {
        name: "test".into(),
        version: "0".into(),
    }
}
