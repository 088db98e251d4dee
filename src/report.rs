//! Stage 5, reporting: sources, claims and groups in, a plain `Report` out, in canonical order
//! (conflict, compatible, agree; then subject) with stable ids, ready for any renderer.

use serde::Serialize;

use crate::claim::{format_bound, Claim, Kind};
use crate::compare::{self, Verdict};
use crate::error::Warning;
use crate::extract::Extraction;
use crate::rules::Rules;
use crate::source::Source;

/// Everything a renderer needs, and nothing it must compute.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Format version of the JSON output.
    pub version: u32,
    /// The sources, in path order.
    pub sources: Vec<SourceInfo>,
    /// Groups of claims that several sources make, conflicts first.
    pub groups: Vec<Group>,
    /// Claims that only one source makes, in path and text order.
    pub singles: Vec<Mention>,
    /// Problems met on the way (skipped files, lossy decoding).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// One source as the report describes it.
#[derive(Clone, Debug, Serialize)]
pub struct SourceInfo {
    /// Display path.
    pub path: String,
    /// Reference date, ISO, if any.
    pub date: Option<String>,
    /// Where the reference date came from: `header`, `flag`, `text` or `none`.
    pub date_from: &'static str,
    /// How many claims were found in it.
    pub claims: usize,
}

/// Claims from several sources about one thing, and how they relate.
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    /// A fingerprint of kind, unit, subject and sources: independent of line numbers and values, so
    /// a moved paragraph or an edited number keeps the id.
    pub id: String,
    /// How the values relate.
    pub verdict: Verdict,
    /// The kind of the claims.
    pub kind: Kind,
    /// The canonical unit.
    pub unit: String,
    /// The words the mentions share, most telling first.
    pub subject: String,
    /// One line saying why the verdict.
    pub why: String,
    /// Every mention, in path and text order.
    pub mentions: Vec<Mention>,
}

/// One claim as the report shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Mention {
    /// Display path of its source.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset of the first byte, into the file as read.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The quoted text.
    pub text: String,
    /// The value as an interval; dates as ISO strings, open bounds as null.
    pub value: Value,
    /// The value as a reader would say it (`~11,000`, `>10,000`).
    pub shown: String,
    /// Canonical unit.
    pub unit: String,
    /// Kind.
    pub kind: Kind,
    /// This claim's own subject terms.
    pub subject: String,
    /// The rule that found it.
    pub rule: &'static str,
}

/// An interval in JSON form.
#[derive(Clone, Debug, Serialize)]
pub struct Value {
    /// Lower bound, or null when open.
    pub low: serde_json::Value,
    /// Upper bound, or null when open.
    pub high: serde_json::Value,
}

impl Mention {
    /// The mention of `claim`, found in `source`.
    pub fn new(claim: &Claim, source: &Source) -> Mention {
        let (line, column) = source.line_col(claim.span.start);
        let bound = |x: Option<f64>| match x {
            None => serde_json::Value::Null,
            Some(x) if claim.kind == Kind::Date => serde_json::Value::String(format_bound(Kind::Date, "day", x)),
            Some(x) => serde_json::Number::from_f64(x).map_or(serde_json::Value::Null, serde_json::Value::Number),
        };
        Mention {
            path: source.path.clone(),
            line,
            column,
            start: claim.span.start,
            end: claim.span.end,
            text: quote(&source.text[claim.span.start..claim.span.end]),
            value: Value { low: bound(claim.value.low), high: bound(claim.value.high) },
            shown: claim.value_text(),
            unit: claim.unit.clone(),
            kind: claim.kind,
            subject: claim.subject.label(6),
            rule: claim.rule,
        }
    }
}

