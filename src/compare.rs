//! Stage 4, comparison: the claims of one group and the `Rules` in, a `Verdict` with a one-line
//! reason out — agree (same value), compatible (overlapping, different precision), conflict
//! (disjoint beyond the kind's tolerance).

use std::fmt;

use rustc_hash::FxHashSet as HashSet;
use serde::Serialize;

use crate::claim::{format_interval, Claim, Hedge, Interval, Kind, Term, MINUTES_A_DAY};
use crate::extract::unanchored;
use crate::rules::{Rules, Tolerance};
use values::Values;

mod values;

/// How the values of a group relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Disjoint beyond tolerance: at least two sources cannot both be right.
    Conflict,
    /// Overlapping but not the same: different precision.
    Compatible,
    /// The same value or interval.
    Agree,
}

impl Verdict {
    /// The lower-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Compatible => "compatible",
            Verdict::Agree => "agree",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How two values relate, before the group verdict takes the worst of them.
pub fn relate(a: &Claim, b: &Claim, rules: &Rules) -> Verdict {
    if let Some(v) = converted(a, b) {
        return v;
    }
    if let Some((x, y)) = clocks_apart(a, b, rules) {
        return relate_values(Kind::Date, &x, &y, rules.tolerance(Kind::Date));
    }
    if other_currencies(a, b) {
        return if within_ratio(&a.nominal, &b.nominal, rules.max_currency_ratio) {
            Verdict::Compatible
        } else {
            Verdict::Conflict
        };
    }
    if unknown_values_hedged_apart(a, b) {
        return Verdict::Compatible;
    }
    relate_values(a.kind, &a.value, &b.value, rules.tolerance(a.kind))
}

/// Two times of day told without a calendar day and read off different clocks ("3.45pm", "about
/// 3pm"), as intervals on one day: each a fraction of the day, widened by `time_hedge_minutes`
/// either side when hedged, the later taken a day back when that brings the two closer (23:50 and
/// 00:10 are 20 minutes apart). `None` unless both are such times.
fn clocks_apart(a: &Claim, b: &Claim, rules: &Rules) -> Option<(Interval, Interval)> {
    // Alignment relates millions of pairs, few of them dates: the kinds are told apart before a
    // unit's text is read.
    if a.kind != Kind::Date || b.kind != Kind::Date {
        return None;
    }
    // Two claims of one unit (most pairs of dates: "day" both) are no clocks apart.
    if a.unit == b.unit {
        return None;
    }
    let (mut x, mut y) = (clock_minutes(a)?, clock_minutes(b)?);
    if x - y > MINUTES_A_DAY / 2.0 {
        x -= MINUTES_A_DAY;
    } else if y - x > MINUTES_A_DAY / 2.0 {
        y -= MINUTES_A_DAY;
    }
    let on_day = |c: &Claim, at: f64| {
        let nominal = Interval::exact(at / MINUTES_A_DAY);
        if c.hedge == Hedge::Approx {
            nominal.widened(rules.time_hedge_minutes / MINUTES_A_DAY)
        } else {
            nominal
        }
    };
    Some((on_day(a, x), on_day(b, y)))
}

/// The minutes past midnight of a time of day told without a calendar day ("3.45pm": 945).
pub fn clock_minutes(c: &Claim) -> Option<f64> {
    let clock = unanchored::clock_of(c).filter(|_| c.value.low().is_none())?;
    let (h, m) = clock.split_once(':')?;
    Some(h.parse::<f64>().ok()? * 60.0 + m.parse::<f64>().ok()?)
}

/// All of a claim that `relate` reads, with numbers as their bits: two claims of one key relate
/// alike to every claim, so a reader weighing a claim against hundreds that tell a few values
/// can ask `relate` once per value.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RelateKey {
    kind: Kind,
    unit: Term,
    written_unit: Term,
    hedge: Hedge,
    /// The bits of the value and the nominal value, low and high, and of the value as written, low.
    bits: [Option<u64>; 5],
}

