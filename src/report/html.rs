//! One self-contained HTML page for editors. Open contradictions come first, each with its
//! sides (the claims grouped by values that agree, the pairs that conflict named in a plain
//! sentence); decided contradictions, findings that are not comparable and agreements are
//! folded. Then the per-source counts, the source × source agreement matrix, and every
//! source text, embedded once, which quote links open at their line. Inline CSS and JS
//! only: it works offline and fetches nothing (its Content-Security-Policy forbids it).

mod sides;
mod texts;
mod words;

use super::layout::path_uri;
use super::{ClaimOut, FindingOut, Report, SourcePair, claims_of, isolate_rtl};
use crate::check::{Status, Verdict};
use crate::text::controls;
use sides::{Other, Sides, reason_words, side_label};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::path::{Component, Path, PathBuf};

const STYLE: &str = include_str!("html/style.css");
const FILTERS: &str = include_str!("html/filters.js");
const VIEWER: &str = include_str!("html/viewer.js");

/// The page, with links to the texts relative to the current folder: save it there.
pub fn render(report: &Report) -> String {
    render_in(report, Path::new(""))
}

/// The page as saved in the folder `page_dir`: links to the source texts and claims files
/// are made relative to it, so they work wherever the page is written.
pub fn render_in(report: &Report, page_dir: &Path) -> String {
    // The page shows the texts, so the report holds them: its claims are held too.
    let claims: Vec<ClaimOut> = report.claims.iter().collect();
    let page = Page {
        report,
        page_dir,
        by_id: claims.iter().map(|c| (&*c.id, c)).collect(),
        tokens: claims.iter().enumerate().map(|(i, c)| (&*c.id, format!("c{i}"))).collect(),
        claims: &claims,
        languages: report.sources.iter().map(|s| (s.id.as_str(), s.language.as_deref())).collect(),
        pairs: report
            .agreement
            .iter()
            .flat_map(|p| [((p.a.as_str(), p.b.as_str()), p), ((p.b.as_str(), p.a.as_str()), p)])
            .collect(),
    };
    let mut out = String::new();
    page.head(&mut out);
    page.filters(&mut out);
    page.findings(&mut out);
    page.summary(&mut out);
    page.missing(&mut out);
    page.notes(&mut out);
    page.texts(&mut out);
    let _ = write!(out, "<script>\n{FILTERS}</script>\n<script>\n{VIEWER}</script>\n</body>\n</html>\n");
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

/// A section of findings on the page.
struct Group {
    id: &'static str,
    title: &'static str,
    hint: &'static str,
    /// Folded: the section and each finding in it start closed.
    folded: bool,
    belongs: fn(&FindingOut) -> bool,
    /// What to say when the corpus has none (the section is left out otherwise).
    none: Option<&'static str>,
}

const GROUPS: [Group; 5] = [
    Group {
        id: "g-new",
        title: "New and re-opened contradictions",
        hint: "No editor has decided them: they fail the build. Decide each with <code>claimcheck resolve</code>, or add them to the baseline with <code>claimcheck check --write-baseline</code>.",
        folded: false,
        belongs: |f| f.verdict == Verdict::Contradict && f.status.is_none_or(Status::fails_build),
        none: Some("None: no contradiction fails the build."),
    },
    Group {
        id: "g-baselined",
        title: "Known and unresolved: in the baseline",
        hint: "Editors know these disagreements and have not resolved them; they do not fail the build.",
        folded: false,
        belongs: |f| f.status == Some(Status::Baselined),
        none: None,
    },
    Group {
        id: "g-resolved",
        title: "Resolved contradictions",
        hint: "Decided by editors, each with their reason.",
        folded: true,
        belongs: |f| f.status == Some(Status::Resolved),
        none: None,
    },
    Group {
        id: "g-not-comparable",
        title: "Not comparable",
        hint: "Claims about one fact that differ in scope, date, currency or speaker: both may hold.",
        folded: true,
        belongs: |f| f.verdict == Verdict::NotComparable,
        none: None,
    },
    Group {
        id: "g-agree",
        title: "Agreements",
        hint: "Facts on which the sources agree.",
        folded: true,
        belongs: |f| f.verdict == Verdict::Agree,
        none: None,
    },
];

struct Page<'a> {
    report: &'a Report<'a>,
    page_dir: &'a Path,
    claims: &'a [ClaimOut<'a>],
    by_id: HashMap<&'a str, &'a ClaimOut<'a>>,
    /// Claim id → a short token (`c12`) that marks its quote in the embedded text.
    tokens: HashMap<&'a str, String>,
    /// Source id → its language.
    languages: HashMap<&'a str, Option<&'a str>>,
    /// Both orders of every pair of sources → their agreement.
    pairs: HashMap<(&'a str, &'a str), &'a SourcePair>,
}

