//! Reading a corpus folder into a validated [`Corpus`].

use super::claim::ClaimContext;
use super::files::{CorpusFiles, DiskFiles, FileError, Limits, relative_path};
use super::glyph_map;
use super::locate::{JsonPositions, LineIndex, Step};
use super::raw;
use super::registry::{Origin, Registry};
use super::support::source_read_options;
use super::{Claim, Corpus, Source};
use crate::diagnostic::{self, Diagnostic};
use crate::text::QuoteIndex;
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Loads the corpus at `root` with the default size limits. Never fails: problems become
/// diagnostics on the corpus.
pub fn load(root: &Path) -> Corpus {
    load_with(root, &Limits::default())
}

/// Loads the corpus folder at `root`, reading only inside it.
pub fn load_with(root: &Path, limits: &Limits) -> Corpus {
    if !root.is_dir() {
        let mut corpus = empty(root);
        corpus.diagnostics.push(
            Diagnostic::error(root, (1, 1), "no corpus folder here")
                .help("give the folder that holds sources/ and registry/ (the shipped one is claims/)"),
        );
        return corpus;
    }
    load_from(&DiskFiles::new(root), limits)
}

fn empty(root: &Path) -> Corpus {
    Corpus {
        root: root.to_path_buf(),
        sources: Vec::new(),
        claims: Vec::new(),
        registry: Registry::default(),
        diagnostics: Vec::new(),
    }
}

/// Loads a corpus from any set of files: a folder, or files held in memory.
pub fn load_from(files: &dyn CorpusFiles, limits: &Limits) -> Corpus {
    let root = files.root();
    let mut corpus = empty(root);
    let reader = Reader { files, limits: *limits };
    let diags = &mut corpus.diagnostics;
    for (file, text) in reader.folder("registry", diags) {
        if let Some(registry_file) = parse::<raw::RegistryFile>(&file, &text, diags) {
            let positions = JsonPositions::new(&text);
            add_registry(&mut corpus.registry, &file, &positions, &registry_file, diags);
            super::vocabulary::add(&mut corpus.registry, &file, &positions, &registry_file, diags);
        }
    }
    super::vocabulary::resolve(&mut corpus.registry, diags);
    for (a, b) in corpus.registry.near_duplicates() {
        diags.push(
            Diagnostic::warning(root.join("registry"), (1, 1), format!("ids `{a}` and `{b}` differ by one letter"))
                .help("if they mean the same thing, keep one and point its claims at it"),
        );
    }

    // Each source file is read, its text indexed and its claims checked on its own, across
    // cores, a few files at a time: the claims of the files read so far are moved into the
    // corpus before more are read, so a large corpus's claims are never held twice. Ids
    // are checked against the other files', in file order.
    let registry = &corpus.registry;
    let names = reader.json_names("sources", diags);
    let mut ids = Ids::default();
    for batch in names.chunks(rayon::current_num_threads().max(1)) {
        let loaded: Vec<LoadedSource> = batch.par_iter().map(|name| reader.source_file(registry, name)).collect();
        for loaded in loaded {
            ids.add(loaded, &mut corpus.sources, &mut corpus.claims, &mut corpus.diagnostics);
        }
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

/// The source and claim ids seen so far, and where each was first written.
#[derive(Default)]
struct Ids {
    sources: HashMap<String, PathBuf>,
    /// A hash of each claim id → the claim in the corpus: a million ids are not copied.
    claims: rustc_hash::FxHashMap<u64, usize>,
    /// Ids whose hash an earlier, different id has → the claim.
    collided: HashMap<String, usize>,
    /// The files added so far, in order.
    files: Vec<PathBuf>,
    /// Each source's file in `files`.
    file_of_source: Vec<usize>,
}

impl Ids {
    /// Adds a loaded source file and its claims unless its id or a claim's id is taken.
    fn add(
        &mut self,
        loaded: LoadedSource,
        sources: &mut Vec<Source>,
        claims: &mut Vec<Claim>,
        diags: &mut Vec<Diagnostic>,
    ) {
        let file = loaded.file;
        let f = self.files.len();
        self.files.push(file.clone());
        if let Some((id, at)) = &loaded.id
            && let Some(first) = self.sources.insert(id.clone(), file.clone())
        {
            diags.push(
                Diagnostic::error(&file, *at, format!("source id `{id}` is used twice"))
                    .help(format!("it is also the id of {}; give each source its own id", first.display())),
            );
            return;
        }
        diags.extend(loaded.diags);
        let Some(source) = loaded.source else { return };
        let source_index = sources.len();
        self.file_of_source.push(f);
        for (mut claim, id_at) in loaded.claims {
            match self.first(claims, &claim.id) {
                Some(first) => {
                    let (file_of_first, at) = (&self.files[self.file_of_source[first.source]], first.position);
                    diags.push(Diagnostic::error(&file, id_at, format!("claim id `{}` is used twice", claim.id)).help(
                        format!(
                            "first used at {}:{}:{}; claim ids must be unique in the corpus",
                            file_of_first.display(),
                            at.0,
                            at.1
                        ),
                    ))
                }
                None => {
                    claim.source = source_index;
                    self.keep(claims, claim);
                }
            }
        }
        sources.push(source);
    }

    /// The claim already in the corpus with this id.
    fn first<'c>(&self, claims: &'c [Claim], id: &str) -> Option<&'c Claim> {
        let at = *self.claims.get(&hash(id))?;
        if claims[at].id == id { Some(&claims[at]) } else { self.collided.get(id).map(|&c| &claims[c]) }
    }

    fn keep(&mut self, claims: &mut Vec<Claim>, claim: Claim) {
        let at = claims.len();
        if *self.claims.entry(hash(&claim.id)).or_insert(at) != at {
            self.collided.insert(claim.id.clone(), at);
        }
        claims.push(claim);
    }
}

