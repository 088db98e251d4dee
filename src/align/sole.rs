//! Claims and their roles in, for each claim whether it is its source's only account of its role
//! out. An outlet that counts bridges once, or gives one magnitude, tells one fact of that role;
//! when two outlets of one story each tell it once, their figures are the same fact even when their
//! sentences share few words ("seven bridges, two of which collapsed" and "damaged 42 buildings,
//! 14 hotels, 8 bridges") and even when the figures differ: that is where outlets disagree.

use std::collections::BTreeMap;

use crate::claim::{Claim, Kind};
use crate::rules::Rules;

/// A source's role: the kind and what is counted or measured.
type Role<'a> = (Kind, &'a str);

/// For each claim, whether it is the sole figure of its role in its source: the source states no
/// other value of that role (its mentions of it, headline and body, all overlap) outside earlier
/// events mentioned in passing. Roles that name no particular thing (a bare figure, dates, spans
/// of time, sums of money, lengths, which measure many things of one story) are never sole.
/// Reads each claim once, so the cost follows the number of claims.
pub(super) fn sole_figures(claims: &[Claim], roles: &[(Kind, String)], rules: &Rules) -> Vec<bool> {
    let eligible = |i: usize| {
        let (kind, role) = (&roles[i].0, roles[i].1.as_str());
        let c = &claims[i];
        !role.is_empty()
            && !c.subject.past
            && !c.subject.terms.is_empty()
            && match kind {
                // A figure with decimals counts no things ("a 2.9 aftershock" is a magnitude).
                Kind::Count => [c.nominal.low, c.nominal.high].iter().flatten().all(|x| x.fract() == 0.0),
                Kind::Quantity => rules.unit(role).is_none_or(|u| u.dimension != "length"),
                _ => false,
            }
    };
    // Per source and role: the largest lower bound and the smallest upper bound of its mentions;
    // intervals that pairwise overlap share a point, so one pass tells whether all of them do.
    let mut bounds: BTreeMap<(usize, Role), (f64, f64)> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if !eligible(i) {
            continue;
        }
        let key = (c.source, (roles[i].0, roles[i].1.as_str()));
        let (low, high) = (c.nominal.low.unwrap_or(f64::NEG_INFINITY), c.nominal.high.unwrap_or(f64::INFINITY));
        let entry = bounds.entry(key).or_insert((f64::NEG_INFINITY, f64::INFINITY));
        entry.0 = entry.0.max(low);
        entry.1 = entry.1.min(high);
    }
    (0..claims.len())
        .map(|i| {
            eligible(i)
                && bounds
                    .get(&(claims[i].source, (roles[i].0, roles[i].1.as_str())))
                    .is_some_and(|&(low, high)| low <= high)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::align::tests::report;
    use crate::compare::Verdict;

    #[test]
    fn each_outlets_only_count_of_a_noun_is_one_fact_even_when_they_differ() {
        let r = report(&[
            "The quake damaged hundreds of government buildings, as well as seven bridges, officials said.",
            "Officials said the tremor hit 42 offices, 14 hotels, 8 bridges and 4 schools in the province.",
        ]);
        let bridges = r.groups.iter().find(|g| g.why.contains("bridge")).expect("a group of bridges");
        assert_eq!(bridges.verdict, Verdict::Conflict, "{}", bridges.why);
        assert!(bridges.why.contains("each source's only figure of bridge"), "{}", bridges.why);
    }

    #[test]
    fn a_part_narrowed_by_its_words_is_no_account_of_the_whole() {
        let r = report(&[
            "The governor said five villages were badly hit by the earthquake on the island.",
            "Rescuers reached the four hardest-hit villages on the island after the earthquake.",
        ]);
        assert!(r.groups.iter().all(|g| g.verdict != Verdict::Conflict), "{:?}", r.groups);
    }

    #[test]
    fn occurrences_are_no_dispute() {
        let r = report(&[
            "Police said Gray had previously been arrested four times on charges of larceny.",
            "Gray had been arrested three times since October and charged with larceny.",
        ]);
        assert!(r.groups.iter().all(|g| g.verdict != Verdict::Conflict), "{:?}", r.groups);
    }
}
