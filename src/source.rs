//! Stage 1, reading: paths (files, folders, `-` for stdin) in, a `Corpus` of `Source`s out, each with
//! its text, front matter, reference date (when the header or `--date` gives one) and line index.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::claim::Span;
use crate::error::{Error, Warning};

mod headline;

/// File endings read when a folder is given.
pub const SOURCE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Where a source's reference date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrigin {
    /// The `date:` key of the front matter.
    Header,
    /// The `--date` flag.
    Flag,
    /// The latest full date written in the text.
    Text,
    /// Lent by the sources checked with it, which agree on it (see `extract::lent`).
    Others,
    /// No reference date could be found; relative dates stay unresolved.
    None,
}

impl DateOrigin {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            DateOrigin::Header => "header",
            DateOrigin::Flag => "flag",
            DateOrigin::Text => "text",
            DateOrigin::Others => "others",
            DateOrigin::None => "none",
        }
    }
}

/// One text to cross-check.
#[derive(Clone, Debug)]
pub struct Source {
    /// The path as displayed in reports: relative, `/`-separated, never absolute when avoidable.
    pub path: Arc<str>,
    /// The whole file as read, front matter included, so spans are offsets into the file. Shared
    /// with the report's mentions, which quote their sentences from it.
    pub text: Arc<str>,
    /// Where the body (the text after the front matter) lies.
    pub body: Span,
    /// Where the front matter's `key: value` lines lie (empty when there is none): read again by
    /// [`Source::meta`] when asked, rather than kept as strings for every source of a pile.
    front: Span,
    /// The reference date for relative expressions, when header or flag gave one.
    pub date: Option<Date>,
    /// Where `date` came from.
    pub date_from: DateOrigin,
    /// The byte where each line starts; four bytes each, as a text is at most
    /// [`MAX_SOURCE_BYTES`] long, since a pile's sources hold hundreds of thousands of lines.
    line_starts: Vec<u32>,
    /// For every [`COLUMN_BLOCK`] bytes of text after the first: the first character boundary at
    /// or after the block's start, and the number of characters before it. Columns on very long
    /// lines are counted from the nearest of these, not from the line start, so that rendering
    /// every claim of a one-line file is not quadratic. Empty for a text of one block (most news
    /// articles), whose columns count from its start.
    blocks: Vec<(u32, u32)>,
}

/// Bytes per entry of `Source::blocks`; lines shorter than this are counted directly.
const COLUMN_BLOCK: usize = 4096;

