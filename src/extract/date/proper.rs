//! Tokens in, the date proper out, at the token after any hedge or part of it ("since", "the end
//! of"): a month with its day and year ("July 12, 2025", "12 July", "the 4th of July", "June of
//! 2016"), a month, season or weekday alone, a year in digits or words, and dates in digits.

use super::super::lexer::{Token, TokenKind};
use super::numeric::{day_at, followed_by_counted_noun, numeric_date, year_after, year_after_bare, year_token};
use super::relative::{relative_date, weekday_date};
use super::{period, preposition_before, spoken, word, DateExpr};
use crate::rules::Rules;

/// The month at token `j` and the token after it (a full stop after an abbreviation included).
pub(super) fn month_at(tokens: &[Token], rules: &Rules, j: usize) -> Option<(i8, usize)> {
    let t = tokens.get(j).filter(|t| t.kind == TokenKind::Word)?;
    let month = *rules.months.get(&*t.norm)? as i8;
    let mut k = j + 1;
    let dot = tokens.get(k).is_some_and(|d| d.is_punct(".") && !d.space_before);
    // "Aug. 5", and "september.16th" glued on both sides.
    if dot
        && (is_abbreviation(rules, &t.norm)
            || tokens.get(k + 1).is_some_and(|n| !n.space_before && n.sentence == t.sentence))
    {
        k += 1;
    }
    Some((month, k))
}

/// A day right after a month: "12", "12th", "-2" and "/2" glued ("Oct-2"), "the 21st", or in
/// words ("first", "twenty-first", "twenty one").
fn day_after_month(tokens: &[Token], rules: &Rules, k: usize, capitalized: bool, verb: bool) -> Option<(i8, usize)> {
    let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
    if tokens.get(k).is_some_and(|t| t.is_punct("-/")) && glued(k) && glued(k + 1) {
        return day_at(tokens, k + 1);
    }
    let k = if word(tokens, k) == Some("the") && capitalized { k + 1 } else { k };
    if let Some(found) = day_at(tokens, k) {
        return Some(found);
    }
    // "October, 1st." with a comma, and "October. 2" with a stray full stop, when nothing follows
    // the day ("in October, 15 people died" counts people).
    if let Some(c) = tokens.get(k).filter(|c| c.is_punct(",") || (c.is_punct(".") && !c.space_before)) {
        let (day, end) = day_at(tokens, k + 1).filter(|&(_, end)| end == k + 3 || c.is_punct("."))?;
        let sentence = tokens[k + 1].sentence;
        let alone = tokens.get(end).is_none_or(|t| t.kind == TokenKind::Punct || t.sentence != sentence);
        return alone.then_some((day, end));
    }
    // A day in words after a lower-case verb month only as a compound: "may first" is a verb and
    // an adverb, "may twenty-first" a date.
    let (day, end) = spoken::day_word(tokens, rules, k)?;
    if !capitalized && verb && end == k + 1 {
        return None;
    }
    let w = word(tokens, k)?;
    (rules.ordinals.contains_key(w) || end > k + 1 || day >= 20).then_some((day, end))
}

/// A year after a day or month, in digits or words: ", 2025", " 2025", ", two thousand and
/// eighteen"; "two thousand people" counts people.
pub(super) fn year_next(tokens: &[Token], text: &str, rules: &Rules, k: usize) -> Option<(i16, usize)> {
    year_after(tokens, k).or_else(|| {
        let k = if tokens.get(k).is_some_and(|c| c.is_punct(",")) { k + 1 } else { k };
        spoken::year_words(tokens, text, rules, k).filter(|&(_, end)| !followed_by_counted_noun(tokens, rules, end))
    })
}

