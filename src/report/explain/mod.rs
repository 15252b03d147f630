//! One finding in full, for `claimcheck explain` and `claimcheck review`: the fact and its
//! property, every claim with its places, value and reading, every pair with its reason,
//! and the editors' entries about it. Built from the same report model as `check`.

pub mod text;

use super::{ClaimOut, FindingOut, Report};
use crate::Run;
use crate::check::ledger::BaselineEntry;
use crate::check::{self, Finding};
use crate::corpus::{PropertyKind, Value};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct Explanation<'a> {
    /// As in `check --format json`'s `findings[]`.
    pub finding: FindingOut<'a>,
    pub fact: FactOut,
    /// Each claim in full, ordered by id.
    pub claims: Vec<ExplainedClaim<'a>>,
    /// The finding's entry in baseline.json, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FactOut {
    pub key: String,
    pub subject: String,
    /// How reports name the subject.
    pub subject_label: String,
    pub property: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub qualifiers: BTreeMap<String, String>,
    pub kind: PropertyKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub single_valued: bool,
    pub cumulative: bool,
    /// The relative width of an approximate value.
    pub tolerance: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExplainedClaim<'a> {
    /// As in `check --format json`'s `claims[]`.
    #[serde(flatten)]
    pub claim: ClaimOut<'a>,
    /// The normalized interval as text: `2250..2750`, `≥ 1500000`, `2022-01-06`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl<'a> Explanation<'a> {
    /// `report` is `run.report()`, built once for any number of findings; `None` when the
    /// finding is not the run's.
    pub fn build(run: &Run, report: &Report<'a>, finding: &Finding) -> Option<Explanation<'a>> {
        let corpus = &run.corpus;
        let key = &run.graph.facts[finding.fact].key;
        let first = &corpus.claims[finding.claims[0]];
        let property = &corpus.registry.properties[first.property];
        let fact = FactOut {
            key: finding.key.clone(),
            subject: key.subject.clone(),
            subject_label: corpus.registry.entities[first.subject].label.clone(),
            property: key.property.clone(),
            qualifiers: key.qualifiers.iter().cloned().collect(),
            kind: property.kind,
            unit: property.unit.clone(),
            single_valued: property.single_valued,
            cumulative: property.cumulative,
            tolerance: property.tolerance,
            description: property.description.clone(),
        };
        let claims = finding
            .claims
            .iter()
            .map(|&c| {
                let claim = &corpus.claims[c];
                Some(ExplainedClaim {
                    claim: report.claims.get(c),
                    interval: match &claim.value {
                        Value::Reading(r) => Some(check::interval_text(r)),
                        _ => None,
                    },
                    note: claim.note.as_deref().map(String::from),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Explanation {
            finding: report.findings.iter().find(|f| f.fingerprint == finding.fingerprint)?.clone(),
            fact,
            claims,
            baseline: run.ledger.baseline.get(&finding.fingerprint).cloned(),
        })
    }
}
