//! Stage 2, extraction: one `Source` and the `Rules` in, its `Claim`s out (numbers, ranges, hedges,
//! money, percentages, quantities, durations and dates, each with evidence and subject), plus the
//! reference date the source's relative dates were resolved against.

pub mod beside;
pub mod date;
mod disputed;
pub mod duration;
pub mod lent;
pub mod lexer;
mod mask;
pub mod measure;
pub mod number;
mod past;
pub mod range;
mod sentences;
pub mod starters;
pub mod subject;
mod timed;
pub mod unanchored;
pub mod unreadable;

use std::ops::Range;

use jiff::civil::Date;

use crate::claim::{Claim, DatePrecision, Hedge, Interner, Interval, Kind, Rule, Span, Term};
use crate::rules::Rules;
use crate::source::{DateOrigin, Source};
use date::DateMatch;
use lexer::{Token, TokenKind};
use measure::{Found, Measure};
use sentences::SentenceIndex;
use starters::Starts;
use subject::Terms;
use timed::{time_claim, time_days, Dated};

/// Most claims kept for one source; a larger source is cut off there with a warning. A news
/// article makes a few dozen claims (at most 41 in the ECB+ corpus); beyond this a file is a table
/// or a dump, and alignment, which compares claims pairwise across sources, would pay for it.
pub const MAX_CLAIMS_PER_SOURCE: usize = 2_000;

/// The claims of one source.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// Claims in text order.
    pub claims: Vec<Claim>,
    /// The reference date relative dates were resolved against.
    pub date: Option<Date>,
    /// Where that date came from.
    pub date_from: DateOrigin,
    /// True when the source held more than [`MAX_CLAIMS_PER_SOURCE`] claims and was cut off.
    pub truncated: bool,
    /// What looked like a number or date but has no value ("1e400", "February 30"), and why.
    pub unreadable: Vec<(Span, String)>,
}

enum Found2<'a> {
    Date(DateMatch),
    Time(date::TimeMatch),
    Measure(Measure<'a>),
}

