//! End-to-end tests of the `claimdiff` command line, run as a user would run it: bad input, a
//! closed pipe, the `claimdiff.report.v1` and `claimdiff.claims.v1` contracts, the seed report's
//! points and the same behaviours on other pairs.
//!
//! Each area is a table of cases checked by one helper. The helpers collect every problem of
//! every case before failing, so one run shows all that is wrong.

use std::{
    collections::{BTreeMap, BTreeSet},
    env,
    ffi::{OsStr, OsString},
    fmt::Write as _,
    fs,
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::{self, Command, ExitStatus, Stdio},
    sync::atomic::{AtomicUsize, Ordering},
    time::SystemTime,
};

use claimdiff_tests::bin::{claimdiff_bin, workspace_root};
use serde_json::Value;

/// The two seed articles, relative to the workspace root.
const SEED_A: &str = "data/pairs/seed-palantir/000_44a0b21695fca2fa.txt";
const SEED_B: &str = "data/pairs/seed-palantir/002_e2c394a76cc2a046.txt";

const REPORT_SCHEMA: &str = "claimdiff.report.v1";
const CLAIMS_SCHEMA: &str = "claimdiff.claims.v1";
const VERDICTS: [&str; 4] = ["agree", "conflict", "distinct", "only_in"];
const FACETS: [&str; 6] = [
    "quantity",
    "time",
    "location",
    "actor",
    "quote",
    "statement",
];

// ---------------------------------------------------------------------------------------------
// Running the binary

/// What one run of `claimdiff` gave.
struct Run {
    args: Vec<OsString>,
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The run for a failure message: the command, its status, stderr and the start of stdout.
    fn describe(&self) -> String {
        let stdout: String = self.stdout.chars().take(600).collect();
        format!(
            "`claimdiff {}` exited with {}\n--- stderr\n{}--- stdout (start)\n{stdout}",
            self.args
                .iter()
                .map(|a| a.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" "),
            self.status,
            self.stderr,
        )
    }

    /// Panics unless the run succeeded with nothing on stderr.
    fn ok(self) -> Run {
        assert!(
            self.status.success() && self.stderr.is_empty(),
            "{}",
            self.describe()
        );
        self
    }

    /// Stdout parsed as JSON, after [`Run::ok`].
    fn json(self) -> Value {
        let run = self.ok();
        serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", run.describe()))
    }
}

/// `claimdiff ARGS` in the workspace root, so the repository's relative paths work. `COLUMNS` is
/// fixed so that table cells wrap the same way whatever terminal runs the tests.
fn command<I, S>(args: I) -> (Command, Vec<OsString>)
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<OsString> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
    let mut cmd = Command::new(claimdiff_bin());
    cmd.current_dir(workspace_root())
        .args(&args)
        .env("COLUMNS", "120")
        .stdin(Stdio::null());
    (cmd, args)
}

/// Runs `claimdiff ARGS` to the end (see [`command`]).
fn claimdiff<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let (mut cmd, args) = command(args);
    let output = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run claimdiff: {e}"));
    Run {
        status: output.status,
        stdout: String::from_utf8(output.stdout)
            .unwrap_or_else(|e| panic!("claimdiff {args:?} wrote stdout that is not UTF-8: {e}")),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        args,
    }
}

