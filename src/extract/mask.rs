//! Tokens, their text and the rules' ignore patterns in, which tokens a match of a pattern covers
//! out: the numbers inside them are page furniture or identifiers, not claims.

use std::ops::Range;

use regex_automata::Input;

use super::lexer::Token;
use crate::claim::Span;
use crate::rules::reach::Reach;
use crate::rules::Rules;

/// Which tokens a match of an ignore pattern covers. A pattern each of whose matches holds a digit
/// is searched only in the runs of the bytes its matches can hold around the body's digits
/// (`rules::reach`; `digits` are the digits tokens, `lexer::digit_tokens`): it can match nowhere else,
/// and news text is mostly letters, which the regex engine would otherwise read once for every
/// pattern.
pub fn masked_tokens(tokens: &[Token], digits: &[usize], text: &str, body: Span, rules: &Rules) -> Vec<bool> {
    let mut masked = vec![false; tokens.len()];
    let body_text = &text[body.range()];
    let mut mask = |m: regex_automata::Match| {
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
    let digits: Vec<Range<usize>> = match rules.ignore.iter().any(|(_, _, reach)| reach.is_some()) {
        true => digits.iter().map(|&k| tokens[k].start - body.start()..tokens[k].end - body.start()).collect(),
        false => Vec::new(),
    };
    for (_, regex, reach) in &rules.ignore {
        let Some(reach) = reach else {
            regex.find_iter(body_text).for_each(&mut mask);
            continue;
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

/// The runs of `reach`'s bytes in `text` around the digits of the spans `digits` (in order) that
/// are long enough for a match, in order.
fn digit_runs(text: &str, digits: &[Range<usize>], reach: &Reach) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let held = |i: usize| reach.bytes.0[usize::from(bytes[i])];
    let mut runs = Vec::new();
    let mut seen = 0;
    for span in digits {
        for i in span.start.max(seen)..span.end {
            if !bytes[i].is_ascii_digit() {
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
        assert!(rules.ignore.iter().any(|(_, _, reach)| reach.is_some()), "no pattern is searched around digits");
        let texts = [
            "Call 555-123-4567 now or (555) 123-4567, not 555-123-4567x or x555-123-4567.",
            "+1 555 123 4567\u{a0}and 555\u{a0}123\u{a0}4567; runs v2.14.1, 12.5.3a and 2.14.1.7 on 13.5.2015.",
            "12 people, 555-123-45678 and 4567 and 1.2.3",
            "555-123-4567",
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
            assert_eq!(masked_tokens(&tokens, &lexer::digit_tokens(&tokens), &text, body, &rules), whole, "{text}");
        }
    }
}
