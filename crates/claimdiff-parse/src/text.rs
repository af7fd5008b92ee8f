//! Tokens with byte spans, line/column mapping and text normalisation.

use std::ops::Range;

use arrayvec::ArrayString;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or digits ("England's", "seven-year").
    Word,
    /// Digits with inner separators ("1,139", "4.7", "10:30").
    Number,
    /// A currency or percent sign.
    Symbol,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of a text, as a byte range into that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The token's kind.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text inside `text`.
    #[must_use]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// The byte range of the token.
    #[must_use]
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// True for apostrophes, straight or curly.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// True for the dash characters news text uses.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// The part of `w` before its first dash ([`is_dash`]), all of it when it has none: as
/// `w.split(is_dash).next()`, with a byte scan for ASCII words.
pub(crate) fn before_dash(w: &str) -> &str {
    match w.bytes().position(|b| b == b'-' || !b.is_ascii()) {
        None => w,
        Some(at) if w.as_bytes()[at] == b'-' => &w[..at],
        Some(_) => w.split(is_dash).next().unwrap_or(w),
    }
}

fn is_symbol(c: char) -> bool {
    matches!(c, '£' | '$' | '€' | '¥' | '₹' | '%' | '°')
}

/// Splits `text[range]` into tokens. Words keep inner apostrophes and hyphens when a letter or
/// digit follows; a number glued to letters ("330million", "10am") becomes two tokens.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, range, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens`, after what it holds: a caller that tokenizes many sentences
/// keeps one buffer for them all and copies each sentence's tokens out at their exact length
/// (a sentence keeps its tokens as long as the document lives), sparing an allocation to
/// grow and one to shrink per sentence.
pub(crate) fn tokenize_into(text: &str, range: Range<usize>, tokens: &mut Vec<Token>) {
    let slice = &text[range.clone()];
    let base = range.start;
    // Positions are byte offsets in `slice`; the character at one, if any (none inside a
    // character), read from the byte itself when it is ASCII.
    let bytes = slice.as_bytes();
    let at = |o: usize| match bytes.get(o) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => slice.get(o..).and_then(|s| s.chars().next()),
        None => None,
    };
    // The offset after the character at `o`.
    let after = |o: usize| at(o).map_or(slice.len(), |c| o + c.len_utf8());
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = if c.is_ascii_digit() {
            let mut j = i + 1;
            while let Some(cj) = at(j) {
                if cj.is_ascii_digit() {
                    j += 1;
                } else if matches!(cj, ',' | '.' | ':')
                    && at(j + 1).is_some_and(|d| d.is_ascii_digit())
                {
                    j += 2;
                } else {
                    break;
                }
            }
            (j, TokenKind::Number)
        } else if c.is_alphabetic() {
            let mut j = i + c.len_utf8();
            // A dash joined the word so far: digits may go on ("co-2").
            let mut dashed = false;
            loop {
                // Most of a word is ASCII letters: those eight at a time, or a byte at a time
                // in the last eight bytes.
                loop {
                    let Some(&eight) = bytes.get(j..).and_then(<[u8]>::first_chunk::<8>) else {
                        while bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
                            j += 1;
                        }
                        break;
                    };
                    let letters = leading_letters(u64::from_le_bytes(eight));
                    j += letters;
                    if letters < 8 {
                        break;
                    }
                }
                // Most words end at an ASCII byte that no word goes on past: a space or a stop.
                if bytes
                    .get(j)
                    .is_some_and(|&b| b.is_ascii() && !matches!(b, b'\'' | b'-' | b'0'..=b'9'))
                {
                    break;
                }
                let Some(cj) = at(j) else { break };
                if cj.is_alphabetic() {
                    j += cj.len_utf8();
                } else if (is_apostrophe(cj) || is_dash(cj) && cj != '\u{2014}')
                    && at(j + cj.len_utf8()).is_some_and(char::is_alphanumeric)
                {
                    dashed |= is_dash(cj);
                    j = after(j + cj.len_utf8());
                } else if cj.is_ascii_digit() && dashed {
                    // "co-2", keep going inside hyphenated words only
                    j += 1;
                } else {
                    break;
                }
            }
            (j, TokenKind::Word)
        } else if is_symbol(c) {
            (i + c.len_utf8(), TokenKind::Symbol)
        } else {
            (i + c.len_utf8(), TokenKind::Punct)
        };
        tokens.push(Token {
            start: base + i,
            end: base + end,
            kind,
        });
        i = end;
    }
}

