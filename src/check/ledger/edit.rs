//! Every change to a ledger file: a resolution or a baseline entry inserted or replaced,
//! stale entries removed, the baseline brought up to date, 0.1 entries migrated. Each is a
//! minimal diff of the file (see `splice`): unrelated entries, their order and indentation
//! stay byte for byte. The edited text must still parse before it is written, and it is
//! written through [`atomic::write`]. A missing file is created.

use super::splice::Entries;
use super::{
    BASELINE, BaselineEntry, BaselineFile, Entry, Ledger, LedgerFile, RESOLUTIONS, Resolution, ResolutionsFile,
    StaleEntry,
};
use crate::atomic::{self, WriteError};
use crate::check::{Finding, Outcome, Status, Verdict};
use crate::corpus::Corpus;
use crate::corpus::{DiskFiles, Limits};
use crate::diagnostic::Diagnostic;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum EditError {
    /// The file is not a ledger file as it stands: fix it first.
    Invalid(Diagnostic),
    File(WriteError),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Invalid(d) => write!(f, "{d}"),
            EditError::File(e) => write!(f, "{}", e.diagnostic()),
        }
    }
}

impl From<WriteError> for EditError {
    fn from(e: WriteError) -> Self {
        EditError::File(e)
    }
}

/// Where an entry went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    /// An entry for this finding was there and was replaced.
    pub replaced: bool,
}

/// An entry taken out of a ledger file, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub path: PathBuf,
    pub fingerprint: String,
    pub fact: String,
    pub why: &'static str,
}

/// One change to a file's array of entries.
enum Op<'a, E> {
    /// Insert the entry, or replace the one with its fingerprint; `replacing` names a 0.1
    /// entry of the same fact, removed with it.
    Upsert {
        fingerprint: &'a str,
        replacing: Option<&'a str>,
        entry: &'a E,
    },
    Remove(&'a str),
}

/// Inserts or replaces the resolution of its finding in `resolutions.json`.
pub fn record_resolution(root: &Path, ledger: &Ledger, resolution: &Resolution) -> Result<Written, EditError> {
    let old = ledger.resolutions.get(&resolution.fingerprint);
    let op = Op::Upsert {
        fingerprint: &resolution.fingerprint,
        replacing: old.map(Entry::written_as).filter(|w| *w != resolution.fingerprint),
        entry: resolution,
    };
    edit::<ResolutionsFile>(root, &[op])?;
    Ok(Written { path: root.join(RESOLUTIONS), replaced: old.is_some() })
}

/// Inserts or replaces a finding's entry in `baseline.json`.
pub fn record_baseline(root: &Path, ledger: &Ledger, entry: &BaselineEntry) -> Result<Written, EditError> {
    let old = ledger.baseline.get(&entry.fingerprint);
    let op = Op::Upsert {
        fingerprint: &entry.fingerprint,
        replacing: old.map(Entry::written_as).filter(|w| *w != entry.fingerprint),
        entry,
    };
    edit::<BaselineFile>(root, &[op])?;
    Ok(Written { path: root.join(BASELINE), replaced: old.is_some() })
}

/// Removes the resolutions and baseline entries that match no contradiction any more.
pub fn prune(root: &Path, outcome: &Outcome) -> Result<Vec<Removed>, EditError> {
    let mut removed = remove_all::<ResolutionsFile>(root, &outcome.stale_resolutions)?;
    removed.extend(remove_all::<BaselineFile>(root, &outcome.stale_baseline)?);
    Ok(removed)
}

fn remove_all<F: LedgerFile>(root: &Path, stale: &[StaleEntry]) -> Result<Vec<Removed>, EditError> {
    let ops: Vec<Op<F::Entry>> = stale.iter().map(|s| Op::Remove(&s.fingerprint)).collect();
    edit::<F>(root, &ops)?;
    Ok(stale.iter().map(|s| removed(root.join(F::NAME), s, "no contradiction has this fingerprint any more")).collect())
}

fn removed(path: PathBuf, s: &StaleEntry, why: &'static str) -> Removed {
    Removed { path, fingerprint: s.fingerprint.clone(), fact: s.fact.clone(), why }
}

/// What `check --write-baseline` changed.
#[derive(Debug, Default)]
pub struct BaselineUpdate {
    /// Fingerprints of contradictions added, and of entries whose values were brought up to date.
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub dropped: Vec<Removed>,
}

