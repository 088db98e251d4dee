//! An `ignore` pattern in, where in a text it can match out: whether each of its matches holds an
//! ASCII digit, and which bytes a match can be made of, or else which lower-case literals every
//! match begins with. Extraction searches such a pattern only in the runs of those bytes around
//! the text's digits, or only where the text's lower-case copy holds one of those literals, not
//! over the whole text (`extract::mask`).

use regex_automata::util::prefilter::Prefilter;
use regex_automata::MatchKind;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, Hir, HirKind};

/// Where extraction searches one ignore pattern.
#[derive(Clone, Debug)]
pub enum Where {
    /// Only in the runs of bytes around the text's digits (boxed: its byte table is large).
    NearDigits(Box<Reach>),
    /// Only at the places where the text's ASCII lower-case copy holds one of these ASCII
    /// lower-case literals, which every match begins with, the pattern anchored there (see
    /// [`lowered_prefixes`]; [`prefixes_of`] finds the places for all such patterns at once).
    AtPrefixes(Vec<Vec<u8>>),
    /// Over the whole text, by the regex's own search.
    Everywhere,
}

impl Where {
    /// Where to search `pattern`: around digits if each of its matches holds one
    /// ([`reach`]), else at its lower-case prefixes if those are fewer than its own
    /// ([`lowered_prefixes`]), else everywhere.
    pub fn of(pattern: &str) -> Where {
        if let Some(reach) = reach(pattern) {
            return Where::NearDigits(Box::new(reach));
        }
        match lowered_prefixes(pattern) {
            Some(prefixes) => Where::AtPrefixes(prefixes),
            None => Where::Everywhere,
        }
    }
}

/// The literals every match of `pattern` begins with, ASCII lower-cased, to look for in the text's
/// ASCII lower-case copy; `None` when the matches have no such finite set of non-empty literals,
/// or when lower-casing merges none of them.
///
/// A case-insensitive pattern's literals are every case variant of each ("photo", "Photo",
/// "pHoto"... 192 for the photo-credit pattern): the regex engine's own prefilter then holds many
/// literals and stops at many places where none of them is. Lower-cased they are a handful. A
/// text that starts with literal `L` has a lower-case copy that starts with `L` lower-cased (ASCII
/// lower-casing maps byte to byte and leaves every other byte as it is), so no match is missed.
/// A pattern whose literals lower-casing leaves as many is better searched by the engine alone:
/// it then runs on from each candidate without a call per candidate.
pub fn lowered_prefixes(pattern: &str) -> Option<Vec<Vec<u8>>> {
    // Parsed as the regex engine parses it; a pattern it took parses here too.
    let hir = regex_syntax::parse(pattern).ok()?;
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    // An infinite sequence is no finite set; an empty literal is a match anywhere; an empty set
    // (a pattern that matches nothing) is left to the engine.
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.is_empty()) {
        return None;
    }
    let mut lowered: Vec<Vec<u8>> = literals.iter().map(|l| l.as_bytes().to_ascii_lowercase()).collect();
    lowered.sort_unstable();
    lowered.dedup();
    (lowered.len() < literals.len()).then_some(lowered)
}

/// One prefilter over the lower-case prefixes of every pattern of `places` searched at them
/// ([`Where::AtPrefixes`]): the text's lower-case copy is then read once for them all, not once
/// per pattern. `None` when no pattern is.
pub fn prefixes_of<'a>(places: impl IntoIterator<Item = &'a Where>) -> Option<Prefilter> {
    let mut all: Vec<&[u8]> = places
        .into_iter()
        .flat_map(|place| match place {
            Where::AtPrefixes(prefixes) => prefixes.as_slice(),
            _ => &[],
        })
        .map(Vec::as_slice)
        .collect();
    all.sort_unstable();
    all.dedup();
    Prefilter::new(MatchKind::LeftmostFirst, &all)
}

/// The bytes the matches of one or more patterns can hold, as a table by byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchBytes(pub [bool; 256]);

impl Default for MatchBytes {
    fn default() -> Self {
        MatchBytes([false; 256])
    }
}

impl MatchBytes {
    /// Adds byte `b`; a byte of a wider character's UTF-8 encoding adds them all (every one is 0x80
    /// or above), so that a run of the bytes never begins or ends inside a character.
    fn allow(&mut self, b: u8) {
        match b.is_ascii() {
            true => self.0[usize::from(b)] = true,
            false => self.0[0x80..].fill(true),
        }
    }

