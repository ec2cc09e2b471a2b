//! `cargo xtask npm`: builds the npm package `@shifan/rules` (the JavaScript library,
//! `crates/js`) into `target/npm/package/`, packs it, and tests it as a consumer would.
//!
//! The build is the site's (`web.rs`, `floor.rs`): the pinned nightly with `-Zbuild-std` and
//! exactly the browser floor's wasm features, the release size flags, `wasm-opt` with the
//! same features, and the floor's check of the `.wasm`. Then `wasm-bindgen --target web`
//! writes the one ES module (and its `.d.ts`, which carries the declarations generated from the
//! Rust types, `crates/js/types.d.ts`); esbuild writes its syntax for the floor's engines.
//! Layout of the package:
//! - `shifan_rules.js`, `shifan_rules.d.ts`: the browser/ESM build; call `await init()` (the
//!   default export) once, which fetches `shifan_rules_bg.wasm` beside it, or give it
//!   `{ module_or_path }` (a URL, a `Response`, bytes or a compiled module);
//! - `node.js`: the Node build, the same module instantiated from the package's own `.wasm`
//!   file before the first call (top-level await), so Node code calls the functions at once;
//! - `shifan_rules_bg.wasm`: the WebAssembly itself (export `./wasm`), for hosts that load it
//!   their own way;
//! - `schemas/*.schema.json`: the JSON Schemas of the application file and the package, which
//!   `schemas()` also returns (from the JavaScript: [`add_schemas`]).
//!
//! `cargo xtask test` runs [`test_package`]: `npm pack`, install the tarball into a scratch
//! consumer (`target/npm/consumer`), `tsc --noEmit` on the declarations and on the typed
//! consumer of `tests/js/consumer/`, then its tests with node's test runner — every function
//! from Node and from a page in Chromium, each answer compared with the `shifan` CLI's.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::setup::{CHROMIUM, WASM_TARGET};
use crate::util::{self, Result, cmd, fail, run, secs};
use crate::{floor, setup, web};

/// The package's name on npm.
const NAME: &str = "@shifan/rules";
/// The output files' stem: `shifan_rules.js`, `shifan_rules_bg.wasm`.
const STEM: &str = "shifan_rules";
/// The crate's library name, as cargo names its `.wasm`.
const LIB: &str = "shifan_js";
/// The budget of the package's `.wasm`, gzip -9 (issue 11: it carries no UI).
const WASM_GZIP_BUDGET: u64 = 110 * 1024;

/// `target/npm`: the package, its tarball and the scratch consumer.
fn npm_dir() -> PathBuf {
    util::target_dir().join("npm")
}

/// `tests/js`: the typed consumer and its tests, and the pinned TypeScript compiler.
fn tests_dir() -> PathBuf {
    util::root().join("tests").join("js")
}

