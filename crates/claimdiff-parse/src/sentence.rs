//! Sentence boundaries: a rule-based splitter that keeps byte offsets.
//!
//! Written by hand rather than wrapping a crate because news text needs line-aware rules
//! (headlines and captions without a final stop, one paragraph per line) and user-extensible
//! abbreviations, and every sentence must keep its exact byte range.

use std::ops::Range;

use crate::lexicon::Lexicon;
use crate::text::is_apostrophe;

/// A sentence's byte range, and whether it is the article's headline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment {
    pub range: Range<usize>,
    pub headline: bool,
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']' | '\u{00BB}'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{2018}' | '\'' | '(' | '[' | '\u{00AB}'
    )
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '\u{2026}')
}

/// Splits `text` into sentences. A blank line always ends a sentence; a single line break ends
/// one unless the line stops mid-sentence and the next starts in lower case (wrapped text).
/// The first line is the headline when a blank line follows it.
pub(crate) fn split(text: &str, lex: &Lexicon) -> Vec<Segment> {
    let mut out = Vec::new();
    let blocks = blocks(text);
    let headline_end = headline_end(text);
    for block in blocks {
        let headline = headline_end.is_some_and(|end| block.start < end);
        for range in split_block(text, block, lex) {
            out.push(Segment { range, headline });
        }
    }
    out
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
fn blocks(text: &str) -> Vec<Range<usize>> {
    let lines: Vec<Range<usize>> = {
        let mut v = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                v.push(start..i);
                start = i + 1;
            }
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
        let last_char = content.chars().last().unwrap_or('.');
        joinable = last_char.is_alphanumeric() || matches!(last_char, ',' | ';' | '-');
    }
    out
}

/// Splits one block at sentence-final punctuation.
fn split_block(text: &str, block: Range<usize>, lex: &Lexicon) -> Vec<Range<usize>> {
    let s = &text[block.clone()];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if !is_terminator(c) {
            i += 1;
            continue;
        }
        // Run of terminators and closing quotes/brackets.
        let mut j = i + 1;
        while j < chars.len() && (is_terminator(chars[j].1) || is_closer(chars[j].1)) {
            j += 1;
        }
        let end = chars.get(j).map_or(s.len(), |&(o, _)| o);
        // Must be followed by white space, then a plausible sentence start.
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k == chars.len() {
            break;
        }
        if k == j {
            i = j;
            continue;
        }
        let next = chars[k].1;
        let next_ok = next.is_uppercase()
            || next.is_ascii_digit()
            || (is_opener(next) && !is_apostrophe(next) || is_apostrophe(next))
                && chars
                    .get(k + 1)
                    .is_some_and(|&(_, c)| c.is_alphanumeric() && !c.is_lowercase());
        if next_ok && !is_false_stop(s, &chars, i, k, lex) {
            push_trimmed(&mut out, block.start, s, start, end);
            start = chars[k].0;
        }
        i = j;
    }
    push_trimmed(&mut out, block.start, s, start, s.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, base: usize, s: &str, start: usize, end: usize) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(base + start + lead..base + start + lead + trimmed.len());
    }
}

/// True when the full stop at `chars[i]` belongs to an abbreviation or an initial rather than
/// ending the sentence. `k` is the index of the next sentence's first character.
fn is_false_stop(s: &str, chars: &[(usize, char)], i: usize, k: usize, lex: &Lexicon) -> bool {
    if chars[i].1 != '.' || chars.get(i + 1).is_some_and(|&(_, c)| c == '.') {
        return false;
    }
    // The word before the stop, including inner stops ("U.S", "a.m").
    let mut w = i;
    while w > 0 && (chars[w - 1].1.is_alphabetic() || chars[w - 1].1 == '.') {
        w -= 1;
    }
    let word = &s[chars[w].0..chars[i].0];
    if word.is_empty() {
        return false;
    }
    let next_word: String = chars[k..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let lower = word.to_lowercase();
    let starts_sentence = matches!(
        next_word.as_str(),
        "He" | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "The"
            | "This"
            | "That"
            | "There"
            | "But"
            | "In"
            | "A"
            | "An"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "After"
            | "As"
            | "Police"
            | "Officials"
    );
    // Single capital letter: an initial ("J. Smith"), unless a sentence obviously starts.
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return !starts_sentence;
    }
    if lower == "no" || lower == "nos" {
        return next_word.chars().next().is_some_and(|c| c.is_ascii_digit());
    }
    if lex.is_abbreviation(&lower) {
        // Abbreviations that often end a sentence do so before an obvious sentence start.
        let can_end = lower.contains('.')
            || matches!(
                lower.as_str(),
                "inc" | "ltd" | "co" | "corp" | "plc" | "llc" | "etc" | "al"
            );
        return !(can_end && starts_sentence);
    }
    // Dotted acronyms not in the list ("U.N.E.S.C.O").
    lower.contains('.') && !starts_sentence
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
    fn news_abbreviations_do_not_end_sentences() {
        check(
            "Mr Karp met Dr. Jones at No. 10 on Monday. He left.",
            &["Mr Karp met Dr. Jones at No. 10 on Monday.", "He left."],
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