impl Source {
    /// Builds a source from decoded text, reading its front matter. Warnings (such as unterminated
    /// front matter or a malformed header date) are pushed onto `warnings`. A text longer than
    /// [`MAX_SOURCE_BYTES`] is not read, as [`load`] reads no such file: the source is empty and
    /// a warning says why, so that every byte offset of a source fits in four bytes.
    pub fn new(path: impl Into<String>, mut text: String, warnings: &mut Vec<Warning>) -> Source {
        let path = path.into();
        if text.len() as u64 > MAX_SOURCE_BYTES {
            warnings.push(too_large(&path, text.len() as u64, "its text is not read"));
            text = String::new();
        }
        // The text is at most MAX_SOURCE_BYTES long: every offset fits a u32.
        let offset = |i: usize| i as u32;
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| offset(i + 1))).collect();
        let (front, body_start) = parse_front_matter(&text, &path, warnings);
        let mut blocks = Vec::with_capacity(text.len() / COLUMN_BLOCK);
        let (mut at, mut chars) = (0, 0);
        while at < text.len() {
            let mut next = (at + COLUMN_BLOCK).min(text.len());
            while !text.is_char_boundary(next) {
                next += 1;
            }
            if at > 0 {
                blocks.push((offset(at), offset(chars)));
            }
            chars += text[at..next].chars().count();
            at = next;
        }
        let mut source = Source {
            path: Arc::from(path),
            body: Span::new(body_start, text.len()),
            text: Arc::from(text),
            front,
            date: None,
            date_from: DateOrigin::None,
            line_starts,
            blocks,
        };
        if let Some(value) = source.meta_value("date") {
            match parse_iso_date(value) {
                Some(date) => {
                    source.date = Some(date);
                    source.date_from = DateOrigin::Header;
                }
                None => warnings.push(Warning::line(
                    source.path.to_string(),
                    source.line_of_meta("date"),
                    format!("front matter date {value:?} is not a YYYY-MM-DD date; ignored"),
                )),
            }
        }
        source
    }

    /// The front matter's `key: value` pairs, in file order; unknown keys are kept.
    pub fn meta(&self) -> impl Iterator<Item = (&str, &str)> {
        self.text[self.front.range()].lines().filter_map(meta_pair)
    }

    /// The value of front matter key `key`, if present.
    pub fn meta_value(&self, key: &str) -> Option<&str> {
        self.meta().find(|&(k, _)| k == key).map(|(_, v)| v)
    }

    /// The article body, after any front matter.
    pub fn body_text(&self) -> &str {
        &self.text[self.body.range()]
    }

    /// The 1-based line and 1-based column (in characters) of byte offset `byte`.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s as usize <= byte) - 1;
        let start = self.line_starts[line] as usize;
        let column = match self.text.get(start..byte) {
            None => byte - start,
            Some(s) if s.len() < COLUMN_BLOCK => s.chars().count(),
            Some(_) => self.chars_before(byte) - self.chars_before(start),
        } + 1;
        (line + 1, column)
    }

    /// The number of characters before byte `byte`, a character boundary.
    fn chars_before(&self, byte: usize) -> usize {
        let (at, chars) = match self.blocks.partition_point(|&(at, _)| at as usize <= byte) {
            0 => (0, 0),
            n => (self.blocks[n - 1].0 as usize, self.blocks[n - 1].1 as usize),
        };
        chars + self.text[at..byte].chars().count()
    }

    /// The text of the 1-based line `line`, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_starts.get(line.saturating_sub(1)).map_or(self.text.len(), |&s| s as usize);
        let end = self.line_starts.get(line).map_or(self.text.len(), |&e| e as usize);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    fn line_of_meta(&self, key: &str) -> usize {
        let needle = format!("\n{key}:");
        self.text.find(&needle).map_or(1, |i| self.line_col(i + 1).0)
    }
}

/// Every source of one run, sorted by path so that output does not depend on argument order.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// The sources, in path order.
    pub sources: Vec<Source>,
    /// Files skipped or read with trouble.
    pub warnings: Vec<Warning>,
}

/// How to read the paths given.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// A reference date for sources whose front matter gives none (`--date`).
    pub date: Option<Date>,
}

/// Largest file read as a source: 8 MiB. A news article is a few dozen KiB; a file this large is a
/// dump, a log or a mis-saved binary, and reading it would cost some 16 bytes of tokens per byte of
/// text. Larger files are skipped with a warning rather than cut, so that a report never presents
/// half a source as the whole of it.
pub const MAX_SOURCE_BYTES: u64 = 8 << 20;

/// Reads every path: files as they are, folders recursively (files ending in
/// [`SOURCE_EXTENSIONS`], hidden entries skipped, symbolic links followed once), `-` as standard
/// input.
///
/// A path that does not exist or cannot be read is an error; a file inside a folder that cannot be
/// read is skipped with a warning. Any file that is empty, binary or larger than
/// [`MAX_SOURCE_BYTES`] is skipped with a warning; one that is not UTF-8 is read with a warning.
pub fn load(paths: &[PathBuf], options: &LoadOptions) -> Result<Corpus, Error> {
    let mut corpus = Corpus::default();
    let mut stdin_read = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if stdin_read {
                continue;
            }
            stdin_read = true;
            let bytes =
                read_capped(io::stdin().lock(), 0).map_err(|source| Error::Io { path: "<stdin>".into(), source })?;
            push_source(&mut corpus, "<stdin>".into(), bytes);
            continue;
        }
        let meta = fs::metadata(path).map_err(|source| io_error(path, source))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            let mut seen = Vec::new();
            walk(path, &mut files, &mut seen, &mut corpus.warnings);
            files.sort();
            // A pile's sources are thousands: made room for at once, not doubled up to.
            corpus.sources.reserve(files.len());
            for file in files {
                match read_file(&file) {
                    Ok(bytes) => push_source(&mut corpus, display_path(&file), bytes),
                    Err(e) => corpus.warnings.push(Warning::file(display_path(&file), format!("skipped: {e}"))),
                }
            }
        } else {
            let bytes = read_file(path).map_err(|source| io_error(path, source))?;
            push_source(&mut corpus, display_path(path), bytes);
        }
    }
    corpus.sources.sort_by(|a, b| a.path.cmp(&b.path));
    corpus.sources.dedup_by(|a, b| a.path == b.path);
    for source in &mut corpus.sources {
        if source.date.is_none() {
            if let Some(date) = options.date {
                source.date = Some(date);
                source.date_from = DateOrigin::Flag;
            }
        }
    }
    corpus.warnings.sort();
    Ok(corpus)
}

