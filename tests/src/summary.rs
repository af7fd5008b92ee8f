//! Scores of many pairs: totals per split, the threshold gate, and text and JSON output.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Value, json};

use crate::{
    eval::{Counts, PairScore},
    gold::{Split, SplitFilter},
    thresholds::Thresholds,
};

/// What came of one pair: a score, or an error that kept it from being scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PairOutcome {
    /// The report was scored.
    Scored(PairScore),
    /// The binary failed, its output did not fit the contract, or the gold is unusable.
    Error(PairError),
}

/// A pair that could not be scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PairError {
    /// The pair's name.
    pub pair: String,
    /// The pair's split.
    pub split: Split,
    /// What went wrong, possibly over several lines.
    pub message: String,
}

impl PairOutcome {
    /// The pair's split.
    pub fn split(&self) -> Split {
        match self {
            PairOutcome::Scored(score) => score.split,
            PairOutcome::Error(error) => error.split,
        }
    }
}

/// The outcomes of a run over the gold set, in pair-name order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Evaluation {
    /// One outcome per pair evaluated.
    pub outcomes: Vec<PairOutcome>,
}

impl Evaluation {
    fn selected(&self, filter: SplitFilter) -> impl Iterator<Item = &PairOutcome> {
        self.outcomes
            .iter()
            .filter(move |o| filter.includes(o.split()))
    }

    /// Counts summed over the scored pairs of `filter` (micro-averaging).
    pub fn totals(&self, filter: SplitFilter) -> Counts {
        let mut totals = Counts::default();
        for outcome in self.selected(filter) {
            if let PairOutcome::Scored(score) = outcome {
                totals += score.counts;
            }
        }
        totals
    }

    /// The pairs of `filter` that could not be scored.
    pub fn errors(&self, filter: SplitFilter) -> Vec<&PairError> {
        self.selected(filter)
            .filter_map(|o| match o {
                PairOutcome::Error(error) => Some(error),
                PairOutcome::Scored(_) => None,
            })
            .collect()
    }

    /// The gate: one line per pair of `filter` that could not be scored, one if `filter` selects
    /// no pair at all, and one per total of a split of `filter` below that split's gate in
    /// `thresholds` (each split is checked on its own totals; a split with no pairs or no gate
    /// is not). Empty when the gate passes.
    pub fn check(&self, thresholds: &Thresholds, filter: SplitFilter) -> Vec<String> {
        let mut failures = Vec::new();
        if self.selected(filter).next().is_none() {
            failures.push(format!("no gold pairs in split {filter}"));
        }
        for error in self.errors(filter) {
            let first_line = error.message.lines().next().unwrap_or("");
            failures.push(format!(
                "pair {} could not be scored: {first_line}",
                error.pair
            ));
        }
        for split in Split::ALL.into_iter().filter(|&s| filter.includes(s)) {
            let only = SplitFilter::from(split);
            if self.selected(only).next().is_some() {
                failures.extend(thresholds.check(split, &self.totals(only)));
            }
        }
        failures
    }

    /// The readable report: per pair a line of counts and then each miss indented, then a TOTALS
    /// block with one column per split (`dev`, `test`, `all` when `filter` is `all`).
    pub fn render(&self, filter: SplitFilter) -> String {
        let mut out = String::new();
        let width = self
            .selected(filter)
            .map(|o| pair_name(o).len())
            .max()
            .unwrap_or(0);
        for outcome in self.selected(filter) {
            let name = pair_name(outcome);
            let split = outcome.split();
            match outcome {
                PairOutcome::Error(error) => {
                    let _ = writeln!(out, "{split:<4} {name:<width$}  ERROR");
                    push_item(&mut out, "", &error.message);
                }
                PairOutcome::Scored(score) => {
                    let c = &score.counts;
                    let _ = writeln!(
                        out,
                        "{split:<4} {name:<width$}  conflicts found {}/{}, false alarms {}/{}; \
                         agrees found {}/{}; traps flagged {}/{}; distincts found {}/{}",
                        c.gold_conflicts_found,
                        c.gold_conflicts,
                        c.tool_conflicts - c.tool_conflicts_correct,
                        c.tool_conflicts,
                        c.gold_agrees_found,
                        c.gold_agrees,
                        c.traps_flagged,
                        c.gold_distincts,
                        c.gold_distincts_found,
                        c.gold_distincts,
                    );
                    let m = &score.misses;
                    for g in &m.conflicts_missed {
                        push_item(&mut out, "missed conflict: ", &g.to_string());
                    }
                    for f in &m.false_alarms {
                        push_item(&mut out, "false alarm: ", &f.to_string());
                    }
                    for g in &m.agrees_missed {
                        push_item(&mut out, "missed agree: ", &g.to_string());
                    }
                    for t in &m.traps_flagged {
                        let by = t.by.join(", ");
                        push_item(&mut out, "trap flagged: ", &format!("{} (by {by})", t.trap));
                    }
                }
            }
        }
        let columns: &[SplitFilter] = if filter == SplitFilter::All {
            &SplitFilter::ALL
        } else {
            std::slice::from_ref(&filter)
        };
        let totals: Vec<Counts> = columns.iter().map(|&f| self.totals(f)).collect();
        let _ = write!(out, "\n{:<24}", "TOTALS");
        for column in columns {
            let _ = write!(out, "{:<16}", column.as_str());
        }
        let rows: [(&str, Cell); 6] = [
            ("pairs scored", |c| c.pairs.to_string()),
            ("conflict precision", |c| c.conflict_precision().to_string()),
            ("conflict recall", |c| c.conflict_recall().to_string()),
            ("agree recall", |c| c.agree_recall().to_string()),
            ("distinct traps flagged", |c| {
                format!("{} (of {})", c.traps_flagged, c.gold_distincts)
            }),
            ("distinct recall", |c| c.distinct_recall().to_string()),
        ];
        for (label, cell) in rows {
            let _ = write!(out, "\n{label:<24}");
            for counts in &totals {
                let _ = write!(out, "{:<16}", cell(counts));
            }
        }
        let _ = write!(out, "\n{:<24}", "pairs with errors");
        for &column in columns {
            let _ = write!(out, "{:<16}", self.errors(column).len());
        }
        out = out
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n");
        out.push('\n');
        out
    }

