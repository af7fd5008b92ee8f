//! Sentence boundaries: a rule-based splitter that keeps byte offsets.
//!
//! Written by hand rather than wrapping a crate because news text needs line-aware rules
//! (headlines and captions without a final stop, one paragraph per line) and user-extensible
//! abbreviations, and every sentence must keep its exact byte range.
//!
//! Lines first ([`blocks`]): a blank line always ends a sentence, and so does a single line
//! break unless wrapped text goes on in lower case. Then each block is cut at its stops
//! ([`split_block`]):
//! - `?`, `!`, `?!` and a full stop with an ellipsis (`....`, `. . . .`) end a sentence before a
//!   capital, a digit or an opening quote; a lower-case word after them is a speech tag ("'Is it
//!   over?' asked Ms Jones") or a name ("Yahoo! in").
//! - An ellipsis alone (`...`, `…`, `. . .`) ends one only before a capital other than "I"; one
//!   in brackets ("[...]") marks an omission and never does.
//! - A full stop after an abbreviation, an initial or a dotted acronym ends a sentence only
//!   before a capitalised function word ("in the U.S. How…") or, when it follows a number ("at
//!   6 p.m. Police…"), before a capital that is not a month, a weekday or a code like "GMT"; and
//!   only when the sentence has a content word by then ("At 5 a.m. Mr. Smith…" goes on). Titles
//!   ("Dr.", "Gov.") never end one, nor does anything before a number ("No. 10", "p. 55"), nor
//!   a lower-case abbreviation before a quoted sentence after a speech verb ("said at 9 a.m.
//!   \"We…").
//! - A full stop glued to a capitalised word ends a sentence ("world.Today"), except in e-mail
//!   and web addresses.
//! - List items: a bullet ("•", "⁃") starts one anywhere; a marker at the start of a sentence
//!   ("1.", "b)", "2.)") is not a stop, and the next marker of the same list ("2." after "1.")
//!   starts the next item even without a stop before it.

use std::borrow::Cow;
use std::ops::Range;

use crate::lexicon::Lexicon;
use crate::quote::is_speech_verb;
use crate::text::{lower, memchr4};
use crate::time::is_time_word;

/// A sentence's byte range, and whether it is the article's headline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment {
    /// The sentence's bytes in the text as given, without white space around it.
    pub range: Range<usize>,
    /// True for the headline (the first line, when a blank line follows it).
    pub headline: bool,
}

/// Closing quotes and brackets, which stay with the sentence their stop ends.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']' | '\u{00BB}'
    )
}

/// Opening quotes and brackets, which may come before a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{2018}' | '\'' | '(' | '[' | '\u{00AB}'
    )
}

/// Marks that may end a sentence: stops, question and exclamation marks, ellipses.
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '?' | '!' | '\u{2026}' | '\u{203C}' | '\u{2047}' | '\u{2048}' | '\u{2049}'
    )
}

/// Bullets that start a list item wherever they stand.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '\u{2022}' | '\u{2023}' | '\u{2043}' | '\u{25E6}' | '\u{25AA}' | '\u{25CF}' | '\u{25A0}'
    )
}

/// Marks that start a list item at the start of a sentence ("- item", "* item").
fn is_start_bullet(c: char) -> bool {
    is_bullet(c) || matches!(c, '-' | '*' | '+' | '\u{2013}' | '\u{2014}')
}

/// Currency signs, which may start a sentence ("£5m was raised.").
fn is_currency(c: char) -> bool {
    matches!(c, '£' | '$' | '€' | '¥' | '₹')
}

/// Characters of a word that may carry an abbreviation's stop ("N°", "U.S", "4.7m").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '°' | 'º')
}

