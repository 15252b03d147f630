//! One result model for every reader; renderers (one file per format) only lay it out.

mod agreement;
pub mod dot;
pub mod explain;
pub mod github;
mod highlight;
pub mod html;
pub mod json;
mod layout;
pub mod markdown;
pub mod sarif;
pub mod text;
mod visible;

pub use agreement::SourcePair;
pub use layout::{claims_of, isolate_rtl, verdict_label};

use crate::check::{self, Outcome, Relation, Status, Verdict};
use crate::corpus::raw::RawValue;
use crate::corpus::{Corpus, Value};
use crate::diagnostic::Diagnostic;
use crate::graph::ClaimGraph;
use crate::value::{self, Hedge, Precision, ValueKind};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A claim id as findings and pairs name it: one allocation per claim, shared by every
/// finding and pair that names the claim (a fact cited ten times has 45 pairs).
pub type ClaimId = std::sync::Arc<str>;

/// Text that many claims of the report share (a source id, an entity or property id, a fact
/// key): made once, not once per claim.
pub type Shared = std::sync::Arc<str>;

/// Bumped when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 2;

/// `json::write` lays out these fields by hand, in this order, to write the claims and
/// findings across cores; a test holds its bytes to this derived layout.
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    pub schema_version: u32,
    pub corpus: PathBuf,
    pub summary: Summary,
    pub sources: Vec<SourceSummary>,
    /// Every pair of sources: the facts on which they agree, contradict, cannot be compared.
    pub agreement: Vec<SourcePair>,
    pub claims: Claims<'a>,
    pub findings: Vec<FindingOut<'a>>,
    /// Facts that may be one fact under two keys (see `claimcheck links`).
    pub links: Vec<crate::links::NearMiss>,
    /// Claims whose figure the source lost: listed, never compared.
    pub missing: Vec<String>,
    /// The same claims as the corpus numbers them, for [`Claims::get`].
    #[serde(skip)]
    pub missing_claims: Vec<usize>,
    pub stale: Stale,
    pub diagnostics: Vec<Diagnostic>,
    /// Hidden characters already shown as their code points ([`Report::into_visible`]).
    #[serde(skip)]
    pub visible: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub sources: usize,
    pub claims: usize,
    pub facts: usize,
    /// Facts stated by two sources or more.
    pub facts_across_sources: usize,
    pub agree: usize,
    pub contradict: usize,
    pub not_comparable: usize,
    /// Contradictions by status; `new` counts the re-opened too: what fails the build.
    pub new: usize,
    pub baselined: usize,
    pub resolved: usize,
    pub missing: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceSummary {
    pub id: String,
    pub title: String,
    /// BCP 47, as the source file gives it: renderers set the direction of its quotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub text: PathBuf,
    pub claims: usize,
    /// Claims that another source's claim agrees with.
    pub corroborated: usize,
    /// Claims in a contradiction (with any claim, this source's own included).
    pub contradicted: usize,
    /// Claims about facts no other source states.
    pub single_source: usize,
    pub missing: usize,
    /// Independent corroboration and a truth-discovery score (see `check::reliability`).
    pub reliability: check::reliability::Reliability,
    /// Substantive mentions of figures and dates in the text that claims cover.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<crate::coverage::Figure>,
    /// The text as stored and its private-use glyphs, for reports that show the text (the
    /// HTML page's text view); not in the JSON.
    #[serde(skip)]
    pub body: String,
    #[serde(skip)]
    pub glyphs: crate::text::GlyphMap,
}

#[derive(Debug, Clone, Serialize)]
pub struct Place {
    /// Shared by every claim of one source.
    pub file: std::sync::Arc<Path>,
    pub line: usize,
    pub column: usize,
}

/// A claim as reports show it. What the claim file wrote (qualifiers, value, units, date) is
/// borrowed from the corpus, and copied only where the visible pass changes it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ClaimOut<'a> {
    /// Shared with the findings and pairs that name the claim.
    pub id: ClaimId,
    pub source: Shared,
    pub subject: Shared,
    pub property: Shared,
    #[serde(skip_serializing_if = "no_qualifiers")]
    pub qualifiers: Cow<'a, BTreeMap<String, String>>,
    pub value: Cow<'a, RawValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Cow<'a, str>>,
    /// The unit its value is compared in, for a property with a dimension (the dimension's
    /// base unit, or the currency).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compared_in: Option<Cow<'a, str>>,
    /// The value converted to the unit it is compared in, when that is another unit:
    /// `1294079889250 m3` for `45.7` tcf.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub converted: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Shared>,
    /// How the value reads; absent for entities, sets and missing values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalized: Option<Normalized>,
    /// The quote as people read it: private-use glyphs decoded through the source's map.
    pub quote: Shared,
    /// The quote as the claim writes it, when that differs (private-use glyphs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_as_written: Option<String>,
    /// Where the quote states the value: byte ranges of `quote`, for highlighting.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub value_in_quote: Vec<Span>,
    /// Where the quote stands in the source text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_location: Option<Place>,
    /// Where the quote stands in its source's [`SourceSummary::body`]: a byte range.
    #[serde(skip)]
    pub quote_span: Option<Span>,
    /// Where the claim is written.
    pub claim_location: Place,
    /// The fingerprint-independent key of the fact it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<Shared>,
}

