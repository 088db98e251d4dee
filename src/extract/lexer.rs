//! Text in, tokens out: words, digit runs and single punctuation marks with byte spans, sentence
//! numbers and spacing, so later passes match phrases without re-reading characters.

use std::borrow::Cow;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes and dotted abbreviations ("U.S.").
    Word,
    /// Digits with thousands separators and a decimal part ("11,000", "6.1").
    Digits,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of a source's text.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    /// What it is.
    pub kind: TokenKind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// True when white space stands between this token and the one before.
    pub space_before: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: u32,
    /// Lower-case text for words; the digits without separators for numbers; the mark for
    /// punctuation. Borrowed from the text where it is written so (most tokens), which spares an
    /// allocation per token.
    pub norm: Cow<'a, str>,
}

impl Token<'_> {
    /// True for a word token whose lower-case form is `word`.
    pub fn is(&self, word: &str) -> bool {
        self.kind == TokenKind::Word && self.norm == word
    }

    /// True for a punctuation token that is one of `marks`.
    // Always inlined, so that `marks`, written out at every call, is a constant there and its
    // ASCII marks fold into one set of bits (`ascii_marks`): a look-up among a dash's five marks,
    // one byte at a time, cost 2.8M instructions in 1 MiB extracted three times.
    #[inline(always)]
    pub fn is_punct(&self, marks: &str) -> bool {
        // Asked of almost every token, so an ASCII mark (most are) is looked for as one bit, not
        // by a substring search; no byte of a wider mark's encoding is ASCII, so none can match it.
        self.kind == TokenKind::Punct
            && match self.norm.as_bytes() {
                // One byte of a `str` is ASCII, below 128.
                &[b] => ascii_marks(marks) >> (b & 0x7f) & 1 == 1,
                _ => marks.contains(&*self.norm),
            }
    }

    /// True for a dash of any width.
    pub fn is_dash(&self) -> bool {
        self.is_punct("-–—‐‑")
    }

    /// The number a digits token spells (`None` for other tokens or absurd lengths).
    pub fn number(&self) -> Option<f64> {
        if self.kind != TokenKind::Digits {
            return None;
        }
        // Most numbers are whole and of a few digits: up to 15 are added up, exact in an `f64`,
        // for a fraction of the decimal parser's work.
        let digits = self.norm.as_bytes();
        if (1..=15).contains(&digits.len()) && digits.iter().all(u8::is_ascii_digit) {
            let value = digits.iter().fold(0u64, |v, &d| v * 10 + u64::from(d - b'0')) as f64;
            debug_assert_eq!(Some(value), self.norm.parse::<f64>().ok());
            return Some(value);
        }
        self.norm.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    /// True when the token's text starts with an upper-case letter.
    // Inlined, so that an ASCII letter is told without a call: the subject reader asks it of
    // every term it reads (the call was a third of the term's cost of it).
    #[inline]
    pub fn is_capitalized(&self, text: &str) -> bool {
        match text.as_bytes()[self.start] {
            // An ASCII letter, as most are, needs no decoding.
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.starts_upper_case(text),
        }
    }

    /// [`Token::is_capitalized`] for a token that starts with a character outside ASCII.
    #[cold]
    fn starts_upper_case(&self, text: &str) -> bool {
        text[self.start..self.end].chars().next().is_some_and(char::is_uppercase)
    }
}

/// The ASCII marks among `marks`, each as the bit of its byte.
#[inline(always)]
const fn ascii_marks(marks: &str) -> u128 {
    let bytes = marks.as_bytes();
    let (mut bits, mut i) = (0u128, 0);
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            bits |= 1 << bytes[i];
        }
        i += 1;
    }
    bits
}

/// The lower-case word at token `k`, if that token is a word.
pub fn word<'a>(tokens: &'a [Token], k: usize) -> Option<&'a str> {
    tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| &*t.norm)
}

/// The positions of the digits tokens among `tokens`, in order: what [`Lexed::digits`] notes as
/// the tokens are read, found by a walk (for tests, which tokenize without it).
#[cfg(test)]
pub fn digit_tokens(tokens: &[Token]) -> Vec<usize> {
    tokens.iter().enumerate().filter(|(_, t)| t.kind == TokenKind::Digits).map(|(k, _)| k).collect()
}

/// The tokens of sentence `sentence`, as a range of indices into `tokens` (empty when it has
/// none). Tokens lie in sentence order, so the range is found by halving, not by a walk.
pub fn sentence_span(tokens: &[Token], sentence: u32) -> std::ops::Range<usize> {
    let from = tokens.partition_point(|t| t.sentence < sentence);
    from..from + tokens[from..].partition_point(|t| t.sentence == sentence)
}

