//! Tokens around a number in, its currency out: a symbol or code before it ("$3bn", "MAUD 60"), a
//! name after it ("334 million dollars", "30 MUSD"), and the smaller unit that completes an amount
//! written in two parts ("3 dollars 50 cents", "one kuai and five mao five").

use super::super::lexer::{Token, TokenKind};
use super::super::number::{self, Facts};
use super::join;
use crate::rules::Rules;

/// A currency read next to a number.
pub(in crate::extract) struct Currency<'r> {
    /// ISO code.
    pub code: &'r str,
    /// First token (before the number) or one past the last (after it).
    pub at: usize,
    /// A scale glued to the code ("M" of "MUSD"), 1 when none.
    pub scale: f64,
}

/// "MUSD", "MEUR": a scale letter glued before a currency code.
fn scaled_code<'r>(rules: &'r Rules, raw: &str) -> Option<(&'r str, f64)> {
    // Only three ASCII capitals are taken as a code (`rules::spells_a_code`): most words before or
    // after a number end otherwise, and a byte test spares them a lookup per scale.
    if !ends_in_code_letters(raw) {
        return None;
    }
    rules.code_scales.iter().find_map(|(prefix, &f)| {
        let code = rules.currency_codes.get(raw.strip_prefix(prefix.as_str())?)?;
        Some((code.as_str(), f))
    })
}

/// True when `raw` ends with three ASCII capitals, as every currency code is written.
fn ends_in_code_letters(raw: &str) -> bool {
    raw.as_bytes().last_chunk::<3>().is_some_and(|code| crate::rules::spells_a_code(code))
}

/// How far before a number a currency symbol is looked for, in bytes.
const CURRENCY_LOOK_BACK: usize = 64;

/// A currency symbol or code written right before token `i`. `facts` are the text's word facts.
pub(in crate::extract) fn currency_before<'r>(
    tokens: &[Token],
    text: &'r str,
    rules: &'r Rules,
    facts: Facts,
    i: usize,
) -> Option<Currency<'r>> {
    if let Some(k) = i.checked_sub(1).filter(|&k| tokens[k].kind == TokenKind::Word) {
        let word = &tokens[k];
        if let Some((code, scale)) = scaled_code(rules, &text[word.start..word.end]) {
            return Some(Currency { code, at: k, scale });
        }
        // Most numbers follow a word of ASCII letters, one space before them: a symbol ending
        // there is all of the word (the lexer parts no letters), which its facts say is none.
        let letters = word.norm.bytes().all(|b| b.is_ascii_alphabetic());
        let spaced = text.as_bytes()[word.end..tokens[i].start].iter().all(|&b| b == b' ');
        if letters && spaced && !facts.may(tokens, k, |f| f.ends_currency_symbol) {
            debug_assert!(currency_before(tokens, text, rules, Facts::default(), i).is_none());
            return None;
        }
    }
    let number_start = tokens[i].start;
    // Look back a little, not to the start of the line: on a line of megabytes, a search for the
    // line start at every number made extraction quadratic. A symbol stands within a few spaces.
    let mut floor = number_start.saturating_sub(CURRENCY_LOOK_BACK);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    // Most numbers follow a word or mark that ends no symbol: the line is not searched for them.
    let trimmed = text[floor..number_start].trim_end_matches([' ', '\u{a0}']);
    if !trimmed.as_bytes().last().is_some_and(|&b| rules.may_end_currency_symbol(b)) {
        return None;
    }
    // Nor a word longer than every symbol ("killed 12"): a symbol ending it is glued to the
    // letters before it, and the loop below refuses such a symbol.
    let longest = rules.longest_currency_symbol();
    let letters = trimmed.bytes().rev().take(longest + 1).take_while(u8::is_ascii_alphabetic).count();
    if letters > longest {
        return None;
    }
    // Nor a word no symbol ends with ("and 12", "than 12"): a symbol ending in letters is all of
    // the word, or fewer letters of it glued to the ones before, which the loop refuses too.
    if letters > 0 && !rules.may_end_currency_letters(&trimmed[trimmed.len() - letters..]) {
        return None;
    }
    let line_start = text[floor..number_start].rfind('\n').map_or(floor, |p| floor + p + 1);
    let before = text[line_start..number_start].trim_end_matches([' ', '\u{a0}']);
    let spaced = line_start + before.len() < number_start;
    // Codes and lettered symbols are written in either case ("mxn$ 15", "c $ 1.34").
    for (symbol, code) in rules.currency_symbols_ending(before) {
        let rest = &before[..before.len() - symbol.len()];
        let alphabetic = symbol.chars().next().is_some_and(char::is_alphabetic);
        if alphabetic && rest.chars().next_back().is_some_and(char::is_alphanumeric) {
            continue;
        }
        // A code in other letters than its own is an English word unless glued to the number:
        // "try one" is no Turkish lira, "usd115" is dollars.
        let written = &before[rest.len()..];
        if spaced && symbol.chars().all(char::is_alphabetic) && written != symbol {
            continue;
        }
        let symbol_start = line_start + rest.len();
        let at = tokens[..i].partition_point(|t| t.start < symbol_start);
        if tokens.get(at)?.start != symbol_start {
            return None;
        }
        return Some(Currency { code, at, scale: 1.0 });
    }
    None
}

