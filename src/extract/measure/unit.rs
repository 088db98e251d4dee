//! Tokens after (or before) a number in, its unit of measure out: "km", "-day", "per cent", "°C",
//! "20 (kg)", `10 "`, and the smaller part of a measure in two parts ("5 ft 2 in").

use std::borrow::Cow;

use super::super::lexer::{Token, TokenKind};
use super::super::number::{self, Facts, Number};
use super::super::subject::canonical_word;
use super::join;
use crate::rules::{Rules, Unit};

/// A unit at token `k` ("km", "-day", "per cent", "°C", "-year-old", "(kg)"); returns it and the
/// token after it. `facts` are the text's word facts.
pub(in crate::extract) fn unit_after<'r>(
    tokens: &[Token],
    text: &str,
    rules: &'r Rules,
    facts: Facts,
    k: usize,
    glued: usize,
) -> Option<(&'r Unit, usize)> {
    let _ = glued;
    let first = tokens.get(k)?;
    // "20 (kg)", "20 [kg]": one unit word in brackets.
    if let Some(close) = match &*first.norm {
        "(" => Some(")"),
        "[" => Some("]"),
        "{" => Some("}"),
        "<" => Some(">"),
        _ => None,
    } {
        let (word, mark) = (tokens.get(k + 1)?, tokens.get(k + 2)?);
        let tight = word.kind == TokenKind::Word && !word.space_before && !mark.space_before;
        return rules.unit(&text[word.start..word.end]).filter(|_| tight && mark.is_punct(close)).map(|u| (u, k + 3));
    }
    // `10 " long`: a straight double quote stands for inches only standing free; glued to a word
    // it closes or opens a quotation.
    if first.is_punct("\"") && !(first.space_before && tokens.get(k + 1).is_none_or(|t| t.space_before)) {
        return None;
    }
    // The longest unit spelled by the tokens from `k`, read a token at a time for as long as the
    // text so far begins some unit's spelling: most words after a number begin none.
    let longest = (rules.unit_max_words * 2 + 1).min(tokens.len().saturating_sub(k));
    // The tokens so far, joined by one space where the lexer saw any: borrowed from the text while
    // they stand as the join would write them (glued, or one space apart), as they nearly always
    // do, and copied only when they do not.
    let mut raw: Cow<str> = Cow::Borrowed("");
    let mut found = None;
    for (n, t) in tokens[k..k + longest].iter().enumerate() {
        if t.kind == TokenKind::Digits || t.sentence != first.sentence {
            break;
        }
        let written = &text[t.start..t.end];
        // The first token is asked as it stands: most words after a number begin no unit. Most
        // need no lookup even for that: their facts say they are no unit and begin none in
        // several words, and only a token glued to them could go on with one.
        if n == 0 {
            let spaced = tokens.get(k + 1).is_none_or(|t| t.space_before);
            if spaced && !facts.may_open_spaced_unit(tokens, k) {
                debug_assert!(unit_after(tokens, text, rules, Facts::default(), k, glued).is_none());
                break;
            }
            if !rules.may_open_unit(written) {
                break;
            }
            raw = Cow::Borrowed(written);
        } else {
            let sep = if t.space_before { " " } else { "" };
            let gap = text.get(tokens[k + n - 1].end..t.start);
            match (&mut raw, text.get(first.start..t.end)) {
                (Cow::Borrowed(_), Some(joined)) if gap == Some(sep) => raw = Cow::Borrowed(joined),
                (raw, _) => {
                    let raw = raw.to_mut();
                    raw.push_str(sep);
                    raw.push_str(written);
                }
            }
            if !rules.may_open_unit(&raw) {
                break;
            }
        }
        if let Some(unit) = rules.unit(&raw) {
            found = Some((unit, raw.len(), k + n + 1));
        }
    }
    let (unit, len, end) = found?;
    // Letters or digits glued after the unit make a code of it ("24703m212"), unless they spell a
    // unit of their own ("km2").
    if let Some(t) = tokens.get(end).filter(|t| !t.space_before && t.kind != TokenKind::Punct) {
        let glued = format!("{}{}", &raw[..len], &text[t.start..t.end]);
        return rules.unit(&glued).map(|u| (u, end + 1));
    }
    Some((unit, end))
}

/// A unit written before the number at token `at` ("magnitude 6.1", "magnitude-6.1"), and its
/// token. `facts` are the text's word facts.
pub(in crate::extract) fn unit_before<'r>(
    tokens: &[Token],
    rules: &'r Rules,
    facts: Facts,
    at: usize,
) -> Option<(&'r Unit, usize)> {
    let mut k = at.checked_sub(1)?;
    let t = &tokens[k];
    if t.is_dash() && !t.space_before && !tokens[at].space_before {
        k = k.checked_sub(1)?;
    }
    // Asked of nearly every number, whose word before is seldom a unit, as its facts say without
    // the lookup. A word in ASCII only: its facts are those of every spelling it looks up.
    let norm = &tokens[k].norm;
    if norm.is_ascii() && !facts.may_count(tokens, k) {
        return None;
    }
    rules.unit(norm).filter(|u| u.prefix).map(|u| (u, k))
}

