//! The committed application fixtures in `tests/fixtures/`: how each one is made, and what
//! reading it must give.
//!
//! Every fixture is generated here from the library itself, mostly by mutating a valid file the
//! way a real user's mistake would (a hand edit that leaves the integrity fingerprint stale, a
//! file re-saved in another encoding, a download cut short …). The tests compare the committed
//! files with freshly generated ones; regenerate them with
//! `SHIFAN_BLESS=1 cargo test -p shifan-rules --test fixtures`.
//!
//! `too-large` is generated at test time and never committed.

// Reads the file system and uses proptest: native only.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use shifan_rules::ApplicationFile;
use shifan_rules::catalog::CatalogData;
use shifan_rules::import::{TableMeta, export_csv, import_csv};
use shifan_rules::input::MAX_FILE_BYTES;
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::{
    Applicant, Catalog, CatalogSet, Code, Contact, Draft, Generator, GovLevel, Kind, Severity,
    Status, Verified, canonical, read_application,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Where the fixtures live: `tests/fixtures/` at the repository root.
fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The catalog an office loaded from its own table, committed next to the fixtures.
const LOCAL_CATALOG: &str = "catalogs/jinzhong-local-2021.json";

/// What reading a fixture must give.
#[derive(Debug)]
enum Expect {
    /// Verifies with this compliance and exactly these warning codes.
    Valid {
        met: u32,
        applicable: u32,
        level: GovLevel,
        warnings: &'static [Code],
    },
    /// Fails with exactly these problem codes, in this order; the first is the fixture's code.
    Invalid(&'static [Code]),
}

/// The expected result of every committed application fixture.
fn expectations() -> Vec<(&'static str, Expect)> {
    use Code::*;
    let valid = |met, applicable, level| Expect::Valid {
        met,
        applicable,
        level,
        warnings: &[],
    };
    vec![
        ("valid-comprehensive.json", valid(92, 94, GovLevel::County)),
        ("valid-single-item.json", valid(78, 95, GovLevel::County)),
        ("valid-city.json", valid(95, 99, GovLevel::City)),
        ("below-bar.json", valid(80, 94, GovLevel::County)),
        (
            "warning-incomplete-single-item.json",
            Expect::Valid {
                met: 78,
                applicable: 95,
                level: GovLevel::County,
                warnings: &[IncompleteSingleItem],
            },
        ),
        (
            "warning-invalid-contact.json",
            Expect::Valid {
                met: 92,
                applicable: 94,
                level: GovLevel::County,
                warnings: &[InvalidContact, InvalidContact],
            },
        ),
        ("invalid-not-utf8.json", Expect::Invalid(&[NotUtf8])),
        ("invalid-utf16.json", Expect::Invalid(&[Utf16])),
        (
            "invalid-duplicate-key.json",
            Expect::Invalid(&[DuplicateKey]),
        ),
        (
            "invalid-other-document.json",
            Expect::Invalid(&[OtherDocument]),
        ),
        ("invalid-not-json.json", Expect::Invalid(&[NotJson])),
        ("invalid-too-deep.json", Expect::Invalid(&[TooDeep])),
        (
            "invalid-not-application.json",
            Expect::Invalid(&[NotApplication]),
        ),
        (
            "invalid-newer-version.json",
            Expect::Invalid(&[NewerVersion]),
        ),
        (
            "invalid-unknown-catalog.json",
            Expect::Invalid(&[UnknownCatalog]),
        ),
        (
            "invalid-catalog-mismatch.json",
            Expect::Invalid(&[CatalogMismatch]),
        ),
        (
            "invalid-unknown-indicator.json",
            Expect::Invalid(&[UnknownIndicator]),
        ),
        (
            "invalid-missing-indicator.json",
            Expect::Invalid(&[MissingIndicator, IntegrityMismatch]),
        ),
        (
            "invalid-duplicate-indicator.json",
            Expect::Invalid(&[DuplicateIndicator, IntegrityMismatch]),
        ),
        (
            "invalid-invalid-status.json",
            Expect::Invalid(&[InvalidStatus]),
        ),
        (
            "invalid-invalid-point.json",
            Expect::Invalid(&[InvalidPoint, IntegrityMismatch]),
        ),
        (
            "invalid-missing-reason.json",
            Expect::Invalid(&[MissingReason, IntegrityMismatch, SummaryMismatch]),
        ),
        (
            "invalid-override-without-reason.json",
            Expect::Invalid(&[OverrideWithoutReason, IntegrityMismatch, SummaryMismatch]),
        ),
        (
            "invalid-invalid-evidence.json",
            Expect::Invalid(&[InvalidEvidence, IntegrityMismatch]),
        ),
        (
            "invalid-unknown-division.json",
            Expect::Invalid(&[UnknownDivision]),
        ),
        (
            "invalid-applicant-mismatch.json",
            Expect::Invalid(&[ApplicantMismatch, IntegrityMismatch]),
        ),
        (
            "invalid-unknown-category.json",
            Expect::Invalid(&[UnknownCategory, IntegrityMismatch]),
        ),
        (
            "invalid-invalid-time.json",
            Expect::Invalid(&[InvalidTime, IntegrityMismatch]),
        ),
        (
            "invalid-integrity-mismatch.json",
            Expect::Invalid(&[IntegrityMismatch]),
        ),
        (
            "invalid-summary-mismatch.json",
            Expect::Invalid(&[SummaryMismatch]),
        ),
    ]
}

/// Codes that no committed application fixture carries, and why.
const NOT_COMMITTED: &[(Code, &str)] = &[
    (
        Code::TooLarge,
        "generated at test time: a 20 MB file is not committed",
    ),
    (
        Code::IncompleteSingleItem,
        "a warning: warning-incomplete-single-item.json",
    ),
    (
        Code::InvalidContact,
        "a warning: warning-invalid-contact.json",
    ),
    (Code::InvalidCatalog, "concerns catalog files"),
    (Code::InvalidTable, "concerns imported CSV tables"),
    (Code::UnknownApplication, "concerns recommendation packages"),
    (Code::InvalidDecision, "concerns recommendation packages"),
    (Code::OutsideCity, "concerns recommendation packages"),
    (
        Code::DuplicateSubmission,
        "concerns recommendation packages",
    ),
    (
        Code::InvalidContact,
        "a warning of the applicant form, not of files",
    ),
    // The province's codes: their fixtures are in `tests/fixtures/province/` (see
    // `tests/province.rs`).
    (
        Code::InvalidProfile,
        "fixture: province/invalid-profile.json",
    ),
    (Code::InvalidScores, "fixture: province/invalid-scores.csv"),
    (
        Code::InvalidFigures,
        "fixture: province/session-invalid-figures.json",
    ),
    (
        Code::RecommendedTwice,
        "fixture: province/session-warning-recommended-twice.json",
    ),
    (
        Code::EditedAfterPackaging,
        "fixture: province/session-warning-edited-after-packaging.json",
    ),
    (
        Code::InvalidRegister,
        "fixture: province/invalid-register-invalid-register.json",
    ),
    (
        Code::BrokenChain,
        "fixture: province/invalid-register-broken-chain.json",
    ),
    (
        Code::ProfileMismatch,
        "fixture: province/invalid-register-profile-mismatch.json",
    ),
    (
        Code::UnknownTemplate,
        "concerns annual reports: tests/fixtures/annual/",
    ),
    (
        Code::InvalidPart,
        "concerns annual reports: tests/fixtures/annual/",
    ),
    (
        Code::IncompleteReport,
        "concerns annual reports: tests/fixtures/annual/",
    ),
    (
        Code::InvalidYear,
        "concerns annual reports: tests/fixtures/annual/",
    ),
    (
        Code::InvalidSelfAssessment,
        "concerns annual reports: tests/fixtures/annual/",
    ),
    (
        Code::RevisitMismatch,
        "fixture: province/invalid-register-revisit-mismatch.json",
    ),
    (
        Code::RegisterRewritten,
        "fixture: province/invalid-register-register-rewritten.json (against supervised-register-older.json)",
    ),
];

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

const CREATED: &str = shifan_rules::sample::DEFAULT_CREATED;
const UPDATED: &str = shifan_rules::sample::DEFAULT_UPDATED;

fn sample_in(
    catalog: &Catalog,
    code: &str,
    met: u32,
    kind: SampleKind,
    seed: u64,
) -> ApplicationFile {
    let spec = SampleSpec {
        division_code: code.into(),
        met,
        kind,
        seed,
        created: CREATED.into(),
        updated: UPDATED.into(),
    };
    sample_application(catalog, &spec).expect("a valid sample")
}

fn sample(code: &str, met: u32, kind: SampleKind, seed: u64) -> ApplicationFile {
    sample_in(Catalog::reference(), code, met, kind, seed)
}

/// 太原市小店区, well above the bar: the file most mistakes are made in.
fn comprehensive() -> ApplicationFile {
    sample("140105", 92, SampleKind::Comprehensive, 11)
}

/// 晋中市平遥县, a single-item project on the business environment.
fn single_item() -> ApplicationFile {
    sample(
        "140728",
        78,
        SampleKind::SingleItem("business-environment".into()),
        2,
    )
}

fn bytes(value: &Value) -> Vec<u8> {
    canonical::to_pretty(value).into_bytes()
}

/// Recomputes the integrity fingerprint the way the library does (over every other field), as a
/// tool that knows the format would after changing a file.
fn reseal(mut value: Value) -> Value {
    let map = value.as_object_mut().expect("an object");
    map.remove("integrity");
    let integrity = canonical::fingerprint(&value);
    value["integrity"] = Value::String(integrity);
    value
}

fn answers(value: &mut Value) -> &mut Vec<Value> {
    value["answers"].as_array_mut().expect("answers")
}

/// The index of the first answer with `status` that satisfies `also`.
fn first_with(value: &Value, status: Status, also: impl Fn(&Value) -> bool) -> usize {
    value["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .position(|a| a["status"] == status.as_str() && also(a))
        .unwrap_or_else(|| panic!("no {status:?} answer"))
}

/// Replaces every occurrence of each UTF-8 name with its GBK bytes, as an editor set to the
/// Windows "ANSI" code page of a Chinese system would save it.
fn gbk_names(utf8: &[u8]) -> Vec<u8> {
    const NAMES: &[(&str, &[u8])] = &[
        ("山西省", b"\xc9\xbd\xce\xf7\xca\xa1"),
        ("太原市", b"\xcc\xab\xd4\xad\xca\xd0"),
        ("小店区", b"\xd0\xa1\xb5\xea\xc7\xf8"),
    ];
    let mut out = utf8.to_vec();
    for (name, gbk) in NAMES {
        let from = name.as_bytes();
        let mut next = Vec::with_capacity(out.len());
        let mut i = 0;
        while i < out.len() {
            if out[i..].starts_with(from) {
                next.extend_from_slice(gbk);
                i += from.len();
            } else {
                next.push(out[i]);
                i += 1;
            }
        }
        out = next;
    }
    out
}

/// A catalog a city office imported from its own copy of the table (same content, its own id).
fn local_catalog() -> Catalog {
    let reference = Catalog::reference();
    let meta = TableMeta {
        id: "jinzhong-local-2021".into(),
        title: "市县法治政府建设示范指标体系(晋中市本地导入版)".into(),
        issuer: "晋中市委依法治市办(示例)".into(),
        year: 2021,
        provenance: "测试用:由参考目录导出的表格重新导入,仅标识不同。".into(),
        ..TableMeta::of(reference)
    };
    import_csv(export_csv(reference).as_bytes(), meta).expect("the reference table imports")
}

/// An earlier revision of the reference catalog: same id, one criterion worded differently.
fn earlier_reference() -> Catalog {
    let mut data: CatalogData = Catalog::reference().data().clone();
    let criterion = &mut data.areas[0].sections[0].indicators[0].criteria[0];
    criterion.push_str("(修订前措辞)");
    Catalog::from_data(data).expect("still a valid catalog")
}

/// Every fixture, by file name relative to `tests/fixtures/`.
fn generate() -> BTreeMap<&'static str, Vec<u8>> {
    let mut out = BTreeMap::new();
    let reference = Catalog::reference();
    let base = comprehensive();
    let base_value = base.to_value();
    let single = single_item();

    out.insert("valid-comprehensive.json", base.to_json().into_bytes());
    out.insert("valid-single-item.json", single.to_json().into_bytes());
    // 大同市: a prefecture-level city, so the city-only indicators count.
    out.insert(
        "valid-city.json",
        sample("140200", 95, SampleKind::Comprehensive, 3)
            .to_json()
            .into_bytes(),
    );
    // 吕梁市临县: a sound file whose estimate is below the 90% bar.
    out.insert(
        "below-bar.json",
        sample("141124", 80, SampleKind::Comprehensive, 4)
            .to_json()
            .into_bytes(),
    );

    // Exported from the web app before the narrative was written: readable, not ready.
    {
        let verified = read_application(single.to_json().as_bytes(), &CatalogSet::builtin())
            .expect("the single-item sample verifies");
        let mut draft = Draft::from_verified("fixture".into(), &verified);
        if let Kind::SingleItem { narrative, .. } = &mut draft.kind {
            narrative.leadership.clear();
            narrative.replicability.clear();
        }
        let generator = Generator {
            name: "shifan-web".into(),
            version: "0.1.0".into(),
        };
        let file = draft
            .to_application(reference, generator, UPDATED.into())
            .expect("an incomplete narrative still exports");
        out.insert(
            "warning-incomplete-single-item.json",
            file.to_json().into_bytes(),
        );
    }

    // The contact typed in a hurry: a phone number short of digits, an address without its
    // domain. Readable, with two warnings.
    {
        let mut value = base_value.clone();
        value["applicant"]["contact"] =
            json!({"name": "李明", "phone": "0351-12345", "email": "liming@"});
        out.insert("warning-invalid-contact.json", bytes(&reseal(value)));
    }

    // Someone corrected the names in an editor that saves in GBK (Windows "ANSI").
    out.insert(
        "invalid-not-utf8.json",
        gbk_names(base.to_json().as_bytes()),
    );

    // The download was cut short.
    {
        let text = base.to_json();
        let cut = text[..text.len() * 3 / 5]
            .rfind('\n')
            .expect("a line break");
        out.insert("invalid-not-json.json", text.as_bytes()[..=cut].to_vec());
    }

    // A broken converter wrapped an evidence list in 40 levels of arrays.
    {
        let mut value = base_value.clone();
        let mut nested = json!([]);
        for _ in 0..40 {
            nested = json!([nested]);
        }
        answers(&mut value)[0]["evidence"] = nested;
        out.insert("invalid-too-deep.json", bytes(&value));
    }

    // The indicator catalog sent instead of the exported application.
    out.insert(
        "invalid-not-application.json",
        reference.to_json().into_bytes(),
    );

    // Notepad's "Save as … Unicode": UTF-16 (little-endian, with its byte-order mark).
    {
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in base.to_json().encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        out.insert("invalid-utf16.json", utf16);
    }

    // A hand edit added a second format_version instead of changing the first: a reader that
    // let the last one win would call it a newer version.
    {
        let text = base.to_json();
        let edited = text.replacen(
            "  \"format_version\": 1,\n",
            "  \"format_version\": 1,\n  \"format_version\": 2,\n",
            1,
        );
        assert_ne!(edited, text, "the base has a format_version line");
        out.insert("invalid-duplicate-key.json", edited.into_bytes());
    }

    // The browser's saved draft sent instead of the exported application.
    {
        let verified = read_application(base.to_json().as_bytes(), &CatalogSet::builtin())
            .expect("the base verifies");
        let draft = Draft::from_verified("draft-140105".into(), &verified);
        let pretty = canonical::to_pretty(&serde_json::from_str(&draft.to_json()).expect("json"));
        out.insert("invalid-other-document.json", pretty.into_bytes());
    }

    // Written by a future shifan with format version 2.
    {
        let mut value = base_value.clone();
        value["format_version"] = json!(2);
        out.insert("invalid-newer-version.json", bytes(&reseal(value)));
    }

    // Answered against a catalog the office loaded; valid once that catalog is loaded too.
    {
        let local = local_catalog();
        out.insert(LOCAL_CATALOG, local.to_json().into_bytes());
        let file = sample_in(&local, "140702", 91, SampleKind::Comprehensive, 5);
        out.insert("invalid-unknown-catalog.json", file.to_json().into_bytes());
    }

    // Answered against an earlier revision of the reference catalog.
    out.insert(
        "invalid-catalog-mismatch.json",
        sample_in(
            &earlier_reference(),
            "140105",
            92,
            SampleKind::Comprehensive,
            11,
        )
        .to_json()
        .into_bytes(),
    );

    // A spreadsheet converter exported the additional item as indicator 101, and sealed it.
    {
        let mut answers = base.answers.clone();
        answers.push(shifan_rules::Answer::unanswered(101));
        let file = ApplicationFile::build(
            reference,
            base.applicant.clone(),
            Kind::Comprehensive,
            answers,
            Generator {
                name: "excel-to-shifan".into(),
                version: "0.3".into(),
            },
            CREATED.into(),
            UPDATED.into(),
        );
        out.insert(
            "invalid-unknown-indicator.json",
            file.to_json().into_bytes(),
        );
    }

    // The county deleted the answers to the city-only indicators 16–20 by hand.
    {
        let mut value = base_value.clone();
        answers(&mut value).retain(|a| !(16..=20).contains(&a["number"].as_u64().unwrap_or(0)));
        out.insert("invalid-missing-indicator.json", bytes(&value));
    }

    // An answer block pasted twice while editing.
    {
        let mut value = base_value.clone();
        let copy = answers(&mut value)[29].clone();
        answers(&mut value).insert(30, copy);
        out.insert("invalid-duplicate-indicator.json", bytes(&value));
    }

    // A status typed in Chinese.
    {
        let mut value = base_value.clone();
        let i = first_with(&value, Status::PartlyMet, |_| true);
        answers(&mut value)[i]["status"] = json!("达标");
        out.insert("invalid-invalid-status.json", bytes(&value));
    }

    // Ticked points renumbered from 1 instead of 0.
    {
        let mut value = base_value.clone();
        let i = first_with(&value, Status::Met, |_| true);
        for point in answers(&mut value)[i]["satisfied"]
            .as_array_mut()
            .expect("points")
        {
            *point = json!(point.as_u64().expect("a point") + 1);
        }
        out.insert("invalid-invalid-point.json", bytes(&value));
    }

    // A gap declared not applicable by hand, without a reason.
    {
        let mut value = base_value.clone();
        let i = first_with(&value, Status::NotMet, |_| true);
        let answer = &mut answers(&mut value)[i];
        answer["status"] = json!("not_applicable");
        answer["satisfied"] = json!([]);
        out.insert("invalid-missing-reason.json", bytes(&value));
    }

    // A partly met indicator promoted to met by hand, points left as they were.
    {
        let mut value = base_value.clone();
        let i = first_with(&value, Status::PartlyMet, |_| true);
        answers(&mut value)[i]["status"] = json!("met");
        out.insert("invalid-override-without-reason.json", bytes(&value));
    }

    // An evidence date written the Chinese way.
    {
        let mut value = base_value.clone();
        let i = first_with(&value, Status::Met, |a| a["evidence"][0]["date"] != "");
        answers(&mut value)[i]["evidence"][0]["date"] = json!("2025年3月15日");
        out.insert("invalid-invalid-evidence.json", bytes(&value));
    }

    // A converter filled the applicant from pre-2019 records: 太谷县 140726 is now 太谷区 140703.
    {
        let applicant = Applicant {
            division_code: "140726".into(),
            province: "山西省".into(),
            city: "晋中市".into(),
            county: "太谷县".into(),
            level: GovLevel::County,
            contact: Contact::default(),
        };
        let file = ApplicationFile::build(
            reference,
            applicant,
            Kind::Comprehensive,
            base.answers.clone(),
            Generator {
                name: "excel-to-shifan".into(),
                version: "0.3".into(),
            },
            CREATED.into(),
            UPDATED.into(),
        );
        out.insert("invalid-unknown-division.json", file.to_json().into_bytes());
    }

    // The county name changed by hand; the code still says 小店区.
    {
        let mut value = base_value.clone();
        value["applicant"]["county"] = json!("迎泽区");
        out.insert("invalid-applicant-mismatch.json", bytes(&value));
    }

    // The category's title typed where its id belongs.
    {
        let mut value = single.to_value();
        value["kind"]["category"] = json!("优化法治化营商环境");
        out.insert("invalid-unknown-category.json", bytes(&value));
    }

    // The write time retyped by hand.
    {
        let mut value = base_value.clone();
        value["updated"] = json!("2026-11-20 17:30");
        out.insert("invalid-invalid-time.json", bytes(&value));
    }

    // A note polished after export.
    {
        let mut value = base_value.clone();
        let i = first_with(&value, Status::PartlyMet, |a| a["note"] != "");
        answers(&mut value)[i]["note"] = json!("已全部整改到位");
        out.insert("invalid-integrity-mismatch.json", bytes(&value));
    }

    // A gap promoted to met with every point ticked and the fingerprint recomputed, but the
    // summary left as it was.
    {
        let mut value = base_value.clone();
        let i = first_with(&value, Status::PartlyMet, |_| true);
        let number = value["answers"][i]["number"].as_u64().expect("number");
        let points = reference
            .indicator(u16::try_from(number).expect("small"))
            .expect("indicator")
            .criteria
            .len();
        let answer = &mut answers(&mut value)[i];
        answer["status"] = json!("met");
        answer["satisfied"] = json!((0..points).collect::<Vec<_>>());
        out.insert("invalid-summary-mismatch.json", bytes(&reseal(value)));
    }
    out
}

/// The fixtures, generated once per test run; with `SHIFAN_BLESS` set they are also written.
fn fixtures() -> &'static BTreeMap<&'static str, Vec<u8>> {
    static FIXTURES: OnceLock<BTreeMap<&'static str, Vec<u8>>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let fixtures = generate();
        if std::env::var_os("SHIFAN_BLESS").is_some() {
            for (name, content) in &fixtures {
                let path = dir().join(name);
                std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
                std::fs::write(&path, content)
                    .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            }
        }
        fixtures
    })
}

