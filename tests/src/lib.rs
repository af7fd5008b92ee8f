//! End-to-end test support for `claimdiff`, and the gold-annotation scorer behind
//! `cargo xtask eval`.
//!
//! # Brief overview
//! - [`gold`]: [`gold::Gold`], one pair's expected findings read from `data/gold/*.json`, and
//!   [`gold::load_all`].
//! - [`eval`]: pure scoring of one `claimdiff.report.v1` report against its gold
//!   ([`eval::score`] gives a [`eval::PairScore`]: [`eval::Counts`] plus the misses).
//! - [`summary`]: [`summary::Evaluation`], the outcomes of many pairs, with micro-averaged totals
//!   per split, the threshold gate and the readable and JSON reports.
//! - [`thresholds`]: [`thresholds::Thresholds`], the gate per split in
//!   `data/gold/thresholds.json`.
//! - [`bin`]: building or finding the binary ([`bin::claimdiff_bin`] for tests).
//! - [`run`]: running `claimdiff compare` on each gold pair ([`run::evaluate`]).
//! - [`probes`]: short invented snippet pairs with an expected verdict on one value each
//!   (`data/probes/probes.json`), scored as gold pairs of one finding ([`probes::evaluate`]).
//!
//! Unit tests of the scorer sit next to it; the end-to-end tests of the binary are the modules
//! of the single integration test binary `tests/tests/tests.rs`.
//!
//! Errors are `anyhow` here, unlike the product's libraries: this crate serves tests and xtask,
//! whose only use of an error is to show it.

#![deny(missing_docs)]

pub mod bin;
pub mod eval;
pub mod gold;
pub mod probes;
pub mod run;
pub mod summary;
pub mod thresholds;
