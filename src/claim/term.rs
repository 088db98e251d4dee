//! Words in, `Term`s out: one table of the words of claims' subjects for the whole process, so
//! that a claim holds each word as a four-byte id and the many claims of a pile, which repeat a
//! few thousand words hundreds of thousands of times, share one copy of each word.

use std::cell::RefCell;
use std::fmt;
use std::num::NonZeroU32;
use std::sync::{Mutex, MutexGuard, OnceLock};

use rustc_hash::FxHashMap as HashMap;
use serde::{Serialize, Serializer};

/// A word of a subject, interned: equal words are equal ids, so comparing two is comparing two
/// integers. Reads as its word (`Deref<Target = str>`); orders as its word too.
/// Ids start at 1, so that an `Option<Term>` is four bytes too.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Term(NonZeroU32);

/// Slots of the first segment of the table; segment `k` holds `FIRST << k`, so 22 segments hold
/// more words than a `u32` counts.
const FIRST: usize = 1024;

/// The words by id, in segments that are never moved once made, so a word is read without a
/// lock: two atomic loads.
static WORDS: [OnceLock<Box<[OnceLock<&'static str>]>>; 22] = [const { OnceLock::new() }; 22];

/// The ids by word, for interning; words are leaked once each, as the table lives as long as the
/// process and a language's words are few.
fn ids() -> &'static Mutex<Ids> {
    static IDS: OnceLock<Mutex<Ids>> = OnceLock::new();
    IDS.get_or_init(|| Mutex::new(Ids::with_capacity(WORDS_OF_A_STORY)))
}

/// The ids by word. Most words of news are short, and a short one is found by a number made of
/// its bytes (`short_key`): hashing one number and comparing numbers, not strings; a word of up to
/// fifteen bytes by two numbers (`medium_key`). The default holds no slots: only a placeholder,
/// never looked in (see `Known`'s drop).
#[derive(Default)]
struct Ids {
    /// Words of at most [`SHORT`] bytes, by `short_key`.
    short: IdTable<u64>,
    /// Words of [`SHORT`] + 1 to [`MEDIUM`] bytes, by `medium_key`.
    medium: IdTable<[u64; 2]>,
    /// The longer words.
    long: HashMap<&'static str, Term>,
}

impl Ids {
    /// A table with room for `words` words of each length before it grows.
    fn with_capacity(words: usize) -> Ids {
        Ids {
            short: ShortIds::with_capacity(words),
            medium: IdTable::with_capacity(words),
            long: HashMap::with_capacity_and_hasher(words, Default::default()),
        }
    }

    /// The term of `word`, if the table holds it, and the word's `short_key`.
    #[inline(always)]
    fn get(&self, word: &str) -> (Option<Term>, Option<u64>) {
        match short_key(word) {
            Some(key) => (self.short.get(key), Some(key)),
            None => match medium_key(word) {
                Some(key) => (self.medium.get(key), None),
                None => (self.long.get(word).copied(), None),
            },
        }
    }

    /// How many words the table holds.
    fn len(&self) -> usize {
        self.short.len + self.medium.len + self.long.len()
    }

    /// Adds `word`, which the table lacks, as `term`.
    fn insert(&mut self, word: &'static str, term: Term) {
        match (short_key(word), medium_key(word)) {
            (Some(key), _) => self.short.insert(key, term),
            (None, Some(key)) => self.medium.insert(key, term),
            (None, None) => {
                self.long.insert(word, term);
            }
        }
    }
}

/// A key an [`IdTable`] finds a word by: the word's bytes as numbers, which tell it from every
/// other word of the table's lengths.
trait WordKey: Copy + Eq {
    /// The key as a slot holds it: never all zero bits, which mark a free slot.
    fn stored(self) -> Self;
    /// The key a slot holds as `stored`.
    fn unstored(self) -> Self;
    /// Whether a slot holding this is free.
    fn is_free(self) -> bool;
    /// The key folded into one number, for the slot it is looked for from (`first_slot`).
    fn folded(self) -> u64;
}

impl WordKey for u64 {
    // A short key is under 2^59 (its top byte is a length of at most [`SHORT`]): plus one, it is
    // never zero, and `short_key("")` is.
    fn stored(self) -> u64 {
        self + 1
    }
    fn unstored(self) -> u64 {
        self - 1
    }
    fn is_free(self) -> bool {
        self == 0
    }
    fn folded(self) -> u64 {
        self
    }
}

impl WordKey for [u64; 2] {
    // The second number holds the word's length (over [`SHORT`]) in its top byte: never zero.
    fn stored(self) -> [u64; 2] {
        self
    }
    fn unstored(self) -> [u64; 2] {
        self
    }
    fn is_free(self) -> bool {
        self[1] == 0
    }
    fn folded(self) -> u64 {
        self[0] ^ self[1].rotate_left(29)
    }
}

/// The ids of words by their keys (`short_key`, `medium_key`): an open-addressed table of keys
/// and ids, at most half full. Nearly every word a source asks for is in it already, and a look-up
/// scatters the key with one multiplication and most often compares one slot, where a general
/// hash map spent some sixty instructions a word on its probing (and a call to compare strings).
#[derive(Default)]
struct IdTable<K> {
    /// Each slot's key as stored (`WordKey::stored`), zero in a free slot, and beside it the id of
    /// a taken slot. A power of two of them. Free slots are zero so that the table is allocated
    /// zeroed: the system hands its pages over as slots are written, where filling a story's
    /// 128 KiB with a free mark cost a start-up's page faults for every page. The id lies in its
    /// key's slot, not in a list of its own: the subject reader looks a word up in a table of a
    /// few hundred KiB for every term it reads, and most look-ups missed the nearest cache, once
    /// for the key and again for the id.
    slots: Vec<(K, u32)>,
    /// How many slots are taken.
    len: usize,
}

/// The ids of the short words by their keys (`short_key`).
type ShortIds = IdTable<u64>;

impl<K: WordKey + Default> IdTable<K> {
    /// A table with room for `words` words before it grows.
    fn with_capacity(words: usize) -> IdTable<K> {
        let slots = (2 * words).next_power_of_two();
        IdTable { slots: vec![(K::default(), 0); slots], len: 0 }
    }

    /// The slot `key` is looked for from (`first_slot`).
    #[inline(always)]
    fn first_slot(&self, key: K) -> usize {
        first_slot(key.folded(), self.slots.len())
    }

    /// The id of the word of `key`, if the table holds it.
    #[inline(always)]
    fn get(&self, key: K) -> Option<Term> {
        let (stored, mask) = (key.stored(), self.slots.len() - 1);
        let mut at = self.first_slot(key);
        loop {
            match self.slots[at] {
                (k, id) if k == stored => return NonZeroU32::new(id).map(Term),
                (k, _) if k.is_free() => return None,
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Adds the word of `key`, which the table lacks, as `term`; the table doubles when half full.
    fn insert(&mut self, key: K, term: Term) {
        debug_assert!(self.get(key).is_none());
        if 2 * (self.len + 1) > self.slots.len() {
            let grown = IdTable::with_capacity(self.slots.len());
            let old = std::mem::replace(self, grown);
            for &(k, id) in old.slots.iter().filter(|(k, _)| !k.is_free()) {
                self.insert(k.unstored(), Term(NonZeroU32::new(id).expect("a taken slot holds an id")));
            }
        }
        let mask = self.slots.len() - 1;
        let mut at = self.first_slot(key);
        while !self.slots[at].0.is_free() {
            at = (at + 1) & mask;
        }
        self.slots[at] = (key.stored(), term.0.get());
        self.len += 1;
    }
}

/// The longest word found by its two numbers (`medium_key`): the second holds its length in its
/// top byte, below which seven bytes after the first eight fit.
const MEDIUM: usize = 15;

/// The numbers of a word of [`SHORT`] + 1 to [`MEDIUM`] bytes: its first eight bytes, the first
/// lowest, and the rest below its length. No two such words share them.
#[inline]
fn medium_key(word: &str) -> Option<[u64; 2]> {
    let (b, len) = (word.as_bytes(), word.len());
    if !(SHORT + 1..=MEDIUM).contains(&len) {
        return None;
    }
    let eight = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
    // The last eight bytes overlap the first eight by `16 - len`: shifted out, the bytes after
    // the first eight are left, first lowest (none for a word of eight bytes).
    let rest = eight(len - 8).checked_shr(8 * (16 - len) as u32).unwrap_or(0);
    Some([eight(0), rest | (len as u64) << 56])
}

/// The longest word found by its number (`short_key`): seven bytes and their count fill its
/// eight.
pub(crate) const SHORT: usize = 7;

/// The number of a word of at most [`SHORT`] bytes: its bytes, the first lowest, under its length.
/// No two such words share one. The bytes of a word of four or more are read as two overlapping
/// halves, as a hash of a short string reads them, not one at a time; of a shorter one, as its
/// first, middle and last bytes, which overlap too.
#[inline]
pub(crate) fn short_key(word: &str) -> Option<u64> {
    let (b, len) = (word.as_bytes(), word.len());
    let bytes = match len {
        0 => 0,
        // The first, middle and last bytes, which overlap where the word is shorter than three:
        // one arm for the three lengths, where one for a single byte cost a branch more.
        1..=3 => {
            let (mid, last) = (len / 2, len - 1);
            u64::from(b[0]) | u64::from(b[mid]) << (8 * mid) | u64::from(b[last]) << (8 * last)
        }
        4..=SHORT => {
            let half = |at: usize| u64::from(u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]));
            half(0) | half(len - 4) << (8 * (len - 4))
        }
        _ => return None,
    };
    Some(bytes | (len as u64) << 56)
}

/// [`short_key`] of the `len` bytes at `at` in `bytes`, read with one load and a mask, which
/// spares `short_key`'s branch on the length where a caller holds the word inside a longer buffer.
/// `None` when `len` is over [`SHORT`] or fewer than eight bytes follow `at`.
#[inline]
pub(crate) fn short_key_in(bytes: &[u8], at: usize, len: usize) -> Option<u64> {
    let chunk = bytes.get(at..)?.first_chunk::<8>()?;
    if len > SHORT {
        return None;
    }
    // The word's bytes, the first lowest (at most seven, so the shift stays below 64).
    Some(u64::from_le_bytes(*chunk) & ((1 << (8 * len)) - 1) | (len as u64) << 56)
}

/// The slot where the search for the short key `key` starts in an open-addressed table of `slots`
/// slots: the key's bits mixed by a multiplication (Fibonacci hashing), and scaled to the table by
/// the high half of a product with its size, since the high bits depend on every bit of the key.
/// Shared by the tables found by short keys: the interned terms' and the rules' words'.
#[inline(always)]
pub(crate) fn first_slot(key: u64, slots: usize) -> usize {
    ((u128::from(key.wrapping_mul(0x9e37_79b9_7f4a_7c15)) * slots as u128) >> 64) as usize
}

/// Words the table is made for at first, so that a story or a small pile never grows it (each
/// growth hashes every word again): the 93 articles of ECB+ hold about 4,000 distinct subject words.
const WORDS_OF_A_STORY: usize = 4096;

/// Words a thread's own table ([`Known`]) is made for at first; it grows with the words the thread
/// meets. Not [`WORDS_OF_A_STORY`]: each thread's table is new in every process, and its few hundred
/// KiB were touched page by page as the first sources' words were looked up, one fault a page and
/// a table a thread (a story of ten sources on two cores took a median of 10.6 ms instead of 9.1,
/// process start included). A source holds a few hundred distinct subject words.
const WORDS_OF_A_SOURCE: usize = 512;

/// The segment and slot of id `id`.
fn slot(id: u32) -> (usize, usize) {
    let n = id as usize / FIRST + 1;
    let segment = (usize::BITS - 1 - n.leading_zeros()) as usize;
    (segment, id as usize - FIRST * ((1 << segment) - 1))
}

impl Term {
    /// The term of `word`, added to the table when new.
    // Always inlined: a subject's terms are looked up by the thousand, mostly known already, and
    // the call (its saved registers) cost an eighth of the lookup; adding a word is the rare case,
    // kept out of line.
    #[inline(always)]
    pub fn new(word: &str) -> Term {
        Interner::lock().term(word)
    }

    /// The empty term: no unit written (a date's), no counted noun (a bare figure's role).
    pub fn none() -> Term {
        static NONE: OnceLock<Term> = OnceLock::new();
        *NONE.get_or_init(|| Term::new(""))
    }

    /// Whether the term is the empty word (no unit written, no counted noun), told by its number:
    /// alignment asks it of millions of pairs' roles, and reading the word costs a table walk.
    pub fn is_empty(self) -> bool {
        self == Term::none()
    }

    /// The term "day": the unit of every date, interned once rather than once a claim.
    pub fn day() -> Term {
        static DAY: OnceLock<Term> = OnceLock::new();
        *DAY.get_or_init(|| Term::new("day"))
    }

    /// The term of `word` when some subject holds it, without adding it.
    pub fn find(word: &str) -> Option<Term> {
        Interner::lock().0.get(word).0
    }

    /// The term's number: distinct terms have distinct numbers, handed out from 1 as words are
    /// first interned.
    pub fn id(self) -> u32 {
        self.0.get()
    }

    /// The word.
    pub fn as_str(self) -> &'static str {
        let (segment, at) = slot(self.0.get());
        // Every id was handed out after its word was set.
        WORDS[segment].get().and_then(|slots| slots[at].get()).copied().unwrap_or_default()
    }
}

/// The table locked for interning: a reader with several words to intern (a claim's units) locks
/// it once for them all, not once a word. While one is held, its thread must not call
/// `Term::new`, `Term::find`, `Known::term_and_key`, or `Term::none` and `Term::day` (which intern
/// at their first call):
/// they take the same lock and would wait for ever. Other threads wait to intern, so it is held
/// only while the words are interned.
pub(crate) struct Interner(MutexGuard<'static, Ids>);

impl Interner {
    /// Locks the table until this is dropped.
    pub(crate) fn lock() -> Interner {
        // A poisoned lock still holds a consistent table: entries are added whole.
        Interner(ids().lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// The term of `word`, added to the table when new.
    #[inline(always)]
    pub(crate) fn term(&mut self, word: &str) -> Term {
        match self.0.get(word) {
            (Some(term), _) => term,
            (None, _) => add(&mut self.0, word),
        }
    }
}

/// Adds `word`, which `ids` lacks, to the table.
#[cold]
fn add(ids: &mut Ids, word: &str) -> Term {
    // Slot 0 stays empty: ids start at 1.
    let id =
        u32::try_from(ids.len() + 1).ok().and_then(NonZeroU32::new).expect("fewer than four billion distinct words");
    let word: &'static str = Box::leak(word.into());
    let (segment, at) = slot(id.get());
    let slots = WORDS[segment].get_or_init(|| (0..FIRST << segment).map(|_| OnceLock::new()).collect());
    // Set once: ids are handed out under the lock.
    let _ = slots[at].set(word);
    ids.insert(word, Term(id));
    Term(id)
}

thread_local! {
    /// The words this thread has interned, by the ids the table gave them (see [`Known`]).
    static KNOWN: RefCell<Option<Ids>> = const { RefCell::new(None) };
}

/// The terms of the words this thread has interned before, found without the table's lock: a
/// reader of many words (a source's subject terms) finds nearly all of them so as it reads them,
/// where the shared table must be locked to be read (another thread may be adding a word). The
/// words new to the thread are noted as they are met and interned together ([`Known::learn`]),
/// the table locked once for them all: a thread's first sources, all of whose words are new to
/// it, would otherwise lock it once a word, and two threads reading at once wait on each other
/// (a story of ten sources took a tenth longer so on two cores). Taken from the thread and handed
/// back when dropped; while held, a nested reader on the thread starts from nothing.
pub(crate) struct Known {
    /// The words the thread has interned.
    ids: Ids,
    /// The words met since the last [`Known::learn`] that the thread had not interned, each with
    /// the place its reader gave.
    unknown: Vec<(usize, String)>,
}

impl Known {
    /// The thread's known words.
    pub(crate) fn take() -> Known {
        let ids = KNOWN.with_borrow_mut(Option::take).unwrap_or_else(|| Ids::with_capacity(WORDS_OF_A_SOURCE));
        Known { ids, unknown: Vec::new() }
    }

    /// The term of `word` if the thread knows it, and the word's `short_key`, which the look-up
    /// computes and a caller may want as well (the subject reader's alphabetical keys). A word new
    /// to the thread is noted with `at`, the place its term is wanted, for [`Known::learn`].
    #[inline(always)]
    pub(crate) fn term_and_key(&mut self, word: &str, at: usize) -> (Option<Term>, Option<u64>) {
        let (term, key) = self.ids.get(word);
        if term.is_none() {
            self.unknown.push((at, word.to_string()));
        }
        (term, key)
    }

    /// Interns the words noted since the last call, the shared table locked once for them all,
    /// keeps them, and hands `found` each one's place and term.
    pub(crate) fn learn(&mut self, mut found: impl FnMut(usize, Term)) {
        if self.unknown.is_empty() {
            return;
        }
        let mut table = Interner::lock();
        for (at, word) in self.unknown.drain(..) {
            // A word met twice before it was learned is kept once.
            let term = match self.ids.get(&word).0 {
                Some(term) => term,
                None => {
                    let term = table.term(&word);
                    self.ids.insert(term.as_str(), term);
                    term
                }
            };
            found(at, term);
        }
    }
}

impl Drop for Known {
    fn drop(&mut self) {
        debug_assert!(self.unknown.is_empty() || std::thread::panicking(), "words met and never learned");
        // What is left in its place holds no slots, and is dropped unread.
        let ids = std::mem::take(&mut self.ids);
        // A thread being torn down keeps nothing.
        let _ = KNOWN.try_with(|known| *known.borrow_mut() = Some(ids));
    }
}

impl std::ops::Deref for Term {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Term {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Term {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Term {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialOrd for Term {
    fn partial_cmp(&self, other: &Term) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Term {
    fn cmp(&self, other: &Term) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Term {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests;
