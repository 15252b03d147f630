//! The full result as JSON, for machines. Field meanings are documented in the README.
//!
//! Written as it is serialized (a report of a million claims is gigabytes of JSON), with
//! hidden characters (bidi controls, invisible ones) as `\u` escapes: the same strings to a
//! parser, but nothing in the file can reorder or hide what a person reads in it.

use super::Report;
use crate::text::controls::is_hidden;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io::{self, Write};

pub fn render(report: &Report) -> String {
    pretty(report)
}

/// [`render`] into a writer, without holding the text.
pub fn write(report: &Report, out: impl Write) -> io::Result<()> {
    write_pretty(report, out)
}

/// Any of the report models, pretty-printed, with a final newline.
pub fn pretty<T: serde::Serialize + ?Sized>(model: &T) -> String {
    let mut out = Vec::new();
    write_pretty(model, &mut out).expect("the report models always serialize");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// [`pretty`] into a writer.
pub fn write_pretty<T: serde::Serialize + ?Sized>(model: &T, out: impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Escaping(PrettyFormatter::new()));
    model.serialize(&mut ser).map_err(io::Error::other)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// serde_json's pretty layout, with every hidden character in a string written as `\u`.
struct Escaping<'a>(PrettyFormatter<'a>);

impl Formatter for Escaping<'_> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| !c.is_ascii() && is_hidden(c)) {
            w.write_all(&rest.as_bytes()[..at])?;
            for unit in c.encode_utf16(&mut [0u16; 2]) {
                write!(w, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn json_keeps_its_strings_but_shows_hidden_characters_as_escapes() {
        let value = serde_json::json!({"quote": "عدد \u{202E}2500\u{202C}", "tag": "\u{E0041}", "line": "a\nb"});
        let json = super::pretty(&value);
        assert!(json.contains(r#""quote": "عدد \u202e2500\u202c""#), "{json}");
        assert!(json.contains(r#""tag": "\udb40\udc41""#), "{json}");
        assert!(json.contains(r#""line": "a\nb""#), "{json}");
        assert!(json.ends_with("}\n"));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&json).unwrap(), value);
    }
}
