//! One self-contained HTML page for editors: findings grouped by fact, each source's quote
//! beside its value with the figure marked in it, filters, the per-source counts and the
//! source × source agreement matrix. Inline CSS and JS only: it works offline and fetches
//! nothing (its Content-Security-Policy forbids it).

use super::layout::path_uri;
use super::{ClaimOut, FindingOut, Report, SourcePair, claims_of, isolate_rtl, verdict_label};
use crate::check::Verdict;
use crate::text::controls;
use std::collections::HashMap;
use std::fmt::Write;
use std::path::{Component, Path, PathBuf};

const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/filters.js");

/// The page, with links to the texts relative to the current folder: save it there.
pub fn render(report: &Report) -> String {
    render_in(report, Path::new(""))
}

/// The page as saved in the folder `page_dir`: links to the source texts and claims files
/// are made relative to it, so they work wherever the page is written.
pub fn render_in(report: &Report, page_dir: &Path) -> String {
    let page = Page {
        report,
        page_dir,
        by_id: report.claims_by_id(),
        languages: report.sources.iter().map(|s| (s.id.as_str(), s.language.as_deref())).collect(),
        pairs: report
            .agreement
            .iter()
            .flat_map(|p| [((p.a.as_str(), p.b.as_str()), p), ((p.b.as_str(), p.a.as_str()), p)])
            .collect(),
    };
    let mut out = String::new();
    page.head(&mut out);
    page.summary(&mut out);
    page.filters(&mut out);
    page.findings(&mut out);
    page.missing(&mut out);
    page.notes(&mut out);
    let _ = write!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// Text for quoted attribute values and text-only elements (`<title>`, `<option>`):
/// escaped, and the characters that hide themselves written as their code points.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_escaped(&mut out, c, false);
    }
    out
}

/// Text for element content: as [`escape`], but a hidden character's code point is set
/// apart in its own isolate, marked so the page can style it and name it on hover.
pub fn content(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_escaped(&mut out, c, true);
    }
    out
}

fn push_escaped(out: &mut String, c: char, markup: bool) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c if controls::is_hidden(c) && markup => {
            let kind = if controls::is_bidi_control(c) { "a bidirectional control" } else { "an invisible character" };
            let _ = write!(
                out,
                "<bdi class=\"control\" title=\"U+{:04X}, {kind}, in the text here\">{}</bdi>",
                c as u32,
                controls::marker(c)
            );
        }
        c if controls::is_hidden(c) => out.push_str(&controls::marker(c)),
        c => out.push(c),
    }
}

/// Text that mixes scripts (facts, explanations, notes), escaped, its RTL runs isolated
/// (after escaping, so the isolates are the only bidi controls left in it).
fn mixed(s: &str) -> String {
    isolate_rtl(&content(s))
}

/// `rtl` for languages written right to left, else `auto` (the browser looks at the text).
pub fn direction(language: Option<&str>) -> &'static str {
    const RTL: &[&str] = &["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"];
    let primary = language.and_then(|l| l.split(['-', '_']).next()).unwrap_or_default().to_ascii_lowercase();
    if RTL.contains(&primary.as_str()) { "rtl" } else { "auto" }
}

/// The quote, escaped, with the value's mentions in `<tag>`.
pub fn quote_html(claim: &ClaimOut, tag: &str) -> String {
    claim
        .quote_parts()
        .into_iter()
        .map(|(text, is_value)| if is_value { format!("<{tag}>{}</{tag}>", content(text)) } else { content(text) })
        .collect()
}

struct Page<'a> {
    report: &'a Report,
    page_dir: &'a Path,
    by_id: HashMap<&'a str, &'a ClaimOut>,
    /// Source id → its language.
    languages: HashMap<&'a str, Option<&'a str>>,
    /// Both orders of every pair of sources → their agreement.
    pairs: HashMap<(&'a str, &'a str), &'a SourcePair>,
}

