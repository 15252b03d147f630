//! How well the recognizer (the value reader's mentions less the skip rules) finds the
//! substantive mentions of the five shipped sources, against the hand-checked lists in
//! tests/data/mentions/ (see the README there). Prints the table the README quotes:
//!
//!     cargo test --test recognizer -- --nocapture
//!
//! A found mention is right when it overlaps a listed one on the same line; a listed one is
//! found when some found mention overlaps it; the value agrees when the listed value reads
//! to the same interval. The editors' ignore list is not applied: this measures the rules.

use claimcheck::coverage::{self, Status};
use claimcheck::value::{self, Reading};
use std::path::Path;

struct Listed {
    line: usize,
    col: usize,
    len: usize,
    value: String,
}

struct Section {
    source: String,
    /// Inclusive line range the list covers.
    lines: (usize, usize),
    listed: Vec<Listed>,
}

fn read_list(path: &Path) -> Section {
    let text = std::fs::read_to_string(path).unwrap();
    let mut source = String::new();
    let mut lines = (1, usize::MAX);
    let mut listed = Vec::new();
    for row in text.lines() {
        if let Some(comment) = row.strip_prefix("# ") {
            if let Some((id, _)) = comment.split_once(": hand-checked") {
                source = id.to_string();
            }
            if let Some(range) = comment.strip_prefix("section: lines ") {
                let (a, b) = range.split_once('-').unwrap();
                lines = (a.parse().unwrap(), b.parse().unwrap());
            }
            continue;
        }
        let cells: Vec<&str> = row.split('\t').collect();
        assert_eq!(cells.len(), 4, "{}: {row}", path.display());
        listed.push(Listed {
            line: cells[0].parse().unwrap(),
            col: cells[1].parse().unwrap(),
            len: cells[2].chars().count(),
            value: cells[3].to_string(),
        });
    }
    Section { source, lines, listed }
}

fn overlaps(a: (usize, usize, usize), b: (usize, usize, usize)) -> bool {
    a.0 == b.0 && a.1 < b.1 + b.2 && b.1 < a.1 + a.2
}

/// The listed value, read as the found mention's kind, is what the mention states (the
/// rule `check` applies between a claim and its quote).
fn same_value(listed: &str, found: &Reading) -> bool {
    value::read_as(listed, &value::ReadOptions::default(), found.kind)
        .is_ok_and(|want| claimcheck::corpus::states(found, &want))
}

#[derive(Default)]
struct Score {
    listed: usize,
    found: usize,
    found_right: usize,
    listed_found: usize,
    valued: usize,
    value_agrees: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.listed += o.listed;
        self.found += o.found;
        self.found_right += o.found_right;
        self.listed_found += o.listed_found;
        self.valued += o.valued;
        self.value_agrees += o.value_agrees;
    }
    fn precision(&self) -> f64 {
        self.found_right as f64 / self.found.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.listed_found as f64 / self.listed.max(1) as f64
    }
    fn values(&self) -> f64 {
        self.value_agrees as f64 / self.valued.max(1) as f64
    }
}

#[test]
fn the_recognizer_finds_the_hand_checked_mentions() {
    let root = Path::new("claims");
    let mut corpus = claimcheck::corpus::load(root);
    let ids: Vec<String> = corpus.sources.iter().map(|s| s.meta.id.clone()).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut config = coverage::Config::load(root, &ids, &mut corpus.diagnostics);
    config.ignore.clear();
    let measured = coverage::measure(&corpus, &config);

    let mut files: Vec<_> = std::fs::read_dir("tests/data/mentions")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    let mut total = Score::default();
    let mut misses = Vec::new();
    println!("| source | lines | listed | found | precision | recall | value agrees |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    for file in &files {
        let section = read_list(file);
        let sc = measured.of_source(&section.source).unwrap_or_else(|| panic!("no source {}", section.source));
        let in_section = |line: usize| section.lines.0 <= line && line <= section.lines.1;
        let found: Vec<&coverage::Mention> =
            sc.mentions.iter().filter(|m| !matches!(m.status, Status::Skipped { .. }) && in_section(m.line)).collect();
        let text = &corpus.sources.iter().find(|s| s.meta.id == section.source).unwrap().text;
        let span = |m: &coverage::Mention| (m.line, m.column, text[m.start..m.end].chars().count());
        let mut s = Score { listed: section.listed.len(), found: found.len(), ..Score::default() };
        for m in &found {
            if section.listed.iter().any(|l| overlaps(span(m), (l.line, l.col, l.len))) {
                s.found_right += 1;
            } else {
                misses.push(format!("{} {}:{} found «{}», not listed", section.source, m.line, m.column, m.text));
            }
        }
        for l in &section.listed {
            let hit = found.iter().find(|m| overlaps(span(m), (l.line, l.col, l.len)));
            match hit {
                Some(m) => {
                    s.listed_found += 1;
                    if l.value != "missing" {
                        s.valued += 1;
                        if same_value(&l.value, &m.reading) {
                            s.value_agrees += 1;
                        } else {
                            misses.push(format!(
                                "{} {}:{} «{}» read as {}, listed as {}",
                                section.source, l.line, l.col, m.text, m.value, l.value
                            ));
                        }
                    }
                }
                None => misses.push(format!("{} {}:{} listed ({}), not found", section.source, l.line, l.col, l.value)),
            }
        }
        let lines = if section.lines.1 == usize::MAX {
            "all".to_string()
        } else {
            format!("{}–{}", section.lines.0, section.lines.1)
        };
        println!(
            "| {} | {lines} | {} | {} | {:.1}% | {:.1}% | {:.1}% |",
            section.source,
            s.listed,
            s.found,
            s.precision() * 100.0,
            s.recall() * 100.0,
            s.values() * 100.0
        );
        total.add(&s);
    }
    println!(
        "| all | | {} | {} | {:.1}% | {:.1}% | {:.1}% |",
        total.listed,
        total.found,
        total.precision() * 100.0,
        total.recall() * 100.0,
        total.values() * 100.0
    );
    println!("\nDifferences:\n{}", misses.join("\n"));
    // Floors a little under the figures measured when the lists were made (see README):
    // a change to the reader or the rules that loses ground fails here.
    assert!(total.precision() >= 0.95, "precision {:.3}", total.precision());
    assert!(total.recall() >= 0.95, "recall {:.3}", total.recall());
    assert!(total.values() >= 0.95, "value agreement {:.3}", total.values());
}
