//! Tokens in, the date expressions that speech and wire copy write without a month or a year:
//! days in words ("the twenty-first"), a bare day with a strong introducer ("on 15", "the 27th"),
//! a day of a relative month ("the 20th of next month") and a date counted from the reference
//! ("2 years 1 month 21 days ago", "two days after tomorrow", "in 3 weeks" in the future tense).

use super::super::lexer::{word, Token, TokenKind};
use super::super::starters::Starts;
use super::super::{duration, number};
use super::DateExpr;
use crate::rules::Rules;

/// A day of the month in words at token `k`: "first", "twenty-first", "twenty second", "fifteen",
/// "thirty one". Returns the day and the token after it.
pub(super) fn day_word(tokens: &[Token], rules: &Rules, k: usize) -> Option<(i8, usize)> {
    let w = word(tokens, k)?;
    let small = |w: &str| rules.ordinals.get(w).or_else(|| rules.number_words.get(w)).copied();
    // Each table is looked up once for the word at `k`: most words are in neither.
    let number = rules.number_words.get(w).copied();
    if let Some(t) = number.filter(|&v| v == 20.0 || v == 30.0) {
        let mut n = k + 1;
        if tokens.get(n).is_some_and(|d| d.is_dash() && !d.space_before) {
            n += 1;
        }
        if let Some(u) = word(tokens, n).and_then(small).filter(|&u| (1.0..=9.0).contains(&u)) {
            let day = t + u;
            return (day <= 31.0).then_some((day as i8, n + 1));
        }
    }
    let v = rules.ordinals.get(w).copied().or(number)?;
    ((1.0..=31.0).contains(&v) && v.fract() == 0.0).then_some((v as i8, k + 1))
}

/// A year in words at token `k`: "nineteen seventy eight", "nineteen zero one", "twenty
/// eighteen", "nineteen hundred", "two thousand and eighteen", "one thousand seven hundred and
/// eighty nine". Returns the year and the token after it.
pub(super) fn year_words(tokens: &[Token], text: &str, rules: &Rules, k: usize) -> Option<(i16, usize)> {
    let value = |k: usize| word(tokens, k).and_then(|w| rules.number_words.get(w)).copied();
    value(k)?;
    let glued_dash = |k: usize| tokens.get(k).is_some_and(|d| d.is_dash() && !d.space_before);
    // Century and year of the century, said as two numbers, from "seventeen" to "twenty".
    if let Some(century) = value(k).filter(|v| (17.0..=20.0).contains(v)) {
        let n = if glued_dash(k + 1) { k + 2 } else { k + 1 };
        let unit = |k: usize| value(k).filter(|v| (1.0..=9.0).contains(v));
        let rest = match (word(tokens, n), value(n)) {
            (Some("hundred"), _) => Some((0.0, n + 1)),
            (Some("zero" | "oh" | "o"), _) => unit(n + 1).map(|u| (u, n + 2)),
            (_, Some(t)) if (10.0..=19.0).contains(&t) => Some((t, n + 1)),
            (_, Some(t)) if (20.0..=90.0).contains(&t) && t % 10.0 == 0.0 => {
                let m = if glued_dash(n + 1) { n + 2 } else { n + 1 };
                match unit(m) {
                    Some(u) => Some((t + u, m + 1)),
                    // "twenty fifty-dollar bills": the word goes on.
                    None if m > n + 1 => None,
                    None => Some((t, n + 1)),
                }
            }
            _ => None,
        };
        if let Some((year, end)) = rest {
            return Some(((century * 100.0 + year) as i16, end));
        }
    }
    let n = super::super::number::read(tokens, text, rules, k)?;
    ((1000.0..3000.0).contains(&n.value) && n.value.fract() == 0.0 && n.words).then_some((n.value as i16, n.end))
}

/// True when nothing that could be counted follows token `k`: the end of the sentence or a mark.
/// A mark glued on both sides ("7/12", "10:30", "the second-floor room") does not end the day.
fn stands_alone(tokens: &[Token], k: usize, sentence: u32) -> bool {
    let joins = |t: &Token| !t.space_before && tokens.get(k + 1).is_some_and(|n| !n.space_before);
    tokens.get(k).is_none_or(|t| t.sentence != sentence || (t.kind == TokenKind::Punct && !joins(t)))
}

