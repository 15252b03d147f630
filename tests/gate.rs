//! The CI gate as a newsroom runs it: a corpus that grows source by source, the ledger
//! files it keeps, and what may and may not make a finding new.

mod common;

use claimcheck::Run;
use claimcheck::check::{Status, Verdict};
use common::run;
use proptest::prelude::*;
use std::fs;
use std::path::PathBuf;

const REGISTRY: &str = r#"{
  "entities": [
    { "id": "kazakhstan", "kind": "country", "names": { "en": "Kazakhstan" } },
    { "id": "russia", "kind": "country", "names": { "en": "Russia" } },
    { "id": "csto-mission-2022", "kind": "event", "names": { "en": "CSTO mission" } }
  ],
  "properties": [
    { "id": "troops_deployed", "kind": "quantity", "unit": "person" },
    { "id": "population_share", "kind": "percentage" }
  ],
  "qualifiers": [
    { "key": "contributor", "meaning": "a country's part of a force", "entity": true, "part_of_whole": true },
    { "key": "group", "meaning": "a part of the population", "part_of_whole": true }
  ]
}
"#;

const TROOPS: &str = "csto-mission-2022 · troops_deployed · contributor=russia";

/// A corpus folder that sources are added to, as a newsroom adds them.
struct Corpus {
    _dir: tempfile::TempDir,
    /// The folder the corpus is in; the corpus is `corpus/` under it.
    work: PathBuf,
}

/// One claim: id, value, and the sentence of the text that states it.
struct Claim<'a> {
    id: &'a str,
    property: &'a str,
    value: &'a str,
    sentence: &'a str,
}

fn troops<'a>(id: &'a str, value: &'a str, sentence: &'a str) -> Claim<'a> {
    Claim { id, property: "troops_deployed", value, sentence }
}

impl Corpus {
    fn new() -> Corpus {
        let dir = tempfile::tempdir().unwrap();
        let work = dir.path().to_path_buf();
        for sub in ["registry", "sources", "texts"] {
            fs::create_dir_all(work.join("corpus").join(sub)).unwrap();
        }
        fs::write(work.join("corpus/registry/registry.json"), REGISTRY).unwrap();
        Corpus { _dir: dir, work }
    }

    fn root(&self) -> PathBuf {
        self.work.join("corpus")
    }

    /// Writes a source with its text (the claims' sentences) and its claims.
    fn source(&self, id: &str, claims: &[Claim]) {
        let text: String = claims.iter().map(|c| format!("{}\n", c.sentence)).collect();
        fs::write(self.root().join(format!("texts/{id}.txt")), text).unwrap();
        let claims: Vec<serde_json::Value> = claims
            .iter()
            .map(|c| {
                let mut claim = serde_json::json!({
                    "id": c.id,
                    "subject": if c.property == "troops_deployed" { "csto-mission-2022" } else { "kazakhstan" },
                    "property": c.property,
                    "value": c.value,
                    "quote": c.sentence,
                });
                if c.property == "troops_deployed" {
                    claim["qualifiers"] = serde_json::json!({ "contributor": "russia" });
                } else {
                    claim["qualifiers"] = serde_json::json!({ "group": "muslims" });
                }
                claim
            })
            .collect();
        let file = serde_json::json!({
            "source": { "id": id, "title": id, "published": "2022-01-10", "language": "en", "path": format!("texts/{id}.txt") },
            "claims": claims,
        });
        fs::write(self.root().join(format!("sources/{id}.json")), serde_json::to_string_pretty(&file).unwrap())
            .unwrap();
    }

    fn remove(&self, id: &str) {
        fs::remove_file(self.root().join(format!("sources/{id}.json"))).unwrap();
        fs::remove_file(self.root().join(format!("texts/{id}.txt"))).unwrap();
    }

    fn check(&self, extra: &[&str]) -> common::Output {
        run(&[&["check", "corpus"], extra].concat(), Some(&self.work))
    }

    /// The status of the finding about a fact, as the library sees it.
    fn status(&self, fact: &str) -> Option<Status> {
        let run = Run::new(&self.root());
        assert!(!run.corpus.has_errors(), "{:#?}", run.corpus.diagnostics);
        run.outcome.findings.iter().find(|f| run.graph.facts[f.fact].key.to_string() == fact).and_then(|f| f.status)
    }
}

