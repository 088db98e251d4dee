//! Build script: the shipped `rules/*.toml` in, each checked against the rules schema and written
//! out as JSON without its examples in `OUT_DIR`, which the binary loads at every start instead of
//! parsing TOML (that was half of a short run's start-up). A malformed shipped rules file fails the
//! build with its file, line and column, as it would fail every run.

use std::path::Path;

// The examples are read only by the library, which runs them.
#[allow(dead_code)]
#[path = "rules/schema.rs"]
mod schema;

fn main() {
    println!("cargo::rerun-if-changed=rules");
    println!("cargo::rerun-if-changed=src/rules/schema.rs");
    let root = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let rules = Path::new(&root).join("rules");
    let entries = std::fs::read_dir(&rules).unwrap_or_else(|e| fail(&format!("{}: {e}", rules.display())));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| fail(&format!("{}: {e}", rules.display()))).path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let shown = format!("rules/{}", path.file_name().unwrap_or_default().to_string_lossy());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
        // toml's message names the line and column and shows the line.
        let parsed: schema::RulesFile = toml::from_str(&text).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
        let json = serde_json::to_string(&parsed).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
        // A number that JSON would not give back to the bit (serde_json's default reader is not
        // exact for every decimal) must not change a rule silently: read back, it must write the same.
        let back: schema::RulesFile = serde_json::from_str(&json).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
        if serde_json::to_string(&back).ok().as_ref() != Some(&json) {
            fail(&format!("{shown}: the rules do not read back the same from JSON"));
        }
        let target = Path::new(&out).join(format!("{}.json", path.file_name().unwrap_or_default().to_string_lossy()));
        std::fs::write(&target, json).unwrap_or_else(|e| fail(&format!("{}: {e}", target.display())));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}
