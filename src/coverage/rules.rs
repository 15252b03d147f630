//! What looks like a figure but asserts nothing: footnote markers, page numbers, URLs,
//! identifiers, citations, ordinals that only count paragraphs, and words like عدة.
//! Each rule looks at the mention in its original line; [`Config`] turns rules off and
//! adds cues.

use super::config::Config;
use crate::text::{Mode, fold};
use crate::value::{self, Hedge, Reading, ValueKind};
use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A small number glued to a word, in superscript, or closing a line after punctuation.
    Footnote,
    /// A number alone on its line.
    PageNumber,
    Url,
    /// Digits glued to Latin letters, slashes or hyphens: `asia-48545166`, `1316150.html`.
    Identifier,
    /// A line that reads as a citation: a URL, a page, an issue, a publisher and a year.
    ReferenceLine,
    /// An ordinal that ranks nothing: "الجهة الأولى", "ابنته الثانية".
    Ordinal,
    /// A word that is no figure on its own: "عدة" (several).
    NotAFigure,
}

impl Rule {
    pub const ALL: [Rule; 7] = [
        Rule::Footnote,
        Rule::PageNumber,
        Rule::Url,
        Rule::Identifier,
        Rule::ReferenceLine,
        Rule::Ordinal,
        Rule::NotAFigure,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::Footnote => "footnote",
            Rule::PageNumber => "page-number",
            Rule::Url => "url",
            Rule::Identifier => "identifier",
            Rule::ReferenceLine => "reference-line",
            Rule::Ordinal => "ordinal",
            Rule::NotAFigure => "not-a-figure",
        }
    }

    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// A mention in its place: the source text, the mention's original byte range, its line.
pub struct Place<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub reading: &'a Reading,
    /// The byte range of the mention's line, without its line break.
    pub line: Range<usize>,
    /// What the rules know of that line as a whole.
    pub facts: &'a LineFacts,
}

/// Whether most letters of a text are not Latin (an Arabic or Russian source, say): there,
/// a line of Latin text with a year is a reference, not a sentence of the source.
pub fn latin_is_foreign(text: &str) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            'a'..='z' | 'A'..='Z' => latin += 1,
            // Arabic letters, without a look-up in the Unicode tables.
            '\u{0621}'..='\u{064A}' => other += 1,
            c if c.is_ascii() => {}
            c if c.is_alphabetic() => other += 1,
            _ => {}
        }
    }
    other > latin
}

/// What the rules know of a whole line, worked out once for all the mentions on it: a
/// line of a 50 MB text may hold thousands, and none of them may cost a pass over it.
#[derive(Debug, Clone, Default)]
pub struct LineFacts {
    /// The line reads as a citation.
    pub citation: bool,
    /// Byte ranges (in the text) of the URLs on the line.
    urls: Vec<Range<usize>>,
}

impl LineFacts {
    pub fn of(text: &str, line: Range<usize>, config: &Config, latin_is_foreign: bool) -> LineFacts {
        let s = &text[line.clone()];
        let citation = is_reference_line(s, config) || (latin_is_foreign && LATIN_CITATION.is_match(s));
        let urls = URL.find_iter(s).map(|m| line.start + m.start()..line.start + m.end()).collect();
        LineFacts { citation, urls }
    }
}

impl Place<'_> {
    /// The mention's line, without its line break.
    pub fn line(&self) -> &str {
        &self.text[self.line.clone()]
    }

    fn mention(&self) -> &str {
        &self.text[self.start..self.end]
    }

    /// Text of the line before and after the mention.
    fn before(&self) -> &str {
        &self.text[self.line.start..self.start]
    }

    fn after(&self) -> &str {
        &self.text[self.end..self.line.end]
    }
}

/// The first rule (in [`Rule::ALL`] order) that finds the mention no assertion.
pub fn skip(place: &Place, config: &Config) -> Option<Rule> {
    Rule::ALL.into_iter().find(|&rule| config.is_on(rule) && applies(rule, place, config))
}

fn applies(rule: Rule, p: &Place, config: &Config) -> bool {
    match rule {
        Rule::Footnote => is_footnote(p),
        Rule::PageNumber => is_small_number(p) && trim_marks(p.line()) == trim_marks(p.mention()),
        Rule::Url => in_url(p),
        Rule::Identifier => is_identifier(p),
        Rule::ReferenceLine => p.facts.citation,
        Rule::Ordinal => is_bare_ordinal(p, config),
        Rule::NotAFigure => config.not_figures.contains(&fold(p.mention(), Mode::Read)),
    }
}

