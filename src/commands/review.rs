//! `claimcheck review [PATH]`: walk the contradictions that fail the build one by one, as
//! `cargo insta review` walks snapshots, and decide each: resolve it, add it to the
//! baseline, skip it, or stop. Then offer the baselined ones, which stay open.
//! Answers are read a line at a time from any reader, so tests drive the same loop.

use super::resolve::{decision_date, record};
use super::{INPUT_ERROR, OK};
use claimcheck::check::ledger::{BaselineEntry, decision, edit};
use claimcheck::check::{Finding, Status};
use claimcheck::report::explain::{self, Explanation};
use claimcheck::{Run, report::Report};
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(after_help = "Keys (then Enter): r resolve (asks for a status, then a note), b add to the baseline, \
s skip, q quit.

Examples:
  claimcheck review                           the corpus in claims/
  claimcheck review tests/fixtures/two-sources")]
pub struct ReviewArgs {
    /// The corpus folder.
    #[arg(default_value = "claims")]
    pub path: PathBuf,
    /// The day of the decisions, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Read the answers from stdin, a line each, without a terminal (for tests).
    #[arg(long, hide = true)]
    pub no_tty: bool,
}

pub fn run(args: ReviewArgs) -> u8 {
    review(args).unwrap_or_else(|code| code)
}

/// `Err` carries the exit code of an error already reported.
fn review(args: ReviewArgs) -> Result<u8, u8> {
    let on_terminal = io::stdin().is_terminal() && io::stdout().is_terminal();
    if !(on_terminal || args.no_tty) {
        let _ = writeln!(
            anstream::stderr(),
            "error: review needs a terminal; use `claimcheck resolve FINGERPRINT --status … --note …`"
        );
        return Err(INPUT_ERROR);
    }
    let date = decision_date(args.date.as_deref())?;
    let run = super::load(&args.path, "nothing to review")?;
    let session = Session { root: &args.path, run: &run, report: run.report(), date };
    session.walk(&mut io::stdin().lock(), &mut anstream::stdout()).map(|()| OK).map_err(|e| {
        let _ = writeln!(anstream::stderr(), "error: {e}");
        INPUT_ERROR
    })
}

struct Session<'a> {
    root: &'a Path,
    run: &'a Run,
    report: Report<'a>,
    date: String,
}

/// What became of the findings walked.
#[derive(Debug, Default)]
struct Tally {
    resolved: usize,
    baselined: usize,
    skipped: usize,
}

enum Next {
    Finding,
    Quit,
}

