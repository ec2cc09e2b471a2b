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
use shifan_rules::annual::{AnnualReport, Date, ReportContent};
use shifan_rules::application::{Applicant, Contact};
use shifan_rules::evidence::{Evaluation, Evidence, read_naming_csv, read_scores_csv};
use shifan_rules::package::{Decision, Package, Review, Reviewer, read_package};
use shifan_rules::programme::{KindKey, Profile};
use shifan_rules::province::ProvinceSession;
use shifan_rules::province_sample::{sample_packages, sample_scores_csv};
use shifan_rules::register::{
    AspectCheck, Conclusion, EntryRef, Register, RevisitAssessment, RevisitEvent, extends,
    read_register,
};
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::supervision::{ReportStanding, public_list, report_standings};
use shifan_rules::{
    Aspect, Catalog, CatalogSet, Code, Generator, Verified, canonical, read_application,
};
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

fn report_of(code: &str, year: u16) -> AnnualReport {
    let government = Applicant::from_code(
        code,
        Contact {
            name: "王丽".into(),
            phone: "0351-7654321".into(),
            email: "fzb@example.gov.cn".into(),
        },
    )
    .unwrap();
    let mut content = ReportContent::blank(government, year, false);
    for part in &mut content.parts {
        part.text = "本年度主要举措和成效。".into();
    }
    AnnualReport::build(
        content,
        generator(),
        "2022-03-01T09:00:00+08:00".into(),
        "2022-03-01T09:00:00+08:00".into(),
    )
}

/// The entries supervision's fixtures follow: three comprehensive places and one project.
fn supervised_entries() -> [EntryRef; 4] {
    let named: Vec<_> = valid_register().named().collect();
    let of = |kind| {
        named
            .iter()
            .filter(move |e| e.kind == kind)
            .map(|e| EntryRef::of(e))
    };
    let mut places = of(KindKey::Comprehensive);
    let project = of(KindKey::SingleItem).next().unwrap();
    [
        places.next().unwrap(),
        places.next().unwrap(),
        places.next().unwrap(),
        project,
    ]
}

/// One supervision event appended to a register.
type Step<'a> = dyn Fn(&mut Register) -> Result<(), Vec<shifan_rules::Problem>> + 'a;

