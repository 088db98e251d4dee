//! A block's claims in, its clusters as they merge out: which cluster each claim is in, each
//! cluster's members, and the pairs of claims a merge of two clusters is judged on. A merge reads a
//! bounded number of pairs from two sources however large its clusters have grown, so a fact told
//! by hundreds of outlets of a pile costs no more per merge than one told by a few.

use rustc_hash::FxHashMap as HashMap;

use crate::claim::Claim;

/// How many members of each cluster a merge judges the pairs from two sources on: its first ones,
/// which formed it (clusters grow most alike first). A story's clusters hold fewer (the ECB+
/// stories have six sources at most), so there every pair is judged; a pile's hold hundreds, where
/// judging every pair of every merge cost time growing with the square of the pile.
const JUDGED: usize = 48;

/// One block's claims with where each stands among them: what its clusters and its scored pairs
/// are kept by, a list indexed by place rather than a map by claim.
#[derive(Clone, Copy)]
pub(super) struct Block<'a> {
    /// The block's claims, ascending.
    pub(super) members: &'a [usize],
    /// Per claim, its place among the members of its block (`Context::place`).
    pub(super) place: &'a [u32],
}

impl Block<'_> {
    /// Where `claim` stands among the members, or `None` when it is not of the block.
    pub(super) fn place_of(&self, claim: usize) -> Option<usize> {
        let p = *self.place.get(claim)? as usize;
        (self.members.get(p) == Some(&claim)).then_some(p)
    }

    /// Where `claim`, a member, stands among the members.
    pub(super) fn place_of_member(&self, claim: usize) -> usize {
        let p = self.place[claim] as usize;
        debug_assert_eq!(self.members[p], claim, "claim {claim} is not of the block");
        p
    }
}

/// The claims that stand alone in their cluster, read from the clusters `names` in that order: the
/// figures the joins after the merges may move into a group (see `align_block`).
pub(super) fn alone<'a>(
    clusters: &'a HashMap<usize, Vec<usize>>,
    names: &'a [usize],
) -> impl Iterator<Item = usize> + 'a {
    names.iter().map(|k| &clusters[k]).filter(|members| members.len() == 1).map(|members| members[0])
}

/// The clusters of one block. A cluster is named by the claim it started from and keeps that name
/// as it grows, so what was found of it (`apart` in `align_block`) holds while it grows.
pub(super) struct Clusters<'a> {
    /// The block's claims and their places.
    block: Block<'a>,
    /// Each claim's cluster, by its place in `block`: a list, where a map by claim held a pile's
    /// largest block in 2 MB.
    of: Vec<u32>,
    /// Each cluster's members, in the order they joined.
    members: HashMap<usize, Vec<usize>>,
}

impl<'a> Clusters<'a> {
    /// Each claim of `block` a cluster of its own.
    pub(super) fn singletons(block: Block<'a>) -> Clusters<'a> {
        Clusters {
            block,
            of: block.members.iter().map(|&m| m as u32).collect(),
            members: block.members.iter().map(|&m| (m, vec![m])).collect(),
        }
    }

    /// The cluster `claim`, a claim of the block, is in.
    pub(super) fn of(&self, claim: usize) -> usize {
        self.of[self.block.place_of_member(claim)] as usize
    }

    /// The cluster `claim` is in, or `None` when it lies outside the block.
    pub(super) fn cluster_of(&self, claim: usize) -> Option<usize> {
        self.block.place_of(claim).map(|p| self.of[p] as usize)
    }

    /// The one cluster of several members that holds any of `claims`, if exactly one does: an
    /// outlet whose figure sits in two groups tells two facts of it, so neither is the one.
    pub(super) fn only_group_holding(&self, claims: impl Iterator<Item = usize>) -> Option<usize> {
        let mut groups: Vec<usize> =
            claims.filter_map(|m| self.cluster_of(m)).filter(|t| self.members[t].len() > 1).collect();
        groups.sort_unstable();
        groups.dedup();
        match groups[..] {
            [t] => Some(t),
            _ => None,
        }
    }

    /// The claims left on their own, each the one member of its cluster, in ascending order so
    /// that the joins read from them come out the same on every run.
    pub(super) fn loners(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.members.values().filter(|c| c.len() == 1).map(|c| c[0]).collect();
        out.sort_unstable();
        out
    }

    /// The clusters by name, with their members.
    pub(super) fn all(&self) -> &HashMap<usize, Vec<usize>> {
        &self.members
    }

    /// The clusters' names, ascending: the order the passes after the merges read them in, sorted
    /// once for all of them.
    pub(super) fn names(&self) -> Vec<usize> {
        let mut names: Vec<usize> = self.members.keys().copied().collect();
        names.sort_unstable();
        names
    }

    /// Every cluster by name, with its members, in no particular order.
    pub(super) fn into_named(self) -> impl Iterator<Item = (usize, Vec<usize>)> {
        self.members.into_iter()
    }

    /// Moves the members of cluster `from` after those of cluster `into`, which keeps its name.
    /// Nothing happens when `from` is no cluster (any more) or is `into`.
    pub(super) fn merge(&mut self, into: usize, from: usize) {
        if into == from || !self.members.contains_key(&into) {
            return;
        }
        let Some(moved) = self.members.remove(&from) else { return };
        for &m in &moved {
            self.of[self.block.place_of_member(m)] = into as u32;
        }
        if let Some(target) = self.members.get_mut(&into) {
            target.extend(moved);
        }
    }

    /// Calls `judge(x, y)` for the pairs of a member `x` of cluster `a` and a member `y` of
    /// cluster `b` that a merge of the two is judged on: every pair when both are small, as in a
    /// story. Of larger clusters, every pair of one source (a source never contradicts itself in
    /// a group, so that is checked in full), found through the claims of each source, and the
    /// pairs of two sources among the first `JUDGED` members of each.
    pub(super) fn judged_pairs(
        &self,
        claims: &[Claim],
        by_source: &super::Grouped,
        (a, b): (usize, usize),
        mut judge: impl FnMut(usize, usize),
    ) {
        let (ma, mb) = (&self.members[&a], &self.members[&b]);
        if ma.len() <= JUDGED && mb.len() <= JUDGED {
            for &x in ma {
                for &y in mb {
                    judge(x, y);
                }
            }
            return;
        }
        for &x in ma.iter().take(JUDGED) {
            for &y in mb.iter().take(JUDGED) {
                if claims[x].source != claims[y].source {
                    judge(x, y);
                }
            }
        }
        // From the smaller side, each member's fellow claims of its source in the other cluster.
        let fellows = |m: usize, cluster: usize| {
            by_source[claims[m].source as usize].iter().copied().filter(move |&z| self.cluster_of(z) == Some(cluster))
        };
        if ma.len() <= mb.len() {
            for &x in ma {
                fellows(x, b).for_each(|y| judge(x, y));
            }
        } else {
            for &y in mb {
                fellows(y, a).for_each(|x| judge(x, y));
            }
        }
    }
}
