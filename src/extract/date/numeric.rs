//! Tokens in, the pieces of a date written in digits out: days ("12", "12th"), years ("2025"), and
//! whole numeric dates ("2025-07-12", "7/12/2025", "21-04-2016", "2015/08/12", "4/22", "11/2016").
//!
//! Month-first is the reading of US wires; a first field above 12 can only be a day. A numeric
//! day and month without a year ("4/22") is a date only after an introducer ("on 4/22"), since
//! "24/7" and fractions are no dates; with a dash only after "on" ("on 4-22"), since "4-22" is
//! otherwise a score or a range.

use jiff::civil::Date;

use super::super::lexer::{Token, TokenKind};
use super::DateExpr;
use crate::rules::Rules;

/// A day of the month at token `k`: "12", "12th". Returns the day and the token after it.
pub(super) fn day_at(tokens: &[Token], k: usize) -> Option<(i8, usize)> {
    // One or two digits, read as they stand: asked of most tokens the date matchers pass, where a
    // parse as a float cost more than the rest of the test.
    let t = tokens.get(k).filter(|t| t.kind == TokenKind::Digits)?;
    let day = match *t.norm.as_bytes() {
        [d] if d.is_ascii_digit() => d - b'0',
        [d, e] if d.is_ascii_digit() && e.is_ascii_digit() => (d - b'0') * 10 + (e - b'0'),
        _ => return None,
    };
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut end = k + 1;
    if let Some(s) = tokens.get(end) {
        if !s.space_before && matches!(&*s.norm, "st" | "nd" | "rd" | "th") {
            end += 1;
        } else if !s.space_before && s.kind == TokenKind::Word {
            return None;
        }
    }
    Some((day as i8, end))
}

/// True when token `k` is a digit day with an ordinal suffix ("12th").
pub(super) fn is_ordinal_day(tokens: &[Token], k: usize) -> bool {
    day_at(tokens, k).is_some_and(|(_, end)| end == k + 2)
}

/// A year after a day or month: ", 2025" or " 2025".
pub(super) fn year_after(tokens: &[Token], k: usize) -> Option<(i16, usize)> {
    let mut k = k;
    if tokens.get(k).is_some_and(|c| c.is_punct(",")) {
        k += 1;
    }
    let year = year_token(tokens.get(k)?)?;
    Some((year, k + 1))
}

/// A year right at token `k`, no comma.
pub(super) fn year_after_bare(tokens: &[Token], k: usize) -> Option<(i16, usize)> {
    year_token(tokens.get(k)?).map(|y| (y, k + 1))
}

/// A four-digit year 1000..=2999.
pub(super) fn year_token(t: &Token) -> Option<i16> {
    if t.kind != TokenKind::Digits || t.norm.len() != 4 || t.norm.contains('.') {
        return None;
    }
    let year: i16 = t.norm.parse().ok()?;
    (1000..=2999).contains(&year).then_some(year)
}

/// True when a counted noun follows token `k`, so the number before it counts something ("2000
/// people", "15 occasions") rather than naming a year or a day.
pub(super) fn followed_by_counted_noun(tokens: &[Token], rules: &Rules, k: usize) -> bool {
    let Some(t) = tokens.get(k) else { return false };
    if t.is_punct("%") || (t.kind == TokenKind::Word && !t.space_before) {
        return true;
    }
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = &*t.norm;
    rules.generic.contains(w)
        || rules.unit(w).is_some()
        || rules.currency_words.contains_key(w)
        || rules.alias(w).is_some_and(|c| rules.countable.contains(c))
        // A plural, not "bonus" or "census".
        || (w.ends_with('s') && w.len() > 3 && !w.ends_with("ss") && !w.ends_with("us") && !rules.months.contains_key(w))
}

fn digits(t: &Token) -> Option<i32> {
    (t.kind == TokenKind::Digits && !t.norm.contains('.') && t.norm.len() <= 4).then(|| t.norm.parse().ok())?
}

