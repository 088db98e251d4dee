//! Tokens around a claim in, its `Subject` out: the canonical content words of its sentence
//! (aliases resolved, plurals folded), weighted by closeness to the number, named entities and the
//! counted noun weighing most.

use std::cell::RefCell;

use super::lexer::{Token, TokenKind};
use crate::claim::{self, Degree, Subject};
use crate::rules::{Rules, WordFacts, WordLists};
#[cfg(test)]
use alphabet::alphabetical;
use alphabet::{alphabetical_key, alphabetical_key_of};
use scratch::Scratch;

mod alphabet;
mod heaviest;
mod neighbours;
mod place;
mod scratch;
mod words;
pub(super) use words::alias_phrase;
use words::alias_phrase_among;
pub(super) use words::canonical_of;
pub use words::{canonical_word, singular};

/// How many tokens after a figure a word of severity may stand and still narrow it ("dozens of
/// others were seriously injured").
const SEVERITY_REACH: usize = 5;

/// How many tokens before a figure, in its sentence, a word making it the latest of a series may
/// stand ("Most recently, the company raised $20 million").
const INSTALMENT_REACH: usize = 8;

/// A content term of a sentence, with the tokens it covers.
#[derive(Clone, Debug)]
pub struct Term {
    /// Canonical form, interned once here for every subject that weighs it.
    pub text: claim::Term,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Written with a capital inside the sentence: likely a name.
    pub name: bool,
    /// The first bytes of `text` as an integer (see `alphabetical_key`), so that a subject
    /// orders most terms of equal weight without reading their strings.
    pub key: u64,
    /// How many clause marks of the read sentences stand before it (none stands inside a term),
    /// so that the marks between it and a claim of its sentence cost one subtraction.
    pub marks: u32,
}

impl Term {
    /// The term of `word` covering `tokens`, to stand at `at` among the terms, found among the
    /// words `known`; a word new to the thread is the empty word until `known` learns it.
    // Always inlined: the term reader makes one for every other word it reads.
    #[inline(always)]
    fn new(
        known: &mut claim::Known,
        at: usize,
        word: &str,
        tokens: std::ops::Range<usize>,
        name: bool,
        marks: u32,
    ) -> Term {
        // The look-up's short key makes a short word's alphabetical key too.
        let (text, short) = known.term_and_key(word, at);
        let key = alphabetical_key_of(word, short);
        debug_assert_eq!(key, alphabetical_key(word), "{word:?}");
        let text = text.unwrap_or_else(claim::Term::none);
        Term { text, start: tokens.start, end: tokens.end, name, key, marks }
    }
}

/// The content terms of every sentence, computed once per source.
pub struct Terms<'r> {
    terms: Vec<Term>,
    /// For each sentence by number, the range of `terms` it holds.
    by_sentence: Vec<(usize, usize)>,
    /// The token of each clause mark of the read sentences, in order: the marks between two
    /// tokens of one sentence are counted from it and the terms' counts (`Term::marks`), not by
    /// a walk (a walk made long lines cubic). Marks are only ever counted within a claim's
    /// sentence, so those of the sentences not read are not needed.
    clause_marks: Vec<u32>,
    /// Each token's word facts, a number's too when a word list holds one: what the lists a
    /// token is in are read from, for the few tokens around a claim that are asked.
    facts: Vec<Option<&'r WordFacts>>,
    /// Lists a subject is made in, kept from one claim to the next, and from one source to the
    /// next of a thread (see `Scratch::spare`).
    scratch: RefCell<Scratch>,
    /// The facts of no word, read for a token that has none (see `lists`).
    no_facts: WordFacts,
    /// For each read sentence by number, every word list that holds one of its words or numbers:
    /// told while its words are read for terms, so that `disputing` reads a flag, not the words
    /// again, and a subject asks a list of the tokens around its claim only when their sentence
    /// holds a word of it (most sentences hold none of `SEVERITY`, `INSTALMENT` or `STATEMENTS`).
    lists_by_sentence: Vec<WordLists>,
    /// Every word list that holds a mark of a read sentence: a mark is no dispute word, but a
    /// subject asks the lists of the marks near its claim too. No list of the built-in rules
    /// holds one.
    mark_lists: WordLists,
}

