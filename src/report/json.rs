//! The full result as JSON, for machines. Field meanings are documented in the README.

use super::Report;

pub fn render(report: &Report) -> String {
    pretty(report)
}

/// Any of the report models, pretty-printed, with a final newline; hidden characters
/// (bidi controls, invisible ones) written as `\\u` escapes.
pub fn pretty<T: serde::Serialize>(model: &T) -> String {
    let mut s = serde_json::to_string_pretty(model).expect("the report models always serialize");
    s.push('\n');
    crate::text::controls::escape_json(s)
}

/// `claimcheck value --format json`: `{"kind", "lo", "hi", …}` with dates as ISO strings.
pub fn value(reading: &crate::value::Reading) -> String {
    let n = super::Normalized::of(reading);
    let mut v = serde_json::to_value(&n).expect("a reading always serializes");
    if let serde_json::Value::Object(map) = &mut v {
        let nominal = if reading.kind == crate::value::ValueKind::Date {
            crate::value::iso_date(reading.nominal as i64).into()
        } else {
            serde_json::json!(reading.nominal)
        };
        map.insert("nominal".into(), nominal);
        map.insert("year_known".into(), reading.year_known.into());
    }
    let mut s = serde_json::to_string_pretty(&v).expect("a JSON value always serializes");
    s.push('\n');
    s
}
