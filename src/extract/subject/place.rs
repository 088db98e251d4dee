//! The tokens around a claim and its sentence's terms in, the place its figure is tied to out: a
//! name after a preposition ("killed in Aceh") or in a clause of place before it ("in Patras,
//! 20,000", "where another 20,000 marched"), unless the name is an institution's.
//!
//! Each claim reads a bounded stretch of its sentence, and finds a name among the sentence's terms
//! by halving, not by a walk: a line of thousands of figures costs no more per figure.

use super::{Term, Terms};
use crate::claim;
use crate::extract::lexer::{Token, TokenKind};
use crate::rules::{Rules, WordLists};

/// Words read after a figure for the preposition that attaches it to a place.
const PLACE_REACH: usize = 6;

/// Tokens read after a figure for that preposition and its name, words or not. Digits and brackets
/// do not count as words ("1,150 kilometers (700 miles) southeast of Tehran"), so without this a
/// line of figures alone was read to its end for each of them.
const PLACE_TOKEN_REACH: usize = 4 * PLACE_REACH;

/// Words read after a place's first word for one that makes the name an institution's.
const INSTITUTION_REACH: usize = 3;

impl Terms<'_> {
    /// The name a preposition attaches to the figure ending at token `end`: "killed in Aceh",
    /// "west of Bandar Abbas", "from Tehran". Read within the figure's own clause and a few words
    /// after it, so a place further off (another clause, another fact) is not taken.
    // Not inlined: see `Lent::lend`.
    #[inline(never)]
    pub(super) fn place(&self, tokens: &[Token], sentence: u32, end: usize) -> Option<claim::Term> {
        let terms = self.sentence_terms(sentence);
        let reach = end.saturating_add(PLACE_TOKEN_REACH).min(tokens.len());
        let mut k = end;
        let mut words = 0;
        while k < reach {
            let t = &tokens[k];
            // A conversion in brackets shares the place: "1,150 kilometers (700 miles) southeast of
            // Tehran", so brackets do not end the reading; clause marks do.
            if t.sentence != sentence || t.is_punct(",;:—–") || words > PLACE_REACH {
                return None;
            }
            if t.kind == TokenKind::Word {
                words += 1;
                if is_place_preposition(&t.norm) {
                    // The name right after the preposition (an article may stand between).
                    let mut j = k + 1;
                    while j < reach && matches!(&*tokens[j].norm, "the" | "a") {
                        j += 1;
                    }
                    if let Some(term) = name_at(terms, j, |term| term.start) {
                        if !self.names_institution(tokens, term.end, sentence) {
                            return Some(term.text);
                        }
                    }
                    // "south-west of the port of Bandar Abbas": read on to the next preposition.
                }
            }
            k += 1;
        }
        None
    }

    /// The name a clause of place before the figure starting at token `start` ties it to: a
    /// relative clause ("in the city of Thessaloniki, where another 20,000 people marched", "in
    /// Salonika where some 50,000 marched"; only an addition or an article between "where" and the
    /// figure) or a sentence's opening ("In Patras, around 20,000 protesters").
    // Not inlined: see `Lent::lend`.
    #[inline(never)]
    pub(super) fn place_before(
        &self,
        tokens: &[Token],
        rules: &Rules,
        sentence: u32,
        start: usize,
    ) -> Option<claim::Term> {
        // The name ending at token `end`, unless it names an institution.
        let name = |end: usize| name_at(self.sentence_terms(sentence), end, |term| term.end);
        let named = |term: &Term| (!self.names_institution(tokens, term.end, sentence)).then_some(term.text);
        // "In Patras, 20,000": the sentence opens with "in", a name and a comma before the figure.
        if let Some(comma) = start.checked_sub(1).filter(|&c| tokens[c].is_punct(",") && tokens[c].sentence == sentence)
        {
            let opening = |term: &&Term| {
                term.start
                    .checked_sub(1)
                    .is_some_and(|i| tokens[i].is("in") && (i == 0 || tokens[i - 1].sentence != sentence))
            };
            // The first word of a sentence is never marked a name, so "In" starts it and the name
            // after it is marked.
            if let Some(term) = name(comma).filter(opening) {
                return named(term);
            }
        }
        let mut k = start.checked_sub(1)?;
        while tokens
            .get(k)
            .is_some_and(|t| t.sentence == sentence && (rules.added.iter().any(|a| *a == t.norm) || t.is("a")))
        {
            k = k.checked_sub(1)?;
        }
        if !tokens.get(k).is_some_and(|t| t.sentence == sentence && t.is("where")) {
            return None;
        }
        let mut name_end = k;
        if tokens.get(k.checked_sub(1)?).is_some_and(|t| t.is_punct(",")) {
            name_end -= 1;
        }
        name(name_end).and_then(named)
    }

    /// Whether the capitalised name that goes on from token `k` ends in a word that makes it an
    /// institution ("European Union", "International Monetary Fund", "U.S. Geological Survey"):
    /// the name of a body that lends, rules or measures, not of the place a figure happened in.
    fn names_institution(&self, tokens: &[Token], k: usize, sentence: u32) -> bool {
        (k.min(tokens.len())..tokens.len())
            .take_while(|&k| {
                let t = &tokens[k];
                t.sentence == sentence && t.kind == TokenKind::Word && t.norm.chars().any(char::is_alphabetic)
            })
            .take(INSTITUTION_REACH)
            .any(|k| self.listed(k, WordLists::INSTITUTIONS))
    }
}

/// The name among `terms` (a sentence's, in text order) whose `bound` (its first token, or one
/// past its last) is token `k`. Terms do not overlap, so their bounds rise and at most one has it.
pub(super) fn name_at(terms: &[Term], k: usize, bound: impl Fn(&Term) -> usize) -> Option<&Term> {
    let at = terms.partition_point(|term| bound(term) < k);
    terms.get(at).filter(|term| bound(term) == k && term.name)
}

/// Whether `word` is a preposition that attaches a figure to a place: "in", "of" ("west of"),
/// "from", "near", "off", "outside".
// Matched by its bytes, which the compiler tells by length first, rather than compared with each
// word of a list: `place` asks it of every word after a figure.
fn is_place_preposition(word: &str) -> bool {
    matches!(word.as_bytes(), b"in" | b"of" | b"from" | b"near" | b"off" | b"outside")
}
