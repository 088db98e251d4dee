//! Invariants that must hold for any input, checked with generated sources: the report does not
//! depend on source order and is the same on every run, its JSON always parses, spans lie on
//! character boundaries and slice the file's own bytes, and the verdict between two values is
//! symmetric and consistent with interval overlap. Case counts are modest so `cargo test` stays
//! fast; raise them with `PROPTEST_CASES=2000 cargo test --test properties`.

use std::sync::OnceLock;

use crosscheck::claim::{Interval, Kind};
use crosscheck::compare::{relate_values, Verdict};
use crosscheck::render::{self, Format};
use crosscheck::report::FailOn;
use crosscheck::rules::{Rules, Tolerance};
use crosscheck::source::{self, Corpus, Source};
use proptest::prelude::*;
use proptest::sample::select;

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| Rules::embedded().expect("embedded rules"))
}

/// Cases for the tests that run the whole pipeline; the `PROPTEST_CASES` variable overrides.
fn pipeline_cases() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(24);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// One sentence of news-like text, built from the phrases claims are made of, so that generated
/// sources share subjects and values and alignment has groups to make.
fn sentence() -> impl Strategy<Value = String> {
    let hedge = select(vec!["", "around ", "over ", "up to ", "nearly ", "at least "]);
    let number = select(vec![
        "7",
        "12",
        "11,000",
        "10,000",
        "25,000-30,000",
        "three",
        "dozens of",
        "1.5 million",
        "229,866",
        "230,000",
    ]);
    let noun = select(vec!["people", "soldiers", "troops", "North Korean troops", "residents", "homes"]);
    let verb = select(vec!["were killed", "died", "were sent to Kursk", "fled", "were hurt"]);
    let when = select(vec![
        "",
        " on July 12, 2025",
        " on Saturday",
        " in June 2024",
        " at the start of July",
        " last year",
        " on February 30, 2025",
        " on 12 July 2025",
    ]);
    let tail = select(vec![".", ", officials said.", " in Aceh.", ", the DPRK said.", " for $5 million."]);
    (hedge, number, noun, verb, when, tail).prop_map(|(h, n, o, v, w, t)| format!("{h}{n} {o} {v}{w}{t}"))
}

/// A source text: a few sentences, sometimes with front matter, line breaks or odd characters.
fn article() -> impl Strategy<Value = String> {
    let noise = select(vec!["", " ", "\n", "\n\n", " “quoted” ", " é ", "\u{1a}", " — "]);
    let header = select(vec!["", "---\ndate: 2025-07-13\n---\n", "---\nsource: x\n", "\u{feff}"]);
    (header, prop::collection::vec((sentence(), noise), 1..5)).prop_map(|(h, parts)| {
        let mut text = h.to_string();
        for (s, n) in parts {
            text.push_str(&s);
            text.push_str(n);
        }
        text
    })
}

fn corpus(texts: &[(String, String)]) -> Corpus {
    let mut warnings = Vec::new();
    let sources = texts.iter().map(|(p, t)| Source::new(p.clone(), t.clone(), &mut warnings)).collect();
    Corpus { sources, warnings }
}

