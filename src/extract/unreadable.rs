//! Tokens in, the spots that look like a claim but cannot be one out: numbers too large for any
//! value ("1e400", a run of 400 digits) and calendar dates that do not exist ("February 30,
//! 2025"). Extraction already refuses them; this says so, so that a reader learns why a number in
//! their text is missing from the report.

use jiff::civil::Date;

use super::lexer::{Token, TokenKind};
use crate::claim::Span;
use crate::rules::Rules;

/// The spans of `tokens` that read as a number or date but have no value, each with the reason.
/// Only the digits tokens are looked at (`digits`, their positions in order: `lexer::Lexed::digits`),
/// so it costs next to nothing.
pub fn find(tokens: &[Token], digits: &[usize], text: &str, rules: &Rules) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    for &i in digits {
        let t = &tokens[i];
        // Fewer digits than the 309 of `f64::MAX` always read; only a longer run is parsed here.
        if t.norm.len() >= 309 && t.number().is_none() {
            out.push((
                Span::new(t.start, t.end),
                format!("a number of {} digits is too large to read; ignored", t.norm.len()),
            ));
            continue;
        }
        if let Some(end) = overflowing_exponent(tokens, i) {
            let written = &text[t.start..tokens[end - 1].end];
            out.push((Span::new(t.start, tokens[end - 1].end), format!("{written:?} is too large to read; ignored")));
            continue;
        }
        if let Some((start, end)) = impossible_date(tokens, rules, i) {
            let written = &text[tokens[start].start..tokens[end - 1].end];
            out.push((
                Span::new(tokens[start].start, tokens[end - 1].end),
                format!("{written:?} is no calendar date; ignored"),
            ));
        }
    }
    out
}

/// "1e400" is lexed as digits, the word "e", digits, with nothing between: true scientific
/// notation whose value overflows. Returns the token after it.
fn overflowing_exponent(tokens: &[Token], i: usize) -> Option<usize> {
    let (e, exp) = (tokens.get(i + 1)?, tokens.get(i + 2)?);
    let joined = e.norm == "e" && exp.kind == TokenKind::Digits && !e.space_before && !exp.space_before;
    if !joined {
        return None;
    }
    let value: f64 = format!("{}e{}", tokens[i].norm, exp.norm).parse().ok()?;
    (!value.is_finite()).then_some(i + 3)
}

/// A day number at token `i` next to a month word ("February 30", "30 February") that the month
/// does not have, in the year written after it or, without one, in a leap year. Returns the token
/// range.
fn impossible_date(tokens: &[Token], rules: &Rules, i: usize) -> Option<(usize, usize)> {
    // Every month (the rules hold months 1..12 only) has a 28th: only the 29th to the 31st can
    // be missing, so the month tables are hashed for those numbers alone.
    let day = tokens[i].number().filter(|d| d.fract() == 0.0 && (29.0..=31.0).contains(d))? as i8;
    // A month is a word, as the date readers take one (`date::proper::month_at`): a mark or
    // digits beside the number is turned away before the table is hashed.
    let month_at = |k: usize| {
        let word = tokens.get(k).filter(|t| t.kind == TokenKind::Word)?;
        rules.months.get(&*word.norm).copied()
    };
    let (start, month, after) = if let Some(m) = i.checked_sub(1).and_then(month_at) {
        (i - 1, m, i + 1)
    } else {
        let m = month_at(i + 1)?;
        (i, m, i + 2)
    };
    let comma = usize::from(tokens.get(after).is_some_and(|t| t.is_punct(",")));
    let year = tokens
        .get(after + comma)
        .filter(|t| t.kind == TokenKind::Digits && t.norm.len() == 4)
        .and_then(|t| t.norm.parse::<i16>().ok());
    let end = if year.is_some() { after + comma + 1 } else { after };
    let month = i8::try_from(month).ok()?;
    match Date::new(year.unwrap_or(2024), month, day) {
        Ok(_) => None,
        Err(_) => Some((start, end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer::{digit_tokens, tokenize};

    fn reasons(text: &str) -> Vec<String> {
        let rules = Rules::embedded().unwrap();
        let tokens = tokenize(text, 0, text.len());
        find(&tokens, &digit_tokens(&tokens), text, &rules)
            .into_iter()
            .map(|(s, r)| format!("{}..{} {r}", s.start(), s.end()))
            .collect()
    }

    #[test]
    fn huge_numbers_and_impossible_dates_are_named() {
        let digits = "9".repeat(400);
        assert_eq!(
            reasons(&format!("{digits} people")),
            ["0..400 a number of 400 digits is too large to read; ignored"]
        );
        assert_eq!(reasons(&format!("{} people", "9".repeat(308))), Vec::<String>::new(), "1e308 is still a number");
        assert_eq!(
            reasons(&format!("{} people", "9".repeat(309))),
            ["0..309 a number of 309 digits is too large to read; ignored"]
        );
        assert_eq!(reasons("about 1e400 joules"), ["6..11 \"1e400\" is too large to read; ignored"]);
        assert_eq!(
            reasons("On February 30, 2025, it rained"),
            ["3..20 \"February 30, 2025\" is no calendar date; ignored"]
        );
        assert_eq!(reasons("on 31 April"), ["3..11 \"31 April\" is no calendar date; ignored"]);
    }

    #[test]
    fn only_the_29th_to_the_31st_can_be_missing() {
        // Every way of writing 29 to 31 the lexer keeps in one token, a decimal that reads as
        // 29 among them.
        for n in ["29", "30", "31", "029", "29.0", "28.99999999999999999", "0031"] {
            assert_eq!(reasons(&format!("{n} February 2025")).len(), 1, "{n}");
        }
        for n in ["3", "28", "32", "2025", "100.5", "10"] {
            assert!(reasons(&format!("{n} February 2025")).is_empty(), "{n}");
        }
    }

    #[test]
    fn real_numbers_and_dates_are_not_flagged() {
        assert!(reasons("1e10 joules on February 29, 2024 and 29 February, 12 March 2025, 300 people").is_empty());
        assert!(reasons("June 31 soldiers").len() == 1, "June has no 31st");
        assert!(reasons("February 28, 2025 and 1 June").is_empty(), "every month has a 28th");
        assert_eq!(reasons("29 February 2025"), ["0..16 \"29 February 2025\" is no calendar date; ignored"]);
    }
}
