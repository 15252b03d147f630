//! Number words of Arabic (standard and the dialect forms news quotes carry) and English:
//! cardinals, ordinals, scales, vague counts, fractions and multipliers.
//!
//! The tables are stems; the forms are made from them the way the language makes them,
//! so every number gets the same set: masculine and feminine (`ثلاث`/`ثلاثة`), the cases
//! of tens and duals (`عشرون`/`عشرين`, `ألفان`/`ألفين`), the accusative alif (`ألفا`,
//! `مليونا`), the article (`الثلاثة`, `المئة`, `العشرون`), fused hundreds (`ثلاثمائة`,
//! `تلتمية`). Everything is folded once (`crate::text::fold`), so hamza, alif maqsura and
//! ta marbuta variants need no entries of their own.

use crate::text::{Mode, fold};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// How a scale or counted word is inflected; decides what may stand next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// ألف, ألفا, مليون, million
    Single,
    /// ألفين, مليونين: two of it, standing alone
    Dual,
    /// آلاف, ملايين: after 3..10, or alone as a vague count
    Plural,
    /// المليون: only in "مليون ونصف المليون"
    Definite,
    /// الآلاف, الملايين: in "عشرات الآلاف"
    DefinitePlural,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Role {
    /// A cardinal 0..10 (0 and 1 are read alone only in a whole expression).
    Unit(u32),
    /// A cardinal with the article: الثلاثة, الأحد, الاثنا (in الاثنا عشر, the twelfth).
    DefiniteUnit(u32),
    /// اثنا/اثني…: 2, only before عشر.
    TeenHead(u32),
    /// عشر/عشرة after a unit: the "-teen".
    Teen,
    /// A teen in one word: حداشر, تلتاشر (dialect), eleven … nineteen.
    FusedTeen(u32),
    Tens(u32),
    Hundreds(u32),
    /// المئة, الثلاثمائة: a hundreds ordinal (المئة والخامسة والعشرون, the 125th).
    DefiniteHundreds(u32),
    /// A power of ten.
    Scale(i32, Form),
    /// الأول … العاشر: an ordinal on its own.
    Ordinal(u32),
    /// الحادي … التاسع: the unit of a compound ordinal (الحادي عشر, التاسع والعشرين).
    OrdinalUnit(u32),
    OrdinalTens(u32),
    /// عشرات, مئات: a vague count in `[lo, hi)`.
    Vague(f64, f64),
    /// بضع/بضعة: a few (3..9).
    Few,
    /// عدة: several, read only before a scale (عدة آلاف).
    Several,
    /// نيف: "and some" (1..9 over a ten).
    Nayyif,
    /// A fraction (0.25 for ربع); `true` when the word is more often a number (خمس, عشر).
    Fraction(f64, bool),
    /// أرباع, أخماس: the plural of a fraction, after a count (ثلاثة أرباع, three quarters).
    Fractions(f64),
    /// الضعف: a multiplier; `true` when the word is also an ordinary one (ضعف: weakness).
    Multiplier(f64, bool),
    /// أضعاف: "times", after a count.
    Multiples,
    /// عقد (×10), قرن (×100).
    Period(f64, Form),
    /// A dual noun that counts two: مرتين, عامين, يومين.
    Two,
    /// A measure noun: "نصف طن" is half a tonne, not 50%.
    Measure,
    /// الأوائل/الأولى after a count: "العشرة الأوائل" (the top ten).
    Top,
    /// سالب, ناقص, minus: the sign of the figure after it.
    Negative,
    /// English "a"/"an" before a scale or fraction: a million, a third.
    One,
    /// دزينة, dozen: twelve.
    Dozen,
}

/// Cardinal stems 3..10 and their dialect spellings; each takes `ة` for the other gender.
const UNIT_STEMS: &[(&str, u32)] = &[
    ("ثلاث", 3),
    ("تلات", 3),
    ("أربع", 4),
    ("خمس", 5),
    ("ست", 6),
    ("سبع", 7),
    ("ثمان", 8),
    ("ثماني", 8),
    ("تمان", 8),
    ("تماني", 8),
    ("تمن", 8),
    ("تمني", 8),
    ("تسع", 9),
    ("عشر", 10),
];