impl RelateKey {
    /// The key of `c`.
    pub fn of(c: &Claim) -> Self {
        let bits = |x: Option<f64>| x.map(f64::to_bits);
        RelateKey {
            kind: c.kind,
            unit: c.unit,
            written_unit: c.written_unit,
            hedge: c.hedge,
            bits: [
                bits(c.value.low()),
                bits(c.value.high()),
                bits(c.nominal.low()),
                bits(c.nominal.high()),
                // Of the value as written, `relate` reads the low bound only.
                bits(c.written.and_then(|w| w.low())),
            ],
        }
    }
}

/// Two claims of one unit with no value ("11:00 (day unknown)"), one hedged and one not ("about
/// 11 a.m.", "at 1100 hours"): they fit, but do not say the very same.
fn unknown_values_hedged_apart(a: &Claim, b: &Claim) -> bool {
    let unknown = |c: &Claim| c.value.low().is_none() && c.value.high().is_none();
    unknown(a) && unknown(b) && a.unit == b.unit && (a.hedge == Hedge::Approx) != (b.hedge == Hedge::Approx)
}

/// Two sums of money in different currencies ("2 million euros", "$2.6 million"). Exchange rates
/// move with the years and the rules hold none, so such sums can be one sum converted but are never
/// shown to agree, nor to conflict: the aligner keeps them apart when their orders of magnitude
/// differ, and the verdict of their group rests on the sums written in one currency.
pub fn other_currencies(a: &Claim, b: &Claim) -> bool {
    a.kind == Kind::Money && b.kind == Kind::Money && a.unit != b.unit
}

/// Whether the two values lie within `ratio` of each other, judged on their magnitudes.
fn within_ratio(a: &Interval, b: &Interval, ratio: f64) -> bool {
    let (x, y) = (a.magnitude(), b.magnitude());
    let (lo, hi) = (x.min(y), x.max(y));
    lo > 0.0 && hi / lo <= ratio
}

/// Whether one source telling both claims may be telling one figure: their values overlap, or one
/// is the other converted.
pub fn one_figure(a: &Claim, b: &Claim, rules: &Rules) -> bool {
    a.nominal.overlaps(&b.nominal) || one_figure_converted(a, b, rules)
}

/// Whether two claims written in different units or currencies may be one figure converted, so
/// that one source may write both ("10 kilometers (6 miles)", "2m euros ($2.6m)").
pub fn one_figure_converted(a: &Claim, b: &Claim, rules: &Rules) -> bool {
    converted(a, b).is_some() || (other_currencies(a, b) && relate(a, b, rules) != Verdict::Conflict)
}

/// One measure written in two units ("10 kilometers", "six miles"): the writer of the second
/// converted and rounded the first, so they agree when either lies within the rounding of the
/// other as written. `None` when the claims share their written unit or the rule does not apply.
// Inlined: `relate` asks it of every pair, and most leave at its first test; the rule itself
// is read out of line.
#[inline]
fn converted(a: &Claim, b: &Claim) -> Option<Verdict> {
    if a.kind != Kind::Quantity || a.written_unit == b.written_unit {
        return None;
    }
    converted_units(a, b)
}

/// [`converted`], of two measures written in different units.
fn converted_units(a: &Claim, b: &Claim) -> Option<Verdict> {
    let (slack_a, slack_b) = (conversion_slack(a)?, conversion_slack(b)?);
    let (x, y) = (a.nominal.low()?, b.nominal.low()?);
    let within = (x - y).abs() <= slack_a.max(slack_b);
    match (within, a.hedge == b.hedge) {
        (true, true) => Some(Verdict::Agree),
        (true, false) => Some(Verdict::Compatible),
        (false, _) => None,
    }
}

