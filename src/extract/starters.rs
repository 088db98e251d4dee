//! Rules in, which matchers can start a claim at a token out: any at digits, and at a word or mark
//! those whose first token it can be. The extractor tries a matcher only where it can start: tried
//! on every token, the matchers spent most of extraction refusing ordinary words.
//!
//! A matcher's first words are the rules' word tables it reads its first token with, and the
//! words it names in code (the `*_WORDS` lists below). A matcher taught a new first word in code
//! needs it listed here; debug builds try every matcher on every token it was spared (see
//! `extract`), so a missing word fails the tests that use it rather than silently dropping claims.
//!
//! The commonest starters are articles, prepositions and hedges ("the", "a", "in", "about"), which
//! only introduce a figure or date; they are tried only when a word that could be one stands
//! close after them.

use rustc_hash::FxHashMap as HashMap;

use super::lexer::{Token, TokenKind};
use crate::claim::{short_key, short_key_in};
use crate::rules::schema::{HedgeMode, HedgePosition};
use crate::rules::{Rules, WordFacts};

/// Which matchers can read a claim starting at a token, as bits, and for a leading word how far
/// after it the word it leads may stand: a token's starters are copied and tested for every token
/// of a text, and two bytes are one move where six flags were six.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Starts {
    /// The flags below.
    bits: u8,
    /// For a leading word, the most tokens after it at which the word it leads may stand
    /// ([`lead_reach`]); 0 for any other.
    reach: u8,
}

impl Starts {
    /// `date::match_time`.
    pub const TIME: Starts = Starts::of(1);
    /// `date::match_date`.
    pub const DATE: Starts = Starts::of(1 << 1);
    /// `duration::match_duration`.
    pub const DURATION: Starts = Starts::of(1 << 2);
    /// `measure::match_measure`.
    pub const MEASURE: Starts = Starts::of(1 << 3);
    /// One of the `LEADING_WORDS`, which start a claim only before a word that can start one
    /// on its own, or a counted word, within its reach.
    pub const LEADING: Starts = Starts::of(1 << 4);
    /// A scale, fraction or unit, which a leading number word can count ("a million", "a
    /// trillionth", "an hour"), or a later word of a vague quantity ("a handful").
    pub const COUNTED: Starts = Starts::of(1 << 5);
    /// Every matcher: what digits can start.
    const ALL: Starts =
        Starts::of(Starts::TIME.bits | Starts::DATE.bits | Starts::DURATION.bits | Starts::MEASURE.bits);

    const fn of(bits: u8) -> Starts {
        Starts { bits, reach: 0 }
    }

    /// Whether all of `flags` are set: `starts.has(Starts::DATE)`.
    pub fn has(self, flags: Starts) -> bool {
        self.bits & flags.bits == flags.bits
    }

    /// Sets `flags`.
    pub fn set(&mut self, flags: Starts) {
        self.bits |= flags.bits;
    }

    /// True when no matcher can start here.
    pub fn none(self) -> bool {
        self.bits & Starts::ALL.bits == 0
    }

    /// Makes the word a leading one, whose led word stands at most `reach` tokens after it.
    fn lead(&mut self, reach: u8) {
        self.set(Starts::LEADING);
        self.reach = reach;
    }
}

/// Marks that open a number in code (`number::read`): a minus sign and vulgar fractions; the words
/// are `number::WORD_OPENERS`. Space-separated.
const NUMBER_MARKS: &str = "- − ½ ⅓ ⅔ ¼ ¾ ⅕ ⅖ ⅗ ⅘ ⅙ ⅚ ⅛ ⅜ ⅝ ⅞";

/// Words that open a count in code besides a number: counts of none (`measure::bare`: "no dead",
/// "nobody was hurt") and a range of ranks between two ordinals ("between the tenth and the
/// fifteenth"; one opened by a lower bound's hedge comes from the hedges table).
const MEASURE_WORDS: &str = "no nobody between";

