//! Dates: proleptic Gregorian day arithmetic, month names of both Arabic systems (and
//! Hijri ones), and the date grammar: `2022-01-05`, `5/1/2022`, `5 يناير 2022`,
//! `التاسع والعشرين من مارس 2022`, `12 جمادى الآخرة 1443 هـ`, `عام 1991`.

use super::hijri;
use super::parse::{Item, Parser, Res, phrases, split_folded};
use super::{Hedge, Interval, Precision, Reading, ValueKind};
use std::sync::OnceLock;

/// Days since 1970-01-01 of `y-m-d` (proleptic Gregorian), if that day exists.
pub fn days_from_ymd(y: i32, m: u8, d: u8) -> Option<i64> {
    if !(1..=12).contains(&m) || d == 0 || d > month_len(i64::from(y), m) {
        return None;
    }
    // Howard Hinnant's days_from_civil, with March as the first month of the year.
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `(year, month, day)` of a day count since 1970-01-01.
pub fn ymd_from_days(days: i64) -> (i64, u8, u8) {
    let z = i128::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i128::from(m <= 2);
    (y.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64, m, d)
}

/// `2022-01-05` for day 18997; years outside 0..=9999 get a sign (`-0001-01-01`).
pub fn iso_date(days: i64) -> String {
    let (y, m, d) = ymd_from_days(days);
    if (0..=9999).contains(&y) {
        format!("{y:04}-{m:02}-{d:02}")
    } else if y < 0 {
        format!("-{:04}-{m:02}-{d:02}", y.unsigned_abs())
    } else {
        format!("+{y}-{m:02}-{d:02}")
    }
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

pub(super) fn month_len(y: i64, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Gregorian month names: (name, month, also an ordinary word).
const GREGORIAN: &[(&str, u8, bool)] = &[
    ("يناير", 1, false),
    ("فبراير", 2, false),
    ("مارس", 3, true),
    ("أبريل", 4, false),
    ("إبريل", 4, false),
    ("أفريل", 4, false),
    ("مايو", 5, false),
    ("ماي", 5, true),
    ("يونيو", 6, false),
    ("يونيه", 6, false),
    ("يوليو", 7, false),
    ("يوليه", 7, false),
    ("أغسطس", 8, false),
    ("أغشت", 8, false),
    ("سبتمبر", 9, false),
    ("أكتوبر", 10, false),
    ("نوفمبر", 11, false),
    ("ديسمبر", 12, false),
    ("كانون الثاني", 1, false),
    ("شباط", 2, false),
    ("آذار", 3, false),
    ("نيسان", 4, false),
    ("أيار", 5, false),
    ("حزيران", 6, false),
    ("تموز", 7, false),
    ("آب", 8, true),
    ("أيلول", 9, false),
    ("تشرين الأول", 10, false),
    ("تشرين الثاني", 11, false),
    ("كانون الأول", 12, false),
    ("january", 1, false),
    ("february", 2, false),
    ("march", 3, true),
    ("april", 4, false),
    ("may", 5, true),
    ("june", 6, false),
    ("july", 7, false),
    ("august", 8, false),
    ("september", 9, false),
    ("october", 10, false),
    ("november", 11, false),
    ("december", 12, false),
    // Abbreviations as wires write them ("Jan. 18"), the period optional.
    ("jan", 1, false),
    ("feb", 2, false),
    ("mar", 3, true),
    ("apr", 4, false),
    ("jun", 6, false),
    ("jul", 7, false),
    ("aug", 8, false),
    ("sep", 9, false),
    ("sept", 9, false),
    ("oct", 10, false),
    ("nov", 11, false),
    ("dec", 12, false),
];

const HIJRI: &[(&str, u8)] = &[
    ("محرم", 1),
    ("صفر", 2),
    ("ربيع الأول", 3),
    ("ربيع الثاني", 4),
    ("ربيع الآخر", 4),
    ("جمادى الأولى", 5),
    ("جمادى الأول", 5),
    ("جمادى الآخرة", 6),
    ("جمادى الثانية", 6),
    ("جمادى الآخر", 6),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
    ("ذو القعدة", 11),
    ("ذي القعدة", 11),
    ("ذو الحجة", 12),
    ("ذي الحجة", 12),
];

/// Words after a year that name its era.
const GREGORIAN_ERA: &[&str] = &["م", "ميلادي", "ميلادية", "للميلاد", "ad", "ce"];
const HIJRI_ERA: &[&str] = &["هـ", "هجري", "هجرية", "للهجرة", "ah"];
/// Words before a year.
const YEAR_WORDS: &[&str] = &["عام", "العام", "سنة", "السنة", "لعام", "year"];
/// Words between a month and its year: "يناير من عام 2022".
const MONTH_YEAR_GLUE: &[&str] = &["من", "من عام", "عام", "من العام", "سنة", ",", "،"];
/// Words between day numbers: "5-7 يناير", "من 5 إلى 7 يناير".
const DAY_TO: &[&str] = &["-", "–", "إلى", "الى", "حتى", "و", "to", "through"];

#[derive(Clone, Copy, PartialEq)]
enum Cal {
    Gregorian,
    Hijri,
}

struct Month {
    words: Vec<String>,
    month: u8,
    cal: Cal,
    ambiguous: bool,
    english: bool,
}

fn months() -> &'static [Month] {
    static M: OnceLock<Vec<Month>> = OnceLock::new();
    M.get_or_init(|| {
        let greg = GREGORIAN.iter().map(|&(w, m, a)| Month {
            words: split_folded(w),
            month: m,
            cal: Cal::Gregorian,
            ambiguous: a,
            english: w.is_ascii(),
        });
        let hijri = HIJRI.iter().map(|&(w, m)| Month {
            words: split_folded(w),
            month: m,
            cal: Cal::Hijri,
            ambiguous: true,
            english: false,
        });
        greg.chain(hijri).collect()
    })
}

phrases!(gregorian_era, GREGORIAN_ERA);
phrases!(hijri_era, HIJRI_ERA);
phrases!(year_words, YEAR_WORDS);
phrases!(month_year_glue, MONTH_YEAR_GLUE);
/// The day the text was written, in the words news uses for it.
const TODAY_WORDS: &[&str] = &["صباح اليوم", "مساء اليوم", "ظهر اليوم", "فجر اليوم", "ليل اليوم", "صباح هذا اليوم"];
phrases!(today_words, TODAY_WORDS);

/// Sunday first, in Arabic then in English: a name's place modulo 7 is its day.
const WEEKDAYS: &[&str] = &[
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];
fn weekdays() -> &'static [String] {
    static C: OnceLock<Vec<String>> = OnceLock::new();
    C.get_or_init(|| WEEKDAYS.iter().map(|w| split_folded(w).remove(0)).collect())
}

/// Words after a month name that place it in the year before the text ("نوفمبر الماضي").
const PAST_WORDS: &[&str] = &["الماضي", "المنصرم", "الفائت", "السابق"];
phrases!(past_words, PAST_WORDS);
phrases!(day_to, DAY_TO);

/// "التسعينات", "تسعينيات": the decade's first year within its century.
pub(super) fn decade(w: &str) -> Option<i32> {
    let w = w.strip_prefix("ال").unwrap_or(w);
    DECADES
        .iter()
        .find(|(stem, _)| w.strip_prefix(stem).is_some_and(|rest| DECADE_ENDS.contains(&rest)))
        .map(|&(_, d)| d)
}

/// Every word [`decade`] reads.
pub(super) fn decade_words() -> impl Iterator<Item = String> {
    DECADES.iter().flat_map(|(stem, _)| {
        ["", "ال"]
            .into_iter()
            .flat_map(move |article| DECADE_ENDS.iter().map(move |end| format!("{article}{stem}{end}")))
    })
}

const DECADES: &[(&str, i32)] = &[
    ("عشرين", 20),
    ("ثلاثين", 30),
    ("اربعين", 40),
    ("خمسين", 50),
    ("ستين", 60),
    ("سبعين", 70),
    ("ثمانين", 80),
    ("تسعين", 90),
];
const DECADE_ENDS: &[&str] = &["ات", "يات"];

/// Month names, eras and year words, for the lexicon of value words.
pub(super) fn vocabulary() -> impl Iterator<Item = &'static str> {
    GREGORIAN
        .iter()
        .map(|m| m.0)
        .chain(HIJRI.iter().map(|m| m.0))
        .chain(GREGORIAN_ERA.iter().copied())
        .chain(HIJRI_ERA.iter().copied())
        .chain(YEAR_WORDS.iter().copied())
}

