//! Replays every fuzz target's committed corpus (`fuzz/corpus/<target>/`) and its seeds as an
//! ordinary stable test: what libFuzzer once found stays fixed, with no sanitizer build.

use std::path::{Path, PathBuf};

use shifan_fuzz_targets::{TARGETS, Target};

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus")
}

/// Runs `target` on every file of its corpus folder and on its seeds; returns how many files.
fn check(target: &Target) -> usize {
    let dir = corpus_root().join(target.name);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask fuzz`)", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for file in &files {
        let data = std::fs::read(file).expect("a corpus file");
        let outcome = std::panic::catch_unwind(|| (target.run)(&data));
        assert!(
            outcome.is_ok(),
            "{}: {} broke it",
            target.name,
            file.display()
        );
    }
    for seed in (target.seeds)() {
        (target.run)(&seed);
    }
    files.len()
}

#[test]
fn every_target_replays_its_committed_corpus() {
    for target in TARGETS {
        let files = check(target);
        assert!(files > 0, "{}: the committed corpus is empty", target.name);
    }
}

#[test]
fn every_corpus_folder_belongs_to_a_target() {
    for entry in std::fs::read_dir(corpus_root()).expect("fuzz/corpus") {
        let name = entry.expect("entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            shifan_fuzz_targets::target(&name).is_some(),
            "fuzz/corpus/{name} has no target in TARGETS"
        );
    }
}
