//! A weekday or a clock time in a source that has no reference date (none of its own, none lent)
//! in, a claim of what it says without a calendar day out: "Sunday", "9:27 a.m.".
//!
//! Without a reference date a weekday cannot be placed in a week, and a time of day cannot be put
//! on a day, yet several outlets saying "the quake struck Sunday at 9:27 a.m." agree on something
//! an editor wants checked. Such a claim keeps what was written in its unit (`weekday:sunday`,
//! `clock:09:27`) and leaves its value unbounded (`null` bounds in JSON): weekdays are only
//! compared within one unit, so two "Sunday"s agree and a "Sunday" is never set against a
//! "Saturday" or a dated claim. That gives up finding a conflict between two weekdays, which
//! without the week could be a false one. Times of day meet each other, never a dated claim, and
//! are weighed by their clocks. A hedged time ("about 9:30 a.m.") keeps its clock and its hedge.
//! Weekdays read with a direction ("last Saturday") or outside a plain date ("since Sunday") are
//! left out.

use super::date::{DateExpr, DateMatch, TimeMatch};
use super::lexer::Token;
use super::span_of;
use super::subject::Terms;
use crate::claim::{Claim, DatePrecision, Hedge, Interval, Kind, Rule, Span, Subject, Term};
use crate::rules::Rules;

/// The rule of a claim made here.
pub const RULE: Rule = Rule::Unanchored;

/// The unit prefix of a weekday claim made here (`weekday:sunday`).
pub const WEEKDAY: &str = "weekday:";

/// The unit prefix of a time-of-day claim made here (`clock:09:27`).
pub const CLOCK: &str = "clock:";

/// The clock a time of day made here was written with ("09:27"), when `c` is one.
pub fn clock_of(c: &Claim) -> Option<&str> {
    // The kind first: alignment asks this of millions of pairs, and most are no dates.
    (c.kind == Kind::Date).then(|| c.unit.strip_prefix(CLOCK)).flatten()
}

/// The weekday a weekday claim made here names ("sunday"), when `c` is one.
pub fn weekday_of(c: &Claim) -> Option<&str> {
    (c.kind == Kind::Date).then(|| c.unit.strip_prefix(WEEKDAY)).flatten()
}

/// The weekdays' names, Monday first, as `mark_days` and the weekday claims here read them.
pub(crate) const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The weekday of `m` as a claim without a day, when `m` is a plain weekday ("on Sunday").
pub fn weekday(m: &DateMatch, tokens: &[Token], rules: &Rules, terms: &Terms, index: u32) -> Option<Claim> {
    let DateExpr::Weekday { weekday, direction: 0 } = m.expr else { return None };
    if m.hedge != Hedge::Period {
        return None;
    }
    let name = WEEKDAYS.get(usize::try_from(weekday).ok()?.checked_sub(1)?)?;
    let subject = terms.subject(tokens, rules, m.start, m.end, None);
    Some(claim(span_of(tokens, m.start, m.end), format!("{WEEKDAY}{name}"), DatePrecision::Day, subject, index))
}

/// The time of `t` as a claim without a day. A hedged time ("about 9:30 a.m.") keeps the clock it
/// was written with and its hedge; `compare` weighs two clocks by their minutes as if on one day
/// ("9:27 a.m." lies within "about 9:30 a.m."), and the aligner sets them side by side.
pub fn clock(t: &TimeMatch, tokens: &[Token], rules: &Rules, terms: &Terms, index: u32) -> Option<Claim> {
    let minutes = t.minutes?.round() as i64;
    let unit = format!("{CLOCK}{:02}:{:02}", minutes / 60, minutes % 60);
    let subject = terms.subject(tokens, rules, t.start, t.end, None);
    let mut claim = claim(span_of(tokens, t.start, t.end), unit, DatePrecision::Minute, subject, index);
    if t.approx {
        claim.hedge = Hedge::Approx;
    }
    Some(claim)
}

/// A claim of `unit` on no calendar day.
pub(super) fn claim(span: Span, unit: String, precision: DatePrecision, subject: Subject, index: u32) -> Claim {
    let unknown = Interval::new(None, None);
    Claim {
        source: index,
        span,
        kind: Kind::Date,
        value: unknown,
        nominal: unknown,
        written: None,
        written_unit: Term::none(),
        hedge: Hedge::Period,
        unit: Term::new(&unit),
        subject,
        precision: Some(precision),
        rule: RULE,
    }
}

/// The weekday unit `days` days from weekday unit `unit` ("weekday:saturday", -1: "weekday:friday").
pub(super) fn weekday_beside(unit: &str, days: i8) -> Option<String> {
    let name = unit.strip_prefix(WEEKDAY)?;
    let at = WEEKDAYS.iter().position(|w| *w == name)? as i64;
    Some(format!("{WEEKDAY}{}", WEEKDAYS[(at + i64::from(days)).rem_euclid(7) as usize]))
}

/// How a claim made here reads: "Sunday (week unknown)", "09:27 (day unknown)"; `None` for any
/// other unit.
pub fn describe(unit: &str) -> Option<String> {
    if let Some(day) = unit.strip_prefix(WEEKDAY) {
        let mut name = day.to_string();
        if let Some(first) = name.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        return Some(format!("{name} (week unknown)"));
    }
    unit.strip_prefix(CLOCK).map(|clock| format!("{clock} (day unknown)"))
}

#[cfg(test)]
pub(super) mod tests {
    use crate::claim::Kind;
    use crate::extract::extract;
    use crate::rules::Rules;
    use crate::source::Source;

    /// The date claims of `text`: what they quote, their unit and how their value reads.
    pub(in crate::extract) fn claims(text: &str) -> Vec<(String, String, String)> {
        let rules = Rules::embedded().unwrap();
        let mut warnings = Vec::new();
        let source = Source::new("a", text.into(), &mut warnings);
        let e = extract(&source, 0, &rules);
        e.claims
            .iter()
            .filter(|c| c.kind == Kind::Date)
            .map(|c| (text[c.span.range()].to_string(), c.unit.to_string(), c.value_text()))
            .collect()
    }

    #[test]
    fn undated_weekdays_and_clocks_keep_what_was_written() {
        let got =
            claims("The quake struck at 9:27 a.m. Sunday. Officials said Saturday it was felt at about 9:30 a.m.");
        let want = [
            ("9:27 a.m.", "clock:09:27", "09:27 (day unknown)"),
            ("Sunday", "weekday:sunday", "Sunday (week unknown)"),
            ("Saturday", "weekday:saturday", "Saturday (week unknown)"),
            ("about 9:30 a.m.", "clock:09:30", "~09:30 (day unknown)"),
        ];
        let want: Vec<(String, String, String)> =
            want.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_dated_source_resolves_its_weekdays_instead() {
        let got = claims("---\ndate: 2025-07-13\n---\nThe quake struck Sunday.\n");
        assert_eq!(got, [("Sunday".to_string(), "day".to_string(), "2025-07-13".to_string())]);
        assert!(claims("It has rained since Sunday and will until last Saturday.").is_empty());
    }
}