impl Session<'_> {
    /// The contradictions whose status passes `wanted`, in the order of the report (by fact).
    fn queue(&self, wanted: impl Fn(Status) -> bool) -> Vec<&Finding> {
        self.report
            .findings
            .iter()
            .filter(|f| f.status.is_some_and(&wanted))
            .filter_map(|f| self.run.outcome.findings.iter().find(|x| x.fingerprint == f.fingerprint))
            .collect()
    }

    /// What fails the build first (new and re-opened contradictions); then, if the editor
    /// wants, the baselined ones.
    fn walk(&self, input: &mut impl BufRead, out: &mut impl Write) -> io::Result<()> {
        let failing = self.queue(Status::fails_build);
        let baselined = self.queue(|s| s == Status::Baselined);
        let mut tally = Tally::default();
        let mut walked = failing.len();
        let mut next = Next::Finding;
        if failing.is_empty() {
            writeln!(out, "Nothing fails the build: no new or re-opened contradiction.")?;
        } else {
            next = self.walk_queue(&failing, &mut tally, input, out)?;
        }
        if let (Next::Finding, false) = (next, baselined.is_empty()) {
            let prompt =
                format!("\n{} baselined contradiction(s) stay open; review them too? [y/N] > ", baselined.len());
            if matches!(ask(input, out, &prompt)?.as_deref(), Some("y" | "yes")) {
                walked += baselined.len();
                self.walk_queue(&baselined, &mut tally, input, out)?;
            }
        }
        if walked == 0 {
            return Ok(());
        }
        let left = walked - tally.resolved - tally.baselined - tally.skipped;
        writeln!(
            out,
            "\nReviewed: {} resolved, {} baselined, {} skipped, {left} left.",
            tally.resolved, tally.baselined, tally.skipped
        )
    }

    fn walk_queue(
        &self,
        queue: &[&Finding],
        tally: &mut Tally,
        input: &mut impl BufRead,
        out: &mut impl Write,
    ) -> io::Result<Next> {
        for (i, finding) in queue.iter().enumerate() {
            writeln!(out, "\n── {} of {} ──", i + 1, queue.len())?;
            if let Some(e) = Explanation::build(self.run, &self.report, finding) {
                out.write_all(explain::text::render(&e).as_bytes())?;
            }
            if let Next::Quit = self.decide(finding, tally, input, out)? {
                return Ok(Next::Quit);
            }
        }
        Ok(Next::Finding)
    }

    fn decide(
        &self,
        finding: &Finding,
        tally: &mut Tally,
        input: &mut impl BufRead,
        out: &mut impl Write,
    ) -> io::Result<Next> {
        loop {
            let Some(key) = ask(input, out, "\n[r]esolve  [b]aseline  [s]kip  [q]uit > ")? else {
                return Ok(Next::Quit);
            };
            match key.as_str() {
                "r" | "resolve" => {
                    if self.resolve(finding, input, out)? {
                        tally.resolved += 1;
                        return Ok(Next::Finding);
                    }
                }
                "b" | "baseline" => {
                    let entry = BaselineEntry::of(&self.run.corpus, finding);
                    match edit::record_baseline(self.root, &self.run.ledger, &entry) {
                        Ok(w) => writeln!(out, "added {} to {}", entry.fingerprint, w.path.display())?,
                        Err(e) => return Err(io::Error::other(e.to_string())),
                    }
                    tally.baselined += 1;
                    return Ok(Next::Finding);
                }
                "s" | "skip" => {
                    tally.skipped += 1;
                    return Ok(Next::Finding);
                }
                "q" | "quit" => return Ok(Next::Quit),
                _ => writeln!(out, "keys: r resolve, b add to the baseline, s skip, q quit")?,
            }
        }
    }

    /// Asks for a status, then a note, and writes the resolution; false when the editor
    /// goes back (an empty status) or the input ends.
    fn resolve(&self, finding: &Finding, input: &mut impl BufRead, out: &mut impl Write) -> io::Result<bool> {
        let ids: Vec<String> = finding.claims.iter().map(|&c| self.run.corpus.claims[c].id.clone()).collect();
        let names: Vec<&str> = decision::STATUSES.iter().map(|(name, _)| *name).collect();
        let status = loop {
            let Some(status) = ask(input, out, &format!("status ({}; empty: back) > ", names.join(", ")))? else {
                return Ok(false);
            };
            if status.is_empty() {
                return Ok(false);
            }
            match decision::validate_status(&status, &ids) {
                Ok(()) => break status,
                Err(e) => write!(out, "{e}")?,
            }
        };
        let note = loop {
            let Some(note) = ask(input, out, "note > ")? else { return Ok(false) };
            if !note.is_empty() {
                break note;
            }
            writeln!(out, "a resolution needs a note saying why")?;
        };
        let done = record(self.root, self.run, finding, &status, &note, &self.date).map_err(io::Error::other)?;
        writeln!(out, "{done}")?;
        Ok(true)
    }
}

/// Prints the prompt and reads one answer, trimmed; `None` at the end of the input.
fn ask(input: &mut impl BufRead, out: &mut impl Write, prompt: &str) -> io::Result<Option<String>> {
    write!(out, "{prompt}")?;
    out.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        writeln!(out)?;
        return Ok(None);
    }
    Ok(Some(line.trim().to_string()))
}
