//! Time to build the report model and lay it out in each format, on the shipped corpus and
//! on a synthetic one of 10,000 claims. Run with `cargo bench --bench reports`.

use claimcheck::{Run, report};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

mod synthetic;

type Render = fn(&report::Report) -> String;

const FORMATS: [(&str, Render); 7] = [
    ("text", report::text::render),
    ("json", report::json::render),
    ("markdown", report::markdown::render),
    ("html", report::html::render),
    ("sarif", report::sarif::render),
    ("github", report::github::render),
    ("dot", report::dot::render),
];

fn formats(c: &mut Criterion, name: &str, run: &Run) {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.bench_function("model", |b| b.iter(|| run.report().claims.len()));
    let model = run.report();
    for (format, render) in FORMATS {
        group.bench_with_input(BenchmarkId::from_parameter(format), &model, |b, model| b.iter(|| render(model).len()));
    }
    group.finish();
}

fn shipped(c: &mut Criterion) {
    formats(c, "reports/shipped", &Run::new(std::path::Path::new("claims")));
}

fn synthetic(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    synthetic::write_corpus(dir.path(), &synthetic::Shape { sources: 50, claims_per_source: 200, facts: 2500 });
    let run = Run::new(dir.path());
    assert!(!run.corpus.has_errors());
    formats(c, "reports/10000-claims", &run);
}

criterion_group!(benches, shipped, synthetic);
criterion_main!(benches);
