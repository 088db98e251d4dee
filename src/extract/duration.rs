//! Tokens in, one length of time out, for the spellings the number-and-unit path cannot read:
//! several parts ("1 year 1 month 21 days", "1 hour and 30 minutes"), halves ("half an hour",
//! "two and a half hours", "an hour and a half"), one unit without a digit ("an hour", "all day",
//! "another week", "a fortnight") and vague counts ("a couple of days", "several weeks").
//!
//! A plain "10 hours" or "three-day visit" is left to `measure`, which also reads its counted noun.
//! The parts are kept in calendar units as well, so that "1 month 21 days ago" can be counted back
//! on the calendar (see `date`); the claim's value is in seconds, a month being 30 days and a year
//! 365, as in `rules/units.toml`.

use super::lexer::{word, Token};
use super::measure::Measure;
use super::number;
use super::range;
use crate::claim::{Hedge, Interval, Kind, Rule};
use crate::rules::{Rules, Unit};

/// A length of time on the calendar: whole years, months and days, and seconds below a day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    /// Whole years (a decade is ten).
    pub years: i64,
    /// Whole months.
    pub months: i64,
    /// Whole days (a week is seven).
    pub days: i64,
    /// Hours, minutes and seconds, in seconds.
    pub seconds: i64,
}

/// A length of time read from tokens `start..end`.
#[derive(Clone, Debug, PartialEq)]
pub struct Duration {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Shortest length meant, in seconds.
    pub low: f64,
    /// Longest length meant, in seconds (above `low` only for a vague count).
    pub high: f64,
    /// The same length on the calendar, when every count is whole and exact.
    pub calendar: Option<Calendar>,
    /// The unit first written, by its rule name ("hour").
    pub unit: String,
    /// False for a single plain "number unit", which `measure` reads with its noun.
    pub special: bool,
}

/// One "count unit" part.
struct Part<'r> {
    low: f64,
    high: f64,
    unit: &'r Unit,
    end: usize,
    special: bool,
}

/// A unit of time at token `k` ("hours", "-minutes", "business days"); returns it and the token
/// after. A word its `facts` say spells no unit of time is not looked up.
// Whether a unit can start at all is told inline, the rest read by a call: it is asked after
// every number a length of time is tried at, and the word there is mostly no unit, as its facts
// say; the call alone was most of the cost of refusing it.
#[inline]
fn time_unit<'r>(tokens: &[Token], rules: &'r Rules, facts: number::Facts, k: usize) -> Option<(&'r Unit, usize)> {
    let mut k = k;
    if tokens.get(k).is_some_and(|t| t.is_dash() && !t.space_before) {
        k += 1;
    }
    // The readers below ask a word for one of these two facts before any lookup.
    if word(tokens, k).is_none() || !facts.may(tokens, k, |f| f.opens_time_phrase || f.time_unit) {
        return None;
    }
    time_unit_at(tokens, rules, facts, k)
}

/// [`time_unit`] at token `k`, a word that may start a unit of time.
fn time_unit_at<'r>(tokens: &[Token], rules: &'r Rules, facts: number::Facts, k: usize) -> Option<(&'r Unit, usize)> {
    let is_time = |u: &&Unit| u.kind == Kind::Duration;
    // Most words start no unit of time in two words, as their facts say (the units after numbers
    // that do are mostly others: "years old", "square miles"): build the phrase only where one
    // can start.
    let head = word(tokens, k)
        .filter(|_| facts.may(tokens, k, |f| f.opens_time_phrase))
        .filter(|a| rules.unit_phrase_heads.contains(*a));
    if let (Some(a), Some(b)) = (head, word(tokens, k + 1)) {
        if let Some(u) = rules.unit(&format!("{a} {b}")).filter(is_time) {
            return Some((u, k + 2));
        }
    }
    let w = word(tokens, k).filter(|_| facts.may(tokens, k, |f| f.time_unit))?;
    rules.unit(w).filter(is_time).map(|u| (u, k + 1))
}