/// The first token of each sentence of `tokens`, then the token count, as `lexer::Lexed` notes
/// them for the extractor.
fn sentence_starts(tokens: &[Token]) -> Vec<usize> {
    let breaks = (1..tokens.len()).filter(|&k| tokens[k].sentence != tokens[k - 1].sentence);
    std::iter::once(0).chain(breaks).chain([tokens.len()]).collect()
}

/// A term of a subject with its weight and alphabetical key (`alphabetical_key`).
type Weighted = (claim::Term, f32, u64);

impl Drop for Terms<'_> {
    fn drop(&mut self) {
        std::mem::take(self.scratch.get_mut()).keep();
    }
}

impl<'r> Terms<'r> {
    /// Reads the terms of all `tokens`.
    pub fn new(tokens: &[Token], text: &str, rules: &'r Rules) -> Terms<'r> {
        let facts: Vec<_> = tokens.iter().map(|t| rules.word(&t.norm)).collect();
        Terms::of_sentences(tokens, &sentence_starts(tokens), text, rules, facts, |_| true)
    }

    /// Reads the terms of the sentences that `wanted` accepts. A subject reads the terms of its
    /// claim's sentence and the two beside it only, and most sentences hold no claim; a sentence's
    /// terms do not depend on the sentences around it. `sentence_starts` are the first token of
    /// each sentence, then the token count (`lexer::Lexed`'s). `facts` are each word token's facts
    /// (`rules.word`), looked up once per token by `starters::of_tokens`; kept.
    pub fn of_sentences(
        tokens: &[Token],
        sentence_starts: &[usize],
        text: &str,
        rules: &'r Rules,
        mut facts: Vec<Option<&'r WordFacts>>,
        wanted: impl Fn(u32) -> bool,
    ) -> Terms<'r> {
        // Room for a term every other token, more than the sentences of claims hold in news (one in
        // three on ECB+), which spares the growing.
        let mut terms = Vec::with_capacity(tokens.len() / 2);
        let mut by_sentence = vec![(0, 0); tokens.last().map_or(0, |t| t.sentence as usize + 1)];
        let mut lists = vec![WordLists::default(); by_sentence.len()];
        let mut mark_lists = WordLists::default();
        // Room for a clause mark every eighth token, which news seldom passes: spares the growing.
        let mut clause_marks = Vec::with_capacity(tokens.len() / 8);
        let no_facts = WordFacts::default();
        // Chosen, not branched on: about half the words have facts (see `Terms::lists`).
        let lists_of = |f: Option<&WordFacts>| f.unwrap_or(&no_facts).lists;
        // Each term is found as it is read among the words this thread has interned before; the
        // few new to it are interned together below.
        let mut known = claim::Known::take();
        // A sentence's tokens lie together, and its terms are pushed together: its range of terms
        // and the lists its words are in are noted once, when it is read.
        let mut i = 0;
        while let Some(first) = tokens.get(i) {
            let sentence = first.sentence;
            debug_assert_eq!(sentence_starts[sentence as usize], i, "sentence {sentence} starts at its bound");
            // Read up to its bound, not by the sentence of each token: a comparison a token, not a
            // load, a bounds check and a comparison.
            let bound = sentence_starts[sentence as usize + 1];
            if !wanted(sentence) {
                // Passed over by its bounds, not token by token: a sixth of the tokens of news
                // lie in sentences no claim reads.
                i = bound;
                continue;
            }
            let (opening, from) = (i, terms.len());
            let mut held = WordLists::default();
            while i < bound {
                let t = &tokens[i];
                if t.kind != TokenKind::Word {
                    // A number's facts are not looked up yet: they are added below.
                    mark_lists = mark_lists | lists_of(facts[i]);
                    if t.kind == TokenKind::Punct && is_clause_mark(tokens, i) {
                        clause_marks.push(i as u32);
                    }
                    i += 1;
                    continue;
                }
                held = held | lists_of(facts[i]);
                // Asked only of a word that is a term: most are not. The first word of a sentence is
                // capitalised whatever it is.
                let name = || i > opening && t.is_capitalized(text);
                let phrase = alias_phrase_among(tokens, rules, i, &facts);
                // A phrase holds no clause mark (only an apostrophe or a hyphen among its words).
                let marks = clause_marks.len() as u32;
                if let Some((canonical, end)) = phrase {
                    // The phrase's later tokens are not read on their own.
                    for &f in &facts[i + 1..end] {
                        held = held | lists_of(f);
                    }
                    terms.push(Term::new(&mut known, terms.len(), canonical, i..end, name(), marks));
                    i = end;
                    continue;
                }
                if let Some(canonical) = canonical_of(&t.norm, facts[i], rules) {
                    terms.push(Term::new(&mut known, terms.len(), &canonical, i..i + 1, name(), marks));
                }
                i += 1;
            }
            lists[sentence as usize] = held;
            by_sentence[sentence as usize] = (from, terms.len());
        }
        known.learn(|k, text| terms[k].text = text);
        // In text order, none overlapping: a sentence's names are found by halving (`place`).
        debug_assert!(terms.windows(2).all(|pair| pair[0].end <= pair[1].start), "terms out of order");
        // A number's token has no facts looked up: it is in a list only if a list word is digits.
        if rules.lists_hold_digits {
            for (t, facts) in tokens.iter().zip(&mut facts).filter(|(t, _)| t.kind == TokenKind::Digits) {
                *facts = rules.word(&t.norm);
                let sentence = &mut lists[t.sentence as usize];
                *sentence = *sentence | lists_of(*facts);
            }
        }
        let scratch = RefCell::new(Scratch::spare());
        Terms { terms, by_sentence, clause_marks, facts, scratch, no_facts, lists_by_sentence: lists, mark_lists }
    }

