//! `cargo xtask test` and `cargo xtask bench`: the full check chain that CI runs.
//!
//! Steps run in order and the chain stops at the first failure, naming the step; the
//! process then exits non-zero.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use clap::Args;

use crate::setup::{self, CHROMEDRIVER, CHROMIUM, Scope, WASM_TARGET};
use crate::util::{self, Result, cmd, fail, run, secs};
use crate::{dist, firefox, web};

/// Options of `cargo xtask test`.
#[derive(Debug, Args)]
pub(crate) struct TestArgs {
    /// Skip `cargo xtask setup` (tools are known to be installed).
    #[arg(long)]
    skip_setup: bool,
    /// Only fmt, native clippy and native tests: no wasm, no browser, no e2e.
    #[arg(long)]
    native_only: bool,
}

/// Seconds the wasm-bindgen test runner waits per test (default 20 is short for 2 cores).
const WASM_TEST_TIMEOUT: &str = "120";

/// Chromium flags for headless runs as root on a machine with no outside network.
/// Keep in sync with `tests/e2e/serve.mjs`.
const CHROMIUM_ARGS: [&str; 8] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
];

/// Tests that also run as wasm in headless Chromium: (package, directory, extra cargo
/// arguments). The web app's county tests run against the county page's build, those of the
/// city review and training mode against the full build.
const WASM_TEST_RUNS: [(&str, &str, &[&str]); 3] = [
    ("shifan-web", "web", &[]),
    (
        "shifan-web",
        "web",
        &[
            "--features",
            "full",
            "--test",
            "review",
            "--test",
            "training",
        ],
    ),
    ("shifan-rules", "crates/rules", &[]),
];

/// The engines the wasm tests run in.
#[derive(Clone, Copy)]
enum Engine {
    Chromium,
    Firefox,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "Chromium",
            Engine::Firefox => "Firefox",
        }
    }

    /// Points `wasm-bindgen-test-runner` at this engine's driver (it takes the first driver
    /// variable it finds set, so the other one is removed).
    fn driver(self, cargo: &mut Command) {
        match self {
            Engine::Chromium => {
                cargo
                    .env("CHROMEDRIVER", CHROMEDRIVER)
                    .env_remove("GECKODRIVER");
            }
            Engine::Firefox => {
                cargo
                    .env("GECKODRIVER", firefox::geckodriver_path())
                    .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", firefox::DRIVER_TIMEOUT)
                    .env_remove("CHROMEDRIVER");
            }
        }
    }
}

/// The chain's record of finished steps, for the closing summary.
pub(crate) struct Chain {
    done: Vec<(String, String)>,
}

impl Chain {
    /// An empty chain.
    pub(crate) fn new() -> Chain {
        Chain { done: Vec::new() }
    }

    /// Runs one named step; on failure, stops the chain with a message naming the step.
    pub(crate) fn step(&mut self, name: &str, f: impl FnOnce() -> Result) -> Result {
        println!("\n== {name} ({}) ==", util::clock());
        let start = Instant::now();
        f().map_err(|e| fail!("step `{name}` failed after {}: {e}", secs(start)))?;
        println!("== {name}: ok ({}) ==", secs(start));
        self.done.push((name.to_owned(), secs(start)));
        Ok(())
    }

    /// Runs one cargo command as a step.
    pub(crate) fn cargo(&mut self, name: &str, args: &[&str]) -> Result {
        self.step(name, || {
            run(cmd(util::cargo()).current_dir(util::root()).args(args))
        })
    }
}

