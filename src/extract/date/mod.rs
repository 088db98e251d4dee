//! Tokens in, date expressions out: absolute ("July 12, 2025", "12 July 2025", "2025-07-12"),
//! partial ("July 12", "in April", "the spring", "late July") and relative ("on Saturday",
//! "last year") dates, then each resolved to an interval of days against a reference date.
//!
//! Policy for news (README, "Dates"): a partial date takes the nearest year that fits the reference
//! date and the tense — in the past tense a month not later than the reference month falls in the
//! reference year, a later month in the year before; in the future tense the other way round.
//! A weekday is the last such day on or before the reference date, or the next one after it when
//! the sentence is in the future tense.

mod resolve;
mod spoken;

pub use resolve::{day_number, from_day_number, resolve};

use jiff::civil::Date;

use super::duration::Calendar;
use super::lexer::{Token, TokenKind};
use crate::claim::Hedge;
use crate::rules::Rules;

/// A date as written, before resolution. (Variant docs describe their fields.)
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateExpr {
    /// Day, month and year.
    Full { year: i16, month: i8, day: i8 },
    /// Day and month, year implied.
    MonthDay { month: i8, day: i8 },
    /// A whole month of a given year.
    MonthYear { year: i16, month: i8 },
    /// A whole month, year implied.
    Month { month: i8 },
    /// A whole year.
    Year { year: i16 },
    /// Several whole years.
    Years { first: i16, last: i16 },
    /// Days `first..=last` of a month ("late July"); year optional.
    PartOfMonth { month: i8, year: Option<i16>, first: i8, last: i8 },
    /// A third of a year ("early 2024", "end of 2024").
    PartOfYear { year: i16, first_month: i8, last_month: i8 },
    /// A season, year optional; `offset` counts seasons back (-1 "last spring") or forward.
    Season { first_month: i8, last_month: i8, year: Option<i16>, offset: i8 },
    /// A weekday; `direction` is -1 ("last Saturday"), +1 ("next Monday") or 0 (by tense).
    Weekday { weekday: i8, direction: i8 },
    /// A day counted from the reference ("yesterday" = -1, "three days ago" = -3).
    DaysFrom { days: i32 },
    /// The week, month or year `offset` away from the reference ("last year" = Year, -1).
    Relative { unit: RelativeUnit, offset: i32 },
    /// A day of the month, month and year implied ("on 15", "the 27th").
    Day { day: i8 },
    /// A day of the month `offset` months from the reference's ("the 20th of next month").
    DayOfMonthOffset { day: i8, offset: i8 },
    /// A weekday of the week `offset` weeks from the reference's ("this Friday" = 0, "next Sunday"
    /// and "Friday next week" = 1); weeks run Monday to Sunday.
    WeekdayOfWeek { weekday: i8, offset: i8 },
    /// A length of time counted from the reference (`base` days from it: "tomorrow" is 1), back
    /// (`sign` -1, "2 years 21 days ago") or forward (+1, "two days after tomorrow").
    Shifted { base: i8, sign: i8, calendar: Calendar },
}

/// The unit of a relative date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelativeUnit {
    /// Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// A date expression found in the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DateMatch {
    /// First token (qualifier included).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What was written.
    pub expr: DateExpr,
    /// `Period` normally; `Since`/`Until` for "since October", "by late July".
    pub hedge: Hedge,
}

impl DateExpr {
    /// True for a date that needs no reference date (day, month and year all written).
    pub fn is_full(&self) -> bool {
        matches!(self, DateExpr::Full { .. })
    }
}

/// A time of day or a clock reading ("10:30", "2 p.m."), which holds numbers that are not counts.
pub fn match_time(tokens: &[Token], i: usize) -> Option<usize> {
    let t = tokens.get(i)?;
    let hour = t.number()?;
    if t.norm.contains('.') || !(0.0..=24.0).contains(&hour) {
        return None;
    }
    let mut end = i + 1;
    if tokens.get(end).is_some_and(|c| c.is_punct(":") && !c.space_before)
        && tokens.get(end + 1).is_some_and(|m| m.kind == TokenKind::Digits && m.norm.len() == 2 && !m.space_before)
    {
        end += 2;
        if tokens.get(end).is_some_and(|c| c.is_punct(":") && !c.space_before)
            && tokens.get(end + 1).is_some_and(|s| s.kind == TokenKind::Digits)
        {
            end += 2;
        }
        if tokens.get(end).is_some_and(|w| is_meridiem(&w.norm)) {
            end += 1;
        }
        return Some(end);
    }
    // "3 hrs" is a length of time; "hrs" marks a clock only after "14:00".
    if hour <= 12.0
        && tokens.get(end).is_some_and(|w| w.kind == TokenKind::Word && is_meridiem(&w.norm) && w.norm != "hrs")
    {
        return Some(end + 1);
    }
    None
}