/// Fails with every problem found, one per line.
fn assert_no_problems(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// A fresh folder under the system temp dir, unique to one test, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = env::temp_dir().join(format!("claimdiff-cli-{test}-{}-{n}", process::id()));
        // A folder of the same name can only be left by a killed run of an earlier process.
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()));
        TempDir(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

// ---------------------------------------------------------------------------------------------
// Bad input

/// How a bad input is made in the temp dir.
enum Make {
    /// Not at all: the path does not exist.
    Nothing,
    /// As a folder.
    Dir,
    /// As a file with these bytes.
    File(&'static [u8]),
}

/// An input `claimdiff` must refuse, and words of which the reason must contain one.
struct BadInput {
    name: &'static str,
    make: Make,
    reasons: &'static [&'static str],
}

const BAD_INPUTS: &[BadInput] = &[
    BadInput {
        name: "missing.txt",
        make: Make::Nothing,
        reasons: &["no such file", "not found", "does not exist"],
    },
    BadInput {
        name: "folder.txt",
        make: Make::Dir,
        reasons: &["directory", "folder"],
    },
    BadInput {
        name: "empty.txt",
        make: Make::File(b""),
        reasons: &["empty"],
    },
    BadInput {
        name: "blank.txt",
        make: Make::File(b"  \n\t\r\n \n"),
        reasons: &["empty", "blank", "whitespace"],
    },
    // Valid UTF-8 but for the NUL, so only the binary check can refuse it.
    BadInput {
        name: "binary.txt",
        make: Make::File(b"Seven people\0were killed.\n"),
        reasons: &["binary", "nul"],
    },
];

/// Where the bad input goes on the command line.
#[derive(Debug, Clone, Copy)]
enum Slot {
    CompareFirst,
    CompareSecond,
    Claims,
}

impl Slot {
    const ALL: [Slot; 3] = [Slot::CompareFirst, Slot::CompareSecond, Slot::Claims];

    fn args(self, bad: &Path) -> Vec<OsString> {
        let bad = bad.as_os_str().to_owned();
        let good = OsString::from(SEED_A);
        match self {
            Slot::CompareFirst => vec!["compare".into(), bad, good],
            Slot::CompareSecond => vec!["compare".into(), good, bad],
            Slot::Claims => vec!["claims".into(), bad],
        }
    }
}

/// The problems of a run that had to refuse `path`: exit status 2, nothing on stdout, and one
/// line on stderr, `claimdiff: …`, that names the path and gives one of `reasons`.
fn refusal_problems(run: &Run, path: &Path, reasons: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    if run.status.code() != Some(2) {
        problems.push(format!("exit status is {}, expected 2", run.status));
    }
    if !run.stdout.is_empty() {
        problems.push("stdout is not empty".to_owned());
    }
    if run.stderr.contains("panicked") {
        problems.push("stderr reports a panic".to_owned());
    }
    let lines: Vec<&str> = run.stderr.lines().collect();
    let [line] = lines[..] else {
        problems.push(format!("stderr has {} lines, expected 1", lines.len()));
        return problems;
    };
    if !line.starts_with("claimdiff: ") {
        problems.push("stderr does not start with `claimdiff: `".to_owned());
    }
    let shown = path.display().to_string();
    match line.split_once(shown.as_str()) {
        None => problems.push(format!("stderr does not name {shown}")),
        Some((_, reason)) => {
            let reason = reason.to_lowercase();
            if !reasons.iter().any(|r| reason.contains(r)) {
                problems.push(format!(
                    "the reason after the path gives none of {reasons:?}"
                ));
            }
        }
    }
    problems
}

#[test]
fn bad_input_is_refused_with_one_line_naming_the_file() {
    let tmp = TempDir::new("bad-input");
    let mut problems = Vec::new();
    for case in BAD_INPUTS {
        let path = tmp.path().join(case.name);
        match case.make {
            Make::Nothing => {}
            Make::Dir => fs::create_dir(&path).unwrap(),
            Make::File(bytes) => fs::write(&path, bytes).unwrap(),
        }
        for slot in Slot::ALL {
            let run = claimdiff(slot.args(&path));
            for problem in refusal_problems(&run, &path, case.reasons) {
                problems.push(format!(
                    "{} as {slot:?}: {problem}\n    {}",
                    case.name,
                    run.describe().replace('\n', "\n    ")
                ));
            }
        }
    }
    assert_no_problems("bad input", &problems);
}

/// Bytes and modification time of a file.
fn snapshot(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = fs::read(path).unwrap();
    let modified = fs::metadata(path).unwrap().modified().unwrap();
    (bytes, modified)
}

#[test]
fn input_files_are_not_modified() {
    let tmp = TempDir::new("unmodified");
    let root = workspace_root();
    let a = tmp.write("a.txt", &fs::read(root.join(SEED_A)).unwrap());
    let b = tmp.write("b.txt", &fs::read(root.join(SEED_B)).unwrap());
    let before = [snapshot(&a), snapshot(&b)];
    let report = tmp.path().join("report.json");
    let runs: [Vec<&OsStr>; 5] = [
        vec!["compare".as_ref(), a.as_ref(), b.as_ref()],
        vec!["compare".as_ref(), "--all".as_ref(), b.as_ref(), a.as_ref()],
        vec![
            "compare".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            a.as_ref(),
            b.as_ref(),
            "-o".as_ref(),
            report.as_ref(),
        ],
        vec!["claims".as_ref(), a.as_ref()],
        vec![
            "claims".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            b.as_ref(),
        ],
    ];
    for args in runs {
        claimdiff(args).ok();
    }
    let after = [snapshot(&a), snapshot(&b)];
    for ((path, before), after) in [&a, &b].iter().zip(&before).zip(&after) {
        assert!(before.0 == after.0, "{} changed its bytes", path.display());
        assert_eq!(
            before.1,
            after.1,
            "{} changed its modification time",
            path.display()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Broken pipe

/// More than Linux's default pipe capacity (64 KiB) plus what a `BufReader` takes (8 KiB): a
/// writer of more than this must see the pipe close under it.
const MORE_THAN_A_PIPE_HOLDS: usize = 128 * 1024;

/// A command whose reader goes away after the first line.
struct PipeCase {
    args: &'static [&'static str],
    /// Whether the output is longer than [`MORE_THAN_A_PIPE_HOLDS`], so that the write really
    /// fails. The issue's command writes less: the pipe takes all of it before it closes.
    overflows: bool,
}

const PIPE_CASES: &[PipeCase] = &[
    PipeCase {
        args: &["compare", SEED_A, SEED_B],
        overflows: false,
    },
    PipeCase {
        args: &[
            "compare", "--format", "json", SEED_A, SEED_B, SEED_A, SEED_B,
        ],
        overflows: true,
    },
];

/// Whether the process was ended by SIGPIPE (a quiet end for a closed pipe too).
#[cfg(unix)]
fn ended_by_sigpipe(status: ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    const SIGPIPE: i32 = 13;
    status.signal() == Some(SIGPIPE)
}

#[cfg(not(unix))]
fn ended_by_sigpipe(_: ExitStatus) -> bool {
    false
}

#[test]
fn closed_stdout_ends_quietly() {
    let mut problems = Vec::new();
    for case in PIPE_CASES {
        let name = case.args.join(" ");
        if case.overflows {
            let full = claimdiff(case.args).ok().stdout.len();
            assert!(
                full > MORE_THAN_A_PIPE_HOLDS,
                "`{name}` writes {full} bytes, too few to overflow the pipe"
            );
        }
        let (mut cmd, _) = command(case.args);
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run claimdiff: {e}"));
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        reader.read_line(&mut first).unwrap();
        drop(reader);
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        if first.is_empty() {
            problems.push(format!("`{name}`: no first line"));
        }
        if !(output.status.success() || ended_by_sigpipe(output.status)) {
            problems.push(format!("`{name}`: exit status {}", output.status));
        }
        if !stderr.is_empty() {
            problems.push(format!("`{name}`: stderr is not empty:\n{stderr}"));
        }
    }
    assert_no_problems("closed stdout", &problems);
}

// ---------------------------------------------------------------------------------------------
// Spans and positions

/// 1-based line and column (in chars) of byte `offset` of `bytes`; `None` when the offset is
/// not on a character boundary.
fn line_column(bytes: &[u8], offset: usize) -> Option<(u64, u64)> {
    let before = bytes.get(..offset)?;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = std::str::from_utf8(&before[line_start..])
        .ok()?
        .chars()
        .count();
    let line = before.iter().filter(|&&b| b == b'\n').count();
    Some((line as u64 + 1, column as u64 + 1))
}

/// The `[start, end]` of a span as a range within `len`.
fn span_range(span: &Value, len: usize) -> Result<(usize, usize), String> {
    let bounds = span
        .as_array()
        .filter(|a| a.len() == 2)
        .and_then(|a| Some((a[0].as_u64()?, a[1].as_u64()?)))
        .ok_or_else(|| format!("span {span} is not [start, end]"))?;
    let (start, end) = (
        usize::try_from(bounds.0).unwrap(),
        usize::try_from(bounds.1).unwrap(),
    );
    if start > end || end > len {
        return Err(format!("span {span} is not within the file's {len} bytes"));
    }
    Ok((start, end))
}

/// Checks that `file[span] == text`; returns the span's range.
fn check_span(
    problems: &mut Vec<String>,
    at: &str,
    file: &[u8],
    span: &Value,
    text: &str,
) -> Option<(usize, usize)> {
    match span_range(span, file.len()) {
        Err(problem) => {
            problems.push(format!("{at}: {problem}"));
            None
        }
        Ok((start, end)) => {
            if &file[start..end] != text.as_bytes() {
                problems.push(format!(
                    "{at}: file[{start}..{end}] is {:?}, not {text:?}",
                    String::from_utf8_lossy(&file[start..end])
                ));
            }
            Some((start, end))
        }
    }
}

/// The string at `field` of `value`, or a problem.
fn str_field<'a>(problems: &mut Vec<String>, at: &str, value: &'a Value, field: &str) -> &'a str {
    value[field].as_str().unwrap_or_else(|| {
        problems.push(format!("{at}: `{field}` is {}, not a string", value[field]));
        ""
    })
}

/// Checks that `field` of `value` is a string or null.
fn check_optional_str(problems: &mut Vec<String>, at: &str, value: &Value, field: &str) {
    match value.get(field) {
        Some(Value::String(_) | Value::Null) => {}
        other => problems.push(format!(
            "{at}: `{field}` is {other:?}, not a string or null"
        )),
    }
}

/// Checks a `source` object: `id`, `path` as given, `title` and `published` strings or null.
fn check_source(problems: &mut Vec<String>, at: &str, source: &Value, path: &str) -> String {
    let id = str_field(problems, at, source, "id").to_owned();
    let shown = str_field(problems, at, source, "path");
    if shown != path {
        problems.push(format!("{at}: path is {shown:?}, given {path:?}"));
    }
    check_optional_str(problems, at, source, "title");
    check_optional_str(problems, at, source, "published");
    id
}

// ---------------------------------------------------------------------------------------------
// The report contract

/// Every problem of `report` (from `compare --format json PATHS`) with `claimdiff.report.v1`;
/// `PATHS` are relative to the workspace root.
fn report_problems(report: &Value, paths: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    let p = &mut problems;
    if report["schema"] != REPORT_SCHEMA {
        p.push(format!("schema is {}", report["schema"]));
    }
    let Some(sources) = report["sources"].as_array() else {
        p.push("`sources` is not an array".to_owned());
        return problems;
    };
    if sources.len() != paths.len() {
        p.push(format!(
            "{} sources for {} files",
            sources.len(),
            paths.len()
        ));
    }
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (i, (source, path)) in sources.iter().zip(paths).enumerate() {
        let id = check_source(p, &format!("source {i}"), source, path);
        let bytes = fs::read(workspace_root().join(path)).unwrap();
        if files.insert(id.clone(), bytes).is_some() {
            p.push(format!("source id {id:?} is given twice"));
        }
    }

    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    let mut only_in: BTreeMap<String, u64> = files.keys().map(|id| (id.clone(), 0)).collect();
    let mut ids = BTreeSet::new();
    let findings = report["findings"].as_array().map_or(&[][..], Vec::as_slice);
    if !report["findings"].is_array() {
        p.push("`findings` is not an array".to_owned());
    }
    for (i, finding) in findings.iter().enumerate() {
        let id = str_field(p, &format!("finding {i}"), finding, "id");
        let at = format!("finding {id}");
        if !ids.insert(id) {
            p.push(format!("{at}: id is not unique"));
        }
        let verdict = str_field(p, &at, finding, "verdict");
        if let Some(&v) = VERDICTS.iter().find(|&&v| v == verdict) {
            *counts.entry(v).or_default() += 1;
        } else {
            p.push(format!("{at}: unknown verdict {verdict:?}"));
        }
        let facet = str_field(p, &at, finding, "facet");
        if !FACETS.contains(&facet) {
            p.push(format!("{at}: unknown facet {facet:?}"));
        }
        str_field(p, &at, finding, "topic");
        str_field(p, &at, finding, "explanation");
        match finding["confidence"].as_f64() {
            Some(c) if (0.0..=1.0).contains(&c) => {}
            _ => p.push(format!(
                "{at}: confidence {} is not a number in 0..=1",
                finding["confidence"]
            )),
        }
        let claims = finding["claims"].as_array().map_or(&[][..], Vec::as_slice);
        if claims.is_empty() {
            p.push(format!("{at}: no claims"));
        }
        let mut claim_sources = BTreeSet::new();
        for (j, claim) in claims.iter().enumerate() {
            let at = format!("{at} claim {j}");
            let source = str_field(p, &at, claim, "source");
            claim_sources.insert(source.to_owned());
            let sentence = str_field(p, &at, claim, "sentence");
            let raw = str_field(p, &at, claim, "raw");
            str_field(p, &at, claim, "value");
            let Some(file) = files.get(source) else {
                p.push(format!("{at}: unknown source {source:?}"));
                continue;
            };
            let Some((start, end)) = check_span(p, &at, file, &claim["span"], raw) else {
                continue;
            };
            let stated = (claim["line"].as_u64(), claim["column"].as_u64());
            match line_column(file, start) {
                Some((line, column)) if stated == (Some(line), Some(column)) => {}
                actual => p.push(format!(
                    "{at} ({raw:?}): line/column are {}/{}, the span starts at {actual:?}",
                    claim["line"], claim["column"]
                )),
            }
            let sentence_covers_span = file
                .windows(sentence.len().max(1))
                .enumerate()
                .any(|(k, w)| w == sentence.as_bytes() && k <= start && end <= k + w.len());
            if !sentence_covers_span {
                p.push(format!(
                    "{at} ({raw:?}): the span is not inside the sentence {sentence:?} in the file"
                ));
            }
        }
        if verdict == "only_in" {
            match claim_sources.iter().collect::<Vec<_>>()[..] {
                [source] => *only_in.entry(source.clone()).or_default() += 1,
                _ => p.push(format!("{at}: only_in with claims from {claim_sources:?}")),
            }
        }
    }

    let summary = &report["summary"];
    for verdict in ["agree", "conflict", "distinct"] {
        let counted = counts.get(verdict).copied().unwrap_or(0);
        if summary[verdict].as_u64() != Some(counted) {
            p.push(format!(
                "summary.{verdict} is {}, but {counted} findings are {verdict}",
                summary[verdict]
            ));
        }
    }
    let expected_only_in: serde_json::Map<String, Value> = only_in
        .into_iter()
        .map(|(id, n)| (id, Value::from(n)))
        .collect();
    if summary["only_in"] != Value::Object(expected_only_in.clone()) {
        p.push(format!(
            "summary.only_in is {}, the only_in findings count {}",
            summary["only_in"],
            Value::Object(expected_only_in)
        ));
    }
    problems
}

/// The article pairs in `data/pairs`: each folder's files, sorted, relative to the root.
fn data_pairs() -> Vec<(String, Vec<String>)> {
    let root = workspace_root();
    let mut pairs: Vec<(String, Vec<String>)> = fs::read_dir(root.join("data/pairs"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .map(|name| {
            let mut files: Vec<String> = fs::read_dir(root.join("data/pairs").join(&name))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .map(|file| format!("data/pairs/{name}/{file}"))
                .collect();
            files.sort();
            (name, files)
        })
        .collect();
    pairs.sort();
    pairs
}

#[test]
fn report_json_keeps_the_contract_on_every_pair() {
    let pairs = data_pairs();
    for needed in ["seed-palantir", "quake-toll", "rail-strike"] {
        assert!(
            pairs.iter().any(|(name, _)| name == needed),
            "data/pairs/{needed} is gone"
        );
    }
    let mut problems = Vec::new();
    for (name, files) in &pairs {
        let args: Vec<&str> = ["compare", "--format", "json"]
            .into_iter()
            .chain(files.iter().map(String::as_str))
            .collect();
        let first = claimdiff(&args).ok();
        let second = claimdiff(&args).ok();
        if first.stdout != second.stdout {
            problems.push(format!("{name}: two runs differ"));
        }
        match serde_json::from_str::<Value>(&first.stdout) {
            Err(e) => problems.push(format!("{name}: not JSON: {e}")),
            Ok(report) => problems.extend(
                report_problems(&report, files)
                    .into_iter()
                    .map(|problem| format!("{name}: {problem}")),
            ),
        }
    }
    assert_no_problems("claimdiff.report.v1", &problems);
}

// ---------------------------------------------------------------------------------------------
// The claims contract

const FACT_FACETS: [&str; 5] = ["quantity", "time", "location", "actor", "quote"];

/// Every problem of `doc` (from `claims --format json PATH`) with `claimdiff.claims.v1`;
/// `file` is the article's bytes.
fn claims_problems(doc: &Value, path: &str, file: &[u8]) -> Vec<String> {
    let mut problems = Vec::new();
    let p = &mut problems;
    if doc["schema"] != CLAIMS_SCHEMA {
        p.push(format!("schema is {}", doc["schema"]));
    }
    check_source(p, "source", &doc["source"], path);
    let sentences = doc["sentences"].as_array().map_or(&[][..], Vec::as_slice);
    if sentences.is_empty() {
        p.push("no sentences".to_owned());
    }
    let mut previous_end = 0;
    for (i, sentence) in sentences.iter().enumerate() {
        let at = format!("sentence {i}");
        if sentence["index"].as_u64() != Some(i as u64) {
            p.push(format!("{at}: index is {}", sentence["index"]));
        }
        let text = str_field(p, &at, sentence, "text");
        let Some((start, end)) = check_span(p, &at, file, &sentence["span"], text) else {
            continue;
        };
        if start < previous_end {
            p.push(format!("{at}: starts before the previous sentence ends"));
        }
        previous_end = end;
        let line = line_column(file, start).map(|(line, _)| line);
        if sentence["line"].as_u64() != line {
            p.push(format!(
                "{at}: line is {}, the span starts on line {line:?}",
                sentence["line"]
            ));
        }
        let Some(facts) = sentence["facts"].as_array() else {
            p.push(format!("{at}: `facts` is not an array"));
            continue;
        };
        for (j, fact) in facts.iter().enumerate() {
            let at = format!("{at} fact {j}");
            let facet = str_field(p, &at, fact, "facet");
            if !FACT_FACETS.contains(&facet) {
                p.push(format!("{at}: unknown facet {facet:?}"));
            }
            let raw = str_field(p, &at, fact, "raw");
            str_field(p, &at, fact, "value");
            if let Some((fact_start, fact_end)) = check_span(p, &at, file, &fact["span"], raw)
                && (fact_start < start || fact_end > end)
            {
                p.push(format!("{at} ({raw:?}): the span is outside its sentence"));
            }
        }
    }
    problems
}

/// `claims --format json PATH` checked against the contract.
fn check_claims(path: &str) {
    let doc = claimdiff(["claims", "--format", "json", path]).json();
    let file = fs::read(workspace_root().join(path)).unwrap();
    assert_no_problems(
        &format!("claimdiff.claims.v1 of {path}"),
        &claims_problems(&doc, path, &file),
    );
}

#[test]
fn claims_json_keeps_the_contract() {
    let tmp = TempDir::new("claims-contract");
    let crlf = tmp.write(
        "crlf.txt",
        "Quake kills dozens\r\n\r\nAt least 58 people died on 7 October, officials said.\r\n\
         Rescuers pulled 12 more from the rubble in \u{201c}terrible\u{201d} conditions.\r\n"
            .as_bytes(),
    );
    for path in [
        SEED_A,
        "data/pairs/quake-toll/b.txt",
        crlf.to_str().unwrap(),
    ] {
        check_claims(path);
    }
}

/// Regression: a UTF-8 byte order mark is skipped before parsing, and the spans must still
/// count it, since they index the file's bytes.
#[test]
fn spans_count_a_byte_order_mark() {
    let tmp = TempDir::new("bom");
    let bom = tmp.write(
        "bom.txt",
        "\u{feff}Quake kills dozens\n\nAt least 58 people died on 7 October.\n".as_bytes(),
    );
    check_claims(bom.to_str().unwrap());
}

/// A plain-text article and the headline it has, if any.
struct HeadlineCase {
    text: &'static str,
    headline: Option<&'static str>,
}

const HEADLINE_CASES: &[HeadlineCase] = &[
    HeadlineCase {
        text: "Headline\n\nBody sentence one. Body two.\n",
        headline: Some("Headline"),
    },
    HeadlineCase {
        text: "First line.\nSecond line.\n",
        headline: None,
    },
    HeadlineCase {
        text: "Headline\r\n\r\nBody sentence one.\r\n",
        headline: Some("Headline"),
    },
    HeadlineCase {
        text: "Only one line without a full stop\n",
        headline: None,
    },
];

#[test]
fn first_line_is_a_headline_only_before_a_blank_line() {
    let tmp = TempDir::new("headline");
    let mut problems = Vec::new();
    for (i, case) in HEADLINE_CASES.iter().enumerate() {
        let path = tmp.write(&format!("case{i}.txt"), case.text.as_bytes());
        let doc = claimdiff([
            "claims".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            path.as_os_str(),
        ])
        .json();
        let at = format!("{:?}", case.text);
        let title = &doc["source"]["title"];
        if *title != case.headline.map_or(Value::Null, Value::from) {
            problems.push(format!("{at}: title is {title}"));
        }
        let sentences = doc["sentences"].as_array().map_or(&[][..], Vec::as_slice);
        let headlines: Vec<&Value> = sentences
            .iter()
            .filter(|s| s["headline"] == true)
            .map(|s| &s["text"])
            .collect();
        let expected: Vec<Value> = case.headline.into_iter().map(Value::from).collect();
        if headlines.iter().copied().ne(expected.iter()) {
            problems.push(format!("{at}: headline sentences are {headlines:?}"));
        }
        if case.headline.is_some()
            && sentences.first().map(|s| &s["headline"]) != Some(&true.into())
        {
            problems.push(format!("{at}: the first sentence is not the headline"));
        }
    }
    assert_no_problems("headlines", &problems);
}

// ---------------------------------------------------------------------------------------------
// Findings a report must have

/// What one claim of a finding must show.
#[derive(Debug)]
enum Needle {
    /// `raw` is exactly this.
    Raw(&'static str),
    /// `raw` contains this.
    RawHas(&'static str),
    /// `sentence` contains this.
    Sentence(&'static str),
}

impl Needle {
    fn matches(&self, claim: &Value) -> bool {
        let field = |name: &str| claim[name].as_str().unwrap_or("");
        match *self {
            Needle::Raw(s) => field("raw") == s,
            Needle::RawHas(s) => field("raw").contains(s),
            Needle::Sentence(s) => field("sentence").contains(s),
        }
    }
}

/// A finding a two-source report must have: its verdict and facet, and for each needle of `a`
/// (of `b`) a claim of source A (of B) that it matches; `explanation`, if given, is part of the
/// finding's explanation.
struct Point {
    verdict: &'static str,
    facet: &'static str,
    a: &'static [Needle],
    b: &'static [Needle],
    explanation: Option<&'static str>,
}

impl Point {
    fn matches(&self, finding: &Value) -> bool {
        let claims = finding["claims"].as_array().map_or(&[][..], Vec::as_slice);
        let side = |source: &str, needles: &[Needle]| {
            needles.iter().all(|needle| {
                claims
                    .iter()
                    .any(|c| c["source"] == source && needle.matches(c))
            })
        };
        finding["verdict"] == self.verdict
            && finding["facet"] == self.facet
            && side("A", self.a)
            && side("B", self.b)
            && self.explanation.is_none_or(|e| {
                finding["explanation"]
                    .as_str()
                    .is_some_and(|x| x.contains(e))
            })
    }
}

/// A finding for a failure message: id, verdict, facet, explanation and each claim's raw.
fn show_finding(finding: &Value) -> String {
    let mut out = format!(
        "{} {} [{}] {}",
        finding["id"], finding["verdict"], finding["facet"], finding["explanation"]
    );
    for claim in finding["claims"].as_array().map_or(&[][..], Vec::as_slice) {
        let _ = write!(out, "\n      {}: {}", claim["source"], claim["raw"]);
    }
    out
}

/// The points of `points` that no finding of `report` has, each with the findings of the same
/// verdict and facet that came nearest.
fn missing_points(report: &Value, points: &[Point]) -> Vec<String> {
    let findings = report["findings"].as_array().map_or(&[][..], Vec::as_slice);
    points
        .iter()
        .filter(|point| !findings.iter().any(|f| point.matches(f)))
        .map(|point| {
            let mut message = format!(
                "no {} {} finding with A {:?}, B {:?}, explanation {:?}",
                point.verdict, point.facet, point.a, point.b, point.explanation
            );
            for f in findings
                .iter()
                .filter(|f| f["verdict"] == point.verdict && f["facet"] == point.facet)
            {
                let _ = write!(message, "\n    near: {}", show_finding(f));
            }
            message
        })
        .collect()
}

/// `compare --format json` of a pair in `data/pairs`.
fn pair_report(pair: &str) -> Value {
    let files = data_pairs()
        .into_iter()
        .find(|(name, _)| name == pair)
        .unwrap_or_else(|| panic!("no data/pairs/{pair}"))
        .1;
    let args: Vec<&str> = ["compare", "--format", "json"]
        .into_iter()
        .chain(files.iter().map(String::as_str))
        .collect();
    claimdiff(args).json()
}

/// Checks that the report of `pair` has every point.
fn check_points(pair: &str, points: &[Point]) {
    assert_no_problems(pair, &missing_points(&pair_report(pair), points));
}

/// The seed report's points, from the issue.
const SEED_POINTS: &[Point] = &[
    Point {
        verdict: "conflict",
        facet: "location",
        a: &[Needle::Sentence("headquarters in Waterloo")],
        b: &[Needle::Sentence("London office of US tech firm Palantir")],
        explanation: None,
    },
    Point {
        verdict: "agree",
        facet: "quantity",
        a: &[Needle::Raw("£330million")],
        b: &[Needle::RawHas("£330 million")],
        explanation: Some("$417 million"),
    },
    Point {
        verdict: "agree",
        facet: "quantity",
        a: &[Needle::RawHas("seven-year")],
        b: &[Needle::RawHas("seven years")],
        explanation: None,
    },
    Point {
        verdict: "agree",
        facet: "time",
        a: &[Needle::RawHas("October 7")],
        b: &[Needle::RawHas("7 October")],
        explanation: None,
    },
    Point {
        verdict: "agree",
        facet: "actor",
        a: &[Needle::RawHas("Alex Karp")],
        b: &[Needle::RawHas("Alex Karp")],
        explanation: None,
    },
    Point {
        verdict: "agree",
        facet: "actor",
        a: &[Needle::RawHas("medics")],
        b: &[Needle::RawHas("Health workers")],
        explanation: None,
    },
    Point {
        verdict: "agree",
        facet: "statement",
        a: &[Needle::Sentence("call for a contract to be scrapped")],
        b: &[Needle::Sentence("cancel a contract")],
        explanation: None,
    },
    // Seven aid workers in one strike; 20,000 in the war and 1,139 on 7 October: never a conflict.
    Point {
        verdict: "distinct",
        facet: "quantity",
        a: &[Needle::Raw("seven")],
        b: &[Needle::RawHas("20,000"), Needle::RawHas("1,139")],
        explanation: None,
    },
];

/// Values whose difference is no conflict: when the protest was reported, not when it was.
const SEED_NOT_IN_CONFLICTS: [&str; 2] = ["this morning", "Monday"];

#[test]
fn seed_report_makes_the_issue_points() {
    let report = pair_report("seed-palantir");
    let mut problems = missing_points(&report, SEED_POINTS);
    let findings = report["findings"].as_array().map_or(&[][..], Vec::as_slice);
    let conflicts: Vec<&Value> = findings
        .iter()
        .filter(|f| f["verdict"] == "conflict")
        .collect();
    if conflicts.len() != 1 || conflicts[0]["facet"] != "location" {
        problems.push(format!(
            "expected exactly one conflict, about location; got {}:\n    {}",
            conflicts.len(),
            conflicts
                .iter()
                .map(|f| show_finding(f))
                .collect::<Vec<_>>()
                .join("\n    ")
        ));
    }
    for conflict in conflicts {
        let claims = conflict["claims"].as_array().map_or(&[][..], Vec::as_slice);
        for value in SEED_NOT_IN_CONFLICTS {
            let value = value.to_lowercase();
            if claims.iter().any(|c| {
                c["raw"]
                    .as_str()
                    .is_some_and(|raw| raw.to_lowercase().contains(&value))
            }) {
                problems.push(format!(
                    "a conflict is about {value:?}: {}",
                    show_finding(conflict)
                ));
            }
        }
    }
    assert_no_problems("seed report", &problems);
}

#[test]
fn quake_toll_conflict_and_date_agreement() {
    check_points(
        "quake-toll",
        &[
            Point {
                verdict: "conflict",
                facet: "quantity",
                a: &[Needle::RawHas("At least 58")],
                b: &[Needle::RawHas("Forty-six")],
                explanation: None,
            },
            Point {
                verdict: "agree",
                facet: "time",
                a: &[Needle::RawHas("Oct. 7")],
                b: &[Needle::RawHas("7 October")],
                explanation: None,
            },
        ],
    );
}

#[test]
fn rail_strike_location_and_quote_conflicts() {
    check_points(
        "rail-strike",
        &[
            Point {
                verdict: "conflict",
                facet: "location",
                a: &[Needle::RawHas("Waterloo")],
                b: &[Needle::RawHas("Victoria")],
                explanation: None,
            },
            Point {
                verdict: "conflict",
                facet: "quote",
                a: &[Needle::RawHas("no choice")],
                b: &[Needle::RawHas("no option")],
                explanation: None,
            },
        ],
    );
}

#[test]
fn court_fraud_trial_date_conflict() {
    check_points(
        "court-fraud-trial",
        &[Point {
            verdict: "conflict",
            facet: "time",
            a: &[Needle::RawHas("12 September")],
            b: &[Needle::RawHas("September 21")],
            explanation: None,
        }],
    );
}

// ---------------------------------------------------------------------------------------------
// The table

/// The table's last line for a report summary: `1 conflict, 1 distinct, 8 agreements; only in
/// A: 20, only in B: 9`.
fn summary_line(summary: &Value) -> String {
    let count = |n: &Value, word: &str| {
        let n = n.as_u64().unwrap();
        format!("{n} {word}{}", if n == 1 { "" } else { "s" })
    };
    let only_in = summary["only_in"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, n)| format!("only in {id}: {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{}, {} distinct, {}; {only_in}",
        count(&summary["conflict"], "conflict"),
        summary["distinct"],
        count(&summary["agree"], "agreement"),
    )
}

/// The last line of `text` that is not blank.
fn last_line(text: &str) -> &str {
    text.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

#[test]
fn seed_table_shows_the_conflict_and_counts_the_rest() {
    let report = claimdiff(["compare", "--format", "json", SEED_A, SEED_B]).json();
    let table = claimdiff(["compare", SEED_A, SEED_B]).ok().stdout;
    for word in ["conflict", "protest location"] {
        assert!(table.contains(word), "no {word:?} in the table:\n{table}");
    }
    assert!(!table.contains('\x1b'), "colours in piped output:\n{table}");
    assert!(
        !table.contains("only_in"),
        "only_in rows without --all:\n{table}"
    );
    assert_eq!(
        last_line(&table),
        format!("{} (--all lists them)", summary_line(&report["summary"]))
    );
}

#[test]
fn seed_table_with_all_lists_the_only_in_rows() {
    let report = claimdiff(["compare", "--format", "json", SEED_A, SEED_B]).json();
    let table = claimdiff(["compare", "--all", SEED_A, SEED_B]).ok().stdout;
    assert_eq!(last_line(&table), summary_line(&report["summary"]));
    let only_in: u64 = report["summary"]["only_in"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    let rows = table.lines().filter(|l| l.contains("only_in")).count() as u64;
    assert!(
        only_in > 0 && rows >= only_in,
        "{rows} table lines show only_in, the report has {only_in} only_in findings:\n{table}"
    );
}

// ---------------------------------------------------------------------------------------------
// Command line

#[test]
fn version_is_the_package_version() {
    let run = claimdiff(["--version"]).ok();
    assert_eq!(
        run.stdout,
        format!("claimdiff {}\n", env!("CARGO_PKG_VERSION"))
    );
}

/// Arguments that are a usage error, and what the message must mention.
const USAGE_ERRORS: &[(&[&str], &str)] = &[
    // One file may hold several articles (JSON Lines), so one file is a usage error only when
    // it holds one.
    (&["compare", SEED_A], "two or more articles"),
    (&["compare"], "Usage: claimdiff compare"),
    (&["claims"], "Usage: claimdiff claims"),
    (&[], "Usage: claimdiff"),
    (&["frobnicate"], "frobnicate"),
    (&["compare", SEED_A, SEED_B, "--format", "xml"], "xml"),
];

#[test]
fn usage_errors_exit_2() {
    let mut problems = Vec::new();
    for &(args, mention) in USAGE_ERRORS {
        let run = claimdiff(args);
        if run.status.code() != Some(2)
            || !run.stdout.is_empty()
            || !run.stderr.contains(mention)
            || run.stderr.contains("panicked")
        {
            problems.push(format!(
                "expected exit 2, empty stdout, stderr mentioning {mention:?}:\n    {}",
                run.describe().replace('\n', "\n    ")
            ));
        }
    }
    assert_no_problems("usage errors", &problems);
}

#[test]
fn output_flag_writes_the_report_and_prints_nothing() {
    let tmp = TempDir::new("output-flag");
    for format in ["table", "json"] {
        let path = tmp.path().join(format!("report.{format}"));
        let run = claimdiff([
            "compare".as_ref(),
            "--format".as_ref(),
            format.as_ref(),
            SEED_A.as_ref(),
            SEED_B.as_ref(),
            "-o".as_ref(),
            path.as_os_str(),
        ])
        .ok();
        assert_eq!(run.stdout, "", "{format}: stdout is not empty");
        let written = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{format}: cannot read {}: {e}", path.display()));
        let printed = claimdiff(["compare", "--format", format, SEED_A, SEED_B])
            .ok()
            .stdout;
        assert_eq!(
            written, printed,
            "{format}: -o wrote other than stdout shows"
        );
    }
}
