//! A synthetic corpus of any size, for measuring the pipeline: `sources` sources, each
//! stating `claims_per_source` facts drawn from a pool of `facts`, most agreeing, some not.
#![allow(dead_code)] // each bench and example uses its own part

use std::fmt::Write;
use std::path::Path;

pub struct Shape {
    pub sources: usize,
    pub claims_per_source: usize,
    pub facts: usize,
}

pub fn write_corpus(root: &Path, shape: &Shape) {
    for dir in ["texts", "sources", "registry"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    let mut entities = String::new();
    let subjects = shape.facts.div_ceil(4);
    for s in 0..subjects {
        let sep = if s == 0 { "" } else { ",\n" };
        write!(entities, "{sep}    {{\"id\": \"place-{s}\", \"kind\": \"city\", \"names\": {{\"en\": \"Place {s}\", \"ar\": \"مدينة رقم {s}\"}}}}").unwrap();
    }
    let properties = ["population", "deaths", "arrests", "troops"]
        .iter()
        .map(|p| format!("    {{\"id\": \"{p}\", \"kind\": \"quantity\", \"unit\": \"person\"}}"))
        .collect::<Vec<_>>()
        .join(",\n");
    std::fs::write(
        root.join("registry/registry.json"),
        format!("{{\n  \"entities\": [\n{entities}\n  ],\n  \"properties\": [\n{properties}\n  ]\n}}\n"),
    )
    .unwrap();
    let property = |f: usize| ["population", "deaths", "arrests", "troops"][f % 4];
    for src in 0..shape.sources {
        let mut text = String::from("تقرير اصطناعي لقياس الأداء.\n\n");
        let mut claims = Vec::with_capacity(shape.claims_per_source);
        for k in 0..shape.claims_per_source {
            // Spread sources over the facts so that each fact is stated several times.
            let fact = (src * 7919 + k * 104_729) % shape.facts;
            // One source in ten reports every tenth fact differently.
            let value = 1000 + fact * 3 + if src.is_multiple_of(10) && fact.is_multiple_of(10) { 500 } else { 0 };
            let sentence = format!("وقد بلغ عدد {} في المدينة رقم {} نحو {value} شخص", property(fact), fact / 4);
            writeln!(text, "{sentence}، كما ذكرت المصادر المحلية في بيان لها.").unwrap();
            claims.push(format!(
                "    {{\"id\": \"s{src}-c{k}\", \"subject\": \"place-{}\", \"property\": \"{}\", \"value\": \"~{value}\", \"quote\": \"{sentence}\"}}",
                fact / 4,
                property(fact)
            ));
        }
        std::fs::write(root.join(format!("texts/s{src}.txt")), text).unwrap();
        let json = format!(
            "{{\n  \"source\": {{\"id\": \"s{src}\", \"title\": \"Source {src}\", \"published\": \"2022-01-10\", \"path\": \"texts/s{src}.txt\"}},\n  \"claims\": [\n{}\n  ]\n}}\n",
            claims.join(",\n")
        );
        std::fs::write(root.join(format!("sources/s{src}.json")), json).unwrap();
    }
}

/// A corpus of one source whose text is about `bytes` long: sentences of news in Arabic,
/// each with a count, a date and a percentage, and a claim for every hundredth of them.
/// With `one_line`, the whole text is a single line (as some PDF extractions give).
pub fn write_long_text(root: &Path, bytes: usize, one_line: bool) {
    for dir in ["texts", "sources", "registry"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    let mut text = String::with_capacity(bytes + 400);
    let mut claims = Vec::new();
    let mut k = 0usize;
    while text.len() < bytes {
        let count = 1000 + (k * 7919) % 90_000;
        let sentence = format!("وقد بلغ عدد المعتقلين في المدينة رقم {k} نحو {count} شخص");
        let tail = format!("، في {} يناير 2022 وفق بيان رسمي، أي {}% من السكان.", 1 + k % 28, k % 90);
        text.push_str(&sentence);
        text.push_str(&tail);
        text.push(if one_line { ' ' } else { '\n' });
        if k.is_multiple_of(100) {
            claims.push(format!(
                "    {{\"id\": \"c{k}\", \"subject\": \"place\", \"property\": \"arrests\", \"qualifiers\": {{\"name\": \"{k}\"}}, \"value\": \"~{count}\", \"quote\": \"{sentence}\"}}"
            ));
        }
        k += 1;
    }
    std::fs::write(root.join("texts/long.txt"), text).unwrap();
    std::fs::write(
        root.join("registry/registry.json"),
        "{\"entities\": [{\"id\": \"place\", \"kind\": \"city\"}], \"properties\": [{\"id\": \"arrests\", \"kind\": \"quantity\", \"unit\": \"person\"}]}\n",
    )
    .unwrap();
    let json = format!(
        "{{\n  \"source\": {{\"id\": \"long\", \"title\": \"Long\", \"published\": \"2022-01-10\", \"path\": \"texts/long.txt\"}},\n  \"claims\": [\n{}\n  ]\n}}\n",
        claims.join(",\n")
    );
    std::fs::write(root.join("sources/long.json"), json).unwrap();
}

/// This process's peak resident memory so far, in MiB (Linux; NaN elsewhere).
pub fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// A corpus of one source whose text is the shipped corpus's texts, repeated to about
/// `bytes`: real Arabic news with real density of figures (about 3,000 mentions a MB).
pub fn write_repeated_news(root: &Path, bytes: usize) {
    for dir in ["texts", "sources", "registry"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims/texts");
    let mut names: Vec<_> = std::fs::read_dir(&shipped).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    let texts: Vec<String> = names.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let mut text = String::with_capacity(bytes + 100_000);
    while text.len() < bytes {
        for t in &texts {
            text.push_str(t);
            text.push_str("\n\n");
        }
    }
    std::fs::write(root.join("texts/news.txt"), text).unwrap();
    std::fs::write(root.join("registry/registry.json"), "{\"entities\": [], \"properties\": []}\n").unwrap();
    std::fs::write(
        root.join("sources/news.json"),
        "{\"source\": {\"id\": \"news\", \"title\": \"News\", \"published\": \"2022-01-10\", \"path\": \"texts/news.txt\"}, \"claims\": []}\n",
    )
    .unwrap();
}
