//! Claims and their roles in, for each claim whether it is its source's only account of its role
//! out. An outlet that counts bridges once, or gives one magnitude, tells one fact of that role;
//! when two outlets of one story each tell it once, their figures are the same fact even when their
//! sentences share few words ("seven bridges, two of which collapsed" and "damaged 42 buildings,
//! 14 hotels, 8 bridges") and even when the figures differ: that is where outlets disagree.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::claim::{Claim, Degree, Kind};
use crate::compare::{self, Verdict};
use crate::rules::Rules;

use super::clusters::alone;
use super::roles::Role;
use super::{
    dated_alike, most_told, one_per_place, other_places, same_weekday, sole_pair, source_count, Context, Ground,
};

/// A source's role: the kind, what is counted or measured, and the degree of harm it is told of
/// (`Degree` as a number): "eight people suffered serious injuries" is its outlet's only figure of
/// the seriously injured beside its plain "injured dozens", a part of them and no other value.
type RoleDegree<'a> = (Kind, &'a str, u8);

/// For each claim, whether it is the sole figure of its role in its source: the source states no
/// other value of that role (its mentions of it, headline and body, all overlap) outside earlier
/// events mentioned in passing and, for a figure tied to a place, outside other places ("In
/// Patras, 20,000 protesters" beside "in Salonika, where 50,000 marched": Salonika's crowd is told
/// once), and outside parts told beside a whole ("842 aftershocks, including 54 stronger than
/// five"). Roles that name no particular thing (a bare figure, dates, spans
/// of time, sums of money, lengths, which measure many things of one story) are never sole.
/// Reads each claim once, so the cost follows the number of claims.
pub(super) fn sole_figures(claims: &[Claim], roles: &[Role], rules: &Rules) -> Vec<bool> {
    let eligible = |i: usize| {
        let (kind, role) = (&roles[i].0, roles[i].1.as_str());
        let c = &claims[i];
        !role.is_empty()
            && !c.subject.past
            // A part ("including 54", "of which four") is told beside its whole, not as another
            // value of it; a part by degree of harm is keyed by its degree instead (`RoleDegree`).
            && (!c.subject.part || c.subject.degree != Degree::Unsaid)
            && !c.subject.terms.is_empty()
            && match kind {
                // A figure with decimals counts no things ("a 2.9 aftershock" is a magnitude).
                Kind::Count => [c.nominal.low(), c.nominal.high()].iter().flatten().all(|x| x.fract() == 0.0),
                Kind::Quantity => rules.unit(role).is_none_or(|u| u.dimension != "length"),
                _ => false,
            }
    };
    // Per source, role and place (`None` for every figure of the role, placed or not, `Some` for
    // those tied to no place or to that one): the largest lower bound and the smallest upper bound
    // of its mentions; intervals that pairwise overlap share a point, so one pass tells whether
    // all of them do.
    let mut bounds: BTreeMap<(u32, RoleDegree, Option<&str>), (f64, f64)> = BTreeMap::new();
    let mut unplaced: BTreeMap<(u32, RoleDegree), (f64, f64)> = BTreeMap::new();
    let narrow = |entry: &mut (f64, f64), c: &Claim| {
        entry.0 = entry.0.max(c.nominal.low().unwrap_or(f64::NEG_INFINITY));
        entry.1 = entry.1.min(c.nominal.high().unwrap_or(f64::INFINITY));
    };
    const ALL: (f64, f64) = (f64::NEG_INFINITY, f64::INFINITY);
    for (i, c) in claims.iter().enumerate() {
        if !eligible(i) {
            continue;
        }
        let role = (roles[i].0, roles[i].1.as_str(), c.subject.degree as u8);
        narrow(bounds.entry((c.source, role, None)).or_insert(ALL), c);
        match c.subject.place.as_deref() {
            Some(place) => narrow(bounds.entry((c.source, role, Some(place))).or_insert(ALL), c),
            None => narrow(unplaced.entry((c.source, role)).or_insert(ALL), c),
        }
    }
    (0..claims.len())
        .map(|i| {
            let c = &claims[i];
            let role = (roles[i].0, roles[i].1.as_str(), c.subject.degree as u8);
            let (low, high) = match c.subject.place.as_deref() {
                None => bounds.get(&(c.source, role, None)).copied().unwrap_or(ALL),
                Some(place) => {
                    let (a, b) = bounds.get(&(c.source, role, Some(place))).copied().unwrap_or(ALL);
                    let (p, q) = unplaced.get(&(c.source, role)).copied().unwrap_or(ALL);
                    (a.max(p), b.min(q))
                }
            };
            eligible(i) && low <= high
        })
        .collect()
}

