//! Words in, their canonical forms out: alias phrases, aliases and folded plurals, as the subject
//! reader and the counted-noun reader compare them.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::extract::lexer::{Token, TokenKind};
use crate::rules::{Rules, WordFacts};

/// The longest alias phrase of two or more words starting at token `i`, whose word facts are
/// `facts`: none unless that word opens one.
// Inlined, so that the callers ask most words (which open no alias) without a call.
#[inline]
pub(in crate::extract) fn alias_phrase<'r>(
    tokens: &[Token],
    rules: &'r Rules,
    i: usize,
    facts: Option<&WordFacts>,
) -> Option<(&'r str, usize)> {
    if !facts.is_some_and(|f| f.opens_alias) {
        return None;
    }
    longest_alias(tokens, rules, i, |k| rules.word(&tokens[k].norm))
}

/// [`alias_phrase`] given the facts of every token, as `starters::of_tokens` looks them up (none
/// for a number).
// Always inlined, so that the term reader tells most words (which open no alias) without a call:
// the call was a sixth of its work.
#[inline(always)]
pub(in crate::extract) fn alias_phrase_among<'r>(
    tokens: &[Token],
    rules: &'r Rules,
    i: usize,
    facts: &[Option<&WordFacts>],
) -> Option<(&'r str, usize)> {
    if !facts[i].is_some_and(|f| f.opens_alias) {
        return None;
    }
    phrase_among(tokens, rules, i, facts)
}

/// [`alias_phrase_among`] at a word that opens one.
// Always inlined, so that the test of the next word's facts below is made without a call.
#[inline(always)]
fn phrase_among<'r>(
    tokens: &[Token],
    rules: &'r Rules,
    i: usize,
    facts: &[Option<&WordFacts>],
) -> Option<(&'r str, usize)> {
    let facts_of = |k: usize| match facts[k] {
        None if tokens[k].kind == TokenKind::Digits => rules.word(&tokens[k].norm),
        facts => facts,
    };
    // Most such words stand before a word that goes on no phrase ("death of"), which its facts
    // tell here without a call (`longest_alias` tells it too, but is not always inlined).
    if !(i + 1 < facts.len() && facts_of(i + 1).is_some_and(|f| f.continues_alias)) {
        return None;
    }
    longest_alias(tokens, rules, i, facts_of)
}

/// [`alias_phrase`] at a word that opens one, `facts_of` giving each token's word facts.
// Inlined, so that a word that opens a phrase but stands before none is told without a call.
#[inline]
fn longest_alias<'r, 'f>(
    tokens: &[Token],
    rules: &'r Rules,
    i: usize,
    facts_of: impl Fn(usize) -> Option<&'f WordFacts>,
) -> Option<(&'r str, usize)> {
    let words = &tokens[i..i + rules.alias_max_words.min(tokens.len() - i)];
    // A mark other than an apostrophe or a hyphen, or a sentence break, ends every phrase that
    // would hold it; so does a token no phrase holds after its first (`WordFacts::continues_alias`).
    let ends = |t: &Token| (t.kind == TokenKind::Punct && !t.is_punct("'’-")) || t.sentence != tokens[i].sentence;
    // The facts first: they turn away most words.
    let goes_on = |n: usize| facts_of(i + n).is_some_and(|f| f.continues_alias) && !ends(&words[n]);
    // Most words that open a phrase stand before a word that goes on none ("death of"): told
    // before a phrase is built and looked up.
    if words.len() < 2 || !goes_on(1) || ends(&words[0]) {
        return None;
    }
    read_phrase(rules, i, words, &goes_on)
}

/// The longest alias phrase of `words`, which start at token `i` and whose second goes on a
/// phrase, read until a word that does not (`goes_on` tells by its place in `words`).
fn read_phrase<'r>(
    rules: &'r Rules,
    i: usize,
    words: &[Token],
    goes_on: &dyn Fn(usize) -> bool,
) -> Option<(&'r str, usize)> {
    // One phrase buffer a thread, grown once, spares an allocation a call.
    thread_local! {
        static PHRASE: RefCell<String> = const { RefCell::new(String::new()) };
    }
    PHRASE.with_borrow_mut(|phrase| {
        phrase.clear();
        // The phrase grows a token at a time, each longer phrase kept when it is an alias. A
        // phrase that opens no alias (`WordFacts::opens_alias` marks every beginning of one that
        // ends where a token does) ends the reading, which spares looking the longer ones up.
        let mut longest = None;
        for (n, t) in words.iter().enumerate() {
            if n > 0 && !goes_on(n) {
                break;
            }
            if !phrase.is_empty() && t.space_before {
                phrase.push(' ');
            }
            phrase.push_str(&t.norm);
            if n == 0 {
                continue;
            }
            let facts = rules.word(phrase);
            if let Some(canonical) = facts.and_then(|f| f.alias.as_deref()) {
                longest = Some((canonical, i + n + 1));
            }
            if !facts.is_some_and(|f| f.opens_alias) {
                break;
            }
        }
        longest
    })
}

/// The canonical term for one lower-case word, or `None` for stop words and numbers.
pub fn canonical_word(word: &str, rules: &Rules) -> Option<String> {
    canonical_of(word, rules.word(word), rules).map(Cow::into_owned)
}