/// How far from a measure written in a unit of its own another measure may lie and still be it
/// converted (`converted`): half the step its written number was rounded to, in the canonical
/// unit. `None` unless the unit was written and the value is exact and written other than zero.
pub fn conversion_slack(c: &Claim) -> Option<f64> {
    if c.written_unit.is_empty() {
        return None;
    }
    let base = c.nominal.low().filter(|_| c.nominal.is_exact())?;
    let written = c.written.and_then(|w| w.low()).filter(|w| *w != 0.0)?;
    Some(rounding_step(written) / 2.0 * (base / written).abs())
}

/// The step a written number was rounded to: 10 for "50", 100 for "700", 0.1 for "6.6", 5 for
/// "85" or "75" (converted figures are often rounded to the nearest five).
fn rounding_step(written: f64) -> f64 {
    let mut step = 1.0;
    let w = written.abs();
    if w.fract() != 0.0 {
        step = 0.1;
        while ((w / step).round() - w / step).abs() > 1e-6 && step > 1e-6 {
            step /= 10.0;
        }
        return step;
    }
    while w >= step * 10.0 && (w / (step * 10.0)).fract() == 0.0 {
        step *= 10.0;
    }
    if w > step * 10.0 && ((w / step) % 10.0 - 5.0).abs() < 1e-9 {
        step *= 5.0;
    }
    step
}

/// A value as a reader would recognise it: in the unit it was written in, when that differs
/// from the canonical one ("6 mile", not "9,656.064 m").
fn shown(c: &Claim) -> String {
    match (c.kind, c.written) {
        (Kind::Quantity, Some(w)) if !c.written_unit.is_empty() && c.nominal == c.value => {
            format!("{} {}", format_interval(Kind::Count, "", &w), c.written_unit)
        }
        _ => format_interval(c.kind, &c.unit, &c.value),
    }
}

/// How two intervals of one kind relate under `tolerance`.
pub fn relate_values(kind: Kind, a: &Interval, b: &Interval, tolerance: Tolerance) -> Verdict {
    if same(a, b) {
        return Verdict::Agree;
    }
    if a.overlaps(b) {
        return Verdict::Compatible;
    }
    let gap = a.gap(b);
    let scale = a.magnitude().max(b.magnitude());
    if gap <= tolerance.absolute || (kind != Kind::Date && gap <= tolerance.relative * scale) {
        return Verdict::Compatible;
    }
    if tolerance.rounding > 0.0 && (rounds_to(a, b, tolerance.rounding) || rounds_to(b, a, tolerance.rounding)) {
        return Verdict::Compatible;
    }
    Verdict::Conflict
}

fn same(a: &Interval, b: &Interval) -> bool {
    let eq = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    };
    eq(a.low(), b.low()) && eq(a.high(), b.high())
}

/// True when `precise` is an exact value that rounds to the exact round number `round` ("229,866"
/// and "230,000") and lies within `share` of it. A bound open on one side ("over 14,000") counts by
/// its one end: the round "14,000" may be any figure that rounds to it, some of them over 14,000.
fn rounds_to(precise: &Interval, round: &Interval, share: f64) -> bool {
    let end = match (precise.low(), precise.high()) {
        (Some(low), Some(_)) if precise.is_exact() => Some(low),
        (Some(low), None) => Some(low),
        (None, Some(high)) => Some(high),
        _ => None,
    };
    let (Some(p), Some(r)) = (end, round.low().filter(|_| round.is_exact())) else {
        return false;
    };
    // Most figures set against a round one lie further off than `share`: told before the round
    // number's digits are counted.
    if (p - r).abs() > share * r.abs() || r.fract() != 0.0 || r.abs() < 10.0 {
        return false;
    }
    let mut unit = 1.0;
    while (r / (unit * 10.0)).fract() == 0.0 && unit < 1e15 {
        unit *= 10.0;
    }
    unit > 1.0 && (p / unit).round() * unit == r && (p - r).abs() <= share * r.abs()
}

