//! Near-miss links: facts that may be one fact under two keys, because linking by exact key
//! depends on encoders choosing the same property and qualifiers. Three signs, each looked
//! for inside a block (never across all pairs of claims):
//! - the same subject and property with qualifiers that differ in their keys, or in values
//!   that are alike or nested places (blocked by subject and property, then looked up by
//!   the values of the keys two facts share, or by pairs of alike values);
//! - the same property and qualifiers for two subjects one of which lies in the other
//!   (a lookup per ancestor);
//! - the same property and value in quotes that are nearly the same words (blocked by
//!   property and value), unless each quote names its own, different subject.

use crate::corpus::{Corpus, Value};
use crate::graph::{ClaimGraph, FactKey, SharedNames};
use crate::text::{Mode, fold};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// Quotes at least this alike (normalized Levenshtein over folded text) may state one fact.
pub const QUOTE_SIMILARITY: f64 = 0.8;
/// Qualifier values at least this alike may be one value written two ways.
pub const VALUE_SIMILARITY: f64 = 0.75;
/// Claims compared for similar quotes in one block at most: a value so common that more
/// claims state it says nothing of which are one fact.
const BLOCK_LIMIT: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sign {
    QualifiersDiffer,
    SubjectsNested,
    SimilarQuotes,
}

#[derive(Debug, Clone, Serialize)]
pub struct NearMiss {
    pub sign: Sign,
    /// The two fact keys.
    pub facts: [Arc<str>; 2],
    /// Claim ids of each fact that show it.
    pub claims: Vec<Arc<str>>,
    pub evidence: String,
    pub suggestion: String,
}

pub fn near_misses(corpus: &Corpus, graph: &ClaimGraph) -> Vec<NearMiss> {
    near_misses_named(corpus, graph, &graph.shared_names(corpus))
}

/// [`near_misses`], naming claims and facts through names already made.
pub fn near_misses_named(corpus: &Corpus, graph: &ClaimGraph, names: &SharedNames) -> Vec<NearMiss> {
    // The three signs are looked for apart, across cores.
    let (mut out, (nested, similar)) = rayon::join(
        || qualifiers_differ(corpus, graph, names),
        || rayon::join(|| subjects_nested(corpus, graph, names), || similar_quotes(corpus, graph, names)),
    );
    out.extend(nested);
    out.extend(similar);
    out.sort_by(|a, b| (&a.facts, a.sign).cmp(&(&b.facts, b.sign)));
    out
}

fn miss(
    graph: &ClaimGraph,
    names: &SharedNames,
    sign: Sign,
    a: usize,
    b: usize,
    evidence: String,
    suggestion: String,
) -> NearMiss {
    let (a, b) = if graph.facts[a].key <= graph.facts[b].key { (a, b) } else { (b, a) };
    NearMiss {
        sign,
        facts: [names.facts[a].clone(), names.facts[b].clone()],
        claims: [a, b].iter().flat_map(|&f| graph.facts[f].claims.iter().map(|&c| names.claims[c].clone())).collect(),
        evidence,
        suggestion,
    }
}

fn qualifiers_differ(corpus: &Corpus, graph: &ClaimGraph, names: &SharedNames) -> Vec<NearMiss> {
    let mut blocks: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (f, fact) in graph.facts.iter().enumerate() {
        blocks.entry((&fact.key.subject, &fact.key.property)).or_default().push(f);
    }
    let mut out = Vec::new();
    for facts in blocks.values().filter(|b| b.len() > 1) {
        for (a, b) in qualifier_candidates(corpus, graph, facts) {
            if let Some((evidence, suggestion)) = qualifier_difference(corpus, graph, a, b) {
                out.push(miss(graph, names, Sign::QualifiersDiffer, a, b, evidence, suggestion));
            }
        }
    }
    out
}

