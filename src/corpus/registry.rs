//! Entities and properties: canonical ids, the names they go by, and lookups with suggestions.

use super::raw::{self, PropertyKind};
use crate::text::{Mode, fold};
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Entity {
    pub id: String,
    pub kind: String,
    /// The English name if any, else the id: how reports name it.
    pub label: String,
    pub names: Vec<String>,
    /// The entity it lies in or belongs to, once resolved (see `vocabulary`).
    pub part_of: Option<usize>,
    /// `part_of` as written, until it is resolved.
    pub part_of_name: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Property {
    pub id: String,
    pub kind: PropertyKind,
    pub unit: Option<String>,
    /// Claims may be in any unit of this dimension; they are compared converted.
    pub dimension: Option<String>,
    pub single_valued: bool,
    pub cumulative: bool,
    /// How far an approximate value reaches: relative (0.1 is ±10%), or in percentage
    /// points for percentages.
    pub tolerance: f64,
    pub description: Option<String>,
    /// Language → words that say a figure is this property (for the drafter).
    pub cues: std::collections::BTreeMap<String, Vec<String>>,
}

/// Where a registry entry was written, for errors about it.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: std::path::PathBuf,
    pub position: (usize, usize),
}

#[derive(Debug, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    pub properties: Vec<Property>,
    pub entity_origins: Vec<Origin>,
    pub property_origins: Vec<Origin>,
    /// Declared qualifier keys, scope values and units, each with where it was written.
    pub qualifiers: std::collections::BTreeMap<String, (raw::Qualifier, Origin)>,
    pub scopes: std::collections::BTreeMap<String, (raw::Scope, Origin)>,
    pub units: std::collections::BTreeMap<String, (raw::Unit, Origin)>,
    /// Folded id or name → entity index. Names are folded in match mode, so spelling
    /// variants (توكاييف / توكايف stay distinct, but أ/ا, ى/ي, spaces, tatweel do not matter).
    entity_by_name: HashMap<String, usize>,
    property_by_id: HashMap<String, usize>,
}

/// A lookup that failed, with the nearest known names.
#[derive(Debug, Clone, PartialEq)]
pub struct NotFound {
    pub suggestions: Vec<String>,
}

/// A name that two entities both claim.
#[derive(Debug, Clone)]
pub struct NameClash {
    pub name: String,
    pub first: usize,
    pub second: usize,
}

impl Registry {
    pub fn add_entity(&mut self, raw: &raw::Entity, origin: Origin) -> Vec<NameClash> {
        let index = self.entities.len();
        let mut names: Vec<String> = raw.names.values().flat_map(|n| n.iter().cloned()).collect();
        names.dedup();
        let label = raw.names.get("en").and_then(|n| n.iter().next().cloned()).unwrap_or_else(|| raw.id.clone());
        let mut clashes = Vec::new();
        for name in std::iter::once(&raw.id).chain(&names) {
            let key = fold(name, Mode::Match);
            if key.is_empty() {
                continue;
            }
            match self.entity_by_name.get(&key) {
                Some(&other) if other != index => {
                    clashes.push(NameClash { name: name.clone(), first: other, second: index })
                }
                Some(_) => {}
                None => {
                    self.entity_by_name.insert(key, index);
                }
            }
        }
        self.entities.push(Entity {
            id: raw.id.clone(),
            kind: raw.kind.clone(),
            label,
            names,
            part_of: None,
            part_of_name: raw.part_of.clone(),
        });
        self.entity_origins.push(origin);
        clashes
    }

    /// Adds a property; returns the index of an earlier one with the same id, if any.
    pub fn add_property(&mut self, raw: &raw::Property, origin: Origin) -> Option<usize> {
        if let Some(&existing) = self.property_by_id.get(&raw.id) {
            return Some(existing);
        }
        self.property_by_id.insert(raw.id.clone(), self.properties.len());
        self.properties.push(Property {
            id: raw.id.clone(),
            kind: raw.kind,
            unit: raw.unit.clone(),
            dimension: raw.dimension.clone(),
            single_valued: raw.single_valued,
            cumulative: raw.cumulative,
            tolerance: raw.tolerance.unwrap_or(match raw.kind {
                // The reader's defaults: ±3 points of a percentage, ±10% of the rest.
                PropertyKind::Percentage => crate::value::ReadOptions::default().percent_points,
                _ => crate::value::ReadOptions::default().tolerance,
            }),
            description: raw.description.clone(),
            cues: raw.cues.clone(),
        });
        self.property_origins.push(origin);
        None
    }

