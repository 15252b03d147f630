//! What the words around a number say about its digits: a year after «عام», a day before a
//! month name, a percentage, the parts of a date, a Hijri year beside its Gregorian one.
//! Each becomes a rule that the true map must satisfy; nothing here is a preference.

use super::scan::{Token, words};
use serde::Serialize;
use std::collections::BTreeMap;

/// A condition on the digits of some glyph runs (glyph indices, most significant first).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Rule {
    /// The run's value lies in `lo..=hi`.
    Range { run: Vec<u8>, lo: i64, hi: i64 },
    /// Day and month of a date written day first or month first: both 1 to 31, one of
    /// them at most 12.
    DayMonth(Vec<u8>, Vec<u8>),
    /// A Hijri year and the Gregorian year beside it name overlapping years.
    HijriOf { hijri: Vec<u8>, gregorian: Vec<u8> },
    /// A day of `month` named with its weekday (0 Monday … 6 Sunday) falls on that weekday,
    /// in the year `year` when one is written, else in some year that puts it within
    /// `window` (days since 1970-01-01).
    Weekday { day: Vec<u8>, month: u8, year: Vec<u8>, window: (i64, i64), weekday: u8 },
}

/// What a piece of evidence is, for the report and for choosing what to set aside when the
/// evidence disagrees with itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// `2022/1/15`, `15/1/2022`, `2022-01-15`.
    Date,
    /// A year followed by «هـ».
    HijriYear,
    /// A four-digit number after «عام», a month name, or before «م».
    Year,
    /// One or two digits before a month name (or after an English one).
    Day,
    /// A number with no leading zero.
    Number,
    /// A Hijri year and the Gregorian year written beside it.
    HijriGregorian,
    /// A day with its weekday: «السبت 8 يناير».
    Weekday,
    /// A year after «منذ»: not after the publication year.
    YearSince,
    /// A number before `%` or «في المئة».
    Percent,
    /// `…/2022/01/05/…` inside a link.
    DateInLink,
}

impl EvidenceKind {
    /// Lower is surer: when the evidence contradicts itself, the surest is kept.
    pub(super) fn doubt(self) -> u8 {
        self as u8
    }
}

/// One observation: where, what, and the rules it implies.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: EvidenceKind,
    pub rules: Vec<Rule>,
    pub why: String,
}

/// Bounds that depend on when the text was written.
#[derive(Debug, Clone, Copy)]
pub(super) struct Era {
    /// The latest year a «منذ» year can be: the publication year, when known.
    pub since_max: i64,
    /// The latest year a text is likely to name (plans and forecasts included).
    pub year_max: i64,
    /// The same for Hijri years.
    pub hijri_max: i64,
    /// Where a date written without its year lies (days since 1970-01-01): from 330 days
    /// before publication to 120 days after.
    pub yearless: Option<(i64, i64)>,
}

