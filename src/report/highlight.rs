//! Where a quote states its claim's value, so renderers can highlight the figure or the
//! names inside the quote.

use super::Span;
use crate::corpus::{self, Claim, Corpus, Value};
use crate::text::{Folded, Mode, fold};
use crate::value;

/// Byte ranges of `quote` (the claim's quote as displayed) that state the value, in order
/// and not overlapping; empty when the reader cannot find it (a figure read from reversed
/// words, a value in `stated_as`).
pub fn value_in_quote(corpus: &Corpus, claim: &Claim, quote: &str) -> Vec<Span> {
    // The loader kept the ranges of the passage the quote stands at where the quote shows as
    // that passage, verbatim: they are the quote's.
    if let Some(ranges) = &claim.value_in_passage {
        return ranges.iter().map(|r| whole(quote, Span::from(r.clone()))).collect();
    }
    let source = &corpus.sources[claim.source];
    match &claim.value {
        Value::Reading(reading) => {
            // The same reading of the quote as the loader's check that the quote states the value.
            let folded = Folded::new(quote, &source.glyphs, Mode::Read);
            value::mentions(&folded.text, &source.reading)
                .iter()
                .filter(|m| corpus::states(&m.reading, reading))
                .map(|m| whole(quote, Span::from(folded.original_range(m.start, m.end))))
                .collect()
        }
        Value::Entity(e) => names_in_quote(corpus, claim, quote, std::slice::from_ref(e)),
        Value::Set(entities) => names_in_quote(corpus, claim, quote, entities),
        Value::Missing | Value::Invalid => Vec::new(),
    }
}

/// Names of the entities wherever they stand in the quote, longest first so that
/// "روسيا البيضاء" wins over the "روسيا" inside it.
fn names_in_quote(corpus: &Corpus, claim: &Claim, quote: &str, entities: &[usize]) -> Vec<Span> {
    let glyphs = &corpus.sources[claim.source].glyphs;
    let folded = Folded::new(quote, glyphs, Mode::Match);
    let mut found: Vec<Span> = Vec::new();
    for &e in entities {
        let entity = &corpus.registry.entities[e];
        for name in entity.names.iter().chain([&entity.id]) {
            let needle = Folded::new(name, glyphs, Mode::Match).text;
            // Two letters match inside too many words ("us" in "Russia").
            if needle.chars().count() < 3 {
                continue;
            }
            for (at, m) in folded.text.match_indices(needle.as_str()) {
                let span = whole(quote, Span::from(folded.original_range(at, at + m.len())));
                if !name.is_ascii() || stands_alone(quote, span) {
                    found.push(span);
                }
            }
        }
    }
    found.sort_by_key(|s| (std::cmp::Reverse(s.end - s.start), s.start));
    // Kept spans by start: a span is kept when it overlaps neither neighbour, so a quote of
    // a name repeated a hundred thousand times costs a search per span, not a scan.
    let mut kept: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for span in found {
        let before = kept.range(..=span.start).next_back().is_some_and(|(_, &end)| end > span.start);
        let after = kept.range(span.start..).next().is_some_and(|(&start, _)| start < span.end);
        if !before && !after {
            kept.insert(span.start, span.end);
        }
    }
    kept.into_iter().map(|(start, end)| Span { start, end }).collect()
}

/// A Latin name must be a whole word; Arabic ones take attached particles (وروسيا).
fn stands_alone(quote: &str, span: Span) -> bool {
    let before = quote[..span.start].chars().next_back();
    let after = quote[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A span as far as folding saw it, grown over what folding drops at its edges: marks,
/// tatweel and hamza at its end (never split a letter from its diacritics), and the other
/// half of a bracket it cuts, "(2500" or ")2500" as PDF extraction mirrors them.
fn whole(quote: &str, mut span: Span) -> Span {
    for c in quote[span.end..].chars() {
        if !c.is_alphabetic() || !fold(c.encode_utf8(&mut [0; 4]), Mode::Match).is_empty() {
            break;
        }
        span.end += c.len_utf8();
    }
    const PAIRS: [&str; 4] = ["()", "[]", "{}", "«»"];
    for pair in PAIRS {
        let in_pair = |c: &char| pair.contains(*c);
        if quote[span.start..span.end].chars().filter(in_pair).count() % 2 == 0 {
            continue;
        }
        if let Some(c) = quote[span.end..].chars().next().filter(in_pair) {
            span.end += c.len_utf8();
        } else if let Some(c) = quote[..span.start].chars().next_back().filter(in_pair) {
            span.start -= c.len_utf8();
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grown(quote: &str, part: &str) -> String {
        let start = quote.find(part).unwrap();
        let span = whole(quote, Span { start, end: start + part.len() });
        quote[span.start..span.end].to_string()
    }

    #[test]
    fn spans_take_back_what_folding_dropped() {
        assert_eq!(grown("نحو (2500) جندي", "نحو (2500"), "نحو (2500)");
        assert_eq!(grown("قرابة )10000( شخص", "قرابة )10000"), "قرابة )10000(");
        assert_eq!(grown("بلغ (14,030) مليار", "14,030) مليار"), "(14,030) مليار");
        assert_eq!(grown("نحو ١٩ مليوناً نسمة", "نحو ١٩ مليونا"), "نحو ١٩ مليوناً");
        assert_eq!(grown("روسيا البيضاء وأرمينيا", "روسيا البيضا"), "روسيا البيضاء");
        // Nothing to take: a balanced span and a following word stay as they are.
        assert_eq!(grown("»أكتوبر« عام 1917", "»أكتوبر« عام 1917"), "»أكتوبر« عام 1917");
        assert_eq!(grown("2500 جندي", "2500"), "2500");
    }
}
