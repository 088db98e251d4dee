//! The Markdown report: a `Report` in, CommonMark out, for people reading a pull request or a job
//! summary on GitHub: a summary table, the sources, each conflict and compatible group with the
//! sentence every source wrote, then the agreements as one compact table.
//!
//! Text from the articles is escaped so that it can never become Markdown: no stray emphasis, no
//! links, no `@mention` pings, no `$...$` maths, no table breaks.

use std::fmt::{self, Display, Write};

use crate::compare::Verdict;
use crate::report::{Group, Mention, Report};

/// Renders a `Report` as Markdown through `Display`.
pub struct Markdown<'a>(pub &'a Report);

impl Display for Markdown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for block in blocks(self.0) {
            f.write_str(&block.text)?;
        }
        Ok(())
    }
}

impl Markdown<'_> {
    /// The report cut to at most `limit` bytes (GitHub refuses a step summary over 1 MiB). Whole
    /// blocks are dropped from the end, least important first since the report leads with
    /// conflicts, and a closing line says how many groups were left out.
    pub fn within(&self, limit: usize) -> String {
        let blocks = blocks(self.0);
        // Room for the closing note is kept free until the last block is in.
        let reserve = cut_note(blocks.iter().map(|b| b.groups).sum()).len();
        let mut out = String::new();
        for (i, block) in blocks.iter().enumerate() {
            let need = block.text.len() + if i + 1 == blocks.len() { 0 } else { reserve };
            if out.len() + need > limit {
                let note = cut_note(blocks[i..].iter().map(|b| b.groups).sum());
                if out.len() + note.len() <= limit {
                    out.push_str(&note);
                }
                return out;
            }
            out.push_str(&block.text);
        }
        out
    }
}

fn cut_note(groups: usize) -> String {
    format!(
        "\n_{groups} more group(s) left out to keep this summary under GitHub's size limit; run \
         `crosscheck --format markdown` for the whole report._\n"
    )
}

/// A piece of the report that is valid Markdown on its own, and how many groups it shows.
struct Block {
    text: String,
    groups: usize,
}

fn blocks(r: &Report) -> Vec<Block> {
    let mut out = Vec::new();
    let count = |v: Verdict| r.groups.iter().filter(|g| g.verdict == v).count();
    let mut head = String::from("# crosscheck report\n\n");
    head.push_str("| sources | groups | conflict | compatible | agree | single-source claims | suppressed |\n");
    head.push_str("|---:|---:|---:|---:|---:|---:|---:|\n");
    let _ = writeln!(
        head,
        "| {} | {} | {} | {} | {} | {} | {} |",
        r.sources.len(),
        r.groups.len(),
        count(Verdict::Conflict),
        count(Verdict::Compatible),
        count(Verdict::Agree),
        r.singles.len(),
        r.suppressed
    );
    head.push_str("\n## Sources\n\n| source | reference date | from | claims |\n|---|---|---|---:|\n");
    for s in &r.sources {
        let date = s.date.as_deref().unwrap_or("none");
        let _ = writeln!(head, "| {} | {date} | {} | {} |", code(&s.path), s.date_from, s.claims);
    }
    out.push(Block { text: head, groups: 0 });
    for (verdict, title) in [(Verdict::Conflict, "Conflicts"), (Verdict::Compatible, "Compatible")] {
        let groups: Vec<&Group> = r.groups.iter().filter(|g| g.verdict == verdict).collect();
        if groups.is_empty() {
            continue;
        }
        out.push(Block { text: format!("\n## {title} ({})\n", groups.len()), groups: 0 });
        out.extend(groups.into_iter().map(|g| Block { text: group_block(g), groups: 1 }));
    }
    let agree: Vec<&Group> = r.groups.iter().filter(|g| g.verdict == Verdict::Agree).collect();
    if !agree.is_empty() {
        let text = format!(
            "\n## Agreements ({})\n\n| kind | subject | value | mentions | id |\n|---|---|---|---|---|\n",
            agree.len()
        );
        out.push(Block { text, groups: 0 });
        out.extend(agree.into_iter().map(|g| Block { text: agree_row(g), groups: 1 }));
    }
    out
}

fn group_block(g: &Group) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "\n### {} {}: {}\n", g.verdict.name(), g.kind, escape(&g.subject));
    let _ = writeln!(s, "{} · why: {}\n", code(&g.id), escape(&g.why));
    for m in &g.mentions {
        let _ = writeln!(s, "- {} · **{}**", code(&location(m)), escape(&m.shown));
        let _ = writeln!(s, "  > {}", quote(m));
    }
    s
}

fn agree_row(g: &Group) -> String {
    let mut values: Vec<&str> = g.mentions.iter().map(|m| &*m.shown).collect();
    values.sort_unstable();
    values.dedup();
    let values = values.iter().map(|v| escape(v)).collect::<Vec<_>>().join(", ");
    let mentions = g
        .mentions
        .iter()
        .map(|m| format!("{} {}", code(&location(m)), escape(&m.text())))
        .collect::<Vec<_>>()
        .join("<br>");
    format!("| {} | {} | {values} | {mentions} | {} |\n", g.kind, escape(&g.subject), code(&g.id))
}

fn location(m: &Mention) -> String {
    format!("{}:{}:{}", m.path, m.line, m.column)
}

/// The mention's sentence with the claim in bold, escaped, safe at the start of a line.
fn quote(m: &Mention) -> String {
    let mut s = format!("{}**{}**{}", escape(&m.before()), escape(&m.text()), escape(&m.after()));
    // A sentence opening with "1." or "-" would turn the quote into a list.
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if matches!(s.as_bytes().get(digits), Some(b'.' | b')')) && (digits > 0) {
        s.insert(digits, '\\');
    } else if s.starts_with(['-', '+', '=']) {
        s.insert(0, '\\');
    }
    s
}

/// Backslash-escapes every character that Markdown, or GitHub's extensions to it, give a meaning:
/// CommonMark lets any ASCII punctuation be escaped, so the text shows exactly as written.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' | '&' | '$' | '@' | ':')
        {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// `text` as an inline code span, fenced with more backticks than it holds.
fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    // A pipe would end a table cell even inside a code span (GitHub tables split cells first).
    format!("{fence}{pad}{}{pad}{fence}", text.replace('|', "\\|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup_or_mention() {
        assert_eq!(escape("*$75* @cnn #3 <b>"), "\\*\\$75\\* \\@cnn \\#3 \\<b\\>");
    }

    #[test]
    fn code_spans_outfence_backticks() {
        assert_eq!(code("a.md:1:2"), "`a.md:1:2`");
        assert_eq!(code("a`b"), "``a`b``");
    }

    #[test]
    fn cut_reports_stay_under_the_limit() {
        let r = Report {
            version: 1,
            sources: Vec::new(),
            groups: Vec::new(),
            singles: Vec::new(),
            warnings: Vec::new(),
            suppressed: 0,
        };
        let whole = Markdown(&r).to_string();
        assert_eq!(Markdown(&r).within(1 << 20), whole);
        assert!(Markdown(&r).within(40).len() <= 40);
    }
}
