//! Turning a claim as written into a checked [`Claim`]: its entities and property resolved,
//! its value read, its quote found in the source and shown to state the value.

use super::locate::{JsonPositions, LineIndex, Step};
use super::raw::{self, PropertyKind, RawValue};
use super::registry::Registry;
use super::support::quote_states;
use super::{Claim, QuoteLocation, Source, Value};
use crate::diagnostic::Diagnostic;
use crate::text::{Folded, Mode, QuoteIndex};
use crate::value::{self, ReadOptions, Reading, ValueKind};
use std::collections::BTreeMap;
use std::path::Path;

pub(super) struct ClaimContext<'a> {
    pub(super) registry: &'a Registry,
    pub(super) file: &'a Path,
    pub(super) positions: &'a JsonPositions<'a>,
    pub(super) source: &'a Source,
    /// The source text's path as the user can open it.
    pub(super) text_path: &'a Path,
    pub(super) lines: LineIndex,
    /// Where each claim's quote first stands in the text, found in one pass for all claims.
    pub(super) found: Vec<Option<std::ops::Range<usize>>>,
    pub(super) index: &'a QuoteIndex<'a>,
}

impl ClaimContext<'_> {
    fn at(&self, i: usize, field: &'static str) -> (usize, usize) {
        self.positions.at(&[Step::Key("claims"), Step::Index(i), Step::Key(field)])
    }

    fn error(&self, i: usize, field: &'static str, message: String, help: String) -> Diagnostic {
        Diagnostic::error(self.file, self.at(i, field), message).help(help)
    }

    fn entity(&self, i: usize, field: &'static str, name: &str, diags: &mut Vec<Diagnostic>) -> Option<usize> {
        match self.registry.entity(name) {
            Ok(e) => Some(e),
            Err(nf) => {
                diags.push(self.error(
                    i,
                    field,
                    format!("unknown entity `{name}`"),
                    did_you_mean(&nf.suggestions, "add it (or this spelling of it) to a registry file"),
                ));
                None
            }
        }
    }

    /// The claim, pointing at source 0: the loader sets its source once the file has its
    /// place in the corpus.
    pub(super) fn claim(&self, i: usize, raw: &raw::Claim, diags: &mut Vec<Diagnostic>) -> Claim {
        let position = self.positions.at(&[Step::Key("claims"), Step::Index(i)]);
        let subject = self.entity(i, "subject", &raw.subject, diags);
        let property = match self.registry.property(&raw.property) {
            Ok(p) => Some(p),
            Err(nf) => {
                diags.push(self.error(
                    i,
                    "property",
                    format!("unknown property `{}`", raw.property),
                    did_you_mean(&nf.suggestions, "add it to a registry file"),
                ));
                None
            }
        };
        let mut qualifiers = BTreeMap::new();
        for (key, value) in &raw.qualifiers {
            if let Some(value) = self.qualifier(i, key, value, property, diags) {
                qualifiers.insert(key.clone(), value);
            }
        }
        let attributed_to = raw.attributed_to.as_deref().and_then(|a| self.entity(i, "attributed_to", a, diags));
        let as_of = raw.as_of.as_deref().and_then(|a| {
            match value::read_as(a, &ReadOptions { tolerance: 0.0, ..ReadOptions::default() }, ValueKind::Date) {
                Ok(r) if r.kind == ValueKind::Date => Some(r),
                Ok(_) => {
                    diags.push(self.error(
                        i,
                        "as_of",
                        format!("as_of `{a}` is not a date"),
                        "write a date such as 2022-01-06 or 2022-01".into(),
                    ));
                    None
                }
                Err(e) => {
                    diags.push(self.error(
                        i,
                        "as_of",
                        format!("as_of `{a}` does not read: {e}"),
                        "write a date such as 2022-01-06 or 2022-01".into(),
                    ));
                    None
                }
            }
        });
        let mut value = Value::Invalid;
        if let Some(p) = property {
            value = self.value(i, raw, &self.registry.properties[p], diags);
        }
        let location = self.locate_quote(i, raw, diags);
        let mut value_in_passage = None;
        if let (Some(loc), Value::Reading(reading)) = (&location, &value) {
            let stating = self.check_support(i, raw, loc, reading, diags);
            // Kept only where the passage shows as the quote does: there, the ranges are the
            // quote's, and reports need not hold the text to know it.
            let passage = &self.source.text[loc.start..loc.end];
            value_in_passage = (self.source.decode(&raw.quote) == passage).then_some(stating);
        }
        // Compared as the property compares: in its dimension's base unit.
        let mut measure = Measure::default();
        if let (Some(p), Value::Reading(reading)) = (property, &mut value) {
            measure = self.measure(i, raw, &self.registry.properties[p], diags);
            measure.apply(reading);
        }
        Claim {
            id: raw.id.clone(),
            source: 0,
            subject: subject.unwrap_or(usize::MAX),
            property: property.unwrap_or(usize::MAX),
            qualifiers,
            raw_value: raw.value.clone(),
            value: if subject.is_some() { value } else { Value::Invalid },
            unit: raw.unit.clone().or_else(|| property.and_then(|p| self.registry.properties[p].unit.clone())),
            compared_in: measure.compared_in,
            currency: measure.currency,
            as_of: as_of.map(Box::new),
            as_of_raw: raw.as_of.as_deref().map(Into::into),
            attributed_to,
            quote: raw.quote.as_str().into(),
            note: raw.note.as_deref().map(Into::into),
            location,
            value_in_passage,
            position,
        }
    }

    /// A qualifier's value as compared: checked against the registry's vocabulary (a
    /// declared key; a declared scope; an entity for entity-valued keys), or an error.
    fn qualifier(
        &self,
        i: usize,
        key: &str,
        value: &str,
        property: Option<usize>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        if key == crate::graph::SCOPE {
            let property = &self.registry.properties[property?].id;
            if self.registry.scopes_of(property).any(|s| s.id == value) {
                return Some(value.to_string());
            }
            let allowed: Vec<&str> = self.registry.scopes_of(property).map(|s| s.id.as_str()).collect();
            let near = super::registry::nearest(value, allowed.iter().copied());
            let help = if allowed.is_empty() {
                format!(
                    "declare it under `scopes` in a registry file, with its meaning and `\"properties\": [\"{property}\"]`"
                )
            } else {
                did_you_mean(&near, &format!("use one of {}, or declare it under `scopes`", allowed.join(", ")))
            };
            diags.push(self.error(i, "qualifiers", format!("scope `{value}` is not declared for `{property}`"), help));
            return None;
        }
        match self.registry.qualifier(key) {
            Ok(q) if q.entity => {
                self.entity(i, "qualifiers", value, diags).map(|e| self.registry.entities[e].id.clone())
            }
            Ok(_) => Some(value.trim().to_string()),
            Err(nf) => {
                diags.push(self.error(
                    i,
                    "qualifiers",
                    format!("unknown qualifier `{key}`"),
                    did_you_mean(&nf.suggestions, "declare it under `qualifiers` in a registry file"),
                ));
                None
            }
        }
    }

    /// The unit a claim's figure is in, checked against its property: any unit of the
    /// property's dimension, or the property's own unit when it declares none.
    fn measure(&self, i: usize, raw: &raw::Claim, prop: &super::Property, diags: &mut Vec<Diagnostic>) -> Measure {
        let Some(dimension) = &prop.dimension else {
            if let (Some(unit), Some(expected)) = (&raw.unit, &prop.unit)
                && unit != expected
            {
                diags.push(self.error(
                    i,
                    "unit",
                    format!("unit `{unit}` differs from `{expected}`, the unit of `{}`", prop.id),
                    format!("write the figure in {expected}, or declare a `dimension` for `{}`", prop.id),
                ));
            }
            return Measure::default();
        };
        let Some(id) = raw.unit.as_ref().or(prop.unit.as_ref()) else {
            diags.push(self.error(
                i,
                "unit",
                format!("`{}` is measured in {dimension}: the claim needs a `unit`", prop.id),
                "give the unit the quote states the figure in".into(),
            ));
            return Measure::default();
        };
        match self.registry.unit(id) {
            Ok(unit) if &unit.dimension == dimension => match unit.factor {
                None => Measure { factor: 1.0, compared_in: Some(unit.id.clone()), currency: Some(unit.id.clone()) },
                Some(factor) => Measure {
                    factor,
                    compared_in: self.registry.base_unit(dimension).map(|b| b.id.clone()),
                    currency: None,
                },
            },
            Ok(unit) => {
                diags.push(self.error(
                    i,
                    "unit",
                    format!("unit `{id}` measures {}, but `{}` is measured in {dimension}", unit.dimension, prop.id),
                    format!("give a unit of {dimension}, or use another property"),
                ));
                Measure::default()
            }
            Err(nf) => {
                diags.push(self.error(
                    i,
                    "unit",
                    format!("unknown unit `{id}`"),
                    did_you_mean(&nf.suggestions, "declare it under `units` in a registry file"),
                ));
                Measure::default()
            }
        }
    }

    fn value(&self, i: usize, raw: &raw::Claim, prop: &super::Property, diags: &mut Vec<Diagnostic>) -> Value {
        let kind = prop.kind;
        match (&raw.value, kind) {
            (RawValue::One(s), _) if s.trim() == "missing" => Value::Missing,
            (RawValue::One(name), PropertyKind::Entity) => {
                self.entity(i, "value", name, diags).map_or(Value::Invalid, Value::Entity)
            }
            (RawValue::Many(names), PropertyKind::Set) => {
                let mut set: Vec<usize> = names.iter().filter_map(|n| self.entity(i, "value", n, diags)).collect();
                set.sort_unstable();
                set.dedup();
                if set.len() == names.len() { Value::Set(set) } else { Value::Invalid }
            }
            (RawValue::One(_), PropertyKind::Set) => {
                diags.push(self.error(
                    i,
                    "value",
                    format!("`{}` takes a list of entities", prop.id),
                    "write the value as [\"russia\", \"belarus\"]".into(),
                ));
                Value::Invalid
            }
            (RawValue::Many(_), _) => {
                diags.push(self.error(
                    i,
                    "value",
                    format!("`{}` takes one value, not a list", prop.id),
                    "write a single value, or use a property of kind set".into(),
                ));
                Value::Invalid
            }
            (RawValue::One(expr), _) => match value::read_as(expr, &tolerance(prop), value_kind(kind)) {
                Ok(reading) if kind_fits(kind, reading.kind) => Value::Reading(reading),
                Ok(reading) => {
                    diags.push(self.error(
                        i,
                        "value",
                        format!(
                            "`{expr}` reads as a {}, but `{}` takes a {}",
                            kind_name(reading.kind),
                            prop.id,
                            expected_name(kind)
                        ),
                        example(kind).into(),
                    ));
                    Value::Invalid
                }
                Err(e) => {
                    let (line, col) = self.at(i, "value");
                    let col = col + 1 + expr.get(..e.at).map_or(0, |s| s.chars().count());
                    diags.push(
                        Diagnostic::error(
                            self.file,
                            (line, col),
                            format!("value `{expr}` does not read: {}", e.message),
                        )
                        .help(format!("{}; `claimcheck value EXPR` shows how an expression is read", example(kind))),
                    );
                    Value::Invalid
                }
            },
        }
    }

    fn locate_quote(&self, i: usize, raw: &raw::Claim, diags: &mut Vec<Diagnostic>) -> Option<QuoteLocation> {
        let text = &self.source.text;
        if let Some(range) = self.found.get(i).cloned().flatten() {
            let (line, column) = self.lines.line_col(text, range.start);
            return Some(QuoteLocation { start: range.start, end: range.end, line, column });
        }
        let help = match self.index.nearest(&raw.quote) {
            Some(near) if near.similarity >= 0.5 => {
                let (line, col) = self.lines.line_col(text, near.range.start);
                let passage: String = text[near.range].split_whitespace().collect::<Vec<_>>().join(" ");
                format!(
                    "the nearest passage ({:.0}% alike) is at {}:{line}:{col}: «{passage}»; copy the quote from the text verbatim",
                    near.similarity * 100.0,
                    self.text_path.display()
                )
            }
            _ => format!("nothing in {} is close; is the claim in the right source file?", self.text_path.display()),
        };
        diags.push(self.error(i, "quote", format!("quote not found in {}", self.text_path.display()), help));
        None
    }

    /// The claim's figure must be stated in its quote; where it is, the ranges of the
    /// passage that state it.
    fn check_support(
        &self,
        i: usize,
        raw: &raw::Claim,
        loc: &QuoteLocation,
        reading: &Reading,
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<std::ops::Range<usize>> {
        let passage = &self.source.text[loc.start..loc.end];
        let figures = match quote_states(passage, &self.source.glyphs, &self.source.reading, reading) {
            Ok(stating) => {
                if raw.stated_as.is_some() {
                    diags.push(
                        Diagnostic::warning(
                            self.file,
                            self.at(i, "stated_as"),
                            "`stated_as` is not needed: the quote states the value in words the reader reads",
                        )
                        .help("remove `stated_as` from this claim"),
                    );
                }
                return stating;
            }
            Err(figures) => figures,
        };
        if let Some(stated_as) = &raw.stated_as {
            let words = Folded::new(stated_as, &self.source.glyphs, Mode::Match).text;
            if !words.is_empty() && Folded::new(passage, &self.source.glyphs, Mode::Match).text.contains(&words) {
                if raw.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                    diags.push(self.error(
                        i,
                        "stated_as",
                        "`stated_as` vouches for words the reader cannot read, but the claim has no `note`".into(),
                        "say in `note` why these words state the value (a dual noun, a relative date, a damaged word)"
                            .into(),
                    ));
                }
                return Vec::new();
            }
            let help = "`stated_as` must repeat the words of the quote that state the value".to_string();
            diags.push(self.error(i, "stated_as", format!("`{stated_as}` is not in the quote"), help));
            return Vec::new();
        }
        let found = figures;
        let help = if found.is_empty() {
            "the quote holds no figure or date; quote the passage that states it".to_string()
        } else {
            format!("the quote states {}; fix the value or quote the passage that states it", found.join(", "))
        };
        let help = format!("{help} (if the quote states it in words the reader cannot read, name them in `stated_as`)");
        diags.push(self.error(i, "value", format!("the quote does not state the value `{}`", raw.value), help));
        Vec::new()
    }
}

