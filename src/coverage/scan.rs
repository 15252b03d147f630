//! Mentions in a source's original text: the value reader's finds, mapped back to the
//! bytes, lines and columns of the text as published.

use crate::corpus::Source;
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

/// The mentions of a text, and where the scan stopped if it did.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub found: Vec<Found>,
    /// The byte offset past which nothing was read, when the text holds more than
    /// [`MAX_MENTIONS`].
    pub stopped_at: Option<usize>,
}

/// The most mentions read in one text. A real one holds far fewer (the densest synthetic
/// text, a figure every 40 bytes, holds a million in 40 MB); a text of "1 1 1 …" of 64 MB
/// would hold 32 million, and the memory they need.
pub const MAX_MENTIONS: usize = 1_000_000;

/// A text is read in pieces of about this many bytes, cut at a blank line (or a line break,
/// or a space), so that the reader's working memory does not grow with the text.
const PIECE: usize = 1 << 20;

/// Every mention of a number, date, percentage, multiplier or number word, in text order,
/// up to [`MAX_MENTIONS`].
pub fn find(source: &Source) -> Scan {
    let text = &source.text;
    let mut scan = Scan::default();
    let mut from = 0;
    while from < text.len() {
        let to = piece_end(text, from);
        let folded = Folded::new(&text[from..to], &source.glyphs, Mode::Read);
        for m in value::mentions(&folded.text, &source.reading) {
            if scan.found.len() == MAX_MENTIONS {
                scan.stopped_at = Some(from + folded.original_range(m.start, m.end).start);
                return scan;
            }
            let range = folded.original_range(m.start, m.end);
            let (start, end) = (from + range.start, from + range.end);
            // Tatweel and diacritics after the last letter fold away but belong to it: "هـ".
            let tail = text[end..].chars().take_while(|&c| is_folded_mark(c)).map(char::len_utf8).sum::<usize>();
            let (line, column) = source.lines.line_col(text, start);
            scan.found.push(Found { start, end: end + tail, line, column, reading: m.reading });
        }
        from = to;
    }
    scan
}

/// Where the piece of `text` that starts at `from` ends: at the first blank line past
/// [`PIECE`] bytes, else at a line break, else at a space, within another [`PIECE`] bytes
/// (a mention may run over a line break, hardly over a blank line).
fn piece_end(text: &str, from: usize) -> usize {
    let ceil = |mut i: usize| {
        while i < text.len() && !text.is_char_boundary(i) {
            i += 1;
        }
        i.min(text.len())
    };
    let target = ceil(from + PIECE);
    if target >= text.len() {
        return text.len();
    }
    // Look for the cut within another piece's length, never further.
    let window = &text[target..ceil(target + PIECE)];
    let mut line_break = false;
    for (i, b) in window.bytes().enumerate() {
        match b {
            b'\n' if line_break => return target + i + 1,
            b'\n' => line_break = true,
            b' ' | b'\t' | b'\r' => {}
            _ => line_break = false,
        }
    }
    // No blank line: a line break will do, else a space, else any character.
    window
        .find('\n')
        .map(|i| i + 1)
        .or_else(|| window.find(char::is_whitespace))
        .map_or(target + window.len(), |i| target + i)
}

