//! The distinct words of one document, each looked up once.
//!
//! Every reader asks about the same words again and again: their lower-case form, their
//! [`word_key`](crate::text::word_key), whether the lexicon gives them an event type, whether a
//! time expression, a figure or a place phrase can start with them, what number their digits
//! make. An article repeats most of its words ("the", "said", the names of its people), so
//! [`Vocab`] answers those questions once per distinct form, as written, and keeps each token's
//! entry; the readers then look the answers up by token.

use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::lexicon::Lexicon;
use crate::numbers::{NumWord, number_word_before_dash};
use crate::text::{Lower, Token, TokenKind, is_capitalized, lower, word_key_of};
use crate::time::{self, TimeWord, time_word};
use crate::{location, quantity};

/// What one distinct token form is.
#[derive(Debug)]
pub(crate) struct Entry<'a> {
    /// The form as written.
    pub(crate) form: &'a str,
    /// The form the time readers read: the form, without its "'s" for a time word written
    /// possessive ("Tuesday's vote", "last year's festival"; see `time::possessive`).
    pub(crate) time_form: &'a str,
    /// The form in lower case ([`lower`]).
    pub(crate) lower: Lower<'a>,
    /// [`Entry::time_form`] in lower case: the lower form, or the key of a possessive time
    /// word. Kept apart from `lower` (a copy, owned only for a long or non-ASCII word): the
    /// time readers ask for it again and again.
    pub(crate) time_lower: Lower<'a>,
    /// Its [`word_key`](crate::text::word_key): lower case, possessive removed (words only;
    /// other tokens keep their lower-case form).
    pub(crate) key: Lower<'a>,
    /// The event type the lexicon gives the word.
    pub(crate) event: Option<&'a str>,
    /// The word's entry in the time words table (`time::time_words`).
    pub(crate) time: Option<&'static TimeWord>,
    /// True for a word that starts with a lower-case letter.
    pub(crate) lower_case: bool,
    /// True for a capitalised word written somewhere in the document where no sentence or
    /// quote opens ([`crate::actor::opens`]): a name there, not a capital that any word takes.
    pub(crate) inner_capital: bool,
    /// True for a word that can start a time expression whatever follows it
    /// (`time::starts_word`).
    pub(crate) time_lead: bool,
    /// What the word counts as a unit of time, read as the time readers read it
    /// ([`Entry::time_form`]; `time::word_units`): one for "day", "weeks" or "year's", two
    /// weeks for "fortnight", ten or a hundred years for "decades" or "century". The
    /// prefilters ask it of the word after every number.
    pub(crate) time_units: Option<(i32, time::Unit)>,
    /// True for a word that starts a number in words, whole or before a dash ("seven",
    /// "twenty-five").
    pub(crate) number_lead: bool,
    /// True for a word that can start a figure whatever follows it: a number word, a currency
    /// code ("GBP", "MUSD", "Rs"), a sign, share or age word such as "minus", "half" or "aged"
    /// (`quantity::word_leads`, `quantity::may_start`).
    pub(crate) quantity_lead: bool,
    /// True for a word that can start a place phrase (`location::leads`).
    pub(crate) place_lead: bool,
    /// True for a word that can be part of a name (`actor::is_name_word`): the name reader
    /// asks of every token, most of them twice.
    pub(crate) name_word: bool,
    /// For a number of ASCII digits only ("2024", "07"), its value, or `u64::MAX` when it is
    /// larger: the readers parse the same digits again and again.
    pub(crate) digits: Option<u64>,
    /// What the lexicon says of the word, looked up the first time a reader asks.
    kinds: OnceCell<Kinds>,
}

impl Entry<'_> {
    /// The number word the form is, in any case ("three", "Million";
    /// [`number_word`](crate::numbers::number_word)): its time word's, which is looked up in
    /// lower case, unless that is the word without its "'s".
    pub(crate) fn number_word(&self) -> Option<NumWord> {
        self.time
            .filter(|_| self.time_form.len() == self.form.len())
            .and_then(TimeWord::number)
    }
}

