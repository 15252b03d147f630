//! The shipped corpus: every quote verifies, every value reads and is stated by its quote,
//! and `check` passes on main. The audit snapshots make every change to a claim a reviewed diff.

use claimcheck::Run;
use std::path::Path;

#[test]
fn the_shipped_corpus_loads_without_errors() {
    let run = Run::new(Path::new("claims"));
    let errors: Vec<String> = run.corpus.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "{} errors:\n{}", errors.len(), errors.join("\n"));
    assert_eq!(run.corpus.sources.len(), 5);
    assert_eq!(run.outcome.new_contradictions(), 0, "new contradictions: resolve them or record them in the baseline");
}

/// The audit: every change to a claim, a resolution or the checker shows up here as a
/// snapshot diff to review (`cargo insta review`).
#[test]
fn audit_of_the_shipped_corpus() {
    let run = Run::new(Path::new("claims"));
    let report = run.report();
    let text = claimcheck::report::text::render(&report);
    insta::assert_snapshot!("audit_text", anstream::adapter::strip_str(&text).to_string());
    insta::assert_snapshot!("audit_json", claimcheck::report::json::render(&report));
}