const BRACKETS: &[char] = &['(', ')', '[', ']', '{', '}', '﴾', '﴿'];
const QUOTES: &[char] = &['«', '»', '"', '“', '”', '„', '\''];
const SUPERSCRIPTS: &[char] = &['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
/// One-letter particles and the article that may be glued to a figure: بـ60, والـ12.
const PARTICLES: &[&str] = &["ب", "ل", "ك", "و", "ف", "ال", "وال", "بال", "لل", "فال", "كال"];

fn trim_marks(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || BRACKETS.contains(&c) || matches!(c, '-' | '–' | '—' | '|' | '.'))
}

/// A plain integer below 1000 written in digits.
fn is_small_number(p: &Place) -> bool {
    let r = p.reading;
    r.kind == ValueKind::Number
        && r.hedge == Hedge::Exact
        && r.nominal.fract() == 0.0
        && (0.0..1000.0).contains(&r.nominal)
        && trim_marks(p.mention()).chars().all(|c| c.is_numeric() || c.is_whitespace() || BRACKETS.contains(&c))
}

fn is_footnote(p: &Place) -> bool {
    if !is_small_number(p) {
        return false;
    }
    if p.mention().chars().any(|c| SUPERSCRIPTS.contains(&c)) {
        return true;
    }
    // Brackets around the number belong to it: ")1(" is one marker.
    let before = p.before().trim_end_matches(BRACKETS);
    let after = p.after().trim_start_matches(BRACKETS);
    // Glued to a word ("الميلادي1", "والمعادن)1(", "نزارباييف«)2("), unless the word is a
    // particle that takes figures ("بـ60", "والـ12").
    // A word of 64 letters is no particle either way: the count stops there.
    let glued: String = before.chars().rev().take_while(|c| c.is_alphabetic() || QUOTES.contains(c)).take(64).collect();
    let glued: String = glued.chars().rev().filter(|&c| c != '\u{0640}' && !QUOTES.contains(&c)).collect();
    if !glued.is_empty() && !PARTICLES.contains(&glued.as_str()) {
        return true;
    }
    // A bracketed marker right after a bracketed figure: ")40()10(".
    if before.len() < p.before().len() && before.ends_with(|c: char| c.is_numeric()) {
        return true;
    }
    // A note's number at the start of its line: "1. تمتلك …", "2 . نور …".
    if p.before().trim().is_empty() && after.trim_start().starts_with(['.', '-', ')']) {
        return true;
    }
    // Closing a line after punctuation: "«الاتحاد الأوراسي» 6.", reversed ".3".
    let tail_empty =
        after.trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "،؛".contains(c)).is_empty();
    let prev = before.trim_end().chars().next_back();
    tail_empty && prev.is_some_and(|c| !c.is_alphanumeric())
}

fn in_url(p: &Place) -> bool {
    p.facts.urls.iter().any(|u| u.start <= p.start && p.end <= u.end)
}

static URL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?:https?://|www\.|pic\.twitter\.com/)\S+|(?-u:\b)[a-z0-9.-]+\.(?:com|org|net|info|ru|kz|html?|php)(?-u:\b)\S*")
        .expect("a valid pattern")
});

/// A figure glued to Latin letters or code punctuation: "world-asia-48545166", "F-16",
/// "id=42". English compounds are figures, not codes: "a 180-day freeze", "the six-nation
/// bloc", "a 19-year-old" (a hyphen then a lowercase word), "mid-January" (a time prefix).
fn is_identifier(p: &Place) -> bool {
    const TIME_PREFIXES: &[&str] = &["mid", "early", "late"];
    let code = |c: char| c.is_ascii_alphabetic() || matches!(c, '_' | '/' | '#' | '@' | '=' | '&');
    let mut before = p.before().chars().rev();
    let mut after = p.after().chars();
    let left = match before.next() {
        Some('.') => before.next().is_some_and(|c| c.is_ascii_alphabetic()),
        Some('-') => {
            let head = p.before().strip_suffix('-').unwrap_or_default();
            let word = head.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or_default();
            !word.is_empty() && !TIME_PREFIXES.iter().any(|t| word.eq_ignore_ascii_case(t))
        }
        Some(c) => code(c),
        None => false,
    };
    let right = match after.next() {
        Some('-') => {
            let tail = p.after().strip_prefix('-').unwrap_or_default();
            let word = tail.split(|c: char| !(code(c) || c.is_ascii_digit())).next().unwrap_or_default();
            word.starts_with(code) && !word.chars().all(|c| c.is_ascii_lowercase())
        }
        Some('.') => after.next().is_some_and(code),
        Some(c) => code(c),
        None => false,
    };
    left || right
}

