//! The word facts in, a table that finds the facts of a word out; and what those facts are. A
//! word of news text is most often short, and a short one is found by a number made of its bytes:
//! the lookup, asked of every token, then hashes one number and compares numbers, not strings.

use rustc_hash::FxHashMap as HashMap;

use super::WordLists;
use crate::claim::{first_slot, short_key, SHORT};
use crate::extract::starters::Starts;

/// The facts of every word that has some, found by the word.
#[derive(Clone, Debug)]
pub struct WordTable {
    /// Words of at most [`SHORT`] bytes, by [`short_key`]: a slot of the open-addressed table
    /// holds a word's key, the index of its facts in `short_facts` and their `starts`, sixteen
    /// bytes, so that the table asked of every token is a few cache lines, not one or two a word,
    /// and a word absent from it (most of news text) is told by reading one or two keys.
    short: Vec<Slot>,
    /// The facts of the short words.
    short_facts: Vec<WordFacts>,
    /// The longer words.
    long: HashMap<String, WordFacts>,
    /// A bit for each longer word, at [`long_bit`]: most long words of news text are not in
    /// `long`, and a clear bit says so without hashing the word's every byte and probing.
    long_bits: Vec<u64>,
}

/// The fewest bits of [`WordTable::long_bits`] for each long word, so that few absent words find
/// theirs set: the table has the next power of two (1 KiB for the rules' 426 long words), and grows
/// with a user's rules as the short words' table does.
const LONG_BITS_A_WORD: usize = 16;

/// The bit of `word`, longer than [`SHORT`] bytes, among `bits` (a power of two): its first and
/// last eight bytes and its length, mixed by a multiplication.
fn long_bit(word: &str, bits: usize) -> usize {
    let b = word.as_bytes();
    let eight = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
    let mixed = (eight(0) ^ eight(b.len() - 8).rotate_left(29) ^ b.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> (64 - bits.trailing_zeros())) as usize
}

/// A slot of [`WordTable::short`]: a word's key, the index of its facts and a copy of their
/// `starts`, which the loop over every token (`starters::of_tokens`) reads from the slot it has
/// just compared, not by a second load, from memory further off, that the loop waited for.
type Slot = (u64, u32, Starts);

/// The key of a free slot in [`WordTable::short`]: no word's, since a word's length in its top
/// byte is at most [`SHORT`].
const FREE: u64 = u64::MAX;

impl Default for WordTable {
    fn default() -> WordTable {
        WordTable::new(HashMap::default())
    }
}

impl WordTable {
    /// The table of `words`.
    pub fn new(words: HashMap<String, WordFacts>) -> WordTable {
        let (short, long): (Vec<_>, Vec<_>) = words.into_iter().partition(|(word, _)| word.len() <= SHORT);
        // In words of 64 bits.
        let long_bits = (LONG_BITS_A_WORD * long.len()).next_power_of_two().max(64) / 64;
        // At most an eighth of the slots full, so that a probe seldom reads past its first: most
        // lookups are of words the table does not hold (two in five tokens), whose search ends
        // only at a free slot, and each further slot read was a branch mispredicted as often as
        // not. A lookup of the benchmark's news reads 1.05 slots, 1.15 at a quarter full (its
        // lookups took 5% longer) and more at half full (20% longer); the table is 128 KiB for
        // the rules' 815 short words.
        let mut table = WordTable {
            short: vec![(FREE, 0, Starts::default()); (8 * short.len()).next_power_of_two()],
            short_facts: Vec::with_capacity(short.len()),
            long: long.into_iter().collect(),
            long_bits: vec![0; long_bits],
        };
        for word in table.long.keys() {
            let bit = long_bit(word, table.long_bits.len() * 64);
            table.long_bits[bit / 64] |= 1 << (bit % 64);
        }
        for (word, facts) in short {
            let key = short_key(&word).expect("a short word has a key");
            let mut at = table.first_slot(key);
            while table.short[at].0 != FREE {
                at = (at + 1) & (table.short.len() - 1);
            }
            table.short[at] = (key, table.short_facts.len() as u32, facts.starts);
            table.short_facts.push(facts);
        }
        table
    }

