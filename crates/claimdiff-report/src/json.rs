//! The JSON contracts `claimdiff.report.v1` and `claimdiff.claims.v1`.

use std::ops::Range;

use claimdiff_align::{Comparison, FrameSlot, TopicRow, TopicValue, Verdict};
use claimdiff_parse::{Document, FactValue, Source};
use serde_json::{Map, Value, json};

use crate::{file_span, position};

/// Schema name of a comparison report.
pub const REPORT_SCHEMA: &str = "claimdiff.report.v1";
/// Schema name of one article's claims.
pub const CLAIMS_SCHEMA: &str = "claimdiff.claims.v1";

fn source_json(s: &Source) -> Value {
    json!({"id": s.id, "path": s.path, "title": s.title, "published": s.published})
}

/// The `claimdiff.report.v1` document for a comparison.
#[must_use]
pub fn report_json(docs: &[Document], cmp: &Comparison) -> Value {
    let findings: Vec<Value> = cmp
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let claims: Vec<Value> = f
                .claims
                .iter()
                .map(|c| {
                    let doc = &docs[c.source];
                    let (line, column) = position(doc, c.span.start);
                    json!({
                        "source": doc.source.id,
                        "sentence": doc.sentence_text(&doc.sentences[c.sentence]),
                        "sentence_index": c.sentence,
                        "raw": c.raw,
                        "value": c.value,
                        "span": file_span(doc, &c.span),
                        "line": line,
                        "column": column,
                    })
                })
                .collect();
            json!({
                "id": format!("F{}", i + 1),
                "verdict": f.verdict.as_str(),
                "facet": f.facet.as_str(),
                "topic": f.topic,
                "explanation": f.explanation,
                "confidence": f.confidence,
                "claims": claims,
            })
        })
        .collect();
    let only_in: Map<String, Value> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.source.id.clone(), json!(cmp.only_in(i))))
        .collect();
    let mut report = json!({
        "schema": REPORT_SCHEMA,
        "sources": docs.iter().map(|d| source_json(&d.source)).collect::<Vec<_>>(),
        "findings": findings,
        "summary": {
            "agree": cmp.count(Verdict::Agree),
            "conflict": cmp.count(Verdict::Conflict),
            "distinct": cmp.count(Verdict::Distinct),
            "only_in": only_in,
        },
        "notes": cmp.notes,
        "frames": frames_json(docs, cmp),
        "duplicates": cmp.duplicates.iter().map(|d| json!({
            "source": docs[d.source].source.id,
            "duplicate_of": docs[d.of].source.id,
            "overlap": d.overlap,
        })).collect::<Vec<_>>(),
    });
    if !cmp.matrix.is_empty() {
        report["matrix"] = cmp.matrix.iter().map(|r| row_json(docs, r)).collect();
    }
    report
}

/// A stretch of a document: its text as written and as understood, and where it is.
fn place_json(
    doc: &Document,
    sentence: usize,
    span: &Range<usize>,
    raw: &str,
    value: &str,
) -> Value {
    let (line, column) = position(doc, span.start);
    json!({
        "raw": raw,
        "value": value,
        "sentence_index": sentence,
        "span": [span.start, span.end],
        "line": line,
        "column": column,
    })
}

/// Each source's main event: `{source, what, who, where, when}`, slots `null` when unknown.
fn frames_json(docs: &[Document], cmp: &Comparison) -> Vec<Value> {
    cmp.frames
        .iter()
        .map(|f| {
            let doc = &docs[f.source];
            let slot = |s: Option<&FrameSlot>| {
                s.map_or(Value::Null, |s| {
                    place_json(doc, s.sentence, &s.span, &s.raw, &s.value)
                })
            };
            json!({
                "source": doc.source.id,
                "what": f.what,
                "who": slot(f.who.as_ref()),
                "where": slot(f.place()),
                "when": slot(f.when()),
            })
        })
        .collect()
}