/// A line of Latin text with a year.
static LATIN_CITATION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^[^\p{Arabic}]*[A-Za-z]{3,}[^\p{Arabic}]*(?-u:\b)(?:1[89]|20)\d\d(?-u:\b)[^\p{Arabic}]*$")
        .expect("the pattern is valid")
});

fn is_reference_line(line: &str, config: &Config) -> bool {
    // A note that starts with its superscript number is a reference, however long.
    if line.trim_start().starts_with(SUPERSCRIPTS) {
        return true;
    }
    if line.chars().count() > config.reference_line_max_chars {
        return false;
    }
    config.reference_keywords.iter().any(|k| line.contains(k.as_str()))
        || config.reference_patterns.iter().any(|re| re.is_match(line))
}

/// An ordinal in words, unless a rank word stands before it ("المرتبة الثانية") or a
/// superlative after it ("ثاني أكبر").
fn is_bare_ordinal(p: &Place, config: &Config) -> bool {
    if p.reading.kind != ValueKind::Number || !value::is_ordinal(&fold(p.mention(), Mode::Read)) {
        return false;
    }
    let prev = fold(p.text[..p.start].split_whitespace().next_back().unwrap_or(""), Mode::Read);
    let next = fold(p.text[p.end..].split_whitespace().next().unwrap_or(""), Mode::Read);
    !(config.rank_before.contains(&prev) || config.rank_after.contains(&next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Folded, GlyphMap};
    use crate::value::{ReadOptions, mentions};

    /// The rule each mention of `text` falls under, as (mention, rule name or "-").
    fn rules(text: &str) -> Vec<(String, &'static str)> {
        let config = Config::default();
        let folded = Folded::new(text, &GlyphMap::new(), Mode::Read);
        mentions(&folded.text, &ReadOptions { default_year: Some(2022), ..ReadOptions::default() })
            .into_iter()
            .map(|m| {
                let r = folded.original_range(m.start, m.end);
                let line = line_of(text, r.start);
                let facts = LineFacts::of(text, line.clone(), &config, latin_is_foreign(text));
                let place = Place { text, start: r.start, end: r.end, reading: &m.reading, line, facts: &facts };
                (text[r].to_string(), skip(&place, &config).map_or("-", Rule::name))
            })
            .collect()
    }

    fn line_of(text: &str, at: usize) -> Range<usize> {
        crate::corpus::locate::LineIndex::new(text).line_bounds(text, at)
    }

    fn owned(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        v.iter().map(|(a, b)| (a.to_string(), *b)).collect()
    }

    #[test]
    fn footnote_markers_are_skipped_but_glued_particles_are_not() {
        assert_eq!(rules("والغاز والمعادن)1( تضاهي"), owned(&[("1", "footnote")]));
        assert_eq!(rules("نهاية القرن السادس الميلادي1."), owned(&[("القرن السادس", "-"), ("1", "footnote")]));
        assert_eq!(rules("أعظم ملوكها². وبعد"), owned(&[("²", "footnote")]));
        assert_eq!(rules("تحت اسم «الاتحاد الأوراسي» 6."), owned(&[("6", "footnote")]));
        assert_eq!(rules("1. تمتلك كازاخستان"), owned(&[("1", "footnote")]));
        assert_eq!(rules("مقارنة بـ60 تنغًا والـ12 من حيث"), owned(&[("60", "-"), ("12", "-")]));
        assert_eq!(rules("القبض على )500( شخص"), owned(&[("500", "-")]));
        assert_eq!(rules("بلغ عدد القتلى 164."), owned(&[("164", "-")]));
        assert_eq!(rules("مقتل أكثر من )40()10(."), owned(&[("أكثر من )40", "-"), ("10", "footnote")]));
    }

    #[test]
    fn page_numbers_urls_and_identifiers_are_skipped() {
        assert_eq!(rules("نص\n  3\nنص"), owned(&[("3", "page-number")]));
        assert_eq!(rules("world-asia-48545166."), owned(&[("48545166", "identifier")]));
        assert_eq!(rules("the F-16 jets"), owned(&[("16", "identifier")]));
        // English compounds state figures.
        assert_eq!(rules("the six-nation bloc"), owned(&[("six", "-")]));
        assert_eq!(rules("by mid-January 2022"), owned(&[("January 2022", "-")]));
        let url = rules("انظر https://www.nytimes.com/2022/01/05/world.html اليوم");
        assert!(url.iter().all(|(_, r)| *r == "url"), "{url:?}");
        assert_eq!(rules("قمة مجموعة g20 في 2019"), owned(&[("2019", "-")]));
    }

    #[test]
    fn citation_lines_are_skipped() {
        let line = "6. الحزب الحاكم يفوز، مجلة إيلاف الإلكترونية، 2021، ص 12";
        assert!(rules(line).iter().all(|(_, r)| *r != "-"), "{:?}", rules(line));
        // A line of Latin text with a year is a citation in an Arabic text, a sentence in an English one.
        let arabic = "نص عربي طويل عن الأحداث في كازاخستان وما جرى فيها.\nBBC News, Almaty, 7 June, 2019";
        assert!(rules(arabic).iter().all(|(_, r)| *r == "reference-line"), "{:?}", rules(arabic));
        let english = "Russia sent 3,000 troops to Kazakhstan on 2022-01-06. More followed in 2022.";
        assert!(rules(english).iter().all(|(_, r)| *r == "-"), "{:?}", rules(english));
        assert!(rules("العدد 4 من المجلة").iter().all(|(_, r)| *r == "reference-line"));
        // A byline is a whole line; "by" inside a sentence is not one.
        let byline = "By Olzhas Auyezov, Reuters, January 13, 2022";
        assert!(rules(byline).iter().all(|(_, r)| *r == "reference-line"), "{:?}", rules(byline));
        let sentence = "The force led by Moscow, 2,030 troops, will leave by January 19.";
        assert!(rules(sentence).iter().all(|(_, r)| *r == "-"), "{:?}", rules(sentence));
        let opening = "By January 19, all 2,030 troops had left.";
        assert!(rules(opening).iter().all(|(_, r)| *r == "-"), "{:?}", rules(opening));
        assert_eq!(rules("ويبلغ عدد سكانها حوالي 19 مليون نسمة"), owned(&[("حوالي 19 مليون", "-")]));
        // A long paragraph is never a citation, whatever it holds.
        let paragraph = format!("{} وصل عدد سكانها إلى 19 مليون، ص 12", "كلام ".repeat(80));
        assert_eq!(rules(&paragraph)[0], ("19 مليون".to_string(), "-"));
    }

    #[test]
    fn ordinals_count_only_as_ranks() {
        assert_eq!(rules("أما الجهة الأولى فمحلية"), owned(&[("الأولى", "ordinal")]));
        assert_eq!(rules("تقع في المركز الثاني بعد أوكرانيا"), owned(&[("الثاني", "-")]));
        assert_eq!(rules("ثاني أكبر احتياطي"), owned(&[("ثاني", "-")]));
        assert_eq!(rules("في الأول من يناير 2022"), owned(&[("الأول من يناير 2022", "-")]));
        assert_eq!(rules("تباحث عدة مرات"), owned(&[("عدة", "not-a-figure")]));
    }

    #[test]
    fn rules_can_be_turned_off() {
        let mut config = Config::default();
        let text = "أما الجهة الأولى فمحلية";
        let folded = Folded::new(text, &GlyphMap::new(), Mode::Read);
        let m = &mentions(&folded.text, &ReadOptions::default())[0];
        let r = folded.original_range(m.start, m.end);
        let line = line_of(text, r.start);
        let facts = LineFacts::of(text, line.clone(), &config, latin_is_foreign(text));
        let place = Place { text, start: r.start, end: r.end, reading: &m.reading, line, facts: &facts };
        assert_eq!(skip(&place, &config), Some(Rule::Ordinal));
        config.turn_off(Rule::Ordinal);
        assert_eq!(skip(&place, &config), None);
    }
}
