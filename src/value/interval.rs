//! Closed intervals on the real line, either side possibly unbounded.

use serde::Serialize;

/// A closed interval `[lo, hi]`; `None` on a side means unbounded on that side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub lo: Option<f64>,
    pub hi: Option<f64>,
}

impl Interval {
    pub fn point(v: f64) -> Self {
        Interval { lo: Some(v), hi: Some(v) }
    }

    /// `[lo, hi]`, with the ends swapped if given the wrong way round.
    pub fn new(lo: f64, hi: f64) -> Self {
        if lo <= hi { Interval { lo: Some(lo), hi: Some(hi) } } else { Interval { lo: Some(hi), hi: Some(lo) } }
    }

    /// Everything: both sides unbounded.
    pub fn all() -> Self {
        Interval { lo: None, hi: None }
    }

    pub fn at_least(lo: f64) -> Self {
        Interval { lo: Some(lo), hi: None }
    }

    pub fn at_most(hi: f64) -> Self {
        Interval { lo: None, hi: Some(hi) }
    }

    /// Whether the two share at least one point (closed ends touch).
    pub fn overlaps(&self, o: &Interval) -> bool {
        let below = matches!((self.hi, o.lo), (Some(h), Some(l)) if h < l);
        let above = matches!((self.lo, o.hi), (Some(l), Some(h)) if l > h);
        !below && !above
    }

    pub fn contains(&self, v: f64) -> bool {
        self.lo.is_none_or(|l| l <= v) && self.hi.is_none_or(|h| v <= h)
    }

    /// The smallest interval holding both.
    pub fn hull(&self, o: &Interval) -> Interval {
        let lo = match (self.lo, o.lo) {
            (Some(a), Some(b)) => Some(a.min(b)),
            _ => None,
        };
        let hi = match (self.hi, o.hi) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
        Interval { lo, hi }
    }

    pub fn is_bounded(&self) -> bool {
        self.lo.is_some() && self.hi.is_some()
    }

    /// `hi - lo`, when bounded.
    pub fn width(&self) -> Option<f64> {
        Some(self.hi? - self.lo?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlaps_contains_and_hull() {
        let a = Interval::new(1.0, 3.0);
        let b = Interval::new(3.0, 5.0);
        assert!(a.overlaps(&b) && b.overlaps(&a));
        assert!(!a.overlaps(&Interval::point(3.5)));
        assert!(Interval::at_least(2.0).overlaps(&a));
        assert!(!Interval::at_least(4.0).overlaps(&a));
        assert!(Interval::at_most(0.0).overlaps(&Interval::all()));
        assert!(a.contains(1.0) && a.contains(3.0) && !a.contains(3.1));
        assert!(Interval::at_most(2.0).contains(-1e9));
        assert_eq!(a.hull(&b), Interval::new(1.0, 5.0));
        assert_eq!(a.hull(&Interval::at_least(2.0)), Interval { lo: Some(1.0), hi: None });
        assert!(a.is_bounded() && !Interval::at_least(1.0).is_bounded());
        assert_eq!(Interval::new(5.0, 1.0), Interval::new(1.0, 5.0));
        assert_eq!(a.width(), Some(2.0));
    }
}
