//! Scores and tallies ("3-1", "seven votes to five") are one figure of two numbers: two
//! reports agree on a result told either way round and conflict on a different one.

use crate::published::{compare, findings};

const A: &str = "Millbrook win the Shield

Millbrook Athletic beat Cranford Town 3-1 at Ravens Park on Saturday to lift the County Shield.

Jade Oakes scored twice in the second half.
";

/// The verdict on the two reports' scores, `a` and `b` as written.
fn verdict(test: &str, b: &str, score_a: &str, score_b: &str) -> String {
    let found = findings(&compare(test, A, b, &[]), "quantity");
    found
        .iter()
        .find(|(_, a, b)| a == score_a && b == score_b)
        .map(|(verdict, ..)| verdict.clone())
        .unwrap_or_else(|| panic!("no finding on the scores: {found:?}"))
}

#[test]
fn one_score_told_from_either_side_agrees() {
    let b = "Cranford lose Shield final

Cranford Town lost 1-3 to Millbrook Athletic at Ravens Park on Saturday in the County Shield final.

Oakes scored twice for the winners.
";
    assert_eq!(verdict("scores-agree", b, "3-1", "1-3"), "agree");
}

#[test]
fn different_scores_of_one_match_conflict() {
    let b = "Millbrook edge Cranford in Shield final

Millbrook Athletic beat Cranford Town 3-2 at Ravens Park on Saturday to lift the County Shield.

Jade Oakes scored twice in the second half.
";
    assert_eq!(verdict("scores-conflict", b, "3-1", "3-2"), "conflict");
}

#[test]
fn a_tally_in_words_conflicts_with_another_in_figures() {
    let a = "Quarry plan approved

Harlow Vale councillors approved the quarry extension on Tuesday by nine votes to four.
";
    let b = "Quarry extension gets green light

The quarry extension at Harlow Vale was approved on Tuesday in a 10-3 vote by councillors.
";
    let found = findings(&compare("tally-conflict", a, b, &[]), "quantity");
    assert!(
        found
            .iter()
            .any(|(v, x, y)| v == "conflict" && x == "nine votes to four" && y == "10-3"),
        "{found:?}"
    );
}
