//! Parts of a year or a month, and the weekday before a date: `الربع الثالث 2016`, `النصف
//! الأول من 2022`, `الأسبوع الأول من عام 2015`, `مطلع 2022`, `أواخر يناير 2022`,
//! `منتصف العام`, `Q3 2016`, `early 2022`, `mid-2022`, `الاثنين 11 يناير 2016`.
//!
//! Early, mid and late are thirds: of a year January–April, May–August, September–December;
//! of a month days 1–10, 11–20 and 21 to its end. Week n is days 7n−6..7n of the year or
//! month; the last week its last seven days. Quarters and halves are the calendar ones.

use super::date::{days_from_ymd, month_len, ymd_from_days};
use super::parse::{Item, Parser, Res, phrases, split_folded};
use super::{Hedge, Interval, Precision, Reading, ValueKind};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Quarter(u8),
    Half(u8),
    Week(u8),
    LastWeek,
    Early,
    Mid,
    Late,
}

use Part::*;

const PARTS: &[(&str, Part)] = &[
    ("الربع الأول", Quarter(1)),
    ("الربع الثاني", Quarter(2)),
    ("الربع الثالث", Quarter(3)),
    ("الربع الرابع", Quarter(4)),
    ("الربع الأخير", Quarter(4)),
    ("q1", Quarter(1)),
    ("q2", Quarter(2)),
    ("q3", Quarter(3)),
    ("q4", Quarter(4)),
    ("first quarter", Quarter(1)),
    ("second quarter", Quarter(2)),
    ("third quarter", Quarter(3)),
    ("fourth quarter", Quarter(4)),
    ("النصف الأول", Half(1)),
    ("النصف الثاني", Half(2)),
    ("h1", Half(1)),
    ("h2", Half(2)),
    ("first half", Half(1)),
    ("second half", Half(2)),
    ("الأسبوع الأول", Week(1)),
    ("الأسبوع الثاني", Week(2)),
    ("الأسبوع الثالث", Week(3)),
    ("الأسبوع الرابع", Week(4)),
    ("الأسبوع الأخير", LastWeek),
    ("first week", Week(1)),
    ("second week", Week(2)),
    ("third week", Week(3)),
    ("fourth week", Week(4)),
    ("last week", LastWeek),
    ("مطلع", Early),
    ("بداية", Early),
    ("بدايات", Early),
    ("أوائل", Early),
    ("مستهل", Early),
    ("early", Early),
    ("beginning", Early),
    ("start", Early),
    ("منتصف", Mid),
    ("أواسط", Mid),
    ("mid", Mid),
    ("middle", Mid),
    ("أواخر", Late),
    ("نهاية", Late),
    ("نهايات", Late),
    ("ختام", Late),
    ("late", Late),
    ("end", Late),
];
/// The phrases a part of a period may start with, for [`super::start`].
pub(super) fn start_phrases() -> Vec<Vec<String>> {
    part_words().iter().chain(this_year()).chain(weekdays()).cloned().collect()
}

fn part_words() -> &'static [Vec<String>] {
    static C: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    C.get_or_init(|| PARTS.iter().map(|p| split_folded(p.0)).collect())
}

/// Between the part and its year or month: "الربع الأول من عام 2016", "the end of 2021".
const GLUE: &[&str] = &["من", "of", "-"];
phrases!(glue, GLUE);

/// The year the text speaks of without naming it, and how far from it: this year, last year.
const THIS_YEAR: &[(&str, i32)] = &[
    ("العام", 0),
    ("السنة", 0),
    ("هذا العام", 0),
    ("العام الجاري", 0),
    ("العام الحالي", 0),
    ("السنة الحالية", 0),
    ("العام الماضي", -1),
    ("السنة الماضية", -1),
    ("العام المنصرم", -1),
    ("العام السابق", -1),
    ("العام المقبل", 1),
    ("العام القادم", 1),
    ("السنة المقبلة", 1),
    ("the year", 0),
    ("this year", 0),
    ("last year", -1),
    ("next year", 1),
];
fn this_year() -> &'static [Vec<String>] {
    static C: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    C.get_or_init(|| THIS_YEAR.iter().map(|p| split_folded(p.0)).collect())
}

/// Sunday first, as 1970-01-01 (a Thursday) is day 4.
const WEEKDAYS: &[(&str, usize)] = &[
    ("الأحد", 0),
    ("الاثنين", 1),
    ("الإثنين", 1),
    ("الثلاثاء", 2),
    ("الأربعاء", 3),
    ("الخميس", 4),
    ("الجمعة", 5),
    ("السبت", 6),
    ("sunday", 0),
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
];
fn weekdays() -> &'static [Vec<String>] {
    static C: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    C.get_or_init(|| WEEKDAYS.iter().map(|p| split_folded(p.0)).collect())
}
const DAY_NAMES: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/// The day of the week of a day count: 0 is Sunday.
pub(super) fn weekday_of(day: i64) -> usize {
    (day + 4).rem_euclid(7) as usize
}

