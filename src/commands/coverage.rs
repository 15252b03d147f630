//! `claimcheck coverage`: the figures and dates of each source that no claim covers.

use super::{INPUT_ERROR, OK};
use crate::cli::{CoverageArgs, Format};
use claimcheck::{Run, coverage};
use std::io::Write;

pub fn run(args: CoverageArgs) -> u8 {
    let mut err = anstream::stderr();
    let run = Run::new(&args.path);
    for d in &run.corpus.diagnostics {
        let _ = writeln!(err, "{d}");
    }
    if run.corpus.has_errors() {
        let n = run.corpus.diagnostics.iter().filter(|d| d.is_error()).count();
        let _ = writeln!(err, "claimcheck: {n} error(s) in the corpus; coverage was not measured");
        return INPUT_ERROR;
    }
    let text = if args.suggest {
        let suggestions = coverage::suggest::suggest(&run.corpus, &run.coverage.sources);
        match args.format {
            Format::Text => coverage::render::suggestions_text(&suggestions, &run.coverage),
            Format::Json => coverage::render::suggestions_json(&suggestions),
        }
    } else {
        match args.format {
            Format::Text => coverage::render::text(&run.coverage, args.all),
            Format::Json => coverage::render::json(&run.coverage, &args.path, args.all),
        }
    };
    let _ = anstream::stdout().write_all(text.as_bytes());
    OK
}
