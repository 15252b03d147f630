//! The sides of a contradiction: its claims grouped by values that agree, the groups in
//! conflict labelled A, B, C…, the pairs that contradict between them, and the claims in no
//! conflict (less precise ones that agree with more than one side, another scope or date).

use crate::check::Relation;
use crate::report::{ClaimOut, FindingOut};
use std::collections::HashMap;

pub struct Sides<'a> {
    /// Claims in conflict, grouped so that no two claims of a group contradict; in order of
    /// their values.
    pub sides: Vec<Vec<&'a ClaimOut<'a>>>,
    /// Claims that contradict none, each with how it relates to the sides.
    pub others: Vec<(&'a ClaimOut<'a>, Other)>,
    /// One per pair of sides that conflict: the first pair of claims that contradict.
    pub conflicts: Vec<Conflict<'a>>,
    /// Claim id → its label (`A1`).
    pub tags: HashMap<&'a str, String>,
    /// Claim id → the labels of the claims it contradicts.
    pub against: HashMap<&'a str, Vec<String>>,
}

pub enum Other {
    /// Agrees with claims of these sides (indexes): less precise, or between them.
    Agrees(Vec<usize>),
    /// Compared with none (another scope, date or currency): the first reason.
    NotComparable(&'static str),
}

pub struct Conflict<'a> {
    pub a: &'a ClaimOut<'a>,
    pub b: &'a ClaimOut<'a>,
    pub reason: &'static str,
    /// Other pairs of claims that contradict between the same two sides.
    pub more: usize,
}

/// Side A, B, …, Z, then AA, AB…
pub fn side_label(i: usize) -> String {
    let letter = |n: usize| char::from(b'A' + (n % 26) as u8);
    if i < 26 { letter(i).to_string() } else { format!("{}{}", letter(i / 26 - 1), letter(i)) }
}

pub fn of<'a>(finding: &FindingOut, claims: &[&'a ClaimOut]) -> Sides<'a> {
    let index: HashMap<&str, usize> = claims.iter().enumerate().map(|(i, c)| (&*c.id, i)).collect();
    let n = claims.len();
    let pairs: Vec<(usize, usize, Relation, &'static str)> =
        finding.pairs.iter().filter_map(|p| Some((*index.get(p.a)?, *index.get(p.b)?, p.relation, p.reason))).collect();
    let mut contradicts = vec![Vec::new(); n];
    for &(a, b, relation, _) in &pairs {
        if relation == Relation::Contradict {
            contradicts[a].push(b);
            contradicts[b].push(a);
        }
    }
    let in_conflict = |i: usize| !contradicts[i].is_empty();

    // Claims in conflict: joined through the pairs that agree, never into a group where two
    // claims contradict each other (agreement is not transitive: ~19e6 agrees with both
    // 18e6 and 20.5e6).
    let mut group: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for &(a, b, relation, _) in &pairs {
        let (ga, gb) = (group[a], group[b]);
        let same_fact = claims[a].fact == claims[b].fact;
        if relation != Relation::Agree || ga == gb || !same_fact || !in_conflict(a) || !in_conflict(b) {
            continue;
        }
        if members[ga].iter().any(|&x| members[gb].iter().any(|y| contradicts[x].contains(y))) {
            continue;
        }
        let moved = std::mem::take(&mut members[gb]);
        for &m in &moved {
            group[m] = ga;
        }
        members[ga].extend(moved);
    }
    let mut sides: Vec<Vec<usize>> =
        members.into_iter().filter(|m| m.first().is_some_and(|&i| in_conflict(i))).collect();
    for side in &mut sides {
        side.sort_unstable();
    }
    // By value; a part before its whole.
    let is_part = |i: usize| pairs.iter().any(|p| p.3 == "part-exceeds-whole" && p.0 == i);
    sides.sort_by(|x, y| {
        let key = |side: &[usize]| (!side.iter().any(|&i| is_part(i)), order(claims[side[0]]));
        key(x).partial_cmp(&key(y)).unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut side_of = vec![usize::MAX; n];
    for (s, side) in sides.iter().enumerate() {
        for &i in side {
            side_of[i] = s;
        }
    }

    // The others: joined to the one side they agree with, else listed with how they relate.
    let mut others = Vec::new();
    for i in (0..n).filter(|&i| !in_conflict(i)) {
        let mut agrees: Vec<usize> = pairs
            .iter()
            .filter(|p| p.2 == Relation::Agree)
            .filter_map(|&(a, b, ..)| match (a == i, b == i) {
                (true, _) => Some(b),
                (_, true) => Some(a),
                _ => None,
            })
            .filter_map(|j| (side_of[j] != usize::MAX).then_some(side_of[j]))
            .collect();
        agrees.sort_unstable();
        agrees.dedup();
        match agrees.as_slice() {
            [only] => sides[*only].push(i),
            [] => {
                let reason = pairs.iter().find(|p| p.0 == i || p.1 == i).map_or("not compared", |p| p.3);
                others.push((claims[i], Other::NotComparable(reason)));
            }
            _ => others.push((claims[i], Other::Agrees(agrees))),
        }
    }

    let mut tags = HashMap::new();
    for (s, side) in sides.iter().enumerate() {
        for (k, &i) in side.iter().enumerate() {
            tags.insert(&*claims[i].id, format!("{}{}", side_label(s), k + 1));
        }
    }
    let mut against: HashMap<&str, Vec<String>> = HashMap::new();
    let mut conflicts: Vec<((usize, usize), Conflict)> = Vec::new();
    for &(a, b, relation, reason) in &pairs {
        if relation != Relation::Contradict {
            continue;
        }
        for (x, y) in [(a, b), (b, a)] {
            against.entry(&*claims[x].id).or_default().push(tags[&*claims[y].id].clone());
        }
        // The claim on the earlier side first.
        let (a, b) = if side_of[a] <= side_of[b] { (a, b) } else { (b, a) };
        let key = (side_of[a].min(side_of[b]), side_of[a].max(side_of[b]));
        match conflicts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, c)) => c.more += 1,
            None => conflicts.push((key, Conflict { a: claims[a], b: claims[b], reason, more: 0 })),
        }
    }
    for labels in against.values_mut() {
        labels.sort();
        labels.dedup();
    }
    conflicts.sort_by_key(|(k, _)| *k);
    Sides {
        sides: sides.into_iter().map(|s| s.into_iter().map(|i| claims[i]).collect()).collect(),
        others,
        conflicts: conflicts.into_iter().map(|(_, c)| c).collect(),
        tags,
        against,
    }
}

