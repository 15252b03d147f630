//! GitHub-flavoured Markdown for pull-request comments and job summaries: the totals first,
//! then the new contradictions with their quotes folded in `<details>`, then everything
//! else (baselined, resolved, not comparable, agreements) as compact tables.

use super::html::{direction, escape as html_escape, quote_html};
use super::layout::one_line;
use super::{Claims, FindingOut, Report, isolate_rtl, verdict_label};
use crate::check::Verdict;
use std::fmt::Write;

/// Which findings a section of the report holds.
type Belongs = fn(&FindingOut) -> bool;

pub fn render(report: &Report) -> String {
    // Bidi controls and invisible characters of the corpus show as their code points.
    let report = &report.visible();
    let mut out = String::new();
    summary(&mut out, report);

    let new: Vec<&FindingOut> = report.findings.iter().filter(|f| f.is_new()).collect();
    if !new.is_empty() {
        let _ = writeln!(out, "### New contradictions ({})\n", new.len());
        for f in new {
            new_contradiction(&mut out, report, f);
        }
    }
    let rest: [(&str, Belongs); 4] = [
        ("Baselined contradictions", |f| f.is_open() && !f.is_new()),
        ("Resolved contradictions", |f| f.verdict == Verdict::Contradict && !f.is_open()),
        ("Not comparable", |f| f.verdict == Verdict::NotComparable),
        ("Agreements", |f| f.verdict == Verdict::Agree),
    ];
    for (title, belongs) in rest {
        let group: Vec<&FindingOut> = report.findings.iter().filter(|f| belongs(f)).collect();
        if !group.is_empty() {
            compact(&mut out, &report.claims, title, &group);
        }
    }
    sources(&mut out, report);
    missing(&mut out, report);
    for (what, entries) in [("resolution", &report.stale.resolutions), ("baseline entry", &report.stale.baseline)] {
        for e in entries {
            let _ = writeln!(
                out,
                "- stale {what} `{}` ({}): no contradiction has this fingerprint any more",
                e.fingerprint,
                cell(&e.fact)
            );
        }
    }
    out
}

/// A table cell: one line, with Markdown and HTML made literal (`|` would end the cell)
/// and right-to-left runs isolated.
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in isolate_rtl(&one_line(s)).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Code for a path or a fingerprint; a string holding a backtick is written as a cell.
fn code(s: &str) -> String {
    if s.contains('`') || s.contains('\n') { cell(s) } else { format!("`{}`", s.replace('|', "\\|")) }
}

fn summary(out: &mut String, report: &Report) {
    let m = &report.summary;
    let headline = match m.new {
        0 => "no new contradiction".to_string(),
        1 => "1 new contradiction".to_string(),
        n => format!("{n} new contradictions"),
    };
    let _ = writeln!(out, "## claimcheck: {headline}\n");
    let _ = writeln!(
        out,
        "| new | baselined | resolved | agree | not comparable | facts across sources | claims | sources | figures missing |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|\n\
         | {} | {} | {} | {} | {} | {} of {} | {} | {} | {} |\n",
        if m.new > 0 { format!("**{}**", m.new) } else { "0".into() },
        m.baselined,
        m.resolved,
        m.agree,
        m.not_comparable,
        m.facts_across_sources,
        m.facts,
        m.claims,
        m.sources,
        m.missing
    );
}

