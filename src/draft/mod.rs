//! Drafting claims for figures no claim encodes yet: `claimcheck draft TEXT` for a new text,
//! `coverage --suggest` for what a corpus text leaves uncovered.
//!
//! Each figure's claim takes its value as the reader reads it, its quote from the clause
//! around it (verbatim, widened to the date that dates it), its property from the cues the
//! registry declares near it, its unit from the property and the words after the figure,
//! its subject from the entities the sentence names (or the text's main one of the kind
//! the property's claims are about), qualifiers the registry declares, `as_of` from a date
//! in the sentence and `attributed_to` from a speech verb and the entity beside it. Every
//! guess is recorded in the claim's `draft` object with its confidence and the words that
//! led to it. A figure whose property or subject cannot be guessed, or whose drafted claim
//! the quote would not support, is left out and listed with the reason.

pub mod clause;
pub mod cues;
pub mod declared;

use crate::corpus::{Corpus, PropertyKind, Source, kind_fits, quote_states};
use crate::coverage::{Mention, Status, suggest::Compactor};
use crate::value::{self, Hedge, ValueKind};
use clause::Paragraphs;
use cues::{Lexicon, Word};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// How sure the drafter is of one field, and the words of the text that led to it.
#[derive(Debug, Clone, Serialize)]
pub struct Guess {
    pub confidence: Confidence,
    pub from: String,
}

/// A drafted claim in the claims format, with its `draft` object.
#[derive(Debug, Clone, Serialize)]
pub struct DraftClaim {
    pub id: String,
    pub subject: String,
    pub property: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub qualifiers: BTreeMap<String, String>,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<String>,
    pub quote: String,
    /// The words of the quote that state the value where the reader reads them otherwise
    /// (a date without its year, in the year the text named before it), with the note why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_as: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the quote stands in the text (bytes): how a draft is compared with claims.
    #[serde(skip)]
    pub quote_range: (usize, usize),
    /// Field → the guess behind it (the loader ignores this object).
    pub draft: BTreeMap<String, Guess>,
}

/// A claim and the mention it is for.
#[derive(Debug, Clone, Serialize)]
pub struct Drafted {
    pub line: usize,
    pub column: usize,
    pub mention: String,
    /// The mention's byte range in the text.
    #[serde(skip)]
    pub range: (usize, usize),
    pub claim: DraftClaim,
}

/// A figure the drafter left out, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Unplaced {
    /// The mention's byte range in the text.
    #[serde(skip)]
    pub range: (usize, usize),
    pub line: usize,
    pub column: usize,
    pub mention: String,
    pub value: String,
    pub reason: String,
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct Draft {
    pub claims: Vec<Drafted>,
    pub unplaced: Vec<Unplaced>,
}

/// What the corpus's claims say about each property: the subjects they are about and the
/// qualifier keys they use (with the kinds of entity an entity qualifier names).
pub struct Priors {
    subjects: HashMap<usize, BTreeMap<usize, usize>>,
    qualifier_kinds: HashMap<usize, BTreeMap<String, HashSet<String>>>,
    /// Claims per subject over the whole corpus: the tie-break between subjects.
    subject_weight: HashMap<usize, usize>,
    /// The years the corpus's claims date each (subject, property) of a date in.
    years: HashMap<(usize, usize), BTreeSet<i64>>,
    /// What each property's description declares, by property index.
    declared: Vec<declared::Declared>,
    /// The kinds of entity each qualifier key names over all properties: the kinds of a
    /// key no claim of the property uses yet.
    key_kinds: HashMap<String, HashSet<String>>,
}

impl Priors {
    pub fn of(corpus: &Corpus) -> Priors {
        Priors::learned(corpus, |_| true)
    }

    /// What the claims of every source but `source` (an index of `corpus.sources`) say: a
    /// text of the corpus drafted afresh learns nothing from its own claims.
    pub fn without_source(corpus: &Corpus, source: usize) -> Priors {
        Priors::learned(corpus, |c| c.source != source)
    }

    fn learned(corpus: &Corpus, keep: impl Fn(&crate::corpus::Claim) -> bool) -> Priors {
        let mut p = Priors {
            subjects: HashMap::new(),
            qualifier_kinds: HashMap::new(),
            subject_weight: HashMap::new(),
            years: HashMap::new(),
            declared: declared::of(&corpus.registry),
            key_kinds: HashMap::new(),
        };
        for c in corpus.claims.iter().filter(|c| keep(c)) {
            *p.subjects.entry(c.property).or_default().entry(c.subject).or_default() += 1;
            *p.subject_weight.entry(c.subject).or_default() += 1;
            if let crate::corpus::Value::Reading(r) = &c.value
                && r.kind == ValueKind::Date
                && let (Some(lo), Some(hi)) = (r.interval.lo, r.interval.hi)
            {
                let years = p.years.entry((c.subject, c.property)).or_default();
                years.insert(value::ymd_from_days(lo as i64).0);
                years.insert(value::ymd_from_days(hi as i64).0);
            }
            for (key, value) in &c.qualifiers {
                let kinds = p.qualifier_kinds.entry(c.property).or_default().entry(key.clone()).or_default();
                if let Some(e) = corpus.registry.find_entity(value) {
                    kinds.insert(corpus.registry.entities[e].kind.clone());
                    p.key_kinds.entry(key.clone()).or_default().insert(corpus.registry.entities[e].kind.clone());
                }
            }
        }
        p
    }

    /// The qualifier keys a property's claims use or its description declares, each with
    /// the kinds of entity its values are (those of the key over all properties when the
    /// property's own claims show none).
    fn qualifier_keys(&self, property: usize) -> BTreeMap<String, HashSet<String>> {
        let mut keys = self.qualifier_kinds.get(&property).cloned().unwrap_or_default();
        if let Some(d) = self.declared.get(property) {
            for key in &d.keys {
                keys.entry(key.clone()).or_default();
            }
        }
        for (key, kinds) in keys.iter_mut() {
            if kinds.is_empty() {
                kinds.extend(self.key_kinds.get(key).into_iter().flatten().cloned());
            }
        }
        keys
    }

    /// The one subject the property's description names, if any.
    fn declared_subject(&self, property: usize) -> Option<usize> {
        self.declared.get(property).and_then(|d| d.subject)
    }

    /// The kinds of entity the property's claims are about (none known: any).
    fn subject_kinds<'c>(&'c self, corpus: &'c Corpus, property: usize) -> HashSet<&'c str> {
        self.subjects
            .get(&property)
            .into_iter()
            .flat_map(|s| s.keys())
            .map(|&e| corpus.registry.entities[e].kind.as_str())
            .chain(self.declared.get(property).into_iter().flat_map(|d| d.kinds.iter().map(String::as_str)))
            .collect()
    }

    /// The subject most of the property's claims are about.
    fn usual_subject(&self, property: usize) -> Option<usize> {
        let subjects = self.subjects.get(&property)?;
        subjects
            .iter()
            .max_by_key(|&(&e, &n)| (n, self.subject_weight.get(&e).copied().unwrap_or(0), std::cmp::Reverse(e)))
            .map(|(&e, _)| e)
    }
}

/// Drafts a claim for every uncovered mention of `source` (its mentions, as coverage
/// classified them), with ids unique among `taken` (which it extends).
pub fn draft(
    corpus: &Corpus,
    priors: &Priors,
    source: &Source,
    mentions: &[Mention],
    language: Option<&str>,
    taken: &mut HashSet<String>,
) -> Draft {
    let lexicon = Lexicon::new(&corpus.registry, language);
    Drafter::new(corpus, priors, &lexicon, source, mentions).run(taken)
}

struct Drafter<'a> {
    corpus: &'a Corpus,
    priors: &'a Priors,
    lexicon: &'a Lexicon,
    source: &'a Source,
    mentions: &'a [Mention],
    paragraphs: Paragraphs<'a>,
    /// How often the text names each entity: its main subject of a kind is the most named.
    named: HashMap<usize, usize>,
    /// Where the text names an entity (byte ranges, in order): a date inside a name
    /// («January 2022 unrest») belongs to the name, not to a figure.
    names: Vec<(usize, usize)>,
    /// Where each name of an entity begins, with the entity, in order: «المدينة» is the city
    /// last named before it.
    named_at: Vec<(usize, usize)>,
    /// The figures (no dates) the text states, by byte range, in order: a qualifier named
    /// past another figure is that figure's.
    figures: Vec<(usize, usize)>,
    /// The property each figure drafted so far was given, by its start: «منهم 103» counts
    /// what the figure before it counts.
    placed: Vec<(usize, usize)>,
    compactor: Compactor,
}

/// An event a date dates in another clause of its sentence: its property and clause.
struct Event {
    property: usize,
    clause: (usize, usize),
    guess: Guess,
}

/// A figure's sentence: its words and where the figure stands among them.
struct Around {
    words: Vec<Word>,
    /// The clause's byte range.
    clause: (usize, usize),
    /// Passages outside the clause whose entities may qualify the figure: a place that
    /// fronts the sentence («وفي ألماتي، …», "In Mangystau, …") and the clause a relative
    /// clause («التي …», "which …") is about.
    reach: Vec<(usize, usize)>,
    /// Passages within the clause that belong to neither the date nor the event it dates:
    /// the rest of the date's clause and the other events between them («وأُعلنت حالة
    /// الطوارئ في ألماتي» does not place the internet's cut named after it).
    skip: Vec<(usize, usize)>,
    start: usize,
    end: usize,
}

impl Around {
    /// How far word `i` stands from the figure: the words of the mention itself (a counted
    /// noun read with it) 0, then by words between; a word before counts a little farther.
    fn distance(&self, i: usize) -> usize {
        let w = &self.words[i];
        if w.start >= self.start && w.end <= self.end {
            0
        } else if w.start >= self.end {
            2 * self.words[..i].iter().filter(|x| x.start >= self.end).count() + 2
        } else {
            2 * self.words[i + 1..].iter().filter(|x| x.end <= self.start).count() + 3
        }
    }

    fn in_clause(&self, i: usize) -> bool {
        let w = &self.words[i];
        w.start >= self.clause.0
            && w.end <= self.clause.1
            && !self.skip.iter().any(|&(a, b)| w.start >= a && w.end <= b)
    }

    /// In the clause or a passage that reaches into it.
    fn in_reach(&self, i: usize) -> bool {
        let w = &self.words[i];
        self.in_clause(i) || self.reach.iter().any(|&(a, b)| w.start >= a && w.end <= b)
    }

    /// The index of the figure's first word, or of the word after it.
    fn first(&self) -> usize {
        self.words.partition_point(|w| w.start < self.start)
    }

    /// The word before the figure, folded.
    fn word_before(&self) -> Option<&str> {
        self.first().checked_sub(1).map(|i| self.words[i].folded.as_str())
    }

    fn text(&self, text: &str, first: usize, last: usize) -> String {
        text[self.words[first].start..self.words[last].end].to_string()
    }
}

impl<'a> Drafter<'a> {
    fn new(
        corpus: &'a Corpus,
        priors: &'a Priors,
        lexicon: &'a Lexicon,
        source: &'a Source,
        mentions: &'a [Mention],
    ) -> Self {
        let mut named = HashMap::new();
        let words = cues::words(&source.text, 0, source.text.len());
        let (mut names, mut named_at) = (Vec::new(), Vec::new());
        for hit in lexicon.entities(&words) {
            *named.entry(hit.what).or_default() += 1;
            names.push((words[hit.first].start, words[hit.last].end));
            named_at.push((words[hit.first].start, hit.what));
        }
        Drafter {
            corpus,
            priors,
            lexicon,
            source,
            mentions,
            paragraphs: Paragraphs::new(&source.text, &source.lines),
            named,
            names,
            named_at,
            figures: {
                let mut f: Vec<(usize, usize)> = mentions
                    .iter()
                    .filter(|m| m.is_substantive() && m.reading.kind != ValueKind::Date)
                    .map(|m| (m.start, m.end))
                    .collect();
                f.sort_unstable();
                f
            },
            placed: Vec::new(),
            compactor: Compactor::default(),
        }
    }

