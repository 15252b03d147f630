//! Find where a JSON value stands in its file, for errors that name line and column.
//!
//! serde_json reports positions only for syntax and type errors; checks that run after
//! parsing (an unknown entity, a quote not in its source) walk the raw text to the value
//! at a path such as `claims[3].value`.

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

/// Line and column (1-based, column in characters) of the value at `path`, or of the
/// deepest part of the path that exists.
pub fn locate(json: &str, path: &[Step]) -> (usize, usize) {
    JsonPositions::new(json).at(path)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// Where each line starts, and how many characters stand before each block of the text,
/// so that a position costs a binary search and at most one block's count, never a scan of
/// the text or of a long line: coverage asks for thousands of them in a 50 MB text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters in `text[..k * BLOCK]`, for each k.
    chars_before: Vec<usize>,
}

const BLOCK: usize = 256;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let mut chars_before = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut count = 0;
        chars_before.push(0);
        for block in text.as_bytes().chunks(BLOCK) {
            count += char_starts(block);
            chars_before.push(count);
        }
        LineIndex { starts, chars_before }
    }

    /// 1-based line and column (in characters) of a byte offset of `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line - 1];
        (line, self.chars_to(text, offset) - self.chars_to(text, start) + 1)
    }

    /// The byte range of the line that holds `offset`, without its line break.
    pub fn line_bounds(&self, text: &str, offset: usize) -> std::ops::Range<usize> {
        let line = self.line_of(offset.min(text.len()));
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(text.len(), |next| next - 1);
        start..end
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Characters in `text[..offset]`.
    fn chars_to(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let before = self.chars_before.get(block).copied().unwrap_or_else(|| text[..offset].chars().count());
        before + char_starts(&text.as_bytes()[(block * BLOCK).min(offset)..offset])
    }
}

/// Characters that start in a run of bytes: every byte but UTF-8 continuation bytes.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// Positions in one JSON file. The elements of its top-level arrays (`claims`, `entities`,
/// …) are found in one pass, so locating a field of the thousandth claim does not walk the
/// 999 before it.
pub struct JsonPositions<'a> {
    json: &'a str,
    lines: LineIndex,
    arrays: Vec<(Vec<u8>, Vec<usize>)>,
}

impl<'a> JsonPositions<'a> {
    pub fn new(json: &'a str) -> Self {
        let arrays = Walker { s: json.as_bytes(), i: 0 }.top_level_arrays().unwrap_or_default();
        JsonPositions { json, lines: LineIndex::new(json), arrays }
    }

    pub fn at(&self, path: &[Step]) -> (usize, usize) {
        let s = self.json.as_bytes();
        let offset = match path {
            [Step::Key(key), Step::Index(i), rest @ ..] => {
                match self.arrays.iter().find(|(k, _)| k == key.as_bytes()).and_then(|(_, items)| items.get(*i)) {
                    Some(&start) => Walker { s, i: start }.find(rest),
                    None => Walker { s, i: 0 }.find(path),
                }
            }
            _ => Walker { s, i: 0 }.find(path),
        };
        self.lines.line_col(self.json, offset.unwrap_or(0))
    }

    /// The members of the object at `path`, in the order written, duplicates included
    /// (serde keeps only the last): each key, decoded, with its position and its value when
    /// that is a string.
    pub fn members(&self, path: &[Step]) -> Vec<Member> {
        let s = self.json.as_bytes();
        let Some(start) = Walker { s, i: 0 }.find_exact(path) else { return Vec::new() };
        let mut w = Walker { s, i: start };
        if s.get(start) != Some(&b'{') {
            return Vec::new();
        }
        w.i += 1;
        let mut out = Vec::new();
        while let Some(name) = w.next_key() {
            let at = self.lines.line_col(self.json, name.start - 1);
            w.ws();
            let value_start = w.i;
            let value = if s.get(w.i) == Some(&b'"') { w.string().and_then(|r| decode(&s[r])) } else { None };
            if value.is_none() {
                w.i = value_start;
                if w.skip_value().is_none() {
                    break;
                }
            }
            if let Some(key) = decode(&s[name]) {
                out.push(Member { key, at, value });
            }
        }
        out
    }
}

