//! A block's scored pairs in, their places most alike first (then in order of key) out, in runs of
//! bounded length: a pile's largest block scores millions of pairs, which ranked in one list held a
//! tenth of the alignment's heap. Runs are found by counting on the bits of the scores (a score is
//! above 0, so its bits order as it does): first on their upper half, then, within a share of equal
//! upper halves too large for one run, on their lower half, which tells scores exactly.

use super::Scored;

/// Fewer scored pairs than this (a story's blocks) are ranked by one sort of their scores beside
/// their places: below it, the counts a counting sort keeps take more bytes than that list.
pub(super) const RANKED_BY_COUNTING: usize = 1 << 16;

/// Most places a run holds: 1 MB of places and 2 MB of scores to sort them by, where a pile's
/// largest block ranked at once held 12 MB. Each run reads the scored pairs once, so a block of
/// millions of them is read about a dozen times.
pub(super) const RANKED_AT_ONCE: usize = 1 << 18;

/// The bins of the first count, by the upper half of a score's bits, or of the second, by the
/// lower half: one more for where the last ends.
const BINS: usize = 1 << 16;

/// The bin of the upper half of `bits`, most alike first.
fn upper(bits: u32) -> usize {
    usize::from(u16::MAX - (bits >> 16) as u16)
}

/// The bin of the lower half of `bits`, most alike first.
fn lower(bits: u32) -> usize {
    usize::from(u16::MAX - bits as u16)
}

/// The scored pairs of a block at least so alike (`Scored::ranking`), handed out in runs.
pub(in crate::align) struct Ranking {
    /// How alike a pair must be to be ranked.
    least: f32,
    /// Most places a run holds (`RANKED_AT_ONCE`).
    at_once: usize,
    /// All places were ranked at once, into `run`, which the next run hands out whole.
    whole: bool,
    /// Where each upper bin starts among the ranked places, and where the last ends.
    starts: Vec<usize>,
    /// The first upper bin not yet handed out, nor split.
    next: usize,
    /// An upper bin too large for one run, split by the lower halves of its scores.
    split: Option<Split>,
    /// One score held by more places than a run holds, handed out in runs of it alone.
    tie: Option<Tie>,
    /// The run handed out last.
    run: Vec<u32>,
    /// Scores beside places, to sort a run's bins by.
    sorted: Vec<(f32, u32)>,
}

/// An upper bin too large for one run, counted again by the lower halves of its scores.
struct Split {
    /// The upper bin.
    bin: usize,
    /// Where each lower bin starts among the bin's places, and where the last ends.
    starts: Vec<usize>,
    /// The first lower bin not yet handed out.
    next: usize,
}

/// A score held by more places than a run holds.
struct Tie {
    /// The score's bits.
    bits: u32,
    /// Where in the scored pairs its next place is looked for.
    from: usize,
    /// How many of its places are not yet handed out.
    left: usize,
}

impl Ranking {
    /// The ranking of `scored`'s pairs at least `least` alike.
    pub(super) fn new(scored: &Scored, least: f32) -> Ranking {
        let mut ranking = Ranking {
            least,
            at_once: RANKED_AT_ONCE,
            whole: false,
            starts: Vec::new(),
            next: 0,
            split: None,
            tie: None,
            run: Vec::new(),
            sorted: Vec::new(),
        };
        if scored.scores.len() < RANKED_BY_COUNTING {
            ranking.whole = true;
            ranking.starts = vec![0];
            ranking.run = (0..scored.scores.len() as u32).filter(|&k| scored.scores[k as usize] >= least).collect();
            scored.sort_by_score(&mut ranking.run, &mut ranking.sorted);
            return ranking;
        }
        ranking.starts = ranking.count(scored, |bits| Some(upper(bits)));
        ranking
    }

    /// The places of the pairs ranked whose bits `bin_of` puts in a bin, counted by bin, as where
    /// each bin starts and where the last ends.
    fn count(&self, scored: &Scored, bin_of: impl Fn(u32) -> Option<usize>) -> Vec<usize> {
        let mut starts = vec![0usize; BINS + 1];
        for bin in ranked_bits(scored, self.least).filter_map(|(_, bits)| bin_of(bits)) {
            starts[bin + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        starts
    }

    /// The next run of places of `scored`, the pairs this ranking was made of; `None` once all are
    /// handed out.
    pub(in crate::align) fn next<'r>(&'r mut self, scored: &Scored) -> Option<&'r [u32]> {
        if self.whole {
            // Handed out once: `starts` holds no bin, so the runs end there.
            self.whole = false;
            return Some(&self.run);
        }
        loop {
            if let Some(tie) = self.tie.as_mut() {
                self.run.clear();
                let want = tie.left.min(self.at_once);
                for (k, &s) in scored.scores.iter().enumerate().skip(tie.from) {
                    if s.to_bits() == tie.bits {
                        self.run.push(k as u32);
                        if self.run.len() == want {
                            tie.from = k + 1;
                            break;
                        }
                    }
                }
                tie.left -= want;
                if tie.left == 0 {
                    self.tie = None;
                }
                return Some(&self.run);
            }
            if let Some(split) = self.split.as_mut() {
                let Some((from, to)) = bins_of_run(&split.starts, split.next, self.at_once) else {
                    self.split = None;
                    continue;
                };
                split.next = to;
                let (starts, bin) = (&split.starts, split.bin);
                if starts[to] - starts[from] > self.at_once {
                    let bits = (u32::from(u16::MAX - bin as u16) << 16) | u32::from(u16::MAX - from as u16);
                    self.tie = Some(Tie { bits, from: 0, left: starts[to] - starts[from] });
                    continue;
                }
                // Each lower bin holds one score, so the places fall in order as they are met.
                let in_run = |bits: u32| (upper(bits) == bin).then(|| lower(bits)).filter(|b| (from..to).contains(b));
                gather(&mut self.run, scored, self.least, (from, &starts[from..=to]), in_run);
                return Some(&self.run);
            }
            let (from, to) = bins_of_run(&self.starts, self.next, self.at_once)?;
            self.next = to;
            if self.starts[to] - self.starts[from] > self.at_once {
                let starts = self.count(scored, |bits| (upper(bits) == from).then(|| lower(bits)));
                self.split = Some(Split { bin: from, starts, next: 0 });
                continue;
            }
            let in_run = |bits: u32| Some(upper(bits)).filter(|b| (from..to).contains(b));
            gather(&mut self.run, scored, self.least, (from, &self.starts[from..=to]), in_run);
            let score = |k: u32| scored.scores[k as usize];
            let first = self.starts[from];
            for w in self.starts[from..=to].windows(2) {
                let share = &mut self.run[w[0] - first..w[1] - first];
                // Most bins hold one score (a pile repeats its sentences word for word), already
                // in order of place.
                if !share.windows(2).all(|w| score(w[0]) == score(w[1])) {
                    scored.sort_by_score(share, &mut self.sorted);
                }
            }
            return Some(&self.run);
        }
    }
}