fn render_text(corpus: &Corpus) -> String {
    let mut out = Vec::new();
    render::render(&crosscheck::check(corpus, rules()), Format::Text, FailOn::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Sources named in path order, as `source::load` gives them.
fn named(texts: Vec<String>) -> Vec<(String, String)> {
    texts.into_iter().enumerate().map(|(n, t)| (format!("s{n:02}.txt"), t)).collect()
}

proptest! {
    #![proptest_config(pipeline_cases())]

    #[test]
    fn the_report_does_not_depend_on_source_order(texts in prop::collection::vec(article(), 2..5), seed in any::<u64>()) {
        let ordered = named(texts);
        let mut shuffled = ordered.clone();
        // A rotation and a reversal chosen by the seed: every order reachable for small n.
        let n = shuffled.len();
        shuffled.rotate_left((seed as usize) % n);
        if seed & 1 == 1 {
            shuffled.reverse();
        }
        // Through the loader, as users meet it: the same files named in another order.
        let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("properties-order");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (path, text) in &ordered {
            std::fs::write(dir.join(path), text).unwrap();
        }
        let load = |files: &[(String, String)]| {
            let paths: Vec<_> = files.iter().map(|(p, _)| dir.join(p)).collect();
            source::load(&paths, &source::LoadOptions::default()).unwrap()
        };
        prop_assert_eq!(render_text(&load(&ordered)), render_text(&load(&shuffled)));
        // And in the library, a corpus in another order gives the same groups and verdicts.
        let (a, b) = (crosscheck::check(&corpus(&ordered), rules()), crosscheck::check(&corpus(&shuffled), rules()));
        let ids = |r: &crosscheck::report::Report| {
            let mut v: Vec<(String, Verdict)> = r.groups.iter().map(|g| (g.id.clone(), g.verdict)).collect();
            v.sort();
            v
        };
        prop_assert_eq!(ids(&a), ids(&b));
    }

    #[test]
    fn the_text_report_is_identical_across_runs(texts in prop::collection::vec(article(), 1..4)) {
        let c = corpus(&named(texts));
        prop_assert_eq!(render_text(&c), render_text(&c));
    }

    #[test]
    fn the_json_report_always_parses(texts in prop::collection::vec(article(), 1..4)) {
        let report = crosscheck::check(&corpus(&named(texts)), rules());
        let mut out = Vec::new();
        render::render(&report, Format::Json, FailOn::default(), &mut out).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(json["version"].as_u64(), Some(1));
    }

    #[test]
    fn spans_lie_on_char_boundaries_and_slice_the_file(
        text in article(),
        junk in prop::collection::vec(any::<u8>(), 0..40),
        at in any::<prop::sample::Index>(),
    ) {
        // Arbitrary bytes, invalid UTF-8 included, spliced into the text, then read as the loader reads.
        let mut bytes = text.into_bytes();
        let cut = at.index(bytes.len() + 1);
        bytes.splice(cut..cut, junk.iter().copied().filter(|&b| b != 0));
        let mut warnings = Vec::new();
        let Some(decoded) = source::decode("x.txt", bytes.clone(), &mut warnings) else { return Ok(()) };
        prop_assert_eq!(decoded.len(), bytes.len(), "decoding keeps every offset");
        let src = Source::new("x.txt", decoded, &mut warnings);
        let extraction = crosscheck::extract::extract(&src, 0, rules());
        for claim in &extraction.claims {
            let (start, end) = (claim.span.start(), claim.span.end());
            prop_assert!(start < end && end <= src.text.len(), "{start}..{end} in {}", src.text.len());
            prop_assert!(src.text.is_char_boundary(start) && src.text.is_char_boundary(end));
            // Where the file was valid UTF-8 the span's text is the file's bytes; where it was not,
            // each byte became one U+001A.
            let shown = &src.text.as_bytes()[start..end];
            for (k, (&s, &b)) in shown.iter().zip(&bytes[start..end]).enumerate() {
                prop_assert!(s == b || s == 0x1a || (start + k < 3 && s == b' '), "byte {} differs", start + k);
            }
        }
    }
}

/// Any interval: exact, closed, or open on one side, over values a claim can hold.
fn interval() -> impl Strategy<Value = Interval> {
    let value = prop_oneof![
        (-1e6f64..1e6),
        (0u32..100_000).prop_map(f64::from),
        select(vec![0.0, 10.0, 100.0, 230_000.0, 229_866.0])
    ];
    prop_oneof![
        value.clone().prop_map(Interval::exact),
        (value.clone(), value.clone()).prop_map(|(a, b)| Interval::between(a, b)),
        value.clone().prop_map(|a| Interval::new(Some(a), None)),
        value.prop_map(|b| Interval::new(None, Some(b))),
    ]
}

fn tolerance() -> impl Strategy<Value = Tolerance> {
    (0.0f64..0.2, select(vec![0.0, 0.5, 1.0, 31.0]), select(vec![0.0, 0.02, 0.05]))
        .prop_map(|(relative, absolute, rounding)| Tolerance { relative, absolute, rounding })
}

fn kind() -> impl Strategy<Value = Kind> {
    select(vec![Kind::Count, Kind::Date, Kind::Duration, Kind::Money, Kind::Percent, Kind::Quantity])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_verdict_between_two_values_is_symmetric(k in kind(), a in interval(), b in interval(), t in tolerance()) {
        prop_assert_eq!(relate_values(k, &a, &b, t), relate_values(k, &b, &a, t));
    }

    #[test]
    fn verdicts_are_consistent_with_interval_overlap(k in kind(), a in interval(), b in interval(), t in tolerance()) {
        let verdict = relate_values(k, &a, &b, t);
        // A value agrees with itself, and agreeing values overlap: agreement is at least compatible.
        prop_assert_eq!(relate_values(k, &a, &a, t), Verdict::Agree);
        if verdict == Verdict::Agree {
            prop_assert!(a.overlaps(&b), "{a:?} agrees with {b:?} yet they are disjoint");
        }
        // Overlapping values never conflict; a conflict is disjoint beyond the tolerance.
        if a.overlaps(&b) {
            prop_assert_ne!(verdict, Verdict::Conflict);
        }
        if verdict == Verdict::Conflict {
            let gap = a.gap(&b);
            prop_assert!(!a.overlaps(&b) && gap > t.absolute, "{a:?} vs {b:?}: gap {gap} within {}", t.absolute);
            if k != Kind::Date {
                let scale = a.magnitude().max(b.magnitude());
                prop_assert!(gap > t.relative * scale, "{a:?} vs {b:?}: gap {gap} within {} of {scale}", t.relative);
            }
        }
    }
}