/// Splits `text` into sentences. A blank line always ends a sentence; a single line break ends
/// one unless the line stops mid-sentence and the next starts in lower case (wrapped text, in a
/// paragraph that did not start in lower case). The first line is the headline when a blank
/// line follows it.
pub(crate) fn split(text: &str, lex: &Lexicon) -> Vec<Segment> {
    let mut out = Vec::new();
    let blocks = blocks(text);
    let headline_end = headline_end(text);
    // One buffer for every block's sentences.
    let mut ranges = Vec::new();
    for block in blocks {
        let headline = headline_end.is_some_and(|end| block.start < end);
        split_block(text, block, lex, &mut ranges);
        out.extend(ranges.drain(..).map(|range| Segment { range, headline }));
    }
    out
}

/// A sentence's text on one line, as it reads: every line break inside it (wrapped text, text
/// extracted from a PDF), with the white space around it, becomes one space. Other white space
/// is kept as written. Sentence spans keep the bytes as given; this is how a sentence is shown
/// and compared as text ("It was a cold \nnight." reads "It was a cold night.").
#[must_use]
pub fn one_line(sentence: &str) -> Cow<'_, str> {
    if !sentence.contains('\n') {
        return Cow::Borrowed(sentence);
    }
    let mut out = String::with_capacity(sentence.len());
    for (i, line) in sentence.lines().enumerate() {
        let line = if i == 0 { line } else { line.trim_start() };
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    Cow::Owned(out)
}

/// End of the first line when it is a headline (a blank line follows it).
fn headline_end(text: &str) -> Option<usize> {
    let start = text.len() - text.trim_start().len();
    let first_nl = text[start..].find('\n')? + start;
    let rest = &text[first_nl + 1..];
    let next_nl = rest.find('\n')?;
    rest[..next_nl].trim().is_empty().then_some(first_nl)
}

/// Ranges of text between line breaks that end a sentence.
///
/// A line that stops mid-sentence (on a letter, a digit, a comma, a semicolon or a hyphen) goes
/// on into a next line that starts in lower case: wrapped text. Only a block that started like a
/// sentence does: lines that start in lower case are entries of a list ("features",
/// "contact manager"), one a line.
fn blocks(text: &str) -> Vec<Range<usize>> {
    let lines: Vec<Range<usize>> = {
        let mut v = Vec::new();
        let mut start = 0;
        for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
            v.push(start..i);
            start = i + 1;
        }
        v.push(start..text.len());
        v
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut joinable = false;
    for line in lines {
        let content = text[line.clone()].trim();
        if content.is_empty() {
            joinable = false;
            continue;
        }
        let lead = line.start + (text[line.clone()].len() - text[line.clone()].trim_start().len());
        let range = lead..lead + content.len();
        let starts_lower = content.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(last) if joinable && starts_lower => last.end = range.end,
            _ => out.push(range.clone()),
        }
        let block_starts_lower = out
            .last()
            .and_then(|b| text[b.clone()].chars().next())
            .is_some_and(char::is_lowercase);
        let last_char = content.chars().last().unwrap_or('.');
        joinable = !block_starts_lower
            && (last_char.is_alphanumeric() || matches!(last_char, ',' | ';' | '-'));
    }
    out
}

/// Splits one block at sentence-final punctuation and list items, adding its sentences to `out`.
fn split_block(text: &str, block: Range<usize>, lex: &Lexicon, out: &mut Vec<Range<usize>>) {
    let b = Block::new(&text[block.clone()], lex);
    let n = b.len();
    let mut open = Open::new(&b, b.skip_space(0));
    let mut list = None;
    let mut i = b.item_start(open.start, &mut list);
    while i < n {
        // Outside a numbered list only a terminator or a bullet can end a sentence: skip
        // to the next one.
        if list.is_none() {
            i = b.next_mark(i);
            if i >= n {
                break;
            }
        }
        let c = b.at(i);
        if i > open.start
            && b.before(i).is_whitespace()
            && (is_bullet(c) && open.has_text(i)
                || b.continues_list(i, list) && open.has_word(&b, i))
        {
            b.push(out, block.start, open.start, i);
            open = Open::new(&b, i);
            i = b.item_start(i, &mut list);
            continue;
        }
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let run = b.run(i);
        let found = if open.has_text(i) {
            b.boundary(open.start, i, &run)
        } else {
            None
        };
        match found {
            Some((end, next)) => {
                b.push(out, block.start, open.start, end);
                open = Open::new(&b, next);
                i = b.item_start(next, &mut list);
            }
            None => i = run.end,
        }
    }
    b.push(out, block.start, open.start, n);
}

