//! Stage 6, rendering: a `Report` in, bytes on an `io::Write` out; one file per format, each a
//! `Display` implementation, so rendering can neither fail half-way nor depend on the sink.

mod claims;
mod json;
mod text;

use std::io;

pub use claims::{ClaimsJsonLines, ClaimsText};
pub use json::Json;
pub use text::Text;

use crate::report::Report;

/// The output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The diffable plain-text record (default).
    Text,
    /// The JSON contract for machines.
    Json,
}

/// Writes `report` in `format` to `out`.
pub fn render(report: &Report, format: Format, out: &mut dyn io::Write) -> io::Result<()> {
    match format {
        Format::Text => write!(out, "{}", Text(report)),
        Format::Json => write!(out, "{}", Json(report)),
    }
}
