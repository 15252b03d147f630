//! The command line, as clap reads it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Check whether news sources agree on the facts",
    long_about = "Check whether news sources agree on the facts.\n\nEach source's factual assertions are encoded as claims with verbatim quotes; \
claimcheck verifies every quote, links claims about the same fact, and reports where sources agree and where they contradict.",
    after_help = "Examples:\n  claimcheck check                      check the corpus in claims/\n  claimcheck check --format json        the full result for machines\n  claimcheck check --write-baseline     accept today's open contradictions as known\n  claimcheck value 'نحو 19 مليون'         how a value expression is read\n  claimcheck coverage --suggest          draft claims for uncovered figures"
)]
pub struct Cli {
    /// When to color the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Largest source text read, in bytes or with K, M, G (default 64M).
    #[arg(long, value_name = "SIZE", value_parser = claimcheck::corpus::files::parse_size, global = true)]
    pub max_text_size: Option<u64>,

    /// Largest JSON file read (claims, registry, settings, ledger), in bytes or with K, M, G (default 16M).
    #[arg(long, value_name = "SIZE", value_parser = claimcheck::corpus::files::parse_size, global = true)]
    pub max_json_size: Option<u64>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load, verify, link and check a corpus; exit 1 on a new unresolved contradiction.
    #[command(after_help = "Exit codes: 0 no new unresolved contradiction, 1 at least one, 2 an input or usage error.

Examples:
  claimcheck check                            the corpus in claims/
  claimcheck check tests/fixtures/two-sources --format json
  claimcheck check --show new                 only what fails the build
  claimcheck check --prune                    drop ledger entries no finding matches any more")]
    Check(CheckArgs),
    /// Show how a value expression is read: kind, interval, precision, hedge.
    #[command(after_help = "Examples:
  claimcheck value '~19e6'
  claimcheck value 'نحو 19 مليون' --format json
  claimcheck value '١٢ جمادى الآخرة ١٤٤٣ هـ'
  claimcheck value 2019 --kind date           a bare figure is a year only when asked
  claimcheck value '2,483 مليون' --commas thousands")]
    Value(ValueArgs),
    /// Infer which private-use characters of a source stand for which digits.
    #[command(after_help = "Examples:
  claimcheck glyphs noonpost-2022-01-06       a source of the corpus in claims/
  claimcheck glyphs texts/extracted.txt --published 2022-01-06
  claimcheck glyphs noonpost-2022-01-06 --format json")]
    Glyphs(GlyphsArgs),
    /// Show one finding in full: the fact, every claim and pair, the editors' entries.
    Explain(crate::commands::explain::ExplainArgs),
    /// Record an editor's decision on a finding in resolutions.json.
    Resolve(crate::commands::resolve::ResolveArgs),
    /// Walk the contradictions that fail the build, then the baselined ones, and decide each (needs a terminal).
    Review(crate::commands::review::ReviewArgs),
    /// List facts that may be one fact under two keys, with the evidence and a suggested edit.
    Links(crate::commands::links::LinksArgs),
    /// Rewrite ledger entries written by claimcheck 0.1 in the current form, once.
    Migrate(crate::commands::migrate::MigrateArgs),
    /// Print the completion script of a shell.
    Completions(crate::commands::completions::CompletionsArgs),
    /// Print the man page, of claimcheck or of one command.
    Man(crate::commands::man::ManArgs),
    /// List the figures and dates of each source that no claim covers; draft claims for them.
    #[command(
        after_help = "Rules and ignore list: PATH/coverage.json and PATH/coverage-ignore.json (see docs/claims-format.md).\nExit codes: 0 reported, 2 an input or usage error.\n\nExamples:\n  claimcheck coverage                         the corpus in claims/\n  claimcheck coverage --suggest               draft claims for what no claim covers\n  claimcheck coverage --all --format json     every mention and what became of it"
    )]
    Coverage(CoverageArgs),
    /// Draft the source file (sources/*.json) of a text not yet in the corpus.
    #[command(
        after_help = "Prints a source file with one drafted claim per figure or date, each with a `draft` object\n(confidence and the words behind every guess) for the editor to review. Copy the text to\nCORPUS/texts/ and the output to CORPUS/sources/ID.json.\n\nExamples:\n  claimcheck draft wire.txt --source-id wire-2022-01-07 --published 2022-01-07 --language en\n\nExit codes: 0 drafted, 2 an input or usage error."
    )]
    Draft(DraftArgs),
    /// Write the report to a file (HTML links made relative to it); exit 0 whatever it finds.
    #[command(
        after_help = "Examples:\n  claimcheck report -o report.html          the format follows the extension\n  claimcheck report --format sarif -o out/claimcheck.sarif\n\nExit codes: 0 written, 2 an input or usage error. `check` is the one that fails on new contradictions."
    )]
    Report(ReportArgs),
}

