//! Tokens in, one measured claim out: a number with its hedge ("around"), range ("25,000-30,000"),
//! currency ("$3bn"), unit ("10 km", "three-day", "15%") or counted noun ("11,000 soldiers"), and
//! quantities said without a number ("dozens of people").

use std::borrow::Cow;

use super::lexer::{sentence_span, Token, TokenKind};
use super::number::{self, Number};
pub use super::range::tidy;
use super::range::{apply_hedge, hedge_after, hedge_before, hedge_of, or_equal, other_bound, range_end, rank_range};
use crate::rules::schema::HedgeMode;
use age::age_at_death;
use bare::{vague, zero_count};
use code::not_a_quantity;
use counted::counted_noun;
use money::{currency_after, currency_before, minor_part};
use unit::{percent_of_before, second_part, unit_before, unit_of};

mod age;
mod bare;
mod code;
mod counted;
mod money;
mod unit;
use crate::claim::{Hedge, Interval, Kind, Rule};
use crate::rules::Rules;

/// A measured claim, before its subject is read. Its words are borrowed from the rules or the
/// text where they stand there (most do), as the claim only interns them: a copy of each, made
/// and freed for every claim, cost more than any other step of the claim after its noun.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure<'a> {
    /// First token (hedge, currency symbol or "between" included).
    pub start: usize,
    /// One past the last token (unit or counted noun included).
    pub end: usize,
    /// One past the number's own tokens: where scanning resumes when the claim is refused.
    pub kind: Kind,
    /// The value after hedges and units.
    pub value: Interval,
    /// The value as written, in the same units.
    pub nominal: Interval,
    /// The number(s) as written, before unit conversion and hedges.
    pub written: Interval,
    /// The unit's rule name as written ("km"), empty for none.
    pub written_unit: Cow<'a, str>,
    /// The hedge.
    pub hedge: Hedge,
    /// Canonical unit ("" for a bare count).
    pub unit: Cow<'a, str>,
    /// The counted noun's canonical term, for the subject.
    pub head: Option<Cow<'a, str>>,
    /// Which rule produced it.
    pub rule: Rule,
}

impl<'a> Measure<'a> {
    /// A count said without a number of its own ("dozens of people", "between the tenth and the
    /// fifteenth"), counting `noun`.
    fn count(
        span: std::ops::Range<usize>,
        value: Interval,
        hedge: Hedge,
        noun: Option<Cow<'a, str>>,
        rule: Rule,
    ) -> Self {
        Measure {
            start: span.start,
            end: span.end,
            kind: Kind::Count,
            value,
            nominal: value,
            written: value,
            written_unit: Cow::Borrowed(""),
            hedge,
            unit: noun.clone().unwrap_or_default(),
            head: noun,
            rule,
        }
    }
}

/// ".357 revolver", ".22 rifle": a decimal written without its zero right before a gun
/// (`numbers.calibre_nouns`) is the gun's calibre, as if "caliber" stood between them; the gun
/// is in its span, as a counted noun would be.
fn calibre_of_gun<'a>(tokens: &[Token], text: &str, rules: &'a Rules, n: &Number) -> Option<Measure<'a>> {
    let t = &tokens[n.start];
    if t.kind != TokenKind::Digits || n.end != n.start + 1 || !text[t.start..t.end].starts_with('.') {
        return None;
    }
    tokens
        .get(n.end)
        .filter(|w| w.kind == TokenKind::Word && w.space_before && rules.calibre_nouns.contains(&*w.norm))?;
    let u = rules.unit("calibre")?;
    let nominal = Interval::exact(n.value * u.factor + u.offset);
    Some(Measure {
        start: n.start,
        end: n.end + 1,
        kind: u.kind,
        value: nominal,
        nominal,
        written: Interval::exact(n.value),
        written_unit: Cow::Borrowed(&u.name),
        hedge: Hedge::Exact,
        unit: Cow::Borrowed(rules.base_unit(&u.dimension)),
        head: None,
        rule: Rule::Quantity,
    })
}

/// What a number at a position turned out to be.
pub enum Found<'a> {
    /// A claim.
    Claim(Measure<'a>),
    /// Not a claim (an identifier, an ordinal); skip these tokens.
    Skip(usize),
}

