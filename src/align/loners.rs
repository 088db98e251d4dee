//! Groups of one block and the claims left on their own in, the groups some of those claims join
//! out: an outlet's only figure of a role that tells the very value several outlets give that
//! role is their fact, however its sentence is worded ("Greek march erupts in violence, 3 dead"
//! beside four outlets' "three killed in the bank fire").
//!
//! Pairs of sole figures are grouped on that ground already (`sole::sole_figures`), but a large
//! group also holds figures of other nouns ("three bank workers"), and those, against a headline
//! that shares few words with them, can keep the loner out on the group's average likeness.

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};

use rustc_hash::FxHashMap as HashMap;

use crate::claim::{Claim, Degree, Kind, Term};
use crate::compare::{self, RelateKey, Verdict};
use crate::rules::Rules;

use super::clusters::alone;
use super::plausible::{graded_beside, plain_beside};
use super::roles::Role;
use super::{
    dated_alike, degree_beside_plain, most_told, of_other_days, one_per_place, other_places, same_weekday,
    source_count, Context,
};

/// For each sole figure left on its own, the group it joins, if any: the group told by the most
/// sources among those where at least `outlier_sources` sources give the figure's role the very
/// value it gives, no member conflicts with it or is tied to another place, each member of its
/// role is narrowed alike ("another three" is no account of "three", nor an outlet's "dozens
/// seriously injured" told beside its whole of "injuring dozens": `degree_beside_plain`) and of
/// the same day, it shares some words with one member; its own source may be in the group
/// already, with a figure that overlaps it (a headline's "3 dead" beside the body's "three people
/// were killed"). Earlier events mentioned in passing and counts of occurrences never join. Reads
/// the groups of one block once.
/// `names` are the block's clusters' names, ascending (`Clusters::names`).
// Out of line, as the stage it is: a profile of a pile tells its cost apart from the block's.
#[inline(never)]
pub(super) fn loner_targets(
    cx: &Context,
    clusters: &HashMap<usize, Vec<usize>>,
    names: &[usize],
) -> Vec<(usize, usize)> {
    let (claims, rules) = (cx.claims, cx.rules);
    // The groups holding each role, and each role's value as written: a loner is weighed against
    // the groups of its role, or, in a pile where a role has many groups, against those that tell
    // its very value, so the cost follows the number of claims rather than loners times groups.
    // Looked up, never walked: hashed, as a role's word would be read to order it.
    let mut by_role: HashMap<Role, Vec<usize>> = HashMap::default();
    let mut by_value: HashMap<(Role, ValueKey), Vec<usize>> = HashMap::default();
    let mut verdicts = Verdicts::default();
    let mut groups: HashMap<usize, Group> = HashMap::default();
    // Per group, where each value of each role is in its `values`.
    let mut slot: HashMap<(&Role, u32), usize> = HashMap::default();
    for &t in names.iter().filter(|k| clusters[k].len() > 1) {
        let group = groups.entry(t).or_default();
        slot.clear();
        for &m in &clusters[&t] {
            let (y, role) = (&claims[m], &cx.roles[m]);
            let value = verdicts.key(y);
            let k = *slot.entry((role, value)).or_insert_with(|| {
                group.values.push(Told { role, claim: y, value, sources: Vec::new() });
                group.values.len() - 1
            });
            group.values[k].sources.push(y.source);
            group.past |= y.subject.past;
            group.members.push((y.source, m));
            let list = by_role.entry(*role).or_default();
            if list.last() != Some(&t) {
                list.push(t);
            }
            let list = by_value.entry((*role, value_key(y))).or_default();
            if list.last() != Some(&t) {
                list.push(t);
            }
        }
        // Each value's sources once, in order, so that a loner reads a group's agreeing sources
        // without gathering them: mostly one value of a group agrees with it.
        for told in &mut group.values {
            told.sources.sort_unstable();
            told.sources.dedup();
        }
        group.members.sort_unstable();
        group.places = one_per_place(claims, &clusters[&t]);
        group.sources = source_count(claims, &clusters[&t]);
    }
    // Whether the members of a group's role fit a loner, by the loner's facts they are checked on:
    // a pile's loners are thousands, and those that tell one group's role tell it alike.
    let mut fit_role: HashMap<(usize, Facts), bool> = HashMap::default();
    let mut out = Vec::new();
    for o in alone(clusters, names) {
        let x = &claims[o];
        let counted = matches!(cx.roles[o].0, Kind::Count | Kind::Quantity);
        if !counted || x.subject.past || x.subject.times || cx.roles[o].1.is_empty() {
            continue;
        }
        let own = verdicts.key(x);
        // Whether the loner's outlet may tell its role more than once (below).
        let repeats = cx.roles[o].0 == Kind::Count || is_age(x, rules);
        // Read once a loner, and only if one of its groups reaches the role checks.
        let facts = OnceCell::new();
        let mut fits = |t: usize| {
            let (group, members) = (&groups[&t], &clusters[&t]);
            // The sources of the members of the role that agree with it.
            let mut values = group
                .values
                .iter()
                .filter(|v| v.role == &cx.roles[o] && verdicts.relate(v, x, own, rules) == Verdict::Agree)
                .map(|v| v.sources.as_slice());
            let agreeing: Cow<[u32]> = match (values.next(), values.next()) {
                (None, _) => Cow::Borrowed(&[]),
                (Some(only), None) => Cow::Borrowed(only),
                (Some(a), Some(b)) => {
                    let mut all: Vec<u32> = [a, b].into_iter().chain(values).flatten().copied().collect();
                    all.sort_unstable();
                    all.dedup();
                    Cow::Owned(all)
                }
            };
            // A source that counts the role more than once joins only where it told this very
            // count of the role already: it repeats itself ("the 23 pirates" again and again),
            // or names the person again by the age it gave ("the 16-year old"). Not another
            // measure: one source gives two quakes the same magnitude.
            let repeated = repeats && agreeing.binary_search(&x.source).is_ok();
            let of_role = || {
                members.iter().copied().filter(|&m| cx.same_role(m, o)).all(|m| {
                    let y = &claims[m];
                    y.subject.qualifiers == x.subject.qualifiers
                        && !degree_beside_plain(cx, o, m)
                        && dated_alike(cx, x, y)
                        && same_weekday(x, y)
                        && !of_other_days(cx, x, y)
                })
            };
            // Members of the loner's own source are checked on it, not on its facts alone
            // (`degree_beside_plain` reads their outlet's other figures, the loner among them).
            let mut role_fits = || {
                if group.told_by(x.source) {
                    return of_role();
                }
                let facts = *facts.get_or_init(|| Facts::of(cx, o));
                let fit = *fit_role.entry((t, facts)).or_insert_with(of_role);
                debug_assert_eq!(fit, of_role(), "the checks read no more of a loner than its facts");
                fit
            };
            (cx.sole[o] || repeated)
                && agreeing.len() >= rules.outlier_sources.max(2)
                && group.admits(claims, x, |v| verdicts.relate(v, x, own, rules))
                && role_fits()
                && members.iter().any(|&m| cx.vectors.mutual(o, m) >= rules.threshold_sole)
        };
        let role = &cx.roles[o];
        let of_role = by_role.get(role).map_or(&[][..], Vec::as_slice);
        let candidates = if of_role.len() <= EXACT_ROLE_GROUPS {
            of_role
        } else {
            by_value.get(&(*role, value_key(x))).map_or(&[][..], Vec::as_slice)
        };
        let told: Vec<(usize, usize)> =
            candidates.iter().filter(|&&t| fits(t)).map(|&t| (groups[&t].sources, t)).collect();
        if let Some(t) = most_told(told) {
            out.push((o, t));
        }
    }
    out
}

