//! Stage 2, extraction: one `Source` and the `Rules` in, its `Claim`s out (numbers, ranges, hedges,
//! money, percentages, quantities, durations and dates, each with evidence and subject), plus the
//! reference date the source's relative dates were resolved against.

pub mod date;
pub mod lexer;
pub mod measure;
pub mod number;
pub mod subject;
pub mod unreadable;

use jiff::civil::Date;

use crate::claim::{Claim, Hedge, Interval, Kind, Span};
use crate::rules::Rules;
use crate::source::{DateOrigin, Source};
use date::DateMatch;
use lexer::{Token, TokenKind};
use measure::{Found, Measure};
use subject::Terms;

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

enum Found2 {
    Date(DateMatch),
    Measure(Measure),
}

/// Extracts the claims of `source`, which is number `index` of its corpus.
pub fn extract(source: &Source, index: usize, rules: &Rules) -> Extraction {
    let text = source.text.as_str();
    let tokens = lexer::tokenize(text, source.body.start, source.body.end);
    let masked = masked_tokens(&tokens, text, source.body, rules);

    let mut found: Vec<Found2> = Vec::new();
    let mut i = 0;
    // One match past the limit is enough to know the source is cut off; reading on would only
    // spend time and memory on matches that are dropped.
    while i < tokens.len() && found.len() <= MAX_CLAIMS_PER_SOURCE {
        if masked[i] {
            i += 1;
            continue;
        }
        if let Some(end) = date::match_time(&tokens, i) {
            i = end;
            continue;
        }
        if let Some(m) = date::match_date(&tokens, text, rules, i) {
            if !masked[m.start..m.end].iter().any(|&b| b) {
                i = m.end;
                found.push(Found2::Date(m));
                continue;
            }
        }
        match measure::match_measure(&tokens, text, rules, i) {
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
        None => match latest_full_date(&found) {
            Some(d) => (Some(d), DateOrigin::Text),
            None => (None, DateOrigin::None),
        },
    };

    let terms = Terms::new(&tokens, text, rules);
    let mut clauses = Clauses::new(&tokens);
    let mut claims = Vec::new();
    let truncated = found.len() > MAX_CLAIMS_PER_SOURCE;
    for f in found.into_iter().take(MAX_CLAIMS_PER_SOURCE) {
        let claim = match f {
            Found2::Date(m) => {
                let future = clauses.is_future(&tokens, rules, m.start);
                date_claim(&m, &tokens, rules, &terms, date, future, index)
            }
            Found2::Measure(m) => Some(measure_claim(m, &tokens, rules, &terms, index)),
        };
        claims.extend(claim);
    }
    let unreadable = unreadable::find(&tokens, text, rules);
    Extraction { claims, date, date_from, truncated, unreadable }
}

fn masked_tokens(tokens: &[Token], text: &str, body: Span, rules: &Rules) -> Vec<bool> {
    let mut masked = vec![false; tokens.len()];
    let body_text = &text[body.start..body.end];
    for (_, regex) in &rules.ignore {
        for m in regex.find_iter(body_text) {
            let (a, b) = (body.start + m.start(), body.start + m.end());
            let first = tokens.partition_point(|t| t.end <= a);
            for (k, t) in tokens.iter().enumerate().skip(first) {
                if t.start >= b {
                    break;
                }
                masked[k] = true;
            }
        }
    }
    masked
}

fn latest_full_date(found: &[Found2]) -> Option<Date> {
    found
        .iter()
        .filter_map(|f| match f {
            Found2::Date(m) if m.expr.is_full() => date::resolve(m.expr, None, false).map(|(d, _, _)| d),
            _ => None,
        })
        .max()
}

fn span_of(tokens: &[Token], start: usize, end: usize) -> Span {
    Span::new(tokens[start].start, tokens[end - 1].end)
}

fn measure_claim(m: Measure, tokens: &[Token], rules: &Rules, terms: &Terms, index: usize) -> Claim {
    let head = match m.kind {
        Kind::Count | Kind::Duration => m.head.clone(),
        Kind::Quantity if m.unit == "magnitude" => Some("magnitude".to_string()),
        _ => None,
    };
    Claim {
        source: index,
        span: span_of(tokens, m.start, m.end),
        kind: m.kind,
        value: m.value,
        nominal: m.nominal,
        written: Some(m.written),
        written_unit: m.written_unit,
        hedge: m.hedge,
        unit: m.unit,
        subject: terms.subject(tokens, rules, m.start, m.end, head.as_deref()),
        precision: None,
        rule: m.rule,
    }
}

fn date_claim(
    m: &DateMatch,
    tokens: &[Token],
    rules: &Rules,
    terms: &Terms,
    reference: Option<Date>,
    future: bool,
    index: usize,
) -> Option<Claim> {
    let (first, last, precision) = date::resolve(m.expr, reference, future)?;
    let (a, b) = (date::day_number(first), date::day_number(last));
    let nominal = Interval::between(a, b);
    let value = match m.hedge {
        Hedge::Since => Interval { low: Some(a), high: None },
        Hedge::Until => Interval { low: None, high: Some(b) },
        _ => nominal,
    };
    Some(Claim {
        source: index,
        span: span_of(tokens, m.start, m.end),
        kind: Kind::Date,
        value,
        nominal,
        written: None,
        written_unit: String::new(),
        hedge: m.hedge,
        unit: "day".into(),
        subject: terms.subject(tokens, rules, m.start, m.end, None),
        precision: Some(precision),
        rule: "date",
    })
}

/// The clauses of a source's tokens, so that each date finds its clause without a walk back to the
/// last comma (on a long line without one, that walk made extraction quadratic), and each clause
/// is read for future-tense markers once.
struct Clauses {
    /// The clause of each token; a clause mark belongs to the clause it closes.
    of: Vec<u32>,
    /// The first token of each clause.
    starts: Vec<usize>,
    /// Whether each clause speaks of the future, once asked.
    future: Vec<Option<bool>>,
}

impl Clauses {
    fn new(tokens: &[Token]) -> Clauses {
        let mut of = Vec::with_capacity(tokens.len());
        let mut starts = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            if k == 0 || is_clause_mark(&tokens[k - 1]) || tokens[k - 1].sentence != t.sentence {
                starts.push(k);
            }
            of.push(starts.len() as u32 - 1);
        }
        let future = vec![None; starts.len()];
        Clauses { of, starts, future }
    }

    /// True when the clause holding token `at` speaks of the future ("will", "is expected to").
    fn is_future(&mut self, tokens: &[Token], rules: &Rules, at: usize) -> bool {
        let clause = self.of[at] as usize;
        if let Some(known) = self.future[clause] {
            return known;
        }
        let sentence = tokens[self.starts[clause]].sentence;
        let words: Vec<&str> = tokens[self.starts[clause]..]
            .iter()
            .take_while(|t| t.sentence == sentence && !is_clause_mark(t))
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.norm.as_str())
            .collect();
        let future = words.iter().enumerate().any(|(n, w)| {
            rules.future_markers.contains(*w)
                || (n + 1 < words.len() && rules.future_markers.contains(&format!("{} {}", w, words[n + 1])))
        });
        self.future[clause] = Some(future);
        future
    }
}

fn is_clause_mark(t: &Token) -> bool {
    t.is_punct(",;:()—–")
}
