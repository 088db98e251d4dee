//! A source in, where its headline lies out: the short leading lines that read as titles.

use super::Source;
use crate::claim::Span;

impl Source {
    /// Where the source's headline lies, when its body opens with one: the leading lines that
    /// read as titles (`title_like`: short, ending in no mark that closes a sentence, or a
    /// Markdown `# ` heading), at most `MAX_HEADLINE_LINES` of them and followed by a line of
    /// running text. A dateline or a standfirst above or below the title is taken with it. A body
    /// of title-like lines only (a list, a table) has no headline.
    pub fn headline(&self) -> Option<Span> {
        let mut end = None;
        let mut titles = 0;
        let mut at = self.body.start();
        while at < self.body.end() {
            let stop = self.text[at..self.body.end()].find('\n').map_or(self.body.end(), |i| at + i + 1);
            let line = self.text[at..stop].trim();
            if !line.is_empty() {
                if !title_like(line) {
                    return end.map(|e| Span::new(self.body.start(), e));
                }
                titles += 1;
                if titles > MAX_HEADLINE_LINES {
                    return None;
                }
                end = Some(stop);
            }
            at = stop;
        }
        None
    }
}

/// Most leading title-like lines taken as one headline: a title with a dateline and a
/// standfirst. More are a list or a table, not a headline.
const MAX_HEADLINE_LINES: usize = 3;

/// Most words of a line read as a title: headlines are short, a lead sentence runs longer.
const MAX_TITLE_WORDS: usize = 20;

/// Whether a trimmed, non-empty line reads as a title: a Markdown heading, or a short line with
/// letters that ends in no mark closing a sentence (a quote or bracket after the mark is looked
/// through: `...said."`).
fn title_like(line: &str) -> bool {
    if line.starts_with("# ") || line.starts_with("## ") {
        return true;
    }
    let last = line.trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}']).chars().last();
    // The closing mark is asked first and the words are counted only up to the limit: a body's
    // first line of running text is often a whole paragraph, hundreds of words ending in a stop.
    !matches!(last, Some('.' | '!' | '?' | ';' | ':'))
        && !more_words_than(line, MAX_TITLE_WORDS)
        && line.chars().any(char::is_alphabetic)
}

/// Whether `line` holds more than `limit` words between white space (as `split_whitespace` splits
/// it). An ASCII line, as most are, is split by its bytes, with no character decoded.
fn more_words_than(line: &str, limit: usize) -> bool {
    match line.is_ascii() {
        // The ASCII characters `char::is_whitespace` takes, vertical tab included.
        true => {
            let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
            line.as_bytes().split(space).filter(|w| !w.is_empty()).nth(limit).is_some()
        }
        false => line.split_whitespace().nth(limit).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headline_of(body: &str) -> Option<String> {
        let text = format!("---\ndate: 2013-09-09\n---\n{body}");
        let s = Source::new("a.txt", text, &mut Vec::new());
        s.headline().map(|h| s.text[h.range()].trim().to_string())
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for line in ["", "one", " a  b\tc\u{b}d\u{c}e\r\nf ", "a\u{a0}b c", "x y z w"] {
            for limit in 0..8 {
                let counted = line.split_whitespace().nth(limit).is_some();
                assert_eq!(more_words_than(line, limit), counted, "{line:?} {limit}");
            }
        }
    }

    #[test]
    fn a_short_unpunctuated_first_line_is_the_headline() {
        let body = "Paris thieves nab $2.5 million worth of jewels\nFour men rammed a car into a store, police said.\n";
        assert_eq!(headline_of(body).as_deref(), Some("Paris thieves nab $2.5 million worth of jewels"));
    }

    #[test]
    fn a_dateline_and_a_standfirst_go_with_the_title() {
        let body = "9 September 2013 Last updated at 14:39 GMT\nRobbers ram 4x4 into Paris shop\n\nFour men rammed a car into a store, police said.\n";
        assert_eq!(headline_of(body).map(|h| h.lines().count()), Some(2));
    }

    #[test]
    fn a_body_opening_with_a_sentence_has_no_headline() {
        assert_eq!(headline_of("Four men rammed a car into a store.\nThey fled.\n"), None);
        assert_eq!(headline_of("One\nTwo\nThree\nFour\nFive men fled.\n"), None);
        assert_eq!(headline_of("Four men rammed a car into a store\n"), None);
    }

    #[test]
    fn a_markdown_heading_is_a_headline_whatever_its_last_mark() {
        assert_eq!(
            headline_of("# Five dead in quake.\n\nThe quake killed five people.\n").as_deref(),
            Some("# Five dead in quake.")
        );
    }
}
