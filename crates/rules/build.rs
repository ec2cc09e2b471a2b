//! Embeds the reference catalog without its indentation.
//!
//! `data/catalog-reference-2019.json` stays pretty-printed for people to read and review; the
//! copy compiled into the library drops the white space between tokens, which is about a fifth
//! of the catalog's compressed size in the web page. Its content, and so its fingerprint (taken
//! over the canonical form of the parsed data), is unchanged.

use std::path::Path;

const CATALOG: &str = "data/catalog-reference-2019.json";

fn main() {
    println!("cargo::rerun-if-changed={CATALOG}");
    let pretty = std::fs::read_to_string(CATALOG).expect("reading the reference catalog");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    std::fs::write(
        Path::new(&out).join("catalog-reference-2019.min.json"),
        strip_white_space(&pretty),
    )
    .expect("writing the compact reference catalog");
}

/// The JSON text without white space outside strings.
fn strip_white_space(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if matches!(c, ' ' | '\t' | '\n' | '\r') {
            continue;
        }
        out.push(c);
    }
    out
}