/// Builds the package (release unless `dev`) into `target/npm/package/`; returns its path.
pub(crate) fn build_package(dev: bool) -> Result<PathBuf> {
    util::ensure_cargo_bin_on_path();
    if !setup::floor_toolchain_ready() {
        return Err(fail!(
            "the browser floor's toolchain {} is missing: run `cargo xtask setup`",
            floor::NIGHTLY
        ));
    }
    let start = Instant::now();
    let profile = if dev { "debug" } else { "release" };
    let mut build = cmd("rustup");
    build
        .current_dir(util::root())
        .args([
            "run",
            floor::NIGHTLY,
            "cargo",
            "build",
            "--lib",
            "-p",
            "shifan-js",
        ])
        .args(["--target", WASM_TARGET])
        .args(web::build_std_args(dev))
        .env(
            "CARGO_ENCODED_RUSTFLAGS",
            web::build_rustflags(dev).join("\x1f"),
        )
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", web::WASM_OPT_LEVEL)
        .env("CARGO_TARGET_DIR", web::floor_target_dir());
    if !dev {
        build.arg("--release");
    }
    run(&mut build)?;
    let built = web::floor_target_dir()
        .join(WASM_TARGET)
        .join(profile)
        .join(format!("{LIB}.wasm"));

    let package = npm_dir().join("package");
    if package.exists() {
        std::fs::remove_dir_all(&package)?;
    }
    std::fs::create_dir_all(package.join("schemas"))?;
    run(cmd("wasm-bindgen")
        .arg(&built)
        .args(["--target", "web", "--out-name", STEM, "--out-dir"])
        .arg(&package))?;
    let wasm = package.join(format!("{STEM}_bg.wasm"));
    if !dev {
        let wasm_opt = util::e2e_dir().join("node_modules/.bin/wasm-opt");
        // The site's optimiser flags (web.rs) with the floor's features.
        run(cmd(&wasm_opt)
            .args(web::WASM_OPT_FLAGS)
            .args(["--strip-debug", "--strip-producers"])
            .args(floor::wasm_opt_features())
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm))?;
    }
    floor::check(&std::fs::read(&wasm)?).map_err(|e| {
        fail!(
            "{} uses a WebAssembly feature above the browser floor: {e}",
            wasm.display()
        )
    })?;
    let glue = package.join(format!("{STEM}.js"));
    add_schemas(&glue, &package.join(format!("{STEM}.d.ts")))?;
    // The glue's syntax for the floor's engines (esbuild fails on what it cannot lower).
    let (chromium, firefox) = floor::floor_engines();
    run(cmd(util::e2e_dir().join("node_modules/.bin/esbuild"))
        .arg(&glue)
        .args(["--log-level=warning", "--allow-overwrite", "--format=esm"])
        .arg(format!("--target=chrome{chromium},firefox{firefox}"))
        .arg(format!("--outfile={}", glue.display())))?;
    // Only what a consumer loads: not wasm-bindgen's declarations of the raw exports.
    let _ = std::fs::remove_file(package.join(format!("{STEM}_bg.wasm.d.ts")));
    for (_, schema) in SCHEMAS {
        let from = schema_dir().join(schema);
        std::fs::copy(&from, package.join("schemas").join(schema))
            .map_err(|e| fail!("{}: {e}", from.display()))?;
    }
    std::fs::write(package.join("node.js"), NODE_ENTRY)?;
    std::fs::write(package.join("node.d.ts"), NODE_TYPES)?;
    std::fs::write(package.join("package.json"), package_json(&version()?))?;
    std::fs::write(package.join("README.md"), PACKAGE_README)?;

    let raw = std::fs::metadata(&wasm)?.len();
    let gzip =
        web::gzip_size(&wasm).ok_or_else(|| fail!("gzip -9 of {} failed", wasm.display()))?;
    println!(
        "npm: {NAME}: {} {raw} bytes ({:.1} KiB), gzip -9 {gzip} bytes ({:.1} KiB; budget {} KiB), within the browser floor; took {}",
        wasm.file_name().and_then(|n| n.to_str()).unwrap_or(""),
        raw as f64 / 1024.0,
        gzip as f64 / 1024.0,
        WASM_GZIP_BUDGET / 1024,
        secs(start)
    );
    // Reported, not enforced yet: the package is over its budget (ARCHITECTURE.md, `crates/js`,
    // "Size, honestly"), and a failing build would stop every later step of `cargo xtask test`.
    if !dev && gzip > WASM_GZIP_BUDGET {
        println!(
            "npm: OVER BUDGET: {} is {gzip} bytes gzip -9, {} bytes over the budget of {WASM_GZIP_BUDGET}",
            wasm.display(),
            gzip - WASM_GZIP_BUDGET
        );
    }
    Ok(package)
}

/// The JSON Schemas `schemas()` returns: (key, file in `crates/rules/schema/`). The package
/// also carries each file under `schemas/`.
const SCHEMAS: [(&str, &str); 2] = [
    ("application", "application-v1.schema.json"),
    ("package", "package-v1.schema.json"),
];

/// `crates/rules/schema`: the committed JSON Schemas (a test of `shifan-rules` keeps them equal
/// to what its types generate).
fn schema_dir() -> PathBuf {
    util::root().join("crates/rules/schema")
}

