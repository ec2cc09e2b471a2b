//! The province's files: the committed register, profile and province session fixtures in
//! `tests/fixtures/province/` (a valid register and one file per new problem code, the pool's
//! warnings and impossible stored figures included), how each is made, what reading it must
//! give; and property tests of every reader the province
//! adds (profile, scores table, register, province session) on random and mutated input.
//!
//! Regenerate the fixtures with `SHIFAN_BLESS=1 cargo test -p shifan-rules --test province`.

// Reads the file system and uses proptest: native only.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{Value, json};
use shifan_rules::evidence::{Evaluation, Evidence, read_naming_csv, read_scores_csv};
use shifan_rules::package::{Decision, Package, Review, Reviewer, read_package};
use shifan_rules::programme::{KindKey, Profile};
use shifan_rules::province::ProvinceSession;
use shifan_rules::province_sample::{sample_packages, sample_scores_csv};
use shifan_rules::register::{Register, read_register};
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::{Catalog, CatalogSet, Code, Generator, Verified, canonical, read_application};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/province")
}

fn generator() -> Generator {
    Generator {
        name: "shifan-fixtures".into(),
        version: "1".into(),
    }
}

/// A small round: two cities, 24 candidates (22 comprehensive, 2 single-item), scored, proposed by plan and all named.
fn session() -> &'static ProvinceSession {
    static SESSION: OnceLock<ProvinceSession> = OnceLock::new();
    SESSION.get_or_init(|| {
        let packages = sample_packages(2, 24, 3, &generator()).unwrap();
        let catalogs = CatalogSet::builtin();
        let mut s = ProvinceSession::new(Profile::shanxi_2020());
        for p in &packages {
            s.add_package(
                &p.file_name(),
                read_package(p.to_json().as_bytes(), &catalogs).unwrap(),
            );
        }
        let rows = read_scores_csv(sample_scores_csv(&packages, 3).as_bytes(), 100).unwrap();
        s.apply_scores(&rows).unwrap();
        s.propose_by_plan();
        let proposed: Vec<String> = s
            .candidates()
            .iter()
            .map(|c| c.integrity().to_string())
            .filter(|i| s.is_proposed(i))
            .collect();
        for i in proposed {
            s.set_named(&i, true).unwrap();
        }
        s.naming.document_number = "晋法治办发〔2021〕5号".into();
        s.naming.date = "2021-09-10".into();
        s
    })
}

fn valid_register() -> &'static Register {
    static REGISTER: OnceLock<Register> = OnceLock::new();
    REGISTER.get_or_init(|| {
        Register::from_session(session(), generator(), "2021-09-10T09:00:00+08:00".into()).unwrap()
    })
}

/// Recomputes every event's hash and chain (when `chain`) and the file's integrity, so that a
/// mutation shows only the problem it is meant to show.
fn reseal(mut v: Value, chain: bool) -> Value {
    if chain {
        let anchor = canonical::fingerprint(&json!({
            "province": v["province"], "round": v["round"], "profile": v["profile"]["fingerprint"],
        }));
        let mut previous = anchor;
        for e in v["events"].as_array_mut().unwrap() {
            e["previous"] = json!(previous);
            let mut bare = e.clone();
            bare.as_object_mut().unwrap().remove("hash");
            e["hash"] = json!(canonical::fingerprint(&bare));
            previous = e["hash"].as_str().unwrap().to_string();
        }
    }
    let mut bare = v.clone();
    bare.as_object_mut().unwrap().remove("integrity");
    v["integrity"] = json!(canonical::fingerprint(&bare));
    v
}

/// A verified sample application of 太原市小店区 (comprehensive) with `met` indicators met.
fn xiaodian(met: u32, seed: u64) -> Verified {
    let spec = SampleSpec::new("140105", met, SampleKind::Comprehensive, seed);
    let file = sample_application(Catalog::reference(), &spec).unwrap();
    read_application(file.to_json().as_bytes(), &CatalogSet::builtin()).unwrap()
}