/// Words that open a length of time in code besides a number (`duration::read`: "another week").
const DURATION_WORDS: &str = "another";

/// Words and marks that open a date in code (`date::match_date`): introducers of dates and periods
/// ("on the 15th", "since", "the week of", "Q3", "for 3 days from today", "year 247"), relative
/// dates ("today", "next", "less than 2 weeks from today") and a decade's apostrophe ("'40s").
const DATE_WORDS: &[&str] = &[
    "on in at the from between since after by before until till through within earlier later rest weekend",
    "week month w q h today tonight yesterday tomorrow tmrw last past previous this current next coming",
    "upcoming nineteen twenty ' ’ for year less more over",
];

/// Marks in `words` which matchers can start a claim at each word or mark under `rules`, adding
/// the words that have no other facts. Written straight into the word facts, so that a token's
/// starters and facts are one lookup and start-up builds no second table.
pub fn mark(rules: &Rules, facts: &mut HashMap<String, WordFacts>) {
    let words = |line: &'static str| line.split_whitespace().map(str::to_string);

    let mut number: Vec<String> = words(NUMBER_MARKS).collect();
    number.extend(super::number::WORD_OPENERS.map(str::to_string));
    number.extend(rules.number_words.keys().cloned());
    number.extend(rules.negatives.iter().cloned());

    let mut measure = number.clone();
    // A vague quantity ("dozens", "triple-digit", whose hyphen the lexer splits off).
    let vague = rules.vague.iter().filter_map(|v| v.words.first()).filter_map(|w| w.split('-').next());
    measure.extend(vague.map(str::to_string));
    measure.extend(words(MEASURE_WORDS));
    // A range of ranks opened by a lower bound ("more than the tenth but less than the fifteenth",
    // `range::rank_range`), with any of the hedges that bound from below.
    let lower_bounds = rules
        .hedges
        .iter()
        .filter(|h| h.position == HedgePosition::Before && matches!(h.mode, HedgeMode::MoreThan | HedgeMode::AtLeast))
        .filter_map(|h| h.words.first());
    measure.extend(lower_bounds.cloned());

    let mut duration = number;
    duration.extend(words(DURATION_WORDS));
    duration.extend(rules.vague_counts.keys().cloned());
    duration.extend(rules.whole.iter().cloned());

    // A date may also be a length of time counted from today ("three days ago").
    let mut date = duration.clone();
    date.extend(DATE_WORDS.iter().flat_map(|line| words(line)));
    date.extend(rules.months.keys().chain(rules.weekdays.keys()).cloned());
    date.extend(rules.seasons.keys().chain(rules.parts.keys()).cloned());
    date.extend(rules.decades.keys().chain(rules.ordinals.keys()).cloned());

    // A time of day with a hedge before it ("around 9:30 a.m."). Only a hedge that places it
    // loosely does (`date::match_time`): "at least", "more than", "nearly" open none.
    let time = rules
        .hedges
        .iter()
        .filter(|h| h.position == HedgePosition::Before && h.mode == HedgeMode::Approx)
        .filter_map(|h| h.words.first());

    for w in time {
        starts_of(facts, w.clone()).set(Starts::TIME);
    }
    for w in date {
        starts_of(facts, w).set(Starts::DATE);
    }
    for w in duration {
        starts_of(facts, w).set(Starts::DURATION);
    }
    for w in measure {
        starts_of(facts, w).set(Starts::MEASURE);
    }
    for w in rules.scales.keys().chain(rules.fractions.keys()).chain(rules.unit_spellings()) {
        starts_of(facts, w.to_lowercase()).set(Starts::COUNTED);
    }
    // "a single shell" (`number::a_single`): the article counts one of the noun after "single".
    starts_of(facts, "single".to_string()).set(Starts::COUNTED);
    // The value of a vague quantity opened by a leading word is in its later words ("a handful").
    for w in rules.vague.iter().flat_map(|v| v.words.iter().skip(1)).flat_map(|w| w.split('-')) {
        starts_of(facts, w.to_string()).set(Starts::COUNTED);
    }
    // Only a word some matcher starts at leads; a stop word with no starts of its own does not.
    for w in LEADING_WORDS.split_whitespace() {
        if let Some(f) = facts.get_mut(w).filter(|f| f.starts != Starts::default()) {
            // Its reach is read from the list its phrases are checked by, so the two agree.
            f.long_hedges = long_hedges(w, rules).collect();
            f.starts.lead(lead_reach(w, &f.long_hedges, rules));
        }
    }
}

