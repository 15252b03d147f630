//! The report with every character that hides itself shown as its code point (see
//! [`crate::text::controls`]): renderers for people (text, Markdown, SARIF, GitHub, DOT)
//! lay out this copy, so a bidi override in a quote, a note or an id cannot make a
//! reviewer read something the corpus does not say. JSON keeps the text as written.

use super::{ClaimId, ClaimOut, FindingOut, Pairs, Place, Report, Span};
use crate::corpus::raw::RawValue;
use crate::text::controls::{self, visible};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Shows the hidden characters of a text in place. A text that hides nothing is left as it
/// is: a shared id keeps its one allocation, a borrowed text stays borrowed.
fn show<T: std::ops::Deref<Target = str> + From<String>>(s: &mut T) {
    if let Cow::Owned(shown) = visible(s) {
        *s = shown.into();
    }
}

/// A path with its hidden characters shown, when it has any.
fn shown_path(p: &Path) -> Option<PathBuf> {
    match visible(&p.to_string_lossy()) {
        std::borrow::Cow::Owned(shown) => Some(PathBuf::from(shown)),
        std::borrow::Cow::Borrowed(_) => None,
    }
}

fn show_path(p: &mut PathBuf) {
    if let Some(shown) = shown_path(p) {
        *p = shown;
    }
}

fn show_place(p: &mut Place) {
    if let Some(shown) = shown_path(&p.file) {
        p.file = shown.into();
    }
}

impl<'a> Report<'a> {
    /// The report for people to read: itself when [`Report::into_visible`] made it so,
    /// otherwise a copy.
    pub fn visible(&self) -> std::borrow::Cow<'_, Report<'a>> {
        if self.visible {
            return std::borrow::Cow::Borrowed(self);
        }
        std::borrow::Cow::Owned(self.clone().into_visible())
    }

    /// The report for people to read, made in place: no copy of a large report.
    pub fn into_visible(mut self) -> Report<'a> {
        let r = &mut self;
        if r.visible {
            return self;
        }
        r.visible = true;
        show_path(&mut r.corpus);
        for s in &mut r.sources {
            show(&mut s.id);
            show(&mut s.title);
            show_path(&mut s.text);
            if let Some(l) = &mut s.language {
                show(l);
            }
        }
        for p in &mut r.agreement {
            show(&mut p.a);
            show(&mut p.b);
        }
        r.claims.visible = true;
        let mut ids = None;
        for f in &mut r.findings {
            f.show_hidden_sharing(&mut ids);
        }
        r.missing.iter_mut().for_each(show);
        for l in &mut r.links {
            l.facts.iter_mut().chain(&mut l.claims).for_each(show);
            show(&mut l.evidence);
            show(&mut l.suggestion);
        }
        for e in r.stale.resolutions.iter_mut().chain(&mut r.stale.baseline) {
            show(&mut e.fingerprint);
            show(&mut e.fact);
        }
        for d in &mut r.diagnostics {
            show_path(&mut d.file);
            show(&mut d.message);
            if let Some(h) = &mut d.help {
                show(h);
            }
        }
        self
    }
}

impl ClaimOut<'_> {
    /// Shows the hidden characters of every field; the spans of the value follow the quote.
    pub fn show_hidden(&mut self) {
        show(&mut self.id);
        show(&mut self.source);
        show(&mut self.subject);
        show(&mut self.property);
        // Rebuilt only when a key or value hides something: most hide nothing.
        if self.qualifiers.iter().any(|(k, v)| controls::hides(k) || controls::hides(v)) {
            self.qualifiers = Cow::Owned(
                self.qualifiers.iter().map(|(k, v)| (visible(k).into_owned(), visible(v).into_owned())).collect(),
            );
        }
        let value_hides = match &*self.value {
            RawValue::One(s) => controls::hides(s),
            RawValue::Many(items) => items.iter().any(|s| controls::hides(s)),
        };
        if value_hides {
            match self.value.to_mut() {
                RawValue::One(s) => show(s),
                RawValue::Many(items) => items.iter_mut().for_each(show),
            }
        }
        [&mut self.unit, &mut self.compared_in, &mut self.as_of].into_iter().flatten().for_each(show);
        [&mut self.converted, &mut self.quote_as_written].into_iter().flatten().for_each(show);
        for id in [&mut self.attributed_to, &mut self.fact].into_iter().flatten() {
            show(id);
        }
        // Most quotes hide nothing: those keep their shared text and spans.
        if controls::hides(&self.quote) {
            let (quote, at) = controls::visible_with_offsets(&self.quote);
            for s in &mut self.value_in_quote {
                *s = Span { start: at.at(s.start), end: at.at(s.end) };
            }
            self.quote = quote.into();
        }
        if let Some(p) = &mut self.quote_location {
            show_place(p);
        }
        show_place(&mut self.claim_location);
    }
}