impl Page<'_> {
    fn head(&self, out: &mut String) {
        let corpus = escape(&self.report.corpus.display().to_string());
        let _ = write!(
            out,
            r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="claimcheck {version}">
<title>claimcheck: {corpus}</title>
<style>
{STYLE}</style>
</head>
<body>
<header class="page">
<h1>claimcheck <span class="corpus"><bdi>{corpus}</bdi></span></h1>
<p class="verdict-line">{verdict}</p>
</header>
"#,
            version = env!("CARGO_PKG_VERSION"),
            verdict = escape(&verdict_line(self.report)),
        );
    }

    fn summary(&self, out: &mut String) {
        let m = &self.report.summary;
        out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"totals\">\n");
        let tiles = [
            ("new contradictions", m.new, if m.new > 0 { "bad" } else { "good" }),
            ("baselined", m.baselined, "known"),
            ("resolved", m.resolved, "plain"),
            ("agree", m.agree, "good"),
            ("not comparable", m.not_comparable, "plain"),
            ("facts across sources", m.facts_across_sources, "plain"),
            ("facts", m.facts, "plain"),
            ("claims", m.claims, "plain"),
            ("sources", m.sources, "plain"),
            ("figures missing", m.missing, "plain"),
        ];
        for (label, n, class) in tiles {
            let _ = writeln!(out, "<div class=\"tile {class}\"><dt>{label}</dt><dd>{n}</dd></div>");
        }
        out.push_str("</dl>\n");
        self.sources_table(out);
        self.matrix(out);
        out.push_str("</section>\n");
    }

    fn sources_table(&self, out: &mut String) {
        out.push_str(
            "<h3>Sources</h3>\n<table class=\"sources\">\n<thead><tr><th>source</th><th>title</th><th>text</th>\
             <th>claims</th><th>corroborated</th><th>contradicted</th><th>single-source</th><th>missing</th><th>coverage</th></tr></thead>\n<tbody>\n",
        );
        for s in &self.report.sources {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\"><bdi>{id}</bdi></th><td dir=\"auto\"{lang}>{title}</td><td><a href=\"{href}\"><bdi>{text}</bdi></a></td>\
                 <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                s.claims,
                s.corroborated,
                s.contradicted,
                s.single_source,
                s.missing,
                s.coverage.as_ref().map(crate::coverage::render::figure).unwrap_or_default(),
                id = content(&s.id),
                lang = s.language.as_deref().map_or(String::new(), |l| format!(" lang=\"{}\"", escape(l))),
                title = content(&s.title),
                href = escape(&self.href(&s.text, None)),
                text = content(&s.text.display().to_string()),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    /// Rows and columns are the sources; a cell counts the facts both state, by verdict.
    fn matrix(&self, out: &mut String) {
        let sources = &self.report.sources;
        if sources.len() > super::agreement::MATRIX_SOURCES {
            let _ = writeln!(
                out,
                "<h3>Agreement between sources</h3>\n<p class=\"hint\">{} sources: too many for a matrix. \
                 The JSON report lists the pairs of sources that state a fact in common.</p>",
                sources.len()
            );
            return;
        }
        out.push_str("<h3>Agreement between sources</h3>\n<p class=\"hint\">Facts both sources state: ✓ agree, ✗ contradict, ~ not comparable.</p>\n<table class=\"matrix\">\n<thead><tr><td></td>");
        for s in sources {
            let _ = write!(out, "<th scope=\"col\"><bdi>{}</bdi></th>", content(&s.id));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in sources {
            let _ = write!(out, "<tr><th scope=\"row\"><bdi>{}</bdi></th>", content(&row.id));
            for col in sources {
                match self.pairs.get(&(row.id.as_str(), col.id.as_str())) {
                    None => out.push_str("<td class=\"self\"></td>"),
                    Some(p) if p.agree + p.contradict + p.not_comparable == 0 => {
                        out.push_str("<td class=\"none\" title=\"no fact in common\">·</td>")
                    }
                    Some(p) => {
                        let class = if p.contradict > 0 { "mixed" } else { "agreeing" };
                        let _ = write!(
                            out,
                            "<td class=\"{class}\" title=\"{a} × {b}: {} agree, {} contradict, {} not comparable\">\
                             <span class=\"n-agree\">{} ✓</span> <span class=\"n-contradict\">{} ✗</span> <span class=\"n-nc\">{} ~</span></td>",
                            p.agree,
                            p.contradict,
                            p.not_comparable,
                            p.agree,
                            p.contradict,
                            p.not_comparable,
                            a = escape(&row.id),
                            b = escape(&col.id),
                        );
                    }
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }

    fn filters(&self, out: &mut String) {
        out.push_str(
            "<form id=\"filters\" class=\"filters\">\n\
             <label><input type=\"checkbox\" name=\"open\"> unresolved contradictions only</label>\n\
             <label><input type=\"checkbox\" name=\"contradict\"> contradictions only</label>\n\
             <label>source <select name=\"source\"><option value=\"\">all sources</option>",
        );
        for s in &self.report.sources {
            let _ = write!(out, "<option value=\"{id}\">{id}</option>", id = escape(&s.id));
        }
        let total = self.report.findings.len();
        let _ = write!(
            out,
            "</select></label>\n<output id=\"shown\">{total} findings</output>\n</form>\n<main id=\"findings\">\n"
        );
    }

    fn findings(&self, out: &mut String) {
        for verdict in [Verdict::Contradict, Verdict::NotComparable, Verdict::Agree] {
            let group: Vec<&FindingOut> = self.report.findings.iter().filter(|f| f.verdict == verdict).collect();
            if group.is_empty() {
                continue;
            }
            let title = match verdict {
                Verdict::Contradict => "Contradictions",
                Verdict::NotComparable => "Not comparable",
                Verdict::Agree => "Agreements",
            };
            let _ = writeln!(out, "<section class=\"group\">\n<h2>{title} ({})</h2>", group.len());
            for f in group {
                self.finding(out, f);
            }
            out.push_str("</section>\n");
        }
        out.push_str("</main>\n");
    }

    fn finding(&self, out: &mut String, f: &FindingOut) {
        let (mark, word) = verdict_label(f.verdict);
        let verdict_class = word.replace(' ', "-");
        let status = f.status_label().map_or(String::new(), |s| format!(" <span class=\"status {s}\">{s}</span>"));
        let _ = write!(
            out,
            "<article class=\"finding {verdict_class}\" id=\"f-{fp}\" data-verdict=\"{verdict_class}\" data-open=\"{open}\">\n\
             <header><span class=\"verdict\">{mark} {word}</span> <h4><bdi>{fact}</bdi></h4>{status} \
             <a class=\"fingerprint\" href=\"#f-{fp}\" title=\"fingerprint\">{fp}</a></header>\n\
             <p class=\"why\"><b>{reason}</b>: <bdi>{explanation}</bdi></p>\n",
            fp = escape(&f.fingerprint),
            open = f.is_open(),
            fact = mixed(&f.fact),
            reason = escape(f.reason),
            explanation = mixed(&f.explanation),
        );
        if let Some(why) = &f.reopened {
            let _ = writeln!(
                out,
                "<p class=\"reopened\"><b>reopened</b>: the claims changed since the resolution (<bdi>{}</bdi>)</p>",
                mixed(why)
            );
        }
        if let Some(r) = &f.resolution {
            let _ = writeln!(
                out,
                "<p class=\"resolution\"><b>resolution</b> ({}, {}): <bdi>{}</bdi></p>",
                content(&r.status),
                content(&r.date),
                mixed(&r.note)
            );
        }
        out.push_str("<div class=\"claims\">\n");
        for c in claims_of(&self.by_id, f) {
            self.claim(out, c);
        }
        out.push_str("</div>\n");
        if f.pairs.len() > 1 {
            let _ = writeln!(out, "<details class=\"pairs\"><summary>{} pairs</summary><ul>", f.pairs.len());
            for p in &f.pairs {
                let _ = writeln!(
                    out,
                    "<li><bdi>{}</bdi> — <bdi>{}</bdi>: <b>{}</b> <bdi>{}</bdi></li>",
                    content(&p.a),
                    content(&p.b),
                    escape(p.reason),
                    mixed(&p.explanation)
                );
            }
            out.push_str("</ul></details>\n");
        }
        out.push_str("</article>\n");
    }

    fn claim(&self, out: &mut String, c: &ClaimOut) {
        let language = self.languages.get(c.source.as_str()).copied().flatten();
        let context = c.context();
        let context = if context.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"context\"><bdi>{}</bdi></span>", content(&context.join(", ")))
        };
        let place = c.quote_place();
        let _ = write!(
            out,
            "<section class=\"claim\" data-source=\"{source}\">\n\
             <div class=\"value\"><bdi>{value}</bdi></div>\n\
             <div class=\"who\"><span class=\"source\"><bdi>{source_text}</bdi></span>{context}</div>\n\
             <blockquote dir=\"{dir}\"{lang}>{quote}</blockquote>\n\
             <div class=\"where\"><a href=\"{quote_href}\"><bdi>{quote_place}</bdi></a>\
             <span class=\"claim-ref\">claim <bdi>{id}</bdi> at <a href=\"{claim_href}\"><bdi>{claim_place}</bdi></a></span></div>\n\
             </section>\n",
            source = escape(&c.source),
            source_text = content(&c.source),
            value = content(&c.value_text()),
            dir = direction(language),
            lang = language.map_or(String::new(), |l| format!(" lang=\"{}\"", escape(l))),
            quote = quote_html(c, "mark"),
            quote_href = escape(&self.href(&place.file, Some(place.line))),
            quote_place = content(&place.to_string()),
            id = content(&c.id),
            claim_href = escape(&self.href(&c.claim_location.file, Some(c.claim_location.line))),
            claim_place = content(&c.claim_location.to_string()),
        );
    }

    fn missing(&self, out: &mut String) {
        if self.report.missing.is_empty() {
            return;
        }
        let _ = write!(
            out,
            "<section id=\"missing\">\n<h2>Figures lost from their source ({})</h2>\n<p class=\"hint\">Listed, never compared.</p>\n<table>\n\
             <thead><tr><th>claim</th><th>fact</th><th>quote</th><th>where</th></tr></thead>\n<tbody>\n",
            self.report.missing.len()
        );
        for id in &self.report.missing {
            let Some(c) = self.by_id.get(id.as_str()) else { continue };
            let language = self.languages.get(c.source.as_str()).copied().flatten();
            let place = c.quote_place();
            let _ = writeln!(
                out,
                "<tr><td><bdi>{}</bdi></td><td><bdi>{} · {}</bdi></td><td dir=\"{}\">{}</td><td><a href=\"{}\"><bdi>{}</bdi></a></td></tr>",
                content(id),
                mixed(&c.subject),
                mixed(&c.property),
                direction(language),
                content(&c.quote),
                escape(&self.href(&place.file, Some(place.line))),
                content(&place.to_string()),
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    /// Stale ledger entries and the loader's warnings.
    fn notes(&self, out: &mut String) {
        let stale = &self.report.stale;
        let diagnostics = &self.report.diagnostics;
        if stale.resolutions.is_empty() && stale.baseline.is_empty() && diagnostics.is_empty() {
            return;
        }
        out.push_str("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
        for (what, fps) in [("resolution", &stale.resolutions), ("baseline entry", &stale.baseline)] {
            for fp in fps {
                let _ = writeln!(
                    out,
                    "<li>stale {what} <code>{}</code>: no finding has this fingerprint any more</li>",
                    content(fp)
                );
            }
        }
        for d in diagnostics {
            let _ = writeln!(out, "<li><bdi>{}</bdi></li>", content(&d.to_string()));
        }
        out.push_str("</ul>\n</section>\n");
    }

    /// A link to a file of the corpus (a line of it where given), from the page's folder.
    fn href(&self, file: &Path, line: Option<usize>) -> String {
        // Absolute paths stay absolute: the user chose them.
        let target = if self.page_dir.as_os_str().is_empty() || file.is_absolute() {
            file.to_path_buf()
        } else {
            relative(self.page_dir, file)
        };
        let mut href = path_uri(&target);
        if let Some(line) = line {
            let _ = write!(href, "#L{line}");
        }
        href
    }
}

/// "1 new contradiction", or what there is when there is none.
fn verdict_line(report: &Report) -> String {
    let m = &report.summary;
    let open = if m.new > 0 {
        format!("{} new contradiction{}", m.new, if m.new == 1 { "" } else { "s" })
    } else {
        "No new contradiction".to_string()
    };
    format!(
        "{open}; {} baselined, {} resolved; {} agree, {} not comparable. {} claims from {} sources.",
        m.baselined, m.resolved, m.agree, m.not_comparable, m.claims, m.sources
    )
}

/// `file` as reached from the folder `dir`, both taken from the current folder.
fn relative(dir: &Path, file: &Path) -> PathBuf {
    let (Ok(dir), Ok(file)) = (std::path::absolute(dir), std::path::absolute(file)) else {
        return file.to_path_buf();
    };
    let (dir, file) = (normal(&dir), normal(&file));
    let common = dir.iter().zip(&file).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..dir.len() {
        out.push("..");
    }
    for part in &file[common..] {
        out.push(part);
    }
    out
}

/// Path components with `.` and `..` worked out on the text, as the browser will.
fn normal(path: &Path) -> Vec<Component<'_>> {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(parts.last(), Some(Component::Normal(_))) => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_is_escaped() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(content(r#"<a href="x">'&'</a>"#), escape(r#"<a href="x">'&'</a>"#));
    }

    #[test]
    fn hidden_characters_show_their_code_points_in_an_isolate() {
        assert_eq!(escape("a\u{202E}b"), "a⟨U+202E⟩b");
        assert_eq!(
            content("a\u{202E}b\u{200B}"),
            "a<bdi class=\"control\" title=\"U+202E, a bidirectional control, in the text here\">⟨U+202E⟩</bdi>b\
             <bdi class=\"control\" title=\"U+200B, an invisible character, in the text here\">⟨U+200B⟩</bdi>"
        );
    }

    #[test]
    fn arabic_and_persian_are_right_to_left() {
        assert_eq!(direction(Some("ar")), "rtl");
        assert_eq!(direction(Some("fa-IR")), "rtl");
        assert_eq!(direction(Some("en")), "auto");
        assert_eq!(direction(None), "auto");
    }

    #[test]
    fn links_are_relative_to_the_page() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(relative(Path::new("out"), Path::new("claims/texts/a.txt")), Path::new("../claims/texts/a.txt"));
        assert_eq!(relative(Path::new("out/./html/.."), Path::new("claims/a.txt")), Path::new("../claims/a.txt"));
        assert_eq!(relative(&cwd, Path::new("claims/a.txt")), Path::new("claims/a.txt"));
    }
}
