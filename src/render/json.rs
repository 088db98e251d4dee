//! The JSON report, the machine contract of DESIGN §6: fields may be added, never renamed.

use std::fmt::{self, Display};

use crate::report::Report;

/// Renders a `Report` as pretty-printed JSON through `Display`.
pub struct Json<'a>(pub &'a Report);

impl Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::write_json(f, self.0)
    }
}
