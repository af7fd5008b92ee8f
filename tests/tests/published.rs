//! `compare --published ID=YYYY-MM-DD`: relative dates resolve against a source's publication
//! date and are compared only then.

use serde_json::Value;

use crate::support::{TempDir, claimdiff};

const A: &str = "Ferry sinks\n\nThe ferry sank yesterday off Holm, officials said.\n";
const B: &str = "Ferry sinks\n\nThe ferry sank on April 2 off Holm, officials said.\n";

/// The time findings of a report: `(verdict, raw in A, raw in B)`.
fn time_findings(report: &Value) -> Vec<(String, String, String)> {
    findings(report, "time")
}

/// Asserts that a report agrees on no time.
fn assert_no_time_agreement(report: &Value) {
    let found = time_findings(report);
    assert!(found.iter().all(|(v, ..)| v != "agree"), "{found:?}");
}

/// The findings of one facet of a report: `(verdict, raw in A, raw in B)`.
pub(crate) fn findings(report: &Value, facet: &str) -> Vec<(String, String, String)> {
    let raw = |f: &Value, source: &str| -> String {
        f["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["source"] == source)
            .and_then(|c| c["raw"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["facet"] == facet)
        .map(|f| {
            (
                f["verdict"].as_str().unwrap_or_default().to_owned(),
                raw(f, "A"),
                raw(f, "B"),
            )
        })
        .collect()
}

/// Runs `compare --format json` on the two articles with `extra` arguments.
pub(crate) fn compare(test: &str, a: &str, b: &str, extra: &[&str]) -> Value {
    let dir = TempDir::new(test);
    let (pa, pb) = (
        dir.write("a.txt", a.as_bytes()),
        dir.write("b.txt", b.as_bytes()),
    );
    let mut args = vec![
        "compare".into(),
        pa.into_os_string(),
        pb.into_os_string(),
        "--format".into(),
        "json".into(),
    ];
    args.extend(extra.iter().map(Into::into));
    claimdiff(args).json()
}

#[test]
fn yesterday_agrees_with_the_date_it_names() {
    let report = compare("published-agree", A, B, &["--published", "A=2024-04-03"]);
    assert_eq!(
        time_findings(&report),
        [(
            "agree".to_owned(),
            "yesterday".to_owned(),
            "April 2".to_owned()
        )]
    );
}

#[test]
fn yesterday_and_another_date_at_one_place_conflict() {
    // Resolved, "yesterday" (2 April) and "April 3" cannot be the same day, and both reports
    // put the sinking off Holm: one occasion whose date the reports give differently.
    let b = B.replace("April 2", "April 3");
    let report = compare(
        "published-other-day",
        A,
        &b,
        &["--published", "A=2024-04-03"],
    );
    assert_eq!(
        time_findings(&report),
        [(
            "conflict".to_owned(),
            "yesterday".to_owned(),
            "April 3".to_owned()
        )]
    );
    // Without the publication date "yesterday" does not resolve and is never compared.
    let report = compare("published-other-day-none", A, &b, &[]);
    assert_eq!(time_findings(&report), []);
}

#[test]
fn yesterday_and_another_date_at_another_place_are_different_occasions() {
    // Two dates and two places: the reports may describe different occasions, said in the
    // notes, and the dates are not a conflict.
    let b = B.replace("April 2", "April 3").replace("Holm", "Brask");
    let report = compare(
        "published-other-place",
        A,
        &b,
        &["--published", "A=2024-04-03"],
    );
    assert!(
        time_findings(&report)
            .iter()
            .all(|(verdict, _, _)| verdict == "distinct"),
        "{:?}",
        time_findings(&report)
    );
    let notes = report["notes"].to_string();
    assert!(
        notes.contains("different occasions") && notes.contains("yesterday"),
        "{notes}"
    );
}

#[test]
fn both_sources_may_have_dates() {
    // A published Tuesday 2 April 2024: yesterday = 1 April; B published the same day:
    // Monday = 1 April.
    let b = B.replace("on April 2", "on Monday");
    let report = compare(
        "published-both",
        A,
        &b,
        &["--published", "A=2024-04-02", "--published", "B=2024-04-02"],
    );
    assert_eq!(
        time_findings(&report),
        [(
            "agree".to_owned(),
            "yesterday".to_owned(),
            "Monday".to_owned()
        )]
    );
    // Published two days apart, B's Monday (1 April) is a week before A's yesterday (8 April):
    // no agreement.
    let report = compare(
        "published-both-apart",
        A,
        &b,
        &["--published", "A=2024-04-09", "--published", "B=2024-04-07"],
    );
    assert_no_time_agreement(&report);
}

#[test]
fn a_fortnight_is_two_weeks() {
    // "The next fortnight" and "the next two weeks" from one day are one period.
    let a = "Airline collapses\n\nThe airline will run 40 rescue flights over the next \
             fortnight to bring passengers home.\n";
    let b = a.replace("fortnight", "two weeks");
    let both = ["--published", "A=2024-04-02", "--published", "B=2024-04-02"];
    let report = compare("published-fortnight", a, &b, &both);
    assert_eq!(
        time_findings(&report),
        [(
            "agree".to_owned(),
            "next fortnight".to_owned(),
            "next two weeks".to_owned()
        )]
    );
    // The next three days are another period: never an agreement.
    let c = a.replace("fortnight", "three days");
    let report = compare("published-fortnight-days", a, &c, &both);
    assert_no_time_agreement(&report);
}

#[test]
fn months_up_to_a_day_are_one_period_and_not_a_month_in_it() {
    let fund = |when: &str, figure: &str| {
        format!(
            "Fund loses value\n\nThe Tarn pension fund's value fell {figure} {when}, its annual \
             report showed.\n"
        )
    };
    let both = ["--published", "A=2024-05-02", "--published", "B=2024-05-02"];
    // "The year to 31 March" and "the 12 months to March 31" are one period.
    let report = compare(
        "published-year-to",
        &fund("in the year to 31 March", "4.1%"),
        &fund("in the 12 months to March 31", "4.1%"),
        &both,
    );
    assert_eq!(
        time_findings(&report),
        [(
            "agree".to_owned(),
            "the year to 31 March".to_owned(),
            "the 12 months to March 31".to_owned()
        )]
    );
    // A fall over the year and a fall in March, its last month, are counted over different
    // spans: no conflict between them.
    let report = compare(
        "published-year-to-month",
        &fund("in the year to 31 March", "4.1%"),
        &fund("in March", "6.2%"),
        &both,
    );
    let verdicts: Vec<String> = findings(&report, "quantity")
        .into_iter()
        .map(|(verdict, ..)| verdict)
        .collect();
    assert_eq!(verdicts, ["distinct"]);
}

#[test]
fn a_bad_publication_date_is_a_usage_error_on_one_line() {
    for bad in [
        "A=2024-4-3",
        "A=yesterday",
        "2024-04-03",
        "C=2024-04-03",
        "A=2023-02-29",
    ] {
        let dir = TempDir::new("published-bad");
        let (pa, pb) = (
            dir.write("a.txt", A.as_bytes()),
            dir.write("b.txt", B.as_bytes()),
        );
        let run = claimdiff([
            "compare".into(),
            pa.into_os_string(),
            pb.into_os_string(),
            "--published".into(),
            bad.into(),
        ]);
        assert_eq!(run.code, Some(2), "{bad}: {}", run.describe());
        assert!(run.stdout.is_empty(), "{bad}: {}", run.describe());
        assert_eq!(run.stderr.lines().count(), 1, "{bad}: {}", run.describe());
        assert!(
            run.stderr.contains("--published"),
            "{bad}: {}",
            run.describe()
        );
    }
}

#[test]
fn help_documents_the_option() {
    let run = claimdiff(["compare", "--help"]).expect_code(0);
    assert!(
        run.stdout.contains("--published <ID=YYYY-MM-DD>"),
        "{}",
        run.stdout
    );
}
