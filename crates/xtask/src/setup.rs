//! `cargo xtask setup`: idempotently installs the tools the web build and browser tests need.
//!
//! Every step checks first and installs only what is missing or at the wrong version, so a
//! second run takes well under a second. Only package registries are reachable on our
//! machines (crates.io, npm, Debian), so each tool comes from one of them; see
//! `shared/toolchain.md` for why each choice was made.

use std::path::Path;
use std::time::{Instant, SystemTime};

use crate::util::{self, Result, cmd, fail, output, run, secs};
use crate::{firefox, floor};

/// Which tools to make sure of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// What `build-web` needs: wasm32 target, the floor's nightly toolchain, wasm-bindgen-cli,
    /// wasm-pack, npm packages.
    Build,
    /// Everything, including Chromium and ChromeDriver for the browser tests.
    All,
}

/// The wasm target we build the web app for.
pub(crate) const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Where Debian installs Chromium.
pub(crate) const CHROMIUM: &str = "/usr/bin/chromium";
/// Where Debian installs ChromeDriver.
pub(crate) const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A small Debian font package with Chinese glyphs, so screenshots of the widget are legible.
const CJK_FONT_PACKAGE: &str = "fonts-wqy-zenhei";
/// A file that [`CJK_FONT_PACKAGE`] installs.
const CJK_FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

/// Runs every setup step of `scope`, one progress line per step.
pub(crate) fn setup(scope: Scope) -> Result {
    util::ensure_cargo_bin_on_path();
    let start = Instant::now();
    step("wasm32 target", wasm_target)?;
    step("nightly toolchain for the browser floor", floor_toolchain)?;
    step("wasm-bindgen-cli", wasm_bindgen_cli)?;
    step("wasm-pack", wasm_pack)?;
    if scope == Scope::All {
        step("chromium, chromedriver, firefox-esr, CJK font", browsers)?;
        step("geckodriver", firefox::geckodriver)?;
    }
    step("npm packages (tests/e2e)", npm_packages)?;
    step("npm packages (tests/js)", crate::js::npm_packages)?;
    println!("setup: done in {}", secs(start));
    Ok(())
}

/// Runs one step and prints `setup: NAME: WHAT (TIME)`.
fn step(name: &str, f: impl FnOnce() -> Result<String>) -> Result {
    let start = Instant::now();
    let what = f().map_err(|e| fail!("setup: {name}: {e}"))?;
    println!("setup: {name}: {what} ({})", secs(start));
    Ok(())
}

fn wasm_target() -> Result<String> {
    let installed = output(cmd("rustc").args(["--print", "sysroot"]))
        .map(|sysroot| {
            Path::new(&sysroot)
                .join("lib/rustlib")
                .join(WASM_TARGET)
                .join("lib")
                .is_dir()
        })
        .unwrap_or(false);
    if installed {
        return Ok(format!("{WASM_TARGET} present"));
    }
    println!("setup: wasm32 target: installing");
    run(cmd("rustup").args(["target", "add", WASM_TARGET]))?;
    Ok(format!("{WASM_TARGET} installed"))
}

/// The pinned nightly toolchain of the site's wasm build (`floor::NIGHTLY`), with the
/// standard library's source (for `-Zbuild-std`) and the wasm32 target (wasm-pack checks for
/// it). Installed once, about a minute; the minimal profile leaves out docs and tools.
fn floor_toolchain() -> Result<String> {
    let toolchain = floor::NIGHTLY;
    if floor_toolchain_ready() {
        return Ok(format!(
            "{toolchain} with rust-src and {WASM_TARGET} present"
        ));
    }
    println!("setup: nightly toolchain: installing {toolchain} (takes ~1 min)");
    // `toolchain install` also adds the component and target to a toolchain already there.
    run(cmd("rustup").args([
        "toolchain",
        "install",
        toolchain,
        "--profile",
        "minimal",
        "--component",
        "rust-src",
        "--target",
        WASM_TARGET,
    ]))?;
    Ok(format!(
        "{toolchain} with rust-src and {WASM_TARGET} installed"
    ))
}

