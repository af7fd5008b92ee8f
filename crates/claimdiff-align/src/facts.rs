//! Facet comparisons inside related claims: each returns [`Pairing`]s, one verdict on two facts.

use std::collections::HashSet;
use std::ops::Range;

use claimdiff_parse::{
    ActorKind, Document, Facet, Fact, Lexicon, Quantity, TokenKind, normalize_for_match,
};
use similar::{ChangeTag, TextDiff};

use crate::compare::Config;
use crate::findings::{FindingFacet, Verdict};
use crate::similarity::{SimilarityMap, is_content_word};
use crate::values::{
    PlaceRelation, base_value, dimension_of, is_clock, name_key, places, quantities_compatible,
    same_dimension, same_key, same_name, same_tally, time_key, timex_agree, timex_comparable,
    timex_compatible,
};

/// A fact (or a whole sentence when `fact` is `None`) of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct FactRef {
    pub doc: usize,
    pub sentence: usize,
    pub fact: Option<usize>,
}

/// One verdict on claims from two documents.
#[derive(Debug, Clone)]
pub(crate) struct Pairing {
    pub verdict: Verdict,
    pub facet: FindingFacet,
    pub topic: String,
    pub a: FactRef,
    pub b: FactRef,
    pub score: f64,
    /// Extra words for the explanation (a word diff, a conversion).
    pub note: Option<String>,
}

/// Two documents being compared, with what is shared by every facet comparison.
pub(crate) struct Pair<'a> {
    pub a: &'a Document,
    pub b: &'a Document,
    pub ia: usize,
    pub ib: usize,
    pub sim: &'a SimilarityMap,
    /// Comparison terms of each sentence of `a` and `b`.
    pub terms: (&'a [Vec<String>], &'a [Vec<String>]),
    pub lex: &'a Lexicon,
    pub cfg: &'a Config,
    /// The event type of both reports' lead, when they share one.
    pub main_event: Option<String>,
    /// The leads give incompatible dates: the reports may describe different occasions.
    pub different_frames: bool,
    /// Sentence and fact index of each lead's first date, when the leads name one place on
    /// two days (see [`crate::frame::Occasion::Date`]): the main event's dates, to compare
    /// even with no event word beside them.
    pub lead_dates: Option<((usize, usize), (usize, usize))>,
    /// When each report was published (`YYYY-MM-DD`, or `XXXX-MM-DD` from a dateline).
    pub report_dates: (Option<String>, Option<String>),
    /// The comparable figures and times of `a` and `b`, read once per document.
    pub facts: (&'a DocFacts<'a>, &'a DocFacts<'a>),
}

/// A document's figures, each with what it counts, and its comparable times: they depend on
/// the document alone, so [`crate::compare::compare`] reads them once per document, not once
/// per pair of documents.
pub(crate) struct DocFacts<'d> {
    counted: Vec<(usize, usize, &'d Fact, &'d Quantity, Counted)>,
    /// The first amount of money the document gives, when it is in its lead (see
    /// [`lead_amount`]).
    lead_amount: Option<&'d Quantity>,
    times: Vec<TimeFact<'d>>,
    /// The paragraph of each sentence, counted from 0: a blank line starts a new one.
    paragraphs: Vec<usize>,
}

impl<'d> DocFacts<'d> {
    /// Reads the figures and times of `doc`.
    pub(crate) fn build(doc: &'d Document, lex: &Lexicon) -> Self {
        let counted = counted(doc, lex);
        Self {
            lead_amount: lead_amount(doc, &counted),
            counted,
            times: time_facts(doc, lex),
            paragraphs: paragraphs(doc),
        }
    }
}

/// The paragraph of each sentence of `doc` (see [`DocFacts::paragraphs`]).
fn paragraphs(doc: &Document) -> Vec<usize> {
    let mut n = 0;
    let mut end = 0;
    doc.sentences
        .iter()
        .map(|s| {
            let gap = doc.text.get(end..s.span.start).unwrap_or_default();
            if end > 0 && gap.split('\n').skip(1).any(|line| line.trim().is_empty()) {
                n += 1;
            }
            end = s.span.end;
            n
        })
        .collect()
}

/// Where equal specific figures place the passages of two reports: for each such pair of
/// figures ("1,204 votes" / "by 1,204 votes to 1,201"), the paragraph and fact of each, and
/// how many figures they state (two for a tally, "1,204 votes to 1,201").
struct Anchors(Vec<([(usize, FactRef); 2], usize)>);

impl Anchors {
    fn new(p: &Pair<'_>) -> Self {
        let (qa, qb) = (&p.facts.0.counted, &p.facts.1.counted);
        let (pa, pb) = (&p.facts.0.paragraphs, &p.facts.1.paragraphs);
        let mut out = Vec::new();
        for (sa, ka, _, x, _) in qa {
            if !distinctive(x) || x.conversion {
                continue;
            }
            for (sb, kb, _, y, _) in qb {
                if x.unit == y.unit && x.value == y.value && same_tally(x, y) && !y.conversion {
                    let (ra, rb) = p.refs(*sa, *ka, *sb, *kb);
                    let figures = if x.against.is_some() { 2 } else { 1 };
                    out.push(([(pa[*sa], ra), (pb[*sb], rb)], figures));
                }
            }
        }
        Self(out)
    }

    /// True when the paragraph of one figure is placed elsewhere in the other report: two or
    /// more of its specific figures are in another paragraph there, and none in the other
    /// figure's. "Five candidates stood in the ward" follows "Quill polled 1,204 votes to
    /// 1,201", which the other report gives as last year's result, not beside its "Four
    /// candidates stood": the two counts are of two elections.
    fn elsewhere(&self, pa: usize, pb: usize) -> bool {
        self.placed(0, pa, pb) || self.placed(1, pb, pa)
    }

    /// [`Anchors::elsewhere`] seen from report `side` (0 or 1): paragraph `here` of it, and
    /// paragraph `there` of the other.
    fn placed(&self, side: usize, here: usize, there: usize) -> bool {
        let mut figures: Vec<(FactRef, usize)> = Vec::new();
        for (anchor, n) in &self.0 {
            let ((p, fact), (other, _)) = (anchor[side], anchor[1 - side]);
            if p != here {
                continue;
            }
            if other == there {
                return false;
            }
            if !figures.iter().any(|(f, _)| *f == fact) {
                figures.push((fact, *n));
            }
        }
        figures.iter().map(|(_, n)| n).sum::<usize>() >= 2
    }
}

/// True for the headline and the first two sentences of the body.
fn is_lead(doc: &Document, sentence: usize) -> bool {
    crate::compare::lead(doc).any(|s| s.index == sentence)
}

/// Facts of one facet in a document, with their positions.
fn facts_of(doc: &Document, facet: Facet) -> impl Iterator<Item = (usize, usize, &Fact)> {
    doc.sentences.iter().flat_map(move |s| {
        s.facts
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.facet == facet)
            .map(move |(k, f)| (s.index, k, f))
    })
}

impl<'a> Pair<'a> {
    fn refs(&self, sa: usize, ka: usize, sb: usize, kb: usize) -> (FactRef, FactRef) {
        (
            FactRef {
                doc: self.ia,
                sentence: sa,
                fact: Some(ka),
            },
            FactRef {
                doc: self.ib,
                sentence: sb,
                fact: Some(kb),
            },
        )
    }

    /// Event types both sentences share.
    fn shared_events(&self, sa: usize, sb: usize) -> Vec<&str> {
        let eb = &self.b.sentences[sb].events;
        self.a.sentences[sa]
            .events
            .iter()
            .filter(|e| eb.contains(e))
            .map(String::as_str)
            .collect()
    }

    /// Whether two facts' events are the same (`Some(true)`), different (`Some(false)`) or
    /// unknown (`None`). Two different event words are only different events when neither
    /// sentence also carries the other's event ("nurses walked out … a 48-hour strike" /
    /// "nurses began a two-day strike"): a sentence can name one happening with two words.
    fn same_event(&self, a: (usize, Option<&str>), b: (usize, Option<&str>)) -> Option<bool> {
        let has = |d: &Document, s: usize, e: &str| d.sentences[s].events.iter().any(|x| x == e);
        // A change word reaching a figure ("turnout rose to 64%") is not a figure's event (the
        // parser passes it over); one left ("rose by 3%") names a change, not a level.
        match (a.1, b.1) {
            (Some(e), Some(f)) if e == f => Some(true),
            (Some(e), Some(f)) if has(self.b, b.0, e) || has(self.a, a.0, f) => None,
            (Some(_), Some(_)) => Some(false),
            _ => None,
        }
    }

