//! Scoring of one `claimdiff.report.v1` report against the gold annotation of its pair.
//!
//! A tool finding matches a gold finding when the facets are equal (or the gold facet is
//! `statement`) and, for every source `i`, one of the finding's claims from source `i` has a
//! sentence containing `evidence[i]`, both compared after [`normalize`]. For the value facets
//! (quantity, time, location) the claim's `raw` value and the evidence must also overlap in the
//! sentence, so that a finding about another figure in the same sentence does not
//! match. Matching ignores the verdict; each metric then picks the verdicts it is about (see
//! [`Counts`]).

use std::fmt;

use anyhow::{Context, Result, bail, ensure};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::gold::{Facet, Gold, GoldFinding, Split, Verdict};

/// The schema tag a report must carry.
pub const REPORT_SCHEMA: &str = "claimdiff.report.v1";

const VERDICTS: [&str; 4] = ["agree", "conflict", "distinct", "only_in"];
const FACETS: [&str; 6] = [
    "quantity",
    "time",
    "location",
    "actor",
    "quote",
    "statement",
];

/// The fields of a `claimdiff.report.v1` report that scoring reads; the rest is ignored.
#[derive(Debug, Clone, Deserialize)]
pub struct Report {
    /// Must be [`REPORT_SCHEMA`].
    pub schema: String,
    /// The compared sources, in the order they were given.
    pub sources: Vec<ReportSource>,
    /// Every finding of the comparison.
    pub findings: Vec<ReportFinding>,
}

/// One source of a report.
#[derive(Debug, Clone, Deserialize)]
pub struct ReportSource {
    /// The id claims use to name this source (`"A"`, `"B"`, …).
    pub id: String,
}

/// One finding of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportFinding {
    /// The finding's id (`"F1"`).
    pub id: String,
    /// `agree`, `conflict`, `distinct` or `only_in`.
    pub verdict: String,
    /// `quantity`, `time`, `location`, `actor`, `quote` or `statement`.
    pub facet: String,
    /// What the finding is about.
    pub topic: String,
    /// The tool's short explanation.
    pub explanation: String,
    /// The claims the finding rests on.
    pub claims: Vec<ReportClaim>,
}

/// The fields of a claim that scoring reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportClaim {
    /// Id of the source the claim comes from.
    pub source: String,
    /// The full sentence the claim was found in.
    pub sentence: String,
    /// The value as written.
    pub raw: String,
}

impl Report {
    /// Reads the scored fields of a report, checking the schema tag, that every verdict and facet
    /// is one the contract names, and that every claim names a listed source.
    pub fn from_value(value: &Value) -> Result<Report> {
        let report =
            Report::deserialize(value).context("report does not fit claimdiff.report.v1")?;
        ensure!(
            report.schema == REPORT_SCHEMA,
            "report schema is `{}`, expected `{REPORT_SCHEMA}`",
            report.schema
        );
        for finding in &report.findings {
            ensure!(
                VERDICTS.contains(&finding.verdict.as_str()),
                "finding {} has unknown verdict `{}`",
                finding.id,
                finding.verdict
            );
            ensure!(
                FACETS.contains(&finding.facet.as_str()),
                "finding {} has unknown facet `{}`",
                finding.id,
                finding.facet
            );
            for claim in &finding.claims {
                if !report.sources.iter().any(|s| s.id == claim.source) {
                    bail!(
                        "finding {} has a claim from unknown source `{}`",
                        finding.id,
                        claim.source
                    );
                }
            }
        }
        Ok(report)
    }
}

impl fmt::Display for ReportFinding {
    /// `F3 conflict [quantity] death toll: A: 42; B: 37`, then one line per claim sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} [{}] {}: {}",
            self.id, self.verdict, self.facet, self.topic, self.explanation
        )?;
        for claim in &self.claims {
            write!(f, "\n  {}: {:?}", claim.source, claim.sentence)?;
        }
        Ok(())
    }
}

/// The text form both sides are compared in: lowercase, curly quotes and apostrophes made
/// straight, every dash a `-`, whitespace runs one space, no space at either end.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            // hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar,
            // minus sign, small and full-width hyphen-minus
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// A count of hits out of a total, shown as `0.800 (4/5)`, or `-` when there is nothing to
/// count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    /// How many were right.
    pub hits: usize,
    /// Out of how many.
    pub total: usize,
}

