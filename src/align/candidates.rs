//! A block's claims and their subject vectors in, the cross-source pairs worth scoring out, and
//! the scored ones kept for the merges to read. A block of a story (hundreds of claims) is scored
//! pair by pair; a block of a pile of thousands of sources only where two claims share a
//! distinctive subject term, at most a fixed number of partners per claim, so the cost grows with
//! the number of claims rather than its square.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

mod ranking;
pub(super) use ranking::Ranking;

use super::grouped::counted_rows;
use super::vectors::Vectors;
use super::Block;
use crate::claim::Claim;

/// Blocks up to this many claims are scored pair by pair: every story, exactly as before.
pub(super) const EXACT_BLOCK: usize = 1_500;

/// How many of a claim's heaviest terms find its partners.
const KEY_TERMS: usize = 6;

/// A term held by more claims of a block than this names no particular fact ("report", "quake" in
/// a pile of earthquake coverage), so it finds no partners.
const MAX_POSTING: usize = 400;

/// Most partners a claim is scored against in a large block, the most promising first.
const PER_CLAIM: usize = 48;

/// Members whose partners one task finds: enough that a task outweighs its scheduling, few enough
/// that the cores share a block evenly.
const ROWS_A_TASK: usize = 1_024;

// A row's length is kept in a byte.
const _: () = assert!(PER_CLAIM <= u8::MAX as usize);

/// The key of the pair of claims `a` and `b` in either order, as two `u32`: a block of a pile
/// keeps millions of scored pairs, and keys of two `usize` would make each entry of 12 bytes 24.
/// Claims are never counted in billions: each holds its sentence's words, so four billion of them
/// would not fit in memory first.
pub(super) fn key(a: usize, b: usize) -> (u32, u32) {
    debug_assert!(a.max(b) <= u32::MAX as usize, "claim index {} beyond u32", a.max(b));
    (a.min(b) as u32, a.max(b) as u32)
}

/// The candidate pairs of a block to score: in rows, one per member, of the second claims of the
/// pairs it is the first claim of, ascending. Rows rather than a list of pairs: a pile's largest
/// block lists millions, which as two claims each, beside the partners they were found from, were
/// the alignment's heap peak.
pub(super) struct Candidates {
    /// Where each member's row starts in `seconds`, and where the last ends.
    starts: Vec<usize>,
    /// Each pair's second claim.
    seconds: Vec<u32>,
}

/// The pairs of claims of different sources in `members` (ascending) to score.
pub(super) fn pairs(claims: &[Claim], members: &[usize], vectors: &Vectors) -> Candidates {
    // Each member's source, read once: a block of a pile reads it for every partner it weighs,
    // and a claim's source in a list of its own stays in cache where the claims do not.
    let source: Vec<usize> = members.iter().map(|&m| claims[m].source as usize).collect();
    let n = members.len();
    if n <= EXACT_BLOCK {
        // Counted first, so the list is made at its size rather than doubled past it.
        let mut per_source: HashMap<usize, usize> = HashMap::default();
        for &s in &source {
            *per_source.entry(s).or_default() += 1;
        }
        let same: usize = per_source.values().map(|&k| k * (k - 1) / 2).sum();
        let mut seconds = Vec::with_capacity(n * n.saturating_sub(1) / 2 - same);
        let mut starts = Vec::with_capacity(n + 1);
        for p in 0..n {
            starts.push(seconds.len());
            seconds.extend((p + 1..n).filter(|&q| source[p] != source[q]).map(|q| members[q] as u32));
        }
        starts.push(seconds.len());
        return Candidates { starts, seconds };
    }
    let (partners, lengths) = partners(members, &source, vectors);
    let of = |p: usize| &partners[p * PER_CLAIM..p * PER_CLAIM + lengths[p] as usize];
    // A pair chosen from both sides is listed once, from its first side, so the list is never
    // twice the size it ends at.
    let listed = || {
        (0..n).flat_map(move |p| {
            of(p)
                .iter()
                .map(|&q| q as usize)
                .filter(move |&q| p < q || of(q).binary_search(&(p as u32)).is_err())
                .map(move |q| (p.min(q), p.max(q)))
        })
    };
    let (starts, seconds) = counted_rows(n, || listed().map(|(first, second)| (first, members[second] as u32)));
    drop(partners);
    let mut candidates = Candidates { starts, seconds };
    candidates.sort_rows();
    candidates
}

