//! Groups of one block and the claims left on their own in, the groups some of those claims join
//! out: an outlet that gives a large count once as "captured 23 pirates" and again, in a quote, as
//! "twenty-three personnel surrendered" tells one fact under two nouns. Small counts recur for
//! many things of one story ("two men", "three children"), so only a large one is read so. An
//! outlet that gives a span exactly ("thirty four years") and again as a round bound ("more than
//! 30 years") also tells one fact twice.

use crate::claim::{Claim, Hedge, Kind};
use crate::compare::{self, Verdict};

use super::clusters::{alone, Clusters};
use super::{other_places, same_weekday, source_count, Context, Ground};

/// Least exact count an outlet is taken to restate under another noun: below it a story holds
/// the same small number of many things.
const DISTINCT_COUNT: f64 = 13.0;

/// For each exact count of at least `DISTINCT_COUNT` left on its own, the group it joins, if any:
/// the one group of several sources holding a count of its own source with the very same value,
/// narrowed alike, of no other day or place, whose members none dispute it. Never a count of a
/// role of its own (the dead, the injured) restating another role: those are two tolls. An outlet
/// that gives the value in two groups tells two facts of it, and the count is left alone.
/// `names` are the block's clusters' names, ascending (`Clusters::names`).
pub(super) fn restated_targets(cx: &Context, clusters: &Clusters, names: &[usize]) -> Vec<(usize, usize)> {
    let groups = clusters;
    let clusters = groups.all();
    let (claims, rules) = (cx.claims, cx.rules);
    let mut out = Vec::new();
    for o in alone(clusters, names) {
        let x = &claims[o];
        let large = x.nominal.is_exact() && x.nominal.low().is_some_and(|v| v >= DISTINCT_COUNT);
        if cx.roles[o].0 != Kind::Count || !large || x.subject.past || x.subject.times {
            continue;
        }
        let restates = |m: usize| {
            let y = &claims[m];
            m != o
                && cx.roles[m].0 == Kind::Count
                && !cx.own_roles(o, m)
                && !y.subject.past
                && y.subject.qualifiers == x.subject.qualifiers
                && compare::relate(x, y, rules) == Verdict::Agree
        };
        let target =
            groups.only_group_holding(cx.by_source[x.source as usize].iter().copied().filter(|&m| restates(m)));
        if let Some(t) = target {
            let fits = clusters[&t].iter().all(|&m| {
                let y = &claims[m];
                compare::relate(x, y, rules) != Verdict::Conflict && !other_places(x, y) && same_weekday(x, y)
            });
            let several = clusters[&t].iter().any(|&m| claims[m].source != x.source);
            if fits && several {
                out.push((o, t));
            }
        }
    }
    out
}

/// The most, as a share of the bound, that an exact span may lie beyond the round bound its
/// outlet also gives: "more than 30 years" rounds "thirty four years" down, not "fifty years".
const ROUNDED_BY: f64 = 0.25;

/// Whether `bound`, a span told as a bound ("more than 30 years", "under a decade"), is the
/// rounding of `exact`, an exact span of the same unit: `exact` lies beyond the bound on its open
/// side, by at most `ROUNDED_BY` of it.
fn rounds(bound: &Claim, exact: &Claim) -> bool {
    let (Some(x), true) = (exact.nominal.low(), bound.unit == exact.unit) else { return false };
    // The nominal value of a bound is the figure written ("30" of "more than 30 years").
    let Some(b) = bound.nominal.low().filter(|&b| b > 0.0 && bound.nominal.is_exact()) else { return false };
    match bound.hedge {
        Hedge::MoreThan | Hedge::AtLeast => x >= b && x <= b * (1.0 + ROUNDED_BY),
        Hedge::LessThan | Hedge::AtMost => x <= b && x >= b * (1.0 - ROUNDED_BY),
        _ => false,
    }
}