/// A group as loners are weighed against it, gathered once: a pile's loners are thousands, and
/// its groups hold hundreds of members telling a few values in a few places, so a loner reads a
/// group's values and places, not its members, wherever they tell it all.
#[derive(Default)]
struct Group<'a> {
    /// Whether a member tells of an earlier event.
    past: bool,
    /// Each value the group tells of each role.
    values: Vec<Told<'a>>,
    /// For each place members are tied to, a member tied to it.
    places: Vec<usize>,
    /// Every member beside its source, by source.
    members: Vec<(u32, usize)>,
    /// How many sources tell the group.
    sources: usize,
}

impl Group<'_> {
    /// Whether a member is told by `source`.
    fn told_by(&self, source: u32) -> bool {
        self.members.binary_search_by_key(&source, |&(s, _)| s).is_ok()
    }

    /// Whether every member may stand beside loner `x`: none of an earlier event, none of another
    /// place, none of `x`'s own source stating a value apart from it, and none of another source
    /// in conflict with it, as `relate` tells of a value (a value told only by `x`'s source is
    /// judged on those claims' values alone).
    fn admits(&self, claims: &[Claim], x: &Claim, relate: impl Fn(&Told) -> Verdict) -> bool {
        let own = self.members.partition_point(|&(s, _)| s < x.source);
        !self.past
            && self.values.iter().all(|v| v.sources == [x.source] || relate(v) != Verdict::Conflict)
            && self.members[own..]
                .iter()
                .take_while(|&&(s, _)| s == x.source)
                .all(|&(_, m)| claims[m].nominal.overlaps(&x.nominal))
            && self.places.iter().all(|&m| !other_places(x, &claims[m]))
    }
}

