//! How time and memory grow with the corpus: builds synthetic corpora of growing size and
//! prints, for each, the time of each pipeline step and the peak resident memory.
//! `cargo run --release --example scale [MAX_CLAIMS]`

use claimcheck::{check, corpus, graph};
use std::time::Instant;

#[path = "../benches/synthetic/mod.rs"]
mod synthetic;

fn main() {
    let max: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    println!(
        "{:>8} {:>8} {:>10} {:>10} {:>10} {:>12}",
        "claims", "facts", "load ms", "link ms", "check ms", "peak MiB"
    );
    let mut claims = 1_000;
    while claims <= max {
        let sources = (claims / 500).max(2);
        let shape = synthetic::Shape { sources, claims_per_source: claims / sources, facts: claims / 4 };
        let dir = tempfile::tempdir().unwrap();
        synthetic::write_corpus(dir.path(), &shape);
        let t = Instant::now();
        let corpus = corpus::load(dir.path());
        let load = t.elapsed();
        assert!(!corpus.has_errors(), "{:?}", corpus.diagnostics.first());
        let t = Instant::now();
        let graph = graph::link(&corpus);
        let link = t.elapsed();
        let t = Instant::now();
        let outcome = check::check(&corpus, &graph, &check::ledger::Ledger::default());
        let checked = t.elapsed();
        println!(
            "{:>8} {:>8} {:>10.1} {:>10.1} {:>10.1} {:>12.1}",
            corpus.claims.len(),
            graph.facts.len(),
            load.as_secs_f64() * 1e3,
            link.as_secs_f64() * 1e3,
            checked.as_secs_f64() * 1e3,
            synthetic::peak_rss_mib()
        );
        assert!(outcome.findings.len() <= graph.facts.len());
        claims *= 10;
    }
}
