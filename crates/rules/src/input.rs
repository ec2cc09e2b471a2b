//! The guards every reader of outside bytes goes through, whatever it reads (an application, a
//! package, a session, a draft, a catalog): size before anything else, UTF-8, nesting depth,
//! JSON syntax with line and column, the `format` and `format_version` fields, and RFC 3339 times.
//!
//! This is the ground floor of the crate: it depends only on [`crate::problem`], so every reader
//! (the catalog's included) can use it without importing another reader.

use std::borrow::Cow;

use serde::de::DeserializeSeed;

use crate::problem::{Code, Problem};
use serde_json::Value;

/// The largest input any reader accepts, checked before parsing.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The deepest JSON nesting any reader accepts; valid files nest about six levels.
pub const MAX_DEPTH: usize = 32;

/// Decodes bytes as UTF-8 text (a leading byte-order mark is allowed, as Windows tools write one).
/// UTF-16 text (with its byte-order mark, or ASCII with a NUL byte beside every character) is
/// refused with a code of its own that says how to save the file as UTF-8.
pub fn decode_text(bytes: &[u8]) -> Result<&str, Vec<Problem>> {
    if is_utf16(bytes) {
        return Err(vec![Problem::new(
            Code::Utf16,
            "文件是 UTF-16 编码的文本，本程序只读取 UTF-8 编码。请用记事本打开该文件，选择“另存为”，把“编码”改为“UTF-8”后保存，再打开保存后的文件。",
            "the file is UTF-16 text; only UTF-8 is read. Open it in Notepad, choose “Save as”, set “Encoding” to “UTF-8”, save it, and open the saved file.",
        )]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        vec![
            Problem::new(
                Code::NotUtf8,
                format!("文件不是 UTF-8 编码的文本（第 {offset} 字节处出错）。请确认选择的是本系统导出的文件。"),
                format!("the file is not UTF-8 text (error at byte {offset}); make sure you picked a file exported by shifan"),
            )
            .at_line(line, None),
        ]
    })
}

