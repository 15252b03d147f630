//! The report formats on fixture corpora: snapshots, the SARIF schema, escaping of hostile
//! text, and `report -o`. The page in a real browser is tested in tests/browser.rs.

mod common;

use common::{Output, claimcheck, run};
use serde_json::Value;
use std::path::{Path, PathBuf};

const TWO_SOURCES: &str = "tests/fixtures/two-sources";

fn check(corpus: &str, format: &str, dir: Option<&Path>) -> Output {
    run(&["check", corpus, "--format", format], dir)
}

fn json(corpus: &str, dir: Option<&Path>) -> Value {
    serde_json::from_str(&check(corpus, "json", dir).stdout).unwrap()
}

fn scratch() -> (tempfile::TempDir, PathBuf) {
    common::scratch("two-sources")
}

/// Replaces text in a file of a scratch corpus; the text must be there.
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join("corpus").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in {file}");
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// The wire story's quote with markup, quotes, a pipe, a percent sign and a line break in it.
const HOSTILE: &str = "troops <script>alert(\"x\")</script> | 100%\nof them";

fn hostile_corpus() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = scratch();
    edit(&root, "texts/wire-en.txt", "3,200 troops", &format!("3,200 {HOSTILE}"));
    let quote = serde_json::to_string(&format!("Russia sent 3,200 {HOSTILE} to Kazakhstan")).unwrap();
    edit(&root, "sources/wire-en.json", "\"Russia sent 3,200 troops to Kazakhstan\"", &quote);
    let out = check("corpus", "text", Some(&root));
    assert_eq!(out.code, 1, "the hostile corpus must load and contradict: {}", out.stderr);
    (dir, root)
}

/// Two speakers give different counts of the attackers: reported, so not comparable.
/// The attackers counted in Almaty alone by one source: another figure, but a narrower
/// scope, so not comparable.
fn scopes_differ() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = scratch();
    edit(&root, "texts/wire-en.txt", "20,000 attackers", "25,000 attackers");
    edit(&root, "sources/wire-en.json", "\"20000\"", "\"25000\"");
    edit(&root, "sources/wire-en.json", "said 20,000 attackers", "said 25,000 attackers");
    edit(
        &root,
        "sources/wire-en.json",
        "\"attributed_to\": \"kz-officials\",",
        "\"attributed_to\": \"kz-officials\", \"qualifiers\": { \"scope\": \"in-almaty\" },",
    );
    (dir, root)
}

#[test]
fn every_format_on_two_sources() {
    for format in ["markdown", "html", "sarif", "github", "dot"] {
        let out = check(TWO_SOURCES, format, None);
        assert_eq!(out.code, 1, "{format}: the new contradiction still fails the check\n{}", out.stderr);
        insta::assert_snapshot!(format!("two_sources_{format}"), out.stdout);
    }
}

