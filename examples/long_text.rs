//! How coverage scales with the length of one text: builds a corpus of one source of each
//! size (the shipped texts repeated; then number-dense text, as lines and as one line), and
//! prints the time to load it (quotes located), to measure its coverage, and the peak
//! resident memory (which only grows: each line shows the most so far).
//! `cargo run --release --example long_text [MAX_MB]`

use claimcheck::{corpus, coverage};
use std::time::Instant;

#[path = "../benches/synthetic/mod.rs"]
mod synthetic;

fn main() {
    let max: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    println!(
        "{:<16} {:>4} {:>9} {:>9} {:>8} {:>11} {:>9}",
        "text", "MB", "lines", "mentions", "load s", "coverage s", "peak MiB"
    );
    for shape in ["news", "dense lines", "dense one line"] {
        for mb in [1, 4, 16, 50].into_iter().filter(|&mb| mb <= max) {
            let dir = tempfile::tempdir().unwrap();
            match shape {
                "news" => synthetic::write_repeated_news(dir.path(), mb << 20),
                _ => synthetic::write_long_text(dir.path(), mb << 20, shape == "dense one line"),
            }
            let t = Instant::now();
            let corpus = corpus::load(dir.path());
            let load = t.elapsed();
            // The shipped texts hold private-use glyphs with no map here: warnings only.
            assert!(!corpus.has_errors(), "{:?}", corpus.diagnostics.first());
            let t = Instant::now();
            let measured = coverage::measure(&corpus, &coverage::Config::default());
            let cover = t.elapsed();
            let mentions: usize = measured.sources.iter().map(|s| s.mentions.len()).sum();
            let lines = corpus.sources[0].text.lines().count();
            println!(
                "{shape:<16} {mb:>4} {lines:>9} {mentions:>9} {:>8.2} {:>11.2} {:>9.0}",
                load.as_secs_f64(),
                cover.as_secs_f64(),
                synthetic::peak_rss_mib()
            );
        }
    }
}
