//! Quotations and their speakers: "…," said Zara; he told the BBC: "…"; a pronoun speaker
//! resolves to the last person named before it whom a title does not give another gender.

use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::actor::{Mention, NameTable, role_reference};
use crate::document::{ActorKind, Facet, Fact, FactValue, Quote, Sentence};
use crate::lexicon::Lexicon;
use crate::text::{Token, TokenKind, memchr4, normalize_for_match};

/// True for a verb that introduces speech ("said", "told"), in lower case. (A match: the
/// quote readers ask of most words of a sentence.)
pub(crate) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "added"
            | "adding"
            | "adds"
            | "insisted"
            | "insists"
            | "warned"
            | "warns"
            | "asked"
            | "asks"
            | "wrote"
            | "writes"
            | "stated"
            | "declared"
            | "tweeted"
            | "claimed"
            | "claims"
            | "described"
            | "explained"
            | "argued"
            | "replied"
            | "saying"
            // "called the budget “a tax grab”": naming something in the speaker's words.
            | "called"
            | "calls"
            | "branded"
            | "dubbed"
    )
}

const PRONOUNS: [&str; 4] = ["he", "she", "they", "it"];

/// Byte ranges of the words inside quotation marks, over the whole text. Quotes do not run
/// past a line break.
pub(crate) fn quote_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // One pass over the few characters that can open or close a quote, with the characters
    // either side: no copy of the text, whatever its size. The curly quotes all start with the
    // byte 0xE2, so a byte search finds every candidate without decoding the others. A line
    // break matters only inside a quote, which it closes.
    let bytes = text.as_bytes();
    let next_mark = |from: usize, inside: bool| {
        let marks = *b"\"'\xE2";
        let rest = &bytes[from..];
        let [a, b, c] = marks;
        let found = if inside {
            memchr4(marks, b'\n', rest)
        } else {
            memchr::memchr3(a, b, c, rest)
        };
        found.map(|k| from + k)
    };
    let mut from = 0;
    while let Some(i) = next_mark(from, open.is_some()) {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        from = i + c.len_utf8();
        if c == '\n' {
            if let Some((s, _)) = open.take() {
                push(&mut out, text, s, i);
            }
            continue;
        }
        if !matches!(
            c,
            '"' | '\'' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}'
        ) {
            continue;
        }
        let prev = text[..i].chars().next_back();
        let next = text[from..].chars().next();
        let before_ok = prev.is_none_or(|p| {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | '"' | '\u{201C}' | ':'
                )
        });
        let after_alnum = next.is_some_and(char::is_alphanumeric);
        match (open, c) {
            (None, '\u{201C}') => open = Some((i + c.len_utf8(), '"')),
            (None, '"') if before_ok => open = Some((i + 1, '"')),
            (None, '\u{2018}' | '\'') if before_ok && next.is_some_and(|x| !x.is_whitespace()) => {
                open = Some((i + c.len_utf8(), '\''));
            }
            (Some((s, '"')), '\u{201D}' | '"') => {
                push(&mut out, text, s, i);
                open = None;
            }
            (Some((s, '\'')), '\u{2019}' | '\'')
                if !after_alnum && prev.is_some_and(|p| !p.is_whitespace()) =>
            {
                push(&mut out, text, s, i);
                open = None;
            }
            _ => {}
        }
    }
    if let Some((s, _)) = open {
        push(&mut out, text, s, text.len());
    }
    out
}

fn push(out: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    let inner = &text[start..end];
    let trimmed = inner.trim();
    if trimmed.chars().any(char::is_alphabetic) {
        let lead = inner.len() - inner.trim_start().len();
        out.push(start + lead..start + lead + trimmed.len());
    }
}

