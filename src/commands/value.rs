//! `claimcheck value EXPR`: how an expression is read.

use super::{INPUT_ERROR, OK};
use crate::cli::{TextOrJson, ValueArgs};
use claimcheck::{report, value};
use std::io::Write;

pub fn run(args: ValueArgs) -> u8 {
    let opts = value::ReadOptions { tolerance: args.tolerance, ..Default::default() };
    match value::read(&args.expr, &opts) {
        Ok(reading) => {
            let text = match args.format {
                TextOrJson::Text => claimcheck::explain_value(&reading),
                TextOrJson::Json => report::json::value(&reading),
            };
            let _ = anstream::stdout().write_all(text.as_bytes());
            OK
        }
        Err(e) => {
            let caret = " ".repeat(args.expr.get(..e.at).map_or(0, |s| s.chars().count()));
            let _ = writeln!(anstream::stderr(), "error: {}\n  {}\n  {caret}^", e.message, args.expr);
            INPUT_ERROR
        }
    }
}