/// [`canonical_word`] given the word's `facts`, borrowed where the term is the word itself, a
/// part of it or its alias.
// Always inlined: the term reader asks it of every word of the sentences subjects read, and the
// call (its registers saved, its `Cow` written through memory) cost a third of its work.
#[inline(always)]
pub(in crate::extract) fn canonical_of<'a>(
    word: &'a str,
    facts: Option<&'a WordFacts>,
    rules: &'a Rules,
) -> Option<Cow<'a, str>> {
    if word.len() < 2 || facts.is_some_and(|f| f.no_term) {
        return None;
    }
    if let Some(c) = facts.and_then(|f| f.alias.as_deref()) {
        return Some(Cow::Borrowed(c));
    }
    let single = singular(word);
    // A word that is no plural was asked already; `singular` hands it back whole, which its
    // length tells without comparing the bytes (a folded plural is shorter or a new string).
    if matches!(single, Cow::Borrowed(s) if s.len() == word.len()) {
        return Some(single);
    }
    match rules.word(&single) {
        Some(WordFacts { alias: Some(c), .. }) => Some(Cow::Borrowed(c)),
        Some(f) if f.stopword => None,
        _ => Some(single),
    }
}

/// A plural folded to its singular by the regular English rules ("soldiers" → "soldier").
// Inlined, so that the term reader tells most words (which end in neither) without a call.
#[inline]
pub fn singular(word: &str) -> Cow<'_, str> {
    // Every plural folded below ends so (the irregular ones in "en"); most words do not, nor do
    // most words in "n" ("million", "election").
    match word.as_bytes() {
        [.., b's'] | [.., b'e', b'n'] => folded(word),
        _ => Cow::Borrowed(word),
    }
}

/// [`singular`] of a word ending in "s" or "en".
fn folded(word: &str) -> Cow<'_, str> {
    // The irregular plurals end in "en" and the regular ones in "s": a word is read for the one
    // kind its last letter allows (most are plurals in "s").
    if word.ends_with('n') {
        for (plural, one) in IRREGULAR_PLURALS {
            if let Some(stem) = word.strip_suffix(plural) {
                if stem.is_empty() || MAN_COMPOUNDS.contains(&stem) {
                    return Cow::Owned(format!("{stem}{one}"));
                }
            }
        }
        return Cow::Borrowed(word);
    }
    // The letter before the "s" tells which rules can apply: those of "-es" after an "e", none
    // after "s", "u" or "i" ("glass", "virus", "crisis"), the plain one after any other.
    let n = word.len();
    match word.as_bytes().get(n.wrapping_sub(2)) {
        // Joined, not formatted: a format string costs several times the copy.
        Some(b'e') if n > 4 && word.ends_with("ies") => return Cow::Owned([&word[..n - 3], "y"].concat()),
        Some(b'e')
            if n > 4
                && (word.ends_with("sses")
                    || word.ends_with("shes")
                    || word.ends_with("ches")
                    || word.ends_with("xes")) =>
        {
            return Cow::Borrowed(&word[..n - 2]);
        }
        Some(b's' | b'u' | b'i') => return Cow::Borrowed(word),
        _ => {}
    }
    if n > 3 {
        return Cow::Borrowed(&word[..n - 1]);
    }
    Cow::Borrowed(word)
}

/// Plurals no ending rule folds: "four men" counts men as "four soldiers" counts soldiers.
const IRREGULAR_PLURALS: [(&str, &str); 3] = [("men", "man"), ("women", "woman"), ("children", "child")];

/// Words that make a compound of "man" ("gunmen", "policemen"): a closed list, since many words
/// merely end in "men" ("Yemen", "specimen").
const MAN_COMPOUNDS: [&str; 9] = ["gun", "police", "crew", "fisher", "fire", "militia", "tribes", "sales", "business"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_fold_and_a_word_not_ending_in_s_or_n_is_no_plural() {
        assert!(IRREGULAR_PLURALS.iter().all(|(plural, _)| plural.ends_with("en")), "`singular` folds only these");
        for (word, one) in [
            ("gunmen", "gunman"),
            ("men", "man"),
            ("women", "woman"),
            ("yemen", "yemen"),
            ("children", "child"),
            ("soldiers", "soldier"),
            ("cities", "city"),
            ("casualties", "casualty"),
            ("churches", "church"),
            ("witnesses", "witness"),
            ("status", "status"),
            ("virus", "virus"),
            ("quake", "quake"),
        ] {
            assert_eq!(singular(word), one, "{word}");
        }
    }

    /// The rules of [`folded`] as plainly written, each ending asked in turn.
    fn folded_plainly(word: &str) -> Cow<'_, str> {
        for (plural, one) in IRREGULAR_PLURALS {
            if let Some(stem) = word.strip_suffix(plural) {
                if stem.is_empty() || MAN_COMPOUNDS.contains(&stem) {
                    return Cow::Owned(format!("{stem}{one}"));
                }
            }
        }
        let n = word.len();
        if n > 4 && word.ends_with("ies") {
            return Cow::Owned(format!("{}y", &word[..n - 3]));
        }
        if n > 4 && ["sses", "shes", "ches", "xes"].iter().any(|e| word.ends_with(e)) {
            return Cow::Borrowed(&word[..n - 2]);
        }
        if n > 3 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
            return Cow::Borrowed(&word[..n - 1]);
        }
        Cow::Borrowed(word)
    }

    #[test]
    fn plurals_fold_as_their_rules_say() {
        // Every word of up to five letters over the letters the rules read, ending in "s" or "n",
        // and the irregular plurals and their compounds.
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| ['e', 's', 'u', 'i', 'h', 'c', 'x', 'm', 'a'].map(|c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        let mut words: Vec<String> = words.iter().flat_map(|w| [format!("{w}s"), format!("{w}n")]).collect();
        words.extend(["men", "women", "children", "gunmen", "yemen", "specimen", "policewomen"].map(String::from));
        for w in &words {
            assert_eq!(singular(w), folded_plainly(w), "{w:?}");
        }
    }
}
