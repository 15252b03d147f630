//! How far each source can be trusted, judged only by the claims it shares with other
//! sources: the share of them that others corroborate or contradict, and a truth-discovery
//! score in the manner of CRH (Li et al., 2014): a claim is as credible as the sources that
//! back it against those that contradict it, and a source as reliable as its claims are
//! credible, iterated to a fixed point.
//!
//! Two rules keep the evidence honest:
//! - Corroboration counts only when it is independent. Claims are grouped into *voices*: the
//!   speaker a claim is attributed to, or else its source. Two sources reporting what the
//!   same speaker said are one voice, so they back each other not at all and back a third
//!   claim once.
//! - Editors overrule: a contradiction resolved as not one (`scope-differs`, `time-differs`,
//!   …) counts against nobody.
//! - Little evidence says little: the score is shrunk toward [`PRIOR`] as if every source
//!   had [`PSEUDO_CLAIMS`] more claims of exactly that credibility (Bayesian shrinkage), so a
//!   source with a single claim is not called perfect, or worthless, on the strength of it.

use super::ledger::decision::keeps_contradiction;
use super::{Finding, Outcome, Relation, Status};
use crate::corpus::Corpus;
use rayon::prelude::*;
use serde::Serialize;

/// The reliability of a source with no evidence either way.
pub const PRIOR: f64 = 0.5;
/// How many claims' worth of weight the prior carries.
pub const PSEUDO_CLAIMS: f64 = 2.0;
const MAX_ROUNDS: usize = 100;
const CONVERGED: f64 = 1e-9;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reliability {
    /// Claims compared with a claim of another source (figures lost are never compared).
    pub linked: usize,
    /// Linked claims that another voice agrees with.
    pub corroborated: usize,
    /// Linked claims that another source's claim contradicts.
    pub contradicted: usize,
    /// `corroborated / linked` and `contradicted / linked`; null with nothing linked.
    pub corroborated_share: Option<f64>,
    pub contradicted_share: Option<f64>,
    /// The mean credibility of the claims that others agree or disagree with (the evidence),
    /// before shrinkage; null without evidence.
    pub raw: Option<f64>,
    /// `(evidence · raw + PSEUDO_CLAIMS · PRIOR) / (evidence + PSEUDO_CLAIMS)`, in 0..1.
    pub score: f64,
}

/// Who stands behind a claim: a speaker it is attributed to, else its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Voice {
    Speaker(u32),
    Source(u32),
}

/// Whether another claim backs a claim or stands against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Backing,
    Against,
}

/// One claim of another source bearing on a claim: flat, so that a corpus of a million
/// claims holds a few words per pair rather than a map of lists per claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Bearing {
    claim: u32,
    side: Side,
    voice: Voice,
    source: u32,
}

/// A claim with evidence: its source, and its backing and opposing bearings, ranges into
/// the sorted list of all bearings.
struct Judged {
    source: usize,
    backing: std::ops::Range<usize>,
    against: std::ops::Range<usize>,
}

/// One entry per source, in corpus order.
pub fn assess(corpus: &Corpus, outcome: &Outcome) -> Vec<Reliability> {
    let mut linked = vec![false; corpus.claims.len()];
    let mut bearings = Vec::new();
    for finding in &outcome.findings {
        let dismissed = finding.status == Some(Status::Resolved)
            && finding.resolution.as_ref().is_some_and(|r| !keeps_contradiction(&r.status));
        collect(corpus, finding, dismissed, &mut linked, &mut bearings);
    }
    // A voice's source counts once however many of its claims bear on one claim.
    bearings.sort_unstable();
    bearings.dedup();
    let judged = judged(&bearings, &corpus.claims);

    let sources = corpus.sources.len();
    let mut trust = vec![PRIOR; sources];
    let mut raw = vec![None; sources];
    for _ in 0..MAX_ROUNDS {
        // Each claim's credibility across cores; each source's sum is ordered, so the
        // scores do not depend on how the work was split.
        let credibility: Vec<f64> = judged
            .par_iter()
            .map_init(Vec::new, |scratch, j| {
                let own = trust[j.source];
                let backing = weight(&bearings[j.backing.clone()], &trust, scratch);
                let against = weight(&bearings[j.against.clone()], &trust, scratch);
                (own + backing) / (own + backing + against)
            })
            .collect();
        let mut terms: Vec<Vec<f64>> = vec![Vec::new(); sources];
        for (j, c) in judged.iter().zip(credibility) {
            terms[j.source].push(c);
        }
        let sum: Vec<f64> = terms.par_iter_mut().map(|t| ordered_sum(t)).collect();
        let count: Vec<usize> = terms.iter().map(Vec::len).collect();
        let next: Vec<f64> =
            (0..sources).map(|s| (sum[s] + PSEUDO_CLAIMS * PRIOR) / (count[s] as f64 + PSEUDO_CLAIMS)).collect();
        raw = (0..sources).map(|s| (count[s] > 0).then(|| sum[s] / count[s] as f64)).collect();
        let change = next.iter().zip(&trust).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        trust = next;
        if change < CONVERGED {
            break;
        }
    }

    let mut out: Vec<Reliability> = (0..sources)
        .map(|s| Reliability {
            linked: 0,
            corroborated: 0,
            contradicted: 0,
            corroborated_share: None,
            contradicted_share: None,
            raw: raw[s],
            score: trust[s],
        })
        .collect();
    for (c, _) in linked.iter().enumerate().filter(|(_, l)| **l) {
        out[corpus.claims[c].source].linked += 1;
    }
    for j in &judged {
        let r = &mut out[j.source];
        r.corroborated += usize::from(!j.backing.is_empty());
        r.contradicted += usize::from(!j.against.is_empty());
    }
    for r in &mut out {
        let share = |n: usize| (r.linked > 0).then(|| n as f64 / r.linked as f64);
        (r.corroborated_share, r.contradicted_share) = (share(r.corroborated), share(r.contradicted));
    }
    out
}

