//! Tokens in, the dates written against the reference rather than the calendar: "today", "last
//! year", "next week", "this Friday", "next June", "last spring", "this weekend", and a weekday with
//! what follows it ("Saturday, July 12", "Friday the 15th", "Sunday of next week").

use super::super::lexer::{Token, TokenKind};
use super::numeric::{day_at, is_ordinal_day};
use super::{core_date, month_at, spoken, verb_month, word, DateExpr, RelativeUnit};
use crate::rules::Rules;

/// A weekday at token `j` and what follows it: "Saturday, July 12, 2025" (the full date says
/// more), "Friday the 15th", "Sunday of next week", or the weekday alone.
pub(super) fn weekday_date(tokens: &[Token], text: &str, rules: &Rules, j: usize, weekday: i8) -> (DateExpr, usize) {
    let word = |k: usize| word(tokens, k);
    let mut k = j + 1;
    if tokens.get(k).is_some_and(|c| c.is_punct(",")) {
        k += 1;
    }
    if let Some((expr, end)) = core_date(tokens, text, rules, k, true) {
        if matches!(expr, DateExpr::Full { .. } | DateExpr::MonthDay { .. }) {
            return (expr, end);
        }
    }
    if word(j + 1) == Some("the") {
        if let Some((day, end)) = day_at(tokens, j + 2).or_else(|| spoken::day_word(tokens, rules, j + 2)) {
            if word(end) != Some("of") {
                return (DateExpr::DayOnWeekday { day, weekday }, end);
            }
        }
    }
    // "Fri 14th", an ordinal day without "the".
    if let Some((day, end)) = day_at(tokens, j + 1).filter(|_| is_ordinal_day(tokens, j + 1)) {
        if word(end) != Some("of") {
            return (DateExpr::DayOnWeekday { day, weekday }, end);
        }
    }
    // "Sunday of next week", "Friday next week".
    let w = if word(j + 1) == Some("of") { j + 2 } else { j + 1 };
    if let Some((DateExpr::Relative { unit: RelativeUnit::Week, offset }, end)) = relative_date(tokens, text, rules, w)
    {
        return (DateExpr::WeekdayOfWeek { weekday, offset: offset as i8 }, end);
    }
    (DateExpr::Weekday { weekday, direction: 0 }, j + 1)
}