/// A table of claim ids, and the same table as shown.
type ShownIds = Option<(Arc<[ClaimId]>, Arc<[ClaimId]>)>;

impl FindingOut<'_> {
    pub fn show_hidden(&mut self) {
        self.show_hidden_sharing(&mut None);
    }

    /// [`FindingOut::show_hidden`], showing the table of claim ids that the findings of a
    /// report share only once: `ids` keeps it as shown, for the next finding.
    fn show_hidden_sharing(&mut self, ids: &mut ShownIds) {
        show(&mut self.fact);
        show(&mut self.explanation);
        for r in &mut self.reopened {
            show(&mut r.claim);
            show(&mut r.source);
            show(&mut r.why);
        }
        if let Some(r) = &mut self.resolution {
            show(&mut r.status);
            show(&mut r.note);
            show(&mut r.date);
            for v in &mut r.values {
                show(&mut v.value);
                v.claims.iter_mut().for_each(show);
            }
        }
        self.claims.iter_mut().for_each(show);
        self.pairs.show_hidden(ids);
    }
}

impl Pairs<'_> {
    fn show_hidden(&mut self, shown: &mut ShownIds) {
        self.visible = true;
        match shown {
            Some((from, to)) if Arc::ptr_eq(from, &self.ids) => self.ids = to.clone(),
            _ => {
                let to: Arc<[ClaimId]> = self
                    .ids
                    .iter()
                    .map(|id| {
                        let mut id = id.clone();
                        show(&mut id);
                        id
                    })
                    .collect();
                *shown = Some((std::mem::replace(&mut self.ids, to.clone()), to));
            }
        }
    }
}

impl super::explain::Explanation<'_> {
    /// A copy of the explanation for people to read.
    pub fn visible(&self) -> Self {
        let mut e = self.clone();
        e.finding.show_hidden();
        let f = &mut e.fact;
        for s in [&mut f.key, &mut f.subject, &mut f.subject_label, &mut f.property] {
            show(s);
        }
        f.qualifiers = std::mem::take(&mut f.qualifiers)
            .into_iter()
            .map(|(k, v)| (visible(&k).into_owned(), visible(&v).into_owned()))
            .collect();
        [&mut f.unit, &mut f.description].into_iter().flatten().for_each(show);
        for c in &mut e.claims {
            c.claim.show_hidden();
            [&mut c.interval, &mut c.note].into_iter().flatten().for_each(show);
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// What the claim file wrote is shown with its hidden characters, in every field that
    /// borrows from the corpus; a field that hides nothing stays borrowed.
    #[test]
    fn a_claims_borrowed_fields_show_what_they_hide_and_stay_borrowed_otherwise() {
        let (rlo, lri) = ('\u{202E}', '\u{2066}');
        let hiding: BTreeMap<String, String> = [("scope".to_string(), format!("a{rlo}b"))].into();
        let clean: BTreeMap<String, String> = [("scope".to_string(), "ab".to_string())].into();
        let many = RawValue::Many(vec!["russia".into(), format!("bel{lri}arus")]);
        let one = RawValue::One("~2500".into());
        let unit = format!("km{rlo}");
        let mut c = ClaimOut {
            qualifiers: Cow::Borrowed(&hiding),
            value: Cow::Borrowed(&many),
            unit: Some(Cow::Borrowed(&unit)),
            as_of: Some(Cow::Borrowed("2022-01-05")),
            ..Default::default()
        };
        c.show_hidden();
        assert_eq!(c.qualifiers["scope"], "a⟨U+202E⟩b");
        assert_eq!(*c.value, RawValue::Many(vec!["russia".into(), "bel⟨U+2066⟩arus".into()]));
        assert_eq!(c.unit.as_deref(), Some("km⟨U+202E⟩"));
        assert!(matches!(c.as_of, Some(Cow::Borrowed("2022-01-05"))));

        let mut c = ClaimOut { qualifiers: Cow::Borrowed(&clean), value: Cow::Borrowed(&one), ..Default::default() };
        c.show_hidden();
        assert!(matches!(c.qualifiers, Cow::Borrowed(q) if std::ptr::eq(q, &clean)));
        assert!(matches!(c.value, Cow::Borrowed(v) if std::ptr::eq(v, &one)));
    }
}
