//! The comparison of a set of documents: pairs of documents aligned, facts compared, findings
//! grouped by topic.

use std::collections::{BTreeMap, HashMap, HashSet};

use claimdiff_parse::{Document, FactValue, Lexicon, normalize_for_match};
use serde::Serialize;

use crate::dedup::{Clusters, DUPLICATE_OVERLAP, Duplicate, near_duplicates};
use crate::facts::{self, DocFacts, FactRef, Pair, Pairing};
use crate::findings::{Claim, Finding, FindingFacet, Verdict};
use crate::frame::{Frame, GENERIC_EVENTS, Occasion, occasion, occasion_note};
use crate::matrix::{self, TopicRow};
use crate::similarity::{SentencePair, SimilarityMap, terms};

/// Thresholds of the comparison. The defaults are tuned on the dev set in `data/`.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    /// Sentence similarity at which two sentences are aligned.
    pub align_threshold: f64,
    /// Sentence similarity at which two aligned sentences agree as whole statements.
    pub statement_agree: f64,
    /// Context similarity needed before two related facts may agree.
    pub agree_context: f64,
    /// Context similarity needed before two facts may conflict.
    pub conflict_context: f64,
    /// Context similarity needed for a conflict inside the reports' main event.
    pub frame_context: f64,
    /// Share of words two quotes must have in common to be the same quote.
    pub quote_overlap: f64,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            align_threshold: 0.2,
            statement_agree: 0.45,
            agree_context: 0.2,
            conflict_context: 0.3,
            frame_context: 0.1,
            quote_overlap: 0.6,
        }
    }
}

/// The result of comparing documents: findings, the sentence alignment behind them, each
/// report's main event, near-duplicate sources and, for three or more sources, the topic ×
/// source matrix.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// Findings, conflicts first, then distinct, agree and only-in.
    pub findings: Vec<Finding>,
    /// Aligned sentences of each compared pair of documents: `(doc a, doc b, pairs)`.
    pub alignments: Vec<(usize, usize, Vec<SentencePair>)>,
    /// Notes on the comparison as a whole.
    pub notes: Vec<String>,
    /// Each source's main event, by document index.
    pub frames: Vec<Frame>,
    /// Sources that copy an earlier source (wire copy), counted once in the matrix majority.
    pub duplicates: Vec<Duplicate>,
    /// One row per fact several sources state, for three or more sources (empty for two).
    pub matrix: Vec<TopicRow>,
}

impl Comparison {
    /// Number of findings with a verdict.
    #[must_use]
    pub fn count(&self, verdict: Verdict) -> usize {
        self.findings
            .iter()
            .filter(|f| f.verdict == verdict)
            .count()
    }

    /// Number of only-in findings of one document.
    #[must_use]
    pub fn only_in(&self, doc: usize) -> usize {
        self.findings
            .iter()
            .filter(|f| {
                f.verdict == Verdict::OnlyIn && f.claims.first().is_some_and(|c| c.source == doc)
            })
            .count()
    }
}

/// A report's lead: its headline and the first two sentences of the body.
pub(crate) fn lead(doc: &Document) -> impl Iterator<Item = &claimdiff_parse::Sentence> {
    let body = doc.sentences.iter().filter(|s| !s.headline).take(2);
    doc.sentences.iter().filter(|s| s.headline).chain(body)
}

/// The first event type the leads of both documents share.
fn main_event(a: &Document, b: &Document) -> Option<String> {
    let lead = |d: &Document| -> Vec<String> { lead(d).flat_map(|s| s.events.clone()).collect() };
    let lb = lead(b);
    lead(a).into_iter().find(|e| lb.contains(e))
}

/// When a report was published: its source's date, else the date of its dateline
/// ("LORUNDA, Wednesday 4 June — …", year unknown).
fn report_date(doc: &Document) -> Option<String> {
    doc.source.published.clone().or_else(|| {
        doc.sentences
            .iter()
            .take(3)
            .flat_map(|s| s.facts.iter())
            .filter_map(|f| f.time())
            .find(|t| t.dateline)
            .and_then(|t| t.timex.clone())
            .filter(|t| t.len() == 10)
    })
}

/// Most document pairs compared per document: with few enough documents every pair is
/// compared.
const PAIRS_PER_DOC: usize = 8;

/// Hubs each representative is compared with when there are too many for every pair. Each
/// comparison of two reports costs about 1 ms (mostly the facet comparisons), so 4 hubs keep
/// 1,000 distinct reports under 2 s on one core while every topic a hub reports is covered.
const HUBS: usize = 4;

