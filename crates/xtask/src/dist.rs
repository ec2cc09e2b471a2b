//! `cargo xtask dist`: the release site as a static host serves it, and the single-file
//! edition for offices without a web server.
//!
//! After the release build (`web.rs`), two steps over `web/dist/`:
//! - [`single_file`] writes `shifan-offline.html`: the full build (every mode) with its wasm,
//!   its JavaScript (bundled with esbuild, the spreadsheet module included) and the style
//!   sheets inlined, so it runs when opened straight from disk (file://, where a page cannot
//!   fetch its neighbours). The mode comes from the address's `#review` / `#training`, set as
//!   the page's `data-mode` before the app boots, as the site's mode pages do. Its
//!   Content-Security-Policy forbids every connection: `default-src 'none'`, the inline
//!   scripts and style by their SHA-256 hashes, and wasm by `'wasm-unsafe-eval'` (and, for
//!   engines below Chromium 97, `'unsafe-eval'`, as the site's pages have it).
//! - [`precompress`] writes `name.br` (brotli, quality 11) and `name.gz` (gzip -9) beside each
//!   compressible file, as a static host serves them (`serve.rs` does, with tower-http); a
//!   sibling that would not be smaller is not written (and a stale one is removed).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::util::{self, Result, cmd, fail, run, secs};
use crate::web;

/// The single-file edition's name in `dist/`.
pub(crate) const SINGLE_FILE: &str = "shifan-offline.html";

/// `cargo xtask dist`: the release build, the single file, the precompressed siblings.
pub(crate) fn dist() -> Result<PathBuf> {
    let dist = web::build_web(false)?;
    assemble(&dist)?;
    Ok(dist)
}

/// The steps after the web build: the single file, then the precompressed siblings of every
/// file (the single file's too).
pub(crate) fn assemble(dist: &Path) -> Result {
    let start = Instant::now();
    let file = single_file(dist)?;
    let size = std::fs::metadata(&file)?.len();
    println!(
        "dist: {} {size} bytes ({:.1} KiB)",
        file.display(),
        size as f64 / 1024.0
    );
    let written = precompress(dist)?;
    println!(
        "dist: {written} precompressed files (.br, .gz) in {}; took {}",
        dist.display(),
        secs(start)
    );
    Ok(())
}

/// Extensions of files that are compressed already (or too small to matter as a class).
const INCOMPRESSIBLE: [&str; 8] = ["br", "gz", "png", "jpg", "jpeg", "woff2", "xlsx", "zip"];

/// Writes `.br` and `.gz` beside every compressible file under `dir` where they are smaller;
/// removes a sibling left from an earlier build that is not. Returns how many were written.
pub(crate) fn precompress(dir: &Path) -> Result<usize> {
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    files.retain(|f| {
        let ext = f
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        !INCOMPRESSIBLE.contains(&ext.as_str())
    });
    let mut written = 0;
    for file in files {
        let data = std::fs::read(&file)?;
        for (ext, packed) in [("br", brotli_bytes(&data)?), ("gz", gzip_bytes(&data)?)] {
            let mut name = file.clone().into_os_string();
            name.push(".");
            name.push(ext);
            let sibling = PathBuf::from(name);
            if packed.len() < data.len() {
                std::fs::write(&sibling, packed)?;
                written += 1;
            } else if sibling.exists() {
                std::fs::remove_file(&sibling)?;
            }
        }
    }
    Ok(written)
}

/// Files above this size are compressed at brotli's quality 9, not 11: a dev build's wasm
/// (8-30 MB) takes minutes at 11 on two shared cores, and gains a few per cent.
const BROTLI_BEST_UP_TO: usize = 4 << 20;

/// `data` compressed with brotli at its best (quality 11, 4 MiB window; 9 for large files).
fn brotli_bytes(data: &[u8]) -> Result<Vec<u8>> {
    let quality = if data.len() <= BROTLI_BEST_UP_TO {
        11
    } else {
        9
    };
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, quality, 22);
        writer.write_all(data)?;
        writer.flush()?;
    }
    Ok(out)
}

/// `data` compressed with gzip at its best (level 9).
fn gzip_bytes(data: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data)?;
    Ok(encoder.finish()?)
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

