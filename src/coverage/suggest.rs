//! Drafts of claims for uncovered mentions: the value in compact form, a unit guessed from
//! the noun after the figure, a property guessed from the words around it, `as_of` from the
//! nearest date in the sentence, and the clause around the mention as the quote (verbatim,
//! so it verifies). The editor fills in the subject and checks the rest.

use super::{Mention, SourceCoverage};
use crate::corpus::Corpus;
use crate::text::{Mode, fold};
use crate::value::{self, Hedge, Precision, Reading, ValueKind};
use serde::Serialize;
use std::collections::HashSet;

/// A claim skeleton in the claims format (docs/claims-format.md).
#[derive(Debug, Clone, Serialize)]
pub struct Skeleton {
    pub id: String,
    pub subject: String,
    pub property: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    pub quote: String,
}

/// A skeleton and the mention it is for.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    pub source: String,
    pub line: usize,
    pub column: usize,
    pub mention: String,
    pub claim: Skeleton,
}

/// A skeleton for every uncovered mention of every source, ids unique in the corpus.
pub fn suggest(corpus: &Corpus, coverage: &[SourceCoverage]) -> Vec<Suggestion> {
    let mut taken: HashSet<String> = corpus.claims.iter().map(|c| c.id.clone()).collect();
    let by_id: std::collections::HashMap<&str, &crate::corpus::Source> =
        corpus.sources.iter().map(|s| (s.meta.id.as_str(), s)).collect();
    let mut out = Vec::new();
    for sc in coverage {
        let Some(source) = by_id.get(sc.id.as_str()) else { continue };
        let text = &source.text;
        let paragraphs = Paragraphs::new(text, &source.lines);
        // In text order, as the mentions are.
        let dates: Vec<&Mention> =
            sc.mentions.iter().filter(|m| m.reading.kind == ValueKind::Date && m.is_substantive()).collect();
        for m in sc.mentions.iter().filter(|m| m.status == super::Status::Uncovered) {
            let after = words_after(text, m.end, 3);
            let ordinal = value::is_ordinal(&fold(&text[m.start..m.end], Mode::Read));
            let unit = if ordinal { Some("rank".to_string()) } else { guess_unit(&m.reading, &after) };
            let property = guess_property(corpus, text, m, unit.as_deref());
            let stem = if property == "?" { "figure" } else { property.as_str() };
            let mut id = format!("{}-{}-l{}", sc.id, stem.replace('_', "-"), m.line);
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{}-{}-l{}-{n}", sc.id, stem.replace('_', "-"), m.line);
                n += 1;
            }
            taken.insert(id.clone());
            let as_of = (m.reading.kind != ValueKind::Date)
                .then(|| nearest_date(text, &paragraphs, m, &dates))
                .flatten()
                .map(|d| compact(&d.reading, &text[d.start..d.end]));
            out.push(Suggestion {
                source: sc.id.clone(),
                line: m.line,
                column: m.column,
                mention: m.text.clone(),
                claim: Skeleton {
                    id,
                    subject: "?".into(),
                    property,
                    value: m.value.clone(),
                    unit,
                    as_of,
                    quote: clause(text, &paragraphs, m.start, m.end).to_string(),
                },
            });
        }
    }
    out
}

/// The claims format's compact form of a reading (`2500`, `~19e6`, `>75%`, `2e9..3e9`,
/// `x2`, `2022-01-05`), or the phrase as written when no compact form reads the same.
pub fn compact(r: &Reading, phrase: &str) -> String {
    Compactor::default().compact(r, phrase)
}

/// [`compact`] for many mentions: each compact form is read back once, however many
/// mentions share it (a text repeats its years and dates).
#[derive(Default)]
pub struct Compactor {
    /// Compact form → how it reads back, if it does.
    read_back: std::collections::HashMap<String, Option<ReadBack>>,
}

/// A reading's kind, low end and high end.
type ReadBack = (ValueKind, Option<f64>, Option<f64>);