/// Adds quote facts to every sentence, with speakers; `mentions` are the sentences' names.
pub(crate) fn extract_all(
    text: &str,
    sentences: &mut [Sentence],
    lex: &Lexicon,
    names: &NameTable<'_>,
    mentions: &[Vec<Mention>],
) {
    let tables = Tables {
        lex,
        names,
        mentions,
        genders: OnceCell::new(),
    };
    let quotes = quote_spans(text);
    // The last attributed quote: its end, the sentence it ends in, and its speaker.
    let mut previous: Option<(usize, usize, String)> = None;
    for q in quotes.clone() {
        // Sentences are in text order: binary searches keep this linear in the text.
        let first = sentences.partition_point(|s| s.span.end <= q.start);
        if first == sentences.len() {
            continue;
        }
        let last = sentences
            .partition_point(|s| s.span.start < q.end)
            .saturating_sub(1)
            .max(first);
        // The speaker of the last attributed quote, when it ends in this sentence or the one
        // before, in the same paragraph (asked only when no name speaks).
        let adjacent = || {
            previous.as_ref().filter(|(end, sentence, _)| {
                first <= sentence + 1 && !text[*end..q.start].contains('\n')
            })
        };
        let (speaker, speaker_from_pronoun) =
            match speaker(text, sentences, first, last, &q, &quotes, &tables) {
                Some(Speaker::Named(n)) => (Some(n), false),
                // `"…," he said` right after another quote goes on with its speaker.
                Some(Speaker::Pronoun(n)) => match adjacent() {
                    Some((_, _, p)) => (Some(p.clone()), true),
                    None => (Some(n), true),
                },
                Some(Speaker::Resolved(n)) => (Some(n), true),
                // A quote that opens a sentence right after an attributed one, in the same
                // paragraph, is the same speaker's ("…," she said. "…").
                None => match adjacent() {
                    Some((_, _, n))
                        if !text[sentences[first].span.start.min(q.start)..q.start]
                            .chars()
                            .any(char::is_alphanumeric) =>
                    {
                        (Some(n.clone()), true)
                    }
                    _ => (None, false),
                },
            };
        previous = speaker.clone().map(|n| (q.end, last, n));
        for s in &mut sentences[first..=last] {
            let start = q.start.max(s.span.start);
            let end = q.end.min(s.span.end);
            if start >= end {
                continue;
            }
            let piece = text[start..end].trim();
            let lead = text[start..end].len() - text[start..end].trim_start().len();
            let span = start + lead..start + lead + piece.len();
            if !piece.chars().any(char::is_alphabetic) {
                continue;
            }
            // The normalised quote has its words one space apart (and some word, the piece
            // a letter): its spaces count the words without a second pass over the characters.
            let value = normalize_for_match(piece);
            // Counted by `memchr`, many bytes at a time, not byte by byte.
            let words = memchr::memchr_iter(b' ', value.as_bytes()).count() + 1;
            debug_assert_eq!(words, piece.split_whitespace().count(), "{piece:?}");
            let quote = Quote {
                text: piece.to_owned(),
                speaker: speaker.clone(),
                speaker_from_pronoun,
                words,
            };
            s.facts.push(Fact {
                facet: Facet::Quote,
                span,
                raw: piece.to_owned(),
                value,
                detail: FactValue::Quote(quote),
            });
        }
    }
}

/// Who speaks a quote, and how it was found.
enum Speaker {
    /// Named next to the quote.
    Named(String),
    /// Found through a role ("the minister said": the one person given that role before),
    /// which is less certain.
    Resolved(String),
    /// Found through a pronoun ("he said": the last person named before the quote), less
    /// certain still: right after another quote, that quote's speaker goes on.
    Pronoun(String),
}

/// What the speaker search reads besides the text: the lexicon, the document's names and each
/// sentence's mentions.
struct Tables<'a> {
    lex: &'a Lexicon,
    names: &'a NameTable<'a>,
    mentions: &'a [Vec<Mention>],
    /// Whether each person a gendered title names is a man ([`male_by_title`]), found the
    /// first time a pronoun asks: one pass over the mentions, however many quotes ask.
    genders: OnceCell<FxHashMap<String, bool>>,
}