impl Candidates {
    /// Sorts each row, on as many cores as there are, a run of rows a task.
    fn sort_rows(&mut self) {
        let starts = &self.starts;
        runs_of_rows(starts, &mut self.seconds).into_par_iter().for_each(|(rows, run)| {
            for p in rows.clone() {
                run[starts[p] - starts[rows.start]..starts[p + 1] - starts[rows.start]].sort_unstable();
            }
        });
    }

    /// The candidates of `members` given as a sorted list of pairs (as `key`), for tests.
    #[cfg(test)]
    pub(super) fn of_pairs(members: &[usize], pairs: &[(u32, u32)]) -> Candidates {
        let mut starts = vec![0];
        for &m in members {
            starts.push(pairs.partition_point(|&(a, _)| a as usize <= m));
        }
        Candidates { starts, seconds: pairs.iter().map(|&(_, b)| b).collect() }
    }
}

/// Each member's most promising partners of other sources in a large block (by position), sorted:
/// one flat list of a row of `PER_CLAIM` slots a member, and how many slots of each row are used.
/// What finds them is dropped on return, before the pairs are listed.
fn partners(members: &[usize], source: &[usize], vectors: &Vectors) -> (Vec<u32>, Vec<u8>) {
    // Each claim's key terms, one claim after another in one list (a list each would hold every
    // term of a pile's claims, not the few kept), and for each term the block's claims (by
    // position) that hold it.
    let mut keys: Vec<(u32, f32)> = Vec::with_capacity(members.len() * KEY_TERMS);
    let mut key_ends: Vec<usize> = Vec::with_capacity(members.len());
    let mut terms: Vec<(u32, f32)> = Vec::new();
    for &m in members {
        terms.clear();
        terms.extend_from_slice(vectors.terms(m));
        terms.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        keys.extend(terms.iter().take(KEY_TERMS));
        key_ends.push(keys.len());
    }
    let keys_of = |p: usize| &keys[if p == 0 { 0 } else { key_ends[p - 1] }..key_ends[p]];
    // Positions as `u32`, like the partners below: half the bytes of `usize`.
    let mut postings: HashMap<u32, Vec<u32>> = HashMap::default();
    for p in 0..members.len() {
        for &(t, _) in keys_of(p) {
            postings.entry(t).or_default().push(p as u32);
        }
    }
    postings.retain(|_, list| list.len() <= MAX_POSTING);

    // Each member's partners are found apart from the others', so on as many cores as there are,
    // in rows of `PER_CLAIM` slots written in place, each row's length beside: the list is made
    // at its most once, never gathered from pieces.
    let mut partners: Vec<u32> = vec![0; members.len() * PER_CLAIM];
    let mut lengths: Vec<u8> = vec![0; members.len()];
    partners
        .par_chunks_mut(PER_CLAIM * ROWS_A_TASK)
        .zip(lengths.par_chunks_mut(ROWS_A_TASK))
        .enumerate()
        .for_each_init(
            || Tally { score: vec![0.0; members.len()], touched: Vec::new() },
            |tally, (task, (rows, lengths))| {
                for (r, (row, length)) in rows.chunks_mut(PER_CLAIM).zip(lengths.iter_mut()).enumerate() {
                    let p = task * ROWS_A_TASK + r;
                    for &(t, w) in keys_of(p) {
                        let holders = postings.get(&t).map_or(&[][..], Vec::as_slice).iter().map(|&q| q as usize);
                        tally.add(holders.filter(|&q| q != p && source[q] != source[p]), w);
                    }
                    *length = tally.take_best(row) as u8;
                }
            },
        );
    (partners, lengths)
}

