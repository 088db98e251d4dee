//! Tokens in, a number spelled in words out: "twenty-five", "one hundred and twenty", "a dozen",
//! "half a million", "two thirds", "five and a half million", "three point one four".

use super::{fraction, Facts, Number};
use crate::claim::Kind;
use crate::extract::lexer::{word, Token, TokenKind};
use crate::rules::Rules;

/// Number words, read the usual way: units and tens add up, "hundred" multiplies the group so far,
/// larger scales close a group ("two million three hundred thousand"); fractions divide what comes
/// before them ("two thirds") or, after "and", add to it ("five and a half million").
pub(super) fn read_words(tokens: &[Token], rules: &Rules, facts: Facts, i: usize) -> Option<Number> {
    let first = tokens.get(i)?;
    let next = tokens.get(i + 1).map_or("", |t| &*t.norm);
    // An article opens a number only before a word of the number tables ("a dozen", "a million",
    // "a third", "a couple of": their facts say so without the readers' lookups), after a dash
    // too, or before "single" ("a single shell", read by `a_single` below). Most words after one
    // are none.
    let article = matches!(&*first.norm, "a" | "an");
    let counts_after =
        || facts.may_be_in_numbers(tokens, i + 1) || tokens.get(i + 1).is_some_and(|t| t.is_dash()) || next == "single";
    if article && !counts_after() {
        return None;
    }
    // "half a million", "half million", "quarter million", "half a dozen".
    if matches!(&*first.norm, "half" | "quarter") {
        let share = 1.0 / rules.fractions.get(&*first.norm).copied().unwrap_or(2.0);
        let skip = usize::from(next == "a");
        let after = tokens.get(i + 1 + skip).map_or("", |t| &*t.norm);
        let big = rules.scales.get(after).copied().or_else(|| (after == "dozen").then_some(12.0));
        if let Some(scale) = big {
            let end = i + 2 + skip;
            return Some(Number {
                value: share * scale,
                start: i,
                end,
                words: true,
                suffix: None,
                suffix_token: 0,
                scaled: scale > 12.0,
                scale: 1.0,
            });
        }
        // "more than half": a share with a hedge before it.
        let hedged = i > 0 && tokens[i - 1].is("than");
        if first.norm == "half" && hedged {
            return Some(one_word(i, 0.5));
        }
    }
    if let Some(n) = fraction::compound(tokens, rules, facts, i) {
        return Some(n);
    }
    if (first.norm == "a" || first.norm == "an") && next == "single" {
        return a_single(tokens, rules, i);
    }
    let after = tokens.get(i + 2);
    // Asked only after a fraction: most words after an article are none, and this asks three tables.
    let alone = || {
        after.is_none_or(|t| {
            t.kind == TokenKind::Punct
            || t.is("of")
            || t.sentence != first.sentence
            || rules.scales.contains_key(&*t.norm)
            // "a half turn", "a quarter mile".
            || rules.unit(&t.norm).is_some_and(|u| u.kind == Kind::Quantity)
        })
    };
    let fraction_next = || facts.may_be_in_numbers(tokens, i + 1) && rules.fractions.contains_key(next);
    if (first.norm == "a" || first.norm == "an") && fraction_next() && alone() {
        // "a half", "a quarter of", "a fifth": not "a third suspect".
        let mut n = one_word(i, 1.0 / rules.fractions[next]);
        n.end = i + 2;
        return fraction_scale(tokens, rules, n);
    }
    let n = accumulate(tokens, rules, facts, i, i, 0.0, 0.0)?;
    // "twenty-first", "the thirty third", "one hundred and fifth": the round part of an ordinal is
    // no count.
    // The value is weighed first: most numbers in words are under twenty, and their next word
    // is then not looked up. Whether it is round is asked last: a float remainder is a library
    // call, which the compiler made for every number read when it was asked before the lookup.
    let ordinal_next = || {
        let joint = usize::from(tokens.get(n.end).is_some_and(|t| t.is_dash() || t.is("and")));
        tokens.get(n.end + joint).is_some_and(|t| rules.ordinals.get(&*t.norm).is_some_and(|&o| o < 20.0))
    };
    let round_ordinal = n.value >= 20.0 && ordinal_next() && n.value % 10.0 == 0.0;
    (!round_ordinal).then_some(n)
}

