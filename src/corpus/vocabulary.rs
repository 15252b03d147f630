//! What the registry declares beyond entities and properties: the qualifier keys claims may
//! use, the values `scope` may take, units and their dimensions, and where each entity lies
//! (`part_of`). Declarations are collected file by file, then checked together once every
//! registry file is read (an entity may lie in one defined in another file).

use super::locate::{JsonPositions, Step};
use super::raw;
use super::registry::{Origin, Registry, nearest};
use crate::diagnostic::Diagnostic;
use petgraph::graphmap::DiGraphMap;
use std::path::Path;

/// Adds one registry file's qualifiers, scopes and units; one defined twice is an error.
pub(super) fn add(
    registry: &mut Registry,
    file: &Path,
    positions: &JsonPositions,
    raw: &raw::RegistryFile,
    diags: &mut Vec<Diagnostic>,
) {
    let origin = |key: &'static str, i: usize| Origin {
        file: file.to_path_buf(),
        position: positions.at(&[Step::Key(key), Step::Index(i)]),
    };
    for (i, q) in raw.qualifiers.iter().enumerate() {
        insert(&mut registry.qualifiers, "qualifier", &q.key, q.clone(), origin("qualifiers", i), diags);
        if q.key == crate::graph::SCOPE {
            diags.push(
                Diagnostic::error(
                    file,
                    origin("qualifiers", i).position,
                    "`scope` is built in and cannot be redeclared",
                )
                .help("declare the values it may take under `scopes`"),
            );
        }
    }
    for (i, s) in raw.scopes.iter().enumerate() {
        insert(&mut registry.scopes, "scope", &s.id, s.clone(), origin("scopes", i), diags);
    }
    for (i, u) in raw.units.iter().enumerate() {
        insert(&mut registry.units, "unit", &u.id, u.clone(), origin("units", i), diags);
    }
}

fn insert<T>(
    map: &mut std::collections::BTreeMap<String, (T, Origin)>,
    what: &str,
    id: &str,
    value: T,
    origin: Origin,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some((_, first)) = map.get(id) {
        diags.push(super::load::defined_twice(&origin.file, origin.position, what, id, first));
        return;
    }
    map.insert(id.to_string(), (value, origin));
}

/// Checks the declarations together and resolves `part_of`; every problem is reported.
pub(super) fn resolve(registry: &mut Registry, diags: &mut Vec<Diagnostic>) {
    resolve_part_of(registry, diags);
    check_units(registry, diags);
    check_scopes(registry, diags);
    for (q, origin) in registry.qualifiers.values() {
        if q.exclusive.iter().any(|set| set.len() < 2) {
            diags.push(
                Diagnostic::error(
                    &origin.file,
                    origin.position,
                    format!("qualifier `{}`: an `exclusive` set needs two values or more", q.key),
                )
                .help("list values that exclude each other, such as [\"kazakhs\", \"russians\"]"),
            );
        }
    }
}

fn resolve_part_of(registry: &mut Registry, diags: &mut Vec<Diagnostic>) {
    let mut hierarchy: DiGraphMap<usize, ()> = DiGraphMap::new();
    for e in 0..registry.entities.len() {
        let Some(name) = registry.entities[e].part_of_name.clone() else { continue };
        let origin = &registry.entity_origins[e];
        match registry.entity(&name) {
            Ok(parent) if parent == e => diags.push(
                Diagnostic::error(
                    &origin.file,
                    origin.position,
                    format!("`{}` is `part_of` itself", registry.entities[e].id),
                )
                .help("name the entity it lies in, or remove `part_of`"),
            ),
            Ok(parent) => {
                registry.entities[e].part_of = Some(parent);
                hierarchy.add_edge(e, parent, ());
            }
            Err(nf) => diags.push(
                Diagnostic::error(
                    &origin.file,
                    origin.position,
                    format!("`{}` is `part_of` an unknown entity `{name}`", registry.entities[e].id),
                )
                .help(super::claim::did_you_mean(&nf.suggestions, "add it to a registry file")),
            ),
        }
    }
    // A cycle (a ⊂ b ⊂ a) has no coarser level: each one is an error, and is cut so that
    // nothing walks it.
    for cycle in petgraph::algo::tarjan_scc(&hierarchy) {
        if cycle.len() < 2 {
            continue;
        }
        let mut ids: Vec<&str> = cycle.iter().map(|&e| registry.entities[e].id.as_str()).collect();
        ids.sort_unstable();
        let first = *cycle.iter().min().unwrap_or(&cycle[0]);
        let origin = &registry.entity_origins[first];
        diags.push(
            Diagnostic::error(
                &origin.file,
                origin.position,
                format!("`part_of` goes round in a cycle: {}", ids.join(", ")),
            )
            .help("each entity lies in a larger one: remove the `part_of` that points back"),
        );
        for &e in &cycle {
            registry.entities[e].part_of = None;
        }
    }
}

