//! Baseline: a `Report` and the text of an approved baseline in, the drift between them out (groups
//! changed, new, stale), plus the atomic write that `--accept` uses.
//!
//! The baseline is the text report's group blocks, keyed by group id, with each mention's
//! `path:line:col` cut to its path: ids do not depend on line numbers, so a moved paragraph changes
//! nothing, while an edited number changes its group's block and the diff names the group. Single-
//! source claims are left out: they are not findings, and every edit of an article would move them.

use std::collections::BTreeSet;
use std::fmt::{self, Display, Write as _};
use std::fs;
use std::io::{self, Write as _};
use std::path::Path;

use similar::TextDiff;

use crate::error::Error;
use crate::report::{Group, Report};

/// The first line of every baseline file.
pub const HEADER: &str = "# crosscheck baseline: approved groups by id. Update with `crosscheck --accept`.";

/// One group as the baseline records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The group's stable id.
    pub id: String,
    /// The block's first line: id, verdict, kind and subject.
    pub title: String,
    /// The whole block, title included, each line ending in `\n`.
    pub block: String,
    /// The sources its mentions come from.
    pub paths: BTreeSet<String>,
}

/// How this run differs from the baseline.
#[derive(Clone, Debug, Default)]
pub struct Drift {
    /// Groups in both, with different blocks: (approved, now).
    pub changed: Vec<(Entry, Entry)>,
    /// Groups found now that the baseline does not hold.
    pub new: Vec<Entry>,
    /// Groups the baseline holds that this run no longer finds, though it read all their sources.
    pub stale: Vec<Entry>,
    /// Groups the same in both.
    pub unchanged: usize,
    /// Baseline groups not checked because this run did not read all their sources.
    pub out_of_scope: usize,
    /// Groups found under a new id with the very same verdict, kind and mentions: their subject,
    /// which draws on the words around a claim, shifted when text moved near them. Not drift.
    pub renamed: usize,
}

impl Entry {
    /// What the group says, without its id and subject: verdict, kind, why and every mention.
    fn content(&self) -> String {
        let head = self.title.split_once("] ").map_or("", |(_, h)| h);
        let head = head.split_once(':').map_or(head, |(h, _)| h);
        let body = self.block.split_once('\n').map_or("", |(_, b)| b);
        format!("{head}\n{body}")
    }
}

impl Drift {
    /// True when this run matches the baseline.
    pub fn is_clean(&self) -> bool {
        self.changed.is_empty() && self.new.is_empty() && self.stale.is_empty()
    }
}

/// The baseline text of `report`: the header, then one block per group in report order.
pub fn render(report: &Report) -> String {
    let mut out = format!("{HEADER}\n");
    for g in &report.groups {
        out.push('\n');
        out.push_str(&entry(g).block);
    }
    out
}

/// The baseline entry of one group.
pub fn entry(g: &Group) -> Entry {
    let title = format!("[{}] {:<10}  {}: {}", g.id, g.verdict.name(), g.kind, g.subject);
    let mut block = format!("{title}\n  why: {}\n", g.why);
    let pw = g.mentions.iter().map(|m| m.path.chars().count()).max().unwrap_or(0);
    let quotes: Vec<String> = g.mentions.iter().map(|m| format!("\"{}\"", m.text())).collect();
    let qw = quotes.iter().map(|q| q.chars().count()).max().unwrap_or(0).min(48);
    for (m, q) in g.mentions.iter().zip(&quotes) {
        let line = format!("  {:<pw$}  {q:<qw$}  {}", m.path, m.shown);
        let _ = writeln!(block, "{}", line.trim_end());
    }
    Entry { id: g.id.clone(), title, block, paths: g.mentions.iter().map(|m| m.path.to_string()).collect() }
}

/// Reads baseline text; `file` names it in errors, which give the line.
pub fn parse(text: &str, file: &str) -> Result<Vec<Entry>, Error> {
    let bad = |line: usize, message: &str| Error::Baseline { file: file.to_string(), line, message: message.into() };
    let mut entries: Vec<Entry> = Vec::new();
    let mut open = false;
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            open = false;
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let id = rest
                .split(']')
                .next()
                .filter(|_| rest.contains(']'))
                .ok_or_else(|| bad(n + 1, "no `]` after the id"))?;
            if entries.iter().any(|e| e.id == id) {
                return Err(bad(n + 1, &format!("group [{id}] appears twice")));
            }
            entries.push(Entry { id: id.into(), title: line.into(), block: String::new(), paths: BTreeSet::new() });
            open = true;
        } else if !open || !line.starts_with("  ") {
            return Err(bad(n + 1, "expected a `[id] verdict  kind: subject` line to open a group"));
        } else if !line.starts_with("  why: ") {
            let path = line[2..].split("  \"").next().unwrap_or("").trim_end();
            entries.last_mut().expect("open group").paths.insert(path.to_string());
        }
        let e = entries.last_mut().expect("open group");
        e.block.push_str(line);
        e.block.push('\n');
    }
    Ok(entries)
}

