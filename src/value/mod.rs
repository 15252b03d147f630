//! One reader for values: numbers in digits and words, hedges, bounds, ranges, fractions,
//! units, dates and Hijri dates, each read into an interval.
//!
//! [`read`] takes one whole expression (a claim's `value`, or `claimcheck value EXPR`), and
//! [`read_as`] does the same for a value whose kind the property fixes (so `1456` is a year
//! and `2100` a length); [`mentions`] finds every value in a text already folded in
//! [`Mode::Read`]. All share one grammar (`parse.rs` for figures, `date.rs` and `period.rs`
//! for dates) over tokens (`lex.rs`, which also applies the [`Commas`] convention), with
//! number words made from stems in `words.rs`, hedge phrases in `number.rs` and units in
//! [`unit`].

mod date;
mod hijri;
pub mod interval;
mod lex;
mod number;
mod parse;
mod period;
mod start;
pub mod unit;
mod words;

#[cfg(test)]
mod tests;

pub use date::{days_from_ymd, iso_date, ymd_from_days};
pub use interval::Interval;
pub use number::format_number;

use crate::text::{Folded, GlyphMap, Mode, fold};
use parse::{Parser, Years};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    Number,
    Percent,
    Multiplier,
    Date,
}

/// How the source qualified the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    /// As written, to the last digit.
    Exact,
    /// A round figure (a scale word or exponent): ± half its last significant digit.
    Round,
    /// نحو, حوالي, ~: the tolerance around it.
    Approximate,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    /// Two ends: `2e9..3e9`, بين … و…, or a date of several days.
    Range,
    /// عشرات, آلاف, بضع, نيف.
    Vague,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Exact,
    /// The last significant digit's place, e.g. 1e6 for "19 مليون": ± half of it.
    Digit(f64),
    Day,
    Month,
    Year,
}

impl Precision {
    /// For people: `± 500 (half the last significant digit)`, `day`, `exact`.
    pub fn describe(&self) -> String {
        match self {
            Precision::Exact => "exact".into(),
            Precision::Digit(place) => format!("± {} (half the last significant digit)", format_number(place / 2.0)),
            Precision::Day => "day".into(),
            Precision::Month => "month".into(),
            Precision::Year => "year".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    pub kind: ValueKind,
    /// Dates: days since 1970-01-01, proleptic Gregorian, covering every day of the precision.
    pub interval: Interval,
    /// The figure as written, before hedges (ranges: the low end; dates: the first day).
    pub nominal: f64,
    pub hedge: Hedge,
    pub precision: Precision,
    /// `Some("hijri-umm-al-qura")` when converted from a Hijri date.
    pub calendar: Option<&'static str>,
    /// False for a date without a year, dated with [`ReadOptions::default_year`].
    pub year_known: bool,
    /// The unit written with the figure, as a code of [`unit::UNITS`] (`"USD"`, `"km2"`,
    /// `"tonne"`, `"day"`, `"person"`); the figure is in that unit (`3 أسابيع` is 3 weeks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
}

impl Reading {
    /// Whether two readings may state one value: their intervals overlap, and where they
    /// only touch, neither bound that touches is strict. An interval keeps a strict bound at
    /// the figure and its hedge says so (see `tests/data/reader`): "more than 100" and "100"
    /// do not meet, nor do "before 2016" and 2016.
    pub fn overlaps(&self, other: &Reading) -> bool {
        let touch = |below: &Reading, above: &Reading| {
            matches!((below.interval.hi, above.interval.lo), (Some(h), Some(l)) if h == l)
                && (below.hedge == Hedge::LessThan || above.hedge == Hedge::MoreThan)
        };
        self.interval.overlaps(&other.interval) && !touch(self, other) && !touch(other, self)
    }

    /// A short human form: `19000000 ±500000`, `2022-01-05`, `>75%`, `2e9..3e9` style.
    pub fn describe(&self) -> String {
        let show = |v: f64| match self.kind {
            ValueKind::Date => iso_date(v.round() as i64),
            _ => format_number(v),
        };
        let end = |v: Option<f64>| v.map_or("∞".to_string(), show);
        let suffix = match self.kind {
            ValueKind::Percent => "%",
            _ => "",
        };
        let prefix = if self.kind == ValueKind::Multiplier { "x" } else { "" };
        let (lo, hi) = (self.interval.lo, self.interval.hi);
        if lo.is_some() && lo == hi {
            return format!("{prefix}{}{suffix}", end(lo));
        }
        format!("{prefix}{}{suffix}..{prefix}{}{suffix}", end(lo), end(hi))
    }
}

/// What a comma between digits means. Texts differ: Arabic news often writes a decimal
/// comma (`2,7 مليون`), English and wire copy group thousands with it (`2,483`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Commas {
    /// `,ddd` groups thousands (`2,725,000`, `2,483`) and any other comma is a decimal
    /// mark (`2,7`); but one group right before a scale word is a decimal (`2,483 مليون`
    /// is 2.483 million, as nobody writes "2483 million" with a separator).
    #[default]
    Auto,
    /// Commas are decimal marks and dots group thousands (`2,483` is 2.483, `1.234.567,5`).
    Decimal,
    /// Commas only group thousands (`2,483 مليون` is 2,483 million; `2,7` is no number).
    Thousands,
}

#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// The relative width of an approximate value (±10% by default).
    pub tolerance: f64,
    /// The width of an approximate percentage, in percentage points (±3 by default):
    /// "about 70%" is 67–73%, never "more than 75%".
    pub percent_points: f64,
    /// The year given to a date written without one ("6 يناير").
    pub default_year: Option<i32>,
    /// The day the text was written, for dates relative to it ("نوفمبر الماضي": last November).
    pub reference_day: Option<i64>,
    /// What a comma between digits means in this text.
    pub commas: Commas,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            tolerance: 0.1,
            percent_points: 3.0,
            default_year: None,
            reference_day: None,
            commas: Commas::Auto,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValueError {
    pub message: String,
    /// Byte offset in the expression given to [`read`].
    pub at: usize,
}

impl std::fmt::Display for ValueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.at)
    }
}

