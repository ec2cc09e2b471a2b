//! Full-text search over a catalog that works for Chinese: every whitespace-separated term must
//! occur as a substring (Chinese needs no word segmentation for that), after folding case and
//! full-width forms, so 「ＰＰＰ」, 「ppp」 and 「PPP」 find the same indicators.

use crate::catalog::Catalog;
use std::ops::Range;

/// Where a term matched, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// The indicator number itself.
    Number,
    /// The indicator's title.
    Title,
    /// A checkable point.
    Criteria,
    /// Evidence guidance.
    Evidence,
    /// The section or area title.
    Heading,
}

/// One indicator found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Indicator number.
    pub number: u16,
    /// The best field any term matched in.
    pub best: Field,
}

/// Folds text for matching: full-width ASCII to half-width, ideographic space to space, ASCII
/// letters to lower case. (Only ASCII case is folded: catalogs are Chinese, and Unicode's case
/// tables would add about 8 KB gzip to the web page's download.)
///
/// ```
/// assert_eq!(shifan_rules::search::fold("ＰＰＰ　项目"), "ppp 项目");
/// ```
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The indicators matching every term of `query`, best matches first, then in catalog order.
/// An empty query matches nothing.
///
/// ```
/// use shifan_rules::{Catalog, search::search};
/// let hits = search(Catalog::reference(), "规章");
/// assert!(!hits.is_empty());
/// assert!(search(Catalog::reference(), "  ").is_empty());
/// ```
pub fn search(catalog: &Catalog, query: &str) -> Vec<Hit> {
    let folded = fold(query);
    let terms: Vec<&str> = folded.split_whitespace().collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (area, section, indicator) in catalog.entries() {
        let number = indicator.number.to_string();
        let fields: [(Field, Vec<String>); 5] = [
            (Field::Number, vec![number]),
            (Field::Title, vec![fold(&indicator.title)]),
            (
                Field::Criteria,
                indicator.criteria.iter().map(|c| fold(c)).collect(),
            ),
            (
                Field::Evidence,
                indicator.evidence.iter().map(|e| fold(e)).collect(),
            ),
            (
                Field::Heading,
                vec![fold(&section.title), fold(&area.title)],
            ),
        ];
        let mut best = Field::Heading;
        let all_terms_match = terms.iter().all(|term| {
            let found = fields.iter().find(|(field, texts)| {
                texts.iter().any(|t| {
                    if *field == Field::Number {
                        t == term
                    } else {
                        t.contains(term)
                    }
                })
            });
            if let Some((field, _)) = found {
                best = best.min(*field);
            }
            found.is_some()
        });
        if all_terms_match {
            hits.push(Hit {
                number: indicator.number,
                best,
            });
        }
    }
    hits.sort_by_key(|h| (h.best, h.number));
    hits
}

/// The byte ranges of `text` where a term of `query` occurs, folded the way
/// [`crate::search::search`] folds (case, full-width forms), sorted and merged; for
/// highlighting a search result. Every range starts and ends on a character boundary.
///
/// ```
/// use shifan_rules::search::marks;
/// let text = "规范性文件和政府规章";
/// let ranges = marks(text, "规章");
/// assert_eq!(ranges.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["规章"]);
/// assert_eq!(marks("ＰＰＰ项目", "ppp"), [0..9]);
/// assert!(marks("abc", " ").is_empty());
/// ```
pub fn marks(text: &str, query: &str) -> Vec<Range<usize>> {
    let folded_query = fold(query);
    let terms: Vec<Vec<char>> = folded_query
        .split_whitespace()
        .map(|t| t.chars().collect())
        .collect();
    if terms.is_empty() {
        return Vec::new();
    }
    // Each folded character with the byte range of the character of `text` it came from.
    let folded: Vec<(char, Range<usize>)> = text
        .char_indices()
        .flat_map(|(at, c)| {
            let end = at + c.len_utf8();
            fold(c.encode_utf8(&mut [0; 4]))
                .chars()
                .map(move |f| (f, at..end))
                .collect::<Vec<_>>()
        })
        .collect();
    // Matches come in order of their start (no sort needed), and are merged as they come.
    let mut merged: Vec<Range<usize>> = Vec::new();
    for start in 0..folded.len() {
        for term in &terms {
            let Some(window) = folded.get(start..start + term.len()) else {
                continue;
            };
            if window.iter().zip(term).all(|((f, _), t)| f == t) {
                let range = window[0].1.start..window[term.len() - 1].1.end;
                match merged.last_mut() {
                    Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                    _ => merged.push(range),
                }
            }
        }
    }
    merged
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn check(query: &str, expect: impl Fn(&[Hit]) -> bool) {
        let hits = search(Catalog::reference(), query);
        assert!(expect(&hits), "{query:?} → {hits:?}");
    }

    #[test]
    fn finds_by_number_title_and_terms() {
        check("1", |h| {
            h.first().map(|h| (h.number, h.best)) == Some((1, Field::Number))
        });
        check("简政放权", |h| h.iter().any(|h| h.number == 1));
        check("规章 备案", |h| {
            !h.is_empty()
                && h.iter().all(|h| {
                    let i = Catalog::reference().indicator(h.number).unwrap();
                    let text = format!("{}{}{}", i.title, i.criteria.join(""), i.evidence.join(""));
                    text.contains("规章")
                        || Catalog::reference()
                            .section_of(h.number)
                            .unwrap()
                            .title
                            .contains("规章")
                })
        });
        check("不存在的词语组合xyz", |h| h.is_empty());
    }

    #[test]
    fn title_hits_come_before_criteria_hits() {
        let hits = search(Catalog::reference(), "规章");
        let firsts: Vec<Field> = hits.iter().map(|h| h.best).collect();
        let mut sorted = firsts.clone();
        sorted.sort();
        assert_eq!(firsts, sorted);
    }

    #[test]
    fn marks_fold_merge_and_keep_boundaries() {
        let text = "行政复议机构设置行政复议委员会";
        let m = marks(text, "复议");
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|r| &text[r.clone()] == "复议"));
        assert_eq!(marks("abcabc", "bc ab"), [Range { start: 0, end: 6 }]);
        assert_eq!(marks("Ｆｏｏ bar", "FOO"), [Range { start: 0, end: 9 }]);
        assert!(marks("abc", "x").is_empty());
        assert!(marks("", "x").is_empty());
    }
}
