//! Two claims in, what they are to each other out: the tests alignment asks of a pair of figures
//! (told of other places, dated alike, the same figure hedged differently, a whole and its part).

use rustc_hash::FxHashSet as HashSet;

use crate::claim::{Claim, Kind, Term};
use crate::compare::{self, Verdict};
use crate::extract::unanchored;
use crate::rules::Rules;

use super::Context;

/// Whether one of two figures is bounded from above only ("as many as 20", "up to 20") and the
/// other lies more than `FAR_INSIDE` times below its bound.
pub(super) fn far_inside_bound(x: &Claim, y: &Claim) -> bool {
    let far = |open: &Claim, other: &Claim| match (open.value.low(), open.value.high()) {
        (None, Some(bound)) => {
            let (a, b) = (bound.abs(), other.value.magnitude());
            a.min(b) > 0.0 && a.max(b) / a.min(b) > FAR_INSIDE
        }
        _ => false,
    };
    far(x, y) || far(y, x)
}

/// How many times below an upper bound a figure may lie and still be the bounded figure.
const FAR_INSIDE: f64 = 3.0;

/// Two figures attached to different named places ("killed in Bener Meriah", "killed in Aceh";
/// "south-west of Bandar Abbas", "from Tehran"): a district's toll and the total, or two distances,
/// not two accounts of one fact. Spelling variants ("Manokwari", "Manokwari's") are one place.
pub(super) fn other_places(x: &Claim, y: &Claim) -> bool {
    match (&x.subject.place, &y.subject.place) {
        (Some(a), Some(b)) => a != b && strsim::jaro_winkler(a, b) < 0.93,
        _ => false,
    }
}

/// For each place `members` are tied to, the first member tied to it: [`other_places`] reads a
/// claim's place alone, so these few stand for all the members when a claim is weighed against
/// a group of hundreds told in a few places.
pub(super) fn one_per_place(claims: &[Claim], members: &[usize]) -> Vec<usize> {
    let mut seen: HashSet<Term> = HashSet::default();
    members.iter().copied().filter(|&m| claims[m].subject.place.is_some_and(|p| seen.insert(p))).collect()
}

/// Whether two sole figures of one role may be one fact: told of the same circumstances (a place
/// one figure is attached to, the other's sentence names too: "22,000 refugees in Yida" and "the
/// Yida camp's 23,000"; a figure dated by a weekday and one not may only agree, as a day's figure
/// differs from a running one), of the same things (narrowed alike:
/// "four hardest-hit villages" are a part of "five villages"), and near each other.
pub(super) fn sole_pair(cx: &Context, a: usize, b: usize) -> bool {
    let (x, y, rules) = (&cx.claims[a], &cx.claims[b], cx.rules);
    let (lo, hi) = nearest_ends(x, y);
    let ratio = rules.sole_ratio(x.kind);
    let placed = |p: &Claim, q: &Claim| {
        p.subject.place.is_none_or(|place| q.subject.weight_of(place) > 0.0 || of_one_place(cx, q, place))
    };
    placed(x, y)
        && placed(y, x)
        && (dated_alike(cx, x, y) || compare::relate(x, y, rules) != Verdict::Conflict)
        && x.subject.qualifiers == y.subject.qualifiers
        && x.subject.degree == y.subject.degree
        && (hi == 0.0 || (lo > 0.0 && hi / lo <= ratio))
}

/// The nearest ends of two figures' spans, smaller first: "eight" and "dozens" (24..99) lie three
/// times apart, not seven, as a writer saying "dozens" may mean two dozen. Overlapping or unbounded
/// spans fall back on their middles.
fn nearest_ends(x: &Claim, y: &Claim) -> (f64, f64) {
    let (p, q) = (x.value.magnitude(), y.value.magnitude());
    let (small, large) = if p <= q { (x, y) } else { (y, x) };
    match (small.value.high(), large.value.low()) {
        (Some(h), Some(l)) if h >= 0.0 && l > h => (h, l),
        _ => (p.min(q), p.max(q)),
    }
}

/// Whether a figure tied to no place comes from an outlet that names `place` (some figure of it
/// weighs the name) and ties no figure to another: its story is told of that one place ("police put
/// the march at 30,000" in an account of the Athens march), so its untied figure is of that place
/// too. An outlet that ties figures to two places (Athens' march and Salonika's) leaves it open.
fn of_one_place(cx: &Context, q: &Claim, place: Term) -> bool {
    let own = &cx.by_source[q.source as usize];
    q.subject.place.is_none()
        && own.iter().all(|&m| cx.claims[m].subject.place.is_none_or(|p| p == place))
        && own.iter().any(|&m| cx.claims[m].subject.weight_of(place) > 0.0)
}