impl Era {
    pub fn new(published: super::Published) -> Era {
        let year = published.year.map(i64::from);
        let year_max = year.map_or(2100, |y| y + 100);
        Era {
            since_max: year.unwrap_or(year_max),
            year_max,
            hijri_max: hijri_of(year_max) + 1,
            yearless: published.days.map(|(from, to)| (from - 330, to + 120)),
        }
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (no check that the day exists).
pub(super) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(super) fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The year of a day number.
pub(super) fn year_of_days(days: i64) -> i64 {
    // 365 days a year at most undercounts the years before 1970 and overcounts those after
    // by less than two.
    let mut y = 1970 + days.div_euclid(365) - 2;
    while days_from_civil(y + 1, 1, 1) <= days {
        y += 1;
    }
    y
}

/// 0 Monday … 6 Sunday.
pub(super) fn weekday_of(days: i64) -> u8 {
    (days + 3).rem_euclid(7) as u8
}

/// The Hijri year in which most of Gregorian year `g` falls (its first months lie in the one
/// before or after): (g − 622) × 33/32.
pub(super) fn hijri_of(g: i64) -> i64 {
    ((g - 622) * 33).div_euclid(32)
}

const YEAR_WORDS: &[&str] = &[
    "عام",
    "العام",
    "لعام",
    "بعام",
    "وعام",
    "والعام",
    "للعام",
    "فعام",
    "عامي",
    "سنه",
    "السنه",
    "لسنه",
    "بسنه",
    "وسنه",
    "والسنه",
    "للسنه",
];
const SINCE: &[&str] = &["منذ", "ومنذ"];
/// Gregorian months, Arabic and Syriac names (folded: no hamza, ة as ه). «آب» is left out:
/// folded it is «اب», a common word.
const MONTHS_AR: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "ايلول",
    "تشرين",
];
const MONTHS_HIJRI: &[&str] =
    &["محرم", "صفر", "ربيع", "جمادي", "جماد", "رجب", "شعبان", "رمضان", "شوال", "القعده", "الحجه"];
const MONTHS_LATIN: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const MONTHS_RUSSIAN: &[&str] =
    &["январ", "феврал", "март", "апрел", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];
/// Weekdays, Monday first (folded: «الثلاثاء» loses its hamza).
const WEEKDAYS: &[&str] = &["الاثنين", "الثلاثا", "الاربعا", "الخميس", "الجمعه", "السبت", "الاحد"];

/// The number of a Gregorian month named by `words` (a Syriac name may need its tail:
/// «كانون الثاني» is January, «كانون الأول» December).
fn month_number(words: &[String]) -> Option<u8> {
    const NAMES: &[(&str, u8)] = &[
        ("يناير", 1),
        ("فبراير", 2),
        ("مارس", 3),
        ("ابريل", 4),
        ("مايو", 5),
        ("يونيو", 6),
        ("يونيه", 6),
        ("يوليو", 7),
        ("يوليه", 7),
        ("اغسطس", 8),
        ("سبتمبر", 9),
        ("اكتوبر", 10),
        ("نوفمبر", 11),
        ("ديسمبر", 12),
        ("شباط", 2),
        ("اذار", 3),
        ("نيسان", 4),
        ("ايار", 5),
        ("حزيران", 6),
        ("تموز", 7),
        ("ايلول", 9),
    ];
    let first = words.first()?.as_str();
    if let Some(&(_, m)) = NAMES.iter().find(|(n, _)| *n == first) {
        return Some(m);
    }
    match (first, words.get(1).map(String::as_str)) {
        ("كانون", Some("الثاني")) => Some(1),
        ("كانون", Some("الاول")) => Some(12),
        ("تشرين", Some("الاول")) => Some(10),
        ("تشرين", Some("الثاني")) => Some(11),
        _ => None,
    }
}

/// Words that stand between a month name and its year: «كانون الثاني», «جمادى الآخرة».
const MONTH_TAILS: &[&str] = &["الاول", "الثاني", "الاخر", "الاخره", "الاولي", "الثانيه", "ذو", "ذي", "من"];
/// Words that say a percentage is a change, which may exceed 100.
const GROWTH: &[&str] =
    &["ارتفع", "ارتفاع", "زياد", "زاد", "يزيد", "تزيد", "نمو", "نما", "تضاعف", "ضعف", "قفز", "صعود"];

fn is_latin_month(w: &str) -> bool {
    MONTHS_LATIN.contains(&w)
}

fn is_month(w: &str) -> bool {
    MONTHS_AR.contains(&w)
        || MONTHS_HIJRI.contains(&w)
        || is_latin_month(w)
        || w == "май"
        || w == "мая"
        || MONTHS_RUSSIAN.iter().any(|m| w.starts_with(m))
}

fn is_month_part(w: &str) -> bool {
    is_month(w) || MONTH_TAILS.contains(&w)
}

/// The context of one token: the words between it and its neighbours.
struct Around {
    before: Vec<String>,
    after: Vec<String>,
    /// The first character after the token that is not a space.
    next: Option<char>,
    /// The character right before the token and the one before that.
    prev: Option<char>,
    prev2: Option<char>,
}

fn around(text: &str, tokens: &[Token], i: usize, is_digit: &impl Fn(char) -> bool) -> Around {
    const WINDOW: usize = 80;
    let t = &tokens[i];
    let from = if i > 0 { tokens[i - 1].end } else { 0 };
    let to = tokens.get(i + 1).map_or(text.len(), |n| n.start);
    let gap_before = clip_end(&text[from..t.start], WINDOW);
    let gap_after = clip_start(&text[t.end..to], WINDOW);
    let next = text[t.end..].chars().find(|c| *c != ' ');
    let mut back = text[..t.start].chars().rev();
    Around {
        before: words(gap_before, is_digit),
        after: words(gap_after, is_digit),
        next,
        prev: back.next(),
        prev2: back.next(),
    }
}

fn clip_end(s: &str, chars: usize) -> &str {
    let from = s.char_indices().rev().nth(chars).map_or(0, |(b, _)| b);
    &s[from..]
}

fn clip_start(s: &str, chars: usize) -> &str {
    let to = s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b);
    &s[..to]
}

