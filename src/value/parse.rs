//! The grammar of values over tokens: hedges, ranges, numerals with their scale and suffix,
//! vague counts, fractions, multipliers and ordinals. Dates live in `date.rs`.
//!
//! Every rule returns the item it read and the index of the first token after it; where
//! several rules apply, the longest reading wins (ties go to the rule tried first).

use super::lex::{Kind, NumLit, Tok};
use super::number::{
    HEDGES, NEGATIONS, PERCENT_WORDS, RANGE_AND, RANGE_FROM, RANGE_INTROS, RANGE_TO, RANGE_YEAR_INTROS, SUFFIX_HEDGES,
};
use super::words::{self, Form, Role};
use super::{Hedge, Interval, Precision, ReadOptions, Reading, ValueKind, unit};
use crate::text::{Mode, fold};
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

/// A reading plus what the grammar still needs to know about how it was written.
#[derive(Debug, Clone)]
pub(super) struct Item {
    pub r: Reading,
    /// Power of ten of the scale word applied ("3 مليار" → 9), 0 for none.
    pub scale: i32,
    /// A bare numeral (digits or words) with no scale, exponent or suffix.
    pub plain: bool,
    /// A bare integer that may be a year (see [`Years`]): read as one where the context allows.
    pub year: Option<i32>,
    /// A bare four-digit integer: a year when the other end of its range is a date
    /// ("من 2005 إلى يوليو 2018"), whatever [`Years`] says.
    pub range_year: Option<i32>,
    /// A bare day-of-month number (digits ≤ 31 or an ordinal).
    pub day: Option<u32>,
}

impl Item {
    pub fn of(r: Reading) -> Item {
        Item { r, scale: 0, plain: false, year: None, range_year: None, day: None }
    }
}

pub(super) type Res = Option<(Item, usize)>;

/// When a bare integer is a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Years {
    /// Running text: 4 digits in 1800..=2100, or with a leading zero ("0434").
    Auto,
    /// Any integer of up to 4 digits (the value must be a date).
    Always,
    /// Only where the words say so: a year word or era (عام 2000, 2000م), a month, or a
    /// date at the other end of a range. A bare `2000` is a number.
    Never,
}

pub(super) struct Parser<'a> {
    pub toks: Vec<Tok<'a>>,
    /// Each token's roles as a number word (empty for others).
    roles: Vec<&'static [Role]>,
    pub opts: ReadOptions,
    /// Reading one whole expression (`read`), not scanning text (`mentions`).
    pub whole: bool,
    pub years: Years,
    /// The furthest token any rule consumed up to: where an error is reported.
    pub far: Cell<usize>,
    /// A specific complaint ("date has no year") and the token it is about.
    pub err: RefCell<Option<(String, usize)>>,
    /// A month-name phrase (start, end) that could not be dated: skipped as a whole.
    pub skip: Cell<Option<(usize, usize)>>,
}

/// Folded phrases, split into words, computed once per table.
macro_rules! phrases {
    ($name:ident, $list:expr) => {
        pub(super) fn $name() -> &'static [Vec<String>] {
            static C: OnceLock<Vec<Vec<String>>> = OnceLock::new();
            C.get_or_init(|| $list.iter().map(|p| split_folded(p)).collect())
        }
    };
}
pub(super) use phrases;

pub(super) fn split_folded(p: &str) -> Vec<String> {
    fold(p, Mode::Read).split(' ').map(str::to_string).collect()
}

phrases!(percent_words, PERCENT_WORDS);
phrases!(range_intros, RANGE_INTROS);
phrases!(range_year_intros, RANGE_YEAR_INTROS);
phrases!(range_and, RANGE_AND);
phrases!(range_from, RANGE_FROM);
phrases!(range_to, RANGE_TO);

pub(super) struct FoldedHedge {
    pub(super) words: Vec<String>,
    hedge: Hedge,
    gap: Option<usize>,
    dates: bool,
    whole: bool,
}

/// The hedge phrases, folded, ordered by their first word (in table order within one), so
/// that the phrases of one first word stand together ([`hedges_from`]).
pub(super) fn hedges() -> &'static [FoldedHedge] {
    static C: OnceLock<Vec<FoldedHedge>> = OnceLock::new();
    C.get_or_init(|| {
        let mut hedges: Vec<FoldedHedge> = HEDGES
            .iter()
            .map(|h| FoldedHedge {
                words: split_folded(h.text),
                hedge: h.hedge,
                gap: h.gap,
                dates: h.dates,
                whole: h.whole,
            })
            .collect();
        hedges.sort_by(|a, b| a.words[0].cmp(&b.words[0]));
        hedges
    })
}

/// The hedge phrases that begin with `first`, found by hashing: the reader asks at every
/// word where a value may start.
fn hedges_from(first: &str) -> &'static [FoldedHedge] {
    static BY_FIRST: OnceLock<rustc_hash::FxHashMap<&'static str, std::ops::Range<usize>>> = OnceLock::new();
    let all = hedges();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut by_first = rustc_hash::FxHashMap::default();
        for (k, h) in all.iter().enumerate() {
            by_first.entry(h.words[0].as_str()).or_insert(k..k).end = k + 1;
        }
        by_first
    });
    by_first.get(first).map_or(&[], |run| &all[run.clone()])
}

fn suffix_hedges() -> (&'static [Vec<String>], &'static [Hedge]) {
    static C: OnceLock<(Vec<Vec<String>>, Vec<Hedge>)> = OnceLock::new();
    let (w, h) = C.get_or_init(|| SUFFIX_HEDGES.iter().map(|&(p, h)| (split_folded(p), h)).unzip());
    (w, h)
}

/// `10^p` as an exact decimal.
pub(super) fn pow10(p: i32) -> f64 {
    // The powers a text uses, 10^-40 to 10^40, parsed once.
    const LOW: i32 = -40;
    const POWERS: usize = 81;
    static TABLE: OnceLock<[f64; POWERS]> = OnceLock::new();
    let exact = |p: i32| format!("1e{p}").parse().unwrap_or(f64::NAN);
    match p.checked_sub(LOW).and_then(|k| usize::try_from(k).ok()) {
        Some(k) if k < POWERS => TABLE.get_or_init(|| std::array::from_fn(|k| exact(k as i32 + LOW)))[k],
        _ => exact(p),
    }
}

/// A figure read to its precision: exact, or ± half its last significant digit.
pub(super) fn figure(kind: ValueKind, v: f64, place: Option<f64>) -> Reading {
    let (interval, precision, hedge) = match place {
        None => (Interval::point(v), Precision::Exact, Hedge::Exact),
        Some(p) => (Interval::new(v - p / 2.0, v + p / 2.0), Precision::Digit(p), Hedge::Round),
    };
    Reading { kind, interval, nominal: v, hedge, precision, calendar: None, year_known: true, unit: None }
}

/// A vague count or a range: `[lo, hi]`.
pub(super) fn spread(kind: ValueKind, lo: f64, hi: f64, hedge: Hedge) -> Reading {
    Reading {
        kind,
        interval: Interval::new(lo, hi),
        nominal: lo,
        hedge,
        precision: Precision::Exact,
        calendar: None,
        year_known: true,
        unit: None,
    }
}

fn finite(r: &Reading) -> bool {
    r.nominal.is_finite() && r.interval.lo.is_none_or(f64::is_finite) && r.interval.hi.is_none_or(f64::is_finite)
}

fn longest(cands: impl IntoIterator<Item = Res>) -> Res {
    let mut best: Res = None;
    for (item, end) in cands.into_iter().flatten() {
        if best.as_ref().is_none_or(|(_, e)| end > *e) && finite(&item.r) {
            best = Some((item, end));
        }
    }
    best
}