/// Splits `text[from..to]` into tokens. Sentences break at `.`, `!`, `?` before white space and at
/// every line break, since news text puts headlines and captions on lines of their own.
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token<'_>> {
    lex(text, None, from, to).tokens
}

/// The ASCII lower-case copy of the stretch `from..to` of a text (`str::to_ascii_lowercase`), which
/// the lexer borrows the lower-case forms of words in ASCII from: one copy of the text rather than
/// an allocation for each capitalized word, about one in seven of news text. Made only here, from
/// the text itself, so that a word of ASCII letters of the text is known to stand at the same place
/// in the copy, in ASCII there too.
pub struct Lowered<'a> {
    text: &'a str,
    from: usize,
    lower: String,
}

impl<'a> Lowered<'a> {
    /// The lower-case copy of `text[from..to]`.
    pub fn new(text: &'a str, from: usize, to: usize) -> Lowered<'a> {
        Lowered { text, from, lower: text[from..to].to_ascii_lowercase() }
    }

    /// The copy.
    pub fn as_str(&self) -> &str {
        &self.lower
    }

    /// Where in the text the copy starts.
    pub fn from(&self) -> usize {
        self.from
    }
}

/// [`tokenize`] of the stretch of text `lowered` copies, the lower-case forms of words in ASCII
/// borrowed from the copy.
pub fn tokenize_lowered<'a>(lowered: &'a Lowered<'a>) -> Vec<Token<'a>> {
    tokenize_indexed(lowered).tokens
}

/// A text's tokens, and where its sentences and digits tokens are among them, noted as the tokens
/// are read rather than found by further walks over them.
pub struct Lexed<'a> {
    /// The tokens.
    pub tokens: Vec<Token<'a>>,
    /// The first token of each sentence, then the token count (`sentences::SentenceIndex`).
    pub sentence_starts: Vec<usize>,
    /// The positions of the digits tokens, in order. Every ASCII digit of the text is in one; the
    /// passes that look at numbers only (the ignore patterns searched around digits,
    /// `unreadable::find`) walk these few, not every token.
    pub digits: Vec<usize>,
}

/// [`tokenize_lowered`], with where its sentences and digits tokens are.
pub fn tokenize_indexed<'a>(lowered: &'a Lowered<'a>) -> Lexed<'a> {
    let Lowered { text, from, lower } = lowered;
    lex(text, Some(lower), *from, from + lower.len())
}