fn no_qualifiers(q: &BTreeMap<String, String>) -> bool {
    q.is_empty()
}

/// A byte range of a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Default for Place {
    fn default() -> Self {
        Place { file: Path::new("").into(), line: 0, column: 0 }
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span { start: r.start, end: r.end }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Normalized {
    pub kind: ValueKind,
    /// Numbers, or ISO dates for dates; null is unbounded.
    pub lo: serde_json::Value,
    pub hi: serde_json::Value,
    pub hedge: Hedge,
    pub precision: Precision,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<&'static str>,
}

impl Normalized {
    pub fn of(r: &value::Reading) -> Self {
        let bound = |v: Option<f64>| match v {
            None => serde_json::Value::Null,
            Some(v) if r.kind == ValueKind::Date => value::iso_date(v as i64).into(),
            Some(v) => serde_json::json!(v),
        };
        Normalized {
            kind: r.kind,
            lo: bound(r.interval.lo),
            hi: bound(r.interval.hi),
            hedge: r.hedge,
            precision: r.precision,
            calendar: r.calendar,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingOut<'a> {
    pub fingerprint: String,
    pub fact: String,
    pub verdict: Verdict,
    pub reason: &'static str,
    pub explanation: String,
    /// Contradictions only: `new`, `reopened`, `baselined` or `resolved`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The claims that re-opened a decided contradiction, each with why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reopened: Vec<ReopenedBy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<check::ledger::Resolution>,
    pub claims: Vec<ClaimId>,
    /// The same claims as the corpus numbers them, for [`Claims::of`].
    #[serde(skip)]
    pub members: Vec<usize>,
    pub pairs: Pairs<'a>,
}

/// A finding's pairs of claims as the checker compared them: its own list, shared rather
/// than copied (a fact cited ten times has 45 pairs; a million claims make millions), named
/// through the report's one table of claim ids.
#[derive(Debug, Clone)]
pub struct Pairs<'a> {
    list: Arc<[check::Pair]>,
    ids: Arc<[ClaimId]>,
    /// The corpus the pairs' words are made from, when the report shows them: made as each
    /// pair is shown, never held (the JSON report of a million claims has millions).
    words: Option<&'a Corpus>,
    /// The words with hidden characters shown as their code points.
    visible: bool,
}

/// One pair of [`Pairs`], named.
#[derive(Debug, Clone, Serialize)]
pub struct PairOut<'a> {
    pub a: &'a str,
    pub b: &'a str,
    pub relation: Relation,
    pub reason: &'static str,
    pub explanation: std::borrow::Cow<'a, str>,
}

impl<'a> Pairs<'a> {
    /// `words`: the corpus, when the report shows why each pair relates as it does.
    pub fn new(list: Arc<[check::Pair]>, ids: Arc<[ClaimId]>, words: Option<&'a Corpus>) -> Pairs<'a> {
        Pairs { list, ids, words, visible: false }
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = PairOut<'_>> {
        // Each claim's value in words once, not once for each pair that names it.
        let words = match self.words {
            Some(corpus) => check::ValueWords::of(corpus, self.list.iter().flat_map(|p| [p.a(), p.b()])),
            None => check::ValueWords::default(),
        };
        self.list.iter().map(move |p| PairOut {
            a: &self.ids[p.a()],
            b: &self.ids[p.b()],
            relation: p.relation,
            reason: p.reason,
            explanation: match self.words {
                None => "".into(),
                Some(corpus) if self.visible => {
                    crate::text::visible(&check::explanation_with(corpus, p, &words)).into_owned().into()
                }
                Some(corpus) => check::explanation_with(corpus, p, &words).into(),
            },
        })
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

impl Serialize for Pairs<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// A claim that agrees with none of the values an editor decided.
#[derive(Debug, Clone, Serialize)]
pub struct ReopenedBy {
    pub claim: String,
    pub source: String,
    pub why: String,
}

/// A ledger entry that matches no contradiction any more.
#[derive(Debug, Clone, Serialize)]
pub struct StaleOut {
    pub fingerprint: String,
    pub fact: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Stale {
    pub resolutions: Vec<StaleOut>,
    pub baseline: Vec<StaleOut>,
}

/// The parts of a report that only some renderers show, and that cost time or memory at
/// scale: leave them out when the format does not show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contents {
    /// Near-miss links between facts (the JSON report).
    pub links: bool,
    /// Each source's whole text (the HTML page's text view).
    pub texts: bool,
    /// Why each pair of claims relates as it does, in words (JSON, HTML, DOT); the others
    /// show each finding's summary.
    pub pair_explanations: bool,
    /// Where each quote states its value (JSON; HTML and Markdown highlight it).
    pub highlights: bool,
    /// Hidden characters shown as their code points, in place (text, Markdown, SARIF,
    /// GitHub, DOT: see [`Report::visible`]); JSON and HTML keep the text as written.
    pub visible: bool,
}

impl Contents {
    /// Everything, as written.
    pub const ALL: Contents =
        Contents { links: true, texts: true, pair_explanations: true, highlights: true, visible: false };
}

impl<'a> Report<'a> {
    pub fn build(corpus: &'a Corpus, graph: &'a ClaimGraph, outcome: &Outcome) -> Report<'a> {
        Report::build_with(corpus, graph, outcome, Contents::ALL)
    }

    /// [`Report::build`] with only the optional parts a renderer shows.
    pub fn build_with(corpus: &'a Corpus, graph: &'a ClaimGraph, outcome: &Outcome, contents: Contents) -> Report<'a> {
        let order = Order::of(corpus);
        // One after another, not across cores: run together (a second thread allocates from
        // a second glibc arena) they raised the peak of a 1M run by 130 to 250 MiB.
        let sources = source_summaries(corpus, graph, outcome, &order.sources, contents.texts);
        let agreement = agreement::source_pairs(corpus, outcome, &order.sources);
        let names = graph.shared_names(corpus);
        let id = |c: usize| names.claims[c].clone();
        let mut findings: Vec<FindingOut> = outcome
            .findings
            .par_iter()
            .map(|f| FindingOut {
                fingerprint: f.fingerprint.clone(),
                fact: f.key.clone(),
                verdict: f.verdict,
                reason: f.reason,
                explanation: f.explanation.clone(),
                status: f.status,
                reopened: f
                    .reopened
                    .iter()
                    .map(|r| ReopenedBy {
                        claim: corpus.claims[r.claim].id.clone(),
                        source: corpus.sources[corpus.claims[r.claim].source].meta.id.clone(),
                        why: r.why.clone(),
                    })
                    .collect(),
                resolution: f.resolution.clone(),
                claims: f.claims.iter().map(|&c| id(c)).collect(),
                members: f.claims.clone(),
                pairs: Pairs::new(f.pairs.clone(), names.claims.clone(), contents.pair_explanations.then_some(corpus)),
            })
            .collect();
        findings.sort_by(|a, b| {
            (a.verdict, a.status, &a.fact, &a.fingerprint).cmp(&(b.verdict, b.status, &b.fact, &b.fingerprint))
        });

        let missing_claims: Vec<usize> =
            order.claims.iter().copied().filter(|&c| corpus.claims[c].value == Value::Missing).collect();
        let missing: Vec<String> = missing_claims.iter().map(|&c| corpus.claims[c].id.clone()).collect();
        let contradictions = || outcome.findings.iter().filter(|f| f.verdict == Verdict::Contradict);
        let summary = Summary {
            sources: corpus.sources.len(),
            claims: corpus.claims.len(),
            facts: graph.facts.len(),
            facts_across_sources: (0..graph.facts.len()).filter(|&f| graph.sources_of(corpus, f).len() > 1).count(),
            agree: outcome.findings.iter().filter(|f| f.verdict == Verdict::Agree).count(),
            contradict: contradictions().count(),
            not_comparable: outcome.findings.iter().filter(|f| f.verdict == Verdict::NotComparable).count(),
            new: outcome.failing().count(),
            baselined: contradictions().filter(|f| f.status == Some(Status::Baselined)).count(),
            resolved: contradictions().filter(|f| f.status == Some(Status::Resolved)).count(),
            missing: missing.len(),
        };
        let links = if contents.links { crate::links::near_misses_named(corpus, graph, &names) } else { Vec::new() };
        Report {
            schema_version: SCHEMA_VERSION,
            corpus: corpus.root.clone(),
            summary,
            sources,
            agreement,
            claims: Claims::new(corpus, graph, names, order.claims, contents.highlights),
            findings,
            links,
            missing,
            missing_claims,
            stale: Stale { resolutions: stale(&outcome.stale_resolutions), baseline: stale(&outcome.stale_baseline) },
            diagnostics: corpus.diagnostics.clone(),
            visible: false,
        }
    }

    /// Adds each source's coverage figure.
    pub fn with_coverage(mut self, coverage: &crate::coverage::Coverage) -> Report<'a> {
        for s in &mut self.sources {
            s.coverage = coverage.of_source(&s.id).map(|c| c.coverage);
        }
        self
    }

    pub fn source(&self, id: &str) -> Option<&SourceSummary> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// The report's claims, each made when a renderer reads it from the corpus the report
/// borrows: a report of a million claims never holds them all at once (520 bytes each).
#[derive(Clone)]
pub struct Claims<'a> {
    corpus: &'a Corpus,
    fact_of: &'a [Option<usize>],
    names: Arc<ClaimNames>,
    /// Claims as the corpus numbers them, in the report's order.
    order: Arc<[usize]>,
    /// Where each quote states its value (JSON, HTML, Markdown).
    highlights: bool,
    /// Hidden characters shown as their code points ([`Report::into_visible`]).
    pub(crate) visible: bool,
}

/// What claims share, made once: ids of claims, sources, entities, properties and facts,
/// and each source's two files.
struct ClaimNames {
    shared: crate::graph::SharedNames,
    sources: Vec<Shared>,
    entities: Vec<Shared>,
    properties: Vec<Shared>,
    text_files: Vec<Arc<Path>>,
    source_files: Vec<Arc<Path>>,
    none: Shared,
}

/// Claims (or findings, in the text report) made at a time, across cores, when all are
/// read in order.
const BATCH: usize = 4096;

impl<'a> Claims<'a> {
    fn new(
        corpus: &'a Corpus,
        graph: &'a ClaimGraph,
        shared: crate::graph::SharedNames,
        order: Vec<usize>,
        highlights: bool,
    ) -> Claims<'a> {
        let reg = &corpus.registry;
        let names = ClaimNames {
            shared,
            sources: corpus.sources.iter().map(|s| s.meta.id.as_str().into()).collect(),
            entities: reg.entities.iter().map(|e| e.id.as_str().into()).collect(),
            properties: reg.properties.iter().map(|p| p.id.as_str().into()).collect(),
            text_files: corpus.sources.iter().map(|s| corpus.root.join(&s.text_file).into()).collect(),
            source_files: corpus.sources.iter().map(|s| Arc::from(s.file.as_path())).collect(),
            none: Shared::from(""),
        };
        Claims {
            corpus,
            fact_of: &graph.fact_of,
            names: Arc::new(names),
            order: order.into(),
            highlights,
            visible: false,
        }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Every claim in the report's order, made a batch at a time.
    pub fn iter(&self) -> impl Iterator<Item = ClaimOut<'a>> + '_ {
        self.order.chunks(BATCH).flat_map(|batch| batch.par_iter().map(|&c| self.get(c)).collect::<Vec<_>>())
    }

    /// A finding's claims, in its order.
    pub fn of(&self, finding: &FindingOut) -> Vec<ClaimOut<'a>> {
        finding.members.iter().map(|&c| self.get(c)).collect()
    }

    /// The claim the corpus numbers `i`, as the report shows it.
    pub fn get(&self, i: usize) -> ClaimOut<'a> {
        let (corpus, names) = (self.corpus, &*self.names);
        let c = &corpus.claims[i];
        let source = &corpus.sources[c.source];
        let quote = source.decode(&c.quote);
        let mut out = ClaimOut {
            id: names.shared.claims[i].clone(),
            source: names.sources[c.source].clone(),
            subject: names.entities.get(c.subject).unwrap_or(&names.none).clone(),
            property: names.properties.get(c.property).unwrap_or(&names.none).clone(),
            qualifiers: Cow::Borrowed(&c.qualifiers),
            value: Cow::Borrowed(&c.raw_value),
            unit: c.unit.as_deref().map(Cow::Borrowed),
            compared_in: c.compared_in.as_deref().map(Cow::Borrowed),
            converted: match &c.value {
                Value::Reading(r) if c.compared_in.is_some() && c.compared_in != c.unit => Some(check::compared(c, r)),
                _ => None,
            },
            as_of: c.as_of_raw.as_deref().map(Cow::Borrowed),
            attributed_to: c.attributed_to.and_then(|e| names.entities.get(e).cloned()),
            normalized: match &c.value {
                Value::Reading(r) => Some(Normalized::of(r)),
                _ => None,
            },
            value_in_quote: match self.highlights {
                true => highlight::value_in_quote(corpus, c, &quote),
                false => Vec::new(),
            },
            quote_as_written: (quote != *c.quote).then(|| c.quote.to_string()),
            quote: match quote {
                Cow::Borrowed(_) => c.quote.clone(),
                Cow::Owned(decoded) => decoded.into(),
            },
            quote_location: c.location.as_ref().map(|l| Place {
                file: names.text_files[c.source].clone(),
                line: l.line,
                column: l.column,
            }),
            quote_span: c.location.as_ref().map(|l| Span { start: l.start, end: l.end }),
            claim_location: Place {
                file: names.source_files[c.source].clone(),
                line: c.position.0,
                column: c.position.1,
            },
            fact: self.fact_of.get(i).copied().flatten().map(|f| names.shared.facts[f].clone()),
        };
        if self.visible {
            out.show_hidden();
        }
        out
    }
}

