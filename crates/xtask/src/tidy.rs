//! Tidy tests: the invariants of ARCHITECTURE.md, checked on the source tree.
//!
//! Modelled on rust-analyzer's `tidy.rs`: plain tests that read the workspace's files (and
//! `cargo metadata`) and fail with the file and line that broke an invariant. They run with
//! `cargo test -p xtask`, so `cargo test --workspace` and `cargo xtask test` run them too.
//!
//! Each scan works on [`Source`]: a small lexer splits a file into code (comments removed,
//! string contents blanked) and its string literals, and marks the lines of `#[cfg(test)]`
//! items, so a doc comment that *names* `browser::` or a test that reads a fixture file is not
//! taken for a breach.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use shifan_rules::application::{Aspect, Kind};
use shifan_rules::evidence::{CheckKind, Conclusion, Figure, Resolution};
use shifan_rules::package::Decision;
use shifan_rules::{Code, Lang, Status, Verdict};

/// Browser crates `shifan-rules` must never depend on (a name, or a prefix ending in `-`).
const BROWSER_CRATES: &[&str] = &["yew", "web-sys", "js-sys", "wasm-bindgen", "gloo"];

/// Files of `crates/rules/src` that only tests compile, with why they may touch the file
/// system. Each must be declared under a `#[cfg(... test ...)]` attribute in `lib.rs`.
const RULES_TEST_ONLY: &[(&str, &str)] = &[(
    "testing.rs",
    "compares generated artefacts with their committed copies (SHIFAN_BLESS rewrites them)",
)];

/// Files that reach the full build through `#[cfg(feature = "full")]` items, as
/// ARCHITECTURE.md lists them (the `web/` section's invariant), relative to `web/src`.
const FULL_SEAM: &[&str] = &[
    "modes.rs",
    "hooks/use_modes.rs",
    "hooks/use_store.rs",
    "components/open_file.rs",
    "files.rs",
    "components/header.rs",
    "components/start.rs",
];

/// The reducer's files, which must not reach the browser, storage or the clock.
const REDUCER: &[&str] = &[
    "web/src/state.rs",
    "web/src/modes.rs",
    "web/src/review/mod.rs",
    "web/src/training_state.rs",
    "web/src/annual_state.rs",
    "web/src/province_state.rs",
    "web/src/evidence_state.rs",
    "web/src/notice_state.rs",
    "web/src/pool_state.rs",
    "web/src/supervision_state.rs",
];

/// The workspace root.
fn root() -> PathBuf {
    crate::util::root()
}

/// `path` relative to the workspace root, with `/` separators, for messages.
fn rel(path: &Path) -> String {
    let root = root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Every `.rs` file under `dir`, sorted, skipping build output and npm's packages.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    const SKIP: &[&str] = &["target", "node_modules", "pkg", "dist", ".git"];
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries =
            fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if !SKIP.contains(&name) {
                    stack.push(path);
                }
            } else if name.ends_with(".rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A Rust file split for the scans.
struct Source {
    /// The file, relative to the workspace root.
    path: String,
    /// Each line as written, for messages.
    raw: Vec<String>,
    /// Each line's code: comments removed, the contents of string and char literals blanked.
    code: Vec<String>,
    /// String literals (their contents as written, escapes not undone) and their 1-based line.
    strings: Vec<(usize, String)>,
    /// Whether each line belongs to a `#[cfg(test)]` item.
    test: Vec<bool>,
}

impl Source {
    fn read(path: &Path) -> Source {
        let text = fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let (code, strings) = lex(&text);
        let test = test_lines(&code);
        Source {
            path: rel(path),
            raw: text.lines().map(str::to_string).collect(),
            code,
            strings,
            test,
        }
    }

    /// Line `n` (1-based) as written, trimmed.
    fn shown(&self, n: usize) -> &str {
        self.raw.get(n - 1).map_or("", |l| l.trim())
    }

    /// The lines of code outside test items, 1-based.
    fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.code
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.test[*i])
            .map(|(i, l)| (i + 1, l.as_str()))
    }

    /// The string literals outside test items.
    fn literals(&self) -> impl Iterator<Item = &(usize, String)> {
        self.strings.iter().filter(|(line, _)| !self.test[line - 1])
    }
}

