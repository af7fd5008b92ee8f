//! The `claimdiff` command line: reads articles, runs parse -> align -> report, writes the
//! result. All file and terminal I/O of claimdiff happens here, and so do the exit codes: 0 ran
//! and nothing failed, 1 `check` or `compare --fail-on` found what it fails on, 2 bad usage or
//! unreadable input (one line on stderr naming the file).

/// The command line's allocator (see the workspace `Cargo.toml`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod batch;
mod config;
mod dist;
mod input;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use claimdiff_align::{Comparison, Verdict, compare};
use claimdiff_parse::{Document, Lexicon, Source, parse};
use claimdiff_report::{
    Baseline, TableOptions, baseline_json, check, check_text, claims_json, claims_table,
    report_github, report_html, report_json, report_markdown, report_table,
};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

/// Compare news reports of the same story, claim by claim.
#[derive(Debug, Parser)]
#[command(name = "claimdiff", version, about, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Read thresholds and lexicon additions from this file instead of `claimdiff.toml` in the
    /// working directory.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Set a comparison threshold, overriding the config file: align_threshold,
    /// statement_agree, agree_context, conflict_context, frame_context or quote_overlap, each
    /// between 0 and 1. Repeatable.
    #[arg(long, global = true, value_name = "NAME=VALUE")]
    threshold: Vec<String>,
    /// Colour table verdicts: `auto` on a terminal only. `NO_COLOR` (set and not empty) turns
    /// colour off whatever this says.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
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
        /// Article files: plain text, HTML, Markdown, JSON or JSON Lines (format by extension,
        /// else by content; `-` reads standard input). Two or more articles in all: a JSON Lines
        /// file gives one per record.
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// Output format: a terminal table, the `claimdiff.report.v1` JSON, Markdown for a
        /// pull-request comment, one self-contained HTML page, or GitHub Actions annotations.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// List the claims only one source makes (the table counts them otherwise).
        #[arg(long)]
        all: bool,
        /// Table rows of this verdict only (the summary line still counts all). Repeatable.
        #[arg(long, value_enum, value_name = "VERDICT")]
        only: Vec<OnlyVerdict>,
        /// Write the report to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Exit with status 1 when a finding of this verdict exists (after writing the report).
        #[arg(long, value_enum, value_name = "VERDICT")]
        fail_on: Option<FailOn>,
        /// Publication date of a source, overriding the date in its file's metadata: ID is A,
        /// B, … in the order of the articles, or a JSON record's id. Relative dates in it
        /// ("yesterday", "on Monday", "7 October") resolve against it and can then be
        /// compared; without a date they never are. Repeatable.
        #[arg(long, value_name = "ID=YYYY-MM-DD")]
        published: Vec<String>,
    },
    /// Show one article's sentences and extracted facts.
    Claims {
        /// Article file: plain text, HTML, Markdown or JSON (`-` reads standard input).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
        format: ClaimsFormat,
    },
    /// Record today's conflicts and distinct figures as accepted (`claimdiff.baseline.v1`).
    #[command(after_help = EXIT_CODES)]
    Baseline {
        /// Article files: plain text, HTML, Markdown, JSON or JSON Lines (format by extension,
        /// else by content; `-` reads standard input). Two or more articles in all: a JSON Lines
        /// file gives one per record.
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// Write the baseline to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// For CI: exit with status 1 when a conflict is not in the baseline, printing the new ones.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Article files: plain text, HTML, Markdown, JSON or JSON Lines (format by extension,
        /// else by content; `-` reads standard input). Two or more articles in all: a JSON Lines
        /// file gives one per record.
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// Accepted findings, written by `claimdiff baseline`; without it every conflict fails.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
    },
    /// Compare many sets of articles from JSON Lines, in parallel: one JSON report per line.
    ///
    /// Each input line is `{"id": "…", "sources": [S1, S2, …]}`, a source being a file path
    /// (relative to the working directory) or `{"id", "text", "title"?, "published"?}`. Each
    /// output line is the `claimdiff.report.v1` report with the record's `"id"`, in input
    /// order, or `{"id": …, "error": "…"}` for a record that cannot be compared (the others go
    /// on). A summary line goes to stderr at the end, and a progress bar while it runs when
    /// stderr is a terminal.
    #[command(after_help = EXIT_CODES)]
    Batch {
        /// The JSON Lines file, or `-` for standard input.
        input: PathBuf,
        /// Worker threads [default: all cores].
        #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Write the reports to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write shell completions and man pages into DIR (for `cargo xtask dist`).
    #[command(hide = true)]
    DistAssets {
        /// Folder to write into; created if missing.
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Markdown,
    Html,
    Github,
}

/// When to colour the table.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    /// When standard output is a terminal.
    Auto,
    /// Always (unless `NO_COLOR` is set).
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to standard output (`to_stdout`) or to a file.
    fn colour(self, to_stdout: bool) -> bool {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return false;
        }
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => to_stdout && io::stdout().is_terminal(),
        }
    }
}

