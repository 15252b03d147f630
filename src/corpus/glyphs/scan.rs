//! Cutting a text into numbers written in digit glyphs, and reading the words around them.

use crate::text::{Mode, fold};
use std::collections::BTreeMap;

/// Glyph runs joined by single separators: `٢٠٢٢/١/١٥`, `١,٥`, `١٩٩١`.
#[derive(Debug, Clone)]
pub(super) struct Token {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Each run's glyphs (indices into the digit glyphs), most significant first.
    pub runs: Vec<Vec<u8>>,
    /// The separator between runs, when the same one joins them all.
    pub sep: Option<char>,
    /// Whether it sits inside a link or an identifier (`…/news/٢٠٢٢/١/٧`, `%D٨`), where
    /// numbers follow other rules.
    pub linked: bool,
}

impl Token {
    pub fn lengths(&self) -> Vec<usize> {
        self.runs.iter().map(Vec::len).collect()
    }
}

const SEPARATORS: &[char] = &['/', '-', '.', ',', ':', '٫', '٬'];

/// The numbers of `text`: maximal glyph runs joined by single separators.
pub(super) fn tokens(text: &str, index: &BTreeMap<char, u8>) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !index.contains_key(&chars[i].1) {
            i += 1;
            continue;
        }
        let first = i;
        let mut runs = vec![Vec::new()];
        let mut seps = Vec::new();
        loop {
            while let Some(&g) = chars.get(i).and_then(|&(_, c)| index.get(&c)) {
                runs.last_mut().expect("one run at least").push(g);
                i += 1;
            }
            let joined = chars.get(i).is_some_and(|&(_, c)| SEPARATORS.contains(&c))
                && chars.get(i + 1).is_some_and(|&(_, c)| index.contains_key(&c));
            if !joined {
                break;
            }
            seps.push(chars[i].1);
            runs.push(Vec::new());
            i += 1;
        }
        let sep = seps.first().copied().filter(|s| seps.iter().all(|t| t == s));
        let before = |k: usize| first.checked_sub(k).map(|j| chars[j].1);
        let after = |k: usize| chars.get(i + k).map(|&(_, c)| c);
        let linked = is_linked(before(1), before(2), after(0), after(1));
        let start = chars[first].0;
        let end = chars.get(i).map_or(text.len(), |&(b, _)| b);
        out.push(Token { start, end, runs, sep, linked });
    }
    out
}

/// Links, file names and identifiers: a Latin letter or a path character touches the number.
fn is_linked(p: Option<char>, pp: Option<char>, n: Option<char>, nn: Option<char>) -> bool {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_arabic(c));
    let path = |c: Option<char>| c.is_some_and(|c| "/\\#_=&?~@+".contains(c));
    let joint = |c: Option<char>| c.is_some_and(|c| ".-:%,".contains(c));
    latin(p)
        || path(p)
        || (joint(p) && (latin(pp) || path(pp)))
        || (n.is_some_and(|c| c.is_ascii_alphabetic()) || path(n))
        || (joint(n) && n != Some(',') && latin(nn))
}

/// Letters of the Arabic script (not its digits or tatweel).
pub(super) fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// The folded words of `text`, in order. Private-use characters that are not digits
/// (ligatures) count as letters, so a word they cut stays one word.
pub(super) fn words(text: &str, is_digit: impl Fn(char) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let letter = (c.is_alphabetic() || is_mark(c) || in_private_use(c)) && !is_digit(c);
        if letter {
            word.push(c);
        } else if !word.is_empty() {
            out.push(fold(&std::mem::take(&mut word), Mode::Match));
        }
    }
    if !word.is_empty() {
        out.push(fold(&word, Mode::Match));
    }
    out.retain(|w| !w.is_empty());
    out
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

pub(super) fn in_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(glyphs: &str) -> BTreeMap<char, u8> {
        glyphs.chars().enumerate().map(|(i, c)| (c, i as u8)).collect()
    }

    #[test]
    fn runs_join_on_single_separators() {
        let idx = index("0123456789");
        let t = tokens("في 2022/1/15 م و1,5 مليون و 12 - 3", &idx);
        let shapes: Vec<(Vec<usize>, Option<char>)> = t.iter().map(|t| (t.lengths(), t.sep)).collect();
        assert_eq!(shapes, [(vec![4, 1, 2], Some('/')), (vec![1, 1], Some(',')), (vec![2], None), (vec![1], None)]);
        assert!(t.iter().all(|t| !t.linked));
    }

    #[test]
    fn numbers_inside_links_are_marked() {
        let idx = index("0123456789");
        let t = tokens("https://x.com/news/2022/1/7/a %D8%B1 t.ly/P4wW 29.t.ly عام 2019.", &idx);
        let linked: Vec<bool> = t.iter().map(|t| t.linked).collect();
        assert_eq!(linked, [true, true, true, true, true, false]);
    }

    #[test]
    fn words_fold_and_skip_digits() {
        assert_eq!(words("في يناير/كانون الثاني 2022", |c| c.is_ascii_digit()), ["في", "يناير", "كانون", "الثاني"]);
        assert_eq!(words("١٤٤٣ هـ", |_| false), ["ه"]);
    }
}
