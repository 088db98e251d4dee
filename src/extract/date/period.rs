//! Tokens in, periods out: ranges ("from Oct. 2 to October 22", "between 4 and 22 this month",
//! "November 19-20"), decades and centuries ("the 1970s", "the seventies", "15th century"),
//! quarters and halves ("Q3 2016", "the third quarter of 2016", "H2 2016"), weeks ("the first week
//! of October", "the week of Feb. 4", "the week after next"); the periods counted in lengths of
//! time ("the next 3 days", "rest of the week") are read in `counted`.

use super::super::duration::Duration;
use super::super::lexer::{Token, TokenKind};
use super::super::number::{At, Facts};
use super::counted::{around_reference, lasting, vaguely_ago};
use super::numeric::{closes_clause, day_at, followed_by_counted_noun, is_ordinal_day, year_after_bare, year_token};
use super::{core_date, relative_date, spoken, word, DateExpr, RelativeUnit};
use crate::rules::Rules;

/// The period starting at the token of `at` (whose number and word facts the lengths of time read
/// on from it share), if one starts there.
pub(super) fn period(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    at: &At,
    length: Option<&Duration>,
) -> Option<(DateExpr, usize)> {
    let i = at.index();
    let w = word(tokens, i);
    if matches!(w, Some("from" | "between")) {
        if let Some(found) = week_numbers(tokens, text, i + 1, w == Some("between")) {
            return Some(found);
        }
        let (first, end) = range_start(tokens, text, rules, i + 1)?;
        let (to, after) = range_tail(tokens, text, rules, end, &first, w == Some("between"))?;
        return Some((range(first, to), after));
    }
    // "20th of next month".
    if is_ordinal_day(tokens, i) {
        let (day, end) = day_at(tokens, i)?;
        let m = if word(tokens, end) == Some("of") { end + 1 } else { end };
        if let Some(offset) = month_offset(tokens, m) {
            return Some((DateExpr::DayOfMonthOffset { day, offset }, m + 2));
        }
    }
    // "4 to 23 next month", "3 until 12 of Sept": two bare days need the month after them.
    let bare = || core_date(tokens, text, rules, i, true).is_none() && word(tokens, i.wrapping_sub(1)) != Some("the");
    // The range's tail first: most numbers have none, and a day read as a date costs more.
    if let Some((day, end)) = day_at(tokens, i) {
        if let Some((to, after)) =
            range_tail(tokens, text, rules, end, &DateExpr::Day { day }, false).filter(|_| bare())
        {
            if !matches!(to, DateExpr::Day { .. }) {
                return Some((range(DateExpr::Day { day }, to), after));
            }
        }
    }
    let vague = || length.and_then(|d| vaguely_ago(tokens, rules, i, d));
    if let Some(found) = lasting(tokens, text, rules, at, length).or_else(vague) {
        return Some(found);
    }
    let k = if w == Some("the") { i + 1 } else { i };
    decade(tokens, rules, k)
        .or_else(|| quarter(tokens, text, rules, k))
        .or_else(|| week(tokens, text, rules, i, k))
        .or_else(|| around_reference(tokens, text, rules, at, k))
        .or_else(|| {
            // "month of September".
            (word(tokens, k) == Some("month") && word(tokens, k + 1) == Some("of"))
                .then(|| core_date(tokens, text, rules, k + 2, true))
                .flatten()
                .filter(|(e, _)| matches!(e, DateExpr::Month { .. } | DateExpr::MonthYear { .. }))
        })
}

