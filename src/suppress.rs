//! Suppression: sources, their extracted claims and the rules' `[[suppress]]` entries in, the claims
//! a reviewer silenced taken out and counted.
//!
//! Two ways to silence a claim:
//! - a Markdown comment in the source: `<!-- crosscheck-ignore -->` silences every claim on its line,
//!   or, when the comment stands alone on its line, every claim on the line right after it;
//!   `<!-- crosscheck-ignore: 25,000 -->` silences only the claims whose quoted text holds "25,000";
//! - a `[[suppress]]` entry in a rules file, matching on `path`, `text` and `line`.
//!
//! Numbers written inside an HTML comment are no claims at all (a reader never sees them), so they
//! are dropped without being counted.

use crate::extract::Extraction;
use crate::rules::schema::SuppressRule;
use crate::rules::Rules;
use crate::source::Source;

/// The marker that opens an ignore comment, after `<!--` and white space.
const MARKER: &str = "crosscheck-ignore";

/// One `<!-- crosscheck-ignore -->` comment, as found in a source.
#[derive(Clone, Debug, PartialEq, Eq)]
struct IgnoreComment {
    /// The 1-based lines it silences.
    lines: Vec<usize>,
    /// When named, the lower-case text a silenced claim must contain.
    only: Option<String>,
}

/// Removes the silenced claims from `extractions` (one per source of `sources`, same order) and
/// returns how many were silenced.
pub fn apply(sources: &[Source], extractions: &mut [Extraction], rules: &Rules) -> usize {
    let mut silenced = 0;
    for (source, extraction) in sources.iter().zip(extractions.iter_mut()) {
        let comments = html_comments(&source.text);
        let ignores = ignore_comments(source, &comments);
        extraction.claims.retain(|claim| {
            if comments.iter().any(|&(s, e)| claim.span.start() >= s && claim.span.start() < e) {
                return false;
            }
            let quoted = source.text[claim.span.range()].to_lowercase();
            let line = source.line_col(claim.span.start()).0;
            let by_comment = ignores
                .iter()
                .any(|c| c.lines.contains(&line) && c.only.as_ref().is_none_or(|t| folded(&quoted).contains(t)));
            let by_rule = rules.suppress.iter().any(|r| rule_matches(r, &source.path, line, &quoted));
            if by_comment || by_rule {
                silenced += 1;
                false
            } else {
                true
            }
        });
    }
    silenced
}

/// Whether `rule` silences a claim of `path`, on `line`, quoting `quoted` (lower case).
fn rule_matches(rule: &SuppressRule, path: &str, line: usize, quoted: &str) -> bool {
    let path_ok = rule.path.as_deref().is_none_or(|p| path_matches(p, path));
    let text_ok = rule.text.as_deref().is_none_or(|t| folded(quoted).contains(&folded(&t.to_lowercase())));
    let line_ok = rule.line.is_none_or(|l| l == line);
    path_ok && text_ok && line_ok
}

/// A rule's path names the source itself, a folder holding it, or a tail of its path, so a rule
/// still matches when crosscheck runs from another folder.
fn path_matches(rule: &str, path: &str) -> bool {
    let rule = rule.trim_start_matches("./").trim_end_matches('/');
    path == rule || path.starts_with(&format!("{rule}/")) || path.ends_with(&format!("/{rule}"))
}

fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte ranges of every `<!-- ... -->` comment (an unclosed one runs to the end).
fn html_comments(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find("<!--") {
        let start = at + i;
        let end = text[start + 4..].find("-->").map_or(text.len(), |j| start + 4 + j + 3);
        out.push((start, end));
        at = end;
    }
    out
}

/// The ignore comments among `comments`, with the lines each silences.
fn ignore_comments(source: &Source, comments: &[(usize, usize)]) -> Vec<IgnoreComment> {
    let mut out = Vec::new();
    for &(start, end) in comments {
        let inner = source.text[start + 4..end].trim_end_matches("-->").trim();
        let Some(rest) = inner.strip_prefix(MARKER) else { continue };
        let only = match rest.trim_start().strip_prefix(':') {
            Some(named) if !named.trim().is_empty() => Some(folded(&named.trim().to_lowercase())),
            Some(_) => None,
            // "crosscheck-ignored" or "crosscheck-ignore-all" are other words, not this marker.
            None if !rest.is_empty() && !rest.starts_with(char::is_whitespace) => continue,
            None => None,
        };
        let (first, _) = source.line_col(start);
        let (last, _) = source.line_col(end.saturating_sub(1).max(start));
        let mut lines: Vec<usize> = (first..=last).collect();
        // Alone on its line(s): the comment speaks of the line that follows.
        let line_start = source.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source.text[end..].find('\n').map_or(source.text.len(), |i| end + i);
        if source.text[line_start..start].trim().is_empty() && source.text[end..line_end].trim().is_empty() {
            lines.push(last + 1);
        }
        out.push(IgnoreComment { lines, only });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source::new("articles/a.md", text.to_string(), &mut Vec::new())
    }

    #[test]
    fn a_comment_silences_its_line_or_when_alone_the_next() {
        let s = source("one\n<!-- crosscheck-ignore -->\nthree 12 <!-- crosscheck-ignore -->\nfour\n");
        let found = ignore_comments(&s, &html_comments(&s.text));
        assert_eq!(found[0], IgnoreComment { lines: vec![2, 3], only: None });
        assert_eq!(found[1], IgnoreComment { lines: vec![3], only: None });
    }

    #[test]
    fn a_named_comment_keeps_its_text_and_other_words_are_not_the_marker() {
        let s = source("x <!-- crosscheck-ignore: 25,000  Troops -->\n<!-- crosscheck-ignored -->\n");
        let found = ignore_comments(&s, &html_comments(&s.text));
        assert_eq!(found, vec![IgnoreComment { lines: vec![1], only: Some("25,000 troops".into()) }]);
    }

    #[test]
    fn rule_paths_match_the_file_a_folder_or_a_tail() {
        assert!(path_matches("articles/a.md", "articles/a.md"));
        assert!(path_matches("articles/", "articles/a.md"));
        assert!(path_matches("a.md", "articles/a.md"));
        assert!(!path_matches("b.md", "articles/a.md"));
        assert!(!path_matches("art", "articles/a.md"));
    }
}