    /// Whether word list `list` holds the word at token `k`.
    pub fn listed(&self, k: usize, list: WordLists) -> bool {
        self.lists(k).has(list)
    }

    /// Whether sentence `s`, one of those read, holds a word of `WordLists::DISPUTES`; false past
    /// the last sentence.
    pub fn disputing(&self, s: u32) -> bool {
        self.sentence_lists(s).has(WordLists::DISPUTES)
    }

    /// Every word list that holds a word or number of sentence `s`, one of those read; none past
    /// the last sentence.
    fn sentence_lists(&self, s: u32) -> WordLists {
        self.lists_by_sentence.get(s as usize).copied().unwrap_or_default()
    }

    /// Whether word list `list` may hold a token of sentence `s`, one of those read: false tells
    /// that none does, so that a subject need not ask its tokens one by one.
    fn may_hold(&self, s: u32, list: WordLists) -> bool {
        (self.sentence_lists(s) | self.mark_lists).has(list)
    }

    /// The word lists that hold the word at token `k` (`WordFacts::lists`).
    fn lists(&self, k: usize) -> WordLists {
        // A token without facts reads those of no word: the facts are chosen, not branched on,
        // as about half the tokens of a sentence have facts and half not, which a branch
        // mispredicts (`disputed` asks this of every token of a claim's sentences).
        self.facts[k].unwrap_or(&self.no_facts).lists
    }

