//! A day at a wire desk: 10,000 sources as 1,000 story folders (`check --each`) and as one pile,
//! run through the release binary. Prints wall time, peak memory against input size, and how the
//! pile's cost grows as its sources double. Criterion is no help here: one run takes seconds and
//! memory is half the question.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[path = "workload.rs"]
mod workload;

/// Runs the binary once; returns seconds and the child's own peak resident memory in bytes.
// The child is reaped by wait4, which std's `wait` cannot stand in for: it reports no resources.
#[allow(clippy::zombie_processes)]
fn run(args: &[&str], path: &Path) -> (f64, u64) {
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run crosscheck");
    // wait4 reports the resources of this child alone; getrusage(RUSAGE_CHILDREN) would give the
    // largest child so far, so a small run after a large one would show the large one's memory.
    let mut status = 0;
    // SAFETY: wait4 only writes into the status and the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let seconds = start.elapsed().as_secs_f64();
    let ok = pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) <= 1;
    assert!(ok, "crosscheck {args:?} {} failed; run it by hand to see why", path.display());
    (seconds, usage.ru_maxrss as u64 * 1024)
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    // `cargo bench -- <filter>` passes arguments; this bench runs whole or not at all.
    if std::env::args().skip(1).any(|a| a != "--bench" && !a.starts_with('-') && !"day".contains(a.as_str())) {
        return;
    }
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-day");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("day benchmark on {cores} cores");

    let day = scratch.join("stories");
    let bytes = workload::write_day(&day, 1_000, 10, 42);
    let (seconds, peak) = run(&["check", "--fail-on", "never", "--each"], &day);
    println!(
        "day, 1,000 stories x 10 sources (--each): {seconds:.2} s, input {:.1} MiB, peak memory {:.1} MiB ({:.2}x input)",
        mib(bytes),
        mib(peak as usize),
        peak as f64 / bytes as f64
    );

    let mut previous: Option<f64> = None;
    for count in [1_250, 2_500, 5_000, 10_000] {
        let pile = scratch.join(format!("pile-{count}"));
        let bytes = workload::write_pile(&pile, count, 42);
        let (seconds, peak) = run(&["check", "--fail-on", "never"], &pile);
        let growth = previous.map_or(String::new(), |p| format!(", x{:.2} for twice the sources", seconds / p));
        println!(
            "pile of {count:>6} sources: {seconds:.2} s, input {:.1} MiB, peak memory {:.1} MiB ({:.2}x input){growth}",
            mib(bytes),
            mib(peak as usize),
            peak as f64 / bytes as f64
        );
        previous = Some(seconds);
        let _ = std::fs::remove_dir_all(&pile);
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
