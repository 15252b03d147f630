//! GitHub Actions workflow commands: an annotation on the claims file for each open
//! contradiction (`::error` when new or reopened, `::warning` when baselined), a warning
//! for each of the loader's warnings, and one `::notice` with the totals.

use super::layout::one_line;
use super::{ClaimOut, FindingOut, Report};
use std::fmt::Write;
use std::path::Path;

pub fn render(report: &Report) -> String {
    // Bidi controls and invisible characters of the corpus show as their code points.
    let report = &report.visible();
    let mut out = String::new();
    for f in report.findings.iter().filter(|f| f.is_open()) {
        let claims = report.claims.of(f);
        let Some(first) = claims.first() else { continue };
        let (command, what) = if f.is_new() {
            ("error", if f.reopened.is_empty() { "New contradiction" } else { "Reopened contradiction" })
        } else {
            ("warning", "Baselined contradiction")
        };
        let place = &first.claim_location;
        let title = format!("{what}: {}", f.fact);
        annotate(&mut out, command, (&place.file, place.line, place.column), &title, &message(f, &claims));
    }
    for d in &report.diagnostics {
        let message = match &d.help {
            Some(help) => format!("{}\nhelp: {help}", d.message),
            None => d.message.clone(),
        };
        annotate(&mut out, "warning", (&d.file, d.line, d.column), "claimcheck", &message);
    }
    let m = &report.summary;
    let _ = writeln!(
        out,
        "::notice title=claimcheck::{}",
        data(&format!(
            "{} new contradiction(s), {} baselined, {} resolved; {} agree, {} not comparable; {} claims from {} sources.",
            m.new, m.baselined, m.resolved, m.agree, m.not_comparable, m.claims, m.sources
        ))
    );
    out
}

/// One workflow command on a place in a file.
fn annotate(out: &mut String, command: &str, (file, line, column): (&Path, usize, usize), title: &str, message: &str) {
    let _ = writeln!(
        out,
        "::{command} file={},line={line},col={column},title={}::{}",
        property(&file.display().to_string()),
        property(title),
        data(message)
    );
}

/// The annotation's body: the reason, then each claim's value, source, place and quote.
fn message(f: &FindingOut, claims: &[ClaimOut]) -> String {
    let mut lines = vec![format!("{}: {}", f.reason, f.explanation)];
    if let Some(why) = f.reopened_text() {
        lines.push(format!("reopened by a value no editor decided: {why}"));
    }
    for c in claims {
        lines.push(format!("{} {} ({}) {}: «{}»", c.value_text(), c.source, c.id, c.quote_place(), one_line(&c.quote)));
    }
    lines.push(format!("fingerprint {}", f.fingerprint));
    lines.join("\n")
}

/// A command's message: `%`, CR and LF are escaped, as the runner requires.
pub fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value (`file=`, `title=`): also `:` and `,`, which end properties.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_escaped_as_the_runner_reads_them() {
        assert_eq!(data("100% sure\r\nnext: a, b"), "100%25 sure%0D%0Anext: a, b");
        assert_eq!(property("a: b, 5%\n"), "a%3A b%2C 5%25%0A");
    }
}
