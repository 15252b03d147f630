//! Which maps from glyphs to digits satisfy every rule: a search over one-to-one maps with
//! constraint propagation (each glyph's digits narrowed by what the rules still allow).

use super::evidence::{Rule, days_from_civil, days_in_month, hijri_of, weekday_of, year_of_days};

/// A set of digits, bit `d` for digit `d`.
pub(super) type Digits = u16;
pub(super) const ALL: Digits = 0x3FF;
const UNSET: u8 = u8::MAX;

/// Nodes one search may visit before it gives up (a give-up counts as "possible", so the
/// answer stays safe: a digit is never called settled because the search stopped early).
const BUDGET: u64 = 200_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Outcome {
    Found(Vec<u8>),
    Impossible,
    GaveUp,
}

pub(super) struct Solver<'a> {
    glyphs: usize,
    rules: Vec<&'a Rule>,
    /// For each glyph, the rules it appears in.
    by_glyph: Vec<Vec<usize>>,
}

#[derive(Clone)]
struct State {
    values: [u8; 10],
    domains: [Digits; 10],
    used: Digits,
}

impl<'a> Solver<'a> {
    pub fn new(glyphs: usize, rules: impl IntoIterator<Item = &'a Rule>) -> Self {
        assert!(glyphs <= 10, "at most ten digit glyphs");
        let rules: Vec<&Rule> = rules.into_iter().collect();
        let mut by_glyph = vec![Vec::new(); glyphs];
        for (i, rule) in rules.iter().enumerate() {
            let mut seen = 0u16;
            for g in glyphs_of(rule) {
                if seen & (1 << g) == 0 {
                    seen |= 1 << g;
                    by_glyph[g as usize].push(i);
                }
            }
        }
        Solver { glyphs, rules, by_glyph }
    }

    fn start(&self, domains: &[Digits]) -> State {
        let mut state = State { values: [UNSET; 10], domains: [0; 10], used: 0 };
        state.domains[..self.glyphs].copy_from_slice(&domains[..self.glyphs]);
        state
    }

    /// One map within `domains` that satisfies every rule.
    pub fn find(&self, domains: &[Digits]) -> Outcome {
        let mut nodes = 0;
        self.search(self.start(domains), &mut nodes)
    }

    fn search(&self, mut state: State, nodes: &mut u64) -> Outcome {
        *nodes += 1;
        if *nodes > BUDGET {
            return Outcome::GaveUp;
        }
        if !self.propagate(&mut state) {
            return Outcome::Impossible;
        }
        let Some(g) =
            (0..self.glyphs).filter(|&g| state.values[g] == UNSET).min_by_key(|&g| state.domains[g].count_ones())
        else {
            return Outcome::Found(state.values[..self.glyphs].to_vec());
        };
        let mut gave_up = false;
        for d in digits(state.domains[g]) {
            let mut next = state.clone();
            next.assign(g, d);
            match self.search(next, nodes) {
                Outcome::Found(map) => return Outcome::Found(map),
                Outcome::GaveUp => {
                    gave_up = true;
                    break;
                }
                Outcome::Impossible => {}
            }
        }
        if gave_up { Outcome::GaveUp } else { Outcome::Impossible }
    }

    /// Narrows every open glyph to the digits its rules still allow, fixing the glyphs left
    /// with one; false when a glyph is left with none.
    fn propagate(&self, state: &mut State) -> bool {
        loop {
            let mut changed = false;
            for g in 0..self.glyphs {
                if state.values[g] != UNSET {
                    continue;
                }
                let mut allowed = state.domains[g] & !state.used;
                for d in digits(allowed) {
                    state.values[g] = d;
                    if !self.by_glyph[g].iter().all(|&r| feasible(self.rules[r], state)) {
                        allowed &= !(1 << d);
                    }
                }
                state.values[g] = UNSET;
                if allowed == 0 {
                    return false;
                }
                if allowed != state.domains[g] {
                    state.domains[g] = allowed;
                    changed = true;
                }
                if allowed.count_ones() == 1 {
                    state.assign(g, allowed.trailing_zeros() as u8);
                    changed = true;
                }
            }
            if !changed {
                return true;
            }
        }
    }