    fn run(mut self, taken: &mut HashSet<String>) -> Draft {
        let mut out = Draft::default();
        let mut dating: HashSet<usize> = HashSet::new();
        let uncovered: Vec<&Mention> = self.mentions.iter().filter(|m| m.status == Status::Uncovered).collect();
        // Figures first, so that a date which dates one of them is known before the dates.
        let (dates, figures): (Vec<&Mention>, Vec<&Mention>) =
            uncovered.into_iter().partition(|m| m.reading.kind == ValueKind::Date);
        for m in figures.into_iter().chain(dates) {
            if let Some(claims) = self.start_and_end(m, &out.claims, &mut dating) {
                for mut claim in claims {
                    claim.id = unique_id(&self.source.meta.id, &claim.property, taken);
                    let (line, column, mention, range) = (m.line, m.column, m.text.clone(), (m.start, m.end));
                    out.claims.push(Drafted { line, column, mention, range, claim });
                }
                continue;
            }
            if let Some(reason) = self.not_a_figure(m) {
                out.unplaced.push(Unplaced {
                    range: (m.start, m.end),
                    line: m.line,
                    column: m.column,
                    mention: m.text.clone(),
                    value: m.value.clone(),
                    reason: reason.to_string(),
                });
                continue;
            }
            // A date that only dates a figure is that claim's as_of; one with an event of
            // its own in its clause («انطلقت في 2 كانون الثاني»), or of other clauses of its
            // sentence (a caption's date: «الإثنين 10 يناير: … في يوم الحداد الوطني»), is a
            // claim too.
            if m.reading.kind == ValueKind::Date
                && dating.contains(&m.start)
                && !self.own_event(m)
                && self.events(m).is_empty()
            {
                continue;
            }
            if m.reading.kind == ValueKind::Date
                && let Some(name) = self.name_around(m.start, m.end)
            {
                out.unplaced.push(Unplaced {
                    range: (m.start, m.end),
                    line: m.line,
                    column: m.column,
                    mention: m.text.clone(),
                    value: m.value.clone(),
                    reason: format!("part of the name «{name}», not a date of a figure"),
                });
                continue;
            }
            let mut drafted = self.figure(m, &mut dating, None);
            // One date may head several events: «استقالة الحكومة في الخامس من يناير، وفرض حالة
            // الطوارئ», "January 19 - The last units leave, and the state of emergency ends".
            if m.reading.kind == ValueKind::Date
                && let Ok(claims) = &mut drafted
            {
                let mut have: HashSet<String> = claims.iter().map(|c| c.property.clone()).collect();
                for event in self.events(m) {
                    if let Ok(more) = self.figure(m, &mut dating, Some(&event))
                        && more.first().is_some_and(|c| have.insert(c.property.clone()))
                    {
                        // All of them: an event in each place of a list.
                        claims.extend(more);
                    }
                }
            }
            match drafted {
                Ok(claims) => {
                    if m.reading.kind != ValueKind::Date
                        && let Some(first) = claims.first()
                        && let Ok(p) = self.corpus.registry.property(&first.property)
                    {
                        self.placed.push((m.start, p));
                    }
                    for mut claim in claims {
                        claim.id = unique_id(&self.source.meta.id, &claim.property, taken);
                        out.claims.push(Drafted {
                            line: m.line,
                            column: m.column,
                            mention: m.text.clone(),
                            range: (m.start, m.end),
                            claim,
                        });
                    }
                }
                Err(reason) => out.unplaced.push(Unplaced {
                    range: (m.start, m.end),
                    line: m.line,
                    column: m.column,
                    mention: m.text.clone(),
                    value: m.value.clone(),
                    reason,
                }),
            }
        }
        self.complete_changes(&mut out.claims);
        self.complete_anaphora(&mut out.claims);
        out.claims.sort_by_key(|d| (d.line, d.column));
        out
    }

