//! Baseline, project configuration and suppression, through the binary: accept then check passes,
//! an edited number fails naming its group, a moved paragraph passes, a failed accept leaves the old
//! baseline intact; crosscheck.toml is found, overridden by flags and checked strictly; ignore
//! comments and `[[suppress]]` rules silence claims and are counted.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;

fn crosscheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(dir)
        .args(args)
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("run crosscheck")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    common::scratch("ci_baseline", name)
}

/// A project folder holding a copy of the seeds under `news/`.
fn project(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("news")).unwrap();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join("news").join(entry.file_name())).unwrap();
    }
    dir
}

const SOLDIERS: &str = "news/000_85f2871762fbe261.txt";

fn edit(dir: &Path, file: &str, f: impl FnOnce(String) -> String) {
    let path = dir.join(file);
    let before = std::fs::read_to_string(&path).unwrap();
    let after = f(before.clone());
    assert_ne!(before, after, "the edit must change the file");
    std::fs::write(path, after).unwrap();
}

/// The id of the group one of whose mentions quotes `quote`.
fn group_id(dir: &Path, quote: &str) -> String {
    let report: Value =
        serde_json::from_str(&text(&crosscheck(dir, &["--no-config", "--format", "json", "news"]).stdout)).unwrap();
    let group = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["mentions"].as_array().unwrap().iter().any(|m| m["text"].as_str().unwrap().contains(quote)));
    group.unwrap_or_else(|| panic!("no group quotes {quote}: {report}"))["id"].as_str().unwrap().to_string()
}

fn accept(dir: &Path) {
    let out = crosscheck(dir, &["--no-config", "news", "--baseline", "approved.txt", "--accept"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

fn check(dir: &Path) -> Output {
    crosscheck(dir, &["--no-config", "news", "--baseline", "approved.txt"])
}

#[test]
fn accept_then_check_is_clean() {
    let dir = project("accept");
    accept(&dir);
    let approved = std::fs::read_to_string(dir.join("approved.txt")).unwrap();
    assert!(approved.contains("\"around 11,000 soldiers\""), "{approved}");
    assert!(!approved.contains(".txt:21:"), "no line numbers in the baseline: {approved}");
    let out = check(&dir);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("0 changed, 0 new, 0 stale, 6 unchanged"), "{}", text(&out.stderr));
}

#[test]
fn an_edited_number_is_drift_naming_its_group() {
    let dir = project("edited");
    accept(&dir);
    let id = group_id(&dir, "around 11,000 soldiers");
    edit(&dir, SOLDIERS, |t| t.replace("around 11,000 soldiers", "around 15,000 soldiers"));
    let out = check(&dir);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("changed [{id}] compatible  count: ")), "{err}");
    assert!(err.contains("-  news/000_85f2871762fbe261.txt  \"around 11,000 soldiers\""), "{err}");
    assert!(err.contains("+  news/000_85f2871762fbe261.txt  \"around 15,000 soldiers\""), "{err}");
}

#[test]
fn a_moved_paragraph_is_no_drift() {
    let dir = project("moved");
    accept(&dir);
    let line_before = group_line(&dir, "around 11,000 soldiers");
    edit(&dir, SOLDIERS, |t| {
        let mut paragraphs: Vec<&str> = t.split("\n\n").collect();
        let i = paragraphs.iter().position(|p| p.contains("around 11,000 soldiers")).unwrap();
        let moved = paragraphs.remove(i);
        paragraphs.push(moved.trim_end());
        paragraphs.join("\n\n") + "\n"
    });
    assert_ne!(group_line(&dir, "around 11,000 soldiers"), line_before, "the paragraph must have moved");
    let out = check(&dir);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

fn group_line(dir: &Path, quote: &str) -> u64 {
    let report: Value =
        serde_json::from_str(&text(&crosscheck(dir, &["--no-config", "--format", "json", "news"]).stdout)).unwrap();
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["mentions"].as_array().unwrap())
        .find(|m| m["text"].as_str().unwrap().contains(quote))
        .unwrap()["line"]
        .as_u64()
        .unwrap()
}

#[test]
fn a_vanished_group_is_stale() {
    let dir = project("stale");
    accept(&dir);
    let id = group_id(&dir, "three-day visit");
    edit(&dir, SOLDIERS, |t| t.replace("during a three-day visit", "during a visit"));
    let out = check(&dir);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("stale (gone from this run) [{id}]")), "{err}");
    // Checking only one source cannot find the group, so nothing is stale, only out of scope.
    let one = crosscheck(&dir, &["--no-config", SOLDIERS, "--baseline", "approved.txt"]);
    assert!(text(&one.stderr).contains("not checked (sources not read)"), "{}", text(&one.stderr));
}

