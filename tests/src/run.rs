//! Running `claimdiff compare` over the gold set and scoring each pair.

use std::{
    path::Path,
    process::{Command, Stdio},
};

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::{
    eval,
    gold::{self, Gold, SplitFilter},
    summary::{Evaluation, PairError, PairOutcome},
};

/// The gold folder, relative to the repository root.
pub const GOLD_DIR: &str = "data/gold";

/// Runs `bin compare <sources…> --format json` in `root` and parses its output. Exit status 0
/// and 1 (something to fail on was found) both count as a report; anything else is an error
/// carrying the binary's stderr.
pub fn compare(bin: &Path, root: &Path, sources: &[String]) -> Result<Value> {
    let output = Command::new(bin)
        .current_dir(root)
        .arg("compare")
        .args(sources)
        .args(["--format", "json"])
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("cannot run {}", bin.display()))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !matches!(output.status.code(), Some(0 | 1)) {
        bail!(
            "claimdiff exited with {}{}",
            output.status,
            stderr_lines(&stderr)
        );
    }
    serde_json::from_slice(&output.stdout).with_context(|| {
        let stdout = String::from_utf8_lossy(&output.stdout);
        let start: String = stdout.chars().take(200).collect();
        format!(
            "claimdiff ({}) printed no JSON report: {start:?}{}",
            output.status,
            stderr_lines(&stderr)
        )
    })
}

/// Checks the gold's evidence against its sources, runs the binary on the pair and scores it.
/// Never fails: whatever goes wrong becomes a [`PairOutcome::Error`].
pub fn evaluate_pair(bin: &Path, root: &Path, gold: &Gold) -> PairOutcome {
    let error = |message: String| {
        PairOutcome::Error(PairError {
            pair: gold.pair.clone(),
            split: gold.split,
            message,
        })
    };
    let problems = gold.evidence_problems(root);
    if !problems.is_empty() {
        return error(format!("gold is unusable\n{}", problems.join("\n")));
    }
    match compare(bin, root, &gold.sources).and_then(|report| eval::score(gold, &report)) {
        Ok(score) => PairOutcome::Scored(score),
        Err(err) => error(format!("{err:#}")),
    }
}

/// Evaluates `bin` on every gold pair of `filter` in `<root>/data/gold`. Fails only if the gold
/// folder cannot be loaded; an empty selection gives an empty [`Evaluation`], which
/// [`Evaluation::check`] rejects.
pub fn evaluate(bin: &Path, root: &Path, filter: SplitFilter) -> Result<Evaluation> {
    let golds = gold::load_all(&root.join(GOLD_DIR))?;
    let outcomes = golds
        .iter()
        .filter(|g| filter.includes(g.split))
        .map(|g| evaluate_pair(bin, root, g))
        .collect();
    Ok(Evaluation { outcomes })
}

/// The non-blank lines of a child's stderr, each on a new line (empty if there are none).
fn stderr_lines(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("\n{}", l.trim_end()))
        .collect()
}
