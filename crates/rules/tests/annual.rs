//! The annual report file: its committed fixtures in `tests/fixtures/annual/` (a valid report
//! and one invalid file per problem code a report can have), and property tests of its reader.
//!
//! Every fixture is generated here from the library, mostly by mutating a valid report the way
//! a real mistake would; regenerate them with
//! `SHIFAN_BLESS=1 cargo test -p shifan-rules --test annual`.

// Reads the file system and uses proptest: native only.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Value, json};
use shifan_rules::annual::{AnnualReport, ReportContent, SelfAssessment, read_report};
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::{
    Applicant, Catalog, CatalogSet, Code, Contact, Generator, Severity, canonical, read_application,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/annual")
}

/// What reading a fixture must give.
#[derive(Debug)]
enum Expect {
    /// Verifies with exactly these warning codes.
    Valid(&'static [Code]),
    /// Fails with exactly these problem codes, in this order; the first is the fixture's code.
    Invalid(&'static [Code]),
}

fn expectations() -> Vec<(&'static str, Expect)> {
    use Code::*;
    vec![
        ("valid-report.json", Expect::Valid(&[])),
        ("valid-national.json", Expect::Valid(&[])),
        (
            "warning-incomplete-report.json",
            Expect::Valid(&[IncompleteReport]),
        ),
        (
            "warning-invalid-contact.json",
            Expect::Valid(&[InvalidContact]),
        ),
        ("invalid-not-utf8.json", Expect::Invalid(&[NotUtf8])),
        ("invalid-utf16.json", Expect::Invalid(&[Utf16])),
        ("invalid-not-json.json", Expect::Invalid(&[NotJson])),
        ("invalid-too-deep.json", Expect::Invalid(&[TooDeep])),
        (
            "invalid-duplicate-key.json",
            Expect::Invalid(&[DuplicateKey]),
        ),
        (
            "invalid-other-document.json",
            Expect::Invalid(&[OtherDocument]),
        ),
        (
            "invalid-not-application.json",
            Expect::Invalid(&[NotApplication]),
        ),
        (
            "invalid-newer-version.json",
            Expect::Invalid(&[NewerVersion]),
        ),
        (
            "invalid-unknown-template.json",
            Expect::Invalid(&[UnknownTemplate]),
        ),
        ("invalid-invalid-part.json", Expect::Invalid(&[InvalidPart])),
        ("invalid-invalid-year.json", Expect::Invalid(&[InvalidYear])),
        (
            "invalid-invalid-self-assessment.json",
            Expect::Invalid(&[InvalidSelfAssessment]),
        ),
        (
            "invalid-unknown-division.json",
            Expect::Invalid(&[UnknownDivision, InvalidSelfAssessment]),
        ),
        (
            "invalid-applicant-mismatch.json",
            Expect::Invalid(&[ApplicantMismatch]),
        ),
        ("invalid-invalid-time.json", Expect::Invalid(&[InvalidTime])),
        (
            "invalid-integrity-mismatch.json",
            Expect::Invalid(&[IntegrityMismatch]),
        ),
    ]
}

/// The codes of the report's own rules: each must have a fixture here.
const REPORT_CODES: &[Code] = &[
    Code::UnknownTemplate,
    Code::InvalidPart,
    Code::IncompleteReport,
    Code::InvalidYear,
    Code::InvalidSelfAssessment,
];

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

const CREATED: &str = "2026-02-10T09:12:00+08:00";
const UPDATED: &str = "2026-03-20T16:40:00+08:00";

fn generator() -> Generator {
    Generator {
        name: "shifan-fixtures".into(),
        version: "1".into(),
    }
}

/// The texts of a report as a county office writes them: several paragraphs, figures, quotes.
const TEXTS: [&str; 5] = [
    "2025 年，小店区深入推进法治政府建设，各项工作取得新进展。\n\n一是深化“放管服”改革。全年梳理政务服务事项 1,286 项，“一网通办”率达到 98.6%，企业开办时间压减至 1 个工作日以内。\n二是规范重大行政决策。制定重大行政决策事项目录 12 项，均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。\n三是严格规范公正文明执法。全面推行行政执法“三项制度”，开展行政执法案卷评查 3 次，评查案卷 426 卷。",
    "一是部分执法人员运用法治思维和法治方式解决问题的能力有待提高；二是基层法治力量仍较薄弱，乡镇（街道）合法性审查工作人员不足；三是行政复议案件纠错率偏高。原因在于培训针对性不强、基层人员编制和经费保障不足。",
    "区委、区政府主要负责同志认真履行推进法治建设第一责任人职责，全年主持召开区委全面依法治区委员会会议 2 次、区政府常务会议专题研究法治政府建设 4 次，带头讲法治课 1 次，并在年终述职中专题述法。",
    "2026 年，小店区将重点做好以下工作：（一）持续优化法治化营商环境，牵头单位：区行政审批服务管理局，6 月底前完成；（二）加强基层合法性审查力量，年底前实现乡镇（街道）全覆盖；（三）提高行政复议办案质量，降低纠错率。",
    "小店区于 2024 年被命名为省级法治政府建设示范区，2025 年持续巩固示范创建成果。",
];

fn government(code: &str) -> Applicant {
    Applicant::from_code(
        code,
        Contact {
            name: "王丽".into(),
            phone: "0351-7654321".into(),
            email: "fzb@xiaodian.gov.cn".into(),
        },
    )
    .expect("a live code")
}

/// The year's self-assessment of 太原市小店区 (the valid-comprehensive application fixture).
fn attached() -> SelfAssessment {
    let spec = SampleSpec {
        division_code: "140105".into(),
        met: 92,
        kind: SampleKind::Comprehensive,
        seed: 11,
        created: shifan_rules::sample::DEFAULT_CREATED.into(),
        updated: shifan_rules::sample::DEFAULT_UPDATED.into(),
    };
    let file = sample_application(Catalog::reference(), &spec).expect("a sample");
    let verified =
        read_application(file.to_json().as_bytes(), &CatalogSet::builtin()).expect("verifies");
    SelfAssessment::of(&verified)
}

fn report(code: &str, national: bool, texts: [&str; 5], with_self: bool) -> AnnualReport {
    let mut content = ReportContent::blank(government(code), 2025, national);
    for (part, text) in content.parts.iter_mut().zip(texts) {
        part.text = text.into();
    }
    content.self_assessment = with_self.then(attached);
    AnnualReport::build(content, generator(), CREATED.into(), UPDATED.into())
}

fn valid() -> AnnualReport {
    report("140105", false, TEXTS, true)
}

fn bytes(value: &Value) -> Vec<u8> {
    canonical::to_pretty(value).into_bytes()
}

/// Recomputes the integrity fingerprint, as a tool that knows the format would after an edit.
fn reseal(mut value: Value) -> Value {
    value
        .as_object_mut()
        .expect("an object")
        .remove("integrity");
    let integrity = canonical::fingerprint(&value);
    value["integrity"] = Value::String(integrity);
    value
}

/// `edit` applied to the valid report's JSON, sealed again.
fn edited(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut value = valid().to_value();
    edit(&mut value);
    bytes(&reseal(value))
}

/// `text` with the first `from` replaced by `to`; the fixture is wrong if `from` is not there.
fn replaced(text: &str, from: &str, to: &str) -> Vec<u8> {
    assert!(text.contains(from), "{from:?} is not in the report");
    text.replacen(from, to, 1).into_bytes()
}

fn generate() -> BTreeMap<&'static str, Vec<u8>> {
    let mut out = BTreeMap::new();
    let base = valid();
    let json = base.to_json();
    out.insert("valid-report.json", json.clone().into_bytes());
    out.insert(
        "valid-national.json",
        report("140100", true, TEXTS, false).to_json().into_bytes(),
    );
    let mut incomplete = TEXTS;
    incomplete[1] = "";
    incomplete[2] = " \u{3000}\n";
    out.insert(
        "warning-incomplete-report.json",
        report("140105", false, incomplete, true)
            .to_json()
            .into_bytes(),
    );
    out.insert(
        "warning-invalid-contact.json",
        edited(|v| v["government"]["contact"]["phone"] = json!("7654")),
    );
    // Saved by an editor in GBK, as a Chinese Windows system's "ANSI" does.
    out.insert(
        "invalid-not-utf8.json",
        json.replace("小店区", "\u{0}")
            .into_bytes()
            .into_iter()
            .flat_map(|b| {
                if b == 0 {
                    vec![0xd0, 0xa1, 0xb5, 0xea, 0xc7, 0xf8]
                } else {
                    vec![b]
                }
            })
            .collect(),
    );
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(json.encode_utf16().flat_map(u16::to_le_bytes));
    out.insert("invalid-utf16.json", utf16);
    // A download cut short.
    out.insert(
        "invalid-not-json.json",
        json.as_bytes()[..json.len() / 2].to_vec(),
    );
    out.insert(
        "invalid-too-deep.json",
        format!("{}{}", "[".repeat(40), "]".repeat(40)).into_bytes(),
    );
    out.insert(
        "invalid-duplicate-key.json",
        replaced(
            &json,
            "  \"national\": false,",
            "  \"national\": true,\n  \"national\": false,",
        ),
    );
    let application = sample_application(
        Catalog::reference(),
        &SampleSpec::new("140105", 92, SampleKind::Comprehensive, 11),
    )
    .expect("a sample");
    out.insert(
        "invalid-other-document.json",
        application.to_json().into_bytes(),
    );
    out.insert(
        "invalid-not-application.json",
        edited(|v| v["year"] = json!("2025年")),
    );
    out.insert(
        "invalid-newer-version.json",
        edited(|v| v["format_version"] = json!(2)),
    );
    out.insert(
        "invalid-unknown-template.json",
        edited(|v| v["template"] = json!("province-annual-2030")),
    );
    out.insert(
        "invalid-invalid-part.json",
        edited(|v| {
            let parts = v["parts"].as_array_mut().expect("parts");
            parts.swap(0, 1);
        }),
    );
    out.insert(
        "invalid-invalid-year.json",
        edited(|v| v["year"] = json!(2027)),
    );
    out.insert(
        "invalid-invalid-self-assessment.json",
        edited(|v| v["self_assessment"]["division_code"] = json!("140106")),
    );
    out.insert(
        "invalid-unknown-division.json",
        edited(|v| v["government"]["division_code"] = json!("140199")),
    );
    out.insert(
        "invalid-applicant-mismatch.json",
        edited(|v| v["government"]["county"] = json!("迎泽区")),
    );
    out.insert(
        "invalid-invalid-time.json",
        edited(|v| v["updated"] = json!("2026/03/20 16:40")),
    );
    // A word changed by hand after export, the fingerprint left as it was.
    out.insert(
        "invalid-integrity-mismatch.json",
        replaced(&json, "1,286 项", "1,826 项"),
    );
    out
}

fn fixtures() -> &'static BTreeMap<&'static str, Vec<u8>> {
    static FIXTURES: OnceLock<BTreeMap<&'static str, Vec<u8>>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let fixtures = generate();
        if std::env::var_os("SHIFAN_BLESS").is_some() {
            std::fs::create_dir_all(dir()).expect("mkdir");
            for (name, content) in &fixtures {
                std::fs::write(dir().join(name), content).expect("write a fixture");
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

/// Reads fixture `name` and asserts `expected`.
fn check(name: &str, expected: &Expect) {
    match (expected, read_report(&read(name))) {
        (Expect::Valid(warnings), Ok(verified)) => {
            let codes: Vec<Code> = verified.warnings.iter().map(|p| p.code).collect();
            assert_eq!(codes, *warnings, "{name}");
            // Written back, a valid fixture is the same bytes.
            assert!(
                verified.report.to_json().as_bytes() == read(name).as_slice(),
                "{name}: write → read → write changed the bytes"
            );
        }
        (Expect::Invalid(codes), Err(problems)) => {
            let code = name
                .strip_prefix("invalid-")
                .and_then(|n| n.strip_suffix(".json"))
                .expect("invalid-<code>.json");
            assert_eq!(problems[0].code.as_str(), code, "{name}: {problems:#?}");
            assert_eq!(problems[0].severity(), Severity::Error, "{name}");
            let got: Vec<Code> = problems.iter().map(|p| p.code).collect();
            assert_eq!(got, *codes, "{name}: {problems:#?}");
        }
        (Expect::Valid(_), Err(problems)) => panic!("{name} should verify: {problems:#?}"),
        (Expect::Invalid(_), Ok(_)) => panic!("{name} should not verify"),
    }
}

#[test]
fn committed_fixtures_are_current_and_the_only_ones() {
    let stale: Vec<&str> = fixtures()
        .iter()
        .filter(|(name, content)| std::fs::read(dir().join(name)).ok().as_ref() != Some(content))
        .map(|(name, _)| *name)
        .collect();
    assert!(
        stale.is_empty(),
        "stale fixtures {stale:?}: regenerate with `SHIFAN_BLESS=1 cargo test -p shifan-rules --test annual`"
    );
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/fixtures/annual")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut expected: Vec<String> = expectations().iter().map(|(n, _)| n.to_string()).collect();
    expected.sort();
    assert_eq!(on_disk, expected);
    let generated: Vec<String> = fixtures().keys().map(|n| n.to_string()).collect();
    assert_eq!(generated, expected);
}

#[test]
fn every_fixture_reads_as_expected() {
    for (name, expected) in expectations() {
        check(name, &expected);
    }
}

#[test]
fn every_code_of_the_report_has_a_fixture() {
    let names: Vec<&str> = expectations().iter().map(|(n, _)| *n).collect();
    for code in REPORT_CODES {
        let prefix = match code.severity() {
            Severity::Error => "invalid",
            Severity::Warning => "warning",
        };
        let fixture = format!("{prefix}-{code}.json");
        assert!(
            names.contains(&fixture.as_str()),
            "add tests/fixtures/annual/{fixture}"
        );
    }
}

#[test]
fn the_document_reader_knows_a_report_and_the_application_reader_sends_it_on() {
    let bytes = read("valid-report.json");
    let doc =
        shifan_rules::document::read_document(&bytes, &CatalogSet::builtin()).expect("a document");
    assert!(matches!(
        doc,
        shifan_rules::document::Document::AnnualReport(_)
    ));
    let problems = read_application(&bytes, &CatalogSet::builtin()).unwrap_err();
    assert_eq!(problems[0].code, Code::OtherDocument);
    assert!(problems[0].message.zh.contains("年度报告"));
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn valid_bytes() -> &'static (Vec<u8>, Value) {
    static VALID: OnceLock<(Vec<u8>, Value)> = OnceLock::new();
    VALID.get_or_init(|| {
        let bytes = valid().to_json().into_bytes();
        let value = serde_json::from_slice(&bytes).expect("JSON");
        (bytes, value)
    })
}

/// Reading never panics, and verifies exactly when the bytes still mean the original report.
fn check_mutation(bytes: &[u8]) -> Result<(), TestCaseError> {
    let (_, original) = valid_bytes();
    let same = serde_json::from_slice::<Value>(bytes).is_ok_and(|v| v == *original);
    match read_report(bytes) {
        Ok(verified) => {
            prop_assert!(same, "a changed report verified");
            prop_assert_eq!(&verified.report.to_value(), original);
        }
        Err(problems) => {
            prop_assert!(!same, "an unchanged report failed: {:?}", problems);
            prop_assert!(!problems.is_empty());
        }
    }
    Ok(())
}

/// JSON pointers to every value of `value` that `pick` selects.
fn pointers(value: &Value, pick: &dyn Fn(&Value) -> bool) -> Vec<String> {
    fn walk(value: &Value, at: String, pick: &dyn Fn(&Value) -> bool, out: &mut Vec<String>) {
        if pick(value) {
            out.push(at.clone());
        }
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    walk(
                        v,
                        format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                        pick,
                        out,
                    );
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, format!("{at}/{i}"), pick, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, String::new(), pick, &mut out);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic_the_reader(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        prop_assert!(read_report(&bytes).is_err());
    }

    #[test]
    fn single_byte_mutations_are_caught(at in any::<Index>(), byte in any::<u8>()) {
        let (bytes, _) = valid_bytes();
        let mut mutated = bytes.clone();
        mutated[at.index(bytes.len())] = byte;
        check_mutation(&mutated)?;
    }

    #[test]
    fn truncations_are_caught(len in any::<Index>()) {
        let (bytes, _) = valid_bytes();
        check_mutation(&bytes[..len.index(bytes.len())])?;
    }

    #[test]
    fn any_text_in_any_string_is_caught(which in any::<Index>(), text in "\\PC{0,12}") {
        let (_, original) = valid_bytes();
        let strings = pointers(original, &Value::is_string);
        let mut value = original.clone();
        *value.pointer_mut(&strings[which.index(strings.len())]).expect("a string") = Value::from(text);
        check_mutation(&bytes(&value))?;
    }

    #[test]
    fn deleted_keys_are_caught(which in any::<Index>()) {
        let (_, original) = valid_bytes();
        let keys: Vec<String> = pointers(original, &|_| true).into_iter().filter(|p| !p.is_empty()).collect();
        let mut value = original.clone();
        let (parent, key) = keys[which.index(keys.len())].rsplit_once('/').map(|(p, k)| (p.to_string(), k.to_string())).expect("a parent");
        match value.pointer_mut(&parent).expect("the parent") {
            Value::Object(map) => { map.remove(&key); }
            Value::Array(items) => { items.remove(key.parse::<usize>().expect("an index")); }
            _ => unreachable!("parents are containers"),
        }
        check_mutation(&bytes(&value))?;
    }

    #[test]
    fn changed_numbers_are_caught(which in any::<Index>(), delta in 1u64..5000) {
        let (_, original) = valid_bytes();
        let numbers = pointers(original, &Value::is_number);
        let mut value = original.clone();
        let target = value.pointer_mut(&numbers[which.index(numbers.len())]).expect("a number");
        *target = Value::from(target.as_u64().expect("whole") + delta);
        check_mutation(&bytes(&value))?;
    }

    /// Any texts in any parts, sealed by the library, read back as written, with a warning
    /// exactly when a required part has nothing a reader sees; the published versions hold no
    /// unescaped markup of the user's.
    #[test]
    fn any_texts_round_trip(texts in prop::array::uniform5("\\PC{0,40}|[<>&\"' \n\u{3000}\u{200B}]{0,6}"), national in any::<bool>()) {
        let texts: [&str; 5] = [&texts[0], &texts[1], &texts[2], &texts[3], &texts[4]];
        let written = report("140105", national, texts, false);
        let json = written.to_json();
        let verified = read_report(json.as_bytes()).expect("a sealed report verifies");
        prop_assert_eq!(verified.report.to_json(), json);
        let blank_required = texts[..4].iter().any(|t| shifan_rules::application::narrative_length(t) == 0);
        prop_assert_eq!(verified.warnings.iter().any(|p| p.code == Code::IncompleteReport), blank_required);
        let html = written.publish_html(shifan_rules::Lang::Zh);
        let body = html.split("<body>").nth(1).expect("a body");
        let tags = body.matches('<').count();
        let allowed = body.matches("<h1>").count() + body.matches("</h1>").count()
            + body.matches("<h2>").count() + body.matches("</h2>").count()
            + body.matches("<p").count() + body.matches("</p>").count()
            + body.matches("<br>").count() + body.matches("</body>").count() + body.matches("</html>").count();
        prop_assert_eq!(tags, allowed, "{}", body);
    }
}