#[test]
fn html_groups_findings_and_marks_the_figure_in_each_quote() {
    let html = check(TWO_SOURCES, "html", None).stdout;
    let v = json(TWO_SOURCES, None);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(html.matches("<details class=\"finding ").count(), findings.len());
    assert!(
        html.contains(
            "<blockquote dir=\"rtl\" lang=\"ar\">أرسلت روسيا <mark>نحو (2500)</mark> جندي إلى كازاخستان</blockquote>"
        ),
        "{html}"
    );
    assert!(html.contains("<blockquote dir=\"auto\" lang=\"en\">Russia sent <mark>3,200</mark> troops"), "{html}");
    // The new contradiction comes first and open, before the agreements, which are folded.
    let open = html.find("<details class=\"finding contradict new\" id=\"f-9e5523d64c70cbad\"").unwrap();
    let agreements = html.find("<details class=\"group\" id=\"g-agree\">").unwrap();
    assert!(open < agreements && agreements < html.find("<section id=\"summary\">").unwrap());
    assert!(html[open..].starts_with(
        "<details class=\"finding contradict new\" id=\"f-9e5523d64c70cbad\" data-verdict=\"contradict\" data-open=\"true\" open>"
    ));
    assert_eq!(html.matches("<details class=\"finding agree\"").count(), 3);
    assert!(!html.contains(
        "<details class=\"finding agree\" id=\"f-250bc243fbafd9e9\" data-verdict=\"agree\" data-open=\"false\" open"
    ));
    // The conflict in a sentence, each side's line a link to the text at that line.
    let sentence = "<li><span class=\"tag\">A1</span> <b class=\"value\"><bdi>about 2,500</bdi></b> (<bdi>report-ar</bdi>, \
        <a class=\"at\" href=\"#t-report-ar-L3\" data-claim=\"c0\" title=\"show tests/fixtures/two-sources/texts/report-ar.txt at line 3\">line 3</a>) \
        against <span class=\"tag\">B1</span> <b class=\"value\"><bdi>3,200</bdi></b> (<bdi>wire-en</bdi>, \
        <a class=\"at\" href=\"#t-wire-en-L3\" data-claim=\"c4\" title=\"show tests/fixtures/two-sources/texts/wire-en.txt at line 3\">line 3</a>): no overlap</li>";
    assert!(html.contains(sentence), "{html}");
    // The text is in the page, the line has the id the link names, each quote is marked
    // (two that overlap, both on one piece).
    let line = "<span class=\"ln\" id=\"t-wire-en-L3\"><span class=\"q\" data-c=\"c4\">Russia sent 3,200 troops </span>\
        <span class=\"q\" data-c=\"c4 c5\">to Kazakhstan</span><span class=\"q\" data-c=\"c5\"> on 2022-01-06</span>. ";
    assert!(html.contains(line), "{html}");
    // The agreement matrix, both ways round, coloured by the share of contradictions.
    assert_eq!(html.matches("<td class=\"share-2\" title=\"report-ar × wire-en: 3 agree, 1 contradict, 0 not comparable; 25% contradict\"").count(), 1);
    assert_eq!(html.matches("<td class=\"share-2\" title=\"wire-en × report-ar: 3 agree, 1 contradict, 0 not comparable; 25% contradict\"").count(), 1);
    // Nothing is fetched: no external resource, and a policy that forbids them.
    for outside in ["<link", "src=", "url(", "@import", "http:", "https:"] {
        assert!(!html.contains(outside), "the page refers to something outside it: {outside}");
    }
    assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\""));
}

