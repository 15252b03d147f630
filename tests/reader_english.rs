//! The value reader on English expressions, one test per family of forms; the expressions,
//! the readings expected and why are in tests/data/reader/english.txt.

#[macro_use]
mod reader_table;

const TABLE: &str = "tests/data/reader/english.txt";

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
