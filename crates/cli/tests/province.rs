//! End-to-end tests of `shifan province` and of `shifan check` on register files, as a
//! provincial office runs them: a generated round of packages, a scores table, the ranking,
//! the notice list, a naming table, the register, and the register's fixtures.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn shifan(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_shifan"))
        .current_dir(root())
        .env("LANG", "C.UTF-8")
        .args(args)
        .output()
        .expect("run shifan");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn check_reads_register_fixtures_and_names_each_code() {
    let dir = root().join("tests/fixtures/province");
    for (name, expect) in [
        ("valid-register.json", None),
        ("invalid-register-broken-chain.json", Some("broken-chain")),
        (
            "invalid-register-profile-mismatch.json",
            Some("profile-mismatch"),
        ),
        (
            "invalid-register-invalid-register.json",
            Some("invalid-register"),
        ),
        (
            "invalid-register-integrity-mismatch.json",
            Some("integrity-mismatch"),
        ),
    ] {
        let path = dir.join(name);
        let run = shifan(&["--lang", "en", "check", path.to_str().unwrap()]);
        match expect {
            None => {
                assert_eq!(run.status, 0, "{name}: {}", run.stdout);
                assert!(run.stdout.starts_with("OK  "), "{}", run.stdout);
                assert!(
                    run.stdout.contains("10 comprehensive, 2 single-item"),
                    "{}",
                    run.stdout
                );
            }
            Some(code) => {
                assert_eq!(run.status, 1, "{name}");
                let first = run.stdout.lines().nth(1).unwrap_or_default().trim();
                assert!(first.starts_with(code), "{name}: {first}");
            }
        }
    }
    for (name, expect) in [
        ("supervised-register.json", None),
        (
            "invalid-register-revisit-mismatch.json",
            Some("revisit-mismatch"),
        ),
    ] {
        let run = shifan(&["--lang", "en", "check", dir.join(name).to_str().unwrap()]);
        match expect {
            None => {
                assert_eq!(run.status, 0, "{name}: {}", run.stdout);
                assert!(run.stdout.contains("7 events"), "{}", run.stdout);
                assert!(
                    run.stdout.contains("delisted on 2022-09-01"),
                    "{}",
                    run.stdout
                );
            }
            Some(code) => {
                assert_eq!(run.status, 1, "{name}");
                let first = run.stdout.lines().nth(1).unwrap_or_default().trim();
                assert!(first.starts_with(code), "{name}: {first}");
            }
        }
    }
    let json = shifan(&[
        "check",
        "--json",
        dir.join("valid-register.json").to_str().unwrap(),
    ]);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v[0]["register"]["format"], "shifan.register");
}

