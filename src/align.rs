//! Stage 3, alignment: every claim of every source and the `Rules` in, groups of claims that speak
//! of the same thing out. Claims are blocked by kind and unit, scored by the weighted cosine of
//! their subjects (rare words weigh more, spelling variants match through `strsim`), and merged
//! most-similar first, never into a group where some pair from two sources is unrelated or where
//! one source would contradict itself: when unsure, do not group.

use std::collections::BTreeMap;

// Keyed by claim indices, hashed once per scored pair: FxHash, as for the rules' lookups.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::claim::{Claim, Kind};
use crate::compare::{self, Verdict};
use crate::rules::Rules;
use vectors::Vectors;

mod candidates;
mod vectors;

/// The key that claims must share to be compared at all: kind and unit, where a count's unit is
/// what it counts. A count of a general noun ("at least five people", "the 23") takes the
/// countable word its clause is about ("killing at least five people" counts the dead), so
/// "five dead" and "killing five people" meet while the dead and the injured never do. A figure
/// with decimals counts nothing: when its own clause names a unit of measure ("a preliminary
/// magnitude of 4.6" read as a bare 4.6) it joins that measure. Money meets money in any currency:
/// one sum is often given in two ("2m euros ($2.6m)").
fn block_key<'a>(claim: &'a Claim, rules: &'a Rules) -> (Kind, &'a str) {
    if claim.kind == Kind::Money {
        return (claim.kind, "");
    }
    if claim.kind != Kind::Count {
        return (claim.kind, claim.unit.as_str());
    }
    let unit = claim.unit.as_str();
    let whole =
        claim.nominal.low.is_none_or(|x| x.fract() == 0.0) && claim.nominal.high.is_none_or(|x| x.fract() == 0.0);
    if !whole && !rules.countable.contains(unit) {
        let measure = claim
            .subject
            .terms
            .iter()
            .filter(|(_, w)| *w >= ROLE_WEIGHT)
            .filter_map(|(t, _)| rules.unit(t))
            .find(|u| u.kind == Kind::Quantity && u.factor == 1.0 && u.offset == 0.0);
        if let Some(u) = measure {
            return (Kind::Quantity, rules.base_unit(&u.dimension));
        }
    }
    if !unit.is_empty() && unit != "people" && !rules.generic.contains(unit) {
        return (claim.kind, unit);
    }
    let role = claim
        .subject
        .terms
        .iter()
        .filter(|(t, w)| *w >= ROLE_WEIGHT && t != "people" && rules.countable.contains(t.as_str()))
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map_or("", |(t, _)| t.as_str());
    (claim.kind, role)
}

/// Least subject weight of a countable word to say what a general count counts: a word of the
/// claim's own clause, not one borrowed from further off.
const ROLE_WEIGHT: f32 = 0.5;

/// Every cross-source pair of one block with its similarity, for tuning (`CROSSCHECK_DEBUG_ALIGN`).
#[doc(hidden)]
pub fn debug_pairs(claims: &[Claim], rules: &Rules) -> Vec<(usize, usize, f32)> {
    let vectors = Vectors::new(claims, rules);
    let mut out = Vec::new();
    for a in 0..claims.len() {
        for b in a + 1..claims.len() {
            if claims[a].source != claims[b].source && block_key(&claims[a], rules) == block_key(&claims[b], rules) {
                let s = vectors.mutual(a, b);
                out.push((a, b, s));
            }
        }
    }
    out
}

/// Groups the claims that speak of the same thing; each group holds claims of two or more sources,
/// as indices into `claims`, in ascending order. Groups come out in order of their first claim.
pub fn align(claims: &[Claim], rules: &Rules) -> Vec<Vec<usize>> {
    let vectors = Vectors::new(claims, rules);
    let mut blocks: BTreeMap<(Kind, &str), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.subject.terms.is_empty() {
            continue;
        }
        blocks.entry(block_key(c, rules)).or_default().push(i);
    }
    let sources = claims.iter().map(|c| c.source + 1).max().unwrap_or(0);
    let mut by_source: Vec<Vec<usize>> = vec![Vec::new(); sources];
    for (i, c) in claims.iter().enumerate() {
        by_source[c.source].push(i);
    }
    let mut groups = Vec::new();
    for (key, members) in &blocks {
        let unknown_unit = key.0 == Kind::Count && key.1.is_empty();
        groups.extend(align_block(claims, members, &by_source, unknown_unit, &vectors, rules));
    }
    groups.sort();
    groups
}

