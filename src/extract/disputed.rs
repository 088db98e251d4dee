//! The claims of one source, the sentence of each and its tokens in, the same claims out with
//! those told as one side of a dispute marked (`Subject::disputed`): news says so where accounts
//! disagree ("contrary to initial estimates", "the conflicting reports"), in the sentence of the
//! figure or the one right after it.

use super::lexer::{sentence_span, Token};
use crate::claim::Claim;
use crate::rules::Rules;

/// Marks the claims whose sentence (`sentences`, one per claim) or the next holds a word of
/// `Rules::disputes`. Only those sentences are read: most sentences of a source hold no claim.
pub(super) fn mark(claims: &mut [Claim], sentences: &[u32], tokens: &[Token], rules: &Rules) {
    // No word shorter than the shortest of the list needs looking up.
    let Some(shortest) = rules.disputes.iter().map(String::len).min() else { return };
    // Each sentence asked is read once.
    let mut read: Vec<Option<bool>> = vec![None; tokens.last().map_or(0, |t| t.sentence as usize + 2)];
    let mut disputing = |s: u32| match read.get_mut(s as usize) {
        Some(known) => *known.get_or_insert_with(|| {
            let words = tokens[sentence_span(tokens, s)].iter();
            words.filter(|t| t.norm.len() >= shortest).any(|t| rules.disputes.contains(&*t.norm))
        }),
        None => false,
    };
    for (c, &s) in claims.iter_mut().zip(sentences) {
        c.subject.disputed = disputing(s) || disputing(s + 1);
    }
}
