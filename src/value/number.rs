//! Hedge words, percent and range markers, and writing numbers back out.

use super::Hedge;

/// A hedge phrase before a figure. `gap` is the index of a verb after which the sentence's
/// subject may stand before the rest ("تتجاوز نسبتهم 75%", "لا يقل عددهم عن 100").
pub(super) struct HedgePhrase {
    pub text: &'static str,
    pub hedge: Hedge,
    pub gap: Option<usize>,
    /// Only before a date; a bare four-digit figure after it is a year ("منذ 2014").
    pub dates: bool,
    /// Read only in a whole expression: in running text the word is mostly something else
    /// ("حتى": even; "دون": without; "بعد": after it).
    pub whole: bool,
}

const fn h(text: &'static str, hedge: Hedge) -> HedgePhrase {
    HedgePhrase { text, hedge, gap: None, dates: false, whole: false }
}

const fn verb(text: &'static str, hedge: Hedge, gap: usize) -> HedgePhrase {
    HedgePhrase { text, hedge, gap: Some(gap), dates: false, whole: false }
}

const fn date(text: &'static str, hedge: Hedge) -> HedgePhrase {
    HedgePhrase { text, hedge, gap: None, dates: true, whole: true }
}

const fn whole(text: &'static str, hedge: Hedge) -> HedgePhrase {
    HedgePhrase { text, hedge, gap: None, dates: false, whole: true }
}

use Hedge::{Approximate as Ap, AtLeast as Ge, AtMost as Le, Exact as Ex, LessThan as Lt, MoreThan as Gt};