/// How a claim is shown in a finding: its label on a side, the labels of the claims it
/// contradicts, and a note.
#[derive(Default)]
struct Role {
    tag: Option<String>,
    against: Vec<String>,
    note: Option<String>,
    reopened: bool,
}

impl Page<'_> {
    fn head(&self, out: &mut String) {
        let corpus = escape(&self.report.corpus.display().to_string());
        let _ = write!(
            out,
            r##"<!DOCTYPE html>
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
<nav class="jump"><a href="#findings">Findings</a> <a href="#summary">Sources and agreement</a> <a href="#texts">Source texts</a></nav>
</header>
"##,
            version = env!("CARGO_PKG_VERSION"),
            verdict = escape(&verdict_line(self.report)),
        );
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
        let _ = write!(out, "</select></label>\n<output id=\"shown\">{total} findings</output>\n</form>\n");
    }

    fn findings(&self, out: &mut String) {
        out.push_str("<main id=\"findings\">\n");
        for group in &GROUPS {
            let findings: Vec<&FindingOut> = self.report.findings.iter().filter(|f| (group.belongs)(f)).collect();
            if findings.is_empty() && group.none.is_none() {
                continue;
            }
            let heading = format!(
                "<h2>{} <span class=\"count\" data-total=\"{n}\">({n})</span></h2>",
                group.title,
                n = findings.len()
            );
            if group.folded {
                let _ = writeln!(
                    out,
                    "<details class=\"group\" id=\"{}\">\n<summary>{heading}</summary>\n<p class=\"hint\">{}</p>",
                    group.id, group.hint
                );
            } else {
                let _ = writeln!(
                    out,
                    "<section class=\"group\" id=\"{}\">\n{heading}\n<p class=\"hint\">{}</p>",
                    group.id, group.hint
                );
            }
            if findings.is_empty() {
                let _ = writeln!(out, "<p class=\"none\">{}</p>", group.none.unwrap_or_default());
            }
            for f in findings {
                self.finding(out, f, !group.folded);
            }
            out.push_str(if group.folded { "</details>\n" } else { "</section>\n" });
        }
        out.push_str("</main>\n");
    }

    fn finding(&self, out: &mut String, f: &FindingOut, open: bool) {
        let claims = claims_of(&self.by_id, f);
        let (verdict_class, mark, word) = match f.verdict {
            Verdict::Contradict => ("contradict", "✗", "contradiction"),
            Verdict::Agree => ("agree", "✓", "agreement"),
            Verdict::NotComparable => ("not-comparable", "~", "not comparable"),
        };
        let status = f.status_label();
        let sides = (f.verdict == Verdict::Contradict).then(|| sides::of(f, &claims));
        let gist = match &sides {
            Some(s) => self.conflict_gist(f, s, &claims),
            None => self.values_gist(f, &claims),
        };
        let _ = write!(
            out,
            "<details class=\"finding {verdict_class}{status_class}\" id=\"f-{fp}\" data-verdict=\"{verdict_class}\" data-open=\"{is_open}\"{open}>\n\
             <summary><span class=\"verdict\">{mark} {word}</span>{status_pill} <h3><bdi>{fact}</bdi></h3>\
             <span class=\"gist\"><bdi>{gist}</bdi></span> <a class=\"fingerprint\" href=\"#f-{fp}\" title=\"fingerprint\">{fp}</a></summary>\n\
             <div class=\"finding-body\">\n",
            status_class = status.map_or(String::new(), |s| format!(" {s}")),
            fp = escape(&f.fingerprint),
            is_open = f.is_open(),
            open = if open { " open" } else { "" },
            status_pill = status.map_or(String::new(), |s| format!(" <span class=\"status {s}\">{s}</span>")),
            fact = mixed(&f.fact),
            gist = escape(&gist),
        );
        self.state(out, f);
        match &sides {
            Some(s) => self.sides(out, f, s),
            None => {
                let note = (f.verdict == Verdict::NotComparable).then(|| reason_words(f.reason).to_string());
                if let Some(note) = &note {
                    let _ = writeln!(out, "<p class=\"why\">Not comparable: {}.</p>", escape(note));
                }
                out.push_str("<div class=\"claims\">\n");
                for c in &claims {
                    self.claim(out, c, &Role::default());
                }
                out.push_str("</div>\n");
            }
        }
        self.pairs(out, f);
        out.push_str("</div>\n</details>\n");
    }

    /// Where the finding stands: new, re-opened and why, in the baseline, resolved and why.
    fn state(&self, out: &mut String, f: &FindingOut) {
        let fp = escape(&f.fingerprint);
        match f.status {
            Some(Status::New) | None if f.verdict == Verdict::Contradict => {
                let _ = writeln!(
                    out,
                    "<p class=\"state new\"><b>New</b>: no editor has decided it, so it fails the build. \
                     <code>claimcheck resolve {fp} --status … --note \"…\"</code></p>"
                );
            }
            Some(Status::Reopened) => {
                let _ = writeln!(
                    out,
                    "<p class=\"state reopened\"><b>Re-opened</b>: decided before, but a claim states a value no editor decided. \
                     <code>claimcheck resolve {fp} --status … --note \"…\"</code></p>\n<ul class=\"reopened\">"
                );
                for r in &f.reopened {
                    let _ = writeln!(
                        out,
                        "<li><bdi>{}</bdi> (<bdi>{}</bdi>): <bdi>{}</bdi></li>",
                        content(&r.claim),
                        content(&r.source),
                        mixed(&r.why)
                    );
                }
                out.push_str("</ul>\n");
            }
            Some(Status::Baselined) => {
                out.push_str(
                    "<p class=\"state baselined\"><b>In the baseline</b>: known and unresolved; it does not fail the build.</p>\n",
                );
            }
            _ => {}
        }
        if let Some(r) = &f.resolution {
            // A re-opened finding shows what was decided before.
            let what = if f.status == Some(Status::Resolved) { "Resolved" } else { "Decided before" };
            let _ = writeln!(
                out,
                "<p class=\"state resolution\"><b>{what}</b> as <i>{}</i> on {}: <bdi>{}</bdi></p>",
                content(&r.status),
                content(&r.date),
                mixed(&r.note)
            );
        }
    }

    /// The sentences that name each conflict, the sides, and the claims in no conflict.
    fn sides(&self, out: &mut String, f: &FindingOut, s: &Sides) {
        let spans_facts = spans_facts(&f.claims, &self.by_id);
        let reopeners: HashSet<&str> = f.reopened.iter().map(|r| r.claim.as_str()).collect();
        out.push_str("<ul class=\"conflicts\">\n");
        if f.reason == "shares-exceed-whole" {
            let claims: Vec<&ClaimOut> = s.sides.iter().flatten().copied().collect();
            let total: f64 = claims.iter().filter_map(|c| c.normalized.as_ref()?.lo.as_f64()).sum();
            let parts: Vec<String> = claims.iter().map(|c| self.stated(c, f, s, spans_facts, f.reason)).collect();
            let _ = writeln!(
                out,
                "<li>{}: together at least {}%, more than the whole</li>",
                parts.join(" + "),
                escape(&words::figure(total))
            );
        } else {
            for c in &s.conflicts {
                let more = match c.more {
                    0 => String::new(),
                    1 => "; and 1 more pair between these sides".to_string(),
                    n => format!("; and {n} more pairs between these sides"),
                };
                let _ = writeln!(
                    out,
                    "<li>{} against {}: {}{more}</li>",
                    self.stated(c.a, f, s, spans_facts, c.reason),
                    self.stated(c.b, f, s, spans_facts, c.reason),
                    escape(reason_words(c.reason)),
                );
            }
        }
        out.push_str("</ul>\n<div class=\"sides\">\n");
        for (i, side) in s.sides.iter().enumerate() {
            let mut values: Vec<String> = side.iter().map(|c| words::value(c)).collect();
            values.dedup();
            let label = side_label(i);
            let fact = if spans_facts { fact_part(side[0], &self.by_id, f) } else { String::new() };
            let _ = writeln!(
                out,
                "<section class=\"side\" aria-label=\"side {label}\">\n<h4><span class=\"side-label\">{label}</span> <bdi>{}</bdi>{} \
                 <span class=\"n\">{} claim{}</span></h4>",
                escape(&values.join(" · ")),
                if fact.is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"context\"><bdi>{}</bdi></span>", mixed(&fact))
                },
                side.len(),
                if side.len() == 1 { "" } else { "s" },
            );
            for c in side {
                let role = Role {
                    tag: s.tags.get(&*c.id).cloned(),
                    against: s.against.get(&*c.id).cloned().unwrap_or_default(),
                    note: None,
                    reopened: reopeners.contains(&*c.id),
                };
                self.claim(out, c, &role);
            }
            out.push_str("</section>\n");
        }
        out.push_str("</div>\n");
        if !s.others.is_empty() {
            // Folded: they are not the conflict. Their values show on the folded line.
            let mut values: Vec<String> = Vec::new();
            for (c, _) in &s.others {
                let v = words::value(c);
                if !values.contains(&v) {
                    values.push(v);
                }
            }
            let _ = writeln!(
                out,
                "<details class=\"others\">\n<summary><b>In no conflict</b> <span class=\"n\">{} claim{}: <bdi>{}</bdi></span></summary>",
                s.others.len(),
                if s.others.len() == 1 { "" } else { "s" },
                escape(&values.join(" · ")),
            );
            for (c, other) in &s.others {
                let note = match other {
                    Other::Agrees(with) => {
                        let labels: Vec<String> = with.iter().map(|&i| side_label(i)).collect();
                        format!("agrees with {}: less precise", join_and(&labels))
                    }
                    Other::NotComparable(reason) => format!("not compared: {}", reason_words(reason)),
                };
                let role = Role { note: Some(note), reopened: reopeners.contains(&*c.id), ..Role::default() };
                self.claim(out, c, &role);
            }
            out.push_str("</details>\n");
        }
    }

    /// A claim in a sentence: `A1 70.2% (alifba-kazakhstan-2022, line 99)`.
    /// With who said it when the speakers differ, and its date when a running total fell.
    fn stated(&self, c: &ClaimOut, f: &FindingOut, s: &Sides, spans_facts: bool, reason: &str) -> String {
        let tag = s.tags.get(&*c.id).map_or(String::new(), |t| format!("<span class=\"tag\">{t}</span> "));
        let mut about = Vec::new();
        if spans_facts {
            about.push(format!("<bdi>{}</bdi>", mixed(&fact_part(c, &self.by_id, f))));
        }
        about.push(format!("<bdi>{}</bdi>", content(&c.source)));
        if matches!(reason, "speakers-disagree" | "source-vs-speaker") {
            about
                .push(format!("per <bdi>{}</bdi>", content(c.attributed_to.as_deref().unwrap_or("the source itself"))));
        }
        if let (Some(as_of), "cumulative-decreased") = (&c.as_of, reason) {
            about.push(format!("as of <bdi>{}</bdi>", escape(as_of)));
        }
        about.push(self.line_link(c));
        if let Some(converted) = words::converted(c) {
            about.insert(0, escape(&converted));
        }
        format!("{tag}<b class=\"value\"><bdi>{}</bdi></b> ({})", escape(&words::value(c)), about.join(", "))
    }

    /// The first conflict in words, for the folded line: `70.2% against more than 75%`.
    fn conflict_gist(&self, f: &FindingOut, s: &Sides, claims: &[&ClaimOut]) -> String {
        if f.reason == "shares-exceed-whole" {
            let parts: Vec<String> = claims.iter().map(|c| words::value(c)).collect();
            return format!("{}: more than the whole", parts.join(" + "));
        }
        let Some(first) = s.conflicts.first() else { return reason_words(f.reason).to_string() };
        let more = if s.conflicts.len() > 1 { format!(" (and {} more)", s.conflicts.len() - 1) } else { String::new() };
        format!("{} against {}{more}", words::value(first.a), words::value(first.b))
    }

    /// The values stated, for the folded line of an agreement or a finding not comparable.
    fn values_gist(&self, f: &FindingOut, claims: &[&ClaimOut]) -> String {
        let mut values: Vec<String> = Vec::new();
        for c in claims {
            let v = words::value(c);
            if !values.contains(&v) {
                values.push(v);
            }
        }
        let mut sources: Vec<&str> = claims.iter().map(|c| &*c.source).collect();
        sources.sort_unstable();
        sources.dedup();
        let values = if values.len() > 4 { format!("{} …", values[..4].join(" · ")) } else { values.join(" · ") };
        let n = sources.len();
        let sources = format!("{n} source{}", if n == 1 { "" } else { "s" });
        match f.verdict {
            Verdict::NotComparable => format!("{values} ({}; {sources})", reason_words(f.reason)),
            _ => format!("{values} ({sources})"),
        }
    }

    /// Each pair as the checker compared it, in its own terms, folded.
    fn pairs(&self, out: &mut String, f: &FindingOut) {
        let _ = writeln!(
            out,
            "<details class=\"pairs\"><summary>How the checker compared each pair ({})</summary>\n<p class=\"why\"><b>{}</b>: <bdi>{}</bdi></p>\n<ul>",
            f.pairs.len(),
            escape(f.reason),
            mixed(&f.explanation)
        );
        for p in f.pairs.iter() {
            let _ = writeln!(
                out,
                "<li><bdi>{}</bdi> — <bdi>{}</bdi>: <b>{}</b> <bdi>{}</bdi></li>",
                content(p.a),
                content(p.b),
                escape(p.reason),
                mixed(&p.explanation)
            );
        }
        out.push_str("</ul></details>\n");
    }

    fn claim(&self, out: &mut String, c: &ClaimOut, role: &Role) {
        let language = self.languages.get(&*c.source).copied().flatten();
        let context = c.context();
        let context = if context.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"context\"><bdi>{}</bdi></span>", escape(&context.join(", ")))
        };
        let tag = role.tag.as_ref().map_or(String::new(), |t| format!("<span class=\"tag\">{t}</span> "));
        let against = if role.against.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"against\" title=\"contradicts\">✗ {}</span>", role.against.join(" "))
        };
        let note = role.note.as_ref().map_or(String::new(), |n| format!(" <span class=\"note\">{}</span>", escape(n)));
        let reopened = if role.reopened { " <span class=\"status reopened\">re-opened it</span>" } else { "" };
        let quote_place = c.quote_location.as_ref().map_or_else(
            || "quote not found in the text".to_string(),
            |p| format!("quote at <bdi>{}</bdi>", escape(&p.to_string())),
        );
        let _ = write!(
            out,
            "<div class=\"claim{conflict}{reopener}\" data-source=\"{source}\">\n\
             <div class=\"meta\">{tag}<b class=\"value\"><bdi>{value}</bdi></b> <span class=\"source\"><bdi>{source}</bdi></span>{context}{against}{note}{reopened} {link}</div>\n\
             <blockquote dir=\"{dir}\"{lang}>{quote}</blockquote>\n\
             <div class=\"ref\">claim <bdi>{id}</bdi> (<code><bdi>{written}</bdi></code>) at <a href=\"{claim_href}\"><bdi>{claim_place}</bdi></a>; {quote_place}</div>\n\
             </div>\n",
            conflict = if role.against.is_empty() { "" } else { " conflict" },
            reopener = if role.reopened { " reopener" } else { "" },
            source = escape(&c.source),
            value = escape(&words::value(c)),
            link = self.line_link(c),
            dir = direction(language),
            lang = language.map_or(String::new(), |l| format!(" lang=\"{}\"", escape(l))),
            quote = quote_html(c, "mark"),
            id = content(&c.id),
            written = content(&c.value_text()),
            claim_href = escape(&self.href(&c.claim_location.file, None)),
            claim_place = escape(&c.claim_location.to_string()),
        );
    }

    /// `line 99`, linking to the quote's line in the embedded text (to the claims file when
    /// the quote was not found).
    fn line_link(&self, c: &ClaimOut) -> String {
        match &c.quote_location {
            Some(p) => format!(
                "<a class=\"at\" href=\"{href}\" data-claim=\"{token}\" title=\"show {file} at line {line}\">line {line}</a>",
                href = escape(&texts::line_href(&c.source, p.line)),
                token = self.tokens.get(&*c.id).map_or("", String::as_str),
                file = escape(&p.file.display().to_string()),
                line = p.line,
            ),
            None => format!(
                "<a class=\"at\" href=\"{}\" title=\"the quote was not found in the text\">claim, line {}</a>",
                escape(&self.href(&c.claim_location.file, None)),
                c.claim_location.line
            ),
        }
    }

    fn summary(&self, out: &mut String) {
        let m = &self.report.summary;
        out.push_str("<section id=\"summary\">\n<h2>Sources and agreement</h2>\n<dl class=\"totals\">\n");
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
                "<tr><th scope=\"row\"><bdi>{id}</bdi></th><td dir=\"auto\"{lang}>{title}</td><td><a href=\"{view}\">read</a> · <a href=\"{href}\"><bdi>{text}</bdi></a></td>\
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
                view = escape(&texts::line_href(&s.id, 1)),
                href = escape(&self.href(&s.text, None)),
                text = content(&s.text.display().to_string()),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    /// Rows and columns are the sources; a cell counts the facts both state, by verdict, and
    /// is coloured by the share of contradictions among those that could be compared.
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
        out.push_str(
            "<h3>Agreement between sources</h3>\n<p class=\"hint\">Facts both sources state: ✓ agree, ✗ contradict, ~ not comparable. \
             The colour is the share of contradictions among the facts they agree or disagree on.</p>\n\
             <table class=\"matrix\">\n<thead><tr><td></td>",
        );
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
                        let judged = p.agree + p.contradict;
                        let (class, share) = match share_bucket(p.contradict, judged) {
                            Some(bucket) => {
                                let pct = (100 * p.contradict + judged / 2) / judged;
                                (format!("share-{bucket}"), format!("{pct}%"))
                            }
                            None => ("share-none".to_string(), "–".to_string()),
                        };
                        let _ = write!(
                            out,
                            "<td class=\"{class}\" title=\"{a} × {b}: {} agree, {} contradict, {} not comparable; {share} contradict\">\
                             <span class=\"n-agree\">{} ✓</span> <span class=\"n-contradict\">{} ✗</span> <span class=\"n-nc\">{} ~</span>\
                             <span class=\"share\">{share} ✗</span></td>",
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
        out.push_str(
            "</tbody>\n</table>\n<p class=\"legend\"><span class=\"share-0\">no contradiction</span> <span class=\"share-1\">up to 10%</span> \
             <span class=\"share-2\">up to 25%</span> <span class=\"share-3\">up to 50%</span> <span class=\"share-4\">more than half</span></p>\n",
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
            let Some(c) = self.by_id.get(&**id) else { continue };
            let language = self.languages.get(&*c.source).copied().flatten();
            let _ = writeln!(
                out,
                "<tr><td><bdi>{}</bdi></td><td><bdi>{} · {}</bdi></td><td dir=\"{}\">{}</td><td><bdi>{}</bdi> {}</td></tr>",
                escape(id),
                mixed(&c.subject),
                mixed(&c.property),
                direction(language),
                content(&c.quote),
                content(&c.source),
                self.line_link(c),
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
            for e in fps {
                let _ = writeln!(
                    out,
                    "<li>stale {what} <code>{}</code> (<bdi>{}</bdi>): no contradiction has this fingerprint any more</li>",
                    content(&e.fingerprint),
                    mixed(&e.fact)
                );
            }
        }
        for d in diagnostics {
            let _ = writeln!(out, "<li><bdi>{}</bdi></li>", content(&d.to_string()));
        }
        out.push_str("</ul>\n</section>\n");
    }

    /// Every source's text, folded, its quotes marked; and the dialog that shows one at a line.
    fn texts(&self, out: &mut String) {
        out.push_str(
            "<section id=\"texts\">\n<h2>Source texts</h2>\n<p class=\"hint\">Each text as extracted, private-use digits decoded; \
             quotes are underlined. A quote's <i>line</i> link shows its text at that line.</p>\n",
        );
        let mut quotes: HashMap<&str, Vec<texts::Quote>> = HashMap::new();
        for c in self.claims {
            if let (Some(span), Some(token)) = (c.quote_span, self.tokens.get(&*c.id)) {
                quotes.entry(&*c.source).or_default().push(texts::Quote { start: span.start, end: span.end, token });
            }
        }
        for s in &self.report.sources {
            let lines = texts::lines(&s.body).count();
            let path = s.text.display().to_string();
            let _ = write!(
                out,
                "<details class=\"text\" id=\"{holder}\" data-label=\"{label}\" data-href=\"{href}\">\n\
                 <summary><b><bdi>{id}</bdi></b> <span dir=\"auto\"{lang}>{title}</span> <span class=\"hint\">{lines} lines, <bdi>{path}</bdi></span></summary>\n\
                 <pre class=\"text\" dir=\"{dir}\"{lang}>",
                holder = texts::holder_id(&s.id),
                label = escape(&format!("{} · {}", s.id, path)),
                href = escape(&self.href(&s.text, None)),
                id = escape(&s.id),
                title = content(&s.title),
                lang = s.language.as_deref().map_or(String::new(), |l| format!(" lang=\"{}\"", escape(l))),
                path = escape(&path),
                dir = direction(s.language.as_deref()),
            );
            texts::text_html(out, &s.id, &s.body, &s.glyphs, quotes.get(s.id.as_str()).map_or(&[], Vec::as_slice));
            out.push_str("</pre>\n</details>\n");
        }
        out.push_str(
            "</section>\n<dialog id=\"viewer\" aria-labelledby=\"viewer-title\">\n<header><h2 id=\"viewer-title\">Source text</h2> \
             <a class=\"raw\" href=\"\">the file</a> <form method=\"dialog\"><button type=\"submit\" autofocus>Close</button></form></header>\n\
             <div class=\"viewer-body\"></div>\n</dialog>\n",
        );
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

/// 0 for no contradiction, then up to 10%, 25%, 50%, and more; None with nothing judged.
fn share_bucket(contradict: usize, judged: usize) -> Option<usize> {
    if judged == 0 {
        return None;
    }
    if contradict == 0 {
        return Some(0);
    }
    let share = contradict as f64 / judged as f64;
    Some(match share {
        s if s <= 0.10 => 1,
        s if s <= 0.25 => 2,
        s if s <= 0.50 => 3,
        _ => 4,
    })
}

/// Whether a finding's claims are about more than one fact (a part and its whole, shares).
fn spans_facts(claims: &[super::ClaimId], by_id: &HashMap<&str, &ClaimOut>) -> bool {
    let mut facts = claims.iter().filter_map(|id| by_id.get(&**id)?.fact.as_deref());
    let first = facts.next();
    facts.any(|f| Some(f) != first)
}

/// What tells a claim's fact apart from the finding's others: `group=muslims`.
fn fact_part(c: &ClaimOut, by_id: &HashMap<&str, &ClaimOut>, f: &FindingOut) -> String {
    let Some(fact) = &c.fact else { return String::new() };
    let others: Vec<&str> = f.claims.iter().filter_map(|id| by_id.get(&**id)?.fact.as_deref()).collect();
    let parts: Vec<&str> =
        fact.split(" · ").filter(|part| !others.iter().all(|o| o.split(" · ").any(|p| p == *part))).collect();
    if parts.is_empty() { fact.to_string() } else { parts.join(" · ") }
}

/// `A`, `A and B`, `A, B and C`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
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
