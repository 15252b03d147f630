//! Values as a reader says them: `more than 75%` for `>75%`, `about 19 million` for
//! `~19e6`, `5 January 2022` for `2022-01-05`, `2 to 3 billion USD` for `2e9..3e9`.

use crate::corpus::raw::RawValue;
use crate::report::{ClaimOut, Normalized};
use crate::value::{Hedge, Precision, ValueKind};

/// A claim's value in words, with its unit where the property has a dimension.
pub fn value(c: &ClaimOut) -> String {
    let Some(n) = &c.normalized else {
        // Entities and sets: their ids; a lost figure as written.
        return match &*c.value {
            RawValue::Many(items) => items.join(", "),
            RawValue::One(_) => c.value_text(),
        };
    };
    let with_unit = |text: String, unit: Option<&str>| match unit {
        Some(u) if c.compared_in.is_some() && !u.is_empty() => format!("{text} {u}"),
        _ => text,
    };
    if n.kind != ValueKind::Date
        && let RawValue::One(raw) = &*c.value
        && let Some(text) = compact(raw, n.kind)
    {
        return with_unit(text, c.unit.as_deref());
    }
    // Read from the interval, which is in the unit it is compared in.
    with_unit(interval(n), c.compared_in.as_deref())
}

/// For a figure written in another unit than it is compared in, about how much it is in
/// that unit: `≈ 1.29 trillion m3` for 45.7 trillion ft3.
pub fn converted(c: &ClaimOut) -> Option<String> {
    let (n, unit) = (c.normalized.as_ref()?, c.compared_in.as_deref()?);
    c.converted.as_ref()?;
    let v = match (n.lo.as_f64(), n.hi.as_f64()) {
        (Some(lo), Some(hi)) => (lo + hi) / 2.0,
        (lo, hi) => lo.or(hi)?,
    };
    Some(format!("≈ {} {unit}", figure(significant(v, 3))))
}

/// `v` to `digits` significant digits: 1294079889250 → 1290000000000.
fn significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let place = 10f64.powi(v.abs().log10().floor() as i32 - digits + 1);
    (v / place).round() * place
}

/// The compact form (`~19e6`, `>75%`, `2e9..3e9`, `x3`), in words; None for anything else
/// (a phrase, a date), which is read from its interval instead.
fn compact(raw: &str, kind: ValueKind) -> Option<String> {
    let raw = raw.trim();
    let (hedge, rest) = [
        (">=", "at least"),
        ("<=", "at most"),
        ("≥", "at least"),
        ("≤", "at most"),
        (">", "more than"),
        ("<", "less than"),
        ("~", "about"),
    ]
    .iter()
    .find_map(|(sign, word)| raw.strip_prefix(sign).map(|rest| (Some(*word), rest.trim_start())))
    .unwrap_or((None, raw));
    let body = match kind {
        ValueKind::Multiplier => times(number(rest.strip_prefix(['x', 'X', '×'])?)?),
        _ => {
            let (lo, hi) = match rest.split_once("..") {
                Some((lo, hi)) => (number(lo)?, Some(number(hi)?)),
                None => (number(rest)?, None),
            };
            let percent = if kind == ValueKind::Percent { "%" } else { "" };
            match hi {
                Some(hi) => format!("{}{percent}", range(lo, hi)),
                None => format!("{}{percent}", figure(lo)),
            }
        }
    };
    Some(match hedge {
        Some(word) => format!("{word} {body}"),
        None => body,
    })
}

/// `45.7e12`, `1,460`, `70.2%`, `2500`: a plain number, or None.
fn number(s: &str) -> Option<f64> {
    let s = s.trim().trim_end_matches('%').replace(',', "");
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')) {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn times(v: f64) -> String {
    format!("{} times", figure(v))
}

