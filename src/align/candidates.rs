//! A block's claims and their subject vectors in, the cross-source pairs worth scoring out, and
//! the scored ones kept for the merges to read. A block of a story (hundreds of claims) is scored
//! pair by pair; a block of a pile of thousands of sources only where two claims share a
//! distinctive subject term, at most a fixed number of partners per claim, so the cost grows with
//! the number of claims rather than its square.

use rustc_hash::FxHashMap as HashMap;

use super::vectors::Vectors;
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

/// The key of the pair of claims `a` and `b` in either order, as two `u32`: a block of a pile
/// keeps millions of scored pairs, and keys of two `usize` would make each entry of 12 bytes 24.
/// Claims are never counted in billions: each holds its sentence's words, so four billion of them
/// would not fit in memory first.
pub(super) fn key(a: usize, b: usize) -> (u32, u32) {
    debug_assert!(a.max(b) <= u32::MAX as usize, "claim index {} beyond u32", a.max(b));
    (a.min(b) as u32, a.max(b) as u32)
}

/// The pairs of claims of different sources in `members` (ascending) to score, as `key`, sorted.
pub(super) fn pairs(claims: &[Claim], members: &[usize], vectors: &Vectors) -> Vec<(u32, u32)> {
    // Each member's source, read once: a block of a pile reads it for every partner it weighs,
    // and a claim's source in a list of its own stays in cache where the claims do not.
    let source: Vec<usize> = members.iter().map(|&m| claims[m].source as usize).collect();
    if members.len() <= EXACT_BLOCK {
        // Counted first, so the list is made at its size rather than doubled past it.
        let n = members.len();
        let mut per_source: HashMap<usize, usize> = HashMap::default();
        for &s in &source {
            *per_source.entry(s).or_default() += 1;
        }
        let same: usize = per_source.values().map(|&k| k * (k - 1) / 2).sum();
        let mut out = Vec::with_capacity(n * n.saturating_sub(1) / 2 - same);
        for (p, &a) in members.iter().enumerate() {
            for (q, &b) in members.iter().enumerate().skip(p + 1) {
                if source[p] != source[q] {
                    out.push(key(a, b));
                }
            }
        }
        return out;
    }
    let (partners, ends) = partners(members, &source, vectors);
    let of = |p: usize| &partners[if p == 0 { 0 } else { ends[p - 1] }..ends[p]];
    // A pair chosen from both sides is listed once, from its first side, so the list is never
    // twice the size it ends at.
    let listed = |p: usize, q: usize| p < q || of(q).binary_search(&(p as u32)).is_err();
    // Counted first, so the list is made at its size rather than doubled past it.
    let count = (0..members.len()).map(|p| of(p).iter().filter(|&&q| listed(p, q as usize)).count()).sum();
    let mut out = Vec::with_capacity(count);
    for p in 0..members.len() {
        for &q in of(p) {
            let q = q as usize;
            if listed(p, q) {
                out.push(key(members[p], members[q]));
            }
        }
    }
    out.sort_unstable();
    out
}

/// Each member's most promising partners of other sources in a large block (by position), sorted,
/// in one flat list, and where each member's end. What finds them is dropped on return, before
/// the pairs are listed.
fn partners(members: &[usize], source: &[usize], vectors: &Vectors) -> (Vec<u32>, Vec<usize>) {
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

    let mut partners: Vec<u32> = Vec::with_capacity(members.len() * PER_CLAIM);
    let mut ends: Vec<usize> = Vec::with_capacity(members.len());
    let mut score = vec![0.0f32; members.len()];
    let mut touched: Vec<usize> = Vec::new();
    for p in 0..members.len() {
        for &(t, w) in keys_of(p) {
            for q in postings.get(&t).map_or(&[][..], Vec::as_slice).iter().map(|&q| q as usize) {
                if q != p && source[q] != source[p] {
                    if score[q] == 0.0 {
                        touched.push(q);
                    }
                    score[q] += w;
                }
            }
        }
        if touched.len() > PER_CLAIM {
            touched.select_nth_unstable_by(PER_CLAIM - 1, |&x, &y| score[y].total_cmp(&score[x]).then(x.cmp(&y)));
        }
        let start = partners.len();
        partners.extend(touched.iter().take(PER_CLAIM).map(|&q| q as u32));
        partners[start..].sort_unstable();
        ends.push(partners.len());
        for &q in &touched {
            score[q] = 0.0;
        }
        touched.clear();
    }
    (partners, ends)
}

