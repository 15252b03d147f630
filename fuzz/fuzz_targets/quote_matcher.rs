//! Finding quotes in a text: the first part is the text, the second a glyph map (pairs of
//! characters: glyph, then what it stands for), the rest quotes. Every range found lies on
//! character boundaries of the text, and the one-pass search agrees with the plain one.
#![no_main]

use claimcheck::text::{GlyphMap, QuoteIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parts = claimcheck_fuzz::parts(data);
    let [text, map, quotes @ ..] = parts.as_slice() else { return };
    let chars: Vec<char> = map.chars().collect();
    let glyphs: GlyphMap = chars.chunks_exact(2).map(|p| (p[0], p[1].to_string())).collect();
    let index = QuoteIndex::new(text, &glyphs);
    let quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
    let found = index.find_each(&quotes);
    assert_eq!(found.len(), quotes.len());
    for (quote, first) in quotes.iter().zip(&found) {
        let all = index.find(quote);
        for range in first.iter().chain(&all) {
            assert!(text.get(range.clone()).is_some(), "{range:?} cuts {text:?}");
        }
        assert_eq!(first.as_ref().map(|r| r.start), all.first().map(|r| r.start), "{quote:?} in {text:?}");
        // As the loader does: the nearest passage is looked for only when the quote is missing.
        if first.is_some() {
            continue;
        }
        if let Some(near) = index.nearest(quote) {
            assert!(text.get(near.range.clone()).is_some(), "{:?}", near.range);
            assert!((0.0..=1.0).contains(&near.similarity));
        }
    }
});
