//! Many sources: the topic × source matrix, near-duplicate sources and each report's main
//! event, in every output format, over the multi-source stories in `data/pairs` and over
//! dozens of generated copies of them.

use std::fs;

use claimdiff_tests::bin::workspace_root;
use serde_json::Value;

use crate::schema::{REPORT, errors, validator};
use crate::support::{TempDir, args_with_files, assert_no_problems, claimdiff, pair_files};

/// `claimdiff compare <the story's files> --format FORMAT` in the workspace root.
fn compare(story: &str, format: &str) -> crate::support::Run {
    claimdiff(args_with_files(
        &["compare", "--format", format],
        &pair_files(story),
    ))
    .expect_code(0)
}

/// The ids of a JSON array of strings.
fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The matrix row in which `source` has a claim whose raw text contains `raw`.
fn row_with<'a>(report: &'a Value, source: &str, raw: &str) -> Option<&'a Value> {
    report["matrix"].as_array()?.iter().find(|row| {
        row["cells"].as_array().into_iter().flatten().any(|cell| {
            cell["source"] == source
                && cell["claims"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|c| c["raw"].as_str().is_some_and(|r| r.contains(raw)))
        })
    })
}

#[test]
fn matrix_names_majority_and_dissenters_counting_copies_once() {
    // (story, copies as (copy, of), a dissenter and its figure, majority value, dissenters)
    let cases = [
        (
            "multi-train-derailment",
            &[("B", "A")][..],
            ("A", "Six"),
            "Four",
            &["A", "B"][..],
        ),
        (
            "multi-bridge-collapse",
            &[("D", "A")][..],
            ("C", "12"),
            "Nine",
            &["C"][..],
        ),
        (
            "multi-product-recall",
            &[][..],
            ("E", "2.1 million"),
            "1.2",
            &["E"][..],
        ),
    ];
    for (story, copies, (dissenter, figure), majority, dissenting) in cases {
        let report = compare(story, "json").json();
        let found: Vec<(&str, &str)> = report["duplicates"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| {
                let overlap = d["overlap"].as_f64().unwrap_or(0.0);
                assert!((0.6..=1.0).contains(&overlap), "{story}: {d}");
                (
                    d["source"].as_str().unwrap_or(""),
                    d["duplicate_of"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(found, copies, "{story}: duplicates");
        let row = row_with(&report, dissenter, figure).unwrap_or_else(|| {
            panic!(
                "{story}: no matrix row with {dissenter}'s {figure:?}\n{:#}",
                report["matrix"]
            )
        });
        assert_eq!(row["disputed"], true, "{story}: {row:#}");
        let got = row["majority"]["raw"].as_str().unwrap_or("").to_lowercase();
        assert!(
            got.contains(&majority.to_lowercase()),
            "{story}: majority {got:?}\n{row:#}"
        );
        assert_eq!(strings(&row["dissenting"]), dissenting, "{story}: {row:#}");
    }
}

#[test]
fn matrix_only_with_three_or_more_sources_and_frames_always() {
    for (story, sources, matrix) in [
        ("wire-ferry-sinking", 2, false),
        ("multi-election-result", 3, true),
    ] {
        let report = compare(story, "json").json();
        assert_eq!(report.get("matrix").is_some(), matrix, "{story}");
        let frames = report["frames"].as_array().map_or(0, Vec::len);
        assert_eq!(frames, sources, "{story}: {:#}", report["frames"]);
    }
    // The wire copy is found in a pair too.
    let report = compare("wire-ferry-sinking", "json").json();
    assert_eq!(report["duplicates"][0]["duplicate_of"], "A", "{report:#}");
}

#[test]
fn every_format_shows_the_matrix_frames_and_copies() {
    // (format, what must appear)
    let cases = [
        (
            "table",
            &[
                "majority",
                "dissenting",
                "main event A:",
                "duplicate: B copies A",
            ][..],
        ),
        (
            "markdown",
            &[
                "### Topics × sources",
                "### Main event",
                "Duplicate: B copies A",
            ][..],
        ),
        (
            "html",
            &[
                "id=\"matrix\"",
                "id=\"frames\"",
                "class=\"dissent\"",
                "B copies A",
            ][..],
        ),
    ];
    for (format, expected) in cases {
        let run = compare("multi-train-derailment", format);
        for text in expected {
            assert!(
                run.stdout.contains(text),
                "{format}: no {text:?}\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn leads_with_different_places_and_dates_are_different_occasions() {
    let report = compare("two-quakes-aftershock", "json").json();
    let notes = report["notes"].to_string();
    assert!(
        notes.contains("different occasions") && notes.contains("different places and dates"),
        "{notes}"
    );
    assert_eq!(report["summary"]["conflict"], 0, "{report:#}");
}

/// Sixty sources in a temp folder: twenty copies each of three independent reports of one
/// bridge collapse (files `a01`…`c20`, so sources A…Z, S27…S60), the first two copies of each
/// with a figure and a year altered. The three reports give the toll as nine, nine and 12: the
/// twenty copies of the third (S41…S60) dissent.
fn sixty_copies(tmp: &TempDir) -> Vec<String> {
    let story = workspace_root().join("data/pairs/multi-bridge-collapse");
    let mut files = Vec::new();
    for report in ["a", "b", "c"] {
        let path = story.join(format!("{report}.txt"));
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for copy in 1..=20 {
            let text = if copy <= 2 {
                text.replace("27 people", "31 people")
                    .replace("1968", "1971")
            } else {
                text.clone()
            };
            let file = tmp.write(&format!("{report}{copy:02}.txt"), text.as_bytes());
            files.push(file.to_string_lossy().into_owned());
        }
    }
    files
}

#[test]
fn sixty_sources_give_a_compact_matrix_and_the_json_keeps_every_source() {
    let tmp = TempDir::new("many-copies");
    let files = sixty_copies(&tmp);
    let run = |format: &str| {
        claimdiff(args_with_files(&["compare", "--format", format], &files)).expect_code(0)
    };

    // JSON: every source, and the toll row with each of its sixty claims and twenty dissenters.
    let report = run("json").json();
    assert_no_problems("report schema", &errors(&validator(REPORT), &report));
    assert_eq!(report["sources"].as_array().map(Vec::len), Some(60));
    let row = row_with(&report, "S41", "12")
        .unwrap_or_else(|| panic!("no matrix row with S41's 12\n{:#}", report["matrix"]));
    let dissenting = strings(&row["dissenting"]);
    assert_eq!(dissenting.len(), 20, "{row:#}");
    assert_eq!(dissenting[..2], ["S41", "S42"], "{row:#}");
    assert_eq!(row["cells"].as_array().map(Vec::len), Some(60), "{row:#}");

    // Table: three columns within COLUMNS=120, the toll's dissenters named up to five, and
    // contested topics before the ones every source agrees on.
    let table = run("table").stdout;
    let lines: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
        .collect();
    assert!(
        lines.iter().all(|l| l.chars().count() <= 120) && lines[0].matches('┬').count() == 2,
        "{table}"
    );
    let dissenters = table
        .find("S41, S42, S43, S44, S45, +15 more")
        .unwrap_or_else(|| panic!("no dissenters of the toll in\n{table}"));
    let undisputed = table
        .find("┆ —")
        .unwrap_or_else(|| panic!("no undisputed topic in\n{table}"));
    assert!(dissenters < undisputed, "{table}");
    for text in [
        "Nine",
        "2 of 3 independent, 40 sources",
        // The dissent's support may wrap inside its cell.
        "1 of 3 independent,",
    ] {
        assert!(table.contains(text), "no {text:?} in\n{table}");
    }
    assert!(
        table.contains("duplicate: 19 sources copy S41 (S42, S43, S44, S45, S46, +14 more;"),
        "{table}"
    );

    // Markdown and HTML: the same rows, no column per source.
    let markdown = run("markdown").stdout;
    assert!(
        markdown.contains("| topic | majority | other values |\n")
            && markdown.contains("S41, S42, S43, S44, S45, +15 more"),
        "{markdown}"
    );
    let html = run("html").stdout;
    assert!(
        html.contains("<th>topic</th><th>majority</th><th>other values</th>")
            && html.contains("<summary>+15 more</summary>"),
        "no compact matrix in the page"
    );
}
