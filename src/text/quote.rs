//! Finding a quote in its source: exactly after folding, or else the nearest passage.

use super::{Folded, GlyphMap, Mode, fold_with};
use std::collections::HashMap;
use std::ops::Range;

/// How much of a quote (folded characters) is compared when looking for its nearest passage.
const NEAR_CHARS: usize = 500;

/// A source text prepared for quote look-ups.
pub struct QuoteIndex<'a> {
    folded: Folded<'a>,
    glyphs: &'a GlyphMap,
    /// For [`QuoteIndex::nearest`] only, built the first time a quote is missing: most
    /// sources never need it, and in a 50 MB text it is the largest thing held.
    near: std::cell::OnceCell<Trigrams>,
}

/// The folded text's characters and where each trigram of them stands.
struct Trigrams {
    chars: Vec<(usize, char)>,
    at: HashMap<[char; 3], Vec<u32>>,
}

/// Matching compares letters and digits only, so a quote that ends (or, on a reversed line,
/// starts) with a percent sign would be located without it, and its figure read as a plain
/// number: take the sign into the range when the quote has it and the text has it there.
fn with_percent_signs(original: &str, mut range: Range<usize>, quote: &str) -> Range<usize> {
    let is_percent = |c: char| matches!(c, '%' | '٪');
    if quote.trim_end().ends_with(is_percent) {
        let after = &original[range.end..];
        let gap = after.len() - after.trim_start_matches([' ', '\u{00A0}']).len();
        if let Some(c) = after[gap..].chars().next().filter(|&c| is_percent(c)) {
            range.end += gap + c.len_utf8();
        }
    }
    if quote.trim_start().starts_with(is_percent) {
        let before = &original[..range.start];
        let kept = before.trim_end_matches([' ', '\u{00A0}']);
        if let Some(c) = kept.chars().next_back().filter(|&c| is_percent(c)) {
            range.start = kept.len() - c.len_utf8();
        }
    }
    range
}

/// The best inexact match for a quote that is not in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMiss {
    /// Original byte range of the passage.
    pub range: Range<usize>,
    /// 0..1, how alike the folded quote and passage are.
    pub similarity: f64,
}

impl<'a> QuoteIndex<'a> {
    pub fn new(original: &'a str, glyphs: &'a GlyphMap) -> Self {
        let folded = Folded::new(original, glyphs, Mode::Match);
        QuoteIndex { folded, glyphs, near: std::cell::OnceCell::new() }
    }

    fn trigrams(&self) -> &Trigrams {
        self.near.get_or_init(|| {
            let chars: Vec<(usize, char)> = self.folded.text.char_indices().collect();
            let mut at: HashMap<[char; 3], Vec<u32>> = HashMap::new();
            for (i, w) in chars.windows(3).enumerate() {
                at.entry([w[0].1, w[1].1, w[2].1]).or_default().push(i as u32);
            }
            Trigrams { chars, at }
        })
    }

