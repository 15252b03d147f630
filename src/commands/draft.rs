//! `claimcheck draft TEXT`: the source file of a new text, with drafted claims.

use super::{INPUT_ERROR, OK};
use crate::cli::{DraftArgs, Language};
use claimcheck::{coverage, draft};
use std::io::{Read, Write};

pub fn run(args: DraftArgs) -> u8 {
    let mut err = anstream::stderr();
    let text = match read_text(&args.text, super::limits().text) {
        Ok(t) => t,
        Err(message) => {
            let _ = writeln!(err, "error: {}: {message}", args.text.display());
            return INPUT_ERROR;
        }
    };
    let run = match super::load(&args.path, "nothing was drafted") {
        Ok(run) => run,
        Err(code) => return code,
    };
    let corpus = &run.corpus;
    if corpus.sources.iter().any(|s| s.meta.id == args.source_id) {
        let _ = writeln!(
            err,
            "error: `{}` is already a source of {}\n  help: give the new text its own --source-id",
            args.source_id,
            args.path.display()
        );
        return INPUT_ERROR;
    }
    if let Some(p) = &args.published
        && claimcheck::value::read_as(p, &Default::default(), claimcheck::value::ValueKind::Date).is_err()
    {
        let _ = writeln!(err, "error: --published `{p}` is not a date (write e.g. 2022-01-07)");
        return INPUT_ERROR;
    }
    let name = args.text.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let info = draft::TextInfo {
        source_id: args.source_id.clone(),
        path: format!("texts/{name}"),
        published: args.published.clone(),
        language: args.language.map(|l| match l {
            Language::Ar => "ar".to_string(),
            Language::En => "en".to_string(),
        }),
    };
    let ids: Vec<&str> = corpus.sources.iter().map(|s| s.meta.id.as_str()).collect();
    let mut diags = Vec::new();
    let config = coverage::Config::load(&args.path, &ids, &mut diags);
    let file = draft::draft_text(corpus, &config, text, &info);
    let json = serde_json::to_string_pretty(&file).expect("a drafted source file always serializes");
    let _ = writeln!(anstream::stdout(), "{json}");
    let _ = writeln!(
        err,
        "drafted {} claim(s), left out {}; copy {} to {} and this output to {}",
        file.claims.len(),
        file.draft.unplaced.len(),
        args.text.display(),
        args.path.join(&info.path).display(),
        args.path.join(format!("sources/{}.json", args.source_id)).display()
    );
    OK
}

/// The text, if it is a regular UTF-8 file within the size limit.
fn read_text(path: &std::path::Path, limit: u64) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read it: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > limit {
        return Err(format!("larger than the text size limit ({limit} bytes); raise it with --max-text-size"));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read it: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()))
}
