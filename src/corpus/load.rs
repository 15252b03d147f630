//! Reading a corpus folder into a validated [`Corpus`].

use super::locate::{JsonPositions, LineIndex, Step, line_col};
use super::raw::{self, PropertyKind, RawValue};
use super::registry::{Origin, Registry};
use super::{Claim, Corpus, QuoteLocation, Source, Value};
use crate::diagnostic::{self, Diagnostic};
use crate::text::{Folded, GlyphMap, Mode, QuoteIndex};
use crate::value::{self, ReadOptions, Reading, ValueKind};
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
        }
    }
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
        let reading = source_read_options(meta.published.as_deref());
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
            reading,
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
            let message = e.to_string();
            let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m).to_string();
            let help = if e.is_syntax() || e.is_eof() {
                "fix the JSON syntax here (a missing comma, quote or bracket is the usual cause)"
            } else {
                "see docs/claims-format.md for the fields this file takes"
            };
            diags.push(Diagnostic::error(file, (e.line().max(1), e.column().max(1)), message).help(help));
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
            let first = &registry.entity_origins[existing];
            diags.push(Diagnostic::error(file, position, format!("entity `{}` is defined twice", entity.id)).help(
                format!(
                    "first defined at {}:{}:{}; merge the two",
                    first.file.display(),
                    first.position.0,
                    first.position.1
                ),
            ));
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
            let first = &registry.property_origins[existing];
            diags.push(Diagnostic::error(file, position, format!("property `{}` is defined twice", property.id)).help(
                format!(
                    "first defined at {}:{}:{}; merge the two",
                    first.file.display(),
                    first.position.0,
                    first.position.1
                ),
            ));
        }
    }
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
    Some(Source { meta: meta.clone(), file: file.to_path_buf(), text_file, text, glyphs })
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

/// The year a `published` date expression names.
pub fn published_year(published: &str) -> Option<i32> {
    source_read_options(Some(published)).default_year
}

/// How a source's figures are read: dates without a year ("6 يناير") take the year it was
/// published, and dates relative to it ("نوفمبر الماضي") count from its first day.
pub fn source_read_options(published: Option<&str>) -> ReadOptions {
    let date = published
        .and_then(|p| value::read_as(p, &ReadOptions::default(), ValueKind::Date).ok())
        .filter(|r| r.kind == ValueKind::Date);
    ReadOptions {
        default_year: date.as_ref().map(|r| year_of(r.nominal)),
        // A year alone says nothing of which months lie before it.
        reference_day: date.filter(|r| r.precision != value::Precision::Year).map(|r| r.nominal as i64),
        ..ReadOptions::default()
    }
}

/// The year of a day number.
pub fn year_of(days: f64) -> i32 {
    let iso = value::iso_date(days as i64);
    let (sign, digits) = iso.strip_prefix('-').map_or((1, iso.as_str()), |d| (-1, d));
    sign * digits.split('-').next().and_then(|y| y.parse::<i32>().ok()).unwrap_or(0)
}

/// Qualifiers whose values are entities, written as an id or any alias. The others
/// (`scope`, `group`, `name`, `year`, …) are free text, compared as written.
pub const ENTITY_QUALIFIERS: &[&str] = &["contributor", "place", "partner"];

struct ClaimContext<'a> {
    registry: &'a Registry,
    file: &'a Path,
    positions: &'a JsonPositions<'a>,
    source: &'a Source,
    /// The source text's path as the user can open it.
    text_path: &'a Path,
    lines: LineIndex,
    /// Where each claim's quote first stands in the text, found in one pass for all claims.
    found: Vec<Option<std::ops::Range<usize>>>,
    index: &'a QuoteIndex<'a>,
    /// How figures in this source's quotes are read (its year for dates without one).
    reading: ReadOptions,
}

