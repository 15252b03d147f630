//! The terminal report: findings grouped by fact, each source's value and quote side by
//! side (agreements folded to a line each unless unfolded), then the missing figures, the
//! per-source summary and the totals, and last what to do: whether the build fails, which
//! findings fail it, the commands that decide them, and stale ledger entries.

use super::layout::one_line;
use super::{BATCH, Claims, FindingOut, Report, verdict_label};
use crate::check::Verdict;
use anstyle::{AnsiColor, Style};
use rayon::prelude::*;
use std::fmt::Write;

const RED: Style = AnsiColor::Red.on_default().bold();
const GREEN: Style = AnsiColor::Green.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

/// Renders with ANSI styles, folded to what needs reading: open contradictions in full,
/// findings that are not comparable without their quotes, resolved contradictions and
/// agreements a line each. The caller strips the styles where color is off.
pub fn render(report: &Report) -> String {
    render_with(report, true)
}

/// [`render`] with every finding in full, the lost figures and the reliability table.
pub fn render_unfolded(report: &Report) -> String {
    render_with(report, false)
}

/// How a finding is shown when the report is folded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fold {
    Full,
    WithoutQuotes,
    Line,
}

fn fold_of(f: &FindingOut) -> Fold {
    match (f.verdict, f.status_label()) {
        (Verdict::Contradict, Some("resolved")) | (Verdict::Agree, _) => Fold::Line,
        (Verdict::NotComparable, _) => Fold::WithoutQuotes,
        _ => Fold::Full,
    }
}

fn render_with(report: &Report, folded: bool) -> String {
    // Bidi controls and invisible characters of the corpus show as their code points.
    let report = &report.visible();
    let mut out = String::new();
    let mut section = None;
    // The findings' lines are made across cores, a batch at a time, and joined in order.
    for batch in report.findings.chunks(BATCH) {
        let lines: Vec<(Fold, String)> = batch
            .par_iter()
            .map(|finding| {
                let fold = if folded { fold_of(finding) } else { Fold::Full };
                let mut lines = String::new();
                match fold {
                    Fold::Line => folded_line(&mut lines, finding, &report.claims),
                    _ => block(&mut lines, finding, &report.claims, fold == Fold::Full),
                }
                (fold, lines)
            })
            .collect();
        for (finding, (fold, lines)) in batch.iter().zip(lines) {
            if fold == Fold::Line {
                let title = if finding.verdict == Verdict::Agree { "Agreements" } else { "Resolved contradictions" };
                if section != Some(title) {
                    if section.is_some() {
                        out.push('\n');
                    }
                    let _ = writeln!(
                        out,
                        "{BOLD}{title}{BOLD:#} {DIM}(a line each; `--show all` shows them in full){DIM:#}"
                    );
                    section = Some(title);
                }
            } else if section.take().is_some() {
                out.push('\n');
            }
            out.push_str(&lines);
        }
    }
    if section.is_some() {
        out.push('\n');
    }
    if folded && !report.missing.is_empty() {
        let _ = writeln!(
            out,
            "{BOLD}{} figures lost from their source{BOLD:#} (listed, never compared; `--show all` lists them)\n",
            report.missing.len()
        );
    } else if !report.missing.is_empty() {
        let _ = writeln!(out, "{BOLD}Figures lost from their source{BOLD:#} (listed, never compared)");
        for c in report.missing_claims.iter().map(|&c| report.claims.get(c)) {
            let _ = writeln!(out, "  {}  {} · {}  {DIM}{}{DIM:#}", c.id, c.subject, c.property, c.quote_place());
        }
        out.push('\n');
    }
    summary(&mut out, report, !folded);
    out
}

