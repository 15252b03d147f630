//! Recording a resolution in any resolutions.json: the edit either refuses the file (and
//! leaves it as it was) or writes a file that parses and holds the resolution.
#![no_main]

use claimcheck::check::ledger::{self, DecidedValue, Ledger, Resolution, edit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(before) = std::str::from_utf8(data) else { return };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(ledger::RESOLUTIONS);
    std::fs::write(&path, before).expect("written");
    let fact = "kazakhstan · population";
    let fingerprint = claimcheck::check::fingerprint(fact);
    let resolution = Resolution {
        fingerprint: fingerprint.clone(),
        fact: fact.into(),
        status: "accepted".into(),
        note: "a note «مع نص عربي» and \"quotes\"".into(),
        date: "2026-01-01".into(),
        values: vec![DecidedValue {
            value: "~19e6".into(),
            lo: Some(serde_json::json!(17100000)),
            hi: Some(serde_json::json!(20900000)),
            claims: vec!["a".into()],
        }],
        claims: None,
        written_as: None,
    };
    match edit::record_resolution(dir.path(), &Ledger::default(), &resolution) {
        Ok(_) => {
            let after = std::fs::read_to_string(&path).expect("the file is there");
            let json: serde_json::Value = serde_json::from_str(&after).expect("the edited file parses");
            let entries = json["resolutions"].as_array().expect("a list of resolutions");
            assert!(entries.iter().any(|e| e["fingerprint"] == fingerprint.as_str()), "{after}");
        }
        Err(_) => assert_eq!(
            std::fs::read_to_string(&path).expect("the file is there"),
            before,
            "a refused edit changed the file"
        ),
    }
});