    /// True when the sentences of two facts carry absolute dates that cannot be the same day,
    /// or only relative times that differ: they describe different occasions. Not for the
    /// sentences of the leads' dates when the leads name one place (see `lead_dates`). `fa` and `fb`
    /// are the facts' spans.
    fn different_occasions(
        &self,
        (sa, fa): (usize, Range<usize>),
        (sb, fb): (usize, Range<usize>),
    ) -> bool {
        // The leads' sentences name one place on two days: one occasion, its date in conflict.
        if self
            .lead_dates
            .is_some_and(|((la, _), (lb, _))| (la, lb) == (sa, sb))
        {
            return false;
        }
        let (ta, tb) = (governing(self.a, sa, &fa), governing(self.b, sb, &fb));
        let dates = |ts: &[&claimdiff_parse::Time]| -> Vec<String> {
            ts.iter()
                .filter_map(|t| time_key(t))
                .filter(|x| !is_clock(x))
                .collect()
        };
        let (da, db) = (dates(&ta), dates(&tb));
        // A sentence dated by a bare year tells of an earlier occasion unless the other
        // sentence names the same year.
        let year_only = |d: &[String]| d.iter().any(|t| t.len() == 4);
        if year_only(&da) != year_only(&db) {
            return true;
        }
        // So does one dated by a period ("in the year to 31 March", "from May to July") against
        // one dated by a day or month, even inside the period ("in March"): the figures are
        // counted over different spans.
        let period = |d: &[String]| d.iter().any(|t| t.contains('/'));
        if period(&da) != period(&db) && !da.is_empty() && !db.is_empty() {
            return true;
        }
        // Two relative times of one kind that differ ("this year" / "last year", "on Monday" /
        // "on Tuesday") date the figures differently even when neither resolves; of two kinds
        // ("yesterday" / "on Monday") they may be the same day.
        if da.is_empty() && db.is_empty() {
            let relative = |ts: &[&'a claimdiff_parse::Time]| -> Vec<&'a str> {
                ts.iter().filter_map(|t| t.relative.as_deref()).collect()
            };
            let (ra, rb) = (relative(&ta), relative(&tb));
            let mut comparable = ra
                .iter()
                .flat_map(|x| rb.iter().map(move |y| (x, y)))
                .filter(|(x, y)| relative_kind(x) == relative_kind(y))
                .peekable();
            if comparable.peek().is_some() {
                return comparable.all(|(x, y)| x != y);
            }
        }
        !da.is_empty()
            && !db.is_empty()
            && !da.iter().any(|x| db.iter().any(|y| timex_compatible(x, y)))
    }

    /// True when one sentence gives its figures for a whole area ("34% of the vote
    /// nationally", "Across the borough, turnout was 34%") and the other does not ("In
    /// Sunderland, the party took 51%", "Turnout was 24%"): a whole and maybe a part.
    fn different_scopes(&self, sa: usize, sb: usize) -> bool {
        const WIDE: [&str; 5] = [
            "nationally",
            "nationwide",
            "countrywide",
            "overall",
            "across",
        ];
        let wide = |d: &Document, s: usize| {
            d.sentences[s]
                .tokens
                .iter()
                .any(|t| WIDE.iter().any(|w| t.text(&d.text).eq_ignore_ascii_case(w)))
        };
        wide(self.a, sa) != wide(self.b, sb)
    }

    /// The normalised value of a fact.
    fn value(&self, r: FactRef) -> &str {
        let doc = if r.doc == self.ia { self.a } else { self.b };
        r.fact
            .and_then(|k| doc.sentences[r.sentence].facts.get(k))
            .map_or("", |f| f.value.as_str())
    }

    /// A conflicting toll becomes an update (distinct) when the later report gives the higher
    /// figure: tolls rise as a story develops.
    fn update_checked(&self, mut pairing: Pairing, x: &Quantity, y: &Quantity) -> Pairing {
        let toll = x
            .event
            .as_deref()
            .or(y.event.as_deref())
            .is_some_and(|e| self.lex.is_toll(e));
        let (Some(da), Some(db)) = (&self.report_dates.0, &self.report_dates.1) else {
            return pairing;
        };
        let day = |d: &str| d.get(5..).unwrap_or(d).to_owned();
        let (ka, kb) = if da.starts_with('X') || db.starts_with('X') {
            (day(da), day(db))
        } else {
            (da.clone(), db.clone())
        };
        let later_higher = match ka.cmp(&kb) {
            std::cmp::Ordering::Less => y.value > x.value,
            std::cmp::Ordering::Greater => x.value > y.value,
            std::cmp::Ordering::Equal => false,
        };
        if pairing.verdict == Verdict::Conflict && toll && later_higher {
            let (id, date) = if ka < kb {
                (&self.b.source.id, db)
            } else {
                (&self.a.source.id, da)
            };
            pairing.verdict = Verdict::Distinct;
            pairing.note = Some(format!(
                "update: {id} is the later report ({date}) and gives a higher figure"
            ));
        }
        pairing
    }

    /// A conflict becomes distinct when the two reports' leads describe different occasions.
    fn occasion_checked(&self, mut pairing: Pairing) -> Pairing {
        if pairing.verdict == Verdict::Conflict && self.different_frames {
            pairing.verdict = Verdict::Distinct;
            pairing.note = Some("the reports' leads describe different occasions".to_owned());
        }
        pairing
    }

    /// The event topic for two sentences: the main event when both have it, else the first
    /// shared event.
    fn topic_event(&self, sa: usize, sb: usize) -> Option<String> {
        let shared = self.shared_events(sa, sb);
        match &self.main_event {
            Some(m) if shared.contains(&m.as_str()) => Some(m.clone()),
            _ => shared.first().map(|s| (*s).to_owned()),
        }
    }
}

/// True when the date at `date` dates the fact at `fact` in sentence `s`: it comes before the
/// fact ("In 2019, 41 people died") or closely after it with no other figure between ("41
/// people died in 2019"); a date far after a figure, or after another figure, dates something
/// else ("hit 107.2F, beating the high of 40.7C set in 2019").
/// The times of sentence `s` (not datelines) that date the fact at `fact` (see [`governs`]).
fn governing<'d>(
    doc: &'d Document,
    s: usize,
    fact: &Range<usize>,
) -> Vec<&'d claimdiff_parse::Time> {
    doc.sentences[s]
        .facts
        .iter()
        .filter_map(|f| f.time().map(|t| (f, t)))
        .filter(|(f, t)| !t.dateline && governs(doc, s, &f.span, fact))
        .map(|(_, t)| t)
        .collect()
}

/// The kind of a relative time's offset: "weekday" for "weekday 1", else its unit ("year" for
/// "-1 year").
fn relative_kind(relative: &str) -> &str {
    if relative.starts_with("weekday") {
        "weekday"
    } else {
        relative.rsplit(' ').next().unwrap_or("")
    }
}

fn governs(doc: &Document, s: usize, date: &Range<usize>, fact: &Range<usize>) -> bool {
    if date.start < fact.start {
        return true;
    }
    let between = fact.end..date.start;
    between.len() <= 25
        && !doc.sentences[s]
            .facts
            .iter()
            .any(|f| f.facet == Facet::Quantity && between.contains(&f.span.start))
}

/// How the referents of two quantities relate.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Referents {
    /// Same head noun ("aid workers" / "aid workers").
    Same,
    /// Both vague ("people", none).
    Vague,
    /// Share a word but not the head.
    Partial,
    /// Different nouns of one kind ("workers" / "miners"), or one figure with nothing named:
    /// an equal figure in a matching sentence may be the same, a different one is no conflict.
    Kin,
    /// Different things ("aid workers" / "people", "homes" / "injured").
    Different,
}

const VAGUE: [&str; 8] = [
    "people",
    "person",
    "individual",
    "resident",
    "civilian",
    "dead",
    "victim",
    "total",
];

/// What a quantity counts, as comparison terms ("aid workers" -> ["aid", "worker"]), worked
/// out once per fact: every pair of figures compares them.
struct Counted {
    terms: Vec<String>,
    /// The head (the last term) is a word for anyone ("people", "residents").
    anyone: bool,
    /// Whether the figure is one of what happened, expected or typical (see [`mode`]).
    mode: Mode,
    /// The report's only figure of its dimension and event counting what it names (see
    /// [`sole`]).
    sole: bool,
    /// The report's only amount in its currency, or only figure of its physical dimension (see
    /// [`sole_measure`]).
    sole_measure: bool,
    /// The content words of the figure's clause next to it (see [`clause_terms`]).
    clause: Vec<String>,
}

impl Counted {
    fn new(q: &Quantity, lex: &Lexicon, mode: Mode, clause: Vec<String>) -> Counted {
        let terms: Vec<String> = q
            .referent
            .as_deref()
            .map(|r| r.split(' ').map(|w| lex.term(w)).collect())
            .unwrap_or_default();
        let anyone = terms
            .last()
            .is_some_and(|h| VAGUE.iter().any(|v| lex.term(v) == *h));
        Counted {
            terms,
            anyone,
            mode,
            sole: false,
            sole_measure: false,
            clause,
        }
    }

    fn head(&self) -> Option<&String> {
        self.terms.last()
    }
}

/// A document's quantities with their positions and what each counts.
fn counted<'d>(
    doc: &'d Document,
    lex: &Lexicon,
) -> Vec<(usize, usize, &'d Fact, &'d Quantity, Counted)> {
    let mut rows: Vec<_> = facts_of(doc, Facet::Quantity)
        .filter_map(|(s, k, f)| {
            f.quantity().map(|q| {
                let mode = mode(doc, s, &f.span, q);
                let clause = clause_terms(doc, s, &f.span, lex);
                (s, k, f, q, Counted::new(q, lex, mode, clause))
            })
        })
        .collect();
    let sole: Vec<(bool, bool)> = rows
        .iter()
        .map(|(_, _, _, x, c)| (sole(&rows, x, c), sole_measure(&rows, x)))
        .collect();
    for (row, (sole, measure)) in rows.iter_mut().zip(sole) {
        row.4.sole = sole;
        row.4.sole_measure = measure;
    }
    rows
}