impl ClaimContext<'_> {
    fn at(&self, i: usize, field: &'static str) -> (usize, usize) {
        self.positions.at(&[Step::Key("claims"), Step::Index(i), Step::Key(field)])
    }

    fn error(&self, i: usize, field: &'static str, message: String, help: String) -> Diagnostic {
        Diagnostic::error(self.file, self.at(i, field), message).help(help)
    }

    fn entity(&self, i: usize, field: &'static str, name: &str, diags: &mut Vec<Diagnostic>) -> Option<usize> {
        match self.registry.entity(name) {
            Ok(e) => Some(e),
            Err(nf) => {
                diags.push(self.error(
                    i,
                    field,
                    format!("unknown entity `{name}`"),
                    did_you_mean(&nf.suggestions, "add it (or this spelling of it) to a registry file"),
                ));
                None
            }
        }
    }

    fn claim(&self, i: usize, raw: &raw::Claim, source: usize, diags: &mut Vec<Diagnostic>) -> Claim {
        let position = self.positions.at(&[Step::Key("claims"), Step::Index(i)]);
        let subject = self.entity(i, "subject", &raw.subject, diags);
        let property = match self.registry.property(&raw.property) {
            Ok(p) => Some(p),
            Err(nf) => {
                diags.push(self.error(
                    i,
                    "property",
                    format!("unknown property `{}`", raw.property),
                    did_you_mean(&nf.suggestions, "add it to a registry file"),
                ));
                None
            }
        };
        let mut qualifiers = BTreeMap::new();
        for (key, value) in &raw.qualifiers {
            let value = if ENTITY_QUALIFIERS.contains(&key.as_str()) {
                match self.entity(i, "qualifiers", value, diags) {
                    Some(e) => self.registry.entities[e].id.clone(),
                    None => continue,
                }
            } else {
                value.trim().to_string()
            };
            qualifiers.insert(key.clone(), value);
        }
        let attributed_to = raw.attributed_to.as_deref().and_then(|a| self.entity(i, "attributed_to", a, diags));
        let as_of =
            raw.as_of.as_deref().and_then(|a| match value::read_as(a, &self.read_options(0.0), ValueKind::Date) {
                Ok(r) if r.kind == ValueKind::Date => Some(r),
                Ok(_) => {
                    diags.push(self.error(
                        i,
                        "as_of",
                        format!("as_of `{a}` is not a date"),
                        "write a date such as 2022-01-06 or 2022-01".into(),
                    ));
                    None
                }
                Err(e) => {
                    diags.push(self.error(
                        i,
                        "as_of",
                        format!("as_of `{a}` does not read: {e}"),
                        "write a date such as 2022-01-06 or 2022-01".into(),
                    ));
                    None
                }
            });
        let mut value = Value::Invalid;
        if let Some(p) = property {
            let prop = &self.registry.properties[p];
            value = self.value(i, raw, prop, diags);
            if let (Some(unit), Some(expected)) = (&raw.unit, &prop.unit)
                && unit != expected
            {
                diags.push(self.error(
                    i,
                    "unit",
                    format!("unit `{unit}` differs from `{expected}`, the unit of `{}`", prop.id),
                    format!("write the figure in {expected}, or use a property measured in {unit}"),
                ));
            }
        }
        let location = self.locate_quote(i, raw, diags);
        if let (Some(loc), Value::Reading(reading)) = (&location, &value) {
            self.check_support(i, raw, loc, reading, diags);
        }
        Claim {
            id: raw.id.clone(),
            source,
            subject: subject.unwrap_or(usize::MAX),
            property: property.unwrap_or(usize::MAX),
            qualifiers,
            raw_value: raw.value.clone(),
            value: if subject.is_some() { value } else { Value::Invalid },
            unit: raw.unit.clone().or_else(|| property.and_then(|p| self.registry.properties[p].unit.clone())),
            as_of,
            as_of_raw: raw.as_of.clone(),
            attributed_to,
            quote: raw.quote.clone(),
            note: raw.note.clone(),
            location,
            position,
        }
    }

    fn read_options(&self, tolerance: f64) -> ReadOptions {
        ReadOptions { tolerance, ..ReadOptions::default() }
    }

    fn value(&self, i: usize, raw: &raw::Claim, prop: &super::Property, diags: &mut Vec<Diagnostic>) -> Value {
        let kind = prop.kind;
        match (&raw.value, kind) {
            (RawValue::One(s), _) if s.trim() == "missing" => Value::Missing,
            (RawValue::One(name), PropertyKind::Entity) => {
                self.entity(i, "value", name, diags).map_or(Value::Invalid, Value::Entity)
            }
            (RawValue::Many(names), PropertyKind::Set) => {
                let mut set: Vec<usize> = names.iter().filter_map(|n| self.entity(i, "value", n, diags)).collect();
                set.sort_unstable();
                set.dedup();
                if set.len() == names.len() { Value::Set(set) } else { Value::Invalid }
            }
            (RawValue::One(_), PropertyKind::Set) => {
                diags.push(self.error(
                    i,
                    "value",
                    format!("`{}` takes a list of entities", prop.id),
                    "write the value as [\"russia\", \"belarus\"]".into(),
                ));
                Value::Invalid
            }
            (RawValue::Many(_), _) => {
                diags.push(self.error(
                    i,
                    "value",
                    format!("`{}` takes one value, not a list", prop.id),
                    "write a single value, or use a property of kind set".into(),
                ));
                Value::Invalid
            }
            (RawValue::One(expr), _) => {
                match value::read_as(expr, &self.read_options(prop.tolerance), value_kind(kind)) {
                    Ok(reading) if kind_fits(kind, reading.kind) => Value::Reading(reading),
                    Ok(reading) => {
                        diags.push(self.error(
                            i,
                            "value",
                            format!(
                                "`{expr}` reads as a {}, but `{}` takes a {}",
                                kind_name(reading.kind),
                                prop.id,
                                expected_name(kind)
                            ),
                            example(kind).into(),
                        ));
                        Value::Invalid
                    }
                    Err(e) => {
                        let (line, col) = self.at(i, "value");
                        let col = col + 1 + expr.get(..e.at).map_or(0, |s| s.chars().count());
                        diags.push(
                            Diagnostic::error(
                                self.file,
                                (line, col),
                                format!("value `{expr}` does not read: {}", e.message),
                            )
                            .help(format!(
                                "{}; `claimcheck value EXPR` shows how an expression is read",
                                example(kind)
                            )),
                        );
                        Value::Invalid
                    }
                }
            }
        }
    }

    fn locate_quote(&self, i: usize, raw: &raw::Claim, diags: &mut Vec<Diagnostic>) -> Option<QuoteLocation> {
        let text = &self.source.text;
        if let Some(range) = self.found.get(i).cloned().flatten() {
            let (line, column) = self.lines.line_col(text, range.start);
            return Some(QuoteLocation { start: range.start, end: range.end, line, column });
        }
        let help = match self.index.nearest(&raw.quote) {
            Some(near) if near.similarity >= 0.5 => {
                let (line, col) = self.lines.line_col(text, near.range.start);
                let passage: String = text[near.range].split_whitespace().collect::<Vec<_>>().join(" ");
                format!(
                    "the nearest passage ({:.0}% alike) is at {}:{line}:{col}: «{passage}»; copy the quote from the text verbatim",
                    near.similarity * 100.0,
                    self.text_path.display()
                )
            }
            _ => format!("nothing in {} is close; is the claim in the right source file?", self.text_path.display()),
        };
        diags.push(self.error(i, "quote", format!("quote not found in {}", self.text_path.display()), help));
        None
    }

    /// The claim's figure must be stated in its quote.
    fn check_support(
        &self,
        i: usize,
        raw: &raw::Claim,
        loc: &QuoteLocation,
        reading: &Reading,
        diags: &mut Vec<Diagnostic>,
    ) {
        let passage = &self.source.text[loc.start..loc.end];
        let folded = Folded::new(passage, &self.source.glyphs, Mode::Read);
        let opts = self.reading;
        let mentions = value::mentions(&folded.text, &opts);
        // PDF extraction reverses the word order of some lines: read those backwards too.
        let reversed = || folded.text.split(' ').rev().collect::<Vec<_>>().join(" ");
        if mentions.iter().any(|m| states(&m.reading, reading))
            || states_year_digits(&folded.text, reading)
            || value::mentions(&reversed(), &opts).iter().any(|m| states(&m.reading, reading))
        {
            if raw.stated_as.is_some() {
                diags.push(
                    Diagnostic::warning(
                        self.file,
                        self.at(i, "stated_as"),
                        "`stated_as` is not needed: the quote states the value in words the reader reads",
                    )
                    .help("remove `stated_as` from this claim"),
                );
            }
            return;
        }
        if let Some(stated_as) = &raw.stated_as {
            let words = Folded::new(stated_as, &self.source.glyphs, Mode::Match).text;
            if !words.is_empty() && Folded::new(passage, &self.source.glyphs, Mode::Match).text.contains(&words) {
                return;
            }
            let help = "`stated_as` must repeat the words of the quote that state the value".to_string();
            diags.push(self.error(i, "stated_as", format!("`{stated_as}` is not in the quote"), help));
            return;
        }
        let found: Vec<String> = mentions.iter().map(|m| format!("`{}`", &folded.text[m.start..m.end])).collect();
        let help = if found.is_empty() {
            "the quote holds no figure or date; quote the passage that states it".to_string()
        } else {
            format!("the quote states {}; fix the value or quote the passage that states it", found.join(", "))
        };
        let help = format!("{help} (if the quote states it in words the reader cannot read, name them in `stated_as`)");
        diags.push(self.error(i, "value", format!("the quote does not state the value `{}`", raw.value), help));
    }
}

