//! Groups of one block and the claims left on their own in, the groups some of those claims join
//! out: an outlet's only figure of a role that tells the very value several outlets give that
//! role is their fact, however its sentence is worded ("Greek march erupts in violence, 3 dead"
//! beside four outlets' "three killed in the bank fire").
//!
//! Pairs of sole figures are grouped on that ground already (`sole::sole_figures`), but a large
//! group also holds figures of other nouns ("three bank workers"), and those, against a headline
//! that shares few words with them, can keep the loner out on the group's average likeness.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::claim::{Claim, Kind};
use crate::compare::{self, RelateKey, Verdict};
use crate::rules::Rules;

use super::clusters::alone;
use super::roles::Role;
use super::{
    dated_alike, degree_beside_plain, most_told, of_other_days, other_places, same_weekday, source_count, Context,
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
pub(super) fn loner_targets(
    cx: &Context,
    clusters: &HashMap<usize, Vec<usize>>,
    names: &[usize],
) -> Vec<(usize, usize)> {
    let (claims, rules) = (cx.claims, cx.rules);
    // The groups holding each role, and each role's value as written: a loner is weighed against
    // the groups of its role, or, in a pile where a role has many groups, against those that tell
    // its very value, so the cost follows the number of claims rather than loners times groups.
    let mut by_role: BTreeMap<&Role, Vec<usize>> = BTreeMap::new();
    let mut by_value: BTreeMap<(&Role, ValueKey), Vec<usize>> = BTreeMap::new();
    let mut told: HashMap<(usize, &Role), Vec<Told>> = HashMap::default();
    let mut slot: HashMap<(usize, &Role, RelateKey), usize> = HashMap::default();
    for &t in names.iter().filter(|k| clusters[k].len() > 1) {
        for &m in &clusters[&t] {
            let role = &cx.roles[m];
            let values = told.entry((t, role)).or_default();
            let k = *slot.entry((t, role, RelateKey::of(&claims[m]))).or_insert_with(|| {
                values.push((m, Vec::new()));
                values.len() - 1
            });
            values[k].1.push(claims[m].source);
            let list = by_role.entry(role).or_default();
            if list.last() != Some(&t) {
                list.push(t);
            }
            let list = by_value.entry((role, value_key(&claims[m]))).or_default();
            if list.last() != Some(&t) {
                list.push(t);
            }
        }
    }
    // Each value's sources once, in order, so that a loner reads a group's agreeing sources
    // without gathering them: mostly one value of a group agrees with it.
    for values in told.values_mut() {
        for (_, sources) in values.iter_mut() {
            sources.sort_unstable();
            sources.dedup();
        }
    }
    let mut out = Vec::new();
    for o in alone(clusters, names) {
        let x = &claims[o];
        let counted = matches!(cx.roles[o].0, Kind::Count | Kind::Quantity);
        if !counted || x.subject.past || x.subject.times || cx.roles[o].1.is_empty() {
            continue;
        }
        let fits = |t: usize| {
            let group = &clusters[&t];
            // The sources of the members of the role that agree with it.
            let mut values = told
                .get(&(t, &cx.roles[o]))
                .into_iter()
                .flatten()
                .filter(|(m, _)| compare::relate(&claims[*m], x, rules) == Verdict::Agree)
                .map(|(_, sources)| sources.as_slice());
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
            let repeated =
                (cx.roles[o].0 == Kind::Count || is_age(x, rules)) && agreeing.binary_search(&x.source).is_ok();
            let of_role = || group.iter().copied().filter(|&m| cx.same_role(m, o));
            (cx.sole[o] || repeated)
                && agreeing.len() >= rules.outlier_sources.max(2)
                && group.iter().all(|&m| {
                    let y = &claims[m];
                    !y.subject.past
                        && if y.source == x.source {
                            y.nominal.overlaps(&x.nominal)
                        } else {
                            compare::relate(y, x, rules) != Verdict::Conflict
                        }
                        && !other_places(x, y)
                })
                && of_role().all(|m| {
                    let y = &claims[m];
                    y.subject.qualifiers == x.subject.qualifiers
                        && !degree_beside_plain(cx, o, m)
                        && dated_alike(cx, x, y)
                        && same_weekday(x, y)
                        && !of_other_days(cx, x, y)
                })
                && group.iter().any(|&m| cx.vectors.mutual(o, m) >= rules.threshold_sole)
        };
        let role = &cx.roles[o];
        let of_role = by_role.get(role).map_or(&[][..], Vec::as_slice);
        let candidates = if of_role.len() <= EXACT_ROLE_GROUPS {
            of_role
        } else {
            by_value.get(&(role, value_key(x))).map_or(&[][..], Vec::as_slice)
        };
        let told: Vec<(usize, usize)> =
            candidates.iter().filter(|&&t| fits(t)).map(|&t| (source_count(claims, &clusters[&t]), t)).collect();
        if let Some(t) = most_told(told) {
            out.push((o, t));
        }
    }
    out
}

/// One value a group tells of one role, as a member telling it and the sources telling it (each
/// once, ascending): a loner is weighed against a group's few values, not against its hundreds of
/// members, and only a group that tells its value reads them all.
type Told = (usize, Vec<u32>);

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
