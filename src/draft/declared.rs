//! What a property's description in the registry declares about its claims: the subject
//! («subject: kazakhstan», «subject: the person») and the qualifier keys («qualifier partner
//! (the neighbour), year»). A property no claim of the corpus uses yet is drafted from
//! these alone; one with claims gets them added to what its claims show.

use crate::corpus::Registry;
use std::collections::{BTreeSet, HashSet};

/// A property's declared subject and qualifiers.
#[derive(Debug, Default, Clone)]
pub struct Declared {
    /// The one entity the description names as the subject («subject: kazakhstan»).
    pub subject: Option<usize>,
    /// Kinds of entity the subject is («the person», «a country or city»).
    pub kinds: HashSet<String>,
    /// Qualifier keys of the vocabulary the description names after «qualifier».
    pub keys: BTreeSet<String>,
}

/// Words of a description that name a kind of entity of the registry.
const KIND_WORDS: &[(&str, &str)] = &[
    ("person", "person"),
    ("candidate", "person"),
    ("visitor", "person"),
    ("speaker", "person"),
    ("country", "country"),
    ("donor", "country"),
    ("exporter", "country"),
    ("importer", "country"),
    ("event", "event"),
    ("election", "event"),
    ("referendum", "event"),
    ("organization", "organization"),
    ("party", "organization"),
    ("company", "organization"),
    ("city", "city"),
    ("region", "region"),
    ("territory", "region"),
];

fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).filter(|t| !t.is_empty())
}

/// Reads the description of every property, once per registry.
pub fn of(registry: &Registry) -> Vec<Declared> {
    registry
        .properties
        .iter()
        .map(|p| {
            let mut d = Declared::default();
            let Some(text) = &p.description else { return d };
            for part in text.split(';').map(str::trim) {
                if let Some(rest) = part.strip_prefix("subject:") {
                    // What follows "e.g." is an example: its kind counts, it is not the subject.
                    let (said, example) = rest.split_once("e.g.").unwrap_or((rest, ""));
                    let named: Vec<usize> = tokens(said).filter_map(|t| registry.find_entity(t)).collect();
                    for &e in
                        named.iter().chain(&tokens(example).filter_map(|t| registry.find_entity(t)).collect::<Vec<_>>())
                    {
                        d.kinds.insert(registry.entities[e].kind.clone());
                    }
                    if let [one] = named[..] {
                        d.subject = Some(one);
                    }
                    for t in tokens(rest) {
                        if let Some((_, kind)) = KIND_WORDS.iter().find(|(w, _)| *w == t) {
                            d.kinds.insert(kind.to_string());
                        }
                    }
                } else if part.starts_with("qualifier") {
                    d.keys.extend(tokens(part).filter(|t| registry.qualifiers.contains_key(*t)).map(str::to_string));
                }
            }
            d
        })
        .collect()
}
