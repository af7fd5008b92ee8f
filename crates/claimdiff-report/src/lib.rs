//! Comparison to text: the third stage of claimdiff.
//!
//! - [`report_json`] and [`claims_json`] build the `claimdiff.report.v1` and
//!   `claimdiff.claims.v1` JSON documents (JSON Schemas in the repository's `schema/` folder);
//! - [`report_table`] and [`claims_table`] render the terminal tables (comfy-table);
//! - [`report_markdown`] renders a pull-request comment, [`report_github`] GitHub Actions
//!   annotations, [`report_html`] one self-contained page with the articles side by side;
//! - [`fingerprint`] names a finding by what it says, [`baseline_json`] writes the
//!   `claimdiff.baseline.v1` document of accepted findings, and [`check`] / [`check_text`]
//!   compare a [`Comparison`](claimdiff_align::Comparison) with a [`Baseline`] for CI.
//!
//! With more than eight sources (or, in the terminal, more source columns than fit) the table,
//! Markdown and HTML reports give no column per source: the topic × source matrix has a row
//! per topic, contested first, with the majority value and the other values, each with the
//! sources giving it ("+N more" after a few); the JSON report keeps every source (`many.rs`).
//!
//! This crate formats only: it reads no files and writes to no terminal. Unit tests sit beside
//! each module; end-to-end tests (including validation against the JSON Schemas) live in the
//! workspace's `tests/` package.
#![deny(missing_docs)]

mod baseline;
mod github;
mod html;
mod json;
mod many;
mod markdown;
mod table;

pub use baseline::{
    BASELINE_SCHEMA, Baseline, BaselineError, BaselineErrorKind, Check, baseline_json, check,
    check_text, fingerprint,
};
pub use github::report_github;
pub use html::report_html;
pub use json::{CLAIMS_SCHEMA, REPORT_SCHEMA, claims_json, report_json};
pub use markdown::report_markdown;
pub use table::{TableOptions, claims_table, report_table};

use std::ops::Range;

use claimdiff_parse::Document;

/// At most `max` characters of `s`, with `…` when cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// 1-based line and column of a byte offset in a document, for every format: a position in
/// the file as given (through the document's origin map when its text was extracted or
/// decoded from the file).
fn position(doc: &Document, offset: usize) -> (usize, usize) {
    doc.line_col(offset)
}

/// A byte range of a document's text as the JSON `span` `[start, end)`: a byte range of the
/// file as given, so that for plain UTF-8 text `file[span] == raw`, and for other formats it
/// covers the bytes `raw` was read from (with their markup, entities or escapes).
fn file_span(doc: &Document, span: &Range<usize>) -> [usize; 2] {
    let r = doc.file_span(span.clone());
    [r.start, r.end]
}
