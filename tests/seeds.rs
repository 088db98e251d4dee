//! The golden test: the bundled seeds must give the six groups of DESIGN §1 with their verdicts,
//! in reports that are snapshot-reviewed (`cargo insta review`) and byte-identical across runs.

use std::path::Path;
use std::process::Command;

fn crosscheck(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run crosscheck");
    assert!(out.stderr.is_empty(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8(out.stdout).expect("utf-8 output"), out.status.code().unwrap_or(-1))
}

#[test]
fn text_report_snapshot() {
    let (text, code) = crosscheck(&["check", "seeds/"]);
    assert_eq!(code, 0, "the seeds hold no conflict");
    insta::assert_snapshot!("seeds_text", text);
}

#[test]
fn json_report_snapshot() {
    let (json, code) = crosscheck(&["check", "--format", "json", "seeds/"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("seeds_json", json);
}

/// The groups a careful reader finds (DESIGN §1): quoted fragments from each source, and the verdict.
const EXPECTED: &[(&[&str], &[&str], &str)] = &[
    (&["July 12, 2025", "July 12"], &["12 July 2025", "Saturday"], "agree"),
    (&["three-day visit"], &["three-day visit"], "agree"),
    (&["June 2024"], &["June 2024"], "agree"),
    (&["around 11,000 soldiers"], &["over 10,000 North Korean troops"], "compatible"),
    (&["25,000-30,000 soldiers"], &["25,000 to 30,000 soldiers"], "agree"),
    (&["July 2"], &["start of July"], "compatible"),
];

#[test]
fn the_six_groups_of_the_design_with_their_verdicts() {
    let (json, _) = crosscheck(&["check", "--format", "json", "seeds"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let groups = report["groups"].as_array().unwrap();
    assert_eq!(groups.len(), EXPECTED.len(), "groups: {json}");
    for (a, b, verdict) in EXPECTED {
        let found = groups.iter().find(|g| {
            let mentions = g["mentions"].as_array().unwrap();
            let has = |path: &str, frag: &str| {
                mentions
                    .iter()
                    .any(|m| m["path"].as_str().unwrap().contains(path) && m["text"].as_str().unwrap().contains(frag))
            };
            a.iter().all(|f| has("000_", f)) && b.iter().all(|f| has("001_", f))
        });
        let group = found.unwrap_or_else(|| panic!("no group with {a:?} and {b:?}"));
        assert_eq!(group["verdict"], *verdict, "{a:?} vs {b:?}");
    }
    assert!(groups.iter().all(|g| g["verdict"] != "conflict"));
}

#[test]
fn page_furniture_is_no_claim() {
    let (text, _) = crosscheck(&["check", "seeds"]);
    let (json, _) = crosscheck(&["check", "--format", "json", "seeds"]);
    let (claims, _) = crosscheck(&["extract", "--format", "json", "seeds"]);
    for output in [text, json, claims] {
        assert!(!output.contains("min read"), "{output}");
    }
}

#[test]
fn json_spans_lines_and_columns_point_at_the_quoted_bytes() {
    let (json, _) = crosscheck(&["check", "--format", "json", "seeds"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut mentions: Vec<&serde_json::Value> = report["singles"].as_array().unwrap().iter().collect();
    for g in report["groups"].as_array().unwrap() {
        mentions.extend(g["mentions"].as_array().unwrap());
    }
    assert!(mentions.len() > 20);
    for m in mentions {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(m["path"].as_str().unwrap());
        let file = std::fs::read_to_string(path).unwrap();
        let (start, end) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        let quoted: Vec<&str> = file[start..end].split_whitespace().collect();
        assert_eq!(quoted.join(" "), m["text"].as_str().unwrap());
        let line = file[..start].matches('\n').count() + 1;
        let column = file[..start].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!((m["line"].as_u64().unwrap() as usize, m["column"].as_u64().unwrap() as usize), (line, column));
    }
}

#[test]
fn reports_do_not_depend_on_run_or_path_order() {
    let first = crosscheck(&["check", "seeds"]).0;
    let again = crosscheck(&["check", "seeds"]).0;
    let reversed = crosscheck(&["check", "seeds/001_ccd75e3f7fbc26f1.txt", "seeds/000_85f2871762fbe261.txt"]).0;
    let dotted = crosscheck(&["check", "./seeds/000_85f2871762fbe261.txt", "./seeds/001_ccd75e3f7fbc26f1.txt"]).0;
    assert_eq!(first, again);
    assert_eq!(first, reversed);
    assert_eq!(first, dotted);
}

#[test]
fn reference_dates_say_where_they_came_from() {
    let (json, _) = crosscheck(&["check", "--format", "json", "seeds"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    for s in report["sources"].as_array().unwrap() {
        assert_eq!(s["date"], "2025-07-12");
        assert_eq!(s["date_from"], "text");
    }
    let (json, _) = crosscheck(&["check", "--format", "json", "--date", "2025-07-13", "seeds"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["date_from"] == "flag" && s["date"] == "2025-07-13"));
}

#[test]
fn group_ids_survive_a_moved_paragraph() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("seeds-moved");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for name in ["000_85f2871762fbe261.txt", "001_ccd75e3f7fbc26f1.txt"] {
        std::fs::copy(root.join(name), dir.join("seeds").join(name)).unwrap();
    }
    let ids = |dir: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(["check", "--format", "json", "seeds"])
            .current_dir(dir)
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut ids: Vec<String> =
            report["groups"].as_array().unwrap().iter().map(|g| g["id"].as_str().unwrap().to_string()).collect();
        ids.sort();
        ids
    };
    let before = ids(&dir);
    // Move the troop-count paragraph of the first seed to the top of its body.
    let path = dir.join("seeds/000_85f2871762fbe261.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let paragraph = text.lines().find(|l| l.contains("around 11,000 soldiers")).unwrap().to_string();
    let rest: Vec<&str> = text.lines().filter(|l| *l != paragraph).collect();
    std::fs::write(&path, format!("{paragraph}\n\n{}\n", rest.join("\n"))).unwrap();
    assert_eq!(ids(&dir), before, "moving a paragraph must keep every group id");
}
