//! Tokens in, one measured claim out: a number with its hedge ("around"), range ("25,000-30,000"),
//! currency ("$3bn"), unit ("10 km", "three-day", "15%") or counted noun ("11,000 soldiers"), and
//! quantities said without a number ("dozens of people").

use super::lexer::{Token, TokenKind};
use super::number::{self, Number};
use super::subject::canonical_word;
use crate::claim::{Hedge, Interval, Kind};
use crate::rules::schema::{HedgeMode, HedgePosition};
use crate::rules::Rules;

/// A measured claim, before its subject is read.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
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
    pub written_unit: String,
    /// The hedge.
    pub hedge: Hedge,
    /// Canonical unit ("" for a bare count).
    pub unit: String,
    /// The counted noun's canonical term, for the subject.
    pub head: Option<String>,
    /// Which rule produced it.
    pub rule: &'static str,
}

/// What a number at a position turned out to be.
pub enum Found {
    /// A claim.
    Claim(Measure),
    /// Not a claim (an identifier, an ordinal); skip these tokens.
    Skip(usize),
}

/// Reads the measured claim whose number (or vague phrase) starts at token `i`.
pub fn match_measure(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<Found> {
    if let Some(found) = vague(tokens, rules, i) {
        return Some(Found::Claim(found));
    }
    let first = number::read(tokens, text, rules, i)?;
    if let Some(skip) = not_a_quantity(tokens, text, rules, &first) {
        return Some(Found::Skip(skip));
    }
    let mut start = i;
    // A currency symbol right before the number: "$3bn", "US$ 5", "€80 million".
    let mut currency = currency_before(tokens, text, rules, i).map(|(code, at)| {
        start = at;
        code
    });
    // "between 20 and 30", "from 20 to 30".
    let opener =
        start.checked_sub(1).and_then(|k| tokens.get(k)).filter(|t| t.kind == TokenKind::Word).map(|t| t.norm.clone());
    let mut k = first.end;
    let mut low = first;
    let mut high: Option<Number> = None;
    if let Some((second, after)) = range_end(tokens, text, rules, &first, opener.as_deref()) {
        high = Some(second);
        k = after;
        if opener.as_deref().is_some_and(|o| o == "between" || o == "from") {
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
    let prefix_hedge = hedge_before(tokens, rules, start);
    if let Some((_, at)) = &prefix_hedge {
        start = *at;
        if currency.is_none() {
            if let Some((code, _)) = currency_before(tokens, text, rules, i) {
                currency = Some(code);
            }
        }
    }
    let suffix_hedge = hedge_after(tokens, rules, k);
    if let Some((_, after)) = &suffix_hedge {
        k = *after;
    }
    let hedge_rule = prefix_hedge.map(|(h, _)| h).or(suffix_hedge.map(|(h, _)| h));

    // What follows: a currency word, a percent sign, a unit, or a counted noun.
    let mut kind = Kind::Count;
    let mut unit = String::new();
    let mut factor = 1.0;
    let mut offset = 0.0;
    let mut written_unit = String::new();
    let mut head = None;
    let mut end = k;
    let mut rule = "count";
    let suffix = low.suffix.unwrap_or(1.0);
    if let Some((code, after)) = currency_after(tokens, rules, k) {
        currency = currency.or(Some(code));
        end = after;
    }
    if let Some(code) = currency {
        kind = Kind::Money;
        written_unit.clone_from(&code);
        unit = code;
        factor = suffix;
        rule = "money";
    } else if let Some((u, after)) = unit_after(tokens, text, rules, k, low.suffix_token) {
        kind = u.kind;
        written_unit.clone_from(&u.name);
        unit = rules.base_unit(&u.dimension).to_string();
        factor = u.factor;
        offset = u.offset;
        end = after;
        if kind == Kind::Duration {
            // "a three-day visit": what lasted is the subject's head.
            if let (Some(noun), after_noun) = counted_noun(tokens, rules, after, false) {
                head = Some(noun);
                end = after_noun;
            }
        }
        rule = match u.kind {
            Kind::Percent => "percent",
            Kind::Duration => "duration",
            _ => "quantity",
        };
    } else if let Some(u) = unit_before(tokens, rules, start) {
        kind = u.kind;
        written_unit.clone_from(&u.name);
        unit = rules.base_unit(&u.dimension).to_string();
        factor = u.factor;
        offset = u.offset;
        start -= 1;
        rule = "quantity";
    } else {
        if low.suffix.is_some() {
            // "5m" with no currency is ambiguous (metres? million?): not read as a claim.
            return Some(Found::Skip(low.suffix_token + 1));
        }
        let (noun, after) = counted_noun(tokens, rules, k, true);
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
    if !nominal.low.is_some_and(f64::is_finite) || !nominal.high.is_some_and(f64::is_finite) {
        return Some(Found::Skip(end.max(i + 1)));
    }
    let whole = kind == Kind::Count;
    let (value, hedge) = match hedge_rule {
        Some(h) => (apply_hedge(nominal, h.0, h.1, whole), hedge_of(h.0)),
        None if high.is_some() => (nominal, Hedge::Range),
        None => (nominal, Hedge::Exact),
    };
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

fn hedge_of(mode: HedgeMode) -> Hedge {
    match mode {
        HedgeMode::Approx => Hedge::Approx,
        HedgeMode::Nearly => Hedge::Nearly,
        HedgeMode::MoreThan => Hedge::MoreThan,
        HedgeMode::AtLeast => Hedge::AtLeast,
        HedgeMode::AtMost => Hedge::AtMost,
        HedgeMode::LessThan => Hedge::LessThan,
        HedgeMode::Since => Hedge::Since,
        HedgeMode::Until => Hedge::Until,
    }
}

/// Rounds away the binary noise of `11000 * 0.95` so reports show 10,450, not 10,449.999999999998.
pub fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 12 - x.abs().log10().ceil() as i32;
    let scale = 10f64.powi(digits.clamp(-300, 300));
    let rounded = (x * scale).round() / scale;
    if rounded.is_finite() {
        rounded
    } else {
        x
    }
}

/// The interval a hedge makes of a nominal value; `whole` counts step by one ("over 10,000" is 10,001+).
pub fn apply_hedge(nominal: Interval, mode: HedgeMode, relative: f64, whole: bool) -> Interval {
    let (lo, hi) = (nominal.low.unwrap_or(0.0), nominal.high.unwrap_or(0.0));
    let step = if whole && hi.fract() == 0.0 { 1.0 } else { 0.0 };
    match mode {
        HedgeMode::Approx => {
            Interval { low: Some(tidy(lo * (1.0 - relative))), high: Some(tidy(hi * (1.0 + relative))) }
        }
        HedgeMode::Nearly => Interval { low: Some(tidy(lo * (1.0 - relative))), high: Some(hi) },
        HedgeMode::MoreThan => Interval { low: Some(hi + step), high: None },
        HedgeMode::AtLeast | HedgeMode::Since => Interval { low: Some(lo), high: None },
        HedgeMode::AtMost | HedgeMode::Until => Interval { low: None, high: Some(hi) },
        HedgeMode::LessThan => Interval { low: None, high: Some(lo - step) },
    }
}

/// Identifiers, ordinals and codes: "F-16", "COVID-19", "G7", "Route 66", "25th", "4G".
fn not_a_quantity(tokens: &[Token], text: &str, rules: &Rules, n: &Number) -> Option<usize> {
    let t = &tokens[n.start];
    let next = tokens.get(n.start + 1);
    let prev = n.start.checked_sub(1).map(|k| &tokens[k]);
    if t.kind == TokenKind::Digits {
        // Glued to letters or a code before it: "G7", "F-16", "COVID-19", "#5".
        if let Some(p) = prev.filter(|p| !t.space_before && (p.kind == TokenKind::Word || p.is_punct("#№/.:"))) {
            let _ = p;
            return Some(n.start + 1);
        }
        if let (Some(dash), Some(before)) = (prev, n.start.checked_sub(2).map(|k| &tokens[k])) {
            if dash.is_dash()
                && !t.space_before
                && !dash.space_before
                && before.kind == TokenKind::Word
                && !rules.number_words.contains_key(&before.norm)
            {
                return Some(n.start + 1);
            }
        }
        // Ordinals "25th"; glued letters that are no unit or scale suffix: "4G", "3D".
        if let Some(nx) = next.filter(|nx| nx.kind == TokenKind::Word && !nx.space_before) {
            let ordinal = matches!(nx.norm.as_str(), "st" | "nd" | "rd" | "th");
            let known = n.suffix.is_some() || rules.unit(&text[nx.start..nx.end]).is_some();
            if ordinal || !known {
                return Some(n.start + 2);
            }
        }
        // "Route 66", "No. 5", "Article 5".
        let name_before = prev.is_some_and(|p| {
            let word = p.norm.trim_end_matches('.');
            rules.identifiers.contains(word) || rules.identifiers.contains(&p.norm)
        }) || (prev.is_some_and(|p| p.is_punct(".")) && n.start >= 2 && tokens[n.start - 2].is("no"));
        if name_before {
            return Some(n.end);
        }
        if next.is_some_and(|nx| nx.is_punct(".") && !nx.space_before)
            && tokens.get(n.start + 2).is_some_and(|d| d.kind == TokenKind::Digits && !d.space_before)
        {
            // "1.2.3" reaches here only partly lexed: a version or an outline number.
            return Some(n.start + 3);
        }
    } else {
        // "one of the", "no one", "the one who": pronoun uses of "one".
        if t.norm == "one" && n.end == n.start + 1 {
            let after_of = next.is_some_and(|nx| {
                matches!(
                    nx.norm.as_str(),
                    "of" | "another" | "who" | "that" | "which" | "day" | "time" | "way" | "thing"
                )
            });
            let pronoun = prev.is_some_and(|p| {
                matches!(
                    p.norm.as_str(),
                    "no" | "any" | "every" | "the" | "this" | "that" | "which" | "each" | "someone" | "some" | "anyone"
                )
            });
            if after_of || pronoun {
                return Some(n.end);
            }
        }
    }
    None
}

/// The second number of a range and the token after it: "-30,000", " to 30,000", " and 30".
fn range_end(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    first: &Number,
    opener: Option<&str>,
) -> Option<(Number, usize)> {
    let mut k = first.end;
    if first.suffix.is_some() {
        k = first.suffix_token + 1;
    }
    let joint = tokens.get(k)?;
    let ok = joint.is_dash()
        || joint.is("to")
        || (joint.is("and") && opener == Some("between"))
        || (joint.is("or") && tokens.get(k + 1).is_some_and(|t| t.kind == first_kind(tokens, first)));
    if !ok {
        return None;
    }
    let mut m = k + 1;
    // "$2 million to $3 million": a repeated currency symbol.
    if tokens
        .get(m)
        .is_some_and(|t| t.kind == TokenKind::Punct && rules.currency_symbols.iter().any(|(s, _)| s == &t.norm))
    {
        m += 1;
    }
    let second = number::read(tokens, text, rules, m)?;
    let first_value = first.value * first.suffix.unwrap_or(1.0);
    let second_value = second.value * second.suffix.unwrap_or(1.0);
    let raw_first = first.raw();
    // A range runs upwards; "7-5" is a score and "2-1" a vote, not ranges.
    if !(second_value > first_value || (second.scaled && !first.scaled && second_value > raw_first)) {
        return None;
    }
    let end = if second.suffix.is_some() { second.suffix_token + 1 } else { second.end };
    Some((second, end))
}

fn first_kind(tokens: &[Token], n: &Number) -> TokenKind {
    tokens[n.start].kind
}

/// A hedge phrase ending right before token `at`; returns its mode, width and first token.
fn hedge_before(tokens: &[Token], rules: &Rules, at: usize) -> Option<((HedgeMode, f64), usize)> {
    for h in rules.hedges.iter().filter(|h| h.position == HedgePosition::Before) {
        let n = h.words.len();
        if at < n {
            continue;
        }
        let window = &tokens[at - n..at];
        if window.iter().zip(&h.words).all(|(t, w)| t.norm == *w)
            && window.iter().all(|t| t.sentence == tokens[at].sentence)
        {
            return Some(((h.mode, h.relative), at - n));
        }
    }
    None
}

/// A hedge phrase starting at token `at` ("or more", "-plus").
fn hedge_after(tokens: &[Token], rules: &Rules, at: usize) -> Option<((HedgeMode, f64), usize)> {
    let mut start = at;
    if tokens.get(at).is_some_and(|t| t.is_dash() && !t.space_before) {
        start += 1;
    }
    for h in rules.hedges.iter().filter(|h| h.position == HedgePosition::After) {
        let n = h.words.len();
        let Some(window) = tokens.get(start..start + n) else { continue };
        if window.iter().zip(&h.words).all(|(t, w)| t.norm == *w) {
            return Some(((h.mode, h.relative), start + n));
        }
    }
    None
}

/// How far before a number a currency symbol is looked for, in bytes.
const CURRENCY_LOOK_BACK: usize = 64;

/// A currency symbol or code written right before token `i`; returns its code and first token.
fn currency_before(tokens: &[Token], text: &str, rules: &Rules, i: usize) -> Option<(String, usize)> {
    let number_start = tokens[i].start;
    // Look back a little, not to the start of the line: on a line of megabytes, a search for the
    // line start at every number made extraction quadratic. A symbol stands within a few spaces.
    let mut floor = number_start.saturating_sub(CURRENCY_LOOK_BACK);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let line_start = text[floor..number_start].rfind('\n').map_or(floor, |p| floor + p + 1);
    let before = text[line_start..number_start].trim_end_matches([' ', '\u{a0}']);
    for (symbol, code) in &rules.currency_symbols {
        if let Some(rest) = before.strip_suffix(symbol.as_str()) {
            let alphabetic = symbol.chars().next().is_some_and(char::is_alphabetic);
            if alphabetic && rest.chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let symbol_start = line_start + rest.len();
            let at = tokens[..i].partition_point(|t| t.start < symbol_start);
            return (tokens.get(at)?.start == symbol_start).then(|| (code.clone(), at));
        }
    }
    None
}

/// A currency name at token `k` ("dollars", "US dollars"); returns its code and the token after.
fn currency_after(tokens: &[Token], rules: &Rules, k: usize) -> Option<(String, usize)> {
    for n in (1..=3).rev() {
        let Some(window) = tokens.get(k..k + n) else { continue };
        if window.iter().any(|t| t.kind == TokenKind::Digits) {
            continue;
        }
        let phrase = join(window, |t| t.norm.as_str());
        if let Some(code) = rules.currency_words.get(&phrase) {
            return Some((code.clone(), k + n));
        }
    }
    None
}

/// A unit at token `k` ("km", "-day", "per cent", "°C", "-year-old"); also a unit glued to the
/// digits ("10km", whose letters are token `glued` when the lexer split them).
fn unit_after<'r>(
    tokens: &[Token],
    text: &str,
    rules: &'r Rules,
    k: usize,
    glued: usize,
) -> Option<(&'r crate::rules::Unit, usize)> {
    let _ = glued;
    let longest = (rules.unit_max_words * 2 + 1).min(tokens.len().saturating_sub(k));
    for n in (1..=longest).rev() {
        let window = &tokens[k..k + n];
        if window.iter().skip(1).any(|t| t.sentence != window[0].sentence)
            || window.iter().any(|t| t.kind == TokenKind::Digits)
        {
            continue;
        }
        let raw = join(window, |t| &text[t.start..t.end]);
        if let Some(unit) = rules.unit(&raw) {
            // A lone letter unit ("m") must be glued to its number or stand alone, not start a word.
            return Some((unit, k + n));
        }
    }
    None
}

/// A unit written before the number ("magnitude 6.1"), at token `at - 1`.
fn unit_before<'r>(tokens: &[Token], rules: &'r Rules, at: usize) -> Option<&'r crate::rules::Unit> {
    let t = tokens.get(at.checked_sub(1)?)?;
    rules.unit(&t.norm).filter(|u| u.prefix)
}

fn join<'t>(window: &'t [Token], text_of: impl Fn(&'t Token) -> &'t str) -> String {
    let mut out = String::new();
    for (n, t) in window.iter().enumerate() {
        if n > 0 && t.space_before {
            out.push(' ');
        }
        out.push_str(text_of(t));
    }
    out
}

/// The noun that says what is counted, from the words after the number: "soldiers" in "11,000
/// soldiers", "troops" in "10,000 North Korean troops", "dead" in "24 people were killed".
/// Returns its canonical term and the token after the noun phrase. With `look_back`, a number
/// with no noun after it takes the countable word before it ("the death toll rose to 24").
fn counted_noun(tokens: &[Token], rules: &Rules, k: usize, look_back: bool) -> (Option<String>, usize) {
    let sentence = tokens.get(k.saturating_sub(1)).map_or(0, |t| t.sentence);
    let mut j = k;
    if tokens.get(j).is_some_and(|t| t.is("of")) {
        j += 1;
    }
    let mut head: Option<String> = None;
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
        let Some(term) = canonical_word(&t.norm, rules) else { break };
        taken += 1;
        j += 1;
        end = j;
        // The phrase ends at its noun: a countable word or a plural ("two countries", not
        // "two countries signed").
        let ends = rules.countable.contains(&term) || super::subject::singular(&t.norm) != t.norm;
        head = Some(term);
        if ends {
            break;
        }
    }
    // "24 people were killed": a general noun gives way to a countable word just after it.
    let general = head.as_deref().is_none_or(|h| rules.generic.contains(h) || h == "people");
    if general {
        let better = tokens[end..]
            .iter()
            .take(3)
            .take_while(|t| t.sentence == sentence && t.kind == TokenKind::Word)
            .filter_map(|t| canonical_word(&t.norm, rules))
            .find(|c| rules.countable.contains(c) && c != "people");
        if better.is_some() {
            return (better, end);
        }
    }
    if head.is_none() && look_back {
        // "killing one", "the death toll rose to 24": the countable word before the number.
        let before = tokens[..k]
            .iter()
            .rev()
            .skip(1)
            .take(5)
            .take_while(|t| t.sentence == sentence && !t.is_punct(",;:"))
            .filter(|t| t.kind == TokenKind::Word)
            .filter_map(|t| canonical_word(&t.norm, rules))
            .find(|c| rules.countable.contains(c));
        return (before, end);
    }
    (head, end)
}