fn block(out: &mut String, f: &FindingOut, all: &Claims, quotes: bool) {
    finding_header(out, f);
    let claims = all.of(f);
    let width = claims.iter().map(|c| c.value_text().chars().count()).max().unwrap_or(0);
    for c in &claims {
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
        if quotes {
            let _ = writeln!(out, "      «{}»", one_line(&c.quote));
        }
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
    for r in &f.reopened {
        let _ = writeln!(out, "  {RED}reopened{RED:#} by {} ({}): {}", r.claim, r.source, r.why);
    }
    if let Some(r) = &f.resolution {
        let _ = writeln!(out, "  resolution ({}, {}): {}", r.status, r.date, r.note);
    }
}

fn summary(out: &mut String, report: &Report, with_reliability: bool) {
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
    if with_reliability {
        reliability(out, report, id_width);
    }
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
    what_to_do(out, report);
}

/// The last lines: whether the build fails and on what, the commands that decide it, and
/// the ledger entries that match nothing any more.
fn what_to_do(out: &mut String, report: &Report) {
    let failing: Vec<&FindingOut> = report.findings.iter().filter(|f| f.is_new()).collect();
    out.push('\n');
    if failing.is_empty() {
        let _ = writeln!(
            out,
            "{GREEN}The build passes{GREEN:#}: no new or re-opened contradiction ({} baselined, {} resolved).",
            report.summary.baselined, report.summary.resolved
        );
    } else {
        let _ = writeln!(out, "{RED}The build fails{RED:#}: {} contradiction(s) nobody has decided:", failing.len());
        for f in &failing {
            let label = f.status_label().unwrap_or("new");
            let _ = writeln!(out, "  {RED}{label:9}{RED:#} {}  {}", f.fingerprint, f.fact);
        }
        let fp = &failing[0].fingerprint;
        let next = [
            (format!("claimcheck explain {fp}"), "the finding in full"),
            (format!("claimcheck resolve {fp} --status … --note …"), "decide it (`resolve --help` lists the statuses)"),
            ("claimcheck review".to_string(), "decide them one by one"),
            ("claimcheck check --write-baseline".to_string(), "record them all as known and open"),
        ];
        let width = next.iter().map(|(c, _)| c.chars().count()).max().unwrap_or(0);
        let _ = writeln!(out, "Next:");
        for (command, what) in next {
            let _ = writeln!(out, "  {command:width$}  {DIM}{what}{DIM:#}");
        }
    }
    let stale = [("resolution", &report.stale.resolutions), ("baseline entry", &report.stale.baseline)];
    for (what, entries) in stale {
        for e in entries {
            let _ = writeln!(
                out,
                "{YELLOW}stale {what}{YELLOW:#} {} ({}): no contradiction has this fingerprint any more",
                e.fingerprint, e.fact
            );
        }
    }
    if !report.stale.resolutions.is_empty() || !report.stale.baseline.is_empty() {
        let _ = writeln!(out, "  `claimcheck check --prune` removes stale entries");
    }
}

/// A finding in one line: the fact, the values as written, the sources, the fingerprint;
/// for a resolved contradiction, the decision too.
fn folded_line(out: &mut String, f: &FindingOut, all: &Claims) {
    let mut claims = all.of(f);
    // An agreement shows the values that agree; claims of another scope, time or currency
    // are counted, not shown as if they agreed.
    if f.verdict == Verdict::Agree {
        let agreeing: std::collections::HashSet<&str> =
            f.pairs.iter().filter(|p| p.relation == crate::check::Relation::Agree).flat_map(|p| [p.a, p.b]).collect();
        claims.retain(|c| agreeing.contains(&&*c.id) || f.pairs.is_empty());
    }
    let others = f.claims.len() - claims.len();
    let mut values: Vec<String> = Vec::new();
    for v in claims.iter().map(|c| c.value_text()) {
        if !values.contains(&v) {
            values.push(v);
        }
    }
    let mut sources: Vec<&str> = claims.iter().map(|c| &*c.source).collect();
    sources.sort_unstable();
    sources.dedup();
    let (mark, join) = if f.verdict == Verdict::Agree { ("✓", " = ") } else { ("✗", " ≠ ") };
    let mut decision = f.resolution.as_ref().map_or(String::new(), |r| format!("  {GREEN}{}{GREEN:#}", r.status));
    if others > 0 {
        decision.push_str(&format!("  {DIM}(+{others} not comparable){DIM:#}"));
    }
    let _ = writeln!(
        out,
        "  {GREEN}{mark}{GREEN:#} {}  {BOLD}{}{BOLD:#}{decision}  {DIM}{} · {}{DIM:#}",
        f.fact,
        values.join(join),
        sources.join(", "),
        f.fingerprint
    );
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