#[test]
fn hostile_text_is_escaped_in_every_format() {
    let (_dir, root) = hostile_corpus();
    let html = check("corpus", "html", Some(&root)).stdout;
    assert!(!html.contains("<script>alert"), "markup from a quote reached the page");
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | 100%"), "{html}");

    let markdown = check("corpus", "markdown", Some(&root)).stdout;
    assert!(!markdown.contains("<script>"), "{markdown}");
    assert!(markdown.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | 100% of them"), "{markdown}");

    let github = check("corpus", "github", Some(&root)).stdout;
    let error = github.lines().find(|l| l.starts_with("::error ")).unwrap();
    assert!(error.contains("<script>alert(\"x\")</script> | 100%25 of them"), "{error}");
    assert!(
        error.starts_with(
            "::error file=corpus/sources/report-ar.json,line=11,col=5,title=New contradiction%3A csto-mission-2022 · troops_deployed · contributor=russia::"
        ),
        "{error}"
    );

    let dot = check("corpus", "dot", Some(&root)).stdout;
    assert!(!dot.contains("alert(\"x\")"), "an unescaped quote ends a DOT string");
    graphviz_parses(&dot);

    let sarif: Value = serde_json::from_str(&check("corpus", "sarif", Some(&root)).stdout).unwrap();
    assert_valid_sarif(&sarif);
}

#[test]
fn markdown_shows_new_contradictions_first_and_folds_the_rest() {
    let md = check(TWO_SOURCES, "markdown", None).stdout;
    assert!(md.starts_with("## claimcheck: 1 new contradiction\n\n| new | baselined |"), "{md}");
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing:\n{md}"));
    assert!(at("### New contradictions (1)") < at("<summary><b>Agreements (3)</b></summary>"));
    assert!(md.contains("<details><summary>Quotes</summary>"));
    assert!(
        md.contains("| **\\~2500** | report-ar | `ar-troops` | `tests/fixtures/two-sources/texts/report-ar.txt:3:1` |")
    );

    // Baselined, the contradiction moves to the folded part and nothing is new.
    let (_dir, root) = scratch();
    run(&["check", "corpus", "--write-baseline"], Some(&root));
    let md = check("corpus", "markdown", Some(&root)).stdout;
    assert!(md.starts_with("## claimcheck: no new contradiction\n"), "{md}");
    assert!(!md.contains("### New contradictions"), "{md}");
    assert!(md.contains("<summary><b>Baselined contradictions (1)</b></summary>"), "{md}");

    let (_dir, root) = scopes_differ();
    let md = check("corpus", "markdown", Some(&root)).stdout;
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing:\n{md}"));
    assert!(at("<summary><b>Not comparable (1)</b></summary>") < at("<summary><b>Agreements (2)</b></summary>"));
}

#[test]
fn sarif_validates_and_carries_fingerprints_and_baseline_state() {
    let v = json(TWO_SOURCES, None);
    let sarif: Value = serde_json::from_str(&check(TWO_SOURCES, "sarif", None).stdout).unwrap();
    assert_valid_sarif(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let contradiction = v["findings"].as_array().unwrap().iter().find(|f| f["verdict"] == "contradict").unwrap();
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["partialFingerprints"]["claimcheck/finding/v1"], contradiction["fingerprint"]);
    assert_eq!(
        (r["ruleId"].as_str(), r["level"].as_str(), r["baselineState"].as_str()),
        (Some("disjoint-intervals"), Some("error"), Some("new"))
    );
    let location = &r["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "tests/fixtures/two-sources/sources/report-ar.json");
    assert_eq!(location["region"]["startLine"], 11);
    let related: Vec<&str> = r["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap())
        .collect();
    assert_eq!(
        related,
        [
            "tests/fixtures/two-sources/texts/report-ar.txt",
            "tests/fixtures/two-sources/sources/wire-en.json",
            "tests/fixtures/two-sources/texts/wire-en.txt"
        ]
    );
    let rule = &sarif["runs"][0]["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "disjoint-intervals");

    // Baselined: a warning, unchanged; resolved: suppressed with the editors' note.
    let (_dir, root) = scratch();
    run(&["check", "corpus", "--write-baseline"], Some(&root));
    let sarif: Value = serde_json::from_str(&check("corpus", "sarif", Some(&root)).stdout).unwrap();
    assert_valid_sarif(&sarif);
    let r = &sarif["runs"][0]["results"][0];
    assert_eq!((r["level"].as_str(), r["baselineState"].as_str()), (Some("warning"), Some("unchanged")));
    let resolution = serde_json::json!({"resolutions": [{
        "fingerprint": contradiction["fingerprint"], "fact": contradiction["fact"], "status": "source-wrong:ar-troops",
        "note": "the wire figure is the official one", "date": "2026-11-25",
        "claims": {"ar-troops": "~2500", "en-troops": "3200"}
    }]});
    std::fs::write(root.join("corpus/resolutions.json"), resolution.to_string()).unwrap();
    let sarif: Value = serde_json::from_str(&check("corpus", "sarif", Some(&root)).stdout).unwrap();
    assert_valid_sarif(&sarif);
    let r = &sarif["runs"][0]["results"][0];
    assert_eq!(r["suppressions"][0]["status"], "accepted");
    assert_eq!(
        r["suppressions"][0]["justification"],
        "source-wrong:ar-troops (2026-11-25): the wire figure is the official one"
    );
}

#[test]
fn sarif_of_the_shipped_corpus_validates() {
    let sarif: Value = serde_json::from_str(&check("claims", "sarif", None).stdout).unwrap();
    assert_valid_sarif(&sarif);
    let v = json("claims", None);
    let open = v["findings"].as_array().unwrap().iter().filter(|f| f["verdict"] == "contradict").count();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), open);
}

fn assert_valid_sarif(sarif: &Value) {
    let errors = sarif_errors(sarif);
    assert!(errors.is_empty(), "SARIF does not match the 2.1.0 schema:\n{}", errors.join("\n"));
}

fn sarif_errors(sarif: &Value) -> Vec<String> {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("tests/data/sarif-schema-2.1.0.json").unwrap()).unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
    validator.iter_errors(sarif).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn the_schema_check_catches_what_code_scanning_would_reject() {
    let good: Value = serde_json::from_str(&check(TWO_SOURCES, "sarif", None).stdout).unwrap();
    for (pointer, bad) in [
        ("/runs/0/results/0/level", serde_json::json!("fatal")),
        ("/runs/0/results/0/locations/0/physicalLocation/region/startLine", serde_json::json!(0)),
        ("/runs/0/tool/driver/name", serde_json::json!(null)),
    ] {
        let mut broken = good.clone();
        *broken.pointer_mut(pointer).unwrap() = bad;
        assert!(!sarif_errors(&broken).is_empty(), "a wrong {pointer} passed the schema");
    }
}

#[test]
fn github_annotates_new_contradictions_as_errors_and_baselined_as_warnings() {
    let out = check(TWO_SOURCES, "github", None).stdout;
    assert_eq!(out.lines().filter(|l| l.starts_with("::error ")).count(), 1, "{out}");
    assert!(out.lines().all(|l| l.starts_with("::")), "a message broke across lines:\n{out}");
    let (_dir, root) = scratch();
    run(&["check", "corpus", "--write-baseline"], Some(&root));
    let out = check("corpus", "github", Some(&root)).stdout;
    assert!(!out.contains("::error"), "{out}");
    assert!(
        out.contains("::warning file=corpus/sources/report-ar.json,line=11,col=5,title=Baselined contradiction%3A "),
        "{out}"
    );

    // The loader's warnings become annotations on their files, and notes on the page.
    edit(&root, "texts/wire-en.txt", "took part.", "took part.\nFootnote \u{E010}.");
    let out = check("corpus", "github", Some(&root)).stdout;
    assert!(
        out.contains("::warning file=corpus/texts/wire-en.txt,line=5,col=10,title=claimcheck::1 private-use character(s) with no glyph map: U+E010%0Ahelp: "),
        "{out}"
    );
    let html = check("corpus", "html", Some(&root)).stdout;
    assert!(html.contains("<li><bdi>corpus/texts/wire-en.txt:5:10: warning: 1 private-use character(s)"), "{html}");
}

#[test]
fn dot_has_a_cluster_per_finding_and_an_edge_per_pair() {
    let dot = check(TWO_SOURCES, "dot", None).stdout;
    let v = json(TWO_SOURCES, None);
    let findings = v["findings"].as_array().unwrap();
    let pairs: usize = findings.iter().map(|f| f["pairs"].as_array().unwrap().len()).sum();
    assert_eq!(dot.matches("subgraph \"cluster_").count(), findings.len());
    assert_eq!(dot.matches(" -- ").count(), pairs);
    assert!(dot.contains("\"ar-troops\" -- \"en-troops\" [color=\"#c62828\""), "{dot}");
    assert!(dot.contains("\"ar-population\" -- \"en-population\" [color=\"#2e7d32\""), "{dot}");
    graphviz_parses(&dot);
    let (_dir, root) = scopes_differ();
    let dot = check("corpus", "dot", Some(&root)).stdout;
    assert!(dot.contains("\"ar-attackers\" -- \"en-attackers\" [color=\"#757575\", style=dashed"), "{dot}");
    graphviz_parses(&check("claims", "dot", None).stdout);
}

/// Renders with Graphviz when it is installed; the DOT must parse and give an SVG.
fn graphviz_parses(dot: &str) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let Ok(mut child) =
        Command::new("dot").arg("-Tsvg").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn()
    else {
        common::missing_tool("graphviz_parses", "Graphviz `dot`", "`apt-get install graphviz` (.ci/run does on CI)");
        return;
    };
    child.stdin.take().unwrap().write_all(dot.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "dot failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"), "dot gave no SVG");
}