/// Finds who speaks the quote at `q` (sentences `first..=last`).
fn speaker(
    text: &str,
    sentences: &[Sentence],
    first: usize,
    last: usize,
    q: &Range<usize>,
    quotes: &[Range<usize>],
    tables: &Tables<'_>,
) -> Option<Speaker> {
    let Tables {
        lex,
        names,
        mentions,
        ..
    } = *tables;
    let pronoun = |word: &str| {
        last_person(text, sentences, (last, q.start), word, quotes, tables).map(Speaker::Pronoun)
    };
    // After the closing mark: `," said Zara`, `," said chief executive Ann Lee`, `," he said`.
    let s = &sentences[last];
    // Tokens are in text order: those after the closing mark end the sentence, and those
    // before the opening mark (below) start it.
    let after = &s.tokens[s.tokens.partition_point(|t| t.start < q.end)..];
    let ms = &mentions[last];
    let skip_punct = after
        .iter()
        .take_while(|t| t.kind != TokenKind::Word)
        .count();
    let tail = &after[skip_punct..];
    // A token of the tail in lower case, from the document's words: the tail ends the
    // sentence.
    let words = names.words(s);
    let low = |k: usize| words.lower(s.tokens.len() - tail.len() + k);
    // A word, or the stop of a title before a name ("said Mr. Ebersole").
    let wordish = |k: usize| {
        let t = &tail[k];
        t.kind == TokenKind::Word
            || t.text(text) == "."
                && k > 0
                && tail[k - 1].end == t.start
                && lex.is_title(tail[k - 1].text(text))
    };
    if tail.len() >= 2 && skip_punct <= 3 {
        let (a, b) = (low(0), low(1));
        if is_speech_verb(a) {
            if PRONOUNS.contains(&b) {
                return pronoun(b);
            }
            // The first name within a few words, with only words (roles, titles) between.
            let words_between = (1..tail.len()).take(6).take_while(|&k| wordish(k)).count();
            let window_end = tail.get(1 + words_between).map_or(usize::MAX, |t| t.start);
            // Not an organisation before a role: "asked Labour MP Ruth Okafor"; nor the
            // employer before a role: "said Acme's chief executive, Ann Lee", where the name
            // after the comma speaks.
            let apposition = tail
                .get(1 + words_between)
                .filter(|t| t.text(text) == ",")
                .and_then(|_| tail.get(2 + words_between))
                .map(|t| t.start);
            // A name in apposition may have its title first (`," said the council leader,
            // Cllr Priya Nandra`).
            let near = |m: &&Mention| {
                let at = s.tokens[m.start].start;
                !m.org
                    && !m.possessive
                    && (at >= tail[1].start && at < window_end
                        || apposition.is_some_and(|a| a == at || a == s.tokens[m.from].start))
            };
            // A person given a title or role before any other name there: `," said Redmarsh
            // manager Helen Corrigan`.
            if let Some(m) = ms
                .iter()
                .filter(near)
                .find(|m| m.titled || !m.roles().is_empty())
                .or_else(|| ms.iter().find(near))
            {
                return Some(Speaker::Named(names.canonical(&m.name).to_owned()));
            }
            // `," said the minister`.
            let at = s.tokens.partition_point(|t| t.start < tail[1].start);
            return role_speaker(text, s, at..s.tokens.len(), lex, names)
                .or_else(|| noun_speaker(text, &tail[1..], lex).map(Speaker::Named));
        }
        if PRONOUNS.contains(&a) && is_speech_verb(b) {
            return pronoun(a);
        }
        // `," Morland chief executive Fiona Ridley said`.
        let verb_at = (0..tail.len()).take(7).position(|k| is_speech_verb(low(k)));
        if let Some(v) = verb_at.filter(|&v| (0..v).all(wordish))
            && let Some(m) = ms.iter().rev().find(|m| {
                s.tokens[m.start].start >= tail[0].start && s.tokens[m.end - 1].end <= tail[v].start
            })
        {
            return Some(Speaker::Named(names.canonical(&m.name).to_owned()));
        }
        // `," the minister said`.
        if let Some(v) = verb_at {
            let at = s.tokens.partition_point(|t| t.start < tail[0].start);
            let verb = s.tokens.partition_point(|t| t.start < tail[v].start);
            if let Some(found) = role_speaker(text, s, at..verb, lex, names) {
                return Some(found);
            }
        }
    }
    // Before the opening mark: `Zara said: "`, `He told the BBC: "`.
    let s = &sentences[first];
    let before = &s.tokens[..s.tokens.partition_point(|t| t.end <= q.start)];
    let ms = &mentions[first];
    // Each token's lower case from the document's words, by its index.
    let words = names.words(s);
    // `According to police, "`, `According to Ann Lee, "`: whoever follows "according to".
    if let Some(k) =
        (1..before.len()).find(|&k| words.lower(k - 1) == "according" && words.lower(k) == "to")
    {
        let start = k + 1;
        let end = before[start..]
            .iter()
            .position(|t| t.kind != TokenKind::Word)
            .map_or(before.len(), |n| start + n);
        if start < end {
            let named = ms
                .iter()
                .find(|m| m.start >= start && m.end <= end && !m.possessive);
            return match named {
                Some(m) => Some(Speaker::Named(names.canonical(&m.name).to_owned())),
                None => noun_speaker(text, &before[start..end], lex).map(Speaker::Named),
            };
        }
    }
    let verb = (0..before.len())
        .rev()
        .find(|&i| is_speech_verb(words.lower(i)))?;
    let before_verb: Vec<_> = ms
        .iter()
        .filter(|m| m.end <= verb && !inside(quotes, s.tokens[m.start].start))
        .collect();
    // The sentence's subject: a name with a title or role, else a person, else a name that
    // opens the sentence before a comma ("Dougie Rennick, who chairs the Users Group,
    // called it …"), else the name nearest the verb.
    let subject = before_verb
        .iter()
        .find(|m| m.titled || crate::actor::has_role_before(s, names, m.start, lex))
        .or_else(|| {
            before_verb
                .iter()
                .find(|m| names.kind(&m.name) == ActorKind::Person)
        })
        .or_else(|| {
            before_verb
                .first()
                .filter(|m| m.from == 0 && s.tokens.get(m.end).is_some_and(|t| t.text(text) == ","))
        })
        .or_else(|| before_verb.last());
    if let Some(m) = subject {
        return Some(Speaker::Named(names.canonical(&m.name).to_owned()));
    }
    let pron = (0..verb)
        .map(|i| words.lower(i))
        .find(|w| PRONOUNS.contains(w));
    if let Some(w) = pron {
        return pronoun(w);
    }
    // `The minister said: "`.
    if let Some(found) = role_speaker(text, s, 0..verb, lex, names) {
        return Some(found);
    }
    noun_speaker_before(text, &before[..verb], lex).map(Speaker::Named)
}