/// 太原市's package recommending `verified`, reviewed on `date`.
fn taiyuan_package(verified: &Verified, date: &str) -> Package {
    let review = Review {
        city_code: 140100,
        reviewer: Reviewer {
            name: "初审人".into(),
            office: "太原市委依法治市办".into(),
        },
        date: date.into(),
        decisions: vec![(Decision::Recommend, Some(1), String::new())],
    };
    Package::build(
        &review,
        &[verified],
        generator(),
        format!("{date}T10:00:00+08:00"),
    )
    .unwrap()
}

/// A province session (as stored and exported) that has taken in `packages` and then the
/// direct application files `directs`.
fn session_with(packages: &[Package], directs: &[Verified]) -> Value {
    let catalogs = CatalogSet::builtin();
    let mut s = ProvinceSession::new(Profile::shanxi_2020());
    for p in packages {
        s.add_package(
            &p.file_name(),
            read_package(p.to_json().as_bytes(), &catalogs).unwrap(),
        );
    }
    for (i, d) in directs.iter().enumerate() {
        let read = read_application(d.file.to_json().as_bytes(), &catalogs).unwrap();
        s.add_application(&format!("直报-{i}.json"), read);
    }
    serde_json::from_str(&s.to_json()).unwrap()
}

/// The province session fixtures: 太原市 sends the same application in two packages (a
/// review done twice); 小店区 sends directly a file that differs from the one in the city's
/// package; a stored session whose evaluation is above its scale (a store or export edited
/// by hand: the setters refuse such figures, the reader keeps them and shows their problem).
fn session_fixtures() -> [(&'static str, Value); 3] {
    let packaged = xiaodian(92, 21);
    let twice = session_with(
        &[
            taiyuan_package(&packaged, "2021-03-01"),
            taiyuan_package(&packaged, "2021-03-05"),
        ],
        &[],
    );
    let edited = session_with(
        &[taiyuan_package(&packaged, "2021-03-01")],
        &[xiaodian(93, 22)],
    );
    let mut figures = session_with(&[taiyuan_package(&packaged, "2021-03-01")], &[]);
    let above_scale = Evidence {
        evaluation: Some(Evaluation {
            evaluator: "山西省法治政府研究评估中心".into(),
            date: "2021-05-01".into(),
            score: "105".into(),
            scale: 100,
            report: "PG-2021-001-001".into(),
        }),
        ..Evidence::default()
    };
    figures["evidence"][&packaged.file.integrity] = serde_json::to_value(above_scale).unwrap();
    [
        ("session-warning-recommended-twice.json", twice),
        ("session-warning-edited-after-packaging.json", edited),
        ("session-invalid-figures.json", figures),
    ]
}

/// Every committed fixture: its file name, its content, and the codes reading it gives
/// (`None`: reads as valid).
fn fixtures() -> Vec<(&'static str, String, Option<Vec<Code>>)> {
    let valid = valid_register().to_value();
    let pretty = |v: &Value| canonical::to_pretty(v);
    let mut chain = valid.clone();
    chain["events"][0]["body"]["named"]["document_number"] = json!("晋法治办发〔2021〕6号");
    let mut profile = valid.clone();
    profile["profile"]["data"]["kinds"][0]["parts"][1]["weight"]["value"] =
        json!({"numerator": 3, "denominator": 5});
    profile["profile"]["data"]["kinds"][0]["parts"][2]["weight"]["value"] =
        json!({"numerator": 1, "denominator": 5});
    let mut rules = valid.clone();
    let entries = rules["events"][0]["body"]["named"]["entries"]
        .as_array()
        .unwrap()
        .clone();
    rules["events"][0]["body"]["named"]["entries"] = json!([entries[0], entries[0]]);
    let mut edited = valid.clone();
    edited["generator"]["version"] = json!("2");
    let mut bad_profile = Profile::shanxi_2020().to_value();
    bad_profile["kinds"][1]["parts"][0]["weight"]["value"] =
        json!({"numerator": 1, "denominator": 2});
    let [twice, direct, figures] = session_fixtures();
    let compact = |(name, v): (&'static str, Value)| (name, canonical::to_compact(&v));
    let session = |fixture: (&'static str, Value), code: Code| {
        let (name, content) = compact(fixture);
        (name, content, Some(vec![code]))
    };
    vec![
        ("valid-register.json", pretty(&valid), None),
        ("invalid-register-broken-chain.json", pretty(&reseal(chain, false)), Some(vec![Code::BrokenChain])),
        ("invalid-register-profile-mismatch.json", pretty(&reseal(profile, true)), Some(vec![Code::ProfileMismatch])),
        ("invalid-register-invalid-register.json", pretty(&reseal(rules, true)), Some(vec![Code::InvalidRegister])),
        ("invalid-register-integrity-mismatch.json", pretty(&edited), Some(vec![Code::IntegrityMismatch])),
        ("invalid-profile.json", pretty(&bad_profile), Some(vec![Code::InvalidProfile])),
        (
            "invalid-scores.csv",
            "申报文件指纹,评估机构,评估日期,得分,满分\r\n0123456789abcdef,山西大学,2021-05-01,105,100\r\n".into(),
            Some(vec![Code::InvalidScores]),
        ),
        session(twice, Code::RecommendedTwice),
        session(direct, Code::EditedAfterPackaging),
        session(figures, Code::InvalidFigures),
    ]
}

/// The codes a province session shows once read: its refusal, or the pool's flags and the
/// problems of every stored figure (the notice's included), each code once.
fn session_codes(bytes: &[u8]) -> Option<Vec<Code>> {
    let codes = |p: Vec<shifan_rules::Problem>| p.into_iter().map(|p| p.code).collect::<Vec<_>>();
    let s = match ProvinceSession::from_json(bytes, &CatalogSet::builtin()) {
        Ok(s) => s,
        Err(p) => return Some(codes(p)),
    };
    let mut shown: Vec<Code> = Vec::new();
    let notice = s
        .notice
        .iter()
        .flat_map(|n| n.problems(s.profile().data().notice_days.value));
    let problems = s
        .candidates()
        .iter()
        .flat_map(|c| {
            c.flags
                .iter()
                .cloned()
                .chain(s.evidence(c.integrity()).problems())
        })
        .chain(notice);
    for code in codes(problems.collect()) {
        if !shown.contains(&code) {
            shown.push(code);
        }
    }
    (!shown.is_empty()).then_some(shown)
}

fn read(name: &str, bytes: &[u8]) -> Option<Vec<Code>> {
    let codes = |p: Vec<shifan_rules::Problem>| p.into_iter().map(|p| p.code).collect::<Vec<_>>();
    if name.ends_with(".csv") {
        return read_scores_csv(bytes, 100).err().map(codes);
    }
    if name.starts_with("session-") {
        return session_codes(bytes);
    }
    if name.contains("profile.json") {
        return Profile::from_json(bytes).err().map(codes);
    }
    read_register(bytes).err().map(codes)
}

#[test]
fn committed_fixtures_are_current_and_read_as_expected() {
    let bless = std::env::var_os("SHIFAN_BLESS").is_some();
    std::fs::create_dir_all(dir()).unwrap();
    for (name, content, expect) in fixtures() {
        let path = dir().join(name);
        if bless {
            std::fs::write(&path, &content).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == content,
            "{name} is stale: regenerate with SHIFAN_BLESS=1"
        );
        assert_eq!(read(name, committed.as_bytes()), expect, "{name}");
    }
}

#[test]
fn every_new_code_has_a_fixture() {
    let covered: Vec<Code> = fixtures()
        .into_iter()
        .filter_map(|(_, _, e)| e)
        .flatten()
        .collect();
    for code in [
        Code::InvalidProfile,
        Code::InvalidScores,
        Code::InvalidRegister,
        Code::BrokenChain,
        Code::ProfileMismatch,
        Code::InvalidFigures,
        Code::RecommendedTwice,
        Code::EditedAfterPackaging,
    ] {
        assert!(covered.contains(&code), "{code} has no fixture");
    }
}

#[test]
fn the_register_round_trips_and_carries_the_round() {
    let r = valid_register();
    let json = r.to_json();
    let read = read_register(json.as_bytes()).unwrap();
    assert_eq!(read.register.to_json(), json);
    assert_eq!(
        read.profile.fingerprint(),
        Profile::shanxi_2020().fingerprint()
    );
    let named: Vec<_> = read.register.named().collect();
    assert_eq!(named.len(), session().naming.named.len());
    for e in named {
        let c = session()
            .get(&e.application)
            .expect("named on an application of the pool");
        assert_eq!(
            c.verified.file.applicant.division_code,
            e.place.division_code
        );
        assert!(e.figures.composite.is_unit());
    }
    // The document knows it.
    assert!(matches!(
        shifan_rules::document::read_document(json.as_bytes(), &CatalogSet::builtin()),
        Ok(shifan_rules::document::Document::Register(_))
    ));
}

#[test]
fn a_register_needs_a_decision_and_ranked_candidates() {
    let mut s = session().clone();
    s.naming.document_number = " ".into();
    s.naming.date = "2021-9-10".into();
    let codes: Vec<Code> =
        Register::from_session(&s, generator(), "2021-09-10T09:00:00+08:00".into())
            .unwrap_err()
            .into_iter()
            .map(|p| p.code)
            .collect();
    assert_eq!(codes, vec![Code::InvalidRegister, Code::InvalidTime]);
    let mut s = session().clone();
    let first = s.rank(KindKey::Comprehensive)[0].integrity.clone();
    s.set_survey(&first, None).unwrap();
    assert!(Register::from_session(&s, generator(), "2021-09-10T09:00:00+08:00".into()).is_err());
}

fn register_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| valid_register().to_json().into_bytes())
}

