//! Tokens in, a fraction out whose denominator is an ordinal of more than one word: "one
//! twenty-fifth", "three twenty-firsts", "one one hundred fifth", "ninety-five hundred fifths".

use super::{Facts, Number};
use crate::extract::lexer::{word, Token, TokenKind};
use crate::rules::Rules;

/// The value of number words read as one number ("one hundred thirty five" = 135, "ninety five
/// hundred" = 9500), or `None` when they are not one ("one one", "twenty twenty", "hundred five").
fn compose(values: &[f64]) -> Option<f64> {
    let (mut total, mut group) = (0.0, 0.0);
    let mut last_scale = f64::INFINITY;
    for &v in values {
        if v >= 1000.0 {
            if group == 0.0 || v >= last_scale {
                return None;
            }
            total += group * v;
            group = 0.0;
            last_scale = v;
        } else if v == 100.0 {
            if group == 0.0 || group >= 100.0 {
                return None;
            }
            group *= 100.0;
        } else if group == 0.0
            || (group % 100.0 == 0.0 && v < 100.0)
            || (group % 10.0 == 0.0 && group % 100.0 >= 20.0 && v < 10.0)
        {
            group += v;
        } else {
            return None;
        }
    }
    (total + group > 0.0).then_some(total + group)
}

/// The number words from token `i` up to an ordinal: their values, the indices of the values an
/// "and" stands before, the token after the ordinal, and whether the ordinal is plural. The words may be joined by dashes and "and"; "a" may start them.
fn words_to_ordinal(tokens: &[Token], rules: &Rules, i: usize) -> Option<(Vec<f64>, Vec<usize>, usize, bool)> {
    let mut values = Vec::new();
    let mut ands = Vec::new();
    let mut j = i;
    while let Some(t) = tokens.get(j) {
        let w = &*t.norm;
        if t.kind == TokenKind::Punct {
            let joins =
                t.is_dash() && !values.is_empty() && tokens.get(j + 1).is_some_and(|n| n.kind == TokenKind::Word);
            if !joins {
                return None;
            }
        } else if t.kind != TokenKind::Word || (j > i && t.sentence != tokens[i].sentence) {
            return None;
        } else if (w == "a" || w == "an") && j == i {
            values.push(1.0);
        } else if w == "and" && !values.is_empty() {
            ands.push(values.len());
        } else if let Some(d) = ordinal(rules, w) {
            values.push(d);
            return Some((values, ands, j + 1, w.ends_with('s')));
        } else if let Some(&v) = rules.scales.get(w) {
            values.push(v);
        } else if let Some(&v) = rules.number_words.get(w).filter(|_| is_plain_number(w)) {
            values.push(v);
        } else {
            return None;
        }
        j += 1;
    }
    None
}

/// "dozen" and "couple" are number words too, but no part of a written-out number.
fn is_plain_number(word: &str) -> bool {
    !matches!(word, "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs" | "couple" | "pair")
}

/// An ordinal as a denominator: "fifth", "fifths", "firsts"; never "second(s)", a unit of time.
fn ordinal(rules: &Rules, word: &str) -> Option<f64> {
    if word.starts_with("second") {
        return None;
    }
    // Asked of every word a number reader reads, so a word without a plural ending is looked up
    // once in each table, not twice.
    let plural = || word.strip_suffix('s').and_then(|single| rules.ordinals.get(single));
    rules.fractions.get(word).or_else(|| rules.ordinals.get(word)).or_else(plural).copied()
}

/// A fraction over an ordinal of several words starting at token `i`. Where the words could split
/// two ways, the numerator ends at its first scale word that a smaller number follows ("one hundred
/// thirty fifths" is 100/35, "ninety-five hundred fifths" 9500/5); where they are not one number,
/// the denominator is the longest ordinal that leaves a numerator ("one one hundred fifth" is
/// 1/105). A singular ordinal makes a fraction only of one, said last or before "of": "a
/// twenty-first" is a share, "a twenty-first century economy" is not.
pub(super) fn compound(tokens: &[Token], rules: &Rules, facts: Facts, i: usize) -> Option<Number> {
    // Its second word (after a dash, if one joins them) is a scale or a number word, since an
    // ordinal there ends a fraction of two words: most numbers in words have their noun there,
    // and are turned away before the words are gathered.
    let second = if tokens.get(i + 1).is_some_and(|t| t.is_dash()) { i + 2 } else { i + 1 };
    let w = word(tokens, second).filter(|_| facts.may_be_in_numbers(tokens, second))?;
    if !(rules.scales.contains_key(w) || (rules.number_words.contains_key(w) && is_plain_number(w))) {
        return None;
    }
    let (values, ands, end, plural) = words_to_ordinal(tokens, rules, i)?;
    let n = values.len();
    if n < 3 {
        // "three fifths": one word each side, read by the number reader itself.
        return None;
    }
    let split = if compose(&values).is_some() && !tokens[i].is("a") && !tokens[i].is("an") {
        (1..n - 1).find(|&s| values[s] >= 100.0 && values[s + 1] < 100.0).map(|s| s + 1)?
    } else {
        // A one-word denominator ("twenty-three fifths") is the number reader's own.
        (1..n - 1).find(|&s| compose(&values[..s]).is_some() && compose(&values[s..]).is_some())?
    };
    // "and" may join the parts of the denominator ("one hundred and fifth"); before it, it joins a
    // whole to a fraction ("two and fifty-four hundredths") or the numerator's parts ("one hundred
    // and thirty fifths" is 130/5), which the number reader reads.
    if ands.iter().any(|&a| a <= split) {
        return None;
    }
    let numerator = compose(&values[..split])?;
    let denominator = compose(&values[split..])?;
    if !plural {
        let last = tokens.get(end).filter(|t| t.sentence == tokens[i].sentence);
        let alone = last.is_none_or(|t| t.kind == TokenKind::Punct || t.is("of"));
        if numerator != 1.0 || !alone {
            return None;
        }
    }
    Some(Number {
        value: numerator / denominator,
        start: i,
        end,
        words: true,
        suffix: None,
        suffix_token: 0,
        scaled: false,
        scale: 1.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer::tokenize;

    fn value(text: &str) -> Option<f64> {
        let rules = Rules::embedded().unwrap();
        let tokens = tokenize(text, 0, text.len());
        compound(&tokens, &rules, Facts::default(), 0).map(|n| n.value)
    }

    #[test]
    fn compound_ordinals_make_denominators() {
        assert_eq!(value("one twenty-fifth"), Some(0.04));
        assert_eq!(value("three twenty firsts"), Some(3.0 / 21.0));
        assert_eq!(value("twenty twenty fifths"), Some(0.8));
        assert_eq!(value("one hundred thirty fifths"), Some(100.0 / 35.0));
        assert_eq!(value("one one hundred and fifth"), Some(1.0 / 105.0));
        assert_eq!(value("one hundred one thousand fifths"), Some(100.0 / 1005.0));
        assert_eq!(value("ninety - five hundred-fifths"), Some(1900.0));
        assert_eq!(value("a twenty-first of the vote"), Some(1.0 / 21.0));
    }

    #[test]
    fn ordinals_that_are_no_shares() {
        assert_eq!(value("a twenty-first century economy"), None);
        assert_eq!(value("three twenty-first birthdays"), None);
        assert_eq!(value("twenty fifth"), None);
        assert_eq!(value("three fifths"), None);
        assert_eq!(value("two and fifty-four hundredths"), None);
        assert_eq!(value("one hundred and thirty fifths"), None);
        assert_eq!(value("three twenty seconds"), None);
    }
}