fn is_meridiem(word: &str) -> bool {
    matches!(
        word,
        "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m" | "hrs" | "gmt" | "utc" | "bst" | "est" | "edt" | "pst" | "pdt"
    )
}

/// Reads the date expression starting at token `i`, if one starts there.
pub fn match_date(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<DateMatch> {
    let word = |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| t.norm.as_str());
    let spoken = |expr, end| Some(DateMatch { start: i, end, expr, hedge: Hedge::Period });
    if let Some((expr, end)) = spoken::bare_day(tokens, rules, i) {
        return spoken(expr, end);
    }
    // "in 3 weeks" is a date only in the future tense; "the first time in 3 weeks" is a length.
    if word(i) == Some("in") && super::is_future(tokens, rules, i) {
        if let Some(d) = super::duration::read(tokens, text, rules, i + 1) {
            if let Some(calendar) = d.calendar.filter(|c| c.seconds == 0 && d.low == d.high) {
                return spoken(DateExpr::Shifted { base: 0, sign: 1, calendar }, d.end);
            }
        }
    }
    if let Some((expr, end)) = spoken::shifted(tokens, text, rules, i, super::is_future(tokens, rules, i)) {
        return spoken(expr, end);
    }
    let mut j = i;
    let mut hedge = Hedge::Period;
    match word(j) {
        // "from" opens a range ("from 2008-2011") more often than it means "since".
        Some("since" | "after") => {
            hedge = Hedge::Since;
            j += 1;
        }
        Some("by" | "before" | "until" | "till" | "through") => {
            hedge = Hedge::Until;
            j += 1;
        }
        _ => {}
    }
    // "at the start of", "the end of", "early", "mid-", "late".
    let mut part: Option<[u8; 2]> = None;
    let mut k = j;
    if word(k) == Some("at") || word(k) == Some("in") {
        k += 1;
    }
    if word(k) == Some("the") {
        k += 1;
    }
    if let Some(p) = word(k).and_then(|w| rules.parts.get(w)) {
        if word(k + 1) == Some("of") {
            part = Some(*p);
            j = k + 2;
        } else if matches!(word(k), Some("early" | "mid" | "late")) {
            part = Some(*p);
            j = k + 1;
            if tokens.get(j).is_some_and(|t| t.is_dash() && !t.space_before) {
                j += 1;
            }
        }
    }
    let (expr, end) = match core_date(
        tokens,
        text,
        rules,
        j,
        part.is_some() || hedge != Hedge::Period || preposition_before(tokens, i),
    ) {
        Some(found) => found,
        None if j != i => return None,
        None => return None,
    };
    let expr = match (part, expr) {
        (None, e) => e,
        (Some([a, b]), DateExpr::Month { month }) => {
            DateExpr::PartOfMonth { month, year: None, first: a as i8, last: b as i8 }
        }
        (Some([a, b]), DateExpr::MonthYear { year, month }) => {
            DateExpr::PartOfMonth { month, year: Some(year), first: a as i8, last: b as i8 }
        }
        (Some([a, _]), DateExpr::Year { year }) => {
            let (first_month, last_month) = match a {
                1..=10 => (1, 4),
                11..=20 => (5, 8),
                _ => (9, 12),
            };
            DateExpr::PartOfYear { year, first_month, last_month }
        }
        (Some(_), e) => e,
    };
    Some(DateMatch { start: i, end, expr, hedge })
}

fn preposition_before(tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens.get(i - 1).is_some_and(|t| {
            matches!(
                t.norm.as_str(),
                "in" | "on"
                    | "of"
                    | "during"
                    | "since"
                    | "by"
                    | "until"
                    | "from"
                    | "to"
                    | "before"
                    | "after"
                    | "through"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
            )
        })
}

