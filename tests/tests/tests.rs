//! End-to-end tests of the `claimdiff` binary: one integration test binary, one module per area.
//! Shared helpers live in the `claimdiff_tests` library (`tests/src`), in `support` (the seed
//! pair, temp folders) and in `run` (running the binary in a chosen folder, with standard input
//! and environment).

mod batch;
mod ci;
mod cli;
mod config;
mod dist;
mod eval;
mod html;
mod input;
mod many;
mod names;
mod passages;
mod published;
mod run;
mod schema;
mod scores;
mod support;
mod table;
