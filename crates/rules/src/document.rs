//! Reading any shifan document — an application file, a recommendation package, a register or
//! an annual report — when the caller does not know in advance which one it was given (a folder
//! of submissions, a file dropped on the page). The bytes are parsed once and dispatched on
//! their `format` field.

use crate::annual::{self, VerifiedReport, is_annual_report};
use crate::application::{Verified, verify_parsed};
use crate::catalog::CatalogSet;
use crate::input::{MAX_FILE_BYTES, parse_json, too_large};
use crate::package::{self, MAX_PACKAGE_BYTES, VerifiedPackage, is_package};
use crate::problem::Problem;
use crate::register::{self, MAX_REGISTER_BYTES, VerifiedRegister, is_register};

/// A verified document.
#[derive(Clone, Debug)]
pub enum Document {
    /// An application file.
    Application(Box<Verified>),
    /// A recommendation package with its applications.
    Package(Box<VerifiedPackage>),
    /// A province's register of named places and projects.
    Register(Box<VerifiedRegister>),
    /// An annual report.
    AnnualReport(Box<VerifiedReport>),
}

impl Document {
    /// The problem to show where only applications and packages are taken (the city review):
    /// what this document is and where it opens; `None` for an application or a package.
    /// (The province's pool takes registers in no more than the review does.)
    pub fn not_for_review(&self) -> Option<Problem> {
        match self {
            Document::AnnualReport(_) => crate::input::check_format(
                &serde_json::json!({"format": annual::ANNUAL_FORMAT_ID, "format_version": 1}),
                crate::application::FORMAT_ID,
                crate::application::FORMAT_VERSION,
            )
            .err(),
            Document::Register(_) => Some(register_not_taken_in()),
            Document::Application(_) | Document::Package(_) => None,
        }
    }
}

/// Reads and verifies an application file, a recommendation package, a register or an annual
/// report, each under its own size limit.
///
/// ```
/// use shifan_rules::{CatalogSet, Code, document::read_document};
/// let problems = read_document(b"[1, 2", &CatalogSet::builtin()).unwrap_err();
/// assert_eq!(problems[0].code, Code::NotJson);
/// ```
pub fn read_document(bytes: &[u8], catalogs: &CatalogSet) -> Result<Document, Vec<Problem>> {
    let value = parse_json(bytes, MAX_PACKAGE_BYTES)?;
    if is_package(&value) {
        return package::verify_package_value(value, catalogs)
            .map(|p| Document::Package(Box::new(p)));
    }
    if is_register(&value) {
        if bytes.len() > MAX_REGISTER_BYTES {
            return Err(vec![too_large(MAX_REGISTER_BYTES)]);
        }
        return register::verify_register_value(value).map(|r| Document::Register(Box::new(r)));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![too_large(MAX_FILE_BYTES)]);
    }
    if is_annual_report(&value) {
        return annual::verify_report_value(value).map(|r| Document::AnnualReport(Box::new(r)));
    }
    verify_parsed(value, catalogs).map(|v| Document::Application(Box::new(v)))
}

/// The problem of a register dropped where applications and packages are taken in (the city
/// review, the province's pool): it is the result of a round, not a submission.
pub fn register_not_taken_in() -> Problem {
    Problem::new(
        crate::problem::Code::OtherDocument,
        "这是命名名册文件（省级命名的结果），不是申报文件或推荐材料包，不能在这里打开",
        "this is a register file (the result of the province's naming), not an application or a recommendation package; it does not open here",
    )
}

/// Whether a file dropped among documents is an indicator catalog rather than a document to
/// verify: a table named `.csv`, or JSON without a `format` that has a catalog's `areas` and
/// `threshold` (what `Catalog::to_json` writes). The caller loads it as a catalog, whose own
/// reader says what is wrong with it, instead of listing it as a rejected document.
///
/// ```
/// use shifan_rules::{Catalog, document::is_catalog};
/// assert!(is_catalog("本市指标.json", Catalog::reference().to_json().as_bytes()));
/// assert!(is_catalog("本市指标.CSV", b"area,section"));
/// assert!(!is_catalog("a.json", br#"{"format": "shifan.application", "areas": [], "threshold": 1}"#));
/// assert!(!is_catalog("a.json", b"[1, 2"));
/// ```
pub fn is_catalog(name: &str, bytes: &[u8]) -> bool {
    if name.to_ascii_lowercase().ends_with(".csv") {
        return true;
    }
    // Text whose outermost object names a `format` is no catalog by the rule below, whether it
    // parses or not; finding that key is one pass over the bytes, where the rule parses the
    // whole file (with every guard). Every application and package dropped on the review is
    // asked this before it is read, so it was parsed twice.
    if names_format(bytes) {
        return false;
    }
    parse_json(bytes, crate::catalog::MAX_CATALOG_BYTES).is_ok_and(|value| {
        value.get("format").is_none()
            && value.get("areas").is_some_and(serde_json::Value::is_array)
            && value.get("threshold").is_some()
    })
}