fn session_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| session().to_json().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic_the_province_readers(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = read_register(&bytes);
        let _ = Profile::from_json(&bytes);
        let _ = read_scores_csv(&bytes, 100);
        let _ = ProvinceSession::from_json(&bytes, &CatalogSet::builtin());
    }

    #[test]
    fn a_changed_byte_of_a_register_is_caught(at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = register_bytes().to_vec();
        let i = at.index(bytes.len());
        prop_assume!(bytes[i] != byte);
        bytes[i] = byte;
        // Either refused, or the change was outside the content (white space between tokens).
        if let Ok(read) = read_register(&bytes) {
            let again = read.register.to_json();
            prop_assert_eq!(again.as_bytes(), register_bytes());
        }
    }

    #[test]
    fn a_changed_byte_of_a_profile_is_refused_or_harmless(at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let text = Profile::shanxi_2020().to_json();
        let mut bytes = text.clone().into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        if let Ok(p) = Profile::from_json(&bytes) {
            // A valid profile is a valid profile: it writes back canonically and reads again.
            prop_assert!(Profile::from_json(p.to_json().as_bytes()).is_ok());
        }
    }

    #[test]
    fn a_cut_province_session_is_refused_not_half_read(cut in any::<prop::sample::Index>()) {
        let bytes = session_bytes();
        let n = cut.index(bytes.len());
        prop_assert!(ProvinceSession::from_json(&bytes[..n], &CatalogSet::builtin()).is_err());
    }
}