#[test]
fn report_writes_a_file_whose_links_work_from_where_it_is() {
    let (_dir, root) = scratch();
    let out = run(&["report", "corpus", "-o", "site/claims/index.html"], Some(&root));
    assert_eq!(out.code, 0, "report exits 0 even with a new contradiction: {}", out.stderr);
    assert_eq!(out.stderr, "wrote site/claims/index.html\n");
    let html = std::fs::read_to_string(root.join("site/claims/index.html")).unwrap();
    assert!(
        html.contains("<a href=\"../../corpus/texts/report-ar.txt\"><bdi>corpus/texts/report-ar.txt</bdi></a>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<a href=\"../../corpus/sources/report-ar.json\"><bdi>corpus/sources/report-ar.json:11:5</bdi></a>"
        ),
        "{html}"
    );

    // The extension names the format; text is written without colors.
    assert_eq!(run(&["report", "corpus", "-o", "out.sarif"], Some(&root)).code, 0);
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(root.join("out.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let forced =
        claimcheck().args(["--color=always", "report", "corpus", "-o", "out.txt"]).current_dir(&root).output().unwrap();
    assert!(forced.status.success());
    let text = std::fs::read_to_string(root.join("out.txt")).unwrap();
    assert!(text.starts_with("✗ contradict  csto-mission-2022") && !text.contains('\x1b'), "{text}");

    let unknown = run(&["report", "corpus", "-o", "out.pdf"], Some(&root));
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("pass --format"), "{}", unknown.stderr);
    let broken = run(&["report", "no/such/corpus", "--format", "html"], Some(&root));
    assert_eq!((broken.code, broken.stdout.as_str()), (2, ""));
}

/// A report file is replaced as the ledger files are: atomically, its permissions kept, a
/// read-only one refused, no temporary file left behind.
#[cfg(unix)]
#[test]
fn report_files_are_replaced_atomically_and_a_read_only_one_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, root) = scratch();
    let page = root.join("page.md");
    std::fs::write(&page, "old").unwrap();
    std::fs::set_permissions(&page, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(run(&["report", "corpus", "-o", "page.md"], Some(&root)).code, 0);
    assert!(std::fs::read_to_string(&page).unwrap().contains("csto-mission-2022"));
    assert_eq!(std::fs::metadata(&page).unwrap().permissions().mode() & 0o777, 0o640);
    std::fs::set_permissions(&page, std::fs::Permissions::from_mode(0o440)).unwrap();
    let refused = run(&["report", "corpus", "-o", "page.md"], Some(&root));
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.contains("read-only"), "{}", refused.stderr);
    let left: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn report_draws_the_graph_as_svg_with_graphviz() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("graph.svg");
    let out = common::run(&["report", TWO_SOURCES, "-o", svg.to_str().unwrap()], None);
    let graphviz = std::process::Command::new("dot").arg("-V").output().is_ok();
    if graphviz {
        assert_eq!(out.code, 0, "{}", out.stderr);
        let drawn = std::fs::read_to_string(&svg).unwrap();
        // A cluster per finding, the contradiction's among them.
        assert_eq!(drawn.matches("<g id=\"clust").count(), 4, "{drawn}");
        assert!(drawn.contains("<title>cluster_9e5523d64c70cbad</title>"), "{drawn}");
    } else {
        assert_eq!(out.code, 2);
        assert!(out.stderr.contains("install graphviz"), "{}", out.stderr);
    }
}