/// The sentences and heads of what a document's figures count, to ask whether a sentence
/// has a figure of something ("38,412 runners started …").
fn counted_heads<'c>(
    rows: &'c [(usize, usize, &Fact, &Quantity, Counted)],
) -> HashSet<(usize, &'c String)> {
    rows.iter()
        .filter_map(|(s, _, _, _, c)| c.head().map(|h| (*s, h)))
        .collect()
}

fn referents(a: &Counted, b: &Counted, lex: &Lexicon) -> Referents {
    let (wa, wb) = (&a.terms, &b.terms);
    // The same word for a measure named by an event noun ("turnout" / "turnout") is the same
    // thing.
    if a.head().is_some_and(|h| !a.anyone && b.head() == Some(h)) {
        return Referents::Same;
    }
    // No head, a word for anyone ("people"), or the event itself ("deaths"): vague.
    let vague = |c: &Counted| c.head().is_none_or(|h| c.anyone || lex.event(h).is_some());
    // Two different nouns of one event that is not a toll name different measures ("turnout"
    // / "the vote" of a party); "toll" / "deaths" name the same count.
    let measure = |c: &Counted| {
        c.head()
            .and_then(|h| lex.event(h))
            .filter(|e| !lex.is_toll(e))
            .is_some()
    };
    if measure(a) && measure(b) && a.head() != b.head() {
        return Referents::Partial;
    }
    if vague(a) && vague(b) {
        return Referents::Vague;
    }
    if a.head() == b.head() {
        return Referents::Same;
    }
    if wa.iter().any(|w| wb.contains(w)) {
        return Referents::Partial;
    }
    let kind = |c: &Counted| c.head().and_then(|h| lex.kind(h));
    if a.head().is_none() || b.head().is_none() || kind(a).is_some() && kind(a) == kind(b) {
        return Referents::Kin;
    }
    Referents::Different
}

/// How many words of what two quantities count they have in common.
fn shared_referent_words(a: &Counted, b: &Counted) -> usize {
    let distinct: HashSet<&String> = a.terms.iter().collect();
    distinct.into_iter().filter(|w| b.terms.contains(w)).count()
}

/// True when `x` is its report's only figure of its dimension and event counting what `c`
/// names (repeated, as a headline and its lead repeat it, it is still one figure).
fn sole(all: &[(usize, usize, &Fact, &Quantity, Counted)], x: &Quantity, c: &Counted) -> bool {
    !c.anyone
        && all.iter().all(|(_, _, _, y, cy)| {
            cy.head() != c.head()
                || y.event != x.event
                || !same_dimension(x, y)
                || cy.mode != c.mode
                || same_interval(x, y)
        })
}

/// True when `x` is an amount of money or a physical measure (a length, a speed, a
/// temperature, a mass, an area, a volume) and its report gives no other figure of that
/// currency or dimension (conversions written in brackets aside; the same figure repeated is
/// still one). Counts, durations and percentages measure too many things to be a report's one
/// figure of a kind.
fn sole_measure(all: &[(usize, usize, &Fact, &Quantity, Counted)], x: &Quantity) -> bool {
    const MEASURES: [&str; 6] = ["length", "speed", "temperature", "mass", "area", "volume"];
    let dim = dimension_of(x);
    (x.is_money() || MEASURES.contains(&dim))
        && !x.conversion
        && all
            .iter()
            .all(|(_, _, _, y, _)| y.conversion || dimension_of(y) != dim || same_interval(x, y))
}

/// The content words of the clause around a fact: up to three words before it and four after,
/// not across a comma, semicolon, colon, dash or bracket, without names, numbers or function
/// words, as comparison terms (event words as their event). Two figures whose clauses share
/// two of them say the same of the same thing ("44% of patients had been waiting longer than
/// 18 weeks" / "41% had waited more than 18 weeks").
fn clause_terms(doc: &Document, s: usize, fact: &Range<usize>, lex: &Lexicon) -> Vec<String> {
    const BEFORE: usize = 3;
    const AFTER: usize = 4;
    let tokens = &doc.sentences[s].tokens;
    let breaks = |t: &claimdiff_parse::Token| {
        t.kind == TokenKind::Punct
            && matches!(
                t.text(&doc.text),
                "," | ";" | ":" | "—" | "–" | "(" | ")" | "\"" | "“" | "”"
            )
    };
    let content = |t: &claimdiff_parse::Token| -> Option<String> {
        let w = t.text(&doc.text);
        (t.kind == TokenKind::Word && !w.starts_with(char::is_uppercase) && is_content_word(w, lex))
            .then(|| {
                lex.event(w)
                    .map_or_else(|| lex.term(w), |e| format!("event:{e}"))
            })
    };
    let before = tokens
        .iter()
        .rev()
        .filter(|t| t.end <= fact.start)
        .take_while(|t| !breaks(t))
        .filter_map(content)
        .take(BEFORE);
    let after = tokens
        .iter()
        .filter(|t| t.start >= fact.end)
        .take_while(|t| !breaks(t))
        .filter_map(content)
        .take(AFTER);
    let mut terms: Vec<String> = before.chain(after).collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// The last `n` words of sentence `s` that end by byte `at`, lower-cased, in text order.
fn words_before(doc: &Document, s: usize, at: usize, n: usize) -> Vec<String> {
    let mut words: Vec<String> = doc.sentences[s]
        .tokens
        .iter()
        .rev()
        .filter(|t| t.end <= at && t.kind == TokenKind::Word)
        .take(n)
        .map(|t| t.text(&doc.text).to_lowercase())
        .collect();
    words.reverse();
    words
}

/// What a figure tells of: what happened, or what was expected or is typical.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// What happened ("3,000 people came").
    Actual,
    /// An expected or forecast figure ("had expected 5,000 people", "forecast revenue of
    /// $3.5bn"): no claim that it happened.
    Projected,
    /// An average or usual value ("the average July high is about 88F"): no one occurrence.
    Typical,
    /// What something has in all ("Lincoln High, which has 1,200 students"): a whole, of
    /// which what happened may be a part ("about 140 students fell ill").
    Total,
    /// A difference ("won the seat by 1,204 votes", "rose by 3%"): not a level.
    Margin,
    /// A part singled out of a larger figure ("On Tuesday alone, 212 deaths").
    Part,
}

/// The mode of a figure `q`: a whole when "has" stands right before it, a difference after
/// "by" (what happened, for a tally: "by seven votes to five");
/// else the nearest word of expecting, forecasting or planning, of an average or usual value,
/// or "alone" (a part), within six words before it.
fn mode(doc: &Document, s: usize, fact: &Range<usize>, q: &Quantity) -> Mode {
    // "projected", "projection", not the noun "project".
    const PROJECTED: [&str; 9] = [
        "expect",
        "forecast",
        "predict",
        "projecte",
        "projecti",
        "anticipat",
        "target",
        "plann",
        "budget",
    ];
    const TYPICAL: [&str; 5] = ["average", "typical", "usual", "normal", "median"];
    let words = words_before(doc, s, fact.start, 6);
    // "grew by 0.4%" is the change itself, as "expanded 0.7%" is; "won by 1,204 votes" is a
    // margin.
    const CHANGE: [&str; 12] = [
        "rose",
        "fell",
        "grew",
        "increased",
        "decreased",
        "dropped",
        "jumped",
        "climbed",
        "expanded",
        "shrank",
        "contracted",
        "declined",
    ];
    let before_by = words.len().checked_sub(2).map(|k| words[k].as_str());
    match words.last().map(String::as_str) {
        Some("has" | "have" | "had") => return Mode::Total,
        Some("by") if !before_by.is_some_and(|w| CHANGE.contains(&w)) => {
            // "by seven votes to five" is the tally itself, not a margin.
            return if q.against.is_some() {
                Mode::Actual
            } else {
                Mode::Margin
            };
        }
        _ => {}
    }
    words
        .iter()
        .rev()
        .find_map(|w| {
            if PROJECTED.iter().any(|stem| w.starts_with(stem)) {
                Some(Mode::Projected)
            } else if TYPICAL.iter().any(|stem| w.starts_with(stem)) {
                Some(Mode::Typical)
            } else if w == "alone" {
                Some(Mode::Part)
            } else {
                None
            }
        })
        .unwrap_or(Mode::Actual)
}

/// True when the head noun of what a figure counts is among a sentence's terms.
fn mentions_head(c: &Counted, terms: &[String]) -> bool {
    !c.anyone && c.head().is_some_and(|h| terms.contains(h))
}

/// True for figures specific enough that an equal value in another report is the same fact:
/// money, measures, percentages, and counts of a hundred or more.
fn distinctive(q: &Quantity) -> bool {
    q.unit.is_some() || q.value >= 100.0
}

