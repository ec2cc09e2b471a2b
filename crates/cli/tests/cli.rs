//! End-to-end tests of the `shifan` binary over the committed fixtures: exit statuses, the
//! problem code named for each invalid fixture, summaries in every format, catalog import and
//! export, the schema, and sample → check round trips.

use serde_json::Value;
use shifan_cli::output::display_width;
use shifan_rules::input::MAX_FILE_BYTES;
use shifan_rules::review::compare_compliance;
use shifan_rules::{Catalog, Ratio};
use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures")
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

/// Every application fixture's file name, sorted.
fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .expect("tests/fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// What one run of the binary gave.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs `shifan` from the repository root with `LANG` set to `lang_env`.
fn shifan_in_lang(lang_env: &str, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_shifan"))
        .current_dir(root())
        .env("LANG", lang_env)
        .args(args)
        .output()
        .expect("run shifan");
    Run {
        status: output
            .status
            .code()
            .expect("exited normally, not by a signal"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// Runs `shifan` from the repository root in an English locale.
fn shifan(args: &[&str]) -> Run {
    shifan_in_lang("C.UTF-8", args)
}

/// Checks one fixture with `shifan check`: valid ones give an `OK` line and status 0,
/// `invalid-<code>` ones an `INVALID` line whose first problem line names the code, status 1.
fn check(name: &str) {
    let path = fixture(name);
    let run = shifan(&["check", &path]);
    assert!(run.stderr.is_empty(), "{name}: {}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    if let Some(code) = name
        .strip_prefix("invalid-")
        .and_then(|n| n.strip_suffix(".json"))
    {
        assert_eq!(run.status, 1, "{name}: {}", run.stdout);
        assert_eq!(lines[0], format!("INVALID  {path}"));
        assert!(
            lines[1].starts_with(&format!("    {code}")),
            "{name}: first problem line {:?}",
            lines[1]
        );
    } else {
        assert_eq!(run.status, 0, "{name}: {}", run.stdout);
        assert!(lines[0].starts_with(&format!("OK  {path}  ")), "{name}");
        assert!(lines[0].contains(" ÷ "), "{name}: {}", lines[0]);
        // A single-item file has no comprehensive verdict, here as in the summary and exports.
        if name.contains("single-item") {
            assert!(
                lines[0].contains("no comprehensive bar"),
                "{name}: {}",
                lines[0]
            );
        } else {
            assert!(lines[0].contains("Estimate: "), "{name}: {}", lines[0]);
        }
        let warnings = &lines[1..];
        if name.starts_with("warning-") {
            let code = name
                .strip_prefix("warning-")
                .and_then(|n| n.strip_suffix(".json"))
                .expect("warning-<code>.json");
            assert!(!warnings.is_empty(), "{name}");
            for warning in warnings {
                assert!(
                    warning.starts_with(&format!("    warning  {code}")),
                    "{warning}"
                );
            }
        } else {
            assert!(warnings.is_empty(), "{name}: {warnings:?}");
        }
    }
}

#[test]
fn each_fixture_checks_as_its_name_says() {
    let names = fixture_names();
    assert!(names.len() >= 26, "{names:?}");
    for name in &names {
        check(name);
    }
}

#[test]
fn checking_all_fixtures_at_once_reports_each_and_fails() {
    let names = fixture_names();
    let paths: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    let mut args = vec!["check"];
    args.extend(paths.iter().map(String::as_str));
    let run = shifan(&args);
    assert_eq!(run.status, 1);
    let heads: Vec<&str> = run.stdout.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(heads.len(), names.len());
    for (head, path) in heads.iter().zip(&paths) {
        let expect_ok = !path.contains("/invalid-");
        let prefix = if expect_ok { "OK  " } else { "INVALID  " };
        assert!(head.starts_with(&format!("{prefix}{path}")), "{head}");
    }
    // Valid files alone pass.
    let valid: Vec<&str> = paths
        .iter()
        .filter(|p| !p.contains("/invalid-"))
        .map(String::as_str)
        .collect();
    let mut args = vec!["check"];
    args.extend(valid);
    assert_eq!(shifan(&args).status, 0);
}

#[test]
fn unreadable_and_oversized_files_are_invalid_not_panics() {
    let dir = scratch("unreadable");
    let big = dir.join("too-large.json");
    let mut bytes = std::fs::read(fixtures().join("valid-comprehensive.json")).expect("fixture");
    bytes.resize(MAX_FILE_BYTES + 1, b' ');
    std::fs::write(&big, bytes).expect("write");
    let missing = dir.join("missing.json");
    let (big, missing) = (
        big.to_string_lossy().into_owned(),
        missing.to_string_lossy().into_owned(),
    );
    let run = shifan(&["check", &missing, &big]);
    assert_eq!(run.status, 1);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            format!("INVALID  {missing}"),
            "    unreadable: no such file".to_string(),
            format!("INVALID  {big}"),
            "    too-large: the file is larger than the 20 MB limit".to_string(),
        ]
    );
}

#[test]
fn a_folder_is_checked_file_by_file_as_offices_receive_them() {
    let dir = scratch("received");
    let copy = |name: &str, to: &str| {
        let to = dir.join(to);
        std::fs::create_dir_all(to.parent().expect("a parent")).expect("mkdir");
        std::fs::copy(fixtures().join(name), &to).expect("copy");
    };
    copy("valid-comprehensive.json", "县区/小店区.json");
    copy("invalid-integrity-mismatch.json", "县区/迎泽区/改过的.JSON");
    copy("valid-city.json", "大同市.json");
    std::fs::write(dir.join("说明.txt"), "not checked").expect("write");
    let dir_s = dir.to_string_lossy().into_owned();
    let run = shifan(&["check", &dir_s]);
    assert_eq!(run.status, 1, "{}", run.stdout);
    assert_eq!(run.stderr, format!("folder {dir_s}: found 3 .json files\n"));
    let verdicts: Vec<&str> = run.stdout.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(verdicts.len(), 3, "{}", run.stdout);
    assert!(verdicts[0].starts_with(&format!("OK  {}", dir.join("县区/小店区.json").display())));
    assert!(verdicts[1].starts_with("INVALID  ") && verdicts[1].ends_with("改过的.JSON"));
    assert!(verdicts[2].starts_with(&format!("OK  {}", dir.join("大同市.json").display())));
    let zh = shifan_in_lang("zh_CN.UTF-8", &["summary", &dir_s]);
    assert!(zh.stderr.contains("找到 3 个 .json 文件"), "{}", zh.stderr);

    // A folder without any application file is an error that says so.
    let empty = scratch("received-empty");
    std::fs::create_dir_all(empty.join("子文件夹")).expect("mkdir");
    std::fs::write(empty.join("说明.txt"), "nothing").expect("write");
    let empty_s = empty.to_string_lossy().into_owned();
    let run = shifan(&["check", &empty_s]);
    assert_eq!(run.status, 1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("holds no .json file"), "{}", run.stderr);
    let zh = shifan_in_lang("zh_CN.UTF-8", &["check", &empty_s]);
    assert!(zh.stderr.contains("没有 .json 文件"), "{}", zh.stderr);
}

#[test]
fn json_output_is_an_array_in_input_order() {
    let names = [
        "valid-city.json",
        "invalid-integrity-mismatch.json",
        "warning-incomplete-single-item.json",
        "no-such-file.json",
    ];
    let paths: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    let mut args = vec!["check", "--json"];
    args.extend(paths.iter().map(String::as_str));
    let run = shifan(&args);
    assert_eq!(run.status, 1);
    let entries: Vec<Value> = serde_json::from_str(&run.stdout).expect("a JSON array");
    let statuses: Vec<&str> = entries
        .iter()
        .map(|e| e["status"].as_str().expect("status"))
        .collect();
    assert_eq!(statuses, ["ok", "invalid", "ok", "unreadable"]);
    for (entry, path) in entries.iter().zip(&paths) {
        assert_eq!(entry["file"], path.as_str());
    }
    let city = &entries[0]["application"];
    assert_eq!(
        (city["met"].as_u64(), city["applicable"].as_u64()),
        (Some(95), Some(99))
    );
    assert_eq!(city["level"], "city");
    assert_eq!(city["meets_bar"], true);
    assert_eq!(entries[1]["problems"][0]["code"], "integrity-mismatch");
    assert!(entries[1]["problems"][0]["message"]["zh"].is_string());
    assert_eq!(entries[2]["warnings"][0]["code"], "incomplete-single-item");
    assert_eq!(entries[3]["problems"][0]["code"], "unreadable");
}

#[test]
fn extra_catalogs_are_loaded_with_catalog() {
    let file = fixture("invalid-unknown-catalog.json");
    assert_eq!(shifan(&["check", &file]).status, 1);
    let local = fixture("catalogs/jinzhong-local-2021.json");
    let run = shifan(&["check", "--catalog", &local, &file]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(run.stdout.contains("(91 ÷ "), "{}", run.stdout);
    // A file that is not a catalog is a usage error, explained.
    let not_catalog = fixture("valid-city.json");
    let run = shifan(&["check", "--catalog", &not_catalog, &file]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("invalid-catalog"), "{}", run.stderr);
}

#[test]
fn language_follows_lang_unless_given() {
    let file = fixture("invalid-missing-reason.json");
    let zh = shifan_in_lang("zh_CN.UTF-8", &["check", &file]);
    assert!(zh.stdout.contains("missing-reason（第 "), "{}", zh.stdout);
    let en = shifan_in_lang("en_US.UTF-8", &["check", &file]);
    assert!(
        en.stdout.contains("missing-reason (indicator "),
        "{}",
        en.stdout
    );
    let forced = shifan_in_lang("zh_CN.UTF-8", &["check", "--lang", "en", &file]);
    assert_eq!(forced.stdout, en.stdout);
    let valid = fixture("valid-comprehensive.json");
    let zh = shifan_in_lang("C", &["--lang", "zh", "check", &valid]);
    assert!(zh.stdout.contains("综合示范"), "{}", zh.stdout);
    assert!(zh.stdout.contains("预估\u{ff1a}"), "{}", zh.stdout);
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &[][..],
        &["check"][..],
        &["summary", "--format", "xml", "x.json"][..],
        &["check", "--lang", "fr", "x.json"][..],
        &["frobnicate"][..],
        &["catalog", "show", "--edition", "no-such-edition"][..],
    ] {
        assert_eq!(shifan(args).status, 2, "{args:?}");
    }
}

/// Every application fixture path plus a missing file, for the summaries.
fn summary_inputs() -> Vec<String> {
    let mut paths: Vec<String> = fixture_names().iter().map(|n| fixture(n)).collect();
    paths.push(fixture("no-such-file.json"));
    paths
}

#[test]
fn summary_json_is_sorted_by_exact_compliance() {
    let paths = summary_inputs();
    let mut args = vec!["summary", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let run = shifan(&args);
    assert_eq!(run.status, 1);
    let summary: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let applications = summary["applications"].as_array().expect("applications");
    assert_eq!(applications.len(), 6);
    let ratio = |a: &Value| Ratio {
        met: a["met"].as_u64().expect("met") as u32,
        applicable: a["applicable"].as_u64().expect("applicable") as u32,
    };
    for pair in applications.windows(2) {
        let order = compare_compliance(ratio(&pair[0]), ratio(&pair[1]));
        assert_ne!(order, Ordering::Less, "{pair:?}");
        // Cross-multiplied by hand as well.
        let (a, b) = (ratio(&pair[0]), ratio(&pair[1]));
        assert!(
            u64::from(a.met) * u64::from(b.applicable)
                >= u64::from(b.met) * u64::from(a.applicable)
        );
        if order == Ordering::Equal {
            assert!(pair[0]["division_code"].as_str() <= pair[1]["division_code"].as_str());
        }
    }
    assert_eq!(applications[0]["file"], fixture("valid-comprehensive.json"));
    assert_eq!(applications[0]["county"], "太原市小店区");
    let invalid = summary["invalid"].as_array().expect("invalid");
    assert_eq!(invalid.len(), paths.len() - 6);
    for entry in invalid {
        let file = entry["file"].as_str().expect("file");
        let expected = file
            .strip_prefix("tests/fixtures/invalid-")
            .and_then(|n| n.strip_suffix(".json"))
            .unwrap_or("unreadable");
        assert_eq!(entry["code"], expected, "{file}");
    }
    // valid-comprehensive and warning-invalid-contact are the same county, as is one more pair.
    assert_eq!(summary["duplicates"].as_array().map(Vec::len), Some(2));
}

#[test]
fn summary_csv_has_the_same_order_as_json() {
    let paths = summary_inputs();
    let mut args = vec!["summary", "--format", "csv", "--lang", "en"];
    args.extend(paths.iter().map(String::as_str));
    let run = shifan(&args);
    assert_eq!(run.status, 1);
    let body = run
        .stdout
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    // The one export table of shifan-rules, as the web page exports it.
    let expected =
        shifan_rules::review::export_table(&[], &[], shifan_rules::Lang::En, String::new());
    assert_eq!(header[..expected.headers.len()], expected.headers[..]);
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    let mut args = vec!["summary", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let json: Value = serde_json::from_str(&shifan(&args).stdout).expect("JSON");
    let applications = json["applications"].as_array().expect("applications");
    assert_eq!(records.len(), applications.len());
    for (record, app) in records.iter().zip(applications) {
        assert_eq!(&record[column("File")], app["file"].as_str().expect("file"));
        assert_eq!(&record[column("Met")], app["met"].to_string());
        // One value for the verdict: JSON's null is the CSV's "— (single-item)".
        let verdict = &record[column("Meets the comprehensive bar (estimate)")];
        match app["meets_bar"].as_bool() {
            None => assert_eq!(verdict, "— (single-item)"),
            Some(true) => assert_eq!(verdict, "yes"),
            Some(false) => assert_eq!(verdict, "no"),
        }
    }
    assert!(records.iter().any(|r| &r[column("Has warnings")] == "yes"));
    // The invalid files are said beside the table.
    assert!(run.stderr.contains("no-such-file.json"), "{}", run.stderr);
}

#[test]
fn summary_table_aligns_chinese_text() {
    let paths: Vec<String> = fixture_names()
        .iter()
        .filter(|n| !n.starts_with("invalid-"))
        .map(|n| fixture(n))
        .collect();
    for lang in ["zh", "en"] {
        let mut args = vec!["summary", "--lang", lang];
        args.extend(paths.iter().map(String::as_str));
        let run = shifan(&args);
        assert_eq!(run.status, 0, "{}", run.stdout);
        let table: Vec<&str> = run.stdout.lines().take_while(|l| !l.is_empty()).collect();
        assert_eq!(table.len(), 1 + paths.len(), "{}", run.stdout);
        // The last column (fingerprint) starts at the same display column on every line.
        let starts: Vec<usize> = table
            .iter()
            .map(|line| {
                let last = line.rfind("  ").expect("columns") + 2;
                display_width(&line[..last])
            })
            .collect();
        assert!(
            starts.windows(2).all(|w| w[0] == w[1]),
            "{lang}: {}",
            run.stdout
        );
        // And so does the compliance column's right edge ("%").
        let percent_ends: Vec<usize> = table[1..]
            .iter()
            .map(|line| display_width(&line[..line.find('%').expect("a percentage") + 1]))
            .collect();
        assert!(
            percent_ends.windows(2).all(|w| w[0] == w[1]),
            "{lang}: {}",
            run.stdout
        );
        assert!(run.stdout.contains(if lang == "zh" {
            "太原市小店区"
        } else {
            "Comprehensive"
        }));
    }
}

#[test]
fn importing_the_shipped_table_reproduces_the_reference_catalog() {
    let dir = scratch("import");
    let out = dir.join("catalog.json");
    let out_s = out.to_string_lossy().into_owned();
    let table = "crates/rules/data/catalog-reference-2019.csv";
    let run = shifan(&["catalog", "import", table, "-o", &out_s]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let reference = Catalog::reference();
    assert!(
        run.stdout.contains(reference.fingerprint()),
        "{}",
        run.stdout
    );
    let imported = Catalog::from_json(&std::fs::read(&out).expect("written")).expect("valid");
    assert_eq!(imported.fingerprint(), reference.fingerprint());

    // With its own identity, the same table is another catalog, and loads with --catalog.
    let run = shifan(&[
        "catalog",
        "import",
        table,
        "-o",
        &out_s,
        "--id",
        "office-2021",
        "--title",
        "某市指标体系",
        "--issuer",
        "某市依法治市办",
        "--year",
        "2021",
        "--provenance",
        "据官方文本整理",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let own = Catalog::from_json(&std::fs::read(&out).expect("written")).expect("valid");
    assert_eq!((own.id(), own.data().year), ("office-2021", 2021));
    assert_ne!(own.fingerprint(), reference.fingerprint());
}

#[test]
fn a_broken_table_reports_its_lines_and_fails() {
    let dir = scratch("broken-table");
    let table = dir.join("table.csv");
    std::fs::write(
        &table,
        "area,section,number,title,criteria,evidence,applies_to\n\
         甲,乙,1,丙,要点,材料,both\n\
         甲,乙,x,丁,要点,材料,both\n\
         甲,乙,3,戊,要点,材料,everyone\n",
    )
    .expect("write");
    let out = dir.join("catalog.json");
    let run = shifan(&[
        "catalog",
        "import",
        &table.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("invalid-table (line 3)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("invalid-table (line 4)"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
    let missing = shifan(&[
        "catalog",
        "import",
        "no-such.csv",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(missing.status, 1);
    assert!(missing.stderr.contains("no such file"));
}

#[test]
fn catalog_show_and_export() {
    let reference = Catalog::reference();
    let text = shifan(&["catalog", "show", "--lang", "zh"]);
    assert_eq!(text.status, 0);
    assert!(text.stdout.starts_with(reference.title()));
    assert!(text.stdout.contains("\n一、"));
    assert!(text.stdout.contains(reference.fingerprint()));
    for indicator in reference.indicators() {
        assert!(
            text.stdout
                .contains(&format!("    {}. {}", indicator.number, indicator.title)),
            "indicator {}",
            indicator.number
        );
    }
    let json = shifan(&["catalog", "show", "--json", "--edition", reference.id()]);
    assert_eq!(json.status, 0);
    let parsed = Catalog::from_json(json.stdout.as_bytes()).expect("a catalog");
    assert_eq!(parsed.fingerprint(), reference.fingerprint());

    let shipped =
        std::fs::read_to_string(root().join("crates/rules/data/catalog-reference-2019.csv"))
            .expect("shipped table");
    let csv = shifan(&["catalog", "export-csv"]);
    assert_eq!(csv.status, 0);
    assert_eq!(csv.stdout, shipped);
    let dir = scratch("export");
    let out = dir.join("table.csv");
    let run = shifan(&["catalog", "export-csv", "-o", &out.to_string_lossy()]);
    assert_eq!(run.status, 0);
    assert_eq!(std::fs::read_to_string(&out).expect("written"), shipped);
}

#[test]
fn schema_is_the_committed_one() {
    let run = shifan(&["schema"]);
    assert_eq!(run.status, 0);
    let committed =
        std::fs::read_to_string(root().join("crates/rules/schema/application-v1.schema.json"))
            .expect("committed schema");
    assert_eq!(run.stdout, committed);
}

#[test]
fn the_annual_report_schema_is_the_committed_one() {
    let run = shifan(&["schema", "annual-report"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let committed =
        std::fs::read_to_string(root().join("crates/rules/schema/annual-report-v1.schema.json"))
            .expect("committed schema");
    assert_eq!(run.stdout, committed);
}

/// Every annual report fixture: `check` says OK (with the title and, when attached, the
/// self-assessment's compliance) or INVALID with the fixture's code first; `summary` lists a
/// valid report among the files that are not applications, saying where it opens.
#[test]
fn check_verifies_annual_reports_fixture_by_fixture() {
    let dir = fixtures().join("annual");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/annual")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 20, "{names:?}");
    for name in &names {
        let path = fixture(&format!("annual/{name}"));
        // An application where a report was expected: `check` reads any document, so it is
        // a valid application there.
        if name == "invalid-other-document.json" {
            let run = shifan(&["check", &path]);
            assert_eq!(run.status, 0, "{}", run.stdout);
            continue;
        }
        let run = shifan_in_lang("zh_CN.UTF-8", &["check", &path]);
        let lines: Vec<&str> = run.stdout.lines().collect();
        if let Some(code) = name
            .strip_prefix("invalid-")
            .and_then(|n| n.strip_suffix(".json"))
        {
            assert_eq!(run.status, 1, "{name}: {}", run.stdout);
            assert_eq!(lines[0], format!("INVALID  {path}"));
            assert!(
                lines[1].starts_with(&format!("    {code}")),
                "{name}: {:?}",
                lines[1]
            );
        } else {
            assert_eq!(run.status, 0, "{name}: {}", run.stdout);
            assert!(lines[0].starts_with(&format!("OK  {path}  ")), "{name}");
            assert!(
                lines[0].contains("2025年法治政府建设年度报告  2026-03-20"),
                "{}",
                lines[0]
            );
            let warning = name
                .strip_prefix("warning-")
                .and_then(|n| n.strip_suffix(".json"));
            match warning {
                Some(code) => assert!(
                    lines[1].starts_with(&format!("    warning  {code}")),
                    "{}",
                    run.stdout
                ),
                None => assert_eq!(lines.len(), 1, "{}", run.stdout),
            }
        }
    }
    let valid = fixture("annual/valid-report.json");
    let run = shifan_in_lang("zh_CN.UTF-8", &["check", &valid]);
    assert!(
        run.stdout.contains("附自评：综合示范 97.8% (92 ÷ 94)"),
        "{}",
        run.stdout
    );
    let json = shifan(&["check", "--json", &valid]);
    let entries: Value = serde_json::from_str(&json.stdout).expect("JSON");
    let report = &entries[0]["annual_report"];
    assert_eq!(report["year"], 2025);
    assert_eq!(report["self_assessment"]["met"], 92);
    assert_eq!(report["lengths"][4][0], "other");
    let summary = shifan(&[
        "summary",
        "--format",
        "json",
        &valid,
        &fixture("valid-comprehensive.json"),
    ]);
    assert!(
        summary.stdout.contains("other-document"),
        "{}",
        summary.stdout
    );
    assert!(summary.stdout.contains("annual.html"), "{}", summary.stdout);
}

#[test]
fn samples_check_and_are_reproducible() {
    let dir = scratch("samples");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let (a, b, c) = (path("a.json"), path("b.json"), path("c.json"));
    let run = shifan(&["sample", "--county", "140105", "--met", "88", "-o", &a]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        shifan(&["sample", "--county", "140105", "--met", "88", "-o", &b]).status,
        0
    );
    assert_eq!(std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));
    let run = shifan(&[
        "sample",
        "--county",
        "140100",
        "--met",
        "97",
        "--kind",
        "single-item",
        "--category",
        "three-systems",
        "--seed",
        "9",
        "--date",
        "2027-01-05T10:00:00+08:00",
        "-o",
        &c,
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let check = shifan(&["check", &a, &c]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    let lines: Vec<&str> = check.stdout.lines().collect();
    assert!(lines[0].contains("太原市小店区  Comprehensive  ") && lines[0].contains("(88 ÷ "));
    assert!(lines[1].contains("太原市  Single-item  ") && lines[1].contains("(97 ÷ "));
    assert!(
        std::fs::read_to_string(&c)
            .expect("c")
            .contains("\"updated\": \"2027-01-05T10:00:00+08:00\"")
    );

    for bad in [
        &["sample", "--county", "140105", "--met", "99", "-o", &a][..],
        &["sample", "--county", "140726", "--met", "9", "-o", &a][..],
        &[
            "sample",
            "--county",
            "140105",
            "--met",
            "9",
            "--date",
            "2026-01-01",
            "-o",
            &a,
        ][..],
        &[
            "sample",
            "--county",
            "140105",
            "--met",
            "9",
            "--category",
            "other",
            "-o",
            &a,
        ][..],
        &[
            "sample",
            "--county",
            "140105",
            "--met",
            "9",
            "--kind",
            "single-item",
            "--category",
            "x",
            "-o",
            &a,
        ][..],
    ] {
        let run = shifan(bad);
        assert_eq!(run.status, 2, "{bad:?}");
        assert!(!run.stderr.is_empty(), "{bad:?}");
    }
}

/// Writes a recommendation package of two Taiyuan applications into `dir`, sealed by the
/// library as the web review will seal it.
fn write_package(dir: &Path) -> PathBuf {
    use shifan_rules::package::{Decision, Package, Review, Reviewer};
    use shifan_rules::{CatalogSet, Generator, read_application};
    let catalogs = CatalogSet::builtin();
    let a = std::fs::read(fixtures().join("valid-comprehensive.json")).unwrap();
    let a = read_application(&a, &catalogs).unwrap();
    // A second Taiyuan county, below the bar.
    let b_path = dir.join("second.json");
    let run = shifan(&[
        "sample",
        "--county",
        "140106",
        "--met",
        "85",
        "-o",
        b_path.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let b = read_application(&std::fs::read(&b_path).unwrap(), &catalogs).unwrap();
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
    let generator = Generator {
        name: "test".into(),
        version: "0".into(),
    };
    let package = Package::build(
        &review,
        &[&a, &b],
        generator,
        "2026-12-01T10:00:00+08:00".into(),
    )
    .unwrap();
    let path = dir.join("package.json");
    std::fs::write(&path, package.to_json()).unwrap();
    path
}

#[test]
fn check_verifies_recommendation_packages_and_summary_expands_them() {
    let dir = scratch("package");
    let package = write_package(&dir);
    let path = package.to_str().unwrap();
    let run = shifan(&["check", path]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.starts_with(&format!(
            "OK  {path}  太原市 recommendation package (2026-12-01): 2 applications, 1 recommended"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("    Recommend #1  太原市小店区"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("    Do not recommend  太原市迎泽区"),
        "{}",
        run.stdout
    );

    let json: Value = serde_json::from_str(&shifan(&["check", "--json", path]).stdout).unwrap();
    assert_eq!(json[0]["package"]["applications"][0]["decision"]["rank"], 1);

    let summary: Value =
        serde_json::from_str(&shifan(&["summary", "--format", "json", path]).stdout).unwrap();
    let text = summary.to_string();
    assert!(
        text.contains("package.json#1") && text.contains("package.json#2"),
        "{text}"
    );

    let tampered = dir.join("tampered.json");
    std::fs::write(
        &tampered,
        std::fs::read_to_string(&package)
            .unwrap()
            .replacen("材料齐全", "材料非常齐全", 1),
    )
    .unwrap();
    let run = shifan(&["check", tampered.to_str().unwrap()]);
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("integrity-mismatch"), "{}", run.stdout);
}

#[test]
fn summary_writes_the_comparison_table_as_a_workbook() {
    let dir = scratch("xlsx");
    let out = dir.join("对比.xlsx");
    let valid = fixtures().join("valid-comprehensive.json");
    let run = shifan(&[
        "summary",
        valid.to_str().unwrap(),
        "--xlsx",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let bytes = std::fs::read(&out).expect("workbook written");
    assert!(
        bytes.starts_with(b"PK"),
        "an xlsx workbook is a zip archive"
    );

    let unwritable = dir.join("missing-dir/out.xlsx");
    let run = shifan(&[
        "summary",
        valid.to_str().unwrap(),
        "--xlsx",
        unwritable.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("missing-dir"), "{}", run.stderr);
}