/// The pairs of facts in one block that [`qualifier_difference`] may link, found without
/// trying every pair (a block is every fact of one subject and property, which in a large
/// corpus can be thousands): pairs whose qualifier keys differ while the keys they share
/// hold the same values, found by a lookup on those values; and pairs that share a key
/// whose two values are alike, found from the distinct values of each key.
fn qualifier_candidates(corpus: &Corpus, graph: &ClaimGraph, facts: &[usize]) -> BTreeSet<(usize, usize)> {
    let qualifiers = |f: usize| &graph.facts[f].key.qualifiers;
    let mut by_keys: BTreeMap<Vec<&str>, Vec<usize>> = BTreeMap::new();
    for &f in facts {
        by_keys.entry(qualifiers(f).iter().map(|(k, _)| k.as_str()).collect()).or_default().push(f);
    }
    let ordered = |a: usize, b: usize| (a.min(b), a.max(b));
    let mut candidates = BTreeSet::new();
    // Key sets are few (the registry's qualifiers in their combinations); facts are many.
    let groups: Vec<(&Vec<&str>, &Vec<usize>)> = by_keys.iter().collect();
    for (i, (keys_a, facts_a)) in groups.iter().enumerate() {
        for (keys_b, facts_b) in &groups[i + 1..] {
            let shared: Vec<&str> = keys_a.iter().filter(|k| keys_b.contains(k)).copied().collect();
            let on_shared = |f: usize| -> Vec<&str> {
                qualifiers(f).iter().filter(|(k, _)| shared.contains(&k.as_str())).map(|(_, v)| v.as_str()).collect()
            };
            let mut lookup: HashMap<Vec<&str>, Vec<usize>> = HashMap::new();
            for &b in facts_b.iter() {
                lookup.entry(on_shared(b)).or_default().push(b);
            }
            for &a in facts_a.iter() {
                for &b in lookup.get(&on_shared(a)).into_iter().flatten() {
                    candidates.insert(ordered(a, b));
                }
            }
        }
    }
    // Per key, the facts holding each value; then the pairs of distinct values that are alike.
    let mut by_value: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for &f in facts {
        for (k, v) in qualifiers(f) {
            by_value.entry(k).or_default().entry(v).or_default().push(f);
        }
    }
    for (key, values) in &by_value {
        let values: Vec<(&&str, &Vec<usize>)> = values.iter().collect();
        let folded: Vec<String> = values.iter().map(|(v, _)| fold(v, Mode::Match)).collect();
        for (i, (va, facts_a)) in values.iter().enumerate() {
            for (j, (vb, facts_b)) in values.iter().enumerate().skip(i + 1) {
                if !values_alike(corpus, key, va, vb, &folded[i], &folded[j]) {
                    continue;
                }
                for &a in facts_a.iter() {
                    candidates.extend(facts_b.iter().map(|&b| ordered(a, b)));
                }
            }
        }
    }
    candidates
}

/// Two values of one qualifier that may be one value: nested places, or nearly the same
/// words once folded.
fn values_alike(corpus: &Corpus, key: &str, va: &str, vb: &str, folded_a: &str, folded_b: &str) -> bool {
    let reg = &corpus.registry;
    let entity = reg.qualifier(key).is_ok_and(|q| q.entity);
    let nested = entity
        && matches!((reg.find_entity(va), reg.find_entity(vb)),
            (Some(x), Some(y)) if reg.contains(x, y) || reg.contains(y, x));
    nested || strsim::normalized_levenshtein(folded_a, folded_b) >= VALUE_SIMILARITY
}

/// Why two facts of one subject and property may be one: qualifier keys that only one has
/// (unless it names a part of the other, which the graph links as part and whole), or one
/// key with values alike or nested.
fn qualifier_difference(corpus: &Corpus, graph: &ClaimGraph, a: usize, b: usize) -> Option<(String, String)> {
    if graph.whole_of[a].as_ref().is_some_and(|(w, _)| *w == b)
        || graph.whole_of[b].as_ref().is_some_and(|(w, _)| *w == a)
    {
        return None;
    }
    let (qa, qb): (BTreeMap<&str, &str>, BTreeMap<&str, &str>) = (
        graph.facts[a].key.qualifiers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect(),
        graph.facts[b].key.qualifiers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect(),
    );
    let show = |q: &BTreeMap<&str, &str>| {
        if q.is_empty() {
            "no qualifiers".to_string()
        } else {
            q.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
        }
    };
    let only_a: Vec<&str> = qa.keys().filter(|k| !qb.contains_key(*k)).copied().collect();
    let only_b: Vec<&str> = qb.keys().filter(|k| !qa.contains_key(*k)).copied().collect();
    // Different values of one key are different facts (partner=china, partner=russia),
    // unless the values look like one value written twice, or one place lies in the other.
    let alike = qa.iter().filter_map(|(k, va)| Some((k, va, qb.get(k)?))).find(|(k, va, vb)| {
        va != vb && values_alike(corpus, k, va, vb, &fold(va, Mode::Match), &fold(vb, Mode::Match))
    });
    let keys_differ =
        !(only_a.is_empty() && only_b.is_empty()) && qa.keys().all(|k| !qb.contains_key(k) || qa[k] == qb[k]);
    if keys_differ {
        let evidence = format!("one has {}, the other {}", show(&qa), show(&qb));
        let missing: Vec<&str> = only_a.iter().chain(&only_b).copied().collect();
        let suggestion = format!(
            "if both count the same thing, give both claims the same qualifiers (`{}` on both, or on neither)",
            missing.join("`, `")
        );
        return Some((evidence, suggestion));
    }
    let (key, va, vb) = alike?;
    Some((
        format!("`{key}` is `{va}` in one and `{vb}` in the other"),
        format!("if they are one {key}, write it one way in both claims"),
    ))
}

