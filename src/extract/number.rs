//! Tokens in, one number out: digits ("11,000", "1.2 million", "3bn") or words ("twenty-five",
//! "a dozen", "one hundred and twenty"), with the tokens it spans.

use std::cell::{Cell, OnceCell};

use super::lexer::{Token, TokenKind};
use super::starters::Starts;
use crate::rules::{Rules, WordFacts};

mod digits;
mod fraction;
mod words;

use digits::{continental, digit_fraction, digit_fraction_at, power};
use words::{accumulate, read_words};

/// A number read from tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    /// The value, scales applied.
    pub value: f64,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Spelled in words ("three") rather than digits.
    pub words: bool,
    /// A scale suffix written against the digits ("bn" in "3bn"), not yet applied: whether it
    /// applies depends on what follows (money, a unit), so the caller decides.
    pub suffix: Option<f64>,
    /// Token index of the suffix, when there is one.
    pub suffix_token: usize,
    /// A scale word was applied ("1.2 million").
    pub scaled: bool,
    /// The product of the scale words applied (1 when none).
    pub scale: f64,
}

impl Number {
    /// The value before scale words ("1.2" of "1.2 million").
    pub fn raw(&self) -> f64 {
        self.value / self.scale
    }
}

/// Reads the number starting at token `i`, if one starts there: an optional sign ("-5", "minus
/// five"), then digits or words, and a fraction or ratio after them ("1/2", "one out of three").
pub fn read(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<Number> {
    read_with(tokens, text, rules, Facts::default(), i)
}

/// [`read`] in a text whose tokens' word `facts` are known.
fn read_with(tokens: &[Token], text: &str, rules: &Rules, facts: Facts, i: usize) -> Option<Number> {
    let token = tokens.get(i)?;
    if let Some(at) = sign_at(tokens, rules, facts, i) {
        let mut n = read_unsigned(tokens, text, rules, facts, at)?;
        n.value = -n.value;
        n.start = i;
        return Some(n);
    }
    match token.kind {
        TokenKind::Punct if vulgar_fraction(&token.norm).is_none() => None,
        _ => read_unsigned(tokens, text, rules, facts, i),
    }
}

/// The word facts of a text's tokens (`starters::of_tokens`), when the caller has them. A reader
/// asks its tables of a word only where the facts say the word may stand in them: most words
/// after a number stand in none, and each table asked hashes the word again. Without them
/// (`Facts::default()`), every word may stand in every table.
#[derive(Clone, Copy, Default)]
pub struct Facts<'f, 'r>(Option<&'f [Option<&'r WordFacts>]>);

impl<'f, 'r> Facts<'f, 'r> {
    /// The facts `facts` of a text's tokens, by token.
    pub fn of_text(facts: &'f [Option<&'r WordFacts>]) -> Facts<'f, 'r> {
        Facts(Some(facts))
    }

    /// The facts of the word or mark at token `k`: the given ones, else looked up.
    pub fn of<'a>(self, tokens: &[Token], rules: &'a Rules, k: usize) -> Option<&'a WordFacts>
    where
        'r: 'a,
    {
        let t = &tokens[k];
        match self.0 {
            // Digits are given no facts (`starters::of_tokens`), so theirs are looked up.
            Some(facts) if t.kind != TokenKind::Digits => facts[k],
            _ => rules.word(&t.norm),
        }
    }

    /// False when the word or mark at token `k` is known to be no unit spelling, scale or
    /// fraction (its facts do not mark it `counted`, `starters::mark`); true when it may be one,
    /// is digits, or its facts are not given.
    pub fn may_count(self, tokens: &[Token], k: usize) -> bool {
        self.may(tokens, k, |f| f.starts.has(Starts::COUNTED))
    }

    /// False when the word or mark at token `k` is known to begin no unit's spelling but one
    /// glued on past it ("km/h"): it is no unit spelling itself (its facts do not mark it
    /// `counted`) nor the first word of one in several words (`WordFacts::opens_unit_phrase`).
    /// True when it may, is digits, or its facts are not given.
    pub fn may_open_spaced_unit(self, tokens: &[Token], k: usize) -> bool {
        self.may(tokens, k, |f| f.starts.has(Starts::COUNTED) || f.opens_unit_phrase)
    }

    /// False when the word or mark at token `k` is known to lack the fact `fact` (its facts are
    /// given, and have it not); true when it may have it, is digits, or its facts are not given.
    pub fn may(self, tokens: &[Token], k: usize, fact: impl Fn(&WordFacts) -> bool) -> bool {
        match (self.0, tokens.get(k)) {
            (Some(facts), Some(t)) if t.kind != TokenKind::Digits => facts[k].is_some_and(fact),
            _ => true,
        }
    }

    /// True when the word or mark at token `k` is known to have the fact `fact` (its facts are
    /// given, and have it); false when it is digits, or its facts are not given.
    pub fn known(self, tokens: &[Token], k: usize, fact: impl Fn(&WordFacts) -> bool) -> bool {
        match (self.0, tokens.get(k)) {
            (Some(facts), Some(t)) if t.kind != TokenKind::Digits => facts[k].is_some_and(fact),
            _ => false,
        }
    }

    /// False when the word at token `k` is known to stand in no table of numbers in words (see
    /// `WordFacts::in_numbers`); true when it may, is digits, or its facts are not given.
    pub fn may_be_in_numbers(self, tokens: &[Token], k: usize) -> bool {
        self.may(tokens, k, |f| f.in_numbers)
    }

    /// True when the token at `k` is a number word ("twelve", `Rules::number_words`): a word's
    /// facts, when given, say so without a lookup (`WordFacts::number_word`); digits and words
    /// without them are looked up.
    pub fn number_word(self, tokens: &[Token], rules: &Rules, k: usize) -> bool {
        match (self.0, tokens.get(k)) {
            (Some(facts), Some(t)) if t.kind != TokenKind::Digits => facts[k].is_some_and(|f| f.number_word),
            (_, Some(t)) => rules.number_words.contains_key(&*t.norm),
            (_, None) => false,
        }
    }

    /// False when the word or mark at token `k` is known to open no number: every opener [`read`]
    /// knows (the number words, [`WORD_OPENERS`], negatives, a minus sign and vulgar fractions)
    /// starts both a measure and a length of time (`starters::mark` lists each for both), so a
    /// word its facts do not list for both opens none. True for digits, or when the facts are not
    /// given.
    pub fn may_open_number(self, tokens: &[Token], k: usize) -> bool {
        self.may(tokens, k, |f| f.starts.has(Starts::MEASURE) && f.starts.has(Starts::DURATION))
    }
}

