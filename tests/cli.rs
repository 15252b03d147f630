//! The binary on fixture corpora: exit codes, messages, and snapshots of the reports.

mod common;

use common::{claimcheck, fixture, run, scratch};

#[test]
fn all_agree_exits_0() {
    let out = run(&["check", &fixture("agree")], None);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("  ✓ kazakhstan · population  حوالي ١٩ مليون = 18776707  report-ar, wire-en"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("The build passes"), "{}", out.stdout);
    let unfolded = run(&["check", &fixture("agree"), "--show", "all"], None);
    assert!(unfolded.stdout.contains("✓ agree  kazakhstan · population"), "{}", unfolded.stdout);
    assert!(!out.stdout.contains("contradict  "), "{}", out.stdout);
}

#[test]
fn a_new_contradiction_exits_1_with_both_quotes() {
    let out = run(&["check", &fixture("two-sources")], None);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    let block = out.stdout.split("\n\n").find(|b| b.contains("troops_deployed")).unwrap();
    assert!(
        block.starts_with("✗ contradict  csto-mission-2022 · troops_deployed · contributor=russia [new]"),
        "{block}"
    );
    assert!(block.contains("disjoint-intervals"), "{block}");
    assert!(block.contains("«أرسلت روسيا نحو (2500) جندي إلى كازاخستان»"), "{block}");
    assert!(block.contains("tests/fixtures/two-sources/texts/report-ar.txt:3:1"), "{block}");
    assert!(block.contains("«Russia sent 3,200 troops to Kazakhstan»"), "{block}");
    insta::assert_snapshot!("two_sources_text", out.stdout);
}

#[test]
fn json_output_has_claims_and_findings() {
    let out = run(&["check", &fixture("two-sources"), "--format", "json"], None);
    assert_eq!(out.code, 1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let claims = v["claims"].as_array().unwrap();
    let ar = claims.iter().find(|c| c["id"] == "ar-population").unwrap();
    assert_eq!(ar["normalized"]["kind"], "number");
    assert_eq!(ar["normalized"]["lo"], 17.1e6);
    assert_eq!(ar["quote_location"]["line"], 4);
    let date = claims.iter().find(|c| c["id"] == "ar-deployed").unwrap();
    assert_eq!(date["normalized"]["lo"], "2022-01-06");
    let findings = v["findings"].as_array().unwrap();
    let troops = findings.iter().find(|f| f["verdict"] == "contradict").unwrap();
    assert_eq!(troops["status"], "new");
    assert_eq!(troops["claims"], serde_json::json!(["ar-troops", "en-troops"]));
    assert_eq!(troops["fingerprint"].as_str().unwrap().len(), 16);
    insta::assert_snapshot!("two_sources_json", out.stdout);
}

#[test]
fn baseline_turns_a_known_contradiction_into_exit_0() {
    let (_dir, root) = scratch("two-sources");
    assert_eq!(run(&["check", "corpus"], Some(&root)).code, 1);
    let written = run(&["check", "corpus", "--write-baseline"], Some(&root));
    assert_eq!(written.code, 0, "{}", written.stderr);
    let baseline = std::fs::read_to_string(root.join("corpus/baseline.json")).unwrap();
    assert!(baseline.contains("csto-mission-2022 · troops_deployed · contributor=russia"), "{baseline}");
    let again = run(&["check", "corpus"], Some(&root));
    assert_eq!(again.code, 0, "{}", again.stdout);
    assert!(again.stdout.contains("[baselined]"), "{}", again.stdout);
    // Writing twice gives the same bytes: nothing run-dependent is recorded.
    run(&["check", "corpus", "--write-baseline"], Some(&root));
    assert_eq!(std::fs::read_to_string(root.join("corpus/baseline.json")).unwrap(), baseline);
}

#[test]
fn a_resolution_holds_until_its_claims_change() {
    let (_dir, root) = scratch("two-sources");
    let json = run(&["check", "corpus", "--format", "json"], Some(&root)).stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["verdict"] == "contradict").unwrap();
    let resolution = |troops_en: &str| {
        serde_json::json!({"resolutions": [{
            "fingerprint": f["fingerprint"], "fact": f["fact"], "status": "source-wrong:ar-troops",
            "note": "the wire figure is the official one", "date": "2026-11-25",
            "claims": {"ar-troops": "~2500", "en-troops": troops_en}
        }]})
        .to_string()
    };
    std::fs::write(root.join("corpus/resolutions.json"), resolution("3200")).unwrap();
    let out = run(&["check", "corpus", "--show", "all"], Some(&root));
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("[resolved]") && out.stdout.contains("the wire figure is the official one"));
    // The resolution was for another value of en-troops: the finding is open again.
    std::fs::write(root.join("corpus/resolutions.json"), resolution("3500")).unwrap();
    let out = run(&["check", "corpus"], Some(&root));
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("[reopened]")
            && out.stdout.contains("en-troops (wire-en): was 3500 when decided, now 3200"),
        "{}",
        out.stdout
    );
}

