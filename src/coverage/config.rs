//! The corpus's coverage settings: `coverage.json` (which skip rules are on, extra cues)
//! and `coverage-ignore.json` (mentions the editors judged not to be assertions).
//! Both are optional; every problem in them is an error at its line and column.

use super::rules::Rule;
use crate::corpus::locate::{Step, locate};
use crate::corpus::{CorpusFiles, DiskFiles, Limits};
use crate::diagnostic::Diagnostic;
use crate::text::{Mode, fold};
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const CONFIG: &str = "coverage.json";
pub const IGNORE: &str = "coverage-ignore.json";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    coverage: Settings,
}

/// The `coverage` section as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    /// Rule name → on or off; rules not named keep their default (on).
    #[serde(default)]
    rules: BTreeMap<String, bool>,
    /// Words or phrases that mark a line as a citation (added to the built-in ones).
    #[serde(default)]
    reference_keywords: Vec<String>,
    /// Regular expressions that mark a line as a citation (added to the built-in ones).
    #[serde(default)]
    reference_patterns: Vec<String>,
    /// Lines longer than this are paragraphs, never citations.
    #[serde(default)]
    reference_line_max_chars: Option<usize>,
    /// Words before an ordinal that make it a rank ("المرتبة الثانية").
    #[serde(default)]
    rank_words: Vec<String>,
    /// Words that on their own are no figure ("عدة": several).
    #[serde(default)]
    not_figures: Vec<String>,
}

/// Built-in citation cues: a line holding one of these is a reference, not an assertion.
const REFERENCE_KEYWORDS: &[&str] = &[
    "تاريخ الزيارة",
    "تاريخ النشر",
    "تاريخ الاطلاع",
    "متاح على",
    "متوفر على",
    "على الرابط",
    "pic.twitter.com",
    "ويكيبيديا",
];

/// Word boundaries are ASCII ones, `(?-u:\b)`: they stand next to Latin letters and digits,
/// and a Unicode one makes the regex engine give up its fast automaton on Arabic lines.
const REFERENCE_PATTERNS: &[&str] = &[
    // A URL or a bare domain.
    r"(?i)https?://|www\.|(?-u:\b)[a-z0-9-]+\.(?:com|org|net|info|ru|kz|gov|edu)(?-u:\b)",
    // A page or an issue: "ص 12", "ص. 12", "العدد 4", "pp. 3", "Vol. 2".
    r"(?:^|\s)ص\s*\.?\s*[0-9٠-٩]",
    r"العدد\s*[(:]?\s*[0-9٠-٩]",
    r"(?i)(?-u:\b)(?:pp?|vol|no)\.\s*[0-9]",
    // A byline: the line is "By Name Name" and perhaps ", Agency, date". Only the whole
    // line: "led by Moscow" and "By January 19, all had left" are sentences. (A line of
    // Latin text with a year counts too, in a text of another script: see
    // rules::latin_is_foreign.)
    r"^\s*[Bb]y:?\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*(?:[,|–—]\s.*)?$",
    // A copyright line; a citation that ends with its date and a colon before the link.
    r"©\s*[0-9]",
    r"[0-9٠-٩]{4}\s*:\s*$",
    r"[0-9٠-٩]{4}\s*[،,:]?\s*الموقع",
    // A publisher and a year: "مجلة …، 2019".
    r#"(?:^|[\s«"(])(?:مجلة|صحيفة|جريدة|دار|منشورات|مطبعة)\s[^.\n]{0,80}[،,]\s*\(?[0-9٠-٩]{4}"#,
];

/// The built-in patterns, compiled once: compiling them is most of the work of loading a
/// small corpus (a regex is cheap to clone).
static BUILT_IN_PATTERNS: std::sync::LazyLock<Vec<Regex>> = std::sync::LazyLock::new(|| {
    REFERENCE_PATTERNS.iter().map(|p| Regex::new(p).expect("the built-in patterns are valid")).collect()
});

const RANK_WORDS: &[&str] = &["المرتبة", "المركز", "المرة", "الدرجة", "بالمرتبة", "بالمركز"];
const RANK_AFTER: &[&str] = &["أكبر", "أطول", "أغنى", "أهم", "أكثر", "أقوى", "أعلى", "أفقر", "أكبرها"];
const NOT_FIGURES: &[&str] = &["عدة", "several"];
const REFERENCE_LINE_MAX_CHARS: usize = 300;

/// Settings ready to apply: rule switches, folded cue words, compiled patterns.
#[derive(Debug)]
pub struct Config {
    off: Vec<Rule>,
    pub reference_keywords: Vec<String>,
    pub reference_patterns: Vec<Regex>,
    pub reference_line_max_chars: usize,
    /// Folded (Read mode).
    pub rank_before: Vec<String>,
    pub rank_after: Vec<String>,
    pub not_figures: Vec<String>,
    pub ignore: Vec<IgnoreEntry>,
    /// Where the ignore list lives, for warnings about its entries.
    pub ignore_file: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        let folded = |list: &[&str]| list.iter().map(|w| fold(w, Mode::Read)).collect();
        Config {
            off: Vec::new(),
            reference_keywords: REFERENCE_KEYWORDS.iter().map(|s| s.to_string()).collect(),
            reference_patterns: BUILT_IN_PATTERNS.clone(),
            reference_line_max_chars: REFERENCE_LINE_MAX_CHARS,
            rank_before: folded(RANK_WORDS),
            rank_after: folded(RANK_AFTER),
            not_figures: folded(NOT_FIGURES),
            ignore: Vec::new(),
            ignore_file: PathBuf::from(IGNORE),
        }
    }
}

impl Config {
    pub fn is_on(&self, rule: Rule) -> bool {
        !self.off.contains(&rule)
    }