/// Whether `bytes` look like UTF-16: a UTF-16 byte-order mark, or, in the first 64 bytes, a NUL
/// on the same side of every byte pair beside an ASCII character (what Windows tools write for
/// "Unicode" text without a mark). UTF-8 text of any reader never holds a NUL byte.
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let pairs: Vec<&[u8]> = bytes[..bytes.len().min(64)].chunks_exact(2).collect();
    let side =
        |pair: &[u8], nul: usize| pair[nul] == 0 && pair[1 - nul].is_ascii() && pair[1 - nul] != 0;
    !pairs.is_empty() && (0..2).any(|nul| pairs.iter().all(|pair| side(pair, nul)))
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
                            format!("文件的嵌套超过 {MAX_DEPTH} 层，不是本系统写出的文件。"),
                            format!(
                                "the file nests deeper than {MAX_DEPTH} levels; no file written by shifan does"
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
/// UTF-8, nesting depth, syntax (in the user's words, with line and column), then keys that
/// occur twice in one object, which a parser would silently read as "the last one wins".
pub fn parse_json(bytes: &[u8], max_bytes: usize) -> Result<Value, Vec<Problem>> {
    if bytes.len() > max_bytes {
        return Err(vec![too_large(max_bytes)]);
    }
    let text = decode_text(bytes)?;
    // Nearly every file passes every guard: one pass over it tells, building the value as it
    // goes. The guards one by one, which cost three passes more, only word what failed.
    match parse_clean(text) {
        Ok(value) => Ok(value),
        Err(_) => parse_guarded(text),
    }
}

/// The guards of [`parse_json`] one after the other, each with its problem: nesting depth
/// (before a parser recurses), syntax, keys twice in one object.
fn parse_guarded(text: &str) -> Result<Value, Vec<Problem>> {
    check_depth(text)?;
    let value = serde_json::from_str(text).map_err(|e| vec![syntax_problem(&e)])?;
    check_duplicate_keys(text)?;
    Ok(value)
}

/// Parses `text` in one pass into the value [`parse_guarded`] gives it, or fails, without a
/// problem, where one of its guards would: text that is not JSON, nesting deeper than
/// [`MAX_DEPTH`], a key twice in one object.
fn parse_clean(text: &str) -> Result<Value, serde_json::Error> {
    let mut parser = serde_json::Deserializer::from_str(text);
    let value = CleanValue { depth: 0 }.deserialize(&mut parser)?;
    parser.end()?;
    Ok(value)
}

/// A JSON value read as `serde_json::Value`'s own reader reads it, inside `depth` open arrays
/// and objects, refusing to nest deeper than [`MAX_DEPTH`] or to take a key twice (where
/// `Value` would keep the last one). The refusals carry no words: [`parse_guarded`] finds them
/// again with their line and path.
struct CleanValue {
    depth: usize,
}

impl CleanValue {
    /// The reader of a member of the array or object being opened.
    fn member<E: serde::de::Error>(&self) -> Result<CleanValue, E> {
        let depth = self.depth + 1;
        if depth > MAX_DEPTH {
            return Err(E::custom("too deep"));
        }
        Ok(CleanValue { depth })
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for CleanValue {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, parser: D) -> Result<Value, D::Error> {
        parser.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for CleanValue {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let member = self.member()?;
        let mut out = Vec::new();
        while let Some(item) = items.next_element_seed(CleanValue {
            depth: member.depth,
        })? {
            out.push(item);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut members: A) -> Result<Value, A::Error> {
        let member = self.member()?;
        let mut out = serde_json::Map::new();
        while let Some(key) = members.next_key_seed(Key)? {
            let value = members.next_value_seed(CleanValue {
                depth: member.depth,
            })?;
            if out.insert(key, value).is_some() {
                return Err(serde::de::Error::custom("duplicate key"));
            }
        }
        Ok(Value::Object(out))
    }
}

/// An object's key, decoded. Not `String`'s own reader: its refusals of other types would bring
/// serde's float printer into the web page.
struct Key;

impl<'de> serde::de::DeserializeSeed<'de> for Key {
    type Value = String;

    fn deserialize<D: serde::Deserializer<'de>>(self, parser: D) -> Result<String, D::Error> {
        parser.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Key {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

/// The problem of a JSON syntax error, in the user's words rather than the parser's.
fn syntax_problem(e: &serde_json::Error) -> Problem {
    let (line, column) = (e.line() as u64, e.column() as u64);
    let raw = e.to_string();
    let says = |prefix: &str| raw.starts_with(prefix);
    let (zh, en) = if e.classify() == serde_json::error::Category::Eof {
        (
            "文件在此处意外结束，内容不完整（可能在下载或复制时被截断）。请重新导出，或向发送方索取完整的文件。",
            "the file ends too early here: it is incomplete (perhaps cut short while downloading or copying). Export it again, or ask the sender for the complete file.",
        )
    } else if says("expected value") && line == 1 && column <= 1 {
        (
            "文件不是 JSON 文本：本系统导出的文件以“{”开头。请确认选择的是导出的文件，而不是表格、文档或压缩包。",
            "the file is not JSON text: files exported by shifan start with “{”. Make sure you picked the exported file, not a spreadsheet, document or archive.",
        )
    } else if says("trailing") {
        (
            "JSON 内容在此处之前已经结束，后面还有多余的内容（可能两份文件被拼在了一起）。",
            "the JSON ends before this point and more text follows (perhaps two files were joined).",
        )
    } else if says("expected `,` or") || says("expected `:`") {
        (
            "此处缺少逗号、冒号或右括号，文件可能被手工改动过。请使用原始导出文件。",
            "a comma, colon or closing bracket is missing here; the file may have been edited by hand. Use the original exported file.",
        )
    } else if says("control character") {
        (
            "文字中有未转义的控制字符（如换行或制表符），文件可能被手工改动过。",
            "a text contains an unescaped control character (such as a line break or tab); the file may have been edited by hand.",
        )
    } else {
        (
            "此处的内容不是有效的 JSON，文件可能已损坏或被手工改动过。请使用原始导出文件。",
            "the content here is not valid JSON; the file may be damaged or edited by hand. Use the original exported file.",
        )
    };
    Problem::new(Code::NotJson, zh, en).at_line(line, Some(column))
}

/// One open object or array while scanning for duplicate keys.
///
/// Nothing is formatted while the scan goes: the path of the value (`answers[3].number`) is put
/// together from the open frames only when a key is found twice, and keys are borrowed from the
/// text. Every application, package and session the page opens goes through this scan, and
/// formatting each member's path as it passed took the page three times as long as parsing.
struct Frame<'a> {
    /// Where this object's keys start in the scan's one stack of keys (`None` for an array).
    /// While an object is open its keys are the end of that stack: the objects inside it close,
    /// and drop theirs, before its next key.
    keys: Option<usize>,
    /// This object's keys as a set, once it has more than [`LINEAR_KEYS`] of them.
    set: Option<std::collections::HashSet<Cow<'a, str>>>,
    /// The key of the member being read (an object), decoded.
    key: Option<Cow<'a, str>>,
    /// Whether the next string of an object is a key.
    expect_key: bool,
    /// The index of the member being read (an array).
    index: usize,
}

/// Up to this many keys an object's keys are compared one by one; beyond, they are hashed.
const LINEAR_KEYS: usize = 16;

/// The problem of `key` found twice in one object, at `path` (empty: the top level), where the
/// second one starts.
fn duplicate_key(key: &str, path: &str, line: u64, column: u64) -> Problem {
    let (zh_at, en_at) = if path.is_empty() {
        ("文件最外层".to_string(), "at the top level".to_string())
    } else {
        (format!("字段 {path} 中"), format!("in {path}"))
    };
    Problem::new(
        Code::DuplicateKey,
        format!("{zh_at}的字段「{key}」出现了不止一次。本程序不猜测以哪一个为准，请使用原始导出文件。"),
        format!("the field “{key}” appears more than once {en_at}; shifan does not guess which one counts. Use the original exported file."),
    )
    .at_line(line, Some(column))
}

/// The path of the value the innermost frame of `stack` is: `a[1].b` (a key after another
/// member's name preceded by a dot, an index in brackets), empty at the top level.
fn frame_path(stack: &[Frame<'_>]) -> String {
    let mut path = String::new();
    for frame in &stack[..stack.len().saturating_sub(1)] {
        if frame.keys.is_none() {
            path.push('[');
            path.push_str(&frame.index.to_string());
            path.push(']');
        } else if let Some(key) = &frame.key {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key);
        }
    }
    path
}

/// Refuses an object that has the same key twice (keys are compared as decoded, so `"a"` and
/// `"\u0061"` are the same). Runs on text that already parsed, so the scan can trust the syntax.
fn check_duplicate_keys(text: &str) -> Result<(), Vec<Problem>> {
    let (mut line, mut column) = (1u64, 0u64);
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut keys: Vec<Cow<'_, str>> = Vec::new();
    // Bytes, not chars: every byte the scan acts on is ASCII, which never occurs inside a
    // multi-byte UTF-8 character, and a column counts each character once, at its first byte.
    let bytes = text.as_bytes();
    let starts_char = |b: u8| b & 0xC0 != 0x80;
    let mut problems = Vec::new();
    let mut next = 0;
    while let Some(&c) = bytes.get(next) {
        let at = next;
        next += 1;
        if starts_char(c) {
            column += 1;
        }
        match c {
            b'\n' => (line, column) = (line + 1, 0),
            b'{' | b'[' => stack.push(Frame {
                keys: (c == b'{').then_some(keys.len()),
                set: None,
                key: None,
                expect_key: c == b'{',
                index: 0,
            }),
            b'}' | b']' => {
                if let Some(Frame {
                    keys: Some(start), ..
                }) = stack.pop()
                {
                    keys.truncate(start);
                }
            }
            b',' => {
                if let Some(frame) = stack.last_mut() {
                    if frame.keys.is_some() {
                        frame.expect_key = true;
                    } else {
                        frame.index += 1;
                    }
                }
            }
            b'"' => {
                let (start_line, start_column) = (line, column);
                let mut escaped = false;
                let mut end = at + 1;
                while let Some(&c) = bytes.get(next) {
                    next += 1;
                    if starts_char(c) {
                        column += 1;
                    }
                    match (escaped, c) {
                        (true, _) => escaped = false,
                        (false, b'\\') => escaped = true,
                        (false, b'"') => {
                            end = next - 1;
                            break;
                        }
                        _ => {}
                    }
                }
                let Some(frame) = stack.last_mut() else {
                    continue;
                };
                let Some(start) = frame.keys.filter(|_| frame.expect_key) else {
                    continue;
                };
                frame.expect_key = false;
                let raw = &text[at + 1..end];
                // An escaped key is decoded by the parser already compiled in for values (a
                // `String` visitor would bring serde's float printer into the web page).
                let key: Cow<'_, str> = if raw.contains('\\') {
                    match serde_json::from_str::<Value>(&text[at..=end]) {
                        Ok(Value::String(key)) => Cow::Owned(key),
                        _ => Cow::Borrowed(raw),
                    }
                } else {
                    Cow::Borrowed(raw)
                };
                let fresh = match frame.set.as_mut() {
                    Some(set) => set.insert(key.clone()),
                    None if keys[start..].contains(&key) => false,
                    None => {
                        keys.push(key.clone());
                        if keys.len() - start > LINEAR_KEYS {
                            frame.set = Some(keys.drain(start..).collect());
                        }
                        true
                    }
                };
                frame.key = Some(key.clone());
                if !fresh {
                    problems.push(duplicate_key(
                        &key,
                        &frame_path(&stack),
                        start_line,
                        start_column,
                    ));
                }
            }
            _ => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
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

/// The formats of shifan's own files: the `format` value, what the file is called and where it
/// opens, in Chinese and English.
const KNOWN_FORMATS: [(&str, &str, &str, &str, &str); 5] = [
    (
        "shifan.application",
        "申报文件",
        "an application file",
        "申报文件可在自查自评页面打开继续编辑，或在市级初审页面（review.html）打开审阅。",
        "open an application file on the self-assessment page to continue editing it, or on the city review page (review.html) to review it.",
    ),
    (
        "shifan.package",
        "初审推荐材料包",
        "a recommendation package",
        "初审推荐材料包请在市级初审页面（review.html）打开。",
        "open a recommendation package on the city review page (review.html).",
    ),
    (
        "shifan.draft",
        "自评草稿",
        "a self-assessment draft",
        "自评草稿请在自查自评页面打开。",
        "open a self-assessment draft on the self-assessment page.",
    ),
    (
        "shifan.review-session",
        "初审工作记录",
        "a review session record",
        "初审工作记录由市级初审页面（review.html）自动保存和读取。",
        "a review session record is kept and read by the city review page (review.html) itself.",
    ),
    (
        "shifan.annual-report",
        "法治政府建设年度报告",
        "an annual report",
        "年度报告请在年度报告页面（annual.html）打开，或用 shifan check 核验。",
        "open an annual report on the annual report page (annual.html), or verify it with shifan check.",
    ),
];

/// Checks the `format` and `format_version` fields of a parsed file that should be of
/// `format_id`. Another of shifan's formats gets [`Code::OtherDocument`], saying what the file
/// is and where it opens.
pub fn check_format(value: &Value, format_id: &str, newest: u32) -> Result<(), Problem> {
    let (what_zh, what_en) = KNOWN_FORMATS
        .iter()
        .find(|known| known.0 == format_id)
        .map_or(("shifan 文件", "a shifan file"), |known| {
            (known.1, known.2)
        });
    let found = value.get("format").and_then(Value::as_str);
    if let Some(other) = KNOWN_FORMATS
        .iter()
        .find(|known| Some(known.0) == found && known.0 != format_id)
    {
        return Err(Problem::new(
            Code::OtherDocument,
            format!("这是{}，不是{what_zh}。{}", other.1, other.3),
            format!("this is {}, not {what_en}; {}", other.2, other.4),
        ));
    }
    let not_ours = || {
        Problem::new(
            Code::NotApplication,
            format!(
                "所选文件不是{what_zh}（缺少 “format”： “{format_id}”）。请确认选择的是本系统导出的文件。"
            ),
            format!(
                "this is not {what_en} (it lacks “format”: “{format_id}”); make sure you picked a file exported by shifan"
            ),
        )
    };
    if found != Some(format_id) {
        return Err(not_ours());
    }
    match value.get("format_version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(newest) => Err(Problem::new(
            Code::NewerVersion,
            format!(
                "这份{what_zh}由较新版本的程序写出（格式版本 {v}），本页面只能读取 {newest} 及以下版本。请改用最新版本打开，或请发送方用与您相同的版本重新导出。"
            ),
            format!(
                "this is {what_en} written by a newer version of the program (format version {v}); this one reads up to version {newest}. Open it with the latest version, or ask the sender to export it again with the version you use."
            ),
        )),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(not_ours()),
    }
}

/// An `invalid-time` problem for each of a file's named times (`("created", …)`) that is not
/// RFC 3339: the one wording every file kind uses.
pub fn time_problems(times: &[(&str, &str)]) -> Vec<Problem> {
    times
        .iter()
        .filter(|(_, time)| !is_rfc3339(time))
        .map(|(which, time)| {
            Problem::new(
                Code::InvalidTime,
                format!("{which} 时间「{time}」不是 RFC 3339 格式"),
                format!("{which} time “{time}” is not RFC 3339"),
            )
        })
        .collect()
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

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Parses `bytes`, expecting a problem with `code` at `line` whose messages contain `zh`
    /// and `en`, and are worded for a person: no parser English in either language and only
    /// full-width punctuation in the Chinese.
    fn check(bytes: &[u8], code: Code, line: Option<u64>, zh: &str, en: &str) {
        let problems = parse_json(bytes, MAX_FILE_BYTES).expect_err("refused");
        let p = &problems[0];
        let shown = String::from_utf8_lossy(bytes);
        assert_eq!(p.code, code, "{shown}: {p:?}");
        assert_eq!(p.at.line, line, "{shown}: {p:?}");
        assert!(p.message.zh.contains(zh), "{shown}: {}", p.message.zh);
        assert!(p.message.en.contains(en), "{shown}: {}", p.message.en);
        assert_worded_for_people(&p.message);
    }

    /// No parser or developer wording, and full-width punctuation in the Chinese.
    pub(crate) fn assert_worded_for_people(message: &crate::Message) {
        for raw in [
            "EOF while",
            "expected value",
            "trailing characters",
            "invalid type",
            "unknown field `",
            "floating point `",
            "请更新",
            "update shifan",
        ] {
            assert!(
                !message.zh.contains(raw) && !message.en.contains(raw),
                "{message:?}"
            );
        }
        // ASCII punctuation inside the Chinese sentence, outside quoted file content.
        let outside_quotes: String = message
            .zh
            .split(['「', '」', '“', '”'])
            .step_by(2)
            .collect();
        assert!(
            !outside_quotes.contains(['(', ')', ';', ',']),
            "{}",
            message.zh
        );
    }

    #[test]
    fn syntax_errors_are_worded_for_people_with_their_place() {
        check(
            b"{\"a\": [1, 2",
            Code::NotJson,
            Some(1),
            "意外结束",
            "ends too early",
        );
        check(
            b"{\n\"a\": 1,\n",
            Code::NotJson,
            Some(3),
            "意外结束",
            "incomplete",
        );
        check(
            b"PK\x03\x04",
            Code::NotJson,
            Some(1),
            "不是 JSON",
            "not JSON",
        );
        check(
            b"{} {}",
            Code::NotJson,
            Some(1),
            "多余的内容",
            "more text follows",
        );
        check(
            b"{\"a\": 1 \"b\": 2}",
            Code::NotJson,
            Some(1),
            "缺少逗号",
            "comma",
        );
        check(
            b"{\"a\": \"x\ty\"}",
            Code::NotJson,
            Some(1),
            "控制字符",
            "control character",
        );
        check(
            b"{\"a\": tru}",
            Code::NotJson,
            Some(1),
            "不是有效的 JSON",
            "not valid JSON",
        );
    }

    #[test]
    fn utf16_has_its_own_code_and_says_how_to_save_utf8() {
        let text = "{\"a\": 1}";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            [&[0xFF, 0xFE][..], &le].concat(),
            [&[0xFE, 0xFF][..], &be].concat(),
            le,
            be,
        ] {
            check(&bytes, Code::Utf16, None, "另存为", "UTF-8");
        }
        // Other bytes that are not UTF-8 keep their code.
        check(
            b"{\"a\": \"\xCE\xF7\"}",
            Code::NotUtf8,
            Some(1),
            "UTF-8",
            "UTF-8",
        );
        assert!(parse_json(b"{}", 10).is_ok());
    }

    #[test]
    fn duplicate_keys_are_refused_wherever_they_are() {
        check(
            b"{\"format\": \"x\",\n \"format\": \"y\"}",
            Code::DuplicateKey,
            Some(2),
            "文件最外层的字段「format」",
            "at the top level",
        );
        check(
            b"{\"a\": [{\"b\": 1}, {\"b\": 1, \"c\": {}, \"\\u0062\": 2}]}",
            Code::DuplicateKey,
            Some(1),
            "字段 a[1] 中",
            "in a[1]",
        );
        check(
            b"{\"a\": {\"b\": {\"x\": 1}, \"c\": {\"x\": 1, \"x\": 2}}}",
            Code::DuplicateKey,
            Some(1),
            "字段 a.c 中",
            "“x”",
        );
        // The same key in different objects, keys that look alike and keys inside strings
        // are fine.
        for ok in [
            &b"{\"a\": {\"x\": 1}, \"b\": {\"x\": 1}, \"c\": [{\"x\": 1}, {\"x\": 2}]}"[..],
            b"{\"a\": 1, \"A\": 2, \"a \": 3, \"s\": \"{\\\"a\\\": 1, \\\"a\\\": 2}\"}",
            b"[{\"a\": 1}, {\"a\": 1}]",
        ] {
            assert!(
                parse_json(ok, MAX_FILE_BYTES).is_ok(),
                "{}",
                String::from_utf8_lossy(ok)
            );
        }
    }

    #[test]
    fn another_shifan_file_says_what_it_is_and_where_it_opens() {
        let package = serde_json::json!({"format": "shifan.package", "format_version": 1});
        let p = check_format(&package, "shifan.application", 1).unwrap_err();
        assert_eq!(p.code, Code::OtherDocument);
        assert!(p.message.zh.contains("初审推荐材料包") && p.message.zh.contains("市级初审页面"));
        assert!(
            p.message.en.contains("recommendation package")
                && p.message.en.contains("city review page")
        );
        assert_worded_for_people(&p.message);
        let application = serde_json::json!({"format": "shifan.application", "format_version": 1});
        let p = check_format(&application, "shifan.package", 1).unwrap_err();
        assert_eq!(p.code, Code::OtherDocument);
        assert!(
            p.message.zh.contains("这是申报文件，不是初审推荐材料包"),
            "{}",
            p.message.zh
        );
        let newer = serde_json::json!({"format": "shifan.application", "format_version": 2});
        let p = check_format(&newer, "shifan.application", 1).unwrap_err();
        assert_eq!(p.code, Code::NewerVersion);
        assert_worded_for_people(&p.message);
        let p = check_format(&serde_json::json!({}), "shifan.application", 1).unwrap_err();
        assert_eq!(p.code, Code::NotApplication);
        assert_worded_for_people(&p.message);
        for known in KNOWN_FORMATS {
            for id in [
                crate::application::FORMAT_ID,
                crate::package::PACKAGE_FORMAT_ID,
                crate::draft::DRAFT_FORMAT_ID,
                crate::session::SESSION_FORMAT_ID,
                crate::annual::ANNUAL_FORMAT_ID,
            ] {
                let p = check_format(
                    &serde_json::json!({"format": known.0, "format_version": 1}),
                    id,
                    1,
                );
                assert_eq!(p.is_ok(), known.0 == id);
            }
        }
    }

    /// The duplicate-key scan as it was before it stopped formatting every member's path as
    /// it passed (kept as the oracle of `the_key_scan_finds_what_the_scan_before_it_found`).
    mod before {
        use super::super::{Problem, Value};

        /// One open object or array, as the scan before this one kept it.
        struct Frame {
            /// The keys seen so far (for an object); `None` for an array.
            keys: Option<std::collections::HashSet<String>>,
            /// Where this value is, from the top of the file (`answers[3]`).
            path: String,
            /// The key or index of the member being read.
            member: String,
            /// Whether the next string of an object is a key.
            expect_key: bool,
            /// The next index of an array.
            index: usize,
        }

        /// Refuses an object that has the same key twice (keys are compared as decoded, so `"a"` and
        /// `"\u0061"` are the same). Runs on text that already parsed, so the scan can trust the syntax.
        pub(super) fn check_duplicate_keys(text: &str) -> Result<(), Vec<Problem>> {
            let (mut line, mut column) = (1u64, 0u64);
            let mut stack: Vec<Frame> = Vec::new();
            let mut chars = text.char_indices();
            let mut problems = Vec::new();
            let member_path = |stack: &[Frame]| match stack.last() {
                Some(frame) => format!("{}{}", frame.path, frame.member),
                None => String::new(),
            };
            while let Some((at, c)) = chars.next() {
                column += 1;
                match c {
                    '\n' => (line, column) = (line + 1, 0),
                    '{' | '[' => {
                        let path = member_path(&stack);
                        stack.push(Frame {
                            keys: (c == '{').then(Default::default),
                            path,
                            member: String::new(),
                            expect_key: c == '{',
                            index: 0,
                        });
                        if let Some(frame) = stack.last_mut().filter(|_| c == '[') {
                            frame.member = "[0]".to_string();
                        }
                    }
                    '}' | ']' => {
                        stack.pop();
                    }
                    ',' => {
                        if let Some(frame) = stack.last_mut() {
                            if frame.keys.is_some() {
                                frame.expect_key = true;
                            } else {
                                frame.index += 1;
                                frame.member = format!("[{}]", frame.index);
                            }
                        }
                    }
                    '"' => {
                        let (start_line, start_column) = (line, column);
                        let mut escaped = false;
                        let mut end = at + 1;
                        for (i, c) in chars.by_ref() {
                            column += 1;
                            match (escaped, c) {
                                (true, _) => escaped = false,
                                (false, '\\') => escaped = true,
                                (false, '"') => {
                                    end = i;
                                    break;
                                }
                                _ => {}
                            }
                        }
                        let Some(frame) = stack.last_mut() else {
                            continue;
                        };
                        let Some(keys) = frame.keys.as_mut().filter(|_| frame.expect_key) else {
                            continue;
                        };
                        frame.expect_key = false;
                        let raw = &text[at + 1..end];
                        // An escaped key is decoded by the parser already compiled in for values (a
                        // `String` visitor would bring serde's float printer into the web page).
                        let key = if raw.contains('\\') {
                            match serde_json::from_str::<Value>(&text[at..=end]) {
                                Ok(Value::String(key)) => key,
                                _ => raw.to_string(),
                            }
                        } else {
                            raw.to_string()
                        };
                        let separator = if frame.path.is_empty() { "" } else { "." };
                        frame.member = format!("{separator}{key}");
                        if !keys.insert(key.clone()) {
                            problems.push(super::super::duplicate_key(
                                &key,
                                &frame.path,
                                start_line,
                                start_column,
                            ));
                        }
                    }
                    _ => {}
                }
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems)
            }
        }
    }

    /// JSON text with objects written member by member (so a key may come twice), keys from a
    /// small alphabet (so it often does), some written with an escape, and line breaks.
    fn json_text() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            Just("a".to_string()),
            Just("b".to_string()),
            Just("\\u0061".to_string()),
            Just("a b".to_string()),
            Just("指标".to_string()),
            Just(String::new()),
        ];
        let leaf = prop_oneof![
            Just("1".to_string()),
            Just("\"x, {y}: [z]\"".to_string()),
            Just("\"\\\"a\\\": 1\"".to_string()),
            Just("null".to_string()),
            Just("\"说明：“{a}”\\n\"".to_string()),
        ];
        leaf.prop_recursive(5, 64, 8, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6)
                    .prop_map(|items| format!("[{}]", items.join(",\n"))),
                proptest::collection::vec((key.clone(), inner), 0..24).prop_map(|members| {
                    let members: Vec<String> = members
                        .iter()
                        .map(|(k, v)| format!("\"{k}\": {v}"))
                        .collect();
                    format!("{{{}}}", members.join(", \n "))
                }),
            ]
        })
    }

    /// JSON-like text that crosses every guard of `parse_json`: the members of [`json_text`]
    /// (keys twice) among more kinds of number and string, inside arrays (often
    /// about [`MAX_DEPTH`] deep), perhaps cut short or with one byte changed.
    fn guarded_text() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("-0".to_string()),
            Just("1.5e3".to_string()),
            Just("18446744073709551616".to_string()),
            Just("-9223372036854775809".to_string()),
            Just("1e400".to_string()),
            Just("true".to_string()),
            Just("\"\\u00e9\\ud83d\\ude00\"".to_string()),
            Just("\"\\ud800\"".to_string()),
        ];
        let value = prop_oneof![json_text(), leaf.clone()];
        let members = proptest::collection::vec(prop_oneof![value, leaf], 1..4)
            .prop_map(|items| format!("{{\"x\": [{}]}}", items.join(", ")));
        let edit = (
            0..2000usize,
            proptest::sample::select(&b"{}[]\",:\\ 0a\n"[..]),
        );
        (
            members,
            prop_oneof![0..4usize, MAX_DEPTH - 8..MAX_DEPTH + 2],
            proptest::option::weighted(0.2, 0..2000usize),
            proptest::option::weighted(0.3, edit),
        )
            .prop_map(|(text, wrap, cut, edit)| {
                let mut text =
                    format!("{}{text}{}", "[".repeat(wrap), "]".repeat(wrap)).into_bytes();
                if let Some((at, byte)) = edit {
                    let len = text.len();
                    text[at % len] = byte;
                }
                if let Some(cut) = cut {
                    text.truncate(cut.min(text.len()));
                }
                String::from_utf8_lossy(&text).into_owned()
            })
    }

    proptest::proptest! {
        /// The one pass takes exactly the text the guards one by one take, reading the same
        /// value, so `parse_json` answers as they do, problems and all.
        #[test]
        fn the_one_pass_parse_takes_what_the_guards_one_by_one_take(text in guarded_text()) {
            prop_assert_eq!(parse_clean(&text).ok(), parse_guarded(&text).ok());
            prop_assert_eq!(parse_json(text.as_bytes(), MAX_FILE_BYTES), parse_guarded(&text));
        }

        #[test]
        fn the_key_scan_finds_what_the_scan_before_it_found(text in json_text()) {
            prop_assume!(serde_json::from_str::<Value>(&text).is_ok());
            prop_assert_eq!(check_duplicate_keys(&text), before::check_duplicate_keys(&text));
        }
    }
}
