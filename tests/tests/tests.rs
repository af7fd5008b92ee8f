//! End-to-end tests of the `claimdiff` binary: one integration test binary, one module per area.
//! Shared helpers live in the `claimdiff_tests` library (`tests/src`).

mod cli;
mod eval;