/// 0, 1 and 2, whose forms are irregular.
const SMALL: &[(&str, u32)] = &[
    ("صفر", 0),
    ("واحد", 1),
    ("واحدة", 1),
    ("أحد", 1),
    ("إحدى", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("ثنتان", 2),
    ("ثنتين", 2),
    ("اتنين", 2),
    ("تنين", 2),
];

const TEEN_HEADS: &[(&str, u32)] = &[("اثنا", 2), ("اثني", 2), ("اثنتا", 2), ("اثنتي", 2), ("اثنى", 2)];

/// Dialect teens in one word: the unit's stem, then -tāshar (حداشر, اطناشر, تلتاشر …).
const FUSED_TEEN_STEMS: &[(&str, u32)] = &[
    ("حد", 11),
    ("احد", 11),
    ("اتن", 12),
    ("اطن", 12),
    ("طن", 12),
    ("تلت", 13),
    ("تلات", 13),
    ("اربع", 14),
    ("ربع", 14),
    ("خمس", 15),
    ("ست", 16),
    ("سط", 16),
    ("سبع", 17),
    ("تمن", 18),
    ("تمن", 18),
    ("تسع", 19),
];
const FUSED_TEEN_ENDINGS: &[&str] = &["اشر", "تاشر", "طاشر", "عشر"];

/// Tens stems: each takes -ون (nominative) and -ين (the other cases).
const TENS_STEMS: &[(&str, u32)] = &[
    ("عشر", 20),
    ("ثلاث", 30),
    ("تلات", 30),
    ("أربع", 40),
    ("خمس", 50),
    ("ست", 60),
    ("سبع", 70),
    ("ثمان", 80),
    ("تمان", 80),
    ("تسع", 90),
];

const HUNDRED: &[&str] = &["مائة", "مئة", "مية", "ماية"];
const TWO_HUNDRED: &[&str] =
    &["مائتان", "مائتين", "مئتان", "مئتين", "مائتا", "مئتا", "مائتي", "مئتي", "متين", "ميتين", "ميتين"];

/// Stems that fuse with مائة: ثلاثمائة … تسعمائة, and the dialect تلتمية, ربعمية.
const HUNDRED_STEMS: &[(&str, u32)] = &[
    ("ثلاث", 3),
    ("تلت", 3),
    ("تلات", 3),
    ("أربع", 4),
    ("ربع", 4),
    ("خمس", 5),
    ("ست", 6),
    ("سبع", 7),
    ("ثمان", 8),
    ("ثماني", 8),
    ("تمن", 8),
    ("تمان", 8),
    ("تسع", 9),
];

/// Scales: (singular, power of ten, plurals).
const SCALES: &[(&str, i32, &[&str])] = &[
    ("ألف", 3, &["آلاف", "ألوف", "تلاف"]),
    ("مليون", 6, &["ملايين"]),
    ("مليار", 9, &["مليارات"]),
    ("بليون", 9, &["بلايين"]),
    ("تريليون", 12, &["تريليونات"]),
    ("ترليون", 12, &["ترليونات"]),
];

/// Ordinal stems 1..10 (masculine; `ة` makes the feminine), with the unit they stand for.
/// `أول` makes `أولى`, not `أولة`; `ثان` is the form that drops its final ي.
const ORDINAL_STEMS: &[(&str, u32)] = &[
    ("أول", 1),
    ("ثاني", 2),
    ("ثان", 2),
    ("ثالث", 3),
    ("رابع", 4),
    ("خامس", 5),
    ("سادس", 6),
    ("سابع", 7),
    ("ثامن", 8),
    ("تاسع", 9),
    ("عاشر", 10),
];

const ENGLISH_UNITS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
];
const ENGLISH_TEENS: &[(&str, u32)] = &[
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];
const ENGLISH_TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];
const ENGLISH_ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
];
const ENGLISH_ORDINAL_TENS: &[(&str, u32)] = &[
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
];
const ENGLISH_SCALES: &[(&str, i32, Form)] = &[
    ("thousand", 3, Form::Single),
    ("thousands", 3, Form::Plural),
    ("k", 3, Form::Single),
    ("million", 6, Form::Single),
    ("millions", 6, Form::Plural),
    ("mn", 6, Form::Single),
    ("mln", 6, Form::Single),
    ("billion", 9, Form::Single),
    ("billions", 9, Form::Plural),
    ("bn", 9, Form::Single),
    ("trillion", 12, Form::Single),
    ("trillions", 12, Form::Plural),
    ("tn", 12, Form::Single),
];

