//! Inferring which private-use characters stand for which digits.
//!
//! Some PDF fonts map digits to private-use code points, so the extracted text looks
//! digit-free. The words around the numbers give them away: four glyphs after «عام» are a
//! year, one or two before a month name a day, a run before `%` is at most 100, the parts of
//! `٢٠٢٢/١/١٥` are a year, a month and a day, a year before «هـ» is a Hijri year that the
//! Gregorian year beside it pins down, and no number starts with 0. Each observation is a
//! rule ([`scan`] finds the numbers, [`evidence`] reads their context); [`solve`] searches
//! the one-to-one maps from glyphs to digits that satisfy them all. A glyph is *settled* when
//! every such map gives it the same digit; otherwise all its remaining digits are reported.
//! The glyphs' code-point order (fonts usually keep digits in order) only ranks the maps
//! for the likeliest reading; it never settles a digit.

mod evidence;
mod scan;
mod solve;

pub use evidence::EvidenceKind;

use evidence::{Era, Found, Rule};
use solve::{ALL, Digits, Outcome, Solver};
use std::collections::{BTreeMap, BTreeSet};

/// What the inference found, for the editor to confirm.
#[derive(Debug, Clone, PartialEq)]
pub struct DigitInference {
    /// Every glyph that looks like a digit, in code-point order.
    pub glyphs: Vec<GlyphDigit>,
    /// What the text says about them, in text order.
    pub evidence: Vec<Evidence>,
    /// Private-use characters that sit inside words: ligatures or marks, not digits.
    pub not_digits: BTreeSet<char>,
    /// False when a search stopped at its limit: its digits were kept as candidates, so a
    /// glyph may show more candidates than the evidence allows (never fewer).
    pub complete: bool,
}

/// One glyph's digit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlyphDigit {
    pub glyph: char,
    /// Every digit that some map satisfying all the evidence gives this glyph.
    pub candidates: Vec<u8>,
    /// Its digit in the likeliest map: among the maps that satisfy the evidence, the one
    /// that keeps the glyphs' code-point order best.
    pub likeliest: u8,
}

impl GlyphDigit {
    /// The digit, when the evidence leaves only one.
    pub fn settled(&self) -> Option<u8> {
        match self.candidates[..] {
            [d] => Some(d),
            _ => None,
        }
    }
}

/// One observation about the digits, with the rule it implies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Byte range of the number in the text.
    pub start: usize,
    pub end: usize,
    pub kind: EvidenceKind,
    /// The rule, in words: "a year after «عام»: 1000 to 2122".
    pub rule: String,
    /// The same number and rule elsewhere in the text (byte offsets), not listed again.
    pub also_at: Vec<usize>,
    /// Set aside because it contradicts surer evidence (a misread context).
    pub set_aside: bool,
    rules: Vec<Rule>,
}

impl DigitInference {
    /// Glyph → digit, only when every glyph is settled: the map an editor may paste.
    pub fn settled_map(&self) -> Option<BTreeMap<char, u8>> {
        self.glyphs.iter().map(|g| g.settled().map(|d| (g.glyph, d))).collect()
    }

    /// `text` with settled glyphs as their digits and the others as `?`.
    pub fn read(&self, text: &str) -> String {
        text.chars()
            .map(|c| match self.glyphs.iter().find(|g| g.glyph == c) {
                Some(g) => g.settled().map_or('?', |d| char::from(b'0' + d)),
                None => c,
            })
            .collect()
    }
}

/// When the text was published, as far as known: its year bounds the years after «منذ» and,
/// a century on, every year (2100 without it); its days place dates written without a year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Published {
    pub year: Option<i32>,
    /// First and last day it may have been published, as days since 1970-01-01.
    pub days: Option<(i64, i64)>,
}

impl Published {
    /// Only the year is known.
    pub fn year(year: i32) -> Published {
        Published { year: Some(year), days: None }
    }

    /// From a source's `published` field: `2022`, `2022-01`, `2022-01-06`,
    /// `2022-01-07..2022-01-08`.
    pub fn from_field(published: &str) -> Published {
        let reading = crate::value::read_as(published, &Default::default(), crate::value::ValueKind::Date).ok();
        let days = reading
            .filter(|r| r.kind == crate::value::ValueKind::Date)
            .and_then(|r| Some((r.interval.lo? as i64, r.interval.hi? as i64)));
        Published { year: crate::corpus::published_year(published), days }
    }
}

/// Infers the digits of the private-use characters of `text`.
pub fn infer_digits(text: &str, published: Published) -> DigitInference {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let (digit_glyphs, not_digits) = classify(&chars);
    let index: BTreeMap<char, u8> = digit_glyphs.iter().enumerate().map(|(i, &c)| (c, i as u8)).collect();
    let tokens = scan::tokens(text, &index);
    let found = evidence::collect(text, &tokens, &index, Era::new(published));
    let groups = group(found);
    let n = digit_glyphs.len();
    let aside = set_aside(n, &groups);
    let kept: Vec<&Rule> =
        groups.iter().zip(&aside).filter(|(_, aside)| !**aside).flat_map(|(g, _)| &g.first.rules).collect();
    let kept: BTreeSet<&Rule> = kept.into_iter().collect();
    let solver = Solver::new(n, kept.iter().copied());
    let (candidates, complete) = solver.candidates().unwrap_or_else(|| (vec![ALL; n], false));
    let recent = recent_years(&groups, &aside, published.year);
    let likeliest = solver.likeliest(&candidates, &recent).unwrap_or_else(|| fallback(&candidates));
    let glyphs = digit_glyphs
        .iter()
        .enumerate()
        .map(|(g, &glyph)| GlyphDigit {
            glyph,
            candidates: (0..10).filter(|d| candidates[g] & (1 << d) != 0).collect(),
            likeliest: likeliest[g],
        })
        .collect();
    let mut evidence: Vec<Evidence> = groups
        .into_iter()
        .zip(aside)
        .map(|(g, set_aside)| Evidence {
            start: g.first.start,
            end: g.first.end,
            kind: g.first.kind,
            rule: g.first.why,
            also_at: g.also_at,
            set_aside,
            rules: g.first.rules,
        })
        .collect();
    evidence.sort_by_key(|e| e.start);
    DigitInference { glyphs, evidence, not_digits, complete }
}

