//! Text to [`Document`]: the first stage of claimdiff.
//!
//! [`parse`] splits an article into [`Sentence`]s and extracts [`Fact`]s of five facets from each
//! one (quantities, times, locations, actors, quotes), every fact with its byte span in the text
//! as given. General knowledge (event words, synonyms, roles, abbreviations) comes from the
//! [`Lexicon`], built from the files in `data/lexicons/` at compile time and extensible at run
//! time.
//!
//! Parsing never fails on text: odd input yields fewer facts, never a panic. The unit tests live
//! beside each module; end-to-end behaviour is tested in the workspace's `tests/` package.
#![deny(missing_docs)]

mod actor;
mod document;
mod lexicon;
mod location;
mod numbers;
mod quantity;
mod quote;
mod sentence;
mod text;
mod time;
mod vocab;

pub use document::{
    Actor, ActorKind, Document, Facet, Fact, FactValue, Location, OriginMap, Quantity, Quote,
    Sentence, Source, Time, parse,
};
pub use lexicon::Lexicon;
pub use sentence::one_line;
pub use text::{LineIndex, Token, TokenKind, normalize_for_match};
pub use time::{is_publication_date, timex_days};
