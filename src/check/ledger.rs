//! The editors' decisions: resolutions (a contradiction decided, with a note) and the
//! baseline (contradictions known and left open). Both files are sorted by fingerprint, one
//! entry each, with no totals or timestamps of runs, so branches that add entries merge
//! cleanly.
//!
//! A finding is the disagreement over one fact, so its fingerprint hashes the fact key
//! alone. An entry records the values the editor decided, as read (intervals for figures
//! and dates, canonical ids for entities): a claim whose value agrees with one of them
//! keeps the decision, whoever states it; a claim in conflict with every one of them
//! re-opens the finding and is named. See the README, "How findings keep their identity".

pub mod decision;
pub mod edit;
pub(crate) mod legacy;
mod splice;
pub mod values;

use super::{Finding, Status, Verdict};
use crate::corpus::Corpus;
use crate::corpus::locate::{JsonPositions, Step};
use crate::corpus::{CorpusFiles, Limits};
use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
pub use values::DecidedValue;

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
    /// The values decided, as read; a claim that agrees with none re-opens the finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<DecidedValue>,
    /// Written by claimcheck 0.1: claim id → value as written. Read, then rewritten by
    /// `claimcheck migrate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims: Option<BTreeMap<String, String>>,
    /// The fingerprint the file gives a 0.1 entry (its key there), when it differs.
    #[serde(skip)]
    pub written_as: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub fact: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<DecidedValue>,
    /// Written by claimcheck 0.1: the claim ids of the finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims: Option<Vec<String>>,
    #[serde(skip)]
    pub written_as: Option<String>,
}

/// What the ledger entries of both files share, for the rules that apply to either.
pub(crate) trait Entry {
    fn fingerprint(&self) -> &str;
    fn fact(&self) -> &str;
    fn values(&self) -> &[DecidedValue];
    /// The fingerprint as the file writes it (a 0.1 entry's own).
    fn written_as(&self) -> &str;
    fn is_legacy(&self) -> bool;
    /// The entry as written in the current form.
    fn migrated(&self) -> Self;
    /// A 0.1 entry's values, read from what it recorded, and its fingerprint made the fact's.
    fn read_legacy(&mut self, legacy: &legacy::Reader);
}

macro_rules! entry {
    ($t:ty) => {
        impl Entry for $t {
            fn fingerprint(&self) -> &str {
                &self.fingerprint
            }
            fn fact(&self) -> &str {
                &self.fact
            }
            fn values(&self) -> &[DecidedValue] {
                &self.values
            }
            fn written_as(&self) -> &str {
                self.written_as.as_deref().unwrap_or(&self.fingerprint)
            }
            fn is_legacy(&self) -> bool {
                self.claims.is_some()
            }
            fn migrated(&self) -> Self {
                Self { claims: None, ..self.clone() }
            }
            fn read_legacy(&mut self, legacy: &legacy::Reader) {
                self.values = self.legacy_values(legacy);
                self.written_as = Some(std::mem::replace(&mut self.fingerprint, super::fingerprint(&self.fact)));
            }
        }
    };
}
entry!(Resolution);
entry!(BaselineEntry);

impl Resolution {
    /// The values a 0.1 resolution recorded as written, read.
    fn legacy_values(&self, legacy: &legacy::Reader) -> Vec<DecidedValue> {
        legacy.resolution_values(&self.fact, self.claims.as_ref().unwrap_or(&BTreeMap::new()))
    }
}

