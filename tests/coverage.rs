//! `claimcheck coverage` on a fixture corpus: the report, its JSON, the suggested claims
//! (which must verify once added), errors in the coverage files, and the figure in `check`.

mod common;

use assert_cmd::Command;
use common::copy_dir;
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURE: &str = "tests/fixtures/coverage";

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Output {
    let mut cmd = Command::cargo_bin("claimcheck").unwrap();
    cmd.env_remove("NO_COLOR").env("CLICOLOR", "0").args(args).arg("--color=never");
    let out = cmd.output().unwrap();
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

/// A copy of the fixture corpus to edit.
fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    copy_dir(Path::new(FIXTURE), &root);
    (dir, root)
}

#[test]
fn the_report_lists_uncovered_mentions_with_place_context_and_value() {
    let out = run(&["coverage", FIXTURE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("covered 33.3% (3/9)"), "{}", out.stdout);
    assert!(out.stdout.contains("tests/fixtures/coverage/texts/report.txt:3:102  عشرة آلاف  = 10e3"), "{}", out.stdout);
    assert!(out.stdout.contains("إن قوات الأمن اعتقلت ⟦عشرة آلاف⟧ شخص."), "{}", out.stdout);
    // Covered, skipped and ignored mentions are not listed.
    assert!(!out.stdout.contains("⟦2050⟧") && !out.stdout.contains("⟦الأولى⟧"), "{}", out.stdout);
    insta::assert_snapshot!("coverage_text", out.stdout);
}

#[test]
fn all_lists_every_mention_with_what_became_of_it() {
    let out = run(&["coverage", FIXTURE, "--all"]);
    for note in [
        "[covered by report-troops]",
        "[skipped: footnote]",
        "[skipped: page-number]",
        "[skipped: reference-line]",
        "[skipped: url]",
        "[skipped: ordinal]",
        "[skipped: not-a-figure]",
        "[ignored: the name of a development plan, not a year]",
        "[uncovered]",
    ] {
        assert!(out.stdout.contains(note), "{note} missing:\n{}", out.stdout);
    }
}

#[test]
fn json_gives_the_figure_the_rules_and_the_mentions() {
    let v = json(&["coverage", FIXTURE, "--format", "json"]);
    let source = &v["sources"][0];
    assert_eq!(source["id"], "report");
    assert_eq!(source["coverage"]["covered"], 3);
    assert_eq!(source["coverage"]["substantive"], 9);
    assert_eq!(source["skipped"]["footnote"], 2);
    assert_eq!(source["ignored"], 1);
    let mentions = source["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 6);
    let first = &mentions[0];
    assert_eq!((&first["line"], &first["column"], &first["text"]), (&3.into(), &102.into(), &"عشرة آلاف".into()));
    assert_eq!((&first["value"], &first["status"]), (&"10e3".into(), &"uncovered".into()));
    let all = json(&["coverage", FIXTURE, "--format", "json", "--all"]);
    assert_eq!(all["sources"][0]["mentions"].as_array().unwrap().len(), 19);
    assert_eq!(all["sources"][0]["mentions"][0]["claim"], "report-troops");
}

#[test]
fn suggested_claims_verify_once_added() {
    let v = json(&["coverage", FIXTURE, "--suggest", "--format", "json"]);
    let suggestions = v.as_array().unwrap();
    assert_eq!(suggestions.len(), 6);
    let arrests = suggestions.iter().find(|s| s["mention"] == "عشرة آلاف").unwrap();
    assert_eq!(arrests["claim"]["property"], "arrests");
    assert_eq!(arrests["claim"]["unit"], "person");
    assert_eq!(arrests["claim"]["as_of"], "2022-01-06");
    assert_eq!(arrests["claim"]["draft"]["property"]["from"], "اعتقلت");
    // The rank is no count of the area, and a figure with no cue is left out with the reason.
    let rank = suggestions.iter().find(|s| s["mention"] == "التاسعة").unwrap();
    assert!(rank["claim"].is_null() && rank["left_out"].as_str().unwrap().contains("no cue"), "{rank}");

    // Fill in the subjects of those with a property guess and add them to the source.
    let (_dir, root) = scratch();
    let file = root.join("sources/report.json");
    let mut source: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let subjects = [("arrests", "kz-unrest-2022"), ("economic_losses", "kz-unrest-2022"), ("area", "kazakhstan")];
    let mut added = 0;
    for s in suggestions {
        let Some((_, subject)) = subjects.iter().find(|(p, _)| s["claim"]["property"] == *p) else { continue };
        // The `draft` object loads as it is: it stays in.
        assert!(s["claim"]["draft"].is_object());
        let mut claim = s["claim"].clone();
        claim["subject"] = (*subject).into();
        source["claims"].as_array_mut().unwrap().push(claim);
        added += 1;
    }
    assert_eq!(added, 3);
    std::fs::write(&file, serde_json::to_string_pretty(&source).unwrap()).unwrap();
    let corpus = root.to_str().unwrap();
    let check = run(&["check", corpus]);
    assert_eq!(check.code, 0, "the suggested claims must load and verify:\n{}", check.stderr);
    let v = json(&["coverage", corpus, "--format", "json"]);
    // The area's quote also holds the rank before it.
    assert_eq!(v["sources"][0]["coverage"]["covered"], 7);
}

#[test]
fn a_bad_ignore_list_is_an_input_error_at_its_line_and_column() {
    let (_dir, root) = scratch();
    let ignore = root.join("coverage-ignore.json");
    std::fs::write(
        &ignore,
        "{\n  \"ignore\": [\n    { \"source\": \"report\", \"mention\": \"2050\", \"line\": 7, \"reason\": \"\" },\n    { \"source\": \"nope\", \"mention\": \"7\", \"context\": \"x\", \"reason\": \"r\" },\n    { \"source\": \"report\", \"mention\": \"7\", \"reason\": \"no place\" }\n  ]\n}\n",
    )
    .unwrap();
    let out = run(&["coverage", root.to_str().unwrap()]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    let file = ignore.display().to_string();
    assert!(out.stderr.contains(&format!("{file}:3:67: error: an ignore entry needs a reason")), "{}", out.stderr);
    assert!(out.stderr.contains(&format!("{file}:4:17: error: unknown source `nope`")), "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("{file}:5:5: error: an ignore entry needs a `line` or a `context`")),
        "{}",
        out.stderr
    );

    std::fs::write(
        &ignore,
        "{\"ignore\": [{\"source\": \"report\", \"mention\": \"7\", \"line\": 10, \"reason\": \"r\", \"why\": 1}]}",
    )
    .unwrap();
    let out = run(&["check", root.to_str().unwrap()]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains(&format!("{file}:1:")) && out.stderr.contains("unknown field `why`"), "{}", out.stderr);
}

#[test]
fn a_bad_rule_or_pattern_in_the_config_is_an_input_error() {
    let (_dir, root) = scratch();
    let config = root.join("coverage.json");
    std::fs::write(
        &config,
        "{\n  \"coverage\": {\n    \"rules\": { \"footnotes\": false },\n    \"reference_patterns\": [\"(unclosed\"]\n  }\n}\n",
    )
    .unwrap();
    let out = run(&["coverage", root.to_str().unwrap()]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    let file = config.display().to_string();
    assert!(out.stderr.contains(&format!("{file}:3:14: error: unknown rule `footnotes`")), "{}", out.stderr);
    assert!(out.stderr.contains("help: the rules are `footnote`"), "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("{file}:4:28: error: `(unclosed` is not a regular expression")),
        "{}",
        out.stderr
    );
}

#[test]
fn turning_a_rule_off_makes_its_mentions_substantive() {
    let (_dir, root) = scratch();
    std::fs::write(root.join("coverage.json"), r#"{"coverage": {"rules": {"ordinal": false, "not-a-figure": false}}}"#)
        .unwrap();
    let v = json(&["coverage", root.to_str().unwrap(), "--format", "json"]);
    assert_eq!(v["sources"][0]["coverage"]["substantive"], 11);
}

#[test]
fn an_ignore_entry_that_matches_nothing_is_a_warning() {
    let (_dir, root) = scratch();
    std::fs::write(
        root.join("coverage-ignore.json"),
        r#"{"ignore": [{"source": "report", "mention": "2051", "context": "خطة كازاخستان", "reason": "a plan's name"}]}"#,
    )
    .unwrap();
    let out = run(&["coverage", root.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("warning: ") && out.stdout.contains("`2051` in report matches no mention"),
        "{}",
        out.stdout
    );
}

#[test]
fn check_reports_each_sources_coverage() {
    let out = run(&["check", FIXTURE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("coverage") && out.stdout.contains("33.3% (3/9)"), "{}", out.stdout);
    let v = json(&["check", FIXTURE, "--format", "json"]);
    let c = &v["sources"][0]["coverage"];
    assert_eq!((&c["covered"], &c["substantive"]), (&3.into(), &9.into()));
    assert!((c["ratio"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9);
}

/// `check` counts mentions without keeping them: the same figures as `coverage`.
#[test]
fn figures_alone_are_the_figures_of_every_mention() {
    let corpus = claimcheck::corpus::load(Path::new("claims"));
    let ids: Vec<&str> = corpus.sources.iter().map(|s| s.meta.id.as_str()).collect();
    let config = claimcheck::coverage::Config::load(Path::new("claims"), &ids, &mut Vec::new());
    let full = claimcheck::coverage::measure_with(&corpus, &config, claimcheck::coverage::Detail::Mentions);
    let figures = claimcheck::coverage::measure_with(&corpus, &config, claimcheck::coverage::Detail::Figures);
    assert_eq!(full.sources.len(), figures.sources.len());
    for (f, g) in full.sources.iter().zip(&figures.sources) {
        assert!(!f.mentions.is_empty() && g.mentions.is_empty(), "{}", f.id);
        assert_eq!(f.coverage, g.coverage, "{}", f.id);
        assert_eq!(f.coverage.substantive, f.mentions.iter().filter(|m| m.is_substantive()).count(), "{}", f.id);
    }
    assert_eq!(full.warnings.len(), figures.warnings.len());
}

#[test]
fn every_shipped_source_is_at_least_95_percent_covered() {
    let run = claimcheck::Run::new(Path::new("claims"));
    assert!(run.coverage.warnings.is_empty(), "{:?}", run.coverage.warnings);
    for s in &run.coverage.sources {
        let ratio = s.coverage.ratio.unwrap_or(1.0);
        assert!(ratio >= 0.95, "{}: {:.1}% ({}/{})", s.id, ratio * 100.0, s.coverage.covered, s.coverage.substantive);
    }
}
