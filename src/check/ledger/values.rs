//! The values a decision covers, as read: what a ledger entry records of a finding, and
//! which claims of a finding agree with none of them.

use crate::check::{Finding, Relation, Reopening, show_value};
use crate::corpus::{Claim, Corpus, Value};
use crate::value::{self, Interval, ValueKind};
use serde::{Deserialize, Serialize};

/// One value of a decided finding, with the claims that stated it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecidedValue {
    /// As the first of its claims writes it (entities by their ids).
    pub value: String,
    /// The interval it reads to, from `lo` to `hi`: numbers, or ISO dates; null where
    /// unbounded. Both absent for entities and sets, which are compared by their ids.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub lo: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub hi: Option<serde_json::Value>,
    pub claims: Vec<String>,
}

/// A field that is there, null included (serde reads a null `Option` as absent).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(d).map(Some)
}

impl DecidedValue {
    /// The interval it reads to, if it is a figure or a date; an error says what is wrong.
    pub fn interval(&self) -> Result<Option<Interval>, String> {
        let (lo, hi) = match (&self.lo, &self.hi) {
            (Some(lo), Some(hi)) => (lo, hi),
            (None, None) => return Ok(None),
            _ => return Err(format!("value `{}` gives one end of its interval: write both `lo` and `hi`", self.value)),
        };
        let bound = |b: &serde_json::Value| match b {
            serde_json::Value::Null => Ok(None),
            serde_json::Value::Number(n) => n.as_f64().map(Some).ok_or_else(|| format!("`{n}` is not a number")),
            serde_json::Value::String(s) => parse_iso(s)
                .map(|d| Some(d as f64))
                .ok_or_else(|| format!("`{s}` in the interval of `{}` is not a date written YYYY-MM-DD", self.value)),
            other => Err(format!("`{other}` in the interval of `{}` is neither a number, a date nor null", self.value)),
        };
        Ok(Some(Interval { lo: bound(lo)?, hi: bound(hi)? }))
    }

    /// Whether a claim's value agrees with this one, as read.
    pub fn agrees(&self, corpus: &Corpus, claim: &Claim) -> bool {
        match (&claim.value, self.interval()) {
            (Value::Reading(r), Ok(Some(i))) => r.interval.overlaps(&i),
            (Value::Entity(_) | Value::Set(_), Ok(None)) => show_value(corpus, claim) == self.value,
            // A 0.1 value that did not read: compared as written, the best there is.
            (_, Ok(None)) => claim.raw_value.to_string() == self.value,
            _ => false,
        }
    }
}

/// The values of a finding's claims, one per distinct reading, in order of value.
pub fn decided_values(corpus: &Corpus, finding: &Finding) -> Vec<DecidedValue> {
    group(finding.claims.iter().map(|&c| {
        let claim = &corpus.claims[c];
        (claim.id.clone(), describe(corpus, claim), claim.value.clone())
    }))
}

/// Groups (claim id, value as written, value as read) by reading.
pub(super) fn group(claims: impl Iterator<Item = (String, String, Value)>) -> Vec<DecidedValue> {
    let mut groups: Vec<(Value, DecidedValue)> = Vec::new();
    for (id, written, read) in claims {
        match groups.iter_mut().find(|(v, _)| same_reading(v, &read)) {
            Some((_, g)) => g.claims.push(id),
            None => {
                let (lo, hi) = match &read {
                    Value::Reading(r) => (Some(bound(r.kind, r.interval.lo)), Some(bound(r.kind, r.interval.hi))),
                    _ => (None, None),
                };
                groups.push((read, DecidedValue { value: written, lo, hi, claims: vec![id] }));
            }
        }
    }
    for (_, g) in &mut groups {
        g.claims.sort();
    }
    groups.sort_by(|a, b| {
        let lo = |v: &Value| match v {
            Value::Reading(r) => r.interval.lo.unwrap_or(f64::NEG_INFINITY),
            _ => 0.0,
        };
        lo(&a.0).total_cmp(&lo(&b.0)).then_with(|| a.1.value.cmp(&b.1.value))
    });
    groups.into_iter().map(|(_, g)| g).collect()
}

/// How a claim's value is written in an entry: as the claim writes it, entities by id.
pub(super) fn describe(corpus: &Corpus, claim: &Claim) -> String {
    match claim.value {
        Value::Entity(_) | Value::Set(_) => show_value(corpus, claim),
        _ => claim.raw_value.to_string(),
    }
}

fn same_reading(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Reading(x), Value::Reading(y)) => x.kind == y.kind && x.interval == y.interval,
        _ => a == b,
    }
}

fn bound(kind: ValueKind, v: Option<f64>) -> serde_json::Value {
    match v {
        None => serde_json::Value::Null,
        Some(d) if kind == ValueKind::Date => value::iso_date(d as i64).into(),
        // Whole numbers as integers: `1460`, not `1460.0`.
        Some(x) if x.fract() == 0.0 && x.abs() < 9e15 => serde_json::json!(x as i64),
        Some(x) => serde_json::json!(x),
    }
}

fn parse_iso(s: &str) -> Option<i64> {
    let (negative, body) = s.strip_prefix('-').map_or((false, s), |rest| (true, rest));
    let mut parts = body.splitn(3, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    let (m, d) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    value::days_from_ymd(if negative { -y } else { y }, m, d)
}

/// The claims of a contradiction that agree with none of the decided values, each with why.
/// Only claims on a side of a conflict count: one that differs in scope or time brings no
/// new disagreement.
pub fn undecided_claims(corpus: &Corpus, finding: &Finding, decided: &[DecidedValue]) -> Vec<Reopening> {
    let mut conflicting: Vec<usize> =
        finding.pairs.iter().filter(|p| p.relation == Relation::Contradict).flat_map(|p| [p.a(), p.b()]).collect();
    conflicting.sort_unstable();
    conflicting.dedup();
    let all = || decided.iter().map(|v| v.value.as_str()).collect::<Vec<_>>().join(", ");
    conflicting
        .into_iter()
        .filter(|&c| !decided.iter().any(|v| v.agrees(corpus, &corpus.claims[c])))
        .map(|c| {
            let claim = &corpus.claims[c];
            let now = describe(corpus, claim);
            let why = match decided.iter().find(|v| v.claims.contains(&claim.id)) {
                Some(was) => format!("was {} when decided, now {now}", was.value),
                None => format!("a new claim stating {now}, which agrees with none of the values decided ({})", all()),
            };
            Reopening { claim: c, why }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_read_back() {
        assert_eq!(parse_iso("2022-01-05"), Some(18997));
        assert_eq!(parse_iso("1970-01-01"), Some(0));
        assert_eq!(parse_iso("2022-13-01"), None);
        assert_eq!(parse_iso("x"), None);
        let v: DecidedValue =
            serde_json::from_str(r#"{"value": ">75%", "lo": 75, "hi": null, "claims": ["a"]}"#).unwrap();
        assert_eq!(v.interval(), Ok(Some(Interval::at_least(75.0))));
        let bad = DecidedValue { lo: Some(serde_json::json!("2022-02-30")), ..v.clone() };
        assert!(bad.interval().is_err());
        let half = DecidedValue { hi: None, ..v };
        assert!(half.interval().is_err());
    }
}
