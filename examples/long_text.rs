//! How coverage scales with the length of one text: builds a corpus of one source of each
//! size (several lines, then one line), and prints the time to load it (quotes located),
//! to measure its coverage, and the peak resident memory.
//! `cargo run --release --example long_text [MAX_MB]`

use claimcheck::{corpus, coverage};
use std::time::Instant;

#[path = "../benches/synthetic/mod.rs"]
mod synthetic;

fn main() {
    let max: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    println!("{:>6} {:>9} {:>9} {:>10} {:>12} {:>10}", "MB", "lines", "mentions", "load s", "coverage s", "peak MiB");
    for one_line in [false, true] {
        for mb in [1, 4, 16, 50].into_iter().filter(|&mb| mb <= max) {
            let dir = tempfile::tempdir().unwrap();
            synthetic::write_long_text(dir.path(), mb << 20, one_line);
            let t = Instant::now();
            let corpus = corpus::load(dir.path());
            let load = t.elapsed();
            assert!(!corpus.has_errors(), "{:?}", corpus.diagnostics.first());
            let t = Instant::now();
            let measured = coverage::measure(&corpus, &coverage::Config::default());
            let cover = t.elapsed();
            let mentions: usize = measured.sources.iter().map(|s| s.mentions.len()).sum();
            let lines = corpus.sources[0].text.lines().count();
            println!(
                "{mb:>6} {lines:>9} {mentions:>9} {:>10.2} {:>12.2} {:>10.0}",
                load.as_secs_f64(),
                cover.as_secs_f64(),
                synthetic::peak_rss_mib()
            );
        }
    }
}
