//! The topic × source matrix of three or more sources: for each fact the sources share, the
//! value each gives, the majority value (near-duplicate sources counted once) and the sources
//! that dissent.

use std::collections::{BTreeMap, HashMap};

use claimdiff_parse::Document;

use crate::compare::claim;
use crate::dedup::Clusters;
use crate::facts::{FactRef, Pairing};
use crate::findings::{Claim, FindingFacet, Verdict};

/// One value given on a topic, with the sources that give it.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicValue {
    /// The value as first written (by the first source giving it).
    pub raw: String,
    /// The normalised value.
    pub value: String,
    /// The sources (document indexes) that give it, in order.
    pub sources: Vec<usize>,
    /// How many independent sources give it: a source and its near-duplicates count once.
    pub weight: usize,
}

/// One row of the matrix: a fact that several sources state.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicRow {
    /// The facet of the fact.
    pub facet: FindingFacet,
    /// What the fact is about ("death toll").
    pub topic: String,
    /// Every source's claims on the topic, in source order then text order; a source with none
    /// is silent on it.
    pub claims: Vec<Claim>,
    /// The values given, most independent sources first. Values that agree (by the verdict
    /// rules: "nearly 20,000" and "19,800") or are written the same are one value.
    pub values: Vec<TopicValue>,
    /// Index in `values` of the majority value: the one more independent sources give than any
    /// other; `None` on a tie.
    pub majority: Option<usize>,
    /// Sources that give a value on the topic but not the majority value.
    pub dissenting: Vec<usize>,
}

impl TopicRow {
    /// Whether the sources giving a value disagree (more than one value).
    #[must_use]
    pub fn disputed(&self) -> bool {
        self.values.len() > 1
    }

    /// The index in `values` of the value(s) a source gives.
    #[must_use]
    pub fn values_of(&self, source: usize) -> Vec<usize> {
        (0..self.values.len())
            .filter(|&v| self.values[v].sources.contains(&source))
            .collect()
    }
}

/// Union-find with path halving.
struct Sets(Vec<usize>);

impl Sets {
    fn new(n: usize) -> Self {
        Self((0..n).collect())
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (x, y) = (self.root(a), self.root(b));
        self.0[x.max(y)] = x.min(y);
    }
}

