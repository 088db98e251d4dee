//! Groups of one block and the claims left on their own in, the times of day that join as one
//! fact out: when several outlets each give one time of day on the story's day ("2:53 p.m. local
//! time", "approximately 3:00 pm", "3:20 p.m."), that is the time of the event told by each, and
//! where they differ by minutes, that is where the outlets disagree. Outlets with no dateline
//! ("at 3.45pm on Tuesday", "at about 3pm on Tuesday") are read alike, by the weekday named beside
//! each time.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::claim::{Claim, DatePrecision, Kind, Term, MINUTES_A_DAY};
use crate::compare::{self, Verdict};
use crate::rules::Rules;

use super::{source_count, Context, Ground};

/// Whether a claim is a time of day on a calendar day, of the story (not an earlier event), told
/// in local time: a time in universal time ("12:00 GMT") is never set against a local one, as
/// times are not converted between zones. A zone named beside the time, even in brackets after a
/// local time ("3 p.m. (1200 GMT)"), keeps it out.
///
/// `zones` are the rules' universal zones that some subject holds (`universal_zones`).
fn local_time(c: &Claim, zones: &[Term]) -> bool {
    c.kind == Kind::Date
        && c.precision == Some(DatePrecision::Minute)
        && !c.subject.past
        && at(c).is_some()
        && !zones.iter().any(|&z| c.subject.weight_of(z) >= ZONE_WEIGHT)
}

/// The rules' universal zones as interned words, looked up once per block rather than once per
/// time weighed: a zone no subject holds weighs nothing in any.
fn universal_zones(rules: &Rules) -> Vec<Term> {
    rules.universal_zones.iter().filter_map(|z| Term::find(z)).collect()
}

/// When a time of day is: its day, and its minutes past midnight. The day is the calendar day's
/// number, or for a time told without a calendar day ("3.45pm on Tuesday" in an undated source),
/// the weekday its sentence names, as a key below every day number; such a time naming no
/// weekday is on no day known.
fn at(c: &Claim) -> Option<(i64, f64)> {
    match (c.nominal.low(), compare::clock_minutes(c)) {
        (Some(x), _) => Some((x.floor() as i64, (x - x.floor()) * MINUTES_A_DAY)),
        (None, Some(minutes)) => c.subject.weekday.map(|w| (WEEKDAY_DAYS - i64::from(w), minutes)),
        (None, None) => None,
    }
}

/// The day key of weekday 0 (Monday) for times without a calendar day, far below any day number.
const WEEKDAY_DAYS: i64 = i64::MIN / 2;

/// For the times of day left on their own, the joins that make them one group: per calendar day
/// that at least two sources tell alike as a date (the story's day), or per weekday named beside
/// times without a calendar day, when every source giving a local time of that day gives exactly
/// one (its mentions all tell the same clock), at least `day_sources` sources do (two, for times
/// without a calendar day), and at most one group holds times of that day (local times of it
/// only, which the others join), those times, all within `MAX_SPREAD` minutes of each other and
/// each sharing some words with another, are one fact. Each join comes with its ground, for the
/// report. Reads the groups of one block once.
/// `names` are the block's clusters' names, ascending (`Clusters::names`).
pub(super) fn time_targets(
    cx: &Context,
    clusters: &HashMap<usize, Vec<usize>>,
    names: &[usize],
) -> Vec<(usize, usize, Ground)> {
    let (claims, rules) = (cx.claims, cx.rules);
    let zones = universal_zones(rules);
    let day_of = |c: &Claim| at(c).map_or(i64::MIN, |(day, _)| day);
    let minutes = |m: usize| at(&claims[m]).map_or(0.0, |(_, minutes)| minutes);
    // Days that a group of day dates from two sources tells alike.
    let mut told_days: Vec<i64> = Vec::new();
    // Per calendar day, the groups holding a time of it, and whether all their members are local
    // times of that day.
    let mut timed: BTreeMap<i64, Vec<(usize, bool)>> = BTreeMap::new();
    // Per calendar day and source, the local times of day the source gives, with their groups.
    let mut times: BTreeMap<(i64, u32), Vec<(usize, usize)>> = BTreeMap::new();
    for &k in names {
        let members = &clusters[&k];
        let first = &claims[members[0]];
        if members.len() > 1 && first.kind == Kind::Date && first.precision == Some(DatePrecision::Day) {
            let alike = members.iter().all(|&m| {
                let y = &claims[m];
                y.precision == first.precision && compare::relate(first, y, rules) == Verdict::Agree
            });
            if alike && source_count(claims, members) >= 2 {
                told_days.push(day_of(first));
            }
        }
        for &m in members {
            let y = &claims[m];
            if y.kind == Kind::Date && y.precision == Some(DatePrecision::Minute) && at(y).is_some() {
                if members.len() > 1 {
                    let pure =
                        members.iter().all(|&n| local_time(&claims[n], &zones) && day_of(&claims[n]) == day_of(y));
                    let list = timed.entry(day_of(y)).or_default();
                    if !list.contains(&(k, pure)) {
                        list.push((k, pure));
                    }
                }
                if local_time(y, &zones) {
                    times.entry((day_of(y), y.source)).or_default().push((m, k));
                }
            }
        }
    }
    // A day where some outlet gives two times (a timeline: "a first bomb at 3 p.m., a second at
    // 4 p.m.") holds several facts of that day, so none of its times is the story's time.
    let mut by_day: BTreeMap<i64, Vec<(usize, usize)>> = BTreeMap::new();
    let mut several: Vec<i64> = Vec::new();
    for (&(day, _), list) in &times {
        // Two times of one outlet tell one clock when they overlap, or, without calendar days,
        // when they read the same clock.
        let alike = |m: usize, n: usize| {
            let (x, y) = (&claims[m], &claims[n]);
            x.nominal.overlaps(&y.nominal) && (x.nominal.low().is_some() || x.unit == y.unit)
        };
        if list.iter().all(|&(m, _)| alike(m, list[0].0)) {
            by_day.entry(day).or_default().extend(list);
        } else {
            several.push(day);
        }
    }
    let mut out = Vec::new();
    for (day, members) in by_day {
        // At most one group of times of the day, of local times of it only: the one it joins.
        let group = match timed.get(&day).map(Vec::as_slice) {
            None => None,
            Some(&[(g, true)]) => Some(g),
            Some(_) => continue,
        };
        let alone: Vec<usize> = members.iter().filter(|&&(_, k)| clusters[&k].len() == 1).map(|&(m, _)| m).collect();
        let all: Vec<usize> = members
            .iter()
            .map(|&(m, _)| m)
            .chain(group.map_or(&[][..], |g| &clusters[&g][..]).iter().copied())
            .collect();
        let sources = source_count(claims, &all);
        let (low, high) =
            all.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &m| (l.min(minutes(m)), h.max(minutes(m))));
        // Times of the story's day join when `day_sources` outlets give one; times without a
        // calendar day are keyed by the weekday their own sentence names beside them ("3.45pm on
        // Tuesday"), which ties each to the day as a third outlet would, so two suffice.
        let needed = if day <= WEEKDAY_DAYS { 2 } else { rules.day_sources.max(2) };
        let worded = alone.iter().all(|&a| all.iter().any(|&b| a != b && cx.vectors.mutual(a, b) > 0.0));
        if several.contains(&day)
            // A weekday without its week is told alike by the outlets that name it.
            || (day > WEEKDAY_DAYS && !told_days.contains(&day))
            || sources < needed
            || high - low > MAX_SPREAD
            || !worded
        {
            continue;
        }
        let Some(&target) = group.as_ref().or(alone.first()) else { continue };
        out.extend(alone.iter().filter(|&&o| o != target).map(|&o| (o, target, Ground::Time { sources })));
    }
    out
}