/// For each exact span of time left on its own, the group it joins, if any: the one group of
/// several sources holding a span of its own source that is its rounding (`rounds`), of no other
/// day or place. The exact span is the outlet's own telling of the fact the group holds, so where
/// it differs from another outlet's exact span ("30 years" against "thirty four years"), that is
/// where the outlets disagree. Each join comes with its ground, for the report.
pub(super) fn rounded_targets(cx: &Context, clusters: &Clusters) -> Vec<(usize, usize, Ground)> {
    let groups = clusters;
    let clusters = groups.all();
    let claims = cx.claims;
    let mut out = Vec::new();
    for o in groups.loners() {
        let x = &claims[o];
        if x.kind != Kind::Duration || !x.nominal.is_exact() || x.subject.past || x.subject.times {
            continue;
        }
        let bounds = cx.by_source[x.source as usize].iter().copied().filter(|&m| {
            let y = &claims[m];
            m != o && y.kind == Kind::Duration && !y.subject.past && rounds(y, x)
        });
        let Some(t) = groups.only_group_holding(bounds) else { continue };
        let fits = clusters[&t].iter().all(|&m| {
            let y = &claims[m];
            !y.subject.past
                && !other_places(x, y)
                && (x.subject.weekday.is_none() || x.subject.weekday == y.subject.weekday)
        });
        // The group holds the outlet's own bound, so its other sources are all but one.
        let others = source_count(claims, &clusters[&t]) - 1;
        if fits && others > 0 {
            out.push((o, t, Ground::Rounded { source: x.source as usize, others }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::align::tests::report;

    /// The most mentions of a group whose reason shows `figure`.
    fn mentions(figure: &str, n: &str, written: &str) -> usize {
        let texts = [
            format!("The navy captured {n} pirates in the Gulf of Aden on Saturday, officials said."),
            format!("Commandos seized {n} pirates after a chase in the Gulf of Aden on Saturday."),
            format!(
                "Navy commandos captured {n} pirates off Somalia on Saturday.\n\nThe vessel had sent a distress \
                 call.\n\n\"{written} men surrendered on boarding,\" the statement read."
            ),
        ];
        let r = report(&texts);
        r.groups.iter().filter(|g| g.why.contains(figure)).map(|g| g.mentions.len()).max().unwrap_or(0)
    }

    #[test]
    fn a_large_count_its_outlet_restates_under_another_noun_joins_its_first_telling() {
        assert_eq!(mentions("23", "23", "Twenty-three"), 4);
    }

    #[test]
    fn a_small_count_under_another_noun_stays_apart() {
        assert_eq!(mentions("3", "three", "Three"), 3);
    }

    /// The group holding "more than 30 years" when the third outlet also tells the span exactly
    /// as `exact`, in a sentence of other words.
    fn span_group(exact: &str) -> crate::report::Group {
        let texts = [
            "Felt kept his role in the Watergate story a secret for 30 years, his family said.".to_string(),
            "Felt kept his role in the Watergate story a secret for more than 30 years, the paper said.".to_string(),
            format!(
                "It was {exact} before the informant finally broke cover.\n\nMore than 30 years he kept his \
                 role in the Watergate story a secret."
            ),
        ];
        let r = report(&texts);
        r.groups
            .into_iter()
            .find(|g| g.mentions.iter().any(|m| m.text() == "More than 30 years"))
            .expect("the span grouped")
    }

    #[test]
    fn an_exact_span_beside_its_outlets_round_bound_joins_it_and_shows_the_dispute() {
        let g = span_group("thirty four years");
        assert!(g.mentions.iter().any(|m| m.text() == "thirty four years"), "{:?}", g.mentions);
        assert_eq!(g.verdict, crate::compare::Verdict::Conflict, "{}", g.why);
    }

    #[test]
    fn a_span_far_beyond_the_bound_is_no_rounding_of_it() {
        let g = span_group("fifty years");
        assert!(g.mentions.iter().all(|m| m.text() != "fifty years"), "{:?}", g.mentions);
    }
}
