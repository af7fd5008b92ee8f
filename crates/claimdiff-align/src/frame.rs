//! Each report's main event as a [`Frame`] (who did what, where, when), built from its lead, and
//! the decision whether two frames describe the same occasion.

use std::ops::Range;

use claimdiff_parse::{ActorKind, Document, Fact, Lexicon, Location};

use crate::compare::lead;
use crate::values::{PlaceRelation, places, same_name, timex_compatible};

/// Event types too common to name a report's main event or identify a claim on their own.
pub(crate) const GENERIC_EVENTS: [&str; 3] = ["warn", "rise", "fall"];

/// One slot of a frame: a fact of the lead, as written and as understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameSlot {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Byte range of `raw` in the document text.
    pub span: Range<usize>,
    /// The value as written.
    pub raw: String,
    /// The normalised value.
    pub value: String,
    /// Index of the fact in its sentence.
    fact: usize,
}

/// A report's main event, from its lead (headline and first two body sentences).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Index of the document in the compared list.
    pub source: usize,
    /// The event type ("protest"): the lead's first event that happens in one place, else its
    /// first event that is not too common to tell.
    pub what: Option<String>,
    /// Who does it: the first actor of the lead sentences that carry the event, else of the
    /// lead; a person, organisation or group before a name of unknown kind, and names inside a
    /// place phrase left out.
    pub who: Option<FrameSlot>,
    /// Every place phrase of the lead, in text order; the first is the frame's place.
    pub places: Vec<FrameSlot>,
    /// Every absolute date of the lead (day precision, datelines left out), in text order.
    pub dates: Vec<FrameSlot>,
    /// The first time expression of the lead (resolved or not), when it has no absolute date.
    time: Option<FrameSlot>,
}

impl Frame {
    /// Builds the frame of document `source`.
    #[must_use]
    pub fn build(source: usize, doc: &Document, lex: &Lexicon) -> Self {
        let events: Vec<&String> = lead(doc).flat_map(|s| &s.events).collect();
        let what = events
            .iter()
            .find(|e| lex.is_occasion(e))
            .or_else(|| {
                events
                    .iter()
                    .find(|e| !GENERIC_EVENTS.contains(&e.as_str()))
            })
            .map(|e| (*e).clone());
        let slots = |keep: &dyn Fn(&Fact) -> bool| -> Vec<FrameSlot> {
            lead(doc)
                .flat_map(|s| s.facts.iter().enumerate().map(move |(k, f)| (s, k, f)))
                .filter(|(_, _, f)| keep(f))
                .map(|(s, k, f)| FrameSlot {
                    sentence: s.index,
                    span: f.span.clone(),
                    raw: f.raw.clone(),
                    value: f.value.clone(),
                    fact: k,
                })
                .collect()
        };
        let places = slots(&|f| f.location().is_some());
        // A name inside a place phrase ("Orvik" in "the town of Orvik") is where, not who;
        // a named person, organisation or group comes before a word of unknown kind.
        let inside_place = |a: &FrameSlot| {
            places.iter().any(|p| {
                p.sentence == a.sentence && p.span.start <= a.span.start && a.span.end <= p.span.end
            })
        };
        let known = |f: &Fact| f.actor().is_some_and(|a| a.kind != ActorKind::Unknown);
        let carries = |sentence: usize| {
            what.as_ref()
                .is_some_and(|w| doc.sentences[sentence].events.contains(w))
        };
        let mut actors: Vec<(bool, bool, FrameSlot)> = slots(&|f| f.actor().is_some())
            .into_iter()
            .filter(|a| !inside_place(a))
            .map(|a| {
                let fact = &doc.sentences[a.sentence].facts[a.fact];
                (!carries(a.sentence), !known(fact), a)
            })
            .collect();
        // Stable: text order within each preference.
        actors.sort_by_key(|(event, kind, _)| (*event, *kind));
        let who = actors.into_iter().next().map(|(_, _, a)| a);
        let undated = |f: &Fact| f.time().is_some_and(|t| !t.dateline);
        let dated = |f: &Fact| {
            f.time()
                .filter(|t| !t.dateline)
                .and_then(|t| t.timex.as_deref())
                .is_some_and(|t| t.len() >= 10)
        };
        Self {
            source,
            what,
            who,
            places,
            dates: slots(&dated),
            time: slots(&undated).into_iter().next(),
        }
    }

    /// The frame's place: the lead's first place phrase.
    #[must_use]
    pub fn place(&self) -> Option<&FrameSlot> {
        self.places.first()
    }

