//! One file per subcommand: each turns its arguments into library calls and output.
//! Exit codes: 0 clean, 1 new unresolved contradictions, 2 input or usage errors.

pub mod check;
pub mod completions;
pub mod coverage;
pub mod draft;
pub mod explain;
pub mod glyphs;
pub mod links;
pub mod man;
pub mod migrate;
mod progress;
pub mod report;
pub mod resolve;
pub mod review;
pub mod value;

use claimcheck::check::Finding;
use claimcheck::check::lookup::{self, LookupError};
use claimcheck::corpus::Limits;
use claimcheck::coverage::Detail;
use claimcheck::report::Contents;
use claimcheck::{Run, Texts};
use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

pub const OK: u8 = 0;
pub const CONTRADICTIONS: u8 = 1;
pub const INPUT_ERROR: u8 = 2;

/// The size limits of the command line, set once by `main`.
static LIMITS: OnceLock<Limits> = OnceLock::new();

/// `text` on standard output, its ANSI styles kept or stripped as `--color` and the terminal
/// say, buffered: written to the line-buffered stream, every run of text between two styles
/// and every line was a system call of its own (15,740 for the 100k text report).
pub fn print_styled(text: &str) {
    let choice = anstream::AutoStream::choice(&std::io::stdout());
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let _ = anstream::AutoStream::new(&mut out as &mut dyn Write, choice).write_all(text.as_bytes());
    let _ = out.flush();
}

pub fn set_limits(limits: Limits) {
    let _ = LIMITS.set(limits);
}

pub fn limits() -> Limits {
    LIMITS.get().copied().unwrap_or_default()
}

/// The pipeline again, without progress or printing (after a command rewrote the ledger).
pub fn rerun(root: &Path, texts: Texts) -> Run {
    Run::with_detail(root, &limits(), Detail::Figures, texts, |_| {})
}

/// Runs the pipeline on a corpus (with a progress line on a terminal) and prints its
/// diagnostics; on input errors says what was not done and gives the exit code. Coverage
/// is measured to its figures: [`load_with_mentions`] keeps every mention.
pub fn load(root: &Path, not_done: &str) -> Result<Run, u8> {
    load_keeping(root, Detail::Figures, Texts::Keep, not_done)
}

/// [`load`] for a report with these contents: the texts are let go of once coverage is
/// measured unless the report shows them (the HTML page).
pub fn load_for_report(root: &Path, contents: Contents, not_done: &str) -> Result<Run, u8> {
    load_keeping(root, Detail::Figures, texts_for(contents), not_done)
}

/// Whether a run for a report with these contents keeps the texts.
pub fn texts_for(contents: Contents) -> Texts {
    if contents.texts { Texts::Keep } else { Texts::Release }
}

/// [`load`], keeping every mention of coverage (`claimcheck coverage`).
pub fn load_with_mentions(root: &Path, not_done: &str) -> Result<Run, u8> {
    load_keeping(root, Detail::Mentions, Texts::Keep, not_done)
}

fn load_keeping(root: &Path, detail: Detail, texts: Texts, not_done: &str) -> Result<Run, u8> {
    let mut progress = progress::Progress::new(root);
    let run = Run::with_detail(root, &limits(), detail, texts, |stage| progress.show(stage));
    progress.clear();
    let mut err = anstream::stderr();
    for d in &run.corpus.diagnostics {
        let _ = writeln!(err, "{d}");
    }
    if run.corpus.has_errors() {
        let n = run.corpus.diagnostics.iter().filter(|d| d.is_error()).count();
        let _ = writeln!(err, "claimcheck: {n} error(s) in the corpus; {not_done}");
        return Err(INPUT_ERROR);
    }
    Ok(run)
}

/// The finding a fingerprint or a unique prefix of it names; otherwise says which are near.
pub fn finding<'a>(run: &'a Run, query: &str) -> Result<&'a Finding, u8> {
    let (message, shown) = match lookup::find(&run.outcome.findings, query) {
        Ok(f) => return Ok(f),
        Err(LookupError::Ambiguous(all)) => {
            (format!("`{query}` starts {} fingerprints; type more of it:", all.len()), all)
        }
        Err(LookupError::Unknown(near)) => {
            let stale = run.outcome.stale_resolutions.iter().chain(&run.outcome.stale_baseline);
            let stale = if stale.into_iter().any(|e| e.fingerprint.starts_with(&query.trim().to_ascii_lowercase())) {
                " (a stale ledger entry has it: `claimcheck check --prune` removes those)"
            } else {
                ""
            };
            (format!("no finding has the fingerprint `{query}`{stale}; the nearest:"), near)
        }
    };
    let mut err = anstream::stderr();
    let _ = writeln!(err, "error: {}", claimcheck::text::visible(&message));
    for f in shown {
        let _ = writeln!(err, "  {}  {}", f.fingerprint, claimcheck::text::visible(&f.key));
    }
    let _ = writeln!(err, "  help: `claimcheck check` lists every finding with its fingerprint");
    Err(INPUT_ERROR)
}
