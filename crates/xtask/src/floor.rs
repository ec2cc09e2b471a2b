//! The browser floor: the WebAssembly features every module of the site may use, in one place.
//!
//! Every page runs on Chromium 85 and Firefox 79 and newer (issue 10). The list [`FEATURES`]
//! drives all three uses, so they cannot drift apart:
//! - the compile flags ([`rustflags`]): `-Ctarget-cpu=mvp` plus exactly these features, for
//!   our code *and* the standard library, which the nightly toolchain [`NIGHTLY`] rebuilds
//!   with them (`-Zbuild-std`). Stable Rust's precompiled standard library carries the
//!   default features of Rust ≥ 1.82 (reference types, the overlong `call_indirect`
//!   encoding), LTO then spreads them over the whole module, and wasm-bindgen, seeing
//!   `reference-types` in the `target_features` section, uses `externref`, which Chromium
//!   ships only from 96;
//! - the optimiser's flags ([`wasm_opt_features`]): binaryen may use only these;
//! - the check of every built `.wasm` ([`check`]): validated by `wasmparser` with exactly
//!   these features, so `cargo xtask build-web` fails on anything above the floor.
//!
//! `web/static/floor-check.js` carries a tiny module that uses each of them, for the page's
//! own check of the browser; a test here keeps it honest (see `the_page_probe_uses_every_feature`).

use wasmparser::{Parser, Payload, Validator, WasmFeatures};

/// One WebAssembly feature of the floor.
#[derive(Debug)]
pub(crate) struct Feature {
    /// Its name in prose (the README, error messages).
    pub(crate) name: &'static str,
    /// LLVM's name: for `-Ctarget-feature=+…`, and as written in the `target_features`
    /// section.
    pub(crate) llvm: &'static str,
    /// binaryen's names: `wasm-opt --enable-…` (a proposal binaryen splits in two lists both).
    pub(crate) binaryen: &'static [&'static str],
    /// Names LLVM writes into the `target_features` section for it besides [`Self::llvm`].
    pub(crate) implies: &'static [&'static str],
    /// wasmparser's flag for it.
    pub(crate) wasmparser: WasmFeatures,
    /// The first Chromium that ships it.
    pub(crate) chromium: u32,
    /// The first Firefox that ships it.
    pub(crate) firefox: u32,
}

/// The features above the WebAssembly 1.0 MVP that the site may use. Reference types
/// (`externref`, Chromium 96), SIMD (Chromium 91, Firefox 89) and everything newer are not
/// among them.
pub(crate) const FEATURES: [Feature; 5] = [
    Feature {
        name: "bulk memory",
        llvm: "bulk-memory",
        binaryen: &["bulk-memory", "bulk-memory-opt"],
        implies: &["bulk-memory-opt"],
        wasmparser: WasmFeatures::BULK_MEMORY,
        chromium: 75,
        firefox: 79,
    },
    Feature {
        name: "sign-extension operators",
        llvm: "sign-ext",
        binaryen: &["sign-ext"],
        implies: &[],
        wasmparser: WasmFeatures::SIGN_EXTENSION,
        chromium: 74,
        firefox: 62,
    },
    Feature {
        name: "non-trapping float-to-int conversions",
        llvm: "nontrapping-fptoint",
        binaryen: &["nontrapping-float-to-int"],
        implies: &[],
        wasmparser: WasmFeatures::SATURATING_FLOAT_TO_INT,
        chromium: 75,
        firefox: 64,
    },
    Feature {
        name: "import and export of mutable globals",
        llvm: "mutable-globals",
        binaryen: &["mutable-globals"],
        implies: &[],
        wasmparser: WasmFeatures::MUTABLE_GLOBAL,
        chromium: 74,
        firefox: 61,
    },
    Feature {
        name: "multi-value",
        llvm: "multivalue",
        binaryen: &["multivalue"],
        implies: &[],
        wasmparser: WasmFeatures::MULTI_VALUE,
        chromium: 85,
        firefox: 78,
    },
];

/// The nightly toolchain that builds the site's wasm: `-Zbuild-std` (rebuilding the standard
/// library with [`FEATURES`]) is unstable. Pinned by date so that a new nightly cannot change
/// the build under us; `cargo xtask setup` installs it.
pub(crate) const NIGHTLY: &str = "nightly-2026-05-20";

/// What `-Zbuild-std` rebuilds: the standard library and the abort-on-panic runtime
/// (the release profile has `panic = "abort"`, as wasm32-unknown-unknown always has).
pub(crate) const BUILD_STD: &str = "std,panic_abort";

/// The oldest Chromium and Firefox that have every feature of [`FEATURES`].
pub(crate) fn floor_engines() -> (u32, u32) {
    FEATURES
        .iter()
        .fold((0, 0), |(c, f), x| (c.max(x.chromium), f.max(x.firefox)))
}

