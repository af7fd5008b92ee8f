//! Many sources: the topic × source matrix, near-duplicate sources and each report's main
//! event, in every output format, over the multi-source stories in `data/pairs`.

use serde_json::Value;

use crate::support::{args_with_files, claimdiff, pair_files};

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
