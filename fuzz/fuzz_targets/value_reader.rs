//! The value reader on any expression and any text: it reads or refuses, never panics, and
//! what it reads is an interval whose ends are in order.
#![no_main]

use claimcheck::text::{Folded, GlyphMap, Mode};
use claimcheck::value::{self, ReadOptions, ValueKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let expr = String::from_utf8_lossy(data);
    let expr = expr.as_ref();
    let opts = ReadOptions { default_year: Some(2022), reference_day: Some(19_000), ..ReadOptions::default() };
    let check = |r: &value::Reading| {
        if let (Some(lo), Some(hi)) = (r.interval.lo, r.interval.hi) {
            assert!(lo <= hi, "{expr:?} reads as {lo}..{hi}");
        }
    };
    if let Ok(r) = value::read(expr, &opts) {
        check(&r);
    }
    for kind in [ValueKind::Number, ValueKind::Percent, ValueKind::Multiplier, ValueKind::Date] {
        if let Ok(r) = value::read_as(expr, &opts, kind) {
            check(&r);
        }
    }
    let folded = Folded::new(expr, &GlyphMap::new(), Mode::Read);
    for m in value::mentions(&folded.text, &opts) {
        assert!(m.start <= m.end && folded.text.get(m.start..m.end).is_some(), "{expr:?}: {}..{}", m.start, m.end);
        check(&m.reading);
        let range = folded.original_range(m.start, m.end);
        assert!(expr.get(range.clone()).is_some(), "{expr:?}: {range:?}");
    }
});
