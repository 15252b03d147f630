//! The editors' workflow on fixture corpora: explain a finding, resolve it, review the new
//! ones, prune stale entries; and the CLI's own surface: completions, man page, help
//! examples, the README's exit-code table.

mod common;

use common::{fixture, run, run_with_input, scratch};
use std::fs;

const TROOPS: &str = "9e5523d64c70cbad";

/// What `claimcheck resolve` records of the troops finding: each value as read, with its claims.
const TROOPS_VALUES: &str = r#""values": [
        {
          "value": "~2500",
          "lo": 2250,
          "hi": 2750,
          "claims": [
            "ar-troops"
          ]
        },
        {
          "value": "3200",
          "lo": 3200,
          "hi": 3200,
          "claims": [
            "en-troops"
          ]
        }
      ]"#;

/// A resolution in the current form for a fact no finding has.
fn stale_resolution(fact: &str, indent: &str) -> String {
    let fp = claimcheck::check::fingerprint(fact);
    format!(
        "{indent}{{\n{indent}  \"fingerprint\": \"{fp}\",\n{indent}  \"fact\": \"{fact}\",\n{indent}  \"status\": \"duplicate\",\n\
         {indent}  \"note\": \"n\",\n{indent}  \"date\": \"2026-01-01\",\n{indent}  \"values\": [{{\"value\": \"1\", \"lo\": 1, \"hi\": 1, \
         \"claims\": [\"x\"]}}]\n{indent}}}"
    )
}