/// What reading a file gave: its bytes, or only its size when that is over the limit.
enum Contents {
    Bytes(Vec<u8>),
    TooLarge(u64),
}

/// Reads a file, refusing to hold more than [`MAX_SOURCE_BYTES`] of it. The size is checked first
/// so that a huge file costs nothing, and the read is capped too, for files whose size the system
/// does not know in advance (a FIFO, `/dev/zero`).
fn read_file(path: &Path) -> io::Result<Contents> {
    let file = fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > MAX_SOURCE_BYTES {
        return Ok(Contents::TooLarge(size));
    }
    read_capped(file, size)
}

/// Reads at most one byte past the limit; `size` is how many bytes are expected, so that the file
/// is read into a buffer of its size rather than one doubled past it (a pile's text is read whole
/// and kept to the end).
fn read_capped(reader: impl io::Read, size: u64) -> io::Result<Contents> {
    let mut bytes = Vec::with_capacity(size.min(MAX_SOURCE_BYTES) as usize);
    reader.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(if bytes.len() as u64 > MAX_SOURCE_BYTES {
        Contents::TooLarge(bytes.len() as u64)
    } else {
        Contents::Bytes(bytes)
    })
}

/// Decodes what was read and adds it as a source, or records why it was skipped.
fn push_source(corpus: &mut Corpus, path: String, read: Contents) {
    let bytes = match read {
        Contents::Bytes(bytes) => bytes,
        Contents::TooLarge(size) => {
            corpus.warnings.push(too_large(&path, size, "skipped"));
            return;
        }
    };
    if let Some(text) = decode(&path, bytes, &mut corpus.warnings) {
        let source = Source::new(path, text, &mut corpus.warnings);
        if source.body_text().trim().is_empty() {
            corpus.warnings.push(Warning::file(source.path.to_string(), "has no text after its front matter; skipped"));
        } else {
            corpus.sources.push(source);
        }
    }
}

/// The warning for a source of `size` bytes, over [`MAX_SOURCE_BYTES`]; `outcome` says what was done.
fn too_large(path: &str, size: u64, outcome: &str) -> Warning {
    let shown =
        if size > MAX_SOURCE_BYTES + 1 { format!("{:.1} MiB", size as f64 / 1048576.0) } else { "larger".into() };
    Warning::file(path, format!("is {shown}, over the {} MiB limit for one source; {outcome}", MAX_SOURCE_BYTES >> 20))
}

/// The character that stands in for each byte that is not valid UTF-8: U+001A SUBSTITUTE, the
/// ASCII control meant for exactly this. Being one byte long, it keeps every byte offset of the
/// decoded text equal to the offset in the file, so spans slice the original bytes (U+FFFD would
/// take three bytes for one, and shift every span after it). It is neither a letter, a digit, white
/// space nor sentence punctuation, so it joins no word or number and ends no sentence.
pub const REPLACEMENT: char = '\u{1a}';

