//! The eval gate: minimum totals per split the tool must reach (`data/gold/thresholds.json`).

use std::{fs, path::Path};

use anyhow::{Context, Result, ensure};
use serde::{Deserialize, Serialize};

use crate::{
    eval::{Counts, Ratio},
    gold::Split,
};

/// The path of the thresholds file, relative to the repository root.
pub const THRESHOLDS_PATH: &str = "data/gold/thresholds.json";

/// The gate: one set of minimum totals per split. `dev` is required; a split without its own
/// set (`test` may have none) is not gated.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// The gate on the totals of the `dev` pairs.
    pub dev: SplitThresholds,
    /// The gate on the totals of the held-out `test` pairs, if one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test: Option<SplitThresholds>,
}

/// Minimum totals of one split; a total equal to its threshold passes, and a ratio over zero
/// items measures nothing, so it passes too.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitThresholds {
    /// Lowest conflict precision allowed.
    pub conflict_precision: f64,
    /// Lowest conflict recall allowed.
    pub conflict_recall: f64,
    /// Lowest agree recall allowed.
    pub agree_recall: f64,
    /// Most distinct traps that may be reported as conflicts.
    pub max_traps_flagged: usize,
}

impl Thresholds {
    /// Reads a thresholds file (see [`Thresholds::from_json`]).
    pub fn load(path: &Path) -> Result<Thresholds> {
        fs::read_to_string(path)
            .map_err(anyhow::Error::from)
            .and_then(|text| Thresholds::from_json(&text))
            .with_context(|| format!("bad thresholds file {}", path.display()))
    }

    /// Parses the thresholds; every ratio must lie in 0..=1.
    pub fn from_json(text: &str) -> Result<Thresholds> {
        let thresholds: Thresholds = serde_json::from_str(text)?;
        for split in Split::ALL {
            let Some(gate) = thresholds.get(split) else {
                continue;
            };
            for (name, value) in gate.ratios() {
                ensure!(
                    (0.0..=1.0).contains(&value),
                    "{split} {name} is {value}, not within 0..=1"
                );
            }
        }
        Ok(thresholds)
    }

    /// The gate on `split`, if it has one.
    pub fn get(&self, split: Split) -> Option<&SplitThresholds> {
        match split {
            Split::Dev => Some(&self.dev),
            Split::Test => self.test.as_ref(),
        }
    }

    /// One line per total of `split` (its `totals`) that falls short, each starting with the
    /// split's name; empty when all pass or the split has no gate.
    pub fn check(&self, split: Split, totals: &Counts) -> Vec<String> {
        self.get(split)
            .into_iter()
            .flat_map(|gate| gate.check(totals))
            .map(|failure| format!("{split}: {failure}"))
            .collect()
    }
}