/// What the lexicon says of a word ([`Words::kinds`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Kinds {
    /// [`Lexicon::is_title`].
    pub(crate) title: bool,
    /// [`Lexicon::is_stopword`].
    pub(crate) stopword: bool,
    /// [`Lexicon::is_role_word`]: the role readers ask it of the words around every name.
    pub(crate) role_word: bool,
    /// [`Lexicon::is_role`] of the word alone ("minister", "spokesman"), in lower case.
    pub(crate) role: bool,
}

impl Kinds {
    /// What `lex` says of the word `form`, given also in lower case and as its
    /// [`word_key`](crate::text::word_key) (the lexicon's tests ignore case, but are cheaper on
    /// the lower form).
    pub(crate) fn of(lex: &Lexicon, form: &str, lower: &str, key: &str) -> Self {
        let role_word = lex.is_role_word(form);
        Self {
            title: lex.is_title(lower),
            stopword: lex.is_stopword_key(key),
            role_word,
            role: role_word && lex.is_role(lower),
        }
    }
}

/// No id: a one-byte form not seen yet.
const NONE: u32 = u32::MAX;

/// The top bit of an id as the tables keep it, set for a word that starts with a capital
/// letter: [`Vocab::add`] tells from the id alone whether a token may be an inner capital,
/// without its entry. Entries are numbered far below it.
const CAPITAL: u32 = 1 << 31;

/// The distinct token forms of a document and each token's form.
#[derive(Debug)]
pub(crate) struct Vocab<'a> {
    lex: &'a Lexicon,
    /// The ids of forms of eight bytes or more by the form.
    ids: FxHashMap<&'a [u8], u32>,
    /// The ids of forms of two to seven bytes, most of a text's words, by [`short_key`]: an
    /// integer hashes and compares faster than a string.
    short: ShortIds,
    /// The ids of one-byte forms by their byte (`NONE` until seen): punctuation, "a", "I" and
    /// single digits are about a third of a text's tokens, and need no hashing.
    bytes: [u32; 128],
    entries: Vec<Entry<'a>>,
    /// Each token's entry, in document order ([`Vocab::add`] gives a sentence its range).
    tokens: Vec<u32>,
}

impl<'a> Vocab<'a> {
    /// An empty table of the words that `lex` knows about.
    pub(crate) fn new(lex: &'a Lexicon) -> Self {
        Self {
            lex,
            ids: FxHashMap::default(),
            short: ShortIds::default(),
            bytes: [NONE; 128],
            entries: Vec::new(),
            tokens: Vec::new(),
        }
    }

    /// Makes room for the words of a text of `len` bytes, sparing the regrowing of the tables
    /// as they fill: prose has a token about every five bytes, and a text of `n` bytes has
    /// fewer than 16 * sqrt(n) distinct forms (6,185 in the 244 KB of `data/pairs`, 12.5 *
    /// sqrt(n); 424 in a 5 KB article, 5.8 * sqrt(n)). The tables are freed after parsing.
    pub(crate) fn reserve(&mut self, len: usize) {
        self.tokens.reserve(len / 4);
        let forms = 16 * len.isqrt();
        // Most distinct forms are short (`short`); the longer ones, in `ids`, fewer.
        self.ids.reserve(forms / 2);
        self.short.reserve(forms);
        self.entries.reserve(forms);
    }

