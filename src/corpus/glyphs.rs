//! Inferring which private-use characters stand for which digits.
//!
//! Some PDF fonts map digits to private-use code points, so the extracted text looks
//! digit-free. The positions give them away: a run of four glyphs next to «عام» or a month
//! name is a year, one or two before a month name are a day, a run before `%` is at most 100,
//! and no number starts with 0. The inference tries every assignment of digits to glyphs
//! (branch and bound over the runs' scores) and keeps the most plausible one; a glyph whose
//! digit could change at little cost is reported as uncertain, for the editor to decide.

use std::collections::{BTreeMap, BTreeSet};

/// What the inference found, for the editor to confirm.
#[derive(Debug, Clone, PartialEq)]
pub struct DigitInference {
    /// Glyph → digit, for every glyph that looks like a digit.
    pub digits: BTreeMap<char, u8>,
    /// Glyphs whose digit another assignment explains almost as well, with that digit.
    pub uncertain: BTreeMap<char, Vec<u8>>,
    /// Private-use characters that sit inside words: ligatures or marks, not digits.
    pub not_digits: BTreeSet<char>,
    /// Runs read with the inferred map, as `(byte offset, decoded)`, for the evidence.
    pub evidence: Vec<(usize, String, &'static str)>,
}

const MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "أغسطس",
    "سبتمبر",
    "اكتوبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "آذار",
    "اذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
];
const YEAR_WORDS: &[&str] = &["عام", "العام", "سنة", "لعام", "بعام"];

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Year,
    Day,
    Percent,
    Plain,
}

#[derive(Debug)]
struct Run {
    at: usize,
    glyphs: Vec<usize>,
    /// Whether the run follows a decimal point, so it may start with 0.
    fraction: bool,
    context: Context,
}

/// Infers a digit map for the private-use characters of `text`; `reference_year` (the
/// publication year, if known) breaks ties between otherwise valid years.
pub fn infer_digits(text: &str, reference_year: Option<i32>) -> DigitInference {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let (digit_glyphs, not_digits) = classify(&chars);
    let index: BTreeMap<char, usize> = digit_glyphs.iter().enumerate().map(|(i, &c)| (c, i)).collect();
    let runs = find_runs(text, &chars, &index);
    let solver = Solver { runs: &runs, glyphs: digit_glyphs.len(), reference: reference_year.unwrap_or(2000) };
    let best = solver.solve();
    let mut digits = BTreeMap::new();
    let mut uncertain = BTreeMap::new();
    if let Some((assignment, score)) = &best {
        for (g, &c) in digit_glyphs.iter().enumerate() {
            digits.insert(c, assignment[g]);
            let rivals = solver.rivals(assignment, *score, g);
            if !rivals.is_empty() {
                uncertain.insert(c, rivals);
            }
        }
    }
    let evidence = best
        .map(|(assignment, _)| {
            runs.iter()
                .map(|r| {
                    let decoded: String = r.glyphs.iter().map(|&g| char::from(b'0' + assignment[g])).collect();
                    let why = match r.context {
                        Context::Year => "a year (next to عام or a month)",
                        Context::Day => "a day (before a month name)",
                        Context::Percent => "a percentage",
                        Context::Plain => "a number",
                    };
                    (r.at, decoded, why)
                })
                .collect()
        })
        .unwrap_or_default();
    DigitInference { digits, uncertain, not_digits, evidence }
}

/// Digit glyphs stand between spaces, punctuation and each other; ligature glyphs stand
/// between letters, and so do the glyphs that only ever follow a ligature.
fn classify(chars: &[(usize, char)]) -> (Vec<char>, BTreeSet<char>) {
    let mut words = BTreeSet::new();
    loop {
        // Tatweel is not a letter here: «بـ60» joins a preposition to a figure.
        let wordy = |j: Option<usize>| {
            j.and_then(|j| chars.get(j)).is_some_and(|&(_, n)| {
                (n.is_alphabetic() && n != '\u{0640}' && !is_private_use(n)) || words.contains(&n)
            })
        };
        let mut counts: BTreeMap<char, (usize, usize)> = BTreeMap::new();
        for (i, &(_, c)) in chars.iter().enumerate() {
            if is_private_use(c) {
                let entry = counts.entry(c).or_default();
                entry.0 += 1;
                if wordy(i.checked_sub(1)) || wordy(Some(i + 1)) {
                    entry.1 += 1;
                }
            }
        }
        let next: BTreeSet<char> =
            counts.iter().filter(|(_, (all, in_words))| in_words * 2 > *all).map(|(&c, _)| c).collect();
        if next == words {
            let mut digits: Vec<(usize, char)> =
                counts.into_iter().filter(|(c, _)| !words.contains(c)).map(|(c, (all, _))| (all, c)).collect();
            // Ten digits at most: the most frequent glyphs.
            digits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let mut digits: Vec<char> = digits.into_iter().take(10).map(|(_, c)| c).collect();
            digits.sort_unstable();
            return (digits, words);
        }
        words = next;
    }
}

