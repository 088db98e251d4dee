//! Tokens in, the bounds of one number out: hedges that open or widen it ("over 10,000", "around
//! 11,000"), the second number of a range ("25,000-30,000", "between 20 and 30") and the other side
//! of a two-sided phrase ("more than 20 and less than 30").

use super::lexer::{Token, TokenKind};
use super::number::{self, Facts, Number};
use crate::claim::{Hedge, Interval};
use crate::rules::schema::{HedgeMode, HedgePosition};
use crate::rules::Rules;

/// After a one-sided value: "and less than 30", "but lower than 15", ", no less than 20".
pub(super) fn other_bound(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    at: usize,
    whole: bool,
) -> Option<(Interval, usize)> {
    let mut j = at;
    if tokens.get(j).is_some_and(|t| t.is_punct(",")) {
        j += 1;
    }
    if tokens.get(j).is_some_and(|t| t.is("and") || t.is("but")) {
        j += 1;
    } else if j == at {
        return None;
    }
    let sentence = tokens.get(at.checked_sub(1)?)?.sentence;
    for h in rules.hedges_starting(&tokens.get(j)?.norm).filter(|h| h.position == HedgePosition::Before) {
        let n = h.words.len();
        let Some(window) = tokens.get(j..j + n) else { continue };
        if !window.iter().zip(&h.words).all(|(t, w)| t.norm == *w && t.sentence == sentence) {
            continue;
        }
        let number = number::read(tokens, text, rules, j + n)?;
        let value = apply_hedge(Interval::exact(number.value), h.mode, h.relative, whole);
        return Some((value, number.end));
    }
    None
}

pub(super) fn hedge_of(mode: HedgeMode) -> Hedge {
    match mode {
        HedgeMode::Approx => Hedge::Approx,
        HedgeMode::Nearly => Hedge::Nearly,
        HedgeMode::MoreThan => Hedge::MoreThan,
        HedgeMode::AtLeast => Hedge::AtLeast,
        HedgeMode::AtMost => Hedge::AtMost,
        HedgeMode::LessThan => Hedge::LessThan,
        HedgeMode::Since => Hedge::Since,
        HedgeMode::Until => Hedge::Until,
    }
}

/// Rounds away the binary noise of `11000 * 0.95` so reports show 10,450, not 10,449.999999999998.
pub fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 12 - x.abs().log10().ceil() as i32;
    let scale = 10f64.powi(digits.clamp(-300, 300));
    let rounded = (x * scale).round() / scale;
    if rounded.is_finite() {
        rounded
    } else {
        x
    }
}

/// The interval a hedge makes of a nominal value; `whole` counts step by one ("over 10,000" is 10,001+).
pub fn apply_hedge(nominal: Interval, mode: HedgeMode, relative: f64, whole: bool) -> Interval {
    let (lo, hi) = (nominal.low().unwrap_or(0.0), nominal.high().unwrap_or(0.0));
    let step = if whole && hi.fract() == 0.0 { 1.0 } else { 0.0 };
    match mode {
        HedgeMode::Approx => Interval::new(Some(tidy(lo * (1.0 - relative))), Some(tidy(hi * (1.0 + relative)))),
        HedgeMode::Nearly => Interval::new(Some(tidy(lo * (1.0 - relative))), Some(hi)),
        HedgeMode::MoreThan => Interval::new(Some(hi + step), None),
        HedgeMode::AtLeast | HedgeMode::Since => Interval::new(Some(lo), None),
        HedgeMode::AtMost | HedgeMode::Until => Interval::new(None, Some(hi)),
        HedgeMode::LessThan => Interval::new(None, Some(lo - step)),
    }
}

