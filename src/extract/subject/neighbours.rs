//! The terms of the sentences beside a claim's in, the list they lend its subject out, in a
//! subject's order; and a claim's own terms merged into that list.

use std::iter::Peekable;

use super::alphabet::by_the_alphabet;
use super::{Term, Weighted, MAX_NEIGHBOUR_TERMS, NEIGHBOUR_WEIGHT};
use crate::claim;

/// The most terms two neighbours lend.
const MOST_LENT: usize = 2 * MAX_NEIGHBOUR_TERMS;

/// Slots of the table that finds a lent term's place: twice the most terms two neighbours lend,
/// so that the table is at most half full and a look-up probes one or two slots.
const SLOTS: usize = 2 * MOST_LENT;

/// The terms the sentences beside one sentence lend its claims, in a subject's order: heaviest
/// first, alphabetical among equal weights. Made once for the claims of a sentence (news holds
/// nearly two a sentence), each of which then places only its own few terms among them, rather
/// than merging and sorting the whole list again. A lent term weighs one of two weights (a
/// name's or another word's), so the list is two alphabetical runs.
pub(super) struct Lent {
    /// The sentence the terms are lent to.
    pub(super) to: Option<u32>,
    /// Each term once at its heaviest, the first `len`: the names, then the other words. Room for
    /// the most that can be lent ([`MOST_LENT`]), so that adding a term is two stores, not two
    /// pushes that each ask for room. Made when a sentence is first lent to: none before, so that
    /// lists made only to be replaced (`Terms`' drop) cost nothing.
    terms: Vec<(claim::Term, f32)>,
    /// The alphabetical key of each of `terms`.
    keys: Vec<u64>,
    /// How many terms are lent.
    len: usize,
    /// How many of `terms` are names.
    names: usize,
    /// Where each of `terms` stands, plus one, in the slot its id hashes to or the next free one
    /// after it; 0 in a free slot.
    slots: Box<[u16; SLOTS]>,
    /// The names and the other words as read, before they are ordered.
    read: (Vec<Keyed>, Vec<Keyed>),
}

impl Default for Lent {
    fn default() -> Lent {
        Lent {
            to: None,
            terms: Vec::new(),
            keys: Vec::new(),
            len: 0,
            names: 0,
            slots: Box::new([0; SLOTS]),
            read: Default::default(),
        }
    }
}

impl Lent {
    /// Reads the terms the last terms of `previous` and the first of `next` lend the claims of
    /// sentence `to` (at most [`MAX_NEIGHBOUR_TERMS`] each).
    // Not inlined: it runs once for the claims of a sentence, and inlined it made `subject`, which
    // runs for each claim, cost 1.1M instructions more in 21k subjects (with `merge`, `place`,
    // `place_before` and `dates_a_statement`, each kept out of line for the same measure).
    #[inline(never)]
    pub(super) fn lend(&mut self, to: u32, previous: &[Term], next: &[Term]) {
        let previous = &previous[previous.len().saturating_sub(MAX_NEIGHBOUR_TERMS)..];
        let next = &next[..next.len().min(MAX_NEIGHBOUR_TERMS)];
        // The names and the other words are read apart and each sorted by key: they stand apart in
        // the list, and two short sorts cost fewer steps than one of them all.
        let (mut names, mut words) = std::mem::take(&mut self.read);
        names.clear();
        words.clear();
        for term in previous.iter().chain(next) {
            if term.name {
                names.push((term.text, term.key));
            } else {
                words.push((term.text, term.key));
            }
        }
        // By key alone: the copies of a term lie together or beside terms of its key, and the
        // table of slots keeps one of each as the terms are added, rather than a pass folding
        // them; different terms of one key (seldom) are put in the alphabet's order after.
        names.sort_unstable_by_key(|&(_, key)| key);
        words.sort_unstable_by_key(|&(_, key)| key);
        if self.terms.is_empty() {
            self.make_room();
        }
        self.len = 0;
        self.slots.fill(0);
        // A word also lent as a name stands once, as the heavier name, which comes first.
        let mut tie = self.add_run(&names, LENT_NAME);
        self.names = self.len;
        tie |= self.add_run(&words, NEIGHBOUR_WEIGHT);
        if tie {
            self.order_ties();
        }
        self.read = (names, words);
        self.to = Some(to);
    }

    /// Makes the room for the most terms that can be lent.
    #[cold]
    fn make_room(&mut self) {
        self.terms = vec![(claim::Term::none(), 0.0); MOST_LENT];
        self.keys = vec![0; MOST_LENT];
    }