    /// The facts of `word`, if it has some.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&WordFacts> {
        self.get_with_starts(word).0
    }

    /// The facts of `word`, if it has some, and their `starts` (none without facts).
    #[inline]
    pub fn get_with_starts(&self, word: &str) -> (Option<&WordFacts>, Starts) {
        match short_key(word) {
            Some(key) => self.get_keyed(key),
            None => self.get_longer(word),
        }
    }

    /// [`WordTable::get_with_starts`] for a word of at most [`SHORT`] bytes given by its key
    /// ([`short_key`]), which a caller that holds the word's bytes in a longer buffer reads with
    /// one load, where computing it from the word alone branches on the word's length.
    #[inline]
    pub fn get_keyed(&self, key: u64) -> (Option<&WordFacts>, Starts) {
        match self.short_slot(key) {
            Some(&(_, index, starts)) => (Some(&self.short_facts[index as usize]), starts),
            None => (None, Starts::default()),
        }
    }

    /// [`WordTable::get_with_starts`] for a word longer than [`SHORT`] bytes, told absent by its
    /// bit when it is clear (most are), else looked up by [`WordTable::get_long`].
    #[inline]
    fn get_longer(&self, word: &str) -> (Option<&WordFacts>, Starts) {
        let bit = long_bit(word, self.long_bits.len() * 64);
        match self.long_bits[bit / 64] & (1 << (bit % 64)) {
            0 => (None, Starts::default()),
            _ => self.get_long(word),
        }
    }

    /// [`WordTable::get_with_starts`] for a word longer than [`SHORT`] bytes. Kept out of line:
    /// hashing a string needs registers that the short lookup, most of those asked of every
    /// token, would otherwise save and restore on every call (14 instructions of its ~60).
    #[inline(never)]
    fn get_long(&self, word: &str) -> (Option<&WordFacts>, Starts) {
        let facts = self.long.get(word);
        (facts, facts.map(|f| f.starts).unwrap_or_default())
    }

    /// The slot of the short word whose key is `key`, if it has facts.
    #[inline]
    fn short_slot(&self, key: u64) -> Option<&Slot> {
        let mut at = self.first_slot(key);
        // Linear probing; the table always has a free slot, which ends the search.
        loop {
            let slot = &self.short[at];
            let held = slot.0;
            if held == key {
                return Some(slot);
            }
            if held == FREE {
                return None;
            }
            at = (at + 1) & (self.short.len() - 1);
        }
    }

    /// The slot where the search for `key` starts (`claim::first_slot`).
    #[inline]
    fn first_slot(&self, key: u64) -> usize {
        first_slot(key, self.short.len())
    }
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
    /// A vague quantity is this word alone ("dozens", `Rules::vague`).
    pub vague_alone: bool,
    /// A hedge's phrase can start with this token (`Rules::hedges_starting`).
    pub opens_hedge: bool,
    /// A hedge written before its number can end with this token (`Rules::hedges_before_ending`).
    pub closes_hedge: bool,
    /// The word is in a table a number in words is read with: a number word, a scale or its
    /// plural ("millions"), a fraction (`extract::number`).
    pub in_numbers: bool,
    /// The word is a number word ("twelve", "dozen", `Rules::number_words`): the number readers
    /// ask it of every word they read, and the facts answer without hashing the word again.
    pub number_word: bool,
    /// A unit spelled in two words can start with this word (`Rules::unit_phrase_heads`).
    pub opens_unit_phrase: bool,
    /// A unit of time spelled in two words can start with this word ("business" of "business
    /// days"): most heads of two-word units open no unit of time ("years" of "years old"), and a
    /// length of time does not join and look up the two words after them.
    pub opens_time_phrase: bool,
    /// A currency name (`Rules::currency_words`, `currency_unit_words`) can start with this token
    /// ("dollars", "us" of "us dollars", "-" of "-euro"): most words after a number start none,
    /// and their facts say so without the name table's lookup.
    pub opens_currency_name: bool,
    /// A currency symbol (`Rules::currency_symbols`) can end with this word's letters ("usd" of
    /// "USD", "rs" of "Rs"): most words before a number end none, and their facts say so
    /// without a search of the text before the number.
    pub ends_currency_symbol: bool,
    /// The word makes one whole unit of time of a bare unit ("all day", `Rules::whole`).
    pub whole: bool,
    /// The word is a vague count of a length of time ("several weeks", `Rules::vague_counts`).
    pub vague_count: bool,
    /// The word joins two clauses ("and", "while", `Rules::clause_joins`).
    pub joins_clause: bool,
    /// The word is a verb of firing a gun ("fired", `Rules::gun_verbs`).
    pub gun_verb: bool,
    /// The word is an ordinal in words ("tenth", `Rules::ordinals`), a bound of a range of ranks.
    pub ordinal: bool,
    /// The word spells a unit of time ("hours", "min", `Rules::unit`), which a length of time
    /// counts: most units after a number are none ("km", "percent"), and are not looked up there.
    pub time_unit: bool,
    /// The canonical term an alias makes of the word alone.
    pub alias: Option<String>,
    /// The matchers that can start a claim at this word or mark, from the tables and the
    /// matchers' own words (`extract::starters`).
    pub starts: Starts,
    /// For a leading word, the hedges written before a number that it opens and that lead past
    /// an article, by place in `Rules::hedges` (`extract::starters::lead_reach`).
    pub long_hedges: Box<[u32]>,
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
    fn the_starts_read_with_the_facts_are_their_own() {
        let rules = crate::rules::Rules::embedded().unwrap();
        // Short and long words with starts and without, a mark, and words with no facts.
        for word in ["the", "a", "about", "march", "-", "'", "september", "kilometres", "hello", "zzzzzzzzzz"] {
            let (facts, starts) = rules.word_starts(word);
            assert_eq!(facts.map(|f| f.starts).unwrap_or_default(), starts, "{word:?}");
            assert_eq!(facts.is_some(), rules.word(word).is_some(), "{word:?}");
        }
        assert!(rules.word_starts("march").1 != Starts::default(), "a month starts a date");
    }

    #[test]
    fn long_words_are_found_past_their_bits() {
        let mut facts: HashMap<String, WordFacts> = HashMap::default();
        // Words that share their first or last eight bytes, or both and differ in length.
        let words = ["kilometres", "kilometre", "kilograms", "centimetres", "abcdefghabcdefgh", "abcdefgh\u{e9}h"];
        for (k, w) in words.iter().enumerate() {
            facts.entry(w.to_string()).or_default().alias = Some(k.to_string());
        }
        let table = WordTable::new(facts);
        for (k, w) in words.iter().enumerate() {
            assert_eq!(table.get(w).and_then(|f| f.alias.clone()), Some(k.to_string()), "{w:?}");
        }
        for absent in ["kilometress", "kilometer", "abcdefghabcdefg", "abcdefgh\u{e9}", "zzzzzzzzzzzz"] {
            assert!(table.get(absent).is_none(), "{absent:?}");
        }
        let rules = crate::rules::Rules::embedded().unwrap();
        assert!(rules.words.long.keys().all(|w| rules.word(w).is_some()), "every long word of the rules");
        let bits = |table: &WordTable| table.long_bits.len() * 64;
        assert!(
            bits(&table) >= LONG_BITS_A_WORD * words.len()
                && bits(&rules.words) >= LONG_BITS_A_WORD * rules.words.long.len()
        );
    }

    #[test]
    fn a_full_table_finds_every_word_and_no_other() {
        // Every word of up to three letters of a small alphabet: thousands of keys that differ
        // in a byte or two, many of which meet in a slot and probe on, past the table's end too.
        let mut words = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = words.iter().flat_map(|w| ('a'..='p').map(move |c| format!("{w}{c}"))).collect();
            words.extend(longer);
        }
        words.sort();
        words.dedup();
        let facts = words
            .iter()
            .enumerate()
            .map(|(k, w)| (w.clone(), WordFacts { alias: Some(k.to_string()), ..WordFacts::default() }));
        let table = WordTable::new(facts.collect());
        for (k, w) in words.iter().enumerate() {
            assert_eq!(table.get(w).and_then(|f| f.alias.clone()), Some(k.to_string()), "{w:?}");
        }
        for absent in ["q", "aq", "pppp", "zzz", "abcdefgh"] {
            assert!(table.get(absent).is_none(), "{absent:?}");
        }
        assert!(WordTable::default().get("a").is_none(), "an empty table holds nothing");
    }
}