#[test]
fn a_failed_accept_leaves_the_old_baseline_intact() {
    let dir = project("atomic");
    accept(&dir);
    let old = std::fs::read(dir.join("approved.txt")).unwrap();
    edit(&dir, SOLDIERS, |t| t.replace("around 11,000 soldiers", "around 15,000 soldiers"));
    // The process is killed (SIGXFSZ) at its first write to a regular file: an accept interrupted
    // while writing. This binds even when the tests run as root.
    let out = Command::new("sh")
        .current_dir(&dir)
        .args(["-c", "ulimit -f 0; exec \"$0\" --no-config news --baseline approved.txt --accept"])
        .arg(env!("CARGO_BIN_EXE_crosscheck"))
        .output()
        .unwrap();
    assert!(!out.status.success(), "the write must have failed");
    assert!(text(&out.stdout).starts_with("crosscheck: 2 sources"), "the run got as far as the accept");
    assert!(std::fs::read(dir.join("approved.txt")).unwrap() == old, "baseline changed");
    // A folder where nothing can be written: the accept fails with exit 2 and names the file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        // Running as root, permissions do not bind and this half has nothing to test.
        if std::fs::write(dir.join("probe"), "x").is_err() {
            let out = crosscheck(&dir, &["--no-config", "news", "--baseline", "approved.txt", "--accept"]);
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
            assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
            assert!(text(&out.stderr).starts_with("error: approved.txt: "), "{}", text(&out.stderr));
            assert!(std::fs::read(dir.join("approved.txt")).unwrap() == old, "baseline changed");
        }
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn the_project_config_is_found_above_and_flags_override_it() {
    let dir = project("config");
    std::fs::write(
        dir.join("crosscheck.toml"),
        "paths = [\"news\"]\nfail-on = \"compatible\"\n\n[dates]\n\"news/001_ccd75e3f7fbc26f1.txt\" = \"2025-07-14\"\n",
    )
    .unwrap();
    let below = dir.join("desk");
    std::fs::create_dir_all(&below).unwrap();
    let out = crosscheck(&below, &[]);
    assert_eq!(out.status.code(), Some(1), "compatible groups fail, as configured: {}", text(&out.stderr));
    assert!(text(&out.stdout).contains("../news/000_85f2871762fbe261.txt"), "paths from the config's folder");
    assert_eq!(crosscheck(&below, &["--fail-on", "conflict"]).status.code(), Some(0), "a flag beats the file");
    let json: Value = serde_json::from_str(&text(&crosscheck(&dir, &["--format", "json"]).stdout)).unwrap();
    let s = &json["sources"][1];
    assert_eq!((s["date"].as_str(), s["date_from"].as_str()), (Some("2025-07-14"), Some("flag")), "{json}");
    let flagged: Value =
        serde_json::from_str(&text(&crosscheck(&dir, &["--format", "json", "--date", "2025-07-20"]).stdout)).unwrap();
    assert_eq!(flagged["sources"][1]["date"], "2025-07-20", "--date beats the file");

    std::fs::write(dir.join("crosscheck.toml"), "paths = [\"news\"]\nfail_on = \"never\"\n").unwrap();
    let out = crosscheck(&below, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.starts_with("error: ../crosscheck.toml:2:1: unknown field `fail_on`"), "{err}");
    assert_eq!(crosscheck(&below, &["--no-config", "../news"]).status.code(), Some(0), "--no-config skips it");
}

/// The quake story of `tests/cli.rs`: 7 dead in one report, 12 in the other.
fn quake(name: &str, a_extra: &str, b_extra: &str) -> PathBuf {
    let dir = scratch(name);
    let head = "---\ndate: 2013-07-02\n---\n";
    std::fs::write(
        dir.join("a.md"),
        format!("{head}{a_extra}A magnitude 6.1 earthquake struck Aceh on Tuesday, killing 7 people in the district of Bener Meriah.\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("b.md"),
        format!("{head}The magnitude 6.1 quake in Aceh on Tuesday killed 12 people in the district of Bener Meriah, officials said.{b_extra}\n"),
    )
    .unwrap();
    dir
}

fn suppressed(dir: &Path, extra: &[&str]) -> (Option<i32>, Value, String) {
    let mut args = vec!["--no-config", "--format", "json", "."];
    args.extend(extra);
    let out = crosscheck(dir, &args);
    let json: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let mut text_args = vec!["--no-config", "."];
    text_args.extend(extra);
    let summary = text(&crosscheck(dir, &text_args).stdout).lines().next().unwrap_or("").to_string();
    (out.status.code(), json, summary)
}

#[test]
fn ignore_comments_and_suppress_rules_silence_claims_and_are_counted() {
    let (code, json, summary) = suppressed(&quake("unsuppressed", "", ""), &[]);
    assert_eq!(code, Some(1), "the story conflicts: {json}");
    assert!(json.get("suppressed").is_none() && !summary.contains("suppressed"), "{summary}");
    let on_the_line = json["sources"][0]["claims"].as_u64().unwrap();
    assert!(on_the_line >= 2, "7 people and more share the line: {json}");

    // A comment alone on the line before.
    let (code, json, summary) = suppressed(&quake("line-before", "<!-- crosscheck-ignore -->\n", ""), &[]);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["suppressed"], on_the_line, "every claim of the line");
    assert!(summary.ends_with(&format!(", {on_the_line} suppressed")), "{summary}");

    // A named comment on the line itself: only the claim quoting that text; the number inside the
    // comment is no claim and is not counted.
    let (code, json, _) = suppressed(&quake("named", "", " <!-- crosscheck-ignore: 12 people -->"), &[]);
    assert_eq!((code, &json["suppressed"]), (Some(0), &Value::from(1)), "{json}");
    assert!(json["groups"].as_array().unwrap().iter().any(|g| g["kind"] == "quantity"), "magnitudes still agree");

    // A rules entry.
    let dir = quake("rule", "", "");
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::write(
        dir.join("rules/suppress.toml"),
        "[[suppress]]\npath = \"b.md\"\ntext = \"12 PEOPLE\"\nreason = \"toll checked with the agency\"\n",
    )
    .unwrap();
    let (code, json, _) = suppressed(&dir, &["--rules", "rules"]);
    assert_eq!((code, &json["suppressed"]), (Some(0), &Value::from(1)), "{json}");
    std::fs::write(dir.join("rules/suppress.toml"), "[[suppress]]\nreason = \"everything\"\n").unwrap();
    let out = crosscheck(&dir, &["--no-config", "--rules", "rules", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("needs a path, a text or both"), "{}", text(&out.stderr));
}
