//! The source reader on arbitrary bytes, through the decode path the loader uses: it must not
//! panic, must keep every byte offset, and its line index must agree with the text.
#![no_main]

use crosscheck::source::{decode, Source, REPLACEMENT};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut warnings = Vec::new();
    let Some(text) = decode("fuzz.txt", data.to_vec(), &mut warnings) else { return };
    assert_eq!(text.len(), data.len(), "decoding keeps every offset");
    for (k, (&t, &d)) in text.as_bytes().iter().zip(data).enumerate() {
        assert!(t == d || t == REPLACEMENT as u8 || (k < 3 && t == b' '), "byte {k} changed");
    }
    let source = Source::new("fuzz.txt", text, &mut warnings);
    assert!(source.body.start <= source.body.end && source.body.end == source.text.len());
    let _ = source.body_text();
    let lines = source.text.matches('\n').count() + 1;
    for (byte, _) in source.text.char_indices().step_by(7).chain([(source.text.len(), ' ')]) {
        let (line, column) = source.line_col(byte);
        assert!(line >= 1 && line <= lines && column >= 1);
        let _ = source.line_text(line);
    }
});