/// Everything else, one role per word.
const OTHERS: &[(&str, Role)] = &[
    ("عشر", Role::Teen),
    ("عشرة", Role::Teen),
    ("الحادي", Role::OrdinalUnit(1)),
    ("الحادية", Role::OrdinalUnit(1)),
    ("حادي", Role::OrdinalUnit(1)),
    ("حادية", Role::OrdinalUnit(1)),
    ("الواحد", Role::OrdinalUnit(1)),
    ("عشرات", Role::Vague(10.0, 100.0)),
    ("العشرات", Role::Vague(10.0, 100.0)),
    ("مئات", Role::Vague(100.0, 1000.0)),
    ("المئات", Role::Vague(100.0, 1000.0)),
    ("مئآت", Role::Vague(100.0, 1000.0)),
    ("dozens", Role::Vague(10.0, 100.0)),
    ("hundreds", Role::Vague(100.0, 1000.0)),
    ("tens", Role::Vague(10.0, 100.0)),
    ("بضع", Role::Few),
    ("بضعة", Role::Few),
    ("few", Role::Few),
    ("عدة", Role::Several),
    ("several", Role::Several),
    ("نيف", Role::Nayyif),
    ("نيفا", Role::Nayyif),
    ("نيّف", Role::Nayyif),
    ("نصف", Role::Fraction(0.5, false)),
    ("ربع", Role::Fraction(0.25, false)),
    ("ثلث", Role::Fraction(1.0 / 3.0, false)),
    ("ثلثي", Role::Fraction(2.0 / 3.0, false)),
    ("ثلثا", Role::Fraction(2.0 / 3.0, false)),
    ("ثلثان", Role::Fraction(2.0 / 3.0, false)),
    ("ثلثين", Role::Fraction(2.0 / 3.0, false)),
    ("خمس", Role::Fraction(0.2, true)),
    ("سدس", Role::Fraction(1.0 / 6.0, false)),
    ("عشر", Role::Fraction(0.1, true)),
    ("أنصاف", Role::Fractions(0.5)),
    ("أثلاث", Role::Fractions(1.0 / 3.0)),
    ("أرباع", Role::Fractions(0.25)),
    ("أخماس", Role::Fractions(0.2)),
    ("أسداس", Role::Fractions(1.0 / 6.0)),
    ("أعشار", Role::Fractions(0.1)),
    ("half", Role::Fraction(0.5, false)),
    ("quarter", Role::Fraction(0.25, false)),
    ("third", Role::Fraction(1.0 / 3.0, true)),
    ("halves", Role::Fractions(0.5)),
    ("thirds", Role::Fractions(1.0 / 3.0)),
    ("quarters", Role::Fractions(0.25)),
    ("fifths", Role::Fractions(0.2)),
    ("tenths", Role::Fractions(0.1)),
    ("الضعف", Role::Multiplier(2.0, false)),
    ("ضعفين", Role::Multiplier(2.0, false)),
    ("ضعفي", Role::Multiplier(2.0, false)),
    ("ضعفا", Role::Multiplier(2.0, false)),
    ("ضعفان", Role::Multiplier(2.0, false)),
    ("الضعفين", Role::Multiplier(2.0, false)),
    ("مضاعف", Role::Multiplier(2.0, false)),
    ("المضاعف", Role::Multiplier(2.0, false)),
    ("مضاعفة", Role::Multiplier(2.0, false)),
    ("المضاعفة", Role::Multiplier(2.0, false)),
    ("ضعف", Role::Multiplier(2.0, true)),
    ("double", Role::Multiplier(2.0, false)),
    ("doubled", Role::Multiplier(2.0, false)),
    ("twice", Role::Multiplier(2.0, false)),
    ("triple", Role::Multiplier(3.0, false)),
    ("tripled", Role::Multiplier(3.0, false)),
    ("أضعاف", Role::Multiples),
    ("أضعافا", Role::Multiples),
    ("الأضعاف", Role::Multiples),
    ("times", Role::Multiples),
    ("عقد", Role::Period(10.0, Form::Single)),
    ("عقدا", Role::Period(10.0, Form::Single)),
    ("عقود", Role::Period(10.0, Form::Plural)),
    ("عقدين", Role::Period(10.0, Form::Dual)),
    ("عقدان", Role::Period(10.0, Form::Dual)),
    ("قرن", Role::Period(100.0, Form::Single)),
    ("قرنا", Role::Period(100.0, Form::Single)),
    ("قرون", Role::Period(100.0, Form::Plural)),
    ("قرنين", Role::Period(100.0, Form::Dual)),
    ("قرنان", Role::Period(100.0, Form::Dual)),
    ("decades", Role::Period(10.0, Form::Plural)),
    ("centuries", Role::Period(100.0, Form::Plural)),
    ("سالب", Role::Negative),
    ("ناقص", Role::Negative),
    ("minus", Role::Negative),
    ("negative", Role::Negative),
    ("a", Role::One),
    ("an", Role::One),
    ("hundred", Role::Hundreds(100)),
    ("دزينة", Role::Dozen),
    ("دستة", Role::Dozen),
    ("dozen", Role::Dozen),
];

