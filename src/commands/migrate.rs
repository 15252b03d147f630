//! `claimcheck migrate [PATH]`: rewrite the ledger entries that claimcheck 0.1 wrote in the
//! current form, once, as a minimal diff: each gets its fact's fingerprint and the values it
//! decided, as read; notes, statuses and dates stay as written.

use super::{INPUT_ERROR, OK};
use claimcheck::check::ledger::edit;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Exit codes: 0 migrated (or nothing to migrate), 2 an input error.

Examples:
  claimcheck migrate                          the ledger of the corpus in claims/
  git diff claims/resolutions.json            what it changed")]
pub struct MigrateArgs {
    /// The corpus folder.
    #[arg(default_value = "claims")]
    pub path: PathBuf,
}

pub fn run(args: MigrateArgs) -> u8 {
    let run = match super::load(&args.path, "nothing was migrated") {
        Ok(run) => run,
        Err(code) => return code,
    };
    let mut out = anstream::stdout();
    match edit::migrate(&args.path, &run.ledger) {
        Ok(done) if done.is_empty() => {
            let _ = writeln!(out, "nothing to migrate: every ledger entry is in the current form");
            OK
        }
        Ok(done) => {
            for m in &done {
                let _ = writeln!(out, "migrated {} → {} ({}) in {}", m.was, m.now, m.fact, m.path.display());
            }
            OK
        }
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "claimcheck: cannot migrate: {e}");
            INPUT_ERROR
        }
    }
}