/// Every observation the text offers about its digit glyphs.
pub(super) fn collect(text: &str, tokens: &[Token], digits: &BTreeMap<char, u8>, era: Era) -> Vec<Found> {
    let is_digit = |c: char| digits.contains_key(&c);
    let mut found: Vec<Option<Found>> = Vec::with_capacity(tokens.len());
    let mut contexts = Vec::with_capacity(tokens.len());
    for i in 0..tokens.len() {
        let ctx = around(text, tokens, i, &is_digit);
        let previous_is_day = found.last().and_then(Option::as_ref).is_some_and(|f| f.kind == EvidenceKind::Day);
        found.push(read_token(&tokens[i], &ctx, era, previous_is_day));
        contexts.push(ctx);
    }
    let pairs = hijri_pairs(text, tokens, &found, &is_digit);
    let weekdays = weekdays(tokens, &found, &contexts, era);
    found.into_iter().flatten().chain(pairs).chain(weekdays).collect()
}

/// A day named with its weekday and a Gregorian month: «يوم السبت 8 يناير». The year is the
/// one written after the month, or else one that puts the date near the publication.
fn weekdays(tokens: &[Token], found: &[Option<Found>], contexts: &[Around], era: Era) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let Some(f) = f.as_ref().filter(|f| f.kind == EvidenceKind::Day) else { continue };
        let ctx = &contexts[i];
        let Some(weekday) = ctx.before.iter().rev().take(2).find_map(|w| WEEKDAYS.iter().position(|d| d == w)) else {
            continue;
        };
        let Some(month) = month_number(&ctx.after) else { continue };
        let year_next = found
            .get(i + 1)
            .and_then(Option::as_ref)
            .is_some_and(|n| n.kind == EvidenceKind::Year && contexts[i + 1].before.iter().all(|w| is_month_part(w)));
        let (year, window, when) = if year_next {
            (tokens[i + 1].runs[0].clone(), (0, 0), "in the year written after it".to_string())
        } else if let Some(window) = era.yearless {
            (Vec::new(), window, "within 330 days before publication or 120 after".to_string())
        } else {
            continue;
        };
        let day_name = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"][weekday];
        out.push(Found {
            start: f.start,
            end: f.end,
            kind: EvidenceKind::Weekday,
            rules: vec![Rule::Weekday { day: tokens[i].runs[0].clone(), month, year, window, weekday: weekday as u8 }],
            why: format!("a day named with its weekday («{day_name}»): it falls on that weekday, {when}"),
        });
    }
    out
}

