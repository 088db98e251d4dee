//! A number's neighbours in, whether it is no quantity out: identifiers ("F-16", "G7", "Route 66"),
//! ordinals ("25th"), codes ("24703m212", "+1-222-2222-2222", "0440") and pronoun uses of "one".

use super::super::lexer::{Token, TokenKind};
use super::super::number::Number;
use crate::claim::Kind;
use crate::rules::Rules;

/// The end of the chain of digits linked by glued dashes or slashes starting at token `i`, and how
/// many numbers it links.
fn number_chain(tokens: &[Token], i: usize) -> (usize, usize) {
    let mut end = i + 1;
    let mut links = 1;
    while tokens.get(end).is_some_and(|t| (t.is_dash() || t.is_punct("/")) && !t.space_before)
        && tokens.get(end + 1).is_some_and(|t| t.kind == TokenKind::Digits && !t.space_before)
    {
        end += 2;
        links += 1;
    }
    (end, links)
}

/// Whether the number is a clock reading written in four digits: "1336 GMT", "at 1100 hours",
/// "1353 (1023 GMT)".
fn clock_reading(tokens: &[Token], text: &str, rules: &Rules, n: &Number) -> bool {
    let t = &tokens[n.start];
    let raw = &text[t.start..t.end];
    let clock = n.end == n.start + 1
        && raw.len() == 4
        && raw.bytes().all(|b| b.is_ascii_digit())
        && raw[..2] < *"24"
        && raw[2..] < *"60";
    let next = tokens.get(n.end).filter(|w| w.kind == TokenKind::Word && w.sentence == t.sentence);
    // Asked of every number, nearly none of them four digits: the tables only after the digits.
    let zone = || next.is_some_and(|w| rules.time_zones.contains(&*w.norm));
    let hours = next.is_some_and(|w| matches!(&*w.norm, "hours" | "hrs"))
        && n.start.checked_sub(1).is_some_and(|p| {
            matches!(&*tokens[p].norm, "at" | "by" | "until" | "till" | "before" | "after" | "around" | "since")
        });
    // "struck at 1353 (1023 GMT)": the same instant told again in a second zone.
    let restated = || super::super::date::restated_end(tokens, rules, n.end).is_some();
    clock && (zone() || hours || restated())
}