/// A year claim whose year stands in the quote as its own run of digits, even where the
/// text glued something to it (a footnote number: `30.2016`).
fn states_year_digits(folded: &str, claim: &Reading) -> bool {
    if claim.kind != ValueKind::Date || claim.precision != value::Precision::Year {
        return false;
    }
    let year = year_of(claim.nominal).to_string();
    folded.split(|c: char| !c.is_ascii_digit()).any(|run| run == year)
}

/// Does a figure read from a quote state the claim's value? The two must agree to the
/// precision each was written with: each one's figure lies in the other's interval.
pub fn states(mention: &Reading, claim: &Reading) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    // Sources write a fall as a positive figure beside a word for it; claims may sign it.
    let nominal = if claim.nominal < 0.0 && mention.nominal > 0.0 { -claim.nominal } else { claim.nominal };
    let flip = |i: &value::Interval| {
        if nominal == claim.nominal { *i } else { value::Interval { lo: i.hi.map(|v| -v), hi: i.lo.map(|v| -v) } }
    };
    let claim_interval = flip(&claim.interval);
    let same_figure = || {
        close(mention.nominal, nominal)
            || (mention.interval.contains(nominal) && claim_interval.contains(mention.nominal))
    };
    let same_hi = || {
        claim.hedge != value::Hedge::Range
            || matches!((mention.interval.hi, claim_interval.hi), (Some(a), Some(b)) if close(a, b))
    };
    match (claim.kind, mention.kind) {
        (ValueKind::Date, ValueKind::Date) => {
            let (m, c) = (&mention.interval, &claim.interval);
            m.overlaps(c) && (close(mention.nominal, claim.nominal) || within(m, c) || within(c, m))
        }
        // A year written as a bare number.
        (ValueKind::Date, ValueKind::Number) => {
            claim.precision == value::Precision::Year && close(mention.nominal, year_of(claim.nominal) as f64)
        }
        (ValueKind::Percent, ValueKind::Number) | (ValueKind::Multiplier, ValueKind::Number) => same_figure(),
        (a, b) => a == b && same_figure() && same_hi(),
    }
}

