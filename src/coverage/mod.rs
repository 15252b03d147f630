//! Coverage: every figure and date a source states, and whether a claim encodes it.
//!
//! The value reader finds the mentions ([`scan`]); the skip rules set aside what asserts
//! nothing ([`rules`]); the editors' ignore list sets aside what the rules cannot tell
//! ([`config`]); a claim covers a mention when the mention lies inside the claim's located
//! quote. What is left uncovered is what editors still have to encode, and [`suggest`]
//! drafts a claim for each. Nothing here prints.

pub mod config;
pub mod render;
pub mod rules;
pub mod scan;
pub mod suggest;

pub use config::Config;
pub use rules::Rule;

use crate::corpus::{Corpus, Source};
use crate::diagnostic::Diagnostic;
use crate::text::{Mode, fold};
use crate::value::Reading;
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;

/// What became of one mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum Status {
    /// Inside the quote of this claim (the first by id when several).
    Covered {
        claim: String,
    },
    Uncovered,
    /// Not an assertion, by a rule.
    Skipped {
        rule: Rule,
    },
    /// Not an assertion, by the editors' ignore list.
    Ignored {
        reason: String,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    /// Byte range in the original text.
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
    pub line: usize,
    pub column: usize,
    /// The mention as written.
    pub text: String,
    /// Its line, trimmed, with the mention marked.
    pub context: String,
    #[serde(skip)]
    pub reading: Reading,
    /// How it reads, briefly: `~19e6`, `2022-01-05`, `>75%`.
    pub value: String,
    #[serde(flatten)]
    pub status: Status,
}

impl Mention {
    /// An assertion: neither skipped by a rule nor ignored by the editors.
    pub fn is_substantive(&self) -> bool {
        self.status.is_substantive()
    }
}

impl Status {
    /// An assertion: neither skipped by a rule nor ignored by the editors.
    pub fn is_substantive(&self) -> bool {
        matches!(self, Status::Covered { .. } | Status::Uncovered)
    }
}

/// Covered over substantive mentions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Figure {
    pub covered: usize,
    pub substantive: usize,
    /// `covered / substantive`; null when the source states nothing.
    pub ratio: Option<f64>,
}

impl Figure {
    /// The figure of several sources together.
    pub fn total(figures: impl IntoIterator<Item = Figure>) -> Figure {
        figures
            .into_iter()
            .fold(Figure::default(), |t, f| Figure {
                covered: t.covered + f.covered,
                substantive: t.substantive + f.substantive,
                ratio: None,
            })
            .with_ratio()
    }

    /// Counts one more mention.
    fn count(&mut self, status: &Status) {
        self.covered += usize::from(matches!(status, Status::Covered { .. }));
        self.substantive += usize::from(status.is_substantive());
    }

