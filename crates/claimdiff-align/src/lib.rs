//! Documents to [`Comparison`]: the second stage of claimdiff.
//!
//! [`compare`] aligns the sentences of pairs of documents ([`similarity`]: rarity-weighted
//! overlap of content terms, found through an inverted index, paired by optimal assignment),
//! compares the facts of each facet inside related claims ([`facts`]), and returns
//! [`Finding`]s with a [`Verdict`]: agree, conflict, distinct or only in one source. Every
//! finding carries the claims (sentence and span) it rests on and a short explanation.
//!
//! Each report's main event is a [`Frame`] (`frame`); two frames whose places and dates differ
//! may describe different occasions. With many sources, near-duplicates ([`Duplicate`], `dedup`)
//! are found first, only some pairs of documents are compared (every pair while that is cheap,
//! else each source with a few hubs), and the [`TopicRow`]s of the topic × source matrix
//! (`matrix`) give each topic's values, majority and dissenting sources.
//!
//! The verdict policy is written down in `ARCHITECTURE.md`; table-driven tests of it live in
//! each module and end-to-end tests over `data/` in the workspace's `tests/` package.
#![deny(missing_docs)]

mod compare;
mod dedup;
mod facts;
mod findings;
mod frame;
mod matrix;
mod similarity;
mod values;

pub use compare::{Comparison, Config, compare};
pub use dedup::Duplicate;
pub use findings::{Claim, Finding, FindingFacet, Verdict};
pub use frame::{Frame, FrameSlot};
pub use matrix::{TopicRow, TopicValue};
pub use similarity::SentencePair;