impl BaselineEntry {
    /// The values a 0.1 baseline entry's claims have now (it recorded none).
    fn legacy_values(&self, legacy: &legacy::Reader) -> Vec<DecidedValue> {
        legacy.baseline_values(self.claims.as_deref().unwrap_or_default())
    }
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

/// One of the two ledger files: its name, the key of its array, and its entries.
trait LedgerFile: for<'de> Deserialize<'de> {
    type Entry: Entry + Serialize + Clone;
    const NAME: &'static str;
    const KEY: &'static str;
    fn into_entries(self) -> Vec<Self::Entry>;
    /// What is wrong with an entry of this file beyond its shape and its values.
    fn problems(_: &Self::Entry) -> Vec<String> {
        Vec::new()
    }
}

impl LedgerFile for ResolutionsFile {
    type Entry = Resolution;
    const NAME: &'static str = RESOLUTIONS;
    const KEY: &'static str = "resolutions";
    fn into_entries(self) -> Vec<Resolution> {
        self.resolutions
    }
    fn problems(r: &Resolution) -> Vec<String> {
        decision::validate_known_status(&r.status)
            .err()
            .map(|e| e.to_string().trim_end().to_string())
            .into_iter()
            .collect()
    }
}

impl LedgerFile for BaselineFile {
    type Entry = BaselineEntry;
    const NAME: &'static str = BASELINE;
    const KEY: &'static str = "findings";
    fn into_entries(self) -> Vec<BaselineEntry> {
        self.findings
    }
}

/// Both files, keyed by the fingerprint of each entry's fact.
#[derive(Debug, Default)]
pub struct Ledger {
    pub resolutions: BTreeMap<String, Resolution>,
    pub baseline: BTreeMap<String, BaselineEntry>,
}

/// An entry that matches no contradiction any more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleEntry {
    /// As the file writes it.
    pub fingerprint: String,
    pub fact: String,
}

impl Ledger {
    /// Reads both files from the corpus folder; a missing file is an empty one. A file that
    /// cannot be read or is not a ledger file is an input error, never skipped: skipping it
    /// would turn every decided finding back into a new one.
    pub fn load(corpus: &Corpus, files: &dyn CorpusFiles, limits: &Limits, diags: &mut Vec<Diagnostic>) -> Ledger {
        let legacy = legacy::Reader::new(corpus);
        Ledger {
            resolutions: load_file::<ResolutionsFile>(files, limits, &legacy, diags),
            baseline: load_file::<BaselineFile>(files, limits, &legacy, diags),
        }
    }

    /// Sets a contradiction's status from the ledger: resolved or baselined while each of
    /// its conflicting claims agrees with a value the entry decided; re-opened, naming the
    /// claims that do not, otherwise. Other findings have no status: nothing to decide.
    pub fn apply(&self, corpus: &Corpus, finding: &mut Finding) {
        if finding.verdict != Verdict::Contradict {
            finding.status = None;
            return;
        }
        let resolution = self.resolutions.get(&finding.fingerprint);
        let baseline = self.baseline.get(&finding.fingerprint);
        finding.resolution = resolution.cloned();
        let reopen_by = |values: &[DecidedValue]| values::undecided_claims(corpus, finding, values);
        let from_resolution = resolution.map(|r| reopen_by(&r.values));
        if from_resolution.as_ref().is_some_and(Vec::is_empty) {
            finding.status = Some(Status::Resolved);
            return;
        }
        let from_baseline = baseline.map(|b| reopen_by(&b.values));
        if from_baseline.as_ref().is_some_and(Vec::is_empty) {
            finding.status = Some(Status::Baselined);
            return;
        }
        match from_resolution.or(from_baseline) {
            Some(reopened) => {
                finding.status = Some(Status::Reopened);
                finding.reopened = reopened;
            }
            None => finding.status = Some(Status::New),
        }
    }

    /// Entries whose fingerprint names no contradiction any more: the claims changed or went
    /// away, and the disagreement with them.
    pub fn stale(&self, findings: &[Finding]) -> (Vec<StaleEntry>, Vec<StaleEntry>) {
        let live: BTreeSet<&str> =
            findings.iter().filter(|f| f.verdict == Verdict::Contradict).map(|f| f.fingerprint.as_str()).collect();
        fn stale<E: Entry>(entries: &BTreeMap<String, E>, live: &BTreeSet<&str>) -> Vec<StaleEntry> {
            entries
                .values()
                .filter(|e| !live.contains(e.fingerprint()))
                .map(|e| StaleEntry { fingerprint: e.written_as().to_string(), fact: e.fact().to_string() })
                .collect()
        }
        (stale(&self.resolutions, &live), stale(&self.baseline, &live))
    }
}

