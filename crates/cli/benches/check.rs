//! Criterion benchmark of `shifan check` over 1,000 sample files: the library code path the
//! command runs (read, verify, render), and the built binary spawned once with all 1,000 paths.
//! Budget: under 2 s for the 1,000 files on a 2-core machine.

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::{Catalog, CatalogSet, Lang, division};
use std::hint::black_box;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Writes 1,000 valid sample files (varied counties, kinds and met counts) into a fresh
/// directory under cargo's target tmp dir, and returns their paths.
fn generate() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("check-bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the bench directory");
    let counties: Vec<String> = division::all()
        .iter()
        .filter(|d| d.code != division::PROVINCE_CODE)
        .map(|d| d.code_str())
        .collect();
    let catalog = Catalog::reference();
    let categories = &catalog.data().single_item_categories;
    (0..1000u64)
        .map(|i| {
            let n = i as usize;
            let kind = if i % 4 == 0 {
                SampleKind::SingleItem(categories[n % categories.len()].id.clone())
            } else {
                SampleKind::Comprehensive
            };
            let spec =
                SampleSpec::new(&counties[n % counties.len()], 60 + (i % 35) as u32, kind, i);
            let file = sample_application(catalog, &spec).expect("a valid sample");
            let path = dir.join(format!("{i:04}.json"));
            std::fs::write(&path, file.to_json()).expect("write a sample");
            path
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let paths = generate();
    let catalogs = CatalogSet::builtin();
    let mut group = c.benchmark_group("shifan check 1000 files");
    // Each iteration takes most of a second: ten flat samples of one iteration each.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("library: read, verify, render", |b| {
        b.iter(|| {
            let outcome = shifan_cli::check::run(black_box(&paths), &catalogs, Lang::En, false);
            assert_eq!(outcome.status, shifan_cli::EXIT_OK);
            outcome.stdout.len()
        })
    });
    group.bench_function("binary: one process, 1000 paths", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_shifan"))
                .arg("check")
                .args(black_box(&paths))
                .stdout(Stdio::null())
                .status()
                .expect("run shifan");
            assert!(status.success());
        })
    });
    group.finish();
}

criterion_group!(check, benches);
criterion_main!(check);
