//! `cargo xtask fuzz`: runs every fuzz target under libFuzzer for a while, then minimises its
//! corpus in place.
//!
//! The target bodies are `crates/fuzz-targets` (stable; `tests/corpus.rs` there replays the
//! committed corpus in `cargo xtask test`); `fuzz/` is cargo-fuzz's crate, one binary
//! `readers` that runs the target named by `SHIFAN_FUZZ_TARGET`. The nightly toolchain
//! (the browser floor's pin, so one nightly serves both) and cargo-fuzz are installed when
//! missing. A crash leaves its input in `fuzz/artifacts/<target>/`; the run goes on with the
//! other targets and fails at the end naming every crash, which then becomes a corpus file and
//! a fix at its cause.

use std::path::Path;
use std::time::Instant;

use clap::Args;

use crate::floor;
use crate::util::{self, Result, cmd, fail, output, run, secs};

/// Options of `cargo xtask fuzz`.
#[derive(Debug, Args)]
pub(crate) struct FuzzArgs {
    /// Seconds of fuzzing per target.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// Only these targets (default: all of them).
    #[arg(long = "target")]
    targets: Vec<String>,
    /// Keep every input libFuzzer added instead of minimising the corpus afterwards.
    #[arg(long)]
    no_minimise: bool,
}

/// The toolchain cargo-fuzz runs with: the floor's pinned nightly, installed once for both.
const NIGHTLY: &str = floor::NIGHTLY;
/// The one libFuzzer binary of `fuzz/`.
const BINARY: &str = "readers";
/// The variable that picks its target (`shifan_fuzz_targets::TARGET_VAR`).
const TARGET_VAR: &str = "SHIFAN_FUZZ_TARGET";
/// Seconds one input may take before libFuzzer calls it a hang.
const INPUT_TIMEOUT_SECS: u64 = 20;
/// The largest corpus file kept after minimising. Larger inputs are mutations of the seeds
/// (whole files of 30–100 KB each, ~45 MB for all targets after a few minutes); the seeds are
/// replayed from code anyway, so the committed corpus keeps the small inputs, which reach the
/// readers' error paths.
const MAX_KEPT_BYTES: u64 = 8 * 1024;

/// Runs `cargo xtask fuzz`.
pub(crate) fn fuzz(args: &FuzzArgs) -> Result {
    util::ensure_cargo_bin_on_path();
    ensure_tools()?;
    let fuzz_dir = util::root().join("fuzz");
    let corpus = fuzz_dir.join("corpus");
    let all = target_names(&corpus)?;
    let targets = pick(&all, &args.targets)?;
    run(cargo_fuzz(&fuzz_dir).args(["build", BINARY]))?;
    let mut crashed = Vec::new();
    let mut done = Vec::new();
    for target in &targets {
        let start = Instant::now();
        let dir = corpus.join(target);
        let artifacts = fuzz_dir.join("artifacts").join(target);
        std::fs::create_dir_all(&artifacts)?;
        let before = count_files(&dir);
        println!(
            "\n== fuzz {target}: {before} corpus files, {} s ==",
            args.seconds
        );
        let fuzzed = run(cargo_fuzz(&fuzz_dir)
            .env(TARGET_VAR, target)
            .args(["run", BINARY])
            .arg(&dir)
            .arg("--")
            .arg(format!("-max_total_time={}", args.seconds))
            .arg(format!("-timeout={INPUT_TIMEOUT_SECS}"))
            .arg(format!("-artifact_prefix={}/", artifacts.display())));
        if let Err(e) = fuzzed {
            crashed.push(format!("{target}: {e} (inputs in {})", artifacts.display()));
            continue;
        }
        if !args.no_minimise {
            run(cargo_fuzz(&fuzz_dir)
                .env(TARGET_VAR, target)
                .args(["cmin", BINARY])
                .arg(&dir))?;
            drop_large(&dir)?;
        }
        done.push(format!(
            "{target}: {before} → {} corpus files in {}",
            count_files(&dir),
            secs(start)
        ));
    }
    println!("\nxtask fuzz:");
    for line in &done {
        println!("  {line}");
    }
    if crashed.is_empty() {
        Ok(())
    } else {
        Err(fail!(
            "crashes found; add each input to fuzz/corpus/<target>/ and fix its cause:\n  {}",
            crashed.join("\n  ")
        ))
    }
}

/// Installs the nightly toolchain and cargo-fuzz when missing.
fn ensure_tools() -> Result {
    let nightly = output(
        cmd("rustc")
            .env("RUSTUP_TOOLCHAIN", NIGHTLY)
            .arg("--version"),
    );
    if nightly.is_none() {
        println!("fuzz: installing the {NIGHTLY} toolchain (takes ~1 min)");
        run(cmd("rustup").args(["toolchain", "install", NIGHTLY, "--profile", "minimal"]))?;
    }
    if output(cmd(util::cargo()).args(["fuzz", "--version"])).is_none() {
        println!("fuzz: installing cargo-fuzz (takes ~3 min)");
        run(cmd(util::cargo()).args(["install", "cargo-fuzz", "--locked"]))?;
    }
    Ok(())
}

/// `cargo fuzz` with the nightly toolchain, in `fuzz/`.
fn cargo_fuzz(fuzz_dir: &Path) -> std::process::Command {
    let mut c = cmd(util::cargo());
    c.current_dir(fuzz_dir)
        .env("RUSTUP_TOOLCHAIN", NIGHTLY)
        .arg("fuzz");
    c
}

/// The targets' names, from the stable crate that defines them; it also writes the seeds of a
/// target whose corpus folder is missing or empty.
fn target_names(corpus: &Path) -> Result<Vec<String>> {
    let mut c = cmd(util::cargo());
    c.current_dir(util::root())
        .args([
            "run",
            "-q",
            "-p",
            "shifan-fuzz-targets",
            "--bin",
            "fuzz-seeds",
            "--",
        ])
        .arg(corpus);
    println!("$ {}", util::describe(&c));
    let out = c.output()?;
    if !out.status.success() {
        return Err(fail!(
            "fuzz-seeds failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect())
}

/// The targets asked for, each checked against the known ones; all of them when none is named.
fn pick(all: &[String], asked: &[String]) -> Result<Vec<String>> {
    if asked.is_empty() {
        return Ok(all.to_vec());
    }
    asked
        .iter()
        .map(|a| {
            if all.contains(a) {
                Ok(a.clone())
            } else {
                Err(fail!(
                    "no fuzz target {a:?}; the targets are {}",
                    all.join(", ")
                ))
            }
        })
        .collect()
}

/// Removes the corpus files over [`MAX_KEPT_BYTES`].
fn drop_large(dir: &Path) -> Result {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.metadata()?.len() > MAX_KEPT_BYTES {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.filter(|e| e.is_ok()).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_named_targets_or_all_and_refuses_unknown_ones() {
        let all = vec!["application".to_owned(), "store".to_owned()];
        assert_eq!(pick(&all, &[]).unwrap(), all);
        assert_eq!(pick(&all, &["store".into()]).unwrap(), vec!["store"]);
        let e = pick(&all, &["register".into()]).unwrap_err();
        assert!(e.0.contains("application, store"), "{e}");
    }
}
