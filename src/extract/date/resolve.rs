//! A date expression and a reference date in, the interval of days it means out, by the one policy
//! for news in the README ("Dates: one policy for news").

use jiff::civil::{Date, Weekday};

use super::{DateExpr, RelativeUnit};
use crate::claim::DatePrecision;

/// The first and last day an expression means, given the reference date and tense.
pub fn resolve(expr: DateExpr, reference: Option<Date>, future: bool) -> Option<(Date, Date, DatePrecision)> {
    use DatePrecision as P;
    let month_span = |year: i16, month: i8| -> Option<(Date, Date)> {
        let first = Date::new(year, month, 1).ok()?;
        Some((first, first.last_of_month()))
    };
    // The year in which a partial date in month `month` falls, by the policy in the module docs.
    let year_for_month = |month: i8| -> Option<i16> {
        let r = reference?;
        Some(match (future, month >= r.month(), month <= r.month()) {
            (true, true, _) | (false, _, true) => r.year(),
            (true, false, _) => r.year() + 1,
            (false, _, false) => r.year() - 1,
        })
    };
    Some(match expr {
        DateExpr::Full { year, month, day } => {
            let d = Date::new(year, month, day).ok()?;
            (d, d, P::Day)
        }
        DateExpr::MonthDay { month, day } => {
            let year = year_for_month(month)?;
            let d = Date::new(year, month, day).ok()?;
            (d, d, P::Day)
        }
        DateExpr::MonthYear { year, month } => {
            let (a, b) = month_span(year, month)?;
            (a, b, P::Month)
        }
        DateExpr::Month { month } => {
            let (a, b) = month_span(year_for_month(month)?, month)?;
            (a, b, P::Month)
        }
        DateExpr::Year { year } => (Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?, P::Year),
        DateExpr::Years { first, last } => (Date::new(first, 1, 1).ok()?, Date::new(last, 12, 31).ok()?, P::Year),
        DateExpr::PartOfMonth { month, year, first, last } => {
            let year = match year {
                Some(y) => y,
                None => year_for_month(month)?,
            };
            let (start, end) = month_span(year, month)?;
            let a = start.with().day(first.min(end.day())).build().ok()?;
            let b = if last >= 28 { end } else { start.with().day(last.min(end.day())).build().ok()? };
            (a, b, P::Part)
        }
        DateExpr::PartOfYear { year, first_month, last_month } => {
            let a = Date::new(year, first_month, 1).ok()?;
            let b = Date::new(year, last_month, 1).ok()?.last_of_month();
            (a, b, P::Season)
        }
        DateExpr::Season { first_month, last_month, year, offset } => {
            // A season belongs to the year it starts in (winter 2024 runs into 2025).
            let span = |y: i16| -> Option<(Date, Date)> {
                let end_year = if last_month < first_month { y + 1 } else { y };
                Some((Date::new(y, first_month, 1).ok()?, Date::new(end_year, last_month, 1).ok()?.last_of_month()))
            };
            let start_year = match year {
                Some(y) => y,
                None => {
                    let r = reference?;
                    let candidates = [r.year() - 2, r.year() - 1, r.year(), r.year() + 1];
                    // "last winter" is the latest one over; "next spring" the first not begun;
                    // a bare season is the latest begun, or with the future tense the first not over.
                    let chosen = match (offset, future) {
                        (o, _) if o < 0 => candidates.into_iter().rev().find(|&y| span(y).is_some_and(|(_, b)| b < r)),
                        (o, _) if o > 0 => candidates.into_iter().find(|&y| span(y).is_some_and(|(a, _)| a > r)),
                        (_, true) => candidates.into_iter().find(|&y| span(y).is_some_and(|(_, b)| b >= r)),
                        (_, false) => candidates.into_iter().rev().find(|&y| span(y).is_some_and(|(a, _)| a <= r)),
                    };
                    chosen?
                }
            };
            let (a, b) = span(start_year)?;
            (a, b, P::Season)
        }
        DateExpr::Weekday { weekday, direction } => {
            let r = reference?;
            let today = r.weekday().to_monday_one_offset();
            let back = (today - weekday).rem_euclid(7) as i64;
            let ahead = (weekday - today).rem_euclid(7) as i64;
            let days = match (direction, future) {
                (-1, _) => -(if back == 0 { 7 } else { back }),
                (1, _) | (0, true) => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                _ => -back,
            };
            let d = r.checked_add(jiff::Span::new().days(days)).ok()?;
            (d, d, P::Day)
        }
        DateExpr::Day { day } => {
            // The latest such day on or before the reference; in the future tense the first on or after.
            let r = reference?;
            let (step, from) = match (future, day <= r.day(), day >= r.day()) {
                (false, true, _) | (true, _, true) => (0, 0),
                (false, false, _) => (-1, -1),
                (true, _, false) => (1, 1),
            };
            // A day a month lacks ("on 31" in a 30-day month) is sought one month further on.
            let d = (0..3).map(|n| from + step * n).find_map(|m: i32| {
                let first = r.first_of_month().checked_add(jiff::Span::new().months(m)).ok()?;
                first.with().day(day).build().ok()
            })?;
            (d, d, P::Day)
        }
        DateExpr::DayOfMonthOffset { day, offset } => {
            let first = reference?.first_of_month().checked_add(jiff::Span::new().months(offset)).ok()?;
            let d = first.with().day(day).build().ok()?;
            (d, d, P::Day)
        }
        DateExpr::WeekdayOfWeek { weekday, offset } => {
            let r = reference?;
            let monday = r.checked_sub(jiff::Span::new().days(i64::from(r.weekday().to_monday_zero_offset()))).ok()?;
            let d = monday.checked_add(jiff::Span::new().weeks(offset).days(i64::from(weekday) - 1)).ok()?;
            (d, d, P::Day)
        }
        DateExpr::Shifted { base, sign, calendar } => {
            let from = reference?.checked_add(jiff::Span::new().days(base)).ok()?;
            let span = jiff::Span::new()
                .years(calendar.years * i64::from(sign))
                .months(calendar.months * i64::from(sign))
                .days(calendar.days * i64::from(sign));
            let d = from.checked_add(span).ok()?;
            (d, d, P::Day)
        }
        DateExpr::DaysFrom { days } => {
            let d = reference?.checked_add(jiff::Span::new().days(days)).ok()?;
            (d, d, P::Day)
        }
        DateExpr::Relative { unit, offset } => {
            let r = reference?;
            match unit {
                RelativeUnit::Year => {
                    let y = r.year().checked_add(i16::try_from(offset).ok()?)?;
                    (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?, P::Year)
                }
                RelativeUnit::Month => {
                    let first = r.first_of_month().checked_add(jiff::Span::new().months(offset)).ok()?;
                    (first, first.last_of_month(), P::Month)
                }
                RelativeUnit::Week => {
                    let monday =
                        r.checked_sub(jiff::Span::new().days(i64::from(r.weekday().to_monday_zero_offset()))).ok()?;
                    let a = monday.checked_add(jiff::Span::new().weeks(offset)).ok()?;
                    (a, a.checked_add(jiff::Span::new().days(6)).ok()?, P::Part)
                }
            }
        }
    })
}

/// Day number (days since 1970-01-01) of a date, the form dates take inside an `Interval`.
pub fn day_number(date: Date) -> f64 {
    date.since(EPOCH).map_or(0.0, |s| f64::from(s.get_days()))
}

/// The date of a day number, for display.
pub fn from_day_number(days: f64) -> Option<Date> {
    if !days.is_finite() || days.abs() > 3_000_000.0 {
        return None;
    }
    EPOCH.checked_add(jiff::Span::new().days(days as i64)).ok()
}

const EPOCH: Date = jiff::civil::date(1970, 1, 1);

/// Unused weekdays are spelled out here so the compiler checks the Monday-first numbering.
#[allow(dead_code)]
const MONDAY_IS_ONE: () = assert!(Weekday::Monday.to_monday_one_offset() == 1);