/// Brings the baseline up to date with the open contradictions: each new or re-opened one
/// is added (or its entry's values replaced); entries of resolved findings and entries
/// that match no contradiction are dropped; every other entry stays as written.
pub fn update_baseline(
    root: &Path,
    corpus: &Corpus,
    ledger: &Ledger,
    outcome: &Outcome,
) -> Result<BaselineUpdate, EditError> {
    let path = root.join(BASELINE);
    let mut update = BaselineUpdate::default();
    let open: Vec<(&Finding, BaselineEntry)> = outcome
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Contradict)
        .filter(|f| {
            let legacy = ledger.baseline.get(&f.fingerprint).is_some_and(Entry::is_legacy);
            matches!(f.status, Some(Status::New | Status::Reopened)) || (legacy && f.status == Some(Status::Baselined))
        })
        .map(|f| (f, BaselineEntry::of(corpus, f)))
        .collect();
    let mut ops = Vec::new();
    for (f, entry) in &open {
        let old = ledger.baseline.get(&f.fingerprint);
        match old {
            Some(_) => update.updated.push(f.fingerprint.clone()),
            None => update.added.push(f.fingerprint.clone()),
        }
        let replacing = old.map(Entry::written_as).filter(|w| *w != f.fingerprint);
        ops.push(Op::Upsert { fingerprint: &f.fingerprint, replacing, entry });
    }
    for s in &outcome.stale_baseline {
        update.dropped.push(removed(path.clone(), s, "no contradiction has this fingerprint any more"));
    }
    let resolved: Vec<StaleEntry> = outcome
        .findings
        .iter()
        .filter(|f| f.status == Some(Status::Resolved))
        .filter_map(|f| ledger.baseline.get(&f.fingerprint))
        .map(|b| StaleEntry { fingerprint: b.written_as().to_string(), fact: b.fact.clone() })
        .collect();
    for s in &resolved {
        update.dropped.push(removed(path.clone(), s, "the finding is resolved"));
    }
    ops.extend(update.dropped.iter().map(|d| Op::Remove(&d.fingerprint)));
    edit::<BaselineFile>(root, &ops)?;
    Ok(update)
}

/// A 0.1 entry rewritten in the current form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    pub path: PathBuf,
    pub was: String,
    pub now: String,
    pub fact: String,
}

/// Rewrites every 0.1 entry of both files in the current form: fingerprint of the fact,
/// values as read. Notes, statuses, dates and every current entry stay as written.
pub fn migrate(root: &Path, ledger: &Ledger) -> Result<Vec<Migrated>, EditError> {
    fn file<F: LedgerFile>(
        root: &Path,
        entries: &std::collections::BTreeMap<String, F::Entry>,
    ) -> Result<Vec<Migrated>, EditError> {
        let legacy: Vec<F::Entry> = entries.values().filter(|e| e.is_legacy()).map(Entry::migrated).collect();
        let ops: Vec<Op<F::Entry>> = legacy
            .iter()
            .map(|e| Op::Upsert { fingerprint: e.fingerprint(), replacing: Some(e.written_as()), entry: e })
            .collect();
        edit::<F>(root, &ops)?;
        Ok(legacy
            .iter()
            .map(|e| Migrated {
                path: root.join(F::NAME),
                was: e.written_as().to_string(),
                now: e.fingerprint().to_string(),
                fact: e.fact().to_string(),
            })
            .collect())
    }
    let mut done = file::<ResolutionsFile>(root, &ledger.resolutions)?;
    done.extend(file::<BaselineFile>(root, &ledger.baseline)?);
    Ok(done)
}

/// Applies the changes to one file and writes it, once the result still parses. Nothing
/// is written when there is nothing to change.
fn edit<F: LedgerFile>(root: &Path, ops: &[Op<F::Entry>]) -> Result<(), EditError> {
    if ops.is_empty() {
        return Ok(());
    }
    let (name, key) = (F::NAME, F::KEY);
    let path = root.join(name);
    let mut text = match read(root, name)? {
        Some(text) => text,
        None if ops.iter().all(|op| matches!(op, Op::Remove(_))) => return Ok(()),
        None => format!("{{\n  \"{key}\": []\n}}\n"),
    };
    for op in ops {
        let entries = entries_of::<F>(&path, &text, key)?;
        text = match op {
            Op::Upsert { fingerprint, replacing, entry } => {
                if let Some(old) = replacing.and_then(|old| entries.remove(&text, old)) {
                    text = old;
                }
                entries_of::<F>(&path, &text, key)?.upsert(&text, fingerprint, *entry)
            }
            Op::Remove(fingerprint) => entries.remove(&text, fingerprint).unwrap_or(text),
        };
    }
    if let Err(e) = serde_json::from_str::<F>(&text) {
        return Err(EditError::Invalid(
            Diagnostic::error(&path, (1, 1), format!("the edit would break the file ({e}); it was left as it was"))
                .help("this is a bug in claimcheck: please report it with the file"),
        ));
    }
    atomic::write(root, &path, text.as_bytes())?;
    Ok(())
}

/// The file as it stands, read as the loader reads it (inside the corpus folder, a regular
/// file, UTF-8); `None` when there is none.
fn read(root: &Path, name: &str) -> Result<Option<String>, EditError> {
    let mut diags = Vec::new();
    let text = crate::corpus::read_json(&DiskFiles::new(root), &Limits::default(), Path::new(name), &mut diags);
    match diags.into_iter().next() {
        None => Ok(text),
        Some(problem) => Err(EditError::Invalid(problem)),
    }
}

/// The file's entries, once the file parses as a ledger file.
fn entries_of<F: LedgerFile>(path: &Path, text: &str, key: &str) -> Result<Entries, EditError> {
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