/// A small stored session (one package, one direct file, a flag): the base of the mutations.
fn small_session_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let [_, direct, _] = session_fixtures();
        canonical::to_compact(&direct.1).into_bytes()
    })
}

/// A sample scores table for the small round.
fn scores_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let packages = sample_packages(1, 3, 5, &generator()).unwrap();
        sample_scores_csv(&packages, 5).into_bytes()
    })
}

/// A refusal says why: problems, an error among them, every message in both languages.
fn coded(problems: &[shifan_rules::Problem]) -> Result<(), TestCaseError> {
    prop_assert!(!problems.is_empty(), "refused without a problem");
    prop_assert!(
        problems
            .iter()
            .any(|p| p.severity() == shifan_rules::Severity::Error),
        "refused with warnings only: {problems:?}"
    );
    for p in problems {
        prop_assert!(
            !p.message.zh.trim().is_empty() && !p.message.en.trim().is_empty(),
            "{p:?}"
        );
    }
    Ok(())
}

/// The province session reader on `bytes`: refused with reasons, or read and kept as read.
fn check_session(bytes: &[u8]) -> Result<(), TestCaseError> {
    let catalogs = CatalogSet::builtin();
    match ProvinceSession::from_json(bytes, &catalogs) {
        Err(p) => coded(&p),
        Ok(s) => {
            for kind in KindKey::ALL {
                let _ = s.rank(kind);
            }
            let json = s.to_json();
            let again = ProvinceSession::from_json(json.as_bytes(), &catalogs)
                .map_err(|p| TestCaseError::fail(format!("its own output refused: {p:?}")))?;
            prop_assert_eq!(again.to_json(), json);
            Ok(())
        }
    }
}