/// Splits `text` into code lines and string literals (see [`Source`]).
fn lex(text: &str) -> (Vec<String>, Vec<(usize, String)>) {
    let chars: Vec<char> = text.chars().collect();
    let mut code = vec![String::new()];
    let mut strings = Vec::new();
    let mut i = 0;
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    // Pushes a character of skipped text: only its line breaks count.
    fn skip(code: &mut Vec<String>, c: char) {
        if c == '\n' {
            code.push(String::new());
        }
    }
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let prev = if i > 0 { chars[i - 1] } else { ' ' };
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    skip(&mut code, chars[i]);
                    i += 1;
                }
            }
        } else if c == 'r' && !ident(prev) && matches!(next, Some('#') | Some('"')) && {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            chars.get(i + 1 + hashes) == Some(&'"')
        } {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            let line = code.len();
            let closing: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            i += 2 + hashes;
            let mut literal = String::new();
            while i < chars.len() && !chars[i..].iter().collect::<String>().starts_with(&closing) {
                literal.push(chars[i]);
                skip(&mut code, chars[i]);
                i += 1;
            }
            i += closing.chars().count();
            code.last_mut().expect("a line").push_str("\"\"");
            strings.push((line, literal));
        } else if c == '"' {
            let line = code.len();
            let mut literal = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    literal.push(chars[i]);
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    literal.push(ch);
                    skip(&mut code, ch);
                }
                i += 1;
            }
            i += 1;
            code.last_mut().expect("a line").push_str("\"\"");
            strings.push((line, literal));
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            let close = if next == Some('\\') {
                chars[i + 2..]
                    .iter()
                    .position(|&ch| ch == '\'')
                    .map(|p| i + 2 + p)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(end) => {
                    code.last_mut().expect("a line").push_str("' '");
                    i = end + 1;
                }
                None => {
                    code.last_mut().expect("a line").push(c);
                    i += 1;
                }
            }
        } else {
            if c == '\n' {
                code.push(String::new());
            } else {
                code.last_mut().expect("a line").push(c);
            }
            i += 1;
        }
    }
    (code, strings)
}

/// Marks the lines of items under a test-only `cfg` (`#[cfg(test)]`, `#[cfg(all(test, …))]`),
/// with a brace-depth scan of the code (string contents are already blanked).
fn test_lines(code: &[String]) -> Vec<bool> {
    let mut test = vec![false; code.len()];
    let mut i = 0;
    while i < code.len() {
        let line = code[i].trim_start();
        if !is_test_cfg(line) {
            i += 1;
            continue;
        }
        // The item after the attribute ends at its first `;` outside braces, or where its
        // first brace closes.
        let start = i;
        let mut depth = 0i32;
        let mut opened = false;
        let mut end = code.len() - 1;
        let after_attr = line.find(']').map_or(0, |p| p + 1);
        'scan: for (j, text) in code.iter().enumerate().skip(i) {
            let text = if j == start {
                &line[after_attr..]
            } else {
                text.as_str()
            };
            for ch in text.chars() {
                match ch {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => {
                        depth -= 1;
                        if opened && depth == 0 {
                            end = j;
                            break 'scan;
                        }
                    }
                    ';' if depth == 0 => {
                        end = j;
                        break 'scan;
                    }
                    _ => {}
                }
            }
        }
        for flag in &mut test[start..=end] {
            *flag = true;
        }
        i = end + 1;
    }
    test
}

/// Whether a line starts with a `cfg` attribute that only tests compile.
fn is_test_cfg(line: &str) -> bool {
    line.starts_with("#[cfg(test)]") || line.starts_with("#[cfg(all(test,")
}

/// Whether `word` occurs in `code` as a whole identifier or path (not inside a longer name):
/// where `word` starts or ends with an identifier character, the neighbour there is not one.
fn has_word(code: &str, word: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let check_before = word.chars().next().is_some_and(ident);
    let check_after = word.chars().next_back().is_some_and(ident);
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        let joined_before = check_before && before.is_some_and(ident);
        let joined_after = check_after && after.is_some_and(ident);
        !joined_before && !joined_after
    })
}

/// Fails with every breach found, one per line, under a heading naming the invariant.
fn report(invariant: &str, breaches: &[String]) {
    if breaches.is_empty() {
        return;
    }
    let mut message = format!("{invariant} (ARCHITECTURE.md) is broken:\n");
    for b in breaches {
        let _ = writeln!(message, "  {b}");
    }
    panic!("{message}");
}

