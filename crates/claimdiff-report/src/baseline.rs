//! Fingerprints of findings, the `claimdiff.baseline.v1` document and the CI check against it.
//!
//! A fingerprint names a finding by what it says, not where it says it: the verdict, the facet,
//! the topic and each source's normalised claim values, with no byte offsets, line numbers or
//! source ids. So it stays the same when unrelated text is added to an article, or when the
//! articles are given in another order, and changes when a compared value changes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use claimdiff_align::{Comparison, Finding, Verdict};
use claimdiff_parse::Document;
use serde_json::{Value, json};

use crate::position;

/// Schema name of a baseline of accepted findings.
pub const BASELINE_SCHEMA: &str = "claimdiff.baseline.v1";

/// Marks the fingerprint scheme; bump it if the hashed content ever changes.
const FINGERPRINT_SCHEME: &str = "claimdiff-fingerprint-1";

/// 64-bit FNV-1a. Hand-written rather than `std`'s `DefaultHasher`, whose output may change
/// between Rust releases: fingerprints are stored in baselines and must outlive the compiler.
#[derive(Debug, Clone, Copy)]
struct Fnv1a(u64);

impl Fnv1a {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Self {
        Self(Self::OFFSET_BASIS)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    /// A string, prefixed by its length so that no two sequences of strings hash the same
    /// bytes ("ab" + "c" vs "a" + "bc").
    fn field(&mut self, s: &str) {
        self.bytes(&(s.len() as u64).to_le_bytes());
        self.bytes(s.as_bytes());
    }
}

/// A claim value as compared for fingerprints: trimmed, lower case, inner whitespace collapsed.
fn normalise(value: &str) -> String {
    value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Each source's distinct normalised values, keyed by source index (sorted within a source).
fn values_by_source(finding: &Finding) -> BTreeMap<usize, BTreeSet<String>> {
    let mut by_source: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for c in &finding.claims {
        by_source
            .entry(c.source)
            .or_default()
            .insert(normalise(&c.value));
    }
    by_source
}

/// The stable fingerprint of a finding: 16 lower-case hex digits of a 64-bit FNV-1a hash of the
/// verdict, facet, topic and each source's normalised claim values (sorted and deduplicated
/// within a source, the sources' value lists then sorted, so argument order does not matter).
/// Offsets, lines and source ids are left out, so unrelated edits keep it; editing a compared
/// value changes it.
#[must_use]
pub fn fingerprint(finding: &Finding) -> String {
    let mut groups: Vec<Vec<String>> = values_by_source(finding)
        .into_values()
        .map(|set| set.into_iter().collect())
        .collect();
    groups.sort();
    let mut h = Fnv1a::new();
    h.field(FINGERPRINT_SCHEME);
    h.field(finding.verdict.as_str());
    h.field(finding.facet.as_str());
    h.field(&normalise(&finding.topic));
    h.bytes(&(groups.len() as u64).to_le_bytes());
    for group in &groups {
        h.bytes(&(group.len() as u64).to_le_bytes());
        for value in group {
            h.field(value);
        }
    }
    format!("{:016x}", h.0)
}

/// Whether a finding belongs in a baseline: conflicts and distinct figures.
fn baselined(f: &Finding) -> bool {
    matches!(f.verdict, Verdict::Conflict | Verdict::Distinct)
}

/// The `claimdiff.baseline.v1` document: today's conflicts and distinct figures, each with its
/// [`fingerprint`], verdict, facet, topic and values per source id (normalised, as hashed).
/// A fingerprint is listed once, in report order.
#[must_use]
pub fn baseline_json(docs: &[Document], cmp: &Comparison) -> Value {
    let mut seen = BTreeSet::new();
    let findings: Vec<Value> = cmp
        .findings
        .iter()
        .filter(|f| baselined(f))
        .filter_map(|f| {
            let print = fingerprint(f);
            if !seen.insert(print.clone()) {
                return None;
            }
            let values: serde_json::Map<String, Value> = values_by_source(f)
                .into_iter()
                .map(|(source, set)| (docs[source].source.id.clone(), json!(set)))
                .collect();
            Some(json!({
                "fingerprint": print,
                "verdict": f.verdict.as_str(),
                "facet": f.facet.as_str(),
                "topic": f.topic,
                "values": values,
            }))
        })
        .collect();
    json!({
        "schema": BASELINE_SCHEMA,
        "sources": docs
            .iter()
            .map(|d| json!({"id": d.source.id, "path": d.source.path}))
            .collect::<Vec<_>>(),
        "findings": findings,
    })
}

/// The fingerprints a baseline accepts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    fingerprints: BTreeSet<String>,
}

/// What is wrong with a baseline document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaselineErrorKind {
    /// The text is not JSON; the parser's message.
    NotJson(String),
    /// The document's `schema` is not [`BASELINE_SCHEMA`]; what it is instead, if a string.
    WrongSchema(Option<String>),
    /// The document has the right schema but not the right shape; what is wrong.
    Malformed(String),
}