/// A one in each byte of a word of eight bytes.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of each byte of a word of eight bytes.
const HIGH: u64 = ONES * 0x80;

/// The top bit of each byte of `low`, eight bytes whose top bits are clear, that is in
/// `first..=last`: each byte plus 0x80 - `first` (or 0x80 - `last` - 1) has its top bit set
/// when it is `first` or above (or above `last`), with no carry into the next byte.
fn bytes_in(low: u64, first: u8, last: u8) -> u64 {
    let from_first = low + ONES * u64::from(0x80 - first);
    let past_last = low + ONES * u64::from(0x7f - last);
    from_first & !past_last & HIGH
}

/// How many of the eight bytes of `w` (in memory order) are ASCII letters before the first
/// that is not one, tested all at once.
fn leading_letters(w: u64) -> usize {
    // Each byte in lower case (if a letter) and without its top bit; a byte with its top bit
    // set is not ASCII.
    let low = (w | (ONES * 0x20)) & !HIGH;
    let letters = bytes_in(low, b'a', b'z') & !w;
    (!letters & HIGH).trailing_zeros() as usize / 8
}

/// Maps byte offsets of a text to 1-based line and column (columns count characters).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// The original text began with a byte order mark, which parsing sees as three spaces.
    bom: bool,
}

/// The UTF-8 byte order mark.
pub(crate) const BOM: &str = "\u{FEFF}";

impl LineIndex {
    /// Indexes the line starts of `text` (the text as given, byte order mark included).
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self {
            starts,
            bom: text.starts_with(BOM),
        }
    }

    /// The 1-based line and column (in characters of the text as given) of byte `offset` in
    /// `text`.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let mut col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        if self.bom && line == 1 && offset >= BOM.len() {
            // Three spaces stand for the mark's one character.
            col -= BOM.len() - 1;
        }
        (line, col)
    }
}