    /// The entity a name or id leads to.
    pub fn find_entity(&self, name: &str) -> Option<usize> {
        self.entity_by_name.get(&fold(name, Mode::Match)).copied()
    }

    /// The entity a name leads to, or the nearest names (for an error message).
    pub fn entity(&self, name: &str) -> Result<usize, NotFound> {
        self.find_entity(name).ok_or_else(|| NotFound { suggestions: self.suggest_entity(name) })
    }

    pub fn property(&self, id: &str) -> Result<usize, NotFound> {
        self.property_by_id
            .get(id)
            .copied()
            .ok_or_else(|| NotFound { suggestions: nearest(id, self.properties.iter().map(|p| p.id.as_str())) })
    }

    fn suggest_entity(&self, name: &str) -> Vec<String> {
        // Edit distances cost the product of the lengths: no name is this long.
        if name.len() > MAX_SUGGESTED {
            return Vec::new();
        }
        let folded = fold(name, Mode::Match);
        let mut scored: Vec<(f64, usize)> = self
            .entity_by_name
            .iter()
            .map(|(key, &i)| (strsim::normalized_levenshtein(&folded, key), i))
            .filter(|(score, _)| *score >= 0.6)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut out: Vec<String> = Vec::new();
        for (_, i) in scored {
            let id = &self.entities[i].id;
            if !out.contains(id) {
                out.push(id.clone());
            }
            if out.len() == 3 {
                break;
            }
        }
        out
    }

    /// The entity and every entity it lies in, innermost first.
    pub fn ancestry(&self, entity: usize) -> impl Iterator<Item = usize> + '_ {
        // Bounded by the number of entities: a cycle is an input error, but never a hang.
        std::iter::successors(Some(entity), |&e| self.entities[e].part_of).take(self.entities.len())
    }

    /// Whether `outer` is `inner` or contains it.
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        self.ancestry(inner).any(|e| e == outer)
    }

    /// The declared qualifier, or the nearest keys.
    pub fn qualifier(&self, key: &str) -> Result<&raw::Qualifier, NotFound> {
        self.qualifiers.get(key).map(|(q, _)| q).ok_or_else(|| NotFound {
            suggestions: nearest(key, self.qualifiers.keys().map(String::as_str).chain([crate::graph::SCOPE])),
        })
    }

    /// The declared unit, or the nearest ids.
    pub fn unit(&self, id: &str) -> Result<&raw::Unit, NotFound> {
        self.units
            .get(id)
            .map(|(u, _)| u)
            .ok_or_else(|| NotFound { suggestions: nearest(id, self.units.keys().map(String::as_str)) })
    }

    /// The base unit of a dimension: the one with factor 1.
    pub fn base_unit(&self, dimension: &str) -> Option<&raw::Unit> {
        self.units.values().map(|(u, _)| u).find(|u| u.dimension == dimension && u.factor == Some(1.0))
    }

    /// Scope values a property may take: those declared for it and those declared for any.
    pub fn scopes_of<'r, 'p>(&'r self, property: &'p str) -> impl Iterator<Item = &'r raw::Scope> + use<'r, 'p> {
        self.scopes
            .values()
            .map(|(s, _)| s)
            .filter(move |s| s.properties.is_empty() || s.properties.iter().any(|p| p == property))
    }

    /// Pairs of ids (entities, then properties) so alike that one is likely a typo of the other.
    pub fn near_duplicates(&self) -> Vec<(String, String)> {
        let mut out = near_duplicate_ids(self.entities.iter().map(|e| e.id.as_str()));
        out.extend(near_duplicate_ids(self.properties.iter().map(|p| p.id.as_str())));
        out
    }
}

