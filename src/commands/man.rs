//! `claimcheck man [COMMAND]`: the man page, from the clap definition.

use super::{INPUT_ERROR, OK};
use crate::cli::Cli;
use clap::CommandFactory;
use std::io::Write;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimcheck man > claimcheck.1 && man ./claimcheck.1
  claimcheck man check > claimcheck-check.1")]
pub struct ManArgs {
    /// A subcommand, for its own page (claimcheck-check(1)); the whole tool if absent.
    pub command: Option<String>,
}

pub fn run(args: ManArgs) -> u8 {
    let mut cli = Cli::command();
    // Building names the subcommands as pages do: `claimcheck-check`, `claimcheck check`.
    cli.build();
    let page = match &args.command {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
                let _ = writeln!(anstream::stderr(), "error: no command `{name}`; one of: {}", names.join(", "));
                return INPUT_ERROR;
            }
        },
    };
    let source = format!("claimcheck {}", env!("CARGO_PKG_VERSION"));
    match clap_mangen::Man::new(page).source(source).render(&mut std::io::stdout()) {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: cannot write the page: {e}");
            INPUT_ERROR
        }
    }
}
