//! `cargo xtask build-web`: builds the Yew app with wasm-pack and assembles the static site.
//!
//! Layout of `web/dist/` (served as the site root):
//! - `index.html` from `web/index.html`;
//! - the contents of `web/static/` (if present), copied to the root as they are
//!   (`web/static/app.css` becomes `dist/app.css`);
//! - `shifan_web.js`, `shifan_web_bg.wasm` (and `snippets/`, if wasm-bindgen made any)
//!   from wasm-pack's `web/pkg/`;
//! - `xlsx/shifan_web_xlsx.js`, `xlsx/shifan_web_xlsx_bg.wasm`: the spreadsheet writer
//!   (`web/xlsx`), a separate module the page imports only when it exports a workbook.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

use crate::util::{self, Result, cmd, fail, run, secs};

/// The wasm-bindgen output files the page loads.
const PKG_FILES: [&str; 2] = ["shifan_web.js", "shifan_web_bg.wasm"];

/// The spreadsheet module's files, served under `xlsx/` and loaded on demand.
const XLSX_FILES: [&str; 2] = ["shifan_web_xlsx.js", "shifan_web_xlsx_bg.wasm"];

/// Directory of the web crate.
pub(crate) fn web_dir() -> PathBuf {
    util::root().join("web")
}

/// Directory of the assembled static site.
pub(crate) fn dist_dir() -> PathBuf {
    web_dir().join("dist")
}

/// Builds the app (release unless `dev`) and assembles `web/dist/`; returns its path.
pub(crate) fn build_web(dev: bool) -> Result<PathBuf> {
    util::ensure_cargo_bin_on_path();
    let web = web_dir();
    if !web.join("Cargo.toml").exists() {
        return Err(fail!("{} is missing", web.join("Cargo.toml").display()));
    }
    // wasm-pack runs the first `wasm-opt` on PATH: npm's binaryen (Debian's is too old).
    let npm_bin = util::e2e_dir().join("node_modules/.bin");
    if npm_bin.join("wasm-opt").exists() {
        util::prepend_path(&npm_bin);
    } else if !dev {
        println!(
            "build-web: warning: {} missing (run `cargo xtask setup`); wasm-pack may fail to get wasm-opt",
            npm_bin.join("wasm-opt").display()
        );
    }

    println!("build-web: {} build", if dev { "dev" } else { "release" });
    let start = Instant::now();
    run(cmd("wasm-pack")
        .current_dir(util::root())
        .args(["build", "web", "--target", "web"])
        .arg(if dev { "--dev" } else { "--release" })
        .args(["--out-dir", "pkg", "--no-pack"]))?;
    println!("build-web: wasm-pack took {}", secs(start));

    let pkg = web.join("pkg");
    let dist = dist_dir();
    if dist.exists() {
        std::fs::remove_dir_all(&dist)?;
    }
    std::fs::create_dir_all(&dist)?;

    let static_dir = web.join("static");
    if static_dir.is_dir() {
        util::copy_dir(&static_dir, &dist)?;
    }
    let index = web.join("index.html");
    if !index.exists() {
        return Err(fail!("{} is missing", index.display()));
    }
    std::fs::copy(&index, dist.join("index.html"))?;
    for f in PKG_FILES {
        let from = pkg.join(f);
        std::fs::copy(&from, dist.join(f)).map_err(|e| fail!("{}: {e}", from.display()))?;
    }
    let snippets = pkg.join("snippets");
    if snippets.is_dir() {
        util::copy_dir(&snippets, &dist.join("snippets"))?;
    }

    // The spreadsheet writer is its own module, loaded by the page only when a city office
    // exports a workbook, so the self-assessment page does not carry it.
    let xlsx_start = Instant::now();
    run(cmd("wasm-pack")
        .current_dir(util::root())
        .args(["build", "web/xlsx", "--target", "web"])
        .arg(if dev { "--dev" } else { "--release" })
        .args(["--out-dir", "pkg", "--no-pack"]))?;
    let xlsx_dist = dist.join("xlsx");
    std::fs::create_dir_all(&xlsx_dist)?;
    for f in XLSX_FILES {
        let from = web.join("xlsx/pkg").join(f);
        std::fs::copy(&from, xlsx_dist.join(f)).map_err(|e| fail!("{}: {e}", from.display()))?;
    }
    let xlsx_wasm = xlsx_dist.join("shifan_web_xlsx_bg.wasm");
    println!(
        "build-web: spreadsheet module xlsx/shifan_web_xlsx_bg.wasm {} bytes, gzip -9 {} bytes; took {}",
        std::fs::metadata(&xlsx_wasm)?.len(),
        gzip_size(&xlsx_wasm).unwrap_or(0),
        secs(xlsx_start)
    );

    let wasm = dist.join("shifan_web_bg.wasm");
    let raw = std::fs::metadata(&wasm)?.len();
    let gz = gzip_size(&wasm)
        .map(|n| format!("{n} bytes ({:.1} KiB)", n as f64 / 1024.0))
        .unwrap_or_else(|| "unknown (no gzip)".into());
    println!(
        "build-web: {} ready; shifan_web_bg.wasm {raw} bytes ({:.1} KiB), gzip -9 {gz}; total {}",
        dist.display(),
        raw as f64 / 1024.0,
        secs(start)
    );
    Ok(dist)
}

/// Size of `file` after `gzip -9`, using the system's gzip.
pub(crate) fn gzip_size(file: &Path) -> Option<u64> {
    let data = std::fs::read(file).ok()?;
    let mut child = cmd("gzip")
        .args(["-9", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    out.status.success().then_some(out.stdout.len() as u64)
}