/// The number starting at one token, read once however many readers ask: the matchers tried at a
/// token (a length of time, a counted weekday, a measure) each begin by reading its number, which
/// for a number in words is most of their work. It holds the text's word [`Facts`] for them too.
pub struct At<'f, 'r> {
    i: usize,
    number: OnceCell<Option<Number>>,
    facts: Facts<'f, 'r>,
    /// The last number read in the text, when the extractor keeps one (see [`LastRead`]).
    last: Option<&'f LastRead>,
}

/// The last number read in a text and the token it starts at, shared by the [`At`]s of one pass
/// over it. A reader that reads ahead (a date tried at "in" or "over" reads a length of time at
/// the token after: "in 3 weeks", "over 2 weeks ago") reads the number at a token the extractor
/// tries next, which then needs no second reading: "in" and "over" before numbers are common,
/// and reading one is most of a matcher's work.
pub struct LastRead {
    /// The token the number starts at (none past the text, when none was read yet).
    at: Cell<usize>,
    number: Cell<Option<Number>>,
}

impl Default for LastRead {
    fn default() -> LastRead {
        LastRead { at: Cell::new(usize::MAX), number: Cell::new(None) }
    }
}

impl<'f, 'r> At<'f, 'r> {
    /// The number at token `i`, not read yet; its readers look words' facts up themselves.
    pub fn new(i: usize) -> At<'f, 'r> {
        At { i, number: OnceCell::new(), facts: Facts::default(), last: None }
    }

    /// The number at token `i`, not read yet, in a text whose tokens have the word facts `facts`,
    /// and whose last number read is kept in `last`.
    pub fn in_text(i: usize, facts: &'f [Option<&'r WordFacts>], last: &'f LastRead) -> At<'f, 'r> {
        At { i, number: OnceCell::new(), facts: Facts::of_text(facts), last: Some(last) }
    }

    /// The number at token `k` of the same text, not read yet.
    pub fn beside(&self, k: usize) -> At<'f, 'r> {
        At { i: k, number: OnceCell::new(), facts: self.facts, last: self.last }
    }

    /// The token the number starts at.
    pub fn index(&self) -> usize {
        self.i
    }

    /// The text's word facts.
    pub fn facts(&self) -> Facts<'f, 'r> {
        self.facts
    }

    /// The number (see [`read`]), read on the first call.
    pub fn read(&self, tokens: &[Token], text: &str, rules: &Rules) -> Option<Number> {
        *self.number.get_or_init(|| {
            // Most words a matcher starts at open no number; their facts say so without the
            // readers' lookups. Debug builds hold the facts to it.
            let opens = self.facts.may_open_number(tokens, self.i);
            debug_assert!(opens || read(tokens, text, rules, self.i).is_none(), "a number opens at token {}", self.i);
            if !opens {
                return None;
            }
            // Read ahead here already, or read now and kept for the next to come. A word that
            // opens none is not kept, as it would put out the number read ahead of it.
            let Some(last) = self.last else {
                return read_with(tokens, text, rules, self.facts, self.i);
            };
            if last.at.get() == self.i {
                debug_assert!(last.number.get() == read_with(tokens, text, rules, self.facts, self.i));
                return last.number.get();
            }
            let number = read_with(tokens, text, rules, self.facts, self.i);
            last.at.set(self.i);
            last.number.set(number);
            number
        })
    }
}