/// The unit a figure was written in: a sum's currency, a measure's unit as written.
fn written(c: &Claim) -> Term {
    if c.kind == Kind::Money {
        c.unit
    } else {
        c.written_unit
    }
}

/// Whether two figures were written in two units. A figure in one unit set against another's
/// conversion where one of the two sources also wrote the other unit ("about two metres (6.6
/// feet)" in both) is no finding: the figures written alike carry the comparison, and setting
/// "about two metres" against "6.6 feet" only measures the hedge, not a disagreement.
fn written_apart(a: &Claim, b: &Claim) -> bool {
    !written(a).is_empty() && !written(b).is_empty() && written(a) != written(b)
}

/// Each source beside each unit it wrote a figure of the group in.
fn written_by_source(claims: &[&Claim]) -> HashSet<(u32, Term)> {
    claims.iter().filter(|c| !written(c).is_empty()).map(|c| (c.source, written(c))).collect()
}

/// The verdict of a group of claims and why, comparing every pair from different sources: the
/// worst relation of two claims of two sources, witnessed by the first such pair in `claims`'
/// order.
// Out of line, as the stage it is: a profile of a pile tells its cost apart from the report's.
#[inline(never)]
pub fn compare(claims: &[&Claim], rules: &Rules) -> (Verdict, String) {
    // Claims alike in all `relate` reads relate alike: a pile's group holds hundreds to thousands
    // of claims of a few values, so each two values are related once and their claims are not
    // paired at all, only searched for the first pair of two sources.
    let values = Values::of(claims);
    let reps: Vec<&Claim> = values.members.iter().map(|m| claims[m[0]]).collect();
    let n = reps.len();
    // Sums in two currencies are never shown to agree (no rates are held), so when two sources
    // give one currency, the group's verdict rests on them; the converted sums beside them only
    // count when they lie too far apart to be one sum.
    let one_currency = (0..n).any(|i| {
        reps[i].kind == Kind::Money
            && (0..n).any(|j| !other_currencies(reps[i], reps[j]) && values.first_pair(i, j).is_some())
    });
    let mut writers: Option<HashSet<(u32, Term)>> = None;
    let mut found: Option<(Verdict, (usize, usize))> = None;
    for i in 0..n {
        for j in 0..n {
            // No claim of value `j` follows one of value `i`.
            if values.members[i][0] >= *values.members[j].last().expect("a value has a claim") {
                continue;
            }
            let (a, b) = (reps[i], reps[j]);
            let v = relate(a, b, rules);
            if (one_currency && other_currencies(a, b) && v != Verdict::Conflict)
                || found.is_some_and(|(worst, _)| v > worst)
            {
                continue;
            }
            let pair = if v == Verdict::Compatible && written_apart(a, b) {
                let writers = writers.get_or_insert_with(|| written_by_source(claims));
                values.first_pair_not_beside(i, j, |c, other| writers.contains(&(c.source, written(other))))
            } else {
                values.first_pair(i, j)
            };
            let Some(pair) = pair else { continue };
            if found.is_none_or(|(worst, first)| v < worst || pair < first) {
                found = Some((v, pair));
            }
        }
    }
    let worst = found.map_or(Verdict::Agree, |(v, _)| v);
    let witness = found.map(|(_, (n, m))| (claims[n], claims[m]));
    let why = match witness {
        None => "one source only".to_string(),
        Some((a, b)) => {
            let show = shown;
            match worst {
                Verdict::Agree if a.written_unit != b.written_unit && converted(a, b).is_some() => {
                    format!("{} = {}, within conversion rounding", show(a), show(b))
                }
                Verdict::Agree => format!("all say {}", show(a)),
                Verdict::Compatible if other_currencies(a, b) => {
                    format!("{} and {} are in different currencies, not converted", show(a), show(b))
                }
                Verdict::Compatible if a.value.overlaps(&b.value) => format!("{} overlaps {}", show(a), show(b)),
                Verdict::Compatible => format!("{} is within rounding of {}", show(a), show(b)),
                Verdict::Conflict => format!("{} vs {}, no overlap", show(a), show(b)),
            }
        }
    };
    (worst, why)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(rounding: f64) -> Tolerance {
        Tolerance { relative: 0.0, absolute: 0.0, rounding }
    }

    #[test]
    fn verdicts_from_intervals() {
        let exact = Interval::exact;
        assert_eq!(relate_values(Kind::Count, &exact(7.0), &exact(7.0), t(0.0)), Verdict::Agree);
        assert_eq!(relate_values(Kind::Count, &exact(5.0), &exact(7.0), t(0.02)), Verdict::Conflict);
        let around = Interval::between(10450.0, 11550.0);
        let over = Interval::new(Some(10001.0), None);
        assert_eq!(relate_values(Kind::Count, &around, &over, t(0.0)), Verdict::Compatible);
        let at_least_5 = Interval::new(Some(5.0), None);
        assert_eq!(relate_values(Kind::Count, &at_least_5, &exact(7.0), t(0.0)), Verdict::Compatible);
    }

    /// A time of day told without a calendar day, as `unanchored::clock` makes it.
    fn clock(at: &str, approx: bool) -> Claim {
        let unknown = Interval::new(None, None);
        Claim {
            source: 0,
            span: crate::claim::Span::new(0, 1),
            kind: Kind::Date,
            value: unknown,
            nominal: unknown,
            written: None,
            written_unit: crate::claim::Term::none(),
            hedge: if approx { Hedge::Approx } else { Hedge::Period },
            unit: crate::claim::Term::new(&format!("clock:{at}")),
            subject: Default::default(),
            precision: Some(crate::claim::DatePrecision::Minute),
            rule: crate::claim::Rule::Unanchored,
        }
    }

    #[test]
    fn times_without_a_day_are_weighed_by_their_clocks() {
        let rules = Rules::embedded().unwrap();
        assert_eq!(relate(&clock("15:45", false), &clock("15:00", true), &rules), Verdict::Conflict);
        assert_eq!(relate(&clock("09:27", false), &clock("09:30", true), &rules), Verdict::Compatible);
        // Across midnight the short way: 23:50 lies within "about midnight".
        assert_eq!(relate(&clock("23:50", false), &clock("00:00", true), &rules), Verdict::Compatible);
    }

    #[test]
    fn journalists_rounding_is_forgiven_but_not_more() {
        let exact = Interval::exact;
        assert_eq!(relate_values(Kind::Count, &exact(229_866.0), &exact(230_000.0), t(0.02)), Verdict::Compatible);
        assert_eq!(relate_values(Kind::Count, &exact(120.0), &exact(100.0), t(0.02)), Verdict::Conflict);
        assert_eq!(relate_values(Kind::Count, &exact(101.0), &exact(100.0), t(0.02)), Verdict::Compatible);
        // A bound just past a round figure: the round one may stand for a figure past it too.
        let over = |x: f64| Interval::new(Some(x), None);
        let under = |x: f64| Interval::new(None, Some(x));
        assert_eq!(relate_values(Kind::Count, &exact(14_000.0), &over(14_001.0), t(0.02)), Verdict::Compatible);
        assert_eq!(relate_values(Kind::Count, &under(13_999.0), &exact(14_000.0), t(0.02)), Verdict::Compatible);
        // Not a small figure, which is no rounding ("40 dead" and "more than 40"), nor a bound far past.
        assert_eq!(relate_values(Kind::Count, &exact(40.0), &over(41.0), t(0.02)), Verdict::Conflict);
        assert_eq!(relate_values(Kind::Count, &exact(14_000.0), &over(15_001.0), t(0.02)), Verdict::Conflict);
    }

    #[test]
    fn rounding_steps_follow_the_written_digits() {
        assert_eq!(rounding_step(6.0), 1.0);
        assert_eq!(rounding_step(50.0), 10.0);
        assert_eq!(rounding_step(85.0), 5.0);
        assert_eq!(rounding_step(700.0), 100.0);
        assert_eq!(rounding_step(1150.0), 50.0);
        assert!((rounding_step(6.6) - 0.1).abs() < 1e-9);
    }

    #[test]
    fn relations_are_symmetric() {
        let cases =
            [Interval::exact(3.0), Interval::between(1.0, 4.0), Interval::new(Some(2.0), None), Interval::exact(300.0)];
        for a in &cases {
            for b in &cases {
                assert_eq!(relate_values(Kind::Count, a, b, t(0.02)), relate_values(Kind::Count, b, a, t(0.02)));
            }
        }
    }

    /// A figure of `low..high` (open above without `high`) in `unit`, told by source `source`: a sum
    /// of money in dollars, a count in any other unit.
    fn count(source: u32, low: f64, high: Option<f64>, unit: &str) -> Claim {
        let value = Interval::new(Some(low), high);
        Claim {
            source,
            span: crate::claim::Span::new(0, 1),
            kind: if unit == "$" { Kind::Money } else { Kind::Count },
            value,
            nominal: value,
            written: Some(value),
            written_unit: crate::claim::Term::none(),
            hedge: if high == Some(low) { Hedge::Exact } else { Hedge::Approx },
            unit: crate::claim::Term::new(unit),
            subject: Default::default(),
            precision: None,
            rule: crate::claim::Rule::Count,
        }
    }

    /// Whether a source of one of two claims written in two units also wrote the other's.
    fn converted_beside(claims: &[&Claim], a: &Claim, b: &Claim) -> bool {
        written_apart(a, b)
            && claims.iter().any(|c| {
                (c.source == a.source && written(c) == written(b)) || (c.source == b.source && written(c) == written(a))
            })
    }

    /// `compare` as first written: every pair of two sources related on its own.
    fn compare_pair_by_pair(claims: &[&Claim], rules: &Rules) -> (Verdict, Option<(usize, usize)>) {
        let one_currency = claims.iter().enumerate().any(|(n, a)| {
            claims[n + 1..].iter().any(|b| a.source != b.source && a.kind == Kind::Money && !other_currencies(a, b))
        });
        let (mut worst, mut witness) = (Verdict::Agree, None);
        for (n, a) in claims.iter().enumerate() {
            for (m, b) in claims.iter().enumerate().skip(n + 1) {
                let v = relate(a, b, rules);
                if a.source == b.source
                    || (one_currency && other_currencies(a, b) && v != Verdict::Conflict)
                    || (v == Verdict::Compatible && converted_beside(claims, a, b))
                {
                    continue;
                }
                if witness.is_none() || v < worst {
                    (worst, witness) = (v, Some((n, m)));
                }
            }
        }
        (worst, witness)
    }

    #[test]
    fn a_groups_verdict_and_witness_are_those_of_every_pair_weighed_alone() {
        let rules = Rules::embedded().unwrap();
        let values = [(7.0, Some(7.0)), (12.0, Some(12.0)), (10.0, None), (6.0, Some(8.0)), (7.1, Some(7.1))];
        let units = ["dead", "dead", "dead", "$", "€"];
        // A seeded walk over groups of up to 14 claims of a few values, units and sources.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..2_000 {
            let size = 1 + next(14);
            let claims: Vec<Claim> = (0..size)
                .map(|_| {
                    let (low, high) = values[next(values.len())];
                    count(next(5) as u32, low, high, units[next(units.len())])
                })
                .collect();
            let refs: Vec<&Claim> = claims.iter().collect();
            let (verdict, witness) = compare_pair_by_pair(&refs, &rules);
            let why = match witness {
                None => "one source only".to_string(),
                Some((n, m)) => compare(&[refs[n], refs[m]], &rules).1,
            };
            assert_eq!(compare(&refs, &rules), (verdict, why), "{claims:?}");
        }
    }
}
