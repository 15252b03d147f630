//! The editors' decisions: resolutions (a finding decided, with a note) and the baseline
//! (findings known and left open). Both files are sorted by fingerprint, one entry each,
//! with no totals or timestamps of runs, so branches that add entries merge cleanly.

pub mod decision;
pub mod edit;
mod splice;

use super::{Finding, Status};
use crate::corpus::Corpus;
use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const RESOLUTIONS: &str = "resolutions.json";
pub const BASELINE: &str = "baseline.json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    pub fingerprint: String,
    /// The fact, for readers of the file.
    pub fact: String,
    /// `accepted`, `source-wrong:CLAIM`, `scope-differs`, `time-differs`, `attributed`, `duplicate`, …
    pub status: String,
    pub note: String,
    /// The day it was decided, YYYY-MM-DD.
    pub date: String,
    /// Claim id → value as it was when decided; a change re-opens the finding.
    pub claims: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub fact: String,
    pub claims: Vec<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResolutionsFile {
    resolutions: Vec<Resolution>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    findings: Vec<BaselineEntry>,
}

#[derive(Debug, Default)]
pub struct Ledger {
    pub resolutions: BTreeMap<String, Resolution>,
    pub baseline: BTreeMap<String, BaselineEntry>,
}

impl Ledger {
    /// Reads both files from the corpus folder; a missing file is an empty one.
    pub fn load(root: &Path, diags: &mut Vec<Diagnostic>) -> Ledger {
        let mut ledger = Ledger::default();
        if let Some(file) = read::<ResolutionsFile>(&root.join(RESOLUTIONS), diags) {
            for r in file.resolutions {
                ledger.resolutions.insert(r.fingerprint.clone(), r);
            }
        }
        if let Some(file) = read::<BaselineFile>(&root.join(BASELINE), diags) {
            for b in file.findings {
                ledger.baseline.insert(b.fingerprint.clone(), b);
            }
        }
        ledger
    }

    /// Sets a finding's status from the ledger.
    pub fn apply(&self, corpus: &Corpus, finding: &mut Finding) {
        if let Some(resolution) = self.resolutions.get(&finding.fingerprint) {
            let now = current_values(corpus, finding);
            let changed: Vec<String> = resolution
                .claims
                .iter()
                .filter(|(id, was)| now.get(*id) != Some(*was))
                .map(|(id, was)| format!("{id} was {was}, now {}", now.get(id).map_or("gone", String::as_str)))
                .collect();
            if changed.is_empty() {
                finding.status = Status::Resolved;
            } else {
                finding.reopened = Some(changed.join("; "));
            }
            finding.resolution = Some(resolution.clone());
        }
        if finding.status == Status::New && self.baseline.contains_key(&finding.fingerprint) {
            finding.status = Status::Baselined;
        }
    }
}

/// Claim id → value as written, for the claims of a finding.
pub fn current_values(corpus: &Corpus, finding: &Finding) -> BTreeMap<String, String> {
    finding.claims.iter().map(|&c| (corpus.claims[c].id.clone(), corpus.claims[c].raw_value.to_string())).collect()
}

fn read<T: for<'de> Deserialize<'de>>(path: &Path, diags: &mut Vec<Diagnostic>) -> Option<T> {
    let text = std::fs::read_to_string(path).ok()?;
    match serde_json::from_str(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            diags.push(Diagnostic::from_json(path, &e).help(
                "fix this entry by hand, or delete the file and rebuild it with `claimcheck check --write-baseline`",
            ));
            None
        }
    }
}

/// Writes the baseline: every open contradiction (new or already baselined), sorted.
pub fn write_baseline(
    root: &Path,
    corpus: &Corpus,
    graph: &crate::graph::ClaimGraph,
    findings: &[Finding],
) -> std::io::Result<PathBuf> {
    let mut entries: Vec<BaselineEntry> = findings
        .iter()
        .filter(|f| f.verdict == super::Verdict::Contradict && f.status != Status::Resolved)
        .map(|f| BaselineEntry::of(corpus, graph, f))
        .collect();
    entries.sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
    let path = root.join(BASELINE);
    write_json(&path, &BaselineFile { findings: entries })?;
    Ok(path)
}

pub fn write_json<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    let mut text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    text.push('\n');
    std::fs::write(path, text)
}