/// `items`, kept in rows that `starts` begins (its last entry where the last ends), cut into runs
/// of `ROWS_A_TASK` rows, each with the rows it holds: a task each, on as many cores as there are.
fn runs_of_rows<'s, T>(starts: &[usize], items: &'s mut [T]) -> Vec<(Range<usize>, &'s mut [T])> {
    let rows = starts.len() - 1;
    let mut runs = Vec::with_capacity(rows / ROWS_A_TASK + 1);
    let mut rest = items;
    for first in (0..rows).step_by(ROWS_A_TASK) {
        let last = (first + ROWS_A_TASK).min(rows);
        let (run, tail) = std::mem::take(&mut rest).split_at_mut(starts[last] - starts[first]);
        runs.push((first..last, run));
        rest = tail;
    }
    runs
}

/// The key terms a block's members share with one member, summed by member (by position): one a
/// task, reused from member to member.
struct Tally {
    /// Per member, the weight it shares so far; 0 for all but `touched`.
    score: Vec<f32>,
    /// The members sharing any weight so far.
    touched: Vec<usize>,
}

impl Tally {
    /// Adds `weight` to each of `holders`.
    fn add(&mut self, holders: impl Iterator<Item = usize>, weight: f32) {
        for q in holders {
            if self.score[q] == 0.0 {
                self.touched.push(q);
            }
            self.score[q] += weight;
        }
    }

    /// Writes the members sharing most into `row` (up to its length), ascending, returns how many,
    /// and clears the tally.
    fn take_best(&mut self, row: &mut [u32]) -> usize {
        let (score, touched) = (&mut self.score, &mut self.touched);
        if touched.len() > row.len() {
            touched.select_nth_unstable_by(row.len() - 1, |&x, &y| score[y].total_cmp(&score[x]).then(x.cmp(&y)));
        }
        let kept = touched.len().min(row.len());
        for (slot, &q) in row.iter_mut().zip(touched.iter()) {
            *slot = q as u32;
        }
        row[..kept].sort_unstable();
        for &q in touched.iter() {
            score[q] = 0.0;
        }
        touched.clear();
        kept
    }
}

/// The candidate pairs of a block that scored above 0, each with its score and, once asked, what
/// it needs. Kept in rows, one per member, of the pairs it is the first claim of, sorted: a pile's
/// block holds millions of pairs, which a hash table would spread over half as much memory again,
/// at random, and walk in no particular order.
pub(super) struct Scored<'a> {
    /// The block: row `p` holds the pairs whose first claim is its member `p`.
    block: Block<'a>,
    /// Where each row starts in the lists below, and where the last ends.
    starts: Vec<usize>,
    /// Each pair's second claim: the candidates' list, kept.
    seconds: Vec<u32>,
    /// Each pair's score, above 0.
    scores: Vec<f32>,
    /// What each pair needs, once asked, as its place in `needs` plus one; 0 until asked. One byte
    /// a pair, where the need itself takes four: a need is one of the few thresholds of the rules,
    /// so a block meets few distinct ones.
    needed: Vec<u8>,
    /// The distinct needs met so far, in the order met; at most `NEEDS` of them.
    needs: Vec<f32>,
    /// What scored pairs need by their key, once asked, when their need is not among `needs`
    /// once that is full.
    asked: HashMap<(u32, u32), f32>,
}

/// Most distinct needs `Scored::needs` names; the byte after them marks a need kept in `asked`.
const NEEDS: usize = u8::MAX as usize - 1;

