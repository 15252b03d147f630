//! Writes a generated corpus (see `benches/corpus_gen`): deterministic from the seed, with the
//! planted contradictions in `manifest.json` and every claim in `claims.jsonl`.
//! `cargo run --release --example gen_corpus -- OUT_DIR [CLAIMS] [SEED]`

#[path = "../benches/corpus_gen/mod.rs"]
mod corpus_gen;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        eprintln!("usage: gen_corpus OUT_DIR [CLAIMS, default 10000] [SEED, default 1]");
        return ExitCode::from(2);
    };
    let number = |arg: Option<String>, default: u64, what: &str| match arg {
        None => Ok(default),
        Some(a) => a.replace('_', "").parse::<u64>().map_err(|_| format!("{what} `{a}` is not a whole number")),
    };
    let (claims, seed) = match (number(args.next(), 10_000, "CLAIMS"), number(args.next(), 1, "SEED")) {
        (Ok(c), Ok(s)) => (c as usize, s),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if out.exists() && std::fs::read_dir(&out).map_or(true, |mut d| d.next().is_some()) {
        eprintln!("error: {} exists and is not empty; give a new folder", out.display());
        return ExitCode::from(2);
    }
    let spec = corpus_gen::Spec::new(claims, seed);
    match corpus_gen::generate(&out, &spec) {
        Ok(m) => {
            println!(
                "{}: {} sources, {} facts, {} claims ({} quotes in Arabic-Indic digits, {} attributed), {} planted contradictions (manifest.json)",
                out.display(),
                m.sources,
                m.facts,
                m.claims,
                m.arabic_indic_quotes,
                m.attributed,
                m.contradictions.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: writing {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}
