//! The subject reader's tests: terms, weights, parts and places read from short sentences.

use super::*;
use crate::extract::lexer::tokenize;

/// The terms of the first sentence of `text`.
fn terms_of(text: &str) -> Vec<&'static str> {
    let rules = Rules::embedded().unwrap();
    let tokens = tokenize(text, 0, text.len());
    let terms = Terms::new(&tokens, text, &rules);
    terms.sentence_terms(0).iter().map(|t| t.text.as_str()).collect()
}

#[test]
fn aliases_and_phrases_resolve() {
    let words = terms_of("North Korea sent troops while the DPRK signed a treaty");
    assert_eq!(words, ["north korea", "send", "soldier", "north korea", "signed", "agreement"]);
}

#[test]
fn nearer_words_weigh_more() {
    let rules = Rules::embedded().unwrap();
    let text = "Officials in Aceh said 24 people died in the quake";
    let tokens = tokenize(text, 0, text.len());
    let terms = Terms::new(&tokens, text, &rules);
    let four = tokens.iter().position(|t| t.norm == "24").unwrap();
    let s = terms.subject(&tokens, &rules, four, four + 1, Some(("dead", claim::Term::new("dead"))));
    assert_eq!(s.terms[0].0, "dead");
    assert!(s.weight("earthquake") > 0.0);
    assert!(s.weight("aceh") > 0.0);
    assert!(s.weight("official") < s.weight("dead"));
}

#[test]
fn a_short_sentence_borrows_its_neighbours_words_but_a_dateline_does_not() {
    let rules = Rules::embedded().unwrap();
    let text = "Mark Felt died at his home in Santa Rosa. He was 95.\nTuesday, July 2nd, 2013\nFelt died.";
    let tokens = tokenize(text, 0, text.len());
    let terms = Terms::new(&tokens, text, &rules);
    let at = |n: &str| tokens.iter().position(|t| t.norm == n).unwrap();
    let age = terms.subject(&tokens, &rules, at("95"), at("95") + 1, None);
    assert!(age.weight("felt") > 0.0);
    let dateline = terms.subject(&tokens, &rules, at("tuesday"), at("2013") + 1, None);
    assert!(dateline.terms.is_empty());
}

#[test]
fn a_figure_told_as_a_part_of_the_one_before_is_marked_so() {
    let rules = Rules::embedded().unwrap();
    // The subjects of the figures (each a one-token number) of `text`.
    let subjects = |text: &str, figures: &[&str]| -> Vec<Subject> {
        let tokens = tokenize(text, 0, text.len());
        let terms = Terms::new(&tokens, text, &rules);
        let at = |n: &str| tokens.iter().position(|t| t.norm == n).unwrap();
        figures.iter().map(|&n| terms.subject(&tokens, &rules, at(n), at(n) + 1, None)).collect()
    };
    let parts =
        |text: &str, figures: &[&str]| -> Vec<bool> { subjects(text, figures).iter().map(|s| s.part).collect() };
    let text = "Five bombs were dropped, of which four exploded; 23 pirates, 12 of them Somali, mourned the deaths of these three men";
    assert_eq!(parts(text, &["four", "12", "five", "23", "three"]), [true, true, false, false, false]);
    let text = "Eight were seriously injured and 261 got minor injuries; 40 others were hurt, nine critically";
    assert_eq!(parts(text, &["eight", "261", "nine", "40"]), [true, true, true, false]);
    let text = "It raised 35 million in two rounds. Most recently, it raised 20 million";
    assert_eq!(parts(text, &["35", "20"]), [false, true]);
    let text = "It was hit by 842 aftershocks, including 54 stronger than five, and 12 more on Monday";
    assert_eq!(parts(text, &["842", "54", "12"]), [false, true, false]);
    // Of the parts by severity, the gravest degree counts the critically injured.
    let text = "55 were hurt, ten of whom remain critical; eight were seriously injured, nine critically";
    let critical: Vec<bool> = subjects(text, &["55", "ten", "eight", "nine"]).iter().map(|s| s.critical).collect();
    assert_eq!(critical, [false, true, false, true]);
}

#[test]
fn a_figure_takes_the_place_its_preposition_names() {
    let rules = Rules::embedded().unwrap();
    let text = "Qeshm lies 1,150 kilometers (700 miles) southeast of Tehran, and 12 of them were hurt";
    let tokens = tokenize(text, 0, text.len());
    let terms = Terms::new(&tokens, text, &rules);
    let at = |n: &str| tokens.iter().position(|t| t.norm == n).unwrap();
    let miles = terms.subject(&tokens, &rules, at("700"), at("700") + 2, None);
    assert_eq!(miles.place.as_deref(), Some("tehran"));
    let twelve = terms.subject(&tokens, &rules, at("12"), at("12") + 1, None);
    assert_eq!(twelve.place, None);
    // An institution is no place.
    let text = "a rescue package of 110 billion from the European Union";
    let tokens = tokenize(text, 0, text.len());
    let terms = Terms::new(&tokens, text, &rules);
    let at = |n: &str| tokens.iter().position(|t| t.norm == n).unwrap();
    let sum = terms.subject(&tokens, &rules, at("110"), at("billion") + 1, None);
    assert_eq!(sum.place, None);
}