/// "a single shell": one of the noun after it, read at the article `i`. Not "not a single shell"
/// (none of it), nor "a single-family home" or "a single, larger chip" (no noun right after), nor
/// a kind of the noun rather than a number of it ("a single mother", `numbers.single_kinds`), nor
/// after a hedge word, which is then a preposition ("under a single roof", "over a single
/// weekend"): one is no bound to hedge.
fn a_single(tokens: &[Token], rules: &Rules, i: usize) -> Option<Number> {
    let negated = i.checked_sub(1).is_some_and(|p| {
        let w = &*tokens[p].norm;
        rules.single_negations.contains(w) || w.ends_with("n't") || w.ends_with("n’t")
    }) || crate::extract::range::hedge_before(tokens, rules, Facts::default(), i).is_some();
    let noun = tokens.get(i + 2).filter(|t| t.kind == TokenKind::Word && t.sentence == tokens[i].sentence)?;
    let glued = tokens.get(i + 3).is_some_and(|t| t.is_dash() && !t.space_before);
    if negated || glued || !tokens[i + 2].space_before || rules.single_kinds.contains(&*noun.norm) {
        return None;
    }
    Some(Number { end: i + 2, ..one_word(i, 1.0) })
}

fn one_word(i: usize, value: f64) -> Number {
    Number { value, start: i, end: i + 1, words: true, suffix: None, suffix_token: 0, scaled: false, scale: 1.0 }
}

/// "three quarters billion", "two thirds of a million": a fraction of a scale.
fn fraction_scale(tokens: &[Token], rules: &Rules, mut n: Number) -> Option<Number> {
    let word = |k: usize| tokens.get(k).map_or("", |t| &*t.norm);
    let (skip, scale) = if let Some(&s) = rules.scales.get(word(n.end)) {
        (1, s)
    } else if word(n.end) == "of" && word(n.end + 1) == "a" {
        match rules.scales.get(word(n.end + 2)) {
            Some(&s) if s > 100.0 => (3, s),
            _ => return Some(n),
        }
    } else {
        return Some(n);
    };
    n.value *= scale;
    n.end += skip;
    n.scaled = true;
    Some(n)
}

/// False when the word at token `k` cannot go on a number read before it: it stands in no table
/// of numbers in words (as its `facts` tell, without the lookups) and is neither "and" nor
/// "point". Most words after a number are such.
pub(super) fn may_go_on(tokens: &[Token], facts: Facts, k: usize) -> bool {
    facts.may_be_in_numbers(tokens, k) || matches!(&*tokens[k].norm, "and" | "point")
}