    fn with_ratio(self) -> Figure {
        Figure { ratio: (self.substantive > 0).then(|| self.covered as f64 / self.substantive as f64), ..self }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceCoverage {
    pub id: String,
    pub text: PathBuf,
    pub coverage: Figure,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct Coverage {
    pub sources: Vec<SourceCoverage>,
    /// Ignore entries that match no mention any more.
    pub warnings: Vec<Diagnostic>,
}

impl Coverage {
    pub fn of_source(&self, id: &str) -> Option<&SourceCoverage> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// What a measure keeps of each source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// The figure only (what `check` and the reports show): mentions are counted, and none
    /// is kept with its line and reading.
    Figures,
    /// Every mention, for `claimcheck coverage` and suggestions.
    Mentions,
}

/// Finds, classifies and counts the mentions of every source of the corpus.
pub fn measure(corpus: &Corpus, config: &Config) -> Coverage {
    measure_with(corpus, config, Detail::Mentions)
}

/// [`measure`], keeping what `detail` asks for.
pub fn measure_with(corpus: &Corpus, config: &Config, detail: Detail) -> Coverage {
    // Sources by claims file, the order they load in, whatever order the corpus holds them in.
    let mut order: Vec<usize> = (0..corpus.sources.len()).collect();
    order.sort_by(|&a, &b| corpus.sources[a].file.cmp(&corpus.sources[b].file));
    let mut claims_of: Vec<Vec<usize>> = vec![Vec::new(); corpus.sources.len()];
    for (c, claim) in corpus.claims.iter().enumerate() {
        if let Some(mine) = claims_of.get_mut(claim.source) {
            mine.push(c);
        }
    }
    // A source's mentions are scanned on their own, sources across the cores; the results
    // come back in `order`, so nothing depends on the number of threads.
    let scanned: Vec<(SourceCoverage, Vec<bool>, Option<Diagnostic>)> = order
        .into_par_iter()
        .map(|index| {
            let source = &corpus.sources[index];
            let mut used = vec![false; config.ignore.len()];
            let keep = detail == Detail::Mentions;
            let (mentions, figure, stopped_at) = classify(corpus, &claims_of[index], source, config, keep, &mut used);
            let stopped = stopped_at.map(|at| {
                Diagnostic::warning(
                    corpus.root.join(&source.text_file),
                    source.lines.line_col(&source.text, at),
                    format!("coverage stops here, after the first {} mentions of this text", scan::MAX_MENTIONS),
                )
                .help("the coverage figure counts only those; is this a text, or a table of figures to leave out?")
            });
            let coverage = SourceCoverage {
                id: source.meta.id.clone(),
                text: corpus.root.join(&source.text_file),
                coverage: figure,
                mentions,
            };
            (coverage, used, stopped)
        })
        .collect();
    let mut used = vec![false; config.ignore.len()];
    let mut sources = Vec::with_capacity(scanned.len());
    let mut stopped = Vec::new();
    for (coverage, by_source, stop) in scanned {
        for (u, b) in used.iter_mut().zip(by_source) {
            *u |= b;
        }
        sources.push(coverage);
        stopped.extend(stop);
    }
    let warnings = config
        .ignore
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(e, _)| {
            Diagnostic::warning(
                &config.ignore_file,
                e.position,
                format!("`{}` in {} matches no mention", e.mention, e.source),
            )
            .help("the text or the mention changed: fix the entry's `mention` and `context`, or delete the entry")
        })
        .collect::<Vec<_>>();
    let warnings = stopped.into_iter().chain(warnings).collect();
    Coverage { sources, warnings }
}

/// The mentions of a text not (yet) in the corpus, classified as [`measure`] does: no claim
/// covers any of them, so each is uncovered unless a rule skips it.
pub fn mentions_of(corpus: &Corpus, source: &Source, config: &Config) -> Vec<Mention> {
    let mut used = vec![false; config.ignore.len()];
    classify(corpus, &[], source, config, true, &mut used).0
}

/// The mentions of one source (kept when `keep`), its figure, and where its scan stopped
/// if it held too many. `claims` are the source's claims.
fn classify(
    corpus: &Corpus,
    claims: &[usize],
    source: &Source,
    config: &Config,
    keep: bool,
    used: &mut [bool],
) -> (Vec<Mention>, Figure, Option<usize>) {
    let text = &source.text;
    // Claims of this source with a located quote, by where the quote starts.
    let mut quotes: Vec<(usize, usize, &str)> = claims
        .iter()
        .map(|&c| &corpus.claims[c])
        .filter_map(|c| c.location.as_ref().map(|l| (widen(text, l.start, l.end), c.id.as_str())))
        .map(|((start, end), id)| (start, end, id))
        .collect();
    quotes.sort_unstable();
    let mut covering = Covering { quotes: &quotes, next: 0, open: std::collections::BTreeSet::new() };
    let ignore = IgnoreIndex::new(config, &source.meta.id);
    let latin_is_foreign = rules::latin_is_foreign(text);
    let mut compactor = suggest::Compactor::default();
    // What the rules know of the current line, and the line folded for the ignore list.
    let mut line_facts: Option<(std::ops::Range<usize>, rules::LineFacts)> = None;
    let mut folded_line: Option<(std::ops::Range<usize>, String)> = None;
    let scan = scan::find(source);
    let stopped_at = scan.stopped_at;
    let mut figure = Figure::default();
    let mut mentions = Vec::new();
    for found in scan.found {
        // The line (or lines: a mention may run over a line break) the mention stands on.
        let line = source.lines.line_bounds(text, found.start).start..source.lines.line_bounds(text, found.end).end;
        if line_facts.as_ref().is_none_or(|(at, _)| *at != line) {
            line_facts = Some((line.clone(), rules::LineFacts::of(text, line.clone(), config, latin_is_foreign)));
        }
        let facts = &line_facts.as_ref().expect("set just above").1;
        let place = rules::Place {
            text,
            start: found.start,
            end: found.end,
            reading: &found.reading,
            line: line.clone(),
            facts,
        };
        let mention_text = &text[found.start..found.end];
        // A claim's quote outranks the ignore list: an entry naming a repeated mention by
        // its line sets aside only the copy no claim covers.
        let status = if let Some(rule) = rules::skip(&place, config) {
            Status::Skipped { rule }
        } else if let Some(claim) = covering.at(found.start, found.end) {
            Status::Covered { claim: claim.to_string() }
        } else if let Some(k) = ignore.find(mention_text, |entry| {
            entry.line.is_none_or(|l| l == found.line)
                && entry.context_folded.as_ref().is_none_or(|c| {
                    if folded_line.as_ref().is_none_or(|(at, _)| *at != line) {
                        folded_line = Some((line.clone(), fold(&text[line.clone()], Mode::Match)));
                    }
                    folded_line.as_ref().is_some_and(|(_, f)| f.contains(c.as_str()))
                })
        }) {
            used[k] = true;
            Status::Ignored { reason: config.ignore[k].reason.clone() }
        } else {
            Status::Uncovered
        };
        figure.count(&status);
        if !keep {
            continue;
        }
        mentions.push(Mention {
            context: scan::context(text, line, found.start, found.end),
            text: one_line(mention_text),
            value: compactor.compact(&found.reading, mention_text),
            start: found.start,
            end: found.end,
            line: found.line,
            column: found.column,
            reading: found.reading,
            status,
        });
    }
    (mentions, figure.with_ratio(), stopped_at)
}

/// Which quote covers a mention, for mentions met in text order: quotes open as the
/// mentions reach their start and close once they end before a mention starts, so each
/// mention looks only at the quotes around it, never at every claim.
struct Covering<'a> {
    /// (start, end, claim id), by start.
    quotes: &'a [(usize, usize, &'a str)],
    next: usize,
    /// Quotes that have started: (claim id, end).
    open: std::collections::BTreeSet<(&'a str, usize)>,
}

