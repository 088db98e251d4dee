//! The data model shared by every stage: a `Claim` is one number or date found in one source,
//! with its evidence (byte span), its value as an inclusive interval, and the subject it speaks of.

use std::fmt;

use serde::Serialize;

pub use interval::Interval;
pub(crate) use shared::{hash_of_terms, terms_alike};
pub use shared::{SharedTerms, WeightedTerms};
pub use term::Term;
pub(crate) use term::{first_slot, short_key, short_key_in, Interner, Known, SHORT};

mod interval;
mod shared;
mod term;

/// A half-open byte range `start..end` into `Source::text`. Four bytes an offset, as a source's
/// text is at most [`MAX_SOURCE_BYTES`](crate::source::MAX_SOURCE_BYTES) long (`Source::new`
/// reads no longer one): every claim holds a span, and a pile's claims are hundreds of thousands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the span.
    start: u32,
    /// One past the last byte of the span.
    end: u32,
}

impl Span {
    /// A span from `start` to `end`, offsets into a source's text.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end && end as u64 <= crate::source::MAX_SOURCE_BYTES);
        Span { start: start as u32, end: end as u32 }
    }

    /// First byte of the span.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// One past the last byte of the span.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The span's bytes as a range, to slice the text with.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What sort of value a claim states; claims of different kinds are never compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A number of people or things ("11,000 soldiers", "24 dead").
    Count,
    /// A day, month, year or a span of them ("July 12, 2025", "start of July").
    Date,
    /// A length of time ("three-day visit", "for 18 months"); values in seconds.
    Duration,
    /// A sum of money in one currency; values in units of that currency.
    Money,
    /// A percentage ("15%", "15 percent"); values in percent.
    Percent,
    /// A measured quantity with a physical unit ("6.1-magnitude", "10 km"); values in the base unit.
    Quantity,
}

impl Kind {
    /// The lower-case name used in reports and rules.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Quantity => "quantity",
        }
    }

    /// Parses the lower-case name used in reports and rules.
    pub fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "count" => Kind::Count,
            "date" => Kind::Date,
            "duration" => Kind::Duration,
            "money" => Kind::Money,
            "percent" => Kind::Percent,
            "quantity" => Kind::Quantity,
            _ => return None,
        })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Minutes in a day: a date is a day number, and a time of day its fraction.
pub const MINUTES_A_DAY: f64 = 1440.0;

/// How a source qualified its number; kept so the report can show "~11,000" or ">10,000".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// Stated plainly ("11,000").
    Exact,
    /// "around", "about", "some", "an estimated".
    Approx,
    /// "nearly", "almost", "just under": a little below.
    Nearly,
    /// "over", "more than": strictly above.
    MoreThan,
    /// "at least", "no fewer than", "or more".
    AtLeast,
    /// "up to", "at most", "as many as".
    AtMost,
    /// "fewer than", "less than", "under".
    LessThan,
    /// "25,000-30,000", "between 20 and 30".
    Range,
    /// "dozens", "hundreds", "high triple-digit".
    Vague,
    /// A date or period whose bounds come from its own precision ("July", "start of July").
    Period,
    /// "since October", "after 2020": from a point onwards.
    Since,
    /// "by late July", "before 2020": up to a point.
    Until,
}

/// The precision at which a date was written, so dates are compared at the precision each source gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// A time of day, to the minute ("7:48 a.m.", "about 3 p.m.").
    Minute,
    /// A single day.
    Day,
    /// Part of a month or a week ("start of July", "last week").
    Part,
    /// A whole month.
    Month,
    /// A season or a quarter.
    Season,
    /// A whole year or several.
    Year,
}

/// The rule that produced a claim (for `extract` output and debugging), by its name: one byte
/// rather than a string's two words, as claims are many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A number of people or things.
    Count,
    /// A vague number ("dozens", "hundreds").
    Vague,
    /// A sum of money.
    Money,
    /// A percentage.
    Percent,
    /// A measured quantity.
    Quantity,
    /// A length of time.
    Duration,
    /// A calendar date.
    Date,
    /// A date read forward because its clause is in the future tense ("I'll go back on Friday").
    DateFuture,
    /// A time of day on a known day.
    Time,
    /// A weekday or time of day with no day to anchor it (`extract::unanchored`).
    Unanchored,
}