impl Ratio {
    /// `hits / total`, or `None` when there is nothing to count (a ratio over zero items
    /// measures nothing, so no gate can fail on it).
    pub fn value(self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 / self.total as f64)
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value() {
            Some(value) => write!(f, "{value:.3} ({}/{})", self.hits, self.total),
            None => f.write_str("-"),
        }
    }
}

/// What was counted for one pair, or summed over pairs (totals are micro-averaged: the counts
/// are summed, then divided).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Pairs scored.
    pub pairs: usize,
    /// Tool findings with verdict `conflict`.
    pub tool_conflicts: usize,
    /// Tool conflicts that match some gold conflict.
    pub tool_conflicts_correct: usize,
    /// Gold conflicts.
    pub gold_conflicts: usize,
    /// Gold conflicts matched by at least one tool conflict.
    pub gold_conflicts_found: usize,
    /// Gold agrees.
    pub gold_agrees: usize,
    /// Gold agrees matched by at least one tool `agree`.
    pub gold_agrees_found: usize,
    /// Gold distinct traps.
    pub gold_distincts: usize,
    /// Gold distincts matched by at least one tool conflict: must stay 0.
    pub traps_flagged: usize,
    /// Gold distincts matched by at least one tool `distinct`.
    pub gold_distincts_found: usize,
}

impl Counts {
    /// Tool conflicts that are gold conflicts, out of all tool conflicts.
    pub fn conflict_precision(&self) -> Ratio {
        Ratio {
            hits: self.tool_conflicts_correct,
            total: self.tool_conflicts,
        }
    }

    /// Gold conflicts found, out of all gold conflicts.
    pub fn conflict_recall(&self) -> Ratio {
        Ratio {
            hits: self.gold_conflicts_found,
            total: self.gold_conflicts,
        }
    }

    /// Gold agrees found as `agree`, out of all gold agrees.
    pub fn agree_recall(&self) -> Ratio {
        Ratio {
            hits: self.gold_agrees_found,
            total: self.gold_agrees,
        }
    }

    /// Gold distincts found as `distinct`, out of all gold distincts; for information only.
    pub fn distinct_recall(&self) -> Ratio {
        Ratio {
            hits: self.gold_distincts_found,
            total: self.gold_distincts,
        }
    }

    /// The metrics computed from these counts.
    pub fn metrics(&self) -> Metrics {
        Metrics {
            conflict_precision: self.conflict_precision().value(),
            conflict_recall: self.conflict_recall().value(),
            agree_recall: self.agree_recall().value(),
            traps_flagged: self.traps_flagged,
            distinct_recall: self.distinct_recall().value(),
        }
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.pairs += o.pairs;
        self.tool_conflicts += o.tool_conflicts;
        self.tool_conflicts_correct += o.tool_conflicts_correct;
        self.gold_conflicts += o.gold_conflicts;
        self.gold_conflicts_found += o.gold_conflicts_found;
        self.gold_agrees += o.gold_agrees;
        self.gold_agrees_found += o.gold_agrees_found;
        self.gold_distincts += o.gold_distincts;
        self.traps_flagged += o.traps_flagged;
        self.gold_distincts_found += o.gold_distincts_found;
    }
}

/// The metrics of a [`Counts`], as numbers for JSON output; a ratio over zero items is `None`
/// (`null`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Metrics {
    /// See [`Counts::conflict_precision`].
    pub conflict_precision: Option<f64>,
    /// See [`Counts::conflict_recall`].
    pub conflict_recall: Option<f64>,
    /// See [`Counts::agree_recall`].
    pub agree_recall: Option<f64>,
    /// Gold distincts reported as a conflict.
    pub traps_flagged: usize,
    /// See [`Counts::distinct_recall`].
    pub distinct_recall: Option<f64>,
}

/// What went wrong on one pair, for people to read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Misses {
    /// Gold conflicts no tool conflict matched.
    pub conflicts_missed: Vec<GoldFinding>,
    /// Tool conflicts that match no gold conflict.
    pub false_alarms: Vec<ReportFinding>,
    /// Gold agrees no tool `agree` matched.
    pub agrees_missed: Vec<GoldFinding>,
    /// Gold distincts a tool conflict matched.
    pub traps_flagged: Vec<FlaggedTrap>,
}

