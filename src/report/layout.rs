//! What every renderer shares: a claim's value, place, context and quote pieces, a
//! finding's status, verdict labels, right-to-left isolation, and file links.

use super::{ClaimOut, FindingOut, Place};
use crate::check::{Status, Verdict};
use crate::corpus::raw::RawValue;
use std::collections::HashMap;

impl ClaimOut<'_> {
    /// The value as written, without JSON quotes: `~2500`, `[russia, belarus]`.
    pub fn value_text(&self) -> String {
        match &*self.value {
            RawValue::One(s) if self.compared_in.is_some() => {
                format!("{s} {}", self.unit.as_deref().unwrap_or_default())
            }
            value => value.to_string(),
        }
    }

    /// Where to read the claim: its quote in the source text, or the claim itself when the
    /// quote was not found.
    pub fn quote_place(&self) -> &Place {
        self.quote_location.as_ref().unwrap_or(&self.claim_location)
    }

    /// The quote cut at the value's mentions: `(text, is_value)` pieces, in order.
    pub fn quote_parts(&self) -> Vec<(&str, bool)> {
        let mut parts = Vec::new();
        let mut at = 0;
        for span in &self.value_in_quote {
            let (Some(before), Some(value)) = (self.quote.get(at..span.start), self.quote.get(span.start..span.end))
            else {
                continue;
            };
            parts.push((before, false));
            parts.push((value, true));
            at = span.end;
        }
        parts.push((self.quote.get(at..).unwrap_or_default(), false));
        parts.retain(|(s, _)| !s.is_empty());
        parts
    }

    /// Scope, date and speaker, which tell claims of one fact apart: `scope: first wave, per tokayev`.
    pub fn context(&self) -> Vec<String> {
        let mut context = Vec::new();
        if let Some(converted) = &self.converted {
            context.push(format!("= {converted}"));
        }
        if let Some(scope) = self.qualifiers.get(crate::graph::SCOPE) {
            context.push(format!("scope: {scope}"));
        }
        if let Some(a) = &self.as_of {
            context.push(format!("as of {a}"));
        }
        if let Some(a) = &self.attributed_to {
            context.push(format!("per {a}"));
        }
        context
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

impl FindingOut<'_> {
    /// A contradiction nobody has decided: new, reopened or baselined.
    pub fn is_open(&self) -> bool {
        self.verdict == Verdict::Contradict && self.status != Some(Status::Resolved)
    }

    /// A new or re-opened contradiction, one that fails `check`.
    pub fn is_new(&self) -> bool {
        self.status.is_some_and(Status::fails_build)
    }

    /// `new`, `reopened`, `baselined` or `resolved`; none for findings nobody needs to decide.
    pub fn status_label(&self) -> Option<&'static str> {
        self.status.map(|s| match s {
            Status::New => "new",
            Status::Reopened => "reopened",
            Status::Baselined => "baselined",
            Status::Resolved => "resolved",
        })
    }

    /// Why the finding is open again, in one line.
    pub fn reopened_text(&self) -> Option<String> {
        (!self.reopened.is_empty()).then(|| {
            self.reopened.iter().map(|r| format!("{} ({}) {}", r.claim, r.source, r.why)).collect::<Vec<_>>().join("; ")
        })
    }
}

/// A finding's claims in its order, looked up in claims a renderer holds by id.
pub fn claims_of<'a>(by_id: &HashMap<&str, &'a ClaimOut<'a>>, finding: &FindingOut) -> Vec<&'a ClaimOut<'a>> {
    finding.claims.iter().filter_map(|id| by_id.get(&**id).copied()).collect()
}

/// A verdict's mark and name, as every report shows it.
pub fn verdict_label(verdict: Verdict) -> (&'static str, &'static str) {
    match verdict {
        Verdict::Contradict => ("✗", "contradict"),
        Verdict::Agree => ("✓", "agree"),
        Verdict::NotComparable => ("~", "not comparable"),
    }
}

/// Runs of right-to-left text wrapped in Unicode isolates (FSI … PDI), so that in a
/// left-to-right line "حوالي ١٩ مليون = 17100000..20900000" keeps its order: without them the
/// figures after the Arabic join its run and are shown before it.
pub fn isolate_rtl(s: &str) -> String {
    let is_rtl = |c: char| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}');
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find(is_rtl) {
        out.push_str(&rest[..start]);
        // The run goes on through neutrals and digits up to the last RTL character before
        // the next left-to-right letter.
        let mut end = start;
        for (i, c) in rest[start..].char_indices() {
            if is_rtl(c) {
                end = start + i + c.len_utf8();
            } else if c.is_alphabetic() {
                break;
            }
        }
        out.push('\u{2068}');
        out.push_str(&rest[start..end]);
        out.push('\u{2069}');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Whitespace runs (line breaks in quotes) as one space.
pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A path as a URI reference: relative paths stay relative (to where the report is read),
/// absolute ones become `file://` URIs; everything outside the unreserved set is escaped.
pub(super) fn path_uri(path: &std::path::Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut uri = String::with_capacity(text.len());
    if text.starts_with('/') {
        uri.push_str("file://");
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => uri.push(b as char),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_runs_are_isolated() {
        assert_eq!(
            isolate_rtl("a حوالي ١٩ مليون = 17100000..20900000, b بين 2 و3 مليار"),
            "a \u{2068}حوالي ١٩ مليون\u{2069} = 17100000..20900000, b \u{2068}بين 2 و3 مليار\u{2069}"
        );
        assert_eq!(isolate_rtl("kazakhstan · population"), "kazakhstan · population");
    }
}
