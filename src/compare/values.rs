//! A group's claims by value, for `compare` to relate each two values once and search their
//! claims for the first pair of two sources.

use rustc_hash::FxHashMap as HashMap;

use super::RelateKey;
use crate::claim::Claim;

/// The claims of a group by value as `relate` reads it (`RelateKey`), values in order of their
/// first claim.
pub(super) struct Values<'c> {
    claims: &'c [&'c Claim],
    /// Each value's claims, ascending.
    pub(super) members: Vec<Vec<usize>>,
    /// Per value and place in its `members`, the first place at or after it whose claim another
    /// source tells (`members.len()` if none): a source telling one value many times is passed
    /// over at once.
    other_source: Vec<Vec<usize>>,
}

impl<'c> Values<'c> {
    pub(super) fn of(claims: &'c [&'c Claim]) -> Self {
        let mut numbers: HashMap<RelateKey, usize> = HashMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (n, c) in claims.iter().enumerate() {
            let next = members.len();
            let v = *numbers.entry(RelateKey::of(c)).or_insert(next);
            if v == next {
                members.push(Vec::new());
            }
            members[v].push(n);
        }
        let other_source = members
            .iter()
            .map(|m| {
                let mut other = vec![m.len(); m.len()];
                for p in (0..m.len().saturating_sub(1)).rev() {
                    other[p] = if claims[m[p]].source != claims[m[p + 1]].source { p + 1 } else { other[p + 1] };
                }
                other
            })
            .collect();
        Values { claims, members, other_source }
    }

    /// The first pair of claims (in order of the first, then the second) of values `i` and `j`,
    /// the first before the second, told by two sources.
    pub(super) fn first_pair(&self, i: usize, j: usize) -> Option<(usize, usize)> {
        let (later, other) = (&self.members[j], &self.other_source[j]);
        for &n in &self.members[i] {
            let p = later.partition_point(|&m| m <= n);
            // No claim of `j` follows this one, nor any later one of `i`.
            let &m = later.get(p)?;
            let q = if self.claims[m].source != self.claims[n].source { p } else { other[p] };
            if let Some(&m) = later.get(q) {
                return Some((n, m));
            }
        }
        None
    }

    /// [`Values::first_pair`], of values `i` and `j` written in two units, leaving out pairs where
    /// either source also wrote the other's unit, as `wrote` tells of a claim's source and a claim
    /// of the other value.
    pub(super) fn first_pair_not_beside(
        &self,
        i: usize,
        j: usize,
        wrote: impl Fn(&Claim, &Claim) -> bool,
    ) -> Option<(usize, usize)> {
        let (a, b) = (self.claims[self.members[i][0]], self.claims[self.members[j][0]]);
        // Every pair left is of two sources, as the first wrote `a`'s unit and the second did not:
        // the first claim of `i` left has the first pair if any.
        let n = *self.members[i].iter().find(|&&n| !wrote(self.claims[n], b))?;
        let m = *self.members[j].iter().find(|&&m| m > n && !wrote(self.claims[m], a))?;
        debug_assert_ne!(self.claims[n].source, self.claims[m].source);
        Some((n, m))
    }
}