/// "and a half", "and half" after a count or a unit.
fn and_a_half(tokens: &[Token], k: usize) -> Option<usize> {
    if word(tokens, k) != Some("and") {
        return None;
    }
    match (word(tokens, k + 1), word(tokens, k + 2)) {
        (Some("a"), Some("half")) => Some(k + 3),
        (Some("half"), _) => Some(k + 2),
        _ => None,
    }
}

/// The part of a length of time whose count starts at the number `at` (a number or not).
fn part<'r>(tokens: &[Token], text: &str, rules: &'r Rules, at: &number::At) -> Option<Part<'r>> {
    let (k, facts) = (at.index(), at.facts());
    let w = word(tokens, k);
    let unit_then_half = |count: f64, at: usize, special: bool| -> Option<Part<'r>> {
        let (unit, end) = time_unit(tokens, rules, facts, at)?;
        match and_a_half(tokens, end) {
            Some(after) => Some(Part { low: count + 0.5, high: count + 0.5, unit, end: after, special: true }),
            None => Some(Part { low: count, high: count, unit, end, special }),
        }
    };
    // "all day", "full-year", "the whole week": one unit, written in the singular. Most words
    // tried here are none of these words, nor vague counts, as their facts say without a lookup.
    if w.is_some_and(|w| facts.may(tokens, k, |f| f.whole) && rules.whole.contains(w)) {
        let (unit, end) = time_unit(tokens, rules, facts, k + 1)?;
        let singular = tokens[end - 1].norm == unit.name;
        return singular.then_some(Part { low: 1.0, high: 1.0, unit, end, special: true });
    }
    // "half an hour", "half year", "a half hour".
    if w == Some("half") || (matches!(w, Some("a")) && word(tokens, k + 1) == Some("half")) {
        let mut at = if w == Some("half") { k + 1 } else { k + 2 };
        if matches!(word(tokens, at), Some("a" | "an")) {
            at += 1;
        }
        let (unit, end) = time_unit(tokens, rules, facts, at)?;
        return Some(Part { low: 0.5, high: 0.5, unit, end, special: true });
    }
    // "a couple of days", "few hours", "several weeks".
    let vague_at = if matches!(w, Some("a")) { k + 1 } else { k };
    let vague = word(tokens, vague_at).filter(|_| facts.may(tokens, vague_at, |f| f.vague_count));
    if let Some(&[low, high]) = vague.and_then(|v| rules.vague_counts.get(v)) {
        let mut at = vague_at + 1;
        if word(tokens, at) == Some("of") {
            at += 1;
        }
        let (unit, end) = time_unit(tokens, rules, facts, at)?;
        return Some(Part { low, high, unit, end, special: true });
    }
    // "an hour", "another week", "an hour and a half"; "a second" is nearly always the ordinal.
    if matches!(w, Some("a" | "an" | "another")) {
        let p = unit_then_half(1.0, k + 1, true)?;
        return (p.unit.name != "second").then_some(p);
    }
    let n = at.read(tokens, text, rules)?;
    if n.suffix.is_some() || n.value <= 0.0 {
        return None;
    }
    // "two and a half hours".
    if let Some(after) = and_a_half(tokens, n.end) {
        let (unit, end) = time_unit(tokens, rules, facts, after)?;
        return Some(Part { low: n.value + 0.5, high: n.value + 0.5, unit, end, special: true });
    }
    unit_then_half(n.value, n.end, false)
}

/// True when "a"/"an" + unit at `i` reads as a length of time, not a rate ("$5 a day", "twice a
/// week"): it must open the sentence or follow a word that introduces a length of time.
fn introduced(tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| tokens.get(p)) else { return true };
    if prev.sentence != tokens[i].sentence {
        return true;
    }
    matches!(
        &*prev.norm,
        "for"
            | "in"
            | "within"
            | "than"
            | "after"
            | "about"
            | "around"
            | "nearly"
            | "almost"
            | "over"
            | "under"
            | "lasted"
            | "lasting"
            | "last"
            | "lasts"
            | "took"
            | "take"
            | "takes"
            | "spent"
            | "spend"
            | "only"
            | "just"
            | "least"
            | "most"
            | "of"
            | "up"
            | "to"
            | "barely"
    )
}

