//! `coverage --suggest`: a drafted claim for each uncovered mention, by the drafter that
//! `claimcheck draft` uses ([`crate::draft`]), or why the drafter left it out; and the
//! compact form of a reading that both write as a claim's value.

use super::SourceCoverage;
use crate::corpus::Corpus;
use crate::draft::{self, DraftClaim};
use crate::value::{self, Hedge, Precision, Reading, ValueKind};
use serde::Serialize;
use std::collections::HashSet;

/// A drafted claim, or why there is none, and the mention it is for.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    pub source: String,
    pub line: usize,
    pub column: usize,
    pub mention: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<DraftClaim>,
    /// Why no claim was drafted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_out: Option<String>,
}

/// A suggestion for every uncovered mention of every source, claim ids unique in the corpus.
pub fn suggest(corpus: &Corpus, coverage: &[SourceCoverage]) -> Vec<Suggestion> {
    let mut taken: HashSet<String> = corpus.claims.iter().map(|c| c.id.clone()).collect();
    let priors = draft::Priors::of(corpus);
    let mut out = Vec::new();
    for sc in coverage {
        let Some(source) = corpus.sources.iter().find(|s| s.meta.id == sc.id) else { continue };
        let language = source.meta.language.as_deref().map(|l| l.split('-').next().unwrap_or(l));
        let drafted = draft::draft(corpus, &priors, source, &sc.mentions, language, &mut taken);
        let mut here: Vec<Suggestion> = drafted
            .claims
            .into_iter()
            .map(|d| Suggestion {
                source: sc.id.clone(),
                line: d.line,
                column: d.column,
                mention: d.mention,
                claim: Some(d.claim),
                left_out: None,
            })
            .chain(drafted.unplaced.into_iter().map(|u| Suggestion {
                source: sc.id.clone(),
                line: u.line,
                column: u.column,
                mention: u.mention,
                claim: None,
                left_out: Some(u.reason),
            }))
            .collect();
        here.sort_by_key(|s| (s.line, s.column));
        out.extend(here);
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
            value::read_as(&c, &value::ReadOptions::default(), r.kind)
                .ok()
                .map(|b| (b.kind, b.interval.lo, b.interval.hi))
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
