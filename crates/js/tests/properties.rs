//! Property tests of the readers the JavaScript library adds (the inputs of `evaluate` and
//! `sampleApplication`) and of the ones it passes through (`verify`, `Catalogs.load`): random
//! and mutated input always gets an answer — a result or problems with codes — never a panic.

use proptest::prelude::*;
use shifan_js::api::{self, CatalogLoad, Evaluation, Sample, Verification};
use shifan_rules::CatalogSet;
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};

/// A valid evaluation input: the answers of a sample application.
fn evaluation_text() -> String {
    let spec = SampleSpec::new("140105", 70, SampleKind::Comprehensive, 5);
    let file = sample_application(shifan_rules::Catalog::reference(), &spec).expect("sample");
    serde_json::json!({ "level": "county", "answers": file.answers }).to_string()
}

/// Checks that every reader answers `bytes`, and that a refusal says why.
fn check(bytes: &[u8]) {
    let set = CatalogSet::builtin();
    if let Verification::Failed(f) = api::verify(bytes, &set) {
        assert!(!f.problems.is_empty());
    }
    match api::evaluate(bytes, &set) {
        Evaluation::Failed(f) => assert!(!f.problems.is_empty()),
        Evaluation::Evaluated(e) => assert!(e.summary.met <= e.summary.applicable),
    }
    if let Sample::Failed(f) = api::sample(bytes) {
        assert!(!f.problems.is_empty());
    }
    for name in ["catalog.json", "table.csv"] {
        if let CatalogLoad::Failed(f) = api::load_catalog(&mut set.clone(), name, bytes) {
            assert!(!f.problems.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_bytes_get_an_answer(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&bytes);
    }

    #[test]
    fn mutated_answers_get_an_answer(at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<bool>()) {
        let mut text = evaluation_text().into_bytes();
        let i = at.index(text.len());
        if cut {
            text.truncate(i);
        } else {
            text[i] = byte;
        }
        check(&text);
    }
}

#[test]
fn the_unmutated_input_evaluates() {
    let Evaluation::Evaluated(e) =
        api::evaluate(evaluation_text().as_bytes(), &CatalogSet::builtin())
    else {
        panic!("a valid input was refused");
    };
    assert_eq!(e.summary.met, 70);
}
