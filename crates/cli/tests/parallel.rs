//! `shifan check` reads and reports on files in parallel: its report must be the one a
//! sequential pass over the same paths makes, file by file in the order given, with the same
//! exit status.

use shifan_cli::check::{render_json, render_text, run, status_of};
use shifan_cli::input::{Checked, check_path};
use shifan_rules::{CatalogSet, Lang};
use std::path::{Path, PathBuf};

/// Every `.json` file under `tests/fixtures` (valid, invalid, bad input, packages, registers,
/// annual reports, catalogs), sorted.
fn every_fixture() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a fixture folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures"),
        &mut out,
    );
    out.sort();
    out
}

#[test]
fn the_parallel_report_is_the_sequential_one_in_input_order() {
    let fixtures = every_fixture();
    assert!(fixtures.len() > 50, "{} fixtures", fixtures.len());
    // Many more files than cores, valid and invalid ones side by side, and one that cannot be
    // read: any slip in the order shows as a different report.
    let mut paths: Vec<PathBuf> = fixtures.iter().rev().chain(&fixtures).cloned().collect();
    paths.insert(paths.len() / 2, PathBuf::from("no-such-file.json"));
    let catalogs = CatalogSet::builtin();
    let sequential: Vec<Checked> = paths
        .iter()
        .map(|path| Checked {
            path: path.clone(),
            outcome: check_path(path, &catalogs),
        })
        .collect();
    for lang in [Lang::Zh, Lang::En] {
        for json in [false, true] {
            let parallel = run(&paths, &catalogs, lang, json);
            let expected = if json {
                render_json(&sequential)
            } else {
                render_text(&sequential, lang)
            };
            assert_eq!(parallel.stdout, expected, "lang {lang:?}, json {json}");
            assert_eq!(parallel.status, status_of(&sequential));
            assert_eq!(parallel.status, shifan_cli::EXIT_INVALID);
        }
    }
    // Valid files alone pass.
    let valid: Vec<PathBuf> = sequential
        .iter()
        .filter(|c| c.outcome.is_valid())
        .map(|c| c.path.clone())
        .collect();
    assert!(valid.len() > 10);
    assert_eq!(
        run(&valid, &catalogs, Lang::En, false).status,
        shifan_cli::EXIT_OK
    );
}