impl<'a> Parser<'a> {
    pub fn new(toks: Vec<Tok<'a>>, opts: &ReadOptions, whole: bool) -> Self {
        let roles = toks.iter().map(|t| if t.kind == Kind::Word { words::roles(t.text) } else { &[] }).collect();
        Parser {
            roles,
            toks,
            opts: *opts,
            whole,
            years: Years::Auto,
            far: Cell::new(0),
            err: RefCell::new(None),
            skip: Cell::new(None),
        }
    }

    // ---- token helpers ----

    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i).filter(|t| t.kind == Kind::Word).map(|t| t.text)
    }

    pub fn text(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i).filter(|t| !matches!(t.kind, Kind::Num(_))).map(|t| t.text)
    }

    pub fn is(&self, i: usize, w: &str) -> bool {
        self.text(i) == Some(w)
    }

    pub fn num(&self, i: usize) -> Option<&NumLit> {
        match &self.toks.get(i)?.kind {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }

    /// Token `i` touches the one before it (no space between).
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i].start == self.toks[i - 1].end
    }

    pub fn role<T>(&self, i: usize, pick: impl Fn(Role) -> Option<T>) -> Option<T> {
        self.roles(i).iter().find_map(|&r| pick(r))
    }

    /// The roles of token `i` as a number word, looked up once per token.
    pub fn roles(&self, i: usize) -> &'static [Role] {
        self.roles.get(i).copied().unwrap_or(&[])
    }

    pub fn reach(&self, end: usize) {
        if end > self.far.get() {
            self.far.set(end);
        }
    }

    pub fn complain(&self, msg: impl Into<String>, at: usize) {
        if self.whole && self.err.borrow().is_none() {
            *self.err.borrow_mut() = Some((msg.into(), at));
        }
    }

    /// Where the phrase `words` ends when it starts at `i`.
    pub fn phrase(&self, i: usize, words: &[String]) -> Option<usize> {
        for (k, w) in words.iter().enumerate() {
            if !self.is(i + k, w) {
                return None;
            }
        }
        Some(i + words.len())
    }

    /// The longest of `list` at `i`: (its index, its end).
    pub fn any(&self, i: usize, list: &[Vec<String>]) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (n, p) in list.iter().enumerate() {
            if let Some(e) = self.phrase(i, p)
                && best.is_none_or(|(_, b)| e > b)
            {
                best = Some((n, e));
            }
        }
        if let Some((_, e)) = best {
            self.reach(e);
        }
        best
    }

    /// "و" (also glued: "و3") or "and".
    fn and(&self, i: usize) -> Option<usize> {
        self.any(i, range_and()).map(|(_, e)| e)
    }

    /// An ordinary word that may stand between a verb and its figure, or trail a value.
    pub fn is_filler(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| w != "و" && !is_value_word(w))
    }

    // ---- values ----

    /// One value at `i`, as long as possible, with any hedges.
    pub fn value(&self, i: usize) -> Res {
        let cands = [
            self.range_between(i),
            self.range_from_to(i),
            self.hedged(i),
            self.negated(i),
            self.span(i, self.ambiguous_ok(i)),
        ];
        let (mut item, mut end) = longest(cands)?;
        if let Some((h, e)) = self.suffix_hedge(end) {
            match item.r.hedge {
                Hedge::Exact | Hedge::Round => {
                    item = self.apply_hedge(item, h);
                    end = e;
                }
                had if had == h => end = e,
                _ => {}
            }
        }
        if let Some(y) = item.year
            && let Some(d) = self.year_item(y, false)
        {
            item = d;
        }
        self.reach(end);
        Some((item, end))
    }

    /// Words like ضعف (also "weakness") are read when the whole expression is the value or
    /// when "to" points at a figure ("إلى ضعف"); not after ب ("بضعف": with weakness).
    fn ambiguous_ok(&self, i: usize) -> bool {
        self.whole || (i > 0 && ["الي", "to"].iter().any(|w| self.is(i - 1, w)))
    }

    fn hedged(&self, i: usize) -> Res {
        self.hedged_as(i, Some)
    }

    /// A bound under a denied verb: «لن يستغرق أكثر من عشرة أيام», «على ألا يتعدى أكثر من»,
    /// "did not last more than 10 days" is at most 10 (less than: at least). «لا يزال أكثر
    /// من» (still more than) denies nothing.
    fn negated(&self, i: usize) -> Res {
        // Verbs that are "still" when denied, and words after "not" that deny no verb.
        const NOT_DENIED: &[&str] = &["زال", "برح", "نفك", "فتي", "فتا", "only", "just", "even", "merely"];
        let verb = self.word(i + 1)?;
        if !self.text(i).is_some_and(|w| NEGATIONS.contains(&w))
            || !self.is_filler(i + 1)
            || NOT_DENIED.iter().any(|w| verb.contains(w))
        {
            return None;
        }
        self.hedged_as(i + 2, |h| match h {
            Hedge::MoreThan => Some(Hedge::AtMost),
            Hedge::LessThan => Some(Hedge::AtLeast),
            _ => None,
        })
    }

    /// [`Self::hedged`], each hedge found as `as_hedge` maps it (none: not read).
    fn hedged_as(&self, i: usize, as_hedge: impl Fn(Hedge) -> Option<Hedge>) -> Res {
        let mut best: Res = None;
        for h in hedges_from(self.text(i)?) {
            let Some(hedge) = as_hedge(h.hedge) else { continue };
            for j in self.hedge_ends(i, h) {
                if h.whole && !self.whole {
                    break;
                }
                if let Some((mut a, e)) = self.span(j, true) {
                    // "منذ 2014", "before 2016": these words say the figure is a year; so
                    // does a date property ("حتى 2018").
                    if h.dates || (self.years == Years::Always && a.year.is_some()) {
                        match self.as_year(a) {
                            Some(year) => a = year,
                            None => break,
                        }
                    }
                    if best.as_ref().is_none_or(|(_, b)| e > *b) {
                        best = Some((self.apply_hedge(a, hedge), e));
                    }
                    break;
                }
            }
        }
        best
    }

    /// Where the hedge phrase may end at `i`: right after it, or (for a verb) after the
    /// verb's subject of one or two words.
    fn hedge_ends(&self, i: usize, h: &FoldedHedge) -> Vec<usize> {
        let mut ends = Vec::new();
        if let Some(e) = self.phrase(i, &h.words) {
            ends.push(e);
        }
        if let Some(g) = h.gap
            && let Some(v) = self.phrase(i, &h.words[..=g])
        {
            for n in 1..=2 {
                if !(v..v + n).all(|k| self.is_filler(k)) {
                    break;
                }
                if let Some(e) = self.phrase(v + n, &h.words[g + 1..]) {
                    ends.push(e);
                }
            }
        }
        if let Some(&e) = ends.iter().max() {
            self.reach(e);
        }
        ends
    }

    pub fn apply_hedge(&self, mut item: Item, h: Hedge) -> Item {
        let r = &mut item.r;
        let t = self.opts.tolerance.abs();
        let is_date = r.kind == ValueKind::Date;
        match h {
            // The union of what was read and ±t around it (around each end of a range).
            Hedge::Approximate if !is_date => {
                if let (Some(lo), Some(hi)) = (r.interval.lo, r.interval.hi) {
                    let (a, b) =
                        if matches!(r.hedge, Hedge::Range | Hedge::Vague) { (lo, hi) } else { (r.nominal, r.nominal) };
                    let (below, above) = if r.kind == ValueKind::Percent {
                        (self.opts.percent_points.abs(), self.opts.percent_points.abs())
                    } else {
                        (a.abs() * t, b.abs() * t)
                    };
                    r.interval = Interval::new(lo.min(a - below), hi.max(b + above));
                }
            }
            // After a date is after its last day ("بعد 2016": from 2017); since a date is
            // from its first day; before is before its first day; until is to its last.
            Hedge::MoreThan | Hedge::AtLeast => {
                let lo = match (is_date, h) {
                    (true, Hedge::MoreThan) => r.interval.hi,
                    (true, _) => r.interval.lo,
                    _ => Some(r.nominal),
                };
                r.interval = Interval { lo, hi: None };
            }
            Hedge::LessThan | Hedge::AtMost => {
                let hi = match (is_date, h) {
                    (true, Hedge::LessThan) => r.interval.lo,
                    (true, _) => r.interval.hi,
                    _ if r.hedge == Hedge::Range || r.hedge == Hedge::Vague => r.interval.hi,
                    _ => Some(r.nominal),
                };
                r.interval = Interval { lo: None, hi };
            }
            // "يساوي 3000", "=3000": exactly the figure, round as it may look.
            Hedge::Exact if !is_date && r.hedge == Hedge::Round => {
                r.interval = Interval::point(r.nominal);
                r.precision = Precision::Exact;
            }
            _ => {}
        }
        r.hedge = h;
        item.plain = false;
        item.year = None;
        item.range_year = None;
        item.day = None;
        item
    }

    fn suffix_hedge(&self, i: usize) -> Option<(Hedge, usize)> {
        let (words, hedges) = suffix_hedges();
        for start in [i, i + 1] {
            if start > i && !self.is_filler(i) {
                break;
            }
            if let Some((n, e)) = self.any(start, words) {
                return Some((hedges[n], e));
            }
        }
        None
    }

    /// "بين X و Y", "تتراوح بين X و Y".
    fn range_between(&self, i: usize) -> Res {
        // "بين عامي 2014 و2018": the dual year word makes both ends years.
        let years = self.any(i, range_year_intros()).map(|(_, j)| j);
        let j = years.or_else(|| self.any(i, range_intros()).map(|(_, j)| j)).or_else(|| self.range_verb(i))?;
        let (mut a, k) = self.atom(j, true)?;
        let k = self.and(k)?;
        let (mut b, e) = self.atom(k, true)?;
        if years.is_some() {
            a = self.as_year(a)?;
            b = self.as_year(b)?;
        }
        Some((self.make_range(a, b, i)?, e))
    }

    /// A figure that the words say is a year ("منذ 2014", "بين عامي 2014 و2018"), as one.
    fn as_year(&self, item: Item) -> Option<Item> {
        if item.r.kind == ValueKind::Date {
            return Some(item);
        }
        item.year.or(item.range_year).and_then(|y| self.year_item(y, false))
    }

    /// "تتراوح نسبتهم بين": the verb, its subject (one or two words), then بين.
    fn range_verb(&self, i: usize) -> Option<usize> {
        let verb = ["تتراوح", "يتراوح", "تراوح", "تراوحت"].iter().any(|v| self.is(i, v));
        if !verb {
            return None;
        }
        let mut k = i + 1;
        while k <= i + 2 && self.is_filler(k) {
            k += 1;
            let j = if self.is(k, "ما") { k + 1 } else { k };
            if self.is(j, "بين") {
                return Some(j + 1);
            }
        }
        None
    }

    /// "من X إلى Y".
    fn range_from_to(&self, i: usize) -> Res {
        let (_, j) = self.any(i, range_from())?;
        let (a, k) = self.atom(j, true)?;
        let (_, k) = self.any(k, range_to())?;
        let (b, e) = self.atom(k, true)?;
        Some((self.make_range(a, b, i)?, e))
    }

    /// An atom, or a range of two written `X..Y` or `X-Y` (digits on both sides).
    /// A dash joins two figures (`10-20`) or two dates (`يناير - مارس 2022`); in a whole
    /// expression "إلى"/"to" does too (`10 إلى 20`).
    pub fn span(&self, i: usize, ambiguous: bool) -> Res {
        let (a, j) = self.atom(i, ambiguous)?;
        let dash = ["-", "–", "—"].iter().any(|d| self.is(j, d));
        let figures = self.num(j + 1).is_some() && (self.num(j - 1).is_some() || a.r.kind != ValueKind::Date);
        // In running text "to" joins two sums of one currency and scale ("losses put at $2
        // billion to $3 billion"), never two bare figures ("cut to 50", "rose 5 to 40").
        let mut money = false;
        let joins = if self.is(j, "..") || (dash && (figures || a.r.kind == ValueKind::Date)) {
            Some(j + 1)
        } else if self.whole {
            self.any(j, range_to()).map(|(_, k)| k)
        } else {
            money = a.scale > 0 && a.r.unit.is_some();
            self.any(j, range_to()).map(|(_, k)| k).filter(|&k| money && self.prefix_sign(k).is_some())
        };
        if let Some(k) = joins
            && let Some((b, e)) = self.atom(k, ambiguous)
            && (!money || (b.scale == a.scale && b.r.unit == a.r.unit))
            && (!dash || a.r.kind != ValueKind::Date || b.r.kind == ValueKind::Date)
            && let Some(r) = self.make_range(a.clone(), b, i)
        {
            return Some((r, e));
        }
        Some((a, j))
    }

    /// One figure or date, no hedge.
    pub fn atom(&self, i: usize, ambiguous: bool) -> Res {
        // A currency sign before the figure: "$10", "US$ 2bn", "€20".
        if let Some((code, j)) = self.prefix_sign(i) {
            let (mut item, e) = self.atom(j, ambiguous)?;
            if item.r.kind != ValueKind::Number || item.r.unit.is_some_and(|u| u != code) {
                return None;
            }
            item.r.unit = Some(code);
            item.year = None;
            item.range_year = None;
            item.day = None;
            return Some((item, e));
        }
        let date = self.date(i);
        let quantity = self.quantity(i, ambiguous).map(|(item, e)| self.with_unit(item, e));
        // "6 يناير" with no year to give it: not a bare 6 either. But a whole expression that
        // is only "صفر" (zero, and the month Safar) is zero.
        let month_alone = self.skip.get().is_some_and(|(s, e)| s == i && !(self.whole && e == self.toks.len()));
        if date.is_none() && self.skip.get().is_some_and(|(s, _)| s == i) && (month_alone || quantity.is_none()) {
            return None;
        }
        let found = longest([date, quantity]);
        if let Some((_, e)) = &found {
            self.reach(*e);
        }
        found
    }

    /// `$`, `US$`, `€`, `£`, `usd` before a figure: the currency's code and where the figure starts.
    fn prefix_sign(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.text(i)?;
        if t == "us" && self.is(i + 1, "$") && self.glued(i + 1) && self.num(i + 2).is_some() {
            return Some(("USD", i + 2));
        }
        let code = unit::PREFIX_SIGNS.iter().find(|(s, _)| *s == t)?.1;
        (self.num(i + 1).is_some() || (self.is(i + 1, "-") && self.num(i + 2).is_some())).then_some((code, i + 1))
    }

    /// The unit after a figure (`دولار`, `كلم مربع`, `أعضاء`): the longest form at `i`.
    pub fn unit_at(&self, i: usize) -> Option<(&'static unit::Unit, bool, usize)> {
        let forms = unit::forms().get(self.text(i)?)?;
        let mut best: Option<(&'static unit::Unit, bool, usize)> = None;
        for f in forms {
            if let Some(e) = self.phrase(i, &f.words)
                && best.is_none_or(|(_, _, b)| e > b)
            {
                best = Some((f.unit, f.dual, e));
            }
        }
        best
    }

    /// A count or measure and its unit: "42 ريال سعودي", "ستة أعضاء", "10$". In running
    /// text the unit is noted but not made part of the mention.
    fn with_unit(&self, mut item: Item, end: usize) -> (Item, usize) {
        if item.r.kind != ValueKind::Number || item.r.unit.is_some() {
            return (item, end);
        }
        let Some((u, false, e)) = self.unit_at(end) else { return (item, end) };
        item.r.unit = Some(u.code);
        item.year = None;
        item.range_year = None;
        item.day = None;
        let mut e = e;
        // "5 درجات تحت الصفر": below zero.
        if u.dimension == unit::Dimension::Temperature
            && let Some(k) =
                self.phrase(e, &split_folded("تحت الصفر")).or_else(|| self.phrase(e, &split_folded("below zero")))
        {
            let r = &mut item.r;
            r.nominal = -r.nominal;
            r.interval = Interval { lo: r.interval.hi.map(|v| -v), hi: r.interval.lo.map(|v| -v) };
            e = k;
        }
        (item, if self.whole { e } else { end })
    }

    /// Join two ends into a range; the second end's scale, percent sign or month is shared.
    pub fn make_range(&self, mut a: Item, mut b: Item, at: usize) -> Option<Item> {
        use ValueKind::*;
        // Years: "1990..1999", "من 2005 إلى يوليو 2018".
        if let (Some(ya), Some(yb)) = (a.year, b.year) {
            a = self.year_item(ya, false)?;
            b = self.year_item(yb, false)?;
        } else if let (Some(ya), Date) = (a.year.or(a.range_year), b.r.kind) {
            a = self.year_item(ya, false)?;
        } else if let (Date, Some(yb)) = (a.r.kind, b.year.or(b.range_year)) {
            b = self.year_item(yb, false)?;
        }
        if b.r.kind == Date
            && b.r.precision == Precision::Day
            && b.r.calendar.is_none()
            && let Some(d) = a.day.filter(|_| a.r.kind == Number)
        {
            let (y, m, _) = super::date::ymd_from_days(b.r.interval.lo? as i64);
            let days = super::date::days_from_ymd(i32::try_from(y).ok()?, m, u8::try_from(d).ok()?)?;
            a = Item::of(Reading { interval: Interval::point(days as f64), nominal: days as f64, ..b.r.clone() });
        }
        if a.scale == 0 && b.scale > 0 && a.plain && a.r.kind == Number {
            let scaled = a.r.nominal * pow10(b.scale);
            if scaled <= b.r.nominal {
                let place = match b.r.precision {
                    Precision::Digit(p) => Some(p),
                    _ => None,
                };
                let unit = a.r.unit;
                a = Item::of(Reading { unit, ..figure(Number, scaled, place) });
            }
        }
        if a.r.kind == Number && a.plain && matches!(b.r.kind, Percent | Multiplier) {
            a.r.kind = b.r.kind;
        }
        if a.r.kind != b.r.kind || matches!((a.r.unit, b.r.unit), (Some(x), Some(y)) if x != y) {
            return None;
        }
        let spread_end = |r: &Reading| r.kind == Date || r.hedge == Hedge::Vague || r.hedge == Hedge::Range;
        let lo = if spread_end(&a.r) { a.r.interval.lo? } else { a.r.nominal };
        let hi = if spread_end(&b.r) { b.r.interval.hi? } else { b.r.nominal };
        if lo > hi {
            self.complain("a range's low end is above its high end", at);
            return None;
        }
        let r = Reading {
            kind: a.r.kind,
            interval: Interval::new(lo, hi),
            nominal: lo,
            hedge: Hedge::Range,
            precision: b.r.precision,
            calendar: a.r.calendar.or(b.r.calendar),
            year_known: a.r.year_known && b.r.year_known,
            unit: b.r.unit.or(a.r.unit),
        };
        Some(Item::of(r))
    }

    // ---- quantities ----

    fn quantity(&self, i: usize, ambiguous: bool) -> Res {
        longest([
            self.fraction(i),
            self.counted(i),
            self.vague(i),
            self.multiplier(i, ambiguous),
            self.ordinal_item(i),
            self.prefixed(i),
            self.period_dual(i),
            self.top_n(i),
        ])
    }

    /// "العشرة الأوائل", "الدول العشر الأولى": the top N, i.e. a rank of at most N.
    fn top_n(&self, i: usize) -> Res {
        let n = match self.num(i) {
            // "the top 10", never "2019" before a line that starts with "الأول".
            Some(lit) => f64::from(lit.int_of_len(1, 3)?),
            None => {
                let w = self.word(i)?;
                let bare = w.strip_prefix("ال").unwrap_or(w);
                f64::from(words::find(bare, |r| match r {
                    Role::Unit(u) | Role::Tens(u) if u >= 2 => Some(u),
                    _ => None,
                })?)
            }
        };
        self.role(i + 1, |r| (r == Role::Top).then_some(()))?;
        let item = Item::of(figure(ValueKind::Number, n, None));
        Some((self.apply_hedge(item, Hedge::AtMost), i + 2))
    }

    /// A numeral and what follows it: %, في المائة, أضعاف, عقود, ونيف.
    fn counted(&self, i: usize) -> Res {
        let n = self.numeral(i)?;
        let j = n.end;
        let kind_at = |k: ValueKind, e: usize| Some((k, e));
        let suffix = if self.is(j, "%") {
            kind_at(ValueKind::Percent, j + 1)
        } else if let Some((_, e)) = self.any(j, percent_words()) {
            kind_at(ValueKind::Percent, e)
        } else if (n.scale == 0 && ((self.is(j, "x") && self.glued(j)) || self.is(j, "×")))
            || self.role(j, |r| matches!(r, Role::Multiples).then_some(())).is_some()
        {
            kind_at(ValueKind::Multiplier, j + 1)
        } else {
            None
        };
        if let Some((kind, e)) = suffix {
            return Some((Item::of(figure(kind, n.value, n.place)), e));
        }
        // In running text "واحد" alone is "one of …" and "صفر" also a month (Safar).
        let word_zero = n.value == 0.0 && self.num(i).is_none();
        let one_of = matches!(self.word(i), Some("احد" | "احدي"));
        if (n.lone && (!self.whole || one_of)) || (word_zero && !self.whole) {
            return None;
        }
        let period = self.role(j, |r| match r {
            Role::Period(f, Form::Single | Form::Plural) => Some(f),
            _ => None,
        });
        if let Some(f) = period {
            let mut r = figure(ValueKind::Number, n.value * f, n.place.map(|p| p * f));
            r.unit = Some("year");
            return Some((Item::of(r), j + 1));
        }
        if let Some(k) = self.and(j)
            && self.role(k, |r| matches!(r, Role::Nayyif).then_some(())).is_some()
        {
            let v = n.value;
            let r = if n.plain && (20.0..=90.0).contains(&v) && v % 10.0 == 0.0 {
                spread(ValueKind::Number, v + 1.0, v + 9.0, Hedge::Vague)
            } else {
                let mut r = figure(ValueKind::Number, v, None);
                r.interval = Interval::at_least(v);
                r.hedge = Hedge::MoreThan;
                r
            };
            return Some((Item::of(r), k + 1));
        }
        let mut item = Item::of(figure(ValueKind::Number, n.value, n.place));
        item.scale = n.scale;
        item.plain = n.plain;
        if let Some(lit) = self.num(i).filter(|_| n.plain && n.value >= 0.0) {
            item.year = match self.years {
                Years::Auto => {
                    lit.int_of_len(4, 4).filter(|y| (1800..=2100).contains(y) || lit.digits.starts_with('0'))
                }
                Years::Always => lit.int_of_len(1, 4),
                Years::Never => None,
            }
            .map(|y| y as i32);
            item.range_year = lit.int_of_len(4, 4).map(|y| y as i32);
            item.day = lit.int_of_len(1, 2).filter(|d| (1..=31).contains(d));
        }
        Some((item, j))
    }

    /// A cardinal numeral: digits or words, each group with its scale word, joined by و
    /// (or "and", or nothing after a scale word), in any mix of digits and words:
    /// `٤ آلاف ٣ مائة و ٢١`, `ثلاثة ملايين ومئتا ألف`, `three thousand two hundred and five`.
    /// A sign may stand before it (`-5`, `سالب ٥`, `minus 5`) and a fraction after it
    /// (`واحد ونصف`, `مليون ونصف المليون`, `two and a half million`).
    fn numeral(&self, i: usize) -> Option<Numeral> {
        // A minus sign glued to the digits and not to a word or number before it: "-2.84%",
        // "~-10", but not "covid-19" or "2020-21".
        let after_text = self.glued(i) && (self.word(i - 1).is_some() || self.num(i - 1).is_some());
        let minus = ["-", "−"].iter().any(|m| self.is(i, m)) && self.glued(i + 1) && !after_text;
        let word_minus = !minus && self.role(i, |r| (r == Role::Negative).then_some(())).is_some();
        let at = i + usize::from(minus || word_minus);
        if word_minus && self.role(at, |r| (r == Role::Negative).then_some(())).is_some() {
            return None;
        }
        let sign = if minus || word_minus { -1.0 } else { 1.0 };
        let first = self.term(at, true)?;
        if minus && !first.digits {
            return None;
        }
        let mut n = Numeral {
            value: first.value,
            place: first.place,
            scale: first.scale,
            plain: first.scale == 0 && !first.exp,
            end: first.end,
            lone: first.lone,
        };
        // Smaller groups after a scale word: "مليون و200 ألف", "4 آلاف 3 مائة و21".
        let mut last = first.scale;
        while last > 0 {
            let joined = self.and(n.end);
            let Some(t) = self.term(joined.unwrap_or(n.end), false) else { break };
            // Without و the next group must carry its own scale or be English words
            // ("three thousand two hundred"): a bare "2019" after "19 مليون" is not 19,002,019.
            let bare_ok = t.scale > 0 || (t.english && self.toks[n.end - 1].text.is_ascii()) || self.whole;
            if t.value >= pow10(last) || (joined.is_none() && !bare_ok) {
                break;
            }
            n.value += t.value;
            n.place = t.place;
            n.end = t.end;
            n.plain = false;
            n.lone = false;
            last = t.scale;
        }
        self.plus_fraction(&mut n, last);
        n.value *= sign;
        n.value.is_finite().then_some(n)
    }

    /// "و نصف", "وربع", "and a half" after a numeral: that much of its last unit.
    fn plus_fraction(&self, n: &mut Numeral, last: i32) {
        let Some(mut k) = self.and(n.end) else { return };
        if self.role(k, |r| (r == Role::One).then_some(())).is_some() {
            k += 1;
        }
        let Some(frac) = self.role(k, |r| match r {
            Role::Fraction(f, false) => Some(f),
            _ => None,
        }) else {
            return;
        };
        n.value += frac * pow10(last);
        n.end = k + 1;
        n.plain = false;
        n.lone = false;
        if last > 0 {
            n.place = Some(pow10(last - 1));
            // "مليون ونصف المليون": the scale repeated with the article.
            if self.role(n.end, |r| matches!(r, Role::Scale(q, Form::Definite) if q == last).then_some(())).is_some() {
                n.end += 1;
            }
        } else if let Some(p) = self.scale_after(n.end) {
            // "two and a half million", "اثنان ونصف مليون".
            n.value *= pow10(p);
            n.place = Some(pow10(p - 1));
            n.scale = p;
            n.end += 1;
        }
    }

    /// A scale word that multiplies a count before it: ألف, آلاف, million.
    fn scale_after(&self, k: usize) -> Option<i32> {
        self.role(k, |r| match r {
            Role::Scale(p, Form::Single | Form::Plural) => Some(p),
            _ => None,
        })
    }

    /// One group of a numeral and its scale word: `19 مليون`, `2,7 مليون`, `٣ مئة`,
    /// `ثلاثمائة وخمسون ألفا`, `ألفين`, `a million`, or a bare group (`1991`, `خمسة وعشرون`).
    /// Only the first group may have decimals, an exponent or separators.
    fn term(&self, i: usize, first: bool) -> Option<Term> {
        if let Some(lit) = self.num(i) {
            if !first && (lit.pow10 != 0 || lit.exp || lit.grouped) {
                return None;
            }
            if let Some(p) = self.scale_after(i + 1) {
                // "14,030 مليار" is 14.030 billion: one comma group before a scale word is a
                // decimal comma (nobody writes 14 thousand billion that way).
                let decimal_comma = self.opts.commas == super::Commas::Auto
                    && lit.grouped
                    && lit.int_len <= 6
                    && lit.pow10 == 0
                    && !lit.exp;
                let p_eff = p - if decimal_comma { 3 } else { 0 };
                return Some(Term {
                    value: lit.value_scaled(p_eff),
                    place: Some(pow10(lit.pow10.saturating_add(p_eff))),
                    scale: p,
                    end: i + 2,
                    ..Term::digits()
                });
            }
            // "٣ مئة": a digit counting hundreds.
            if let Some(u) = lit.int().filter(|u| (1..=9).contains(u))
                && self.role(i + 1, |r| (r == Role::Hundreds(100)).then_some(())).is_some()
            {
                return Some(Term { value: f64::from(u) * 100.0, place: None, scale: 2, end: i + 2, ..Term::digits() });
            }
            let place = if lit.exp { Some(pow10(lit.pow10)) } else { round_place(lit) };
            return Some(Term { value: lit.value(), place, exp: lit.exp, end: i + 1, ..Term::digits() });
        }
        let english = self.word(i).is_some_and(str::is_ascii);
        let one = self.role(i, |r| (r == Role::One).then_some(())).is_some();
        // "a million", "a thousand".
        if one && self.role(i + 1, |r| matches!(r, Role::Scale(_, Form::Single)).then_some(())).is_some() {
            return self.scale_after(i + 1).map(|p| Term {
                value: pow10(p),
                place: Some(pow10(p)),
                scale: p,
                end: i + 2,
                english,
                ..Term::digits()
            });
        }
        let dozen = |k: usize| self.role(k, |r| (r == Role::Dozen).then_some(())).is_some();
        // "a dozen", "two dozen", "دزينة".
        if one && dozen(i + 1) {
            return Some(Term { value: 12.0, place: None, end: i + 2, english, digits: false, ..Term::digits() });
        }
        if dozen(i) && self.whole {
            return Some(Term { value: 12.0, place: None, end: i + 1, english, digits: false, ..Term::digits() });
        }
        let group = self.group(i);
        if let Some((v, e, _)) = group
            && dozen(e)
        {
            return Some(Term {
                value: f64::from(v) * 12.0,
                place: None,
                end: e + 1,
                english,
                digits: false,
                ..Term::digits()
            });
        }
        let after = group.map_or(i, |(_, e, _)| e);
        let scale = self.role(after, |r| match r {
            Role::Scale(p, f) => Some((p, f)),
            _ => None,
        });
        let term = |value: f64, scale: i32, end: usize| Term {
            value,
            place: (scale > 0).then(|| pow10(scale)),
            scale,
            end,
            english,
            digits: false,
            exp: false,
            lone: false,
        };
        match (group, scale) {
            (Some((v, _, _)), Some((p, Form::Single | Form::Plural))) => {
                Some(term(f64::from(v) * pow10(p), p, after + 1))
            }
            // "ألف باء" is "the ABC", not a thousand; English needs "a"/"one" before a scale.
            (None, Some((3, Form::Single))) if self.is(after + 1, "با") => None,
            (None, Some((p, Form::Single))) if !english => Some(term(pow10(p), p, after + 1)),
            (None, Some((p, Form::Dual))) => Some(term(2.0 * pow10(p), p, after + 1)),
            (Some((v, e, lone)), _) => Some(Term { lone, ..term(f64::from(v), 0, e) }),
            _ => None,
        }
    }

    /// Hundreds, units, teens and tens joined by و (or "and", or a hyphen): "مائة وخمسة
    /// وعشرون", "ثلاث مائة", "one hundred twenty-five". Returns the value, its end, and
    /// whether it is a lone "one" (واحد alone: "one of …" in running text).
    fn group(&self, i: usize) -> Option<(u32, usize, bool)> {
        let mut seen: Vec<Part> = Vec::new();
        let mut total = 0;
        let mut end = i;
        let mut zero = false;
        loop {
            let k = if seen.is_empty() {
                i
            } else if let Some(k) = self.and(end) {
                k
            } else if self.is(end, "-") && self.glued(end) && self.glued(end + 1) {
                end + 1
            } else if self.word(end).is_some_and(str::is_ascii) && self.toks[end - 1].text.is_ascii() {
                // English needs no "and": "one hundred twenty", "twenty one".
                end
            } else {
                break;
            };
            let Some((c, v, e)) = self.component(k) else { break };
            let english = self.toks[k].text.is_ascii();
            let ok = match c {
                Part::Hundreds => seen.is_empty(),
                // Arabic puts the unit before the tens (خمسة وعشرون), English after.
                Part::Unit | Part::Teen => {
                    !seen.iter().any(|s| matches!(s, Part::Unit | Part::Teen))
                        && (english || !seen.contains(&Part::Tens))
                        && !zero
                }
                Part::Tens => {
                    let after_unit = english && seen.contains(&Part::Unit);
                    !(seen.iter().any(|s| matches!(s, Part::Tens | Part::Teen)) || after_unit)
                }
            };
            if !ok || (v == 0 && !seen.is_empty()) {
                break;
            }
            zero = v == 0;
            seen.push(c);
            total += v;
            end = e;
        }
        if seen.is_empty() {
            return None;
        }
        let lone_one = seen.len() == 1 && total == 1 && seen[0] == Part::Unit;
        Some((total, end, lone_one))
    }

    fn component(&self, k: usize) -> Option<(Part, u32, usize)> {
        let unit = self.role(k, |r| match r {
            Role::Unit(u) => Some((u, false)),
            Role::TeenHead(u) => Some((u, true)),
            _ => None,
        });
        if let Some((u, head_only)) = unit {
            if (1..=9).contains(&u) && self.role(k + 1, |r| matches!(r, Role::Teen).then_some(())).is_some() {
                return Some((Part::Teen, 10 + u, k + 2));
            }
            if head_only {
                return None;
            }
            // "ثلاث مائة", "three hundred".
            if (1..=9).contains(&u)
                && self.role(k + 1, |r| matches!(r, Role::Hundreds(100)).then_some(())).is_some()
                && (u >= 3 || self.toks[k].text.is_ascii())
            {
                return Some((Part::Hundreds, u * 100, k + 2));
            }
            return Some((Part::Unit, u, k + 1));
        }
        if let Some(t) = self.role(k, |r| if let Role::FusedTeen(t) = r { Some(t) } else { None }) {
            return Some((Part::Teen, t, k + 1));
        }
        // "a hundred", "one hundred".
        if self.role(k, |r| (r == Role::One).then_some(())).is_some()
            && self.role(k + 1, |r| (r == Role::Hundreds(100)).then_some(())).is_some()
        {
            return Some((Part::Hundreds, 100, k + 2));
        }
        if let Some(h) = self.role(k, |r| if let Role::Hundreds(h) = r { Some(h) } else { None }) {
            // English "hundred" only counts after a number: "hundred" alone is no figure.
            if self.toks[k].text.is_ascii() {
                return None;
            }
            return Some((Part::Hundreds, h, k + 1));
        }
        self.role(k, |r| if let Role::Tens(t) = r { Some((Part::Tens, t, k + 1)) } else { None })
    }

    /// عشرات, مئات الآلاف, آلاف, بضعة آلاف, بضع عشرة, نيف وعشرون, عدة ملايين.
    fn vague(&self, i: usize) -> Res {
        // "a few thousand".
        if self.role(i, |r| (r == Role::One).then_some(())).is_some()
            && self.role(i + 1, |r| (r == Role::Few).then_some(())).is_some()
        {
            return self.vague(i + 1);
        }
        self.word(i)?;
        let n = ValueKind::Number;
        // "tens of thousands": English puts "of" before the scale.
        let scale_after = |k: usize| {
            let k = k + usize::from(self.is(k, "of"));
            self.role(k, |r| match r {
                Role::Scale(p, Form::Plural | Form::DefinitePlural) => Some(pow10(p)),
                _ => None,
            })
        };
        let of = |k: usize| k + usize::from(self.is(k, "of"));
        let vague_item = |lo: f64, hi: f64, e: usize| Some((Item::of(spread(n, lo, hi, Hedge::Vague)), e));
        for &r in self.roles(i) {
            match r {
                Role::Vague(lo, hi) => {
                    return match scale_after(i + 1) {
                        Some(m) => vague_item(lo * m, hi * m - 1.0, of(i + 1) + 1),
                        None => vague_item(lo, hi - 1.0, i + 1),
                    };
                }
                Role::Scale(p, Form::Plural | Form::DefinitePlural) => {
                    return vague_item(pow10(p), pow10(p + 1) - 1.0, i + 1);
                }
                Role::Few | Role::Several => {
                    let several = r == Role::Several;
                    if !several && self.role(i + 1, |r| matches!(r, Role::Teen).then_some(())).is_some() {
                        return vague_item(13.0, 19.0, i + 2);
                    }
                    if !several
                        && let Some(k) = self.and(i + 1)
                        && let Some(t) = self.role(k, |r| if let Role::Tens(t) = r { Some(t) } else { None })
                    {
                        return vague_item(f64::from(t) + 3.0, f64::from(t) + 9.0, k + 1);
                    }
                    let times = scale_after(i + 1)
                        .or_else(|| {
                            self.role(
                                i + 1,
                                |r| if let Role::Scale(p, Form::Single) = r { Some(pow10(p)) } else { None },
                            )
                        })
                        .or_else(|| self.role(i + 1, |r| if let Role::Vague(lo, _) = r { Some(lo) } else { None }))
                        // "several hundred", "a few hundred": the hundred alone (100), not 100..999.
                        .or_else(|| self.role(i + 1, |r| (r == Role::Hundreds(100)).then_some(100.0)));
                    return match times {
                        Some(m) => vague_item(3.0 * m, 9.0 * m, i + 2),
                        // عدة before a noun: "عدة مرات" (several times).
                        None if !several || self.is_filler(i + 1) => vague_item(3.0, 9.0, i + 1),
                        None => None,
                    };
                }
                Role::Nayyif => {
                    if let Some(k) = self.and(i + 1)
                        && let Some(t) = self.role(k, |r| if let Role::Tens(t) = r { Some(t) } else { None })
                    {
                        return vague_item(f64::from(t) + 1.0, f64::from(t) + 9.0, k + 1);
                    }
                    return vague_item(1.0, 9.0, i + 1);
                }
                _ => {}
            }
        }
        None
    }

    /// الضعف, ضعفين, مضاعف; أضعاف alone; x2 and ×2.
    fn multiplier(&self, i: usize, ambiguous: bool) -> Res {
        let m = ValueKind::Multiplier;
        if (self.is(i, "x") || self.is(i, "×"))
            && let Some(lit) = self.num(i + 1)
            && (self.glued(i + 1) || self.is(i, "×"))
        {
            let place = lit.exp.then(|| pow10(lit.pow10));
            return Some((Item::of(figure(m, lit.value(), place)), i + 2));
        }
        self.word(i)?;
        for &r in self.roles(i) {
            match r {
                Role::Multiplier(v, ambig) if !ambig || ambiguous => {
                    return Some((Item::of(figure(m, v, None)), i + 1));
                }
                // أضعاف alone: "many times over"; English "times" only after a number.
                // Read alone only where a figure is expected: "إضعاف نفوذها" is "weakening its influence".
                Role::Multiples if ambiguous && !self.toks[i].text.is_ascii() => {
                    return Some((Item::of(spread(m, 2.0, 10.0, Hedge::Vague)), i + 1));
                }
                _ => {}
            }
        }
        None
    }

    /// Fractions: "ثلث السكان" → 33.3%; "نصف مليون" → 500000; "ربع قرن" → 25 years;
    /// "ثلاثة أرباع" → 0.75; "a third", "two thirds", "half a million"; `3/4` and `2 3/4`;
    /// "ساعة ونصف" → 1.5 h; and, as a whole expression, a fraction word alone ("ربع" → 0.25).
    fn fraction(&self, i: usize) -> Res {
        if let Some(found) = self.digit_fraction(i) {
            return Some(found);
        }
        let one = |k: usize| self.role(k, |r| (r == Role::One).then_some(())).is_some();
        // A count of fractions: "ثلاثة أرباع", "three quarters", "two thirds".
        let count = match self.num(i) {
            Some(lit) => lit.int_of_len(1, 2).map(|n| (n, i + 1)),
            None if one(i) => Some((1, i + 1)),
            None => self.group(i).map(|(v, e, _)| (v, e)),
        };
        if let Some((n, k)) = count
            && let Some(f) = self.role(k, |r| if let Role::Fractions(f) = r { Some(f) } else { None })
        {
            return Some(self.share(times(f64::from(n), f), k + 1));
        }
        // "a third", "one half", "a quarter".
        if (one(i) || self.is(i, "one"))
            && let Some(f) = self.role(i + 1, |r| if let Role::Fraction(f, _) = r { Some(f) } else { None })
        {
            return Some(self.share(f, i + 2));
        }
        if let Some(found) = self.unit_and_fraction(i) {
            return Some(found);
        }
        let (frac, ambig) = self.role(i, |r| if let Role::Fraction(f, a) = r { Some((f, a)) } else { None })?;
        let Some(next) = self.word(i + 1) else {
            // A whole expression that is only the fraction: "ربع" is a quarter.
            let alone = self.whole && !ambig && !self.toks[i].text.is_ascii();
            return alone.then(|| (Item::of(figure(ValueKind::Number, frac, None)), i + 1));
        };
        if !ambig {
            // "نصف مليون", "half a million".
            let k = i + 1 + usize::from(one(i + 1));
            if let Some(p) = self.role(k, |r| match r {
                Role::Scale(p, Form::Single | Form::Definite) => Some(p),
                _ => None,
            }) {
                let r = figure(ValueKind::Number, frac * pow10(p), Some(pow10(p - 1)));
                return Some((Item::of(r), k + 1));
            }
            if let Some(f) = self.role(i + 1, |r| if let Role::Period(f, Form::Single) = r { Some(f) } else { None }) {
                let mut r = figure(ValueKind::Number, frac * f, None);
                r.unit = Some("year");
                return Some((Item::of(r), i + 2));
            }
            // "نصف طن": half a unit of measure.
            if self.role(i + 1, |r| (r == Role::Measure).then_some(())).is_some() {
                return Some((Item::of(figure(ValueKind::Number, frac, Some(0.1))), i + 1));
            }
        }
        // A noun phrase: "ثلث السكان". خمس/عشر are numbers unless a definite noun follows.
        let noun = next != "و" && !words::is_number_word(next);
        if noun && (!ambig || (next.starts_with("ال") && next.chars().count() > 3)) {
            return Some((Item::of(figure(ValueKind::Percent, percent_of(frac), Some(1.0))), i + 1));
        }
        None
    }

    /// A share `frac` ending at `end`: of a noun after it ("ثلاثة أرباع السكان" → 75%, "a
    /// third of the crude" → 33.3%), or else a plain number ("ثلاثة أرباع" → 0.75).
    fn share(&self, frac: f64, end: usize) -> (Item, usize) {
        let of_noun = self.word(end).is_some_and(|w| w.starts_with("ال") && !words::is_number_word(w))
            || (self.is(end, "of")
                && self.word(end + 1).is_some_and(|w| !words::is_number_word(w) && w != "a" && w != "an"));
        if of_noun {
            return (Item::of(figure(ValueKind::Percent, percent_of(frac), Some(1.0))), end);
        }
        (Item::of(figure(ValueKind::Number, frac, None)), end)
    }

    /// `3/4`, and in a whole expression `2 3/4` and `-1 4/5`: a proper fraction in digits
    /// (in running text `3/4` may be a date or a reference, so it is read only whole).
    fn digit_fraction(&self, i: usize) -> Res {
        if !self.whole {
            return None;
        }
        let at = |k: usize| -> Option<(f64, usize)> {
            let n = self.num(k)?.int_of_len(1, 3)?;
            let d = self.num(k + 2)?.int_of_len(1, 3)?;
            let slash = self.is(k + 1, "/") && self.glued(k + 1) && self.glued(k + 2) && !self.is(k + 3, "/");
            (slash && n < d && d > 1).then(|| (f64::from(n) / f64::from(d), k + 3))
        };
        if let Some((v, e)) = at(i) {
            return Some((Item::of(figure(ValueKind::Number, v, None)), e));
        }
        let whole = self.num(i)?.int_of_len(1, 6)?;
        let (v, e) = at(i + 1).filter(|_| !self.glued(i + 1))?;
        Some((Item::of(figure(ValueKind::Number, f64::from(whole) + v, None)), e))
    }

    /// "ساعة ونصف" (an hour and a half), "يومين ونصف": a unit, then و and a fraction of it.
    fn unit_and_fraction(&self, i: usize) -> Res {
        if !self.whole {
            return None;
        }
        let (u, dual, e) = self.unit_at(i)?;
        let k = self.and(e)?;
        let frac = self.role(k, |r| match r {
            Role::Fraction(f, false) => Some(f),
            _ => None,
        })?;
        let mut r = figure(ValueKind::Number, if dual { 2.0 } else { 1.0 } + frac, None);
        r.unit = Some(u.code);
        Some((Item::of(r), k + 1))
    }

    /// An ordinal: the hundreds (definite: المئة) then the rest joined by و, as the
    /// cardinals are (المئة والخامسة والعشرون, the 125th), or the rest then "بعد المئة";
    /// below a hundred an ordinal unit or a definite cardinal before عشر (الحادي عشر,
    /// الإحدى عشرة, الاثنا عشر) or و and the tens, definite or not (الخامسة و عشرون).
    /// English: first … nineteenth, twenty-first, 21st.
    pub fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(h) = self.role(i, |r| if let Role::DefiniteHundreds(h) = r { Some(h) } else { None }) {
            if let Some(k) = self.and(i + 1)
                && let Some((v, e)) = self.ordinal_below_100(k)
            {
                return Some((h + v, e));
            }
            // "المئة" alone is the hundredth only where a whole expression says so; in text
            // it is mostly "في المئة" (per cent).
            return self.whole.then_some((h, i + 1));
        }
        let (v, e) = self.ordinal_below_100(i)?;
        // "الخامس والعشرون بعد المئة": 125th.
        if self.is(e, "بعد")
            && let Some(h) = self.role(e + 1, |r| if let Role::DefiniteHundreds(h) = r { Some(h) } else { None })
        {
            return Some((v + h, e + 2));
        }
        Some((v, e))
    }

    fn ordinal_below_100(&self, i: usize) -> Option<(u32, usize)> {
        // 5th, 21st: digits with an English suffix.
        if let Some(n) = self.num(i).and_then(|lit| lit.int_of_len(1, 4))
            && self.glued(i + 1)
            && ["st", "nd", "rd", "th"].iter().any(|s| self.is(i + 1, s))
        {
            return Some((n, i + 2));
        }
        let unit = self.role(i, |r| match r {
            Role::OrdinalUnit(u) => Some((u, true)),
            // الأحد عشر, الإحدى عشرة, الاثنا عشر: the definite cardinal as an ordinal.
            Role::DefiniteUnit(u) if u <= 9 => Some((u, false)),
            _ => None,
        });
        if let Some((u, ordinal)) = unit {
            if self.role(i + 1, |r| matches!(r, Role::Teen).then_some(())).is_some() {
                return Some((10 + u, i + 2));
            }
            if ordinal
                && let Some(k) = self.and(i + 1)
                && let Some(t) = self.role(k, |r| match r {
                    Role::OrdinalTens(t) | Role::Tens(t) => Some(t),
                    _ => None,
                })
            {
                return Some((u + t, k + 1));
            }
        }
        // English: twenty-first, twenty first.
        if let Some(t) = self.role(i, |r| if let Role::Tens(t) = r { Some(t) } else { None })
            && self.toks[i].text.is_ascii()
        {
            let k = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
            let u = self.role(k, |r| match r {
                Role::OrdinalUnit(u) => Some(u),
                _ => None,
            })?;
            return self.toks[k].text.is_ascii().then_some((t + u, k + 1));
        }
        self.role(i, |r| match r {
            Role::Ordinal(u) | Role::OrdinalTens(u) => Some((u, i + 1)),
            _ => None,
        })
    }

    fn ordinal_item(&self, i: usize) -> Res {
        let (v, e) = self.ordinal(i)?;
        let mut item = Item::of(figure(ValueKind::Number, f64::from(v), None));
        item.day = (v <= 31).then_some(v);
        Some((item, e))
    }

    /// "%60" (a percent sign before the digits, as reversed lines put it).
    fn prefixed(&self, i: usize) -> Res {
        if self.is(i, "%") && self.glued(i + 1) && !(self.glued(i) && self.num(i - 1).is_some()) {
            let lit = self.num(i + 1)?;
            let place = lit.exp.then(|| pow10(lit.pow10));
            return Some((Item::of(figure(ValueKind::Percent, lit.value(), place)), i + 2));
        }
        None
    }

    /// عقدين (20), قرنين (200): a dual period alone.
    fn period_dual(&self, i: usize) -> Res {
        let period = self.role(i, |r| match r {
            Role::Period(f, Form::Dual) => Some(2.0 * f),
            Role::Two => Some(2.0),
            _ => None,
        });
        // Any unit's dual in a whole expression ("لترين", "دقيقتين"); in running text only
        // the duals of time and times that news uses for counts.
        let dual = self.unit_at(i).filter(|&(_, dual, e)| dual && e == i + 1);
        let (v, unit) = match (period, dual) {
            (Some(v), _) if v > 2.0 => (v, Some("year")),
            (Some(v), d) => (v, d.map(|(u, _, _)| u.code)),
            (None, Some((u, _, _))) if self.whole => (2.0, Some(u.code)),
            _ => return None,
        };
        let mut r = figure(ValueKind::Number, v, None);
        r.unit = unit;
        Some((Item::of(r), i + 1))
    }
}