/// A numeric date at token `j`. `introduced` says a preposition or weekday stands before it, which
/// a day and month without a year need.
pub(super) fn numeric_date(tokens: &[Token], j: usize, introduced: bool) -> Option<(DateExpr, usize)> {
    let get = |k: usize| tokens.get(k);
    let glued = |k: usize| get(k).is_some_and(|t| !t.space_before);
    let a = get(j)?;
    // "E3-1260" is a model number.
    if j > 0 && !a.space_before && tokens[j - 1].kind == TokenKind::Word {
        return None;
    }
    if let Some(found) = dotted(tokens, j).or_else(|| dotted_month_day(tokens, j)) {
        return Some(found);
    }
    // The mark first: most numbers have none after them, and reading the digits costs more.
    let s1 = get(j + 1).filter(|s| s.is_punct("/-"))?;
    let x = digits(a)?;
    let b = get(j + 2)?;
    let y = digits(b)?;
    let slash = s1.is_punct("/");
    // Spaces around the mark ("2016 / 11", "11 - 2016") leave only a month of a year: a year
    // field of four digits says what the other one is.
    let tight = glued(j + 1) && glued(j + 2);
    // A third field: "7/12/2025", "21-04-2016", "9-18-15", "2015/08/12".
    if let (Some(s2), Some(c)) = (get(j + 3), get(j + 4)) {
        if tight && glued(j + 3) && glued(j + 4) && s2.norm == s1.norm {
            let z = digits(c)?;
            if a.norm.len() == 4 {
                return valid(x, y, z).map(|e| (e, j + 5));
            }
            if c.norm.len() == 4 || c.norm.len() == 2 {
                let year = if c.norm.len() == 2 { widen_year(z) } else { z };
                return month_first(year, x, y).map(|e| (e, j + 5));
            }
            return None;
        }
    }
    // "08/12,2015", "11/12,16": the year glued on with a comma.
    if tight && slash && a.norm.len() <= 2 && b.norm.len() <= 2 {
        let comma = get(j + 3).filter(|c| c.is_punct(",") && glued(j + 3));
        let c = get(j + 4).filter(|c| comma.is_some() && glued(j + 4) && matches!(c.norm.len(), 2 | 4));
        let open = get(j + 5).is_none_or(|n| n.space_before || !n.is_punct("/-"));
        if let Some(z) = c.filter(|_| open).and_then(digits) {
            let year = if z < 100 { widen_year(z) } else { z };
            return month_first(year, x, y).map(|e| (e, j + 5));
        }
    }
    // "11/2016", "11-2016": a month of a year.
    if b.norm.len() == 4 && a.norm.len() <= 2 && (1..=12).contains(&x) {
        let year = i16::try_from(y).ok().filter(|y| (1800..=2100).contains(y))?;
        return Some((DateExpr::MonthYear { year, month: x as i8 }, j + 3));
    }
    // "2016/11", and "2016-11" where the second field cannot be a year ("2008-11" reads as 2008 to
    // 2011 in news).
    if a.norm.len() == 4 && b.norm.len() <= 2 && (1..=12).contains(&y) {
        let year = i16::try_from(x).ok().filter(|y| (1000..=2999).contains(y))?;
        if slash || b.norm.len() == 1 || y <= x % 100 {
            return Some((DateExpr::MonthYear { year, month: y as i8 }, j + 3));
        }
        return None;
    }
    // "4/22", "22/04": only introduced, and with a slash ("4-22" is a score or a range), or a dash
    // right after "on" ("on 4-22": a score is won, lost or ended, not "on") or after "in" closing
    // its clause ("back in 4-22"). Standing alone, a dateline's "4/22" or "22/04" needs a day of
    // two digits and nothing around it that counts ("24/7", "1/2", "1 4/5", "3/16 inch"); "7/10"
    // alone is a rating.
    let on = j > 0 && (tokens[j - 1].is("on") || (tokens[j - 1].is("in") && closes_clause(tokens, j + 3)));
    let alone = slash && b.norm.len() == 2 && b.norm != "10" && stands_alone(tokens, j, j + 3);
    if tight && ((slash && introduced) || on || alone) && a.norm.len() <= 2 && b.norm.len() <= 2 {
        let (month, day) = if x > 12 { (y, x) } else { (x, y) };
        let (month, day) = (i8::try_from(month).ok()?, i8::try_from(day).ok()?);
        // February 29 exists in a leap year; the year is checked when the date is resolved.
        Date::new(2000, month, day).ok()?;
        return Some((DateExpr::MonthDay { month, day }, j + 3));
    }
    None
}