    /// Why a mention states no fact of its own, where it is plainly so: a time of day
    /// ("[00:03:30]", «من الساعة 11 ليلاً») or the text's own day on its first lines (its
    /// dateline or byline, «نُشر يوم الجمعة 14 يناير 2022»).
    fn not_a_figure(&self, m: &Mention) -> Option<&'static str> {
        let text = &self.source.text;
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_numeric());
        let before = text[..m.start].trim_end_matches(' ');
        let after = text[m.end..].trim_start_matches(' ');
        let clock = (before.ends_with(':') && digit(before[..before.len() - 1].chars().next_back()))
            || (after.starts_with(':') && digit(after[1..].chars().next()));
        let hour_word = before.split_whitespace().next_back().is_some_and(|w| {
            let w = crate::text::fold(w, crate::text::Mode::Match);
            matches!(w.trim_start_matches(['و', 'م']), "الساعه" | "ساعه" | "الساعة" | "ساعة")
        }) || after.split_whitespace().next().is_some_and(|w| {
            let w = crate::text::fold(w.trim_end_matches(|c: char| !c.is_alphanumeric()), crate::text::Mode::Match);
            matches!(w.as_str(), "ليلا" | "صباحا" | "مساء" | "am" | "pm" | "a.m" | "p.m")
        });
        if m.reading.kind == ValueKind::Number && (clock || hour_word) {
            return Some("a time of day, not a figure");
        }
        let today = self.source.reading.reference_day? as f64;
        let line = self.source.lines.line_bounds(text, m.start);
        let on_its_day = m.reading.kind == ValueKind::Date
            && m.reading.interval.lo == Some(today)
            && m.reading.interval.hi == Some(today);
        let others = self.mentions.iter().any(|o| {
            o.start >= line.start && o.end <= line.end && o.reading.kind != ValueKind::Date && o.is_substantive()
        });
        (on_its_day && m.line <= 3 && line.end - line.start < 160 && !others)
            .then_some("the text's own day on its first lines: its dateline, not a date of a fact")
    }

    /// A span of days of an event the registry gives a start and an end ("it took the force
    /// six days to pull out, from January 13 to January 19", "the internet shutdown of
    /// January 5 to 10"): its first day is the event's start, its last its end, as an encoder
    /// writes them. The event is that of the figure the span dates, or of the span's own
    /// property.
    fn start_and_end(
        &mut self,
        m: &Mention,
        drafted: &[Drafted],
        dating: &mut HashSet<usize>,
    ) -> Option<Vec<DraftClaim>> {
        let r = &m.reading;
        let (lo, hi) = (r.interval.lo?, r.interval.hi?);
        if r.kind != ValueKind::Date || r.precision != value::Precision::Day || lo >= hi {
            return None;
        }
        let text = &self.source.text;
        let sentence = clause::sentence(text, &self.paragraphs, m.start, m.end);
        let dates = drafted.iter().find(|d| {
            d.claim.draft.get("as_of").is_some_and(|g| g.from == m.text)
                && clause::sentence(text, &self.paragraphs, d.range.0, d.range.1) == sentence
        });
        let dated = dates.map(|d| d.claim.property.clone());
        let corpus = self.corpus;
        let registry = &corpus.registry;
        let forms = |property: &str| {
            let event = ["_duration", "_start_date", "_end_date"].iter().find_map(|s| property.strip_suffix(s))?;
            let start = registry.property(&format!("{event}_start_date")).ok()?;
            let end = registry.property(&format!("{event}_end_date")).ok()?;
            Some((event.to_string(), start, end))
        };
        let (event, start, end) = match dated.as_deref().and_then(forms) {
            Some(found) => found,
            None => forms(&self.figure(m, &mut HashSet::new(), None).ok()?.first()?.property)?,
        };
        let read = self.anchored_year(m).map_or_else(|| r.clone(), |(a, _)| a);
        let clause = clause::clause_range(text, &self.paragraphs, m.start, m.end);
        let mut out = Vec::new();
        for (p, day) in [(start, read.interval.lo?), (end, read.interval.hi?)] {
            let from = format!("«{}» spans the {event} from its start to its end", m.text);
            let e = Event { property: p, clause, guess: Guess { confidence: Confidence::Medium, from } };
            let mut claim = self.figure(m, dating, Some(&e)).ok()?.into_iter().next()?;
            let mut one = read.clone();
            one.interval = value::Interval::point(day);
            one.nominal = day;
            one.hedge = Hedge::Exact;
            if claim.stated_as.is_none() {
                claim.stated_as = Some(text[m.start..m.end].to_string());
                claim.note =
                    Some(format!("«{}» is a span of days: its first day is the start, its last the end", m.text));
            }
            let id = registry.properties[p].id.clone();
            claim.property = id.clone();
            let quote = claim.quote_range;
            self.finish(&mut claim, &one, &m.text, quote, id).ok()?;
            out.push(claim);
        }
        dating.insert(m.start);
        Some(out)
    }

    /// The figures of one change share what the sentence says of one of them: the place
    /// («فيقفز سعر اللتر في محطات مانغيستاو إلى 120 تنغي بعدما ظل نحو 60 تنغي … أي إلى الضعف»:
    /// the before, the after and the multiplier are Mangystau's), and a lone figure of the
    /// after's property with no side of its own is its before ("rose to 120, having been 60").
    fn complete_changes(&self, claims: &mut [Drafted]) {
        let text = &self.source.text;
        let registry = &self.corpus.registry;
        let mut sentences: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (k, d) in claims.iter().enumerate() {
            sentences.entry(clause::sentence(text, &self.paragraphs, d.range.0, d.range.1)).or_default().push(k);
        }
        let sided = |c: &DraftClaim| {
            c.qualifiers.get(crate::graph::SCOPE).is_some_and(|s| s.starts_with("before-") || s.starts_with("after-"))
        };
        for ((a, b), members) in sentences {
            if members.len() < 2 || !self.lexicon.change(&cues::words(text, a, b)) {
                continue;
            }
            // A lone figure of the after's property is its before.
            for k in members.clone() {
                let Some(after) = claims[k].claim.qualifiers.get(crate::graph::SCOPE).cloned() else { continue };
                let Some(rest) = after.strip_prefix("after-") else { continue };
                let property = claims[k].claim.property.clone();
                let same: Vec<usize> =
                    members.iter().copied().filter(|&j| claims[j].claim.property == property).collect();
                let lone: Vec<usize> = same.iter().copied().filter(|&j| !sided(&claims[j].claim)).collect();
                let before = format!("before-{rest}");
                if same.len() == 2 && lone.len() == 1 && registry.scopes_of(&property).any(|s| s.id == before) {
                    let c = &mut claims[lone[0]].claim;
                    c.qualifiers.insert(crate::graph::SCOPE.into(), before);
                    let from = format!("the figure {after} in its sentence is after the change");
                    c.draft.insert("qualifiers.scope".into(), Guess { confidence: Confidence::Low, from });
                }
            }
            let places: HashSet<String> = members
                .iter()
                .filter(|&&k| sided(&claims[k].claim))
                .filter_map(|&k| claims[k].claim.qualifiers.get(PLACE).cloned())
                .collect();
            if places.len() != 1 {
                continue;
            }
            let Some(place) = places.into_iter().next() else { continue };
            for &k in &members {
                let c = &mut claims[k].claim;
                let Ok(p) = registry.property(&c.property) else { continue };
                let multiplier = registry.properties[p].kind == PropertyKind::Ratio;
                let takes_place = self.priors.qualifier_keys(p).contains_key(PLACE) || sided(c);
                if c.qualifiers.contains_key(PLACE) || !(sided(c) || multiplier) || !takes_place {
                    continue;
                }
                c.qualifiers.insert(PLACE.into(), place.clone());
                let from = format!("the place of the change its sentence states: {place}");
                c.draft.insert(format!("qualifiers.{PLACE}"), Guess { confidence: Confidence::Low, from });
            }
        }
    }

    /// A figure followed by words that point back to those a figure before it counts («وإن
    /// نحو 1300 منهم أصيبوا», «748 من زملائهم», "40 of them"): of another property, it counts
    /// a part of that figure's group, and takes it when it has none of its own.
    fn complete_anaphora(&self, claims: &mut [Drafted]) {
        let text = &self.source.text;
        let mut order: Vec<usize> = (0..claims.len()).collect();
        order.sort_by_key(|&k| claims[k].range);
        for (n, &k) in order.iter().enumerate() {
            let Ok(p) = self.corpus.registry.property(&claims[k].claim.property) else { continue };
            if claims[k].claim.qualifiers.contains_key(GROUP) || !self.priors.qualifier_keys(p).contains_key(GROUP) {
                continue;
            }
            let end = claims[k].range.1;
            let after = cues::words(text, end, text.len().min(end + 60));
            let folded: Vec<&str> = after.iter().take(2).map(|w| w.folded.as_str()).collect();
            let back = match folded.as_slice() {
                [first, ..] if BACK.contains(first) => true,
                ["من" | "of", second] => {
                    ["them", "whom", "those"].contains(second) || (second.ends_with("هم") && second.chars().count() > 3)
                }
                _ => false,
            };
            if !back || !after.first().is_some_and(|w| text[end..w.start].trim().is_empty()) {
                continue;
            }
            let sentence = clause::sentence(text, &self.paragraphs, claims[k].range.0, end);
            let earlier = order[..n].iter().rev().map(|&j| &claims[j]).find(|d| {
                d.range.0 >= sentence.0
                    && d.range.1 <= claims[k].range.0
                    && d.claim.property != claims[k].claim.property
            });
            let Some(group) = earlier.and_then(|d| d.claim.qualifiers.get(GROUP)).cloned() else { continue };
            let from = format!(
                "{}: the group of the figure before it, {group}",
                text[end..after[folded.len() - 1].end].trim()
            );
            let c = &mut claims[k].claim;
            c.qualifiers.insert(GROUP.into(), group);
            c.draft.insert(format!("qualifiers.{GROUP}"), Guess { confidence: Confidence::Low, from });
        }
    }

    /// The claims for one figure (two for a before and after), or why there is none.
    fn figure(
        &mut self,
        m: &Mention,
        dating: &mut HashSet<usize>,
        event: Option<&Event>,
    ) -> Result<Vec<DraftClaim>, String> {
        let text = &self.source.text;
        let (sa, sb) = self.sentence(m);
        let own = clause::clause_range(text, &self.paragraphs, m.start, m.end);
        let mut clause = own;
        let mut skip = Vec::new();
        // Another event the date dates: its clause joins the date, but nothing else of the
        // date's clause nor what stands between them.
        if let Some(e) = event {
            clause = (own.0.min(e.clause.0), own.1.max(e.clause.1));
            skip = if e.clause.0 >= own.1 {
                vec![(own.0, m.start), (m.end, e.clause.0)]
            } else {
                vec![(e.clause.1, m.start), (m.end, own.1)]
            };
        }
        let words = cues::words(text, sa, sb);
        let reach = self.reach(&words, clause);
        let mut around = Around { words, clause, reach, skip, start: m.start, end: m.end };
        // A unit the reader did not take with the figure ("120 تنغي للتر" in running text).
        let mut reading = m.reading.clone();
        let anchored = self.anchored_year(m);
        if let Some((r, _)) = &anchored {
            reading = r.clone();
        }
        // «سيبدأ بعد يومين», "will begin leaving in two days": a day counted from the one the
        // sentence speaks of, when a date's event is cued beside it.
        let counted = if event.is_none() { self.days_on(m, &around, (sa, sb)) } else { None };
        if let Some((r, _, _)) = &counted {
            reading = r.clone();
        }
        if reading.unit.is_none() && reading.kind == ValueKind::Number {
            reading.unit = unit_after(text, m.end);
        }
        let ordinal = value::is_ordinal(&crate::text::fold(&text[m.start..m.end], crate::text::Mode::Read));
        let apposed = if event.is_none() { self.apposed_age(m, &around) } else { None };
        // «من 60 تنغي إلى 120»: the second figure of a change is in the first's unit.
        if reading.unit.is_none()
            && reading.kind == ValueKind::Number
            && let Some(first) = self.first_side(m, &around)
        {
            reading.unit = first.reading.unit.or_else(|| unit_after(text, first.end));
        }
        let part = apposed
            .as_ref()
            .map(|(p, _, guess)| (*p, guess.clone()))
            .or_else(|| self.partitive(&reading, &around))
            .or_else(|| self.other_side(m, &reading, &around));
        let (property, property_guess) = match (event, part) {
            (Some(e), _) => (e.property, e.guess.clone()),
            (None, Some(found)) => found,
            (None, None) => {
                let (p, guess, at) = match self.property(&reading, ordinal, &around) {
                    Ok(found) => found,
                    // An answer states the figure the question before it asks for ("How many
                    // were killed? … 225 dead"; «كم عدد القتلى؟ …»).
                    Err(why) => self.asked(&reading, ordinal, sa).ok_or(why)?,
                };
                // A date's event named in another clause: the date and that clause are its quote.
                if m.reading.kind == ValueKind::Date && at < around.words.len() && !around.in_clause(at) {
                    let w = &around.words[at];
                    let c = clause::clause_range(text, &self.paragraphs, w.start, w.end);
                    around.clause = (around.clause.0.min(c.0), around.clause.1.max(c.1));
                }
                (p, guess)
            }
        };
        let property = self.start_or_end(property, m, &around);
        let prop = &self.corpus.registry.properties[property];
        let speaker = self.speaker(&around);
        let (mut qualifiers, mut qualifier_guesses, used, more) =
            self.qualifiers(property, &around, speaker.as_ref().map(|s| s.0));
        // A figure of a year («في عام 2020 بلغت التجارة …») when the property's claims
        // say which year they belong to (a date figure: its own year).
        if self.priors.qualifier_keys(property).contains_key("year") && !qualifiers.contains_key("year") {
            let own = m.reading.kind == ValueKind::Date;
            let dated = if own || counted.is_some() { Some(m) } else { self.nearest_date(m, (sa, sb)) };
            // A year written alone («عام 2020»); a day («حتى 15 يناير») dates it (as_of). But
            // where the registry declares the year a qualifier (an election's), a date of the
            // property is in its own year, and so is a figure of the day it names ("81.3% … in
            // the election of November 20").
            let declared = self.priors.declared.get(property).is_some_and(|d| d.keys.contains("year"));
            // A date without its year is in the year the draft gives it ("November 20").
            let yearly = |d: &Mention| match d.reading.precision {
                value::Precision::Year => d.reading.year_known,
                value::Precision::Day => declared,
                _ => declared && own,
            };
            let read = |d: &Mention| self.anchored_year(d).map_or_else(|| d.reading.clone(), |(r, _)| r);
            if let Some(d) = dated.filter(|d| yearly(d))
                && let r = read(d)
                && let Some(lo) = r.interval.lo
                && let Some(hi) = r.interval.hi
            {
                let (a, b) = (value::iso_date(lo.round() as i64), value::iso_date(hi.round() as i64));
                if a[..4] == b[..4] {
                    qualifiers.insert("year".into(), a[..4].to_string());
                    qualifier_guesses.insert(
                        "qualifiers.year".into(),
                        Guess { confidence: Confidence::Medium, from: d.text.clone() },
                    );
                }
            }
        }
        if !qualifiers.contains_key(crate::graph::SCOPE)
            && let Some((scope, words)) = self.scope_named(&prop.id, &around)
        {
            qualifiers.insert(crate::graph::SCOPE.into(), scope);
            qualifier_guesses.insert("qualifiers.scope".into(), Guess { confidence: Confidence::Medium, from: words });
        }
        let (subject, subject_guess) = match &apposed {
            Some((p, person, guess)) if *p == property => (*person, guess.clone()),
            _ => self.subject(property, &around, &used, speaker.as_ref().map(|s| s.0))?,
        };
        let known = if anchored.is_none() { self.known_year(m, &reading, subject, property) } else { None };
        if let Some((r, _)) = &known {
            let (was, now) = (value::ymd_from_days(reading.nominal as i64).0, value::ymd_from_days(r.nominal as i64).0);
            if m.reading.kind == ValueKind::Date && qualifiers.get("year") == Some(&was.to_string()) {
                qualifiers.insert("year".into(), now.to_string());
            }
            reading = r.clone();
        }
        // A place that is the subject itself (Kazakhstan's national day of mourning) narrows nothing.
        if qualifiers.get(PLACE).is_some_and(|p| *p == self.corpus.registry.entities[subject].id) {
            qualifiers.remove(PLACE);
            qualifier_guesses.remove(&format!("qualifiers.{PLACE}"));
        }
        let mut base = DraftClaim {
            id: String::new(),
            subject: self.corpus.registry.entities[subject].id.clone(),
            property: prop.id.clone(),
            qualifiers,
            value: String::new(),
            unit: None,
            as_of: None,
            attributed_to: speaker.as_ref().map(|(e, _)| self.corpus.registry.entities[*e].id.clone()),
            quote: String::new(),
            stated_as: None,
            note: None,
            quote_range: (0, 0),
            draft: BTreeMap::new(),
        };
        base.draft.insert("property".into(), property_guess);
        base.draft.insert("subject".into(), subject_guess);
        base.draft.extend(qualifier_guesses);
        if let Some((_, note)) = anchored.or(known) {
            base.stated_as = Some(text[m.start..m.end].trim_end_matches([',', '،', ' ']).to_string());
            base.note = Some(note);
        }
        if let Some((_, words, note)) = &counted {
            base.stated_as = Some(words.clone());
            base.note = Some(note.clone());
            // A day said ahead of it is one announced in advance, where the property tells them apart.
            if let Some(s) = self.corpus.registry.scopes_of(&prop.id).find(|s| s.id == ANNOUNCED)
                && !base.qualifiers.contains_key(crate::graph::SCOPE)
            {
                base.qualifiers.insert(crate::graph::SCOPE.into(), s.id.clone());
                base.draft
                    .insert("qualifiers.scope".into(), Guess { confidence: Confidence::Medium, from: words.clone() });
            }
        }
        if let Some((_, guess)) = speaker {
            base.draft.insert("attributed_to".into(), guess);
        }
        let mut quote = around.clause;
        if m.reading.kind != ValueKind::Date
            && counted.is_none()
            && let Some(d) = self.nearest_date(m, (sa, sb))
        {
            base.as_of = Some(match self.anchored_year(d) {
                Some((r, _)) => self.compactor.compact(&r, &d.text),
                None => d.value.clone(),
            });
            base.draft.insert("as_of".into(), Guess { confidence: Confidence::Medium, from: d.text.clone() });
            quote = (quote.0.min(d.start), quote.1.max(d.end));
            dating.insert(d.start);
        }
        // Paired figures: "من 60 إلى 120" after a word of change is a before and an after.
        if m.reading.hedge == Hedge::Range
            && m.reading.kind != ValueKind::Date
            && self.lexicon.change(&around.words)
            && let Some(k) = connector(&text[m.start..m.end])
        {
            let cut = m.start + k;
            let reading_unit = reading.unit;
            let scopes = self.change_scopes(&prop.id);
            let mut out = Vec::new();
            for (side, range) in [("before", (quote.0, cut)), ("after", (cut, quote.1))] {
                let range = clause::trim(text, range.0, range.1);
                let passage = &text[range.0..range.1];
                let folded = crate::text::Folded::new(passage, &self.source.glyphs, crate::text::Mode::Read);
                let found = value::mentions(&folded.text, &self.source.reading);
                let reading = if side == "before" { found.last() } else { found.first() };
                let Some(mut side_reading) = reading.map(|f| f.reading.clone()) else {
                    return Err(format!("the {side} figure of the pair does not read alone"));
                };
                side_reading.unit = side_reading.unit.or(reading_unit);
                let mut claim = base.clone();
                // The after of "before-the-rise" is "after-the-rise", not "after-the-cut".
                let before = scopes.iter().find_map(|s| s.strip_prefix("before-"));
                let paired = before.map(|rest| format!("{side}-{rest}")).filter(|id| scopes.contains(&id.as_str()));
                let scope = paired
                    .or_else(|| scopes.iter().find(|s| s.starts_with(&format!("{side}-"))).map(|s| s.to_string()));
                if let Some(scope) = scope {
                    claim.qualifiers.insert(crate::graph::SCOPE.into(), scope.to_string());
                    claim.draft.insert(
                        "qualifiers.scope".into(),
                        Guess { confidence: Confidence::Medium, from: text[m.start..m.end].to_string() },
                    );
                }
                let phrase = passage.to_string();
                self.finish(&mut claim, &side_reading, &phrase, range, prop.id.clone())?;
                out.push(claim);
            }
            return Ok(out);
        }
        // Two figures «من 60 تنغي إلى 120 تنغي», "from 60 tenge to 120 tenge", or one after a
        // cut or rise «إلى 50 تنغي»: a before and an after, each quoted apart.
        let mut claim = base;
        if m.reading.kind != ValueKind::Date
            && let Some((side, range)) = self.side(m, &around, quote)
        {
            quote = range;
            if let Some(scope) = self.side_scope(&prop.id, side, &around) {
                claim.qualifiers.insert(crate::graph::SCOPE.into(), scope);
                claim.draft.insert(
                    "qualifiers.scope".into(),
                    Guess { confidence: Confidence::Medium, from: text[quote.0..quote.1].to_string() },
                );
            }
        }
        // "stayed at 50 tenge", «ثابت عند 50 تنغي»: the state the last change left.
        if m.reading.kind != ValueKind::Date
            && !claim.qualifiers.contains_key(crate::graph::SCOPE)
            && let Some((scope, words)) = self.state_scope(&prop.id, &around)
        {
            claim.qualifiers.insert(crate::graph::SCOPE.into(), scope);
            claim.draft.insert("qualifiers.scope".into(), Guess { confidence: Confidence::Low, from: words });
        }
        self.finish(&mut claim, &reading, &m.text, quote, prop.id.clone())?;
        let mut out = vec![claim.clone()];
        for (key, value) in more {
            let mut other = claim.clone();
            other.qualifiers.insert(key.clone(), value);
            other.draft.insert(
                format!("qualifiers.{key}"),
                Guess { confidence: Confidence::Low, from: "a list the figure holds for".into() },
            );
            out.push(other);
        }
        Ok(out)
    }

    /// Value, unit and quote; then the check the loader makes: the quote states the value.
    fn finish(
        &mut self,
        claim: &mut DraftClaim,
        reading: &value::Reading,
        phrase: &str,
        quote: (usize, usize),
        property_id: String,
    ) -> Result<(), String> {
        let registry = &self.corpus.registry;
        let prop = &registry.properties[registry.property(&property_id).map_err(|_| "no such property".to_string())?];
        claim.value = self.compactor.compact(reading, phrase);
        // "roughly a third of the crude": a share no digits write, as an encoder writes it,
        // about the whole percent (`~33%`), with the words that say it.
        if reading.kind == ValueKind::Percent
            && matches!(reading.hedge, Hedge::Exact | Hedge::Approximate)
            && let value::Precision::Digit(place) = reading.precision
            && place >= 1.0
            && ((reading.nominal / place) - (reading.nominal / place).round()).abs() > 1e-6
        {
            let rounded = value::format_number((reading.nominal / place).round() * place);
            claim.value = format!("~{rounded}%");
            claim.stated_as = Some(phrase.to_string());
            claim.note = Some(format!("«{phrase}» is about {rounded}%"));
        }
        claim.unit = self.unit(prop, reading)?;
        if let Some(u) = &claim.unit {
            claim.draft.insert(
                "unit".into(),
                Guess {
                    confidence: if reading.unit.is_some() { Confidence::High } else { Confidence::Medium },
                    from: reading.unit.map_or_else(
                        || format!("the unit of {}", prop.id),
                        |r| format!("{r} read after the figure; {u}"),
                    ),
                },
            );
        }
        let (a, b) = clause::trim(&self.source.text, quote.0, quote.1);
        claim.quote = self.source.text[a..b].to_string();
        claim.quote_range = (a, b);
        let want = if prop.kind == PropertyKind::Date { ValueKind::Date } else { reading.kind };
        let read = value::read_as(&claim.value, &self.source.reading, want)
            .map_err(|e| format!("its compact value `{}` does not read: {}", claim.value, e.message))?;
        if quote_states(&claim.quote, &self.source.glyphs, &self.source.reading, &read).is_ok() {
            // Words the reader reads need no `stated_as`.
            claim.stated_as = None;
            claim.note = None;
        } else if !claim.stated_as.as_ref().is_some_and(|s| claim.quote.contains(s.as_str())) {
            return Err(format!("the clause «{}» does not state `{}` alone", claim.quote, claim.value));
        }
        Ok(())
    }

    /// «بعد يومين», «خلال يومين», "in two days", "within two days": the day that many days
    /// after the one the sentence speaks of (the day it names, else the text's own), or the
    /// days up to it, as a date reading; with the words that say it and the note its
    /// `stated_as` needs. Only where a date's event is cued in the sentence ("will begin
    /// leaving"), never "after two days of protests".
    fn days_on(
        &self,
        m: &Mention,
        around: &Around,
        sentence: (usize, usize),
    ) -> Option<(value::Reading, String, String)> {
        let r = &m.reading;
        let n = r
            .interval
            .lo
            .filter(|&n| r.kind == ValueKind::Number && r.hedge == Hedge::Exact && r.interval.hi == Some(n))?;
        if r.unit != Some("day") || n.fract() != 0.0 || !(1.0..=31.0).contains(&n) {
            return None;
        }
        let before = around.first().checked_sub(1)?;
        let within = match around.words[before].folded.as_str() {
            "بعد" | "in" => false,
            "خلال" | "within" => true,
            _ => return None,
        };
        let after = around.words.partition_point(|w| w.start < m.end);
        if around.words.get(after).is_some_and(|w| matches!(w.folded.as_str(), "من" | "of" | "after")) {
            return None;
        }
        // The day the sentence names before the count ("January 11 - … in two days").
        let named = self
            .mentions
            .iter()
            .filter(|d| d.reading.kind == ValueKind::Date && d.reading.precision == value::Precision::Day)
            .filter(|d| d.is_substantive() && d.start >= sentence.0 && d.end <= m.start)
            .filter(|d| self.name_around(d.start, d.end).is_none())
            .max_by_key(|d| d.start);
        let from = match named {
            Some(d) => self.anchored_year(d).map_or(d.reading.interval.lo, |(a, _)| a.interval.lo)?,
            None => self.source.reading.reference_day? as f64,
        };
        let mut day = r.clone();
        day.kind = ValueKind::Date;
        day.unit = None;
        day.precision = value::Precision::Day;
        day.year_known = false;
        day.calendar = None;
        day.interval = value::Interval { lo: Some(if within { from } else { from + n }), hi: Some(from + n) };
        day.nominal = from + n;
        day.hedge = if within { Hedge::Range } else { Hedge::Exact };
        // A date's event must be cued beside it, or the days stay a length.
        self.property(&day, false, around).ok()?;
        // "in two days": the unit word too, where the mention stops at the number.
        let unit_word = around.words.get(after).filter(|w| {
            let w = w.folded.trim_start_matches('و');
            ["day", "days", "يوم", "يوما", "ايام"].contains(&w)
        });
        let end = unit_word.map_or(m.end, |w| w.end);
        let words = self.source.text[around.words[before].start..end].to_string();
        let since = named.map_or_else(|| "the day the text was written".to_string(), |d| format!("«{}»", d.text));
        let note = format!("«{words}»: {} {n} days after {since}", if within { "up to" } else { "the day" });
        Some((day, words, note))
    }

    /// A date written without its year that the reader puts on or after the text's own day,
    /// in a text that named the year before it ("January 2022" … "on January 9" in an
    /// explainer of 5 January 2023): in that year, as an encoder reads it, when it then falls
    /// within the year after the date named and not after the text's day. With the note
    /// its claim's `stated_as` needs.
    fn anchored_year(&self, m: &Mention) -> Option<(value::Reading, String)> {
        let r = &m.reading;
        let dated = |r: &value::Reading| {
            r.kind == ValueKind::Date && matches!(r.precision, value::Precision::Day | value::Precision::Month)
        };
        let today = self.source.reading.reference_day? as f64;
        let (lo, hi) = (r.interval.lo?, r.interval.hi?);
        // A day written in digits (not «يوم الأحد», which the reader dates from the text's day).
        let digits = m.text.chars().any(char::is_numeric);
        if !dated(r) || !digits || r.year_known || r.calendar.is_some() || lo < today {
            return None;
        }
        let (y, month, day) = value::ymd_from_days(lo as i64);
        let year = y - 1;
        // The last mention of that year, alone ("2022 turned into a marathon") or in a date.
        let anchor = self
            .mentions
            .iter()
            .filter(|d| d.end <= m.start && d.reading.kind == ValueKind::Date && d.reading.year_known)
            .filter(|d| d.reading.interval.lo.is_some_and(|lo| value::ymd_from_days(lo as i64).0 == year))
            .max_by_key(|d| d.start)?;
        let since = anchor.reading.interval.lo?;
        let shift = (value::days_from_ymd(year as i32, month, day)? - lo as i64) as f64;
        if lo + shift > today || lo + shift < since {
            return None;
        }
        let mut read = r.clone();
        read.interval.lo = Some(lo + shift);
        read.interval.hi = Some(hi + shift);
        read.nominal += shift;
        let note = format!(
            "«{}» has no year, and the reader dates it on or after the day the text was written; it is in {year}, the year the text named before it («{}»)",
            m.text, anchor.text
        );
        Some((read, note))
    }

    /// The cues of properties among `words`, but a word of a name is no cue: «معاهدة»
    /// (treaty) in «منظمة معاهدة الأمن الجماعي».
    fn cues(&self, words: &[Word]) -> Vec<cues::Hit<usize>> {
        let names = self.lexicon.entities(words);
        let mut cued = self.lexicon.properties(words);
        cued.retain(|h| !names.iter().any(|n| n.first <= h.first && h.last <= n.last && n.last > n.first));
        cued
    }

    /// A date without its year that the reader puts in the text's own year, of an event the
    /// corpus dates only in the year before ("It really started on January 2" in a look back
    /// of 5 January 2023): in that year, as an encoder who knows the event reads it. With the
    /// note its claim's `stated_as` needs.
    fn known_year(
        &self,
        m: &Mention,
        r: &value::Reading,
        subject: usize,
        property: usize,
    ) -> Option<(value::Reading, String)> {
        let today = self.source.reading.reference_day?;
        let digits = m.text.chars().any(char::is_numeric);
        let dated = matches!(r.precision, value::Precision::Day | value::Precision::Month);
        if r.kind != ValueKind::Date || !dated || !digits || r.year_known || r.calendar.is_some() {
            return None;
        }
        let (lo, hi) = (r.interval.lo?, r.interval.hi?);
        let (y, month, day) = value::ymd_from_days(lo as i64);
        let this_year = value::ymd_from_days(today).0;
        let years = self.priors.years.get(&(subject, property))?;
        if y != this_year || years.len() != 1 || !years.contains(&(y - 1)) {
            return None;
        }
        let shift = (value::days_from_ymd((y - 1) as i32, month, day)? - lo as i64) as f64;
        let mut read = r.clone();
        read.interval.lo = Some(lo + shift);
        read.interval.hi = Some(hi + shift);
        read.nominal += shift;
        let registry = &self.corpus.registry;
        let note = format!(
            "«{}» has no year, and the reader dates it in {y}, the year of the text; the corpus dates {}'s {} in {} only",
            m.text,
            registry.entities[subject].id,
            registry.properties[property].id,
            y - 1
        );
        Some((read, note))
    }

    /// The property whose cue stands nearest the figure and fits its kind and unit.
    fn property(
        &self,
        reading: &value::Reading,
        ordinal: bool,
        around: &Around,
    ) -> Result<(usize, Guess, usize), String> {
        let registry = &self.corpus.registry;
        let fits = |h: &cues::Hit<usize>| self.fits(h.what, reading, ordinal);
        let cued = self.cues(&around.words);
        let mut fitting: Vec<cues::Hit<usize>> = cued.iter().filter(|h| fits(h)).cloned().collect();
        // No cue of a property, but a scope the registry declares for one property, whose
        // words name it: «30 عاماً من الاستقلال» is `period_years` of `independence`.
        if fitting.is_empty() {
            fitting.extend(self.lexicon.scopes(&around.words).into_iter().filter_map(|h| {
                let scope = &registry.scopes.get(&h.what)?.0;
                let [only] = scope.properties.as_slice() else { return None };
                Some(cues::Hit { what: registry.property(only).ok()?, first: h.first, last: h.last }).filter(fits)
            }));
        }
        let nearest = |h: &&cues::Hit<usize>| (!around.in_clause(h.first), around.distance(h.first), h.first);
        let mut best = fitting.iter().min_by_key(nearest);
        let by_event: Option<cues::Hit<usize>>;
        // A generic property (`duration`, `start_date`) is said of the event the sentence
        // names: «انسحابها … على ألا يستغرق أكثر من عشرة أيام» is `withdrawal_duration`.
        if let Some(hit) = best
            && GENERIC.contains(&registry.properties[hit.what].id.as_str())
        {
            let suffix = format!("_{}", registry.properties[hit.what].id);
            let specific =
                fitting.iter().filter(|h| registry.properties[h.what].id.ends_with(&suffix)).min_by_key(nearest);
            // Or the event another of its properties names: «مغادرة» (withdrawal_start_date)
            // makes «لن يستغرق أكثر من عشرة أيام» in its sentence withdrawal_duration.
            let event_form = |h: &cues::Hit<usize>| {
                let id = registry.properties[h.what].id.as_str();
                let event = GENERIC.iter().find_map(|g| id.strip_suffix(&format!("_{g}")))?;
                let form = registry.property(&format!("{event}{suffix}")).ok()?;
                Some(cues::Hit { what: form, ..h.clone() }).filter(fits)
            };
            by_event =
                if specific.is_none() { cued.iter().filter_map(event_form).min_by_key(|h| nearest(&h)) } else { None };
            best = specific.or(by_event.as_ref()).or(best);
        }
        let Some(hit) = best else {
            return Err("no cue of a property that fits the figure stands in its sentence".into());
        };
        let confidence = match (around.in_clause(hit.first), around.distance(hit.first)) {
            (true, 0..=4) => Confidence::High,
            (true, _) => Confidence::Medium,
            _ => Confidence::Low,
        };
        Ok((hit.what, Guess { confidence, from: around.text(&self.source.text, hit.first, hit.last) }, hit.first))
    }

    /// The property a question asks for, when the figure's sentence answers it: the question
    /// ends on the figure's line before its sentence, or ends the line before. Its first
    /// fitting cue, with low confidence; the word index is past the sentence's words (the cue
    /// stands in no clause of the figure's).
    fn asked(&self, reading: &value::Reading, ordinal: bool, sentence: usize) -> Option<(usize, Guess, usize)> {
        let text = &self.source.text;
        let line = self.source.lines.line_bounds(text, sentence);
        let is_question = |c: char| matches!(c, '?' | '؟');
        let mark = match text[line.start..sentence].rfind(is_question) {
            Some(i) => line.start + i,
            None => {
                // The line before, blank lines skipped, when it ends with the question.
                let before = text[..line.start].trim_end();
                let last = before.chars().next_back().filter(|&c| is_question(c))?;
                before.len() - last.len_utf8()
            }
        };
        let (qa, qb) = clause::sentence(text, &self.paragraphs, mark, mark);
        let words = cues::words(text, qa, qb);
        let hit = self.lexicon.properties(&words).into_iter().find(|h| self.fits(h.what, reading, ordinal))?;
        let asked = text[words[hit.first].start..words[hit.last].end].to_string();
        let guess = Guess { confidence: Confidence::Low, from: format!("the question before: {asked}") };
        Some((hit.what, guess, usize::MAX))
    }

    /// Whether a property can hold the figure: its kind, a rank for an ordinal in words
    /// ("التاسعة" is a rank, never a count), and its unit.
    fn fits(&self, property: usize, reading: &value::Reading, ordinal: bool) -> bool {
        let p = &self.corpus.registry.properties[property];
        kind_fits(p.kind, reading.kind) && (!ordinal || p.kind == PropertyKind::Rank) && self.unit(p, reading).is_ok()
    }

    /// The figure's sentence; a date heading a line ("January 5 - …", «5 يناير: …») heads the
    /// whole line, all its sentences.
    fn sentence(&self, m: &Mention) -> (usize, usize) {
        let text = &self.source.text;
        let line = self.source.lines.line_bounds(text, m.start);
        let heads = m.reading.kind == ValueKind::Date
            && text[line.start..m.start].trim().is_empty()
            && ["-", "–", "—", ":"].iter().any(|d| text[m.end..line.end].trim_start().starts_with(d));
        if heads { (m.start, line.end) } else { clause::sentence(text, &self.paragraphs, m.start, m.end) }
    }

    /// Whether a date property's cue stands in the date's own clause.
    fn own_event(&self, m: &Mention) -> bool {
        let text = &self.source.text;
        let (a, b) = clause::clause_range(text, &self.paragraphs, m.start, m.end);
        let registry = &self.corpus.registry;
        let words = cues::words(text, a, b);
        let at = |pos: usize| words.partition_point(|w| w.start < pos);
        let date = at(m.start);
        // A cue in a clause with a figure is the figure's («توقيف نحو 5800 شخص في 6 يناير»),
        // unless it stands nearer the date ("the blackout began on January 5 and lasted about
        // five days": the start is a claim, and dates the length too).
        let k = self.figures.partition_point(|&(s, _)| s < a);
        let figures: Vec<usize> = self.figures[k..]
            .iter()
            .take_while(|&&(s, _)| s < b)
            .filter(|&&(_, e)| e <= b)
            .map(|&(s, _)| at(s))
            .collect();
        // A scope declared for one date property names its event too ("the first units on
        // January 6").
        let scoped = self.lexicon.scopes(&words).into_iter().filter_map(|h| {
            let [only] = registry.scopes.get(&h.what)?.0.properties.as_slice() else { return None };
            Some(cues::Hit { what: registry.property(only).ok()?, first: h.first, last: h.last })
        });
        self.lexicon.properties(&words).into_iter().chain(scoped).any(|h| {
            registry.properties[h.what].kind == PropertyKind::Date
                && figures.iter().all(|&f| h.first.abs_diff(date) < h.first.abs_diff(f))
        })
    }

    /// The events a date dates besides the one its own clause names: the date properties
    /// whose cues stand in other clauses of its sentence that state no date of their own
    /// (each property once, nearest first).
    fn events(&self, m: &Mention) -> Vec<Event> {
        if m.reading.kind != ValueKind::Date {
            return Vec::new();
        }
        let text = &self.source.text;
        let registry = &self.corpus.registry;
        let (sa, sb) = self.sentence(m);
        let own = clause::clause_range(text, &self.paragraphs, m.start, m.end);
        let words = cues::words(text, sa, sb);
        let dates: Vec<(usize, usize)> = self
            .mentions
            .iter()
            .filter(|d| d.reading.kind == ValueKind::Date && d.start != m.start && d.start >= sa && d.end <= sb)
            .map(|d| (d.start, d.end))
            .collect();
        let mut out: Vec<Event> = Vec::new();
        let hits: Vec<_> = self
            .cues(&words)
            .into_iter()
            .filter(|h| registry.properties[h.what].kind == PropertyKind::Date)
            .map(|h| {
                let clause = clause::clause_range(text, &self.paragraphs, words[h.first].start, words[h.last].end);
                (h, clause)
            })
            .collect();
        // Beginning and ending are said of the event a more specific cue names beside them.
        let generic: Vec<usize> =
            ["start_date", "end_date"].iter().filter_map(|id| registry.property(id).ok()).collect();
        for (hit, clause) in &hits {
            let clause = *clause;
            if out.iter().any(|e| e.property == hit.what)
                || (generic.contains(&hit.what) && hits.iter().any(|(h, c)| *c == clause && !generic.contains(&h.what)))
            {
                continue;
            }
            let w = &words[hit.first];
            let other = clause.0 >= own.1 || clause.1 <= own.0;
            // Nothing dated or counted stands between the date and the event, nor in its clause.
            let (lo, hi) = (m.start.min(clause.0), m.end.max(clause.1));
            let between =
                dates.iter().any(|&(a, b)| a >= lo && b <= hi) || self.figure_between((m.start, m.end), lo, hi);
            if other && !between {
                let from = text[w.start..words[hit.last].end].to_string();
                out.push(Event { property: hit.what, clause, guess: Guess { confidence: Confidence::Low, from } });
            }
        }
        out
    }

    /// «بينهم 19», «منهم 103», "including 19": a part of what the figure before it in the
    /// sentence counts, so the same property (the part's group or place are qualifiers).
    fn partitive(&self, reading: &value::Reading, around: &Around) -> Option<(usize, Guess)> {
        // "225 bodies …, 19 of them members of the security forces": the part after it.
        let i = around.words.partition_point(|w| w.start < around.end);
        let text = &self.source.text;
        let of_them =
            around.words.get(i).is_some_and(|w| w.folded == "of" && text[around.end..w.start].trim().is_empty())
                && around.words.get(i + 1).is_some_and(|w| w.folded == "them");
        if !around.word_before().is_some_and(|w| PARTITIVE.contains(&w)) && !of_them {
            return None;
        }
        let sentence = around.words.first()?.start;
        let k = self.placed.partition_point(|&(s, _)| s < around.start);
        let &(at, property) = self.placed[..k].last().filter(|&&(s, _)| s >= sentence)?;
        let p = &self.corpus.registry.properties[property];
        if !kind_fits(p.kind, reading.kind) || self.unit(p, reading).is_err() {
            return None;
        }
        let whole = self.mentions.iter().find(|m| m.start == at)?;
        // A part is no larger than its whole ("20,000 of them" counts something else).
        if whole.reading.interval.hi.zip(reading.interval.lo).is_some_and(|(w, p)| p > w) {
            return None;
        }
        let figure = whole.text.as_str();
        let said = if of_them { "of them".to_string() } else { around.words[around.first() - 1].folded.clone() };
        let from = format!("«{said}» after {figure}, a figure of {}", p.id);
        Some((property, Guess { confidence: Confidence::Medium, from }))
    }

    /// A person's age set beside the name: "Tokayev, 68, …", «وماسيموف (57 عاماً)»: the
    /// registry's `age` of that person.
    fn apposed_age(&self, m: &Mention, around: &Around) -> Option<(usize, usize, Guess)> {
        let registry = &self.corpus.registry;
        let age = registry.property("age").ok()?;
        let r = &m.reading;
        let years = r.interval.lo.filter(|&lo| r.interval.hi == Some(lo) && (1.0..=120.0).contains(&lo));
        if r.kind != ValueKind::Number || years.is_none() || r.unit.is_some_and(|u| u != "year") {
            return None;
        }
        let text = &self.source.text;
        let hit = self.lexicon.entities(&around.words).into_iter().find(|h| {
            let end = around.words[h.last].end;
            end <= m.start && matches!(text[end..m.start].trim(), "," | "،" | "(")
        })?;
        if registry.entities[hit.what].kind != "person" {
            return None;
        }
        let after = text[m.end..].trim_start();
        let after = ["عاماً", "عامًا", "عاما", "سنة", "years old", "years"]
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .unwrap_or(after)
            .trim_start();
        if !after.starts_with([',', '،', ')']) {
            return None;
        }
        let from = around.text(text, hit.first, hit.last);
        let guess = Guess { confidence: Confidence::Medium, from: format!("{from}, {}: an age beside a name", m.text) };
        Some((age, hit.what, guess))
    }

    /// The second figure of a change, «من 60 تنغي إلى 120», "to 120 tenge from around 60":
    /// the same property as the first, whatever cue stands nearer the second.
    fn other_side(&self, m: &Mention, reading: &value::Reading, around: &Around) -> Option<(usize, Guess)> {
        let first = self.first_side(m, around)?.start;
        let &(_, property) = self.placed.iter().rev().find(|&&(s, _)| s == first)?;
        let p = &self.corpus.registry.properties[property];
        if !kind_fits(p.kind, reading.kind) || self.unit(p, reading).is_err() {
            return None;
        }
        let from = format!("the other figure of the change, a figure of {}", p.id);
        Some((property, Guess { confidence: Confidence::Medium, from }))
    }

    /// The first figure of the change `m` is the second of: the figure before it in its
    /// clause, «من»/"from" before the one and «إلى»/"to" before the other (either way round),
    /// in a sentence that says something changed.
    fn first_side(&self, m: &Mention, around: &Around) -> Option<&'a Mention> {
        let instead = around.first().checked_sub(1).is_some_and(|i| replaced(&around.words, i));
        if m.reading.kind == ValueKind::Date || !(instead || self.lexicon.change(&around.words)) {
            return None;
        }
        let before = around.word_before()?;
        let k = self.figures.partition_point(|&(s, _)| s < m.start);
        let &(first, _) = self.figures[..k].last().filter(|&&(s, e)| s >= around.clause.0 && e <= m.start)?;
        let i = around.words.partition_point(|w| w.start < first);
        let first_before = around.words.get(i.checked_sub(1)?)?.folded.as_str();
        let paired = instead || (is_to(before) && is_from(first_before)) || (is_from(before) && is_to(first_before));
        if !paired {
            return None;
        }
        self.mentions.iter().find(|x| x.start == first)
    }

    /// Passages of the sentence outside the clause that may qualify its figures: a place
    /// fronting the sentence, and the clause before a relative clause.
    fn reach(&self, words: &[Word], clause: (usize, usize)) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        // «وفي ألماتي، قدرت …», "In the western Mangystau region, …": the first words.
        if let Some(first) = words.first()
            && matches!(first.folded.as_str(), "في" | "وفي" | "in")
        {
            let last = words[..words.len().min(5)].last().map_or(first.end, |w| w.end);
            out.push((first.start, last));
        }
        // «المنظمة، التي تأسست …», "Oil, which accounts for …", "the field, in which …".
        let k = words.partition_point(|w| w.start < clause.0);
        let opens = |i: usize| words.get(i).is_some_and(|w| RELATIVE.contains(&w.folded.as_str()));
        if k > 0 && (opens(k) || (opens(k + 1) && matches!(words[k].folded.as_str(), "in" | "of" | "for"))) {
            let prev = words[k - 1].start;
            let (a, b) = clause::clause_range(&self.source.text, &self.paragraphs, prev, words[k - 1].end);
            out.push((a, b));
        }
        out
    }

    /// Whether the figure is the before or the after of a change its clause states (a word
    /// of change in the sentence; «من»/"from" before the first, «إلى»/"to" before the
    /// second), and the part of `quote` that states it alone.
    fn side(&self, m: &Mention, around: &Around, quote: (usize, usize)) -> Option<(&'static str, (usize, usize))> {
        let first = around.first();
        if let Some(sides) = self.replacement(m, around, quote) {
            return Some(sides);
        }
        if !self.lexicon.change(&around.words) {
            return None;
        }
        let from = |w: &Word| is_from(&w.folded);
        let to = |w: &Word| is_to(&w.folded);
        let before = first.checked_sub(1).map(|i| &around.words[i])?;
        let in_clause = |&&(s, e): &&(usize, usize)| s >= around.clause.0 && e <= around.clause.1;
        let k = self.figures.partition_point(|&(s, _)| s < m.start);
        // The word right before a figure of the clause.
        let word_before = |at: usize| {
            let i = around.words.partition_point(|w| w.start < at);
            i.checked_sub(1).map(|i| &around.words[i])
        };
        let next = self.figures.get(k + 1).filter(|f| in_clause(f)).and_then(|&(s, _)| word_before(s));
        let previous = self.figures[..k].last().filter(|f| in_clause(f)).and_then(|&(s, _)| word_before(s));
        if from(before) {
            // The next figure of the clause, with «إلى»/"to" right before it.
            if let Some(connector) = next.filter(|w| to(w)) {
                return Some(("before", clause::trim(&self.source.text, quote.0.min(m.start), connector.start)));
            }
            // "climbing to 120 tenge from around 60 tenge": the before after the after.
            if previous.is_some_and(to) {
                return Some(("before", clause::trim(&self.source.text, before.start, quote.1.max(m.end))));
            }
            return None;
        }
        if to(before) {
            // After «من X» in the clause, or after a word of change alone («بخفض السعر إلى 50»).
            let a = self.figures[..k]
                .last()
                .filter(|f| in_clause(f))
                .map_or(quote.0, |_| before.start)
                .max(quote.0.min(before.start));
            // Up to the before that follows it ("to 120 tenge from around 60").
            let b = next.filter(|w| from(w)).map_or(quote.1.max(m.end), |w| w.start);
            return Some(("after", clause::trim(&self.source.text, a, b)));
        }
        None
    }

    /// The side of a replacement ("120 tenge instead of sixty") `m` is: the figure after the
    /// words that say so is the before, the one of its clause before them the after, each
    /// quoted apart.
    fn replacement(
        &self,
        m: &Mention,
        around: &Around,
        quote: (usize, usize),
    ) -> Option<(&'static str, (usize, usize))> {
        let text = &self.source.text;
        let first = around.first();
        if first.checked_sub(1).is_some_and(|i| replaced(&around.words, i)) && self.first_side(m, around).is_some() {
            let two = matches!(around.words[first - 1].folded.as_str(), "of" | "from" | "من");
            let from = if two { first - 2 } else { first - 1 };
            return Some(("before", clause::trim(text, around.words[from].start, quote.1.max(m.end))));
        }
        let k = self.figures.partition_point(|&(s, _)| s < m.start);
        let &(next, _) = self.figures.get(k + 1).filter(|&&(_, e)| e <= around.clause.1)?;
        let i = around.words.partition_point(|w| w.start < next).checked_sub(1)?;
        if !replaced(&around.words, i) {
            return None;
        }
        // Up to the marker's first word.
        let two = matches!(around.words[i].folded.as_str(), "of" | "from" | "من");
        let cut = if two { i - 1 } else { i };
        Some(("after", clause::trim(text, quote.0.min(m.start), around.words[cut].start)))
    }

    /// A scope of the property (one the vocabulary declares for it) whose id the sentence
    /// says in words: "the snap presidential election" is `presidential-election`, "on
    /// suspicion of high treason" `high-treason`; or that a cue the registry gives the scope
    /// names («استفتاء» is `referendum`).
    fn scope_named(&self, property: &str, around: &Around) -> Option<(String, String)> {
        let stems = |id: &str| id.split('-').map(|w| cues::english_stem(w).to_string()).collect::<Vec<_>>();
        let scopes: Vec<&crate::corpus::raw::Scope> =
            self.corpus.registry.scopes_of(property).filter(|s| !s.properties.is_empty()).collect();
        let by_id = scopes.iter().filter_map(|s| {
            let want = stems(&s.id);
            let n = want.len();
            (0..around.words.len().saturating_sub(n - 1))
                .filter(|&i| around.in_reach(i))
                .find(|&i| (0..n).all(|k| cues::english_stem(&around.words[i + k].folded) == want[k]))
                .map(|i| (s.id.clone(), around.text(&self.source.text, i, i + n - 1), around.distance(i)))
        });
        let by_cue = self
            .lexicon
            .scopes(&around.words)
            .into_iter()
            .filter(|h| around.in_reach(h.first) && scopes.iter().any(|s| s.id == h.what))
            .map(|h| (h.what.clone(), around.text(&self.source.text, h.first, h.last), around.distance(h.first)));
        by_id.chain(by_cue).min_by_key(|(_, _, d)| *d).map(|(id, words, _)| (id, words))
    }

    /// The scopes of a property that changes, its sides among them; none unless it declares
    /// what held before a change: an "after-…" alone (`after-june-2019-election-results` of
    /// arrests) is no side of one.
    fn change_scopes(&self, property: &str) -> Vec<&'a str> {
        let scopes: Vec<&str> = self.corpus.registry.scopes_of(property).map(|s| s.id.as_str()).collect();
        if scopes.iter().any(|s| s.starts_with("before-")) { scopes } else { Vec::new() }
    }

    /// The scope of the property a side of a change takes: "before-…" or "after-…", the
    /// one of a fall («خفض», "cut") when the clause says the figure fell.
    fn side_scope(&self, property: &str, side: &str, around: &Around) -> Option<String> {
        let scopes = self.change_scopes(property);
        let fell = around
            .words
            .iter()
            .any(|w| FALL.iter().any(|f| w.folded.trim_start_matches(['و', 'ب', 'ل']).starts_with(f)));
        let is_fall = |s: &str| ["cut", "fall", "drop", "reduc", "lower"].iter().any(|f| s.contains(f));
        let sided = scopes.iter().filter(|s| s.starts_with(&format!("{side}-")));
        let mut fitting = sided.clone().filter(|s| is_fall(s) == fell);
        fitting.next().or_else(|| sided.clone().next()).map(|s| s.to_string())
    }

    /// A figure said to hold still ("stayed at", "remains", «بقي», «ثابت عند»), in a sentence
    /// that states no change of its own, is the state the property's last change left: its
    /// `after-…` scope that has no `before-…` of its own (its before is another change's
    /// after, so it came later), or its only `after-…` one.
    fn state_scope(&self, property: &str, around: &Around) -> Option<(String, String)> {
        if self.lexicon.change(&around.words) {
            return None;
        }
        let first = around.first();
        let i = (first.saturating_sub(3)..first)
            .rev()
            .filter(|&i| around.in_clause(i))
            .find(|&i| STATE.contains(&around.words[i].folded.trim_start_matches(['و', 'ف'])))?;
        let scopes: Vec<&str> = self.corpus.registry.scopes_of(property).map(|s| s.id.as_str()).collect();
        let afters: Vec<&str> = scopes.iter().copied().filter(|s| s.starts_with("after-")).collect();
        let last: Vec<&str> = afters
            .iter()
            .copied()
            .filter(|s| !scopes.contains(&format!("before-{}", &s["after-".len()..]).as_str()))
            .collect();
        let scope = match (last.as_slice(), afters.as_slice()) {
            ([one], _) | (_, [one]) => one.to_string(),
            _ => return None,
        };
        Some((scope, around.text(&self.source.text, i, i)))
    }

    /// Whether a figure other than `m` stands between byte offsets `a` and `b`.
    fn figure_between(&self, m: (usize, usize), a: usize, b: usize) -> bool {
        let (a, b) = (a.min(b), a.max(b));
        let k = self.figures.partition_point(|&(s, _)| s < a);
        self.figures[k..].iter().take_while(|&&(s, _)| s < b).any(|&(s, e)| e <= b && (s, e) != m && s >= a)
    }

    /// A date after «حتى»/«إلى»/"until" ends what a start property begins, and one after
    /// «منذ»/"since" starts what an end property ends: `term_start` becomes `term_end` (and
    /// back) when the registry has both.
    fn start_or_end(&self, property: usize, m: &Mention, around: &Around) -> usize {
        let registry = &self.corpus.registry;
        let prop = &registry.properties[property];
        if prop.kind != PropertyKind::Date {
            return property;
        }
        let mention = crate::text::fold(&m.text, crate::text::Mode::Read).to_lowercase();
        let before = around.words.iter().rev().find(|w| w.end <= m.start).map(|w| w.folded.as_str());
        let before = before.filter(|w| w.len() > 2 || *w == "من").unwrap_or_default();
        let first = mention.split_whitespace().next().unwrap_or_default();
        let said = |words: &[&str]| words.iter().any(|w| *w == before || *w == first);
        // A clause that says it ended («تنتهي فيه حالة الطوارئ», "the state of emergency ends"),
        // in the words of the registry's `end_date` cues.
        let ends = registry.property("end_date").ok().filter(|&e| e != property).is_some_and(|e| {
            self.lexicon.properties(&around.words).iter().any(|h| h.what == e && around.in_clause(h.first))
        });
        // `term_start` ends as `term_end`, `state_of_emergency_date` as `state_of_emergency_end`.
        let ended = || {
            let end = prop.id.replace("start", "end");
            if end != prop.id { end } else { prop.id.replace("_date", "_end") }
        };
        // «الإنترنت رجع إلى ألماتي يوم 10 يناير», "service came back on January 10": what came
        // back had stopped, and the date after those words ends its stop.
        let back = around.words.iter().enumerate().any(|(i, w)| {
            around.in_clause(i)
                && w.end <= m.start
                && !self.figure_between((m.start, m.end), w.end, m.start)
                && (RETURN.contains(&w.folded.as_str())
                    || (w.folded == "back"
                        && i > 0
                        && matches!(around.words[i - 1].folded.as_str(), "came" | "come" | "comes")))
        });
        let swap = if ((ends || back) && !prop.id.contains("end"))
            || said(&["حتي", "وحتي", "الي", "والي", "until", "till", "to"])
        {
            ended()
        } else if said(&["منذ", "ومنذ", "since"]) {
            prop.id.replace("end", "start")
        } else {
            return property;
        };
        registry.property(&swap).ok().filter(|&p| registry.properties[p].kind == PropertyKind::Date).unwrap_or(property)
    }

    /// The claim's unit: the one read after the figure if the property's dimension has it
    /// (or a rate of it, KZT → KZT/litre), else the property's own.
    fn unit(&self, prop: &crate::corpus::Property, reading: &value::Reading) -> Result<Option<String>, String> {
        let registry = &self.corpus.registry;
        let read = reading.unit;
        match (&prop.dimension, read) {
            (Some(d), Some(u)) => {
                let units: Vec<&String> =
                    registry.units.iter().filter(|(_, (x, _))| &x.dimension == d).map(|(id, _)| id).collect();
                units
                    .iter()
                    .find(|id| id.as_str() == u)
                    .or_else(|| units.iter().find(|id| id.starts_with(&format!("{u}/"))))
                    .map(|id| Some(id.to_string()))
                    .ok_or_else(|| format!("{u} is no unit of {}'s dimension {d}", prop.id))
            }
            (Some(d), None) => match &prop.unit {
                Some(u) => Ok(Some(u.clone())),
                None => Err(format!("no unit of {d} is written with the figure")),
            },
            (None, Some(u)) => match &prop.unit {
                Some(pu) if pu == u => Ok(Some(pu.clone())),
                _ => Err(format!("{u} is not the unit of {}", prop.id)),
            },
            (None, None) => Ok(prop.unit.clone().filter(|_| prop.kind == PropertyKind::Quantity)),
        }
    }

    /// Qualifiers the property's claims use: a value named by its cues in the clause, or
    /// for an entity qualifier the nearest entity of the kinds its values have.
    #[allow(clippy::type_complexity)]
    fn qualifiers(
        &self,
        property: usize,
        around: &Around,
        speaker: Option<usize>,
    ) -> (BTreeMap<String, String>, BTreeMap<String, Guess>, HashSet<usize>, Vec<(String, String)>) {
        let registry = &self.corpus.registry;
        let (mut values, mut guesses, mut used) = (BTreeMap::new(), BTreeMap::new(), HashSet::new());
        let mut more = Vec::new();
        let keys = self.priors.qualifier_keys(property);
        let keys = &keys;
        // The subject the property declares is no qualifier of it.
        used.extend(self.priors.declared_subject(property));
        let text = &self.source.text;
        // A word past another figure qualifies that figure: «225 قتيلا بينهم 19 من رجال الأمن».
        let own = |i: usize| {
            let w = &around.words[i];
            let m = (around.start, around.end);
            if w.end <= around.start {
                !self.figure_between(m, w.end, around.start)
            } else {
                !self.figure_between(m, around.end, w.start)
            }
        };
        // A word that is the property's own cue says what it counts, not which part: "20,000
        // bandits" are attackers, not a group of them.
        let cues: Vec<(usize, usize)> = self
            .lexicon
            .properties(&around.words)
            .into_iter()
            .filter(|h| h.what == property)
            .map(|h| (h.first, h.last))
            .collect();
        let restates = |h: &cues::Hit<(String, String)>| {
            h.what.0 == GROUP && cues.iter().any(|&(a, b)| h.first <= b && a <= h.last)
        };
        let hits = self.lexicon.qualifiers(&around.words);
        // A group is what the figure counts, said beside it: the one nearest the figure first
        // («المسلحين أحرقوا أكثر من مئة مركز تجاري»); other keys in the sentence's order (an
        // office is the title before a name: «الرئيس … حكم»).
        let mut order: Vec<usize> = (0..hits.len()).collect();
        order.sort_by_key(|&k| if hits[k].what.0 == GROUP { (0, around.distance(hits[k].first)) } else { (1, k) });
        for k in order {
            let hit = &hits[k];
            let (key, value) = &hit.what;
            if keys.contains_key(key)
                && around.in_reach(hit.first)
                && own(hit.first)
                && !values.contains_key(key)
                && !restates(hit)
            {
                values.insert(key.clone(), value.clone());
                guesses.insert(
                    format!("qualifiers.{key}"),
                    Guess { confidence: Confidence::Medium, from: around.text(text, hit.first, hit.last) },
                );
                // «اليورانيوم، والكروم، والرصاص»: the figure holds for each value of the list,
                // commas or not, as long as each next one follows with «و».
                if more.is_empty() {
                    let mut last = hit.last;
                    for next in &hits[k + 1..] {
                        let joined = next.first == last + 1 && around.words[next.first].folded.starts_with('و');
                        if !joined || next.what.0 != *key {
                            break;
                        }
                        if next.what.1 != *value && !more.iter().any(|(_, v)| *v == next.what.1) {
                            more.push((key.clone(), next.what.1.clone()));
                        }
                        last = next.last;
                    }
                }
            }
        }
        let entities = self.lexicon.entities(&around.words);
        // «طائرة عسكرية روسية»: a country's adjective names it as a contributor or partner.
        let adjectives = self.lexicon.adjectives(&around.words);
        // Any figure or date may be placed: «103 في مدينة ألماتي», "cut … in Mangystau to 50".
        let declared_keys = keys;
        let mut keys = keys.clone();
        if let Some(kinds) = self.priors.key_kinds.get(PLACE)
            && !keys.contains_key(PLACE)
            && registry.qualifiers.contains_key(PLACE)
        {
            // A city or region within what the figure counts, not a country (a country's
            // figure «في كازاخستان» is the country's own).
            let within: HashSet<String> =
                kinds.iter().filter(|k| matches!(k.as_str(), "city" | "region")).cloned().collect();
            keys.insert(PLACE.to_string(), within);
        }
        for (key, kinds) in &keys {
            let declared = registry.qualifiers.get(key).is_some_and(|(q, _)| q.entity);
            if values.contains_key(key) || !declared || kinds.is_empty() {
                continue;
            }
            // A place the property's claims do not use must be said to be where: «في», "in".
            // «من مدينة جاناوزين», "from Zhanaozen": where it came from, not where it holds.
            let preposition = |h: &cues::Hit<usize>| {
                (h.first.saturating_sub(3)..h.first)
                    .rev()
                    .map(|i| around.words[i].folded.as_str())
                    .find(|w| matches!(*w, "في" | "وفي" | "in" | "الي" | "to" | "من" | "from"))
            };
            let said_in = |h: &cues::Hit<usize>| match preposition(h) {
                Some("من" | "from") => key != PLACE,
                Some("في" | "وفي" | "in") => true,
                _ => declared_keys.contains_key(key),
            };
            let with_adjectives = key != PLACE;
            let near = entities
                .iter()
                .chain(adjectives.iter().filter(|_| with_adjectives))
                .filter(|h| {
                    (if around.in_clause(h.first) { own(h.first) } else { around.in_reach(h.first) })
                        && Some(h.what) != speaker
                        && !used.contains(&h.what)
                })
                .filter(|h| kinds.contains(&registry.entities[h.what].kind) && said_in(h))
                .min_by_key(|h| around.distance(h.first));
            if let Some(h) = near {
                used.insert(h.what);
                values.insert(key.clone(), registry.entities[h.what].id.clone());
                guesses.insert(
                    format!("qualifiers.{key}"),
                    Guess { confidence: Confidence::Medium, from: around.text(text, h.first, h.last) },
                );
                // «في ألماتي ومانغيستاو», «في ألماتي ومنطقة مانغيستاو»: the figure holds for
                // each place of the list.
                if key == PLACE && more.is_empty() {
                    let mut last = h.last;
                    for next in entities.iter().filter(|e| e.first > h.last) {
                        let joined = (next.first == last + 1 && around.words[next.first].folded.starts_with('و'))
                            || (next.first == last + 2 && cues::joins_place(&around.words[last + 1].folded));
                        if !joined
                            || !kinds.contains(&registry.entities[next.what].kind)
                            || !around.in_reach(next.first)
                        {
                            break;
                        }
                        if next.what != h.what && used.insert(next.what) {
                            more.push((key.clone(), registry.entities[next.what].id.clone()));
                        }
                        last = next.last;
                    }
                }
            }
        }
        // «أعلنت أرمينيا أنها سترسل مئة جندي», "Russia's defence ministry said … more than 70
        // aircraft": a country that counts a part of a whole it has a part in (a contingent of
        // a force) counts its own.
        if let Some(e) = speaker {
            for (key, kinds) in declared_keys {
                let own_part = registry.qualifiers.get(key).is_some_and(|(q, _)| q.entity && q.part_of_whole);
                if key != PLACE && own_part && !values.contains_key(key) && kinds.contains(&registry.entities[e].kind) {
                    values.insert(key.clone(), registry.entities[e].id.clone());
                    let from = format!("the speaker, {}, counts its own", registry.entities[e].id);
                    guesses.insert(format!("qualifiers.{key}"), Guess { confidence: Confidence::Low, from });
                }
            }
        }
        // «كان لتر الغاز في محطات المدينة», «المدينة وحدها سجلت 103», "cut in the region": a
        // place noun in the figure's clause is the place of its kind the text last named.
        // (Not a place of a kind the property's claims are about: «المدينة التي يقطنها» is the
        // population's subject.)
        let subject_kinds = self.priors.subject_kinds(self.corpus, property);
        if let Some(kinds) = keys.get(PLACE).filter(|_| !values.contains_key(PLACE))
            && let Some((e, guess)) = self.place_meant(around, |k| kinds.contains(k) && !subject_kinds.contains(k), own)
            && !used.contains(&e)
            && Some(e) != speaker
        {
            used.insert(e);
            values.insert(PLACE.to_string(), registry.entities[e].id.clone());
            guesses.insert(format!("qualifiers.{PLACE}"), guess);
        }
        (values, guesses, used, more)
    }

    /// The place a place noun in the figure's clause stands for (one whose kind `fits`, at a
    /// word `own` keeps): the place of that kind the text last named before it.
    fn place_meant(
        &self,
        around: &Around,
        fits: impl Fn(&str) -> bool,
        own: impl Fn(usize) -> bool,
    ) -> Option<(usize, Guess)> {
        let registry = &self.corpus.registry;
        let (i, kind) = (0..around.words.len())
            .filter(|&i| around.in_clause(i) && own(i))
            .filter_map(|i| Some((i, cues::place_noun(&around.words, i)?)))
            .filter(|(_, kind)| fits(kind))
            .min_by_key(|&(i, _)| around.distance(i))?;
        let at = around.words[i].start;
        let e = self.named_at[..self.named_at.partition_point(|&(s, _)| s < at)]
            .iter()
            .rev()
            .find(|&&(_, e)| registry.entities[e].kind == kind)?
            .1;
        let from =
            format!("{}: the {kind} last named, {}", around.text(&self.source.text, i, i), registry.entities[e].id);
        Some((e, Guess { confidence: Confidence::Low, from }))
    }

    /// The subject, from what the clause names and what the property's claims and
    /// description say, in this order: an entity the clause names that claims of the
    /// property are about; the one subject the description declares; any entity of a
    /// fitting kind the clause names; one the sentence names that the property's claims are
    /// about; the subject most of them are about; any of a fitting kind the sentence names;
    /// the text's most named one of a fitting kind. A text's main subject never overrides
    /// what the property's claims say (a death toll is the unrest's, not the mission's).
    fn subject(
        &self,
        property: usize,
        around: &Around,
        used: &HashSet<usize>,
        speaker: Option<usize>,
    ) -> Result<(usize, Guess), String> {
        let registry = &self.corpus.registry;
        let kinds = self.priors.subject_kinds(self.corpus, property);
        let fits = |e: usize| kinds.is_empty() || kinds.contains(registry.entities[e].kind.as_str());
        let known = |e: usize| self.priors.subjects.get(&property).is_some_and(|s| s.contains_key(&e));
        let hits = self.lexicon.entities(&around.words);
        let nearest = |in_clause: bool, known_only: bool| {
            hits.iter()
                .filter(|h| fits(h.what) && !used.contains(&h.what) && Some(h.what) != speaker)
                .filter(|h| !in_clause || around.in_clause(h.first))
                .filter(|h| !known_only || known(h.what))
                .min_by_key(|h| (!around.in_clause(h.first), around.distance(h.first)))
        };
        let named = |h: &cues::Hit<usize>, confidence| {
            Ok((h.what, Guess { confidence, from: around.text(&self.source.text, h.first, h.last) }))
        };
        if let Some(h) = nearest(true, true) {
            return named(h, Confidence::High);
        }
        // The one subject the registry declares for the property (the border's «subject:
        // kazakhstan», whoever the clause names).
        if let Some(e) = self.priors.declared_subject(property) {
            let said = hits.iter().any(|h| h.what == e);
            let confidence = if said { Confidence::High } else { Confidence::Medium };
            let from = format!(
                "the registry declares {} the subject of {}",
                registry.entities[e].id, registry.properties[property].id
            );
            return Ok((e, Guess { confidence, from }));
        }
        if let Some(h) = nearest(true, false) {
            return named(h, Confidence::High);
        }
        // «في المدينة التي يقطنها 150 ألف نسمة»: the city last named.
        if let Some((e, guess)) = self.place_meant(around, |k| !kinds.is_empty() && kinds.contains(k), |_| true)
            && !used.contains(&e)
            && Some(e) != speaker
        {
            return Ok((e, guess));
        }
        if let Some(h) = nearest(false, true) {
            return named(h, Confidence::Medium);
        }
        // A person the text never names is no one's guess (an event or country may go unnamed).
        let unnamed_person = |e: usize| registry.entities[e].kind == "person" && !self.named.contains_key(&e);
        let usual = self.priors.usual_subject(property).filter(|&e| !unnamed_person(e));
        if let Some(e) = usual {
            let from = format!("most claims of {} are about it", registry.properties[property].id);
            let confidence = if self.named.contains_key(&e) { Confidence::Medium } else { Confidence::Low };
            return Ok((e, Guess { confidence, from }));
        }
        if let Some(h) = nearest(false, false) {
            return named(h, Confidence::Medium);
        }
        let main = self
            .named
            .iter()
            .filter(|&(&e, _)| fits(e))
            .max_by_key(|&(&e, &n)| (n, std::cmp::Reverse(e)))
            .map(|(&e, _)| e);
        match main {
            Some(e) => {
                // With no claims of the property to learn from, any entity is a weak guess.
                let (confidence, of) =
                    if kinds.is_empty() { (Confidence::Low, "of all") } else { (Confidence::Medium, "of its kind") };
                let from = format!("the text names {} most {of}", registry.entities[e].id);
                Ok((e, Guess { confidence, from }))
            }
            // A text on one city names no country: «البلاد» is the one the corpus is about.
            None => {
                let e = (0..registry.entities.len())
                    .filter(|&e| !kinds.is_empty() && fits(e) && !unnamed_person(e))
                    .filter_map(|e| self.priors.subject_weight.get(&e).map(|&n| (n, std::cmp::Reverse(e))))
                    .max()
                    .map(|(_, std::cmp::Reverse(e))| e)
                    .ok_or_else(|| "no entity of the registry is named near it".to_string())?;
                let from = format!("the corpus's claims are most about {} of its kind", registry.entities[e].id);
                Ok((e, Guess { confidence: Confidence::Low, from }))
            }
        }
    }

    /// Who the sentence says stated it: the entity right after a speech verb (or right
    /// before "said").
    fn speaker(&self, around: &Around) -> Option<(usize, Guess)> {
        let entities = self.lexicon.entities(&around.words);
        for verb in self.lexicon.speech(&around.words) {
            // «قال إنهم هاجموا ألماتي», "said that …": what follows is what was said.
            let content = around.words.get(verb.last + 1).is_some_and(|w| CONTENT.contains(&w.folded.as_str()));
            let after = entities.iter().find(|h| !content && h.first > verb.last && h.first <= verb.last + 4);
            // "Kyrgyzstan some 150, according to …", «بحسب …»: the source follows, never precedes.
            let follows = ACCORDING.contains(&around.words[verb.first].folded.as_str());
            // "Russia's defence ministry said": a name's «'s» is no word between it and the verb.
            let genitive = |i: usize| {
                around
                    .words
                    .get(i + 1)
                    .is_some_and(|w| w.folded == "s" && self.source.text[..w.start].ends_with(['\'', '’']))
            };
            let reach = |h: &cues::Hit<usize>| if genitive(h.last) { 4 } else { 3 };
            let before =
                entities.iter().rev().find(|h| !follows && h.last < verb.first && h.last + reach(h) >= verb.first);
            // A city or region beside the verb is a dateline or a place, not who spoke.
            let speaks = |h: &&cues::Hit<usize>| {
                !matches!(self.corpus.registry.entities[h.what].kind.as_str(), "city" | "region")
            };
            if let Some(h) = after.filter(speaks).or(before.filter(speaks)) {
                let (a, b) = (h.first.min(verb.first), h.last.max(verb.last));
                let from = around.text(&self.source.text, a, b);
                return Some((h.what, Guess { confidence: Confidence::Medium, from }));
            }
        }
        None
    }

    /// The substantive date nearest the figure within its sentence.
    /// The entity name `start..end` stands in, if any.
    fn name_around(&self, start: usize, end: usize) -> Option<&'a str> {
        let k = self.names.partition_point(|&(a, _)| a <= start);
        let &(a, b) = self.names[..k].last()?;
        (end <= b).then(|| &self.source.text[a..b])
    }

    fn nearest_date(&self, m: &Mention, (sa, sb): (usize, usize)) -> Option<&'a Mention> {
        let distance = |d: &Mention| if d.end <= m.start { m.start - d.end } else { d.start.saturating_sub(m.end) };
        self.mentions
            .iter()
            .filter(|d| d.reading.kind == ValueKind::Date && d.is_substantive() && d.start != m.start)
            .filter(|d| d.start >= sa && d.end <= sb && self.name_around(d.start, d.end).is_none())
            .min_by_key(|d| distance(d))
    }
}

