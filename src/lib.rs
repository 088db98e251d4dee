//! crosscheck cross-checks the numeric and factual claims of several texts about the same event.
//!
//! The pipeline has one module per stage, each pure (data in, data out):
//! [`source`] → [`extract`] → [`align`] → [`compare`] → [`report`] → [`render`].
//! [`check`] runs the whole of it; the binary only parses arguments, prints and maps exit codes.

#![warn(missing_docs)]

pub mod align;
pub mod claim;
pub mod compare;
pub mod error;
pub mod extract;
pub mod render;
pub mod report;
pub mod rules;
pub mod source;

use claim::Claim;
use error::Warning;
use extract::Extraction;
use report::{Mention, Report};
use rules::Rules;
use source::Corpus;

/// Extracts the claims of every source of `corpus`, in source order.
pub fn extract_all(corpus: &Corpus, rules: &Rules) -> Vec<Extraction> {
    corpus.sources.iter().enumerate().map(|(i, s)| extract::extract(s, i, rules)).collect()
}

/// Runs the whole pipeline on `corpus`: extraction, alignment, comparison, report.
pub fn check(corpus: &Corpus, rules: &Rules) -> Report {
    let extractions = extract_all(corpus, rules);
    let warnings = extraction_warnings(corpus, &extractions);
    let claims: Vec<Claim> = extractions.iter().flat_map(|e| e.claims.iter().cloned()).collect();
    let groups = align::align(&claims, rules);
    report::build(&corpus.sources, &extractions, &claims, &groups, rules, &warnings)
}

/// The mentions of every claim of every source, in path and text order (for `crosscheck extract`).
pub fn mentions(corpus: &Corpus, extractions: &[Extraction]) -> Vec<Mention> {
    extractions.iter().flat_map(|e| e.claims.iter().map(|c| Mention::new(c, &corpus.sources[c.source]))).collect()
}

/// The corpus's own warnings plus those extraction raised (sources cut off at the claim limit,
/// numbers and dates that cannot be read), in path and line order.
pub fn extraction_warnings(corpus: &Corpus, extractions: &[Extraction]) -> Vec<Warning> {
    let mut warnings = corpus.warnings.clone();
    for (s, e) in corpus.sources.iter().zip(extractions) {
        for (span, why) in &e.unreadable {
            warnings.push(Warning::line(s.path.clone(), s.line_col(span.start).0, why.clone()));
        }
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
    warnings.sort();
    warnings
}
