//! The value of a claim: an interval of numbers (day numbers for dates) with inclusive bounds,
//! either side of which may be open.

use std::fmt;

use serde::Serialize;

/// An interval with inclusive bounds; an open (unbounded) side reads as `None`.
///
/// Dates are stored as day numbers (days since 1970-01-01), so one interval logic serves every kind.
#[derive(Clone, Copy, PartialEq)]
pub struct Interval {
    /// The smallest value the claim allows; minus infinity when open below. Two floats rather
    /// than two `Option<f64>`, half the bytes: a claim holds three intervals, and a pile's claims
    /// are hundreds of thousands.
    low: f64,
    /// The largest value the claim allows; infinity when open above.
    high: f64,
}

impl Interval {
    /// The interval from `low` to `high`, `None` being an open side.
    pub fn new(low: Option<f64>, high: Option<f64>) -> Interval {
        Interval { low: low.unwrap_or(f64::NEG_INFINITY), high: high.unwrap_or(f64::INFINITY) }
    }

    /// The smallest value the claim allows, if any.
    pub fn low(&self) -> Option<f64> {
        (self.low != f64::NEG_INFINITY).then_some(self.low)
    }

    /// The largest value the claim allows, if any.
    pub fn high(&self) -> Option<f64> {
        (self.high != f64::INFINITY).then_some(self.high)
    }

    /// The single value `x..=x`.
    pub fn exact(x: f64) -> Interval {
        Interval::new(Some(x), Some(x))
    }

    /// The closed interval `low..=high`.
    pub fn between(low: f64, high: f64) -> Interval {
        Interval::new(Some(low.min(high)), Some(low.max(high)))
    }

    /// True when the interval is a single value.
    pub fn is_exact(&self) -> bool {
        matches!((self.low(), self.high()), (Some(a), Some(b)) if a == b)
    }

    /// True when the two intervals share at least one value.
    pub fn overlaps(&self, other: &Interval) -> bool {
        // An open side is infinite, so it is never beyond the other's bound.
        let below = self.high < other.low;
        let above = self.low > other.high;
        !below && !above
    }

    /// The distance between two disjoint intervals (0 when they overlap).
    pub fn gap(&self, other: &Interval) -> f64 {
        // An open side is infinite, so it is never beyond the other's bound.
        if self.high < other.low {
            other.low - self.high
        } else if other.high < self.low {
            self.low - other.high
        } else {
            0.0
        }
    }

    /// The interval widened by `by` on each closed side.
    pub fn widened(&self, by: f64) -> Interval {
        Interval::new(self.low().map(|x| x - by), self.high().map(|x| x + by))
    }

    /// The value most representative of the interval, for tolerances: its middle, or its one bound.
    pub fn magnitude(&self) -> f64 {
        match (self.low(), self.high()) {
            (Some(a), Some(b)) => ((a + b) / 2.0).abs(),
            (Some(a), None) | (None, Some(a)) => a.abs(),
            (None, None) => 0.0,
        }
    }
}

/// As two optional bounds, an open side `None`, as the bounds read through `low` and `high`.
impl fmt::Debug for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Interval").field("low", &self.low()).field("high", &self.high()).finish()
    }
}

/// As two optional bounds: an open side is `null`.
impl Serialize for Interval {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Interval", 2)?;
        out.serialize_field("low", &self.low())?;
        out.serialize_field("high", &self.high())?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_overlap_and_gap() {
        let a = Interval::between(10.0, 20.0);
        let b = Interval::between(20.0, 30.0);
        let c = Interval::between(25.0, 30.0);
        let open = Interval::new(Some(10001.0), None);
        assert!(a.overlaps(&b));
        assert!(!a.overlaps(&c));
        assert_eq!(a.gap(&c), 5.0);
        assert_eq!(c.gap(&a), 5.0);
        assert!(open.overlaps(&Interval::exact(11000.0)));
        assert!(!open.overlaps(&Interval::exact(7.0)));
    }
}
