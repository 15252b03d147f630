//! Splitting folded (Read-mode) text into numbers, words and punctuation.
//!
//! Numbers are read here with their separators (`2,725,000`, `2,7`, `1.5e6`) so the grammar
//! never has to glue digits back together. Arabic words lose a leading و/ب/ل/ف when what
//! is left is a value word ("وعشرين" → "و" "عشرين", "بنحو" → "ب" "نحو").

use super::Commas;
use super::words;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    Num(NumLit),
    Word,
    Punct,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Tok<'a> {
    pub kind: Kind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A number as written: `digits × 10^pow10`, kept exact until converted once.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct NumLit {
    /// Every digit written, separators removed (leading zeros kept).
    pub digits: String,
    pub pow10: i32,
    /// Digits before the decimal mark (separators removed).
    pub int_len: usize,
    /// Written with thousands separators.
    pub grouped: bool,
    /// Written with an `e` exponent.
    pub exp: bool,
}

impl NumLit {
    pub fn value(&self) -> f64 {
        self.value_scaled(0)
    }

    /// The value times `10^extra`, rounded once (so `2.7` × 10^6 is exactly 2700000).
    pub fn value_scaled(&self, extra: i32) -> f64 {
        use std::io::Write;
        let exponent = self.pow10.saturating_add(extra);
        // Written out and parsed, the one exact conversion; on the stack, as this runs for
        // every reading of every number in every text.
        let mut buf = [0u8; 64];
        let mut rest = &mut buf[..];
        if rest.write_all(self.digits.as_bytes()).and_then(|()| write!(rest, "e{exponent}")).is_err() {
            return format!("{}e{exponent}", self.digits).parse().unwrap_or(f64::NAN);
        }
        let len = 64 - rest.len();
        std::str::from_utf8(&buf[..len]).ok().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN)
    }

    /// A plain integer written without separators, decimals or exponent.
    pub fn int(&self) -> Option<u32> {
        if self.pow10 == 0 && !self.grouped && !self.exp && self.int_len <= 9 { self.digits.parse().ok() } else { None }
    }

    /// A plain integer of `min..=max` digits.
    pub fn int_of_len(&self, min: usize, max: usize) -> Option<u32> {
        (min..=max).contains(&self.int_len).then(|| self.int()).flatten()
    }
}

/// How the lexer reads digits: the comma convention, and whether it sees one whole value
/// expression (where `1 234` and `.77` can only be numbers) or running text.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct LexOptions {
    pub commas: Commas,
    pub whole: bool,
}

/// Running text with the default conventions.
#[cfg(test)]
pub(super) fn lex(s: &str) -> Vec<Tok<'_>> {
    lex_with(s, LexOptions::default())
}

pub(super) fn lex_with(s: &str, opts: LexOptions) -> Vec<Tok<'_>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else { break };
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if c.is_ascii_digit() || (matches!(c, '.' | '\u{066B}') && opts.whole && leading_decimal(s, i)) {
            let (lit, end) = number(s, i, opts);
            out.push(Tok { kind: Kind::Num(lit), text: &s[i..end], start: i, end });
            i = end;
        } else if is_letter(c) {
            let mut end = i;
            while let Some(ch) = s[end..].chars().next().filter(|&ch| is_letter(ch)) {
                end += ch.len_utf8();
            }
            // Letters glued to digits: an identifier ("g20", "km2", "كلم2") stays one word;
            // "x2" is a multiplier and "و3" a conjunction, so those split.
            let digits = count_digits(b, end);
            if digits > 0 {
                let word = &s[i..end];
                let unit_power = digits == 1 && matches!(b[end], b'2' | b'3') && words::is_unit_stem(word);
                if (word.is_ascii() && word != "x" && !is_currency_code(word)) || unit_power {
                    end += digits;
                }
            }
            split_prefixes(s, i, end, &mut out);
            i = end;
        } else if c == '.' && s[i + 1..].starts_with('.') {
            out.push(Tok { kind: Kind::Punct, text: &s[i..i + 2], start: i, end: i + 2 });
            i += 2;
        } else {
            let end = i + c.len_utf8();
            out.push(Tok { kind: Kind::Punct, text: &s[i..end], start: i, end });
            i = end;
        }
    }
    out
}

/// "usd5m": a currency code glued to its figure splits like "x2".
fn is_currency_code(w: &str) -> bool {
    matches!(w, "usd" | "eur" | "gbp" | "sar" | "aed" | "egp" | "kzt" | "rub")
}

/// `.77` at the start of an expression or after a space: a decimal without its zero.
fn leading_decimal(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    let before_ok = i == 0 || b[i - 1] == b' ' || matches!(b[i - 1], b'~' | b'-' | b'=' | b'$');
    let mark = s[i..].chars().next().map_or(1, char::len_utf8);
    before_ok && count_digits(b, i + mark) > 0
}