fn find_runs(text: &str, chars: &[(usize, char)], index: &BTreeMap<char, usize>) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(&g) = index.get(&chars[i].1) else {
            i += 1;
            continue;
        };
        let at = chars[i].0;
        let fraction = i >= 2 && matches!(chars[i - 1].1, '.' | ',' | '٫') && index.contains_key(&chars[i - 2].1);
        let mut glyphs = vec![g];
        i += 1;
        while let Some(&g) = chars.get(i).and_then(|&(_, c)| index.get(&c)) {
            glyphs.push(g);
            i += 1;
        }
        let end = chars.get(i).map_or(text.len(), |&(b, _)| b);
        let context = context_of(text, at, end, glyphs.len());
        runs.push(Run { at, glyphs, fraction, context });
    }
    runs
}

/// What the words around a run say it is. Extraction moves runs away from their words, so
/// the window is generous.
fn context_of(text: &str, start: usize, end: usize, len: usize) -> Context {
    let before = window(text, start, 30, true);
    let after = window(text, end, 30, false);
    let near = |words: &[&str], s: &str| words.iter().any(|w| s.contains(w));
    if after.trim_start().starts_with('%') || before.trim_end().ends_with('%') {
        return Context::Percent;
    }
    match len {
        4 if near(YEAR_WORDS, &before) || near(MONTHS, &before) || near(MONTHS, &after) => Context::Year,
        1 | 2
            if near(
                MONTHS,
                &after[..after.len().min(after.char_indices().nth(12).map_or(after.len(), |(b, _)| b))],
            ) =>
        {
            Context::Day
        }
        _ => Context::Plain,
    }
}

fn window(text: &str, at: usize, chars: usize, before: bool) -> String {
    if before {
        text[..at].chars().rev().take(chars).collect::<Vec<_>>().into_iter().rev().collect()
    } else {
        text[at..].chars().take(chars).collect()
    }
}

struct Solver<'a> {
    runs: &'a [Run],
    glyphs: usize,
    reference: i32,
}

