//! General language knowledge, loaded from the `data/lexicons/` files embedded at build time.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::numbers::{ShapedMap, WordShapes};
use crate::text::{lower, stem, strip_possessive, word_key};

const EVENTS: &str = include_str!("../../../data/lexicons/events.txt");
const SYNONYMS: &str = include_str!("../../../data/lexicons/synonyms.txt");
const DEMONYMS: &str = include_str!("../../../data/lexicons/demonyms.txt");
const ROLES: &str = include_str!("../../../data/lexicons/roles.txt");
const TITLES: &str = include_str!("../../../data/lexicons/titles.txt");
const PLACE_HEADS: &str = include_str!("../../../data/lexicons/place_heads.txt");
/// Words of rank or time that make a role of the role after them ("Deputy Foreign Minister",
/// "acting chief executive", "former council leader").
const ROLE_PREFIXES: [&str; 9] = [
    "acting",
    "assistant",
    "associate",
    "deputy",
    "former",
    "interim",
    "junior",
    "senior",
    "shadow",
];

const ABBREVIATIONS: &str = include_str!("../../../data/lexicons/abbreviations.txt");
const STOPWORDS: &str = include_str!("../../../data/lexicons/stopwords.txt");
const ORG_WORDS: &str = include_str!("../../../data/lexicons/org_words.txt");
const OCCASIONS: &str = include_str!("../../../data/lexicons/occasions.txt");
const TOLLS: &str = include_str!("../../../data/lexicons/tolls.txt");
const KINDS: &str = include_str!("../../../data/lexicons/kinds.txt");
const COMMON_WORDS: &str = include_str!("../../../data/lexicons/common_words.txt");

/// Word lists and maps used by parsing and alignment. Built with [`Lexicon::embedded`] and
/// extended with the `add_*` methods (from a user's `claimdiff.toml`).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Behind their shapes: the word table asks for the event of every distinct word, and
    /// most have none.
    events: ShapedMap<String, String>,
    synonyms: HashMap<String, String>,
    /// Nationality adjectives in lower case, and the country each names.
    demonyms: HashMap<String, String>,
    /// The shapes of the nationality adjectives: most words asked about are none, which their
    /// first two letters and length tell without lower-casing or hashing.
    demonym_shapes: WordShapes,
    max_synonym_words: usize,
    roles: HashSet<String>,
    /// Every word of every role, so a phrase with another word is no role without joining it.
    role_words: WordSet,
    titles: WordSet,
    place_heads: WordSet,
    abbreviations: HashSet<String>,
    stopwords: WordSet,
    org_words: WordSet,
    occasions: HashSet<String>,
    tolls: HashSet<String>,
    /// The kind of a noun, keyed by its comparison term ("miner" -> "person").
    kinds: HashMap<String, String>,
    /// The kind of a noun as the kinds list writes it ("miner" -> "person").
    noun_kinds: HashMap<String, String>,
}

fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// True when `word` is a line of `list`, lines sorted by byte: a binary search over the text
/// itself, with no table to build.
fn sorted_contains(list: &str, word: &str) -> bool {
    let bytes = list.as_bytes();
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = memchr::memrchr(b'\n', &bytes[lo..mid]).map_or(lo, |k| lo + k + 1);
        let end = memchr::memchr(b'\n', &bytes[start..hi]).map_or(hi, |k| start + k);
        match bytes[start..end].cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

impl Lexicon {
    /// The lexicon shipped in the binary.
    #[must_use]
    pub fn embedded() -> Self {
        let mut lex = Self::default();
        for line in lines(EVENTS) {
            if let Some((kind, words)) = line.split_once(':') {
                lex.add_event(kind.trim(), words.split_whitespace());
            }
        }
        lex.demonyms = lines(DEMONYMS)
            .filter_map(|line| line.split_once(':'))
            .map(|(d, country)| (d.trim().to_lowercase(), country.trim().to_owned()))
            .collect();
        lex.demonym_shapes = WordShapes::new(lex.demonyms.keys().map(String::as_str));
        for line in lines(SYNONYMS) {
            if let Some((canon, variants)) = line.split_once(':') {
                lex.add_synonyms(canon.trim(), variants.split(',').map(str::trim));
            }
        }
        let set = |src: &str| lines(src).map(str::to_lowercase).collect::<HashSet<_>>();
        lex.roles = set(ROLES);
        lex.role_words = lex
            .roles
            .iter()
            .flat_map(|r| r.split(' '))
            .chain(ROLE_PREFIXES)
            .map(str::to_owned)
            .collect();
        lex.titles = set(TITLES).into_iter().collect();
        lex.place_heads = set(PLACE_HEADS).into_iter().collect();
        lex.abbreviations = set(ABBREVIATIONS);
        lex.org_words = set(ORG_WORDS).into_iter().collect();
        lex.occasions = lines(OCCASIONS)
            .flat_map(str::split_whitespace)
            .map(str::to_owned)
            .collect();
        lex.tolls = lines(TOLLS)
            .flat_map(str::split_whitespace)
            .map(str::to_owned)
            .collect();
        for line in lines(KINDS) {
            if let Some((kind, words)) = line.split_once(':') {
                for w in words.split_whitespace() {
                    let term = lex.term(w);
                    lex.kinds.insert(term, kind.trim().to_owned());
                    lex.noun_kinds.insert(w.to_owned(), kind.trim().to_owned());
                }
            }
        }
        lex.stopwords = STOPWORDS
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        lex
    }

    /// Maps each of `words` to the event type `kind`.
    pub fn add_event<'a>(&mut self, kind: &str, words: impl IntoIterator<Item = &'a str>) {
        for w in words {
            self.events.insert(w.to_lowercase(), kind.to_owned());
        }
    }

    /// Declares that each of `variants` names the same thing as `canonical`.
    pub fn add_synonyms<'a>(
        &mut self,
        canonical: &'a str,
        variants: impl IntoIterator<Item = &'a str>,
    ) {
        let canon = canonical.to_lowercase();
        for v in variants.into_iter().chain([canonical]) {
            let v = v.to_lowercase();
            if v.is_empty() {
                continue;
            }
            self.max_synonym_words = self.max_synonym_words.max(v.split_whitespace().count());
            // The singular of a plural variant names the same thing ("houses" -> "house").
            let one = singular(&v);
            if one != v {
                self.synonyms
                    .entry(one.into_owned())
                    .or_insert_with(|| canon.clone());
            }
            self.synonyms.insert(v, canon.clone());
        }
    }

    /// Adds abbreviations (without their final stop) that do not end a sentence.
    pub fn add_abbreviations<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.abbreviations.extend(
            words
                .into_iter()
                .map(|w| w.trim_end_matches('.').to_lowercase()),
        );
    }

    /// The event type of a word ("killed" -> "kill"), if the lexicon knows it.
    #[must_use]
    pub fn event(&self, word: &str) -> Option<&str> {
        self.event_of_key(&word_key(word))
    }

    /// [`Lexicon::event`] of a word given by its [`word_key`].
    pub(crate) fn event_of_key(&self, key: &str) -> Option<&str> {
        self.events.get(key).map(String::as_str)
    }

    /// The canonical form of a word or phrase ("CEO" -> "chief executive"), or its lower-case
    /// form when the lexicon has no synonym for it.
    #[must_use]
    pub fn canonical(&self, phrase: &str) -> String {
        let key = lower(phrase);
        if let Some(c) = self.synonyms.get(key.as_ref()) {
            return c.clone();
        }
        let singular = singular(&key);
        self.synonyms
            .get(singular.as_ref())
            .cloned()
            .unwrap_or_else(|| key.into_owned())
    }

    /// The longest number of words in a synonym phrase.
    #[must_use]
    pub fn max_synonym_words(&self) -> usize {
        self.max_synonym_words.max(1)
    }

    /// True when `phrase` is a known synonym variant or canonical form.
    #[must_use]
    pub fn has_synonym(&self, phrase: &str) -> bool {
        self.synonyms.contains_key(lower(phrase).as_ref())
    }

    /// True when `phrase` (lower case) is a role such as "chief executive", or one with a
    /// word of rank or time before it ("deputy foreign minister", "former council leader").
    #[must_use]
    pub fn is_role(&self, phrase: &str) -> bool {
        let phrase = lower(phrase);
        self.roles.contains(phrase.as_ref())
            || ROLE_PREFIXES.iter().any(|p| {
                phrase
                    .strip_prefix(p)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|rest| self.roles.contains(rest))
            })
    }

    /// True when `word` is a word of some role ("chief", "executive"): a cheap test before
    /// joining words into a phrase for [`Lexicon::is_role`].
    #[must_use]
    pub(crate) fn is_role_word(&self, word: &str) -> bool {
        self.role_words.contains(word, || lower(word))
    }

    /// The country a nationality adjective names ("Austrian" → "Austria").
    #[must_use]
    pub fn demonym_country(&self, word: &str) -> Option<&str> {
        // An ASCII word keeps its length and first letters in lower case (as in `WordSet`).
        if self.demonym_shapes.excludes(word) && word.is_ascii() {
            return None;
        }
        self.demonyms.get(lower(word).as_ref()).map(String::as_str)
    }

    /// True when `word` is a title that stands before a name ("Mr", "President").
    #[must_use]
    pub fn is_title(&self, word: &str) -> bool {
        let word = word.trim_end_matches('.');
        self.titles.contains(word, || lower(word))
    }

    /// True when `word` heads a place phrase ("headquarters", "office").
    #[must_use]
    pub fn is_place_head(&self, word: &str) -> bool {
        self.place_heads
            .contains(strip_possessive(word), || word_key(word))
    }

    /// True when `word` (without its final stop) is an abbreviation.
    #[must_use]
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(lower(word).as_ref())
    }

    /// True for function words that carry no content.
    #[must_use]
    pub fn is_stopword(&self, word: &str) -> bool {
        self.is_stopword_key(&word_key(word))
    }

    /// [`Lexicon::is_stopword`] of a word given by its [`word_key`].
    pub(crate) fn is_stopword_key(&self, key: &str) -> bool {
        self.stopwords.contains(key, || key)
    }

    /// True for event types that happen at one place and time (a protest, a quake), whose
    /// places can conflict; not for ongoing ones (selling, supplying).
    #[must_use]
    pub fn is_occasion(&self, event: &str) -> bool {
        self.occasions.contains(event)
    }

    /// True for event types whose counts grow as a story develops ("kill", "injure"): a later
    /// report with a higher count updates an earlier one.
    #[must_use]
    pub fn is_toll(&self, event: &str) -> bool {
        self.tolls.contains(event)
    }

    /// True when `key`, a word in lower case, is an ordinary English word and never a name.
    #[must_use]
    pub fn is_common_word(&self, key: &str) -> bool {
        sorted_contains(COMMON_WORDS, key)
    }

    /// True for words that mark a name as an organisation ("Association", "Ltd").
    #[must_use]
    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words
            .contains(strip_possessive(word), || word_key(word))
    }

    /// The kind of thing a comparison term (from [`Lexicon::term`]) names: "person" for
    /// "miner", "item" for "object".
    #[must_use]
    pub fn kind(&self, term: &str) -> Option<&str> {
        self.kinds.get(term).map(String::as_str)
    }

    /// The kind of thing a noun in lower case names, singular or plural, when the kinds list
    /// has it ("person" for "firefighters") or it is a synonym of a noun that has one
    /// ("detectives", of "police"): for nouns as written, the kinds list is looked up as
    /// written before the costlier [`Lexicon::kind`] of the synonym's term.
    #[must_use]
    pub fn noun_kind(&self, noun: &str) -> Option<&str> {
        self.noun_kinds
            .get(noun)
            .or_else(|| self.noun_kinds.get(singular(noun).as_ref()))
            .map(String::as_str)
            .or_else(|| {
                self.has_synonym(noun)
                    .then(|| self.kind(&self.term(noun)))
                    .flatten()
            })
    }

    /// The comparison key of a content word: its synonym's canonical form or its stem.
    #[must_use]
    pub fn term(&self, word: &str) -> String {
        let key = word_key(word);
        if let Some(c) = self.synonyms.get(key.as_ref()) {
            return c.clone();
        }
        let singular = singular(&key);
        if let Some(c) = self.synonyms.get(singular.as_ref()) {
            return c.clone();
        }
        stem(&key)
    }
}

