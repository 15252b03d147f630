//! Arabic (and a few English) number words: cardinals, ordinals, scales, vague counts,
//! fractions and multipliers. Tables are written in ordinary spelling and folded once.

use crate::text::{Mode, fold};
use std::collections::{HashMap, HashSet};
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
    /// A cardinal 1..10 (1 is read only inside compounds).
    Unit(u32),
    /// اثنا/اثني…: 2, only before عشر.
    TeenHead(u32),
    /// عشر/عشرة after a unit: the "-teen".
    Teen,
    Tens(u32),
    Hundreds(u32),
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
    /// A fraction as a percentage; `true` when the word is more often a number (خمس, عشر).
    Fraction(f64, bool),
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
}

const UNITS: &[(&str, u32)] = &[
    ("واحد", 1),
    ("واحدة", 1),
    ("أحد", 1),
    ("إحدى", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("ثلاث", 3),
    ("ثلاثة", 3),
    ("أربع", 4),
    ("أربعة", 4),
    ("خمس", 5),
    ("خمسة", 5),
    ("ست", 6),
    ("ستة", 6),
    ("سبع", 7),
    ("سبعة", 7),
    ("ثمان", 8),
    ("ثماني", 8),
    ("ثمانية", 8),
    ("تسع", 9),
    ("تسعة", 9),
    ("عشر", 10),
    ("عشرة", 10),
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

const TEEN_HEADS: &[(&str, u32)] = &[("اثنا", 2), ("اثني", 2), ("اثنتا", 2), ("اثنتي", 2)];

const TENS: &[(&str, u32)] = &[
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("أربعون", 40),
    ("أربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const HUNDREDS: &[(&str, u32)] = &[
    ("مائة", 100),
    ("مئة", 100),
    ("مائتان", 200),
    ("مائتين", 200),
    ("مئتان", 200),
    ("مئتين", 200),
    ("مائتا", 200),
    ("مئتا", 200),
    ("مائتي", 200),
    ("مئتي", 200),
    ("hundred", 100),
];

/// The stems that fuse with مائة/مئة: ثلاثمائة … تسعمائة.
const HUNDRED_STEMS: &[(&str, u32)] =
    &[("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9)];

const SCALES: &[(&str, i32, Form)] = &[
    ("ألف", 3, Form::Single),
    ("ألفا", 3, Form::Single),
    ("آلاف", 3, Form::Plural),
    ("ألوف", 3, Form::Plural),
    ("ألفين", 3, Form::Dual),
    ("ألفان", 3, Form::Dual),
    ("الألف", 3, Form::Definite),
    ("الآلاف", 3, Form::DefinitePlural),
    ("الألوف", 3, Form::DefinitePlural),
    ("مليون", 6, Form::Single),
    ("مليونا", 6, Form::Single),
    ("ملايين", 6, Form::Plural),
    ("مليونين", 6, Form::Dual),
    ("مليونان", 6, Form::Dual),
    ("المليون", 6, Form::Definite),
    ("الملايين", 6, Form::DefinitePlural),
    ("مليار", 9, Form::Single),
    ("مليارا", 9, Form::Single),
    ("مليارات", 9, Form::Plural),
    ("مليارين", 9, Form::Dual),
    ("ملياران", 9, Form::Dual),
    ("المليار", 9, Form::Definite),
    ("المليارات", 9, Form::DefinitePlural),
    ("بليون", 9, Form::Single),
    ("بليونا", 9, Form::Single),
    ("بلايين", 9, Form::Plural),
    ("بليونين", 9, Form::Dual),
    ("البليون", 9, Form::Definite),
    ("تريليون", 12, Form::Single),
    ("تريليونا", 12, Form::Single),
    ("تريليونات", 12, Form::Plural),
    ("تريليونين", 12, Form::Dual),
    ("التريليون", 12, Form::Definite),
    ("ترليون", 12, Form::Single),
    ("ترليونا", 12, Form::Single),
    ("ترليونات", 12, Form::Plural),
    ("thousand", 3, Form::Single),
    ("thousands", 3, Form::Plural),
    ("million", 6, Form::Single),
    ("millions", 6, Form::Plural),
    ("billion", 9, Form::Single),
    ("billions", 9, Form::Plural),
    ("bn", 9, Form::Single),
    ("trillion", 12, Form::Single),
];

const ORDINALS: &[(&str, u32)] = &[
    ("الأول", 1),
    ("الأولى", 1),
    ("الثاني", 2),
    ("الثانية", 2),
    ("الثالث", 3),
    ("الثالثة", 3),
    ("الرابع", 4),
    ("الرابعة", 4),
    ("الخامس", 5),
    ("الخامسة", 5),
    ("السادس", 6),
    ("السادسة", 6),
    ("السابع", 7),
    ("السابعة", 7),
    ("الثامن", 8),
    ("الثامنة", 8),
    ("التاسع", 9),
    ("التاسعة", 9),
    ("العاشر", 10),
    ("العاشرة", 10),
];

/// Ordinals without the article, in a construct: "ثاني أكبر", "أول دولة".
const BARE_ORDINALS: &[(&str, u32)] = &[
    ("أول", 1),
    ("ثاني", 2),
    ("ثالث", 3),
    ("رابع", 4),
    ("خامس", 5),
    ("سادس", 6),
    ("سابع", 7),
    ("ثامن", 8),
    ("تاسع", 9),
    ("عاشر", 10),
];

const ORDINAL_TENS: &[(&str, u32)] = &[
    ("العشرون", 20),
    ("العشرين", 20),
    ("الثلاثون", 30),
    ("الثلاثين", 30),
    ("الأربعون", 40),
    ("الأربعين", 40),
    ("الخمسون", 50),
    ("الخمسين", 50),
    ("الستون", 60),
    ("الستين", 60),
    ("السبعون", 70),
    ("السبعين", 70),
    ("الثمانون", 80),
    ("الثمانين", 80),
    ("التسعون", 90),
    ("التسعين", 90),
];

/// Everything else, one role per word.
const OTHERS: &[(&str, Role)] = &[
    ("عشر", Role::Teen),
    ("عشرة", Role::Teen),
    ("الحادي", Role::OrdinalUnit(1)),
    ("الحادية", Role::OrdinalUnit(1)),
    ("الواحد", Role::OrdinalUnit(1)),
    ("عشرات", Role::Vague(10.0, 100.0)),
    ("العشرات", Role::Vague(10.0, 100.0)),
    ("مئات", Role::Vague(100.0, 1000.0)),
    ("المئات", Role::Vague(100.0, 1000.0)),
    ("مئآت", Role::Vague(100.0, 1000.0)),
    ("dozens", Role::Vague(10.0, 100.0)),
    ("hundreds", Role::Vague(100.0, 1000.0)),
    ("بضع", Role::Few),
    ("بضعة", Role::Few),
    ("few", Role::Few),
    ("عدة", Role::Several),
    ("several", Role::Several),
    ("نيف", Role::Nayyif),
    ("نيفا", Role::Nayyif),
    ("نيّف", Role::Nayyif),
    ("نصف", Role::Fraction(50.0, false)),
    ("ربع", Role::Fraction(25.0, false)),
    ("ثلث", Role::Fraction(100.0 / 3.0, false)),
    ("ثلثي", Role::Fraction(200.0 / 3.0, false)),
    ("ثلثا", Role::Fraction(200.0 / 3.0, false)),
    ("خمس", Role::Fraction(20.0, true)),
    ("عشر", Role::Fraction(10.0, true)),
    ("half", Role::Fraction(50.0, false)),
    ("quarter", Role::Fraction(25.0, false)),
    ("third", Role::Fraction(100.0 / 3.0, false)),
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
const UNIT_STEMS: &[&str] = &["كلم", "كم", "م", "متر", "ميل"];

fn f(s: &str) -> String {
    fold(s, Mode::Read)
}

fn roles_table() -> &'static HashMap<String, Vec<Role>> {
    static T: OnceLock<HashMap<String, Vec<Role>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: HashMap<String, Vec<Role>> = HashMap::new();
        let mut add = |w: &str, r: Role| {
            let v = t.entry(f(w)).or_default();
            if !v.contains(&r) {
                v.push(r);
            }
        };
        for &(w, n) in UNITS {
            add(w, Role::Unit(n));
        }
        for &(w, n) in TEEN_HEADS {
            add(w, Role::TeenHead(n));
        }
        for &(w, n) in TENS {
            add(w, Role::Tens(n));
        }
        for &(w, n) in HUNDREDS {
            add(w, Role::Hundreds(n));
        }
        for &(stem, n) in HUNDRED_STEMS {
            for h in ["مائة", "مئة"] {
                add(&format!("{stem}{h}"), Role::Hundreds(n * 100));
            }
        }
        for &(w, p, form) in SCALES {
            add(w, Role::Scale(p, form));
        }
        for &(w, n) in ORDINALS {
            add(w, Role::Ordinal(n));
            if (2..=9).contains(&n) {
                add(w, Role::OrdinalUnit(n));
            }
        }
        for &(w, n) in BARE_ORDINALS {
            add(w, Role::Ordinal(n));
            if (2..=9).contains(&n) {
                add(w, Role::OrdinalUnit(n));
            }
        }
        add("حادي", Role::OrdinalUnit(1));
        for w in TWOS {
            add(w, Role::Two);
        }
        for w in MEASURES {
            add(w, Role::Measure);
        }
        for w in TOPS {
            add(w, Role::Top);
        }
        for &(w, n) in ORDINAL_TENS {
            add(w, Role::OrdinalTens(n));
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

/// A word with a role in a figure (measure nouns like "طن" only qualify one).
pub(super) fn is_number_word(w: &str) -> bool {
    roles(w).iter().any(|r| *r != Role::Measure)
}

/// An ordinal or a part of one: الأول, ثاني, الحادية (عشرة), العشرين.
pub(super) fn is_ordinal(w: &str) -> bool {
    roles(w).iter().any(|r| matches!(r, Role::Ordinal(_) | Role::OrdinalUnit(_) | Role::OrdinalTens(_)))
}

pub(super) fn find<T>(w: &str, pick: impl Fn(Role) -> Option<T>) -> Option<T> {
    roles(w).iter().find_map(|&r| pick(r))
}

pub(super) fn is_unit_stem(w: &str) -> bool {
    UNIT_STEMS.iter().any(|s| f(s) == w)
}

/// Every word of every value table (number words, hedges, months, markers): a word that
/// may lose a leading particle, and that may not trail a value as a unit noun.
pub(super) fn is_lexicon(w: &str) -> bool {
    static L: OnceLock<HashSet<String>> = OnceLock::new();
    L.get_or_init(|| {
        let mut l: HashSet<String> = roles_table().keys().cloned().collect();
        let phrases = super::number::vocabulary().chain(super::date::vocabulary());
        for p in phrases {
            l.extend(f(p).split(' ').filter(|w| w.chars().count() > 1).map(str::to_string));
        }
        l
    })
    .contains(w)
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
}
