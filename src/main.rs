//! The `crosscheck` command: parses arguments, merges them over `crosscheck.toml`, runs the library,
//! prints, and maps the outcome to an exit code (0 clean, 1 findings at or above `--fail-on` or
//! baseline drift, 2 error).

use std::io::{self, Write};
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use crosscheck::baseline;
use crosscheck::config::{self, Config};
use crosscheck::error::Error;
use crosscheck::render::{self, ClaimsJsonLines, ClaimsText, Format, Markdown, Stories};
use crosscheck::report::{FailOn, Report};
use crosscheck::rules::Rules;
use crosscheck::source::{self, LoadOptions};

/// Extraction and alignment make and drop millions of small strings and vectors; glibc's malloc
/// and free were a fifth of the instructions of extracting news text, mimalloc's are about half.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// mimalloc's own option setter, which the `mimalloc` crate links but does not expose; and the C
// library's `prctl`.
extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    #[cfg(target_os = "linux")]
    fn prctl(option: std::ffi::c_int, ...) -> std::ffi::c_int;
    #[cfg(test)]
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
}

/// Has mimalloc hand freed pages back after `after_ms` rather than after a second (its default):
/// a pile's check frees each block's scratch while the next block's grows, and kept a quarter more
/// memory resident than it held. (Its other memory option, committing arenas lazily, is read
/// before `main` and cannot be changed from here.) Called only while no other thread allocates,
/// before the worker threads start or after the last parallel step has returned: the setter is a
/// plain write.
fn release_freed_memory(after_ms: std::ffi::c_long) {
    // SAFETY: a plain setter of one of mimalloc's options; no other thread allocates or frees.
    unsafe { mi_option_set(PURGE_DELAY, after_ms) }
}

/// How long freed pages are kept before they go back to the system, for an input of `bytes`: at
/// once for a pile (`LARGE_INPUT` or more), whose peak held some MB of pages freed in the last
/// `PURGE_AFTER_MS`, for about 5% of its time in system calls; after `PURGE_AFTER_MS` otherwise,
/// since a story's few MB would pay 1 ms of its 8 for nothing.
fn purge_delay_for(bytes: usize) -> std::ffi::c_long {
    if bytes >= LARGE_INPUT {
        0
    } else {
        PURGE_AFTER_MS
    }
}

/// Bytes of text from which an input is a pile rather than a story or a day's folders.
const LARGE_INPUT: usize = 8 << 20;

/// Has Linux back this process's memory with 4 KiB pages only, not transparent huge pages. Where
/// the kernel's THP setting is `always` (common), mimalloc's arenas were backed by 2 MiB pages of
/// which the tool touched a part: a two-article check held 30 MB resident instead of 10, and a
/// 10,000-source pile 217 MB instead of 182, for no measured gain in speed. What mimalloc does
/// through its `allow_thp` option, which it reads before `main`, too early to be set from there;
/// so this runs before `main` too (`SMALL_PAGES_BEFORE_MAIN`), on Linux, the one system with the
/// setting. A kernel without the setting refuses it, which changes nothing.
#[cfg(target_os = "linux")]
extern "C" fn small_pages_only() {
    // SAFETY: a plain process setting; the kernel checks its arguments.
    unsafe {
        prctl(
            PR_SET_THP_DISABLE,
            1 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
        );
    }
}

/// Runs `small_pages_only` as the process starts, before the Rust runtime's first allocation.
/// That allocation has mimalloc reserve its first arena, which it advises the kernel to back with
/// huge pages where the setting is `madvise`: asked from `main`, too late, a story's run began by
/// clearing a whole 2 MiB page, 1 ms of its CPU time (`perf stat`, `--version` 2.1 → 1.1 ms).
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static SMALL_PAGES_BEFORE_MAIN: extern "C" fn() = small_pages_only;

/// `PR_SET_THP_DISABLE` of `<linux/prctl.h>`.
#[cfg(target_os = "linux")]
const PR_SET_THP_DISABLE: std::ffi::c_int = 41;