/// The named register supervised for a year: place A reports on time, B late and C not at
/// all; revisits find A still meeting the bar, B below it, the project still running; B is
/// delisted on the revisit ground. `events` keeps that many events (the older register of the
/// `--extends` pair keeps 3).
fn supervised(events: usize) -> Register {
    let [a, b, _, p] = supervised_entries();
    let mut r = valid_register().clone();
    let profile = Profile::shanxi_2020();
    let threshold = profile.data().threshold.value;
    let fresh = |met| RevisitAssessment {
        application: canonical::fingerprint(&json!({"revisit": met})),
        met,
        applicable: 100,
        threshold,
    };
    let steps: Vec<Box<Step<'_>>> = vec![
        Box::new(|r| {
            r.receive_report(
                "2022-03-20".into(),
                a.clone(),
                &report_of(&a.division_code, 2021),
            )
        }),
        Box::new(|r| {
            r.receive_report(
                "2022-04-05".into(),
                b.clone(),
                &report_of(&b.division_code, 2021),
            )
        }),
        Box::new(|r| {
            r.record_revisit(
                "2022-06-15".into(),
                RevisitEvent {
                    entry: a.clone(),
                    team: "省依法治省办回访核查组".into(),
                    checked: "重新对照指标体系逐项评估".into(),
                    findings: "各项工作持续推进".into(),
                    assessment: Some(fresh(95)),
                    aspects: Vec::new(),
                    conclusion: Conclusion::StillMeets,
                },
            )
        }),
        Box::new(|r| {
            r.record_revisit(
                "2022-06-16".into(),
                RevisitEvent {
                    entry: b.clone(),
                    team: "省依法治省办回访核查组".into(),
                    checked: "重新对照指标体系逐项评估".into(),
                    findings: "多项指标不再达标".into(),
                    assessment: Some(fresh(80)),
                    aspects: Vec::new(),
                    conclusion: Conclusion::NoLongerMeets,
                },
            )
        }),
        Box::new(|r| {
            r.record_revisit(
                "2022-06-20".into(),
                RevisitEvent {
                    entry: p.clone(),
                    team: "省依法治省办回访核查组".into(),
                    checked: "项目运行情况及佐证材料".into(),
                    findings: "项目按申报材料持续运行".into(),
                    assessment: None,
                    aspects: Aspect::ALL
                        .map(|a| AspectCheck {
                            aspect: a.key().into(),
                            confirmed: true,
                            findings: "与申报材料一致，佐证材料齐全".into(),
                        })
                        .to_vec(),
                    conclusion: Conclusion::StillMeets,
                },
            )
        }),
        Box::new(|r| {
            r.delist(
                "2022-09-01".into(),
                b.clone(),
                "revisit-failed",
                "回访核查重新评估达标 80/100 项，低于 90% 的标准".into(),
                "晋法治办发〔2022〕9号".into(),
            )
        }),
    ];
    for step in steps.iter().take(events.saturating_sub(1)) {
        step(&mut r).unwrap();
    }
    r
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
    let supervised_full = supervised(7).to_value();
    let mut mismatch = supervised_full.clone();
    mismatch["events"][4]["body"]["revisit"]["conclusion"] = json!("still_meets");
    let mut rewritten = supervised_full.clone();
    rewritten["events"][2]["date"] = json!("2022-03-31");
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
        ("supervised-register.json", pretty(&supervised_full), None),
        ("supervised-register-older.json", pretty(&supervised(3).to_value()), None),
        ("invalid-register-revisit-mismatch.json", pretty(&reseal(mismatch, true)), Some(vec![Code::RevisitMismatch])),
        // Valid on its own; it does not extend `supervised-register-older.json`.
        ("invalid-register-register-rewritten.json", pretty(&reseal(rewritten, true)), Some(vec![Code::RegisterRewritten])),
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
    if name.contains("register-rewritten") {
        let older = std::fs::read(dir().join("supervised-register-older.json")).unwrap();
        let older = read_register(&older).unwrap();
        let newer = match read_register(bytes) {
            Ok(newer) => newer,
            Err(p) => return Some(codes(p)),
        };
        return extends(&older.register, &newer.register).err().map(codes);
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
        Code::RevisitMismatch,
        Code::RegisterRewritten,
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
fn the_session_keeps_the_register_under_supervision() {
    let mut s = session().clone();
    let register = supervised(7);
    s.supervised = Some(read_register(register.to_json().as_bytes()).unwrap());
    let json = s.to_json();
    let back = ProvinceSession::from_json(json.as_bytes(), &CatalogSet::builtin()).unwrap();
    let kept = back.supervised.as_ref().expect("kept");
    assert_eq!(kept.register.to_json(), register.to_json());
    assert_eq!(back.to_json(), json);
    assert!(back.rejected.is_empty());
    // A session without one writes no field (and older sessions read as before).
    assert!(!session().to_json().contains("\"supervised\""));
    // A stored register that no longer verifies is listed among the rejected files.
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["supervised"]["events"][1]["date"] = json!("2022-03-21");
    let back =
        ProvinceSession::from_json(v.to_string().as_bytes(), &CatalogSet::builtin()).unwrap();
    assert!(back.supervised.is_none());
    let rejected = back
        .rejected
        .iter()
        .find(|r| r.file_name == shifan_rules::province::SUPERVISED_FILE_NAME)
        .expect("listed");
    assert!(!rejected.problems.is_empty());
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

/// The codes reading `v` gives once resealed (chain and integrity), `None` when valid.
fn codes_of(v: Value) -> Option<Vec<Code>> {
    read_register(canonical::to_pretty(&reseal(v, true)).as_bytes())
        .err()
        .map(|p| p.into_iter().map(|p| p.code).collect())
}

#[test]
fn the_history_rules_refuse_what_supervision_cannot_have_done() {
    let valid = supervised(7).to_value();
    let [a, b, c, p] = supervised_entries();
    let event = |seq: usize, date: &str, body: Value| json!({"seq": seq, "date": date, "previous": "", "body": body, "hash": ""});
    let report = |entry: &EntryRef, year: u16| {
        json!({"report_received": {"entry": entry, "year": year,
            "report": canonical::fingerprint(&json!({"year": year}))}})
    };
    let check = |what: &str, edit: &dyn Fn(&mut Value), expect: Option<Vec<Code>>| {
        let mut v = valid.clone();
        edit(&mut v);
        assert_eq!(codes_of(v), expect, "{what}");
    };
    let push = |v: &mut Value, date: &str, body: Value| {
        let events = v["events"].as_array_mut().unwrap();
        let seq = events.len() + 1;
        events.push(event(seq, date, body));
    };
    let invalid = Some(vec![Code::InvalidRegister]);
    check("as written", &|_| {}, None);
    check(
        "a later report of a current place",
        &|v| push(v, "2023-03-01", report(&a, 2022)),
        None,
    );
    check(
        "events out of date order",
        &|v| v["events"][2]["date"] = json!("2022-03-01"),
        invalid.clone(),
    );
    check(
        "a report for an entry never named",
        &|v| {
            let mut other = c.clone();
            other.division_code = "140000".into();
            push(v, "2023-03-01", report(&other, 2022));
        },
        invalid.clone(),
    );
    check(
        "a report after the delisting",
        &|v| push(v, "2023-03-01", report(&b, 2022)),
        invalid.clone(),
    );
    check(
        "a second delisting",
        &|v| {
            let again = v["events"][6]["body"].clone();
            push(v, "2023-01-01", again);
        },
        invalid.clone(),
    );
    check(
        "a revisit after the delisting",
        &|v| {
            let revisit = v["events"][4]["body"].clone();
            push(v, "2023-01-01", revisit);
        },
        invalid.clone(),
    );
    check(
        "a report on a year before the naming",
        &|v| push(v, "2023-03-01", report(&c, 2020)),
        invalid.clone(),
    );
    check(
        "a report on a year not ended when received",
        &|v| push(v, "2023-03-01", report(&c, 2024)),
        invalid.clone(),
    );
    check(
        "the same year reported twice",
        &|v| push(v, "2023-03-01", report(&a, 2021)),
        invalid.clone(),
    );
    check(
        "a ground the profile lacks",
        &|v| v["events"][6]["body"]["delisted"]["ground"] = json!("dislike"),
        invalid.clone(),
    );
    check(
        "a delisting without its document number",
        &|v| v["events"][6]["body"]["delisted"]["document_number"] = json!(" "),
        invalid.clone(),
    );
    check(
        "a place's revisit without its assessment",
        &|v| v["events"][3]["body"]["revisit"]["assessment"] = Value::Null,
        invalid.clone(),
    );
    check(
        "a revisit held against another threshold",
        &|v| {
            v["events"][3]["body"]["revisit"]["assessment"]["threshold"] =
                json!({"numerator": 80, "denominator": 100});
        },
        invalid.clone(),
    );
    check(
        "more met than applicable",
        &|v| v["events"][3]["body"]["revisit"]["assessment"]["met"] = json!(101),
        invalid.clone(),
    );
    check(
        "a conclusion that the counts contradict",
        &|v| v["events"][3]["body"]["revisit"]["conclusion"] = json!("no_longer_meets"),
        Some(vec![Code::RevisitMismatch]),
    );
    check(
        "exactly at the bar still meets it",
        &|v| v["events"][3]["body"]["revisit"]["assessment"]["met"] = json!(90),
        None,
    );
    check(
        "just below the bar does not",
        &|v| v["events"][3]["body"]["revisit"]["assessment"]["met"] = json!(89),
        Some(vec![Code::RevisitMismatch]),
    );
    check(
        "a project's revisit missing an aspect",
        &|v| {
            v["events"][5]["body"]["revisit"]["aspects"]
                .as_array_mut()
                .unwrap()
                .pop();
        },
        invalid.clone(),
    );
    check(
        "a project's revisit with an assessment",
        &|v| {
            let fresh = v["events"][3]["body"]["revisit"]["assessment"].clone();
            v["events"][5]["body"]["revisit"]["assessment"] = fresh;
        },
        invalid.clone(),
    );
    check(
        "a revisit as the first event",
        &|v| {
            let events = v["events"].as_array_mut().unwrap();
            events.remove(0);
            for (i, e) in events.iter_mut().enumerate() {
                e["seq"] = json!(i + 1);
            }
        },
        Some(vec![
            Code::InvalidRegister,
            Code::InvalidRegister,
            Code::InvalidRegister,
            Code::InvalidRegister,
            Code::InvalidRegister,
            Code::InvalidRegister,
            Code::InvalidRegister,
        ]),
    );
    let _ = p;
}

#[test]
fn the_helpers_refuse_and_leave_the_register_as_it_was() {
    let [a, b, ..] = supervised_entries();
    let mut r = supervised(7);
    let before = r.to_json();
    // Another government's report, a report after delisting, a ground the profile lacks.
    assert!(
        r.receive_report(
            "2023-03-01".into(),
            a.clone(),
            &report_of(&b.division_code, 2022)
        )
        .is_err()
    );
    let err = r
        .receive_report(
            "2023-03-01".into(),
            b.clone(),
            &report_of(&b.division_code, 2022),
        )
        .unwrap_err();
    assert_eq!(err[0].code, Code::InvalidRegister);
    assert!(
        r.delist(
            "2023-03-01".into(),
            a.clone(),
            "dislike",
            "事实".into(),
            "文号".into()
        )
        .is_err()
    );
    assert_eq!(r.to_json(), before);
    // What is accepted reads back.
    r.receive_report(
        "2023-03-01".into(),
        a,
        &report_of(&supervised_entries()[0].division_code, 2022),
    )
    .unwrap();
    assert_eq!(read_register(r.to_json().as_bytes()).unwrap().register, r);
}

#[test]
fn a_newer_register_extends_an_older_one_and_a_rewritten_one_does_not() {
    let (older, newer) = (supervised(3), supervised(7));
    assert_eq!(extends(&older, &newer), Ok(()));
    assert_eq!(extends(&older, &older), Ok(()));
    let codes = |r: Result<(), Vec<shifan_rules::Problem>>| {
        r.unwrap_err()
            .into_iter()
            .map(|p| p.code)
            .collect::<Vec<_>>()
    };
    // Dropped: the older one is not an extension of the newer one.
    let dropped = extends(&newer, &older).unwrap_err();
    assert_eq!(dropped[0].code, Code::RegisterRewritten);
    assert!(
        dropped[0].message.en.contains("event 4"),
        "{:?}",
        dropped[0]
    );
    // Rewritten: a resealed edit of event 2.
    let mut v = newer.to_value();
    v["events"][1]["date"] = json!("2022-03-19");
    let rewritten = read_register(canonical::to_pretty(&reseal(v, true)).as_bytes()).unwrap();
    let problems = extends(&older, &rewritten.register).unwrap_err();
    assert!(
        problems[0].message.en.contains("event 2"),
        "{:?}",
        problems[0]
    );
    // Another round's register.
    let mut other = newer.clone();
    other.round.id = "other".into();
    assert_eq!(
        codes(extends(&older, &other)),
        vec![Code::RegisterRewritten]
    );
}

#[test]
fn each_place_stands_with_its_reports_per_year() {
    let [a, b, c, _] = supervised_entries();
    let day = |t: &str| Date::parse(t).unwrap();
    let of = |events: usize, today: &str| {
        let v = read_register(supervised(events).to_json().as_bytes()).unwrap();
        report_standings(&v, day(today))
    };
    let find = |rows: &[shifan_rules::supervision::YearStanding], e: &EntryRef, year: u16| {
        rows.iter()
            .find(|s| s.entry == *e && s.year == year)
            .map(|s| s.standing)
    };
    // Before the first reporting season nothing is due.
    assert!(of(3, "2021-12-31").is_empty());
    let season = of(3, "2022-03-31");
    assert_eq!(find(&season, &a, 2021), Some(ReportStanding::OnTime));
    assert_eq!(find(&season, &c, 2021), Some(ReportStanding::NotYetDue(0)));
    let after = of(3, "2022-04-10");
    assert_eq!(find(&after, &b, 2021), Some(ReportStanding::Late(5)));
    assert_eq!(find(&after, &c, 2021), Some(ReportStanding::Missing));
    assert_eq!(after.len(), 12, "one year for each of the 12 entries");
    // A year on, with B delisted: B is no longer followed, A owes 2022 by 31 March 2023.
    let later = of(7, "2023-01-01");
    assert_eq!(find(&later, &b, 2021), None);
    assert_eq!(find(&later, &a, 2022), Some(ReportStanding::NotYetDue(89)));
    assert_eq!(later.len(), 11 * 2);
    assert_eq!(
        ReportStanding::Late(5).label(shifan_rules::Lang::En),
        "5 days late"
    );
}

#[test]
fn the_public_list_has_current_places_then_delisted_ones_with_the_ground() {
    let v = read_register(supervised(7).to_json().as_bytes()).unwrap();
    let zh = public_list(&v, shifan_rules::Lang::Zh);
    assert_eq!(zh.rows.len(), 12);
    assert!(zh.rows.iter().all(|r| r.len() == zh.headers.len()));
    let text = |row: &Vec<shifan_rules::review::Cell>, i: usize| row[i].display(zh.lang);
    let last = zh.rows.last().unwrap();
    assert_eq!(text(last, 1), "已摘牌");
    assert_eq!(text(last, 8), "回访核查发现已不符合示范标准的");
    assert_eq!(text(last, 9), "晋法治办发〔2022〕9号");
    assert_eq!(text(last, 10), "2022-09-01");
    assert!(
        zh.rows[..11]
            .iter()
            .all(|r| text(r, 1) == "现为示范" && text(r, 8).is_empty())
    );
    assert_eq!(text(&zh.rows[0], 6), "晋法治办发〔2021〕5号");
    let en = public_list(&v, shifan_rules::Lang::En);
    assert_eq!(
        en.rows.last().unwrap()[8].display(en.lang),
        "A revisit check shows the bar is no longer met"
    );
    assert!(en.to_csv().contains("delisted"));
}

#[test]
fn a_government_finds_its_own_namings_or_is_told_why_not() {
    let verified = read_register(valid_register().to_json().as_bytes()).unwrap();
    let named = valid_register()
        .named()
        .next()
        .unwrap()
        .place
        .division_code
        .clone();
    assert!(!shifan_rules::supervision::own_namings(&verified, &named).is_empty());
    // A government the register does not name is told so, by name; none chosen, to choose.
    let other = shifan_rules::division::all()
        .iter()
        .map(|d| d.code.to_string())
        .find(|code| {
            shifan_rules::supervision::own_namings(&verified, code).is_empty()
                && shifan_rules::division::lookup(code).is_ok()
        })
        .unwrap();
    let problem = shifan_rules::supervision::not_named_problem(&verified, &other);
    assert_eq!(problem.code, Code::InvalidRegister);
    assert!(
        problem.message.zh.contains("山西省"),
        "{}",
        problem.message.zh
    );
    let none = shifan_rules::supervision::not_named_problem(&verified, "");
    assert!(
        none.message.en.contains("Choose your government"),
        "{}",
        none.message.en
    );
}

#[test]
fn the_office_changes_weights_as_typed_with_a_reason() {
    let mut s = session().clone();
    let before = s.profile().fingerprint().to_string();
    let formula = |s: &ProvinceSession| {
        s.rank(KindKey::Comprehensive)
            .into_iter()
            .map(|r| r.formula.en)
            .collect::<Vec<_>>()
    };
    let ranked_before = formula(&s);
    let parts = s
        .profile()
        .kind(KindKey::Comprehensive)
        .unwrap()
        .parts
        .len();
    let typed = |w: &[&str]| w.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    let mut weights = vec!["0"; parts];
    weights[..3].copy_from_slice(&["1/10", "60%", "0.3"]);
    // Each refusal leaves the profile as it was and says why.
    let check_refused = |s: &mut ProvinceSession, w: &[&str], reason: &str, says: &str| {
        let problems = s
            .change_weights(KindKey::Comprehensive, &typed(w), reason)
            .unwrap_err();
        assert!(problems.iter().all(|p| p.code == Code::InvalidProfile));
        let text: String = problems.iter().map(|p| p.message.en.clone()).collect();
        assert!(text.contains(says), "{text}");
        assert_eq!(s.profile().fingerprint(), before);
    };
    let mut unreadable = weights.clone();
    unreadable[1] = "sixty";
    check_refused(&mut s, &unreadable, "expert panel", "“sixty”");
    let mut too_much = weights.clone();
    too_much[2] = "0.4";
    check_refused(
        &mut s,
        &too_much,
        "expert panel",
        "add up to 11/10, not exactly 1",
    );
    check_refused(&mut s, &weights, "  ", "reason");
    s.change_weights(KindKey::Comprehensive, &typed(&weights), "expert panel")
        .unwrap();
    assert_ne!(s.profile().fingerprint(), before);
    let adjustment = s.profile().data().adjustments.last().unwrap();
    assert_eq!(adjustment.reason, "expert panel");
    assert!(
        adjustment.after.contains("evaluation=3/5"),
        "{}",
        adjustment.after
    );
    assert!(
        adjustment.after.contains("on_site=0"),
        "{}",
        adjustment.after
    );
    assert_eq!(
        adjustment.describe(shifan_rules::Lang::En),
        "desk review (self-assessed compliance) 1/5 → 1/10; third-party evaluation 1/2 → 3/5"
    );
    assert_ne!(formula(&s), ranked_before);
    // The changed profile is the session's: it survives the export.
    let back = ProvinceSession::from_json(s.to_json().as_bytes(), &CatalogSet::builtin()).unwrap();
    assert_eq!(back.profile().fingerprint(), s.profile().fingerprint());
}

/// An office's own catalog: the reference's table imported under another id.
fn office_catalog() -> Catalog {
    use shifan_rules::import::{TableMeta, export_csv, import_csv};
    let reference = Catalog::reference();
    let meta = TableMeta {
        id: "jinzhong-office-2021".into(),
        title: "晋中市法治政府建设示范指标体系（本地版）".into(),
        ..TableMeta::of(reference)
    };
    import_csv(export_csv(reference).as_bytes(), meta).expect("the reference table imports")
}

#[test]
fn a_session_read_without_its_catalog_keeps_every_package_and_takes_it_back_once_loaded() {
    let office = office_catalog();
    let mut with_office = CatalogSet::builtin();
    with_office.add(office.clone());
    let spec = SampleSpec::new("140105", 80, SampleKind::Comprehensive, 3);
    let file = sample_application(&office, &spec).unwrap();
    let verified = read_application(file.to_json().as_bytes(), &with_office).unwrap();
    let direct = sample_application(
        &office,
        &SampleSpec::new("140106", 70, SampleKind::Comprehensive, 4),
    )
    .unwrap();
    let package = taiyuan_package(&verified, "2021-03-01");
    let mut s = ProvinceSession::new(Profile::shanxi_2020());
    s.add_package(
        &package.file_name(),
        read_package(package.to_json().as_bytes(), &with_office).unwrap(),
    );
    s.add_application(
        "直报.json",
        read_application(direct.to_json().as_bytes(), &with_office).unwrap(),
    );
    let integrity = verified.file.integrity.clone();
    s.set_evaluation(
        &integrity,
        Some(Evaluation {
            evaluator: "山西省法治政府研究评估中心".into(),
            date: "2021-05-01".into(),
            score: "88".into(),
            scale: 100,
            report: "PG-2021-001-002".into(),
        }),
    )
    .unwrap();
    let stored = s.to_json();

    // Without the catalog: nothing in the pool, both files rejected with the coded problem
    // that asks for the catalog; written back, the record is the same.
    let mut read = ProvinceSession::from_json(stored.as_bytes(), &CatalogSet::builtin()).unwrap();
    assert!(read.candidates().is_empty());
    let names: Vec<&str> = read.rejected.iter().map(|r| r.file_name.as_str()).collect();
    assert_eq!(names, [package.file_name().as_str(), "直报.json"]);
    for r in &read.rejected {
        assert!(
            r.problems.iter().any(|p| p.code == Code::UnknownCatalog),
            "{r:?}"
        );
    }
    let written: Value = serde_json::from_str(&read.to_json()).unwrap();
    let original: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(written["packages"], original["packages"]);
    assert_eq!(written["applications"], original["applications"]);
    assert_eq!(written["evidence"], original["evidence"]);

    // Still without it: nothing comes back, nothing is lost.
    assert_eq!(read.verify_again(&CatalogSet::builtin()), 0);
    assert_eq!(read.rejected.len(), 2);
    // The catalog loaded: both candidates back, with the evidence recorded, none rejected.
    assert_eq!(read.verify_again(&with_office), 2);
    assert_eq!(read.candidates().len(), 2);
    assert!(read.rejected.is_empty());
    assert_eq!(read.evidence(&integrity).evaluation.unwrap().score, "88");
    let again: Value = serde_json::from_str(&read.to_json()).unwrap();
    assert_eq!(again["packages"], original["packages"]);
    assert_eq!(again["applications"], original["applications"]);
    assert_eq!(read.verify_again(&with_office), 0, "taken once");
}