/// One line naming the floor: its engines and the features it allows.
pub(crate) fn describe() -> String {
    let (chromium, firefox) = floor_engines();
    let names: Vec<&str> = FEATURES.iter().map(|f| f.name).collect();
    format!(
        "Chromium {chromium}, Firefox {firefox}: WebAssembly 1.0 with {}",
        names.join(", ")
    )
}

/// The rustc flags of the site's wasm build: the MVP CPU plus exactly the floor's features.
pub(crate) fn rustflags() -> Vec<String> {
    let features: Vec<String> = FEATURES.iter().map(|f| format!("+{}", f.llvm)).collect();
    vec![
        "-Ctarget-cpu=mvp".to_owned(),
        format!("-Ctarget-feature={}", features.join(",")),
    ]
}

/// `wasm-opt`'s feature flags: nothing but the MVP and the floor's features.
pub(crate) fn wasm_opt_features() -> Vec<String> {
    let mut flags = vec!["--mvp-features".to_owned()];
    for f in &FEATURES {
        flags.extend(f.binaryen.iter().map(|b| format!("--enable-{b}")));
    }
    flags
}

/// wasmparser's feature set of the floor: the WebAssembly 1.0 MVP plus [`FEATURES`].
fn wasm_features() -> WasmFeatures {
    FEATURES
        .iter()
        .fold(WasmFeatures::MVP, |set, f| set | f.wasmparser)
}

/// Checks that `wasm` is a valid module using no feature above the floor; the error says
/// which construct and where. A `target_features` section, if present, must not claim
/// features above the floor either: wasm-bindgen and wasm-opt act on what it claims.
pub(crate) fn check(wasm: &[u8]) -> Result<(), String> {
    check_with(wasm, wasm_features())
}

fn check_with(wasm: &[u8], features: WasmFeatures) -> Result<(), String> {
    Validator::new_with_features(features)
        .validate_all(wasm)
        .map_err(|e| format!("{} (at byte {})", e.message(), e.offset()))?;
    for payload in Parser::new(0).parse_all(wasm) {
        if let Ok(Payload::CustomSection(section)) = payload
            && section.name() == "target_features"
        {
            let above: Vec<String> = claimed_features(section.data())?
                .into_iter()
                .filter(|name| {
                    !FEATURES
                        .iter()
                        .any(|f| f.llvm == name || f.implies.contains(&name.as_str()))
                })
                .collect();
            if !above.is_empty() {
                return Err(format!(
                    "its target_features section claims {}",
                    above.join(", ")
                ));
            }
        }
    }
    Ok(())
}