/// The date proper at token `j`; `introduced` says a preposition or qualifier stands before it,
/// which lets a bare month name ("in April") count as a date.
pub(super) fn core_date(
    tokens: &[Token],
    text: &str,
    rules: &Rules,
    j: usize,
    introduced: bool,
) -> Option<(DateExpr, usize)> {
    let t = tokens.get(j)?;
    let word = |k: usize| word(tokens, k);
    match t.kind {
        TokenKind::Word => {
            if let Some(found) = relative_date(tokens, text, rules, j) {
                return Some(found);
            }
            // "the second of August", "the 4th of July": "the" (the commonest word here) is in no
            // table below, so it is sent on before they are looked up.
            if t.norm == "the" {
                let (expr, end) = day_first(tokens, text, rules, j + 1)?;
                return matches!(expr, DateExpr::MonthDay { .. } | DateExpr::Full { .. }).then_some((expr, end));
            }
            if let Some((month, k)) = month_at(tokens, rules, j) {
                let capitalized = t.is_capitalized(text);
                if let Some(found) = period::days_of_month(tokens, text, rules, k, month).filter(|_| capitalized) {
                    return Some(found);
                }
                if let Some((day, after_day)) =
                    day_after_month(tokens, rules, k, capitalized, verb_month(rules, &t.norm))
                {
                    // "march 20 miles" is a verb and a count.
                    if capitalized || !followed_by_counted_noun(tokens, rules, after_day) {
                        if let Some((year, after_year)) = year_next(tokens, text, rules, after_day) {
                            return Some((DateExpr::Full { year, month, day }, after_year));
                        }
                        return Some((DateExpr::MonthDay { month, day }, after_day));
                    }
                }
                // "August 99": two digits no day can be are a year of the 1900s, after a capital.
                let two_digits =
                    tokens.get(k).filter(|n| capitalized && n.kind == TokenKind::Digits && n.norm.len() == 2);
                if let Some(yy) =
                    two_digits.and_then(|n| n.norm.parse::<i16>().ok()).filter(|yy| (32..=99).contains(yy))
                {
                    if !followed_by_counted_noun(tokens, rules, k + 1) {
                        return Some((DateExpr::MonthYear { year: 1900 + yy, month }, k + 1));
                    }
                }
                // "June 2016", "June of 2016", "June of nineteen ninety nine".
                let of = if word(k) == Some("of") { k + 1 } else { k };
                if let Some((year, after_year)) = year_next(tokens, text, rules, of) {
                    if capitalized || !followed_by_counted_noun(tokens, rules, after_year) {
                        return Some((DateExpr::MonthYear { year, month }, after_year));
                    }
                }
                // "April last year", "June of next year", "june next year" ("it may next year" is a verb).
                let y = if word(k) == Some("of") { k + 1 } else { k };
                let offset = match word(y) {
                    Some("last" | "previous") => Some(-1),
                    Some("this") => Some(0),
                    Some("next") => Some(1),
                    _ => None,
                };
                if let Some(offset) =
                    offset.filter(|_| word(y + 1) == Some("year") && (capitalized || !verb_month(rules, &t.norm)))
                {
                    return Some((DateExpr::MonthOfYear { month, offset }, y + 2));
                }
                // A lower-case month alone needs an introducer and a name that is no word ("in july").
                let plain = introduced && !rules.ambiguous_months.contains(&*t.norm);
                if !capitalized && !plain {
                    return None;
                }
                // "May" is also a verb, "April" a name: those need a preposition before them.
                let ambiguous = rules.ambiguous_months.contains(&*t.norm);
                let may_stand_alone = !ambiguous || (introduced && (t.norm != "may" || preposition_before(tokens, j)));
                if may_stand_alone && t.norm.len() > 2 && (introduced || t.norm.len() > 4) {
                    return Some((DateExpr::Month { month }, k));
                }
                return None;
            }
            if let Some(&[first, last]) = rules.seasons.get(&*t.norm) {
                let mut k = j + 1;
                if word(k) == Some("of") {
                    k += 1;
                }
                let seasonal =
                    |year| DateExpr::Season { first_month: first as i8, last_month: last as i8, year, offset: 0 };
                // "summer 2016", "the spring of nineteen seventy eight".
                let in_words = || (k > j + 1).then(|| spoken::year_words(tokens, text, rules, k)).flatten();
                if let Some((year, after)) = year_after_bare(tokens, k).or_else(in_words) {
                    return Some((seasonal(Some(year)), after));
                }
                let before = j.checked_sub(1).and_then(word);
                if introduced || matches!(before, Some("the" | "this")) {
                    return Some((seasonal(None), j + 1));
                }
                return None;
            }
            if let Some(&weekday) = rules.weekdays.get(&*t.norm) {
                // "sun" and "sat" are words; a full name may be written in lower case.
                if t.norm.len() <= 3 && !(introduced && t.is_capitalized(text)) {
                    return None;
                }
                return Some(weekday_date(tokens, text, rules, j, weekday as i8));
            }
            // "year 247", "Year two hundred and sixty seven"; "a year 10 pupil" is a school year.
            if t.norm == "year" {
                let n = tokens.get(j + 1)?;
                let (year, end) = if n.kind == TokenKind::Digits && !n.norm.contains('.') && n.norm.len() >= 3 {
                    (n.norm.parse().ok()?, j + 2)
                } else {
                    let n = super::super::number::read(tokens, text, rules, j + 1).filter(|n| n.words)?;
                    (n.value.fract() == 0.0).then_some(n.value as i16).zip(Some(n.end))?
                };
                return ((100..3000).contains(&year) && !followed_by_counted_noun(tokens, rules, end))
                    .then_some((DateExpr::Year { year }, end));
            }
            // "in nineteen twenty eight", "in one thousand seven hundred and eighty nine": a year in
            // words stands alone only after "in", "since" or "during" ("rose to one thousand five
            // hundred" is a count), and a round one not even there ("in two thousand cases").
            let before = j.checked_sub(1).and_then(word);
            if matches!(before, Some("in" | "since" | "during")) {
                if let Some((year, end)) = spoken::year_words(tokens, text, rules, j) {
                    if year % 100 != 0 && !followed_by_counted_noun(tokens, rules, end) {
                        return Some((DateExpr::Year { year }, end));
                    }
                }
            }
            day_first(tokens, text, rules, j)
        }
        TokenKind::Digits => {
            // ISO 2025-07-12, US 7/12/2025, "11/2016", "4/22" after a preposition.
            if let Some((expr, end)) = numeric_date(tokens, j, introduced) {
                // "1/2 cup" and "2/3 of the days" are fractions, "11 - 2016 votes" a count and a
                // year, "on 4-6 May" a range of days.
                let loose = tokens.get(j + 1).is_some_and(|t| t.space_before)
                    || tokens.get(j + 2).is_some_and(|t| t.space_before);
                let counted = followed_by_counted_noun(tokens, rules, end);
                let fraction = match expr {
                    DateExpr::MonthDay { .. } => {
                        counted || word(end) == Some("of") || month_at(tokens, rules, end).is_some()
                    }
                    DateExpr::MonthYear { .. } => loose && counted,
                    _ => false,
                };
                return (!fraction).then_some((expr, end));
            }
            // "$2000" is money, "#2000" a number.
            if j > 0 && !t.space_before && tokens[j - 1].is_punct("$£€¥#") {
                return None;
            }
            if let Some(found) = day_first(tokens, text, rules, j) {
                return Some(found);
            }
            let year = year_token(t)?;
            // "2019-sep-1", "2019/sep/01".
            let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
            if tokens.get(j + 1).is_some_and(|s| s.is_punct("-/")) && glued(j + 1) && glued(j + 2) {
                if let Some((month, k)) = month_at(tokens, rules, j + 2) {
                    let sep = &tokens[j + 1].norm;
                    if tokens.get(k).is_some_and(|s| &s.norm == sep) && glued(k) && glued(k + 1) {
                        if let Some((day, end)) = day_at(tokens, k + 1) {
                            return Some((DateExpr::Full { year, month, day }, end));
                        }
                    }
                }
            }
            // "2008-2011", and "2008-11" as news writes spans of years ("2016-11" is a month).
            if let (Some(dash), Some(next)) = (tokens.get(j + 1), tokens.get(j + 2)) {
                if dash.is_dash() {
                    let short =
                        (next.kind == TokenKind::Digits && next.norm.len() == 2 && glued(j + 1) && glued(j + 2))
                            .then(|| next.norm.parse::<i16>().ok())
                            .flatten()
                            .filter(|&yy| yy > year % 100)
                            .map(|yy| year - year % 100 + yy);
                    if let Some(last) = year_token(next).or(short) {
                        if last > year && last - year <= 100 {
                            return Some((DateExpr::Years { first: year, last }, j + 3));
                        }
                    }
                }
            }
            // "2016 November", "2016, Nov".
            let k = if tokens.get(j + 1).is_some_and(|c| c.is_punct(",")) { j + 2 } else { j + 1 };
            if let Some((month, after)) = month_at(tokens, rules, k) {
                let m = &tokens[k];
                if (m.is_capitalized(text) || !verb_month(rules, &m.norm)) && m.norm.len() > 2 {
                    return Some((DateExpr::MonthYear { year, month }, after));
                }
            }
            if (1900..=2100).contains(&year) || introduced {
                if followed_by_counted_noun(tokens, rules, j + 1) {
                    return None;
                }
                return Some((DateExpr::Year { year }, j + 1));
            }
            None
        }
        TokenKind::Punct => None,
    }
}