impl Compactor {
    pub fn compact(&mut self, r: &Reading, phrase: &str) -> String {
        let phrase = super::one_line(phrase);
        let Some(c) = compact_form(r) else { return phrase };
        let back = self.read_back.entry(c.clone()).or_insert_with(|| {
            value::read(&c, &value::ReadOptions::default()).ok().map(|b| (b.kind, b.interval.lo, b.interval.hi))
        });
        match back {
            Some((kind, lo, hi)) if *kind == r.kind && same(*lo, r.interval.lo) && same(*hi, r.interval.hi) => c,
            _ => phrase,
        }
    }
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        (a, b) => a == b,
    }
}

fn compact_form(r: &Reading) -> Option<String> {
    if r.kind == ValueKind::Date {
        let day = |v: f64| value::iso_date(v as i64);
        let at = |v: f64| match r.precision {
            Precision::Year => day(v)[..day(v).len() - 6].to_string(),
            Precision::Month => day(v)[..day(v).len() - 3].to_string(),
            _ => day(v),
        };
        let (lo, hi) = (r.interval.lo?, r.interval.hi?);
        let (first, last) = (at(lo), at(hi));
        return Some(if first == last { first } else { format!("{first}..{}", at(hi)) });
    }
    let (prefix, suffix) = match r.kind {
        ValueKind::Percent => ("", "%"),
        ValueKind::Multiplier => ("x", ""),
        _ => ("", ""),
    };
    let figure = |v: f64| format!("{prefix}{}{suffix}", number(v, r.precision));
    Some(match r.hedge {
        Hedge::Exact | Hedge::Round => figure(r.nominal),
        Hedge::Approximate => format!("~{}", figure(r.nominal)),
        Hedge::MoreThan => format!(">{}", figure(r.nominal)),
        Hedge::AtLeast => format!(">={}", figure(r.nominal)),
        Hedge::LessThan => format!("<{}", figure(r.nominal)),
        Hedge::AtMost => format!("<={}", figure(r.nominal)),
        Hedge::Range => format!("{}..{}", figure(r.interval.lo?), figure(r.interval.hi?)),
        Hedge::Vague => return None,
    })
}

/// A figure as digits, or as `M e K` when it was written round (`19e6`, `1.5e6`).
fn number(v: f64, precision: Precision) -> String {
    let Precision::Digit(place) = precision else { return value::format_number(v) };
    if v.abs() < 1000.0 || place < 1.0 {
        return value::format_number(v);
    }
    let k = (v.abs().log10().floor() as i32 / 3) * 3;
    let decimals = (k - place.log10().round() as i32).max(0) as usize;
    format!("{:.decimals$}e{k}", v / 10f64.powi(k))
}

/// The first `n` words after `at`, folded, punctuation dropped.
fn words_after(text: &str, at: usize, n: usize) -> Vec<String> {
    fold(&text[at..floor_boundary(text, text.len().min(at + 200))], Mode::Read)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_string)
        .collect()
}

/// Nouns after a figure → the unit of the claims format.
const UNITS: &[(&[&str], &str)] = &[
    (
        &[
            "جندي",
            "جنديا",
            "جنود",
            "عسكري",
            "عسكريا",
            "عنصر",
            "عناصر",
            "مقاتل",
            "شخص",
            "أشخاص",
            "نسمة",
            "مواطن",
            "قتيل",
            "قتيلا",
            "قتلى",
            "جريح",
            "معتقل",
            "إرهابي",
            "متظاهر",
            "person",
            "people",
            "troops",
            "soldiers",
        ],
        "person",
    ),
    (&["دولار", "دولارا", "دولارات", "usd"], "USD"),
    (&["تنغ", "تنغا", "تنغي", "تينغ", "تينغي"], "KZT"),
    (&["روبل"], "RUB"),
    (&["يورو"], "EUR"),
    (&["طن", "أطنان"], "tonne"),
    (&["برميل", "براميل"], "barrel"),
    (&["طائرة", "طائرات"], "aircraft"),
    (&["كلم2", "كم2", "km2"], "km2"),
    (&["كلم", "كم", "كيلومتر", "كيلومترا", "km"], "km"),
    (&["م3"], "m3"),
];

