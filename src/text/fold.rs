//! Folding text for comparison, with a map back to the original.
//!
//! Two modes share one pass. [`Mode::Match`] keeps only letters and digits, no spaces (quotes are found
//! in sources by comparing these, so spacing, punctuation and mirrored brackets never matter).
//! [`Mode::Read`] keeps spaces and the punctuation that numbers and dates need, so the value
//! reader can see `2,725,000`, `2022/1/5` and `60%`.

use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// Private-use character → the text it stands for (a per-source glyph map).
pub type GlyphMap = BTreeMap<char, String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Match,
    Read,
}

/// Folded text plus, for every byte of it, the byte offset of the original character it came from.
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    pub original: &'a str,
    pub text: String,
    origin: Vec<u32>,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str, glyphs: &GlyphMap, mode: Mode) -> Self {
        let (text, origin) = Folding::<true>::new(original.len(), mode).fold(original, glyphs);
        Folded { original, text, origin }
    }

    /// The original byte range that the folded byte range `start..end` came from.
    pub fn original_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        if start >= end || start >= self.origin.len() {
            let at = self.origin.get(start).map_or(self.original.len(), |&o| o as usize);
            return at..at;
        }
        let first = self.origin[start] as usize;
        let last = self.origin[end - 1] as usize;
        let last_len = self.original[last..].chars().next().map_or(0, char::len_utf8);
        // The marks that end the last word and fold to nothing are its own: the hamza of
        // «الأربعاء», a final tanween or shadda, a tatweel.
        let tail: usize =
            self.original[last + last_len..].chars().take_while(|&c| ends_a_word(c)).map(char::len_utf8).sum();
        first..last + last_len + tail
    }
}

