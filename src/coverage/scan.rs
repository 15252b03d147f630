//! Mentions in a source's original text: the value reader's finds, mapped back to the
//! bytes, lines and columns of the text as published.

use crate::corpus::Source;
use crate::corpus::locate::line_col;
use crate::text::{Folded, Mode};
use crate::value::{self, Reading};

#[derive(Debug, Clone)]
pub struct Found {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub reading: Reading,
}

/// Every mention of a number, date, percentage, multiplier or number word, in text order.
pub fn find(source: &Source) -> Vec<Found> {
    let folded = Folded::new(&source.text, &source.glyphs, Mode::Read);
    value::mentions(&folded.text, &source.reading)
        .into_iter()
        .map(|m| {
            let range = folded.original_range(m.start, m.end);
            // Tatweel and diacritics after the last letter fold away but belong to it: "هـ".
            let tail =
                source.text[range.end..].chars().take_while(|&c| is_folded_mark(c)).map(char::len_utf8).sum::<usize>();
            let (line, column) = line_col(&source.text, range.start);
            Found { start: range.start, end: range.end + tail, line, column, reading: m.reading }
        })
        .collect()
}

/// Tatweel and Arabic diacritics: folding drops them, so they belong to the letter before.
pub fn is_folded_mark(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// How much of a long line to show on each side of the mention, in characters.
const CONTEXT_CHARS: usize = 50;

/// The mention's line, trimmed, the mention marked ⟦so⟧; long lines cut around it.
pub fn context(text: &str, start: usize, end: usize) -> String {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = squash(&text[line_start..start]);
    let after = squash(&text[end..line_end]);
    let mut left: String = before.chars().rev().take(CONTEXT_CHARS).collect::<Vec<_>>().into_iter().rev().collect();
    if left.len() < before.len() {
        left.insert(0, '…');
    }
    let mut right: String = after.chars().take(CONTEXT_CHARS).collect();
    if right.len() < after.len() {
        right.push('…');
    }
    let space = |s: &str, at_end: bool| {
        let glued = if at_end {
            text[..start].ends_with(char::is_whitespace)
        } else {
            text[end..].starts_with(char::is_whitespace)
        };
        if s.is_empty() || !glued { "" } else { " " }
    };
    format!("{left}{}⟦{}⟧{}{right}", space(&left, true), squash(&text[start..end]), space(&right, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_marks_the_mention_and_cuts_long_lines() {
        let text = "أول سطر\n  ويبلغ عدد سكانها حوالي 19 مليون نسمة.  \nآخر";
        let start = text.find("حوالي").unwrap();
        let end = text.find(" نسمة").unwrap();
        assert_eq!(context(text, start, end), "ويبلغ عدد سكانها ⟦حوالي 19 مليون⟧ نسمة.");
        let long = format!("{}قوامها 2500 جندي{}", "ا ".repeat(100), " ب".repeat(100));
        let start = long.find("2500").unwrap();
        let shown = context(&long, start, start + 4);
        assert!(shown.starts_with('…') && shown.ends_with('…') && shown.contains("قوامها ⟦2500⟧ جندي"), "{shown}");
        assert_eq!(context("(1)", 1, 2), "(⟦1⟧)");
    }
}