/// Reads the measured claim whose number (or vague phrase) starts at token `i`.
pub fn match_measure<'a>(tokens: &'a [Token], text: &'a str, rules: &'a Rules, i: usize) -> Option<Found<'a>> {
    match_measure_at(tokens, text, rules, &number::At::new(i))
}

/// [`match_measure`] at the token of `at`, whose number other matchers may have read already.
pub fn match_measure_at<'a>(
    tokens: &'a [Token],
    text: &'a str,
    rules: &'a Rules,
    at: &number::At<'_, 'a>,
) -> Option<Found<'a>> {
    let (i, facts) = (at.index(), at.facts());
    // The quantities said without a number of their own open with a word or a mark, never with
    // digits, where most measures start: those are not asked of them at all.
    // Each reader tells its own opening word first, inlined here: most words a measure is tried
    // at ("a", "in", "at", "two") open none of them.
    if tokens[i].kind != TokenKind::Digits {
        if let Some(found) = vague(tokens, rules, facts, i) {
            return Some(Found::Claim(found));
        }
        if let Some(found) = zero_count(tokens, rules, i) {
            return Some(Found::Claim(found));
        }
        if let Some((value, end)) = rank_range(tokens, rules, facts, i) {
            let rank = Some(Cow::Borrowed("rank"));
            return Some(Found::Claim(Measure::count(i..end, value, Hedge::Range, rank, Rule::Count)));
        }
    }
    let first = at.read(tokens, text, rules)?;
    if let Some(m) = calibre_of_gun(tokens, text, rules, &first) {
        return Some(Found::Claim(m));
    }
    if let Some(skip) = not_a_quantity(tokens, text, rules, &first) {
        return Some(Found::Skip(skip));
    }
    let mut start = i;
    // A currency symbol right before the number: "$3bn", "US$ 5", "€80 million".
    let mut code_scale = 1.0;
    let mut currency = currency_before(tokens, text, rules, facts, i).map(|c| {
        start = c.at;
        code_scale = c.scale;
        c.code
    });
    // "10 rmb 20 usd": a code between two numbers belongs to the first when the second has its own.
    let symbol_after_number = currency.is_some()
        && start < i
        && tokens[start].kind == TokenKind::Word
        && start.checked_sub(1).is_some_and(|p| tokens[p].kind == TokenKind::Digits);
    // "£3 bn", "$5 m": after a currency a scale suffix may stand apart, since money is never metres.
    let mut first = first;
    if currency.is_some() && first.suffix.is_none() && !first.scaled && !first.words {
        let spaced = tokens.get(first.end).filter(|t| t.kind == TokenKind::Word && t.space_before);
        if let Some(&f) =
            spaced.and_then(|t| rules.suffixes.get(&text[t.start..t.end]).or_else(|| rules.suffixes.get(&*t.norm)))
        {
            first.suffix = Some(f);
            first.suffix_token = first.end;
        }
    }
    // "between 20 and 30", "from 20 to 30".
    let opener =
        start.checked_sub(1).and_then(|k| tokens.get(k)).filter(|t| t.kind == TokenKind::Word).map(|t| &*t.norm);
    let mut k = first.end;
    let mut low = first;
    let mut high: Option<Number> = None;
    if let Some((second, after)) = range_end(tokens, text, rules, &first, opener) {
        high = Some(second);
        k = after;
        if opener.is_some_and(|o| o == "between" || o == "from") {
            start -= 1;
        }
    }
    // Scales and suffixes written only on the second number apply to both ("$2-3bn", "2 to 3 million").
    if let Some(h) = &high {
        if h.scale > 1.0 && low.scale == 1.0 && low.value * h.scale <= h.value {
            low.value *= h.scale;
            low.scale = h.scale;
        }
        if low.suffix.is_none() {
            low.suffix = h.suffix;
        }
    }
    let prefix_hedge = hedge_before(tokens, rules, facts, start);
    if let Some((_, at)) = &prefix_hedge {
        start = *at;
    }
    if let Some(((_, _), at)) = &prefix_hedge {
        // "<>30", "=>30": no hedge this reader knows, so no claim it could state.
        let symbol = tokens[*at].kind == TokenKind::Punct;
        if symbol && at.checked_sub(1).is_some_and(|p| tokens[p].is_punct("<>=") && !tokens[*at].space_before) {
            return Some(Found::Skip(first.end));
        }
    }
    let suffix_hedge = hedge_after(tokens, rules, facts, k);
    if let Some((_, after)) = &suffix_hedge {
        k = *after;
    }
    let mut hedge_rule = match (prefix_hedge.map(|(h, _)| h), suffix_hedge.map(|(h, _)| h)) {
        // "about 500 or more": the open side says more than the rounding.
        (Some((HedgeMode::Approx | HedgeMode::Nearly, _)), Some(s)) => Some(s),
        (p, s) => p.or(s),
    };
    // "more than 5000 or equal to": the strict side becomes inclusive.
    if let Some((mode @ (HedgeMode::MoreThan | HedgeMode::LessThan), r)) = hedge_rule {
        if let Some(after) = or_equal(tokens, rules, k) {
            let inclusive = if mode == HedgeMode::MoreThan { HedgeMode::AtLeast } else { HedgeMode::AtMost };
            hedge_rule = Some((inclusive, r));
            k = after;
        }
    }

    // What follows: a currency word, a percent sign, a unit, or a counted noun.
    let mut kind = Kind::Count;
    let mut unit = Cow::Borrowed("");
    let mut factor = 1.0;
    let mut offset = 0.0;
    let mut written_unit = Cow::Borrowed("");
    let mut head = None;
    let mut end = k;
    let mut rule = Rule::Count;
    let suffix = low.suffix.unwrap_or(1.0);
    // "30bn euros": the currency comes after the scale suffix.
    let after_suffix = if low.suffix.is_some() { k.max(low.suffix_token + 1) } else { k };
    if let Some(c) = currency_after(tokens, text, rules, facts, after_suffix, low.scaled || low.suffix.is_some()) {
        if currency.is_none() || symbol_after_number {
            if symbol_after_number {
                start = start.max(i);
            }
            currency = Some(c.code);
            code_scale = c.scale;
        }
        end = c.at;
    }
    if let Some(code) = currency {
        kind = Kind::Money;
        if low.suffix.is_some() {
            end = end.max(low.suffix_token + 1);
        }
        factor = suffix * code_scale;
        let plain = high.is_none() && !low.scaled && low.suffix.is_none() && code_scale == 1.0;
        // "75 USD million": the scale word after the code.
        if let Some(&s) = tokens.get(end).and_then(|t| rules.scales.get(&*t.norm)).filter(|&&s| plain && s >= 1000.0) {
            factor *= s;
            end += 1;
        } else if plain && hedge_rule.is_none() {
            // "3 dollars 50 cents", "15 dollars and 50".
            if let Some((add, after)) = minor_part(tokens, text, rules, code, end) {
                low.value += add;
                end = after;
            }
        }
        written_unit = Cow::Borrowed(code);
        unit = Cow::Borrowed(code);
        rule = Rule::Money;
    } else if let Some((u, after, scaled)) = unit_of(tokens, text, rules, facts, &low, k, high.is_some()) {
        if scaled {
            low.value *= suffix;
            low.suffix = None;
        }
        // A cue is looked for among its sentence's tokens only, found by halving: a walk over the
        // whole text for each cue cost more than the rest of the claim.
        let sentence = tokens[i].sentence;
        let in_sentence = |cue: &str| {
            let found = tokens[sentence_span(tokens, sentence)].iter().any(|t| t.norm == cue);
            debug_assert_eq!(found, tokens.iter().any(|t| t.sentence == sentence && t.norm == cue));
            found
        };
        let u = rules.sense(u, in_sentence);
        kind = u.kind;
        written_unit = Cow::Borrowed(&u.name);
        unit = Cow::Borrowed(rules.base_unit(&u.dimension));
        factor = u.factor;
        offset = u.offset;
        end = after;
        if kind == Kind::Quantity && high.is_none() && hedge_rule.is_none() {
            // "5 feet 2 inches": the smaller part adds to the written number.
            if let Some((add, after)) = second_part(tokens, text, rules, u, end) {
                low.value += add;
                end = after;
            }
        }
        if kind == Kind::Duration {
            // "a three-day visit": what lasted is the subject's head.
            if let (Some(noun), after_noun) = counted_noun(tokens, rules, facts, after, false) {
                head = Some(noun);
                end = after_noun;
            }
        }
        rule = match u.kind {
            Kind::Percent => Rule::Percent,
            Kind::Duration => Rule::Duration,
            _ => Rule::Quantity,
        };
    } else if let Some((u, at)) = percent_of_before(tokens, text, rules, start, k) {
        kind = u.kind;
        written_unit = Cow::Borrowed(&u.name);
        unit = Cow::Borrowed(rules.base_unit(&u.dimension));
        start = at;
        rule = Rule::Percent;
    } else if let Some((u, at)) = unit_before(tokens, rules, facts, start) {
        kind = u.kind;
        written_unit = Cow::Borrowed(&u.name);
        unit = Cow::Borrowed(rules.base_unit(&u.dimension));
        factor = u.factor;
        offset = u.offset;
        start = at;
        // "at least magnitude 5.9": the hedge stands before the unit.
        if let Some((h, from)) = hedge_before(tokens, rules, facts, start).filter(|_| hedge_rule.is_none()) {
            hedge_rule = Some(h);
            start = from;
        }
        rule = Rule::Quantity;
    } else if let Some(u) = age_at_death(tokens, text, rules, facts, start, k, high.is_none().then_some(&low)) {
        kind = u.kind;
        written_unit = Cow::Borrowed(&u.name);
        unit = Cow::Borrowed(rules.base_unit(&u.dimension));
        rule = Rule::Quantity;
    } else {
        if let Some(f) = low.suffix {
            // "10k", "1.2b", "10M": the suffix scales a plain count ("5m" was read as metres above).
            low.value *= f;
            low.suffix = None;
            if let Some(h) = high.as_mut() {
                h.value *= h.suffix.unwrap_or(f);
            }
            k = k.max(low.suffix_token + 1);
            end = k;
        }
        let (noun, after) = counted_noun(tokens, rules, facts, k, true);
        if let Some(noun) = noun {
            unit = noun.clone();
            head = Some(noun);
            end = after;
        }
    }
    let scale = |n: &Number| n.value * factor + offset;
    let nominal = match &high {
        Some(h) => Interval::between(scale(&low), scale(h)),
        None => Interval::exact(scale(&low)),
    };
    let as_written = |n: &Number| n.value * if kind == Kind::Money { factor } else { 1.0 };
    let written = match &high {
        Some(h) => Interval::between(as_written(&low), as_written(h)),
        None => Interval::exact(as_written(&low)),
    };
    if !nominal.low().is_some_and(f64::is_finite) || !nominal.high().is_some_and(f64::is_finite) {
        return Some(Found::Skip(end.max(i + 1)));
    }
    let whole = kind == Kind::Count;
    let (mut value, mut hedge) = match hedge_rule {
        Some(h) => (apply_hedge(nominal, h.0, h.1, whole), hedge_of(h.0)),
        None if high.is_some() => (nominal, Hedge::Range),
        None => (nominal, Hedge::Exact),
    };
    if kind == Kind::Count && (value.low().is_none() != value.high().is_none()) {
        // "more than 20 and less than 30", "at most 100 and at least 20": one interval.
        if let Some((other, after)) = other_bound(tokens, text, rules, end.max(first.end), whole) {
            let (low, high) = (value.low().or(other.low()), value.high().or(other.high()));
            if let (Some(l), Some(h)) = (low, high) {
                if l <= h {
                    value = Interval::new(low, high);
                    hedge = Hedge::Range;
                    end = after;
                }
            }
        }
    }
    Some(Found::Claim(Measure {
        start,
        end: end.max(first.end),
        kind,
        value,
        nominal,
        written,
        written_unit,
        hedge,
        unit,
        head,
        rule,
    }))
}

pub(super) fn join<'t>(window: &'t [Token], text_of: impl Fn(&'t Token) -> &'t str) -> String {
    // Sized for the words and a space before each, which spares the growing (a phrase of several
    // words grew two or three times).
    let mut out = String::with_capacity(window.iter().map(|t| text_of(t).len() + 1).sum());
    for (n, t) in window.iter().enumerate() {
        if n > 0 && t.space_before {
            out.push(' ');
        }
        out.push_str(text_of(t));
    }
    out
}

#[cfg(test)]
mod tests;
