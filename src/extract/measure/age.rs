//! The tokens around a figure in, the unit of age out when the figure is the age of someone who
//! died ("dies at 95", "Kimani Gray, 16, was shot"), which would otherwise read as a toll.

use super::counted::counted_noun;
use crate::extract::lexer::{Token, TokenKind};
use crate::extract::number::{self, Number};
use crate::rules::Rules;

/// "Dies at 95", "died at 86 in his sleep": a figure after "at" that follows a death, with no noun
/// of its own, is the age of the dead, not a toll; so is one after "aged", "at age" or "at the
/// age of", and one set between commas after a name ("Kimani Gray, 16, was shot"). Returns the
/// unit of age. `single` is the figure's number, `None` for a range (no age); `facts` are the
/// text's word facts, if the caller has them (`number::Facts`).
pub(super) fn age_at_death<'r>(
    tokens: &[Token],
    text: &str,
    rules: &'r Rules,
    facts: number::Facts,
    start: usize,
    k: usize,
    single: Option<&Number>,
) -> Option<&'r crate::rules::Unit> {
    const DEATH: [&str; 5] = ["die", "dies", "died", "dead", "dying"];
    let before = |n: usize| start.checked_sub(n).and_then(|j| tokens.get(j));
    let is = |n: usize, word: &str| before(n).is_some_and(|t| t.is(word));
    // Asked of nearly every count: the value, which most counts fail ("11,000"), is weighed before
    // the words around it are read. An age in range is whole when a byte holds it exactly: that
    // needs no call, as `f64::fract` does.
    let whole = |v: f64| f64::from(v as u8) == v;
    let plausible = |n: &Number| n.suffix.is_none() && (1.0..=130.0).contains(&n.value) && whole(n.value);
    if !single.is_some_and(plausible) {
        return None;
    }
    let after_death = is(1, "at") && before(2).is_some_and(|t| DEATH.contains(&&*t.norm));
    // "aged 95", "at age 95", "at the age of 95".
    let named = || is(1, "aged") || (is(1, "age") && is(2, "at")) || (is(1, "of") && is(2, "age") && is(3, "the"));
    let apposed = || {
        before(1).is_some_and(|t| t.is_punct(","))
            && before(2).is_some_and(|t| t.kind == TokenKind::Word && t.is_capitalized(text))
            && tokens.get(k).is_some_and(|t| t.is_punct(",") && t.sentence == tokens[start].sentence)
            && tokens.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized(text))
    };
    let after_death = after_death || named() || apposed();
    if !after_death || counted_noun(tokens, rules, facts, k, false).0.is_some() {
        return None;
    }
    rules.units.iter().find(|u| u.dimension == "age")
}
