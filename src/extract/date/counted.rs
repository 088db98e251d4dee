//! Tokens in, periods counted in lengths of time out: a length from a day on ("for 3 days from
//! today", "2 weeks starting May 20th"), a vague count back ("a few days ago") and periods next to
//! the reference ("the next 3 days", "the past 3 weeks", "within 5 days" in the future tense,
//! "rest of the week", "earlier this month", "year to date", "the weekend").

use super::super::duration::{Calendar, Duration};
use super::super::lexer::{Token, TokenKind};
use super::super::number::At;
use super::{core_date, relative_date, word, DateExpr, RelativeUnit};
use crate::rules::Rules;

/// "for 3 days from today", "for 3 days, from today", "(for) a week starting tomorrow", "2 weeks
/// starting May 20th": a length of time from a day on. "3 days from today" alone is one day
/// (`spoken::shifted`), and the start must be a day: "for 10 years from 2010" stays a length.
/// `length` is the length of time read at the token of `at`, whose word facts and number the
/// length read after "for" shares.
pub(super) fn lasting(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    at: &At,
    length: Option<&Duration>,
) -> Option<(DateExpr, usize)> {
    let i = at.index();
    let for_ = word(tokens, i) == Some("for");
    // Without "for", the length is the one read at `i`: asked first, since most tokens read none.
    let t = tokens.get(i).filter(|_| for_ || length.is_some())?;
    let counted = t.kind == TokenKind::Digits || rules.number_words.contains_key(&*t.norm) || t.is("a");
    if !(for_ || counted) {
        return None;
    }
    let after_for;
    let d = if for_ {
        // Read with the text's word facts, and its number kept for the extractor's try at the
        // token after "for", which reads it again.
        after_for = super::super::duration::read_at(tokens, text, rules, &at.beside(i + 1))?;
        &after_for
    } else {
        length?
    };
    let calendar = d.calendar.filter(|c| c.seconds == 0 && d.low == d.high && d.low > 0.0)?;
    let mut k = d.end;
    if for_ && tokens.get(k).is_some_and(|c| c.is_punct(",")) {
        k += 1;
    }
    k = match (word(tokens, k), word(tokens, k + 1)) {
        (Some("starting" | "beginning"), Some("from" | "on")) => k + 2,
        (Some("starting" | "beginning"), _) => k + 1,
        (Some("from"), _) if for_ => k + 1,
        _ => return None,
    };
    let (from, end) = relative_date(tokens, text, rules, k).or_else(|| core_date(tokens, text, rules, k, true))?;
    let day = matches!(
        from,
        DateExpr::DaysFrom { .. }
            | DateExpr::Weekday { .. }
            | DateExpr::WeekdayOfWeek { .. }
            | DateExpr::MonthDay { .. }
            | DateExpr::Full { .. }
            | DateExpr::Day { .. }
    );
    day.then(|| (DateExpr::Lasting { from: Box::new(from), calendar }, end))
}

/// The longest length a vague count of days, weeks, months or years may mean, on the calendar.
fn longest(d: &Duration) -> Option<Calendar> {
    on_calendar(d, d.high)
}

/// `seconds` of the unit `d` is counted in, on the calendar.
fn on_calendar(d: &Duration, seconds: f64) -> Option<Calendar> {
    let count = |size: f64| (seconds / size).round() as i64;
    let mut c = Calendar::default();
    match d.unit.as_str() {
        "day" => c.days = count(86_400.0),
        "week" => c.days = count(86_400.0),
        "month" => c.months = count(2_592_000.0),
        "year" => c.years = count(31_536_000.0),
        _ => return None,
    }
    Some(c)
}

/// "a few days ago", "several months ago": a vague count back from the reference is the days
/// between the longest and the shortest it may mean, not the point a spec picks for "few". `d` is
/// the length of time read at token `i`.
pub(super) fn vaguely_ago(tokens: &[Token], rules: &Rules, i: usize, d: &Duration) -> Option<(DateExpr, usize)> {
    if d.low == d.high
        || word(tokens, d.end) != Some("ago")
        || !tokens[i..d.end].iter().any(|t| rules.vague_counts.contains_key(&*t.norm))
    {
        return None;
    }
    let back = |calendar| Box::new(DateExpr::Shifted { base: 0, sign: -1, calendar });
    let (far, near) = (longest(d)?, on_calendar(d, d.low)?);
    Some((DateExpr::Range { from: back(far), to: back(near) }, d.end + 1))
}