/// Whether two disjoint values could be two accounts of one fact. Not when one of the two sources
/// also states the other's value as a figure of the same kind: "23 pirates, 12 of them Somali"
/// makes 12 and 23 two facts, so another outlet's 12 contradicts nothing, even when the extractor
/// read "12 Somali" as counting Somalis. Nor when the values lie orders of magnitude apart
/// (`max_conflict_ratio`): "3" and "200" are no rounding or reporting slip. `by_source` lists the
/// claims of each source, so the check reads two sources, never the corpus.
fn plausible_conflict(
    claims: &[Claim],
    by_source: &[Vec<usize>],
    vectors: &Vectors,
    a: usize,
    b: usize,
    rules: &Rules,
) -> bool {
    let (x, y) = (&claims[a], &claims[b]);
    let (lo, hi) = (x.value.magnitude().min(y.value.magnitude()), x.value.magnitude().max(y.value.magnitude()));
    if x.kind != Kind::Date && lo > 0.0 && hi / lo > rules.max_conflict_ratio {
        return false;
    }
    // A figure of the same block says so outright; one of another block (another counted noun)
    // only when its sentence speaks of the same things.
    let states = |own: &Claim, own_index: usize, other: &Claim| {
        by_source[own.source].iter().any(|&m| {
            let z = &claims[m];
            m != own_index
                && z.kind == own.kind
                && compare::relate(z, other, rules) == Verdict::Agree
                && (block_key(z, rules) == block_key(own, rules)
                    || (!z.subject.past && vectors.similarity(m, own_index) >= rules.threshold_overlap))
        })
    };
    !(states(x, a, y) || states(y, b, x))
}

/// Two figures attached to different named places ("killed in Bener Meriah", "killed in Aceh";
/// "south-west of Bandar Abbas", "from Tehran"): a district's toll and the total, or two distances,
/// not two accounts of one fact. Spelling variants ("Manokwari", "Manokwari's") are one place.
fn other_places(x: &Claim, y: &Claim) -> bool {
    match (&x.subject.place, &y.subject.place) {
        (Some(a), Some(b)) => a != b && strsim::jaro_winkler(a, b) < 0.93,
        _ => false,
    }
}

