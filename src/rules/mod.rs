//! Rules: `rules/*.toml` text in (embedded in the binary, extended or overridden by `--rules DIR`),
//! compiled `Rules` out, with every malformed entry reported by file, line and column.

mod compile;
mod examples;
mod load;
mod phrases;
pub mod reach;
pub mod schema;
mod words;

pub use words::WordFacts;

use std::borrow::Cow;
use std::collections::BTreeMap;

// The rules' lookups are keyed by our own rule words, hashed on every token of every source:
// FxHash is several times faster than SipHash, and hash-flooding resistance buys nothing here.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use regex_automata::meta::Regex;

use crate::claim::Kind;
use crate::error::Error;
pub use examples::{check_examples, ExampleFailure};
pub use load::EMBEDDED;
use schema::{Example, HedgeMode, HedgePosition};

/// A compiled ignore pattern: its name, its regex, and where extraction searches it.
pub type IgnorePattern = (String, Regex, reach::Where);

/// A hedge phrase, compiled.
#[derive(Clone, Debug)]
pub struct Hedge {
    /// The phrase's lower-case words.
    pub words: Vec<String>,
    /// Before or after the number.
    pub position: HedgePosition,
    /// What it does.
    pub mode: HedgeMode,
    /// Relative width for `approx` and `nearly`.
    pub relative: f64,
}

/// A vague quantity, compiled.
#[derive(Clone, Debug)]
pub struct Vague {
    /// The phrase's lower-case words.
    pub words: Vec<String>,
    /// Least value.
    pub low: f64,
    /// Greatest value, if bounded.
    pub high: Option<f64>,
}

/// A smaller unit of a currency, compiled.
#[derive(Clone, Debug)]
pub struct Minor {
    /// Lower-case names.
    pub words: Vec<String>,
    /// How many make one of the currency.
    pub per: f64,
}

/// A unit, compiled.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Canonical name ("km").
    pub name: String,
    /// `Quantity`, `Duration` or `Percent`.
    pub kind: Kind,
    /// What is measured ("length"); the claim's unit is the dimension's base, so "km" and "mile" meet.
    pub dimension: String,
    /// Base units per unit.
    pub factor: f64,
    /// Added after scaling.
    pub offset: f64,
    /// May stand before the number.
    pub prefix: bool,
    /// Names of the larger units this one completes ("5 feet 2 inches").
    pub completes: Vec<String>,
}

/// Which of the subject reader's word lists hold a word, as bits: a token's facts, looked up once,
/// answer them all, rather than a hash of the word for each list the reader asks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordLists(u16);

impl WordLists {
    /// `severity` in `[subject]`: words that make a figure beside them a part by severity
    /// ("seriously injured"), the words of `critical` and `mild` among them.
    pub const SEVERITY: WordLists = WordLists(1);
    /// `critical` in `[subject]`: of the words of severity, those of the gravest degree
    /// ("critically injured").
    pub const CRITICAL: WordLists = WordLists(1 << 1);
    /// `mild` in `[subject]`: of the words of severity, those of the lightest degree ("slightly
    /// injured").
    pub const MILD: WordLists = WordLists(1 << 2);
    /// `blows` in `[subject]`: verbs of striking that, right before "N times", make it the blows of
    /// one attack ("shot seven times"), not occurrences.
    pub const BLOWS: WordLists = WordLists(1 << 3);
    /// `partitive` in `[subject]`: words that after "of" make the figure beside them a part ("of
    /// which four", "12 of them").
    pub const PARTITIVE: WordLists = WordLists(1 << 4);
    /// `instalment` in `[subject]`: words that make a figure after them in its sentence the latest
    /// of a series ("recently").
    pub const INSTALMENT: WordLists = WordLists(1 << 5);
    /// `including` in `[subject]`: words that, right before a figure, make it a part of the one
    /// told before ("including 54").
    pub const INCLUDING: WordLists = WordLists(1 << 6);
    /// `statements` in `[subject]`: verbs that, right before a date, make it the date of a
    /// statement ("released Nov. 10").
    pub const STATEMENTS: WordLists = WordLists(1 << 7);
    /// `statement_nouns` in `[subject]`: nouns that, right after a date, make it the date of a
    /// statement ("a Nov. 9 press conference").
    pub const STATEMENT_NOUNS: WordLists = WordLists(1 << 8);
    /// `institutions` in `[subject]`: words that end an institution's name ("union", "fund").
    pub const INSTITUTIONS: WordLists = WordLists(1 << 9);
    /// `narrowing` in `[subject]`, its words: they narrow a counted noun to a part ("worst",
    /// "other"); its endings are [`Rules::narrowing_endings`].
    pub const NARROWING: WordLists = WordLists(1 << 10);
    /// `disputes` in `[subject]`: words by which a writer says accounts of a figure disagree
    /// ("conflicting", "contrary").
    pub const DISPUTES: WordLists = WordLists(1 << 11);

