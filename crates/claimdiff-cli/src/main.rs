//! The `claimdiff` command line: reads articles, runs parse -> align -> report, writes the
//! result. All file and terminal I/O of claimdiff happens here, and so do the exit codes: 0 ran
//! and nothing failed, 1 `check` or `compare --fail-on` found what it fails on, 2 bad usage or
//! unreadable input (one line on stderr naming the file).

mod input;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use claimdiff_align::{Comparison, Config, Verdict, compare};
use claimdiff_parse::{Document, Lexicon, Source, parse};
use claimdiff_report::{
    Baseline, TableOptions, baseline_json, check, check_text, claims_json, claims_table,
    report_github, report_json, report_markdown, report_table,
};
use clap::{Parser, Subcommand, ValueEnum};

/// Compare news reports of the same story, claim by claim.
#[derive(Debug, Parser)]
#[command(name = "claimdiff", version, about, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXIT_CODES: &str = "\
Exit codes:
  0  ran and nothing failed
  1  `check` found a conflict not in the baseline, or `compare --fail-on` found a finding
     of the verdict it fails on
  2  bad usage or unreadable input (one line on stderr names the file and the reason)";

#[derive(Debug, Subcommand)]
enum Command {
    /// Compare two or more articles about one story.
    #[command(after_help = EXIT_CODES)]
    Compare {
        /// Article files (plain text), two or more.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// Output format: a terminal table, the `claimdiff.report.v1` JSON, Markdown for a
        /// pull-request comment, or GitHub Actions annotations.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// List the claims only one source makes (the table counts them otherwise).
        #[arg(long)]
        all: bool,
        /// Write the report to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Exit with status 1 when a finding of this verdict exists (after writing the report).
        #[arg(long, value_enum, value_name = "VERDICT")]
        fail_on: Option<FailOn>,
    },
    /// Show one article's sentences and extracted facts.
    Claims {
        /// Article file (plain text).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
        format: ClaimsFormat,
    },
    /// Record today's conflicts and distinct figures as accepted (`claimdiff.baseline.v1`).
    #[command(after_help = EXIT_CODES)]
    Baseline {
        /// Article files (plain text), two or more.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// Write the baseline to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// For CI: exit with status 1 when a conflict is not in the baseline, printing the new ones.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Article files (plain text), two or more.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// Accepted findings, written by `claimdiff baseline`; without it every conflict fails.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Markdown,
    Github,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ClaimsFormat {
    Table,
    Json,
}

/// The verdicts `compare --fail-on` fails on.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    /// A conflict.
    Conflict,
    /// A distinct finding.
    Distinct,
    /// A conflict or a distinct finding.
    Any,
}

impl FailOn {
    fn name(self) -> &'static str {
        match self {
            Self::Conflict => "conflict",
            Self::Distinct => "distinct",
            Self::Any => "any",
        }
    }

    fn verdicts(self) -> &'static [Verdict] {
        match self {
            Self::Conflict => &[Verdict::Conflict],
            Self::Distinct => &[Verdict::Distinct],
            Self::Any => &[Verdict::Conflict, Verdict::Distinct],
        }
    }
}

/// Source ids: A, B, …, Z, then S27, S28, ….
fn source_id(i: usize) -> String {
    u8::try_from(i).ok().filter(|&n| n < 26).map_or_else(
        || format!("S{}", i + 1),
        |n| char::from(b'A' + n).to_string(),
    )
}

fn load(path: &Path, index: usize, lex: &Lexicon) -> anyhow::Result<Document> {
    let text = input::read_article(path)?;
    let source = Source {
        id: source_id(index),
        path: Some(path.display().to_string()),
        title: None,
        published: None,
    };
    Ok(parse(source, &text, lex))
}

fn width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(120)
}

/// Reads and parses the articles, sources A, B, … in the order given.
fn load_all(files: &[PathBuf], lex: &Lexicon) -> anyhow::Result<Vec<Document>> {
    files
        .iter()
        .enumerate()
        .map(|(i, p)| load(p, i, lex))
        .collect()
}

fn pretty_json(value: &serde_json::Value) -> anyhow::Result<String> {
    Ok(format!("{}\n", serde_json::to_string_pretty(value)?))
}

fn render(
    docs: &[Document],
    cmp: &Comparison,
    format: Format,
    all: bool,
) -> anyhow::Result<String> {
    Ok(match format {
        Format::Table => report_table(
            docs,
            cmp,
            TableOptions {
                all,
                width: width(),
            },
        ),
        Format::Json => pretty_json(&report_json(docs, cmp))?,
        Format::Markdown => report_markdown(docs, cmp),
        Format::Github => report_github(docs, cmp),
    })
}

/// Writes `text` to `output`, or to standard output when there is none.
fn emit(text: &str, output: Option<&Path>) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
        }
        None => Ok(write_stdout(text)?),
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let lex = Lexicon::embedded();
    match cli.command {
        Command::Compare {
            files,
            format,
            all,
            output,
            fail_on,
        } => {
            let docs = load_all(&files, &lex)?;
            let cmp = compare(&docs, &lex, &Config::default());
            emit(&render(&docs, &cmp, format, all)?, output.as_deref())?;
            if let Some(fail_on) = fail_on {
                let found: Vec<String> = fail_on
                    .verdicts()
                    .iter()
                    .map(|&v| (v, cmp.count(v)))
                    .filter(|&(_, n)| n > 0)
                    .map(|(v, n)| format!("{n} {}", v.as_str()))
                    .collect();
                if !found.is_empty() {
                    eprintln!(
                        "claimdiff: found {} (--fail-on {})",
                        found.join(", "),
                        fail_on.name()
                    );
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        Command::Claims { file, format } => {
            let doc = load(&file, 0, &lex)?;
            let text = match format {
                ClaimsFormat::Table => claims_table(&doc, width()),
                ClaimsFormat::Json => pretty_json(&claims_json(&doc))?,
            };
            write_stdout(&text)?;
        }
        Command::Baseline { files, output } => {
            let docs = load_all(&files, &lex)?;
            let cmp = compare(&docs, &lex, &Config::default());
            emit(
                &pretty_json(&baseline_json(&docs, &cmp))?,
                output.as_deref(),
            )?;
        }
        Command::Check { files, baseline } => {
            // The baseline is read first: a bad one is a usage error whatever the articles say.
            let baseline = match &baseline {
                Some(path) => input::read_baseline(path)?,
                None => Baseline::empty(),
            };
            let docs = load_all(&files, &lex)?;
            let cmp = compare(&docs, &lex, &Config::default());
            let outcome = check(&cmp, &baseline);
            write_stdout(&check_text(&docs, &cmp, &outcome))?;
            if outcome.failed() {
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes to standard output; a closed pipe (`claimdiff … | head`) ends quietly.
fn write_stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimdiff: {e:#}");
            ExitCode::from(2)
        }
    }
}
