//! Stage 6, rendering: a `Report` in, bytes on an `io::Write` out; one file per format, each a
//! `Display` implementation, so rendering can neither fail half-way nor depend on the sink.

mod claims;
pub mod github;
mod json;
mod markdown;
mod sarif;
mod stories;
mod text;

use std::fmt;
use std::io;

pub use claims::{ClaimsJsonLines, ClaimsText};
pub use github::Github;
pub use json::Json;
pub use markdown::Markdown;
pub use sarif::{Sarif21, FINGERPRINT_KEY};
pub use stories::Stories;
pub use text::Text;

use crate::report::{FailOn, Report};

/// Writes `value` as pretty-printed JSON and a line end straight into `f`, never as one string
/// first: a pile's JSON is several times its report, and was held whole beside it.
fn write_json(f: &mut fmt::Formatter<'_>, value: &impl serde::Serialize) -> fmt::Result {
    serde_json::to_writer_pretty(Utf8Sink(f), value).map_err(|_| fmt::Error)?;
    writeln!(f)
}

/// An `io::Write` over a formatter, for serde_json. serde_json writes whole characters in each
/// piece (it cuts strings only at the ASCII characters it escapes), so every piece is text.
struct Utf8Sink<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl io::Write for Utf8Sink<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = std::str::from_utf8(buf).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        self.0.write_str(text).map_err(io::Error::other)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// GitHub's limit on one step's job summary (`GITHUB_STEP_SUMMARY`), in bytes.
pub const STEP_SUMMARY_LIMIT: usize = 1 << 20;

/// The output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The diffable plain-text record (default).
    Text,
    /// The JSON contract for machines.
    Json,
    /// A Markdown fact-check report for people (pull requests, job summaries).
    Markdown,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
    /// SARIF 2.1.0 for GitHub code scanning.
    Sarif,
}

/// Writes `report` in `format` to `out`; `fail_on` says which groups are findings, for the formats
/// that list findings only (github).
pub fn render(report: &Report, format: Format, fail_on: FailOn, out: &mut dyn io::Write) -> io::Result<()> {
    match format {
        Format::Text => write!(out, "{}", Text(report)),
        Format::Json => write!(out, "{}", Json(report)),
        Format::Markdown => write!(out, "{}", Markdown(report)),
        Format::Github => write!(out, "{}", Github { report, fail_on }),
        Format::Sarif => write!(out, "{}", Sarif21(report)),
    }
}