/// Extracts the claims of `source`, which is number `index` of its corpus.
pub fn extract(source: &Source, index: usize, rules: &Rules) -> Extraction {
    // A claim holds its source's number in four bytes: no corpus holds four billion sources.
    let index = index as u32;
    let text = &*source.text;
    let lowered = lexer::Lowered::new(text, source.body.start(), source.body.end());
    let lexer::Lexed { tokens, sentence_starts, digits } = lexer::tokenize_indexed(&lowered);
    let masked = mask::masked_tokens(&tokens, &digits, text, lowered.as_str(), source.body, rules);

    let (starting, facts) = starters::of_tokens_lowered(&tokens, lowered.as_str(), lowered.from(), rules);
    let mut starting = starting.into_iter();

    let mut found: Vec<Found2> = Vec::new();
    let last_read = number::LastRead::default();
    // The first token not read yet.
    let mut i = 0;
    // One match past the limit is enough to know the source is cut off; reading on would only
    // spend time and memory on matches that are dropped.
    while found.len() <= MAX_CLAIMS_PER_SOURCE {
        // Only the tokens a matcher can start at are looked at.
        let next = starting.find(|&(k, _)| k >= i);
        let passed = i..next.map_or(tokens.len(), |(k, _)| k);
        debug_assert!(passed.clone().all(|k| masked[k] || can_start_only(Starts::default(), &tokens, text, rules, k)));
        let Some((k, can)) = next else { break };
        i = k;
        debug_assert!(masked[i] || can_start_only(can, &tokens, text, rules, i));
        if masked[i] {
            i += 1;
            continue;
        }
        // Matches are read with an `if`: `then` and `flatten` moved the whole `Option`.
        let time = if can.has(Starts::TIME) { date::match_time(&tokens, rules, i) } else { None };
        if let Some(t) = time {
            i = t.end;
            // A clock reading without its half of the day ("10:30") dates nothing. A time in
            // brackets right after another ("at about 3pm (12am AEDT)", "3pm on Tuesday (12am
            // yesterday)") is that instant told in a second zone, not a second time of the
            // source; times are not converted between zones, so it is left out.
            let restated = bracketed_after_time(&found, &tokens, t.start);
            if t.minutes.is_some() && !t.furniture && !restated && !masked[t.start..t.end].iter().any(|&b| b) {
                found.push(Found2::Time(t));
            }
            continue;
        }
        // "the", "in", "since" open a date only before a word that can open one.
        let can_date = can.has(Starts::DATE) && date::may_start(&tokens, &facts, i);
        // The number at the token and a length of time are read once for all matchers that
        // start with them. A length of time starts only where a duration can (a date counted from
        // it, "three days ago", starts there too).
        let at = number::At::in_text(i, &facts, &last_read);
        debug_assert!(can.has(Starts::DURATION) || duration::read(&tokens, text, rules, i).is_none());
        let length = if can.has(Starts::DURATION) { duration::read_at(&tokens, text, rules, &at) } else { None };
        // "a", "another", "several" open one only as a length of time ("a week ago") or "a day
        // before".
        let can_date = can_date && date::may_start_counted(&tokens, &facts, i, length.as_ref());
        debug_assert!(can_date || !can.has(Starts::DATE) || date::match_date(&tokens, text, rules, i).is_none());
        let date = if can_date { date::match_date_after(&tokens, text, rules, &at, length.as_ref()) } else { None };
        if let Some(m) = date {
            if !masked[m.start..m.end].iter().any(|&b| b) {
                i = m.end;
                found.push(Found2::Date(m));
                continue;
            }
        }
        if let Some(m) =
            length.filter(|_| can.has(Starts::DURATION)).and_then(|d| duration::claim_of(&tokens, rules, i, d))
        {
            if !masked[m.start.min(i)..m.end].iter().any(|&b| b) {
                i = m.end.max(i + 1);
                found.push(Found2::Measure(m));
                continue;
            }
        }
        let measure =
            if can.has(Starts::MEASURE) { measure::match_measure_at(&tokens, text, rules, &at) } else { None };
        match measure {
            Some(Found::Claim(m)) if !masked[m.start.min(i)..m.end].iter().any(|&b| b) => {
                i = m.end.max(i + 1);
                found.push(Found2::Measure(m));
            }
            Some(Found::Skip(end)) => i = end.max(i + 1),
            _ => i += 1,
        }
    }

    let (date, date_from) = match source.date {
        Some(d) => (Some(d), source.date_from),
        None => match latest_full_date(&found, &tokens, rules) {
            Some(d) => (Some(d), DateOrigin::Text),
            None => (None, DateOrigin::None),
        },
    };

    let days = time_days(&found, &tokens, rules, date);
    let wanted = subject_sentences(&found, &tokens);
    let terms = Terms::of_sentences(&tokens, &sentence_starts, text, rules, facts, |s| {
        wanted.get(s as usize).copied().unwrap_or(false)
    });
    // Most findings make a claim: room for all of them is seldom given back by `shrink_to_fit`.
    let kept = found.len().min(MAX_CLAIMS_PER_SOURCE);
    let mut claims = Vec::with_capacity(kept);
    let mut sentences = Vec::with_capacity(kept);
    // The tokens each claim covers, which its span was made of (`span_of`).
    let mut covers = Vec::with_capacity(kept);
    let truncated = found.len() > MAX_CLAIMS_PER_SOURCE;
    for (f, Dated { day, tensed }) in found.into_iter().zip(days).take(MAX_CLAIMS_PER_SOURCE) {
        let (claim, (at, end)) = match f {
            // Without a reference date, a weekday or a clock time is still a claim of what it
            // says ("Sunday", "9:27 a.m."), though on no day of the calendar.
            Found2::Date(m) => {
                let tensed = tensed.unwrap_or_else(|| resolve_in_tense(&m, &tokens, rules, date));
                let claim = date_claim(&m, tensed, &tokens, rules, &terms, index);
                let unanchored = || date.is_none().then(|| unanchored::weekday(&m, &tokens, rules, &terms, index));
                let beside = || beside::claim(&m, (&claims, &sentences), &tokens, rules, &terms, index);
                (claim.or_else(|| unanchored().flatten()).or_else(beside), (m.start, m.end))
            }
            Found2::Time(t) => {
                let claim = match day {
                    Some(d) => time_claim(&t, d, &tokens, rules, &terms, index),
                    None => unanchored::clock(&t, &tokens, rules, &terms, index),
                };
                (claim, (t.start, t.end))
            }
            Found2::Measure(m) => {
                let covered = (m.start, m.end);
                (Some(measure_claim(m, &tokens, rules, &terms, index)), covered)
            }
        };
        if let Some(claim) = claim {
            claims.push(claim);
            sentences.push(tokens[at].sentence);
            covers.push(at..end);
        }
    }
    let by_sentence = SentenceIndex::from_starts(sentence_starts);
    past::mark(&mut claims, &sentences, &covers, &tokens, &by_sentence, rules, date);
    mark_days(&mut claims, &covers, &tokens, &by_sentence, rules);
    disputed::mark(&mut claims, &sentences, &terms);
    if let Some(headline) = source.headline() {
        for c in claims.iter_mut().filter(|c| headline.overlaps(&c.span)) {
            c.subject.headline = true;
        }
    }
    let unreadable = unreadable::find(&tokens, &digits, text, rules);
    // A pile keeps every source's claims; a list doubled past its length would hold up to as
    // much again, unused.
    claims.shrink_to_fit();
    Extraction { claims, date, date_from, truncated, unreadable }
}