/// The candidate pairs of a block that scored above 0, each with its score and, once asked, what
/// it needs; and what pairs never scored need, once asked. Kept in rows, one per member, of the
/// pairs it is the first claim of, sorted: a pile's block holds millions of pairs, which a hash
/// table would spread over half as much memory again, at random, and walk in no particular order.
pub(super) struct Scored<'a> {
    /// The block's members, ascending: row `p` holds the pairs whose first claim is `members[p]`.
    members: &'a [usize],
    /// Where each row starts in the lists below, and where the last ends.
    starts: Vec<usize>,
    /// Each pair's second claim and its score: one list, made in the place of the candidate pairs
    /// it is scored from, so a pile's block never holds the candidates and the scores at once.
    scored: Vec<(u32, f32)>,
    /// What each pair needs, once asked, as its place in `needs` plus one; 0 until asked. One byte
    /// a pair, where the need itself takes four: a need is one of the few thresholds of the rules,
    /// so a block meets few distinct ones.
    needed: Vec<u8>,
    /// The distinct needs met so far, in the order met; at most `NEEDS` of them.
    needs: Vec<f32>,
    /// What pairs need by their key, once asked: the pairs never scored (the few a merge weighs),
    /// and scored pairs whose need is not among `needs` once that is full.
    asked: HashMap<(u32, u32), f32>,
}

/// Fewer scored pairs than this (a story's blocks) are ranked by one sort of their scores beside
/// their places: below it, the counts a counting sort keeps take more bytes than that list.
const RANKED_BY_COUNTING: usize = 1 << 16;

/// Most distinct needs `Scored::needs` names; the byte after them marks a need kept in `asked`.
const NEEDS: usize = u8::MAX as usize - 1;

impl<'a> Scored<'a> {
    /// The `pairs` of `members` (sorted, as `key`) with their scores by `score`, those above 0.
    pub(super) fn new(members: &'a [usize], pairs: Vec<(u32, u32)>, score: impl Fn(usize, usize) -> f32) -> Self {
        debug_assert!(members.is_sorted() && pairs.is_sorted());
        let mut starts = Vec::with_capacity(members.len() + 1);
        // Each pair scored above 0 is written over the candidates already read, as its second
        // claim and its score, which take the bytes of a candidate's two claims.
        let mut pairs = pairs;
        let (mut read, mut kept) = (0, 0);
        for &m in members {
            starts.push(kept);
            while let Some(&(a, b)) = pairs.get(read).filter(|&&(a, _)| a as usize == m) {
                read += 1;
                let s = score(a as usize, b as usize);
                if s > 0.0 {
                    pairs[kept] = (b, s.to_bits());
                    kept += 1;
                }
            }
        }
        starts.push(kept);
        pairs.truncate(kept);
        pairs.shrink_to_fit();
        // Same size and alignment, so the list is reused in place, not copied.
        let scored: Vec<(u32, f32)> = pairs.into_iter().map(|(b, bits)| (b, f32::from_bits(bits))).collect();
        Scored { members, starts, needed: vec![0; scored.len()], needs: Vec::new(), scored, asked: HashMap::default() }
    }

    /// Where the pair of `a` and `b` is kept, if it scored.
    fn find(&self, a: usize, b: usize) -> Option<usize> {
        let (first, second) = key(a, b);
        let p = self.members.binary_search(&(first as usize)).ok()?;
        let row = self.starts[p]..self.starts[p + 1];
        self.scored[row.clone()].binary_search_by_key(&second, |&(b, _)| b).ok().map(|k| row.start + k)
    }