/// The value read from its interval and hedge.
fn interval(n: &Normalized) -> String {
    if n.kind == ValueKind::Date {
        return date_interval(n);
    }
    let (lo, hi) = (n.lo.as_f64(), n.hi.as_f64());
    let percent = if n.kind == ValueKind::Percent { "%" } else { "" };
    let one = |v: f64| match n.kind {
        ValueKind::Multiplier => times(v),
        _ => format!("{}{percent}", figure(v)),
    };
    let middle = || match (lo, hi) {
        (Some(lo), Some(hi)) => Some(rounded((lo + hi) / 2.0, n.precision)),
        _ => lo.or(hi),
    };
    match (n.hedge, lo, hi) {
        (_, Some(lo), Some(hi)) if lo == hi => one(lo),
        (Hedge::MoreThan, Some(lo), _) => format!("more than {}", one(lo)),
        (Hedge::AtLeast, Some(lo), _) | (_, Some(lo), None) => format!("at least {}", one(lo)),
        (Hedge::LessThan, _, Some(hi)) => format!("less than {}", one(hi)),
        (Hedge::AtMost, _, Some(hi)) | (_, None, Some(hi)) => format!("at most {}", one(hi)),
        (Hedge::Approximate, ..) => format!("about {}", one(middle().unwrap_or_default())),
        (Hedge::Exact | Hedge::Round, ..) => one(middle().unwrap_or_default()),
        (Hedge::Range, Some(lo), Some(hi)) if n.kind == ValueKind::Multiplier => {
            format!("{} to {}", figure(lo), times(hi))
        }
        (Hedge::Range, Some(lo), Some(hi)) => format!("{}{percent}", range(lo, hi)),
        (Hedge::Vague, Some(lo), Some(hi)) => format!("some {}{percent}", range(lo, hi)),
        _ => "any value".to_string(),
    }
}

/// The middle of a rounded figure's interval at its precision (float noise removed).
fn rounded(v: f64, precision: Precision) -> f64 {
    match precision {
        Precision::Digit(place) if place > 0.0 => (v / place).round() * place,
        _ => v,
    }
}

/// `2 to 3 billion` when both ends share a scale word, else `900,000 to 1.2 million`.
fn range(lo: f64, hi: f64) -> String {
    match (scaled(lo), scaled(hi)) {
        (Some((a, word_a)), Some((b, word_b))) if word_a == word_b => format!("{a} to {b} {word_a}"),
        _ => format!("{} to {}", figure(lo), figure(hi)),
    }
}

/// A number as people write it: `19 million`, `2.5 billion`, `18,776,707`, `70.2`.
pub fn figure(v: f64) -> String {
    if let Some((n, word)) = scaled(v) {
        return format!("{n} {word}");
    }
    grouped(v)
}

/// `(19, "million")` for 19e6: a figure of a million or more with at most two decimals at
/// its scale; None when that would lose digits (18,776,707).
fn scaled(v: f64) -> Option<(String, &'static str)> {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v.abs() >= scale {
            let n = v / scale;
            let hundredths = (n * 100.0).round();
            if (n * 100.0 - hundredths).abs() > 1e-6 * n.abs().max(1.0) {
                return None;
            }
            return Some((crate::value::format_number(hundredths / 100.0), word));
        }
    }
    None
}

