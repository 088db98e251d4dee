//! A date expression and a reference date in, the interval of days it means out, by the one policy
//! for news in the README ("Dates: one policy for news").

use jiff::civil::{Date, Weekday};

use super::{DateExpr, RelativeUnit};
use crate::claim::DatePrecision;

/// The first and last day an expression means, given the reference date and tense.
pub fn resolve(expr: &DateExpr, reference: Option<Date>, future: bool) -> Option<(Date, Date, DatePrecision)> {
    use DatePrecision as P;
    let days = |n: i64| jiff::Span::new().days(n);
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
    Some(match *expr {
        DateExpr::Full { year, month, day } => {
            let d = Date::new(year, month, day).ok()?;
            (d, d, P::Day)
        }
        DateExpr::MonthDay { month, day } => {
            // February 29 falls in the nearest leap year on the policy's side of the reference.
            let step = if future { 1 } else { -1 };
            let year = year_for_month(month)?;
            let d = (0..8).find_map(|n| Date::new(year.checked_add(step * n)?, month, day).ok())?;
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
            let year = match year {
                Some(y) => y,
                None => year_for_month(first_month)?,
            };
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
        DateExpr::DayOnWeekday { day, weekday } => {
            // The nearest month, on the tense's side of the reference, whose day is that weekday.
            let r = reference?;
            let step = if future { 1 } else { -1 };
            let d = (0..30).find_map(|n: i32| {
                let first = r.first_of_month().checked_add(jiff::Span::new().months(step * n)).ok()?;
                let d = first.with().day(day).build().ok()?;
                let side = if future { d >= r } else { d <= r };
                (side && d.weekday().to_monday_one_offset() == weekday).then_some(d)
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
            // Two steps: a jiff span has one sign, so "-1 week +6 days" cannot be one span.
            let week = monday.checked_add(jiff::Span::new().weeks(offset)).ok()?;
            let d = week.checked_add(days(i64::from(weekday) - 1)).ok()?;
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
        DateExpr::WorkingDays { base, days } => {
            let mut d = reference?.checked_add(jiff::Span::new().days(base)).ok()?;
            let step = jiff::Span::new().days(days.signum());
            for _ in 0..days.unsigned_abs().min(10_000) {
                d = d.checked_add(step).ok()?;
                while matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
                    d = d.checked_add(step).ok()?;
                }
            }
            (d, d, P::Day)
        }
        DateExpr::DaysFrom { days } => {
            let d = reference?.checked_add(jiff::Span::new().days(days)).ok()?;
            (d, d, P::Day)
        }
        DateExpr::Relative { unit, offset } => {
            let (a, b) = unit_span(reference?, unit, offset)?;
            let precision = match unit {
                RelativeUnit::Week => P::Part,
                RelativeUnit::Month => P::Month,
                RelativeUnit::Quarter => P::Season,
                RelativeUnit::Year | RelativeUnit::Decade => P::Year,
            };
            (a, b, precision)
        }
        DateExpr::PartOfYearOffset { offset, first_month, last_month } => {
            let year = reference?.year().checked_add(i16::from(offset))?;
            let b = Date::new(year, last_month, 1).ok()?.last_of_month();
            (Date::new(year, first_month, 1).ok()?, b, P::Season)
        }
        DateExpr::MonthOfYear { month, offset } => {
            let (a, b) = month_span(reference?.year().checked_add(i16::from(offset))?, month)?;
            (a, b, P::Month)
        }
        DateExpr::MonthNear { month, direction } => {
            let r = reference?;
            let year = match direction {
                d if d < 0 && month < r.month() => r.year(),
                d if d < 0 => r.year() - 1,
                d if d > 0 && month > r.month() => r.year(),
                d if d > 0 => r.year() + 1,
                _ => r.year(),
            };
            let (a, b) = month_span(year, month)?;
            (a, b, P::Month)
        }
        DateExpr::PartOfRelative { unit, offset, first, last } => {
            let (a, b) = unit_span(reference?, unit, offset)?;
            let (x, y) = match unit {
                RelativeUnit::Month => {
                    let x = a.with().day(first.min(b.day())).build().ok()?;
                    (x, if last >= 28 { b } else { a.with().day(last.min(b.day())).build().ok()? })
                }
                // A week's start (or early part) is Monday to Wednesday, its middle Tuesday to
                // Friday, its end (or late part) Thursday to Sunday; a year's parts are the same
                // share of its months as of a month, as for "early 2024".
                RelativeUnit::Week => {
                    let (p, q) = match last {
                        ..=15 => (0, 2),
                        16..=20 => (1, 4),
                        _ => (3, 6),
                    };
                    (a.checked_add(days(p)).ok()?, a.checked_add(days(q)).ok()?)
                }
                // A quarter's parts are not split: "late this quarter" is the quarter.
                RelativeUnit::Quarter => (a, b),
                RelativeUnit::Year | RelativeUnit::Decade => {
                    let (p, q) = super::months_of_part(first, last);
                    (a.with().month(p).build().ok()?, a.with().month(q).build().ok()?.last_of_month())
                }
            };
            (x, y, P::Part)
        }
        DateExpr::Rest { unit, before } => {
            let r = reference?;
            let (a, b) = unit_span(r, unit, 0)?;
            let (x, y) = if before { (a, r) } else { (r, b) };
            (x, y, P::Part)
        }
        DateExpr::Weekend { offset } => {
            let r = reference?;
            let saturday = |week: i32| -> Option<Date> {
                let (monday, _) = unit_span(r, RelativeUnit::Week, week)?;
                monday.checked_add(days(5)).ok()
            };
            let sat = match offset {
                Some(o) => saturday(i32::from(o))?,
                // The latest weekend begun by the reference, or in the future tense the next not over.
                None if future => saturday(0)?,
                None if r.weekday().to_monday_one_offset() >= 6 => saturday(0)?,
                None => saturday(-1)?,
            };
            (sat, sat.checked_add(days(1)).ok()?, P::Part)
        }
        DateExpr::Counted { sign, from_today, calendar } => {
            let r = reference?;
            let span = jiff::Span::new().years(calendar.years).months(calendar.months).days(calendar.days);
            if sign < 0 {
                (r.checked_sub(span).ok()?, r, P::Part)
            } else {
                let a = if from_today { r } else { r.checked_add(days(1)).ok()? };
                (a, r.checked_add(span).ok()?, P::Part)
            }
        }
        DateExpr::NthWeek { n, ref within } => {
            let (a, b, _) = resolve(within, reference, future)?;
            let thursday = nth_weekday(a, b, 4, n)?;
            (thursday.checked_sub(days(3)).ok()?, thursday.checked_add(days(3)).ok()?, P::Part)
        }
        DateExpr::NthWeekday { n, weekday, ref within } => {
            let (a, b, _) = resolve(within, reference, future)?;
            let d = nth_weekday(a, b, weekday, n)?;
            (d, d, P::Day)
        }
        DateExpr::WeekOf(ref day) => {
            let (d, _, _) = resolve(day, reference, future)?;
            let monday = d.checked_sub(days(i64::from(d.weekday().to_monday_zero_offset()))).ok()?;
            (monday, monday.checked_add(days(6)).ok()?, P::Part)
        }
        // Counted from another day of its sentence, which the extractor finds.
        DateExpr::DayBeside { .. } => return None,
        DateExpr::Lasting { ref from, calendar } => {
            let (a, _, _) = resolve(from, reference, future)?;
            let span = jiff::Span::new().years(calendar.years).months(calendar.months).days(calendar.days);
            (a, a.checked_add(span).ok()?.checked_sub(days(1)).ok()?, P::Part)
        }
        DateExpr::Range { ref from, ref to } => {
            let (mut a, _, _) = resolve(from, reference, future)?;
            // "from Tuesday to Thursday": the end is the first such weekday from the start on.
            let b = match **to {
                DateExpr::Weekday { weekday, direction: 0 } => {
                    let ahead = (weekday - a.weekday().to_monday_one_offset()).rem_euclid(7);
                    a.checked_add(days(i64::from(ahead))).ok()?
                }
                _ => resolve(to, reference, future)?.1,
            };
            // "from Oct. 25 to Jan. 25": a partial first date falls in the year before.
            if a > b && !from.is_full() {
                a = a.checked_sub(jiff::Span::new().years(1)).ok()?;
            }
            if a > b {
                return None;
            }
            (a, b, P::Part)
        }
    })
}

/// The first and last day of the week (Monday to Sunday), month, quarter, year or decade `offset` units
/// from the one holding `r`.
fn unit_span(r: Date, unit: RelativeUnit, offset: i32) -> Option<(Date, Date)> {
    Some(match unit {
        RelativeUnit::Year => {
            let y = r.year().checked_add(i16::try_from(offset).ok()?)?;
            (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)
        }
        RelativeUnit::Decade => {
            let y = (r.year() - r.year().rem_euclid(10)).checked_add(i16::try_from(offset * 10).ok()?)?;
            (Date::new(y, 1, 1).ok()?, Date::new(y + 9, 12, 31).ok()?)
        }
        RelativeUnit::Month => {
            let first = r.first_of_month().checked_add(jiff::Span::new().months(offset)).ok()?;
            (first, first.last_of_month())
        }
        RelativeUnit::Quarter => {
            let start = Date::new(r.year(), (r.month() - 1) / 3 * 3 + 1, 1).ok()?;
            let first = start.checked_add(jiff::Span::new().months(offset * 3)).ok()?;
            (first, first.checked_add(jiff::Span::new().months(3)).ok()?.checked_sub(jiff::Span::new().days(1)).ok()?)
        }
        RelativeUnit::Week => {
            let monday = r.checked_sub(jiff::Span::new().days(i64::from(r.weekday().to_monday_zero_offset()))).ok()?;
            let a = monday.checked_add(jiff::Span::new().weeks(offset)).ok()?;
            (a, a.checked_add(jiff::Span::new().days(6)).ok()?)
        }
    })
}

/// The `n`th (from 1; -1 the last) day of ISO weekday `weekday` within `a..=b`.
fn nth_weekday(a: Date, b: Date, weekday: i8, n: i8) -> Option<Date> {
    let step = |d: Date, k: i64| d.checked_add(jiff::Span::new().days(k)).ok();
    let d = if n > 0 {
        let ahead = i64::from((weekday - a.weekday().to_monday_one_offset()).rem_euclid(7));
        step(a, ahead + 7 * i64::from(n - 1))?
    } else {
        let back = i64::from((b.weekday().to_monday_one_offset() - weekday).rem_euclid(7));
        step(b, -back - 7 * i64::from(-n - 1))?
    };
    (a <= d && d <= b).then_some(d)
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
