//! Embeds the built-in data files (the reference catalog, the Shanxi 2020 programme profile, the
//! annual report template) without their indentation.
//!
//! The files in `data/` stay pretty-printed for people to read and review; the copies compiled
//! into the library drop the white space between tokens, which is about a fifth of the
//! catalog's compressed size in the web page. Their content, and so their fingerprints (taken
//! over the canonical form of the parsed data), is unchanged.

use std::path::Path;

/// The embedded files: `data/NAME.json`, written as `NAME.min.json` into `OUT_DIR`.
const FILES: [&str; 3] = [
    "catalog-reference-2019",
    "programme-shanxi-2020",
    "annual-report-template",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    for name in FILES {
        let path = format!("data/{name}.json");
        println!("cargo::rerun-if-changed={path}");
        let pretty = std::fs::read_to_string(&path).expect("reading a built-in data file");
        std::fs::write(
            Path::new(&out).join(format!("{name}.min.json")),
            strip_white_space(&pretty),
        )
        .expect("writing the compact copy of a built-in data file");
    }
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