/// "13.5.2015" (day first, as European papers write) and "2015.5.13": the lexer reads the first
/// two fields as one decimal number.
fn dotted(tokens: &[Token], j: usize) -> Option<(DateExpr, usize)> {
    let (a, dot, c) = (tokens.get(j)?, tokens.get(j + 1)?, tokens.get(j + 2)?);
    if a.kind != TokenKind::Digits || !dot.is_punct(".") || dot.space_before || c.space_before {
        return None;
    }
    let (x, y) = a.norm.split_once('.')?;
    let z = digits(c)?;
    let (x, y): (i32, i32) = (x.parse().ok()?, y.parse().ok()?);
    match (a.norm.split_once('.')?.0.len(), c.norm.len()) {
        (1 | 2, 4) => valid(z, y, x).map(|e| (e, j + 3)),
        (4, 1 | 2) => valid(x, y, z).map(|e| (e, j + 3)),
        _ => None,
    }
}

/// "on 4.22", "in 4.22": a month and a day of two digits that the lexer reads as one decimal
/// number, only right after "on" or "in" and closing its clause ("on 4.22 million shares", "in
/// 4.22 seconds" are amounts).
fn dotted_month_day(tokens: &[Token], j: usize) -> Option<(DateExpr, usize)> {
    let a = tokens.get(j).filter(|a| a.kind == TokenKind::Digits)?;
    let introduced = j > 0 && (tokens[j - 1].is("on") || tokens[j - 1].is("in"));
    if !introduced {
        return None;
    }
    let (x, y) = a.norm.split_once('.')?;
    if x.is_empty() || x.len() > 2 || y.len() != 2 || !closes_clause(tokens, j + 1) {
        return None;
    }
    let (month, day) = (x.parse().ok()?, y.parse().ok()?);
    Date::new(2000, month, day).ok()?;
    Some((DateExpr::MonthDay { month, day }, j + 1))
}

/// True when token `k` ends the clause: the text's end, another sentence, or a comma, full stop
/// or other mark that carries no number on ("%", "/", "-" and "." glued do).
pub(super) fn closes_clause(tokens: &[Token], k: usize) -> bool {
    let Some(t) = tokens.get(k) else { return true };
    if t.sentence != tokens[k - 1].sentence {
        return true;
    }
    t.kind == TokenKind::Punct && !t.is_punct("%/-") && !(t.is_punct(".") && !t.space_before && next_glued(tokens, k))
}

fn next_glued(tokens: &[Token], k: usize) -> bool {
    tokens.get(k + 1).is_some_and(|n| !n.space_before && n.sentence == tokens[k].sentence)
}

/// True when the tokens `j..end` stand alone: no number or money mark right before them, and
/// the clause closes after them.
fn stands_alone(tokens: &[Token], j: usize, end: usize) -> bool {
    let before = j.checked_sub(1).map(|k| &tokens[k]);
    let counted_before = before.is_some_and(|t| t.kind == TokenKind::Digits || t.is_punct("$£€¥#-−+") || t.is("of"));
    !counted_before && closes_clause(tokens, end)
}

/// A two-digit year: 70 to 99 in the 1900s, the rest in the 2000s.
fn widen_year(z: i32) -> i32 {
    z + if z < 70 { 2000 } else { 1900 }
}

/// Two numeric fields month first, as US wires write them, unless the first cannot be a month.
fn month_first(year: i32, x: i32, y: i32) -> Option<DateExpr> {
    let (month, day) = if x > 12 { (y, x) } else { (x, y) };
    valid(year, month, day)
}

fn valid(year: i32, month: i32, day: i32) -> Option<DateExpr> {
    let (year, month, day) = (i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?);
    Date::new(year, month, day).ok()?;
    Some(DateExpr::Full { year, month, day })
}