    /// The subject of a claim covering tokens `start..end`, whose counted noun (if any) is `head`,
    /// with its term (interned by the caller, which locks the table for the claim's units anyway).
    pub fn subject(
        &self,
        tokens: &[Token],
        rules: &Rules,
        start: usize,
        end: usize,
        head: Option<(&str, claim::Term)>,
    ) -> Subject {
        let sentence = tokens[start.min(tokens.len() - 1)].sentence;
        let own = self.sentence_terms(sentence);
        // Terms lie in text order, so those wholly before the claim come first and those wholly
        // after it last.
        let before = own.partition_point(|t| t.end <= start);
        let after = own.partition_point(|t| t.start < end).max(before);
        // Each term with its weight and alphabetical key, put in a subject's order below, a term
        // added twice kept once. The lists are the thread's, emptied for each claim.
        let mut scratch = self.scratch.borrow_mut();
        let Scratch { own: own_weights, lent, room, terms } = &mut *scratch;
        own_weights.clear(rules.window);
        if let Some((head, term)) = head {
            debug_assert_eq!(term, head);
            own_weights.add_head(term, alphabetical_key(head));
        }
        // "He was 95" has no content word either, but it is a sentence about someone, not a line
        // of page furniture: its words outside the figure tell so. Read a few tokens only, so that
        // a line of a million figures costs no more per figure.
        let word_beside = |side: &mut dyn Iterator<Item = &Token>| {
            side.take_while(|t| t.sentence == sentence).take(LINE_REACH).any(|t| t.kind == TokenKind::Word)
        };
        let furniture = || !word_beside(&mut tokens[..start].iter().rev()) && !word_beside(&mut tokens[end..].iter());
        if head.is_none() && own.iter().all(|t| t.end > start && t.start < end) && furniture() {
            // A line that holds nothing but the claim ("Tuesday, July 2nd, 2013", a dateline) says
            // nothing about what it dates; borrowed words would only make it look like a fact.
            return Subject::default();
        }
        // Distance counts the content terms in between, and each comma or clause mark crossed,
        // so words of another clause weigh less than words of the claim's own.
        // The marks before the claim's first and last tokens lie between those before the terms
        // around them: a few to search, not the source's.
        let below = |k: Option<usize>| k.map_or(0, |k| own[k].marks);
        let above = own.get(after).map_or(self.clause_marks.len() as u32, |t| t.marks);
        let marks_to_start = self.marks_before(start, below(before.checked_sub(1)), above);
        let marks_to_end = self.marks_before(end, below(after.checked_sub(1)), above);
        for term in &own[before..after] {
            own_weights.add(term.text, term.key, 0, term.name);
        }
        // The two sides are walked outward from the claim in step, so that the terms come nearly
        // heaviest first, which spares the sort in `Heaviest::order` most of its moves (in text
        // order, those before the claim came lightest first). The walk ends when both sides are
        // beyond the window, as each further term of a side is further still: a claim's cost does
        // not grow with the length of its sentence.
        let window = rules.window;
        for k in 0..=window {
            let left = before.checked_sub(k + 1).map(|i| (&own[i], k + 3 * (marks_to_start - own[i].marks) as usize));
            let right = own.get(after + k).map(|t| (t, k + 3 * (t.marks - marks_to_end) as usize));
            if left.is_none_or(|(_, d)| d > window) && right.is_none_or(|(_, d)| d > window) {
                break;
            }
            // `add` passes over a term beyond the window.
            if let Some((term, distance)) = left {
                own_weights.add(term.text, term.key, distance, term.name);
            }
            if let Some((term, distance)) = right {
                own_weights.add(term.text, term.key, distance, term.name);
            }
        }
        if lent.to != Some(sentence) {
            // News carries its subject across sentences ("these soldiers", "the two countries"),
            // so the neighbouring sentences lend their words, at a low weight; read once for the
            // claims of one sentence. Only the terms nearest the claim's sentence lend, so that a
            // claim next to a sentence of a million words does not read them all.
            let previous = sentence.checked_sub(1).map(|s| self.sentence_terms(s)).unwrap_or_default();
            let next = sentence.checked_add(1).map(|s| self.sentence_terms(s)).unwrap_or_default();
            lent.lend(sentence, previous, next);
        }
        lent.merge(own_weights.order(), room, terms);
        let terms = claim::WeightedTerms::from(&terms[..]);
        let place = self.place(tokens, sentence, end);
        // The word right before the figure narrows it too: "another 20,000 people", "a further
        // 20,000", "the other two bombs" are a part added to or set beside some whole.
        let before_k = start.checked_sub(1).filter(|&k| tokens.get(k).is_some_and(|t| t.sentence == sentence));
        // The figure's own tokens and the word before it lie in one run, read here and for its
        // severity below as a plain range (most figures have no qualifier, so nothing is pushed).
        let own_tokens = before_k.unwrap_or(start)..end;
        let mut qualifiers: Vec<claim::Term> = Vec::new();
        for k in own_tokens.clone() {
            let t = &tokens[k];
            if self.listed(k, WordLists::NARROWING) || rules.narrows_by_ending(&t.norm) {
                // "An additional 25,000" and "a further 25,000" are one addition.
                qualifiers.push(match rules.added.first() {
                    Some(first) if rules.added.iter().any(|a| *a == t.norm) => claim::Term::new(first),
                    _ => claim::Term::new(&t.norm),
                });
            }
        }
        if qualifiers.len() > 1 {
            qualifiers.sort();
            qualifiers.dedup();
        }
        // "In Thessaloniki, where another 20,000 people marched": the place's own figure. Its
        // "another" sets it beside another place's, so it is that place's whole, no addition.
        let where_place = self.place_before(tokens, rules, sentence, start);
        if where_place.is_some() {
            qualifiers.retain(|q| rules.added.first().is_none_or(|a| q != a));
        }
        // "Arrested four times", "three times the size": the figure counts occurrences. Not after a
        // verb of striking: "shot seven times" counts the bullets that hit, in one attack.
        let times = tokens.get(end).is_some_and(|t| t.sentence == sentence && matches!(&*t.norm, "times" | "time"))
            && !before_k.is_some_and(|k| self.listed(k, WordLists::BLOWS));
        // "Five bombs were dropped, of which four exploded", "23 pirates, 12 of them Somali": the
        // figure is a part of the one told just before, whatever its noun. Before the figure only
        // as a clause of its own (after a comma), since "the deaths of these three" is no part.
        let word = |k: Option<usize>, w: &dyn Fn(&str) -> bool| {
            k.and_then(|k| tokens.get(k)).is_some_and(|t| t.sentence == sentence && w(&t.norm))
        };
        let listed = |k: Option<usize>, list: WordLists| {
            k.filter(|&k| tokens.get(k).is_some_and(|t| t.sentence == sentence)).is_some_and(|k| self.listed(k, list))
        };
        let of = |w: &str| w == "of";
        let clause = start.checked_sub(3).and_then(|k| tokens.get(k)).is_some_and(|t| t.is_punct(",;:—–"));
        // "Eight seriously injured", "dozens of others were seriously hurt", "261 got minor
        // injuries": a part of the injured by severity, read in the figure's own clause.
        let after = (end.min(tokens.len())..tokens.len())
            .take(SEVERITY_REACH)
            .take_while(|&k| tokens[k].sentence == sentence && !tokens[k].is_punct(",;:—–()"));
        // Read only when the sentence holds a word of severity, which most do not; a figure that
        // runs into the next sentence has its tokens read whatever its sentence holds.
        let runs_on = tokens[start..end.min(tokens.len())].last().is_some_and(|t| t.sentence != sentence);
        let severity = (runs_on || self.may_hold(sentence, WordLists::SEVERITY))
            .then(|| own_tokens.chain(after).map(|k| self.lists(k)).find(|l| l.has(WordLists::SEVERITY)))
            .flatten();
        let severe = severity.is_some();
        let critical = severity.is_some_and(|l| l.has(WordLists::CRITICAL));
        let degree = match severity {
            None => Degree::Unsaid,
            Some(l) if l.has(WordLists::MILD) => Degree::Mild,
            Some(_) => Degree::Grave,
        };
        // "Most recently, it raised $20 million": the latest of a series, a part of its total.
        // The few tokens before the figure are read beside their facts as two slices, which
        // spares an index and its bounds check per token.
        let reach = start.min(tokens.len());
        let back = reach.saturating_sub(INSTALMENT_REACH)..reach;
        let latest = self.may_hold(sentence, WordLists::INSTALMENT)
            && tokens[back.clone()]
                .iter()
                .zip(&self.facts[back])
                .rev()
                .take_while(|(t, _)| t.sentence == sentence)
                .any(|(_, facts)| facts.is_some_and(|f| f.lists.has(WordLists::INSTALMENT)));
        // "842 aftershocks, including 54 stronger than five": a part of the figure before.
        let included = listed(start.checked_sub(1), WordLists::INCLUDING);
        let partitive = |k: Option<usize>| listed(k, WordLists::PARTITIVE);
        let part = severe
            || latest
            || included
            || (clause && word(start.checked_sub(2), &of) && partitive(start.checked_sub(1)))
            || (word(Some(end), &of) && partitive(Some(end + 1)));
        let statement = self.dates_a_statement(tokens, start, end, sentence);
        let possessive = matches!(&tokens[end.min(tokens.len())..], [a, b, ..]
            if a.sentence == sentence && a.norm == "'" && b.norm == "s");
        Subject {
            terms,
            past: false,
            place: place.or(where_place),
            weekday: None,
            qualifiers: qualifiers.into_boxed_slice(),
            times,
            part,
            critical,
            degree,
            statement,
            possessive,
            headline: false,
            disputed: false,
        }
    }