/// Periods next to the reference: "the next 3 days", "the past 3 weeks", "within 5 days" (future
/// tense), "rest of the week", "earlier this month", "later this year", "the weekend".
pub(super) fn around_reference(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    at: &At,
    k: usize,
) -> Option<(DateExpr, usize)> {
    let i = at.index();
    let unit_at = |k: usize| match word(tokens, k) {
        Some("week") => Some(RelativeUnit::Week),
        Some("month") => Some(RelativeUnit::Month),
        Some("year") => Some(RelativeUnit::Year),
        _ => None,
    };
    let w = word(tokens, k)?;
    // "year to date", "year-to-date": from the start of the reference's year to the reference.
    let dash = |k: usize| usize::from(tokens.get(k).is_some_and(|t| t.is_dash() && !t.space_before));
    let to = k + 1 + dash(k + 1);
    if word(tokens, to) == Some("to") && word(tokens, to + 1 + dash(to + 1)) == Some("date") {
        if let Some(unit) = unit_at(k) {
            return Some((DateExpr::Rest { unit, before: true }, to + 2 + dash(to + 1)));
        }
    }
    // "earlier this month", "later in the year".
    if matches!(w, "earlier" | "later") {
        let u = match (word(tokens, k + 1), word(tokens, k + 2)) {
            (Some("this"), _) => k + 2,
            (Some("in"), Some("the")) => k + 3,
            _ => return None,
        };
        return Some((DateExpr::Rest { unit: unit_at(u)?, before: w == "earlier" }, u + 1));
    }
    // "rest of the week", "the rest of this month", "rest of my week".
    if w == "rest" {
        let mut u = k + 1;
        if word(tokens, u) == Some("of") {
            u += 1;
        }
        if matches!(word(tokens, u), Some("the" | "this" | "my" | "current")) {
            u += 1;
        }
        return Some((DateExpr::Rest { unit: unit_at(u)?, before: false }, u + 1));
    }
    // "the weekend", "over the weekend"; "a weekend trip" is no date.
    if w == "weekend"
        && (k > i
            || i.checked_sub(1)
                .and_then(|p| word(tokens, p))
                .is_some_and(|p| matches!(p, "on" | "over" | "at" | "during")))
    {
        return Some((DateExpr::Weekend { offset: None }, k + 1));
    }
    // "the next 3 days", "past 3 weeks", "within the next 3 years", "in the coming 2 months".
    let within = w == "within";
    let mut d = k;
    if within {
        d += 1;
        if word(tokens, d) == Some("the") {
            d += 1;
        }
    }
    let sign = match word(tokens, d) {
        Some("next" | "coming" | "upcoming") => 1,
        Some("past" | "last" | "previous") if !within => -1,
        _ if within => 0,
        _ => return None,
    };
    if sign != 0 {
        d += 1;
    }
    // "the past fortnight", "the next fortnight": two weeks, counted in the name.
    if sign != 0 && word(tokens, d) == Some("fortnight") {
        let calendar = Calendar { days: 14, ..Calendar::default() };
        return Some((DateExpr::Counted { sign, from_today: false, calendar }, d + 1));
    }
    // Read with the text's word facts, as `lasting` reads its length.
    let duration = super::super::duration::read_at(tokens, text, rules, &at.beside(d))?;
    // A count must be written: "the next day" is a day, "last year" a year. A vague one ("the
    // past few days") reaches back as far as it may mean.
    let counted = |t: &Token| {
        t.kind == TokenKind::Digits
            || rules.number_words.contains_key(&*t.norm)
            || rules.vague_counts.contains_key(&*t.norm)
    };
    tokens.get(d).filter(|t| counted(t))?;
    // "the next several years" reaches nowhere in particular: vague counts only look back.
    let calendar = match duration.calendar.filter(|c| c.seconds == 0 && duration.low == duration.high) {
        Some(c) => c,
        None if sign < 0 => longest(&duration)?,
        None => return None,
    };
    // "within 5 days" is a date only in the future tense; "died within 5 days" is a length.
    if within && !super::super::is_future(tokens, rules, i) {
        return None;
    }
    Some((DateExpr::Counted { sign: if sign == 0 { 1 } else { sign }, from_today: within, calendar }, duration.end))
}
