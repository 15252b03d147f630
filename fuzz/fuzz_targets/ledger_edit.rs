//! Recording a resolution in any resolutions.json: the edit either refuses the file (and
//! leaves it as it was) or writes a file that parses and holds the resolution.
#![no_main]

use claimcheck::check::ledger::{self, Resolution, edit};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;

fuzz_target!(|data: &[u8]| {
    let Ok(before) = std::str::from_utf8(data) else { return };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(ledger::RESOLUTIONS);
    std::fs::write(&path, before).expect("written");
    let resolution = Resolution {
        fingerprint: "00c0ffee00c0ffee".into(),
        fact: "kazakhstan · population".into(),
        status: "accepted".into(),
        note: "a note «مع نص عربي» and \"quotes\"".into(),
        date: "2026-01-01".into(),
        claims: BTreeMap::from([("a".to_string(), "~19e6".to_string())]),
    };
    match edit::record_resolution(dir.path(), &resolution) {
        Ok(_) => {
            let after = std::fs::read_to_string(&path).expect("the file is there");
            let json: serde_json::Value = serde_json::from_str(&after).expect("the edited file parses");
            let entries = json["resolutions"].as_array().expect("a list of resolutions");
            assert!(entries.iter().any(|e| e["fingerprint"] == "00c0ffee00c0ffee"), "{after}");
        }
        Err(_) => assert_eq!(
            std::fs::read_to_string(&path).expect("the file is there"),
            before,
            "a refused edit changed the file"
        ),
    }
});