/// True when the stated values are within 1% of each other, or 2% once converted to one unit.
fn close(a: &Quantity, b: &Quantity) -> bool {
    if a.against.is_some() || b.against.is_some() {
        return a.unit == b.unit && same_tally(a, b);
    }
    let (x, y, tolerance) = if a.unit == b.unit {
        (a.value, b.value, 0.01)
    } else {
        (base_value(a), base_value(b), 0.02)
    };
    (x - y).abs() <= tolerance * x.abs().max(y.abs())
}

/// The topic name of a quantity: what it counts, or its event, and its unit.
fn quantity_topic(a: &Quantity, b: &Quantity) -> String {
    let what = a
        .referent
        .clone()
        .or_else(|| b.referent.clone())
        .or_else(|| a.event.clone())
        .unwrap_or_else(|| "figure".to_owned());
    match dimension_of(a) {
        "count" | "score" => what,
        dim => format!("{what} ({dim})"),
    }
}

/// Keeps every agreement (a figure may be repeated in a report), and for the facts no
/// agreement covers, the best conflict of each fact, one-to-one.
fn settle(p: &Pair<'_>, cands: Vec<Pairing>) -> Vec<Pairing> {
    let (mut agrees, rest): (Vec<_>, Vec<_>) =
        cands.into_iter().partition(|c| c.verdict == Verdict::Agree);

    let agreed: HashSet<FactRef> = agrees.iter().flat_map(|c| [c.a, c.b]).collect();
    let rest: Vec<Pairing> = rest
        .into_iter()
        .filter(|c| !agreed.contains(&c.a) && !agreed.contains(&c.b))
        .collect();
    let kept = one_to_one(rest.clone());
    // A report that repeats the conflicting figure ("Nine dead" … "Nine people were killed")
    // has every mention in the conflict.
    let key = |c: &Pairing| (c.a, p.value(c.b).to_owned(), p.value(c.a).to_owned(), c.b);
    let repeats: Vec<Pairing> = rest
        .into_iter()
        .filter(|c| {
            let (a, bv, av, b) = key(c);
            kept.iter().any(|k| {
                let (ka, kbv, kav, kb) = key(k);
                (k.verdict == c.verdict)
                    && ((ka == a && kbv == bv) || (kb == b && kav == av))
                    && (ka != a || kb != b)
            })
        })
        .collect();
    agrees.extend(kept);
    agrees.extend(repeats);
    agrees
}

/// Greedily keeps the best pairing of each fact (one-to-one): agreements first, since a fact
/// with a matching counterpart is not in conflict with another, then by score.
fn one_to_one(mut cands: Vec<Pairing>) -> Vec<Pairing> {
    cands.sort_by(|x, y| {
        (y.verdict == Verdict::Agree)
            .cmp(&(x.verdict == Verdict::Agree))
            .then_with(|| y.score.total_cmp(&x.score))
            .then_with(|| (x.a.sentence, x.b.sentence).cmp(&(y.a.sentence, y.b.sentence)))
    });
    let mut used: HashSet<FactRef> = HashSet::new();
    cands.retain(|p| {
        if used.contains(&p.a) || used.contains(&p.b) {
            return false;
        }
        used.insert(p.a);
        used.insert(p.b);
        true
    });
    cands
}

/// Quantities: agree when compatible and about the same thing; conflict when incompatible
/// with the same referent and event in a related sentence; distinct when the same kind of
/// figure is about different things.
pub(crate) fn quantities(p: &Pair<'_>) -> Vec<Pairing> {
    let (qa, qb) = (&p.facts.0.counted, &p.facts.1.counted);
    let (ha, hb) = (counted_heads(qa), counted_heads(qb));
    // Whether a figure of sentence `s` counts what `c` names.
    let counts_in = |heads: &HashSet<(usize, &String)>, s: usize, c: &Counted| {
        c.head().is_some_and(|h| heads.contains(&(s, h)))
    };
    let anchors = Anchors::new(p);
    let (pa, pb) = (&p.facts.0.paragraphs, &p.facts.1.paragraphs);
    let mut matched = Vec::new();
    let mut distinct = Vec::new();
    for (sa, ka, fa, x, cx) in qa {
        let (sa, ka, x) = (*sa, *ka, *x);
        for (sb, kb, fb, y, cy) in qb {
            let (sb, kb, y) = (*sb, *kb, *y);
            if !same_dimension(x, y) {
                continue;
            }
            // A conversion the text gives ("£330m ($417m)") is compared only with a figure in
            // its own currency or unit in the other report, and only to agree: exchange rates
            // and rounding differ between newsrooms.
            let conversion = x.conversion || y.conversion;
            if conversion && (x.conversion && y.conversion || !quantities_compatible(x, y)) {
                continue;
            }
            let ctx = p.sim.get(sa, sb);
            let refs = referents(cx, cy, p.lex);
            // The one figure each report gives for a named thing ("about 120 firefighters" /
            // "more than 100 firefighters").
            let sole_pair = refs == Referents::Same && cx.sole && cy.sole;
            // What one figure counts is named in the other's sentence ("seven-year deal" /
            // "a contract … over seven years").
            // Not when another figure of that sentence counts it ("38,412 runners started …
            // and around 400,000 people lined the course").
            let in_context = refs != Referents::Same
                && (mentions_head(cx, &p.terms.1[sb]) && !counts_in(&hb, sb, cx)
                    || mentions_head(cy, &p.terms.0[sa]) && !counts_in(&ha, sa, cy));
            let event = p.same_event((sa, x.event.as_deref()), (sb, y.event.as_deref()));
            // Conflicts need more: two different event words next to the figures keep them
            // apart even when a sentence carries both (precision before recall).
            let differing_events =
                matches!((&x.event, &y.event), (Some(e), Some(f)) if e != f) && event != Some(true);
            let (ra, rb) = p.refs(sa, ka, sb, kb);
            let topic = quantity_topic(x, y);
            let ref_score = match refs {
                Referents::Same => 0.5,
                Referents::Partial => 0.25,
                Referents::Vague => 0.15,
                Referents::Kin => 0.1,
                Referents::Different => 0.0,
            };
            let score = ctx
                + ref_score
                + match event {
                    Some(true) => 0.2,
                    Some(false) => -0.3,
                    None => 0.0,
                };
            let pairing = |verdict| Pairing {
                verdict,
                facet: FindingFacet::Fact(Facet::Quantity),
                topic: topic.clone(),
                a: ra,
                b: rb,
                score,
                note: conversion_note(p, ra, rb).or_else(|| attribution_note(p, sa, sb)),
            };
            if quantities_compatible(x, y) {
                let trivial = x.unit.is_none() && x.value < 2.0;
                let weak = p.cfg.agree_context / 2.0;
                // Equal specific figures, or equal figures of the same named thing ("at
                // least 23 homes" / "23 houses"), are the same fact in loosely related
                // sentences.
                let related = if close(x, y) && (distinctive(x) || refs == Referents::Same) {
                    ctx >= weak / 2.0
                } else {
                    match refs {
                        Referents::Same if sole_pair => ctx > 0.0,
                        Referents::Same | Referents::Partial => ctx >= weak,
                        // A figure of an event ("more than 35 injured") is not one of a
                        // thing named beside it ("212 passengers").
                        _ if in_context && x.event.is_some() == y.event.is_some() => ctx >= weak,
                        Referents::Vague => {
                            ctx >= p.cfg.agree_context || event == Some(true) && ctx >= weak
                        }
                        // A figure that names nothing is of the kind of a named one only
                        // if both or neither have an event word beside them: "two of
                        // them with serious burns" is not "Two workers were killed".
                        Referents::Kin => {
                            close(x, y)
                                && ctx >= weak
                                && (cx.head().is_some() && cy.head().is_some()
                                    || x.event.is_some() == y.event.is_some())
                        }
                        Referents::Different => false,
                    }
                };
                // Vague or loosely named counts of two different events ("at least 42
                // killed" / "more than 300 injured") are not one figure; an equal amount of
                // money, a measure or a percentage still is.
                let apart = differing_events
                    && refs != Referents::Same
                    && !(close(x, y) && x.unit.is_some());
                if related && event != Some(false) && !apart && !trivial {
                    matched.push(pairing(Verdict::Agree));
                }
                continue;
            }
            // The one amount of money, or the one length, speed or temperature, each report
            // gives ("sold for $42 million" / "changed hands for $24 million", "peaked at
            // 120mph" / "reached 120 km/h") is one figure, whatever the words around it. Only
            // of one order: a ticket price and the takings are each report's one amount too.
            let (bx, by) = (base_value(x).abs(), base_value(y).abs());
            let one_order = !differing_events && bx.max(by) <= 3.0 * bx.min(by);
            let sole_amount = one_order && cx.sole_measure && cy.sole_measure;
            // The amount of money each lead opens with ("for an initial fee of £52m" / "for
            // an initial 48 million pounds") is the story's amount, of one order.
            let lead_amounts = one_order
                && refs != Referents::Different
                && p.facts.0.lead_amount.is_some_and(|q| same_amount(q, x))
                && p.facts.1.lead_amount.is_some_and(|q| same_amount(q, y));
            // Two figures whose clauses say the same of them ("44% of patients had been
            // waiting longer than 18 weeks" / "41% had waited more than 18 weeks") are one
            // figure when nothing names them as different things.
            let said_alike = refs != Referents::Different
                && !differing_events
                && cx
                    .clause
                    .iter()
                    .filter(|w| {
                        cy.clause.contains(w) && !cx.terms.contains(w) && !cy.terms.contains(w)
                    })
                    .count()
                    >= 2;
            // An expected or forecast figure is no claim that it happened.
            let same_thing = (sole_amount
                || lead_amounts
                || said_alike
                || match refs {
                    Referents::Same => !differing_events,
                    Referents::Vague => event == Some(true),
                    _ => false,
                })
                && cx.mode == cy.mode;
            // Both leads giving a figure for the main event give it for the same thing.
            let frame = event == Some(true)
                && x.event == p.main_event
                && is_lead(p.a, sa)
                && is_lead(p.b, sb);
            // Two or more words of what is counted in common ("AquaSwift kettles") name the
            // same thing as surely as a shared lead does.
            let strong = refs == Referents::Same && shared_referent_words(cx, cy) >= 2;
            // The same named thing with specific figures (money, measures, counts of a
            // hundred or more) needs less context than small or vague counts.
            let specific = refs == Referents::Same && distinctive(x) && distinctive(y);
            // A named measure each report gives one specific figure for ("turnout was 61.4%" /
            // "turnout rose to 64.1%") is one thing however unlike the sentences around it:
            // with any context when the same event word is next to both figures, with some
            // when neither has one ("11,000 staff" / "500 staff" may be a workforce and a cut).
            let measure = specific && sole_pair;
            let needed = if measure && event == Some(true) {
                0.0
            } else if measure || frame || strong {
                p.cfg.frame_context
            } else if specific || sole_amount || lead_amounts || said_alike {
                p.cfg.agree_context
            } else {
                p.cfg.conflict_context
            };
            if same_thing
                && ctx >= needed
                && !p.different_occasions((sa, fa.span.clone()), (sb, fb.span.clone()))
                && !p.different_scopes(sa, sb)
                && !anchors.elsewhere(pa[sa], pb[sb])
            {
                matched.push(p.update_checked(
                    p.occasion_checked(pairing(Verdict::Conflict)),
                    x,
                    y,
                ));
            } else if event == Some(true)
                || refs == Referents::Same
                || refs == Referents::Partial && ctx >= p.cfg.agree_context
            {
                let mut d = pairing(Verdict::Distinct);
                d.topic = match (&x.event, dimension_of(x)) {
                    (Some(e), "count") => format!("{e} figures"),
                    (Some(e), dim) => format!("{e} figures ({dim})"),
                    (None, _) => topic.clone(),
                };
                distinct.push(d);
            }
        }
    }
    let kept = settle(p, matched);
    let used: HashSet<FactRef> = kept.iter().flat_map(|k| [k.a, k.b]).collect();
    let mut out = kept;
    out.extend(
        distinct
            .into_iter()
            .filter(|d| !used.contains(&d.a) && !used.contains(&d.b)),
    );
    out
}