/// The one group a figure left on its own belongs to as an outlier, if any: when outlets agree on
/// a role's figure ("two boats" told by four), a further outlet's only figure of that role ("three
/// boats") is its account of the same fact, however differently it is worded, since it tells the
/// role once and the others agree on what that role's figure is. Asked of the group: at least
/// `outlier_sources` sources of the role in it, all agreeing, none the outlier's, each member of
/// the role one the outlier may be paired with as each outlet's only figure (`sole_pair`), of
/// the same circumstances, and no source of the group also stating the outlier's value of that
/// role. Among several such groups only the one told by the most sources, when it is the only
/// one so told: otherwise the outlier's fact is unclear. Each join comes with its ground, for the
/// report. Reads the groups of one block once.
/// `names` are the block's clusters' names, ascending (`Clusters::names`).
pub(super) fn outlier_targets(
    cx: &Context,
    clusters: &HashMap<usize, Vec<usize>>,
    names: &[usize],
) -> Vec<(usize, usize, Ground)> {
    let (claims, rules) = (cx.claims, cx.rules);
    // Groups by role: the role, the group and how many sources tell it.
    let mut targets: BTreeMap<&Role, Vec<(usize, usize)>> = BTreeMap::new();
    // Per group listed there, its sources and a member for each place its members are tied to:
    // every outlier of a role is weighed against every group of the role, which read member by
    // member cost a pile's loners times its groups' members.
    let mut told_by: HashMap<usize, Told> = HashMap::default();
    for &k in names {
        let members = &clusters[&k];
        // Each role the group tells, once: a group may join one count told of two nouns.
        let mut roles: Vec<&Role> = members.iter().map(|&m| &cx.roles[m]).collect();
        roles.sort();
        roles.dedup();
        for role in roles {
            let of_role: Vec<usize> = members.iter().copied().filter(|&m| &cx.roles[m] == role).collect();
            let agree =
                of_role.windows(2).all(|w| compare::relate(&claims[w[0]], &claims[w[1]], rules) == Verdict::Agree);
            let sources = source_count(claims, &of_role);
            if !role.1.is_empty() && agree && sources >= rules.outlier_sources.max(2) {
                targets.entry(role).or_default().push((sources, k));
                told_by.entry(k).or_insert_with(|| Told::of(claims, members));
            }
        }
    }
    let mut out = Vec::new();
    for o in alone(clusters, names) {
        let x = &claims[o];
        // A count of occurrences ("arrested four times") is no outlier of anything.
        if !cx.sole[o] || x.subject.times {
            continue;
        }
        // The target, chosen among groups without a claim of this source, holds the role (it was
        // listed under it), so every check below reads at least one member.
        let fits = |t: usize| {
            let group = &clusters[&t];
            group.iter().filter(|&&m| cx.same_role(m, o)).all(|&m| {
                let y = &claims[m];
                sole_pair(cx, o, m)
                    && dated_alike(cx, x, y)
                    && !other_places(x, y)
                    && same_weekday(x, y)
                    && !y.subject.times
                    && !y.subject.past
                    && !cx.by_source[y.source as usize]
                        .iter()
                        .any(|&z| cx.same_role(z, o) && compare::relate(&claims[z], x, rules) == Verdict::Agree)
            }) && group.iter().any(|&m| cx.vectors.mutual(o, m) >= rules.threshold_sole)
        };
        // The group most sources tell, when it is the only one so told; a lesser group is no
        // outlier's home while a larger one stands apart ("7.7" is no account of a 7.3 tremor
        // felt far away when five outlets give the main quake 7.6). A group told of another
        // place is none (Athens' crowd for Salonika's), so it takes no part in the choice.
        let told: Vec<(usize, usize)> = targets
            .get(&&cx.roles[o])
            .into_iter()
            .flatten()
            .copied()
            .filter(|&(_, t)| {
                let told = &told_by[&t];
                told.sources.binary_search(&x.source).is_err()
                    && told.places.iter().all(|&m| !other_places(x, &claims[m]))
            })
            .collect();
        if let Some(t) = most_told(told).filter(|&t| fits(t)) {
            let others = source_count(claims, &clusters[&t]);
            out.push((o, t, Ground::Outlier { source: x.source as usize, role: cx.roles[o].1.to_string(), others }));
        }
    }
    out
}

/// The sources of a group, ascending, each once, and for each place its members are tied to, a
/// member tied to it: what an outlier's own source and place are weighed against.
struct Told {
    sources: Vec<u32>,
    places: Vec<usize>,
}

impl Told {
    fn of(claims: &[Claim], members: &[usize]) -> Told {
        let mut sources: Vec<u32> = members.iter().map(|&m| claims[m].source).collect();
        sources.sort_unstable();
        sources.dedup();
        Told { sources, places: one_per_place(claims, members) }
    }
}

#[cfg(test)]
mod tests {
    use crate::align::tests::{assert_conflict_on, report};
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
    fn a_figure_tied_to_a_place_is_its_outlets_only_one_beside_another_places() {
        let rules = crate::rules::Rules::embedded().unwrap();
        let sole = |text: &str| -> Vec<bool> {
            let mut warnings = Vec::new();
            let source = crate::source::Source::new("a.txt".to_string(), text.to_string(), &mut warnings);
            let claims = crate::extract::extract(&source, 0, &rules).claims;
            crate::align::debug_sole(&claims, &rules).iter().map(|s| s.contains("sole=true")).collect()
        };
        // Each place's crowd is told once.
        let text = "In Patras, around 20,000 protesters blocked the roads. Clashes broke out in Salonika \
                    where approximately 50,000 people marched.";
        assert_eq!(sole(text), [true, true]);
        // A crowd tied to no place may be either, so beside it neither is told once.
        let text = format!("{text} Police said 8,000 protesters gathered.");
        assert_eq!(sole(&text), [false, false, false]);
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

    #[test]
    fn an_outlets_only_figure_joins_the_figure_others_agree_on_as_its_outlier() {
        let texts = [
            "A magnitude 7.6 earthquake struck the coast of Papua. A 6.1 magnitude aftershock rattled the town later.",
            "The 7.6-magnitude quake hit Papua province early in the morning, and a 6.1 magnitude aftershock followed.",
            "Officials said the 7.6 magnitude earthquake damaged hundreds of buildings; a 5.2 magnitude aftershock followed.",
            "Residents of Papua fled their homes after the 7.7 magnitude tremor, the government reported.",
        ];
        assert_conflict_on(&texts, "7.7", 4, "a3.txt's only figure of magnitude, against one 3 others agree on");
    }
}