/// What the pairs of one finding say about each of its claims, from other sources.
fn collect(corpus: &Corpus, finding: &Finding, dismissed: bool, linked: &mut [bool], bearings: &mut Vec<Bearing>) {
    let voice = |c: usize| {
        let claim = &corpus.claims[c];
        claim.attributed_to.map_or(Voice::Source(claim.source as u32), |e| Voice::Speaker(e as u32))
    };
    for pair in finding.pairs.iter() {
        let (sa, sb) = (corpus.claims[pair.a()].source, corpus.claims[pair.b()].source);
        if sa == sb {
            continue;
        }
        for (me, other, source) in [(pair.a(), pair.b(), sb), (pair.b(), pair.a(), sa)] {
            linked[me] = true;
            let side = match pair.relation {
                Relation::Agree if voice(me) != voice(other) => Side::Backing,
                Relation::Contradict if !dismissed => Side::Against,
                _ => continue,
            };
            bearings.push(Bearing { claim: me as u32, side, voice: voice(other), source: source as u32 });
        }
    }
}

/// The claims with evidence, from bearings sorted by claim, side and voice.
fn judged(bearings: &[Bearing], claims: &[crate::corpus::Claim]) -> Vec<Judged> {
    let mut judged: Vec<Judged> = Vec::new();
    for (i, b) in bearings.iter().enumerate() {
        let claim = b.claim as usize;
        let new = i == 0 || bearings[i - 1].claim != b.claim;
        if new {
            judged.push(Judged { source: claims[claim].source, backing: i..i, against: i..i });
        }
        let j = judged.last_mut().expect("pushed above");
        match b.side {
            Side::Backing => j.backing.end = i + 1,
            Side::Against if j.against.is_empty() => j.against = i..i + 1,
            Side::Against => j.against.end = i + 1,
        }
    }
    judged
}

/// The weight of some voices, from bearings sorted by voice: each voice weighs as its most
/// trusted source, and counts once, however many sources repeat it.
fn weight(bearings: &[Bearing], trust: &[f64], scratch: &mut Vec<f64>) -> f64 {
    scratch.clear();
    for (i, b) in bearings.iter().enumerate() {
        let t = trust[b.source as usize];
        if i > 0 && bearings[i - 1].voice == b.voice {
            let last = scratch.last_mut().expect("a voice seen before");
            *last = last.max(t);
        } else {
            scratch.push(t.max(0.0));
        }
    }
    ordered_sum(scratch)
}

