use super::*;
use crate::extract::lexer::tokenize;

fn value(text: &str) -> Option<(f64, usize)> {
    let rules = Rules::embedded().unwrap();
    let tokens = tokenize(text, 0, text.len());
    read(&tokens, text, &rules, 0).map(|n| (n.value * n.suffix.unwrap_or(1.0), n.end))
}

#[test]
fn digits_and_scales() {
    assert_eq!(value("11,000 soldiers"), Some((11000.0, 1)));
    assert_eq!(value("1.2 million people"), Some((1_200_000.0, 2)));
    assert_eq!(value("3bn"), Some((3e9, 1)));
    assert_eq!(value("7.9 bn people"), Some((7.9e9, 1)));
    assert_eq!(value("2.33 k"), Some((2330.0, 1)));
    assert_eq!(value("5 k"), Some((5.0, 1)));
    assert_eq!(value("2.5 k people"), Some((2.5, 1)));
}

#[test]
fn a_model_after_a_count_is_no_number() {
    let rules = Rules::embedded().unwrap();
    let at = |text: &str, i: usize| {
        let tokens = tokenize(text, 0, text.len());
        read(&tokens, text, &rules, i).map(|n| n.value)
    };
    // "12 AK 47 guns": 12 guns, and "47" names them.
    assert_eq!(at("12 AK 47 guns", 0), Some(12.0));
    assert_eq!(at("12 AK 47 guns", 2), None);
    assert_eq!(at("two F 16 jets", 2), None);
    // A currency code is no model ("17 USD 25"), nor is a code without a count ("the UN 3").
    assert_eq!(at("17 USD 25", 2), Some(25.0));
    assert_eq!(at("the UN 3", 2), Some(3.0));
}

#[test]
fn number_words() {
    assert_eq!(value("three soldiers"), Some((3.0, 1)));
    assert_eq!(value("twenty-five villages"), Some((25.0, 3)));
    assert_eq!(value("one hundred and twenty people"), Some((120.0, 4)));
    assert_eq!(value("a dozen houses"), Some((12.0, 2)));
    assert_eq!(value("two million three hundred thousand"), Some((2_300_000.0, 5)));
    assert_eq!(value("a couple of days"), Some((2.0, 2)));
    assert_eq!(value("a pair of boots"), Some((2.0, 2)));
    assert_eq!(value("a man"), None);
    assert_eq!(value("hundred"), None);
    assert_eq!(value("one two"), Some((1.0, 1)));
    assert_eq!(value("five hundreds tvs"), Some((500.0, 2)));
    assert_eq!(value("hundreds of people"), None);
    assert_eq!(value("two millionth visitor"), None);
    assert_eq!(value("three fifth"), None);
    assert_eq!(value("two millionths"), Some((2e-6, 2)));
    assert_eq!(value("one hundred and fifth congress"), None);
    assert_eq!(value("5 tn of rice"), Some((5.0, 1)));
    assert_eq!(value("one millionth"), Some((1e-6, 2)));
}

#[test]
fn continental_decimals() {
    assert_eq!(value("1.111,11 euros"), Some((1111.11, 3)));
    assert_eq!(value("1.111,111"), Some((1.111, 1)));
    assert_eq!(value("1.111,11,5"), Some((1.111, 1)));
    assert_eq!(value("3.5,12"), Some((3.5, 1)));
}

#[test]
fn a_single_noun_is_one_of_it_unless_negated_hedged_or_a_kind() {
    assert_eq!(value("a single shell hit"), Some((1.0, 2)));
    assert_eq!(value("a single mother"), None);
    assert_eq!(value("a single-engine plane"), None);
    assert_eq!(value("a single, larger chip"), None);
    assert_eq!(value("a single"), None);
}

#[test]
fn a_number_read_ahead_is_read_once_and_only_for_its_token() {
    let rules = Rules::embedded().unwrap();
    let text = "in twenty five weeks, over 200 people";
    let tokens = tokenize(text, 0, text.len());
    let (_, facts) = crate::extract::starters::of_tokens(&tokens, &rules);
    let last = LastRead::default();
    let fresh = |i: usize| read(&tokens, text, &rules, i);
    // "in" opens no number and keeps none; the reader at it reads ahead at "twenty".
    let at_in = At::in_text(0, &facts, &last);
    assert_eq!(at_in.read(&tokens, text, &rules), None);
    assert_eq!(at_in.beside(1).read(&tokens, text, &rules), fresh(1));
    assert_eq!(last.at.get(), 1);
    // The extractor's reader at "twenty" takes it; those at other tokens read their own.
    for i in [1, 2, 6, 7] {
        assert_eq!(At::in_text(i, &facts, &last).read(&tokens, text, &rules), fresh(i), "token {i}");
    }
    assert_eq!(fresh(1).map(|n| n.value), Some(25.0));
}

#[test]
fn a_fact_is_known_only_of_words_whose_facts_are_given() {
    let rules = Rules::embedded().unwrap();
    let text = "the 12 soldiers";
    let tokens = tokenize(text, 0, text.len());
    let (_, facts) = crate::extract::starters::of_tokens(&tokens, &rules);
    let given = Facts::of_text(&facts);
    let no_term = |f: &WordFacts| f.no_term;
    // "the" is a stop word; digits and a word with no facts know nothing; nor does a text whose
    // facts are not given.
    assert!(given.known(&tokens, 0, no_term));
    assert!(!given.known(&tokens, 1, no_term));
    assert!(!given.known(&tokens, 2, no_term));
    assert!(!Facts::default().known(&tokens, 0, no_term));
}
