//! Numbers in digits and words, read over tokens: the grammar under [`crate::quantity`].
//!
//! Hand-written rather than `text2num`: news needs token spans and notation that crate does not
//! read ("1.2bn", "816 000", "10 1/2", "two-thirds", "1.3e6", "ninety - five hundred fifths"),
//! plus rules for what is not one number ("22,24,26,31", "three-nought-four"). A number is read
//! in two steps: the tokens from a position are turned into a short run of [`Atom`]s (number
//! words, digit expressions, "and", "point", …), then a small grammar reads the longest number
//! the run starts with. Reading a number does not allocate.

use std::borrow::Borrow;
use std::cell::Cell;
use std::hash::Hash;
use std::ops::Range;
use std::sync::OnceLock;

use arrayvec::ArrayVec;
use rustc_hash::FxHashMap;

use crate::text::{Token, TokenKind, before_dash, is_dash, split_hyphen};
use crate::vocab::{Entry, Words};

/// The tokens of one sentence with the text they index.
pub(crate) struct Cursor<'a> {
    /// The whole text.
    pub(crate) text: &'a str,
    /// The sentence's tokens.
    pub(crate) tokens: &'a [Token],
    /// The tokens' entries in the document's words.
    pub(crate) words: Words<'a, 'a>,
    /// The last digit token parsed ([`Cursor::digit_token`]) and its token: the quantity
    /// reader asks of a token whether it is a list, then reads it as a number.
    parsed: Cell<Option<(usize, Option<DigitToken>)>>,
}

impl<'a> Cursor<'a> {
    /// The tokens of a sentence, `tokens` of `text`, with their entries.
    pub(crate) fn new(text: &'a str, tokens: &'a [Token], words: Words<'a, 'a>) -> Self {
        Self {
            text,
            tokens,
            words,
            parsed: Cell::new(None),
        }
    }
    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }
    /// Token `i`'s text, or "" past the end.
    pub(crate) fn raw(&self, i: usize) -> &'a str {
        self.words.raw(i)
    }
    /// Token `i`'s text when it is a word.
    pub(crate) fn word(&self, i: usize) -> Option<&'a str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|_| self.words.raw(i))
    }
    /// Token `i`'s kind.
    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }
    /// True when token `i` is `s`, ignoring ASCII case.
    pub(crate) fn is(&self, i: usize, s: &str) -> bool {
        self.raw(i).eq_ignore_ascii_case(s)
    }
    /// True when token `i` is one of `list`, ignoring ASCII case.
    pub(crate) fn is_any(&self, i: usize, list: &[&str]) -> bool {
        let r = self.raw(i);
        !r.is_empty() && list.iter().any(|s| r.eq_ignore_ascii_case(s))
    }
    /// True when tokens `i` and `i + 1` touch (no white space between them).
    pub(crate) fn glued(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
    /// The text between tokens `i` and `i + 1` ("" when either is missing).
    pub(crate) fn gap(&self, i: usize) -> &'a str {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            _ => "",
        }
    }
    /// True when the tokens `i` and `i + 1` are separated by white space within one line.
    pub(crate) fn spaced(&self, i: usize) -> bool {
        // A gap is a byte or two: a byte scan, not a search.
        let g = self.gap(i);
        !g.is_empty() && !g.bytes().any(|b| b == b'\n') && i + 1 < self.len()
    }
    /// Token `i` in lower case as [`lower`] writes it ("" unless it is ASCII of at most 24
    /// bytes), read from the document's words rather than copied.
    pub(crate) fn ascii_lower(&self, i: usize) -> &'a str {
        let raw = self.raw(i);
        if raw.len() <= 24 && raw.is_ascii() {
            self.words.lower(i)
        } else {
            ""
        }
    }
    /// [`number_word`] of token `i`: a token that starts no number word, most words as the
    /// document's words tell, is not looked up.
    pub(crate) fn number_word_at(&self, i: usize) -> Option<NumWord> {
        let w = self.raw(i);
        if self.words.get(i).is_some_and(|e| !e.number_lead) {
            debug_assert!(number_word(w).is_none(), "{w}");
            return None;
        }
        number_word(w)
    }
    /// [`scale_after`] of token `i`, its number word looked up only as [`Cursor::number_word_at`]
    /// does.
    pub(crate) fn scale_at(&self, i: usize) -> Option<f64> {
        scale_of(self.number_word_at(i), self.raw(i))
    }
    /// Token `i` read as a digit token ([`parse_digit_token`]): a token of at most fifteen
    /// plain digits takes the value the document's words keep for it, parsed once.
    pub(crate) fn digit_token(&self, i: usize) -> Option<DigitToken> {
        match self.words.get(i).and_then(|e| e.digits) {
            Some(value) if self.raw(i).len() <= 15 => Some(DigitToken::Value {
                value: value as f64,
                decimal: false,
                grouped: false,
            }),
            _ => match self.parsed.get() {
                Some((at, read)) if at == i => read,
                _ => {
                    let read = parse_digit_token(self.raw(i));
                    self.parsed.set(Some((i, read)));
                    read
                }
            },
        }
    }
}

/// Lower-cases an ASCII word of at most 24 bytes, into `buf` when it has upper-case letters;
/// "" for anything else.
pub(crate) fn lower<'b>(w: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    let n = w.len();
    if n > buf.len() || !w.is_ascii() {
        return "";
    }
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return w;
    }
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..n]).unwrap_or_default()
}

/// The class of an ordinal used as a fraction's denominator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum OrdClass {
    /// "first" … "ninth": may join a tens word before it ("twenty fifths" = 25ths).
    Unit,
    /// "tenth" … "nineteenth", "twentieth" … "ninetieth".
    Tens,
    /// "hundredth", "thousandth", "millionth", …
    Big,
    /// "half", "quarter".
    Half,
}

/// What a number word means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumWord {
    /// "zero", "nought", "naught".
    Zero,
    /// "one" … "nine".
    Unit(f64),
    /// "ten" … "nineteen".
    Teen(f64),
    /// "twenty" … "ninety".
    Tens(f64),
    /// "hundred(s)".
    Hundred {
        /// "hundreds".
        plural: bool,
    },
    /// "thousand", "million", "lakh", "crore", … (the multiplier).
    Scale {
        /// The multiplier.
        value: f64,
        /// "millions".
        plural: bool,
    },
    /// "dozen(s)", "dz", "doz".
    Dozen,
    /// An ordinal that can be a denominator: "third(s)", "twentieth", "half", "quarters".
    Ordinal {
        /// The denominator.
        den: f64,
        /// Its class.
        class: OrdClass,
        /// "thirds" rather than "third".
        plural: bool,
    },
}

/// Reads one number word (no hyphens), ignoring case.
pub(crate) fn number_word(w: &str) -> Option<NumWord> {
    let &[first, second, ..] = w.as_bytes() else {
        return None;
    };
    if !first.is_ascii_alphabetic() || !second.is_ascii_alphabetic() {
        return None;
    }
    let table = number_words();
    // Most words are rejected by their first two letters and length alone.
    if !has_length(table.shapes.lengths(w), w.len()) {
        return None;
    }
    let mut buf = [0u8; 24];
    lower_number_word(lower(w, &mut buf))
}

/// [`number_word`] of a word in lower case, as the document's words keep it: no copy in lower
/// case is made of a capitalised word ("Three", "Million").
fn lower_number_word(w: &str) -> Option<NumWord> {
    number_words().words.get(w).copied()
}

/// Reads the number word before the first dash of `w` ("twenty" in "twenty-five"), ignoring
/// case: `number_word(before_dash(w))`, testing the first two letters before looking for
/// the dash and the length after, which rejects most words.
pub(crate) fn number_word_before_dash(w: &str) -> Option<NumWord> {
    let lengths = number_words().shapes.lengths(w);
    if lengths == 0 {
        return None;
    }
    let head = before_dash(w);
    if !has_length(lengths, head.len()) {
        return None;
    }
    number_word(head)
}

/// Every number word, in lower case ([`number_word`] reads each).
pub(crate) fn number_word_list() -> impl Iterator<Item = &'static str> {
    number_words().words.keys().map(String::as_str)
}

/// A cheap test before a table of words that each start with two ASCII letters: for each pair
/// of first letters, ignoring case, the lengths of the table's words that start with them.
/// Most words are rejected by their first two letters and their length without hashing.
#[derive(Debug, Clone)]
pub(crate) struct WordShapes([u32; 26 * 26]);

impl Default for WordShapes {
    /// No words: every word that starts with two ASCII letters is rejected.
    fn default() -> Self {
        Self([0; 26 * 26])
    }
}

