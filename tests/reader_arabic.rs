//! The value reader on Arabic expressions, one test per family of forms; the expressions,
//! the readings expected and why are in tests/data/reader/arabic.txt.

#[macro_use]
mod reader_table;

const TABLE: &str = "tests/data/reader/arabic.txt";

reader_tests!();