/// The sentence being read: where it starts and what it holds so far. Each character is
/// searched once, so a block is split in linear time.
struct Open {
    /// Offset of its first character.
    start: usize,
    /// Offset of its first letter or digit: a sentence needs one before it can end.
    text_from: usize,
    /// Offset up to which it has been searched for a word of two letters.
    word_checked: usize,
    /// True once such a word was found: a list item has text, not only its marker.
    word: bool,
}

impl Open {
    /// A sentence that starts at offset `start` of `b`.
    fn new(b: &Block<'_>, start: usize) -> Self {
        let mut text_from = start;
        while let Some(c) = b.ch(text_from).filter(|c| !c.is_alphanumeric()) {
            text_from += c.len_utf8();
        }
        Self {
            start,
            text_from,
            word_checked: start,
            word: false,
        }
    }

    /// True when the sentence holds a letter or a digit before offset `i`.
    fn has_text(&self, i: usize) -> bool {
        self.text_from < i
    }

    /// True when the sentence holds a word of two letters or more before offset `i`.
    fn has_word(&mut self, b: &Block<'_>, i: usize) -> bool {
        while !self.word && self.word_checked < i {
            let j = self.word_checked;
            let next = b.next(j);
            if next >= i {
                break;
            }
            self.word = b.at(j).is_alphabetic() && b.at(next).is_alphabetic();
            self.word_checked = next;
        }
        self.word
    }
}

/// How a run of terminators ends a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// `?`, `!`, or a full stop with an ellipsis: ends the sentence before a sentence start.
    Full,
    /// One full stop: may belong to an abbreviation.
    Period,
    /// An ellipsis alone: ends the sentence only before a capital.
    Ellipsis,
}

/// A run of terminators at some offset, with the closing quotes and brackets after it.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Offset after the terminators.
    marks_end: usize,
    /// Offset after the closing quotes and brackets.
    end: usize,
    /// Offset where the sentence ends: `end`, or after the full stop of "word. . . . Next".
    cut: usize,
    /// What kind of stop the run is.
    stop: Stop,
}

/// A list marker: a number or a letter and its punctuation ("2.", "b)", "3.)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Enumerator {
    /// The number, or the letter's code point.
    value: u32,
    /// True for lower-case letters ("a.", "b.").
    letter: bool,
    /// The punctuation after it.
    style: &'static str,
    /// Its length in bytes (its characters are ASCII).
    len: usize,
}

/// How far [`Block::in_address`] looks for the marks of an address ("@", "://", "www.").
const ADDRESS_REACH: usize = 512;

/// How many words [`Block::has_content`] reads.
const CONTENT_REACH: usize = 24;

/// One block's text, which rules index by byte offsets, always at a character boundary: a
/// step to the next character is the current one's length, decoded where a rule reads it.
struct Block<'a> {
    /// The block's text.
    s: &'a str,
    /// True when the block is ASCII: its stops and bullets are then its ASCII stops.
    ascii: bool,
    /// Abbreviations, titles and function words.
    lex: &'a Lexicon,
}

impl<'a> Block<'a> {
    /// The block `s`, read with `lex`.
    fn new(s: &'a str, lex: &'a Lexicon) -> Self {
        Self {
            s,
            ascii: s.is_ascii(),
            lex,
        }
    }

    /// The length in bytes.
    fn len(&self) -> usize {
        self.s.len()
    }

    /// The character at offset `i`, if any.
    fn ch(&self, i: usize) -> Option<char> {
        let &byte = self.s.as_bytes().get(i)?;
        if byte.is_ascii() {
            Some(char::from(byte))
        } else {
            self.s[i..].chars().next()
        }
    }

    /// The character at offset `i`, which is inside the block.
    fn at(&self, i: usize) -> char {
        self.ch(i).unwrap_or_default()
    }

