//! The claims of one source, the sentence of each and its tokens in, the same claims out with
//! those told as one side of a dispute marked (`Subject::disputed`): news says so where accounts
//! disagree ("contrary to initial estimates", "the conflicting reports"), in the sentence of the
//! figure or the one right after it.

use super::sentences::SentenceIndex;
use super::subject::Terms;
use crate::claim::Claim;
use crate::rules::WordLists;

/// Marks the claims whose sentence (`sentences`, one per claim) or the next holds a word of
/// `disputes` (`WordLists::DISPUTES`), as the words' lists in `terms` tell. Only those sentences
/// are read: most sentences of a source hold no claim.
pub(super) fn mark(claims: &mut [Claim], sentences: &[u32], by_sentence: &SentenceIndex, terms: &Terms) {
    // Each sentence asked is read once.
    let mut read: Vec<Option<bool>> = vec![None; by_sentence.count() + 1];
    let mut disputing = |s: u32| match read.get_mut(s as usize) {
        Some(known) => *known.get_or_insert_with(|| by_sentence.span(s).any(|k| terms.listed(k, WordLists::DISPUTES))),
        None => false,
    };
    for (c, &s) in claims.iter_mut().zip(sentences) {
        c.subject.disputed = disputing(s) || disputing(s + 1);
    }
}
