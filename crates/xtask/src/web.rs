//! `cargo xtask build-web`: builds the Yew app with wasm-pack and assembles the static site.
//!
//! The app is built twice from `web/`: the county page's build (the self-assessment alone, so
//! a county downloads only what it uses) and the full build with the `full` feature (the city
//! review and training mode as well). Layout of `web/dist/` (served as the site root):
//! - `index.html` from `web/index.html`: the county page;
//! - `review.html`, `training.html`, `annual.html` and `province.html`: the same page naming its mode in
//!   `<main id="app" data-mode="…">`, which makes `boot.js` load the full build, and linking
//!   `modes.css` (the review's and training's styles) after `app.css`;
//! - the contents of `web/static/` (if present), copied to the root
//!   (`web/static/app.css` becomes `dist/app.css`);
//! - `shifan_web.js`, `shifan_web_bg.wasm`: the county build (from `web/pkg/`), and
//!   `shifan_web_full.js`, `shifan_web_full_bg.wasm`: the full build (from `web/pkg-full/`),
//!   with `snippets/` if wasm-bindgen made any;
//! - `shifan_web_widget.js`, `shifan_web_widget_bg.wasm`: the embeddable widget's build (the
//!   `widget` feature, from `web/pkg-widget/`), and `widget.css` (`widget.rs`: `app.css` for a
//!   shadow root), for `widget.js` from `web/static/`;
//! - `sw.js`, the service worker (`web/static/sw.js`), filled in last with every file's
//!   SHA-256 (`offline.rs`);
//! - `xlsx/shifan_web_xlsx.js`, `xlsx/shifan_web_xlsx_bg.wasm`: the spreadsheet writer
//!   (`web/xlsx`), a separate module the page imports only when it exports a workbook.
//!
//! A release build renames the functions each wasm imports from its glue to short names
//! (`imports.rs`: wasm-bindgen's carry a hash each, which does not compress), and minifies every `.js` and `.css` file of the site with esbuild (npm, beside
//! binaryen in `tests/e2e`): wasm-bindgen's glue and the style sheets are written to be read,
//! and the county page's download has a budget. esbuild writes for the floor's engines
//! (`floor-check.js` and `too-old.js`, which must run in Internet Explorer too, as ES5).
//!
//! Every build meets the browser floor (`floor.rs`): the pinned nightly toolchain rebuilds the
//! standard library with exactly the floor's wasm features (`-Zbuild-std`, `-Ctarget-cpu=mvp`),
//! `wasm-opt` (run here, not by wasm-pack, so that it gets the same feature list) may use no
//! other, and each `.wasm` in `dist/` is validated against the floor: the build fails if one
//! uses anything above it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

