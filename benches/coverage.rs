//! Coverage and quote location on one long text, which must grow linearly with its length:
//! 1 and 4 MB, as lines and as a single line. `cargo bench --bench coverage`;
//! `cargo run --release --example long_text` goes to 50 MB and adds memory.

use claimcheck::{corpus, coverage};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

mod synthetic;

fn long_text(c: &mut Criterion) {
    let mut group = c.benchmark_group("long text");
    group.sample_size(10);
    for one_line in [false, true] {
        for mb in [1, 4] {
            let dir = tempfile::tempdir().unwrap();
            synthetic::write_long_text(dir.path(), mb << 20, one_line);
            let shape = if one_line { "one line" } else { "lines" };
            group.bench_with_input(BenchmarkId::new(format!("load, {shape}"), format!("{mb} MB")), &dir, |b, dir| {
                b.iter(|| corpus::load(dir.path()).claims.len())
            });
            let corpus = corpus::load(dir.path());
            assert!(!corpus.has_errors(), "{:?}", corpus.diagnostics.first());
            let config = coverage::Config::default();
            group.bench_with_input(
                BenchmarkId::new(format!("coverage, {shape}"), format!("{mb} MB")),
                &corpus,
                |b, corpus| b.iter(|| coverage::measure(corpus, &config).sources[0].mentions.len()),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, long_text);
criterion_main!(benches);