/// Least subject weight of a zone word telling the time's own zone: right beside the time.
const ZONE_WEIGHT: f32 = 0.6;

/// The most minutes apart outlets' times of one event may lie: outlets differ by minutes, or round
/// to the hour, while two times an hour and a half apart are more likely two things of the day.
const MAX_SPREAD: f64 = 90.0;

#[cfg(test)]
mod tests {
    use crate::align::tests::report;
    use crate::compare::Verdict;
    use crate::report::Report;

    /// The report of three outlets' accounts of one bombing, each dated 2011-11-10 (a Thursday).
    fn report_of(bodies: [&str; 3]) -> Report {
        let texts = bodies.map(|body| format!("---\ndate: 2011-11-10\n---\n{body}\n"));
        report(&texts)
    }

    const LOCAL: &str =
        "A plane dropped bombs on the refugee camp on Thursday at 2:53 p.m. local time, aid workers said.";

    #[test]
    fn each_outlets_one_time_of_the_storys_day_is_one_fact_in_dispute() {
        let r = report_of([
            LOCAL,
            "The camp was bombed on Thursday at approximately 3:00 pm, the aid group said in a statement.",
            "Bombs fell on the refugee camp at 3:20 p.m. on Thursday, witnesses in the camp said.",
        ]);
        let time = r.groups.iter().find(|g| g.why.contains("times of day")).expect("a group of the time");
        assert_eq!(time.mentions.len(), 3, "{:?}", time.mentions);
        assert_eq!(time.verdict, Verdict::Conflict, "{}", time.why);
    }

    /// The report of two undated outlets' times of a school attack, the second on `day`.
    fn undated(day: &str) -> Report {
        report(&[
            "When the attack came on the girls school in the camp at 3.45pm on Tuesday, about 350 people were inside.",
            &format!("Three shells hit the girls school in the refugee camp at about 3pm on {day}, the agency said."),
        ])
    }

    #[test]
    fn two_undated_outlets_times_on_the_weekday_they_name_are_one_fact_in_dispute() {
        let r = undated("Tuesday");
        let time = r.groups.iter().find(|g| g.why.contains("times of day")).expect("a group of the time");
        assert_eq!(time.mentions.len(), 2, "{:?}", time.mentions);
        assert_eq!(time.verdict, Verdict::Conflict, "{}", time.why);
    }

    #[test]
    fn undated_times_on_two_weekdays_stay_apart() {
        let r = undated("Wednesday");
        assert!(r.groups.iter().all(|g| !g.why.contains("times of day")), "{:?}", r.groups);
    }

    #[test]
    fn a_time_in_universal_time_or_a_second_time_of_an_outlet_keeps_the_times_apart() {
        let r = report_of([
            LOCAL,
            "The camp was bombed on Thursday at about 12:00 GMT, the aid group said in a statement.",
            "Bombs fell on the refugee camp at 3:20 p.m. on Thursday and again at 4:10 p.m., witnesses said.",
        ]);
        assert!(r.groups.iter().all(|g| !g.why.contains("times of day")), "{:?}", r.groups);
    }
}
