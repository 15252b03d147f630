//! The value reader on English expressions, one test per family of forms; the expressions,
//! the readings expected and why are in tests/data/reader/english.txt.

#[macro_use]
mod reader_table;

const TABLE: &str = "tests/data/reader/english.txt";

reader_tests!();
