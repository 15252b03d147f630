//! The hot parts of a run, on one generated source (benches/corpus_gen): reading the claims'
//! values, folding the text, locating the quotes, scanning the text for figures. Quotes are
//! also located in a source the size of one of a million-claim corpus's fifty.
//! `cargo bench --bench hot`

#[path = "corpus_gen/mod.rs"]
mod corpus_gen;

use claimcheck::text::{Folded, GlyphMap, Mode, QuoteIndex};
use claimcheck::value::{self, ReadOptions};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// One generated source: its text, and its claims' quotes and values.
struct Sample {
    text: String,
    quotes: Vec<String>,
    values: Vec<String>,
}

/// The first source of a corpus generated as `spec` says.
fn sample(spec: &corpus_gen::Spec) -> Sample {
    let dir = tempfile::tempdir().unwrap();
    corpus_gen::generate(dir.path(), spec).unwrap();
    let text = std::fs::read_to_string(dir.path().join("texts/gen-00.txt")).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("sources/gen-00.json")).unwrap()).unwrap();
    let claims = json["claims"].as_array().unwrap();
    let field = |name: &str| claims.iter().map(|c| c[name].as_str().unwrap().to_string()).collect();
    Sample { text, quotes: field("quote"), values: field("value") }
}

fn hot(c: &mut Criterion) {
    // One of a 5,000-claim corpus's fifty sources.
    let s = sample(&corpus_gen::Spec::new(5_000, 1));
    let opts = ReadOptions::default();
    let glyphs = GlyphMap::new();

    let mut group = c.benchmark_group("value reader");
    group.throughput(Throughput::Elements(s.values.len() as u64));
    group.bench_function(format!("{} values", s.values.len()), |b| {
        b.iter(|| s.values.iter().filter(|v| value::read(v, &opts).is_ok()).count())
    });
    group.finish();

    let mut group = c.benchmark_group("folding");
    group.throughput(Throughput::Bytes(s.text.len() as u64));
    for mode in [Mode::Match, Mode::Read] {
        group.bench_function(format!("{mode:?} {} KiB", s.text.len() / 1024), |b| {
            b.iter(|| Folded::new(&s.text, &glyphs, mode).text.len())
        });
    }
    group.finish();

    let mut group = c.benchmark_group("quote location");
    group.throughput(Throughput::Elements(s.quotes.len() as u64));
    let quotes: Vec<&str> = s.quotes.iter().map(String::as_str).collect();
    group.bench_function(format!("{} quotes", quotes.len()), |b| {
        b.iter(|| QuoteIndex::new(&s.text, &glyphs).find_each(&quotes).iter().filter(|r| r.is_some()).count())
    });
    // A source of 20,000 claims in 9 MB of text, as each of a million-claim corpus's.
    let large = sample(&corpus_gen::Spec { sources: 1, ..corpus_gen::Spec::new(20_000, 1) });
    let index = QuoteIndex::new(&large.text, &glyphs);
    let quotes: Vec<&str> = large.quotes.iter().map(String::as_str).collect();
    group.throughput(Throughput::Elements(quotes.len() as u64));
    group.sample_size(10);
    group.bench_function(format!("{} quotes in {} MiB", quotes.len(), large.text.len() >> 20), |b| {
        b.iter(|| index.find_each(&quotes).iter().filter(|r| r.is_some()).count())
    });
    group.finish();

    let mut group = c.benchmark_group("mention scan");
    group.throughput(Throughput::Bytes(s.text.len() as u64));
    let folded = Folded::new(&s.text, &glyphs, Mode::Read);
    group.bench_function(format!("{} KiB", s.text.len() / 1024), |b| {
        b.iter(|| value::mentions(&folded.text, &opts).len())
    });
    group.finish();
}

criterion_group!(benches, hot);
criterion_main!(benches);
