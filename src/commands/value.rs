//! `claimcheck value EXPR`: how an expression is read.

use super::{INPUT_ERROR, OK};
use crate::cli::{CommasArg, TextOrJson, ValueArgs, ValueKindArg};
use claimcheck::{report, value};
use std::io::Write;

pub fn run(args: ValueArgs) -> u8 {
    let commas = match args.commas {
        CommasArg::Auto => value::Commas::Auto,
        CommasArg::Decimal => value::Commas::Decimal,
        CommasArg::Thousands => value::Commas::Thousands,
    };
    let opts = value::ReadOptions { tolerance: args.tolerance, commas, ..Default::default() };
    if args.expr.trim() == "missing" {
        // The claims format's word for a figure the source lost: nothing to read.
        let text = match args.format {
            TextOrJson::Text => {
                "kind:      missing (the source's figure is lost; such claims are listed, never compared)\n".into()
            }
            TextOrJson::Json => "{\n  \"kind\": \"missing\"\n}\n".to_string(),
        };
        super::print_styled(&text);
        return OK;
    }
    let read = match args.kind {
        None => value::read(&args.expr, &opts),
        Some(kind) => {
            let kind = match kind {
                ValueKindArg::Number => value::ValueKind::Number,
                ValueKindArg::Percent => value::ValueKind::Percent,
                ValueKindArg::Multiplier => value::ValueKind::Multiplier,
                ValueKindArg::Date => value::ValueKind::Date,
            };
            value::read_as(&args.expr, &opts, kind)
        }
    };
    match read {
        Ok(reading) => {
            let text = match args.format {
                TextOrJson::Text => claimcheck::explain_value(&reading),
                TextOrJson::Json => with_unit(report::json::value(&reading), &reading),
            };
            super::print_styled(&text);
            OK
        }
        Err(e) => {
            let caret = " ".repeat(args.expr.get(..e.at).map_or(0, |s| s.chars().count()));
            let _ = writeln!(anstream::stderr(), "error: {}\n  {}\n  {caret}^", e.message, args.expr);
            INPUT_ERROR
        }
    }
}

/// The JSON reading with the unit read after the figure (and what it measures), appended
/// after the other fields so their order stays as `report::json::value` writes it.
fn with_unit(json: String, reading: &value::Reading) -> String {
    let Some(unit) = reading.unit else { return json };
    let Some(body) = json.trim_end().strip_suffix('}') else { return json };
    let mut extra = format!(",\n  \"unit\": {}", serde_json::Value::from(unit));
    if let Some(d) = value::unit::dimension(unit) {
        extra.push_str(&format!(",\n  \"dimension\": {}", serde_json::to_value(d).unwrap_or_default()));
    }
    format!("{}{extra}\n}}\n", body.trim_end())
}
