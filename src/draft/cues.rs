//! Words of a passage, and what the registry names among them: entities by any alias,
//! properties and qualifier values by their cues, speech verbs and words of change.
//! Words are folded ([`Mode::Read`], lower case) and an Arabic word may carry its clitics
//! («وبكازاخستان», «للسكان»).

use crate::corpus::Registry;
use crate::text::{Mode, fold};

/// One word of the original text, folded, with its byte range.
#[derive(Debug, Clone)]
pub struct Word {
    pub folded: String,
    pub start: usize,
    pub end: usize,
}

/// Tatweel and diacritics belong to the word they stand in.
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || crate::coverage::scan::is_folded_mark(c)
}

/// The words of `text[a..b]`, in order.
pub fn words(text: &str, a: usize, b: usize) -> Vec<Word> {
    // Ends that fall inside a character move back to its start: never a panic on a range
    // worked out on another form of the text.
    let boundary = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (a, b) = (boundary(a), boundary(b));
    let b = b.max(a);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[a..b].char_indices().map(|(i, c)| (a + i, c)).chain([(b, ' ')]) {
        match (start, word_char(c) && i < b) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let folded = fold(&text[s..i], Mode::Read).to_lowercase().replace(' ', "");
                if !folded.is_empty() {
                    out.push(Word { folded, start: s, end: i });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Clitics an Arabic word may begin with: conjunctions, prepositions, the article.
const CLITICS: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وبال",
];

fn folded(s: &str) -> String {
    fold(s, Mode::Read).to_lowercase()
}

/// Prefixes of the Arabic imperfect and future a verb cue may carry besides its clitics
/// («تنحى» in «يتنحى», «بدأ» in «سيبدأ»).
const IMPERFECT: &[&str] = &["ي", "وي", "في", "سي", "ت", "وت", "ست"];

/// Whether `word` is `stem` (or begins with it, when `prefix`) after a clitic.
fn word_matches(word: &str, stem: &str, prefix: bool) -> bool {
    CLITICS
        .iter()
        .any(|c| word.strip_prefix(c).is_some_and(|rest| if prefix { rest.starts_with(stem) } else { rest == stem }))
}

/// How the words of a pattern are compared with the words of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    /// Whole words (an Arabic first word may carry clitics).
    Whole,
    /// Words that begin with the pattern's.
    Prefix,
    /// A property's cue: an Arabic word begins with it (after clitics or a verb's prefix),
    /// a Latin one has its stem ("erupted" is "erupts", "deadly" is not "dead").
    Cue,
}

fn is_latin(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// A light English stem: the endings of plurals, past tenses and gerunds, and a final «e»,
/// cut from words long enough to keep a stem ("injuries" and "injured" share «injur»).
pub fn english_stem(w: &str) -> &str {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let n = w.len();
    let mut s = if n > 5 && w.ends_with("ing") {
        &w[..n - 3]
    } else if n > 4 && (w.ends_with("ed") || w.ends_with("es")) {
        &w[..n - 2]
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") {
        &w[..n - 1]
    } else {
        w
    };
    // "stepped" → «step»; "killed" keeps its «ll».
    let b = s.as_bytes();
    if s.len() != n && s.len() > 3 && b[s.len() - 1] == b[s.len() - 2] && !matches!(b[s.len() - 1], b'l' | b's' | b'z')
    {
        s = &s[..s.len() - 1];
    }
    // "injuries", "injury" and "injured" share «injur»; "price" and "priced" «pric».
    if (s.len() > 3 && s.ends_with('e')) || (s.len() > 4 && (s.ends_with('i') || s.ends_with('y'))) {
        s = &s[..s.len() - 1];
    }
    s
}

fn cue_matches(word: &str, cue: &str, first: bool) -> bool {
    if is_latin(cue) {
        return english_stem(word) == english_stem(cue);
    }
    // A noun in «ة» (folded «ه») keeps its «ت» before a pronoun: «استقالة حكومة» in
    // «استقالة حكومته».
    let bound = cue.strip_suffix('ه').filter(|s| s.chars().count() >= 2).map(|s| format!("{s}ت"));
    std::iter::once(cue).chain(bound.as_deref()).any(|cue| {
        if !first {
            return word.starts_with(cue);
        }
        word_matches(word, cue, true)
            || IMPERFECT.iter().any(|p| word.strip_prefix(p).is_some_and(|rest| rest.starts_with(cue)))
    })
}

/// A pattern found in a passage: what it names and the words (indexes) it spans.
#[derive(Debug, Clone)]
pub struct Hit<T> {
    pub what: T,
    pub first: usize,
    pub last: usize,
}

/// Patterns of words: the first word may carry clitics; the words compare as `how` says.
struct Patterns<T> {
    list: Vec<(Vec<String>, T)>,
    how: Match,
}

impl<T: Clone> Patterns<T> {
    fn new(mut list: Vec<(Vec<String>, T)>, how: Match) -> Self {
        list.retain(|(w, _)| !w.is_empty() && w.iter().map(|w| w.chars().count()).sum::<usize>() >= 3);
        // Longest first: «روسيا البيضاء» before «روسيا».
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.iter().map(String::len).sum::<usize>()));
        Patterns { list, how }
    }

    fn matches_at(&self, pattern: &[String], words: &[Word], i: usize) -> bool {
        i + pattern.len() <= words.len()
            && pattern.iter().enumerate().all(|(k, p)| {
                let w = &words[i + k].folded;
                match self.how {
                    Match::Cue => cue_matches(w, p, k == 0),
                    Match::Prefix if k == 0 => word_matches(w, p, true),
                    Match::Prefix => w.starts_with(p.as_str()),
                    Match::Whole if k == 0 => word_matches(w, p, false),
                    Match::Whole => w == p,
                }
            })
    }

    /// Every find, overlapping ones too: the longest pattern of each thing named at each
    /// word (one word may be the cue of several properties: «اعتقلت» arrests and when).
    fn find_all(&self, words: &[Word]) -> Vec<Hit<T>>
    where
        T: PartialEq,
    {
        let mut out: Vec<Hit<T>> = Vec::new();
        for i in 0..words.len() {
            let start = out.len();
            for (pattern, what) in &self.list {
                if self.matches_at(pattern, words, i) && !out[start..].iter().any(|h| h.what == *what) {
                    out.push(Hit { what: what.clone(), first: i, last: i + pattern.len() - 1 });
                }
            }
        }
        out
    }

    /// Every non-overlapping find, in order. Where two overlap, the one of more words wins,
    /// whichever starts first: «رجال الشرطة والحرس الوطني» names the security forces, not
    /// the police of «رجال الشرطة».
    fn find(&self, words: &[Word]) -> Vec<Hit<T>> {
        let at = |i: usize| self.list.iter().find(|(pattern, _)| self.matches_at(pattern, words, i));
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match at(i) {
                Some((pattern, what)) => {
                    let end = i + pattern.len();
                    let overtaken =
                        (i + 1..end).any(|j| at(j).is_some_and(|(p, _)| j + p.len() > end && p.len() > pattern.len()));
                    if overtaken {
                        i += 1;
                        continue;
                    }
                    out.push(Hit { what: what.clone(), first: i, last: end - 1 });
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }
}

fn split(s: &str) -> Vec<String> {
    folded(s).split(|c: char| !word_char(c)).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The adjectives of a one-word country name, folded: the Arabic nisba, masculine and
/// feminine («روسيا» → «روسي», «روسيه»; «كازاخستان» → «كازاخستاني»), and the English "-ian"
/// of a name in "-ia" ("Russia" → "russian").
fn adjective_forms(name: &str) -> Vec<String> {
    let name = folded(name);
    if name.split_whitespace().count() != 1 {
        return Vec::new();
    }
    if is_latin(&name) {
        return if name.ends_with("ia") { vec![format!("{name}n")] } else { Vec::new() };
    }
    let bare = name.strip_prefix("ال").unwrap_or(&name);
    let base = if let Some(stem) = bare.strip_suffix("يا") {
        format!("{stem}ي")
    } else if let Some(stem) = bare.strip_suffix('ا') {
        format!("{stem}ي")
    } else {
        format!("{bare}ي")
    };
    // The feminine ending as the text folds it.
    let feminine = folded(&format!("{base}ة"));
    vec![base, feminine]
}

/// What the drafter looks for, built once per registry.
pub struct Lexicon {
    entities: Patterns<usize>,
    /// Countries by their adjectives («روسية», "Russian").
    adjectives: Patterns<usize>,
    properties: Patterns<usize>,
    /// (qualifier key, value).
    qualifiers: Patterns<(String, String)>,
    scopes: Patterns<String>,
    speech: Patterns<()>,
    change: Patterns<()>,
}

/// Verbs and phrases that attribute what follows to a speaker.
const SPEECH: &[&str] = &[
    "قال",
    "أعلن",
    "صرح",
    "وفق",
    "حسب",
    "نقلت",
    "نقل",
    "أكد",
    "ذكر",
    "أفاد",
    "أوضح",
    "said",
    "says",
    "announced",
    "according",
    "told",
    "stated",
    "reported",
];

/// Nouns that stand for a place of a kind the text has named, with the Arabic noun's form
/// for "our": «المدينة», «منطقتنا», "the region" (Arabic ones folded, «ة» as «ه»).
const PLACE_NOUNS: &[(&str, &str, &str)] = &[
    ("مدينه", "مدينتنا", "city"),
    ("منطقه", "منطقتنا", "region"),
    ("اقليم", "اقليمنا", "region"),
    ("مقاطعه", "مقاطعتنا", "region"),
    ("ولايه", "ولايتنا", "region"),
    ("city", "", "city"),
    ("town", "", "city"),
    ("region", "", "region"),
    ("province", "", "region"),
];

/// The kind of place word `i` stands for: a place noun with the article («بالمدينة»,
/// «للمنطقة», "the city") or «نا» (our: «منطقتنا»), never a place in general («مدينة كبرى»).
pub fn place_noun(words: &[Word], i: usize) -> Option<&'static str> {
    let w = words[i].folded.as_str();
    PLACE_NOUNS.iter().find_map(|&(noun, ours, kind)| {
        let said = if is_latin(noun) {
            w == noun && i > 0 && words[i - 1].folded == "the"
        } else {
            let definite = CLITICS.iter().filter(|c| c.ends_with("ال")).any(|c| w.strip_prefix(c) == Some(noun))
                || ["لل", "ولل", "فلل"].iter().any(|c| w.strip_prefix(c) == Some(noun));
            definite || ["", "و", "ف", "ب", "ل", "وب"].iter().any(|c| w.strip_prefix(c) == Some(ours))
        };
        said.then_some(kind)
    })
}

/// Whether a word joins a second place to a list: «و» or "and", alone or on a place noun
/// («في ألماتي ومنطقة مانغيستاو», "in Almaty and the region of …").
pub fn joins_place(w: &str) -> bool {
    matches!(w, "و" | "and" | "وفي")
        || w.strip_prefix('و').is_some_and(|rest| PLACE_NOUNS.iter().any(|&(noun, _, _)| rest == noun))
}

/// Words that say a price or figure changed: "من 60 إلى 120" is then a before and an after.
const CHANGE: &[&str] = &[
    "ارتفع",
    "رفع",
    "ارتفاع",
    "زياد",
    "زاد",
    "تضاعف",
    "انخفض",
    "خفض",
    "قفز",
    // The imperfect of the verbs above, as chronologies and wires write them («فيقفز سعر اللتر»).
    "يرتفع",
    "ترتفع",
    "يقفز",
    "تقفز",
    "ينخفض",
    "تنخفض",
    "يتضاعف",
    "تتضاعف",
    "يخفض",
    "تخفض",
    "rose",
    "rais",
    "increas",
    "jump",
    "fell",
    "doubl",
    "climb",
    "went up",
    "went from",
    "leap",
    "soar",
    "surg",
    "hike",
    "tripl",
    "drop",
    "decreas",
    "slash",
    "plung",
    "cut",
    "lift",
    // A return ("back to 50 tenge", «سيعود إلى 50 تنغي») is a change to the figure it names.
    "back to",
    "back down",
    "يعود",
    "تعود",
    "سيعود",
    "ستعود",
];

impl Lexicon {
    /// `language`: the cues of that language only (all languages when it has none).
    pub fn new(registry: &Registry, language: Option<&str>) -> Lexicon {
        let entities = registry
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.names.iter().chain([&e.id]).map(move |n| (split(n), i)))
            .collect();
        let adjectives = registry
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == "country")
            .flat_map(|(i, e)| e.names.iter().flat_map(|n| adjective_forms(n)).map(move |a| (vec![a], i)))
            .collect();
        let pick = |cues: &std::collections::BTreeMap<String, Vec<String>>| -> Vec<String> {
            match language.and_then(|l| cues.get(l)) {
                Some(words) => words.clone(),
                None => cues.values().flatten().cloned().collect(),
            }
        };
        let properties = registry
            .properties
            .iter()
            .enumerate()
            .flat_map(|(i, p)| pick(&p.cues).into_iter().map(move |c| (split(&c), i)))
            .collect();
        let qualifiers = registry
            .qualifiers
            .iter()
            .flat_map(|(key, (q, _))| {
                q.cues.iter().flat_map(move |(value, cues)| {
                    pick(cues).into_iter().map(move |c| (split(&c), (key.clone(), value.clone())))
                })
            })
            .collect();
        let scopes = registry
            .scopes
            .values()
            .flat_map(|(s, _)| pick(&s.cues).into_iter().map(|c| (split(&c), s.id.clone())))
            .collect();
        let fixed = |list: &[&str]| list.iter().map(|w| (split(w), ())).collect();
        Lexicon {
            entities: Patterns::new(entities, Match::Whole),
            adjectives: Patterns::new(adjectives, Match::Whole),
            properties: Patterns::new(properties, Match::Cue),
            qualifiers: Patterns::new(qualifiers, Match::Whole),
            scopes: Patterns::new(scopes, Match::Whole),
            speech: Patterns::new(fixed(SPEECH), Match::Prefix),
            change: Patterns::new(fixed(CHANGE), Match::Prefix),
        }
    }

    pub fn entities(&self, words: &[Word]) -> Vec<Hit<usize>> {
        self.entities.find(words)
    }

    pub fn adjectives(&self, words: &[Word]) -> Vec<Hit<usize>> {
        self.adjectives.find(words)
    }

    pub fn properties(&self, words: &[Word]) -> Vec<Hit<usize>> {
        self.properties.find_all(words)
    }

    pub fn qualifiers(&self, words: &[Word]) -> Vec<Hit<(String, String)>> {
        self.qualifiers.find(words)
    }

    /// Scopes the registry gives words for, as the text names them.
    pub fn scopes(&self, words: &[Word]) -> Vec<Hit<String>> {
        self.scopes.find(words)
    }

    pub fn speech(&self, words: &[Word]) -> Vec<Hit<()>> {
        self.speech.find(words)
    }

    pub fn change(&self, words: &[Word]) -> bool {
        !self.change.find(words).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_place_and_fold() {
        let text = "قُتِل 19 شخصاً، وقال Tokayev";
        let w = words(text, 0, text.len());
        let folded: Vec<&str> = w.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(folded, ["قتل", "19", "شخصا", "وقال", "tokayev"]);
        assert_eq!(&text[w[4].start..w[4].end], "Tokayev");
    }

    #[test]
    fn clitics_and_stems_match() {
        assert!(word_matches("وبالسكان", "سكان", false));
        assert!(word_matches("قتلى", "قتل", true));
        assert!(!word_matches("مقتل", "قتل", true));
        assert!(!word_matches("روسيات", "روسيا", false));
        // A verb's imperfect and future prefixes: «يتنحى», «سيبدأ».
        assert!(cue_matches("يتنحى", "تنحى", true) && cue_matches("سيبدأ", "بدأ", true));
        assert!(cue_matches("حكومته", "حكومه", false) && cue_matches("وحكومتها", "حكومه", true));
        let kind = |text: &str, i: usize| place_noun(&words(text, 0, text.len()), i);
        assert_eq!(kind("في محطات المدينة", 2), Some("city"));
        assert_eq!(kind("غير أن منطقتنا لم تسجل", 2), Some("region"));
        assert_eq!(kind("خُفض السعر في الإقليم", 3), Some("region"));
        assert_eq!(kind("returned to the city", 3), Some("city"));
        assert_eq!(kind("مدينة كبرى", 0), None);
        assert_eq!(kind("a city", 1), None);
        assert!(!cue_matches("حكوم", "حكومه", false));
    }

    #[test]
    fn countries_have_adjectives() {
        assert_eq!(adjective_forms("روسيا"), ["روسي".to_string(), folded("روسية")]);
        assert_eq!(adjective_forms("كازاخستان")[0], "كازاخستاني");
        assert_eq!(adjective_forms("Armenia"), ["armenian"]);
        assert!(adjective_forms("روسيا الاتحادية").is_empty());
    }

    #[test]
    fn english_cues_match_by_stem() {
        for (word, cue) in [("erupt", "erupted"), ("injured", "injuries"), ("stepped", "steps"), ("prices", "price")] {
            assert!(cue_matches(word, cue, true), "{word} ~ {cue}");
        }
        for (word, cue) in [("deadly", "dead"), ("traders", "trade"), ("killed", "kill")] {
            assert_eq!(cue_matches(word, cue, true), word == "killed", "{word} ~ {cue}");
        }
    }
}