const TWOS: &[&str] = &[
    "مرتين",
    "مرتان",
    "عامين",
    "عامان",
    "العامين",
    "سنتين",
    "سنتان",
    "يومين",
    "يومان",
    "اليومين",
    "شهرين",
    "شهران",
    "أسبوعين",
    "ساعتين",
];

const MEASURES: &[&str] = &[
    "طن",
    "كيلو",
    "كيلوغرام",
    "كغ",
    "غرام",
    "متر",
    "كيلومتر",
    "كم",
    "ميل",
    "لتر",
    "برميل",
    "دولار",
    "ساعة",
    "يوم",
    "أسبوع",
    "شهر",
    "سنة",
    "عام",
    "tonne",
    "ton",
    "hour",
    "day",
    "year",
];

const TOPS: &[&str] = &["الأوائل", "الأولى", "الأول"];

/// Stems that take a power digit: كلم2, م3.
const UNIT_STEMS_WITH_POWER: &[&str] = &["كلم", "كم", "م", "متر", "ميل"];

fn f(s: &str) -> String {
    fold(s, Mode::Read)
}

/// The article, as folded text writes it.
fn definite(w: &str) -> String {
    format!("ال{}", f(w))
}

fn roles_table() -> &'static HashMap<String, Vec<Role>> {
    static T: OnceLock<HashMap<String, Vec<Role>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: HashMap<String, Vec<Role>> = HashMap::default();
        let mut add = |w: &str, r: Role| {
            let v = t.entry(f(w)).or_default();
            if !v.contains(&r) {
                v.push(r);
            }
        };
        // Cardinals 0..10: both genders, and with the article.
        for &(w, n) in SMALL {
            add(w, Role::Unit(n));
            if n > 0 {
                add(&definite(w), Role::DefiniteUnit(n));
            }
        }
        for &(stem, n) in UNIT_STEMS {
            for w in [stem.to_string(), format!("{stem}ة")] {
                add(&w, Role::Unit(n));
                add(&definite(&w), Role::DefiniteUnit(n));
            }
        }
        for &(w, n) in TEEN_HEADS {
            add(w, Role::TeenHead(n));
            add(&definite(w), Role::DefiniteUnit(n));
        }
        for &(stem, n) in FUSED_TEEN_STEMS {
            for end in FUSED_TEEN_ENDINGS {
                // "حدعشر" but not "خمسعشر" glued: only the dialect endings fuse after 12.
                if *end == "عشر" && n > 12 {
                    continue;
                }
                add(&format!("{stem}{end}"), Role::FusedTeen(n));
            }
        }
        for &(stem, n) in TENS_STEMS {
            for end in ["ون", "ين"] {
                let w = format!("{stem}{end}");
                add(&w, Role::Tens(n));
                add(&definite(&w), Role::OrdinalTens(n));
            }
        }
        // Hundreds: مائة and its spellings, the dual, and the fused 300..900.
        for h in HUNDRED {
            add(h, Role::Hundreds(100));
            add(&definite(h), Role::DefiniteHundreds(100));
            for &(stem, n) in HUNDRED_STEMS {
                let w = format!("{stem}{h}");
                add(&w, Role::Hundreds(n * 100));
                add(&definite(&w), Role::DefiniteHundreds(n * 100));
            }
        }
        for h in TWO_HUNDRED {
            add(h, Role::Hundreds(200));
            add(&definite(h), Role::DefiniteHundreds(200));
        }
        // Scales: singular (and its accusative alif), dual, plural, each with the article.
        for &(w, p, plurals) in SCALES {
            add(w, Role::Scale(p, Form::Single));
            add(&format!("{w}ا"), Role::Scale(p, Form::Single));
            add(&format!("{w}ان"), Role::Scale(p, Form::Dual));
            add(&format!("{w}ين"), Role::Scale(p, Form::Dual));
            // The construct dual, its nun dropped before the counted noun: "مليوني نسمة".
            add(&format!("{w}ي"), Role::Scale(p, Form::Dual));
            add(&definite(w), Role::Scale(p, Form::Definite));
            for pl in plurals.iter() {
                add(pl, Role::Scale(p, Form::Plural));
                add(&definite(pl), Role::Scale(p, Form::DefinitePlural));
            }
        }
        // Ordinals: masculine, feminine, with and without the article.
        for &(stem, n) in ORDINAL_STEMS {
            let fem = if n == 1 { "أولى".to_string() } else { format!("{stem}ة") };
            for w in [stem.to_string(), fem] {
                for form in [f(&w), definite(&w)] {
                    // Alone, an ordinal is definite or masculine: "ثانية" is also a second
                    // of time and "أولى" also "more fitting"; both are read in compounds.
                    let standalone = form.starts_with("ال") || w == stem;
                    if standalone && stem != "ثان" {
                        add(&form, Role::Ordinal(n));
                    }
                    if (1..=9).contains(&n) {
                        add(&form, Role::OrdinalUnit(n));
                    }
                }
            }
        }
        for &(w, n) in ENGLISH_UNITS {
            add(w, Role::Unit(n));
        }
        for &(w, n) in ENGLISH_TEENS {
            add(w, Role::FusedTeen(n));
        }
        for &(w, n) in ENGLISH_TENS {
            add(w, Role::Tens(n));
        }
        for &(w, n) in ENGLISH_ORDINALS {
            add(w, Role::Ordinal(n));
            if n <= 9 {
                add(w, Role::OrdinalUnit(n));
            }
        }
        for &(w, n) in ENGLISH_ORDINAL_TENS {
            add(w, Role::OrdinalTens(n));
        }
        add("hundredth", Role::Ordinal(100));
        add("thousandth", Role::Ordinal(1000));
        for &(w, p, form) in ENGLISH_SCALES {
            add(w, Role::Scale(p, form));
        }
        for w in TWOS {
            add(w, Role::Two);
        }
        for w in MEASURES {
            add(w, Role::Measure);
        }
        for w in TOPS {
            add(w, Role::Top);
        }
        for &(w, r) in OTHERS {
            add(w, r);
        }
        t
    })
}