/// Words (folded, stems) that say a figure fell: its after is the after of a cut.
/// A return ("back to", «سيعود إلى») after a rise is a fall too.
const FALL: &[&str] = &[
    "خفض",
    "تخفيض",
    "انخفض",
    "تراجع",
    "cut",
    "fell",
    "lower",
    "reduc",
    "drop",
    "decreas",
    "slash",
    "plung",
    "back",
    "يعود",
    "تعود",
    "سيعود",
    "ستعود",
];

/// Words (folded) that say a figure holds still: it is what a change left.
const STATE: &[&str] = &[
    "بقي",
    "بقيت",
    "يبقي",
    "تبقي",
    "ظل",
    "ظلت",
    "يظل",
    "تظل",
    "ثابت",
    "ثابتا",
    "ثابته",
    "مستقر",
    "مستقرا",
    "مستقره",
    "يزال",
    "تزال",
    "زال",
    "stayed",
    "stays",
    "remained",
    "remains",
    "steady",
    "unchanged",
    "still",
];

/// Words (folded) that say what had stopped came back: a stop's date is then its end.
const RETURN: &[&str] = &["رجع", "رجعت", "عاد", "عادت", "returned", "restored", "resumed"];

/// «من»/"from" before the first figure of a change.
fn is_from(folded: &str) -> bool {
    matches!(folded, "من" | "from")
}

