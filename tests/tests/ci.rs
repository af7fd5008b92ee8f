//! claimdiff in CI: `compare --fail-on`, `baseline` and `check` exit codes, fingerprints that
//! survive unrelated edits, and the `markdown` and `github` formats.

use std::{
    collections::BTreeSet,
    ffi::OsString,
    fs,
    path::{Path, PathBuf},
};

use claimdiff_tests::bin::workspace_root;
use serde_json::Value;

use crate::support::{
    Run, SEED_A, SEED_B, TempDir, args_with_files, assert_no_problems, claimdiff, data_pairs,
    pair_files,
};

// ---------------------------------------------------------------------------------------------
// compare --fail-on

/// `compare --fail-on VERDICT` over a pair, and the exit code it must give.
struct FailOnCase {
    pair: &'static str,
    fail_on: Option<&'static str>,
    code: i32,
}

const FAIL_ON_CASES: &[FailOnCase] = &[
    // The seed pair has one conflict and one distinct finding.
    FailOnCase {
        pair: "seed-palantir",
        fail_on: None,
        code: 0,
    },
    FailOnCase {
        pair: "seed-palantir",
        fail_on: Some("conflict"),
        code: 1,
    },
    FailOnCase {
        pair: "seed-palantir",
        fail_on: Some("distinct"),
        code: 1,
    },
    FailOnCase {
        pair: "seed-palantir",
        fail_on: Some("any"),
        code: 1,
    },
    // No conflict and no distinct figures.
    FailOnCase {
        pair: "takeover-bid",
        fail_on: None,
        code: 0,
    },
    FailOnCase {
        pair: "takeover-bid",
        fail_on: Some("conflict"),
        code: 0,
    },
    FailOnCase {
        pair: "takeover-bid",
        fail_on: Some("distinct"),
        code: 0,
    },
    FailOnCase {
        pair: "takeover-bid",
        fail_on: Some("any"),
        code: 0,
    },
];

fn compare_args(files: &[String], format: &str, fail_on: Option<&str>) -> Vec<OsString> {
    let mut head = vec!["compare", "--format", format];
    if let Some(verdict) = fail_on {
        head.extend(["--fail-on", verdict]);
    }
    args_with_files(&head, files)
}

#[test]
fn fail_on_exits_1_only_when_a_finding_of_that_verdict_exists() {
    let mut problems = Vec::new();
    for case in FAIL_ON_CASES {
        let files = pair_files(case.pair);
        let plain = claimdiff(compare_args(&files, "json", None)).json();
        let run = claimdiff(compare_args(&files, "json", case.fail_on));
        let at = format!("{} --fail-on {:?}", case.pair, case.fail_on);
        if run.code != Some(case.code) {
            problems.push(format!(
                "{at}: expected exit {}: {}",
                case.code,
                run.describe()
            ));
        }
        // Failing still writes the whole report.
        if serde_json::from_str::<Value>(&run.stdout).ok().as_ref() != Some(&plain) {
            problems.push(format!("{at}: stdout is not the report"));
        }
        if case.code == 1 && run.stderr.lines().count() != 1 {
            problems.push(format!(
                "{at}: expected one line saying why: {}",
                run.describe()
            ));
        }
    }
    assert_no_problems("--fail-on", &problems);
}

/// On every pair, `--fail-on` agrees with the report's own summary.
#[test]
fn fail_on_agrees_with_the_summary_on_every_pair() {
    let mut problems = Vec::new();
    for (pair, files) in data_pairs() {
        let report = claimdiff(compare_args(&files, "json", None)).json();
        let count = |verdict: &str| report["summary"][verdict].as_u64().unwrap_or(0);
        for (fail_on, fails) in [
            ("conflict", count("conflict") > 0),
            ("distinct", count("distinct") > 0),
            ("any", count("conflict") + count("distinct") > 0),
        ] {
            let run = claimdiff(compare_args(&files, "github", Some(fail_on)));
            if run.code != Some(i32::from(fails)) {
                problems.push(format!("{pair} --fail-on {fail_on}: {}", run.describe()));
            }
        }
    }
    assert_no_problems("--fail-on over data/pairs", &problems);
}

// ---------------------------------------------------------------------------------------------
// baseline and check