/// A CI history: each step's exit code and the finding's status.
#[test]
fn the_gate_holds_as_sources_are_added() {
    let corpus = Corpus::new();
    corpus.source("wire-a", &[troops("a-troops", "1460", "Russia sent 1460 soldiers.")]);
    corpus.source("paper-b", &[troops("b-troops", "2500", "Moscow flew in 2500 troops.")]);
    let out = corpus.check(&[]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("The build fails: 1 contradiction(s)"), "{}", out.stdout);

    let written = corpus.check(&["--write-baseline"]);
    assert_eq!(written.code, 0, "{}{}", written.stdout, written.stderr);
    assert!(written.stderr.contains("baselined "), "{}", written.stderr);
    assert_eq!(corpus.status(TROOPS), Some(Status::Baselined));

    // A source that repeats a decided figure: nothing new to decide.
    corpus.source("wire-c", &[troops("c-troops", "2500", "A wire says 2500 troops arrived.")]);
    let out = corpus.check(&[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(!out.stdout.contains("stale"), "{}", out.stdout);
    assert_eq!(corpus.status(TROOPS), Some(Status::Baselined));

    // A source that brings a figure in conflict with every decided one: re-opened, named.
    corpus.source("blog-d", &[troops("d-troops", "980", "Only 980 soldiers came, a blog says.")]);
    let out = corpus.check(&[]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("reopened by d-troops (blog-d): a new claim stating 980"), "{}", out.stdout);
    assert!(out.stdout.contains("agrees with none of the values decided (1460, 2500)"), "{}", out.stdout);
    assert!(out.stdout.contains("  reopened  "), "{}", out.stdout);
    corpus.remove("blog-d");

    // The same figure written another way: the same value as read.
    corpus.source("wire-a", &[troops("a-troops", "1,460", "Russia sent 1,460 soldiers.")]);
    let out = corpus.check(&[]);
    assert_eq!(out.code, 0, "{}", out.stdout);

    // A baselined value changed: re-opened, saying what it was.
    corpus.source("wire-a", &[troops("a-troops", "980", "Russia sent 980 soldiers.")]);
    let out = corpus.check(&[]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("reopened by a-troops (wire-a): was 1460 when decided, now 980"), "{}", out.stdout);

    // The conflict gone: the entry is stale, and --write-baseline drops it, saying so.
    corpus.source("wire-a", &[troops("a-troops", "2500", "Russia sent 2500 soldiers.")]);
    let out = corpus.check(&[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("stale baseline entry"), "{}", out.stdout);
    let written = corpus.check(&["--write-baseline"]);
    assert!(written.stderr.contains("dropped ") && written.stderr.contains("no contradiction"), "{}", written.stderr);
    assert_eq!(fs::read_to_string(corpus.root().join("baseline.json")).unwrap(), "{\n  \"findings\": []\n}\n");
}

#[test]
fn resolutions_hold_the_same_way_and_only_contradictions_are_decided() {
    let corpus = Corpus::new();
    let share = |id, value, sentence| Claim { id, property: "population_share", value, sentence };
    corpus.source("a", &[share("a-share", "70.2%", "Muslims are 70.2% of the people.")]);
    corpus.source("b", &[share("b-share", ">75%", "Muslims are more than 75% of the people.")]);
    corpus
        .source("c", &[troops("c-troops", "2500", "2500 troops came."), share("c-x", "71%", "Some 71% are Muslims.")]);
    let fact = "kazakhstan · population_share · group=muslims";
    let fp = claimcheck::check::fingerprint(fact);
    let resolve = |fp: &str| {
        run(
            &[
                "resolve",
                fp,
                "--path",
                "corpus",
                "--status",
                "accepted",
                "--note",
                "both circulate",
                "--date",
                "2026-11-30",
            ],
            Some(&corpus.work),
        )
    };
    // 70.2% and 71% against more than 75%.
    let out = resolve(&fp);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(corpus.status(fact), Some(Status::Resolved));
    // A fourth source agreeing with a decided value, in another form.
    corpus.source("d", &[share("d-share", "70.2 %", "Officially 70.2 % are Muslims.")]);
    assert_eq!(corpus.check(&[]).code, 0);
    assert_eq!(corpus.status(fact), Some(Status::Resolved));
    // One in conflict with all of them.
    corpus.source("e", &[share("e-share", "50%", "Half, 50%, are Muslims.")]);
    assert_eq!(corpus.status(fact), Some(Status::Reopened));
    assert_eq!(corpus.check(&[]).code, 1);

    // An agreement is not decided: nothing about it can fail the build.
    corpus.source("f", &[troops("f-troops", "2,500", "2,500 troops, says f.")]);
    let agreement = claimcheck::check::fingerprint(TROOPS);
    let out = resolve(&agreement);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("is an agreement: there is nothing to decide"), "{}", out.stderr);
    let json = corpus.check(&["--format", "json"]).stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let troops = v["findings"].as_array().unwrap().iter().find(|f| f["fingerprint"] == agreement.as_str()).unwrap();
    assert_eq!(troops["verdict"], "agree");
    assert!(troops.get("status").is_none(), "{troops}");
}

/// Ledger files are trusted data: a file that cannot be read is an input error that says
/// where, never a silent empty ledger.
#[test]
fn unreadable_ledger_files_are_input_errors() {
    let corpus = Corpus::new();
    corpus.source("a", &[troops("a-troops", "1460", "1460 soldiers.")]);
    corpus.source("b", &[troops("b-troops", "2500", "2500 soldiers.")]);
    corpus.check(&["--write-baseline"]);
    let baseline = corpus.root().join("baseline.json");
    let good = fs::read(&baseline).unwrap();

    let mut bad = good.clone();
    let at = bad.iter().position(|&b| b == b'1').unwrap();
    bad[at] = 0xff;
    fs::write(&baseline, &bad).unwrap();
    let out = corpus.check(&["--write-baseline"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("corpus/baseline.json:") && out.stderr.contains("is not UTF-8"), "{}", out.stderr);
    assert_eq!(fs::read(&baseline).unwrap(), bad, "a broken file is never rewritten");

    fs::remove_file(&baseline).unwrap();
    fs::create_dir(&baseline).unwrap();
    let out = corpus.check(&[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("corpus/baseline.json:1:1: error: corpus/baseline.json is a folder, not a JSON file"),
        "{}",
        out.stderr
    );
    fs::remove_dir(&baseline).unwrap();

    let broken = String::from_utf8(good.clone()).unwrap().replace("\"values\"", "\"valuez\"");
    fs::write(&baseline, broken).unwrap();
    let out = corpus.check(&[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("unknown field `valuez`"), "{}", out.stderr);
    assert!(!out.stderr.contains("--write-baseline"), "the help must not suggest rebuilding it: {}", out.stderr);
    fs::write(&baseline, &good).unwrap();
    assert_eq!(corpus.check(&[]).code, 0);
}

#[cfg(unix)]
#[test]
fn ledger_files_never_lead_out_of_the_corpus_and_read_only_ones_stay() {
    use std::os::unix::fs::PermissionsExt;
    let corpus = Corpus::new();
    corpus.source("a", &[troops("a-troops", "1460", "1460 soldiers.")]);
    corpus.source("b", &[troops("b-troops", "2500", "2500 soldiers.")]);
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.json");
    fs::write(&secret, "{\"findings\": [], \"token\": \"s3cr3t\"}").unwrap();
    let baseline = corpus.root().join("baseline.json");

    std::os::unix::fs::symlink(&secret, &baseline).unwrap();
    let out = corpus.check(&["--write-baseline"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("leads out of the corpus folder through a symbolic link"), "{}", out.stderr);
    assert!(!out.stderr.contains("s3cr3t") && !out.stdout.contains("s3cr3t"));
    fs::remove_file(&baseline).unwrap();

    // Dangling, pointing out of the corpus: nothing is created there.
    std::os::unix::fs::symlink(outside.path().join("new.json"), &baseline).unwrap();
    assert_eq!(corpus.check(&["--write-baseline"]).code, 2);
    assert!(!outside.path().join("new.json").exists());
    fs::remove_file(&baseline).unwrap();

    // A planted temporary file is not followed: the writer makes its own, exclusively.
    let planted = corpus.root().join("resolutions.json.tmp");
    std::os::unix::fs::symlink(&secret, &planted).unwrap();
    let fp = claimcheck::check::fingerprint(TROOPS);
    let out = run(
        &["resolve", &fp, "--path", "corpus", "--status", "accepted", "--note", "n", "--date", "2026-11-30"],
        Some(&corpus.work),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(fs::read_to_string(&secret).unwrap().contains("s3cr3t"));

    // A read-only baseline is left as it is, and the message names it.
    fs::remove_file(corpus.root().join("resolutions.json")).unwrap();
    assert_eq!(corpus.check(&["--write-baseline"]).code, 0);
    corpus.source("c", &[troops("c-troops", "900", "900 soldiers.")]);
    let before = fs::read(&baseline).unwrap();
    fs::set_permissions(&baseline, fs::Permissions::from_mode(0o444)).unwrap();
    let out = corpus.check(&["--write-baseline"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("corpus/baseline.json is read-only"), "{}", out.stderr);
    assert_eq!(fs::read(&baseline).unwrap(), before);
}

#[test]
fn write_baseline_edits_the_file_and_says_what_it_drops() {
    let corpus = Corpus::new();
    corpus.source("a", &[troops("a-troops", "1460", "1460 soldiers.")]);
    corpus.source("b", &[troops("b-troops", "2500", "2500 soldiers.")]);
    // A hand-kept baseline: tabs, and an entry for a fact no finding has.
    let gone = "gone · fact";
    let text = format!(
        "{{\n\t\"findings\": [\n\t\t{{\n\t\t\t\"fingerprint\": \"{}\",\n\t\t\t\"fact\": \"{gone}\",\n\t\t\t\"values\": \
         [{{\"value\": \"1\", \"lo\": 1, \"hi\": 1, \"claims\": [\"x\"]}}]\n\t\t}}\n\t]\n}}\n",
        claimcheck::check::fingerprint(gone)
    );
    fs::write(corpus.root().join("baseline.json"), &text).unwrap();
    let out = corpus.check(&["--write-baseline"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("dropped {} ({gone})", claimcheck::check::fingerprint(gone))),
        "{}",
        out.stderr
    );
    let written = fs::read_to_string(corpus.root().join("baseline.json")).unwrap();
    assert!(written.starts_with("{\n\t\"findings\": [\n\t\t{\n\t\t\t\"fingerprint\""), "tabs kept: {written}");
    assert!(!written.contains(gone));
    // Nothing changed: nothing written.
    let again = corpus.check(&["--write-baseline"]);
    assert!(again.stderr.contains("the baseline is up to date"), "{}", again.stderr);
    assert_eq!(fs::read_to_string(corpus.root().join("baseline.json")).unwrap(), written);
}

/// The same figure, written the ways a newsroom writes it.
fn agreeing_forms() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(vec![
        ("2500", "2500 troops came."),
        ("2,500", "2,500 troops came."),
        ("2500", "Some 2500 soldiers came."),
        ("1460", "1460 troops came."),
        ("1,460", "1,460 troops came."),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Adding a claim that agrees with a decided value never makes a finding new, whatever
    /// the order of files and claims.
    #[test]
    fn a_claim_agreeing_with_a_decided_value_never_makes_a_finding_new(
        form in agreeing_forms(),
        names in prop::sample::subsequence(vec!["a", "m", "z", "q", "b"], 2).prop_shuffle(),
        newcomer in prop::sample::select(vec!["0-first", "zz-last", "n-middle"]),
        before in any::<bool>(),
    ) {
        let corpus = Corpus::new();
        corpus.source(names[0], &[troops("x-1460", "1460", "Russia sent 1460 soldiers.")]);
        corpus.source(names[1], &[troops("y-2500", "2500", "Moscow flew in 2500 troops.")]);
        let other = Claim { id: "other", property: "population_share", value: "70%", sentence: "70% are Muslims." };
        let decided = Run::new(&corpus.root());
        let finding = decided.outcome.findings.iter().find(|f| f.verdict == Verdict::Contradict).unwrap();
        let entry = claimcheck::check::ledger::BaselineEntry::of(&decided.corpus, finding);
        claimcheck::check::ledger::edit::record_baseline(&corpus.root(), &decided.ledger, &entry).unwrap();

        let new = troops("w-new", form.0, form.1);
        let claims = if before { vec![new, other] } else { vec![other, new] };
        corpus.source(newcomer, &claims);
        prop_assert_eq!(corpus.status(TROOPS), Some(Status::Baselined));
    }
}

/// A write killed at any moment leaves the old file or the new one: the child is killed
/// after delays spread over its run, and the file must always parse as one or the other.
#[test]
fn a_killed_write_leaves_the_old_file_or_the_new() {
    let corpus = Corpus::new();
    corpus.source("a", &[troops("a-troops", "1460", "1460 soldiers.")]);
    corpus.source("b", &[troops("b-troops", "2500", "2500 soldiers.")]);
    let baseline = corpus.root().join("baseline.json");
    let old = "{\n  \"findings\": []\n}\n";
    let new = {
        fs::write(&baseline, old).unwrap();
        assert_eq!(corpus.check(&["--write-baseline"]).code, 0);
        fs::read_to_string(&baseline).unwrap()
    };
    let bin = assert_cmd::cargo::cargo_bin("claimcheck");
    for delay_ms in 0..24u64 {
        fs::write(&baseline, old).unwrap();
        let mut child = std::process::Command::new(&bin)
            .args(["check", "corpus", "--write-baseline"])
            .current_dir(&corpus.work)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(delay_ms * 500));
        let _ = child.kill();
        let _ = child.wait();
        let now = fs::read_to_string(&baseline).unwrap();
        assert!(now == old || now == new, "after {delay_ms} ms/2: {now:?}");
    }
}