/// Both table readers on `bytes`: refused with reasons that name a line, or rows whose figures
/// pass their own checks.
fn check_tables(bytes: &[u8]) -> Result<(), TestCaseError> {
    for read in [read_scores_csv(bytes, 100), read_naming_csv(bytes)] {
        match read {
            Err(p) => {
                coded(&p)?;
                // Only a table too large or not text at all is refused without a line.
                prop_assert!(
                    p.iter().all(|p| p.at.line.is_some())
                        || matches!(p[0].code, Code::TooLarge | Code::NotUtf8 | Code::Utf16),
                    "{p:?}"
                );
            }
            Ok(rows) => {
                for row in rows {
                    prop_assert!(
                        row.evaluation
                            .iter()
                            .all(|e| e.problems().is_empty() && e.value().is_some())
                    );
                    prop_assert!(
                        row.survey
                            .iter()
                            .all(|s| s.problems().is_empty() && s.rate().is_some())
                    );
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_are_refused_with_reasons_by_the_session_and_table_readers(
        bytes in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        check_session(&bytes)?;
        check_tables(&bytes)?;
    }

    #[test]
    fn a_changed_byte_of_a_province_session_is_refused_with_reasons_or_kept(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let mut bytes = small_session_bytes().to_vec();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        check_session(&bytes)?;
    }

    #[test]
    fn a_province_session_with_garbage_after_a_valid_prefix_is_refused_with_reasons(
        cut in any::<prop::sample::Index>(),
        tail in prop::collection::vec(any::<u8>(), 1..32),
    ) {
        let bytes = small_session_bytes();
        let mut mutated = bytes[..cut.index(bytes.len())].to_vec();
        mutated.extend(tail);
        check_session(&mutated)?;
    }

    #[test]
    fn a_changed_byte_of_a_scores_table_is_refused_with_reasons_or_read(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let mut bytes = scores_bytes().to_vec();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        check_tables(&bytes)?;
    }

    #[test]
    fn any_text_in_any_cell_of_a_scores_table_is_refused_with_reasons_or_read(
        row in any::<prop::sample::Index>(),
        column in any::<prop::sample::Index>(),
        text in "\\PC{0,12}",
    ) {
        let table = String::from_utf8(scores_bytes().to_vec()).unwrap();
        let mut lines: Vec<Vec<String>> = table
            .lines()
            .map(|l| l.split(',').map(str::to_owned).collect())
            .collect();
        let r = row.index(lines.len());
        let c = column.index(lines[r].len());
        lines[r][c] = text;
        let edited: String = lines.iter().map(|l| format!("{}\r\n", l.join(","))).collect();
        check_tables(edited.as_bytes())?;
    }
}

#[test]
fn a_province_session_survives_storage_with_everything() {
    let s = session();
    let back = ProvinceSession::from_json(session_bytes(), &CatalogSet::builtin()).unwrap();
    assert_eq!(back.to_json().as_bytes(), session_bytes());
    assert_eq!(back.naming, s.naming);
    for kind in KindKey::ALL {
        assert_eq!(back.rank(kind), s.rank(kind));
    }
}

#[test]
fn a_register_dropped_into_the_pool_is_rejected_with_why() {
    let mut s = session().clone();
    let before = s.candidates().len();
    assert_eq!(
        s.take_file("名册.json", register_bytes(), &CatalogSet::builtin()),
        0
    );
    assert_eq!(s.candidates().len(), before);
    let rejected = s.rejected.last().unwrap();
    assert_eq!(
        (rejected.file_name.as_str(), rejected.problems[0].code),
        ("名册.json", Code::OtherDocument)
    );
    // A package dropped twice is taken in once.
    let packages = sample_packages(2, 24, 3, &generator()).unwrap();
    assert_eq!(
        s.take_file(
            "again.json",
            packages[0].to_json().as_bytes(),
            &CatalogSet::builtin()
        ),
        0
    );
    assert_eq!(s.package_count(), 2);
}