impl Rule {
    /// The name shown in `extract` output.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Count => "count",
            Rule::Vague => "vague",
            Rule::Money => "money",
            Rule::Percent => "percent",
            Rule::Quantity => "quantity",
            Rule::Duration => "duration",
            Rule::Date => "date",
            Rule::DateFuture => "date-future",
            Rule::Time => "time",
            Rule::Unanchored => "unanchored",
        }
    }
}

/// As its name.
impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// One number or date found in one source, with its evidence.
///
/// A pile of 10,000 sources holds some 180,000 claims, all alive until the report is made: its
/// fields are kept small (four-byte ids and offsets, the rule a one-byte name), see the
/// test `a_claim_stays_small`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Index of the source in `Corpus::sources`; four bytes, as no corpus holds four billion.
    pub source: u32,
    /// The bytes of the source that state the claim, hedge and unit included.
    pub span: Span,
    /// What sort of value it is.
    pub kind: Kind,
    /// The value as an inclusive interval, after hedges and units are applied.
    pub value: Interval,
    /// The value as written, before a hedge widened it (for display: "~11,000" shows 11,000).
    pub nominal: Interval,
    /// How the number was qualified.
    pub hedge: Hedge,
    /// The canonical unit: the counted noun for counts ("soldier"), an ISO code for money, a base
    /// unit for quantities ("km", "magnitude"), "second" for durations, "day" for dates, "%".
    /// Interned: a pile's many claims name a few hundred units, so each holds a four-byte id.
    pub unit: Term,
    /// The canonical words saying what is counted or dated, most telling first, with weights.
    pub subject: Subject,
    /// For numbers, the number(s) as written (scale words applied, units not converted):
    /// `10` for "10 km", `75,000,000` for "$75 million".
    pub written: Option<Interval>,
    /// The unit as written, by its rule name ("km", "mile", "hour"); empty when none. Interned as
    /// `unit` is.
    pub written_unit: Term,
    /// For dates, the precision at which the source wrote it.
    pub precision: Option<DatePrecision>,
    /// The rule that produced the claim.
    pub rule: Rule,
}

/// How grave a harm a figure is told of, when its clause says (`Subject::degree`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Degree {
    /// No word of severity: the figure may be the whole toll.
    #[default]
    Unsaid,
    /// "Slightly", "minor injuries": the lightly hurt.
    Mild,
    /// "Seriously", "severely", "critically": the gravely hurt.
    Grave,
}

/// The words that say what a claim counts or dates: head noun, modifiers, nearby entities.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Subject {
    /// Canonical terms (lower-case, singular, aliases resolved) with a weight each, the heaviest
    /// first. Interned: a pile holds millions of them, of a few thousand words. Shared: claims
    /// whose terms are alike (outlets printing one wire story) hold one list ([`SharedTerms`]).
    pub terms: WeightedTerms,
    /// The claim's sentence dates it well before its source's own date: it speaks of an earlier
    /// event mentioned in passing ("In 2004 a tsunami killed 170,000"), which alignment must not
    /// set against the story's own figures.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub past: bool,
    /// The named place or body the figure is attached to by a preposition right after it ("24
    /// killed in Bener Meriah", "35 miles south-west of Bandar Abbas"): two figures attached to
    /// different places are about different things, whatever else their sentences share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Term>,
    /// The weekday (0 = Monday) the claim's sentence names ("a tank killed four of them on
    /// Monday"), when it names one: figures of two different days are about different things
    /// (Monday's and Wednesday's protest), however alike their words.
    #[serde(skip)]
    pub weekday: Option<u8>,
    /// The words of the figure itself that narrow what it counts to a part ("12 worst-hit
    /// villages", "two other buildings"), as written: "four hardest-hit villages" are a part of
    /// "five villages", not another account of them.
    #[serde(skip)]
    pub qualifiers: Box<[Term]>,
    /// The figure counts occurrences, not things ("arrested four times"): it tells nothing of
    /// how many were arrested.
    #[serde(skip)]
    pub times: bool,
    /// The figure is told as a part of a whole ("five bombs were dropped, of which four
    /// exploded"; "23 pirates, 12 of them Somali"; "eight seriously injured"): its outlet tells it
    /// beside the whole, so it says nothing of the whole's value.
    #[serde(skip)]
    pub part: bool,
    /// The figure is told of the gravest degree of harm ("15 critically", "five of them in critical
    /// condition"): it counts the critically injured, a role of its own.
    #[serde(skip)]
    pub critical: bool,
    /// How grave a harm the figure's own clause tells of ("eight seriously injured", "261 got
    /// minor injuries"): the slightly and the seriously hurt are two parts of the injured, so
    /// figures of two degrees never dispute each other.
    #[serde(skip)]
    pub degree: Degree,
    /// The figure dates a published statement, by the verb of publishing right before it ("the
    /// statement released Nov. 10", "the report issued Wednesday"): the day it was published, not
    /// the day of what it tells of, so it is no account of the event's date.
    #[serde(skip)]
    pub statement: bool,
    /// The figure is written as a possessive ("Wednesday's violence", "Sunday's quake"): news
    /// names its story's event so, by the day it happened.
    #[serde(skip)]
    pub possessive: bool,
    /// The figure stands in its source's headline (`Source::headline`): a headline tells the
    /// story's main figure again, in fewer words than any sentence of the body.
    #[serde(skip)]
    pub headline: bool,
    /// The figure's sentence, or the one after it, says that accounts disagree ("Lang could not be
    /// reached for clarification on the conflicting reports"): its outlet tells it as one side of
    /// a dispute, so another value it tells of the same role is the other side, not another fact.
    #[serde(skip)]
    pub disputed: bool,
}

