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

mod counted;
mod numeric;
mod period;
mod proper;
mod relative;
mod resolve;
mod spoken;
mod time;

pub use resolve::{day_number, from_day_number, resolve};
pub(in crate::extract) use time::restated_end;
pub use time::{match_time, TimeMatch};

use super::duration::{Calendar, Duration};
use super::lexer::{word, Token, TokenKind};
use super::number::Facts;
use super::starters::Starts;
use crate::claim::Hedge;
use crate::rules::{Rules, WordFacts};
pub(crate) use proper::full_month_name;
use proper::{core_date, month_at, verb_month, year_next};
use relative::relative_date;

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

    /// False for a date that [`resolve`] reads the same in either tense ("July 12, 2025",
    /// "yesterday", "last year"): its tense need not be read, nor the date resolved twice. Every
    /// variant is named, so that a new one is sorted here too.
    pub fn by_tense(&self) -> bool {
        use DateExpr as E;
        match self {
            // Placed in a year (or month, or week) by the policy for the tense.
            E::MonthDay { .. } | E::Month { .. } | E::Day { .. } | E::DayOnWeekday { .. } => true,
            E::PartOfMonth { year, .. } | E::PartOfYear { year, .. } | E::Season { year, .. } => year.is_none(),
            E::Weekday { direction, .. } => *direction == 0,
            E::Weekend { offset } => offset.is_none(),
            E::NthWeek { within, .. } | E::NthWeekday { within, .. } => within.by_tense(),
            E::WeekOf(day) => day.by_tense(),
            E::Lasting { from, .. } => from.by_tense(),
            E::Range { from, to } => from.by_tense() || to.by_tense(),
            // Written whole, or counted from the reference whatever the tense.
            E::Full { .. }
            | E::MonthYear { .. }
            | E::Year { .. }
            | E::Years { .. }
            | E::PartOfYearOffset { .. }
            | E::DaysFrom { .. }
            | E::Relative { .. }
            | E::DayOfMonthOffset { .. }
            | E::WeekdayOfWeek { .. }
            | E::Shifted { .. }
            | E::WorkingDays { .. }
            | E::MonthOfYear { .. }
            | E::MonthNear { .. }
            | E::PartOfRelative { .. }
            | E::Rest { .. }
            | E::Counted { .. }
            | E::DayBeside { .. } => false,
        }
    }
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
    // Only a word the starters list for lengths of time can open one, as the extractor relies on
    // at every token: "in the", "in May" are not read for one.
    let length_may_follow = || at.facts().may(tokens, i + 1, |f| f.starts.has(Starts::DURATION));
    debug_assert!(length_may_follow() || super::duration::read(tokens, text, rules, i + 1).is_none());
    if word(i) == Some("in") && length_may_follow() {
        if let Some(d) = super::duration::read_at(tokens, text, rules, &at.beside(i + 1)) {
            let calendar = d.calendar.filter(|c| c.seconds == 0 && d.low == d.high);
            if let Some(calendar) = calendar.filter(|_| super::is_future(tokens, rules, i)) {
                return spoken(spoken::on_calendar_or_working(tokens, &d, 0, 1, calendar), d.end);
            }
        }
    }
    let future = || super::is_future(tokens, rules, i);
    if let Some((expr, end, sign)) = spoken::more_than_shifted(tokens, text, rules, at, future) {
        let hedge = if sign > 0 { Hedge::Since } else { Hedge::Until };
        return Some(DateMatch { start: i, end, expr, hedge });
    }
    if let Some((expr, end)) = length
        .and_then(|d| spoken::shifted_by(tokens, d, future))
        .or_else(|| spoken::less_than_shifted(tokens, text, rules, at, future))
        .or_else(|| spoken::weekdays_counted(tokens, text, rules, at))
        // After the counted dates, which read "a day later" in the future tense from the reference.
        .or_else(|| relative::day_beside(tokens, text, rules, i))
    {
        return spoken(expr, end);
    }
    // "more", "over" and "less" open a date only as the bound of a counted one, read above ("more
    // than 2 weeks ago", "over a month ago"): they stand in no table of dates, and no reader below
    // names them, yet the readers were tried at hundreds of them a megabyte ("more than 50").
    if matches!(word(i), Some("more" | "over" | "less")) {
        debug_assert!(
            period::period(tokens, text, rules, at, length).is_none()
                && core_date(tokens, text, rules, i, preposition_before(tokens, i)).is_none(),
            "a date starts at {:?} past the counted readers",
            word(i)
        );
        return None;
    }
    // A preposition that introduces a date ("in", "since", "for") is none itself: past the
    // readers above, a date starts at one only through a hedge or a part read below ("since May",
    // "at the end of 2016"), and a period only as "for 3 days from today", where a length of time
    // starts right after it ("for the", "for a" mostly open none). Its date is tried at its own
    // token next.
    // Most numbers tried here count something ("killed 12 people"): past the readers above, no
    // date starts at one with a plain word after it, so the periods and dates proper are not read.
    if bare_number(tokens, rules, at.facts(), i, length) {
        debug_assert!(
            period::period(tokens, text, rules, at, length).is_none()
                && core_date(tokens, text, rules, i, preposition_before(tokens, i)).is_none(),
            "a date starts at the bare number {:?}",
            tokens[i].norm
        );
        return None;
    }
    let preposition = word(i).is_some_and(bare_preposition);
    // Nor does one start at the words no period reader names (weekdays, months, "today").
    let no_period = (preposition && (word(i) != Some("for") || !length_may_follow()))
        || !period::may_open(tokens, rules, at.facts(), i, length);
    // Debug builds hold the readers to that promise, as they do the other gates.
    debug_assert!(
        !no_period || period::period(tokens, text, rules, at, length).is_none(),
        "a period starts at {:?}",
        tokens[i].norm
    );
    if !no_period {
        if let Some((expr, end)) = period::period(tokens, text, rules, at, length) {
            return spoken(expr, end);
        }
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
    // A part stands before "of" or is one of the three said alone: the words besides them (most
    // that reach here) are not looked up.
    let alone = |w: &str| matches!(w, "early" | "mid" | "late");
    let may_be_part = |w: &&str| alone(w) || word(k + 1) == Some("of");
    if let Some(p) = word(k).filter(may_be_part).and_then(|w| rules.parts.get(w)) {
        part = Some(*p);
        if word(k + 1) == Some("of") {
            j = k + 2;
        } else {
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
    if preposition && j == i {
        debug_assert!(
            core_date(tokens, text, rules, i, preposition_before(tokens, i)).is_none(),
            "a date proper starts at the preposition {:?}",
            word(i)
        );
        return None;
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

/// For a word that opens a date only through the token after it, the few words besides those
/// that can open a date themselves that it opens one before ("the day before yesterday", "the
/// following day", "from now to Friday"); `None` for other words. The token after must otherwise
/// be one that can open a date itself: digits, or a word the starters list for dates ("the
/// 1990s", "in April", "since the start of", "for 3 days from today"). These are the commonest
/// words tried, and before any other word every date reader refuses them, after a dozen lookups.
fn introducer(word: &str) -> Option<&'static [&'static str]> {
    Some(match word {
        "the" => THE_OPENS,
        "from" | "between" => &["now"],
        // "this week", "this May", "this morning" (`relative_date`): "this is" opens none.
        "this" | "current" => &["decade", "quarter", "morning", "afternoon", "evening"],
        // "earlier this month", "later in the year" (`around_reference`).
        "earlier" | "later" => &[],
        // "end of 2016": a part but "early", "mid" and "late" is one only before "of".
        "start" | "beginning" | "middle" | "end" => &["of"],
        // "rest of the week", "rest of my week", "rest this week" (`around_reference`).
        "rest" => &["of", "my"],
        // "w/c Feb 4" (`period::week`).
        "w" => &["/"],
        w if bare_preposition(w) => &[],
        _ => return None,
    })
}

/// Whether `word` is a preposition that introduces a date with no word of its own after it ("in
/// May", "since 2004"): it is no date itself, and opens none of the readers' periods but "for".
fn bare_preposition(word: &str) -> bool {
    matches!(word, "in" | "on" | "at" | "for" | "since" | "after" | "by" | "before" | "until" | "till" | "through")
}

/// False when token `i` is an `introducer` and the token after it can open no date, so that
/// none starts at `i`; true otherwise (a date may start there). `facts` are the tokens' word facts
/// (`starters::of_tokens`), which say what a word can open. Debug builds check it against the
/// date readers (`extract`).
///
/// A preposition before "the" ("in the", "on the", "by the", among the commonest pairs of news)
/// opens a date only where "the" may open one: every reader goes from a preposition past "the"
/// to the word after it ("at the end of", "since the 1990s", "on the 15th", "for the past week",
/// "from the 1st"), and none reads "the" before a word that "the" opens nothing with.
pub fn may_start(tokens: &[Token], facts: &[Option<&WordFacts>], i: usize) -> bool {
    let Some(besides) = word(tokens, i).and_then(introducer) else {
        return true;
    };
    // Written without recursion into "the" (whose words besides are `THE_OPENS`), so that the
    // test, asked at tens of thousands of tokens a megabyte, is no call of its own.
    let before_the = word(tokens, i) != Some("the") && word(tokens, i + 1) == Some("the");
    opens_after(tokens, facts, i + 1, besides) && (!before_the || opens_after(tokens, facts, i + 2, THE_OPENS))
}

/// The words besides those that can open a date that "the" opens one before (`introducer`).
const THE_OPENS: &[&str] = &["day", "following"];

/// True when token `k`, after an introducer, can open a date: digits, a word the starters list
/// for dates (`facts`), or one of the introducer's words `besides`.
#[inline]
fn opens_after(tokens: &[Token], facts: &[Option<&WordFacts>], k: usize, besides: &[&str]) -> bool {
    tokens.get(k).is_some_and(|next| {
        next.kind == TokenKind::Digits
            || facts.get(k).copied().flatten().is_some_and(|f| f.starts.has(Starts::DATE))
            || besides.contains(&&*next.norm)
    })
}

/// False when token `i` is "a" or "an" and opens neither the length of time read there (`length`:
/// "a week ago", "a few days ago", "a week starting tomorrow") nor "a day before": before any
/// other word every date reader refuses an article. False too when it is a mark ("-", "'") that
/// opens neither that length ("-5 days") nor a decade ("'40s"): no other date starts at a mark.
/// False too, without that length, at "another", a vague count ("several", "some") or a whole
/// ("all", "entire"), as the words' `facts` say: the starters list them for dates only because
/// they open a length ("several days ago"), and no date reader names them, yet the readers tried
/// hundreds of them a megabyte ("all the", "some of"). True otherwise. Debug builds check it
/// against the date readers (`extract`).
pub fn may_start_counted(tokens: &[Token], facts: &[Option<&WordFacts>], i: usize, length: Option<&Duration>) -> bool {
    if length.is_some() {
        return true;
    }
    let opens_only_a_length = |f: &WordFacts| f.vague_count || f.whole;
    match tokens.get(i) {
        Some(t) if t.kind == TokenKind::Punct => {
            t.is_punct("'’") && tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Digits)
        }
        _ if facts.get(i).copied().flatten().is_some_and(opens_only_a_length) => false,
        _ => match word(tokens, i) {
            Some("a" | "an") => word(tokens, i + 1) == Some("day"),
            Some("another") => false,
            _ => true,
        },
    }
}

/// True when token `i` is digits or a number word that open no period and no date proper: the
/// length of time read there (`length`), if any, opens none, and no reader goes on from the token
/// after them. A length opens a period only before "ago" ("a few days ago") or a start ("2 weeks
/// starting May 20th", "for 3 days from today"), and the other readers ask the tokens, not the
/// length, so "10 years in prison" is as bare as "10 people".
/// The readers go on from a number only to a glued ending ("12th", "1970s", "22may"), a mark
/// ("/", "-", ".", "'"), "of" before a month ("22 of Jan", "second of August"), a range's joining
/// word ("4 to 22") or a month ("12 July", in `rules.months`, the table `month_at` reads);
/// "century" follows only an ordinal, which is glued. So these are bare:
/// - a number before a word set apart by a space that is none of those ("killed 12 people", "one
///   of them", the commonest number word tried);
/// - digits before another glued word ("3D", "5mg") or another glued mark ("12,", "(12)");
/// - digits before a dash and a word that opens no date (`no_date_after_dash`: "12-year-old",
///   "7.6-magnitude").
///
/// Digits must be no year (four digits), which the readers take alone. Digits with a point
/// ("1.5") are bare only before a spaced word or a dash, and after no "on" or "in", after which
/// they may be a month and day ("on 4.22"). A number word must be followed by no word of a number
/// or ordinal, which a year or a day in words goes on with ("twenty eighteen", "two thousand and
/// eighteen", "twenty first"), as the text's word `facts` say (without them, a word is no bare
/// number). Debug builds check it against the readers (`match_date_after`).
fn bare_number(tokens: &[Token], rules: &Rules, facts: Facts, i: usize, length: Option<&Duration>) -> bool {
    let (Some(t), Some(n)) = (tokens.get(i), tokens.get(i + 1)) else {
        return false;
    };
    let point = t.kind == TokenKind::Digits && t.norm.contains('.');
    let opens = match t.kind {
        TokenKind::Digits => t.norm.len() != 4 || point,
        // Asked of the few words the facts list in the tables of numbers in words.
        TokenKind::Word => {
            let plain_next = || !facts.may(tokens, i + 1, |f| f.in_numbers || f.ordinal);
            plain_next() && facts.number_word(tokens, rules, i)
        }
        TokenKind::Punct => false,
    };
    let length_opens =
        length.is_some_and(|d| matches!(word(tokens, d.end), Some("ago" | "starting" | "beginning" | "from")));
    if length_opens || !opens {
        return false;
    }
    let plain_digits = t.kind == TokenKind::Digits && !point;
    // Digits with a point right after "on" or "in" may be a month and day ("on 4.22"), when
    // nothing but the clause's end follows.
    let introduced_point = point && i > 0 && (tokens[i - 1].is("on") || tokens[i - 1].is("in"));
    // A month is a word the starters list for dates: most words after a number are none, as
    // their facts say without the lookup.
    let month_at = |k: usize| {
        facts.may(tokens, k, |f| f.starts.has(Starts::DATE))
            && word(tokens, k).is_some_and(|m| rules.months.contains_key(m))
    };
    match n.kind {
        TokenKind::Word if n.space_before => {
            let of_month = n.norm == "of" && month_at(i + 2);
            n.norm != "century" && !of_month && !period::joins_range(n) && !month_at(i + 1) && !introduced_point
        }
        TokenKind::Word => plain_digits && !matches!(&*n.norm, "st" | "nd" | "rd" | "th" | "s") && !month_at(i + 1),
        // A point's digits are read only as a day and month (`numeric::dotted`, with a point
        // after them, and `dotted_month_day`), never before a dash: "7.6-magnitude" is bare.
        TokenKind::Punct if n.is_dash() => {
            (plain_digits || (point && !introduced_point)) && no_date_after_dash(tokens, facts, i + 2)
        }
        TokenKind::Punct => plain_digits && !n.is_punct("/.'’"),
        TokenKind::Digits => false,
    }
}

/// True when token `k`, after digits and a dash ("12-year-old", "3-point"), is a word no date
/// reader goes on to: a range reads on from a dash to a date or "now" ("4-Monday", "12-now"), a
/// date proper to a month ("12-Jan"), and every other date reads a number after it ("2-15"). So
/// the word must be one the text's `facts` list for no date, or "year" with no number after it
/// ("12-year-old": the date proper reads "year 247").
fn no_date_after_dash(tokens: &[Token], facts: Facts, k: usize) -> bool {
    // A mark glued to "year" ("12-year-old") opens no number: a minus sign stands free
    // (`number::sign_at`), and no dash is a vulgar fraction.
    let glued_dash = || tokens.get(k + 1).is_some_and(|t| t.is_dash() && !t.space_before);
    let no_number_after = || glued_dash() || !facts.may_open_number(tokens, k + 1);
    let opens_date = || match word(tokens, k) {
        Some("now") => true,
        Some("year") => !no_number_after(),
        _ => facts.may(tokens, k, |f| f.starts.has(Starts::DATE)),
    };
    tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word) && !opens_date()
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

#[cfg(test)]
mod tests;