/// Builds the matrix from the pairings of every compared pair of documents. Pairings that
/// share a fact make one row when they have one topic, when both are agreements on one value
/// written alike, or when one of them is a conflict (so a disputed fact's row also holds the
/// agreements of its facts). A fact may so stand in two rows, but an agreement across values
/// ("more than 35" with 40 and with 212) never chains two facts into one row. Within a row,
/// facts joined by an agreement or written alike give one value.
pub(crate) fn build(docs: &[Document], pairings: &[Pairing], clusters: &Clusters) -> Vec<TopicRow> {
    let edges: Vec<&Pairing> = pairings
        .iter()
        .filter(|p| {
            matches!(p.verdict, Verdict::Agree | Verdict::Conflict)
                && p.facet != FindingFacet::Statement
                && p.a.fact.is_some()
                && p.b.fact.is_some()
        })
        .collect();
    let mut by_fact: BTreeMap<FactRef, Vec<usize>> = BTreeMap::new();
    for (e, p) in edges.iter().enumerate() {
        for r in [p.a, p.b] {
            by_fact.entry(r).or_default().push(e);
        }
    }
    let claims: HashMap<FactRef, Claim> = by_fact.keys().map(|&r| (r, claim(docs, r))).collect();
    // The one value both ends of an agreement write alike, if they do.
    let same_value = |p: &Pairing| {
        let (a, b) = (value_key(&claims[&p.a]), value_key(&claims[&p.b]));
        (p.verdict == Verdict::Agree && a == b).then_some(a)
    };
    let mut rows = Sets::new(edges.len());
    for es in by_fact.values() {
        let mut by_topic: HashMap<&str, usize> = HashMap::new();
        let mut by_value: HashMap<&str, usize> = HashMap::new();
        for &e in es {
            for (key, seen) in [
                (Some(edges[e].topic.as_str()), &mut by_topic),
                (same_value(edges[e]), &mut by_value),
            ] {
                let Some(key) = key else { continue };
                match seen.get(key) {
                    Some(&f) => rows.join(e, f),
                    None => {
                        seen.insert(key, e);
                    }
                }
            }
        }
        if let Some(&c) = es.iter().find(|&&e| edges[e].verdict == Verdict::Conflict) {
            for &e in es {
                rows.join(e, c);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for e in 0..edges.len() {
        groups.entry(rows.root(e)).or_default().push(e);
    }
    let mut out: Vec<TopicRow> = groups
        .into_values()
        .map(|es| {
            let mut facts: Vec<FactRef> =
                es.iter().flat_map(|&e| [edges[e].a, edges[e].b]).collect();
            facts.sort_unstable();
            facts.dedup();
            let local: HashMap<FactRef, usize> =
                facts.iter().enumerate().map(|(i, &r)| (r, i)).collect();
            let mut values = Sets::new(facts.len());
            for &e in &es {
                if edges[e].verdict == Verdict::Agree {
                    values.join(local[&edges[e].a], local[&edges[e].b]);
                }
            }
            let mut written: HashMap<&str, usize> = HashMap::new();
            for (i, r) in facts.iter().enumerate() {
                match written.get(value_key(&claims[r])) {
                    Some(&j) => values.join(i, j),
                    None => {
                        written.insert(value_key(&claims[r]), i);
                    }
                }
            }
            let first = edges[es[0]];
            let topic = es
                .iter()
                .map(|&e| edges[e])
                .find(|p| p.verdict == Verdict::Conflict)
                .unwrap_or(first)
                .topic
                .clone();
            row(
                first.facet,
                topic,
                facts
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (values.root(i), &claims[r]))
                    .collect(),
                clusters,
            )
        })
        .collect();
    out.sort_by_key(|r| {
        let first = r
            .claims
            .first()
            .map_or((0, 0), |c| (c.source, c.span.start));
        (!r.disputed(), first, r.topic.clone())
    });
    out
}

/// A claim's value without its hedge mark ("≈ 2100000" and "2100000" are written alike).
fn value_key(c: &Claim) -> &str {
    c.value.trim_start_matches(['≥', '≤', '≈', '≲', '~', ' '])
}

/// One row from its claims, each with the id of its value.
fn row(
    facet: FindingFacet,
    topic: String,
    claims: Vec<(usize, &Claim)>,
    clusters: &Clusters,
) -> TopicRow {
    let mut by_value: Vec<(usize, TopicValue)> = Vec::new();
    for (id, c) in &claims {
        let k = match by_value.iter().position(|(v, _)| v == id) {
            Some(k) => k,
            None => {
                by_value.push((
                    *id,
                    TopicValue {
                        raw: c.raw.clone(),
                        value: c.value.clone(),
                        sources: Vec::new(),
                        weight: 0,
                    },
                ));
                by_value.len() - 1
            }
        };
        let v = &mut by_value[k].1;
        if !v.sources.contains(&c.source) {
            v.sources.push(c.source);
        }
    }
    let mut values: Vec<TopicValue> = by_value
        .into_iter()
        .map(|(_, mut v)| {
            let mut groups: Vec<usize> = v
                .sources
                .iter()
                .map(|&s| clusters.rep.get(s).copied().unwrap_or(s))
                .collect();
            groups.sort_unstable();
            groups.dedup();
            v.weight = groups.len();
            v
        })
        .collect();
    // Most independent sources first; ties keep the order of first appearance (stable sort).
    values.sort_by_key(|v| std::cmp::Reverse(v.weight));
    let majority = match values.as_slice() {
        [_] => Some(0),
        [first, second, ..] if first.weight > second.weight => Some(0),
        _ => None,
    };
    let mut dissenting: Vec<usize> = match majority {
        Some(m) => values
            .iter()
            .flat_map(|v| v.sources.iter().copied())
            .filter(|s| !values[m].sources.contains(s))
            .collect(),
        None => Vec::new(),
    };
    dissenting.sort_unstable();
    dissenting.dedup();
    TopicRow {
        facet,
        topic,
        claims: claims.into_iter().map(|(_, c)| c.clone()).collect(),
        values,
        majority,
        dissenting,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::Duplicate;

    fn claim(source: usize, value: &str) -> Claim {
        Claim {
            source,
            sentence: 0,
            span: 0..value.len(),
            raw: value.to_owned(),
            value: value.to_owned(),
        }
    }

    #[test]
    fn majority_counts_copies_once_and_names_dissenters() {
        let clusters = |copies: &[(usize, usize)], n: usize| {
            let mut c = Clusters {
                rep: (0..n).collect(),
                duplicates: Vec::new(),
            };
            for &(source, of) in copies {
                c.rep[source] = of;
                c.duplicates.push(Duplicate {
                    source,
                    of,
                    overlap: 0.9,
                });
            }
            c
        };
        /// Value id and value of each source, copies as (copy, of), the expected majority
        /// value and dissenters.
        type Case<'a> = (
            &'a [(usize, &'a str)],
            &'a [(usize, usize)],
            Option<&'a str>,
            &'a [usize],
        );
        let cases: [Case<'_>; 5] = [
            (&[(0, "9"), (0, "9"), (1, "12")], &[], Some("9"), &[2]),
            (&[(0, "9"), (1, "12")], &[], None, &[]),
            // A and its copy B say 12, C and D say 14: one 12 against two 14s.
            (
                &[(0, "12"), (0, "12"), (1, "14"), (1, "14")],
                &[(1, 0)],
                Some("14"),
                &[0, 1],
            ),
            // Without the copy it is a tie.
            (
                &[(0, "12"), (0, "12"), (1, "14"), (1, "14")],
                &[],
                None,
                &[],
            ),
            (&[(0, "7"), (0, "seven"), (0, "7")], &[], Some("7"), &[]),
        ];
        for (given, copies, majority, dissenting) in cases {
            let claims: Vec<Claim> = given
                .iter()
                .enumerate()
                .map(|(s, (_, v))| claim(s, v))
                .collect();
            let with_ids: Vec<(usize, &Claim)> =
                given.iter().map(|(id, _)| *id).zip(&claims).collect();
            let r = row(
                FindingFacet::Statement,
                "toll".into(),
                with_ids,
                &clusters(copies, given.len()),
            );
            let got = r.majority.map(|m| r.values[m].raw.as_str());
            assert_eq!(got, majority, "{given:?} {copies:?}");
            assert_eq!(r.dissenting, dissenting, "{given:?} {copies:?}");
        }
    }
}
