//! Groups of one block in, the value camps of one fact merged out: when outlets disagree on a
//! figure ("four bombs were dropped" in three, "five bombs" in another), the outlets that agree
//! end in one group and those that give the other value in another, each alike within, so the
//! dispute itself is never shown. Two such camps of one role, told by different outlets, none of
//! which states both values as two facts, are one fact told two ways.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::claim::{Claim, Kind};
use crate::compare::{self, Verdict};

use super::clusters::Clusters;
use super::roles::Role;
use super::{other_places, same_weekday, vectors, Context, Ground};

/// The role every member of a group is a figure of, when they share one that names a thing
/// counted or measured (not a bare figure, a date, a span of time, a sum of money, a length,
/// which measure many things of one story), none of them of an earlier event, a count of
/// occurrences, a part ("another 20,000") or a count with decimals (a magnitude misread). A
/// figure told as a part of another ("of which four exploded") is no account of the camp's value
/// and is passed over.
fn camp_role<'a>(cx: &'a Context, members: &[usize]) -> Option<&'a Role> {
    let told: Vec<usize> = members.iter().copied().filter(|&m| !cx.claims[m].subject.part).collect();
    // None of a whole is none of its part ("no casualties", "no one was killed": `covers` in
    // rules/aliases.toml), so a count of none of a whole tells the part's camp its value.
    let of_role = |m: usize, role: &Role| {
        let c = &cx.claims[m];
        &cx.roles[m] == role
            || (cx.roles[m].0 == role.0
                && c.nominal.low() == Some(0.0)
                && c.nominal.high() == Some(0.0)
                && cx.rules.covers.contains(&(cx.roles[m].1.to_string(), role.1.to_string())))
    };
    let role = told
        .iter()
        .map(|&m| &cx.roles[m])
        .find(|r| told.iter().all(|&m| of_role(m, r)))
        .unwrap_or_else(|| told_role(cx, members));
    let eligible = !role.1.is_empty()
        && match role.0 {
            Kind::Count => true,
            Kind::Quantity => cx.rules.unit(&role.1).is_none_or(|u| u.dimension != "length"),
            _ => false,
        };
    let all = told.iter().all(|&m| {
        let c = &cx.claims[m];
        let whole = [c.nominal.low(), c.nominal.high()].iter().flatten().all(|x| x.fract() == 0.0);
        of_role(m, role)
            && !c.subject.past
            && !c.subject.times
            && c.subject.qualifiers.is_empty()
            && (role.0 != Kind::Count || whole)
    });
    (eligible && all).then_some(role)
}

/// The role of a group's first figure not told as a part of another, or of its first figure.
fn told_role<'a>(cx: &'a Context, members: &[usize]) -> &'a Role {
    let first = members.iter().copied().find(|&m| !cx.claims[m].subject.part).unwrap_or(members[0]);
    &cx.roles[first]
}

/// Whether two values of one role lie near enough to be two accounts of one figure: outlets
/// disagree by a few ("four bombs", "five bombs"; "5.9", "6.1"; "dozens", "hundreds"), not by
/// orders of magnitude, and "no one was killed" disputes any small toll. Judged on the nearest
/// ends of the two intervals, so a vague figure's width counts in its favour.
fn near(cx: &Context, x: &Claim, y: &Claim) -> bool {
    let (lower, upper) = if x.value.magnitude() <= y.value.magnitude() { (x, y) } else { (y, x) };
    let (Some(top), Some(bottom)) = (lower.value.high(), upper.value.low()) else {
        // An open end reaches the other value: the two overlap.
        return true;
    };
    let ratio = cx.rules.sole_ratio(x.kind);
    top <= 0.0 || bottom <= top * ratio
}

