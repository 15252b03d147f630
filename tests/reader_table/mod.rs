//! Runs a table of value expressions (tests/data/reader/*.txt) through the value reader.
//!
//! Each line: `family | options | expression | expected | why`. Lines starting with `#`
//! and blank lines are skipped.
//!
//! - options: `-`, or comma-separated `kind=number|percent|multiplier|date`,
//!   `commas=auto|decimal|thousands`, `year=YYYY` (the default year), `ref=YYYY-MM-DD`
//!   (the day the text was written).
//! - expected: the reading as `Reading::describe` shows it (`2500`, `2500..3500`,
//!   `2022-01-05`, `75%..∞%`, `x2`), then optionally ` unit=CODE`, ` kind=KIND`,
//!   ` hedge=HEDGE`; or `error@TEXT`: the reader must refuse the expression, pointing at
//!   the first place TEXT stands in it (`error@$` for the end).
#![allow(dead_code)]

use claimcheck::value::{self, Commas, ReadOptions, Reading, ValueKind};

/// A test per family of the table `TABLE` (a constant of the calling test file), and one
/// that every row of the table belongs to one of them.
macro_rules! families {
    ($($test:ident: $family:literal),* $(,)?) => {
        $(#[test]
        fn $test() {
            reader_table::run_family(TABLE, $family);
        })*

        #[test]
        fn every_row_belongs_to_a_family_with_a_test() {
            reader_table::only_families(TABLE, &[$($family),*]);
        }
    };
}

/// One test per family of forms the grammar reads, the same for every language's table.
macro_rules! reader_tests {
    () => {
        families! {
            basic_words: "basic",
            composition: "composition",
            ordinals: "ordinal",
            separators: "separators",
            comma_conventions: "commas",
            fractions: "fraction",
            units: "unit",
            bounds_and_hedges: "bound",
            ranges: "range",
            round_figures: "round",
            vague_counts: "vague",
            percentages: "percent",
            dates: "date",
            bare_years: "year",
            hijri_dates: "hijri",
            honest_errors: "error",
        }
    };
}
use std::collections::BTreeMap;

pub struct Row {
    pub line: usize,
    pub family: String,
    pub options: String,
    pub expr: String,
    pub expected: String,
    pub why: String,
}

pub fn rows(path: &str) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split(" | ").map(str::trim).collect();
        assert!(f.len() == 5, "{path}:{}: want 5 fields separated by \" | \", got {}", n + 1, f.len());
        assert!(!f[4].is_empty(), "{path}:{}: say why the reading is expected", n + 1);
        out.push(Row {
            line: n + 1,
            family: f[0].into(),
            options: f[1].into(),
            expr: f[2].into(),
            expected: f[3].into(),
            why: f[4].into(),
        });
    }
    out
}

fn options(spec: &str) -> (ReadOptions, Option<ValueKind>) {
    let mut o = ReadOptions::default();
    let mut kind = None;
    for kv in spec.split(',').map(str::trim).filter(|s| *s != "-" && !s.is_empty()) {
        let (k, v) = kv.split_once('=').unwrap_or_else(|| panic!("bad option {kv}"));
        match k {
            "kind" => {
                kind = Some(match v {
                    "number" => ValueKind::Number,
                    "percent" => ValueKind::Percent,
                    "multiplier" => ValueKind::Multiplier,
                    "date" => ValueKind::Date,
                    _ => panic!("bad kind {v}"),
                })
            }
            "commas" => {
                o.commas = match v {
                    "auto" => Commas::Auto,
                    "decimal" => Commas::Decimal,
                    "thousands" => Commas::Thousands,
                    _ => panic!("bad commas {v}"),
                }
            }
            "year" => o.default_year = Some(v.parse().unwrap()),
            "ref" => {
                let p: Vec<i32> = v.split('-').map(|x| x.parse().unwrap()).collect();
                o.reference_day = value::days_from_ymd(p[0], p[1] as u8, p[2] as u8);
                o.default_year = o.default_year.or(Some(p[0]));
            }
            _ => panic!("bad option {k}"),
        }
    }
    (o, kind)
}

fn kebab<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The reading in the table's notation, with the extras the expectation asks about.
fn shown(r: &Reading, expected: &str) -> String {
    let mut s = r.describe();
    for extra in expected.split(' ').skip(1) {
        let (k, _) = extra.split_once('=').unwrap_or((extra, ""));
        match k {
            "unit" => s.push_str(&format!(" unit={}", r.unit.unwrap_or("none"))),
            "kind" => s.push_str(&format!(" kind={}", kebab(&r.kind))),
            "hedge" => s.push_str(&format!(" hedge={}", kebab(&r.hedge))),
            _ => panic!("unknown extra {extra}"),
        }
    }
    // A unit the expectation does not mention must not be there either.
    if r.unit.is_some() && !expected.contains("unit=") {
        s.push_str(&format!(" unit={}", r.unit.unwrap_or_default()));
    }
    s
}

/// One row: `Ok(())` or what was read instead.
pub fn check(row: &Row) -> Result<(), String> {
    let (opts, kind) = options(&row.options);
    let got = match kind {
        Some(k) => value::read_as(&row.expr, &opts, k),
        None => value::read(&row.expr, &opts),
    };
    match (row.expected.strip_prefix("error@"), got) {
        (Some(at), Err(e)) => {
            let want = if at == "$" {
                row.expr.len()
            } else {
                row.expr.find(at).ok_or("error@ text not in the expression")?
            };
            if e.at == want { Ok(()) } else { Err(format!("error at byte {} ({}), want at {want}", e.at, e.message)) }
        }
        (Some(_), Ok(r)) => Err(format!("read {}, want an error", shown(&r, &row.expected))),
        (None, Err(e)) => Err(format!("error: {e}")),
        (None, Ok(r)) => {
            let s = shown(&r, &row.expected);
            if s == row.expected { Ok(()) } else { Err(format!("read {s}")) }
        }
    }
}

/// Every row's family is one of `families` (each of which has its own test).
pub fn only_families(path: &str, families: &[&str]) {
    let stray: Vec<String> = rows(path)
        .iter()
        .filter(|r| !families.contains(&r.family.as_str()))
        .map(|r| format!("{path}:{}: family {}", r.line, r.family))
        .collect();
    assert!(stray.is_empty(), "rows of a family no test runs:\n{}", stray.join("\n"));
    for f in families {
        assert!(rows(path).iter().any(|r| r.family == *f), "{path}: no row of family {f}");
    }
}

/// Run the rows of one family; print the count; fail listing every row that reads otherwise.
pub fn run_family(path: &str, family: &str) {
    let rows: Vec<Row> = rows(path).into_iter().filter(|r| r.family == family).collect();
    report(path, &rows);
}

/// Run every row; print the count per family; fail listing every row that reads otherwise.
pub fn run(path: &str) {
    report(path, &rows(path));
}

fn report(path: &str, rows: &[Row]) {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for row in rows {
        let c = counts.entry(&row.family).or_default();
        c.1 += 1;
        match check(row) {
            Ok(()) => c.0 += 1,
            Err(e) => failures
                .push(format!("{path}:{}: {} `{}`: want {} — {e}", row.line, row.family, row.expr, row.expected)),
        }
    }
    let (pass, total) = counts.values().fold((0, 0), |a, c| (a.0 + c.0, a.1 + c.1));
    println!("{path}: {pass}/{total}");
    for (family, (p, t)) in &counts {
        println!("  {family:<14} {p:>4}/{t}");
    }
    assert!(failures.is_empty(), "{} of {total} rows read otherwise:\n{}", failures.len(), failures.join("\n"));
}