/// Compares `report` with the approved baseline `text` (from `file`).
pub fn compare(text: &str, file: &str, report: &Report) -> Result<Drift, Error> {
    let approved = parse(text, file)?;
    let read: BTreeSet<&str> = report.sources.iter().map(|s| s.path.as_str()).collect();
    let mut drift = Drift::default();
    let now: Vec<Entry> = report.groups.iter().map(entry).collect();
    for e in &now {
        match approved.iter().find(|a| a.id == e.id) {
            Some(a) if a.block == e.block => drift.unchanged += 1,
            Some(a) => drift.changed.push((a.clone(), e.clone())),
            None => drift.new.push(e.clone()),
        }
    }
    for a in approved {
        if now.iter().any(|e| e.id == a.id) {
            continue;
        }
        if let Some(i) = drift.new.iter().position(|e| e.content() == a.content()) {
            drift.new.remove(i);
            drift.renamed += 1;
        } else if a.paths.iter().all(|p| read.contains(p.as_str())) {
            drift.stale.push(a);
        } else {
            drift.out_of_scope += 1;
        }
    }
    Ok(drift)
}

/// The drift as a summary line, then a unified diff per group, each headed by the group's id.
impl Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut notes = String::new();
        if self.renamed > 0 {
            notes.push_str(&format!(", {} under a new id (same mentions)", self.renamed));
        }
        if self.out_of_scope > 0 {
            notes.push_str(&format!(", {} not checked (sources not read)", self.out_of_scope));
        }
        writeln!(
            f,
            "baseline: {} changed, {} new, {} stale, {} unchanged{notes}",
            self.changed.len(),
            self.new.len(),
            self.stale.len(),
            self.unchanged,
        )?;
        let section = |f: &mut fmt::Formatter<'_>, what: &str, title: &str, old: &str, new: &str| {
            writeln!(f, "\n{what} {title}")?;
            let diff = TextDiff::from_lines(old, new);
            write!(f, "{}", diff.unified_diff().context_radius(8).header("baseline", "this run"))
        };
        for (a, e) in &self.changed {
            section(f, "changed", &e.title, &a.block, &e.block)?;
        }
        for e in &self.new {
            section(f, "new", &e.title, "", &e.block)?;
        }
        for a in &self.stale {
            section(f, "stale (gone from this run)", &a.title, &a.block, "")?;
        }
        Ok(())
    }
}

/// Writes `bytes` to `path` so that a reader sees the old file or the new one, never a part: the
/// bytes go to a temporary file in the same folder (a rename across file systems is not atomic),
/// are flushed to disk, and the temporary file is renamed over `path`. On failure the temporary
/// file is removed and `path` is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let err = |source: io::Error| Error::Io { path: path.display().to_string(), source };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| err(io::Error::other("not a file name")))?;
    let tmp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let result = (|| {
        let mut file = fs::OpenOptions::new().write(true).create(true).truncate(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        // The rename itself lives in the folder; flush it too where the platform allows.
        #[cfg(unix)]
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# header\n\n[ab] agree       count: soldier\n  why: all say 7\n  a.md  \"7 soldiers\"  7\n  b c.md  \"seven soldiers\"  7\n";

    #[test]
    fn parse_reads_ids_blocks_and_paths() {
        let entries = parse(TEXT, "b.txt").unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].id, "ab");
        assert_eq!(entries[0].paths, ["a.md", "b c.md"].map(String::from).into());
        assert!(entries[0].block.ends_with("7\n") && entries[0].block.starts_with("[ab]"));
    }

    #[test]
    fn parse_refuses_orphans_and_twins_with_their_line() {
        let e = parse("# h\n  a.md  \"7\"  7\n", "b.txt").unwrap_err().to_string();
        assert!(e.starts_with("b.txt:2: "), "{e}");
        let twice = format!("{TEXT}\n{}", &TEXT[10..]);
        assert!(parse(&twice, "b.txt").unwrap_err().to_string().contains("[ab] appears twice"));
    }
}