/// Whether the words before a figure's word `i` (the word right before it) say it is what
/// the figure before it replaced: "120 tenge a litre instead of sixty", "up from 225",
/// «120 تنغي بدلاً من 60», «مقابل 60».
fn replaced(words: &[Word], i: usize) -> bool {
    let w = |k: usize| words.get(k).map_or("", |w| w.folded.as_str());
    let prev = i.checked_sub(1).map_or("", w);
    match w(i) {
        "of" => prev == "instead",
        "from" => matches!(prev, "up" | "down"),
        "من" => matches!(prev, "بدلا" | "عوضا" | "بدل"),
        "بدل" | "مقابل" | "against" => true,
        _ => false,
    }
}

/// «إلى»/"to" before the second figure of a change.
fn is_to(folded: &str) -> bool {
    matches!(folded, "الي" | "والي" | "حتي" | "to")
}

/// Properties said of any event, which defer to their form for the event a sentence names
/// (`withdrawal_duration`, `withdrawal_start_date`).
const GENERIC: &[&str] = &["duration", "start_date", "end_date"];

/// The scope of a date announced in advance (the vocabulary's), for a day counted ahead.
const ANNOUNCED: &str = "announced";

/// The qualifier key of the part of a whole a figure counts.
const GROUP: &str = "group";

