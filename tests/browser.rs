//! The HTML report in a real browser: headless Chromium renders the shipped corpus's page and
//! takes screenshots (kept in the target folder: `tmp/browser/claims.png`, the top of the
//! page, and `tmp/browser/viewer.png`, a quote's line in the text view), and the DOM it
//! built is checked: open contradictions first and unfolded, decided ones, findings not
//! comparable and agreements folded, quotes right to left, the filters and the section
//! counts that follow them, a quote's link landing on its line in the embedded text, and
//! the matrix coloured by the share of contradictions.
//!
//! What the page cannot show through `--dump-dom` alone (where things are laid out, colours,
//! what a click does) a probe measures: a copy of the page with a script that records it in
//! the title. The page's height at 1280 px is printed (`--nocapture`).
//!
//! Without Chromium the test is skipped, except on CI (`CI=true`), where .ci/run installs
//! it and a missing browser fails. `CLAIMCHECK_BROWSER` names another Chromium-like binary.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CORPUS: &str = "claims";

/// Measures the laid-out page, then clicks the first line link of the first finding's
/// sides, and writes what it saw into the title as JSON.
const PROBE: &str = r#"<script>
(function () {
  const top = function (el) { return el.getBoundingClientRect().top + window.scrollY; };
  const luminance = function (css) {
    const n = (css.match(/[\d.]+/g) || []).map(Number);
    const rgb = css.startsWith('color(') ? n.slice(0, 3).map(function (v) { return v * 255; }) : n.slice(0, 3);
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  };
  const first = document.querySelector('.finding');
  const probe = {
    height: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
    first_finding: first.id,
    first_finding_top: top(first),
    summary_top: top(document.getElementById('summary')),
    cells: [],
  };
  for (const td of document.querySelectorAll('.matrix td[class^="share-"]')) {
    const m = /: (\d+) agree, (\d+) contradict/.exec(td.title);
    probe.cells.push({ agree: +m[1], contradict: +m[2], luminance: luminance(getComputedStyle(td).backgroundColor) });
  }
  const link = first.querySelector('.sides a.at[data-claim]');
  probe.link = { href: link.getAttribute('href'), claim: link.dataset.claim };
  link.click();
  const viewer = document.getElementById('viewer');
  const here = viewer.querySelector('.ln.here');
  const body = viewer.querySelector('.viewer-body').getBoundingClientRect();
  const line = here && here.getBoundingClientRect();
  probe.viewer = {
    open: viewer.open,
    line: here ? here.id : null,
    line_in_view: !!line && line.top >= body.top && line.top < body.bottom,
    quote: Array.from(viewer.querySelectorAll('.q.this')).map(function (q) { return q.textContent; }).join(''),
    quote_starts_on_line: !!here && here.querySelector('.q.this') !== null,
  };
  document.title = JSON.stringify(probe);
})();
</script>
</body>"#;

