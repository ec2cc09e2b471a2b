//! Canonical JSON and SHA-256 fingerprints: the byte-exact forms that fingerprints are taken over.
//!
//! Canonical JSON here means: object keys sorted by their UTF-8 bytes, no insignificant white
//! space in the compact form, strings escaped the way `serde_json` escapes them. Key order is
//! sorted explicitly rather than relying on `serde_json`'s map type, because another crate in the
//! build can switch that map to insertion order through a feature flag.

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// The prefix that marks a fingerprint as SHA-256 (`sha256:` followed by 64 hex digits).
pub const SHA256_PREFIX: &str = "sha256:";

/// Writes `value` as compact canonical JSON.
///
/// ```
/// let v = serde_json::json!({"b": 1, "a": [true, null]});
/// assert_eq!(shifan_rules::canonical::to_compact(&v), r#"{"a":[true,null],"b":1}"#);
/// ```
pub fn to_compact(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, None, 0);
    out
}

/// The fingerprint a sealed file declares: [`fingerprint`] of `value` without its top-level
/// `field` (the seal itself), taken without copying the value, which for a recommendation
/// package is megabytes of embedded applications.
///
/// ```
/// use shifan_rules::canonical::{fingerprint, fingerprint_without};
/// let sealed = serde_json::json!({"a": 1, "integrity": "x"});
/// assert_eq!(fingerprint_without(&sealed, "integrity"), fingerprint(&serde_json::json!({"a": 1})));
/// ```
pub fn fingerprint_without(value: &Value, field: &str) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) => write_object(&mut out, map, None, 0, Some(field)),
        other => write_value(&mut out, other, None, 0),
    }
    format!("{SHA256_PREFIX}{}", sha256_hex(out.as_bytes()))
}

/// Writes `value` as canonical JSON indented by two spaces, ending with a newline.
///
/// This is the form files are saved in: readable, and byte-identical on every write.
pub fn to_pretty(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, Some(2), 0);
    out.push('\n');
    out
}

fn newline(out: &mut String, indent: Option<usize>, depth: usize) {
    if let Some(step) = indent {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', step * depth));
    }
}

/// Escapes as `serde_json` does (the canonical form is defined by it): `"` and `\\`, the short
/// escapes for five control characters, `\u00xx` for the other ones below U+0020, everything else
/// as it is. Written here because `serde_json::to_string` allocates a string per call, which
/// made escaping the largest cost of fingerprinting a package.
fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut plain = 0;
    while let Some(i) = next_escaped(s.as_bytes(), plain) {
        let byte = s.as_bytes()[i];
        out.push_str(&s[plain..i]);
        plain = i + 1;
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            _ => "",
        };
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

/// The index of the first byte from `from` on that JSON escapes (`"`, `\\`, below 0x20).
/// Eight bytes at a time: nearly every string of a file (titles, document numbers, Chinese
/// text) has none, and a byte at a time was most of the time spent fingerprinting.
fn next_escaped(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    // Whether a byte of `x` is below `n` (n ≤ 0x80), or zero: the usual word-at-a-time tests,
    // never missing such a byte; the bytes of a chunk they pick out are then looked at one by one.
    let has_below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH != 0;
    let has_zero = |x: u64| has_below(x, 1);
    let mut at = from;
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(word);
        let maybe = has_below(x, 0x20)
            || has_zero(x ^ (ONES * u64::from(b'"')))
            || has_zero(x ^ (ONES * u64::from(b'\\')));
        if maybe && let Some(i) = chunk.iter().position(|&b| escaped(b)) {
            return Some(at + i);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| escaped(b))
        .map(|i| at + i)
}

fn write_value(out: &mut String, value: &Value, indent: Option<usize>, depth: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, depth + 1);
                write_value(out, item, indent, depth + 1);
            }
            newline(out, indent, depth);
            out.push(']');
        }
        Value::Object(map) => write_object(out, map, indent, depth, None),
    }
}

fn write_object(
    out: &mut String,
    map: &serde_json::Map<String, Value>,
    indent: Option<usize>,
    depth: usize,
    skip: Option<&str>,
) {
    let kept = |(key, _): &(&String, &Value)| Some(key.as_str()) != skip;
    // serde_json's own map is in key order already (unless a crate in the build turns on its
    // `preserve_order`), so it is written as it is, without a list of its entries to sort.
    if map.keys().is_sorted_by(|a, b| a.as_bytes() <= b.as_bytes()) {
        write_members(out, map.iter().filter(kept), indent, depth);
    } else {
        let mut entries: Vec<(&String, &Value)> = map.iter().filter(kept).collect();
        // The keys of a map are distinct, so an unstable sort gives the one order (and
        // compiles smaller into the web page than a stable one).
        entries.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        write_members(out, entries.into_iter(), indent, depth);
    }
}