use crate::util::{self, Result, cmd, fail, run, secs};
use crate::{floor, imports, setup};

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
const BUILDS: [Build; 5] = [
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
    // The embeddable widget (`web/static/widget.js`): the county build and the host's side.
    Build {
        crate_dir: "web",
        out_dir: "pkg-widget",
        stem: "shifan_web_widget",
        features: &["widget"],
        dist_subdir: "",
    },
    // The widget's review and training modes: the widget and the full build, which
    // `widget.js` loads only when a widget asks for one of those modes, so that a
    // self-assessment widget downloads no more than before.
    Build {
        crate_dir: "web",
        out_dir: "pkg-widget-full",
        stem: "shifan_web_widget_full",
        features: &["widget", "full"],
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

/// Whether a file under `from` is also under `to` with other bytes.
fn differs(from: &Path, to: &Path) -> Result<bool> {
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        let there = to.join(entry.file_name());
        if path.is_dir() {
            if differs(&path, &there)? {
                return Ok(true);
            }
        } else if there.is_file() && std::fs::read(&path)? != std::fs::read(&there)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The pages of the modes that have their own page: (file name, `data-mode`).
const MODE_PAGES: [(&str, &str); 4] = [
    ("review.html", "review"),
    ("training.html", "training"),
    ("annual.html", "annual"),
    ("province.html", "province"),
];

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
    if !setup::floor_toolchain_ready() {
        return Err(fail!(
            "the browser floor's toolchain {} (with rust-src and {}) is missing: run `cargo xtask setup`",
            floor::NIGHTLY,
            setup::WASM_TARGET
        ));
    }
    // npm's binaryen (Debian's is too old to read what Rust emits).
    let wasm_opt = util::e2e_dir().join("node_modules/.bin/wasm-opt");
    if !dev && !wasm_opt.exists() {
        return Err(fail!(
            "{} is missing: run `cargo xtask setup`",
            wasm_opt.display()
        ));
    }

    println!(
        "build-web: {} build, to the browser floor ({})",
        if dev { "dev" } else { "release" },
        floor::describe()
    );
    let start = Instant::now();
    let dist = dist_dir();
    if dist.exists() {
        std::fs::remove_dir_all(&dist)?;
    }
    std::fs::create_dir_all(&dist)?;
    for build in &BUILDS {
        wasm_pack(build, dev, &wasm_opt, &dist)?;
    }

    let static_dir = web.join("static");
    if static_dir.is_dir() {
        util::copy_dir(&static_dir, &dist)?;
    }
    crate::widget::assemble(&dist)?;
    let index = web.join("index.html");
    let page = std::fs::read_to_string(&index).map_err(|e| fail!("{}: {e}", index.display()))?;
    let floor_check = format!(r#"<script src="{FLOOR_CHECK}"></script>"#);
    for needed in [APP_ROOT, APP_CSS, floor_check.as_str()] {
        if !page.contains(needed) {
            return Err(fail!("{} has no `{needed}`", index.display()));
        }
    }
    let county_css = format!("{APP_CSS}{}", snippet_preloads(&dist, "shifan_web.js")?);
    std::fs::write(dist.join("index.html"), page.replace(APP_CSS, &county_css))?;
    let with_modes_css = format!(
        r#"{APP_CSS}<link rel="stylesheet" href="modes.css">{}"#,
        snippet_preloads(&dist, "shifan_web_full.js")?
    );
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
    crate::offline::write_service_worker(&dist)?;
    println!("build-web: {} ready; took {}", dist.display(), secs(start));
    Ok(dist)
}

/// `<link rel="modulepreload">` for every snippet the page's glue (`glue`, in `dist`) imports
/// statically. Without them the browser learns of a snippet only once the glue has arrived, one
/// more round trip before the app can start: on a slow county line that is the longest wait of
/// the start. (The glue and the wasm are preloaded by `floor-check.js`, which leaves them to
/// an engine that can run them; a snippet is a kilobyte.)
fn snippet_preloads(dist: &Path, glue: &str) -> Result<String> {
    let path = dist.join(glue);
    let text = std::fs::read_to_string(&path).map_err(|e| fail!("{}: {e}", path.display()))?;
    Ok(static_snippets(&text)
        .iter()
        .map(|snippet| format!(r#"<link rel="modulepreload" href="{snippet}">"#))
        .collect())
}

/// The snippets (`snippets/…`, relative to the site) that wasm-bindgen's glue imports with a
/// static `import … from './snippets/…';` line; dynamic imports are not on the way to start.
fn static_snippets(glue: &str) -> Vec<&str> {
    glue.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("import ")?;
            let (_, from) = rest.split_once(" from '")?;
            let path = from.strip_suffix("';")?.strip_prefix("./")?;
            path.starts_with("snippets/").then_some(path)
        })
        .collect()
}

/// Runs wasm-pack for `build` (to the floor), then (release) `wasm-opt`, copies the output
/// into `dist`, checks the wasm against the floor and prints its size.
/// The release profile's `opt-level` for every wasm build (the page, the widget, the npm
/// package): the download is what they are measured by. `[profile.release]` itself is
/// `opt-level = 3`, for the CLI, whose budget is throughput.
pub(crate) const WASM_OPT_LEVEL: &str = "z";

/// The environment switch that keeps function names in a release build, for profiling.
const NAMES_VAR: &str = "SHIFAN_WASM_NAMES";

/// `wasm-opt`'s optimisation flags for a release build, the site's and the npm package's
/// (`js.rs`); the feature flags come from [`floor::wasm_opt_features`].
///
/// `--converge` repeats -Oz until it gains nothing more; `--low-memory-unused` lets it fold
/// constant offsets below 1 KiB into loads and stores: Rust puts its stack first, growing down
/// to address 0, so that kilobyte is touched only by a stack about to overflow (which traps
/// either way). Together −2.4 KB gzip on the county page.
///
/// `--one-caller-inline-max-function-size=20`: -Oz otherwise inlines every function that has
/// one caller, whatever its size, which merged the typed readers and verifiers into a few
/// functions of tens of KB (the npm package's `verify` was 70 KB). The code is hardly smaller
/// for it, and it compresses worse: each inlined copy gets its own local numbers, so the same
/// instructions stop being the same bytes. Kept as functions: npm wasm 180,702 → 156,324 B
/// gzip -9 (raw 456,344 → 449,032), measured on the same build; 0, 10, 30 and 50 were within
/// 0.3 KB of 20, 200 gave back a third of the gain.
pub(crate) const WASM_OPT_FLAGS: [&str; 4] = [
    "-Oz",
    "--converge",
    "--low-memory-unused",
    "--one-caller-inline-max-function-size=20",
];

fn wasm_pack(build: &Build, dev: bool, wasm_opt: &Path, dist: &Path) -> Result {
    let start = Instant::now();
    let mut wasm_pack = cmd("wasm-pack");
    wasm_pack
        .current_dir(util::root())
        // The floor's toolchain and flags, for this build only: clippy and the wasm tests keep
        // the stable toolchain. Its own target directory, so that neither evicts the other.
        .env("RUSTUP_TOOLCHAIN", floor::NIGHTLY)
        .env("CARGO_ENCODED_RUSTFLAGS", build_rustflags(dev).join("\x1f"))
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", WASM_OPT_LEVEL)
        .env("CARGO_TARGET_DIR", floor_target_dir())
        .args(["build", build.crate_dir, "--target", "web"])
        .arg(if dev { "--dev" } else { "--release" })
        .args([
            "--out-dir",
            build.out_dir,
            "--out-name",
            build.stem,
            "--no-pack",
            "--",
        ])
        .args(build_std_args(dev));
    if !build.features.is_empty() {
        wasm_pack.args(["--features", &build.features.join(",")]);
    }
    let pkg = util::root().join(build.crate_dir).join(build.out_dir);
    // wasm-bindgen adds to the out dir's snippets and never removes one: a stale one would be
    // copied into the site.
    let _ = std::fs::remove_dir_all(pkg.join("snippets"));
    run(&mut wasm_pack)?;

    if !dev {
        let wasm = pkg.join(format!("{}_bg.wasm", build.stem));
        // `SHIFAN_WASM_NAMES=1` keeps the function names (the name section) through wasm-opt,
        // so that a profile of the release build (`tests/bench/profile.mjs`) says where the
        // time goes; the site is otherwise the one measured. Never for a build that ships.
        let names = std::env::var_os(NAMES_VAR).is_some_and(|v| v == "1");
        run(cmd(wasm_opt)
            .args(WASM_OPT_FLAGS)
            .args(if names {
                &["-g"][..]
            } else {
                &["--strip-debug"][..]
            })
            .arg("--strip-producers")
            .args(floor::wasm_opt_features())
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm))?;
        let glue = pkg.join(format!("{}.js", build.stem));
        let (short_wasm, short_glue) = imports::shorten(
            &std::fs::read(&wasm)?,
            &std::fs::read_to_string(&glue)?,
            &format!("./{}_bg.js", build.stem),
        )
        .map_err(|e| fail!("{}: {e}", wasm.display()))?;
        std::fs::write(&wasm, short_wasm)?;
        std::fs::write(&glue, short_glue)?;
    }
    let to = dist.join(build.dist_subdir);
    std::fs::create_dir_all(&to)?;
    let wasm = format!("{}_bg.wasm", build.stem);
    for file in [format!("{}.js", build.stem), wasm.clone()] {
        let from = pkg.join(&file);
        std::fs::copy(&from, to.join(&file)).map_err(|e| fail!("{}: {e}", from.display()))?;
    }
    let snippets = pkg.join("snippets");
    if snippets.is_dir() {
        // Every build of the crate copies its snippets into one `snippets/`: a snippet is a
        // module file (`#[wasm_bindgen(module = "/src/….js")]`), named by its path. Inline
        // snippets (`inline_js`) are numbered per build, and two builds (full, widget + full)
        // numbered them differently, so the last copy broke the other's page.
        let shared = to.join("snippets");
        if differs(&snippets, &shared)? {
            return Err(fail!(
                "{}: its snippets differ from those another build put in {}: a snippet must be a \
                 module file under web/src/, not inline_js",
                build.stem,
                shared.display()
            ));
        }
        util::copy_dir(&snippets, &shared)?;
    }
    let wasm = to.join(wasm);
    let bytes = std::fs::read(&wasm)?;
    floor::check(&bytes).map_err(|e| {
        let (chromium, firefox) = floor::floor_engines();
        fail!(
            "{} uses a WebAssembly feature above the browser floor (Chromium {chromium}, \
             Firefox {firefox}): {e}",
            wasm.display()
        )
    })?;
    let gz = gzip_size(&wasm)
        .map(|n| format!("{n} bytes ({:.1} KiB)", n as f64 / 1024.0))
        .unwrap_or_else(|| "unknown (no gzip)".into());
    println!(
        "build-web: {} {} bytes, gzip -9 {gz}, within the browser floor; took {}",
        wasm.strip_prefix(dist).unwrap_or(&wasm).display(),
        bytes.len(),
        secs(start)
    );
    Ok(())
}

/// The rustc flags of a site build: the browser floor's, and for release builds
/// `-Cpanic=immediate-abort` (nightly, like the floor's `-Zbuild-std`). A panic then traps at
/// once instead of formatting its message and location first: no panic message, `Location`
/// path or `core::fmt` code reaches the download for it (the county page's wasm −12.6 KB gzip).
/// The release build has `panic = "abort"` anyway, and the message went only to the console
/// (yew's panic hook); the page's behaviour on a panic (the app stops) is the same. Dev builds
/// keep the message, for whoever debugs.
///
/// `-Zlocation-detail=none` leaves out the file, line and column that `#[track_caller]`
/// functions still carry when nothing prints them (−1.2 KB gzip on the county page).
pub(crate) fn build_rustflags(dev: bool) -> Vec<String> {
    let mut flags = floor::rustflags();
    if !dev {
        flags.extend([
            "-Zunstable-options".to_owned(),
            "-Cpanic=immediate-abort".to_owned(),
            "-Zlocation-detail=none".to_owned(),
        ]);
    }
    flags
}

/// Cargo's `-Zbuild-std…` arguments of a site build: the floor's standard library, and for
/// release builds with the standard library's `optimize_for_size` feature, which picks its
/// small algorithms (sorting above all: each type the app sorts had its own copy of the fast
/// sort; −2.0 KB gzip on the county page).
pub(crate) fn build_std_args(dev: bool) -> Vec<String> {
    let mut args = vec![format!("-Zbuild-std={}", floor::BUILD_STD)];
    if !dev {
        args.push("-Zbuild-std-features=optimize_for_size".to_owned());
    }
    args
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
    // The service worker is filled in after this and is not on the page's way to ready.
    files.retain(|f| {
        f.extension().is_some_and(|e| e == "js" || e == "css")
            && f.file_name()
                .is_none_or(|n| n != crate::offline::SERVICE_WORKER)
    });
    for file in &files {
        run(cmd(&esbuild)
            .arg(file)
            .args(["--minify", "--log-level=warning", "--allow-overwrite"])
            .arg(format!("--target={}", esbuild_target(file)))
            .arg(format!("--outfile={}", file.display())))?;
    }
    Ok(())
}

/// The engines esbuild writes `file` for: the floor's, and ES5 for the browser check and its
/// message, which must run (and say that the browser is too old) in Internet Explorer as well.
/// esbuild fails on syntax it cannot write for them.
fn esbuild_target(file: &Path) -> String {
    if file
        .file_name()
        .is_some_and(|n| n == FLOOR_CHECK || n == TOO_OLD)
    {
        "es5".to_owned()
    } else {
        let (chromium, firefox) = floor::floor_engines();
        format!("chrome{chromium},firefox{firefox}")
    }
}

/// The page's browser check (`web/static/floor-check.js`), a classic script for every browser.
const FLOOR_CHECK: &str = "floor-check.js";
/// The message it loads below the floor (`web/static/too-old.js`).
const TOO_OLD: &str = "too-old.js";

/// The target directory of the site's wasm builds (the floor's toolchain and flags).
pub(crate) fn floor_target_dir() -> PathBuf {
    util::target_dir().join("floor")
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

#[cfg(test)]
mod tests {
    use super::static_snippets;

    fn check(glue: &str, want: &[&str]) {
        assert_eq!(static_snippets(glue), want, "{glue}");
    }

    #[test]
    fn the_glues_static_snippet_imports_are_preloaded_and_nothing_else() {
        check(
            "/* @ts-self-types=\"./shifan_web.d.ts\" */\n\
             import { store_open, store_read } from './snippets/shifan-web-8338f7f6203004f5/src/store.js';\n\n\
             export function start() {}\n",
            &["snippets/shifan-web-8338f7f6203004f5/src/store.js"],
        );
        check(
            "import { a } from './snippets/x/src/catalog_table.js';\n\
             import { b } from './snippets/x/src/sheet.js';\n",
            &["snippets/x/src/catalog_table.js", "snippets/x/src/sheet.js"],
        );
        // Not a snippet, not a static import at the start of a line, or not one import line.
        check(
            "import { c } from './other.js';\n\
             const m = import('./snippets/x/src/late.js');\n\
             // import { d } from './snippets/x/src/commented.js';\n\
             import * as e from \"./snippets/x/src/double-quoted.js\";\n",
            &[],
        );
    }
}