/// The phrases a date may start with, for [`super::start`]: months, eras, year words, the
/// words for today, weekdays.
pub(super) fn start_phrases() -> Vec<Vec<String>> {
    let mut phrases: Vec<Vec<String>> = months().iter().map(|m| m.words.clone()).collect();
    for table in [gregorian_era(), hijri_era(), year_words(), today_words()] {
        phrases.extend(table.iter().cloned());
    }
    phrases.extend(weekdays().iter().map(|w| vec![w.clone()]));
    phrases
}

/// The first word of a month name.
pub(super) fn is_month_word(w: &str) -> bool {
    static FIRST: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    FIRST.get_or_init(|| months().iter().map(|m| m.words[0].as_str()).collect()).contains(w)
}

fn date_reading(lo: i64, hi: i64, precision: Precision, cal: Cal, year_known: bool) -> Reading {
    Reading {
        kind: ValueKind::Date,
        interval: Interval::new(lo as f64, hi as f64),
        nominal: lo as f64,
        hedge: if precision == Precision::Day && hi > lo { Hedge::Range } else { Hedge::Exact },
        precision,
        calendar: (cal == Cal::Hijri).then_some(hijri::CALENDAR),
        year_known,
        unit: None,
    }
}

/// Days of `y` (month `m`, day `d` when given) in either calendar: (first, last).
fn span_of(cal: Cal, y: i32, m: Option<u8>, d: Option<u8>) -> Option<(i64, i64)> {
    match (cal, m, d) {
        (Cal::Gregorian, Some(m), Some(d)) => days_from_ymd(y, m, d).map(|x| (x, x)),
        (Cal::Gregorian, Some(m), None) => {
            Some((days_from_ymd(y, m, 1)?, days_from_ymd(y, m, month_len(i64::from(y), m))?))
        }
        (Cal::Gregorian, None, _) => Some((days_from_ymd(y, 1, 1)?, days_from_ymd(y, 12, 31)?)),
        (Cal::Hijri, Some(m), Some(d)) => hijri::days(y, m, d).map(|x| (x, x)),
        (Cal::Hijri, Some(m), None) => hijri::month(y, m),
        (Cal::Hijri, None, _) => hijri::year(y),
    }
}

