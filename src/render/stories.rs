//! The output of `check --each`: one report per story folder, in path order, in the chosen format
//! (text, JSON or Markdown), each under a heading naming its folder.

use std::fmt::{self, Display};

use super::{Json, Markdown, Text};
use crate::Story;

/// Stories as text reports, each under a `== story: PATH` line.
pub struct StoriesText<'a>(pub &'a [Story]);

/// Stories as one JSON document: `{"version": 1, "stories": [{"story": PATH, "report": ...}]}`.
pub struct StoriesJson<'a>(pub &'a [Story]);

/// Stories as one Markdown document, a second-level heading per story.
pub struct StoriesMarkdown<'a>(pub &'a [Story]);

impl Display for StoriesText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, story) in self.0.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            writeln!(f, "== story: {}", story.path)?;
            match &story.report {
                Some(report) => write!(f, "{}", Text(report))?,
                None => writeln!(f, "(no readable source)")?,
            }
        }
        Ok(())
    }
}

impl Display for StoriesJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stories: Vec<serde_json::Value> = self
            .0
            .iter()
            .map(|s| {
                let report = match &s.report {
                    Some(r) => serde_json::from_str(&Json(r).to_string()).unwrap_or(serde_json::Value::Null),
                    None => serde_json::Value::Null,
                };
                serde_json::json!({ "story": s.path, "report": report })
            })
            .collect();
        let doc = serde_json::json!({ "version": 1, "stories": stories });
        writeln!(f, "{}", serde_json::to_string_pretty(&doc).map_err(|_| fmt::Error)?)
    }
}

impl Display for StoriesMarkdown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for story in self.0 {
            writeln!(f, "## Story `{}`\n", story.path)?;
            match &story.report {
                Some(report) => writeln!(f, "{}", Markdown(report))?,
                None => writeln!(f, "No readable source.\n")?,
            }
        }
        Ok(())
    }
}
