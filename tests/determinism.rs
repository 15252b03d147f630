//! Every output is a function of the corpus, not of the order it is read in: with the
//! sources (the files) and the claims held in other orders, every report format and the
//! coverage outputs come out the same, byte for byte. Floating-point sums (the reliability
//! scores) are where order showed: they change in the last digit unless summed in a fixed
//! order.

use claimcheck::corpus::Corpus;
use claimcheck::{Run, check, coverage, graph, report};
use std::path::Path;

/// Every format of `check` and `report`, and coverage with every mention, in text and JSON.
fn outputs(run: &Run) -> Vec<(&'static str, String)> {
    let r = run.report();
    let suggestions = coverage::suggest::suggest(&run.corpus, &run.coverage.sources);
    vec![
        ("text", report::text::render(&r)),
        ("json", report::json::render(&r)),
        ("markdown", report::markdown::render(&r)),
        ("html", report::html::render(&r)),
        ("sarif", report::sarif::render(&r)),
        ("github", report::github::render(&r)),
        ("dot", report::dot::render(&r)),
        ("coverage text", coverage::render::text(&run.coverage, true)),
        ("coverage json", coverage::render::json(&run.coverage, &run.corpus.root, true)),
        ("suggestions", coverage::render::suggestions_json(&suggestions)),
    ]
}

/// A small deterministic generator (xorshift), so each shuffle can be replayed by its seed.
struct Shuffler(u64);

impl Shuffler {
    fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut p: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            p.swap(i, (self.0 % (i as u64 + 1)) as usize);
        }
        p
    }
}

/// The corpus with its sources and claims in another order, linked, checked and covered again.
fn reordered(root: &Path, seed: u64) -> Run {
    let mut shuffler = Shuffler(seed);
    let run = Run::new(root);
    let Corpus { root, sources, claims, registry, diagnostics } = run.corpus;
    let source_order = shuffler.permutation(sources.len());
    let mut new_index = vec![0; sources.len()];
    for (new, &old) in source_order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sources: Vec<Option<_>> = sources.into_iter().map(Some).collect();
    let sources = source_order.iter().map(|&old| sources[old].take().unwrap()).collect();
    let claim_order = shuffler.permutation(claims.len());
    let claims = claim_order
        .iter()
        .map(|&old| {
            let mut claim = claims[old].clone();
            claim.source = new_index[claim.source];
            claim
        })
        .collect();
    let corpus = Corpus { root, sources, claims, registry, diagnostics };
    let graph = graph::link(&corpus);
    let outcome = check::check(&corpus, &graph, &run.ledger);
    let ids: Vec<&str> = corpus.sources.iter().map(|s| s.meta.id.as_str()).collect();
    let config = coverage::Config::load(&corpus.root, &ids, &mut Vec::new());
    let coverage = coverage::measure(&corpus, &config);
    Run { corpus, graph, outcome, coverage, ledger: run.ledger }
}

fn assert_same_outputs(root: &Path) {
    let reference = outputs(&Run::new(root));
    for seed in [1, 2, 3, 0x9E37_79B9_7F4A_7C15] {
        let shuffled = outputs(&reordered(root, seed));
        for ((format, a), (_, b)) in reference.iter().zip(&shuffled) {
            if a != b {
                let line = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
                panic!(
                    "{format} differs with seed {seed} at line {}:\n  {}\n  {}",
                    line + 1,
                    a.lines().nth(line).unwrap_or(""),
                    b.lines().nth(line).unwrap_or("")
                );
            }
        }
    }
}

#[test]
fn the_shipped_corpus_gives_the_same_bytes_in_any_order() {
    assert_same_outputs(Path::new("claims"));
}

#[test]
fn the_reliability_fixture_gives_the_same_bytes_in_any_order() {
    assert_same_outputs(Path::new("tests/fixtures/reliability"));
}

/// Every file of a corpus folder, read into memory under the same root.
fn in_memory(root: &Path) -> claimcheck::corpus::MemoryFiles {
    let mut files = claimcheck::corpus::MemoryFiles::new(root);
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(path.strip_prefix(root).unwrap(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn a_corpus_held_in_memory_gives_the_same_bytes_as_on_disk() {
    for root in ["tests/fixtures/two-sources", "tests/fixtures/coverage", "tests/fixtures/untrusted/bidi-quote"] {
        let root = Path::new(root);
        let from_disk = outputs(&Run::new(root));
        let from_memory = outputs(&Run::from_files(&in_memory(root), &Default::default()));
        for ((format, a), (_, b)) in from_disk.iter().zip(&from_memory) {
            assert_eq!(a, b, "{format} of {}", root.display());
        }
    }
}
