//! Tokens in, times of day out: "7:48 a.m.", "about 9:30 a.m.", "2:53 p.m. ET", "3.45pm", "14:00",
//! "10:30" (a clock reading without a half of the day, whose numbers are no counts either).
//!
//! A time is a date claim when its half of the day is known (a.m./p.m., or an hour above 12): its
//! value is the day number of its day plus the fraction of the day. The day is found by the
//! extractor (a date in the same sentence, else the reference date).

use super::super::lexer::{sentence_span, Token, TokenKind};
use super::super::range;
use crate::rules::schema::HedgeMode;
use crate::rules::Rules;

/// A time of day found in the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeMatch {
    /// First token (hedge included).
    pub start: usize,
    /// One past the last token (zone included).
    pub end: usize,
    /// Minutes after midnight, when the half of the day is known.
    pub minutes: Option<f64>,
    /// True when a hedge ("about", "around") stands before it.
    pub approx: bool,
    /// True for a page's own time stamp ("Updated 12:41 GMT", a line holding only a date and a
    /// time): page furniture, no claim about the story.
    pub furniture: bool,
}

fn is_hours(word: &str) -> bool {
    matches!(word, "hrs" | "hours" | "h")
}

fn is_meridiem(word: &str) -> Option<bool> {
    match word {
        "am" | "a.m." | "a.m" => Some(false),
        "pm" | "p.m." | "p.m" => Some(true),
        _ => None,
    }
}

/// A time of day or a clock reading at token `i`, with a hedge before it ("about 9:30 a.m.").
pub fn match_time(tokens: &[Token], rules: &Rules, i: usize) -> Option<TimeMatch> {
    if let Some(m) = clock(tokens, rules, i) {
        let m = TimeMatch { end: restated_end(tokens, rules, m.end).unwrap_or(m.end), ..m };
        return Some(TimeMatch { furniture: furniture(tokens, rules, &m), ..m });
    }
    // A hedge phrase of up to three words, then a time. A time starts at digits: the words
    // after a hedge word (most of them) are passed over without a call to `clock`.
    (1..=3)
        .filter(|&n| tokens.get(i + n).is_some_and(|t| t.kind == TokenKind::Digits))
        .find_map(|n| {
            let m = clock(tokens, rules, i + n)?;
            let ((mode, _), at) = range::hedge_before(tokens, rules, Default::default(), i + n)?;
            let hedged = at == i && matches!(mode, HedgeMode::Approx) && m.minutes.is_some();
            let end = restated_end(tokens, rules, m.end).unwrap_or(m.end);
            hedged.then_some(TimeMatch { start: i, end, approx: true, ..m })
        })
        .map(|m| TimeMatch { furniture: furniture(tokens, rules, &m), ..m })
}

/// Tokens read on each side of a time for what makes it a time stamp: a page's stamp has its
/// furniture word right before it ("Updated 12:41 GMT", "Posted: Sunday, July 13, 2025 9:27
/// a.m."), and few words around it. Read within this reach, not to the sentence's ends: a line of
/// thousands of times (a timetable) was read whole for each of them.
const FURNITURE_REACH: usize = 16;

/// True when the time's sentence is a time stamp: a furniture word ("updated") stands before it,
/// or it holds fewer than three words besides calendar words (each within `FURNITURE_REACH`).
fn furniture(tokens: &[Token], rules: &Rules, m: &TimeMatch) -> bool {
    let sentence = sentence_span(tokens, tokens[m.start].sentence);
    let first = sentence.start.max(m.start.saturating_sub(FURNITURE_REACH));
    let last = sentence.end.min(m.end.saturating_add(FURNITURE_REACH));
    if tokens[first..m.start].iter().any(|t| rules.time_furniture.contains(&*t.norm)) {
        return true;
    }
    let calendar = |t: &Token| {
        rules.months.contains_key(&*t.norm)
            || rules.weekdays.contains_key(&*t.norm)
            || rules.time_zones.contains(&*t.norm)
    };
    // Counted up to three only: a sentence of a story holds many more.
    let words = (first..last)
        .filter(|&k| k < m.start || k >= m.end)
        .filter(|&k| tokens[k].kind == TokenKind::Word && !calendar(&tokens[k]))
        .take(3)
        .count();
    words < 3
}