/// Writes `schemas()` into the package's module `glue` and its declaration into `types`.
///
/// The schemas are data the library never reads, so they are not compiled into the `.wasm`
/// (whose gzip size has a budget, issue 11: −3,479 B gzip there): the function returns them from
/// the JavaScript, each call a fresh object (a JSON text is a JavaScript expression, and none
/// of the schemas has a `__proto__` key, which an object literal would read differently).
fn add_schemas(glue: &Path, types: &Path) -> Result {
    let mut js = std::fs::read_to_string(glue)?;
    js.push_str(
        "\n/** The JSON Schemas of the application file and of the recommendation package. */\n\
         export function schemas() {\n  return {\n",
    );
    for (key, file) in SCHEMAS {
        let path = schema_dir().join(file);
        let text = std::fs::read_to_string(&path).map_err(|e| fail!("{}: {e}", path.display()))?;
        if text.contains("\"__proto__\"") {
            return Err(fail!("{}: a `__proto__` key", path.display()));
        }
        js.push_str(&format!("    {key}: {},\n", text.trim()));
    }
    js.push_str("  };\n}\n");
    std::fs::write(glue, js)?;
    let mut dts = std::fs::read_to_string(types)?;
    dts.push_str(
        "/**\n * The JSON Schemas of the application file and of the recommendation package.\n */\n\
         export function schemas(): Schemas;\n",
    );
    std::fs::write(types, dts)?;
    Ok(())
}

/// The workspace's version (`[workspace.package] version`), which the package carries.
fn version() -> Result<String> {
    let toml = std::fs::read_to_string(util::root().join("Cargo.toml"))?;
    toml.lines()
        .skip_while(|l| l.trim() != "[workspace.package]")
        .find_map(|l| {
            let rest = l.trim().strip_prefix("version")?.trim().strip_prefix('=')?;
            Some(rest.trim().trim_matches('"').to_owned())
        })
        .ok_or_else(|| fail!("no version under [workspace.package] in Cargo.toml"))
}

/// The Node build: the browser module, instantiated from the package's file before use.
const NODE_ENTRY: &str = "\
// The Node build of @shifan/rules: the same module as the browser's, instantiated from the
// package's own .wasm file before the first call (top-level await), so that Node code calls
// the functions at once. `init` is exported too and does nothing more when called again.
import { readFile } from 'node:fs/promises';
import init from './shifan_rules.js';

await init({ module_or_path: await readFile(new URL('./shifan_rules_bg.wasm', import.meta.url)) });

export * from './shifan_rules.js';
export { default } from './shifan_rules.js';
";

/// The Node build's declarations: those of the browser module.
const NODE_TYPES: &str = "\
export * from './shifan_rules.js';
export { default } from './shifan_rules.js';
";

/// The package's own README (the full documentation is the repository's README).
const PACKAGE_README: &str = "\
# @shifan/rules

The rules of shifan (法治政府建设示范创建自查自评) for JavaScript: verify application files and
recommendation packages, evaluate answers against an indicator catalog, load a catalog (JSON or
CSV table), fingerprint evidence files (SHA-256), the JSON Schemas and sample applications.
Compiled from the Rust library `shifan-rules` to WebAssembly; no rule is written in JavaScript.

```js
import init, { verify } from '@shifan/rules';
await init(); // in a browser; in Node the module is ready on import
const result = verify(text); // a string or a Uint8Array
if (result.ok) console.log(result.kind, result.summary.compliance);
else for (const p of result.problems) console.log(p.code, p.message.zh, p.message.en);
```

See the section \"JavaScript library\" of the shifan README for every function.
";

/// The package's `package.json`.
fn package_json(version: &str) -> String {
    format!(
        r#"{{
  "name": "{NAME}",
  "version": "{version}",
  "description": "shifan-rules for JavaScript: verify shifan application files and packages, evaluate answers, load catalogs, SHA-256 evidence (WebAssembly).",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./node.js",
  "module": "./{STEM}.js",
  "browser": "./{STEM}.js",
  "types": "./{STEM}.d.ts",
  "exports": {{
    ".": {{
      "types": "./{STEM}.d.ts",
      "node": "./node.js",
      "browser": "./{STEM}.js",
      "default": "./{STEM}.js"
    }},
    "./browser": {{
      "types": "./{STEM}.d.ts",
      "default": "./{STEM}.js"
    }},
    "./node": {{
      "types": "./node.d.ts",
      "default": "./node.js"
    }},
    "./wasm": "./{STEM}_bg.wasm",
    "./schemas/application-v1.schema.json": "./schemas/application-v1.schema.json",
    "./schemas/package-v1.schema.json": "./schemas/package-v1.schema.json",
    "./package.json": "./package.json"
  }},
  "files": [
    "{STEM}.js",
    "{STEM}.d.ts",
    "{STEM}_bg.wasm",
    "node.js",
    "node.d.ts",
    "schemas/",
    "README.md"
  ],
  "sideEffects": [
    "./node.js"
  ],
  "engines": {{
    "node": ">=18"
  }}
}}
"#
    )
}

