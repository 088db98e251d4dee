//! Two claims of one block in, whether a dispute between them is plausible out: a source stating
//! the other's value beside its own, values orders of magnitude apart, or a degree of harm set
//! against a plain whole make two facts of two figures, not one fact in dispute.

use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use super::Context;
use crate::claim::{Claim, Degree, Kind};
use crate::compare::{self, RelateKey, Verdict};

/// Whether two disjoint values could be two accounts of one fact. Not when one of the two sources
/// also states the other's value as a figure of the same kind: "23 pirates, 12 of them Somali"
/// makes 12 and 23 two facts, so another outlet's 12 contradicts nothing, even when the extractor
/// read "12 Somali" as counting Somalis. Nor when the values lie orders of magnitude apart
/// (`max_conflict_ratio`): "3" and "200" are no rounding or reporting slip. The check reads the
/// two sources, never the corpus, and of a source of many claims only those near the other's
/// value (`Told`): a source of thousands of figures, asked of each, was read thousands of times.
/// `stated` remembers what the block's earlier pairs found.
pub(super) fn plausible_conflict(cx: &Context, stated: &mut Stated, a: usize, b: usize) -> bool {
    let (claims, rules) = (cx.claims, cx.rules);
    let (x, y) = (&claims[a], &claims[b]);
    let (lo, hi) = (x.value.magnitude().min(y.value.magnitude()), x.value.magnitude().max(y.value.magnitude()));
    if x.kind != Kind::Date && lo > 0.0 && hi / lo > rules.max_conflict_ratio {
        return false;
    }
    // A figure of the same role says so outright; one of another role (another counted noun)
    // only when its sentence speaks of the same things, and never one of another role of its
    // own: "18 injured and 12 arrested" tells nothing of another outlet's 12 injured. Nor, for a
    // figure of a degree of harm, one of another degree: "injured dozens" beside "eight suffered
    // serious injury" tells nothing of another outlet's dozens seriously injured (while "dozens
    // seriously injured" beside "300 injured" may be what another outlet's plain dozens count).
    let states = |own: &Claim, own_index: usize, other: &Claim| {
        let beside = |m: usize| {
            let z = &claims[m];
            let same_role = cx.same_role(m, own_index);
            // The cheap tests of the role first: most of a source's figures fail them.
            m != own_index
                && z.kind == own.kind
                && (z.subject.degree == own.subject.degree || own.subject.degree == Degree::Unsaid)
                && (same_role || (!z.subject.past && !cx.own_roles(m, own_index)))
                && compare::relate(z, other, rules) == Verdict::Agree
                && (same_role || cx.vectors.similarity(m, own_index) >= rules.threshold_overlap)
        };
        let own_claims = &cx.by_source[own.source as usize];
        if own_claims.len() <= READ_WHOLE_UP_TO {
            own_claims.iter().any(|&m| beside(m))
        } else {
            cx.told(own.source).may_agree(own.kind, other).any(beside)
        }
    };
    !(stated.get_or(a, y, || states(x, a, y)) || stated.get_or(b, x, || states(y, b, x)))
}

/// Most claims of a source read whole when asked whether it states a value; a source of more is
/// searched by value (`Told`). A pile's sources hold 18 claims on average: an index of each, kept
/// through the alignment, took 4% more memory (5 MiB of 124) and saved no time.
const READ_WHOLE_UP_TO: usize = 64;

/// Whether the source of a figure also states a value beside it, remembered: that depends on the
/// figure and on the value alone (`RelateKey`), and a pile's merges ask it of one figure against
/// the same value again and again, since the members of a cluster mostly tell one value (55% of
/// the asks of the benchmarks' 10,000-source pile are answered here). A table of fixed size, so
/// that its memory does not grow with the block: a question whose slot another took is asked
/// again.
pub(super) struct Stated {
    /// By hash of the figure and the value: the figure, the value and the answer. Empty until the
    /// first question: most blocks of a story never ask one.
    slots: Vec<Option<(u32, RelateKey, bool)>>,
    /// How many slots the table gets.
    size: usize,
}

impl Stated {
    /// A table for a block of `members` claims: a few slots a claim, up to `MAX_STATED_SLOTS`.
    pub(super) fn for_block(members: usize) -> Stated {
        Stated { slots: Vec::new(), size: (members * 4).next_power_of_two().clamp(64, MAX_STATED_SLOTS) }
    }

