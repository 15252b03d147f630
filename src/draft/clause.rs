//! Where a figure's sentence and clause begin and end: the passages a draft claim quotes
//! and looks for its cues in, bounded by punctuation and by the paragraph.

fn is_stop(text: &str, at: usize, c: char, stops: &str) -> bool {
    // A dot or comma between digits belongs to a number.
    let digit = |s: Option<char>| s.is_some_and(|c| c.is_numeric());
    stops.contains(c)
        && !(matches!(c, '.' | ',')
            && digit(text[..at].chars().next_back())
            && digit(text[at + c.len_utf8()..].chars().next()))
}

/// Where the paragraphs of a text break: its blank (or whitespace-only) lines, found once
/// so that the paragraph around a mention is two binary searches, not a pass over the text.
pub struct Paragraphs<'a> {
    text: &'a str,
    lines: &'a crate::corpus::locate::LineIndex,
    /// Byte ranges of the blank lines, line breaks included, in order.
    blank: Vec<(usize, usize)>,
    /// Whether a line break ends a sentence: in a text written a paragraph to a line (a
    /// title or byline with no full stop is no part of the sentence after it), not in one
    /// wrapped within its sentences (a PDF's text).
    line_stops: bool,
}

impl<'a> Paragraphs<'a> {
    pub fn new(text: &'a str, lines: &'a crate::corpus::locate::LineIndex) -> Self {
        let mut blank = Vec::new();
        let mut at = 0;
        // Lines followed by another, and those of them that end with no sentence's end.
        let (mut followed, mut run_on) = (0, 0);
        let mut previous: Option<&str> = None;
        for line in text.split_inclusive('\n') {
            if line.trim().is_empty() {
                blank.push((at, at + line.len()));
                previous = None;
            } else {
                if let Some(p) = previous {
                    followed += 1;
                    run_on += usize::from(!p.trim_end().ends_with(['.', '!', '?', '؟']));
                }
                previous = Some(line);
            }
            at += line.len();
        }
        let line_stops = 4 * run_on <= followed;
        Paragraphs { text, lines, blank, line_stops }
    }

    /// The stops of a passage, with the line break when it ends a sentence.
    fn stops(&self, stops: &str) -> String {
        if self.line_stops { format!("{stops}\n") } else { stops.to_string() }
    }

    /// The paragraph around `start..end`: after the last blank line before it (or from
    /// `start`, when only blanks precede it on its line), to the next blank line after the
    /// line `end` stands on.
    pub fn around(&self, start: usize, end: usize) -> (usize, usize) {
        let line_start = self.lines.line_bounds(self.text, start).start;
        // A mention with only blanks before it on its line starts its paragraph.
        let a = if start > line_start && self.text[line_start..start].trim().is_empty() {
            start
        } else {
            let k = self.blank.partition_point(|&(_, e)| e <= line_start);
            if k == 0 { 0 } else { self.blank[k - 1].1 }
        };
        let end_line = self.lines.line_bounds(self.text, end);
        let next_line = (end_line.end + 1).min(self.text.len());
        let k = self.blank.partition_point(|&(s, _)| s < next_line);
        let b = self.blank.get(k).map_or(self.text.len(), |&(s, _)| s);
        (a, b.max(end).min(self.text.len()))
    }
}

/// The byte range around `start..end` bounded by any of `stops` (outside the mention) and
/// by its paragraph, at most `max_words` words on each side.
pub fn bounded(
    text: &str,
    paragraphs: &Paragraphs,
    start: usize,
    end: usize,
    stops: &str,
    max_words: usize,
) -> (usize, usize) {
    let (pa, pb) = paragraphs.around(start, end);
    let stops = &paragraphs.stops(stops);
    let word_start =
        |i: usize, c: char| c.is_whitespace() && !text[i + c.len_utf8()..].starts_with(char::is_whitespace);
    let mut a = start;
    let mut words = 0;
    for (i, c) in text[pa..start].char_indices().rev().map(|(i, c)| (pa + i, c)) {
        if is_stop(text, i, c, stops) {
            break;
        }
        // The space just before the mention starts no word of the clause.
        if word_start(i, c) && i + c.len_utf8() < start {
            words += 1;
            if words > max_words {
                break;
            }
        }
        a = i;
    }
    let mut b = end;
    let mut words = 0;
    for (i, c) in text[end..pb].char_indices().map(|(i, c)| (end + i, c)) {
        if is_stop(text, i, c, stops) {
            break;
        }
        if word_start(i, c) {
            words += 1;
            if words > max_words {
                break;
            }
        }
        b = i + c.len_utf8();
    }
    (a, b)
}