    /// Whether `list` is among these.
    pub fn has(self, list: WordLists) -> bool {
        self.0 & list.0 != 0
    }

    /// Adds `list`.
    pub fn insert(&mut self, list: WordLists) {
        self.0 |= list.0;
    }
}

impl std::ops::BitOr for WordLists {
    type Output = WordLists;

    fn bitor(self, other: WordLists) -> WordLists {
        WordLists(self.0 | other.0)
    }
}

/// Every rule, compiled for lookups. Built once per run; read-only afterwards.
#[derive(Clone, Debug)]
pub struct Rules {
    /// The TOML text of each rules file in force, by the path it is shown by, kept so their
    /// examples can be run (`files`): the built-in files are loaded without them.
    texts: Vec<(String, Cow<'static, str>)>,
    /// Number words ("one", "twenty", "dozen").
    pub number_words: HashMap<String, f64>,
    /// Scale words ("hundred", "million").
    pub scales: HashMap<String, f64>,
    /// Scale suffixes against digits ("bn", "m").
    pub suffixes: HashMap<String, f64>,
    /// The byte length of the longest of `suffixes`.
    suffix_max_len: usize,
    /// Ordinal words ("first").
    pub ordinals: HashMap<String, f64>,
    /// Denominator words of fractions ("third" = 3), singular and plural.
    pub fractions: HashMap<String, f64>,
    /// Words that make the number after them negative.
    pub negatives: HashSet<String>,
    /// Nouns that "a single" tells a kind of, not a number of ("mother", "room").
    pub single_kinds: HashSet<String>,
    /// Words before "a single" that make it none ("not", "without").
    pub single_negations: HashSet<String>,
    /// Guns whose calibre a decimal without its zero names right before them (".357 revolver").
    pub calibre_nouns: HashSet<String>,
    /// Hedges, longest phrase first.
    pub hedges: Vec<Hedge>,
    /// Where each hedge written before its number stands in `hedges`, by the hedge's last word.
    hedges_before_by_last: HashMap<String, Vec<usize>>,
    /// Where each hedge stands in `hedges`, by its first word.
    hedges_by_first: HashMap<String, Vec<usize>>,
    /// Vague quantities, longest phrase first.
    pub vague: Vec<Vague>,
    /// Where each vague quantity stands in `vague`, by the tokens that can open it.
    vague_by_first: HashMap<String, Vec<usize>>,
    /// Units.
    pub units: Vec<Unit>,
    unit_lookup: HashMap<String, usize>,
    unit_lookup_exact: HashMap<String, usize>,
    unit_lookup_second: HashMap<String, usize>,
    /// What `unit` finds for each word in ASCII lower case that spells a unit, exact spellings
    /// first: the matchers ask with tokens' lower-case forms, and so ask one table, not two.
    unit_lookup_lower: HashMap<String, usize>,
    /// Every beginning of a unit spelling, as written and in lower case ("k", "km", "km/").
    unit_prefixes: HashSet<String>,
    /// First words of the unit spellings of several words ("business" of "business day"), lower-case,
    /// so a matcher builds a two-word phrase to look up only where one can start.
    pub unit_phrase_heads: HashSet<String>,
    /// The longest unit spelling, in words.
    pub unit_max_words: usize,
    /// Currency symbols written before numbers, to ISO codes, longest first.
    pub currency_symbols: Vec<(String, String)>,
    /// Where each spelling of `currency_symbols` stands in it, by the spelling in ASCII lower case.
    currency_spellings: HashMap<String, Vec<usize>>,
    /// The byte lengths of `currency_symbols`, longest first.
    currency_lengths: Vec<usize>,
    /// The last bytes of `currency_symbols`, in ASCII lower case: text ending in another byte ends
    /// in no symbol.
    currency_last_bytes: [bool; 256],
    /// The ASCII letters each of `currency_symbols` ends with, in lower case ("usd" of "USD",
    /// "sfr"; none of "$" or "Rs."): text ending in other letters ends in no symbol.
    currency_letter_ends: HashSet<String>,
    /// Currency names written after numbers, to ISO codes.
    pub currency_words: HashMap<String, String>,
    /// Currency names that are also units of measure ("pounds"), to ISO codes.
    pub currency_unit_words: HashMap<String, String>,
    /// Every beginning of a currency name of either table, in lower case ("us", "us dollar"), so
    /// a matcher builds a phrase to look up only where one can start.
    currency_name_prefixes: HashSet<String>,
    /// Three-letter currency codes as written ("USD"), to ISO codes.
    pub currency_codes: HashMap<String, String>,
    /// Scale letters glued before a currency code ("M" of "MUSD").
    pub code_scales: HashMap<String, f64>,
    /// Smaller units of each currency, by ISO code, largest first.
    pub currency_minor: HashMap<String, Vec<Minor>>,
    /// What the subject reader asks of a word, for every word some answer is not "no" of.
    words: words::WordTable,
    /// The longest alias phrase, in words.
    pub alias_max_words: usize,
    /// Whether a word of the subject reader's lists ([`WordLists`]) starts with a digit, as
    /// numbers do: only then must a number's token be looked up for them.
    pub lists_hold_digits: bool,
    /// Whether an identifier ([`Rules::identifiers`]) opens with other than a letter, as no word's
    /// token does ("№" is a mark): only then must a mark or digits before a number be looked up
    /// among them.
    pub identifiers_hold_non_words: bool,
    /// Canonical terms that name what is counted.
    pub countable: HashSet<String>,
    /// Counted terms and the terms they take in, as (whole, part): "casualty" takes in "dead".
    pub covers: HashSet<(String, String)>,
    /// Ignore patterns: name, compiled pattern, and where extraction searches it (around the text's
    /// digits, at the lower-case literals every match begins with, or everywhere).
    pub ignore: Vec<IgnorePattern>,
    /// One prefilter over the lower-case prefixes of every ignore pattern searched at them
    /// (`reach::prefixes_of`), so that extraction reads the text once for them all.
    pub ignore_prefixes: Option<regex_automata::util::prefilter::Prefilter>,
    /// Month words.
    pub months: HashMap<String, u8>,
    /// Weekday words (Monday = 1).
    pub weekdays: HashMap<String, u8>,
    /// Season words.
    pub seasons: HashMap<String, [u8; 2]>,
    /// Parts of a month.
    pub parts: HashMap<String, [u8; 2]>,
    /// Future-tense markers.
    pub future_markers: HashSet<String>,
    /// Two-word future markers, by first word ("going" -> ["to"]), so the tense check allocates nothing.
    pub future_pairs: HashMap<String, Vec<String>>,
    /// For each first byte, the lengths of the one-word future markers and of the pairs' first words that
    /// start with it (bit `n` for `n` bytes; [`Rules::may_open_future`] reads it): a word whose first
    /// byte and length match none is neither, and the tense check, which asks it of every word of
    /// a date's clause, does not look it up ("said", "was", "the").
    pub future_openings: [u32; 256],
    /// Vague counts of time units ("couple", "few") to `[low, high]`.
    pub vague_counts: HashMap<String, [f64; 2]>,
    /// Words that make one whole unit of time of a bare unit ("all day", "full year").
    pub whole: HashSet<String>,
    /// Month words that alone are a date only when introduced ("in May").
    pub ambiguous_months: HashSet<String>,
    /// Month words that are also verbs in lower case ("may", "march").
    pub verb_months: HashSet<String>,
    /// Words that open what "a day before" may count from ("the", "his", "yesterday").
    pub day_anchors: HashSet<String>,
    /// Decades in words to their first year ("seventies" = 1970).
    pub decades: HashMap<String, u16>,
    /// Minutes a hedged time of day is widened by on each side.
    pub time_hedge_minutes: f64,
    /// Words that make a time of day the page's own time stamp ("updated").
    pub time_furniture: HashSet<String>,
    /// Time zones written after a time of day ("et", "gmt").
    pub time_zones: HashSet<String>,
    /// Zones of universal time ("gmt", "utc"), whose times are never set against local ones.
    pub universal_zones: HashSet<String>,
    /// Words with no meaning of their own.
    pub stopwords: HashSet<String>,
    /// Nouns too general to be a count's unit.
    pub generic: HashSet<String>,
    /// Words read either side of a number for its subject.
    pub window: usize,
    /// Words after which a number is a name, not a count.
    pub identifiers: HashSet<String>,
    /// Endings that narrow a counted noun to a part ("-est" of "hardest-hit"); the words that do
    /// are [`WordLists::NARROWING`] in their facts.
    pub narrowing_endings: Vec<String>,
    /// Words that make a figure an addition ("another", "further"); the first is the qualifier
    /// all of them are read as.
    pub added: Vec<String>,
    /// Verbs that, before a count in its clause, make it a role of their own whatever the noun
    /// ("fired 11 shots", "loaded with four bullets"), each to that role: the verb's alias.
    pub gun_verbs: HashMap<String, String>,
    /// Verbs of estimating whose object names what the figure after their "at" counts ("police
    /// put the march at 30,000").
    pub estimates: HashSet<String>,
    /// Words that join two clauses ("and", "while").
    pub clause_joins: HashSet<String>,
    /// The base unit of each dimension (the unit with factor 1), by dimension.
    pub base_units: HashMap<String, String>,
    /// Senses of ambiguous units: the unit's name, the unit it reads as, and the words that say so.
    senses: Vec<(String, usize, HashSet<String>)>,
    /// Least subject similarity for grouping.
    pub threshold: f32,
    /// Least subject similarity for grouping claims with the very same value.
    pub threshold_same_value: f32,
    /// Least subject similarity for grouping claims whose values overlap.
    pub threshold_overlap: f32,
    /// Least subject similarity for grouping dates that do not overlap.
    pub threshold_date_conflict: f32,
    /// Least subject similarity for grouping a bare figure with the very same counted one.
    pub threshold_bare: f32,
    /// Least subject similarity for grouping the very same count told of two counted nouns.
    pub threshold_other_role: f32,
    /// Least similarity of the pooled words of two groups whose values overlap pair by pair to join.
    pub threshold_pooled: f32,
    /// Least subject similarity for the very same figure of the very same counted noun.
    pub threshold_same_figure: f32,
    /// Least subject similarity for two outlets' only figures of one role.
    pub threshold_sole: f32,
    /// Least similarity of the pooled words of two value camps of one role to be one fact disputed.
    pub threshold_camps: f32,
    /// Dimensions of measures of which one thing has one value, so two values from one outlet
    /// are a dispute it reports.
    pub one_value_dimensions: Vec<String>,
    /// Least subject similarity for the very same figure told as an addition and plainly.
    pub threshold_added: f32,
    /// Largest ratio between two outlets' only counts of one role to be one fact.
    pub max_sole_ratio: f64,
    /// Largest ratio between two outlets' only measures of one role to be one fact.
    pub max_sole_measure_ratio: f64,
    /// Largest ratio between a bound ("at least five dead") and another outlet's figure it fits
    /// ("40") for the bound to be an early account of that figure, not a figure of another fact.
    pub max_loose_ratio: f64,
    /// Largest ratio between two outlets' only distances from one named place to be one fact.
    pub max_place_ratio: f64,
    /// Least number of agreeing sources of a role for another outlet's only figure of it to join.
    pub outlier_sources: usize,
    /// Least number of sources telling a day alike for another mention of that day to join them.
    pub day_sources: usize,
    /// Least subject similarity for grouping the very same date.
    pub threshold_same_date: f32,
    /// Largest ratio between two disjoint values grouped as a conflict.
    pub max_conflict_ratio: f64,
    /// Largest ratio between two sums in different currencies that may be one sum converted.
    pub max_currency_ratio: f64,
    /// Least Jaro-Winkler similarity for two terms to match.
    pub fuzzy_term: f32,
    /// Tolerances by kind.
    pub tolerances: BTreeMap<Kind, Tolerance>,
    /// `[[suppress]]` entries: claims a project has reviewed and silenced.
    pub suppress: Vec<schema::SuppressRule>,
}

/// How far two values of one kind may be apart and still not conflict.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tolerance {
    /// Share of magnitude.
    pub relative: f64,
    /// Absolute distance.
    pub absolute: f64,
    /// Share within which a value that rounds to a round number is compatible with it.
    pub rounding: f64,
}

