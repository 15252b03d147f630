//! Near-miss links: facts that may be one fact under two keys, each sign on the `rules`
//! fixture, in the command and in the JSON report.

mod common;

use common::{fixture, run};

#[test]
fn each_sign_of_a_near_miss_is_listed_with_evidence_and_a_suggestion() {
    let out = run(&["links", &fixture("rules"), "--format", "json"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let links = v["links"].as_array().unwrap();
    let found: Vec<(&str, &str, &str)> = links
        .iter()
        .map(|l| (l["sign"].as_str().unwrap(), l["facts"][0].as_str().unwrap(), l["facts"][1].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("similar-quotes", "almaty · shops_looted", "unrest · shops_looted"),
            ("subjects-nested", "mangystau · residents", "zhanaozen · residents"),
            ("qualifiers-differ", "unrest · injuries", "unrest · injuries · place=almaty"),
        ]
    );
    for l in links {
        assert!(!l["evidence"].as_str().unwrap().is_empty() && !l["suggestion"].as_str().unwrap().is_empty());
    }
    // Parts and wholes are linked on purpose, and different values of a key are different facts.
    assert!(!out.stdout.contains("contributor=russia"), "{}", out.stdout);

    let text = run(&["links", &fixture("rules")], None).stdout;
    assert!(text.contains("~ unrest · injuries  ↔  unrest · injuries · place=almaty  (qualifiers differ)"), "{text}");
    assert!(text.ends_with("3 possible link(s) between facts.\n"), "{text}");

    let report = run(&["check", &fixture("rules"), "--format", "json"], None).stdout;
    let v: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(v["links"].as_array().unwrap().len(), 3);
}