/// The first amount of money a document gives, when it is in its lead (a conversion written
/// in brackets aside).
fn lead_amount<'d>(
    doc: &Document,
    all: &[(usize, usize, &Fact, &'d Quantity, Counted)],
) -> Option<&'d Quantity> {
    all.iter()
        .find(|(.., q, _)| q.is_money() && !q.conversion)
        .filter(|(s, ..)| is_lead(doc, *s))
        .map(|(_, _, _, q, _)| *q)
}

/// True when two quantities state the same amount: one value, unit and hedge interval (a
/// headline and its lead repeating a figure).
fn same_amount(a: &Quantity, b: &Quantity) -> bool {
    a.value == b.value && same_interval(a, b)
}

/// True when two quantities allow the same interval in one unit (one score, for a tally): the
/// same figure, repeated.
fn same_interval(a: &Quantity, b: &Quantity) -> bool {
    (a.low, a.high, &a.unit, a.against) == (b.low, b.high, &b.unit, b.against)
}

/// The conversion written next to a figure ("$417 million" after "£330 million"), if any.
fn conversion_note(p: &Pair<'_>, a: FactRef, b: FactRef) -> Option<String> {
    let conv = |d: &Document, r: FactRef| -> Option<String> {
        let s = &d.sentences[r.sentence];
        let k = r.fact?;
        s.facts
            .get(k + 1..)?
            .iter()
            .find(|f| f.quantity().is_some())
            .filter(|f| f.quantity().is_some_and(|q| q.conversion))
            .map(|f| f.raw.clone())
    };
    let notes: Vec<String> = [(p.a, a, &p.a.source.id), (p.b, b, &p.b.source.id)]
        .into_iter()
        .filter_map(|(d, r, id)| conv(d, r).map(|c| format!("{id} also gives {c}")))
        .collect();
    (!notes.is_empty()).then(|| notes.join("; "))
}

/// Who a sentence attributes its claim to: the words before "said" back to a comma ("…,
/// police said"), after an inverted "said" ("…, said the fire service"), or after "according
/// to". At most six words; `None` when the sentence names no source.
fn attribution(doc: &Document, sentence: usize) -> Option<String> {
    let s = &doc.sentences[sentence];
    let words: Vec<&str> = s.tokens.iter().map(|t| t.text(&doc.text)).collect();
    let is_stop = |w: &str| matches!(w, "," | "." | ";" | ":" | "\"" | "“" | "”" | "—");
    // "the trust has confirmed", "police have said": the source without its auxiliary.
    let aux = |w: &&str| {
        matches!(
            w.to_lowercase().as_str(),
            "has" | "have" | "had" | "is" | "was" | "were" | "will" | "would" | "also" | "later"
        )
    };
    let phrase = |ws: &[&str]| -> Option<String> {
        let keep = ws.len() - ws.iter().rev().take_while(|w| aux(w)).count();
        let ws = &ws[..keep];
        (!ws.is_empty() && ws.len() <= 6).then(|| ws.join(" "))
    };
    for (i, w) in words.iter().enumerate() {
        let w = w.to_lowercase();
        if w == "according"
            && words
                .get(i + 1)
                .is_some_and(|n| n.eq_ignore_ascii_case("to"))
        {
            let end = (i + 2..words.len())
                .find(|&k| is_stop(words[k]))
                .unwrap_or(words.len());
            return phrase(&words[i + 2..end]);
        }
        if matches!(
            w.as_str(),
            "said" | "says" | "reported" | "confirmed" | "told"
        ) {
            let start = (0..i)
                .rev()
                .find(|&k| is_stop(words[k]))
                .map_or(0, |k| k + 1);
            if start < i && start > 0 {
                return phrase(&words[start..i]);
            }
            // "…, said the fire service."
            if start == i && i > 0 {
                let end = (i + 1..words.len())
                    .find(|&k| is_stop(words[k]))
                    .unwrap_or(words.len());
                return phrase(&words[i + 1..end]);
            }
        }
    }
    None
}

/// "A: according to police; B: according to the city hospital", when the two sentences give
/// their figures on the word of different sources.
fn attribution_note(p: &Pair<'_>, sa: usize, sb: usize) -> Option<String> {
    let (wa, wb) = (attribution(p.a, sa)?, attribution(p.b, sb)?);
    (normalize_for_match(&wa) != normalize_for_match(&wb)).then(|| {
        format!(
            "{}: according to {wa}; {}: according to {wb}",
            p.a.source.id, p.b.source.id
        )
    })
}

/// The event type of the event word nearest a fact in its sentence.
fn event_at(doc: &Document, sentence: usize, fact: &Fact, lex: &Lexicon) -> Option<String> {
    let s = &doc.sentences[sentence];
    s.tokens
        .iter()
        .filter_map(|t| {
            lex.event(t.text(&doc.text))
                .map(|e| (t.start.abs_diff(fact.span.start), e))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, e)| e.to_owned())
}

/// Words between a fact and the word it hangs on: articles, prepositions, auxiliaries and
/// hedges ("was built in about 1968"). A general stopword list is too wide here: it holds
/// content verbs such as "begin".
const ANCHOR_SKIP: [&str; 32] = [
    "a", "about", "after", "already", "an", "and", "around", "at", "be", "been", "before", "by",
    "during", "early", "for", "from", "had", "has", "have", "in", "is", "late", "later", "of",
    "on", "shortly", "since", "the", "to", "until", "was", "were",
];

/// The comparison key of the content word a fact hangs on: the nearest word before it that is
/// not a function word, within four words not counting names ("built" in "was built in 1968",
/// "inspected" in "last inspected in 2021", "opened" in "opened by the Queen in 1968"), as its
/// event type when it has one.
fn anchor_at(doc: &Document, sentence: usize, fact: &Fact, lex: &Lexicon) -> Option<String> {
    doc.sentences[sentence]
        .tokens
        .iter()
        .rev()
        .filter(|t| t.end <= fact.span.start && t.kind == TokenKind::Word)
        .map(|t| t.text(&doc.text))
        .filter(|w| !w.starts_with(char::is_uppercase))
        .take(4)
        .find(|w| !ANCHOR_SKIP.contains(&w.to_lowercase().as_str()))
        .map(|w| lex.event(w).map_or_else(|| lex.term(w), str::to_owned))
}

