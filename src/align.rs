//! Stage 3, alignment: every claim of every source and the `Rules` in, groups of claims that speak
//! of the same thing out. Claims are blocked by kind and unit, scored by the weighted cosine of
//! their subjects (rare words weigh more, spelling variants match through `strsim`), and merged
//! most-similar first, never into a group where some pair from two sources is unrelated or where
//! one source would contradict itself: when unsure, do not group.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use rayon::prelude::*;

// Keyed by claim indices, hashed once per scored pair: FxHash, as for the rules' lookups.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::claim::{Claim, Kind};
use crate::compare::{self, Verdict};
use crate::extract::unanchored::clock_of;
use crate::rules::Rules;
use clusters::{Block, Clusters};
pub use debug::{debug_pairs, debug_role, debug_sole};
pub use grounds::{Aligned, Ground};
use grouped::Grouped;
use pairs::{
    addition_told_plainly, dated_alike, far_inside_bound, named_weekday, none_of_either, of_other_days, one_per_place,
    other_places, same_figure_hedged, same_weekday, sole_pair, unnamed_other_nouns,
};
use plausible::{degree_beside_plain, plausible_conflict, Stated};
use roles::{block_key, roles_of, Role, ROLE_WEIGHT};
use told::Told;
use vectors::Vectors;

mod camps;
mod candidates;
mod clusters;
mod days;
mod debug;
mod grounds;
mod grouped;
mod headlines;
mod lists;
mod loners;
mod pairs;
mod places;
mod plausible;
mod repeats;
mod restated;
mod roles;
mod sole;
mod times;
mod told;
mod vectors;

/// Groups the claims that speak of the same thing; each group holds claims of two or more sources,
/// as indices into `claims`, in ascending order. Groups come out in order of their first claim.
pub fn align(claims: &[Claim], rules: &Rules) -> Vec<Vec<usize>> {
    align_with_grounds(claims, rules).into_iter().map(|g| g.members).collect()
}

/// The groups of `align`, each with the grounds it was formed on beyond the likeness of its
/// sentences, for the report to say why.
pub fn align_with_grounds(claims: &[Claim], rules: &Rules) -> Vec<Aligned> {
    let vectors = Vectors::new(claims, rules);
    let roles = roles_of(claims, rules);
    let mut blocks: BTreeMap<(Kind, &str), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.subject.terms.is_empty() {
            continue;
        }
        blocks.entry(block_key(&roles[i], rules)).or_default().push(i);
    }
    // Held through the alignment of every block: in one list each, not one per block or source.
    let blocks = Grouped::of_lists(blocks.into_values().collect());
    let sources = claims.iter().map(|c| c.source as usize + 1).max().unwrap_or(0);
    let by_source = Grouped::by(claims.len(), sources, |i| claims[i].source as usize);
    let mut groups = Vec::new();
    let sole = sole::sole_figures(claims, &roles, rules);
    let mut days = vec![0u8; sources];
    for c in claims {
        if let Some(day) = c.subject.weekday.or_else(|| named_weekday(c)).filter(|&d| d < 7) {
            days[c.source as usize] |= 1 << day;
        }
    }
    let countable: Vec<bool> = roles.iter().map(|r| rules.countable.contains(r.1.as_str())).collect();
    let mut place = vec![0u32; claims.len()];
    for members in blocks.lists() {
        for (p, &m) in members.iter().enumerate() {
            place[m] = p as u32;
        }
    }
    let told: Vec<OnceLock<Box<Told>>> = (0..sources).map(|_| OnceLock::new()).collect();
    let context = Context {
        claims,
        place: &place,
        roles: &roles,
        countable: &countable,
        by_source: &by_source,
        told: &told,
        vectors: &vectors,
        rules,
        sole: &sole,
        days: &days,
    };
    // Blocks are aligned apart from each other, so on as many cores as there are, largest first:
    // a pile's largest block takes as long as the rest together, and begun last it would finish
    // last alone. One block a task, or one thread would take the first half, the largest blocks,
    // and align them one after another. But a block that holds a large share of the claims holds
    // as large a share of the scratch alignment needs (scored pairs, clusters, the merge order):
    // a pile's two largest, aligned at once, held a third of its memory. Such blocks are aligned
    // one after another, beside the others, and each finds and scores its pairs on all cores
    // (`candidates`), so little time is lost. The groups are put in order afterwards, so the
    // order they come in is no matter.
    let mut blocks: Vec<&[usize]> = blocks.lists().collect();
    blocks.sort_by_key(|members| std::cmp::Reverse(members.len()));
    let large = blocks.partition_point(|members| members.len() > claims.len() / LARGE_SHARE);
    let (large, rest) = blocks.split_at(large);
    let (aligned_large, aligned_rest): (Vec<Vec<Aligned>>, Vec<Vec<Aligned>>) = rayon::join(
        || large.iter().map(|members| align_block(&context, members)).collect(),
        || rest.par_iter().with_max_len(1).map(|members| align_block(&context, members)).collect(),
    );
    groups.extend(aligned_large.into_iter().chain(aligned_rest).flatten());
    groups.sort_by(|a, b| a.members.cmp(&b.members));
    groups
}

