//! The source × source agreement matrix: for each pair of sources, on how many facts their
//! claims agree, contradict, or cannot be compared.

use crate::check::{Outcome, Pair, Verdict, fact_verdict};
use crate::corpus::Corpus;
use serde::Serialize;
use std::collections::BTreeMap;

/// Two sources (in corpus order) and the facts both state, counted once each.
#[derive(Debug, Clone, Serialize)]
pub struct SourcePair {
    pub a: String,
    pub b: String,
    pub agree: usize,
    /// Facts where a claim of one contradicts a claim of the other, whatever the status.
    pub contradict: usize,
    pub not_comparable: usize,
}

/// Every pair of sources, those with no fact in common included, so the matrix is complete;
/// sources in `order`, as the report lists them.
pub fn source_pairs(corpus: &Corpus, outcome: &Outcome, order: &[usize]) -> Vec<SourcePair> {
    // (source a, source b) → fact → the pairs of their claims compared on it.
    let mut compared: BTreeMap<(usize, usize), BTreeMap<usize, Vec<Pair>>> = BTreeMap::new();
    for finding in &outcome.findings {
        for pair in &finding.pairs {
            let (sa, sb) = (corpus.claims[pair.a].source, corpus.claims[pair.b].source);
            if sa != sb {
                compared
                    .entry((sa.min(sb), sa.max(sb)))
                    .or_default()
                    .entry(finding.fact)
                    .or_default()
                    .push(pair.clone());
            }
        }
    }
    // Between two sources, a fact is judged as the checker judges it, on their claims alone.
    let facts: BTreeMap<(usize, usize), Vec<Verdict>> = compared
        .into_iter()
        .map(|(sources, by_fact)| (sources, by_fact.values().map(|pairs| fact_verdict(pairs)).collect()))
        .collect();
    let n = order.len();
    let mut pairs = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for (i, &a) in order.iter().enumerate() {
        for &b in &order[i + 1..] {
            let verdicts = facts.get(&(a.min(b), a.max(b)));
            let count = |v: Verdict| verdicts.map_or(0, |vs| vs.iter().filter(|&&w| w == v).count());
            pairs.push(SourcePair {
                a: corpus.sources[a].meta.id.clone(),
                b: corpus.sources[b].meta.id.clone(),
                agree: count(Verdict::Agree),
                contradict: count(Verdict::Contradict),
                not_comparable: count(Verdict::NotComparable),
            });
        }
    }
    pairs
}