impl<'a> Covering<'a> {
    /// The first claim by id whose quote holds `start..end`.
    fn at(&mut self, start: usize, end: usize) -> Option<&'a str> {
        while let Some(&(s, e, id)) = self.quotes.get(self.next) {
            if s > start {
                break;
            }
            self.open.insert((id, e));
            self.next += 1;
        }
        // Mentions come in text order: a quote that ends before this one starts is done.
        self.open.retain(|&(_, e)| e > start);
        self.open.iter().find(|&&(_, e)| end <= e).map(|&(id, _)| id)
    }
}

/// The ignore list's entries for one source, by folded mention.
struct IgnoreIndex<'a> {
    entries: &'a [config::IgnoreEntry],
    by_mention: std::collections::HashMap<&'a str, Vec<usize>>,
}

impl<'a> IgnoreIndex<'a> {
    fn new(config: &'a Config, source: &str) -> Self {
        let mut by_mention: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
        for (k, e) in config.ignore.iter().enumerate().filter(|(_, e)| e.source == source) {
            by_mention.entry(e.mention_folded.as_str()).or_default().push(k);
        }
        IgnoreIndex { entries: &config.ignore, by_mention }
    }

    /// The first entry (in file order) for this mention that `fits` its place.
    fn find(&self, mention: &str, mut fits: impl FnMut(&config::IgnoreEntry) -> bool) -> Option<usize> {
        if self.by_mention.is_empty() {
            return None;
        }
        let entries = self.by_mention.get(fold(mention, Mode::Match).as_str())?;
        entries.iter().copied().find(|&k| fits(&self.entries[k]))
    }
}

/// A located quote with the marks at its edges that matching folds away: a quote found
/// as "نحو ١٩ مليوناً" or "نسبتهم ٧٥%" ends at the letter or digit, yet holds what follows.
fn widen(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mark = |c: &char| scan::is_folded_mark(*c) || (!c.is_alphanumeric() && !c.is_whitespace());
    let before: usize = text[..start].chars().rev().take_while(mark).map(char::len_utf8).sum();
    let after: usize = text[end..].chars().take_while(mark).map(char::len_utf8).sum();
    (start - before, end + after)
}

/// Whitespace runs (line breaks included) as one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
