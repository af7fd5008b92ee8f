//! The eval gate: minimum totals the tool must reach (`data/gold/thresholds.json`).

use std::{fs, path::Path};

use anyhow::{Context, Result, ensure};
use serde::{Deserialize, Serialize};

use crate::eval::{Counts, Ratio};

/// The path of the thresholds file, relative to the repository root.
pub const THRESHOLDS_PATH: &str = "data/gold/thresholds.json";

/// Minimum totals; a total equal to its threshold passes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
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
    /// Reads a thresholds file; every ratio must lie in 0..=1.
    pub fn load(path: &Path) -> Result<Thresholds> {
        let read = || -> Result<Thresholds> {
            let thresholds: Thresholds = serde_json::from_str(&fs::read_to_string(path)?)?;
            for (name, value) in thresholds.ratios() {
                ensure!(
                    (0.0..=1.0).contains(&value),
                    "{name} is {value}, not within 0..=1"
                );
            }
            Ok(thresholds)
        };
        read().with_context(|| format!("bad thresholds file {}", path.display()))
    }

    fn ratios(&self) -> [(&'static str, f64); 3] {
        [
            ("conflict precision", self.conflict_precision),
            ("conflict recall", self.conflict_recall),
            ("agree recall", self.agree_recall),
        ]
    }

    /// One line per total of `totals` that falls short; empty when all pass.
    pub fn check(&self, totals: &Counts) -> Vec<String> {
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

    const GATE: Thresholds = Thresholds {
        conflict_precision: 0.8,
        conflict_recall: 0.5,
        agree_recall: 0.25,
        max_traps_flagged: 0,
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
        assert_eq!(GATE.check(&totals), Vec::<String>::new());
    }

    #[test]
    fn each_shortfall_is_listed() {
        let totals = Counts {
            tool_conflicts: 5,
            tool_conflicts_correct: 3,
            gold_conflicts: 2,
            gold_conflicts_found: 1,
            gold_agrees: 4,
            gold_agrees_found: 0,
            traps_flagged: 1,
            ..Counts::default()
        };
        assert_eq!(
            GATE.check(&totals),
            [
                "conflict precision 0.600 (3/5) is below the threshold 0.8",
                "agree recall 0.000 (0/4) is below the threshold 0.25",
                "distinct traps flagged as conflicts: 1, at most 0 allowed",
            ]
        );
    }

    #[test]
    fn repository_thresholds_file_loads() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        Thresholds::load(&root.join(THRESHOLDS_PATH)).unwrap();
    }
}
