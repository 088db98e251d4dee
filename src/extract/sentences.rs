//! A source's sentences in, the token range of each out. The passes over a source's claims
//! (`past`, `disputed`, `mark_days`) read the sentence of each claim and the ones beside it; the
//! sentence starts the lexer notes as it numbers sentences answer all of them by indexing, where
//! each would otherwise halve the tokens twice (`lexer::sentence_span`).

use std::ops::Range;

/// Where each sentence of a text starts, by sentence number.
pub(super) struct SentenceIndex {
    /// The first token of each sentence, then the token count: sentence `s` holds the tokens
    /// `starts[s]..starts[s + 1]`.
    starts: Vec<usize>,
}

impl SentenceIndex {
    /// The index of a text's sentences from `starts`, the first token of each sentence followed by
    /// the token count, as `lexer::tokenize_indexed` notes them (sentence numbers
    /// rise by one from 0, so each has a token).
    pub(super) fn from_starts(starts: Vec<usize>) -> SentenceIndex {
        debug_assert!(!starts.is_empty() && starts.windows(2).all(|w| w[0] <= w[1]));
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
    use super::super::lexer::{sentence_span, tokenize_indexed, Lowered};
    use super::*;

    #[test]
    fn spans_are_those_a_search_finds() {
        let texts =
            ["", "\n", "One.", "One.\n\n", "\n\nOne. Two", "Two words. Then three more!\n\nA line\nand another. End"];
        for text in texts.into_iter().chain(["\n\n. . x", "Dr. Kim left. \u{201c}Yes.\u{201d} Then 12. More\n"]) {
            for from in [0, text.len().min(1)] {
                let lower = Lowered::new(text, from, text.len());
                let lexed = tokenize_indexed(&lower);
                let (tokens, index) = (lexed.tokens, SentenceIndex::from_starts(lexed.sentence_starts));
                let last = tokens.last().map_or(0, |t| t.sentence + 3);
                for s in 0..last.max(3) {
                    assert_eq!(index.span(s), sentence_span(&tokens, s), "sentence {s} of {text:?} from {from}");
                }
            }
        }
    }
}