/// "today", "yesterday", "last year", "next week", "last Saturday", "last spring", "next June",
/// "this decade", "last weekend".
pub(super) fn relative_date(tokens: &[Token], text: &str, rules: &Rules, j: usize) -> Option<(DateExpr, usize)> {
    let word = |k: usize| word(tokens, k);
    let w = word(j)?;
    let days = match w {
        "today" | "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" | "tmrw" => Some(1),
        _ => None,
    };
    if let Some(days) = days {
        return Some((DateExpr::DaysFrom { days }, j + 1));
    }
    let offset = match w {
        "last" | "past" | "previous" => -1,
        "this" | "current" => 0,
        "next" | "coming" | "upcoming" => 1,
        // "the day before yesterday", "the day after tomorrow".
        "the" if word(j + 1) == Some("day") => {
            return match (word(j + 2), word(j + 3)) {
                (Some("before"), Some("yesterday")) => Some((DateExpr::DaysFrom { days: -2 }, j + 4)),
                (Some("after"), Some("tomorrow" | "tmrw")) => Some((DateExpr::DaysFrom { days: 2 }, j + 4)),
                _ => None,
            };
        }
        // "three days ago" and the like are read by `spoken::shifted`.
        _ => return None,
    };
    let next = word(j + 1)?;
    let unit = match next {
        "week" => Some(RelativeUnit::Week),
        "month" => Some(RelativeUnit::Month),
        "year" => Some(RelativeUnit::Year),
        "decade" => Some(RelativeUnit::Decade),
        // "profits fell last quarter"; "the last quarter" of a game is no date.
        "quarter" if !(w == "last" && j.checked_sub(1).and_then(&word) == Some("the")) => Some(RelativeUnit::Quarter),
        _ => None,
    };
    if let Some(unit) = unit {
        // "this week from Tue to Thur", "next week between Wednesday and Friday": days of that week.
        let weekday_at = |k: usize| {
            let t =
                tokens.get(k).filter(|t| t.kind == TokenKind::Word && (t.norm.len() > 3 || t.is_capitalized(text)))?;
            rules.weekdays.get(&*t.norm).map(|&w| w as i8)
        };
        if unit == RelativeUnit::Week && matches!(word(j + 2), Some("from" | "between")) {
            let joins = matches!(word(j + 4), Some("to" | "until" | "through" | "and"))
                || tokens.get(j + 4).is_some_and(|t| t.is_dash());
            if let (Some(first), Some(last), true) = (weekday_at(j + 3), weekday_at(j + 5), joins) {
                let day = |weekday| Box::new(DateExpr::WeekdayOfWeek { weekday, offset: offset as i8 });
                return Some((DateExpr::Range { from: day(first), to: day(last) }, j + 6));
            }
        }
        // "this week Friday", "next week on Sunday": a weekday of that week.
        if unit == RelativeUnit::Week {
            let k = if word(j + 2) == Some("on") { j + 3 } else { j + 2 };
            if let Some(&weekday) = word(k).filter(|w| w.len() > 3).and_then(|w| rules.weekdays.get(w)) {
                return Some((DateExpr::WeekdayOfWeek { weekday: weekday as i8, offset: offset as i8 }, k + 1));
            }
        }
        return Some((DateExpr::Relative { unit, offset }, j + 2));
    }
    // "this morning", "this evening": today.
    if offset == 0 && matches!(next, "morning" | "afternoon" | "evening") {
        return Some((DateExpr::DaysFrom { days: 0 }, j + 2));
    }
    if next == "night" && offset == -1 {
        return Some((DateExpr::DaysFrom { days: -1 }, j + 2));
    }
    if next == "weekend" {
        return Some((DateExpr::Weekend { offset: Some(offset as i8) }, j + 2));
    }
    // "this may" is a pronoun and a verb; "next june" is a month.
    let named = |t: &Token| t.is_capitalized(text) || !verb_month(rules, &t.norm);
    if let Some((month, end)) = month_at(tokens, rules, j + 1).filter(|_| next.len() > 2 && named(&tokens[j + 1])) {
        return Some((DateExpr::MonthNear { month, direction: offset as i8 }, end));
    }
    if let Some(&weekday) = rules.weekdays.get(next) {
        if next.len() > 3 {
            // "last Saturday" is the last one before the reference; "this Friday" and "next Sunday"
            // name the day of this week and of the next (README, "Dates").
            let expr = if offset < 0 {
                DateExpr::Weekday { weekday: weekday as i8, direction: -1 }
            } else {
                DateExpr::WeekdayOfWeek { weekday: weekday as i8, offset: offset as i8 }
            };
            return Some((expr, j + 2));
        }
    }
    if let Some(&[first, last]) = rules.seasons.get(next) {
        return Some((
            DateExpr::Season { first_month: first as i8, last_month: last as i8, year: None, offset: offset as i8 },
            j + 2,
        ));
    }
    None
}

/// "a day before", "the day before", "a day earlier", "the previous day", "a day later", "the next
/// day", "the following day": a day told from another day of its sentence ("said Saturday both were
/// dead at the scene the day before"), as days from it. Not before what could name its own anchor
/// ("the day before the vote", "a day before he died", "the day before Christmas"), which says
/// which day it counts from instead.
pub(super) fn day_beside(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<(DateExpr, usize)> {
    let word = |k: usize| word(tokens, k);
    let (days, end) = match (word(i)?, word(i + 1), word(i + 2)) {
        ("a" | "the" | "one", Some("day"), Some("before" | "earlier")) => (-1, i + 3),
        ("a" | "one", Some("day"), Some("later" | "after")) | ("the", Some("day"), Some("later")) => (1, i + 3),
        ("the", Some("previous"), Some("day")) => (-1, i + 3),
        ("the", Some("next" | "following"), Some("day")) => (1, i + 3),
        _ => return None,
    };
    let counts_from_what_follows = tokens.get(end).filter(|t| t.sentence == tokens[i].sentence).is_some_and(|t| {
        t.kind == TokenKind::Digits
            || (t.kind == TokenKind::Word
                && (t.is_capitalized(text)
                    || rules.day_anchors.contains(&*t.norm)
                    || rules.months.contains_key(&*t.norm)
                    || rules.weekdays.contains_key(&*t.norm)))
    });
    (!counts_from_what_follows).then_some((DateExpr::DayBeside { days }, end))
}