/// The verdicts `compare --only` shows.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum OnlyVerdict {
    /// Conflicts.
    Conflict,
    /// Distinct figures.
    Distinct,
    /// Agreements.
    Agree,
    /// Claims only one source makes.
    #[value(name = "only_in")]
    OnlyIn,
}

impl OnlyVerdict {
    fn verdict(self) -> Verdict {
        match self {
            Self::Conflict => Verdict::Conflict,
            Self::Distinct => Verdict::Distinct,
            Self::Agree => Verdict::Agree,
            Self::OnlyIn => Verdict::OnlyIn,
        }
    }
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

/// Parses one article as source `id` read from `path`; `published` (from the command line)
/// overrides the date in the article's metadata.
pub(crate) fn document(
    id: String,
    path: &str,
    article: claimdiff_input::Article,
    published: Option<String>,
    lex: &Lexicon,
) -> Document {
    let source = Source {
        id,
        path: Some(path.to_owned()),
        title: article.title,
        published: published.or(article.published),
    };
    let origin = article
        .origin
        .map(|o| o as std::sync::Arc<dyn claimdiff_parse::OriginMap>);
    parse(source, &article.text, lex).with_origin(origin)
}

/// Reads and parses the articles of `files` (`-` for standard input, once), sources A, B, … in
/// order; a JSON or JSON Lines record with an `id` is named by it, and a JSON Lines file gives
/// one source per record. `published` holds the `--published ID=YYYY-MM-DD` values.
fn load_all(
    files: &[PathBuf],
    published: &[String],
    lex: &Lexicon,
) -> anyhow::Result<Vec<Document>> {
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        anyhow::bail!("standard input (-) can be read only once");
    }
    let mut articles = Vec::new();
    for file in files {
        let (shown, read) = input::read_article(file)?;
        articles.extend(read.into_iter().map(|a| (shown.clone(), a)));
    }
    let ids: Vec<String> = articles
        .iter()
        .enumerate()
        .map(|(i, (_, a))| a.id.clone().unwrap_or_else(|| source_id(i)))
        .collect();
    if let Some((i, id)) = ids
        .iter()
        .enumerate()
        .find(|&(i, id)| ids[..i].contains(id))
    {
        anyhow::bail!("{}: source id {id:?} is given twice", articles[i].0);
    }
    let dates = published_dates(published, &ids)?;
    Ok(articles
        .into_iter()
        .zip(ids)
        .map(|((shown, article), id)| {
            let date = dates.get(&id).cloned();
            document(id, &shown, article, date, lex)
        })
        .collect())
}