/// Turns file bytes into text, as [`load`] does for every file: empty and binary files are refused
/// with a warning; bytes that are not UTF-8 become [`REPLACEMENT`], one for one, with a warning
/// naming the line of the first; a UTF-8 byte-order mark becomes three spaces. The text always has
/// the same length as `bytes`.
pub fn decode(path: &str, mut bytes: Vec<u8>, warnings: &mut Vec<Warning>) -> Option<String> {
    if bytes.is_empty() {
        warnings.push(Warning::file(path, "is empty; skipped"));
        return None;
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        warnings.push(Warning::file(path, "looks like UTF-16 (byte-order mark); save it as UTF-8; skipped"));
        return None;
    }
    let probe = &bytes[..bytes.len().min(8192)];
    if probe.contains(&0) {
        warnings.push(Warning::file(path, "looks binary (contains NUL bytes); skipped"));
        return None;
    }
    let mut first_bad = None;
    let mut bad = 0usize;
    let mut from = 0;
    while let Err(e) = std::str::from_utf8(&bytes[from..]) {
        let at = from + e.valid_up_to();
        let len = e.error_len().unwrap_or(bytes.len() - at);
        first_bad.get_or_insert(at);
        bad += len;
        bytes[at..at + len].fill(REPLACEMENT as u8);
        from = at + len;
    }
    if let Some(at) = first_bad {
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let plural = if bad == 1 { "byte" } else { "bytes" };
        warnings.push(Warning::line(
            path,
            line,
            format!("is not valid UTF-8; {bad} undecodable {plural} (the first on this line) read as U+001A"),
        ));
    }
    if bytes.starts_with(&[0xef, 0xbb, 0xbf]) {
        // A byte-order mark is invisible to readers; blank it so spans keep their offsets.
        bytes[..3].fill(b' ');
    }
    // Every invalid byte was replaced above, so this cannot fail; fall back rather than panic.
    Some(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Collects the source files below `dir`. Symbolic links are followed, but a folder already
/// walked (by its canonical path) is not entered again, so a link loop ends with a warning.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, seen: &mut Vec<PathBuf>, warnings: &mut Vec<Warning>) {
    if let Ok(canonical) = fs::canonicalize(dir) {
        if seen.contains(&canonical) {
            warnings.push(Warning::file(display_path(dir), "leads to a folder already read (a link loop?); skipped"));
            return;
        }
        seen.push(canonical);
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            warnings.push(Warning::file(display_path(dir), format!("skipped folder: {e}")));
            return;
        }
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        let is_dir = if kind.is_symlink() {
            match fs::metadata(&path) {
                Ok(target) => target.is_dir(),
                Err(e) => {
                    // A dangling link or a link loop: worth a word only if it looks like a source.
                    if has_source_extension(&path) {
                        warnings.push(Warning::file(display_path(&path), format!("skipped: {e}")));
                    }
                    continue;
                }
            }
        } else {
            kind.is_dir()
        };
        if is_dir {
            walk(&path, files, seen, warnings);
        } else if has_source_extension(&path) {
            files.push(path);
        }
    }
}

fn has_source_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SOURCE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn io_error(path: &Path, source: io::Error) -> Error {
    Error::Io { path: display_path(path), source }
}