    /// Adds the bytes the matches of `hir` can hold.
    fn add(&mut self, hir: &Hir) {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => {}
            HirKind::Literal(l) => l.0.iter().for_each(|&b| self.allow(b)),
            HirKind::Class(Class::Bytes(c)) => {
                c.ranges().iter().flat_map(|r| r.start()..=r.end()).for_each(|b| self.allow(b));
            }
            HirKind::Class(Class::Unicode(c)) => {
                for r in c.ranges() {
                    let (start, end) = (u32::from(r.start()), u32::from(r.end()));
                    (start..=end.min(0x7f)).for_each(|b| self.allow(b as u8));
                    if end >= 0x80 {
                        self.allow(0x80);
                    }
                }
            }
            HirKind::Repetition(r) => self.add(&r.sub),
            HirKind::Capture(c) => self.add(&c.sub),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().for_each(|s| self.add(s)),
        }
    }
}

/// Whether every match of `hir` holds an ASCII digit.
fn needs_digit(hir: &Hir) -> bool {
    let digits = |from: u32, to: u32| (u32::from(b'0')..=u32::from(b'9')).contains(&from) && to <= u32::from(b'9');
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(l) => l.0.iter().any(u8::is_ascii_digit),
        HirKind::Class(Class::Bytes(c)) => {
            !c.ranges().is_empty() && c.ranges().iter().all(|r| digits(r.start().into(), r.end().into()))
        }
        HirKind::Class(Class::Unicode(c)) => {
            !c.ranges().is_empty() && c.ranges().iter().all(|r| digits(r.start().into(), r.end().into()))
        }
        HirKind::Repetition(r) => r.min > 0 && needs_digit(&r.sub),
        HirKind::Capture(c) => needs_digit(&c.sub),
        HirKind::Concat(subs) => subs.iter().any(needs_digit),
        HirKind::Alternation(subs) => subs.iter().all(needs_digit),
    }
}

/// Where the matches of a pattern each holding an ASCII digit can be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reach {
    /// The bytes a match can hold, and every ASCII digit: a match lies in a run of them that holds
    /// one of the text's digits.
    pub bytes: MatchBytes,
    /// The fewest bytes a match holds: a shorter run holds none.
    pub min_len: usize,
}

/// Where the matches of `pattern` can be, if each of them holds an ASCII digit and at most one
/// letter; `None` for a pattern to search everywhere.
pub fn reach(pattern: &str) -> Option<Reach> {
    // Parsed as `regex::Regex::new` parses it; a pattern the regex crate took parses here too.
    let hir = regex_syntax::parse(pattern).ok()?;
    if !needs_digit(&hir) {
        return None;
    }
    let mut bytes = MatchBytes::default();
    bytes.add(&hir);
    // A run of these bytes is found from any digit of the text, listed or not.
    bytes.0[usize::from(b'0')..=usize::from(b'9')].fill(true);
    // Runs pay only while they stay short. Those of a pattern whose matches hold words ("minutes
    // read") spread over the words beside a number, and the regex engine finds such a pattern by
    // its words faster on its own. One letter in either case is let through (the "v" of "v2.1").
    let held = |l: u8| bytes.0[usize::from(l)] || bytes.0[usize::from(l.to_ascii_uppercase())];
    if (b'a'..=b'z').filter(|&l| held(l)).count() > 1 {
        return None;
    }
    Some(Reach { bytes, min_len: hir.properties().minimum_len().unwrap_or(0) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_patterns_and_their_bytes() {
        let phone = reach(r"\(?(?-u:\b)[0-9]{3}\)?[\s.-][0-9]{4}").unwrap();
        assert!(phone.bytes.0[usize::from(b'7')] && phone.bytes.0[usize::from(b'(')] && phone.bytes.0[0xa0]);
        assert!(!phone.bytes.0[usize::from(b'a')]);
        assert_eq!(phone.min_len, 8);
        let version = reach(r"[vV]?[0-9]+\.[0-9]+").unwrap();
        assert!(version.bytes.0[usize::from(b'v')] && !version.bytes.0[usize::from(b' ')]);
        assert_eq!(version.min_len, 3);
        assert!(reach(r"(?i)[0-9]+\s*(?:min|minutes)\s+read").is_none(), "words spread the runs");
        assert!(reach(r"(?:https?://|www\.)[^\s]+").is_none());
        assert!(reach(r"[0-9]*x").is_none(), "a repetition of none holds no digit");
        assert!(reach(r"x1|[0-9]x").is_some());
        assert!(reach(r"x1|x").is_none(), "one branch holds no digit");
    }
}
