//! Groups of one block and the claims left on their own in, the groups some headline figures join
//! out: a headline retells the story's main figure in a few words ("Paris thieves nab $2.5 million
//! worth of jewellery"), so a headline figure set apart by the likeness of sentences is still its
//! outlet's telling of the fact its own body tells ("a two-million-euro ($2.6-million) booty").
//! Where the two differ, the outlet contradicts itself, which is what a fact-checker wants shown.

use crate::claim::{Claim, Kind};

use super::clusters::Clusters;
use super::{other_places, source_count, Context, Ground};

/// The most, as a share of the larger, that a headline figure may differ from its body's figure
/// of the fact: headlines round ("$2.5 million" for $2.6 million), they do not tell another sum.
const HEADLINE_ROUNDING: f64 = 0.25;

/// Whether two figures written in one unit lie within `HEADLINE_ROUNDING` of each other.
fn near(x: &Claim, y: &Claim) -> bool {
    let (a, b) = (x.nominal.magnitude(), y.nominal.magnitude());
    let hi = a.abs().max(b.abs());
    x.unit == y.unit && hi > 0.0 && (a - b).abs() <= HEADLINE_ROUNDING * hi
}

/// For each headline figure left on its own (`Subject::headline`), the group it joins, if any:
/// the one group holding every figure of its own outlet's body of its role and unit near its value
/// (`near`), told by other sources too, none of another place or day. Never a date (a dateline
/// above the title dates the page, not the event), nor a figure of an earlier event, of
/// occurrences or of a part; and an outlet whose near body figures lie in two groups, or one on
/// its own, tells two facts near the headline's, so the headline is left alone.
pub(super) fn headline_targets(cx: &Context, clusters: &Clusters) -> Vec<(usize, usize, Ground)> {
    let claims = cx.claims;
    let mut out = Vec::new();
    for o in clusters.loners() {
        let x = &claims[o];
        let s = &x.subject;
        if !s.headline || x.kind == Kind::Date || s.past || s.times || s.part {
            continue;
        }
        let mut targets: Vec<usize> = cx.by_source[x.source as usize]
            .iter()
            .copied()
            .filter(|&m| {
                let y = &claims[m];
                m != o
                    && !y.subject.headline
                    && !y.subject.past
                    && y.kind == x.kind
                    && cx.same_role(m, o)
                    && y.subject.qualifiers == s.qualifiers
                    && near(x, y)
            })
            .map(|m| clusters.of(m))
            .collect();
        targets.sort_unstable();
        targets.dedup();
        let [t] = targets[..] else { continue };
        let group = &clusters.all()[&t];
        let fits = group.iter().all(|&m| {
            let y = &claims[m];
            !y.subject.past && !other_places(x, y) && (s.weekday.is_none() || s.weekday == y.subject.weekday)
        });
        // The group holds the outlet's own body figure, so its other sources are all but one.
        let others = source_count(claims, group) - 1;
        if fits && others > 0 {
            out.push((o, t, Ground::Headline { source: x.source as usize, others }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::align::tests::report;
    use crate::compare::Verdict;

    /// The group holding the third outlet's body figure when its first line is `first`.
    fn haul(first: &str) -> crate::report::Group {
        let texts = [
            "Robbers stole jewels worth $2.6 million from a store in Paris on Monday, police said.".to_string(),
            "Thieves made off with watches and rings valued at $2.6 million in Paris on Monday.".to_string(),
            format!(
                "{first}\n\nFour men rammed their car into a store \
                 in Paris on Monday, making off with a $2.6 million booty, a police source said."
            ),
        ];
        let r = report(&texts);
        r.groups
            .into_iter()
            .find(|g| g.mentions.iter().any(|m| &*m.path == "a2.txt" && m.text().contains("2.6")))
            .expect("the body figure grouped")
    }

    #[test]
    fn a_headline_figure_against_its_own_body_joins_the_fact_and_shows_the_dispute() {
        let g = haul("Paris thieves nab $2.5 million worth of jewellery");
        assert!(g.mentions.iter().any(|m| m.text() == "$2.5 million"), "{:?}", g.mentions);
        assert_eq!(g.verdict, Verdict::Conflict, "{}", g.why);
        assert!(g.why.contains("headline"), "{}", g.why);
    }

    #[test]
    fn a_first_line_told_as_a_sentence_is_no_headline() {
        let g = haul("Paris thieves nabbed $2.5 million worth of jewellery, police said.");
        assert!(g.mentions.iter().all(|m| m.text() != "$2.5 million"), "{:?}", g.mentions);
    }

    #[test]
    fn a_headline_figure_far_from_its_body_is_another_figure() {
        let g = haul("Paris thieves nab $25 million worth of jewellery");
        assert!(g.mentions.iter().all(|m| m.text() != "$25 million"), "{:?}", g.mentions);
    }
}
