//! A number's tokens in, the noun that says what it counts out: "soldiers" after "11,000",
//! "dead" before "rose to 24", a population after "home to".

use std::borrow::Cow;

use crate::extract::lexer::{Token, TokenKind};
use crate::extract::number::Facts;
use crate::extract::subject::{self, canonical_of};
use crate::rules::Rules;

/// The canonical term of the word at token `k` (`subject::canonical_word`), its facts taken from
/// the text's `facts` rather than looked up again for each reader that asks.
fn term_at<'a>(tokens: &'a [Token], rules: &'a Rules, facts: Facts<'_, 'a>, k: usize) -> Option<Cow<'a, str>> {
    canonical_of(&tokens[k].norm, facts.of(tokens, rules, k), rules)
}

/// The noun that says what is counted, from the words after the number: "soldiers" in "11,000
/// soldiers", "troops" in "10,000 North Korean troops", "dead" in "24 people were killed".
/// Returns its canonical term and the token after the noun phrase. With `look_back`, a number
/// with no noun after it takes the countable word before it ("the death toll rose to 24").
/// `facts` are the text's word facts.
pub(super) fn counted_noun<'a>(
    tokens: &'a [Token],
    rules: &'a Rules,
    facts: Facts<'_, 'a>,
    k: usize,
    look_back: bool,
) -> (Option<Cow<'a, str>>, usize) {
    let (head, end) = noun_of(tokens, rules, facts, k, look_back);
    // "Fired 11 shots", "fired a total of 11 rounds", "a revolver loaded with four bullets": shots
    // fired and rounds in a gun, whatever the noun, are no account of the bullets that hit ("seven
    // bullets hit", "shot seven times"). Read before the number only: "the seven bullets fired by
    // the officers" hit.
    let sentence = tokens.get(k.saturating_sub(1)).map_or(0, |t| t.sentence);
    // The words before the number's last token, nearest first; one whose facts mark no gun verb
    // is none, and is not looked up.
    let number = k.min(tokens.len()).saturating_sub(1);
    let fired = (number.saturating_sub(FIRING_REACH)..number)
        .rev()
        .take_while(|&j| tokens[j].sentence == sentence && !tokens[j].is_punct(",;:—–"))
        .filter(|&j| facts.may(tokens, j, |f| f.gun_verb))
        .find_map(|j| rules.gun_verbs.get(&*tokens[j].norm));
    (fired.map(|role| Cow::Borrowed(role.as_str())).or(head), end)
}

/// How many tokens before a number a verb of `gun_verbs` may stand: "fired a total of 11 shots".
const FIRING_REACH: usize = 4;

/// `counted_noun` as its words say it, before a verb of `gun_verbs` is weighed.
/// The noun is borrowed where its term is a word of the text or of the rules, so that the words
/// read on the way to it are not copied.
fn noun_of<'a>(
    tokens: &'a [Token],
    rules: &'a Rules,
    facts: Facts<'_, 'a>,
    k: usize,
    look_back: bool,
) -> (Option<Cow<'a, str>>, usize) {
    let sentence = tokens.get(k.saturating_sub(1)).map_or(0, |t| t.sentence);
    let mut j = k;
    if tokens.get(j).is_some_and(|t| t.is("of")) {
        j += 1;
    }
    let mut head: Option<Cow<'a, str>> = None;
    // Whether a term is a general noun ("people", `generic`). Asked only of the head the loop
    // ends with, not of each word on the way to it.
    let is_general = |term: &str| term == "people" || rules.generic.contains(term);
    // Whether `head` is a general noun, when the loop ends at its noun and has asked already.
    let mut general = None;
    let mut end = k;
    let mut taken = 0;
    while let Some(t) = tokens.get(j) {
        if t.sentence != sentence || taken >= 4 {
            break;
        }
        if t.kind == TokenKind::Punct {
            if t.is_dash()
                && !t.space_before
                && tokens.get(j + 1).is_some_and(|n| !n.space_before && n.kind == TokenKind::Word)
            {
                j += 1;
                continue;
            }
            break;
        }
        if t.kind != TokenKind::Word {
            break;
        }
        let Some(term) = term_at(tokens, rules, facts, j) else { break };
        taken += 1;
        j += 1;
        end = j;
        // The phrase ends at its noun: a countable word or a plural ("two countries", not
        // "two countries signed").
        let countable = rules.countable.contains(&*term);
        // Asked at most once: for a word not countable, or a countable one not general.
        let plural = || subject::singular(&t.norm) != t.norm;
        let ends = countable || plural();
        if ends {
            let general_term = is_general(&term);
            head = Some(term);
            // "two plainclothes officers": a word ending in s that names nothing counted gives
            // way to a counted word right after it. So does a counted word used as an adjective
            // ("23 arrested pirates", "two injured villagers"), as when the noun comes first
            // ("two villagers injured").
            // Not after a plural, which is the noun itself: "seven bullets fired by the
            // officers" counts bullets.
            let next = match (countable, general_term) {
                (true, false) if plural() => None,
                (true, false) => noun_after(tokens, rules, facts, j, sentence),
                (false, _) => countable_after(tokens, rules, facts, j, sentence),
                (true, true) => None,
            };
            general = Some(general_term);
            if let Some((next, after)) = next {
                general = Some(is_general(&next));
                head = Some(Cow::Owned(next));
                end = after;
            }
            break;
        }
        head = Some(term);
    }
    // Whether `head` is none or a general noun.
    let general = general.unwrap_or_else(|| head.as_deref().is_none_or(is_general));
    debug_assert_eq!(general, head.as_deref().is_none_or(is_general));
    // "24 people were killed": a general noun gives way to a countable word just after it. Its
    // clause's content words are read, not its tokens: auxiliaries and "others" itself say
    // nothing, so "dozens of others were seriously injured" counts the injured as surely as "24
    // people were killed" counts the dead.
    if general {
        let better = (end..tokens.len())
            .take(GENERAL_REACH)
            .take_while(|&j| tokens[j].sentence == sentence && tokens[j].kind == TokenKind::Word)
            .take_while(|&j| {
                !(facts.may(tokens, j, |f| f.joins_clause) && rules.clause_joins.contains(&*tokens[j].norm))
            })
            // A stop word, known by its facts, makes no term and is not read as one.
            .filter(|&j| !facts.known(tokens, j, |f| f.no_term))
            .filter_map(|j| term_at(tokens, rules, facts, j))
            .take(3)
            .find(|c| rules.countable.contains(&**c) && c != "people");
        if let Some(better) = better {
            return (Some(better), end);
        }
    }
    if (head.is_none() || general) && look_back {
        // "home to 167,000 people", "a city of 160,000": a phrase right before the number that
        // names what is counted says so before any word further back ("structures home to").
        // Most words open no phrase, as their facts say before any call.
        let phrase = (k.saturating_sub(1 + rules.alias_max_words)..k.saturating_sub(1))
            .filter(|&i| facts.may(tokens, i, |f| f.opens_alias))
            .filter_map(|i| subject::alias_phrase(tokens, rules, i, facts.of(tokens, rules, i)))
            .find(|&(c, after)| after + 1 == k && rules.countable.contains(c));
        if let Some((c, _)) = phrase {
            return (Some(Cow::Borrowed(c)), end);
        }
        if let Some(object) = estimated_object(tokens, rules, facts, k, sentence) {
            return (Some(Cow::Owned(object)), end);
        }
        // "killing one", "the death toll rose to 24", and the commonest phrasing of all, "the
        // quake killed 12 people": the countable word before the number, in its clause. Not
        // others named before people counted ("troops had identified the hundreds of
        // civilians"): a plural there names who acts on them, not what they are.
        let named = head.is_some();
        let number = k.min(tokens.len()).saturating_sub(1);
        let before = (number.saturating_sub(5)..number)
            .rev()
            .take_while(|&j| tokens[j].sentence == sentence && !tokens[j].is_punct(",;:"))
            .filter(|&j| tokens[j].kind == TokenKind::Word)
            .filter(|&j| !facts.known(tokens, j, |f| f.no_term))
            .filter(|&j| !(named && subject::singular(&tokens[j].norm) != tokens[j].norm))
            .filter_map(|j| term_at(tokens, rules, facts, j))
            .find(|c| rules.countable.contains(&**c) && c != "people");
        if before.is_some() || head.is_none() {
            return (before, end);
        }
    }
    (head, end)
}

