//! The command line as users meet it: exit codes (0 clean, 1 findings, 2 error), `--fail-on`,
//! error messages naming the path, standard input, `extract` output and a closed pipe.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

mod common;
use common::stderr;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run crosscheck")
}

fn scratch(name: &str) -> PathBuf {
    common::scratch("cli", name)
}

/// Two reports of one quake that disagree on the toll.
fn conflicting_story(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("a.md"), "---\ndate: 2013-07-02\n---\nA magnitude 6.1 earthquake struck Aceh on Tuesday, killing 7 people in the district of Bener Meriah.\n").unwrap();
    std::fs::write(dir.join("b.md"), "---\ndate: 2013-07-02\n---\nThe magnitude 6.1 quake in Aceh on Tuesday killed 12 people in the district of Bener Meriah, officials said.\n").unwrap();
    dir
}

#[test]
fn clean_sources_exit_zero_and_compatible_fails_only_when_asked() {
    assert_eq!(run(&["check", "seeds"]).status.code(), Some(0));
    assert_eq!(run(&["seeds"]).status.code(), Some(0), "check is the default command");
    assert_eq!(run(&["check", "--fail-on", "compatible", "seeds"]).status.code(), Some(1));
    assert_eq!(run(&["check", "--fail-on", "never", "seeds"]).status.code(), Some(0));
}

#[test]
fn a_conflict_exits_one_unless_told_never() {
    let dir = conflicting_story("conflict");
    let out = run(&["check", dir.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("conflict    count"), "{text}");
    assert!(text.contains("7 vs 12, no overlap"), "{text}");
    assert!(text.contains("agree       quantity"), "the magnitudes agree: {text}");
    assert_eq!(run(&["check", "--fail-on", "never", dir.to_str().unwrap()]).status.code(), Some(0));
}

#[test]
fn a_missing_path_is_exit_two_naming_it() {
    let out = run(&["check", "seeds", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("error: no/such/file.txt: "), "{err}");
    assert!(err.contains("No such file"), "{err}");
    assert!(out.stdout.is_empty(), "nothing is printed when a path fails");
}

#[cfg(unix)]
#[test]
fn an_unreadable_path_is_exit_two_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let file = dir.join("locked.txt");
    std::fs::write(&file, "12 people").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&file).is_ok() {
        return; // Running as root: permissions do not bind, nothing to test.
    }
    let out = run(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("locked.txt: Permission denied"), "{}", stderr(&out));
}

#[test]
fn bad_flags_are_exit_two() {
    let out = run(&["check", "--date", "12/07/2025", "seeds"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--date \"12/07/2025\" is not a YYYY-MM-DD date"), "{}", stderr(&out));
    assert_eq!(run(&["check", "--format", "yaml", "seeds"]).status.code(), Some(2));
    assert_eq!(run(&["check"]).status.code(), Some(2));
}

