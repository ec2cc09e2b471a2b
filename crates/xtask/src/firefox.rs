//! Firefox, the second engine: where Debian puts it, its WebDriver (geckodriver), and the
//! options the wasm tests and e2e walks start it with.
//!
//! The wasm-bindgen browser tests run in Firefox through geckodriver exactly as in Chromium
//! through ChromeDriver (`wasm-bindgen-test-runner` picks the driver from `GECKODRIVER`); the
//! e2e walks in Firefox use `puppeteer-core` over WebDriver BiDi (`tests/e2e/firefox.test.mjs`),
//! because Playwright drives only its own patched Firefox builds, which cannot be downloaded
//! here.

use std::path::PathBuf;

use crate::util::{self, Result, cmd, fail, output, run};

/// The Debian package of Firefox ESR.
pub(crate) const FIREFOX_PACKAGE: &str = "firefox-esr";
/// Where Debian installs Firefox ESR.
pub(crate) const FIREFOX: &str = "/usr/bin/firefox-esr";
/// The geckodriver release installed from crates.io (the one `shared/toolchain.md` names).
const GECKODRIVER_VERSION: &str = "0.37.1";

/// Seconds `wasm-bindgen-test-runner` waits for the driver to start (its default of 5 s is
/// short for Firefox on 2 cores; wasm-bindgen's own CI waits 60 s).
pub(crate) const DRIVER_TIMEOUT: &str = "60";

/// Where `cargo install` puts geckodriver.
pub(crate) fn geckodriver_path() -> PathBuf {
    util::cargo_bin_dir().join("geckodriver")
}

/// Installs geckodriver [`GECKODRIVER_VERSION`] with cargo, unless it is there.
pub(crate) fn geckodriver() -> Result<String> {
    let path = geckodriver_path();
    let have = output(cmd(&path).arg("--version"));
    let version = have
        .as_deref()
        .and_then(|out| out.split_whitespace().nth(1))
        .map(str::to_owned);
    if version.as_deref() == Some(GECKODRIVER_VERSION) {
        return Ok(format!("{GECKODRIVER_VERSION} present"));
    }
    println!("setup: geckodriver: installing {GECKODRIVER_VERSION} (takes ~4 min)");
    run(cmd(util::cargo()).args([
        "install",
        "geckodriver",
        "--locked",
        "--force",
        "--version",
        GECKODRIVER_VERSION,
    ]))?;
    match output(cmd(&path).arg("--version")) {
        Some(out) if out.contains(GECKODRIVER_VERSION) => {
            Ok(format!("{GECKODRIVER_VERSION} installed"))
        }
        other => Err(fail!(
            "installed geckodriver {GECKODRIVER_VERSION} but `{} --version` says {other:?}",
            path.display()
        )),
    }
}

/// The `moz:firefoxOptions` member of `webdriver.json`: Debian's binary, headless.
pub(crate) fn webdriver_options() -> String {
    format!(
        "  \"moz:firefoxOptions\": {{\n    \"binary\": \"{FIREFOX}\",\n    \"args\": [\"-headless\"]\n  }}"
    )
}
