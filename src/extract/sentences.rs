//! A source's tokens in, the token range of each of its sentences out. The passes over a source's
//! claims (`past`, `disputed`, `mark_days`) read the sentence of each claim and the ones beside
//! it; one walk over the tokens answers all of them by indexing, where each would otherwise halve
//! the tokens twice (`lexer::sentence_span`).

use std::ops::Range;

use super::lexer::Token;

/// Where each sentence of a text starts, by sentence number.
pub(super) struct SentenceIndex {
    /// The first token of each sentence, then the token count: sentence `s` holds the tokens
    /// `starts[s]..starts[s + 1]`. A number no token carries has an empty range where it would be.
    starts: Vec<usize>,
}

impl SentenceIndex {
    /// The index of `tokens`, whose sentence numbers never fall (as the lexer numbers them).
    pub(super) fn new(tokens: &[Token]) -> SentenceIndex {
        let count = tokens.last().map_or(0, |t| t.sentence as usize + 1);
        let mut starts = vec![tokens.len(); count + 1];
        // The first sentence number not yet given its start: written once, at the sentence's
        // first token (and for the numbers no token carries, at the next sentence's).
        let mut unstarted = 0;
        for (k, t) in tokens.iter().enumerate() {
            let s = t.sentence as usize;
            if s >= unstarted {
                starts[unstarted..=s].fill(k);
                unstarted = s + 1;
            }
        }
        SentenceIndex { starts }
    }

    /// The tokens of sentence `s`, as `lexer::sentence_span` gives them: empty, at the end of
    /// the text, past its last sentence.
    pub(super) fn span(&self, s: u32) -> Range<usize> {
        let last = self.starts.len() - 1;
        let at = |s: usize| self.starts[s.min(last)];
        at(s as usize)..at(s as usize + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexer::{sentence_span, tokenize};
    use super::*;

    #[test]
    fn spans_are_those_a_search_finds() {
        for text in ["", "One.", "Two words. Then three more!\n\nA line\nand another. End", "\n\n. . x"] {
            let tokens = tokenize(text, 0, text.len());
            let index = SentenceIndex::new(&tokens);
            let last = tokens.last().map_or(0, |t| t.sentence + 3);
            for s in 0..last {
                assert_eq!(index.span(s), sentence_span(&tokens, s), "sentence {s} of {text:?}");
            }
        }
    }
}