/// The bit of [`Rules::future_openings`] for a word of `len` bytes; the last bit stands for every
/// length from 31 on.
fn future_opening_bit(len: usize) -> u32 {
    1 << len.min(31)
}

impl Rules {
    /// False for a word that is no future marker and opens no two-word one, as its first byte
    /// and length say ([`Rules::future_openings`]), before either table is looked up; true for a
    /// word that may be either.
    pub fn may_open_future(&self, word: &str) -> bool {
        let bits = word.as_bytes().first().map_or(0, |&b| self.future_openings[usize::from(b)]);
        bits & future_opening_bit(word.len()) != 0
    }

    /// Largest ratio between two outlets' only figures of one role of `kind` to be one fact:
    /// `max_sole_measure_ratio` for measures, `max_sole_ratio` for counts and the rest.
    pub fn sole_ratio(&self, kind: Kind) -> f64 {
        if kind == Kind::Quantity {
            self.max_sole_measure_ratio
        } else {
            self.max_sole_ratio
        }
    }

    /// Whether a word written between a number and its noun narrows what is counted to a part by
    /// its ending ("hardest-hit"); an ending needs a stem of three letters before it. The narrowing
    /// words themselves ("other") are [`WordLists::NARROWING`] in their facts.
    pub fn narrows_by_ending(&self, word: &str) -> bool {
        self.narrowing_endings.iter().any(|e| word.len() >= e.len() + 3 && word.ends_with(e.as_str()))
    }