/// The tokens of `text[from..to]`, with `lower`, when given, the ASCII lower-case copy of that
/// stretch (a [`Lowered`]'s: the unchecked reads of it below rely on it).
// Kept out of line: inlined into `extract`, whose many live values it shares registers with, its
// loop over every token kept its own (the text, its end, the token list) on the stack and loaded
// them again for each token.
#[inline(never)]
fn lex<'a>(text: &'a str, lower: Option<&'a str>, from: usize, to: usize) -> Lexed<'a> {
    // Cut at `to`, so that a byte read checks one bound, not two.
    let bytes = &text.as_bytes()[..to];
    // News text holds a token per five or six bytes; room for one per four spares growing the
    // list (a copy of every token) on all but the densest text.
    let mut tokens: Vec<Token> = Vec::with_capacity((to - from) / 4);
    let mut i = from;
    let mut space = true;
    // The sentence of the next token: one past the last token's once a break is pending. Held as
    // one number, not the last one's and a flag, so that a token is pushed without adding them.
    let mut sentence = 0u32;
    // A sentence starts at token 0, then at the token a pending break numbers anew: noted where
    // the break is set (off the words' path), taken back if no token follows. News sentences run
    // past a hundred bytes: room for one per 32 spares growing the list.
    let mut starts = Vec::with_capacity((to - from) / 32 + 2);
    starts.push(0);
    // Digits tokens are fewer still.
    let mut digits = Vec::with_capacity((to - from) / 32);
    let mut note_break = |sentence: &mut u32, tokens: &[Token]| {
        // A break before the first token is none: the text's first sentence is number 0.
        if tokens.last().is_some_and(|t| t.sentence == *sentence) {
            starts.push(tokens.len());
            *sentence += 1;
        }
    };
    while i < to {
        // A space is the commonest gap between tokens.
        if bytes[i] == b' ' {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        // A word of ASCII letters is the commonest token, read without decoding a character, and
        // pushed here, spared the tests that only other tokens need: those branches, taken as the
        // kinds of tokens follow one another, were mispredicted for one token in three.
        let (kind, end, norm) = match ascii_word(bytes, i, to) {
            Ok((end, next)) => {
                let norm = match lower {
                    // From the lower-case copy, whether or not the word holds a capital: no
                    // choice of where to make per word, and no capital to look for. Not sliced
                    // with the checks of where characters start: those were a sixth of the
                    // lexer's instructions, for words that are ASCII by the test just made.
                    Some(lower) => {
                        let (a, b) = (start - from, end - from);
                        debug_assert!(lower.get(a..b).is_some(), "{a}..{b} is no slice of the copy");
                        // SAFETY: `lower` is the ASCII lower-case copy of `text[from..to]` (see
                        // `Lowered`, the only source of it), and `text[start..end]`, inside that
                        // stretch, is ASCII letters (`ascii_word`), so the copy's bytes `a..b`
                        // are ASCII letters too: in bounds, and each a whole character.
                        Cow::Borrowed(unsafe { lower.get_unchecked(a..b) })
                    }
                    None => lower_case(&text[start..end]),
                };
                tokens.push(Token { kind: TokenKind::Word, start, end, space_before: space, sentence, norm });
                space = next == b' ';
                i = end + usize::from(space);
                continue;
            }
            Err(letters_end) => {
                // Most bytes of news text are ASCII, each a character of its own: no decoding.
                let c = match bytes[i] {
                    b if b.is_ascii() => char::from(b),
                    _ => match text[i..].chars().next() {
                        Some(c) => c,
                        None => break,
                    },
                };
                let len = c.len_utf8();
                if c.is_whitespace() {
                    if c == '\n' {
                        note_break(&mut sentence, &tokens);
                    }
                    space = true;
                    i += len;
                    continue;
                }
                let leading_point = c == '.' && space && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if c.is_ascii_digit() {
                    digits.push(tokens.len());
                    let end = digits_end(bytes, i, to);
                    (TokenKind::Digits, end, digits_norm(&text[start..end]))
                } else if leading_point {
                    // ".08": a decimal written without its leading zero.
                    digits.push(tokens.len());
                    let end = digits_end(bytes, i, to);
                    (TokenKind::Digits, end, Cow::Owned(format!("0{}", digits_norm(&text[start..end]))))
                } else if c.is_alphabetic() {
                    let end = lex_word(text, i, letters_end, to);
                    let written = &text[start..end];
                    // "U.S.", "Don't": a word in ASCII is lower-cased in the copy already, which
                    // spares an allocation for each one written with a capital.
                    let norm = match lower {
                        Some(lower) if written.is_ascii() => Cow::Borrowed(&lower[start - from..end - from]),
                        _ => lower_case(written),
                    };
                    (TokenKind::Word, end, norm)
                } else {
                    (TokenKind::Punct, i + len, Cow::Borrowed(&text[i..i + len]))
                }
            }
        };
        // A full stop ends a sentence unless it closes an abbreviation or a single initial.
        let ends_sentence = kind == TokenKind::Punct
            && matches!(bytes[start], b'.' | b'!' | b'?')
            && next_is_space_then_upper(text, end, to)
            && !tokens.last().is_some_and(|t| t.kind == TokenKind::Word && is_abbreviation(&t.norm));
        tokens.push(Token { kind, start, end, space_before: space, sentence, norm });
        if ends_sentence {
            note_break(&mut sentence, &tokens);
        }
        // Most tokens are followed by one space, taken here without another turn of the loop.
        space = bytes.get(end) == Some(&b' ');
        i = end + usize::from(space);
    }
    // A break after the last token starts no sentence.
    if tokens.last().is_some_and(|t| t.sentence != sentence) {
        starts.pop();
    }
    starts.push(tokens.len());
    Lexed { tokens, sentence_starts: starts, digits }
}

/// The end of the word of ASCII letters starting at `start` and the byte after it (0 at `to`):
/// most words of English news. Else the end of the ASCII letters
/// (`start` when there are none): the byte after them may carry the word on (an apostrophe, a
/// dot, a letter beyond ASCII), which [`lex_word`] decides, starting there.
fn ascii_word(bytes: &[u8], start: usize, to: usize) -> Result<(usize, u8), usize> {
    // A mark or a digit (one token in five) is told by its first byte, before a chunk is read.
    if !bytes[start].is_ascii_alphabetic() {
        return Err(start);
    }
    let (end, next) = ascii_letters(bytes, start, to);
    // A dot carries on only a single letter ("U.S.", "a.m."): after two letters or more it is a
    // full stop or the dot of an abbreviation, a token of its own, as [`lex_word`] would decide.
    // Every sentence's last word stands so, one token in twenty: told here, it is spared
    // `lex_word`'s walk and a second read of its letters for its lower-case form.
    let dot_after_letter = next == b'.' && end - start == 1;
    if next.is_ascii() && next != b'\'' && !dot_after_letter {
        Ok((end, next))
    } else {
        Err(end)
    }
}

/// The high bit of every byte of a word.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The end of the run of ASCII letters starting at `start` and the byte after the run (0 at `to`,
/// where no byte is), which the chunk it ends in holds already.
/// Read eight bytes at a time: a byte at a time, the loop's exit, at a different length for every
/// word, was mispredicted once a word and made most of the lexer's time.
fn ascii_letters(bytes: &[u8], start: usize, to: usize) -> (usize, u8) {
    // Cut at `to` once, so that reading a chunk checks one bound, not two.
    let bytes = &bytes[..to];
    let mut i = start;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let chunk = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Bytes in memory order are the word's bytes from the lowest, so the first byte that is
        // no letter is the lowest clear high bit (none in a chunk of letters: a run of eight).
        let stops = !letter_bits(chunk) & HIGH_BITS;
        let run = (stops.trailing_zeros() / 8) as usize;
        i += run;
        if run < 8 {
            return (i, (chunk >> (8 * run)) as u8);
        }
    }
    let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
    (end, bytes.get(end).copied().unwrap_or(0))
}