fn align_block(
    claims: &[Claim],
    members: &[usize],
    by_source: &[Vec<usize>],
    unknown_unit: bool,
    vectors: &Vectors,
    rules: &Rules,
) -> Vec<Vec<usize>> {
    // The evidence asked of a pair grows with the harm a wrong grouping would do: identical values
    // can only yield a false agreement, overlapping ones a false "compatible", disjoint ones a
    // false conflict — the error that costs an editor's trust most.
    let needed = |a: usize, b: usize| {
        let (x, y) = (&claims[a], &claims[b]);
        let verdict = compare::relate(x, y, rules);
        if (x.subject.past || y.subject.past) && verdict != Verdict::Agree {
            // An earlier event mentioned in passing is out of the story: its figures are never
            // set against others, only joined where they say the very same.
            return f32::INFINITY;
        }
        if verdict == Verdict::Conflict && !plausible_conflict(claims, by_source, vectors, a, b, rules) {
            return f32::INFINITY;
        }
        if other_places(x, y) {
            return f32::INFINITY;
        }
        if verdict == Verdict::Conflict && compare::other_currencies(x, y) {
            // Sums in two currencies orders of magnitude apart are two sums.
            return f32::INFINITY;
        }
        if verdict == Verdict::Conflict && unknown_unit {
            // Bare figures whose clause names nothing counted ("he was 95", "the 23"): without
            // knowing what they count, two different ones are no evidence of a dispute.
            return f32::INFINITY;
        }
        match verdict {
            // Many things of one story happen on one day, so a shared date is weaker evidence
            // than a shared count.
            Verdict::Agree if x.kind == Kind::Date && x.precision == y.precision => rules.threshold_same_date,
            Verdict::Agree if x.precision == y.precision => rules.threshold_same_value,
            // Dates of one story overlap by chance (everything happened "last year"), so for
            // them overlap is no evidence; counts spread over orders of magnitude, so it is.
            Verdict::Agree | Verdict::Compatible if x.kind != Kind::Date => rules.threshold_overlap,
            Verdict::Agree | Verdict::Compatible => rules.threshold,
            Verdict::Conflict if x.kind == Kind::Date => rules.threshold_date_conflict,
            Verdict::Conflict => rules.threshold,
        }
    };
    // Inside a group, every pair from two sources must be at least this alike.
    // A pair that would conflict must meet the full evidence on its own, whatever linked its
    // clusters: a member joined through a close neighbour may still be unrelated to a disjoint one.
    let floor = |a: usize, b: usize| {
        let n = needed(a, b);
        if n.is_infinite() {
            n
        } else {
            n.min(rules.threshold * 0.5)
        }
    };
    // No pair less alike than this can meet what `needed` asks, so it need not be asked.
    let least_needed = [
        rules.threshold_same_date,
        rules.threshold_same_value,
        rules.threshold_overlap,
        rules.threshold,
        rules.threshold_date_conflict,
    ]
    .into_iter()
    .fold(f32::INFINITY, f32::min);
    let mut scores: HashMap<(usize, usize), f32> = HashMap::default();
    let mut edges: Vec<(f32, usize, usize)> = Vec::new();
    // Pairs from one source are never scored (`ok` below judges them on their values), and a
    // large block scores only promising pairs, so neither a source with thousands of claims nor a
    // pile of thousands of sources costs quadratic time or memory.
    for (a, b) in candidates::pairs(claims, members, vectors) {
        {
            let s = vectors.mutual(a, b);
            // Only related pairs are kept; a missing pair scores 0, so memory follows the number
            // of related pairs, not of all pairs.
            if s > 0.0 {
                scores.insert((a, b), s);
            }
            if s > 0.0 && s >= least_needed && s >= needed(a, b) {
                edges.push((s, a, b));
            }
        }
    }
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| (x.1, x.2).cmp(&(y.1, y.2))));
    let score = |a: usize, b: usize| *scores.get(&(a.min(b), a.max(b))).unwrap_or(&0.0);

    let mut cluster_of: HashMap<usize, usize> = members.iter().map(|&m| (m, m)).collect();
    let mut clusters: HashMap<usize, Vec<usize>> = members.iter().map(|&m| (m, vec![m])).collect();
    // Two clusters found apart stay apart: a cluster that grows keeps the pair that kept it
    // apart. Without this, every edge between two large clusters would check them again.
    let mut apart: HashSet<(usize, usize)> = HashSet::default();
    let mut needed_memo: HashMap<(usize, usize), f32> = HashMap::default();
    let mut floor = |a: usize, b: usize| *needed_memo.entry((a.min(b), a.max(b))).or_insert_with(|| floor(a, b));
    for (_, a, b) in edges {
        let (ca, cb) = (cluster_of[&a], cluster_of[&b]);
        if ca == cb || apart.contains(&(ca.min(cb), ca.max(cb))) {
            continue;
        }
        // Complete linkage where a wrong pair would do harm, average linkage elsewhere: every
        // pair that would conflict must be alike enough on its own, while pairs that agree only
        // need the two clusters alike on the whole (outlets word one fact in many ways).
        let mut ok = true;
        let (mut sum, mut pairs) = (0.0f32, 0usize);
        for &x in &clusters[&ca] {
            for &y in &clusters[&cb] {
                let (cx, cy) = (&claims[x], &claims[y]);
                if cx.source == cy.source {
                    // One source writing two different values: two facts, not one. Judged on
                    // the values as written, since "by late July" is open below.
                    // One figure converted in brackets ("10 kilometers (6 miles)") is one fact.
                    ok &= cx.nominal.overlaps(&cy.nominal) || compare::one_figure_converted(cx, cy, rules);
                    continue;
                }
                let (s, f) = (score(x, y), floor(x, y));
                if f.is_infinite() || (f >= rules.threshold * 0.5 && s < f) {
                    ok = false;
                }
                sum += s;
                pairs += 1;
            }
        }
        if !ok || (pairs > 0 && sum / (pairs as f32) < rules.threshold_same_value) {
            apart.insert((ca.min(cb), ca.max(cb)));
            continue;
        }
        let moved = clusters.remove(&cb).unwrap_or_default();
        for &m in &moved {
            cluster_of.insert(m, ca);
        }
        if let Some(target) = clusters.get_mut(&ca) {
            target.extend(moved);
        }
    }
    let mut out: Vec<Vec<usize>> = clusters
        .into_values()
        .filter(|c| {
            let first = claims[c[0]].source;
            c.iter().any(|&m| claims[m].source != first)
        })
        .map(|mut c| {
            c.sort_unstable();
            c
        })
        .collect();
    out.sort();
    out
}
