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

use std::path::PathBuf;

use claim::Claim;
use error::{Error, Warning};
use extract::Extraction;
use report::{Mention, Report};
use rules::Rules;
use source::{Corpus, LoadOptions};

/// Extracts the claims of every source of `corpus`, in source order. Sources are independent, so
/// they are extracted in parallel; the order of the result does not depend on the threads. A source
/// with no reference date of its own is then read against the date the others agree on, if they
/// do ([`extract::lent`]). Claims alike in subject share one list of terms ([`claim::SharedTerms`]).
pub fn extract_all(corpus: &Corpus, rules: &Rules) -> Vec<Extraction> {
    use rayon::prelude::*;
    let shared = claim::SharedTerms::default();
    let mut extractions: Vec<Extraction> = corpus
        .sources
        .par_iter()
        .enumerate()
        .map(|(i, s)| {
            let mut extraction = extract::extract(s, i, rules);
            shared.share(&mut extraction.claims);
            extraction
        })
        .collect();
    extract::lent::lend(corpus, &mut extractions, rules);
    // The sources read again against a lent date hold new claims.
    for e in extractions.iter_mut().filter(|e| e.date_from == source::DateOrigin::Others) {
        shared.share(&mut e.claims);
    }
    extractions
}

/// Runs the whole pipeline on `corpus`: extraction, suppression, alignment, comparison, report.
pub fn check(corpus: &Corpus, rules: &Rules) -> Report {
    let mut extractions = extract_all(corpus, rules);
    let warnings = extraction_warnings(corpus, &extractions);
    let suppressed = suppress::apply(&corpus.sources, &mut extractions, rules);
    // Moved, not copied: a pile's claims and their subjects are most of its memory.
    // Sized to the claims, not grown by doubling: a flattened iterator's length is unknown, and a
    // doubled list of a pile's claims would hold up to as much again, unused.
    let mut claims: Vec<Claim> = Vec::with_capacity(extractions.iter().map(|e| e.claims.len()).sum());
    claims.extend(extractions.iter_mut().flat_map(|e| std::mem::take(&mut e.claims)));
    let groups = align::align_with_grounds(&claims, rules);
    report::build(&corpus.sources, &extractions, claims, &groups, rules, &warnings, suppressed)
}

/// One story of `check --each`: a folder checked on its own.
#[derive(Clone, Debug)]
pub struct Story {
    /// The story folder, as displayed.
    pub path: String,
    /// Its report; `None` when the folder held no readable source (see `warnings`).
    pub report: Option<Report>,
    /// Problems met reading the folder.
    pub warnings: Vec<Warning>,
}

/// The story folders of `dirs` for `check --each`: every immediate, non-hidden subfolder of each,
/// in path order. A path that is not a folder is an error.
pub fn story_folders(dirs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut folders = Vec::new();
    for dir in dirs {
        let entries = std::fs::read_dir(dir).map_err(|source| Error::Io { path: source::display_path(dir), source })?;
        for entry in entries.flatten() {
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if !hidden && entry.file_type().is_ok_and(|t| t.is_dir()) {
                folders.push(entry.path());
            }
        }
    }
    folders.sort();
    folders.dedup();
    Ok(folders)
}

/// How many stories `check_each` checks at once: enough to keep every core busy, few enough that
/// their reports take little memory before they are handed on.
const STORY_BATCH: usize = 64;

/// Checks each folder as its own story, in parallel, and hands the stories to `emit` in the order
/// given, a batch at a time, so that a day of stories is never held in memory whole.
/// `prepare` runs on each corpus before the check (to apply per-path reference dates).
pub fn check_each(
    folders: &[PathBuf],
    options: &LoadOptions,
    rules: &Rules,
    prepare: &(dyn Fn(&mut Corpus) + Sync),
    emit: &mut dyn FnMut(Story),
) {
    use rayon::prelude::*;
    for batch in folders.chunks(STORY_BATCH) {
        let stories: Vec<Story> = batch.par_iter().map(|folder| check_story(folder, options, rules, prepare)).collect();
        stories.into_iter().for_each(&mut *emit);
    }
}

/// One story of `check_each`.
fn check_story(
    folder: &PathBuf,
    options: &LoadOptions,
    rules: &Rules,
    prepare: &(dyn Fn(&mut Corpus) + Sync),
) -> Story {
    let path = source::display_path(folder);
    match source::load(std::slice::from_ref(folder), options) {
        Ok(mut corpus) if !corpus.sources.is_empty() => {
            prepare(&mut corpus);
            let report = check(&corpus, rules);
            Story { path, report: Some(report), warnings: Vec::new() }
        }
        Ok(corpus) => {
            let mut warnings = corpus.warnings;
            warnings.push(Warning::file(path.clone(), "story folder holds no readable source; skipped"));
            Story { path, report: None, warnings }
        }
        Err(e) => Story { path: path.clone(), report: None, warnings: vec![Warning::file(path, e.to_string())] },
    }
}

/// The mentions of every claim of every source, in path and text order (for `crosscheck extract`).
pub fn mentions(corpus: &Corpus, extractions: &[Extraction]) -> Vec<Mention> {
    let mut strings = report::Strings::default();
    extractions
        .iter()
        .flat_map(|e| &e.claims)
        .map(|c| Mention::new(c, &corpus.sources[c.source as usize], &mut strings))
        .collect()
}

/// The corpus's own warnings plus those extraction raised (sources cut off at the claim limit,
/// numbers and dates that cannot be read), in path and line order.
pub fn extraction_warnings(corpus: &Corpus, extractions: &[Extraction]) -> Vec<Warning> {
    let mut warnings = corpus.warnings.clone();
    for (s, e) in corpus.sources.iter().zip(extractions) {
        for (span, why) in &e.unreadable {
            warnings.push(Warning::line(s.path.to_string(), s.line_col(span.start()).0, why.clone()));
        }
        if e.truncated {
            warnings.push(Warning::file(
                s.path.to_string(),
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
