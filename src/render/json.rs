//! The JSON report, the machine contract of DESIGN §6: fields may be added, never renamed.

use std::fmt::{self, Display};

use crate::report::Report;

/// Renders a `Report` as pretty-printed JSON through `Display`.
pub struct Json<'a>(pub &'a Report);

impl Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = serde_json::to_string_pretty(self.0).map_err(|_| fmt::Error)?;
        writeln!(f, "{text}")
    }
}