/// A table of words as folding leaves them, folded once rather than at each look-up.
fn folded<T: Copy>(table: &[(&[&str], T)]) -> Vec<(Vec<String>, T)> {
    table.iter().map(|(words, v)| (words.iter().map(|w| fold(w, Mode::Read)).collect(), *v)).collect()
}

static FOLDED_UNITS: std::sync::LazyLock<Vec<(Vec<String>, &str)>> = std::sync::LazyLock::new(|| folded(UNITS));
static FOLDED_PROPERTIES: std::sync::LazyLock<Vec<(Vec<String>, &str)>> =
    std::sync::LazyLock::new(|| folded(PROPERTIES));

/// The unit from the noun after the figure: "جندي" → person, "كم مربع" → km2.
pub fn guess_unit(r: &Reading, after: &[String]) -> Option<String> {
    match r.kind {
        ValueKind::Percent => return Some("%".into()),
        ValueKind::Multiplier => return Some("x".into()),
        ValueKind::Date => return None,
        ValueKind::Number => {}
    }
    let first = after.first()?;
    let unit = FOLDED_UNITS.iter().find(|(nouns, _)| nouns.contains(first))?.1;
    let next = after.get(1).map(String::as_str);
    Some(match (unit, next) {
        ("km", Some("مربع")) => "km2".into(),
        ("m3", _) => "m3".into(),
        ("barrel", Some("يوميا")) => "barrel/day".into(),
        (u, _) => u.into(),
    })
}

/// Words near a figure → the property it most likely gives; used only when the registry
/// has the property and its unit agrees with the guessed one. The cue nearest the figure wins.
const PROPERTIES: &[(&[&str], &str)] = &[
    (&["نسمة", "سكان", "سكانها", "السكان"], "population"),
    (&["مساحة", "المساحة", "مساحتها", "مربع"], "area"),
    (&["جندي", "جنود", "جنديا"], "troops_deployed"),
    (&["قتيل", "قتيلا", "قتلى", "مقتل", "ضحايا"], "deaths"),
    (&["جريح", "جرحى", "مصاب", "إصابة", "الإصابات"], "injuries"),
    (&["اعتقال", "اعتقلت", "اعتقل", "معتقل", "معتقلين", "المعتقلين", "احتجاز", "توقيف"], "arrests"),
    (&["الخسائر", "خسائر"], "economic_losses"),
    (&["برميل"], "oil_production"),
    (&["حدود", "بحدود", "الحدود"], "border_length"),
    (&["عالميا", "العالم"], "world_rank"),
];

/// How many words on each side of a figure may name what it counts.
const CUE_WORDS: usize = 8;

fn guess_property(corpus: &Corpus, text: &str, m: &Mention, unit: Option<&str>) -> String {
    let before_start = floor_boundary(text, m.start.saturating_sub(200));
    let before: Vec<String> = fold(&text[before_start..m.start], Mode::Read)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let before = &before[before.len().saturating_sub(CUE_WORDS)..];
    let after = words_after(text, m.end, CUE_WORDS);
    // Words by distance from the figure: the nearest after, the nearest before, and so on.
    let mut near: Vec<(usize, &str)> = before.iter().rev().enumerate().map(|(d, w)| (d, w.as_str())).collect();
    near.extend(after.iter().enumerate().map(|(d, w)| (d, w.as_str())));
    near.sort_by_key(|&(d, _)| d);
    for (_, word) in near {
        for (cues, id) in FOLDED_PROPERTIES.iter() {
            if !cues.iter().any(|c| c == word) {
                continue;
            }
            let Ok(p) = corpus.registry.property(id) else { continue };
            let property = &corpus.registry.properties[p];
            let unit_fits = property.unit.as_deref().is_none_or(|u| unit.is_none_or(|g| g == u));
            if unit_fits && crate::corpus::kind_fits(property.kind, m.reading.kind) {
                return id.to_string();
            }
        }
    }
    "?".into()
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The date mention nearest to `m` within its sentence, else within its paragraph.
/// `dates` are in text order: the nearest on each side are the neighbours of `m`'s place.
fn nearest_date<'a>(text: &str, paragraphs: &Paragraphs, m: &Mention, dates: &[&'a Mention]) -> Option<&'a Mention> {
    let distance = |d: &Mention| if d.end <= m.start { m.start - d.end } else { d.start.saturating_sub(m.end) };
    let at = dates.partition_point(|d| d.start < m.start);
    let before = dates[..at].last();
    let after = dates[at..].iter().find(|d| d.start != m.start);
    for (a, b) in [sentence(text, paragraphs, m.start, m.end), paragraphs.around(m.start, m.end)] {
        let best = [before, after]
            .into_iter()
            .flatten()
            .filter(|d| d.start >= a && d.end <= b && d.start != m.start)
            .min_by_key(|d| distance(d));
        if let Some(d) = best {
            return Some(*d);
        }
    }
    None
}

