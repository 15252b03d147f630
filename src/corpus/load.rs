//! Reading a corpus folder into a validated [`Corpus`].

use super::claim::ClaimContext;
use super::locate::{JsonPositions, LineIndex, Step, line_col};
use super::raw;
use super::registry::{Origin, Registry};
use super::support::source_read_options;
use super::{Corpus, Source};
use crate::diagnostic::{self, Diagnostic};
use crate::text::{GlyphMap, QuoteIndex};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Loads the corpus at `root`. Never fails: problems become diagnostics on the corpus.
pub fn load(root: &Path) -> Corpus {
    let mut corpus = Corpus {
        root: root.to_path_buf(),
        sources: Vec::new(),
        claims: Vec::new(),
        registry: Registry::default(),
        diagnostics: Vec::new(),
    };
    let diags = &mut corpus.diagnostics;
    if !root.is_dir() {
        diags.push(
            Diagnostic::error(root, (1, 1), "no corpus folder here")
                .help("give the folder that holds sources/ and registry/ (the shipped one is claims/)"),
        );
        return corpus;
    }
    for (file, text) in read_folder(root, "registry", diags) {
        if let Some(registry_file) = parse::<raw::RegistryFile>(&file, &text, diags) {
            add_registry(&mut corpus.registry, &file, &text, &registry_file, diags);
            super::vocabulary::add(&mut corpus.registry, &file, &text, &registry_file, diags);
        }
    }
    super::vocabulary::resolve(&mut corpus.registry, diags);
    for (a, b) in corpus.registry.near_duplicates() {
        diags.push(
            Diagnostic::warning(root.join("registry"), (1, 1), format!("ids `{a}` and `{b}` differ by one letter"))
                .help("if they mean the same thing, keep one and point its claims at it"),
        );
    }

    let mut claim_ids: HashMap<String, (PathBuf, (usize, usize))> = HashMap::new();
    let mut source_ids: HashMap<String, PathBuf> = HashMap::new();
    for (file, json) in read_folder(root, "sources", diags) {
        let Some(source_file) = parse::<raw::SourceFile>(&file, &json, diags) else { continue };
        let positions = JsonPositions::new(&json);
        let meta = &source_file.source;
        if let Some(first) = source_ids.insert(meta.id.clone(), file.clone()) {
            diags.push(
                Diagnostic::error(
                    &file,
                    positions.at(&[Step::Key("source"), Step::Key("id")]),
                    format!("source id `{}` is used twice", meta.id),
                )
                .help(format!("it is also the id of {}; give each source its own id", first.display())),
            );
            continue;
        }
        let Some(source) = load_source(root, &file, &positions, meta, diags) else { continue };
        let source_index = corpus.sources.len();
        let index = QuoteIndex::new(&source.text, &source.glyphs);
        let text_path = root.join(&source.text_file);
        let quotes: Vec<&str> = source_file.claims.iter().map(|c| c.quote.as_str()).collect();
        let ctx = ClaimContext {
            registry: &corpus.registry,
            file: &file,
            positions: &positions,
            source: &source,
            text_path: &text_path,
            lines: LineIndex::new(&source.text),
            found: index.find_each(&quotes),
            index: &index,
        };
        for (i, raw_claim) in source_file.claims.iter().enumerate() {
            let claim = ctx.claim(i, raw_claim, source_index, diags);
            match claim_ids.get(&claim.id) {
                Some((first_file, first_pos)) => diags.push(
                    Diagnostic::error(
                        &file,
                        positions.at(&[Step::Key("claims"), Step::Index(i), Step::Key("id")]),
                        format!("claim id `{}` is used twice", claim.id),
                    )
                    .help(format!(
                        "first used at {}:{}:{}; claim ids must be unique in the corpus",
                        first_file.display(),
                        first_pos.0,
                        first_pos.1
                    )),
                ),
                None => {
                    claim_ids.insert(claim.id.clone(), (file.clone(), claim.position));
                    corpus.claims.push(claim);
                }
            }
        }
        drop(index);
        corpus.sources.push(source);
    }
    if corpus.sources.is_empty() && !corpus.has_errors() {
        corpus.diagnostics.push(
            Diagnostic::error(root.join("sources"), (1, 1), "no source files")
                .help("add one sources/<id>.json per source document (see docs/claims-format.md)"),
        );
    }
    diagnostic::sort(&mut corpus.diagnostics);
    corpus
}

/// The `*.json` files of a subfolder, sorted by name, with their text.
fn read_folder(root: &Path, sub: &str, diags: &mut Vec<Diagnostic>) -> Vec<(PathBuf, String)> {
    let dir = root.join(sub);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        diags.push(
            Diagnostic::error(&dir, (1, 1), format!("cannot read the folder {sub}/"))
                .help(format!("create {} with the corpus's {sub} files", dir.display())),
        );
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| match std::fs::read_to_string(&path) {
            Ok(text) => Some((path, text)),
            Err(e) => {
                diags.push(Diagnostic::error(&path, (1, 1), format!("cannot read: {e}")));
                None
            }
        })
        .collect()
}