    /// What the subject reader asks of the lower-case `word`, in one lookup (`None`: all "no").
    // Inlined: asked of every token, and a call of its own cost as much as the lookup.
    #[inline]
    pub fn word(&self, word: &str) -> Option<&WordFacts> {
        self.words.get(word)
    }

    /// [`Rules::word`], and the matchers that can start a claim at the word (its facts' `starts`,
    /// none without facts), read without a second load from the facts.
    #[inline]
    pub fn word_starts(&self, word: &str) -> (Option<&WordFacts>, crate::extract::starters::Starts) {
        self.words.get_with_starts(word)
    }

    /// [`Rules::word_starts`] for a word of at most seven bytes given by its key
    /// (`claim::short_key`), which `starters::of_tokens` reads from the lower-case text.
    #[inline]
    pub fn word_starts_keyed(&self, key: u64) -> (Option<&WordFacts>, crate::extract::starters::Starts) {
        self.words.get_keyed(key)
    }

    /// The canonical term for a lower-case word or phrase, if an alias names it.
    pub fn alias(&self, phrase: &str) -> Option<&str> {
        self.words.get(phrase)?.alias.as_deref()
    }

    /// The unit spelled `word` (case-sensitive spellings first), if any.
    pub fn unit(&self, word: &str) -> Option<&Unit> {
        let found = if ascii_lower(word) {
            self.unit_lookup_lower.get(word)
        } else {
            self.unit_lookup_exact.get(word).or_else(|| self.unit_lookup.get(&word.to_lowercase()))
        };
        found.map(|&i| &self.units[i])
    }

