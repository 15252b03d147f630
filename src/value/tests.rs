//! Reading values, through `read` and `mentions` only.

use super::*;
use crate::text::{Mode, fold};

fn opts() -> ReadOptions {
    ReadOptions::default()
}

fn with_year(y: i32) -> ReadOptions {
    ReadOptions { default_year: Some(y), ..ReadOptions::default() }
}

#[track_caller]
fn r(expr: &str) -> Reading {
    read(expr, &opts()).unwrap_or_else(|e| panic!("{expr:?}: {e}"))
}

#[track_caller]
fn bounds(expr: &str) -> (Option<f64>, Option<f64>) {
    let x = r(expr);
    (x.interval.lo, x.interval.hi)
}

fn closed(lo: f64, hi: f64) -> (Option<f64>, Option<f64>) {
    (Some(lo), Some(hi))
}

fn day(y: i32, m: u8, d: u8) -> f64 {
    days_from_ymd(y, m, d).unwrap() as f64
}

#[track_caller]
fn assert_close(got: (Option<f64>, Option<f64>), want: (Option<f64>, Option<f64>)) {
    let near = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
        (a, b) => a == b,
    };
    assert!(near(got.0, want.0) && near(got.1, want.1), "got {got:?}, want {want:?}");
}

/// Every mention of `text` (folded here) as (folded text, description).
fn found(text: &str, o: &ReadOptions) -> Vec<(String, String)> {
    let folded = fold(text, Mode::Read);
    mentions(&folded, o).into_iter().map(|m| (folded[m.start..m.end].to_string(), m.reading.describe())).collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

// ---- numbers ----

#[test]
fn digits_written_out_are_exact() {
    let x = r("2500");
    assert_eq!((x.kind, x.hedge, x.precision, x.nominal), (ValueKind::Number, Hedge::Exact, Precision::Exact, 2500.0));
    assert_eq!(bounds("2500"), closed(2500.0, 2500.0));
    assert_eq!(bounds("2,725,001"), closed(2_725_001.0, 2_725_001.0));
    assert_eq!(bounds("100"), closed(100.0, 100.0));
    assert_eq!(r("2,7").nominal, 2.7);
    assert_eq!(r("2.7").nominal, 2.7);
    assert_eq!(r("٢٫٥").nominal, 2.5);
    assert_eq!(r("١٬٥٠٠").nominal, 1500.0);
    assert_eq!(r("18,776,707").nominal, 18_776_707.0);
    assert_eq!(r("1107").kind, ValueKind::Number);
}

#[test]
fn round_figures_read_alike_in_digits_words_and_exponents() {
    // One rule: a scale word, an exponent, or a trailing group of three zeros (how digits
    // write a scale word) states nothing below it: ± half its last significant digit.
    for e in ["3000", "3,000", "٣٠٠٠", "3 آلاف", "ثلاثة آلاف", "3e3", "three thousand", "3 thousand"] {
        let x = r(e);
        assert_eq!((x.nominal, x.hedge, x.precision), (3000.0, Hedge::Round, Precision::Digit(1e3)), "{e}");
        assert_eq!(bounds(e), closed(2500.0, 3500.0), "{e}");
    }
    for e in ["2000", "ألفين", "ألفان", "2 ألف"] {
        assert_eq!(bounds(e), closed(1500.0, 2500.0), "{e}");
    }
    for e in ["2,725,000", "2725 ألف", "2725e3", "مليونان وسبعمائة وخمسة وعشرون ألفا"]
    {
        assert_eq!(bounds(e), closed(2_724_500.0, 2_725_500.0), "{e}");
    }
    for e in ["19,000,000", "19 مليون", "19e6", "تسعة عشر مليونا"] {
        assert_eq!(bounds(e), closed(18.5e6, 19.5e6), "{e}");
    }
    // Below the last group of zeros a figure is exact: 2500, 3200, ألفان وخمسمائة.
    for (e, v) in [("3200", 3200.0), ("ثلاثة آلاف ومئتان", 3200.0), ("ألفان وخمسمائة", 2500.0), ("1,001", 1001.0)]
    {
        assert_eq!((r(e).nominal, r(e).precision), (v, Precision::Exact), "{e}");
    }
}

#[test]
fn scale_words_and_exponents_are_round() {
    assert_eq!(bounds("19 مليون"), closed(18.5e6, 19.5e6));
    assert_eq!(bounds("19e6"), closed(18.5e6, 19.5e6));
    assert_eq!(r("19e6").precision, Precision::Digit(1e6));
    assert_eq!(r("19e6").hedge, Hedge::Round);
    assert_eq!(bounds("1.5e6"), closed(1.45e6, 1.55e6));
    assert_eq!(bounds("1.5 مليون"), closed(1.45e6, 1.55e6));
    assert_eq!(bounds("2 تريليون"), closed(1.5e12, 2.5e12));
    assert_eq!(bounds("عشرين ألف"), closed(19_500.0, 20_500.0));
    assert_eq!(r("٢,٧ مليون").nominal, 2_700_000.0);
    assert_eq!(r("3 آلاف").nominal, 3000.0);
    assert_eq!(r("1.5 million").nominal, 1.5e6);
    assert_eq!(r("45.7e12").precision, Precision::Digit(1e11));
    assert_eq!(r("19 مليوناً").nominal, 19e6);
}

#[test]
fn approximate_hedges_widen_by_the_tolerance() {
    assert_close(bounds("~1000"), closed(500.0, 1500.0));
    assert_close(bounds("~1001"), closed(900.9, 1101.1));
    for e in [
        "نحو 1200",
        "حوالي 1200",
        "حوالى 1200",
        "قرابة 1200",
        "قرابه 1200",
        "ما يقارب 1200",
        "يقارب 1200",
        "زهاء 1200",
        "تقريبا 1200",
        "1200 تقريباً",
        "about 1200",
        "near 1200",
        "close to 1200",
        "اقترب من 1200",
        "نحو ألف ومئتين",
    ] {
        let x = r(e);
        assert_eq!(x.hedge, Hedge::Approximate, "{e}");
        assert_close((x.interval.lo, x.interval.hi), closed(1080.0, 1320.0));
        assert_eq!(x.nominal, 1200.0);
    }
    // A round figure keeps its own width when that is the wider: "نحو ألف" as "نحو 1000".
    assert_close(bounds("نحو ألف"), closed(500.0, 1500.0));
    // The union of the precision interval and ±10%.
    assert_close(bounds("~19e6"), closed(17.1e6, 20.9e6));
    assert_close(bounds("نحو 1.5 مليون"), closed(1.35e6, 1.65e6));
    let narrow = ReadOptions { tolerance: 0.01, ..opts() };
    let x = read("~19e6", &narrow).unwrap();
    assert_close((x.interval.lo, x.interval.hi), closed(18.5e6, 19.5e6));
    // A percentage by points, not by a share of itself: "about 70%" never reaches 75%.
    assert_close(bounds("~90%"), closed(87.0, 93.0));
    assert_close(bounds("نحو 70%"), closed(67.0, 73.0));
    let wide = ReadOptions { percent_points: 5.0, ..opts() };
    let x = read("~70%", &wide).unwrap();
    assert_close((x.interval.lo, x.interval.hi), closed(65.0, 75.0));
    assert_close(bounds("19 مليون نسمة تقريبا"), closed(17.1e6, 20.9e6));
}

#[test]
fn bounds_are_open_on_the_other_side() {
    let x = r(">1.5e6");
    assert_eq!((x.hedge, x.interval.lo, x.interval.hi, x.nominal), (Hedge::MoreThan, Some(1.5e6), None, 1.5e6));
    assert_eq!((r(">=20").hedge, bounds(">=20")), (Hedge::AtLeast, (Some(20.0), None)));
    assert_eq!((r("<20e6").hedge, bounds("<20e6")), (Hedge::LessThan, (None, Some(20e6))));
    assert_eq!((r("<=5").hedge, bounds("<=5")), (Hedge::AtMost, (None, Some(5.0))));
    assert_eq!(r("≥ 20").hedge, Hedge::AtLeast);
    for e in [
        "أكثر من 100",
        "ما يزيد عن 100",
        "ما يزيد على 100",
        "ما تزيد عن 100",
        "ما تزيد على 100",
        "يزيد عن 100",
        "تزيد عن 100",
        "تتجاوز 100",
        "يتجاوز 100",
        "ما يربو على 100",
        "يربو على 100",
        "more than 100",
        "over 100",
    ] {
        assert_eq!((r(e).hedge, bounds(e)), (Hedge::MoreThan, (Some(100.0), None)), "{e}");
    }
    for (e, h) in [
        ("أقل من 5", Hedge::LessThan),
        ("less than 5", Hedge::LessThan),
        ("لا يزيد عن 5", Hedge::AtMost),
        ("أقصاها 5", Hedge::AtMost),
        ("5 على الأكثر", Hedge::AtMost),
    ] {
        assert_eq!((r(e).hedge, bounds(e)), (h, (None, Some(5.0))), "{e}");
    }
    assert_eq!((r("لا يقل عن 20").hedge, bounds("لا يقل عن 20")), (Hedge::AtLeast, (Some(20.0), None)));
    assert_eq!(r("20 على الأقل").hedge, Hedge::AtLeast);
    // A verb's subject may stand between it and the figure.
    let x = r("تتجاوز نسبتهم ٧٥%");
    assert_eq!((x.kind, x.hedge, x.interval.lo), (ValueKind::Percent, Hedge::MoreThan, Some(75.0)));
    assert_eq!(r("لا يقل عددهم عن 20").hedge, Hedge::AtLeast);
    assert_eq!(r("تزيد عن ٢,٧ مليون كلم²").interval.lo, Some(2.7e6));
}

#[test]
fn ranges_share_their_scale() {
    assert_eq!((r("2e9..3e9").hedge, bounds("2e9..3e9")), (Hedge::Range, closed(2e9, 3e9)));
    assert_eq!(r("2e9..3e9").nominal, 2e9);
    assert_eq!(bounds("بين 2 و3 مليار"), closed(2e9, 3e9));
    assert_eq!(bounds("بين 2 و 3"), closed(2.0, 3.0));
    assert_eq!(bounds("تتراوح بين 10 و20"), closed(10.0, 20.0));
    assert_eq!(bounds("تتراوح ما بين 10 و 20 ألفا"), closed(10e3, 20e3));
    assert_eq!(bounds("من 10 إلى 20"), closed(10.0, 20.0));
    assert_eq!(bounds("10-15"), closed(10.0, 15.0));
    assert_eq!(bounds("2-3 مليون"), closed(2e6, 3e6));
    assert_eq!((r("من 18 الى 21%").kind, bounds("من 18 الى 21%")), (ValueKind::Percent, closed(18.0, 21.0)));
    assert!(read("20..10", &opts()).is_err());
}

#[test]
fn vague_counts() {
    for (e, lo, hi) in [
        ("عشرات", 10.0, 99.0),
        ("عشرات الآلاف", 1e4, 99_999.0),
        ("مئات", 100.0, 999.0),
        ("المئات", 100.0, 999.0),
        ("مئات الآلاف", 1e5, 999_999.0),
        ("آلاف", 1000.0, 9999.0),
        ("الآلاف", 1000.0, 9999.0),
        ("بضع", 3.0, 9.0),
        ("بضعة", 3.0, 9.0),
        ("بضعة آلاف", 3000.0, 9000.0),
        ("بضع مئات", 300.0, 900.0),
        ("بضعة عشر", 13.0, 19.0),
        ("عدة ملايين", 3e6, 9e6),
        ("عشرين ونيف", 21.0, 29.0),
        ("نيف وعشرون", 21.0, 29.0),
    ] {
        let x = r(e);
        assert_eq!((x.hedge, (x.interval.lo, x.interval.hi)), (Hedge::Vague, closed(lo, hi)), "{e}");
        assert_eq!(x.nominal, lo);
    }
    let x = r("100 ونيف");
    assert_eq!((x.hedge, x.interval.lo, x.interval.hi), (Hedge::MoreThan, Some(100.0), None));
    assert_eq!(r("أكثر من عشرات").interval.lo, Some(10.0));
}

#[test]
fn number_words() {
    for (e, v) in [
        ("ثلاث", 3.0),
        ("ثلاثة", 3.0),
        ("عشر", 10.0),
        ("عشرة", 10.0),
        ("اثنان", 2.0),
        ("أحد عشر", 11.0),
        ("إحدى عشرة", 11.0),
        ("اثنا عشر", 12.0),
        ("ثلاثة عشر", 13.0),
        ("تسعة عشر", 19.0),
        ("عشرون", 20.0),
        ("خمسة وعشرين", 25.0),
        ("واحد وعشرين", 21.0),
        ("مائة", 100.0),
        ("مئة وخمسة وعشرون", 125.0),
        ("مائتين", 200.0),
        ("ثلاثمائة", 300.0),
        ("ثلاث مائة", 300.0),
        ("تسعمئة", 900.0),
        ("ألف وتسعمائة وواحد وتسعون", 1991.0),
        ("ثلاثة عقود", 30.0),
        ("قرنين", 200.0),
        ("ربع قرن", 25.0),
    ] {
        let x = r(e);
        assert_eq!((x.kind, x.nominal, x.hedge), (ValueKind::Number, v, Hedge::Exact), "{e}");
    }
    for (e, v, digit) in [
        ("ثلاثمائة وخمسون ألفا", 350e3, 1e3),
        ("عشرين ألف", 20e3, 1e3),
        ("مليون ونصف المليون", 1.5e6, 1e5),
        ("مليون ونصف", 1.5e6, 1e5),
        ("مليونين", 2e6, 1e6),
        ("ثلاثة ملايين", 3e6, 1e6),
        ("عشرة آلاف", 1e4, 1e3),
        ("ألف", 1e3, 1e3),
        ("نصف مليون", 5e5, 1e5),
        ("مليونين وخمسمائة ألف", 2.5e6, 1e3),
    ] {
        let x = r(e);
        assert_eq!((x.nominal, x.precision, x.hedge), (v, Precision::Digit(digit), Hedge::Round), "{e}");
    }
    // "أحد" alone is "one of", not a figure.
    assert!(read("أحد", &opts()).is_err());
    // "واحد" alone is 1 in a whole expression (in running text, "one of"); "أحد" never.
    assert_eq!(r("واحد").nominal, 1.0);
}

#[test]
fn ordinals_are_numbers() {
    for (e, v) in [
        ("الأول", 1.0),
        ("الأولى", 1.0),
        ("الثاني", 2.0),
        ("الثانية", 2.0),
        ("العاشر", 10.0),
        ("الحادي عشر", 11.0),
        ("الحادية عشرة", 11.0),
        ("الثاني عشر", 12.0),
        ("التاسع عشر", 19.0),
        ("العشرون", 20.0),
        ("العشرين", 20.0),
        ("التاسع والعشرين", 29.0),
        ("الحادي والثلاثين", 31.0),
    ] {
        assert_eq!((r(e).kind, r(e).nominal), (ValueKind::Number, v), "{e}");
    }
}

#[test]
fn fractions_of_a_noun_are_percentages() {
    for (e, v) in [
        ("نصف السكان", 50.0),
        ("ربع السكان", 25.0),
        ("ثلث السكان", 100.0 / 3.0),
        ("ثلثي السكان", 200.0 / 3.0),
        ("خمس السكان", 20.0),
    ] {
        let x = r(e);
        assert_eq!((x.kind, x.nominal, x.hedge), (ValueKind::Percent, v, Hedge::Round), "{e}");
        assert!(x.interval.contains(v));
    }
    // خمس/عشر before an indefinite noun are numbers.
    assert_eq!((r("خمس سنوات").kind, r("خمس سنوات").nominal), (ValueKind::Number, 5.0));
    assert_eq!(r("عشر دول").nominal, 10.0);
}

#[test]
fn percentages() {
    for e in
        ["60%", "60 %", "٦٠٪", "60 في المائة", "60 في المئة", "60 بالمائة", "60 بالمئة", "60 percent", "ستين في المائة"]
    {
        let x = r(e);
        assert_eq!((x.kind, x.nominal, x.hedge), (ValueKind::Percent, 60.0, Hedge::Exact), "{e}");
    }
    assert_eq!(r("٧٥٪").nominal, 75.0);
    assert_eq!(r("19.65%").nominal, 19.65);
    assert_eq!(r("%70").kind, ValueKind::Percent);
    assert_eq!(r(">75%").interval.lo, Some(75.0));
}

#[test]
fn multipliers() {
    for (e, v) in [
        ("x2", 2.0),
        ("×2", 2.0),
        ("2x", 2.0),
        ("x1.5", 1.5),
        ("الضعف", 2.0),
        ("ضعف", 2.0),
        ("ضعفين", 2.0),
        ("مضاعف", 2.0),
        ("المضاعف", 2.0),
        ("ثلاثة أضعاف", 3.0),
        ("3 أضعاف", 3.0),
        ("عشرة أضعاف", 10.0),
    ] {
        let x = r(e);
        assert_eq!((x.kind, x.nominal), (ValueKind::Multiplier, v), "{e}");
    }
    assert_eq!(r("أضعاف").hedge, Hedge::Vague);
}

// ---- dates ----

#[test]
fn iso_and_numeric_dates() {
    let x = r("2022-01-05");
    assert_eq!((x.kind, x.precision, x.nominal), (ValueKind::Date, Precision::Day, day(2022, 1, 5)));
    assert_eq!((x.interval.lo, x.interval.hi), closed(day(2022, 1, 5), day(2022, 1, 5)));
    assert_eq!(
        (r("2022-01").precision, bounds("2022-01")),
        (Precision::Month, closed(day(2022, 1, 1), day(2022, 1, 31)))
    );
    let year = read_as("2022", &opts(), ValueKind::Date).unwrap();
    assert_eq!((year.precision, year.interval), (Precision::Year, Interval::new(day(2022, 1, 1), day(2022, 12, 31))));
    assert_eq!(bounds("2024-02"), closed(day(2024, 2, 1), day(2024, 2, 29)));
    let x = r("2022-01-05..2022-01-07");
    assert_eq!(
        (x.kind, x.hedge, x.interval.lo, x.interval.hi),
        (ValueKind::Date, Hedge::Range, Some(day(2022, 1, 5)), Some(day(2022, 1, 7)))
    );
    assert_eq!(bounds("2022-01..2022-03"), closed(day(2022, 1, 1), day(2022, 3, 31)));
    let decade = read_as("1990..1999", &opts(), ValueKind::Date).unwrap();
    assert_eq!(decade.interval, Interval::new(day(1990, 1, 1), day(1999, 12, 31)));
    assert_eq!(r("1990..1999").kind, ValueKind::Number);
    assert_eq!(r("2022/1/5").nominal, day(2022, 1, 5));
    assert_eq!(r("٢٠٢٢/١/٥").nominal, day(2022, 1, 5));
    assert_eq!(r("5/1/2022").nominal, day(2022, 1, 5));
    assert_eq!(r("23/11/2021").nominal, day(2021, 11, 23));
    assert_eq!(r("1991م").precision, Precision::Year);
    assert_eq!(r("عام 1991").nominal, day(1991, 1, 1));
    assert!(read("2022-02-30", &opts()).is_err());
    assert_eq!(r(">2022-01-05").interval, Interval { lo: Some(day(2022, 1, 5)), hi: None });
}

#[test]
fn month_names_of_both_systems() {
    for e in [
        "5 يناير 2022",
        "5 كانون الثاني 2022",
        "٥ يناير ٢٠٢٢",
        "5 يناير/كانون الثاني 2022",
        "5 يناير (كانون الثاني) 2022",
        "الخامس من يناير 2022",
        "January 5, 2022",
        "5 January 2022",
    ] {
        let x = r(e);
        assert_eq!(
            (x.kind, x.precision, x.nominal, x.year_known),
            (ValueKind::Date, Precision::Day, day(2022, 1, 5), true),
            "{e}"
        );
    }
    for e in
        ["يناير/كانون الثاني 2022", "يناير (كانون الثاني) 2022", "كانون الثاني 2022", "يناير 2022", "يناير من عام 2022"]
    {
        assert_eq!((r(e).precision, bounds(e)), (Precision::Month, closed(day(2022, 1, 1), day(2022, 1, 31))), "{e}");
    }
    assert_eq!(r("التاسع والعشرين من مارس 2022").nominal, day(2022, 3, 29));
    assert_eq!(r("19 آذار 2019").nominal, day(2019, 3, 19));
    assert_eq!(r("6 تشرين الأول 2021").nominal, day(2021, 10, 6));
    assert_eq!(r("كانون الأول 2021").nominal, day(2021, 12, 1));
    assert_eq!(r("آب 2020").nominal, day(2020, 8, 1));
    assert_eq!(bounds("5-7 يناير 2022"), closed(day(2022, 1, 5), day(2022, 1, 7)));
}

#[test]
fn dates_without_a_year_take_the_default_year() {
    let o = with_year(2022);
    let x = read("في 6 يناير", &o).unwrap();
    assert_eq!((x.nominal, x.year_known, x.precision), (day(2022, 1, 6), false, Precision::Day));
    let x = read("الخامس من يناير", &o).unwrap();
    assert_eq!((x.nominal, x.year_known), (day(2022, 1, 5), false));
    let e = read("في 6 يناير", &opts()).unwrap_err();
    assert_eq!(e.message, "date has no year");
    assert_eq!(e.at, "في ".len());
}

#[test]
fn hijri_dates_convert_with_umm_al_qura() {
    for e in [
        "١٢ جمادى الآخرة ١٤٤٣ هـ",
        "12 جمادى الآخرة 1443 هـ",
        "12 جمادى الآخرة 1443هـ",
        "الثاني عشر من جمادى الآخرة ١٤٤٣ هـ",
        "12 جمادى الثانية 1443",
    ] {
        let x = r(e);
        assert_eq!(
            (x.kind, x.nominal, x.calendar, x.precision),
            (ValueKind::Date, day(2022, 1, 15), Some("hijri-umm-al-qura"), Precision::Day),
            "{e}"
        );
        assert_eq!(iso_date(x.nominal as i64), "2022-01-15");
    }
    let x = r("1443 هـ");
    assert_eq!((x.precision, x.calendar), (Precision::Year, Some("hijri-umm-al-qura")));
    assert_eq!((x.interval.lo, x.interval.hi), closed(day(2021, 8, 9), day(2022, 7, 29)));
    let x = r("جمادى الآخرة 1443");
    assert_eq!((x.precision, x.interval.lo), (Precision::Month, Some(day(2022, 1, 4))));
    assert_eq!(r("1443 م").calendar, None);
    assert!(read("30 جمادى الآخرة 1443 هـ", &opts()).is_err() || r("30 جمادى الآخرة 1443 هـ").kind == ValueKind::Date);
}

#[test]
fn a_bare_figure_is_a_number_unless_words_or_the_kind_make_it_a_year() {
    assert_eq!(r("2022").kind, ValueKind::Number);
    assert_eq!(r("1991").kind, ValueKind::Number);
    assert_eq!((r("0000").kind, r("0000").nominal), (ValueKind::Number, 0.0));
    assert_eq!(r("عام 2000").kind, ValueKind::Date);
    assert_eq!(r("2000م").kind, ValueKind::Date);
    assert_eq!(r("سنة 1991").kind, ValueKind::Date);
    assert_eq!(read_as("2000", &opts(), ValueKind::Date).unwrap().kind, ValueKind::Date);
    assert_eq!(read_as("0000", &opts(), ValueKind::Date).unwrap().interval.lo, Some(day(0, 1, 1)));
    assert_eq!(r("2000 جندي").kind, ValueKind::Number);
    assert_eq!(r("2100 كم").kind, ValueKind::Number);
    assert_eq!(r("أكثر من 2000").kind, ValueKind::Number);
    assert_eq!(r("2500").kind, ValueKind::Number);
    assert_eq!(r("1443").kind, ValueKind::Number);
}

// ---- errors ----

#[test]
fn errors_name_what_was_expected_and_where() {
    let e = read("xyz", &opts()).unwrap_err();
    assert_eq!(e, ValueError { message: "expected a number, a date or a hedge word, found \"xyz\"".into(), at: 0 });
    let e = read("  قال 2500", &opts()).unwrap_err();
    assert_eq!((e.message.as_str(), e.at), ("expected a number, a date or a hedge word, found \"قال\"", 2));
    let e = read("أكثر من xyz", &opts()).unwrap_err();
    assert_eq!(e.at, "أكثر من ".len());
    assert!(e.message.contains("\"xyz\""), "{e}");
    let e = read("", &opts()).unwrap_err();
    assert_eq!(e.message, "expected a number, a date or a hedge word, found nothing");
    let e = read("2500 جندي 7", &opts()).unwrap_err();
    assert_eq!((e.message.as_str(), e.at), ("unexpected \"7\" after the value", "2500 جندي ".len()));
    assert!(e.to_string().contains("at byte"));
    let e = read("2022-02-30", &opts()).unwrap_err();
    assert!(e.message.starts_with("no such date"), "{e}");
}

#[test]
fn unit_nouns_may_trail() {
    for e in ["19 مليون نسمة", "1000 جندي", "2500 دولار", "٢,٧ مليون كلم²", "2.7e6 km2", "20 person", "20% من السكان"]
    {
        assert!(read(e, &opts()).is_ok(), "{e}");
    }
    assert_eq!(r("٢,٧ مليون كلم²").nominal, 2.7e6);
}

#[test]
fn read_never_panics() {
    let pieces = [
        "2",
        "2022",
        "-",
        "/",
        "..",
        ",",
        ".",
        "e",
        "e9",
        "%",
        "x",
        "×",
        "~",
        ">",
        "<",
        ">=",
        "٫",
        "٬",
        "٪",
        "١٢",
        "0",
        "99999999999999999999",
        "1e99999",
        "9.9e-400",
        "يناير",
        "كانون",
        "الثاني",
        "جمادى",
        "الآخرة",
        "هـ",
        "م",
        "عام",
        "من",
        "إلى",
        "بين",
        "و",
        "نحو",
        "أكثر",
        "لا",
        "يقل",
        "عن",
        "تتجاوز",
        "مليون",
        "ألف",
        "آلاف",
        "عشرات",
        "بضع",
        "نيف",
        "ونيف",
        "نصف",
        "ثلث",
        "ضعف",
        "أضعاف",
        "ثلاثة",
        "عشر",
        "التاسع",
        "والعشرين",
        "الحادي",
        "اثنا",
        "مائة",
        "في",
        "المائة",
        "تقريبا",
        "(",
        ")",
        "«",
        " ",
        "\u{E008}",
        "ـ",
        "ً",
        "𝟚",
        "ß",
        "İ",
        "sup",
        "آب",
        "مارس",
        "31",
        "32",
        "00",
        "5/13/2022",
        "2022-13",
        "0/0/0",
        "9999",
        "1443",
        "30",
        "$",
        "€",
        "،",
        "٬",
        "٫",
        "ربع",
        "الربع",
        "الثالث",
        "الأسبوع",
        "الأخير",
        "مطلع",
        "أواخر",
        "العام",
        "الماضي",
        "رمضان",
        "الاثنين",
        "يوم",
        "بعد",
        "منذ",
        "حتى",
        "دولار",
        "ريال",
        "سعودي",
        "لترين",
        "دقيقتين",
        "أعضاء",
        "درجات",
        "تحت",
        "الصفر",
        "سالب",
        "دزينة",
        "a",
        "of",
        "the",
        "early",
        "q3",
        "th",
        "s",
        "=",
        "المئة",
        "بعد المئة",
        "الاثنا",
        "حداشر",
        "أرباع",
        "3/4",
        "1 234",
        ".5",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let o = with_year(2022);
    for _ in 0..3000 {
        let n = 1 + next() % 7;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            if next() % 3 != 0 {
                s.push(' ');
            }
        }
        let _ = read(&s, &o);
        let _ = read(&s, &opts());
        let f = fold(&s, Mode::Read);
        for m in mentions(&f, &o) {
            assert!(m.start < m.end && m.end <= f.len(), "{s:?}");
        }
    }
    for s in [
        "",
        " ",
        "\u{0}",
        "٠",
        "e",
        "..",
        "-1",
        "2..",
        "..3",
        "بين",
        "بين 2 و",
        "من 5 إلى",
        "x",
        "12 جمادى الآخرة 99999 هـ",
        "31 فبراير 2022",
    ] {
        let _ = read(s, &o);
        let _ = mentions(s, &o);
    }
}

// ---- mentions ----

#[test]
fn mentions_are_as_long_as_possible() {
    let text = "يبلغ عددهم نحو ١٩ مليوناً أكثرهم من المسلمين تتجاوز نسبتهم ٧٥%. واستقل عام ١٩٩١، وينتج أكثر من ١,٥ مليون برميل.";
    assert_eq!(
        found(text, &opts()),
        pairs(&[
            ("نحو 19 مليونا", "17100000..20900000"),
            ("تتجاوز نسبتهم 75%", "75%..∞%"),
            ("عام 1991", "1991-01-01..1991-12-31"),
            ("اكثر من 1,5 مليون", "1500000..∞"),
        ])
    );
    let text = "وان الخسائر تتراوح بين 2 و3 مليارات دولار، واعتقال نحو 10 آلاف شخص في 6 يناير";
    assert_eq!(
        found(text, &with_year(2022)),
        pairs(&[
            ("تتراوح بين 2 و3 مليارات", "2000000000..3000000000"),
            ("نحو 10 الاف", "9000..11000"),
            ("6 يناير", "2022-01-06")
        ])
    );
}

/// In running text "to" joins two sums of one currency and scale, and nothing else.
#[test]
fn to_joins_two_sums_of_money_in_running_text() {
    let got = found(
        "losses he put at $2 billion to $3 billion; the price was cut to 50 from 60; up $2 to $30 billion",
        &opts(),
    );
    assert_eq!(
        got,
        pairs(&[
            ("$2 billion to $3 billion", "2000000000..3000000000"),
            ("50", "50"),
            ("60", "60"),
            ("$2", "2"),
            ("$30 billion", "29500000000..30500000000"),
        ])
    );
}

/// A fraction of something is a share: "a third of the country's crude" is 33.3%, not 0.333.
#[test]
fn a_fraction_of_something_is_a_share() {
    let got = found("Tengiz pumps roughly a third of the country's crude, and two thirds of a million", &opts());
    assert!(got[0].0 == "roughly a third" && got[0].1.ends_with('%'), "{got:?}");
    // Of a figure, it is no share.
    assert!(got[1].0 == "two thirds" && !got[1].1.ends_with('%'), "{got:?}");
}

/// A bound under a denied verb goes the other way; «لا يزال» (still) denies nothing.
#[test]
fn a_denied_verb_turns_a_bound_and_still_does_not() {
    let text = "على ألا يستغرق أكثر من عشرة أيام، ولا يزال أكثر من 200 محتجزين. It did not last more than 5 days.";
    assert_eq!(
        found(text, &opts()),
        pairs(&[("الا يستغرق اكثر من عشره", "∞..10"), ("اكثر من 200", "200..∞"), ("not last more than 5", "∞..5")])
    );
}

#[test]
fn mentions_give_offsets_into_the_folded_text() {
    let folded = fold("قتل 225 شخصا", Mode::Read);
    let m = mentions(&folded, &opts());
    assert_eq!(m.len(), 1);
    assert_eq!(&folded[m[0].start..m[0].end], "225");
    assert_eq!(m[0].reading.nominal, 225.0);
}

#[test]
fn mentions_of_dates_and_hijri() {
    let text = "الثاني عشر من جمادى الآخرة ١٤٤٣هـ الموافق ٢٠٢٢/١/١٥م، وفي التاسع والعشرين من مارس 2022 وفي 2019";
    let got = found(text, &opts());
    assert_eq!(
        got,
        pairs(&[
            ("الثاني عشر من جمادي الاخره 1443ه", "2022-01-15"),
            ("2022/1/15م", "2022-01-15"),
            ("التاسع والعشرين من مارس 2022", "2022-03-29"),
            ("2019", "2019-01-01..2019-12-31"),
        ])
    );
    // A bare 4-digit number in 1800..=2100 is a year in text; with a hedge it is a count.
    // A counted noun after it makes it a count.
    assert_eq!(found("ارسلت 2000 جندي", &opts())[0].1, "1500..2500");
    assert_eq!(found("ارسلت 2000 الى هناك", &opts())[0].1, "2000-01-01..2000-12-31");
    assert_eq!(found("اكثر من 2000 جندي", &opts())[0].1, "2000..∞");
    assert_eq!(found("من 2005 الى يوليو 2018", &opts())[0].1, "2005-01-01..2018-07-31");
}

#[test]
fn ordinary_words_are_not_figures() {
    let o = with_year(2022);
    // أحد اهم: "one of the most"; كميات: quantities; لست: "I am not"; ضعف: weakness;
    // مارس: "practised"; آب alone: father; ألف باء: the ABC; "new york times".
    for text in [
        "احد اهم المنتجين",
        "كميات كبيرة",
        "لست ادري",
        "ضعف الدولة",
        "مارس الضغط",
        "آب واحد",
        "ألف باء السياسة",
        "the new york times",
        "بعده مباشرة",
        "نصف",
        "رمضان كريم",
    ] {
        assert_eq!(found(text, &o), vec![], "{text}");
    }
    // A month name with no year and no default year is skipped whole, day and all.
    assert_eq!(found("في 6 يناير وفي كانون الأول", &opts()), vec![]);
    assert_eq!(found("في كانون الأول", &o), pairs(&[("كانون الاول", "2022-12-01..2022-12-31")]));
    // List numbers and HTML superscripts are layout.
    assert_eq!(found("1- إن كازاخستان 2,7 مليون كلم<sup>2</sup>", &o), pairs(&[("2,7 مليون", "2650000..2750000")]));
}

#[test]
fn mentions_of_words_multipliers_and_fractions() {
    let o = opts();
    assert_eq!(found("رفع أسعار الغاز المسال إلى الضعف", &o), pairs(&[("الضعف", "x2")]));
    assert_eq!(found("الارتفاع المضاعف للأسعار", &o), pairs(&[("المضاعف", "x2")]));
    assert_eq!(found("ارتفع إلى ضعف ما كان", &o), pairs(&[("ضعف", "x2")]));
    assert_eq!(found("زيادة سعر الغاز ثلاثة أضعاف", &o), pairs(&[("ثلاثه اضعاف", "x3")]));
    assert_eq!(found("يشكل ثلث الإنتاج", &o)[0].0, "ثلث");
    assert_eq!(found("حكم البلاد ما يقرب من ثلاثة عقود", &o), pairs(&[("ما يقرب من ثلاثه عقود", "27..33")]));
    assert_eq!(found("المرتبة الحادية عشرة", &o), pairs(&[("الحاديه عشره", "11")]));
    assert_eq!(found("اسفرت عن سقوط عشرات القتلى", &o), pairs(&[("عشرات", "10..99")]));
    assert_eq!(found("يوجد نحو مليون ونصف المليون", &o), pairs(&[("نحو مليون ونصف المليون", "1350000..1650000")]));
    assert_eq!(found("خمسة وعشرون قتيلا", &o), pairs(&[("خمسه وعشرون", "25")]));
}

#[test]
fn readings_serialize_in_kebab_case() {
    let json = serde_json::to_value(r(">1.5e6")).unwrap();
    assert_eq!(json["hedge"], "more-than");
    assert_eq!(json["kind"], "number");
    assert_eq!(json["interval"]["hi"], serde_json::Value::Null);
    assert_eq!(json["precision"]["digit"], 100000.0);
    let json = serde_json::to_value(r("12 جمادى الآخرة 1443 هـ")).unwrap();
    assert_eq!(json["calendar"], "hijri-umm-al-qura");
}

#[test]
fn helpers_format_numbers_and_dates() {
    assert_eq!(format_number(2500.0), "2500");
    assert_eq!(format_number(1.5e6), "1500000");
    assert_eq!(format_number(0.25), "0.25");
    assert_eq!(iso_date(18997), "2022-01-05");
    assert_eq!(days_from_ymd(2022, 1, 5), Some(18997));
    assert_eq!(iso_date(days_from_ymd(-44, 3, 15).unwrap()), "-0044-03-15");
    assert_eq!(r("~19e6").describe(), "17100000..20900000");
    assert_eq!(r("2022-01-05").describe(), "2022-01-05");
}

#[test]
fn read_as_settles_bare_years_by_the_wanted_kind() {
    let year = |e: &str| read_as(e, &opts(), ValueKind::Date).unwrap_or_else(|x| panic!("{e}: {x}"));
    let x = year("1456");
    assert_eq!((x.kind, x.precision, x.interval.lo), (ValueKind::Date, Precision::Year, Some(day(1456, 1, 1))));
    assert_eq!(
        (year("0501..0600").interval.lo, year("0501..0600").interval.hi),
        closed(day(501, 1, 1), day(600, 12, 31))
    );
    assert_eq!(year("1700..1799").kind, ValueKind::Date);
    assert_eq!(year("2022-01-05").nominal, day(2022, 1, 5));
    let x = read_as("2100", &opts(), ValueKind::Number).unwrap();
    assert_eq!((x.kind, x.nominal), (ValueKind::Number, 2100.0));
    assert_eq!(read_as("1990..1999", &opts(), ValueKind::Number).unwrap().kind, ValueKind::Number);
    // Plain `read`: a bare figure is a number, leading zero or not.
    assert_eq!(r("0434").kind, ValueKind::Number);
}

#[test]
fn negative_figures() {
    let x = r("-2.84%");
    assert_eq!((x.kind, x.nominal), (ValueKind::Percent, -2.84));
    assert_close(bounds("~-10"), closed(-11.0, -9.0));
    assert_eq!(bounds("-5..5"), closed(-5.0, 5.0));
    // A dash between words and digits is not a sign.
    assert_eq!(found("covid-19", &opts()), pairs(&[("19", "19")]));
}

#[test]
fn one_comma_group_before_a_scale_word_is_a_decimal_comma() {
    let x = r("14,030 مليار");
    assert_eq!((x.nominal, x.precision), (14.03e9, Precision::Digit(1e6)));
    assert_eq!(r("2,725,000 مليون").nominal, 2_725_000e6);
    assert_eq!(r("14,030").nominal, 14_030.0);
}

#[test]
fn ranks_centuries_decades_and_duals() {
    assert_eq!(r("ثاني أكبر").nominal, 2.0);
    assert_eq!(found("كازاخستان لديها ثانى أكبر احتياطي", &opts()), pairs(&[("ثاني", "2")]));
    assert_eq!(found("وخامس أكبر احتياطي", &opts()), pairs(&[("خامس", "5")]));
    assert_eq!(found("أول دولة تعترف", &opts()), pairs(&[("اول", "1")]));
    assert_eq!(found("ومن ضمن الدول العشر الأولى في تصدير الفحم", &opts()), pairs(&[("العشر الاولي", "∞..10")]));
    assert_eq!(r("العشرة الأوائل").hedge, Hedge::AtMost);
    assert_eq!(bounds("القرن التاسع عشر"), closed(day(1801, 1, 1), day(1900, 12, 31)));
    assert_eq!(found("حتى القرن التاسع عشر", &opts()), pairs(&[("القرن التاسع عشر", "1801-01-01..1900-12-31")]));
    assert_eq!(bounds("التسعينات"), closed(day(1990, 1, 1), day(1999, 12, 31)));
    assert_eq!(
        found("في تسعينيات القرن الماضي", &opts()),
        pairs(&[("تسعينيات القرن الماضي", "1990-01-01..1999-12-31")])
    );
    assert_eq!(bounds("عشرينيات القرن الحادي والعشرين"), closed(day(2020, 1, 1), day(2029, 12, 31)));
    assert_eq!(found("قفزت الأسعار مرتين", &opts()), pairs(&[("مرتين", "2")]));
    assert_eq!(found("في اليومين التاليين شحن 2500 جندي", &opts()), pairs(&[("اليومين", "2"), ("2500", "2500")]));
    assert_eq!(found("تباحث عدة مرات", &opts()), pairs(&[("عده", "3..9")]));
    assert_eq!(found("مرورا بست مدن", &opts()), pairs(&[("ست", "6")]));
    assert_eq!(found("بعده مباشرة", &opts()), vec![]);
    let x = r("أكثر من نصف طن");
    assert_eq!((x.kind, x.interval.lo, x.hedge), (ValueKind::Number, Some(0.5), Hedge::MoreThan));
}

#[test]
fn a_range_verb_may_have_its_subject_before_bain() {
    assert_eq!(bounds("تتراوح نسبتهم بين 10 و20%"), closed(10.0, 20.0));
    assert_eq!(r("تتراوح نسبتهم بين 10 و20%").kind, ValueKind::Percent);
    assert_eq!(found("وان الخسائر تتراوح قيمتها ما بين 2 و3 مليار", &opts())[0].0, "تتراوح قيمتها ما بين 2 و3 مليار");
}

#[test]
fn ordinals_are_told_from_cardinals() {
    let is = |s: &str| is_ordinal(&fold(s, Mode::Read));
    assert!(is("الأولى") && is("ثاني") && is("الحادية عشرة") && is("التاسع والعشرين") && is("العشرين"));
    assert!(!is("عشرة") && !is("ثلاثة") && !is("عشرين ألف") && !is("2022") && !is("الأول من يناير 2022"));
}

#[test]
fn mentions_do_not_join_a_year_to_the_next_line_or_read_weakening_as_a_multiplier() {
    let o = opts();
    assert_eq!(
        found("برزت الأزمة بعد عام\n\n.2019\n\nالأول من عام 1990 أعلنت", &o).first().map(|f| f.0.as_str()),
        Some("2019")
    );
    assert!(found("روسيا لا يناسبها أي طرف يحاول إضعاف نفوذها", &o).is_empty());
    assert_eq!(found("بنسبة تقترب من 100%", &o), pairs(&[("تقترب من 100%", "97%..103%")]));
    assert_eq!(found("رفع سعر الغاز ثلاثة أضعاف", &o), pairs(&[("ثلاثه اضعاف", "x3")]));
}

#[test]
fn a_month_called_last_is_the_latest_before_the_text() {
    let written =
        ReadOptions { reference_day: crate::value::days_from_ymd(2022, 1, 7), default_year: Some(2022), ..opts() };
    let last_november = read("نوفمبر الماضي", &written).unwrap();
    assert_eq!(iso_date(last_november.interval.lo.unwrap() as i64), "2021-11-01");
    assert!(!last_november.year_known);
    // In a text of July, last March is of the same year.
    let july = ReadOptions { reference_day: crate::value::days_from_ymd(2022, 7, 1), ..written };
    assert_eq!(iso_date(read("مارس الماضي", &july).unwrap().nominal as i64), "2022-03-01");
    // Without a reference the default year stands.
    let m = &mentions("وفي نوفمبر الماضي جمعت", &with_year(2022))[0];
    assert_eq!(iso_date(m.reading.nominal as i64), "2022-11-01");
}

/// A month without a year more than six months after the text's own is of the year before.
#[test]
fn a_month_without_a_year_is_the_nearest_one_before_a_january_text() {
    let january =
        ReadOptions { reference_day: crate::value::days_from_ymd(2022, 1, 13), default_year: Some(2022), ..opts() };
    let month = |text: &str, o: &ReadOptions| {
        let found = mentions(&fold(text, Mode::Read), o);
        found.iter().find(|m| m.reading.kind == ValueKind::Date).map(|m| iso_date(m.reading.nominal as i64))
    };
    assert_eq!(month("cost 60 tenge in December", &january).as_deref(), Some("2021-12-01"));
    assert_eq!(month("في 20 ديسمبر", &january).as_deref(), Some("2021-12-20"));
    // Six months on or fewer: the text's year; a written year always stands.
    assert_eq!(month("في يوليو", &january).as_deref(), Some("2022-07-01"));
    assert_eq!(month("في 5 مارس", &january).as_deref(), Some("2022-03-05"));
    assert_eq!(month("في ديسمبر 2022", &january).as_deref(), Some("2022-12-01"));
    // Without the text's day, the default year stands.
    assert_eq!(month("في ديسمبر", &with_year(2022)).as_deref(), Some("2022-12-01"));
}

#[test]
fn days_named_relative_to_the_text() {
    // An article of Thursday 2022-01-06.
    let written =
        ReadOptions { reference_day: crate::value::days_from_ymd(2022, 1, 6), default_year: Some(2022), ..opts() };
    let day = |text: &str| {
        let m = mentions(&fold(text, Mode::Read), &written);
        m.iter()
            .find(|m| m.reading.kind == ValueKind::Date)
            .map(|m| (iso_date(m.reading.nominal as i64), m.reading.year_known))
    };
    assert_eq!(day("كشف في الساعات الأولى من صباح اليوم عن طلبه"), Some(("2022-01-06".to_string(), false)));
    assert_eq!(day("سيرسل الخميس قوات"), Some(("2022-01-06".to_string(), false)));
    assert_eq!(day("وفي يوم الثلاثاء اندلعت"), Some(("2022-01-04".to_string(), false)));
    assert_eq!(day("حتى يوم السبت"), Some(("2022-01-08".to_string(), false)));
    // «الماضي», "last": the last such weekday before the text's day (Wednesday 5 January
    // from a Thursday; a week back for the text's own weekday), never the one after it.
    assert_eq!(day("يوم الأربعاء الماضي"), Some(("2022-01-05".to_string(), false)));
    assert_eq!(day("يوم السبت الماضي"), Some(("2022-01-01".to_string(), false)));
    assert_eq!(day("الخميس الماضي"), Some(("2021-12-30".to_string(), false)));
    assert_eq!(day("last Saturday"), Some(("2022-01-01".to_string(), false)));
    // Without the text's day they are no dates, and "اليوم" alone (today, nowadays) never is.
    assert!(mentions(&fold("سيرسل الخميس قوات", Mode::Read), &with_year(2022)).is_empty());
    assert_eq!(day("العالم اليوم يتغير"), None);
}

#[test]
fn strict_bounds_do_not_meet_the_figure_they_exclude() {
    let meet = |a: &str, b: &str| r(a).overlaps(&r(b)) && r(b).overlaps(&r(a));
    assert!(!meet("more than 100", "100"));
    assert!(!meet("less than 100", "more than 100"));
    assert!(meet("at least 100", "100"));
    assert!(meet("at most 100", "at least 100"));
    assert!(meet("more than 100", "101"));
    assert!(meet("more than 100", "more than 100"));
    assert!(!meet("قبل 24 يناير 2022", "24 يناير 2022"));
    assert!(meet("قبل 24 يناير 2022", "23 يناير 2022"));
    assert!(!meet("before 2016", "January 1, 2016"));
    assert!(meet("before 2016", "December 31, 2015"));
    assert!(!meet("after 2016", "December 31, 2016"));
    assert!(meet("after 2016", "January 1, 2017"));
}

#[test]
fn powers_of_ten_are_the_parsed_ones() {
    for p in -400..400 {
        assert_eq!(super::parse::pow10(p).to_bits(), format!("1e{p}").parse::<f64>().unwrap().to_bits(), "{p}");
    }
    assert_eq!(super::parse::pow10(i32::MIN), 0.0);
    assert_eq!(super::parse::pow10(i32::MAX), f64::INFINITY);
}