/// True when the matchers that `can` leaves out read nothing at token `i`, as the starters
/// promise; panics naming the word otherwise. Checked in debug builds only: it is the work the
/// starters save.
fn can_start_only(can: Starts, tokens: &[Token], text: &str, rules: &Rules, i: usize) -> bool {
    let unlisted = [
        (!can.has(Starts::TIME) && date::match_time(tokens, rules, i).is_some(), "time"),
        (!can.has(Starts::DATE) && date::match_date(tokens, text, rules, i).is_some(), "date"),
        (!can.has(Starts::DURATION) && duration::match_duration(tokens, text, rules, i).is_some(), "duration"),
        (!can.has(Starts::MEASURE) && measure::match_measure(tokens, text, rules, i).is_some(), "measure"),
    ];
    for (started, matcher) in unlisted {
        let phrase = &text[tokens[i].start..tokens[(i + 8).min(tokens.len()) - 1].end];
        assert!(
            !started,
            "a {matcher} starts at {:?}, which `extract::starters` does not list ({phrase:?})",
            tokens[i].norm
        );
    }
    true
}

/// Whether the time starting at token `at` opens a bracket right after the source's last finding,
/// which is a time of the same sentence or a day told right after one ("3pm on Tuesday").
fn bracketed_after_time(found: &[Found2], tokens: &[Token], at: usize) -> bool {
    let end = |f: &Found2| match f {
        Found2::Date(m) => m.end,
        Found2::Time(t) => t.end,
        Found2::Measure(m) => m.end,
    };
    let sentence = |k: usize| tokens.get(k).map(|t| t.sentence);
    let opened = at >= 1 && tokens[at - 1].is_punct("(") && found.last().is_some_and(|f| end(f) + 1 == at);
    // The time, the last finding or the one before it, as "3pm" of "3pm on Tuesday (".
    let time_before =
        found.iter().rev().take(2).any(|f| matches!(f, Found2::Time(t) if sentence(t.start) == sentence(at)));
    opened && time_before
}

/// Which sentences a subject reads, by sentence number: those of the findings and the two beside
/// each (see `Terms::subject`).
fn subject_sentences(found: &[Found2], tokens: &[Token]) -> Vec<bool> {
    let mut wanted = vec![false; tokens.last().map_or(0, |t| t.sentence as usize + 2)];
    for f in found {
        let start = match f {
            Found2::Date(m) => m.start,
            Found2::Time(t) => t.start,
            Found2::Measure(m) => m.start,
        };
        let s = tokens[start].sentence as usize;
        for near in s.saturating_sub(1)..=s + 1 {
            if let Some(w) = wanted.get_mut(near) {
                *w = true;
            }
        }
    }
    wanted
}

