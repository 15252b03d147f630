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

/// The source-reliability iteration alone, on a run already checked.
fn reliability(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    synthetic::write_corpus(dir.path(), &synthetic::Shape { sources: 50, claims_per_source: 200, facts: 2_500 });
    let run = Run::new(dir.path());
    c.bench_function("reliability 10000 claims", |b| {
        b.iter(|| claimcheck::check::reliability::assess(&run.corpus, &run.outcome).len())
    });
    let run = Run::new(std::path::Path::new("claims"));
    c.bench_function("reliability shipped corpus", |b| {
        b.iter(|| claimcheck::check::reliability::assess(&run.corpus, &run.outcome).len())
    });
}

criterion_group!(benches, pipeline, shipped, reliability);
criterion_main!(benches);