/// All roles of a folded word (empty when it is no number word).
pub(super) fn roles(w: &str) -> &'static [Role] {
    roles_table().get(w).map_or(&[], Vec::as_slice)
}

/// A word with a role in a figure (measure nouns like "طن" only qualify one; a definite
/// cardinal, "the three", only inside an ordinal or a top-N).
pub(super) fn is_number_word(w: &str) -> bool {
    roles(w).iter().any(|r| !matches!(r, Role::Measure | Role::DefiniteUnit(_) | Role::One))
}

pub(super) fn find<T>(w: &str, pick: impl Fn(Role) -> Option<T>) -> Option<T> {
    roles(w).iter().find_map(|&r| pick(r))
}

pub(super) fn is_unit_stem(w: &str) -> bool {
    UNIT_STEMS_WITH_POWER.iter().any(|s| f(s) == w)
}

/// Every word of every value table (number words, hedges, months, markers): a word that
/// may lose a leading particle, and that may not trail a value as a unit noun.
pub(super) fn is_lexicon(w: &str) -> bool {
    lexicon().contains(w)
}

/// The words [`is_lexicon`] knows.
pub(super) fn lexicon() -> &'static HashSet<String> {
    static L: OnceLock<HashSet<String>> = OnceLock::new();
    L.get_or_init(|| {
        let mut l: HashSet<String> = roles_table().keys().filter(|k| !k.is_ascii()).cloned().collect();
        let phrases = super::number::vocabulary().chain(super::date::vocabulary());
        for p in phrases {
            l.extend(f(p).split(' ').filter(|w| w.chars().count() > 1).map(str::to_string));
        }
        l
    })
}