/// The high bit of each byte of `chunk` that is an ASCII letter, by arithmetic on all eight at
/// once: folded to lower case, a letter lies in `a..=z`, and adding to each byte's low seven bits
/// sets its high bit from a bound on, with no carry into the next byte.
fn letter_bits(chunk: u64) -> u64 {
    let every = |byte: u8| u64::from(byte) * 0x0101_0101_0101_0101;
    let low = (chunk | every(0x20)) & !HIGH_BITS;
    let from_a = low + every(0x80 - b'a');
    let past_z = low + every(0x80 - b'z' - 1);
    from_a & !past_z & !chunk & HIGH_BITS
}

/// `word` in lower case; most words of English news are ASCII, which needs no Unicode tables,
/// and in lower case already, which needs no copy.
fn lower_case(word: &str) -> Cow<'_, str> {
    if crate::rules::ascii_lower(word) {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The digits and decimal point of a number as written, without its separators of thousands.
fn digits_norm(written: &str) -> Cow<'_, str> {
    let kept = |b: &u8| b.is_ascii_digit() || *b == b'.';
    if written.bytes().all(|b| kept(&b)) {
        Cow::Borrowed(written)
    } else {
        Cow::Owned(written.bytes().filter(kept).map(char::from).collect())
    }
}

fn next_is_space_then_upper(text: &str, from: usize, to: usize) -> bool {
    let mut chars = text[from..to].chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_whitespace() => {
            let next = chars.find(|c| !c.is_whitespace());
            next.is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'“‘(".contains(c))
        }
        Some(c) => "\"'”’)".contains(c),
    }
}

fn is_abbreviation(word: &str) -> bool {
    // One character (a word is never empty), without counting a long word's characters.
    word.chars().nth(1).is_none()
        || word.contains('.')
        || matches!(
            word,
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "st"
                | "gen"
                | "lt"
                | "col"
                | "sgt"
                | "capt"
                | "rep"
                | "sen"
                | "gov"
                | "prof"
                | "jr"
                | "sr"
                | "no"
                | "vs"
                | "jan"
                | "feb"
                | "aug"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "inc"
                | "corp"
                | "co"
        )
}

