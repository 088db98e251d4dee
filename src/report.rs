//! Stage 5, reporting: sources, claims and groups in, a plain `Report` out, in canonical order
//! (conflict, compatible, agree; then subject) with stable ids, ready for any renderer.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::align::{Aligned, Ground};
use crate::claim::{format_bound, Claim, Interval, Kind, Term};
use crate::compare::{self, Verdict};
use crate::error::Warning;
use crate::extract::subject::MAX_BORROWED_WEIGHT;
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
    /// How many claims a `crosscheck-ignore` comment or a `[[suppress]]` rule silenced. Left out of
    /// the JSON when zero, like `warnings`, so reports without suppressions keep their v1 bytes.
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Which verdicts count as findings: they make the exit code 1 and become annotations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Conflicts only (the default).
    #[default]
    Conflict,
    /// Conflicts and compatible groups.
    Compatible,
    /// Nothing: report, never fail.
    Never,
}

impl FailOn {
    /// Whether a group with `verdict` is a finding at this level.
    pub fn flags(self, verdict: Verdict) -> bool {
        match self {
            FailOn::Conflict => verdict == Verdict::Conflict,
            FailOn::Compatible => verdict != Verdict::Agree,
            FailOn::Never => false,
        }
    }
}

impl Report {
    /// Whether any group is a finding at level `fail_on`.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        self.groups.iter().any(|g| fail_on.flags(g.verdict))
    }
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

/// One claim as the report shows it; the JSON has the fields of DESIGN §6 (see its `Serialize`).
///
/// Lines, columns and byte offsets are `u32`: [`crate::source::load`] reads a file only up to
/// [`crate::source::MAX_SOURCE_BYTES`] (8 MiB), and a pile's mentions are hundreds of thousands. A
/// text over 4 GiB handed to `Source::new` by a library caller shows its positions past that as
/// `u32::MAX`.
#[derive(Clone)]
pub struct Mention {
    /// Display path of its source.
    pub path: Arc<str>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// Byte offset of the first byte, into the file as read.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// The value as an interval, in the claim's own terms (day numbers for dates); the JSON writes
    /// it as `Mention::bounds` has it. Kept as two numbers, not as JSON values: a pile's dates as
    /// ISO strings and its bounds as `serde_json::Value`s were a quarter of its mentions' bytes.
    pub value: Interval,
    /// The value as a reader would say it (`~11,000`, `>10,000`); shared like `subject`.
    pub shown: Arc<str>,
    /// Canonical unit.
    pub unit: Term,
    /// Kind.
    pub kind: Kind,
    /// This claim's own subject terms, at most `LABEL_TERMS` of them. Shared among the mentions
    /// whose labels are alike ([`Strings`]): a pile's mentions repeat a few thousand labels.
    pub subject: Arc<str>,
    /// The rule that found it.
    pub rule: &'static str,
    /// 1-based line of the span's last character (the span may cross a line break).
    pub end_line: u32,
    /// 1-based column just past the span's last character, on `end_line` (SARIF's `endColumn`).
    pub end_column: u32,
    /// Where the claim's sentence lies in its source's text (for reports that quote the sentence;
    /// not in the JSON contract, which stays as DESIGN §6 has it).
    pub context: Context,
}

/// The fields of DESIGN §6, in the order the JSON has always had them; `end_line`, `end_column`
/// and `context` are not in the contract.
impl Serialize for Mention {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Mention", 12)?;
        out.serialize_field("path", &self.path)?;
        out.serialize_field("line", &self.line)?;
        out.serialize_field("column", &self.column)?;
        out.serialize_field("start", &self.start)?;
        out.serialize_field("end", &self.end)?;
        out.serialize_field("text", &self.text())?;
        out.serialize_field("value", &self.bounds())?;
        out.serialize_field("shown", &self.shown)?;
        out.serialize_field("unit", &self.unit)?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("subject", &self.subject)?;
        out.serialize_field("rule", &self.rule)?;
        out.end()
    }
}

/// Where and what: the quoted text, which a mention reads from its source, included.
impl fmt::Debug for Mention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mention")
            .field("path", &self.path)
            .field("line", &self.line)
            .field("column", &self.column)
            .field("text", &self.text())
            .field("value", &self.value)
            .field("shown", &self.shown)
            .field("kind", &self.kind)
            .field("subject", &self.subject)
            .finish_non_exhaustive()
    }
}

