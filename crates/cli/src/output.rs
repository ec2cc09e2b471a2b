//! Text output helpers: the message language, display width of CJK text, aligned tables and
//! writing a result to a file or standard output.

use shifan_rules::Lang;
use std::io;
use std::path::Path;

/// The language when `--lang` is not given: Chinese if `LANG` starts with `zh`, else English.
///
/// ```
/// use shifan_cli::output::lang_from_env;
/// use shifan_rules::Lang;
/// assert_eq!(lang_from_env(Some("zh_CN.UTF-8")), Lang::Zh);
/// assert_eq!(lang_from_env(Some("C.UTF-8")), Lang::En);
/// assert_eq!(lang_from_env(None), Lang::En);
/// ```
pub fn lang_from_env(lang_var: Option<&str>) -> Lang {
    match lang_var {
        Some(value) if value.starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

/// Picks the text for `lang` out of a Chinese and an English one.
pub fn tr<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// How many terminal columns a character takes: 2 for East Asian wide and full-width characters
/// (CJK ideographs, kana, hangul, full-width punctuation), 0 for control characters and
/// combining marks, 1 otherwise. Ambiguous-width characters (e.g. `÷`, `—`) count as 1, as in
/// a non-CJK terminal locale.
///
/// ```
/// use shifan_cli::output::char_width;
/// assert_eq!(char_width('中'), 2);
/// assert_eq!(char_width('\u{ff0c}'), 2); // full-width comma
/// assert_eq!(char_width('a'), 1);
/// assert_eq!(char_width('\u{301}'), 0);
/// ```
pub fn char_width(c: char) -> usize {
    let cp = u32::from(c);
    if c.is_control() || matches!(cp, 0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F | 0xFEFF)
    {
        0
    } else if matches!(
        cp,
        0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE10..=0xFE19
            | 0xFE30..=0xFE6F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x1F300..=0x1F64F
            | 0x1F900..=0x1F9FF
            | 0x20000..=0x2FFFD
            | 0x30000..=0x3FFFD
    ) {
        2
    } else {
        1
    }
}

/// How many terminal columns `s` takes (see [`char_width`]).
///
/// ```
/// assert_eq!(shifan_cli::output::display_width("太原市小店区 OK"), 15);
/// ```
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// How a table column is aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Text: padded on the right.
    Left,
    /// Numbers: padded on the left.
    Right,
}

/// A table printed with columns aligned by display width, two spaces between columns, no
/// trailing spaces.
#[derive(Clone, Debug)]
pub struct Table {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headers and alignments.
    pub fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            header: columns.iter().map(|(h, _)| h.to_string()).collect(),
            align: columns.iter().map(|(_, a)| *a).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row; missing cells are empty, extra cells are dropped.
    pub fn push(&mut self, mut row: Vec<String>) {
        row.resize(self.header.len(), String::new());
        self.rows.push(row);
    }

    /// The table as text, one line per row after the header line, each ending in a newline.
    pub fn render(&self) -> String {
        let mut widths: Vec<usize> = self.header.iter().map(|h| display_width(h)).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(display_width(cell));
            }
        }
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = " ".repeat(widths[i] - display_width(cell));
                match self.align[i] {
                    Align::Left => {
                        line.push_str(cell);
                        line.push_str(&pad);
                    }
                    Align::Right => {
                        line.push_str(&pad);
                        line.push_str(cell);
                    }
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Writes `content` to `path`, or to standard output when `path` is `-`.
pub fn write_to(path: &Path, content: &[u8]) -> io::Result<()> {
    if path == Path::new("-") {
        use io::Write;
        let mut stdout = io::stdout().lock();
        stdout.write_all(content)?;
        stdout.flush()
    } else {
        std::fs::write(path, content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_mixed_scripts() {
        let mut t = Table::new(&[("name", Align::Left), ("n", Align::Right)]);
        t.push(vec!["太原市小店区".into(), "7".into()]);
        t.push(vec!["abc".into(), "123".into()]);
        let text = t.render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "name            n");
        assert_eq!(lines[1], "太原市小店区    7");
        assert_eq!(lines[2], "abc           123");
        assert!(lines.iter().all(|l| display_width(l) == 17));
    }
}