/// Writes an object's members, given in key order.
fn write_members<'a>(
    out: &mut String,
    members: impl Iterator<Item = (&'a String, &'a Value)>,
    indent: Option<usize>,
    depth: usize,
) {
    let mut members = members.peekable();
    if members.peek().is_none() {
        out.push_str("{}");
        return;
    }
    out.push('{');
    for (i, (key, item)) in members.enumerate() {
        if i > 0 {
            out.push(',');
        }
        newline(out, indent, depth + 1);
        write_string(out, key);
        out.push(':');
        if indent.is_some() {
            out.push(' ');
        }
        write_value(out, item, indent, depth + 1);
    }
    newline(out, indent, depth);
    out.push('}');
}

/// Lower-case hex SHA-256 of `bytes` (64 digits, no prefix).
///
/// ```
/// assert_eq!(
///     shifan_rules::canonical::sha256_hex(b"abc"),
///     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// );
/// ```
pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut hasher = FileHasher::new();
    hasher.update(bytes);
    hasher.finish_hex()
}

/// `sha256:` followed by the hex SHA-256 of the compact canonical form of `value`.
pub fn fingerprint(value: &Value) -> String {
    format!(
        "{SHA256_PREFIX}{}",
        sha256_hex(to_compact(value).as_bytes())
    )
}

/// Whether `s` is 64 lower-case hex digits.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Incremental SHA-256 for hashing a file chunk by chunk, so that a large document can be
/// fingerprinted without holding it in memory and while the page stays responsive.
///
/// ```
/// let mut h = shifan_rules::FileHasher::new();
/// h.update(b"a");
/// h.update(b"bc");
/// assert_eq!(h.bytes_seen(), 3);
/// assert_eq!(h.finish_hex(), shifan_rules::canonical::sha256_hex(b"abc"));
/// ```
#[derive(Clone, Default)]
pub struct FileHasher {
    hasher: Sha256,
    seen: u64,
}

impl FileHasher {
    /// A hasher that has seen nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds the next chunk.
    pub fn update(&mut self, chunk: &[u8]) {
        self.hasher.update(chunk);
        self.seen += chunk.len() as u64;
    }

    /// How many bytes have been fed so far.
    pub fn bytes_seen(&self) -> u64 {
        self.seen
    }

    /// The lower-case hex digest of everything fed.
    pub fn finish_hex(self) -> String {
        let digest = self.hasher.finalize();
        let mut out = String::with_capacity(64);
        for byte in digest {
            let _ = write!(out, "{byte:02x}");
        }
        out
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    proptest! {
        /// The canonical form is serde_json's escaping: any string, control characters included.
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in "(\\PC|[\\x00-\\x1f\\x7f\"\\\\])*") {
            let mut out = String::new();
            write_string(&mut out, &s);
            prop_assert_eq!(out, serde_json::to_string(&s).unwrap());
        }

        /// The same over long text, where the escapes fall anywhere in or across the words
        /// the writer looks at eight bytes at a time.
        #[test]
        fn long_strings_are_escaped_as_serde_json_escapes_them(s in "([a-z中 ]{0,40}[\\x00-\\x1f\"\\\\\\x7f]?){0,6}") {
            let mut out = String::new();
            write_string(&mut out, &s);
            prop_assert_eq!(out, serde_json::to_string(&s).unwrap());
        }

        /// Leaving the seal out while writing is the same as removing it first.
        #[test]
        fn the_seal_is_left_out_as_if_removed(keys in proptest::collection::vec("[a-z]{1,3}", 0..6), seal in "\\PC*") {
            let mut value = json!({});
            for (i, key) in keys.iter().enumerate() {
                value[key.as_str()] = json!(i);
            }
            let unsealed = value.clone();
            value["integrity"] = json!(seal);
            prop_assert_eq!(fingerprint_without(&value, "integrity"), fingerprint(&unsealed));
        }
    }

    #[test]
    fn pretty_is_stable_and_sorted() {
        let v = json!({"z": {"b": [], "a": {}}, "a": "中文\n", "m": [1, -2]});
        let pretty = to_pretty(&v);
        assert_eq!(
            pretty,
            "{\n  \"a\": \"中文\\n\",\n  \"m\": [\n    1,\n    -2\n  ],\n  \"z\": {\n    \"a\": {},\n    \"b\": []\n  }\n}\n"
        );
        let reparsed: Value = serde_json::from_str(&pretty).unwrap();
        assert_eq!(to_pretty(&reparsed), pretty);
        assert_eq!(to_compact(&reparsed), to_compact(&v));
    }

    #[test]
    fn sha256_hex_shape() {
        assert!(is_sha256_hex(&sha256_hex(b"")));
        assert!(!is_sha256_hex("ABC"));
    }
}