/// The end of a number: digits, thousands groups (`,ddd` not followed by a fourth digit) and one
/// decimal part.
fn digits_end(bytes: &[u8], start: usize, to: usize) -> usize {
    let mut i = start;
    while i < to && bytes[i].is_ascii_digit() {
        i += 1;
    }
    // The digits read so far, which decides the groupings that may follow.
    let mut digits = i - start;
    // Indian grouping, "12,34,567.89": pairs after the lead, then one group of three.
    if digits <= 2 {
        if let Some((end, more)) = indian_groups(bytes, i, to) {
            digits += more;
            i = end;
        }
    }
    // Thousands separated by single spaces, "1 414 021 100", as much of Europe and the SI write
    // (also with a no-break, narrow no-break or thin space).
    if (1..=3).contains(&digits) {
        let group_at = |at: usize| {
            let sep = space_separator(bytes, at, to)?;
            let g = at + sep;
            let ok = g + 3 <= to
                && bytes[g..g + 3].iter().all(u8::is_ascii_digit)
                && (g + 3 == to || !(bytes[g + 3].is_ascii_digit() || bytes[g + 3] == b','));
            ok.then_some(g)
        };
        while let Some(g) = group_at(i) {
            digits += 3;
            i = g + 3;
        }
    }
    // Thousands separators only after a group of at most three leading digits.
    if digits <= 3 {
        while i + 3 < to + 1
            && i < to
            && bytes[i] == b','
            && i + 4 <= to
            && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
            && (i + 4 == to || !bytes[i + 4].is_ascii_digit())
        {
            i += 4;
        }
    }
    if i + 1 < to && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
        i += 1;
        while i < to && bytes[i].is_ascii_digit() {
            i += 1;
        }
    }
    i
}

/// The length of the space that separates groups of thousands at byte `at`, if one stands there.
fn space_separator(bytes: &[u8], at: usize, to: usize) -> Option<usize> {
    let rest = &bytes[at..to];
    if rest.starts_with(b" ") {
        Some(1)
    } else if rest.starts_with("\u{a0}".as_bytes()) {
        Some(2)
    } else if rest.starts_with("\u{202f}".as_bytes()) || rest.starts_with("\u{2009}".as_bytes()) {
        Some(3)
    } else {
        None
    }
}

/// ",34,567" after one or two leading digits: pairs, then a final group of three. The end and
/// the number of digits read.
fn indian_groups(bytes: &[u8], start: usize, to: usize) -> Option<(usize, usize)> {
    let mut i = start;
    let mut digits = 0;
    let group = |at: usize, n: usize| {
        at + n < to
            && bytes[at] == b','
            && bytes[at + 1..at + 1 + n].iter().all(u8::is_ascii_digit)
            && (at + 1 + n == to || !bytes[at + 1 + n].is_ascii_digit())
    };
    while group(i, 2) {
        digits += 2;
        i += 3;
    }
    if digits == 0 || !group(i, 3) {
        return None;
    }
    Some((i + 4, digits + 3))
}

/// Letters with inner apostrophes ("don't") and dotted initials ("U.S."); a possessive `'s` is
/// left for a token of its own. `from` is the end of the word's leading ASCII letters, which
/// [`ascii_word`] has read: most words read here are a sentence's last, before its full stop.
fn lex_word(text: &str, start: usize, from: usize, to: usize) -> usize {
    let ascii = from - start;
    let mut end = from;
    // What the dotted-initials test needs to know of the word so far, kept as it grows: a rescan
    // at every dot made "a.b.c.d..." quadratic. `part` counts the characters since the last dot;
    // a dot is only taken after a part of one, so every earlier part had one.
    let (mut part, mut dotted, mut last_alphabetic) = (ascii, false, ascii > 0);
    for (off, c) in text[from..to].char_indices() {
        if c.is_alphabetic() || c == '\u{0301}' {
            end = from + off + c.len_utf8();
            part += 1;
            last_alphabetic = c.is_alphabetic();
            continue;
        }
        if matches!(c, '\'' | '’') {
            let rest = &text[from + off + c.len_utf8()..to];
            let mut next_word = rest.chars().take_while(|c| c.is_alphabetic());
            let first = next_word.next();
            let only_s = first.is_some_and(|f| f.eq_ignore_ascii_case(&'s')) && next_word.next().is_none();
            if first.is_some() && !only_s {
                end = from + off + c.len_utf8();
                part += 1;
                last_alphabetic = false;
                continue;
            }
        }
        if c == '.' {
            // "U.S." and "a.m.": a single letter, a dot, another single letter and a dot.
            let rest = &text[from + off + 1..to];
            let mut rc = rest.chars();
            let single = last_alphabetic && part == 1;
            if single {
                if let (Some(a), Some(b)) = (rc.next(), rc.next()) {
                    if a.is_alphabetic() && (b == '.' || !b.is_alphabetic()) {
                        end = from + off + 1;
                        (part, dotted, last_alphabetic) = (0, true, false);
                        continue;
                    }
                }
                if dotted {
                    end = from + off + 1;
                }
            }
        }
        break;
    }
    end.max(start + text[start..].chars().next().map_or(1, char::len_utf8))
}

#[cfg(test)]
mod tests;
