//! Where a value may start. The mention scan tries the grammar at every token, and almost
//! every word of a text starts nothing: a figure, a sign, or a word of one of the grammar's
//! tables (number words, hedges, months, weekdays, eras, parts of a period, range and year
//! words) is where a value can begin. Words outside them, and the marks that end or divide
//! a sentence, are passed over without trying the grammar, which is most of the scan's time.
//!
//! The set is every table's first words; in debug builds (tests, fuzzing) `mentions` also
//! scans the slow way and checks that both find the same mentions.

use super::lex::{Kind, Tok};
use super::number::NEGATIONS;
use super::parse::{hedges, percent_words, range_from, range_intros, range_year_intros, split_folded};
use super::{date, period, unit, words};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Whether a value may start at this token.
pub(super) fn may_start(tok: &Tok) -> bool {
    match tok.kind {
        Kind::Word => is_start_word(tok.text),
        Kind::Num(_) => true,
        Kind::Punct => !NEVER_STARTS.contains(&tok.text),
    }
}

/// Marks that end or divide a sentence or a figure and start no value ("$", "~", "-" or "%" may
/// start one); a full stop alone is a fifth of a text's tokens.
const NEVER_STARTS: &[&str] = &[".", "،", ",", ":", "؛", "/"];

/// One lookup in a set made once: a word is tested at every token of a text.
fn is_start_word(w: &str) -> bool {
    static START: OnceLock<FxHashSet<String>> = OnceLock::new();
    START
        .get_or_init(|| {
            let mut start = first_words();
            start.extend(words::table_words().map(str::to_string));
            start.extend(words::lexicon().iter().cloned());
            start.extend(date::decade_words());
            start
        })
        .contains(w)
}

/// The first word of every phrase the grammar reads at a value's start.
fn first_words() -> FxHashSet<String> {
    let mut first = FxHashSet::default();
    let mut add = |phrases: &[Vec<String>]| first.extend(phrases.iter().filter_map(|p| p.first().cloned()));
    add(&hedges().iter().map(|h| h.words.clone()).collect::<Vec<_>>());
    add(percent_words());
    add(range_intros());
    add(range_year_intros());
    add(range_from());
    add(&date::start_phrases());
    add(&period::start_phrases());
    first.extend(unit::PREFIX_SIGNS.iter().map(|(sign, _)| sign.to_string()));
    first.extend(NEGATIONS.iter().map(|w| w.to_string()));
    first.extend(
        ["تتراوح", "يتراوح", "تراوح", "تراوحت", "يوم", "القرن", "on", "the", "one", "us", "x"]
            .iter()
            .filter_map(|w| split_folded(w).into_iter().next()),
    );
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped texts, as they are on disk.
    fn shipped_texts() -> Vec<String> {
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/claims/texts"))
            .unwrap()
            .map(|file| std::fs::read_to_string(file.unwrap().path()).unwrap())
            .collect()
    }

    /// The set holds exactly the words the tables answer for, one by one.
    #[test]
    fn start_words_are_the_tables_words() {
        let first = first_words();
        let by_tables = |w: &str| {
            first.contains(w) || !words::roles(w).is_empty() || words::is_lexicon(w) || date::decade(w).is_some()
        };
        let mut tried: Vec<String> = first.iter().cloned().collect();
        tried.extend(words::table_words().map(str::to_string));
        tried.extend(date::decade_words());
        tried.extend(["وزير", "الثمانينيات", "ثمانينات", "الالثمانينات", "قال", "2500", "ال", ""].map(str::to_string));
        // And every word of the shipped texts.
        for text in shipped_texts() {
            let text = crate::text::fold(&text, crate::text::Mode::Read);
            tried.extend(text.split(|c: char| !c.is_alphanumeric()).map(str::to_string));
        }
        assert!(tried.len() > 10_000, "{}", tried.len());
        for w in &tried {
            assert_eq!(is_start_word(w), by_tables(w), "«{w}»");
        }
        assert!(is_start_word("الثمانينيات") && !is_start_word("وزير"));
    }

    /// Trying the grammar at every token finds no value that starts at one of these marks,
    /// before any kind of value, nor in the shipped texts.
    #[test]
    fn no_value_starts_at_a_mark_passed_over() {
        let opts = crate::value::ReadOptions::default();
        let after = [
            "5",
            "٥",
            ".5",
            "5.5",
            "2,500",
            "2022",
            "$5",
            "~5",
            "-5",
            "+5",
            "5%",
            "%5",
            "نحو 5",
            "خمسة",
            "الخامس",
            "يناير 2022",
            "5 يناير",
            "2/1/2022",
            "10:30",
            "بين 5 و 6",
            "من 5 إلى 6",
            "مليون",
            "أكثر من 5",
            "x2",
        ];
        let mut texts: Vec<String> = Vec::new();
        for mark in NEVER_STARTS {
            for value in after {
                texts.push(format!("قال{mark}{value} ثم {mark} {value} و{mark}{value}{mark}"));
            }
        }
        texts.extend(shipped_texts());
        for text in &texts {
            let folded = crate::text::fold(text, crate::text::Mode::Read);
            let every_token = crate::value::scan(&folded, &opts, false);
            for m in &every_token {
                assert!(!NEVER_STARTS.iter().any(|mark| folded[m.start..].starts_with(mark)), "{}", &folded[m.start..]);
            }
            assert_eq!(crate::value::scan(&folded, &opts, true), every_token);
        }
    }
}
