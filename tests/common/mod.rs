//! Helpers shared by the integration tests that run the binary: scratch folders and output text.

// Each test file uses part of this module.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Output;

/// A fresh, empty folder for one test, under cargo's scratch space for integration tests:
/// `<tmp>/<suite>/<name>`.
pub fn scratch(suite: &str, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(suite).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Standard output of a finished command, as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error of a finished command, as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
