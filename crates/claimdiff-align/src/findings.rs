//! Findings: a verdict on one topic with the claims it rests on.

use std::ops::Range;

use claimdiff_parse::Facet;
use serde::Serialize;

/// What claimdiff says about a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The sources give incompatible values for the same fact.
    Conflict,
    /// The sources give the same kind of fact about different things.
    Distinct,
    /// The sources give compatible values for the same fact.
    Agree,
    /// Only one source makes the claim.
    OnlyIn,
}

impl Verdict {
    /// The verdict's name as used in reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Conflict => "conflict",
            Self::Distinct => "distinct",
            Self::Agree => "agree",
            Self::OnlyIn => "only_in",
        }
    }
}

/// The facet a finding is about; `Statement` is a whole claim with no facet value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingFacet {
    /// A fact facet.
    Fact(Facet),
    /// A whole sentence.
    Statement,
}

impl FindingFacet {
    /// The facet's name as used in reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Fact(f) => f.as_str(),
            Self::Statement => "statement",
        }
    }
}

/// One source's claim behind a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// Index of the document in the compared list.
    pub source: usize,
    /// Index of the sentence in that document.
    pub sentence: usize,
    /// Byte range of `raw` in the document text.
    pub span: Range<usize>,
    /// The value as written.
    pub raw: String,
    /// The normalised value.
    pub value: String,
}

/// A verdict on one topic across sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// What the sources say.
    pub verdict: Verdict,
    /// Which facet it is about.
    pub facet: FindingFacet,
    /// A short name for what the claims are about ("protest location").
    pub topic: String,
    /// Why, in one line.
    pub explanation: String,
    /// How sure claimdiff is, from 0 to 1.
    pub confidence: f64,
    /// The claims, in source order then text order.
    pub claims: Vec<Claim>,
}

impl Finding {
    /// Sort key: verdict (conflicts first), then the first claim's place in the text.
    pub(crate) fn sort_key(&self) -> (Verdict, usize, usize, String) {
        let first = self
            .claims
            .first()
            .map_or((0, 0), |c| (c.source, c.span.start));
        (self.verdict, first.0, first.1, self.topic.clone())
    }
}