/// A distinct trap the tool reported as a conflict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlaggedTrap {
    /// The gold distinct.
    pub trap: GoldFinding,
    /// Ids of the tool conflicts that matched it.
    pub by: Vec<String>,
}

impl Misses {
    /// Whether nothing was missed or wrong.
    pub fn is_empty(&self) -> bool {
        self.conflicts_missed.is_empty()
            && self.false_alarms.is_empty()
            && self.agrees_missed.is_empty()
            && self.traps_flagged.is_empty()
    }
}

/// The score of one pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairScore {
    /// The pair's name.
    pub pair: String,
    /// The pair's split.
    pub split: Split,
    /// What was counted.
    pub counts: Counts,
    /// What was missed or wrong.
    pub misses: Misses,
}

/// A report finding with its claim sentences normalised once.
struct Prepared<'a> {
    finding: &'a ReportFinding,
    /// Per claim: source id, normalised sentence, normalised raw value.
    sentences: Vec<(&'a str, String, String)>,
}

impl Prepared<'_> {
    /// The matching rule of the module docs; `ids[i]` is the report's id of gold source `i`.
    fn matches(&self, gold: &GoldFinding, ids: &[&str]) -> bool {
        let facet_ok = gold.facet == Facet::Statement || self.finding.facet == gold.facet.as_str();
        let value_facet = matches!(gold.facet, Facet::Quantity | Facet::Time | Facet::Location);
        facet_ok
            && gold.evidence.iter().zip(ids).all(|(phrase, id)| {
                // A source the finding does not involve (null evidence) needs no claim.
                let Some(phrase) = phrase else { return true };
                let phrase = normalize(phrase);
                self.sentences.iter().any(|(source, sentence, raw)| {
                    source == id
                        && sentence.contains(&phrase)
                        && (!value_facet || overlaps(sentence, raw, &phrase))
                })
            })
    }
}

/// True when `raw` and `phrase` overlap where they stand in `sentence` (or one contains the
/// other).
fn overlaps(sentence: &str, raw: &str, phrase: &str) -> bool {
    if raw.contains(phrase) || phrase.contains(raw) {
        return true;
    }
    match (sentence.find(raw), sentence.find(phrase)) {
        (Some(r), Some(p)) => r < p + phrase.len() && p < r + raw.len(),
        _ => false,
    }
}

