//! The `crosscheck` command: parses arguments, runs the library, prints, and maps the outcome to an
//! exit code (0 clean, 1 findings at or above `--fail-on`, 2 error).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use crosscheck::compare::Verdict;
use crosscheck::error::Error;
use crosscheck::render::{self, ClaimsJsonLines, ClaimsText, Format};
use crosscheck::rules::Rules;
use crosscheck::source::{self, LoadOptions};

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
        /// Exit with 1 when a group at or above this verdict is found.
        #[arg(long, value_enum, default_value_t = FailOn::Conflict)]
        fail_on: FailOn,
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
    /// Files or folders (*.txt, *.md) to read, or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// A folder of *.toml rules files that extend the built-in rules (same name: replace).
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Reference date for sources whose front matter gives none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    /// Fail on conflicts.
    Conflict,
    /// Fail on conflicts and compatible groups.
    Compatible,
    /// Never fail on findings.
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    // `crosscheck PATH...` means `crosscheck check PATH...`.
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let first = args.get(1).and_then(|a| a.to_str()).unwrap_or("");
    if args.len() > 1 && !matches!(first, "check" | "extract" | "help" | "-h" | "--help" | "-V" | "--version") {
        args.insert(1, "check".into());
    }
    let cli = Cli::parse_from(args);
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Check { input, format, fail_on } => {
            let (corpus, rules) = load(&input)?;
            let report = crosscheck::check(&corpus, &rules);
            for w in &report.warnings {
                eprintln!("warning: {w}");
            }
            let mut out = Vec::new();
            render::render(&report, format, &mut out).map_err(|e| Error::Io { path: "<output>".into(), source: e })?;
            write_stdout(&out)?;
            let failing = |v: Verdict| match fail_on {
                FailOn::Conflict => v == Verdict::Conflict,
                FailOn::Compatible => v != Verdict::Agree,
                FailOn::Never => false,
            };
            Ok(if report.groups.iter().any(|g| failing(g.verdict)) { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Extract { input, format } => {
            let (corpus, rules) = load(&input)?;
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

fn load(input: &Input) -> Result<(source::Corpus, Rules), Error> {
    let rules = match &input.rules {
        Some(dir) => Rules::with_dir(dir)?,
        None => Rules::embedded()?,
    };
    let date = match &input.date {
        Some(d) => Some(
            source::parse_iso_date(d).ok_or_else(|| Error::Usage(format!("--date {d:?} is not a YYYY-MM-DD date")))?,
        ),
        None => None,
    };
    let corpus = source::load(&input.paths, &LoadOptions { date })?;
    for w in &corpus.warnings {
        if corpus.sources.is_empty() {
            eprintln!("warning: {w}");
        }
    }
    if corpus.sources.is_empty() {
        return Err(Error::NoSources);
    }
    Ok((corpus, rules))
}

/// Writes to standard output; a reader that went away (`| head -1`) is not an error.
fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Io { path: "<stdout>".into(), source: e }),
        _ => Ok(()),
    }
}