pub(super) const HEDGES: &[HedgePhrase] = &[
    h("~", Ap),
    h("≈", Ap),
    h("≥", Ge),
    h("≤", Le),
    h("نحو", Ap),
    h("حوالي", Ap),
    h("حوالى", Ap),
    h("قرابة", Ap),
    h("زهاء", Ap),
    h("تقريبا", Ap),
    h("ما يقارب", Ap),
    h("ما يناهز", Ap),
    h("ما يقرب من", Ap),
    h("تقترب من", Ap),
    h("يقترب من", Ap),
    h("اقترب من", Ap),
    h("اقتربت من", Ap),
    h("يقرب من", Ap),
    verb("يقارب", Ap, 0),
    verb("تقارب", Ap, 0),
    verb("يناهز", Ap, 0),
    verb("تناهز", Ap, 0),
    h("about", Ap),
    h("approximately", Ap),
    h("around", Ap),
    h("roughly", Ap),
    h("nearly", Ap),
    h("almost", Ap),
    h("some", Ap),
    h("circa", Ap),
    h("near", Ap),
    h("close to", Ap),
    h("أكثر من", Gt),
    h("أزيد من", Gt),
    h("ما يزيد عن", Gt),
    h("ما يزيد على", Gt),
    h("ما تزيد عن", Gt),
    h("ما تزيد على", Gt),
    h("ما يربو على", Gt),
    h("ما يربو عن", Gt),
    h("ما يتجاوز", Gt),
    h("ما يفوق", Gt),
    verb("يزيد عن", Gt, 0),
    verb("يزيد على", Gt, 0),
    verb("تزيد عن", Gt, 0),
    verb("تزيد على", Gt, 0),
    verb("يربو على", Gt, 0),
    verb("يربو عن", Gt, 0),
    verb("تتجاوز", Gt, 0),
    verb("يتجاوز", Gt, 0),
    verb("تجاوز", Gt, 0),
    verb("تجاوزت", Gt, 0),
    verb("يفوق", Gt, 0),
    verb("تفوق", Gt, 0),
    h("more than", Gt),
    h("over", Gt),
    h("above", Gt),
    h("in excess of", Gt),
    h("exceeding", Gt),
    h("لا يقل عن", Ge),
    h("لا تقل عن", Ge),
    h("ما لا يقل عن", Ge),
    h("على الأقل", Ge),
    verb("لا يقل عن", Ge, 1),
    verb("لا تقل عن", Ge, 1),
    h("at least", Ge),
    h("no fewer than", Ge),
    h("no less than", Ge),
    h("أقل من", Lt),
    h("ما يقل عن", Lt),
    h("less than", Lt),
    h("fewer than", Lt),
    h("under", Lt),
    h("below", Lt),
    h("لا يزيد عن", Le),
    h("لا يزيد على", Le),
    h("لا تزيد عن", Le),
    h("لا تزيد على", Le),
    h("ما لا يزيد عن", Le),
    h("ما لا يزيد على", Le),
    h("على الأكثر", Le),
    h("at most", Le),
    h("up to", Le),
    // «مدة أقصاها عشرة أيام»: a length whose most is ten days.
    h("أقصاها", Le),
    h("أقصاه", Le),
    // «خسائر قدّرها بما يصل إلى 3 مليارات»: up to (a bare «يصل إلى» amounts to, exactly).
    h("بما يصل إلى", Le),
    h("ما يصل إلى", Le),
    h("بما قد يصل إلى", Le),
    h("no more than", Le),
    verb("لا يزيد عن", Le, 1),
    verb("لا يزيد على", Le, 1),
    verb("لا تزيد عن", Le, 1),
    verb("لا تزيد على", Le, 1),
    // Comparisons as a form or a question puts them.
    h("أكبر من", Gt),
    h("أعلى من", Gt),
    whole("فوق", Gt),
    h("يفوق عن", Gt),
    h("أكبر من أو يساوي", Ge),
    h("أكثر من أو يساوي", Ge),
    h("أكبر من او تساوي", Ge),
    h("بما لا يقل عن", Ge),
    h("كحد أدنى", Ge),
    h("أصغر من", Lt),
    h("أدنى من", Lt),
    whole("دون", Lt),
    whole("ما دون", Lt),
    whole("تحت", Lt),
    h("أقل من أو يساوي", Le),
    h("أصغر من أو يساوي", Le),
    whole("حتى", Le),
    whole("لغاية", Le),
    h("كحد أقصى", Le),
    h("لا يتجاوز", Le),
    h("لا تتجاوز", Le),
    h("ما لا يتجاوز", Le),
    // The same denied in the past (لم) or the future (لن): "لم يتجاوز 440" is at most 440.
    h("لم يتجاوز", Le),
    h("لم تتجاوز", Le),
    h("لن يتجاوز", Le),
    h("لن تتجاوز", Le),
    verb("لم يتجاوز", Le, 1),
    verb("لم تتجاوز", Le, 1),
    h("لم يزد عن", Le),
    h("لم يزد على", Le),
    h("لم تزد عن", Le),
    h("لم تزد على", Le),
    h("لن يزيد عن", Le),
    h("لن يزيد على", Le),
    h("لن تزيد عن", Le),
    h("لن تزيد على", Le),
    verb("لم يزد عن", Le, 1),
    verb("لم يزد على", Le, 1),
    verb("لم تزد عن", Le, 1),
    verb("لم تزد على", Le, 1),
    h("لم يقل عن", Ge),
    h("لم تقل عن", Ge),
    h("لن يقل عن", Ge),
    h("لن تقل عن", Ge),
    verb("لم يقل عن", Ge, 1),
    verb("لم تقل عن", Ge, 1),
    h("did not exceed", Le),
    h("does not exceed", Le),
    h("not exceeding", Le),
    h("will not exceed", Le),
    h("بحدود", Ap),
    h("في حدود", Ap),
    h("ما يعادل", Ap),
    h("يساوي", Ex),
    h("تساوي", Ex),
    h("=", Ex),
    h("exactly", Ex),
    h("equal to", Ex),
    h("greater than", Gt),
    h("upwards of", Gt),
    h("just over", Gt),
    h("not less than", Ge),
    h("a minimum of", Ge),
    h("as many as", Le),
    h("as much as", Le),
    h("not more than", Le),
    h("a maximum of", Le),
    h("just under", Lt),
    h("close to", Ap),
    h("an estimated", Ap),
    h("estimated", Ap),
    // Bounds on a date.
    date("بعد", Gt),
    date("قبل", Lt),
    date("منذ", Ge),
    date("اعتبارا من", Ge),
    date("ابتداء من", Ge),
    date("after", Gt),
    date("before", Lt),
    date("since", Ge),
    date("until", Le),
    date("till", Le),
    date("by", Le),
];