/// The date proper at token `j`; `introduced` says a preposition or qualifier stands before it,
/// which lets a bare month name ("in April") count as a date.
fn core_date(tokens: &[Token], text: &str, rules: &Rules, j: usize, introduced: bool) -> Option<(DateExpr, usize)> {
    let t = tokens.get(j)?;
    let word = |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| t.norm.as_str());
    match t.kind {
        TokenKind::Word => {
            if let Some(found) = relative_date(tokens, rules, j) {
                return Some(found);
            }
            if let Some(&month) = rules.months.get(&t.norm) {
                if !t.is_capitalized(text) {
                    return None;
                }
                let mut k = j + 1;
                if tokens.get(k).is_some_and(|d| d.is_punct(".") && !d.space_before) && is_abbreviation(rules, &t.norm)
                {
                    k += 1;
                }
                if let Some((day, after_day)) = day_at(tokens, rules, k) {
                    if let Some((year, after_year)) = year_after(tokens, after_day) {
                        return Some((DateExpr::Full { year, month: month as i8, day }, after_year));
                    }
                    return Some((DateExpr::MonthDay { month: month as i8, day }, after_day));
                }
                if let Some((year, after_year)) = year_after(tokens, k) {
                    return Some((DateExpr::MonthYear { year, month: month as i8 }, after_year));
                }
                // "May" is also a verb: a bare month needs a preposition before it.
                if introduced && (t.norm != "may" || preposition_before(tokens, j)) && t.norm.len() > 2 {
                    return Some((DateExpr::Month { month: month as i8 }, k));
                }
                return None;
            }
            if let Some(&[first, last]) = rules.seasons.get(&t.norm) {
                let mut k = j + 1;
                if word(k) == Some("of") {
                    k += 1;
                }
                let seasonal =
                    |year| DateExpr::Season { first_month: first as i8, last_month: last as i8, year, offset: 0 };
                if let Some((year, after)) = year_after_bare(tokens, k) {
                    return Some((seasonal(Some(year)), after));
                }
                let before = j.checked_sub(1).and_then(word);
                if introduced || matches!(before, Some("the" | "this")) {
                    return Some((seasonal(None), j + 1));
                }
                return None;
            }
            if let Some(&weekday) = rules.weekdays.get(&t.norm) {
                if !t.is_capitalized(text) || (t.norm.len() <= 3 && !introduced) {
                    return None;
                }
                // "Saturday, July 12, 2025": the full date that follows says more.
                let mut k = j + 1;
                if tokens.get(k).is_some_and(|c| c.is_punct(",")) {
                    k += 1;
                }
                if let Some((expr, end)) = core_date(tokens, text, rules, k, true) {
                    if matches!(expr, DateExpr::Full { .. } | DateExpr::MonthDay { .. }) {
                        return Some((expr, end));
                    }
                }
                return Some((DateExpr::Weekday { weekday: weekday as i8, direction: 0 }, j + 1));
            }
            None
        }
        TokenKind::Digits => {
            // ISO 2025-07-12 and US 7/12/2025.
            if let Some(found) = numeric_date(tokens, j) {
                return Some(found);
            }
            if let Some((day, after_day)) = day_at(tokens, rules, j) {
                let mut k = after_day;
                if word(k) == Some("of") {
                    k += 1;
                }
                if let Some(&month) = word(k).and_then(|w| rules.months.get(w)) {
                    if tokens[k].is_capitalized(text) {
                        let mut after = k + 1;
                        if tokens.get(after).is_some_and(|d| d.is_punct(".") && !d.space_before)
                            && is_abbreviation(rules, &tokens[k].norm)
                        {
                            after += 1;
                        }
                        if let Some((year, after_year)) = year_after(tokens, after) {
                            return Some((DateExpr::Full { year, month: month as i8, day }, after_year));
                        }
                        return Some((DateExpr::MonthDay { month: month as i8, day }, after));
                    }
                }
            }
            let year = year_token(t)?;
            // "2008-2011", "2008–11" is left alone (it reads as an ISO month too).
            if let (Some(dash), Some(next)) = (tokens.get(j + 1), tokens.get(j + 2)) {
                if dash.is_dash() {
                    if let Some(last) = year_token(next) {
                        if last > year && last - year <= 100 {
                            return Some((DateExpr::Years { first: year, last }, j + 3));
                        }
                    }
                }
            }
            if (1900..=2100).contains(&year) || introduced {
                if followed_by_counted_noun(tokens, rules, j + 1) {
                    return None;
                }
                return Some((DateExpr::Year { year }, j + 1));
            }
            None
        }
        TokenKind::Punct => None,
    }
}

/// True for a month word that a longer name of the same month begins with ("Aug" of "August"), so a
/// full stop after it belongs to it ("Aug. 5") rather than ending the sentence ("end of July.").
fn is_abbreviation(rules: &Rules, word: &str) -> bool {
    let month = rules.months.get(word);
    rules.months.iter().any(|(name, m)| Some(m) == month && name.len() > word.len() && name.starts_with(word))
}

