//! Problems found in a corpus: each names a file, a line and a column, and says what to do.

use crate::text::visible;
use serde::Serialize;
use std::fmt;
use std::path::PathBuf;

/// The most of a user's text a message quotes between `…`, «…» or "…", in characters (a
/// quote or its nearest passage fits); a 100,000-digit value is shown by its ends and its
/// length.
const QUOTED_MAX: usize = 160;
/// How much of a longer stretch is kept: its start, and its end.
const KEPT_HEAD: usize = 120;
const KEPT_TAIL: usize = 30;
/// The most characters a message or a help says.
const MESSAGE_MAX: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        let message = clip(&message.into());
        Diagnostic { severity: Severity::Error, file: file.into(), line, column, message, help: None }
    }

    pub fn warning(file: impl Into<PathBuf>, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, (line, column), message) }
    }

    /// serde_json's message at serde_json's position, without the "at line … column …" it
    /// appends (the diagnostic shows the position itself).
    pub fn from_json(file: impl Into<PathBuf>, e: &serde_json::Error) -> Self {
        let message = e.to_string();
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
        Diagnostic::error(file, (e.line().max(1), e.column().max(1)), message)
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(clip(&help.into()));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // What a corpus wrote is shown as it is: no bidi control may reorder the line, no
        // terminal control may act on the terminal.
        let file = self.file.display().to_string();
        write!(f, "{}:{}:{}: {label}: {}", visible(&file), self.line, self.column, visible(&self.message))?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", visible(help))?;
        }
        Ok(())
    }
}

/// Diagnostics in a stable order: by file, position, then message.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, &a.message).cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
    });
}

/// A message with long quoted stretches cut to their ends and its length capped.
fn clip(message: &str) -> String {
    let chars: Vec<char> = message.chars().collect();
    let mut out = String::with_capacity(message.len().min(4 * MESSAGE_MAX));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let close = match c {
            '`' | '"' => c,
            '«' => '»',
            _ => {
                out.push(c);
                i += 1;
                continue;
            }
        };
        let Some(len) = chars[i + 1..].iter().position(|&d| d == close) else {
            out.push(c);
            i += 1;
            continue;
        };
        let inner = &chars[i + 1..i + 1 + len];
        out.push(c);
        if len > QUOTED_MAX {
            out.extend(&inner[..KEPT_HEAD]);
            out.push('…');
            out.extend(&inner[len - KEPT_TAIL..]);
            out.push(close);
            out.push_str(&format!(" ({len} characters)"));
        } else {
            out.extend(inner);
            out.push(close);
        }
        i += len + 2;
    }
    if out.chars().count() > MESSAGE_MAX {
        out = out.chars().take(MESSAGE_MAX - 1).collect();
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quoted_input_is_cut_to_its_ends() {
        let digits = "1234567890".repeat(10_000);
        let d = Diagnostic::error("f.json", (1, 1), format!("value `{digits}` does not read: found \"{digits}\""));
        assert_eq!(
            d.message,
            format!(
                "value `{}…{}` (100000 characters) does not read: found \"{}…{}\" (100000 characters)",
                &digits[..120],
                &digits[..30],
                &digits[..120],
                &digits[..30]
            )
        );
        let d = Diagnostic::error("f.json", (1, 1), "x".repeat(5000)).help(format!("«{}»", "ب".repeat(190)));
        assert_eq!(d.message.chars().count(), MESSAGE_MAX);
        assert!(d.help.unwrap().ends_with(&format!("…{}» (190 characters)", "ب".repeat(30))));
        // Short quotes and unbalanced marks are left alone.
        assert_eq!(Diagnostic::error("f", (1, 1), "a `b` \"c").message, "a `b` \"c");
    }

    #[test]
    fn controls_in_messages_show_as_code_points() {
        let d = Diagnostic::error("s\u{202E}.json", (2, 3), "unknown entity `a\u{202E}b\u{1B}[2J`").help("x\u{2066}");
        assert_eq!(
            d.to_string(),
            "s⟨U+202E⟩.json:2:3: error: unknown entity `a⟨U+202E⟩b⟨U+001B⟩[2J`\n  help: x⟨U+2066⟩"
        );
    }
}
