//! Where a value may start. The mention scan tries the grammar at every token, and almost
//! every word of a text starts nothing: a figure, a sign, or a word of one of the grammar's
//! tables (number words, hedges, months, weekdays, eras, parts of a period, range and year
//! words) is where a value can begin. Words outside them are passed over without trying the
//! grammar, which is most of the scan's time.
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
        Kind::Num(_) | Kind::Punct => true,
    }
}

fn is_start_word(w: &str) -> bool {
    first_words().contains(w) || !words::roles(w).is_empty() || words::is_lexicon(w) || date::decade(w).is_some()
}

/// The first word of every phrase the grammar reads at a value's start.
fn first_words() -> &'static FxHashSet<String> {
    static FIRST: OnceLock<FxHashSet<String>> = OnceLock::new();
    FIRST.get_or_init(|| {
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
    })
}
