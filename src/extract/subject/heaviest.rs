//! A claim's own terms as read (each with the distance that weighs it) in, the same terms out in a
//! subject's order: heaviest first, alphabetical among equal weights, each term once at its
//! heaviest.
//!
//! A term's weight is one of a few (one for each distance up to the window, half again for a name,
//! and the counted noun's), so its rank among them and its alphabetical key make one integer that
//! orders it, and the terms are sorted once, by that integer: a sort by the alphabet and another
//! by weight cost twice the comparisons, and the moves of a list of indices between them.

use super::{Weighted, HEAD_WEIGHT};
use crate::claim;

/// The terms of a claim's own sentence (and its counted noun) being put in a subject's order; kept
/// from one claim to the next.
#[derive(Default)]
pub(super) struct Heaviest {
    /// For each distance up to the window, the weight of a word (first) and of a name (second) at
    /// that distance, each with its rank above the alphabetical keys (`Ordered::order`). A rank
    /// counts the weights any term can take that are heavier, so that equal weights have one rank
    /// and the counted noun alone has rank 0.
    by_distance: Vec<[(f32, u64); 2]>,
    /// The window `by_distance` was made for.
    window: Option<usize>,
    /// How many of a key's lowest bits give way to a rank.
    shift: u32,
    /// The terms added since `clear`.
    terms: Vec<Ordered>,
}

/// A term of a claim's own, with the integer that orders it: its weight's rank in the highest bits
/// (just enough for every rank), the highest bits of its alphabetical key below. Two terms whose
/// integers are equal are of one weight, and are ordered by their whole keys, then their words.
#[derive(Clone, Copy, Debug)]
struct Ordered {
    /// The rank and key, as one integer.
    order: u64,
    /// The term, its weight and alphabetical key.
    term: Weighted,
}

impl Heaviest {
    /// Forgets the terms added, ready for a claim whose words weigh by distance up to `window`.
    pub(super) fn clear(&mut self, window: usize) {
        self.terms.clear();
        if self.window != Some(window) {
            self.weigh(window);
        }
    }

    /// Makes the weights and ranks of the distances up to `window`.
    #[cold]
    fn weigh(&mut self, window: usize) {
        let weights: Vec<[f32; 2]> = (0..=window).map(weights_at).collect();
        // Positive weights order as their bits do.
        let mut distinct: Vec<u32> = weights.iter().flatten().map(|w| w.to_bits()).collect();
        distinct.sort_unstable_by(|a, b| b.cmp(a));
        distinct.dedup();
        debug_assert!(distinct.first().is_none_or(|&w| f32::from_bits(w) < HEAD_WEIGHT));
        // The counted noun's rank, 0, and one for each weight below it.
        self.shift = usize::BITS - distinct.len().leading_zeros();
        let rank = |w: f32| {
            let rank = 1 + distinct.iter().position(|&bits| bits == w.to_bits()).unwrap_or(0) as u64;
            rank << (u64::BITS - self.shift)
        };
        self.by_distance = weights.iter().map(|&[word, name]| [(word, rank(word)), (name, rank(name))]).collect();
        self.window = Some(window);
    }

    /// Adds the claim's counted noun, `term` of alphabetical key `key`.
    pub(super) fn add_head(&mut self, term: claim::Term, key: u64) {
        self.terms.push(Ordered { order: key >> self.shift, term: (term, HEAD_WEIGHT, key) });
    }

    /// Adds `term` of alphabetical key `key`, a name or not, at `distance` from the claim; a term
    /// further than the window weighs nothing and is not added.
    #[inline]
    pub(super) fn add(&mut self, term: claim::Term, key: u64, distance: usize, name: bool) {
        // A name's weight is chosen, not branched on: names and other words alternate unforeseeably.
        if let Some(weights) = self.by_distance.get(distance) {
            let (weight, rank) = weights[usize::from(name)];
            self.terms.push(Ordered { order: rank | key >> self.shift, term: (term, weight, key) });
        }
    }

    /// The terms added, in a subject's order: heaviest first, alphabetical among equal weights
    /// (`alphabetical_key`, then the words where keys tie), each term once at its heaviest.
    pub(super) fn order(&mut self) -> impl Iterator<Item = Weighted> + '_ {
        let terms = &mut self.terms[..];
        // An insertion sort: a claim's window holds some ten terms, added nearly in order.
        for k in 1..terms.len() {
            let x = terms[k];
            let mut j = k;
            while j > 0 && before(&x, &terms[j - 1]) {
                terms[j] = terms[j - 1];
                j -= 1;
            }
            terms[j] = x;
        }
        // The first copy of a term is its heaviest. A term is looked for among those before it
        // only when a bit of its id was seen before: a term seldom stands twice in a claim's
        // window. Read as they are merged, not copied.
        let terms = &*terms;
        let mut seen = 0u64;
        terms.iter().enumerate().filter_map(move |(k, &Ordered { term, .. })| {
            let bit = 1u64 << (term.0.id() % 64);
            let first = seen & bit == 0 || !terms[..k].iter().any(|t| t.term.0 == term.0);
            seen |= bit;
            first.then_some(term)
        })
    }
}

/// The weights of a word (first) and of a name (second) of a claim's own sentence at `distance`
/// from the claim: a word beside it weighs 1, and less the further it stands.
pub(super) fn weights_at(distance: usize) -> [f32; 2] {
    let weight = 1.0 / (1.0 + 0.5 * distance as f32);
    [weight, weight * 1.5]
}

/// Whether `a` comes before `b` in a subject's order: by their integers, which tie only within one
/// weight, and then by their keys and words.
#[inline(always)]
fn before(a: &Ordered, b: &Ordered) -> bool {
    a.order < b.order || (a.order == b.order && alphabetically_before(&a.term, &b.term))
}

/// Whether `a` comes before `b` by the alphabet: by key, and by the words where keys tie.
#[cold]
fn alphabetically_before(a: &Weighted, b: &Weighted) -> bool {
    a.2 < b.2 || (a.2 == b.2 && a.0.as_str() < b.0.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::alphabetical_key;
    use super::*;

    #[test]
    fn terms_come_heaviest_first_alphabetical_among_equals_each_once() {
        let words = ["president", "presidential", "presidents", "quake", "aceh", "a", "ab", "b", "zz", "rescue"];
        let mut seed = 11u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut heaviest = Heaviest::default();
        for round in 0..500 {
            let window = 1 + next(10);
            heaviest.clear(window);
            let mut plain: Vec<Weighted> = Vec::new();
            let mut add = |term: claim::Term, weight: f32, key: u64| match plain.iter_mut().find(|t| t.0 == term) {
                Some(t) => t.1 = t.1.max(weight),
                None => plain.push((term, weight, key)),
            };
            if next(2) == 0 {
                let w = words[next(words.len())];
                heaviest.add_head(claim::Term::new(w), alphabetical_key(w));
                add(claim::Term::new(w), HEAD_WEIGHT, alphabetical_key(w));
            }
            for _ in 0..next(16) {
                let w = words[next(words.len())];
                let (distance, name) = (next(window + 3), next(3) == 0);
                heaviest.add(claim::Term::new(w), alphabetical_key(w), distance, name);
                if distance <= window {
                    add(claim::Term::new(w), weights_at(distance)[usize::from(name)], alphabetical_key(w));
                }
            }
            plain.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.as_str().cmp(b.0.as_str())));
            assert_eq!(heaviest.order().collect::<Vec<_>>(), plain, "round {round}");
        }
    }
}