/// One past the closing bracket of the same instant told again in a second zone, in brackets
/// right after a time: "17:06 hours local time (13:36 GMT)", "4:30 a.m. local time (11.30 p.m.
/// ET)", "1353 (1023 GMT)". It is no second time of the source, and times are not converted
/// between zones, so it joins the time's own span rather than making a claim of its own. Only a
/// time naming its zone counts: a bracket holding a bare figure says something else.
pub(in crate::extract) fn restated_end(tokens: &[Token], rules: &Rules, end: usize) -> Option<usize> {
    tokens.get(end).filter(|t| t.is_punct("("))?;
    let inner = end + 1;
    let digits = tokens.get(inner).filter(|t| t.kind == TokenKind::Digits && t.norm.len() == 4);
    // A universal four-digit clock ("1023 GMT") is no time on its own (see `wire_clock`).
    let close = match clock(tokens, rules, inner) {
        Some(m) => m.end,
        None if digits.is_some_and(|d| d.norm.parse::<u32>().is_ok_and(|n| n / 100 < 24 && n % 100 < 60)) => inner + 2,
        None => return None,
    };
    let zone = tokens.get(close - 1).filter(|z| z.kind == TokenKind::Word && rules.time_zones.contains(&*z.norm));
    zone?;
    tokens.get(close).filter(|t| t.is_punct(")")).map(|_| close + 1)
}

/// A military or wire four-digit clock: "at 1100 hours", "0930 IST". Only with "hours" and "at"
/// before it, or a local zone after it: four digits alone are a year or a count.
///
/// One in universal time ("1336 GMT") is left out. Wire copy gives it in brackets beside the local
/// time ("17:06 pm (1336 GMT)"), and times are not converted between zones: set against the local
/// times of the other sources, and against an aftershock's "0440 GMT", it made false conflicts (ECB+
/// Qeshm 2005 and Yida 2011, tried twice).
fn wire_clock(tokens: &[Token], rules: &Rules, i: usize) -> Option<TimeMatch> {
    let t = tokens.get(i)?;
    if t.kind != TokenKind::Digits || t.end - t.start != 4 || t.norm.len() != 4 {
        return None;
    }
    let n: u32 = t.norm.parse().ok()?;
    let (hour, minute) = (n / 100, n % 100);
    if hour > 23 || minute > 59 {
        return None;
    }
    let at = i.checked_sub(1).is_some_and(|p| tokens[p].is("at"));
    let minutes = Some(f64::from(hour * 60 + minute));
    let next = tokens.get(i + 1).filter(|w| w.kind == TokenKind::Word)?;
    let zoned = rules.time_zones.contains(&*next.norm) && !rules.universal_zones.contains(&*next.norm);
    if !(zoned || (at && is_hours(&next.norm))) {
        return None;
    }
    Some(TimeMatch { start: i, end: i + 2, minutes, approx: false, furniture: false })
}