/// Where the page template loads the app's module; the single file inlines its bundle there.
const BOOT_TAG: &str = r#"<script type="module" src="boot.js"></script>"#;
/// Where the template runs the browser check; inlined with the message it would load.
const FLOOR_TAG: &str = r#"<script src="floor-check.js"></script>"#;
/// Where the template links the style sheet; the single file inlines app.css and modes.css.
/// The site's icon and manifest: a file opened from disk can load neither (its policy allows no
/// request), and cannot be installed as an app, so the single file has no icon and no manifest.
const ICON_TAG: &str = r#"<link rel="icon" href="icon.svg" type="image/svg+xml">"#;
const MANIFEST_TAG: &str = r#"<link rel="manifest" href="manifest.webmanifest">"#;
const CSS_TAG: &str = r#"<link rel="stylesheet" href="app.css">"#;
/// boot.js's import of the build its page needs; the single file has the full build inlined.
const BOOT_IMPORT: &str = "import(full ? './shifan_web_full.js' : './shifan_web.js')";
/// floor-check.js's loading of the too-old message; the single file has it inline instead.
const TOO_OLD_LOAD: &str = "document.body.appendChild(script);";
/// The spreadsheet module's import in the full build's snippets.
const XLSX_IMPORT: &str = "import(url)";

/// Writes `dist/shifan-offline.html` from the site's sources and the full build in
/// `web/pkg-full/` and `web/xlsx/pkg/` (the readable glue: its snippets are rewritten by
/// exact text), checked to be the build in `dist/`. Returns its path.
pub(crate) fn single_file(dist: &Path) -> Result<PathBuf> {
    let web = web::web_dir();
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| fail!("{}: {e}", p.display()));
    let app_pkg = web.join("pkg-full");
    let xlsx_pkg = web.join("xlsx/pkg");
    let app_wasm = same_build(
        &app_pkg.join("shifan_web_full_bg.wasm"),
        &dist.join("shifan_web_full_bg.wasm"),
    )?;
    let xlsx_wasm = same_build(
        &xlsx_pkg.join("shifan_web_xlsx_bg.wasm"),
        &dist.join("xlsx/shifan_web_xlsx_bg.wasm"),
    )?;

    // The bundle's sources in a scratch folder: the glue, its snippets (the spreadsheet
    // module's import replaced by the inlined one), the spreadsheet glue, and the entry.
    let scratch = util::target_dir().join("single-file");
    if scratch.exists() {
        std::fs::remove_dir_all(&scratch)?;
    }
    std::fs::create_dir_all(scratch.join("xlsx"))?;
    std::fs::copy(
        app_pkg.join("shifan_web_full.js"),
        scratch.join("shifan_web_full.js"),
    )?;
    std::fs::copy(
        xlsx_pkg.join("shifan_web_xlsx.js"),
        scratch.join("xlsx/shifan_web_xlsx.js"),
    )?;
    let snippets = app_pkg.join("snippets");
    if snippets.is_dir() {
        let mut files = Vec::new();
        collect_files(&snippets, &mut files)?;
        for file in files {
            let mut text = read(&file)?;
            if text.contains("shifan_web_xlsx.js") {
                if !text.contains(XLSX_IMPORT) {
                    return Err(fail!(
                        "{} loads the spreadsheet module without `{XLSX_IMPORT}`: update dist.rs",
                        file.display()
                    ));
                }
                text = text.replace(XLSX_IMPORT, "globalThis.shifanXlsx()");
            }
            let to = scratch.join(file.strip_prefix(&app_pkg).unwrap_or(&file));
            std::fs::create_dir_all(to.parent().unwrap_or(&scratch))?;
            std::fs::write(to, text)?;
        }
    }
    let boot = read(&web.join("static/boot.js"))?;
    if !boot.contains(BOOT_IMPORT) {
        return Err(fail!(
            "web/static/boot.js has no `{BOOT_IMPORT}`: update dist.rs"
        ));
    }
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let entry = format!(
        "{SINGLE_ENTRY}\nconst APP_WASM = '{}';\nconst XLSX_WASM = '{}';\n{}",
        b64(&app_wasm),
        b64(&xlsx_wasm),
        boot.replace(BOOT_IMPORT, "Promise.resolve(inlined)")
    );
    std::fs::write(scratch.join("entry.js"), entry)?;
    let esbuild = util::e2e_dir().join("node_modules/.bin/esbuild");
    let bundle = scratch.join("bundle.js");
    let (chromium, firefox) = crate::floor::floor_engines();
    run(cmd(&esbuild)
        .arg(scratch.join("entry.js"))
        .args([
            "--bundle",
            "--format=esm",
            "--minify",
            "--log-level=warning",
        ])
        .arg(format!("--target=chrome{chromium},firefox{firefox}"))
        .arg(format!("--outfile={}", bundle.display())))?;
    let module = read(&bundle)?;

    let floor = read(&web.join("static/floor-check.js"))?;
    if !floor.contains(TOO_OLD_LOAD) {
        return Err(fail!(
            "web/static/floor-check.js has no `{TOO_OLD_LOAD}`: update dist.rs"
        ));
    }
    let too_old = read(&web.join("static/too-old.js"))?;
    let classic = floor.replace(TOO_OLD_LOAD, &too_old);
    let css = format!(
        "{}\n{}",
        read(&dist.join("app.css"))?,
        read(&dist.join("modes.css"))?
    );

    let template = read(&web.join("index.html"))?;
    let page = single_page(&template, &module, &classic, &css)?;
    let out = dist.join(SINGLE_FILE);
    std::fs::write(&out, page)?;
    Ok(out)
}