impl WordShapes {
    /// The shapes of `words`, each starting with two ASCII letters and under 32 bytes long.
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut shapes = Self::default();
        for w in words {
            debug_assert!(w.len() < 32, "{w}");
            shapes.add(w);
        }
        shapes
    }

    /// Adds the shape of `w`; a word of 32 bytes or more has none (see [`ShapedMap`]).
    fn add(&mut self, w: &str) {
        if w.len() < 32
            && let Some(pair) = letter_pair(w)
        {
            self.0[pair] |= 1 << w.len();
        }
    }

    /// The lengths (bit `n` for `n` bytes) of the words that start with the first two letters
    /// of `w`, ignoring case; none when `w` does not start with two ASCII letters.
    #[inline]
    pub(crate) fn lengths(&self, w: &str) -> u32 {
        letter_pair(w).map_or(0, |pair| self.0[pair])
    }

    /// True when `w` starts with two ASCII letters and no word of the table, ignoring case,
    /// starts with them and has its length.
    #[inline]
    pub(crate) fn excludes(&self, w: &str) -> bool {
        letter_pair(w).is_some_and(|pair| !has_length(self.0[pair], w.len()))
    }
}

/// A table of words behind their [`WordShapes`]: a word that shares its shape with no key is
/// rejected without hashing (with a debug check that the table indeed lacks it). Keys of 32
/// bytes or more have no shape, and words as long are always looked up.
#[derive(Debug, Clone)]
pub(crate) struct ShapedMap<K, V> {
    shapes: WordShapes,
    map: FxHashMap<K, V>,
}

impl<K, V> Default for ShapedMap<K, V> {
    fn default() -> Self {
        Self {
            shapes: WordShapes::default(),
            map: FxHashMap::default(),
        }
    }
}

impl<K: Borrow<str> + Hash + Eq, V> ShapedMap<K, V> {
    /// Puts `value` under `key`, replacing the value it had.
    pub(crate) fn insert(&mut self, key: K, value: V) {
        self.shapes.add(key.borrow());
        self.map.insert(key, value);
    }

    /// The value under `key`, the key's shape tested first.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        if key.len() < 32 && self.shapes.excludes(key) {
            debug_assert!(!self.map.contains_key(key), "{key}");
            return None;
        }
        self.map.get(key)
    }
}

impl<K: Borrow<str> + Hash + Eq, V> From<FxHashMap<K, V>> for ShapedMap<K, V> {
    fn from(map: FxHashMap<K, V>) -> Self {
        let mut shapes = WordShapes::default();
        for key in map.keys() {
            shapes.add(key.borrow());
        }
        Self { shapes, map }
    }
}

impl<K: Borrow<str> + Hash + Eq, V> FromIterator<(K, V)> for ShapedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        FxHashMap::from_iter(pairs).into()
    }
}

/// True when `lengths` (see [`WordShapes::lengths`]) has `len`.
#[inline]
pub(crate) fn has_length(lengths: u32, len: usize) -> bool {
    len < 32 && (lengths >> len) & 1 == 1
}

/// The index in `0..26 * 26` of the first two bytes of `w` when they are ASCII letters,
/// ignoring case.
#[inline]
fn letter_pair(w: &str) -> Option<usize> {
    let &[first, second, ..] = w.as_bytes() else {
        return None;
    };
    // A byte below 'a' wraps above 25: one comparison tells a letter.
    let (a, b) = (
        (first | 0x20).wrapping_sub(b'a'),
        (second | 0x20).wrapping_sub(b'a'),
    );
    (a < 26 && b < 26).then(|| usize::from(a) * 26 + usize::from(b))
}

/// The number words: a cheap filter and a table.
struct NumberWords {
    /// The shapes of the number words.
    shapes: WordShapes,
    /// Every number word in lower case with its meaning.
    words: FxHashMap<String, NumWord>,
}

/// The number words, built once: one hash lookup reads a word, where matching it against
/// each list in turn cost more than any other test on the words of a sentence. An ordinal's
/// plural adds "s" ("thirds", "halfs"), as does "halves".
fn number_words() -> &'static NumberWords {
    const UNITS: [&str; 9] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    const TEENS: [&str; 10] = [
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const UNIT_ORD: [&str; 9] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    const TEEN_ORD: [&str; 10] = [
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS_ORD: [&str; 8] = [
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    static TABLE: OnceLock<NumberWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let scale = |value: f64, plural: bool| NumWord::Scale { value, plural };
        let mut words: Vec<(&str, NumWord)> = vec![
            ("zero", NumWord::Zero),
            ("nought", NumWord::Zero),
            ("naught", NumWord::Zero),
            ("hundred", NumWord::Hundred { plural: false }),
            ("hundreds", NumWord::Hundred { plural: true }),
            ("thousand", scale(1e3, false)),
            ("thousands", scale(1e3, true)),
            ("lakh", scale(1e5, false)),
            ("lac", scale(1e5, false)),
            ("lakhs", scale(1e5, true)),
            ("million", scale(1e6, false)),
            ("millions", scale(1e6, true)),
            ("crore", scale(1e7, false)),
            ("crores", scale(1e7, true)),
            ("billion", scale(1e9, false)),
            ("billions", scale(1e9, true)),
            ("trillion", scale(1e12, false)),
            ("trillions", scale(1e12, true)),
        ];
        for w in ["dozen", "dozens", "dz", "dzs", "doz", "dozs"] {
            words.push((w, NumWord::Dozen));
        }
        for (i, w) in (0..).zip(UNITS) {
            words.push((w, NumWord::Unit(f64::from(i) + 1.0)));
        }
        for (i, w) in (0..).zip(TEENS) {
            words.push((w, NumWord::Teen(f64::from(i) + 10.0)));
        }
        for (i, w) in (0..).zip(TENS) {
            words.push((w, NumWord::Tens(10.0 * f64::from(i) + 20.0)));
        }
        let mut ordinals: Vec<(&str, f64, OrdClass)> = vec![
            ("hundredth", 1e2, OrdClass::Big),
            ("thousandth", 1e3, OrdClass::Big),
            ("millionth", 1e6, OrdClass::Big),
            ("billionth", 1e9, OrdClass::Big),
            ("trillionth", 1e12, OrdClass::Big),
            ("half", 2.0, OrdClass::Half),
            ("quarter", 4.0, OrdClass::Half),
        ];
        for (i, w) in (0..).zip(UNIT_ORD) {
            ordinals.push((w, f64::from(i) + 1.0, OrdClass::Unit));
        }
        for (i, w) in (0..).zip(TEEN_ORD) {
            ordinals.push((w, f64::from(i) + 10.0, OrdClass::Tens));
        }
        for (i, w) in (0..).zip(TENS_ORD) {
            ordinals.push((w, 10.0 * f64::from(i) + 20.0, OrdClass::Tens));
        }
        let mut table: FxHashMap<String, NumWord> =
            words.into_iter().map(|(w, n)| (w.to_owned(), n)).collect();
        let ordinal =
            |den: f64, class: OrdClass, plural: bool| NumWord::Ordinal { den, class, plural };
        table.insert("halves".to_owned(), ordinal(2.0, OrdClass::Half, true));
        for (w, den, class) in ordinals {
            table.insert(w.to_owned(), ordinal(den, class, false));
            table.insert(format!("{w}s"), ordinal(den, class, true));
        }
        NumberWords {
            shapes: WordShapes::new(table.keys().map(String::as_str)),
            words: table,
        }
    })
}

/// Multipliers written as abbreviations after digits ("4.7bn", "2.33 k", "10M", "1MM"); the
/// second value says whether the abbreviation may stand apart from the digits. Lower-case "m"
/// is not here: after a bare number it may be metres, which the quantity reader decides.
fn abbreviation(w: &str) -> Option<(f64, bool)> {
    // "£1.2bn-a-year": a scale of two letters or more before a hyphen is still the scale (not
    // "m": "a 5m-long wall" is five metres).
    let w = match split_hyphen(w) {
        Some((head, _)) if matches!(head, "bn" | "Bn" | "bln" | "mn" | "Mn" | "tn") => head,
        _ => w,
    };
    Some(match w {
        "k" | "K" => (1e3, true),
        "M" | "MM" | "mn" | "Mn" | "mln" | "mil" => (1e6, true),
        "bn" | "Bn" | "bln" => (1e9, true),
        "b" | "B" => (1e9, false),
        "tn" | "tln" | "trn" => (1e12, true),
        "G" => (1e9, true),
        _ => return None,
    })
}

