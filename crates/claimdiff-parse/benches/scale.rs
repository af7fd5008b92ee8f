//! Parsing cost on large inputs (run with `cargo xtask bench`): the `data/pairs` articles
//! repeated into one document of 12.5, 25 and 50 MB, each parsed once in a process of its own,
//! with its time and the process's peak resident memory. Time and memory should grow in
//! proportion to the input.
//!
//! Then, where valgrind is installed, the instructions of one parse of the articles (callgrind,
//! counting inside `parse` only): unlike a time on a shared machine, the count is the same from
//! run to run, so a change of a percent shows.

mod common;

use std::process::Command;
use std::time::Instant;

use claimdiff_parse::{Lexicon, Source, parse};

/// Input sizes, in bytes.
const SIZES: [usize; 3] = [12_500_000, 25_000_000, 50_000_000];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(size) = args
        .iter()
        .position(|a| a == "--size")
        .and_then(|i| args.get(i + 1))
    {
        measure(size.parse().expect("--size takes a number of bytes"));
        return;
    }
    let exe = std::env::current_exe().expect("the benchmark's own path");
    println!("parse scale: the data/pairs articles repeated into one document, one process each");
    println!(
        "{:>8}  {:>8}  {:>8}  {:>10}  {:>10}",
        "input", "time", "MB/s", "peak RSS", "RSS/input"
    );
    let mut first: Option<f64> = None;
    for size in SIZES {
        let out = Command::new(&exe)
            .args(["--size", &size.to_string()])
            .output()
            .expect("the benchmark runs itself");
        let line = String::from_utf8_lossy(&out.stdout);
        let fields: Vec<f64> = line
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        let [bytes, secs, peak_kib] = fields[..] else {
            panic!("no measurement from --size {size}: {line}");
        };
        let mb = bytes / 1e6;
        let per_mb = secs / mb;
        let growth = first.get_or_insert(per_mb);
        println!(
            "{mb:>6.1}MB  {secs:>7.2}s  {:>8.2}  {:>8.0}MB  {:>9.1}x   (time per MB {:.2}x the first)",
            mb / secs,
            peak_kib * 1024.0 / 1e6,
            peak_kib * 1024.0 / bytes,
            per_mb / *growth,
        );
    }
    count_instructions(&exe);
}

/// Prints the instructions of one parse of the `data/pairs` articles (`--size 1`), counted by
/// callgrind inside `parse`; says so and goes on where valgrind cannot run.
fn count_instructions(exe: &std::path::Path) {
    let out = Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            "--toggle-collect=claimdiff_parse::document::parse",
        ])
        .arg(exe)
        .args(["--size", "1"])
        .output();
    let counted = out.ok().and_then(|out| {
        let bytes: f64 = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .next()?
            .parse()
            .ok()?;
        let log = String::from_utf8_lossy(&out.stderr).into_owned();
        let collected: f64 = log
            .lines()
            .find_map(|l| l.split("Collected :").nth(1))?
            .trim()
            .parse()
            .ok()?;
        (collected > 0.0).then_some((bytes, collected))
    });
    match counted {
        Some((bytes, n)) => println!(
            "parse instructions (callgrind, one parse of {:.0} KB): {:.1}M, {:.0} per input byte",
            bytes / 1e3,
            n / 1e6,
            n / bytes
        ),
        None => println!(
            "parse instructions: not counted (valgrind is not installed or found no parse)"
        ),
    }
}

/// Parses about `size` bytes of articles and prints the bytes, the seconds and the peak
/// resident memory in KiB (0 where `/proc/self/status` does not exist).
fn measure(size: usize) {
    let corpus = common::corpus();
    let mut text = String::with_capacity(size + corpus.len());
    while text.len() < size {
        text.push_str(&corpus);
        text.push_str("\n\n");
    }
    let lex = Lexicon::embedded();
    let start = Instant::now();
    let doc = parse(Source::default(), &text, &lex);
    let secs = start.elapsed().as_secs_f64();
    let facts: usize = doc.sentences.iter().map(|s| s.facts.len()).sum();
    assert!(facts > 0, "the articles have facts");
    println!("{} {secs} {}", text.len(), peak_kib());
}

/// The process's peak resident set (`VmHWM`), in KiB.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