impl Solver<'_> {
    /// How plausible a run is under an assignment; the maximum is its weight.
    fn score_run(&self, run: &Run, digits: &[u8]) -> f64 {
        let value = run.glyphs.iter().fold(0i64, |v, &g| v * 10 + digits[g] as i64);
        let leading_zero = !run.fraction && run.glyphs.len() > 1 && digits[run.glyphs[0]] == 0;
        if leading_zero {
            return 0.0;
        }
        // Years near the publication year are the likeliest.
        let closeness = (1.0 - (value - self.reference as i64).abs() as f64 / 230.0).max(0.0);
        match run.context {
            Context::Year if (1800..=2030).contains(&value) => 2.0 + 0.5 * closeness,
            Context::Year => 0.0,
            Context::Day => {
                if (1..=31).contains(&value) {
                    1.0
                } else {
                    0.0
                }
            }
            Context::Percent => {
                if value <= 100 || run.fraction {
                    0.5
                } else {
                    0.0
                }
            }
            // A plain four-glyph run is most often a year too.
            Context::Plain if run.glyphs.len() == 4 && (1800..=2030).contains(&value) => 0.6 + 0.3 * closeness,
            Context::Plain => 0.2,
        }
    }

    fn max_run(&self, run: &Run) -> f64 {
        match run.context {
            Context::Year => 2.5,
            Context::Day => 1.0,
            Context::Percent => 0.5,
            Context::Plain if run.glyphs.len() == 4 => 0.9,
            Context::Plain => 0.2,
        }
    }

    fn total(&self, digits: &[u8]) -> f64 {
        self.runs.iter().map(|r| self.score_run(r, digits)).sum()
    }

    /// The best injective assignment of digits to glyphs, by branch and bound.
    fn solve(&self) -> Option<(Vec<u8>, f64)> {
        if self.glyphs == 0 || self.glyphs > 10 {
            return None;
        }
        // Assign glyphs in order of first full determination of runs: most frequent first.
        let mut order: Vec<usize> = (0..self.glyphs).collect();
        let count = |g: usize| self.runs.iter().map(|r| r.glyphs.iter().filter(|&&x| x == g).count()).sum::<usize>();
        order.sort_by_key(|&g| std::cmp::Reverse(count(g)));
        let mut best: Option<(Vec<u8>, f64)> = None;
        let mut digits = vec![u8::MAX; self.glyphs];
        let mut used = [false; 10];
        self.search(&order, 0, &mut digits, &mut used, &mut best);
        best
    }

    fn search(
        &self,
        order: &[usize],
        depth: usize,
        digits: &mut Vec<u8>,
        used: &mut [bool; 10],
        best: &mut Option<(Vec<u8>, f64)>,
    ) {
        let bound: f64 = self
            .runs
            .iter()
            .map(|r| {
                if r.glyphs.iter().all(|&g| digits[g] != u8::MAX) { self.score_run(r, digits) } else { self.max_run(r) }
            })
            .sum();
        if best.as_ref().is_some_and(|(_, s)| bound <= *s + 1e-9) {
            return;
        }
        if depth == order.len() {
            *best = Some((digits.clone(), bound));
            return;
        }
        let g = order[depth];
        for d in 0..10u8 {
            if used[d as usize] {
                continue;
            }
            used[d as usize] = true;
            digits[g] = d;
            self.search(order, depth + 1, digits, used, best);
            digits[g] = u8::MAX;
            used[d as usize] = false;
        }
    }

    /// Digits that glyph `g` could take (swapping with whichever glyph holds it) for less
    /// than half a point of plausibility.
    fn rivals(&self, best: &[u8], score: f64, g: usize) -> Vec<u8> {
        let mut out = Vec::new();
        for d in 0..10u8 {
            if d == best[g] {
                continue;
            }
            let mut alt = best.to_vec();
            if let Some(h) = alt.iter().position(|&x| x == d) {
                alt[h] = best[g];
            }
            alt[g] = d;
            if score - self.total(&alt) < 0.5 {
                out.push(d);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes the digits of `text` with private-use glyphs in the given order.
    fn encode(text: &str, order: [char; 10]) -> String {
        text.chars()
            .map(|c| match c {
                '0'..='9' => order[c as usize - '0' as usize],
                '٠'..='٩' => order[c as usize - '٠' as usize],
                c => c,
            })
            .collect()
    }

    fn check(text: &str, order: [char; 10], must_know: &[u8]) {
        let encoded = encode(text, order);
        let inferred = infer_digits(&encoded, Some(2022));
        for (glyph, digit) in &inferred.digits {
            if !inferred.uncertain.contains_key(glyph) {
                assert_eq!(order[*digit as usize], *glyph, "glyph U+{:04X} read as {digit}", *glyph as u32);
            }
        }
        for &d in must_know {
            let glyph = order[d as usize];
            assert_eq!(inferred.digits.get(&glyph), Some(&d), "digit {d}: {inferred:?}");
            assert!(!inferred.uncertain.contains_key(&glyph), "digit {d} uncertain: {:?}", inferred.uncertain);
        }
    }

    #[test]
    fn recovers_year_digits_in_any_glyph_order() {
        let text = std::fs::read_to_string("claims/texts/001_3905b9b0e2d78ba6.txt").unwrap();
        let shuffled = [
            '\u{E031}', '\u{E017}', '\u{E02A}', '\u{E010}', '\u{E044}', '\u{E003}', '\u{E022}', '\u{E019}', '\u{E038}',
            '\u{E00C}',
        ];
        check(&text, shuffled, &[0, 1, 2, 9]);
        let reversed = [
            '\u{F809}', '\u{F808}', '\u{F807}', '\u{F806}', '\u{F805}', '\u{F804}', '\u{F803}', '\u{F802}', '\u{F801}',
            '\u{F800}',
        ];
        check(&text, reversed, &[0, 1, 2, 9]);
    }

    #[test]
    fn agrees_with_the_map_an_editor_made_for_source_002() {
        let text = std::fs::read_to_string("claims/texts/002_adf254bf19668184.txt").unwrap();
        let inferred = infer_digits(&text, Some(2022));
        let editor: [(char, u8); 4] = [('\u{E005}', 0), ('\u{E008}', 1), ('\u{E009}', 2), ('\u{E010}', 9)];
        for (glyph, digit) in editor {
            assert_eq!(inferred.digits.get(&glyph), Some(&digit), "{inferred:?}");
        }
        // 0, 1 and 2 are settled by the years; 9 only by how near 1991 and 2019 are to 2022.
        for glyph in ['\u{E005}', '\u{E008}', '\u{E009}'] {
            assert!(!inferred.uncertain.contains_key(&glyph), "{:?}", inferred.uncertain);
        }
        // The ligature glyphs sit inside words and are not taken for digits.
        assert!(inferred.not_digits.contains(&'\u{E0A5}') && inferred.not_digits.contains(&'\u{E0ED}'));
    }

    #[test]
    fn text_without_private_use_characters_infers_nothing() {
        let inferred = infer_digits("نص عادي 2022", None);
        assert!(inferred.digits.is_empty() && inferred.evidence.is_empty());
    }
}
