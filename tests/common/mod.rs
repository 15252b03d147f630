//! Helpers shared by the CLI tests: the binary without color, fixture paths, and scratch
//! copies of fixture corpora for commands that write.
#![allow(dead_code)] // each test crate uses its own subset

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn claimcheck() -> Command {
    let mut cmd = Command::cargo_bin("claimcheck").unwrap();
    cmd.env_remove("NO_COLOR").env("CLICOLOR", "0");
    cmd
}

pub fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(args: &[&str], dir: Option<&Path>) -> Output {
    run_with_input(args, dir, "")
}

/// Runs with `input` on stdin (never a terminal).
pub fn run_with_input(args: &[&str], dir: Option<&Path>, input: &str) -> Output {
    let mut cmd = claimcheck();
    cmd.args(args).arg("--color=never").write_stdin(input);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd.output().unwrap();
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A copy of a fixture corpus in a temporary folder, as `corpus/`.
pub fn scratch(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(&fixture(name)), &dir.path().join("corpus"));
    let root = dir.path().to_path_buf();
    (dir, root)
}

/// Copies a fixture folder, so a test can edit its copy.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A test that needs a tool this machine lacks: on CI (`CI=true`) that fails the test;
/// elsewhere the test says it was skipped, on the real stderr so that the harness shows it
/// (what `eprintln!` prints in a passing test is swallowed).
pub fn missing_tool(test: &str, tool: &str, install: &str) {
    assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "CI needs {tool}: {install}");
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {tool} is not installed; {install}");
}