/// Thousands separated by commas: `18,776,707`, `2,500.5`.
fn grouped(v: f64) -> String {
    let text = crate::value::format_number(v);
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date at its precision: `5 January 2022`, `January 2022`, `2022`; ranges, open ends.
fn date_interval(n: &Normalized) -> String {
    let (lo, hi) = (n.lo.as_str().and_then(ymd), n.hi.as_str().and_then(ymd));
    let at = |d: (i64, u32, u32)| date(d, n.precision);
    match (lo, hi) {
        (Some(lo), Some(hi)) if at(lo) == at(hi) => at(lo),
        // A month or a year written whole: its first and last day.
        (Some(lo), Some(hi)) if n.precision == Precision::Month && lo.0 == hi.0 && lo.1 == hi.1 => at(lo),
        (Some(lo), Some(hi)) if n.precision == Precision::Year && lo.0 == hi.0 => at(lo),
        (Some(lo), Some(hi)) => format!("{} to {}", at(lo), at(hi)),
        (Some(lo), None) if n.hedge == Hedge::MoreThan => format!("after {}", at(lo)),
        (Some(lo), None) => format!("on or after {}", at(lo)),
        (None, Some(hi)) if n.hedge == Hedge::LessThan => format!("before {}", at(hi)),
        (None, Some(hi)) => format!("on or before {}", at(hi)),
        (None, None) => "any date".to_string(),
    }
}

fn date((year, month, day): (i64, u32, u32), precision: Precision) -> String {
    let month_name = MONTHS.get(month.wrapping_sub(1) as usize).copied().unwrap_or("?");
    match precision {
        Precision::Year => year.to_string(),
        Precision::Month => format!("{month_name} {year}"),
        _ => format!("{day} {month_name} {year}"),
    }
}

/// `2022-01-05` → (2022, 1, 5); years may be signed or shorter than four digits.
fn ymd(iso: &str) -> Option<(i64, u32, u32)> {
    let (sign, rest) = iso.strip_prefix('-').map_or((1, iso), |r| (-1, r));
    let mut parts = rest.splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    Some((sign * year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claim<'a>(value: &str, n: Normalized, unit: Option<&'a str>, compared_in: Option<&'a str>) -> ClaimOut<'a> {
        ClaimOut {
            id: "c".into(),
            value: std::borrow::Cow::Owned(RawValue::One(value.into())),
            unit: unit.map(Into::into),
            compared_in: compared_in.map(Into::into),
            normalized: Some(n),
            ..Default::default()
        }
    }

    fn n(
        kind: ValueKind,
        lo: serde_json::Value,
        hi: serde_json::Value,
        hedge: Hedge,
        precision: Precision,
    ) -> Normalized {
        Normalized { kind, lo, hi, hedge, precision, calendar: None }
    }

    #[test]
    fn compact_values_read_as_words() {
        let pct = n(ValueKind::Percent, json!(75), json!(null), Hedge::MoreThan, Precision::Exact);
        assert_eq!(value(&claim(">75%", pct.clone(), None, None)), "more than 75%");
        assert_eq!(value(&claim("70.2%", pct, None, None)), "70.2%");
        let num = n(ValueKind::Number, json!(17.1e6), json!(20.9e6), Hedge::Approximate, Precision::Digit(1e6));
        assert_eq!(value(&claim("~19e6", num.clone(), None, None)), "about 19 million");
        assert_eq!(value(&claim("18776707", num.clone(), None, None)), "18,776,707");
        assert_eq!(value(&claim("<20e6", num.clone(), None, None)), "less than 20 million");
        assert_eq!(value(&claim("2e9..3e9", num.clone(), Some("USD"), Some("USD"))), "2 to 3 billion USD");
        // The unit as written, not the one it is compared in.
        let mut gas = claim("45.7e12", num.clone(), Some("ft3"), Some("m3"));
        assert_eq!(value(&gas), "45.7 trillion ft3");
        gas.converted = Some("1292664046920..1295495731580 m3".into());
        gas.normalized.as_mut().unwrap().lo = json!(1292664046920.0);
        gas.normalized.as_mut().unwrap().hi = json!(1295495731580.0);
        assert_eq!(converted(&gas).as_deref(), Some("≈ 1.29 trillion m3"));
        assert_eq!(value(&claim("1,460", num, None, None)), "1,460");
        let x = n(ValueKind::Multiplier, json!(3), json!(3), Hedge::Exact, Precision::Exact);
        assert_eq!(value(&claim("x3", x, None, None)), "3 times");
    }

    #[test]
    fn phrases_read_from_their_interval() {
        let num = n(ValueKind::Number, json!(17.1e6), json!(20.9e6), Hedge::Approximate, Precision::Digit(1e6));
        assert_eq!(value(&claim("نحو ١٩ مليوناً", num, None, None)), "about 19 million");
        let round = n(ValueKind::Number, json!(779500), json!(780500), Hedge::Round, Precision::Digit(1000.0));
        assert_eq!(value(&claim("٧٨٠ ألف", round, None, None)), "780,000");
        let converted = n(ValueKind::Number, json!(1.5e12), json!(2.5e12), Hedge::Approximate, Precision::Digit(1e12));
        assert_eq!(value(&claim("نحو ٢ تريليون متر مكعب", converted, Some("m3"), Some("m3"))), "about 2 trillion m3");
    }

    #[test]
    fn dates_read_at_their_precision() {
        let d = |lo: &str, hi: serde_json::Value, hedge, precision| {
            value(&claim("x", n(ValueKind::Date, json!(lo), hi, hedge, precision), None, None))
        };
        assert_eq!(d("2022-01-05", json!("2022-01-05"), Hedge::Exact, Precision::Day), "5 January 2022");
        assert_eq!(d("2022-01-01", json!("2022-01-31"), Hedge::Exact, Precision::Month), "January 2022");
        assert_eq!(d("2022-01-01", json!("2022-12-31"), Hedge::Exact, Precision::Year), "2022");
        assert_eq!(d("0401-01-01", json!("0500-12-31"), Hedge::Range, Precision::Year), "401 to 500");
        let before = value(&claim(
            "<=2022-01-06",
            n(ValueKind::Date, json!(null), json!("2022-01-06"), Hedge::AtMost, Precision::Day),
            None,
            None,
        ));
        assert_eq!(before, "on or before 6 January 2022");
    }

    #[test]
    fn figures_keep_every_digit_they_have() {
        assert_eq!(figure(2.5e9), "2.5 billion");
        assert_eq!(figure(1e6), "1 million");
        assert_eq!(figure(1294079889250.0), "1,294,079,889,250");
        assert_eq!(figure(2500.0), "2,500");
        assert_eq!(figure(-12345.5), "-12,345.5");
        assert_eq!(figure(70.2), "70.2");
    }
}
