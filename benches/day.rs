//! A day at a wire desk: 10,000 sources as 1,000 story folders (`check --each`) and as one pile,
//! run through the release binary. Prints wall time, peak memory against input size, and how the
//! pile's cost grows as its sources double. Criterion is no help here: one run takes seconds and
//! memory is half the question.
//!
//! Each input is run `ROUNDS` times, the piles of every size taking turns, so that a machine that
//! slows down for a while slows every size alike; each prints its fastest and median time. Growth
//! is told from the fastest runs: a shared or throttled machine only ever adds time, and a single
//! run of each size once put the same binary's growth anywhere from x2.1 to x2.7.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[path = "workload.rs"]
mod workload;

/// How many times each input is run.
const ROUNDS: usize = 3;

/// What one run of the binary took.
#[derive(Clone, Copy)]
struct Run {
    /// Wall time, in seconds.
    seconds: f64,
    /// Processor time, user and system, on all cores together, in seconds.
    cpu: f64,
    /// The child's own peak resident memory, in bytes.
    peak: u64,
}

/// Runs the binary once.
// The child is reaped by wait4, which std's `wait` cannot stand in for: it reports no resources.
#[allow(clippy::zombie_processes)]
fn run(args: &[&str], path: &Path) -> Run {
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
    let time = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Run { seconds, cpu: time(usage.ru_utime) + time(usage.ru_stime), peak: usage.ru_maxrss as u64 * 1024 }
}

/// The runs of one input, by how long they took.
struct Runs(Vec<Run>);

impl Runs {
    /// `runs`, put in order of how long they took.
    fn of(mut runs: Vec<Run>) -> Runs {
        runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
        Runs(runs)
    }

    fn fastest(&self) -> Run {
        self.0[0]
    }

    fn median(&self) -> Run {
        self.0[self.0.len() / 2]
    }

    /// The most memory any run held: the figure a machine must have room for.
    fn peak(&self) -> u64 {
        self.0.iter().map(|r| r.peak).max().unwrap_or(0)
    }
}

impl std::fmt::Display for Runs {
    /// "1.92 s (median 2.10, CPU 3.10 s)": the fastest run's time, the median's, and the fastest
    /// run's processor time.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (fastest, median) = (self.fastest(), self.median());
        write!(f, "{:.2} s (median {:.2}, CPU {:.2} s)", fastest.seconds, median.seconds, fastest.cpu)
    }
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

    println!("each input run {ROUNDS} times; the fastest run, the median, and the fastest run's CPU time");

    let day = scratch.join("stories");
    let bytes = workload::write_day(&day, 1_000, 10, 42);
    let runs = Runs::of((0..ROUNDS).map(|_| run(&["check", "--fail-on", "never", "--each"], &day)).collect());
    println!(
        "day, 1,000 stories x 10 sources (--each): {runs}, input {:.1} MiB, peak memory {:.1} MiB ({:.2}x input)",
        mib(bytes),
        mib(runs.peak() as usize),
        runs.peak() as f64 / bytes as f64
    );
    let _ = std::fs::remove_dir_all(&day);

    let counts = [1_250, 2_500, 5_000, 10_000];
    let piles: Vec<(PathBuf, usize)> = counts
        .iter()
        .map(|count| {
            let pile = scratch.join(format!("pile-{count}"));
            let bytes = workload::write_pile(&pile, *count, 42);
            (pile, bytes)
        })
        .collect();
    let mut runs: Vec<Vec<Run>> = counts.iter().map(|_| Vec::new()).collect();
    for _ in 0..ROUNDS {
        for ((pile, _), runs) in piles.iter().zip(&mut runs) {
            runs.push(run(&["check", "--fail-on", "never"], pile));
        }
    }
    let mut previous: Option<Run> = None;
    for ((count, (_, bytes)), runs) in counts.iter().zip(&piles).zip(runs) {
        let runs = Runs::of(runs);
        let fastest = runs.fastest();
        let growth = previous.map_or(String::new(), |p| {
            format!(", x{:.2} for twice the sources (CPU x{:.2})", fastest.seconds / p.seconds, fastest.cpu / p.cpu)
        });
        println!(
            "pile of {count:>6} sources: {runs}, input {:.1} MiB, peak memory {:.1} MiB ({:.2}x input){growth}",
            mib(*bytes),
            mib(runs.peak() as usize),
            runs.peak() as f64 / *bytes as f64
        );
        previous = Some(fastest);
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