/// Gives each figure, and each time of day without a calendar day, the weekday named right beside
/// it, when one only: "killing four of them,
/// on Monday" is Monday's toll, whether or not the source's date resolves the day. Only the
/// nearest words count: "rescuers on Monday helped survivors of a quake that killed 10" does
/// not date the toll.
fn mark_days(
    claims: &mut [Claim],
    covers: &[Range<usize>],
    tokens: &[Token],
    by_sentence: &SentenceIndex,
    rules: &Rules,
) {
    let weekday = |t: &Token| {
        // A weekday's name is six to nine bytes long (four more with "’s") and ends in "y", its
        // possessive in "s": most tokens are turned away by their kind, their length, held in the
        // token, or else by their last byte, before their text is compared.
        if t.kind != TokenKind::Word {
            return None;
        }
        let length = t.norm.len();
        if !(6..=13).contains(&length) || !matches!(t.norm.as_bytes()[length - 1], b'y' | b's') {
            return None;
        }
        // `strip_suffix`, not `trim_end_matches`: the latter builds a searcher for every token.
        let word = t.norm.strip_suffix("'s").or_else(|| t.norm.strip_suffix("’s")).unwrap_or(&t.norm);
        unanchored::WEEKDAYS.iter().position(|w| *w == word).map(|d| d as u8)
    };
    // A day written as a date names its weekday too (day numbers count from a Thursday).
    let dated: Vec<(usize, u8)> = claims
        .iter()
        .filter_map(|c| {
            let day = c.value.low().filter(|_| c.kind == Kind::Date && c.precision == Some(DatePrecision::Day))?;
            Some((c.span.start(), (day.floor() as i64 + 3).rem_euclid(7) as u8))
        })
        .collect();
    // An age is no figure of a day: "the autopsy released Wednesday showed the 16-year-old was shot
    // seven times" dates the autopsy, and the boy is 16 whatever day says so.
    let ages: Vec<&str> = rules.units.iter().filter(|u| u.dimension == "age").map(|u| u.name.as_str()).collect();
    let age = |c: &Claim| c.kind == Kind::Quantity && ages.contains(&c.unit.as_str());
    // The weekdays named by tokens (token, weekday), each token read once, though the reaches of
    // a sentence's claims overlap: claims come in text order, so the tokens read are one run,
    // `read`, and those of each reach are read on from its end.
    let mut named: Vec<(usize, u8)> = Vec::new();
    let mut read = 0..0;
    // A time of day without a calendar day ("3.45pm on Tuesday") is dated by its weekday too.
    for (c, cover) in claims.iter_mut().zip(covers) {
        if (c.kind == Kind::Date && unanchored::clock_of(c).is_none()) || age(c) {
            continue;
        }
        // The tokens within reach of the claim's that share its first token's sentence: they
        // lie together, as sentence numbers never fall.
        let sentence = by_sentence.span(tokens[cover.start].sentence);
        let near = cover.start.saturating_sub(DAY_REACH).max(sentence.start)..(cover.end + DAY_REACH).min(sentence.end);
        let reach = &tokens[near.clone()];
        let (Some(from), Some(to)) = (reach.first().map(|t| t.start), reach.last().map(|t| t.end)) else { continue };
        // A reach apart from the run (past a gap, or before it) starts a new one.
        if !(read.start..=read.end).contains(&near.start) {
            named.truncate(named.partition_point(|&(k, _)| k < near.start));
            read = near.start..near.start;
        }
        for (k, token) in tokens.iter().enumerate().take(near.end).skip(read.end) {
            named.extend(weekday(token).map(|d| (k, d)));
        }
        read.end = read.end.max(near.end);
        let named_near = &named[named.partition_point(|&(k, _)| k < near.start)..];
        let named_near = named_near.iter().take_while(|&&(k, _)| k < near.end).map(|d| d.1);
        // The dated days lie in text order, as the claims do: those within reach are one run.
        let dated_near = &dated[dated.partition_point(|&(at, _)| at < from)..];
        let dated_near = dated_near.iter().take_while(|&&(at, _)| at < to).map(|d| d.1);
        let mut days = named_near.chain(dated_near);
        if let Some(first) = days.next() {
            if days.all(|d| d == first) {
                c.subject.weekday = Some(first);
            }
        }
    }
}