/// The kind of reading a property takes, to settle forms such as a bare `1991`.
pub(crate) fn value_kind(kind: PropertyKind) -> ValueKind {
    match kind {
        PropertyKind::Percentage => ValueKind::Percent,
        PropertyKind::Ratio => ValueKind::Multiplier,
        PropertyKind::Date => ValueKind::Date,
        _ => ValueKind::Number,
    }
}

pub(crate) fn kind_fits(property: PropertyKind, value: ValueKind) -> bool {
    matches!(
        (property, value),
        (PropertyKind::Quantity | PropertyKind::Rank, ValueKind::Number)
            | (PropertyKind::Percentage, ValueKind::Percent)
            | (PropertyKind::Ratio, ValueKind::Multiplier | ValueKind::Number)
            | (PropertyKind::Date, ValueKind::Date)
    )
}

fn kind_name(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Number => "number",
        ValueKind::Percent => "percentage",
        ValueKind::Multiplier => "multiplier",
        ValueKind::Date => "date",
    }
}

fn expected_name(kind: PropertyKind) -> &'static str {
    match kind {
        PropertyKind::Quantity | PropertyKind::Rank => "number",
        PropertyKind::Percentage => "percentage",
        PropertyKind::Ratio => "multiplier",
        PropertyKind::Date => "date",
        PropertyKind::Entity => "entity",
        PropertyKind::Set => "list of entities",
    }
}