/// A role standing for a person named earlier ("the minister"), within tokens `within`.
fn role_speaker(
    text: &str,
    s: &Sentence,
    within: Range<usize>,
    lex: &Lexicon,
    names: &NameTable<'_>,
) -> Option<Speaker> {
    within.clone().find_map(|k| {
        role_reference(text, s, k, lex, names)
            .filter(|(end, _, _)| *end <= within.end)
            .map(|(_, person, _)| Speaker::Resolved(person))
    })
}

/// True when byte `at` lies inside one of the quotes (sorted, not overlapping).
fn inside(quotes: &[Range<usize>], at: usize) -> bool {
    let i = quotes.partition_point(|q| q.end <= at);
    quotes.get(i).is_some_and(|q| q.contains(&at))
}

/// How many sentences back a pronoun looks for the person it stands for.
const PRONOUN_REACH: usize = 6;

/// A speaker named by a common noun phrase after a speech verb ("said a spokesman for the
/// council": "spokesman"): its words after an article, up to a function word or anything
/// but a word ("said one man" names no one).
fn noun_speaker(text: &str, toks: &[Token], lex: &Lexicon) -> Option<String> {
    let words = toks
        .iter()
        .take_while(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .skip_while(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the"));
    noun_phrase(words, lex).map(|w| w.join(" "))
}

/// A speaker named by a common noun phrase right before a speech verb ("A No 10 spokesman
/// said", "the audit warns"): the words before the verb back to a function word or anything
/// but a word ("published on Tuesday 22 September, said" names no one).
fn noun_speaker_before(text: &str, toks: &[Token], lex: &Lexicon) -> Option<String> {
    let words = toks
        .iter()
        .rev()
        .take_while(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text));
    noun_phrase(words, lex).map(|mut w| {
        w.reverse();
        w.join(" ")
    })
}

/// Up to three words of `words` before a function word, if any.
fn noun_phrase<'t>(words: impl Iterator<Item = &'t str>, lex: &Lexicon) -> Option<Vec<&'t str>> {
    let phrase: Vec<&str> = words.take_while(|w| !lex.is_stopword(w)).take(3).collect();
    (!phrase.is_empty()).then_some(phrase)
}

