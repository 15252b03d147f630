//! The HTML report in a real browser: headless Chromium renders the shipped corpus's page,
//! takes a screenshot (kept in the target folder, `tmp/browser/claims.png`), and the DOM it
//! built is checked: one element per finding, quotes right to left, the filters' script
//! ran, and a filtered link shows what it names.
//!
//! Without Chromium the test is skipped, except on CI (`CI=true`), where .ci/run installs
//! it and a missing browser fails. `CLAIMCHECK_BROWSER` names another Chromium-like binary.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CORPUS: &str = "claims";

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

    let screenshot = dir.join("claims.png");
    let _ = std::fs::remove_file(&screenshot);
    chromium(&browser, &[&format!("--screenshot={}", screenshot.display()), "--window-size=1280,2400", &url]);
    let png = std::fs::read(&screenshot).expect("Chromium wrote no screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "the screenshot is not a rendered page");

    let dom = String::from_utf8(chromium(&browser, &["--dump-dom", &url])).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(dom.matches("<article class=\"finding ").count(), findings.len(), "one element per finding");
    assert!(
        dom.contains(&format!("showing {n} of {n} findings", n = findings.len())),
        "the filters' script did not run"
    );

    // Every quote of an Arabic source is laid out right to left.
    let language = |source: &str| {
        report["sources"].as_array().unwrap().iter().find(|s| s["id"] == source).and_then(|s| s["language"].as_str())
    };
    let claims = report["claims"].as_array().unwrap();
    let quoted: Vec<&Value> = findings
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap())
        .map(|id| claims.iter().find(|c| &c["id"] == id).unwrap())
        .collect();
    let arabic = quoted.iter().filter(|c| language(c["source"].as_str().unwrap()) == Some("ar")).count();
    assert!(arabic > 0);
    assert_eq!(dom.matches("<blockquote ").count(), quoted.len());
    assert_eq!(dom.matches("<blockquote dir=\"rtl\" lang=\"ar\">").count(), arabic);

    // A link to a filtered view: unresolved contradictions with a claim from one source.
    let source = "bayan-2022";
    let expected = findings
        .iter()
        .filter(|f| f["verdict"] == "contradict" && f["status"] != "resolved")
        .filter(|f| {
            f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .any(|id| claims.iter().any(|c| &c["id"] == id && c["source"] == source))
        })
        .count();
    assert!(expected > 0 && expected < findings.len());
    let filtered =
        String::from_utf8(chromium(&browser, &["--dump-dom", &format!("{url}?open&source={source}")])).unwrap();
    assert!(
        filtered.contains(&format!("showing {expected} of {} findings", findings.len())),
        "the filters did not apply"
    );
    let tags: Vec<&str> =
        filtered.split("<article class=\"finding ").skip(1).map(|a| &a[..a.find('>').unwrap()]).collect();
    assert_eq!(tags.len(), findings.len());
    assert_eq!(tags.iter().filter(|tag| tag.contains(" hidden")).count(), findings.len() - expected);
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