    /// The machine-readable report: the outcomes of `filter` and the totals of each split shown.
    pub fn to_json(&self, filter: SplitFilter) -> Value {
        let columns: &[SplitFilter] = if filter == SplitFilter::All {
            &SplitFilter::ALL
        } else {
            std::slice::from_ref(&filter)
        };
        let totals: serde_json::Map<String, Value> = columns
            .iter()
            .map(|&f| {
                let counts = self.totals(f);
                let value = json!({
                    "counts": counts,
                    "metrics": counts.metrics(),
                    "errors": self.errors(f).len(),
                });
                (f.as_str().to_owned(), value)
            })
            .collect();
        json!({
            "split": filter,
            "pairs": self.selected(filter).collect::<Vec<_>>(),
            "totals": totals,
        })
    }
}

/// How one row of the TOTALS block shows a split's counts.
type Cell = fn(&Counts) -> String;

fn pair_name(outcome: &PairOutcome) -> &str {
    match outcome {
        PairOutcome::Scored(score) => &score.pair,
        PairOutcome::Error(error) => &error.pair,
    }
}

/// Appends `label` + `text` indented by four spaces, continuation lines by six more.
fn push_item(out: &mut String, label: &str, text: &str) {
    for (i, line) in text.lines().enumerate() {
        let indent = if i == 0 { "    " } else { "          " };
        let label = if i == 0 { label } else { "" };
        let _ = writeln!(out, "{indent}{label}{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        eval::Misses,
        gold::{Facet, GoldFinding, Verdict},
        thresholds::SplitThresholds,
    };

    fn scored(pair: &str, split: Split, counts: Counts, misses: Misses) -> PairOutcome {
        PairOutcome::Scored(PairScore {
            pair: pair.into(),
            split,
            counts,
            misses,
        })
    }

    fn evaluation() -> Evaluation {
        let missed = GoldFinding {
            verdict: Verdict::Conflict,
            facet: Facet::Location,
            topic: "protest location".into(),
            evidence: vec![
                Some("in Waterloo".into()),
                Some("outside the office".into()),
            ],
            note: None,
        };
        Evaluation {
            outcomes: vec![
                scored(
                    "alpha",
                    Split::Dev,
                    Counts {
                        pairs: 1,
                        tool_conflicts: 1,
                        tool_conflicts_correct: 1,
                        gold_conflicts: 2,
                        gold_conflicts_found: 1,
                        ..Counts::default()
                    },
                    Misses {
                        conflicts_missed: vec![missed],
                        ..Misses::default()
                    },
                ),
                PairOutcome::Error(PairError {
                    pair: "beta".into(),
                    split: Split::Test,
                    message: "claimdiff exited with exit status: 2\nerror: cannot read b.txt"
                        .into(),
                }),
                scored(
                    "gamma",
                    Split::Test,
                    Counts {
                        pairs: 1,
                        tool_conflicts: 3,
                        gold_conflicts: 1,
                        ..Counts::default()
                    },
                    Misses::default(),
                ),
            ],
        }
    }

    /// The fixture without its test pairs.
    fn dev_only() -> Evaluation {
        Evaluation {
            outcomes: evaluation()
                .outcomes
                .into_iter()
                .filter(|o| o.split() == Split::Dev)
                .collect(),
        }
    }

    #[test]
    fn totals_per_split() {
        let e = evaluation();
        assert_eq!(
            e.totals(SplitFilter::Dev).conflict_precision().to_string(),
            "1.000 (1/1)"
        );
        assert_eq!(
            e.totals(SplitFilter::Test).conflict_precision().to_string(),
            "0.000 (0/3)"
        );
        assert_eq!(
            e.totals(SplitFilter::All).conflict_precision().to_string(),
            "0.250 (1/4)"
        );
        assert_eq!(e.totals(SplitFilter::All).pairs, 2);
        assert_eq!(e.errors(SplitFilter::All).len(), 1);
        assert_eq!(e.errors(SplitFilter::Dev).len(), 0);
    }

    const ZERO: SplitThresholds = SplitThresholds {
        conflict_precision: 0.0,
        conflict_recall: 0.0,
        agree_recall: 0.0,
        max_traps_flagged: 0,
    };

    #[test]
    fn errors_and_empty_runs_fail_the_gate() {
        let zero = Thresholds {
            dev: ZERO,
            test: Some(ZERO),
        };
        let e = evaluation();
        assert!(e.check(&zero, SplitFilter::Dev).is_empty());
        assert_eq!(
            e.check(&zero, SplitFilter::All),
            ["pair beta could not be scored: claimdiff exited with exit status: 2"]
        );
        assert_eq!(
            Evaluation::default().check(&zero, SplitFilter::All),
            ["no gold pairs in split all"]
        );
    }

    #[test]
    fn each_split_is_checked_on_its_own_totals() {
        let precise = SplitThresholds {
            conflict_precision: 0.5,
            ..ZERO
        };
        let e = evaluation();
        // dev precision is 1/1 and all of it 1/4: only the test totals (0/3) fall short.
        let thresholds = Thresholds {
            dev: precise,
            test: Some(precise),
        };
        let test_failure = "test: conflict precision 0.000 (0/3) is below the threshold 0.5";
        assert!(e.check(&thresholds, SplitFilter::Dev).is_empty());
        assert_eq!(
            e.check(&thresholds, SplitFilter::Test),
            [
                "pair beta could not be scored: claimdiff exited with exit status: 2",
                test_failure,
            ]
        );
        assert_eq!(
            e.check(&thresholds, SplitFilter::All),
            e.check(&thresholds, SplitFilter::Test)
        );
        // Without a test gate, only the dev totals are gated.
        let dev_only = Thresholds {
            test: None,
            ..thresholds
        };
        assert_eq!(
            e.check(&dev_only, SplitFilter::All),
            ["pair beta could not be scored: claimdiff exited with exit status: 2"]
        );
    }

    #[test]
    fn only_a_requested_split_must_have_pairs() {
        let strict = SplitThresholds {
            conflict_precision: 1.0,
            ..ZERO
        };
        let thresholds = Thresholds {
            dev: ZERO,
            test: Some(strict),
        };
        let dev_only = dev_only();
        assert!(dev_only.check(&thresholds, SplitFilter::All).is_empty());
        assert_eq!(
            dev_only.check(&thresholds, SplitFilter::Test),
            ["no gold pairs in split test"]
        );
    }

    #[test]
    fn render_lists_misses_under_their_pair() {
        let text = evaluation().render(SplitFilter::All);
        let expected = "\
dev  alpha  conflicts found 1/2, false alarms 0/1; agrees found 0/0; traps flagged 0/0; distincts found 0/0
    missed conflict: [location] protest location: \"in Waterloo\" | \"outside the office\"
test beta   ERROR
    claimdiff exited with exit status: 2
          error: cannot read b.txt
test gamma  conflicts found 0/1, false alarms 3/3; agrees found 0/0; traps flagged 0/0; distincts found 0/0

TOTALS                  dev             test            all
pairs scored            1               1               2
conflict precision      1.000 (1/1)     0.000 (0/3)     0.250 (1/4)
conflict recall         0.500 (1/2)     0.000 (0/1)     0.333 (1/3)
agree recall            -               -               -
distinct traps flagged  0 (of 0)        0 (of 0)        0 (of 0)
distinct recall         -               -               -
pairs with errors       0               1               1
";
        assert_eq!(text, expected);
    }

    #[test]
    fn an_empty_split_renders_dashes() {
        let dev_only = dev_only();
        let text = dev_only.render(SplitFilter::All);
        let totals = &text[text.find("TOTALS").unwrap()..];
        let expected = "\
TOTALS                  dev             test            all
pairs scored            1               0               1
conflict precision      1.000 (1/1)     -               1.000 (1/1)
conflict recall         0.500 (1/2)     -               0.500 (1/2)
agree recall            -               -               -
distinct traps flagged  0 (of 0)        0 (of 0)        0 (of 0)
distinct recall         -               -               -
pairs with errors       0               0               0
";
        assert_eq!(totals, expected);
        let value = dev_only.to_json(SplitFilter::All);
        let metrics = &value["totals"]["test"]["metrics"];
        assert_eq!(metrics["conflict_precision"], Value::Null);
        assert_eq!(metrics["conflict_recall"], Value::Null);
        assert_eq!(metrics["traps_flagged"], 0);
        assert_eq!(value["totals"]["all"]["metrics"]["conflict_recall"], 0.5);
    }

    #[test]
    fn json_has_totals_of_each_split_shown() {
        let value = evaluation().to_json(SplitFilter::Dev);
        assert_eq!(value["pairs"].as_array().unwrap().len(), 1);
        assert_eq!(value["pairs"][0]["status"], "scored");
        assert_eq!(value["totals"]["dev"]["metrics"]["conflict_recall"], 0.5);
        assert!(value["totals"].get("all").is_none());
    }
}