fn check_units(registry: &Registry, diags: &mut Vec<Diagnostic>) {
    let mut dimensions: std::collections::BTreeMap<&str, Vec<&raw::Unit>> = Default::default();
    for (u, origin) in registry.units.values() {
        dimensions.entry(u.dimension.as_str()).or_default().push(u);
        let bad = match (u.currency, u.factor) {
            (true, Some(_)) => Some("a currency has no `factor`: currencies are never converted"),
            (false, None) => Some("a unit needs a `factor`: how many of its dimension's base unit it is"),
            (false, Some(f)) if !(f.is_finite() && f > 0.0) => Some("a unit's `factor` is a positive number"),
            _ => None,
        };
        if let Some(bad) = bad {
            diags.push(
                Diagnostic::error(&origin.file, origin.position, format!("unit `{}`: {bad}", u.id))
                    .help("for example {\"id\": \"ft3\", \"dimension\": \"volume\", \"factor\": 0.0283168}"),
            );
        }
    }
    for (dimension, units) in &dimensions {
        let bases = units.iter().filter(|u| u.factor == Some(1.0)).count();
        let converted = units.iter().any(|u| !u.currency);
        if converted && bases != 1 {
            let (_, origin) = &registry.units[&units[0].id];
            diags.push(
                Diagnostic::error(
                    &origin.file,
                    origin.position,
                    format!("dimension `{dimension}` has {bases} base units (factor 1); it needs exactly one"),
                )
                .help("give the base unit factor 1 and the others their size in it"),
            );
        }
    }
    for (p, property) in registry.properties.iter().enumerate() {
        let Some(dimension) = &property.dimension else { continue };
        let origin = &registry.property_origins[p];
        if !dimensions.contains_key(dimension.as_str()) {
            diags.push(
                Diagnostic::error(
                    &origin.file,
                    origin.position,
                    format!("property `{}`: no unit has the dimension `{dimension}`", property.id),
                )
                .help(did_you_mean(
                    dimension,
                    dimensions.keys().copied(),
                    "declare its units under `units`",
                )),
            );
            continue;
        }
        if let Some(unit) = &property.unit
            && registry.units.get(unit).is_none_or(|(u, _)| &u.dimension != dimension)
        {
            diags.push(
                Diagnostic::error(
                    &origin.file,
                    origin.position,
                    format!("property `{}`: its unit `{unit}` is not a unit of `{dimension}`", property.id),
                )
                .help("give a declared unit of its dimension (claims without a unit are in it)"),
            );
        }
    }
}

fn check_scopes(registry: &Registry, diags: &mut Vec<Diagnostic>) {
    for (scope, origin) in registry.scopes.values() {
        for p in &scope.properties {
            if let Err(nf) = registry.property(p) {
                diags.push(
                    Diagnostic::error(
                        &origin.file,
                        origin.position,
                        format!("scope `{}` names an unknown property `{p}`", scope.id),
                    )
                    .help(super::claim::did_you_mean(&nf.suggestions, "list properties of the registry")),
                );
            }
        }
    }
}

fn did_you_mean<'a>(name: &str, known: impl Iterator<Item = &'a str>, otherwise: &str) -> String {
    super::claim::did_you_mean(&nearest(name, known), otherwise)
}
