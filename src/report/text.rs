//! The terminal report: findings grouped by fact, each source's value and quote side by
//! side, then the missing figures, the per-source summary and the totals.

use super::layout::one_line;
use super::{ClaimOut, FindingOut, Report, verdict_label};
use crate::check::Verdict;
use anstyle::{AnsiColor, Style};
use std::fmt::Write;

const RED: Style = AnsiColor::Red.on_default().bold();
const GREEN: Style = AnsiColor::Green.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

/// Renders with ANSI styles; the caller strips them where color is off.
pub fn render(report: &Report) -> String {
    // Bidi controls and invisible characters of the corpus show as their code points.
    let report = &report.visible();
    let mut out = String::new();
    let by_id = report.claims_by_id();
    for finding in &report.findings {
        finding_block(&mut out, finding, &by_id);
    }
    if !report.missing.is_empty() {
        let _ = writeln!(out, "{BOLD}Figures lost from their source{BOLD:#} (listed, never compared)");
        for id in &report.missing {
            if let Some(c) = by_id.get(id.as_str()) {
                let _ = writeln!(out, "  {id}  {} · {}  {DIM}{}{DIM:#}", c.subject, c.property, c.quote_place());
            }
        }
        out.push('\n');
    }
    summary(&mut out, report);
    out
}

pub fn finding_block(out: &mut String, f: &FindingOut, by_id: &std::collections::HashMap<&str, &ClaimOut>) {
    finding_header(out, f);
    let width = f
        .claims
        .iter()
        .filter_map(|id| by_id.get(id.as_str()))
        .map(|c| c.value_text().chars().count())
        .max()
        .unwrap_or(0);
    for id in &f.claims {
        let Some(c) = by_id.get(id.as_str()) else { continue };
        let value = c.value_text();
        let pad = width.saturating_sub(value.chars().count());
        let extra = c.context();
        let extra = if extra.is_empty() { String::new() } else { format!(" ({})", extra.join(", ")) };
        let _ = writeln!(
            out,
            "  {BOLD}{value}{BOLD:#}{}  {}{extra}  {DIM}{}{DIM:#}",
            " ".repeat(pad),
            c.source,
            c.quote_place()
        );
        let _ = writeln!(out, "      «{}»", one_line(&c.quote));
    }
    out.push('\n');
}

/// The verdict, fact, status and fingerprint, the reason, and the resolution if any.
pub fn finding_header(out: &mut String, f: &FindingOut) {
    let style = match f.verdict {
        Verdict::Contradict => RED,
        Verdict::Agree => GREEN,
        Verdict::NotComparable => YELLOW,
    };
    let (mark, word) = verdict_label(f.verdict);
    let status = match f.status_label() {
        Some(label @ ("new" | "reopened")) => format!(" {RED}[{label}]{RED:#}"),
        Some(label @ "resolved") => format!(" {GREEN}[{label}]{GREEN:#}"),
        Some(label) => format!(" [{label}]"),
        None => String::new(),
    };
    let _ =
        writeln!(out, "{style}{mark} {word}{style:#}  {BOLD}{}{BOLD:#}{status}  {DIM}{}{DIM:#}", f.fact, f.fingerprint);
    let _ = writeln!(out, "  {}: {}", f.reason, f.explanation);
    if let Some(why) = &f.reopened {
        let _ = writeln!(out, "  {RED}reopened{RED:#}: the claims changed since the resolution ({why})");
    }
    if let Some(r) = &f.resolution {
        let _ = writeln!(out, "  resolution ({}, {}): {}", r.status, r.date, r.note);
    }
}

fn summary(out: &mut String, report: &Report) {
    let _ = writeln!(out, "{BOLD}Sources{BOLD:#}");
    let id_width = report.sources.iter().map(|s| s.id.chars().count()).max().unwrap_or(6).max(6);
    let _ = writeln!(
        out,
        "  {:id_width$}  {:>6}  {:>12}  {:>12}  {:>13}  {:>7}  coverage",
        "source", "claims", "corroborated", "contradicted", "single-source", "missing"
    );
    for s in &report.sources {
        let coverage = s.coverage.as_ref().map(crate::coverage::render::figure).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:id_width$}  {:>6}  {:>12}  {:>12}  {:>13}  {:>7}  {coverage}",
            s.id, s.claims, s.corroborated, s.contradicted, s.single_source, s.missing
        );
    }
    reliability(out, report, id_width);
    let m = &report.summary;
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{} claims from {} sources; {} facts, {} stated by more than one source.",
        m.claims, m.sources, m.facts, m.facts_across_sources
    );
    let _ = writeln!(
        out,
        "Findings: {GREEN}{} agree{GREEN:#}, {RED}{} contradict{RED:#} ({} new, {} baselined, {} resolved), {} not comparable; {} figures missing.",
        m.agree, m.contradict, m.new, m.baselined, m.resolved, m.not_comparable, m.missing
    );
    for fp in &report.stale.resolutions {
        let _ = writeln!(out, "{YELLOW}stale resolution{YELLOW:#} {fp}: no finding has this fingerprint any more");
    }
    for fp in &report.stale.baseline {
        let _ = writeln!(out, "{YELLOW}stale baseline entry{YELLOW:#} {fp}: no finding has this fingerprint any more");
    }
    if !report.stale.resolutions.is_empty() || !report.stale.baseline.is_empty() {
        let _ = writeln!(out, "  `claimcheck check --prune` removes stale entries");
    }
}

/// Independent corroboration of the claims each source shares with others, and the score.
fn reliability(out: &mut String, report: &Report, id_width: usize) {
    use crate::check::reliability::{PRIOR, PSEUDO_CLAIMS};
    let _ = writeln!(
        out,
        "\n{BOLD}Reliability{BOLD:#} {DIM}(claims shared with other sources; one speaker counts once; \
         score shrunk toward {PRIOR} by {PSEUDO_CLAIMS} claims){DIM:#}"
    );
    let _ = writeln!(
        out,
        "  {:id_width$}  {:>6}  {:>12}  {:>12}  {:>5}",
        "source", "linked", "corroborated", "contradicted", "score"
    );
    let share = |n: usize, of: Option<f64>| of.map_or("-".to_string(), |f| format!("{n} ({:.0}%)", f * 100.0));
    for s in &report.sources {
        let r = &s.reliability;
        let _ = writeln!(
            out,
            "  {:id_width$}  {:>6}  {:>12}  {:>12}  {:>5.2}",
            s.id,
            r.linked,
            share(r.corroborated, r.corroborated_share),
            share(r.contradicted, r.contradicted_share),
            r.score
        );
    }
}
