//! `claimdiff batch`: many comparisons from JSON Lines, one report per line, in parallel.
//!
//! Each input line is a record `{"id": …, "sources": [S1, S2, …]}` where a source is a file
//! path (relative to the working directory) or an object `{"id", "text", "title"?,
//! "published"?}`. Each output line is the record's `claimdiff.report.v1` report with the
//! record's `"id"` first, or `{"id": …, "error": "…"}` for a record that cannot be compared,
//! in input order whatever the number of threads. Blank lines are skipped.

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use claimdiff_align::{Config, compare};
use claimdiff_parse::{Document, Lexicon, Source, parse};
use claimdiff_report::report_json;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::Value;

/// Records compared between two writes of the output: bounds memory on long inputs while
/// keeping every thread busy.
const CHUNK: usize = 256;

/// A source given inline in a record.
#[derive(Debug, Deserialize)]
struct InlineSource {
    /// Defaults to the source's letter (A, B, …) by position.
    id: Option<String>,
    text: String,
    title: Option<String>,
    published: Option<String>,
}

/// The documents of one record's sources, or why they cannot be had.
fn documents(sources: &Value, lex: &Lexicon) -> Result<Vec<Document>, String> {
    let Some(sources) = sources.as_array() else {
        return Err("\"sources\" must be an array of two or more sources".to_owned());
    };
    if sources.len() < 2 {
        return Err(format!(
            "\"sources\" has {} source(s), two or more are needed",
            sources.len()
        ));
    }
    let mut docs: Vec<Document> = Vec::with_capacity(sources.len());
    for (i, s) in sources.iter().enumerate() {
        let read = match s {
            Value::String(path) if path == "-" => {
                return Err(format!(
                    "source {}: standard input (-) cannot be a source in a batch",
                    i + 1
                ));
            }
            Value::String(path) => {
                let (shown, articles) =
                    crate::input::read_article(Path::new(path)).map_err(|e| format!("{e:#}"))?;
                articles
                    .into_iter()
                    .enumerate()
                    .map(|(j, a)| {
                        let id =
                            a.id.clone()
                                .unwrap_or_else(|| crate::source_id(docs.len() + j));
                        crate::document(id, &shown, a, None, lex)
                    })
                    .collect()
            }
            Value::Object(_) => {
                let inline =
                    InlineSource::deserialize(s).map_err(|e| format!("source {}: {e}", i + 1))?;
                let id = inline.id.unwrap_or_else(|| crate::source_id(docs.len()));
                if let Some(date) = &inline.published
                    && !claimdiff_parse::is_publication_date(date)
                {
                    return Err(format!(
                        "source {id}: \"published\" is {date:?}, expected YYYY-MM-DD"
                    ));
                }
                if inline.text.trim().is_empty() {
                    return Err(format!("source {id}: \"text\" is empty"));
                }
                let source = Source {
                    id,
                    path: None,
                    title: inline.title,
                    published: inline.published,
                };
                vec![parse(source, &inline.text, lex)]
            }
            _ => {
                return Err(format!(
                    "source {}: expected a file path or an object with \"text\"",
                    i + 1
                ));
            }
        };
        for doc in read {
            if docs.iter().any(|d| d.source.id == doc.source.id) {
                return Err(format!("source id {:?} is given twice", doc.source.id));
            }
            docs.push(doc);
        }
    }
    Ok(docs)
}

/// One output line (without its newline) for input line `line_no`, and whether it is a report.
fn process(line_no: usize, line: &str, lex: &Lexicon, cfg: &Config) -> (bool, String) {
    let record: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return (
                false,
                error_line(&Value::Null, line_no, &format!("not JSON ({e})")),
            );
        }
    };
    let Some(obj) = record.as_object() else {
        return (
            false,
            error_line(&Value::Null, line_no, "not a JSON object"),
        );
    };
    let id = obj.get("id").cloned().unwrap_or(Value::Null);
    if !id.is_string() {
        return (false, error_line(&id, line_no, "\"id\" must be a string"));
    }
    let Some(sources) = obj.get("sources") else {
        return (false, error_line(&id, line_no, "no \"sources\""));
    };
    let docs = match documents(sources, lex) {
        Ok(docs) => docs,
        Err(e) => return (false, error_line(&id, line_no, &e)),
    };
    let cmp = compare(&docs, lex, cfg);
    let report = report_json(&docs, &cmp).to_string();
    // The record's id goes first, whatever order the JSON map keeps its keys in.
    let rest = report.strip_prefix('{').unwrap_or(&report);
    (true, format!("{{\"id\":{id},{rest}"))
}

/// `{"id": …, "error": "line N: …"}`, the id first like in reports.
fn error_line(id: &Value, line_no: usize, message: &str) -> String {
    let error = Value::String(format!("line {line_no}: {message}"));
    format!("{{\"id\":{id},\"error\":{error}}}")
}

/// The progress bar: on stderr when it is a terminal, hidden otherwise.
fn progress(total: usize) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{bar:30}] {pos}/{len} records, {per_sec}, eta {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Runs `claimdiff batch`: reads `input` (`-` for standard input), compares each record on
/// `jobs` threads (all cores when `None`) and writes one line per record to `output` or
/// standard output, then `N records, N ok, N errors` on stderr. Records that cannot be
/// compared are reported in their line and do not stop the run; an input that cannot be read is
/// an error. A closed standard output ends the run quietly.
pub(crate) fn run(
    input: &Path,
    jobs: Option<usize>,
    output: Option<&Path>,
    lex: &Lexicon,
    cfg: &Config,
) -> anyhow::Result<ExitCode> {
    let text = if input == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .context("standard input: cannot read")?;
        String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "standard input: not valid UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            )
        })?
    } else {
        crate::input::read_text(input)?
    };
    let records: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;
    let mut out: Box<dyn Write> = match output {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let bar = progress(records.len());
    let (mut ok, mut errors) = (0, 0);
    for chunk in records.chunks(CHUNK) {
        let lines: Vec<(bool, String)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|&(line_no, line)| {
                    let done = process(line_no, line, lex, cfg);
                    bar.inc(1);
                    done
                })
                .collect()
        });
        let mut written = String::new();
        for (is_ok, line) in lines {
            if is_ok {
                ok += 1;
            } else {
                errors += 1;
            }
            written.push_str(&line);
            written.push('\n');
        }
        match out.write_all(written.as_bytes()) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe && output.is_none() => {
                bar.finish_and_clear();
                return Ok(ExitCode::SUCCESS);
            }
            other => other.context("cannot write the reports")?,
        }
    }
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe && output.is_none() => {
            bar.finish_and_clear();
            return Ok(ExitCode::SUCCESS);
        }
        other => other.context("cannot write the reports")?,
    }
    bar.finish_and_clear();
    eprintln!(
        "{}, {ok} ok, {}",
        plural(records.len(), "record", "records"),
        plural(errors, "error", "errors")
    );
    Ok(ExitCode::SUCCESS)
}
