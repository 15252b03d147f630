//! What an editor may decide about a finding, and the ledger entries a decision makes.

use super::values::decided_values;
use super::{BaselineEntry, Resolution};
use crate::check::Finding;
use crate::corpus::Corpus;
use std::fmt;

/// The statuses a resolution may have, with what each means. `source-wrong` names a claim.
pub const STATUSES: &[(&str, &str)] = &[
    ("accepted", "the sources really disagree; the disagreement is known and stays"),
    ("source-wrong:CLAIM", "the source of CLAIM got it wrong (CLAIM is one of the finding's claim ids)"),
    ("scope-differs", "the claims count different things (a first wave and the whole force)"),
    ("time-differs", "the figures held at different times"),
    ("attributed", "a source reports what someone said, it does not assert it"),
    ("duplicate", "one statement encoded twice"),
];

const SOURCE_WRONG: &str = "source-wrong:";

/// The statuses and their meanings, a line each, for help and errors.
pub fn describe_statuses() -> String {
    STATUSES.iter().map(|(name, meaning)| format!("  {name:20} {meaning}\n")).collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusError {
    Unknown(String),
    /// `source-wrong:CLAIM` with a claim that is not one of the finding's.
    NotInFinding {
        claim: String,
        claims: Vec<String>,
    },
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusError::Unknown(s) => write!(f, "unknown status `{s}`; use one of:\n{}", describe_statuses()),
            StatusError::NotInFinding { claim, claims } => {
                writeln!(f, "`{claim}` is not a claim of this finding; name one of: {}", claims.join(", "))
            }
        }
    }
}

/// Checks a status against the finding's claim ids.
pub fn validate_status(status: &str, claims: &[String]) -> Result<(), StatusError> {
    if let Some(claim) = status.strip_prefix(SOURCE_WRONG) {
        return if claims.iter().any(|c| c == claim) {
            Ok(())
        } else {
            Err(StatusError::NotInFinding { claim: claim.to_string(), claims: claims.to_vec() })
        };
    }
    if STATUSES.iter().any(|(name, _)| *name == status && !name.starts_with(SOURCE_WRONG)) {
        Ok(())
    } else {
        Err(StatusError::Unknown(status.to_string()))
    }
}

/// Checks a status read from `resolutions.json`: a known one, or `source-wrong:` with a claim.
pub fn validate_known_status(status: &str) -> Result<(), StatusError> {
    match status.strip_prefix(SOURCE_WRONG) {
        Some(claim) if !claim.is_empty() => Ok(()),
        _ => validate_status(status, &[]),
    }
}

/// Whether a resolution keeps its finding's contradictions as real disagreements
/// (`accepted`, `source-wrong:…`) rather than explaining them away.
pub fn keeps_contradiction(status: &str) -> bool {
    status == "accepted" || status.starts_with(SOURCE_WRONG)
}

impl Resolution {
    /// The resolution of a finding as its claims stand now: a later change re-opens it.
    pub fn decide(corpus: &Corpus, finding: &Finding, status: &str, note: &str, date: &str) -> Self {
        Resolution {
            fingerprint: finding.fingerprint.clone(),
            fact: finding.key.clone(),
            status: status.to_string(),
            note: note.to_string(),
            date: date.to_string(),
            values: decided_values(corpus, finding),
            claims: None,
            written_as: None,
        }
    }
}

impl BaselineEntry {
    pub fn of(corpus: &Corpus, finding: &Finding) -> Self {
        BaselineEntry {
            fingerprint: finding.fingerprint.clone(),
            fact: finding.key.clone(),
            values: decided_values(corpus, finding),
            claims: None,
            written_as: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_checked_against_the_finding() {
        let claims = vec!["ar-troops".to_string(), "en-troops".to_string()];
        assert_eq!(validate_status("accepted", &claims), Ok(()));
        assert_eq!(validate_status("source-wrong:en-troops", &claims), Ok(()));
        assert!(matches!(validate_status("source-wrong:xx", &claims), Err(StatusError::NotInFinding { .. })));
        assert!(matches!(validate_status("source-wrong:CLAIM", &claims), Err(StatusError::NotInFinding { .. })));
        let unknown = validate_status("wrong", &claims).unwrap_err();
        assert!(unknown.to_string().contains("scope-differs"), "{unknown}");
    }
}
