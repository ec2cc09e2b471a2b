//! Criterion benchmarks: scoring an assessment, reading and verifying a file, checking 1,000 files.

use criterion::{Criterion, criterion_group, criterion_main};
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::{Catalog, CatalogSet, GovLevel, read_application, score};
use std::hint::black_box;

fn sample(seed: u64, met: u32) -> String {
    let spec = SampleSpec::new("140105", met, SampleKind::Comprehensive, seed);
    sample_application(Catalog::reference(), &spec)
        .expect("valid sample")
        .to_json()
}

fn benches(c: &mut Criterion) {
    let catalog = Catalog::reference();
    let catalogs = CatalogSet::builtin();
    let one = sample(1, 91);
    let answers = read_application(one.as_bytes(), &catalogs)
        .expect("valid")
        .file
        .answers;
    c.bench_function("score 100 answers", |b| {
        b.iter(|| score(catalog, GovLevel::County, black_box(&answers)))
    });
    c.bench_function("read and verify one file", |b| {
        b.iter(|| read_application(black_box(one.as_bytes()), &catalogs).is_ok())
    });
    let thousand: Vec<String> = (0..1000).map(|i| sample(i, 70 + (i % 25) as u32)).collect();
    let mut group = c.benchmark_group("check 1000 files");
    group.sample_size(10);
    group.bench_function("read and verify 1000 files", |b| {
        b.iter(|| {
            thousand
                .iter()
                .filter(|f| read_application(f.as_bytes(), &catalogs).is_ok())
                .count()
        })
    });
    group.finish();
}

criterion_group!(rules, benches);
criterion_main!(rules);
