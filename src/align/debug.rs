//! Claims and the `Rules` in, what alignment makes of them out, as text or numbers for tuning
//! (`CROSSCHECK_DEBUG_ALIGN` and the tuning tests): each claim's role, whether it is its source's
//! sole figure of it, and every scored pair of a block.

use super::roles::{block_key, role_of, roles_of};
use super::sole;
use super::vectors::Vectors;
use crate::claim::Claim;
use crate::rules::Rules;

/// What a claim is a figure of, as `role_of` reads it, for tuning.
#[doc(hidden)]
pub fn debug_role(claim: &Claim, rules: &Rules) -> String {
    let (kind, role) = role_of(claim, rules);
    format!("{}:{role}", kind.name())
}

/// For each claim, whether it is its source's only figure of its role, and the words narrowing
/// it, for tuning.
#[doc(hidden)]
pub fn debug_sole(claims: &[Claim], rules: &Rules) -> Vec<String> {
    let roles = roles_of(claims, rules);
    let sole = sole::sole_figures(claims, &roles, rules);
    claims
        .iter()
        .zip(&roles)
        .zip(sole)
        .map(|((c, r), s)| {
            format!(
                "{}:{} sole={s} q={:?} wd={:?} at={:?}",
                r.0.name(),
                r.1,
                c.subject.qualifiers,
                c.subject.weekday,
                c.subject.place
            )
        })
        .collect()
}

/// Every cross-source pair of one block with its similarity, for tuning (`CROSSCHECK_DEBUG_ALIGN`).
#[doc(hidden)]
pub fn debug_pairs(claims: &[Claim], rules: &Rules) -> Vec<(usize, usize, f32)> {
    let vectors = Vectors::new(claims, rules);
    let roles = roles_of(claims, rules);
    let mut out = Vec::new();
    for a in 0..claims.len() {
        for b in a + 1..claims.len() {
            if claims[a].source != claims[b].source && block_key(&roles[a], rules) == block_key(&roles[b], rules) {
                let s = vectors.mutual(a, b);
                out.push((a, b, s));
            }
        }
    }
    out
}
