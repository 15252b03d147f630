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
use crate::value::Reading;
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
        matches!(self.status, Status::Covered { .. } | Status::Uncovered)
    }
}

/// Covered over substantive mentions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figure {
    pub covered: usize,
    pub substantive: usize,
    /// `covered / substantive`; null when the source states nothing.
    pub ratio: Option<f64>,
}

impl Figure {
    pub fn of(mentions: &[Mention]) -> Figure {
        let substantive = mentions.iter().filter(|m| m.is_substantive()).count();
        let covered = mentions.iter().filter(|m| matches!(m.status, Status::Covered { .. })).count();
        let ratio = (substantive > 0).then(|| covered as f64 / substantive as f64);
        Figure { covered, substantive, ratio }
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

/// Finds, classifies and counts the mentions of every source of the corpus.
pub fn measure(corpus: &Corpus, config: &Config) -> Coverage {
    let mut used = vec![false; config.ignore.len()];
    let sources = corpus
        .sources
        .iter()
        .enumerate()
        .map(|(index, source)| {
            let mentions = classify(corpus, index, source, config, &mut used);
            SourceCoverage {
                id: source.meta.id.clone(),
                text: corpus.root.join(&source.text_file),
                coverage: Figure::of(&mentions),
                mentions,
            }
        })
        .collect();
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
        .collect();
    Coverage { sources, warnings }
}

fn classify(corpus: &Corpus, index: usize, source: &Source, config: &Config, used: &mut [bool]) -> Vec<Mention> {
    let text = &source.text;
    // Claims of this source with a located quote, by id so "covered by" is stable.
    let mut quotes: Vec<(&str, usize, usize)> = corpus
        .claims
        .iter()
        .filter(|c| c.source == index)
        .filter_map(|c| c.location.as_ref().map(|l| (c.id.as_str(), widen(text, l.start, l.end))))
        .map(|(id, (start, end))| (id, start, end))
        .collect();
    quotes.sort_unstable();
    let latin_is_foreign = rules::latin_is_foreign(text);
    scan::find(source)
        .into_iter()
        .map(|found| {
            let place =
                rules::Place { text, start: found.start, end: found.end, reading: &found.reading, latin_is_foreign };
            let mention_text = &text[found.start..found.end];
            // A claim's quote outranks the ignore list: an entry naming a repeated mention by
            // its line sets aside only the copy no claim covers.
            let status = if let Some(rule) = rules::skip(&place, config) {
                Status::Skipped { rule }
            } else if let Some((claim, _, _)) =
                quotes.iter().find(|(_, start, end)| *start <= found.start && found.end <= *end)
            {
                Status::Covered { claim: claim.to_string() }
            } else if let Some(k) =
                config.ignore.iter().position(|e| e.matches(&source.meta.id, mention_text, found.line, place.line()))
            {
                used[k] = true;
                Status::Ignored { reason: config.ignore[k].reason.clone() }
            } else {
                Status::Uncovered
            };
            Mention {
                context: scan::context(text, found.start, found.end),
                text: one_line(mention_text),
                value: suggest::compact(&found.reading, mention_text),
                start: found.start,
                end: found.end,
                line: found.line,
                column: found.column,
                reading: found.reading,
                status,
            }
        })
        .collect()
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