/// The `--published ID=YYYY-MM-DD` values by source id; a bad value or an id that names no
/// source is a usage error.
fn published_dates(
    values: &[String],
    ids: &[String],
) -> anyhow::Result<std::collections::BTreeMap<String, String>> {
    let mut dates = std::collections::BTreeMap::new();
    for value in values {
        let bad = || {
            anyhow::anyhow!("bad --published {value:?}: expected ID=YYYY-MM-DD, e.g. A=2024-04-03")
        };
        let (id, date) = value.split_once('=').ok_or_else(bad)?;
        if !claimdiff_parse::is_publication_date(date) {
            return Err(bad());
        }
        if !ids.iter().any(|i| i == id) {
            anyhow::bail!(
                "bad --published {value:?}: no source {id:?} (sources are {})",
                ids.join(", ")
            );
        }
        dates.insert(id.to_owned(), date.to_owned());
    }
    Ok(dates)
}

/// Fails unless `docs` has two or more articles to compare.
fn two_or_more(docs: Vec<Document>) -> anyhow::Result<Vec<Document>> {
    if docs.len() < 2 {
        anyhow::bail!(
            "two or more articles are needed to compare, the input holds {}",
            docs.len()
        );
    }
    Ok(docs)
}

/// Table width: the terminal's when standard output is one, else `COLUMNS`, else 120.
fn width() -> u16 {
    let terminal = io::stdout()
        .is_terminal()
        .then(|| comfy_table::Table::new().width())
        .flatten()
        .filter(|&w| w > 0);
    terminal
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok())
                .filter(|&w| w > 0)
        })
        .unwrap_or(120)
}

fn pretty_json(value: &serde_json::Value) -> anyhow::Result<String> {
    Ok(format!("{}\n", serde_json::to_string_pretty(value)?))
}

fn render(
    docs: &[Document],
    cmp: &Comparison,
    format: Format,
    table: &TableOptions,
) -> anyhow::Result<String> {
    Ok(match format {
        Format::Table => report_table(docs, cmp, table),
        Format::Json => pretty_json(&report_json(docs, cmp))?,
        Format::Markdown => report_markdown(docs, cmp),
        Format::Html => report_html(docs, cmp),
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
    if let Command::DistAssets { dir } = &cli.command {
        for path in dist::write_assets(Cli::command(), dir)? {
            println!("{}", path.display());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let config::Settings {
        config: cfg,
        lexicon: lex,
    } = config::load(cli.config.as_deref(), &cli.threshold)?;
    let color = cli.color;
    match cli.command {
        Command::Compare {
            files,
            format,
            all,
            only,
            output,
            fail_on,
            published,
        } => {
            let docs = two_or_more(load_all(&files, &published, &lex)?)?;
            let cmp = compare(&docs, &lex, &cfg);
            let table = TableOptions {
                all,
                width: width(),
                color: color.colour(output.is_none()),
                only: only.iter().map(|o| o.verdict()).collect(),
            };
            emit(&render(&docs, &cmp, format, &table)?, output.as_deref())?;
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
            let mut docs = load_all(std::slice::from_ref(&file), &[], &lex)?;
            if docs.len() != 1 {
                anyhow::bail!(
                    "{}: holds {} articles, `claims` reads one",
                    file.display(),
                    docs.len()
                );
            }
            let doc = docs.remove(0);
            let text = match format {
                ClaimsFormat::Table => claims_table(&doc, width()),
                ClaimsFormat::Json => pretty_json(&claims_json(&doc))?,
            };
            write_stdout(&text)?;
        }
        Command::Baseline { files, output } => {
            let docs = two_or_more(load_all(&files, &[], &lex)?)?;
            let cmp = compare(&docs, &lex, &cfg);
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
            let docs = two_or_more(load_all(&files, &[], &lex)?)?;
            let cmp = compare(&docs, &lex, &cfg);
            let outcome = check(&cmp, &baseline);
            write_stdout(&check_text(&docs, &cmp, &outcome))?;
            if outcome.failed() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Batch {
            input,
            jobs,
            output,
        } => {
            return batch::run(&input, jobs.map(usize::from), output.as_deref(), &lex, &cfg);
        }
        // Handled above, before the config is read.
        Command::DistAssets { .. } => {}
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