    /// What `ask` answers of the figure at `own` and a claim telling `other`'s value.
    fn get_or(&mut self, own: usize, other: &Claim, ask: impl FnOnce() -> bool) -> bool {
        if self.slots.is_empty() {
            self.slots = vec![None; self.size];
        }
        let (own, key) = (own as u32, RelateKey::of(other));
        let slot = (FxBuildHasher.hash_one((own, key)) as usize) % self.size;
        match self.slots[slot] {
            Some((o, k, answer)) if o == own && k == key => answer,
            _ => {
                let answer = ask();
                self.slots[slot] = Some((own, key, answer));
                answer
            }
        }
    }
}

/// Most slots of a block's `Stated` table, about 400 KB: a table 256 times the size answers
/// hardly more of a pile's asks (59% against 55%).
const MAX_STATED_SLOTS: usize = 4096;

/// Whether one of two figures is told of a degree of harm ("dozens of others were seriously
/// injured") by an outlet that also tells its role plainly ("at least 50 people were
/// hospitalised", a whole no smaller than the part), and the other figure tells no degree: that
/// outlet's figure is a part beside the whole, which agrees with another outlet's whole only by
/// chance. An outlet that tells the role only of a degree ("more than 50 people with serious
/// injuries"), or plainly only of something smaller (16 injured in another camp), gives its account
/// of the whole so. Nor does a plain figure meet another outlet's figure of a degree when its own
/// outlet tells that degree too ("hurt dozens", "eight suffered serious injury"): that outlet's
/// account of the degree is its graded figure.
pub(super) fn degree_beside_plain(cx: &Context, a: usize, b: usize) -> bool {
    let (x, y) = (cx.claims[a].subject.degree, cx.claims[b].subject.degree);
    x != y
        && ((x != Degree::Unsaid && (plain_beside(cx, a) || graded_beside(cx, b, x)))
            || (y != Degree::Unsaid && (plain_beside(cx, b) || graded_beside(cx, a, y))))
}

/// Whether the outlet of figure `i` tells its role plainly too, no smaller than `i`.
pub(super) fn plain_beside(cx: &Context, i: usize) -> bool {
    let least = cx.claims[i].nominal.low().unwrap_or(f64::NEG_INFINITY);
    cx.by_source[cx.claims[i].source as usize].iter().any(|&m| {
        let z = &cx.claims[m];
        m != i
            && cx.same_role(m, i)
            && z.subject.degree == Degree::Unsaid
            && !z.subject.part
            && !z.subject.past
            && z.nominal.high().is_none_or(|h| h >= least)
    })
}

/// Whether the outlet of figure `i` tells its role of `degree` too.
pub(super) fn graded_beside(cx: &Context, i: usize, degree: Degree) -> bool {
    cx.by_source[cx.claims[i].source as usize]
        .iter()
        .any(|&m| m != i && cx.same_role(m, i) && cx.claims[m].subject.degree == degree)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;
    use crate::source::Source;

    fn claims(text: &str) -> Vec<Claim> {
        let source = Source::new("a.txt", text.to_string(), &mut Vec::new());
        crate::extract::extract(&source, 0, &Rules::embedded().unwrap()).claims
    }

    #[test]
    fn a_figure_is_asked_once_of_each_value_whichever_claim_tells_it() {
        let told: Vec<Claim> = claims("Seven people died. Another source said 7 people died. Later 12 people died.")
            .into_iter()
            .filter(|c| c.kind == Kind::Count)
            .collect();
        let (seven, again, twelve) = (&told[0], &told[1], &told[2]);
        assert!(RelateKey::of(seven) == RelateKey::of(again), "{told:?}");
        let mut stated = Stated::for_block(3);
        assert!(stated.get_or(0, seven, || true));
        assert!(stated.get_or(0, again, || unreachable!("the value was asked already")));
        // Another value, or the same value beside another figure, is asked.
        assert!(!stated.get_or(0, twelve, || false));
        assert!(!stated.get_or(1, seven, || false));
        assert!(stated.get_or(0, seven, || true));
    }

    #[test]
    fn a_tables_size_follows_its_block_within_bounds() {
        assert_eq!(Stated::for_block(1).size, 64);
        assert_eq!(Stated::for_block(100).size, 512);
        assert_eq!(Stated::for_block(1_000_000).size, MAX_STATED_SLOTS);
        assert!(Stated::for_block(100).slots.is_empty(), "made at the first question");
    }
}