/// The qualifier key of where a figure holds.
const PLACE: &str = "place";

/// Words (folded) right after a figure that point back to what a figure before it counts.
const BACK: &[&str] = &["منهم", "ومنهم", "بينهم", "منهن"];

/// Words (folded) right before a figure that make it a part of the one before it.
const PARTITIVE: &[&str] = &["منهم", "بينهم", "ومنهم", "منها", "بينها", "including", "among", "whom"];

/// Words (folded) that open a relative clause.
const RELATIVE: &[&str] = &["التي", "الذي", "الذين", "والتي", "والذي", "which", "where", "who", "whose"];

/// Words (folded) of attribution whose source follows them: "according to", «بحسب», «وفق».
const ACCORDING: &[&str] = &["according", "حسب", "بحسب", "وبحسب", "وفق", "وفقا", "ووفق", "ووفقا"];

/// Words (folded) that open what a speech verb reports, not who spoke.
const CONTENT: &[&str] = &["ان", "انه", "انها", "انهم", "بان", "بانه", "that"];

/// The unit named by the words right after a figure, as the reader knows units.
fn unit_after(text: &str, at: usize) -> Option<&'static str> {
    let words = cues::words(text, at, text.len().min(at + 80));
    let first = words.first().filter(|w| text[at..w.start].trim().is_empty())?;
    let read = |phrase: &str| value::read(&format!("1 {phrase}"), &value::ReadOptions::default()).ok()?.unit;
    let two = words.get(1).map(|w| &text[first.start..w.end]);
    let found = two.into_iter().chain([&text[first.start..first.end]]).find_map(read);
    // "hundreds of millions of dollars", «مئات الملايين من الدولارات»: the unit after «من»
    // or "of", with its article.
    found.or_else(|| {
        let next = words.get(1).filter(|_| matches!(first.folded.as_str(), "من" | "of"))?;
        let word = &text[next.start..next.end];
        read(word.strip_prefix("ال").unwrap_or(word))
    })
}

