//! How the checker relates claims about one fact, on a fixture with one case per rule.

use claimcheck::Run;
use claimcheck::check::{Status, Verdict};
use std::path::Path;

fn verdicts() -> Vec<(String, Verdict, &'static str)> {
    let run = Run::new(Path::new("tests/fixtures/relations"));
    assert!(!run.corpus.has_errors(), "{:?}", run.corpus.diagnostics);
    let mut out: Vec<(String, Verdict, &'static str)> =
        run.outcome.findings.iter().map(|f| (run.graph.facts[f.fact].key.to_string(), f.verdict, f.reason)).collect();
    out.sort();
    out
}

#[test]
fn each_rule_gives_its_verdict_and_reason() {
    let expected = [
        ("csto · member_states", Verdict::Contradict, "set-mismatch"),
        ("kazakhstan · head_of_state", Verdict::Contradict, "different-entity"),
        ("minister · statement_date", Verdict::NotComparable, "multi-valued-property"),
        ("mission · troops_deployed", Verdict::NotComparable, "scope-differs"),
        ("unrest · attackers_count", Verdict::NotComparable, "attributed-vs-asserted"),
        ("unrest · deaths · group=north", Verdict::NotComparable, "grows-over-time"),
        ("unrest · deaths · group=south", Verdict::Contradict, "cumulative-decreased"),
    ];
    let got = verdicts();
    let got: Vec<(&str, Verdict, &str)> = got.iter().map(|(k, v, r)| (k.as_str(), *v, *r)).collect();
    assert_eq!(got, expected);
}

#[test]
fn contradictions_inside_one_source_are_found_and_are_new() {
    let run = Run::new(Path::new("tests/fixtures/relations"));
    assert_eq!(run.outcome.new_contradictions(), 3);
    for f in &run.outcome.findings {
        let expected = (f.verdict == Verdict::Contradict).then_some(Status::New);
        assert_eq!(f.status, expected, "{}", f.fingerprint);
    }
}

#[test]
fn fingerprints_depend_on_the_fact_alone() {
    use claimcheck::check::fingerprint;
    let a = fingerprint("csto · member_states");
    assert_eq!(a, fingerprint("csto · member_states"));
    assert_ne!(a, fingerprint("csto · founding_date"));
    assert_ne!(a, fingerprint("csto · member_states · place=europe"));
    assert_eq!(a.len(), 16);
    assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
}