fn count_digits(b: &[u8], from: usize) -> usize {
    b.get(from..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// A separator between digits: the ASCII ones, the Arabic comma (U+060C) or a space.
#[derive(Clone, Copy, PartialEq)]
enum Sep {
    Comma,
    ArabicComma,
    Dot,
    Space,
    /// U+066C, the Arabic thousands sign.
    ArabicThousands,
    /// U+066B, the Arabic decimal sign.
    ArabicDecimal,
}

impl Sep {
    fn at(s: &str, k: usize) -> Option<(Sep, usize)> {
        let rest = s.get(k..)?;
        if rest.starts_with(',') {
            Some((Sep::Comma, 1))
        } else if rest.starts_with('\u{060C}') {
            Some((Sep::ArabicComma, '\u{060C}'.len_utf8()))
        } else if rest.starts_with('\u{066C}') {
            Some((Sep::ArabicThousands, '\u{066C}'.len_utf8()))
        } else if rest.starts_with('\u{066B}') {
            Some((Sep::ArabicDecimal, '\u{066B}'.len_utf8()))
        } else if rest.starts_with('.') {
            Some((Sep::Dot, 1))
        } else if rest.starts_with(' ') {
            Some((Sep::Space, 1))
        } else {
            None
        }
    }
}

/// Read one number starting at `i` (an ASCII digit, or the `.` of `.77`).
fn number(s: &str, i: usize, opts: LexOptions) -> (NumLit, usize) {
    let b = s.as_bytes();
    let n1 = count_digits(b, i);
    let mut j = i + n1;
    let mut digits = s[i..j].to_string();
    // A group is a separator then exactly three digits, not followed by another digit.
    let group_at = |k: usize, sep: Sep| -> Option<usize> {
        let (found, len) = Sep::at(s, k)?;
        (found == sep && count_digits(b, k + len) == 3).then_some(k + len)
    };
    let groups = |sep: Sep| {
        let mut n = 0;
        let mut k = j;
        while let Some(g) = group_at(k, sep) {
            n += 1;
            k = g + 3;
        }
        n
    };
    let mut group_sep = None;
    if (1..=3).contains(&n1) {
        // Which separators group thousands under each convention, and how many groups
        // make them do so (one `,ddd` is enough; `1.234` alone stays a decimal in Auto).
        // The Arabic comma and the space also separate list items in running text ("5،6"):
        // there they group thousands only when two groups or more follow.
        let list_min = if opts.whole { 1 } else { 2 };
        let candidates: &[(Sep, usize)] = match opts.commas {
            Commas::Auto | Commas::Thousands => {
                &[(Sep::ArabicThousands, 1), (Sep::Comma, 1), (Sep::ArabicComma, list_min), (Sep::Dot, 2)]
            }
            Commas::Decimal => &[(Sep::ArabicThousands, 1), (Sep::Dot, 1)],
        };
        for &(sep, min) in candidates.iter().chain([(Sep::Space, list_min)].iter()) {
            if groups(sep) >= min {
                group_sep = Some(sep);
                break;
            }
        }
    }
    if let Some(sep) = group_sep {
        while let Some(g) = group_at(j, sep) {
            digits.push_str(&s[g..g + 3]);
            j = g + 3;
        }
    }
    let int_len = digits.len();
    // A decimal mark: whichever of '.' and ',' does not group thousands here.
    let mut frac = 0usize;
    if let Some((mark, len)) = Sep::at(s, j).filter(|&(m, _)| Some(m) != group_sep) {
        let n = count_digits(b, j + len);
        let is_decimal = match (mark, opts.commas) {
            (Sep::ArabicDecimal, _) => true,
            (Sep::ArabicThousands, _) => false,
            (Sep::Dot, _) => true,
            (Sep::Comma, Commas::Thousands) | (Sep::ArabicComma, Commas::Thousands) => false,
            (Sep::Comma, _) => true,
            // The Arabic comma also separates list items: a decimal only in a whole
            // expression, and only with one or two digits after it.
            (Sep::ArabicComma, _) => opts.whole && n <= 2,
            (Sep::Space, _) => false,
        };
        if n > 0 && is_decimal {
            digits.push_str(&s[j + len..j + len + n]);
            frac = n;
            j += len + n;
        }
    }
    let mut pow10 = -(frac.min(10_000) as i32);
    let mut exp = false;
    let at = |k: usize| b.get(k).copied();
    if at(j) == Some(b'e') {
        let neg = at(j + 1) == Some(b'-');
        let from = j + 1 + usize::from(neg);
        let n = count_digits(b, from);
        if n > 0 {
            let e: i32 = s[from..from + n.min(5)].parse().unwrap_or(0);
            let e = if n > 5 { 99_999 } else { e };
            pow10 = pow10.saturating_add(if neg { -e } else { e });
            exp = true;
            j = from + n;
        }
    }
    if digits.is_empty() {
        digits.push('0');
    }
    (NumLit { digits, pow10, int_len, grouped: group_sep.is_some(), exp }, j)
}

/// Push the word `s[start..end]`, split into a leading particle and a value word when it is one.
fn split_prefixes<'a>(s: &'a str, start: usize, end: usize, out: &mut Vec<Tok<'a>>) {
    let word = &s[start..end];
    let push = |out: &mut Vec<Tok<'a>>, a: usize, b: usize| {
        out.push(Tok { kind: Kind::Word, text: &s[a..b], start: a, end: b });
    };
    if word.is_ascii() || words::is_lexicon(word) {
        return push(out, start, end);
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    let rest = chars.as_str();
    let rest_len = rest.chars().count();
    let particle_end = start + first.len_utf8();
    // و "and" before any value word; ب ل ف only before longer ones ("لست" is not ل + ست,
    // but "بست" is ب + ست). Never ك: "كميات" (quantities) is not ك + مئات. "بعده" is
    // "after it", not ب + عدة.
    let rest_splits = |min: usize| rest_len >= min && rest != "عده" && (words::is_lexicon(rest) || splits_again(rest));
    let short_ok = first == 'و' || (first == 'ب' && rest == "ست");
    if (short_ok && rest_splits(2)) || (matches!(first, 'ب' | 'ل' | 'ف') && rest_splits(3)) {
        push(out, start, particle_end);
        split_prefixes(s, particle_end, end, out);
    } else {
        push(out, start, end);
    }
}

/// "وب…", "ول…": a second particle before a value word.
fn splits_again(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(chars.next(), Some('ب' | 'ل' | 'ف'))
        && chars.as_str().chars().count() >= 3
        && words::is_lexicon(chars.as_str())
}

/// `char::is_alphabetic`, with Arabic letters and ASCII answered without the Unicode tables
/// (the lexer asks for every character of every mention).
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{0621}'..='\u{064A}' => true,
        c if c.is_ascii() => false,
        c => c.is_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        lex(s).into_iter().map(|t| t.text).collect()
    }

    fn lit(s: &str) -> NumLit {
        match lex(s).remove(0).kind {
            Kind::Num(n) => n,
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(lit("2,725,000").value(), 2_725_000.0);
        assert!(lit("2,725,000").grouped);
        assert_eq!(lit("2,7").value(), 2.7);
        assert_eq!(lit("2.7").value(), 2.7);
        assert_eq!(lit("1.500.000").value(), 1_500_000.0);
        assert_eq!(lit("1,500.5").value(), 1500.5);
        assert_eq!(lit("1.5e6").value(), 1.5e6);
        assert_eq!(lit("19e6").value_scaled(0), 19e6);
        assert_eq!(lit("2.7").value_scaled(6), 2_700_000.0);
        // Longer than the buffer on the stack.
        let long = "7".repeat(80);
        assert_eq!(lit(&long).value(), long.parse::<f64>().unwrap());
        assert_eq!(lit("5").value_scaled(i32::MAX), f64::INFINITY);
        assert_eq!(lit("2022").int(), Some(2022));
        assert_eq!(texts("2022-01-05..2022-01-07"), ["2022", "-", "01", "-", "05", "..", "2022", "-", "01", "-", "07"]);
        assert_eq!(texts("5, 6."), ["5", ",", "6", "."]);
    }

    #[test]
    fn separators_that_also_separate_lists_group_only_where_they_cannot_be_a_list() {
        let whole = LexOptions { whole: true, ..LexOptions::default() };
        let first = |s: &str, o: LexOptions| match lex_with(s, o).remove(0).kind {
            Kind::Num(n) => n.value(),
            k => panic!("{k:?}"),
        };
        assert_eq!(first("1\u{60C}234\u{60C}567", LexOptions::default()), 1_234_567.0);
        assert_eq!(first("1 234 567", LexOptions::default()), 1_234_567.0);
        assert_eq!(first("12 500", whole), 12_500.0);
        assert_eq!(first("2\u{60C}5", whole), 2.5);
        // In running text "5،6" and "12 500" may be lists: each number stands alone.
        assert_eq!(texts("5\u{60C}6 12 500"), ["5", "\u{60C}", "6", "12", "500"]);
        assert_eq!(first(".77", whole), 0.77);
        assert_eq!(texts(".2019"), [".", "2019"]);
    }

    #[test]
    fn particles_split_off_value_words_only() {
        assert_eq!(texts("وعشرين والعشرين بنحو و3"), ["و", "عشرين", "و", "العشرين", "ب", "نحو", "و", "3"]);
        assert_eq!(texts("لست وزير كميات"), ["لست", "وزير", "كميات"]);
        assert_eq!(texts("كلم2 km2 x2 g20"), ["كلم2", "km2", "x", "2", "g20"]);
        assert_eq!(texts("بالمايه"), ["بالمايه"]);
    }
}