    /// Adds the tokens of one sentence, returning the range of their entries' ids. Kept out of
    /// line: inlined into `document::parse`, its loop over every token was dearer.
    #[inline(never)]
    pub(crate) fn add(&mut self, text: &'a str, tokens: &[Token]) -> Range<usize> {
        let start = self.tokens.len();
        self.tokens.reserve(tokens.len());
        let bytes: &'a [u8] = text.as_bytes();
        for (k, t) in tokens.iter().enumerate() {
            // The form's bytes, taken without the character boundary checks of a `str` slice:
            // only a new form needs its text.
            let form = &bytes[t.start..t.end];
            let byte = match *form {
                [b] if b.is_ascii() => Some(usize::from(b)),
                _ => None,
            };
            // A token's kind follows from its text: words start with a letter, numbers with a
            // digit, and symbols and punctuation are one character that is neither.
            let (entries, lex) = (&mut self.entries, self.lex);
            let mut add = || Entry::push(entries, t.text(text), t.kind, lex);
            let id = match byte {
                Some(b) => match self.bytes[b] {
                    NONE => {
                        let id = add();
                        self.bytes[b] = id;
                        id
                    }
                    id => id,
                },
                // One hash of the form, whether it is new or not.
                None => match short_key(bytes, t.span()) {
                    Some(key) => self.short.id_or_insert(key, add),
                    None => *self.ids.entry(form).or_insert_with(add),
                },
            };
            let entry = id & !CAPITAL;
            self.tokens.push(entry);
            if id & CAPITAL != 0
                && let Some(e) = self.entries.get_mut(entry as usize)
                && !e.inner_capital
                && !crate::actor::opens(text, tokens, k)
            {
                e.inner_capital = true;
            }
        }
        start..self.tokens.len()
    }

    /// Each token's entry, in document order, once every sentence is added.
    pub(crate) fn tokens(&self) -> TokenEntries<'_, 'a> {
        TokenEntries {
            lex: self.lex,
            entries: self.tokens.iter().map(|&id| self.entry(id)).collect(),
        }
    }

    /// Every distinct form.
    pub(crate) fn entries(&self) -> &[Entry<'a>] {
        &self.entries
    }

    fn entry(&self, id: u32) -> Option<&Entry<'a>> {
        self.entries.get(id as usize)
    }
}

/// Ids by [`short_key`], in a table of open addressing, probed slot by slot and kept at most
/// half full. A key is one integer and never zero (its length is in its top byte), so that a
/// zero key marks an empty slot, and a lookup is a multiplication, a shift and a comparison or
/// two: a general hash map's probe of a group of slots took about three times the
/// instructions, on every token of the text.
#[derive(Debug)]
struct ShortIds {
    /// Each slot's key, zero when empty; a power of two of them. Apart from the ids, so that
    /// both are allocated zeroed, not written slot by slot.
    keys: Vec<u64>,
    /// Each slot's id.
    ids: Vec<u32>,
    /// The shift that takes the slot of a key from the top bits of its hash: 64 minus the
    /// base-two logarithm of the number of slots.
    shift: u32,
    /// The number of keys held.
    len: usize,
}

impl Default for ShortIds {
    /// An empty table of 16 slots (no fewer, so that `shift` is under 64).
    fn default() -> Self {
        Self::with_slots(16)
    }
}

impl ShortIds {
    /// An empty table of `slots` slots, a power of two.
    fn with_slots(slots: usize) -> Self {
        debug_assert!(slots.is_power_of_two() && slots >= 16);
        Self {
            keys: vec![0; slots],
            ids: vec![0; slots],
            shift: 64 - slots.trailing_zeros(),
            len: 0,
        }
    }

    /// Makes room for `more` keys without regrowing.
    fn reserve(&mut self, more: usize) {
        let want = (2 * (self.len + more)).next_power_of_two();
        if want > self.keys.len() {
            self.regrow(want);
        }
    }

    /// Moves every key to a table of `slots` slots.
    fn regrow(&mut self, slots: usize) {
        let old = std::mem::replace(self, Self::with_slots(slots));
        for (key, id) in old.keys.into_iter().zip(old.ids) {
            if key != 0
                && let Err(at) = self.find(key)
            {
                self.fill(at, key, id);
            }
        }
    }

