//! The output of `check --each`: one report per story folder, in path order, in the chosen format
//! (text, JSON or Markdown), each under a heading naming its folder. Written a story at a time as
//! the stories are checked, so that a day of stories never sits in memory whole.

use super::{Format, Markdown, Text};
use crate::Story;

/// The bytes of `check --each` output, a story at a time: `story` for each story in path order,
/// then `end`. Text puts each report under a `== story: PATH` line, Markdown under a second-level
/// heading; JSON makes one document, `{"version": 1, "stories": [{"story": PATH, "report": ...}]}`.
pub struct Stories {
    format: Format,
    written: usize,
}

impl Stories {
    /// A writer of `format`; `None` for the formats that report one story only (github, sarif).
    pub fn new(format: Format) -> Option<Stories> {
        matches!(format, Format::Text | Format::Json | Format::Markdown).then_some(Stories { format, written: 0 })
    }

    /// What to write for the next story.
    pub fn story(&mut self, story: &Story) -> String {
        let first = self.written == 0;
        self.written += 1;
        match (self.format, &story.report) {
            (Format::Json, _) => {
                let item = serde_json::json!({ "story": story.path, "report": report_value(story) });
                let item = serde_json::to_string_pretty(&item).unwrap_or_default();
                // The item stands two levels deep in the document (see `end`).
                let indented: Vec<String> = item.lines().map(|l| format!("    {l}")).collect();
                let before = if first { format!("{}[\n", json_frame().0) } else { ",\n".to_string() };
                format!("{before}{}", indented.join("\n"))
            }
            (Format::Markdown, Some(report)) => format!("## Story `{}`\n\n{}\n", story.path, Markdown(report)),
            (Format::Markdown, None) => format!("## Story `{}`\n\nNo readable source.\n\n", story.path),
            (_, report) => {
                let gap = if first { "" } else { "\n" };
                let body =
                    report.as_ref().map_or_else(|| "(no readable source)\n".to_string(), |r| Text(r).to_string());
                format!("{gap}== story: {}\n{body}", story.path)
            }
        }
    }

    /// What closes the output once every story is written.
    pub fn end(&self) -> String {
        match self.format {
            Format::Json if self.written == 0 => format!("{}[]{}\n", json_frame().0, json_frame().1),
            Format::Json => format!("\n  ]{}\n", json_frame().1),
            _ => String::new(),
        }
    }
}

/// A story's report as a JSON value, as `Json` writes it (`null` for a folder without sources).
/// Made from the report itself, never by parsing `Json`'s text back: serde_json parses a float
/// correctly rounded only with its `float_roundtrip` feature, which a dev-dependency turns on in
/// some builds and not others, so a parsed `117482.11200000001` came back as `117482.112` in one
/// build and not in another, and a story's values differed from those of the story checked alone.
fn report_value(story: &Story) -> serde_json::Value {
    match &story.report {
        Some(r) => serde_json::to_value(r).unwrap_or(serde_json::Value::Null),
        None => serde_json::Value::Null,
    }
}

/// The JSON document around the stories' array: what comes before the `[` and after the `]`, as
/// serde_json lays out `{"version": 1, "stories": [...]}` (whichever key it puts first).
fn json_frame() -> (String, String) {
    let empty = serde_json::json!({ "version": 1, "stories": [] });
    let text = serde_json::to_string_pretty(&empty).unwrap_or_default();
    let (before, after) = text.split_once("[]").unwrap_or((&text, ""));
    (before.to_string(), after.to_string())
}
