//! Relations between facts that the graph links: a part's count or sum cannot exceed its
//! whole's (the Russian contingent cannot outnumber the whole force; dates and ranks of a
//! part are not bounded by the whole's), and the shares of one whole held
//! by parts that exclude each other (ethnic groups, religions) cannot add up past 100%.
//! Each is a finding of its own, with the claims on each side, and counts for CI like any
//! contradiction. Only facts the graph links are compared: never all pairs of claims.

use super::{Finding, Pair, Relation, Verdict, compared, fingerprint, show_value};
use crate::corpus::{Claim, Corpus, PropertyKind, Value};
use crate::graph::{ClaimGraph, FactKey, SCOPE, whole_key};
use crate::value::Reading;
use std::collections::BTreeMap;

pub fn findings(corpus: &Corpus, graph: &ClaimGraph) -> Vec<Finding> {
    let mut out = Vec::new();
    // (the whole's key, part qualifier) → facts about its parts, for the shares: a whole
    // that no claim states still has its shares.
    let mut shares: BTreeMap<(FactKey, String), Vec<usize>> = BTreeMap::new();
    for (part, fact) in graph.facts.iter().enumerate() {
        let property = &corpus.registry.properties[corpus.claims[fact.claims[0]].property];
        if property.kind == PropertyKind::Percentage {
            if let Some(whole) = whole_key(corpus, &fact.key) {
                shares.entry(whole).or_default().push(part);
            }
        } else if property.kind == PropertyKind::Quantity
            && let Some((whole, _)) = &graph.whole_of[part]
            && let Some(f) = part_exceeds_whole(corpus, graph, part, *whole)
        {
            out.push(f);
        }
    }
    for ((whole, qualifier), parts) in shares {
        out.extend(shares_exceed_whole(corpus, graph, &whole, &qualifier, &parts));
    }
    out
}

fn reading(claim: &Claim) -> Option<&Reading> {
    match &claim.value {
        Value::Reading(r) if !claim.qualifiers.contains_key(SCOPE) => Some(r),
        _ => None,
    }
}

/// Whether two claims may be about the same moment: both undated, one undated, or dates that
/// overlap.
fn same_time(a: &Claim, b: &Claim) -> bool {
    match (&a.as_of, &b.as_of) {
        (Some(x), Some(y)) => x.overlaps(y),
        _ => true,
    }
}

fn part_exceeds_whole(corpus: &Corpus, graph: &ClaimGraph, part: usize, whole: usize) -> Option<Finding> {
    let mut pairs = Vec::new();
    for &p in &graph.facts[part].claims {
        let (cp, Some(rp)) = (&corpus.claims[p], reading(&corpus.claims[p])) else { continue };
        for &w in &graph.facts[whole].claims {
            let (cw, Some(rw)) = (&corpus.claims[w], reading(&corpus.claims[w])) else { continue };
            let exceeds = matches!((rp.interval.lo, rw.interval.hi), (Some(lo), Some(hi)) if lo > hi);
            if exceeds && same_time(cp, cw) && cp.currency == cw.currency {
                let explanation = format!(
                    "{} {} = {} is a part of {} {} = {}, and exceeds it",
                    cp.id,
                    show_value(corpus, cp),
                    compared(cp, rp),
                    cw.id,
                    show_value(corpus, cw),
                    compared(cw, rw)
                );
                pairs.push(Pair::new(p, w, Relation::Contradict, "part-exceeds-whole", Some(explanation)));
            }
        }
    }
    let key = format!("{} ⊂ {}", graph.facts[part].key, graph.facts[whole].key);
    finding(corpus, key, part, "part-exceeds-whole", pairs)
}

fn shares_exceed_whole(
    corpus: &Corpus,
    graph: &ClaimGraph,
    whole: &FactKey,
    qualifier: &str,
    parts: &[usize],
) -> Vec<Finding> {
    let Ok(declared) = corpus.registry.qualifier(qualifier) else { return Vec::new() };
    let mut out = Vec::new();
    for set in &declared.exclusive {
        // Each part at its smallest reading: the sum past 100% holds however the figures are read.
        let mut least: Vec<(usize, f64)> = Vec::new();
        for &part in parts {
            let value = graph.facts[part].key.qualifiers.iter().find(|(k, _)| k == qualifier).map(|(_, v)| v);
            if !value.is_some_and(|v| set.contains(v)) {
                continue;
            }
            let smallest = graph.facts[part]
                .claims
                .iter()
                .filter_map(|&c| Some((c, reading(&corpus.claims[c])?.interval.lo?)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            least.extend(smallest);
        }
        let total: f64 = least.iter().map(|(_, v)| v).sum();
        if least.len() < 2 || total <= 100.0 {
            continue;
        }
        let listed: Vec<String> =
            least.iter().map(|&(c, v)| format!("{} {}", corpus.claims[c].id, crate::value::format_number(v))).collect();
        let explanation = format!(
            "shares of one whole that exclude each other add up to at least {}%: {}",
            crate::value::format_number(total),
            listed.join(" + ")
        );
        let pairs = least
            .windows(2)
            .map(|w| Pair::new(w[0].0, w[1].0, Relation::Contradict, "shares-exceed-whole", Some(explanation.clone())))
            .collect();
        let key = format!("{whole} · shares by {qualifier} of [{}]", set.join(", "));
        let Some(filed_under) = graph.fact_of[least[0].0] else { continue };
        out.extend(finding(corpus, key, filed_under, "shares-exceed-whole", pairs));
    }
    out
}

fn finding(corpus: &Corpus, key: String, fact: usize, reason: &'static str, pairs: Vec<Pair>) -> Option<Finding> {
    if pairs.is_empty() {
        return None;
    }
    let mut claims: Vec<usize> = pairs.iter().flat_map(|p| [p.a(), p.b()]).collect();
    claims.sort_by(|&a, &b| corpus.claims[a].id.cmp(&corpus.claims[b].id));
    claims.dedup();
    let explanation = pairs.iter().take(3).map(|p| super::explanation(corpus, p)).collect::<Vec<_>>().join("; ");
    Some(Finding {
        fingerprint: fingerprint(&key),
        key,
        fact,
        verdict: Verdict::Contradict,
        reason,
        explanation,
        claims,
        pairs: pairs.into(),
        status: None,
        resolution: None,
        reopened: Vec::new(),
    })
}
