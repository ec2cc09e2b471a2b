//! The bad-input corpus (`tests/fixtures/bad/MANIFEST.tsv`) through the `shifan` binary: every
//! file gives its code, in the reader the manifest names — `check FILE` for applications and packages,
//! `check --catalog FILE` for catalog files, `catalog import FILE` for tables — and the files
//! the manifest marks `generated` (50 MB, deep nesting) are made here, by the rule it states.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One manifest line.
struct Entry {
    file: String,
    reader: String,
    code: String,
    what: String,
}

fn manifest() -> Vec<Entry> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/bad/MANIFEST.tsv"))
        .expect("tests/fixtures/bad/MANIFEST.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            assert_eq!(cells.len(), 4, "{l}");
            Entry {
                file: cells[0].into(),
                reader: cells[1].into(),
                code: cells[2].into(),
                what: cells[3].into(),
            }
        })
        .collect()
}

/// Where a file of the corpus is: committed, or generated into the test's scratch folder.
fn path_of(entry: &Entry) -> PathBuf {
    if !entry.what.starts_with("generated:") {
        return root().join("tests/fixtures/bad").join(&entry.file);
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bad-generated");
    std::fs::create_dir_all(&dir).expect("scratch");
    let bytes = match entry.file.as_str() {
        "huge-50mb.json" => {
            let mut b = std::fs::read(root().join("tests/fixtures/valid-comprehensive.json"))
                .expect("a valid file");
            b.resize(50 * 1024 * 1024, b' ');
            b
        }
        "deep-nesting.json" => {
            let mut b = vec![b'['; 100_000];
            b.extend(vec![b']'; 100_000]);
            b
        }
        other => panic!("no rule to generate {other}"),
    };
    let path = dir.join(&entry.file);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// Runs `shifan` in English; returns status, stdout, stderr.
fn shifan(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shifan"))
        .current_dir(root())
        .env("LANG", "C.UTF-8")
        .args(args)
        .output()
        .expect("run shifan");
    (
        out.status.code().expect("exited, not killed"),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

/// What is wrong with how `shifan` treated `entry`, if anything.
fn check(entry: &Entry) -> Option<String> {
    let path = path_of(entry);
    let path = path.to_str().expect("a UTF-8 path");
    let code = entry.code.as_str();
    let name = &entry.file;
    let (status, out, err) = match entry.reader.as_str() {
        "application" | "package" => shifan(&["check", path]),
        "catalog" => shifan(&[
            "check",
            "--catalog",
            path,
            "tests/fixtures/valid-comprehensive.json",
        ]),
        "table" => {
            let to = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.json"));
            shifan(&["catalog", "import", path, "-o", to.to_str().expect("path")])
        }
        other => return Some(format!("{name}: unknown reader {other}")),
    };
    let lines: Vec<&str> = out.lines().chain(err.lines()).collect();
    let warnings: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("    warning  "))
        .collect();
    let ok = match (entry.reader.as_str(), code) {
        (_, "ok") => status == 0 && warnings.is_empty(),
        ("application" | "package", _) if status == 0 => {
            !warnings.is_empty()
                && warnings
                    .iter()
                    .all(|w| w.starts_with(&format!("    warning  {code}:")))
        }
        // The first problem line names the code.
        ("application" | "package", _) => {
            status == 1
                && lines.first() == Some(&format!("INVALID  {path}").as_str())
                && lines
                    .get(1)
                    .is_some_and(|l| l.starts_with(&format!("    {code}")))
        }
        ("catalog", _) => {
            status == 2
                && lines
                    .get(1)
                    .is_some_and(|l| l.starts_with(&format!("  {code}")))
        }
        _ => {
            status == 1
                && lines
                    .get(1)
                    .is_some_and(|l| l.starts_with(&format!("  {code}")))
        }
    };
    (!ok).then(|| format!("{name} (want {code}): status {status}\n{out}{err}"))
}

#[test]
fn every_bad_input_gives_its_code_in_the_cli() {
    let entries = manifest();
    assert!(entries.len() >= 60, "{} entries", entries.len());
    let wrong: Vec<String> = entries.iter().filter_map(check).collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_bad_input_leaves_a_panic_or_a_raw_error_behind() {
    for entry in manifest() {
        if entry.what.starts_with("generated:") {
            continue;
        }
        let path = path_of(&entry);
        let (_, out, err) = shifan(&["check", path.to_str().expect("path")]);
        for text in [&out, &err] {
            assert!(!text.contains("panicked"), "{}: {text}", entry.file);
            assert!(!text.contains("Error("), "{}: {text}", entry.file);
        }
    }
}