impl DigitInference {
    /// The evidence (not set aside) that a given map breaks, e.g. a source's `glyph_map`.
    /// Glyphs the map leaves out may take any digit it does not use.
    pub fn contradicted_by(&self, map: &BTreeMap<char, u8>) -> Vec<&Evidence> {
        let used: Digits = map.values().fold(0, |u, &d| u | 1 << d);
        let domains: Vec<Digits> =
            self.glyphs.iter().map(|g| map.get(&g.glyph).map_or(ALL & !used, |&d| 1 << d)).collect();
        self.evidence
            .iter()
            .filter(|e| !e.set_aside)
            .filter(|e| Solver::new(domains.len(), &e.rules).find(&domains) == Outcome::Impossible)
            .collect()
    }
}

/// Observations with the same rules and kind, counted once.
struct Group {
    first: Found,
    also_at: Vec<usize>,
}

fn group(found: Vec<Found>) -> Vec<Group> {
    let mut at: BTreeMap<(EvidenceKind, Vec<Rule>), usize> = BTreeMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for f in found {
        match at.get(&(f.kind, f.rules.clone())) {
            Some(&i) => groups[i].also_at.push(f.start),
            None => {
                at.insert((f.kind, f.rules.clone()), groups.len());
                groups.push(Group { first: f, also_at: Vec::new() });
            }
        }
    }
    groups
}

/// Which groups to set aside so that some map satisfies the rest: none when all agree;
/// otherwise the surest are kept first and each doubtful one only if it fits with them.
fn set_aside(n: usize, groups: &[Group]) -> Vec<bool> {
    let all: BTreeSet<&Rule> = groups.iter().flat_map(|g| &g.first.rules).collect();
    let mut aside = vec![false; groups.len()];
    if Solver::new(n, all).find(&[ALL; 10]) != Outcome::Impossible {
        return aside;
    }
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&i| (groups[i].first.kind.doubt(), groups[i].first.start));
    let mut kept: BTreeSet<&Rule> = BTreeSet::new();
    for i in order {
        let mut trial = kept.clone();
        trial.extend(&groups[i].first.rules);
        if matches!(Solver::new(n, trial.iter().copied()).find(&[ALL; 10]), Outcome::Found(_)) {
            kept = trial;
        } else {
            aside[i] = true;
        }
    }
    aside
}

/// For ranking only: news texts name mostly recent years, so the likeliest map puts as many
/// written Gregorian years as it can within 120 years before publication (or 10 after).
/// Each is `(run, lo, hi, times written)`.
fn recent_years(groups: &[Group], aside: &[bool], year: Option<i32>) -> Vec<(Vec<u8>, i64, i64, u32)> {
    let Some(year) = year.map(i64::from) else { return Vec::new() };
    let years = [EvidenceKind::Year, EvidenceKind::YearSince, EvidenceKind::Date, EvidenceKind::DateInLink];
    groups
        .iter()
        .zip(aside)
        .filter(|(g, aside)| !**aside && years.contains(&g.first.kind))
        .flat_map(|(g, _)| {
            g.first.rules.iter().filter_map(move |r| match r {
                Rule::Range { run, lo: 1000, .. } => {
                    Some((run.clone(), year - 120, year + 10, 1 + g.also_at.len() as u32))
                }
                _ => None,
            })
        })
        .collect()
}

/// A one-to-one map within the candidates, when the ranked search found none in its budget.
fn fallback(candidates: &[Digits]) -> Vec<u8> {
    let mut used: Digits = 0;
    candidates
        .iter()
        .map(|&set| {
            let free = set & !used;
            let d = if free != 0 { free.trailing_zeros() } else { set.trailing_zeros().min(9) } as u8;
            used |= 1 << d;
            d
        })
        .collect()
}

fn is_private_use(c: char) -> bool {
    scan::in_private_use(c)
}

/// Digit glyphs stand between spaces, punctuation and each other; ligature glyphs stand
/// between letters, and so do the glyphs that only ever follow a ligature.
fn classify(chars: &[(usize, char)]) -> (Vec<char>, BTreeSet<char>) {
    let mut words = BTreeSet::new();
    loop {
        // Only Arabic letters count: ligatures join them, while digits touch Latin letters
        // in links (`%D8%B1`). Tatweel is not a letter here: «بـ60» joins a word to a figure.
        let wordy = |j: Option<usize>| {
            j.and_then(|j| chars.get(j)).is_some_and(|&(_, n)| scan::is_arabic(n) || words.contains(&n))
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

#[cfg(test)]
mod tests;
