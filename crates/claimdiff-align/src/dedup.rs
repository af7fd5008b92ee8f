//! Near-duplicate sources (wire copy): documents whose word shingles mostly overlap, found
//! through MinHash buckets so that each document is checked against a few candidates only.

use std::collections::{BTreeMap, HashMap, HashSet};

use claimdiff_parse::Document;

/// Share of shingles from which a source is a near-duplicate of another: wire copies in the
/// dev set share 0.84 and 0.88 of their 3-word shingles, different reports at most 0.28.
pub(crate) const DUPLICATE_OVERLAP: f64 = 0.6;
/// Words per shingle.
const SHINGLE_WORDS: usize = 3;
/// Fewest shingles a document needs before it can be called a copy.
const MIN_SHINGLES: usize = 10;
/// MinHash bands and rows per band: two documents become candidates when all rows of one band
/// agree (a pair with Jaccard similarity 0.6 does so with probability 1 − (1 − 0.6²)^16 ≈ 0.999).
const BANDS: usize = 16;
const ROWS: usize = 2;
/// Candidate representatives checked exactly per document, most shared bands first; every
/// representative is checked while there are no more than this.
const MAX_CANDIDATES: usize = 8;

/// A source that copies another (wire copy, lightly edited).
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// Index of the copy.
    pub source: usize,
    /// Index of the earlier source it copies (the representative of its group).
    pub of: usize,
    /// Share of the shorter document's word shingles found in the other (0 to 1).
    pub overlap: f64,
}

/// Groups of near-duplicate sources.
#[derive(Debug, Clone, Default)]
pub(crate) struct Clusters {
    /// The representative of each document (itself when it copies none).
    pub rep: Vec<usize>,
    /// Every copy, in document order.
    pub duplicates: Vec<Duplicate>,
}

impl Clusters {
    /// Whether document `d` represents its group.
    pub(crate) fn is_rep(&self, d: usize) -> bool {
        self.rep.get(d) == Some(&d)
    }
}