/// Multipliers after a number, in words or abbreviations, lower-case "m" included.
pub(crate) fn scale_after(w: &str) -> Option<f64> {
    scale_of(number_word(w), w)
}

/// [`scale_after`] of `w`, whose number word is `n`.
fn scale_of(n: Option<NumWord>, w: &str) -> Option<f64> {
    match n {
        Some(NumWord::Scale { value, .. }) => Some(value),
        _ => match w {
            "m" => Some(1e6),
            _ => abbreviation(w).map(|(v, _)| v),
        },
    }
}

/// Vulgar fraction characters.
pub(crate) fn vulgar(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅐" => 1.0 / 7.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        "⅑" => 1.0 / 9.0,
        "⅒" => 0.1,
        _ => return None,
    })
}

/// How a digit token reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum DigitToken {
    /// One number; `decimal` when it has a decimal mark, `grouped` when it has thousands
    /// separators.
    Value {
        /// The number.
        value: f64,
        /// Written with a decimal mark.
        decimal: bool,
        /// Written with grouping separators.
        grouped: bool,
    },
    /// Several numbers run together ("22,24,26,31", "192.168.1.2"): see [`list_pieces`].
    List,
}

/// True when the groups of `s` split at `separator` after the first are three digits each and
/// the first one to three ("1,234,567"), or Indian style: first one or two, then twos, the
/// last three ("12,34,567"). The separator is one ASCII byte: the bytes are split, which is
/// far cheaper than a search for a pattern in a string.
fn valid_grouping(s: &str, separator: u8) -> bool {
    let mut groups = s.as_bytes().split(|&b| b == separator);
    let Some(first) = groups.next() else {
        return false;
    };
    let digits = |g: &[u8]| !g.is_empty() && g.iter().all(u8::is_ascii_digit);
    if !digits(first) {
        return false;
    }
    // One pass over the groups after the first: how many, whether all are three digits,
    // whether all but the last are two and the last three (Indian grouping).
    let mut n = 0;
    let (mut all_three, mut twos_before, mut last_three) = (true, true, false);
    let mut prev_two = true;
    for g in groups {
        let ok = digits(g);
        twos_before &= prev_two;
        prev_two = ok && g.len() == 2;
        last_three = ok && g.len() == 3;
        all_three &= last_three;
        n += 1;
    }
    if (1..=3).contains(&first.len()) && all_three {
        return n > 0;
    }
    (1..=2).contains(&first.len()) && n >= 2 && twos_before && last_three
}

/// Parses a digit token: thousands separators (validated), decimal point or comma, lists.
/// Clock times ("10:30") are not numbers.
pub(crate) fn parse_digit_token(s: &str) -> Option<DigitToken> {
    // The marks, in one pass.
    let (mut commas, mut dots) = (0, 0);
    for b in s.bytes() {
        match b {
            b':' => return None,
            b',' => commas += 1,
            b'.' => dots += 1,
            _ => {}
        }
    }
    // The digits of `int` (separators dropped), then `.` and `frac`, parsed on the stack.
    let value = |int: &str, frac: &str| -> Option<f64> {
        if let Some(v) = short_decimal(int, frac) {
            return Some(v);
        }
        let mut buf = [0u8; 64];
        let mut n = 0;
        let point = (!frac.is_empty()).then_some(b'.');
        for b in int
            .bytes()
            .filter(u8::is_ascii_digit)
            .chain(point)
            .chain(frac.bytes())
        {
            *buf.get_mut(n)? = b;
            n += 1;
        }
        std::str::from_utf8(&buf[..n]).ok()?.parse().ok()
    };
    let ok = |v: Option<f64>, decimal: bool, grouped: bool| {
        v.map(|value| DigitToken::Value {
            value,
            decimal,
            grouped,
        })
    };
    match (commas, dots) {
        // Up to fifteen digits, an integer below 2^53: exact as an integer, which parses far
        // faster than a float and converts to the same value.
        (0, 0) if (1..=15).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) => {
            ok(s.parse::<u64>().ok().map(|v| v as f64), false, false)
        }
        (0, 0) => ok(value(s, ""), false, false),
        (0, 1) => {
            let (a, b) = s.split_once('.')?;
            ok(value(a, b), true, false)
        }
        (1.., 0) => {
            if valid_grouping(s, b',') {
                return ok(value(s, ""), false, true);
            }
            match s.split_once(',') {
                // "5,00", "1,3": a decimal comma.
                Some((a, b)) if commas == 1 && (1..=2).contains(&b.len()) => {
                    ok(value(a, b), true, false)
                }
                _ => Some(DigitToken::List),
            }
        }
        (0, 2..) => {
            if valid_grouping(s, b'.') {
                ok(value(s, ""), false, true)
            } else {
                Some(DigitToken::List)
            }
        }
        _ => {
            // Both marks: the last one is the decimal mark ("1,111.11", "1.111,11").
            let (mark, group) = if s.rfind('.') > s.rfind(',') {
                ('.', b',')
            } else {
                (',', b'.')
            };
            let (int, frac) = s.rsplit_once(mark)?;
            if int.contains(mark) || !valid_grouping(int, group) {
                return Some(DigitToken::List);
            }
            ok(value(int, frac), true, true)
        }
    }
}

/// The value of the digits of `int` (anything else in it, the separators, dropped) before a
/// point and the digits `frac`, when they are fifteen digits or fewer: their integer, exact
/// below 2^53, divided by the exact power of ten, is the float nearest the decimal, which is
/// what parsing the written number gives, at a fraction of its cost ("2,000", "3.75", "1,5").
/// `None` for more digits, none, or a `frac` that is not all digits: the caller parses those.
fn short_decimal(int: &str, frac: &str) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = 0;
    let mut mantissa = 0u64;
    for b in int.bytes().filter(u8::is_ascii_digit).chain(frac.bytes()) {
        digits += 1;
        if digits > 15 {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
    }
    (digits > 0).then(|| mantissa as f64 / POWERS[frac.len()])
}

/// The numbers of a list token ("22,24,26,31") as byte ranges into the token and values.
pub(crate) fn list_pieces(s: &str) -> impl Iterator<Item = (Range<usize>, f64)> + '_ {
    let mut start = 0;
    s.split([',', '.']).filter_map(move |piece| {
        let r = start..start + piece.len();
        start = r.end + 1;
        let value = piece.parse::<f64>().ok()?;
        Some((r, value))
    })
}

/// Denominators a fraction in digits may have ("3/4", "1/16"); others ("9/11", "24/7") are
/// names or dates.
const DENOMINATORS: [u32; 11] = [2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 100];