/// A day of the month without a month: "on 15", "on the 27th", "the 21st.", "the twenty second!",
/// and "the 20th of next month". A bare number is a date in news only with such an introducer and
/// nothing counted after it ("on 15 occasions", "the 27th anniversary" are not dates).
#[inline]
pub(super) fn bare_day(tokens: &[Token], rules: &Rules, i: usize) -> Option<(DateExpr, usize)> {
    let first = word(tokens, i)?;
    let mut k = i + 1;
    let on = first == "on";
    if on && word(tokens, k) == Some("the") {
        k += 1;
    } else if first != "the" && !on {
        return None;
    }
    let the = k > i + 1 || first == "the";
    let t = tokens.get(k)?;
    let (day, end, ordinal) = if t.kind == TokenKind::Digits {
        let v = t.number().filter(|v| v.fract() == 0.0 && (1.0..=31.0).contains(v) && t.norm.len() <= 2)?;
        let suffix =
            tokens.get(k + 1).is_some_and(|s| !s.space_before && matches!(&*s.norm, "st" | "nd" | "rd" | "th"));
        (v as i8, if suffix { k + 2 } else { k + 1 }, suffix)
    } else {
        // A day in words needs "the" ("on the second"), and is read only as an ordinal or a tens
        // word ("the twenty second", "the thirty"), never a bare "one".
        let (day, end) = day_word(tokens, rules, k)?;
        let w = word(tokens, k)?;
        // "on twenty second" is a day as a compound ordinal, as after "the".
        let compound = end > k + 1 && word(tokens, end - 1).is_some_and(|u| rules.ordinals.contains_key(u));
        if !(the || compound) || (rules.number_words.contains_key(w) && day < 20) {
            return None;
        }
        (day, end, true)
    };
    // "on 15" needs "on"; "the 27" needs "the" and nothing counted after it.
    if !on && !the {
        return None;
    }
    let sentence = tokens[k].sentence;
    // "the 20th of next month", "the 20th next month", "31st of this month".
    let mut m = end;
    if word(tokens, m) == Some("of") {
        m += 1;
    }
    let offset = match word(tokens, m) {
        Some("this" | "current") => Some(0),
        Some("next" | "coming") => Some(1),
        Some("last" | "previous" | "past") => Some(-1),
        _ => None,
    };
    if let Some(offset) = offset.filter(|_| word(tokens, m + 1) == Some("month")) {
        return Some((DateExpr::DayOfMonthOffset { day, offset }, m + 2));
    }
    if !stands_alone(tokens, end, sentence) {
        return None;
    }
    // A bare "on 15" reads as a date; a bare "the 2" without an ordinal suffix only with "on" or
    // after "for"/"on" ("for the 27"), so "the 2 of them" stays a count.
    if !ordinal
        && !on
        && !i.checked_sub(1).and_then(|p| word(tokens, p)).is_some_and(|p| matches!(p, "for" | "on" | "by" | "until"))
    {
        return None;
    }
    Some((DateExpr::Day { day }, end))
}

/// A date counted from the reference, at the token of `at`: "three days ago", "2 years 1 month 21
/// days ago", "two weeks from now", "two days after today", "four days from yesterday", "a month
/// ago". When `future()` (the clause is in the future tense; asked only when a length of time was
/// read), also "2 days later" and "4 weeks hence".
pub(super) fn shifted(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    at: &number::At,
    future: impl Fn() -> bool,
) -> Option<(DateExpr, usize)> {
    shifted_by(tokens, &duration::read_at(tokens, text, rules, at)?, future)
}

/// [`shifted`] by the length of time `d`, already read where the date starts.
pub(super) fn shifted_by(
    tokens: &[Token],
    d: &duration::Duration,
    future: impl Fn() -> bool,
) -> Option<(DateExpr, usize)> {
    let calendar = d.calendar?;
    if calendar.seconds != 0 || d.low != d.high {
        return None;
    }
    let base = |w: Option<&str>| match w {
        Some("today") => Some(0i8),
        Some("tomorrow" | "tmrw") => Some(1),
        Some("yesterday") => Some(-1),
        _ => None,
    };
    let k = d.end;
    let (base, sign, end) = match (word(tokens, k), word(tokens, k + 1)) {
        (Some("ago"), _) => (0, -1, k + 1),
        (Some("before"), w) if base(w).is_some() => (base(w)?, -1, k + 2),
        (Some("after" | "from"), w) if base(w).is_some() => (base(w)?, 1, k + 2),
        (Some("from"), Some("now")) => (0, 1, k + 2),
        (Some("later" | "hence"), _) if future() => (0, 1, k + 1),
        (Some("in"), Some("the")) if word(tokens, k + 2) == Some("future") && future() => (0, 1, k + 3),
        _ => return None,
    };
    Some((on_calendar_or_working(tokens, d, base, sign, calendar), end))
}

/// A length counted from a day: on the calendar, or in working days when they are named ("four
/// business days" skips the weekend).
pub(super) fn on_calendar_or_working(
    tokens: &[Token],
    d: &duration::Duration,
    base: i8,
    sign: i8,
    calendar: duration::Calendar,
) -> DateExpr {
    let working = tokens[d.start..d.end].iter().any(|t| t.is("business") || t.is("working"));
    match i32::try_from(calendar.days) {
        Ok(days) if working && d.unit == "day" && calendar.years == 0 && calendar.months == 0 => {
            DateExpr::WorkingDays { base, days: days * i32::from(sign) }
        }
        _ => DateExpr::Shifted { base, sign, calendar },
    }
}

