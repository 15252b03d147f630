//! Whether a quote states its claim's value, and how a source's figures are read.

use crate::text::{Folded, GlyphMap, Mode};
use crate::value::{self, Hedge, ReadOptions, Reading, ValueKind};
use std::ops::Range;

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

/// Whether a passage of a source states a claim's value: if so, the byte ranges of the
/// passage that state it (empty when only a bare year's digits or reversed words do),
/// which reports highlight without reading the quote again; if not, the figures it does
/// state, each with why it does not state the claim's value when it is the same figure. A
/// figure counts when the value reader finds it, when a year stands as its own run of
/// digits, or when it reads from the passage's words in reverse order (PDF extraction
/// reverses some lines).
pub fn quote_states(
    passage: &str,
    glyphs: &GlyphMap,
    opts: &ReadOptions,
    claim: &Reading,
) -> Result<Vec<Range<usize>>, Vec<String>> {
    let folded = Folded::new(passage, glyphs, Mode::Read);
    let mentions = value::mentions(&folded.text, opts);
    let stating: Vec<Range<usize>> =
        mentions.iter().filter(|m| states(&m.reading, claim)).map(|m| folded.original_range(m.start, m.end)).collect();
    let reversed = || folded.text.split(' ').rev().collect::<Vec<_>>().join(" ");
    if !stating.is_empty()
        || states_year_digits(&folded.text, claim)
        || value::mentions(&reversed(), opts).iter().any(|m| states(&m.reading, claim))
    {
        return Ok(stating);
    }
    Err(mentions
        .iter()
        .map(|m| {
            let figure = &folded.text[m.start..m.end];
            match compare(&m.reading, claim) {
                Support::Differs(why) => format!("`{figure}` ({}: {why})", m.reading.describe()),
                _ => format!("`{figure}`"),
            }
        })
        .collect())
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

/// Does a figure read from a quote state the claim's value? Strictly, at the quote's
/// precision: the same figure (nominal), the same scale, the same bound direction, a hedge
/// only where the quote hedges (or gives a round figure), and for dates the same days —
/// a claim never says more, or less, than its quote.
pub fn states(mention: &Reading, claim: &Reading) -> bool {
    compare(mention, claim) == Support::Stated
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Support {
    Stated,
    /// The same figure, stated otherwise: why.
    Differs(&'static str),
    /// Another figure.
    Other,
}

/// Which way a value is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Point,
    Above,
    Below,
    Range,
}

fn bound(h: Hedge) -> Bound {
    match h {
        Hedge::MoreThan | Hedge::AtLeast => Bound::Above,
        Hedge::LessThan | Hedge::AtMost => Bound::Below,
        Hedge::Range => Bound::Range,
        Hedge::Exact | Hedge::Round | Hedge::Approximate | Hedge::Vague => Bound::Point,
    }
}

fn compare(mention: &Reading, claim: &Reading) -> Support {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    let same = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    };
    // Sources write a fall as a positive figure beside a word for it; claims may sign it.
    let flipped = claim.nominal < 0.0 && mention.nominal > 0.0;
    let nominal = if flipped { -claim.nominal } else { claim.nominal };
    let claim_interval = if flipped {
        value::Interval { lo: claim.interval.hi.map(|v| -v), hi: claim.interval.lo.map(|v| -v) }
    } else {
        claim.interval
    };
    let hedges = || {
        let (m, c) = (bound(mention.hedge), bound(claim.hedge));
        if m != c && !(flipped && matches!((m, c), (Bound::Above, Bound::Below) | (Bound::Below, Bound::Above))) {
            return Support::Differs("the bound goes another way");
        }
        match (mention.hedge, claim.hedge) {
            (Hedge::Exact, Hedge::Approximate) => {
                Support::Differs("the quote gives the figure exactly, without a hedge")
            }
            (Hedge::Approximate | Hedge::Vague, Hedge::Exact | Hedge::Round) => {
                Support::Differs("the quote hedges the figure")
            }
            _ if m == Bound::Range && !same(mention.interval.hi, claim_interval.hi) => {
                Support::Differs("the range ends elsewhere")
            }
            _ => Support::Stated,
        }
    };
    match (claim.kind, mention.kind) {
        (ValueKind::Date, ValueKind::Date) => {
            let (m, c) = (&mention.interval, &claim.interval);
            if !m.overlaps(c) {
                return Support::Other;
            }
            match hedges() {
                Support::Stated if bound(claim.hedge) == Bound::Point && !(same(m.lo, c.lo) && same(m.hi, c.hi)) => {
                    Support::Differs(if within(c, m) {
                        "the claim is more precise than the quote"
                    } else {
                        "the quote is more precise than the claim"
                    })
                }
                Support::Stated if bound(claim.hedge) == Bound::Above && !same(m.lo, c.lo) => {
                    Support::Differs("another day")
                }
                Support::Stated if bound(claim.hedge) == Bound::Below && !same(m.hi, c.hi) => {
                    Support::Differs("another day")
                }
                other => other,
            }
        }
        // A year written as a bare number.
        (ValueKind::Date, ValueKind::Number) => {
            if claim.precision == value::Precision::Year && close(mention.nominal, year_of(claim.nominal) as f64) {
                Support::Stated
            } else {
                Support::Other
            }
        }
        // A percentage or a multiplier may be written as a bare number beside its word.
        (c, m) if c == m || (m == ValueKind::Number && matches!(c, ValueKind::Percent | ValueKind::Multiplier)) => {
            // An approximate claim may round the quote's figure to its own last digit
            // ("~33%" for «ثلث»), never move it.
            let rounds =
                claim.hedge == Hedge::Approximate && (mention.nominal - nominal).abs() <= last_digit(nominal) / 2.0;
            if !close(mention.nominal, nominal) && !rounds {
                // The same digits at another scale: `18.8` for «18.8 مليون».
                let ratio = (mention.nominal / nominal).abs().log10();
                return if nominal != 0.0 && ratio.abs() >= 1.0 && (ratio - ratio.round()).abs() < 1e-9 {
                    Support::Differs("the same digits at another scale")
                } else {
                    Support::Other
                };
            }
            hedges()
        }
        _ => Support::Other,
    }
}

/// The place of a number's last significant digit as written: 1 for 33, 0.1 for 33.3,
/// 100000 for 1600000.
fn last_digit(v: f64) -> f64 {
    let text = value::format_number(v.abs());
    match text.split_once('.') {
        Some((_, decimals)) => 10f64.powi(-(decimals.len() as i32)),
        None => 10f64.powi(text.len() as i32 - text.trim_end_matches('0').len() as i32),
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
        // The quote hedges: a claim may not drop the hedge.
        assert!(!supported("حوالي 19 مليون نسمة", "19000000", ValueKind::Number));
        assert!(!supported("حوالي 19 مليون نسمة", "18776707", ValueKind::Number));
        assert!(supported("بين 2 و3 مليار دولار", "2e9..3e9", ValueKind::Number));
        assert!(!supported("بين 2 و4 مليار دولار", "2e9..3e9", ValueKind::Number));
        assert!(supported("ثلث الناتج", "~33%", ValueKind::Percent));
        assert!(supported("بانخفاض قدره 2.84%", "-2.84%", ValueKind::Percent));
    }

    /// The cases an audit found accepted: each now fails, and the faithful claim passes.
    #[test]
    fn a_claim_says_exactly_what_its_quote_says() {
        let cases = [
            ("ولد في الخامس من ديسمبر 1936", "1936-12-06", "1936-12-05", ValueKind::Date),
            ("تتجاوز نسبتهم ٧٥%", "<75%", ">75%", ValueKind::Percent),
            ("نحو مليون ونصف", "~1.6e6", "~1.5e6", ValueKind::Number),
            ("نحو 18.8 مليون", "~18.8", "~18.8e6", ValueKind::Number),
            ("أرسلت 2500 جندي", "~2500", "2500", ValueKind::Number),
            ("في يناير 2022", "2022-01-05", "2022-01", ValueKind::Date),
            ("يوم ٢٠٢٢/١/٥", "2022-01", "2022-01-05", ValueKind::Date),
        ];
        for (quote, wrong, right, kind) in cases {
            assert!(!supported(quote, wrong, kind), "{wrong} for «{quote}»");
            assert!(supported(quote, right, kind), "{right} for «{quote}»");
        }
    }

    #[test]
    fn a_mismatch_says_what_the_quote_states() {
        let opts = source_read_options(Some("2022-01-10"));
        let claim = reading("<75%", ValueKind::Percent);
        let err = quote_states("تتجاوز نسبتهم ٧٥%", &GlyphMap::default(), &opts, &claim).unwrap_err();
        assert!(err[0].contains("the bound goes another way"), "{err:?}");
        let claim = reading("~18.8", ValueKind::Number);
        let err = quote_states("نحو 18.8 مليون", &GlyphMap::default(), &opts, &claim).unwrap_err();
        assert!(err[0].contains("the same digits at another scale"), "{err:?}");
    }

    #[test]
    fn dates_are_stated_at_the_quotes_precision() {
        assert!(supported("يوم ٢٠٢٢/١/٥", "2022-01-05", ValueKind::Date));
        assert!(supported("في 5 يناير", "2022-01-05", ValueKind::Date));
        assert!(supported("في يناير 2022", "2022-01", ValueKind::Date));
        assert!(!supported("يوم ٢٠٢٢/١/٥", "2022-01-06", ValueKind::Date));
        assert!(supported("منذ عام 1991", "1991", ValueKind::Date));
        assert!(states_year_digits("منذ العام 30.2016", &reading("2016", ValueKind::Date)));
        assert!(!states_year_digits("منذ العام 30.2016", &reading("2015", ValueKind::Date)));
    }
}
