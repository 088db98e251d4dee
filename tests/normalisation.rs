//! Units and currencies written two ways compare equal: each spelling of a group extracts to the same
//! kind, canonical unit and value (rules/units.toml, currencies.toml, numbers.toml), and two sources
//! that spell one fact differently agree.

use crosscheck::claim::{Claim, Kind};
use crosscheck::compare::Verdict;
use crosscheck::rules::Rules;
use crosscheck::source::{Corpus, Source};

fn claim(rules: &Rules, text: &str, kind: Kind) -> Claim {
    let mut warnings = Vec::new();
    let source = Source::new("<case>", text.to_string(), &mut warnings);
    let claims = crosscheck::extract::extract(&source, 0, rules).claims;
    claims.into_iter().find(|c| c.kind == kind).unwrap_or_else(|| panic!("no {kind:?} claim in {text:?}"))
}

/// Every spelling reads as the first one: same unit, same value within a part in a million.
fn same(kind: Kind, spellings: &[&str]) {
    let rules = Rules::embedded().unwrap();
    let first = claim(&rules, spellings[0], kind);
    let (low, high) = (first.value.low().unwrap(), first.value.high().unwrap());
    for text in &spellings[1..] {
        let c = claim(&rules, text, kind);
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(1.0);
        assert_eq!(c.unit, first.unit, "{text:?} vs {:?}", spellings[0]);
        assert!(
            close(c.value.low().unwrap(), low) && close(c.value.high().unwrap(), high),
            "{text:?} reads {:?}, {:?} reads {:?}",
            c.value,
            spellings[0],
            first.value
        );
    }
}

#[test]
fn lengths_masses_and_temperatures() {
    same(
        Kind::Quantity,
        &["a 10 km road", "a 10 kilometres road", "a 10 kilometers road", "a 10km road", "a 10,000 m road"],
    );
    same(
        Kind::Quantity,
        &["it weighs 25 kg", "it weighs 25 kilograms", "it weighs 25 kilos", "it weighs 25,000 grams"],
    );
    same(
        Kind::Quantity,
        &["it was 40°C", "it was 40 degrees Celsius", "it was 104 °F", "it was 104 degrees Fahrenheit"],
    );
    same(Kind::Quantity, &["exports of 1.5m tonnes", "exports of 1.5 million tonnes", "exports of 1.5 mln t"]);
    same(Kind::Quantity, &["a 10 ft wall", "a 10 feet wall", "a 3.048 metres wall"]);
    same(Kind::Quantity, &["rotate 90 degrees", "rotate 90°", "a quarter turn", "0.25 turns"]);
}

#[test]
fn dollars_pounds_euros_and_scales() {
    same(
        Kind::Money,
        &[
            "he paid $5 million",
            "he paid 5 million dollars",
            "he paid USD 5 million",
            "he paid US$5m",
            "he paid $5m",
            "he paid $5mn",
            "he paid $5 mln",
            "he paid $5 m",
            "he paid 5 million US dollars",
            "he paid 5 million US$",
            "he paid five million dollars",
            "he paid $5,000,000",
        ],
    );
    same(
        Kind::Money,
        &[
            "a £3bn deal",
            "a £3 bn deal",
            "a 3 billion pounds deal",
            "a GBP 3 billion deal",
            "a 3bn pounds sterling deal",
        ],
    );
    same(Kind::Money, &["a €2.5bn deal", "a 2.5 billion euros deal", "a EUR 2.5 billion deal", "a 2.5 bln euros deal"]);
}

#[test]
fn counts_and_shares() {
    same(Kind::Count, &["1.5 million people fled", "1.5m people fled", "1.5 mln people fled", "1,500,000 people fled"]);
    same(
        Kind::Percent,
        &["turnout was 15%", "turnout was 15 percent", "turnout was 15 per cent", "turnout was 15 pct"],
    );
}

#[test]
fn two_spellings_of_one_sum_agree() {
    let mut warnings = Vec::new();
    let texts = [
        ("a.txt", "The company agreed to pay $5m to settle the claims, officials said."),
        ("b.txt", "The company agreed to pay 5 million dollars to settle the claims, officials said."),
    ];
    let sources = texts.iter().map(|(p, t)| Source::new(*p, t.to_string(), &mut warnings)).collect();
    let report = crosscheck::check(&Corpus { sources, warnings: Vec::new() }, &Rules::embedded().unwrap());
    let money: Vec<_> = report.groups.iter().filter(|g| g.kind == Kind::Money).collect();
    assert_eq!(money.len(), 1, "{:?}", report.groups);
    assert_eq!(money[0].verdict, Verdict::Agree);
}