/// The running state of a number read from `from`; `start` is its first token and `group` the
/// value already read from tokens `start..from` (digits).
pub(super) fn accumulate(
    tokens: &[Token],
    rules: &Rules,
    facts: Facts,
    start: usize,
    from: usize,
    total: f64,
    group: f64,
) -> Option<Number> {
    let mut total = total;
    let mut group = group;
    let mut any = from > start;
    let mut scaled = false;
    let mut scale_product = 1.0;
    let mut last_scale = 1.0;
    // The number as it stood before its last "and", for when what follows turns out to be another.
    let mut before_and: Option<(f64, f64, usize)> = None;
    let mut j = from;
    let mut end = from;
    let is_number_word =
        |k: usize| word(tokens, k).is_some_and(|w| rules.number_words.contains_key(w) || rules.scales.contains_key(w));
    while let Some(t) = tokens.get(j) {
        match t.kind {
            TokenKind::Digits if any && last_scale >= 100.0 && t.space_before => {
                // "4 thousand 3 hundred and 21": digits go on a number after a scale word.
                let fits = |v: &f64| {
                    *v > 0.0
                        && *v < last_scale
                        && v.fract() == 0.0
                        && (group == 0.0 || (group % 100.0 == 0.0 && *v < 100.0))
                };
                let Some(v) = t.number().filter(fits) else { break };
                group += v;
                j += 1;
                end = j;
            }
            TokenKind::Word => {
                let w = &*t.norm;
                if (w == "a" || w == "an") && !any {
                    // "a dozen", "a million", "a couple of": the article stands for one.
                    let next = word(tokens, j + 1).unwrap_or("");
                    let scale_next = facts.may_be_in_numbers(tokens, j + 1) && rules.scales.contains_key(next);
                    if scale_next || matches!(next, "dozen" | "couple" | "pair") {
                        group = 1.0;
                        j += 1;
                        continue;
                    }
                    return None;
                }
                // Most words after a number go on none, as their facts say without the lookups;
                // they end it, as they would below.
                if !may_go_on(tokens, facts, j) {
                    break;
                }
                if let Some(&d) = rules.fractions.get(w) {
                    if !any || total + group == 0.0 {
                        break;
                    }
                    // "the two millionth visitor": more than one of a singular ordinal is a rank.
                    let ordinal = rules.ordinals.contains_key(w) || d >= 100.0;
                    if ordinal && total + group != 1.0 && !w.ends_with('s') {
                        return None;
                    }
                    // "two thirds", "twenty-three fifths": what came before is the numerator.
                    let n = Number {
                        value: (total + group) / d,
                        start,
                        end: j + 1,
                        words: true,
                        suffix: None,
                        suffix_token: 0,
                        scaled: false,
                        scale: 1.0,
                    };
                    return fraction_scale(tokens, rules, n);
                }
                if let Some(&v) = rules.number_words.get(w) {
                    if v == 12.0 && w != "twelve" {
                        // "dozen", "dozens", "dzs".
                        // "three hundred and two dozens": the dozens are the last part only.
                        let rest = group % 100.0;
                        group = if group == 0.0 {
                            12.0
                        } else if rest > 0.0 {
                            group - rest + rest * 12.0
                        } else {
                            group * 12.0
                        };
                    } else if matches!(w, "couple" | "pair") {
                        if word(tokens, j + 1) != Some("of") {
                            break;
                        }
                        group = 2.0;
                    } else if group == 0.0
                        || (group % 100.0 == 0.0 && v < 100.0)
                        || (group % 10.0 == 0.0 && group % 100.0 >= 20.0 && v < 10.0)
                    {
                        group += v;
                    } else {
                        // "one two" is two numbers, not twelve.
                        break;
                    }
                } else if let Some(&scale) = rules.scales.get(w).or_else(|| plural_scale(rules, w, any)) {
                    if !any && group == 0.0 {
                        return None;
                    }
                    if let Some((t, g, e)) = before_and.filter(|_| scale == 100.0 && group >= 100.0) {
                        // "3 hundred and 2 hundred" are two numbers ("322 hundred" is one).
                        (total, group, end) = (t, g, e);
                        break;
                    }
                    scaled = true;
                    if scale == 100.0 {
                        group = group.max(1.0) * 100.0;
                    } else if group == 0.0 && total > 0.0 && scale > total {
                        // "three lakh crore".
                        total *= scale;
                    } else {
                        total += if group == 0.0 { 1.0 } else { group } * scale;
                        group = 0.0;
                    }
                    scale_product *= scale;
                    last_scale = scale;
                } else if w == "and" && any {
                    if let Some((f, after)) = and_fraction(tokens, rules, j + 1) {
                        // "one and a half", "3 million and a quarter", "twenty and three fifths".
                        let unit = if total > 0.0 && group == 0.0 && last_scale > 100.0 { last_scale } else { 1.0 };
                        let mut n = Number {
                            value: f,
                            start,
                            end: after,
                            words: true,
                            suffix: None,
                            suffix_token: 0,
                            scaled,
                            scale: 1.0,
                        };
                        let whole = total + group;
                        n = fraction_scale(tokens, rules, n)?;
                        let own_scale = n.end > after;
                        if n.scaled && unit == 1.0 && whole < 1000.0 && group > 0.0 && total == 0.0 {
                            // "five and a half million": the fraction's scale applies to the whole.
                            let s = n.value / f;
                            n.value = (whole + f) * s;
                        } else if own_scale {
                            // "one billion and a half million": the fraction has a scale of its own.
                            n.value += whole;
                        } else {
                            n.value = whole + n.value * unit;
                        }
                        n.scaled |= scaled;
                        return Some(n);
                    }
                    let digits_next =
                        tokens.get(j + 1).is_some_and(|t| t.kind == TokenKind::Digits) && last_scale >= 100.0;
                    // "one hundred and twenty", "a thousand and one", "twenty and four"; never
                    // "100 and fifty".
                    let unit_next =
                        word(tokens, j + 1).and_then(|w| rules.number_words.get(w)).is_some_and(|&v| v < 10.0);
                    let tens_and_unit = from == start && group >= 20.0 && group % 10.0 == 0.0 && unit_next;
                    if (is_number_word(j + 1) || digits_next)
                        && !tokens[j + 1].is("a")
                        && (last_scale >= 100.0 || tens_and_unit)
                    {
                        before_and = Some((total, group, end));
                        j += 1;
                        continue;
                    }
                    break;
                } else if w == "point" && any {
                    if let Some((f, after)) = decimal_words(tokens, rules, j + 1) {
                        group += f;
                        j = after;
                        end = j;
                    }
                    break;
                } else {
                    break;
                }
                any = true;
                j += 1;
                end = j;
            }
            TokenKind::Punct if t.is_dash() && any => {
                // "twenty-five", "fifty - two", "one-eighth": a dash joins tens and units, or a
                // numerator and its denominator; anything else ends the number.
                match tokens.get(j + 1) {
                    Some(n)
                        if n.kind == TokenKind::Word
                            && (!t.space_before || n.space_before)
                            && ((rules.number_words.get(&*n.norm).is_some_and(|&v| v < 10.0)
                                && group % 10.0 == 0.0
                                && group >= 20.0)
                                || (rules.fractions.contains_key(&*n.norm) && group > 0.0 && group < 100.0)
                                // "$2.6-million", "a two-million-euro heist": a scale glued by
                                // a dash, as an adjective is written.
                                || (!t.space_before
                                    && !n.space_before
                                    && rules.scales.get(&*n.norm).is_some_and(|&s| s >= 1000.0))) =>
                    {
                        j += 1;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
    }
    if !any {
        return None;
    }
    Some(Number {
        value: total + group,
        start,
        end,
        words: true,
        suffix: None,
        suffix_token: 0,
        scaled,
        scale: scale_product,
    })
}

/// "five hundreds", "two thousands": a scale said in the plural after a number is the scale;
/// alone ("hundreds of people") it is a vague quantity, read elsewhere.
fn plural_scale<'r>(rules: &'r Rules, word: &str, after_number: bool) -> Option<&'r f64> {
    word.strip_suffix('s').filter(|_| after_number).and_then(|w| rules.scales.get(w))
}

/// After "and": "a half", "one fourth", "three fifths" (one word before the denominator).
fn and_fraction(tokens: &[Token], rules: &Rules, k: usize) -> Option<(f64, usize)> {
    let t = tokens.get(k)?;
    let num = if t.is("a") || t.is("an") { Some(1.0) } else { rules.number_words.get(&*t.norm).copied() };
    let d = tokens.get(k + 1).and_then(|d| rules.fractions.get(&*d.norm));
    if let (Some(num), Some(d)) = (num.filter(|v| *v < 10.0), d) {
        return Some((num / d, k + 2));
    }
    // "two and fifty-four hundredths": a longer numerator, as long as the whole is a proper fraction.
    let n = accumulate(tokens, rules, Facts::default(), k, k, 0.0, 0.0)?;
    let last = &tokens[n.end - 1];
    (rules.fractions.contains_key(&*last.norm) && n.value < 1.0).then_some((n.value, n.end))
}

/// The words after "point": digit by digit ("zero three") or one number ("seventy-one", "eleven").
fn decimal_words(tokens: &[Token], rules: &Rules, k: usize) -> Option<(f64, usize)> {
    let digit = |j: usize| tokens.get(j).and_then(|t| rules.number_words.get(&*t.norm)).filter(|v| **v < 10.0).copied();
    let mut digits = String::new();
    let mut j = k;
    while let Some(d) = digit(j) {
        digits.push_str(&format!("{d}"));
        j += 1;
    }
    if digits.len() > 1 || (digits.len() == 1 && !tokens.get(j).is_some_and(|t| t.is_dash())) {
        return format!("0.{digits}").parse().ok().map(|f| (f, j));
    }
    let n = accumulate(tokens, rules, Facts::default(), k, k, 0.0, 0.0)?;
    if n.value >= 100.0 || n.value.fract() != 0.0 {
        return None;
    }
    format!("0.{}", n.value).parse().ok().map(|f| (f, n.end))
}