#[test]
fn malformed_input_exits_2_and_names_every_problem() {
    let out = run(&["check", &fixture("malformed")], None);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stdout.is_empty());
    let err = &out.stderr;
    let expect = [
        "tests/fixtures/malformed/sources/broken-json.json:8:45: error: expected `,` or `}`",
        "tests/fixtures/malformed/sources/report-ar.json:11:18: error: unknown entity `كازاخستانن`",
        "did you mean `kazakhstan`?",
        "tests/fixtures/malformed/sources/report-ar.json:21:16: error: quote not found in tests/fixtures/malformed/texts/report-ar.txt",
        "the nearest passage (97% alike) is at tests/fixtures/malformed/texts/report-ar.txt:3:1",
        "report-ar.json:27:22: error: value `2500 banana` does not read: unexpected \"banana\" after the value",
        "report-ar.json:34:16: error: the quote does not state the value `25e6`",
        "report-ar.json:40:19: error: unknown property `populaton`",
        "did you mean `population`?",
        "error(s) in the corpus; nothing was checked",
    ];
    for e in expect {
        assert!(err.contains(e), "missing {e:?} in:\n{err}");
    }
}

#[test]
fn a_missing_corpus_is_a_usage_error() {
    let out = run(&["check", "no/such/folder"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no/such/folder:1:1: error: no corpus folder here"), "{}", out.stderr);
}

#[test]
fn value_explains_how_an_expression_reads() {
    let out = run(&["value", "نحو 19 مليون", "--format", "json"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!((v["kind"].as_str(), v["lo"].as_f64(), v["hi"].as_f64()), (Some("number"), Some(17.1e6), Some(20.9e6)));
    let out = run(&["value", "١٢ جمادى الآخرة ١٤٤٣ هـ", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        (v["kind"].as_str(), v["lo"].as_str(), v["hi"].as_str()),
        (Some("date"), Some("2022-01-15"), Some("2022-01-15"))
    );
    let out = run(&["value", ">1.5e6", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!((v["lo"].as_f64(), v["hi"].is_null()), (Some(1.5e6), true));
    let out = run(&["value", "بين 2 و3 مليار"], None);
    assert!(out.stdout.contains("interval:  2000000000..3000000000"), "{}", out.stdout);
    let out = run(&["value", "twelvish"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("error: "), "{}", out.stderr);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check", "--format", "yaml"], None).code, 2);
    assert_eq!(run(&["frobnicate"], None).code, 2);
    assert_eq!(run(&["--help"], None).code, 0);
}

#[test]
fn glyphs_settles_what_the_evidence_allows_and_offers_no_map_while_a_digit_is_open() {
    let out = run(&["glyphs", "noonpost-2022-01-06"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for line in [
        "U+E005  0      settled               0",
        "U+E009  2      settled               2",
        "U+E010  9?     one of 3 4 5 6 7 8 9  9",
        "3 of 10 digits settled; no map is offered while a digit is open",
        "The source's glyph_map fits all the evidence.",
        "a percentage: at most 100",
    ] {
        assert!(out.stdout.contains(line), "missing {line:?} in:\n{}", out.stdout);
    }
    assert!(!out.stdout.contains("\"glyph_map\": {"), "no map to paste while digits are open:\n{}", out.stdout);
    assert!(out.stdout.contains("Not digits") && out.stdout.contains("U+E0A5"), "{}", out.stdout);

    let json: serde_json::Value =
        serde_json::from_str(&run(&["glyphs", "noonpost-2022-01-06", "--format", "json"], None).stdout).unwrap();
    assert_eq!(
        json["glyphs"]["U+E008"],
        serde_json::json!({"digit": "1", "settled": true, "candidates": ["1"], "glyph_map": "1"})
    );
    assert_eq!(json["glyphs"]["U+E00E"]["settled"], false);
    assert_eq!(json["glyphs"]["U+E00E"]["candidates"], serde_json::json!(["3", "4", "5", "6", "7", "8", "9"]));
    assert_eq!(json["glyph_map"], serde_json::Value::Null);
    assert_eq!(json["source_glyph_map"]["fits"], true);
    assert!(json["evidence"].as_array().unwrap().iter().any(|e| e["kind"] == "percent" && e["read"] == "100"));

    let out = run(&["glyphs", "no-such-source"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("neither a file nor a source id"), "{}", out.stderr);
}

#[test]
fn glyphs_offers_a_map_when_every_digit_is_settled() {
    // Digits 0–9 as U+E100 + (9 − d): reversed against code-point order, so only evidence
    // can get them right. The text gives each digit its place.
    let glyph = |d: u32| char::from_u32(0xE100 + 9 - d).unwrap();
    let enc = |s: &str| -> String { s.chars().map(|c| c.to_digit(10).map_or(c, glyph)).collect() };
    let text = enc("ارتفع السعر بنسبة 100% في 2022/1/30 م، الموافق 27 جمادى الآخرة 1443 هـ. \
        يوم الأربعاء 5 يناير، ويوم الخميس 6 يناير 2022، ويوم الجمعة 7 يناير، ويوم السبت 8 يناير، ويوم الأحد 9 يناير.");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("text.txt");
    std::fs::write(&file, &text).unwrap();
    let out = run(&["glyphs", file.to_str().unwrap(), "--published", "2022-01-31", "--format", "json"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let map = json["glyph_map"].as_object().unwrap_or_else(|| panic!("no map:\n{}", out.stdout));
    for d in 0..10 {
        assert_eq!(map[&glyph(d).to_string()], d.to_string(), "{}", out.stdout);
    }
}

#[test]
fn color_only_when_asked_or_on_a_terminal() {
    let stdout = |args: &[&str], no_color: bool| {
        let mut cmd = claimcheck();
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        String::from_utf8(cmd.args(args).output().unwrap().stdout).unwrap()
    };
    let two = fixture("two-sources");
    assert!(!stdout(&["check", &two], false).contains('\u{1b}'), "colour when not on a terminal");
    assert!(stdout(&["check", &two, "--color=always"], false).contains("\u{1b}["), "no colour with --color=always");
    assert!(!stdout(&["check", &two, "--color=never"], false).contains('\u{1b}'));
    assert!(!stdout(&["check", &two], true).contains('\u{1b}'), "NO_COLOR ignored");
}

#[test]
fn an_entity_or_property_defined_twice_is_an_input_error() {
    let (_dir, root) = scratch("two-sources");
    std::fs::copy(root.join("corpus/registry/registry.json"), root.join("corpus/registry/again.json")).unwrap();
    let out = run(&["check", "corpus"], Some(&root));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("corpus/registry/registry.json:3:5: error: entity `kazakhstan` is defined twice")
            && out.stderr.contains("help: first defined at corpus/registry/again.json:3:5; merge the two")
            && out.stderr.contains("error: property `population` is defined twice"),
        "{}",
        out.stderr
    );
}

#[test]
fn show_lists_only_the_findings_asked_for_and_counts_them_all() {
    let two = fixture("two-sources");
    let headers = |show: &str| {
        let out = run(&["check", &two, "--show", show], None);
        let lines: Vec<String> = out
            .stdout
            .lines()
            .filter(|l| l.starts_with(['✗', '✓', '~']))
            .map(|l| l.chars().take(12).collect())
            .collect();
        (out.code, lines, out.stdout.contains("Findings: 3 agree, 1 contradict (1 new"))
    };
    let (code, all, counted) = headers("all");
    assert_eq!((code, all.len(), counted), (1, 4, true));
    let (code, new, counted) = headers("new");
    assert_eq!((code, new, counted), (1, vec!["✗ contradict".to_string()], true));
    // Once baselined, the contradiction is no longer new, but still a contradiction.
    let (_dir, root) = scratch("two-sources");
    run(&["check", "corpus", "--write-baseline"], Some(&root));
    let listed =
        |show: &str| run(&["check", "corpus", "--show", show], Some(&root)).stdout.matches("✗ contradict").count();
    assert_eq!((listed("new"), listed("contradictions")), (0, 1));
}

#[test]
fn a_claim_id_used_twice_is_an_error_naming_where_it_was_first_used() {
    let (_dir, root) = scratch("two-sources");
    let sources = root.join("corpus/sources");
    // Another source (its own id and file) whose claims repeat the wire story's ids, and
    // one id repeated within the wire story itself.
    let wire = std::fs::read_to_string(sources.join("wire-en.json")).unwrap();
    std::fs::write(sources.join("zz-copy.json"), wire.replacen("\"id\": \"wire-en\"", "\"id\": \"zz-copy\"", 1))
        .unwrap();
    std::fs::write(sources.join("wire-en.json"), wire.replacen("\"id\": \"en-deployed\"", "\"id\": \"en-troops\"", 1))
        .unwrap();
    let out = run(&["check", "corpus"], Some(&root));
    assert_eq!(out.code, 2, "{}", out.stderr);
    for expected in [
        "corpus/sources/wire-en.json:20:13: error: claim id `en-troops` is used twice",
        "corpus/sources/zz-copy.json:12:13: error: claim id `en-troops` is used twice",
        "corpus/sources/zz-copy.json:28:13: error: claim id `en-population` is used twice",
        "help: first used at corpus/sources/wire-en.json:11:5; claim ids must be unique in the corpus",
        "help: first used at corpus/sources/wire-en.json:27:5; claim ids must be unique in the corpus",
    ] {
        assert!(out.stderr.contains(expected), "missing {expected:?} in\n{}", out.stderr);
    }
}