fn is_stop(text: &str, at: usize, c: char, stops: &str) -> bool {
    // A dot or comma between digits belongs to a number.
    let digit = |s: Option<char>| s.is_some_and(|c| c.is_numeric());
    stops.contains(c)
        && !(matches!(c, '.' | ',')
            && digit(text[..at].chars().next_back())
            && digit(text[at + c.len_utf8()..].chars().next()))
}

/// Where the paragraphs of a text break: its blank (or whitespace-only) lines, found once
/// so that the paragraph around a mention is two binary searches, not a pass over the text.
struct Paragraphs<'a> {
    text: &'a str,
    lines: &'a crate::corpus::locate::LineIndex,
    /// Byte ranges of the blank lines, line breaks included, in order.
    blank: Vec<(usize, usize)>,
}

impl<'a> Paragraphs<'a> {
    fn new(text: &'a str, lines: &'a crate::corpus::locate::LineIndex) -> Self {
        let mut blank = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if line.trim().is_empty() {
                blank.push((at, at + line.len()));
            }
            at += line.len();
        }
        Paragraphs { text, lines, blank }
    }

    /// The paragraph around `start..end`: after the last blank line before it (or from
    /// `start`, when only blanks precede it on its line), to the next blank line after the
    /// line `end` stands on.
    fn around(&self, start: usize, end: usize) -> (usize, usize) {
        let line_start = self.lines.line_bounds(self.text, start).start;
        // A mention with only blanks before it on its line starts its paragraph.
        let a = if start > line_start && self.text[line_start..start].trim().is_empty() {
            start
        } else {
            let k = self.blank.partition_point(|&(_, e)| e <= line_start);
            if k == 0 { 0 } else { self.blank[k - 1].1 }
        };
        let end_line = self.lines.line_bounds(self.text, end);
        let next_line = (end_line.end + 1).min(self.text.len());
        let k = self.blank.partition_point(|&(s, _)| s < next_line);
        let b = self.blank.get(k).map_or(self.text.len(), |&(s, _)| s);
        (a, b.max(end).min(self.text.len()))
    }
}

/// The byte range around `start..end` bounded by any of `stops` (outside the mention) and
/// by its paragraph, at most `max_words` words on each side.
fn bounded(
    text: &str,
    paragraphs: &Paragraphs,
    start: usize,
    end: usize,
    stops: &str,
    max_words: usize,
) -> (usize, usize) {
    let (pa, pb) = paragraphs.around(start, end);
    let word_start =
        |i: usize, c: char| c.is_whitespace() && !text[i + c.len_utf8()..].starts_with(char::is_whitespace);
    let mut a = start;
    let mut words = 0;
    for (i, c) in text[pa..start].char_indices().rev().map(|(i, c)| (pa + i, c)) {
        if is_stop(text, i, c, stops) {
            break;
        }
        // The space just before the mention starts no word of the clause.
        if word_start(i, c) && i + c.len_utf8() < start {
            words += 1;
            if words > max_words {
                break;
            }
        }
        a = i;
    }
    let mut b = end;
    let mut words = 0;
    for (i, c) in text[end..pb].char_indices().map(|(i, c)| (end + i, c)) {
        if is_stop(text, i, c, stops) {
            break;
        }
        if word_start(i, c) {
            words += 1;
            if words > max_words {
                break;
            }
        }
        b = i + c.len_utf8();
    }
    (a, b)
}

