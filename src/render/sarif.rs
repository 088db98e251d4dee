//! SARIF 2.1.0: a `Report` in, a code-scanning log out (for `github/codeql-action/upload-sarif`).
//!
//! One rule per finding type (`conflict`, `compatible`); one result per group, located at its first
//! mention, with every other mention as a `relatedLocation` the message links to; and the group's
//! stable id as a `partialFingerprints` entry, so code scanning tracks an alert across edits that
//! move it. Agreements are no findings and give no result. The types come from `serde-sarif`, which
//! is generated from the official schema, so a field cannot be misspelt; only the log's and the
//! run's own three fields each are written by hand, so that results stream (`Log`), and the schema
//! test of `tests/ci_formats.rs` checks them.

use std::collections::BTreeMap;
use std::fmt::{self, Display};

use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, PropertyBag, Region,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Tool, ToolComponent,
};

use crate::compare::Verdict;
use crate::report::{Group, Mention, Report};

/// Where the SARIF 2.1.0 schema is published (what GitHub's own examples point to).
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The `partialFingerprints` key; versioned so a future change of id scheme can use a new key.
pub const FINGERPRINT_KEY: &str = "crosscheckGroupId/v1";

/// The finding types, each a SARIF rule: (verdict, id, level, short description, help).
const RULES: &[(Verdict, &str, &str, &str, &str)] = &[
    (
        Verdict::Conflict,
        "conflict",
        "error",
        "Sources give values that cannot both be right",
        "Two or more sources state the same thing with values that do not overlap, even allowing for \
         hedges and rounding. Check the figures against a primary source and correct or attribute them.",
    ),
    (
        Verdict::Compatible,
        "compatible",
        "note",
        "Sources give overlapping values at different precision",
        "The values overlap (\"around 11,000\" and \"over 10,000\") but are not the same. Consider whether \
         the more precise figure should be used everywhere.",
    ),
];

/// Renders a `Report` as a SARIF 2.1.0 log through `Display`.
pub struct Sarif21<'a>(pub &'a Report);

impl Display for Sarif21<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::write_json(f, &Log(self.0))
    }
}

/// The log as serde-sarif's `Sarif` writes one with a schema, a version and one run, its fields in
/// the same (alphabetical) order; written by hand so that the run's results are made one at a
/// time as they are written. Made whole first, a pile's results held 70 MB of locations.
struct Log<'a>(&'a Report);

impl Serialize for Log<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut log = serializer.serialize_struct("Sarif", 3)?;
        log.serialize_field("$schema", SCHEMA_URI)?;
        log.serialize_field("runs", &[RunOf(self.0)])?;
        log.serialize_field("version", "2.1.0")?;
        log.end()
    }
}

/// The one run, as serde-sarif's `Run` writes one with these three fields.
struct RunOf<'a>(&'a Report);

impl Serialize for RunOf<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut run = serializer.serialize_struct("Run", 3)?;
        // Report columns count characters, not UTF-16 units (SARIF's default).
        run.serialize_field("columnKind", "unicodeCodePoints")?;
        run.serialize_field("results", &Results(self.0))?;
        run.serialize_field("tool", &tool())?;
        run.end()
    }
}

/// One result per group that is a finding, each made as it is written.
struct Results<'a>(&'a Report);

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let groups = self.0.groups.iter();
        serializer.collect_seq(groups.filter_map(|g| RULES.iter().position(|r| r.0 == g.verdict).map(|i| result(g, i))))
    }
}

/// The tool: crosscheck, with one rule per finding type.
fn tool() -> Tool {
    let rules: Vec<ReportingDescriptor> = RULES
        .iter()
        .map(|(_, id, level, short, help)| {
            ReportingDescriptor::builder()
                .id(*id)
                .name(format!("{}Claims", if *id == "conflict" { "Conflicting" } else { "Compatible" }))
                .short_description(MultiformatMessageString::builder().text(*short).build())
                .full_description(MultiformatMessageString::builder().text(*help).build())
                .help(MultiformatMessageString::builder().text(*help).build())
                .default_configuration(ReportingConfiguration::builder().level(*level).build())
                .properties(PropertyBag::builder().tags(vec!["fact-check".to_string()]).build())
                .build()
        })
        .collect();
    let driver = ToolComponent::builder()
        .name("crosscheck")
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    Tool::builder().driver(driver).build()
}

fn result(g: &Group, rule_index: usize) -> SarifResult {
    let (_, rule_id, level, _, _) = RULES[rule_index];
    let first = &g.mentions[0];
    let mut text = format!("{} {} of {}: {} here", g.verdict.name(), g.kind, g.subject, quoted(first));
    let mut related = Vec::new();
    for (n, m) in g.mentions.iter().enumerate().skip(1) {
        let id = n as i64;
        text.push_str(&format!("; [{}]({id}) in {}", link_text(&quoted(m)), m.path));
        related.push(location(m, Some(id), Some(format!("{} says {}", m.path, m.shown))));
    }
    text.push_str(&format!(" ({})", g.why));
    let fingerprints: BTreeMap<String, String> = [(FINGERPRINT_KEY.to_string(), g.id.clone())].into();
    let mut builder = SarifResult::builder()
        .rule_id(rule_id)
        .rule_index(rule_index as i64)
        .level(if level == "error" { ResultLevel::Error } else { ResultLevel::Note })
        .message(Message::builder().text(text).build())
        .locations(vec![location(first, None, None)])
        .partial_fingerprints(fingerprints)
        .build();
    if !related.is_empty() {
        builder.related_locations = Some(related);
    }
    builder
}

fn quoted(m: &Mention) -> String {
    format!("\"{}\" ({})", m.text(), m.shown)
}

/// SARIF message links are `[text](id)`; brackets and backslashes in the text must be escaped.
fn link_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace('[', "\\[").replace(']', "\\]")
}

fn location(m: &Mention, id: Option<i64>, message: Option<String>) -> Location {
    let mut region = Region::builder().start_line(m.line as i64).start_column(m.column as i64).build();
    region.end_line = Some(m.end_line as i64);
    region.end_column = Some(m.end_column as i64);
    let physical = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(&m.path)).build())
        .region(region)
        .build();
    let mut location = Location::builder().physical_location(physical).build();
    location.id = id;
    location.message = message.map(|t| Message::builder().text(t).build());
    location
}

/// A display path as a relative URI reference: `/`-separated, with the characters a URI may not
/// hold percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_spaces_and_non_ascii() {
        assert_eq!(uri("news/a b/é.md"), "news/a%20b/%C3%A9.md");
        assert_eq!(link_text("a [b]"), "a \\[b\\]");
    }
}