/// A block holding more than this share of the claims (one in `LARGE_SHARE`) is aligned while no
/// other such block is.
const LARGE_SHARE: usize = 8;

/// Fewer links between clusters than this (a story's) are listed whole before they are freed of
/// repeats: sorting them as the list fills would only cost time.
const LINKS_KEPT_WHOLE: usize = 1 << 18;

/// What aligning one block reads: the claims, their roles, each source's claims and the subject
/// vectors.
struct Context<'a> {
    claims: &'a [Claim],
    /// Per claim of a block, its place among the block's members: a pile's block finds a pair's
    /// row millions of times, which a search of its members made a tenth of the check's time.
    place: &'a [u32],
    /// Per claim, its role: an interned word beside the kind, so roles compare as numbers.
    roles: &'a [Role],
    /// Per claim, whether its role is a countable noun of the rules (`Rules::countable`), a role
    /// of its own (the dead, the injured): asked for most pairs a pile's block weighs.
    countable: &'a [bool],
    /// The claims of each source, so a check reads two sources, never the corpus.
    by_source: &'a Grouped,
    /// Per source, its claims by value, made when first asked for (`Context::told`). Boxed: most
    /// sources never make theirs, and a pile has 10,000 (an unboxed `Told` is 112 bytes).
    told: &'a [OnceLock<Box<Told>>],
    vectors: &'a Vectors,
    rules: &'a Rules,
    /// Per claim, whether it is its source's only figure of its role (`sole::sole_figures`).
    sole: &'a [bool],
    /// Per source, the weekdays its figures are dated by, one bit each (Monday the lowest).
    days: &'a [u8],
}

impl Context<'_> {
    /// The claims of `source` by value.
    fn told(&self, source: u32) -> &Told {
        let source = source as usize;
        self.told[source].get_or_init(|| Box::new(Told::of(self.claims, &self.by_source[source])))
    }

    /// Whether claims `a` and `b` are figures of one role.
    fn same_role(&self, a: usize, b: usize) -> bool {
        self.roles[a] == self.roles[b]
    }

    /// Whether claims `a` and `b` are figures of two roles of their own ("18 injured and 12
    /// arrested"): two different countable nouns.
    fn own_roles(&self, a: usize, b: usize) -> bool {
        self.roles[a].1 != self.roles[b].1 && self.countable[a] && self.countable[b]
    }
}

/// How many distinct sources tell the claims `members`.
fn source_count(claims: &[Claim], members: &[usize]) -> usize {
    let mut sources: Vec<u32> = members.iter().map(|&m| claims[m].source).collect();
    sources.sort_unstable();
    sources.dedup();
    sources.len()
}

