//! The parsed article: [`Document`], its [`Sentence`]s and their [`Fact`]s.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::{FxBuildHasher, FxHashSet};
use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::text::{LineIndex, Token, TokenKind, tokenize_into};
use crate::vocab::{Entry, Vocab, Words};
use crate::{actor, location, quantity, quote, sentence, time};

/// Where an article came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Short id used in reports ("A", "B", …).
    pub id: String,
    /// The path the article was read from, if any.
    pub path: Option<String>,
    /// The headline, when the text has one.
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`), when known.
    pub published: Option<String>,
}

/// The kind of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    /// A number, amount of money, percentage, duration or measure.
    Quantity,
    /// A date, day or clock time.
    Time,
    /// A place phrase.
    Location,
    /// A person or organisation.
    Actor,
    /// Quoted words and their speaker.
    Quote,
}

impl Facet {
    /// The facet's name as used in reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quantity => "quantity",
            Self::Time => "time",
            Self::Location => "location",
            Self::Actor => "actor",
            Self::Quote => "quote",
        }
    }
}

/// A number with its interval, unit, hedge and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The number as stated.
    pub value: f64,
    /// Lowest value the hedge allows (`None` = unbounded).
    pub low: Option<f64>,
    /// Highest value the hedge allows (`None` = unbounded).
    pub high: Option<f64>,
    /// ISO 4217 code, `percent`, a unit symbol, or `None` for a plain count.
    pub unit: Option<String>,
    /// The hedge word as written ("up to", "at least").
    pub hedge: Option<String>,
    /// What is counted ("aid workers", "contract").
    pub referent: Option<String>,
    /// The event type of the verb near the number ("kill").
    pub event: Option<String>,
    /// True when this amount converts the one before it ("($417 million)" after
    /// "£330 million"); conversions are shown but not compared on their own.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub conversion: bool,
    /// For a score or tally ("beat Harcourt City 3-1", "an 8-4 vote", "by seven votes to
    /// five"), its second figure; `value` is the first, and the unit is `score`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub against: Option<f64>,
}

impl Quantity {
    /// True for an amount of money: the unit is an ISO 4217 code.
    #[must_use]
    pub fn is_money(&self) -> bool {
        self.unit.as_deref().is_some_and(crate::quantity::is_money)
    }
}

/// A date or time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Time {
    /// TIMEX3 value when the expression resolves (`XXXX-10-07`, `2024-04-01`, `T10:30`, a
    /// period with a TIMEX of its own: `2024-W14`, `2024-Q1`, `2024-W14-WE`); for a range with
    /// [`Time::end`], its first point.
    pub timex: Option<String>,
    /// For a range ("from 2014 to 2018", "next 3 days"), the TIMEX of its last point, included
    /// (`2018`, `2024-04-06`); `timex` is then the first point. See [`Time::days`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// For a relative expression, its offset as written ("-1 day", "weekday 1"); for a range,
    /// the offsets of its first and last points joined by "/" ("+1 day/+2 week from 0 day").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<String>,
    /// True for the date of a dateline ("HOLMSTADT, Sept. 29 — …"): it dates the report, not
    /// an event in it, and is not compared.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub dateline: bool,
}

/// A place phrase: head noun, owner and named places.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Location {
    /// The head noun, canonical ("headquarters", "office").
    pub head: Option<String>,
    /// Whose place it is ("Harbour Trust" in "Harbour Trust's headquarters").
    pub owner: Option<String>,
    /// Named places, most specific first ("Kingsway", "London").
    pub places: Vec<String>,
    /// The preposition before the phrase ("outside", "at"), or "based" for where something is
    /// based ("the Leeds-based lender", "headquartered in Leeds").
    pub relation: Option<String>,
    /// How far and which way from the place ("about 15 km north of Dravik"), when given. Boxed:
    /// few places have one, and inline it would make every fact half as large again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<Box<Offset>>,
}

/// A distance and direction from a place: "about 15 km north of", "22km off".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Offset {
    /// The compass direction ("north", "north-east"), or the preposition when there is none
    /// ("off" the coast, "from" the town).
    pub direction: String,
    /// The distance, a length.
    pub distance: Quantity,
}

/// Whether an actor is a person or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A person.
    Person,
    /// An organisation.
    Organisation,
    /// Not known.
    Unknown,
    /// A group described by a common noun ("health workers").
    Group,
}

/// A person, organisation or group mentioned in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// Canonical name within the document ("Jo Bloggs" for "Mr Bloggs").
    pub name: String,
    /// Person, organisation or group.
    pub kind: ActorKind,
    /// Roles given next to the name, canonical ("chief executive").
    pub roles: Vec<String>,
    /// The organisation the role belongs to ("Acme").
    pub org: Option<String>,
}

/// Quoted words with their speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The words inside the quotation marks.
    pub text: String,
    /// The canonical name of the speaker, when attributed.
    pub speaker: Option<String>,
    /// True when the speaker was found through a pronoun ("he said"), which is less certain.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub speaker_from_pronoun: bool,
    /// Words in the quote; short quotes (one to three words) are scare quotes.
    pub words: usize,
}

/// The facet-specific value of a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    /// See [`Quantity`].
    Quantity(Quantity),
    /// See [`Time`].
    Time(Time),
    /// See [`Location`].
    Location(Location),
    /// See [`Actor`].
    Actor(Actor),
    /// See [`Quote`].
    Quote(Quote),
}

/// One extracted fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// The facet.
    pub facet: Facet,
    /// Byte range of `raw` in the document text.
    pub span: Range<usize>,
    /// The fact as written.
    pub raw: String,
    /// Normalised value, as shown in reports.
    pub value: String,
    /// The facet-specific value.
    pub detail: FactValue,
}

impl Fact {
    /// The quantity, when this is a quantity fact.
    #[must_use]
    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.detail {
            FactValue::Quantity(q) => Some(q),
            _ => None,
        }
    }
    /// The time, when this is a time fact.
    #[must_use]
    pub fn time(&self) -> Option<&Time> {
        match &self.detail {
            FactValue::Time(t) => Some(t),
            _ => None,
        }
    }
    /// The location, when this is a location fact.
    #[must_use]
    pub fn location(&self) -> Option<&Location> {
        match &self.detail {
            FactValue::Location(l) => Some(l),
            _ => None,
        }
    }
    /// The actor, when this is an actor fact.
    #[must_use]
    pub fn actor(&self) -> Option<&Actor> {
        match &self.detail {
            FactValue::Actor(a) => Some(a),
            _ => None,
        }
    }
    /// The quote, when this is a quote fact.
    #[must_use]
    pub fn quote(&self) -> Option<&Quote> {
        match &self.detail {
            FactValue::Quote(q) => Some(q),
            _ => None,
        }
    }
}

/// One sentence with its facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Position in the document, from 0.
    pub index: usize,
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// True for the headline.
    pub headline: bool,
    /// Tokens of the sentence (byte ranges into the document text).
    pub tokens: Vec<Token>,
    /// Event types of the sentence's predicates, in order of appearance.
    pub events: Vec<String>,
    /// Facts found in the sentence, ordered by position.
    pub facts: Vec<Fact>,
}

/// Positions in the file an article was read from, for a text that is not that file's bytes
/// (text extracted from HTML, Markdown or JSON, decoded from UTF-16 or Windows-1252, or with
/// mojibake repaired). Plain UTF-8 text needs none: its bytes are the file's.
pub trait OriginMap: fmt::Debug + Send + Sync {
    /// 1-based line and column (in characters) in the file of byte `offset` of the text.
    fn line_col(&self, offset: usize) -> (usize, usize);
    /// The byte range of the file that the text's byte range `span` was read from.
    fn file_span(&self, span: Range<usize>) -> Range<usize>;
}

/// A parsed article.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from.
    pub source: Source,
    /// The text as given.
    pub text: String,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
    /// Line starts, for line/column positions.
    pub lines: LineIndex,
    /// Where the text came from in its file, when the text is not the file's bytes.
    pub origin: Option<Arc<dyn OriginMap>>,
}

impl Document {
    /// The text of a sentence.
    #[must_use]
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.text[sentence.span.clone()]
    }

    /// 1-based line and column of a byte offset of the text, in the file as given.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        match &self.origin {
            Some(origin) => origin.line_col(offset),
            None => self.lines.line_col(&self.text, offset),
        }
    }

    /// The byte range of the file as given that a byte range of the text was read from (the
    /// range itself when the text is the file's bytes).
    #[must_use]
    pub fn file_span(&self, span: Range<usize>) -> Range<usize> {
        match &self.origin {
            Some(origin) => origin.file_span(span),
            None => span,
        }
    }

    /// The document with positions mapped through `origin` (see [`OriginMap`]).
    #[must_use]
    pub fn with_origin(mut self, origin: Option<Arc<dyn OriginMap>>) -> Self {
        self.origin = origin;
        self
    }

    /// The words of a sentence (word tokens' text).
    pub fn words<'a>(&'a self, sentence: &'a Sentence) -> impl Iterator<Item = &'a str> + 'a {
        sentence
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(&self.text))
    }
}

/// Parses `text` into a [`Document`]. Never fails: text it cannot read yields fewer facts.
#[must_use]
pub fn parse(mut source: Source, text: &str, lex: &Lexicon) -> Document {
    let segments = sentence::split(text, lex);
    if source.title.is_none() {
        source.title = segments
            .iter()
            .find(|s| s.headline)
            .map(|s| text[s.range.clone()].to_owned());
    }
    // Each distinct word looked up once: its lower-case form, key, event type and time entry.
    let mut vocab = Vocab::new(lex);
    vocab.reserve(text.len());
    let mut ranges = Vec::with_capacity(segments.len());
    let mut tokens = Vec::new();
    let mut sentences: Vec<Sentence> = segments
        .into_iter()
        .enumerate()
        .map(|(index, seg)| {
            tokens.clear();
            tokenize_into(text, seg.range.clone(), &mut tokens);
            ranges.push(vocab.add(text, &tokens));
            Sentence {
                index,
                span: seg.range,
                headline: seg.headline,
                tokens: tokens.to_vec(),
                events: Vec::new(),
                facts: Vec::new(),
            }
        })
        .collect();
    let entries = vocab.tokens();
    let words: Vec<Words<'_, '_>> = ranges.into_iter().map(|r| entries.sentence(r)).collect();
    for (s, words) in sentences.iter_mut().zip(&words) {
        for e in words.iter().filter_map(|e| e.event) {
            if !s.events.iter().any(|seen| seen == e) {
                s.events.push(e.to_owned());
            }
        }
    }
    // The words written in lower case, and those capitalised inside a sentence, for the
    // names table.
    let keys = |keep: fn(&Entry<'_>) -> bool| -> FxHashSet<&str> {
        let kept = || vocab.entries().iter().filter(|e| keep(e));
        // Sized once: the set would otherwise grow, and rehash, a dozen times.
        let mut set = FxHashSet::with_capacity_and_hasher(kept().count(), FxBuildHasher);
        set.extend(kept().map(|e| e.key.as_ref()));
        set
    };
    let common_words = keys(|e| e.lower_case);
    let capitalised = keys(|e| e.inner_capital);
    // Each sentence's names, read with the whole document's table and shared by the place,
    // actor and quote readers.
    let (names, mentions) =
        actor::NameTable::build(text, &sentences, words, lex, common_words, capitalised);
    let published = time::reference(source.published.as_deref());
    // Each reader reads every sentence before the next reader starts, not each sentence in
    // turn by every reader: a reader's code then stays in the instruction cache from one
    // sentence to the next (see ARCHITECTURE.md). Dates first: a figure or a name inside a
    // date is the date's.
    let times: Vec<Vec<Fact>> = sentences
        .iter()
        .map(|s| {
            let mut times = Vec::new();
            time::extract(text, s, names.words(s), published, &mut times);
            times
        })
        .collect();
    let taken: Vec<Vec<Range<usize>>> = times
        .iter()
        .map(|times| times.iter().map(|f| f.span.clone()).collect())
        .collect();
    let quantities: Vec<Vec<Fact>> = sentences
        .iter()
        .zip(&taken)
        .map(|(s, taken)| quantity::extract(text, s, names.words(s), lex, taken))
        .collect();
    let places: Vec<Vec<Fact>> = sentences
        .iter()
        .zip(&mentions)
        .zip(&quantities)
        .map(|((s, ms), quantities)| {
            location::extract(text, s, names.words(s), lex, &names, ms, quantities)
        })
        .collect();
    // One buffer for every sentence's actors. Each sentence's facts are moved once into a
    // list of their exact number (a fact is over 200 bytes and most sentences have one or
    // two).
    let mut actors = Vec::new();
    let readings = times
        .into_iter()
        .zip(taken)
        .zip(places.into_iter().zip(quantities));
    for ((s, ms), ((times, taken), (places, quantities))) in
        sentences.iter_mut().zip(&mentions).zip(readings)
    {
        actor::extract(text, s, names.words(s), lex, &names, ms, &mut actors);
        let mut facts =
            Vec::with_capacity(times.len() + places.len() + quantities.len() + actors.len());
        facts.extend(times);
        facts.extend(places);
        facts.extend(quantities);
        facts.append(&mut actors);
        // A name inside a date is the date's ("on Christmas Day", "Good Friday"), not a place or
        // an actor.
        if !taken.is_empty() {
            facts.retain(|f| {
                !matches!(f.facet, Facet::Location | Facet::Actor)
                    || !taken
                        .iter()
                        .any(|t| t.start <= f.span.start && f.span.end <= t.end)
            });
        }
        s.facts = facts;
    }
    quote::extract_all(text, &mut sentences, lex, &names, &mentions);
    // The names and the word table are no longer needed: free them before the document copies
    // the text.
    drop((names, mentions));
    drop(entries);
    drop(vocab);
    for s in &mut sentences {
        s.facts.sort_by_key(|f| (f.span.start, f.facet));
        // The document outlives parsing: keep no spare room (a fact is over 200 bytes).
        s.facts.shrink_to_fit();
    }
    Document {
        source,
        text: text.to_owned(),
        lines: LineIndex::new(text),
        sentences,
        origin: None,
    }
}
