//! The generated corpus (benches/corpus_gen) checked end to end: every planted contradiction
//! is found and nothing else is, the findings are the same whatever the thread settings, and
//! the JSON report written across cores is the model's own layout.

mod common;
#[path = "../benches/corpus_gen/mod.rs"]
mod corpus_gen;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// `check --format json` on `root` with the given environment; (exit code, stdout, stderr).
fn check(root: &Path, env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = common::claimcheck();
    cmd.args(["check", root.to_str().unwrap(), "--format", "json", "--color=never"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn planted_contradictions_are_all_found_and_nothing_else_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = corpus_gen::generate(dir.path(), &corpus_gen::Spec::new(2000, 7)).unwrap();
    // The shape the issue asks for.
    assert_eq!((manifest.sources, manifest.facts, manifest.claims), (50, 200, 2000));
    assert!(!manifest.contradictions.is_empty());
    let indic = manifest.arabic_indic_quotes as f64 / manifest.claims as f64;
    assert!((0.28..0.39).contains(&indic), "a third of the quotes in Arabic-Indic digits: {indic}");
    assert!(manifest.attributed > 0);

    let (code, one, stderr) = check(dir.path(), &[("RAYON_NUM_THREADS", "1"), ("CLAIMCHECK_THREADS", "1")]);
    assert!(stderr.is_empty(), "every generated claim loads cleanly:\n{stderr}");
    assert_eq!(code, 1, "new contradictions fail the run");
    let (_, four, _) = check(dir.path(), &[("RAYON_NUM_THREADS", "4"), ("CLAIMCHECK_THREADS", "4")]);
    assert!(one == four, "the output changed with the number of threads");

    let json: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(json["summary"]["claims"], 2000);
    assert_eq!(json["summary"]["facts"], 200);
    let found: BTreeMap<&str, &serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["verdict"] == "contradict")
        .map(|f| (f["fact"].as_str().unwrap(), f))
        .collect();
    let planted: BTreeSet<&str> = manifest.contradictions.iter().map(|p| p.fact.as_str()).collect();
    let found_facts: BTreeSet<&str> = found.keys().copied().collect();
    assert_eq!(found_facts, planted, "contradictions found (left) against those planted (right)");
    for p in &manifest.contradictions {
        let finding = found[p.fact.as_str()];
        let by_planted = finding["pairs"].as_array().unwrap().iter().any(|pair| {
            (pair["a"] == p.claim.as_str() || pair["b"] == p.claim.as_str())
                && pair["relation"] == "contradict"
                && pair["reason"] == p.reason
        });
        assert!(by_planted, "{}: no `{}` pair with {}:\n{finding:#}", p.fact, p.reason, p.claim);
    }
}

#[test]
fn the_generator_is_deterministic_from_its_seed() {
    let (a, b, c) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    corpus_gen::generate(a.path(), &corpus_gen::Spec::new(500, 3)).unwrap();
    corpus_gen::generate(b.path(), &corpus_gen::Spec::new(500, 3)).unwrap();
    corpus_gen::generate(c.path(), &corpus_gen::Spec::new(500, 4)).unwrap();
    let files = |root: &Path| -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        for dir in ["", "sources", "texts", "registry"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.is_file() {
                    out.insert(
                        format!("{dir}/{}", path.file_name().unwrap().to_string_lossy()),
                        std::fs::read(&path).unwrap(),
                    );
                }
            }
        }
        out
    };
    let (fa, fb, fc) = (files(a.path()), files(b.path()), files(c.path()));
    assert_eq!(fa.len(), 50 + 50 + 1 + 2);
    assert!(fa == fb, "the same seed writes the same files");
    assert!(fa != fc, "another seed writes another corpus");
}

/// The JSON report is written across cores, claims and findings a batch at a time: the
/// bytes are serde_json's own pretty layout of the same model, on the shipped corpus (hidden
/// characters escaped) and on a generated one of several batches.
#[test]
fn the_json_written_across_cores_is_the_models_own_layout() {
    let dir = tempfile::tempdir().unwrap();
    corpus_gen::generate(dir.path(), &corpus_gen::Spec::new(3000, 5)).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    for root in [dir.path(), shipped.as_path()] {
        let run = claimcheck::Run::new(root);
        let report = run.report();
        assert!(report.claims.len() > 400 && !report.findings.is_empty());
        let written = claimcheck::report::json::render(&report);
        assert!(written == claimcheck::report::json::pretty(&report), "{} differs", root.display());
    }
}