fn read_token(t: &Token, ctx: &Around, era: Era, previous_is_day: bool) -> Option<Found> {
    let at = |kind, rules, why: String| Some(Found { start: t.start, end: t.end, kind, rules, why });
    let lengths = t.lengths();
    let range = |run: &Vec<u8>, lo: i64, hi: i64| Rule::Range { run: run.clone(), lo, hi };
    let year = |run: &Vec<u8>| range(run, 1000, era.year_max);
    let date_sep = matches!(t.sep, Some('/' | '-' | '.'));
    let short = |n: usize| (1..=2).contains(&n);
    if t.runs.len() == 3 && date_sep {
        let [a, b, c] = [&t.runs[0], &t.runs[1], &t.runs[2]];
        let link_ok = !t.linked || t.sep != Some('.');
        if lengths[0] == 4 && short(lengths[1]) && short(lengths[2]) && link_ok {
            let kind = if t.linked { EvidenceKind::DateInLink } else { EvidenceKind::Date };
            let why = format!("a date year/month/day: year 1000 to {}, month 1 to 12, day 1 to 31", era.year_max);
            return at(kind, vec![year(a), range(b, 1, 12), range(c, 1, 31)], why);
        }
        if !t.linked && short(lengths[0]) && short(lengths[1]) && lengths[2] == 4 {
            let why = format!(
                "a date day/month/year: day and month 1 to 31, one of them at most 12; year 1000 to {}",
                era.year_max
            );
            return at(EvidenceKind::Date, vec![Rule::DayMonth(a.clone(), b.clone()), year(c)], why);
        }
    }
    if t.linked {
        return None;
    }
    let first = &t.runs[0];
    let no_leading_zero = || {
        (first.len() > 1).then(|| Found {
            start: t.start,
            end: t.end,
            kind: EvidenceKind::Number,
            rules: vec![range(&vec![first[0]], 1, 9)],
            why: "a number: it does not start with 0".to_string(),
        })
    };
    let percent = is_percent(ctx);
    let decimal = t.runs.len() == 2
        && matches!(t.sep, Some('.' | ',' | '٫' | '٬'))
        && !(matches!(t.sep, Some(',' | '٬')) && lengths[1] == 3);
    if t.runs.len() > 1 && !(decimal && percent) {
        return no_leading_zero();
    }
    let last_before = ctx.before.last().map(String::as_str);
    let first_after = ctx.after.first().map(String::as_str);
    if percent {
        let growth = ctx.before.iter().rev().take(6).any(|w| GROWTH.iter().any(|g| w.contains(g)));
        if growth || first.len() > 3 {
            return no_leading_zero();
        }
        let lo = if first.len() > 1 { 10i64.pow(first.len() as u32 - 1) } else { 0 };
        let what = if decimal { "the whole part of a percentage" } else { "a percentage" };
        return at(EvidenceKind::Percent, vec![range(first, lo, 100)], format!("{what}: at most 100"));
    }
    let hijri_marker = first_after.is_some_and(|w| w == "ه" || w.contains("هجري"));
    if hijri_marker && first.len() <= 4 {
        let lo = if first.len() > 1 { 10i64.pow(first.len() as u32 - 1) } else { 1 };
        let why = format!("a Hijri year (before «هـ»): at most {}", era.hijri_max);
        return at(EvidenceKind::HijriYear, vec![range(first, lo, era.hijri_max)], why);
    }
    if first.len() == 4 {
        let since = last_before.is_some_and(|w| SINCE.contains(&w))
            || (last_before.is_some_and(|w| YEAR_WORDS.contains(&w))
                && ctx.before.iter().rev().take(4).any(|w| SINCE.contains(&w.as_str())));
        if since {
            let why = format!("a year after «منذ»: 1000 to {} (not after the publication)", era.since_max);
            return at(EvidenceKind::YearSince, vec![range(first, 1000, era.since_max)], why);
        }
        let after_year_word = last_before.is_some_and(|w| YEAR_WORDS.contains(&w));
        // The words right before it are a month name and its tails: «يناير/كانون الثاني».
        let trailing: Vec<&String> = ctx.before.iter().rev().take_while(|w| is_month_part(w)).take(5).collect();
        let after_month = trailing.iter().any(|w| is_month(w));
        let after_day = previous_is_day && ctx.before.iter().all(|w| is_month_part(w));
        let gregorian_marker = first_after == Some("م");
        let why = match () {
            _ if after_year_word => "a year after «عام»",
            _ if after_month => "a year after a month name",
            _ if after_day => "a year after a day and month",
            _ if gregorian_marker => "a year before «م»",
            _ => return no_leading_zero(),
        };
        return at(EvidenceKind::Year, vec![year(first)], format!("{why}: 1000 to {}", era.year_max));
    }
    if first.len() <= 2 {
        let before_month = first_after.is_some_and(is_month);
        let after_latin_month = last_before.is_some_and(is_latin_month);
        if before_month || after_latin_month {
            // Days may be written with a leading zero («05 يناير»).
            return at(EvidenceKind::Day, vec![range(first, 1, 31)], "a day of a month: 1 to 31".to_string());
        }
    }
    no_leading_zero()
}