/// Parses JSON, turning a serde error into a diagnostic at its line and column.
pub(crate) fn parse<T: DeserializeOwned>(file: &Path, text: &str, diags: &mut Vec<Diagnostic>) -> Option<T> {
    match serde_json::from_str(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let help = if e.is_syntax() || e.is_eof() {
                "fix the JSON syntax here (a missing comma, quote or bracket is the usual cause)"
            } else {
                "see docs/claims-format.md for the fields this file takes"
            };
            diags.push(Diagnostic::from_json(file, &e).help(help));
            None
        }
    }
}

fn add_registry(
    registry: &mut Registry,
    file: &Path,
    json: &str,
    raw: &raw::RegistryFile,
    diags: &mut Vec<Diagnostic>,
) {
    let positions = JsonPositions::new(json);
    for (i, entity) in raw.entities.iter().enumerate() {
        let position = positions.at(&[Step::Key("entities"), Step::Index(i)]);
        let origin = Origin { file: file.to_path_buf(), position };
        if let Some(existing) = registry.find_entity(&entity.id)
            && registry.entities[existing].id == entity.id
        {
            diags.push(defined_twice(file, position, "entity", &entity.id, &registry.entity_origins[existing]));
            continue;
        }
        for clash in registry.add_entity(entity, origin) {
            let first = &registry.entities[clash.first].id;
            diags.push(
                Diagnostic::error(
                    file,
                    position,
                    format!("the name `{}` of `{}` already names `{first}`", clash.name, entity.id),
                )
                .help("a name must lead to one entity; remove it from one of them"),
            );
        }
    }
    for (i, property) in raw.properties.iter().enumerate() {
        let position = positions.at(&[Step::Key("properties"), Step::Index(i)]);
        if let Some(existing) = registry.add_property(property, Origin { file: file.to_path_buf(), position }) {
            diags.push(defined_twice(file, position, "property", &property.id, &registry.property_origins[existing]));
        }
    }
}

fn defined_twice(file: &Path, position: (usize, usize), what: &str, id: &str, first: &Origin) -> Diagnostic {
    let (line, column) = first.position;
    Diagnostic::error(file, position, format!("{what} `{id}` is defined twice"))
        .help(format!("first defined at {}:{line}:{column}; merge the two", first.file.display()))
}

fn load_source(
    root: &Path,
    file: &Path,
    positions: &JsonPositions,
    meta: &raw::SourceMeta,
    diags: &mut Vec<Diagnostic>,
) -> Option<Source> {
    let text_file = PathBuf::from(&meta.path);
    let text = match std::fs::read_to_string(root.join(&text_file)) {
        Ok(t) => t,
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    file,
                    positions.at(&[Step::Key("source"), Step::Key("path")]),
                    format!("cannot read the source text {}: {e}", root.join(&text_file).display()),
                )
                .help("`path` is relative to the corpus folder, e.g. texts/my-source.txt"),
            );
            return None;
        }
    };
    let mut glyphs = GlyphMap::new();
    for (key, decoded) in &meta.glyph_map {
        let mut chars = key.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                glyphs.insert(c, decoded.clone());
            }
            _ => diags.push(
                Diagnostic::error(
                    file,
                    positions.at(&[Step::Key("source"), Step::Key("glyph_map")]),
                    format!("glyph_map key {key:?} is not one character"),
                )
                .help("each key is the single private-use character, e.g. \"\\uE005\""),
            ),
        }
    }
    let mut unmapped: BTreeMap<char, usize> = BTreeMap::new();
    for (at, c) in text.char_indices() {
        if is_private_use(c) && !glyphs.contains_key(&c) {
            unmapped.entry(c).or_insert(at);
        }
    }
    if !unmapped.is_empty() {
        let first = unmapped.values().min().copied().unwrap_or(0);
        let list: Vec<String> = unmapped.keys().map(|c| format!("U+{:04X}", *c as u32)).collect();
        diags.push(
            Diagnostic::warning(root.join(&text_file), line_col(&text, first), format!("{} private-use character(s) with no glyph map: {}", list.len(), list.join(" ")))
                .help(format!("PDF fonts put digits there; run `claimcheck glyphs {}` to infer a map, check it, and add it as source.glyph_map in {}", meta.id, file.display())),
        );
    }
    let reading = source_read_options(meta.published.as_deref());
    Some(Source { meta: meta.clone(), file: file.to_path_buf(), text_file, text, glyphs, reading })
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}
