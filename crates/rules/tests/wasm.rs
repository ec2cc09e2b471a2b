//! The rules compiled to WebAssembly and run in headless Chromium: the same results as natively
//! for the things the browser relies on (catalog load, hashing, scoring, reading a real file).

#![cfg(target_arch = "wasm32")]

use shifan_rules::{
    Catalog, CatalogSet, Code, FileHasher, GovLevel, canonical, read_application, score,
};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn reference_catalog_loads_with_its_native_fingerprint() {
    let catalog = Catalog::reference();
    assert_eq!(catalog.len(), 100);
    // The fingerprint is what files name; it must not depend on the target.
    let fixture = include_str!("../../../tests/fixtures/valid-comprehensive.json");
    assert!(fixture.contains(catalog.fingerprint()));
}

#[wasm_bindgen_test]
fn chunked_hash_matches_one_shot() {
    let data: Vec<u8> = (0..1_000_000u32).map(|i| (i % 251) as u8).collect();
    let mut hasher = FileHasher::new();
    for chunk in data.chunks(65_536) {
        hasher.update(chunk);
    }
    assert_eq!(hasher.finish_hex(), canonical::sha256_hex(&data));
}

#[wasm_bindgen_test]
fn fixtures_read_as_natively() {
    let catalogs = CatalogSet::builtin();
    let valid = include_bytes!("../../../tests/fixtures/valid-comprehensive.json");
    let verified = read_application(valid, &catalogs).expect("valid fixture");
    let again = score(&verified.catalog, GovLevel::County, &verified.file.answers);
    assert_eq!(again, verified.score);
    assert_eq!(verified.file.to_json().as_bytes(), valid);

    let tampered = include_bytes!("../../../tests/fixtures/invalid-integrity-mismatch.json");
    let problems = read_application(tampered, &catalogs).unwrap_err();
    assert_eq!(problems[0].code, Code::IntegrityMismatch);
}
