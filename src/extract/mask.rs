//! Tokens, their text and the rules' ignore patterns in, which tokens a match of a pattern covers
//! out: the numbers inside them are page furniture or identifiers, not claims.

use std::ops::Range;

use regex_automata::util::prefilter::Prefilter;
use regex_automata::{meta::Regex, Anchored, Input, Match, Span as ByteSpan};

use super::lexer::Token;
use crate::claim::Span;
use crate::rules::reach::{Reach, Where};
use crate::rules::Rules;

/// Which tokens a match of an ignore pattern covers. A pattern each of whose matches holds a digit
/// is searched only in the runs of the bytes its matches can hold around the body's digits
/// (`rules::reach`; `digits` are the digits tokens, `lexer::Lexed::digits`): it can match nowhere else,
/// and news text is mostly letters, which the regex engine would otherwise read once for every
/// pattern. A pattern whose matches begin with a few literals once lower-cased is run only where
/// `lower`, the body's ASCII lower-case copy, holds one of them, found for all such patterns in one
/// read of `lower` (`prefixed_matches`).
pub fn masked_tokens(
    tokens: &[Token],
    digits: &[usize],
    text: &str,
    lower: &str,
    body: Span,
    rules: &Rules,
) -> Vec<bool> {
    let mut masked = vec![false; tokens.len()];
    let body_text = &text[body.range()];
    let mut mask = |m: Match| {
        let (a, b) = (body.start() + m.start(), body.start() + m.end());
        let first = tokens.partition_point(|t| t.end <= a);
        for (k, t) in tokens.iter().enumerate().skip(first) {
            if t.start >= b {
                break;
            }
            masked[k] = true;
        }
    };
    // Every ASCII digit of the text is in a digits token.
    let digits: Vec<Range<usize>> = match rules.ignore.iter().any(|(_, _, place)| matches!(place, Where::NearDigits(_)))
    {
        true => digits.iter().map(|&k| tokens[k].start - body.start()..tokens[k].end - body.start()).collect(),
        false => Vec::new(),
    };
    if let Some(all) = &rules.ignore_prefixes {
        let prefixed = rules.ignore.iter().filter_map(|(_, regex, place)| match place {
            Where::AtPrefixes(prefixes) => Some((regex, prefixes.as_slice())),
            _ => None,
        });
        prefixed_matches(&prefixed.collect::<Vec<_>>(), all, body_text, lower, |_, m| mask(m));
    }
    for (_, regex, place) in &rules.ignore {
        let reach = match place {
            Where::NearDigits(reach) => reach,
            Where::AtPrefixes(_) => continue,
            Where::Everywhere => {
                regex.find_iter(body_text).for_each(&mut mask);
                continue;
            }
        };
        for run in digit_runs(body_text, &digits, reach) {
            // The search reads one character past the run, which no match can hold, so that a
            // word boundary at its end is judged as in the whole text.
            let after = body_text[run.end..].chars().next().map_or(0, char::len_utf8);
            let haystack = &body_text[..run.end + after];
            let mut at = run.start;
            // A match holds a digit, so it is never empty and each one moves `at` on.
            while at < run.end {
                let Some(m) = regex.find(Input::new(haystack).span(at..haystack.len())) else { break };
                at = m.end();
                mask(m);
            }
        }
    }
    masked
}

/// Hands `found` the matches of each of `patterns` in `text` with the pattern's index, for each
/// pattern the very ones `regex.find_iter(text)` finds, given its ASCII lower-case literals every
/// match begins with, `all`, a prefilter over the literals of every pattern, and `lower`, `text`
/// ASCII lower-cased.
///
/// Why they are the same: the prefilter gives the leftmost place at or after where it is asked
/// from at which `lower` holds one of the literals; asked from one byte past each place it gave,
/// it gives every such place, in order. A match of a pattern at `s` begins with one of its
/// literals, so `lower` holds that literal lower-cased at `s`, and `s` is among the places where
/// the pattern's own literals begin: its candidates. For each pattern, from `at` (0, then the end of
/// each of its matches), its candidates are tried in order of position: the pattern run anchored
/// at one finds the match starting there that an unanchored search prefers among those starting
/// there (the leftmost-first order is the same), and nothing when none starts there. So the first
/// match found starts at the leftmost start at or after `at`: what `find_iter` finds next. The
/// anchored run starts its span at the candidate within the whole text, so a look-behind (a `\b`)
/// sees the bytes before it as in the whole search. A match begins with a non-empty literal, so it
/// is never empty, and `find_iter`'s handling of empty matches never comes in.
fn prefixed_matches(
    patterns: &[(&Regex, &[Vec<u8>])],
    all: &Prefilter,
    text: &str,
    lower: &str,
    mut found: impl FnMut(usize, Match),
) {
    debug_assert_eq!(text.len(), lower.len());
    let mut at = vec![0; patterns.len()];
    let mut from = 0;
    while let Some(place) = all.find(lower.as_bytes(), ByteSpan::from(from..lower.len())) {
        let (c, here) = (place.start, &lower.as_bytes()[place.start..]);
        for (k, &(regex, prefixes)) in patterns.iter().enumerate() {
            if c < at[k] || !prefixes.iter().any(|p| here.starts_with(p)) {
                continue;
            }
            if let Some(m) = regex.find(Input::new(text).span(c..text.len()).anchored(Anchored::Yes)) {
                // Never empty (see above); `max` only guards against a pattern's running twice
                // from one place.
                at[k] = m.end().max(c + 1);
                found(k, m);
            }
        }
        from = c + 1;
    }
}

