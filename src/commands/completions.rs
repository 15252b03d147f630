//! `claimcheck completions SHELL`: the shell's completion script, from the clap definition.

use super::OK;
use crate::cli::Cli;
use clap::CommandFactory;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimcheck completions bash > ~/.local/share/bash-completion/completions/claimcheck
  claimcheck completions zsh > ~/.zfunc/_claimcheck
  claimcheck completions fish > ~/.config/fish/completions/claimcheck.fish")]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: CompletionsArgs) -> u8 {
    clap_complete::generate(args.shell, &mut Cli::command(), "claimcheck", &mut std::io::stdout());
    OK
}