/// False when no period starts at token `i`, as its word says; true otherwise. A period starts
/// only where a length of time was read (`length`), at digits or a mark ("'40s"), or at a word
/// one of the readers above names: "the", "from", "for", "q3", "w/c", "next", "rest", a unit
/// ("year to date"), the first word of a decade's name ("the nineteen seventies"), an ordinal
/// (`facts`: "first week of", "twentieth century"), or a decade's name after "the", "in" and the
/// like, where `decade` reads one. Most words the date readers are tried at (weekdays, months,
/// "today") are none of those, and each reader refused them in turn. Debug builds check it
/// against `period` (`match_date_after`).
pub(super) fn may_open(tokens: &[Token], rules: &Rules, facts: Facts, i: usize, length: Option<&Duration>) -> bool {
    let Some(w) = word(tokens, i) else {
        return true;
    };
    let named = matches!(
        w,
        "the"
            | "from"
            | "between"
            | "for"
            | "q"
            | "h"
            | "w"
            | "week"
            | "month"
            | "year"
            | "earlier"
            | "later"
            | "rest"
            | "weekend"
            | "within"
            | "next"
            | "coming"
            | "upcoming"
            | "past"
            | "last"
            | "previous"
            | "two"
            | "nineteen"
            | "twenty"
    );
    let decade_after = || decade_introduced(tokens, i) && rules.decades.contains_key(w);
    length.is_some() || named || facts.may(tokens, i, |f| f.ordinal) || decade_after()
}

/// True when the word before token `k` lets a decade or a century stand there ("the 1970s", "in
/// the seventies", "since 70s").
fn decade_introduced(tokens: &[Token], k: usize) -> bool {
    k > 0 && matches!(word(tokens, k - 1), Some("the" | "in" | "during" | "since" | "from"))
}

/// "from Week 31 to Week 35", "between Week 31 and Week 35" at token `k`: weeks of the reference's
/// year as ISO numbers them (week 1 holds the first Thursday). Only a range of capitalised weeks
/// reads so: a lone "week 10" is a season's, in sport and school.
fn week_numbers(tokens: &[Token], text: &str, k: usize, between: bool) -> Option<(DateExpr, usize)> {
    let week = |k: usize| -> Option<DateExpr> {
        let t = tokens.get(k).filter(|t| t.is("week") && t.is_capitalized(text))?;
        let n = tokens
            .get(k + 1)
            .filter(|n| n.kind == TokenKind::Digits && !n.norm.contains('.') && t.sentence == n.sentence)?;
        let n: i8 = n.norm.parse().ok().filter(|n| (1..=53).contains(n))?;
        let within = Box::new(DateExpr::Relative { unit: RelativeUnit::Year, offset: 0 });
        Some(DateExpr::NthWeek { n, within })
    };
    let from = week(k)?;
    let joins =
        tokens.get(k + 2).is_some_and(|c| c.is("to") || c.is("until") || c.is_dash() || (between && c.is("and")));
    let to = week(k + 3).filter(|_| joins)?;
    Some((DateExpr::Range { from: Box::new(from), to: Box::new(to) }, k + 5))
}

/// The first date of a range after "from" or "between": a date, "today"/"now", or a bare day
/// whose month follows ("from 4 to 22 January").
fn range_start(tokens: &[Token], text: &str, rules: &Rules, k: usize) -> Option<(DateExpr, usize)> {
    if word(tokens, k) == Some("now") {
        return Some((DateExpr::DaysFrom { days: 0 }, k + 1));
    }
    if let Some(found) = core_date(tokens, text, rules, k, true) {
        return Some(found);
    }
    day_at(tokens, k).map(|(day, end)| (DateExpr::Day { day }, end))
}

/// True for a word that joins a range's two dates ("to", "until", "through"). `bare_number` lets
/// the digits before one through to the readers, so both ask here.
pub(super) fn joins_range(t: &Token) -> bool {
    t.kind == TokenKind::Word && matches!(&*t.norm, "to" | "until" | "till" | "through" | "thru")
}