/// The packages `shifan-rules` depends on (normal dependencies, transitively) when built for
/// `target`, from `cargo metadata`'s resolve graph, with the path that brings each in.
fn rules_dependencies(target: &str) -> BTreeMap<String, String> {
    let output = Command::new(env!("CARGO"))
        .current_dir(root())
        .args([
            "metadata",
            "--format-version",
            "1",
            "--filter-platform",
            target,
        ])
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata --filter-platform {target} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&output.stdout).expect("metadata JSON");
    let name_of = |id: &str| -> String {
        meta["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["id"] == id)
            .and_then(|p| p["name"].as_str())
            .unwrap_or(id)
            .to_string()
    };
    let nodes: BTreeMap<&str, &serde_json::Value> = meta["resolve"]["nodes"]
        .as_array()
        .expect("a resolve graph")
        .iter()
        .map(|n| (n["id"].as_str().expect("node id"), n))
        .collect();
    let start = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| p["name"] == "shifan-rules")
        .and_then(|p| p["id"].as_str())
        .expect("shifan-rules is a workspace member");
    let mut found = BTreeMap::new();
    let mut stack = vec![(start.to_string(), "shifan-rules".to_string())];
    let mut seen = BTreeSet::new();
    while let Some((id, via)) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        found.insert(name_of(&id), via.clone());
        for dep in nodes[id.as_str()]["deps"].as_array().into_iter().flatten() {
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null());
            if normal {
                let pkg = dep["pkg"].as_str().expect("dep id").to_string();
                let via = format!("{via} → {}", name_of(&pkg));
                stack.push((pkg, via));
            }
        }
    }
    found
}

/// The host's target triple, from `rustc -vV`.
fn host_target() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    let output = Command::new(rustc)
        .arg("-vV")
        .output()
        .expect("rustc -vV runs");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("rustc -vV names the host")
        .to_string()
}

#[test]
fn rules_has_no_browser_dependencies() {
    let mut breaches = Vec::new();
    for target in [host_target(), "wasm32-unknown-unknown".to_string()] {
        for (name, via) in rules_dependencies(&target) {
            let browser = BROWSER_CRATES
                .iter()
                .any(|b| name == *b || name.starts_with(&format!("{b}-")));
            if browser {
                breaches.push(format!(
                    "crates/rules/Cargo.toml: {name} is in the dependency graph on {target} ({via})"
                ));
            }
        }
    }
    report("`shifan-rules` never depends on browser crates", &breaches);
}

#[test]
fn rules_forbids_unsafe_and_reads_no_clock_or_files() {
    const FORBIDDEN: &[(&str, &str)] = &[
        ("SystemTime", "reads the clock"),
        ("Instant", "reads the clock"),
        ("std::fs", "reads the file system"),
        ("fs::", "reads the file system"),
        ("std::env", "reads the environment"),
        ("env::", "reads the environment"),
    ];
    let dir = root().join("crates/rules/src");
    let lib = Source::read(&dir.join("lib.rs"));
    let mut breaches = Vec::new();
    if !lib
        .lines()
        .any(|(_, l)| l.trim() == "#![forbid(unsafe_code)]")
    {
        breaches.push("crates/rules/src/lib.rs: no `#![forbid(unsafe_code)]`".to_string());
    }
    for (file, why) in RULES_TEST_ONLY {
        let module = file.trim_end_matches(".rs");
        let declared = lib.code.windows(2).any(|w| {
            w[0].trim_start().starts_with("#[cfg(")
                && has_word(&w[0], "test")
                && !w[0].contains("not(test")
                && has_word(&w[1], "mod")
                && has_word(&w[1], module)
        });
        if !declared {
            breaches.push(format!(
                "crates/rules/src/lib.rs: `{module}` is allowed to read files ({why}) but is not \
                 declared under a test-only `#[cfg(...)]`"
            ));
        }
    }
    for path in rust_files(&dir) {
        let name = rel(&path);
        if RULES_TEST_ONLY
            .iter()
            .any(|(f, _)| name == format!("crates/rules/src/{f}"))
        {
            continue;
        }
        let source = Source::read(&path);
        for (n, line) in source.lines() {
            for (word, what) in FORBIDDEN {
                if has_word(line, word) {
                    breaches.push(format!("{name}:{n}: `{word}` {what}: {}", source.shown(n)));
                }
            }
        }
    }
    report(
        "`shifan-rules` is `#![forbid(unsafe_code)]` and reads no clock and no file system",
        &breaches,
    );
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let mut breaches = Vec::new();
    let root = root();
    for dir in ["crates", "web"] {
        for path in rust_files(&root.join(dir)) {
            let text = fs::read_to_string(&path).unwrap_or_default();
            if !text.starts_with("//!") {
                breaches.push(format!(
                    "{}:1: does not start with a `//!` line",
                    rel(&path)
                ));
            }
        }
    }
    report("Every `.rs` file starts with a `//!` line", &breaches);
}