/// Tatweel and Arabic diacritics: folding drops them, so they belong to the letter before.
pub fn is_folded_mark(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// How much of a long line to show on each side of the mention, in characters.
const CONTEXT_CHARS: usize = 50;

/// How much raw text on each side of a mention is looked at for its context, in
/// characters: enough for [`CONTEXT_CHARS`] after squashing any sane run of spaces, and a
/// bound on the work per mention however long the line.
const CONTEXT_SCAN: usize = 4 * CONTEXT_CHARS + 200;

/// The mention's line (`line`, its byte range), trimmed, the mention marked ⟦so⟧; long
/// lines cut around it.
pub fn context(text: &str, line: std::ops::Range<usize>, start: usize, end: usize) -> String {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (left, left_cut) = squashed_end(text[line.start..start].chars().rev());
    let mut left: String = left.into_iter().rev().collect();
    if left_cut {
        left.insert(0, '…');
    }
    let (right, right_cut) = squashed_end(text[end..line.end].chars());
    let mut right: String = right.into_iter().collect();
    if right_cut {
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

/// The first [`CONTEXT_CHARS`] characters going away from the mention, whitespace runs as
/// one space and trimmed at both ends, and whether the line goes on past them.
fn squashed_end(chars: impl Iterator<Item = char>) -> (Vec<char>, bool) {
    let mut out = Vec::with_capacity(CONTEXT_CHARS);
    let mut pending_space = false;
    for (scanned, c) in chars.enumerate() {
        if scanned == CONTEXT_SCAN {
            return (out, true);
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if out.len() + usize::from(pending_space) >= CONTEXT_CHARS {
            if pending_space && out.len() < CONTEXT_CHARS {
                out.push(' ');
            }
            return (out, true);
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    (out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_end_at_blank_lines_then_spaces() {
        let para = "كلمة 12 ".repeat(PIECE / 10);
        let text = format!("{para}\n \n{para}\n\n{}", "x".repeat(10));
        let first = piece_end(&text, 0);
        assert_eq!(&text[first - 3..first], "\n \n");
        assert_eq!(piece_end(&text, first), text.len() - 10);
        let one_line = "كلمة 12 ".repeat(PIECE / 5);
        let end = piece_end(&one_line, 0);
        assert!((PIECE..PIECE + 20).contains(&end) && one_line[end..].starts_with(' '));
        assert_eq!(piece_end("short", 0), 5);
        // No space at all: cut at a character boundary a piece further.
        let letters = "ب".repeat(PIECE * 3 / 2);
        let end = piece_end(&letters, 0);
        assert!(letters.is_char_boundary(end) && end > PIECE && end < letters.len());
    }

    /// The context as it was cut before lines were bounded: the squashed line around the
    /// mention, 50 characters each side.
    fn squashed_whole(text: &str, start: usize, end: usize) -> String {
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let (before, after) = (squash(&text[line_start..start]), squash(&text[end..line_end]));
        let mut left: String = before.chars().rev().take(CONTEXT_CHARS).collect::<Vec<_>>().into_iter().rev().collect();
        if left.len() < before.len() {
            left.insert(0, '…');
        }
        let mut right: String = after.chars().take(CONTEXT_CHARS).collect();
        if right.len() < after.len() {
            right.push('…');
        }
        format!("{left}|{right}")
    }

    #[test]
    fn bounded_context_matches_the_whole_line_squashed() {
        let index_of = |t: &str| crate::corpus::locate::LineIndex::new(t);
        for words in [1, 3, 9, 10, 11, 12, 25, 40] {
            for gap in [" ", "  \t ", "\u{a0}"] {
                let side = vec!["كلمة"; words].join(gap);
                let text = format!("قبل\n {side}{gap}2500{gap}{side} \nبعد");
                let start = text.find("2500").unwrap();
                let end = start + 4;
                let shown = context(&text, index_of(&text).line_bounds(&text, start), start, end);
                let (left, right) = shown.split_once("⟦2500⟧").unwrap();
                assert_eq!(format!("{}|{}", left.trim_end(), right.trim_start()), squashed_whole(&text, start, end));
            }
        }
    }

    #[test]
    fn context_marks_the_mention_and_cuts_long_lines() {
        let text = "أول سطر\n  ويبلغ عدد سكانها حوالي 19 مليون نسمة.  \nآخر";
        let start = text.find("حوالي").unwrap();
        let end = text.find(" نسمة").unwrap();
        let line = |t: &str, at: usize| crate::corpus::locate::LineIndex::new(t).line_bounds(t, at);
        assert_eq!(context(text, line(text, start), start, end), "ويبلغ عدد سكانها ⟦حوالي 19 مليون⟧ نسمة.");
        let long = format!("{}قوامها 2500 جندي{}", "ا ".repeat(100), " ب".repeat(100));
        let start = long.find("2500").unwrap();
        let shown = context(&long, line(&long, start), start, start + 4);
        assert!(shown.starts_with('…') && shown.ends_with('…') && shown.contains("قوامها ⟦2500⟧ جندي"), "{shown}");
        assert_eq!(shown.chars().count(), 2 * (CONTEXT_CHARS + 1) + "2500".len() + 2 + 2);
        assert_eq!(context("(1)", line("(1)", 1), 1, 2), "(⟦1⟧)");
    }
}