#[test]
fn a_round_is_ranked_listed_and_named() {
    let dir = scratch("province-round");
    let packages = dir.join("packages");
    let d = packages.to_str().unwrap();
    let run = shifan(&[
        "--lang",
        "en",
        "sample",
        "--round",
        "--cities",
        "3",
        "--candidates",
        "40",
        "-o",
        d,
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("3 packages, 40 applications"),
        "{}",
        run.stdout
    );
    let scores = dir.join("scores.csv");
    // Scores beside the packages' folder, so that the folder holds only what is taken in.
    std::fs::rename(packages.join("scores.csv"), &scores).unwrap();
    let s = scores.to_str().unwrap();

    // Without scores nobody is ranked: every candidate is incomplete, none ranked as zero.
    let bare = shifan(&["--lang", "en", "province", "rank", d, "--format", "json"]);
    assert_eq!(bare.status, 0, "{}", bare.stderr);
    let t: Value = serde_json::from_str(&bare.stdout).unwrap();
    let rows = t["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 40);
    assert!(
        rows.iter()
            .all(|r| r[2]["Text"].as_str().unwrap().starts_with("incomplete"))
    );

    let xlsx = dir.join("rank.xlsx");
    let ranked = shifan(&[
        "--lang",
        "en",
        "province",
        "rank",
        d,
        "--scores",
        s,
        "--format",
        "json",
        "--xlsx",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(ranked.status, 0, "{}", ranked.stderr);
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let t: Value = serde_json::from_str(&ranked.stdout).unwrap();
    let rows = t["rows"].as_array().unwrap();
    let fingerprints: Vec<String> = rows
        .iter()
        .filter(|r| r[1]["Count"].as_u64().is_some_and(|p| p <= 3))
        .map(|r| r[16]["Text"].as_str().unwrap().to_string())
        .collect();
    assert!(fingerprints.len() >= 3);
    assert!(
        rows.iter()
            .any(|r| r[14]["Text"].as_str().unwrap().contains(" × "))
    );

    let text = shifan(&["--lang", "zh", "province", "rank", d, "--scores", s]);
    assert!(text.stdout.contains("并列规则："), "{}", text.stdout);

    // A notice shorter than the profile's 7 days is a usage error.
    let short = shifan(&[
        "province",
        "list",
        d,
        "--scores",
        s,
        "--notice-start",
        "2021-07-01",
        "--notice-end",
        "2021-07-03",
        "--published-in",
        "山西日报",
        "--objections-to",
        "fzb@example.cn",
    ]);
    assert_eq!(short.status, 2);
    assert!(short.stderr.contains("invalid-figures"), "{}", short.stderr);
    let list = shifan(&[
        "--lang",
        "en",
        "province",
        "list",
        d,
        "--scores",
        s,
        "--notice-start",
        "2021-07-01",
        "--notice-end",
        "2021-07-07",
        "--published-in",
        "山西日报",
        "--objections-to",
        "=cmd|x",
        "--format",
        "csv",
    ]);
    assert_eq!(list.status, 0, "{}", list.stderr);
    assert!(list.stdout.starts_with("\u{feff}No.,Kind,Applicant"));
    assert!(
        list.stdout.contains("2021-07-01 — 2021-07-07,'=cmd|x"),
        "CSV formulas are neutralised"
    );

    let naming = dir.join("naming.csv");
    std::fs::write(
        &naming,
        format!("申报文件指纹\n{}\n", fingerprints.join("\n")),
    )
    .unwrap();
    let register = dir.join("register.json");
    let named = shifan(&[
        "--lang",
        "en",
        "province",
        "name",
        d,
        "--scores",
        s,
        "--naming",
        naming.to_str().unwrap(),
        "--document-number",
        "晋法治办发〔2021〕5号",
        "--date",
        "2021-09-10",
        "-o",
        register.to_str().unwrap(),
    ]);
    assert_eq!(named.status, 0, "{}", named.stderr);
    let check = shifan(&["--lang", "en", "check", register.to_str().unwrap()]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    assert!(
        check.stdout.contains(&format!("{} events", 1)),
        "{}",
        check.stdout
    );

    // A naming table naming someone outside the pool refuses the whole table.
    std::fs::write(&naming, "申报文件指纹\n0123456789abcdef\n").unwrap();
    let refused = shifan(&[
        "--lang",
        "en",
        "province",
        "name",
        d,
        "--scores",
        s,
        "--naming",
        naming.to_str().unwrap(),
        "--document-number",
        "x",
        "--date",
        "2021-09-10",
        "-o",
        dir.join("r2.json").to_str().unwrap(),
    ]);
    assert_eq!(refused.status, 1);
    assert!(
        refused.stderr.contains("invalid-scores (line 2)"),
        "{}",
        refused.stderr
    );
    assert!(!dir.join("r2.json").exists());

    // A scores table with a bad row stops the ranking with the row's line.
    std::fs::write(
        dir.join("bad.csv"),
        "申报文件指纹,评估机构,评估日期,得分\nzz,山西大学,2021-05-01,80\n",
    )
    .unwrap();
    let bad = shifan(&[
        "--lang",
        "en",
        "province",
        "rank",
        d,
        "--scores",
        dir.join("bad.csv").to_str().unwrap(),
    ]);
    assert_eq!(bad.status, 1);
    assert!(
        bad.stderr.contains("invalid-scores (line 2)"),
        "{}",
        bad.stderr
    );
}

#[test]
fn schemas_of_every_format_are_printed() {
    for (of, id) in [
        ("register", "Register"),
        ("programme", "ProfileData"),
        ("package", "Package"),
        ("application", "ApplicationFile"),
    ] {
        let run = shifan(&["schema", of]);
        assert_eq!(run.status, 0);
        let v: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(v["title"], id);
    }
}

#[test]
fn check_extends_accepts_an_extension_and_names_a_rewrite() {
    let dir = root().join("tests/fixtures/province");
    let path = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let (older, newer) = (
        path("supervised-register-older.json"),
        path("supervised-register.json"),
    );
    let run = shifan(&["--lang", "en", "check", "--extends", &older, &newer]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    let last = run.stdout.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("OK  ") && last.ends_with("4 new events"),
        "{last}"
    );
    // Chinese is the default with the CLI's language rule.
    let zh = shifan(&["--lang", "zh", "check", "--extends", &older, &newer]);
    assert!(zh.stdout.contains("的延续：新增 4 个事件"), "{}", zh.stdout);
    // Rewritten: valid on its own, not an extension.
    let rewritten = path("invalid-register-register-rewritten.json");
    let run = shifan(&["--lang", "en", "check", "--extends", &older, &rewritten]);
    assert_eq!(run.status, 1, "{}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let at = lines
        .iter()
        .rposition(|l| l.starts_with("INVALID  "))
        .expect("the comparison's line");
    assert!(
        lines[at + 1].trim().starts_with("register-rewritten") && lines[at + 1].contains("event 3"),
        "{}",
        run.stdout
    );
    // Dropped: the newer given as the older.
    let run = shifan(&[
        "--lang",
        "en",
        "check",
        "--json",
        "--extends",
        &newer,
        &older,
    ]);
    assert_eq!(run.status, 1);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v[2]["status"], "invalid");
    assert_eq!(v[2]["problems"][0]["code"], "register-rewritten");
    assert_eq!(v[0]["status"], "ok");
    // An invalid register is reported as such and not compared.
    let bad = path("invalid-register-broken-chain.json");
    let run = shifan(&["--lang", "en", "check", "--extends", &bad, &newer]);
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("not compared"), "{}", run.stdout);
    // More than one newer file is a usage error.
    let run = shifan(&["check", "--extends", &older, &newer, &newer]);
    assert_eq!(run.status, 2);
}

#[test]
fn the_public_list_and_the_reports_table_are_printed_and_exported() {
    let register = root().join("tests/fixtures/province/supervised-register.json");
    let r = register.to_str().unwrap();
    let run = shifan(&["--lang", "zh", "province", "public-list", r]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let last = run.stdout.lines().last().unwrap_or_default();
    assert!(
        last.contains("已摘牌") && last.contains("回访核查发现已不符合示范标准的"),
        "{}",
        run.stdout
    );
    let dir = scratch("public-list");
    let xlsx = dir.join("list.xlsx");
    let csv = shifan(&[
        "--lang",
        "en",
        "province",
        "public-list",
        r,
        "--format",
        "csv",
        "--xlsx",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(csv.status, 0, "{}", csv.stderr);
    assert_eq!(csv.stdout.lines().count(), 13, "{}", csv.stdout);
    assert_eq!(
        csv.stdout.matches(",current,").count(),
        11,
        "{}",
        csv.stdout
    );
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    let reports = shifan(&[
        "--lang",
        "en",
        "province",
        "reports",
        r,
        "--today",
        "2022-04-10",
        "--format",
        "json",
    ]);
    assert_eq!(reports.status, 0, "{}", reports.stderr);
    let t: Value = serde_json::from_str(&reports.stdout).unwrap();
    let rows = t["rows"].as_array().unwrap();
    // B is delisted: 11 current entries, one year each.
    assert_eq!(rows.len(), 11);
    let text = reports.stdout;
    assert!(
        text.contains("on time") && text.contains("missing"),
        "{text}"
    );
    let bad = shifan(&["province", "reports", r, "--today", "2022-4-10"]);
    assert_eq!(bad.status, 2);
    let broken = root().join("tests/fixtures/province/invalid-register-broken-chain.json");
    let run = shifan(&["province", "public-list", broken.to_str().unwrap()]);
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("broken-chain") || run.stderr.contains("broken-chain"));
}