/// Whether a source of camp `own` also states, as a figure of the role outside the camp, a value
/// of camp `other`: then the two values are two facts to it ("five bombs were dropped, two
/// inside the camp"), not two accounts of one. Not a figure told as a part ("five bombs were
/// dropped, of which four exploded"): the other camp's plain "four bombs were dropped" is an
/// account of the whole. Reads each of `own`'s sources once.
fn states_other(cx: &Context, own: &[usize], other: &[usize]) -> bool {
    let role = told_role(cx, own);
    let mut camps: Vec<usize> = own.iter().chain(other).copied().collect();
    camps.sort_unstable();
    sources(cx, own).into_iter().any(|source| {
        cx.by_source[source as usize].iter().any(|&z| {
            &cx.roles[z] == role
                && !cx.claims[z].subject.past
                && !cx.claims[z].subject.part
                && camps.binary_search(&z).is_err()
                && other.iter().any(|&y| compare::relate(&cx.claims[z], &cx.claims[y], cx.rules) == Verdict::Agree)
        })
    })
}

/// The sources of `members`, ascending, once each, not counting a source for a figure it tells
/// as a part of another ("of which four exploded"): that is no account of the camp's value.
fn sources(cx: &Context, members: &[usize]) -> Vec<u32> {
    let mut out: Vec<u32> =
        members.iter().filter(|&&m| !cx.claims[m].subject.part).map(|&m| cx.claims[m].source).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether groups `a` and `b`, of one role, may be two camps of one fact: each told by two
/// sources at least that do not tell the other (a lone dissent is `sole`'s outlier); every pair
/// from two sources of the same circumstances (no two days, no two places), near each other; no
/// source stating the other camp's value as another figure of the role; and at least one pair
/// disjoint, since camps whose values overlap are joined on their words alone. An outlet in both
/// camps must tell one fact there (values that overlap, or one converted), except for a measure
/// of `one_value_dimensions`: one quake has one magnitude, so an outlet giving two reports the
/// dispute ("5.9, the US survey said; Iranian television put it at 6.1"), while a count or a
/// weight may be split into parts; and an outlet that says the accounts disagree
/// (`Subject::disputed`) tells both values as the dispute, and counts as a teller of each camp.
/// An outlet whose figures in one camp are bounds fitting every value of the other ("at least
/// five dead" beside others' "40", within `max_loose_ratio`) disputes nothing there: it tells
/// the other camp's value.
fn camps(cx: &Context, a: &[usize], b: &[usize]) -> bool {
    let (claims, rules) = (cx.claims, cx.rules);
    let (sa, sb) = (sources(cx, a), sources(cx, b));
    // An outlet that tells both values and says the accounts disagree (`Subject::disputed`)
    // reports the dispute: it tells each camp's value as an account of the fact.
    let disputing = |s: u32| {
        let said = |c: &[usize]| c.iter().any(|&m| claims[m].source == s && claims[m].subject.disputed);
        said(a) || said(b)
    };
    // An outlet in both camps whose figures in one are all loose enough to fit every value the
    // other camp's outlets give ("at least five dead" beside "40", "42", "more than 40") disputes
    // nothing there: it tells the other camp's value, as its own precise figure says.
    let loose_in = |s: u32, camp: &[usize], against: &[usize]| {
        camp.iter().filter(|&&m| claims[m].source == s && !claims[m].subject.part).all(|&m| {
            against.iter().filter(|&&y| claims[y].source != s && !claims[y].subject.part).all(|&y| {
                let (u, v) = (claims[m].nominal.magnitude(), claims[y].nominal.magnitude());
                claims[m].value.overlaps(&claims[y].value) && u.max(v) <= u.min(v) * rules.max_loose_ratio
            })
        })
    };
    // Each outlet in both camps, with whether its figures in `a`, and in `b`, are loose against
    // the other camp: read once an outlet, as the pairs below ask it of every pair of its own.
    let both: Vec<(u32, bool, bool)> = sa
        .iter()
        .copied()
        .filter(|s| sb.binary_search(s).is_ok())
        .map(|s| (s, loose_in(s, a, b), loose_in(s, b, a)))
        .collect();
    let loose = |s: u32| both.binary_search_by_key(&s, |&(t, _, _)| t).ok().map(|k| (both[k].1, both[k].2));
    let own = |s: &[u32], t: &[u32], in_a: bool| {
        let loose_in_other = |x: u32| loose(x).is_some_and(|(of_a, of_b)| if in_a { of_b } else { of_a });
        s.iter().filter(|&&x| t.binary_search(&x).is_err() || disputing(x) || loose_in_other(x)).count()
    };
    if own(&sa, &sb, true) < 2 || own(&sb, &sa, false) < 2 {
        return false;
    }
    let role = told_role(cx, a);
    let one_value = role.0 == Kind::Quantity
        && rules.unit(&role.1).is_some_and(|u| rules.one_value_dimensions.contains(&u.dimension));
    let mut disjoint = false;
    for &x in a {
        for &y in b {
            let (p, q) = (&claims[x], &claims[y]);
            if p.source == q.source {
                if !(one_value
                    || p.subject.disputed
                    || q.subject.disputed
                    || p.subject.part
                    || q.subject.part
                    || compare::one_figure(p, q, rules)
                    || loose(p.source).is_some_and(|(of_a, of_b)| of_a || of_b))
                {
                    return false;
                }
                continue;
            }
            if !same_weekday(p, q) || !near(cx, p, q) || other_places(p, q) {
                return false;
            }
            disjoint |= compare::relate(p, q, rules) == Verdict::Conflict;
        }
    }
    disjoint && !states_other(cx, a, b) && !states_other(cx, b, a)
}

/// Merges the value camps of one role among `clusters` (keyed by a member), most alike first, and records each merge in `grounds`. Only groups that
/// `linked` links (pairs of claims whose sentences share words) and whose pooled words are at
/// least `threshold_camps` alike are weighed, so the cost follows the scored pairs, not the
/// square of the groups.
pub(super) fn merge_camps(
    cx: &Context,
    clusters: &mut Clusters,
    grounds: &mut HashMap<usize, Vec<Ground>>,
    linked: impl Iterator<Item = (usize, usize)>,
) {
    // The groups that may be camps: of one role, told by two sources at least.
    let mut eligible: HashMap<usize, &Role> = HashMap::default();
    for (&k, members) in clusters.all().iter() {
        if let Some(role) = camp_role(cx, members).filter(|_| sources(cx, members).len() >= 2) {
            eligible.insert(k, role);
        }
    }
    let mut pairs: HashSet<(usize, usize)> = HashSet::default();
    for (a, b) in linked {
        let (p, q) = (clusters.of(a), clusters.of(b));
        if p != q && eligible.contains_key(&p) && eligible.get(&p) == eligible.get(&q) {
            pairs.insert((p.min(q), p.max(q)));
        }
    }
    let mut pairs: Vec<(usize, usize)> = pairs.into_iter().collect();
    pairs.sort_unstable();
    let mut pooled = vectors::PooledCache::default();
    let mut ranked: Vec<(f32, usize, usize)> = Vec::new();
    for (p, q) in pairs {
        let s = pooled.similarity(cx.vectors, clusters.all(), p, q);
        if s >= cx.rules.threshold_camps && camps(cx, &clusters.all()[&p], &clusters.all()[&q]) {
            ranked.push((s, p, q));
        }
    }
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| (x.1, x.2).cmp(&(y.1, y.2))));
    // The groups that took in another since the pairs were ranked: only a pair with one of them
    // needs `camps` asked again, as the others are the groups it was asked of above.
    let mut grown: HashSet<usize> = HashSet::default();
    for (_, p, q) in ranked {
        let (ca, cb) = (clusters.of(p), clusters.of(q));
        let unchanged = (ca, cb) == (p, q) && !grown.contains(&ca) && !grown.contains(&cb);
        if ca == cb || !(unchanged || camps(cx, &clusters.all()[&ca], &clusters.all()[&cb])) {
            continue;
        }
        clusters.merge(ca, cb);
        grown.insert(ca);
        let mut merged = grounds.remove(&cb).unwrap_or_default();
        let own = grounds.entry(ca).or_default();
        own.append(&mut merged);
        let merged = &clusters.all()[&ca];
        own.push(Ground::Camps(camp_role(cx, merged).unwrap_or_else(|| told_role(cx, merged)).1.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use crate::align::tests::{assert_conflict_on, report};
    use crate::compare::Verdict;

    /// Two outlets say no one was killed, two that 12 were, each worded its own way; each also
    /// counts the dead elsewhere, so none of the figures is its outlet's only one.
    const CAMPS: [&str; 4] = [
        "No one was killed in the bombing of the Yida camp, aid workers told reporters. Two people were killed in Jau.",
        "The charity said nobody was killed when planes bombed Yida on Thursday. Two people were killed in Jau.",
        "Local officials in Unity state said 12 people were killed in the bombing of the settlement. Two were killed in Jau.",
        "A county commissioner said 12 people were killed as the camp came under fire. Two were killed in Jau.",
    ];

    #[test]
    fn two_camps_of_outlets_giving_one_role_two_values_are_one_fact_in_dispute() {
        assert_conflict_on(&CAMPS, "12", 4, "camps on one figure of dead");
    }

    #[test]
    fn none_of_a_whole_tells_the_camp_of_none_of_its_part() {
        let mut texts = CAMPS;
        texts[0] = "There were no casualties in the bombing of the Yida camp, aid workers told reporters. Two \
                    people were killed in Jau.";
        assert_conflict_on(&texts, "12", 4, "camps on one figure of dead");
    }

    /// Two outlets say no one was killed, one that 12 were, and a fourth tells both, the official's
    /// 12 followed by `then`.
    fn both_told(then: &str) -> [String; 4] {
        [
            CAMPS[0].to_string(),
            CAMPS[1].to_string(),
            CAMPS[2].to_string(),
            format!(
                "Aid workers said no one was killed in the bombing of the camp. A county commissioner had said \
                 12 people were killed in the bombing. {then} Two were killed in Jau."
            ),
        ]
    }

    #[test]
    fn an_outlet_that_says_the_reports_conflict_tells_both_camps() {
        let texts = both_told("He could not be reached about the conflicting reports.");
        assert_conflict_on(&texts, "12", 5, "camps on one figure of dead");
    }

    #[test]
    fn an_outlet_telling_two_values_unremarked_keeps_the_camps_apart() {
        let texts = both_told("He could not be reached again.");
        let r = report(&texts);
        assert!(r.groups.iter().all(|g| g.verdict != Verdict::Conflict), "{:?}", r.groups);
    }

    #[test]
    fn a_lone_dissent_is_no_camp() {
        let r = report(&CAMPS[..3]);
        assert!(r.groups.iter().all(|g| g.verdict != Verdict::Conflict), "{:?}", r.groups);
    }

    /// Two outlets say the attack killed `own`, two that `other` were; one of the first also
    /// gives a hospital's bound, worded like the second camp's figures.
    fn loose(own: &str, bound: &str, other: &str) -> [String; 4] {
        [
            format!("The attack on the school killed {own} people, the UN said. Two people were killed in Jau."),
            format!(
                "UN officials said {own} people died when the school was attacked. Hospital staff said at least \
                 {bound} people were killed when shells struck the yard. Two were killed in Jau."
            ),
            format!("Medics said {other} people were killed when shells struck the yard of the school. Two were killed in Jau."),
            format!("Hospital staff said {other} people were killed when shells struck the school yard. Two were killed in Jau."),
        ]
    }

    #[test]
    fn an_outlet_whose_bound_fits_the_other_camp_tells_its_own_camp() {
        let texts = loose("40", "five", "43");
        assert_conflict_on(&texts, "40", 5, "camps on one figure of dead");
    }

    #[test]
    fn a_bound_far_below_the_other_camp_is_a_figure_of_another_fact() {
        let texts = loose("400", "five", "430");
        let r = report(&texts);
        assert!(r.groups.iter().all(|g| !g.why.contains("camps")), "{:?}", r.groups);
    }

    #[test]
    fn an_outlet_giving_both_counts_tells_two_facts() {
        let mut texts = CAMPS.to_vec();
        texts.push("Aid workers said 12 people were killed as the camp at Kauda came under fire, and no one was killed when planes \
             bombed the Yida camp.");
        let r = report(&texts);
        assert!(r.groups.iter().all(|g| !g.why.contains("camps")), "{:?}", r.groups);
    }
}
