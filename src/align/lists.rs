//! Groups of one block and the claims left on their own in, the groups some of those claims join
//! out: outlets list the figures of twin events side by side ("quakes of 7.6 and 7.5"), so a
//! figure an outlet lists beside the figure others list theirs beside ("measuring 7.6 and 7.4")
//! is its account of the same one, however little its sentence shares with theirs.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::claim::Kind;

use super::clusters::{alone, Clusters};
use super::{other_places, source_count, Context, Ground};

/// Most bytes between two figures of one list ("7.6 and 7.4", "5.2, 5.4"): a word and spaces.
pub(super) const LIST_GAP: usize = 5;

/// For each claim of `members`, the claim of the same source and role listed right beside it,
/// if any (the one after it, where it has two), and whether that one comes first. Reads the
/// claims once, by where they start.
fn neighbours(cx: &Context, members: &[usize]) -> HashMap<usize, (usize, bool)> {
    let mut by_start: BTreeMap<(u32, usize), usize> = BTreeMap::new();
    for &m in members {
        let c = &cx.claims[m];
        if !cx.roles[m].1.is_empty() && matches!(cx.roles[m].0, Kind::Count | Kind::Quantity) {
            by_start.insert((c.source, c.span.start()), m);
        }
    }
    let mut out = HashMap::default();
    for (&(source, _), &m) in &by_start {
        let end = cx.claims[m].span.end();
        let next = by_start.range((source, end)..=(source, end + LIST_GAP)).next();
        if let Some((_, &n)) = next.filter(|(_, &n)| cx.same_role(n, m)) {
            out.insert(m, (n, false));
            out.insert(n, (m, true));
        }
    }
    out
}

/// The group each figure left on its own joins as the list it stands in tells, if any: the
/// figure it is listed beside sits in a group (`group_of` tells each claim's), and another group, of the same role, holds the
/// figures that two or more other outlets list on the same side of their own figure in that
/// group, and no figure of its own outlet. The figure must be of the same circumstances as
/// them (narrowed alike, of no other place, not of an earlier event) and near them in value
/// (`max_sole_measure_ratio` for measures, `max_sole_ratio` for counts); only one group may fit.
/// `names` are the block's clusters' names, ascending (`Clusters::names`).
pub(super) fn list_targets(
    cx: &Context,
    clusters: &Clusters,
    names: &[usize],
    members: &[usize],
) -> Vec<(usize, usize, Ground)> {
    let group_of = |claim: usize| clusters.of(claim);
    let clusters = clusters.all();
    let (claims, rules) = (cx.claims, cx.rules);
    let listed = neighbours(cx, members);
    if listed.is_empty() {
        return Vec::new();
    }
    let near = |a: usize, b: usize| {
        let (p, q) = (claims[a].value.magnitude(), claims[b].value.magnitude());
        let (lo, hi) = (p.min(q), p.max(q));
        let ratio = rules.sole_ratio(cx.roles[a].0);
        lo > 0.0 && hi / lo <= ratio
    };
    let mut out = Vec::new();
    for o in alone(clusters, names) {
        let x = &claims[o];
        let Some(&(p, first)) = listed.get(&o) else { continue };
        if x.subject.past || x.subject.times {
            continue;
        }
        let beside = group_of(p);
        // The groups of the figures other outlets list beside their own figure in `beside`,
        // on the same side.
        let mut candidates: Vec<usize> = clusters[&beside]
            .iter()
            .filter_map(|n| listed.get(n))
            .filter(|&&(_, m_first)| m_first != first)
            .map(|&(m, _)| group_of(m))
            .filter(|&t| t != beside)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut fits: Vec<(usize, usize)> = Vec::new();
        for t in candidates {
            let target = &clusters[&t];
            if target.iter().any(|&m| claims[m].source == x.source) {
                continue;
            }
            let parallel: Vec<usize> = target
                .iter()
                .copied()
                .filter(|&m| listed.get(&m).is_some_and(|&(n, f)| f == first && group_of(n) == beside))
                .collect();
            let alike = target.iter().all(|&m| {
                let y = &claims[m];
                cx.same_role(m, o)
                    && !y.subject.past
                    && y.subject.qualifiers == x.subject.qualifiers
                    && !other_places(x, y)
                    && near(o, m)
            });
            if alike && source_count(claims, &parallel) >= 2 {
                fits.push((t, source_count(claims, target)));
            }
        }
        if let [(t, others)] = fits[..] {
            out.push((o, t, Ground::Listed { source: x.source as usize, role: cx.roles[o].1.to_string(), others }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::align::tests::{assert_conflict_on, report};

    #[test]
    fn a_figure_listed_where_others_list_theirs_is_their_figure() {
        let texts = [
            "Residents fled after the 7.6 and 7.5 magnitude quakes struck off Manokwari on Sunday.",
            "Aid arrived in Manokwari after the 7.6 and 7.5 magnitude quakes struck off the coast on Sunday.",
            "A United Nations team was sent after two quakes, measuring 7.6 and 7.4, struck west of the town.",
        ];
        assert_conflict_on(&texts, "7.4", 3, "lists its figure of magnitude where 2 others list this one");
    }

    #[test]
    fn one_outlet_listing_so_is_no_pattern() {
        let r = report(&[
            "Residents fled after the 7.6 and 7.5 magnitude quakes struck off Manokwari on Sunday.",
            "A United Nations team was sent after two quakes, measuring 7.6 and 7.4, struck west of the town.",
        ]);
        assert!(r.groups.iter().all(|g| !g.why.contains("7.4")), "{:?}", r.groups);
    }
}
