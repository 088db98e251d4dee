//! Errors and warnings: what can stop a run, and what a run reports but survives.

use std::fmt;
use std::io;

/// Something that stops crosscheck from producing a report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path the user named could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path as the user gave it.
        path: String,
        /// The underlying cause.
        #[source]
        source: io::Error,
    },
    /// A rules file is malformed; the location points into that file.
    #[error("{}: {message}", location(file, *line, *column))]
    Rules {
        /// The rules file, as named on the command line or `<embedded>/NAME`.
        file: String,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem (0 when unknown).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A rule's own example does not give what the rule promises.
    #[error("{file}: rule example {example:?}: {message}")]
    RuleExample {
        /// The rules file holding the example.
        file: String,
        /// The example text.
        example: String,
        /// What went wrong.
        message: String,
    },
    /// The project configuration (`crosscheck.toml`) is malformed; the location points into it.
    #[error("{file}:{line}:{column}: {message}")]
    Config {
        /// The configuration file.
        file: String,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem (0 when unknown).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A baseline file cannot be read as one.
    #[error("{file}:{line}: {message}")]
    Baseline {
        /// The baseline file.
        file: String,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A command-line value is malformed.
    #[error("{0}")]
    Usage(String),
    /// Every path given was empty or skipped, so there is nothing to check.
    #[error("no readable source among the paths given")]
    NoSources,
}

/// `file:line:column`, leaving out what is unknown (0), so that no message points at line 0.
fn location(file: &str, line: usize, column: usize) -> String {
    match (line, column) {
        (0, _) => file.to_string(),
        (line, 0) => format!("{file}:{line}"),
        (line, column) => format!("{file}:{line}:{column}"),
    }
}

/// A problem that does not stop the run: a skipped file, a lossy decode, a suspicious number.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    /// The file concerned, as displayed in reports.
    pub path: String,
    /// The 1-based line concerned, when there is one.
    pub line: Option<usize>,
    /// What happened and what crosscheck did about it.
    pub message: String,
}

impl Warning {
    /// A warning about a whole file.
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Warning {
        Warning { path: path.into(), line: None, message: message.into() }
    }

    /// A warning about one line of a file.
    pub fn line(path: impl Into<String>, line: usize, message: impl Into<String>) -> Warning {
        Warning { path: path.into(), line: Some(line), message: message.into() }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}