    /// The id of `key`, or the empty slot where it belongs: Fibonacci hashing, the top bits of
    /// the key times 2^64 over the golden ratio, then the slots after it in turn.
    fn find(&self, key: u64) -> Result<u32, usize> {
        let mask = self.keys.len() - 1;
        let mut at = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        loop {
            match self.keys.get(at) {
                Some(&k) if k == key => return self.ids.get(at).copied().ok_or(at),
                Some(0) | None => return Err(at),
                Some(_) => at = (at + 1) & mask,
            }
        }
    }

    /// Puts `key` and its `id` in the empty slot `at`.
    fn fill(&mut self, at: usize, key: u64, id: u32) {
        if let (Some(k), Some(i)) = (self.keys.get_mut(at), self.ids.get_mut(at)) {
            (*k, *i) = (key, id);
            self.len += 1;
        }
    }

    /// The id of `key` (not zero), given by `add` the first time.
    fn id_or_insert(&mut self, key: u64, add: impl FnOnce() -> u32) -> u32 {
        debug_assert_ne!(key, 0, "a zero key is an empty slot");
        match self.find(key) {
            Ok(id) => id,
            Err(mut at) => {
                let id = add();
                // Kept at most half full, so that a probe soon meets an empty slot.
                if 2 * (self.len + 1) > self.keys.len() {
                    self.regrow(2 * self.keys.len());
                    at = self.find(key).err().unwrap_or(at);
                }
                self.fill(at, key, id);
                id
            }
        }
    }
}

/// The form at `range` of `text`, when it has two to seven bytes, as one integer: its bytes,
/// and its length in the top byte (so that no two forms share a key). Read with one load of
/// eight bytes when the text has them, not copied byte by byte.
fn short_key(text: &[u8], range: Range<usize>) -> Option<u64> {
    let len = range.len();
    if !(2..=7).contains(&len) {
        return None;
    }
    let word = match text.get(range.start..).and_then(<[u8]>::first_chunk::<8>) {
        Some(&eight) => u64::from_le_bytes(eight),
        None => {
            let mut packed = [0; 8];
            packed[..len].copy_from_slice(text.get(range)?);
            u64::from_le_bytes(packed)
        }
    };
    Some(word & ((1 << (8 * len)) - 1) | (len as u64) << 56)
}

impl<'a> Entry<'a> {
    /// Adds the entry of a form not seen yet to `entries`, returning its id, with [`CAPITAL`]
    /// for a word that starts with a capital letter. Kept out of line
    /// with [`Entry::new`]: it runs once per distinct form, and inlined into [`Vocab::add`]'s
    /// loop over every token it made that loop dearer.
    #[inline(never)]
    fn push(entries: &mut Vec<Self>, form: &'a str, kind: TokenKind, lex: &'a Lexicon) -> u32 {
        let id = u32::try_from(entries.len()).unwrap_or(NONE);
        entries.push(Self::new(form, kind, lex));
        if kind == TokenKind::Word && is_capitalized(form) {
            id | CAPITAL
        } else {
            id
        }
    }

    /// The entry of a form not seen yet.
    fn new(form: &'a str, kind: TokenKind, lex: &'a Lexicon) -> Self {
        if kind != TokenKind::Word {
            let digits = (kind == TokenKind::Number && form.bytes().all(|b| b.is_ascii_digit()))
                .then(|| {
                    form.bytes().fold(0u64, |v, b| {
                        v.saturating_mul(10).saturating_add(u64::from(b - b'0'))
                    })
                });
            let lower = lower(form);
            return Self {
                form,
                time_form: form,
                time_lower: lower.clone(),
                digits,
                key: lower.clone(),
                lower,
                event: None,
                time: None,
                lower_case: false,
                inner_capital: false,
                time_lead: false,
                time_units: None,
                number_lead: false,
                quantity_lead: false,
                place_lead: false,
                name_word: false,
                kinds: OnceCell::new(),
            };
        }
        let lower = lower(form);
        let key = word_key_of(form, &lower);
        // A possessive time word is read as its key ("tuesday" for "Tuesday's").
        let time_form = time::possessive(form, &key).unwrap_or(form);
        let time_lower = if time_form.len() < form.len() {
            key.clone()
        } else {
            lower.clone()
        };
        let time = time_word(&time_lower);
        let time_lead = time.is_some() || time::starts_word_form(&time_lower);
        let number_lead = number_word_before_dash(form).is_some();
        Self {
            event: lex.event_of_key(&key),
            time,
            lower_case: form.chars().next().is_some_and(char::is_lowercase),
            inner_capital: false,
            time_lead,
            time_units: time::word_units(time_form),
            number_lead,
            quantity_lead: number_lead || quantity::word_leads(form),
            place_lead: location::leads(form, &lower),
            name_word: crate::actor::is_name_word(kind, form),
            digits: None,
            kinds: OnceCell::new(),
            form,
            time_form,
            time_lower,
            lower,
            key,
        }
    }
}

