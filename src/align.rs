//! Stage 3, alignment: every claim of every source and the `Rules` in, groups of claims that speak
//! of the same thing out. Claims are blocked by kind and unit, scored by the weighted cosine of
//! their subjects (rare words weigh more, spelling variants match through `strsim`), and merged
//! most-similar first, never into a group where some pair from two sources is unrelated or where
//! one source would contradict itself: when unsure, do not group.

use std::collections::{BTreeMap, HashMap};

use crate::claim::{Claim, Kind};
use crate::rules::Rules;

/// The key that claims must share to be compared at all.
fn block_key(claim: &Claim) -> (Kind, &str) {
    (claim.kind, claim.unit.as_str())
}

/// Subject vectors with corpus-wide rarity applied, ready for cosine similarity.
struct Vectors {
    terms: Vec<Vec<(u32, f32)>>,
    words: Vec<String>,
    norms: Vec<f32>,
}

impl Vectors {
    fn new(claims: &[Claim]) -> Vectors {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut raw: Vec<Vec<(u32, f32)>> = Vec::with_capacity(claims.len());
        for c in claims {
            let mut v = Vec::with_capacity(c.subject.terms.len());
            // The unit is shared by every claim of a block already; only the context tells them apart.
            for (term, w) in c.subject.terms.iter().filter(|(t, _)| *t != c.unit) {
                let id = *ids.entry(term.as_str()).or_insert_with(|| {
                    words.push(term.clone());
                    df.push(0);
                    (words.len() - 1) as u32
                });
                df[id as usize] += 1;
                v.push((id, *w));
            }
            raw.push(v);
        }
        let n = claims.len().max(1) as f32;
        let mut norms = Vec::with_capacity(raw.len());
        for v in &mut raw {
            for (id, w) in v.iter_mut() {
                *w *= (1.0 + n / df[*id as usize] as f32).ln();
            }
            norms.push(v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt());
        }
        Vectors { terms: raw, words, norms }
    }

    /// Soft cosine: each term of `a` meets its best match in `b` (equal, or alike by Jaro-Winkler).
    fn similarity(&self, a: usize, b: usize, fuzzy: f32) -> f32 {
        let (va, vb) = (&self.terms[a], &self.terms[b]);
        if self.norms[a] == 0.0 || self.norms[b] == 0.0 {
            return 0.0;
        }
        let mut dot = 0.0;
        for &(ta, wa) in va {
            let mut best = 0.0f32;
            for &(tb, wb) in vb {
                let alike = if ta == tb {
                    1.0
                } else {
                    let (x, y) = (&self.words[ta as usize], &self.words[tb as usize]);
                    if x.len() < 5 || y.len() < 5 || x.as_bytes()[0] != y.as_bytes()[0] {
                        0.0
                    } else {
                        let s = strsim::jaro_winkler(x, y) as f32;
                        if s >= fuzzy {
                            s
                        } else {
                            0.0
                        }
                    }
                };
                best = best.max(alike * wb);
            }
            dot += wa * best;
        }
        (dot / (self.norms[a] * self.norms[b])).min(1.0)
    }
}

/// Every cross-source pair of one block with its similarity, for tuning (`CROSSCHECK_DEBUG_ALIGN`).
#[doc(hidden)]
pub fn debug_pairs(claims: &[Claim], rules: &Rules) -> Vec<(usize, usize, f32)> {
    let vectors = Vectors::new(claims);
    let mut out = Vec::new();
    for a in 0..claims.len() {
        for b in a + 1..claims.len() {
            if claims[a].source != claims[b].source && block_key(&claims[a]) == block_key(&claims[b]) {
                let s = vectors.similarity(a, b, rules.fuzzy_term).min(vectors.similarity(b, a, rules.fuzzy_term));
                out.push((a, b, s));
            }
        }
    }
    out
}

/// Groups the claims that speak of the same thing; each group holds claims of two or more sources,
/// as indices into `claims`, in ascending order. Groups come out in order of their first claim.
pub fn align(claims: &[Claim], rules: &Rules) -> Vec<Vec<usize>> {
    let vectors = Vectors::new(claims);
    let mut blocks: BTreeMap<(Kind, &str), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        blocks.entry(block_key(c)).or_default().push(i);
    }
    let mut groups = Vec::new();
    for members in blocks.values() {
        groups.extend(align_block(claims, members, &vectors, rules));
    }
    groups.sort();
    groups
}

fn align_block(claims: &[Claim], members: &[usize], vectors: &Vectors, rules: &Rules) -> Vec<Vec<usize>> {
    // The evidence asked of a pair grows with the harm a wrong grouping would do: identical values
    // can only yield a false agreement, overlapping ones a false "compatible", disjoint ones a
    // false conflict — the error that costs an editor's trust most.
    let needed = |a: usize, b: usize| {
        let (x, y) = (&claims[a], &claims[b]);
        if x.value == y.value && x.precision == y.precision {
            rules.threshold_same_value
        } else if x.value.overlaps(&y.value) && x.kind != Kind::Date {
            // Dates of one story overlap by chance (everything happened "last year"), so for
            // them overlap is no evidence; counts spread over orders of magnitude, so it is.
            rules.threshold_overlap
        } else {
            rules.threshold
        }
    };
    // Inside a group, every pair from two sources must be at least this alike.
    let floor = |a: usize, b: usize| needed(a, b).min(rules.threshold * 0.5);
    let mut scores: HashMap<(usize, usize), f32> = HashMap::new();
    let mut edges: Vec<(f32, usize, usize)> = Vec::new();
    // Pairs from one source are never scored (`ok` below judges them on their values), so a source
    // with thousands of claims costs no quadratic time or memory on its own. Claims come in source
    // order, so the rest of `a`'s source is skipped in one step rather than pair by pair.
    let by_source = members.windows(2).all(|w| claims[w[0]].source <= claims[w[1]].source);
    for (n, &a) in members.iter().enumerate() {
        let rest = &members[n + 1..];
        let same = if by_source { rest.partition_point(|&b| claims[b].source == claims[a].source) } else { 0 };
        for &b in &rest[same..] {
            if claims[a].source == claims[b].source {
                continue;
            }
            let s = vectors.similarity(a, b, rules.fuzzy_term).min(vectors.similarity(b, a, rules.fuzzy_term));
            // Only related pairs are kept; a missing pair scores 0, so memory follows the number
            // of related pairs, not of all pairs.
            if s > 0.0 {
                scores.insert((a, b), s);
            }
            if s > 0.0 && s >= needed(a, b) {
                edges.push((s, a, b));
            }
        }
    }
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| (x.1, x.2).cmp(&(y.1, y.2))));
    let score = |a: usize, b: usize| *scores.get(&(a.min(b), a.max(b))).unwrap_or(&0.0);

    let mut cluster_of: HashMap<usize, usize> = members.iter().map(|&m| (m, m)).collect();
    let mut clusters: HashMap<usize, Vec<usize>> = members.iter().map(|&m| (m, vec![m])).collect();
    for (_, a, b) in edges {
        let (ca, cb) = (cluster_of[&a], cluster_of[&b]);
        if ca == cb {
            continue;
        }
        let ok = clusters[&ca].iter().all(|&x| {
            clusters[&cb].iter().all(|&y| {
                let (cx, cy) = (&claims[x], &claims[y]);
                if cx.source == cy.source {
                    // One source writing two different values: two facts, not one. Judged on
                    // the values as written, since "by late July" is open below.
                    cx.nominal.overlaps(&cy.nominal)
                } else {
                    score(x, y) >= floor(x, y)
                }
            })
        });
        if !ok {
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
