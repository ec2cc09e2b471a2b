//! Valid documents the seeds are made from: samples of the library, at fixed times.

use shifan_rules::annual::{AnnualReport, ReportContent, SelfAssessment};
use shifan_rules::evidence::{Notice, read_scores_csv};
use shifan_rules::package::{Decision, Package, Review, Reviewer, read_package};
use shifan_rules::programme::Profile;
use shifan_rules::province::ProvinceSession;
use shifan_rules::province_sample::sample_scores_csv;
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

/// A province round on [`package`]: taken in, scored from a sample scores table, one
/// candidate proposed, the notice set.
pub(crate) fn province_session() -> ProvinceSession {
    let package = package();
    let mut session = ProvinceSession::new(Profile::shanxi_2020());
    let read = read_package(package.to_json().as_bytes(), &CatalogSet::builtin())
        .expect("the sample package verifies");
    session.add_package(&package.file_name(), read);
    let scores = sample_scores_csv(std::slice::from_ref(&package), 1);
    let rows = read_scores_csv(scores.as_bytes(), 100).expect("a sample scores table");
    session
        .apply_scores(&rows)
        .expect("the sample scores apply");
    session.propose_by_plan();
    session
        .set_notice(Notice {
            start: "2026-12-02".into(),
            end: "2026-12-08".into(),
            published_in: "山西日报".into(),
            objections_to: "0351-1234567".into(),
        })
        .expect("a seven-day notice");
    session
}

/// 太原市小店区's annual report on 2025, every part written, with its self-assessment.
pub(crate) fn annual_report() -> AnnualReport {
    let verified = &applications()[0];
    let mut content = ReportContent::blank(verified.file.applicant.clone(), 2025, false);
    for (i, part) in content.parts.iter_mut().enumerate() {
        part.text = format!(
            "第{}部分：全年推进法治政府建设，<b>各项</b>工作取得新进展。",
            i + 1
        );
    }
    content.self_assessment = Some(SelfAssessment::of(verified));
    AnnualReport::build(
        content,
        Generator {
            name: "fuzz-seed".into(),
            version: "0".into(),
        },
        "2026-02-10T09:12:00+08:00".into(),
        "2026-03-20T16:40:00+08:00".into(),
    )
}
