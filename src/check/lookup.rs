//! Finding a finding by its fingerprint, or by a unique prefix of it, as editors type them.

use super::Finding;

#[derive(Debug)]
pub enum LookupError<'a> {
    /// The prefix starts several fingerprints: all of them, sorted.
    Ambiguous(Vec<&'a Finding>),
    /// No fingerprint starts with it: the nearest ones, nearest first.
    Unknown(Vec<&'a Finding>),
}

/// How many near fingerprints an unknown one suggests.
const NEAREST: usize = 3;

pub fn find<'a>(findings: &'a [Finding], query: &str) -> Result<&'a Finding, LookupError<'a>> {
    let query = query.trim().to_ascii_lowercase();
    let mut matching: Vec<&Finding> =
        findings.iter().filter(|f| !query.is_empty() && f.fingerprint.starts_with(&query)).collect();
    matching.sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
    match matching.len() {
        1 => Ok(matching[0]),
        0 => {
            // Compared over the typed length, so a prefix with one wrong digit is still near.
            let distance = |f: &Finding| {
                let end = f.fingerprint.len().min(query.len());
                strsim::levenshtein(&query, f.fingerprint.get(..end).unwrap_or(&f.fingerprint))
            };
            let mut all: Vec<(usize, &Finding)> = findings.iter().map(|f| (distance(f), f)).collect();
            all.sort_by(|a, b| (a.0, &a.1.fingerprint).cmp(&(b.0, &b.1.fingerprint)));
            Err(LookupError::Unknown(all.into_iter().take(NEAREST).map(|(_, f)| f).collect()))
        }
        _ => Err(LookupError::Ambiguous(matching)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Status, Verdict};

    fn finding(fingerprint: &str) -> Finding {
        Finding {
            fingerprint: fingerprint.into(),
            key: String::new(),
            fact: 0,
            verdict: Verdict::Agree,
            reason: "",
            explanation: String::new(),
            claims: vec![],
            pairs: Vec::new().into(),
            status: Some(Status::New),
            resolution: None,
            reopened: Vec::new(),
        }
    }

    #[test]
    fn a_unique_prefix_finds_its_finding() {
        let all = [finding("d7f1519bd8ab0cce"), finding("d7a0000000000000"), finding("0f8b6c180c3cf73d")];
        assert_eq!(find(&all, "d7f1").unwrap().fingerprint, "d7f1519bd8ab0cce");
        assert_eq!(find(&all, "D7F1519BD8AB0CCE").unwrap().fingerprint, "d7f1519bd8ab0cce");
        let Err(LookupError::Ambiguous(both)) = find(&all, "d7") else { panic!("d7 is ambiguous") };
        assert_eq!(
            both.iter().map(|f| f.fingerprint.as_str()).collect::<Vec<_>>(),
            ["d7a0000000000000", "d7f1519bd8ab0cce"]
        );
        let Err(LookupError::Unknown(near)) = find(&all, "d7f2519b") else { panic!("d7f2519b is unknown") };
        assert_eq!(near[0].fingerprint, "d7f1519bd8ab0cce");
        assert!(matches!(find(&all, ""), Err(LookupError::Unknown(_))));
    }
}
