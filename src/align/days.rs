//! Groups of one block and the claims left on their own in, the groups some of those claims join
//! out: a story's day, told alike by several outlets, is one fact, and another mention of that very
//! day, worded too differently to be grouped on its sentence, is most likely that day told again.

use rustc_hash::FxHashMap as HashMap;

use crate::claim::{Claim, DatePrecision, Hedge, Kind};
use crate::compare::{self, Verdict};

use super::clusters::alone;
use super::{most_told, source_count, Context, Ground};

/// For each date left on its own, the group it joins, if any: the group of dates that agree, at the
/// same precision, told by at least `day_sources` sources and by more sources than any other
/// group giving that date (a statement made on the day of the event is another fact, and its
/// group, told by fewer, is left alone), where the date agrees with each member at its precision
/// and shares some words with one, from a source the group does not hold yet: an outlet that
/// already told the day there and names it again in other words most often dates something else
/// that day (a statement, a vote), and joins only where it names the day's event again
/// (`names_the_days_event`) or names it by its day as a possessive ("Wednesday's violence").
/// Earlier events mentioned in passing, and statements dated by their publishing ("released
/// Nov. 10"), never join. Each join comes with its ground, for the report.
/// `names` are the block's clusters' names, ascending (`Clusters::names`).
pub(super) fn day_targets(
    cx: &Context,
    clusters: &HashMap<usize, Vec<usize>>,
    names: &[usize],
) -> Vec<(usize, usize, Ground)> {
    let (claims, rules) = (cx.claims, cx.rules);
    // Groups of one date: the group, a member and how many sources tell it.
    let mut days: Vec<(usize, usize, usize)> = Vec::new();
    for &k in names {
        let members = &clusters[&k];
        let first = &claims[members[0]];
        let alike = members.iter().all(|&m| {
            let y = &claims[m];
            y.kind == Kind::Date
                && !y.subject.past
                && y.precision == first.precision
                && compare::relate(first, y, rules) == Verdict::Agree
        });
        let sources = source_count(claims, members);
        if alike && sources >= rules.day_sources.max(2) {
            days.push((sources, k, members[0]));
        }
    }
    let mut out = Vec::new();
    for o in alone(clusters, names) {
        let x = &claims[o];
        // A statement's date ("released Nov. 10") is the day it was published, not the story's.
        if x.kind != Kind::Date || x.subject.past || x.subject.statement {
            continue;
        }
        let told: Vec<(usize, usize)> = days
            .iter()
            .filter(|&&(_, _, m)| {
                claims[m].precision == x.precision && compare::relate(&claims[m], x, rules) == Verdict::Agree
            })
            .map(|&(n, t, _)| (n, t))
            .collect();
        if told.is_empty() {
            if let Some(t) = loosely_told_time(cx, clusters, &days, o) {
                out.push((o, t, Ground::Day { sources: source_count(claims, &clusters[&t]) + 1 }));
            }
            continue;
        }
        if let Some(t) = most_told(told) {
            let worded = clusters[&t].iter().any(|&m| cx.vectors.mutual(o, m) > 0.0);
            let new_source = clusters[&t].iter().all(|&m| claims[m].source != x.source);
            let again = x.subject.possessive || names_the_days_event(cx, o, &clusters[&t]);
            if worded && (new_source || again) {
                out.push((o, t, Ground::Day { sources: source_count(claims, &clusters[&t]) + 1 }));
            }
        }
    }
    out
}

/// The group of one time of day, as `days` lists them (sources, group, a member), that the hedged
/// time `o` holds ("shortly after 2:09 a.m." beside five outlets' "2:09 a.m."), from a source the
/// group does not hold and sharing some words with a member: the story's time told loosely. Only
/// the group most sources tell takes it.
fn loosely_told_time(
    cx: &Context,
    clusters: &HashMap<usize, Vec<usize>>,
    days: &[(usize, usize, usize)],
    o: usize,
) -> Option<usize> {
    let (claims, rules) = (cx.claims, cx.rules);
    let x = &claims[o];
    if x.precision != Some(DatePrecision::Minute) || x.hedge != Hedge::Approx {
        return None;
    }
    let holds = |y: &Claim| match (x.value.low(), x.value.high(), y.value.low(), y.value.high()) {
        (Some(a), Some(b), Some(c), Some(d)) => a <= c && d <= b,
        _ => false,
    };
    let told: Vec<(usize, usize)> = days
        .iter()
        .filter(|&&(_, t, m)| {
            let y = &claims[m];
            y.precision == x.precision
                && y.hedge != Hedge::Approx
                && holds(y)
                && compare::relate(y, x, rules) == Verdict::Compatible
                && clusters[&t].iter().all(|&m| claims[m].source != x.source)
                && clusters[&t].iter().any(|&m| cx.vectors.mutual(o, m) > 0.0)
        })
        .map(|&(n, t, _)| (n, t))
        .collect();
    most_told(told)
}

