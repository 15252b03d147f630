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

/// "Looters ransacked 120 shops in Almaty" and "… in Aktau": alike, but each quote names its
/// own subject, so they are two facts stated alike, not one fact under two keys.
#[test]
fn quotes_that_each_name_their_own_subject_are_not_linked() {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &std::path::Path, to: &std::path::Path| {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    };
    for sub in ["registry", "sources", "texts"] {
        copy(&std::path::Path::new(&fixture("rules")).join(sub), &dir.path().join(sub));
    }
    let text = dir.path().join("texts/paper.txt");
    let mut body = std::fs::read_to_string(&text).unwrap();
    body.push_str("\nlooters ransacked 120 shops in Aktau\n");
    std::fs::write(&text, body).unwrap();
    let sources = dir.path().join("sources/paper.json");
    let json = std::fs::read_to_string(&sources).unwrap().replace(
        r#"{ "id": "paper-looted","#,
        r#"{ "id": "paper-looted-aktau", "subject": "aktau", "property": "shops_looted", "value": "120", "quote": "looters ransacked 120 shops in Aktau" },
    { "id": "paper-looted","#,
    );
    std::fs::write(&sources, json).unwrap();

    let out = run(&["links", dir.path().to_str().unwrap(), "--format", "json"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let pairs: Vec<(String, String)> = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["facts"][0].as_str().unwrap().to_string(), l["facts"][1].as_str().unwrap().to_string()))
        .collect();
    let almaty_aktau = ("aktau · shops_looted".to_string(), "almaty · shops_looted".to_string());
    assert!(!pairs.contains(&almaty_aktau), "{pairs:?}");
    // The quote that names no subject of its own is still linked to both.
    assert!(pairs.contains(&("almaty · shops_looted".to_string(), "unrest · shops_looted".to_string())), "{pairs:?}");
    assert!(pairs.contains(&("aktau · shops_looted".to_string(), "unrest · shops_looted".to_string())), "{pairs:?}");
}
