//! The terminal table: its width (terminal, else `COLUMNS`, else 120), colour (only on a
//! terminal, never with `NO_COLOR` or `--color never`) and `--only` filters.

use std::process::Command;

use claimdiff_tests::bin::{claimdiff_bin, workspace_root};

use crate::run::Claimdiff;
use crate::support::{SEED_A, SEED_B};

const ESC: char = '\u{1b}';

/// `text` without ANSI colour sequences (`ESC [ … m`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == ESC {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The lines of the table itself (not the summary or notes below it).
fn table_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.starts_with(['┌', '│', '╞', '├', '└']))
        .collect()
}

/// The widest table line, in characters (every character of the seed report is one column).
fn table_width(text: &str) -> usize {
    table_lines(text)
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

/// The verdict in each row of the table.
fn verdicts(text: &str) -> Vec<String> {
    table_lines(text)
        .iter()
        .filter_map(|l| l.strip_prefix('│'))
        .filter_map(|l| l.split('┆').next())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty() && v != "verdict")
        .collect()
}

fn seed_compare(extra: &[&str]) -> Claimdiff {
    let mut args = vec!["compare", SEED_A, SEED_B];
    args.extend(extra);
    Claimdiff::new(args)
}

#[test]
fn table_fits_columns_or_120_when_not_a_terminal() {
    for width in [60, 80, 100, 150] {
        let run = seed_compare(&[])
            .env("COLUMNS", &width.to_string())
            .run()
            .expect_code(0);
        let widest = table_width(&run.stdout);
        assert!(
            widest <= width && widest + 5 >= width,
            "COLUMNS={width}: the table is {widest} wide\n{}",
            run.describe()
        );
    }
    let run = seed_compare(&[]).env_remove("COLUMNS").run().expect_code(0);
    assert_eq!(table_width(&run.stdout), 120, "{}", run.describe());
}

/// `script` gives the command a terminal of our choosing (util-linux, in every Debian).
fn script_available() -> bool {
    Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `claimdiff compare SEED_A SEED_B EXTRA…` on a 70-column terminal with `COLUMNS=200`
/// and `env` set; returns what the terminal showed, carriage returns removed.
fn on_a_terminal(extra: &str, env: &[(&str, &str)]) -> String {
    let command = format!(
        "stty cols 70 rows 50 && exec '{}' compare {SEED_A} {SEED_B} {extra}",
        claimdiff_bin().display()
    );
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &command, "/dev/null"])
        .current_dir(workspace_root())
        .env("COLUMNS", "200")
        .env_remove("NO_COLOR")
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let output = cmd.output().expect("cannot run script");
    let text = String::from_utf8_lossy(&output.stdout).replace('\r', "");
    assert!(
        output.status.success(),
        "`script -qec {command:?}` failed: {}\n{text}",
        output.status
    );
    text
}

#[test]
fn on_a_terminal_the_table_takes_its_width_and_colours() {
    if !script_available() {
        eprintln!("skipped: `script` (util-linux) is not installed, so no terminal to test on");
        return;
    }
    let shown = on_a_terminal("", &[]);
    assert!(
        shown.contains(ESC),
        "verdicts are coloured on a terminal\n{shown}"
    );
    let plain = strip_ansi(&shown);
    assert_eq!(
        table_width(&plain),
        70,
        "the terminal's width wins over COLUMNS\n{plain}"
    );
    for (extra, env) in [("", &[("NO_COLOR", "1")][..]), ("--color never", &[][..])] {
        let shown = on_a_terminal(extra, env);
        assert!(
            !shown.contains(ESC),
            "no colour with {extra:?} {env:?}\n{shown}"
        );
    }
}

#[test]
fn colour_off_the_terminal_only_with_color_always_and_never_with_no_color() {
    let cases: [(&[&str], Option<&str>, bool); 5] = [
        (&[], None, false),
        (&["--color", "auto"], None, false),
        (&["--color", "always"], None, true),
        (&["--color", "always"], Some("1"), false),
        (&["--color", "never"], None, false),
    ];
    for (flags, no_color, coloured) in cases {
        let mut cmd = seed_compare(flags);
        if let Some(v) = no_color {
            cmd = cmd.env("NO_COLOR", v);
        }
        let run = cmd.run().expect_code(0);
        assert_eq!(
            run.stdout.contains(ESC),
            coloured,
            "{flags:?} NO_COLOR={no_color:?}: coloured should be {coloured}\n{}",
            run.describe()
        );
        if coloured {
            assert!(
                run.stdout.contains("\u{1b}[38;5;9m\u{1b}[1m conflict"),
                "the conflict verdict is bold red\n{}",
                run.describe()
            );
            assert_eq!(
                strip_ansi(&run.stdout),
                seed_compare(&[]).run().stdout,
                "colour changes nothing else"
            );
        }
    }
}

#[test]
fn only_filters_the_rows_and_keeps_the_summary() {
    let all = seed_compare(&["--all"]).run().expect_code(0);
    let summary = all.stdout.lines().last().unwrap_or_default().to_owned();
    let every = verdicts(&all.stdout);
    for verdict in ["conflict", "distinct", "agree", "only_in"] {
        assert!(
            every.iter().any(|v| v == verdict),
            "the seed has a {verdict} row"
        );
    }
    let cases: [(&[&str], &[&str]); 4] = [
        (&["--only", "conflict"], &["conflict"]),
        (
            &["--only", "conflict", "--only", "distinct"],
            &["conflict", "distinct"],
        ),
        (&["--only", "agree"], &["agree"]),
        (&["--only", "only_in"], &["only_in"]),
    ];
    for (flags, wanted) in cases {
        let run = seed_compare(flags).run().expect_code(0);
        let shown = verdicts(&run.stdout);
        let expected: Vec<&String> = every
            .iter()
            .filter(|v| wanted.contains(&v.as_str()))
            .collect();
        assert_eq!(
            shown.iter().collect::<Vec<_>>(),
            expected,
            "{flags:?}\n{}",
            run.describe()
        );
        assert_eq!(
            run.stdout
                .lines()
                .last()
                .map(|l| l.replace(" (--all lists them)", "")),
            Some(summary.clone()),
            "{flags:?}: the summary line is unchanged\n{}",
            run.describe()
        );
    }
    Claimdiff::new(["compare", SEED_A, SEED_B, "--only", "everything"])
        .run()
        .expect_code(2);
}

#[test]
fn table_rows_show_values_with_line_and_column() {
    let run = seed_compare(&["--only", "conflict"]).run().expect_code(0);
    let text = run.stdout.replace(['│', '┆'], " ");
    for needle in ["protest location", "[1:45]", "[1:44]", "incompatible"] {
        assert!(
            text.contains(needle),
            "the conflict row shows {needle:?}\n{}",
            run.describe()
        );
    }
}