/// Whether the floor's toolchain is installed with the standard library's source and the
/// wasm32 target.
pub(crate) fn floor_toolchain_ready() -> bool {
    let sysroot = output(
        cmd("rustc")
            .env("RUSTUP_TOOLCHAIN", floor::NIGHTLY)
            .args(["--print", "sysroot"]),
    );
    sysroot.is_some_and(|sysroot| {
        let rustlib = Path::new(&sysroot).join("lib/rustlib");
        rustlib.join("src/rust/library/std").is_dir()
            && rustlib.join(WASM_TARGET).join("lib").is_dir()
    })
}

/// The `wasm-bindgen` version(s) pinned in `Cargo.lock`.
pub(crate) fn locked_wasm_bindgen_versions() -> Result<Vec<String>> {
    let lock_path = util::root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path).map_err(|e| {
        fail!(
            "cannot read {}: {e} (run any cargo command to create it)",
            lock_path.display()
        )
    })?;
    Ok(lock_versions(&lock, "wasm-bindgen"))
}

/// Versions of package `name` listed in the text of a `Cargo.lock`.
fn lock_versions(lock: &str, name: &str) -> Vec<String> {
    let mut versions = Vec::new();
    let mut current_name: Option<&str> = None;
    for line in lock.lines() {
        let line = line.trim();
        if line == "[[package]]" {
            current_name = None;
        } else if let Some(v) = toml_string(line, "name") {
            current_name = Some(v);
        } else if let Some(v) = toml_string(line, "version")
            && current_name == Some(name)
            && !versions.iter().any(|x| x == v)
        {
            versions.push(v.to_owned());
        }
    }
    versions
}

/// The string value of a `key = "value"` line, if the line is one.
fn toml_string<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line
        .strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?
        .trim();
    rest.strip_prefix('"')?.strip_suffix('"')
}

/// Version printed by `TOOL --version` (`"tool 1.2.3"` -> `"1.2.3"`), if the tool runs.
fn tool_version(tool: &str) -> Option<String> {
    let out = output(cmd(tool).arg("--version"))?;
    out.split_whitespace().nth(1).map(str::to_owned)
}

fn wasm_bindgen_cli() -> Result<String> {
    let versions = locked_wasm_bindgen_versions()?;
    let want = match versions.as_slice() {
        [] => return Ok("no wasm-bindgen in Cargo.lock, nothing to do".into()),
        [one] => one.clone(),
        many => {
            return Err(fail!(
                "Cargo.lock has several wasm-bindgen versions ({}); the CLI must match exactly one",
                many.join(", ")
            ));
        }
    };
    let have = tool_version("wasm-bindgen");
    let runner_ok = util::which("wasm-bindgen-test-runner".as_ref()).is_some();
    if have.as_deref() == Some(want.as_str()) && runner_ok {
        return Ok(format!("{want} present"));
    }
    println!(
        "setup: wasm-bindgen-cli: have {}, need {want}: installing (takes ~5 min)",
        have.as_deref().unwrap_or("none")
    );
    // No `--locked`: the CLI's own lock file names versions this registry lacks.
    run(cmd(util::cargo()).args(["install", "wasm-bindgen-cli", "--force", "--version", &want]))?;
    match tool_version("wasm-bindgen") {
        Some(v) if v == want => Ok(format!("{want} installed")),
        other => Err(fail!(
            "installed wasm-bindgen-cli {want} but `wasm-bindgen --version` says {other:?}; \
             is another wasm-bindgen earlier on PATH?"
        )),
    }
}

fn wasm_pack() -> Result<String> {
    if let Some(v) = tool_version("wasm-pack") {
        return Ok(format!("{v} present"));
    }
    println!("setup: wasm-pack: installing (takes ~4 min)");
    // `--force`: cargo may list it as installed although it does not run (e.g. removed by hand).
    run(cmd(util::cargo()).args(["install", "--force", "wasm-pack"]))?;
    let v = tool_version("wasm-pack")
        .ok_or_else(|| fail!("installed wasm-pack but `wasm-pack --version` does not run"))?;
    Ok(format!("{v} installed"))
}