/// The smaller part of a measure in two parts after `unit` ends at token `k`: "2 in" of "5 ft 2
/// in", "and 2 inches" of "5 feet and 2 inches". Returns it in `unit`'s terms and the token after.
pub(in crate::extract) fn second_part(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    unit: &Unit,
    k: usize,
) -> Option<(f64, usize)> {
    let sentence = tokens.get(k.checked_sub(1)?)?.sentence;
    let at = if tokens.get(k).is_some_and(|t| t.is("and")) { k + 1 } else { k };
    let first = tokens.get(at).filter(|t| t.sentence == sentence)?;
    if first.kind == TokenKind::Punct {
        return None;
    }
    let n = number::read(tokens, text, rules, at).filter(|n| n.suffix.is_none() && !n.scaled && n.value >= 0.0)?;
    let word = tokens.get(n.end).filter(|t| t.sentence == sentence)?;
    let smaller = rules.second_unit(&word.norm).or_else(|| rules.second_unit(&text[word.start..word.end]))?;
    let fits = smaller.completes.contains(&unit.name) && smaller.factor < unit.factor;
    // The part must be smaller than one of the larger unit: "5 ft 2 in", not "5 ft 20 in".
    let add = n.value * smaller.factor / unit.factor;
    (fits && smaller.offset == 0.0 && unit.offset == 0.0 && add < 1.0).then_some((add, n.end + 1))
}

/// "percent of 10", "per cent of twenty-two" before the number at token `at`, said with no
/// number before the percent word and nothing after the number: the share itself. "40 percent of
/// 10 million people" and "what percent of 100 voters" are not. Returns the unit and its first token.
pub(in crate::extract) fn percent_of_before<'r>(
    tokens: &[Token],
    text: &str,
    rules: &'r Rules,
    at: usize,
    end: usize,
) -> Option<(&'r Unit, usize)> {
    if !tokens.get(at.checked_sub(1)?)?.is("of") || tokens.get(end).is_some_and(|t| t.kind != TokenKind::Punct) {
        return None;
    }
    for n in [2, 1] {
        let Some(from) = (at - 1).checked_sub(n) else { continue };
        let raw = join(&tokens[from..at - 1], |t| &text[t.start..t.end]);
        let Some(unit) = rules.unit(&raw.to_lowercase()).filter(|u| u.kind == crate::claim::Kind::Percent) else {
            continue;
        };
        let counted = from
            .checked_sub(1)
            .is_some_and(|p| tokens[p].kind == TokenKind::Digits || rules.number_words.contains_key(&*tokens[p].norm));
        return (!counted && tokens[from].sentence == tokens[at].sentence).then_some((unit, from));
    }
    None
}

/// The unit after a number ending at token `k`, the token after the unit, and whether the number's
/// scale suffix scales it: a unit after the suffix makes the suffix a scale ("5bn barrels", "1.5m
/// tonnes"); else a suffix that is a unit is the unit ("5m" is five metres, "1.5m people" not);
/// else the unit of a number joined to this one ("7.6 and 7.5 magnitude"). `facts` are the text's
/// word facts.
pub(in crate::extract) fn unit_of<'r>(
    tokens: &[Token],
    text: &str,
    rules: &'r Rules,
    facts: Facts,
    n: &Number,
    k: usize,
    range: bool,
) -> Option<(&'r Unit, usize, bool)> {
    if n.suffix.is_some() && !range && k == n.suffix_token {
        let next = tokens.get(k + 1).filter(|t| t.space_before && t.sentence == tokens[k].sentence);
        if let Some((u, after)) = next.and_then(|_| unit_after(tokens, text, rules, facts, k + 1, 0)) {
            return Some((u, after, true));
        }
    }
    if let Some((u, after)) = unit_after(tokens, text, rules, facts, k, n.suffix_token) {
        return (!counted_after_suffix(tokens, rules, n)).then_some((u, after, false));
    }
    // "7.6 and 7.5 magnitude quakes", "rose 5 and 10 percent": the unit of the next number is this
    // one's too.
    let joint = tokens.get(k).filter(|t| (t.is("and") || t.is("or")) && !range && n.suffix.is_none())?;
    let next = number::read(tokens, text, rules, k + 1).filter(|m| m.suffix.is_none() && m.end > k + 1)?;
    let (u, _) =
        unit_after(tokens, text, rules, facts, next.end, 0).filter(|_| tokens[next.end].sentence == joint.sentence)?;
    Some((u, k, false))
}

/// "1.5m people", "3m residents": a scale suffix that could be a unit ("m") is a scale when a noun
/// that names what news counts (rules/aliases.toml, `countable`) follows it; "a 5m wall" and "the
/// 400m hurdles" stay metres.
fn counted_after_suffix(tokens: &[Token], rules: &Rules, n: &Number) -> bool {
    let Some(suffix) = n.suffix.and(tokens.get(n.suffix_token)) else { return false };
    tokens.get(n.suffix_token + 1).is_some_and(|t| {
        t.kind == TokenKind::Word
            && t.sentence == suffix.sentence
            && rules.unit(&t.norm).is_none()
            && canonical_word(&t.norm, rules).is_some_and(|c| rules.countable.contains(&c))
    })
}