fn hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(id)
}

/// A source file loaded on its own: its id and where it is written (unless the file is not
/// valid), its source (unless its text could not be read), its claims with where each one's
/// id is written, and what was wrong.
struct LoadedSource {
    file: PathBuf,
    id: Option<(String, (usize, usize))>,
    source: Option<Source>,
    claims: Vec<(Claim, (usize, usize))>,
    diags: Vec<Diagnostic>,
}

fn load_source(reader: &Reader, registry: &Registry, file: PathBuf, json: &str) -> LoadedSource {
    let mut loaded = LoadedSource { id: None, file, source: None, claims: Vec::new(), diags: Vec::new() };
    let Some(source_file) = parse::<raw::SourceFile>(&loaded.file, json, &mut loaded.diags) else { return loaded };
    let positions = JsonPositions::new(json);
    let meta = &source_file.source;
    loaded.id = Some((meta.id.clone(), positions.at(&[Step::Key("source"), Step::Key("id")])));
    let Some(source) = reader.source(&loaded.file, &positions, meta, &mut loaded.diags) else { return loaded };
    let index = QuoteIndex::new(&source.text, &source.glyphs);
    let text_path = reader.files.root().join(&source.text_file);
    let quotes: Vec<&str> = source_file.claims.iter().map(|c| c.quote.as_str()).collect();
    let ctx = ClaimContext {
        registry,
        file: &loaded.file,
        positions: &positions,
        source: &source,
        text_path: &text_path,
        lines: source.lines.clone(),
        found: index.find_each(&quotes),
        index: &index,
    };
    let diags = &mut loaded.diags;
    let claims = source_file
        .claims
        .iter()
        .enumerate()
        .map(|(i, raw_claim)| {
            let claim = ctx.claim(i, raw_claim, diags);
            (claim, positions.at(&[Step::Key("claims"), Step::Index(i), Step::Key("id")]))
        })
        .collect();
    loaded.claims = claims;
    loaded.source = Some(source);
    loaded
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
    positions: &JsonPositions,
    raw: &raw::RegistryFile,
    diags: &mut Vec<Diagnostic>,
) {
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

pub(super) fn defined_twice(file: &Path, position: (usize, usize), what: &str, id: &str, first: &Origin) -> Diagnostic {
    let (line, column) = first.position;
    Diagnostic::error(file, position, format!("{what} `{id}` is defined twice"))
        .help(format!("first defined at {}:{line}:{column}; merge the two", first.file.display()))
}

/// Reads the corpus's files within its limits, turning every refusal into a diagnostic.
struct Reader<'a> {
    files: &'a dyn CorpusFiles,
    limits: Limits,
}

