//! Property tests of what training mode reads from outside: the search box's text (for the
//! highlight marks) and a picked catalog file (random bytes, a valid table or catalog mutated
//! byte by byte or cut short) never panic, and failures always say why.

// Uses proptest: native only.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::Index;
use shifan_rules::Catalog;
use shifan_rules::import::export_csv;
use shifan_rules::import::read_catalog_file;
use shifan_rules::search::fold;
use shifan_rules::search::marks;
use std::sync::OnceLock;

const CASES: u32 = 256;

fn table() -> &'static [u8] {
    static TABLE: OnceLock<String> = OnceLock::new();
    TABLE
        .get_or_init(|| export_csv(Catalog::reference()))
        .as_bytes()
}

fn catalog_json() -> &'static [u8] {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| Catalog::reference().to_json())
        .as_bytes()
}

/// Reading a catalog file returns a catalog or at least one problem.
fn check_read(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Err(problems) = read_catalog_file(name, bytes) {
        prop_assert!(!problems.is_empty());
    }
    Ok(())
}

/// Text with Chinese, full-width and case-folded characters, and the odd expanding one.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('规'),
            Just('章'),
            Just('复'),
            Just('议'),
            Just('Ａ'),
            Just('a'),
            Just('A'),
            Just('İ'),
            Just('ß'),
            Just(' '),
            Just('\u{3000}'),
            any::<char>(),
        ],
        0..24,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn marks_are_sorted_disjoint_on_boundaries_and_match(text in text(), query in text()) {
        let ranges = marks(&text, &query);
        let terms: Vec<String> = fold(&query).split_whitespace().map(str::to_string).collect();
        let mut end = 0;
        for (i, r) in ranges.iter().enumerate() {
            prop_assert!(r.start < r.end);
            prop_assert!(i == 0 || r.start > end, "sorted and merged: {:?}", ranges);
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            let marked = fold(&text[r.clone()]);
            prop_assert!(terms.iter().any(|t| marked.contains(t.as_str())), "{:?} in {:?}", marked, terms);
            end = r.end;
        }
        // A term found by folding the whole text is marked somewhere.
        if terms.iter().any(|t| fold(&text).contains(t.as_str())) {
            prop_assert!(!ranges.is_empty());
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check_read("x.csv", &bytes)?;
        check_read("x.json", &bytes)?;
        check_read("x", &bytes)?;
    }

    #[test]
    fn mutated_tables_and_catalogs_never_panic(
        at in any::<Index>(),
        byte in any::<u8>(),
        cut in any::<Index>(),
    ) {
        for (name, original) in [("表.csv", table()), ("catalog.json", catalog_json())] {
            let mut bytes = original.to_vec();
            let i = at.index(bytes.len());
            bytes[i] = byte;
            check_read(name, &bytes)?;
            check_read(name, &original[..cut.index(original.len())])?;
        }
    }
}
