//! The drafter measured on short news texts the corpus has no claims for: the share of
//! figures drafted with the fact key a careful encoder chose (value, subject, property,
//! qualifiers), and every drafted file loading and verifying as it stands.

mod common;

use claimcheck::corpus;
use claimcheck::coverage::Config;
use claimcheck::draft::{self, SourceFile, TextInfo};
use serde_json::Value;
use std::path::Path;

const DATA: &str = "tests/data/draft";

/// Each text drafted with the shipped registry, with its expected claims.
fn drafts() -> Vec<(String, SourceFile, Vec<Value>)> {
    let root = Path::new("claims");
    let corpus = corpus::load(root);
    assert!(!corpus.has_errors(), "the shipped corpus loads");
    let ids: Vec<&str> = corpus.sources.iter().map(|s| s.meta.id.as_str()).collect();
    let config = Config::load(root, &ids, &mut Vec::new());
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(DATA).join("expected.json")).unwrap()).unwrap();
    expected
        .as_object()
        .unwrap()
        .iter()
        .map(|(file, want)| {
            let text = std::fs::read_to_string(Path::new(DATA).join(file)).unwrap();
            let info = TextInfo {
                source_id: format!("draft-{}", file.trim_end_matches(".txt")),
                path: format!("texts/{file}"),
                published: want["published"].as_str().map(str::to_string),
                language: want["language"].as_str().map(str::to_string),
            };
            (file.clone(), draft::draft_text(&corpus, &config, text, &info), want["claims"].as_array().unwrap().clone())
        })
        .collect()
}

/// The fact key and value of a claim, as compared.
fn key(c: &Value) -> String {
    let q = c["qualifiers"].as_object().map(|q| format!("{q:?}")).unwrap_or_else(|| "{}".into());
    format!("{} · {} · {} = {}", c["subject"], c["property"], q, c["value"])
}

#[test]
fn most_figures_get_the_fact_key_an_encoder_chose() {
    let (mut right, mut total) = (0, 0);
    for (file, drafted, want) in drafts() {
        let mut got: Vec<String> = drafted
            .claims
            .iter()
            .map(|c| {
                let mut v = serde_json::to_value(c).unwrap();
                if v.get("qualifiers").is_none() {
                    v["qualifiers"] = serde_json::json!({});
                }
                key(&v)
            })
            .collect();
        for w in &want {
            total += 1;
            match got.iter().position(|g| *g == key(w)) {
                Some(k) => {
                    got.remove(k);
                    right += 1;
                }
                None => println!("{file}: not drafted as expected: {}", key(w)),
            }
        }
        for extra in got {
            println!("{file}: drafted but not expected: {extra}");
        }
    }
    let share = right as f64 / total as f64;
    println!(
        "figures drafted with the expected value, subject, property and qualifiers: {right}/{total} = {:.1}%",
        100.0 * share
    );
    assert!(total >= 20, "the measurement needs enough figures");
    assert!(share >= 0.95, "the drafter fell below its measured share: {right}/{total}");
}

#[test]
fn every_drafted_file_loads_and_verifies_as_it_stands() {
    for (file, drafted, _) in drafts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["registry", "sources", "texts"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        for entry in std::fs::read_dir("claims/registry").unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, root.join("registry").join(path.file_name().unwrap())).unwrap();
        }
        std::fs::copy(Path::new(DATA).join(&file), root.join("texts").join(&file)).unwrap();
        let json = serde_json::to_string_pretty(&drafted).unwrap();
        std::fs::write(root.join("sources").join(format!("{}.json", drafted.source.id)), json).unwrap();
        let corpus = corpus::load(root);
        let errors: Vec<String> = corpus.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
        assert!(errors.is_empty(), "{file}: the draft must load as it stands:\n{}", errors.join("\n"));
        assert_eq!(corpus.claims.len(), drafted.claims.len(), "{file}");
        assert!(!drafted.claims.is_empty(), "{file}");
    }
}

/// Regression: drafting the shipped texts (long, damaged, private-use digits) never panics,
/// and each draft loads beside them. A range worked out on folded text once fell inside a
/// character of 002.
#[test]
fn drafting_the_shipped_texts_never_panics() {
    for entry in std::fs::read_dir("claims/texts").unwrap() {
        let path = entry.unwrap().path();
        let out = common::run(
            &["draft", path.to_str().unwrap(), "--source-id", "draft-regression", "--published", "2022-01-06"],
            None,
        );
        assert_eq!(out.code, 0, "{}: {}", path.display(), out.stderr);
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert!(v["claims"].as_array().is_some_and(|c| !c.is_empty()), "{}", path.display());
    }
}
