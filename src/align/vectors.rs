//! Claims in, weighted subject vectors out: each claim's subject terms as ids, weighted by rarity
//! across the corpus, with spelling variants ("korea" ~ "korean") linked once per vocabulary, so
//! comparing two claims costs a merge of two short sorted lists, not a string comparison per pair.

use rustc_hash::FxHashMap as HashMap;

use crate::claim::{self, Claim, Term};
use crate::rules::Rules;

/// Shortest term that may match another by spelling similarity; shorter words differ in meaning
/// too often ("iran" / "iraq").
const FUZZY_MIN_LEN: usize = 5;

/// Subject vectors with corpus-wide rarity applied, ready for cosine similarity.
pub(super) struct Vectors {
    /// Every distinct vector's terms as (id, weight), each sorted by id, one after another: one
    /// list, not one per claim, since a pile's claims are hundreds of thousands. Claims whose
    /// subjects are word for word alike (an outlet's copy of another's sentence) share one.
    terms: Vec<(u32, f32)>,
    /// Where each vector's terms start in `terms`, and where the last one's end.
    starts: Vec<usize>,
    /// Each claim's vector.
    vector_of: Vec<u32>,
    /// Per vector, its length.
    norms: Vec<f32>,
    /// Per vector, its term ids folded into 256 bits: a spelling variant it lacks is mostly known
    /// to be missing without a search.
    masks: Vec<TermMask>,
    /// Per term id, the other terms alike enough in spelling, with their similarity.
    fuzzy: Vec<Vec<(u32, f32)>>,
}

impl Vectors {
    pub(super) fn new(claims: &[Claim], rules: &Rules) -> Vectors {
        let mut ids: HashMap<Term, u32> = HashMap::default();
        let mut words: Vec<&str> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        // Room for every claim's terms, of which only the distinct vectors' are written: memory
        // never written to is never held.
        let mut terms: Vec<(u32, f32)> = Vec::with_capacity(claims.iter().map(|c| c.subject.terms.len()).sum());
        let mut starts: Vec<usize> = Vec::new();
        let mut vector_of: Vec<u32> = Vec::with_capacity(claims.len());
        // Each vector by the hash of its terms as the claim gives them; of two vectors with one
        // hash, the later is merely not shared.
        let mut by_hash: HashMap<u64, u32> = HashMap::default();
        let mut is_unit: HashMap<Term, bool> = HashMap::default();
        for c in claims {
            let start = terms.len();
            // The unit is shared by every claim of a block already; only the context tells them
            // apart. Unit words ("kilometer", "mile") say how a value was written, not what it is about.
            for (term, w) in c.subject.terms.iter() {
                let unit_word = *is_unit.entry(*term).or_insert_with(|| rules.unit(term).is_some());
                if *term == c.unit || unit_word {
                    continue;
                }
                let id = *ids.entry(*term).or_insert_with(|| {
                    words.push(term.as_str());
                    df.push(0);
                    (words.len() - 1) as u32
                });
                if terms[start..].iter().all(|(t, _)| *t != id) {
                    df[id as usize] += 1;
                    terms.push((id, *w));
                }
            }
            // Rarity weighs a term by its id alone, so equal terms as given make equal vectors.
            let own = &terms[start..];
            let hash = claim::hash_of_terms(own);
            let same = by_hash.get(&hash).copied().filter(|&v| {
                // The last vector so far ends where this claim's terms begin.
                let end = starts.get(v as usize + 1).copied().unwrap_or(start);
                claim::terms_alike(&terms[starts[v as usize]..end], own)
            });
            match same {
                Some(v) => {
                    terms.truncate(start);
                    vector_of.push(v);
                }
                None => {
                    let v = starts.len() as u32;
                    by_hash.entry(hash).or_insert(v);
                    starts.push(start);
                    vector_of.push(v);
                }
            }
        }
        drop(by_hash);
        starts.push(terms.len());
        terms.shrink_to_fit();
        let n = claims.len().max(1) as f32;
        let vectors = starts.len() - 1;
        let mut norms = Vec::with_capacity(vectors);
        for v in 0..vectors {
            let v = &mut terms[starts[v]..starts[v + 1]];
            for (id, w) in v.iter_mut() {
                *w *= (1.0 + n / df[*id as usize] as f32).ln();
            }
            v.sort_unstable_by_key(|(id, _)| *id);
            norms.push(v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt());
        }
        let fuzzy = fuzzy_links(&words, rules.fuzzy_term);
        let masks = (0..vectors).map(|v| TermMask::of(&terms[starts[v]..starts[v + 1]])).collect();
        Vectors { terms, starts, vector_of, norms, masks, fuzzy }
    }

