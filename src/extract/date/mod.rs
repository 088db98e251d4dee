//! Tokens in, date expressions out: absolute ("July 12, 2025", "12 July 2025", "2025-07-12"),
//! partial ("July 12", "in April", "the spring", "late July"), relative ("on Saturday", "last
//! year") and periods ("from Oct. 2 to October 22", "the 1970s", "Q3 2016", "next 3 days"), then
//! each resolved to an interval of days against a reference date; times of day are read apart.
//!
//! Policy for news (README, "Dates"): a partial date takes the nearest year that fits the reference
//! date and the tense — in the past tense a month not later than the reference month falls in the
//! reference year, a later month in the year before; in the future tense the other way round.
//! A weekday is the last such day on or before the reference date, or the next one after it when
//! the sentence is in the future tense.

mod numeric;
mod period;
mod relative;
mod resolve;
mod spoken;
mod time;

pub use resolve::{day_number, from_day_number, resolve};
pub(in crate::extract) use time::restated_end;
pub use time::{match_time, TimeMatch};

use super::duration::Calendar;
use super::lexer::{Token, TokenKind};
use crate::claim::Hedge;
use crate::rules::Rules;
use numeric::{day_at, followed_by_counted_noun, numeric_date, year_after, year_after_bare, year_token};
use relative::{relative_date, weekday_date};

/// A date as written, before resolution. (Variant docs describe their fields.)
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// Several whole years (also a decade or a century).
    Years { first: i16, last: i16 },
    /// Days `first..=last` of a month ("late July"); year optional.
    PartOfMonth { month: i8, year: Option<i16>, first: i8, last: i8 },
    /// Months of a year ("early 2024" a half, "end of 2000" a third, "Q3 2016" a quarter, "H2 2016" a half); without a
    /// year, the year its first month falls in by the policy for months.
    PartOfYear { year: Option<i16>, first_month: i8, last_month: i8 },
    /// Months of the year `offset` years from the reference's ("Q3 this year").
    PartOfYearOffset { offset: i8, first_month: i8, last_month: i8 },
    /// A season, year optional; `offset` counts seasons back (-1 "last spring") or forward.
    Season { first_month: i8, last_month: i8, year: Option<i16>, offset: i8 },
    /// A weekday; `direction` is -1 ("last Saturday"), +1 ("next Monday") or 0 (by tense).
    Weekday { weekday: i8, direction: i8 },
    /// A day counted from the reference ("yesterday" = -1, "three days ago" = -3).
    DaysFrom { days: i32 },
    /// The week, month, year or decade `offset` away from the reference ("last year" = Year, -1).
    Relative { unit: RelativeUnit, offset: i32 },
    /// A day of the month, month and year implied ("on 15", "the 27th").
    Day { day: i8 },
    /// A day of the month named with its weekday ("Friday the 13th", "Fri 14th"), month and year
    /// implied.
    DayOnWeekday { day: i8, weekday: i8 },
    /// A day of the month `offset` months from the reference's ("the 20th of next month").
    DayOfMonthOffset { day: i8, offset: i8 },
    /// A weekday of the week `offset` weeks from the reference's ("this Friday" = 0, "next Sunday"
    /// and "Friday next week" = 1); weeks run Monday to Sunday.
    WeekdayOfWeek { weekday: i8, offset: i8 },
    /// A length of time counted from the reference (`base` days from it: "tomorrow" is 1), back
    /// (`sign` -1, "2 years 21 days ago") or forward (+1, "two days after tomorrow").
    Shifted { base: i8, sign: i8, calendar: Calendar },
    /// `days` working days (Monday to Friday) on from the day `base` days from the reference, or
    /// back when negative ("in four business days", "two working days ago").
    WorkingDays { base: i8, days: i32 },
    /// A month of the year `offset` years from the reference's ("June next year", "April last year").
    MonthOfYear { month: i8, offset: i8 },
    /// The latest such month before the reference's month (`direction` -1, "last September"),
    /// the first after it (+1, "next June"), or the reference year's (0, "this June").
    MonthNear { month: i8, direction: i8 },
    /// A part of a relative week, month or year ("late this month", "end of next week"): `first`
    /// and `last` are the days of a month the part covers, as `rules/dates.toml` gives them.
    PartOfRelative { unit: RelativeUnit, offset: i32, first: i8, last: i8 },
    /// The rest of the reference's week, month or year ("rest of the week", "later this year"), or
    /// with `before` its part up to the reference ("earlier this month").
    Rest { unit: RelativeUnit, before: bool },
    /// Saturday and Sunday of the week `offset` weeks from the reference's ("this weekend" 0);
    /// `None` ("the weekend"): the latest begun, or in the future tense the next.
    Weekend { offset: Option<i8> },
    /// A length of time next to the reference: back to it (`sign` -1, "the past 3 weeks"), or on
    /// from tomorrow (+1, "the next 3 days") or from today (`from_today`, "within 5 days").
    Counted { sign: i8, from_today: bool, calendar: Calendar },
    /// The `n`th Monday-to-Sunday week of a period (-1 the last), the week holding its `n`th
    /// Thursday, as ISO weeks are counted ("the first week of October").
    NthWeek { n: i8, within: Box<DateExpr> },
    /// The `n`th weekday of a period (-1 the last: "the last Friday of July").
    NthWeekday { n: i8, weekday: i8, within: Box<DateExpr> },
    /// The Monday-to-Sunday week holding a day ("the week of Feb. 4").
    WeekOf(Box<DateExpr>),
    /// From the first day of one date to the last day of another ("from Oct. 2 to October 22").
    Range { from: Box<DateExpr>, to: Box<DateExpr> },
    /// A length of time from a day on, that day included ("for 3 days from today", "2 weeks
    /// starting May 20th").
    Lasting { from: Box<DateExpr>, calendar: Calendar },
    /// A day `days` from another day of its sentence ("a day before" is -1); it has no day of its
    /// own, so [`resolve`] gives none and the extractor counts it from that other day.
    DayBeside { days: i8 },
}

