//! Rules files in (the built-in ones as the build script wrote them, a user's as TOML), parsed
//! `RulesFile`s out, handed to `compile`; every malformed file reported by file, line and column.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::schema::RulesFile;
use super::{compile, line_col, Rules};
use crate::error::Error;

// The rules files built into the binary (`EMBEDDED`: each one's TOML text, where errors point)
// and the same rules as the build script checked them and wrote them out in JSON
// (`EMBEDDED_JSON`), which loads in a fraction of the time TOML takes to parse. The build script
// lists every `rules/*.toml`, so no file is left out of the binary.
include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// One rules file to load: the path it is shown by, its TOML text (where errors point) and, for
/// a file built into the binary, its rules without examples as JSON.
struct Text {
    shown: String,
    toml: Cow<'static, str>,
    json: Option<&'static str>,
}

impl Text {
    /// The file built into the binary at `at` in `EMBEDDED`.
    fn embedded(at: usize) -> Text {
        let (name, toml) = EMBEDDED[at];
        Text { shown: format!("<embedded>/{name}"), toml: toml.into(), json: Some(EMBEDDED_JSON[at]) }
    }

    fn parse(&self) -> Result<RulesFile, Error> {
        let rules = |line, column, message: String| Error::Rules { file: self.shown.clone(), line, column, message };
        match self.json {
            // Checked at build time: failing here is a broken build, reported all the same.
            Some(json) => serde_json::from_str(json)
                .map_err(|e| rules(0, 0, format!("the built-in rules do not load from JSON: {e}"))),
            None => toml::from_str(&self.toml).map_err(|e| {
                let (line, column) = e.span().map_or((0, 0), |s| line_col(&self.toml, s.start));
                rules(line, column, e.message().trim().to_string())
            }),
        }
    }
}

impl Rules {
    /// The rules built into the binary.
    pub fn embedded() -> Result<Rules, Error> {
        Rules::load((0..EMBEDDED.len()).map(Text::embedded).collect())
    }

    /// The embedded rules, with the `*.toml` files of `dir` added; a file named like an embedded
    /// one replaces it.
    pub fn with_dir(dir: &Path) -> Result<Rules, Error> {
        let mut texts: BTreeMap<String, Text> =
            (0..EMBEDDED.len()).map(|at| (EMBEDDED[at].0.to_string(), Text::embedded(at))).collect();
        let entries = std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.display().to_string(), source })?;
        let mut found = false;
        for entry in entries {
            let entry = entry.map_err(|source| Error::Io { path: dir.display().to_string(), source })?;
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                continue;
            }
            let bytes =
                std::fs::read(&path).map_err(|source| Error::Io { path: path.display().to_string(), source })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                let (line, column) = line_col(&String::from_utf8_lossy(&e.as_bytes()[..at]), at);
                Error::Rules {
                    file: path.display().to_string(),
                    line,
                    column,
                    message: format!("not valid UTF-8 (byte {at}); rules files must be UTF-8"),
                }
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            texts.insert(name, Text { shown: path.display().to_string(), toml: text.into(), json: None });
            found = true;
        }
        if !found {
            return Err(Error::Usage(format!("{}: no *.toml rules file in this folder", dir.display())));
        }
        Rules::load(texts.into_values().collect())
    }

    /// Parses and compiles `(shown path, file name, text)` triples, in the order given.
    pub fn from_texts(texts: Vec<(String, String, String)>) -> Result<Rules, Error> {
        Rules::load(texts.into_iter().map(|(shown, _, text)| Text { shown, toml: text.into(), json: None }).collect())
    }

    /// Parses and compiles `texts`, in the order given.
    fn load(texts: Vec<Text>) -> Result<Rules, Error> {
        // Parsed on every core: the built-in files' JSON is a good part of every start. Collected
        // in order before the first error is taken, so which error shows never depends on timing.
        let parsed: Vec<Result<RulesFile, Error>> = texts.par_iter().map(Text::parse).collect();
        let files =
            texts.iter().zip(parsed).map(|(t, f)| Ok((t.shown.clone(), f?))).collect::<Result<Vec<_>, Error>>()?;
        let located: HashMap<&str, &str> = texts.iter().map(|t| (t.shown.as_str(), t.toml.as_ref())).collect();
        let mut rules = compile::compile(&files, &located)?;
        rules.texts = texts.into_iter().map(|t| (t.shown, t.toml)).collect();
        Ok(rules)
    }

    /// Each rules file in force, by the path it is shown by, parsed again from its text with its
    /// examples.
    pub fn files(&self) -> impl Iterator<Item = (&str, RulesFile)> {
        // Each text parsed when these rules were loaded (the built-in ones by the build script),
        // so none fails now.
        self.texts.iter().filter_map(|(shown, toml)| Some((shown.as_str(), toml::from_str(toml).ok()?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules the binary loads are the shipped TOML's, not a stale build's.
    #[test]
    fn the_built_in_json_is_the_shipped_toml() {
        for ((name, toml), json) in EMBEDDED.iter().zip(EMBEDDED_JSON) {
            let parsed: RulesFile = toml::from_str(toml).unwrap();
            assert_eq!(serde_json::to_string(&parsed).unwrap(), *json, "{name}");
        }
    }
    /// The build script's list of built-in files is every `rules/*.toml`: one it skipped would be
    /// silently left out of the binary.
    #[test]
    fn every_shipped_rules_file_is_built_in() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut shipped: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".toml"))
            .collect();
        shipped.sort();
        let built_in: Vec<&str> = EMBEDDED.iter().map(|(name, _)| *name).collect();
        assert_eq!(shipped, built_in);
    }
}