/// The end of a range after its first date `first`, at token `k`: "to October 22", "- 20",
/// "until 12 of Sept", "and now" (with `between`, "and" joins).
pub(super) fn range_tail(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    k: usize,
    first: &DateExpr,
    between: bool,
) -> Option<(DateExpr, usize)> {
    let c = tokens.get(k)?;
    let joins = c.is_dash() || joins_range(c) || (between && c.is("and"));
    if !joins || tokens.get(k + 1).is_none_or(|t| t.sentence != c.sentence) {
        return None;
    }
    let n = k + 1;
    if matches!(word(tokens, n), Some("now" | "today")) {
        return Some((DateExpr::DaysFrom { days: 0 }, n + 1));
    }
    if let Some((to, end)) = core_date(tokens, text, rules, n, true) {
        let dated = !matches!(to, DateExpr::Year { .. })
            || matches!(first, DateExpr::Year { .. } | DateExpr::Full { .. } | DateExpr::MonthYear { .. });
        return dated.then_some((to, end));
    }
    // A bare day: its month is the first date's ("November 19-20") or follows ("4 to 22 this month").
    let (day, end) = day_at(tokens, n)?;
    let mut m = end;
    if matches!(word(tokens, m), Some("of" | "in")) {
        m += 1;
    }
    if let Some(offset) = month_offset(tokens, m) {
        return Some((DateExpr::DayOfMonthOffset { day, offset }, m + 2));
    }
    if followed_by_counted_noun(tokens, rules, end) {
        return None;
    }
    match *first {
        DateExpr::MonthDay { month, .. } => Some((DateExpr::MonthDay { month, day }, end)),
        DateExpr::Full { year, month, .. } => Some((DateExpr::Full { year, month, day }, end)),
        _ => None,
    }
}

/// "Feb between 2-7 2018", "November between 19 and 20": days of the month at token `k - 1`,
/// `k` being the token after the month; "in March between 5 and 10 people died" counts people.
pub(super) fn days_of_month(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    k: usize,
    month: i8,
) -> Option<(DateExpr, usize)> {
    if word(tokens, k) != Some("between") {
        return None;
    }
    let (first, after) = day_at(tokens, k + 1)?;
    let joins = tokens.get(after).is_some_and(|t| t.is_dash() || t.is("and"));
    let (last, end) = day_at(tokens, after + 1).filter(|&(last, _)| joins && first < last)?;
    if followed_by_counted_noun(tokens, rules, end) {
        return None;
    }
    let (from, to, end) = match super::year_next(tokens, text, rules, end) {
        Some((year, after_year)) => {
            (DateExpr::Full { year, month, day: first }, DateExpr::Full { year, month, day: last }, after_year)
        }
        None => (DateExpr::MonthDay { month, day: first }, DateExpr::MonthDay { month, day: last }, end),
    };
    Some((DateExpr::Range { from: Box::new(from), to: Box::new(to) }, end))
}

/// A range whose first date takes what it leaves out from the second ("from 4 to 22 January",
/// "from Feb 1st to March 2019"; "from Dec 1 to Jan 2019" starts the year before).
pub(super) fn range(from: DateExpr, to: DateExpr) -> DateExpr {
    let to_year = match to {
        DateExpr::Full { year, month, .. } | DateExpr::MonthYear { year, month } => Some((year, month)),
        _ => None,
    };
    let year_of = |month: i8| to_year.map(|(year, last)| if month > last { year - 1 } else { year });
    let from = match (from, &to) {
        (DateExpr::MonthDay { month, day }, _) if to_year.is_some() => {
            DateExpr::Full { year: year_of(month).unwrap_or_default(), month, day }
        }
        (DateExpr::Month { month }, _) if to_year.is_some() => {
            DateExpr::MonthYear { year: year_of(month).unwrap_or_default(), month }
        }
        (DateExpr::Day { day }, &DateExpr::Full { year, month, .. }) => DateExpr::Full { year, month, day },
        (DateExpr::Day { day }, &DateExpr::MonthDay { month, .. }) => DateExpr::MonthDay { month, day },
        (DateExpr::Day { day }, &DateExpr::DayOfMonthOffset { offset, .. }) => {
            DateExpr::DayOfMonthOffset { day, offset }
        }
        (f, _) => f,
    };
    DateExpr::Range { from: Box::new(from), to: Box::new(to) }
}

/// An ordinal 1..=5 or "last" (-1) at token `k`.
fn ordinal(tokens: &[Token], rules: &Rules, k: usize) -> Option<i8> {
    let w = word(tokens, k)?;
    if w == "last" {
        return Some(-1);
    }
    let n = *rules.ordinals.get(w)?;
    (1.0..=5.0).contains(&n).then_some(n as i8)
}

