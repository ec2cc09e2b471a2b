//! The bad-input corpus in `tests/fixtures/bad/`: every kind of broken, hostile or lying input
//! a reader of outside data may be given, each with the problem code it must give, listed in
//! `tests/fixtures/bad/MANIFEST.tsv` (file, reader, code, what it is). The CLI test
//! (`crates/cli/tests/bad_inputs.rs`) asserts each code through `shifan`, the e2e
//! (`tests/e2e/badinput.test.mjs`) through the pages.
//!
//! Every file is generated here from the library's own samples; the tests compare the committed
//! files with fresh ones (`SHIFAN_BLESS=1 cargo test -p shifan-rules --test bad_inputs`
//! rewrites them). Two are made at test time and never committed: a 50 MB file and 100,000
//! levels of nesting (`generated` in the manifest; `generated()` below makes them, and the CLI
//! and e2e tests make the same bytes by the rule the manifest's `what` column states).
//!
//! The code column is the first problem's code for a refused file; for an accepted file it is
//! `ok`, or the code of its one kind of warning.

// Reads the file system: native only.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use shifan_rules::catalog::CatalogData;
use shifan_rules::document::{Document, read_document};
use shifan_rules::import::{TableMeta, export_csv, read_catalog_file};
use shifan_rules::package::{Decision, Package, Review, Reviewer};
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::{Catalog, CatalogSet, Code, Generator, Verified, canonical, read_application};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which reader a file is given to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reader {
    /// An application file, read as a document of unknown kind (`read_document`; `shifan check
    /// FILE`; the county page's "open a file" and the review's file input).
    Application,
    /// A recommendation package, read the same way (the county page refuses it as another
    /// kind of document unless it is not even JSON).
    Package,
    /// A catalog file in JSON (`Catalog::from_json`; `shifan check --catalog FILE`; the pages'
    /// "load a catalog").
    Catalog,
    /// An indicator table (`read_catalog_file` on a `.csv`; `shifan catalog import FILE`).
    Table,
}

impl Reader {
    fn as_str(self) -> &'static str {
        match self {
            Reader::Application => "application",
            Reader::Package => "package",
            Reader::Catalog => "catalog",
            Reader::Table => "table",
        }
    }
}

/// One bad input.
struct Bad {
    name: &'static str,
    reader: Reader,
    /// `None`: accepted without warnings.
    code: Option<Code>,
    what: &'static str,
    bytes: Vec<u8>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bad")
}

const CREATED: &str = shifan_rules::sample::DEFAULT_CREATED;
const UPDATED: &str = shifan_rules::sample::DEFAULT_UPDATED;

fn sample(code: &str, met: u32, kind: SampleKind, seed: u64) -> Verified {
    let spec = SampleSpec {
        division_code: code.into(),
        met,
        kind,
        seed,
        created: CREATED.into(),
        updated: UPDATED.into(),
    };
    let file = sample_application(Catalog::reference(), &spec).expect("a valid sample");
    read_application(file.to_json().as_bytes(), &CatalogSet::builtin()).expect("verifies")
}

/// 太原市小店区, comprehensive, above the bar.
fn base() -> Verified {
    sample("140105", 92, SampleKind::Comprehensive, 11)
}

/// 太原市尖草坪区, single-item.
fn single() -> Verified {
    sample(
        "140108",
        80,
        SampleKind::SingleItem("business-environment".into()),
        7,
    )
}

fn pretty(value: &Value) -> Vec<u8> {
    canonical::to_pretty(value).into_bytes()
}

/// The integrity fingerprint recomputed over every other field, as a tool that knows the
/// format would after an edit (applications and packages are sealed alike).
fn reseal(mut value: Value) -> Value {
    value
        .as_object_mut()
        .expect("an object")
        .remove("integrity");
    let integrity = canonical::fingerprint(&value);
    value["integrity"] = Value::String(integrity);
    value
}

fn answers(value: &mut Value) -> &mut Vec<Value> {
    value["answers"].as_array_mut().expect("answers")
}