/// Most subject terms a mention's label shows.
pub const LABEL_TERMS: usize = 6;

/// The strings of the mentions made so far that mentions repeat (subject labels, values as
/// shown), so that mentions alike hold one copy: the 179,000 mentions of a pile of 10,000 sources
/// show 1,722 labels and 10,520 values.
#[derive(Default)]
pub struct Strings(rustc_hash::FxHashSet<Arc<str>>);

impl Strings {
    /// The one copy of `text`.
    pub fn share(&mut self, text: String) -> Arc<str> {
        if let Some(kept) = self.0.get(text.as_str()) {
            return Arc::clone(kept);
        }
        let kept: Arc<str> = Arc::from(text);
        self.0.insert(Arc::clone(&kept));
        kept
    }
}

/// The sentence a mention stands in: its source's text, shared with the source, and where the
/// sentence lies in it. Its words are read when a renderer quotes them (`Mention::before`), not
/// for every mention: a pile's mentions are hundreds of thousands, and their sentences made as
/// strings were an eighth of its heap.
#[derive(Clone)]
pub struct Context {
    text: Arc<str>,
    /// Where the sentence starts, at or before the claim's start.
    from: u32,
    /// Where it ends, at or after the claim's end.
    to: u32,
}

impl fmt::Debug for Context {
    /// The span alone: the text is the whole source's.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Context({}..{})", self.from, self.to)
    }
}

/// An interval in JSON form.
#[derive(Clone, Debug, Serialize)]
pub struct Value {
    /// Lower bound, or null when open.
    pub low: serde_json::Value,
    /// Upper bound, or null when open.
    pub high: serde_json::Value,
}

/// A position as a mention holds it; past `u32::MAX`, that (see `Mention`).
fn position(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl Mention {
    /// The mention of `claim`, found in `source`, its strings shared through `strings`.
    pub fn new(claim: &Claim, source: &Source, strings: &mut Strings) -> Mention {
        let (line, column) = source.line_col(claim.span.start());
        let (end_line, end_column) = source.line_col(claim.span.end());
        let (from, to) = sentence_around(source, claim.span.start(), claim.span.end());
        Mention {
            path: source.path.clone(),
            line: position(line),
            column: position(column),
            start: position(claim.span.start()),
            end: position(claim.span.end()),
            value: claim.value,
            shown: strings.share(claim.value_text()),
            unit: claim.unit,
            kind: claim.kind,
            subject: strings.share(claim.subject.label(LABEL_TERMS)),
            rule: claim.rule.name(),
            end_line: position(end_line),
            end_column: position(end_column),
            context: Context { text: Arc::clone(&source.text), from: position(from), to: position(to) },
        }
    }

    /// The value in its JSON form: dates as ISO strings, other values as numbers, open bounds as
    /// null.
    pub fn bounds(&self) -> Value {
        let bound = |x: Option<f64>| match x {
            None => serde_json::Value::Null,
            Some(x) if self.kind == Kind::Date => serde_json::Value::String(format_bound(Kind::Date, "day", x)),
            Some(x) => serde_json::Number::from_f64(x).map_or(serde_json::Value::Null, serde_json::Value::Number),
        };
        Value { low: bound(self.value.low()), high: bound(self.value.high()) }
    }

    /// The words of the claim's sentence before the quoted text, white space folded, cut to
    /// `CONTEXT_CHARS` characters at a word.
    pub fn before(&self) -> String {
        clip_front(fold(self.context.slice(self.context.from, self.start)).trim_start())
    }

    /// The words of the claim's sentence after the quoted text, white space folded, cut to
    /// `CONTEXT_CHARS` characters at a word.
    pub fn after(&self) -> String {
        clip_back(fold(self.context.slice(self.end, self.context.to)).trim_end())
    }

    /// The quoted text: the claim's span on one line, white space folded, so a report line never
    /// breaks. Read from the source's text when asked, not kept: most spans need no folding, and a
    /// pile's mentions are hundreds of thousands.
    pub fn text(&self) -> Cow<'_, str> {
        let text = self.context.slice(self.start, self.end);
        if text.split_whitespace().eq(text.split(' ')) {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
        }
    }

    /// The claim's whole sentence: `before`, the quoted text, `after`.
    pub fn sentence(&self) -> String {
        format!("{}{}{}", self.before(), self.text(), self.after())
    }
}

