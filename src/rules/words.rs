//! The word facts in, a table that finds the facts of a word out; and what those facts are. A
//! word of news text is most often short, and a short one is found by a number made of its bytes:
//! the lookup, asked of every token, then hashes one number and compares numbers, not strings.

use rustc_hash::FxHashMap as HashMap;

use super::WordLists;

/// The longest word found by its number: seven bytes and their count fill its eight.
const SHORT: usize = 7;

/// The facts of every word that has some, found by the word.
#[derive(Clone, Debug, Default)]
pub struct WordTable {
    /// Words of at most [`SHORT`] bytes, by [`short_key`].
    short: HashMap<u64, WordFacts>,
    /// The longer words.
    long: HashMap<String, WordFacts>,
}

impl WordTable {
    /// The table of `words`.
    pub fn new(words: HashMap<String, WordFacts>) -> WordTable {
        let mut table = WordTable::default();
        for (word, facts) in words {
            match short_key(&word) {
                Some(key) => table.short.insert(key, facts),
                None => table.long.insert(word, facts),
            };
        }
        table
    }

    /// The facts of `word`, if it has some.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&WordFacts> {
        match short_key(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }
}

/// The number of a word of at most [`SHORT`] bytes: its bytes, the first lowest, under its length.
/// No two such words share one. The bytes are read as two overlapping halves, as a hash of a short
/// string reads them, not one at a time.
#[inline]
fn short_key(word: &str) -> Option<u64> {
    let (b, len) = (word.as_bytes(), word.len());
    let bytes = match len {
        0 => 0,
        1 => u64::from(b[0]),
        2..=3 => {
            u64::from(u16::from_le_bytes([b[0], b[1]]))
                | u64::from(u16::from_le_bytes([b[len - 2], b[len - 1]])) << (8 * (len - 2))
        }
        4..=SHORT => {
            let half = |at: usize| u64::from(u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]));
            half(0) | half(len - 4) << (8 * (len - 4))
        }
        _ => return None,
    };
    Some(bytes | (len as u64) << 56)
}

/// What the extractor asks of one word, gathered from several tables so that each token costs one
/// lookup, not one per table: the matchers that can start a claim at it and what the subject
/// reader needs to know.
#[derive(Clone, Debug, Default)]
pub struct WordFacts {
    /// A stop word.
    pub stopword: bool,
    /// A stop word, a number word or a scale: never a subject's term.
    pub no_term: bool,
    /// An alias phrase of several tokens can start with this token, so the phrase reader must
    /// look. (A token ends where a letter meets a space or a mark, so the heads are the prefixes
    /// of each phrase that end there.)
    pub opens_alias: bool,
    /// An alias phrase can go on with this token after its first, so the phrase reader must read
    /// on past its first token (`opens_alias` for the phrase so far is asked only after this).
    pub continues_alias: bool,
    /// A vague quantity's phrase can start with this token (`Rules::vague_opened_by`).
    pub opens_vague: bool,
    /// A hedge's phrase can start with this token (`Rules::hedges_starting`).
    pub opens_hedge: bool,
    /// A hedge written before its number can end with this token (`Rules::hedges_before_ending`).
    pub closes_hedge: bool,
    /// The word is in a table a number in words is read with: a number word, a scale or its
    /// plural ("millions"), a fraction (`extract::number`).
    pub in_numbers: bool,
    /// A unit spelled in two words can start with this word (`Rules::unit_phrase_heads`).
    pub opens_unit_phrase: bool,
    /// The canonical term an alias makes of the word alone.
    pub alias: Option<String>,
    /// The matchers that can start a claim at this word or mark, from the tables and the
    /// matchers' own words (`extract::starters`).
    pub starts: crate::extract::starters::Starts,
    /// The subject reader's word lists that hold the word.
    pub lists: WordLists,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_by_their_exact_bytes() {
        let words = ["", "\0", "a", "a\0", "\0a", "of", "seventy", "seventh", "eighteen", "été", "ab\u{301}"];
        let mut facts: HashMap<String, WordFacts> = HashMap::default();
        for (k, w) in words.iter().enumerate() {
            facts.entry(w.to_string()).or_default().alias = Some(k.to_string());
        }
        let table = WordTable::new(facts);
        for (k, w) in words.iter().enumerate() {
            assert_eq!(table.get(w).and_then(|f| f.alias.clone()), Some(k.to_string()), "{w:?}");
        }
        for absent in ["b", "\0\0", "o", "off", "seventy-", "eighteens", "\u{ff}"] {
            assert!(table.get(absent).is_none(), "{absent:?}");
        }
    }

    #[test]
    fn a_short_key_is_the_words_bytes_under_its_length() {
        // Every word of up to five characters over a few one- and two-byte ones.
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> =
                words.iter().flat_map(|w| ['\0', 'a', 'z', 'é'].map(|c| format!("{w}{c}"))).collect();
            words.extend(longer);
        }
        words.sort();
        words.dedup();
        for w in &words {
            let one_at_a_time = w.bytes().rev().fold(0u64, |key, b| key << 8 | u64::from(b));
            let expected = (w.len() <= SHORT).then_some(one_at_a_time | (w.len() as u64) << 56);
            assert_eq!(short_key(w), expected, "{w:?}");
        }
    }
}
