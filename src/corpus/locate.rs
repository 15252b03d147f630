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

/// Where each line starts, so that positions cost a binary search, not a scan of the text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of a byte offset of `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
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
        self.ws();
        let start = self.i;
        let Some((step, rest)) = path.split_first() else {
            return Some(start);
        };
        match (step, self.s.get(self.i)?) {
            (Step::Key(key), b'{') => {
                self.i += 1;
                while let Some(name) = self.next_key() {
                    if &self.s[name] == key.as_bytes() {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                }
                Some(start)
            }
            (Step::Index(n), b'[') => {
                self.i += 1;
                let mut k = 0;
                while self.next_item() {
                    if k == *n {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    k += 1;
                }
                Some(start)
            }
            _ => Some(start),
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
}