/// A currency name at token `k` ("dollars", "US dollars", "€", "MUSD"). A name that is also a
/// unit of measure ("pounds") counts only when the number was `scaled` ("361 million pounds"):
/// "25 pounds" on its own is more often a weight. `facts` are the text's word facts.
pub(in crate::extract) fn currency_after<'r>(
    tokens: &[Token],
    text: &str,
    rules: &'r Rules,
    facts: Facts,
    k: usize,
    scaled: bool,
) -> Option<Currency<'r>> {
    if let Some(t) = tokens.get(k).filter(|t| t.kind == TokenKind::Word) {
        if let Some((code, scale)) = scaled_code(rules, &text[t.start..t.end]) {
            return Some(Currency { code, at: k + 1, scale });
        }
    }
    // Asked after nearly every number, whose next word seldom starts a name ("people", "km",
    // "of"), as its facts say without the phrase built below or a lookup.
    if !facts.may(tokens, k, |f| f.opens_currency_name) {
        debug_assert!(currency_after(tokens, text, rules, Facts::default(), k, scaled).is_none());
        return None;
    }
    // A name is up to three words, with no digits and no dash after its first word. Every
    // shorter name is a prefix of the longest, so that is written once and its prefixes read.
    let words = tokens.get(k..).unwrap_or_default().iter().take(3).enumerate();
    let window = words.take_while(|&(n, t)| t.kind != TokenKind::Digits && (n == 0 || !t.is_dash())).count();
    // Most words after a number begin no name: the phrase is built only where one can start.
    if window == 0 || !rules.may_open_currency_name(&tokens[k].norm) {
        return None;
    }
    let longest = join(&tokens[k..k + window], |t| &*t.norm);
    // The length of the name of the first `n` words: their own, and a space before each spaced one.
    let written = |n: usize| -> usize {
        tokens[k..k + n].iter().enumerate().map(|(j, t)| t.norm.len() + usize::from(j > 0 && t.space_before)).sum()
    };
    for n in (1..=window).rev() {
        let phrase = &longest[..written(n)];
        let code = rules.currency_words.get(phrase);
        if let Some(code) = code.or_else(|| scaled.then(|| rules.currency_unit_words.get(phrase)).flatten()) {
            return Some(Currency { code, at: k + n, scale: 1.0 });
        }
    }
    None
}

/// The smaller units after an amount of `code` ending at token `k`: "50 cents", "and forty-five
/// cents", "five mao five", or a bare "50" ("15 dollars 50") where nothing counted follows it.
/// Returns the amount to add, in the currency's units, and the token after it.
pub(in crate::extract) fn minor_part(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    code: &str,
    k: usize,
) -> Option<(f64, usize)> {
    let minor = rules.currency_minor.get(code)?;
    let sentence = tokens.get(k.checked_sub(1)?)?.sentence;
    let mut add = 0.0;
    let mut level = 0;
    let mut end = k;
    while level < minor.len() {
        let mut j = end;
        if tokens.get(j).is_some_and(|t| t.is("and")) {
            j += 1;
        }
        if tokens.get(j).is_none_or(|t| t.sentence != sentence || t.kind == TokenKind::Punct) {
            break;
        }
        let Some(part) = number::read(tokens, text, rules, j) else { break };
        let whole = part.value.fract() == 0.0 && part.value >= 0.0 && part.suffix.is_none() && !part.scaled;
        if !whole {
            break;
        }
        let named = (level..minor.len()).find_map(|l| {
            let word = tokens.get(part.end)?;
            minor[l].words.iter().any(|w| *w == word.norm).then_some(l)
        });
        if let Some(l) = named {
            add += part.value / minor[l].per;
            end = part.end + 1;
            level = l + 1;
            continue;
        }
        // A bare number completes the amount only where it ends the phrase: "15 dollars 50.",
        // not "15 dollars and 50 people".
        let step = minor[level].per / if level == 0 { 1.0 } else { minor[level - 1].per };
        let closes = tokens.get(part.end).is_none_or(|t| {
            let measured = rules.currency_words.contains_key(&*t.norm) || rules.unit(&t.norm).is_some();
            t.sentence != sentence || (!measured && (t.kind == TokenKind::Punct || t.is("and") || t.is("more")))
        });
        if closes && part.value < step {
            add += part.value / minor[level].per;
            end = part.end;
        }
        break;
    }
    (end > k).then_some((add, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_letters_end_a_word() {
        assert!(ends_in_code_letters("USD"));
        assert!(ends_in_code_letters("MUSD"));
        assert!(!ends_in_code_letters("and"));
        assert!(!ends_in_code_letters("Usd"));
        assert!(!ends_in_code_letters("US"));
        assert!(!ends_in_code_letters("zł"));
    }
}