/// Runs the whole chain.
pub(crate) fn test(args: &TestArgs) -> Result {
    let start = Instant::now();
    let mut chain = Chain::new();
    util::ensure_cargo_bin_on_path();
    // The native-only loop needs no extra tools.
    if !args.skip_setup && !args.native_only {
        chain.step("setup", || setup::setup(Scope::All))?;
    }

    chain.cargo("cargo fmt", &["fmt", "--all", "--check"])?;
    chain.cargo(
        "cargo clippy (native)",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    if !args.native_only {
        // Both builds of the app: the county page's, and the full one.
        for (name, features) in [
            ("cargo clippy (wasm32, shifan-web)", None),
            ("cargo clippy (wasm32, shifan-web, full)", Some("full")),
            ("cargo clippy (wasm32, shifan-web, widget)", Some("widget")),
            (
                "cargo clippy (wasm32, shifan-web, widget + full)",
                Some("widget,full"),
            ),
        ] {
            let mut clippy = vec![
                "clippy",
                "--target",
                WASM_TARGET,
                "-p",
                "shifan-web",
                "--all-targets",
            ];
            clippy.extend(features.map(|f| ["--features", f]).into_iter().flatten());
            clippy.extend(["--", "-D", "warnings"]);
            chain.cargo(name, &clippy)?;
        }
    }
    chain.cargo("cargo test (native)", &["test", "--workspace"])?;
    // The web app is not a default member; its reducer and record tests run natively too, for
    // both builds.
    chain.cargo(
        "cargo test (native, shifan-web)",
        &["test", "-p", "shifan-web"],
    )?;
    chain.cargo(
        "cargo test (native, shifan-web, full)",
        &["test", "-p", "shifan-web", "--features", "full"],
    )?;

    if !args.native_only {
        for engine in [Engine::Chromium, Engine::Firefox] {
            for (package, dir, extra) in WASM_TEST_RUNS {
                let crate_dir = util::root().join(dir);
                if !has_wasm_tests(&crate_dir) {
                    println!(
                        "\n== wasm tests {package}: skipped: {dir}/Cargo.toml has no wasm-bindgen-test dev-dependency =="
                    );
                    continue;
                }
                let name = match extra {
                    [] => format!("wasm tests in {} ({package})", engine.name()),
                    _ => format!(
                        "wasm tests in {} ({package} {})",
                        engine.name(),
                        extra.join(" ")
                    ),
                };
                chain.step(&name, || {
                    write_webdriver_json(&crate_dir)?;
                    let mut cargo = cmd(util::cargo());
                    cargo
                        .current_dir(util::root())
                        .env("WASM_BINDGEN_TEST_TIMEOUT", WASM_TEST_TIMEOUT)
                        .args(["test", "--target", WASM_TARGET, "-p", package])
                        .args(extra);
                    engine.driver(&mut cargo);
                    run(&mut cargo)
                })?;
            }
        }

        let tests = e2e_tests()?;
        if tests.is_empty() {
            println!("\n== e2e: skipped: no tests/e2e/*.test.mjs ==");
        } else {
            chain.cargo("build shifan CLI", &["build", "-p", "shifan-cli"])?;
            let mut dist = PathBuf::new();
            chain.step("web build (release)", || {
                dist = web::build_web(false)?;
                Ok(())
            })?;
            chain.step("dist (single file, precompressed)", || {
                dist::assemble(&dist)
            })?;
            chain.step("e2e tests (node --test)", || {
                run(node(&dist)
                    .args(["--test", "--test-reporter=spec"])
                    .arg(format!("--test-timeout={E2E_TEST_TIMEOUT_MS}"))
                    .args(&tests))
            })?;
        }
        chain.step("npm package @shifan/rules", crate::js::test_step)?;
    }

    println!(
        "\nxtask test: all {} steps passed in {}:",
        chain.done.len(),
        secs(start)
    );
    for (name, took) in &chain.done {
        println!("  {took:>8}  {name}");
    }
    Ok(())
}

/// The longest one e2e test may take: a test that hangs (a browser that never answers) fails
/// instead of using up CI's 90 minutes. The slowest (Firefox's county walk) takes about 30 s
/// on a warm 2-core machine; a cold, busy one may take several times that.
const E2E_TEST_TIMEOUT_MS: u32 = 5 * 60 * 1000;

/// `node` with the environment the e2e scripts expect (`SHIFAN_DIST`, `SHIFAN_BIN`,
/// `SHIFAN_CHROMIUM`, `SHIFAN_FIREFOX`, `SHIFAN_ENGINES_DIR`).
pub(crate) fn node(dist: &Path) -> Command {
    let mut c = cmd("node");
    c.current_dir(util::root())
        .env("SHIFAN_DIST", dist)
        .env(
            "SHIFAN_BIN",
            util::target_dir().join("debug").join("shifan"),
        )
        .env("SHIFAN_CHROMIUM", CHROMIUM)
        .env("SHIFAN_FIREFOX", firefox::FIREFOX)
        // Where floor.test.mjs unpacks the old Chromium builds of its npm packages.
        .env("SHIFAN_ENGINES_DIR", util::target_dir().join("engines"));
    c
}

/// The e2e test files, `tests/e2e/*.test.mjs`, sorted.
fn e2e_tests() -> Result<Vec<PathBuf>> {
    let dir = util::e2e_dir();
    let mut tests = Vec::new();
    if dir.is_dir() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            let is_test = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".test.mjs"));
            if is_test && path.is_file() {
                tests.push(path);
            }
        }
    }
    tests.sort();
    Ok(tests)
}

/// Whether a crate declares `wasm-bindgen-test` (so its tests can run in the browser).
fn has_wasm_tests(crate_dir: &Path) -> bool {
    std::fs::read_to_string(crate_dir.join("Cargo.toml"))
        .map(|toml| toml.contains("wasm-bindgen-test"))
        .unwrap_or(false)
}

/// The `webdriver.json` that `wasm-bindgen-test-runner` reads from the crate directory.
fn webdriver_json() -> String {
    let args = CHROMIUM_ARGS
        .iter()
        .map(|a| format!("      \"{a}\""))
        .collect::<Vec<_>>()
        .join(",\n");
    format!(
        "{{\n  \"goog:chromeOptions\": {{\n    \"binary\": \"{CHROMIUM}\",\n    \"args\": [\n{args}\n    ]\n  }},\n{}\n}}\n",
        firefox::webdriver_options()
    )
}

/// Writes `webdriver.json` next to the crate's Cargo.toml unless it is already as expected.
fn write_webdriver_json(crate_dir: &Path) -> Result {
    let path = crate_dir.join("webdriver.json");
    let want = webdriver_json();
    if std::fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
        println!("writing {}", path.display());
        std::fs::write(&path, want)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webdriver_json_names_binary_and_flags() {
        let json = webdriver_json();
        assert!(json.contains(r#""binary": "/usr/bin/chromium""#));
        assert!(json.contains(r#""--no-sandbox""#));
        assert!(json.contains(r#""binary": "/usr/bin/firefox-esr""#));
        assert!(json.trim_end().ends_with('}'));
    }
}
