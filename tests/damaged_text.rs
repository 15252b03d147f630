//! Quotes typed the ordinary way are found in the damaged passages of the shipped sources,
//! and positions come back in the original text.

use claimcheck::corpus::locate::line_col;
use claimcheck::text::{GlyphMap, QuoteIndex};

fn source(name: &str) -> String {
    std::fs::read_to_string(format!("claims/texts/{name}")).unwrap()
}

/// Finds `quote` once and returns the original passage and its line.
fn find(text: &str, glyphs: &GlyphMap, quote: &str) -> (String, usize) {
    let index = QuoteIndex::new(text, glyphs);
    let found = index.find(quote);
    assert!(!found.is_empty(), "not found: {quote}");
    let range = found[0].clone();
    (text[range.clone()].to_string(), line_col(text, range.start).0)
}

#[test]
fn mirrored_brackets_and_diacritics_in_000() {
    let text = source("000_43e62b36c13bfc6b.txt");
    // The PDF wrote «)1000(»; an editor types «(1000)».
    let (original, line) = find(&text, &GlyphMap::new(), "القوة نحو (1000) فرد من روسيا");
    assert_eq!((original.as_str(), line), ("القوة نحو )1000( فرد من روسيا", 178));
    // Diacritics (نُشِرَ، أنَّه) and runs of spaces in a reversed line.
    let (original, line) = find(&text, &GlyphMap::new(), "عنصر (1000) نشر انه الكازاخستاني");
    assert_eq!((original.as_str(), line), ("عنصر   )1000( نُشِرَ  أنَّه  الكازاخستاني", 246));
}

#[test]
fn persian_letter_forms_in_003() {
    let text = source("003_c46e443aee6b7186.txt");
    let (original, line) = find(&text, &GlyphMap::new(), "تمثل كازاخستان قيمة كبرى لروسيا");
    assert_eq!((original.as_str(), line), ("تمثل کازاخستان قیمة کبری لروسیا", 169));
}

#[test]
fn tatweel_in_004() {
    let text = source("004_02cfda188ce13e05.txt");
    let (original, line) = find(&text, &GlyphMap::new(), "فلم تمض فتحت احتجاجات كازاخستان الباب واسعا");
    assert_eq!(line, 1);
    assert!(original.starts_with("فلـــم تمـــض") && original.ends_with("واســـعًا"), "{original}");
}

#[test]
fn private_use_digits_in_002_through_the_glyph_map() {
    let text = source("002_adf254bf19668184.txt");
    let glyphs: GlyphMap = [('\u{E005}', "0"), ('\u{E008}', "1"), ('\u{E009}', "2"), ('\u{E010}', "9")]
        .into_iter()
        .map(|(c, d)| (c, d.to_string()))
        .collect();
    // The text shows «استقالته عام  بعدما»: the year is there, in private-use glyphs.
    let (original, line) = find(&text, &glyphs, "رغم استقالته عام 2019 بعدما حكم");
    assert_eq!(line, 9);
    assert!(original.contains('\u{E009}') && original.contains('\u{E010}'), "{original:?}");
    // Without the map the decoded quote is not there.
    assert!(QuoteIndex::new(&text, &GlyphMap::new()).find("رغم استقالته عام 2019").is_empty());
}