/// One warning per file for its entries in the 0.1 form, at the first of them.
fn warn_legacy(path: &Path, at: &[(usize, usize)], diags: &mut Vec<Diagnostic>) {
    let Some(&first) = at.first() else { return };
    diags.push(
        Diagnostic::warning(path, first, format!("{} entries are in the form claimcheck 0.1 wrote", at.len())).help(
            "they are read as they are (a baseline entry of 0.1 cannot tell when its values change); \
             `claimcheck migrate` rewrites them once so that they record the values decided, as read",
        ),
    );
}

/// Problems of an entry in the current format: its fingerprint is its fact's, and it says
/// which values were decided.
fn check_entry(fingerprint: &str, fact: &str, values: &[DecidedValue]) -> Vec<String> {
    let mut problems = Vec::new();
    let expected = super::fingerprint(fact);
    if fingerprint != expected {
        problems.push(format!(
            "fingerprint `{fingerprint}` is not the one of its fact `{fact}` ({expected}); was the fact edited by hand?"
        ));
    }
    if values.is_empty() {
        problems.push("the entry records no decided `values`".to_string());
    }
    for v in values {
        if let Err(e) = v.interval() {
            problems.push(e);
        }
    }
    problems
}

fn insert<E: Entry>(
    entries: &mut BTreeMap<String, E>,
    entry: E,
    path: &Path,
    at: (usize, usize),
    problems: Vec<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let help = "fix the entry by hand (`git diff` shows what changed), or remove it and decide the finding \
                again with `claimcheck resolve` or `claimcheck review`";
    for p in &problems {
        diags.push(Diagnostic::error(path, at, p.clone()).help(help));
    }
    if !problems.is_empty() {
        return;
    }
    if let Some(first) = entries.get(entry.fingerprint()) {
        diags.push(
            Diagnostic::error(
                path,
                at,
                format!(
                    "a second entry for the fact `{}` (fingerprint {}, first written as {})",
                    entry.fact(),
                    entry.fingerprint(),
                    first.written_as()
                ),
            )
            .help("keep one entry per fact: merge the two by hand, or run `claimcheck migrate`"),
        );
        return;
    }
    entries.insert(entry.fingerprint().to_string(), entry);
}

/// One ledger file's entries by fingerprint; a missing file has none. Every entry that is
/// not right is an error at its place; 0.1 entries are read, with one warning.
fn load_file<F: LedgerFile>(
    files: &dyn CorpusFiles,
    limits: &Limits,
    legacy: &legacy::Reader,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, F::Entry> {
    let mut entries = BTreeMap::new();
    let path = files.root().join(F::NAME);
    let Some(text) = crate::corpus::read_json(files, limits, Path::new(F::NAME), diags) else { return entries };
    let file: F = match serde_json::from_str(&text) {
        Ok(file) => file,
        Err(e) => {
            diags.push(Diagnostic::from_json(&path, &e).help(
                "fix this entry by hand (`git diff` shows what changed since the file last worked); \
                 the decisions it holds are not applied until it reads",
            ));
            return entries;
        }
    };
    let positions = JsonPositions::new(&text);
    let mut legacy_at = Vec::new();
    for (i, mut entry) in file.into_entries().into_iter().enumerate() {
        let at = positions.at(&[Step::Key(F::KEY), Step::Index(i)]);
        let mut problems = F::problems(&entry);
        if entry.is_legacy() {
            legacy_at.push(at);
            entry.read_legacy(legacy);
        } else {
            problems.extend(check_entry(entry.fingerprint(), entry.fact(), entry.values()));
        }
        insert(&mut entries, entry, &path, at, problems, diags);
    }
    warn_legacy(&path, &legacy_at, diags);
    entries
}
