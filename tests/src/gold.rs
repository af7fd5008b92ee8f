//! Gold annotations: the findings a reader expects for one article pair (`data/gold/*.json`).

use std::{
    fmt, fs,
    path::{Path, PathBuf},
    str::FromStr,
};

use anyhow::{Context, Result, bail, ensure};
use serde::{Deserialize, Serialize};

use crate::eval::normalize;

/// Name of the file in the gold folder that holds the eval thresholds, not a pair.
pub const THRESHOLDS_FILE: &str = "thresholds.json";

/// The gold annotation of one article pair (or set of sources).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gold {
    /// Name of the pair: the folder under `data/pairs/` and the gold file's stem.
    pub pair: String,
    /// Whether the tool may be tuned on this pair.
    pub split: Split,
    /// Source paths relative to the repository root, in `claimdiff compare` order.
    pub sources: Vec<String>,
    /// The expected findings.
    pub findings: Vec<GoldFinding>,
}

/// One expected finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldFinding {
    /// What the tool should say about the fact.
    pub verdict: Verdict,
    /// Which kind of fact; `statement` matches a tool finding of any facet.
    pub facet: Facet,
    /// A few words naming the fact, for people reading misses.
    pub topic: String,
    /// One phrase per source in source order, copied from that source's text; `null` for a source the finding does not involve
    /// (stories with more than two sources).
    pub evidence: Vec<Option<String>>,
    /// Why, in a few words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Which half of the gold set a pair belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Split {
    /// The tool may be tuned on these pairs.
    Dev,
    /// Held out: judge on these pairs, never tune on them.
    Test,
}

/// Which pairs to evaluate: one split or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SplitFilter {
    /// Only `dev` pairs.
    Dev,
    /// Only `test` pairs.
    Test,
    /// Every pair.
    All,
}

/// A gold verdict (`only_in` is never annotated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Same fact, consistent values.
    Agree,
    /// Same fact, incompatible values.
    Conflict,
    /// Same kind of fact about different referents: must never be a conflict.
    Distinct,
}

/// The kind of fact a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    /// Numbers, money, percentages, durations, measures.
    Quantity,
    /// Dates and clock times.
    Time,
    /// Places.
    Location,
    /// People and organisations.
    Actor,
    /// Quoted words and their speaker.
    Quote,
    /// A whole claim, with no facet value.
    Statement,
}

impl Split {
    /// Every split, in the order totals are shown.
    pub const ALL: [Split; 2] = [Split::Dev, Split::Test];

    /// The name used in gold files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Test => "test",
        }
    }
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl SplitFilter {
    /// Every filter, in the order totals are shown.
    pub const ALL: [SplitFilter; 3] = [SplitFilter::Dev, SplitFilter::Test, SplitFilter::All];

    /// Whether a pair of split `split` is selected.
    pub fn includes(self, split: Split) -> bool {
        match self {
            SplitFilter::Dev => split == Split::Dev,
            SplitFilter::Test => split == Split::Test,
            SplitFilter::All => true,
        }
    }

    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            SplitFilter::Dev => "dev",
            SplitFilter::Test => "test",
            SplitFilter::All => "all",
        }
    }
}

impl fmt::Display for SplitFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl From<Split> for SplitFilter {
    /// The filter that selects exactly the pairs of `split`.
    fn from(split: Split) -> SplitFilter {
        match split {
            Split::Dev => SplitFilter::Dev,
            Split::Test => SplitFilter::Test,
        }
    }
}

impl FromStr for SplitFilter {
    type Err = anyhow::Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "dev" => Ok(SplitFilter::Dev),
            "test" => Ok(SplitFilter::Test),
            "all" => Ok(SplitFilter::All),
            _ => bail!("unknown split `{s}` (expected dev, test or all)"),
        }
    }
}

impl Verdict {
    /// The name used in gold files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Conflict => "conflict",
            Verdict::Distinct => "distinct",
        }
    }
}

impl Facet {
    /// The name used in gold files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Quantity => "quantity",
            Facet::Time => "time",
            Facet::Location => "location",
            Facet::Actor => "actor",
            Facet::Quote => "quote",
            Facet::Statement => "statement",
        }
    }
}

impl fmt::Display for Facet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Display for GoldFinding {
    /// `[quantity] death toll: "at least 42 people" | "37 people"`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}: ", self.facet, self.topic)?;
        for (i, phrase) in self.evidence.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            match phrase {
                Some(p) => write!(f, "{p:?}")?,
                None => f.write_str("-")?,
            }
        }
        if let Some(note) = &self.note {
            write!(f, " ({note})")?;
        }
        Ok(())
    }
}

impl Gold {
    /// Parses a gold file's text and checks its shape (see [`Gold::validate`]).
    pub fn from_json(text: &str) -> Result<Gold> {
        let gold: Gold = serde_json::from_str(text)?;
        gold.validate()?;
        Ok(gold)
    }