/// "the 1970s", "1970's", "the '40s", "the 70s", "the seventies", "the nineteen seventies", "the
/// 15th century", "the twentieth century".
fn decade(tokens: &[Token], rules: &Rules, k: usize) -> Option<(DateExpr, usize)> {
    // Asked only of a number that could be a decade, and of words past the centuries.
    let the = || decade_introduced(tokens, k);
    let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
    let plural = |k: usize| -> Option<usize> {
        if word(tokens, k) == Some("s") && glued(k) {
            return Some(k + 1);
        }
        (tokens.get(k).is_some_and(|t| t.is_punct("'’"))
            && glued(k)
            && word(tokens, k + 1) == Some("s")
            && glued(k + 1))
        .then_some(k + 2)
    };
    let apostrophe = tokens.get(k).is_some_and(|t| t.is_punct("'’"));
    let d = if apostrophe { k + 1 } else { k };
    let digits = tokens.get(d).filter(|t| t.kind == TokenKind::Digits && !t.norm.contains('.'));
    if let Some((t, end)) = digits.zip(plural(d + 1)) {
        let n: i16 = t.norm.parse().ok()?;
        let first = match t.norm.len() {
            4 if n % 10 == 0 && (1000..=2990).contains(&n) => n,
            2 if n % 10 == 0 && (apostrophe || the()) => 1900 + n,
            _ => return None,
        };
        return Some((DateExpr::Years { first, last: first + 9 }, end));
    }
    // "15th century", "the twentieth century".
    let century = match day_at(tokens, k).filter(|_| is_ordinal_day(tokens, k)) {
        Some((n, end)) => Some((i16::from(n), end)),
        // "century" after it first: most words are no ordinal, and looking one up costs more.
        None => word(tokens, k)
            .filter(|_| word(tokens, k + 1) == Some("century"))
            .and_then(|w| rules.ordinals.get(w))
            .map(|&n| (n as i16, k + 1)),
    };
    if let Some((n, end)) = century.filter(|&(n, end)| word(tokens, end) == Some("century") && (1..=30).contains(&n)) {
        return Some((DateExpr::Years { first: (n - 1) * 100, last: n * 100 - 1 }, end + 1));
    }
    if !the() {
        return None;
    }
    // "the two thousands" are the 2000s.
    if word(tokens, k) == Some("two") && word(tokens, k + 1) == Some("thousands") && word(tokens, k + 2) != Some("of") {
        return Some((DateExpr::Years { first: 2000, last: 2009 }, k + 2));
    }
    let (century, mut w) = match (word(tokens, k), word(tokens, k + 1), word(tokens, k + 2)) {
        (Some("nineteen"), _, _) => (Some(1900), k + 1),
        (Some("twenty"), _, _) => (Some(2000), k + 1),
        (Some("two"), Some("thousand"), Some("and")) => (Some(2000), k + 3),
        (Some("two"), Some("thousand"), _) => (Some(2000), k + 2),
        _ => (None, k),
    };
    if century.is_some() && tokens.get(w).is_some_and(|d| d.is_dash() && !d.space_before) {
        w += 1;
    }
    // "the tens" alone are "the tens of thousands"; "the twenty-tens" are the 2010s.
    let first = match word(tokens, w)? {
        "tens" if century.is_some() => 10,
        decade => *rules.decades.get(decade)? as i16,
    };
    let first = century.map_or(first, |c| c + first % 100);
    Some((DateExpr::Years { first, last: first + 9 }, w + 1))
}

/// A year or a relative year at token `k`, optionally after "of": "2016", "of this year", "of
/// two thousand and twenty".
fn year_of(tokens: &[Token], text: &str, rules: &Rules, k: usize) -> Option<(Result<i16, i8>, usize)> {
    let k = if word(tokens, k) == Some("of") { k + 1 } else { k };
    if let Some((year, end)) = year_after_bare(tokens, k).or_else(|| spoken::year_words(tokens, text, rules, k)) {
        return Some((Ok(year), end));
    }
    let offset = match word(tokens, k)? {
        "this" | "current" => 0,
        "last" | "previous" => -1,
        "next" => 1,
        "the" if the_year_is_current(tokens, k) => 0,
        _ => return None,
    };
    (word(tokens, k + 1) == Some("year")).then_some((Err(offset), k + 2))
}