/// A sum that does not depend on the order of its terms: floating-point addition is not
/// associative, and terms come in the order of claim and entity indexes, which follow
/// file order. Summed smallest first, the scores come out the same to the last digit
/// however the files and claims are arranged.
fn ordered_sum(terms: &mut [f64]) -> f64 {
    terms.sort_unstable_by(f64::total_cmp);
    terms.iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Run;
    use std::path::Path;

    /// alpha and beta agree on four facts, gamma contradicts them on every one, solo states
    /// one fact (with alpha and beta); alpha and beta both quote officials on a fifth.
    fn fixture() -> (Run, std::collections::BTreeMap<String, Reliability>) {
        let run = Run::new(Path::new("tests/fixtures/reliability"));
        assert!(!run.corpus.has_errors(), "{:?}", run.corpus.diagnostics);
        let scores = assess(&run.corpus, &run.outcome);
        let by_id = run.corpus.sources.iter().map(|s| s.meta.id.clone()).zip(scores).collect();
        (run, by_id)
    }

    #[test]
    fn the_source_that_is_always_wrong_scores_lowest() {
        let (_, r) = fixture();
        let gamma = r["gamma"].score;
        for other in ["alpha", "beta", "solo"] {
            assert!(gamma < r[other].score, "gamma {gamma} vs {other} {}", r[other].score);
        }
        assert!(gamma < PRIOR && r["alpha"].score > PRIOR, "{r:?}");
        assert_eq!((r["gamma"].corroborated, r["gamma"].contradicted, r["gamma"].linked), (0, 4, 4));
        assert_eq!(r["gamma"].contradicted_share, Some(1.0));
    }

    #[test]
    fn a_single_claim_is_pulled_toward_the_prior() {
        let (_, r) = fixture();
        let solo = &r["solo"];
        let raw = solo.raw.unwrap();
        assert!(PRIOR < solo.score && solo.score < raw, "{solo:?}");
        // alpha's claims are as credible, but it has five of them: less shrinkage.
        assert!(solo.score < r["alpha"].score, "{r:?}");
    }

    #[test]
    fn sources_quoting_one_speaker_do_not_corroborate_each_other() {
        let (_, r) = fixture();
        // alpha-arrests and beta-arrests both quote officials: linked, but not corroborated.
        assert_eq!((r["alpha"].linked, r["alpha"].corroborated, r["alpha"].contradicted), (5, 4, 4));
        assert_eq!(r["alpha"].corroborated_share, Some(0.8));
    }

    #[test]
    fn a_contradiction_the_editors_explained_away_counts_against_nobody() {
        let (mut run, before) = fixture();
        let population = run.outcome.findings.iter_mut().find(|f| f.claims.len() == 4).unwrap();
        population.status = Some(Status::Resolved);
        population.resolution = Some(crate::check::ledger::Resolution {
            status: "scope-differs".into(),
            ..crate::check::ledger::Resolution::decide(&run.corpus, population, "", "", "")
        });
        let after = assess(&run.corpus, &run.outcome);
        let gamma = run.corpus.sources.iter().position(|s| s.meta.id == "gamma").unwrap();
        assert_eq!((after[gamma].contradicted, after[gamma].linked), (3, 4));
        assert!(after[gamma].score > before["gamma"].score);
        // Accepted as a real disagreement, it still counts.
        let population = run.outcome.findings.iter_mut().find(|f| f.claims.len() == 4).unwrap();
        population.resolution.as_mut().unwrap().status = "accepted".into();
        assert_eq!(assess(&run.corpus, &run.outcome)[gamma], before["gamma"]);
    }

    #[test]
    fn sums_do_not_depend_on_the_order_of_their_terms() {
        let terms = [0.1, 0.7, 1e-17, 0.2, 0.30000000000000004, 1.0 / 3.0, 0.9];
        let mut forward = terms;
        let mut backward = terms;
        backward.reverse();
        // Added as they come, the two orders differ in the last digit.
        assert_ne!(terms.iter().sum::<f64>(), backward.iter().sum::<f64>());
        assert_eq!(ordered_sum(&mut forward), ordered_sum(&mut backward));
    }

    #[test]
    fn a_voice_counts_once_with_its_most_trusted_source() {
        let trust = [0.9, 0.6, 0.3];
        let officials = Voice::Speaker(7);
        let by = |voice, source| Bearing { claim: 0, side: Side::Backing, voice, source };
        let scratch = &mut Vec::new();
        assert_eq!(weight(&[by(officials, 0), by(officials, 1)], &trust, scratch), 0.9);
        assert_eq!(weight(&[by(officials, 1), by(Voice::Source(2), 2)], &trust, scratch), 0.6 + 0.3);
        assert_eq!(weight(&[], &trust, scratch), 0.0);
    }

    #[test]
    fn a_source_without_shared_claims_gets_the_prior() {
        let run = Run::new(Path::new("tests/fixtures/two-sources"));
        let r = assess(&run.corpus, &run.outcome);
        assert!(r.iter().all(|s| s.linked == 4 && s.raw.is_some()));
        let run = Run::new(Path::new("tests/fixtures/relations"));
        let only = &assess(&run.corpus, &run.outcome)[0];
        assert_eq!((only.linked, only.raw, only.score, only.corroborated_share), (0, None, PRIOR, None));
    }
}
