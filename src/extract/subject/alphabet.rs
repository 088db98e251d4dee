//! A word in, its alphabetical key out (the integer a claim's terms are sorted by); two terms in,
//! their alphabetical order out; and, for the tests, a list of weighted terms in, the same in
//! alphabetical order out, each term once at its heaviest.

use super::Weighted;
use crate::claim;

/// The first eight bytes of `word`, zero-padded, read as a big-endian integer: where two words'
/// keys differ they order as the words do, since a word shorter than eight bytes is padded below
/// any byte that could follow it (or with the zero bytes that do).
pub(super) fn alphabetical_key(word: &str) -> u64 {
    alphabetical_key_of(word, claim::short_key(word))
}

/// [`alphabetical_key`] of `word` given its `short` key (`claim::short_key`), which interning the
/// word computes already.
#[inline(always)]
pub(super) fn alphabetical_key_of(word: &str, short: Option<u64>) -> u64 {
    // A short word's bytes, first lowest, are its short key below its length (read in two loads,
    // as copying a slice of unknown length calls `memcpy`): reversed, the first highest. A word
    // without one is longer than [`claim::SHORT`] bytes, and eight of them are one load.
    match (short, word.as_bytes().first_chunk::<8>()) {
        (Some(key), _) => (key & BELOW_LENGTH).swap_bytes(),
        (None, Some(&bytes)) => u64::from_be_bytes(bytes),
        (None, None) => unreachable!("a word of under eight bytes has a short key"),
    }
}

/// The bytes of a short key (`claim::short_key`), without its length.
const BELOW_LENGTH: u64 = (1 << 56) - 1;

/// How `a` and `b` stand in alphabetical order: by key, and by the words where keys tie (seldom),
/// which the keys do not order.
pub(super) fn by_the_alphabet(a: &Weighted, b: &Weighted) -> std::cmp::Ordering {
    a.2.cmp(&b.2).then_with(|| a.0.as_str().cmp(b.0.as_str()))
}

/// Sorts `weights` in alphabetical order, a term added twice kept once at its heaviest weight: the
/// plain order the tests check a subject's lists against.
#[cfg(test)]
pub(super) fn alphabetical(weights: &mut Vec<Weighted>) {
    // The copies of a term lie together, as the words order them.
    weights.sort_unstable_by(by_the_alphabet);
    weights.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = kept.1.max(later.1);
        }
        same
    });
}
