//! `claimcheck check`: load, verify, link, check, report; `--prune` and `--write-baseline`
//! edit the ledger first.

use super::{CONTRADICTIONS, INPUT_ERROR, OK};
use crate::cli::{CheckArgs, Format, Show};
use claimcheck::check::{Status, Verdict};
use claimcheck::{check, report};
use std::io::Write;

pub fn run(args: CheckArgs) -> u8 {
    let mut err = anstream::stderr();
    let mut run = match super::load(&args.path, "nothing was checked") {
        Ok(run) => run,
        Err(code) => return code,
    };
    if args.prune {
        match check::ledger::edit::prune(&args.path, &run.ledger, &run.outcome) {
            Ok(removed) if removed.is_empty() => {
                let _ = writeln!(err, "no stale entries to prune");
            }
            Ok(removed) => {
                for r in &removed {
                    let fact = claimcheck::text::visible(&r.fact);
                    let _ = writeln!(
                        err,
                        "pruned {} ({fact}) from {}",
                        claimcheck::text::visible(&r.fingerprint),
                        r.path.display()
                    );
                }
                run = super::rerun(&args.path);
            }
            Err(e) => {
                let _ = writeln!(err, "claimcheck: cannot prune: {e}");
                return INPUT_ERROR;
            }
        }
    }
    if args.write_baseline {
        match check::ledger::write_baseline(&args.path, &run.corpus, &run.graph, &run.outcome.findings) {
            Ok(file) => {
                let _ = writeln!(err, "wrote {}", file.display());
                // Report as the baseline now stands.
                run = super::rerun(&args.path);
            }
            Err(e) => {
                let _ = writeln!(err, "claimcheck: cannot write the baseline: {e}");
                return INPUT_ERROR;
            }
        }
    }
    let mut report = run.report();
    report.findings.retain(|f| match args.show {
        Show::All => true,
        Show::Contradictions => f.verdict == Verdict::Contradict,
        Show::New => f.verdict == Verdict::Contradict && f.status == Status::New,
    });
    let text = render(args.format, &report);
    let _ = anstream::stdout().write_all(text.as_bytes());
    if run.outcome.new_contradictions() > 0 { CONTRADICTIONS } else { OK }
}

/// The report in a format; text carries ANSI styles for the caller to keep or strip.
pub fn render(format: Format, report: &report::Report) -> String {
    match format {
        Format::Text => report::text::render(report),
        Format::Json => report::json::render(report),
        Format::Markdown => report::markdown::render(report),
        Format::Html => report::html::render(report),
        Format::Sarif => report::sarif::render(report),
        Format::Github => report::github::render(report),
        Format::Dot => report::dot::render(report),
    }
}