    /// The hedges written before a number whose last word is `word`, in their order in `hedges`:
    /// the only ones that can end right before a number after that word.
    pub fn hedges_before_ending(&self, word: &str) -> impl Iterator<Item = &Hedge> {
        self.hedges_before_by_last.get(word).into_iter().flatten().map(|&i| &self.hedges[i])
    }

    /// The hedges whose first word is `word`, in their order in `hedges`: the only ones that can
    /// start at a token that is `word`.
    pub fn hedges_starting(&self, word: &str) -> impl Iterator<Item = &Hedge> {
        self.hedges_by_first.get(word).into_iter().flatten().map(|&i| &self.hedges[i])
    }

    /// The vague quantities a phrase opened by the token `word` can be, in their order in
    /// `vague`: its first word, or the first part of a hyphenated one ("triple" of "triple-digit").
    pub fn vague_opened_by(&self, word: &str) -> impl Iterator<Item = &Vague> {
        self.vague_by_first.get(word).into_iter().flatten().map(|&i| &self.vague[i])
    }

    /// The currency symbols `text` ends with, ASCII case ignored, in their order in
    /// `currency_symbols`: a lookup for each length of symbol, not a comparison with each symbol.
    pub fn currency_symbols_ending<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a (String, String)> {
        let at = |n: usize| text.len().checked_sub(n).filter(|&cut| text.is_char_boundary(cut));
        let spelled = move |cut: usize| self.currency_spellings.get(&*ascii_folded(&text[cut..]));
        self.currency_lengths
            .iter()
            .filter_map(move |&n| at(n).and_then(spelled))
            .flatten()
            .map(|&i| &self.currency_symbols[i])
    }

