//! Groups of one block and the claims left on their own in, the groups some of those claims join
//! out: an outlet that gives a large count once as "captured 23 pirates" and again, in a quote, as
//! "twenty-three personnel surrendered" tells one fact under two nouns. Small counts recur for
//! many things of one story ("two men", "three children"), so only a large one is read so.

use crate::claim::Kind;
use crate::compare::{self, Verdict};

use super::clusters::Clusters;
use super::{other_places, Context};

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
    let role = |m: usize| cx.roles[m].1.as_str();
    let mut out = Vec::new();
    for &k in names {
        let members = &clusters[&k];
        let (o, x) = (members[0], &claims[members[0]]);
        let large = x.nominal.is_exact() && x.nominal.low.is_some_and(|v| v >= DISTINCT_COUNT);
        if members.len() != 1 || cx.roles[o].0 != Kind::Count || !large || x.subject.past || x.subject.times {
            continue;
        }
        let restates = |m: usize| {
            let y = &claims[m];
            m != o
                && cx.roles[m].0 == Kind::Count
                && !(rules.countable.contains(role(o)) && rules.countable.contains(role(m)) && role(o) != role(m))
                && !y.subject.past
                && y.subject.qualifiers == x.subject.qualifiers
                && compare::relate(x, y, rules) == Verdict::Agree
        };
        let target = groups.only_group_holding(cx.by_source[x.source].iter().copied().filter(|&m| restates(m)));
        if let Some(t) = target {
            let fits = clusters[&t].iter().all(|&m| {
                let y = &claims[m];
                compare::relate(x, y, rules) != Verdict::Conflict
                    && !other_places(x, y)
                    && (x.subject.weekday.is_none()
                        || y.subject.weekday.is_none()
                        || x.subject.weekday == y.subject.weekday)
            });
            let several = clusters[&t].iter().any(|&m| claims[m].source != x.source);
            if fits && several {
                out.push((o, t));
            }
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
        let r = report(&texts.iter().map(String::as_str).collect::<Vec<_>>());
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
}
