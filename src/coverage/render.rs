//! `claimcheck coverage` as text and JSON: per source its figure, then the mentions no
//! claim covers (or, with `all`, every mention and what became of it); and the claim
//! skeletons of `--suggest`.

use super::suggest::Suggestion;
use super::{Coverage, Figure, Mention, Status};
use crate::text::controls::visible;
use anstyle::{AnsiColor, Style};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const YELLOW: Style = AnsiColor::Yellow.on_default();

/// "96.8% (120/124)", or "— (0/0)" for a source that states nothing.
pub fn figure(f: &Figure) -> String {
    match f.ratio {
        Some(r) => format!("{:.1}% ({}/{})", r * 100.0, f.covered, f.substantive),
        None => format!("— ({}/{})", f.covered, f.substantive),
    }
}

fn status_note(m: &Mention) -> String {
    let note = match &m.status {
        Status::Covered { claim } => format!("covered by {claim}"),
        Status::Uncovered => "uncovered".into(),
        Status::Skipped { rule } => format!("skipped: {}", rule.name()),
        Status::Ignored { reason } => format!("ignored: {reason}"),
    };
    visible(&note).into_owned()
}

/// Renders with ANSI styles; the caller strips them where color is off.
pub fn text(coverage: &Coverage, all: bool) -> String {
    let mut out = String::new();
    for s in &coverage.sources {
        let path = s.text.display().to_string();
        let _ = writeln!(out, "{BOLD}{}{BOLD:#}  {DIM}{}{DIM:#}", visible(&s.id), visible(&path));
        let _ = writeln!(out, "  covered {}; {}", figure(&s.coverage), set_aside(&s.mentions));
        for m in s.mentions.iter().filter(|m| all || m.status == Status::Uncovered) {
            let place = format!("{}:{}:{}", visible(&path), m.line, m.column);
            let note = if all { format!("  {DIM}[{}]{DIM:#}", status_note(m)) } else { String::new() };
            let _ = writeln!(
                out,
                "  {DIM}{place}{DIM:#}  {BOLD}{}{BOLD:#}  = {}{note}",
                visible(&m.text),
                visible(&m.value)
            );
            let _ = writeln!(out, "      {}", visible(&m.context));
        }
        out.push('\n');
    }
    let total = Figure::total(coverage.sources.iter().map(|s| s.coverage));
    let _ =
        writeln!(out, "Covered {} of the substantive mentions in {} sources.", figure(&total), coverage.sources.len());
    for w in &coverage.warnings {
        let _ = writeln!(out, "{YELLOW}warning{YELLOW:#}: {w}");
    }
    out
}

/// "skipped 40 (footnote 20, url 12), ignored 3".
fn set_aside(mentions: &[Mention]) -> String {
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for m in mentions {
        if let Status::Skipped { rule } = m.status {
            *by_rule.entry(rule.name()).or_default() += 1;
        }
    }
    let skipped: usize = by_rule.values().sum();
    let ignored = mentions.iter().filter(|m| matches!(m.status, Status::Ignored { .. })).count();
    let rules: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
    let rules = if rules.is_empty() { String::new() } else { format!(" ({})", rules.join(", ")) };
    format!("skipped {skipped}{rules}, ignored {ignored}")
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    corpus: &'a Path,
    summary: Figure,
    sources: Vec<JsonSource<'a>>,
    warnings: &'a [crate::diagnostic::Diagnostic],
}

#[derive(Serialize)]
struct JsonSource<'a> {
    id: &'a str,
    text: &'a Path,
    coverage: Figure,
    /// Rule name → mentions it skipped.
    skipped: BTreeMap<&'static str, usize>,
    ignored: usize,
    mentions: Vec<&'a Mention>,
}

pub fn json(coverage: &Coverage, corpus: &Path, all: bool) -> String {
    let sources = coverage
        .sources
        .iter()
        .map(|s| {
            let mut skipped = BTreeMap::new();
            for m in &s.mentions {
                if let Status::Skipped { rule } = m.status {
                    *skipped.entry(rule.name()).or_default() += 1;
                }
            }
            JsonSource {
                id: &s.id,
                text: &s.text,
                coverage: s.coverage,
                skipped,
                ignored: s.mentions.iter().filter(|m| matches!(m.status, Status::Ignored { .. })).count(),
                mentions: s.mentions.iter().filter(|m| all || m.status == Status::Uncovered).collect(),
            }
        })
        .collect();
    let summary = Figure::total(coverage.sources.iter().map(|s| s.coverage));
    let report = JsonReport {
        schema_version: crate::report::SCHEMA_VERSION,
        corpus,
        summary,
        sources,
        warnings: &coverage.warnings,
    };
    crate::report::json::pretty(&report)
}

/// Skeletons grouped by source, each after a comment line naming its mention.
pub fn suggestions_text(suggestions: &[Suggestion], coverage: &Coverage) -> String {
    let mut out = String::new();
    let mut current = None;
    for s in suggestions {
        let text = coverage.of_source(&s.source).map(|c| c.text.display().to_string()).unwrap_or_default();
        if current != Some(&s.source) {
            let n = suggestions.iter().filter(|x| x.source == s.source).count();
            let _ = writeln!(out, "{BOLD}# {}: {n} claim(s) to review{BOLD:#}", visible(&s.source));
            current = Some(&s.source);
        }
        let _ = writeln!(out, "{DIM}# {}:{}:{}  «{}»{DIM:#}", visible(&text), s.line, s.column, visible(&s.mention));
        match (&s.claim, &s.left_out) {
            (Some(claim), _) => {
                let json = crate::report::json::pretty(claim);
                let _ = writeln!(out, "{},", json.trim_end());
            }
            (None, reason) => {
                let _ = writeln!(out, "{DIM}#   left out: {}{DIM:#}", visible(reason.as_deref().unwrap_or("")));
            }
        }
    }
    if suggestions.is_empty() {
        out.push_str("Every substantive mention is covered by a claim: nothing to suggest.\n");
    }
    out
}

pub fn suggestions_json(suggestions: &[Suggestion]) -> String {
    crate::report::json::pretty(suggestions)
}