/// A baseline document that cannot be used. Its message names no file: the caller knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineError {
    kind: BaselineErrorKind,
}

impl BaselineError {
    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &BaselineErrorKind {
        &self.kind
    }
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            BaselineErrorKind::NotJson(e) => write!(f, "not JSON ({e})"),
            BaselineErrorKind::WrongSchema(Some(s)) => write!(
                f,
                "not a claimdiff baseline (schema is {s:?}, expected {BASELINE_SCHEMA:?})"
            ),
            BaselineErrorKind::WrongSchema(None) => write!(
                f,
                "not a claimdiff baseline (no \"schema\": {BASELINE_SCHEMA:?})"
            ),
            BaselineErrorKind::Malformed(what) => write!(f, "malformed baseline: {what}"),
        }
    }
}

impl std::error::Error for BaselineError {}

impl Baseline {
    /// A baseline that accepts nothing: every conflict is new.
    #[must_use]
    pub fn empty() -> Self {
        Self::default()
    }

    /// Reads a `claimdiff.baseline.v1` document. Only `schema` and each finding's
    /// `fingerprint` are needed; other fields are for people and are not checked.
    ///
    /// # Errors
    /// When the text is not JSON, not a baseline, or a finding has no string `fingerprint`.
    pub fn from_json(text: &str) -> Result<Self, BaselineError> {
        let err = |kind| Err(BaselineError { kind });
        let doc: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => return err(BaselineErrorKind::NotJson(e.to_string())),
        };
        match doc.get("schema").and_then(Value::as_str) {
            Some(BASELINE_SCHEMA) => {}
            other => return err(BaselineErrorKind::WrongSchema(other.map(str::to_owned))),
        }
        let Some(findings) = doc.get("findings").and_then(Value::as_array) else {
            return err(BaselineErrorKind::Malformed(
                "\"findings\" is not an array".into(),
            ));
        };
        let mut fingerprints = BTreeSet::new();
        for (i, f) in findings.iter().enumerate() {
            let Some(print) = f.get("fingerprint").and_then(Value::as_str) else {
                return err(BaselineErrorKind::Malformed(format!(
                    "finding {} has no string \"fingerprint\"",
                    i + 1
                )));
            };
            fingerprints.insert(print.to_owned());
        }
        Ok(Self { fingerprints })
    }

    /// Whether the baseline accepts a finding.
    #[must_use]
    pub fn accepts(&self, finding: &Finding) -> bool {
        self.fingerprints.contains(&fingerprint(finding))
    }

    /// Number of fingerprints in the baseline.
    #[must_use]
    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    /// Whether the baseline accepts nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }
}

/// The outcome of checking a comparison against a baseline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Indices (into `Comparison::findings`) of the conflicts the baseline does not accept.
    pub new_conflicts: Vec<usize>,
    /// Number of conflicts the baseline accepts.
    pub accepted: usize,
    /// Number of baseline fingerprints that no finding of the comparison has any more.
    pub stale: usize,
}

impl Check {
    /// Whether the check fails: some conflict is not in the baseline.
    #[must_use]
    pub fn failed(&self) -> bool {
        !self.new_conflicts.is_empty()
    }
}

