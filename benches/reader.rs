//! Time of the value reader: whole expressions from the reader tables (Arabic and English),
//! and the mention scan over the shipped corpus' texts. Run with `cargo bench --bench reader`.

use claimcheck::text::{Mode, fold};
use claimcheck::value::{self, ReadOptions};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The expressions of a reader table (`family | options | expression | expected | why`)
/// that take no options.
fn expressions(path: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split(" | ").collect();
            (f.len() == 5 && f[1] == "-").then(|| f[2].to_string())
        })
        .collect()
}

fn read(c: &mut Criterion) {
    let opts = ReadOptions::default();
    let mut group = c.benchmark_group("read");
    for (name, path) in [("arabic", "tests/data/reader/arabic.txt"), ("english", "tests/data/reader/english.txt")] {
        let exprs = expressions(path);
        group.throughput(Throughput::Elements(exprs.len() as u64));
        group.bench_function(name, |b| b.iter(|| exprs.iter().filter(|e| value::read(e, &opts).is_ok()).count()));
    }
    group.finish();
}

fn mentions(c: &mut Criterion) {
    let mut texts: Vec<String> = std::fs::read_dir("claims/texts")
        .unwrap()
        .map(|e| fold(&std::fs::read_to_string(e.unwrap().path()).unwrap(), Mode::Read))
        .collect();
    texts.sort();
    let bytes: usize = texts.iter().map(String::len).sum();
    let opts = ReadOptions { default_year: Some(2022), ..ReadOptions::default() };
    let mut group = c.benchmark_group("mentions");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("shipped texts", |b| {
        b.iter(|| texts.iter().map(|t| value::mentions(t, &opts).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, read, mentions);
criterion_main!(benches);
