//! The committed recommendation-package fixtures in `tests/fixtures/packages/`: a valid package
//! of 太原市 and one file per problem a package can have, named like the application fixtures
//! (`valid-*`, `warning-<code>.json`, `invalid-<code>.json`: the first problem's code).
//!
//! Generated here from the library's samples; the tests compare the committed files with fresh
//! ones (`SHIFAN_BLESS=1 cargo test -p shifan-rules --test package_fixtures` rewrites them).
//! The CLI test `crates/cli/tests/packages.rs` checks each through `shifan check`.

// Reads the file system: native only.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use shifan_rules::package::{Decision, Package, Review, Reviewer, read_package};
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::{
    Catalog, CatalogSet, Code, Generator, Severity, Verified, canonical, read_application,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/packages")
}

fn sample(code: &str, met: u32, seed: u64) -> Verified {
    let spec = SampleSpec {
        division_code: code.into(),
        met,
        kind: SampleKind::Comprehensive,
        seed,
        created: shifan_rules::sample::DEFAULT_CREATED.into(),
        updated: shifan_rules::sample::DEFAULT_UPDATED.into(),
    };
    let file = sample_application(Catalog::reference(), &spec).expect("a valid sample");
    read_application(file.to_json().as_bytes(), &CatalogSet::builtin()).expect("verifies")
}

fn package_of(apps: &[&Verified], decisions: Vec<(Decision, Option<u32>, String)>) -> Package {
    let review = Review {
        city_code: 140100,
        reviewer: Reviewer {
            name: "李华".into(),
            office: "太原市委依法治市办".into(),
        },
        date: "2026-12-01".into(),
        decisions,
    };
    let generator = Generator {
        name: "shifan-web".into(),
        version: "0.1.0".into(),
    };
    Package::build(&review, apps, generator, "2026-12-01T10:00:00+08:00".into())
        .expect("a valid package")
}

/// The package's fingerprint recomputed after an edit, as a tool that knows the format would.
fn reseal(mut value: Value) -> Vec<u8> {
    value.as_object_mut().expect("object").remove("integrity");
    value["integrity"] = json!(canonical::fingerprint(&value));
    canonical::to_pretty(&value).into_bytes()
}

/// Every fixture by file name, with the codes reading it gives (errors when refused, warnings
/// when accepted).
fn generate() -> BTreeMap<&'static str, (Vec<u8>, Vec<Code>)> {
    use Code::*;
    let a = sample("140105", 92, 11);
    let b = sample("140106", 85, 3);
    let c = sample("140107", 91, 4);
    let valid = package_of(
        &[&a, &b, &c],
        vec![
            (Decision::Recommend, Some(2), "材料齐全，指标达标".into()),
            (
                Decision::NotRecommend,
                None,
                "差距较大，建议明年再报".into(),
            ),
            (Decision::Recommend, Some(1), "特色突出".into()),
        ],
    );
    let value = valid.to_value();
    let edited = |f: &dyn Fn(&mut Value)| {
        let mut v = value.clone();
        f(&mut v);
        reseal(v)
    };
    let mut out = BTreeMap::new();
    out.insert("valid-package.json", (valid.to_json().into_bytes(), vec![]));
    out.insert(
        "invalid-integrity-mismatch.json",
        (
            valid
                .to_json()
                .replacen("特色突出", "特色鲜明", 1)
                .into_bytes(),
            vec![IntegrityMismatch],
        ),
    );
    out.insert(
        "invalid-newer-version.json",
        (
            edited(&|v| v["format_version"] = json!(2)),
            vec![NewerVersion],
        ),
    );
    out.insert(
        "invalid-unknown-application.json",
        (
            edited(&|v| {
                v["decisions"][1]["application"] = json!(format!("sha256:{}", "b".repeat(64)))
            }),
            vec![UnknownApplication],
        ),
    );
    out.insert(
        "invalid-invalid-decision.json",
        (
            edited(&|v| v["decisions"][0]["rank"] = json!(1)),
            vec![InvalidDecision],
        ),
    );
    out.insert(
        "invalid-outside-city.json",
        (
            edited(&|v| {
                let other = sample("140728", 91, 9);
                v["applications"][1] = other.file.to_value();
                v["decisions"][1]["application"] = json!(other.file.integrity);
            }),
            vec![OutsideCity],
        ),
    );
    out.insert(
        "invalid-summary-mismatch.json",
        (
            edited(&|v| {
                // An embedded application whose summary was raised and resealed, inside a
                // package resealed too.
                let mut app = v["applications"][1].clone();
                app["summary"]["total"]["met"] = json!(95);
                app.as_object_mut().expect("object").remove("integrity");
                let integrity = canonical::fingerprint(&app);
                app["integrity"] = json!(integrity.clone());
                v["applications"][1] = app;
                v["decisions"][1]["application"] = json!(integrity);
            }),
            vec![SummaryMismatch],
        ),
    );
    {
        let again = sample("140105", 93, 12);
        let dup = package_of(
            &[&a, &again],
            vec![
                (Decision::Recommend, Some(1), String::new()),
                (Decision::Pending, None, String::new()),
            ],
        );
        out.insert(
            "warning-duplicate-submission.json",
            (dup.to_json().into_bytes(), vec![DuplicateSubmission]),
        );
    }
    out
}

#[test]
fn every_package_fixture_reads_as_named_and_is_current() {
    let bless = std::env::var_os("SHIFAN_BLESS").is_some();
    if bless {
        let _ = std::fs::remove_dir_all(dir());
        std::fs::create_dir_all(dir()).expect("mkdir");
    }
    let fixtures = generate();
    for (name, (bytes, codes)) in &fixtures {
        let path = dir().join(name);
        if bless {
            std::fs::write(&path, bytes).expect("write");
        }
        assert!(
            std::fs::read(&path).unwrap_or_default() == *bytes,
            "{name} is stale: SHIFAN_BLESS=1 cargo test -p shifan-rules --test package_fixtures"
        );
        let got: Vec<Code> = match read_package(bytes, &CatalogSet::builtin()) {
            Ok(p) => {
                assert!(p.warnings.iter().all(|w| w.severity() == Severity::Warning));
                p.warnings.iter().map(|w| w.code).collect()
            }
            Err(problems) => {
                assert_eq!(problems[0].severity(), Severity::Error, "{name}");
                problems.iter().take(1).map(|p| p.code).collect()
            }
        };
        assert_eq!(got, *codes, "{name}");
        let stem = name.strip_suffix(".json").expect(".json");
        match stem.split_once('-') {
            Some(("invalid" | "warning", code)) => assert_eq!(codes[0].as_str(), code, "{name}"),
            _ => assert!(codes.is_empty(), "{name}"),
        }
    }
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .expect("dir")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let expected: Vec<String> = fixtures.keys().map(|k| k.to_string()).collect();
    assert_eq!(on_disk, expected);
}

#[test]
fn every_package_code_has_a_fixture() {
    let fixtures = generate();
    for code in [
        Code::UnknownApplication,
        Code::InvalidDecision,
        Code::OutsideCity,
        Code::DuplicateSubmission,
    ] {
        assert!(
            fixtures
                .values()
                .any(|(_, codes)| codes.first() == Some(&code)),
            "{code}: no package fixture"
        );
    }
}
