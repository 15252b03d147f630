//! SARIF 2.1.0 for code scanning: one result per contradiction, at its first claim in the
//! claims files, with the other claims and every quote in the source texts as related
//! locations.
//!
//! New and reopened contradictions are errors (`baselineState` `new` and `updated`);
//! baselined ones are warnings (`unchanged`), so a viewer shows what is known as well as
//! what is new; resolved ones come with an external, accepted suppression carrying the
//! editors' note. Agreements and findings that cannot be compared are not results.

use super::layout::{one_line, path_uri};
use super::{ClaimOut, FindingOut, Place, Report};
use crate::check::{Status, Verdict};
use serde_json::{Value, json};

const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key under which `partialFingerprints` carries a finding's fingerprint.
pub const FINGERPRINT_KEY: &str = "claimcheck/finding/v1";

/// The reasons a contradiction is given, as rules: (id, short description, what to do).
const RULES: &[(&str, &str, &str)] = &[
    (
        "disjoint-intervals",
        "Two sources give figures that cannot both be true",
        "The claims' intervals (the figure with its hedge and precision) do not overlap. Check both quotes: \
         fix a claim that misreads its source, or record the editors' decision in resolutions.json.",
    ),
    (
        "different-entity",
        "Two sources name different entities for a single-valued property",
        "Check both quotes: fix a claim that misreads its source, or record the editors' decision in resolutions.json.",
    ),
    (
        "set-mismatch",
        "Two sources list different members for one set",
        "Check both quotes: fix a claim that misreads its source, or record the editors' decision in resolutions.json.",
    ),
    (
        "cumulative-decreased",
        "A running total falls between two dates",
        "A cumulative figure (deaths, arrests) cannot fall over time: one of the figures or dates is wrong. \
         Check both quotes and their as_of dates.",
    ),
];

pub fn render(report: &Report) -> String {
    // Bidi controls and invisible characters of the corpus show as their code points.
    let report = &report.visible();
    let findings: Vec<&FindingOut> = report.findings.iter().filter(|f| f.verdict == Verdict::Contradict).collect();
    // The known reasons in a fixed order, then any other reason a finding gives.
    let mut rule_ids: Vec<&str> = RULES.iter().map(|r| r.0).collect();
    for f in &findings {
        if !rule_ids.contains(&f.reason) {
            rule_ids.push(f.reason);
        }
    }
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let rule_index = rule_ids.iter().position(|&r| r == f.reason).unwrap_or_default();
            result(f, &report.claims.of(f), rule_index)
        })
        .collect();
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver(&rule_ids) },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&sarif).expect("a JSON value always serializes");
    s.push('\n');
    s
}

fn driver(rule_ids: &[&str]) -> Value {
    let rules: Vec<Value> = rule_ids
        .iter()
        .map(|&id| {
            let (short, help) = RULES
                .iter()
                .find(|r| r.0 == id)
                .map_or(("Two sources contradict each other", RULES[0].2), |r| (r.1, r.2));
            json!({
                "id": id,
                "name": camel_case(id),
                "shortDescription": { "text": short },
                "fullDescription": { "text": format!("{short}. {help}") },
                "help": { "text": help },
                "defaultConfiguration": { "level": "error" },
                "properties": { "tags": ["claims", "contradiction"] },
            })
        })
        .collect();
    let mut driver = json!({
        "name": "claimcheck",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    // An absolute URI is required; only the package metadata knows one.
    let uri = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")].into_iter().find(|u| !u.is_empty());
    if let Some(uri) = uri {
        driver["informationUri"] = uri.into();
    }
    driver
}

fn result(f: &FindingOut, claims: &[ClaimOut], rule_index: usize) -> Value {
    let (level, baseline_state) = match f.status {
        Some(Status::Reopened) => ("error", "updated"),
        Some(Status::New) => ("error", "new"),
        Some(Status::Baselined) => ("warning", "unchanged"),
        Some(Status::Resolved) | None => ("note", "unchanged"),
    };
    // Each claim after the first, and every quote, is a related location the message links to.
    let mut related = Vec::new();
    let mut sides = Vec::new();
    for (k, c) in claims.iter().enumerate() {
        let claim_link = if k == 0 {
            text(&c.id)
        } else {
            related.push(location(&c.claim_location, Some(related.len() + 1), format!("claim {}", c.id)));
            format!("[{}]({})", text(&c.id), related.len())
        };
        let quote_link = match &c.quote_location {
            Some(place) => {
                let quoted = format!("{} in {}: «{}»", c.value_text(), c.source, one_line(&c.quote));
                related.push(location(place, Some(related.len() + 1), quoted));
                format!(", [quote]({})", related.len())
            }
            None => String::new(),
        };
        sides.push(format!("{claim_link} {} ({}{quote_link})", text(&c.value_text()), text(&c.source)));
    }
    let message = format!(
        "Sources contradict on {}: {}. {}: {}",
        text(&f.fact),
        sides.join(" vs "),
        text(f.reason),
        text(&f.explanation)
    );
    let first = claims.first().map(|c| location(&c.claim_location, None, format!("claim {}", c.id)));
    let mut result = json!({
        "ruleId": f.reason,
        "ruleIndex": rule_index,
        "kind": "fail",
        "level": level,
        "baselineState": baseline_state,
        "message": { "text": message },
        "locations": first.into_iter().collect::<Vec<_>>(),
        "relatedLocations": related,
        "partialFingerprints": { FINGERPRINT_KEY: f.fingerprint },
        "properties": { "fact": f.fact, "claims": f.claims, "status": f.status_label() },
    });
    if let Some(r) = &f.resolution
        && f.status == Some(Status::Resolved)
    {
        result["suppressions"] = json!([{
            "kind": "external",
            "status": "accepted",
            "justification": format!("{} ({}): {}", r.status, r.date, r.note),
        }]);
    }
    result
}

/// A place in a file; `id` for related locations, which messages link to as `[text](id)`.
fn location(place: &Place, id: Option<usize>, message: String) -> Value {
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": path_uri(&place.file) },
            "region": { "startLine": place.line, "startColumn": place.column },
        },
        "message": { "text": text(&message) },
    });
    if let Some(id) = id {
        location["id"] = id.into();
    }
    location
}

/// Message text: square brackets would read as links, so they are escaped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `disjoint-intervals` → `DisjointIntervals`, a rule's readable name.
fn camel_case(id: &str) -> String {
    id.split(['-', '_'])
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
        })
        .collect()
}