/// Normalises text for comparison: lower case, straight quotes, ASCII dashes, single spaces.
#[must_use]
pub fn normalize_for_match(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        // Most of a text is ASCII, tested first: only its capitals change.
        let c = match c {
            c if c.is_ascii() => c.to_ascii_lowercase(),
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c if is_dash(c) => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// A word in lower case (see [`lower`]): borrowed when the word has no upper-case letter,
/// kept inline when it is short ASCII, owned otherwise. The readers lower-case nearly every
/// capitalised word, most of them for a lexicon lookup, and most of them short: keeping those
/// inline spares an allocation each.
#[derive(Debug, Clone)]
pub(crate) enum Lower<'a> {
    /// The word itself.
    Borrowed(&'a str),
    /// Short ASCII.
    Inline(ArrayString<INLINE>),
    /// Anything longer, or not ASCII.
    Owned(String),
}

/// The longest lower-case word [`Lower`] keeps inline.
const INLINE: usize = 22;

impl<'a> Lower<'a> {
    /// The lower-case text as an owned string.
    pub(crate) fn into_owned(self) -> String {
        match self {
            Self::Owned(s) => s,
            other => other.as_ref().to_owned(),
        }
    }

    /// Lower-cases an ASCII word, inline when it fits.
    fn ascii(s: &str) -> Lower<'_> {
        match ArrayString::from(s) {
            Ok(mut short) => {
                short.make_ascii_lowercase();
                Lower::Inline(short)
            }
            Err(_) => Lower::Owned(s.to_ascii_lowercase()),
        }
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Self::Borrowed(s) => s,
            Self::Inline(s) => s,
            Self::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

/// The first eight bytes of `bytes` in one integer, for [`ascii_case`]; for a shorter slice,
/// its bytes loaded as two overlapping halves (a byte may come twice, and the rest are zeros),
/// each with one load rather than a copy.
fn eight(bytes: &[u8]) -> u64 {
    if let Some(&w) = bytes.first_chunk::<8>() {
        u64::from_le_bytes(w)
    } else if let (Some(&a), Some(&b)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(a)) | u64::from(u32::from_le_bytes(b)) << 32
    } else if let (Some(&a), Some(&b)) = (bytes.first_chunk::<2>(), bytes.last_chunk::<2>()) {
        u64::from(u16::from_le_bytes(a)) | u64::from(u16::from_le_bytes(b)) << 16
    } else {
        bytes.first().copied().map_or(0, u64::from)
    }
}

/// Whether `bytes` has a byte that is not ASCII, and whether it has an ASCII capital, tested
/// eight bytes at a time (for a byte that is not ASCII, the second answer is not known).
fn ascii_case(bytes: &[u8]) -> (bool, bool) {
    let (mut high, mut capital) = (0, 0);
    let mut add = |w: u64| {
        high |= w & HIGH;
        capital |= bytes_in(w & !HIGH, b'A', b'Z');
    };
    let mut rest = bytes;
    loop {
        add(eight(rest));
        match rest.get(8..) {
            Some(more) if !more.is_empty() => rest = more,
            _ => break,
        }
    }
    (high != 0, capital != 0)
}

/// `s` in lower case (as `str::to_lowercase`), borrowed when it has no upper-case letter.
pub(crate) fn lower(s: &str) -> Lower<'_> {
    match ascii_case(s.as_bytes()) {
        // Most words: lower-case ASCII already.
        (false, false) => Lower::Borrowed(s),
        (non_ascii, _) => lower_changed(s, non_ascii),
    }
}

/// [`lower`] of a word with a capital or a byte that is not ASCII: kept out of line, so that
/// the common case, a word with neither, is a short call with no frame to set up.
#[inline(never)]
fn lower_changed(s: &str, non_ascii: bool) -> Lower<'_> {
    if !non_ascii {
        // ASCII with an upper-case letter.
        Lower::ascii(s)
    } else if s.chars().all(|c| c.to_lowercase().eq([c])) {
        Lower::Borrowed(s)
    } else {
        Lower::Owned(s.to_lowercase())
    }
}

/// A word's lower-case form without a possessive ending ("England's" -> "england").
pub(crate) fn word_key(word: &str) -> Lower<'_> {
    let trimmed = strip_possessive(word);
    // Fast path: most words are already lower-case ASCII with no curly apostrophe.
    if trimmed
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'' || b.is_ascii_digit())
    {
        return Lower::Borrowed(trimmed);
    }
    let lowered = lower(trimmed);
    // The curly apostrophes are not ASCII.
    if !lowered.is_ascii() && lowered.contains(['\u{2019}', '\u{02BC}']) {
        Lower::Owned(lowered.replace(['\u{2019}', '\u{02BC}'], "'"))
    } else {
        lowered
    }
}

/// [`word_key`] of `word`, given its [`lower`] form: for an ASCII word that is not
/// possessive, that form itself, with no second pass over the word.
pub(crate) fn word_key_of<'a>(word: &'a str, lower: &Lower<'a>) -> Lower<'a> {
    if lower.is_ascii() && strip_possessive(word).len() == word.len() {
        lower.clone()
    } else {
        word_key(word)
    }
}

/// The position of the first of four bytes in `hay`: `memchr` searches three bytes at most, so
/// the fourth is sought only before the first of the other three.
pub(crate) fn memchr4(three: [u8; 3], fourth: u8, hay: &[u8]) -> Option<usize> {
    let [a, b, c] = three;
    let first = memchr::memchr3(a, b, c, hay);
    memchr::memchr(fourth, &hay[..first.unwrap_or(hay.len())]).or(first)
}

/// Writes the decimal digits of `n` at the end of `out`, `width` of them or more, zeros in
/// front, as `{n:0width$}` writes them, and far faster than the formatter: the readers write
/// the figures and dates of every fact they find ("2019", "T09:30", "330000000").
pub(crate) fn push_digits(out: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let at = at.min(digits.len().saturating_sub(width));
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// `w` split at its first hyphen, as `w.split_once('-')`, by a byte scan that is cheaper on
/// the short words it is asked of.
pub(crate) fn split_hyphen(w: &str) -> Option<(&str, &str)> {
    let at = w.bytes().position(|b| b == b'-')?;
    Some((&w[..at], &w[at + 1..]))
}

/// Strips "'s" or "’s" from the end of a word. Inline: the readers ask it of word after word,
/// and most do not end in "s".
#[inline]
pub(crate) fn strip_possessive(word: &str) -> &str {
    // Every possessive ending ends in "s" or "S".
    if matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        strip_possessive_s(word)
    } else {
        word
    }
}