/// The entry's start: the inlined builds, and the mode from the address. boot.js follows,
/// its import of the build replaced by `inlined`.
const SINGLE_ENTRY: &str = r"// The single-file edition (crates/xtask/src/dist.rs): boot.js over the inlined builds.
import init from './shifan_web_full.js';
import * as xlsx from './xlsx/shifan_web_xlsx.js';

// A page opened from disk can fetch nothing: each module's wasm is in this script, base64.
const bytes = (b64) => {
  const text = atob(b64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
};
let xlsxReady;
// The full build's snippets import the spreadsheet module through this (see dist.rs).
globalThis.shifanXlsx = () =>
  (xlsxReady ??= xlsx.default({ module_or_path: bytes(XLSX_WASM) }).then(() => xlsx));
const inlined = { default: () => init({ module_or_path: bytes(APP_WASM) }) };

// The mode, as the site's mode pages name it on <main id=app data-mode>: from the address.
const modeOf = (hash) => ({ '#review': 'review', '#training': 'training' })[hash];
const mode = modeOf(location.hash);
const app = document.getElementById('app');
// The app's links between modes then name the fragment (web/src/single_file.rs).
app.dataset.edition = 'single';
if (mode) app.dataset.mode = mode;
// Another mode asked for by the address (a link, a typed #review, an empty fragment for the
// county) is another page; an in-page anchor (the skip link's #content) is not.
addEventListener('hashchange', () => {
  const next = modeOf(location.hash);
  if (next !== mode && (next || location.hash === '')) location.reload();
});
";

/// The single file's HTML: `template` with the script, the style and the policy inlined.
fn single_page(template: &str, module: &str, classic: &str, css: &str) -> Result<String> {
    for (what, text) in [("module", module), ("script", classic), ("style", css)] {
        let lower = text.to_ascii_lowercase();
        if lower.contains("</script") || lower.contains("</style") || lower.contains("<!--") {
            return Err(fail!(
                "the single file's inline {what} holds a closing tag or comment opener"
            ));
        }
    }
    let hash = |text: &str| {
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
        )
    };
    let csp = format!(
        "default-src 'none'; script-src {} {} 'unsafe-eval' 'wasm-unsafe-eval'; style-src {}; \
         img-src data: blob:; base-uri 'none'; form-action 'none'",
        hash(module),
        hash(classic),
        hash(css)
    );
    let mut page = template.to_owned();
    let start = page
        .find(r#"<meta http-equiv="Content-Security-Policy""#)
        .ok_or_else(|| fail!("web/index.html has no Content-Security-Policy meta"))?;
    let end = start
        + page[start..]
            .find('>')
            .ok_or_else(|| fail!("web/index.html: unclosed policy meta"))?
        + 1;
    page.replace_range(
        start..end,
        &format!(r#"<meta http-equiv="Content-Security-Policy" content="{csp}">"#),
    );
    for (tag, inline) in [
        (ICON_TAG, r#"<link rel="icon" href="data:,">"#.to_owned()),
        (MANIFEST_TAG, String::new()),
        (CSS_TAG, format!("<style>{css}</style>")),
        (
            BOOT_TAG,
            format!(r#"<script type="module">{module}</script>"#),
        ),
        (FLOOR_TAG, format!("<script>{classic}</script>")),
    ] {
        if !page.contains(tag) {
            return Err(fail!("web/index.html has no `{tag}`"));
        }
        page = page.replace(tag, &inline);
    }
    Ok(page)
}

/// The bytes of `pkg` (wasm-pack's output), which must be those of `dist` (the site's copy):
/// a stale package would put another build in the single file.
fn same_build(pkg: &Path, dist: &Path) -> Result<Vec<u8>> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| fail!("{}: {e}", p.display()));
    let bytes = read(pkg)?;
    if bytes != read(dist)? {
        return Err(fail!(
            "{} is not the build in {}: run `cargo xtask dist` again",
            pkg.display(),
            dist.display()
        ));
    }
    Ok(bytes)
}

/// Decompresses a `.br` sibling (tests and checks).
#[cfg(test)]
fn unbrotli(data: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    brotli::Decompressor::new(data, 4096)
        .read_to_end(&mut out)
        .unwrap();
    out
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    /// (file name, contents, whether siblings are expected)
    fn check(cases: &[(&str, Vec<u8>, bool)]) {
        let dir = std::env::temp_dir().join(format!("xtask-dist-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        // A stale sibling from an earlier build of a file that no longer compresses.
        std::fs::write(dir.join("tiny.js.br"), b"stale").unwrap();
        for (name, data, _) in cases {
            std::fs::write(dir.join(name), data).unwrap();
        }
        precompress(&dir).unwrap();
        // Running again changes nothing and never compresses a sibling.
        precompress(&dir).unwrap();
        for (name, data, expected) in cases {
            let br = dir.join(format!("{name}.br"));
            let gz = dir.join(format!("{name}.gz"));
            assert_eq!(br.exists(), *expected, "{name}.br");
            assert_eq!(gz.exists(), *expected, "{name}.gz");
            assert!(!dir.join(format!("{name}.br.br")).exists());
            assert!(!dir.join(format!("{name}.gz.gz")).exists());
            if *expected {
                assert_eq!(&unbrotli(&std::fs::read(&br).unwrap()), data, "{name}.br");
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&std::fs::read(&gz).unwrap()[..])
                    .read_to_end(&mut out)
                    .unwrap();
                assert_eq!(&out, data, "{name}.gz");
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn precompresses_what_gains() {
        check(&[
            ("index.html", "<p>示范</p>\n".repeat(200).into_bytes(), true),
            ("sub/app.wasm", [0u8, 97, 115, 109].repeat(500), true),
            ("tiny.js", b"1".to_vec(), false),
            ("icon.png", vec![7; 4000], false),
        ]);
    }

    #[test]
    fn single_page_inlines_and_hashes() {
        let template = r#"<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><link rel="icon" href="icon.svg" type="image/svg+xml"><link rel="manifest" href="manifest.webmanifest"><link rel="stylesheet" href="app.css"><script type="module" src="boot.js"></script></head><body><script src="floor-check.js"></script></body>"#;
        let page = single_page(template, "m()", "c()", "p{}").unwrap();
        let sha = |t: &str| {
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(t.as_bytes()))
        };
        assert!(page.contains(&format!(
            "script-src 'sha256-{}' 'sha256-{}'",
            sha("m()"),
            sha("c()")
        )));
        assert!(page.contains(&format!("style-src 'sha256-{}';", sha("p{}"))));
        assert!(page.contains("default-src 'none';"));
        assert!(!page.contains("'self'"));
        assert!(page.contains(r#"<script type="module">m()</script>"#));
        assert!(page.contains("<script>c()</script>"));
        assert!(page.contains("<style>p{}</style>"));
        assert!(!page.contains("src="));
        assert!(!page.contains("icon.svg") && !page.contains("manifest"));
        assert!(single_page(template, "a('</script>')", "c()", "p{}").is_err());
        assert!(single_page("<head></head>", "m()", "c()", "p{}").is_err());
    }
}
