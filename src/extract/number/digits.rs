//! Tokens in, the parts of a number written in digits out: continental decimals ("1.111,11"),
//! powers ("1.3e6", "1.1^23") and fractions ("3/4", the "1/2" of "10 1/2").

use crate::extract::lexer::{Token, TokenKind};

/// Denominators a fraction written in digits may have ("3/4", "1/16"). Others read as codes or
/// dates rather than shares: "9/11", "24/7".
const DIGIT_DENOMINATORS: [f64; 12] = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 32.0, 64.0, 100.0];

/// "1.111,11": dots between groups of three and a decimal comma, as continental Europe writes
/// numbers; with one or two decimals only, since "1.111,111" could be either way round.
pub(super) fn continental(tokens: &[Token], text: &str, i: usize) -> Option<(f64, usize)> {
    // The glued comma first: asked of every number, and most have none.
    tokens.get(i + 1).filter(|t| t.is_punct(",") && !t.space_before)?;
    let whole = &text[tokens[i].start..tokens[i].end];
    let mut groups = whole.split('.');
    let head = groups.next()?;
    let grouped = (1..=3).contains(&head.len())
        && whole.contains('.')
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && head.bytes().all(|b| b.is_ascii_digit());
    let decimals = tokens.get(i + 2).filter(|t| t.kind == TokenKind::Digits && !t.space_before)?;
    let digits = &text[decimals.start..decimals.end];
    let short = (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    // "1.111,11,5" is a list of some kind, not one number.
    let more = tokens.get(i + 3).is_some_and(|t| !t.space_before && t.kind == TokenKind::Digits)
        || tokens
            .get(i + 4)
            .is_some_and(|t| !t.space_before && tokens[i + 3].is_punct(",") && t.kind == TokenKind::Digits);
    if !(grouped && short) || more {
        return None;
    }
    format!("{}.{digits}", whole.replace('.', "")).parse().ok().map(|v| (v, i + 3))
}

/// A power of ten or an exponent glued to the digits before token `k`.
pub(super) fn power(tokens: &[Token], k: usize, base: f64) -> Option<(f64, usize)> {
    let glued = |j: usize| tokens.get(j).filter(|t| !t.space_before);
    let exponent = |j: usize| -> Option<(f64, usize)> {
        let mut j = j;
        let mut sign = 1.0;
        while let Some(t) = glued(j).filter(|t| t.is_punct("+-")) {
            if t.is_punct("-") {
                sign = -sign;
            }
            j += 1;
        }
        let e = glued(j).filter(|t| t.kind == TokenKind::Digits && !t.norm.contains('.'))?.number()?;
        Some((sign * e, j + 1))
    };
    let t = glued(k)?;
    if t.is("e") {
        let (e, after) = exponent(k + 1)?;
        return Some((base * 10f64.powf(e), after));
    }
    if t.is_punct("^") {
        let (e, after) = exponent(k + 1)?;
        return Some((base.powf(e), after));
    }
    if t.is("x") && glued(k + 1).is_some_and(|t| t.norm == "10") && glued(k + 2).is_some_and(|t| t.is_punct("^")) {
        let (e, after) = exponent(k + 3)?;
        return Some((base * 10f64.powf(e), after));
    }
    None
}

/// "/4" glued after the numerator at token `k - 1`.
pub(super) fn digit_fraction(tokens: &[Token], k: usize) -> Option<(f64, usize)> {
    let slash = tokens.get(k).filter(|t| t.is_punct("/") && !t.space_before)?;
    let _ = slash;
    let den = tokens.get(k + 1).filter(|t| !t.space_before)?.number()?;
    let num = tokens[k - 1].number()?;
    let not_a_date = !tokens.get(k + 2).is_some_and(|t| t.is_punct("/") && !t.space_before);
    (DIGIT_DENOMINATORS.contains(&den) && num.fract() == 0.0 && not_a_date).then(|| (num / den, k + 2))
}

/// A whole "a/b" fraction starting at token `k`.
pub(super) fn digit_fraction_at(tokens: &[Token], k: usize) -> Option<(f64, usize)> {
    tokens.get(k).filter(|t| t.kind == TokenKind::Digits)?;
    digit_fraction(tokens, k + 1)
}
