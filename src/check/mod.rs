//! Verdicts: for each fact, how its claims relate (agree, contradict, or why they cannot
//! be compared), with a stable fingerprint and a status against the editors' decisions.

pub mod ledger;
pub mod lookup;
mod parts;
pub mod reliability;

use crate::corpus::{Claim, Corpus, Value};
use crate::graph::{ClaimGraph, Fact, SCOPE};
use crate::value::{self, Reading, ValueKind};
use ledger::{Ledger, Resolution};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Contradict,
    NotComparable,
    Agree,
}

/// How two claims about one fact relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Contradict,
    Agree,
    /// Different `scope` qualifiers: both may be true.
    ScopeDiffers,
    /// Amounts in two currencies: never converted, so never compared.
    DifferentCurrencies,
    /// A cumulative figure that grew between two dates.
    OverTime,
    /// A figure at two different dates.
    TimeDiffers,
    /// A property that may hold several values at once.
    MultiValued,
}

impl Relation {
    fn verdict(self) -> Verdict {
        match self {
            Relation::Contradict => Verdict::Contradict,
            Relation::Agree => Verdict::Agree,
            _ => Verdict::NotComparable,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    /// Claim indexes ([`Pair::a`], [`Pair::b`]), in 32 bits: a million claims make
    /// millions of pairs.
    #[serde(skip)]
    a: u32,
    #[serde(skip)]
    b: u32,
    pub relation: Relation,
    pub reason: &'static str,
    /// What the rule that made the pair said of it (part and whole); `None` for the
    /// checker's own pairs, whose words [`explanation`] makes again when a report shows
    /// them: a fact cited ten times has 45 pairs, and most are never read.
    pub explanation: Option<Box<str>>,
}

impl Pair {
    pub fn new(a: usize, b: usize, relation: Relation, reason: &'static str, explanation: Option<String>) -> Pair {
        let index = |c: usize| u32::try_from(c).expect("fewer than 2^32 claims");
        Pair { a: index(a), b: index(b), relation, reason, explanation: explanation.map(String::into_boxed_str) }
    }

    /// The first claim's index.
    pub fn a(&self) -> usize {
        self.a as usize
    }

    /// The second claim's index.
    pub fn b(&self) -> usize {
        self.b as usize
    }
}

/// Why two claims relate as they do, in words.
pub fn explanation(corpus: &Corpus, pair: &Pair) -> String {
    explanation_with(corpus, pair, &ValueWords::default())
}

/// [`explanation`], with the claims' values in the words `words` already holds.
pub fn explanation_with(corpus: &Corpus, pair: &Pair, words: &ValueWords) -> String {
    match &pair.explanation {
        Some(words) => words.to_string(),
        None => relate(corpus, pair.a(), pair.b(), Some(words)).explanation.map(String::from).unwrap_or_default(),
    }
}

/// Claims' values as explanations put them ([`show_value`], and [`compared`] for figures),
/// made once for all the pairs that name a claim: a fact stated ten times has 45 pairs, and
/// each claim is in nine. A claim it does not hold is put in words afresh.
#[derive(Debug, Default)]
pub struct ValueWords {
    /// By claim index.
    claims: Vec<ClaimWords>,
}

#[derive(Debug)]
struct ClaimWords {
    claim: usize,
    value: String,
    /// For figures.
    compared: Option<String>,
}

impl ValueWords {
    /// The words of `claims` (claim indexes, in any order, repeated or not).
    pub fn of(corpus: &Corpus, claims: impl IntoIterator<Item = usize>) -> ValueWords {
        let mut indexes: Vec<usize> = claims.into_iter().collect();
        indexes.sort_unstable();
        indexes.dedup();
        let claims = indexes
            .into_iter()
            .map(|c| {
                let claim = &corpus.claims[c];
                ClaimWords {
                    claim: c,
                    value: show_value(corpus, claim),
                    compared: match &claim.value {
                        Value::Reading(r) => Some(compared(claim, r)),
                        _ => None,
                    },
                }
            })
            .collect();
        ValueWords { claims }
    }

    fn held(&self, c: usize) -> Option<&ClaimWords> {
        self.claims.binary_search_by_key(&c, |w| w.claim).ok().map(|i| &self.claims[i])
    }

    fn value(&self, corpus: &Corpus, c: usize) -> Cow<'_, str> {
        match self.held(c) {
            Some(held) => Cow::Borrowed(&held.value),
            None => Cow::Owned(show_value(corpus, &corpus.claims[c])),
        }
    }

    fn compared(&self, corpus: &Corpus, c: usize, r: &Reading) -> Cow<'_, str> {
        match self.held(c).and_then(|held| held.compared.as_deref()) {
            Some(compared) => Cow::Borrowed(compared),
            None => Cow::Owned(compared(&corpus.claims[c], r)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// No editor has decided it: fails the build.
    New,
    /// Decided, but a claim now states a value that agrees with none decided: fails the build.
    Reopened,
    Baselined,
    Resolved,
}

impl Status {
    /// Whether a contradiction with this status fails the build.
    pub fn fails_build(self) -> bool {
        matches!(self, Status::New | Status::Reopened)
    }
}

/// A claim that keeps a decided finding from staying decided, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reopening {
    /// Claim index.
    pub claim: usize,
    pub why: String,
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub fingerprint: String,
    /// What it is about, as reports name it and the fingerprint hashes it: a fact key, or
    /// two facts a part-and-whole relation links.
    pub key: String,
    /// The fact it is filed under (a part's, for relations between facts).
    pub fact: usize,
    pub verdict: Verdict,
    pub reason: &'static str,
    pub explanation: String,
    /// Claim indexes, ordered by claim id.
    pub claims: Vec<usize>,
    /// Shared with the report, which names them rather than copies them.
    pub pairs: std::sync::Arc<[Pair]>,
    /// Contradictions only: the others have nothing to decide.
    pub status: Option<Status>,
    pub resolution: Option<Resolution>,
    /// Decided, but these claims agree with no value decided: the finding is open again.
    pub reopened: Vec<Reopening>,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    /// Ledger entries that match no contradiction any more.
    pub stale_resolutions: Vec<ledger::StaleEntry>,
    pub stale_baseline: Vec<ledger::StaleEntry>,
}

impl Outcome {
    /// Contradictions that fail the build: new or re-opened.
    pub fn failing(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.status.is_some_and(Status::fails_build))
    }

    pub fn new_contradictions(&self) -> usize {
        self.failing().count()
    }
}

pub fn check(corpus: &Corpus, graph: &ClaimGraph, ledger: &Ledger) -> Outcome {
    // Facts are checked apart, across cores; collected in the graph's order.
    let mut outcome = Outcome {
        findings: graph
            .facts
            .par_iter()
            .enumerate()
            .filter_map(|(f, fact)| check_fact(corpus, ledger, f, fact))
            .collect(),
        ..Outcome::default()
    };
    for mut finding in parts::findings(corpus, graph) {
        ledger.apply(corpus, &mut finding);
        outcome.findings.push(finding);
    }
    (outcome.stale_resolutions, outcome.stale_baseline) = ledger.stale(&outcome.findings);
    outcome
}

/// The finding of one fact, when at least two of its claims have a value.
fn check_fact(corpus: &Corpus, ledger: &Ledger, f: usize, fact: &Fact) -> Option<Finding> {
    let valued: Vec<usize> =
        fact.claims.iter().copied().filter(|&c| corpus.claims[c].value != Value::Missing).collect();
    if valued.len() < 2 {
        return None;
    }
    let mut pairs = Vec::with_capacity(valued.len() * (valued.len() - 1) / 2);
    // Within one fact only: the groups are small, so every pair is compared.
    for (i, &a) in valued.iter().enumerate() {
        for &b in &valued[i + 1..] {
            pairs.push(relate(corpus, a, b, None));
        }
    }
    let verdict = fact_verdict(&pairs);
    let (reason, explanation) = summarize(corpus, &pairs, verdict);
    let key = fact.key.to_string();
    let mut finding = Finding {
        fingerprint: fingerprint(&key),
        key,
        fact: f,
        verdict,
        reason,
        explanation,
        claims: valued,
        pairs: pairs.into(),
        status: None,
        resolution: None,
        reopened: Vec::new(),
    };
    ledger.apply(corpus, &mut finding);
    Some(finding)
}

/// A fact contradicts when any two comparable claims do, agrees when any two agree, and is
/// otherwise not comparable (every pair differs in scope, time or speaker).
pub fn fact_verdict(pairs: &[Pair]) -> Verdict {
    pairs.iter().fold(Verdict::NotComparable, |v, p| v.with(p.relation))
}

impl Verdict {
    /// The verdict once one more pair's relation is known: a contradiction outweighs an
    /// agreement, which outweighs pairs that cannot be compared.
    pub fn with(self, relation: Relation) -> Verdict {
        match (self, relation.verdict()) {
            (Verdict::Contradict, _) | (_, Verdict::Contradict) => Verdict::Contradict,
            (Verdict::Agree, _) | (_, Verdict::Agree) => Verdict::Agree,
            _ => Verdict::NotComparable,
        }
    }
}

/// A finding's identity: the fact it is about, nothing else. Which claims state it, and in
/// which files, can change without making it another finding; what was decided about its
/// values is kept by the ledger (see [`ledger`]).
pub fn fingerprint(fact_key: &str) -> String {
    let digest = Sha256::digest(fact_key.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// How two claims relate. Who said each never hides a conflict: a contradiction between
/// speakers, or between a source and a speaker, says so in its reason, and editors may still
/// resolve it as `attributed`.
/// With `words`, the pair says why in words; without, only its relation and reason.
fn relate(corpus: &Corpus, a: usize, b: usize, words: Option<&ValueWords>) -> Pair {
    let mut pair = relate_values(corpus, a, b, words);
    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
    if pair.relation == Relation::Contradict && ca.attributed_to != cb.attributed_to {
        let who =
            |c: &Claim| c.attributed_to.map_or("its source".to_string(), |e| corpus.registry.entities[e].id.clone());
        pair.reason = match (ca.attributed_to, cb.attributed_to) {
            (Some(_), Some(_)) => "speakers-disagree",
            _ => "source-vs-speaker",
        };
        pair.explanation = pair
            .explanation
            .map(|words| format!("{} per {}, {} per {}: {words}", ca.id, who(ca), cb.id, who(cb)).into());
    }
    pair
}

fn relate_values(corpus: &Corpus, a: usize, b: usize, words: Option<&ValueWords>) -> Pair {
    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
    let property = &corpus.registry.properties[ca.property];
    // The words are made only when asked for.
    macro_rules! pair {
        ($relation:expr, $reason:expr, $explanation:expr $(,)?) => {
            Pair::new(a, b, $relation, $reason, words.map(|_| $explanation))
        };
    }
    let (ida, idb) = (&ca.id, &cb.id);

    let (sa, sb) = (ca.qualifiers.get(SCOPE), cb.qualifiers.get(SCOPE));
    if sa != sb {
        let show = |s: Option<&String>| s.map_or("no scope".to_string(), |s| format!("scope `{s}`"));
        return pair!(
            Relation::ScopeDiffers,
            "scope-differs",
            format!("{ida} has {}, {idb} has {}", show(sa), show(sb)),
        );
    }
    if let (Some(x), Some(y)) = (&ca.currency, &cb.currency)
        && x != y
    {
        return pair!(
            Relation::DifferentCurrencies,
            "different-currencies",
            format!("{ida} is in {x}, {idb} in {y}: currencies are not converted"),
        );
    }
    if let (Some(ta), Some(tb)) = (&ca.as_of, &cb.as_of)
        && !ta.overlaps(tb)
    {
        let (early, late) = if ta.nominal <= tb.nominal { (ca, cb) } else { (cb, ca) };
        let dates = || format!("{} as of {}, {} as of {}", early.id, show_as_of(early), late.id, show_as_of(late));
        if property.cumulative {
            if let (Value::Reading(e), Value::Reading(l)) = (&early.value, &late.value)
                && matches!((l.interval.hi, e.interval.lo), (Some(hi), Some(lo)) if hi < lo)
            {
                return pair!(
                    Relation::Contradict,
                    "cumulative-decreased",
                    format!(
                        "{}: a running total fell from {} to {}",
                        dates(),
                        show_value(corpus, early),
                        show_value(corpus, late)
                    ),
                );
            }
            return pair!(Relation::OverTime, "grows-over-time", format!("{}: a running total may grow", dates()));
        }
        return pair!(Relation::TimeDiffers, "different-as-of", dates());
    }
    let shown = words.unwrap_or(const { &ValueWords { claims: Vec::new() } });
    let (va, vb) = (|| shown.value(corpus, a), || shown.value(corpus, b));
    match (&ca.value, &cb.value) {
        (Value::Reading(ra), Value::Reading(rb)) => {
            let overlap = ra.overlaps(rb);
            // Joined in one allocation of the right size: a report of a million claims
            // explains millions of pairs, and `format!` grows its string as it writes.
            let detail = || {
                let (wa, wb) = (va(), vb());
                let (xa, xb) = (shown.compared(corpus, a, ra), shown.compared(corpus, b, rb));
                [ida, " ", &wa, " = ", &xa, ", ", idb, " ", &wb, " = ", &xb].concat()
            };
            match (overlap, property.single_valued) {
                (true, _) => pair!(Relation::Agree, "intervals-overlap", detail()),
                (false, true) => pair!(Relation::Contradict, "disjoint-intervals", detail()),
                (false, false) => pair!(Relation::MultiValued, "multi-valued-property", detail()),
            }
        }
        (Value::Entity(ea), Value::Entity(eb)) => match (ea == eb, property.single_valued) {
            (true, _) => pair!(Relation::Agree, "same-entity", format!("both name {}", va())),
            (false, _) if corpus.registry.contains(*ea, *eb) || corpus.registry.contains(*eb, *ea) => {
                pair!(Relation::Agree, "less-specific", format!("{} and {}: one lies in the other", va(), vb()))
            }
            (false, true) => {
                pair!(Relation::Contradict, "different-entity", format!("{ida} names {}, {idb} names {}", va(), vb()))
            }
            (false, false) => {
                pair!(
                    Relation::MultiValued,
                    "multi-valued-property",
                    format!("{ida} names {}, {idb} names {}", va(), vb())
                )
            }
        },
        (Value::Set(xa), Value::Set(xb)) => {
            if xa == xb {
                return pair!(Relation::Agree, "same-set", format!("both list {}", va()));
            }
            if same_at_coarser_level(corpus, xa, xb) {
                return pair!(
                    Relation::Agree,
                    "less-specific",
                    format!("{ida} {} and {idb} {} name the same places at two levels of detail", va(), vb()),
                );
            }
            let only = |x: &[usize], y: &[usize]| -> Vec<&str> {
                x.iter().filter(|e| !y.contains(e)).map(|&e| corpus.registry.entities[e].id.as_str()).collect()
            };
            let detail =
                || format!("only {ida}: [{}]; only {idb}: [{}]", only(xa, xb).join(", "), only(xb, xa).join(", "));
            if property.single_valued {
                pair!(Relation::Contradict, "set-mismatch", detail())
            } else {
                pair!(Relation::MultiValued, "multi-valued-property", detail())
            }
        }
        _ => pair!(Relation::MultiValued, "different-value-kinds", format!("{ida} {}, {idb} {}", va(), vb())),
    }
}

fn summarize(corpus: &Corpus, pairs: &[Pair], verdict: Verdict) -> (&'static str, String) {
    let matching: Vec<&Pair> = pairs.iter().filter(|p| p.relation.verdict() == verdict).collect();
    let reason = matching.first().map_or("none", |p| p.reason);
    let mut explanation = matching.iter().take(3).map(|p| explanation(corpus, p)).collect::<Vec<_>>().join("; ");
    if matching.len() > 3 {
        explanation.push_str(&format!("; and {} more pair(s)", matching.len() - 3));
    }
    (reason, explanation)
}

/// Two sets that are one set at the coarser level: each member of either lies in, or
/// contains, a member of the other ([mangystau] and [zhanaozen, aktau], both in Mangystau).
fn same_at_coarser_level(corpus: &Corpus, a: &[usize], b: &[usize]) -> bool {
    let reg = &corpus.registry;
    let related = |x: usize, y: usize| reg.contains(x, y) || reg.contains(y, x);
    a.iter().all(|&x| b.iter().any(|&y| related(x, y))) && b.iter().all(|&y| a.iter().any(|&x| related(x, y)))
}

/// How a claim's value reads, briefly: `~19000000`, `2022-01-05`, `45.7 tcf`, `russia`,
/// `[russia, belarus]`. A figure of a property with a dimension shows its unit.
pub fn show_value(corpus: &Corpus, claim: &Claim) -> String {
    match &claim.value {
        Value::Reading(_) if claim.compared_in.is_some() => {
            format!("{} {}", claim.raw_value, claim.unit.as_deref().unwrap_or_default())
        }
        Value::Reading(_) | Value::Missing | Value::Invalid => claim.raw_value.to_string(),
        Value::Entity(e) => corpus.registry.entities[*e].id.clone(),
        Value::Set(s) => {
            format!("[{}]", s.iter().map(|&e| corpus.registry.entities[e].id.as_str()).collect::<Vec<_>>().join(", "))
        }
    }
}

fn show_as_of(claim: &Claim) -> String {
    claim.as_of_raw.as_deref().unwrap_or_default().to_string()
}

/// An interval as compared, in the unit it is compared in when there is one.
pub fn compared(claim: &Claim, r: &Reading) -> String {
    match &claim.compared_in {
        Some(unit) => format!("{} {unit}", interval_text(r)),
        None => interval_text(r),
    }
}

/// An interval in the value's own terms: numbers as numbers, dates as ISO dates.
pub fn interval_text(r: &Reading) -> String {
    let show = |v: Option<f64>| match v {
        None => "∞".to_string(),
        Some(v) if r.kind == ValueKind::Date => value::iso_date(v as i64),
        Some(v) => value::format_number(v),
    };
    let suffix = if r.kind == ValueKind::Percent { "%" } else { "" };
    let (lo, hi) = (r.interval.lo, r.interval.hi);
    if lo == hi {
        return format!("{}{suffix}", show(lo));
    }
    // A bound says whether it is strict, as its hedge does: "more than" is not "at least".
    let strict = matches!(r.hedge, value::Hedge::MoreThan | value::Hedge::LessThan);
    match (lo, hi) {
        (Some(_), None) => format!("{} {}{suffix}", if strict { ">" } else { "≥" }, show(lo)),
        (None, Some(_)) => format!("{} {}{suffix}", if strict { "<" } else { "≤" }, show(hi)),
        _ => format!("{}..{}{suffix}", show(lo), show(hi)),
    }
}
