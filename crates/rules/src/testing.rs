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