/// FNV-1a: a fixed, fast hash, so that output never depends on a random seed.
fn fnv(bytes: impl IntoIterator<Item = u8>, seed: u64) -> u64 {
    bytes
        .into_iter()
        .fold(0xcbf2_9ce4_8422_2325 ^ seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// SplitMix64 finaliser: one hash into many independent ones.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The hashed word shingles of a document (lower-cased words, sentence by sentence).
fn shingles(doc: &Document) -> HashSet<u64> {
    let words: Vec<String> = doc
        .sentences
        .iter()
        .flat_map(|s| doc.words(s))
        .map(str::to_lowercase)
        .collect();
    words
        .windows(SHINGLE_WORDS)
        .map(|w| fnv(w.join(" ").into_bytes(), 0))
        .collect()
}

/// Share of the smaller set found in the larger.
fn containment(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    small.iter().filter(|h| large.contains(h)).count() as f64 / small.len() as f64
}

/// The band keys of a shingle set's MinHash signature.
fn bands(set: &HashSet<u64>) -> Vec<u64> {
    (0..BANDS)
        .map(|band| {
            let rows = (0..ROWS).map(|r| {
                let seed = mix((band * ROWS + r) as u64 + 1);
                set.iter().map(|h| mix(h ^ seed)).min().unwrap_or(0)
            });
            fnv(rows.flat_map(u64::to_le_bytes), band as u64)
        })
        .collect()
}

/// Groups sources whose shingle overlap reaches `threshold`. Documents are taken in order; each
/// joins the earlier representative it overlaps most, or becomes one. Candidates come from
/// MinHash buckets of representatives only, so a story told by many copies costs one check per
/// copy.
pub(crate) fn near_duplicates(docs: &[Document], threshold: f64) -> Clusters {
    let sets: Vec<HashSet<u64>> = docs.iter().map(shingles).collect();
    let mut rep: Vec<usize> = (0..docs.len()).collect();
    let mut duplicates = Vec::new();
    let mut reps: Vec<usize> = Vec::new();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (d, set) in sets.iter().enumerate() {
        if set.len() < MIN_SHINGLES {
            continue;
        }
        let keys = bands(set);
        let candidates: Vec<usize> = if reps.len() <= MAX_CANDIDATES {
            reps.clone()
        } else {
            let mut hits: BTreeMap<usize, usize> = BTreeMap::new();
            for (b, key) in keys.iter().enumerate() {
                for &r in buckets.get(&(b, *key)).into_iter().flatten() {
                    *hits.entry(r).or_default() += 1;
                }
            }
            let mut ranked: Vec<(usize, usize)> = hits.into_iter().collect();
            ranked.sort_by_key(|&(r, n)| (std::cmp::Reverse(n), r));
            ranked
                .into_iter()
                .take(MAX_CANDIDATES)
                .map(|(r, _)| r)
                .collect()
        };
        let best = candidates
            .into_iter()
            .map(|r| (r, containment(set, &sets[r])))
            .filter(|&(_, o)| o >= threshold)
            .fold(None, |best: Option<(usize, f64)>, (r, o)| match best {
                Some((_, b)) if b >= o => best,
                _ => Some((r, o)),
            });
        match best {
            Some((r, overlap)) => {
                rep[d] = r;
                duplicates.push(Duplicate {
                    source: d,
                    of: r,
                    overlap: (overlap * 100.0).round() / 100.0,
                });
            }
            None => {
                reps.push(d);
                for (b, key) in keys.into_iter().enumerate() {
                    buckets.entry((b, key)).or_default().push(d);
                }
            }
        }
    }
    Clusters { rep, duplicates }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdiff_parse::{Lexicon, Source, parse};

    fn doc(text: &str) -> Document {
        parse(Source::default(), text, &Lexicon::embedded())
    }

    const WIRE: &str = "A passenger ferry sank off the island of Orvane on Saturday evening, \
        the coastguard said. The vessel was carrying 146 passengers and 12 crew when it began \
        taking on water south of the port. Rescuers searched through the night for dozens of \
        people still missing. Survivors were taken to the general hospital in the port town.";

    #[test]
    fn copies_are_grouped_and_other_reports_are_not() {
        let edited = WIRE
            .replace("146", "164")
            .replace("Rescuers searched", "Rescue teams searched");
        let trimmed: String = WIRE.split(". ").take(3).collect::<Vec<_>>().join(". ");
        let other = "Storms closed the harbour at Kessaly on Sunday and the ferry company \
            cancelled every crossing to the mainland until further notice, officials said.";
        // (documents, expected representative of each)
        let cases: [(Vec<&str>, Vec<usize>); 4] = [
            (vec![WIRE, &edited], vec![0, 0]),
            (vec![WIRE, other, &trimmed], vec![0, 1, 0]),
            (vec![other, WIRE], vec![0, 1]),
            (vec!["Too short to tell.", "Too short to tell."], vec![0, 1]),
        ];
        for (texts, expected) in cases {
            let docs: Vec<Document> = texts.iter().map(|t| doc(t)).collect();
            let got = near_duplicates(&docs, 0.6);
            assert_eq!(got.rep, expected, "{texts:?}");
            for d in &got.duplicates {
                assert!(d.overlap >= 0.6 && d.overlap <= 1.0, "{d:?}");
            }
        }
    }

    /// A word of its own for every number: "baa", "bab", ….
    fn letters(n: usize) -> String {
        let l = |k: usize| char::from(b'a' + u8::try_from(k % 26).unwrap_or(0));
        [l(n / 676 + 1), l(n / 26), l(n)].iter().collect()
    }

    #[test]
    fn many_copies_cost_one_check_each_and_find_their_source() {
        let mut texts = Vec::new();
        for i in 0..40 {
            // Words of their own: no overlap with anything else.
            let words: Vec<String> = (0..30).map(|k| letters(i * 30 + k)).collect();
            texts.push(format!("{}.", words.join(" ")));
            texts.push(WIRE.replace("146", &(100 + i).to_string()));
        }
        let docs: Vec<Document> = texts.iter().map(|t| doc(t)).collect();
        let got = near_duplicates(&docs, 0.6);
        for d in (3..docs.len()).step_by(2) {
            assert_eq!(got.rep[d], 1, "copy {d}");
        }
        assert!(got.is_rep(0) && got.is_rep(1));
    }
}
