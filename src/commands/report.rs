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
             or an output file ending in .html, .md, .sarif, .json, .dot or .txt"
        );
        return INPUT_ERROR;
    };
    let run = match super::load(&args.path, "no report was written") {
        Ok(run) => run,
        Err(code) => return code,
    };
    let report = run.report();
    let Some(output) = args.output else {
        let _ = anstream::stdout().write_all(super::check::render(format, &report).as_bytes());
        return OK;
    };
    let text = match format {
        // Links to the texts must work from where the page is saved.
        Format::Html => report::html::render_in(&report, output.parent().unwrap_or(Path::new(""))),
        // A file is no terminal: no ANSI styles.
        Format::Text => anstream::adapter::strip_str(&report::text::render(&report)).to_string(),
        _ => super::check::render(format, &report),
    };
    let written = match output.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        Some(dir) => std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&output, text)),
        None => std::fs::write(&output, text),
    };
    match written {
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

/// The format an output file's extension names.
fn format_of(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "html" | "htm" => Some(Format::Html),
        "md" | "markdown" => Some(Format::Markdown),
        "sarif" => Some(Format::Sarif),
        "json" => Some(Format::Json),
        "dot" | "gv" => Some(Format::Dot),
        "txt" => Some(Format::Text),
        _ => None,
    }
}
