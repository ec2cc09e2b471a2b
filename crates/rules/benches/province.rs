//! Criterion benchmark of the province's budget: 300 candidates from 11 cities' packages taken
//! in (every package and application verified), a scores table applied, both kinds ranked;
//! and the stored session read back, as the page does at its start.

use criterion::{Criterion, criterion_group, criterion_main};
use shifan_rules::evidence::read_scores_csv;
use shifan_rules::programme::{KindKey, Profile};
use shifan_rules::province::ProvinceSession;
use shifan_rules::province_sample::{sample_packages, sample_scores_csv};
use shifan_rules::{CatalogSet, Generator};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let generator = Generator {
        name: "bench".into(),
        version: "0".into(),
    };
    let packages = sample_packages(11, 300, 1, &generator).expect("sample round");
    let files: Vec<(String, String)> = packages
        .iter()
        .map(|p| (p.file_name(), p.to_json()))
        .collect();
    let scores = sample_scores_csv(&packages, 1);
    let catalogs = CatalogSet::builtin();
    let mut group = c.benchmark_group("province");
    group.sample_size(10);
    group.bench_function(
        "take in 11 packages (300 candidates), score and rank",
        |b| {
            b.iter(|| {
                let mut s = ProvinceSession::new(Profile::shanxi_2020());
                for (name, json) in &files {
                    s.take_file(name, json.as_bytes(), &catalogs);
                }
                let rows = read_scores_csv(scores.as_bytes(), 100).expect("scores");
                s.apply_scores(&rows).expect("applied");
                KindKey::ALL
                    .iter()
                    .map(|k| black_box(s.rank(*k)).len())
                    .sum::<usize>()
            })
        },
    );
    // The same work in its three steps, to see where the time goes.
    let take_in = || {
        let mut s = ProvinceSession::new(Profile::shanxi_2020());
        for (name, json) in &files {
            s.take_file(name, json.as_bytes(), &catalogs);
        }
        s
    };
    group.bench_function("step 1: take in 11 packages (300 candidates)", |b| {
        b.iter(take_in)
    });
    let mut scored = take_in();
    let rows = read_scores_csv(scores.as_bytes(), 100).expect("scores");
    group.bench_function("step 2: read and apply the scores table", |b| {
        b.iter(|| {
            let mut s = scored.clone();
            let rows = read_scores_csv(scores.as_bytes(), 100).expect("scores");
            s.apply_scores(&rows).expect("applied")
        })
    });
    scored.apply_scores(&rows).expect("applied");
    group.bench_function("step 3: rank both kinds", |b| {
        b.iter(|| {
            KindKey::ALL
                .iter()
                .map(|k| black_box(scored.rank(*k)).len())
                .sum::<usize>()
        })
    });
    // The page's start with a round stored: the session read back from its record (every
    // package verified again).
    let stored = scored.to_json();
    group.bench_function("read back the stored session (300 candidates)", |b| {
        b.iter(|| {
            ProvinceSession::from_json(stored.as_bytes(), &catalogs)
                .expect("stored session")
                .candidates()
                .len()
        })
    });
    group.finish();
}

criterion_group!(province, benches);
criterion_main!(province);