/// Dates and times: compared only when both resolve; a difference is a conflict only for the
/// same event in related sentences at the same precision.
pub(crate) fn times(p: &Pair<'_>) -> Vec<Pairing> {
    let mut cands = Vec::new();
    for a in &p.facts.0.times {
        for b in &p.facts.1.times {
            let (sa, sb) = (a.sentence, b.sentence);
            let ctx = p.sim.get(sa, sb);
            let same_event = a.event.is_some() && a.event == b.event;
            // Two words of beginning, or two of ending ("closed at 10pm" / "ended at 9pm"),
            // hang two times on the same moment as surely as one word does.
            let same_anchor = a.anchor.is_some() && a.anchor == b.anchor
                || a.phase.is_some() && a.phase == b.phase;
            // The leads' first dates when the leads name one place: the main event's date,
            // compared when no event word in either sentence tells what else it may date.
            let lead_dates = p.lead_dates == Some(((sa, a.fact), (sb, b.fact)));
            let (ra, rb) = p.refs(sa, a.fact, sb, b.fact);
            let pairing = |verdict, kind: &str, score| Pairing {
                verdict,
                facet: FindingFacet::Fact(Facet::Time),
                topic: format!(
                    "{} {kind}",
                    p.topic_event(sa, sb)
                        .or_else(|| a.event.clone())
                        .unwrap_or_else(|| "event".to_owned())
                ),
                a: ra,
                b: rb,
                score,
                note: None,
            };
            match (&a.key, &b.key) {
                (Some(xa), Some(xb)) => {
                    let clock = is_clock(xa);
                    if clock != is_clock(xb) {
                        continue;
                    }
                    let kind = if clock { "time" } else { "date" };
                    // The one clock time each report gives, with no different event word
                    // beside them ("entered through a skylight at about 3:40 a.m." / "got in
                    // through a roof skylight shortly after 2:15am").
                    let sole_clocks = clock
                        && a.sole_clock
                        && b.sole_clock
                        && !(a.event.is_some() && b.event.is_some() && !same_event);
                    // A story that times one thing once times when it began, said or not
                    // ("began at 5.30am" / "forced their way in shortly after 6am"); its end
                    // is another moment.
                    let ends = |t: &TimeFact<'_>| t.phase == Some(false);
                    let score = ctx + if same_event { 0.3 } else { 0.0 };
                    if timex_agree(xa, xb) {
                        // A day, a clock time or a period ("between 2018 and 2022") is
                        // specific; a bare month or year needs the same event or anchor word,
                        // or sentences that clearly say the same thing.
                        let precise = xa.len() >= 10 || xb.len() >= 10 || clock || xa.contains('/');
                        let tied = same_event || same_anchor || precise;
                        if tied && ctx >= p.cfg.agree_context / 2.0 || ctx >= p.cfg.conflict_context
                        {
                            cands.push(pairing(Verdict::Agree, kind, score));
                        }
                    } else if timex_comparable(xa, xb)
                        && ((same_event
                            || same_anchor
                            || lead_dates && a.event.is_none() && b.event.is_none())
                            && ctx >= p.cfg.conflict_context
                            || sole_clocks && ctx >= p.cfg.agree_context)
                        && (a.phase == b.phase || sole_clocks && !ends(a) && !ends(b))
                        && a.ahead == b.ahead
                    {
                        cands.push(p.occasion_checked(pairing(Verdict::Conflict, kind, score)));
                    }
                }
                // Two unresolved weekdays: only an agreement, on the same word.
                (None, None) if a.time.relative == b.time.relative => {
                    let related = same_anchor || same_event;
                    if related && ctx >= p.cfg.agree_context / 2.0 || ctx >= p.cfg.agree_context {
                        cands.push(pairing(Verdict::Agree, "day", ctx));
                    }
                }
                _ => {}
            }
        }
    }
    settle(p, cands)
}

/// Whether a time is when something began (`Some(true)`) or ended (`Some(false)`), by the
/// words just before it ("the rally began at 10am" / "ended at 2pm"): a start and an end are
/// two moments of one event, never a conflict.
fn phase(doc: &Document, s: usize, fact: &Fact) -> Option<bool> {
    const START: [&str; 8] = [
        "began", "begin", "begins", "started", "start", "starts", "opened", "opens",
    ];
    const END: [&str; 9] = [
        "ended",
        "end",
        "ends",
        "finished",
        "finish",
        "closed",
        "closes",
        "concluded",
        "stopped",
    ];
    words_before(doc, s, fact.span.start, 4)
        .iter()
        .rev()
        .find_map(|w| {
            if START.contains(&w.as_str()) {
                Some(true)
            } else if END.contains(&w.as_str()) {
                Some(false)
            } else {
                None
            }
        })
}

/// Whether a time is when something is to happen, by a word of the future among the eight
/// words before it ("will appear in court on 14 April", "is due to open on 3 May", "are
/// expected to meet … on 17 March"): what is to happen and what happened are two moments,
/// never a conflict. "due", "scheduled", "expected" and "planned" tell the future only before
/// "to", "for", "on" or "in" ("planned care" does not).
fn ahead(doc: &Document, s: usize, fact: &Fact) -> bool {
    const FUTURE: [&str; 3] = ["will", "would", "next"];
    const PLANNED: [&str; 4] = ["due", "scheduled", "expected", "planned"];
    let words = words_before(doc, s, fact.span.start, 8);
    (0..words.len()).any(|k| {
        let w = words[k].as_str();
        FUTURE.contains(&w)
            || PLANNED.contains(&w)
                && words
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.as_str(), "to" | "for" | "on" | "in"))
    })
}

/// A date or time of a document as `times` compares it, with what is read around it once.
struct TimeFact<'d> {
    sentence: usize,
    fact: usize,
    time: &'d claimdiff_parse::Time,
    /// See [`time_key`]; `None` for an unresolved weekday.
    key: Option<String>,
    /// The event word nearest the fact.
    event: Option<String>,
    /// The word the fact hangs on.
    anchor: Option<String>,
    /// Whether it is when something began or ended (see [`phase`]).
    phase: Option<bool>,
    /// Whether it is when something is to happen (see [`ahead`]).
    ahead: bool,
    /// Whether it is the document's only clock time (the same time repeated is still one).
    sole_clock: bool,
}

/// The times of a document that can be compared: resolved values, and unresolved days of the
/// week ("on Thursday"), which two reports of one story may agree on though neither resolves;
/// they are never in conflict (the reports may be days apart). Datelines are left out.
fn time_facts<'d>(doc: &'d Document, lex: &Lexicon) -> Vec<TimeFact<'d>> {
    let mut facts: Vec<TimeFact<'d>> = facts_of(doc, Facet::Time)
        .filter_map(|(s, k, f)| {
            let t = f.time()?;
            let weekday = t
                .relative
                .as_deref()
                .is_some_and(|r| r.starts_with("weekday"));
            (!t.dateline && (t.timex.is_some() || weekday)).then(|| TimeFact {
                sentence: s,
                fact: k,
                time: t,
                key: time_key(t),
                event: event_at(doc, s, f, lex),
                anchor: anchor_at(doc, s, f, lex),
                phase: phase(doc, s, f),
                ahead: ahead(doc, s, f),
                sole_clock: false,
            })
        })
        .collect();
    let mut clocks = facts
        .iter()
        .filter_map(|t| t.key.as_deref())
        .filter(|k| is_clock(k));
    let only = clocks
        .next()
        .filter(|first| clocks.all(|k| k == *first))
        .map(str::to_owned);
    for t in &mut facts {
        t.sole_clock = only.is_some() && t.key == only;
    }
    facts
}

