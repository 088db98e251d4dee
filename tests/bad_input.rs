//! Bad input, as a newsroom's repository holds it: every case gets a message naming the file (and
//! line, where there is one), a defined exit code, and the rest of the run goes on. Exit codes: 0
//! when the other sources check clean, 2 when nothing readable is left or a rules file is broken.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{stderr, stdout};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Runs crosscheck, failing the test if it takes longer than `limit` (a hang, or quadratic work).
fn run_within(limit: Duration, args: &[&str]) -> Output {
    let mut child = bin().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run crosscheck");
    // Drain the pipes on threads so a chatty child cannot block on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).map(|_| v).unwrap_or_default()
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).map(|_| v).unwrap_or_default()
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("crosscheck {args:?} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: out.join().unwrap(), stderr: err.join().unwrap() }
}

fn run(args: &[&str]) -> Output {
    run_within(Duration::from_secs(60), args)
}

fn scratch(name: &str) -> PathBuf {
    common::scratch("bad_input", name)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A source that checks clean, so a run over a folder has something left after the skips.
fn good(dir: &Path) {
    std::fs::write(dir.join("good.txt"), "Some 40 people were hurt on 3 March 2024.\n").unwrap();
}

/// The JSON Lines of `crosscheck extract --format json`.
fn claims(out: &Output) -> Vec<serde_json::Value> {
    stdout(out).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn an_empty_file_is_skipped_and_alone_it_is_exit_two() {
    let dir = scratch("empty");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let alone = run(&["check", s(&dir.join("empty.txt"))]);
    assert_eq!(alone.status.code(), Some(2));
    assert!(stderr(&alone).contains("empty.txt: is empty; skipped"), "{}", stderr(&alone));
    assert!(stderr(&alone).contains("error: no readable source among the paths given"), "{}", stderr(&alone));
    good(&dir);
    let with_good = run(&["check", s(&dir)]);
    assert_eq!(with_good.status.code(), Some(0));
    assert!(stderr(&with_good).contains("warning: "), "{}", stderr(&with_good));
    assert!(
        stdout(&with_good).contains("1 sources") || stdout(&with_good).contains("1 source"),
        "{}",
        stdout(&with_good)
    );
}

#[test]
fn a_file_of_only_front_matter_is_skipped() {
    let dir = scratch("front-only");
    std::fs::write(dir.join("meta.md"), "---\ndate: 2025-07-13\nsource: X\n---\n\n").unwrap();
    good(&dir);
    let out = run(&["check", s(&dir)]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("meta.md: has no text after its front matter; skipped"), "{}", stderr(&out));
}

#[test]
fn unterminated_front_matter_is_read_as_text_with_a_warning_on_line_one() {
    let dir = scratch("unterminated");
    let file = dir.join("draft.md");
    std::fs::write(&file, "---\ndate: 2025-07-13\nAround 300 people were evacuated.\n").unwrap();
    let out = run(&["extract", s(&file)]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("draft.md:1: front matter opened with `---` is never closed"), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"Around 300 people\""), "the body is still read: {}", stdout(&out));
}

#[test]
fn invalid_utf8_is_read_with_spans_into_the_original_bytes() {
    let dir = scratch("latin1");
    let file = dir.join("latin1.txt");
    // Latin-1 "é" (0xE9) and a cut-off UTF-8 sequence before the claims, on two lines.
    let bytes: &[u8] = b"Caf\xe9 news.\nIn Caf\xe9 \xe2\x82 town, 14 soldiers were hurt and \xff12 people fled.\n";
    std::fs::write(&file, bytes).unwrap();
    let out = run(&["extract", "--format", "json", s(&file)]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("latin1.txt:1: is not valid UTF-8; 5 undecodable bytes"), "{err}");
    let claims = claims(&out);
    assert!(claims.len() >= 2, "{claims:?}");
    for c in &claims {
        let (start, end) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
        assert_eq!(&bytes[start..end], c["text"].as_str().unwrap().as_bytes(), "span of {c} slices the file");
    }
    let soldiers = claims.iter().find(|c| c["text"] == "14 soldiers").expect("14 soldiers");
    assert_eq!((soldiers["line"].as_u64(), soldiers["column"].as_u64()), (Some(2), Some(18)));
}

#[test]
fn binary_and_utf16_files_are_skipped() {
    let dir = scratch("binary");
    std::fs::write(dir.join("photo.txt"), [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff]).unwrap();
    std::fs::write(dir.join("wide.txt"), [0xff, 0xfe, b'1', 0, b'2', 0]).unwrap();
    good(&dir);
    let out = run(&["check", s(&dir)]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("photo.txt: looks binary (contains NUL bytes); skipped"), "{err}");
    assert!(err.contains("wide.txt: looks like UTF-16"), "{err}");
    let alone = run(&["check", s(&dir.join("photo.txt"))]);
    assert_eq!(alone.status.code(), Some(2), "nothing readable is left");
}

#[test]
fn a_100_mb_file_without_newline_is_skipped_at_once() {
    let dir = scratch("huge");
    let file = dir.join("huge.txt");
    let mut f = std::fs::File::create(&file).unwrap();
    let chunk = "12 people and 13 soldiers ".repeat(40_000); // ~1 MiB
    for _ in 0..100 {
        f.write_all(chunk.as_bytes()).unwrap();
    }
    drop(f);
    good(&dir);
    let out = run_within(Duration::from_secs(20), &["check", s(&dir)]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("huge.txt: is 99.2 MiB, over the 8 MiB limit for one source; skipped"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn a_long_line_is_read_in_linear_time() {
    // Each of these shapes was quadratic or worse on one long line (subjects, clause search,
    // currency look-back, dotted initials, columns); at 1 MB that took hours, now about a second.
    let dir = scratch("long-line");
    let line = "12 people and $5 on July 12, a.b.c. 1,2,3, said U.S. officials ".repeat(16_000);
    std::fs::write(dir.join("line.txt"), &line).unwrap();
    std::fs::write(dir.join("dots.txt"), "a.".repeat(300_000)).unwrap();
    let out = run_within(Duration::from_secs(60), &["extract", s(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("line.txt: more than 2000 claims; only the first 2000 were kept"),
        "{}",
        stderr(&out)
    );
    let kept = stdout(&out).lines().count();
    assert!((1000..=2000).contains(&kept), "{kept} claims kept");
}

#[test]
fn a_400_digit_number_and_1e400_are_named_and_give_no_claim() {
    let dir = scratch("huge-numbers");
    let file = dir.join("n.txt");
    std::fs::write(
        &file,
        format!("Intro.\nIt cost {} dollars.\nAn energy of 1e400 joules hit 12 towns.\n", "9".repeat(400)),
    )
    .unwrap();
    let out = run(&["extract", "--format", "json", s(&file)]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("n.txt:2: a number of 400 digits is too large to read; ignored"), "{err}");
    assert!(err.contains("n.txt:3: \"1e400\" is too large to read; ignored"), "{err}");
    let claims = claims(&out);
    assert!(claims.iter().all(|c| !c["text"].as_str().unwrap().contains("999")), "{claims:?}");
    assert!(claims.iter().any(|c| c["text"] == "12 towns"), "{claims:?}");
    for c in &claims {
        for side in ["low", "high"] {
            let v = &c["value"][side];
            assert!(v.is_null() || v.as_f64().is_some_and(f64::is_finite) || v.is_string(), "{c}");
        }
    }
}

#[test]
fn february_30_is_named_and_neither_a_date_nor_a_count() {
    let dir = scratch("feb30");
    let file = dir.join("d.txt");
    std::fs::write(&file, "On February 30, 2025, 12 people died.\n").unwrap();
    let out = run(&["extract", "--format", "json", s(&file)]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("d.txt:1: \"February 30, 2025\" is no calendar date; ignored"), "{}", stderr(&out));
    let texts: Vec<String> = claims(&out).iter().map(|c| c["text"].as_str().unwrap().to_string()).collect();
    assert_eq!(texts, ["12 people"]);
}

#[test]
fn a_folder_of_100000_files_is_walked() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bad_input").join("many");
    let files = dir.join("files");
    // Kept between runs: making 100,000 files is the slow part of this test.
    if std::fs::read_dir(&files).map(|d| d.count()).unwrap_or(0) != 100_000 {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&files).unwrap();
        for n in 0..100_000 {
            std::fs::File::create(files.join(format!("{n:06}.txt"))).unwrap();
        }
    }
    good(&dir);
    let out = run_within(Duration::from_secs(120), &["check", s(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().filter(|l| l.ends_with(".txt: is empty; skipped")).count(), 100_000);
    assert!(err.lines().next().unwrap().contains("files/000000.txt"), "warnings in path order");
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_end_with_a_warning() {
    use std::os::unix::fs::symlink;
    let dir = scratch("links");
    good(&dir);
    symlink("self.txt", dir.join("self.txt")).unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    symlink("..", dir.join("sub/up")).unwrap();
    let out = run(&["check", s(&dir)]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("self.txt: skipped: Too many levels of symbolic links"), "{err}");
    assert!(err.contains("sub/up: leads to a folder already read"), "{err}");
    assert!(stdout(&out).contains("1 source"), "good.txt read once: {}", stdout(&out));
    let named = run(&["check", s(&dir.join("self.txt"))]);
    assert_eq!(named.status.code(), Some(2));
    assert!(stderr(&named).contains("self.txt: Too many levels of symbolic links"), "{}", stderr(&named));
}

#[cfg(unix)]
#[test]
fn unreadable_paths_are_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    good(&dir);
    // A dangling link fails to open like an unreadable file does, and does so as root too.
    std::os::unix::fs::symlink("nowhere.txt", dir.join("gone.txt")).unwrap();
    let locked = dir.join("locked.txt");
    std::fs::write(&locked, "12 people").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = run(&["check", s(&dir)]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("gone.txt: skipped: No such file"), "{}", stderr(&out));
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not bind, so the locked file is simply read.
        assert!(stdout(&out).contains("2 sources"), "{}", stdout(&out));
        return;
    }
    assert!(stderr(&out).contains("locked.txt: skipped: Permission denied"), "{}", stderr(&out));
    let named = run(&["check", s(&locked)]);
    assert_eq!(named.status.code(), Some(2));
    assert!(stderr(&named).contains("locked.txt: Permission denied"), "{}", stderr(&named));
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    // The reader is gone before crosscheck writes (it first loads its rules and sources), as
    // with `| head -1`: the exit code is the run's own and nothing is said about it.
    for args in [&["check", "--fail-on", "never", "seeds"][..], &["extract", "--format", "json", "seeds"]] {
        let mut child = bin().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("error"), "{args:?}: {}", stderr(&out));
    }
}

/// Writes `text` as `NAME` in a fresh rules folder and runs a check with it.
fn with_rules(test: &str, name: &str, text: &[u8]) -> Output {
    let dir = scratch(test);
    std::fs::write(dir.join(name), text).unwrap();
    run(&["check", "--rules", s(&dir), "seeds"])
}

#[test]
fn broken_rules_files_are_exit_two_with_file_line_and_column() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("syntax", b"[align]\nthreshold = = 0.3\n", "align.toml:2:13: "),
        ("unknown-key", b"[align]\nthreshold = 0.3\nthreshhold = 0.5\n", "align.toml:3:1: unknown field `threshhold`"),
        ("wrong-type", b"[align]\nthreshold = \"high\"\n", "align.toml:2:13: "),
        (
            "bad-regex",
            b"[[ignore]]\nname = \"x\"\npattern = '(unclosed'\nwhy = \"y\"\n",
            "align.toml:3:12: ignore rule \"x\": regex parse error",
        ),
        ("huge-regex", b"[[ignore]]\nname = \"x\"\npattern = '(\\w{1000}){1000}'\nwhy = \"y\"\n", "exceeds size limit"),
        (
            "escaped-regex",
            b"[[ignore]]\nname = \"esc\"\npattern = \"a\\u0028b\"\nwhy = \"y\"\n",
            "align.toml:2:9: ignore rule \"esc\"",
        ),
        ("not-utf8", b"[align]\n# caf\xe9\n", "align.toml:2:6: not valid UTF-8"),
    ];
    for (test, text, expected) in cases {
        let out = with_rules(test, "align.toml", text);
        assert_eq!(out.status.code(), Some(2), "{test}");
        let err = stderr(&out);
        assert!(err.starts_with("error: ") && err.contains(expected), "{test}: {err}");
        assert!(out.stdout.is_empty(), "{test}: no report from broken rules");
    }
}