    /// Sentence and fact index of the lead's first absolute date.
    pub(crate) fn first_date(&self) -> Option<(usize, usize)> {
        self.dates.first().map(|d| (d.sentence, d.fact))
    }

    /// The frame's time: the lead's first absolute date, else its first time expression.
    #[must_use]
    pub fn when(&self) -> Option<&FrameSlot> {
        self.dates.first().or(self.time.as_ref())
    }
}

/// How two reports' frames relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Occasion {
    /// Nothing tells the frames apart.
    Same,
    /// Places differ, dates agree or are unknown: the same occasion told differently (a place
    /// conflict, if the facts say so).
    Place,
    /// The leads name the same place on dates that cannot be the same day: one occasion whose
    /// date the reports give differently (a conflict of the leads' first dates).
    Date,
    /// The dates cannot be the same day, and no place tells the leads together.
    Time,
    /// Both place and date differ.
    PlaceAndTime,
}

impl Occasion {
    /// Whether the two reports may describe different occasions (the dates say so).
    pub(crate) fn different(self) -> bool {
        matches!(self, Self::Time | Self::PlaceAndTime)
    }
}

/// Decides whether frames `a` (of `da`) and `b` (of `db`) describe one occasion: dates differ
/// when both leads give absolute dates and no two of them can be the same day; places differ
/// when some two lead places are different and none are the same. `related` says whether a
/// sentence of `da` and one of `db` match closely.
pub(crate) fn occasion(
    da: &Document,
    a: &Frame,
    db: &Document,
    b: &Frame,
    related: impl Fn(usize, usize) -> bool,
) -> Occasion {
    let time = !a.dates.is_empty()
        && !b.dates.is_empty()
        && !a
            .dates
            .iter()
            .any(|x| b.dates.iter().any(|y| timex_compatible(&x.value, &y.value)));
    fn location<'d>(d: &'d Document, s: &FrameSlot) -> Option<&'d Location> {
        d.sentences.get(s.sentence)?.facts.get(s.fact)?.location()
    }
    let relations: Vec<PlaceRelation> = a
        .places
        .iter()
        .filter_map(|x| location(da, x))
        .flat_map(|x| {
            b.places
                .iter()
                .filter_map(|y| location(db, y))
                .map(move |y| places(x, y))
        })
        .collect();
    let place =
        relations.contains(&PlaceRelation::Different) && !relations.contains(&PlaceRelation::Same);
    // The same named place on two dates is one occasion whose date the reports give
    // differently (a conflict to show), and so is one organisation's act dated in closely
    // matching sentences; with nothing else to go by, two dates may be two occasions.
    let same_place = relations.contains(&PlaceRelation::Same);
    let one_act = || {
        a.first_date()
            .zip(b.first_date())
            .is_some_and(|((sa, _), (sb, _))| related(sa, sb))
            && same_organisation_dated(da, a, db, b)
    };
    match (place, time) {
        (false, false) => Occasion::Same,
        (false, true) if same_place || one_act() => Occasion::Date,
        (true, false) => Occasion::Place,
        (false, true) => Occasion::Time,
        (true, true) => Occasion::PlaceAndTime,
    }
}

