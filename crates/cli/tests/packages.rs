//! The recommendation-package fixtures (`tests/fixtures/packages/`) through `shifan check`:
//! the valid package is OK with its applications listed, `warning-<code>` ones are OK with
//! that warning, `invalid-<code>` ones fail naming the code first.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Checks fixture `name`; returns what is wrong, if anything.
fn check(name: &str) -> Option<String> {
    let path = format!("tests/fixtures/packages/{name}");
    let out = Command::new(env!("CARGO_BIN_EXE_shifan"))
        .current_dir(root())
        .env("LANG", "C.UTF-8")
        .args(["check", &path])
        .output()
        .expect("run shifan");
    let status = out.status.code().expect("exited");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    let stem = name.strip_suffix(".json").expect(".json");
    let ok = match stem.split_once('-') {
        Some(("invalid", code)) => {
            status == 1
                && lines[0] == format!("INVALID  {path}")
                && lines[1].starts_with(&format!("    {code}"))
        }
        Some(("warning", code)) => {
            status == 0
                && lines[0].starts_with(&format!("OK  {path}  太原市 recommendation package"))
                && lines.iter().any(|l| l.starts_with(&format!("    warning  {code}")))
        }
        _ => {
            status == 0
                && lines[0].starts_with(&format!(
                    "OK  {path}  太原市 recommendation package (2026-12-01): 3 applications, 2 recommended"
                ))
                && !stdout.contains("warning")
        }
    };
    (!ok).then(|| format!("{name}: status {status}\n{stdout}"))
}

#[test]
fn each_package_fixture_checks_as_its_name_says() {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/packages"))
        .expect("tests/fixtures/packages")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    let wrong: Vec<String> = names.iter().filter_map(|n| check(n)).collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