impl Reader<'_> {
    /// The `*.json` files of a subfolder, sorted by name, with their text.
    fn folder(&self, sub: &str, diags: &mut Vec<Diagnostic>) -> Vec<(PathBuf, String)> {
        let root = self.files.root();
        self.json_names(sub, diags)
            .into_iter()
            .filter_map(|name| Some((root.join(&name), read_json(self.files, &self.limits, &name, diags)?)))
            .collect()
    }

    /// A source file, read and loaded on its own.
    fn source_file(&self, registry: &Registry, name: &Path) -> LoadedSource {
        let file = self.files.root().join(name);
        let mut read = Vec::new();
        let Some(json) = read_json(self.files, &self.limits, name, &mut read) else {
            return LoadedSource { id: None, file, source: None, claims: Vec::new(), diags: read };
        };
        let mut loaded = load_source(self, registry, file, &json);
        loaded.diags.splice(0..0, read);
        loaded
    }

    /// The names of the `*.json` files of a subfolder, sorted.
    fn json_names(&self, sub: &str, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
        let root = self.files.root();
        match self.files.json_files(sub) {
            Ok(names) => names,
            Err(e) => {
                let dir = root.join(sub);
                let help = match e {
                    FileError::Outside => {
                        "put the folder itself in the corpus folder instead of a link to it".to_string()
                    }
                    _ => format!("create {} with the corpus's {sub} files", dir.display()),
                };
                diags.push(Diagnostic::error(&dir, (1, 1), format!("cannot read the folder {sub}/: {e}")).help(help));
                Vec::new()
            }
        }
    }

    fn source(
        &self,
        file: &Path,
        positions: &JsonPositions,
        meta: &raw::SourceMeta,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Source> {
        let path_at = positions.at(&[Step::Key("source"), Step::Key("path")]);
        let refused = |e: &FileError, shown: &str| text_refused(file, path_at, e, shown, &meta.id);
        if meta.path.trim().is_empty() {
            diags.push(
                Diagnostic::error(file, path_at, "`path` is empty")
                    .help(format!("write the path of the source's text, e.g. texts/{}.txt", meta.id)),
            );
            return None;
        }
        let text_file = match relative_path(&meta.path) {
            Ok(p) => p,
            Err(e) => {
                diags.push(refused(&e, &format!("`{}`", meta.path)));
                return None;
            }
        };
        let text_path = self.files.root().join(&text_file);
        let bytes = match self.files.read(&text_file, self.limits.text) {
            Ok(bytes) => bytes,
            Err(e) => {
                diags.push(refused(&e, &text_path.display().to_string()));
                return None;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                diags.push(not_utf8(
                    &text_path,
                    e.as_bytes(),
                    e.utf8_error(),
                    &format!("the text of source `{}`", meta.id),
                ));
                return None;
            }
        };
        let glyphs = glyph_map::check(file, positions, &meta.glyph_map, diags);
        let lines = LineIndex::new(&text);
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
                Diagnostic::warning(&text_path, lines.line_col(&text, first), format!("{} private-use character(s) with no glyph map: {}", list.len(), list.join(" ")))
                    .help(format!("PDF fonts put digits there; run `claimcheck glyphs {}` to infer a map, check it, and add it as source.glyph_map in {}", meta.id, file.display())),
            );
        }
        let reading = source_read_options(meta.published.as_deref());
        Some(Source { meta: meta.clone(), file: file.to_path_buf(), text_file, text, glyphs, reading, lines })
    }
}

/// A JSON file of the corpus as text, or `None` with a diagnostic; a missing file is
/// `None` without one (the caller knows whether it is optional).
pub(crate) fn read_json(
    files: &dyn CorpusFiles,
    limits: &Limits,
    name: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let shown = files.root().join(name);
    let bytes = match files.read(name, limits.json) {
        Ok(bytes) => bytes,
        Err(FileError::Missing) => return None,
        Err(e) => {
            diags.push(json_refused(&shown, &e));
            return None;
        }
    };
    // JSON forbids a byte-order mark; say so, and read the rest for its other errors.
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest.to_vec(), true),
        None => (bytes, false),
    };
    if bom {
        diags.push(
            Diagnostic::error(
                &shown,
                (1, 1),
                "the file starts with a byte-order mark (BOM), which JSON does not allow",
            )
            .help("save it as UTF-8 without a BOM (in most editors: Save with Encoding → UTF-8)"),
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            diags.push(not_utf8(&shown, e.as_bytes(), e.utf8_error(), "the file"));
            None
        }
    }
}