impl SplitThresholds {
    fn ratios(&self) -> [(&'static str, f64); 3] {
        [
            ("conflict precision", self.conflict_precision),
            ("conflict recall", self.conflict_recall),
            ("agree recall", self.agree_recall),
        ]
    }

    /// One line per total of `totals` that falls short; empty when all pass.
    fn check(&self, totals: &Counts) -> Vec<String> {
        // Thresholds are written with a few decimals; do not fail on float noise below them.
        const EPSILON: f64 = 1e-9;
        let measured: [Ratio; 3] = [
            totals.conflict_precision(),
            totals.conflict_recall(),
            totals.agree_recall(),
        ];
        let mut failures: Vec<String> = self
            .ratios()
            .iter()
            .zip(measured)
            .filter(|((_, min), ratio)| ratio.value().is_some_and(|v| v + EPSILON < *min))
            .map(|((name, min), ratio)| format!("{name} {ratio} is below the threshold {min}"))
            .collect();
        if totals.traps_flagged > self.max_traps_flagged {
            failures.push(format!(
                "distinct traps flagged as conflicts: {}, at most {} allowed",
                totals.traps_flagged, self.max_traps_flagged
            ));
        }
        failures
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GATE: SplitThresholds = SplitThresholds {
        conflict_precision: 0.8,
        conflict_recall: 0.5,
        agree_recall: 0.25,
        max_traps_flagged: 0,
    };

    const SHORT: Counts = Counts {
        pairs: 1,
        tool_conflicts: 5,
        tool_conflicts_correct: 3,
        gold_conflicts: 2,
        gold_conflicts_found: 1,
        gold_agrees: 4,
        gold_agrees_found: 0,
        gold_distincts: 1,
        traps_flagged: 1,
        gold_distincts_found: 0,
    };

    #[test]
    fn totals_at_thresholds_pass() {
        let totals = Counts {
            tool_conflicts: 5,
            tool_conflicts_correct: 4,
            gold_conflicts: 2,
            gold_conflicts_found: 1,
            gold_agrees: 4,
            gold_agrees_found: 1,
            ..Counts::default()
        };
        let thresholds = Thresholds {
            dev: GATE,
            test: Some(GATE),
        };
        assert_eq!(thresholds.check(Split::Dev, &totals), Vec::<String>::new());
        assert_eq!(thresholds.check(Split::Test, &totals), Vec::<String>::new());
    }

    #[test]
    fn ratios_over_zero_items_pass() {
        let strict = SplitThresholds {
            conflict_precision: 1.0,
            conflict_recall: 1.0,
            agree_recall: 1.0,
            max_traps_flagged: 0,
        };
        let thresholds = Thresholds {
            dev: strict,
            test: None,
        };
        assert!(thresholds.check(Split::Dev, &Counts::default()).is_empty());
    }

    #[test]
    fn each_shortfall_is_listed_with_its_split() {
        let thresholds = Thresholds {
            dev: SplitThresholds {
                conflict_precision: 0.0,
                conflict_recall: 0.0,
                agree_recall: 0.0,
                max_traps_flagged: 1,
            },
            test: Some(GATE),
        };
        assert!(thresholds.check(Split::Dev, &SHORT).is_empty());
        assert_eq!(
            thresholds.check(Split::Test, &SHORT),
            [
                "test: conflict precision 0.600 (3/5) is below the threshold 0.8",
                "test: agree recall 0.000 (0/4) is below the threshold 0.25",
                "test: distinct traps flagged as conflicts: 1, at most 0 allowed",
            ]
        );
    }

    #[test]
    fn a_split_without_a_gate_is_not_checked() {
        let thresholds = Thresholds::from_json(
            r#"{"dev": {"conflict_precision": 0.8, "conflict_recall": 0.5,
                        "agree_recall": 0.25, "max_traps_flagged": 0}}"#,
        )
        .unwrap();
        assert_eq!(thresholds.test, None);
        assert!(thresholds.check(Split::Test, &SHORT).is_empty());
        assert_eq!(thresholds.check(Split::Dev, &SHORT).len(), 3);
    }

    #[test]
    fn bad_files_are_rejected() {
        let split = r#"{"conflict_precision": 0.8, "conflict_recall": 0.5,
                        "agree_recall": 0.25, "max_traps_flagged": 0}"#;
        for (text, reason) in [
            (split.to_owned(), "unknown field"),
            (format!(r#"{{"test": {split}}}"#), "missing field `dev`"),
            (
                format!(r#"{{"dev": {split}, "train": {split}}}"#),
                "unknown field `train`",
            ),
            (
                format!(
                    r#"{{"dev": {split}, "test": {}}}"#,
                    split.replace("0.5", "1.5")
                ),
                "test conflict recall is 1.5, not within 0..=1",
            ),
        ] {
            let err = Thresholds::from_json(&text).unwrap_err().to_string();
            assert!(err.contains(reason), "{text}: {err}");
        }
    }

    #[test]
    fn repository_thresholds_file_loads() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let thresholds = Thresholds::load(&root.join(THRESHOLDS_PATH)).unwrap();
        assert!(
            thresholds.test.is_some(),
            "{THRESHOLDS_PATH} has no test gate"
        );
    }
}
