//! The `claimdiff` command line: reads articles, runs parse -> align -> report, writes the
//! result. All file and terminal I/O of claimdiff happens here.

mod input;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use claimdiff_align::{Config, compare};
use claimdiff_parse::{Document, Lexicon, Source, parse};
use claimdiff_report::{TableOptions, claims_json, claims_table, report_json, report_table};
use clap::{Parser, Subcommand, ValueEnum};

/// Compare news reports of the same story, claim by claim.
#[derive(Debug, Parser)]
#[command(name = "claimdiff", version, about, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXIT_CODES: &str = "Exit codes: 0 ran and nothing failed; 2 bad usage or unreadable input.";

#[derive(Debug, Subcommand)]
enum Command {
    /// Compare two or more articles about one story.
    Compare {
        /// Article files (plain text), two or more.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// List the claims only one source makes (the table counts them otherwise).
        #[arg(long)]
        all: bool,
        /// Write the report to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Show one article's sentences and extracted facts.
    Claims {
        /// Article file (plain text).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
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

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let lex = Lexicon::embedded();
    let (text, output) = match cli.command {
        Command::Compare {
            files,
            format,
            all,
            output,
        } => {
            let docs = files
                .iter()
                .enumerate()
                .map(|(i, p)| load(p, i, &lex))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let cmp = compare(&docs, &lex, &Config::default());
            let text = match format {
                Format::Table => report_table(
                    &docs,
                    &cmp,
                    TableOptions {
                        all,
                        width: width(),
                    },
                ),
                Format::Json => format!(
                    "{}\n",
                    serde_json::to_string_pretty(&report_json(&docs, &cmp))?
                ),
            };
            (text, output)
        }
        Command::Claims { file, format } => {
            let doc = load(&file, 0, &lex)?;
            let text = match format {
                Format::Table => claims_table(&doc, width()),
                Format::Json => format!("{}\n", serde_json::to_string_pretty(&claims_json(&doc))?),
            };
            (text, None)
        }
    };
    match output {
        Some(path) => std::fs::write(&path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => write_stdout(&text)?,
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
