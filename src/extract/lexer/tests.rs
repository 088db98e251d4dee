//! The lexer's tests.

use super::*;

#[test]
fn digit_tokens_are_the_digits_tokens_in_order() {
    let text = "In 2024, 12 of 1.5 million (v2) said 3. Up .08 on 4th";
    let tokens = tokenize(text, 0, text.len());
    let norms: Vec<&str> = digit_tokens(&tokens).into_iter().map(|k| &*tokens[k].norm).collect();
    let all: Vec<&str> = tokens.iter().filter(|t| t.kind == TokenKind::Digits).map(|t| &*t.norm).collect();
    assert_eq!(norms, all);
    assert!(norms.contains(&"2024") && norms.contains(&"1.5") && norms.contains(&"0.08"), "{norms:?}");
    // As the lexer notes them.
    assert_eq!(tokenize_indexed(&Lowered::new(text, 0, text.len())).digits, digit_tokens(&tokens));
}

#[test]
fn whole_digits_added_up_are_worth_what_they_parse_to() {
    let text = "0 007 42 11,000 123456789012345 1234567890123456 3.25 99999999999999999999";
    for t in tokenize(text, 0, text.len()).iter().filter(|t| t.kind == TokenKind::Digits) {
        assert_eq!(t.number(), t.norm.parse::<f64>().ok().filter(|v| v.is_finite()), "{:?}", t.norm);
    }
}

#[test]
fn letters_read_eight_at_a_time_are_those_read_one_at_a_time() {
    let one_at_a_time = |bytes: &[u8], start: usize, to: usize| {
        let run = bytes[start..to].iter().take_while(|b| b.is_ascii_alphabetic());
        let letters: Vec<u8> = run.copied().collect();
        let end = start + letters.len();
        (end, bytes[..to].get(end).copied().unwrap_or(0))
    };
    // Every byte value at every place of a word long enough to cross a chunk, and borders.
    let mut texts: Vec<Vec<u8>> = Vec::new();
    for at in 0..18 {
        for b in 0..=255u8 {
            let mut t = b"abcdefghijklmnopqrstuvwxyz".to_vec();
            t[at] = b;
            texts.push(t);
        }
    }
    texts.extend(
        ["", "A", "zZ", "@[`{", "Mississippi's", "ABCDEFGHIJKLMNOP", "x\u{e9}t\u{e9}"].map(|t| t.as_bytes().to_vec()),
    );
    for t in &texts {
        for start in 0..t.len().min(3) {
            for to in start..=t.len() {
                assert_eq!(ascii_letters(t, start, to), one_at_a_time(t, start, to), "{t:?} {start} {to}");
            }
        }
    }
}

fn norms(text: &str) -> Vec<String> {
    tokenize(text, 0, text.len()).into_iter().map(|t| t.norm.into_owned()).collect()
}

#[test]
fn numbers_keep_separators_and_decimals() {
    assert_eq!(norms("around 11,000 soldiers"), ["around", "11000", "soldiers"]);
    assert_eq!(norms("a 6.1-magnitude quake"), ["a", "6.1", "-", "magnitude", "quake"]);
    assert_eq!(norms("25,000-30,000"), ["25000", "-", "30000"]);
    assert_eq!(norms("1,2,3"), ["1", ",", "2", ",", "3"]);
    assert_eq!(norms("12,34"), ["12", ",", "34"]);
    assert_eq!(norms("1,0000"), ["1", ",", "0000"]);
    assert_eq!(norms("the end."), ["the", "end", "."]);
    assert_eq!(norms("1 414 021 100 people"), ["1414021100", "people"]);
    assert_eq!(norms("12,34,567.89"), ["1234567.89"]);
    assert_eq!(norms("in 2008 100 people"), ["in", "2008", "100", "people"]);
    assert_eq!(norms("40\u{202f}000 and 1\u{a0}234"), ["40000", "and", "1234"]);
    assert_eq!(norms("a level of .08 and end.5"), ["a", "level", "of", "0.08", "and", "end", ".", "5"]);
}

#[test]
fn words_keep_abbreviations_and_split_possessives() {
    assert_eq!(norms("the U.S. and Russia's war"), ["the", "u.s.", "and", "russia", "'", "s", "war"]);
    assert_eq!(norms("don’t"), ["don’t"]);
    assert_eq!(norms("at 2 p.m. today"), ["at", "2", "p.m.", "today"]);
}

#[test]
fn sentences_break_at_stops_and_lines() {
    let text = "He met Dr. Kim. Then 12 left.\nNext line";
    let t = tokenize(text, 0, text.len());
    let of = |w: &str| t.iter().find(|t| t.norm == w).unwrap().sentence;
    assert_eq!(of("kim"), 0);
    assert_eq!(of("12"), 1);
    assert_eq!(of("next"), 2);
}

#[test]
fn a_lowered_copy_gives_the_same_tokens() {
    let text = "Headline\nThe U.S. Army's 2,500 SOLDIERS met Élodie in São Paulo. “Kim” left";
    for from in [0, 9] {
        let lower = Lowered::new(text, from, text.len());
        let (alone, lowered) = (tokenize(text, from, text.len()), tokenize_lowered(&lower));
        let view = |t: &Token| (t.kind, t.start, t.end, t.space_before, t.sentence, t.norm.to_string());
        assert_eq!(alone.iter().map(view).collect::<Vec<_>>(), lowered.iter().map(view).collect::<Vec<_>>());
    }
}

#[test]
fn spans_point_at_the_original_bytes() {
    let text = "“Kim” 12";
    let t = tokenize(text, 0, text.len());
    assert_eq!(&text[t[1].start..t[1].end], "Kim");
    assert_eq!(&text[t[3].start..t[3].end], "12");
    assert!(t[3].space_before);
}

#[test]
fn a_word_before_a_dot_ends_where_the_slow_reading_ends_it() {
    // `ascii_word` ends a word of two letters or more at a dot itself; `lex_word` must agree.
    let text = "He left. Dr. Kim and Mr. Lee, U.S. a.m. I. Go.Now ab.c Xy.Z. end.";
    let bytes = text.as_bytes();
    for (start, _) in text.char_indices().filter(|&(i, _)| i == 0 || !bytes[i - 1].is_ascii_alphabetic()) {
        if let Ok((end, _)) = ascii_word(bytes, start, text.len()) {
            let letters_end = ascii_letters(bytes, start, text.len()).0;
            assert_eq!(end, lex_word(text, start, letters_end, text.len()), "{:?}", &text[start..]);
        }
    }
    assert_eq!(norms("Go.Now ab.c end."), ["go", ".", "now", "ab", ".", "c", "end", "."]);
}