/// Places of the same event: different owners or different named places conflict.
pub(crate) fn locations(p: &Pair<'_>) -> Vec<Pairing> {
    let la: Vec<_> = facts_of(p.a, Facet::Location).collect();
    let lb: Vec<_> = facts_of(p.b, Facet::Location).collect();
    let (na, nb) = (named_of_head(&la), named_of_head(&lb));
    // What each place phrase of `b` places, read once, not once per place of `a`.
    let things_b: Vec<Option<String>> = lb
        .iter()
        .map(|&(sb, _, fb)| anchored_noun(p.b, sb, fb, p.lex))
        .collect();
    let mut out = Vec::new();
    for &(sa, ka, fa) in &la {
        let Some(x) = fa.location() else { continue };
        let thing = anchored_noun(p.a, sa, fa, p.lex);
        for (&(sb, kb, fb), thing_b) in lb.iter().zip(&things_b) {
            let Some(y) = fb.location() else { continue };
            let event = p.topic_event(sa, sb);
            let ctx = p.sim.get(sa, sb);
            // A distance from a place is compared only with another one; it is not the place.
            match (&x.offset, &y.offset) {
                (Some(_), Some(_)) => {
                    // A distance and direction from one place is as specific as the one
                    // figure of a named thing: any related sentences will do.
                    if offsets_agree(p, x, y) && ctx > 0.0 {
                        let (ra, rb) = p.refs(sa, ka, sb, kb);
                        out.push(Pairing {
                            verdict: Verdict::Agree,
                            facet: FindingFacet::Fact(Facet::Location),
                            topic: "distance from a place".to_owned(),
                            a: ra,
                            b: rb,
                            score: ctx,
                            note: None,
                        });
                    }
                    continue;
                }
                (None, None) => {}
                _ => continue,
            }
            let main = event.is_some() && p.main_event == event;
            let (ra, rb) = p.refs(sa, ka, sb, kb);
            let topic = event
                .as_ref()
                .map_or_else(|| "place".to_owned(), |e| format!("{e} location"));
            // "a rally outside Kingsway station" / "a rally outside Victoria station": the place
            // of the same kind of event.
            let anchor = anchored_event(p.a, sa, fa, p.lex);
            let anchored = anchor.is_some() && anchor == anchored_event(p.b, sb, fb, p.lex);
            // One thing placed in two places: the same noun placed by closely matching lead
            // sentences ("found in a garden on Mill Lane" / "… on Orchard Road"), or the one
            // named place of its kind each report gives ("on the Brindle Lane industrial
            // estate" / "on the Kestrel Park industrial estate").
            let same_thing = thing.is_some()
                && thing == *thing_b
                && is_lead(p.a, sa)
                && is_lead(p.b, sb)
                && ctx >= p.cfg.conflict_context;
            let sole_kind = x.head.as_ref().is_some_and(|h| {
                y.head.as_ref() == Some(h)
                    && na.get(h.as_str()).is_some_and(|n| n.len() == 1)
                    && nb.get(h.as_str()).is_some_and(|n| n.len() == 1)
            }) && ctx >= p.cfg.frame_context;
            let placed = x.relation == y.relation && (same_thing || sole_kind);
            // Places conflict only for events that happen in one place (a protest, a
            // quake) or one thing placed, and not when either sentence also names the other's
            // place (one may be inside the other) unless the same thing is placed.
            let occasion = event.as_deref().is_some_and(|e| p.lex.is_occasion(e));
            let relation = match places(x, y) {
                PlaceRelation::Different
                    if !placed && (!occasion || sentences_share_place(p, sa, sb))
                        || x.owner.is_none()
                            && y.owner.is_none()
                            && (names_place_of(p.a, y) || names_place_of(p.b, x)) =>
                {
                    PlaceRelation::Unknown
                }
                r => r,
            };
            let verdict = match relation {
                // A place named in several words ("Kingsmead Stadium"), or given as both
                // reports' base of something ("the Sheffield-based maker" / "headquartered in
                // Sheffield"), is specific enough to agree in loosely related sentences.
                PlaceRelation::Same
                    if (event.is_some()
                        || x.places.iter().any(|n| n.contains(' '))
                        || based(x) && based(y))
                        && ctx >= p.cfg.agree_context / 2.0
                        || ctx >= p.cfg.agree_context =>
                {
                    Verdict::Agree
                }
                PlaceRelation::Different
                    if placed
                        || event.is_some()
                            && ((main || anchored) && ctx >= p.cfg.frame_context
                                || ctx >= p.cfg.conflict_context) =>
                {
                    Verdict::Conflict
                }
                _ => continue,
            };
            if verdict == Verdict::Conflict
                && p.different_occasions((sa, fa.span.clone()), (sb, fb.span.clone()))
            {
                continue;
            }
            let pairing = p.occasion_checked(Pairing {
                verdict,
                facet: FindingFacet::Fact(Facet::Location),
                topic,
                a: ra,
                b: rb,
                score: ctx,
                note: None,
            });
            out.push(pairing);
        }
    }
    let support = same_place_support(p, &out);
    out.extend(support);
    out
}

/// True when two distances from a place say the same: the same place (or a town, city or
/// island the report does not name there, while it names the other's place elsewhere: "about
/// 15 km north of Dravik" / "around nine miles north of the town"), the same direction (or
/// none: "from the town"), and compatible distances in any units. Only agreement is read from
/// distances: two different distances may be of two different things.
fn offsets_agree(
    p: &Pair<'_>,
    x: &claimdiff_parse::Location,
    y: &claimdiff_parse::Location,
) -> bool {
    let (Some(ox), Some(oy)) = (&x.offset, &y.offset) else {
        return false;
    };
    let direction =
        ox.direction == oy.direction || ox.direction == "from" || oy.direction == "from";
    let unnamed = |l: &claimdiff_parse::Location| l.places.is_empty() && l.owner.is_none();
    let place = places(x, y) == PlaceRelation::Same
        || unnamed(y) && names_place_of(p.b, x)
        || unnamed(x) && names_place_of(p.a, y);
    direction && place && quantities_compatible(&ox.distance, &oy.distance)
}

/// The named places a document gives under each head noun ("estate" -> {"Brindle Lane"}).
fn named_of_head<'d>(
    locs: &[(usize, usize, &'d Fact)],
) -> std::collections::HashMap<&'d str, HashSet<&'d str>> {
    let mut out: std::collections::HashMap<&str, HashSet<&str>> = std::collections::HashMap::new();
    for l in locs.iter().filter_map(|(_, _, f)| f.location()) {
        if let (Some(h), Some(name)) = (l.head.as_deref(), l.places.first()) {
            out.entry(h).or_default().insert(name.as_str());
        }
    }
    out
}

/// True when a place is given as where something is based ("Leeds-based", "headquartered in").
fn based(loc: &claimdiff_parse::Location) -> bool {
    loc.relation.as_deref() == Some("based")
}

/// True when some place phrase of one sentence names the same place as one of the other's.
fn sentences_share_place(p: &Pair<'_>, sa: usize, sb: usize) -> bool {
    let locs = |d: &'_ Document, s: usize| -> Vec<claimdiff_parse::Location> {
        d.sentences[s]
            .facts
            .iter()
            .filter_map(Fact::location)
            .cloned()
            .collect()
    };
    let (la, lb) = (locs(p.a, sa), locs(p.b, sb));
    la.iter()
        .any(|x| lb.iter().any(|y| places(x, y) == PlaceRelation::Same))
}

/// True when a document names, anywhere, the most specific place of another report's place
/// phrase ("River Lowen" in one, "… into the River Lowen in Brackwell" in the other): the two
/// places may be one inside the other, which is no conflict.
fn names_place_of(doc: &Document, loc: &claimdiff_parse::Location) -> bool {
    // The most specific named place: "Sable Point" of "Sable Point, Louisiana".
    loc.places
        .first()
        .is_some_and(|place| doc.text.contains(place.as_str()))
}

/// The event a place phrase is attached to: an event word at most three words before its
/// preposition ("rally outside …", "protested on Monday outside …").
fn anchored_event(doc: &Document, sentence: usize, fact: &Fact, lex: &Lexicon) -> Option<String> {
    let toks = &doc.sentences[sentence].tokens;
    let at = toks.iter().position(|t| t.start >= fact.span.start)?;
    toks[at.saturating_sub(5)..at.saturating_sub(1)]
        .iter()
        .rev()
        .find_map(|t| lex.event(t.text(&doc.text)))
        .map(str::to_owned)
}

/// The one thing a place phrase says where it is: the noun right before its preposition, after
/// an article and at most one other word, as a comparison term ("garden" in "found in a garden on Mill Lane"). Not a
/// plural ("offices in London" may be one of several), a function word, a name, or an event
/// word (see [`anchored_event`]).
fn anchored_noun(doc: &Document, sentence: usize, fact: &Fact, lex: &Lexicon) -> Option<String> {
    let toks = &doc.sentences[sentence].tokens;
    let at = toks.iter().position(|t| t.start >= fact.span.start)?;
    let noun = toks.get(at.checked_sub(2)?)?;
    let word = noun.text(&doc.text);
    let is_article = |k: usize| {
        toks.get(k).is_some_and(|t| {
            matches!(
                t.text(&doc.text).to_lowercase().as_str(),
                "a" | "an" | "the"
            )
        })
    };
    // "a garden", or with one word before the noun ("a car park").
    let article = (3..=4).any(|back| at.checked_sub(back).is_some_and(is_article));
    (noun.kind == TokenKind::Word
        && article
        && word.starts_with(char::is_lowercase)
        && !word.ends_with('s')
        && !lex.is_stopword(word)
        && lex.event(word).is_none())
    .then(|| lex.term(word))
}

