//! Entries written by claimcheck 0.1, read as they are: they keep each claim's value as
//! written (resolutions) or only the claim ids (baseline). Their values are read here as
//! the claims' property reads them, so that they are compared as read like any other;
//! `claimcheck migrate` then writes them in the current form.

use super::values::{self, DecidedValue};
use crate::corpus::{Corpus, Property, PropertyKind, Value};
use crate::value;
use std::collections::{BTreeMap, HashMap};

pub(crate) struct Reader<'a> {
    corpus: &'a Corpus,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(corpus: &'a Corpus) -> Self {
        Reader { corpus, by_id: corpus.claims.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect() }
    }

    /// A 0.1 resolution's values: each recorded value, read now as its fact's property reads
    /// values (a claim that still writes it the same way lends its reading).
    pub(super) fn resolution_values(&self, fact: &str, claims: &BTreeMap<String, String>) -> Vec<DecidedValue> {
        let property = fact
            .split(" · ")
            .nth(1)
            .and_then(|p| self.corpus.registry.property(p).ok())
            .map(|p| &self.corpus.registry.properties[p]);
        values::group(claims.iter().map(|(id, written)| {
            let current = self.by_id.get(id.as_str()).map(|&c| &self.corpus.claims[c]);
            let read = match current {
                Some(c) if c.raw_value.to_string() == *written => c.value.clone(),
                _ => property.map_or(Value::Invalid, |p| read_written(p, written)),
            };
            let written = match (&read, current) {
                (Value::Entity(_) | Value::Set(_), Some(c)) if c.value == read => values::describe(self.corpus, c),
                _ => written.clone(),
            };
            (id.clone(), written, read)
        }))
    }

    /// A 0.1 baseline entry's values: those its claims have now (it recorded no values).
    pub(super) fn baseline_values(&self, ids: &[String]) -> Vec<DecidedValue> {
        values::group(ids.iter().filter_map(|id| {
            let claim = &self.corpus.claims[*self.by_id.get(id.as_str())?];
            Some((id.clone(), values::describe(self.corpus, claim), claim.value.clone()))
        }))
    }
}

/// A value as written in a 0.1 entry, read as its property reads values.
fn read_written(property: &Property, written: &str) -> Value {
    if matches!(property.kind, PropertyKind::Entity | PropertyKind::Set) {
        return Value::Invalid;
    }
    let want = crate::corpus::value_kind(property.kind);
    match value::read_as(written, &crate::corpus::tolerance(property), want) {
        Ok(r) if crate::corpus::kind_fits(property.kind, r.kind) => Value::Reading(r),
        _ => Value::Invalid,
    }
}