fn example(kind: PropertyKind) -> &'static str {
    match kind {
        PropertyKind::Quantity => "write a figure such as 2500, ~19e6, >1.5e6 or 2e9..3e9",
        PropertyKind::Rank => "write the rank as a number, e.g. 2",
        PropertyKind::Percentage => "write a percentage such as 75% or ~20%",
        PropertyKind::Ratio => "write a multiplier such as x2",
        PropertyKind::Date => "write a date such as 2022-01-05, 2022-01 or 1991",
        PropertyKind::Entity => "write an entity id or alias",
        PropertyKind::Set => "write a list of entity ids",
    }
}

pub(super) fn did_you_mean(suggestions: &[String], otherwise: &str) -> String {
    match suggestions {
        [] => otherwise.to_string(),
        [one] => format!("did you mean `{one}`? If not, {otherwise}"),
        many => format!(
            "did you mean one of {}? If not, {otherwise}",
            many.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// How a claim's figure is compared: scaled to its dimension's base unit (or kept in its
/// currency, which is never converted).
#[derive(Debug)]
struct Measure {
    factor: f64,
    compared_in: Option<String>,
    currency: Option<String>,
}

impl Default for Measure {
    fn default() -> Self {
        Measure { factor: 1.0, compared_in: None, currency: None }
    }
}

impl Measure {
    /// The reading as compared: converted to the unit it is compared in.
    fn apply(&self, r: &mut Reading) {
        if self.factor != 1.0 {
            // Twelve significant digits: a conversion's float noise is not a figure.
            let round = |v: f64| {
                let digits = 11 - v.abs().log10().floor() as i32;
                let p = 10f64.powi(digits.clamp(-300, 300));
                (v * p).round() / p
            };
            let scale = |v: Option<f64>| v.map(|v| round(v * self.factor));
            r.interval = value::Interval { lo: scale(r.interval.lo), hi: scale(r.interval.hi) };
            r.nominal = round(r.nominal * self.factor);
        }
    }
}

/// How a property's values are read: its tolerance is relative for counts and sums, in
/// percentage points for percentages.
pub(crate) fn tolerance(prop: &super::Property) -> ReadOptions {
    match prop.kind {
        PropertyKind::Percentage => ReadOptions { percent_points: prop.tolerance, ..ReadOptions::default() },
        _ => ReadOptions { tolerance: prop.tolerance, ..ReadOptions::default() },
    }
}