impl Context {
    /// The text from `from` to `to`; empty where a position was cut to `u32::MAX` (see `Mention`).
    fn slice(&self, from: u32, to: u32) -> &str {
        self.text.get(from as usize..to as usize).unwrap_or_default()
    }
}

/// Longest stretch of sentence kept either side of a claim, in characters; longer ones are cut at a
/// word and marked with `…`, so a run-on paragraph does not flood a report.
const CONTEXT_CHARS: usize = 160;

/// Where the sentence around `start..end` lies: back to the previous sentence end or line break,
/// forward to the next. A full stop only ends a sentence before white space, so "6.1" and "U.S.,"
/// stay whole.
///
/// Read no further than the quote's context can show: one past `CONTEXT_CHARS` characters other
/// than white space on each side. The words before and after are cut to `CONTEXT_CHARS`
/// characters with white space folded, so what lies beyond is never shown (the cut words are the
/// same, as the folded stretch read ends, or starts, with the same characters), and a line of
/// thousands of figures was otherwise read whole for each of them.
fn sentence_around(source: &Source, start: usize, end: usize) -> (usize, usize) {
    let text = &source.text;
    let body = source.body.start().min(start);
    let head = &text[body..start];
    let mut from = body;
    let mut prev: Option<char> = None;
    let mut shown = 0;
    for (i, ch) in head.char_indices().rev() {
        if ch == '\n' || (matches!(ch, '.' | '!' | '?') && prev.is_some_and(char::is_whitespace)) {
            from = body + i + ch.len_utf8();
            break;
        }
        shown += usize::from(!ch.is_whitespace());
        if shown > CONTEXT_CHARS {
            from = body + i;
            break;
        }
        prev = Some(ch);
    }
    let tail = &text[end..];
    let mut to = text.len();
    let mut chars = tail.char_indices().peekable();
    let mut shown = 0;
    while let Some((i, ch)) = chars.next() {
        if ch == '\n' {
            to = end + i;
            break;
        }
        if matches!(ch, '.' | '!' | '?') && chars.peek().is_none_or(|(_, c)| c.is_whitespace()) {
            to = end + i + ch.len_utf8();
            break;
        }
        shown += usize::from(!ch.is_whitespace());
        if shown > CONTEXT_CHARS {
            to = end + i + ch.len_utf8();
            break;
        }
    }
    (from, to)
}

/// White space runs folded to one space, an edge space kept so the quote still sits apart.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(ch);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

fn clip_front(text: &str) -> String {
    let n = text.chars().count();
    if n <= CONTEXT_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().skip(n - CONTEXT_CHARS).collect();
    let word = cut.find(' ').map_or(cut.as_str(), |i| &cut[i + 1..]);
    format!("… {word}")
}

fn clip_back(text: &str) -> String {
    if text.chars().count() <= CONTEXT_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(CONTEXT_CHARS).collect();
    let word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{word} …")
}

/// The words the one-line reason adds for a ground `align` grouped on, so an editor sees it and
/// can weigh it: empty where the ground says nothing the verdict needs.
fn ground_note(ground: &Ground, verdict: Verdict, sources: &[Source]) -> String {
    match ground {
        // Figures in conflict that are each outlet's only figure of one role may have been
        // grouped on that ground rather than on their wording.
        Ground::Sole(role) if verdict == Verdict::Conflict => format!("; each source's only figure of {role}"),
        Ground::Sole(_) => String::new(),
        Ground::Outlier { source, role, others } => {
            let path = &sources[*source].path;
            format!("; {path}'s only figure of {role}, against one {others} others agree on")
        }
        Ground::Listed { source, role, others } => {
            let path = &sources[*source].path;
            format!("; {path} lists its figure of {role} where {others} others list this one")
        }
        Ground::Place { source, place, others } => {
            let path = &sources[*source].path;
            let who = if *others == 1 { "another source gives".to_string() } else { format!("{others} others give") };
            format!("; {path}'s only distance from {place}, against the one {who}")
        }
        Ground::Day { sources } => format!("; a day {sources} sources tell alike"),
        Ground::Time { sources } => format!("; the only times of day {sources} sources give for the story's day"),
        Ground::Rounded { source, others } => {
            let path = &sources[*source].path;
            format!("; {path}'s exact span beside its own round bound, against {others} others")
        }
        Ground::Headline { source, others } => {
            let path = &sources[*source].path;
            format!("; {path}'s headline figure, set beside its own body's and {others} others'")
        }
        Ground::Camps(role) => format!("; outlets split into camps on one figure of {role}"),
    }
}