/// Identifiers, ordinals and codes: "F-16", "COVID-19", "G7", "Route 66", "25th", "4G".
pub(in crate::extract) fn not_a_quantity(tokens: &[Token], text: &str, rules: &Rules, n: &Number) -> Option<usize> {
    let t = &tokens[n.start];
    let next = tokens.get(n.start + 1);
    let prev = n.start.checked_sub(1).map(|k| &tokens[k]);
    if t.kind == TokenKind::Digits {
        // "01", "0085": a leading zero makes a code, a month or a clock reading, never a count.
        if t.norm.starts_with('0') {
            let digits = t.norm.split('.').next().unwrap_or("");
            if digits.len() >= 2 && digits.bytes().any(|b| b != b'0') {
                return Some(n.start + 1);
            }
        }
        // "(1336 GMT)", "at 1100 hours": four digits that read as a clock, before a time zone or
        // after "at", are a time of day.
        if clock_reading(tokens, text, rules, n) {
            return Some(n.end);
        }
        // ".38-caliber", ".357 Magnum": a decimal without its zero before a word names a gun.
        if text[t.start..t.end].starts_with('.') {
            let after = tokens.get(n.end).map(|a| if a.is_dash() { n.end + 1 } else { n.end });
            if after
                .and_then(|a| tokens.get(a))
                .is_some_and(|w| w.kind == TokenKind::Word && rules.unit(&w.norm).is_none())
            {
                return Some(n.end);
            }
        }
        // "+1-222-2222/2222", "1-222-2222-2222": numbers chained by glued dashes or slashes are
        // a phone number or a code.
        let chain = number_chain(tokens, n.start);
        let plus = prev.is_some_and(|p| p.is_punct("+") && !t.space_before);
        if chain.1 >= 3 || (plus && chain.1 >= 2) {
            return Some(chain.0);
        }
        // Glued to letters or a code before it: "G7", "F-16", "COVID-19", "#5".
        // A currency code is no code of that kind: "USD115".
        let currency =
            |p: &Token| rules.currency_symbols.iter().any(|(s, _)| s.eq_ignore_ascii_case(&text[p.start..p.end]));
        if prev.is_some_and(|p| !t.space_before && ((p.kind == TokenKind::Word && !currency(p)) || p.is_punct("#№/.:")))
        {
            return Some(n.start + 1);
        }
        if let (Some(dash), Some(before)) = (prev, n.start.checked_sub(2).map(|k| &tokens[k])) {
            // "scp2-173m": digits glued to a word before the dash are a code too.
            let code_before = before.kind == TokenKind::Digits
                && !before.space_before
                && n.start >= 3
                && tokens[n.start - 3].kind == TokenKind::Word;
            // "magnitude-6.1": a unit written before its number is no code.
            let prefix_unit = || rules.unit(&before.norm).is_some_and(|u| u.prefix);
            if !t.space_before
                && !dash.space_before
                && dash.is_dash()
                && ((before.kind == TokenKind::Word && !rules.number_words.contains_key(&*before.norm)) || code_before)
                && !prefix_unit()
            {
                return Some(n.start + 1);
            }
        }
        // "9/11", "24/7": digits slashed to digits that are no fraction read above.
        if n.end == n.start + 1
            && next.is_some_and(|nx| nx.is_punct("/") && !nx.space_before)
            && tokens.get(n.start + 2).is_some_and(|d| d.kind == TokenKind::Digits && !d.space_before)
        {
            // Only the first number: what follows the slash may still be a year ("11/2016").
            return Some(n.start + 1);
        }
        // "24703m212": letters glued between digits make a code, unless they spell a unit ("24703m2").
        if let (Some(nx), Some(d)) = (next, tokens.get(n.start + 2)) {
            let glued =
                nx.kind == TokenKind::Word && !nx.space_before && d.kind == TokenKind::Digits && !d.space_before;
            if glued && n.end == n.start + 1 && rules.unit(&text[nx.start..d.end]).is_none() {
                return Some(n.start + 3);
            }
        }
        // Ordinals "25th"; glued letters that are no unit or scale suffix: "4G", "3D".
        // (Unless the number read them itself: "1e10", "1.3x10^6".)
        if let Some(nx) = next.filter(|nx| nx.kind == TokenKind::Word && !nx.space_before && n.end == n.start + 1) {
            let ordinal = matches!(&*nx.norm, "st" | "nd" | "rd" | "th");
            let known = n.suffix.is_some()
                || rules.unit(&text[nx.start..nx.end]).is_some()
                || rules.currency_words.contains_key(&*nx.norm);
            if ordinal || !known {
                return Some(n.start + 2);
            }
        }
        // "Route 66", "No. 5", "Article 5".
        // Identifiers are words, unless the rules say otherwise: a mark before the number is then
        // none, and is not looked up.
        let may_name = |p: &&Token| p.kind == TokenKind::Word || rules.identifiers_hold_non_words;
        let name_before = prev.filter(may_name).is_some_and(|p| {
            let word = p.norm.trim_end_matches('.');
            rules.identifiers.contains(word) || (word.len() < p.norm.len() && rules.identifiers.contains(&*p.norm))
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
                matches!(&*nx.norm, "of" | "another" | "who" | "that" | "which" | "day" | "time" | "way" | "thing")
            });
            // "said that one bomb fell": after "that" a noun makes "one" a number, and "that" the
            // conjunction; "that one was" is the pronoun.
            let noun_next =
                || next.is_some_and(|nx| nx.kind == TokenKind::Word && !rules.stopwords.contains(&*nx.norm));
            let pronoun = prev.is_some_and(|p| {
                matches!(
                    &*p.norm,
                    "no" | "any" | "every" | "the" | "this" | "which" | "each" | "someone" | "some" | "anyone"
                ) || (p.norm == "that" && !noun_next())
            });
            // "that one mile" is a length. Asked last: "one" is mostly a number.
            let measured = || next.is_some_and(|nx| rules.unit(&nx.norm).is_some_and(|u| u.kind == Kind::Quantity));
            if (after_of || pronoun) && !measured() {
                return Some(n.end);
            }
        }
    }
    None
}