/// A small unsigned integer written in plain digits.
fn plain_int(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// True for the slashes of fractions ("1/2", NFKC "1⁄2").
fn is_slash(s: &str) -> bool {
    matches!(s, "/" | "\u{2044}")
}

/// A digit expression: one token, or several joined ("816 000", "1.3e6", "10 1/2").
#[derive(Debug, Clone, Copy)]
struct DigitExpr {
    value: f64,
    end: usize,
    int: bool,
    share: bool,
}

/// Reads "N/D" at `t` ("3/4"): a fraction when N < D and D is a usual denominator.
fn digit_fraction(c: &Cursor<'_>, t: usize) -> Option<(f64, usize)> {
    // The slash first: most numbers have none.
    if !(c.glued(t) && is_slash(c.raw(t + 1)) && c.glued(t + 1)) {
        return None;
    }
    let n = plain_int(c.raw(t))?;
    let d = plain_int(c.raw(t + 2))?;
    // "5/17/2018" is a date; "+1-222-2222/2222" a phone number.
    let joins = |k: usize| is_slash(c.raw(k)) || c.raw(k) == "-";
    let chained = (c.glued(t + 2) && joins(t + 3))
        || (t >= 2
            && c.glued(t - 1)
            && joins(t - 1)
            && c.glued(t - 2)
            && c.kind(t - 2) == Some(TokenKind::Number));
    if chained || n == 0 || n >= d || !DENOMINATORS.contains(&d) {
        return None;
    }
    Some((f64::from(n) / f64::from(d), t + 3))
}

/// Reads the digit expression starting at token `t` (a number token); `None` for a token that
/// is no number ("10:30") or several run together ("22,24,26,31", read as pieces elsewhere).
fn digit_expr(c: &Cursor<'_>, t: usize) -> Option<DigitExpr> {
    let s = c.raw(t);
    let (mut value, decimal, grouped) = match c.digit_token(t)? {
        DigitToken::Value {
            value,
            decimal,
            grouped,
        } => (value, decimal, grouped),
        DigitToken::List => return None,
    };
    if let Some((v, end)) = digit_fraction(c, t) {
        return Some(DigitExpr {
            value: v,
            end,
            int: false,
            share: true,
        });
    }
    let mut end = t + 1;
    let mut int = !decimal;
    let plain = !decimal && !grouped;
    // Spaced thousands: "816 000", "1 234 567.89" (one space, also no-break spaces); not
    // phone numbers ("0800 123 456").
    let after_number = t > 0 && c.kind(t - 1) == Some(TokenKind::Number) && !c.glued(t - 1);
    if plain && s.len() <= 3 && !s.starts_with('0') && !after_number {
        while c.kind(end) == Some(TokenKind::Number)
            && c.gap(end - 1).chars().count() == 1
            && c.gap(end - 1) != "\n"
        {
            let g = c.raw(end);
            let (int_part, frac) = g.split_once('.').unwrap_or((g, ""));
            if int_part.len() != 3 || !int_part.bytes().all(|b| b.is_ascii_digit()) {
                break;
            }
            if !frac.is_empty() && !frac.bytes().all(|b| b.is_ascii_digit()) {
                break;
            }
            let Some(DigitToken::Value { value: v, .. }) = c.digit_token(end) else {
                break;
            };
            value = value * 1000.0 + v;
            end += 1;
            if !frac.is_empty() {
                int = false;
                break;
            }
        }
    }
    // Scientific notation: "1e10", "1.3e6", "12.32e+14", "-12e-1" (the word "e-1").
    let e_word = c.raw(end);
    if c.glued(end - 1)
        && let Some(exp) = e_word
            .strip_prefix(['e', 'E'])
            .and_then(|r| r.strip_prefix('-'))
            .and_then(plain_int)
            .filter(|&e| e <= 300)
    {
        value *= 10f64.powi(-(exp as i32));
        end += 1;
        int = value.fract() == 0.0;
    } else if c.glued(end - 1) && c.is(end, "e") && c.glued(end) {
        let (neg, k) = match c.raw(end + 1) {
            "+" if c.glued(end + 1) => (false, end + 2),
            "-" if c.glued(end + 1) => (true, end + 2),
            _ => (false, end + 1),
        };
        if let Some(e) = plain_int(c.raw(k)).filter(|&e| e <= 300)
            && (k == end + 1 || c.glued(k - 1))
        {
            let e = if neg { -f64::from(e) } else { f64::from(e) };
            value *= 10f64.powf(e);
            end = k + 1;
            int = value.fract() == 0.0;
        }
    }
    // Powers: "1.1^23", "2.5^-1", "1.3x10^6", "6.23x10^-4".
    let power = |at: usize| -> Option<(f64, usize)> {
        if !(c.raw(at) == "^" && c.glued(at - 1) && c.glued(at)) {
            return None;
        }
        let mut k = at + 1;
        let mut neg = false;
        while matches!(c.raw(k), "+" | "-") && c.glued(k) {
            neg ^= c.raw(k) == "-";
            k += 1;
        }
        let e = f64::from(plain_int(c.raw(k)).filter(|&e| e <= 300)?);
        Some((if neg { -e } else { e }, k + 1))
    };
    if c.glued(end - 1)
        && c.is_any(end, &["x", "×", "*"])
        && c.glued(end)
        && c.raw(end + 1) == "10"
        && let Some((e, k)) = power(end + 2)
    {
        value *= 10f64.powf(e);
        end = k;
        int = value.fract() == 0.0;
    } else if let Some((e, k)) = power(end) {
        value = value.powf(e);
        end = k;
        int = value.fract() == 0.0;
    }
    if end == t + 1 && plain && s.len() <= 3 {
        // Mixed numbers: "10 1/2", "2 ½", "10½" (not "in 2020 1/3 of …").
        if c.spaced(t)
            && let Some((f, k)) = digit_fraction(c, t + 1)
        {
            return Some(DigitExpr {
                value: value + f,
                end: k,
                int: false,
                share: false,
            });
        }
        if (c.glued(t) || c.spaced(t))
            && let Some(f) = vulgar(c.raw(t + 1))
        {
            return Some(DigitExpr {
                value: value + f,
                end: t + 2,
                int: false,
                share: false,
            });
        }
    }
    Some(DigitExpr {
        value,
        end,
        int,
        share: false,
    })
}

/// One element of a number phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
enum AtomKind {
    Word(NumWord),
    /// "a", "an" (one, before "hundred", "dozen", "third").
    A,
    And,
    Point,
    /// A dash with space on both sides ("fifty - two").
    Dash,
    Digits {
        value: f64,
        int: bool,
        share: bool,
    },
    /// "k", "bn", "M" after digits.
    Abbrev(f64),
}

/// An element of a number phrase with its tokens.
#[derive(Debug, Clone, Copy)]
struct Atom {
    kind: AtomKind,
    /// One past the atom's last token.
    end: usize,
    /// Joined to the atom before by a hyphen inside one word ("sixty-one").
    bonded: bool,
    /// The atom ends its token (the last part of a hyphenated word).
    closes: bool,
}

/// The longest run of atoms read.
const MAX_ATOMS: usize = 24;

/// A short run of atoms on the stack (not written before it is filled).
struct Atoms {
    items: ArrayVec<Atom, MAX_ATOMS>,
}

impl Atoms {
    /// Adds `a` at the end; false when the run is full.
    fn push(&mut self, a: Atom) -> bool {
        self.items.try_push(a).is_ok()
    }
    /// The number of atoms read.
    fn len(&self) -> usize {
        self.items.len()
    }
    /// The atoms read, in order.
    fn as_slice(&self) -> &[Atom] {
        &self.items
    }
}

/// Collects the atoms of the tokens from `t`; stops at the first token that cannot be part of a
/// number.
fn collect(c: &Cursor<'_>, mut t: usize, atoms: &mut Atoms) {
    let blank = Atom {
        kind: AtomKind::And,
        end: 0,
        bonded: false,
        closes: true,
    };
    while t < c.len() && atoms.len() < MAX_ATOMS {
        let raw = c.raw(t);
        match c.kind(t) {
            Some(TokenKind::Number) => {
                let Some(d) = digit_expr(c, t) else {
                    return;
                };
                atoms.push(Atom {
                    kind: AtomKind::Digits {
                        value: d.value,
                        int: d.int,
                        share: d.share,
                    },
                    end: d.end,
                    ..blank
                });
                t = d.end;
                if let Some((s, apart)) = c.word(t).and_then(abbreviation)
                    && (c.glued(t - 1) || (apart && c.spaced(t - 1)))
                    // "5G" is a network, "paragraph 3b" an item: single-digit giga and a
                    // bare "b" need a decimal ("1.2b").
                    && !(c.raw(t) == "G" && d.int && d.value < 10.0)
                    && !(matches!(c.raw(t), "b" | "B") && d.int)
                {
                    atoms.push(Atom {
                        kind: AtomKind::Abbrev(s),
                        end: t + 1,
                        ..blank
                    });
                    t += 1;
                }
            }
            Some(TokenKind::Word) => {
                let kind = if raw.eq_ignore_ascii_case("a") || raw.eq_ignore_ascii_case("an") {
                    Some(AtomKind::A)
                } else if raw.eq_ignore_ascii_case("and") {
                    Some(AtomKind::And)
                } else if raw.eq_ignore_ascii_case("point") {
                    Some(AtomKind::Point)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    atoms.push(Atom {
                        kind,
                        end: t + 1,
                        ..blank
                    });
                } else {
                    // Every part of a hyphenated word must be a number word; whether the
                    // first is one was looked up once, in the document's words, and a word
                    // of one part is looked up only as it is read below.
                    if !c.words.get(t).is_some_and(|e| e.number_lead) {
                        return;
                    }
                    // Most number words have no dash: one part, the whole word, with no
                    // split of its characters.
                    if before_dash(raw).len() == raw.len() {
                        let w = c.words.get(t).and_then(Entry::number_word);
                        debug_assert_eq!(w, lower_number_word(c.ascii_lower(t)), "{raw}");
                        let Some(w) = w else { return };
                        if !atoms.push(Atom {
                            kind: AtomKind::Word(w),
                            end: t + 1,
                            ..blank
                        }) {
                            return;
                        }
                        t += 1;
                        continue;
                    }
                    let n = raw.split(is_dash).count();
                    if raw.split(is_dash).any(|p| number_word(p).is_none()) {
                        return;
                    }
                    for (k, p) in raw.split(is_dash).enumerate() {
                        let Some(w) = number_word(p) else { return };
                        if !atoms.push(Atom {
                            kind: AtomKind::Word(w),
                            end: t + 1,
                            bonded: k > 0,
                            closes: k + 1 == n,
                        }) {
                            return;
                        }
                    }
                }
                t += 1;
            }
            _ if raw == "." && c.glued(t) && c.kind(t + 1) == Some(TokenKind::Number) => {
                // ".08": a decimal without its zero, unless it ends something before.
                if atoms.len() > 0 || (t > 0 && c.glued(t - 1)) {
                    return;
                }
                if !c.raw(t + 1).bytes().all(|b| b.is_ascii_digit()) {
                    return;
                }
                // The point and the digits are adjacent: ".08" parses as it stands.
                let text = &c.text[c.tokens[t].start..c.tokens[t + 1].end];
                let Ok(v) = text.parse::<f64>() else { return };
                atoms.push(Atom {
                    kind: AtomKind::Digits {
                        value: v,
                        int: false,
                        share: false,
                    },
                    end: t + 2,
                    ..blank
                });
                t += 2;
            }
            _ if raw.chars().all(is_dash) && t > 0 && c.spaced(t - 1) && c.spaced(t) => {
                atoms.push(Atom {
                    kind: AtomKind::Dash,
                    end: t + 1,
                    ..blank
                });
                t += 1;
            }
            _ => {
                if let Some(v) = vulgar(raw) {
                    atoms.push(Atom {
                        kind: AtomKind::Digits {
                            value: v,
                            int: false,
                            share: true,
                        },
                        end: t + 1,
                        ..blank
                    });
                    t += 1;
                } else {
                    return;
                }
            }
        }
    }
}

/// What the cardinal reader last read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    Empty,
    One,
    Zero,
    Unit,
    Teen,
    Tens,
    TensUnit,
    Hundred,
    Scale,
    Digits,
    Done,
}

