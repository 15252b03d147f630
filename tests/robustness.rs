//! Bad input never panics: random edits of a fixture corpus either load or give errors that
//! name a file, a line and a column.

use claimcheck::Run;
use proptest::prelude::*;
use std::path::Path;

/// The files the edits land in: a claims file, the registry, and the two ledger files.
const FILES: &[&str] = &["sources/report-ar.json", "registry/registry.json", "resolutions.json", "baseline.json"];
const LEDGER: &str = r#"{"resolutions": [{"fingerprint": "d7f1519bd8ab0cce", "fact": "f", "status": "accepted", "note": "n", "date": "2026-11-25", "claims": {"ar-troops": "~2500"}}]}"#;

/// Pieces that stress the loader: Arabic, private-use glyphs, brackets, numbers, JSON syntax.
const SNIPPETS: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\\",
    "\\u",
    "\u{E005}",
    "ـ",
    "٢٠٢٢/١/٥",
    ")2500(",
    "نحو",
    "مليون",
    "~",
    ">",
    "..",
    "1e309",
    "-",
    "%",
    "x2",
    "missing",
    "عام",
    "جمادى الآخرة ١٤٤٣ هـ",
    "\n",
    "\u{202E}",
    "٫",
    "null",
    "\"value\": [\"russia\"]",
    "\"qualifiers\": {\"place\": \"nowhere\"}",
    "\"as_of\": \"2022-13-45\"",
];

fn copy_fixture(to: &Path) {
    for dir in ["texts", "sources", "registry"] {
        std::fs::create_dir_all(to.join(dir)).unwrap();
        for entry in std::fs::read_dir(Path::new("tests/fixtures/two-sources").join(dir)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), to.join(dir).join(entry.file_name())).unwrap();
        }
    }
}

proptest! {
    #[test]
    fn edited_corpus_files_load_or_fail_with_positions(
        file in 0..FILES.len(),
        edits in proptest::collection::vec((0usize..4000, 0usize..12, 0usize..SNIPPETS.len()), 1..6)
    ) {
        let dir = tempfile::tempdir().unwrap();
        copy_fixture(dir.path());
        std::fs::write(dir.path().join("resolutions.json"), LEDGER).unwrap();
        std::fs::write(dir.path().join("baseline.json"), r#"{"findings": [{"fingerprint": "x", "fact": "f", "claims": ["a"]}]}"#).unwrap();
        let path = dir.path().join(FILES[file]);
        let mut text = std::fs::read_to_string(&path).unwrap();
        for (at, cut, snippet) in edits {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) { at -= 1; }
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) { end += 1; }
            text.replace_range(at..end, SNIPPETS[snippet]);
        }
        std::fs::write(&path, &text).unwrap();
        let run = Run::new(dir.path());
        for d in &run.corpus.diagnostics {
            prop_assert!(d.line >= 1 && d.column >= 1, "{d}");
            prop_assert!(d.file.starts_with(dir.path()), "{d}");
        }
        // Whatever loaded is linked, checked and reported without a panic.
        let _ = claimcheck::report::json::render(&run.report());
    }
}
