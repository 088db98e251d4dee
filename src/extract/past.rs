//! The claims of one source, the sentence of each and its tokens in, the same claims out with
//! those of earlier events mentioned in passing marked (`Subject::past`): "In 2004 a tsunami
//! killed 170,000 people" counts another event's dead, which alignment must not set against the
//! story's own figures.

use std::ops::Range;

use jiff::civil::Date;

use super::date;
use super::lexer::{Token, TokenKind};
use super::sentences::SentenceIndex;
use crate::claim::{Claim, Kind};
use crate::rules::Rules;

/// Marks the figures of earlier events: after a date well before the source's own (`reference`),
/// after a bare month when the source has no date, after "last month" or "last year", between two
/// such sentences, and in a sentence going on about the one before.
pub(super) fn mark(
    claims: &mut [Claim],
    sentences: &[u32],
    covers: &[Range<usize>],
    tokens: &[Token],
    by_sentence: &SentenceIndex,
    rules: &Rules,
    reference: Option<Date>,
) {
    mark_past(claims, sentences, reference);
    let spans = figure_sentences(claims, sentences, covers, by_sentence);
    if reference.is_none() {
        mark_month_past(claims, sentences, tokens, &spans, rules);
    }
    mark_last_period(claims, sentences, tokens, &spans);
    mark_earlier_opening(claims, sentences, tokens, &spans);
    // The sentences of earlier events grow as the two below mark more; those holding dates stay.
    let (mut past, dated) = past_and_dated(claims, sentences);
    mark_between_past(claims, sentences, &mut past, &dated);
    mark_continued_past(claims, sentences, tokens, by_sentence, past, &dated);
}

/// Days before the source's date after which a dated sentence speaks of an earlier event.
const PAST_DAYS: f64 = 60.0;

/// Marks the figures that follow, in their sentence, a date well before the source's own: "In
/// 2004 a tsunami killed 170,000 people" counts another event's dead. A date after the figure
/// ("killing five in a region devastated by the tsunami of 2004") only describes a place.
fn mark_past(claims: &mut [Claim], sentences: &[u32], reference: Option<Date>) {
    let Some(reference) = reference else { return };
    let today = date::day_number(reference);
    let past: Vec<(u32, usize)> = claims
        .iter()
        .zip(sentences)
        .filter(|(c, _)| c.kind == Kind::Date && c.value.high().is_some_and(|h| h < today - PAST_DAYS))
        // A figure strictly after the date: from the byte after the date's start.
        .map(|(c, &s)| (s, c.span.start() + 1))
        .collect();
    mark_after(claims, sentences, &past);
}

/// Marks as an earlier event's every figure (not a date) that stands in the sentence of a mark
/// `(sentence, from)` and starts at byte `from` or later.
fn mark_after(claims: &mut [Claim], sentences: &[u32], marks: &[(u32, usize)]) {
    for (c, s) in claims.iter_mut().zip(sentences) {
        if c.kind != Kind::Date && marks.iter().any(|&(ms, from)| ms == *s && from <= c.span.start()) {
            c.subject.past = true;
        }
    }
}

/// Without a reference date, marks the figures of a sentence that names a bare month ("in
/// September"): news dates the event it reports by its weekday and names a month for an earlier
/// one ("a 6.1 quake struck southern Iran in September, killing at least seven people").
fn mark_month_past(claims: &mut [Claim], sentences: &[u32], tokens: &[Token], spans: &[FigureSentence], rules: &Rules) {
    // A window may end in the sentence after the claim's, as it ends at the text's last token.
    let mut dated: Vec<(u32, usize)> = Vec::new();
    for span in spans {
        let Range { start: from, end: to } = span.tokens;
        for w in tokens[from..(to + 1).min(tokens.len())].windows(3) {
            if w[0].is("in")
                && date::full_month_name(rules, &w[1].norm)
                && w[1].sentence == w[0].sentence
                && (w[2].sentence != w[1].sentence || w[2].kind != TokenKind::Digits)
            {
                dated.push((w[1].sentence, 0));
            }
        }
    }
    mark_after(claims, sentences, &dated);
}

/// A sentence holding a figure (a claim that is no date): only figures are marked, so only the
/// marks of their sentences count, and most sentences hold none.
struct FigureSentence {
    /// The sentence's tokens.
    tokens: Range<usize>,
    /// The first token of its last figure, after which no mark can mark one.
    last_figure: usize,
}

/// The sentences holding a figure, each once, in text order. `covers` holds the tokens of each
/// claim.
fn figure_sentences(
    claims: &[Claim],
    sentences: &[u32],
    covers: &[Range<usize>],
    by_sentence: &SentenceIndex,
) -> Vec<FigureSentence> {
    let mut told: Vec<(u32, FigureSentence)> = Vec::new();
    for ((c, &s), cover) in claims.iter().zip(sentences).zip(covers) {
        if c.kind == Kind::Date {
            continue;
        }
        match told.last_mut() {
            Some((last, figure)) if *last == s => figure.last_figure = cover.start,
            _ => told.push((s, FigureSentence { tokens: by_sentence.span(s), last_figure: cover.start })),
        }
    }
    told.into_iter().map(|(_, f)| f).collect()
}