    /// The terms of the sentence holding token `at`.
    pub fn sentence_terms(&self, sentence: u32) -> &[Term] {
        self.by_sentence.get(sentence as usize).map_or(&[], |&(a, b)| &self.terms[a..b])
    }
}

impl Terms<'_> {
    /// Whether the figure covering tokens `start..end` dates a statement: it follows a verb of
    /// publishing, directly or through "on" ("the statement released Nov. 10", "the report issued
    /// on Wednesday"), or names one right after it, possessive or not ("a November 9 press
    /// conference", "Wednesday's statement"). A statement is often made a day or more after the
    /// event it tells of.
    // Not inlined: see `Lent::lend`.
    #[inline(never)]
    fn dates_a_statement(&self, tokens: &[Token], start: usize, end: usize, sentence: u32) -> bool {
        // Both words are read in the figure's sentence, which seldom holds either kind.
        if !self.may_hold(sentence, WordLists::STATEMENTS | WordLists::STATEMENT_NOUNS) {
            return false;
        }
        let word = |k: Option<usize>| k.filter(|&k| tokens.get(k).is_some_and(|t| t.sentence == sentence));
        let before = start.checked_sub(1);
        let verb = match word(before) {
            Some(k) if tokens[k].norm == "on" => word(k.checked_sub(1)),
            other => other,
        };
        let is = |k: usize, w: &str| word(Some(k)).is_some_and(|k| tokens[k].norm == w);
        let possessive = is(end, "'") && is(end + 1, "s");
        let noun = word(Some(if possessive { end + 2 } else { end }));
        verb.is_some_and(|k| self.listed(k, WordLists::STATEMENTS))
            || noun.is_some_and(|k| self.listed(k, WordLists::STATEMENT_NOUNS))
    }
}