/// The weekday a date claim with no calendar day names ("on Monday" in an undated source).
pub(super) fn named_weekday(c: &Claim) -> Option<u8> {
    let name = unanchored::weekday_of(c)?;
    unanchored::WEEKDAYS.iter().position(|w| *w == name).map(|d| d as u8)
}

/// Whether two figures are told of one weekday, or either of none: "Monday's protest" and
/// "Wednesday's" are two things.
pub(super) fn same_weekday(x: &Claim, y: &Claim) -> bool {
    x.subject.weekday.is_none() || y.subject.weekday.is_none() || x.subject.weekday == y.subject.weekday
}

/// Whether two figures are dated alike: both or neither by a weekday, or one by a weekday that
/// the other's source names too ("the Sunday quakes damaged seven bridges" and an outlet telling
/// of Sunday's quake: "damaged 8 bridges"), not a day the other's source never mentions ("46
/// arrested Wednesday night" and "over 50 arrests over four nights").
pub(super) fn dated_alike(cx: &Context, x: &Claim, y: &Claim) -> bool {
    let names = |source: u32, day: u8| cx.days[source as usize] & (1 << day) != 0;
    match (x.subject.weekday, y.subject.weekday) {
        (Some(_), Some(_)) | (None, None) => true,
        (Some(day), None) => names(y.source, day),
        (None, Some(day)) => names(x.source, day),
    }
}

/// Whether one figure is dated by a weekday and the other, undated, comes from a source that names
/// another weekday too ("Monday's quake was the second; earlier on Sunday a 5.6 quake jolted the
/// island"): the undated one may be of that other day, so the two differing is no dispute.
pub(super) fn of_other_days(cx: &Context, x: &Claim, y: &Claim) -> bool {
    let others = |source: u32, day: u8| cx.days[source as usize] & !(1 << day) != 0;
    match (x.subject.weekday, y.subject.weekday) {
        (Some(day), None) => others(y.source, day),
        (None, Some(day)) => others(x.source, day),
        _ => false,
    }
}

/// Whether two counts count two different things that neither's sentence names ("three outboard
/// motors" and "three rifles"): such a pair joins only when its own sentences are somewhat alike
/// (`threshold_bare`), never merely because each is like some third figure ("seized three outboard
/// motors and rifles"), since small figures of the many things of one story recur.
pub(super) fn unnamed_other_nouns(cx: &Context, a: usize, b: usize) -> bool {
    let (x, y) = (&cx.claims[a], &cx.claims[b]);
    let (ra, rb) = (cx.roles[a].1, cx.roles[b].1);
    cx.roles[a].0 == Kind::Count
        && cx.roles[b].0 == Kind::Count
        && ra != rb
        && !ra.is_empty()
        && !rb.is_empty()
        && y.subject.weight_of(ra) == 0.0
        && x.subject.weight_of(rb) == 0.0
}

/// Whether two counts of none are of a whole and its part ("no casualties", "no one was killed":
/// `covers` in rules/aliases.toml).
pub(super) fn none_of_either(x: &Claim, y: &Claim, ra: &str, rb: &str, rules: &Rules) -> bool {
    let none = |c: &Claim| c.nominal.low() == Some(0.0) && c.nominal.high() == Some(0.0);
    let covers = |whole: &str, part: &str| rules.covers.contains(&(whole.to_string(), part.to_string()));
    none(x) && none(y) && (covers(ra, rb) || covers(rb, ra))
}

/// Whether one figure is told as an addition ("an additional four") and the other plainly, with
/// no word narrowing it ("four").
pub(super) fn addition_told_plainly(x: &Claim, y: &Claim, rules: &Rules) -> bool {
    let only_added = |c: &Claim| {
        c.subject.qualifiers.len() == 1 && rules.added.first().is_some_and(|a| c.subject.qualifiers[0] == *a)
    };
    (only_added(x) && y.subject.qualifiers.is_empty()) || (only_added(y) && x.subject.qualifiers.is_empty())
}

/// Whether two figures are the very same number hedged differently ("10" and "at least 10", "about
/// 10"): one's exact value is a bound or the centre of the other.
pub(super) fn same_figure_hedged(x: &Claim, y: &Claim) -> bool {
    let hedged = |exact: &Claim, other: &Claim| {
        exact.nominal.is_exact()
            && exact.nominal.low().is_some_and(|v| [other.nominal.low(), other.nominal.high()].contains(&Some(v)))
    };
    hedged(x, y) || hedged(y, x)
}
