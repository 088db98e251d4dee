//! Claims in, the same claims out with their subject term lists shared: claims whose lists are
//! alike, word for word and weight for weight, hold one copy.

use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use super::{Claim, Term};

/// Terms with a weight each, the heaviest first; shared between claims alike in subject.
pub type WeightedTerms = Arc<[(Term, f32)]>;

/// A hash of a list of terms with their weights, the weights by their bits: equal for lists that
/// `terms_alike` calls equal. Claims' lists are of `Term`s, alignment's subject vectors of ids.
pub(crate) fn hash_of_terms<T: Hash>(terms: &[(T, f32)]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    for (term, weight) in terms {
        term.hash(&mut hasher);
        weight.to_bits().hash(&mut hasher);
    }
    hasher.finish()
}

/// Whether two lists hold the same terms with the same weights, in order; weights compare by
/// their bits, so that a list is alike to itself whatever its weights.
pub(crate) fn terms_alike<T: PartialEq>(a: &[(T, f32)], b: &[(T, f32)]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 == y.0 && x.1.to_bits() == y.1.to_bits())
}

/// Subject term lists already held by claims, so that claims alike in subject hold one shared list.
/// Outlets print one wire story, and a day of them repeats its sentences hundreds of times: a pile
/// of 10,000 generated sources held 36 MB of terms, most of them copies. Shared between the threads
/// that extract sources; each source takes the lock once.
#[derive(Default)]
pub struct SharedTerms(Mutex<rustc_hash::FxHashMap<u64, WeightedTerms>>);

impl SharedTerms {
    /// Has each claim of `claims` hold the list a claim before it held, where the two are alike
    /// word for word and weight for weight. Of two lists with one hash, the later is merely not
    /// shared.
    pub fn share(&self, claims: &mut [Claim]) {
        // Hashed before the lock is taken, so the threads wait on each other for the look-ups alone.
        let hashes: Vec<u64> = claims.iter().map(|c| hash_of_terms(&c.subject.terms)).collect();
        // A panic elsewhere while the lock was held leaves a table that is still whole.
        let mut table = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        for (claim, hash) in claims.iter_mut().zip(hashes).filter(|(c, _)| !c.subject.terms.is_empty()) {
            let terms = &mut claim.subject.terms;
            let kept = table.entry(hash).or_insert_with(|| Arc::clone(terms));
            if !Arc::ptr_eq(kept, terms) && terms_alike(kept, terms) {
                *terms = Arc::clone(kept);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Subject;

    #[test]
    fn claims_alike_in_subject_share_one_list_of_terms() {
        let rules = crate::rules::Rules::embedded().unwrap();
        let texts = [
            "Rescuers said 12 miners died in the flood.",
            "Rescuers said 14 miners died in the flood.",
            "Police said 12 protesters were hurt.",
        ];
        let mut claims: Vec<Claim> = texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| {
                let source = crate::source::Source::new(format!("s{i}.txt"), t.to_string(), &mut Vec::new());
                crate::extract::extract(&source, i, &rules).claims
            })
            .collect();
        assert_eq!(claims.len(), 3, "{claims:?}");
        let before: Vec<Subject> = claims.iter().map(|c| c.subject.clone()).collect();
        assert!(!Arc::ptr_eq(&claims[0].subject.terms, &claims[1].subject.terms));
        SharedTerms::default().share(&mut claims);
        assert!(Arc::ptr_eq(&claims[0].subject.terms, &claims[1].subject.terms));
        assert!(!Arc::ptr_eq(&claims[0].subject.terms, &claims[2].subject.terms));
        let after: Vec<Subject> = claims.iter().map(|c| c.subject.clone()).collect();
        assert_eq!(before, after);
    }
}