    /// The character before offset `i` (NUL at the block's start).
    fn before(&self, i: usize) -> char {
        match self.s.as_bytes()[..i].last() {
            Some(&byte) if byte.is_ascii() => char::from(byte),
            Some(_) => self.s[..i].chars().next_back().unwrap_or_default(),
            None => char::default(),
        }
    }

    /// The offset of the character after the one at `i` (one byte on past the end).
    fn next(&self, i: usize) -> usize {
        i + self.ch(i).map_or(1, char::len_utf8)
    }

    /// The offset of the first terminator or bullet at or after `i` ([`is_terminator`],
    /// [`is_bullet`]), or the block's length: a byte search for the ASCII stops and for the
    /// first byte that every other terminator and bullet starts with.
    fn next_mark(&self, i: usize) -> usize {
        let rest = &self.s.as_bytes()[i..];
        // An ASCII block has no byte 0xE2.
        let found = if self.ascii {
            memchr::memchr3(b'.', b'?', b'!', rest)
        } else {
            memchr4(*b".?!", 0xE2, rest)
        };
        found.map_or(self.len(), |p| i + p)
    }

    /// Text of the offsets `a..b` (clamped to the block).
    fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.s[a.min(self.len())..b.min(self.len())]
    }

    /// First offset at or after `i` that is not white space.
    fn skip_space(&self, mut i: usize) -> usize {
        while let Some(c) = self.ch(i).filter(|c| c.is_whitespace()) {
            i += c.len_utf8();
        }
        i
    }

    /// Pushes the sentence `a..b` (offsets in the block), trimmed, as a byte range into the
    /// text.
    fn push(&self, out: &mut Vec<Range<usize>>, base: usize, a: usize, b: usize) {
        let (start, end) = (a.min(self.len()), b.min(self.len()));
        let piece = &self.s[start..end];
        let rest = piece.trim_start();
        let lead = piece.len() - rest.len();
        let trimmed = rest.trim_end();
        if !trimmed.is_empty() {
            out.push(base + start + lead..base + start + lead + trimmed.len());
        }
    }

    /// A list marker starting at `i` and followed by white space: one or two digits or one
    /// lower-case letter, then ".", ")" or ".)".
    fn enumerator(&self, i: usize) -> Option<Enumerator> {
        let mut j = i;
        let (value, letter) = match self.ch(i)? {
            c if c.is_ascii_digit() => {
                let mut value = 0;
                while let Some(d) = self.ch(j).and_then(|c| c.to_digit(10)) {
                    if j - i == 2 {
                        return None;
                    }
                    value = value * 10 + d;
                    j += 1;
                }
                (value, false)
            }
            // Lower case only: "A. Smith and B. Jones" are initials, not a list.
            c if c.is_ascii_lowercase() => {
                j += 1;
                (u32::from(c), true)
            }
            _ => return None,
        };
        let style = match self.ch(j) {
            Some('.') if self.ch(j + 1) == Some(')') => ".)",
            Some('.') => ".",
            Some(')') => ")",
            _ => return None,
        };
        j += style.len();
        self.ch(j)
            .is_some_and(char::is_whitespace)
            .then_some(Enumerator {
                value,
                letter,
                style,
                len: j - i,
            })
    }

    /// At the start of a sentence: skips a list marker ("- ", "•", "2.", "• 9.", "⁃10.") so
    /// that its stop is not read as the end of a sentence, and records its number in `list`.
    fn item_start(&self, i: usize, list: &mut Option<Enumerator>) -> usize {
        let mut j = i;
        if let Some(c) = self.ch(j)
            && is_start_bullet(c)
            && (is_bullet(c) || self.ch(j + c.len_utf8()).is_some_and(char::is_whitespace))
        {
            j = self.skip_space(j + c.len_utf8());
        }
        match self.enumerator(j) {
            Some(e) => {
                *list = Some(e);
                j + e.len
            }
            None => j,
        }
    }

    /// True when the marker at `i` is the next of the list `list` ("2." after "1.", "c." after
    /// "b.").
    fn continues_list(&self, i: usize, list: Option<Enumerator>) -> bool {
        let Some(prev) = list else {
            return false;
        };
        self.enumerator(i).is_some_and(|e| {
            e.letter == prev.letter && e.style == prev.style && e.value == prev.value + 1
        })
    }

    /// The run of terminators starting at `i`: stops, question and exclamation marks, and
    /// ellipses written with spaced dots (". . .").
    fn run(&self, i: usize) -> Run {
        let (mut j, mut dots, mut other, mut spaced) = (i, 0, false, false);
        loop {
            match self.ch(j) {
                Some('.') => dots += 1,
                Some('\u{2026}') => dots += 3,
                Some(c) if is_terminator(c) => other = true,
                Some(c @ (' ' | '\u{00A0}'))
                    if !other
                        && self.before(j) == '.'
                        && self.ch(j + c.len_utf8()) == Some('.')
                        && !self
                            .ch(j + c.len_utf8() + 1)
                            .is_some_and(char::is_alphanumeric) =>
                {
                    spaced = true;
                }
                _ => break,
            }
            j = self.next(j);
        }
        let mut end = j;
        while let Some(c) = self.ch(end).filter(|&c| is_closer(c)) {
            end += c.len_utf8();
        }
        let attached = i > 0 && !self.before(i).is_whitespace();
        let (stop, cut) = if other {
            (Stop::Full, end)
        } else if dots == 1 {
            (Stop::Period, end)
        } else if dots == 3 {
            (Stop::Ellipsis, end)
        } else if spaced && attached && self.ch(self.next(i)) != Some('.') {
            // "compounds. . . . The": the word's full stop ends the sentence and the ellipsis
            // opens the next one.
            (Stop::Full, self.next(i))
        } else {
            (Stop::Full, end)
        };
        Run {
            marks_end: j,
            end,
            cut,
            stop,
        }
    }

    /// Where the sentence ends and the next starts, when the run at `i` ends the sentence that
    /// starts at `start` (which has text before `i`).
    fn boundary(&self, start: usize, i: usize, run: &Run) -> Option<(usize, usize)> {
        if self.bracketed(i, run) {
            return None;
        }
        let next = self.skip_space(run.end);
        if next >= self.len() {
            return None;
        }
        let spaced = next > run.end;
        let ends = match run.stop {
            Stop::Full => spaced && self.starts_sentence(next),
            Stop::Ellipsis => {
                spaced && {
                    let w = self.word_after(next);
                    w.starts_with(char::is_uppercase) && w != "I"
                }
            }
            Stop::Period if !spaced => self.glued_stop(start, i, run),
            Stop::Period => self.starts_sentence(next) && self.period_ends(start, i, next),
        };
        let next = if run.cut < run.end {
            self.skip_space(run.cut)
        } else {
            next
        };
        ends.then_some((run.cut, next))
    }

    /// True for marks in brackets ("[...]", "(!)"): an omission or a comment, not a stop.
    fn bracketed(&self, i: usize, run: &Run) -> bool {
        i > 0
            && matches!(self.before(i), '[' | '(')
            && matches!(self.ch(run.marks_end), Some(']' | ')'))
    }

    /// True when a sentence can start at `i`: a capital, a digit, a currency sign, a bullet, an
    /// ellipsis or an opening quote or bracket before a capital or a digit.
    fn starts_sentence(&self, i: usize) -> bool {
        let Some(c) = self.ch(i) else {
            return false;
        };
        if c.is_uppercase() || c.is_ascii_digit() || is_currency(c) || is_bullet(c) {
            return true;
        }
        let mut j = i;
        if matches!(c, '.' | '\u{2026}') {
            while let Some(c) = self
                .ch(j)
                .filter(|&c| matches!(c, '.' | '\u{2026}') || c.is_whitespace())
            {
                j += c.len_utf8();
            }
            return self.ch(j).is_some_and(char::is_uppercase);
        }
        while let Some(c) = self.ch(j).filter(|&c| is_opener(c)) {
            j += c.len_utf8();
        }
        j > i
            && self
                .ch(j)
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    /// The word at `i`, after any opening quotes or brackets.
    fn word_after(&self, mut i: usize) -> &'a str {
        while let Some(c) = self.ch(i).filter(|&c| is_opener(c)) {
            i += c.len_utf8();
        }
        let mut j = i;
        while let Some(c) = self.ch(j).filter(|c| c.is_alphanumeric()) {
            j += c.len_utf8();
        }
        self.slice(i, j)
    }

    /// The word before the stop at `i` within the sentence starting at `start`, without the
    /// quotes and brackets around it ("U.S", "a.m", "N°", "£4.7m"), and its start offset.
    fn word_before(&self, start: usize, i: usize) -> (usize, &'a str) {
        let mut w = i;
        while w > start && !self.before(w).is_whitespace() {
            w -= self.before(w).len_utf8();
        }
        let token = self.slice(w, i);
        let word = token.trim_matches(|c: char| !is_word_char(c));
        // "pro-U.S", "and/or": the part after the last dash or slash.
        // A byte scan: "-" and "/" are ASCII, and the dashes are E2 80 93 and E2 80 94.
        let bytes = word.as_bytes();
        let mut from = 0;
        for (p, &byte) in bytes.iter().enumerate() {
            if matches!(byte, b'-' | b'/') {
                from = p + 1;
            } else if byte == 0xE2 && matches!(bytes.get(p + 1..p + 3), Some([0x80, 0x93 | 0x94])) {
                from = p + 3;
            }
        }
        let word = &word[from..];
        (w, word)
    }

    /// True when the stop at `i` is inside an e-mail or web address (looking at most
    /// [`ADDRESS_REACH`] characters either way, so that long runs without spaces stay linear).
    fn in_address(&self, i: usize) -> bool {
        let mut a = i;
        for _ in 0..ADDRESS_REACH {
            let c = self.before(a);
            if a == 0 || c.is_whitespace() {
                break;
            }
            a -= c.len_utf8();
        }
        let mut b = i;
        for _ in 0..ADDRESS_REACH {
            match self.ch(b) {
                Some(c) if !c.is_whitespace() => b += c.len_utf8(),
                _ => break,
            }
        }
        let token = self
            .slice(a, b)
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        token.contains('@')
            || token.contains("://")
            || token
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("www."))
    }

    /// What the word before a full stop is, for deciding whether the stop ends the sentence.
    fn word_kind(&self, word: &str) -> WordKind {
        let lower = lower(word);
        if matches!(&*lower, "no" | "nos") || !lower.is_ascii() && lower.contains(['°', 'º']) {
            return WordKind::NumberSign;
        }
        if self.lex.is_abbreviation(&lower) {
            if self.lex.is_title(&lower) {
                return WordKind::Title;
            }
            return WordKind::Abbreviation;
        }
        let mut letters = word.chars();
        let single = letters.next().is_some_and(char::is_alphabetic) && letters.next().is_none();
        let dotted = word.contains('.')
            && word.split('.').all(|part| {
                let mut cs = part.chars();
                cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()
            });
        if single || dotted {
            WordKind::Abbreviation
        } else {
            WordKind::Word
        }
    }

    /// True when the full stop at `i`, followed by white space and a possible sentence start at
    /// `next`, ends the sentence starting at `start`.
    fn period_ends(&self, start: usize, i: usize, next: usize) -> bool {
        if self.in_address(i) {
            return true;
        }
        let (w, word) = self.word_before(start, i);
        let after = self.word_after(next);
        let before_number = after.starts_with(|c: char| c.is_ascii_digit());
        match self.word_kind(word) {
            WordKind::Word => true,
            WordKind::Title => false,
            WordKind::NumberSign => !before_number,
            WordKind::Abbreviation => {
                if before_number || after.is_empty() || self.introduces_quote(start, w, word, next)
                {
                    return false;
                }
                let starter = self.lex.is_stopword(after);
                let after_number = self.number_before(start, w)
                    && !is_time_word(after)
                    && !(after.chars().count() > 1 && after.chars().all(char::is_uppercase));
                (starter || after_number) && self.has_content(start, w)
            }
        }
    }

    /// True when a lower-case abbreviation (`word`, starting at offset `w`) stands before a
    /// quoted sentence opening at `next`, after a speech verb: `The mayor said at 9 a.m. "We
    /// are closing the bridge."` is one sentence.
    fn introduces_quote(&self, start: usize, w: usize, word: &str, next: usize) -> bool {
        word.ends_with(char::is_lowercase)
            && self
                .ch(next)
                .is_some_and(|c| is_opener(c) && !matches!(c, '(' | '['))
            && self
                .slice(start, w)
                .split(|c: char| !c.is_alphabetic())
                .any(|v| is_speech_verb(&v.to_lowercase()))
    }

    /// True when the word before offset `w` (within the sentence from `start`) is a number, as
    /// in "6 p.m.".
    fn number_before(&self, start: usize, w: usize) -> bool {
        let mut j = w;
        while j > start && self.before(j).is_whitespace() {
            j -= self.before(j).len_utf8();
        }
        j > start && self.before(j).is_ascii_digit()
    }

    /// True when `start..end` holds a content word: a word of two letters or more that is not
    /// a function word ("At 5" has none, so "At 5 a.m." is not a sentence). A stretch of
    /// [`CONTENT_REACH`] words is long enough to be a sentence whatever its words.
    fn has_content(&self, start: usize, end: usize) -> bool {
        let words = self
            .slice(start, end)
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
            .filter(|w| !w.is_empty());
        let mut seen = 0;
        for w in words.take(CONTENT_REACH) {
            seen += 1;
            if w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && w.starts_with(char::is_alphabetic)
                && !self.lex.is_stopword(w)
            {
                return true;
            }
        }
        seen == CONTENT_REACH
    }

    /// True for a full stop glued to the next sentence ("world.Today", "1,000.That"): after a
    /// word of two letters or more or a number, before a capitalised word, and not in an
    /// abbreviation or an address.
    fn glued_stop(&self, start: usize, i: usize, run: &Run) -> bool {
        let next_is_word = self.ch(run.end).is_some_and(char::is_uppercase)
            && self.ch(self.next(run.end)).is_some_and(char::is_lowercase);
        let prev_ok = i > 0 && {
            let p = self.before(i);
            p.is_lowercase() || p.is_ascii_digit()
        };
        if !next_is_word || !prev_ok || self.in_address(i) {
            return false;
        }
        let (_, word) = self.word_before(start, i);
        word.chars().count() > 1 && self.word_kind(word) == WordKind::Word
    }
}

