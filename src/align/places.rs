//! Groups of one block and the claims left on their own in, the distances from a named place that
//! join a group out: when outlets give a distance from one place ("1,500 kilometers south of
//! Tehran", "about 940 miles south of Tehran") and another outlet gives its own ("1,150
//! kilometers southeast of Tehran"), that is the same distance told another way, however its
//! sentence is worded, as long as each outlet gives that place one distance only. Where no group
//! measures from a place, the one distance each of exactly two outlets gives from it is one fact.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::claim::{Claim, Kind};
use crate::compare;

use super::clusters::alone;
use super::{dated_alike, most_told, same_weekday, source_count, Context, Ground};

/// The named place a claim is a distance from, when it is one: a length tied to a place by its
/// preposition, of the story (not an earlier event), plainly told (no part, no occurrence).
fn place_of<'a>(cx: &Context, c: &'a Claim) -> Option<&'a str> {
    let length = c.kind == Kind::Quantity && cx.rules.unit(&c.unit).is_some_and(|u| u.dimension == "length");
    let plain = !c.subject.past && !c.subject.times && !c.subject.part && c.subject.qualifiers.is_empty();
    c.subject.place.as_deref().filter(|_| length && plain)
}

/// For each distance from a named place left on its own, the group it joins, if any: the group
/// whose members are all distances from that very place, told by two sources at least, none of
/// them the joiner's, where every source involved gives that place one distance only (its
/// mentions overlap, or one converts the other: "1,150 kilometers (700 miles)"), each pair of the
/// same day and within `max_place_ratio`. Among several such groups only the one told by the
/// most sources, when it is the only one so told. Then, for a place no such group measures from
/// and exactly two sources give one distance from, each left on its own, those two within
/// `max_place_ratio` and of the same day join each other. Reads the groups of one block once.
/// `names` are the block's clusters' names, ascending (`Clusters::names`).
pub(super) fn place_targets(
    cx: &Context,
    clusters: &HashMap<usize, Vec<usize>>,
    names: &[usize],
) -> Vec<(usize, usize, Ground)> {
    let (claims, rules) = (cx.claims, cx.rules);
    // Per source and place, the source's distances from it, to tell whether it gives one only.
    let mut told: BTreeMap<(u32, &str), Vec<usize>> = BTreeMap::new();
    for &k in names {
        for &m in &clusters[&k] {
            if let Some(place) = place_of(cx, &claims[m]) {
                told.entry((claims[m].source, place)).or_default().push(m);
            }
        }
    }
    let one_distance = |source: u32, place: &str| {
        told.get(&(source, place)).is_some_and(|ms| {
            ms.iter().enumerate().all(|(n, &a)| {
                ms[n + 1..].iter().all(|&b| {
                    let (x, y) = (&claims[a], &claims[b]);
                    compare::one_figure(x, y, rules)
                })
            })
        })
    };
    // The groups that are distances from one place, each told by two sources at least.
    let mut targets: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for &k in names {
        let members = &clusters[&k];
        let Some(place) = place_of(cx, &claims[members[0]]) else { continue };
        let sources = source_count(claims, members);
        let all_there =
            members.iter().all(|&m| place_of(cx, &claims[m]) == Some(place) && one_distance(claims[m].source, place));
        if sources >= 2 && all_there {
            targets.entry(place).or_default().push((sources, k));
        }
    }
    let near = |x: &Claim, y: &Claim| {
        let (p, q) = (x.value.magnitude(), y.value.magnitude());
        p.min(q) > 0.0 && p.max(q) / p.min(q) <= rules.max_place_ratio
    };
    let mut out = Vec::new();
    for o in alone(clusters, names) {
        let x = &claims[o];
        let Some(place) = place_of(cx, x).filter(|&p| one_distance(x.source, p)) else {
            continue;
        };
        let candidates: Vec<(usize, usize)> = targets
            .get(place)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&(_, t)| clusters[&t].iter().all(|&m| claims[m].source != x.source))
            .collect();
        let fits = |t: usize| {
            clusters[&t].iter().all(|&m| {
                let y = &claims[m];
                near(x, y) && dated_alike(cx, x, y) && same_weekday(x, y)
            })
        };
        if let Some(t) = most_told(candidates).filter(|&t| fits(t)) {
            let others = source_count(claims, &clusters[&t]);
            out.push((o, t, Ground::Place { source: x.source as usize, place: place.to_string(), others }));
        }
    }
    // A place no group measures from, that exactly two outlets give one distance from each, both
    // left on their own: their distances are one fact ("about 3 miles southwest of Cobb", "four
    // miles west of Cobb").
    let mut pairs: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (&(source, place), ms) in &told {
        if !targets.contains_key(place) && one_distance(source, place) {
            pairs.entry(place).or_default().push(ms[0]);
        }
    }
    for (place, ms) in pairs {
        let sources = told.keys().filter(|&&(_, p)| p == place).count();
        let &[a, b] = &ms[..] else { continue };
        let (x, y) = (&claims[a], &claims[b]);
        let alone = |m: usize| clusters.get(&m).is_some_and(|c| c.len() == 1);
        let same_day = same_weekday(x, y);
        if sources == 2 && alone(a) && alone(b) && near(x, y) && dated_alike(cx, x, y) && same_day {
            out.push((b, a, Ground::Place { source: y.source as usize, place: place.to_string(), others: 1 }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::align::tests::{assert_conflict_on, report};

    const TEHRAN: [&str; 3] = [
        "The island lies in the Gulf, 1,500 kilometers south of Tehran, officials said after the quake.",
        "Qeshm, about 940 miles south of Tehran, was shaken by the earthquake on Sunday.",
        "Rescuers reached the island, which is located 1,150 kilometers (700 miles) southeast of Tehran.",
    ];

    #[test]
    fn an_outlets_only_distance_from_a_place_joins_the_one_others_give() {
        assert_conflict_on(&TEHRAN, "1,150", 4, "only distance from tehran");
    }

    /// Two outlets' accounts of a quake, the second giving `cobb` as its distance from Cobb.
    fn cobb(distance: &str) -> [String; 2] {
        [
            "The quake was centered about 3 miles southwest of Cobb, the survey said on Thursday.".to_string(),
            format!("Officials said on Thursday that the temblor began {distance} west of Cobb, near the steamfields."),
        ]
    }

    #[test]
    fn the_only_distances_two_outlets_give_from_a_place_are_one_fact() {
        let texts = cobb("four miles");
        assert_conflict_on(&texts, "4 mile", 2, "only distance from cobb");
    }

    #[test]
    fn distances_far_apart_from_one_place_are_two_facts() {
        let texts = cobb("twelve miles");
        let r = report(&texts);
        assert!(r.groups.iter().all(|g| !g.why.contains("only distance")), "{:?}", r.groups);
    }

    #[test]
    fn an_outlet_giving_a_place_two_distances_joins_neither() {
        let mut texts = TEHRAN.to_vec();
        texts[2] =
            "Rescuers reached the island, 1,150 kilometers southeast of Tehran. Bam lies 1,000 kilometers from Tehran.";
        let r = report(&texts);
        assert!(r.groups.iter().all(|g| !g.why.contains("only distance")), "{:?}", r.groups);
    }
}