/// The bins of the next run, from the first that is not empty at or after `next`: as many as hold
/// at most `at_once` places together, or that one alone when it holds more. `None` when all bins
/// from `next` on are empty.
fn bins_of_run(starts: &[usize], next: usize, at_once: usize) -> Option<(usize, usize)> {
    let bins = starts.len() - 1;
    let from = (next..bins).find(|&k| starts[k + 1] > starts[k])?;
    let mut to = from + 1;
    while to < bins && starts[to + 1] - starts[from] <= at_once {
        to += 1;
    }
    Some((from, to))
}

/// The place and score bits of each pair of `scored` at least `least` alike, in order of place.
fn ranked_bits<'s>(scored: &'s Scored, least: f32) -> impl Iterator<Item = (usize, u32)> + 's {
    scored.scores.iter().enumerate().filter(move |(_, &s)| s >= least).map(|(k, &s)| (k, s.to_bits()))
}

/// Fills `run` with the places of the pairs at least `least` alike whose bits `bin_of` puts in one
/// of the bins from `from` on that `starts` begins (its last entry where the last ends), each
/// bin's in order of place.
fn gather(
    run: &mut Vec<u32>,
    scored: &Scored,
    least: f32,
    (from, starts): (usize, &[usize]),
    bin_of: impl Fn(u32) -> Option<usize>,
) {
    let first = starts[0];
    run.clear();
    run.resize(starts[starts.len() - 1] - first, 0);
    let mut next: Vec<usize> = starts[..starts.len() - 1].iter().map(|&s| s - first).collect();
    for (k, bits) in ranked_bits(scored, least) {
        if let Some(bin) = bin_of(bits) {
            run[next[bin - from]] = k as u32;
            next[bin - from] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::candidates::tests::places;
    use crate::align::candidates::{key, Candidates};
    use crate::align::Block;

    #[test]
    fn runs_hand_out_every_place_most_alike_first_and_stay_bounded() {
        // Enough pairs to be ranked by counting. Scores: one of a bin of its own, four close ones
        // sharing an upper bin, one held by tens of thousands of pairs, and some below the least
        // asked; bins between them empty.
        let members: Vec<usize> = (0..400).collect();
        let pairs: Vec<(u32, u32)> = (0..400).flat_map(|a| (a + 1..400).map(move |b| key(a, b))).collect();
        assert!(pairs.len() >= RANKED_BY_COUNTING);
        let score = |a: usize, b: usize| match (a + b) % 10 {
            0 => 0.9,
            1..=3 => 0.5 + (a % 4) as f32 * 0.001,
            4 => 0.005,
            _ => 0.25,
        };
        let place = places(&members);
        let scored =
            Scored::new(Block { members: &members, place: &place }, Candidates::of_pairs(&members, &pairs), score);
        let mut expected: Vec<(f32, u32)> = (0..scored.scores.len() as u32)
            .map(|k| (scored.scores[k as usize], k))
            .filter(|&(s, _)| s >= 0.01)
            .collect();
        expected.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        let expected: Vec<u32> = expected.into_iter().map(|(_, k)| k).collect();
        for at_once in [1, 7, 1000, 30_000, RANKED_AT_ONCE] {
            let mut ranking = scored.ranking(0.01);
            ranking.at_once = at_once;
            let mut got = Vec::new();
            while let Some(run) = ranking.next(&scored) {
                assert!(!run.is_empty() && run.len() <= at_once, "a run of {} for at most {at_once}", run.len());
                got.extend_from_slice(run);
            }
            assert_eq!(got, expected, "runs of at most {at_once}");
        }
    }

    #[test]
    fn a_few_pairs_are_ranked_whole_in_one_run() {
        let members: Vec<usize> = (0..10).collect();
        let pairs: Vec<(u32, u32)> = (0..10).flat_map(|a| (a + 1..10).map(move |b| key(a, b))).collect();
        let place = places(&members);
        let scored =
            Scored::new(Block { members: &members, place: &place }, Candidates::of_pairs(&members, &pairs), |a, b| {
                ((a * 3 + b) % 5) as f32 / 5.0
            });
        let mut ranking = scored.ranking(0.3);
        let run = ranking.next(&scored).expect("one run").to_vec();
        assert!(ranking.next(&scored).is_none());
        let scores: Vec<f32> = run.iter().map(|&k| scored.scores[k as usize]).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]) && scores.iter().all(|&s| s >= 0.3));
        assert_eq!(run.len(), scored.scores.iter().filter(|&&s| s >= 0.3).count());
    }
}
