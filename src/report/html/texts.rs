//! Each source's text, embedded once in the page: a line per element with an id
//! (`t-<source>-L368`) that quote links point to, and every quote's span marked with the
//! claims it belongs to. The page's script shows a text in a dialog at the line; without
//! it, a link opens the folded text at the line (and `:target` marks it).

use super::content;
use crate::text::GlyphMap;
use std::fmt::Write;

/// The id of a source's text: `t-` and the source id, with every character outside
/// `[A-Za-z0-9-]` written as `_<hex>_`, so any id makes a valid, distinct fragment.
pub fn text_id(source: &str) -> String {
    let mut id = String::from("t-");
    for c in source.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            id.push(c);
        } else {
            let _ = write!(id, "_{:x}_", u32::from(c));
        }
    }
    id
}

/// The id of the folded element that holds a source's text (never of a line's form).
pub fn holder_id(source: &str) -> String {
    // `text-bayan-2022`: not `t-…-L<n>`, so it never takes a line's id.
    format!("text-{}", &text_id(source)["t-".len()..])
}

/// The fragment of a line of a source's text: `#t-bayan-2022-L368`.
pub fn line_href(source: &str, line: usize) -> String {
    format!("#{}-L{line}", text_id(source))
}

/// A quote to mark in a text: its byte range and the token of its claim (`c12`).
pub struct Quote<'a> {
    pub start: usize,
    pub end: usize,
    pub token: &'a str,
}

/// The text of the source `source` as lines of `<span class="ln">`, private-use glyphs
/// decoded, quotes marked.
pub fn text_html(out: &mut String, source: &str, body: &str, glyphs: &GlyphMap, quotes: &[Quote]) {
    let id = text_id(source);
    // Where quotes start (+) and end (-); ends first at one offset, so touching quotes do
    // not merge. Ranges that are not on character boundaries are left unmarked.
    let mut events: Vec<(usize, bool, &str)> = quotes
        .iter()
        .filter(|q| q.start < q.end && body.is_char_boundary(q.start) && body.is_char_boundary(q.end))
        .flat_map(|q| [(q.start, true, q.token), (q.end, false, q.token)])
        .collect();
    events.sort_by_key(|&(at, starts, _)| (at, starts));
    let mut events = events.into_iter().peekable();
    let mut active: Vec<&str> = Vec::new();
    let mut line_start = 0;
    for (n, line) in lines(body).enumerate() {
        let line_end = line_start + line.len();
        let shown_end = line_start + line.trim_end_matches('\r').len();
        let _ = write!(out, "<span class=\"ln\" id=\"{id}-L{}\">", n + 1);
        let mut at = line_start;
        while let Some(&(offset, starts, token)) = events.peek() {
            if offset > line_end {
                break;
            }
            segment(out, glyphs, body, at, offset.min(shown_end), &active);
            at = offset.min(shown_end).max(at);
            if starts {
                active.push(token);
            } else if let Some(i) = active.iter().position(|t| *t == token) {
                active.remove(i);
            }
            events.next();
        }
        segment(out, glyphs, body, at, shown_end, &active);
        out.push_str("</span>");
        line_start = line_end + 1;
    }
}

/// The lines of a text as the loader numbers them (split at `\n`; a final line break ends
/// the last line rather than starting an empty one).
pub fn lines(body: &str) -> std::str::Split<'_, char> {
    body.strip_suffix('\n').unwrap_or(body).split('\n')
}

/// `body[from..to]`, decoded and escaped, in a `<span class="q">` when quotes cover it.
fn segment(out: &mut String, glyphs: &GlyphMap, body: &str, from: usize, to: usize, active: &[&str]) {
    let Some(text) = body.get(from..to).filter(|t| !t.is_empty()) else { return };
    let decoded: String = if glyphs.is_empty() {
        text.to_string()
    } else {
        text.chars().map(|c| glyphs.get(&c).map_or_else(|| c.to_string(), String::clone)).collect()
    };
    if active.is_empty() {
        out.push_str(&content(&decoded));
    } else {
        let _ = write!(out, "<span class=\"q\" data-c=\"{}\">{}</span>", active.join(" "), content(&decoded));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_fragments_for_any_source_id() {
        assert_eq!(text_id("bayan-2022"), "t-bayan-2022");
        assert_eq!(text_id("a b_c"), "t-a_20_b_5f_c");
        assert_eq!(line_href("bayan-2022", 368), "#t-bayan-2022-L368");
    }

    #[test]
    fn lines_get_ids_and_quotes_are_marked_across_lines() {
        let glyphs: GlyphMap = [('\u{E010}', "0".to_string())].into_iter().collect();
        let body = "one <two>\r\nth\u{E010}ree\n\nfour\n";
        let mut out = String::new();
        // "two>\r\nth" spans two lines; the second quote ends at the end of its line.
        let quotes = [Quote { start: 5, end: 13, token: "c1" }, Quote { start: 11, end: 19, token: "c2" }];
        text_html(&mut out, "s", body, &glyphs, &quotes);
        assert_eq!(
            out,
            "<span class=\"ln\" id=\"t-s-L1\">one &lt;<span class=\"q\" data-c=\"c1\">two&gt;</span></span>\
             <span class=\"ln\" id=\"t-s-L2\"><span class=\"q\" data-c=\"c1 c2\">th</span>\
             <span class=\"q\" data-c=\"c2\">0ree</span></span>\
             <span class=\"ln\" id=\"t-s-L3\"></span><span class=\"ln\" id=\"t-s-L4\">four</span>"
        );
    }
}