impl<'a> Scored<'a> {
    /// The `candidates` of the members of `block` with their scores by `score`, those above 0.
    pub(super) fn new(block: Block<'a>, candidates: Candidates, score: impl Fn(usize, usize) -> f32 + Sync) -> Self {
        let members = block.members;
        debug_assert!(members.is_sorted());
        let Candidates { mut starts, mut seconds } = candidates;
        // Pairs are scored apart from each other, so on as many cores as there are.
        let mut scores = vec![0.0f32; seconds.len()];
        runs_of_rows(&starts, &mut scores).into_par_iter().for_each(|(rows, run)| {
            for p in rows.clone() {
                for k in starts[p]..starts[p + 1] {
                    run[k - starts[rows.start]] = score(members[p], seconds[k] as usize);
                }
            }
        });
        // The pairs that scored 0 are dropped, each row closed up.
        let mut kept = 0;
        for p in 0..members.len() {
            let (from, to) = (starts[p], starts[p + 1]);
            starts[p] = kept;
            for k in from..to {
                if scores[k] > 0.0 {
                    (seconds[kept], scores[kept]) = (seconds[k], scores[k]);
                    kept += 1;
                }
            }
        }
        starts[members.len()] = kept;
        seconds.truncate(kept);
        seconds.shrink_to_fit();
        scores.truncate(kept);
        scores.shrink_to_fit();
        Scored { block, starts, needed: vec![0; kept], needs: Vec::new(), seconds, scores, asked: HashMap::default() }
    }

    /// Where the pair of `a` and `b` is kept, if it scored.
    fn find(&self, a: usize, b: usize) -> Option<usize> {
        let (first, second) = key(a, b);
        let p = self.block.place_of(first as usize)?;
        let row = self.starts[p]..self.starts[p + 1];
        self.seconds[row.clone()].binary_search(&second).ok().map(|k| row.start + k)
    }

    /// The score of the pair of `a` and `b` (0 when never scored) and what it needs, asked of
    /// `needed` once per scored pair.
    pub(super) fn score_and_needed(&mut self, a: usize, b: usize, needed: impl FnOnce() -> f32) -> (f32, f32) {
        // A pair never scored is asked again each time: merges seldom weigh one twice (under 1% of
        // such asks in a pile's largest block), and keeping what they need held a tenth of the
        // alignment's heap.
        let Some(k) = self.find(a, b) else { return (0.0, needed()) };
        let need = match self.needed[k] as usize {
            0 => {
                let need = needed();
                // Compared as bits, so that a NaN need is found again like any other.
                let known = self.needs.iter().position(|n| n.to_bits() == need.to_bits());
                let place = known.or_else(|| {
                    (self.needs.len() < NEEDS).then(|| self.needs.push(need)).map(|()| self.needs.len() - 1)
                });
                match place {
                    Some(place) => self.needed[k] = place as u8 + 1,
                    None => {
                        self.needed[k] = u8::MAX;
                        self.asked.insert(key(a, b), need);
                    }
                }
                need
            }
            code if code == u8::MAX as usize => self.asked[&key(a, b)],
            code => self.needs[code - 1],
        };
        (self.scores[k], need)
    }

    /// The scored pairs at least `least` alike, as their place in the list, most alike first, then
    /// in order of key, handed out in runs (`Ranking::next`). The place stands in for the pair
    /// (`pair_at`), and its score is read there: a pile's block ranks millions of pairs, in a
    /// third of the bytes a score and two claims would take.
    pub(super) fn ranking(&self, least: f32) -> Ranking {
        Ranking::new(self, least)
    }

    /// Sorts `places` most alike first, then in order of key, through `sorted`, a list of their
    /// scores beside them, which keeps the sort reading one list in order.
    fn sort_by_score(&self, places: &mut [u32], sorted: &mut Vec<(f32, u32)>) {
        sorted.clear();
        sorted.extend(places.iter().map(|&k| (self.scores[k as usize], k)));
        // Places follow the order of keys, and no two are equal, so an unstable sort is as
        // deterministic as a stable one.
        sorted.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        places.iter_mut().zip(sorted.iter()).for_each(|(k, &(_, place))| *k = place);
    }

    /// The pair at place `k` of the list (`ranking`), as `key`.
    pub(super) fn pair_at(&self, k: u32) -> (usize, usize) {
        let k = k as usize;
        // The row holding `k` is the last to start at or before it (rows before it may be empty).
        let row = self.starts.partition_point(|&start| start <= k) - 1;
        (self.block.members[row], self.seconds[k] as usize)
    }

