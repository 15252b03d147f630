//! `claimcheck report`: the report in any format, written to a file. Unlike `check`, it
//! exits 0 whatever the findings, so a CI step that publishes a report does not fail on
//! the contradictions it is there to show.

use super::{INPUT_ERROR, OK};
use crate::cli::{Format, ReportArgs};
use claimcheck::report;
use std::io::Write;
use std::path::Path;

pub fn run(args: ReportArgs) -> u8 {
    let mut err = anstream::stderr();
    let Some(format) = args.format.or_else(|| args.output.as_deref().and_then(format_of)) else {
        let _ = writeln!(
            err,
            "error: which format? pass --format (text, json, markdown, html, sarif, github, dot), \
             or an output file ending in .html, .md, .sarif, .json, .dot, .svg or .txt"
        );
        return INPUT_ERROR;
    };
    let contents = format.contents();
    let run = match super::load_for_report(&args.path, contents, "no report was written") {
        Ok(run) => run,
        Err(code) => return code,
    };
    let report = run.report_with(contents);
    let Some(output) = args.output else {
        super::check::print(format, &report);
        return OK;
    };
    let svg = is_svg(&output);
    let text = match format {
        // The claim graph drawn by Graphviz.
        Format::Dot if svg => match draw_svg(&report::dot::render(&report)) {
            Ok(svg) => svg,
            Err(message) => {
                let _ = writeln!(err, "{}: error: {message}", output.display());
                return INPUT_ERROR;
            }
        },
        // Links to the texts must work from where the page is saved.
        Format::Html => report::html::render_in(&report, output.parent().unwrap_or(Path::new(""))),
        // A file is no terminal: no ANSI styles.
        Format::Text => anstream::adapter::strip_str(&report::text::render(&report)).to_string(),
        _ => super::check::render(format, &report),
    };
    if let Some(dir) = output.parent().filter(|dir| !dir.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        let _ = writeln!(err, "{}: error: cannot make the folder for the report: {e}", dir.display());
        return INPUT_ERROR;
    }
    match claimcheck::atomic::write_anywhere(&output, text.as_bytes()) {
        Ok(()) => {
            let _ = writeln!(err, "wrote {}", output.display());
            OK
        }
        Err(e) => {
            let _ = writeln!(err, "{}: error: cannot write the report: {e}", output.display());
            INPUT_ERROR
        }
    }
}

fn is_svg(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("svg"))
}

/// Runs Graphviz's `dot -Tsvg` on the graph.
fn draw_svg(graph: &str) -> Result<String, String> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run Graphviz's `dot` ({e}); install graphviz, or write a .dot file"))?;
    let mut stdin = child.stdin.take().ok_or("no pipe to `dot`")?;
    let input = graph.to_string();
    // Write from another thread so a large graph cannot fill both pipes at once.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().map_err(|e| format!("`dot` failed: {e}"))?;
    writer
        .join()
        .map_err(|_| "writing to `dot` failed".to_string())?
        .map_err(|e| format!("writing to `dot` failed: {e}"))?;
    if !out.status.success() {
        return Err(format!("`dot` failed: {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("`dot` wrote no text: {e}"))
}

/// The format an output file's extension names.
fn format_of(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "svg" => Some(Format::Dot),
        "html" | "htm" => Some(Format::Html),
        "md" | "markdown" => Some(Format::Markdown),
        "sarif" => Some(Format::Sarif),
        "json" => Some(Format::Json),
        "dot" | "gv" => Some(Format::Dot),
        "txt" => Some(Format::Text),
        _ => None,
    }
}