fn clock(tokens: &[Token], rules: &Rules, i: usize) -> Option<TimeMatch> {
    if let Some(m) = wire_clock(tokens, rules, i) {
        return Some(m);
    }
    let t = tokens.get(i).filter(|t| t.kind == TokenKind::Digits)?;
    let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
    let mut end = i + 1;
    // Minutes after a colon, or a.m./p.m., must follow: most numbers have neither, and are turned
    // away before anything of them is read.
    let colon = tokens.get(end).is_some_and(|c| c.is_punct(":") && glued(end));
    if !colon && tokens.get(end).and_then(|w| is_meridiem(&w.norm)).is_none() {
        return None;
    }
    let mut minute = 0.0;
    let mut written_minutes = false;
    // "3.45pm": a decimal hour is a time only with a.m./p.m. glued or next to it.
    if let Some((h, m)) = t.norm.split_once('.') {
        if m.len() != 2 || tokens.get(end).is_none_or(|w| is_meridiem(&w.norm).is_none()) {
            return None;
        }
        minute = m.parse::<f64>().ok().filter(|m| *m < 60.0 && !h.is_empty())?;
        written_minutes = true;
    } else if tokens.get(end).is_some_and(|c| c.is_punct(":") && glued(end))
        && tokens.get(end + 1).is_some_and(|m| m.kind == TokenKind::Digits && m.norm.len() == 2 && glued(end + 1))
    {
        minute = tokens[end + 1].number()?;
        if minute >= 60.0 {
            return None;
        }
        written_minutes = true;
        end += 2;
        // Seconds are read past, not kept.
        if tokens.get(end).is_some_and(|c| c.is_punct(":") && glued(end))
            && tokens.get(end + 1).is_some_and(|s| s.kind == TokenKind::Digits)
        {
            end += 2;
        }
    }
    // A bare hour is a time only with a.m./p.m. after it (below): most numbers are none, and are
    // turned away before their value is read.
    if !written_minutes && tokens.get(end).and_then(|w| is_meridiem(&w.norm)).is_none() {
        return None;
    }
    let hour = t.number()?;
    let zone_at =
        |k: usize| tokens.get(k).is_some_and(|z| z.kind == TokenKind::Word && rules.time_zones.contains(&*z.norm));
    if !(0.0..=24.0).contains(&hour) {
        return None;
    }
    let hour = hour.trunc();
    let meridiem = tokens.get(end).and_then(|w| is_meridiem(&w.norm));
    let minutes = match meridiem {
        Some(pm) if (1.0..=12.0).contains(&hour) => {
            end += 1;
            let h = if pm { hour % 12.0 + 12.0 } else { hour % 12.0 };
            Some(h * 60.0 + minute)
        }
        // "17:06 pm" says the half of the day twice.
        Some(true) if written_minutes && (13.0..24.0).contains(&hour) => {
            end += 1;
            Some(hour * 60.0 + minute)
        }
        Some(_) => return None,
        // "14:00", "14:00 GMT": past noon, or a zone, says which half of the day.
        None if written_minutes && hour < 24.0 => {
            let zoned = tokens.get(end).is_some_and(|z| rules.time_zones.contains(&*z.norm) || is_hours(&z.norm));
            (hour > 12.0 || (zoned && hour >= 1.0)).then_some(hour * 60.0 + minute)
        }
        // "3 hrs" is a length of time: a bare hour is a time only with a.m./p.m.
        None => return None,
    };
    // "17:06 hours": "hours" marks a clock only after minutes ("3 hours" is a length).
    if written_minutes && tokens.get(end).is_some_and(|z| is_hours(&z.norm)) {
        end += 1;
    }
    if zone_at(end) {
        end += 1;
    } else if tokens.get(end).is_some_and(|w| w.is("local")) && tokens.get(end + 1).is_some_and(|w| w.is("time")) {
        end += 2;
    }
    Some(TimeMatch { start: i, end, minutes, approx: false, furniture: false })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer::tokenize;

    fn minutes(text: &str) -> Option<(Option<f64>, bool, String)> {
        let text = &format!("The quake struck {text} near the coast");
        let text = text.as_str();
        let rules = Rules::embedded().unwrap();
        let tokens = tokenize(text, 0, text.len());
        (0..tokens.len()).find_map(|i| match_time(&tokens, &rules, i)).map(|m| {
            let span = text[tokens[m.start].start..tokens[m.end - 1].end].to_string();
            (m.minutes, m.approx, span)
        })
    }

    #[test]
    fn times_of_day_in_wire_spellings() {
        assert_eq!(minutes("at 7:48 a.m. on"), Some((Some(468.0), false, "7:48 a.m.".into())));
        assert_eq!(minutes("about 9:30 a.m."), Some((Some(570.0), true, "about 9:30 a.m.".into())));
        assert_eq!(minutes("at 2:53 p.m. ET"), Some((Some(893.0), false, "2:53 p.m. ET".into())));
        assert_eq!(minutes("at 3.45pm"), Some((Some(945.0), false, "3.45pm".into())));
        assert_eq!(minutes("at 12 noon, 12:15 a.m."), Some((Some(15.0), false, "12:15 a.m.".into())));
        assert_eq!(minutes("at 14:00 local time"), Some((Some(840.0), false, "14:00 local time".into())));
        // A clock reading without its half of the day is read past, but dates nothing.
        assert_eq!(minutes("call at 10:30 tonight"), Some((None, false, "10:30".into())));
        assert_eq!(minutes("it took 3 hrs"), None);
        assert_eq!(minutes("at 17:06 hours local time"), Some((Some(1026.0), false, "17:06 hours local time".into())));
        assert_eq!(minutes("at 17:06 pm"), Some((Some(1026.0), false, "17:06 pm".into())));
        // A wire's "2248 GMT" is left out (see `wire_clock`); a military clock is read.
        assert_eq!(minutes("at 2248 GMT Tuesday"), None);
        assert_eq!(minutes("at 1100 hours"), Some((Some(660.0), false, "1100 hours".into())));
        assert_eq!(minutes("at 0930 IST"), Some((Some(570.0), false, "0930 IST".into())));
        assert_eq!(minutes("worked 1100 hours"), None);
        assert_eq!(minutes("at 2460 hours"), None);
        assert_eq!(minutes("killed 1,336 IST"), None);
        assert_eq!(minutes("a 3.45 rise"), None);
    }

    #[test]
    fn the_same_instant_told_again_in_brackets_joins_the_time() {
        let at = |text: &str| minutes(text).map(|(m, _, span)| (m, span));
        let both = "17:06 hours local time (13:36 GMT)";
        assert_eq!(at(&format!("at {both} on Sunday")), Some((Some(1026.0), both.into())));
        assert_eq!(at("at 17:06 pm (1336 GMT) on"), Some((Some(1026.0), "17:06 pm (1336 GMT)".into())));
        let hedged = "around 4:30 a.m. local time (11.30 p.m. ET)";
        assert_eq!(at(&format!("{hedged} and")), Some((Some(270.0), hedged.into())));
        // Only a time naming its zone is a restatement; other brackets are not read.
        assert_eq!(at("at 3 p.m. (1200) and"), Some((Some(900.0), "3 p.m.".into())));
        assert_eq!(at("at 3 p.m. (2500 GMT) and"), Some((Some(900.0), "3 p.m.".into())));
        assert_eq!(at("at 3 p.m. (1200 GMT and"), Some((Some(900.0), "3 p.m.".into())));
        assert_eq!(at("at 3 p.m. (local) and"), Some((Some(900.0), "3 p.m.".into())));
    }

    #[test]
    fn time_stamps_of_the_page_are_furniture() {
        let rules = Rules::embedded().unwrap();
        for (text, furniture) in [
            ("Updated 12:41 GMT, 11 November 2011", true),
            ("Tue Jul 2, 2013 1:28PM GMT", true),
            ("The bombs fell at 2:53 p.m. local time.", false),
            // A furniture word far back in a long sentence stamps no time of it.
            (
                "The page was updated on Monday after officials, police and witnesses at the scene of \
                 the crash described how the bus left the road at 9:30 p.m.",
                false,
            ),
        ] {
            let tokens = tokenize(text, 0, text.len());
            let m = (0..tokens.len()).find_map(|i| match_time(&tokens, &rules, i)).unwrap();
            assert_eq!(m.furniture, furniture, "{text}");
        }
    }
}