#[test]
fn the_html_report_renders_in_chromium() {
    let Some(browser) = browser() else {
        common::missing_tool(
            "the_html_report_renders_in_chromium",
            "Chromium",
            "`apt-get install chromium` (.ci/run does on CI), or set CLAIMCHECK_BROWSER",
        );
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("claims.html");
    let written = claimcheck(&["report", CORPUS, "--format", "html", "-o", page.to_str().unwrap()]);
    assert!(written.status.success(), "{}", String::from_utf8_lossy(&written.stderr));
    let report: Value = serde_json::from_slice(&claimcheck(&["check", CORPUS, "--format", "json"]).stdout).unwrap();
    let url = format!("file://{}", page.display());
    let findings = report["findings"].as_array().unwrap();
    let claims = report["claims"].as_array().unwrap();
    let claim = |id: &Value| claims.iter().find(|c| &c["id"] == id).unwrap();
    let is_open = |f: &Value| f["verdict"] == "contradict" && f["status"] != "resolved";

    let screenshot = dir.join("claims.png");
    let _ = std::fs::remove_file(&screenshot);
    chromium(&browser, &[&format!("--screenshot={}", screenshot.display()), "--window-size=1280,2400", &url]);
    let png = std::fs::read(&screenshot).expect("Chromium wrote no screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "the screenshot is not a rendered page");

    let dom = String::from_utf8(chromium(&browser, &["--dump-dom", &url])).unwrap();
    assert_eq!(dom.matches("<details class=\"finding ").count(), findings.len(), "one element per finding");
    assert!(
        dom.contains(&format!("showing {n} of {n} findings", n = findings.len())),
        "the filters' script did not run"
    );

    // Open contradictions first and unfolded; the decided ones, those not comparable and the
    // agreements after them, folded, in folded sections.
    let tags = finding_tags(&dom);
    let open_first = tags.iter().take_while(|t| t.contains(" data-open=\"true\"")).count();
    let expected_open = findings.iter().filter(|f| is_open(f)).count();
    assert!(expected_open > 0);
    assert_eq!(open_first, expected_open, "the open contradictions come first");
    assert!(tags[..open_first].iter().all(|t| t.contains(" open=\"\"")), "open contradictions are unfolded");
    assert!(tags[open_first..].iter().all(|t| !t.contains(" open=\"\"")), "the rest are folded");
    for group in ["g-resolved", "g-not-comparable", "g-agree"] {
        assert!(dom.contains(&format!("<details class=\"group\" id=\"{group}\">")), "{group} is not folded");
    }
    assert!(dom.find("id=\"g-baselined\"").unwrap() < dom.find("id=\"g-resolved\"").unwrap());
    assert!(dom.find("id=\"g-agree\"").unwrap() < dom.find("<section id=\"summary\">").unwrap());

    // Every quote of an Arabic source is laid out right to left.
    let language = |source: &str| {
        report["sources"].as_array().unwrap().iter().find(|s| s["id"] == source).and_then(|s| s["language"].as_str())
    };
    let quoted: Vec<&Value> = findings.iter().flat_map(|f| f["claims"].as_array().unwrap()).map(claim).collect();
    let arabic = quoted.iter().filter(|c| language(c["source"].as_str().unwrap()) == Some("ar")).count();
    assert!(arabic > 0);
    assert_eq!(dom.matches("<blockquote ").count(), quoted.len());
    assert_eq!(dom.matches("<blockquote dir=\"rtl\" lang=\"ar\">").count(), arabic);

    // The matrix: each cell's colour class is the share of contradictions among the facts
    // two sources agree or disagree on.
    for pair in report["agreement"].as_array().unwrap() {
        let (agree, contradict) = (pair["agree"].as_u64().unwrap(), pair["contradict"].as_u64().unwrap());
        if agree + contradict == 0 {
            continue;
        }
        let share = contradict as f64 / (agree + contradict) as f64;
        let bucket = [0.0, 0.10, 0.25, 0.50].iter().filter(|&&limit| share > limit).count();
        let cell = format!(
            "<td class=\"share-{bucket}\" title=\"{} × {}: {agree} agree, {contradict} contradict",
            pair["a"].as_str().unwrap(),
            pair["b"].as_str().unwrap()
        );
        assert!(dom.contains(&cell), "{cell}");
    }

    // A link to a filtered view: unresolved contradictions with a claim from one source; the
    // sections' counts follow.
    let has_claim_of =
        |f: &Value, source: &str| f["claims"].as_array().unwrap().iter().any(|id| claim(id)["source"] == source);
    let source = "bayan-2022";
    let expected = findings.iter().filter(|f| is_open(f) && has_claim_of(f, source)).count();
    assert!(expected > 0 && expected < findings.len());
    let filtered =
        String::from_utf8(chromium(&browser, &["--dump-dom", &format!("{url}?open&source={source}")])).unwrap();
    assert!(
        filtered.contains(&format!("showing {expected} of {} findings", findings.len())),
        "the filters did not apply"
    );
    let tags = finding_tags(&filtered);
    assert_eq!(tags.len(), findings.len());
    assert_eq!(tags.iter().filter(|tag| tag.contains(" hidden")).count(), findings.len() - expected);
    let baselined = findings.iter().filter(|f| f["status"] == "baselined").count();
    let shown = findings.iter().filter(|f| f["status"] == "baselined" && has_claim_of(f, source)).count();
    assert_eq!(count_of(&filtered, "g-baselined"), format!("({shown} of {baselined})"));
    let resolved = findings.iter().filter(|f| f["status"] == "resolved").count();
    assert_eq!(count_of(&filtered, "g-resolved"), format!("(0 of {resolved})"));
    assert!(filtered.contains("<details class=\"group\" id=\"g-resolved\" hidden=\"\">"), "an emptied section goes");
    let source = "noonpost-2022-01-08";
    let agree = |f: &&Value| f["verdict"] == "agree";
    let expected = findings.iter().filter(agree).filter(|f| has_claim_of(f, source)).count();
    let filtered = String::from_utf8(chromium(&browser, &["--dump-dom", &format!("{url}?source={source}")])).unwrap();
    let all = findings.iter().filter(agree).count();
    assert!(expected > 0 && expected < all);
    assert_eq!(count_of(&filtered, "g-agree"), format!("({expected} of {all})"));

    // A quote's link lands on its line in the text view: the line and the quote marked,
    // scrolled into view. The probe clicks it.
    let probe_page = dir.join("probe.html");
    let html = std::fs::read_to_string(&page).unwrap();
    let end = html.rfind("</body>").unwrap();
    std::fs::write(&probe_page, format!("{}{PROBE}{}", &html[..end], &html[end + "</body>".len()..])).unwrap();
    let probe_url = format!("file://{}", probe_page.display());
    let probed = String::from_utf8(chromium(&browser, &["--dump-dom", "--window-size=1280,900", &probe_url])).unwrap();
    let title = &probed[probed.find("<title>").unwrap() + 7..probed.find("</title>").unwrap()];
    let probe: Value = serde_json::from_str(&html_unescape(title)).unwrap_or_else(|e| panic!("{e}: {title}"));
    eprintln!("page height at 1280 px: {} px", probe["height"]);

    let first = findings.iter().find(|f| format!("f-{}", f["fingerprint"].as_str().unwrap()) == probe["first_finding"]);
    assert!(first.is_some_and(is_open), "the first finding on the page is an open contradiction");
    assert!(
        probe["first_finding_top"].as_f64() < probe["viewport"].as_f64(),
        "the first open contradiction is on the first screen: {probe}"
    );
    assert!(probe["first_finding_top"].as_f64() < probe["summary_top"].as_f64());

    let token = probe["link"]["claim"].as_str().unwrap();
    let clicked = &claims[token.trim_start_matches('c').parse::<usize>().unwrap()];
    let place = &clicked["quote_location"];
    let line_id = format!("t-{}-L{}", clicked["source"].as_str().unwrap(), place["line"]);
    assert_eq!(probe["link"]["href"], format!("#{line_id}"));
    let viewer = &probe["viewer"];
    assert_eq!(viewer["open"], true, "the text view did not open: {probe}");
    assert_eq!(viewer["line"], line_id.as_str(), "{probe}");
    assert_eq!(viewer["line_in_view"], true, "{probe}");
    assert_eq!(viewer["quote_starts_on_line"], true, "{probe}");
    // The marked text is the text at the quote's place.
    let text = std::fs::read_to_string(place["file"].as_str().unwrap()).unwrap();
    let line = text.split('\n').nth(place["line"].as_u64().unwrap() as usize - 1).unwrap();
    let from: String = line.chars().skip(place["column"].as_u64().unwrap() as usize - 1).take(8).collect();
    assert!(viewer["quote"].as_str().unwrap().starts_with(&from), "{from:?} {probe}");

    // The matrix's colour darkens with the share of contradictions: 1 in 20 is not 3 in 5.
    let mut cells: Vec<(f64, f64)> = probe["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let (a, x) = (c["agree"].as_f64().unwrap(), c["contradict"].as_f64().unwrap());
            (x / (a + x), c["luminance"].as_f64().unwrap())
        })
        .collect();
    cells.sort_by(|a, b| a.partial_cmp(b).unwrap());
    assert!(cells.windows(2).all(|w| w[0].0 == w[1].0 || w[0].1 >= w[1].1), "{cells:?}");
    let (lightest, darkest) = (cells.first().unwrap(), cells.last().unwrap());
    assert!(lightest.0 < darkest.0 && lightest.1 > darkest.1 + 20.0, "{cells:?}");

    let viewer_shot = dir.join("viewer.png");
    let _ = std::fs::remove_file(&viewer_shot);
    chromium(&browser, &[&format!("--screenshot={}", viewer_shot.display()), "--window-size=1280,900", &probe_url]);
    assert!(std::fs::read(&viewer_shot).is_ok_and(|png| png.len() > 10_000), "no screenshot of the text view");

    // The line's fragment, opened directly, shows the text view at that line.
    let linked = String::from_utf8(chromium(&browser, &["--dump-dom", &format!("{url}#{line_id}")])).unwrap();
    assert!(
        linked.contains("<dialog id=\"viewer\" aria-labelledby=\"viewer-title\" open=\"\">"),
        "the view did not open"
    );
    assert!(linked.contains(&format!("<span class=\"ln here\" id=\"{line_id}\">")));
}

/// The opening tags of the findings, in page order.
fn finding_tags(dom: &str) -> Vec<&str> {
    dom.split("<details class=\"finding ").skip(1).map(|a| &a[..a.find('>').unwrap()]).collect()
}

/// The count in a section's heading: `(3 of 44)`.
fn count_of<'a>(dom: &'a str, group: &str) -> &'a str {
    let at = dom.find(&format!("id=\"{group}\"")).unwrap_or_else(|| panic!("no section {group}"));
    let rest = &dom[at..];
    let start = rest.find("<span class=\"count\"").unwrap();
    let rest = &rest[start..];
    let open = rest.find('>').unwrap() + 1;
    &rest[open..rest.find("</span>").unwrap()]
}

/// Text of an element as `--dump-dom` escapes it.
fn html_unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Chromium from `CLAIMCHECK_BROWSER` or the PATH.
fn browser() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CLAIMCHECK_BROWSER") {
        return Some(PathBuf::from(path));
    }
    let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    let dirs = std::env::var_os("PATH")?;
    std::env::split_paths(&dirs).flat_map(|dir| names.map(|n| dir.join(n))).find(|p| p.is_file())
}

fn claimcheck(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck")).args(args).arg("--color=never").output().unwrap()
}

/// Runs headless Chromium, isolated and offline, and returns what it printed; a browser
/// that hangs is killed after two minutes.
fn chromium(browser: &Path, args: &[&str]) -> Vec<u8> {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("cannot start Chromium");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut out).map(|_| out)
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("Chromium did not finish in two minutes: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "Chromium failed ({status}): {args:?}");
    reader.join().unwrap().unwrap()
}