/// The second number of a range and the token after it: "-30,000", " to 30,000", " and 30".
pub(super) fn range_end(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    first: &Number,
    opener: Option<&str>,
) -> Option<(Number, usize)> {
    let mut k = first.end;
    if first.suffix.is_some() {
        k = first.suffix_token + 1;
    }
    let joint = tokens.get(k)?;
    // "three-nought-four": a link in a chain of numbers is a score or a code, not a range.
    let glued_number = |d: usize, n: usize| {
        tokens.get(d).is_some_and(|t| t.is_dash() && !t.space_before)
            && tokens
                .get(n)
                .is_some_and(|t| !t.space_before && (t.kind == TokenKind::Digits || t.kind == TokenKind::Word))
    };
    if first.start >= 2
        && glued_number(first.start - 1, first.start)
        && tokens[first.start - 2].kind != TokenKind::Punct
    {
        let before = &tokens[first.start - 2];
        if before.kind == TokenKind::Digits || rules.number_words.contains_key(&*before.norm) {
            return None;
        }
    }
    // "20~30": a tilde between two numbers, as East Asian English writes ranges; standing free
    // before a number it means "about" instead ("~30").
    let tilde = joint.is_punct("~") && !joint.space_before && tokens.get(k + 1).is_some_and(|t| !t.space_before);
    let ok = joint.is_dash()
        || tilde
        || joint.is("to")
        || joint.is("through")
        || joint.is("thru")
        || (joint.is("and") && opener == Some("between"))
        || (joint.is("or") && tokens.get(k + 1).is_some_and(|t| t.kind == first_kind(tokens, first)));
    if !ok {
        return None;
    }
    let mut m = k + 1;
    // "$2 million to $3 million": a repeated currency symbol.
    if tokens
        .get(m)
        .is_some_and(|t| t.kind == TokenKind::Punct && rules.currency_symbols.iter().any(|(s, _)| s == &t.norm))
    {
        m += 1;
    }
    let second = number::read(tokens, text, rules, m)?;
    let first_value = first.value * first.suffix.unwrap_or(1.0);
    let second_value = second.value * second.suffix.unwrap_or(1.0);
    let raw_first = first.raw();
    // A range runs upwards; "7-5" is a score and "2-1" a vote, not ranges.
    if !(second_value > first_value || (second.scaled && !first.scaled && second_value > raw_first)) {
        return None;
    }
    // "five or six" is a range, "10 bln or 10 tln" two alternatives.
    let shared_scale = second.scaled && !first.scaled;
    if joint.is("or") && second_value > first_value * 10.0 && !shared_scale {
        return None;
    }
    if joint.is_dash() && glued_number(second.end, second.end + 1) {
        return None;
    }
    let end = if second.suffix.is_some() { second.suffix_token + 1 } else { second.end };
    Some((second, end))
}

pub(super) fn first_kind(tokens: &[Token], n: &Number) -> TokenKind {
    tokens[n.start].kind
}

/// A hedge phrase ending right before token `at`; returns its mode, width and first token.
pub(super) fn hedge_before(
    tokens: &[Token],
    rules: &Rules,
    facts: Facts,
    at: usize,
) -> Option<((HedgeMode, f64), usize)> {
    let k = at.checked_sub(1)?;
    let last = tokens.get(k)?;
    // Most words before a number end no hedge, as their facts say without a lookup.
    if !facts.may(tokens, k, |f| f.closes_hedge) {
        return None;
    }
    for h in rules.hedges_before_ending(&last.norm) {
        let n = h.words.len();
        if at < n {
            continue;
        }
        let window = &tokens[at - n..at];
        if window.iter().zip(&h.words).all(|(t, w)| t.norm == *w)
            && window.iter().all(|t| t.sentence == tokens[at].sentence)
        {
            return Some(((h.mode, h.relative), at - n));
        }
    }
    None
}

/// A hedge phrase starting at token `at` ("or more", "-plus").
pub(super) fn hedge_after(
    tokens: &[Token],
    rules: &Rules,
    facts: Facts,
    at: usize,
) -> Option<((HedgeMode, f64), usize)> {
    let mut start = at;
    if tokens.get(at).is_some_and(|t| t.is_dash() && !t.space_before) {
        start += 1;
    }
    let first = &tokens.get(start)?.norm;
    // Most words after a number open no hedge, as their facts say without a lookup.
    if !facts.may(tokens, start, |f| f.opens_hedge) {
        return None;
    }
    for h in rules.hedges_starting(first).filter(|h| h.position == HedgePosition::After) {
        let n = h.words.len();
        let Some(window) = tokens.get(start..start + n) else { continue };
        if window.iter().zip(&h.words).all(|(t, w)| t.norm == *w) {
            // "5000 or less than 6000" is two claims, not "5000 or less".
            let number_at = |k: usize| {
                tokens.get(k).is_some_and(|t| t.kind == TokenKind::Digits || rules.number_words.contains_key(&*t.norm))
            };
            let than = tokens.get(start + n).is_some_and(|t| t.is("than"));
            if number_at(start + n) || (than && number_at(start + n + 1)) {
                return None;
            }
            return Some(((h.mode, h.relative), start + n));
        }
    }
    None
}

