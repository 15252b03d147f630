//! Characters that change how text reads without showing themselves: bidirectional
//! controls (U+202E turns "عدد 2500" into something else on screen), invisible format
//! characters, and terminal controls. Reports show them as `⟨U+202E⟩`, so a reviewer
//! reads what the text holds, never what it pretends; matching ignores them (see `fold`).

use std::borrow::Cow;

/// Whether `c` is shown as its code point rather than written as is. Joiners (U+200C,
/// U+200D) are left alone: Persian and Arabic words need them.
pub fn is_hidden(c: char) -> bool {
    match c {
        // The common cases first, without the list: ASCII, Latin-1 letters, Arabic.
        '\n' | '\t' | ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{033F}' => false,
        '\u{0600}'..='\u{06FF}' => c == '\u{061C}',
        c => listed(c),
    }
}

/// The hidden characters themselves: controls but line breaks and tabs, and the format
/// characters that draw nothing.
fn listed(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180E}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// The first character beyond ASCII that [`is_hidden`], and its byte offset. Reads the
/// bytes and decodes a character only where a hidden one may begin: in Arabic and Latin
/// text, none does (the JSON report passes every string it writes through here).
pub fn first_hidden_beyond_ascii(s: &str) -> Option<(usize, char)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII (ids, keys, explanations) eight bytes at a time.
        if let Some(word) = bytes.get(i..i + 8)
            && u64::from_le_bytes(word.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080 == 0
        {
            i += 8;
            continue;
        }
        let lead = bytes[i];
        if lead < 0x80 {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let may_hide = match lead {
            // U+0080..U+00BF: the C1 controls and the soft hyphen.
            0xC2 => next < 0xA0 || next == 0xAD,
            // U+00C0..U+033F: letters and marks.
            0xC3..=0xCC => false,
            // U+0600..U+063F: the Arabic letter mark, U+061C.
            0xD8 => next == 0x9C,
            // U+0640..U+06FF.
            0xD9..=0xDB => false,
            _ => true,
        };
        if may_hide
            && let Some(c) = s[i..].chars().next()
            && is_hidden(c)
        {
            return Some((i, c));
        }
        i += match lead {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
    }
    None
}

/// Whether a text holds a character that hides itself.
pub fn hides(s: &str) -> bool {
    s.chars().any(is_hidden)
}

/// Whether `c` is a bidirectional control (an embedding, override, isolate or mark).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `⟨U+202E⟩`.
pub fn marker(c: char) -> String {
    format!("⟨U+{:04X}⟩", c as u32)
}

/// The text with every hidden character shown as its code point.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !hides(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_hidden(c) {
            out.push_str(&marker(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`visible`], with a map of byte offsets of `s` to the new text.
pub fn visible_with_offsets(s: &str) -> (String, Offsets) {
    let mut out = String::with_capacity(s.len());
    let mut shifts = Vec::new();
    let mut growth = 0;
    for (i, c) in s.char_indices() {
        if is_hidden(c) {
            let m = marker(c);
            growth += m.len() - c.len_utf8();
            out.push_str(&m);
            shifts.push((i + c.len_utf8(), growth));
        } else {
            out.push(c);
        }
    }
    (out, Offsets { shifts })
}

/// Where the byte offsets of a text land once its hidden characters are shown.
#[derive(Debug, Clone)]
pub struct Offsets {
    /// (offset just past a hidden character, bytes added up to there), in order.
    shifts: Vec<(usize, usize)>,
}

impl Offsets {
    pub fn at(&self, i: usize) -> usize {
        let k = self.shifts.partition_point(|&(at, _)| at <= i);
        i + if k == 0 { 0 } else { self.shifts[k - 1].1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_every_hidden_character_beyond_ascii_and_no_other() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("a{c}ب");
            let expected = (!c.is_ascii() && is_hidden(c)).then_some((1, c));
            assert_eq!(first_hidden_beyond_ascii(&s), expected, "U+{:04X}", c as u32);
        }
        assert_eq!(first_hidden_beyond_ascii("عدد 2500\u{202E}x\u{061C}"), Some((11, '\u{202E}')));
        // Every hidden character found wherever it falls among the eight bytes read at once.
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| !c.is_ascii() && is_hidden(c)) {
            for pad in 0..8 {
                let s = format!("{}ب{c}ب", "a".repeat(pad));
                assert_eq!(first_hidden_beyond_ascii(&s), Some((pad + 2, c)), "U+{:04X} after {pad}", c as u32);
            }
        }
        assert_eq!(first_hidden_beyond_ascii("x\u{1}y"), None, "ASCII controls are left to the caller");
    }

    proptest::proptest! {
        /// Mixed text, as JSON strings hold it: the byte scan finds what decoding each
        /// character finds.
        #[test]
        fn the_byte_scan_agrees_with_decoding(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", " ", "12", "ب", "ة", "ی", "«", "»", "é", "\u{0300}", "\u{034F}", "\u{061C}", "\u{065C}",
                "\u{069C}", "ж", "\u{0710}", "\u{200C}", "\u{200F}", "\u{202E}", "—", "\u{FEFF}", "\u{00AD}",
                "\u{0085}", "😀", "\u{E0041}",
            ]), 0..40)
        ) {
            let s: String = parts.concat();
            let expected = s.char_indices().find(|&(_, c)| !c.is_ascii() && is_hidden(c));
            proptest::prop_assert_eq!(first_hidden_beyond_ascii(&s), expected);
        }
    }

    #[test]
    fn bidi_and_invisible_characters_show_their_code_points() {
        assert_eq!(visible("abc \u{202E}2500\u{202C} x"), "abc ⟨U+202E⟩2500⟨U+202C⟩ x");
        assert_eq!(visible("a\u{200B}b\u{2066}c\u{2069}\u{1B}[2J"), "a⟨U+200B⟩b⟨U+2066⟩c⟨U+2069⟩⟨U+001B⟩[2J");
        // Line breaks, tabs, joiners and ordinary Arabic stay as they are.
        let plain = "می\u{200C}خواهم\tنحو ١٩ مليون\n";
        assert!(matches!(visible(plain), Cow::Borrowed(_)));
    }

    #[test]
    fn the_fast_paths_agree_with_the_list() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(is_hidden(c), listed(c), "U+{:04X}", c as u32);
        }
        assert!(is_hidden('\u{202E}') && is_hidden('\u{061C}') && is_hidden('\u{0007}'));
        assert!(!is_hidden('\n') && !is_hidden('ع') && !is_hidden('\u{200D}'));
    }

    #[test]
    fn offsets_follow_the_markers() {
        let s = "ab\u{202E}cd\u{200F}e";
        let (shown, offsets) = visible_with_offsets(s);
        let map = |i| offsets.at(i);
        assert_eq!(shown, "ab⟨U+202E⟩cd⟨U+200F⟩e");
        let at = |part: &str| s.find(part).unwrap();
        assert_eq!(&shown[map(at("cd"))..map(at("cd") + 2)], "cd");
        assert_eq!(&shown[map(0)..map(2)], "ab");
        assert_eq!(&shown[map(at("e"))..map(s.len())], "e");
        // A span over a hidden character takes its marker.
        assert_eq!(&shown[map(2)..map(at("cd") + 2)], "⟨U+202E⟩cd");
    }
}