/// One member of a JSON object, as [`JsonPositions::members`] finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub key: String,
    /// Line and column of the key.
    pub at: (usize, usize),
    /// The value, when it is a string.
    pub value: Option<String>,
}

/// The text of a JSON string's raw bytes (between its quotes), escapes decoded.
fn decode(raw: &[u8]) -> Option<String> {
    let mut quoted = Vec::with_capacity(raw.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(raw);
    quoted.push(b'"');
    serde_json::from_slice(&quoted).ok()
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

struct Walker<'a> {
    s: &'a [u8],
    i: usize,
}

impl Walker<'_> {
    /// Offset of the value at `path`; on a missing step, of the container that lacks it.
    fn find(&mut self, path: &[Step]) -> Option<usize> {
        self.seek(path, false)
    }

    /// Offset of the value at `path`; `None` when a step is missing.
    fn find_exact(&mut self, path: &[Step]) -> Option<usize> {
        self.seek(path, true)
    }

    fn seek(&mut self, path: &[Step], exact: bool) -> Option<usize> {
        self.ws();
        let start = self.i;
        let Some((step, rest)) = path.split_first() else {
            return Some(start);
        };
        let missing = if exact { None } else { Some(start) };
        match (step, self.s.get(self.i)?) {
            (Step::Key(key), b'{') => {
                self.i += 1;
                while let Some(name) = self.next_key() {
                    if &self.s[name] == key.as_bytes() {
                        return self.seek(rest, exact);
                    }
                    self.skip_value()?;
                }
                missing
            }
            (Step::Index(n), b'[') => {
                self.i += 1;
                let mut k = 0;
                while self.next_item() {
                    if k == *n {
                        return self.seek(rest, exact);
                    }
                    self.skip_value()?;
                    k += 1;
                }
                missing
            }
            _ => missing,
        }
    }

    /// Each top-level key whose value is an array, with the offsets of its elements.
    fn top_level_arrays(&mut self) -> Option<Vec<(Vec<u8>, Vec<usize>)>> {
        let mut out = Vec::new();
        self.ws();
        if self.s.get(self.i) != Some(&b'{') {
            return None;
        }
        self.i += 1;
        while let Some(name) = self.next_key() {
            let key = self.s[name].to_vec();
            self.ws();
            if self.s.get(self.i) != Some(&b'[') {
                self.skip_value()?;
                continue;
            }
            self.i += 1;
            let mut items = Vec::new();
            while self.next_item() {
                items.push(self.i);
                self.skip_value()?;
            }
            self.i += 1; // the closing bracket
            out.push((key, items));
        }
        Some(out)
    }

    /// Inside an object: the next key (its raw bytes' range), past its colon; None at the end.
    fn next_key(&mut self) -> Option<std::ops::Range<usize>> {
        loop {
            self.ws();
            match self.s.get(self.i)? {
                b',' => self.i += 1,
                b'"' => break,
                _ => return None,
            }
        }
        let name = self.string()?;
        self.ws();
        if self.s.get(self.i) == Some(&b':') {
            self.i += 1;
        }
        Some(name)
    }

    /// Inside an array: whether another element starts at the cursor.
    fn next_item(&mut self) -> bool {
        loop {
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') | None => return false,
                Some(_) => return true,
            }
        }
    }

    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// Reads a string at the cursor; returns the range of its raw bytes (escapes are not
    /// decoded: keys are ASCII).
    fn string(&mut self) -> Option<std::ops::Range<usize>> {
        let start = self.i + 1;
        self.i += 1;
        while let Some(&b) = self.s.get(self.i) {
            match b {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return Some(start..self.i - 1);
                }
                _ => self.i += 1,
            }
        }
        None
    }

    fn skip_value(&mut self) -> Option<()> {
        self.ws();
        match self.s.get(self.i)? {
            b'"' => {
                self.string()?;
            }
            b'{' | b'[' => {
                let mut depth = 0usize;
                while let Some(&b) = self.s.get(self.i) {
                    match b {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
                return None;
            }
            _ => {
                while !matches!(self.s.get(self.i), None | Some(b',' | b'}' | b']')) {
                    self.i += 1;
                }
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let json = "{\n  \"a\": [1, {\"x\": \"}\"}],\n  \"claims\": [\n    {\"id\": \"c1\"},\n    {\"id\": \"c2\", \"value\": \"عشرين\"}\n  ]\n}";
        let path = [Step::Key("claims"), Step::Index(1), Step::Key("value")];
        assert_eq!(locate(json, &path), (5, 27));
        assert_eq!(locate(json, &[Step::Key("claims"), Step::Index(0)]), (4, 5));
        // A missing key points at its container.
        assert_eq!(locate(json, &[Step::Key("claims"), Step::Index(0), Step::Key("quote")]), (4, 5));
    }

    #[test]
    fn indexed_positions_match_a_walk_from_the_start() {
        let json = "{\"claims\": [\n  {\"id\": \"a\", \"value\": \"1\"},\n  {\"id\": \"b\",\n   \"value\": [\"x\", \"]\"]}\n], \"n\": 1, \"more\": [{\"id\": \"c\"}]}";
        let positions = JsonPositions::new(json);
        // Both top-level arrays are indexed, the second after the first.
        let keys: Vec<&[u8]> = positions.arrays.iter().map(|(k, _)| k.as_slice()).collect();
        assert_eq!(keys, [b"claims".as_slice(), b"more".as_slice()]);
        for i in 0..3 {
            for field in ["id", "value", "quote"] {
                let path = [Step::Key("claims"), Step::Index(i), Step::Key(field)];
                let walked =
                    LineIndex::new(json).line_col(json, Walker { s: json.as_bytes(), i: 0 }.find(&path).unwrap_or(0));
                assert_eq!(positions.at(&path), walked, "{i} {field}");
            }
        }
        assert_eq!(positions.at(&[Step::Key("claims"), Step::Index(1), Step::Key("value")]), (4, 13));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_col("ab\nعربي x", 12), (2, 6));
    }

    #[test]
    fn positions_in_long_lines_match_a_count_from_the_line_start() {
        let text = format!("سطر أول\n{}x\n{}", "عربي و latin ".repeat(500), "y".repeat(700));
        let index = LineIndex::new(&text);
        for offset in (0..text.len()).step_by(37).chain([text.len()]) {
            let offset = floor_char_boundary(&text, offset);
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..offset].matches('\n').count() + 1;
            let column = text[line_start..offset].chars().count() + 1;
            assert_eq!(index.line_col(&text, offset), (line, column), "{offset}");
            let bounds = index.line_bounds(&text, offset);
            assert_eq!(bounds.start, line_start);
            assert_eq!(bounds.end, text[offset..].find('\n').map_or(text.len(), |i| offset + i));
        }
    }

    #[test]
    fn members_keep_duplicates_and_decode_escapes() {
        let json = "{\"source\": {\"glyph_map\": {\"\\uE005\": \"0\", \"x\": 5,\n  \"\\uE005\": \"1\"}}}";
        let members = JsonPositions::new(json).members(&[Step::Key("source"), Step::Key("glyph_map")]);
        let got: Vec<(&str, (usize, usize), Option<&str>)> =
            members.iter().map(|m| (m.key.as_str(), m.at, m.value.as_deref())).collect();
        assert_eq!(got, [("\u{E005}", (1, 27), Some("0")), ("x", (1, 42), None), ("\u{E005}", (2, 3), Some("1"))]);
    }
}