#[test]
fn a_malformed_rules_file_is_exit_two_with_file_line_and_column() {
    let dir = scratch("rules");
    std::fs::write(dir.join("align.toml"), "[align]\nthreshold = 0.3\nthreshhold = 0.5\n").unwrap();
    let out = run(&["check", "--rules", dir.to_str().unwrap(), "seeds"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("align.toml:3:1: unknown field `threshhold`"), "{err}");
}

#[test]
fn a_rules_folder_extends_and_overrides_the_built_in_rules() {
    let dir = scratch("rules-ok");
    // Raising the threshold to 1 means nothing is similar enough to group, except same values.
    std::fs::write(
        dir.join("align.toml"),
        "[align]\nthreshold = 1.0\nthreshold_overlap = 1.0\nthreshold_same_value = 1.0\n\
         threshold_same_figure = 1.0\nthreshold_sole = 1.0\nthreshold_same_date = 1.0\n",
    )
    .unwrap();
    let out = run(&["check", "--rules", dir.to_str().unwrap(), "seeds"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 groups"), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn standard_input_is_a_source() {
    let mut child = bin().args(["extract", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"Around 300 people were evacuated on 3 March 2024.").unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(text.contains("<stdin>:1:1\tcount\t\"Around 300 people\"\t~300"), "{text}");
    assert!(text.contains("date\t\"3 March 2024\"\t2024-03-03"), "{text}");
}

#[test]
fn extract_json_lines_carry_mention_fields_kind_and_subject() {
    let out = run(&["extract", "--format", "json", "seeds"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines.len() > 20);
    for l in &lines {
        for key in ["path", "line", "column", "start", "end", "text", "value", "unit", "kind", "subject"] {
            assert!(l.get(key).is_some(), "{key} missing in {l}");
        }
    }
    let paths: Vec<&str> = lines.iter().map(|l| l["path"].as_str().unwrap()).collect();
    assert!(paths.windows(2).all(|w| w[0] <= w[1]), "sources in path order");
}

#[test]
fn empty_and_binary_files_are_skipped_with_a_warning() {
    let dir = scratch("skips");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("blob.txt"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    std::fs::write(dir.join("ok.txt"), "Some 40 people were hurt.").unwrap();
    let out = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("empty.txt: is empty; skipped"), "{err}");
    assert!(err.contains("blob.txt: looks binary"), "{err}");
    let only_bad = scratch("only-bad");
    std::fs::write(only_bad.join("empty.txt"), "").unwrap();
    let out = run(&["check", only_bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("error: no readable source"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_an_error() {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("'{}' check --fail-on never seeds | head -1", env!("CARGO_BIN_EXE_crosscheck")))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn each_checks_every_story_folder_on_its_own_in_path_order() {
    let day = scratch("each");
    for (story, text_a, text_b) in [
        ("b-quake", "Officials said 7 people were killed in the quake.", "The quake killed 12 people, officials said."),
        ("a-visit", "He began a three-day visit on 12 July 2025.", "The three-day visit began on 12 July 2025."),
    ] {
        std::fs::create_dir_all(day.join(story)).unwrap();
        std::fs::write(day.join(story).join("one.txt"), text_a).unwrap();
        std::fs::write(day.join(story).join("two.txt"), text_b).unwrap();
    }
    std::fs::write(day.join("loose.txt"), "A loose file of 3 people is no story.").unwrap();
    let out = run(&["check", "--each", day.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "the quake story conflicts: {text}");
    let headers: Vec<&str> = text.lines().filter(|l| l.starts_with("== story: ")).collect();
    assert_eq!(headers.len(), 2, "{text}");
    assert!(headers[0].ends_with("/a-visit") && headers[1].ends_with("/b-quake"), "{headers:?}");
    assert!(!text.contains("loose"), "{text}");

    let json = run(&["check", "--each", "--format", "json", "--fail-on", "never", day.to_str().unwrap()]);
    assert_eq!(json.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let stories = doc["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2);
    assert_eq!(stories[1]["report"]["groups"][0]["verdict"], "conflict");

    let sarif = run(&["check", "--each", "--format", "sarif", day.to_str().unwrap()]);
    assert_eq!(sarif.status.code(), Some(2));
    assert!(stderr(&sarif).contains("--each reports as text, json or markdown"), "{}", stderr(&sarif));
}

#[test]
fn an_undated_source_says_where_its_date_came_from_or_that_it_has_none() {
    let dir = scratch("lent");
    std::fs::write(dir.join("a.md"), "---\ndate: 2013-07-02\n---\nThe quake struck Aceh on Tuesday, officials said.\n")
        .unwrap();
    std::fs::write(dir.join("b.md"), "The quake struck Aceh on Tuesday, the agency said.\n").unwrap();
    let out = run(&["check", dir.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("b.md  2013-07-02 (from others)"), "{text}");
    assert!(text.contains("all say 2013-07-02"), "the lent date resolves the weekday: {text}");
    let json = String::from_utf8_lossy(&run(&["check", "--format", "json", dir.to_str().unwrap()]).stdout).to_string();
    assert!(json.contains("\"date_from\": \"others\""), "{json}");
    std::fs::remove_file(dir.join("a.md")).unwrap();
    let alone = String::from_utf8_lossy(&run(&["check", dir.to_str().unwrap()]).stdout).to_string();
    assert!(alone.contains("no date (from none)"), "{alone}");
    assert!(alone.contains("Tuesday (week unknown)"), "{alone}");
}

/// The numbers a JSON report gives as bounds (`"low": 12.0`), as written, sorted: `check` writes a
/// report's fields in their order, `--each` in the order of their names.
fn bounds_written(json: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(json);
    let mut bounds: Vec<String> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("\"low\": ").or_else(|| l.trim().strip_prefix("\"high\": ")))
        .map(|x| x.trim_end_matches(',').to_string())
        .collect();
    bounds.sort();
    bounds
}

#[test]
fn a_story_checked_inside_each_shows_the_values_it_shows_alone() {
    // 73 * 1609.344 is 117482.11200000001, which a float parse that is not correctly rounded
    // reads back as 117482.112: `--each` once parsed each report's JSON text back, and showed that.
    let day = scratch("each-values");
    let (story, other) = (day.join("geysers"), day.join("toll"));
    std::fs::create_dir_all(&story).unwrap();
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("one.txt"), "The quake killed 12 people, officials said.").unwrap();
    std::fs::write(story.join("one.txt"), "The quake struck seventy-three miles west of Sacramento.").unwrap();
    std::fs::write(story.join("two.txt"), "It was felt 1.1 miles away and 23 miles from Cobb.").unwrap();
    let alone = run(&["check", "--format", "json", "--fail-on", "never", story.to_str().unwrap()]);
    let each = run(&["check", "--each", "--format", "json", "--fail-on", "never", day.to_str().unwrap()]);
    let mut alone = bounds_written(&alone.stdout);
    assert!(alone.iter().any(|x| x == "117482.11200000001"), "{alone:?}");
    alone.extend(["12.0".to_string(), "12.0".to_string()]);
    alone.sort();
    assert_eq!(bounds_written(&each.stdout), alone);
}