/// "today", "yesterday", "last year", "next week", "three days ago", "last Saturday", "last spring".
fn relative_date(tokens: &[Token], rules: &Rules, j: usize) -> Option<(DateExpr, usize)> {
    let word = |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| t.norm.as_str());
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
        "next" | "coming" => 1,
        "earlier" if word(j + 1) == Some("this") => {
            return relative_date(tokens, rules, j + 1);
        }
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
        _ => None,
    };
    if let Some(unit) = unit {
        // "this week Friday", "next week on Sunday": a weekday of that week.
        if unit == RelativeUnit::Week {
            let k = if word(j + 2) == Some("on") { j + 3 } else { j + 2 };
            if let Some(&weekday) = word(k).filter(|w| w.len() > 3).and_then(|w| rules.weekdays.get(w)) {
                return Some((DateExpr::WeekdayOfWeek { weekday: weekday as i8, offset: offset as i8 }, k + 1));
            }
        }
        return Some((DateExpr::Relative { unit, offset }, j + 2));
    }
    if next == "night" && offset == -1 {
        return Some((DateExpr::DaysFrom { days: -1 }, j + 2));
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

/// A day of the month at token `k`: "12", "12th", or an ordinal word ("the twelfth" is rare enough
/// to leave out).
fn day_at(tokens: &[Token], rules: &Rules, k: usize) -> Option<(i8, usize)> {
    let t = tokens.get(k)?;
    let day = t.number()?;
    if t.norm.contains('.') || t.norm.len() > 2 || !(1.0..=31.0).contains(&day) {
        return None;
    }
    let mut end = k + 1;
    if let Some(s) = tokens.get(end) {
        if !s.space_before && matches!(s.norm.as_str(), "st" | "nd" | "rd" | "th") {
            end += 1;
        } else if !s.space_before && s.kind == TokenKind::Word {
            return None;
        }
    }
    // "12,000" was lexed as one number, so a comma after the day is punctuation.
    let _ = rules;
    Some((day as i8, end))
}

/// A year after a day or month: ", 2025" or " 2025".
fn year_after(tokens: &[Token], k: usize) -> Option<(i16, usize)> {
    let mut k = k;
    if tokens.get(k).is_some_and(|c| c.is_punct(",")) {
        k += 1;
    }
    let t = tokens.get(k)?;
    let year = year_token(t)?;
    // "July 12, 2025 people" is not a year.
    Some((year, k + 1))
}

fn year_after_bare(tokens: &[Token], k: usize) -> Option<(i16, usize)> {
    let t = tokens.get(k)?;
    year_token(t).map(|y| (y, k + 1))
}

fn year_token(t: &Token) -> Option<i16> {
    if t.kind != TokenKind::Digits || t.norm.len() != 4 || t.norm.contains('.') {
        return None;
    }
    let year: i16 = t.norm.parse().ok()?;
    (1000..=2999).contains(&year).then_some(year)
}

fn followed_by_counted_noun(tokens: &[Token], rules: &Rules, k: usize) -> bool {
    let Some(t) = tokens.get(k) else { return false };
    if t.is_punct("%") || (t.kind == TokenKind::Word && !t.space_before) {
        return true;
    }
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = t.norm.as_str();
    rules.generic.contains(w)
        || rules.unit(w).is_some()
        || rules.currency_words.contains_key(w)
        || rules.alias(w).is_some_and(|c| rules.countable.contains(c))
        || (w.ends_with('s') && w.len() > 3 && !w.ends_with("ss") && !rules.months.contains_key(w))
}

/// "2025-07-12" and "7/12/2025".
fn numeric_date(tokens: &[Token], j: usize) -> Option<(DateExpr, usize)> {
    let get = |k: usize| tokens.get(k);
    let (a, s1, b, s2, c) = (get(j)?, get(j + 1)?, get(j + 2)?, get(j + 3)?, get(j + 4)?);
    let adjacent = !s1.space_before && !b.space_before && !s2.space_before && !c.space_before;
    if !adjacent || [a, b, c].iter().any(|t| t.kind != TokenKind::Digits || t.norm.contains('.')) {
        return None;
    }
    let n = |t: &Token| t.norm.parse::<i32>().ok();
    if s1.is_punct("-") && s2.is_punct("-") && a.norm.len() == 4 {
        let (year, month, day) = (n(a)?, n(b)?, n(c)?);
        return valid(year, month, day).map(|e| (e, j + 5));
    }
    if s1.is_punct("/") && s2.is_punct("/") && (c.norm.len() == 4 || c.norm.len() == 2) {
        let (x, y, mut year) = (n(a)?, n(b)?, n(c)?);
        if c.norm.len() == 2 {
            year += if year < 70 { 2000 } else { 1900 };
        }
        // Month first, as US wires write; a first field above 12 can only be a day.
        let (month, day) = if x > 12 { (y, x) } else { (x, y) };
        return valid(year, month, day).map(|e| (e, j + 5));
    }
    None
}

fn valid(year: i32, month: i32, day: i32) -> Option<DateExpr> {
    let (year, month, day) = (i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?);
    Date::new(year, month, day).ok()?;
    Some(DateExpr::Full { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer::tokenize;
    use jiff::civil::date;

    fn first_date(text: &str, reference: Date, future: bool) -> Option<(Date, Date)> {
        let rules = Rules::embedded().unwrap();
        let tokens = tokenize(text, 0, text.len());
        (0..tokens.len())
            .find_map(|i| match_date(&tokens, text, &rules, i))
            .and_then(|m| resolve(m.expr, Some(reference), future))
            .map(|(a, b, _)| (a, b))
    }

    #[test]
    fn absolute_dates_in_every_spelling() {
        let r = date(2025, 7, 13);
        let d = date(2025, 7, 12);
        for text in [
            "on July 12, 2025.",
            "on 12 July 2025",
            "on 2025-07-12",
            "on 7/12/2025",
            "on July 12th, 2025",
            "on Saturday, July 12, 2025",
        ] {
            assert_eq!(first_date(text, r, false), Some((d, d)), "{text}");
        }
    }

    #[test]
    fn partial_dates_follow_the_policy() {
        let r = date(2025, 7, 13);
        assert_eq!(first_date("on July 2", r, false), Some((date(2025, 7, 2), date(2025, 7, 2))));
        assert_eq!(first_date("on December 2", r, false), Some((date(2024, 12, 2), date(2024, 12, 2))));
        assert_eq!(first_date("on December 2", r, true), Some((date(2025, 12, 2), date(2025, 12, 2))));
        assert_eq!(first_date("since October", r, false), Some((date(2024, 10, 1), date(2024, 10, 31))));
        assert_eq!(first_date("by late July", r, false), Some((date(2025, 7, 21), date(2025, 7, 31))));
        assert_eq!(first_date("the spring", r, false), Some((date(2025, 3, 1), date(2025, 5, 31))));
        assert_eq!(first_date("last winter", r, false), Some((date(2024, 12, 1), date(2025, 2, 28))));
        assert_eq!(first_date("on Saturday", r, false), Some((date(2025, 7, 12), date(2025, 7, 12))));
        assert_eq!(first_date("on Monday", r, true), Some((date(2025, 7, 14), date(2025, 7, 14))));
        assert_eq!(first_date("last year", r, false), Some((date(2024, 1, 1), date(2024, 12, 31))));
        assert_eq!(first_date("three days ago", r, false), Some((date(2025, 7, 10), date(2025, 7, 10))));
        assert_eq!(first_date("early 2024", r, false), Some((date(2024, 1, 1), date(2024, 4, 30))));
    }

    #[test]
    fn years_need_a_context_that_reads_as_a_year() {
        let r = date(2025, 7, 13);
        assert!(first_date("the 2004 tsunami", r, false).is_some());
        assert!(first_date("2000 people", r, false).is_none());
        assert_eq!(first_date("from 2008-2011", r, false), Some((date(2008, 1, 1), date(2011, 12, 31))));
        assert!(first_date("It may rain", r, false).is_none());
    }

    #[test]
    fn a_full_stop_after_a_full_month_name_ends_the_sentence() {
        let rules = Rules::embedded().unwrap();
        for (text, end) in [("by the end of July. Next", "July"), ("on Aug. 5, 2024", "2024")] {
            let tokens = tokenize(text, 0, text.len());
            let m = (0..tokens.len()).find_map(|i| match_date(&tokens, text, &rules, i)).unwrap();
            assert_eq!(&text[tokens[m.end - 1].start..tokens[m.end - 1].end], end, "{text}");
        }
    }

    #[test]
    fn times_are_recognised() {
        let text = "at 10:30 a.m. and 2 pm";
        let tokens = tokenize(text, 0, text.len());
        assert_eq!(match_time(&tokens, 1), Some(5));
        assert_eq!(match_time(&tokens, 6), Some(8));
    }

    #[test]
    fn day_numbers_round_trip() {
        let d = date(2025, 7, 12);
        assert_eq!(from_day_number(day_number(d)), Some(d));
        assert_eq!(day_number(date(1970, 1, 2)), 1.0);
    }
}