/// The index of the first answer with `status`.
fn first(value: &Value, status: &str) -> usize {
    value["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .position(|a| a["status"] == status)
        .unwrap_or_else(|| panic!("no {status} answer"))
}

/// `text` with its first occurrence of `from` replaced by `to` (which must be there).
fn edit(text: &str, from: &str, to: &str) -> Vec<u8> {
    assert!(text.contains(from), "{from:?} not in the text");
    text.replacen(from, to, 1).into_bytes()
}

/// `bytes` with its first occurrence of `from` replaced by `to` (bytes, not text).
fn edit_bytes(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("the bytes are there");
    let mut out = bytes[..at].to_vec();
    out.extend_from_slice(to);
    out.extend_from_slice(&bytes[at + from.len()..]);
    out
}

fn utf16(text: &str, big_endian: bool, mark: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if mark {
        out.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

/// Script and markup as a person could paste them into a text box.
const MARKUP: &str = "<script>alert(1)</script><img src=x onerror=alert(2)><b>粗体</b>&amp;\"'";
/// Right-to-left override, isolate and mark, zero-width space, joiner and no-break.
const RTL_ZW: &str = "\u{202e}区店小\u{202c} \u{2067}مرحبا\u{2069}\u{200b}\u{200d}\u{feff}\u{200f}";

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
    Package::build(
        &review,
        apps,
        Generator {
            name: "shifan-web".into(),
            version: "0.1.0".into(),
        },
        "2026-12-01T10:00:00+08:00".into(),
    )
    .expect("a valid package")
}

/// The catalog file of an office, the reference catalog's content under its own id.
fn office_catalog() -> Value {
    let mut data: CatalogData = Catalog::reference().data().clone();
    data.id = "taiyuan-office-2021".into();
    data.title = "太原市本地指标目录".into();
    serde_json::from_str(&Catalog::from_data(data).expect("valid").to_json()).expect("json")
}

#[allow(clippy::too_many_lines)]
fn corpus() -> Vec<Bad> {
    use Code::*;
    use Reader::{Application as Doc, Catalog as Cat, Package as Pkg, Table};
    let base = base();
    let text = base.file.to_json();
    let value = base.file.to_value();
    let single = single();
    let mut out = Vec::new();
    let mut add = |name, reader, code: Option<Code>, what, bytes: Vec<u8>| {
        out.push(Bad {
            name,
            reader,
            code,
            what,
            bytes,
        });
    };
    let changed = |f: &dyn Fn(&mut Value)| {
        let mut v = value.clone();
        f(&mut v);
        v
    };

    // --- Bytes and encodings -----------------------------------------------------------------
    add(
        "empty.json",
        Doc,
        Some(NotJson),
        "an empty file",
        Vec::new(),
    );
    add(
        "whitespace-only.json",
        Doc,
        Some(NotJson),
        "blanks and line breaks only",
        b" \n\t\r\n ".to_vec(),
    );
    add(
        "truncated-half.json",
        Doc,
        Some(NotJson),
        "the download cut at half",
        text.as_bytes()[..text.len() / 2].to_vec(),
    );
    add(
        "truncated-last-brace.json",
        Doc,
        Some(NotJson),
        "the last closing brace missing",
        text.trim_end().trim_end_matches('}').as_bytes().to_vec(),
    );
    add(
        "truncated-in-utf8.json",
        Doc,
        Some(NotUtf8),
        "cut in the middle of a Chinese character",
        {
            let at = text.find('区').expect("a 区") + 1;
            text.as_bytes()[..at].to_vec()
        },
    );
    add(
        "bom-utf8.json",
        Doc,
        None,
        "a UTF-8 byte-order mark before a valid file (accepted)",
        {
            let mut b = b"\xEF\xBB\xBF".to_vec();
            b.extend_from_slice(text.as_bytes());
            b
        },
    );
    add(
        "utf16le-bom.json",
        Doc,
        Some(Utf16),
        "UTF-16 little-endian with its mark (Notepad's \"Unicode\")",
        utf16(&text, false, true),
    );
    add(
        "utf16be-bom.json",
        Doc,
        Some(Utf16),
        "UTF-16 big-endian with its mark",
        utf16(&text, true, true),
    );
    add(
        "utf16le-no-bom.json",
        Doc,
        Some(Utf16),
        "UTF-16 little-endian without a mark",
        utf16(&text, false, false),
    );
    add(
        "gbk.json",
        Doc,
        Some(NotUtf8),
        "the county's name saved in GBK (Windows \"ANSI\")",
        edit_bytes(
            text.as_bytes(),
            "小店区".as_bytes(),
            b"\xd0\xa1\xb5\xea\xc7\xf8",
        ),
    );
    add(
        "overlong-utf8.json",
        Doc,
        Some(NotUtf8),
        "an overlong UTF-8 encoding of '/' (C0 AF) in a note",
        edit_bytes(
            text.as_bytes(),
            b"\"note\": \"\"",
            b"\"note\": \"\xC0\xAF\"",
        ),
    );
    add(
        "invalid-utf8-continuation.json",
        Doc,
        Some(NotUtf8),
        "a stray continuation byte (0x80) in a title",
        edit_bytes(text.as_bytes(), "太原市".as_bytes(), b"\x80"),
    );
    add(
        "lone-surrogate-utf8.json",
        Doc,
        Some(NotUtf8),
        "a lone surrogate encoded in UTF-8 (ED A0 80, CESU-style)",
        edit_bytes(
            text.as_bytes(),
            b"\"note\": \"\"",
            b"\"note\": \"\xED\xA0\x80\"",
        ),
    );
    add(
        "lone-surrogate-escape.json",
        Doc,
        Some(NotJson),
        "a lone surrogate as a JSON escape (\\ud800)",
        edit(&text, "\"note\": \"\"", "\"note\": \"\\ud800\""),
    );
    add(
        "nul-raw.json",
        Doc,
        Some(NotJson),
        "a raw NUL byte inside a note",
        edit_bytes(text.as_bytes(), b"\"note\": \"\"", b"\"note\": \"a\x00b\""),
    );
    add(
        "nul-escape.json",
        Doc,
        Some(IntegrityMismatch),
        "a NUL written as \\u0000 in a note, not resealed",
        edit(&text, "\"note\": \"\"", "\"note\": \"\\u0000\""),
    );
    add(
        "nul-leading.json",
        Doc,
        Some(NotJson),
        "a NUL byte before the file",
        {
            let mut b = vec![0];
            b.extend_from_slice(text.as_bytes());
            b
        },
    );

    // --- JSON syntax ---------------------------------------------------------------------------
    add(
        "duplicate-key-format-version.json",
        Doc,
        Some(DuplicateKey),
        "format_version written twice",
        edit(
            &text,
            "  \"format_version\": 1,\n",
            "  \"format_version\": 1,\n  \"format_version\": 2,\n",
        ),
    );
    add(
        "duplicate-key-status.json",
        Doc,
        Some(DuplicateKey),
        "an answer's status written twice",
        edit(
            &text,
            "\"status\": \"partly_met\"",
            "\"status\": \"partly_met\", \"status\": \"met\"",
        ),
    );
    add(
        "trailing-garbage.json",
        Doc,
        Some(NotJson),
        "text after the closing brace",
        format!("{text}garbage").into_bytes(),
    );
    add(
        "trailing-second-object.json",
        Doc,
        Some(NotJson),
        "the file pasted twice",
        format!("{text}{text}").into_bytes(),
    );
    add(
        "comment-line.json",
        Doc,
        Some(NotJson),
        "a // comment before the file",
        format!("// 导出文件\n{text}").into_bytes(),
    );
    add(
        "comment-block.json",
        Doc,
        Some(NotJson),
        "a /* */ comment inside",
        edit(&text, "\"answers\"", "/* 答案 */ \"answers\""),
    );
    add(
        "nan.json",
        Doc,
        Some(NotJson),
        "NaN where a count belongs",
        edit(&text, "\"met\": 92", "\"met\": NaN"),
    );
    add(
        "infinity.json",
        Doc,
        Some(NotJson),
        "Infinity where a count belongs",
        edit(&text, "\"met\": 92", "\"met\": Infinity"),
    );
    add(
        "number-out-of-range.json",
        Doc,
        Some(NotJson),
        "1e400, beyond any float, as an indicator number",
        edit(&text, "\"number\": 1,", "\"number\": 1e400,"),
    );
    add(
        "single-quotes.json",
        Doc,
        Some(NotJson),
        "single quotes around a key",
        edit(&text, "\"format\"", "'format'"),
    );
    add(
        "too-deep-40.json",
        Doc,
        Some(TooDeep),
        "40 levels of arrays as an evidence list",
        pretty(&changed(&|v| {
            let mut nested = json!([]);
            for _ in 0..40 {
                nested = json!([nested]);
            }
            answers(v)[0]["evidence"] = nested;
        })),
    );

    // --- Wrong shapes and types ------------------------------------------------------------------
    add(
        "top-level-array.json",
        Doc,
        Some(NotApplication),
        "an array of answers instead of a file",
        pretty(&value["answers"]),
    );
    add(
        "top-level-string.json",
        Doc,
        Some(NotApplication),
        "a JSON string",
        b"\"shifan.application\"".to_vec(),
    );
    add(
        "top-level-null.json",
        Doc,
        Some(NotApplication),
        "null",
        b"null".to_vec(),
    );
    add(
        "answers-object.json",
        Doc,
        Some(NotApplication),
        "answers as an object keyed by number",
        pretty(&changed(&|v| {
            let map: serde_json::Map<String, Value> = v["answers"]
                .as_array()
                .expect("answers")
                .iter()
                .map(|a| (a["number"].to_string(), a.clone()))
                .collect();
            v["answers"] = Value::Object(map);
        })),
    );
    add(
        "number-as-string.json",
        Doc,
        Some(NotApplication),
        "an indicator number as text (\"1\")",
        pretty(&reseal(changed(&|v| answers(v)[0]["number"] = json!("1")))),
    );
    add(
        "number-float.json",
        Doc,
        Some(NotApplication),
        "an indicator number 1.5",
        pretty(&reseal(changed(&|v| answers(v)[0]["number"] = json!(1.5)))),
    );
    add(
        "number-negative.json",
        Doc,
        Some(NotApplication),
        "an indicator number -1",
        pretty(&reseal(changed(&|v| answers(v)[0]["number"] = json!(-1)))),
    );
    add(
        "number-huge.json",
        Doc,
        Some(NotApplication),
        "an indicator number 2^64",
        edit(&text, "\"number\": 1,", "\"number\": 18446744073709551616,"),
    );
    add(
        "point-negative.json",
        Doc,
        Some(NotApplication),
        "a ticked point -1",
        pretty(&reseal(changed(&|v| {
            answers(v)[0]["satisfied"] = json!([-1])
        }))),
    );
    add(
        "point-float.json",
        Doc,
        Some(NotApplication),
        "a ticked point 0.5",
        pretty(&reseal(changed(&|v| {
            answers(v)[0]["satisfied"] = json!([0.5])
        }))),
    );
    add(
        "point-huge.json",
        Doc,
        Some(NotApplication),
        "a ticked point 300 (beyond a byte)",
        pretty(&reseal(changed(&|v| {
            answers(v)[0]["satisfied"] = json!([300])
        }))),
    );
    add(
        "summary-count-float.json",
        Doc,
        Some(NotApplication),
        "the summary's met count 92.5",
        pretty(&reseal(changed(&|v| {
            v["summary"]["total"]["met"] = json!(92.5)
        }))),
    );
    add(
        "summary-count-negative.json",
        Doc,
        Some(NotApplication),
        "the summary's met count -92",
        pretty(&reseal(changed(&|v| {
            v["summary"]["total"]["met"] = json!(-92)
        }))),
    );
    add(
        "summary-count-huge.json",
        Doc,
        Some(NotApplication),
        "the summary's met count 10^20",
        edit(&text, "\"met\": 92", "\"met\": 100000000000000000000"),
    );
    add(
        "format-version-string.json",
        Doc,
        Some(NotApplication),
        "format_version as text (\"1\")",
        pretty(&reseal(changed(&|v| v["format_version"] = json!("1")))),
    );
    add(
        "status-number.json",
        Doc,
        Some(InvalidStatus),
        "a status as a number",
        pretty(&reseal(changed(&|v| answers(v)[0]["status"] = json!(1)))),
    );
    add(
        "county-null.json",
        Doc,
        Some(NotApplication),
        "the county's name null",
        pretty(&reseal(changed(&|v| {
            v["applicant"]["county"] = Value::Null
        }))),
    );
    add(
        "missing-integrity.json",
        Doc,
        Some(NotApplication),
        "the integrity field removed",
        pretty(&changed(&|v| {
            v.as_object_mut().expect("object").remove("integrity");
        })),
    );
    add(
        "catalog-as-application.json",
        Doc,
        Some(NotApplication),
        "the indicator catalog sent instead of the file",
        Catalog::reference().to_json().into_bytes(),
    );

    // --- Versions and catalogs -------------------------------------------------------------------
    add(
        "future-version.json",
        Doc,
        Some(NewerVersion),
        "format_version 2, resealed, from a future shifan",
        pretty(&reseal(changed(&|v| v["format_version"] = json!(2)))),
    );
    add(
        "future-version-999.json",
        Doc,
        Some(NewerVersion),
        "format_version 999 and fields this build does not know",
        pretty(&reseal(changed(&|v| {
            v["format_version"] = json!(999);
            v["attachments"] = json!([{"name": "附件.pdf"}]);
        }))),
    );
    add(
        "unknown-catalog.json",
        Doc,
        Some(UnknownCatalog),
        "answered against a catalog this build does not have",
        pretty(&reseal(changed(&|v| {
            v["catalog"]["id"] = json!("shanxi-official-2023")
        }))),
    );
    add(
        "mismatched-catalog.json",
        Doc,
        Some(CatalogMismatch),
        "the reference catalog's id with another fingerprint",
        pretty(&reseal(changed(&|v| {
            v["catalog"]["fingerprint"] = json!(format!("sha256:{}", "0".repeat(64)))
        }))),
    );

    // --- Edited after sealing --------------------------------------------------------------------
    add(
        "edited-note.json",
        Doc,
        Some(IntegrityMismatch),
        "a note polished after export",
        edit(&text, "\"note\": \"\"", "\"note\": \"已整改\""),
    );
    add(
        "edited-integrity.json",
        Doc,
        Some(IntegrityMismatch),
        "the integrity fingerprint's last digit changed",
        {
            let at = text.find("\"integrity\": \"sha256:").expect("integrity")
                + "\"integrity\": \"sha256:".len()
                + 63;
            let mut b = text.clone().into_bytes();
            b[at] = if b[at] == b'0' { b'1' } else { b'0' };
            b
        },
    );
    add(
        "edited-summary.json",
        Doc,
        Some(IntegrityMismatch),
        "the summary's met count raised, not resealed",
        pretty(&changed(&|v| v["summary"]["total"]["met"] = json!(95))),
    );
    add(
        "edited-status.json",
        Doc,
        Some(IntegrityMismatch),
        "a partly met indicator ticked full and set to met, not resealed",
        pretty(&changed(&|v| {
            let i = first(v, "partly_met");
            let n = v["answers"][i]["number"].as_u64().expect("n") as u16;
            let points = Catalog::reference()
                .indicator(n)
                .expect("indicator")
                .criteria
                .len();
            answers(v)[i]["status"] = json!("met");
            answers(v)[i]["satisfied"] = json!((0..points).collect::<Vec<_>>());
        })),
    );

    // --- Resealed after a semantic edit: the fingerprint is right, the meaning is not ------------
    add(
        "resealed-summary-lie.json",
        Doc,
        Some(SummaryMismatch),
        "the summary claims 95 met, resealed",
        pretty(&reseal(changed(&|v| {
            v["summary"]["total"]["met"] = json!(95);
            v["summary"]["total"]["not_met"] = json!(0);
        }))),
    );
    add(
        "resealed-meets-bar-lie.json",
        Doc,
        Some(SummaryMismatch),
        "a file below the bar claims to meet it, resealed",
        pretty(&reseal({
            let mut v = sample("140106", 80, SampleKind::Comprehensive, 5)
                .file
                .to_value();
            v["summary"]["meets_bar"] = json!(true);
            v
        })),
    );
    add(
        "resealed-na-without-reason.json",
        Doc,
        Some(MissingReason),
        "not applicable without a reason, resealed",
        pretty(&reseal(changed(&|v| {
            let i = first(v, "not_met");
            answers(v)[i]["status"] = json!("not_applicable");
            answers(v)[i]["satisfied"] = json!([]);
            answers(v)[i]["reason"] = json!("");
        }))),
    );
    add(
        "resealed-na-blank-reason.json",
        Doc,
        Some(MissingReason),
        "not applicable with a reason of blanks and zero-width spaces, resealed",
        pretty(&reseal(changed(&|v| {
            let i = first(v, "not_met");
            answers(v)[i]["status"] = json!("not_applicable");
            answers(v)[i]["satisfied"] = json!([]);
            answers(v)[i]["reason"] = json!(" \u{3000}\u{200b} ");
        }))),
    );
    add(
        "resealed-point-lacking.json",
        Doc,
        Some(InvalidPoint),
        "a ticked point 9 the indicator lacks, resealed",
        pretty(&reseal(changed(&|v| {
            answers(v)[0]["satisfied"] = json!([0, 1, 9])
        }))),
    );
    add(
        "resealed-point-twice.json",
        Doc,
        Some(InvalidPoint),
        "a point ticked twice, resealed",
        pretty(&reseal(changed(&|v| {
            answers(v)[0]["satisfied"] = json!([0, 0, 1, 2, 3])
        }))),
    );
    add(
        "resealed-unknown-status.json",
        Doc,
        Some(InvalidStatus),
        "status \"done\", resealed",
        pretty(&reseal(changed(&|v| {
            answers(v)[0]["status"] = json!("done")
        }))),
    );
    add(
        "resealed-unknown-indicator.json",
        Doc,
        Some(UnknownIndicator),
        "an answer to indicator 101, resealed",
        pretty(&reseal(changed(&|v| {
            let mut extra = v["answers"][0].clone();
            extra["number"] = json!(101);
            answers(v).push(extra);
        }))),
    );
    add(
        "resealed-missing-indicator.json",
        Doc,
        Some(MissingIndicator),
        "indicator 50's answer removed, resealed",
        pretty(&reseal(changed(&|v| {
            answers(v).retain(|a| a["number"] != 50);
        }))),
    );
    add(
        "resealed-duplicate-indicator.json",
        Doc,
        Some(DuplicateIndicator),
        "indicator 1 answered twice, resealed",
        pretty(&reseal(changed(&|v| {
            let again = v["answers"][0].clone();
            answers(v).push(again);
        }))),
    );
    add(
        "resealed-override-without-reason.json",
        Doc,
        Some(OverrideWithoutReason),
        "partly met promoted to met, points as they were, resealed",
        pretty(&reseal(changed(&|v| {
            let i = first(v, "partly_met");
            answers(v)[i]["status"] = json!("met");
        }))),
    );
    add(
        "resealed-evidence-date.json",
        Doc,
        Some(InvalidEvidence),
        "an evidence date written 2025年3月15日, resealed",
        pretty(&reseal(changed(&|v| {
            let i = v["answers"]
                .as_array()
                .expect("a")
                .iter()
                .position(|a| !a["evidence"].as_array().expect("e").is_empty())
                .expect("evidence");
            answers(v)[i]["evidence"][0]["date"] = json!("2025年3月15日");
        }))),
    );
    add(
        "resealed-evidence-no-title.json",
        Doc,
        Some(InvalidEvidence),
        "an evidence reference without a title, resealed",
        pretty(&reseal(changed(&|v| {
            let i = v["answers"]
                .as_array()
                .expect("a")
                .iter()
                .position(|a| !a["evidence"].as_array().expect("e").is_empty())
                .expect("evidence");
            answers(v)[i]["evidence"][0]["title"] = json!("  ");
        }))),
    );
    add(
        "resealed-unknown-division.json",
        Doc,
        Some(UnknownDivision),
        "division code 149999, resealed",
        pretty(&reseal(changed(&|v| {
            v["applicant"]["division_code"] = json!("149999")
        }))),
    );
    add(
        "resealed-applicant-mismatch.json",
        Doc,
        Some(ApplicantMismatch),
        "the county renamed 迎泽区 under 小店区's code, resealed",
        pretty(&reseal(changed(&|v| {
            v["applicant"]["county"] = json!("迎泽区")
        }))),
    );
    add(
        "resealed-level-mismatch.json",
        Doc,
        Some(ApplicantMismatch),
        "a county calling itself a city, resealed",
        pretty(&reseal(changed(&|v| {
            v["applicant"]["level"] = json!("city")
        }))),
    );
    add(
        "resealed-rtl-county.json",
        Doc,
        Some(ApplicantMismatch),
        "the county's name wrapped in a right-to-left override, resealed",
        pretty(&reseal(changed(&|v| {
            v["applicant"]["county"] = json!("\u{202e}区店小\u{202c}")
        }))),
    );
    add(
        "resealed-unknown-category.json",
        Doc,
        Some(UnknownCategory),
        "a single-item category's title where its id belongs, resealed",
        pretty(&reseal({
            let mut v = single.file.to_value();
            v["kind"]["category"] = json!("优化法治化营商环境");
            v
        })),
    );
    add(
        "resealed-invalid-time.json",
        Doc,
        Some(InvalidTime),
        "the write time retyped as 2026-11-20 17:30, resealed",
        pretty(&reseal(changed(&|v| {
            v["updated"] = json!("2026-11-20 17:30")
        }))),
    );
    add(
        "resealed-other-document.json",
        Doc,
        Some(OtherDocument),
        "the browser's saved draft sent instead of the file",
        {
            let draft = shifan_rules::Draft::from_verified("draft-140105".into(), &base);
            pretty(&serde_json::from_str(&draft.to_json()).expect("json"))
        },
    );

    // --- Hostile text, accepted and shown as text ------------------------------------------------
    add(
        "markup-in-every-text-field.json",
        Doc,
        None,
        "script and markup in every free-text field, resealed (accepted: shown as text)",
        pretty(&reseal(changed(&|v| {
            v["applicant"]["contact"]["name"] = json!(MARKUP);
            v["generator"]["name"] = json!(MARKUP);
            v["generator"]["version"] = json!(MARKUP);
            for a in answers(v) {
                a["note"] = json!(format!("{MARKUP} 备注"));
                if a["status"] == "not_applicable" || !a["reason"].as_str().unwrap_or("").is_empty()
                {
                    a["reason"] = json!(format!("{MARKUP} 理由"));
                }
                for e in a["evidence"].as_array_mut().expect("evidence") {
                    e["title"] = json!(format!("{MARKUP} 文件"));
                    e["document_number"] = json!(MARKUP);
                }
            }
        }))),
    );
    add(
        "markup-in-narrative.json",
        Doc,
        None,
        "script and markup in a single-item title and every narrative aspect, resealed",
        pretty(&reseal({
            let mut v = single.file.to_value();
            v["kind"]["title"] = json!(format!("{MARKUP} 标题"));
            for aspect in ["innovation", "leadership", "typicality", "replicability"] {
                let long = format!(
                    "{MARKUP}{}",
                    v["kind"]["narrative"][aspect].as_str().expect("text")
                );
                v["kind"]["narrative"][aspect] = json!(long);
            }
            v
        })),
    );
    add(
        "markup-in-contact.json",
        Doc,
        Some(InvalidContact),
        "script in the contact's phone and e-mail, resealed (a warning)",
        pretty(&reseal(changed(&|v| {
            v["applicant"]["contact"]["phone"] = json!("<script>alert(1)</script>");
            v["applicant"]["contact"]["email"] = json!("<img src=x onerror=alert(1)>");
        }))),
    );
    add(
        "rtl-and-zero-width.json",
        Doc,
        None,
        "right-to-left overrides and zero-width characters in notes and evidence titles, resealed",
        pretty(&reseal(changed(&|v| {
            v["applicant"]["contact"]["name"] = json!(format!("张{RTL_ZW}明"));
            for a in answers(v) {
                a["note"] = json!(RTL_ZW);
                for e in a["evidence"].as_array_mut().expect("evidence") {
                    e["title"] = json!(format!("{RTL_ZW}{}", e["title"].as_str().expect("title")));
                }
            }
        }))),
    );
    add(
        "incomplete-narrative.json",
        Doc,
        Some(IncompleteSingleItem),
        "a single-item file with two narrative aspects blank, resealed (a warning)",
        pretty(&reseal({
            let mut v = single.file.to_value();
            v["kind"]["narrative"]["leadership"] = json!("");
            v["kind"]["narrative"]["replicability"] = json!("\u{200b}");
            v
        })),
    );

    // --- Recommendation packages -----------------------------------------------------------------
    let second = sample("140106", 85, SampleKind::Comprehensive, 3);
    let package = package_of(
        &[&base, &second],
        vec![
            (Decision::Recommend, Some(1), "材料齐全".into()),
            (Decision::NotRecommend, None, "差距较大".into()),
        ],
    );
    let pvalue = package.to_value();
    let pchanged = |f: &dyn Fn(&mut Value)| {
        let mut v = pvalue.clone();
        f(&mut v);
        pretty(&reseal(v))
    };
    add(
        "package-truncated.json",
        Pkg,
        Some(NotJson),
        "a package cut short",
        {
            let t = package.to_json();
            t.as_bytes()[..t.len() / 3].to_vec()
        },
    );
    add(
        "package-edited-comment.json",
        Pkg,
        Some(IntegrityMismatch),
        "a package's comment changed after sealing",
        edit(&package.to_json(), "差距较大", "材料不全"),
    );
    add(
        "package-future-version.json",
        Pkg,
        Some(NewerVersion),
        "a package of format version 2",
        pchanged(&|v| v["format_version"] = json!(2)),
    );
    add(
        "package-unknown-application.json",
        Pkg,
        Some(UnknownApplication),
        "a decision on an application the package lacks, resealed",
        pchanged(&|v| {
            v["decisions"][1]["application"] = json!(format!("sha256:{}", "a".repeat(64)))
        }),
    );
    add(
        "package-rank-gap.json",
        Pkg,
        Some(InvalidDecision),
        "the only recommended application ranked 2, resealed",
        pchanged(&|v| v["decisions"][0]["rank"] = json!(2)),
    );
    add(
        "package-rank-on-not-recommended.json",
        Pkg,
        Some(InvalidDecision),
        "a rank on a not-recommended application, resealed",
        pchanged(&|v| v["decisions"][1]["rank"] = json!(2)),
    );
    add(
        "package-outside-city.json",
        Pkg,
        Some(OutsideCity),
        "a 晋中市 county in 太原市's package, resealed",
        pchanged(&|v| {
            let other = sample("140728", 91, SampleKind::Comprehensive, 9);
            v["applications"][1] = other.file.to_value();
            v["decisions"][1]["application"] = json!(other.file.integrity);
        }),
    );
    add(
        "package-tampered-application.json",
        Pkg,
        Some(IntegrityMismatch),
        "an application inside a package edited, the package resealed",
        pchanged(&|v| v["applications"][0]["answers"][0]["note"] = json!("改过")),
    );
    add(
        "package-duplicate-submission.json",
        Pkg,
        Some(DuplicateSubmission),
        "two files of 小店区 for the same kind in one package (a warning)",
        {
            let again = sample("140105", 93, SampleKind::Comprehensive, 12);
            pretty(
                &package_of(
                    &[&base, &again],
                    vec![
                        (Decision::Recommend, Some(1), "".into()),
                        (Decision::Pending, None, "".into()),
                    ],
                )
                .to_value(),
            )
        },
    );
    add(
        "package-markup.json",
        Pkg,
        None,
        "script and markup in the reviewer, office and every comment, resealed (accepted)",
        pchanged(&|v| {
            v["reviewer"]["name"] = json!(MARKUP);
            v["reviewer"]["office"] = json!(MARKUP);
            for d in v["decisions"].as_array_mut().expect("decisions") {
                d["comment"] = json!(MARKUP);
            }
        }),
    );

    // --- Catalog files (JSON) ---------------------------------------------------------------------
    let catalog = office_catalog();
    let cchanged = |f: &dyn Fn(&mut Value)| {
        let mut v = catalog.clone();
        f(&mut v);
        pretty(&v)
    };
    add(
        "catalog-truncated.json",
        Cat,
        Some(NotJson),
        "a catalog file cut short",
        {
            let t = canonical::to_pretty(&catalog);
            let mut cut = t.len() / 2;
            while !t.is_char_boundary(cut) {
                cut -= 1;
            }
            t.as_bytes()[..cut].to_vec()
        },
    );
    add(
        "catalog-threshold-over.json",
        Cat,
        Some(InvalidCatalog),
        "a threshold of 150 of 100",
        cchanged(&|v| v["threshold"]["numerator"] = json!(150)),
    );
    add(
        "catalog-duplicate-number.json",
        Cat,
        Some(InvalidCatalog),
        "two indicators numbered 1",
        cchanged(&|v| v["areas"][0]["sections"][0]["indicators"][1]["number"] = json!(1)),
    );
    add(
        "catalog-empty-title.json",
        Cat,
        Some(InvalidCatalog),
        "an indicator without its text",
        cchanged(&|v| v["areas"][0]["sections"][0]["indicators"][0]["title"] = json!("")),
    );
    add(
        "catalog-markup.json",
        Cat,
        None,
        "script and markup in the catalog's title and an indicator's text (accepted: shown as text)",
        cchanged(&|v| {
            v["title"] = json!(format!("{MARKUP}目录"));
            let t = format!(
                "{MARKUP}{}",
                v["areas"][0]["sections"][0]["indicators"][0]["title"]
                    .as_str()
                    .expect("title")
            );
            v["areas"][0]["sections"][0]["indicators"][0]["title"] = json!(t);
        }),
    );
    add(
        "catalog-utf16.json",
        Cat,
        Some(Utf16),
        "a catalog saved as UTF-16",
        utf16(&canonical::to_pretty(&catalog), false, true),
    );

    // --- Indicator tables (CSV) -------------------------------------------------------------------
    let table = export_csv(Catalog::reference());
    let header = table.lines().next().expect("a header").to_string();
    add(
        "table-header-only.csv",
        Table,
        Some(InvalidCatalog),
        "a table with its header and no rows (a catalog without indicators)",
        format!("{header}\n").into_bytes(),
    );
    add(
        "table-missing-column.csv",
        Table,
        Some(InvalidTable),
        "a table whose first column was deleted",
        table
            .lines()
            .map(|l| l.split_once(',').map_or(l, |(_, rest)| rest))
            .collect::<Vec<_>>()
            .join("\n")
            .into_bytes(),
    );
    add(
        "table-gbk.csv",
        Table,
        Some(NotUtf8),
        "a table saved as CSV in GBK (Excel's default \"CSV\")",
        edit_bytes(table.as_bytes(), "政府".as_bytes(), b"\xd5\xfe\xb8\xae"),
    );
    add(
        "table-utf16.csv",
        Table,
        Some(Utf16),
        "a table saved as \"Unicode text\"",
        utf16(&table, false, true),
    );
    add(
        "table-truncated.csv",
        Table,
        Some(InvalidTable),
        "a table cut in the middle of a row, after its number",
        {
            // The first row starting in the second half: `area,section,number,…`.
            let lines: Vec<&str> = table.lines().collect();
            let row = (lines.len() / 2..lines.len())
                .find(|&i| {
                    lines[i]
                        .split(',')
                        .nth(2)
                        .is_some_and(|n| n.parse::<u16>().is_ok())
                })
                .expect("a row");
            let number_end = lines[row].match_indices(',').nth(2).expect("three cells").0;
            let mut kept = lines[..row].join("\n");
            kept.push('\n');
            kept.push_str(&lines[row][..number_end]);
            kept.into_bytes()
        },
    );
    add(
        "table-excel-bom-crlf.csv",
        Table,
        None,
        "Excel's \"CSV UTF-8\": a byte-order mark and CRLF (accepted)",
        format!("\u{feff}{}", table.replace('\n', "\r\n")).into_bytes(),
    );
    let _ = TableMeta::of(Catalog::reference());
    out
}

/// The files made at test time, never committed: name, reader, code, what, bytes.
fn generated() -> Vec<Bad> {
    let text = base().file.to_json();
    let mut huge = text.into_bytes();
    huge.resize(50 * 1024 * 1024, b' ');
    let mut deep = vec![b'['; 100_000];
    deep.extend(vec![b']'; 100_000]);
    vec![
        Bad {
            name: "huge-50mb.json",
            reader: Reader::Application,
            code: Some(Code::TooLarge),
            what: "generated: a valid file padded with spaces to 50 MiB (52,428,800 bytes)",
            bytes: huge,
        },
        Bad {
            name: "deep-nesting.json",
            reader: Reader::Application,
            code: Some(Code::TooDeep),
            what: "generated: 100,000 '[' then 100,000 ']'",
            bytes: deep,
        },
    ]
}

fn manifest(entries: &[Bad]) -> String {
    let mut out = String::from(
        "# The bad-input corpus: file, reader (application | package | catalog | table), the code it must give\n# (the first problem's; `ok` when accepted), and what it is. Generated by\n# crates/rules/tests/bad_inputs.rs; `generated` files are made at test time.\n",
    );
    for e in entries {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            e.name,
            e.reader.as_str(),
            e.code.map_or("ok", Code::as_str),
            e.what
        ));
    }
    out
}