/// The modules of `web/src` that only the full build compiles: the `mod` (and `use`)
/// declarations right after a `#[cfg(feature = "full")]` in each file, as files.
fn full_only_modules(web_src: &Path) -> (BTreeSet<String>, BTreeMap<String, Vec<usize>>) {
    let mut modules = BTreeSet::new();
    // Each file's `feature = "full"` lines that only gate a declaration.
    let mut declarations: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for path in rust_files(web_src) {
        let text = fs::read_to_string(&path).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let source = Source::read(&path);
        let name = rel(&path);
        let dir = if path.ends_with("lib.rs") || path.ends_with("mod.rs") {
            path.parent().expect("a directory").to_path_buf()
        } else {
            path.with_extension("")
        };
        for (i, pair) in source.code.windows(2).enumerate() {
            if lines.get(i).map(|l| l.trim()) != Some("#[cfg(feature = \"full\")]") {
                continue;
            }
            let item = pair[1].trim();
            let decl = item.strip_prefix("pub ").unwrap_or(item);
            if let Some(module) = decl.strip_prefix("mod ").and_then(|m| m.strip_suffix(';')) {
                let file = dir.join(format!("{module}.rs"));
                let module_dir = dir.join(module);
                modules.insert(if file.exists() {
                    rel(&file)
                } else {
                    rel(&module_dir) + "/"
                });
                declarations.entry(name.clone()).or_default().push(i + 1);
            } else if decl.starts_with("use ") {
                declarations.entry(name.clone()).or_default().push(i + 1);
            }
        }
    }
    (modules, declarations)
}

#[test]
fn full_build_is_reached_only_through_the_listed_seam() {
    let web_src = root().join("web/src");
    let (modules, declarations) = full_only_modules(&web_src);
    let in_full_module = |file: &str| {
        modules
            .iter()
            .any(|m| file == m || (m.ends_with('/') && file.starts_with(m.as_str())))
    };
    let mut breaches = Vec::new();
    let mut seam = BTreeSet::new();
    for path in rust_files(&web_src) {
        let name = rel(&path);
        let text = fs::read_to_string(&path).unwrap_or_default();
        let source = Source::read(&path);
        if in_full_module(&name) {
            continue;
        }
        let gates: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains("feature = \"full\""))
            .map(|(i, _)| i + 1)
            .collect();
        let only_declarations = declarations.get(&name).cloned().unwrap_or_default();
        if gates.iter().any(|n| !only_declarations.contains(n)) {
            seam.insert(name.trim_start_matches("web/src/").to_string());
        }
        // Naming a full-only module outside the seam would break the county build, or hide
        // behind a `cfg` in a file the list does not name.
        let listed = FULL_SEAM.contains(&name.trim_start_matches("web/src/"));
        if !listed {
            for (n, line) in source.lines() {
                for path in [
                    "crate::review",
                    "crate::training_state",
                    "components::review",
                    "components::training",
                    "i18n::review",
                    "i18n::training",
                    "crate::single_file",
                    "i18n::offline",
                ] {
                    if has_word(line, path) && !only_declarations.contains(&n) {
                        breaches.push(format!(
                            "{name}:{n}: names `{path}` but is not in the seam's list: {}",
                            source.shown(n)
                        ));
                    }
                }
            }
        }
    }
    let listed: BTreeSet<String> = FULL_SEAM.iter().map(|s| s.to_string()).collect();
    for extra in seam.difference(&listed) {
        breaches.push(format!(
            "web/src/{extra}: has `#[cfg(feature = \"full\")]` items but is not in the seam's list \
             (add it to ARCHITECTURE.md's `web/` section and to FULL_SEAM in this test)"
        ));
    }
    for gone in listed.difference(&seam) {
        breaches.push(format!(
            "web/src/{gone}: is in the seam's list but has no `#[cfg(feature = \"full\")]` item \
             (take it out of ARCHITECTURE.md's `web/` section and of FULL_SEAM)"
        ));
    }
    // The test's list is the document's: each file is named in ARCHITECTURE.md.
    let doc = fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let paragraph = doc
        .split("\n\n")
        .find(|p| p.contains("reaches them only through `#[cfg(feature = \"full\")]` items"))
        .unwrap_or("");
    if paragraph.is_empty() {
        breaches.push("ARCHITECTURE.md: the `full` seam's invariant paragraph is gone".to_string());
    }
    for file in FULL_SEAM {
        if !paragraph.contains(&format!("`{file}`")) {
            breaches.push(format!(
                "ARCHITECTURE.md: the `full` seam's paragraph does not name `{file}`"
            ));
        }
    }
    report(
        "Code outside the full-only modules reaches them only through the listed seam",
        &breaches,
    );
}

