//! End-to-end tests of the `claimdiff` binary: one integration test binary, one module per area.
//! Shared helpers live in the `claimdiff_tests` library (`tests/src`) and, for the `schema` and
//! `ci` modules, in `support`.

mod ci;
mod cli;
mod eval;
mod schema;
mod support;
