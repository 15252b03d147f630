//! A whole corpus from memory, through the loader, the checker, coverage and every
//! renderer: whatever the files hold, errors come with a place, and what people read
//! shows no hidden characters.
#![no_main]

use claimcheck::corpus::Limits;
use claimcheck::report::{self, explain::Explanation};
use claimcheck::{Run, coverage};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files = claimcheck_fuzz::corpus(data);
    let run = Run::from_files(&files, &Limits { text: 1 << 20, json: 1 << 20 });
    for d in &run.corpus.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "{d}");
        assert!(d.message.chars().count() <= 1000, "{d}");
        let shown = d.to_string();
        assert!(!shown.chars().any(claimcheck::text::controls::is_hidden), "{shown:?}");
    }
    let r = run.report();
    let json = report::json::render(&r);
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report parses");
    for shown in [
        report::text::render(&r),
        report::markdown::render(&r),
        report::sarif::render(&r),
        report::github::render(&r),
        report::dot::render(&r),
        report::html::render(&r),
        coverage::render::text(&run.coverage, true),
    ] {
        // Our own isolates (U+2068, U+2069) and line breaks are the only controls left.
        let hidden = shown
            .chars()
            .find(|&c| claimcheck::text::controls::is_hidden(c) && !matches!(c, '\u{2068}' | '\u{2069}' | '\u{1b}'));
        assert!(hidden.is_none(), "U+{:04X} shown raw", hidden.unwrap_or_default() as u32);
    }
    serde_json::from_str::<serde_json::Value>(&report::sarif::render(&r)).expect("SARIF parses");
    serde_json::from_str::<serde_json::Value>(&coverage::render::json(&run.coverage, &run.corpus.root, true))
        .expect("coverage JSON parses");
    let suggestions = coverage::suggest::suggest(&run.corpus, &run.coverage.sources);
    let _ = coverage::render::suggestions_text(&suggestions, &run.coverage);
    if let Some(finding) = run.outcome.findings.first() {
        let e = Explanation::build(&run, &r, finding).expect("a finding of the run explains");
        let _ = report::explain::text::render(&e);
    }
});