/// A character that folds to nothing but belongs to the letter before it.
fn ends_a_word(c: char) -> bool {
    matches!(c, 'ء' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Folded text as it is built; with `ORIGIN`, where each of its bytes came from.
struct Folding<const ORIGIN: bool> {
    text: String,
    origin: Vec<u32>,
    pending_space: Option<usize>,
    mode: Mode,
    table: &'static [Small],
}

impl<const ORIGIN: bool> Folding<ORIGIN> {
    fn new(len: usize, mode: Mode) -> Self {
        Folding {
            text: String::with_capacity(len),
            origin: Vec::with_capacity(if ORIGIN { len } else { 0 }),
            pending_space: None,
            mode,
            table: Small::table(mode),
        }
    }

    /// `original` folded, and where each byte came from (with `ORIGIN`).
    fn fold(mut self, original: &str, glyphs: &GlyphMap) -> (String, Vec<u32>) {
        // Characters that fold to themselves (most letters and digits of a text) are copied
        // a run at a time rather than pushed one by one.
        let mut run: Option<std::ops::Range<usize>> = None;
        for (at, c) in original.char_indices() {
            let small = self.table.get(c as usize).copied().unwrap_or(Small::Other);
            if matches!(small, Small::Same) {
                run.get_or_insert(at..at).end = at + c.len_utf8();
                continue;
            }
            if let Some(run) = run.take() {
                self.copy(original, run);
            }
            match if glyphs.is_empty() { None } else { glyphs.get(&c) } {
                Some(decoded) => decoded.chars().for_each(|d| self.push(d, at)),
                None => self.push_small(small, c, at),
            }
        }
        if let Some(run) = run {
            self.copy(original, run);
        }
        (self.text, self.origin)
    }

    /// `original[run]`, whose characters all fold to themselves.
    fn copy(&mut self, original: &str, run: std::ops::Range<usize>) {
        self.pending_space();
        self.text.push_str(&original[run.clone()]);
        if ORIGIN {
            // Every byte of a character points at its first byte.
            let mut char_start = run.start as u32;
            self.origin.extend(original.as_bytes()[run.clone()].iter().zip(run.start as u32..).map(|(&b, at)| {
                if b & 0xC0 != 0x80 {
                    char_start = at;
                }
                char_start
            }));
        }
    }

    /// Folds one character of the original (or of what its glyph decodes to) at `at`.
    fn push(&mut self, c: char, at: usize) {
        self.push_small(self.table.get(c as usize).copied().unwrap_or(Small::Other), c, at);
    }

    /// [`Folding::push`], with what the table says of `c`.
    fn push_small(&mut self, small: Small, c: char, at: usize) {
        match small {
            Small::Nothing => {}
            Small::Space => self.space(at),
            Small::Same => self.put(c, at),
            Small::One(f) => self.put(f, at),
            Small::Other => {
                for f in fold_char(c, self.mode) {
                    if f == ' ' { self.space(at) } else { self.put(f, at) }
                }
            }
        }
    }

    fn space(&mut self, at: usize) {
        // Matching ignores spacing altogether: PDF text splits and joins words.
        if self.mode == Mode::Read && !self.text.is_empty() && self.pending_space.is_none() {
            self.pending_space = Some(at);
        }
    }

    fn put(&mut self, f: char, at: usize) {
        self.pending_space();
        self.text.push(f);
        if ORIGIN {
            self.origin.extend(std::iter::repeat_n(at as u32, f.len_utf8()));
        }
    }

    /// The space that separates what comes next from what came before, if one is waiting.
    fn pending_space(&mut self) {
        if let Some(space_at) = self.pending_space.take() {
            self.text.push(' ');
            if ORIGIN {
                self.origin.push(space_at as u32);
            }
        }
    }
}

/// [`fold_char`] worked out once for the characters below U+0700 (ASCII, Latin, Greek,
/// Cyrillic, Hebrew, Arabic: nearly every character of the texts), so that folding a long
/// text looks each one up instead of going through the rules and the Unicode tables.
#[derive(Clone, Copy)]
enum Small {
    Nothing,
    Space,
    /// The character itself.
    Same,
    One(char),
    /// Above the table, or more than one character: the rules themselves.
    Other,
}

const TABLED: usize = 0x700;

impl Small {
    /// The table of `mode`, worked out on first use.
    fn table(mode: Mode) -> &'static [Small] {
        static TABLES: std::sync::OnceLock<[Vec<Small>; 2]> = std::sync::OnceLock::new();
        let tables = TABLES.get_or_init(|| {
            let table = |mode| {
                (0..TABLED as u32)
                    .map(|c| match char::from_u32(c).map(|c| fold_char(c, mode)) {
                        Some(FoldChars::Nothing) => Small::Nothing,
                        Some(FoldChars::Space) => Small::Space,
                        Some(FoldChars::One(f)) if f as u32 == c => Small::Same,
                        Some(FoldChars::One(f)) => Small::One(f),
                        _ => Small::Other,
                    })
                    .collect()
            };
            [table(Mode::Match), table(Mode::Read)]
        });
        &tables[mode as usize]
    }
}

/// What one character becomes: nothing, a space (a separator), or one or more characters.
fn fold_char(c: char, mode: Mode) -> FoldChars {
    use FoldChars::*;
    let keep_punct = mode == Mode::Read;
    match c {
        // Tatweel, Arabic diacritics and Quranic marks, joiners and direction marks.
        '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}' => Nothing,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => One('ا'),
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ئ' => One('ي'),
        'ة' | 'ۀ' | 'ۃ' => One('ه'),
        'ؤ' => One('و'),
        'ء' => Nothing,
        'ک' | 'ڪ' | 'گ' => One('ك'),
        'ڤ' | 'ڥ' => One('ف'),
        'پ' => One('ب'),
        'چ' => One('ج'),
        'ژ' => One('ز'),
        '٠'..='٩' => One(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => One(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        // The Arabic decimal and thousands signs stay as they are: unlike '.' and ',' they
        // mean one thing whatever the text's comma convention.
        '٫' | '٬' => {
            if keep_punct {
                One(c)
            } else {
                Space
            }
        }
        '٪' => {
            if keep_punct {
                One('%')
            } else {
                Space
            }
        }
        // The common cases first, without the Unicode tables: Arabic letters and ASCII.
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '0'..='9' | 'a'..='z' => One(c),
        'A'..='Z' => One(c.to_ascii_lowercase()),
        ' ' | '\n' => Space,
        // Other invisible format characters (U+061C, U+2060…, tags): shown in reports, never matched.
        c if super::controls::is_hidden(c) && !c.is_control() && !c.is_whitespace() => Nothing,
        c if c.is_whitespace() => Space,
        // Brackets and quotation marks become separators: PDF extraction mirrors them.
        '(' | ')' | '[' | ']' | '{' | '}' | '«' | '»' | '"' | '“' | '”' | '„' | '‘' | '’' | '\'' | '﴾' | '﴿' | '<'
        | '>' => Space,
        c if c.is_alphanumeric() => {
            if c.is_ascii() {
                One(c.to_ascii_lowercase())
            } else if ('\u{FB50}'..='\u{FDFF}').contains(&c)
                || ('\u{FE70}'..='\u{FEFF}').contains(&c)
                || ('\u{2070}'..='\u{209F}').contains(&c)
                || matches!(c, '²' | '³' | '¹')
            {
                // Presentation forms, ligatures and super/subscripts: their compatibility form,
                // folded in turn. A character that is its own form (U+FE73, the tail
                // fragment) is kept as it is, not folded again forever.
                if c.nfkc().eq(std::iter::once(c)) {
                    One(c)
                } else {
                    Many(c.nfkc().flat_map(|d| fold_char(d, mode)).collect())
                }
            } else {
                Many(c.to_lowercase().collect())
            }
        }
        c if keep_punct && !c.is_control() => One(c),
        _ => Space,
    }
}

enum FoldChars {
    Nothing,
    Space,
    One(char),
    Many(Vec<char>),
}

impl IntoIterator for FoldChars {
    type Item = char;
    type IntoIter = FoldIter;
    fn into_iter(self) -> FoldIter {
        match self {
            FoldChars::Nothing => FoldIter::One(None),
            FoldChars::Space => FoldIter::One(Some(' ')),
            FoldChars::One(c) => FoldIter::One(Some(c)),
            FoldChars::Many(v) => FoldIter::Many(v.into_iter()),
        }
    }
}

/// The characters of a [`FoldChars`]; one character costs no allocation (folding a 50 MB
/// text goes through here for every character).
enum FoldIter {
    One(Option<char>),
    Many(std::vec::IntoIter<char>),
}

impl Iterator for FoldIter {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            FoldIter::One(c) => c.take(),
            FoldIter::Many(v) => v.next(),
        }
    }
}

/// Fold with no glyph map, for short strings (names, phrases, values).
pub fn fold(s: &str, mode: Mode) -> String {
    fold_with(s, &GlyphMap::new(), mode)
}

/// Fold, reading private-use characters through a source's glyph map, when where each
/// byte came from is not needed (a quote to look for).
pub fn fold_with(s: &str, glyphs: &GlyphMap, mode: Mode) -> String {
    Folding::<false>::new(s.len(), mode).fold(s, glyphs).0
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// Runs of characters that fold to themselves are copied whole: the text, and where
        /// each of its bytes came from, are what folding one character at a time gives.
        #[test]
        fn copying_runs_folds_as_one_character_at_a_time_does(
            original in "[ a-zA-Z0-9.,%()«»\n\u{0621}-\u{065F}\u{0660}-\u{0669}\u{06F0}-\u{06F9}\u{0640}\u{200F}\u{FEFB}ک]{0,40}"
        ) {
            for mode in [Mode::Match, Mode::Read] {
                let mut one_by_one = Folding::<true>::new(original.len(), mode);
                for (at, c) in original.char_indices() {
                    one_by_one.push(c, at);
                }
                let folded = Folded::new(&original, &GlyphMap::new(), mode);
                prop_assert_eq!(&folded.text, &one_by_one.text);
                prop_assert_eq!(&folded.origin, &one_by_one.origin);
                prop_assert_eq!(fold(&original, mode), one_by_one.text);
            }
        }
    }

    /// Found by fuzzing: a presentation-range letter with no other form folded itself
    /// until the stack ran out.
    #[test]
    fn a_letter_that_is_its_own_compatibility_form_folds_once() {
        for mode in [Mode::Match, Mode::Read] {
            assert_eq!(fold("\u{FE73}", mode), "\u{FE73}");
            assert_eq!(fold("ﻻ", mode), "لا", "a ligature still folds to its letters");
        }
    }

    use super::*;

    #[test]
    fn letters_digits_and_marks_fold() {
        assert_eq!(fold("كازاخســتان", Mode::Match), "كازاخستان");
        assert_eq!(fold("نزارباييڤ", Mode::Match), "نزارباييف");
        assert_eq!(fold("إستقلال أكبر آسيا", Mode::Read), "استقلال اكبر اسيا");
        assert_eq!(fold("مدینة کبیرة", Mode::Read), "مدينه كبيره");
        assert_eq!(fold("تمثِّل", Mode::Match), "تمثل");
        assert_eq!(fold("٢٠٢٢/١/٥", Mode::Read), "2022/1/5");
        assert_eq!(fold("۱۹۹۱", Mode::Read), "1991");
        // The Arabic decimal and thousands signs keep their own meaning whatever the commas mean.
        assert_eq!(fold("٢٫٥ و١٬٥٠٠ و٧٥٪", Mode::Read), "2٫5 و1٬500 و75%");
    }

    #[test]
    fn mirrored_brackets_and_spacing_do_not_matter_for_matching() {
        assert_eq!(fold(")1000( جندي", Mode::Match), fold("(1000) جندي", Mode::Match));
        assert_eq!(fold("نزار باييف،\n  قال", Mode::Match), "نزارباييفقال");
        assert_eq!(fold("في   يناير\n 2022", Mode::Read), "في يناير 2022");
        assert_eq!(fold("  a  b  ", Mode::Read), "a b");
    }

    #[test]
    fn glyph_map_decodes_private_use_and_keeps_offsets() {
        let original = "عام \u{E008}\u{E010} كان";
        let glyphs: GlyphMap = [('\u{E008}', "2".to_string()), ('\u{E010}', "0".to_string())].into_iter().collect();
        let f = Folded::new(original, &glyphs, Mode::Read);
        assert_eq!(f.text, "عام 20 كان");
        let start = f.text.find("20").unwrap();
        let range = f.original_range(start, start + 2);
        assert_eq!(&original[range], "\u{E008}\u{E010}");
    }

    #[test]
    fn a_word_keeps_the_marks_that_fold_away_at_its_end() {
        let original = "مساء الأربعاء، عشرةً";
        let f = Folded::new(original, &GlyphMap::new(), Mode::Read);
        let at = f.text.find("الاربعا").unwrap();
        assert_eq!(&original[f.original_range(at, at + "الاربعا".len())], "الأربعاء");
        let at = f.text.find("عشره").unwrap();
        assert_eq!(&original[f.original_range(at, at + "عشره".len())], "عشرةً");
    }

    #[test]
    fn bidi_and_invisible_characters_do_not_stop_a_match() {
        let plain = fold("عدد 2500 جندي", Mode::Match);
        assert_eq!(fold("عدد \u{202E}2500\u{202C} جندي", Mode::Match), plain);
        assert_eq!(fold("عدد\u{061C} 25\u{2060}00 \u{2067}جندي\u{2069}\u{E0041}", Mode::Match), plain);
        assert_eq!(fold("25\u{2060}00", Mode::Read), "2500");
    }

    #[test]
    fn presentation_forms_fold_to_letters() {
        assert_eq!(fold("\u{FEFB}", Mode::Match), "لا");
        assert_eq!(fold("كلم²", Mode::Read), "كلم2");
    }
}