    /// The score of the pair of `a` and `b` (0 when never scored) and what it needs, asked of
    /// `needed` once per pair.
    pub(super) fn score_and_needed(&mut self, a: usize, b: usize, needed: impl FnOnce() -> f32) -> (f32, f32) {
        let Some(k) = self.find(a, b) else { return (0.0, *self.asked.entry(key(a, b)).or_insert_with(needed)) };
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
        (self.scored[k].1, need)
    }

    /// The scored pairs at least `least` alike, as their place in the list, most alike first, then
    /// in order of key. The place stands in for the pair (`pair_at`), and its score is read there:
    /// a pile's block ranks millions of pairs, in a third of the bytes a score and two claims
    /// would take.
    pub(super) fn ranked(&self, least: f32) -> Vec<u32> {
        let mut sorted = Vec::new();
        if self.scored.len() < RANKED_BY_COUNTING {
            let mut ranked: Vec<u32> =
                (0..self.scored.len() as u32).filter(|&k| self.scored[k as usize].1 >= least).collect();
            self.sort_by_score(&mut ranked, &mut sorted);
            return ranked;
        }
        // Sorted by counting first, on the upper half of each score's bits (a score is above 0,
        // so its bits order as it does), which needs no list of scores beside the places; then
        // within each share of equal upper halves, through a list of that share alone.
        let share = |s: f32| usize::from(u16::MAX - (s.to_bits() >> 16) as u16);
        let mut starts = vec![0usize; 1 << 16 | 1];
        for &(_, s) in self.scored.iter().filter(|&&(_, s)| s >= least) {
            starts[share(s) + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut ranked = vec![0u32; starts[starts.len() - 1]];
        let mut next = starts.clone();
        // In order of place, so each share lists its places in order of key.
        for (k, &(_, s)) in self.scored.iter().enumerate().filter(|&(_, &(_, s))| s >= least) {
            ranked[next[share(s)]] = k as u32;
            next[share(s)] += 1;
        }
        let score = |k: u32| self.scored[k as usize].1;
        for w in starts.windows(2) {
            let share = &mut ranked[w[0]..w[1]];
            // Most shares hold one score (a pile repeats its sentences word for word), already
            // in order of place.
            if !share.windows(2).all(|w| score(w[0]) == score(w[1])) {
                self.sort_by_score(share, &mut sorted);
            }
        }
        ranked
    }

    /// Sorts `places` most alike first, then in order of key, through `sorted`, a list of their
    /// scores beside them, which keeps the sort reading one list in order.
    fn sort_by_score(&self, places: &mut [u32], sorted: &mut Vec<(f32, u32)>) {
        sorted.clear();
        sorted.extend(places.iter().map(|&k| (self.scored[k as usize].1, k)));
        // Places follow the order of keys, and no two are equal, so an unstable sort is as
        // deterministic as a stable one.
        sorted.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        places.iter_mut().zip(sorted.iter()).for_each(|(k, &(_, place))| *k = place);
    }

    /// The pair at place `k` of the list (`ranked`), as `key`.
    pub(super) fn pair_at(&self, k: u32) -> (usize, usize) {
        let k = k as usize;
        // The row holding `k` is the last to start at or before it (rows before it may be empty).
        let row = self.starts.partition_point(|&start| start <= k) - 1;
        (self.members[row], self.scored[k].0 as usize)
    }

    /// Every scored pair as `key` with its score, in order of key.
    pub(super) fn iter(&self) -> impl Iterator<Item = (u32, u32, f32)> + '_ {
        self.members.iter().enumerate().flat_map(move |(p, &a)| {
            self.scored[self.starts[p]..self.starts[p + 1]].iter().map(move |&(b, s)| (a as u32, b, s))
        })
    }
}