/// The unit of a relative date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelativeUnit {
    /// Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// Three calendar months from January, April, July or October ("last quarter").
    Quarter,
    /// A calendar year.
    Year,
    /// Ten calendar years from a year ending in 0.
    Decade,
}

/// A date expression found in the text.
#[derive(Clone, Debug, PartialEq)]
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

fn word<'a>(tokens: &'a [Token], k: usize) -> Option<&'a str> {
    tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| &*t.norm)
}

/// Reads the date expression starting at token `i`, if one starts there.
pub fn match_date(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<DateMatch> {
    let at = super::number::At::new(i);
    match_date_after(tokens, text, rules, &at, super::duration::read_at(tokens, text, rules, &at).as_ref())
}

/// [`match_date`] at the token of `at`, whose number other matchers share, given `length`, the
/// length of time read there, which the dates counted with it share ("three days ago", "3 days
/// from today for a week", "a few days ago").
pub fn match_date_after(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    at: &super::number::At,
    length: Option<&super::duration::Duration>,
) -> Option<DateMatch> {
    let i = at.index();
    let word = |k: usize| word(tokens, k);
    let spoken = |expr, end| Some(DateMatch { start: i, end, expr, hedge: Hedge::Period });
    if let Some((expr, end)) = spoken::bare_day(tokens, rules, i) {
        return spoken(expr, end);
    }
    // "in 3 weeks" is a date only in the future tense; "the first time in 3 weeks" is a length.
    // The tense, read from the whole clause, is asked last.
    if word(i) == Some("in") {
        if let Some(d) = super::duration::read(tokens, text, rules, i + 1) {
            let calendar = d.calendar.filter(|c| c.seconds == 0 && d.low == d.high);
            if let Some(calendar) = calendar.filter(|_| super::is_future(tokens, rules, i)) {
                return spoken(spoken::on_calendar_or_working(tokens, &d, 0, 1, calendar), d.end);
            }
        }
    }
    let future = || super::is_future(tokens, rules, i);
    if let Some((expr, end, sign)) = spoken::more_than_shifted(tokens, text, rules, i, future) {
        let hedge = if sign > 0 { Hedge::Since } else { Hedge::Until };
        return Some(DateMatch { start: i, end, expr, hedge });
    }
    if let Some((expr, end)) = length
        .and_then(|d| spoken::shifted_by(tokens, d, future))
        .or_else(|| spoken::less_than_shifted(tokens, text, rules, i, future))
        .or_else(|| spoken::weekdays_counted(tokens, text, rules, at))
        // After the counted dates, which read "a day later" in the future tense from the reference.
        .or_else(|| relative::day_beside(tokens, text, rules, i))
    {
        return spoken(expr, end);
    }
    if let Some((expr, end)) = period::period(tokens, text, rules, i, length) {
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
    // "by the end of the year": the reference's year, unless another is written near.
    if let Some([a, b]) = part.filter(|_| period::the_year_is_current(tokens, j)) {
        let expr = DateExpr::PartOfRelative { unit: RelativeUnit::Year, offset: 0, first: a as i8, last: b as i8 };
        return Some(DateMatch { start: i, end: j + 2, expr, hedge });
    }
    let introduced = part.is_some() || hedge != Hedge::Period || preposition_before(tokens, i);
    let (expr, end) = core_date(tokens, text, rules, j, introduced)?;
    let expr = match (part, expr) {
        (None, e) => e,
        (Some([a, b]), DateExpr::Month { month }) => {
            DateExpr::PartOfMonth { month, year: None, first: a as i8, last: b as i8 }
        }
        (Some([a, b]), DateExpr::MonthYear { year, month }) => {
            DateExpr::PartOfMonth { month, year: Some(year), first: a as i8, last: b as i8 }
        }
        (Some([a, b]), DateExpr::Year { year }) => {
            let (first_month, last_month) = months_of_part(a as i8, b as i8);
            DateExpr::PartOfYear { year: Some(year), first_month, last_month }
        }
        (Some([a, b]), DateExpr::Relative { unit, offset }) => {
            DateExpr::PartOfRelative { unit, offset, first: a as i8, last: b as i8 }
        }
        (Some(_), e) => e,
    };
    if hedge == Hedge::Period && part.is_none() {
        if let Some((to, after)) = period::range_tail(tokens, text, rules, end, &expr, false) {
            return Some(DateMatch { start: i, end: after, expr: period::range(expr, to), hedge });
        }
    }
    Some(DateMatch { start: i, end, expr, hedge })
}

/// The months of a year that a part of a month stands for: the same share of the year as of a
/// 30-day month ("early" = days 1-15 = January to June, "mid" = days 11-20 = May to August).
fn months_of_part(first_day: i8, last_day: i8) -> (i8, i8) {
    let first = (i32::from(first_day) - 1) * 12 / 30 + 1;
    let last = (i32::from(last_day) * 12 / 30).clamp(first, 12);
    (first as i8, last as i8)
}

fn preposition_before(tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens.get(i - 1).is_some_and(|t| {
            matches!(
                &*t.norm,
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
                    | "between"
            )
        })
}

/// The month at token `j` and the token after it (a full stop after an abbreviation included).
fn month_at(tokens: &[Token], rules: &Rules, j: usize) -> Option<(i8, usize)> {
    let t = tokens.get(j).filter(|t| t.kind == TokenKind::Word)?;
    let month = *rules.months.get(&*t.norm)? as i8;
    let mut k = j + 1;
    let dot = tokens.get(k).is_some_and(|d| d.is_punct(".") && !d.space_before);
    // "Aug. 5", and "september.16th" glued on both sides.
    if dot
        && (is_abbreviation(rules, &t.norm)
            || tokens.get(k + 1).is_some_and(|n| !n.space_before && n.sentence == t.sentence))
    {
        k += 1;
    }
    Some((month, k))
}

/// A day right after a month: "12", "12th", "-2" and "/2" glued ("Oct-2"), "the 21st", or in
/// words ("first", "twenty-first", "twenty one").
fn day_after_month(tokens: &[Token], rules: &Rules, k: usize, capitalized: bool, verb: bool) -> Option<(i8, usize)> {
    let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
    if tokens.get(k).is_some_and(|t| t.is_punct("-/")) && glued(k) && glued(k + 1) {
        return day_at(tokens, k + 1);
    }
    let k = if word(tokens, k) == Some("the") && capitalized { k + 1 } else { k };
    if let Some(found) = day_at(tokens, k) {
        return Some(found);
    }
    // "October, 1st." with a comma, and "October. 2" with a stray full stop, when nothing follows
    // the day ("in October, 15 people died" counts people).
    if let Some(c) = tokens.get(k).filter(|c| c.is_punct(",") || (c.is_punct(".") && !c.space_before)) {
        let (day, end) = day_at(tokens, k + 1).filter(|&(_, end)| end == k + 3 || c.is_punct("."))?;
        let sentence = tokens[k + 1].sentence;
        let alone = tokens.get(end).is_none_or(|t| t.kind == TokenKind::Punct || t.sentence != sentence);
        return alone.then_some((day, end));
    }
    // A day in words after a lower-case verb month only as a compound: "may first" is a verb and
    // an adverb, "may twenty-first" a date.
    let (day, end) = spoken::day_word(tokens, rules, k)?;
    if !capitalized && verb && end == k + 1 {
        return None;
    }
    let w = word(tokens, k)?;
    (rules.ordinals.contains_key(w) || end > k + 1 || day >= 20).then_some((day, end))
}

/// A year after a day or month, in digits or words: ", 2025", " 2025", ", two thousand and
/// eighteen"; "two thousand people" counts people.
pub(super) fn year_next(tokens: &[Token], text: &str, rules: &Rules, k: usize) -> Option<(i16, usize)> {
    year_after(tokens, k).or_else(|| {
        let k = if tokens.get(k).is_some_and(|c| c.is_punct(",")) { k + 1 } else { k };
        spoken::year_words(tokens, text, rules, k).filter(|&(_, end)| !followed_by_counted_noun(tokens, rules, end))
    })
}

/// The date proper at token `j`; `introduced` says a preposition or qualifier stands before it,
/// which lets a bare month name ("in April") count as a date.
fn core_date(tokens: &[Token], text: &str, rules: &Rules, j: usize, introduced: bool) -> Option<(DateExpr, usize)> {
    let t = tokens.get(j)?;
    let word = |k: usize| word(tokens, k);
    match t.kind {
        TokenKind::Word => {
            if let Some(found) = relative_date(tokens, text, rules, j) {
                return Some(found);
            }
            if let Some((month, k)) = month_at(tokens, rules, j) {
                let capitalized = t.is_capitalized(text);
                if let Some(found) = period::days_of_month(tokens, text, rules, k, month).filter(|_| capitalized) {
                    return Some(found);
                }
                if let Some((day, after_day)) =
                    day_after_month(tokens, rules, k, capitalized, verb_month(rules, &t.norm))
                {
                    // "march 20 miles" is a verb and a count.
                    if capitalized || !followed_by_counted_noun(tokens, rules, after_day) {
                        if let Some((year, after_year)) = year_next(tokens, text, rules, after_day) {
                            return Some((DateExpr::Full { year, month, day }, after_year));
                        }
                        return Some((DateExpr::MonthDay { month, day }, after_day));
                    }
                }
                // "August 99": two digits no day can be are a year of the 1900s, after a capital.
                let two_digits =
                    tokens.get(k).filter(|n| capitalized && n.kind == TokenKind::Digits && n.norm.len() == 2);
                if let Some(yy) =
                    two_digits.and_then(|n| n.norm.parse::<i16>().ok()).filter(|yy| (32..=99).contains(yy))
                {
                    if !followed_by_counted_noun(tokens, rules, k + 1) {
                        return Some((DateExpr::MonthYear { year: 1900 + yy, month }, k + 1));
                    }
                }
                // "June 2016", "June of 2016", "June of nineteen ninety nine".
                let of = if word(k) == Some("of") { k + 1 } else { k };
                if let Some((year, after_year)) = year_next(tokens, text, rules, of) {
                    if capitalized || !followed_by_counted_noun(tokens, rules, after_year) {
                        return Some((DateExpr::MonthYear { year, month }, after_year));
                    }
                }
                // "April last year", "June of next year", "june next year" ("it may next year" is a verb).
                let y = if word(k) == Some("of") { k + 1 } else { k };
                let offset = match word(y) {
                    Some("last" | "previous") => Some(-1),
                    Some("this") => Some(0),
                    Some("next") => Some(1),
                    _ => None,
                };
                if let Some(offset) =
                    offset.filter(|_| word(y + 1) == Some("year") && (capitalized || !verb_month(rules, &t.norm)))
                {
                    return Some((DateExpr::MonthOfYear { month, offset }, y + 2));
                }
                // A lower-case month alone needs an introducer and a name that is no word ("in july").
                let plain = introduced && !rules.ambiguous_months.contains(&*t.norm);
                if !capitalized && !plain {
                    return None;
                }
                // "May" is also a verb, "April" a name: those need a preposition before them.
                let ambiguous = rules.ambiguous_months.contains(&*t.norm);
                let may_stand_alone = !ambiguous || (introduced && (t.norm != "may" || preposition_before(tokens, j)));
                if may_stand_alone && t.norm.len() > 2 && (introduced || t.norm.len() > 4) {
                    return Some((DateExpr::Month { month }, k));
                }
                return None;
            }
            if let Some(&[first, last]) = rules.seasons.get(&*t.norm) {
                let mut k = j + 1;
                if word(k) == Some("of") {
                    k += 1;
                }
                let seasonal =
                    |year| DateExpr::Season { first_month: first as i8, last_month: last as i8, year, offset: 0 };
                // "summer 2016", "the spring of nineteen seventy eight".
                let in_words = || (k > j + 1).then(|| spoken::year_words(tokens, text, rules, k)).flatten();
                if let Some((year, after)) = year_after_bare(tokens, k).or_else(in_words) {
                    return Some((seasonal(Some(year)), after));
                }
                let before = j.checked_sub(1).and_then(word);
                if introduced || matches!(before, Some("the" | "this")) {
                    return Some((seasonal(None), j + 1));
                }
                return None;
            }
            if let Some(&weekday) = rules.weekdays.get(&*t.norm) {
                // "sun" and "sat" are words; a full name may be written in lower case.
                if t.norm.len() <= 3 && !(introduced && t.is_capitalized(text)) {
                    return None;
                }
                return Some(weekday_date(tokens, text, rules, j, weekday as i8));
            }
            // "year 247", "Year two hundred and sixty seven"; "a year 10 pupil" is a school year.
            if t.norm == "year" {
                let n = tokens.get(j + 1)?;
                let (year, end) = if n.kind == TokenKind::Digits && !n.norm.contains('.') && n.norm.len() >= 3 {
                    (n.norm.parse().ok()?, j + 2)
                } else {
                    let n = super::number::read(tokens, text, rules, j + 1).filter(|n| n.words)?;
                    (n.value.fract() == 0.0).then_some(n.value as i16).zip(Some(n.end))?
                };
                return ((100..3000).contains(&year) && !followed_by_counted_noun(tokens, rules, end))
                    .then_some((DateExpr::Year { year }, end));
            }
            // "in nineteen twenty eight", "in one thousand seven hundred and eighty nine": a year in
            // words stands alone only after "in", "since" or "during" ("rose to one thousand five
            // hundred" is a count), and a round one not even there ("in two thousand cases").
            let before = j.checked_sub(1).and_then(word);
            if matches!(before, Some("in" | "since" | "during")) {
                if let Some((year, end)) = spoken::year_words(tokens, text, rules, j) {
                    if year % 100 != 0 && !followed_by_counted_noun(tokens, rules, end) {
                        return Some((DateExpr::Year { year }, end));
                    }
                }
            }
            // "the second of August", "the 4th of July".
            if t.norm == "the" {
                let (expr, end) = day_first(tokens, text, rules, j + 1)?;
                return matches!(expr, DateExpr::MonthDay { .. } | DateExpr::Full { .. }).then_some((expr, end));
            }
            day_first(tokens, text, rules, j)
        }
        TokenKind::Digits => {
            // ISO 2025-07-12, US 7/12/2025, "11/2016", "4/22" after a preposition.
            if let Some((expr, end)) = numeric_date(tokens, j, introduced) {
                // "1/2 cup" and "2/3 of the days" are fractions, "11 - 2016 votes" a count and a
                // year, "on 4-6 May" a range of days.
                let loose = tokens.get(j + 1).is_some_and(|t| t.space_before)
                    || tokens.get(j + 2).is_some_and(|t| t.space_before);
                let counted = followed_by_counted_noun(tokens, rules, end);
                let fraction = match expr {
                    DateExpr::MonthDay { .. } => {
                        counted || word(end) == Some("of") || month_at(tokens, rules, end).is_some()
                    }
                    DateExpr::MonthYear { .. } => loose && counted,
                    _ => false,
                };
                return (!fraction).then_some((expr, end));
            }
            // "$2000" is money, "#2000" a number.
            if j > 0 && !t.space_before && tokens[j - 1].is_punct("$£€¥#") {
                return None;
            }
            if let Some(found) = day_first(tokens, text, rules, j) {
                return Some(found);
            }
            let year = year_token(t)?;
            // "2019-sep-1", "2019/sep/01".
            let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
            if tokens.get(j + 1).is_some_and(|s| s.is_punct("-/")) && glued(j + 1) && glued(j + 2) {
                if let Some((month, k)) = month_at(tokens, rules, j + 2) {
                    let sep = &tokens[j + 1].norm;
                    if tokens.get(k).is_some_and(|s| &s.norm == sep) && glued(k) && glued(k + 1) {
                        if let Some((day, end)) = day_at(tokens, k + 1) {
                            return Some((DateExpr::Full { year, month, day }, end));
                        }
                    }
                }
            }
            // "2008-2011", and "2008-11" as news writes spans of years ("2016-11" is a month).
            if let (Some(dash), Some(next)) = (tokens.get(j + 1), tokens.get(j + 2)) {
                if dash.is_dash() {
                    let short =
                        (next.kind == TokenKind::Digits && next.norm.len() == 2 && glued(j + 1) && glued(j + 2))
                            .then(|| next.norm.parse::<i16>().ok())
                            .flatten()
                            .filter(|&yy| yy > year % 100)
                            .map(|yy| year - year % 100 + yy);
                    if let Some(last) = year_token(next).or(short) {
                        if last > year && last - year <= 100 {
                            return Some((DateExpr::Years { first: year, last }, j + 3));
                        }
                    }
                }
            }
            // "2016 November", "2016, Nov".
            let k = if tokens.get(j + 1).is_some_and(|c| c.is_punct(",")) { j + 2 } else { j + 1 };
            if let Some((month, after)) = month_at(tokens, rules, k) {
                let m = &tokens[k];
                if (m.is_capitalized(text) || !verb_month(rules, &m.norm)) && m.norm.len() > 2 {
                    return Some((DateExpr::MonthYear { year, month }, after));
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

/// A day before its month: "12 July", "1st Jan", "1-jan", "22 of Jan", "second of Aug", "twenty
/// second of June".
fn day_first(tokens: &[Token], text: &str, rules: &Rules, j: usize) -> Option<(DateExpr, usize)> {
    let word = |k: usize| word(tokens, k);
    // "22april": a month glued to its day.
    let glued_month = || {
        let month = tokens.get(j + 1).filter(|m| !m.space_before && rules.months.contains_key(&*m.norm))?;
        let day = tokens[j].number().filter(|d| (1.0..=31.0).contains(d) && tokens[j].norm.len() <= 2)?;
        (month.norm.len() > 2).then_some((day as i8, j + 1))
    };
    let (day, after_day, in_words) = match day_at(tokens, j).or_else(glued_month) {
        Some((d, e)) => (d, e, false),
        None => {
            let (d, e) = spoken::day_word(tokens, rules, j)?;
            // An ordinal or a compound ("second", "twenty one"); "one of March's" is no date.
            let w = word(j)?;
            if !(rules.ordinals.contains_key(w) || e > j + 1 || d >= 20) {
                return None;
            }
            (d, e, true)
        }
    };
    let mut k = after_day;
    // "16. Nov. 2016", as German and Scandinavian papers write: only with its year, since "he
    // turned 16. May was ..." ends a sentence.
    let dotted = !in_words
        && tokens.get(k).is_some_and(|d| d.is_punct(".") && !d.space_before)
        && month_at(tokens, rules, k + 1).is_some();
    if dotted || word(k) == Some("of") {
        k += 1;
    } else if in_words {
        // "second Aug" is no date; a day in words needs "of".
        return None;
    } else if tokens.get(k).is_some_and(|d| d.is_dash() && !d.space_before)
        && tokens.get(k + 1).is_some_and(|m| !m.space_before)
    {
        k += 1;
    }
    let (month, after) = month_at(tokens, rules, k)?;
    // A lower-case "may" or "march" after a number is a verb ("15 march on"), unless glued to it
    // ("22may"); "1st jan" and "22 june" are dates.
    let m = &tokens[k];
    if !m.is_capitalized(text) && verb_month(rules, &m.norm) && m.space_before && word(k - 1) != Some("of") {
        return None;
    }
    if let Some((year, after_year)) = year_next(tokens, text, rules, after) {
        return Some((DateExpr::Full { year, month, day }, after_year));
    }
    (!dotted).then_some((DateExpr::MonthDay { month, day }, after))
}

/// True for a month name that is also an English verb in lower case ("it may rain", "march on",
/// "mar the vote"; rules/dates.toml, `verb_months`): such a name needs a capital, a digit day or an
/// introducer to be a month. The other ambiguous names ("june", "april") are given names, which
/// news capitalises.
fn verb_month(rules: &Rules, word: &str) -> bool {
    rules.verb_months.contains(word)
}

/// True for a month's full name ("september", not "sept" or "sep").
pub(crate) fn full_month_name(rules: &Rules, word: &str) -> bool {
    rules.months.contains_key(word) && !is_abbreviation(rules, word)
}

/// True for a month word that a longer name of the same month begins with ("Aug" of "August"), so a
/// full stop after it belongs to it ("Aug. 5") rather than ending the sentence ("end of July.").
fn is_abbreviation(rules: &Rules, word: &str) -> bool {
    let month = rules.months.get(word);
    rules.months.iter().any(|(name, m)| Some(m) == month && name.len() > word.len() && name.starts_with(word))
}

#[cfg(test)]
mod tests;
