//! Figures next to a passage that the other report gives elsewhere, as the story of another
//! occasion, are not compared with the figures beside its own: two equal specific figures
//! place a paragraph in the other report.

use crate::published::{compare, findings};

const A: &str = "Harbour club keeps its trophy after tight final

The Kestrel Sailing Club won the Marlow Cup on Saturday, finishing 412 points ahead of the Tern \
Club.

Kestrel scored 2,318 points to 1,906 for Tern. Eight boats entered the final.

The club's commodore, Ada Fenn, said the crews had trained all winter.
";

/// This year's final, then last year's, which `A` reports.
const B: &str = "Tern Club takes Marlow Cup at last

The Tern Club won the Marlow Cup on Sunday 14 June, beating the Kestrel Sailing Club by 95 points.

Tern scored 2,140 points to 2,045 for Kestrel. Six boats entered the final.

Kestrel had won the cup last year with 2,318 points to 1,906, its fourth title in a row.

The commodore, Ada Fenn, congratulated the winners.
";

/// The verdict on the two counts of boats.
fn boats(test: &str, b: &str) -> String {
    let found = findings(&compare(test, A, b, &[]), "quantity");
    found
        .iter()
        .find(|(_, a, b)| a == "Eight" && b == "Six")
        .map(|(verdict, ..)| verdict.clone())
        .unwrap_or_else(|| panic!("no finding on the boats: {found:?}"))
}

#[test]
fn counts_beside_a_passage_the_other_report_recalls_are_distinct() {
    assert_eq!(boats("passages-recalled", B), "distinct");
}

#[test]
fn counts_beside_no_recalled_passage_conflict() {
    let without_recall = B.replace(
        "Kestrel had won the cup last year with 2,318 points to 1,906, its fourth title in a row.\n\n",
        "",
    );
    assert_eq!(boats("passages-alone", &without_recall), "conflict");
}
