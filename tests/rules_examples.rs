//! Every `examples` entry of every rules file must extract as its rule promises, so a rule that
//! stops matching fails the build.

use crosscheck::rules::{check_examples, Rules};

#[test]
fn every_rule_example_holds() {
    let rules = Rules::embedded().expect("embedded rules compile");
    let failures = check_examples(&rules);
    let report: Vec<String> = failures.iter().map(ToString::to_string).collect();
    assert!(failures.is_empty(), "{} rule examples fail:\n{}", failures.len(), report.join("\n"));
}

#[test]
fn there_are_examples_to_run() {
    let rules = Rules::embedded().unwrap();
    // A guard against a refactor that silently stops collecting examples.
    assert!(rules.examples().len() >= 60, "only {} examples collected", rules.examples().len());
}

#[test]
fn a_broken_example_is_reported_with_its_file() {
    let mut texts: Vec<(String, String, String)> = crosscheck::rules::EMBEDDED
        .iter()
        .map(|(n, t)| (format!("<embedded>/{n}"), n.to_string(), t.to_string()))
        .collect();
    texts.push((
        "mine/extra.toml".into(),
        "extra.toml".into(),
        "[[hedge]]\nphrases = [\"roughly speaking\"]\nmode = \"approx\"\nrelative = 0.1\nexamples = [{ text = \"roughly speaking 100 people\", kind = \"count\", value = 100 }]\n".into(),
    ));
    let rules = Rules::from_texts(texts).unwrap();
    let failures = check_examples(&rules);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0].file, "mine/extra.toml");
    assert!(failures[0].message.contains("90"), "{}", failures[0].message);
}