/// Where the number starts when token `i` is a minus sign: a dash glued to digits and not to a
/// number before it ("-5", not the "-" of "7-5"), or "minus"/"negative" before a number.
/// `facts` are the text's word facts.
fn sign_at(tokens: &[Token], rules: &Rules, facts: Facts, i: usize) -> Option<usize> {
    let t = &tokens[i];
    let next = tokens.get(i + 1)?;
    if t.is_punct("-−") {
        // Only a hyphen-minus standing free: "bailout--22" and "Calif.—2/29" are dashes.
        let free = i == 0 || t.space_before || tokens[i - 1].is_punct("(<>=[~≈");
        return (free && !next.space_before && next.kind == TokenKind::Digits).then_some(i + 1);
    }
    // Asked of nearly every word a matcher reads: the word after it is asked first, as its facts
    // say without a lookup whether it can be a number word (most are not), then the rare negative.
    let starts_number = || next.kind == TokenKind::Digits || facts.number_word(tokens, rules, i + 1);
    (t.kind == TokenKind::Word && starts_number() && rules.negatives.contains(&*t.norm)).then_some(i + 1)
}

fn vulgar_fraction(mark: &str) -> Option<f64> {
    Some(match mark {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// Words besides the number words that open a number in words: articles and shares ("a dozen",
/// "half a million", "a quarter of").
pub(super) const WORD_OPENERS: [&str; 4] = ["a", "an", "half", "quarter"];

fn read_unsigned(tokens: &[Token], text: &str, rules: &Rules, facts: Facts, i: usize) -> Option<Number> {
    let token = tokens.get(i)?;
    let mut n = match token.kind {
        TokenKind::Digits if model_number(tokens, text, rules, i) => return None,
        TokenKind::Digits => read_digits(tokens, text, rules, facts, i)?,
        // Most words open no number: one lookup turns them away before the readers' many, and
        // none for a word its facts say is no number word ("a", "an").
        TokenKind::Word if !(facts.number_word(tokens, rules, i) || WORD_OPENERS.contains(&&*token.norm)) => {
            return None
        }
        TokenKind::Word => read_words(tokens, rules, facts, i)?,
        TokenKind::Punct => {
            let value = vulgar_fraction(&token.norm)?;
            Number {
                value,
                start: i,
                end: i + 1,
                words: false,
                suffix: None,
                suffix_token: 0,
                scaled: false,
                scale: 1.0,
            }
        }
    };
    if n.suffix.is_none() {
        ratio(tokens, text, rules, facts, &mut n);
    }
    Some(n)
}

/// Whether whole digits after a capitalised code of one to three letters and a count name a model
/// ("12 AK 47 guns", "two F 16 jets"): the count counts the things, the digits only name them. The
/// count before the code is asked, so that "the UN 3" or a "GMT 10" clock stay numbers.
fn model_number(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> bool {
    let (Some(code), Some(count)) =
        (i.checked_sub(1).and_then(|k| tokens.get(k)), i.checked_sub(2).and_then(|k| tokens.get(k)))
    else {
        return false;
    };
    let written = &text[code.start..code.end];
    let digits = &text[tokens[i].start..tokens[i].end];
    code.kind == TokenKind::Word
        && tokens[i].space_before
        && (1..=3).contains(&written.len())
        && written.chars().all(|c| c.is_ascii_uppercase())
        && !rules.currency_codes.contains_key(written)
        && rules.unit(&code.norm).is_none()
        && digits.chars().all(|c| c.is_ascii_digit())
        && !tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Punct && !t.space_before && t.norm == ":")
        && (count.kind == TokenKind::Digits
            || (count.kind == TokenKind::Word && read_words(tokens, rules, Facts::default(), i - 2).is_some()))
}

/// "one out of three", "1 in 5", "one over 20": a share, read as the fraction it is.
fn ratio(tokens: &[Token], text: &str, rules: &Rules, facts: Facts, n: &mut Number) {
    let Some(joint) = tokens.get(n.end) else { return };
    let (skip, ok) = match &*joint.norm {
        "out" if tokens.get(n.end + 1).is_some_and(|t| t.is("of")) => (2, true),
        "in" => (1, n.value <= 10.0),
        // "over 20" after a number is mostly a hedge of its own; only "one over" is a ratio.
        "over" => (1, n.value == 1.0),
        _ => (0, false),
    };
    if !ok || n.scaled || n.value.fract() != 0.0 || n.value <= 0.0 {
        return;
    }
    let at = n.end + skip;
    if tokens.get(at).is_none_or(|t| t.sentence != joint.sentence) {
        return;
    }
    let Some(den) = read_unsigned(tokens, text, rules, facts, at) else { return };
    // "3 in 2008" is a year, not a share.
    let year = den.end == at + 1 && (1000.0..=2100.0).contains(&den.value) && !den.words;
    // "5 in 12 hours" is a count and a duration.
    let measured = tokens.get(den.end).is_some_and(|t| {
        t.sentence == joint.sentence && (rules.unit(&t.norm).is_some() || rules.currency_words.contains_key(&*t.norm))
    });
    if den.value > n.value && den.suffix.is_none() && !year && !measured {
        n.value /= den.value;
        n.end = den.end;
    }
}

fn read_digits(tokens: &[Token], text: &str, rules: &Rules, facts: Facts, i: usize) -> Option<Number> {
    let (mut value, mut end) = continental(tokens, text, i).or_else(|| Some((tokens[i].number()?, i + 1)))?;
    // "1.3e6", "12.32e+14", "1.1^23", "1.3x10^6".
    if let Some((v, after)) = power(tokens, end, value) {
        value = v;
        end = after;
    }
    // "3/4", and the "1/2" of "10 1/2".
    if let Some((f, after)) = digit_fraction(tokens, end) {
        value = f;
        end = after;
    } else if let Some((f, after)) = tokens
        .get(end)
        .filter(|t| t.space_before)
        .and_then(|_| digit_fraction_at(tokens, end))
        .filter(|(f, _)| *f < 1.0)
    {
        if value.fract() == 0.0 {
            value += f;
            end = after;
        }
    }
    let mut suffix = None;
    let mut suffix_token = 0;
    if let Some(next) = tokens.get(end).filter(|t| t.kind == TokenKind::Word && t.sentence == tokens[i].sentence) {
        let raw = &text[next.start..next.end];
        // As written ("M"), then in lower case when that differs (most words are written so). A
        // word longer than every suffix in both spellings (most words after a number) is none.
        let folded = || (raw != next.norm).then(|| rules.suffixes.get(&*next.norm)).flatten();
        let short = raw.len().min(next.norm.len()) <= rules.longest_suffix();
        debug_assert!(short || (!rules.suffixes.contains_key(raw) && folded().is_none()));
        if let Some(&f) = short.then(|| rules.suffixes.get(raw).or_else(folded)).flatten() {
            // Whether the number has a decimal point is asked only of a suffix standing apart.
            let decimal = || text[tokens[i].start..tokens[end - 1].end].contains('.');
            if !next.space_before || spaced_suffix(tokens, rules, raw, f, end, decimal()) {
                suffix = Some(f);
                suffix_token = end;
            }
        }
    }
    // A number with a scale suffix ends at it. Else words may go on with it ("1.2 million", "2
    // hundred thousand", "4 thousand 3 hundred and 21", "3 dozen"), but only a word `accumulate`
    // takes on (`words::may_go_on`) or a dash: most numbers are followed by none of these, as the
    // facts of the word after say, and end with their digits.
    let goes_on = || {
        tokens.get(end).is_some_and(|t| match t.kind {
            TokenKind::Word => words::may_go_on(tokens, facts, end),
            TokenKind::Punct => t.is_dash(),
            TokenKind::Digits => false,
        })
    };
    if suffix.is_some() || !goes_on() {
        debug_assert!(
            suffix.is_some()
                || accumulate(tokens, rules, facts, i, end, 0.0, value).map(|n| (n.value, n.end, n.scaled))
                    == Some((value, end, false))
        );
        return Some(Number { value, start: i, end, words: false, suffix, suffix_token, scaled: false, scale: 1.0 });
    }
    let mut n = accumulate(tokens, rules, facts, i, end, 0.0, value)?;
    n.words = false;
    Some(n)
}

/// Whether the scale suffix `raw` (worth `scale`) at token `k`, standing apart from its number, is
/// one: "7.9 bn people", since "bn" is no unit, but no trillions ("5 tn of rice" is tonnes; sums in
/// trillions are money, read with their currency); a single letter only after a decimal and ending
/// the phrase ("2.33 k", "1,674,200.5 M"), since "5 m" is five metres and "5 M people" a code.
fn spaced_suffix(tokens: &[Token], rules: &Rules, raw: &str, scale: f64, k: usize, decimal: bool) -> bool {
    if raw.chars().count() > 1 {
        return rules.unit(raw).is_none() && scale <= 1e9;
    }
    let ends = tokens.get(k + 1).is_none_or(|t| t.kind == TokenKind::Punct || t.sentence != tokens[k].sentence);
    decimal && ends && rules.unit(raw).is_none()
}

#[cfg(test)]
mod tests;