/// True when "the year" at token `k` ("the second half of the year", "by the end of the year") is
/// the reference's year: no year is written in its sentence or the one before, which would be the
/// year it speaks of ("In 2005 ... in the second half of the year").
pub(super) fn the_year_is_current(tokens: &[Token], k: usize) -> bool {
    if word(tokens, k) != Some("the") || word(tokens, k + 1) != Some("year") {
        return false;
    }
    let sentence = tokens[k].sentence;
    let near = |t: &&Token| t.sentence + 1 >= sentence;
    !tokens[..k].iter().rev().take_while(near).any(|t| year_token(t).is_some())
}

/// "Q3", "Q3 2016", "2016 Q3", "2016H2", "H1 2016", "the third quarter of 2016", "the first half
/// of this year". A half, and a quarter in words, need their year: "H1" alone is a visa and "the
/// third quarter" of a game is no date.
fn quarter(tokens: &[Token], text: &str, rules: &Rules, k: usize) -> Option<(DateExpr, usize)> {
    let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
    // "Q3"/"H2" at `k`: (months per part, part number).
    let code = |k: usize| -> Option<(i8, i8)> {
        let size = match word(tokens, k)? {
            "q" => 3,
            "h" => 6,
            _ => return None,
        };
        let n = tokens.get(k + 1).filter(|_| glued(k + 1))?;
        let n: i8 = n.norm.parse().ok().filter(|_| n.kind == TokenKind::Digits && n.norm.len() == 1)?;
        (1..=12 / size).contains(&n).then_some((size, n))
    };
    let part = |size: i8, n: i8, year: Option<Result<i16, i8>>| {
        let (first_month, last_month) = ((n - 1) * size + 1, n * size);
        match year {
            Some(Ok(year)) => DateExpr::PartOfYear { year: Some(year), first_month, last_month },
            Some(Err(offset)) => DateExpr::PartOfYearOffset { offset, first_month, last_month },
            None => DateExpr::PartOfYear { year: None, first_month, last_month },
        }
    };
    // "2016 Q3", "2016H2", "2016 the third quarter".
    if let Some(year) = tokens.get(k).and_then(year_token) {
        let c = k + 1;
        if word(tokens, c) == Some("the") {
            let (size, n) = part_in_words(tokens, rules, c + 1)?;
            return Some((part(size, n, Some(Ok(year))), c + 3));
        }
        let (size, n) = code(c)?;
        return Some((part(size, n, Some(Ok(year))), c + 2));
    }
    if let Some((size, n)) = code(k) {
        return match year_of(tokens, text, rules, k + 2) {
            Some((year, end)) => Some((part(size, n, Some(year)), end)),
            None if size == 3 && tokens[k].is_capitalized(text) => Some((part(size, n, None), k + 2)),
            None => None,
        };
    }
    let (size, n) = part_in_words(tokens, rules, k)?;
    let (year, end) = year_of(tokens, text, rules, k + 2)?;
    Some((part(size, n, Some(year)), end))
}

/// "third quarter", "first half" at token `k`: (months per part, part number).
fn part_in_words(tokens: &[Token], rules: &Rules, k: usize) -> Option<(i8, i8)> {
    // The word after first: most words before it are no ordinal, and looking one up costs more.
    let size = match word(tokens, k + 1)? {
        "quarter" => 3,
        "half" => 6,
        _ => return None,
    };
    let n = ordinal(tokens, rules, k).filter(|&n| n > 0 && n <= 12 / size)?;
    Some((size, n))
}

