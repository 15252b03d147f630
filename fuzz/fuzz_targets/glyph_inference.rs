//! Inferring digit glyphs from any text: it ends; every glyph keeps at least one candidate
//! digit and its likeliest digit is one of them; a settled map gives distinct glyphs distinct
//! digits; evidence lies inside the text.
#![no_main]

use claimcheck::corpus::glyphs::{Published, infer_digits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let inferred = infer_digits(text, Published::year(2022));
    for g in &inferred.glyphs {
        assert!(!g.candidates.is_empty() && g.candidates.iter().all(|&d| d <= 9), "{g:?}");
        assert!(g.candidates.contains(&g.likeliest), "{g:?}");
    }
    if let Some(map) = inferred.settled_map() {
        let mut digits: Vec<u8> = map.values().copied().collect();
        digits.sort_unstable();
        digits.dedup();
        assert_eq!(digits.len(), map.len(), "two glyphs for one digit: {map:?}");
    }
    for e in &inferred.evidence {
        assert!(e.start <= e.end && e.end <= text.len(), "evidence at {}..{}", e.start, e.end);
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
    }
});
