//! The claim graph in Graphviz DOT: one cluster per fact that two claims or more state,
//! a node per claim (its source and value), and an edge per compared pair coloured by how
//! the two relate. `claimcheck check --format dot | dot -Tsvg > graph.svg` draws it.

use super::{Claims, FindingOut, Report, verdict_label};
use crate::check::{Relation, Verdict};
use std::fmt::Write;

const RED: &str = "#c62828";
const GREEN: &str = "#2e7d32";
const GREY: &str = "#757575";

pub fn render(report: &Report) -> String {
    // Bidi controls and invisible characters of the corpus show as their code points.
    let report = &report.visible();
    let mut out = String::new();
    let _ = writeln!(out, "graph claims {{");
    let _ = writeln!(
        out,
        "  graph [label={}, labelloc=t, fontname=\"sans-serif\", rankdir=LR, newrank=true];",
        quoted(&format!("claimcheck: {}", report.corpus.display()))
    );
    let _ =
        writeln!(out, "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"sans-serif\"];");
    let _ = writeln!(out, "  edge [fontname=\"sans-serif\", fontsize=10];");
    for f in &report.findings {
        cluster(&mut out, f, &report.claims);
    }
    out.push_str("}\n");
    out
}

fn cluster(out: &mut String, f: &FindingOut, claims: &Claims) {
    let (mark, word) = verdict_label(f.verdict);
    let status = f.status_label().map_or(String::new(), |s| format!(" [{s}]"));
    let color = match f.verdict {
        Verdict::Contradict if f.is_open() => RED,
        Verdict::Agree => GREEN,
        _ => GREY,
    };
    let _ = writeln!(out, "\n  subgraph {} {{", quoted(&format!("cluster_{}", f.fingerprint)));
    let _ = writeln!(out, "    label={};", quoted(&format!("{mark} {word}{status}\n{}", f.fact)));
    let _ = writeln!(out, "    color={};", quoted(color));
    for c in claims.of(f) {
        let context = c.context();
        let context = if context.is_empty() { String::new() } else { format!("\n({})", context.join(", ")) };
        let _ = writeln!(
            out,
            "    {} [label={}, tooltip={}];",
            quoted(&c.id),
            quoted(&format!("{}\n{}{context}", c.source, c.value_text())),
            quoted(&format!("{} at {}", c.id, c.quote_place()))
        );
    }
    for p in f.pairs.iter() {
        let style = match p.relation {
            Relation::Agree => format!("color={}, penwidth=2", quoted(GREEN)),
            Relation::Contradict => format!("color={}, penwidth=2", quoted(RED)),
            _ => format!("color={}, style=dashed", quoted(GREY)),
        };
        let _ = writeln!(
            out,
            "    {} -- {} [{style}, label={}, tooltip={}];",
            quoted(p.a),
            quoted(p.b),
            quoted(p.reason),
            quoted(&p.explanation)
        );
    }
    let _ = writeln!(out, "  }}");
}

/// A DOT string: any text, Arabic included, with `"` and `\` escaped and line breaks as `\n`.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_quoted() {
        assert_eq!(quoted("a \"b\" \\n\nروسيا"), r#""a \"b\" \\n\nروسيا""#);
    }
}
