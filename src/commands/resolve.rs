//! `claimcheck resolve FINGERPRINT --status … --note …`: record an editor's decision in
//! resolutions.json, as a one-entry diff.

use super::{INPUT_ERROR, OK};
use claimcheck::Run;
use claimcheck::check::ledger::{Resolution, decision, edit};
use claimcheck::check::{Finding, Verdict};
use claimcheck::value;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(after_help = help())]
pub struct ResolveArgs {
    /// A finding's fingerprint, or a unique prefix of it.
    pub fingerprint: String,
    /// The decision: accepted, source-wrong:CLAIM, scope-differs, time-differs, attributed, duplicate.
    #[arg(long)]
    pub status: String,
    /// Why: what an editor reading the file later needs to know.
    #[arg(long)]
    pub note: String,
    /// The corpus folder.
    #[arg(long, default_value = "claims")]
    pub path: PathBuf,
    /// The day of the decision, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

fn help() -> String {
    format!(
        "Statuses:\n{}\nExamples:\n  \
         claimcheck resolve 9e55 --status source-wrong:ar-troops --note 'the wire has the official figure'\n  \
         claimcheck resolve 01d58390 --status accepted --note 'both figures circulate' --date 2026-11-25",
        decision::describe_statuses()
    )
}

pub fn run(args: ResolveArgs) -> u8 {
    resolve(args).unwrap_or_else(|code| code)
}

/// `Err` carries the exit code of an error already reported.
fn resolve(args: ResolveArgs) -> Result<u8, u8> {
    let date = decision_date(args.date.as_deref())?;
    let run = super::load(&args.path, "nothing was recorded")?;
    let finding = super::finding(&run, &args.fingerprint)?;
    match record(&args.path, &run, finding, &args.status, &args.note, &date) {
        Ok(done) => {
            let _ = writeln!(anstream::stdout(), "{done}");
            Ok(OK)
        }
        Err(message) => {
            let _ = write!(anstream::stderr(), "error: {message}");
            Err(INPUT_ERROR)
        }
    }
}

/// Validates and writes one resolution; says what was done, or what is wrong (with a
/// final newline either way).
pub fn record(
    root: &Path,
    run: &Run,
    finding: &Finding,
    status: &str,
    note: &str,
    date: &str,
) -> Result<String, String> {
    decidable(finding)?;
    let ids: Vec<String> = finding.claims.iter().map(|&c| run.corpus.claims[c].id.clone()).collect();
    decision::validate_status(status, &ids).map_err(|e| e.to_string())?;
    if note.trim().is_empty() {
        return Err("a resolution needs a note saying why\n".into());
    }
    let resolution = Resolution::decide(&run.corpus, finding, status, note.trim(), date);
    let written = edit::record_resolution(root, &run.ledger, &resolution).map_err(|e| format!("{e}\n"))?;
    let verb = if written.replaced { "replaced the resolution of" } else { "resolved" };
    Ok(format!("{verb} {} ({}) as {status} in {}", resolution.fingerprint, resolution.fact, written.path.display()))
}

/// Only a contradiction can fail the build, so only a contradiction is decided; the error
/// says what the finding is instead.
pub fn decidable(finding: &Finding) -> Result<(), String> {
    let fact = &finding.key;
    match finding.verdict {
        Verdict::Contradict => Ok(()),
        Verdict::Agree => Err(format!(
            "{} ({fact}) is an agreement: there is nothing to decide, and it cannot fail the build\n",
            finding.fingerprint
        )),
        Verdict::NotComparable => Err(format!(
            "{} ({fact}) is not comparable ({}): it cannot fail the build, so there is nothing to decide\n",
            finding.fingerprint, finding.reason
        )),
    }
}

/// `--date` checked (an error is reported), or today in UTC.
pub fn decision_date(given: Option<&str>) -> Result<String, u8> {
    let Some(given) = given else {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        return Ok(value::iso_date((secs / 86_400) as i64));
    };
    let day = match given.split('-').collect::<Vec<_>>()[..] {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => match (y.parse(), m.parse(), d.parse()) {
            (Ok(y), Ok(m), Ok(d)) => value::days_from_ymd(y, m, d),
            _ => None,
        },
        _ => None,
    };
    if day.is_none() {
        let _ = writeln!(anstream::stderr(), "error: --date `{given}` is not a day written YYYY-MM-DD");
        return Err(INPUT_ERROR);
    }
    Ok(given.to_string())
}
