//! Time of the whole pipeline (load, verify quotes and values, link, check) on synthetic
//! corpora. Run with `cargo bench`; `cargo run --release --example scale` adds memory.

use claimcheck::Run;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

mod synthetic;

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    for (sources, per_source) in [(10, 100), (50, 200)] {
        let dir = tempfile::tempdir().unwrap();
        let shape = synthetic::Shape { sources, claims_per_source: per_source, facts: sources * per_source / 4 };
        synthetic::write_corpus(dir.path(), &shape);
        group.bench_with_input(BenchmarkId::from_parameter(sources * per_source), &dir, |b, dir| {
            b.iter(|| {
                let run = Run::new(dir.path());
                assert!(!run.corpus.has_errors());
                run.outcome.findings.len()
            })
        });
    }
    group.finish();
}

fn shipped(c: &mut Criterion) {
    c.bench_function("shipped corpus", |b| b.iter(|| Run::new(std::path::Path::new("claims")).outcome.findings.len()));
}

criterion_group!(benches, pipeline, shipped);
criterion_main!(benches);