/// Names and ids longer than this (in bytes) get no suggestions and no near-duplicate check:
/// both cost the square of the length, and a hostile corpus can write a megabyte-long id.
const MAX_SUGGESTED: usize = 256;

/// Up to three known names within a small edit distance of `name`.
pub fn nearest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Vec<String> {
    if name.len() > MAX_SUGGESTED {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str)> =
        known.map(|k| (strsim::jaro_winkler(name, k), k)).filter(|(score, _)| *score >= 0.8).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, k)| k.to_string()).collect()
}

/// Ids one edit apart (a letter added, dropped, changed or two swapped), found through
/// shared one-deletion variants rather than by comparing every pair. Ids that differ only
/// in digits (`kz-protests-2019`, `kz-protests-2022`) are meant to differ.
fn near_duplicate_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    let ids: Vec<Vec<char>> = ids.map(|id| id.chars().collect()).collect();
    let mut by_variant: HashMap<Vec<char>, Vec<usize>> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        // An id of n letters has n variants of n letters: long ones are no typos anyway.
        if id.len() < 5 || id.len() > MAX_SUGGESTED {
            continue;
        }
        let mut variants: Vec<Vec<char>> = (0..id.len()).map(|k| [&id[..k], &id[k + 1..]].concat()).collect();
        variants.push(id.clone());
        variants.sort();
        variants.dedup();
        for v in variants {
            by_variant.entry(v).or_default().push(i);
        }
    }
    let mut pairs = std::collections::BTreeSet::new();
    for group in by_variant.values() {
        for (x, &a) in group.iter().enumerate() {
            for &b in &group[x + 1..] {
                let (sa, sb): (String, String) = (ids[a].iter().collect(), ids[b].iter().collect());
                let letters = |s: &str| s.chars().filter(|c| !c.is_ascii_digit()).collect::<String>();
                if sa != sb && letters(&sa) != letters(&sb) && strsim::damerau_levenshtein(&sa, &sb) <= 1 {
                    pairs.insert(if sa < sb { (sa, sb) } else { (sb, sa) });
                }
            }
        }
    }
    pairs.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Registry {
        let json = r#"{"entities": [
            {"id": "tokayev", "kind": "person", "names": {"en": "Tokayev", "ar": ["توكاييف", "توكايف"], "ru": "Токаев"}},
            {"id": "almaty", "kind": "city", "names": {"ar": ["ألماتي", "ألما أتا"]}}
        ], "properties": [{"id": "troops_deployed", "kind": "quantity"}]}"#;
        let file: raw::RegistryFile = serde_json::from_str(json).unwrap();
        let mut r = Registry::default();
        let origin = Origin { file: "r.json".into(), position: (1, 1) };
        for e in &file.entities {
            assert!(r.add_entity(e, origin.clone()).is_empty());
        }
        for p in &file.properties {
            r.add_property(p, origin.clone());
        }
        r
    }

    #[test]
    fn entities_resolve_by_id_or_any_alias_after_folding() {
        let r = registry();
        for name in ["tokayev", "Tokayev", "توكاييف", "توكايف", "Токаев", "تـوكـايـيـف"] {
            assert_eq!(r.entity(name), Ok(0), "{name}");
        }
        assert_eq!(r.entity("الما اتا"), Ok(1));
        assert_eq!(r.entity("ألماأتا"), Ok(1));
    }

    #[test]
    fn unknown_names_get_suggestions() {
        let r = registry();
        assert_eq!(r.entity("توكاليف").unwrap_err().suggestions, vec!["tokayev"]);
        assert_eq!(r.property("troop_deployed").unwrap_err().suggestions, vec!["troops_deployed"]);
        assert!(r.entity("bolivia").unwrap_err().suggestions.is_empty());
    }

    #[test]
    fn near_duplicate_ids_are_flagged() {
        let ids = [
            "deaths",
            "death",
            "arrests",
            "injuries",
            "arrets",
            "kz-protests-2019",
            "kz-protests-2022",
            "tokayev",
            "tokaeyv",
        ];
        let pairs = near_duplicate_ids(ids.into_iter());
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(pairs, vec![pair("arrests", "arrets"), pair("death", "deaths"), pair("tokaeyv", "tokayev")]);
    }
}
