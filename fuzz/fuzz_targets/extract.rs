//! The whole pipeline on arbitrary bytes: a NUL splits the input into two sources (the loader
//! refuses NUL bytes, so it is free as a separator). Extraction, alignment, comparison and both
//! renderers must not panic; spans must lie on character boundaries; the JSON must parse.
#![no_main]

use std::sync::OnceLock;

use crosscheck::render::{self, Format};
use crosscheck::report::FailOn;
use crosscheck::rules::Rules;
use crosscheck::source::{decode, Corpus, Source};
use libfuzzer_sys::fuzz_target;

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| Rules::embedded().expect("embedded rules"))
}

fuzz_target!(|data: &[u8]| {
    let mut corpus = Corpus::default();
    for (n, part) in data.splitn(2, |&b| b == 0).enumerate() {
        let path = format!("s{n}.txt");
        if let Some(text) = decode(&path, part.to_vec(), &mut corpus.warnings) {
            corpus.sources.push(Source::new(path, text, &mut corpus.warnings));
        }
    }
    let rules = rules();
    for (i, source) in corpus.sources.iter().enumerate() {
        let extraction = crosscheck::extract::extract(source, i, rules);
        for claim in &extraction.claims {
            let (a, b) = (claim.span.start, claim.span.end);
            assert!(a < b && b <= source.text.len(), "span {a}..{b}");
            assert!(source.text.is_char_boundary(a) && source.text.is_char_boundary(b), "span {a}..{b}");
        }
    }
    let report = crosscheck::check(&corpus, rules);
    let mut text = Vec::new();
    render::render(&report, Format::Text, FailOn::default(), &mut text).unwrap();
    let mut json = Vec::new();
    render::render(&report, Format::Json, FailOn::default(), &mut json).unwrap();
    serde_json::from_slice::<serde_json::Value>(&json).expect("the JSON report parses");
});