/// State of the cardinal reader.
#[derive(Debug, Clone, Copy)]
struct Card {
    total: f64,
    group: f64,
    small: f64,
    last_scale: f64,
    max_scale: f64,
    slot: Slot,
    hundred: bool,
    /// After "and": a hundred in this group, or a scale at or above this, is not allowed.
    cap: Option<f64>,
    /// After "million and": only a hundreds group may follow ("two million and three
    /// hundred"); "£2 million and three jobs" is two numbers.
    need_hundred: bool,
    words: bool,
    scaled: bool,
}

impl Card {
    /// Joins units to the tens before them across a word ("twenty and three", "fifty - two").
    fn join_unit(&mut self, u: f64) {
        self.group += u;
        self.small += u;
        self.slot = Slot::TensUnit;
    }
}

/// A cardinal read from atoms.
#[derive(Debug, Clone, Copy)]
struct Cardinal {
    value: f64,
    /// Atoms used.
    used: usize,
    /// The largest scale word in it (0 if none).
    max_scale: f64,
    words: bool,
    scaled: bool,
    /// Ends with a scale word ("3 million").
    ends_scale: bool,
}

fn is_small(k: AtomKind) -> bool {
    matches!(
        k,
        AtomKind::Word(NumWord::Unit(_) | NumWord::Teen(_) | NumWord::Tens(_))
    )
}

/// Reads the longest cardinal at the start of `atoms`. `tens_and`: "twenty and three" is 23
/// (not inside "between … and …"). `whole_words`: never end inside a hyphenated word (a
/// fraction's numerator may: "two" of "two-thirds").
fn cardinal(atoms: &[Atom], tens_and: bool, whole_words: bool) -> Option<Cardinal> {
    // One figure in digits and nothing after it, the most common run, is its value: what the
    // reader below makes of it, without its state.
    if let [a] = atoms
        && let AtomKind::Digits { value, .. } = a.kind
        && !a.bonded
        && a.closes
    {
        return Some(Cardinal {
            value: 0.0 + value,
            used: 1,
            max_scale: 0.0,
            words: false,
            scaled: false,
            ends_scale: false,
        });
    }
    let mut s = Card {
        total: 0.0,
        group: 0.0,
        small: 0.0,
        last_scale: f64::INFINITY,
        max_scale: 0.0,
        slot: Slot::Empty,
        hundred: false,
        cap: None,
        need_hundred: false,
        words: false,
        scaled: false,
    };
    let mut k = 0;
    // Where to go back to when what follows an "and" does not fit.
    let mut checkpoint: Option<(usize, Card)> = None;
    while k < atoms.len() && s.slot != Slot::Done {
        let a = atoms[k];
        let next = atoms.get(k + 1).map(|a| a.kind);
        let prev_bonded_ok = !a.bonded || matches!(s.slot, Slot::Tens);
        if !prev_bonded_ok {
            // "three-nought-four", "hundred-fifths": not one cardinal word.
            break;
        }
        match a.kind {
            AtomKind::A if k == 0 => {
                if !matches!(
                    next,
                    Some(AtomKind::Word(
                        NumWord::Hundred { plural: false }
                            | NumWord::Scale { plural: false, .. }
                            | NumWord::Dozen
                    ))
                ) {
                    break;
                }
                s.group = 1.0;
                s.small = 1.0;
                s.slot = Slot::One;
                s.words = true;
            }
            AtomKind::Word(NumWord::Zero) => {
                if s.slot != Slot::Empty {
                    break;
                }
                s.slot = Slot::Zero;
                s.words = true;
            }
            AtomKind::Word(NumWord::Unit(u)) => {
                match s.slot {
                    Slot::Empty | Slot::Hundred | Slot::Scale => s.slot = Slot::Unit,
                    Slot::Tens => s.slot = Slot::TensUnit,
                    _ => break,
                }
                s.group += u;
                s.small = if s.slot == Slot::TensUnit {
                    s.small + u
                } else {
                    u
                };
                s.words = true;
            }
            AtomKind::Word(NumWord::Teen(v) | NumWord::Tens(v)) => {
                if a.bonded || !matches!(s.slot, Slot::Empty | Slot::Hundred | Slot::Scale) {
                    break;
                }
                s.slot = if v < 20.0 { Slot::Teen } else { Slot::Tens };
                s.group += v;
                s.small = v;
                s.words = true;
            }
            AtomKind::Digits { value, int, share } => {
                if share {
                    if s.slot != Slot::Empty {
                        break;
                    }
                    s.group = value;
                    s.slot = Slot::Done;
                    k += 1;
                    break;
                }
                // Digits go first, after a scale when a hundred or scale follows ("4 thousand
                // 3 hundred"), or after "hundred and" ("3 hundred and 21").
                let scale_next = matches!(
                    next,
                    Some(AtomKind::Word(
                        NumWord::Hundred { .. } | NumWord::Scale { .. }
                    ))
                );
                match s.slot {
                    Slot::Empty => {}
                    Slot::Scale
                        if int
                            && value > 0.0
                            && value < s.last_scale.min(1000.0)
                            && scale_next
                            && s.cap.is_none() => {}
                    Slot::Hundred if s.cap.is_some() && int && value > 0.0 && value < 100.0 => {}
                    _ => break,
                }
                s.group += value;
                s.small = if value < 100.0 { value } else { 0.0 };
                s.slot = Slot::Digits;
            }
            AtomKind::Abbrev(m) => {
                if s.slot != Slot::Digits || s.total != 0.0 {
                    break;
                }
                s.group *= m;
                s.total = s.group;
                s.group = 0.0;
                s.last_scale = m;
                s.max_scale = s.max_scale.max(m);
                s.scaled = true;
                s.slot = Slot::Scale;
            }
            AtomKind::Word(NumWord::Hundred { plural }) => {
                if s.cap == Some(100.0) {
                    // "3 hundred and 2 hundred": two numbers.
                    if let Some((ck, cs)) = checkpoint {
                        k = ck;
                        s = cs;
                    }
                    break;
                }
                let ok = match s.slot {
                    Slot::Digits => !plural && !s.hundred,
                    Slot::One | Slot::Unit | Slot::Teen | Slot::Tens | Slot::TensUnit => {
                        !s.hundred && s.group < 100.0
                    }
                    _ => false,
                };
                if !ok {
                    break;
                }
                s.group *= 100.0;
                s.small = 0.0;
                s.hundred = true;
                s.need_hundred = false;
                s.slot = Slot::Hundred;
                s.words = true;
            }
            AtomKind::Word(NumWord::Scale { value, plural }) => {
                let ok = match s.slot {
                    Slot::Digits => !plural,
                    Slot::One
                    | Slot::Unit
                    | Slot::Teen
                    | Slot::Tens
                    | Slot::TensUnit
                    | Slot::Hundred => true,
                    Slot::Scale => value > s.last_scale && s.group == 0.0,
                    _ => false,
                };
                if !ok {
                    break;
                }
                if let Some(cap) = s.cap
                    && value >= cap
                    && cap > 100.0
                {
                    if let Some((ck, cs)) = checkpoint {
                        k = ck;
                        s = cs;
                    }
                    break;
                }
                if value < s.last_scale {
                    s.total += s.group * value;
                } else {
                    s.total = (s.total + s.group) * value;
                }
                s.group = 0.0;
                s.small = 0.0;
                s.hundred = false;
                s.last_scale = value;
                s.max_scale = s.max_scale.max(value);
                s.cap = None;
                s.scaled = true;
                s.slot = Slot::Scale;
                s.words = true;
            }
            AtomKind::Word(NumWord::Dozen) => {
                if !matches!(
                    s.slot,
                    Slot::One
                        | Slot::Unit
                        | Slot::Teen
                        | Slot::Tens
                        | Slot::TensUnit
                        | Slot::Digits
                ) {
                    break;
                }
                s.group = s.group - s.small + s.small * 12.0;
                s.slot = Slot::Done;
                s.words = true;
                k += 1;
                break;
            }
            AtomKind::And => {
                let words_next = matches!(next, Some(k) if is_small(k));
                let digits_next = matches!(
                    next,
                    Some(AtomKind::Digits { value, int: true, share: false }) if value > 0.0
                );
                match s.slot {
                    Slot::Hundred if words_next || digits_next => {
                        checkpoint = Some((k, s));
                        s.cap = Some(100.0);
                    }
                    Slot::Scale if words_next => {
                        checkpoint = Some((k, s));
                        s.cap = Some(s.last_scale);
                        s.need_hundred = s.last_scale >= 1e6;
                    }
                    Slot::Tens
                        if tens_and
                            && matches!(next, Some(AtomKind::Word(NumWord::Unit(_))))
                            && !matches!(
                                atoms.get(k + 2).map(|a| a.kind),
                                Some(AtomKind::Word(
                                    NumWord::Hundred { .. } | NumWord::Scale { .. }
                                ))
                            ) =>
                    {
                        // "twenty and three": the units join the tens.
                        let AtomKind::Word(NumWord::Unit(u)) = atoms[k + 1].kind else {
                            break;
                        };
                        s.join_unit(u);
                        k += 2;
                        continue;
                    }
                    _ => break,
                }
            }
            AtomKind::Dash => {
                // "fifty - two".
                match (s.slot, next) {
                    (Slot::Tens, Some(AtomKind::Word(NumWord::Unit(u)))) => {
                        s.join_unit(u);
                        k += 2;
                        continue;
                    }
                    _ => break,
                }
            }
            AtomKind::Point => {
                if matches!(s.slot, Slot::Empty | Slot::Done) || !s.words {
                    break;
                }
                // "point zero three", "point seventy-one", "point nought four".
                let mut frac = 0.0;
                let mut scale = 0.1;
                let mut m = k + 1;
                let mut any = false;
                while let Some(b) = atoms.get(m) {
                    match b.kind {
                        AtomKind::Word(NumWord::Zero) => {}
                        AtomKind::Word(NumWord::Unit(u)) if !b.bonded => frac += u * scale,
                        _ => break,
                    }
                    scale /= 10.0;
                    m += 1;
                    any = true;
                }
                if !any {
                    match (atoms.get(m).map(|b| b.kind), atoms.get(m + 1)) {
                        (Some(AtomKind::Word(NumWord::Tens(t))), Some(b))
                            if b.bonded && matches!(b.kind, AtomKind::Word(NumWord::Unit(_))) =>
                        {
                            let AtomKind::Word(NumWord::Unit(u)) = b.kind else {
                                break;
                            };
                            frac = (t + u) / 100.0;
                            m += 2;
                        }
                        (Some(AtomKind::Word(NumWord::Teen(t) | NumWord::Tens(t))), _) => {
                            frac = t / 100.0;
                            m += 1;
                        }
                        _ => break,
                    }
                }
                s.group += frac;
                s.slot = Slot::Done;
                k = m;
                break;
            }
            _ => break,
        }
        k += 1;
    }
    if s.need_hundred
        && let Some((ck, cs)) = checkpoint.take()
    {
        k = ck;
        s = cs;
    }
    // Never end on "and" or inside a hyphenated word.
    while k > 0
        && (matches!(atoms[k - 1].kind, AtomKind::And) || (whole_words && !atoms[k - 1].closes))
    {
        k -= 1;
        if let Some((ck, cs)) = checkpoint
            && ck >= k
        {
            k = ck;
            s = cs;
            checkpoint = None;
        }
    }
    if k == 0 || matches!(s.slot, Slot::Empty) {
        return None;
    }
    let ends_scale = matches!(
        atoms[k - 1].kind,
        AtomKind::Word(NumWord::Scale { .. }) | AtomKind::Abbrev(_)
    );
    Some(Cardinal {
        value: s.total + s.group,
        used: k,
        max_scale: s.max_scale,
        words: s.words,
        scaled: s.scaled,
        ends_scale,
    })
}