impl Subject {
    /// The subject's terms as one line of text, heaviest first, at most `n` terms.
    pub fn label(&self, n: usize) -> String {
        let words: Vec<&str> = self.terms.iter().take(n).map(|(t, _)| t.as_str()).collect();
        words.join(" ")
    }

    /// The weight of `term`, or 0 when absent. The word is looked up in the shared word table,
    /// under its lock: where it is already a `Term`, [`Subject::weight_of`] spares that.
    pub fn weight(&self, term: &str) -> f32 {
        Term::find(term).map_or(0.0, |term| self.weight_of(term))
    }

    /// The weight of `term`, or 0 when absent: integers compared, as alignment asks this of
    /// millions of pairs.
    pub fn weight_of(&self, term: Term) -> f32 {
        self.terms.iter().find(|(t, _)| *t == term).map_or(0.0, |(_, w)| *w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_stays_small() {
        // Every claim of a pile lives from extraction to the report: 180,000 of them in a pile of
        // 10,000 sources, 31.6 MB at 176 bytes each, 23 MB at 128. Each word added here costs such
        // a pile 1.4 MB; and at a power of two, finding claim `m` of a slice is one shift.
        assert!(std::mem::size_of::<Claim>() <= 128, "{}", std::mem::size_of::<Claim>());
    }

    #[test]
    fn kind_names_round_trip() {
        for kind in [Kind::Count, Kind::Date, Kind::Duration, Kind::Money, Kind::Percent, Kind::Quantity] {
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
        }
    }
}

/// Formats one number of a kind for reports: thousands separators, no float noise.
pub fn format_number(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let rounded = (x * 1e6).round() / 1e6;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let whole = abs.trunc();
    let mut digits = format!("{whole:.0}");
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    grouped = format!("{digits}{grouped}");
    let fraction = abs - whole;
    if fraction > 0.0 {
        let f = format!("{fraction:.6}");
        grouped.push_str(f.trim_start_matches('0').trim_end_matches('0'));
    }
    if negative {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// Formats one bound of a value of `kind` in `unit`.
pub fn format_bound(kind: Kind, unit: &str, x: f64) -> String {
    match kind {
        Kind::Date => format_date(x),
        Kind::Percent if unit == "%" => format!("{}%", format_number(x)),
        Kind::Duration => format_duration(x),
        _ => format_number(x),
    }
}

/// A day number as "2013-07-02", or with its time of day as "2013-07-02 07:48".
fn format_date(x: f64) -> String {
    let Some(day) = crate::extract::date::from_day_number(x.floor()) else { return format_number(x) };
    let minutes = ((x - x.floor()) * 1440.0).round() as i64;
    match minutes {
        0 => day.to_string(),
        // Rounding may reach midnight: that is the next day.
        1440.. => {
            crate::extract::date::from_day_number(x.floor() + 1.0).map_or_else(|| format_number(x), |d| d.to_string())
        }
        m => format!("{day} {:02}:{:02}", m / 60, m % 60),
    }
}

fn format_duration(seconds: f64) -> String {
    const UNITS: [(&str, f64); 6] = [
        ("year", 31_536_000.0),
        ("month", 2_592_000.0),
        ("week", 604_800.0),
        ("day", 86_400.0),
        ("hour", 3_600.0),
        ("minute", 60.0),
    ];
    for (name, size) in UNITS {
        let n = seconds / size;
        if n >= 1.0 && (n * 2.0).fract() == 0.0 {
            let plural = if n == 1.0 { "" } else { "s" };
            return format!("{} {name}{plural}", format_number(n));
        }
    }
    format!("{} seconds", format_number(seconds))
}

/// Formats an interval of `kind` compactly: `11,000`, `25,000..30,000`, `10,001..`, `..30`, and dates
/// at their precision (`2024-06` for a whole month, `2024` for a whole year).
pub fn format_interval(kind: Kind, unit: &str, value: &Interval) -> String {
    if let Some(said) = crate::extract::unanchored::describe(unit).filter(|_| kind == Kind::Date) {
        return said;
    }
    if kind == Kind::Date {
        if let (Some(a), Some(b)) = (value.low(), value.high()) {
            if let Some(period) = date_period(a, b) {
                return period;
            }
        }
    }
    let bound = |x: f64| format_bound(kind, unit, x);
    match (value.low(), value.high()) {
        (Some(a), Some(b)) if a == b => bound(a),
        (Some(a), Some(b)) => format!("{}..{}", bound(a), bound(b)),
        (Some(a), None) => format!("{}..", bound(a)),
        (None, Some(b)) => format!("..{}", bound(b)),
        (None, None) => "any".into(),
    }
}

/// "2024-06" for a whole month, "2024" for a whole year, "2008..2011" for whole years.
fn date_period(a: f64, b: f64) -> Option<String> {
    use crate::extract::date::from_day_number;
    if a.fract() != 0.0 || b.fract() != 0.0 {
        return None;
    }
    let (first, last) = (from_day_number(a)?, from_day_number(b)?);
    if first.day() != 1 || last != last.last_of_month() {
        return None;
    }
    if first.month() == 1 && last.month() == 12 {
        return Some(if first.year() == last.year() {
            first.year().to_string()
        } else {
            format!("{}..{}", first.year(), last.year())
        });
    }
    if first.year() == last.year() && first.month() == last.month() {
        return Some(format!("{:04}-{:02}", first.year(), first.month()));
    }
    if first.year() == last.year() || last.year() == first.year() + 1 {
        return Some(format!("{:04}-{:02}..{:04}-{:02}", first.year(), first.month(), last.year(), last.month()));
    }
    None
}

impl Claim {
    /// The value as a reader would say it: `~11,000`, `>10,000`, `25,000..30,000`, `2025-07-12`.
    pub fn value_text(&self) -> String {
        let nominal = format_interval(self.kind, &self.unit, &self.nominal);
        let one = |x: Option<f64>| x.map_or_else(String::new, |x| format_bound(self.kind, &self.unit, x));
        let text = match self.hedge {
            Hedge::Exact | Hedge::Range | Hedge::Vague | Hedge::Period => nominal,
            Hedge::Approx => format!("~{nominal}"),
            Hedge::Nearly => format!("nearly {nominal}"),
            Hedge::MoreThan => format!(">{}", one(self.nominal.high())),
            Hedge::AtLeast => format!(">={}", one(self.nominal.low())),
            Hedge::AtMost => format!("<={}", one(self.nominal.high())),
            Hedge::LessThan => format!("<{}", one(self.nominal.low())),
            Hedge::Since => format!("since {nominal}"),
            Hedge::Until => format!("by {nominal}"),
        };
        match self.kind {
            Kind::Money => format!("{} {text}", self.unit),
            Kind::Quantity => format!("{text} {}", self.unit),
            Kind::Percent if self.unit != "%" => format!("{text} {}", self.unit),
            _ => text,
        }
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn numbers_and_intervals_format_for_people() {
        assert_eq!(format_number(11000.0), "11,000");
        assert_eq!(format_number(1234567.5), "1,234,567.5");
        assert_eq!(format_number(6.1), "6.1");
        assert_eq!(format_interval(Kind::Count, "", &Interval::new(Some(10001.0), None)), "10,001..");
        assert_eq!(format_interval(Kind::Duration, "second", &Interval::exact(259200.0)), "3 days");
        let june = Interval::between(19875.0, 19904.0);
        assert_eq!(format_interval(Kind::Date, "day", &june), "2024-06");
        let morning = 15888.0 + 468.0 / 1440.0;
        assert_eq!(format_interval(Kind::Date, "day", &Interval::exact(morning)), "2013-07-02 07:48");
        let hedged = Interval::exact(15888.0 + 900.0 / 1440.0).widened(15.0 / 1440.0);
        assert_eq!(format_interval(Kind::Date, "day", &hedged), "2013-07-02 14:45..2013-07-02 15:15");
    }
}