#[test]
fn explain_shows_one_finding_in_full() {
    let out = run(&["explain", "9e55", "--path", &fixture("two-sources")], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for line in [
        "property    troops_deployed: quantity, in person, single-valued, approximate values ±10%",
        "written at   tests/fixtures/two-sources/sources/report-ar.json:11:5",
        "quote at     tests/fixtures/two-sources/texts/report-ar.txt:3:1",
        "reads as     2250..2750  (number, approximate, precision exact)",
        "ar-troops ≠ en-troops  contradict: disjoint-intervals",
    ] {
        assert!(out.stdout.contains(line), "missing {line:?} in:\n{}", out.stdout);
    }
    insta::assert_snapshot!("explain_troops_text", out.stdout);

    let out = run(&["explain", TROOPS, "--path", &fixture("two-sources"), "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["finding"]["fingerprint"], TROOPS);
    assert_eq!((v["fact"]["kind"].as_str(), v["fact"]["single_valued"].as_bool()), (Some("quantity"), Some(true)));
    assert_eq!(v["claims"][0]["interval"], "2250..2750");
    assert_eq!(v["claims"][0]["normalized"]["hedge"], "approximate");
    assert_eq!(v["finding"]["pairs"][0]["relation"], "contradict");
    insta::assert_snapshot!("explain_troops_json", out.stdout);

    // Speakers, Arabic number words and a round figure.
    let out = run(&["explain", "1ba0", "--path", &fixture("two-sources")], None);
    assert!(out.stdout.contains("said by      tokayev (reported)"), "{}", out.stdout);
    insta::assert_snapshot!("explain_attackers_text", out.stdout);
}

#[test]
fn explain_shows_the_editors_entries() {
    let (_dir, root) = scratch("two-sources");
    run(&["check", "corpus", "--write-baseline"], Some(&root));
    let resolved = run(
        &[
            "resolve",
            "9e55",
            "--path",
            "corpus",
            "--status",
            "accepted",
            "--note",
            "both circulate",
            "--date",
            "2026-11-25",
        ],
        Some(&root),
    );
    assert_eq!(resolved.code, 0, "{}", resolved.stderr);
    let out = run(&["explain", "9e55", "--path", "corpus"], Some(&root));
    assert!(out.stdout.contains("resolution (accepted, 2026-11-25): both circulate"), "{}", out.stdout);
    assert!(out.stdout.contains("resolution  accepted on 2026-11-25: both circulate"), "{}", out.stdout);
    assert!(out.stdout.contains("values decided (a claim that agrees with none re-opens it):"), "{}", out.stdout);
    assert!(out.stdout.contains("~2500  ar-troops") && out.stdout.contains("3200   en-troops"), "{}", out.stdout);
    assert!(out.stdout.contains("baseline    listed in baseline.json"), "{}", out.stdout);
}

#[test]
fn an_ambiguous_or_unknown_fingerprint_is_a_usage_error_with_the_nearest() {
    let corpus = fixture("reliability");
    let out = run(&["explain", "b", "--path", &corpus], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("`b` starts 2 fingerprints"), "{}", out.stderr);
    assert!(out.stderr.contains("b6ed2d40b1ea3ec9  ruritania · area"), "{}", out.stderr);
    assert!(out.stderr.contains("ba55df3729259534  ruritania · population"), "{}", out.stderr);
    let out = run(&["explain", "b6ed2e", "--path", &corpus], None);
    assert_eq!(out.code, 2);
    let nearest = out.stderr.lines().nth(1).unwrap_or_default();
    assert!(nearest.contains("b6ed2d40b1ea3ec9"), "{}", out.stderr);
    let out = run(&["resolve", "zz", "--path", &corpus, "--status", "accepted", "--note", "n"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no finding has the fingerprint `zz`"), "{}", out.stderr);
}

#[test]
fn resolve_writes_one_entry_and_check_honours_it() {
    let (_dir, root) = scratch("two-sources");
    let args = ["resolve", "9e55", "--path", "corpus", "--note", "the wire has the official figure", "--date"];
    let out = run(&[&args[..], &["2026-11-25", "--status", "source-wrong:ar-troops"]].concat(), Some(&root));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!(
            "resolved {TROOPS} (csto-mission-2022 · troops_deployed · contributor=russia) as source-wrong:ar-troops \
             in corpus/resolutions.json\n"
        )
    );
    let written = fs::read_to_string(root.join("corpus/resolutions.json")).unwrap();
    let expected = format!(
        r#"{{
  "resolutions": [
    {{
      "fingerprint": "{TROOPS}",
      "fact": "csto-mission-2022 · troops_deployed · contributor=russia",
      "status": "source-wrong:ar-troops",
      "note": "the wire has the official figure",
      "date": "2026-11-25",
      {TROOPS_VALUES}
    }}
  ]
}}
"#
    );
    assert_eq!(written, expected);
    let check = run(&["check", "corpus"], Some(&root));
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert!(check.stdout.contains("~2500 ≠ 3200  source-wrong:ar-troops"), "{}", check.stdout);
    assert!(check.stdout.contains("The build passes"), "{}", check.stdout);

    // Resolving again replaces the entry; nothing else changes.
    let out = run(&[&args[..], &["2026-11-26", "--status", "accepted"]].concat(), Some(&root));
    assert!(out.stdout.starts_with("replaced the resolution of"), "{}", out.stdout);
    let again = fs::read_to_string(root.join("corpus/resolutions.json")).unwrap();
    let expected = expected.replace("source-wrong:ar-troops", "accepted").replace("2026-11-25", "2026-11-26");
    assert_eq!(again, expected);
}

#[test]
fn resolve_edits_a_hand_written_file_in_place() {
    let (_dir, root) = scratch("two-sources");
    // Tabs, another entry before and after, both stale: all of it must stay as it is.
    let entry = |fact: &str| stale_resolution(fact, "\t\t").replace("  ", "\t");
    let (low, high) = (entry("gone · a"), entry("gone · d"));
    let before = format!("{{\n\t\"resolutions\": [\n{low},\n{high}\n\t]\n}}\n");
    fs::write(root.join("corpus/resolutions.json"), &before).unwrap();
    let out = run(
        &["resolve", TROOPS, "--path", "corpus", "--status", "accepted", "--note", "n", "--date", "2026-11-25"],
        Some(&root),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let after = fs::read_to_string(root.join("corpus/resolutions.json")).unwrap();
    let values = TROOPS_VALUES.replace("\n      ", "\n\t\t\t").replace("  ", "\t");
    let inserted = format!(
        "\t\t{{\n\t\t\t\"fingerprint\": \"{TROOPS}\",\n\t\t\t\"fact\": \"csto-mission-2022 · troops_deployed · \
         contributor=russia\",\n\t\t\t\"status\": \"accepted\",\n\t\t\t\"note\": \"n\",\n\t\t\t\"date\": \
         \"2026-11-25\",\n\t\t\t{values}\n\t\t}}"
    );
    assert_eq!(after, format!("{{\n\t\"resolutions\": [\n{low},\n{inserted},\n{high}\n\t]\n}}\n"));
}

#[test]
fn resolve_refuses_what_it_cannot_record() {
    let (_dir, root) = scratch("two-sources");
    let resolve = |status: &str, note: &str, date: &str| {
        run(&["resolve", "9e55", "--path", "corpus", "--status", status, "--note", note, "--date", date], Some(&root))
    };
    let out = resolve("wrong", "n", "2026-11-25");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("unknown status `wrong`; use one of:"), "{}", out.stderr);
    assert!(out.stderr.contains("source-wrong:CLAIM") && out.stderr.contains("time-differs"), "{}", out.stderr);
    let out = resolve("source-wrong:wire-en", "n", "2026-11-25");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("name one of: ar-troops, en-troops"), "{}", out.stderr);
    assert_eq!(resolve("accepted", " ", "2026-11-25").code, 2);
    let out = resolve("accepted", "n", "25/11/2026");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--date `25/11/2026` is not a day written YYYY-MM-DD"), "{}", out.stderr);
    assert!(!root.join("corpus/resolutions.json").exists());
}

#[test]
fn review_needs_a_terminal() {
    let out = run(&["review", &fixture("two-sources")], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("review needs a terminal; use `claimcheck resolve"), "{}", out.stderr);
}

#[test]
fn review_walks_the_new_findings_and_writes_what_is_decided() {
    let (_dir, root) = scratch("reliability");
    // area: a wrong key, then resolve (a wrong status, an empty note first); founding date:
    // baseline; population: skip; then the input ends.
    let answers = "x\nr\nbogus\nsource-wrong:gamma-area\n\nthe survey says 120000\nb\ns\n";
    let out = run_with_input(&["review", "corpus", "--no-tty", "--date", "2026-12-01"], Some(&root), answers);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let walked: Vec<&str> = out.stdout.lines().filter(|l| l.starts_with("✗ contradict")).collect();
    assert_eq!(
        walked,
        [
            "✗ contradict  ruritania · area [new]  b6ed2d40b1ea3ec9",
            "✗ contradict  ruritania · founding_date [new]  013a60a166aaaef6",
            "✗ contradict  ruritania · population [new]  ba55df3729259534",
            "✗ contradict  ruritania-mission · troops_deployed [new]  40709af7a608d441",
        ]
    );
    for said in [
        "keys: r resolve, b add to the baseline, s skip, q quit",
        "unknown status `bogus`",
        "a resolution needs a note saying why",
        "resolved b6ed2d40b1ea3ec9 (ruritania · area) as source-wrong:gamma-area in corpus/resolutions.json",
        "added 013a60a166aaaef6 to corpus/baseline.json",
        "Reviewed: 1 resolved, 1 baselined, 1 skipped, 1 left.",
    ] {
        assert!(out.stdout.contains(said), "missing {said:?} in:\n{}", out.stdout);
    }
    let resolutions = fs::read_to_string(root.join("corpus/resolutions.json")).unwrap();
    assert!(resolutions.contains("\"note\": \"the survey says 120000\""), "{resolutions}");
    assert!(resolutions.contains("\"value\": \"80000\""), "{resolutions}");
    let baseline = fs::read_to_string(root.join("corpus/baseline.json")).unwrap();
    assert!(baseline.contains("\"fingerprint\": \"013a60a166aaaef6\""), "{baseline}");
    let check = run(&["check", "corpus"], Some(&root));
    assert!(check.stdout.contains("4 contradict (2 new, 1 baselined, 1 resolved)"), "{}", check.stdout);

    // What is decided is not asked again; q stops at once.
    let out = run_with_input(&["review", "corpus", "--no-tty"], Some(&root), "q\n");
    assert!(out.stdout.contains("── 1 of 2 ──") && out.stdout.contains("0 skipped, 2 left."), "{}", out.stdout);
    // Once nothing fails the build, the baselined one is offered.
    let out = run_with_input(&["review", "corpus", "--no-tty"], Some(&root), "s\ns\ny\ns\n");
    assert!(out.stdout.contains("1 baselined contradiction(s) stay open; review them too?"), "{}", out.stdout);
    assert!(out.stdout.contains("ruritania · founding_date [baselined]"), "{}", out.stdout);
    assert!(out.stdout.contains("Reviewed: 0 resolved, 0 baselined, 3 skipped, 0 left."), "{}", out.stdout);
}

#[test]
fn review_walks_only_what_can_fail_the_build() {
    let out = run_with_input(&["review", &fixture("relations"), "--no-tty"], None, &"s\n".repeat(7));
    let verdicts: Vec<&str> = out
        .stdout
        .lines()
        .filter_map(|l| l.split("  ").next().filter(|v| v.starts_with('✗') || v.starts_with('~')))
        .collect();
    assert_eq!(verdicts, ["✗ contradict"; 4], "{}", out.stdout);
    assert!(out.stdout.contains("Reviewed: 0 resolved, 0 baselined, 4 skipped, 0 left."), "{}", out.stdout);
}

#[test]
fn prune_removes_stale_entries_and_nothing_else() {
    let (_dir, root) = scratch("two-sources");
    let resolve =
        ["resolve", TROOPS, "--path", "corpus", "--status", "accepted", "--note", "n", "--date", "2026-11-25"];
    run(&resolve, Some(&root));
    let resolutions = root.join("corpus/resolutions.json");
    let live = fs::read_to_string(&resolutions).unwrap();
    let stale = stale_resolution("gone · a", "    ");
    fs::write(&resolutions, live.replacen("    {\n", &format!("{stale},\n    {{\n"), 1)).unwrap();
    // A 0.1 baseline entry, for a fact gone too.
    let baseline = "{\n  \"findings\": [\n    {\n      \"fingerprint\": \"1111111111111111\",\n      \"fact\": \"gone · d\",\n      \"claims\": []\n    }\n  ]\n}\n";
    fs::write(root.join("corpus/baseline.json"), baseline).unwrap();

    let check = run(&["check", "corpus"], Some(&root));
    assert!(check.stdout.contains("stale resolution 521e08fd0321168f (gone · a)"), "{}", check.stdout);
    assert!(check.stdout.contains("`claimcheck check --prune` removes stale entries"), "{}", check.stdout);
    let pruned = run(&["check", "corpus", "--prune"], Some(&root));
    assert_eq!(pruned.code, 0, "{}", pruned.stderr);
    assert!(
        pruned.stderr.contains("pruned 521e08fd0321168f (gone · a) from corpus/resolutions.json"),
        "{}",
        pruned.stderr
    );
    assert!(
        pruned.stderr.contains("pruned 1111111111111111 (gone · d) from corpus/baseline.json"),
        "{}",
        pruned.stderr
    );
    assert!(!pruned.stdout.contains("stale"), "{}", pruned.stdout);
    assert_eq!(fs::read_to_string(&resolutions).unwrap(), live);
    assert_eq!(fs::read_to_string(root.join("corpus/baseline.json")).unwrap(), "{\n  \"findings\": []\n}\n");
    let again = run(&["check", "corpus", "--prune"], Some(&root));
    assert!(again.stderr.contains("no stale entries to prune"), "{}", again.stderr);
}

#[test]
fn reliability_is_in_the_json_and_documented() {
    let out = run(&["check", &fixture("reliability"), "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let sources = v["sources"].as_array().unwrap();
    let score = |id: &str| sources.iter().find(|s| s["id"] == id).unwrap()["reliability"]["score"].as_f64().unwrap();
    assert!(score("gamma") < score("alpha") && score("gamma") < score("solo"), "{}", out.stdout);
    let readme = fs::read_to_string("README.md").unwrap();
    let fields = sources[0]["reliability"].as_object().unwrap();
    for field in fields.keys() {
        assert!(readme.contains(&format!("`{field}`")), "README.md does not document reliability.{field}");
    }
}

#[test]
fn no_progress_line_when_stderr_is_not_a_terminal() {
    let out = run(&["check", &fixture("agree")], None);
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr, "");
}

#[test]
fn completions_and_man_pages_come_from_the_command_line_definition() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(&["completions", shell], None);
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert!(out.stdout.contains("explain") && out.stdout.contains("prune"), "{shell}:\n{}", out.stdout);
    }
    assert_eq!(run(&["completions", "tcsh"], None).code, 2);
    let page = run(&["man"], None);
    assert_eq!(page.code, 0);
    assert!(page.stdout.contains(".TH claimcheck 1  \"claimcheck 0.1.0\""), "{}", page.stdout);
    assert!(page.stdout.contains("claimcheck\\-review"), "{}", page.stdout);
    let page = run(&["man", "check"], None);
    assert!(page.stdout.contains(".TH claimcheck-check 1  \"claimcheck 0.1.0\""), "{}", page.stdout);
    assert!(page.stdout.contains("\\-\\-prune"), "{}", page.stdout);
    let out = run(&["man", "nope"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no command `nope`; one of: check, value"), "{}", out.stderr);
}

#[test]
fn every_command_has_examples_in_its_help() {
    let help = run(&["--help"], None).stdout;
    let commands: Vec<&str> = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 8, "{commands:?}");
    for command in commands {
        let out = run(&[command, "--help"], None);
        assert!(out.stdout.contains("Examples:\n  claimcheck "), "`{command} --help` has no examples:\n{}", out.stdout);
    }
}

/// Every code in the README's table, produced by the binary on a fixture.
#[test]
fn the_readme_exit_code_table_matches_the_binary() {
    let readme = fs::read_to_string("README.md").unwrap();
    let table = readme.split("## Exit codes").nth(1).unwrap().split("\n## ").next().unwrap();
    let codes: Vec<i32> =
        table.lines().filter_map(|l| l.strip_prefix("| ")?.split(" |").next()?.trim().parse().ok()).collect();
    let agree = fixture("agree");
    let two = fixture("two-sources");
    let malformed = fixture("malformed");
    let produces = |code: i32| -> Vec<&str> {
        match code {
            0 => vec!["check", &agree],
            1 => vec!["check", &two],
            2 => vec!["check", &malformed],
            other => panic!("the README lists exit code {other}: add a fixture that produces it here"),
        }
    };
    assert_eq!(codes, [0, 1, 2], "{table}");
    for code in codes {
        let args = produces(code);
        assert_eq!(run(&args, None).code, code, "{args:?}");
    }
}