/// Where a claim's value lies, for ordering sides: its low end (its high end when open
/// below); dates as ISO text, which sorts as the dates do.
fn order(c: &ClaimOut) -> (Option<f64>, String) {
    let Some(n) = &c.normalized else { return (None, c.value_text()) };
    let end = if n.lo.is_null() { &n.hi } else { &n.lo };
    (end.as_f64(), end.as_str().unwrap_or_default().to_string())
}

/// A reason as plain words, for the sentence after a conflict.
pub fn reason_words(reason: &str) -> &str {
    match reason {
        "disjoint-intervals" => "no overlap",
        "speakers-disagree" => "the speakers disagree",
        "source-vs-speaker" => "the source and the speaker it quotes disagree",
        "different-entity" => "two different answers",
        "set-mismatch" => "the lists differ",
        "cumulative-decreased" => "a running total cannot fall",
        "part-exceeds-whole" => "the part is larger than the whole",
        "shares-exceed-whole" => "shares of one whole add up to more than 100%",
        "scope-differs" => "another scope",
        "different-as-of" => "another date",
        "grows-over-time" => "a running total at another date",
        "different-currencies" => "another currency",
        "multi-valued-property" => "the property may hold several values",
        "different-value-kinds" => "values of different kinds",
        "intervals-overlap" => "the values overlap",
        "less-specific" => "one is less specific",
        "same-entity" => "the same answer",
        "same-set" => "the same list",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Pair;
    use crate::check::Verdict;
    use crate::report::{Normalized, Pairs};
    use crate::value::{Hedge, Precision, ValueKind};
    use serde_json::json;

    fn claim(id: &str, lo: &str, hi: &str) -> ClaimOut<'static> {
        ClaimOut {
            id: id.into(),
            source: "s".into(),
            value: std::borrow::Cow::Owned(crate::corpus::raw::RawValue::One(lo.into())),
            normalized: Some(Normalized {
                kind: ValueKind::Date,
                lo: json!(lo),
                hi: json!(hi),
                hedge: Hedge::Exact,
                precision: Precision::Day,
                calendar: None,
            }),
            fact: Some("f".into()),
            ..Default::default()
        }
    }

    fn finding(claims: &[&ClaimOut], pairs: &[(&str, &str, Relation, &'static str)]) -> FindingOut<'static> {
        let ids: Vec<&str> = claims.iter().map(|c| &*c.id).collect();
        let at = |id: &str| ids.iter().position(|&c| c == id).expect("a pair of the finding's claims");
        FindingOut {
            fingerprint: "0".into(),
            fact: "f".into(),
            verdict: Verdict::Contradict,
            reason: "disjoint-intervals",
            explanation: String::new(),
            status: None,
            reopened: Vec::new(),
            resolution: None,
            claims: claims.iter().map(|c| c.id.clone()).collect(),
            members: (0..claims.len()).collect(),
            pairs: Pairs::new(
                pairs.iter().map(|&(a, b, relation, reason)| Pair::new(at(a), at(b), relation, reason, None)).collect(),
                ids.iter().map(|&id| id.into()).collect(),
                None,
            ),
        }
    }

    /// Seven claims of a start date: two days that conflict, a month and a year that agree
    /// with both, another day that agrees with one, and one of another scope.
    #[test]
    fn claims_group_by_agreeing_values_and_the_conflict_is_named() {
        let (late, early) = (claim("late", "2022-01-05", "2022-01-05"), claim("early", "2022-01-02", "2022-01-02"));
        let (month, year) = (claim("month", "2022-01-01", "2022-01-31"), claim("year", "2022-01-01", "2022-12-31"));
        let (early2, scoped) =
            (claim("early2", "2022-01-02", "2022-01-02"), claim("scoped", "2022-01-01", "2022-12-31"));
        let all = [&late, &early, &month, &year, &early2, &scoped];
        use Relation::*;
        let f = finding(
            &all,
            &[
                ("late", "early", Contradict, "disjoint-intervals"),
                ("late", "early2", Contradict, "disjoint-intervals"),
                ("early", "early2", Agree, "intervals-overlap"),
                ("month", "late", Agree, "intervals-overlap"),
                ("month", "early", Agree, "intervals-overlap"),
                ("year", "late", Agree, "intervals-overlap"),
                ("year", "month", Agree, "intervals-overlap"),
                ("scoped", "late", ScopeDiffers, "scope-differs"),
            ],
        );
        let sides = of(&f, &all);
        fn ids<'a>(s: &[&'a ClaimOut]) -> Vec<&'a str> {
            s.iter().map(|c| &*c.id).collect()
        }
        // The earlier date first.
        assert_eq!(sides.sides.len(), 2);
        assert_eq!(ids(&sides.sides[0]), ["early", "early2"]);
        assert_eq!(ids(&sides.sides[1]), ["late", "year"], "the year agrees with one side only");
        assert!(matches!(sides.others[0], (c, Other::Agrees(ref s)) if &*c.id == "month" && s == &[0, 1]));
        assert!(matches!(sides.others[1], (c, Other::NotComparable("scope-differs")) if &*c.id == "scoped"));
        assert_eq!(sides.conflicts.len(), 1);
        let c = &sides.conflicts[0];
        assert_eq!((&*c.a.id, &*c.b.id, c.more), ("early", "late", 1));
        assert_eq!(sides.against["late"], ["A1", "A2"]);
        assert_eq!(sides.tags["year"], "B2");
    }

    #[test]
    fn claims_that_contradict_never_share_a_side() {
        // b agrees with a and with c, which contradict each other: b joins a, c joins d.
        let (a, b, c, d) = (claim("a", "1", "1"), claim("b", "2", "2"), claim("c", "3", "3"), claim("d", "4", "4"));
        let all = [&a, &b, &c, &d];
        use Relation::*;
        let f = finding(
            &all,
            &[
                ("a", "b", Agree, "intervals-overlap"),
                ("b", "c", Agree, "intervals-overlap"),
                ("c", "d", Agree, "intervals-overlap"),
                ("a", "c", Contradict, "disjoint-intervals"),
                ("b", "d", Contradict, "disjoint-intervals"),
            ],
        );
        let sides = of(&f, &all);
        let ids: Vec<Vec<&str>> = sides.sides.iter().map(|s| s.iter().map(|c| &*c.id).collect()).collect();
        assert_eq!(ids, [["a", "b"], ["c", "d"]]);
        assert_eq!(sides.conflicts.len(), 1);
        assert_eq!(sides.conflicts[0].more, 1);
        assert_eq!(side_label(27), "AB");
    }

    #[test]
    fn a_part_comes_before_its_whole() {
        let (mut part, whole) = (claim("part", "3500", "3500"), claim("whole", "2030", "2030"));
        part.fact = Some("f · contributor=russia".into());
        let all = [&whole, &part];
        let f = finding(&all, &[("part", "whole", Relation::Contradict, "part-exceeds-whole")]);
        let sides = of(&f, &all);
        assert_eq!(&*sides.sides[0][0].id, "part");
        assert_eq!((&*sides.conflicts[0].a.id, &*sides.conflicts[0].b.id), ("part", "whole"));
    }
}