/// Runs `claimdiff baseline FILES -o OUT` and returns the baseline written.
fn write_baseline<P: AsRef<std::ffi::OsStr>>(files: &[P], out: &Path) -> Value {
    let mut args = args_with_files(&["baseline"], files);
    args.extend(["-o".into(), out.as_os_str().to_owned()]);
    let run = claimdiff(args).expect_code(0);
    assert_eq!(run.stdout, "", "baseline -o printed to stdout");
    let text =
        fs::read_to_string(out).unwrap_or_else(|e| panic!("cannot read {}: {e}", out.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("baseline is not JSON: {e}"))
}

fn check_run<P: AsRef<std::ffi::OsStr>>(files: &[P], baseline: Option<&Path>) -> Run {
    let mut args = args_with_files(&["check"], files);
    if let Some(path) = baseline {
        args.extend(["--baseline".into(), path.as_os_str().to_owned()]);
    }
    claimdiff(args)
}

/// The fingerprints of a baseline's findings of one verdict.
fn fingerprints(baseline: &Value, verdict: &str) -> BTreeSet<String> {
    baseline["findings"]
        .as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter(|f| f["verdict"] == verdict)
        .filter_map(|f| f["fingerprint"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn baseline_then_check_passes_on_every_pair() {
    let tmp = TempDir::new("round-trip");
    let mut problems = Vec::new();
    for (pair, files) in data_pairs() {
        let path = tmp.path().join(format!("{pair}.json"));
        let baseline = write_baseline(&files, &path);
        let report = claimdiff(compare_args(&files, "json", None)).json();
        let conflicts = report["summary"]["conflict"].as_u64().unwrap_or(0);
        // Two conflicts saying the same thing share a fingerprint, so there may be fewer.
        let accepted = fingerprints(&baseline, "conflict").len() as u64;
        if accepted > conflicts || (accepted == 0) != (conflicts == 0) {
            problems.push(format!(
                "{pair}: {conflicts} conflicts but baseline conflicts {:?}",
                fingerprints(&baseline, "conflict")
            ));
        }
        let run = check_run(&files, Some(&path));
        if run.code != Some(0) || !run.stdout.starts_with("no new conflicts") {
            problems.push(format!("{pair}: {}", run.describe()));
        }
    }
    assert_no_problems("baseline -> check", &problems);
}

/// `check PAIR [--baseline OF]`, and the exit code it must give.
struct CheckCase {
    pair: &'static str,
    baseline_of: Option<&'static str>,
    code: i32,
}

const CHECK_CASES: &[CheckCase] = &[
    // Without a baseline every conflict fails.
    CheckCase {
        pair: "seed-palantir",
        baseline_of: None,
        code: 1,
    },
    CheckCase {
        pair: "takeover-bid",
        baseline_of: None,
        code: 0,
    },
    CheckCase {
        pair: "seed-palantir",
        baseline_of: Some("seed-palantir"),
        code: 0,
    },
    // A baseline of another story accepts none of this one's conflicts.
    CheckCase {
        pair: "seed-palantir",
        baseline_of: Some("quake-toll"),
        code: 1,
    },
    CheckCase {
        pair: "quake-toll",
        baseline_of: Some("seed-palantir"),
        code: 1,
    },
    // Nothing to fail on, whatever the baseline.
    CheckCase {
        pair: "takeover-bid",
        baseline_of: Some("seed-palantir"),
        code: 0,
    },
];

#[test]
fn check_fails_on_conflicts_the_baseline_does_not_accept() {
    let tmp = TempDir::new("check");
    let mut problems = Vec::new();
    for case in CHECK_CASES {
        let baseline = case.baseline_of.map(|of| {
            let path = tmp.path().join(format!("{of}.json"));
            write_baseline(&pair_files(of), &path);
            path
        });
        let files = pair_files(case.pair);
        let run = check_run(&files, baseline.as_deref());
        let at = format!("check {} --baseline {:?}", case.pair, case.baseline_of);
        if run.code != Some(case.code) || !run.stderr.is_empty() {
            problems.push(format!(
                "{at}: expected exit {}: {}",
                case.code,
                run.describe()
            ));
            continue;
        }
        // Each new conflict is printed with its topic, and each claim as path:line:column.
        let report = claimdiff(compare_args(&files, "json", None)).json();
        let news = run
            .stdout
            .lines()
            .filter(|l| l.starts_with("new conflict "))
            .count();
        let expected_news = if case.code == 1 {
            report["summary"]["conflict"].as_u64().unwrap_or(0) as usize
        } else {
            0
        };
        if news != expected_news {
            problems.push(format!(
                "{at}: {news} `new conflict` lines, expected {expected_news}:\n{}",
                run.stdout
            ));
        }
        if case.code == 1 {
            for f in report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["verdict"] == "conflict")
            {
                let topic = f["topic"].as_str().unwrap();
                if !run.stdout.contains(topic) {
                    problems.push(format!("{at}: topic {topic:?} not printed"));
                }
                for c in f["claims"].as_array().unwrap() {
                    let i = c["source"].as_str().unwrap().as_bytes()[0] - b'A';
                    let at_line =
                        format!("{}:{}:{}: ", files[usize::from(i)], c["line"], c["column"]);
                    if !run.stdout.contains(&at_line) {
                        problems.push(format!("{at}: {at_line:?} not printed"));
                    }
                }
            }
        }
    }
    assert_no_problems("check", &problems);
}

/// A baseline file `check` cannot use, and a word its one-line reason must contain.
struct BadBaseline {
    name: &'static str,
    contents: Option<&'static str>,
    reason: &'static str,
}

const BAD_BASELINES: &[BadBaseline] = &[
    BadBaseline {
        name: "missing.json",
        contents: None,
        reason: "no such file",
    },
    BadBaseline {
        name: "truncated.json",
        contents: Some("{\"schema\": \"claimdiff.baseline.v1\", \"findings\": ["),
        reason: "not json",
    },
    BadBaseline {
        name: "report.json",
        contents: Some("{\"schema\": \"claimdiff.report.v1\", \"findings\": []}"),
        reason: "not a claimdiff baseline",
    },
    BadBaseline {
        name: "no-fingerprint.json",
        contents: Some(
            "{\"schema\": \"claimdiff.baseline.v1\", \"findings\": [{\"verdict\": \"conflict\"}]}",
        ),
        reason: "fingerprint",
    },
];

#[test]
fn a_bad_baseline_exits_2_with_one_line_naming_it() {
    let tmp = TempDir::new("bad-baseline");
    let mut problems = Vec::new();
    for case in BAD_BASELINES {
        let path = match case.contents {
            Some(text) => tmp.write(case.name, text.as_bytes()),
            None => tmp.path().join(case.name),
        };
        let run = check_run(&[SEED_A, SEED_B], Some(&path));
        let lines: Vec<&str> = run.stderr.lines().collect();
        let ok = run.code == Some(2)
            && run.stdout.is_empty()
            && matches!(lines[..], [line] if line.starts_with("claimdiff: ")
                && line.contains(&path.display().to_string())
                && line.to_lowercase().contains(case.reason));
        if !ok {
            problems.push(format!(
                "{}: expected exit 2 and one line naming the file and {:?}: {}",
                case.name,
                case.reason,
                run.describe()
            ));
        }
    }
    assert_no_problems("bad baselines", &problems);
}

// ---------------------------------------------------------------------------------------------
// Fingerprints

/// How a copy of one article of a pair is changed.
enum Edit {
    /// Text added at the end.
    Append(&'static str),
    /// Text inserted before the first occurrence of a phrase.
    InsertBefore(&'static str, &'static str),
    /// The first occurrence of a phrase replaced.
    Replace(&'static str, &'static str),
}

impl Edit {
    fn apply(&self, text: &str) -> String {
        let at = |phrase: &str| {
            text.find(phrase)
                .unwrap_or_else(|| panic!("{phrase:?} is not in the article"))
        };
        match *self {
            Edit::Append(added) => format!("{text}{added}"),
            Edit::InsertBefore(phrase, added) => {
                let i = at(phrase);
                format!("{}{added}{}", &text[..i], &text[i..])
            }
            Edit::Replace(phrase, with) => {
                let i = at(phrase);
                format!("{}{with}{}", &text[..i], &text[i + phrase.len()..])
            }
        }
    }
}

/// Copies of `files` (relative to the workspace root) in the new folder `dir`, the `edited`-th
/// changed by `edit`.
fn edited_copies(dir: &Path, files: &[String], edited: usize, edit: &Edit) -> Vec<PathBuf> {
    let root = workspace_root();
    fs::create_dir(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    files
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let text = fs::read_to_string(root.join(file)).unwrap();
            let text = if i == edited { edit.apply(&text) } else { text };
            let copy = dir.join(Path::new(file).file_name().unwrap());
            fs::write(&copy, text).unwrap();
            copy
        })
        .collect()
}

/// An edit of the `file`-th article of `pair`, and whether the conflicts' fingerprints must stay.
struct FingerprintCase {
    pair: &'static str,
    file: usize,
    edit: Edit,
    same: bool,
}

const UNRELATED: &str = "\nThe weather in Paris was mild on Tuesday, forecasters said.\n";

const FINGERPRINT_CASES: &[FingerprintCase] = &[
    FingerprintCase {
        pair: "seed-palantir",
        file: 1,
        edit: Edit::Append(UNRELATED),
        same: true,
    },
    // Moves later claims down two lines and along by many bytes.
    FingerprintCase {
        pair: "seed-palantir",
        file: 0,
        edit: Edit::InsertBefore(
            "Protests against software company",
            "The weather in Paris was mild on Tuesday, forecasters said.\n\n",
        ),
        same: true,
    },
    FingerprintCase {
        pair: "seed-palantir",
        file: 1,
        edit: Edit::Replace(
            "the London office of US tech firm Palantir",
            "the Leeds office of US tech firm Palantir",
        ),
        same: false,
    },
    FingerprintCase {
        pair: "quake-toll",
        file: 0,
        edit: Edit::Append(UNRELATED),
        same: true,
    },
    FingerprintCase {
        pair: "quake-toll",
        file: 1,
        edit: Edit::Replace("Forty-six", "Forty-one"),
        same: false,
    },
];

#[test]
fn fingerprints_survive_unrelated_edits_and_change_with_the_value() {
    let tmp = TempDir::new("fingerprint");
    let mut problems = Vec::new();
    for (n, case) in FINGERPRINT_CASES.iter().enumerate() {
        let files = pair_files(case.pair);
        let original = write_baseline(&files, &tmp.path().join(format!("{n}-original.json")));
        let before = fingerprints(&original, "conflict");
        assert!(
            !before.is_empty(),
            "{}: no conflict to fingerprint",
            case.pair
        );
        // Copies in a folder of their own: the paths differ from the originals' too.
        let dir = tmp.path().join(n.to_string());
        let copies = edited_copies(&dir, &files, case.file, &case.edit);
        let edited = write_baseline(&copies, &dir.join("edited.json"));
        let after = fingerprints(&edited, "conflict");
        let at = format!("{} case {n}", case.pair);
        if case.same && before != after {
            problems.push(format!(
                "{at}: fingerprints changed: {before:?} -> {after:?}"
            ));
        }
        if !case.same && (after.len() != before.len() || !before.is_disjoint(&after)) {
            problems.push(format!(
                "{at}: expected as many conflicts, all with new fingerprints: \
                 {before:?} -> {after:?}"
            ));
        }
        // And `check` against the original baseline says the same.
        let run = check_run(
            &copies,
            Some(&tmp.path().join(format!("{n}-original.json"))),
        );
        let code = if case.same { 0 } else { 1 };
        if run.code != Some(code) {
            problems.push(format!(
                "{at}: check expected exit {code}: {}",
                run.describe()
            ));
        }
    }
    assert_no_problems("fingerprints", &problems);
}

// ---------------------------------------------------------------------------------------------
// Markdown and GitHub annotations

/// The conflict findings of a report.
fn conflicts(report: &Value) -> Vec<&Value> {
    report["findings"]
        .as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter(|f| f["verdict"] == "conflict")
        .collect()
}

/// Lines of a Markdown table row must start and end with a pipe; a raw line break in a cell
/// would leave a line that does neither inside the table.
fn table_problems(markdown: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut in_table = false;
    for line in markdown.lines() {
        if line.starts_with("| ") {
            in_table = true;
            if !line.ends_with(" |") {
                problems.push(format!("table row does not end with a pipe: {line:?}"));
            }
        } else {
            if in_table && !line.is_empty() {
                problems.push(format!("text right after a table: {line:?}"));
            }
            in_table = false;
        }
    }
    problems
}

/// A pair to render as Markdown, optionally with one article edited first.
struct MarkdownCase {
    pair: &'static str,
    edit: Option<(usize, Edit)>,
}

const MARKDOWN_CASES: &[MarkdownCase] = &[
    MarkdownCase {
        pair: "seed-palantir",
        edit: None,
    },
    MarkdownCase {
        pair: "takeover-bid",
        edit: None,
    },
    // A conflicting sentence with a pipe, wrapped over two lines: both must stay in one cell.
    MarkdownCase {
        pair: "quake-toll",
        edit: Some((
            1,
            Edit::Replace(
                "Forty-six people are dead after",
                "Forty-six people | are dead\nafter",
            ),
        )),
    },
];

#[test]
fn markdown_shows_conflicts_with_evidence_and_folds_agreements() {
    let tmp = TempDir::new("markdown");
    let mut problems = Vec::new();
    for (n, case) in MARKDOWN_CASES.iter().enumerate() {
        let pair = case.pair;
        let files: Vec<String> = match &case.edit {
            None => pair_files(pair),
            Some((file, edit)) => edited_copies(
                &tmp.path().join(n.to_string()),
                &pair_files(pair),
                *file,
                edit,
            )
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        };
        let report = claimdiff(compare_args(&files, "json", None)).json();
        let markdown = claimdiff(compare_args(&files, "markdown", None))
            .expect_code(0)
            .stdout;
        let table = claimdiff(args_with_files(&["compare", "--all"], &files))
            .expect_code(0)
            .stdout;
        let summary = table.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
        let mut need: Vec<String> = vec![
            format!("**{summary}**"),
            "<details><summary>".into(),
            "</details>".into(),
        ];
        let found = conflicts(&report);
        if found.is_empty() {
            need.push("No conflicts.".into());
        }
        if case.edit.is_some() {
            need.push(r"Forty-six people \| are dead<br>after".into());
        }
        for f in found {
            need.push(f["topic"].as_str().unwrap().replace('_', r"\_"));
            for c in f["claims"].as_array().unwrap().iter().take(3) {
                let i = usize::from(c["source"].as_str().unwrap().as_bytes()[0] - b'A');
                let position = format!("{}:{}:{}", files[i], c["line"], c["column"]);
                need.push(position.replace('_', r"\_"));
            }
        }
        for needle in need {
            if !markdown.contains(&needle) {
                problems.push(format!("{pair}: no {needle:?} in the markdown"));
            }
        }
        problems.extend(
            table_problems(&markdown)
                .into_iter()
                .map(|p| format!("{pair}: {p}")),
        );
    }
    assert_no_problems("markdown", &problems);
}

/// A workflow command's escaped text as GitHub reads it (`%25` last, so `%253A` stays `%3A`).
fn unescape(s: &str) -> String {
    s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

/// `::error file=PATH,line=N,col=M,title=…::MESSAGE` split into its parts, unescaped.
fn parse_annotation(line: &str) -> Option<(&str, String, usize, usize, String)> {
    let (command, rest) = line.strip_prefix("::")?.split_once(' ')?;
    let (props, message) = rest.split_once("::")?;
    let prop = |name: &str| {
        props
            .split(',')
            .find_map(|p| p.strip_prefix(name)?.strip_prefix('='))
    };
    Some((
        command,
        unescape(prop("file")?),
        prop("line")?.parse().ok()?,
        prop("col")?.parse().ok()?,
        unescape(message),
    ))
}

#[test]
fn github_annotations_point_at_each_claim_of_each_conflict() {
    let root = workspace_root();
    let mut problems = Vec::new();
    for (pair, files) in data_pairs() {
        let report = claimdiff(compare_args(&files, "json", None)).json();
        let out = claimdiff(compare_args(&files, "github", None))
            .expect_code(0)
            .stdout;
        let mut errors = 0;
        for line in out.lines() {
            if !(line.starts_with("::error file=") || line.starts_with("::warning file=")) {
                problems.push(format!("{pair}: not an annotation: {line:?}"));
                continue;
            }
            let Some((command, file, line_no, col, message)) = parse_annotation(line) else {
                problems.push(format!("{pair}: cannot parse {line:?}"));
                continue;
            };
            // The line exists and the claim's value starts at the column (in characters).
            let text = fs::read_to_string(root.join(&file)).unwrap_or_default();
            let at = text
                .lines()
                .nth(line_no.saturating_sub(1))
                .map(|l| l.chars().skip(col - 1).collect::<String>());
            let Some(at) = at.filter(|_| line_no >= 1 && col >= 1) else {
                problems.push(format!("{pair}: {file}:{line_no} is not a line: {line:?}"));
                continue;
            };
            let verdict = if command == "error" {
                "conflict"
            } else {
                "distinct"
            };
            let claim_here = report["findings"].as_array().unwrap().iter().any(|f| {
                f["verdict"] == verdict
                    && message.starts_with(&format!("{}: ", f["topic"].as_str().unwrap()))
                    && f["claims"].as_array().unwrap().iter().any(|c| {
                        c["line"] == line_no
                            && c["column"] == col
                            && at.starts_with(c["raw"].as_str().unwrap().lines().next().unwrap())
                    })
            });
            if !claim_here {
                problems.push(format!(
                    "{pair}: no {verdict} claim starts at {file}:{line_no}:{col}: {line:?}"
                ));
            }
            errors += usize::from(command == "error");
        }
        let claims: usize = conflicts(&report)
            .iter()
            .map(|f| f["claims"].as_array().unwrap().len())
            .sum();
        if errors != claims {
            problems.push(format!(
                "{pair}: {errors} ::error lines for {claims} conflict claims"
            ));
        }
    }
    assert_no_problems("github annotations", &problems);
}

#[test]
fn new_formats_are_byte_identical_across_runs() {
    let mut problems = Vec::new();
    for (pair, files) in data_pairs() {
        let runs: [Vec<OsString>; 3] = [
            compare_args(&files, "markdown", None),
            compare_args(&files, "github", None),
            args_with_files(&["baseline"], &files),
        ];
        for args in runs {
            let first = claimdiff(&args).expect_code(0).stdout;
            let second = claimdiff(&args).expect_code(0).stdout;
            if first != second {
                problems.push(format!("{pair}: {args:?} differs between runs"));
            }
        }
    }
    assert_no_problems("determinism", &problems);
}

// ---------------------------------------------------------------------------------------------
// Command line

#[test]
fn help_documents_the_exit_codes() {
    let mut problems = Vec::new();
    for args in [
        &["--help"][..],
        &["compare", "--help"],
        &["check", "--help"],
        &["baseline", "--help"],
    ] {
        let run = claimdiff(args).expect_code(0);
        for needle in [
            "Exit codes:",
            "0  ran and nothing failed",
            "1  `check` found a conflict not in the baseline",
            "2  bad usage or unreadable input",
        ] {
            if !run.stdout.contains(needle) {
                problems.push(format!("`claimdiff {}` has no {needle:?}", args.join(" ")));
            }
        }
    }
    let help = claimdiff(["--help"]).stdout;
    for command in ["compare", "claims", "baseline", "check"] {
        if !help.lines().any(|l| l.trim_start().starts_with(command)) {
            problems.push(format!("`claimdiff --help` does not list {command}"));
        }
    }
    assert_no_problems("help", &problems);
}

/// Arguments of the new commands and flags that are usage errors (exit 2).
const USAGE_ERRORS: &[&[&str]] = &[
    &["check", SEED_A],
    &["baseline", SEED_A],
    &["compare", SEED_A, SEED_B, "--fail-on", "maybe"],
    &["claims", SEED_A, "--format", "markdown"],
    &["check", SEED_A, SEED_B, "--baseline"],
];

#[test]
fn usage_errors_of_the_ci_commands_exit_2() {
    let mut problems = Vec::new();
    for &args in USAGE_ERRORS {
        let run = claimdiff(args);
        if run.code != Some(2) || !run.stdout.is_empty() || run.stderr.contains("panicked") {
            problems.push(format!("expected exit 2: {}", run.describe()));
        }
    }
    assert_no_problems("usage errors", &problems);
}
