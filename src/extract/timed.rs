//! The findings of a source in, the times of day among them out as claims: the day each falls
//! on, read from the dates around it, and its claim on that day.

use jiff::civil::Date;

use super::lexer::Token;
use super::subject::Terms;
use super::{date, resolve_in_tense, span_of, Found2, Tensed};
use crate::claim::{Claim, DatePrecision, Hedge, Interval, Kind, Rule, Term, MINUTES_A_DAY};
use crate::rules::Rules;

/// What [`time_days`] read of a finding, for its claim.
#[derive(Clone, Copy, Default)]
pub(super) struct Dated {
    /// The day a time of day falls on.
    pub(super) day: Option<Date>,
    /// A date resolved in its tense, which its claim reads again.
    pub(super) tensed: Option<Tensed>,
}

/// The day each time of day in `found` falls on: the nearest single day dated in its sentence
/// ("on Tuesday at 7:48 a.m."), else the reference date. No day for the other findings, and each
/// date as it was resolved for the days.
pub(super) fn time_days(found: &[Found2], tokens: &[Token], rules: &Rules, reference: Option<Date>) -> Vec<Dated> {
    // The dates are resolved (and their tense read) only for a source that tells a time of day.
    if !found.iter().any(|f| matches!(f, Found2::Time(_))) {
        return vec![Dated::default(); found.len()];
    }
    let mut read: Vec<Dated> = found
        .iter()
        .map(|f| match f {
            Found2::Date(m) => Dated { day: None, tensed: Some(resolve_in_tense(m, tokens, rules, reference)) },
            _ => Dated::default(),
        })
        .collect();
    let days: Vec<(u32, usize, Date)> = found
        .iter()
        .zip(&read)
        .filter_map(|(f, r)| match (f, r.tensed) {
            (Found2::Date(m), Some((Some((a, b, _)), _, _))) => {
                (a == b && m.hedge == Hedge::Period).then_some((tokens[m.start].sentence, m.start, a))
            }
            _ => None,
        })
        .collect();
    for (f, r) in found.iter().zip(&mut read) {
        if let Found2::Time(t) = f {
            let sentence = tokens[t.start].sentence;
            let near = days.iter().filter(|d| d.0 == sentence).min_by_key(|d| d.1.abs_diff(t.start));
            r.day = near.map(|d| d.2).or(reference);
        }
    }
    read
}

/// The claim of a time of day on `day`: the day number plus the fraction of the day, widened by
/// `time_hedge_minutes` either side when hedged ("about 3 p.m.").
pub(super) fn time_claim(
    t: &date::TimeMatch,
    day: Date,
    tokens: &[Token],
    rules: &Rules,
    terms: &Terms,
    index: u32,
) -> Option<Claim> {
    let at = date::day_number(day) + t.minutes? / MINUTES_A_DAY;
    let nominal = Interval::exact(at);
    let (value, hedge) = if t.approx {
        (nominal.widened(rules.time_hedge_minutes / MINUTES_A_DAY), Hedge::Approx)
    } else {
        (nominal, Hedge::Exact)
    };
    Some(Claim {
        source: index,
        span: span_of(tokens, t.start, t.end),
        kind: Kind::Date,
        value,
        nominal,
        written: None,
        written_unit: Term::none(),
        hedge,
        unit: Term::day(),
        subject: terms.subject(tokens, rules, t.start, t.end, None),
        precision: Some(DatePrecision::Minute),
        rule: Rule::Time,
    })
}