/// The parts of a number below a thousand.
#[derive(Debug, PartialEq, Clone, Copy)]
enum Part {
    Hundreds,
    Unit,
    Teen,
    Tens,
}

/// A numeral before its suffixes.
struct Numeral {
    value: f64,
    /// The place of the last significant digit when round; `None` when exact.
    place: Option<f64>,
    /// The power of ten of the first scale word ("3 ملايين و200 ألف" → 6), 0 for none.
    scale: i32,
    plain: bool,
    end: usize,
    /// واحد alone: "one of …" in running text, a figure only in a whole expression.
    lone: bool,
}

/// One group of a numeral with its scale word.
struct Term {
    value: f64,
    place: Option<f64>,
    scale: i32,
    end: usize,
    /// Written in English words.
    english: bool,
    /// Written in digits.
    digits: bool,
    /// Written with an exponent.
    exp: bool,
    lone: bool,
}

impl Term {
    fn digits() -> Term {
        Term { value: 0.0, place: None, scale: 0, end: 0, english: false, digits: true, exp: false, lone: false }
    }
}

/// A fraction as a percentage, computed as `200 / 3` is for two thirds (not `100 × 0.666…`),
/// so a share reads the same however it was reached.
fn percent_of(frac: f64) -> f64 {
    times(100.0, frac)
}