/// Where the second figure of "من 60 إلى 120" / "from 60 to 120" begins: the connector.
fn connector(mention: &str) -> Option<usize> {
    let folded = mention.to_lowercase();
    let starts = ["من", "from"].iter().any(|w| folded.trim_start().starts_with(w));
    if !starts {
        return None;
    }
    [" إلى ", " الى ", " to ", " حتى "].iter().find_map(|c| folded.find(c)).map(|k| k + 1)
}

fn unique_id(source: &str, property: &str, taken: &mut HashSet<String>) -> String {
    let stem = format!("{source}-{}", property.replace('_', "-"));
    let mut id = stem.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// What `claimcheck draft` is told about the text.
#[derive(Debug, Clone)]
pub struct TextInfo {
    pub source_id: String,
    /// Where the text will stand in the corpus: `texts/<file name>`.
    pub path: String,
    pub published: Option<String>,
    pub language: Option<String>,
}

/// A source file as `claimcheck draft` prints it: the source, its drafted claims, and under
/// `draft` the figures left out.
#[derive(Debug, Serialize)]
pub struct SourceFile {
    pub source: crate::corpus::SourceMeta,
    pub claims: Vec<DraftClaim>,
    pub draft: FileNote,
}

#[derive(Debug, Serialize)]
pub struct FileNote {
    pub note: &'static str,
    pub unplaced: Vec<Unplaced>,
}

/// The source a text would be once copied into the corpus at `info.path`.
pub fn new_source(text: String, info: &TextInfo) -> Source {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(120).collect::<String>())
        .unwrap_or_else(|| info.source_id.clone());
    let meta = crate::corpus::SourceMeta {
        id: info.source_id.clone(),
        title,
        author: Vec::new(),
        publisher: None,
        published: info.published.clone(),
        language: info.language.clone(),
        path: info.path.clone(),
        glyph_map: BTreeMap::new(),
        url: None,
        note: None,
    };
    Source {
        reading: crate::corpus::source_read_options(info.published.as_deref()),
        lines: crate::corpus::locate::LineIndex::new(&text),
        file: std::path::PathBuf::from(format!("sources/{}.json", info.source_id)),
        text_file: std::path::PathBuf::from(&info.path),
        glyphs: Default::default(),
        meta,
        text,
    }
}

/// Drafts the source file of a text not yet in the corpus: a claim for each figure and date
/// coverage would count, ids unique in the corpus.
pub fn draft_text(corpus: &Corpus, config: &crate::coverage::Config, text: String, info: &TextInfo) -> SourceFile {
    draft_source(corpus, &Priors::of(corpus), config, new_source(text, info))
}

/// [`draft_text`] for a source already made (a text with its glyph map), with the priors
/// given (those of the other sources, when a corpus text is drafted afresh).
pub fn draft_source(corpus: &Corpus, priors: &Priors, config: &crate::coverage::Config, source: Source) -> SourceFile {
    let mentions = crate::coverage::mentions_of(corpus, &source, config);
    let mut taken: HashSet<String> = corpus.claims.iter().map(|c| c.id.clone()).collect();
    let drafted = draft(corpus, priors, &source, &mentions, source.meta.language.as_deref(), &mut taken);
    SourceFile {
        source: source.meta,
        claims: drafted.claims.into_iter().map(|d| d.claim).collect(),
        draft: FileNote {
            note: "drafted by claimcheck draft: review each claim's `draft` guesses, then delete the `draft` objects",
            unplaced: drafted.unplaced,
        },
    }
}