/// Words a sentence may run to on each side of a mention: far past any real sentence, and
/// a bound on the work when a text has no full stops at all.
const SENTENCE_WORDS: usize = 400;

fn sentence(text: &str, paragraphs: &Paragraphs, start: usize, end: usize) -> (usize, usize) {
    bounded(text, paragraphs, start, end, ".!?؟", SENTENCE_WORDS)
}

/// The clause around a mention, verbatim and trimmed: between commas, semicolons, colons
/// and sentence ends, at most a dozen words on each side.
fn clause<'a>(text: &'a str, paragraphs: &Paragraphs, start: usize, end: usize) -> &'a str {
    static MARKER: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let marker =
        MARKER.get_or_init(|| regex::Regex::new(r"[)(\[\]]\s*[0-9٠-٩]{1,3}\s*[)(\[\]]?\s*$").expect("a valid pattern"));
    let (a, b) = bounded(text, paragraphs, start, end, ".!?؟،,؛;:", 12);
    // A footnote marker that closes the clause is no part of it: "مليار دولار)1(".
    let b = match marker.find(&text[end..b]) {
        Some(m) => end + m.start(),
        None => b,
    };
    text[a..b].trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '«' | '»' | '"' | '“' | '”'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Folded;

    fn reading(expr: &str) -> Reading {
        value::read(expr, &value::ReadOptions::default()).unwrap()
    }

    #[test]
    fn values_take_the_compact_form() {
        let cases = [
            ("2500", "2500"),
            ("نحو 19 مليون", "~19e6"),
            ("١,٥ مليون", "1.5e6"),
            ("أكثر من ١٠٠", ">100"),
            ("تتجاوز نسبتهم ٧٥%", ">75%"),
            ("بين 2 و3 مليار", "2e9..3e9"),
            ("عشرين ألف", "20e3"),
            ("ثلاثة أضعاف", "x3"),
            ("مليون ونصف المليون", "1.5e6"),
            ("5 يناير 2022", "2022-01-05"),
            ("آذار عام ٢٠١٩", "2019-03"),
            ("عام 1991", "1991"),
            ("الثاني عشر من جمادى الآخرة ١٤٤٣ هـ", "2022-01-15"),
        ];
        for (phrase, want) in cases {
            assert_eq!(compact(&reading(phrase), phrase), want, "{phrase}");
        }
        // No compact form for a vague count: the phrase itself.
        assert_eq!(compact(&reading("عشرات"), "عشرات"), "عشرات");
    }

    #[test]
    fn units_come_from_the_noun_after_the_figure() {
        let guess = |expr: &str, after: &str| {
            let words: Vec<String> = fold(after, Mode::Read).split(' ').map(str::to_string).collect();
            guess_unit(&reading(expr), &words)
        };
        assert_eq!(guess("2500", "جندي روسي").as_deref(), Some("person"));
        assert_eq!(guess("2500", "عسكري").as_deref(), Some("person"));
        assert_eq!(guess("3 مليار", "دولار أمريكي").as_deref(), Some("USD"));
        assert_eq!(guess("2725000", "كم مربع").as_deref(), Some("km2"));
        assert_eq!(guess("6467", "كم من الحدود").as_deref(), Some("km"));
        assert_eq!(guess("2725000", "كم²").as_deref(), Some("km2"));
        assert_eq!(guess("19 مليون", "نسمة").as_deref(), Some("person"));
        assert_eq!(guess("1.5 مليون", "طن").as_deref(), Some("tonne"));
        assert_eq!(guess("1.5 مليون", "برميل يوميا").as_deref(), Some("barrel/day"));
        assert_eq!(guess("120", "تنغًا").as_deref(), Some("KZT"));
        assert_eq!(guess("75%", "من السكان").as_deref(), Some("%"));
        assert_eq!(guess("2500", "سيارة").as_deref(), None);
    }

    #[test]
    fn the_quote_is_the_clause_around_the_mention() {
        let clause_at = |text: &str, part: &str, len: usize| {
            let lines = crate::corpus::locate::LineIndex::new(text);
            let start = text.find(part).unwrap();
            clause(text, &Paragraphs::new(text, &lines), start, start + len).to_string()
        };
        let text = "وقال الوزير، إن روسيا أرسلت 2,500 جندي إلى كازاخستان في 6 يناير 2022. ثم عادوا";
        assert_eq!(clause_at(text, "2,500", 5), "إن روسيا أرسلت 2,500 جندي إلى كازاخستان في 6 يناير 2022");
        let text = "سطر أول\n\n(بلغت الخسائر 3 مليار دولار)1(\n\nسطر";
        assert_eq!(clause_at(text, "3", 1), "بلغت الخسائر 3 مليار دولار");
        // A long sentence is cut to a dozen words on each side.
        let long = format!("{}العدد 7 {}", "كلمة ".repeat(30), "كلمة ".repeat(30));
        assert_eq!(clause_at(&long, "7", 1).split_whitespace().count(), 26);
    }

    /// The paragraph as found before it was indexed: by a pass over the text.
    fn paragraph_by_scan(text: &str, start: usize, end: usize) -> (usize, usize) {
        let blank = |line: &str| line.trim().is_empty();
        let (mut a, mut at) = (0, 0);
        for line in text[..start].split_inclusive('\n') {
            at += line.len();
            if blank(line) {
                a = at;
            }
        }
        let (mut b, mut first) = (end, true);
        for line in text[end..].split_inclusive('\n') {
            if !first && blank(line) {
                break;
            }
            b += line.len();
            first = false;
        }
        (a, b.min(text.len()))
    }

    #[test]
    fn indexed_paragraphs_match_a_scan() {
        let text = "أول سطر\n\n  \nفقرة ثانية 12\nتتمة 7\n   \n\n  30 في أول السطر\nآخر  ";
        let lines = crate::corpus::locate::LineIndex::new(text);
        let paragraphs = Paragraphs::new(text, &lines);
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for (k, &start) in bounds.iter().enumerate() {
            for &end in &bounds[k..(k + 4).min(bounds.len())] {
                assert_eq!(paragraphs.around(start, end), paragraph_by_scan(text, start, end), "{start}..{end}");
            }
        }
    }

    #[test]
    fn the_nearest_date_in_the_sentence_is_the_as_of() {
        let text = "في 10 يناير 2022 أعلن الرئيس اعتقال نحو 10 آلاف شخص. وفي 2019 حدث شيء";
        let folded = Folded::new(text, &Default::default(), Mode::Read);
        let found: Vec<Mention> = value::mentions(&folded.text, &value::ReadOptions::default())
            .into_iter()
            .map(|m| {
                let r = folded.original_range(m.start, m.end);
                Mention {
                    start: r.start,
                    end: r.end,
                    line: 1,
                    column: 1,
                    text: text[r.clone()].to_string(),
                    context: String::new(),
                    value: compact(&m.reading, &text[r]),
                    reading: m.reading,
                    status: super::super::Status::Uncovered,
                }
            })
            .collect();
        let dates: Vec<&Mention> = found.iter().filter(|m| m.reading.kind == ValueKind::Date).collect();
        let arrests = found.iter().find(|m| m.text == "نحو 10 آلاف").unwrap();
        let lines = crate::corpus::locate::LineIndex::new(text);
        let paragraphs = Paragraphs::new(text, &lines);
        assert_eq!(nearest_date(text, &paragraphs, arrests, &dates).map(|d| d.value.as_str()), Some("2022-01-10"));
    }
}