    /// Reads one gold file; its stem must be the pair's name.
    pub fn load(path: &Path) -> Result<Gold> {
        let read = || -> Result<Gold> {
            let text = fs::read_to_string(path)?;
            let gold = Gold::from_json(&text)?;
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            ensure!(
                gold.pair == stem,
                "pair is named `{}` but the file is `{stem}.json`",
                gold.pair
            );
            Ok(gold)
        };
        read().with_context(|| format!("bad gold file {}", path.display()))
    }

    /// Checks what the scorer relies on: at least one source, one non-empty evidence phrase per
    /// source in every finding.
    pub fn validate(&self) -> Result<()> {
        ensure!(
            !self.sources.is_empty(),
            "pair `{}` has no sources",
            self.pair
        );
        for (n, finding) in self.findings.iter().enumerate() {
            ensure!(
                finding.evidence.len() == self.sources.len(),
                "finding {n} ({}) has {} evidence phrases for {} sources",
                finding.topic,
                finding.evidence.len(),
                self.sources.len()
            );
            ensure!(
                finding
                    .evidence
                    .iter()
                    .flatten()
                    .all(|e| !normalize(e).is_empty()),
                "finding {n} ({}) has an empty evidence phrase",
                finding.topic
            );
            ensure!(
                finding.evidence.iter().flatten().count() >= 2,
                "finding {n} ({}) involves fewer than two sources",
                finding.topic
            );
        }
        Ok(())
    }

    /// The problems that make a finding unmatchable whatever the tool does: a source that cannot
    /// be read, or an evidence phrase that does not occur (after [`normalize`]) in its source.
    /// `root` is the repository root the source paths are relative to.
    pub fn evidence_problems(&self, root: &Path) -> Vec<String> {
        let mut problems = Vec::new();
        let mut texts = Vec::new();
        for source in &self.sources {
            match fs::read_to_string(root.join(source)) {
                Ok(text) => texts.push(Some(normalize(&text))),
                Err(err) => {
                    problems.push(format!("cannot read source {source}: {err}"));
                    texts.push(None);
                }
            }
        }
        for finding in &self.findings {
            for (i, phrase) in finding.evidence.iter().enumerate() {
                let (Some(Some(text)), Some(phrase)) = (texts.get(i), phrase) else {
                    continue;
                };
                if !text.contains(&normalize(phrase)) {
                    problems.push(format!(
                        "{} {}: evidence {phrase:?} does not occur in {}",
                        finding.verdict.as_str(),
                        finding.topic,
                        self.sources[i]
                    ));
                }
            }
        }
        problems
    }
}

/// Reads every gold file (`*.json` except [`THRESHOLDS_FILE`]) in `dir`, sorted by pair name.
/// Fails on the first unreadable or malformed file, and on two files naming the same pair.
pub fn load_all(dir: &Path) -> Result<Vec<Gold>> {
    let entries =
        fs::read_dir(dir).with_context(|| format!("cannot read gold folder {}", dir.display()))?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read gold folder {}", dir.display()))?
            .path();
        let is_json = path.extension().is_some_and(|e| e == "json");
        let is_thresholds = path.file_name().is_some_and(|n| n == THRESHOLDS_FILE);
        if is_json && !is_thresholds {
            paths.push(path);
        }
    }
    let mut golds = paths
        .iter()
        .map(|p| Gold::load(p))
        .collect::<Result<Vec<_>>>()?;
    golds.sort_by(|a, b| a.pair.cmp(&b.pair));
    if let Some(w) = golds.windows(2).find(|w| w[0].pair == w[1].pair) {
        bail!("two gold files name the pair `{}`", w[0].pair);
    }
    Ok(golds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_count_must_match_sources() {
        let err = Gold::from_json(
            r#"{"pair": "p", "split": "dev", "sources": ["a", "b"],
                "findings": [{"verdict": "agree", "facet": "time", "topic": "t",
                              "evidence": ["only one"]}]}"#,
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("1 evidence phrases for 2 sources"),
            "{err}"
        );
    }

    #[test]
    fn unknown_verdict_is_rejected() {
        let err = Gold::from_json(
            r#"{"pair": "p", "split": "dev", "sources": ["a"],
                "findings": [{"verdict": "only_in", "facet": "time", "topic": "t",
                              "evidence": ["x"]}]}"#,
        );
        assert!(err.is_err());
    }

    #[test]
    fn split_filter_selects_pairs() {
        assert!(SplitFilter::All.includes(Split::Test));
        assert!(SplitFilter::Dev.includes(Split::Dev));
        assert!(!SplitFilter::Dev.includes(Split::Test));
        for split in Split::ALL {
            assert!(SplitFilter::from(split).includes(split));
            assert_eq!(SplitFilter::from(split).as_str(), split.as_str());
        }
        assert_eq!("test".parse::<SplitFilter>().unwrap(), SplitFilter::Test);
        assert!("train".parse::<SplitFilter>().is_err());
    }
}
