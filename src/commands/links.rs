//! `claimcheck links [PATH]`: facts that may be one fact under two keys, with the evidence
//! and the edit that would link them.

use super::OK;
use crate::cli::TextOrJson;
use claimcheck::links::{self, Sign};
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Exit codes: 0 listed (whatever it finds), 2 an input error.

Examples:
  claimcheck links                            the corpus in claims/
  claimcheck links --format json              the same, for machines (also in `check --format json`)")]
pub struct LinksArgs {
    /// The corpus folder.
    #[arg(default_value = "claims")]
    pub path: PathBuf,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

pub fn run(args: LinksArgs) -> u8 {
    let run = match super::load(&args.path, "nothing was linked") {
        Ok(run) => run,
        Err(code) => return code,
    };
    let found = links::near_misses(&run.corpus, &run.graph);
    let text = match args.format {
        TextOrJson::Json => claimcheck::report::json::pretty(&serde_json::json!({ "links": found })),
        TextOrJson::Text => {
            let mut out = String::new();
            for m in &found {
                let sign = match m.sign {
                    Sign::QualifiersDiffer => "qualifiers differ",
                    Sign::SubjectsNested => "subjects nested",
                    Sign::SimilarQuotes => "similar quotes",
                };
                let _ = writeln!(out, "~ {}  ↔  {}  ({sign})", m.facts[0], m.facts[1]);
                let _ = writeln!(out, "  {}", m.evidence);
                let _ = writeln!(out, "  claims: {}", m.claims.join(", "));
                let _ = writeln!(out, "  suggestion: {}\n", m.suggestion);
            }
            let _ = writeln!(out, "{} possible link(s) between facts.", found.len());
            out
        }
    };
    super::print_styled(&text);
    OK
}