/// A table of lower-case words with their shapes ([`WordShapes`]), built together: most ASCII
/// words are in none of the lexicon's tables, which their first two letters and length tell
/// without lower-casing or hashing.
#[derive(Debug, Clone, Default)]
struct WordSet {
    words: HashSet<String>,
    shapes: WordShapes,
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let words: HashSet<String> = iter.into_iter().collect();
        let shapes = WordShapes::new(words.iter().map(String::as_str));
        Self { words, shapes }
    }
}

impl WordSet {
    /// True when the table has the word `written`, as written, whose lower-case form
    /// (however the caller forms it) is `key()`. An ASCII word keeps its length and first
    /// letters in lower case, so when no table word has its shape, `key` is never computed; a
    /// word that is not ASCII is looked up.
    fn contains<K: AsRef<str>>(&self, written: &str, key: impl FnOnce() -> K) -> bool {
        !(self.shapes.excludes(written) && written.is_ascii())
            && self.words.contains(key().as_ref())
    }
}

/// Drops a plural "s" ("workers" -> "worker"); leaves other words alone.
pub(crate) fn singular(word: &str) -> Cow<'_, str> {
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        if let Some(base) = word.strip_suffix("ies") {
            return Cow::Owned(format!("{base}y"));
        }
        return Cow::Borrowed(&word[..word.len() - 1]);
    }
    Cow::Borrowed(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_lines_are_searched_whole() {
        let list = "apple\nbanana\ncherry\n";
        for w in ["apple", "banana", "cherry"] {
            assert!(sorted_contains(list, w), "{w}");
        }
        for w in [
            "", "app", "apples", "b", "banan", "cherryx", "zebra", "aardvark",
        ] {
            assert!(!sorted_contains(list, w), "{w}");
        }
        assert!(sorted_contains("only", "only"));
        assert!(!sorted_contains("", "only"));
    }

    #[test]
    fn common_words_are_sorted_by_byte_one_per_line() {
        assert!(!COMMON_WORDS.contains('\r'));
        let words: Vec<&str> = COMMON_WORDS.lines().collect();
        assert!(words.is_sorted_by(|a, b| a.as_bytes() < b.as_bytes()));
        assert!(
            words
                .iter()
                .all(|w| !w.is_empty() && *w == w.to_lowercase())
        );
    }

    #[test]
    fn common_words_are_ordinary_words_never_names() {
        let lex = Lexicon::embedded();
        for w in [
            "firefighters",
            "shares",
            "temperatures",
            "around",
            "analysts",
            "bath",
        ] {
            assert!(lex.is_common_word(w), "{w}");
        }
        // Words that are also names ("Baker", "Bill"), names, and upper case.
        for w in ["baker", "bill", "london", "palantir", "Shares"] {
            assert!(!lex.is_common_word(w), "{w}");
        }
    }

    #[test]
    fn embedded_lexicon_knows_events_synonyms_and_roles() {
        let lex = Lexicon::embedded();
        assert_eq!(lex.event("killed"), Some("kill"));
        assert_eq!(lex.event("Blockaded"), Some("protest"));
        assert_eq!(lex.canonical("CEO"), "chief executive");
        assert_eq!(lex.canonical("medics"), "health workers");
        assert!(lex.is_role("chief executive"));
        assert!(lex.is_title("Mr."));
        assert!(lex.is_abbreviation("u.s"));
        assert_eq!(lex.term("HQ"), "headquarters");
        assert_eq!(lex.kind(&lex.term("miners")), Some("person"));
        assert_eq!(lex.kind(&lex.term("objects")), Some("item"));
        assert_eq!(lex.kind(&lex.term("kettles")), None);
    }

    /// The shape filters before the role word, organisation word, title, place head and
    /// stopword tables answer as the tables do, for every word of the tables in any case and
    /// with a possessive, and for words near them.
    #[test]
    fn shape_filters_agree_with_their_tables() {
        let lex = Lexicon::embedded();
        let tables = [
            &lex.role_words.words,
            &lex.org_words.words,
            &lex.titles.words,
            &lex.place_heads.words,
            &lex.stopwords.words,
        ];
        let mut words: Vec<String> = Vec::new();
        for w in tables.iter().flat_map(|t| t.iter()) {
            let capital = w[..1].to_uppercase() + &w[1..];
            for v in [w.clone(), capital, w.to_uppercase()] {
                words.push(format!("{v}'s"));
                words.push(format!("{v}\u{2019}s"));
                words.push(format!("{v}s"));
                words.push(format!("{v}."));
                words.push(v[..v.len() - 1].to_owned());
                words.push(v);
            }
        }
        // The Kelvin sign lower-cases to an ASCII "k" of another length: "spo\u{212A}esman" is
        // "spokesman" in lower case, and a filter that measured it would miss it.
        let kelvin: Vec<String> = tables
            .iter()
            .flat_map(|t| t.iter())
            .filter(|w| w.contains('k'))
            .map(|w| w.replacen('k', "\u{212A}", 1))
            .collect();
        assert!(!kelvin.is_empty());
        words.extend(kelvin);
        words.extend(["É", "Éxecutive", "x", "", "-", "3rd"].map(String::from));
        let by_lower = |table: &HashSet<String>, w: &str| table.contains(lower(w).as_ref());
        let by_key = |table: &HashSet<String>, w: &str| table.contains(word_key(w).as_ref());
        for w in &words {
            let title = w.trim_end_matches('.');
            let key = word_key(w);
            let answers = [
                (
                    "role word",
                    lex.is_role_word(w),
                    by_lower(&lex.role_words.words, w),
                ),
                (
                    "organisation word",
                    lex.is_org_word(w),
                    by_key(&lex.org_words.words, w),
                ),
                ("title", lex.is_title(w), by_lower(&lex.titles.words, title)),
                (
                    "place head",
                    lex.is_place_head(w),
                    by_key(&lex.place_heads.words, w),
                ),
                (
                    "stopword",
                    lex.is_stopword_key(&key),
                    by_key(&lex.stopwords.words, w),
                ),
            ];
            for (what, filtered, table) in answers {
                assert_eq!(filtered, table, "{what}: {w:?}");
            }
        }
    }

    /// The shape filter before the nationality table passes every nationality, in any case.
    #[test]
    fn demonym_filter_passes_every_nationality() {
        let lex = Lexicon::embedded();
        for (d, country) in &lex.demonyms {
            let capital = d[..1].to_uppercase() + &d[1..];
            for w in [d.clone(), capital, d.to_uppercase()] {
                assert_eq!(lex.demonym_country(&w), Some(country.as_str()), "{w}");
            }
        }
        assert_eq!(lex.demonym_country("Austrian"), Some("Austria"));
        assert_eq!(lex.demonym_country("Bloggs"), None);
    }

    #[test]
    fn additions_extend_the_lexicon() {
        let mut lex = Lexicon::embedded();
        lex.add_event("flood", ["inundated"]);
        lex.add_abbreviations(["Approx."]);
        assert_eq!(lex.event("inundated"), Some("flood"));
        assert!(lex.is_abbreviation("approx"));
    }
}