/// Tokens read on each side of a figure for the weekday that dates it.
const DAY_REACH: usize = 6;

/// The latest full date written in the text (DESIGN §3), unless the text writes a later year or
/// month outside a future-tense clause ("the 2006 memoir" beside "until May 30, 2005"): the text
/// was then written after that date, which dates an earlier event, and resolving its weekdays
/// against it would put them years off. Nor a full date written after a weekday the text tells
/// its story by ("Felt died Thursday ... Woodward said in an article on June 2, 2005"): a story
/// dated in its text writes the date in its dateline, before its lead, so a full date after the
/// lead's weekday dates an earlier event told in passing (a weekday written with its date,
/// "Thursday, June 2, 2005", is that date's).
fn latest_full_date(found: &[Found2], tokens: &[Token], rules: &Rules) -> Option<Date> {
    let first_weekday = found.iter().find_map(|f| match f {
        Found2::Date(m) if matches!(m.expr, date::DateExpr::Weekday { .. }) => Some(m.end),
        _ => None,
    });
    let before_lead = |start: usize| first_weekday.is_none_or(|end| start <= end + WEEKDAY_WITH_DATE);
    let latest = found
        .iter()
        .filter_map(|f| match f {
            Found2::Date(m) if m.expr.is_full() && before_lead(m.start) => {
                date::resolve(&m.expr, None, false).map(|(d, _, _)| d)
            }
            _ => None,
        })
        .max()?;
    // The tense (a walk over the clause) is read only of a date that would tell a later time.
    let later = found.iter().any(|f| match f {
        Found2::Date(m) if !m.expr.is_full() => {
            date::resolve(&m.expr, None, false).is_some_and(|(from, _, _)| from > latest)
                && !is_future(tokens, rules, m.start)
        }
        _ => false,
    });
    (!later).then_some(latest)
}

/// Most tokens between a weekday and the full date it names ("Thursday, June 2, 2005").
const WEEKDAY_WITH_DATE: usize = 2;

fn span_of(tokens: &[Token], start: usize, end: usize) -> Span {
    Span::new(tokens[start].start, tokens[end - 1].end)
}

fn measure_claim(m: Measure, tokens: &[Token], rules: &Rules, terms: &Terms, index: u32) -> Claim {
    let head = match m.kind {
        Kind::Count | Kind::Duration => m.head.as_deref(),
        Kind::Quantity if m.unit == "magnitude" => Some("magnitude"),
        _ => None,
    };
    // All interned under one lock.
    let mut table = Interner::lock();
    let (unit, written_unit) = (table.term(&m.unit), table.term(&m.written_unit));
    // The counted noun's term too, for the subject.
    let head = head.map(|head| (head, table.term(head)));
    drop(table);
    Claim {
        source: index,
        span: span_of(tokens, m.start, m.end),
        kind: m.kind,
        value: m.value,
        nominal: m.nominal,
        written: Some(m.written),
        written_unit,
        hedge: m.hedge,
        unit,
        subject: terms.subject(tokens, rules, m.start, m.end, head),
        precision: None,
        rule: m.rule,
    }
}

/// The rule of a date claim resolved forward because its clause is in the future tense, where the
/// past tense would have given another day: "I'll go back on Friday" is the coming Friday.
pub const FUTURE_RULE: Rule = Rule::DateFuture;

