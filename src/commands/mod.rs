//! One file per subcommand: each turns its arguments into library calls and output.
//! Exit codes: 0 clean, 1 new unresolved contradictions, 2 input or usage errors.

pub mod check;
pub mod coverage;
pub mod glyphs;
pub mod report;
pub mod value;

pub const OK: u8 = 0;
pub const CONTRADICTIONS: u8 = 1;
pub const INPUT_ERROR: u8 = 2;

/// Runs the pipeline on a corpus and prints its diagnostics; on input errors says what was
/// not done and gives the exit code.
pub fn load(path: &std::path::Path, not_done: &str) -> Result<claimcheck::Run, u8> {
    use std::io::Write;
    let mut err = anstream::stderr();
    let run = claimcheck::Run::new(path);
    for d in &run.corpus.diagnostics {
        let _ = writeln!(err, "{d}");
    }
    if run.corpus.has_errors() {
        let n = run.corpus.diagnostics.iter().filter(|d| d.is_error()).count();
        let _ = writeln!(err, "claimcheck: {n} error(s) in the corpus; {not_done}");
        return Err(INPUT_ERROR);
    }
    Ok(run)
}
