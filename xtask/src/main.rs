//! `cargo xtask`: project automation, run as `cargo xtask <task>` (alias in `.cargo/config.toml`).
//!
//! - `eval`: build `claimdiff` in release, run it on every gold pair in `data/gold`, print each
//!   pair's counts and misses and the totals per split; `--check` fails when a split's totals
//!   fall below that split's gate in `data/gold/thresholds.json` (`dev` and `test` each have
//!   their own). `--probes` scores the snippet pairs of `data/probes/probes.json` instead, gated
//!   by `data/probes/thresholds.json`. The scoring lives in the `claimdiff-tests` library,
//!   shared with the end-to-end tests `eval_totals_meet_thresholds` and
//!   `probes_meet_thresholds`.
//! - `conformance`: run the parser on the public conformance suites in `../shared/conformance`
//!   (sentence boundaries, Recognizers-Text numbers, units, currency and dates) and print each
//!   file's pass count; `--check` fails below `data/conformance/thresholds.json`. The scoring
//!   and its scope rules live in `conformance.rs`.
//! - `bench`: the criterion benchmarks: parse + extract throughput (MB/s, one core) over the
//!   articles in `data/pairs`, pairwise compare throughput (pairs of documents per second), and
//!   the N-way cost of one compare of 10, 100 and 1,000 articles of one story (`nway/*`); the
//!   parse scale check (those articles repeated into 12.5, 25 and 50 MB documents: time and
//!   peak resident memory of each, to show both grow linearly), with, where valgrind is
//!   installed, the instructions of one parse of the articles (a count that, unlike a time on
//!   a shared machine, does not vary from run to run); then `claimdiff batch`
//!   (release) over the `data/pairs` folders repeated 20 times, at 1 and
//!   2 threads, in records (comparisons) per second.
//! - `dist`: shell completions (bash, zsh, fish) and man pages in `target/dist/`, written by
//!   the binary's hidden `dist-assets` command from its own command-line definition.
//! - `ci`: fmt, clippy, the tests, `eval --check`, `eval --check --probes` and
//!   `conformance --check`, stopping at the first failure.
//!
//! Arguments are parsed by hand to keep this binary's dependencies to anyhow, serde and the
//! scorers. Exit status: 0 success, 1 a task failed, 2 bad usage or the conformance suites
//! missing.

mod conformance;

use std::{
    env,
    process::{Command, ExitCode, Stdio},
};

use anyhow::{Context, Result, bail};
use claimdiff_tests::{
    bin::{Profile, build_claimdiff, cargo, workspace_root},
    gold::SplitFilter,
    probes::{self, PROBE_THRESHOLDS_PATH},
    run,
    thresholds::{THRESHOLDS_PATH, Thresholds},
};
use conformance::{ConformanceArgs, SuitesMissing};
use serde_json::json;

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  eval [--split dev|test|all] [--probes] [--check] [--json]
        build claimdiff (release), run `claimdiff compare <sources> --format json` on every
        gold pair of the split (default all) and score it against data/gold;
        --probes score the probes of data/probes/probes.json instead (snippet pairs with the
                 verdict expected on one value each, each scored as a gold pair), gated by
                 data/probes/thresholds.json
        --check  exit 1 if a pair fails or a split's totals fall below that split's gate
                 in data/gold/thresholds.json (dev's, and test's if set; all checks both)
        --json   print the scores as JSON instead of text
  conformance [--check] [--json] [--verbose FILE]
        parse the public suites in ../shared/conformance (or $CLAIMDIFF_CONFORMANCE_DIR) and
        print each file's passed/in-scope count, out-of-scope and not-supported counts;
        --check    exit 1 if a file passes fewer cases than data/conformance/thresholds.json
        --json     print the scores as JSON instead of text
        --verbose  print every failing case of FILE (golden_rules_en, NumberModel, …)
  bench [--quick]
        run the criterion benchmarks: parse + extract throughput over the data/pairs articles
        (MB/s), pairwise compare throughput (pairs/s), the N-way cost of comparing 10, 100
        and 1,000 articles of one story, and parse time and peak memory on 12.5, 25 and 50 MB
        inputs; --quick measures for less time
  ci    cargo fmt --check, clippy -D warnings, the tests (nextest if installed, else
        cargo test), `eval --check`, `eval --check --probes` and `conformance --check`,
        stopping at the first failure
  dist  write shell completions (bash, zsh, fish) and man pages into target/dist/
