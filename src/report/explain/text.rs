//! One finding in full, for people: the fact, the claims, the pairs, the editors' entries.

use super::{ExplainedClaim, Explanation, FactOut};
use crate::check::Relation;
use crate::corpus::PropertyKind;
use crate::report::Normalized;
use crate::report::layout::one_line;
use crate::report::text::finding_header;
use crate::serde_plain;
use crate::text::visible;
use anstyle::Style;
use std::fmt::Write;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

/// Renders with ANSI styles; the caller strips them where color is off.
pub fn render(e: &Explanation) -> String {
    // Bidi controls and invisible characters of the corpus show as their code points.
    let e = &e.visible();
    let mut out = String::new();
    finding_header(&mut out, &e.finding);
    fact(&mut out, &e.fact);
    let _ = writeln!(out, "\n{BOLD}Claims{BOLD:#}");
    for c in &e.claims {
        claim(&mut out, c);
    }
    let _ = writeln!(out, "\n{BOLD}Pairs{BOLD:#}");
    for p in e.finding.pairs.iter() {
        let mark = match p.relation {
            Relation::Agree => "=",
            Relation::Contradict => "≠",
            _ => "~",
        };
        let _ = writeln!(out, "  {} {mark} {}  {}: {}", p.a, p.b, serde_plain(&p.relation), p.reason);
        let _ = writeln!(out, "      {}", p.explanation);
    }
    let _ = writeln!(out, "\n{BOLD}Editors{BOLD:#}");
    match &e.finding.resolution {
        Some(r) => {
            let _ = writeln!(out, "  resolution  {} on {}: {}", r.status, r.date, visible(&r.note));
            decided(&mut out, &r.values);
        }
        None => {
            let _ = writeln!(out, "  resolution  none");
        }
    }
    match &e.baseline {
        Some(b) => {
            let _ = writeln!(out, "  baseline    listed in baseline.json");
            decided(&mut out, &b.values);
        }
        None => {
            let _ = writeln!(out, "  baseline    not listed");
        }
    }
    out
}

fn fact(out: &mut String, f: &FactOut) {
    let _ = writeln!(out, "\n{BOLD}Fact{BOLD:#}");
    let subject =
        if f.subject_label == f.subject { f.subject.clone() } else { format!("{} ({})", f.subject, f.subject_label) };
    let _ = writeln!(out, "  subject     {subject}");
    let mut traits = vec![serde_plain(&f.kind)];
    if let Some(unit) = &f.unit {
        traits.push(format!("in {unit}"));
    }
    traits.push(if f.single_valued { "single-valued" } else { "may hold several values" }.to_string());
    if f.cumulative {
        traits.push("cumulative (only grows over time)".to_string());
    }
    if matches!(f.kind, PropertyKind::Quantity | PropertyKind::Percentage | PropertyKind::Ratio) {
        traits.push(format!("approximate values ±{}%", f.tolerance * 100.0));
    }
    let _ = writeln!(out, "  property    {}: {}", f.property, traits.join(", "));
    if let Some(d) = &f.description {
        let _ = writeln!(out, "              {DIM}{d}{DIM:#}");
    }
    if !f.qualifiers.is_empty() {
        let q: Vec<String> = f.qualifiers.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = writeln!(out, "  qualifiers  {}", q.join(", "));
    }
}

fn claim(out: &mut String, e: &ExplainedClaim) {
    let c = &e.claim;
    let _ = writeln!(out, "  {BOLD}{}{BOLD:#}  {}", c.id, c.source);
    let _ = writeln!(out, "    written at   {}", c.claim_location);
    if let Some(q) = &c.quote_location {
        let _ = writeln!(out, "    quote at     {q}");
    }
    let _ = writeln!(out, "    quote        «{}»", one_line(&c.quote));
    let written = c.value_text();
    let unit = c.unit.as_ref().map_or(String::new(), |u| format!(" {u}"));
    let _ = writeln!(out, "    value        {written}{unit}");
    if let (Some(n), Some(interval)) = (&c.normalized, &e.interval) {
        let _ = writeln!(out, "    reads as     {interval}  {DIM}({}){DIM:#}", reading(n));
    }
    if let Some(scope) = c.qualifiers.get(crate::graph::SCOPE) {
        let _ = writeln!(out, "    scope        {scope}");
    }
    let _ = writeln!(out, "    as of        {}", c.as_of.as_deref().unwrap_or("-"));
    let said = c.attributed_to.as_ref().map_or("- (the source asserts it)".to_string(), |a| format!("{a} (reported)"));
    let _ = writeln!(out, "    said by      {said}");
    if let Some(note) = &e.note {
        let _ = writeln!(out, "    note         {note}");
    }
}

fn reading(n: &Normalized) -> String {
    let mut parts = vec![serde_plain(&n.kind), serde_plain(&n.hedge), format!("precision {}", n.precision.describe())];
    if let Some(cal) = n.calendar {
        parts.push(format!("from {cal}"));
    }
    parts.join(", ")
}

/// The values an entry decided, a line each, with the claims that stated them.
fn decided(out: &mut String, values: &[crate::check::ledger::DecidedValue]) {
    let _ = writeln!(out, "              values decided (a claim that agrees with none re-opens it):");
    let width = values.iter().map(|v| v.value.chars().count()).max().unwrap_or(0);
    for v in values {
        let _ = writeln!(out, "                {:width$}  {}", v.value, v.claims.join(", "));
    }
}
