//! The output of `crosscheck extract`: every claim of every source, one a line, in path and text
//! order, as text for people or JSON Lines for tools.

use std::fmt::{self, Display};

use crate::report::Mention;

/// Claims as aligned text columns.
pub struct ClaimsText<'a>(pub &'a [Mention]);

/// Claims as JSON Lines: one object a line, with the mention fields plus `kind` and `subject`.
pub struct ClaimsJsonLines<'a>(pub &'a [Mention]);

impl Display for ClaimsText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in self.0 {
            let text = m.text();
            writeln!(f, "{}:{}:{}\t{}\t\"{text}\"\t{}\t{}", m.path, m.line, m.column, m.kind, m.shown, m.subject)?;
        }
        Ok(())
    }
}

impl Display for ClaimsJsonLines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in self.0 {
            let line = serde_json::to_string(m).map_err(|_| fmt::Error)?;
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}
