//! `cargo xtask build-web`: builds the Yew app with wasm-pack and assembles the static site.
//!
//! The app is built twice from `web/`: the county page's build (the self-assessment alone, so
//! a county downloads only what it uses) and the full build with the `full` feature (the city
//! review and training mode as well). Layout of `web/dist/` (served as the site root):
//! - `index.html` from `web/index.html`: the county page;
//! - `review.html` and `training.html`: the same page naming its mode in
//!   `<main id="app" data-mode="…">`, which makes `boot.js` load the full build, and linking
//!   `modes.css` (the review's and training's styles) after `app.css`;
//! - the contents of `web/static/` (if present), copied to the root
//!   (`web/static/app.css` becomes `dist/app.css`);
//! - `shifan_web.js`, `shifan_web_bg.wasm`: the county build (from `web/pkg/`), and
//!   `shifan_web_full.js`, `shifan_web_full_bg.wasm`: the full build (from `web/pkg-full/`),
//!   with `snippets/` if wasm-bindgen made any;
//! - `xlsx/shifan_web_xlsx.js`, `xlsx/shifan_web_xlsx_bg.wasm`: the spreadsheet writer
//!   (`web/xlsx`), a separate module the page imports only when it exports a workbook.
//!
//! A release build minifies every `.js` and `.css` file of the site with esbuild (npm, beside
//! binaryen in `tests/e2e`): wasm-bindgen's glue and the style sheets are written to be read,
//! and the county page's download has a budget.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

use crate::util::{self, Result, cmd, fail, run, secs};

/// One wasm-pack build that goes into the site.
struct Build {
    /// The crate's directory, relative to the repository root.
    crate_dir: &'static str,
    /// wasm-pack's output directory, relative to the crate.
    out_dir: &'static str,
    /// The output files' stem (`<stem>.js`, `<stem>_bg.wasm`).
    stem: &'static str,
    /// Cargo features to build with.
    features: &'static [&'static str],
    /// Where in `dist/` the files go.
    dist_subdir: &'static str,
}

/// The builds of the site, in the order they are made.
const BUILDS: [Build; 3] = [
    Build {
        crate_dir: "web",
        out_dir: "pkg",
        stem: "shifan_web",
        features: &[],
        dist_subdir: "",
    },
    Build {
        crate_dir: "web",
        out_dir: "pkg-full",
        stem: "shifan_web_full",
        features: &["full"],
        dist_subdir: "",
    },
    Build {
        crate_dir: "web/xlsx",
        out_dir: "pkg",
        stem: "shifan_web_xlsx",
        features: &[],
        dist_subdir: "xlsx",
    },
];

/// The pages of the modes that have their own page: (file name, `data-mode`).
const MODE_PAGES: [(&str, &str); 2] = [("review.html", "review"), ("training.html", "training")];

/// Where a page's template names the app's root element.
const APP_ROOT: &str = r#"<main id="app">"#;

/// Where a page's template links the app's style sheet; the mode pages add `modes.css` after it.
const APP_CSS: &str = r#"<link rel="stylesheet" href="app.css">"#;

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
    let dist = dist_dir();
    if dist.exists() {
        std::fs::remove_dir_all(&dist)?;
    }
    std::fs::create_dir_all(&dist)?;
    for build in &BUILDS {
        wasm_pack(build, dev, &dist)?;
    }

    let static_dir = web.join("static");
    if static_dir.is_dir() {
        util::copy_dir(&static_dir, &dist)?;
    }
    let index = web.join("index.html");
    let page = std::fs::read_to_string(&index).map_err(|e| fail!("{}: {e}", index.display()))?;
    for needed in [APP_ROOT, APP_CSS] {
        if !page.contains(needed) {
            return Err(fail!("{} has no `{needed}`", index.display()));
        }
    }
    std::fs::write(dist.join("index.html"), &page)?;
    let with_modes_css = format!(r#"{APP_CSS}<link rel="stylesheet" href="modes.css">"#);
    for (file, mode) in MODE_PAGES {
        let root = format!(r#"<main id="app" data-mode="{mode}">"#);
        let mode_page = page
            .replace(APP_ROOT, &root)
            .replace(APP_CSS, &with_modes_css);
        std::fs::write(dist.join(file), mode_page)?;
    }
    if !dev {
        minify(&dist)?;
    }
    println!("build-web: {} ready; took {}", dist.display(), secs(start));
    Ok(dist)
}

/// Runs wasm-pack for `build` and copies its output into `dist`, printing the wasm's size.
fn wasm_pack(build: &Build, dev: bool, dist: &Path) -> Result {
    let start = Instant::now();
    let mut wasm_pack = cmd("wasm-pack");
    wasm_pack
        .current_dir(util::root())
        .args(["build", build.crate_dir, "--target", "web"])
        .arg(if dev { "--dev" } else { "--release" })
        .args([
            "--out-dir",
            build.out_dir,
            "--out-name",
            build.stem,
            "--no-pack",
        ]);
    if !build.features.is_empty() {
        wasm_pack.args(["--", "--features", &build.features.join(",")]);
    }
    run(&mut wasm_pack)?;

    let pkg = util::root().join(build.crate_dir).join(build.out_dir);
    let to = dist.join(build.dist_subdir);
    std::fs::create_dir_all(&to)?;
    let wasm = format!("{}_bg.wasm", build.stem);
    for file in [format!("{}.js", build.stem), wasm.clone()] {
        let from = pkg.join(&file);
        std::fs::copy(&from, to.join(&file)).map_err(|e| fail!("{}: {e}", from.display()))?;
    }
    let snippets = pkg.join("snippets");
    if snippets.is_dir() {
        util::copy_dir(&snippets, &to.join("snippets"))?;
    }
    let wasm = to.join(wasm);
    let gz = gzip_size(&wasm)
        .map(|n| format!("{n} bytes ({:.1} KiB)", n as f64 / 1024.0))
        .unwrap_or_else(|| "unknown (no gzip)".into());
    println!(
        "build-web: {} {} bytes, gzip -9 {gz}; took {}",
        wasm.strip_prefix(dist).unwrap_or(&wasm).display(),
        std::fs::metadata(&wasm)?.len(),
        secs(start)
    );
    Ok(())
}

/// Minifies every `.js` and `.css` file under `dir` in place with esbuild.
fn minify(dir: &Path) -> Result {
    let esbuild = util::e2e_dir().join("node_modules/.bin/esbuild");
    if !esbuild.exists() {
        return Err(fail!(
            "{} is missing: run `cargo xtask setup`",
            esbuild.display()
        ));
    }
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    files.retain(|f| f.extension().is_some_and(|e| e == "js" || e == "css"));
    for file in &files {
        run(cmd(&esbuild)
            .arg(file)
            .args(["--minify", "--log-level=warning", "--allow-overwrite"])
            .arg(format!("--outfile={}", file.display())))?;
    }
    Ok(())
}

/// Every file under `dir`, recursively.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
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