/// The path as shown in reports: relative to the working directory when it lies below it,
/// `/`-separated, without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let relative = if path.is_absolute() {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
            .unwrap_or_else(|| path.to_path_buf())
    } else {
        path.to_path_buf()
    };
    let mut parts: Vec<String> = Vec::new();
    for component in relative.components() {
        match component {
            std::path::Component::CurDir => {}
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    let joined = joined.replace("//", "/");
    if joined.is_empty() {
        ".".into()
    } else {
        joined
    }
}

/// Parses `YYYY-MM-DD` (optionally followed by a time, which is ignored).
pub fn parse_iso_date(value: &str) -> Option<Date> {
    let value = value.trim().trim_matches(['"', '\'']);
    let day = value.get(..10)?;
    if value.len() > 10 && !value[10..].starts_with(['T', ' ', 't']) {
        return None;
    }
    day.parse::<Date>().ok()
}

/// A front matter line's key and value, when it is a `key: value` line with a key of one word.
fn meta_pair(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    (!key.is_empty() && !key.contains(' ')).then(|| (key, value.trim()))
}

/// Splits off Markdown front matter: returns where its `key: value` lines lie (an empty span when
/// there is none) and the byte where the body starts.
fn parse_front_matter(text: &str, path: &str, warnings: &mut Vec<Warning>) -> (Span, usize) {
    let start = text.len() - text.trim_start_matches([' ', '\u{feff}']).len();
    let rest = &text[start..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != "---" {
        return (Span::new(0, 0), 0);
    }
    // Line warnings count only if the block turns out to be front matter at all.
    let mut line_warnings = Vec::new();
    let mut offset = start + first_line_end;
    let mut line_no = 2;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
        let line = text[offset..end].trim_end_matches(['\n', '\r']);
        if line.trim_end() == "---" {
            warnings.extend(line_warnings);
            return (Span::new(start + first_line_end, offset), end);
        }
        if !line.contains(':') && !line.trim().is_empty() {
            line_warnings.push(Warning::line(
                path,
                line_no,
                format!("front matter line {line:?} is not `key: value`; ignored"),
            ));
        }
        offset = end;
        line_no += 1;
    }
    warnings.push(Warning::line(path, 1, "front matter opened with `---` is never closed; read as body text"));
    (Span::new(0, 0), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_off_and_kept() {
        let mut w = Vec::new();
        let s = Source::new(
            "a.md",
            "---\ndate: 2025-07-13\nsource: Kyiv Independent\nx-y: 1\n---\nBody 12 here.\n".into(),
            &mut w,
        );
        assert!(w.is_empty());
        assert_eq!(s.date, Some(jiff::civil::date(2025, 7, 13)));
        assert_eq!(s.date_from, DateOrigin::Header);
        assert_eq!(s.meta_value("source"), Some("Kyiv Independent"));
        assert_eq!(s.meta_value("x-y"), Some("1"));
        let keys: Vec<&str> = s.meta().map(|(k, _)| k).collect();
        assert_eq!(keys, ["date", "source", "x-y"]);
        assert_eq!(s.body_text(), "Body 12 here.\n");
        assert_eq!(s.line_col(s.body.start() + 5), (6, 6));
    }

    #[test]
    fn unterminated_front_matter_is_body_with_a_warning() {
        let mut w = Vec::new();
        let s = Source::new("a.md", "---\ndate: 2025-07-13\nno end".into(), &mut w);
        assert_eq!(s.body.start(), 0);
        assert_eq!(s.date, None);
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("never closed"));
    }

    #[test]
    fn a_text_over_the_limit_is_not_read() {
        let mut w = Vec::new();
        let s = Source::new("big.txt", "12 ".repeat(MAX_SOURCE_BYTES as usize / 3 + 1), &mut w);
        assert!(s.text.is_empty());
        assert_eq!(s.line_col(0), (1, 1));
        assert!(w[0].message.contains("over the 8 MiB limit for one source; its text is not read"), "{}", w[0].message);
    }

    #[test]
    fn bad_header_date_warns_with_its_line() {
        let mut w = Vec::new();
        let s = Source::new("a.md", "---\ntitle: x\ndate: July\n---\nx\n".into(), &mut w);
        assert_eq!(s.date, None);
        assert_eq!(w[0].line, Some(3));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let mut w = Vec::new();
        let s = Source::new("a", "“ab” 12\nx".into(), &mut w);
        let twelve = s.text.find("12").unwrap();
        assert_eq!(s.line_col(twelve), (1, 6));
        assert_eq!(s.line_col(s.text.len() - 1), (2, 1));
        assert_eq!(s.line_text(1), "“ab” 12");
    }

    #[test]
    fn columns_on_long_lines_count_characters() {
        let mut w = Vec::new();
        let line = "é".repeat(3000) + &"x".repeat(5000) + "12";
        let s = Source::new("a", format!("head\n{line}\nz"), &mut w);
        let twelve = s.text.find("12").unwrap();
        assert_eq!(s.line_col(twelve), (2, 8001));
        assert_eq!(s.line_col(s.text.len() - 1), (3, 1));
        assert_eq!(s.line_col(5 + 2 * 2999), (2, 3000));
    }

    #[test]
    fn empty_and_binary_bytes_are_refused() {
        let mut w = Vec::new();
        assert_eq!(decode("e", Vec::new(), &mut w), None);
        assert_eq!(decode("b", vec![1, 0, 2], &mut w), None);
        assert_eq!(decode("16", vec![0xff, 0xfe, b'a', 0], &mut w), None);
        assert_eq!(w.len(), 3);
        let text = decode("u", b"ok\n\xff 12 \xe2\x82".to_vec(), &mut w).unwrap();
        assert_eq!(text, "ok\n\u{1a} 12 \u{1a}\u{1a}");
        assert_eq!(w[3].line, Some(2));
        assert!(w[3].message.contains("3 undecodable bytes"), "{}", w[3].message);
    }

    #[test]
    fn display_paths_are_relative_and_slashed() {
        assert_eq!(display_path(Path::new("./seeds/a.txt")), "seeds/a.txt");
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(display_path(&cwd.join("x/y.md")), "x/y.md");
    }
}