/// A cardinal that uses every atom of `atoms`, in words only (a fraction's parts).
fn cardinal_exact(atoms: &[Atom], tens_and: bool) -> Option<f64> {
    if atoms.len() == 1 && atoms[0].kind == AtomKind::A {
        return Some(1.0);
    }
    if atoms
        .iter()
        .any(|a| matches!(a.kind, AtomKind::Digits { .. } | AtomKind::Abbrev(_)))
    {
        return None;
    }
    let c = cardinal(atoms, tens_and, false)?;
    (c.used == atoms.len()).then_some(c.value)
}

/// The hundred or thousand that joins a unit ordinal after it ("one hundred" in "one one
/// hundred fifth" = 1/105): where its multiplier starts and the hundred's or scale's position.
fn multiplier_start(n: &[Atom]) -> Option<(usize, usize)> {
    let last = n.len().checked_sub(1)?;
    let word = |k: usize| match n.get(k).map(|a| a.kind) {
        Some(AtomKind::Word(w)) => Some(w),
        _ => None,
    };
    // The atom before the hundred or scale: "one one hundred fifth", "one hundred one
    // thousand fifths"; skip an "and" after the hundred.
    let h = if n[last].kind == AtomKind::And {
        last.checked_sub(1)?
    } else {
        last
    };
    match word(h)? {
        NumWord::Hundred { plural: false } | NumWord::Scale { plural: false, .. } => {
            let m = h.checked_sub(1)?;
            let start = match word(m)? {
                NumWord::Unit(_) if n[m].bonded => m.checked_sub(1)?,
                NumWord::Unit(_) if m >= 2 && n[m - 1].kind == AtomKind::Dash => m - 2,
                NumWord::Unit(_) | NumWord::Teen(_) | NumWord::Tens(_) => m,
                _ => return None,
            };
            Some((start, h))
        }
        _ => None,
    }
}

/// Reads "numerator denominator": `n` the words before the ordinal `o`. Returns the value.
fn simple_fraction(n: &[Atom], o: Atom, tens_and: bool) -> Option<f64> {
    let AtomKind::Word(NumWord::Ordinal { den, class, plural }) = o.kind else {
        return None;
    };
    // "one - fourth": a dash between the parts.
    let n = match n.split_last() {
        Some((last, rest)) if last.kind == AtomKind::Dash => rest,
        _ => n,
    };
    let last = n.last()?;
    let tens = |a: &Atom| match a.kind {
        AtomKind::Word(NumWord::Tens(t)) => Some(t),
        _ => None,
    };
    let (numerator, den) = if class == OrdClass::Unit
        && let Some(t) = tens(last)
        && (o.bonded || (n.len() >= 2 && !last.bonded && n[n.len() - 2].kind != AtomKind::And))
        && (o.bonded || cardinal_exact(&n[..n.len() - 1], tens_and).is_some())
    {
        // "thirty-fifths", "one hundred thirty fifths" (100/35), "three twenty firsts".
        (&n[..n.len() - 1], t + den)
    } else if matches!(class, OrdClass::Unit | OrdClass::Tens)
        && let Some((m, h)) = multiplier_start(n)
        && m > 0
        && cardinal_exact(&n[..m], tens_and).is_some()
        && let Some(mult) = cardinal_exact(&n[m..=h], false)
    {
        // "one one hundred fifth" = 1/105.
        (&n[..m], mult + den)
    } else {
        (n, den)
    };
    if numerator.is_empty() {
        return None;
    }
    // "first" and "second" are only denominators inside compounds ("twenty-first").
    if den < 2.0 || (den == 2.0 && class == OrdClass::Unit) {
        return None;
    }
    let value = cardinal_exact(numerator, tens_and)?;
    let article = numerator.len() == 1 && numerator[0].kind == AtomKind::A;
    // "one eighth", "three eighths"; not "two millionth", "a thirds".
    if (plural && article) || (!plural && value != 1.0) {
        return None;
    }
    Some(value / den)
}