/// How long mimalloc keeps freed pages before it hands them back, for inputs under `LARGE_INPUT`:
/// longer than a story's whole run, short beside the blocks of a day's larger stories.
const PURGE_AFTER_MS: std::ffi::c_long = 25;

/// A purge delay that means never (mimalloc's `mi_option_purge_delay` of -1).
const NEVER_PURGE: std::ffi::c_long = -1;

/// The number of `mi_option_purge_delay` in the `mi_option_e` of the mimalloc 3 that
/// libmimalloc-sys 0.1.49 builds (`mimalloc.h`); `purge_delay_is_the_option_set` checks it.
const PURGE_DELAY: std::ffi::c_int = 15;

#[cfg(test)]
mod tests {
    use super::*;

    /// An upgrade of mimalloc that renumbers its options must not silently set another one: the
    /// option numbered `PURGE_DELAY` holds the purge delay's default (1,000 ms in mimalloc 3's
    /// `options.c`) until set.
    #[test]
    fn purge_delay_is_the_option_set() {
        // SAFETY: plain getters and setters of mimalloc's options.
        unsafe {
            assert_eq!(mi_option_get(PURGE_DELAY), 1000);
            release_freed_memory(PURGE_AFTER_MS);
            assert_eq!(mi_option_get(PURGE_DELAY), PURGE_AFTER_MS);
        }
    }

    /// A story keeps freed pages a while; a pile hands them back at once.
    #[test]
    fn only_a_pile_hands_freed_pages_back_at_once() {
        assert_eq!(purge_delay_for(40_000), PURGE_AFTER_MS);
        assert_eq!(purge_delay_for(LARGE_INPUT - 1), PURGE_AFTER_MS);
        assert_eq!(purge_delay_for(LARGE_INPUT), 0);
    }

    /// The process asks for small pages only before `main` (the test harness's `main` too), and
    /// the kernel holds it to that.
    #[cfg(target_os = "linux")]
    #[test]
    fn transparent_huge_pages_are_off_before_main() {
        /// `PR_GET_THP_DISABLE` of `<linux/prctl.h>`.
        const PR_GET_THP_DISABLE: std::ffi::c_int = 42;
        let zero = 0 as std::ffi::c_ulong;
        // SAFETY: a plain getter of a process setting.
        assert_eq!(unsafe { prctl(PR_GET_THP_DISABLE, zero, zero, zero, zero) }, 1);
    }
}

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Cross-check the numbers and dates that several texts give about one event"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract, align and compare the claims of the sources (the default command).
    Check {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit with 1 when a group at or above this verdict is found [default: conflict].
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Compare with this approved baseline; drift (a changed, new or stale group) exits 1.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Write this run as the approved baseline (atomically) instead of comparing.
        #[arg(long)]
        accept: bool,
        /// Treat each subfolder of each PATH as its own story, and report them one after another.
        #[arg(long, conflicts_with_all = ["baseline", "accept"])]
        each: bool,
    },
    /// Print every claim of every source, one a line (for debugging rules).
    Extract {
        #[command(flatten)]
        input: Input,
        /// Output format: text columns, or JSON Lines.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
    },
}