impl Serialize for Claims<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl std::fmt::Debug for Claims<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

fn stale(entries: &[check::ledger::StaleEntry]) -> Vec<StaleOut> {
    entries.iter().map(|e| StaleOut { fingerprint: e.fingerprint.clone(), fact: e.fact.clone() }).collect()
}

/// The order a report lists sources and claims in: sources by claims file, claims by where
/// they are written. It is the order the loader reads them in, stated here so that no
/// output depends on the order the corpus happens to hold them in.
struct Order {
    sources: Vec<usize>,
    claims: Vec<usize>,
}

impl Order {
    fn of(corpus: &Corpus) -> Order {
        let mut sources: Vec<usize> = (0..corpus.sources.len()).collect();
        sources.sort_by(|&a, &b| corpus.sources[a].file.cmp(&corpus.sources[b].file));
        let mut rank = vec![0; corpus.sources.len()];
        for (r, &s) in sources.iter().enumerate() {
            rank[s] = r;
        }
        let mut claims: Vec<usize> = (0..corpus.claims.len()).collect();
        claims.sort_by_key(|&c| {
            let claim = &corpus.claims[c];
            (rank.get(claim.source).copied().unwrap_or(usize::MAX), claim.position, c)
        });
        Order { sources, claims }
    }
}

fn source_summaries(
    corpus: &Corpus,
    graph: &ClaimGraph,
    outcome: &Outcome,
    order: &[usize],
    texts: bool,
) -> Vec<SourceSummary> {
    let n = corpus.claims.len();
    let reliability = check::reliability::assess(corpus, outcome);
    let (mut corroborated, mut contradicted) = (vec![false; n], vec![false; n]);
    for f in &outcome.findings {
        for p in f.pairs.iter() {
            match p.relation {
                Relation::Agree if corpus.claims[p.a()].source != corpus.claims[p.b()].source => {
                    corroborated[p.a()] = true;
                    corroborated[p.b()] = true;
                }
                Relation::Contradict => {
                    contradicted[p.a()] = true;
                    contradicted[p.b()] = true;
                }
                _ => {}
            }
        }
    }
    let mut by_source: Vec<Vec<usize>> = vec![Vec::new(); corpus.sources.len()];
    for (c, claim) in corpus.claims.iter().enumerate() {
        by_source[claim.source].push(c);
    }
    let spans_sources: Vec<bool> = (0..graph.facts.len()).map(|f| graph.sources_of(corpus, f).len() > 1).collect();
    order
        .iter()
        .map(|&s| ((&corpus.sources[s], &by_source[s]), reliability[s].clone()))
        .map(|((source, mine), reliability)| {
            let single = mine.iter().filter(|&&c| graph.fact_of[c].is_none_or(|f| !spans_sources[f])).count();
            SourceSummary {
                id: source.meta.id.clone(),
                title: source.meta.title.clone(),
                language: source.meta.language.clone(),
                text: corpus.root.join(&source.text_file),
                claims: mine.len(),
                corroborated: mine.iter().filter(|&&c| corroborated[c]).count(),
                contradicted: mine.iter().filter(|&&c| contradicted[c]).count(),
                single_source: single,
                missing: mine.iter().filter(|&&c| corpus.claims[c].value == Value::Missing).count(),
                reliability,
                coverage: None,
                body: if texts { source.text.clone() } else { String::new() },
                glyphs: if texts { source.glyphs.clone() } else { Default::default() },
            }
        })
        .collect()
}