/// Every label `shifan-rules` gives in either language: statuses, decisions, kinds, verdicts,
/// narrative aspects.
fn rule_labels() -> BTreeMap<String, String> {
    let mut labels = BTreeMap::new();
    for lang in [Lang::Zh, Lang::En] {
        let mut add = |label: &str, what: String| {
            labels.insert(label.to_string(), what);
        };
        for s in Status::ALL {
            add(s.label(lang), format!("Status::{s:?}.label"));
        }
        for d in [
            Decision::Recommend,
            Decision::NotRecommend,
            Decision::Pending,
        ] {
            add(d.label(lang), format!("Decision::{d:?}.label"));
        }
        for v in [Some(Verdict::MeetsBar), Some(Verdict::NotYet), None] {
            add(
                Verdict::label_of(v, lang),
                format!("Verdict::label_of({v:?})"),
            );
        }
        for a in Aspect::ALL {
            add(a.label(lang), format!("Aspect::{a:?}.label"));
        }
        // The province's evidence: conclusions, resolutions, kinds of check, typed figures
        // (an English label of one word, such as `pending`, is also a key elsewhere: left out).
        let mut add_evidence = |label: &str, what: String| {
            if lang == Lang::Zh || label.contains(' ') {
                add(label, what);
            }
        };
        for c in Conclusion::ALL {
            add_evidence(c.label(lang), format!("evidence::Conclusion::{c:?}.label"));
        }
        for r in Resolution::ALL {
            add_evidence(r.label(lang), format!("Resolution::{r:?}.label"));
        }
        for k in CheckKind::ALL {
            add_evidence(k.label(lang), format!("CheckKind::{k:?}.label"));
        }
        for f in [
            Figure::Scale,
            Figure::Respondents,
            Figure::Satisfied,
            Figure::OptionCount,
        ] {
            add_evidence(f.label(lang), format!("Figure::{f:?}.label"));
        }
        let single = Kind::SingleItem {
            category: String::new(),
            title: String::new(),
            narrative: Default::default(),
        };
        for k in [Kind::Comprehensive, single] {
            add(k.label(lang), format!("Kind::{}.label", k.as_str()));
        }
    }
    labels
}

#[test]
fn callers_never_reimplement_a_label() {
    let labels = rule_labels();
    let codes: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let root = root();
    let mut breaches = Vec::new();
    for dir in ["web/src", "crates/cli/src"] {
        for path in rust_files(&root.join(dir)) {
            let source = Source::read(&path);
            let name = &source.path;
            for (n, line) in source.lines() {
                for f in ["fn label_zh", "fn label_en", "fn label"] {
                    if line.contains(&format!("{f}(")) {
                        breaches.push(format!(
                            "{name}:{n}: defines `{f}`: labels come from shifan-rules' `label(lang)`"
                        ));
                    }
                }
            }
            for (n, literal) in source.literals() {
                if let Some(what) = labels.get(literal) {
                    breaches.push(format!(
                        "{name}:{n}: the literal \"{literal}\" copies shifan-rules' {what}"
                    ));
                }
                if codes.contains(literal.as_str()) {
                    breaches.push(format!(
                        "{name}:{n}: the literal \"{literal}\" copies a problem code \
                         (use `Code::…` and `Code::as_str`)"
                    ));
                }
            }
        }
    }
    report(
        "The web app and the CLI never re-implement a rule or a label",
        &breaches,
    );
}