/// How many tokens after leading word `word` the figure or date word it leads may stand: right
/// after it or past an article ("in the 1990s", "on the 15th"), or past a long phrase it opens and
/// one word after that (`long_phrase_lengths`), the longest of those phrases. `hedges` are the
/// word's [`long_hedges`]. Most leading words open no long phrase: "the" and "on", the commonest,
/// lead only a word two tokens off at most, and were tried before every figure up to six tokens
/// off.
fn lead_reach(word: &str, hedges: &[u32], rules: &Rules) -> u8 {
    let longest = long_phrase_lengths(word, hedges, rules).map(|length| length + ARTICLE).max().unwrap_or(0);
    // One byte: a hedge of a user's rules over 254 words long is cut to it.
    longest.max(NEAR).min(usize::from(u8::MAX)) as u8
}

/// The lengths of the phrases `word` opens that lead a figure further than [`NEAR`]: its `hedges`
/// ([`long_hedges`], matched a word to a token, `range::hedge_before`) and its spans from now.
fn long_phrase_lengths<'a>(word: &'a str, hedges: &'a [u32], rules: &'a Rules) -> impl Iterator<Item = usize> + 'a {
    let hedges = hedges.iter().map(|&i| rules.hedges[i as usize].words.len());
    hedges.chain(SPANS_FROM_NOW.iter().filter(move |span| span[0] == word).map(|span| span.len()))
}

/// Spans from now, whose date stands past them and the word joining them ("between now and
/// November 15th", "from now until May", `date::introducer`).
const SPANS_FROM_NOW: [&[&str]; 2] = [&["from", "now"], &["between", "now"]];

/// The places in `rules.hedges` of the hedges written before a number that `word` opens and that
/// lead further than [`NEAR`].
fn long_hedges<'r>(word: &'r str, rules: &'r Rules) -> impl Iterator<Item = u32> + 'r {
    let phrases = rules.hedges.iter().enumerate().filter(|(_, h)| h.position == HedgePosition::Before);
    let long =
        phrases.filter(move |(_, h)| h.words.len() + ARTICLE > NEAR && h.words.first().is_some_and(|w| w == word));
    // A place fits a `u32`: no rules file holds four billion hedges.
    long.map(|(i, _)| i as u32)
}

/// One word may stand between a leading word or its phrase and the word led: an article ("in the
/// 1990s", "more than a million"), or the word that joins a span from now to its date.
const ARTICLE: usize = 1;

/// How many tokens after a leading word the word it leads may stand without a phrase between
/// them: right after it, or past an article.
const NEAR: usize = 1 + ARTICLE;

/// Whether the leading word at token `k` opens a phrase that leads a word further than [`NEAR`]
/// ([`long_phrase_lengths`]): a hedge ("in excess of", "at least or equal to") or a span from now
/// ("between now and"). "In" leads a figure up to five tokens off, through "in the region of",
/// but news writes "in" before a figure three to five tokens off a thousand times a megabyte,
/// and "in the region of" almost never.
// Out of line and cold: inlined, its look-up's registers were saved and restored around the loop
// over every token, for the few tokens that ask it.
#[cold]
#[inline(never)]
fn opens_long_phrase(tokens: &[Token], facts: Option<&WordFacts>, rules: &Rules, k: usize) -> bool {
    // The word's own hedges, listed in its facts: no look-up by the word.
    let hedges = facts.map_or(&[][..], |f| &f.long_hedges[..]);
    hedges.iter().any(|&i| spelled_at(tokens, k, &rules.hedges[i as usize].words))
        || SPANS_FROM_NOW.iter().any(|span| spelled_at(tokens, k, span))
}