/// The browsers of the tests, from Debian in one `apt-get` run: Chromium and its driver, and
/// Firefox ESR, the second engine.
fn browsers() -> Result<String> {
    let have = |p: &str| Path::new(p).exists();
    let wanted = [CHROMIUM, CHROMEDRIVER, firefox::FIREFOX, CJK_FONT];
    if wanted.iter().all(|p| have(p)) {
        return Ok("present".into());
    }
    println!(
        "setup: browsers: installing Debian chromium, chromium-driver, {}, {CJK_FONT_PACKAGE}",
        firefox::FIREFOX_PACKAGE
    );
    apt_install(&[
        "chromium",
        "chromium-driver",
        firefox::FIREFOX_PACKAGE,
        CJK_FONT_PACKAGE,
    ])?;
    if let Some(missing) = wanted.iter().find(|p| !have(p)) {
        return Err(fail!("apt-get finished but {missing} is missing"));
    }
    Ok("installed".into())
}

/// `apt-get update` and `apt-get install -y PACKAGES` (through `sudo` unless root).
fn apt_install(packages: &[&str]) -> Result {
    let is_root = output(cmd("id").arg("-u")).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut c = if is_root {
            cmd("apt-get")
        } else {
            let mut s = cmd("sudo");
            s.arg("apt-get");
            s
        };
        c.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        run(&mut c)
    };
    apt(&["update"])?;
    apt(&[&["install", "-y"][..], packages].concat())
}

fn mtime(p: &Path) -> Option<SystemTime> {
    p.metadata().and_then(|m| m.modified()).ok()
}

fn npm_packages() -> Result<String> {
    let dir = util::e2e_dir();
    if !dir.join("package.json").exists() {
        return Ok("no tests/e2e/package.json, nothing to do".into());
    }
    let lock = dir.join("package-lock.json");
    let hidden_lock = dir.join("node_modules/.package-lock.json");
    let needed = [
        dir.join("node_modules/.bin/wasm-opt"),
        dir.join("node_modules/playwright-core/package.json"),
        // Firefox's e2e walk speaks WebDriver BiDi through it.
        dir.join("node_modules/puppeteer-core-bidi/package.json"),
        // The old engines of the browser floor's tests (Chromium 85 and 92, inside the packages).
        dir.join("node_modules/chrome-aws-lambda/bin/chromium.br"),
        dir.join("node_modules/@sparticuz/chromium/bin/chromium.br"),
    ];
    let installed_at = mtime(&hidden_lock);
    let fresh = installed_at.is_some()
        && needed.iter().all(|p| p.exists())
        && [dir.join("package.json"), lock.clone()]
            .iter()
            .all(|p| mtime(p) <= installed_at);
    if fresh {
        return Ok("up to date".into());
    }
    if util::which("npm".as_ref()).is_none() {
        return Err(fail!(
            "npm not found: install Node.js 20+ with npm (e.g. `apt-get install nodejs npm`)"
        ));
    }
    let sub = if lock.exists() { "ci" } else { "install" };
    run(cmd("npm")
        .args([sub, "--no-audit", "--no-fund"])
        .current_dir(&dir))?;
    for p in &needed {
        if !p.exists() {
            return Err(fail!("`npm {sub}` finished but {} is missing", p.display()));
        }
    }
    Ok(format!("installed (npm {sub})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lock_versions() {
        let lock = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-futures"
version = "0.4.53"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
"#;
        assert_eq!(lock_versions(lock, "wasm-bindgen"), ["0.2.130"]);
        assert_eq!(lock_versions(lock, "wasm-bindgen-futures"), ["0.4.53"]);
        assert!(lock_versions(lock, "yew").is_empty());
    }

    #[test]
    fn toml_string_needs_exact_key() {
        assert_eq!(toml_string(r#"name = "x""#, "name"), Some("x"));
        assert_eq!(toml_string(r#"name="x""#, "name"), Some("x"));
        assert_eq!(toml_string(r#"names = "x""#, "name"), None);
        assert_eq!(toml_string("name = 3", "name"), None);
    }
}