/// Words that deny the verb after them: a bound after that verb goes the other way
/// («لن يستغرق أكثر من عشرة أيام»: at most ten days). Folded.
pub(super) const NEGATIONS: &[&str] = &["لن", "لم", "لا", "الا", "ليس", "not", "never"];

/// Hedges written after the figure.
pub(super) const SUFFIX_HEDGES: &[(&str, Hedge)] = &[
    ("تقريبا", Ap),
    ("approximately", Ap),
    ("على الأقل", Ge),
    ("أو أكثر", Ge),
    ("فأكثر", Ge),
    ("وما فوق", Ge),
    ("at least", Ge),
    ("or more", Ge),
    ("and above", Ge),
    ("or above", Ge),
    ("كحد أدنى", Ge),
    ("كحد أقصى", Le),
    ("and below", Le),
    ("or under", Le),
    ("على الأكثر", Le),
    ("أو أقل", Le),
    ("فأقل", Le),
    ("فما دون", Le),
    ("at most", Le),
    ("or less", Le),
    ("or fewer", Le),
];

/// Words that make the figure before them a percentage.
pub(super) const PERCENT_WORDS: &[&str] =
    &["في المائة", "في المئة", "في المية", "بالمائة", "بالمئة", "بالمية", "percent", "per cent", "pct"];

/// "بين X و Y" and its variants.
pub(super) const RANGE_INTROS: &[&str] = &[
    "بين",
    "ما بين",
    "تتراوح بين",
    "يتراوح بين",
    "تراوح بين",
    "تراوحت بين",
    "تتراوح ما بين",
    "يتراوح ما بين",
    "تراوحت ما بين",
    "تراوح ما بين",
    "between",
];
/// "بين X و Y" where both ends are years.
pub(super) const RANGE_YEAR_INTROS: &[&str] =
    &["بين عامي", "ما بين عامي", "بين العامين", "بين سنتي", "between the years", "between years"];
pub(super) const RANGE_AND: &[&str] = &["و", "and"];
pub(super) const RANGE_FROM: &[&str] = &["من", "from"];
pub(super) const RANGE_TO: &[&str] = &["إلى", "الى", "حتى", "to"];

/// Every phrase above, for the lexicon of value words.
pub(super) fn vocabulary() -> impl Iterator<Item = &'static str> {
    HEDGES
        .iter()
        .map(|p| p.text)
        .chain(SUFFIX_HEDGES.iter().map(|p| p.0))
        .chain(PERCENT_WORDS.iter().copied())
        .chain(RANGE_INTROS.iter().copied())
        .chain(RANGE_YEAR_INTROS.iter().copied())
}

/// A number as plain decimal digits: `2500`, `1500000`, `0.25` (never an exponent).
pub fn format_number(v: f64) -> String {
    if v == 0.0 {
        return "0".to_string();
    }
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else if v > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    // Whole numbers (nearly all figures) as integers: the same digits, without the float
    // formatter's search for the shortest form.
    if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
        return (v as i64).to_string();
    }
    format!("{v}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format_without_exponent() {
        assert_eq!(format_number(2500.0), "2500");
        assert_eq!(format_number(1.5e6), "1500000");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(2e12), "2000000000000");
        assert_eq!(format_number(-3.5), "-3.5");
        // Whole numbers to 2^53 are written as integers: the same digits as the float's.
        for v in [1.0, -1.0, 7.0e15, -9_007_199_254_740_991.0, 123_456_789_012.0] {
            assert_eq!(format_number(v), format!("{v}"));
        }
        assert_eq!(format_number(9_007_199_254_740_992.0), "9007199254740992");
        assert_eq!(format_number(1e300), format!("{}", 1e300));
    }
}
