//! `claimcheck explain FINGERPRINT`: one finding in full.

use super::{INPUT_ERROR, OK};
use crate::cli::TextOrJson;
use claimcheck::report::{self, explain::Explanation};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimcheck explain 01d58390                 a finding of the corpus in claims/, by a prefix
  claimcheck explain 01d5839057f2e062 --format json
  claimcheck explain 9e55 --path tests/fixtures/two-sources")]
pub struct ExplainArgs {
    /// A finding's fingerprint, or a unique prefix of it (`claimcheck check` shows them).
    pub fingerprint: String,
    /// The corpus folder.
    #[arg(long, default_value = "claims")]
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

pub fn run(args: ExplainArgs) -> u8 {
    explain(args).unwrap_or_else(|code| code)
}

/// `Err` carries the exit code of an error already reported.
fn explain(args: ExplainArgs) -> Result<u8, u8> {
    let run = super::load(&args.path, "nothing was explained")?;
    let finding = super::finding(&run, &args.fingerprint)?;
    let Some(explanation) = Explanation::build(&run, &run.report(), finding) else {
        let _ = writeln!(anstream::stderr(), "error: finding {} is missing from the report", finding.fingerprint);
        return Err(INPUT_ERROR);
    };
    let text = match args.format {
        TextOrJson::Text => report::explain::text::render(&explanation),
        TextOrJson::Json => report::json::pretty(&explanation),
    };
    super::print_styled(&text);
    Ok(OK)
}