    /// For each glyph, every digit some consistent map gives it; and whether every search
    /// finished (when one gave up, its digit is kept as possible).
    pub fn candidates(&self) -> Option<(Vec<Digits>, bool)> {
        let mut start = self.start(&[ALL; 10]);
        if !self.propagate(&mut start) {
            return None;
        }
        let domains: Vec<Digits> = (0..self.glyphs)
            .map(|g| if start.values[g] == UNSET { start.domains[g] } else { 1 << start.values[g] })
            .collect();
        let mut seen = vec![0 as Digits; self.glyphs];
        let mut complete = true;
        let witness = |map: &[u8], seen: &mut Vec<Digits>| {
            for (g, &d) in map.iter().enumerate() {
                seen[g] |= 1 << d;
            }
        };
        match self.find(&domains) {
            Outcome::Found(map) => witness(&map, &mut seen),
            Outcome::Impossible => return None,
            Outcome::GaveUp => return Some((domains, false)),
        }
        for g in 0..self.glyphs {
            for d in digits(domains[g] & !seen[g]) {
                let mut fixed = domains.clone();
                fixed[g] = 1 << d;
                match self.find(&fixed) {
                    Outcome::Found(map) => witness(&map, &mut seen),
                    Outcome::Impossible => {}
                    Outcome::GaveUp => {
                        seen[g] |= 1 << d;
                        complete = false;
                    }
                }
            }
        }
        Some((seen, complete))
    }

    /// The likeliest consistent map within `domains`: the one that puts the most written
    /// years within their recent range (`(run, lo, hi, times)`), then keeps the glyphs'
    /// code-point order best (fewest pairs out of order; glyph indices follow code points).
    pub fn likeliest(&self, domains: &[Digits], recent: &[(Vec<u8>, i64, i64, u32)]) -> Option<Vec<u8>> {
        let mut best: Option<(u64, Vec<u8>)> = None;
        let mut nodes = 0;
        self.ranked_search(self.start(domains), recent, &mut best, &mut nodes);
        best.map(|(_, map)| map)
    }

    fn ranked_search(
        &self,
        mut state: State,
        recent: &[(Vec<u8>, i64, i64, u32)],
        best: &mut Option<(u64, Vec<u8>)>,
        nodes: &mut u64,
    ) {
        *nodes += 1;
        // Past the budget, the best map found so far stands.
        if (*nodes > BUDGET && best.is_some()) || !self.propagate(&mut state) {
            return;
        }
        // What is fixed already costs at least this much: a year out of its range outweighs
        // any order.
        let misses: u64 = recent
            .iter()
            .filter(|(run, lo, hi, _)| bounds(run, &state).is_some_and(|(a, b)| b < *lo || a > *hi))
            .map(|(.., times)| u64::from(*times))
            .sum();
        let cost = misses * 100 + u64::from(self.inversions(&state.values));
        if best.as_ref().is_some_and(|(b, _)| cost >= *b) {
            return;
        }
        let Some(g) = (0..self.glyphs).find(|&g| state.values[g] == UNSET) else {
            *best = Some((cost, state.values[..self.glyphs].to_vec()));
            return;
        };
        for d in digits(state.domains[g]) {
            let mut next = state.clone();
            next.assign(g, d);
            self.ranked_search(next, recent, best, nodes);
        }
    }

    fn inversions(&self, values: &[u8; 10]) -> u32 {
        let mut n = 0;
        for a in 0..self.glyphs {
            for b in a + 1..self.glyphs {
                if values[a] != UNSET && values[b] != UNSET && values[a] > values[b] {
                    n += 1;
                }
            }
        }
        n
    }
}

impl State {
    fn assign(&mut self, g: usize, d: u8) {
        self.values[g] = d;
        self.domains[g] = 1 << d;
        self.used |= 1 << d;
    }
}

fn digits(set: Digits) -> impl Iterator<Item = u8> {
    (0..10u8).filter(move |d| set & (1 << d) != 0)
}

fn glyphs_of(rule: &Rule) -> impl Iterator<Item = u8> + '_ {
    let (a, b): (&[u8], &[u8]) = match rule {
        Rule::Range { run, .. } => (run, &[]),
        Rule::DayMonth(x, y) => (x, y),
        Rule::HijriOf { hijri, gregorian } => (hijri, gregorian),
        Rule::Weekday { day, year, .. } => (day, year),
    };
    a.iter().chain(b).copied()
}

