//! Tokens in, one number out: digits ("11,000", "1.2 million", "3bn") or words ("twenty-five",
//! "a dozen", "one hundred and twenty"), with the tokens it spans.

use std::cell::OnceCell;

use super::lexer::{Token, TokenKind};
use crate::claim::Kind;
use crate::rules::Rules;

mod digits;
mod fraction;

use digits::{continental, digit_fraction, digit_fraction_at, power};

/// A number read from tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    /// The value, scales applied.
    pub value: f64,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Spelled in words ("three") rather than digits.
    pub words: bool,
    /// A scale suffix written against the digits ("bn" in "3bn"), not yet applied: whether it
    /// applies depends on what follows (money, a unit), so the caller decides.
    pub suffix: Option<f64>,
    /// Token index of the suffix, when there is one.
    pub suffix_token: usize,
    /// A scale word was applied ("1.2 million").
    pub scaled: bool,
    /// The product of the scale words applied (1 when none).
    pub scale: f64,
}

impl Number {
    /// The value before scale words ("1.2" of "1.2 million").
    pub fn raw(&self) -> f64 {
        self.value / self.scale
    }
}

/// Reads the number starting at token `i`, if one starts there: an optional sign ("-5", "minus
/// five"), then digits or words, and a fraction or ratio after them ("1/2", "one out of three").
pub fn read(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<Number> {
    let token = tokens.get(i)?;
    if let Some(at) = sign_at(tokens, rules, i) {
        let mut n = read_unsigned(tokens, text, rules, at)?;
        n.value = -n.value;
        n.start = i;
        return Some(n);
    }
    match token.kind {
        TokenKind::Punct if vulgar_fraction(&token.norm).is_none() => None,
        _ => read_unsigned(tokens, text, rules, i),
    }
}

/// The number starting at one token, read once however many readers ask: the matchers tried at a
/// token (a length of time, a counted weekday, a measure) each begin by reading its number, which
/// for a number in words is most of their work.
pub struct At {
    i: usize,
    number: OnceCell<Option<Number>>,
}

impl At {
    /// The number at token `i`, not read yet.
    pub fn new(i: usize) -> At {
        At { i, number: OnceCell::new() }
    }

    /// The token the number starts at.
    pub fn index(&self) -> usize {
        self.i
    }

    /// The number (see [`read`]), read on the first call.
    pub fn read(&self, tokens: &[Token], text: &str, rules: &Rules) -> Option<Number> {
        *self.number.get_or_init(|| read(tokens, text, rules, self.i))
    }
}

/// Where the number starts when token `i` is a minus sign: a dash glued to digits and not to a
/// number before it ("-5", not the "-" of "7-5"), or "minus"/"negative" before a number.
fn sign_at(tokens: &[Token], rules: &Rules, i: usize) -> Option<usize> {
    let t = &tokens[i];
    let next = tokens.get(i + 1)?;
    if t.is_punct("-−") {
        // Only a hyphen-minus standing free: "bailout--22" and "Calif.—2/29" are dashes.
        let free = i == 0 || t.space_before || tokens[i - 1].is_punct("(<>=[~≈");
        return (free && !next.space_before && next.kind == TokenKind::Digits).then_some(i + 1);
    }
    // Asked of nearly every token a matcher reads, so the rare negative word is looked for first.
    let starts_number = || next.kind == TokenKind::Digits || rules.number_words.contains_key(&*next.norm);
    (t.kind == TokenKind::Word && rules.negatives.contains(&*t.norm) && starts_number()).then_some(i + 1)
}

fn vulgar_fraction(mark: &str) -> Option<f64> {
    Some(match mark {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// Words besides the number words that open a number in words: articles and shares ("a dozen",
/// "half a million", "a quarter of").
pub(super) const WORD_OPENERS: [&str; 4] = ["a", "an", "half", "quarter"];

fn read_unsigned(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<Number> {
    let token = tokens.get(i)?;
    let mut n = match token.kind {
        TokenKind::Digits if model_number(tokens, text, rules, i) => return None,
        TokenKind::Digits => read_digits(tokens, text, rules, i)?,
        // Most words open no number: one lookup turns them away before the readers' many.
        TokenKind::Word if !(rules.number_words.contains_key(&*token.norm) || WORD_OPENERS.contains(&&*token.norm)) => {
            return None
        }
        TokenKind::Word => read_words(tokens, rules, i)?,
        TokenKind::Punct => {
            let value = vulgar_fraction(&token.norm)?;
            Number {
                value,
                start: i,
                end: i + 1,
                words: false,
                suffix: None,
                suffix_token: 0,
                scaled: false,
                scale: 1.0,
            }
        }
    };
    if n.suffix.is_none() {
        ratio(tokens, text, rules, &mut n);
    }
    Some(n)
}

/// Whether whole digits after a capitalised code of one to three letters and a count name a model
/// ("12 AK 47 guns", "two F 16 jets"): the count counts the things, the digits only name them. The
/// count before the code is asked, so that "the UN 3" or a "GMT 10" clock stay numbers.
fn model_number(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> bool {
    let (Some(code), Some(count)) =
        (i.checked_sub(1).and_then(|k| tokens.get(k)), i.checked_sub(2).and_then(|k| tokens.get(k)))
    else {
        return false;
    };
    let written = &text[code.start..code.end];
    let digits = &text[tokens[i].start..tokens[i].end];
    code.kind == TokenKind::Word
        && tokens[i].space_before
        && (1..=3).contains(&written.len())
        && written.chars().all(|c| c.is_ascii_uppercase())
        && !rules.currency_codes.contains_key(written)
        && rules.unit(&code.norm).is_none()
        && digits.chars().all(|c| c.is_ascii_digit())
        && !tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Punct && !t.space_before && t.norm == ":")
        && (count.kind == TokenKind::Digits
            || (count.kind == TokenKind::Word && read_words(tokens, rules, i - 2).is_some()))
}

/// "one out of three", "1 in 5", "one over 20": a share, read as the fraction it is.
fn ratio(tokens: &[Token], text: &str, rules: &Rules, n: &mut Number) {
    let Some(joint) = tokens.get(n.end) else { return };
    let (skip, ok) = match &*joint.norm {
        "out" if tokens.get(n.end + 1).is_some_and(|t| t.is("of")) => (2, true),
        "in" => (1, n.value <= 10.0),
        // "over 20" after a number is mostly a hedge of its own; only "one over" is a ratio.
        "over" => (1, n.value == 1.0),
        _ => (0, false),
    };
    if !ok || n.scaled || n.value.fract() != 0.0 || n.value <= 0.0 {
        return;
    }
    let at = n.end + skip;
    if tokens.get(at).is_none_or(|t| t.sentence != joint.sentence) {
        return;
    }
    let Some(den) = read_unsigned(tokens, text, rules, at) else { return };
    // "3 in 2008" is a year, not a share.
    let year = den.end == at + 1 && (1000.0..=2100.0).contains(&den.value) && !den.words;
    // "5 in 12 hours" is a count and a duration.
    let measured = tokens.get(den.end).is_some_and(|t| {
        t.sentence == joint.sentence && (rules.unit(&t.norm).is_some() || rules.currency_words.contains_key(&*t.norm))
    });
    if den.value > n.value && den.suffix.is_none() && !year && !measured {
        n.value /= den.value;
        n.end = den.end;
    }
}

fn read_digits(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<Number> {
    let (mut value, mut end) = continental(tokens, text, i).or_else(|| Some((tokens[i].number()?, i + 1)))?;
    // "1.3e6", "12.32e+14", "1.1^23", "1.3x10^6".
    if let Some((v, after)) = power(tokens, end, value) {
        value = v;
        end = after;
    }
    // "3/4", and the "1/2" of "10 1/2".
    if let Some((f, after)) = digit_fraction(tokens, end) {
        value = f;
        end = after;
    } else if let Some((f, after)) = tokens
        .get(end)
        .filter(|t| t.space_before)
        .and_then(|_| digit_fraction_at(tokens, end))
        .filter(|(f, _)| *f < 1.0)
    {
        if value.fract() == 0.0 {
            value += f;
            end = after;
        }
    }
    let mut suffix = None;
    let mut suffix_token = 0;
    let decimal = text[tokens[i].start..tokens[end - 1].end].contains('.');
    if let Some(next) = tokens.get(end).filter(|t| t.kind == TokenKind::Word && t.sentence == tokens[i].sentence) {
        let raw = &text[next.start..next.end];
        if let Some(&f) = rules.suffixes.get(raw).or_else(|| rules.suffixes.get(&*next.norm)) {
            if !next.space_before || spaced_suffix(tokens, rules, raw, f, end, decimal) {
                suffix = Some(f);
                suffix_token = end;
            }
        }
    }
    if suffix.is_some() {
        return Some(Number { value, start: i, end, words: false, suffix, suffix_token, scaled: false, scale: 1.0 });
    }
    // "1.2 million", "2 hundred thousand", "4 thousand 3 hundred and 21", "3 dozen".
    let mut n = accumulate(tokens, rules, i, end, 0.0, value)?;
    n.words = false;
    Some(n)
}

/// Whether the scale suffix `raw` (worth `scale`) at token `k`, standing apart from its number, is
/// one: "7.9 bn people", since "bn" is no unit, but no trillions ("5 tn of rice" is tonnes; sums in
/// trillions are money, read with their currency); a single letter only after a decimal and ending
/// the phrase ("2.33 k", "1,674,200.5 M"), since "5 m" is five metres and "5 M people" a code.
fn spaced_suffix(tokens: &[Token], rules: &Rules, raw: &str, scale: f64, k: usize, decimal: bool) -> bool {
    if raw.chars().count() > 1 {
        return rules.unit(raw).is_none() && scale <= 1e9;
    }
    let ends = tokens.get(k + 1).is_none_or(|t| t.kind == TokenKind::Punct || t.sentence != tokens[k].sentence);
    decimal && ends && rules.unit(raw).is_none()
}

/// Number words, read the usual way: units and tens add up, "hundred" multiplies the group so far,
/// larger scales close a group ("two million three hundred thousand"); fractions divide what comes
/// before them ("two thirds") or, after "and", add to it ("five and a half million").
fn read_words(tokens: &[Token], rules: &Rules, i: usize) -> Option<Number> {
    let first = tokens.get(i)?;
    let next = tokens.get(i + 1).map_or("", |t| &*t.norm);
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
    if let Some(n) = fraction::compound(tokens, rules, i) {
        return Some(n);
    }
    if (first.norm == "a" || first.norm == "an") && next == "single" {
        return a_single(tokens, rules, i);
    }
    let after = tokens.get(i + 2);
    let alone = after.is_none_or(|t| {
        t.kind == TokenKind::Punct
            || t.is("of")
            || t.sentence != first.sentence
            || rules.scales.contains_key(&*t.norm)
            // "a half turn", "a quarter mile".
            || rules.unit(&t.norm).is_some_and(|u| u.kind == Kind::Quantity)
    });
    if (first.norm == "a" || first.norm == "an") && rules.fractions.contains_key(next) && alone {
        // "a half", "a quarter of", "a fifth": not "a third suspect".
        let mut n = one_word(i, 1.0 / rules.fractions[next]);
        n.end = i + 2;
        return fraction_scale(tokens, rules, n);
    }
    let n = accumulate(tokens, rules, i, i, 0.0, 0.0)?;
    // "twenty-first", "the thirty third", "one hundred and fifth": the round part of an ordinal is
    // no count.
    let joint = usize::from(tokens.get(n.end).is_some_and(|t| t.is_dash() || t.is("and")));
    let ordinal_next =
        tokens.get(n.end + joint).is_some_and(|t| rules.ordinals.get(&*t.norm).is_some_and(|&o| o < 20.0));
    let round = n.value >= 20.0 && n.value % 10.0 == 0.0;
    (!(ordinal_next && round)).then_some(n)
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
    }) || super::range::hedge_before(tokens, rules, i).is_some();
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

/// The running state of a number read from `from`; `start` is its first token and `group` the
/// value already read from tokens `start..from` (digits).
fn accumulate(tokens: &[Token], rules: &Rules, start: usize, from: usize, total: f64, group: f64) -> Option<Number> {
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
    let word = |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| &*t.norm);
    let is_number_word =
        |k: usize| word(k).is_some_and(|w| rules.number_words.contains_key(w) || rules.scales.contains_key(w));
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
                    let next = word(j + 1).unwrap_or("");
                    if rules.scales.contains_key(next) || matches!(next, "dozen" | "couple" | "pair") {
                        group = 1.0;
                        j += 1;
                        continue;
                    }
                    return None;
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
                        if word(j + 1) != Some("of") {
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
                    let unit_next = word(j + 1).and_then(|w| rules.number_words.get(w)).is_some_and(|&v| v < 10.0);
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
    let n = accumulate(tokens, rules, k, k, 0.0, 0.0)?;
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
    let n = accumulate(tokens, rules, k, k, 0.0, 0.0)?;
    if n.value >= 100.0 || n.value.fract() != 0.0 {
        return None;
    }
    format!("0.{}", n.value).parse().ok().map(|f| (f, n.end))
}

#[cfg(test)]
mod tests;