    /// Every scored pair as `key` with its score, in order of key.
    pub(super) fn iter(&self) -> impl Iterator<Item = (u32, u32, f32)> + '_ {
        self.block.members.iter().enumerate().flat_map(move |(p, &a)| {
            let row = self.starts[p]..self.starts[p + 1];
            self.seconds[row.clone()].iter().zip(&self.scores[row]).map(move |(&b, &s)| (a as u32, b, s))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each member's place among `members`, by claim, as `Context::place` has it.
    pub(in crate::align) fn places(members: &[usize]) -> Vec<u32> {
        let mut place = vec![0; members.last().map_or(0, |&m| m + 1)];
        for (p, &m) in members.iter().enumerate() {
            place[m] = p as u32;
        }
        place
    }

    /// A score of its own for every pair, 0 for about a third of them, so that rows lose pairs.
    fn score(a: usize, b: usize) -> f32 {
        if (a * 7 + b * 3) % 3 == 0 {
            0.0
        } else {
            ((a * 31 + b * 17) % 97) as f32 / 97.0 + 0.001
        }
    }

    #[test]
    fn scored_keeps_exactly_the_pairs_above_zero_across_tasks() {
        // Rows over several tasks, some empty, some only of pairs that score 0.
        let members: Vec<usize> = (0..ROWS_A_TASK * 3 + 17).map(|m| m * 2).collect();
        let mut pairs = Vec::new();
        for (p, &a) in members.iter().enumerate() {
            for &b in members.iter().skip(p + 1).step_by(p % 5 + 1).take(p % 23) {
                pairs.push(key(a, b));
            }
        }
        let expected: Vec<(u32, u32, f32)> =
            pairs.iter().map(|&(a, b)| (a, b, score(a as usize, b as usize))).filter(|&(_, _, s)| s > 0.0).collect();
        assert!(expected.len() < pairs.len() && !expected.is_empty() && members.len() > 2 * ROWS_A_TASK);
        let place = places(&members);
        let mut scored =
            Scored::new(Block { members: &members, place: &place }, Candidates::of_pairs(&members, &pairs), score);
        assert_eq!(scored.iter().collect::<Vec<_>>(), expected);
        for &(a, b) in &pairs {
            let (s, need) = scored.score_and_needed(b as usize, a as usize, || 0.5);
            assert_eq!(s, score(a as usize, b as usize));
            assert_eq!(need, 0.5);
        }
    }

    #[test]
    fn rows_are_sorted_apart_across_tasks() {
        // Rows of 0 to 4 claims, given in falling order, over several tasks' runs of rows.
        let rows = ROWS_A_TASK * 2 + 5;
        let mut starts = vec![0];
        let mut seconds = Vec::new();
        for p in 0..rows {
            seconds.extend((0..(p % 5) as u32).rev().map(|k| k * 7 + p as u32));
            starts.push(seconds.len());
        }
        let mut candidates = Candidates { starts: starts.clone(), seconds };
        candidates.sort_rows();
        for p in 0..rows {
            let expected: Vec<u32> = (0..(p % 5) as u32).map(|k| k * 7 + p as u32).collect();
            assert_eq!(candidates.seconds[starts[p]..starts[p + 1]], expected[..], "row {p}");
        }
    }

    #[test]
    fn tally_takes_the_heaviest_in_ascending_order_and_clears() {
        let mut tally = Tally { score: vec![0.0; 10], touched: Vec::new() };
        tally.add([7, 3, 9].into_iter(), 1.0);
        tally.add([3, 5].into_iter(), 2.0);
        tally.add([9].into_iter(), 0.5);
        let mut row = [0u32; 2];
        assert_eq!(tally.take_best(&mut row), 2);
        // 3 shares 3.0, 5 2.0, 9 1.5, 7 1.0.
        assert_eq!(row, [3, 5]);
        assert!(tally.touched.is_empty() && tally.score.iter().all(|&s| s == 0.0));
        let mut row = [0u32; 4];
        tally.add([1].into_iter(), 1.0);
        assert_eq!(tally.take_best(&mut row), 1);
        assert_eq!(row[0], 1);
    }
}
