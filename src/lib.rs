//! crosscheck cross-checks the numeric and factual claims of several texts about the same event.
//!
//! The pipeline has one module per stage, each pure (data in, data out):
//! [`source`] → [`extract`] → [`align`] → [`compare`] → [`report`] → [`render`].
//! [`check`] runs the whole of it; the binary only parses arguments, prints and maps exit codes.

#![warn(missing_docs)]

pub mod align;
pub mod baseline;
pub mod claim;
pub mod compare;
pub mod config;
pub mod error;
pub mod extract;
pub mod render;
pub mod report;
pub mod rules;
pub mod source;
pub mod suppress;

use claim::Claim;
use error::Warning;
use extract::Extraction;
use report::{Mention, Report};
use rules::Rules;
use source::Corpus;

/// Extracts the claims of every source of `corpus`, in source order. Sources are independent, so
/// they are extracted in parallel; the order of the result does not depend on the threads.
pub fn extract_all(corpus: &Corpus, rules: &Rules) -> Vec<Extraction> {
    use rayon::prelude::*;
    corpus.sources.par_iter().enumerate().map(|(i, s)| extract::extract(s, i, rules)).collect()
}

/// Runs the whole pipeline on `corpus`: extraction, suppression, alignment, comparison, report.
pub fn check(corpus: &Corpus, rules: &Rules) -> Report {
    let mut extractions = extract_all(corpus, rules);
    let warnings = extraction_warnings(corpus, &extractions);
    let suppressed = suppress::apply(&corpus.sources, &mut extractions, rules);
    let claims: Vec<Claim> = extractions.iter().flat_map(|e| e.claims.iter().cloned()).collect();
    let groups = align::align(&claims, rules);
    report::build(&corpus.sources, &extractions, &claims, &groups, rules, &warnings, suppressed)
}

/// The mentions of every claim of every source, in path and text order (for `crosscheck extract`).
pub fn mentions(corpus: &Corpus, extractions: &[Extraction]) -> Vec<Mention> {
    extractions.iter().flat_map(|e| e.claims.iter().map(|c| Mention::new(c, &corpus.sources[c.source]))).collect()
}

/// The corpus's own warnings plus those extraction raised (sources cut off at the claim limit).
pub fn extraction_warnings(corpus: &Corpus, extractions: &[Extraction]) -> Vec<Warning> {
    let mut warnings = corpus.warnings.clone();
    for (s, e) in corpus.sources.iter().zip(extractions) {
        if e.truncated {
            warnings.push(Warning::file(
                s.path.clone(),
                format!(
                    "more than {} claims; only the first {} were kept",
                    extract::MAX_CLAIMS_PER_SOURCE,
                    extract::MAX_CLAIMS_PER_SOURCE
                ),
            ));
        }
    }
    warnings
}
