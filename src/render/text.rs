//! The text report: a summary line, the sources, one block per group, then single-source claims.
//! Byte-identical for the same input: no timestamps, no absolute paths, no hash order, no colour.

use std::fmt::{self, Display, Write};

use crate::compare::Verdict;
use crate::report::{Mention, Report};

/// Renders a `Report` as text through `Display`.
pub struct Text<'a>(pub &'a Report);

impl Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.0;
        let count = |v: Verdict| r.groups.iter().filter(|g| g.verdict == v).count();
        let plural =
            |n: usize, one: &str, many: &str| if n == 1 { format!("{n} {one}") } else { format!("{n} {many}") };
        write!(
            f,
            "crosscheck: {}, {} ({} conflict, {} compatible, {} agree), {}",
            plural(r.sources.len(), "source", "sources"),
            plural(r.groups.len(), "group", "groups"),
            count(Verdict::Conflict),
            count(Verdict::Compatible),
            count(Verdict::Agree),
            plural(r.singles.len(), "single-source claim", "single-source claims"),
        )?;
        // Only when nonzero, so reports without suppressions keep their bytes.
        if r.suppressed > 0 {
            write!(f, ", {} suppressed", r.suppressed)?;
        }
        writeln!(f)?;
        writeln!(f)?;
        writeln!(f, "sources")?;
        let width = r.sources.iter().map(|s| s.path.chars().count()).max().unwrap_or(0);
        for s in &r.sources {
            let date = s.date.as_deref().unwrap_or("no date");
            writeln!(f, "  {:<width$}  {date} (from {}), {} claims", s.path, s.date_from, s.claims)?;
        }
        for g in &r.groups {
            writeln!(f)?;
            writeln!(f, "{:<10}  {}: {}  [{}]", g.verdict.name(), g.kind, g.subject, g.id)?;
            writeln!(f, "  why: {}", g.why)?;
            write_mentions(f, &g.mentions, false)?;
        }
        if !r.singles.is_empty() {
            writeln!(f)?;
            writeln!(f, "single-source claims")?;
            write_mentions(f, &r.singles, true)?;
        }
        Ok(())
    }
}

fn write_mentions(f: &mut fmt::Formatter<'_>, mentions: &[Mention], with_kind: bool) -> fmt::Result {
    let locations: Vec<String> = mentions.iter().map(|m| format!("{}:{}:{}", m.path, m.line, m.column)).collect();
    let quotes: Vec<String> = mentions.iter().map(|m| format!("\"{}\"", m.text())).collect();
    let values: Vec<String> = mentions
        .iter()
        .map(|m| if with_kind { format!("{}: {}", m.kind, m.shown) } else { m.shown.to_string() })
        .collect();
    let lw = locations.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let qw = quotes.iter().map(|s| s.chars().count()).max().unwrap_or(0).min(48);
    for (n, m) in mentions.iter().enumerate() {
        let mut line = String::new();
        let _ = write!(line, "  {:<lw$}  {:<qw$}  {}", locations[n], quotes[n], values[n]);
        if with_kind && !m.subject.is_empty() {
            let _ = write!(line, "  ({})", m.subject);
        }
        writeln!(f, "{}", line.trim_end())?;
    }
    Ok(())
}