/// Weeks: "the first week of October", "the last week of 2015", "the third week next year", "the
/// week of Feb. 4", "the week of the 18th", "the week starting May 20", "w/c Feb 4", "the week
/// after next", "the first Friday of July"; `i` is the first token, `k` the one after "the".
fn week(tokens: &[Token], text: &str, rules: &Rules, i: usize, k: usize) -> Option<(DateExpr, usize)> {
    // "the week after next", "the month after the next", "the weekend after the next".
    if word(tokens, i) == Some("the") && word(tokens, k + 1) == Some("after") {
        let n = if word(tokens, k + 2) == Some("the") { k + 3 } else { k + 2 };
        if word(tokens, n) == Some("next") {
            let unit = match word(tokens, k)? {
                "week" => RelativeUnit::Week,
                "month" => RelativeUnit::Month,
                "year" => RelativeUnit::Year,
                "weekend" => return Some((DateExpr::Weekend { offset: Some(2) }, n + 1)),
                _ => return None,
            };
            return Some((DateExpr::Relative { unit, offset: 2 }, n + 1));
        }
    }
    // "w/c Feb 4".
    let slash = tokens.get(k + 1).is_some_and(|t| t.is_punct("/"));
    let commencing = if word(tokens, k) == Some("w") && slash && word(tokens, k + 2) == Some("c") {
        Some(k + 3)
    } else if word(tokens, k) == Some("week") {
        match word(tokens, k + 1) {
            Some("of") => Some(k + 2),
            Some("commencing" | "starting" | "beginning") => {
                Some(if word(tokens, k + 2) == Some("on") { k + 3 } else { k + 2 })
            }
            _ => None,
        }
    } else {
        None
    };
    if let Some(d) = commencing {
        let day = if word(tokens, d) == Some("the") {
            day_at(tokens, d + 1).map(|(day, end)| (DateExpr::Day { day }, end))
        } else {
            core_date(tokens, text, rules, d, true)
        };
        let (day, end) =
            day.filter(|(e, _)| matches!(e, DateExpr::Day { .. } | DateExpr::MonthDay { .. } | DateExpr::Full { .. }))?;
        return Some((DateExpr::WeekOf(Box::new(day)), end));
    }
    // "the first week of October", "the last Friday of July", "the third week next year".
    let n = ordinal(tokens, rules, k)?;
    let weekday = word(tokens, k + 1)
        .and_then(|w| rules.weekdays.get(w))
        .filter(|_| word(tokens, k + 1).is_some_and(|w| w.len() > 3));
    if word(tokens, k + 1) != Some("week") && weekday.is_none() {
        return None;
    }
    let c = if matches!(word(tokens, k + 2), Some("of" | "in")) { k + 3 } else { k + 2 };
    // "second Sunday" closing its clause, with no article or "for" before it, is one of the
    // reference's month ("for a second Sunday", "the first Monday after the vote" are not).
    let unqualified = i == k && !matches!(word(tokens, i.wrapping_sub(1)), Some("a" | "an" | "for" | "every" | "each"));
    if let Some(&weekday) = weekday.filter(|_| n > 0 && unqualified && c == k + 2 && closes_clause(tokens, c)) {
        let within = Box::new(DateExpr::Relative { unit: RelativeUnit::Month, offset: 0 });
        return Some((DateExpr::NthWeekday { n, weekday: weekday as i8, within }, c));
    }
    let (within, end) = relative_date(tokens, text, rules, c)
        .or_else(|| core_date(tokens, text, rules, c, true))
        .or_else(|| spoken::year_words(tokens, text, rules, c).map(|(year, end)| (DateExpr::Year { year }, end)))?;
    let fits = match within {
        DateExpr::Month { .. } | DateExpr::MonthYear { .. } | DateExpr::MonthNear { .. } => true,
        DateExpr::Relative { unit, .. } => matches!(unit, RelativeUnit::Month | RelativeUnit::Year),
        DateExpr::Year { .. } => weekday.is_none(),
        _ => false,
    };
    if !fits {
        return None;
    }
    let within = Box::new(within);
    Some(match weekday {
        Some(&weekday) => (DateExpr::NthWeekday { n, weekday: weekday as i8, within }, end),
        None => (DateExpr::NthWeek { n, within }, end),
    })
}

/// "this month" (0), "next month" (1), "last month" (-1) at token `m`: which month a bare day
/// belongs to ("the 20th of next month"). The phrase takes tokens `m..m + 2`.
fn month_offset(tokens: &[Token], m: usize) -> Option<i8> {
    let offset = match word(tokens, m) {
        Some("this" | "current") => 0,
        Some("next" | "coming") => 1,
        Some("last" | "previous") => -1,
        _ => return None,
    };
    (word(tokens, m + 1) == Some("month")).then_some(offset)
}