fn new_contradiction(out: &mut String, report: &Report, f: &FindingOut) {
    let (mark, _) = verdict_label(f.verdict);
    let reopened = if f.reopened.is_empty() { "" } else { " (reopened)" };
    let _ = writeln!(out, "#### {mark} {}{reopened}\n", cell(&f.fact));
    let _ = writeln!(out, "**{}**: {} · fingerprint `{}`\n", cell(f.reason), cell(&f.explanation), f.fingerprint);
    if let Some(why) = f.reopened_text() {
        let _ = writeln!(out, "Reopened by a value no editor decided: {}.\n", cell(&why));
    }
    let claims = report.claims.of(f);
    out.push_str("| value | source | claim | quote at |\n|---|---|---|---|\n");
    for c in &claims {
        let context = c.context();
        let context = if context.is_empty() { String::new() } else { format!(" ({})", cell(&context.join(", "))) };
        let _ = writeln!(
            out,
            "| **{}** | {}{context} | {} | {} |",
            cell(&c.value_text()),
            cell(&c.source),
            code(&c.id),
            code(&c.quote_place().to_string())
        );
    }
    // HTML blocks end at a blank line, so each quote stays on one line; GitHub drops
    // `<mark>`, so the figure is bold.
    out.push_str("\n<details><summary>Quotes</summary>\n\n");
    for c in &claims {
        let language = report.source(&c.source).and_then(|s| s.language.as_deref());
        let _ = writeln!(
            out,
            "<blockquote dir=\"{}\">{} <br><sub>{} · {}</sub></blockquote>",
            direction(language),
            one_line(&quote_html(c, "b")),
            html_escape(&c.source),
            html_escape(&c.quote_place().to_string())
        );
    }
    out.push_str("\n</details>\n\n");
}

/// One row per finding, folded away: these need no one's attention in a review.
fn compact(out: &mut String, claims: &Claims, title: &str, group: &[&FindingOut]) {
    let _ = writeln!(out, "<details><summary><b>{title} ({})</b></summary>\n", group.len());
    out.push_str("| fact | values | reason | fingerprint |\n|---|---|---|---|\n");
    for f in group {
        let values: Vec<String> =
            claims.of(f).iter().map(|c| format!("{} ({})", cell(&c.value_text()), cell(&c.source))).collect();
        let reason = match &f.resolution {
            Some(r) => format!("{}; resolved as {}: {}", cell(f.reason), cell(&r.status), cell(&r.note)),
            None => cell(f.reason),
        };
        let _ = writeln!(out, "| {} | {} | {reason} | `{}` |", cell(&f.fact), values.join(" · "), f.fingerprint);
    }
    out.push_str("\n</details>\n\n");
}

fn sources(out: &mut String, report: &Report) {
    out.push_str("<details><summary><b>Sources</b></summary>\n\n");
    out.push_str(
        "| source | claims | corroborated | contradicted | single-source | missing | coverage |\n|---|---:|---:|---:|---:|---:|---:|\n",
    );
    for s in &report.sources {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&s.id),
            s.claims,
            s.corroborated,
            s.contradicted,
            s.single_source,
            s.missing,
            s.coverage.as_ref().map(crate::coverage::render::figure).unwrap_or_default()
        );
    }
    let shared: Vec<_> = report.agreement.iter().filter(|p| p.agree + p.contradict + p.not_comparable > 0).collect();
    if !shared.is_empty() {
        out.push_str("\nFacts two sources both state:\n\n| sources | agree | contradict | not comparable |\n|---|---:|---:|---:|\n");
        for p in shared {
            let _ = writeln!(
                out,
                "| {} × {} | {} | {} | {} |",
                cell(&p.a),
                cell(&p.b),
                p.agree,
                p.contradict,
                p.not_comparable
            );
        }
    }
    out.push_str("\n</details>\n\n");
}

fn missing(out: &mut String, report: &Report) {
    if report.missing.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<details><summary><b>Figures lost from their source ({})</b></summary>\n\n| claim | fact | quote at |\n|---|---|---|",
        report.missing.len()
    );
    for c in report.missing_claims.iter().map(|&c| report.claims.get(c)) {
        {
            let _ = writeln!(
                out,
                "| {} | {} · {} | {} |",
                code(&c.id),
                cell(&c.subject),
                cell(&c.property),
                code(&c.quote_place().to_string())
            );
        }
    }
    out.push_str("\n</details>\n\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_their_text_literal() {
        assert_eq!(cell("a | b"), "a \\| b");
        assert_eq!(cell("**x** _y_ `z` [l](u) <b>&"), "\\*\\*x\\*\\* \\_y\\_ \\`z\\` \\[l\\](u) &lt;b&gt;&amp;");
        assert_eq!(cell("two\nlines"), "two lines");
        assert_eq!(code("claims/a|b.json"), "`claims/a\\|b.json`");
        assert_eq!(code("a`b"), "a\\`b");
    }
}