/// Of groups given as (sources telling it, group), the one most sources tell, when no other is
/// told by as many: a lone claim that fits a fact several outlets tell joins that fact, never one
/// of two facts told equally often.
fn most_told(mut told: Vec<(usize, usize)>) -> Option<usize> {
    told.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    match told.as_slice() {
        [(n, t), rest @ ..] if rest.first().is_none_or(|r| r.0 < *n) => Some(*t),
        _ => None,
    }
}

fn align_block(cx: &Context, members: &[usize]) -> Vec<Aligned> {
    let (claims, vectors, rules) = (cx.claims, cx.vectors, cx.rules);
    let unnamed = |a: usize, b: usize| unnamed_other_nouns(cx, a, b);
    // The evidence asked of a pair grows with the harm a wrong grouping would do: identical values
    // can only yield a false agreement, overlapping ones a false "compatible", disjoint ones a
    // false conflict — the error that costs an editor's trust most.
    let stated = RefCell::new(Stated::for_block(members.len()));
    let needed_base = |a: usize, b: usize| {
        let (x, y) = (&claims[a], &claims[b]);
        let verdict = compare::relate(x, y, rules);
        if (x.subject.past || y.subject.past) && (verdict != Verdict::Agree || !cx.same_role(a, b)) {
            // An earlier event mentioned in passing is out of the story: its figures are never
            // set against others, only joined where they say the very same of the same things.
            return f32::INFINITY;
        }
        if x.kind == Kind::Date && x.subject.statement != y.subject.statement {
            // The day a statement was made ("released Nov. 10") and the day of the event it tells
            // of may be one day, but are two facts: only statements' dates meet each other.
            return f32::INFINITY;
        }
        if verdict == Verdict::Conflict && (x.subject.part != y.subject.part || x.subject.degree != y.subject.degree) {
            // A part told beside its whole ("of which four exploded", "eight seriously injured")
            // disputes no figure of the whole, nor one of another degree ("261 got minor injuries").
            return f32::INFINITY;
        }
        let added = |c: &Claim| rules.added.first().is_some_and(|a| c.subject.qualifiers.iter().any(|q| q == a));
        let plainly = || verdict == Verdict::Agree && addition_told_plainly(x, y, rules);
        if (x.subject.qualifiers != y.subject.qualifiers && !plainly())
            || (verdict == Verdict::Conflict && (added(x) || added(y)))
        {
            // "Another 20,000 people" and "as many as 20,000 people": a part ("other", "further",
            // "worst") and the whole, or two parts, are different things. And what an outlet adds
            // ("another two killed", "another four died") follows from what it counted before,
            // so two additions that differ are no dispute.
            return f32::INFINITY;
        }
        if verdict == Verdict::Conflict && !plausible_conflict(cx, &mut stated.borrow_mut(), a, b) {
            return f32::INFINITY;
        }
        // A place tells where a distance is measured from, so two places make two distances;
        // of any other figure it tells where it happened, which outlets name at different
        // scales (a county, a town), so there it only keeps different values apart.
        // The places first: most pairs name none apart, and the unit is looked up by its name.
        let distance = || x.kind == Kind::Quantity && rules.unit(&x.unit).is_some_and(|u| u.dimension == "length");
        if other_places(x, y) && (verdict != Verdict::Agree || distance()) {
            return f32::INFINITY;
        }
        if !same_weekday(x, y) {
            return f32::INFINITY;
        }
        if verdict == Verdict::Conflict && of_other_days(cx, x, y) {
            return f32::INFINITY;
        }
        if verdict == Verdict::Conflict && (x.subject.times || y.subject.times) {
            // Occurrences are counted over a period that is often left unsaid ("arrested four
            // times", "three times since October"), so differing counts are no dispute.
            return f32::INFINITY;
        }
        if verdict == Verdict::Conflict && compare::other_currencies(x, y) {
            // Sums in two currencies orders of magnitude apart are two sums.
            return f32::INFINITY;
        }
        if cx.roles[a].0 != cx.roles[b].0 {
            // An age and a count (`block_key`): only a bare figure ("Scott Russell, 46") may be
            // an age, and only the very same one, since a bare figure says too little to dispute.
            let bare = cx.roles[a].1.is_empty() || cx.roles[b].1.is_empty();
            return if bare && verdict == Verdict::Agree { rules.threshold_bare } else { f32::INFINITY };
        }
        if cx.sole[a] && cx.sole[b] && cx.same_role(a, b) && sole_pair(cx, a, b) {
            // Each outlet tells this role once: the same fact, told alike or not.
            return rules.threshold_sole;
        }
        let (ra, rb) = (&cx.roles[a].1, &cx.roles[b].1);
        let count = cx.roles[a].0 == Kind::Count;
        if count && verdict == Verdict::Conflict && (ra.is_empty() || rb.is_empty() || ra != rb) {
            // Bare figures whose clause names nothing counted ("he was 95", "the 23"): without
            // knowing what they count, a different figure is no evidence of a dispute. Nor is
            // one of another counted noun.
            return f32::INFINITY;
        }
        // One counted noun that the other's own clause names ("three bank workers dead" and
        // "three dead"; "23 pirates arrested" and "23 arrested") asks no more than a bare one,
        // unless both are roles of their own (the dead and the injured).
        // Read last: it searches both subjects, and most pairs of a block share their role.
        let named = || {
            (!ra.is_empty() && y.subject.weight_of(*ra) >= ROLE_WEIGHT)
                || (!rb.is_empty() && x.subject.weight_of(*rb) >= ROLE_WEIGHT)
        };
        let both_roles = cx.countable[a] && cx.countable[b];
        if count && ra != rb && !both_roles && verdict != Verdict::Conflict && named() {
            return if verdict == Verdict::Agree {
                rules.threshold_bare
            } else {
                rules.threshold_overlap.max(rules.threshold_bare)
            };
        }
        if count && ra != rb && verdict == Verdict::Agree && none_of_either(x, y, ra, rb, rules) {
            // "No casualties" and "no one was killed": none of the whole is none of its part.
            return rules.threshold_same_figure;
        }
        if count && ra != rb {
            // Two counted nouns ("three bank workers", "three dead"; "23 pirates", "23 Somalis"),
            // or a counted noun and a bare figure ("captured 23"), are one fact only when the
            // very same figure is told of the same things, and never when both nouns are roles
            // of their own (the dead and the injured). Small figures recur everywhere ("two",
            // "three"), so the very same one is little evidence on its own.
            // A bare figure names no other thing, so it needs less than a figure of another noun.
            let bare = ra.is_empty() || rb.is_empty();
            return if bare && verdict == Verdict::Compatible && same_figure_hedged(x, y) {
                rules.threshold_overlap.max(rules.threshold_bare)
            } else if both_roles || verdict != Verdict::Agree {
                f32::INFINITY
            } else if bare {
                rules.threshold_bare
            } else {
                rules.threshold_other_role
            };
        }
        if count && !ra.is_empty() && verdict == Verdict::Agree {
            // The very same figure of the very same counted noun ("three dead", "3 dead"): in
            // one story that is one fact unless the words around say otherwise.
            return rules.threshold_same_figure;
        }
        match verdict {
            // Many things of one story happen on one day, so a shared date is weaker evidence
            // than a shared count.
            // The same clock reading of sources with no calendar ("11:00", "at 1100 hours"), or
            // one within another's hedge ("9:27 a.m.", "about 9:30 a.m."), is rarely two things:
            // it is the one time their story gives.
            Verdict::Agree | Verdict::Compatible if clock_of(x).is_some() && clock_of(y).is_some() => {
                rules.threshold_same_figure
            }
            Verdict::Agree if x.kind == Kind::Date && x.precision == y.precision => rules.threshold_same_date,
            Verdict::Agree if x.precision == y.precision => rules.threshold_same_value,
            // Dates of one story overlap by chance (everything happened "last year"), so for
            // them overlap is no evidence; counts spread over orders of magnitude, so it is.
            // "As many as 20" holds 5, but a writer bounds a figure from above near it, so a
            // value far below such a bound is no sign of one fact. A bound from below ("at least
            // one dead") is an early count that may grow far, so it keeps the usual evidence.
            Verdict::Compatible if x.kind != Kind::Date && far_inside_bound(x, y) => rules.threshold,
            Verdict::Agree | Verdict::Compatible if x.kind != Kind::Date => rules.threshold_overlap,
            Verdict::Agree | Verdict::Compatible => rules.threshold,
            Verdict::Conflict if x.kind == Kind::Date => rules.threshold_date_conflict,
            Verdict::Conflict => rules.threshold,
        }
    };
    // "An additional four died in hospital" and "four died in hospitals": an addition told as
    // plainly as the whole is that whole only when the sentences say so.
    let needed = |a: usize, b: usize| {
        let n = needed_base(a, b);
        let (x, y) = (&claims[a], &claims[b]);
        if x.subject.qualifiers != y.subject.qualifiers || degree_beside_plain(cx, a, b) {
            n.max(rules.threshold_added)
        } else {
            n
        }
    };
    // Inside a group, every pair from two sources must be at least this alike.
    // A pair that would conflict must meet the full evidence on its own, whatever linked its
    // clusters: a member joined through a close neighbour may still be unrelated to a disjoint one.
    let floor_of = |n: f32| {
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
        rules.threshold_sole,
        rules.threshold_same_figure,
        rules.threshold_bare,
        rules.threshold_other_role,
    ]
    .into_iter()
    .fold(f32::INFINITY, f32::min);
    // Pairs from one source are never scored (`ok` below judges them on their values), and a
    // large block scores only promising pairs, so neither a source with thousands of claims nor a
    // pile of thousands of sources costs quadratic time or memory.
    let candidates = candidates::pairs(claims, members, vectors);
    let block = Block { members, place: cx.place };
    // Only related pairs are kept; a missing pair scores 0, so memory follows the number of
    // related pairs, not of all pairs.
    let mut known = candidates::Scored::new(block, candidates, |a, b| vectors.mutual(a, b));
    // The pairs alike enough that they might meet what they need, most alike first.
    let mut ranking = known.ranking(least_needed);
    // A pair's score (0 when unrelated) and what it needs: `needed` reads both sources' claims,
    // so it is asked only when a merge weighs the pair, and once per scored pair.
    let score_and_needed =
        |known: &mut candidates::Scored, a: usize, b: usize| known.score_and_needed(a, b, || needed(a, b));
    let score_and_floor = |known: &mut candidates::Scored, a: usize, b: usize| {
        let (s, n) = score_and_needed(known, a, b);
        (s, floor_of(n))
    };

    let mut clusters = Clusters::singletons(block);
    // Two clusters found apart stay apart: a cluster that grows keeps the pair that kept it
    // apart. Without this, every edge between two large clusters would check them again. Kept
    // as `candidates::key`, half the bytes of two `usize` over a pile's block.
    let mut apart: HashSet<(u32, u32)> = HashSet::default();
    while let Some(edges) = ranking.next(&known) {
        for &k in edges {
            let (a, b) = known.pair_at(k);
            let (ca, cb) = (clusters.of(a), clusters.of(b));
            if ca == cb || apart.contains(&candidates::key(ca, cb)) {
                continue;
            }
            // What a pair needs is asked only here: most pairs of a fact many outlets tell lie
            // within one cluster by the time their turn comes, and are never asked.
            let (s, n) = score_and_needed(&mut known, a, b);
            if s < n {
                continue;
            }
            // Complete linkage where a wrong pair would do harm, average linkage elsewhere: every
            // pair that would conflict must be alike enough on its own, while pairs that agree or
            // overlap only need the two clusters alike on the whole (outlets word one fact in many
            // ways, and name one count by different nouns: "23 pirates", "23 Somalis").
            let mut ok = true;
            let (mut sum, mut need, mut pairs) = (0.0f32, 0.0f32, 0usize);
            clusters.judged_pairs(claims, cx.by_source, (ca, cb), |x, y| {
                // One pair that keeps the two apart settles it: the rest need not be asked.
                if !ok {
                    return;
                }
                let (cx, cy) = (&claims[x], &claims[y]);
                if cx.source == cy.source {
                    // One source writing two different values: two facts, not one. Judged on
                    // the values as written, since "by late July" is open below.
                    // One figure converted in brackets ("10 kilometers (6 miles)") is one fact.
                    ok &= compare::one_figure(cx, cy, rules);
                    return;
                }
                let (s, f) = score_and_floor(&mut known, x, y);
                if f.is_infinite()
                    || (f >= rules.threshold * 0.5 && s < f && compare::relate(cx, cy, rules) == Verdict::Conflict)
                    || (unnamed(x, y) && s < rules.threshold_bare)
                {
                    ok = false;
                }
                sum += s;
                // On the whole, as alike as the pairs ask, up to `threshold_same_value` each:
                // the very same figure of one noun asks next to nothing.
                need += f.min(rules.threshold_same_value);
                pairs += 1;
            });
            if !ok || (pairs > 0 && sum < need) {
                apart.insert(candidates::key(ca, cb));
                continue;
            }
            clusters.merge(ca, cb);
        }
    }
    // Its last run is not kept through the passes below, the block's other peak.
    drop(ranking);
    // Outlets word one fact in many ways, so one fact often ends in several clusters, each alike
    // within but no pair alike across. Clusters whose values overlap pair by pair join when their
    // words, pooled, are alike: a cluster's pooled words say more than any one sentence, and a
    // wrong join yields at worst a false "compatible", never a conflict. Only
    // clusters linked by a scored pair are weighed, so the cost follows the scored pairs.
    // Not dates: many things of one story happen on one day (the event, each statement).
    // Listed, and sorted and freed of repeats whenever the list is full, before it would grow: a
    // pile's largest block links a million pairs of claims of two clusters, but far fewer pairs
    // of clusters, and a set would hold them in nodes of three times the bytes. Clusters are
    // named by claims, which `candidates::key` holds as `u32`: half the bytes of `usize`.
    let mut links: Vec<(u32, u32)> = Vec::new();
    for (a, b, _) in known.iter().filter(|&(a, _, _)| claims[a as usize].kind != Kind::Date) {
        let (p, q) = (clusters.of(a as usize), clusters.of(b as usize));
        // A claim's partners often lie in one cluster, which links the two clusters again.
        if p == q || links.last() == Some(&candidates::key(p, q)) {
            continue;
        }
        if links.len() == links.capacity() && links.len() >= LINKS_KEPT_WHOLE {
            links.sort_unstable();
            links.dedup();
            // Room for as many again, so that each sort reads at least half new links.
            links.reserve(links.len().max(LINKS_KEPT_WHOLE));
        }
        links.push(candidates::key(p, q));
    }
    links.sort_unstable();
    links.dedup();
    // Pooled words never need less likeness than one pair telling the same value.
    let least = rules.threshold_pooled.max(rules.threshold_same_value);
    let mut pooled = vectors::PooledCache::default();
    let mut ranked: Vec<(f32, u32, u32)> = Vec::with_capacity(links.len());
    ranked.extend(
        links
            .into_iter()
            .map(|(p, q)| (pooled.similarity(vectors, clusters.all(), p as usize, q as usize), p, q))
            .filter(|&(s, _, _)| s >= least),
    );
    ranked.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then_with(|| (x.1, x.2).cmp(&(y.1, y.2))));
    for (_, p, q) in ranked {
        let (ca, cb) = (clusters.of(p as usize), clusters.of(q as usize));
        if ca == cb {
            continue;
        }
        if pooled.similarity(vectors, clusters.all(), ca, cb) < least {
            continue;
        }
        let mut ok = true;
        clusters.judged_pairs(claims, cx.by_source, (ca, cb), |x, y| {
            let (cx, cy) = (&claims[x], &claims[y]);
            ok = ok
                && if cx.source == cy.source {
                    compare::one_figure(cx, cy, rules)
                } else {
                    compare::relate(cx, cy, rules) != Verdict::Conflict && {
                        let (s, f) = score_and_floor(&mut known, x, y);
                        f.is_finite() && (!unnamed(x, y) || s >= rules.threshold_bare)
                    }
                };
        });
        if ok {
            pooled.forget(ca);
            pooled.forget(cb);
            clusters.merge(ca, cb);
        }
    }
    // A figure left on its own joins the group it is an outlier of (`sole::outlier_targets`).
    // So does a mention of the story's day (`days::day_targets`), a figure listed where others
    // list theirs (`lists::list_targets`), an outlet's only distance from a named place others
    // measure from (`places::place_targets`), outlets' only times of the story's day
    // (`times::time_targets`), an exact span beside its outlet's own round bound of it
    // (`restated::rounded_targets`), a headline figure beside its own body's figure of the fact
    // (`headlines::headline_targets`), a figure whose value it tells as its source's only
    // figure of the role (`loners::loner_targets`) and a figure its outlet tells again in other
    // words (`repeats::repeat_targets`) or of another noun (`restated::restated_targets`); the
    // last three change no verdict and so need no ground.
    let names = clusters.names();
    let mut joins: Vec<(usize, usize, Option<Ground>)> = [
        sole::outlier_targets(cx, clusters.all(), &names),
        days::day_targets(cx, clusters.all(), &names),
        lists::list_targets(cx, &clusters, &names, members),
        places::place_targets(cx, clusters.all(), &names),
        times::time_targets(cx, clusters.all(), &names),
        restated::rounded_targets(cx, &clusters),
        headlines::headline_targets(cx, &clusters),
    ]
    .concat()
    .into_iter()
    .map(|(o, t, g)| (o, t, Some(g)))
    .collect();
    let unfounded = [
        loners::loner_targets(cx, clusters.all(), &names),
        repeats::repeat_targets(cx, &clusters, &names),
        restated::restated_targets(cx, &clusters, &names),
    ]
    .concat();
    joins.extend(unfounded.into_iter().map(|(o, t)| (o, t, None)));
    let mut grounds: HashMap<usize, Vec<Ground>> = HashMap::default();
    for (o, t, ground) in joins {
        let target = clusters.of(t);
        // `o` was a cluster of its own; an earlier join may have moved it already.
        if clusters.of(o) == o && target != o {
            clusters.merge(target, o);
            // Two figures of one outlet joining on one ground (a distance and its conversion)
            // give the report one reason, not two.
            let list = grounds.entry(target).or_default();
            list.extend(ground.filter(|g| !list.contains(g)));
        }
    }
    // Outlets that disagree on a figure end in one group per value: such camps of one role join.
    // Only groups linked by a scored pair are weighed, so the cost follows the scored pairs.
    // Read as they are met, never listed: in a pile's largest block they are millions, and their
    // list was the largest thing the whole check held.
    let linked = known
        .iter()
        .map(|(a, b, _)| (a as usize, b as usize))
        .filter(|&(a, b)| cx.same_role(a, b) && !cx.roles[a].1.is_empty());
    camps::merge_camps(cx, &mut clusters, &mut grounds, linked);
    let mut out: Vec<Aligned> = clusters
        .into_named()
        .filter(|(_, c)| {
            let first = claims[c[0]].source;
            c.iter().any(|&m| claims[m].source != first)
        })
        .map(|(key, mut c)| {
            c.sort_unstable();
            let mut grounds = grounds.remove(&key).unwrap_or_default();
            let role = &cx.roles[c[0]];
            // Every member its outlet's only figure of one role: the ground of any pair of them,
            // said when no join says more.
            if grounds.is_empty() && c.iter().all(|&m| cx.sole[m] && &cx.roles[m] == role) {
                grounds.insert(0, Ground::Sole(role.1.to_string()));
            }
            Aligned { members: c, grounds }
        })
        .collect();
    out.sort_by(|a, b| a.members.cmp(&b.members));
    out
}

#[cfg(test)]
mod tests;