/// Other mentions of a conflicting place in the same report ("Harbour Trust's headquarters" …
/// "the health service's headquarters in Kingsway"), so that the finding shows them all.
fn same_place_support(p: &Pair<'_>, found: &[Pairing]) -> Vec<Pairing> {
    let mut out = Vec::new();
    for c in found.iter().filter(|c| c.verdict == Verdict::Conflict) {
        let event = c.topic.strip_suffix(" location").unwrap_or_default();
        for (doc, own, other) in [(p.a, c.a, c.b), (p.b, c.b, c.a)] {
            let Some(head) = doc.sentences[own.sentence]
                .facts
                .get(own.fact.unwrap_or(usize::MAX))
                .and_then(Fact::location)
                .and_then(|l| l.head.clone())
            else {
                continue;
            };
            for (s, k, f) in facts_of(doc, Facet::Location) {
                let same_head = f
                    .location()
                    .is_some_and(|l| l.head.as_deref() == Some(head.as_str()));
                let r = FactRef {
                    doc: own.doc,
                    sentence: s,
                    fact: Some(k),
                };
                if same_head && r != own && doc.sentences[s].events.iter().any(|e| e == event) {
                    let (a, b) = if own.doc == c.a.doc {
                        (r, other)
                    } else {
                        (other, r)
                    };
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

/// Lower-case words of a quote, without punctuation.
fn quote_words(s: &str) -> Vec<String> {
    normalize_for_match(s)
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word-level diff of two quotes: "-removed +added" runs.
pub(crate) fn word_diff(a: &str, b: &str) -> String {
    let diff = TextDiff::from_words(a, b);
    let mut parts = Vec::new();
    for change in diff.iter_all_changes() {
        let w = change.value().trim();
        if w.is_empty() {
            continue;
        }
        match change.tag() {
            ChangeTag::Delete => parts.push(format!("-{w}")),
            ChangeTag::Insert => parts.push(format!("+{w}")),
            ChangeTag::Equal => {}
        }
    }
    parts.join(" ")
}

/// True when `short` appears as a contiguous run of words inside `long`.
fn contained(short: &[String], long: &[String]) -> bool {
    short.is_empty() || long.windows(short.len()).any(|w| w == short)
}

/// Quotes: the same words (by overlap) with words changed conflict; the same words given to
/// different speakers is an actor conflict.
pub(crate) fn quotes(p: &Pair<'_>) -> Vec<Pairing> {
    let qa: Vec<_> = facts_of(p.a, Facet::Quote).collect();
    let qb: Vec<_> = facts_of(p.b, Facet::Quote).collect();
    let mut cands = Vec::new();
    for &(sa, ka, fa) in &qa {
        let Some(x) = fa.quote() else { continue };
        let wa = quote_words(&x.text);
        for &(sb, kb, fb) in &qb {
            let Some(y) = fb.quote() else { continue };
            let wb = quote_words(&y.text);
            let (ra, rb) = p.refs(sa, ka, sb, kb);
            let short = wa.len().min(wb.len());
            let shared = wa
                .iter()
                .filter(|w| wb.contains(w))
                .count()
                .min(wb.iter().filter(|w| wa.contains(w)).count());
            let overlap = shared as f64 / short.max(1) as f64;
            let same_words = wa == wb;
            if short < 4 {
                if same_words && !wa.is_empty() {
                    cands.push(Pairing {
                        verdict: Verdict::Agree,
                        facet: FindingFacet::Fact(Facet::Quote),
                        topic: format!("quote \"{}\"", x.text),
                        a: ra,
                        b: rb,
                        score: 0.5,
                        note: None,
                    });
                }
                continue;
            }
            if overlap < p.cfg.quote_overlap {
                continue;
            }
            let topic = format!(
                "quote \"{}\"",
                quote_words(&x.text)
                    .into_iter()
                    .take(6)
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            let faithful = same_words || contained(&wa, &wb) || contained(&wb, &wa);
            let verdict = if faithful {
                Verdict::Agree
            } else {
                Verdict::Conflict
            };
            let note =
                (!faithful).then(|| format!("words changed: {}", word_diff(&x.text, &y.text)));
            cands.push(Pairing {
                verdict,
                facet: FindingFacet::Fact(Facet::Quote),
                topic: topic.clone(),
                a: ra,
                b: rb,
                score: 1.0 + overlap,
                note,
            });
            let certain = !x.speaker_from_pronoun && !y.speaker_from_pronoun;
            match (&x.speaker, &y.speaker) {
                (Some(s), Some(t)) if certain && !same_name(s, t) && is_named(s) && is_named(t) => {
                    let note = Some(format!(
                        "the same words are given to {s} in {} and to {t} in {}",
                        p.a.source.id, p.b.source.id
                    ));
                    cands.push(Pairing {
                        verdict: Verdict::Conflict,
                        facet: FindingFacet::Fact(Facet::Actor),
                        topic: format!("speaker of a quote: {s} / {t}"),
                        a: ra,
                        b: rb,
                        score: 1.0 + overlap,
                        note,
                    });
                }
                (Some(s), Some(t)) if same_name(s, t) => {
                    cands.push(Pairing {
                        verdict: Verdict::Agree,
                        facet: FindingFacet::Fact(Facet::Actor),
                        topic: format!("speaker of quotes by {s}"),
                        a: ra,
                        b: rb,
                        score: 1.0 + overlap,
                        note: Some(format!("both attribute the words to {s}")),
                    });
                }
                _ => {}
            }
        }
    }
    // Speaker findings follow the quotes kept: every piece of a quote of several sentences.
    let (actor, quote): (Vec<_>, Vec<_>) = cands
        .into_iter()
        .partition(|c| c.facet == FindingFacet::Fact(Facet::Actor));
    let mut out = one_to_one(quote);
    let kept: HashSet<(FactRef, FactRef)> = out.iter().map(|q| (q.a, q.b)).collect();
    out.extend(actor.into_iter().filter(|c| kept.contains(&(c.a, c.b))));
    out
}

/// True when a speaker is a name rather than a description ("a spokesman").
fn is_named(speaker: &str) -> bool {
    speaker
        .split(' ')
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// True for an actor worth an agreement of its own when two reports name it: a person or an
/// organisation, or a name of two words or more ("Tarrasund Lines"); a single word of unknown
/// kind is often a place or a nationality ("London", "Israeli").
fn notable(a: &claimdiff_parse::Actor) -> bool {
    matches!(a.kind, ActorKind::Person | ActorKind::Organisation) || a.name.contains(' ')
}

/// Roles that name whoever leads, compatible with any specific leading role.
const GENERIC_ROLES: [&str; 4] = ["boss", "chief", "leader", "head"];

/// People's roles: the same person with a shared role agrees. Groups doing the main event ("medics" / "health workers") agree.
pub(crate) fn actors(p: &Pair<'_>) -> Vec<Pairing> {
    // Each actor with its name normalised once, not once for every actor of the other report.
    let keyed = |doc| {
        facts_of(doc, Facet::Actor)
            .filter_map(|(s, k, f)| f.actor().map(|x| (s, k, x, name_key(&x.name))))
            .collect::<Vec<_>>()
    };
    let (aa, ab) = (keyed(p.a), keyed(p.b));
    let mut out = Vec::new();
    for &(sa, ka, x, ref key_x) in &aa {
        for &(sb, kb, y, ref key_y) in &ab {
            let (ra, rb) = p.refs(sa, ka, sb, kb);
            if x.kind == ActorKind::Group && y.kind == ActorKind::Group {
                let main = p.main_event.as_deref();
                let in_main = |d: &Document, s: usize| {
                    main.is_some_and(|m| {
                        d.sentences[s].events.first().map(String::as_str) == Some(m)
                    })
                };
                if x.name == y.name && in_main(p.a, sa) && in_main(p.b, sb) {
                    let topic = format!("who took part in the {}", main.unwrap_or("event"));
                    out.push(Pairing {
                        verdict: Verdict::Agree,
                        facet: FindingFacet::Fact(Facet::Actor),
                        topic,
                        a: ra,
                        b: rb,
                        score: 1.0,
                        note: None,
                    });
                }
                continue;
            }
            if !same_key(key_x, key_y) {
                continue;
            }
            if x.roles.is_empty() || y.roles.is_empty() {
                // Both reports name the same person or organisation in related sentences
                // ("Mrs Justice Okoro ruled" / "Mrs Justice Okoro handed down").
                if p.sim.get(sa, sb) >= p.cfg.agree_context && is_named(&x.name) && notable(x) {
                    out.push(Pairing {
                        verdict: Verdict::Agree,
                        facet: FindingFacet::Fact(Facet::Actor),
                        topic: x.name.clone(),
                        a: ra,
                        b: rb,
                        score: p.sim.get(sa, sb),
                        note: None,
                    });
                }
                continue;
            }
            // Different roles are not a conflict: one person holds several ("CEO and
            // co-founder"), and reports pick different ones.
            let orgs_differ = matches!((&x.org, &y.org), (Some(o), Some(q)) if !same_name(o, q));
            let generic =
                |roles: &[String]| roles.iter().any(|r| GENERIC_ROLES.contains(&r.as_str()));
            let shared = x.roles.iter().any(|r| y.roles.contains(r))
                || generic(&x.roles)
                || generic(&y.roles);
            if shared && !orgs_differ {
                out.push(Pairing {
                    verdict: Verdict::Agree,
                    facet: FindingFacet::Fact(Facet::Actor),
                    topic: format!("{} role", x.name),
                    a: ra,
                    b: rb,
                    score: 1.0,
                    note: None,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribution_names_the_source_without_its_auxiliary() {
        let lex = Lexicon::embedded();
        let source = |text: &str| {
            let doc = claimdiff_parse::parse(claimdiff_parse::Source::default(), text, &lex);
            attribution(&doc, 0)
        };
        assert_eq!(
            source("The records of 214 patients were stolen, the trust has confirmed.").as_deref(),
            Some("the trust")
        );
        assert_eq!(
            source("Nine people died, according to the fire service.").as_deref(),
            Some("the fire service")
        );
    }

    #[test]
    fn word_diff_shows_changed_words() {
        assert_eq!(
            word_diff(
                "we had no choice but to strike",
                "we had no option but to strike"
            ),
            "-choice +option"
        );
    }

    #[test]
    fn quote_containment_is_faithful() {
        let long = quote_words("We are one of a few companies to stand up.");
        let short = quote_words("one of a few companies");
        assert!(contained(&short, &long));
        assert!(!contained(&long, &short));
    }
}