impl std::error::Error for ValueError {}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the folded text.
    pub start: usize,
    pub end: usize,
    pub reading: Reading,
}

/// Operators the folding would erase (`<`, `>` become spaces), read before folding.
const COMPACT_OPERATORS: &[(&str, Hedge)] =
    &[(">=", Hedge::AtLeast), ("<=", Hedge::AtMost), (">", Hedge::MoreThan), ("<", Hedge::LessThan)];

/// Words that may stand before a value in an expression without being part of it.
const LEADING: &[&str] = &["في", "ب", "ل", "on", "in", "at", "the", "خلال"];

/// Words that may follow a figure and its unit in a value expression without changing it:
/// what it is a share of ("من السكان"), how often ("سنويا"), what it ranks ("أكبر").
/// Anything else after a value is an error, so `2500 banana` does not pass.
const TRAILING: &[&str] = &[
    "من",
    "السكان",
    "يوميا",
    "سنويا",
    "شهريا",
    "أمريكي",
    "مربع",
    "مكعب",
    "مكعبة",
    "أكبر",
    "أطول",
    "مرة",
    "مرات",
    "of",
    "the",
    "population",
    "a",
    "per",
    "year",
    "annually",
];

fn is_trailing_word(word: &str) -> bool {
    static FOLDED: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    FOLDED.get_or_init(|| TRAILING.iter().map(|w| fold(w, Mode::Read)).collect()).contains(word)
}

/// How many such words may trail a value ("من السكان").
const MAX_TRAILING: usize = 3;

/// Read a whole value expression (a claim's `value`, or what follows `claimcheck value`).
///
/// The expression is folded here. It must be one value, optionally followed by its unit
/// ("دولار", "km2", "طن") or a counted noun ("نسمة", "جندي"); anything else is an error at
/// its offset. A bare figure is a number (`2000`, `0000`) unless words make it a year
/// (`عام 2000`, `2000م`, `يناير 2000`): [`read_as`] reads it as the property wants.
pub fn read(expr: &str, opts: &ReadOptions) -> Result<Reading, ValueError> {
    read_with(expr, opts, Years::Never)
}

/// [`read`] for a value whose kind is known: a bare integer of up to four digits is then a
/// year when `want` is [`ValueKind::Date`] (`"1456"`, `"0501..0600"`), and a number
/// otherwise (`"2100"` km). Everything else reads as with [`read`].
pub fn read_as(expr: &str, opts: &ReadOptions, want: ValueKind) -> Result<Reading, ValueError> {
    read_with(expr, opts, if want == ValueKind::Date { Years::Always } else { Years::Never })
}

