//! The report's tests: fingerprints, and the context a quote is shown in.

use super::*;

#[test]
fn fingerprints_ignore_word_order_but_not_sources() {
    let a = fingerprint(Kind::Count, "soldier", "north korea soldier", &["a", "b"]);
    assert_eq!(a, fingerprint(Kind::Count, "soldier", "soldier north korea", &["a", "b"]));
    assert_ne!(a, fingerprint(Kind::Count, "soldier", "soldier north korea", &["a", "c"]));
    assert_eq!(a.len(), 16);
}

#[test]
fn the_words_around_a_quote_are_read_only_as_far_as_they_are_shown() {
    // Words apart by runs of white space, which the context folds, on both sides of the quote.
    let side = |n: usize| (0..n).map(|i| format!("word{i}")).collect::<Vec<_>>().join(" \t ");
    let text = format!("Intro.  {} 7 dead {}.\nNext line.", side(300), side(300));
    let source = Source::new("a.txt", text.clone(), &mut Vec::new());
    let start = text.find("7 dead").unwrap();
    let end = start + "7 dead".len();
    // The sentence's own bounds, which reading the whole sentence finds.
    let (first, last) = (text.find("word0").unwrap(), text.find(".\nNext").unwrap() + 1);
    let (from, to) = sentence_around(&source, start, end);
    assert!(first < from && to < last, "the whole sentence was read: {from}..{to}");
    let before = |from: usize| clip_front(fold(&text[from..start]).trim_start());
    let after = |to: usize| clip_back(fold(&text[end..to]).trim_end());
    assert_eq!(before(from), before(first));
    assert_eq!(after(to), after(last));
    // A sentence shorter than the context is read whole.
    let text = "Intro. Officials said 7 died in Aceh. Next.";
    let source = Source::new("b.txt", text.to_string(), &mut Vec::new());
    let start = text.find('7').unwrap();
    assert_eq!(sentence_around(&source, start, start + 1), (6, text.find(" Next").unwrap()));
}