    /// False when no currency symbol ends with the byte `last`, ASCII case ignored: then no text
    /// ending with it ends with a symbol.
    pub fn may_end_currency_symbol(&self, last: u8) -> bool {
        self.currency_last_bytes[usize::from(last.to_ascii_lowercase())]
    }

    /// False when no currency symbol ends with exactly the ASCII letters `letters` (ASCII case
    /// ignored), with no ASCII letter before them in the symbol: text whose run of letters at its
    /// end is `letters` then ends in no symbol but one of fewer letters, glued to the ones before.
    pub fn may_end_currency_letters(&self, letters: &str) -> bool {
        self.currency_letter_ends.contains(&*ascii_folded(letters))
    }

    /// The byte length of the longest scale suffix (`suffixes`): a longer word is none, and
    /// need not be looked up.
    pub fn longest_suffix(&self) -> usize {
        self.suffix_max_len
    }

    /// The byte length of the longest currency symbol.
    pub fn longest_currency_symbol(&self) -> usize {
        self.currency_lengths.first().copied().unwrap_or(0)
    }

    /// The most words a hedge phrase has (`hedges` lie longest first); 1 when there is none.
    pub fn longest_hedge(&self) -> usize {
        self.hedges.first().map_or(1, |h| h.words.len())
    }