/// A number read from tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num {
    /// The value (negative after "minus").
    pub(crate) value: f64,
    /// First token (the sign included).
    pub(crate) start: usize,
    /// One past the last token.
    pub(crate) end: usize,
    /// Written at least partly in words.
    pub(crate) words: bool,
    /// A fraction standing alone ("two thirds", "1/4", "½"): a share of something.
    pub(crate) share: bool,
    /// Carries a scale word or abbreviation ("million", "bn").
    pub(crate) scaled: bool,
    /// A fraction whose numerator is "a"/"an" ("a third"), or a bare "half".
    pub(crate) article: bool,
    /// Written with a decimal mark.
    pub(crate) decimal: bool,
}

/// A fraction read from atoms.
#[derive(Debug, Clone, Copy)]
struct Fraction {
    value: f64,
    /// Atoms used.
    used: usize,
    /// A bare share ("two thirds"), not a mixed or scaled number.
    share: bool,
    /// Multiplied by a scale ("three quarters billion").
    scaled: bool,
    /// The numerator is "a"/"an", or a bare "half".
    article: bool,
}

/// Reads a fraction in words at the start of `atoms`: "two thirds", "one and a half", "five
/// and a half million", "three quarters billion".
fn fraction(atoms: &[Atom], tens_and: bool) -> Option<Fraction> {
    let frac = |value: f64, used: usize, share: bool, scaled: bool, article: bool| Fraction {
        value,
        used,
        share,
        scaled,
        article,
    };
    let o = atoms
        .iter()
        .position(|a| matches!(a.kind, AtomKind::Word(NumWord::Ordinal { .. })))?;
    let ord = atoms[o];
    let AtomKind::Word(NumWord::Ordinal { class, .. }) = ord.kind else {
        return None;
    };
    let scale_at = |k: usize| match atoms.get(k).map(|a| a.kind) {
        Some(AtomKind::Word(NumWord::Scale {
            value,
            plural: false,
        })) => Some(value),
        _ => None,
    };
    if o == 0 {
        // "half a dozen", "half million", "quarter million", "half".
        if class != OrdClass::Half {
            return None;
        }
        let half = ord.kind
            == AtomKind::Word(NumWord::Ordinal {
                den: 2.0,
                class: OrdClass::Half,
                plural: false,
            });
        if let Some(s) = scale_at(1) {
            return Some(frac(s / fraction_den(ord), 2, false, true, false));
        }
        if half
            && atoms.get(1).map(|a| a.kind) == Some(AtomKind::A)
            && atoms.get(2).map(|a| a.kind) == Some(AtomKind::Word(NumWord::Dozen))
        {
            return Some(frac(6.0, 3, false, false, false));
        }
        return half.then_some(frac(0.5, 1, true, false, true));
    }
    if atoms[..o].iter().any(|a| {
        matches!(
            a.kind,
            AtomKind::Point | AtomKind::Digits { share: true, .. }
        )
    }) {
        return None;
    }
    // Mixed: "one hundred and three quarters", "five and a half million".
    if let Some(a) = atoms[..o].iter().rposition(|a| a.kind == AtomKind::And)
        && a > 0
        && let Some(f) = simple_fraction(&atoms[a + 1..o], ord, tens_and)
        && f < 1.0
    {
        let prefix = cardinal(&atoms[..a], tens_and, true)?;
        if prefix.used != a {
            return None;
        }
        let (value, used) = match scale_at(o + 1) {
            Some(s) if prefix.max_scale > s => (prefix.value + f * s, o + 2),
            Some(s) => ((prefix.value + f) * s, o + 2),
            None if prefix.ends_scale => (prefix.value + f * prefix.max_scale, o + 1),
            None => (prefix.value + f, o + 1),
        };
        return Some(frac(
            value,
            used,
            false,
            used > o + 1 || prefix.scaled,
            false,
        ));
    }
    let f = simple_fraction(&atoms[..o], ord, tens_and)?;
    let article = atoms[0].kind == AtomKind::A;
    match scale_at(o + 1) {
        Some(s) => Some(frac(f * s, o + 2, false, true, false)),
        None => Some(frac(f, o + 1, f <= 1.0, false, article)),
    }
}

fn fraction_den(a: Atom) -> f64 {
    match a.kind {
        AtomKind::Word(NumWord::Ordinal { den, .. }) => den,
        _ => 1.0,
    }
}

/// Reads a number at token `i`: a sign ("-1", "minus five", "negative one"), then digits or
/// words. `between`: the number follows "between", so "and" does not join two tens and units.
pub(crate) fn read(c: &Cursor<'_>, i: usize, between: bool) -> Option<Num> {
    let (neg, at) = sign(c, i);
    let mut atoms = Atoms {
        items: ArrayVec::new(),
    };
    collect(c, at, &mut atoms);
    let atoms = atoms.as_slice();
    if atoms.is_empty() || matches!(atoms[0].kind, AtomKind::And | AtomKind::Point) {
        return None;
    }
    let tens_and = !between;
    let card = cardinal(atoms, tens_and, true);
    let frac = if atoms
        .iter()
        .any(|a| matches!(a.kind, AtomKind::Word(NumWord::Ordinal { .. })))
    {
        fraction(atoms, tens_and)
    } else {
        None
    };
    let mut num = match (card, frac) {
        (card, Some(f)) if card.is_none_or(|c| f.used > c.used) => Num {
            value: f.value,
            start: i,
            end: atoms[f.used - 1].end,
            words: true,
            share: f.share,
            scaled: f.scaled,
            article: f.article,
            decimal: false,
        },
        (Some(card), _) => {
            let first = atoms[0];
            let share =
                card.used == 1 && matches!(first.kind, AtomKind::Digits { share: true, .. });
            let decimal = atoms[..card.used].iter().any(|a| {
                matches!(
                    a.kind,
                    AtomKind::Digits { int: false, .. } | AtomKind::Point
                )
            });
            Num {
                value: card.value,
                start: i,
                end: atoms[card.used - 1].end,
                words: card.words,
                share,
                scaled: card.scaled,
                article: false,
                decimal,
            }
        }
        _ => return None,
    };
    // "two thirds of a million".
    if num.share
        && num.words
        && c.is(num.end, "of")
        && c.is_any(num.end + 1, &["a", "an"])
        && let Some(NumWord::Scale {
            value,
            plural: false,
        }) = c.word(num.end + 2).and_then(number_word)
    {
        num.value *= value;
        num.end += 3;
        num.share = false;
        num.scaled = true;
    }
    if neg {
        // "- 3,000 homes" opening a line is a bullet, not a minus: a spaced sign only counts
        // before a number that ends the sentence ("- 1 4/5").
        if !c.glued(i) && !c.is_any(i, &["minus", "negative"]) && c.word(num.end).is_some() {
            return None;
        }
        num.value = -num.value;
    }
    num.value.is_finite().then_some(num)
}

/// A sign at token `i`: "minus", "negative", or a dash glued to the number and not to what
/// comes before ("-1", "<-30"; not "2012-13"). Returns whether it is negative and where the
/// number starts.
fn sign(c: &Cursor<'_>, i: usize) -> (bool, usize) {
    let starts_number = |k: usize| {
        matches!(c.kind(k), Some(TokenKind::Number))
            || c.word(k).is_some_and(|w| {
                number_word_before_dash(w).is_some() || w.eq_ignore_ascii_case("a")
            })
    };
    if c.is_any(i, &["minus", "negative"]) && starts_number(i + 1) {
        return (true, i + 1);
    }
    let raw = c.raw(i);
    if !raw.is_empty() && raw.chars().all(|ch| ch == '-' || ch == '\u{2212}') && raw.len() <= 3 {
        let after_word_or_number = i > 0
            && c.glued(i - 1)
            && matches!(c.kind(i - 1), Some(TokenKind::Word | TokenKind::Number));
        let after_number = i > 0 && matches!(c.kind(i - 1), Some(TokenKind::Number));
        let glued = c.glued(i) && c.kind(i + 1) == Some(TokenKind::Number);
        // A spaced minus only opens a sentence ("- 1 4/5").
        let spaced = i == 0 && c.spaced(i) && starts_number(i + 1);
        if !after_word_or_number && !after_number && (glued || spaced) {
            return (true, i + 1);
        }
    }
    (false, i)
}