fn read(name: &str) -> Vec<u8> {
    fixtures();
    let path = dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn catalogs_with_local() -> CatalogSet {
    let mut catalogs = CatalogSet::builtin();
    let local = Catalog::from_json(&read(LOCAL_CATALOG)).expect("the committed catalog loads");
    catalogs.add(local);
    catalogs
}

/// Reads fixture `name` and asserts `expected`.
fn check(name: &str, expected: &Expect) -> Option<Verified> {
    let result = read_application(&read(name), &CatalogSet::builtin());
    match (expected, result) {
        (
            Expect::Valid {
                met,
                applicable,
                level,
                warnings,
            },
            Ok(verified),
        ) => {
            let total = verified.score.total;
            assert_eq!(
                (total.met, total.applicable()),
                (*met, *applicable),
                "{name}: met ÷ applicable"
            );
            assert_eq!(verified.file.applicant.level, *level, "{name}: level");
            let codes: Vec<Code> = verified.warnings.iter().map(|p| p.code).collect();
            assert_eq!(codes, *warnings, "{name}: warnings");
            assert!(
                verified
                    .warnings
                    .iter()
                    .all(|p| p.severity() == Severity::Warning)
            );
            Some(verified)
        }
        (Expect::Invalid(codes), Err(problems)) => {
            let expected_code = name
                .strip_prefix("invalid-")
                .and_then(|n| n.strip_suffix(".json"))
                .expect("invalid-<code>.json");
            assert_eq!(
                problems[0].code.as_str(),
                expected_code,
                "{name}: {problems:#?}"
            );
            assert_eq!(problems[0].severity(), Severity::Error, "{name}");
            let got: Vec<Code> = problems.iter().map(|p| p.code).collect();
            assert_eq!(got, *codes, "{name}: {problems:#?}");
            None
        }
        (Expect::Valid { .. }, Err(problems)) => panic!("{name} should verify: {problems:#?}"),
        (Expect::Invalid(_), Ok(_)) => panic!("{name} should not verify"),
    }
}

#[test]
fn committed_fixtures_are_current() {
    let mut stale = Vec::new();
    for (name, content) in fixtures() {
        let committed = std::fs::read(dir().join(name)).unwrap_or_default();
        if committed != *content {
            stale.push(*name);
        }
    }
    assert!(
        stale.is_empty(),
        "stale fixtures {stale:?}: regenerate with `SHIFAN_BLESS=1 cargo test -p shifan-rules --test fixtures`"
    );
}

#[test]
fn every_fixture_reads_as_expected() {
    for (name, expected) in expectations() {
        check(name, &expected);
    }
}

#[test]
fn the_directory_holds_exactly_the_expected_fixtures() {
    fixtures();
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/fixtures")
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut expected: Vec<String> = expectations().iter().map(|(n, _)| n.to_string()).collect();
    expected.sort();
    assert_eq!(on_disk, expected);
    let generated: Vec<&str> = fixtures()
        .keys()
        .copied()
        .filter(|n| !n.contains('/'))
        .collect();
    assert_eq!(generated, expected);
}

/// An excuse that names its fixture elsewhere names a file that is there.
#[test]
fn every_fixture_named_elsewhere_exists() {
    for (code, why) in NOT_COMMITTED {
        // The path, then perhaps why in words: `fixture: province/x.json (against y.json)`.
        if let Some(path) = why
            .strip_prefix("fixture: ")
            .and_then(|rest| rest.split_whitespace().next())
        {
            assert!(
                dir().join(path).is_file(),
                "{code}: tests/fixtures/{path} is missing"
            );
        }
    }
}

#[test]
fn every_code_that_concerns_application_files_has_a_fixture() {
    let names: Vec<&str> = expectations().iter().map(|(n, _)| *n).collect();
    for code in Code::ALL {
        let fixture = format!("invalid-{code}.json");
        let committed = names.contains(&fixture.as_str());
        let excused = NOT_COMMITTED.iter().any(|(c, _)| c == code);
        assert!(
            committed != excused,
            "code {code}: add tests/fixtures/{fixture} or list it in NOT_COMMITTED (not both)"
        );
    }
}

#[test]
fn valid_fixtures_write_back_byte_identical() {
    for (name, expected) in expectations() {
        if let Some(verified) = check(name, &expected) {
            let original = read(name);
            let written = verified.file.to_json();
            assert!(
                written.as_bytes() == original.as_slice(),
                "{name}: write → read → write changed the bytes"
            );
            let again = read_application(written.as_bytes(), &CatalogSet::builtin())
                .expect("the written file verifies");
            assert_eq!(again.file.to_json(), written, "{name}");
        }
    }
}

#[test]
fn city_only_indicators_count_for_a_city_and_not_for_a_county() {
    let reference = Catalog::reference();
    let city_only = reference
        .indicators()
        .filter(|i| i.applies_to == shifan_rules::Applicability::City)
        .count() as u32;
    assert!(city_only > 0);
    let city = check(
        "valid-city.json",
        &expectations()
            .into_iter()
            .find(|(n, _)| *n == "valid-city.json")
            .expect("listed")
            .1,
    )
    .expect("valid");
    assert_eq!(city.score.total.excluded, 0);
    let county =
        read_application(&read("valid-comprehensive.json"), &CatalogSet::builtin()).expect("valid");
    assert_eq!(county.score.total.excluded, city_only);
}

#[test]
fn the_unknown_catalog_fixture_verifies_once_its_catalog_is_loaded() {
    let verified = read_application(
        &read("invalid-unknown-catalog.json"),
        &catalogs_with_local(),
    )
    .expect("valid against the loaded catalog");
    assert_eq!(verified.file.catalog.id, "jinzhong-local-2021");
    assert_eq!(verified.score.total.met, 91);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let mut big = read("valid-comprehensive.json");
    big.resize(MAX_FILE_BYTES + 1, b' ');
    let problems = read_application(&big, &CatalogSet::builtin()).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, Code::TooLarge);
    // Exactly at the limit it is still read (trailing white space is fine).
    big.truncate(MAX_FILE_BYTES);
    assert!(read_application(&big, &CatalogSet::builtin()).is_ok());
}