";

/// A task and its options.
enum Task {
    Eval(EvalArgs),
    Conformance(ConformanceArgs),
    Ci,
    /// Run the benchmarks; `true` for a quick run.
    Bench(bool),
    /// Write completions and man pages into `target/dist`.
    Dist,
}

/// Options of `eval`.
struct EvalArgs {
    split: SplitFilter,
    /// Score the probes instead of the gold pairs.
    probes: bool,
    check: bool,
    json: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    if matches!(
        args.first().map(String::as_str),
        Some("help" | "-h" | "--help")
    ) {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let task = match parse(&args) {
        Ok(task) => task,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match task {
        Task::Eval(args) => eval(&args),
        Task::Conformance(args) => conformance::run(&args),
        Task::Ci => ci(),
        Task::Bench(quick) => bench(quick),
        Task::Dist => dist(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            if err.is::<SuitesMissing>() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// Parses the arguments after `xtask`; the error is a one-line usage message.
fn parse(args: &[String]) -> Result<Task, String> {
    let Some((task, rest)) = args.split_first() else {
        return Err("no task given".into());
    };
    match task.as_str() {
        "eval" => parse_eval(rest).map(Task::Eval),
        "conformance" => parse_conformance(rest).map(Task::Conformance),
        "ci" => match rest {
            [] => Ok(Task::Ci),
            [arg, ..] => Err(format!("ci takes no arguments, got `{arg}`")),
        },
        "bench" => match rest {
            [] => Ok(Task::Bench(false)),
            [q] if q == "--quick" => Ok(Task::Bench(true)),
            [arg, ..] => Err(format!("bench takes only --quick, got `{arg}`")),
        },
        "dist" => match rest {
            [] => Ok(Task::Dist),
            [arg, ..] => Err(format!("dist takes no arguments, got `{arg}`")),
        },
        other => Err(format!("unknown task `{other}`")),
    }
}

fn parse_eval(args: &[String]) -> Result<EvalArgs, String> {
    let mut parsed = EvalArgs {
        split: SplitFilter::All,
        probes: false,
        check: false,
        json: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => parsed.check = true,
            "--json" => parsed.json = true,
            "--probes" => parsed.probes = true,
            "--split" => {
                let value = args
                    .next()
                    .ok_or("--split needs a value: dev, test or all")?;
                parsed.split = value.parse().map_err(|e| format!("{e}"))?;
            }
            _ => match arg.strip_prefix("--split=") {
                Some(value) => parsed.split = value.parse().map_err(|e| format!("{e}"))?,
                None => return Err(format!("unknown eval option `{arg}`")),
            },
        }
    }
    Ok(parsed)
}

/// Parses the options of `conformance`; `--verbose` must name a scored file.
fn parse_conformance(args: &[String]) -> Result<ConformanceArgs, String> {
    let mut parsed = ConformanceArgs::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let verbose = match arg.as_str() {
            "--check" => {
                parsed.check = true;
                continue;
            }
            "--json" => {
                parsed.json = true;
                continue;
            }
            "--verbose" => args
                .next()
                .map(String::as_str)
                .ok_or_else(|| format!("--verbose needs a file: {}", conformance::stems()))?,
            _ => arg
                .strip_prefix("--verbose=")
                .ok_or_else(|| format!("unknown conformance option `{arg}`"))?,
        };
        if !conformance::is_stem(verbose) {
            return Err(format!(
                "no conformance file `{verbose}`; one of {}",
                conformance::stems()
            ));
        }
        parsed.verbose = Some(verbose.to_owned());
    }
    Ok(parsed)
}

/// `cargo xtask eval`.
fn eval(args: &EvalArgs) -> Result<()> {
    let root = workspace_root();
    let gate = if args.probes {
        PROBE_THRESHOLDS_PATH
    } else {
        THRESHOLDS_PATH
    };
    // Read the gate before the long build, so a broken file fails at once.
    let thresholds = if args.check {
        Some(Thresholds::load(&root.join(gate))?)
    } else {
        None
    };
    let bin = build_claimdiff(Profile::Release, true)?;
    let evaluation = if args.probes {
        probes::evaluate(&bin, &root)?
    } else {
        run::evaluate(&bin, &root, args.split)?
    };
    let failures = thresholds
        .map(|t| evaluation.check(&t, args.split))
        .unwrap_or_default();
    if args.json {
        let mut report = evaluation.to_json(args.split);
        if args.check {
            report["check"] = json!({"passed": failures.is_empty(), "failures": failures});
        }
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", evaluation.render(args.split));
    }
    if !failures.is_empty() {
        bail!(
            "eval check failed (split {}, gate {gate}):\n  {}\n\
             run `cargo xtask eval --split {}{}` to see every miss",
            args.split,
            failures.join("\n  "),
            args.split,
            if args.probes { " --probes" } else { "" }
        );
    }
    if args.check {
        eprintln!("eval check passed (split {}, gate {gate})", args.split);
    }
    Ok(())
}

/// `cargo xtask ci`.
fn ci() -> Result<()> {
    cargo_step(
        &["fmt", "--all", "--check"],
        "run `cargo fmt --all` to fix the formatting",
    )?;
    cargo_step(
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        "",
    )?;
    if nextest_installed() {
        cargo_step(&["nextest", "run", "--workspace"], "")?;
    } else {
        eprintln!("xtask: cargo-nextest is not installed; running cargo test instead");
        cargo_step(&["test", "--workspace"], "")?;
    }
    for probes in [false, true] {
        eprintln!(
            "==> cargo xtask eval --check{}",
            if probes { " --probes" } else { "" }
        );
        eval(&EvalArgs {
            split: SplitFilter::All,
            probes,
            check: true,
            json: false,
        })?;
    }
    eprintln!("==> cargo xtask conformance --check");
    conformance::run(&ConformanceArgs {
        check: true,
        ..ConformanceArgs::default()
    })
}

/// Runs the criterion benchmarks of the parse and align crates and the parse scale check;
/// their reports (with throughput, time and peak memory) go to the terminal.
fn bench(quick: bool) -> Result<()> {
    let timing: &[&str] = if quick {
        &["--", "--warm-up-time", "1", "--measurement-time", "3"]
    } else {
        &[]
    };
    for (package, name) in [("claimdiff-parse", "parse"), ("claimdiff-align", "compare")] {
        let mut args = vec!["bench", "-p", package, "--bench", name];
        args.extend_from_slice(timing);
        cargo_step(&args, "")?;
    }
    cargo_step(&["bench", "-p", "claimdiff-parse", "--bench", "scale"], "")?;
    batch_bench(if quick { 5 } else { 20 })
}

/// Times `claimdiff batch` (release) over every `data/pairs` folder repeated `repeat` times, at
/// 1 and 2 threads, and prints records (comparisons) per second.
fn batch_bench(repeat: usize) -> Result<()> {
    let bin = build_claimdiff(Profile::Release, true)?;
    let root = workspace_root();
    let mut records = String::new();
    let mut pairs = std::fs::read_dir(root.join("data/pairs"))
        .context("cannot list data/pairs")?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    pairs.sort();
    let mut count = 0;
    for round in 0..repeat {
        for pair in &pairs {
            let mut files = std::fs::read_dir(pair)?
                .map(|e| e.map(|e| e.path().display().to_string()))
                .collect::<std::io::Result<Vec<_>>>()?;
            files.sort();
            records.push_str(
                &json!({"id": format!("{round}-{}", pair.display()), "sources": files}).to_string(),
            );
            records.push('\n');
            count += 1;
        }
    }
    let dir = claimdiff_tests::bin::target_dir().join("bench");
    std::fs::create_dir_all(&dir)?;
    let input = dir.join("batch.jsonl");
    std::fs::write(&input, records)?;
    eprintln!(
        "==> claimdiff batch: {count} records ({} folders × {repeat})",
        pairs.len()
    );
    for jobs in [1, 2] {
        let start = std::time::Instant::now();
        let status = Command::new(&bin)
            .arg("batch")
            .arg(&input)
            .args(["--jobs", &jobs.to_string()])
            .stdout(Stdio::null())
            .status()
            .context("cannot run claimdiff batch")?;
        if !status.success() {
            bail!("claimdiff batch failed ({status})");
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "batch --jobs {jobs}: {count} records in {secs:.2} s, {:.1} records/s",
            count as f64 / secs
        );
    }
    Ok(())
}

/// `cargo xtask dist`: builds `claimdiff` and has it write its completions and man pages into
/// `target/dist`.
fn dist() -> Result<()> {
    let bin = build_claimdiff(Profile::Debug, true)?;
    let dir = claimdiff_tests::bin::target_dir().join("dist");
    let status = Command::new(&bin)
        .arg("dist-assets")
        .arg(&dir)
        .status()
        .with_context(|| format!("cannot run {}", bin.display()))?;
    if !status.success() {
        bail!(
            "`claimdiff dist-assets {}` failed ({status})",
            dir.display()
        );
    }
    Ok(())
}

/// Runs `cargo <args>` in the workspace root with the terminal attached; fails with `hint` if
/// it does not succeed.
fn cargo_step(args: &[&str], hint: &str) -> Result<()> {
    let line = format!("cargo {}", args.join(" "));
    eprintln!("==> {line}");
    let status = Command::new(cargo())
        .current_dir(workspace_root())
        .args(args)
        .status()
        .with_context(|| format!("cannot run `{line}`"))?;
    if !status.success() {
        let hint = if hint.is_empty() {
            String::new()
        } else {
            format!("; {hint}")
        };
        bail!("`{line}` failed ({status}){hint}");
    }
    Ok(())
}

fn nextest_installed() -> bool {
    Command::new(cargo())
        .args(["nextest", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_words(line: &str) -> Result<Task, String> {
        parse(
            &line
                .split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn eval_options() {
        let Ok(Task::Eval(args)) = parse_words("eval --split=test --check --json") else {
            panic!("not parsed as eval");
        };
        assert_eq!(
            (args.split, args.check, args.json),
            (SplitFilter::Test, true, true)
        );
        let Ok(Task::Eval(args)) = parse_words("eval --split dev") else {
            panic!()
        };
        assert_eq!(
            (args.split, args.check, args.json),
            (SplitFilter::Dev, false, false)
        );
    }

    #[test]
    fn conformance_options() {
        let Ok(Task::Conformance(args)) =
            parse_words("conformance --check --json --verbose DateTimeModel")
        else {
            panic!("not parsed as conformance");
        };
        assert_eq!(
            (args.check, args.json, args.verbose.as_deref()),
            (true, true, Some("DateTimeModel"))
        );
        let Ok(Task::Conformance(args)) = parse_words("conformance --verbose=golden_rules_en")
        else {
            panic!()
        };
        assert_eq!(
            (args.check, args.json, args.verbose.as_deref()),
            (false, false, Some("golden_rules_en"))
        );
    }

    #[test]
    fn usage_errors() {
        for line in [
            "",
            "bench --slow",
            "conformance --verbose",
            "conformance --verbose NoSuchModel",
            "conformance -x",
            "eval --split",
            "eval --split train",
            "eval -x",
            "ci x",
            "dist --check",
        ] {
            assert!(parse_words(line).is_err(), "{line:?} was accepted");
        }
    }
}
