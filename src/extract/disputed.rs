//! The claims of one source, the sentence of each and its tokens in, the same claims out with
//! those told as one side of a dispute marked (`Subject::disputed`): news says so where accounts
//! disagree ("contrary to initial estimates", "the conflicting reports"), in the sentence of the
//! figure or the one right after it.

use super::lexer::Token;
use crate::claim::Claim;
use crate::rules::Rules;

/// Marks the claims whose sentence (`sentences`, one per claim) or the next holds a word of
/// `Rules::disputes`. Only those sentences are read: most sentences of a source hold no claim.
pub(super) fn mark(claims: &mut [Claim], sentences: &[u32], tokens: &[Token], rules: &Rules) {
    // Tokens lie in sentence order, so a sentence's are found by halving.
    let disputing = |s: u32| {
        let from = tokens.partition_point(|t| t.sentence < s);
        tokens[from..].iter().take_while(|t| t.sentence == s).any(|t| rules.disputes.contains(&*t.norm))
    };
    // Claims of one sentence stand together: each sentence is read once for all of them.
    let mut last: Option<(u32, bool)> = None;
    for (c, &s) in claims.iter_mut().zip(sentences) {
        let disputed = match last {
            Some((at, disputed)) if at == s => disputed,
            _ => disputing(s) || disputing(s + 1),
        };
        last = Some((s, disputed));
        c.subject.disputed = disputed;
    }
}