    /// Adds the terms of `run`, sorted by key, that are not lent already, at `weight`; tells
    /// whether two different terms of one key lie side by side in it, which the keys do not order.
    #[inline]
    fn add_run(&mut self, run: &[Keyed], weight: f32) -> bool {
        // The lists and the count are held apart from `self` while the run is added, so that a
        // store to one is not taken to change the others' places.
        let Lent { terms, keys, len, slots, .. } = self;
        let slots = &mut **slots;
        let mut added = *len;
        for &(term, key) in run {
            if let Err(slot) = place_of(term, slots, &terms[..added]) {
                terms[added] = (term, weight);
                keys[added] = key;
                added += 1;
                // At most `MOST_LENT` terms: their places fit a slot.
                slots[slot] = added as u16;
            }
        }
        *len = added;
        run.windows(2).any(|pair| pair[0].1 == pair[1].1 && pair[0].0 != pair[1].0)
    }

    /// Puts the names and the other words each in the alphabet's order where keys tie, by their
    /// words, and notes their new places.
    #[cold]
    fn order_ties(&mut self) {
        let len = self.len;
        let mut lent: Vec<Weighted> =
            self.terms[..len].iter().zip(&self.keys[..len]).map(|(&(t, w), &k)| (t, w, k)).collect();
        let names = self.names;
        lent[..names].sort_unstable_by(by_the_alphabet);
        lent[names..].sort_unstable_by(by_the_alphabet);
        self.slots.fill(0);
        for (at, (term, weight, key)) in lent.into_iter().enumerate() {
            self.terms[at] = (term, weight);
            self.keys[at] = key;
            if let Err(slot) = place_of(term, &self.slots, &self.terms[..at]) {
                self.slots[slot] = at as u16 + 1;
            }
        }
    }

    /// Where `term` stands among the lent terms, if it is one.
    fn find(&self, term: claim::Term) -> Option<usize> {
        place_of(term, &self.slots, &self.terms[..self.len]).ok()
    }

    /// Where, among the lent terms `from..to` (of one weight, alphabetical), a term of that
    /// weight stands.
    fn alphabetical_place(&self, from: usize, to: usize, x: &Weighted) -> usize {
        let mut k = from + self.keys[from..to].partition_point(|&key| key < x.2);
        while k < to && self.keys[k] == x.2 && self.terms[k].0.as_str() < x.0.as_str() {
            k += 1;
        }
        k
    }

    /// Copies the lent terms `from..to` into `into`, but those `outweighed` (by place, in order).
    // Always inlined: a call for a copy of a few terms cost 4M instructions in 22k subjects, and
    // `#[inline]` alone no longer got it inlined.
    #[inline(always)]
    fn copy(
        &self,
        from: usize,
        to: usize,
        outweighed: &mut Peekable<impl Iterator<Item = usize>>,
        into: &mut Vec<(claim::Term, f32)>,
    ) {
        let mut from = from;
        while let Some(skip) = outweighed.next_if(|&s| s < to) {
            into.extend_from_slice(&self.terms[from..skip]);
            from = skip + 1;
        }
        into.extend_from_slice(&self.terms[from..to]);
    }

    /// Writes into `into` the subject's terms: the claim's `own` terms, each once and in a
    /// subject's order (`Heaviest::order`), placed among the lent terms; a term of both stands
    /// once, at the heavier of its weights. `room` is room for the own terms kept and the lent
    /// terms they outweigh.
    // Not inlined: see `lend`.
    #[inline(never)]
    pub(super) fn merge(
        &self,
        own: impl IntoIterator<Item = Weighted>,
        room: &mut MergeRoom,
        into: &mut Vec<(claim::Term, f32)>,
    ) {
        let MergeRoom { mine, outweighed } = room;
        mine.clear();
        outweighed.clear();
        into.clear();
        for x in own {
            match self.find(x.0) {
                // The lent term stands where the own one would.
                Some(at) if self.terms[at].1 >= x.1 => continue,
                Some(at) => outweighed.push(at),
                None => {}
            }
            // The own terms heavier than every lent one (most are) come first, as they come.
            if x.1 > LENT_NAME {
                into.push((x.0, x.1));
            } else {
                mine.push(x);
            }
        }
        outweighed.sort_unstable();
        // The own terms heavier than a run of lent terms come before it, those of its weight
        // among it by the alphabet, the lighter ones after it.
        let mut mine = mine.iter().peekable();
        let mut outweighed = outweighed.iter().copied().peekable();
        for (from, to, weight) in [(0, self.names, LENT_NAME), (self.names, self.len, NEIGHBOUR_WEIGHT)] {
            while let Some(x) = mine.next_if(|x| x.1 > weight) {
                into.push((x.0, x.1));
            }
            let mut copied = from;
            while let Some(x) = mine.next_if(|x| x.1 == weight) {
                let at = self.alphabetical_place(from, to, x);
                self.copy(copied, at, &mut outweighed, into);
                into.push((x.0, x.1));
                copied = at;
            }
            self.copy(copied, to, &mut outweighed, into);
        }
        into.extend(mine.map(|x| (x.0, x.1)));
    }
}

