//! Tokens in, a count said without digits out: vague quantities ("dozens of people") and counts of
//! none ("no dead", "no one was killed").

use super::super::lexer::{Token, TokenKind};
use super::super::number::Facts;
use super::super::subject::canonical_word;
use super::{counted_noun, Measure};
use crate::claim::{Hedge, Interval, Rule};
use crate::rules::Rules;

/// "no dead", "no injuries", "no one was killed", "nobody was hurt": a count of none, said of what
/// news counts (rules/aliases.toml, `countable`); "no evidence" is none of that.
// The opening word is told inline, the rest read by a call: the measure matcher asks this of most
// words it tries, and the call alone was much of the cost of refusing them.
#[inline]
pub(super) fn zero_count<'a>(tokens: &[Token], rules: &Rules, i: usize) -> Option<Measure<'a>> {
    let t = tokens.get(i).filter(|t| t.is("no") || t.is("nobody"))?;
    zero_count_of(tokens, rules, i, t)
}

/// [`zero_count`] at "no" or "nobody", token `i`.
fn zero_count_of<'a>(tokens: &[Token], rules: &Rules, i: usize, t: &Token) -> Option<Measure<'a>> {
    let word = |k: usize| tokens.get(k).filter(|w| w.kind == TokenKind::Word && w.sentence == t.sentence);
    let nobody = match &*t.norm {
        "no" if word(i + 1).is_some_and(|w| w.is("one")) => Some(i + 2),
        "nobody" => Some(i + 1),
        "no" => None,
        _ => return None,
    };
    let mut k = nobody.unwrap_or(i + 1);
    if nobody.is_some() {
        // "no one was killed", "nobody has been hurt".
        while word(k).is_some_and(|w| matches!(&*w.norm, "was" | "were" | "has" | "have" | "had" | "been" | "is")) {
            k += 1;
        }
    }
    let term = canonical_word(&word(k)?.norm, rules).filter(|c| rules.countable.contains(c))?;
    if nobody.is_some() && term == "people" {
        return None;
    }
    Some(Measure::count(i..k + 1, Interval::exact(0.0), Hedge::Exact, Some(term.into()), Rule::Count))
}

/// "dozens of people", "hundreds", "high triple-digit".
// The opening word is told inline, the rest read by a call, as for `zero_count`.
#[inline]
pub(super) fn vague<'a>(tokens: &'a [Token], rules: &'a Rules, facts: Facts<'_, 'a>, i: usize) -> Option<Measure<'a>> {
    let t = tokens.get(i)?;
    // A phrase is walked only from its own first word: most words open none, and their facts say so
    // without a lookup.
    if t.kind != TokenKind::Word || !facts.may(tokens, i, |f| f.opens_vague) {
        return None;
    }
    vague_at(tokens, rules, facts, i, t)
}

/// [`vague`] at a word that may open a vague quantity, token `i`.
fn vague_at<'a>(
    tokens: &'a [Token],
    rules: &'a Rules,
    facts: Facts<'_, 'a>,
    i: usize,
    t: &Token,
) -> Option<Measure<'a>> {
    // A phrase of several tokens goes on with a dash or a later word of some phrase, which the
    // starters mark counted ("a handful", "triple-digit"): before any other token, only a
    // phrase of the word alone ("dozens") can start, and most openers ("a", "two") are none.
    let goes_on = tokens.get(i + 1).is_some_and(|d| d.is_dash()) || facts.may_count(tokens, i + 1);
    if !goes_on && !facts.may(tokens, i, |f| f.vague_alone) {
        return None;
    }
    for v in rules.vague_opened_by(&t.norm) {
        // Phrases like "triple-digit" are written with hyphens that the lexer splits off. Split as
        // bytes (a hyphen is one byte in UTF-8): a string search set up for each short word cost
        // more than the comparisons.
        let mut j = i;
        let mut ok = true;
        for word in &v.words {
            for (n, part) in word.as_bytes().split(|&b| b == b'-').enumerate() {
                if n > 0 {
                    if !tokens.get(j).is_some_and(|d| d.is_dash()) {
                        ok = false;
                        break;
                    }
                    j += 1;
                }
                if tokens.get(j).is_none_or(|w| w.norm.as_bytes() != part) {
                    ok = false;
                    break;
                }
                j += 1;
            }
            if !ok {
                break;
            }
        }
        if !ok {
            continue;
        }
        let (noun, end) = counted_noun(tokens, rules, facts, j, true);
        let value = Interval::new(Some(v.low), v.high);
        return Some(Measure::count(i..end, value, Hedge::Vague, noun, Rule::Vague));
    }
    None
}