/// A day before its month: "12 July", "1st Jan", "1-jan", "22 of Jan", "second of Aug", "twenty
/// second of June".
fn day_first(tokens: &[Token], text: &str, rules: &Rules, j: usize) -> Option<(DateExpr, usize)> {
    let word = |k: usize| word(tokens, k);
    // "22april": a month glued to its day.
    let glued_month = || {
        let month = tokens.get(j + 1).filter(|m| !m.space_before && rules.months.contains_key(&*m.norm))?;
        let day = tokens[j].number().filter(|d| (1.0..=31.0).contains(d) && tokens[j].norm.len() <= 2)?;
        (month.norm.len() > 2).then_some((day as i8, j + 1))
    };
    let (day, after_day, in_words) = match day_at(tokens, j).or_else(glued_month) {
        Some((d, e)) => (d, e, false),
        None => {
            // A day in words takes at most three tokens ("twenty-second") and needs "of" after
            // it, asked below: looked for first, since most words tried here are no day, and
            // looking one up in the tables of numbers costs more.
            if !(j + 1..=j + 3).any(|k| word(k) == Some("of")) {
                return None;
            }
            let (d, e) = spoken::day_word(tokens, rules, j)?;
            // An ordinal or a compound ("second", "twenty one"); "one of March's" is no date.
            let w = word(j)?;
            if !(rules.ordinals.contains_key(w) || e > j + 1 || d >= 20) {
                return None;
            }
            (d, e, true)
        }
    };
    let mut k = after_day;
    // "16. Nov. 2016", as German and Scandinavian papers write: only with its year, since "he
    // turned 16. May was ..." ends a sentence.
    let dotted = !in_words
        && tokens.get(k).is_some_and(|d| d.is_punct(".") && !d.space_before)
        && month_at(tokens, rules, k + 1).is_some();
    if dotted || word(k) == Some("of") {
        k += 1;
    } else if in_words {
        // "second Aug" is no date; a day in words needs "of".
        return None;
    } else if tokens.get(k).is_some_and(|d| d.is_dash() && !d.space_before)
        && tokens.get(k + 1).is_some_and(|m| !m.space_before)
    {
        k += 1;
    }
    let (month, after) = month_at(tokens, rules, k)?;
    // A lower-case "may" or "march" after a number is a verb ("15 march on"), unless glued to it
    // ("22may"); "1st jan" and "22 june" are dates.
    let m = &tokens[k];
    if !m.is_capitalized(text) && verb_month(rules, &m.norm) && m.space_before && word(k - 1) != Some("of") {
        return None;
    }
    if let Some((year, after_year)) = year_next(tokens, text, rules, after) {
        return Some((DateExpr::Full { year, month, day }, after_year));
    }
    (!dotted).then_some((DateExpr::MonthDay { month, day }, after))
}

/// True for a month name that is also an English verb in lower case ("it may rain", "march on",
/// "mar the vote"; rules/dates.toml, `verb_months`): such a name needs a capital, a digit day or an
/// introducer to be a month. The other ambiguous names ("june", "april") are given names, which
/// news capitalises.
pub(super) fn verb_month(rules: &Rules, word: &str) -> bool {
    rules.verb_months.contains(word)
}

/// True for a month's full name ("september", not "sept" or "sep").
pub(crate) fn full_month_name(rules: &Rules, word: &str) -> bool {
    rules.months.contains_key(word) && !is_abbreviation(rules, word)
}

/// True for a month word that a longer name of the same month begins with ("Aug" of "August"), so a
/// full stop after it belongs to it ("Aug. 5") rather than ending the sentence ("end of July.").
fn is_abbreviation(rules: &Rules, word: &str) -> bool {
    let month = rules.months.get(word);
    rules.months.iter().any(|(name, m)| Some(m) == month && name.len() > word.len() && name.starts_with(word))
}
