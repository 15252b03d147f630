//! Checking a source's `glyph_map` as written: each key one character that is not an
//! ASCII digit, each value short, no key mapped twice, to itself, or into a chain or a
//! cycle (the map is applied once, so a decoded glyph that is itself a key stays undecoded).

use super::locate::{JsonPositions, Step};
use crate::diagnostic::Diagnostic;
use crate::text::GlyphMap;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The longest text one glyph may stand for, in characters: a digit, a letter, a ligature.
pub const MAX_VALUE_CHARS: usize = 8;

/// The map to decode the source with (the entries that passed), and an error for each
/// entry that did not.
pub fn check(
    file: &Path,
    positions: &JsonPositions,
    written: &BTreeMap<String, String>,
    diags: &mut Vec<Diagnostic>,
) -> GlyphMap {
    let here = [Step::Key("source"), Step::Key("glyph_map")];
    let members = positions.members(&here);
    let fallback = positions.at(&here);
    // Where each key is written (its last writing is the one serde kept).
    let at = |key: &str| members.iter().rev().find(|m| m.key == key).map_or(fallback, |m| m.at);
    let error = |key: &str, message: String, help: &str| Diagnostic::error(file, at(key), message).help(help);

    // A key written twice: serde kept the last value; say which ones.
    let mut seen: BTreeMap<&str, &super::locate::Member> = BTreeMap::new();
    for m in &members {
        if let Some(first) = seen.insert(&m.key, m) {
            let (line, column) = first.at;
            let message = match (&first.value, &m.value) {
                (Some(a), Some(b)) if a != b => {
                    format!("glyph_map maps {} twice, to {a:?} and to {b:?}", show_key(&m.key))
                }
                _ => format!("glyph_map maps {} twice", show_key(&m.key)),
            };
            diags.push(
                Diagnostic::error(file, m.at, message)
                    .help(format!("it is also mapped at line {line}, column {column}; keep one entry")),
            );
        }
    }

    let mut map = GlyphMap::new();
    for (key, value) in written {
        let mut chars = key.chars();
        let glyph = match (chars.next(), chars.next()) {
            (Some(c), None) => c,
            _ => {
                diags.push(error(
                    key,
                    format!("glyph_map key {} is not one character", show_text(key)),
                    "each key is the single private-use character, e.g. \"\\uE005\"",
                ));
                continue;
            }
        };
        if glyph.is_ascii_digit() {
            diags.push(error(
                key,
                format!("glyph_map maps the digit {glyph}"),
                "digits in the text are read as themselves; map only the glyphs that stand for them",
            ));
            continue;
        }
        if value.chars().count() > MAX_VALUE_CHARS {
            diags.push(error(
                key,
                format!(
                    "glyph_map decodes {} to {} characters; a glyph stands for at most {MAX_VALUE_CHARS}",
                    show_key(key),
                    value.chars().count()
                ),
                "write what the one glyph stands for: a digit, a letter or a ligature",
            ));
            continue;
        }
        if value.chars().eq([glyph]) {
            diags.push(error(key, format!("glyph_map maps {} to itself", show_key(key)), "remove the entry"));
            continue;
        }
        map.insert(glyph, value.clone());
    }

    // Chains and cycles: a value holding a glyph the map decodes.
    let mut reported = BTreeSet::new();
    for (&glyph, value) in &map {
        let Some(next) = value.chars().find(|c| map.contains_key(c)) else { continue };
        let key = glyph.to_string();
        match cycle_through(&map, glyph) {
            Some(cycle) => {
                if cycle.iter().any(|c| reported.contains(c)) {
                    continue;
                }
                reported.extend(cycle.iter().copied());
                let path: Vec<String> = cycle.iter().chain([&glyph]).map(|&c| code_point(c)).collect();
                diags.push(error(
                    &key,
                    format!("glyph_map entries form a cycle: {}", path.join(" → ")),
                    "map each glyph straight to the text it stands for",
                ));
            }
            None => diags.push(error(
                &key,
                format!(
                    "glyph_map decodes {} to text holding {}, which the map decodes too; the map is applied once",
                    code_point(glyph),
                    code_point(next)
                ),
                "map each glyph straight to the text it stands for",
            )),
        }
    }
    let keys: BTreeSet<char> = map.keys().copied().collect();
    map.retain(|_, value| !value.chars().any(|c| keys.contains(&c)));
    map
}

/// The glyphs met from `start` following decoded values back to `start`, if they lead there.
fn cycle_through(map: &GlyphMap, start: char) -> Option<Vec<char>> {
    // Depth-first over the glyphs each value holds; the map is small (keys are characters).
    let mut stack = vec![(start, vec![start])];
    let mut visited = BTreeSet::new();
    while let Some((glyph, path)) = stack.pop() {
        for next in map.get(&glyph).into_iter().flat_map(|v| v.chars()) {
            if next == start {
                return Some(path);
            }
            if map.contains_key(&next) && visited.insert(next) {
                let mut longer = path.clone();
                longer.push(next);
                stack.push((next, longer));
            }
        }
    }
    None
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// A key for messages: its code point when it is one character, else the text.
fn show_key(key: &str) -> String {
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_graphic() => format!("`{c}`"),
        (Some(c), None) => code_point(c),
        _ => show_text(key),
    }
}

/// A string for messages, escaped so invisible characters show.
fn show_text(s: &str) -> String {
    format!("{s:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(entries: &str) -> (GlyphMap, Vec<String>) {
        let json = format!("{{\"source\": {{\"glyph_map\": {{{entries}}}}}}}");
        #[derive(serde::Deserialize)]
        struct File {
            source: Source,
        }
        #[derive(serde::Deserialize)]
        struct Source {
            glyph_map: BTreeMap<String, String>,
        }
        let file: File = serde_json::from_str(&json).unwrap();
        let mut diags = Vec::new();
        let map = check(Path::new("s.json"), &JsonPositions::new(&json), &file.source.glyph_map, &mut diags);
        (map, diags.iter().map(|d| format!("{}:{} {}", d.line, d.column, d.message)).collect())
    }

    #[test]
    fn a_good_map_passes() {
        let (map, errors) = checked(r#""\uE005": "0", "\uE008": "1", "\uE0A5": "لا""#);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(map.len(), 3);
    }

    #[test]
    fn self_maps_digits_long_values_and_doubles_are_errors() {
        let (map, errors) = checked(r#""\uE005": "\uE005", "1": "2", "\uE006": "123456789", "x": "y", "x": "z""#);
        assert_eq!(
            errors,
            [
                "1:90 glyph_map maps `x` twice, to \"y\" and to \"z\"",
                "1:47 glyph_map maps the digit 1",
                "1:27 glyph_map maps U+E005 to itself",
                "1:57 glyph_map decodes U+E006 to 9 characters; a glyph stands for at most 8",
            ]
        );
        assert_eq!(map.into_iter().collect::<Vec<_>>(), [('x', "z".to_string())]);
    }

    #[test]
    fn cycles_and_chains_are_errors() {
        let (map, errors) = checked(r#""\uE001": "\uE002", "\uE002": "\uE001", "\uE003": "\uE004", "\uE004": "7""#);
        assert_eq!(
            errors,
            [
                "1:27 glyph_map entries form a cycle: U+E001 → U+E002 → U+E001",
                "1:67 glyph_map decodes U+E003 to text holding U+E004, which the map decodes too; the map is applied once",
            ]
        );
        assert_eq!(map.into_iter().collect::<Vec<_>>(), [('\u{E004}', "7".to_string())]);
    }
}