/// One topic of the matrix: each source's claims with their places, the values with the
/// sources giving them, the majority value and the dissenting sources.
fn row_json(docs: &[Document], row: &TopicRow) -> Value {
    let ids = |sources: &[usize]| -> Vec<&str> {
        sources
            .iter()
            .map(|&s| docs[s].source.id.as_str())
            .collect()
    };
    let value = |v: &TopicValue| json!({"raw": v.raw, "value": v.value, "sources": ids(&v.sources), "weight": v.weight});
    let cells: Vec<Value> = (0..docs.len())
        .filter_map(|s| {
            let claims: Vec<Value> = row
                .claims
                .iter()
                .filter(|c| c.source == s)
                .map(|c| place_json(&docs[s], c.sentence, &c.span, &c.raw, &c.value))
                .collect();
            (!claims.is_empty()).then(|| json!({"source": docs[s].source.id, "claims": claims}))
        })
        .collect();
    json!({
        "topic": row.topic,
        "facet": row.facet.as_str(),
        "disputed": row.disputed(),
        "cells": cells,
        "values": row.values.iter().map(value).collect::<Vec<_>>(),
        "majority": row.majority.map_or(Value::Null, |m| value(&row.values[m])),
        "dissenting": ids(&row.dissenting),
    })
}

/// The `claimdiff.claims.v1` document for one article.
#[must_use]
pub fn claims_json(doc: &Document) -> Value {
    let sentences: Vec<Value> = doc
        .sentences
        .iter()
        .map(|s| {
            let facts: Vec<Value> = s
                .facts
                .iter()
                .map(|f| {
                    let mut v = json!({
                        "facet": f.facet.as_str(),
                        "raw": f.raw,
                        "span": file_span(doc, &f.span),
                        "value": f.value,
                    });
                    let detail = serde_json::to_value(&f.detail).unwrap_or(Value::Null);
                    let obj = v.as_object_mut().expect("fact is an object");
                    match &f.detail {
                        FactValue::Quantity(_) => {
                            obj.insert("quantity".into(), detail);
                        }
                        FactValue::Time(_) => {
                            obj.insert("time".into(), detail);
                        }
                        FactValue::Location(_) => {
                            obj.insert("location".into(), detail);
                        }
                        FactValue::Actor(_) => {
                            obj.insert("actor".into(), detail);
                        }
                        FactValue::Quote(q) => {
                            obj.insert("speaker".into(), json!(q.speaker));
                        }
                    }
                    v
                })
                .collect();
            let (line, _) = position(doc, s.span.start);
            json!({
                "index": s.index,
                "text": doc.sentence_text(s),
                "span": file_span(doc, &s.span),
                "line": line,
                "headline": s.headline,
                "events": s.events,
                "facts": facts,
            })
        })
        .collect();
    json!({"schema": CLAIMS_SCHEMA, "source": source_json(&doc.source), "sentences": sentences})
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdiff_align::{Config, compare};
    use claimdiff_parse::{Lexicon, parse};

    fn doc(id: &str, text: &str) -> Document {
        let source = Source {
            id: id.into(),
            path: Some(format!("{id}.txt")),
            ..Source::default()
        };
        parse(source, text, &Lexicon::embedded())
    }

    #[test]
    fn report_has_every_contract_field() {
        let docs = [
            doc("A", "The quake killed at least 58 people on Monday."),
            doc("B", "The quake killed 46 people on Monday."),
        ];
        let cmp = compare(&docs, &Lexicon::embedded(), &Config::default());
        let v = report_json(&docs, &cmp);
        assert_eq!(v["schema"], REPORT_SCHEMA);
        assert_eq!(v["sources"][0]["id"], "A");
        for key in ["agree", "conflict", "distinct", "only_in"] {
            assert!(v["summary"].get(key).is_some(), "summary.{key}");
        }
        let f = &v["findings"][0];
        for key in [
            "id",
            "verdict",
            "facet",
            "topic",
            "explanation",
            "confidence",
            "claims",
        ] {
            assert!(f.get(key).is_some(), "finding.{key}");
        }
        let c = &f["claims"][0];
        for key in [
            "source", "sentence", "raw", "value", "span", "line", "column",
        ] {
            assert!(c.get(key).is_some(), "claim.{key}");
        }
    }

    #[test]
    fn claims_spans_point_at_raw_text() {
        let text = "Headline here\n\nIt cost £4.7m on 7 October.";
        let d = doc("A", text);
        let v = claims_json(&d);
        assert_eq!(v["schema"], CLAIMS_SCHEMA);
        for s in v["sentences"].as_array().unwrap() {
            for f in s["facts"].as_array().unwrap() {
                let (a, b) = (
                    f["span"][0].as_u64().unwrap() as usize,
                    f["span"][1].as_u64().unwrap() as usize,
                );
                assert_eq!(&text[a..b], f["raw"].as_str().unwrap());
            }
        }
    }
}
