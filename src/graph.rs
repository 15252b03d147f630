//! Linking claims into facts: claims with the same subject, property and qualifiers (all
//! but `scope`) are about one fact. Claims are grouped by hashing that key, never by
//! comparing every pair of claims; the graph holds sources, facts and claims as nodes, and
//! links a fact about a part (a qualifier the registry declares `part_of_whole`) to the fact
//! about its whole.

use crate::corpus::{Corpus, Value};
use petgraph::graph::{Graph, NodeIndex};
use std::collections::HashMap;

/// The qualifier that narrows a claim's scope without making it another fact.
pub const SCOPE: &str = "scope";

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FactKey {
    pub subject: String,
    pub property: String,
    pub qualifiers: Vec<(String, String)>,
}

impl std::fmt::Display for FactKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} · {}", self.subject, self.property)?;
        for (k, v) in &self.qualifiers {
            write!(f, " · {k}={v}")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
pub struct Fact {
    pub key: FactKey,
    /// Claim indexes, ordered by claim id.
    pub claims: Vec<usize>,
    pub node: NodeIndex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    Source(usize),
    Fact(usize),
    Claim(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Claim → the source that states it.
    StatedIn,
    /// Claim → the fact it is about.
    About,
    /// Fact about a part → the fact about its whole.
    PartOf,
}

#[derive(Debug)]
pub struct ClaimGraph {
    pub graph: Graph<Node, Edge>,
    /// Facts ordered by key.
    pub facts: Vec<Fact>,
    /// Claim index → its fact index (None for claims that did not load cleanly).
    pub fact_of: Vec<Option<usize>>,
    /// Fact index → the whole it is a part of, and the qualifier key that names the part.
    pub whole_of: Vec<Option<(usize, String)>>,
}

pub fn link(corpus: &Corpus) -> ClaimGraph {
    let mut groups: HashMap<FactKey, Vec<usize>> = HashMap::new();
    for (i, claim) in corpus.claims.iter().enumerate() {
        if claim.value == Value::Invalid {
            continue;
        }
        groups.entry(fact_key(corpus, i)).or_default().push(i);
    }
    let mut keyed: Vec<(FactKey, Vec<usize>)> = groups.into_iter().collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));

    let mut graph = Graph::new();
    let source_nodes: Vec<NodeIndex> = (0..corpus.sources.len()).map(|s| graph.add_node(Node::Source(s))).collect();
    let mut fact_of = vec![None; corpus.claims.len()];
    let mut facts = Vec::with_capacity(keyed.len());
    for (f, (key, mut claims)) in keyed.into_iter().enumerate() {
        claims.sort_by(|&a, &b| corpus.claims[a].id.cmp(&corpus.claims[b].id));
        let node = graph.add_node(Node::Fact(f));
        for &c in &claims {
            let claim_node = graph.add_node(Node::Claim(c));
            graph.add_edge(claim_node, node, Edge::About);
            graph.add_edge(claim_node, source_nodes[corpus.claims[c].source], Edge::StatedIn);
            fact_of[c] = Some(f);
        }
        facts.push(Fact { key, claims, node });
    }
    let whole_of: Vec<Option<(usize, String)>> = facts
        .iter()
        .map(|f| {
            let (whole, part_key) = whole_key(corpus, &f.key)?;
            facts.binary_search_by(|f| f.key.cmp(&whole)).ok().map(|w| (w, part_key))
        })
        .collect();
    for (part, whole) in whole_of.iter().enumerate() {
        if let Some((w, _)) = whole {
            graph.add_edge(facts[part].node, facts[*w].node, Edge::PartOf);
        }
    }
    ClaimGraph { graph, facts, fact_of, whole_of }
}

/// The key of the whole a fact's key names a part of: the same key without the one
/// qualifier declared `part_of_whole`, and that qualifier.
pub fn whole_key(corpus: &Corpus, key: &FactKey) -> Option<(FactKey, String)> {
    let parts: Vec<&(String, String)> =
        key.qualifiers.iter().filter(|(k, _)| corpus.registry.qualifier(k).is_ok_and(|q| q.part_of_whole)).collect();
    let [(part_key, _)] = parts[..] else { return None };
    let whole = FactKey {
        subject: key.subject.clone(),
        property: key.property.clone(),
        qualifiers: key.qualifiers.iter().filter(|(k, _)| k != part_key).cloned().collect(),
    };
    Some((whole, part_key.clone()))
}

fn fact_key(corpus: &Corpus, claim: usize) -> FactKey {
    let c = &corpus.claims[claim];
    FactKey {
        subject: corpus.registry.entities[c.subject].id.clone(),
        property: corpus.registry.properties[c.property].id.clone(),
        qualifiers: c
            .qualifiers
            .iter()
            .filter(|(k, _)| k.as_str() != SCOPE)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    }
}

/// Claim ids and fact keys made once, for the outputs that name them many times (the
/// report's findings and pairs, near-miss links): one allocation each, shared.
pub struct SharedNames {
    pub claims: std::sync::Arc<[std::sync::Arc<str>]>,
    pub facts: Vec<std::sync::Arc<str>>,
}

impl ClaimGraph {
    pub fn shared_names(&self, corpus: &Corpus) -> SharedNames {
        SharedNames {
            claims: corpus.claims.iter().map(|c| c.id.as_str().into()).collect(),
            facts: self.facts.iter().map(|f| f.key.to_string().into()).collect(),
        }
    }

    /// Sources whose claims are about this fact, without repeats.
    pub fn sources_of(&self, corpus: &Corpus, fact: usize) -> Vec<usize> {
        let mut s: Vec<usize> = self.facts[fact].claims.iter().map(|&c| corpus.claims[c].source).collect();
        s.sort_unstable();
        s.dedup();
        s
    }
}