    /// False when no unit spelling begins with `written`, in its case or in lower case: then no
    /// tokens starting with it spell a unit, and a matcher need not join them to look them up.
    pub fn may_open_unit(&self, written: &str) -> bool {
        // Written in lower case already when ASCII without capitals (as `unit` folds).
        let folded = || !ascii_lower(written);
        self.unit_prefixes.contains(written) || (folded() && self.unit_prefixes.contains(&written.to_lowercase()))
    }

    /// False when no currency name (`currency_words`, `currency_unit_words`) begins with the
    /// lower-case `written`: then no phrase starting with it names a currency.
    pub fn may_open_currency_name(&self, written: &str) -> bool {
        self.currency_name_prefixes.contains(written)
    }

    /// Every spelling of a unit in the rules, those matched case-sensitively as written.
    pub fn unit_spellings(&self) -> impl Iterator<Item = &String> {
        self.unit_lookup.keys().chain(self.unit_lookup_exact.keys())
    }

    /// The sense `unit` has in a sentence whose words pass `in_sentence`: "degree" reads as an
    /// angle next to "rotate", and stays itself where no cue of another sense stands.
    pub fn sense<'a>(&'a self, unit: &'a Unit, in_sentence: impl Fn(&str) -> bool) -> &'a Unit {
        self.senses
            .iter()
            .find(|(of, _, cues)| *of == unit.name && cues.iter().any(|c| in_sentence(c)))
            .map_or(unit, |&(_, i, _)| &self.units[i])
    }

    /// The unit spelled `word` as the smaller part of a measure in two parts ("in" of "5 ft 2 in").
    pub fn second_unit(&self, word: &str) -> Option<&Unit> {
        self.unit(word).or_else(|| self.unit_lookup_second.get(word).map(|&i| &self.units[i]))
    }

    /// The name of the base unit of `dimension` (the dimension itself when no unit has factor 1).
    pub fn base_unit<'a>(&'a self, dimension: &'a str) -> &'a str {
        self.base_units.get(dimension).map_or(dimension, String::as_str)
    }

    /// The tolerance for `kind` (exact when the rules name none).
    pub fn tolerance(&self, kind: Kind) -> Tolerance {
        self.tolerances.get(&kind).copied().unwrap_or_default()
    }

    /// Every example of every rule, with the file that holds it.
    pub fn examples(&self) -> Vec<(String, Example)> {
        let mut out = Vec::new();
        for (file, f) in self.files() {
            let mut push = |examples: &[Example]| out.extend(examples.iter().map(|e| (file.to_string(), e.clone())));
            if let Some(n) = &f.numbers {
                push(&n.examples);
            }
            if let Some(d) = &f.dates {
                push(&d.examples);
            }
            if let Some(s) = &f.subject {
                push(&s.examples);
            }
            f.hedge.iter().for_each(|r| push(&r.examples));
            f.vague.iter().for_each(|r| push(&r.examples));
            f.unit.iter().for_each(|r| push(&r.examples));
            f.currency.iter().for_each(|r| push(&r.examples));
        }
        out
    }
}

pub(crate) fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(text.len());
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// `text` with its ASCII capitals in lower case, as the currency tables are keyed; most text before
/// a number holds no capital, and is looked up as it stands, without a copy.
fn ascii_folded(text: &str) -> Cow<'_, str> {
    match text.bytes().any(|b| b.is_ascii_uppercase()) {
        true => Cow::Owned(text.to_ascii_lowercase()),
        false => Cow::Borrowed(text),
    }
}

/// Whether `bytes` spell a currency code as written ("USD"): three ASCII capitals. Only such
/// symbols are taken as codes (`Rules::currency_codes`), so a word not ending so holds none.
pub(crate) fn spells_a_code(bytes: &[u8]) -> bool {
    bytes.len() == 3 && bytes.iter().all(u8::is_ascii_uppercase)
}

/// Whether `word` is ASCII without capitals: in lower case already, with no copy or Unicode table
/// needed to fold it (most words of English news).
pub(crate) fn ascii_lower(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests;
