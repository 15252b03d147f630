//! Thin entry point: parse the command line, run the command, map its outcome to an exit code.

mod cli;
mod commands;

use clap::Parser;
use cli::{Cli, ColorChoice, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.color {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    }
    .write_global();
    let defaults = claimcheck::corpus::Limits::default();
    commands::set_limits(claimcheck::corpus::Limits {
        text: cli.max_text_size.unwrap_or(defaults.text),
        json: cli.max_json_size.unwrap_or(defaults.json),
    });
    let code = match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Value(args) => commands::value::run(args),
        Command::Glyphs(args) => commands::glyphs::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Resolve(args) => commands::resolve::run(args),
        Command::Review(args) => commands::review::run(args),
        Command::Migrate(args) => commands::migrate::run(args),
        Command::Links(args) => commands::links::run(args),
        Command::Completions(args) => commands::completions::run(args),
        Command::Man(args) => commands::man::run(args),
        Command::Coverage(args) => commands::coverage::run(args),
        Command::Draft(args) => commands::draft::run(args),
        Command::Report(args) => commands::report::run(args),
    };
    ExitCode::from(code)
}