fn within(inner: &value::Interval, outer: &value::Interval) -> bool {
    let lo_ok = match (inner.lo, outer.lo) {
        (_, None) => true,
        (Some(a), Some(b)) => a >= b,
        (None, Some(_)) => false,
    };
    let hi_ok = match (inner.hi, outer.hi) {
        (_, None) => true,
        (Some(a), Some(b)) => a <= b,
        (None, Some(_)) => false,
    };
    lo_ok && hi_ok
}

/// The kind of reading a property takes, to settle forms such as a bare `1991`.
fn value_kind(kind: PropertyKind) -> ValueKind {
    match kind {
        PropertyKind::Percentage => ValueKind::Percent,
        PropertyKind::Ratio => ValueKind::Multiplier,
        PropertyKind::Date => ValueKind::Date,
        _ => ValueKind::Number,
    }
}

pub(crate) fn kind_fits(property: PropertyKind, value: ValueKind) -> bool {
    matches!(
        (property, value),
        (PropertyKind::Quantity | PropertyKind::Rank, ValueKind::Number)
            | (PropertyKind::Percentage, ValueKind::Percent)
            | (PropertyKind::Ratio, ValueKind::Multiplier | ValueKind::Number)
            | (PropertyKind::Date, ValueKind::Date)
    )
}

