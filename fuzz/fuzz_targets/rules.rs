//! The rules loader on arbitrary text, as a user's `--rules` file: it must refuse or compile
//! without panicking, and rules it accepts must extract a sentence without panicking.
#![no_main]

use crosscheck::rules::Rules;
use crosscheck::source::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(rules) = Rules::from_texts(vec![("fuzz.toml".into(), "fuzz.toml".into(), text.to_string())]) else {
        return;
    };
    let mut warnings = Vec::new();
    let source = Source::new(
        "s.txt",
        "Around 11,000 soldiers were sent on July 12, 2025; up to $5 million, 15% and 10 km, dozens fled.".into(),
        &mut warnings,
    );
    let _ = crosscheck::extract::extract(&source, 0, &rules);
});
