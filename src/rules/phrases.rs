//! A rule's phrase in, the pieces of it a reader may meet out: the prefixes that end where a token
//! does, the tokens after its first, and a word's every prefix, from which the word tables mark
//! where a phrase can open and go on.

/// The prefixes of `phrase` that end where a token may end: wherever letters meet digits, a space
/// or a mark ("north" of "north korea", "u.s." of "u.s. army", "after" of "after-shocks").
pub(super) fn token_prefixes(phrase: &str) -> impl Iterator<Item = &str> {
    // Letters and digits continue a token of their own class; anything else stands alone.
    let class = |c: char| (c.is_alphabetic(), c.is_ascii_digit());
    let alone = move |c: char| class(c) == (false, false);
    phrase.char_indices().zip(phrase.chars().skip(1)).filter_map(move |((at, before), after)| {
        let boundary = class(before) != class(after) || alone(before);
        boundary.then_some(&phrase[..at + before.len_utf8()])
    })
}

/// Every stretch of `phrase` after its first token that starts and ends where a token can and
/// holds no space: each token a reader may meet after the first of the phrase, however the
/// lexer joins the pieces `token_prefixes` parts ("u.s." is one token or four).
pub(super) fn later_tokens(phrase: &str) -> Vec<&str> {
    let ends: Vec<usize> = token_prefixes(phrase).map(str::len).chain([phrase.len()]).collect();
    let mut stretches = Vec::new();
    for (k, &start) in ends.iter().enumerate() {
        for &end in &ends[k + 1..] {
            let stretch = &phrase[start..end];
            if stretch.contains(char::is_whitespace) {
                break;
            }
            stretches.push(stretch);
        }
    }
    stretches
}

/// Every prefix of `word` that ends on a character boundary, `word` itself included: what a
/// reader that has seen the start of a word may be in the middle of.
pub(super) fn char_prefixes(word: &str) -> impl Iterator<Item = &str> {
    (1..=word.len()).filter(|&e| word.is_char_boundary(e)).map(|e| &word[..e])
}

/// The words of a phrase in lower case, as the readers compare them.
pub(super) fn words_of(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_tokens_are_every_stretch_after_the_first_token() {
        assert_eq!(later_tokens("death toll"), ["toll"]);
        assert_eq!(later_tokens("lost their lives"), ["their", "lives"]);
        // "u.s." may be one token or four, so each of its stretches may follow "the".
        let us = later_tokens("the u.s. army");
        for stretch in ["u", "u.s.", ".s.", "s", ".", "army"] {
            assert!(us.contains(&stretch), "{stretch:?} of {us:?}");
        }
        assert!(!us.iter().any(|s| s.contains(' ') || *s == "the"), "{us:?}");
        assert!(later_tokens("troops").is_empty());
    }
}