/// The last person named before byte `before` of sentence `upto` outside quotes, in this
/// sentence or earlier ones, whom `pronoun` can stand for: not a man for "she" nor a woman
/// for "he", as a title of theirs says ("Mr Ferris", "Ms Doyle").
fn last_person(
    text: &str,
    sentences: &[Sentence],
    (upto, before): (usize, usize),
    pronoun: &str,
    quotes: &[Range<usize>],
    tables: &Tables<'_>,
) -> Option<String> {
    let names = tables.names;
    let from = upto.saturating_sub(PRONOUN_REACH);
    let wanted = match pronoun {
        "he" => Some(true),
        "she" => Some(false),
        _ => None,
    };
    for (s, ms) in sentences[from..=upto]
        .iter()
        .zip(&tables.mentions[from..=upto])
        .rev()
    {
        let at = |m: &Mention| s.tokens[m.start].start;
        if let Some(m) = ms.iter().rev().find(|m| {
            at(m) < before
                && !inside(quotes, at(m))
                && (names.kind(&m.name) == ActorKind::Person || m.titled)
                && wanted.is_none_or(|male| {
                    male_by_title(text, sentences, tables)
                        .get(names.canonical(&m.name))
                        .is_none_or(|is| *is == male)
                })
        }) {
            return Some(names.canonical(&m.name).to_owned());
        }
    }
    None
}

/// Whether each person is a man (`true`) or a woman, by canonical name, as the first
/// gendered title written before one of their mentions says ("Mr", "Sir", "Lord"; "Ms",
/// "Mrs", "Miss", "Dame", "Lady"); a person no such title names is not in it.
fn male_by_title<'t>(
    text: &str,
    sentences: &[Sentence],
    tables: &'t Tables<'_>,
) -> &'t FxHashMap<String, bool> {
    tables.genders.get_or_init(|| {
        let mut genders = FxHashMap::default();
        for (s, ms) in sentences.iter().zip(tables.mentions) {
            for m in ms.iter().filter(|m| m.titled) {
                let title = s.tokens.get(m.from).map_or("", |t| t.text(text));
                let male = match title.trim_end_matches('.') {
                    "Mr" | "Sir" | "Lord" => true,
                    "Ms" | "Mrs" | "Miss" | "Dame" | "Lady" => false,
                    _ => continue,
                };
                genders
                    .entry(tables.names.canonical(&m.name).to_owned())
                    .or_insert(male);
            }
        }
        genders
    })
}