/// The problems (or, when accepted, the warnings) reading `bad` gives.
fn read(bad: &Bad) -> Result<Vec<Code>, Vec<Code>> {
    let codes = |p: Vec<shifan_rules::Problem>| p.into_iter().map(|p| p.code).collect();
    match bad.reader {
        Reader::Application | Reader::Package => {
            match read_document(&bad.bytes, &CatalogSet::builtin()) {
                Ok(Document::Application(v)) => Ok(codes(v.warnings)),
                Ok(Document::Package(p)) => Ok(codes(p.warnings)),
                Ok(Document::Register(_)) => Ok(Vec::new()),
                Ok(Document::AnnualReport(r)) => Ok(codes(r.warnings)),
                Err(p) => Err(codes(p)),
            }
        }
        Reader::Catalog => Catalog::from_json(&bad.bytes)
            .map(|_| Vec::new())
            .map_err(codes),
        Reader::Table => read_catalog_file(bad.name, &bad.bytes)
            .map(|_| Vec::new())
            .map_err(codes),
    }
}

/// What is wrong with reading `bad`, if anything.
fn check(bad: &Bad) -> Option<String> {
    let name = bad.name;
    match (read(bad), bad.code) {
        (Ok(warnings), None) if warnings.is_empty() => None,
        (Ok(warnings), Some(code))
            if code.severity() == shifan_rules::Severity::Warning
                && !warnings.is_empty()
                && warnings.iter().all(|w| *w == code) =>
        {
            None
        }
        (Err(problems), Some(code)) if problems[0] == code => None,
        (Ok(warnings), _) => Some(format!("{name}: accepted with warnings {warnings:?}")),
        (Err(problems), _) => Some(format!("{name}: refused with {problems:?}")),
    }
}

