//! Valid documents the seeds are made from: samples of the library, at fixed times.

use shifan_rules::package::{Decision, Package, Review, Reviewer};
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::{Catalog, CatalogSet, Generator, Verified, read_application};

/// A verified sample of `code` with `met` indicators met.
pub(crate) fn verified(code: &str, met: u32, kind: SampleKind, seed: u64) -> Verified {
    let spec = SampleSpec::new(code, met, kind, seed);
    let file = sample_application(Catalog::reference(), &spec).expect("a valid sample");
    read_application(file.to_json().as_bytes(), &CatalogSet::builtin()).expect("a sample verifies")
}

/// Two applications of 太原市: one above the bar, one single-item project below it.
pub(crate) fn applications() -> Vec<Verified> {
    vec![
        verified("140105", 92, SampleKind::Comprehensive, 1),
        verified(
            "140106",
            70,
            SampleKind::SingleItem("business-environment".into()),
            2,
        ),
    ]
}

/// 太原市's package recommending the first of [`applications`].
pub(crate) fn package() -> Package {
    let apps = applications();
    let review = Review {
        city_code: 140100,
        reviewer: Reviewer {
            name: "李华".into(),
            office: "太原市委依法治市办".into(),
        },
        date: "2026-12-01".into(),
        decisions: vec![
            (Decision::Recommend, Some(1), "材料齐全".into()),
            (Decision::NotRecommend, None, "差距较大".into()),
        ],
    };
    Package::build(
        &review,
        &apps.iter().collect::<Vec<_>>(),
        Generator {
            name: "fuzz-seed".into(),
            version: "0".into(),
        },
        "2026-12-01T10:00:00+08:00".into(),
    )
    .expect("a valid package")
}

/// `text` cut at three fifths and with its first `"` doubled: the two nearly valid seeds.
pub(crate) fn damaged(text: &str) -> Vec<Vec<u8>> {
    let bytes = text.as_bytes();
    let cut = bytes[..bytes.len() * 3 / 5].to_vec();
    let doubled = text.replacen('"', "\"\"", 1).into_bytes();
    vec![cut, doubled]
}