/// One value a group tells of one role: a member telling it, the value as `relate` reads it
/// (`Verdicts::key`), and the sources telling it (each once, ascending).
struct Told<'a> {
    role: &'a Role,
    claim: &'a Claim,
    value: u32,
    sources: Vec<u32>,
}

/// The values as `relate` reads them (`RelateKey`), numbered, and how they relate to the loners',
/// each pair asked once: a pile's loners tell a few values, each weighed against groups that tell
/// the same few values.
#[derive(Default)]
struct Verdicts {
    keys: HashMap<RelateKey, u32>,
    known: RefCell<HashMap<(u32, u32), Verdict>>,
}

impl Verdicts {
    /// The number of `c`'s value as `relate` reads it.
    fn key(&mut self, c: &Claim) -> u32 {
        let next = self.keys.len() as u32;
        *self.keys.entry(RelateKey::of(c)).or_insert(next)
    }

    /// `compare::relate` of value `v` (first) and loner `x`, whose value is numbered `own`.
    fn relate(&self, v: &Told, x: &Claim, own: u32, rules: &Rules) -> Verdict {
        *self.known.borrow_mut().entry((v.value, own)).or_insert_with(|| compare::relate(v.claim, x, rules))
    }
}

/// All the checks of a loner against the members of its role read of it: its role, its narrowing
/// words, degree and weekday, the weekdays its outlet names when it names none
/// (`dated_alike`, `of_other_days`), and what its outlet tells of its role beside it
/// (`degree_beside_plain`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Facts<'a> {
    role: Role,
    qualifiers: &'a [Term],
    degree: u8,
    weekday: Option<u8>,
    days: u8,
    plain_beside: bool,
    graded_beside: [bool; 3],
}

impl<'a> Facts<'a> {
    fn of(cx: &Context<'a>, o: usize) -> Self {
        let x = &cx.claims[o];
        Facts {
            role: cx.roles[o],
            qualifiers: &x.subject.qualifiers,
            degree: x.subject.degree as u8,
            weekday: x.subject.weekday,
            days: if x.subject.weekday.is_none() { cx.days[x.source as usize] } else { 0 },
            plain_beside: plain_beside(cx, o),
            graded_beside: [Degree::Unsaid, Degree::Mild, Degree::Grave].map(|d| graded_beside(cx, o, d)),
        }
    }
}

/// Whether the claim is an age ("the 16-year old").
fn is_age(c: &Claim, rules: &Rules) -> bool {
    c.kind == Kind::Quantity && rules.units.iter().any(|u| c.unit == u.name && u.dimension == "age")
}

/// Most groups of one role a loner is weighed against one by one: every story's, and a pile's
/// roles with fewer groups. Beyond it only the groups telling the loner's very value are.
const EXACT_ROLE_GROUPS: usize = 64;

/// A claim's value as its bits, to find the groups telling the very same value.
type ValueKey = (Option<u64>, Option<u64>);

fn value_key(c: &Claim) -> ValueKey {
    (c.value.low().map(f64::to_bits), c.value.high().map(f64::to_bits))
}
