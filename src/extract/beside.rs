//! A day told from another day of its sentence ("said Saturday both were dead at the scene the day
//! before") and the claims already made before it in, its claim out: that day, moved.
//!
//! The day counted from is the nearest single day claimed before it in its sentence; without one
//! there is no claim, since "the day before" does not count from the article's own date the way
//! "yesterday" does. In a source without a reference date a weekday moves as a weekday ("Saturday",
//! "the day before": Friday, week unknown).

use super::date::{DateExpr, DateMatch};
use super::lexer::Token;
use super::subject::Terms;
use super::{span_of, unanchored};
use crate::claim::{Claim, DatePrecision, Hedge, Interval, Kind, Rule, Term};
use crate::rules::Rules;

/// The claim of `m` when it is a day told from another ("a day before"), counted from the nearest
/// single day among `before` (the claims before it, in text order, with their sentences).
pub fn claim(
    m: &DateMatch,
    before: (&[Claim], &[u32]),
    tokens: &[Token],
    rules: &Rules,
    terms: &Terms,
    index: u32,
) -> Option<Claim> {
    let DateExpr::DayBeside { days } = m.expr else { return None };
    let sentence = tokens[m.start].sentence;
    let (claims, sentences) = before;
    let anchor = claims
        .iter()
        .zip(sentences)
        .rev()
        .take_while(|(_, &s)| s == sentence)
        .map(|(c, _)| c)
        .find(|c| c.kind == Kind::Date && c.precision == Some(DatePrecision::Day) && c.hedge == Hedge::Period)?;
    let span = span_of(tokens, m.start, m.end);
    let subject = terms.subject(tokens, rules, m.start, m.end, None);
    if anchor.rule == unanchored::RULE {
        let unit = unanchored::weekday_beside(&anchor.unit, days)?;
        return Some(unanchored::claim(span, unit, DatePrecision::Day, subject, index));
    }
    let day = anchor.value.low().filter(|d| anchor.value.is_exact() && d.fract() == 0.0)?;
    let value = Interval::exact(day + f64::from(days));
    Some(Claim {
        source: index,
        span,
        kind: Kind::Date,
        value,
        nominal: value,
        written: None,
        written_unit: Term::none(),
        hedge: Hedge::Period,
        unit: anchor.unit,
        subject,
        precision: Some(DatePrecision::Day),
        rule: Rule::Date,
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::unanchored::tests::claims;

    fn dates(text: &str) -> Vec<(String, String)> {
        claims(text).into_iter().map(|(quoted, _, value)| (quoted, value)).collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }
    #[test]
    fn a_day_before_counts_from_the_day_of_its_sentence() {
        let text =
            "---\ndate: 2005-11-28\n---\nAn aftershock hit on Monday as the toll from a quake a day before rose.\n";
        assert_eq!(dates(text), pairs(&[("Monday", "2005-11-28"), ("a day before", "2005-11-27")]));
        let undated = "The police said Saturday both were dead at the scene the day before, but waited.";
        let want = [("Saturday", "Saturday (week unknown)"), ("the day before", "Friday (week unknown)")];
        assert_eq!(dates(undated), pairs(&want));
    }

    #[test]
    fn no_day_before_without_its_day_or_before_its_own_anchor() {
        assert!(dates("---\ndate: 2005-11-28\n---\nHe had left the day before.\n").is_empty());
        let text = "---\ndate: 2005-11-28\n---\nHe was seen on Monday, a day before he died.\n";
        assert_eq!(dates(text), pairs(&[("Monday", "2005-11-28")]));
    }
}