/// "or equal" ("to") after a number with a strict hedge: "more than 5000 or equal to" is at least
/// 5000. Returns the token after the phrase, unless another number follows ("or equal to 6000").
pub(super) fn or_equal(tokens: &[Token], rules: &Rules, at: usize) -> Option<usize> {
    if !(tokens.get(at)?.is("or") && tokens.get(at + 1)?.is("equal")) {
        return None;
    }
    let end = if tokens.get(at + 2).is_some_and(|t| t.is("to")) { at + 3 } else { at + 2 };
    let next = tokens.get(end);
    let number_next = next.is_some_and(|t| t.kind == TokenKind::Digits || rules.number_words.contains_key(&*t.norm));
    (!number_next).then_some(end)
}

/// An ordinal word at token `k`, "the" allowed before it; returns its value and the token after.
fn ordinal_at(tokens: &[Token], rules: &Rules, k: usize) -> Option<(f64, usize)> {
    let k = if tokens.get(k)?.is("the") { k + 1 } else { k };
    let t = tokens.get(k).filter(|t| t.kind == TokenKind::Word)?;
    rules.ordinals.get(&*t.norm).map(|&v| (v, k + 1))
}

/// A range of ranks starting at token `i`: "between the tenth and the fifteenth" (10..15),
/// "higher than the tenth but lower than the fifteenth" (11..14). Returns it and the token after.
// The opening word is told inline, the rest read by a call: the measure matcher asks this of most
// words it tries, and the call alone was much of the cost of refusing them.
#[inline]
pub(super) fn rank_range(tokens: &[Token], rules: &Rules, facts: Facts, i: usize) -> Option<(Interval, usize)> {
    // It opens with "between" or a hedge, never with digits, where the measure matcher asks first.
    let t = tokens.get(i).filter(|t| t.kind != TokenKind::Digits)?;
    // Most words a measure is tried at are number words, which are neither: one look at their
    // facts rejects them before the words after them are read.
    let between = t.is("between");
    if !between && !facts.may(tokens, i, |f| f.opens_hedge) {
        return None;
    }
    rank_range_after(tokens, rules, facts, i, t.sentence, between)
}

/// [`rank_range`] at "between" (`between`) or a word that may open a hedge, token `i` of sentence
/// `sentence`.
fn rank_range_after(
    tokens: &[Token],
    rules: &Rules,
    facts: Facts,
    i: usize,
    sentence: u32,
    between: bool,
) -> Option<(Interval, usize)> {
    // Its first bound is an ordinal word after the opener and perhaps "the": most words a measure
    // is tried at have none within reach, as the facts of the words after them say without a
    // lookup of the opener.
    let reach = rules.longest_hedge() + 1;
    let ordinal = |k: usize| tokens[k].kind == TokenKind::Word && facts.may(tokens, k, |f| f.ordinal);
    if !(i + 1..(i + 1 + reach).min(tokens.len())).any(ordinal) {
        return None;
    }
    let (low, high, end) = if between {
        let (a, j) = ordinal_at(tokens, rules, i + 1)?;
        let (b, end) = tokens.get(j).filter(|t| t.is("and")).and_then(|_| ordinal_at(tokens, rules, j + 1))?;
        (a, b, end)
    } else {
        let bound = |at: usize, modes: [HedgeMode; 2], step: f64| {
            let first = &tokens.get(at)?.norm;
            let before = rules.hedges_starting(first).filter(|h| h.position == HedgePosition::Before);
            before.filter(|h| modes.contains(&h.mode)).find_map(|h| {
                let window = tokens.get(at..at + h.words.len())?;
                window.iter().zip(&h.words).all(|(t, w)| t.norm == *w).then_some(())?;
                let (v, after) = ordinal_at(tokens, rules, at + h.words.len())?;
                let strict = matches!(h.mode, HedgeMode::MoreThan | HedgeMode::LessThan);
                Some((if strict { v + step } else { v }, after))
            })
        };
        let (a, j) = bound(i, [HedgeMode::MoreThan, HedgeMode::AtLeast], 1.0)?;
        let j = if tokens.get(j).is_some_and(|t| t.is_punct(",")) { j + 1 } else { j };
        tokens.get(j).filter(|t| t.is("but") || t.is("and"))?;
        let (b, end) = bound(j + 1, [HedgeMode::LessThan, HedgeMode::AtMost], -1.0)?;
        (a, b, end)
    };
    let one_sentence = tokens[i..end].iter().all(|t| t.sentence == sentence);
    // "between the tenth and the fifteenth of May" are days.
    let of_month = tokens.get(end).is_some_and(|t| t.is("of"));
    (one_sentence && !of_month && low <= high).then_some((Interval::between(low, high), end))
}
