//! claimcheck: do news sources agree on the facts?
//!
//! The pipeline, one module per step: [`corpus`] loads and validates, [`text`] and [`value`]
//! normalize, [`graph`] links claims into facts, [`check`] gives verdicts, [`report`] renders.
//! The library never prints; the binary decides what reaches the terminal.

pub mod atomic;
pub mod check;
pub mod corpus;
pub mod coverage;
pub mod diagnostic;
pub mod draft;
pub mod graph;
pub mod links;
pub mod report;
pub mod text;
pub mod value;

use std::path::Path;

/// One pass of the pipeline over a corpus folder.
pub struct Run {
    pub corpus: corpus::Corpus,
    pub graph: graph::ClaimGraph,
    pub outcome: check::Outcome,
    /// Which mentions of each source the claims cover.
    pub coverage: coverage::Coverage,
    /// The resolutions and baseline the outcome was checked against.
    pub ledger: check::ledger::Ledger,
}

/// The step a run is starting, for progress lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Loading,
    Covering { sources: usize },
    Linking { sources: usize, claims: usize },
    Checking { facts: usize },
}

/// Whether a run keeps each source's text once coverage is measured. Texts are most of a
/// large corpus and only coverage and the HTML page's text view read them; released, they
/// are gone before the claims are linked and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    Keep,
    Release,
}

impl Run {
    /// Loads, links and checks. Input errors end up in `corpus.diagnostics`; when there are
    /// any, the graph and outcome cover only the claims that loaded cleanly.
    pub fn new(root: &Path) -> Run {
        Run::with_progress(root, |_| {})
    }

    /// [`Run::new`], telling `progress` each step as it starts.
    pub fn with_progress(root: &Path, progress: impl FnMut(Stage)) -> Run {
        Run::with_limits(root, &corpus::Limits::default(), progress)
    }

    /// [`Run::with_progress`] with size limits other than the defaults.
    pub fn with_limits(root: &Path, limits: &corpus::Limits, progress: impl FnMut(Stage)) -> Run {
        Run::with_detail(root, limits, coverage::Detail::Mentions, Texts::Keep, progress)
    }

    /// [`Run::with_limits`], keeping of coverage what `detail` asks for (the figures are
    /// all a report of findings shows), and the texts when `texts` says so.
    pub fn with_detail(
        root: &Path,
        limits: &corpus::Limits,
        detail: coverage::Detail,
        texts: Texts,
        mut progress: impl FnMut(Stage),
    ) -> Run {
        progress(Stage::Loading);
        let corpus = corpus::load_with(root, limits);
        Run::finish(corpus, &corpus::DiskFiles::new(root), limits, detail, texts, progress)
    }

    /// A run over files held in memory (tests, fuzzing), ledger files included.
    pub fn from_files(files: &dyn corpus::CorpusFiles, limits: &corpus::Limits) -> Run {
        let corpus = corpus::load_from(files, limits);
        Run::finish(corpus, files, limits, coverage::Detail::Mentions, Texts::Keep, |_| {})
    }

    fn finish(
        mut corpus: corpus::Corpus,
        files: &dyn corpus::CorpusFiles,
        limits: &corpus::Limits,
        detail: coverage::Detail,
        texts: Texts,
        mut progress: impl FnMut(Stage),
    ) -> Run {
        let mut ledger_diagnostics = Vec::new();
        let ledger = check::ledger::Ledger::load(&corpus, files, limits, &mut ledger_diagnostics);
        corpus.diagnostics.extend(ledger_diagnostics);
        let source_ids: Vec<&str> = corpus.sources.iter().map(|s| s.meta.id.as_str()).collect();
        let coverage_config = coverage::Config::load_from(files, limits, &source_ids, &mut corpus.diagnostics);
        diagnostic::sort(&mut corpus.diagnostics);
        progress(Stage::Covering { sources: corpus.sources.len() });
        let coverage = coverage::measure_with(&corpus, &coverage_config, detail);
        if texts == Texts::Release {
            corpus.release_texts();
        }
        progress(Stage::Linking { sources: corpus.sources.len(), claims: corpus.claims.len() });
        let graph = graph::link(&corpus);
        progress(Stage::Checking { facts: graph.facts.len() });
        let outcome = check::check(&corpus, &graph, &ledger);
        Run { corpus, graph, outcome, ledger, coverage }
    }

    pub fn report(&self) -> report::Report<'_> {
        self.report_with(report::Contents::ALL)
    }

    /// [`Run::report`] with only the optional parts a renderer shows.
    pub fn report_with(&self, contents: report::Contents) -> report::Report<'_> {
        let report = report::Report::build_with(&self.corpus, &self.graph, &self.outcome, contents)
            .with_coverage(&self.coverage);
        if contents.visible { report.into_visible() } else { report }
    }
}

/// How a value expression reads, for people: `claimcheck value EXPR`.
pub fn explain_value(r: &value::Reading) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let n = report::Normalized::of(r);
    let _ = writeln!(s, "kind:      {}", serde_plain(&n.kind));
    let _ = writeln!(s, "interval:  {}", check::interval_text(r));
    let _ = writeln!(
        s,
        "nominal:   {}",
        if r.kind == value::ValueKind::Date {
            value::iso_date(r.nominal as i64)
        } else {
            value::format_number(r.nominal)
        }
    );
    let _ = writeln!(s, "hedge:     {}", serde_plain(&n.hedge));
    let _ = writeln!(s, "precision: {}", r.precision.describe());
    if let Some(cal) = r.calendar {
        let _ = writeln!(s, "calendar:  {cal} (converted to Gregorian)");
    }
    if let Some(unit) = r.unit {
        let dimension = value::unit::dimension(unit).map(|d| format!(" ({})", serde_plain(&d))).unwrap_or_default();
        let _ = writeln!(s, "unit:      {unit}{dimension}");
    }
    if !r.year_known {
        let _ = writeln!(s, "note:      no year written; the default year was used");
    }
    s
}

pub(crate) fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}
