//! The claims of one source, the sentence of each in, the same claims out with those told as one
//! side of a dispute marked (`Subject::disputed`): news says so where accounts disagree ("contrary
//! to initial estimates", "the conflicting reports"), in the sentence of the figure or the one
//! right after it.

use super::subject::Terms;
use crate::claim::Claim;

/// Marks the claims whose sentence (`sentences`, one per claim) or the next holds a word of
/// `disputes` (`WordLists::DISPUTES`), as `terms` tell, which read those sentences for the claims'
/// subjects.
pub(super) fn mark(claims: &mut [Claim], sentences: &[u32], terms: &Terms) {
    for (c, &s) in claims.iter_mut().zip(sentences) {
        c.subject.disputed = terms.disputing(s) || terms.disputing(s + 1);
    }
}
