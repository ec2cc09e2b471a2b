//! The site's service worker (`web/static/sw.js`) gets its list of files: every file of the
//! built site with its SHA-256, and the version (a fingerprint of that list) its cache is named
//! by. Written last, after minifying, so the fingerprints are those of the bytes served.
//!
//! The worker keeps a file only when its bytes match, so a copy from the HTTP cache of an older
//! build is never mixed into a newer one; and since the worker's own bytes change with any file
//! of the site, the browser sees every new build as an update.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::util::{Result, fail};

/// The worker's file name in the site.
pub(crate) const SERVICE_WORKER: &str = "sw.js";

/// The lines of `sw.js` that the build fills in.
const FILES_LINE: &str = "const FILES = {}; // the site's files: written by cargo xtask build-web";
const VERSION_LINE: &str =
    "const VERSION = ''; // the fingerprint of FILES: written by cargo xtask build-web";

/// Fills in `dist/sw.js` from every file under `dist` (the worker itself left out).
pub(crate) fn write_service_worker(dist: &Path) -> Result {
    let worker = dist.join(SERVICE_WORKER);
    let template =
        std::fs::read_to_string(&worker).map_err(|e| fail!("{}: {e}", worker.display()))?;
    let mut files = Vec::new();
    collect(dist, dist, &mut files)?;
    files.retain(|(name, _)| name != SERVICE_WORKER);
    let filled = fill(&template, &files)?;
    std::fs::write(&worker, filled)?;
    Ok(())
}

/// `template` with its file list and version filled in from `files` (site-relative name, bytes).
fn fill(template: &str, files: &[(String, Vec<u8>)]) -> Result<String> {
    for line in [FILES_LINE, VERSION_LINE] {
        if template.matches(line).count() != 1 {
            return Err(fail!("{SERVICE_WORKER} must hold the line `{line}` once"));
        }
    }
    let mut sorted: Vec<(&str, String)> = files
        .iter()
        .map(|(name, bytes)| (name.as_str(), hex(&Sha256::digest(bytes))))
        .collect();
    sorted.sort();
    // Names are the site's own (ASCII file names); written as JSON, a JavaScript object literal.
    let list = sorted
        .iter()
        .map(|(name, digest)| format!("  {}: '{digest}',", quoted(name)))
        .collect::<Vec<_>>()
        .join("\n");
    let version = &hex(&Sha256::digest(list.as_bytes()))[..16];
    Ok(template
        .replace(FILES_LINE, &format!("const FILES = {{\n{list}\n}};"))
        .replace(VERSION_LINE, &format!("const VERSION = '{version}';")))
}

/// `name` as a JavaScript string literal.
fn quoted(name: &str) -> String {
    let mut out = String::from("'");
    for c in name.chars() {
        match c {
            '\'' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii_graphic() || c == ' ' => out.push(c),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    out.push('\'');
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every file under `dir` as (name relative to `root` with `/`, bytes).
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> Result {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else {
            let name = path
                .strip_prefix(root)
                .map_err(|e| fail!("{}: {e}", path.display()))?
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((name, std::fs::read(&path)?));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "'use strict';\nconst FILES = {}; // the site's files: written by cargo xtask build-web\nconst VERSION = ''; // the fingerprint of FILES: written by cargo xtask build-web\n";

    fn check(files: &[(&str, &str)], expect: &[&str]) -> String {
        let files: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(n, b)| (n.to_string(), b.as_bytes().to_vec()))
            .collect();
        let out = fill(TEMPLATE, &files).unwrap();
        for e in expect {
            assert!(out.contains(e), "{e:?} not in\n{out}");
        }
        out
    }

    #[test]
    fn every_file_is_listed_with_its_fingerprint_in_order() {
        // SHA-256 of "" and of "a".
        check(
            &[("xlsx/b.js", "a"), ("index.html", "")],
            &[
                "const FILES = {\n  'index.html': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',\n  'xlsx/b.js': 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',\n};",
                "const VERSION = '",
            ],
        );
    }

    #[test]
    fn the_version_changes_with_any_file() {
        let version = |out: &str| {
            out.lines()
                .find(|l| l.starts_with("const VERSION"))
                .unwrap()
                .to_owned()
        };
        let a = check(&[("app.css", "a{}")], &[]);
        let b = check(&[("app.css", "b{}")], &[]);
        let c = check(&[("app.css", "a{}")], &[]);
        assert_ne!(version(&a), version(&b));
        assert_eq!(version(&a), version(&c));
    }

    #[test]
    fn odd_names_stay_inside_their_string() {
        check(&[("it's\\x.js", "")], &[r"'it\'s\\x.js'"]);
        check(&[("名.js", "")], &[r"'\u{540d}.js'"]);
    }

    #[test]
    fn a_template_without_its_lines_is_refused() {
        assert!(fill("const FILES = {};", &[]).is_err());
        let twice = format!("{TEMPLATE}{TEMPLATE}");
        assert!(fill(&twice, &[]).is_err());
    }

    #[test]
    fn the_committed_worker_has_its_lines() {
        let worker = crate::util::root().join("web/static").join(SERVICE_WORKER);
        let text = std::fs::read_to_string(worker).unwrap();
        assert!(fill(&text, &[]).is_ok());
    }
}
