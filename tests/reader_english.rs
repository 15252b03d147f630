//! The value reader on English expressions, one test per family of forms; the expressions,
//! the readings expected and why are in tests/data/reader/english.txt.

mod reader_table;

const TABLE: &str = "tests/data/reader/english.txt";

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