/// Tokens back from a figure's "at" within which a verb of estimating is read.
const ESTIMATE_REACH: usize = 16;

/// The countable object of a verb of estimating whose "at" stands right before the number at token
/// `k`: "Police put the march, to mark a 24-hour nationwide strike, at roughly 30,000 people"
/// counts the marchers, "officials put the death toll at 24" the dead, however many words stand
/// between the object and the figure. The object is the first word or alias phrase after the verb.
fn estimated_object(tokens: &[Token], rules: &Rules, facts: Facts, k: usize, sentence: u32) -> Option<String> {
    let at = (k.saturating_sub(3)..k).rev().find(|&i| tokens[i].sentence == sentence && tokens[i].is("at"))?;
    let verb = (at.saturating_sub(ESTIMATE_REACH)..at)
        .rev()
        .take_while(|&i| tokens[i].sentence == sentence)
        .find(|&i| tokens[i].kind == TokenKind::Word && rules.estimates.contains(&*tokens[i].norm))?;
    let object = (verb + 1..at).find_map(|i| {
        subject::alias_phrase(tokens, rules, i, facts.of(tokens, rules, i))
            .map(|(c, _)| c.to_string())
            .or_else(|| term_at(tokens, rules, facts, i).map(Cow::into_owned))
    })?;
    rules.countable.contains(&object).then_some(object)
}

/// How many tokens after a general noun its countable word may stand: three content words and
/// the auxiliaries between them ("others were seriously injured").
const GENERAL_REACH: usize = 5;

/// The plural or countable noun right at token `j` ("pirates" of "23 arrested pirates"), in
/// `sentence`, with the token after it; not "people", which counts nothing of its own.
fn noun_after(tokens: &[Token], rules: &Rules, facts: Facts, j: usize, sentence: u32) -> Option<(String, usize)> {
    let t = tokens.get(j).filter(|t| t.sentence == sentence && t.kind == TokenKind::Word)?;
    let term = term_at(tokens, rules, facts, j).filter(|c| c != "people" && !rules.generic.contains(&**c))?;
    let noun = rules.countable.contains(&*term) || subject::singular(&t.norm) != t.norm;
    noun.then(|| (term.into_owned(), j + 1))
}

/// The countable word at token `j`, or after one content word at `j` ("plainclothes NYPD
/// officers", "plainclothes police officers"), in `sentence`, with the token after it.
fn countable_after(tokens: &[Token], rules: &Rules, facts: Facts, j: usize, sentence: u32) -> Option<(String, usize)> {
    let term = |k: usize| {
        tokens.get(k).filter(|t| t.sentence == sentence && t.kind == TokenKind::Word)?;
        term_at(tokens, rules, facts, k)
    };
    let countable =
        |k: usize| term(k).filter(|c| rules.countable.contains(&**c) && c != "people").map(|c| (c.into_owned(), k + 1));
    countable(j).or_else(|| term(j).and_then(|_| countable(j + 1)))
}
