//! The guards every reader of outside bytes goes through, whatever it reads (an application, a
//! package, a session, a draft, a catalog): size before anything else, UTF-8, nesting depth,
//! JSON syntax with line and column, the `format` and `format_version` fields, and RFC 3339 times.
//!
//! This is the ground floor of the crate: it depends only on [`crate::problem`], so every reader
//! (the catalog's included) can use it without importing another reader.

use crate::problem::{Code, Problem};
use serde_json::Value;

/// The largest input any reader accepts, checked before parsing.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The deepest JSON nesting any reader accepts; valid files nest about six levels.
pub const MAX_DEPTH: usize = 32;

/// Decodes bytes as UTF-8 text (a leading byte-order mark is allowed, as Windows tools write one).
pub fn decode_text(bytes: &[u8]) -> Result<&str, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        vec![
            Problem::new(
                Code::NotUtf8,
                format!("文件不是 UTF-8 编码的文本(第 {offset} 字节处出错);请确认选择的是导出的申报文件"),
                format!("the file is not UTF-8 text (error at byte {offset}); make sure it is an exported application file"),
            )
            .at_line(line, None),
        ]
    })
}

/// Rejects JSON that nests deeper than [`MAX_DEPTH`], before a parser recurses into it.
pub fn check_depth(text: &str) -> Result<(), Vec<Problem>> {
    let (mut depth, mut in_string, mut escaped, mut line) = (0usize, false, false, 1u64);
    for b in text.bytes() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(vec![
                        Problem::new(
                            Code::TooDeep,
                            format!("JSON 嵌套超过 {MAX_DEPTH} 层，不是有效的申报文件"),
                            format!(
                                "the JSON nests deeper than {MAX_DEPTH} levels; no valid file does"
                            ),
                        )
                        .at_line(line, None),
                    ]);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Parses outside bytes as JSON with every guard a reader needs: size (before anything else),
/// UTF-8, nesting depth, then syntax with line and column.
pub fn parse_json(bytes: &[u8], max_bytes: usize) -> Result<Value, Vec<Problem>> {
    if bytes.len() > max_bytes {
        return Err(vec![too_large(max_bytes)]);
    }
    let text = decode_text(bytes)?;
    check_depth(text)?;
    serde_json::from_str(text).map_err(|e| {
        vec![
            Problem::new(
                Code::NotJson,
                format!("文件不是有效的 JSON：{}", e),
                format!("the file is not valid JSON: {e}"),
            )
            .at_line(e.line() as u64, Some(e.column() as u64)),
        ]
    })
}

/// The problem of an input over `max_bytes`.
pub fn too_large(max_bytes: usize) -> Problem {
    let mb = max_bytes / 1024 / 1024;
    Problem::new(
        Code::TooLarge,
        format!("文件过大：超过 {mb} MB 的上限"),
        format!("the file is larger than the {mb} MB limit"),
    )
}

/// Checks the `format` and `format_version` fields of a parsed file.
pub fn check_format(
    value: &Value,
    format_id: &str,
    newest: u32,
    what_zh: &str,
    what_en: &str,
) -> Result<(), Problem> {
    let not_ours = || {
        Problem::new(
            Code::NotApplication,
            format!("这不是 shifan {what_zh}(缺少 format: \"{format_id}\")"),
            format!("this is not a shifan {what_en} (no format: \"{format_id}\")"),
        )
    };
    if value.get("format").and_then(Value::as_str) != Some(format_id) {
        return Err(not_ours());
    }
    match value.get("format_version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(newest) => Err(Problem::new(
            Code::NewerVersion,
            format!("文件格式版本为 {v}，本程序只能读取 {newest} 及以下版本;请更新 shifan"),
            format!(
                "the file is format version {v}; this build reads up to {newest}; please update shifan"
            ),
        )),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(not_ours()),
    }
}

/// Whether `s` is an RFC 3339 date-time such as `2026-11-24T09:30:00+08:00`.
///
/// ```
/// use shifan_rules::input::is_rfc3339;
/// assert!(is_rfc3339("2026-11-24T09:30:00.123Z"));
/// assert!(is_rfc3339("2026-11-24T09:30:00+08:00"));
/// assert!(!is_rfc3339("2026-11-24 09:30"));
/// assert!(!is_rfc3339("2026-11-24T中:00:00Z")); // any character, never a panic
/// ```
pub fn is_rfc3339(s: &str) -> bool {
    let Some((date, time)) = s.split_once(['T', 't']) else {
        return false;
    };
    if !crate::assessment::is_date(date) {
        return false;
    }
    // Bytes, not `str` slices: the time comes from outside and may hold any character, and a
    // slice through the middle of one would panic.
    let two = |d: &[u8], max: u32| match d {
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
            u32::from(a - b'0') * 10 + u32::from(b - b'0') <= max
        }
        _ => false,
    };
    let Some((hms, mut rest)) = time.as_bytes().split_at_checked(8) else {
        return false;
    };
    let clock = two(&hms[0..2], 23)
        && hms[2] == b':'
        && two(&hms[3..5], 59)
        && hms[5] == b':'
        && two(&hms[6..8], 60);
    if !clock {
        return false;
    }
    if let Some(frac) = rest.strip_prefix(b".") {
        let digits = frac.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        rest = &frac[digits..];
    }
    match rest {
        b"Z" | b"z" => true,
        [sign, h1, h2, b':', m1, m2] => {
            (*sign == b'+' || *sign == b'-') && two(&[*h1, *h2], 23) && two(&[*m1, *m2], 59)
        }
        _ => false,
    }
}