/// A JSON file of the corpus that was not read, at its start.
fn json_refused(shown: &Path, e: &FileError) -> Diagnostic {
    let name = shown.display();
    let (message, help) = match e {
        FileError::Folder => (
            format!("{name} is a folder, not a JSON file"),
            "move the folder elsewhere, or rename it so its name does not end in .json",
        ),
        FileError::Outside => (
            format!("{name} leads out of the corpus folder through a symbolic link; it was not read"),
            "put the file itself in the corpus folder instead of a link to it",
        ),
        FileError::Special(what) => {
            (format!("{name} is {what}, not a regular file; it was not read"), "corpus files must be plain files")
        }
        FileError::TooLarge { .. } => (
            format!("{name} is {e}"),
            "if the file is genuine, raise the limit with --max-json-size (e.g. --max-json-size 64M)",
        ),
        _ => (format!("cannot read {name}: {e}"), "check that the file can be read"),
    };
    Diagnostic::error(shown, (1, 1), message).help(help)
}

/// Bytes that are not UTF-8: where the first bad one stands, as line and column.
fn not_utf8(file: &Path, bytes: &[u8], e: std::str::Utf8Error, what: &str) -> Diagnostic {
    let at = e.valid_up_to();
    let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let position = LineIndex::new(valid).line_col(valid, at);
    let bad_len = e.error_len().unwrap_or(bytes.len() - at).clamp(1, 4);
    let bad: Vec<String> = bytes[at..(at + bad_len).min(bytes.len())].iter().map(|b| format!("0x{b:02X}")).collect();
    let more = bytes.utf8_chunks().filter(|c| !c.invalid().is_empty()).count().saturating_sub(1);
    let more = if more > 0 { format!(", and {more} more bad sequence(s) after it") } else { String::new() };
    Diagnostic::error(
        file,
        position,
        format!("{what} is not UTF-8: byte {} at byte offset {at}{more}", bad.join(" ")),
    )
    .help("save it as UTF-8: `file -i FILE` tells its encoding, `iconv -f WINDOWS-1256 -t UTF-8 FILE` converts Arabic Windows text")
}

/// A source's text that was not read, at the `path` that names it.
fn text_refused(file: &Path, at: (usize, usize), e: &FileError, shown: &str, id: &str) -> Diagnostic {
    let example = format!("e.g. texts/{id}.txt");
    let (message, help) = match e {
        FileError::Missing => (
            format!("cannot find the source text {shown}"),
            format!("`path` is relative to the corpus folder, {example}"),
        ),
        FileError::Absolute => (
            format!("`path` {shown} is absolute: a source's text must be inside the corpus folder"),
            format!("copy the text into the corpus folder and write its path relative to it, {example}"),
        ),
        FileError::Climbs => (
            format!("`path` {shown} leaves the corpus folder through `..`"),
            format!("copy the text into the corpus folder and write its path relative to it, {example}"),
        ),
        FileError::Outside => (
            format!("the source text {shown} leads out of the corpus folder through a symbolic link; it was not read"),
            "put the text itself in the corpus folder instead of a link to it".to_string(),
        ),
        FileError::Folder => (
            format!("the source text {shown} is a folder, not a file"),
            format!("`path` names the source's text file, {example}"),
        ),
        FileError::Special(what) => (
            format!("the source text {shown} is {what}, not a regular file; it was not read"),
            format!("`path` names a plain text file in the corpus folder, {example}"),
        ),
        FileError::TooLarge { .. } => (
            format!("the source text {shown} is {e} for a text"),
            "if the text is genuine, raise the limit with --max-text-size (e.g. --max-text-size 256M)".to_string(),
        ),
        FileError::Io(err) => {
            (format!("cannot read the source text {shown}: {err}"), "check that the file can be read".to_string())
        }
    };
    Diagnostic::error(file, at, message).help(help)
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two ids with one hash: the second is kept apart, and each is found as itself.
    #[test]
    fn claim_ids_whose_hashes_collide_stay_apart() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-sources");
        let mut loaded = crate::corpus::load(&fixture).claims.into_iter();
        let (a, b) = (loaded.next().unwrap(), loaded.next().unwrap());
        let (a_id, b_id) = (a.id.clone(), b.id.clone());
        let (mut ids, mut claims) = (Ids::default(), Vec::new());
        ids.keep(&mut claims, a);
        // As if b's id hashed as a's does.
        ids.claims.insert(hash(&b_id), 0);
        assert!(ids.first(&claims, &b_id).is_none(), "b is not in the corpus yet");
        ids.keep(&mut claims, b);
        assert_eq!(ids.first(&claims, &a_id).map(|c| &c.id), Some(&a_id));
        assert_eq!(ids.first(&claims, &b_id).map(|c| &c.id), Some(&b_id));
        assert!(ids.first(&claims, "no-such-claim").is_none());
    }
}
