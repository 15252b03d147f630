//! Minimal-diff edits of a ledger file: the entries of its one array are found in the text
//! and one is inserted, replaced or removed by splicing, so the rest of the file (its
//! indentation, its order, entries edited by hand) stays byte for byte as it was.
//!
//! The text must already be valid JSON (the caller parses it first, for errors with a
//! position); the scan below only tracks strings and nesting.

use serde::Serialize;
use std::ops::Range;

/// The array under a top-level key, as spans of the text.
#[derive(Debug)]
pub struct Entries {
    /// Between `[` and `]`, both excluded.
    inside: Range<usize>,
    /// Each entry's span, with its `fingerprint`.
    items: Vec<(Range<usize>, String)>,
}

impl Entries {
    /// Finds the array under `key` in the top-level object; `None` when there is none or
    /// an entry is not an object with a string `fingerprint`.
    pub fn find(text: &str, key: &str) -> Option<Entries> {
        let b = text.as_bytes();
        let (mut i, mut depth, mut open) = (0, 0usize, None);
        let mut spans = Vec::new();
        let mut item_start = None;
        while i < b.len() {
            match b[i] {
                b'"' => {
                    let end = string_end(b, i)?;
                    if depth == 1 && open.is_none() && &text[i + 1..end - 1] == key {
                        let colon = skip_space(b, end);
                        let bracket = skip_space(b, colon + 1);
                        if b.get(colon) == Some(&b':') && b.get(bracket) == Some(&b'[') {
                            open = Some(bracket);
                            depth += 1;
                            i = bracket + 1;
                            continue;
                        }
                    }
                    i = end;
                    continue;
                }
                b'{' | b'[' => {
                    if open.is_some() && depth == 2 {
                        item_start = Some(i);
                    }
                    depth += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    match (open, depth) {
                        (Some(_), 2) => spans.push(item_start.take()?..i + 1),
                        (Some(o), 1) => {
                            let items = spans
                                .into_iter()
                                .map(|span: Range<usize>| {
                                    let v: serde_json::Value = serde_json::from_str(&text[span.clone()]).ok()?;
                                    Some((span, v.get("fingerprint")?.as_str()?.to_string()))
                                })
                                .collect::<Option<Vec<_>>>()?;
                            return Some(Entries { inside: o + 1..i, items });
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// The text with `entry` in place of the one with its fingerprint, or inserted before
    /// the first entry whose fingerprint sorts after it.
    pub fn upsert(&self, text: &str, fingerprint: &str, entry: &impl Serialize) -> String {
        let style = Style::of(text, self);
        let rendered = style.render(entry);
        if let Some((span, _)) = self.items.iter().find(|(_, fp)| fp == fingerprint) {
            return splice(text, span.clone(), &rendered);
        }
        let Some(last) = self.items.last() else {
            let (nl, indent, closing) = (style.newline, &style.entry_indent, &style.closing_indent);
            return splice(text, self.inside.clone(), &format!("{nl}{indent}{rendered}{nl}{closing}"));
        };
        match self.items.iter().find(|(_, fp)| fp.as_str() > fingerprint) {
            Some((next, _)) => splice(text, next.start..next.start, &format!("{rendered}{}", style.separator)),
            None => splice(text, last.0.end..last.0.end, &format!("{}{rendered}", style.separator)),
        }
    }

    /// The text without the entry of this fingerprint (and the separator that went with it);
    /// `None` when there is no such entry.
    pub fn remove(&self, text: &str, fingerprint: &str) -> Option<String> {
        let k = self.items.iter().position(|(_, fp)| fp == fingerprint)?;
        let span = match (k.checked_sub(1), self.items.get(k + 1)) {
            (_, Some((next, _))) => self.items[k].0.start..next.start,
            (Some(prev), None) => self.items[prev].0.end..self.items[k].0.end,
            (None, None) => self.inside.clone(),
        };
        Some(splice(text, span, ""))
    }
}

/// How the file lays its entries out, learned from the entries already there.
struct Style {
    newline: &'static str,
    /// Before each entry's first line.
    entry_indent: String,
    /// One level of nesting inside an entry.
    unit: String,
    /// Between two entries.
    separator: String,
    /// Before the closing `]`.
    closing_indent: String,
}

impl Style {
    fn of(text: &str, entries: &Entries) -> Style {
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let closing_indent = line_indent(text, entries.inside.end);
        let first = entries.items.first().map(|(span, _)| span.clone());
        let unit = first
            .as_ref()
            .and_then(|span| {
                let own = indent_before(text, span.start).unwrap_or_default();
                let second_line = text[span.clone()].split('\n').nth(1)?;
                let inner: String = second_line.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
                inner.strip_prefix(own.as_str()).filter(|u| !u.is_empty()).map(str::to_string)
            })
            .or_else(|| (!closing_indent.is_empty()).then(|| closing_indent.clone()))
            .unwrap_or_else(|| "  ".to_string());
        let entry_indent = match &first {
            Some(span) => indent_before(text, span.start).unwrap_or_default(),
            None => format!("{closing_indent}{unit}"),
        };
        let separator = match entries.items.get(..2) {
            Some([(a, _), (b, _)]) => text[a.end..b.start].to_string(),
            _ if first.as_ref().is_some_and(|s| indent_before(text, s.start).is_none()) => ", ".to_string(),
            _ => format!(",{newline}{entry_indent}"),
        };
        Style { newline, entry_indent, unit, separator, closing_indent }
    }

    fn render(&self, entry: &impl Serialize) -> String {
        let mut buf = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(self.unit.as_bytes());
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
        // Ledger entries are plain structs of strings: serializing them cannot fail.
        let _ = entry.serialize(&mut ser);
        String::from_utf8_lossy(&buf).replace('\n', &format!("{}{}", self.newline, self.entry_indent))
    }
}

/// The whitespace that starts the line holding `at`.
fn line_indent(text: &str, at: usize) -> String {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    text[line_start..].chars().take_while(|c| *c == ' ' || *c == '\t').collect()
}

/// The whitespace between the start of the line and `at`, when only whitespace is there.
fn indent_before(text: &str, at: usize) -> Option<String> {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let before = &text[line_start..at];
    before.chars().all(|c| c == ' ' || c == '\t').then(|| before.to_string())
}

fn splice(text: &str, span: Range<usize>, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..span.start]);
    out.push_str(with);
    out.push_str(&text[span.end..]);
    out
}

/// The index just past the closing quote of the string that opens at `start`.
fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Entry {
        fingerprint: &'static str,
        note: &'static str,
    }

    fn upsert(text: &str, fp: &'static str) -> String {
        Entries::find(text, "findings").unwrap().upsert(text, fp, &Entry { fingerprint: fp, note: "n" })
    }

    const TWO: &str = "{\n  \"findings\": [\n    {\n      \"fingerprint\": \"b\",\n      \"note\": \"x\"\n    },\n    {\n      \"fingerprint\": \"d\",\n      \"note\": \"y\"\n    }\n  ]\n}\n";

    #[test]
    fn inserts_in_sorted_position_and_leaves_the_rest_alone() {
        let entry = "{\n      \"fingerprint\": \"c\",\n      \"note\": \"n\"\n    }";
        let middle = upsert(TWO, "c");
        assert_eq!(
            middle,
            TWO.replace(
                "    {\n      \"fingerprint\": \"d\"",
                &format!("    {entry},\n    {{\n      \"fingerprint\": \"d\"")
            )
        );
        let first = upsert(TWO, "a");
        assert!(first.starts_with("{\n  \"findings\": [\n    {\n      \"fingerprint\": \"a\""), "{first}");
        assert!(first.ends_with(&TWO["{\n  \"findings\": [\n".len()..]), "{first}");
        let last = upsert(TWO, "e");
        assert!(
            last.ends_with(
                "\"y\"\n    },\n    {\n      \"fingerprint\": \"e\",\n      \"note\": \"n\"\n    }\n  ]\n}\n"
            ),
            "{last}"
        );
    }

    #[test]
    fn replaces_an_entry_in_place() {
        let replaced = upsert(TWO, "d");
        assert_eq!(replaced, TWO.replace("\"y\"", "\"n\""));
    }

    #[test]
    fn keeps_tabs_and_crlf() {
        let text = "{\r\n\t\"findings\": [\r\n\t\t{\r\n\t\t\t\"fingerprint\": \"b\",\r\n\t\t\t\"note\": \"x\"\r\n\t\t}\r\n\t]\r\n}\r\n";
        let out = upsert(text, "a");
        assert!(
            out.starts_with("{\r\n\t\"findings\": [\r\n\t\t{\r\n\t\t\t\"fingerprint\": \"a\",\r\n\t\t\t\"note\": \"n\"\r\n\t\t},\r\n\t\t{"),
            "{out:?}"
        );
    }

    #[test]
    fn fills_an_empty_array() {
        let out = upsert("{\n  \"findings\": []\n}\n", "a");
        assert_eq!(
            out,
            "{\n  \"findings\": [\n    {\n      \"fingerprint\": \"a\",\n      \"note\": \"n\"\n    }\n  ]\n}\n"
        );
    }

    #[test]
    fn removes_with_the_separator_that_went_with_it() {
        let entries = Entries::find(TWO, "findings").unwrap();
        let without_b = entries.remove(TWO, "b").unwrap();
        assert_eq!(
            without_b,
            "{\n  \"findings\": [\n    {\n      \"fingerprint\": \"d\",\n      \"note\": \"y\"\n    }\n  ]\n}\n"
        );
        let without_d = entries.remove(TWO, "d").unwrap();
        assert_eq!(
            without_d,
            "{\n  \"findings\": [\n    {\n      \"fingerprint\": \"b\",\n      \"note\": \"x\"\n    }\n  ]\n}\n"
        );
        let only = Entries::find(&without_d, "findings").unwrap();
        assert_eq!(only.remove(&without_d, "b").unwrap(), "{\n  \"findings\": []\n}\n");
        assert_eq!(entries.remove(TWO, "zz"), None);
    }

    #[test]
    fn ignores_keys_and_brackets_inside_strings_and_other_arrays() {
        let text = "{\"note\": \"findings [ { \\\" ]\", \"other\": [{\"fingerprint\": \"z\"}], \"findings\": [{\"fingerprint\": \"b\"}]}";
        let entries = Entries::find(text, "findings").unwrap();
        let fingerprints: Vec<&str> = entries.items.iter().map(|(_, fp)| fp.as_str()).collect();
        assert_eq!(fingerprints, ["b"]);
        let out = entries.upsert(text, "c", &Entry { fingerprint: "c", note: "n" });
        assert!(
            out.ends_with("[{\"fingerprint\": \"b\"}, {\n  \"fingerprint\": \"c\",\n  \"note\": \"n\"\n}]}"),
            "{out}"
        );
        assert!(Entries::find(text, "missing").is_none());
    }
}