/// Tokens read on each side of a claim for a word that makes its line a sentence.
const LINE_REACH: usize = 16;

/// Most terms a neighbouring sentence lends; far more than a sentence of news holds.
const MAX_NEIGHBOUR_TERMS: usize = 256;

/// Weight of a claim's counted noun: more than any word of its sentence can weigh (a name at
/// distance 0 weighs 1.5).
const HEAD_WEIGHT: f32 = 2.5;

/// Weight of a word from the sentence before or after a claim's own.
const NEIGHBOUR_WEIGHT: f32 = 0.2;

/// The most a word borrowed from a neighbouring sentence can weigh (a name weighs half again as
/// much). Terms heavier than this come from the claim's own sentence, so they stay when the
/// paragraphs around it move.
pub const MAX_BORROWED_WEIGHT: f32 = NEIGHBOUR_WEIGHT * 1.5;

impl Terms<'_> {
    /// How many clause marks of the read sentences stand before token `k` (see `Term::marks`),
    /// given that at least `below` and at most `above` do.
    fn marks_before(&self, k: usize, below: u32, above: u32) -> u32 {
        let between = &self.clause_marks[below as usize..above as usize];
        below + between.partition_point(|&mark| (mark as usize) < k) as u32
    }
}

/// True when token `k`, a mark, is a clause boundary. A comma before "which" or "who" opens a relative
/// clause that speaks of the noun before it ("North Korea, which sent ..."), so it is no boundary.
fn is_clause_mark(tokens: &[Token], k: usize) -> bool {
    match &*tokens[k].norm {
        "," => !tokens.get(k + 1).is_some_and(|n| matches!(&*n.norm, "which" | "who")),
        ";" | ":" | "—" | "–" => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests;
