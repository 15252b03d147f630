//! `claimcheck check`: load, verify, link, check, report.

use super::{CONTRADICTIONS, INPUT_ERROR, OK};
use crate::cli::{CheckArgs, Format};
use claimcheck::{Run, check, report};
use std::io::Write;

pub fn run(args: CheckArgs) -> u8 {
    let mut err = anstream::stderr();
    let run = match super::load(&args.path, "nothing was checked") {
        Ok(run) => run,
        Err(code) => return code,
    };
    let run = if args.write_baseline {
        match check::ledger::write_baseline(&args.path, &run.corpus, &run.graph, &run.outcome.findings) {
            Ok(file) => {
                let _ = writeln!(err, "wrote {}", file.display());
                // Report as the baseline now stands.
                Run::new(&args.path)
            }
            Err(e) => {
                let _ = writeln!(err, "claimcheck: cannot write the baseline: {e}");
                return INPUT_ERROR;
            }
        }
    } else {
        run
    };
    let text = render(args.format, &run.report());
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
