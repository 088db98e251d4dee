//! Tokens in, one number out: digits ("11,000", "1.2 million", "3bn") or words ("twenty-five",
//! "a dozen", "one hundred and twenty"), with the tokens it spans.

use super::lexer::{Token, TokenKind};
use crate::rules::Rules;

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

/// Reads the number starting at token `i`, if one starts there.
pub fn read(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<Number> {
    let token = tokens.get(i)?;
    match token.kind {
        TokenKind::Digits => read_digits(tokens, text, rules, i),
        TokenKind::Word => read_words(tokens, rules, i),
        TokenKind::Punct => None,
    }
}

fn read_digits(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<Number> {
    let mut value = tokens[i].number()?;
    let mut end = i + 1;
    let mut suffix = None;
    let mut suffix_token = 0;
    if let Some(next) = tokens.get(end).filter(|t| t.kind == TokenKind::Word && !t.space_before) {
        let raw = &text[next.start..next.end];
        if let Some(&f) = rules.suffixes.get(raw).or_else(|| rules.suffixes.get(&next.norm)) {
            suffix = Some(f);
            suffix_token = end;
        }
    }
    let mut scale = 1.0;
    if suffix.is_none() {
        // "1.2 million", and on: "2 hundred thousand".
        while let Some(s) =
            tokens.get(end).filter(|t| t.kind == TokenKind::Word).and_then(|t| rules.scales.get(&t.norm))
        {
            scale *= s;
            end += 1;
        }
    }
    value *= scale;
    Some(Number { value, start: i, end, words: false, suffix, suffix_token, scaled: scale != 1.0, scale })
}

/// Number words, read the usual way: units and tens add up, "hundred" multiplies the group so far,
/// larger scales close a group ("two million three hundred thousand").
fn read_words(tokens: &[Token], rules: &Rules, i: usize) -> Option<Number> {
    let mut total = 0.0;
    let mut group = 0.0;
    let mut any = false;
    let mut scaled = false;
    let mut j = i;
    let mut end = i;
    let word = |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| t.norm.as_str());
    let is_number_word =
        |k: usize| word(k).is_some_and(|w| rules.number_words.contains_key(w) || rules.scales.contains_key(w));
    while let Some(t) = tokens.get(j) {
        match t.kind {
            TokenKind::Word => {
                let w = t.norm.as_str();
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
                if let Some(&v) = rules.number_words.get(w) {
                    if w == "dozen" {
                        group = if group == 0.0 { 12.0 } else { group * 12.0 };
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
                } else if let Some(&scale) = rules.scales.get(w) {
                    if !any && group == 0.0 {
                        return None;
                    }
                    scaled = true;
                    if scale == 100.0 {
                        group = group.max(1.0) * 100.0;
                    } else {
                        total += group.max(1.0) * scale;
                        group = 0.0;
                    }
                } else if w == "and" && any && is_number_word(j + 1) && !tokens[j + 1].is("a") {
                    j += 1;
                    continue;
                } else {
                    break;
                }
                any = true;
                j += 1;
                end = j;
            }
            TokenKind::Punct if t.is_dash() && any && !t.space_before => {
                // "twenty-five": a hyphen joins tens and units; anything else ends the number.
                match tokens.get(j + 1) {
                    Some(n)
                        if !n.space_before
                            && n.kind == TokenKind::Word
                            && rules.number_words.get(&n.norm).is_some_and(|&v| v < 10.0)
                            && group % 10.0 == 0.0
                            && group >= 20.0 =>
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
    Some(Number { value: total + group, start: i, end, words: true, suffix: None, suffix_token: 0, scaled, scale: 1.0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer::tokenize;

    fn value(text: &str) -> Option<(f64, usize)> {
        let rules = Rules::embedded().unwrap();
        let tokens = tokenize(text, 0, text.len());
        read(&tokens, text, &rules, 0).map(|n| (n.value * n.suffix.unwrap_or(1.0), n.end))
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(value("11,000 soldiers"), Some((11000.0, 1)));
        assert_eq!(value("1.2 million people"), Some((1_200_000.0, 2)));
        assert_eq!(value("3bn"), Some((3e9, 1)));
    }

    #[test]
    fn number_words() {
        assert_eq!(value("three soldiers"), Some((3.0, 1)));
        assert_eq!(value("twenty-five villages"), Some((25.0, 3)));
        assert_eq!(value("one hundred and twenty people"), Some((120.0, 4)));
        assert_eq!(value("a dozen houses"), Some((12.0, 2)));
        assert_eq!(value("two million three hundred thousand"), Some((2_300_000.0, 5)));
        assert_eq!(value("a couple of days"), Some((2.0, 2)));
        assert_eq!(value("a man"), None);
        assert_eq!(value("hundred"), None);
        assert_eq!(value("one two"), Some((1.0, 1)));
    }
}