/// Marks the figures that follow, in their sentence, "last month" or "last year": news dates the
/// event it reports by its day and names such a period for an earlier one ("Last month, the
/// frigate had rescued two merchant vessels"), whether or not the source's date resolves it.
fn mark_last_period(claims: &mut [Claim], sentences: &[u32], tokens: &[Token], spans: &[FigureSentence]) {
    let mut earlier: Vec<(u32, usize)> = Vec::new();
    for span in spans {
        // A mark marks the figures that start after it: only the tokens before the last one's.
        for w in tokens[span.tokens.start..span.last_figure].windows(2) {
            if w[0].is("last") && (w[1].is("month") || w[1].is("year")) && w[0].sentence == w[1].sentence {
                earlier.push((w[1].sentence, w[1].end));
            }
        }
    }
    mark_after(claims, sentences, &earlier);
}

/// Marks the figures of a sentence that opens on a span of time and "before" or "earlier" ("Hours
/// before, three men died when a bomb hit another school", "Days earlier, ..."): news opens so on
/// an incident before the one it reports, so its figures are that incident's. Only at the opening:
/// "died two days earlier" inside a sentence dates one thing of the story itself.
fn mark_earlier_opening(claims: &mut [Claim], sentences: &[u32], tokens: &[Token], spans: &[FigureSentence]) {
    const SPANS: [&str; 5] = ["minutes", "hours", "days", "weeks", "moments"];
    let earlier: Vec<(u32, usize)> = spans
        .iter()
        .filter_map(|span| match &tokens[span.tokens.clone()] {
            [span, after, ..] if SPANS.iter().any(|s| span.is(s)) && (after.is("before") || after.is("earlier")) => {
                Some((after.sentence, after.end))
            }
            _ => None,
        })
        .collect();
    mark_after(claims, sentences, &earlier);
}

/// Marks the figures of an undated sentence that goes on telling the earlier event of the sentence
/// right before it, opening on "it", "they" or on "the" and a word of that sentence: "In June 2012,
/// a 3.0 quake struck north of The Geysers. The quake was six miles west of Cobb. It was also east
/// of Cloverdale." "Hours before, three men died at another school. They were among 400 people
/// sheltering there." A definite reference right after an indefinite one is to the thing just named,
/// and a sentence that dates anything of its own (a weekday, a day) is left as it is.
///
/// `past` and `dated` are as `mark_between_past` leaves them.
fn mark_continued_past(
    claims: &mut [Claim],
    sentences: &[u32],
    tokens: &[Token],
    by_sentence: &SentenceIndex,
    mut past: Sentences,
    dated: &Sentences,
) {
    let span = |s: u32| Some(by_sentence.span(s)).filter(|r| !r.is_empty()).map(|r| (r.start, r.end));
    let mut told: Vec<u32> = sentences.to_vec();
    told.sort_unstable();
    told.dedup();
    for s in told {
        if s == 0 || past.contains(&s) || dated.contains(&s) || !past.contains(&(s - 1)) {
            continue;
        }
        let (Some((from, to)), Some((before, _))) = (span(s), span(s - 1)) else { continue };
        let opener = &tokens[from..to];
        let named = |w: &str| tokens[before..from].iter().any(|t| t.norm == w);
        let continues = match opener {
            [it, ..] if it.is("it") || it.is("they") => true,
            [the, noun, ..] if the.is("the") && noun.kind == TokenKind::Word => named(&noun.norm),
            _ => false,
        };
        if continues {
            past.insert(s);
            for (c, &cs) in claims.iter_mut().zip(sentences) {
                if cs == s && c.kind != Kind::Date {
                    c.subject.past = true;
                }
            }
        }
    }
}

/// The sentences holding a figure of an earlier event, and those holding a date.
fn past_and_dated(claims: &[Claim], sentences: &[u32]) -> (Sentences, Sentences) {
    let (mut past, mut dated) = (Sentences::default(), Sentences::default());
    for (c, &s) in claims.iter().zip(sentences) {
        if c.kind == Kind::Date {
            dated.insert(s);
        } else if c.subject.past {
            past.insert(s);
        }
    }
    (past, dated)
}

/// A set of sentence numbers, kept sorted. Claims come in text order, so the sentences of a
/// source's claims are added mostly at the end: no tree nodes to allocate and walk.
#[derive(Default)]
struct Sentences(Vec<u32>);

impl Sentences {
    fn insert(&mut self, s: u32) {
        if let Err(at) = self.0.binary_search(&s) {
            self.0.insert(at, s);
        }
    }

    fn contains(&self, s: &u32) -> bool {
        self.0.binary_search(s).is_ok()
    }
}

/// Marks the figures of an undated sentence that stands between two sentences of earlier events,
/// as news tells a quake's history: "In April last year an 8.6 quake struck off Banda Aceh. Five
/// people died and seven were injured in the quake. In September 2009 a quake killed 1,000." A
/// sentence that dates anything of its own (a weekday, a day) is left as it is.
///
/// `past` and `dated` are the sentences holding a figure of an earlier event and those holding a
/// date (`past_and_dated`); the sentences marked here join `past`.
fn mark_between_past(claims: &mut [Claim], sentences: &[u32], past: &mut Sentences, dated: &Sentences) {
    let between = |s: u32| s > 0 && past.contains(&(s - 1)) && past.contains(&(s + 1));
    let mut marked = Vec::new();
    for (c, &s) in claims.iter_mut().zip(sentences) {
        if c.kind != Kind::Date && !dated.contains(&s) && !past.contains(&s) && between(s) {
            c.subject.past = true;
            marked.push(s);
        }
    }
    for s in marked {
        past.insert(s);
    }
}