/// Reads the length of time starting at token `i`, if one starts there.
pub fn read(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<Duration> {
    read_at(tokens, text, rules, &number::At::new(i))
}

/// [`read`] at the token of `at`, whose number other matchers may have read already.
pub fn read_at(tokens: &[Token], text: &str, rules: &Rules, at: &number::At) -> Option<Duration> {
    let i = at.index();
    let first = part(tokens, text, rules, at)?;
    // Most lengths of time have one part: the others are kept apart, so that those need no
    // allocation.
    let mut more: Vec<Part> = Vec::new();
    loop {
        let mut k = more.last().unwrap_or(&first).end;
        if tokens.get(k).is_some_and(|t| t.is_punct(",")) || word(tokens, k) == Some("and") {
            k += 1;
        }
        // Later parts are counted ("1 hour and 30 minutes") in a unit not used yet: "three days a
        // week" is a rate, not ten days.
        // A part that is not counted is not read: it would end the length of time anyway.
        let next = at.beside(k);
        let counted = tokens.get(k).is_some_and(|t| t.sentence == tokens[i].sentence)
            && !matches!(word(tokens, k), Some("a" | "an" | "another" | "half"))
            && next.read(tokens, text, rules).is_some();
        match counted.then(|| part(tokens, text, rules, &next)).flatten() {
            Some(p) if std::iter::once(&first).chain(&more).all(|q| q.unit.name != p.unit.name) => more.push(p),
            _ => break,
        }
    }
    let special = !more.is_empty() || first.special;
    let (mut low, mut high) = (0.0, 0.0);
    let mut calendar = Some(Calendar::default());
    for p in std::iter::once(&first).chain(&more) {
        low += p.low * p.unit.factor;
        high += p.high * p.unit.factor;
        calendar = calendar.and_then(|c| add_part(c, p));
    }
    Some(Duration {
        start: i,
        end: more.last().unwrap_or(&first).end,
        low,
        high,
        calendar,
        unit: first.unit.name.clone(),
        special,
    })
}

/// Seconds in a year of the rules' units, 365 days.
const YEAR_SECONDS: f64 = 31_536_000.0;

fn add_part(mut c: Calendar, p: &Part) -> Option<Calendar> {
    if p.low != p.high {
        return None;
    }
    let whole = |x: f64| (x.fract() == 0.0).then_some(x as i64);
    match p.unit.name.as_str() {
        // "four and a half years" is four years and six months on the calendar.
        "year" | "decade" => {
            let months = whole(p.low * p.unit.factor / YEAR_SECONDS * 12.0)?;
            c.years += months / 12;
            c.months += months % 12;
        }
        "month" => c.months += whole(p.low)?,
        "week" => c.days += whole(p.low * 7.0)?,
        "fortnight" => c.days += whole(p.low * 14.0)?,
        "day" => c.days += whole(p.low)?,
        _ => c.seconds += whole(p.low * p.unit.factor)?,
    }
    Some(c)
}

/// The duration claim at token `i`, with a hedge before it, when `measure` would not read it.
pub fn match_duration<'r>(tokens: &[Token], text: &str, rules: &'r Rules, i: usize) -> Option<Measure<'r>> {
    claim_of(tokens, rules, i, read(tokens, text, rules, i)?)
}

