//! Writing one decision at a time: a resolution or a baseline entry is inserted or replaced,
//! stale entries removed, each as a minimal diff of the file (see `splice`). A missing file
//! is created.

use super::splice::Entries;
use super::{BASELINE, BaselineEntry, BaselineFile, Ledger, RESOLUTIONS, Resolution, ResolutionsFile, write_json};
use crate::check::Outcome;
use crate::diagnostic::Diagnostic;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum EditError {
    /// The file is not a ledger file as it stands: fix it first.
    Invalid(Diagnostic),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Invalid(d) => write!(f, "{d}"),
            EditError::Io { path, error } => write!(f, "cannot write {}: {error}", path.display()),
        }
    }
}

/// Where an entry went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    /// An entry with this fingerprint was there and was replaced.
    pub replaced: bool,
}

/// An entry taken out of a ledger file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub path: PathBuf,
    pub fingerprint: String,
    pub fact: String,
}

/// Inserts or replaces the resolution of its fingerprint in `resolutions.json`.
pub fn record_resolution(root: &Path, resolution: &Resolution) -> Result<Written, EditError> {
    let fresh = || ResolutionsFile { resolutions: vec![resolution.clone()] };
    upsert::<ResolutionsFile>(&root.join(RESOLUTIONS), "resolutions", &resolution.fingerprint, resolution, fresh)
}

/// Inserts or replaces a finding's entry in `baseline.json`.
pub fn record_baseline(root: &Path, entry: &BaselineEntry) -> Result<Written, EditError> {
    let fresh = || BaselineFile { findings: vec![entry.clone()] };
    upsert::<BaselineFile>(&root.join(BASELINE), "findings", &entry.fingerprint, entry, fresh)
}

/// Removes the resolutions and baseline entries that match no finding any more.
pub fn prune(root: &Path, ledger: &Ledger, outcome: &Outcome) -> Result<Vec<Removed>, EditError> {
    let resolution_fact = |fp: &str| ledger.resolutions.get(fp).map(|r| r.fact.clone());
    let mut removed = prune_file::<ResolutionsFile>(
        &root.join(RESOLUTIONS),
        "resolutions",
        &outcome.stale_resolutions,
        resolution_fact,
    )?;
    let baseline_fact = |fp: &str| ledger.baseline.get(fp).map(|b| b.fact.clone());
    removed.extend(prune_file::<BaselineFile>(
        &root.join(BASELINE),
        "findings",
        &outcome.stale_baseline,
        baseline_fact,
    )?);
    Ok(removed)
}

fn upsert<F: DeserializeOwned + Serialize>(
    path: &Path,
    key: &str,
    fingerprint: &str,
    entry: &impl Serialize,
    fresh: impl FnOnce() -> F,
) -> Result<Written, EditError> {
    let io = |error| EditError::Io { path: path.to_path_buf(), error };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            write_json(path, &fresh()).map_err(io)?;
            return Ok(Written { path: path.to_path_buf(), replaced: false });
        }
        Err(e) => return Err(io(e)),
    };
    let entries = entries_of::<F>(path, &text, key)?;
    let replaced = entries.contains(fingerprint);
    write_checked::<F>(path, &entries.upsert(&text, fingerprint, entry))?;
    Ok(Written { path: path.to_path_buf(), replaced })
}

fn prune_file<F: DeserializeOwned>(
    path: &Path,
    key: &str,
    stale: &[String],
    fact: impl Fn(&str) -> Option<String>,
) -> Result<Vec<Removed>, EditError> {
    if stale.is_empty() {
        return Ok(Vec::new());
    }
    let mut text = std::fs::read_to_string(path).map_err(|error| EditError::Io { path: path.to_path_buf(), error })?;
    for fp in stale {
        if let Some(edited) = entries_of::<F>(path, &text, key)?.remove(&text, fp) {
            text = edited;
        }
    }
    write_checked::<F>(path, &text)?;
    let removed =
        |fp: &String| Removed { path: path.to_path_buf(), fingerprint: fp.clone(), fact: fact(fp).unwrap_or_default() };
    Ok(stale.iter().map(removed).collect())
}

/// The file's entries, once the file parses as a ledger file.
fn entries_of<F: DeserializeOwned>(path: &Path, text: &str, key: &str) -> Result<Entries, EditError> {
    if let Err(e) = serde_json::from_str::<F>(text) {
        return Err(EditError::Invalid(
            Diagnostic::from_json(path, &e).help("fix this entry by hand, then run the command again"),
        ));
    }
    Entries::find(text, key).ok_or_else(|| {
        EditError::Invalid(
            Diagnostic::error(path, (1, 1), format!("no `{key}` array of entries with a `fingerprint` each"))
                .help(format!("the file holds one object: {{ \"{key}\": [ … ] }}")),
        )
    })
}

/// Writes the edited text once it still parses, through a temporary file so that a failed
/// write leaves the old file whole.
fn write_checked<F: DeserializeOwned>(path: &Path, text: &str) -> Result<(), EditError> {
    let io = |error| EditError::Io { path: path.to_path_buf(), error };
    serde_json::from_str::<F>(text).map_err(|e| io(std::io::Error::other(format!("the edit would break it: {e}"))))?;
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}