fn kind_name(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Number => "number",
        ValueKind::Percent => "percentage",
        ValueKind::Multiplier => "multiplier",
        ValueKind::Date => "date",
    }
}

fn expected_name(kind: PropertyKind) -> &'static str {
    match kind {
        PropertyKind::Quantity | PropertyKind::Rank => "number",
        PropertyKind::Percentage => "percentage",
        PropertyKind::Ratio => "multiplier",
        PropertyKind::Date => "date",
        PropertyKind::Entity => "entity",
        PropertyKind::Set => "list of entities",
    }
}

fn example(kind: PropertyKind) -> &'static str {
    match kind {
        PropertyKind::Quantity => "write a figure such as 2500, ~19e6, >1.5e6 or 2e9..3e9",
        PropertyKind::Rank => "write the rank as a number, e.g. 2",
        PropertyKind::Percentage => "write a percentage such as 75% or ~20%",
        PropertyKind::Ratio => "write a multiplier such as x2",
        PropertyKind::Date => "write a date such as 2022-01-05, 2022-01 or 1991",
        PropertyKind::Entity => "write an entity id or alias",
        PropertyKind::Set => "write a list of entity ids",
    }
}

fn did_you_mean(suggestions: &[String], otherwise: &str) -> String {
    match suggestions {
        [] => otherwise.to_string(),
        [one] => format!("did you mean `{one}`? If not, {otherwise}"),
        many => format!(
            "did you mean one of {}? If not, {otherwise}",
            many.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(expr: &str, kind: ValueKind) -> Reading {
        value::read_as(expr, &ReadOptions::default(), kind).unwrap()
    }

    /// Does the quote (already folded) state the claim's value?
    fn supported(quote: &str, value: &str, kind: ValueKind) -> bool {
        let opts = source_read_options(Some("2022-01-10"));
        let claim = reading(value, kind);
        value::mentions(&crate::text::fold(quote, Mode::Read), &opts).iter().any(|m| states(&m.reading, &claim))
    }

    #[test]
    fn the_quote_must_state_the_figure_to_its_precision() {
        assert!(supported("أرسلت 2500 جندي", "2500", ValueKind::Number));
        assert!(!supported("أرسلت 25000 جندي", "2500", ValueKind::Number));
        assert!(!supported("أرسلت 2500 جندي", "25000", ValueKind::Number));
        assert!(supported("حوالي 19 مليون نسمة", "~19e6", ValueKind::Number));
        assert!(supported("حوالي 19 مليون نسمة", "19000000", ValueKind::Number));
        assert!(!supported("حوالي 19 مليون نسمة", "18776707", ValueKind::Number));
        assert!(supported("بين 2 و3 مليار دولار", "2e9..3e9", ValueKind::Number));
        assert!(!supported("بين 2 و4 مليار دولار", "2e9..3e9", ValueKind::Number));
        assert!(supported("ثلث الناتج", "~33%", ValueKind::Percent));
        assert!(supported("بانخفاض قدره 2.84%", "-2.84%", ValueKind::Percent));
    }

    #[test]
    fn dates_are_stated_at_any_precision_that_contains_them() {
        assert!(supported("يوم ٢٠٢٢/١/٥", "2022-01-05", ValueKind::Date));
        assert!(supported("في 5 يناير", "2022-01-05", ValueKind::Date));
        assert!(supported("في يناير 2022", "2022-01", ValueKind::Date));
        assert!(!supported("يوم ٢٠٢٢/١/٥", "2022-01-06", ValueKind::Date));
        assert!(supported("منذ عام 1991", "1991", ValueKind::Date));
        assert!(states_year_digits("منذ العام 30.2016", &reading("2016", ValueKind::Date)));
        assert!(!states_year_digits("منذ العام 30.2016", &reading("2015", ValueKind::Date)));
    }
}