#[derive(clap::Args)]
struct Input {
    /// Files or folders (*.txt, *.md) to read, or - for standard input [default: `paths` of
    /// crosscheck.toml].
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// A folder of *.toml rules files that extend the built-in rules (same name: replace).
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Reference date for sources whose front matter gives none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Read this project configuration instead of the nearest crosscheck.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Read no crosscheck.toml.
    #[arg(long)]
    no_config: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    release_freed_memory(PURGE_AFTER_MS);
    // `crosscheck PATH...` means `crosscheck check PATH...`, and a bare `crosscheck` checks the
    // paths of crosscheck.toml.
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let first = args.get(1).and_then(|a| a.to_str()).unwrap_or("");
    if args.len() == 1 || !matches!(first, "check" | "extract" | "help" | "-h" | "--help" | "-V" | "--version") {
        args.insert(1, "check".into());
    }
    let cli = Cli::parse_from(args);
    let outcome = run(cli);
    // Everything is written and the worker threads are idle. At exit mimalloc collects the main
    // thread's heap and would hand every page freed in the last `PURGE_AFTER_MS` back to the
    // system, one call per range (some 40 after a story), for a process about to end.
    release_freed_memory(NEVER_PURGE);
    match outcome {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Check { input, format, fail_on, each: true, .. } => check_each(&input, format, fail_on),
        Command::Check { input, format, fail_on, baseline, accept, each: false } => {
            let (corpus, rules, config) = load(&input)?;
            // The rules and the report are never freed: the process ends once the report is
            // written, and freeing them only had the allocator hand their pages back to the system
            // one call at a time, about 40 calls after a story's report was out.
            let rules = ManuallyDrop::new(rules);
            let report = ManuallyDrop::new(crosscheck::check(&corpus, &rules));
            // The report shares the texts its mentions quote; the rest of the corpus goes before it
            // renders.
            drop(corpus);
            for w in &report.warnings {
                eprintln!("warning: {w}");
            }
            let fail_on = fail_on.or(config.fail_on).unwrap_or_default();
            let baseline = baseline.or(config.baseline);
            if accept && baseline.is_none() {
                return Err(Error::Usage("--accept needs --baseline FILE (or `baseline` in crosscheck.toml)".into()));
            }
            write_rendered(&report, format, fail_on)?;
            if format == Format::Github {
                append_step_summary(&report);
            }
            match baseline {
                Some(path) if accept => {
                    baseline::write_atomic(&path, baseline::render(&report).as_bytes())?;
                    eprintln!("baseline: accepted {} groups into {}", report.groups.len(), path.display());
                    Ok(ExitCode::SUCCESS)
                }
                Some(path) => {
                    let text = std::fs::read_to_string(&path).map_err(|e| {
                        let hint = if e.kind() == io::ErrorKind::NotFound { " (create it with --accept)" } else { "" };
                        io_error(&format!("{}{hint}", path.display()), e)
                    })?;
                    let drift = baseline::compare(&text, &path.display().to_string(), &report)?;
                    eprint!("{drift}");
                    // Accepted findings pass; any drift from the approved record fails.
                    Ok(if drift.is_clean() { ExitCode::SUCCESS } else { ExitCode::from(1) })
                }
                None => Ok(if report.fails(fail_on) { ExitCode::from(1) } else { ExitCode::SUCCESS }),
            }
        }
        Command::Extract { input, format } => {
            let (corpus, rules, _) = load(&input)?;
            let extractions = crosscheck::extract_all(&corpus, &rules);
            for w in crosscheck::extraction_warnings(&corpus, &extractions) {
                eprintln!("warning: {w}");
            }
            let mentions = crosscheck::mentions(&corpus, &extractions);
            let text = match format {
                ExtractFormat::Text => ClaimsText(&mentions).to_string(),
                ExtractFormat::Json => ClaimsJsonLines(&mentions).to_string(),
            };
            write_stdout(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `check --each`: every subfolder of the PATHs is a story, checked on its own, reported in path order.
fn check_each(input: &Input, format: Format, fail_on: Option<FailOn>) -> Result<ExitCode, Error> {
    let (config, date) = settings(input)?;
    let rules = rules_for(input, &config)?;
    let paths = if input.paths.is_empty() { &config.paths } else { &input.paths };
    if paths.is_empty() {
        return Err(Error::Usage("--each needs a folder of story folders".into()));
    }
    let folders = crosscheck::story_folders(paths)?;
    if folders.is_empty() {
        return Err(Error::Usage("--each: no story folder under the paths given".into()));
    }
    let Some(mut writer) = Stories::new(format) else {
        return Err(Error::Usage("--each reports as text, json or markdown; run github or sarif per story".into()));
    };
    let fail_on = fail_on.or(config.fail_on).unwrap_or_default();
    let mut fails = false;
    // Each story is written as soon as its batch is checked; only the first write error is kept.
    let mut written = Ok(());
    let mut emit = |story: crosscheck::Story| {
        for w in &story.warnings {
            eprintln!("warning: {w}");
        }
        for w in story.report.iter().flat_map(|r| &r.warnings) {
            eprintln!("warning: {w}");
        }
        fails |= story.report.as_ref().is_some_and(|r| r.fails(fail_on));
        if written.is_ok() {
            written = write_stdout(writer.story(&story).as_bytes());
        }
    };
    crosscheck::check_each(&folders, &LoadOptions { date }, &rules, &|corpus| config.apply_dates(corpus), &mut emit);
    written?;
    write_stdout(writer.end().as_bytes())?;
    Ok(if fails { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The configuration (unless told not to) and the reference date; flags beat the file.
fn settings(input: &Input) -> Result<(Config, Option<jiff::civil::Date>), Error> {
    let cwd = std::env::current_dir().map_err(|e| io_error(".", e))?;
    let config = match (&input.config, input.no_config) {
        (_, true) => Config::default(),
        (Some(file), false) => config::load(file, &cwd)?,
        (None, false) => config::find(&cwd).map(|file| config::load(&file, &cwd)).transpose()?.unwrap_or_default(),
    };
    let date = match &input.date {
        Some(d) => Some(
            source::parse_iso_date(d).ok_or_else(|| Error::Usage(format!("--date {d:?} is not a YYYY-MM-DD date")))?,
        ),
        None => None,
    };
    Ok((config, date))
}

/// The rules in force: the `--rules` folder's, else the configuration's, else the built-in ones.
/// Compiling them starts the worker threads.
fn rules_for(input: &Input, config: &Config) -> Result<Rules, Error> {
    match input.rules.as_ref().or(config.rules.as_ref()) {
        Some(dir) => Rules::with_dir(dir),
        None => Rules::embedded(),
    }
}

/// Reads the settings, the sources and the rules, in that order: how soon freed memory goes back
/// depends on the size of the sources, and is set while no other thread runs.
fn load(input: &Input) -> Result<(source::Corpus, Rules, Config), Error> {
    let (config, date) = settings(input)?;
    let paths = if input.paths.is_empty() { &config.paths } else { &input.paths };
    if paths.is_empty() {
        return Err(Error::Usage("no PATH given, and no `paths` in a crosscheck.toml".into()));
    }
    let mut corpus = source::load(paths, &LoadOptions { date })?;
    config.apply_dates(&mut corpus);
    for w in &corpus.warnings {
        if corpus.sources.is_empty() {
            eprintln!("warning: {w}");
        }
    }
    if corpus.sources.is_empty() {
        return Err(Error::NoSources);
    }
    release_freed_memory(purge_delay_for(corpus.sources.iter().map(|s| s.text.len()).sum()));
    let rules = rules_for(input, &config)?;
    Ok((corpus, rules, config))
}

/// On GitHub Actions, appends the Markdown report to the job summary, kept under GitHub's limit
/// together with what earlier steps wrote. A failure here costs the summary, not the run.
fn append_step_summary(report: &Report) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else { return };
    let used = std::fs::metadata(&path).map_or(0, |m| m.len() as usize);
    let text = Markdown(report).within(render::STEP_SUMMARY_LIMIT.saturating_sub(used));
    let written = std::fs::OpenOptions::new().append(true).create(true).open(&path).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.write_all(b"\n")
    });
    if let Err(e) = written {
        eprintln!("warning: {}: cannot append the job summary: {e}", PathBuf::from(path).display());
    }
}

fn io_error(path: &str, source: io::Error) -> Error {
    Error::Io { path: path.into(), source }
}

/// Writes to standard output; a reader that went away (`| head -1`) is not an error.
fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    let mut stdout = io::stdout().lock();
    stdout_result(stdout.write_all(bytes).and_then(|()| stdout.flush()))
}

/// Renders `report` straight to standard output through a buffer, not into bytes printed after:
/// a pile's report would otherwise be held twice, once as the report and once as its text.
fn write_rendered(report: &Report, format: Format, fail_on: FailOn) -> Result<(), Error> {
    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    stdout_result(render::render(report, format, fail_on, &mut stdout).and_then(|()| stdout.flush()))
}

/// The outcome of writing to standard output, a reader that went away being none of our error.
fn stdout_result(written: io::Result<()>) -> Result<(), Error> {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Io { path: "<stdout>".into(), source: e }),
        _ => Ok(()),
    }
}
