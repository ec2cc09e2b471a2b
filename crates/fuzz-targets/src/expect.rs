//! The promises every reader makes, as assertions shared by the targets.

use shifan_rules::{Problem, Severity};

/// A refusal says why: at least one problem, at least one of them an error, every message
/// written in both languages.
pub(crate) fn refused_with_reasons(reader: &str, problems: &[Problem]) {
    assert!(!problems.is_empty(), "{reader}: refused without a problem");
    assert!(
        problems.iter().any(|p| p.severity() == Severity::Error),
        "{reader}: refused with warnings only: {problems:?}"
    );
    for p in problems {
        assert!(
            !p.message.zh.trim().is_empty() && !p.message.en.trim().is_empty(),
            "{reader}: a problem without its message: {p:?}"
        );
    }
}

/// A writer's output, read again and written again, gives the same bytes.
pub(crate) fn stable<T, E: std::fmt::Debug>(
    reader: &str,
    written: &str,
    read: impl Fn(&[u8]) -> Result<T, E>,
    write: impl Fn(&T) -> String,
) {
    let again = read(written.as_bytes())
        .unwrap_or_else(|e| panic!("{reader}: its own output is refused: {e:?}\n{written}"));
    assert_eq!(
        write(&again),
        written,
        "{reader}: write → read → write changed the bytes"
    );
}