fn subjects_nested(corpus: &Corpus, graph: &ClaimGraph, names: &SharedNames) -> Vec<NearMiss> {
    let by_key: HashMap<&FactKey, usize> = graph.facts.iter().enumerate().map(|(f, fact)| (&fact.key, f)).collect();
    let mut out = Vec::new();
    for (f, fact) in graph.facts.iter().enumerate() {
        let Some(subject) = corpus.registry.find_entity(&fact.key.subject) else { continue };
        for outer in corpus.registry.ancestry(subject).skip(1) {
            let key = FactKey { subject: corpus.registry.entities[outer].id.clone(), ..fact.key.clone() };
            if let Some(&g) = by_key.get(&key) {
                let (inner, outer) = (&fact.key.subject, &key.subject);
                out.push(miss(
                    graph,
                    names,
                    Sign::SubjectsNested,
                    f,
                    g,
                    format!("`{inner}` lies in `{outer}`"),
                    format!(
                        "if the claims about `{outer}` mean `{inner}` (or the other way round), give them one subject"
                    ),
                ));
            }
        }
    }
    out
}

fn similar_quotes(corpus: &Corpus, graph: &ClaimGraph, names: &SharedNames) -> Vec<NearMiss> {
    // Claims by (property, value as compared), each with its folded quote, once.
    let mut blocks: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
    for (c, claim) in corpus.claims.iter().enumerate() {
        if graph.fact_of[c].is_none() {
            continue;
        }
        let value = match &claim.value {
            Value::Reading(r) => {
                format!("{:?}", (r.kind, r.interval.lo.map(f64::to_bits), r.interval.hi.map(f64::to_bits)))
            }
            Value::Entity(e) => format!("e{e}"),
            Value::Set(s) => format!("{s:?}"),
            Value::Missing | Value::Invalid => continue,
        };
        blocks.entry((claim.property, value)).or_default().push(c);
    }
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for claims in blocks.values_mut().filter(|b| b.len() > 1 && b.len() <= BLOCK_LIMIT) {
        // By claim id: what is reported must not depend on the order of files.
        claims.sort_by(|&a, &b| corpus.claims[a].id.cmp(&corpus.claims[b].id));
        let folded: Vec<String> = claims.iter().map(|&c| fold(&corpus.claims[c].quote, Mode::Match)).collect();
        let lengths: Vec<usize> = folded.iter().map(|f| f.chars().count()).collect();
        let names_subject: Vec<bool> =
            claims.iter().zip(&folded).map(|(&c, quote)| names_its_subject(corpus, c, quote)).collect();
        for (i, &a) in claims.iter().enumerate() {
            for (j, &b) in claims.iter().enumerate().skip(i + 1) {
                let (Some(fa), Some(fb)) = (graph.fact_of[a], graph.fact_of[b]) else { continue };
                if fa == fb || one_key_two_values(&graph.facts[fa].key, &graph.facts[fb].key) {
                    continue;
                }
                // "5 killed in Almaty" and "5 killed in Aktau": each quote names its own
                // subject, so they are two facts stated alike, not one under two keys.
                let (sa, sb) = (corpus.claims[a].subject, corpus.claims[b].subject);
                if sa != sb
                    && names_subject[i]
                    && names_subject[j]
                    && !corpus.registry.contains(sa, sb)
                    && !corpus.registry.contains(sb, sa)
                {
                    continue;
                }
                // The edit distance is at least the difference in length: quotes of very
                // different lengths cannot be alike, and cost no distance.
                let longest = lengths[i].max(lengths[j]).max(1) as f64;
                if (lengths[i].abs_diff(lengths[j]) as f64) / longest > 1.0 - QUOTE_SIMILARITY {
                    continue;
                }
                if !seen.insert((fa.min(fb), fa.max(fb))) {
                    continue;
                }
                let alike = strsim::normalized_levenshtein(&folded[i], &folded[j]);
                if alike >= QUOTE_SIMILARITY {
                    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                    out.push(miss(
                        graph,
                        names,
                        Sign::SimilarQuotes,
                        fa,
                        fb,
                        format!("{} and {} state the same value in quotes {:.0}% alike", ca.id, cb.id, alike * 100.0),
                        "if both quotes state one fact, give both claims one subject, property and qualifiers"
                            .to_string(),
                    ));
                }
            }
        }
    }
    out
}

/// Whether a claim's quote (folded) names its subject by one of the registry's names for it.
fn names_its_subject(corpus: &Corpus, claim: usize, folded_quote: &str) -> bool {
    let Some(entity) = corpus.registry.entities.get(corpus.claims[claim].subject) else { return false };
    entity.names.iter().map(|n| fold(n, Mode::Match)).any(|n| n.chars().count() >= 3 && folded_quote.contains(&n))
}

/// Two facts of one subject that differ only in the values of the same qualifiers (one
/// sentence giving the shares of two groups): distinct by design, whatever their quotes.
fn one_key_two_values(a: &FactKey, b: &FactKey) -> bool {
    let keys = |k: &FactKey| k.qualifiers.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    a.subject == b.subject && keys(a) == keys(b)
}