/// Whether the tokens from `k` on are `words`, one word a token.
fn spelled_at(tokens: &[Token], k: usize, words: &[impl AsRef<str>]) -> bool {
    tokens.get(k..k + words.len()).is_some_and(|run| run.iter().zip(words).all(|(t, w)| t.norm == w.as_ref()))
}

/// The starters of word `w` in `facts`, added with no other facts when new.
fn starts_of(facts: &mut HashMap<String, WordFacts>, w: String) -> &mut Starts {
    &mut facts.entry(w).or_default().starts
}

/// Words that open a claim only as the article, preposition or hedge of a figure or date word
/// a few tokens after them ("the 1990s", "in 3 weeks", "an hour", "at least or equal to 50").
/// They are the commonest words of news, and the matchers spent most of their refusals on them.
/// Space-separated; a word left off this list is only tried more often than it needs.
const LEADING_WORDS: &str = "the a an in on at for from by after before since until till through within between \
    over under more less about around nearly almost some up as not or ' ’ -";

/// The tokens some matcher can start a claim at, in order, with which ones can: all of them at
/// digits, else those its [`WordFacts`] list, and none at a leading word with nothing close after
/// it that a claim could be about. Also each token's facts (none for digits), looked up here once
/// for the subject reader too.
pub fn of_tokens<'r>(tokens: &[Token], rules: &'r Rules) -> (Vec<(usize, Starts)>, Vec<Option<&'r WordFacts>>) {
    of_tokens_lowered(tokens, "", 0, rules)
}

/// [`of_tokens`], with `lower`, the ASCII lower-case copy of the text from byte `from`
/// (`lexer::Lowered`), from which a short token's table key is read.
pub fn of_tokens_lowered<'r>(
    tokens: &[Token],
    lower: &str,
    from: usize,
    rules: &'r Rules,
) -> (Vec<(usize, Starts)>, Vec<Option<&'r WordFacts>>) {
    let mut facts = vec![None; tokens.len()];
    // Most tokens start nothing: listing the few that do spares the extractor a look at each of
    // the others. About one in eight starts something; room for one in four spares growing.
    let mut starting = Vec::with_capacity(tokens.len() / 4);
    // Read backwards, so that each leading word knows the nearest word after it that a claim
    // could be about (`usize::MAX` while there is none, which no token is near).
    let mut about = usize::MAX;
    for (k, (token, fact)) in tokens.iter().zip(&mut facts).enumerate().rev() {
        let s = if token.kind == TokenKind::Digits {
            Starts::ALL
        } else {
            let (facts, starts) = match key_at(token, lower.as_bytes(), from) {
                Some(key) => rules.word_starts_keyed(key),
                None => rules.word_starts(&token.norm),
            };
            *fact = facts;
            starts
        };
        // Not bounded by the sentence: a line break ends one, and the matchers read across it
        // ("not until\nMay 30, 2005"). Told in one branch: which words lead or can be led to
        // changes from token to token, and a branch on each was mispredicted for one in four.
        let leading = s.has(Starts::LEADING);
        let gap = about - k;
        let mut near = gap <= NEAR;
        // Further off only past a phrase the word opens, which is looked for in the few places
        // where one could be (a leading word with a figure three to six tokens after it).
        if leading & !near & (gap <= usize::from(s.reach)) {
            near = opens_long_phrase(tokens, *fact, rules, k);
        }
        if (!leading | near) & !s.none() {
            starting.push((k, s));
        }
        let led_to = !leading & (!s.none() | s.has(Starts::COUNTED));
        about = if led_to { k } else { about };
    }
    starting.reverse();
    (starting, facts)
}