/// The pairs of documents to compare, `(a, b)` with `a < b`, in order. Every pair while that
/// costs at most [`PAIRS_PER_DOC`] comparisons per document; otherwise near-linear: each
/// near-duplicate with the source it copies, and the other sources with each other while they
/// are as few, else each with the [`HUBS`] sources that share the most terms with the rest
/// (found through one document-frequency table over all their terms).
fn plan(all_terms: &[Vec<Vec<String>>], clusters: &Clusters) -> Vec<(usize, usize)> {
    let n = all_terms.len();
    let all = |docs: &[usize]| -> Vec<(usize, usize)> {
        docs.iter()
            .enumerate()
            .flat_map(|(k, &a)| docs[k + 1..].iter().map(move |&b| (a, b)))
            .collect()
    };
    if n <= 2 * PAIRS_PER_DOC + 1 {
        return all(&(0..n).collect::<Vec<_>>());
    }
    let reps: Vec<usize> = (0..n).filter(|&d| clusters.is_rep(d)).collect();
    let mut pairs: Vec<(usize, usize)> = (0..n)
        .filter(|&d| !clusters.is_rep(d))
        .map(|d| (clusters.rep[d].min(d), clusters.rep[d].max(d)))
        .collect();
    if reps.len() <= 2 * PAIRS_PER_DOC + 1 {
        pairs.extend(all(&reps));
    } else {
        let vocab = |d: usize| -> HashSet<&str> {
            all_terms[d].iter().flatten().map(String::as_str).collect()
        };
        let vocabs: Vec<HashSet<&str>> = reps.iter().map(|&d| vocab(d)).collect();
        let mut df: HashMap<&str, usize> = HashMap::new();
        for v in &vocabs {
            for t in v {
                *df.entry(t).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, usize)> = reps
            .iter()
            .zip(&vocabs)
            .map(|(&d, v)| (v.iter().map(|t| df[t] - 1).sum(), d))
            .collect();
        ranked.sort_by_key(|&(shared, d)| (std::cmp::Reverse(shared), d));
        let hubs: Vec<usize> = ranked.iter().take(HUBS).map(|&(_, d)| d).collect();
        for &r in &reps {
            pairs.extend(
                hubs.iter()
                    .filter(|&&h| h != r)
                    .map(|&h| (r.min(h), r.max(h))),
            );
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Compares every pair of documents that [`plan`] picks and returns the grouped findings, each
/// source's [`Frame`], its near-duplicates and, for three or more sources, the topic × source
/// matrix.
#[must_use]
pub fn compare(docs: &[Document], lex: &Lexicon, cfg: &Config) -> Comparison {
    let all_terms: Vec<Vec<Vec<String>>> = docs.iter().map(|d| terms(d, lex)).collect();
    let clusters = near_duplicates(docs, DUPLICATE_OVERLAP);
    let frames: Vec<Frame> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| Frame::build(i, d, lex))
        .collect();
    let doc_facts: Vec<DocFacts<'_>> = docs.iter().map(|d| DocFacts::build(d, lex)).collect();
    let mut pairings = Vec::new();
    let mut alignments = Vec::new();
    let mut aligned: HashSet<(usize, usize)> = HashSet::new();
    let mut notes = Vec::new();
    for (ia, ib) in plan(&all_terms, &clusters) {
        let (a, b) = (&docs[ia], &docs[ib]);
        let sim = SimilarityMap::build(&all_terms[ia], &all_terms[ib]);
        let occasion = occasion(a, &frames[ia], b, &frames[ib], |sa, sb| {
            sim.get(sa, sb) >= cfg.conflict_context
        });
        notes.extend(occasion_note((a, &frames[ia]), (b, &frames[ib]), occasion));
        let pair = Pair {
            a,
            b,
            ia,
            ib,
            sim: &sim,
            terms: (all_terms[ia].as_slice(), all_terms[ib].as_slice()),
            lex,
            cfg,
            main_event: main_event(a, b),
            different_frames: occasion.different(),
            lead_dates: (occasion == Occasion::Date)
                .then(|| frames[ia].first_date().zip(frames[ib].first_date()))
                .flatten(),
            report_dates: (report_date(a), report_date(b)),
            facts: (&doc_facts[ia], &doc_facts[ib]),
        };
        let mut found = facts::quantities(&pair);
        found.extend(facts::times(&pair));
        found.extend(facts::locations(&pair));
        found.extend(facts::quotes(&pair));
        found.extend(facts::actors(&pair));
        let sentence_pairs = sim.assign(a.sentences.len(), b.sentences.len(), cfg.align_threshold);
        statements(&pair, &sentence_pairs, &mut found);
        same_actions(&pair, &mut found);
        for i in 0..a.sentences.len() {
            if sim.best_a(i) >= cfg.align_threshold {
                aligned.insert((ia, i));
            }
        }
        for j in 0..b.sentences.len() {
            if sim.best_b(j) >= cfg.align_threshold {
                aligned.insert((ib, j));
            }
        }
        alignments.push((ia, ib, sentence_pairs));
        pairings.extend(found);
    }
    let implied = implied_conflicts(docs, &pairings);
    pairings.extend(implied);
    let joined = join(docs, &mut pairings);
    let matrix = if docs.len() >= 3 {
        matrix::build(docs, &pairings, &clusters)
    } else {
        Vec::new()
    };
    let mut findings = group(docs, pairings, &joined);
    findings.extend(only_in(docs, &findings, &aligned));
    findings.sort_by_key(Finding::sort_key);
    Comparison {
        findings,
        alignments,
        notes,
        frames,
        duplicates: clusters.duplicates,
        matrix,
    }
}

/// Sentences that state the same actions about the same thing: two or more event types and a
/// content term in common ("call for a contract to be scrapped" / "demanded that … cancel a
/// contract"), grouped by those events.
fn same_actions(p: &Pair<'_>, found: &mut Vec<Pairing>) {
    let conflicted: HashSet<(usize, usize)> = found
        .iter()
        .filter(|f| f.verdict == Verdict::Conflict)
        .map(|f| (f.a.sentence, f.b.sentence))
        .collect();
    for (sa, a) in p.a.sentences.iter().enumerate() {
        for (sb, b) in p.b.sentences.iter().enumerate() {
            let shared: Vec<&String> = a
                .events
                .iter()
                .filter(|e| b.events.contains(e) && !GENERIC_EVENTS.contains(&e.as_str()))
                .collect();
            let ctx = p.sim.get(sa, sb);
            if shared.len() < 2 || ctx < p.cfg.agree_context / 2.0 || conflicted.contains(&(sa, sb))
            {
                continue;
            }
            let objects = p.terms.0[sa].iter().any(|t| {
                !t.starts_with("event:")
                    && !t.starts_with("actor:")
                    && !t.starts_with("qty:")
                    && p.terms.1[sb].contains(t)
            });
            if !objects {
                continue;
            }
            let topic = shared
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" + ");
            let ra = FactRef {
                doc: p.ia,
                sentence: sa,
                fact: None,
            };
            let rb = FactRef {
                doc: p.ib,
                sentence: sb,
                fact: None,
            };
            found.push(Pairing {
                verdict: Verdict::Agree,
                facet: FindingFacet::Statement,
                topic,
                a: ra,
                b: rb,
                score: ctx,
                note: Some("same actions in both".to_owned()),
            });
        }
    }
}

/// Aligned sentences that say the same thing as a whole, when no fact finding covers them.
fn statements(p: &Pair<'_>, pairs: &[SentencePair], found: &mut Vec<Pairing>) {
    let covered: HashSet<(usize, usize)> = found
        .iter()
        .filter(|f| f.verdict != Verdict::Distinct)
        .map(|f| (f.a.sentence, f.b.sentence))
        .collect();
    let conflicted: HashSet<FactRef> = found
        .iter()
        .filter(|f| f.verdict == Verdict::Conflict)
        .flat_map(|f| [FactRef { fact: None, ..f.a }, FactRef { fact: None, ..f.b }])
        .collect();
    for sp in pairs {
        let ra = FactRef {
            doc: p.ia,
            sentence: sp.a,
            fact: None,
        };
        let rb = FactRef {
            doc: p.ib,
            sentence: sp.b,
            fact: None,
        };
        if sp.score < p.cfg.statement_agree
            || covered.contains(&(sp.a, sp.b))
            || conflicted.contains(&ra)
            || conflicted.contains(&rb)
        {
            continue;
        }
        let topic = shared_words(p, sp.a, sp.b);
        found.push(Pairing {
            verdict: Verdict::Agree,
            facet: FindingFacet::Statement,
            topic,
            a: ra,
            b: rb,
            score: sp.score,
            note: Some(format!(
                "sentences match ({:.0}% similar)",
                sp.score * 100.0
            )),
        });
    }
}

/// A few content words both sentences use, as a topic name.
fn shared_words(p: &Pair<'_>, sa: usize, sb: usize) -> String {
    let words = |d: &Document, s: usize| -> Vec<String> {
        d.words(&d.sentences[s])
            .filter(|w| !p.lex.is_stopword(w) && w.chars().count() > 2)
            .map(|w| w.to_lowercase())
            .collect()
    };
    let wb = words(p.b, sb);
    let mut shared: Vec<String> = words(p.a, sa)
        .into_iter()
        .filter(|w| wb.contains(w))
        .collect();
    shared.dedup();
    shared.truncate(4);
    if shared.is_empty() {
        "statement".to_owned()
    } else {
        shared.join(" ")
    }
}

/// Joins pairings of one verdict and facet that share a fact, across all pairs of sources,
/// and returns each pairing's group: the index of the first pairing of its group. Conflicts
/// join through a fact known by its document and value, so that a dissenting source's figure
/// and every figure it contradicts make one finding (a figure repeated in a report, in its
/// headline and its lead, joins too); agreements join through the very fact, so that every
/// source giving the same fact makes one finding. Each pairing takes its group's topic.
fn join(docs: &[Document], pairings: &mut [Pairing]) -> Vec<usize> {
    // Union-find over the pairings, joined through the facts they share.
    let mut parent: Vec<usize> = (0..pairings.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    /// What joins two pairings: a conflicting figure's value, or the very fact agreed on.
    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    enum Shared {
        Value(String),
        Fact(usize, Option<usize>),
    }
    let mut owner: BTreeMap<(Verdict, FindingFacet, usize, Shared), usize> = BTreeMap::new();
    for (n, p) in pairings.iter().enumerate() {
        let joined = match p.verdict {
            Verdict::Conflict => true,
            Verdict::Agree => p.facet != FindingFacet::Statement,
            _ => false,
        };
        if !joined {
            continue;
        }
        for r in [p.a, p.b] {
            let shared = if p.verdict == Verdict::Conflict {
                Shared::Value(claim(docs, r).value)
            } else {
                Shared::Fact(r.sentence, r.fact)
            };
            match owner.entry((p.verdict, p.facet, r.doc, shared)) {
                std::collections::btree_map::Entry::Occupied(e) => {
                    let (x, y) = (root(&mut parent, *e.get()), root(&mut parent, n));
                    parent[x.max(y)] = x.min(y);
                }
                std::collections::btree_map::Entry::Vacant(e) => {
                    e.insert(n);
                }
            }
        }
    }
    (0..pairings.len())
        .map(|n| {
            let r = root(&mut parent, n);
            if r != n {
                pairings[n].topic = pairings[r].topic.clone();
            }
            r
        })
        .collect()
}

/// Conflicts one source's figure has through another source that gives the very same value:
/// when B's "2:14 p.m." conflicts with C's "3.14pm" and A's "2.14pm" agrees with B's with the
/// same value, A's conflicts with C's too, though A and C alone were not close enough to
/// say so. Never where the two facts already have a verdict of their own.
fn implied_conflicts(docs: &[Document], pairings: &[Pairing]) -> Vec<Pairing> {
    let value = |r: FactRef| {
        r.fact
            .and_then(|k| docs[r.doc].sentences[r.sentence].facts.get(k))
            .map(|f| f.value.as_str())
    };
    // Each fact's agreeing facts in other reports, per facet.
    let mut agreeing: HashMap<(FindingFacet, FactRef), Vec<FactRef>> = HashMap::new();
    for g in pairings.iter().filter(|g| g.verdict == Verdict::Agree) {
        agreeing.entry((g.facet, g.a)).or_default().push(g.b);
        agreeing.entry((g.facet, g.b)).or_default().push(g.a);
    }
    let mut judged: HashSet<(FactRef, FactRef)> = pairings.iter().map(|p| (p.a, p.b)).collect();
    let mut out: Vec<Pairing> = Vec::new();
    for c in pairings.iter().filter(|p| p.verdict == Verdict::Conflict) {
        for (shared, opposite) in [(c.a, c.b), (c.b, c.a)] {
            let Some(others) = agreeing.get(&(c.facet, shared)) else {
                continue;
            };
            for &other in others {
                if other.doc == c.a.doc
                    || other.doc == c.b.doc
                    || value(other).is_none()
                    || value(other) != value(shared)
                {
                    continue;
                }
                let (a, b) = if other.doc < opposite.doc {
                    (other, opposite)
                } else {
                    (opposite, other)
                };
                if judged.insert((a, b)) {
                    out.push(Pairing {
                        a,
                        b,
                        note: None,
                        ..c.clone()
                    });
                }
            }
        }
    }
    out
}

/// A claim for a fact (or a whole sentence).
pub(crate) fn claim(docs: &[Document], r: FactRef) -> Claim {
    let s = &docs[r.doc].sentences[r.sentence];
    match r.fact.and_then(|k| s.facts.get(k)) {
        Some(f) => Claim {
            source: r.doc,
            sentence: r.sentence,
            span: f.span.clone(),
            raw: f.raw.clone(),
            value: f.value.clone(),
        },
        None => {
            let text = docs[r.doc].sentence_text(s).to_owned();
            Claim {
                source: r.doc,
                sentence: r.sentence,
                span: s.span.clone(),
                value: normalize_for_match(&text),
                raw: text,
            }
        }
    }
}

/// Groups pairings of one verdict, facet and topic into findings.
/// `joined` gives each pairing's group (see [`join`]).
fn group(docs: &[Document], pairings: Vec<Pairing>, joined: &[usize]) -> Vec<Finding> {
    // Agreements are grouped per joined group as well, so that one finding never mixes two
    // separate agreements that happen to share a topic.
    let mut groups: BTreeMap<(Verdict, FindingFacet, String, String), Vec<Pairing>> =
        BTreeMap::new();
    let values: Vec<String> = pairings
        .iter()
        .zip(joined)
        .map(|(p, &r)| {
            if p.verdict == Verdict::Agree && p.facet != FindingFacet::Statement {
                claim(docs, pairings[r].a).value
            } else {
                String::new()
            }
        })
        .collect();
    for (p, value) in pairings.into_iter().zip(values) {
        groups
            .entry((p.verdict, p.facet, p.topic.clone(), value))
            .or_default()
            .push(p);
    }
    // An agreement inside a conflict (two of three sources giving the figure a third
    // contradicts) is shown by the conflict, not listed again.
    let conflicted: HashSet<(FindingFacet, FactRef)> = groups
        .iter()
        .filter(|(k, _)| k.0 == Verdict::Conflict)
        .flat_map(|(k, ps)| ps.iter().flat_map(move |p| [(k.1, p.a), (k.1, p.b)]))
        .collect();
    groups
        .into_iter()
        .filter(|((v, f, _, _), ps)| {
            *v != Verdict::Agree
                || !ps
                    .iter()
                    .all(|p| conflicted.contains(&(*f, p.a)) && conflicted.contains(&(*f, p.b)))
        })
        .map(|((verdict, facet, topic, _), ps)| {
            let mut refs: Vec<FactRef> = ps.iter().flat_map(|p| [p.a, p.b]).collect();
            refs.sort_by_key(|r| (r.doc, r.sentence, r.fact));
            refs.dedup();
            let claims: Vec<Claim> = refs.iter().map(|&r| claim(docs, r)).collect();
            let confidence = ps
                .iter()
                .map(|p| p.score)
                .fold(0.0, f64::max)
                .clamp(0.0, 1.0);
            let confidence = (confidence * 100.0).round() / 100.0;
            let mut notes: Vec<String> = ps.iter().filter_map(|p| p.note.clone()).collect();
            notes.dedup();
            let explanation = if facet == FindingFacet::Statement {
                notes.join("; ")
            } else {
                explain(docs, verdict, &claims, &notes)
            };
            Finding {
                verdict,
                facet,
                topic,
                explanation,
                confidence,
                claims,
            }
        })
        .collect()
}

/// "A: x / y; B: z — note".
fn explain(docs: &[Document], verdict: Verdict, claims: &[Claim], notes: &[String]) -> String {
    let mut by_source: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for c in claims {
        let v = by_source.entry(c.source).or_default();
        let shown = shown_value(docs, c);
        let shown = if shown.chars().count() > 60 {
            format!("{}…", shown.chars().take(60).collect::<String>())
        } else {
            shown
        };
        if !v.contains(&shown) {
            v.push(shown);
        }
    }
    let values: Vec<String> = by_source
        .iter()
        .map(|(s, v)| format!("{}: {}", docs[*s].source.id, v.join(" / ")))
        .collect();
    let lead = match verdict {
        Verdict::Conflict => "incompatible",
        Verdict::Distinct => "about different things",
        Verdict::Agree => "consistent",
        Verdict::OnlyIn => "only one source",
    };
    let mut text = format!("{lead}: {}", values.join("; "));
    if !notes.is_empty() {
        text.push_str(&format!(" ({})", notes.join("; ")));
    }
    text
}

/// How a claim's value reads in an explanation: a figure with what it counts ("seven [aid
/// worker, kill]"), a place as understood ("Harbour Trust's headquarters (Kingsway)"), else as
/// written.
fn shown_value(docs: &[Document], c: &Claim) -> String {
    let fact = docs[c.source].sentences[c.sentence]
        .facts
        .iter()
        .find(|f| f.span == c.span);
    match fact.map(|f| &f.detail) {
        Some(FactValue::Quantity(q)) => {
            let about: Vec<&str> = [q.referent.as_deref(), q.event.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if about.is_empty() {
                c.raw.clone()
            } else {
                format!("{} [{}]", c.raw, about.join(", "))
            }
        }
        Some(FactValue::Location(_)) => c.value.clone(),
        _ => c.raw.clone(),
    }
}

/// Sentences no other source aligns with and no finding uses, once per distinct text.
fn only_in(
    docs: &[Document],
    findings: &[Finding],
    aligned: &HashSet<(usize, usize)>,
) -> Vec<Finding> {
    let used: HashSet<(usize, usize)> = findings
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| (c.source, c.sentence)))
        .collect();
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let mut seen = HashSet::new();
        for s in &doc.sentences {
            let text = doc.sentence_text(s);
            let key = normalize_for_match(text);
            if !seen.insert(key)
                || used.contains(&(d, s.index))
                || aligned.contains(&(d, s.index))
                || text.split_whitespace().count() < 4
            {
                continue;
            }
            let c = claim(
                docs,
                FactRef {
                    doc: d,
                    sentence: s.index,
                    fact: None,
                },
            );
            let topic: String = text
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Finding {
                verdict: Verdict::OnlyIn,
                facet: FindingFacet::Statement,
                topic,
                explanation: format!("only {} says this", doc.source.id),
                confidence: 1.0,
                claims: vec![c],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` documents of one sentence each with the given terms; `copies` as (copy, of).
    fn plan_for(terms: &[&[&str]], copies: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let all: Vec<Vec<Vec<String>>> = terms
            .iter()
            .map(|t| vec![t.iter().map(|w| (*w).to_owned()).collect()])
            .collect();
        let mut clusters = Clusters {
            rep: (0..terms.len()).collect(),
            duplicates: Vec::new(),
        };
        for &(copy, of) in copies {
            clusters.rep[copy] = of;
        }
        plan(&all, &clusters)
    }

    #[test]
    fn every_pair_while_cheap_then_copies_with_their_source_and_the_rest_with_hubs() {
        let few: Vec<&[&str]> = vec![&["quake"]; 4];
        assert_eq!(plan_for(&few, &[(3, 0)]).len(), 6, "every pair of 4");
        let at_limit: Vec<&[&str]> = vec![&["quake"]; 2 * PAIRS_PER_DOC + 1];
        let n = at_limit.len();
        assert_eq!(plan_for(&at_limit, &[]).len(), n * (n - 1) / 2);

        // 100 reports: 0..10 sources, the rest copies of one of them.
        let many: Vec<&[&str]> = vec![&["quake", "toll"]; 100];
        let copies: Vec<(usize, usize)> = (10..100).map(|d| (d, d % 10)).collect();
        let pairs = plan_for(&many, &copies);
        for &(copy, of) in &copies {
            let with: Vec<&(usize, usize)> = pairs
                .iter()
                .filter(|(a, b)| *a == copy || *b == copy)
                .collect();
            assert_eq!(
                with,
                [&(of, copy)],
                "copy {copy} is compared with {of} only"
            );
        }
        assert_eq!(pairs.len(), 90 + 45, "and the 10 sources with each other");

        // 200 distinct reports: each with the hubs, the ones sharing most terms.
        let mut distinct: Vec<&[&str]> = vec![&["quake"]; 200];
        distinct[7] = &["quake", "toll", "town", "mayor"];
        distinct[3] = &["quake", "toll", "town"];
        let pairs = plan_for(&distinct, &[]);
        assert!(pairs.len() <= 200 * HUBS, "{} pairs", pairs.len());
        for d in [0, 50, 199] {
            for hub in [3, 7] {
                assert!(
                    pairs.contains(&(d.min(hub), d.max(hub))),
                    "{d} is compared with hub {hub}"
                );
            }
        }
    }
}
