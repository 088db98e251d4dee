//! Rules in, the first tokens a claim can have out: digits, and the words and marks that the
//! matchers accept at the token they are tried on. The extractor tries its matchers only there:
//! tried on every token, they spent most of extraction refusing ordinary words.
//!
//! The set is the union of the rules' word tables and the words the matchers name in code
//! (`NAMED`). A matcher taught a new first word in code needs it added to `NAMED`; debug builds
//! check every other token against all matchers (see `extract`), so a missing word fails the tests
//! that use it rather than silently dropping claims.

use rustc_hash::FxHashSet as HashSet;

use super::lexer::{Token, TokenKind};
use crate::rules::schema::HedgePosition;
use crate::rules::Rules;

/// First words and marks of claims that the matchers compare with in code, not through a table,
/// separated by spaces: introducers of dates and periods ("on the 15th", "since", "the week of",
/// "Q3"), relative dates ("today", "next"), articles and shares that open a number or a length of
/// time ("a dozen", "another week", "half an hour"), a minus sign, a decade's apostrophe ("'40s")
/// and vulgar fractions.
const NAMED: [&str; 5] = [
    "on in at the from between since after by before until till through within earlier later rest weekend week \
     month w q h",
    "today tonight yesterday tomorrow tmrw last past previous this current next coming upcoming nineteen twenty",
    "a an another half quarter",
    "- − ' ’",
    "½ ⅓ ⅔ ¼ ¾ ⅕ ⅖ ⅗ ⅘ ⅙ ⅚ ⅛ ⅜ ⅝ ⅞",
];

/// The words and marks, besides digits, that a claim can start with under `rules`.
pub fn of(rules: &Rules) -> HashSet<String> {
    let mut words: HashSet<String> =
        NAMED.iter().flat_map(|line| line.split_whitespace()).map(str::to_string).collect();
    let tables = [
        rules.months.keys().collect::<Vec<_>>(),
        rules.weekdays.keys().collect(),
        rules.seasons.keys().collect(),
        rules.parts.keys().collect(),
        rules.decades.keys().collect(),
        rules.vague_counts.keys().collect(),
        rules.number_words.keys().collect(),
        rules.scales.keys().collect(),
        rules.ordinals.keys().collect(),
        rules.fractions.keys().collect(),
        rules.negatives.iter().collect(),
        rules.whole.iter().collect(),
    ];
    words.extend(tables.into_iter().flatten().cloned());
    // A hedge before a number or a time ("around 9:30 a.m."), and a vague quantity ("dozens",
    // "triple-digit", whose hyphen the lexer splits off).
    let hedges = rules.hedges.iter().filter(|h| h.position == HedgePosition::Before).filter_map(|h| h.words.first());
    words.extend(hedges.cloned());
    let vague = rules.vague.iter().filter_map(|v| v.words.first()).filter_map(|w| w.split('-').next());
    words.extend(vague.map(str::to_string));
    words
}

/// True when a claim may start at `token`: it is digits, or a word or mark in `rules.starters`.
pub fn may_start(token: &Token, rules: &Rules) -> bool {
    token.kind == TokenKind::Digits || rules.starters.contains(token.norm.as_str())
}