/// The least and greatest value `run` can still take.
fn bounds(run: &[u8], state: &State) -> Option<(i64, i64)> {
    let (mut lo, mut hi) = (0i64, 0i64);
    for &g in run {
        let (a, b) = match state.values[g as usize] {
            UNSET => {
                let set = state.domains[g as usize] & !state.used;
                if set == 0 {
                    return None;
                }
                (set.trailing_zeros() as i64, 15 - set.leading_zeros() as i64)
            }
            d => (d as i64, d as i64),
        };
        lo = lo.saturating_mul(10).saturating_add(a);
        hi = hi.saturating_mul(10).saturating_add(b);
    }
    Some((lo, hi))
}

/// Whether the rule can still hold, given what is fixed and what is left open.
fn feasible(rule: &Rule, state: &State) -> bool {
    match rule {
        Rule::Range { run, lo, hi } => bounds(run, state).is_some_and(|(a, b)| a <= *hi && b >= *lo),
        Rule::DayMonth(day, month) => match (bounds(day, state), bounds(month, state)) {
            (Some(d), Some(m)) => d.0 <= 31 && d.1 >= 1 && m.0 <= 31 && m.1 >= 1 && (d.0 <= 12 || m.0 <= 12),
            _ => false,
        },
        Rule::HijriOf { hijri, gregorian } => match (bounds(hijri, state), bounds(gregorian, state)) {
            (Some(h), Some(g)) => h.0 <= hijri_of(g.1) + 1 && h.1 >= hijri_of(g.0) - 1,
            _ => false,
        },
        Rule::Weekday { day, month, year, window, weekday } => {
            let Some((d, d_hi)) = bounds(day, state) else { return false };
            if d != d_hi {
                return d <= 31 && d_hi >= 1;
            }
            let month = i64::from(*month);
            let on = |y: i64| {
                (1..=days_in_month(y, month)).contains(&d) && weekday_of(days_from_civil(y, month, d)) == *weekday
            };
            if year.is_empty() {
                let years = year_of_days(window.0)..=year_of_days(window.1);
                years.into_iter().any(|y| {
                    let at = days_from_civil(y, month, d);
                    (window.0..=window.1).contains(&at) && on(y)
                })
            } else {
                match bounds(year, state) {
                    Some((y, y_hi)) if y == y_hi => on(y),
                    Some(_) => true,
                    None => false,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(run: &[u8], lo: i64, hi: i64) -> Rule {
        Rule::Range { run: run.to_vec(), lo, hi }
    }

    #[test]
    fn a_percentage_of_three_digits_fixes_one_and_zero() {
        // Glyphs 0 and 1 written «0 1 1 %»: only 100 fits.
        let rules = [range(&[0, 1, 1], 100, 100)];
        let solver = Solver::new(3, &rules);
        let (candidates, complete) = solver.candidates().unwrap();
        assert!(complete);
        assert_eq!(candidates[0], 1 << 1);
        assert_eq!(candidates[1], 1 << 0);
        assert_eq!(candidates[2], ALL & !0b11);
    }

    #[test]
    fn contradicting_rules_leave_no_map() {
        let rules = [range(&[0], 5, 5), range(&[1], 5, 5)];
        assert!(Solver::new(2, &rules).candidates().is_none());
    }

    #[test]
    fn hijri_and_gregorian_years_pin_each_other() {
        // A Hijri year «1 4 4 ?» beside 2022: 1442 to 1444 fit the year, and 2 and 4 are taken.
        let rules = [
            range(&[4, 1, 4, 4], 2022, 2022),
            Rule::HijriOf { hijri: vec![0, 2, 2, 3], gregorian: vec![4, 1, 4, 4] },
            range(&[0, 2, 2, 3], 1000, 1600),
        ];
        let (c, _) = Solver::new(5, &rules).candidates().unwrap();
        assert_eq!(c[0], 1 << 1);
        assert_eq!(c[2], 1 << 4);
        assert_eq!(c[3], 1 << 3);
    }

    #[test]
    fn the_likeliest_map_keeps_code_point_order_within_the_rules() {
        let rules = [range(&[2, 0], 10, 10)];
        let solver = Solver::new(3, &rules);
        let (c, _) = solver.candidates().unwrap();
        assert_eq!(solver.likeliest(&c, &[]).unwrap(), [0, 2, 1]);
    }
}