fn read_with(expr: &str, opts: &ReadOptions, years: Years) -> Result<Reading, ValueError> {
    let trimmed = expr.trim_start();
    let mut base = expr.len() - trimmed.len();
    let mut forced = None;
    if let Some(&(op, h)) = COMPACT_OPERATORS.iter().find(|(op, _)| trimmed.starts_with(op)) {
        forced = Some(h);
        base += op.len();
    }
    let rest = &expr[base..];
    let folded = Folded::new(rest, &GlyphMap::new(), Mode::Read);
    let toks = lex::lex_with(&folded.text, lex::LexOptions { commas: opts.commas, whole: true });
    // Where each token stands, for errors; the parser takes the tokens themselves.
    let spans: Vec<(usize, usize)> = toks.iter().map(|t| (t.start, t.end)).collect();
    let original_at = |k: usize| match spans.get(k) {
        Some(&(start, end)) => base + folded.original_range(start, end).start,
        None => expr.len(),
    };
    let original_text = |k: usize| match spans.get(k) {
        Some(&(start, end)) => rest[folded.original_range(start, end)].to_string(),
        None => String::new(),
    };
    let n = toks.len();
    let mut p = Parser::new(toks, opts, true);
    p.years = years;

    let attempt = || -> Option<(parse::Item, usize, usize)> {
        let at = |i: usize| match forced {
            Some(h) => p.span(i, true).map(|(a, e)| (p.apply_hedge(a, h), e)),
            None => p.value(i),
        };
        let (item, end) = at(0).or_else(|| {
            let lead = LEADING.iter().any(|w| p.is(0, &parse::split_folded(w)[0]));
            if lead { at(1) } else { None }
        })?;
        // Trailing words ("20% من السكان").
        let mut k = end;
        while k < n && k - end < MAX_TRAILING && p.word(k).is_some_and(is_trailing_word) {
            k += 1;
        }
        Some((item, end, k))
    };

    match attempt() {
        Some((item, _, k)) if k == n => Ok(item.r),
        Some((_, _, k)) => {
            // A complaint from a longer reading that failed ("no such date") says more.
            if let Some((message, at)) = p.err.borrow().clone().filter(|(_, at)| *at <= k) {
                return Err(ValueError { message, at: original_at(at) });
            }
            Err(ValueError {
                message: format!("unexpected \"{}\" after the value", original_text(k)),
                at: original_at(k),
            })
        }
        None => {
            if let Some((message, k)) = p.err.borrow().clone() {
                return Err(ValueError { message, at: original_at(k) });
            }
            let k = p.far.get().min(n);
            let found = if k < n { format!("\"{}\"", original_text(k)) } else { "nothing".to_string() };
            Err(ValueError {
                message: format!("expected a number, a date or a hedge word, found {found}"),
                at: original_at(k),
            })
        }
    }
}

/// Every value mention in already-folded (Read mode) text: byte ranges into `folded`, in
/// order, non-overlapping, each as long as possible (with its hedge, scale, % or month).
pub fn mentions(folded: &str, opts: &ReadOptions) -> Vec<Mention> {
    let found = scan(folded, opts, true);
    // The start words must be every word the grammar starts a value with.
    debug_assert_eq!(found, scan(folded, opts, false), "the start words missed a value in «{folded}»");
    found
}

/// The mentions of a folded text, trying the grammar only where a value may start
/// (`start::may_start`) when `fast`, at every token otherwise.
fn scan(folded: &str, opts: &ReadOptions, fast: bool) -> Vec<Mention> {
    let toks = lex::lex_with(folded, lex::LexOptions { commas: opts.commas, whole: false });
    let p = Parser::new(toks, opts, false);
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        if is_markup_number(&p, i) || (fast && !start::may_start(&p.toks[i])) {
            i += 1;
        } else if let Some((item, end)) = p.value(i).filter(|(_, e)| *e > i) {
            out.push(Mention { start: p.toks[i].start, end: p.toks[end - 1].end, reading: item.r });
            i = end;
        } else {
            i = match p.skip.get() {
                Some((s, e)) if s == i && e > i => e,
                _ => i + 1,
            };
        }
    }
    out
}

/// Whether a value mention (folded) is an ordinal written in words ("الأولى", "ثاني",
/// "الحادية عشرة"): a place in a sequence, which is a figure only where it ranks something.
pub fn is_ordinal(folded_mention: &str) -> bool {
    let toks = lex::lex_with(folded_mention, lex::LexOptions::default());
    let n = toks.len();
    let words = toks.iter().all(|t| t.kind == lex::Kind::Word);
    let p = Parser::new(toks, &ReadOptions::default(), false);
    words && p.ordinal(0).is_some_and(|(_, end)| end == n)
}

/// Digits that are layout, not figures: a list number ("1- إن …") or a superscript left
/// by HTML ("كلم<sup>2</sup>" folds to "كلم sup 2 /sup").
fn is_markup_number(p: &Parser, i: usize) -> bool {
    if p.num(i).is_none() {
        return false;
    }
    let bullet = p.is(i + 1, "-") && p.glued(i + 1) && p.num(i + 2).is_none();
    let superscript = i > 0 && p.is(i - 1, "sup");
    bullet || superscript
}
