//! The claims of one source, the sentence of each and its tokens in, the same claims out with
//! those told as one side of a dispute marked (`Subject::disputed`): news says so where accounts
//! disagree ("contrary to initial estimates", "the conflicting reports"), in the sentence of the
//! figure or the one right after it.

use super::lexer::Token;
use crate::claim::Claim;
use crate::rules::Rules;

/// Marks the claims whose sentence (`sentences`, one per claim) or the next holds a word of
/// `Rules::disputes`.
pub(super) fn mark(claims: &mut [Claim], sentences: &[u32], tokens: &[Token], rules: &Rules) {
    let mut disputing: Vec<u32> =
        tokens.iter().filter(|t| rules.disputes.contains(&*t.norm)).map(|t| t.sentence).collect();
    disputing.dedup();
    if disputing.is_empty() {
        return;
    }
    for (c, &s) in claims.iter_mut().zip(sentences) {
        c.subject.disputed = disputing.binary_search(&s).is_ok() || disputing.binary_search(&(s + 1)).is_ok();
    }
}
