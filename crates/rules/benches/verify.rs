//! Criterion benchmark of verifying one application file, the work `shifan check` and the city
//! review do per file, split into its stages so that a change shows where it saved time.

use criterion::{Criterion, criterion_group, criterion_main};
use shifan_rules::application::ApplicationFile;
use shifan_rules::document::read_document;
use shifan_rules::input::{MAX_FILE_BYTES, check_depth, decode_text, parse_json};
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::{Catalog, CatalogSet, canonical};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let catalogs = CatalogSet::builtin();
    let spec = SampleSpec::new("140105", 70, SampleKind::Comprehensive, 7);
    let text = sample_application(Catalog::reference(), &spec)
        .expect("valid sample")
        .to_json();
    let bytes = text.as_bytes();
    let value = parse_json(bytes, MAX_FILE_BYTES).expect("parses");
    let mut group = c.benchmark_group("verify one application");
    group.throughput(criterion::Throughput::Bytes(bytes.len() as u64));
    group.bench_function("read_document (all of it)", |b| {
        b.iter(|| read_document(black_box(bytes), &catalogs).is_ok())
    });
    group.bench_function("stage: UTF-8", |b| {
        b.iter(|| decode_text(black_box(bytes)).is_ok())
    });
    group.bench_function("stage: nesting depth", |b| {
        b.iter(|| check_depth(black_box(&text)).is_ok())
    });
    group.bench_function("stage: serde_json into a Value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).is_ok())
    });
    group.bench_function("stage: parse_json (every guard)", |b| {
        b.iter(|| parse_json(black_box(bytes), MAX_FILE_BYTES).is_ok())
    });
    group.bench_function("stage: fingerprint", |b| {
        b.iter(|| canonical::fingerprint_without(black_box(&value), "integrity"))
    });
    group.bench_function("stage: typed read", |b| {
        b.iter(|| shifan_rules::json::from_value::<ApplicationFile>(black_box(&value)).is_ok())
    });
    group.bench_function("stage: drop a Value", |b| {
        b.iter_batched(|| value.clone(), drop, criterion::BatchSize::SmallInput)
    });
    group.finish();
}

criterion_group!(verify, benches);
criterion_main!(verify);
