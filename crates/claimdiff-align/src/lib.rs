//! Documents to [`Comparison`]: the second stage of claimdiff.
//!
//! [`compare`] aligns the sentences of every pair of documents ([`similarity`]: rarity-weighted
//! overlap of content terms, found through an inverted index, paired by optimal assignment),
//! compares the facts of each facet inside related claims ([`facts`]), and returns
//! [`Finding`]s with a [`Verdict`]: agree, conflict, distinct or only in one source. Every
//! finding carries the claims (sentence and span) it rests on and a short explanation.
//!
//! The verdict policy is written down in `ARCHITECTURE.md`; table-driven tests of it live in
//! each module and end-to-end tests over `data/` in the workspace's `tests/` package.
#![deny(missing_docs)]

mod compare;
mod facts;
mod findings;
mod similarity;
mod values;

pub use compare::{Comparison, Config, compare};
pub use findings::{Claim, Finding, FindingFacet, Verdict};
pub use similarity::SentencePair;