/// Whether a date from a source the group holds already names the very thing the group's day is
/// the day of: a word right beside it is a word right beside the day in another outlet's account
/// ("the aftermath of Sunday's quakes" beside "a quake struck on Sunday"). A statement or a call
/// made that day ("told Parliament on Wednesday") names something else, and stays apart.
fn names_the_days_event(cx: &Context, o: usize, group: &[usize]) -> bool {
    let x = &cx.claims[o];
    x.subject.terms.iter().filter(|t| t.1 >= NEAR_WEIGHT).any(|(w, _)| {
        group.iter().any(|&m| cx.claims[m].source != x.source && cx.claims[m].subject.weight_of(*w) >= NEAR_WEIGHT)
    })
}

/// Least subject weight of a word standing right beside its figure (see `extract::subject`).
const NEAR_WEIGHT: f32 = 0.6;

#[cfg(test)]
mod tests {
    use crate::align::tests::report;

    #[test]
    fn another_outlets_mention_of_the_storys_day_joins_the_day_others_tell() {
        let r = report(&[
            "The earthquake struck the island on Sunday, killing ten people in the villages.",
            "On Sunday the earthquake hit the island, and ten people died in the villages.",
            "The island's villages were shaken by the earthquake on Sunday; ten are dead.",
            "Rescue teams carrying tents, blankets, medicine and food for survivors arrived by helicopter and boat from the mainland port on Sunday, officials said, after the earthquake.",
        ]);
        let day = r.groups.iter().find(|g| g.why.contains("Sunday")).expect("a group of the day");
        assert_eq!(day.mentions.len(), 4, "{:?}", day.mentions);
        assert!(day.why.contains("a day 4 sources tell alike"), "{}", day.why);
    }

    #[test]
    fn an_outlet_naming_its_storys_day_again_joins_only_with_the_storys_event() {
        let story = [
            "The earthquake struck the island on Sunday, killing ten people in the villages.",
            "On Sunday the earthquake hit the island, and ten people died in the villages.",
            "The island's villages were shaken by the earthquake on Sunday; ten are dead.",
        ];
        let day_of = |extra: &str| {
            let texts = [story[0], story[1], &format!("{} {extra}", story[2])];
            let r = report(&texts);
            r.groups.iter().filter(|g| g.why.contains("Sunday")).map(|g| g.mentions.len()).max().unwrap_or(0)
        };
        let again = "Thousands of islanders fled to the hills in the aftermath of Sunday's earthquake, officials said.";
        let other = "In the capital, the prime minister told parliament on Sunday that taxes would rise.";
        assert_eq!(day_of(again), 4);
        assert_eq!(day_of(other), 3);
        // A possessive names the story's event by its day, whatever noun it uses for it.
        let possessive = "Many said Sunday's violence was the worst they remembered.";
        assert_eq!(day_of(possessive), 4);
    }

    #[test]
    fn a_statement_dated_by_its_publishing_never_joins_the_storys_day() {
        let dated = |body: &str| format!("---\ndate: 2011-11-12\n---\n{body}\n");
        let texts = [
            dated("Warplanes bombed the refugee camp on Thursday, Nov. 10, officials said."),
            dated("The refugee camp was bombed Thursday by warplanes, officials said."),
            dated("Warplanes bombed the camp Thursday. In a press statement released Nov. 10, the White House condemned the bombing of the camp."),
        ];
        let r = report(&texts);
        let day = r.groups.iter().find(|g| g.why.contains("2011-11-10")).expect("a group of the day");
        let statement = |m: &crate::report::Mention| &*m.path == "a2.txt" && m.text().contains("Nov");
        assert_eq!(day.mentions.len(), 3, "{:?}", day.mentions);
        assert!(!day.mentions.iter().any(statement), "{:?}", day.mentions);
    }

    #[test]
    fn a_time_told_loosely_joins_the_time_others_tell_as_compatible() {
        let dated = |body: &str| format!("---\ndate: 2013-03-14\n---\n{body}\n");
        let texts = [
            dated("The earthquake struck at 2:09 a.m. near the geysers, the survey said."),
            dated("A magnitude 4.6 earthquake hit the geysers at 2:09 a.m., the survey said."),
            dated("Residents near the geysers felt the earthquake at 2:09 a.m. on Thursday."),
            dated("Officials say the earthquake near the geysers began shortly after 2:09 am PST."),
        ];
        let r = report(&texts);
        let time = r.groups.iter().find(|g| g.why.contains("02:09")).expect("a group of the time");
        assert_eq!(time.mentions.len(), 4, "{:?}", time.mentions);
        assert_eq!(time.verdict, crate::compare::Verdict::Compatible, "{}", time.why);
    }
}