/// The features a `target_features` section lists as used (prefix `+`).
fn claimed_features(data: &[u8]) -> Result<Vec<String>, String> {
    let bad = |e: wasmparser::BinaryReaderError| format!("bad target_features section: {e}");
    let mut reader = wasmparser::BinaryReader::new(data, 0);
    let count = reader.read_var_u32().map_err(bad)?;
    let mut used = Vec::new();
    for _ in 0..count {
        let prefix = reader.read_u8().map_err(bad)?;
        let name = reader.read_string().map_err(bad)?;
        if prefix == b'+' {
            used.push(name.to_owned());
        }
    }
    Ok(used)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The module header: `\0asm`, version 1.
    const HEADER: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

    fn module(sections: &[&[u8]]) -> Vec<u8> {
        let mut m = HEADER.to_vec();
        for s in sections {
            m.extend_from_slice(s);
        }
        m
    }

    /// Type section: one type, `func () -> ()`.
    const TYPE_VOID: &[u8] = &[0x01, 0x04, 0x01, 0x60, 0x00, 0x00];
    /// Function section: one function of type 0.
    const ONE_FUNC: &[u8] = &[0x03, 0x02, 0x01, 0x00];
    /// Table section: one `funcref` table of at least one entry.
    const TABLE: &[u8] = &[0x04, 0x04, 0x01, 0x70, 0x00, 0x01];

    /// Checks `wasm`: accepted when `refused` is `None`, else refused with an error that
    /// contains it.
    fn check(name: &str, wasm: &[u8], refused: Option<&str>) {
        match (super::check(wasm), refused) {
            (Ok(()), None) => {}
            (Err(e), Some(want)) => assert!(e.contains(want), "{name}: {e:?} lacks {want:?}"),
            (result, _) => panic!("{name}: {result:?}, expected refused: {refused:?}"),
        }
    }

    #[test]
    fn the_floor_is_chromium_85_and_firefox_79() {
        assert_eq!(floor_engines(), (85, 79));
    }

    #[test]
    fn flags_name_every_feature() {
        assert_eq!(
            rustflags(),
            [
                "-Ctarget-cpu=mvp",
                "-Ctarget-feature=+bulk-memory,+sign-ext,+nontrapping-fptoint,+mutable-globals,+multivalue"
            ]
        );
        let opt = wasm_opt_features().join(" ");
        assert!(opt.starts_with("--mvp-features "), "{opt}");
        for f in [
            "bulk-memory",
            "sign-ext",
            "nontrapping-float-to-int",
            "multivalue",
        ] {
            assert!(opt.contains(&format!("--enable-{f}")), "{opt}");
        }
        assert!(!opt.contains("reference-types"), "{opt}");
    }

    #[test]
    fn modules_at_or_below_the_floor_are_accepted_and_above_refused() {
        // A function calling through its table: `i32.const 0; call_indirect (type 0) (table
        // 0)`, with the table index as one zero byte, as the MVP writes it, and as the
        // overlong LEB `0x80 0x00` that Rust ≥ 1.82 emits and Chromium < 96 refuses.
        let call_indirect = |table: &[u8]| {
            let mut body = vec![0x00, 0x41, 0x00, 0x11, 0x00];
            body.extend_from_slice(table);
            body.push(0x0b);
            let mut code = vec![0x0a, (body.len() + 2) as u8, 0x01, body.len() as u8];
            code.extend(body);
            module(&[TYPE_VOID, ONE_FUNC, TABLE, &code])
        };
        // `v128.const 0…0; drop`: SIMD.
        let mut simd_body = vec![0x00, 0xfd, 0x0c];
        simd_body.extend([0; 16]);
        simd_body.extend([0x1a, 0x0b]);
        let mut simd_code = vec![0x0a, (simd_body.len() + 2) as u8, 0x01];
        simd_code.push(simd_body.len() as u8);
        simd_code.extend(simd_body);
        // A target_features section claiming reference types: custom section
        // "target_features", one entry `+reference-types`.
        let mut claims = vec![0x00, 0x00, 0x0f];
        claims.extend(b"target_features");
        claims.extend([0x01, b'+', 0x0f]);
        claims.extend(b"reference-types");
        claims[1] = (claims.len() - 2) as u8;
        let mut claims_floor = vec![0x00, 0x00, 0x0f];
        claims_floor.extend(b"target_features");
        claims_floor.extend([0x02, b'+', 0x0b]);
        claims_floor.extend(b"bulk-memory");
        claims_floor.extend([b'-', 0x0f]);
        claims_floor.extend(b"reference-types");
        claims_floor[1] = (claims_floor.len() - 2) as u8;

        check("empty MVP module", &HEADER, None);
        check(
            "MVP function",
            &module(&[TYPE_VOID, ONE_FUNC, &[0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b]]),
            None,
        );
        check("call_indirect, MVP encoding", &call_indirect(&[0x00]), None);
        check(
            "call_indirect, overlong table index",
            &call_indirect(&[0x80, 0x00]),
            Some("zero byte expected"),
        );
        check(
            "externref parameter",
            &module(&[&[0x01, 0x05, 0x01, 0x60, 0x01, 0x6f, 0x00]]),
            Some("reference types support is not enabled"),
        );
        check(
            "externref table",
            &module(&[&[0x04, 0x04, 0x01, 0x6f, 0x00, 0x01]]),
            Some("reference types support is not enabled"),
        );
        check(
            "SIMD instruction",
            &module(&[TYPE_VOID, ONE_FUNC, &simd_code]),
            Some("SIMD support is not enabled"),
        );
        check(
            "claims reference types",
            &module(&[&claims]),
            Some("target_features section claims reference-types"),
        );
        check(
            "claims bulk memory, disclaims reference types",
            &module(&[&claims_floor]),
            None,
        );
        check("not wasm", b"<html>", Some("magic header"));
    }

    /// The bytes of `var PROBE = [ … ];` in `web/static/floor-check.js`.
    fn page_probe() -> Vec<u8> {
        let path = crate::util::root().join("web/static/floor-check.js");
        let js = std::fs::read_to_string(&path).expect("web/static/floor-check.js");
        let start = js
            .find("var PROBE = [")
            .expect("`var PROBE = [` in floor-check.js");
        let rest = &js[start + "var PROBE = [".len()..];
        let list = &rest[..rest.find(']').expect("`]` after `var PROBE = [`")];
        list.lines()
            .map(|line| line.split("//").next().unwrap_or(""))
            .flat_map(|line| line.split(','))
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .map(|b| {
                let hex = b.strip_prefix("0x").expect("bytes written as 0x..");
                u8::from_str_radix(hex, 16).expect("a byte")
            })
            .collect()
    }

    #[test]
    fn the_page_probe_uses_every_feature() {
        // The page's own check must pass on the floor's engines and fail on any engine that
        // lacks one of the features: valid with all of them, invalid without any one.
        let probe = page_probe();
        assert_eq!(check_with(&probe, wasm_features()), Ok(()));
        for f in &FEATURES {
            let without = wasm_features().difference(f.wasmparser);
            assert!(
                check_with(&probe, without).is_err(),
                "the probe in floor-check.js does not use {}",
                f.name
            );
        }
    }
}
