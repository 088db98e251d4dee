//! Runs the `examples` of every rule through the extractor, so a rule that stops doing what it
//! promises fails the build (`tests/rules_examples.rs`) and `crosscheck rules` can check a user's own.

use std::fmt;

use super::schema::{Example, ExampleValue};
use super::Rules;
use crate::claim::{Claim, Kind};
use crate::extract::{self, date::day_number, subject::canonical_word};
use crate::source::{parse_iso_date, DateOrigin, Source};

/// An example that did not give what its rule promises.
#[derive(Clone, Debug, PartialEq)]
pub struct ExampleFailure {
    /// The rules file holding it.
    pub file: String,
    /// The example text.
    pub text: String,
    /// What was expected and what was found.
    pub message: String,
}

impl fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: example {:?}: {}", self.file, self.text, self.message)
    }
}

/// Checks every example of every rule; returns the failures (empty when all pass).
pub fn check_examples(rules: &Rules) -> Vec<ExampleFailure> {
    let mut failures = Vec::new();
    for (file, example) in rules.examples() {
        if let Err(message) = check_one(rules, &example) {
            failures.push(ExampleFailure { file: file.to_string(), text: example.text.clone(), message });
        }
    }
    for (file, f) in rules.files() {
        for alias in &f.alias {
            for [a, b] in &alias.examples {
                let (ca, cb) = (canonical_phrase(rules, a), canonical_phrase(rules, b));
                if ca.is_none() || ca != cb {
                    failures.push(ExampleFailure {
                        file: file.to_string(),
                        text: format!("{a} ~ {b}"),
                        message: format!("resolve to {ca:?} and {cb:?}, not one term"),
                    });
                }
            }
        }
        for ignore in &f.ignore {
            let Some((_, regex, _)) = rules.ignore.iter().find(|(name, _, _)| name == &ignore.name) else { continue };
            for text in &ignore.examples {
                let claims = claims_of(rules, text, None);
                let hit = regex.find(text);
                let message = match hit {
                    None => Some("the pattern does not match".to_string()),
                    Some(m) => claims
                        .iter()
                        .find(|c| c.span.start() < m.end() && m.start() < c.span.end())
                        .map(|c| format!("a claim was still found: {:?}", &text[c.span.range()])),
                };
                if let Some(message) = message {
                    failures.push(ExampleFailure { file: file.to_string(), text: text.clone(), message });
                }
            }
        }
    }
    failures
}

fn canonical_phrase(rules: &Rules, phrase: &str) -> Option<String> {
    let key = phrase.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ");
    rules.alias(&key).map(str::to_string).or_else(|| canonical_word(&key, rules))
}

/// The fraction of a day of "2013-07-02 07:48" (0 for a bare date), as time claims are valued.
fn time_of_day(t: &str) -> f64 {
    let clock = t.get(11..16).and_then(|c| c.split_once(':'));
    clock.and_then(|(h, m)| Some((h.parse::<f64>().ok()? * 60.0 + m.parse::<f64>().ok()?) / 1440.0)).unwrap_or(0.0)
}

fn claims_of(rules: &Rules, text: &str, date: Option<jiff::civil::Date>) -> Vec<Claim> {
    let mut warnings = Vec::new();
    let mut source = Source::new("<example>", text.to_string(), &mut warnings);
    if date.is_some() {
        source.date = date;
        source.date_from = DateOrigin::Flag;
    }
    extract::extract(&source, 0, rules).claims
}

fn check_one(rules: &Rules, example: &Example) -> Result<(), String> {
    let date = match &example.date {
        Some(d) => Some(parse_iso_date(d).ok_or_else(|| format!("date {d:?} is not YYYY-MM-DD"))?),
        None => None,
    };
    let kind = match &example.kind {
        Some(k) => Some(Kind::from_name(k).ok_or_else(|| format!("unknown kind {k:?}"))?),
        None => None,
    };
    let claims = claims_of(rules, &example.text, date);
    let of_kind: Vec<&Claim> = claims.iter().filter(|c| kind.is_none_or(|k| c.kind == k)).collect();
    if example.none {
        return match of_kind.first() {
            None => Ok(()),
            Some(c) => Err(format!("expected no claim, found {} {:?}", c.kind, &example.text[c.span.range()])),
        };
    }
    let expect = |v: &Option<ExampleValue>| -> Result<Option<Option<f64>>, String> {
        match v {
            None => Ok(None),
            Some(ExampleValue::Number(x)) => Ok(Some(Some(*x))),
            Some(ExampleValue::Text(t)) if t == "open" => Ok(Some(None)),
            Some(ExampleValue::Text(t)) => parse_iso_date(t)
                .map(|d| Some(Some(day_number(d) + time_of_day(t))))
                .ok_or_else(|| format!("{t:?} is neither a number, an ISO date nor \"open\"")),
        }
    };
    let value = expect(&example.value)?;
    let (mut low, mut high) = (expect(&example.low)?, expect(&example.high)?);
    if let Some(v) = value {
        low = Some(v);
        high = Some(v);
    }
    let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(1.0),
        (None, None) => true,
        _ => false,
    };
    let fits = |c: &&Claim| {
        low.is_none_or(|l| close(c.value.low(), l))
            && high.is_none_or(|h| close(c.value.high(), h))
            && example.unit.as_ref().is_none_or(|u| &c.unit == u)
            && example.qualifier.as_ref().is_none_or(|q| c.subject.qualifiers.iter().any(|t| t == q))
            && example.place.as_ref().is_none_or(|p| c.subject.place.as_deref().unwrap_or_default() == p)
            && example.statement.is_none_or(|s| c.subject.statement == s)
            && example.times.is_none_or(|t| c.subject.times == t)
            && example.disputed.is_none_or(|d| c.subject.disputed == d)
    };
    if of_kind.iter().any(fits) {
        return Ok(());
    }
    let found: Vec<String> = claims
        .iter()
        .map(|c| format!("{} {} = {:?}..{:?} [{}]", c.kind, c.value_text(), c.value.low(), c.value.high(), c.unit))
        .collect();
    Err(format!(
        "expected {} low={:?} high={:?}{}, found [{}]",
        kind.map_or("a claim", Kind::name),
        low.flatten(),
        high.flatten(),
        example.unit.as_ref().map_or(String::new(), |u| format!(" unit={u}"))
            + &example.qualifier.as_ref().map_or(String::new(), |q| format!(" qualifier={q}"))
            + &example.place.as_ref().map_or(String::new(), |p| format!(" place={p:?}"))
            + &example.statement.map_or(String::new(), |s| format!(" statement={s}"))
            + &example.times.map_or(String::new(), |t| format!(" times={t}"))
            + &example.disputed.map_or(String::new(), |d| format!(" disputed={d}")),
        found.join("; ")
    ))
}