impl Parser<'_> {
    /// "الاثنين 11 يناير 2016", "يوم الخميس، 6 يناير 2022", "Monday, January 11, 2016": the
    /// date after a weekday, which must be that weekday (else, in a whole expression, an
    /// error at the weekday: one of the two is wrong and the reader cannot tell which).
    pub(super) fn weekday_date(&self, i: usize) -> Res {
        let k = i + usize::from(self.is(i, "يوم") || self.is(i, "on"));
        let (n, j) = self.any(k, weekdays())?;
        let j = j + usize::from(self.is(j, "،") || self.is(j, ","));
        let (item, e) = [self.numeric_date(j), self.named_date(j)]
            .into_iter()
            .flatten()
            .max_by_key(|(_, e)| *e)
            .filter(|(item, _)| item.r.precision == Precision::Day && item.r.interval.lo == item.r.interval.hi)?;
        let day = item.r.nominal as i64;
        let said = WEEKDAYS[n].1;
        if weekday_of(day) != said {
            self.complain(
                format!(
                    "{} is a {}, not a {}: the weekday or the date is wrong",
                    super::iso_date(day),
                    DAY_NAMES[weekday_of(day)],
                    DAY_NAMES[said]
                ),
                k,
            );
            return None;
        }
        Some((item, e))
    }

    /// A part of a year or month (whole expressions only: in running text these words are
    /// mostly something else, "نهاية" an end of anything).
    pub(super) fn part_of_period(&self, i: usize) -> Res {
        if !self.whole {
            return None;
        }
        let start = i + usize::from(self.is(i, "the"));
        let (n, mut j) = self.any(start, part_words())?;
        let part = PARTS[n].1;
        while let Some((_, e)) = self.any(j, glue()) {
            j = e;
        }
        j += usize::from(self.is(j, "the"));
        let (base, e, year_known) = self.base_period(j, i)?;
        let (lo, hi) = part_of(part, base)?;
        let precision = match (part, base) {
            (Quarter(_) | Half(_) | Early | Mid | Late, Base::Year(_)) => Precision::Month,
            _ => Precision::Day,
        };
        let r = Reading {
            kind: ValueKind::Date,
            interval: Interval::new(lo as f64, hi as f64),
            nominal: lo as f64,
            hedge: Hedge::Range,
            precision,
            calendar: None,
            year_known,
            unit: None,
        };
        Some((Item::of(r), e))
    }

    /// The year or month a part is taken of: `2016`, `عام 2016`, `يناير 2022`, `العام`.
    fn base_period(&self, j: usize, at: usize) -> Option<(Base, usize, bool)> {
        if let Some((n, e)) = self.any(j, this_year()) {
            let Some(y) = self.opts.reference_day.map(|d| ymd_from_days(d).0 as i32).or(self.opts.default_year) else {
                self.complain("date has no year: the text's own year is not known", at);
                return None;
            };
            return Some((Base::Year(y + THIS_YEAR[n].1), e, false));
        }
        let named = self.named_date(j).filter(|(it, _)| it.r.precision == Precision::Month && it.r.calendar.is_none());
        if let Some((item, e)) = named {
            let (y, m, _) = ymd_from_days(item.r.nominal as i64);
            return Some((Base::Month(y as i32, m), e, item.r.year_known));
        }
        if let Some((item, e)) = self.year_date(j).filter(|(it, _)| it.r.calendar.is_none()) {
            return Some((Base::Year(ymd_from_days(item.r.nominal as i64).0 as i32), e, true));
        }
        let y = self.num(j)?.int_of_len(4, 4)?;
        Some((Base::Year(y as i32), j + 1, true))
    }
}

#[derive(Debug, Clone, Copy)]
enum Base {
    Year(i32),
    Month(i32, u8),
}

/// First and last day of `part` of `base`.
fn part_of(part: Part, base: Base) -> Option<(i64, i64)> {
    let day = |y: i32, m: u8, d: u8| days_from_ymd(y, m, d);
    let months = |y: i32, a: u8, b: u8| Some((day(y, a, 1)?, day(y, b, month_len(i64::from(y), b))?));
    match base {
        Base::Year(y) => match part {
            Quarter(q) => months(y, 3 * q - 2, 3 * q),
            Half(h) => months(y, 6 * h - 5, 6 * h),
            Early => months(y, 1, 4),
            Mid => months(y, 5, 8),
            Late => months(y, 9, 12),
            Week(w) => {
                let first = day(y, 1, 1)? + 7 * (i64::from(w) - 1);
                Some((first, first + 6))
            }
            LastWeek => {
                let last = day(y, 12, 31)?;
                Some((last - 6, last))
            }
        },
        Base::Month(y, m) => {
            let end = month_len(i64::from(y), m);
            let days = |a: u8, b: u8| Some((day(y, m, a)?, day(y, m, b)?));
            match part {
                Early => days(1, 10),
                Mid => days(11, 20),
                Late => days(21, end),
                Half(1) => days(1, 15),
                Half(_) => days(16, end),
                Week(w) => days(7 * w - 6, 7 * w),
                LastWeek => days(end - 6, end),
                Quarter(_) => None,
            }
        }
    }
}
