//! GitHub Actions workflow commands: a `Report` in, `::error`/`::warning` lines out, one per finding,
//! placed on the line of the group's first mention so the reviewer sees it in the diff.
//!
//! GitHub shows at most 10 errors and 10 warnings of a step and drops the rest silently, so the most
//! important come first (the most sources, then the most mentions, then report order) and one
//! `::notice` line says how many more there are instead of letting them vanish.

use std::fmt::{self, Display};

use crate::compare::Verdict;
use crate::report::{FailOn, Group, Report};

/// How many annotations of one level GitHub shows per step.
pub const MAX_PER_LEVEL: usize = 10;

/// Renders the findings of a `Report` as workflow commands through `Display`: conflicts as errors,
/// and compatible groups as warnings when `fail_on` makes them findings.
pub struct Github<'a> {
    /// The report.
    pub report: &'a Report,
    /// Which verdicts are findings.
    pub fail_on: FailOn,
}

impl Display for Github<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut left_out = Vec::new();
        for (verdict, level) in [(Verdict::Conflict, "error"), (Verdict::Compatible, "warning")] {
            if !self.fail_on.flags(verdict) {
                continue;
            }
            let mut groups: Vec<(usize, &Group)> =
                self.report.groups.iter().filter(|g| g.verdict == verdict).enumerate().collect();
            groups.sort_by_key(|(order, g)| (std::cmp::Reverse(importance(g)), *order));
            for (_, g) in groups.iter().take(MAX_PER_LEVEL) {
                annotate(f, level, g)?;
            }
            if groups.len() > MAX_PER_LEVEL {
                let n = groups.len() - MAX_PER_LEVEL;
                left_out.push(format!("{n} more {} group{}", verdict.name(), if n == 1 { "" } else { "s" }));
            }
        }
        if !left_out.is_empty() {
            writeln!(
                f,
                "::notice title={}::{}",
                property("crosscheck: more findings"),
                data(&format!(
                    "{} not annotated (GitHub shows {MAX_PER_LEVEL} per level); see the job summary or run crosscheck \
                     locally",
                    left_out.join(" and ")
                ))
            )?;
        }
        Ok(())
    }
}

/// How much a group matters to a reviewer: more sources at odds, then more mentions.
fn importance(g: &Group) -> (usize, usize) {
    let mut paths: Vec<&str> = g.mentions.iter().map(|m| &*m.path).collect();
    paths.dedup();
    (paths.len(), g.mentions.len())
}

fn annotate(f: &mut fmt::Formatter<'_>, level: &str, g: &Group) -> fmt::Result {
    let at = &g.mentions[0];
    let mut props = format!("file={},line={}", property(&at.path), at.line);
    if at.end_line == at.line {
        // Columns only mean something on one line; endColumn is the span's last character.
        props.push_str(&format!(",col={},endColumn={}", at.column, at.end_column.saturating_sub(1).max(at.column)));
    } else {
        props.push_str(&format!(",endLine={}", at.end_line));
    }
    let title = format!("crosscheck {}: {} of {}", g.verdict.name(), g.kind, g.subject);
    let mut message = format!("{} [{}]", g.why, g.id);
    for m in &g.mentions {
        message.push_str(&format!("\n{}:{}:{} \"{}\" {}", m.path, m.line, m.column, m.text(), m.shown));
    }
    writeln!(f, "::{level} {props},title={}::{}", property(&title), data(&message))
}

/// Escapes a command's message as GitHub's runner reads it (`escapeData` in actions/toolkit).
pub fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command property value (`escapeProperty` in actions/toolkit): also `:` and `,`,
/// which would otherwise end the value.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(data("50% of\r\nall: a,b"), "50%25 of%0D%0Aall: a,b");
        assert_eq!(property("50% of\nall: a,b"), "50%25 of%0Aall%3A a%2Cb");
    }
}
