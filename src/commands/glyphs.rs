//! `claimcheck glyphs SOURCE`: infer the digit map of a source's private-use glyphs and
//! print it for the editor to confirm and paste into the source's `glyph_map`.

use super::{INPUT_ERROR, OK};
use crate::cli::GlyphsArgs;
use claimcheck::corpus::glyphs::infer_digits;
use claimcheck::corpus::locate::line_col;
use std::io::Write;
use std::path::PathBuf;

pub fn run(args: GlyphsArgs) -> u8 {
    let mut err = anstream::stderr();
    let (path, year) = match locate_text(&args) {
        Ok(found) => found,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            return INPUT_ERROR;
        }
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(err, "error: cannot read {}: {e}", path.display());
            return INPUT_ERROR;
        }
    };
    let inferred = infer_digits(&text, year.or(args.year));
    let mut out = String::new();
    if inferred.digits.is_empty() {
        out.push_str(&format!("{}: no private-use characters that look like digits\n", path.display()));
    } else {
        out.push_str(&format!(
            "Inferred digit glyphs in {} (check them, then paste into the source's glyph_map):\n\n",
            path.display()
        ));
        let entries: Vec<String> =
            inferred.digits.iter().map(|(g, d)| format!("    \"\\u{:04X}\": \"{d}\"", *g as u32)).collect();
        out.push_str(&format!("  \"glyph_map\": {{\n{}\n  }}\n\n", entries.join(",\n")));
        for (g, d) in &inferred.digits {
            let certainty = match inferred.uncertain.get(g) {
                Some(rivals) => format!("uncertain: {} would fit almost as well", join(rivals)),
                None => "settled by the evidence".to_string(),
            };
            out.push_str(&format!("  U+{:04X} → {d}  ({certainty})\n", *g as u32));
        }
        out.push_str("\nEvidence, read with this map:\n");
        for (at, decoded, why) in &inferred.evidence {
            let (line, col) = line_col(&text, *at);
            out.push_str(&format!("  {}:{line}:{col}  {decoded}  {why}\n", path.display()));
        }
    }
    if !inferred.not_digits.is_empty() {
        let list: Vec<String> = inferred.not_digits.iter().map(|c| format!("U+{:04X}", *c as u32)).collect();
        out.push_str(&format!(
            "\nNot digits (they sit inside words: ligatures or their tails; map them by hand): {}\n",
            list.join(" ")
        ));
    }
    let _ = anstream::stdout().write_all(out.as_bytes());
    OK
}

fn join(digits: &[u8]) -> String {
    digits.iter().map(u8::to_string).collect::<Vec<_>>().join(", ")
}

/// The text to read: a source id of the corpus (with its publication year), or a file path.
fn locate_text(args: &GlyphsArgs) -> Result<(PathBuf, Option<i32>), String> {
    let as_path = PathBuf::from(&args.source);
    if as_path.is_file() {
        return Ok((as_path, None));
    }
    let corpus = claimcheck::corpus::load(&args.path);
    match corpus.sources.iter().find(|s| s.meta.id == args.source) {
        Some(s) => {
            let year = s.meta.published.as_deref().and_then(claimcheck::corpus::published_year);
            Ok((args.path.join(&s.text_file), year))
        }
        None => {
            let ids: Vec<&str> = corpus.sources.iter().map(|s| s.meta.id.as_str()).collect();
            Err(format!(
                "`{}` is neither a file nor a source id in {} (sources: {})",
                args.source,
                args.path.display(),
                ids.join(", ")
            ))
        }
    }
}