/// A number inside a hyphenated word ("seven" in "seven-year", "ninety-nine" in
/// "ninety-nine-year-old", "quarter" in "quarter-mile"): the value of the leading number
/// parts and how many there are.
pub(crate) fn leading_number_parts(w: &str) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut group = 0.0;
    let mut n = 0;
    let mut prev: Option<NumWord> = None;
    for p in w.split(is_dash) {
        let Some(nw) = number_word(p) else { break };
        match (prev, nw) {
            (None, NumWord::Unit(v) | NumWord::Teen(v) | NumWord::Tens(v)) => group += v,
            // "quarter-mile", "half-hour": a fraction alone.
            (
                None,
                NumWord::Ordinal {
                    den,
                    class: OrdClass::Half,
                    plural: false,
                },
            ) => {
                group = 1.0 / den;
                n += 1;
                break;
            }
            (Some(NumWord::Tens(_)), NumWord::Unit(v)) => group += v,
            (
                Some(NumWord::Unit(_) | NumWord::Teen(_) | NumWord::Tens(_)),
                NumWord::Hundred { plural: false },
            ) => {
                group *= 100.0;
            }
            (
                Some(_),
                NumWord::Scale {
                    value,
                    plural: false,
                },
            ) if group > 0.0 => {
                total += group * value;
                group = 0.0;
            }
            (
                Some(NumWord::Hundred { .. }),
                NumWord::Unit(v) | NumWord::Teen(v) | NumWord::Tens(v),
            ) => {
                group += v;
            }
            _ => return None,
        }
        prev = Some(nw);
        n += 1;
    }
    (n > 0).then_some((total + group, n))
}

/// The parts of a hyphenated word of number words that do not make one number
/// ("three-nought-four", "two-three"): byte ranges into the word and values. `None` for
/// anything else, "twenty-one" included.
pub(crate) fn word_chain_pieces(w: &str) -> Option<Vec<(Range<usize>, f64)>> {
    let digit = |p: &str| match number_word(p)? {
        NumWord::Zero => Some(0.0),
        NumWord::Unit(v) | NumWord::Teen(v) | NumWord::Tens(v) => Some(v),
        _ => None,
    };
    let mut parts = w.split(is_dash);
    let first = parts.next()?;
    digit(first)?;
    let mut out = Vec::new();
    let base = w.as_ptr() as usize;
    for p in w.split(is_dash) {
        let start = p.as_ptr() as usize - base;
        out.push((start..start + p.len(), digit(p)?));
    }
    let compound = out.len() == 2
        && matches!(number_word(first), Some(NumWord::Tens(_)))
        && matches!(
            w.split(is_dash).nth(1).and_then(number_word),
            Some(NumWord::Unit(_))
        );
    (out.len() >= 2 && !compound).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::text::tokenize;
    use crate::vocab::Vocab;

    fn value(text: &str) -> Option<(f64, String)> {
        let tokens = tokenize(text, 0..text.len());
        let lex = Lexicon::embedded();
        let mut vocab = Vocab::new(&lex);
        let range = vocab.add(text, &tokens);
        let entries = vocab.tokens();
        let c = Cursor::new(text, &tokens, entries.sentence(range));
        let n = read(&c, 0, false)?;
        let span = tokens[n.start].start..tokens[n.end - 1].end;
        Some((n.value, text[span].to_owned()))
    }

    fn check(text: &str, want: f64, span: &str) {
        let got = value(text).unwrap_or_else(|| panic!("no number in {text:?}"));
        assert!(
            (got.0 - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{text:?}: {} != {want}",
            got.0
        );
        assert_eq!(got.1, span, "{text:?}");
    }

    #[test]
    fn groups_of_thousands_or_indian_style() {
        for (s, valid) in [
            ("1,234", true),
            ("12,345,678", true),
            ("12,34,567", true),
            ("1,23,45,678", true),
            ("1", false),
            ("1,23", false),
            ("1234,567", false),
            ("123,45,678", false),
            ("12,34,56", false),
            ("1,234,", false),
        ] {
            assert_eq!(valid_grouping(s, b','), valid, "{s}");
        }
    }

    #[test]
    fn digits_in_many_notations() {
        check("1,234,567 x", 1_234_567.0, "1,234,567");
        check("816 000 people", 816_000.0, "816 000");
        check(
            "1\u{202f}234\u{202f}567.89",
            1_234_567.89,
            "1\u{202f}234\u{202f}567.89",
        );
        check("5,00", 5.0, "5,00");
        check("1.111,11", 1111.11, "1.111,11");
        check("12,34,567.89", 1_234_567.89, "12,34,567.89");
        check("1.3e6", 1.3e6, "1.3e6");
        check("12.32e+14", 1.232e15, "12.32e+14");
        check("1.3x10^6", 1.3e6, "1.3x10^6");
        check("2.5^-1", 0.4, "2.5^-1");
        check("-1.1^--23", -(1.1f64.powi(23)), "-1.1^--23");
        check("10 1/2 miles", 10.5, "10 1/2");
        check("3/4", 0.75, "3/4");
        check("1\u{2044}2", 0.5, "1\u{2044}2");
        check("2.33 k", 2330.0, "2.33 k");
        check("4.7bn", 4.7e9, "4.7bn");
        check(".08", 0.08, ".08");
        check("- 1 4/5", -1.8, "- 1 4/5");
        assert_eq!(parse_digit_token("22,24,26,31"), Some(DigitToken::List));
        assert!(value("5/17/2018").is_some_and(|(v, _)| v == 5.0));
    }

    #[test]
    fn short_decimals_are_the_floats_parsing_gives() {
        for (int, frac) in [
            ("0", "1"),
            ("2,000", ""),
            ("3", "75"),
            ("", "08"),
            ("123456789", "012345"),
            ("1.111", "11"),
            ("9", "99999999999999"),
            ("0", "3"),
            ("7", "000001"),
        ] {
            let written: String = int.chars().filter(char::is_ascii_digit).collect();
            let parsed: f64 = format!("{written}.{frac}").parse().unwrap();
            assert_eq!(short_decimal(int, frac), Some(parsed), "{int}.{frac}");
        }
        assert_eq!(short_decimal("1234567890123456", ""), None);
        assert_eq!(short_decimal("", ""), None);
        assert_eq!(short_decimal("5", "5x"), None);
    }

    #[test]
    fn words_and_fractions() {
        check(
            "one hundred and sixty-one",
            161.0,
            "one hundred and sixty-one",
        );
        check("fifty - two", 52.0, "fifty - two");
        check("3 hundred and 21 yuan", 321.0, "3 hundred and 21");
        check("3 hundred and 2 hundred", 300.0, "3 hundred");
        check(
            "two thousand and two hundred",
            2200.0,
            "two thousand and two hundred",
        );
        check("three lakh crore", 3e12, "three lakh crore");
        check(
            "three hundred and two dozens",
            324.0,
            "three hundred and two dozens",
        );
        check("half a dozen", 6.0, "half a dozen");
        check(
            "two hundred point zero three",
            200.03,
            "two hundred point zero three",
        );
        check("minus five point five", -5.5, "minus five point five");
        check(
            "one hundred thirty fifths",
            100.0 / 35.0,
            "one hundred thirty fifths",
        );
        check(
            "one hundred and thirty fifths",
            26.0,
            "one hundred and thirty fifths",
        );
        check(
            "one one hundred and fifth",
            1.0 / 105.0,
            "one one hundred and fifth",
        );
        check(
            "ninety - five hundred-fifths",
            1900.0,
            "ninety - five hundred-fifths",
        );
        check(
            "one hundred one thousand fifths",
            100.0 / 1005.0,
            "one hundred one thousand fifths",
        );
        check("twenty twenty fifths", 0.8, "twenty twenty fifths");
        check(
            "a hundred thousand trillionths",
            1e-7,
            "a hundred thousand trillionths",
        );
        check("five and a half million", 5.5e6, "five and a half million");
        check(
            "one billion and a quarter million",
            1.00025e9,
            "one billion and a quarter million",
        );
        check("3 million and a half", 3.5e6, "3 million and a half");
        check(
            "two thirds of a million",
            2e6 / 3.0,
            "two thirds of a million",
        );
        check(
            "twenty and three and three fifths",
            23.6,
            "twenty and three and three fifths",
        );
        assert!(value("two millionth").is_some_and(|(v, _)| v == 2.0));
        assert!(value("three-nought-four").is_none());
    }
}