#[cfg(test)]
mod tests {
    use crate::document::{Fact, Source};
    use crate::{Lexicon, parse};

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let lex = Lexicon::embedded();
        let doc = parse(Source::default(), text, &lex);
        doc.sentences
            .iter()
            .flat_map(|s| s.facts.iter())
            .filter_map(Fact::quote)
            .map(|q| (q.text.clone(), q.speaker.clone()))
            .collect()
    }

    #[test]
    fn speakers_after_and_before_quotes() {
        assert_eq!(
            quotes("\"We will win,\" said Zara Khan, a nurse."),
            [("We will win,".to_owned(), Some("Zara Khan".to_owned()))]
        );
        assert_eq!(
            quotes("Mayor Jo Bloggs spoke. She said: ‘It is over.’"),
            [("It is over.".to_owned(), Some("Jo Bloggs".to_owned()))]
        );
        assert_eq!(
            quotes("“It is over,” he said."),
            [("It is over,".to_owned(), None)]
        );
        assert_eq!(
            quotes("\"We won,\" said chief executive Ann Lee."),
            [("We won,".to_owned(), Some("Ann Lee".to_owned()))]
        );
        assert_eq!(
            quotes("\"We won,\" Acme chief executive Ann Lee said."),
            [("We won,".to_owned(), Some("Ann Lee".to_owned()))]
        );
    }

    /// "called it “…”" quotes the subject's words; a subject that opens the sentence before a
    /// comma speaks, not a place or organisation in the clause after it.
    #[test]
    fn subjects_of_called_and_of_long_clauses_speak() {
        assert_eq!(
            quotes("Its leader, Graham Pettifer, called the budget “a tax grab”."),
            [("a tax grab".to_owned(), Some("Graham Pettifer".to_owned()))]
        );
        assert_eq!(
            quotes(
                "Dougie Rennick, who chairs the Firth Crossings Users Group, called it \
                 \"a tax on living here\"."
            ),
            [(
                "a tax on living here".to_owned(),
                Some("Dougie Rennick".to_owned())
            )]
        );
        assert_eq!(
            quotes("Freya Laing, 19, from Carnforth, said: “We could not breathe.”"),
            [(
                "We could not breathe.".to_owned(),
                Some("Freya Laing".to_owned())
            )]
        );
        assert_eq!(
            quotes("Fisherman Callum Sinclair, 61, said: “Those rocks were always there.”"),
            [(
                "Those rocks were always there.".to_owned(),
                Some("Callum Sinclair".to_owned())
            )]
        );
    }

    /// A person given a role after the verb speaks, not the organisation before the role.
    #[test]
    fn the_person_with_the_role_speaks() {
        assert_eq!(
            quotes("“It was hard,” said the Redmarsh manager, Helen Corrigan."),
            [("It was hard,".to_owned(), Some("Helen Corrigan".to_owned()))]
        );
        assert_eq!(
            quotes("“It was hard,” said Redmarsh manager Helen Corrigan."),
            [("It was hard,".to_owned(), Some("Helen Corrigan".to_owned()))]
        );
    }

    /// A name with an age in commas is a person "she" or "he" can stand for; right after
    /// another quote, "he said" goes on with that quote's speaker.
    #[test]
    fn pronouns_find_aged_people_and_continue_quotes() {
        check_speakers(&[
            (
                "Dr Jo Lee spoke. Maureen Hallam, 67, waited. “Nobody rings you back,” she said.",
                &[Some("Maureen Hallam")],
            ),
            (
                "Sandra Bright, 61, will retire. Gareth Lane said staff were \"thrilled\". \
                 \"We'll put cakes out,\" he said.",
                &[Some("Gareth Lane"), Some("Gareth Lane")],
            ),
        ]);
    }

    /// A common noun next to the speech verb speaks, up to a function word; a date or a
    /// number does not.
    #[test]
    fn common_nouns_speak_but_dates_do_not() {
        assert_eq!(
            quotes("\"We are sorry,\" said a spokesman for the council."),
            [("We are sorry,".to_owned(), Some("spokesman".to_owned()))]
        );
        assert_eq!(
            quotes("A No 10 spokesman said: ‘Act now.’"),
            [("Act now.".to_owned(), Some("spokesman".to_owned()))]
        );
        assert_eq!(
            quotes("The report, published on Tuesday 22 September, said it had “lost control”."),
            [("lost control".to_owned(), None)]
        );
    }

    /// Whoever follows "according to" speaks the quote after it.
    #[test]
    fn according_to_names_the_speaker() {
        assert_eq!(
            quotes("According to police, \"no one was seriously hurt\"."),
            [(
                "no one was seriously hurt".to_owned(),
                Some("police".to_owned())
            )]
        );
        assert_eq!(
            quotes("According to Ann Lee, the chief executive, \"sales are strong\"."),
            [("sales are strong".to_owned(), Some("Ann Lee".to_owned()))]
        );
    }

    /// "She" is not a man named with "Mr", nor "he" a woman named with "Ms".
    #[test]
    fn pronouns_skip_people_a_title_gives_another_gender() {
        let text = "Ms Amira Doyle lost by 17 votes. Mr Tom Ferris won.\n\n\
                    \"This is not over,\" she said.\n\n\"I am delighted,\" he said.";
        assert_eq!(
            quotes(text),
            [
                (
                    "This is not over,".to_owned(),
                    Some("Amira Doyle".to_owned())
                ),
                ("I am delighted,".to_owned(), Some("Tom Ferris".to_owned())),
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("Harbour Trust’s staff and the workers’ union met."),
            []
        );
        assert_eq!(
            quotes("The firm called it ‘eye-watering’."),
            [("eye-watering".to_owned(), Some("firm".to_owned()))]
        );
    }

    #[test]
    fn a_line_break_closes_an_open_quote_and_nothing_else() {
        let text =
            "He said \"it is unfinished\nThen: \"quoted\" and \u{201C}curly\u{201D}.\n\nA \"last";
        let spans: Vec<&str> = super::quote_spans(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(spans, ["it is unfinished", "quoted", "curly", "last"]);
    }

    /// Each case: a text and the speaker of each of its quotes, in order.
    fn check_speakers(cases: &[(&str, &[Option<&str>])]) {
        let mut failures = Vec::new();
        for (text, expected) in cases {
            let got: Vec<Option<String>> = quotes(text).into_iter().map(|(_, s)| s).collect();
            let got: Vec<Option<&str>> = got.iter().map(Option::as_deref).collect();
            if got != *expected {
                failures.push(format!(
                    "{text:?}\n  expected {expected:?}\n  got      {got:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn speakers_named_after_a_quote_with_titles_and_roles() {
        check_speakers(&[
            (
                "\"We will not stop,\" Dr Amir Haddad said.",
                &[Some("Amir Haddad")],
            ),
            (
                "Dr Amir Haddad spoke. \"We are tired,\" said Haddad, a nurse.",
                &[Some("Amir Haddad")],
            ),
            (
                "\"We failed,\" said Vantell's chief executive, Mara Lindholm.",
                &[Some("Mara Lindholm")],
            ),
            (
                "\"Why now?\" asked Labour MP Ruth Okafor.",
                &[Some("Ruth Okafor")],
            ),
            (
                "\"We must act,\" said the council leader, Cllr Priya Nandra.",
                &[Some("Priya Nandra")],
            ),
            // A title written with its stop, as American papers write it.
            (
                "\"Demand was high,\" said Mr. Ebersole.",
                &[Some("Ebersole")],
            ),
            (
                "\"We had a strong quarter,\" Ms. Dana Vance told reporters.",
                &[Some("Dana Vance")],
            ),
        ]);
    }

    #[test]
    fn multi_sentence_quotes_keep_their_speaker() {
        check_speakers(&[
            (
                "Ann Lee said: “We won. We will win again.”",
                &[Some("Ann Lee"), Some("Ann Lee")],
            ),
            (
                "\"We are tired. We are angry,\" said Amir Haddad.",
                &[Some("Amir Haddad"), Some("Amir Haddad")],
            ),
            // A quote that opens the next sentence goes on with the same speaker …
            (
                "\"We will not stop,\" Dr Amir Haddad said. \"We are tired.\"",
                &[Some("Amir Haddad"), Some("Amir Haddad")],
            ),
            // … but not after another sentence, in another paragraph, or inside a sentence.
            (
                "\"We won,\" said Ann Lee. Rivals disagreed. \"It was close.\"",
                &[Some("Ann Lee"), None],
            ),
            (
                "\"We won,\" said Ann Lee.\n\n\"It was close.\"",
                &[Some("Ann Lee"), None],
            ),
            (
                "\"We won,\" said Ann Lee. The firm saw it as ‘a fluke’.",
                &[Some("Ann Lee"), None],
            ),
        ]);
    }

    #[test]
    fn roles_stand_for_the_person_given_them() {
        check_speakers(&[
            (
                "Health Minister Ada Moss visited. \"We will act,\" the minister said. \
                 \"Soon,\" said the minister. The minister added: “Today.”",
                &[Some("Ada Moss"), Some("Ada Moss"), Some("Ada Moss")],
            ),
            // Two ministers: the role names neither.
            (
                "Health Minister Ada Moss met Finance Minister Ann Lee. \"We agree,\" the \
                 minister said.",
                &[None],
            ),
        ]);
    }
}