/// Every word that has a role ([`roles`]): each word of the table has at least one.
pub(super) fn table_words() -> impl Iterator<Item = &'static str> {
    roles_table().keys().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_folded() {
        assert!(roles("مايه").contains(&Role::Hundreds(100)));
        assert!(roles("ثلاثمايه").contains(&Role::Hundreds(300)));
        assert!(roles("الاف").contains(&Role::Scale(3, Form::Plural)));
        assert!(roles("الاولي").contains(&Role::Ordinal(1)));
        assert!(roles("عشر").contains(&Role::Unit(10)) && roles("عشر").contains(&Role::Teen));
        assert!(roles("ميات").contains(&Role::Vague(100.0, 1000.0)));
        assert!(is_lexicon("نحو") && is_lexicon("يناير") && !is_lexicon("وزير"));
    }

    #[test]
    fn forms_are_made_from_stems() {
        // Gender, case, article and the fused hundreds come from one stem each.
        assert!(roles("ثلاثه").contains(&Role::Unit(3)) && roles("ثلاث").contains(&Role::Unit(3)));
        assert!(roles("الثلاثه").contains(&Role::DefiniteUnit(3)));
        assert!(roles("تسعون").contains(&Role::Tens(90)) && roles("تسعين").contains(&Role::Tens(90)));
        assert!(roles("التسعين").contains(&Role::OrdinalTens(90)));
        assert!(roles("الفا").contains(&Role::Scale(3, Form::Single)));
        assert!(roles("مليارين").contains(&Role::Scale(9, Form::Dual)));
        assert!(roles("المليارات").contains(&Role::Scale(9, Form::DefinitePlural)));
        assert!(roles("الخامسه").contains(&Role::Ordinal(5)) && roles("خامسه").contains(&Role::OrdinalUnit(5)));
        assert!(!roles("خامسه").contains(&Role::Ordinal(5)), "ثانية is a second, not 'the second' alone");
        assert!(roles("الثان").contains(&Role::OrdinalUnit(2)));
        // Dialect: تلتمية 300, متين 200, حداشر 11, تمنتاشر 18.
        assert!(roles(&f("تلتمية")).contains(&Role::Hundreds(300)));
        assert!(roles("متين").contains(&Role::Hundreds(200)));
        assert!(roles("حداشر").contains(&Role::FusedTeen(11)));
        assert!(roles("تمنتاشر").contains(&Role::FusedTeen(18)));
        assert!(roles("الميه").contains(&Role::DefiniteHundreds(100)));
    }
}