/// The quoted span on one line, white space folded, so a report line never breaks.
fn quote(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds the report of `sources`, their extractions and the groups found among their claims.
pub fn build(
    sources: &[Source],
    extractions: &[Extraction],
    claims: &[Claim],
    groups: &[Vec<usize>],
    rules: &Rules,
    warnings: &[Warning],
) -> Report {
    let mut grouped = vec![false; claims.len()];
    let mut out_groups = Vec::with_capacity(groups.len());
    for members in groups {
        let mut refs: Vec<&Claim> = members.iter().map(|&i| &claims[i]).collect();
        refs.sort_by(|a, b| (&sources[a.source].path, a.span).cmp(&(&sources[b.source].path, b.span)));
        for &i in members {
            grouped[i] = true;
        }
        let (verdict, why) = compare::compare(&refs, rules);
        let subject = group_subject(&refs);
        let first = refs[0];
        let mut paths: Vec<&str> = refs.iter().map(|c| sources[c.source].path.as_str()).collect();
        paths.dedup();
        let id = fingerprint(first.kind, &first.unit, &subject, &paths);
        out_groups.push(Group {
            id,
            verdict,
            kind: first.kind,
            unit: first.unit.clone(),
            subject,
            why,
            mentions: refs.iter().map(|c| Mention::new(c, &sources[c.source])).collect(),
        });
    }
    out_groups.sort_by(|a, b| {
        (a.verdict, &a.subject, a.kind, &a.unit, &a.mentions[0].path, a.mentions[0].start).cmp(&(
            b.verdict,
            &b.subject,
            b.kind,
            &b.unit,
            &b.mentions[0].path,
            b.mentions[0].start,
        ))
    });
    // Two groups with the same fingerprint keep distinct ids by order of appearance.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for g in &mut out_groups {
        let n = seen.entry(g.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            g.id = format!("{}-{}", g.id, n);
        }
    }
    let mut singles: Vec<Mention> = claims
        .iter()
        .enumerate()
        .filter(|(i, _)| !grouped[*i])
        .map(|(_, c)| Mention::new(c, &sources[c.source]))
        .collect();
    singles.sort_by(|a, b| (&a.path, a.start, a.end).cmp(&(&b.path, b.start, b.end)));
    let infos = sources
        .iter()
        .zip(extractions)
        .map(|(s, e)| SourceInfo {
            path: s.path.clone(),
            date: e.date.map(|d| d.to_string()),
            date_from: e.date_from.name(),
            claims: e.claims.len(),
        })
        .collect();
    Report {
        version: 1,
        sources: infos,
        groups: out_groups,
        singles,
        warnings: warnings.iter().map(ToString::to_string).collect(),
    }
}

/// The terms most mentions share, heaviest first: what the group is about.
fn group_subject(claims: &[&Claim]) -> String {
    let mut totals: Vec<(String, f32, usize)> = Vec::new();
    for c in claims {
        for (term, w) in &c.subject.terms {
            match totals.iter_mut().find(|(t, _, _)| t == term) {
                Some(entry) => {
                    entry.1 += w;
                    entry.2 += 1;
                }
                None => totals.push((term.clone(), *w, 1)),
            }
        }
    }
    let need = claims.len().div_ceil(2).max(2).min(claims.len());
    let mut shared: Vec<&(String, f32, usize)> = totals.iter().filter(|(_, _, n)| *n >= need).collect();
    if shared.is_empty() {
        shared = totals.iter().collect();
    }
    shared.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    shared.iter().take(4).map(|(t, _, _)| t.as_str()).collect::<Vec<_>>().join(" ")
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms, unlike `DefaultHasher`.
fn fingerprint(kind: Kind, unit: &str, subject: &str, paths: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes.iter().chain(std::iter::once(&0xff)) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(kind.name().as_bytes());
    feed(unit.as_bytes());
    let mut words: Vec<&str> = subject.split(' ').collect();
    words.sort_unstable();
    feed(words.join(" ").as_bytes());
    for p in paths {
        feed(p.as_bytes());
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_word_order_but_not_sources() {
        let a = fingerprint(Kind::Count, "soldier", "north korea soldier", &["a", "b"]);
        assert_eq!(a, fingerprint(Kind::Count, "soldier", "soldier north korea", &["a", "b"]));
        assert_ne!(a, fingerprint(Kind::Count, "soldier", "soldier north korea", &["a", "c"]));
        assert_eq!(a.len(), 16);
    }
}