/// The kinds of word before a full stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordKind {
    /// An ordinary word or number: the stop ends the sentence.
    Word,
    /// A title before a name ("Dr.", "Gov."): never ends a sentence.
    Title,
    /// "No.", "N°.": an abbreviation before a number, a word otherwise.
    NumberSign,
    /// An abbreviation, an initial or a dotted acronym ("Inc.", "J.", "U.S.").
    Abbreviation,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let lex = Lexicon::embedded();
        let got: Vec<&str> = split(text, &lex)
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect();
        assert_eq!(got, expected, "splitting {text:?}");
    }

    #[test]
    fn wrapped_lines_read_as_one_line() {
        let cases: &[(&str, &str)] = &[
            ("It was a cold \nnight.", "It was a cold night."),
            ("A sentence\ncut off.", "A sentence cut off."),
            ("Two\r\n  lines\n\nand a gap.", "Two lines and a gap."),
            ("No  break here.", "No  break here."),
            ("", ""),
        ];
        for &(text, want) in cases {
            assert_eq!(one_line(text), want, "{text:?}");
        }
    }

    #[test]
    fn paragraphs_with_and_without_non_ascii_characters_split_alike() {
        // A paragraph is indexed by byte offsets, stepping over multi-byte characters: the stops,
        // bullets and abbreviations after a multi-byte character are found all the same.
        check(
            "Café staff left. Then Dr. Amir Haddad spoke.",
            &["Café staff left.", "Then Dr. Amir Haddad spoke."],
        );
        check(
            "Cafe staff left. Then Dr. Amir Haddad spoke.",
            &["Cafe staff left.", "Then Dr. Amir Haddad spoke."],
        );
        check(
            "“It’s over,” she said. Was it‼ Nobody knew… Then • first item • second item",
            &[
                "“It’s over,” she said.",
                "Was it‼",
                "Nobody knew…",
                "Then",
                "• first item",
                "• second item",
            ],
        );
        // In a numbered list each character is read: the next number starts the next item.
        check(
            "1. Open the valve\n2. Close the door é and more. 3. Leave it",
            &[
                "1. Open the valve",
                "2. Close the door é and more.",
                "3. Leave it",
            ],
        );
    }

    #[test]
    fn news_abbreviations_do_not_end_sentences() {
        check(
            "Mr Bloggs met Dr. Jones at No. 10 on Monday. He left.",
            &["Mr Bloggs met Dr. Jones at No. 10 on Monday.", "He left."],
        );
        check(
            "The U.S. and the U.K. agreed. Talks end at 5 p.m. on Friday.",
            &[
                "The U.S. and the U.K. agreed.",
                "Talks end at 5 p.m. on Friday.",
            ],
        );
        check(
            "J. R. Smith scored £4.7m. Then he left.",
            &["J. R. Smith scored £4.7m.", "Then he left."],
        );
        check(
            "Smith et al. found a link. It was small.",
            &["Smith et al. found a link.", "It was small."],
        );
        // A state in an American dateline, and at the end of a sentence.
        check(
            "PLACERVILLE, Calif. (AP) \u{2014} A wildfire grew. He moved to Fla. It was warm.",
            &[
                "PLACERVILLE, Calif. (AP) \u{2014} A wildfire grew.",
                "He moved to Fla.",
                "It was warm.",
            ],
        );
    }

    #[test]
    fn quotes_with_speech_tags_stay_together() {
        check(
            "'Is it over?' asked Ms Jones. 'Yes.'",
            &["'Is it over?' asked Ms Jones.", "'Yes.'"],
        );
        check(
            "“We won!” he said. “Again.”",
            &["“We won!” he said.", "“Again.”"],
        );
    }

    #[test]
    fn abbreviation_before_a_quote_after_a_speech_verb_does_not_end_the_sentence() {
        check(
            "The mayor said at 9 a.m. \"We are closing the bridge.\" Traffic stopped.",
            &[
                "The mayor said at 9 a.m. \"We are closing the bridge.\"",
                "Traffic stopped.",
            ],
        );
        check(
            "The mayor told reporters at 6 p.m. \u{201C}It is over.\u{201D}",
            &["The mayor told reporters at 6 p.m. \u{201C}It is over.\u{201D}"],
        );
        // Without a speech verb the quote starts a sentence of its own.
        check(
            "The bridge closed at 9 a.m. \"We are sorry,\" the council said.",
            &[
                "The bridge closed at 9 a.m.",
                "\"We are sorry,\" the council said.",
            ],
        );
    }

    #[test]
    fn lines_headlines_and_captions() {
        let text = "Storm hits coast\n\nWinds reached 90mph. Homes flooded\nCaption without stop\n";
        let lex = Lexicon::embedded();
        let segs = split(text, &lex);
        let got: Vec<(&str, bool)> = segs
            .iter()
            .map(|s| (&text[s.range.clone()], s.headline))
            .collect();
        assert_eq!(
            got,
            [
                ("Storm hits coast", true),
                ("Winds reached 90mph.", false),
                ("Homes flooded", false),
                ("Caption without stop", false),
            ]
        );
    }

    #[test]
    fn first_line_without_blank_line_is_not_a_headline() {
        let lex = Lexicon::embedded();
        let segs = split("One line.\nTwo line.", &lex);
        assert!(segs.iter().all(|s| !s.headline));
    }

    #[test]
    fn wrapped_lines_are_joined() {
        check(
            "The council said the\nroad would close. It did.",
            &["The council said the\nroad would close.", "It did."],
        );
    }
}