/// `%` or `٪` right after the number (a space allowed), `%` glued before it (extraction moves
/// it), or «في المئة» after it.
fn is_percent(ctx: &Around) -> bool {
    let sign = |c: Option<char>| matches!(c, Some('%' | '٪'));
    let lone = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || super::scan::is_arabic(c) || "(«\"".contains(c));
    let words_after = ctx.after.iter().take(2).map(String::as_str).collect::<Vec<_>>();
    sign(ctx.next)
        || (sign(ctx.prev) && lone(ctx.prev2))
        || matches!(words_after.first(), Some(&("بالميه" | "بالمايه")))
        || matches!(words_after[..], ["في", "الميه" | "المايه"])
}

/// A Hijri year with a Gregorian year beside it (`١٤٤٣ هـ ٢٠٢٢/١/١٥ م`, `2022م الموافق 1443هـ`):
/// only month names, days and linking words may stand between them.
fn hijri_pairs(text: &str, tokens: &[Token], found: &[Option<Found>], is_digit: &impl Fn(char) -> bool) -> Vec<Found> {
    const LINKS: &[&str] = &["م", "ه", "الموافق", "الموافقه", "ل", "و", "او", "هجري", "هجريه", "ميلادي", "ميلاديه"];
    let quiet = |from: usize, to: usize| {
        let gap = &text[from..to];
        gap.chars().count() <= 40
            && words(gap, is_digit).iter().all(|w| LINKS.contains(&w.as_str()) || is_month_part(w))
    };
    let gregorian = |f: &Found, t: &Token| -> Option<Vec<u8>> {
        match f.kind {
            EvidenceKind::Year | EvidenceKind::YearSince => Some(t.runs[0].clone()),
            EvidenceKind::Date => t.runs.iter().find(|r| r.len() == 4).cloned(),
            _ => None,
        }
    };
    let mut out = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let Some(f) = f.as_ref().filter(|f| f.kind == EvidenceKind::HijriYear) else { continue };
        let hijri = tokens[i].runs[0].clone();
        let mut partner = None;
        for step in [1isize, -1] {
            let mut j = i as isize;
            for _ in 0..3 {
                let k = j + step;
                let Some(next) = usize::try_from(k).ok().and_then(|k| tokens.get(k)) else { break };
                let (from, to) =
                    if step > 0 { (tokens[j as usize].end, next.start) } else { (next.end, tokens[j as usize].start) };
                if !quiet(from, to) {
                    break;
                }
                let Some(nf) = found[k as usize].as_ref() else { break };
                if let Some(g) = gregorian(nf, next) {
                    partner = Some(g);
                    break;
                }
                if nf.kind != EvidenceKind::Day {
                    break;
                }
                j = k;
            }
            if partner.is_some() {
                break;
            }
        }
        if let Some(gregorian) = partner {
            out.push(Found {
                start: f.start,
                end: f.end,
                kind: EvidenceKind::HijriGregorian,
                rules: vec![Rule::HijriOf { hijri, gregorian }],
                why: "a Hijri year beside its Gregorian year: Hijri ≈ (Gregorian − 622) × 33/32".to_string(),
            });
        }
    }
    out
}
