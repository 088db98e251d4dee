//! Stage 6, rendering: a `Report` in, bytes on an `io::Write` out; one file per format, each a
//! `Display` implementation, so rendering can neither fail half-way nor depend on the sink.

mod claims;
pub mod github;
mod json;
mod markdown;
mod sarif;
mod stories;
mod text;

use std::io;

pub use claims::{ClaimsJsonLines, ClaimsText};
pub use github::Github;
pub use json::Json;
pub use markdown::Markdown;
pub use sarif::{Sarif21, FINGERPRINT_KEY};
pub use stories::Stories;
pub use text::Text;

use crate::report::{FailOn, Report};

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