    /// The terms of claim `c` as (id, weight), sorted by id.
    pub(super) fn terms(&self, c: usize) -> &[(u32, f32)] {
        self.vector(self.vector_of[c] as usize)
    }

    /// The terms of vector `v`.
    fn vector(&self, v: usize) -> &[(u32, f32)] {
        &self.terms[self.starts[v]..self.starts[v + 1]]
    }

    /// The length of claim `c`'s vector.
    fn norm(&self, c: usize) -> f32 {
        self.norms[self.vector_of[c] as usize]
    }

    /// Soft cosine: each term of `a` meets its best match in `b` (equal, or alike in spelling).
    pub(super) fn similarity(&self, a: usize, b: usize) -> f32 {
        self.directed(a, b).0
    }

    /// The similarity both ways round, the smaller: a pair is as alike as its less convinced side.
    pub(super) fn mutual(&self, a: usize, b: usize) -> f32 {
        let (ab, variant_met) = self.directed(a, b);
        // Spelling links go both ways, so `b` meets a variant in `a` only if `a` met one in `b`.
        // Without one, both ways round sum the products of the same shared terms in the same
        // order (ascending id; the terms not shared add +0, which changes no sum of these
        // positive weights) and divide by the same lengths: `b`'s way gives `ab` to the bit, and
        // most pairs need one walk, not two.
        if !variant_met {
            return ab;
        }
        ab.min(self.directed(b, a).0)
    }

    /// [`Vectors::similarity`] of `a` to `b`, and whether a term of `a` met a spelling variant
    /// in `b`.
    fn directed(&self, a: usize, b: usize) -> (f32, bool) {
        let (a, b) = (self.vector_of[a] as usize, self.vector_of[b] as usize);
        let (va, vb) = (self.vector(a), self.vector(b));
        if self.norms[a] == 0.0 || self.norms[b] == 0.0 {
            return (0.0, false);
        }
        let mask_b = &self.masks[b];
        let weight_in_b = |t: u32| {
            mask_b.may_hold(t).then(|| vb.binary_search_by_key(&t, |(id, _)| *id).ok().map(|k| vb[k].1)).flatten()
        };
        let mut dot = 0.0;
        let mut variant_met = false;
        // Both lists are sorted by id, so the same term is found by walking `vb` alongside `va`;
        // only spelling variants need a search.
        let mut k = 0;
        for &(ta, wa) in va {
            while vb.get(k).is_some_and(|&(tb, _)| tb < ta) {
                k += 1;
            }
            let mut best = vb.get(k).filter(|&&(tb, _)| tb == ta).map_or(0.0, |&(_, wb)| wb);
            for &(tb, alike) in &self.fuzzy[ta as usize] {
                if let Some(wb) = weight_in_b(tb) {
                    variant_met = true;
                    best = best.max(alike * wb);
                }
            }
            dot += wa * best;
        }
        ((dot / (self.norms[a] * self.norms[b])).min(1.0), variant_met)
    }
}

impl Vectors {
    /// The pooled words of `claims`, by ascending term id. Each term's parts are summed in the
    /// order the claims give them (the sort is stable), so the sums do not depend on the sort.
    fn pooled(&self, claims: &[usize]) -> Vec<(u32, f32)> {
        let mut parts = Vec::new();
        for &c in claims {
            if self.norm(c) == 0.0 {
                continue;
            }
            parts.extend(self.terms(c).iter().map(|&(t, w)| (t, w / self.norm(c))));
        }
        parts.sort_by_key(|&(t, _)| t);
        // Made at its size: a cluster's members share most of their words, so the distinct terms
        // are a fraction of the parts, and the list is kept (`PooledCache`).
        let mut out: Vec<(u32, f32)> = Vec::with_capacity(parts.chunk_by(|x, y| x.0 == y.0).count());
        for (t, w) in parts {
            match out.last_mut() {
                Some((last, sum)) if *last == t => *sum += w,
                _ => out.push((t, w)),
            }
        }
        out
    }
}

/// Clusters' pooled words, each computed once and kept until its cluster changes: the clusters
/// linked to a large one would otherwise pool its words again for every link.
#[derive(Default)]
pub(super) struct PooledCache(HashMap<usize, Pooled>);

/// A cluster's pooled words, by ascending term id, and their length, which every cosine with it
/// divides by.
struct Pooled {
    words: Vec<(u32, f32)>,
    norm: f32,
}

impl Pooled {
    fn new(words: Vec<(u32, f32)>) -> Pooled {
        let norm = words.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        Pooled { words, norm }
    }