/// The word-table key (`claim::short_key`) of the norm of `token`, a word or mark, read from
/// `lower`, the ASCII lower-case copy of the text from byte `from` (`claim::short_key_in`). `None`
/// when the norm is too long for a key, the text there is not ASCII (whose lower case the copy
/// does not hold), or the copy ends within eight bytes.
fn key_at(token: &Token, lower: &[u8], from: usize) -> Option<u64> {
    let key = short_key_in(lower, token.start - from, token.end - token.start)?;
    // The norm of a word or mark written in ASCII is its text in ASCII lower case (`lexer`). The
    // key's top byte is a length of at most seven, whose high bit is clear too.
    let key = (key & 0x8080_8080_8080_8080 == 0).then_some(key);
    debug_assert!(key.is_none() || key == short_key(&token.norm), "{:?}", token.norm);
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer;

    #[test]
    fn a_leading_word_reaches_past_an_article_or_the_longest_hedge_it_opens() {
        let rules = Rules::embedded().unwrap();
        let reach = |w: &str| {
            let starts = rules.word_starts(w).1;
            assert!(starts.has(Starts::LEADING), "{w} leads");
            starts.reach
        };
        // "on the 15th", "the following day".
        assert_eq!((reach("the"), reach("on"), reach("-")), (2, 2, 2));
        // "between now and November 15th".
        assert_eq!(reach("between"), 3);
        // "in the region of the", "a minimum of the", "at least or equal to the".
        assert_eq!((reach("in"), reach("a"), reach("at"), reach("more")), (5, 4, 6, 6));
        // A word that leads nothing has no reach.
        assert_eq!(rules.word_starts("march").1.reach, 0);
    }

    #[test]
    fn a_figure_further_than_an_article_is_led_only_through_a_phrase() {
        let rules = Rules::embedded().unwrap();
        let leads = |text: &str| {
            let tokens = lexer::tokenize(text, 0, text.len());
            of_tokens(&tokens, &rules).0.first().is_some_and(|&(k, _)| k == 0)
        };
        assert!(leads("in the 1990s"));
        assert!(leads("in excess of the tenth"));
        assert!(leads("between now and November 15th"));
        assert!(!leads("in the city, 50 people"));
        assert!(!leads("between them and 50 people"));
        assert!(!leads("the city's 50 people"));
    }

    #[test]
    fn keys_read_from_the_lower_case_copy_find_what_the_norms_find() {
        let rules = Rules::embedded().unwrap();
        let text = "Head\nThe U.S. Army's 2,500 SOLDIERS met Élodie in São Paulo, about 3 km away. “Kim” left; \
            a kilometre-long queue of 1,200 people waited for about an hour on Sept. 5 — or more";
        for from in [0, 5] {
            let copy = lexer::Lowered::new(text, from, text.len());
            let tokens = lexer::tokenize_lowered(&copy);
            let lower = copy.as_str();
            let words = || tokens.iter().filter(|t| t.kind != TokenKind::Digits);
            let keyed = words().filter(|t| key_at(t, lower.as_bytes(), from).is_some()).count();
            assert!(keyed > tokens.len() / 2, "most tokens are read by key: {keyed} of {}", tokens.len());
            for t in words() {
                let key = key_at(t, lower.as_bytes(), from);
                assert!(key.is_none() || key == short_key(&t.norm), "{:?}", t.norm);
            }
            let (plain, lowered) = (of_tokens(&tokens, &rules), of_tokens_lowered(&tokens, lower, from, &rules));
            assert_eq!(plain.0, lowered.0);
            let same =
                plain.1.iter().zip(&lowered.1).all(|(a, b)| a.map(|a| a as *const _) == b.map(|b| b as *const _));
            assert!(same, "the same facts for every token");
        }
    }
}