/// The claim of date `m`, resolved in its tense as `tensed` (`resolve_in_tense`).
fn date_claim(
    m: &DateMatch,
    tensed: Tensed,
    tokens: &[Token],
    rules: &Rules,
    terms: &Terms,
    index: u32,
) -> Option<Claim> {
    let (resolved, future, back) = tensed;
    let (first, last, precision) = resolved?;
    // Recorded when the tense decided the day ("I'll go back on Friday"), so a reader can tell a
    // date read forward from one read back.
    let by_tense = future && back.is_none_or(|(a, b, _)| (a, b) != (first, last));
    let (a, b) = (date::day_number(first), date::day_number(last));
    let nominal = Interval::between(a, b);
    let value = match m.hedge {
        Hedge::Since => Interval::new(Some(a), None),
        Hedge::Until => Interval::new(None, Some(b)),
        _ => nominal,
    };
    Some(Claim {
        source: index,
        span: span_of(tokens, m.start, m.end),
        kind: Kind::Date,
        value,
        nominal,
        written: None,
        written_unit: Term::none(),
        hedge: m.hedge,
        unit: Term::day(),
        subject: terms.subject(tokens, rules, m.start, m.end, None),
        precision: Some(precision),
        rule: if by_tense { FUTURE_RULE } else { Rule::Date },
    })
}

/// A day range with the precision it was told to.
type Resolved = (Date, Date, DatePrecision);

/// A date resolved in its tense: as read, whether it was read forward, and how it reads back.
type Tensed = (Option<Resolved>, bool, Option<Resolved>);

/// Date `m` resolved against `reference`: forward when its clause is in the future tense, else
/// back; whether it was read forward; and how it reads back.
fn resolve_in_tense(m: &DateMatch, tokens: &[Token], rules: &Rules, reference: Option<Date>) -> Tensed {
    // The tense is read (a walk over the clause) only for a date it can move: most read the same
    // either way ("July 12, 2025", "yesterday"), and most of those say so by their kind, without
    // being resolved forward too.
    let back = date::resolve(&m.expr, reference, false);
    debug_assert!(m.expr.by_tense() || date::resolve(&m.expr, reference, true) == back, "{:?}", m.expr);
    let ahead = m.expr.by_tense().then(|| date::resolve(&m.expr, reference, true)).filter(|a| *a != back);
    match ahead.filter(|_| is_future(tokens, rules, m.start)) {
        Some(ahead) => (ahead, true, back),
        None => (back, false, back),
    }
}

/// How many tokens either side of a date are read for a future-tense marker. Markers stand near
/// the words they govern, and a bound keeps a megabyte-long line without a comma linear.
const TENSE_REACH: usize = 64;

/// True when the clause holding token `at` speaks of the future ("will", "is expected to").
pub(crate) fn is_future(tokens: &[Token], rules: &Rules, at: usize) -> bool {
    let sentence = tokens[at].sentence;
    let clause_mark = |t: &Token| t.sentence != sentence || t.is_punct(",;:()—–");
    let floor = at.saturating_sub(TENSE_REACH);
    let start = tokens[floor..at].iter().rposition(clause_mark).map_or(floor, |p| floor + p + 1);
    let mut words = tokens[start..]
        .iter()
        .take(2 * TENSE_REACH)
        .take_while(|t| !clause_mark(t))
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| &*t.norm)
        .peekable();
    while let Some(w) = words.next() {
        // Most words share no marker's first byte and length, and are not looked up.
        let listed = rules.may_open_future(w);
        let pair = |next: &&str| rules.future_pairs.get(w).is_some_and(|s| s.iter().any(|x| x == next));
        let contracted = || contraction(w).is_some_and(|c| rules.future_markers.contains(&c));
        if (listed && rules.future_markers.contains(w)) || contracted() || (listed && words.peek().is_some_and(pair)) {
            return true;
        }
    }
    false
}

/// The contracted ending of a word the lexer keeps whole ("i'll", "they’ll", "we'd"), spelled with
/// a straight apostrophe, so that a marker such as `'ll` matches it.
fn contraction(word: &str) -> Option<String> {
    // Asked of every word of a clause, and most hold no apostrophe: their bytes say so (a curly
    // one opens with 0xE2) before a walk over their chars.
    if !word.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return None;
    }
    let at = word.rfind(['\'', '’'])?;
    let tail = &word[at..];
    let letters = tail.trim_start_matches(['\'', '’']);
    (!letters.is_empty()).then(|| format!("'{letters}"))
}

#[cfg(test)]
mod tests;
