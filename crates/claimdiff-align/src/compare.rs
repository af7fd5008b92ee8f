//! The comparison of a set of documents: every pair aligned, facts compared, findings grouped
//! by topic.

use std::collections::{BTreeMap, HashSet};

use claimdiff_parse::{Document, FactValue, Lexicon, normalize_for_match};
use serde::Serialize;

use crate::facts::{self, FactRef, Pair, Pairing};
use crate::findings::{Claim, Finding, FindingFacet, Verdict};
use crate::similarity::{SentencePair, SimilarityMap, terms};
use crate::values::timex_compatible;

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

/// The result of comparing documents: findings, and the sentence alignment behind them.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Findings, conflicts first, then distinct, agree and only-in.
    pub findings: Vec<Finding>,
    /// Aligned sentences of each compared pair of documents: `(doc a, doc b, pairs)`.
    pub alignments: Vec<(usize, usize, Vec<SentencePair>)>,
    /// Notes on the comparison as a whole.
    pub notes: Vec<String>,
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

/// The dates of both leads when they are incompatible (different occasions), as written.
fn frame_dates(a: &Document, b: &Document) -> Option<(String, String)> {
    let lead_dates = |d: &Document| -> Vec<(String, String)> {
        lead(d)
            .flat_map(|s| s.facts.iter())
            .filter_map(|f| {
                f.time()
                    .filter(|t| !t.dateline)
                    .and_then(|t| t.timex.clone())
                    .map(|t| (t, f.raw.clone()))
            })
            .filter(|(t, _)| t.len() >= 10)
            .collect()
    };
    let (da, db) = (lead_dates(a), lead_dates(b));
    let (x, y) = (da.first()?, db.first()?);
    let compatible = da
        .iter()
        .any(|(s, _)| db.iter().any(|(t, _)| timex_compatible(s, t)));
    (!compatible).then(|| (x.1.clone(), y.1.clone()))
}

/// Compares every pair of documents and returns the grouped findings.
#[must_use]
pub fn compare(docs: &[Document], lex: &Lexicon, cfg: &Config) -> Comparison {
    let all_terms: Vec<Vec<Vec<String>>> = docs.iter().map(|d| terms(d, lex)).collect();
    let mut pairings = Vec::new();
    let mut alignments = Vec::new();
    let mut aligned: HashSet<(usize, usize)> = HashSet::new();
    let mut notes = Vec::new();
    for ia in 0..docs.len() {
        for ib in ia + 1..docs.len() {
            let (a, b) = (&docs[ia], &docs[ib]);
            let sim = SimilarityMap::build(&all_terms[ia], &all_terms[ib]);
            let terms = (all_terms[ia].as_slice(), all_terms[ib].as_slice());
            let pair = Pair {
                a,
                b,
                ia,
                ib,
                sim: &sim,
                terms,
                lex,
                cfg,
                main_event: main_event(a, b),
                different_frames: false,
                report_dates: (report_date(a), report_date(b)),
            };
            let frames = frame_dates(a, b);
            let pair = Pair {
                different_frames: frames.is_some(),
                ..pair
            };
            if let Some((da, db)) = &frames {
                notes.push(format!(
                    "{} and {} may describe different occasions: their leads give {da} and {db}",
                    a.source.id, b.source.id
                ));
            }
            let mut found = facts::quantities(&pair);
            found.extend(facts::times(&pair));
            found.extend(facts::locations(&pair));
            found.extend(facts::quotes(&pair));
            found.extend(facts::actors(&pair));
            let sentence_pairs =
                sim.assign(a.sentences.len(), b.sentences.len(), cfg.align_threshold);
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
    }
    let mut findings = group(docs, pairings);
    findings.extend(only_in(docs, &findings, &aligned));
    findings.sort_by_key(Finding::sort_key);
    Comparison {
        findings,
        alignments,
        notes,
    }
}

/// Event types too common to identify a claim on their own.
pub(crate) const GENERIC_EVENTS: [&str; 3] = ["warn", "rise", "fall"];

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
    let mut owner: BTreeMap<(Verdict, FindingFacet, usize, String), usize> = BTreeMap::new();
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
            let fact = if p.verdict == Verdict::Conflict {
                claim(docs, r).value
            } else {
                format!("{}:{:?}", r.sentence, r.fact)
            };
            match owner.get(&(p.verdict, p.facet, r.doc, fact.clone())) {
                Some(&m) => {
                    let (x, y) = (root(&mut parent, m), root(&mut parent, n));
                    parent[x.max(y)] = x.min(y);
                }
                None => {
                    owner.insert((p.verdict, p.facet, r.doc, fact), n);
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

/// A claim for a fact (or a whole sentence).
fn claim(docs: &[Document], r: FactRef) -> Claim {
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
fn group(docs: &[Document], mut pairings: Vec<Pairing>) -> Vec<Finding> {
    let joined = join(docs, &mut pairings);
    // Agreements are grouped per joined group as well, so that one finding never mixes two
    // separate agreements that happen to share a topic.
    let mut groups: BTreeMap<(Verdict, FindingFacet, String, String), Vec<Pairing>> =
        BTreeMap::new();
    let first_values: Vec<String> = joined
        .iter()
        .map(|&r| claim(docs, pairings[r].a).value)
        .collect();
    for (p, value) in pairings.into_iter().zip(first_values) {
        let value = if p.verdict == Verdict::Agree && p.facet != FindingFacet::Statement {
            value
        } else {
            String::new()
        };
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