/// "dozens of people", "hundreds", "high triple-digit".
fn vague(tokens: &[Token], rules: &Rules, i: usize) -> Option<Measure> {
    let t = tokens.get(i)?;
    if t.kind != TokenKind::Word {
        return None;
    }
    for v in &rules.vague {
        // Phrases like "triple-digit" are written with hyphens that the lexer splits off.
        let mut j = i;
        let mut ok = true;
        for word in &v.words {
            for (n, part) in word.split('-').enumerate() {
                if n > 0 {
                    if !tokens.get(j).is_some_and(|d| d.is_dash()) {
                        ok = false;
                        break;
                    }
                    j += 1;
                }
                if tokens.get(j).is_none_or(|w| w.norm != part) {
                    ok = false;
                    break;
                }
                j += 1;
            }
            if !ok {
                break;
            }
        }
        if !ok {
            continue;
        }
        let (noun, end) = counted_noun(tokens, rules, j, true);
        let value = Interval { low: Some(v.low), high: v.high };
        let unit = noun.clone().unwrap_or_default();
        return Some(Measure {
            start: i,
            end,
            kind: Kind::Count,
            value,
            nominal: value,
            written: value,
            written_unit: String::new(),
            hedge: Hedge::Vague,
            unit,
            head: noun,
            rule: "vague",
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer::tokenize;

    fn measure(text: &str) -> Option<Measure> {
        let rules = Rules::embedded().unwrap();
        let tokens = tokenize(text, 0, text.len());
        (0..tokens.len()).find_map(|i| match match_measure(&tokens, text, &rules, i) {
            Some(Found::Claim(m)) => Some(m),
            _ => None,
        })
    }

    #[test]
    fn counts_with_hedges_and_nouns() {
        let m = measure("sent around 11,000 soldiers to Kursk").unwrap();
        assert_eq!((m.kind, m.unit.as_str(), m.hedge), (Kind::Count, "soldier", Hedge::Approx));
        assert_eq!(m.value, Interval::between(10450.0, 11550.0));
        let m = measure("over 10,000 North Korean troops").unwrap();
        assert_eq!(m.value, Interval { low: Some(10001.0), high: None });
        assert_eq!(m.unit, "soldier");
        let m = measure("24 people were killed").unwrap();
        assert_eq!(m.unit, "dead");
    }

    #[test]
    fn ranges_in_every_spelling() {
        for text in [
            "an additional 25,000-30,000 soldiers",
            "a further 25,000 to 30,000 soldiers",
            "between 25,000 and 30,000 soldiers",
            "25 to 30 thousand soldiers",
        ] {
            let m = measure(text).unwrap();
            assert_eq!(m.value, Interval::between(25000.0, 30000.0), "{text}");
            assert_eq!(m.unit, "soldier", "{text}");
        }
        assert_eq!(measure("a 7-5 win").unwrap().value, Interval::exact(7.0));
    }

    #[test]
    fn money_percent_and_units() {
        let m = measure("paid $334 million").unwrap();
        assert_eq!((m.kind, m.unit.as_str(), m.value), (Kind::Money, "USD", Interval::exact(334e6)));
        let m = measure("a $2-3bn fund").unwrap();
        assert_eq!(m.value, Interval::between(2e9, 3e9));
        let m = measure("rose 15 per cent").unwrap();
        assert_eq!((m.kind, m.value), (Kind::Percent, Interval::exact(15.0)));
        let m = measure("a 6.1-magnitude quake").unwrap();
        assert_eq!((m.kind, m.unit.as_str()), (Kind::Quantity, "magnitude"));
        let m = measure("a three-day visit").unwrap();
        assert_eq!((m.kind, m.value), (Kind::Duration, Interval::exact(259200.0)));
        let m = measure("10km deep").unwrap();
        assert_eq!((m.unit.as_str(), m.value), ("m", Interval::exact(10000.0)));
    }

    #[test]
    fn identifiers_are_not_counts() {
        for text in [
            "an F-16 jet",
            "COVID-19 cases",
            "the G7 summit",
            "Route 66",
            "the 25th anniversary",
            "a 4G network",
            "No. 5",
        ] {
            assert!(measure(text).is_none(), "{text}: {:?}", measure(text));
        }
    }

    #[test]
    fn vague_quantities() {
        let m = measure("dozens of people were injured").unwrap();
        assert_eq!((m.value, m.unit.as_str()), (Interval::between(24.0, 99.0), "injured"));
        let m = measure("a high triple-digit quantity").unwrap();
        assert_eq!(m.value, Interval::between(700.0, 999.0));
    }
}