/// The runs of `reach`'s bytes in `text` around the digits of the spans `digits` (in order) that
/// are long enough for a match, in order, each once.
fn digit_runs(text: &str, digits: &[Range<usize>], reach: &Reach) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let held = |i: usize| reach.bytes.0[usize::from(bytes[i])];
    let mut runs = Vec::new();
    // The end of the last run found: no byte before it starts another.
    let mut seen = 0;
    for span in digits {
        let mut i = span.start.max(seen);
        while i < span.end {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let (mut from, mut to) = (i, i + 1);
            while from > 0 && held(from - 1) {
                from -= 1;
            }
            while to < bytes.len() && held(to) {
                to += 1;
            }
            seen = to;
            if to - from >= reach.min_len {
                runs.push(from..to);
            }
            // Every digit up to the run's end is in this run (digits are among its bytes), which
            // reading from each again found once more: a number of n digits cost n runs of up to
            // n bytes, and one of 100,000 digits most of a minute.
            i = to;
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer;

    #[test]
    fn ignore_patterns_searched_around_digits_mask_what_a_whole_search_masks() {
        let rules = Rules::embedded().unwrap();
        let near_digits = |place: &Where| matches!(place, Where::NearDigits(_));
        assert!(rules.ignore.iter().any(|(_, _, place)| near_digits(place)), "no pattern is searched around digits");
        let texts = [
            "Call 555-123-4567 now or (555) 123-4567, not 555-123-4567x or x555-123-4567.",
            "+1 555 123 4567\u{a0}and 555\u{a0}123\u{a0}4567; runs v2.14.1, 12.5.3a and 2.14.1.7 on 13.5.2015.",
            "12 people, 555-123-45678 and 4567 and 1.2.3",
            "555-123-4567",
            "PHOTO 3 of 12 at https://x.org/4 and WWW.x.org/5; Page 2 of 5, Picture 7/9 page 3 of 4x.",
        ];
        // Also after a head that is not searched, as a source's front matter is not.
        for (text, head) in texts.iter().flat_map(|t| [(t.to_string(), 0), (format!("555-123-{t}"), 8)]) {
            let tokens = lexer::tokenize(&text, head, text.len());
            let body = Span::new(head, text.len());
            let mut whole = vec![false; tokens.len()];
            for (_, regex, _) in &rules.ignore {
                for m in regex.find_iter(&text[head..]) {
                    let (a, b) = (head + m.start(), head + m.end());
                    let covered = tokens.iter().map(|t| t.start < b && a < t.end);
                    whole.iter_mut().zip(covered).for_each(|(w, c)| *w |= c);
                }
            }
            let lower = text[head..].to_ascii_lowercase();
            let masked = masked_tokens(&tokens, &lexer::digit_tokens(&tokens), &text, &lower, body, &rules);
            assert_eq!(masked, whole, "{text}");
        }
    }

    #[test]
    fn each_run_around_digits_is_found_once() {
        // A run found again from each of its digits made a long number cost the square of its
        // length (a number of 100,000 digits took most of a minute).
        let rules = Rules::embedded().unwrap();
        let text = format!("Call 555-123-4567 or v2.14.1, not {} now.", "9".repeat(5_000));
        let tokens = lexer::tokenize(&text, 0, text.len());
        let digits: Vec<Range<usize>> =
            lexer::digit_tokens(&tokens).into_iter().map(|k| tokens[k].start..tokens[k].end).collect();
        let mut searched = 0;
        for (_, _, place) in &rules.ignore {
            let Where::NearDigits(reach) = place else { continue };
            let runs = digit_runs(&text, &digits, reach);
            assert!(runs.windows(2).all(|pair| pair[0].end <= pair[1].start), "{runs:?}");
            assert!(runs.iter().any(|run| run.len() >= 5_000), "{runs:?}");
            searched += 1;
        }
        assert!(searched > 0, "no pattern is searched around digits");
    }

    /// The matches of each of `patterns` (a regex and its lower-case prefixes) found at their
    /// prefixes, all in one read of the text, by pattern.
    fn at_prefixes(patterns: &[(Regex, Vec<Vec<u8>>)], text: &str) -> Vec<Vec<(usize, usize)>> {
        let places: Vec<Where> = patterns.iter().map(|(_, p)| Where::AtPrefixes(p.clone())).collect();
        let all = crate::rules::reach::prefixes_of(&places).unwrap();
        let patterns: Vec<(&Regex, &[Vec<u8>])> = patterns.iter().map(|(r, p)| (r, p.as_slice())).collect();
        let mut found = vec![Vec::new(); patterns.len()];
        prefixed_matches(&patterns, &all, text, &text.to_ascii_lowercase(), |k, m| found[k].push((m.start(), m.end())));
        found
    }

    #[test]
    fn matches_at_lower_case_prefixes_are_those_of_a_whole_search() {
        let rules = Rules::embedded().unwrap();
        let ignore = rules.files().flat_map(|(_, file)| file.ignore);
        let shipped: Vec<String> =
            ignore.map(|i| i.pattern).filter(|p| matches!(Where::of(p), Where::AtPrefixes(_))).collect();
        assert!(shipped.len() >= 2, "only {} shipped patterns are searched at their prefixes", shipped.len());
        let patterns = shipped.iter().map(String::as_str).chain([
            // Leftmost-first: the shorter branch is preferred; matches overlap and abut.
            r"(?i)ab|abab",
            r"(?i)a(?:ba)*b?",
            r"(?i)x+y",
            // Unicode case folding: "k" matches the Kelvin sign, "s" the long s, "ß" its capital.
            r"(?i)\bk\w*",
            r"(?i)s(?:tra)?(?:ß|ss)e?",
        ]);
        let pieces = [
            "a", "b", "A", "B", "ab", "ABAB", "k", "K", "\u{212a}", "s", "S", "\u{17f}", "ß", "\u{1e9e}", "x", "X",
            "y", "Y", " ", "1", "12", "/", "é", "page ", "Photo ", "of ", "HTTPS://", "www.", "tra", "e", "_",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let names: Vec<&str> = patterns.collect();
        let patterns: Vec<(Regex, Vec<Vec<u8>>)> = names
            .iter()
            .map(|p| {
                let prefixes = crate::rules::reach::lowered_prefixes(p).unwrap_or_else(|| panic!("{p}: no prefixes"));
                (Regex::new(p).unwrap(), prefixes)
            })
            .collect();
        let fixed = [
            "Photo 3 of 12, PAGE 2 of 5 at HTTPS://x.org/1 and www.y.org/2;Picture 4/5 page 6 of 7",
            "abababABAB aab \u{212a}elvin K-k_k ſtraße STRASSE sß xxXxy",
        ];
        let random = (0..2000).map(|_| {
            let len = 1 + (next() % 40) as usize;
            (0..len).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect::<String>()
        });
        let mut matched = vec![0; patterns.len()];
        for (round, text) in fixed.map(String::from).into_iter().chain(random).enumerate() {
            // All patterns in one read, and each on its own.
            let found = at_prefixes(&patterns, &text);
            for (k, ((regex, _), name)) in patterns.iter().zip(&names).enumerate() {
                let whole: Vec<(usize, usize)> = regex.find_iter(&text).map(|m| (m.start(), m.end())).collect();
                assert_eq!(found[k], whole, "{name} in {text:?} (round {round})");
                matched[k] += whole.len();
                assert_eq!(at_prefixes(&patterns[k..=k], &text)[0], whole, "{name} alone in {text:?}");
            }
        }
        for (name, matched) in names.iter().zip(matched) {
            assert!(matched > 0, "{name}: no match to compare");
        }
    }

    #[test]
    fn patterns_without_lower_case_prefixes_are_searched_everywhere() {
        // No finite set of prefixes, one that can be empty, or one lower-casing does not shrink.
        for pattern in [r"[a-z]+[0-9]", r"(?i)\w+@", r"(?i)x*", r"foo|bar", r"(?i)[0-9]+\s*min", r"^"] {
            assert!(crate::rules::reach::lowered_prefixes(pattern).is_none(), "{pattern}");
            assert!(matches!(Where::of(pattern), Where::Everywhere), "{pattern}");
        }
    }
}