    pub fn turn_off(&mut self, rule: Rule) {
        self.off.push(rule);
    }

    /// Reads both files from the corpus folder; a missing file means the defaults.
    pub fn load(root: &Path, sources: &[&str], diags: &mut Vec<Diagnostic>) -> Config {
        Config::load_from(&DiskFiles::new(root), &Limits::default(), sources, diags)
    }

    /// [`Config::load`] from any set of corpus files.
    pub fn load_from(
        files: &dyn CorpusFiles,
        limits: &Limits,
        sources: &[&str],
        diags: &mut Vec<Diagnostic>,
    ) -> Config {
        let root = files.root();
        let mut config = Config { ignore_file: root.join(IGNORE), ..Config::default() };
        if let Some((json, file)) = read::<ConfigFile>(files, limits, CONFIG, diags) {
            config.apply(&root.join(CONFIG), &json, file.coverage, diags);
        }
        if let Some((json, file)) = read::<IgnoreFile>(files, limits, IGNORE, diags) {
            config.ignore = check_ignore(&root.join(IGNORE), &json, file.ignore, sources, diags);
        }
        config
    }

    fn apply(&mut self, file: &Path, json: &str, s: Settings, diags: &mut Vec<Diagnostic>) {
        for (name, on) in &s.rules {
            match Rule::from_name(name) {
                Some(rule) if !on => self.turn_off(rule),
                Some(_) => {}
                None => diags.push(
                    Diagnostic::error(
                        file,
                        locate(json, &[Step::Key("coverage"), Step::Key("rules")]),
                        format!("unknown rule `{name}`"),
                    )
                    .help(format!("the rules are {}", Rule::ALL.map(|r| format!("`{}`", r.name())).join(", "))),
                ),
            }
        }
        self.reference_keywords.extend(s.reference_keywords);
        for (i, pattern) in s.reference_patterns.iter().enumerate() {
            match Regex::new(pattern) {
                Ok(re) => self.reference_patterns.push(re),
                Err(e) => diags.push(
                    Diagnostic::error(
                        file,
                        locate(json, &[Step::Key("coverage"), Step::Key("reference_patterns"), Step::Index(i)]),
                        format!("`{pattern}` is not a regular expression: {}", one_line(&e.to_string())),
                    )
                    .help("write the pattern in the syntax of the Rust regex crate (https://docs.rs/regex)"),
                ),
            }
        }
        if let Some(n) = s.reference_line_max_chars {
            self.reference_line_max_chars = n;
        }
        self.rank_before.extend(s.rank_words.iter().map(|w| fold(w, Mode::Read)));
        self.not_figures.extend(s.not_figures.iter().map(|w| fold(w, Mode::Read)));
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IgnoreFile {
    ignore: Vec<RawIgnore>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    source: String,
    mention: String,
    #[serde(default)]
    line: Option<usize>,
    #[serde(default)]
    context: Option<String>,
    reason: String,
}

/// A mention the editors judged not to be an assertion, and why.
#[derive(Debug, Clone)]
pub struct IgnoreEntry {
    pub source: String,
    /// The mention as written, and folded for matching.
    pub mention: String,
    pub mention_folded: String,
    pub line: Option<usize>,
    /// Words of the mention's line (folded for matching), robust to the line moving.
    pub context_folded: Option<String>,
    pub reason: String,
    /// Where the entry is written.
    pub position: (usize, usize),
}

fn check_ignore(
    file: &Path,
    json: &str,
    raw: Vec<RawIgnore>,
    sources: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> Vec<IgnoreEntry> {
    let mut out = Vec::new();
    for (i, e) in raw.into_iter().enumerate() {
        let at = |field: &'static str| locate(json, &[Step::Key("ignore"), Step::Index(i), Step::Key(field)]);
        let mut ok = true;
        if e.reason.trim().is_empty() {
            diags.push(
                Diagnostic::error(file, at("reason"), "an ignore entry needs a reason")
                    .help("say why this mention is no assertion, e.g. \"the publisher's founding year on the cover\""),
            );
            ok = false;
        }
        if !sources.contains(&e.source.as_str()) {
            diags.push(Diagnostic::error(file, at("source"), format!("unknown source `{}`", e.source)).help(format!(
                "the sources are {}",
                sources.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
            )));
            ok = false;
        }
        let mention_folded = fold(&e.mention, Mode::Match);
        if mention_folded.is_empty() {
            diags.push(
                Diagnostic::error(file, at("mention"), "`mention` is empty")
                    .help("copy the mention as it stands in the text, e.g. \"2014\""),
            );
            ok = false;
        }
        let context_folded = e.context.as_deref().map(|c| fold(c, Mode::Match));
        if e.line.is_none() && context_folded.as_deref().is_none_or(str::is_empty) {
            diags.push(
                Diagnostic::error(
                    file,
                    locate(json, &[Step::Key("ignore"), Step::Index(i)]),
                    "an ignore entry needs a `line` or a `context`",
                )
                .help("give `context`, a few words of the mention's line (it survives edits above it), or its `line`"),
            );
            ok = false;
        }
        if ok {
            out.push(IgnoreEntry {
                source: e.source,
                mention: e.mention,
                mention_folded,
                line: e.line,
                context_folded,
                reason: e.reason,
                position: locate(json, &[Step::Key("ignore"), Step::Index(i)]),
            });
        }
    }
    out
}

/// Reads and parses a JSON file; `None` when it is absent or broken (then with an error).
fn read<T: serde::de::DeserializeOwned>(
    files: &dyn CorpusFiles,
    limits: &Limits,
    name: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<(String, T)> {
    let json = crate::corpus::read_json(files, limits, Path::new(name), diags)?;
    let parsed = crate::corpus::parse(&files.root().join(name), &json, diags)?;
    Some((json, parsed))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