/// [`strip_possessive`] of a word that ends in "s" or "S".
#[inline(never)]
fn strip_possessive_s(word: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

/// True when a word ends with a possessive "'s".
pub(crate) fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// True when the word starts with an upper-case letter.
#[inline]
pub(crate) fn is_capitalized(word: &str) -> bool {
    // Most words start with an ASCII letter: no need to decode a character.
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => word.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// The Snowball (Porter 2) English stem of a word's lower-case form, possessive removed. Used
/// only to compare words, never shown.
pub(crate) fn stem(word: &str) -> String {
    static STEMMER: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    let stemmer =
        STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
    stemmer.stem(&word_key(word)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0..s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn tokens_split_glued_numbers_and_keep_inner_marks() {
        assert_eq!(words("£330million"), ["£", "330", "million"]);
        assert_eq!(words("Harbour Trust’s HQ"), ["Harbour", "Trust’s", "HQ"]);
        assert_eq!(
            words("a seven-year deal, 1,139 people."),
            ["a", "seven-year", "deal", ",", "1,139", "people", "."]
        );
        assert_eq!(words("‘We’re here’"), ["‘", "We’re", "here", "’"]);
        assert_eq!(words("at 10:30am"), ["at", "10:30", "am"]);
    }

    #[test]
    fn letters_are_counted_eight_bytes_at_a_time() {
        let count = |s: &[u8; 8]| leading_letters(u64::from_le_bytes(*s));
        assert_eq!(count(b"abcdefgh"), 8);
        assert_eq!(count(b"AbcZ'sxy"), 4);
        assert_eq!(count(b" abcdefg"), 0);
        for b in 0..=255_u8 {
            let mut w = *b"xyzXYZab";
            w[3] = b;
            assert_eq!(
                count(&w),
                if b.is_ascii_alphabetic() { 8 } else { 3 },
                "{b}"
            );
        }
    }

    #[test]
    fn line_columns_are_one_based_chars() {
        let text = "ab\n£c d";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        assert_eq!(idx.line_col(text, 6), (2, 3));
    }

    #[test]
    fn lower_borrows_only_words_with_no_capital() {
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcdefg",
            "abcdefgh",
            "abcdefghijklmnopq",
            "a-b",
            "é",
        ] {
            assert!(matches!(lower(w), Lower::Borrowed(_)), "{w}");
        }
        for w in [
            "A",
            "aZ",
            "abC",
            "Abcd",
            "abcdefG",
            "abcdefgH",
            "abcdefghijklmnoPq",
            "É",
            "aÉ",
        ] {
            assert_eq!(&*lower(w), w.to_lowercase(), "{w}");
            assert!(!matches!(lower(w), Lower::Borrowed(_)), "{w}");
        }
        // Every byte around the capitals' range, alone and after seven others.
        for b in 0..=0x7f_u8 {
            let one = char::from(b).to_string();
            let nine = format!("abcdefgh{one}");
            for w in [one, nine] {
                assert_eq!(&*lower(&w), w.to_lowercase());
                assert_eq!(
                    matches!(lower(&w), Lower::Borrowed(_)),
                    !b.is_ascii_uppercase()
                );
            }
        }
    }

    #[test]
    fn normalisation_folds_quotes_dashes_space_case() {
        assert_eq!(
            normalize_for_match("  ‘Grave’  MISTAKE – now"),
            "'grave' mistake - now"
        );
    }

    #[test]
    fn stems_match_inflections() {
        assert_eq!(stem("workers"), stem("worker"));
        assert_eq!(stem("killed"), "kill");
        assert_eq!(stem("scrapped"), stem("scrap"));
        assert_eq!(stem("England's"), "england");
    }
}
