//! The full result as JSON, for machines. Field meanings are documented in the README.
//!
//! Written as it is serialized (a report of a million claims is gigabytes of JSON), with
//! hidden characters (bidi controls, invisible ones) as `\u` escapes: the same strings to a
//! parser, but nothing in the file can reorder or hide what a person reads in it.

use super::Report;
use crate::text::controls::first_hidden_beyond_ascii;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

pub fn render(report: &Report) -> String {
    into_string(|out| write(report, out))
}

/// [`render`] into a writer, without holding the text: the same bytes as [`pretty`] of the
/// report, but its claims and findings (nearly all of it) are serialized across cores, a
/// batch at a time, and written in order.
pub fn write(report: &Report, out: impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut fields = Fields { out: &mut out, first: true };
    fields.value("schema_version", &report.schema_version)?;
    fields.value("corpus", &report.corpus)?;
    fields.value("summary", &report.summary)?;
    fields.value("sources", &report.sources)?;
    fields.value("agreement", &report.agreement)?;
    fields.items("claims", &report.claims.order, |&c| report.claims.get(c))?;
    fields.items("findings", &report.findings, |f| f)?;
    fields.value("links", &report.links)?;
    fields.value("missing", &report.missing)?;
    fields.value("stale", &report.stale)?;
    fields.value("diagnostics", &report.diagnostics)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// Any of the report models, pretty-printed, with a final newline.
pub fn pretty<T: Serialize + ?Sized>(model: &T) -> String {
    into_string(|out| {
        serialize(model, 0, out)?;
        out.write_all(b"\n")
    })
}

fn into_string(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("the report models always serialize");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

fn serialize<T: Serialize + ?Sized>(model: &T, depth: usize, out: &mut impl Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Pretty { depth, has_value: false });
    model.serialize(&mut ser).map_err(io::Error::other)
}

/// Items serialized at a time, across cores: a finding with its pairs explained runs to
/// kilobytes, and the batch is held until it is written.
const BATCH: usize = 1024;

/// The members of the report's one object, written one after another.
struct Fields<'w, W: Write> {
    out: &'w mut W,
    first: bool,
}

impl<W: Write> Fields<'_, W> {
    fn key(&mut self, key: &str) -> io::Result<()> {
        self.out.write_all(if std::mem::take(&mut self.first) { b"{\n  " } else { b",\n  " })?;
        serialize(key, 1, self.out)?;
        self.out.write_all(b": ")
    }

    fn value<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> io::Result<()> {
        self.key(key)?;
        serialize(value, 1, self.out)
    }

    /// An array whose items are made from `items` by `make` and serialized across cores.
    fn items<'t, T: Sync, O: Serialize>(
        &mut self,
        key: &str,
        items: &'t [T],
        make: impl Fn(&'t T) -> O + Sync,
    ) -> io::Result<()> {
        self.key(key)?;
        if items.is_empty() {
            return self.out.write_all(b"[]");
        }
        self.out.write_all(b"[")?;
        let mut first = true;
        for batch in items.chunks(BATCH) {
            let parts: Vec<io::Result<Vec<u8>>> = batch
                .par_chunks(BATCH / 16)
                .map(|part| {
                    let mut buf = Vec::new();
                    for (k, item) in part.iter().enumerate() {
                        buf.extend_from_slice(b",\n    ");
                        serialize(&make(item), 2, &mut buf)?;
                        if k == 0 {
                            // The items of a list are alike in size: room for the rest at
                            // once, so that the buffer is not copied as it grows.
                            buf.reserve(buf.len() * (part.len() - 1) * 5 / 4);
                        }
                    }
                    Ok(buf)
                })
                .collect();
            for part in parts {
                let part = part?;
                // Every item is written after a comma but the very first.
                self.out.write_all(&part[std::mem::take(&mut first) as usize..])?;
            }
        }
        self.out.write_all(b"\n  ]")
    }
}

/// serde_json's pretty layout (two spaces an indent) from a given depth, with every hidden
/// character in a string written as `\u`.
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }
}

impl Formatter for Pretty {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = first_hidden_beyond_ascii(rest) {
            w.write_all(&rest.as_bytes()[..at])?;
            for unit in c.encode_utf16(&mut [0u16; 2]) {
                write!(w, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
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
