//! Sentence similarity: rarity-weighted overlap of content terms, candidates from an inverted
//! index, pairs chosen by optimal assignment.

use std::collections::{BTreeMap, HashMap};

use claimdiff_parse::{Document, FactValue, Lexicon, Time, TokenKind};
use pathfinding::prelude::{Matrix, kuhn_munkres};

use crate::values::is_clock;

/// Two sentences, one from each document, and how similar they are (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SentencePair {
    /// Sentence index in the first document.
    pub a: usize,
    /// Sentence index in the second document.
    pub b: usize,
    /// Cosine similarity of their weighted terms.
    pub score: f64,
}

/// True for a word that carries content: longer than one letter and not a function word.
pub(crate) fn is_content_word(w: &str, lex: &Lexicon) -> bool {
    w.chars().count() > 1 && !lex.is_stopword(w)
}

/// The comparison terms of every sentence of a document.
pub(crate) fn terms(doc: &Document, lex: &Lexicon) -> Vec<Vec<String>> {
    doc.sentences
        .iter()
        .map(|s| {
            let mut t: Vec<String> = s
                .tokens
                .iter()
                .filter(|tok| tok.kind == TokenKind::Word)
                .map(|tok| tok.text(&doc.text))
                // Event words count once, as their event type (below).
                .filter(|w| is_content_word(w, lex) && lex.event(w).is_none())
                .map(|w| lex.term(w))
                .collect();
            t.extend(s.events.iter().map(|e| format!("event:{e}")));
            for f in &s.facts {
                match &f.detail {
                    FactValue::Actor(a) => t.push(format!("actor:{}", a.name.to_lowercase())),
                    FactValue::Quantity(q) if !q.conversion => {
                        t.push(format!(
                            "qty:{}",
                            f.value.trim_start_matches(['≥', '≤', '≈', '≲', ' '])
                        ));
                    }
                    // A resolved date is shared content ("sworn in on January 2" / "takes
                    // office on Jan. 2"), counted to the month so that two days of one month
                    // (a conflict to find) do not make the sentences less alike. A dateline
                    // dates the report, not the sentence; clock times are too common.
                    FactValue::Time(Time {
                        timex: Some(x),
                        dateline: false,
                        ..
                    }) if !is_clock(x) => {
                        let month = x.get(..7).filter(|m| m.as_bytes()[5].is_ascii_digit());
                        t.push(format!("time:{}", month.unwrap_or(x)));
                    }
                    _ => {}
                }
            }
            t.sort();
            t.dedup();
            t
        })
        .collect()
}

/// Similarities of every sentence pair that shares a term, from an inverted index.
#[derive(Debug, Default)]
pub(crate) struct SimilarityMap {
    scores: HashMap<(usize, usize), f64>,
    /// Best similarity of each sentence of the first document with any of the second.
    best_a: Vec<f64>,
    /// Best similarity of each sentence of the second document with any of the first.
    best_b: Vec<f64>,
}

impl SimilarityMap {
    /// Builds the map for two documents' terms.
    pub(crate) fn build(a: &[Vec<String>], b: &[Vec<String>]) -> Self {
        let n = (a.len() + b.len()) as f64;
        let mut df: HashMap<&str, usize> = HashMap::new();
        for terms in a.iter().chain(b) {
            for t in terms {
                *df.entry(t.as_str()).or_default() += 1;
            }
        }
        let idf = |t: &str| (1.0 + n / df.get(t).copied().unwrap_or(1) as f64).ln();
        let norm = |terms: &[String]| terms.iter().map(|t| idf(t).powi(2)).sum::<f64>().sqrt();
        let na: Vec<f64> = a.iter().map(|t| norm(t)).collect();
        let nb: Vec<f64> = b.iter().map(|t| norm(t)).collect();
        let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
        for (j, terms) in b.iter().enumerate() {
            for t in terms {
                index.entry(t.as_str()).or_default().push(j);
            }
        }
        let mut scores = HashMap::new();
        let (mut best_a, mut best_b) = (vec![0.0_f64; a.len()], vec![0.0_f64; b.len()]);
        for (i, terms) in a.iter().enumerate() {
            let mut dots: BTreeMap<usize, f64> = BTreeMap::new();
            for t in terms {
                if let Some(js) = index.get(t.as_str()) {
                    let w = idf(t).powi(2);
                    for &j in js {
                        *dots.entry(j).or_default() += w;
                    }
                }
            }
            for (j, dot) in dots {
                let denom = na[i] * nb[j];
                if denom > 0.0 {
                    let score = dot / denom;
                    scores.insert((i, j), score);
                    best_a[i] = best_a[i].max(score);
                    best_b[j] = best_b[j].max(score);
                }
            }
        }
        Self {
            scores,
            best_a,
            best_b,
        }
    }

    /// The similarity of sentence `i` of the first document and `j` of the second.
    pub(crate) fn get(&self, i: usize, j: usize) -> f64 {
        self.scores.get(&(i, j)).copied().unwrap_or(0.0)
    }

    /// Best similarity of sentence `i` (first document) with any sentence of the second.
    pub(crate) fn best_a(&self, i: usize) -> f64 {
        self.best_a.get(i).copied().unwrap_or(0.0)
    }

    /// Best similarity of sentence `j` (second document) with any sentence of the first.
    pub(crate) fn best_b(&self, j: usize) -> f64 {
        self.best_b.get(j).copied().unwrap_or(0.0)
    }

    /// One-to-one sentence pairs of maximal total similarity, keeping those at or above
    /// `threshold`.
    pub(crate) fn assign(&self, rows: usize, cols: usize, threshold: f64) -> Vec<SentencePair> {
        if rows == 0 || cols == 0 {
            return Vec::new();
        }
        // kuhn_munkres needs rows <= columns and integer weights.
        let transpose = rows > cols;
        let (r, c) = if transpose {
            (cols, rows)
        } else {
            (rows, cols)
        };
        let weights = Matrix::from_fn(r, c, |(x, y)| {
            let (i, j) = if transpose { (y, x) } else { (x, y) };
            let s = self.get(i, j);
            if s >= threshold {
                (s * 1_000_000.0).round() as i64
            } else {
                0
            }
        });
        let (_, assignment) = kuhn_munkres(&weights);
        let mut pairs: Vec<SentencePair> = assignment
            .into_iter()
            .enumerate()
            .map(|(x, y)| if transpose { (y, x) } else { (x, y) })
            .map(|(a, b)| SentencePair {
                a,
                b,
                score: self.get(a, b),
            })
            .filter(|p| p.score >= threshold)
            .collect();
        pairs.sort_by_key(|p| (p.a, p.b));
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn shared_rare_terms_score_high_and_assignment_is_one_to_one() {
        let a = vec![v(&["quake", "toll", "town"]), v(&["mayor", "said", "town"])];
        let b = vec![
            v(&["mayor", "town"]),
            v(&["quake", "toll"]),
            v(&["weather"]),
        ];
        let map = SimilarityMap::build(&a, &b);
        assert!(map.get(0, 1) > map.get(0, 0));
        assert_eq!(map.get(0, 2), 0.0);
        let pairs = map.assign(2, 3, 0.2);
        let got: Vec<(usize, usize)> = pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(got, [(0, 1), (1, 0)]);
    }
}