#[test]
fn reducer_is_pure() {
    const FORBIDDEN: &[(&str, &str)] = &[
        ("browser", "the browser"),
        ("store", "storage"),
        ("web_sys", "the browser"),
        ("js_sys", "the browser"),
        ("wasm_bindgen", "the browser"),
        ("wasm_bindgen_futures", "the browser"),
        ("gloo", "the browser"),
        ("io", "the review's browser side (`review::io`)"),
        // JavaScript's `Date` comes only through `js_sys`; the rules' calendar `Date` is pure.
        ("today", "the clock"),
        ("SystemTime", "the clock"),
        ("Instant", "the clock"),
    ];
    let root = root();
    let mut breaches = Vec::new();
    for file in REDUCER {
        let source = Source::read(&root.join(file));
        for (n, line) in source.lines() {
            let trimmed = line.trim();
            // Declaring the review's browser side as a submodule is not calling it.
            if trimmed == "pub mod io;" {
                continue;
            }
            for (word, what) in FORBIDDEN {
                let named = has_word(line, &format!("{word}::"))
                    || has_word(line, &format!("{word}("))
                    || (trimmed.starts_with("use ") && has_word(line, word));
                if named {
                    breaches.push(format!(
                        "{file}:{n}: reaches {what} (`{word}`): {}",
                        source.shown(n)
                    ));
                }
            }
        }
    }
    report("The reducer is pure", &breaches);
}

/// Every JavaScript snippet of the web app is a module file: wasm-bindgen numbers `inline_js`
/// snippets per build, and the builds that share `dist/snippets/` numbered them differently
/// (the province page then failed to start).
#[test]
fn web_snippets_are_module_files() {
    let root = root();
    let mut breaches = Vec::new();
    for path in rust_files(&root.join("web")) {
        let source = Source::read(&path);
        for (n, line) in source.lines() {
            if has_word(line, "inline_js") {
                breaches.push(format!("{}:{n}: {}", rel(&path), source.shown(n)));
            }
        }
    }
    report(
        "The web app's snippets are module files, never inline_js",
        &breaches,
    );
}

/// The lexer and the test-item scan, on the cases the scans rely on.
#[test]
fn source_splits_code_strings_and_tests() {
    let text = "//! doc\nuse a; // browser::x\nlet s = \"a{b\"; let c = '{'; fn f<'a>() {}\n\
                #[cfg(test)]\nmod tests {\n    fn g() { std::fs::read(r#\"x\"#); }\n}\nafter();\n";
    let (code, strings) = lex(text);
    assert_eq!(code[1], "use a; ");
    assert!(code[2].contains("fn f<'a>() {}"), "{:?}", code[2]);
    assert_eq!(
        strings,
        vec![(3, "a{b".to_string()), (6, "x".to_string())],
        "string literals and their lines"
    );
    let test = test_lines(&code);
    assert_eq!(
        test,
        vec![false, false, false, true, true, true, true, false, false]
    );
    assert!(has_word("browser::x()", "browser::"));
    assert!(!has_word("stored::x()", "store::"));
}

/// The JavaScript library only converts (ARCHITECTURE.md, `crates/js`): no label or problem
/// code of its own, no status decided and no threshold compared in its code.
#[test]
fn js_library_only_converts() {
    const FORBIDDEN: &[(&str, &str)] = &[
        ("Status::", "decides or names a status"),
        (".numerator", "compares with the threshold"),
        (".denominator", "compares with the threshold"),
        ("is_reached", "compares with the threshold"),
        ("fn label", "defines a label"),
    ];
    let labels = rule_labels();
    let codes: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let mut breaches = Vec::new();
    for path in rust_files(&root().join("crates/js/src")) {
        let source = Source::read(&path);
        let name = &source.path;
        for (n, line) in source.lines() {
            for (word, what) in FORBIDDEN {
                if line.contains(word) {
                    breaches.push(format!(
                        "{name}:{n}: {what} (`{word}`): {}",
                        source.shown(n)
                    ));
                }
            }
        }
        for (n, literal) in source.literals() {
            if let Some(what) = labels.get(literal) {
                breaches.push(format!(
                    "{name}:{n}: \"{literal}\" copies shifan-rules' {what}"
                ));
            }
            if codes.contains(literal.as_str()) {
                breaches.push(format!("{name}:{n}: \"{literal}\" copies a problem code"));
            }
        }
    }
    report("The JavaScript library only converts", &breaches);
}
