//! Comparison to text: the third stage of claimdiff.
//!
//! [`report_json`] and [`claims_json`] build the `claimdiff.report.v1` and
//! `claimdiff.claims.v1` JSON documents; [`report_table`] and [`claims_table`] render the
//! terminal tables (comfy-table). This crate formats only: it reads no files and writes to no
//! terminal. Tests of the formats live beside each module and, end to end, in the workspace's
//! `tests/` package.
#![deny(missing_docs)]

mod json;
mod table;

pub use json::{CLAIMS_SCHEMA, REPORT_SCHEMA, claims_json, report_json};
pub use table::{TableOptions, claims_table, report_table};

use claimdiff_parse::Document;

/// 1-based line and column of a byte offset in a document, for every format.
fn position(doc: &Document, offset: usize) -> (usize, usize) {
    doc.line_col(offset)
}