/// True when the sentences of the two leads' first dates name the same organisation ("The
/// Westmarch Audit Office report, published on Wednesday 12 November" / "… published on
/// Thursday 13 November").
fn same_organisation_dated(da: &Document, a: &Frame, db: &Document, b: &Frame) -> bool {
    let orgs = |d: &'_ Document, f: &Frame| -> Vec<String> {
        f.first_date()
            .map(|(s, _)| {
                d.sentences[s]
                    .facts
                    .iter()
                    .filter_map(Fact::actor)
                    .filter(|x| x.kind == ActorKind::Organisation)
                    .map(|x| x.name.clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    let (oa, ob) = (orgs(da, a), orgs(db, b));
    oa.iter().any(|x| ob.iter().any(|y| same_name(x, y)))
}

/// The note for two reports that may describe different occasions, or `None`.
pub(crate) fn occasion_note(
    (da, a): (&Document, &Frame),
    (db, b): (&Document, &Frame),
    occasion: Occasion,
) -> Option<String> {
    let (ia, ib) = (&da.source.id, &db.source.id);
    let raw = |s: Option<&FrameSlot>| s.map_or("?", |s| s.raw.as_str()).to_owned();
    match occasion {
        Occasion::Same | Occasion::Place | Occasion::Date => None,
        Occasion::Time => Some(format!(
            "{ia} and {ib} may describe different occasions: their leads give {} and {}",
            raw(a.dates.first()),
            raw(b.dates.first())
        )),
        Occasion::PlaceAndTime => Some(format!(
            "{ia} and {ib} may describe different occasions: their leads give different places \
             and dates ({ia}: {}, {}; {ib}: {}, {})",
            raw(a.place()),
            raw(a.dates.first()),
            raw(b.place()),
            raw(b.dates.first())
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdiff_parse::{Source, parse};

    fn doc(id: &str, text: &str) -> Document {
        let source = Source {
            id: id.into(),
            ..Source::default()
        };
        parse(source, text, &Lexicon::embedded())
    }

    fn raw(s: Option<&FrameSlot>) -> Option<&str> {
        s.map(|s| s.raw.as_str())
    }

    #[test]
    fn frames_take_who_what_where_when_from_the_lead() {
        // (text, what, who, where, when)
        let cases = [
            (
                "About 2,000 people protested outside the Valdane parliament on Saturday 5 \
                 April 2025. Police said the march was peaceful.",
                Some("protest"),
                Some("people"),
                Some("the Valdane parliament"),
                Some("Saturday 5 April 2025"),
            ),
            (
                "A magnitude 6.1 earthquake struck near the town of Orvik on 2 February 2025, \
                 killing 12 people, officials said.",
                Some("kill"),
                None,
                Some("the town of Orvik"),
                Some("2 February 2025"),
            ),
            (
                "Firefighters battled a blaze at the Corran textile factory on Monday. No one \
                 was hurt.",
                Some("injure"),
                Some("Firefighters"),
                Some("the Corran textile factory"),
                Some("Monday"),
            ),
            (
                "The minister warned that prices will rise.",
                None,
                None,
                None,
                None,
            ),
        ];
        for (text, what, who, place, when) in cases {
            let d = doc("A", text);
            let f = Frame::build(0, &d, &Lexicon::embedded());
            assert_eq!(f.what.as_deref(), what, "what: {text}");
            assert_eq!(raw(f.who.as_ref()), who, "who: {text}\n{f:?}");
            assert_eq!(raw(f.place()), place, "where: {text}\n{f:?}");
            assert_eq!(raw(f.when()), when, "when: {text}\n{f:?}");
        }
    }

    #[test]
    fn occasions_differ_only_when_dates_do() {
        let protest = |place: &str, day: &str| {
            format!("About 2,000 people protested {place} on {day}. Police said it was calm.")
        };
        // (lead a, lead b, expected)
        let cases = [
            (
                protest("outside the Valdane parliament", "5 April 2025"),
                protest("outside the Valdane parliament", "5 April 2025"),
                Occasion::Same,
            ),
            (
                protest("in Orsk", "5 April 2025"),
                protest("in Tamberly", "5 April 2025"),
                Occasion::Place,
            ),
            // One place on two dates: one occasion, its date in conflict.
            (
                protest("outside the Valdane parliament", "5 April 2025"),
                protest("outside the Valdane parliament", "19 April 2025"),
                Occasion::Date,
            ),
            // No place to go by: two dates may be two occasions.
            (
                "About 2,000 people protested on 5 April 2025. Police said it was calm.".to_owned(),
                "About 2,000 people protested on 19 April 2025. Police said it was calm."
                    .to_owned(),
                Occasion::Time,
            ),
            (
                protest("in Orsk", "5 April 2025"),
                protest("in Tamberly", "19 April 2025"),
                Occasion::PlaceAndTime,
            ),
            (
                protest("in Orsk", "5 April 2025"),
                "About 2,000 people protested in Tamberly. Police said it was calm.".to_owned(),
                Occasion::Place,
            ),
        ];
        let lex = Lexicon::embedded();
        for (ta, tb, expected) in cases {
            let (da, db) = (doc("A", &ta), doc("B", &tb));
            let (fa, fb) = (Frame::build(0, &da, &lex), Frame::build(1, &db, &lex));
            let got = occasion(&da, &fa, &db, &fb, |_, _| false);
            assert_eq!(got, expected, "{ta} | {tb}\n{fa:?}\n{fb:?}");
            let note = occasion_note((&da, &fa), (&db, &fb), got);
            assert_eq!(note.is_some(), got.different(), "{note:?}");
            if got == Occasion::PlaceAndTime {
                let note = note.unwrap_or_default();
                assert!(
                    note.contains("Orsk") && note.contains("19 April 2025"),
                    "{note}"
                );
            }
        }
    }
}