#[test]
fn a_place_is_read_a_few_tokens_on_and_found_among_names_by_halving() {
    let rules = Rules::embedded().unwrap();
    // Figures and marks between do not count as words, but the tokens read are bounded too: a line
    // of figures alone was read to its end for each of them.
    let place_after = |between: usize| {
        let figures: Vec<String> = (1..=between).map(|n| n.to_string()).collect();
        let text = format!("Quakes killed 7 {} in Aceh", figures.join(" "));
        let tokens = tokenize(&text, 0, text.len());
        let terms = Terms::new(&tokens, &text, &rules);
        let seven = tokens.iter().position(|t| t.norm == "7").unwrap();
        terms.subject(&tokens, &rules, seven, seven + 1, None).place.map(|p| p.as_str())
    };
    assert_eq!(place_after(3), Some("aceh"));
    assert_eq!(place_after(40), None);
    // The names a place is found among, by their first token or one past their last, as a walk
    // over the sentence's terms finds them.
    let text = "In Patras, where 20,000 marched from the Port of Bandar Abbas to New York, 7 died in Aceh";
    let tokens = tokenize(text, 0, text.len());
    let terms = Terms::new(&tokens, text, &rules);
    let own = terms.sentence_terms(0);
    assert!(own.iter().filter(|t| t.name).count() >= 3, "{:?}", own.iter().map(|t| t.text).collect::<Vec<_>>());
    for k in 0..=tokens.len() {
        let walk = |bound: fn(&Term) -> usize| own.iter().find(|t| bound(t) == k && t.name).map(|t| t.text);
        assert_eq!(place::name_at(own, k, |t| t.start).map(|t| t.text), walk(|t| t.start), "start {k}");
        assert_eq!(place::name_at(own, k, |t| t.end).map(|t| t.text), walk(|t| t.end), "end {k}");
    }
}

#[test]
fn phrases_are_read_only_where_a_word_goes_on_one() {
    let words = terms_of("The death toll rose and one death of a lost child, who lost their lives");
    assert_eq!(words, ["dead", "rose", "dead", "lost", "child", "dead"]);
}

#[test]
fn alphabetical_keys_are_the_first_eight_bytes_zero_padded() {
    for word in ["", "a", "ab", "abc", "abcd", "quake", "été", "abcdefg", "abcdefgh", "earthquakes"] {
        let mut bytes = [0; 8];
        let n = word.len().min(8);
        bytes[..n].copy_from_slice(&word.as_bytes()[..n]);
        assert_eq!(alphabetical_key(word), u64::from_be_bytes(bytes), "{word:?}");
    }
}

#[test]
fn a_word_that_opens_a_phrase_but_stands_before_none_is_read_alone() {
    // "north" opens "north korea"; before "of", before a number and last it is a word of its own.
    assert_eq!(terms_of("Troops fled north of the border"), ["soldier", "displaced", "north", "border"]);
    assert_eq!(terms_of("They counted north 12"), ["counted", "north"]);
    assert_eq!(terms_of("They fled north"), ["displaced", "north"]);
    assert_eq!(terms_of("They fled North Korea"), ["displaced", "north korea"]);
}

#[test]
fn alphabetical_keeps_each_term_once_at_its_heaviest_where_keys_tie() {
    // "presidential" and "presidents" share their first eight bytes, and so their key, with
    // "president".
    let weighted = |word: &str, weight: f32| (claim::Term::new(word), weight, alphabetical_key(word));
    let mut weights = vec![
        weighted("presidents", 0.5),
        weighted("president", 0.2),
        weighted("aceh", 1.0),
        weighted("presidential", 0.3),
        weighted("president", 0.7),
        weighted("aceh", 0.4),
    ];
    alphabetical(&mut weights);
    let terms: Vec<(&str, f32)> = weights.iter().map(|t| (t.0.as_str(), t.1)).collect();
    assert_eq!(terms, [("aceh", 1.0), ("president", 0.7), ("presidential", 0.3), ("presidents", 0.5)]);
}

#[test]
fn sentence_starts_are_the_lexers() {
    for text in ["", "One.", "One. Two.\n\nThree", "Dr. Kim left. \u{201c}Yes.\u{201d} Then 12. More\n"] {
        let lower = crate::extract::lexer::Lowered::new(text, 0, text.len());
        let lexed = crate::extract::lexer::tokenize_indexed(&lower);
        assert_eq!(sentence_starts(&lexed.tokens), lexed.sentence_starts, "{text:?}");
    }
}

#[test]
fn sentences_with_a_dispute_word_are_flagged() {
    let rules = Rules::embedded().unwrap();
    let text = "Police said 12 died. Conflicting reports put it higher. The rest is calm.";
    let tokens = tokenize(text, 0, text.len());
    let terms = Terms::new(&tokens, text, &rules);
    let flagged: Vec<bool> = (0..4).map(|s| terms.disputing(s)).collect();
    assert_eq!(flagged, [false, true, false, false]);
    // Read for only the first sentence, the second is not told.
    let facts = tokens.iter().map(|t| rules.word(&t.norm)).collect();
    let first = Terms::of_sentences(&tokens, &sentence_starts(&tokens), text, &rules, facts, |s| s == 0);
    assert!(!first.disputing(1));
}
