//! Project configuration: a `crosscheck.toml` found by walking up from the working directory (like
//! `typos.toml` or `.vale.ini`) in, a checked `Config` out, its paths resolved against the folder
//! the file lives in. Command-line flags override it; that merging is the binary's business.
//!
//! ```toml
//! paths = ["articles"]              # what to check when no path is given
//! rules = "rules"                   # a folder of extra *.toml rules (like --rules)
//! fail-on = "conflict"              # conflict | compatible | never
//! baseline = "crosscheck.baseline"  # compare with this approved report (like --baseline)
//! date = "2025-07-13"               # reference date for sources without one (like --date)
//!
//! [dates]                           # reference dates by file or folder, most specific wins
//! "articles/lavrov-wonsan" = "2025-07-12"
//! ```

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use crate::error::Error;
use crate::report::FailOn;
use crate::rules::line_col;
use crate::source::{self, Corpus, DateOrigin};

/// The file name looked for.
pub const FILE_NAME: &str = "crosscheck.toml";

/// The file as written: every key optional, unknown keys refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    paths: Vec<String>,
    rules: Option<String>,
    fail_on: Option<FailOn>,
    baseline: Option<String>,
    date: Option<Spanned<String>>,
    #[serde(default)]
    dates: BTreeMap<String, Spanned<String>>,
}

/// A checked project configuration; every path is relative to the working directory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The file it was read from, as given or found.
    pub file: PathBuf,
    /// Files or folders to check when the command line names none.
    pub paths: Vec<PathBuf>,
    /// A folder of extra rules files.
    pub rules: Option<PathBuf>,
    /// Which verdicts fail the run.
    pub fail_on: Option<FailOn>,
    /// The approved baseline to compare with.
    pub baseline: Option<PathBuf>,
    /// Reference date for sources that give none.
    pub date: Option<Date>,
    /// Reference dates by file or folder, as display paths (the form reports use).
    pub dates: Vec<(String, Date)>,
}

/// The nearest `crosscheck.toml` in `start` or a folder above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

/// Reads and checks the configuration file `file`; `cwd` is the working directory that its paths
/// are made relative to.
pub fn load(file: &Path, cwd: &Path) -> Result<Config, Error> {
    let text =
        std::fs::read_to_string(file).map_err(|source| Error::Io { path: file.display().to_string(), source })?;
    parse(&text, file, cwd)
}

/// Checks configuration `text`, read from `file` (whose folder anchors its paths), for `cwd`.
pub fn parse(text: &str, file: &Path, cwd: &Path) -> Result<Config, Error> {
    let shown = source::display_path(&relative(&absolute(file, cwd), cwd));
    let at = |byte: usize, message: String| {
        let (line, column) = line_col(text, byte);
        Error::Config { file: shown.clone(), line, column, message }
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
        Error::Config { file: shown.clone(), line, column, message: e.message().trim().to_string() }
    })?;
    let base = absolute(file.parent().unwrap_or(Path::new(".")), cwd);
    let resolve = |p: &str| relative(&base.join(p), cwd);
    let date = |d: &Spanned<String>| {
        source::parse_iso_date(d.get_ref())
            .ok_or_else(|| at(d.span().start, format!("{:?} is not a YYYY-MM-DD date", d.get_ref())))
    };
    let mut dates = Vec::new();
    for (path, d) in &raw.dates {
        dates.push((source::display_path(&resolve(path)), date(d)?));
    }
    Ok(Config {
        file: file.to_path_buf(),
        paths: raw.paths.iter().map(|p| resolve(p)).collect(),
        rules: raw.rules.as_deref().map(resolve),
        fail_on: raw.fail_on,
        baseline: raw.baseline.as_deref().map(resolve),
        date: raw.date.as_ref().map(date).transpose()?,
        dates,
    })
}

impl Config {
    /// Gives each source without a reference date the date of the most specific `[dates]` entry
    /// that names it or a folder holding it, else the file's `date`. Such dates count as given by
    /// flag (`from flag`). Run it after loading with the command line's `--date`, which thus wins.
    pub fn apply_dates(&self, corpus: &mut Corpus) {
        for s in corpus.sources.iter_mut().filter(|s| s.date.is_none()) {
            let best = self
                .dates
                .iter()
                .filter(|(p, _)| p == "." || *s.path == **p || s.path.starts_with(&format!("{p}/")))
                .max_by_key(|(p, _)| p.len())
                .map(|(_, d)| *d)
                .or(self.date);
            if let Some(d) = best {
                s.date = Some(d);
                s.date_from = DateOrigin::Flag;
            }
        }
    }
}

fn absolute(p: &Path, cwd: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    }
}

/// `target` as a path relative to `cwd` (`..` where needed), so reports never show absolute paths
/// when crosscheck runs from a subfolder of the project.
fn relative(target: &Path, cwd: &Path) -> PathBuf {
    let target = normalise(target);
    let cwd = normalise(cwd);
    let common = target.components().zip(cwd.components()).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return target;
    }
    let mut out = PathBuf::new();
    for _ in cwd.components().skip(common) {
        out.push("..");
    }
    for c in target.components().skip(common) {
        out.push(c);
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

/// Drops `.` and folds `..` lexically (the paths need not exist yet).
fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_file_seen_from_the_working_directory() {
        let text = "paths = [\"articles\"]\nbaseline = \"ci/base.txt\"\nfail-on = \"compatible\"\n";
        let c = parse(text, Path::new("/p/crosscheck.toml"), Path::new("/p/news/x")).unwrap();
        assert_eq!(c.paths, vec![PathBuf::from("../..").join("articles")]);
        assert_eq!(c.baseline, Some(PathBuf::from("../../ci/base.txt")));
        assert_eq!(c.fail_on, Some(FailOn::Compatible));
        let here = parse(text, Path::new("/p/crosscheck.toml"), Path::new("/p")).unwrap();
        assert_eq!(here.paths, vec![PathBuf::from("articles")]);
    }

    #[test]
    fn unknown_keys_and_bad_dates_name_file_line_and_column() {
        let e = parse("paths = []\nfail_on = \"never\"\n", Path::new("crosscheck.toml"), Path::new("/p")).unwrap_err();
        assert!(e.to_string().starts_with("crosscheck.toml:2:1: unknown field `fail_on`"), "{e}");
        let e = parse("[dates]\n\"a\" = \"July\"\n", Path::new("crosscheck.toml"), Path::new("/p")).unwrap_err();
        assert!(e.to_string().starts_with("crosscheck.toml:2:7: \"July\" is not a YYYY-MM-DD date"), "{e}");
    }
}