/// `n × frac` for a fraction of a small denominator, divided last: 3 × ⅕ is 0.6, not 0.6000000000000001.
fn times(n: f64, frac: f64) -> f64 {
    (1..=12)
        .map(f64::from)
        .find(|d| (frac * d - (frac * d).round()).abs() < 1e-9)
        .map_or(n * frac, |d| n * (frac * d).round() / d)
}

/// The precision of a plain integer in digits: a trailing group of three zeros is how
/// digits write a scale word, so `3000` is read like `3 آلاف` and `ثلاثة آلاف` (2500..3500)
/// and `2,725,000` like "2725 thousand" (± 500). Anything else is exact as written.
fn round_place(lit: &NumLit) -> Option<f64> {
    if lit.pow10 != 0 || lit.exp || lit.int_len != lit.digits.len() {
        return None;
    }
    let zeros = lit.digits.bytes().rev().take_while(|&c| c == b'0').count();
    if zeros == lit.digits.len() {
        return None;
    }
    let groups = (zeros / 3) as i32;
    (groups > 0).then(|| pow10(3 * groups))
}

/// A word that belongs to a value (so it cannot be a trailing unit noun or a verb's subject).
pub(super) fn is_value_word(w: &str) -> bool {
    static FIRST: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut s = rustc_hash::FxHashSet::default();
        for h in hedges() {
            s.insert(h.words[0].clone());
        }
        for p in suffix_hedges().0 {
            s.insert(p[0].clone());
        }
        for p in percent_words().iter().chain(range_intros()) {
            s.insert(p[0].clone());
        }
        s
    });
    words::is_number_word(w) || first.contains(w) || super::date::is_month_word(w)
}