/// [`match_duration`] for `d`, the length of time already read at token `i`.
pub fn claim_of<'r>(tokens: &[Token], rules: &'r Rules, i: usize, d: Duration) -> Option<Measure<'r>> {
    if !d.special || (matches!(word(tokens, i), Some("a" | "an")) && !introduced(tokens, i)) {
        return None;
    }
    let nominal = Interval::between(d.low, d.high);
    let mut start = d.start;
    let (value, hedge) = match range::hedge_before(tokens, rules, number::Facts::default(), start) {
        Some(((mode, relative), at)) => {
            start = at;
            (range::apply_hedge(nominal, mode, relative, false), range::hedge_of(mode))
        }
        None if d.low != d.high => (nominal, Hedge::Vague),
        None => (nominal, Hedge::Exact),
    };
    Some(Measure {
        start,
        end: d.end,
        kind: Kind::Duration,
        value,
        nominal,
        written: nominal,
        written_unit: d.unit.into(),
        hedge,
        unit: rules.base_unit("time").into(),
        head: None,
        rule: Rule::Duration,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer::tokenize;

    /// The first duration the whole extractor finds: which matcher reads a phrase ("two and a
    /// half hours" is a number before it is a duration) is the pipeline's business.
    fn seconds(text: &str) -> Option<(f64, f64)> {
        let rules = Rules::embedded().unwrap();
        let source = crate::source::Source::new("t", text.to_string(), &mut Vec::new());
        crate::extract::extract(&source, 0, &rules)
            .claims
            .into_iter()
            .find(|c| c.kind == crate::claim::Kind::Duration)
            .map(|c| {
                let v = c.value;
                (v.low().unwrap_or(f64::NAN), v.high().unwrap_or(f64::INFINITY))
            })
    }

    #[test]
    fn spellings_without_a_plain_number() {
        assert_eq!(seconds("for half an hour"), Some((1800.0, 1800.0)));
        assert_eq!(seconds("for an hour and a half"), Some((5400.0, 5400.0)));
        assert_eq!(seconds("for two and a half hours"), Some((9000.0, 9000.0)));
        assert_eq!(seconds("for 1 hour and 30 minutes"), Some((5400.0, 5400.0)));
        assert_eq!(seconds("for one week three days"), Some((864000.0, 864000.0)));
        assert_eq!(seconds("all-day"), Some((86400.0, 86400.0)));
        assert_eq!(seconds("for a couple of days"), Some((172800.0, 172800.0)));
        assert_eq!(seconds("wait another business day"), Some((86400.0, 86400.0)));
    }

    /// What this matcher alone reads, for the cases it must leave to others.
    fn matched(text: &str) -> Option<(f64, f64)> {
        let rules = Rules::embedded().unwrap();
        let tokens = tokenize(text, 0, text.len());
        (0..tokens.len())
            .find_map(|i| match_duration(&tokens, text, &rules, i))
            .map(|m| (m.value.low().unwrap_or(f64::NAN), m.value.high().unwrap_or(f64::INFINITY)))
    }

    #[test]
    fn rates_and_plain_numbers_are_not_read_here() {
        assert_eq!(matched("it costs $5 a day"), None);
        assert_eq!(matched("twice a week"), None);
        assert_eq!(matched("all days are alike"), None);
        assert_eq!(matched("after a second quake"), None);
        assert_eq!(matched("three days a week"), None);
        // "10 hours" is measure's, with its counted noun.
        assert_eq!(matched("for 10 hours"), None);
    }

    #[test]
    fn calendar_parts_are_kept() {
        let rules = Rules::embedded().unwrap();
        let text = "2 years 1 month 21 days";
        let tokens = tokenize(text, 0, text.len());
        let d = read(&tokens, text, &rules, 0).unwrap();
        assert_eq!(d.calendar, Some(Calendar { years: 2, months: 1, days: 21, seconds: 0 }));
    }

    #[test]
    fn a_half_year_is_six_months_on_the_calendar() {
        let rules = Rules::embedded().unwrap();
        let calendar = |text: &str| read(&tokenize(text, 0, text.len()), text, &rules, 0).and_then(|d| d.calendar);
        assert_eq!(calendar("four and a half years"), Some(Calendar { years: 4, months: 6, days: 0, seconds: 0 }));
        assert_eq!(calendar("2 decades"), Some(Calendar { years: 20, months: 0, days: 0, seconds: 0 }));
        assert_eq!(calendar("1.3 years"), None);
    }
}
