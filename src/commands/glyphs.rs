//! `claimcheck glyphs SOURCE`: which digit each private-use glyph of a source stands for,
//! settled by the evidence or left open with its candidates; a `glyph_map` to paste only when
//! every digit is settled.

use super::{INPUT_ERROR, OK};
use crate::cli::{GlyphsArgs, TextOrJson};
use claimcheck::corpus::glyphs::{DigitInference, Evidence, EvidenceKind, Published, infer_digits};
use claimcheck::corpus::locate::line_col;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

/// The text to read and what the corpus knows about it.
struct Target {
    path: PathBuf,
    published: Published,
    /// The source's `glyph_map` entries that are digits, to check against the evidence.
    map: BTreeMap<char, u8>,
}

pub fn run(args: GlyphsArgs) -> u8 {
    let mut err = anstream::stderr();
    let target = match locate_text(&args) {
        Ok(found) => found,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            return INPUT_ERROR;
        }
    };
    let text = match std::fs::read_to_string(&target.path) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(err, "error: cannot read {}: {e}", target.path.display());
            return INPUT_ERROR;
        }
    };
    let published = match &args.published {
        Some(given) => {
            let published = Published::from_field(given);
            if published.year.is_none() {
                let _ = writeln!(err, "error: --published `{given}` is not a date (try 2022, 2022-01 or 2022-01-06)");
                return INPUT_ERROR;
            }
            published
        }
        None => target.published,
    };
    let year = published.year;
    let inferred = infer_digits(&text, published);
    let out = match args.format {
        TextOrJson::Text => as_text(&target, year, &text, &inferred),
        TextOrJson::Json => as_json(&target, year, &text, &inferred),
    };
    super::print_styled(&out);
    OK
}