/// Scores `report` (the JSON of `claimdiff compare <gold.sources…> --format json`) against
/// `gold`. Fails when the report does not fit the contract or lists a different number of
/// sources than the gold.
pub fn score(gold: &Gold, report: &Value) -> Result<PairScore> {
    let report = Report::from_value(report)?;
    ensure!(
        report.sources.len() == gold.sources.len(),
        "report lists {} sources, gold lists {}",
        report.sources.len(),
        gold.sources.len()
    );
    let ids: Vec<&str> = report.sources.iter().map(|s| s.id.as_str()).collect();
    let prepared: Vec<Prepared<'_>> = report
        .findings
        .iter()
        .map(|finding| Prepared {
            finding,
            sentences: finding
                .claims
                .iter()
                .map(|c| (c.source.as_str(), normalize(&c.sentence), normalize(&c.raw)))
                .collect(),
        })
        .collect();
    let tool = |verdict: &'static str| {
        prepared
            .iter()
            .filter(move |p| p.finding.verdict == verdict)
    };
    let gold_of = |verdict: Verdict| gold.findings.iter().filter(move |g| g.verdict == verdict);
    // Tool findings of `verdict` that match `g`.
    let matching = |g: &GoldFinding, verdict: &'static str| {
        tool(verdict)
            .filter(|p| p.matches(g, &ids))
            .map(|p| p.finding)
            .collect::<Vec<_>>()
    };

    let mut counts = Counts {
        pairs: 1,
        ..Counts::default()
    };
    let mut misses = Misses::default();

    for p in tool("conflict") {
        counts.tool_conflicts += 1;
        if gold_of(Verdict::Conflict).any(|g| p.matches(g, &ids)) {
            counts.tool_conflicts_correct += 1;
        } else {
            misses.false_alarms.push(p.finding.clone());
        }
    }
    for g in gold_of(Verdict::Conflict) {
        counts.gold_conflicts += 1;
        if matching(g, "conflict").is_empty() {
            misses.conflicts_missed.push(g.clone());
        } else {
            counts.gold_conflicts_found += 1;
        }
    }
    for g in gold_of(Verdict::Agree) {
        counts.gold_agrees += 1;
        if matching(g, "agree").is_empty() {
            misses.agrees_missed.push(g.clone());
        } else {
            counts.gold_agrees_found += 1;
        }
    }
    for g in gold_of(Verdict::Distinct) {
        counts.gold_distincts += 1;
        let flagged_by = matching(g, "conflict");
        if !flagged_by.is_empty() {
            counts.traps_flagged += 1;
            misses.traps_flagged.push(FlaggedTrap {
                trap: g.clone(),
                by: flagged_by.iter().map(|f| f.id.clone()).collect(),
            });
        }
        if !matching(g, "distinct").is_empty() {
            counts.gold_distincts_found += 1;
        }
    }
    Ok(PairScore {
        pair: gold.pair.clone(),
        split: gold.split,
        counts,
        misses,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// Two sources; one conflict, one agree, one distinct trap.
    fn gold() -> Gold {
        Gold::from_json(
            r#"{
              "pair": "quake", "split": "dev", "sources": ["a.txt", "b.txt"],
              "findings": [
                {"verdict": "conflict", "facet": "quantity", "topic": "death toll",
                 "evidence": ["at least 42 people", "37 people"]},
                {"verdict": "agree", "facet": "time", "topic": "quake date",
                 "evidence": ["Oct. 7", "7 October"]},
                {"verdict": "distinct", "facet": "quantity", "topic": "casualties",
                 "evidence": ["12 people were injured", "300 homes"]}
              ]
            }"#,
        )
        .unwrap()
    }

    const A_TOLL: &str = "At least 42 people died in the quake.";
    const B_TOLL: &str = "The quake killed 37 people, officials said.";
    const A_DATE: &str = "The quake struck on Oct. 7 at dawn.";
    const B_DATE: &str = "It hit on 7 October.";
    const A_HURT: &str = "Another 12 people were injured.";
    const B_HOMES: &str = "Some 300 homes were destroyed.";

    /// A finding with one claim per (source, sentence).
    fn finding(id: &str, verdict: &str, facet: &str, claims: &[(&str, &str)]) -> Value {
        json!({
            "id": id, "verdict": verdict, "facet": facet, "topic": "t", "explanation": "e",
            "confidence": 0.5,
            "claims": claims.iter().map(|(source, sentence)| json!({
                "source": source, "sentence": sentence, "raw": "", "value": "",
                "span": [0, 0], "line": 1, "column": 1
            })).collect::<Vec<_>>()
        })
    }

    fn report(findings: Vec<Value>) -> Value {
        json!({
            "schema": "claimdiff.report.v1",
            "sources": [{"id": "A", "path": "a.txt", "title": null, "published": null},
                        {"id": "B", "path": "b.txt", "title": null, "published": null}],
            "findings": findings,
            "summary": {"agree": 0, "conflict": 0, "distinct": 0, "only_in": {"A": 0, "B": 0}}
        })
    }

    /// Scores `findings` against [`gold`] and compares the counts (with `pairs: 1` implied).
    fn check(findings: Vec<Value>, expected: Counts) -> PairScore {
        let score = score(&gold(), &report(findings)).unwrap();
        assert_eq!(
            score.counts,
            Counts {
                pairs: 1,
                ..expected
            }
        );
        score
    }

    const GOLD_TOTALS: Counts = Counts {
        pairs: 1,
        tool_conflicts: 0,
        tool_conflicts_correct: 0,
        gold_conflicts: 1,
        gold_conflicts_found: 0,
        gold_agrees: 1,
        gold_agrees_found: 0,
        gold_distincts: 1,
        traps_flagged: 0,
        gold_distincts_found: 0,
    };

    #[test]
    fn perfect_report_scores_one_everywhere() {
        let score = check(
            vec![
                finding(
                    "F1",
                    "conflict",
                    "quantity",
                    &[("A", A_TOLL), ("B", B_TOLL)],
                ),
                finding("F2", "agree", "time", &[("A", A_DATE), ("B", B_DATE)]),
                finding(
                    "F3",
                    "distinct",
                    "quantity",
                    &[("A", A_HURT), ("B", B_HOMES)],
                ),
                finding("F4", "only_in", "statement", &[("A", "Something else.")]),
            ],
            Counts {
                tool_conflicts: 1,
                tool_conflicts_correct: 1,
                gold_conflicts_found: 1,
                gold_agrees_found: 1,
                gold_distincts_found: 1,
                ..GOLD_TOTALS
            },
        );
        assert!(score.misses.is_empty(), "{:?}", score.misses);
        let m = score.counts.metrics();
        assert_eq!(
            (
                m.conflict_precision,
                m.conflict_recall,
                m.agree_recall,
                m.distinct_recall
            ),
            (Some(1.0), Some(1.0), Some(1.0), Some(1.0))
        );
    }

    #[test]
    fn no_tool_conflicts_is_no_precision_and_recall_zero() {
        let score = check(vec![], GOLD_TOTALS);
        assert_eq!(score.counts.conflict_precision().value(), None);
        assert_eq!(score.counts.conflict_precision().to_string(), "-");
        assert_eq!(score.counts.conflict_recall().value(), Some(0.0));
        assert_eq!(score.counts.conflict_recall().to_string(), "0.000 (0/1)");
        assert_eq!(score.counts.agree_recall().value(), Some(0.0));
        assert_eq!(
            score.misses.conflicts_missed,
            vec![gold().findings[0].clone()]
        );
        assert_eq!(score.misses.agrees_missed, vec![gold().findings[1].clone()]);
    }

    #[test]
    fn evidence_matches_after_normalisation() {
        // Case, curly quote, dash and whitespace differences on the report side, and the
        // same on the gold side.
        let mut gold = gold();
        gold.findings[0].evidence = vec![
            Some("At  least\u{a0}42 people".into()),
            Some("37 people\u{2019}s".into()),
        ];
        let report = report(vec![finding(
            "F1",
            "conflict",
            "quantity",
            &[
                ("A", "AT LEAST 42\n  PEOPLE died."),
                ("B", "The 37 PEOPLE's homes \u{2014} gone."),
            ],
        )]);
        let score = score(&gold, &report).unwrap();
        assert_eq!(score.counts.gold_conflicts_found, 1);
        assert_eq!(score.counts.tool_conflicts_correct, 1);
        assert_eq!(
            normalize("  A\u{2013}B \u{201C}q\u{201D}\t\n x "),
            "a-b \"q\" x"
        );
    }

    #[test]
    fn every_source_needs_a_matching_claim() {
        // Evidence of source B found only in a claim from source A does not count.
        check(
            vec![finding(
                "F1",
                "conflict",
                "quantity",
                &[("A", A_TOLL), ("A", B_TOLL), ("B", B_DATE)],
            )],
            Counts {
                tool_conflicts: 1,
                ..GOLD_TOTALS
            },
        );
    }

    #[test]
    fn facet_must_match_unless_gold_is_statement() {
        let score = check(
            vec![finding(
                "F1",
                "conflict",
                "actor",
                &[("A", A_TOLL), ("B", B_TOLL)],
            )],
            Counts {
                tool_conflicts: 1,
                ..GOLD_TOTALS
            },
        );
        assert_eq!(score.misses.false_alarms.len(), 1);

        let mut gold = gold();
        gold.findings[0].facet = Facet::Statement;
        let report = report(vec![finding(
            "F1",
            "conflict",
            "actor",
            &[("A", A_TOLL), ("B", B_TOLL)],
        )]);
        assert_eq!(score_of(&gold, &report).gold_conflicts_found, 1);
    }

    fn score_of(gold: &Gold, report: &Value) -> Counts {
        score(gold, report).unwrap().counts
    }

    #[test]
    fn false_alarm_and_flagged_trap() {
        let score = check(
            vec![
                finding(
                    "F1",
                    "conflict",
                    "quantity",
                    &[("A", A_TOLL), ("B", B_TOLL)],
                ),
                finding(
                    "F2",
                    "conflict",
                    "quantity",
                    &[("A", A_HURT), ("B", B_HOMES)],
                ),
                finding("F3", "conflict", "time", &[("A", A_DATE), ("B", B_DATE)]),
            ],
            Counts {
                tool_conflicts: 3,
                tool_conflicts_correct: 1,
                gold_conflicts_found: 1,
                traps_flagged: 1,
                ..GOLD_TOTALS
            },
        );
        assert_eq!(score.counts.conflict_precision().to_string(), "0.333 (1/3)");
        let ids: Vec<&str> = score
            .misses
            .false_alarms
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(ids, ["F2", "F3"]);
        assert_eq!(score.misses.traps_flagged.len(), 1);
        assert_eq!(score.misses.traps_flagged[0].by, ["F2"]);
        // A conflict verdict on an agreed fact does not count as finding the agree.
        assert_eq!(score.misses.agrees_missed.len(), 1);
    }

    #[test]
    fn duplicate_tool_conflicts_count_once_for_recall() {
        check(
            vec![
                finding(
                    "F1",
                    "conflict",
                    "quantity",
                    &[("A", A_TOLL), ("B", B_TOLL)],
                ),
                finding(
                    "F2",
                    "conflict",
                    "quantity",
                    &[("B", B_TOLL), ("A", A_TOLL)],
                ),
            ],
            Counts {
                tool_conflicts: 2,
                tool_conflicts_correct: 2,
                gold_conflicts_found: 1,
                ..GOLD_TOTALS
            },
        );
    }

    #[test]
    fn totals_are_micro_averaged() {
        let one = Counts {
            pairs: 1,
            tool_conflicts: 1,
            tool_conflicts_correct: 1,
            ..Counts::default()
        };
        let other = Counts {
            pairs: 1,
            tool_conflicts: 3,
            tool_conflicts_correct: 0,
            ..Counts::default()
        };
        let mut total = Counts::default();
        total += one;
        total += other;
        // Macro-averaging would give 0.5.
        assert_eq!(total.conflict_precision().value(), Some(0.25));
        assert_eq!(total.pairs, 2);
    }

    #[test]
    fn contract_violations_are_errors() {
        let wrong_schema = json!({"schema": "other", "sources": [], "findings": []});
        assert!(score(&gold(), &wrong_schema).is_err());

        let unknown_verdict = report(vec![finding("F1", "maybe", "quantity", &[("A", A_TOLL)])]);
        assert!(score(&gold(), &unknown_verdict).is_err());

        let unknown_source = report(vec![finding("F1", "agree", "time", &[("C", A_DATE)])]);
        assert!(score(&gold(), &unknown_source).is_err());

        let mut one_source = report(vec![]);
        one_source["sources"].as_array_mut().unwrap().pop();
        let err = score(&gold(), &one_source).unwrap_err();
        assert!(err.to_string().contains("1 sources, gold lists 2"), "{err}");

        let missing_topic = json!({"schema": REPORT_SCHEMA, "sources": [{"id": "A"}, {"id": "B"}],
                                   "findings": [{"id": "F1", "verdict": "agree", "facet": "time",
                                                 "explanation": "", "claims": []}]});
        assert!(score(&gold(), &missing_topic).is_err());
    }

    #[test]
    fn null_evidence_needs_no_claim_from_that_source() {
        let gold = Gold::from_json(
            r#"{
              "pair": "three", "split": "dev", "sources": ["a.txt", "b.txt", "c.txt"],
              "findings": [{"verdict": "conflict", "facet": "quantity", "topic": "toll",
                            "evidence": ["at least 42 people", null, "37 people"]}]
            }"#,
        )
        .unwrap();
        let mut three = report(vec![finding(
            "F1",
            "conflict",
            "quantity",
            &[("A", A_TOLL), ("C", B_TOLL)],
        )]);
        three["sources"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "C", "path": "c.txt", "title": null, "published": null}));
        let got = score(&gold, &three).unwrap();
        assert_eq!(got.counts.gold_conflicts_found, 1);
        assert_eq!(got.counts.tool_conflicts_correct, 1);
    }
}