    /// Cosine with `other`. Both lists are sorted by id, so shared terms are found by walking
    /// them side by side, each term of `self` in its order.
    fn cosine(&self, other: &Pooled) -> f32 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        // Where `Iterator::sum` starts, so that no match gives the -0 it gave before.
        let mut dot = -0.0;
        let mut theirs = other.words.iter().peekable();
        for &(t, w) in &self.words {
            while theirs.next_if(|&&(u, _)| u < t).is_some() {}
            if let Some(&(_, v)) = theirs.next_if(|&&(u, _)| u == t) {
                dot += w * v;
            }
        }
        dot / (self.norm * other.norm)
    }
}

impl PooledCache {
    /// Cosine of the pooled words of clusters `p` and `q` of `clusters`: each claim's vector, of
    /// unit length, summed, so every claim counts once however long its sentence.
    pub(super) fn similarity(
        &mut self,
        vectors: &Vectors,
        clusters: &HashMap<usize, Vec<usize>>,
        p: usize,
        q: usize,
    ) -> f32 {
        for c in [p, q] {
            self.0.entry(c).or_insert_with(|| Pooled::new(vectors.pooled(&clusters[&c])));
        }
        self.0[&p].cosine(&self.0[&q])
    }

    /// Drops what is kept of `cluster`, which has changed.
    pub(super) fn forget(&mut self, cluster: usize) {
        self.0.remove(&cluster);
    }
}

/// A set of term ids folded into 256 bits: no false "absent", some false "may hold".
struct TermMask([u64; 4]);

impl TermMask {
    fn of(terms: &[(u32, f32)]) -> TermMask {
        let mut bits = [0u64; 4];
        for &(t, _) in terms {
            bits[(t as usize / 64) % 4] |= 1 << (t % 64);
        }
        TermMask(bits)
    }

    fn may_hold(&self, t: u32) -> bool {
        self.0[(t as usize / 64) % 4] & (1 << (t % 64)) != 0
    }
}

/// For every word, the other words at least `threshold` alike by Jaro-Winkler. Only words sharing
/// their first three letters and of near length are compared: Jaro-Winkler rewards a shared prefix,
/// and below that no pair reaches a threshold this high in practice, so the vocabulary is read in
/// small buckets rather than all pairs.
fn fuzzy_links(words: &[&str], threshold: f32) -> Vec<Vec<(u32, f32)>> {
    let mut links = vec![Vec::new(); words.len()];
    let mut buckets: HashMap<&[u8], Vec<u32>> = HashMap::default();
    for (id, w) in words.iter().enumerate() {
        if w.len() >= FUZZY_MIN_LEN {
            buckets.entry(&w.as_bytes()[..3]).or_default().push(id as u32);
        }
    }
    for bucket in buckets.values() {
        for (n, &x) in bucket.iter().enumerate() {
            for &y in &bucket[n + 1..] {
                let (a, b) = (words[x as usize], words[y as usize]);
                if a.len().abs_diff(b.len()) > 4 {
                    continue;
                }
                let s = strsim::jaro_winkler(a, b) as f32;
                if s >= threshold {
                    links[x as usize].push((y, s));
                    links[y as usize].push((x, s));
                }
            }
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    /// The one walk `mutual` takes for a pair that meets no spelling variant gives the smaller of
    /// both ways round to the bit, as two walks do; pairs that meet one still take both.
    #[test]
    fn mutual_is_the_smaller_of_both_ways_round_to_the_bit() {
        let rules = Rules::embedded().unwrap();
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut texts: Vec<String> =
            std::fs::read_dir(seeds).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
        // Spelling variants ("korea" ~ "korean", "missiles" ~ "missile") for the other path.
        texts.push("North Korea fired 12 missiles on Sunday. The Korean missile tests drew 40 protests.".into());
        texts.push("The North Korean military fired 12 missile rounds; Korea staged 40 drills.".into());
        let mut claims = Vec::new();
        for (i, text) in texts.into_iter().enumerate() {
            let source = Source::new(format!("s{i}.txt"), text, &mut Vec::new());
            claims.extend(crate::extract::extract(&source, i, &rules).claims);
        }
        let vectors = Vectors::new(&claims, &rules);
        let (mut met, mut unmet) = (0, 0);
        for a in 0..claims.len() {
            for b in 0..claims.len() {
                let both = vectors.similarity(a, b).min(vectors.similarity(b, a));
                assert_eq!(vectors.mutual(a, b).to_bits(), both.to_bits(), "claims {a} and {b}");
                match vectors.directed(a, b) {
                    (s, true) if s > 0.0 => met += 1,
                    (s, false) if s > 0.0 => unmet += 1,
                    _ => {}
                }
            }
        }
        assert!(met > 0 && unmet > 0, "both paths taken: {met} pairs met a variant, {unmet} did not");
    }
}
