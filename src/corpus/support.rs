//! Whether a quote states its claim's value, and how a source's figures are read.

use crate::text::{Folded, GlyphMap, Mode};
use crate::value::{self, ReadOptions, Reading, ValueKind};

/// The year a `published` date expression names.
pub fn published_year(published: &str) -> Option<i32> {
    source_read_options(Some(published)).default_year
}

/// How a source's figures are read: dates without a year ("6 يناير") take the year it was
/// published, and dates relative to it ("نوفمبر الماضي") count from its first day.
pub fn source_read_options(published: Option<&str>) -> ReadOptions {
    let date = published
        .and_then(|p| value::read_as(p, &ReadOptions::default(), ValueKind::Date).ok())
        .filter(|r| r.kind == ValueKind::Date);
    ReadOptions {
        default_year: date.as_ref().map(|r| year_of(r.nominal)),
        // A year alone says nothing of which months lie before it.
        reference_day: date.filter(|r| r.precision != value::Precision::Year).map(|r| r.nominal as i64),
        ..ReadOptions::default()
    }
}

/// The year of a day number.
pub fn year_of(days: f64) -> i32 {
    let iso = value::iso_date(days as i64);
    let (sign, digits) = iso.strip_prefix('-').map_or((1, iso.as_str()), |d| (-1, d));
    sign * digits.split('-').next().and_then(|y| y.parse::<i32>().ok()).unwrap_or(0)
}

/// Whether a passage of a source states a claim's value; if not, the figures it does state.
/// A figure counts when the value reader finds it, when a year stands as its own run of
/// digits, or when it reads from the passage's words in reverse order (PDF extraction
/// reverses some lines).
pub fn quote_states(passage: &str, glyphs: &GlyphMap, opts: &ReadOptions, claim: &Reading) -> Result<(), Vec<String>> {
    let folded = Folded::new(passage, glyphs, Mode::Read);
    let mentions = value::mentions(&folded.text, opts);
    let reversed = || folded.text.split(' ').rev().collect::<Vec<_>>().join(" ");
    if mentions.iter().any(|m| states(&m.reading, claim))
        || states_year_digits(&folded.text, claim)
        || value::mentions(&reversed(), opts).iter().any(|m| states(&m.reading, claim))
    {
        return Ok(());
    }
    Err(mentions.iter().map(|m| folded.text[m.start..m.end].to_string()).collect())
}

/// A year claim whose year stands in the quote as its own run of digits, even where the
/// text glued something to it (a footnote number: `30.2016`).
fn states_year_digits(folded: &str, claim: &Reading) -> bool {
    if claim.kind != ValueKind::Date || claim.precision != value::Precision::Year {
        return false;
    }
    let year = year_of(claim.nominal).to_string();
    folded.split(|c: char| !c.is_ascii_digit()).any(|run| run == year)
}

/// Does a figure read from a quote state the claim's value? The two must agree to the
/// precision each was written with: each one's figure lies in the other's interval.
pub fn states(mention: &Reading, claim: &Reading) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    // Sources write a fall as a positive figure beside a word for it; claims may sign it.
    let nominal = if claim.nominal < 0.0 && mention.nominal > 0.0 { -claim.nominal } else { claim.nominal };
    let flip = |i: &value::Interval| {
        if nominal == claim.nominal { *i } else { value::Interval { lo: i.hi.map(|v| -v), hi: i.lo.map(|v| -v) } }
    };
    let claim_interval = flip(&claim.interval);
    let same_figure = || {
        close(mention.nominal, nominal)
            || (mention.interval.contains(nominal) && claim_interval.contains(mention.nominal))
    };
    let same_hi = || {
        claim.hedge != value::Hedge::Range
            || matches!((mention.interval.hi, claim_interval.hi), (Some(a), Some(b)) if close(a, b))
    };
    match (claim.kind, mention.kind) {
        (ValueKind::Date, ValueKind::Date) => {
            let (m, c) = (&mention.interval, &claim.interval);
            m.overlaps(c) && (close(mention.nominal, claim.nominal) || within(m, c) || within(c, m))
        }
        // A year written as a bare number.
        (ValueKind::Date, ValueKind::Number) => {
            claim.precision == value::Precision::Year && close(mention.nominal, year_of(claim.nominal) as f64)
        }
        (ValueKind::Percent, ValueKind::Number) | (ValueKind::Multiplier, ValueKind::Number) => same_figure(),
        (a, b) => a == b && same_figure() && same_hi(),
    }
}

fn within(inner: &value::Interval, outer: &value::Interval) -> bool {
    let lo_ok = match (inner.lo, outer.lo) {
        (_, None) => true,
        (Some(a), Some(b)) => a >= b,
        (None, Some(_)) => false,
    };
    let hi_ok = match (inner.hi, outer.hi) {
        (_, None) => true,
        (Some(a), Some(b)) => a <= b,
        (None, Some(_)) => false,
    };
    lo_ok && hi_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(expr: &str, kind: ValueKind) -> Reading {
        value::read_as(expr, &ReadOptions::default(), kind).unwrap()
    }

    /// Does the quote (already folded) state the claim's value?
    fn supported(quote: &str, value: &str, kind: ValueKind) -> bool {
        let opts = source_read_options(Some("2022-01-10"));
        let claim = reading(value, kind);
        value::mentions(&crate::text::fold(quote, Mode::Read), &opts).iter().any(|m| states(&m.reading, &claim))
    }

    #[test]
    fn the_quote_must_state_the_figure_to_its_precision() {
        assert!(supported("أرسلت 2500 جندي", "2500", ValueKind::Number));
        assert!(!supported("أرسلت 25000 جندي", "2500", ValueKind::Number));
        assert!(!supported("أرسلت 2500 جندي", "25000", ValueKind::Number));
        assert!(supported("حوالي 19 مليون نسمة", "~19e6", ValueKind::Number));
        assert!(supported("حوالي 19 مليون نسمة", "19000000", ValueKind::Number));
        assert!(!supported("حوالي 19 مليون نسمة", "18776707", ValueKind::Number));
        assert!(supported("بين 2 و3 مليار دولار", "2e9..3e9", ValueKind::Number));
        assert!(!supported("بين 2 و4 مليار دولار", "2e9..3e9", ValueKind::Number));
        assert!(supported("ثلث الناتج", "~33%", ValueKind::Percent));
        assert!(supported("بانخفاض قدره 2.84%", "-2.84%", ValueKind::Percent));
    }

    #[test]
    fn dates_are_stated_at_any_precision_that_contains_them() {
        assert!(supported("يوم ٢٠٢٢/١/٥", "2022-01-05", ValueKind::Date));
        assert!(supported("في 5 يناير", "2022-01-05", ValueKind::Date));
        assert!(supported("في يناير 2022", "2022-01", ValueKind::Date));
        assert!(!supported("يوم ٢٠٢٢/١/٥", "2022-01-06", ValueKind::Date));
        assert!(supported("منذ عام 1991", "1991", ValueKind::Date));
        assert!(states_year_digits("منذ العام 30.2016", &reading("2016", ValueKind::Date)));
        assert!(!states_year_digits("منذ العام 30.2016", &reading("2015", ValueKind::Date)));
    }
}