/// Room for [`Lent::merge`] to work in, kept from one claim to the next.
#[derive(Default)]
pub(super) struct MergeRoom {
    /// The own terms that stand in the subject and weigh no more than a lent name, heaviest
    /// first.
    mine: Vec<Weighted>,
    /// The places of the lent terms that own terms outweigh.
    outweighed: Vec<usize>,
}

/// Where `term` stands among `terms`, whose places `slots` note (plus one, in the slot a term's id
/// hashes to or the next free one after it; 0 in a free slot); else the free slot it would take.
/// One walk of the slots finds either.
#[inline]
fn place_of(term: claim::Term, slots: &[u16; SLOTS], terms: &[(claim::Term, f32)]) -> Result<usize, usize> {
    let mut slot = slot_of(term);
    while let Some(at) = usize::from(slots[slot]).checked_sub(1) {
        if terms[at].0 == term {
            return Ok(at);
        }
        slot = (slot + 1) % SLOTS;
    }
    Err(slot)
}

/// A lent term with its alphabetical key, as read.
type Keyed = (claim::Term, u64);

/// The weight of a name a neighbouring sentence lends.
const LENT_NAME: f32 = NEIGHBOUR_WEIGHT * 1.5;

/// The slot a term's place is looked for from: its id scattered over the table (Fibonacci
/// hashing), as the terms of one passage were interned together and their ids run in sequence.
fn slot_of(term: claim::Term) -> usize {
    (term.id().wrapping_mul(0x9E37_79B9) >> (32 - SLOTS.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::super::{alphabetical, alphabetical_key, HEAD_WEIGHT};
    use super::*;

    /// The subject's terms made the plain way: every term once at its heaviest, then sorted.
    fn plainly(own: &[Weighted], lent: &[Weighted]) -> Vec<(claim::Term, f32)> {
        let mut all: Vec<(claim::Term, f32)> = Vec::new();
        for &(term, weight, _) in own.iter().chain(lent) {
            match all.iter_mut().find(|t| t.0 == term) {
                Some(t) => t.1 = t.1.max(weight),
                None => all.push((term, weight)),
            }
        }
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.as_str().cmp(b.0.as_str())));
        all
    }

    #[test]
    fn own_terms_placed_among_the_lent_give_the_sorted_subject() {
        // Words that share their first eight bytes, so that keys tie, and a few short ones.
        let words = [
            "president",
            "presidential",
            "presidents",
            "international",
            "internationally",
            "quake",
            "earthquake",
            "aceh",
            "dead",
            "injured",
            "a",
            "b",
            "ab",
            "zz",
            "rescue",
            "rescuers",
        ];
        let term = |w: &str, name: bool| Term {
            text: claim::Term::new(w),
            start: 0,
            end: 0,
            name,
            key: alphabetical_key(w),
            marks: 0,
        };
        // Every weight a claim's own term can take, the lent ones' among them.
        let mut weights = vec![HEAD_WEIGHT];
        for distance in 0..=10 {
            weights.extend(super::super::heaviest::weights_at(distance));
        }
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut lent = Lent::default();
        let mut room = MergeRoom::default();
        let mut into = Vec::new();
        for round in 0..400 {
            let side = |next: &mut dyn FnMut(usize) -> usize| -> Vec<Term> {
                (0..next(12)).map(|_| term(words[next(words.len())], next(3) == 0)).collect()
            };
            let (previous, following) = (side(&mut next), side(&mut next));
            lent.lend(round, &previous, &following);
            let mut own: Vec<Weighted> = (0..next(10))
                .map(|_| {
                    let w = words[next(words.len())];
                    (claim::Term::new(w), weights[next(weights.len())], alphabetical_key(w))
                })
                .collect();
            // Each term once at its heaviest, in a subject's order, as `Heaviest::order` gives them.
            alphabetical(&mut own);
            own.sort_by(|a, b| b.1.total_cmp(&a.1));
            lent.merge(own.iter().copied(), &mut room, &mut into);
            let lent_terms: Vec<Weighted> = previous
                .iter()
                .chain(&following)
                .map(|t| (t.text, if t.name { LENT_NAME } else { NEIGHBOUR_WEIGHT }, t.key))
                .collect();
            assert_eq!(into, plainly(&own, &lent_terms), "round {round}");
        }
    }
}