/// Words a sentence may run to on each side of a mention: far past any real sentence, and
/// a bound on the work when a text has no full stops at all.
const SENTENCE_WORDS: usize = 400;

pub fn sentence(text: &str, paragraphs: &Paragraphs, start: usize, end: usize) -> (usize, usize) {
    bounded(text, paragraphs, start, end, ".!?؟", SENTENCE_WORDS)
}

/// The clause around a mention, verbatim and trimmed: between commas, semicolons, colons
/// and sentence ends, at most a dozen words on each side.
pub fn clause<'a>(text: &'a str, paragraphs: &Paragraphs, start: usize, end: usize) -> &'a str {
    let (a, b) = clause_range(text, paragraphs, start, end);
    &text[a..b]
}

/// [`clause`] as a byte range of `text`.
pub fn clause_range(text: &str, paragraphs: &Paragraphs, start: usize, end: usize) -> (usize, usize) {
    static MARKER: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let marker =
        MARKER.get_or_init(|| regex::Regex::new(r"[)(\[\]]\s*[0-9٠-٩]{1,3}\s*[)(\[\]]?\s*$").expect("a valid pattern"));
    let (a, b) = bounded(text, paragraphs, start, end, ".!?؟،,؛;:", 12);
    // A footnote marker that closes the clause is no part of it: "مليار دولار)1(".
    let b = match marker.find(&text[end..b]) {
        Some(m) => end + m.start(),
        None => b,
    };
    trim(text, a, b)
}

/// `a..b` without the spaces, brackets and quotation marks at its edges.
pub fn trim(text: &str, a: usize, b: usize) -> (usize, usize) {
    let edge = |c: char| c.is_whitespace() || matches!(c, '(' | ')' | '«' | '»' | '"' | '“' | '”');
    let inner = text[a..b].trim_start_matches(edge);
    let a2 = b - inner.len();
    let inner = inner.trim_end_matches(edge);
    (a2, a2 + inner.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quote_is_the_clause_around_the_mention() {
        let clause_at = |text: &str, part: &str, len: usize| {
            let lines = crate::corpus::locate::LineIndex::new(text);
            let start = text.find(part).unwrap();
            clause(text, &Paragraphs::new(text, &lines), start, start + len).to_string()
        };
        let text = "وقال الوزير، إن روسيا أرسلت 2,500 جندي إلى كازاخستان في 6 يناير 2022. ثم عادوا";
        assert_eq!(clause_at(text, "2,500", 5), "إن روسيا أرسلت 2,500 جندي إلى كازاخستان في 6 يناير 2022");
        let text = "سطر أول\n\n(بلغت الخسائر 3 مليار دولار)1(\n\nسطر";
        assert_eq!(clause_at(text, "3", 1), "بلغت الخسائر 3 مليار دولار");
        // A long sentence is cut to a dozen words on each side.
        let long = format!("{}العدد 7 {}", "كلمة ".repeat(30), "كلمة ".repeat(30));
        assert_eq!(clause_at(&long, "7", 1).split_whitespace().count(), 26);
    }

    /// The paragraph as found before it was indexed: by a pass over the text.
    fn paragraph_by_scan(text: &str, start: usize, end: usize) -> (usize, usize) {
        let blank = |line: &str| line.trim().is_empty();
        let (mut a, mut at) = (0, 0);
        for line in text[..start].split_inclusive('\n') {
            at += line.len();
            if blank(line) {
                a = at;
            }
        }
        let (mut b, mut first) = (end, true);
        for line in text[end..].split_inclusive('\n') {
            if !first && blank(line) {
                break;
            }
            b += line.len();
            first = false;
        }
        (a, b.min(text.len()))
    }

    #[test]
    fn indexed_paragraphs_match_a_scan() {
        let text = "أول سطر\n\n  \nفقرة ثانية 12\nتتمة 7\n   \n\n  30 في أول السطر\nآخر  ";
        let lines = crate::corpus::locate::LineIndex::new(text);
        let paragraphs = Paragraphs::new(text, &lines);
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for (k, &start) in bounds.iter().enumerate() {
            for &end in &bounds[k..(k + 4).min(bounds.len())] {
                assert_eq!(paragraphs.around(start, end), paragraph_by_scan(text, start, end), "{start}..{end}");
            }
        }
    }
}
