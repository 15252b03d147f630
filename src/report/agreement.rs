//! The source × source agreement matrix: for each pair of sources, on how many facts their
//! claims agree, contradict, or cannot be compared.

use crate::check::{Outcome, Relation, Verdict};
use crate::corpus::Corpus;
use rustc_hash::FxHashMap;
use serde::Serialize;

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

/// Up to this many sources the list holds every pair, so the matrix is complete; past it,
/// only the pairs with a fact in common. Ten thousand sources would otherwise make fifty
/// million pairs, and no one reads a matrix that size.
pub const MATRIX_SOURCES: usize = 200;

/// Every pair of sources, those with no fact in common included up to [`MATRIX_SOURCES`]
/// sources; sources in `order`, as the report lists them.
pub fn source_pairs(corpus: &Corpus, outcome: &Outcome, order: &[usize]) -> Vec<SourcePair> {
    // Between two sources, a fact is judged as the checker judges it, on their claims
    // alone: the verdict of the pairs of their claims, over every finding filed under the
    // fact (a fact's own finding and those of its parts). Each fact is judged on its own,
    // then counted: (source a, source b) → facts that agree, contradict, cannot be compared.
    let mut by_fact: Vec<usize> = (0..outcome.findings.len()).collect();
    by_fact.sort_by_key(|&i| outcome.findings[i].fact);
    let mut counts: FxHashMap<(usize, usize), [usize; 3]> = FxHashMap::default();
    let mut judged: Vec<((usize, usize), Relation)> = Vec::new();
    for same_fact in by_fact.chunk_by(|&x, &y| outcome.findings[x].fact == outcome.findings[y].fact) {
        judged.clear();
        for pair in same_fact.iter().flat_map(|&i| outcome.findings[i].pairs.iter()) {
            let (sa, sb) = (corpus.claims[pair.a()].source, corpus.claims[pair.b()].source);
            if sa != sb {
                judged.push(((sa.min(sb), sa.max(sb)), pair.relation));
            }
        }
        judged.sort_unstable_by_key(|&(sources, _)| sources);
        for same_sources in judged.chunk_by(|x, y| x.0 == y.0) {
            let verdict = same_sources.iter().fold(Verdict::NotComparable, |v, &(_, relation)| v.with(relation));
            counts.entry(same_sources[0].0).or_default()[column(verdict)] += 1;
        }
    }
    let complete = order.len() <= MATRIX_SOURCES;
    let mut rank = vec![0; corpus.sources.len()];
    for (r, &s) in order.iter().enumerate() {
        rank[s] = r;
    }
    // Each pair with its sources in report order.
    let ordered = |(x, y): (usize, usize)| if rank[x] <= rank[y] { (x, y) } else { (y, x) };
    let listed: Vec<(usize, usize)> = if complete {
        order.iter().enumerate().flat_map(|(i, &a)| order[i + 1..].iter().map(move |&b| (a, b))).collect()
    } else {
        let mut shared: Vec<(usize, usize)> = counts.keys().map(|&p| ordered(p)).collect();
        shared.sort_by_key(|&(a, b)| (rank[a], rank[b]));
        shared
    };
    listed
        .into_iter()
        .map(|(a, b)| {
            let [agree, contradict, not_comparable] = counts.get(&(a.min(b), a.max(b))).copied().unwrap_or_default();
            SourcePair {
                a: corpus.sources[a].meta.id.clone(),
                b: corpus.sources[b].meta.id.clone(),
                agree,
                contradict,
                not_comparable,
            }
        })
        .collect()
}

/// A verdict's place in a count of `[agree, contradict, not comparable]`.
fn column(verdict: Verdict) -> usize {
    match verdict {
        Verdict::Agree => 0,
        Verdict::Contradict => 1,
        Verdict::NotComparable => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Run;
    use crate::corpus::MemoryFiles;

    /// `n` sources, each stating the population of its own place, but the first two the same.
    fn sources(n: usize) -> Run {
        let mut files = MemoryFiles::new("mem");
        let entities: Vec<String> = (0..n).map(|i| format!("{{\"id\": \"place-{i}\"}}")).collect();
        files.insert(
            "registry/r.json",
            format!(
                "{{\"entities\": [{}], \"properties\": [{{\"id\": \"population\", \"kind\": \"quantity\"}}]}}",
                entities.join(",")
            ),
        );
        for i in 0..n {
            let place = if i < 2 { 0 } else { i };
            files.insert(format!("texts/s{i:03}.txt"), "The population is 1000.");
            files.insert(
                format!("sources/s{i:03}.json"),
                format!(
                    "{{\"source\": {{\"id\": \"s{i:03}\", \"title\": \"t\", \"path\": \"texts/s{i:03}.txt\"}}, \"claims\": \
                     [{{\"id\": \"c{i}\", \"subject\": \"place-{place}\", \"property\": \"population\", \"value\": \"1000\", \
                     \"quote\": \"population is 1000\"}}]}}"
                ),
            );
        }
        let run = Run::from_files(&files, &Default::default());
        assert!(!run.corpus.has_errors(), "{:?}", run.corpus.diagnostics.first());
        run
    }

    #[test]
    fn the_matrix_is_complete_up_to_its_size_then_lists_shared_facts_only() {
        let (small, large) = (sources(MATRIX_SOURCES), sources(MATRIX_SOURCES + 1));
        let (small, large) = (small.report(), large.report());
        assert_eq!(small.agreement.len(), MATRIX_SOURCES * (MATRIX_SOURCES - 1) / 2);
        let pairs: Vec<(&str, &str, usize)> =
            large.agreement.iter().map(|p| (p.a.as_str(), p.b.as_str(), p.agree)).collect();
        assert_eq!(pairs, [("s000", "s001", 1)]);
        let html = crate::report::html::render(&large);
        assert!(html.contains("201 sources: too many for a matrix") && !html.contains("class=\"matrix\""));
    }
}
