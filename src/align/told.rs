//! A source's claims in, the same claims ordered by value out (`Told`): which of them may agree
//! with a given claim (`compare::relate`), found by searching, so that asking whether a source
//! tells a value reads the claims near it, not the source whole.

use crate::claim::{Claim, Kind};
use crate::compare::{clock_minutes, conversion_slack};

/// One source's claims, by what `relate` needs for two claims to agree: equal values, equal
/// clocks, or one measure the other converted. A value told thousands of times in one source is
/// still read each time it is asked of; a source of thousands of values is not.
#[derive(Default)]
pub(super) struct Told {
    /// Claims with a value, by kind and then by the value's lower end (its upper end when it is
    /// open below): two such claims agree only when both ends are equal.
    valued: Vec<(Kind, f64, u32)>,
    /// Measures written in a unit of their own (`conversion_slack`), by value: each may be
    /// another measure converted.
    convertible: Vec<(f64, u32)>,
    /// The largest share of its own value a convertible measure's slack reaches.
    reach: f64,
    /// Times of day without a day, by their minute of the day.
    clocks: Vec<(u16, u32)>,
    /// Claims without a value that are no such time ("on Sunday"), and times not of a whole
    /// minute of a day: each agrees with most others without a value, so all are read when one of
    /// those is asked of.
    unvalued: Vec<u32>,
}

impl Told {
    /// The index of the claims `members` of `claims`.
    pub(super) fn of(claims: &[Claim], members: &[usize]) -> Told {
        let mut told = Told::default();
        for &m in members {
            let (c, m32) = (&claims[m], m as u32);
            if let Some(at) = anchor(c).filter(|a| a.is_finite()) {
                told.valued.push((c.kind, at, m32));
            }
            if let Some((x, share)) = convertible(c) {
                told.convertible.push((x, m32));
                told.reach = told.reach.max(share);
            }
            if c.value.low().is_none() {
                match clock_minutes(c).map(minute_of_day) {
                    Some(Some(minute)) => told.clocks.push((minute, m32)),
                    Some(None) => told.unvalued.push(m32),
                    // A value open below ("fewer than 10") is found by its upper end.
                    None if c.value.high().is_some() => {}
                    None => told.unvalued.push(m32),
                }
            }
        }
        // In value order only: the claims of one value are all read, in whatever order.
        told.valued.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        told.convertible.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        told.clocks.sort_unstable_by_key(|c| c.0);
        told
    }

    /// Every claim of kind `kind` of the source that may agree with `other` (whose kind may be
    /// another: a block may hold a count of magnitude beside measures of it), and perhaps a few
    /// more (a claim may come twice): none that agrees is left out.
    pub(super) fn may_agree<'a>(&'a self, kind: Kind, other: &Claim) -> impl Iterator<Item = usize> + 'a {
        let valued = match anchor(other).filter(|a| a.is_finite()) {
            Some(at) => {
                // `compare::same` holds two ends equal within a billionth of the larger.
                let within = 1e-8 * at.abs().max(1.0);
                let key = |a: &(Kind, f64, u32)| (a.0, a.1);
                let from = self.valued.partition_point(|a| key(a) < (kind, at - within));
                let to = self.valued.partition_point(|a| key(a) <= (kind, at + within));
                &self.valued[from..to.max(from)]
            }
            None => &[][..],
        };
        // Only a measure is read as another converted (`compare::converted`), of any figure
        // written with a unit.
        let convertible = match (kind, other.nominal.low(), conversion_slack(other)) {
            (Kind::Quantity, Some(x), Some(slack)) => self.convertible_near(x, slack),
            _ => &[][..],
        };
        let (clocks, unvalued) = if other.value.low().is_some() {
            (&[][..], &[][..])
        } else if let Some(minute) = clock_minutes(other).and_then(minute_of_day) {
            let from = self.clocks.partition_point(|c| c.0 < minute);
            let to = self.clocks.partition_point(|c| c.0 <= minute);
            (&self.clocks[from..to], &self.unvalued[..])
        } else {
            (&self.clocks[..], &self.unvalued[..])
        };
        let valued = valued.iter().map(|v| v.2);
        let measures = convertible.iter().map(|v| v.1);
        let clocks = clocks.iter().map(|v| v.1);
        valued.chain(measures).chain(clocks).chain(unvalued.iter().copied()).map(|m| m as usize)
    }

    /// The convertible measures that may be a measure of value `x` converted, given that
    /// measure's own slack: within the larger of the two slacks (`compare::converted`).
    fn convertible_near(&self, x: f64, slack: f64) -> &[(f64, u32)] {
        // A measure `y` whose own slack, at most `reach` times `|y|`, covers `x` lies between
        // x / (1 + reach) and x / (1 - reach), taken in order for a negative x.
        if self.reach >= 1.0 || !x.is_finite() || !slack.is_finite() {
            return &self.convertible;
        }
        let (a, b) = (x / (1.0 + self.reach), x / (1.0 - self.reach));
        let (low, high) = (a.min(b).min(x - slack), a.max(b).max(x + slack));
        // Room for the rounding of the divisions above.
        let margin = 1e-9 * (low.abs() + high.abs()) + f64::MIN_POSITIVE;
        let from = self.convertible.partition_point(|c| c.0 < low - margin);
        let to = self.convertible.partition_point(|c| c.0 <= high + margin);
        &self.convertible[from..to.max(from)]
    }
}

/// The end of a claim's value it is ordered by: the lower, or the upper when it is open below.
fn anchor(c: &Claim) -> Option<f64> {
    c.value.low().or(c.value.high())
}

/// A measure's value and the share of it its slack reaches (`compare::conversion_slack`), when
/// it is a measure that may be another converted. A value of zero has no slack; a value or slack
/// beyond all bounds reaches everywhere.
fn convertible(c: &Claim) -> Option<(f64, f64)> {
    if c.kind != Kind::Quantity {
        return None;
    }
    let (x, slack) = (c.nominal.low()?, conversion_slack(c)?);
    let share = match (x, slack) {
        (x, slack) if !x.is_finite() || !slack.is_finite() => f64::INFINITY,
        (0.0, _) => 0.0,
        (x, slack) => slack / x.abs(),
    };
    Some((x, share))
}

/// A time's minute of the day, when it is a whole minute of a day or its end: two times agree
/// only when their minutes do (`compare::clocks_apart` takes 24:00 for midnight).
fn minute_of_day(minutes: f64) -> Option<u16> {
    (minutes.fract() == 0.0 && (0.0..=1440.0).contains(&minutes)).then_some((minutes as u16) % 1440)
}

#[cfg(test)]
mod tests;