/// Builds the report of `sources`, their extractions and the groups found among their claims
/// (`claims`: every claim of every source; the extractions' own lists are not read), each with
/// the grounds `align` formed it on. The claims are used up: each one's subject words, the bulk
/// of a pile's claims, are dropped once its mention is made, so a pile's claims and its report
/// are not held whole at once.
pub fn build(
    sources: &[Source],
    extractions: &[Extraction],
    mut claims: Vec<Claim>,
    groups: &[Aligned],
    rules: &Rules,
    warnings: &[Warning],
    suppressed: usize,
) -> Report {
    let mut grouped = vec![false; claims.len()];
    let mut strings = Strings::default();
    let mut out_groups = Vec::with_capacity(groups.len());
    for group in groups {
        let members = &group.members;
        let mut refs: Vec<&Claim> = members.iter().map(|&i| &claims[i]).collect();
        refs.sort_by(|a, b| {
            (&sources[a.source as usize].path, a.span).cmp(&(&sources[b.source as usize].path, b.span))
        });
        for &i in members {
            grouped[i] = true;
        }
        let (verdict, mut why) = compare::compare(&refs, rules);
        for ground in &group.grounds {
            why.push_str(&ground_note(ground, verdict, sources));
        }
        // Subject and id read only words of the claims' own sentences: words borrowed from
        // neighbouring sentences change when a paragraph moves, and a moved paragraph is no new
        // finding. Borrowed words serve only when the own sentences share none.
        let own_subject = group_subject(&refs, MAX_BORROWED_WEIGHT);
        let subject = if own_subject.is_empty() { group_subject(&refs, 0.0) } else { own_subject.clone() };
        let first = refs[0];
        let mut paths: Vec<&str> = refs.iter().map(|c| &*sources[c.source as usize].path).collect();
        paths.dedup();
        let id = fingerprint(first.kind, &first.unit, &own_subject, &paths);
        out_groups.push(Group {
            id,
            verdict,
            kind: first.kind,
            unit: first.unit.to_string(),
            subject,
            why,
            mentions: refs.iter().map(|c| Mention::new(c, &sources[c.source as usize], &mut strings)).collect(),
        });
        // Groups are disjoint (each is a cluster of one block), so no later group reads these.
        for &i in members {
            claims[i].subject.terms = Default::default();
        }
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
    // Made to its size: collected through a filter, the list grew by doubling, and a pile's
    // singles held twice their bytes while it last grew.
    let mut singles = Vec::with_capacity(grouped.iter().filter(|g| !**g).count());
    for (c, _) in claims.iter_mut().zip(&grouped).filter(|(_, g)| !**g) {
        singles.push(Mention::new(c, &sources[c.source as usize], &mut strings));
        c.subject.terms = Default::default();
    }
    singles.sort_by(|a, b| (&a.path, a.start, a.end).cmp(&(&b.path, b.start, b.end)));
    let mut counts = vec![0; sources.len()];
    for c in claims {
        counts[c.source as usize] += 1;
    }
    let infos = sources
        .iter()
        .zip(extractions)
        .zip(counts)
        .map(|((s, e), claims)| SourceInfo {
            path: s.path.to_string(),
            date: e.date.map(|d| d.to_string()),
            date_from: e.date_from.name(),
            claims,
        })
        .collect();
    Report {
        version: 1,
        sources: infos,
        groups: out_groups,
        singles,
        warnings: warnings.iter().map(ToString::to_string).collect(),
        suppressed,
    }
}

/// The terms most mentions share, heaviest first: what the group is about. Only terms weighing
/// more than `floor` in a claim's subject count.
fn group_subject(claims: &[&Claim], floor: f32) -> String {
    let mut totals: Vec<(String, f32, usize)> = Vec::new();
    for c in claims {
        for (term, w) in c.subject.terms.iter().filter(|(_, w)| *w > floor) {
            match totals.iter_mut().find(|(t, _, _)| *t == term.as_str()) {
                Some(entry) => {
                    entry.1 += w;
                    entry.2 += 1;
                }
                None => totals.push((term.to_string(), *w, 1)),
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
mod tests;