    pub fn original(&self) -> &'a str {
        self.folded.original
    }

    /// Where each quote first stands, for many quotes in one pass over the text
    /// ([`super::needles`]), so a source with thousands of claims is not scanned thousands of times.
    pub fn find_each(&self, quotes: &[&str]) -> Vec<Option<Range<usize>>> {
        let needles: Vec<String> = quotes.iter().map(|q| fold_with(q, self.glyphs, Mode::Match)).collect();
        let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
        super::needles::first_each(&self.folded.text, &needles)
            .into_iter()
            .zip(needles.iter().zip(quotes))
            .map(|(at, (needle, quote))| {
                let range = self.folded.original_range(at?, at? + needle.len());
                Some(with_percent_signs(self.folded.original, range, quote))
            })
            .collect()
    }

    /// Original byte ranges of every place the quote stands, after folding both.
    pub fn find(&self, quote: &str) -> Vec<Range<usize>> {
        let needle = fold_with(quote, self.glyphs, Mode::Match);
        if needle.is_empty() {
            return Vec::new();
        }
        self.folded
            .text
            .match_indices(needle.as_str())
            .map(|(at, m)| {
                with_percent_signs(self.folded.original, self.folded.original_range(at, at + m.len()), quote)
            })
            .collect()
    }

    /// The passage most like the quote: trigram votes pick candidate starts, then an edit
    /// distance ranks them, so this never compares the quote with every window of the text.
    pub fn nearest(&self, quote: &str) -> Option<NearMiss> {
        // Edit distances cost the square of the quote's length: a long quote is placed by its start.
        let needle: Vec<char> = fold_with(quote, self.glyphs, Mode::Match).chars().take(NEAR_CHARS).collect();
        if needle.len() < 3 || self.folded.text.len() < 3 {
            return None;
        }
        let Trigrams { chars, at: trigrams } = self.trigrams();
        let mut votes: HashMap<i64, u32> = HashMap::new();
        for (offset, w) in needle.windows(3).enumerate() {
            if let Some(positions) = trigrams.get(&[w[0], w[1], w[2]]) {
                for &p in positions.iter().take(10_000) {
                    // Nearby starts share a bucket, so a few inserted or lost characters still agree.
                    *votes.entry((p as i64 - offset as i64) / 4).or_default() += 1;
                }
            }
        }
        let mut candidates: Vec<(i64, u32)> = votes.into_iter().collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let needle_text: String = needle.iter().collect();
        let mut best: Option<(f64, usize, usize)> = None;
        for &(bucket, _) in candidates.iter().take(8) {
            // Every other start of the bucket: the fine-tuning below reaches the ones between.
            for shift in [0, 2] {
                let start = (bucket * 4 + shift).clamp(0, chars.len() as i64) as usize;
                let end = (start + needle.len()).min(chars.len());
                let window: String = chars[start..end].iter().map(|&(_, c)| c).collect();
                let score = strsim::normalized_levenshtein(&needle_text, &window);
                if best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, start, end));
                }
            }
        }
        // Fine-tune the start, then the end, since the quote may have gained or lost a few
        // characters at either (one end at a time: 14 distances rather than 49).
        let (mut similarity, mut start, mut end) = best?;
        let len = chars.len();
        let score = |a: usize, b: usize| {
            let window: String = chars[a..b].iter().map(|&(_, c)| c).collect();
            strsim::normalized_levenshtein(&needle_text, &window)
        };
        for a in start.saturating_sub(3)..=(start + 3).min(end.saturating_sub(1)) {
            let s = score(a, end);
            if s > similarity {
                (similarity, start) = (s, a);
            }
        }
        for b in (start + 1).max(end.saturating_sub(3))..=(end + 3).min(len) {
            let s = score(start, b);
            if s > similarity {
                (similarity, end) = (s, b);
            }
        }
        let byte = |i: usize| chars.get(i).map_or(self.folded.text.len(), |&(b, _)| b);
        Some(NearMiss { range: self.folded.original_range(byte(start), byte(end)), similarity })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_ending_in_a_percent_sign_is_located_with_it() {
        let glyphs = GlyphMap::new();
        let text = "البطالة بنسبة تتراوح بين 20%-30% من الشباب، و%60 في الريف";
        let index = QuoteIndex::new(text, &glyphs);
        let found = index.find("بنسبة تتراوح بين 20%-30%");
        assert_eq!(&text[found[0].clone()], "بنسبة تتراوح بين 20%-30%");
        let found = index.find_each(&["تتراوح بين 20%-30%", "%60 في الريف"]);
        assert_eq!(&text[found[0].clone().unwrap()], "تتراوح بين 20%-30%");
        assert_eq!(&text[found[1].clone().unwrap()], "%60 في الريف");
        // Without the sign in the quote, the range is as matched.
        assert_eq!(&text[index.find("تتراوح بين 20%-30")[0].clone()], "تتراوح بين 20%-30");
    }

    #[test]
    fn finds_quotes_despite_damage() {
        let glyphs = GlyphMap::new();
        let text = "وتقع بي روسيا\nعدد  ويبلغ  بأكملها،  الغربية  أوروبا\nنحو )2500( جنديّ من كازاخســتان";
        let index = QuoteIndex::new(text, &glyphs);
        let found = index.find("نحو (2500) جندي من كازاخستان");
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].clone()], "نحو )2500( جنديّ من كازاخســتان");
        // Across a line break and doubled spaces.
        let found = index.find("بي روسيا عدد ويبلغ");
        assert_eq!(&text[found[0].clone()], "بي روسيا\nعدد  ويبلغ");
    }

    #[test]
    fn many_quotes_are_found_in_one_pass_even_when_repeated_or_overlapping() {
        let glyphs = GlyphMap::new();
        let text = "أرسلت روسيا 2500 جندي. وقال توكاييف إن 20 ألف إرهابي هاجموا.";
        let index = QuoteIndex::new(text, &glyphs);
        let quotes = ["روسيا 2500 جندي", "توكاييف إن 20", "أرسلت روسيا", "روسيا 2500 جندي", "غائب", ""];
        let found: Vec<Option<&str>> = index.find_each(&quotes).into_iter().map(|r| r.map(|r| &text[r])).collect();
        assert_eq!(
            found,
            [Some("روسيا 2500 جندي"), Some("توكاييف إن 20"), Some("أرسلت روسيا"), Some("روسيا 2500 جندي"), None, None]
        );
    }

    #[test]
    fn quotes_may_use_decoded_digits_where_the_source_has_private_use_glyphs() {
        let glyphs: GlyphMap = [('\u{E008}', "2".into()), ('\u{E010}', "0".into())].into_iter().collect();
        let text = "في عام \u{E008}\u{E010}\u{E008}\u{E008} بدأت";
        let index = QuoteIndex::new(text, &glyphs);
        assert_eq!(index.find("عام 2022 بدأت").len(), 1);
        assert_eq!(index.find("عام \u{E008}\u{E010}\u{E008}\u{E008}").len(), 1);
        assert!(index.find("عام 2023").is_empty());
    }

    #[test]
    fn a_long_misquote_is_placed_by_its_start() {
        let glyphs = GlyphMap::new();
        let text = format!("مقدمة. {} خاتمة.", "وقد أرسلت روسيا 2500 جندي إلى البلاد. ".repeat(200));
        let index = QuoteIndex::new(&text, &glyphs);
        let quote = format!("أرسلت روسيا 25000 جندي {}", "كلمة ".repeat(20_000));
        let near = index.nearest(&quote).unwrap();
        assert!(text[near.range].starts_with("أرسلت روسيا 2500"));
    }

    #[test]
    fn a_misquoted_passage_has_a_nearest_match() {
        let glyphs = GlyphMap::new();
        let text = "مقدمة طويلة عن الموضوع. وقد أرسلت روسيا 2500 جندي إلى البلاد في اليومين التاليين. خاتمة.";
        let index = QuoteIndex::new(text, &glyphs);
        assert!(index.find("أرسلت روسيا 25000 جندي إلى البلاد").is_empty());
        let near = index.nearest("أرسلت روسيا 25000 جندي إلى البلاد").unwrap();
        assert!(near.similarity > 0.9, "{near:?}");
        assert!(text[near.range].contains("روسيا 2500 جندي"));
    }
}
