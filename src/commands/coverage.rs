//! `claimcheck coverage`: the figures and dates of each source that no claim covers.

use super::OK;
use crate::cli::{CoverageArgs, TextOrJson};
use claimcheck::coverage;

pub fn run(args: CoverageArgs) -> u8 {
    let run = match super::load_with_mentions(&args.path, "coverage was not measured") {
        Ok(run) => run,
        Err(code) => return code,
    };
    let text = if args.suggest {
        let suggestions = coverage::suggest::suggest(&run.corpus, &run.coverage.sources);
        match args.format {
            TextOrJson::Text => coverage::render::suggestions_text(&suggestions, &run.coverage),
            TextOrJson::Json => coverage::render::suggestions_json(&suggestions),
        }
    } else {
        match args.format {
            TextOrJson::Text => coverage::render::text(&run.coverage, args.all),
            TextOrJson::Json => coverage::render::json(&run.coverage, &args.path, args.all),
        }
    };
    super::print_styled(&text);
    OK
}