#[test]
fn every_bad_input_gives_its_code() {
    let wrong: Vec<String> = corpus()
        .iter()
        .chain(&generated())
        .filter_map(check)
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_committed_corpus_and_manifest_are_current() {
    let corpus = corpus();
    let mut listed: Vec<Bad> = corpus;
    let committed_names: BTreeSet<String> = listed.iter().map(|b| b.name.to_string()).collect();
    let bless = std::env::var_os("SHIFAN_BLESS").is_some();
    if bless {
        let _ = std::fs::remove_dir_all(dir());
        std::fs::create_dir_all(dir()).expect("mkdir");
    }
    for bad in &listed {
        let path = dir().join(bad.name);
        if bless {
            std::fs::write(&path, &bad.bytes).expect("write");
        }
        let on_disk = std::fs::read(&path).unwrap_or_default();
        assert!(
            on_disk == bad.bytes,
            "{} is stale: SHIFAN_BLESS=1 cargo test -p shifan-rules --test bad_inputs",
            bad.name
        );
    }
    listed.extend(generated());
    let text = manifest(&listed);
    let path = dir().join("MANIFEST.tsv");
    if bless {
        std::fs::write(&path, &text).expect("write");
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        text,
        "MANIFEST.tsv is stale"
    );
    let mut on_disk: BTreeSet<String> = std::fs::read_dir(dir())
        .expect("dir")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.remove("MANIFEST.tsv");
    assert_eq!(
        on_disk, committed_names,
        "files in tests/fixtures/bad/ not in the corpus, or missing"
    );
}

#[test]
fn the_corpus_is_large_and_covers_every_code() {
    let all: Vec<Bad> = corpus().into_iter().chain(generated()).collect();
    assert!(all.len() >= 60, "{} files", all.len());
    let codes: BTreeSet<&str> = all
        .iter()
        .filter_map(|b| b.code.map(Code::as_str))
        .collect();
    // The corpus feeds the readers a city office and a county meet (applications, packages,
    // catalogs, tables). The province's and the annual report's codes have their own fixtures,
    // one per code, checked by `tests/province.rs` and `tests/annual.rs`.
    let other_kinds = [
        Code::InvalidProfile,
        Code::InvalidScores,
        Code::InvalidFigures,
        Code::RecommendedTwice,
        Code::EditedAfterPackaging,
        Code::InvalidRegister,
        Code::BrokenChain,
        Code::ProfileMismatch,
        Code::UnknownTemplate,
        Code::InvalidPart,
        Code::IncompleteReport,
        Code::InvalidYear,
        Code::InvalidSelfAssessment,
        Code::RevisitMismatch,
        Code::RegisterRewritten,
    ];
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| !other_kinds.contains(c))
        .map(|c| c.as_str())
        .filter(|c| !codes.contains(c))
        .collect();
    assert!(missing.is_empty(), "codes without a bad input: {missing:?}");
}
