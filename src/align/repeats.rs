//! Groups of one block and the claims left on their own in, the groups some of those claims join
//! out: an outlet tells its main figures more than once (the headline, the lead, a quote), in
//! other words each time, so a telling worded unlike the others is left on its own although its
//! outlet's own telling of the same figure sits in a group.

use crate::claim::Kind;
use crate::compare::{self, Verdict};

use super::clusters::{alone, Clusters};
use super::{other_places, same_weekday, Context};

/// For each claim left on its own, the group it joins, if any:
/// the one group holding a claim of its own source of the same role that it repeats (the very
/// same value, of the same circumstances: narrowed alike, of no other day or place). Only its
/// outlet's only figure of the role (`sole`) repeats so: an outlet that tells the role with
/// several values may tell one of them again of another thing (the magnitude of an earlier
/// quake). Not dates: many things of one story happen on one day, and `days` weighs those. A
/// repeat changes no verdict, since it relates to the group as its outlet's telling there does.
/// An outlet that gives the value in two groups tells two facts of it, so the repeat is left
/// alone.
/// `names` are the block's clusters' names, ascending (`Clusters::names`).
pub(super) fn repeat_targets(cx: &Context, clusters: &Clusters, names: &[usize]) -> Vec<(usize, usize)> {
    let groups = clusters;
    let clusters = groups.all();
    let (claims, rules) = (cx.claims, cx.rules);
    let mut out = Vec::new();
    for o in alone(clusters, names) {
        let x = &claims[o];
        if !cx.sole[o] || x.kind == Kind::Date {
            continue;
        }
        let repeats = |m: usize| {
            let y = &claims[m];
            m != o
                && cx.same_role(m, o)
                && !y.subject.past
                && y.subject.qualifiers == x.subject.qualifiers
                && same_weekday(x, y)
                && y.precision == x.precision
                && !other_places(x, y)
                && compare::relate(x, y, rules) == Verdict::Agree
        };
        let target = groups.only_group_holding(cx.by_source[x.source as usize].iter().copied().filter(|&m| repeats(m)));
        if let Some(t) = target {
            // Every telling of its outlet in the group must be one fact with it.
            let own_fits = clusters[&t]
                .iter()
                .filter(|&&m| claims[m].source == x.source)
                .all(|&m| claims[m].nominal.overlaps(&x.nominal));
            if own_fits {
                out.push((o, t));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::align::tests::report;

    /// The first outlet tells the magnitude twice, the second time far from the quake's words.
    const REPEAT: [&str; 2] = [
        "Officials said the earthquake measured magnitude 6.1 near Qeshm island on Sunday.\n\n\
         Rescue teams searched the rubble of three villages all night.\n\n\
         Seismologists in Tokyo and Jakarta also recorded 6.1 on their instruments.",
        "A magnitude 6.1 earthquake shook Qeshm island on Sunday, officials said.",
    ];

    fn magnitude_mentions(texts: &[&str]) -> usize {
        let r = report(texts);
        r.groups.iter().filter(|g| g.why.contains("6.1")).map(|g| g.mentions.len()).max().unwrap_or(0)
    }

    #[test]
    fn an_outlets_only_figure_told_again_joins_its_first_telling() {
        assert_eq!(magnitude_mentions(&REPEAT), 3);
    }

    #[test]
    fn a_figure_of_a_role_told_with_several_values_is_no_repeat() {
        let first = REPEAT[0].replace("on Sunday.", "on Sunday, and a 5.2 magnitude aftershock followed.");
        assert_eq!(magnitude_mentions(&[&first, REPEAT[1]]), 2);
    }
}
