//! Inferring digit glyphs from any text: it ends, and what it infers is a map of distinct
//! private-use characters to distinct digits, with evidence inside the text.
#![no_main]

use claimcheck::corpus::glyphs::infer_digits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let inferred = infer_digits(text, Some(2022));
    let mut digits: Vec<u8> = inferred.digits.values().copied().collect();
    digits.sort_unstable();
    digits.dedup();
    assert_eq!(digits.len(), inferred.digits.len(), "two glyphs for one digit: {:?}", inferred.digits);
    assert!(digits.iter().all(|&d| d <= 9));
    for (at, _, _) in &inferred.evidence {
        assert!(text.is_char_boundary(*at), "evidence at {at}");
    }
});