/// Each token's entry of a [`Vocab`], in document order ([`Vocab::tokens`]): the readers ask
/// for a token's entry again and again, and find it here in one step, not through its id.
#[derive(Debug)]
pub(crate) struct TokenEntries<'v, 'a> {
    lex: &'v Lexicon,
    entries: Vec<Option<&'v Entry<'a>>>,
}

impl<'a> TokenEntries<'_, 'a> {
    /// The entries of the tokens at `range` (as [`Vocab::add`] returned it).
    pub(crate) fn sentence(&self, range: Range<usize>) -> Words<'_, 'a> {
        Words {
            lex: self.lex,
            entries: self.entries.get(range).unwrap_or_default(),
        }
    }
}

/// The entries of one sentence's tokens, by token index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words<'v, 'a> {
    lex: &'v Lexicon,
    entries: &'v [Option<&'v Entry<'a>>],
}

impl<'v, 'a> Words<'v, 'a> {
    /// The entry of token `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&'v Entry<'a>> {
        *self.entries.get(i)?
    }

    /// Every token's entry, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'v Entry<'a>> + '_ {
        self.entries.iter().flatten().copied()
    }

    /// What the lexicon says of token `i` (nothing past the end, or for a token that is not a
    /// word).
    pub(crate) fn kinds(&self, i: usize) -> Kinds {
        let lex = self.lex;
        self.get(i).map_or_else(Kinds::default, |e| {
            *e.kinds
                .get_or_init(|| Kinds::of(lex, e.form, &e.lower, &e.key))
        })
    }

    /// Token `i` as written, or "" past the end.
    pub(crate) fn raw(&self, i: usize) -> &'v str {
        self.get(i).map_or("", |e| e.form)
    }

    /// Token `i` as the time readers read it ([`Entry::time_form`]), or "" past the end.
    pub(crate) fn time_raw(&self, i: usize) -> &'v str {
        self.get(i).map_or("", |e| e.time_form)
    }

    /// Token `i` in lower case as the time readers read it: its
    /// [`word_key`](crate::text::word_key) when it is a possessive time word
    /// ([`Entry::time_form`]), or "" past the end.
    pub(crate) fn time_lower(&self, i: usize) -> &'v str {
        self.get(i).map_or("", |e| &e.time_lower)
    }

    /// Token `i`'s [`word_key`](crate::text::word_key), or "" past the end.
    pub(crate) fn key(&self, i: usize) -> &'v str {
        self.get(i).map_or("", |e| &e.key)
    }

    /// Token `i` in lower case, or "" past the end.
    pub(crate) fn lower(&self, i: usize) -> &'v str {
        self.get(i).map_or("", |e| &e.lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// Runs `check` on the word table of `text`, one sentence, with its number of tokens.
    fn with_words(text: &str, check: impl FnOnce(&Vocab<'_>, Words<'_, '_>, usize)) {
        let lex = Lexicon::embedded();
        let tokens = tokenize(text, 0..text.len());
        let mut vocab = Vocab::new(&lex);
        let range = vocab.add(text, &tokens);
        assert_eq!(range, 0..tokens.len());
        check(&vocab, vocab.tokens().sentence(range), tokens.len());
    }

    #[test]
    fn each_form_is_looked_up_once_and_answers_for_every_token() {
        let text = "Police said Mr Bloggs's aides were killed. The police said the rest";
        with_words(text, |vocab, words, tokens| {
            // "said" comes twice and is one entry; "Police" and "police" are two forms.
            assert_eq!(vocab.entries().len(), tokens - 1);
            assert_eq!(words.lower(0), "police");
            assert!(!words.get(0).is_some_and(|e| e.lower_case));
            assert!(words.get(10).is_some_and(|e| e.lower_case));
            assert_eq!(words.key(3), "bloggs");
            assert!(words.kinds(2).title);
            assert!(
                words.kinds(8).stopword && words.kinds(11).stopword && !words.kinds(12).stopword
            );
            assert_eq!(words.get(6).and_then(|e| e.event), Some("kill"));
            // Capitalised words can be part of a name ("Bloggs's" too); "said" cannot.
            let name_word = |i: usize| words.get(i).is_some_and(|e| e.name_word);
            assert!(name_word(0) && name_word(2) && name_word(3));
            assert!(!name_word(1) && !name_word(6));
            assert!(words.get(6).is_some_and(|e| e.time.is_none()));
            assert_eq!(words.lower(99), "");
        });
    }

    #[test]
    fn leads_say_which_readers_a_word_can_start() {
        let text = "Seven twenty-five mid-May Monday GBP aged police 7 outside Leeds-based Of";
        with_words(text, |_, words, _| {
            let lead = |i: usize| {
                let e = words.get(i).unwrap();
                (e.time_lead, e.number_lead, e.quantity_lead, e.place_lead)
            };
            assert_eq!(lead(0), (true, true, true, false));
            assert_eq!(lead(1), (true, true, true, false));
            assert_eq!(lead(2), (true, false, false, false));
            assert_eq!(lead(3), (true, false, false, false));
            assert_eq!(lead(4), (false, false, true, false));
            assert_eq!(lead(5), (false, false, true, false));
            assert_eq!(lead(6), (false, false, false, false));
            // Digits are no word: the readers test the token's kind for them.
            assert_eq!(lead(7), (false, false, false, false));
            assert_eq!(lead(8), (false, false, false, true));
            assert_eq!(lead(9), (false, false, false, true));
            assert_eq!(lead(10), (false, false, false, true));
        });
    }

    /// The short forms' table gives each key the id it was first given, as it grows from its
    /// 16 slots to thousands, whether the keys' hashes spread or crowd.
    #[test]
    fn short_ids_keep_each_keys_first_id() {
        let mut table = ShortIds::default();
        let mut ids = std::collections::HashMap::new();
        let keys = (1..3000u64).flat_map(|k| [k << 56 | k, k << 8 | 2 << 56]);
        for (n, key) in keys.clone().enumerate() {
            let id = u32::try_from(n).unwrap();
            assert_eq!(table.id_or_insert(key, || id), id, "{key:x}");
            ids.insert(key, id);
        }
        for key in keys {
            assert_eq!(table.id_or_insert(key, || NONE), ids[&key], "{key:x}");
        }
        assert_eq!(table.len, ids.len());
        assert!(2 * table.len <= table.keys.len());
    }

    #[test]
    fn numbers_of_digits_keep_their_value() {
        let text = "2024 07 99999999999999999999999 3.5 seven";
        with_words(text, |_, words, _| {
            let digits = |i: usize| words.get(i).and_then(|e| e.digits);
            assert_eq!(digits(0), Some(2024));
            assert_eq!(digits(1), Some(7));
            assert_eq!(digits(2), Some(u64::MAX));
            assert_eq!(digits(3), None);
            assert_eq!(digits(4), None);
        });
    }
}
