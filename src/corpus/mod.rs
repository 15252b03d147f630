//! Loading a corpus: source texts, claims and registries, validated, with every problem
//! reported (file, line, column, what to do) rather than only the first.

mod claim;
pub mod files;
pub mod glyph_map;
pub mod glyphs;
mod load;
pub mod locate;
pub mod raw;
pub mod registry;
mod support;
mod vocabulary;

pub(crate) use claim::{kind_fits, tolerance, value_kind};
pub use files::{CorpusFiles, DiskFiles, Limits, MemoryFiles};
pub use load::{load, load_from, load_with};
pub(crate) use load::{parse, read_json};
pub use raw::{PropertyKind, RawValue, SourceMeta};
pub use registry::{Entity, Property, Registry};
pub use support::{published_year, quote_states, source_read_options, states};

use crate::diagnostic::Diagnostic;
use crate::text::GlyphMap;
use crate::value::Reading;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug)]
pub struct Corpus {
    pub root: PathBuf,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub registry: Registry,
    pub diagnostics: Vec<Diagnostic>,
}

impl Corpus {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Lets go of each source's text and line index once nothing more will read them: quotes
    /// were located and coverage measured, and what reports show of a text (a claim's line
    /// and column, where its value stands in its quote) was kept. The texts are most of a
    /// large corpus; a report that shows them (HTML) needs them kept.
    pub fn release_texts(&mut self) {
        for source in &mut self.sources {
            source.text = String::new();
            source.lines = locate::LineIndex::new("");
        }
        give_back_freed_memory();
    }
}

/// Returns what the allocator holds free to the system. glibc keeps freed memory for reuse
/// in each thread's arena, and the texts were read across threads: without this, the
/// memory of the texts counts in the peak of the rest of the run as if never released.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[derive(Debug)]
pub struct Source {
    pub meta: SourceMeta,
    /// The claims file, relative to the corpus root.
    pub file: PathBuf,
    /// The text file, relative to the corpus root.
    pub text_file: PathBuf,
    pub text: String,
    pub glyphs: GlyphMap,
    /// How the figures of its text are read: dates without a year take its year, relative
    /// dates count from its publication date.
    pub reading: crate::value::ReadOptions,
    /// Where the lines of `text` start: positions in it are looked up, never counted.
    pub lines: locate::LineIndex,
}

impl Source {
    /// Text of this source as people should read it: private-use glyphs decoded.
    pub fn decode<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        if self.glyphs.is_empty() || !text.chars().any(|c| self.glyphs.contains_key(&c)) {
            return std::borrow::Cow::Borrowed(text);
        }
        text.chars()
            .map(|c| self.glyphs.get(&c).map_or_else(|| c.to_string(), String::clone))
            .collect::<String>()
            .into()
    }
}

#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    /// Index into `Corpus::sources`.
    pub source: usize,
    /// Entity index.
    pub subject: usize,
    /// Property index.
    pub property: usize,
    /// Qualifier name → canonical value (an entity id where the value names one).
    pub qualifiers: BTreeMap<String, String>,
    pub raw_value: RawValue,
    pub value: Value,
    pub unit: Option<String>,
    /// The unit its value is compared in, when the property has a dimension: the
    /// dimension's base unit, or the currency.
    pub compared_in: Option<String>,
    /// A currency: the value is compared only with values in the same one.
    pub currency: Option<String>,
    /// Boxed: most claims have none, and a reading is 96 bytes.
    pub as_of: Option<Box<Reading>>,
    pub as_of_raw: Option<Box<str>>,
    /// Entity index of who the source says stated it.
    pub attributed_to: Option<usize>,
    /// Shared with the report, which shows it as written unless glyphs or hidden characters
    /// change it.
    pub quote: std::sync::Arc<str>,
    pub note: Option<Box<str>>,
    /// Where the quote stands in the original text.
    pub location: Option<QuoteLocation>,
    /// Byte ranges of the quote's passage in the text (`location`) that state the value, as
    /// the loader found them checking the quote; `None` unless the passage shows exactly as
    /// the quote does (its private-use glyphs decoded), when the ranges are also the quote's.
    pub value_in_passage: Option<Vec<std::ops::Range<usize>>>,
    /// Line and column of the claim object in its claims file.
    pub position: (usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A figure, percentage, multiplier or date, read to an interval.
    Reading(Reading),
    Entity(usize),
    /// Entity indexes, sorted.
    Set(Vec<usize>),
    /// The source's figure was lost; never compared.
    Missing,
    /// The value did not read (an error was reported); never compared.
    Invalid,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct QuoteLocation {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}