fn code(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

fn as_text(target: &Target, year: Option<i32>, text: &str, inferred: &DigitInference) -> String {
    let path = target.path.display();
    let mut out = String::new();
    if inferred.glyphs.is_empty() {
        out.push_str(&format!("{path}: no private-use characters that look like digits\n"));
    } else {
        let published = year
            .map_or("publication date unknown: years bounded by 2100; --published sets it".to_string(), |y| {
                format!("published {y}")
            });
        out.push_str(&format!("Digit glyphs in {path} ({published}):\n\n"));
        let with_map = !target.map.is_empty();
        let header =
            format!("  {:<8}{:<7}{:<22}{}", "glyph", "digit", "evidence", if with_map { "glyph_map" } else { "" });
        out.push_str(header.trim_end());
        out.push('\n');
        for g in &inferred.glyphs {
            let (digit, evidence) = match g.settled() {
                Some(d) => (format!("{d} "), "settled".to_string()),
                None => (format!("{}?", g.likeliest), format!("one of {}", join(&g.candidates))),
            };
            let map = target.map.get(&g.glyph).map_or(String::new(), |d| {
                let fits = if g.candidates.contains(d) { "" } else { "  ← the evidence rules it out" };
                format!("{d}{fits}")
            });
            let line = format!("  {:<8}{digit:<7}{evidence:<22}{map}", code(g.glyph));
            out.push_str(line.trim_end());
            out.push('\n');
        }
        let settled = inferred.glyphs.iter().filter(|g| g.settled().is_some()).count();
        let total = inferred.glyphs.len();
        out.push('\n');
        match inferred.settled_map() {
            Some(map) => {
                out.push_str(&format!(
                    "All {total} digits are settled by the evidence. For the source's glyph_map:\n\n"
                ));
                let entries: Vec<String> =
                    map.iter().map(|(g, d)| format!("    \"\\u{:04X}\": \"{d}\"", *g as u32)).collect();
                out.push_str(&format!("  \"glyph_map\": {{\n{}\n  }}\n", entries.join(",\n")));
            }
            None => out.push_str(&format!(
                "{settled} of {total} digits settled; no map is offered while a digit is open. A digit marked ?\n\
                 is only the likeliest reading (glyphs in code-point order, as fonts usually keep digits),\n\
                 not evidence: read those numbers in the original before writing a glyph_map.\n"
            )),
        }
        if !inferred.complete {
            out.push_str("The search stopped at its limit for some digits: they are kept as candidates.\n");
        }
        if !target.map.is_empty() {
            out.push_str(&map_check(target, text, inferred));
        }
        out.push_str(&evidence_lines(target, text, inferred));
    }
    if !inferred.not_digits.is_empty() {
        let list: Vec<String> = inferred.not_digits.iter().map(|c| code(*c)).collect();
        out.push_str(&format!(
            "\nNot digits (they sit inside words: ligatures or their tails; map them by hand): {}\n",
            list.join(" ")
        ));
    }
    out
}

fn map_check(target: &Target, text: &str, inferred: &DigitInference) -> String {
    let broken = inferred.contradicted_by(&target.map);
    if broken.is_empty() {
        return "\nThe source's glyph_map fits all the evidence.\n".to_string();
    }
    let mut out = format!("\nThe source's glyph_map contradicts {} piece(s) of evidence:\n", broken.len());
    for e in broken {
        out.push_str(&evidence_line(target, text, inferred, e));
    }
    out
}

fn evidence_lines(target: &Target, text: &str, inferred: &DigitInference) -> String {
    let (plain, telling): (Vec<&Evidence>, Vec<&Evidence>) =
        inferred.evidence.iter().partition(|e| e.kind == EvidenceKind::Number && !e.set_aside);
    let mut out = String::from("\nEvidence (settled digits shown, ? where open):\n");
    for e in telling {
        out.push_str(&evidence_line(target, text, inferred, e));
    }
    if !plain.is_empty() {
        let count: usize = plain.iter().map(|e| 1 + e.also_at.len()).sum();
        out.push_str(&format!("  and {count} other numbers, none of which starts with 0 (--format json lists them)\n"));
    }
    out
}

fn evidence_line(target: &Target, text: &str, inferred: &DigitInference, e: &Evidence) -> String {
    let (line, col) = line_col(text, e.start);
    let read = inferred.read(&text[e.start..e.end]);
    let also = match e.also_at.len() {
        0 => String::new(),
        n => format!(" (and {n} more time{})", if n == 1 { "" } else { "s" }),
    };
    let aside = if e.set_aside { "  [set aside: contradicts surer evidence]" } else { "" };
    format!("  {}:{line}:{col}  {read}  {}{also}{aside}\n", target.path.display(), e.rule)
}

fn as_json(target: &Target, year: Option<i32>, text: &str, inferred: &DigitInference) -> String {
    let digit = |d: u8| Value::String(d.to_string());
    let glyphs: serde_json::Map<String, Value> = inferred
        .glyphs
        .iter()
        .map(|g| {
            let mut entry = json!({
                "digit": digit(g.likeliest),
                "settled": g.settled().is_some(),
                "candidates": g.candidates.iter().map(|&d| digit(d)).collect::<Vec<_>>(),
            });
            if let Some(&d) = target.map.get(&g.glyph) {
                entry["glyph_map"] = digit(d);
            }
            (code(g.glyph), entry)
        })
        .collect();
    let position = |at: usize| {
        let (line, column) = line_col(text, at);
        json!({"line": line, "column": column})
    };
    let evidence: Vec<Value> = inferred
        .evidence
        .iter()
        .map(|e| {
            let (line, column) = line_col(text, e.start);
            json!({
                "line": line,
                "column": column,
                "kind": e.kind,
                "read": inferred.read(&text[e.start..e.end]),
                "glyphs": text[e.start..e.end].chars().filter(|c| inferred.glyphs.iter().any(|g| g.glyph == *c)).map(code).collect::<Vec<_>>(),
                "rule": e.rule,
                "also_at": e.also_at.iter().map(|&at| position(at)).collect::<Vec<_>>(),
                "set_aside": e.set_aside,
            })
        })
        .collect();
    let paste = inferred
        .settled_map()
        .filter(|m| !m.is_empty())
        .map(|m| m.into_iter().map(|(g, d)| (g.to_string(), digit(d))).collect::<serde_json::Map<String, Value>>());
    let mut doc = json!({
        "file": target.path.display().to_string(),
        "published_year": year,
        "glyphs": glyphs,
        "settled": inferred.glyphs.iter().filter(|g| g.settled().is_some()).count(),
        "glyph_map": paste,
        "complete": inferred.complete,
        "evidence": evidence,
        "not_digits": inferred.not_digits.iter().map(|c| code(*c)).collect::<Vec<_>>(),
    });
    if !target.map.is_empty() {
        let broken: Vec<Value> = inferred.contradicted_by(&target.map).iter().map(|e| position(e.start)).collect();
        doc["source_glyph_map"] = json!({"fits": broken.is_empty(), "contradicted_at": broken});
    }
    let mut out = serde_json::to_string_pretty(&doc).expect("JSON of plain values");
    out.push('\n');
    out
}

fn join(digits: &[u8]) -> String {
    digits.iter().map(u8::to_string).collect::<Vec<_>>().join(" ")
}

/// The text to read: a source id of the corpus (with its publication year and glyph map),
/// or a file path.
fn locate_text(args: &GlyphsArgs) -> Result<Target, String> {
    let as_path = PathBuf::from(&args.source);
    if as_path.is_file() {
        return Ok(Target { path: as_path, published: Published::default(), map: BTreeMap::new() });
    }
    let corpus = claimcheck::corpus::load(&args.path);
    match corpus.sources.iter().find(|s| s.meta.id == args.source) {
        Some(s) => {
            let published = s.meta.published.as_deref().map_or(Published::default(), Published::from_field);
            let map = s
                .glyphs
                .iter()
                .filter_map(|(&g, d)| match d.as_bytes() {
                    [b @ b'0'..=b'9'] => Some((g, b - b'0')),
                    _ => None,
                })
                .collect();
            Ok(Target { path: args.path.join(&s.text_file), published, map })
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