/// "two Sundays from now", "three Fridays ago": the `n`th such weekday after (or before) the
/// reference, the reference's own day not counted.
#[inline]
pub(super) fn weekdays_counted(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    at: &number::At,
) -> Option<(DateExpr, usize)> {
    let t = tokens.get(at.index())?;
    // Digits or a number word first: most words that open a date ("the", "on", "last") open no
    // number, and the number (read once for all matchers at the token) is not read at them yet.
    let number_word = || at.facts().number_word(tokens, rules, at.index());
    if t.kind != TokenKind::Digits && !number_word() {
        return None;
    }
    let n = at.read(tokens, text, rules)?;
    let count = (n.value.fract() == 0.0 && (1.0..=9.0).contains(&n.value)).then_some(n.value as i8)?;
    let plural = word(tokens, n.end)?.strip_suffix('s')?;
    let weekday = *rules.weekdays.get(plural).filter(|_| plural.len() > 3)? as i8;
    let (sign, end) = match (word(tokens, n.end + 1), word(tokens, n.end + 2)) {
        (Some("from"), Some("now" | "today")) => (1, n.end + 3),
        (Some("ago"), _) => (-1, n.end + 2),
        _ => return None,
    };
    let calendar = duration::Calendar { days: 7 * i64::from(count), ..Default::default() };
    let within = Box::new(if sign > 0 {
        DateExpr::Counted { sign, from_today: false, calendar }
    } else {
        let from = Box::new(DateExpr::Shifted { base: 0, sign, calendar });
        DateExpr::Range { from, to: Box::new(DateExpr::DaysFrom { days: -1 }) }
    });
    Some((DateExpr::NthWeekday { n: count * sign, weekday, within }, end))
}

/// "less than 2 weeks from today", "less than 3 days after tomorrow", "less than a month ago": the
/// days between the counted date and the day it is counted from.
#[inline]
pub(super) fn less_than_shifted(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    at: &number::At,
    future: impl Fn() -> bool,
) -> Option<(DateExpr, usize)> {
    let j = at.index();
    if word(tokens, j) != Some("less") || word(tokens, j + 1) != Some("than") {
        return None;
    }
    let (far, end) = shifted_after(tokens, text, rules, at, j + 2, future)?;
    let DateExpr::Shifted { base, sign, .. } = far else { return None };
    let (near, far) = (Box::new(DateExpr::DaysFrom { days: i32::from(base) }), Box::new(far));
    let (from, to) = if sign > 0 { (near, far) } else { (far, near) };
    Some((DateExpr::Range { from, to }, end))
}

/// "more than 2 weeks ago", "over a month ago", "more than 3 days after today": the counted day
/// as a bound, with the direction the days lie from it (-1 on and before it, +1 on and after).
#[inline]
pub(super) fn more_than_shifted(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    at: &number::At,
    future: impl Fn() -> bool,
) -> Option<(DateExpr, usize, i8)> {
    let j = at.index();
    let k = match (word(tokens, j), word(tokens, j + 1)) {
        (Some("more"), Some("than")) => j + 2,
        (Some("over"), _) => j + 1,
        _ => return None,
    };
    let (far, end) = shifted_after(tokens, text, rules, at, k, future)?;
    let DateExpr::Shifted { sign, .. } = far else { return None };
    Some((far, end, sign))
}

/// [`shifted`] at token `k`, past the bound that opens it at the token of `at` ("more than",
/// "over", "less than"). The length it counts starts only at a word the starters list for lengths
/// of time, as the extractor relies on at every token: "over the", "more than the" read none.
fn shifted_after(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    at: &number::At,
    k: usize,
    future: impl Fn() -> bool,
) -> Option<(DateExpr, usize)> {
    let length_may_start = at.facts().may(tokens, k, |f| f.starts.has(Starts::DURATION));
    debug_assert!(length_may_start || duration::read(tokens, text, rules, k).is_none());
    length_may_start.then(|| shifted(tokens, text, rules, &at.beside(k), future)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer::tokenize;

    fn bare(text: &str) -> Option<DateExpr> {
        let rules = Rules::embedded().unwrap();
        let tokens = tokenize(text, 0, text.len());
        (0..tokens.len()).find_map(|i| bare_day(&tokens, &rules, i)).map(|(e, _)| e)
    }

    #[test]
    fn a_bare_day_needs_an_introducer_and_nothing_counted_after_it() {
        assert_eq!(bare("I'll go back on 15"), Some(DateExpr::Day { day: 15 }));
        assert_eq!(bare("back for the twenty second!"), Some(DateExpr::Day { day: 22 }));
        assert_eq!(bare("on the 20th of next month"), Some(DateExpr::DayOfMonthOffset { day: 20, offset: 1 }));
        for text in
            ["on 15 occasions", "the 27th anniversary", "the second-floor room", "on 7/12/2025", "the 2 of them"]
        {
            assert_eq!(bare(text), None, "{text}");
        }
    }
}