/// Checks the conflicts of a comparison against a baseline.
#[must_use]
pub fn check(cmp: &Comparison, baseline: &Baseline) -> Check {
    let mut new_conflicts = Vec::new();
    let mut accepted = 0;
    for (i, f) in cmp.findings.iter().enumerate() {
        if f.verdict != Verdict::Conflict {
            continue;
        }
        if baseline.accepts(f) {
            accepted += 1;
        } else {
            new_conflicts.push(i);
        }
    }
    let current: BTreeSet<String> = cmp
        .findings
        .iter()
        .filter(|f| baselined(f))
        .map(fingerprint)
        .collect();
    let stale = baseline.fingerprints.difference(&current).count();
    Check {
        new_conflicts,
        accepted,
        stale,
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The text `claimdiff check` prints: each new conflict with its fingerprint, topic, facet and
/// explanation, then one `path:line:column: SOURCE raw` line per claim, then a summary line.
#[must_use]
pub fn check_text(docs: &[Document], cmp: &Comparison, check: &Check) -> String {
    let mut out = String::new();
    for &i in &check.new_conflicts {
        let f = &cmp.findings[i];
        out.push_str(&format!(
            "new conflict {}: {} ({}): {}\n",
            fingerprint(f),
            f.topic,
            f.facet.as_str(),
            f.explanation
        ));
        for c in &f.claims {
            let doc = &docs[c.source];
            let (line, column) = position(doc, c.span.start);
            let path = doc.source.path.as_deref().unwrap_or(&doc.source.id);
            out.push_str(&format!(
                "  {path}:{line}:{column}: {} {}\n",
                doc.source.id,
                c.raw.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        }
    }
    let new = check.new_conflicts.len();
    let mut summary = if new == 0 {
        "no new conflicts".to_owned()
    } else {
        count(new, "new conflict", "new conflicts")
    };
    summary.push_str(&format!(
        "; {} accepted by the baseline",
        count(check.accepted, "conflict", "conflicts")
    ));
    if check.stale > 0 {
        summary.push_str(&format!(
            "; {} no longer found",
            count(check.stale, "baseline entry", "baseline entries")
        ));
    }
    out.push_str(&summary);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdiff_align::{Claim, FindingFacet};
    use claimdiff_parse::Facet;

    fn finding(verdict: Verdict, claims: &[(usize, usize, &str)]) -> Finding {
        Finding {
            verdict,
            facet: FindingFacet::Fact(Facet::Quantity),
            topic: "death toll".into(),
            explanation: String::new(),
            confidence: 0.8,
            claims: claims
                .iter()
                .map(|&(source, start, value)| Claim {
                    source,
                    sentence: 0,
                    span: start..start + 2,
                    raw: value.into(),
                    value: value.into(),
                })
                .collect(),
        }
    }

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        // From the FNV reference test suite (64-bit FNV-1a).
        for (input, expected) in [
            ("", 0xcbf2_9ce4_8422_2325_u64),
            ("a", 0xaf63_dc4c_8601_ec8c),
            ("foobar", 0x8594_4171_f739_67e8),
        ] {
            let mut h = Fnv1a::new();
            h.bytes(input.as_bytes());
            assert_eq!(h.0, expected, "{input:?}");
        }
    }

    /// Each case: two findings, and whether their fingerprints must be equal.
    #[test]
    fn fingerprint_ignores_positions_and_order_but_not_values() {
        use Verdict::{Conflict, Distinct};
        let base = finding(Conflict, &[(0, 10, "58"), (1, 20, "46")]);
        let cases: [(&str, Finding, bool); 6] = [
            (
                "other offsets",
                finding(Conflict, &[(0, 99, "58"), (1, 7, "46")]),
                true,
            ),
            (
                "sources swapped",
                finding(Conflict, &[(0, 20, "46"), (1, 10, "58")]),
                true,
            ),
            (
                "a repeated value",
                finding(Conflict, &[(0, 10, "58"), (0, 30, "58"), (1, 20, "46")]),
                true,
            ),
            (
                "case and spaces",
                finding(Conflict, &[(0, 10, " 58 "), (1, 20, "46")]),
                true,
            ),
            (
                "an edited value",
                finding(Conflict, &[(0, 10, "58"), (1, 20, "41")]),
                false,
            ),
            (
                "another verdict",
                finding(Distinct, &[(0, 10, "58"), (1, 20, "46")]),
                false,
            ),
        ];
        for (name, other, same) in cases {
            assert_eq!(fingerprint(&base) == fingerprint(&other), same, "{name}");
        }
        let print = fingerprint(&base);
        assert_eq!(print.len(), 16);
        assert!(print.bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn bad_baselines_are_refused_with_a_kind() {
        type IsKind = fn(&BaselineErrorKind) -> bool;
        let cases: [(&str, IsKind); 4] = [
            ("{", |k| matches!(k, BaselineErrorKind::NotJson(_))),
            (
                r#"{"schema": "claimdiff.report.v1", "findings": []}"#,
                |k| matches!(k, BaselineErrorKind::WrongSchema(Some(_))),
            ),
            (r#"{"schema": "claimdiff.baseline.v1"}"#, |k| {
                matches!(k, BaselineErrorKind::Malformed(_))
            }),
            (
                r#"{"schema": "claimdiff.baseline.v1", "findings": [{"verdict": "conflict"}]}"#,
                |k| matches!(k, BaselineErrorKind::Malformed(_)),
            ),
        ];
        for (text, is_kind) in cases {
            let e = Baseline::from_json(text).expect_err(text);
            assert!(is_kind(e.kind()), "{text}: {e:?}");
            assert!(!e.to_string().contains('\n'), "{text}: {e}");
        }
    }

    #[test]
    fn check_fails_only_on_conflicts_missing_from_the_baseline() {
        let conflict = finding(Verdict::Conflict, &[(0, 10, "58"), (1, 20, "46")]);
        let distinct = finding(Verdict::Distinct, &[(0, 10, "7"), (1, 20, "20000")]);
        let cmp = Comparison {
            findings: vec![conflict.clone(), distinct],
            ..Comparison::default()
        };
        let accepted = Baseline::from_json(
            &json!({"schema": BASELINE_SCHEMA, "findings": [
                {"fingerprint": fingerprint(&conflict)},
                {"fingerprint": "0000000000000000"},
            ]})
            .to_string(),
        )
        .unwrap();
        let cases = [
            ("empty baseline", Baseline::empty(), vec![0], 0, 0),
            ("accepting baseline", accepted, vec![], 1, 1),
        ];
        for (name, baseline, new_conflicts, accepted, stale) in cases {
            let got = check(&cmp, &baseline);
            let expected = Check {
                new_conflicts,
                accepted,
                stale,
            };
            assert_eq!(got, expected, "{name}");
            assert_eq!(got.failed(), !expected.new_conflicts.is_empty(), "{name}");
        }
    }
}
