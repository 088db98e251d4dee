//! Build script: the shipped `rules/*.toml` in, each checked against the rules schema and written
//! out as JSON without its examples in `OUT_DIR`, with `embedded.rs` listing them all for
//! `rules::load`; the binary loads the JSON at every start instead of parsing TOML (that was half
//! of a short run's start-up). A malformed shipped rules file fails the
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
    let mut paths: Vec<_> = entries
        .map(|entry| entry.unwrap_or_else(|e| fail(&format!("{}: {e}", rules.display()))).path())
        .filter(|path| path.extension().and_then(|e| e.to_str()) == Some("toml"))
        .collect();
    // The binary lists them in name order, whatever order the directory gives.
    paths.sort();
    let (mut tomls, mut jsons) = (String::new(), String::new());
    for path in &paths {
        let shown = format!("rules/{}", path.file_name().unwrap_or_default().to_string_lossy());
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
        // toml's message names the line and column and shows the line.
        let parsed: schema::RulesFile = toml::from_str(&text).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
        let json = serde_json::to_string(&parsed).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
        // A number that JSON would not give back to the bit (serde_json's default reader is not
        // exact for every decimal) must not change a rule silently: read back, it must write the same.
        let back: schema::RulesFile = serde_json::from_str(&json).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
        if serde_json::to_string(&back).ok().as_ref() != Some(&json) {
            fail(&format!("{shown}: the rules do not read back the same from JSON"));
        }
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let target = Path::new(&out).join(format!("{name}.json"));
        std::fs::write(&target, json).unwrap_or_else(|e| fail(&format!("{}: {e}", target.display())));
        tomls.push_str(&format!("    ({name:?}, include_str!({:?})),\n", path.display().to_string()));
        jsons.push_str(&format!("    include_str!({:?}),\n", target.display().to_string()));
    }
    let list = format!(
        "/// The rules files built into the binary, by file name: every `rules/*.toml`, in name order.\n\
         pub const EMBEDDED: &[(&str, &str)] = &[\n{tomls}];\n\
         /// The rules of `EMBEDDED`, in its order, without their examples, as JSON.\n\
         const EMBEDDED_JSON: &[&str] = &[\n{jsons}];\n"
    );
    let target = Path::new(&out).join("embedded.rs");
    std::fs::write(&target, list).unwrap_or_else(|e| fail(&format!("{}: {e}", target.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}