/// Whether `bytes` are JSON text (up to the point looked at) whose outermost value is an
/// object with a member `format` written without escapes. Any text that parses and of which
/// this says `true` has that member; of other text it may say either.
fn names_format(bytes: &[u8]) -> bool {
    let text = bytes.trim_ascii_start();
    if text.first() != Some(&b'{') {
        return false;
    }
    let (mut depth, mut expect_key) = (0usize, false);
    let mut string: Option<(usize, bool)> = None;
    let mut escaped = false;
    for (i, &b) in text.iter().enumerate() {
        if let Some((start, key)) = string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => {
                    if key && &text[start..i] == b"format" {
                        return true;
                    }
                    string = None;
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                string = Some((i + 1, depth == 1 && expect_key));
                expect_key = false;
            }
            b'{' | b'[' => {
                depth += 1;
                expect_key = depth == 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return false;
                }
            }
            b',' if depth == 1 => expect_key = true,
            _ => {}
        }
    }
    false
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::Code;

    fn sample() -> String {
        crate::testing::verified_sample("140105", 90, 3)
            .file
            .to_json()
    }

    #[test]
    fn dispatches_on_format_and_keeps_each_size_limit() {
        let catalogs = CatalogSet::builtin();
        assert!(matches!(
            read_document(sample().as_bytes(), &catalogs),
            Ok(Document::Application(_))
        ));
        // An application padded past its own 20 MB limit (but under a package's) is too large.
        let mut padded = sample().into_bytes();
        padded.extend(std::iter::repeat_n(b' ', MAX_FILE_BYTES));
        let problems = read_document(&padded, &catalogs).unwrap_err();
        assert_eq!(problems[0].code, Code::TooLarge);
        let problems = read_document(
            br#"{"format": "shifan.package", "format_version": 9}"#,
            &catalogs,
        )
        .unwrap_err();
        assert_eq!(problems[0].code, Code::NewerVersion);
    }

    #[test]
    fn an_annual_report_is_read_as_one_and_refused_by_the_review() {
        let government =
            crate::Applicant::from_code("140105", crate::Contact::default()).expect("a county");
        let report = crate::annual::AnnualReport::build(
            crate::annual::ReportContent::blank(government, 2025, false),
            crate::testing::test_generator(),
            "2026-03-01T08:00:00Z".into(),
            "2026-03-01T08:00:00Z".into(),
        );
        let doc = read_document(report.to_json().as_bytes(), &CatalogSet::builtin())
            .expect("an annual report");
        assert!(matches!(&doc, Document::AnnualReport(r) if r.report == report));
        let refused = doc.not_for_review().expect("not for the review");
        assert_eq!(refused.code, Code::OtherDocument);
        assert!(
            refused.message.zh.contains("annual.html"),
            "{}",
            refused.message.zh
        );
        let application = read_document(sample().as_bytes(), &CatalogSet::builtin()).unwrap();
        assert!(application.not_for_review().is_none());
    }

    /// The rule of `is_catalog` for JSON, as it is written: the whole file parsed.
    fn catalog_by_parsing(bytes: &[u8]) -> bool {
        parse_json(bytes, crate::catalog::MAX_CATALOG_BYTES).is_ok_and(|value| {
            value.get("format").is_none()
                && value.get("areas").is_some_and(serde_json::Value::is_array)
                && value.get("threshold").is_some()
        })
    }

    #[test]
    fn a_catalog_is_told_from_a_document_as_parsing_tells_it() {
        let catalog = crate::Catalog::reference().to_json();
        let cases: Vec<Vec<u8>> = vec![
            sample().into_bytes(),
            catalog.clone().into_bytes(),
            format!(" \n{catalog}").into_bytes(),
            catalog.replacen('{', r#"{"format": "x", "#, 1).into_bytes(),
            catalog
                .replacen('{', r#"{"form\u0061t": "x", "#, 1)
                .into_bytes(),
            catalog
                .replacen('{', r#"{"note": {"format": 1}, "list": ["format"], "#, 1)
                .into_bytes(),
            br#"{"format": "shifan.application", "areas": [], "threshold": 1}"#.to_vec(),
            br#"{"areas": [], "threshold": 1, "format": 2"#.to_vec(),
            br#"{"areas": [], "threshold": 1}"#.to_vec(),
            br#"{"areas": {}, "threshold": 1}"#.to_vec(),
            br#"{"a": "\"format\"", "areas": [], "threshold": 1}"#.to_vec(),
            br#"[{"format": 1}]"#.to_vec(),
            b"\xEF\xBB\xBF{\"areas\": [], \"threshold\": 1}".to_vec(),
            b"".to_vec(),
        ];
        for bytes in cases {
            assert_eq!(
                is_catalog("x.json", &bytes),
                catalog_by_parsing(&bytes),
                "{}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_format_scan_never_changes_the_answer(
            members in proptest::collection::vec((0..5usize, 0..5usize), 0..8),
            cut in proptest::option::of(0..200usize),
        ) {
            let keys = ["format", "areas", "threshold", "form\\u0061t", "a"];
            let values = ["[]", "{\"format\": 1}", "\"format\"", "1", "[{\"areas\": []}]"];
            let members: Vec<String> =
                members.iter().map(|&(k, v)| format!("\"{}\": {}", keys[k], values[v])).collect();
            let mut text = format!("{{{}}}", members.join(", "));
            if let Some(cut) = cut {
                text.truncate(cut.min(text.len()));
            }
            proptest::prop_assert_eq!(
                is_catalog("x.json", text.as_bytes()),
                catalog_by_parsing(text.as_bytes())
            );
        }
    }
}