#[derive(Debug, Args)]
pub struct GlyphsArgs {
    /// A source id of the corpus, or the path of a text file.
    pub source: String,
    /// The corpus folder.
    #[arg(long, default_value = "claims")]
    pub path: PathBuf,
    /// When the text was published (`2022`, `2022-01-06`, `2022-01-07..2022-01-08`): years
    /// after «منذ» are not later, no year is a century later, and a date with a weekday but
    /// no year lies near it. By default a source's own; for a file, years stop at 2100.
    #[arg(long, alias = "year", value_name = "DATE")]
    pub published: Option<String>,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The text to draft claims for (a UTF-8 file).
    pub text: PathBuf,
    /// The id of the new source (unique in the corpus; claim ids start with it).
    #[arg(long)]
    pub source_id: String,
    /// The corpus whose registry names the entities, properties and cues.
    #[arg(long, default_value = "claims")]
    pub path: PathBuf,
    /// When the text was published (a date expression): dates without a year take its year.
    #[arg(long)]
    pub published: Option<String>,
    /// The text's language: which cues of the registry are looked for.
    #[arg(long, value_enum)]
    pub language: Option<Language>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Language {
    Ar,
    En,
}

#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// The corpus folder.
    #[arg(default_value = "claims")]
    pub path: PathBuf,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Print a draft claim for each uncovered mention instead of the report.
    #[arg(long)]
    pub suggest: bool,
    /// List every mention with what became of it (covered, skipped, ignored), not only the uncovered.
    #[arg(long, conflicts_with = "suggest")]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The corpus folder.
    #[arg(default_value = "claims")]
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Record every open contradiction in the corpus's baseline.json.
    #[arg(long)]
    pub write_baseline: bool,
    /// Remove resolutions and baseline entries that match no finding any more.
    #[arg(long)]
    pub prune: bool,
    /// Which findings to list (the summary always counts them all).
    #[arg(long, value_enum, default_value_t = Show::Folded)]
    pub show: Show,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Show {
    /// Contradictions and what is not comparable in full, agreements one line each (text).
    Folded,
    /// Every finding in full: contradictions, then what is not comparable, then agreements.
    All,
    /// Contradictions, whatever their status.
    Contradictions,
    /// New and re-opened contradictions: what fails the build.
    New,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The corpus folder.
    #[arg(default_value = "claims")]
    pub path: PathBuf,
    /// Output format; by default the output file's extension decides (.html, .md, .sarif,
    /// .json, .dot, .txt).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// The file to write (missing folders are made); without it, standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ValueArgs {
    /// The expression, e.g. `~19e6`, `بين 2 و3 مليار`, `١٢ جمادى الآخرة ١٤٤٣ هـ`.
    pub expr: String,
    /// Relative tolerance of approximate values.
    #[arg(long, default_value_t = 0.1)]
    pub tolerance: f64,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Read it as a property of this kind would (a bare `2019` is a year only as a date).
    #[arg(long, value_enum)]
    pub kind: Option<ValueKindArg>,
    /// What a comma between digits means in the text the expression comes from.
    #[arg(long, value_enum, default_value_t = CommasArg::Auto)]
    pub commas: CommasArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValueKindArg {
    Number,
    Percent,
    Multiplier,
    Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CommasArg {
    /// `2,725,000` and `2,483` group thousands; `2,7` and `2,483 مليون` are decimals.
    Auto,
    /// Commas are decimal marks, dots group thousands.
    Decimal,
    /// Commas only group thousands.
    Thousands,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For the terminal: findings grouped by fact, quotes side by side.
    Text,
    /// Everything, for machines (fields documented in the README).
    Json,
    /// For pull-request comments and job summaries.
    Markdown,
    /// One self-contained page: quotes side by side, filters, the agreement matrix.
    Html,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the claims.
    Github,
    /// The claim graph in Graphviz DOT.
    Dot,
}

impl Format {
    /// The optional parts of the report this format shows.
    pub fn contents(self) -> claimcheck::report::Contents {
        claimcheck::report::Contents {
            links: self == Format::Json,
            texts: self == Format::Html,
            pair_explanations: matches!(self, Format::Json | Format::Html | Format::Dot),
            highlights: matches!(self, Format::Json | Format::Html | Format::Markdown),
            visible: !matches!(self, Format::Json | Format::Html),
        }
    }
}

/// For commands whose output is not the report of findings (`value`, `coverage`, `explain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