/// Builds the package (release), packs it, installs it into a scratch consumer and runs the
/// consumer's type check and tests (Node and Chromium, compared with the CLI at `cli`).
pub(crate) fn test_package(cli: &Path) -> Result {
    let package = build_package(false)?;
    let npm = npm_dir();
    for entry in std::fs::read_dir(&npm)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "tgz") {
            std::fs::remove_file(&path)?;
        }
    }
    run(cmd("npm")
        .args(["pack", "--pack-destination"])
        .arg(&npm)
        .current_dir(&package))?;
    let tarball = std::fs::read_dir(&npm)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "tgz"))
        .ok_or_else(|| fail!("npm pack wrote no .tgz into {}", npm.display()))?;

    let consumer = npm.join("consumer");
    if consumer.exists() {
        std::fs::remove_dir_all(&consumer)?;
    }
    util::copy_dir(&tests_dir().join("consumer"), &consumer)?;
    std::fs::write(
        consumer.join("package.json"),
        format!(
            "{{\n  \"name\": \"shifan-rules-consumer\",\n  \"private\": true,\n  \"type\": \"module\",\n  \"dependencies\": {{\n    \"{NAME}\": \"file:{}\"\n  }}\n}}\n",
            tarball.display()
        ),
    )?;
    // A local tarball without dependencies: nothing is fetched.
    run(cmd("npm")
        .args(["install", "--offline", "--no-audit", "--no-fund"])
        .current_dir(&consumer))?;
    let tsc = tests_dir().join("node_modules/.bin/tsc");
    if !tsc.exists() {
        return Err(fail!(
            "{} is missing: run `cargo xtask setup`",
            tsc.display()
        ));
    }
    run(cmd(&tsc)
        .args(["--noEmit", "-p", "."])
        .current_dir(&consumer))?;
    let mut tests: Vec<PathBuf> = std::fs::read_dir(&consumer)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".test.mjs"))
        })
        .collect();
    tests.sort();
    run(cmd("node")
        .args(["--test", "--test-reporter=spec"])
        .args(&tests)
        .current_dir(&consumer)
        .env("SHIFAN_REPO", util::root())
        .env("SHIFAN_BIN", cli)
        .env("SHIFAN_CHROMIUM", CHROMIUM)
        // Where the browser floor's old Chromium builds are unpacked (as for the e2e tests).
        .env("SHIFAN_ENGINES_DIR", util::target_dir().join("engines")))
}

/// The step of `cargo xtask test`: the CLI (debug, as the e2e tests use it), then
/// [`test_package`].
pub(crate) fn test_step() -> Result {
    run(cmd(util::cargo())
        .current_dir(util::root())
        .args(["build", "-p", "shifan-cli"]))?;
    test_package(&util::target_dir().join("debug").join("shifan"))
}

/// Setup's step: the pinned TypeScript compiler of `tests/js` (`npm ci`), when missing or
/// older than its lock file.
pub(crate) fn npm_packages() -> Result<String> {
    let dir = tests_dir();
    let lock = dir.join("package-lock.json");
    let tsc = dir.join("node_modules/.bin/tsc");
    let stamp = dir.join("node_modules/.package-lock.json");
    let modified = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    if tsc.exists() && modified(&stamp).is_some() && modified(&lock) <= modified(&stamp) {
        return Ok("up to date".into());
    }
    run(cmd("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&dir))?;
    if !tsc.exists() {
        return Err(fail!("`npm ci` finished but {} is missing", tsc.display()));
    }
    Ok("installed (npm ci)".into())
}