impl Parser<'_> {
    /// A date at `i`, the longest of the numeric, named and year forms.
    pub fn date(&self, i: usize) -> Res {
        let cands = [
            self.numeric_date(i),
            self.named_date(i),
            self.year_date(i),
            self.era_words(i),
            self.relative_day(i),
            self.weekday_date(i),
            self.part_of_period(i),
        ];
        let mut best: Res = None;
        for (item, e) in cands.into_iter().flatten() {
            if best.as_ref().is_none_or(|(_, b)| e > *b) {
                best = Some((item, e));
            }
        }
        best
    }

    /// A day named relative to the text, read only when the text's own day is known:
    /// "صباح اليوم" (this morning) is that day; "الخميس" (Thursday), "يوم الخميس", is the
    /// Thursday nearest to it (news speaks of the days around its own); "يوم الخميس الماضي",
    /// "last Thursday", the last Thursday before it.
    fn relative_day(&self, i: usize) -> Res {
        let reference = self.opts.reference_day?;
        let day = if let Some((_, end)) = self.any(i, today_words()) {
            (reference, end)
        } else {
            // "last Wednesday": the weekday's last day before the text's.
            let last_before = self.is(i, "last");
            let k = i + usize::from(last_before);
            let k = k + usize::from(self.is(k, "يوم"));
            let weekday = (weekdays().iter().position(|w| self.is(k, w))? % 7) as i64;
            // 1970-01-01 was a Thursday; WEEKDAYS starts on Sunday.
            let of = |d: i64| (d + 4).rem_euclid(7);
            let offset = (weekday - of(reference)).rem_euclid(7);
            // «يوم الأربعاء الماضي»: the last such weekday before the text's day, never after.
            let past = self.any(k + 1, past_words()).map(|(_, e)| e);
            if last_before || past.is_some() {
                let back = if offset == 0 { 7 } else { 7 - offset };
                (reference - back, past.unwrap_or(k + 1))
            } else {
                let nearest = if offset <= 3 { reference + offset } else { reference + offset - 7 };
                (nearest, k + 1)
            }
        };
        let r = date_reading(day.0, day.0, Precision::Day, Cal::Gregorian, false);
        Some((Item::of(r), day.1))
    }

    /// "القرن التاسع عشر" (1801..1900), "التسعينيات" / "تسعينيات القرن الماضي" (1990..1999).
    fn era_words(&self, i: usize) -> Res {
        // "the 1990s": a decade in digits.
        let digits = self.num(i).and_then(|lit| lit.int_of_len(4, 4)).filter(|y| y % 10 == 0);
        let (first, last, end) = if let Some(y) = digits.filter(|_| self.is(i + 1, "s") && self.glued(i + 1)) {
            (y as i32, y as i32 + 9, i + 2)
        } else if let Some(d) = self.word(i).and_then(decade) {
            // A decade of the 20th century unless a century follows.
            let k = i + 1 + usize::from(self.is(i + 1, "من"));
            let (century, end) = self.century(k).unwrap_or((20, i + 1));
            let base = (century - 1) * 100 + d;
            (base, base + 9, end)
        } else {
            let (n, end) = self.century(i)?;
            ((n - 1) * 100 + 1, n * 100, end)
        };
        let (lo, _) = span_of(Cal::Gregorian, first, None, None)?;
        let (_, hi) = span_of(Cal::Gregorian, last, None, None)?;
        let mut r = date_reading(lo, hi, Precision::Year, Cal::Gregorian, true);
        r.hedge = Hedge::Range;
        Some((Item::of(r), end))
    }

    /// "القرن التاسع عشر" → 19; "القرن الماضي" → 20 (the texts are of this century).
    fn century(&self, i: usize) -> Option<(i32, usize)> {
        if !self.is(i, "القرن") {
            return None;
        }
        if self.is(i + 1, "الماضي") {
            return Some((20, i + 2));
        }
        if self.is(i + 1, "الحالي") {
            return Some((21, i + 2));
        }
        let (n, e) = self.ordinal(i + 1).filter(|(n, _)| (1..=30).contains(n))?;
        Some((n as i32, e))
    }

    /// The whole year `y` as a date.
    pub fn year_item(&self, y: i32, hijri: bool) -> Option<Item> {
        let cal = if hijri { Cal::Hijri } else { Cal::Gregorian };
        let (lo, hi) = span_of(cal, y, None, None)?;
        Some(Item::of(date_reading(lo, hi, Precision::Year, cal, true)))
    }

    /// "هـ" → Hijri, "م" → Gregorian, after a year of `len` digits.
    fn era(&self, i: usize, len: usize) -> Option<(Cal, usize)> {
        if let Some((_, e)) = self.any(i, hijri_era()) {
            return Some((Cal::Hijri, e));
        }
        // A lone "م" after a short number is more likely metres.
        let (n, e) = self.any(i, gregorian_era())?;
        (n != 0 || len == 4).then_some((Cal::Gregorian, e))
    }

    /// `2022-01-05`, `2022-01`, `2022/1/5`, `5/1/2022`, `1/2022` (and a Hijri era after them).
    pub(super) fn numeric_date(&self, i: usize) -> Res {
        let a = self.num(i)?;
        let sep = self.text(i + 1).filter(|s| matches!(*s, "-" | "/"))?;
        if !(self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let b = self.num(i + 2)?;
        let third = (self.is(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4)).then(|| self.num(i + 4)).flatten();
        let (y, m, d, end) = match third {
            Some(c) => {
                if let (Some(y), Some(m), Some(d)) = (a.int_of_len(4, 4), b.int_of_len(1, 2), c.int_of_len(1, 2)) {
                    (y, m, Some(d), i + 5)
                } else {
                    let (d, m, y) = (a.int_of_len(1, 2)?, b.int_of_len(1, 2)?, c.int_of_len(4, 4)?);
                    (y, m, Some(d), i + 5)
                }
            }
            None => match (a.int_of_len(4, 4), b.int_of_len(1, 2)) {
                (Some(y), Some(m)) => (y, m, None, i + 3),
                // "3/2015", "3-2015": March 2015.
                _ => (b.int_of_len(4, 4)?, a.int_of_len(1, 2)?, None, i + 3),
            },
        };
        let (cal, end) = self.era(end, 4).unwrap_or((Cal::Gregorian, end));
        self.build(cal, y as i32, u8::try_from(m).ok()?, d.map(|d| (d, d)), true, i, end)
    }

    /// A day number: digits 1..31 or an ordinal ("التاسع والعشرين").
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(found) = self.ordinal(i) {
            return Some(found).filter(|(d, _)| (1..=31).contains(d));
        }
        let d = self.num(i).and_then(|n| n.int_of_len(1, 2))?;
        (1..=31).contains(&d).then_some((d, i + 1))
    }

    fn month_at(&self, i: usize) -> Option<(&'static Month, usize)> {
        let first = self.text(i)?;
        if !is_month_word(first) {
            return None;
        }
        let mut best: Option<(&Month, usize)> = None;
        for m in months() {
            if let Some(e) = self.phrase(i, &m.words)
                && best.is_none_or(|(_, b)| e > b)
            {
                best = Some((m, e));
            }
        }
        // The period of an abbreviation ("Jan."), glued to it.
        best.map(|(m, e)| {
            let abbreviated = m.english && m.words.len() == 1 && m.words[0].len() <= 4 && m.words[0] != "may";
            (m, if abbreviated && self.is(e, ".") && self.glued(e) { e + 1 } else { e })
        })
    }

    /// `[day[-day] [من]] month[/month] [[من] [عام] year [era]]`.
    pub(super) fn named_date(&self, i: usize) -> Res {
        let mut j = i;
        let mut days: Option<(u32, u32)> = None;
        if let Some((d, e)) = self.day_at(j) {
            days = Some((d, d));
            j = e;
            if let Some((_, k)) = self.any(j, day_to())
                && let Some((d2, e2)) = self.day_at(k)
                && d2 > d
                && self.month_at(e2).is_some() | self.is(e2, "من")
            {
                days = Some((d, d2));
                j = e2;
            }
            if (self.is(j, "من") || self.is(j, "of")) && self.month_at(j + 1).is_some() {
                j += 1;
            }
        }
        let (month, mut j) = self.month_at(j)?;
        // The other system's name for the same month: "يناير/كانون الثاني", "يناير (كانون الثاني)".
        let slash = usize::from(self.is(j, "/"));
        if let Some((alt, e)) = self.month_at(j + slash)
            && alt.month == month.month
            && alt.cal == month.cal
        {
            j = e;
        }
        // "January 5, 2022"; "January 5 to 10, 2022", "January 5-10, 2022"
        if days.is_none()
            && month.english
            && let Some((d, e)) = self.day_at(j)
        {
            days = Some((d, d));
            let mut e = e;
            if let Some((_, k)) = self.any(e, day_to())
                && let Some((d2, e2)) = self.day_at(k)
                && d2 > d
            {
                days = Some((d, d2));
                e = e2;
            }
            j = e + usize::from(self.is(e, ","));
        }
        let mut year = None;
        let mut cal = month.cal;
        // A Hijri month with a Gregorian year: "رمضان 2019" is the Ramadan of 2019.
        let mut gregorian_year = false;
        for glue in [None, Some(())] {
            let k = match glue {
                None => j,
                Some(()) => match self.any(j, month_year_glue()) {
                    Some((_, k)) => k,
                    None => break,
                },
            };
            if let Some(lit) = self.num(k)
                && let Some(y) = lit.int_of_len(1, 4)
            {
                match self.era(k + 1, lit.int_len) {
                    Some((era, e)) => {
                        if month.cal == Cal::Gregorian && era == Cal::Hijri {
                            break;
                        }
                        cal = if month.cal == Cal::Hijri { Cal::Hijri } else { era };
                        gregorian_year = month.cal == Cal::Hijri && era == Cal::Gregorian;
                        year = Some((y, e));
                    }
                    None if lit.int_len >= 3 => {
                        // No Hijri year above 1600 is near (1600 AH is 2174 CE): such a year
                        // after a Hijri month is the Gregorian one news dates by.
                        gregorian_year = month.cal == Cal::Hijri && y >= 1600;
                        year = Some((y, k + 1));
                    }
                    None => {}
                }
                break;
            }
        }
        // "نوفمبر الماضي" (last November): the latest such month before the text was written.
        if year.is_none()
            && cal == Cal::Gregorian
            && self.any(j, past_words()).is_some()
            && let Some(reference) = self.opts.reference_day
        {
            let (ry, rm, _) = ymd_from_days(reference);
            let y = if month.month < rm { ry } else { ry - 1 };
            let end = self.any(j, past_words()).map_or(j, |(_, e)| e);
            return self.build(cal, y as i32, month.month, days, false, i, end);
        }
        if gregorian_year && let Some((y, end)) = year {
            return self.hijri_month_of_gregorian_year(y as i32, month.month, days, i, end);
        }
        // "من يناير إلى مارس 2022": the first month takes the year of the second.
        if year.is_none()
            && month.cal == Cal::Gregorian
            && let Some((_, k)) = self.any(j, day_to())
            && self.month_at(k).is_some()
            && let Some((second, _)) = self.named_date(k).filter(|(d, _)| d.r.year_known)
        {
            let y = ymd_from_days(second.r.nominal as i64).0 as i32;
            return self.build(cal, y, month.month, days, true, i, j);
        }
        if days.is_none() && year.is_none() && month.ambiguous {
            self.skip.set(Some((i, j)));
            return None;
        }
        match year {
            Some((y, end)) => self.build(cal, y as i32, month.month, days, true, i, end),
            None => match self.opts.default_year.filter(|_| cal == Cal::Gregorian) {
                Some(y) => self.build(cal, self.year_of_month(y, month.month), month.month, days, false, i, j),
                None => {
                    self.skip.set(Some((i, j)));
                    self.complain("date has no year", i);
                    None
                }
            },
        }
    }

    /// The year of a month written without one: the text's year `y`, unless the month falls
    /// more than six months after the month the text was written in («في ديسمبر» in a text
    /// of January is last December, as the nearest weekday is the one meant).
    fn year_of_month(&self, y: i32, m: u8) -> i32 {
        match self.opts.reference_day.map(ymd_from_days) {
            Some((ry, rm, _)) if ry as i32 == y && i64::from(m) > i64::from(rm) + 6 => y - 1,
            _ => y,
        }
    }

    /// Hijri month `m` of Gregorian year `y`: the one that begins in that year. A month that
    /// begins twice in one Gregorian year (Ramadan in 2030) is an error, not a guess.
    fn hijri_month_of_gregorian_year(&self, y: i32, m: u8, days: Option<(u32, u32)>, at: usize, end: usize) -> Res {
        let found = hijri::months_beginning_in(y, m);
        let name = HIJRI.iter().find(|h| h.1 == m).map_or("", |h| h.0);
        let &[(lo, hi)] = found.as_slice() else {
            if found.len() > 1 {
                self.complain(format!("{name} begins twice in {y}; write the Hijri year (… هـ)"), at);
            }
            return None;
        };
        let (lo, hi) = match days {
            Some((d1, d2)) => {
                let (a, b) = (lo + i64::from(d1) - 1, lo + i64::from(d2) - 1);
                if b > hi {
                    self.complain(format!("no such date: day {d2} of {name} {y}"), at);
                    return None;
                }
                (a, b)
            }
            None => (lo, hi),
        };
        let precision = if days.is_some() { Precision::Day } else { Precision::Month };
        Some((Item::of(date_reading(lo, hi, precision, Cal::Hijri, true)), end))
    }

    /// `عام 1991`, `1443 هـ`, `2022م`.
    pub(super) fn year_date(&self, i: usize) -> Res {
        let (j, prefixed) = match self.any(i, year_words()) {
            Some((_, j)) => (j, true),
            None => (i, false),
        };
        let lit = self.num(j)?;
        let y = lit.int_of_len(1, 4)?;
        let (cal, end) = match self.era(j + 1, lit.int_len) {
            Some(x) => x,
            None if prefixed && lit.int_len >= 3 => (Cal::Gregorian, j + 1),
            None => return None,
        };
        let item = self.year_item(y as i32, cal == Cal::Hijri)?;
        Some((item, end))
    }

    /// The date (or day range) in `cal`; a complaint when the day does not exist.
    #[allow(clippy::too_many_arguments)]
    fn build(&self, cal: Cal, y: i32, m: u8, days: Option<(u32, u32)>, year_known: bool, at: usize, end: usize) -> Res {
        let precision = if days.is_some() { Precision::Day } else { Precision::Month };
        let day = |d: u32| u8::try_from(d).ok();
        let found = match days {
            Some((d1, d2)) => span_of(cal, y, Some(m), Some(day(d1)?))
                .zip(span_of(cal, y, Some(m), Some(day(d2)?)))
                .map(|((lo, _), (hi, _))| (lo, hi)),
            None => span_of(cal, y, Some(m), None),
        };
        let Some((lo, hi)) = found else {
            self.complain(
                format!("no such date: {y}-{m:02}{}", days.map_or(String::new(), |(d, _)| format!("-{d:02}"))),
                at,
            );
            return None;
        };
        Some((Item::of(date_reading(lo, hi, precision, cal, year_known)), end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gregorian_day_arithmetic() {
        assert_eq!(days_from_ymd(1970, 1, 1), Some(0));
        assert_eq!(days_from_ymd(2022, 1, 5), Some(18997));
        assert_eq!(iso_date(18997), "2022-01-05");
        assert_eq!(iso_date(19362), "2023-01-05");
        assert_eq!(days_from_ymd(2022, 2, 29), None);
        assert_eq!(days_from_ymd(2024, 2, 29).map(iso_date).as_deref(), Some("2024-02-29"));
        assert_eq!(days_from_ymd(2022, 13, 1), None);
        assert_eq!(iso_date(days_from_ymd(-1, 3, 1).unwrap()), "-0001-03-01");
        assert_eq!(iso_date(days_from_ymd(0, 12, 31).unwrap()), "0000-12-31");
        for d in [-1_000_000, -1, 0, 59, 365, 19_000, 2_000_000] {
            let (y, m, dd) = ymd_from_days(d);
            assert_eq!(days_from_ymd(y as i32, m, dd), Some(d));
        }
        let _ = iso_date(i64::MAX);
        let _ = iso_date(i64::MIN);
    }
}
