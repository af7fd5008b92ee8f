//! People, organisations and groups: capitalised names with titles and roles, merged with their
//! later surname-only mentions inside one document.

use std::borrow::Cow;
use std::ops::{Range, RangeInclusive};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::document::{Actor, ActorKind, Facet, Fact, FactValue, Sentence};
use crate::lexicon::Lexicon;
use crate::text::{
    Token, TokenKind, is_capitalized, is_possessive, lower, strip_possessive, word_key,
};
use crate::vocab::{Entry, Kinds, Words};

/// A capitalised name found in a sentence, at tokens `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The first token of the mention's titles ("Ms" in "Ms Markovic"), or `start`.
    pub from: usize,
    pub start: usize,
    pub end: usize,
    /// The name as written, possessive removed.
    pub name: String,
    /// True when a title stood before it ("Mr").
    pub titled: bool,
    pub possessive: bool,
    /// True for an organisation named before a role ("Acme" in "Acme CEO Jo Bloggs").
    pub org: bool,
    /// The roles and organisation written next to it, `None` when there are none. Boxed: few
    /// names have them, and every mention of a document is kept while it is parsed.
    pub attached: Option<Box<Attached>>,
}

impl Mention {
    /// The roles written next to the name.
    pub(crate) fn roles(&self) -> &[String] {
        self.attached.as_ref().map_or(&[], |a| &a.roles)
    }

    /// The index, among its sentence's mentions, of the organisation its roles belong to.
    pub(crate) fn employer(&self) -> Option<usize> {
        self.attached.as_ref().and_then(|a| a.org)
    }

    /// The first token of the name with the role phrase written before it.
    fn phrase_start(&self) -> usize {
        self.attached.as_ref().map_or(self.from, |a| a.start)
    }
}

/// Names of one document and their canonical forms.
#[derive(Debug, Default)]
pub(crate) struct NameTable<'t> {
    /// The full name that each surname, short form or acronym stands for.
    canonical: HashMap<String, String>,
    kinds: HashMap<String, ActorKind>,
    /// The document's words written in lower case, as [`word_key`]s (see
    /// [`NameTable::build`]).
    common_words: HashSet<&'t str>,
    /// The [`word_key`]s of the words written capitalised where they open no sentence or
    /// quote: names, whatever a dictionary says of them ("Quill", "Bath").
    capitalised: HashSet<&'t str>,
    /// Full names of people by surname ("Bloggs" -> "Jo Bloggs"): a surname is a name even
    /// before a comma at the start of a sentence ("Bloggs, who …").
    surnames: HashMap<String, String>,
    /// Who is given each role, by the role and by its last words ("interior minister" and
    /// "minister").
    role_holders: HashMap<String, RoleHolders>,
    /// Organisations, in document order: sentence and canonical name.
    organisations: Vec<(usize, String)>,
    /// Each sentence's words, by sentence index: the role readers ask for them in the quote
    /// reader too.
    words: Vec<Words<'t, 't>>,
}

/// Stopwords that start a name when capitalised inside a sentence: "the Met Office", "New
/// York", "First Ellery Savings Bank", "Mrs May". Any other capitalised stopword there
/// starts none ("The" of "The Guardian", the pronoun "I").
const NAME_STOPWORDS: [&str; 4] = ["first", "may", "met", "new"];

/// Words that join the capitalised words of one name ("Bank of England", "Carrow & Finch").
const CONNECTORS: [&str; 7] = ["of", "for", "de", "van", "von", "al", "&"];

/// Role words that take a portfolio or area before them ("Infrastructure Minister", "Transport
/// Secretary"): the capitalised word before them is part of the role, not an organisation.
const PORTFOLIO_ROLES: [&str; 3] = ["minister", "secretary", "commissioner"];

/// How many sentences back "the company" looks for the organisation it stands for.
const ORGANISATION_REACH: usize = 3;

/// Nouns that can stand for any organisation named just before ("the company's office").
const GENERIC_ORG_NOUNS: [&str; 7] = [
    "company",
    "firm",
    "business",
    "group",
    "corporation",
    "organisation",
    "organization",
];

/// True when the token is a word that can be part of a name.
#[inline]
fn name_word(text: &str, t: &Token) -> bool {
    is_name_word(t.kind, t.text(text))
}

/// [`name_word`] for a token of kind `kind` written `w`.
pub(crate) fn is_name_word(kind: TokenKind, w: &str) -> bool {
    // One pass over the bytes spares most words the two tests: an apostrophe, the last byte
    // of "’" or a hyphen.
    kind == TokenKind::Word
        && is_capitalized(w)
        && (!w.bytes().any(|b| matches!(b, b'\'' | 0x99 | b'-'))
            || !is_contraction(w) && !is_name_compound(w))
}

/// True for an adjective made of a name and a participle ("Irish-owned", "Polish-born",
/// "Labour-led", "Leeds-based"): it describes something, and names no one.
fn is_name_compound(w: &str) -> bool {
    w.rsplit_once('-').is_some_and(|(_, end)| {
        end.ends_with("ed") && end.bytes().all(|b| b.is_ascii_lowercase())
            || matches!(
                end,
                "born" | "run" | "made" | "built" | "style" | "speaking"
            )
    })
}

/// True for a pronoun or verb with its contracted ending ("I've", "We’ll", "Don't"), which
/// opens sentences and quotes but names no one ("O'Brien", "D'Angelo" are names).
fn is_contraction(w: &str) -> bool {
    w.rfind(['\'', '\u{2019}']).is_some_and(|at| {
        let end = &w[at..];
        let end = end.trim_start_matches(['\'', '\u{2019}']);
        ["ve", "ll", "re", "m", "d", "t"]
            .iter()
            .any(|e| end.eq_ignore_ascii_case(e))
    })
}

fn all_caps(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// True when `w` is one of `list`, ASCII words in lower case without a "k", whatever its case:
/// compared as written, not lower-cased first. The one non-ASCII letter whose lower case is
/// ASCII is the Kelvin sign, a "k", so no other word is one of them in lower case either.
fn is_one_of(w: &str, list: &[&str]) -> bool {
    list.iter().any(|l| w.eq_ignore_ascii_case(l))
}

/// True when `modifier role` is a portfolio role ("Infrastructure Minister").
fn portfolio(modifier: &str, role: &str, lex: &Lexicon) -> bool {
    is_one_of(role, &PORTFOLIO_ROLES)
        && is_capitalized(modifier)
        && !all_caps(modifier)
        && !lex.is_stopword(modifier)
        && !lex.is_title(modifier)
}

/// True when the name words from `from` on are a role and nothing else ("Chief Executive",
/// "Health Minister"); `kinds` says what the lexicon says of each ([`push_run`]).
fn is_role_run(
    words: &[&str],
    from: usize,
    kinds: &impl Fn(usize) -> Kinds,
    lex: &Lexicon,
) -> bool {
    let rest = &words[from..];
    is_role_words(words, from..words.len(), kinds, lex)
        || rest.len() == 2 && portfolio(rest[0], rest[1], lex)
}

/// True when the name words at `at`, joined, are a role; joins them only when each is a word
/// of some role, as `kinds` says ([`push_run`]).
fn is_role_words(
    words: &[&str],
    at: Range<usize>,
    kinds: &impl Fn(usize) -> Kinds,
    lex: &Lexicon,
) -> bool {
    at.clone().all(|k| kinds(k).role_word) && lex.is_role(&words[at].join(" "))
}

/// The number of words of the longest role ("chief executive") of `lens` words among the
/// tokens of `words` from token `at` on or, when `backward`, before it. A role is made of role
/// words only ([`crate::vocab::Kinds::role_word`], asked once per distinct word): the run of
/// them is found first, and only phrases within it are looked up; a one-word role is the
/// word's own [`crate::vocab::Kinds::role`].
fn longest_role(
    words: Words<'_, '_>,
    at: usize,
    backward: bool,
    lens: RangeInclusive<usize>,
    lex: &Lexicon,
) -> Option<usize> {
    let role_word = |k: &usize| words.kinds(*k).role_word;
    let run = if backward {
        (0..at)
            .rev()
            .take(*lens.end())
            .take_while(role_word)
            .count()
    } else {
        (at..).take(*lens.end()).take_while(role_word).count()
    };
    (*lens.start()..=run).rev().find(|&n| {
        let range = if backward { at - n..at } else { at..at + n };
        if n == 1 {
            words.kinds(range.start).role
        } else {
            lex.is_role(&phrase_of(words, range))
        }
    })
}

/// The longest role of up to three words starting at token `k`, as its length.
fn role_from(words: Words<'_, '_>, k: usize, lex: &Lexicon) -> Option<usize> {
    longest_role(words, k, false, 1..=3, lex)
}

/// The length of the longest role of two or three words starting at token `at`
/// ("Chief Executive"), or 0.
fn role_len_at(words: Words<'_, '_>, at: usize, lex: &Lexicon) -> usize {
    longest_role(words, at, false, 2..=3, lex).unwrap_or(0)
}

/// True when the capitalised run from token `at` ends with an organisation word ("General
/// Medical Council"), so a title word that starts it is part of the name. The run stops at a
/// connector after two names ("Prof Hannah Okafor of Lindfield University" is a person).
fn names_organisation(text: &str, toks: &[Token], at: usize, lex: &Lexicon) -> bool {
    let mut last = at;
    let mut k = at + 1;
    while let Some(t) = toks.get(k) {
        if name_word(text, t) {
            last = k;
        } else if !is_one_of(t.text(text), &CONNECTORS) || last >= at + 2 {
            break;
        }
        k += 1;
    }
    last > at && lex.is_org_word(toks[last].text(text))
}

/// Finds the capitalised names in a sentence, telling names from ordinary capitalised words
/// with the document's `names`. Adds to `asked` the tokens it asks the table whether they are
/// known surnames ([`NameTable::is_known`]): the only answer of the table that changes once
/// every name is read. `name_words` is room for the words of one name, kept from one
/// sentence to the next ([`push_run`]).
pub(crate) fn mentions<'a>(
    text: &'a str,
    s: &Sentence,
    words: Words<'_, '_>,
    lex: &Lexicon,
    names: &NameTable<'_>,
    asked: &mut Vec<usize>,
    name_words: &mut Vec<&'a str>,
) -> Vec<Mention> {
    let toks = &s.tokens;
    // A token's text from the document's words, not sliced again from the text: the loop
    // below asks of every token.
    let raw = |k: usize| words.raw(k);
    let name_at = |k: usize| words.get(k).is_some_and(|e| e.name_word);
    let mut out = Vec::new();
    let mut i = 0;
    // From one name word to the next: most tokens are none, and are passed over in one loop.
    while let Some(next) = next_name_word(words, i..toks.len()) {
        i = next;
        // Not a unit glued to its number ("40C", "91F").
        if i > 0 && toks[i - 1].kind == TokenKind::Number && toks[i - 1].end == toks[i].start {
            i += 1;
            continue;
        }
        let mut titled = false;
        let mut from = None;
        let mut start = i;
        // Sentence-initial or quote-initial ordinary words are not names.
        let at_start = opens(text, toks, i);
        let mut j = i;
        loop {
            let w = raw(j);
            let leading = j == start;
            // A title before a name ("Dr Amir Haddad"), unless it begins a longer role
            // ("Chief Executive Anna Lind"), read as a role below.
            let stop = usize::from(raw(j + 1) == ".");
            if leading
                && words.kinds(j).title
                && name_at(j + 1 + stop)
                && role_len_at(words, j, lex) == 0
                && !names_organisation(text, toks, j, lex)
            {
                titled = true;
                from.get_or_insert(j);
                j += 1 + stop;
                start = j;
                continue;
            }
            let before_comma = raw(j + 1) == ",";
            let opening = leading && at_start && j == i;
            if opening {
                asked.push(j);
            }
            if leading
                && ((opening
                    && !names.is_known(w)
                    && (names.is_common(words, j)
                        || before_comma && !names.is_name_before_comma(words, j)
                        || !name_at(j + 1)
                            && names.is_ordinary(words, j, lex)
                            && !lex.is_org_word(w)))
                    || words.kinds(j).stopword
                        && !(all_caps(w) && w.len() > 1)
                        && (at_start || !NAME_STOPWORDS.contains(&words.lower(j))))
            {
                j += 1;
                start = j;
                if j >= toks.len() || !name_at(j) {
                    break;
                }
                continue;
            }
            if is_possessive(w) {
                j += 1;
                // "St Mary's Hospital": a possessive inside an organisation's name.
                if name_at(j) && lex.is_org_word(raw(j)) {
                    continue;
                }
                break;
            }
            j += 1;
            if j >= toks.len() {
                break;
            }
            if name_at(j) {
                continue;
            }
            // Not "of" after a titled person: "Prof Hannah Okafor of Lindfield University" is
            // a person and her employer.
            if CONNECTORS.contains(&words.lower(j))
                && j + 1 < toks.len()
                && name_at(j + 1)
                && !is_possessive(raw(j - 1))
                && !(titled && words.lower(j) == "of")
            {
                j += 1;
                continue;
            }
            // "Health and Safety Executive (HSE)", "Pacific Gas and Electric Co.".
            if words.lower(j) == "and" && and_joins_organisation(words, start, j, lex) {
                j += 1;
                continue;
            }
            // An initial: "Dale R. Hutchings", "J. Smith", "U.S. Army".
            if raw(j) == "."
                && raw(j - 1).len() == 1
                && raw(j - 1).bytes().all(|b| b.is_ascii_uppercase())
                && name_at(j + 1)
            {
                j += 1;
                continue;
            }
            break;
        }
        // A code ends its run, the number after it being no name word: drop it.
        if j > start && is_code(toks, j - 1, raw(j - 1)) {
            j -= 1;
        }
        if start < j {
            push_run(text, toks, words, start..j, from, lex, &mut out, name_words);
        }
        i = j.max(i + 1);
    }
    for idx in 0..out.len() {
        // Read from the other mentions' places, not from what is attached to them.
        out[idx].attached = attached(text, toks, words, &out, idx, lex);
    }
    out
}

/// The first token of `range` that can be part of a name ([`Entry::name_word`]). Kept out of
/// line: in its own small loop the word table stays in registers, where in [`mentions`] it did
/// not.
#[inline(never)]
fn next_name_word(words: Words<'_, '_>, range: Range<usize>) -> Option<usize> {
    range
        .into_iter()
        .find(|&k| words.get(k).is_some_and(|e| e.name_word))
}

/// Last words of a company's or foundation's name, which make one organisation of names joined
/// by "and" ("Pacific Gas and Electric Co.", "Bill and Melinda Gates Foundation").
const COMPANY_ENDINGS: [&str; 10] = [
    "co",
    "company",
    "corp",
    "corporation",
    "foundation",
    "inc",
    "llc",
    "llp",
    "ltd",
    "plc",
];

/// True when "and" at token `and`, after the capitalised words from `start`, joins one
/// organisation's name: at most three words before it, none an organisation's word, and
/// the capitalised words after it end the name with a company's ending, or with an acronym
/// in brackets whose letters are the name's initials ("Health and Safety Executive (HSE)").
/// Two names joined by "and" otherwise stay two ("Labour and Conservative Party members").
fn and_joins_organisation(words: Words<'_, '_>, start: usize, and: usize, lex: &Lexicon) -> bool {
    let capital = |k: usize| is_capitalized(words.raw(k));
    if and - start > 3 || and == start || (start..and).any(|k| lex.is_org_word(words.raw(k))) {
        return false;
    }
    let mut last = and;
    let mut k = and + 1;
    while capital(k) || last > and && CONNECTORS.contains(&words.lower(k)) && capital(k + 1) {
        if capital(k) {
            last = k;
        }
        k += 1;
    }
    if last == and || is_possessive(words.raw(last)) {
        return false;
    }
    if COMPANY_ENDINGS.contains(&words.lower(last)) {
        return true;
    }
    let initials: String = (start..=last)
        .filter(|&k| capital(k))
        .filter_map(|k| words.raw(k).chars().next())
        .collect();
    words.raw(last + 1) == "("
        && words.raw(last + 3) == ")"
        && words.raw(last + 2) == initials
        && initials.len() >= 3
}

/// True when token `k`, written `w`, is the capitals of a code glued to its number ("A38",
/// "G7", "Q2", "NV482"), not a name: the tokens split a code's letters from its digits.
fn is_code(toks: &[Token], k: usize, w: &str) -> bool {
    w.len() <= 3
        && toks
            .get(k + 1)
            .is_some_and(|n| n.kind == TokenKind::Number && toks[k].end == n.start)
        && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// True when token `i` opens a sentence or a quote, where ordinary words are capitalised too.
pub(crate) fn opens(text: &str, toks: &[Token], i: usize) -> bool {
    i == 0 || toks[i - 1].kind == TokenKind::Punct && !matches!(toks[i - 1].text(text), "," | "-")
}

/// Adds the mentions of one capitalised run at tokens `run`: a role written as a title is
/// dropped ("Interior Minister Lena Markovic"), an organisation before a role is its own
/// mention ("Acme CEO Jo Bloggs"), and a run that is only a role ("the Health Minister") is
/// no name. `from` is the first token of the titles before the run, when it has any.
/// `name_words` is the caller's room for the run's words, reused: every run needs one, and
/// most runs are found in sentences of their own.
#[allow(clippy::too_many_arguments)]
fn push_run<'a>(
    text: &'a str,
    toks: &[Token],
    words: Words<'_, '_>,
    run: Range<usize>,
    from: Option<usize>,
    lex: &Lexicon,
    out: &mut Vec<Mention>,
    name_words: &mut Vec<&'a str>,
) {
    let (start, j) = (run.start, run.end);
    // Tokens written together are one word: an initial and its stop ("Dale R. Hutchings",
    // "U.S. Army").
    name_words.clear();
    let mut word_start = 0;
    // True when the words are written one space apart, as a name joins them.
    let mut spaced = true;
    for (k, t) in toks[run].iter().enumerate() {
        if k > 0 {
            let gap = toks[start + k - 1].end..t.start;
            if gap.is_empty() {
                if let Some(last) = name_words.last_mut() {
                    *last = &text[word_start..t.end];
                }
                continue;
            }
            spaced &= gap.len() == 1 && text.as_bytes()[gap.start] == b' ';
        }
        word_start = t.start;
        name_words.push(t.text(text));
    }
    let last = name_words.len() - 1;
    let possessive = is_possessive(name_words[last]);
    name_words[last] = strip_possessive(name_words[last]);
    let name_words: &[&str] = name_words;
    // The name words from word `k` on, joined by spaces: borrowed from the text when it has
    // them so (word `k` starts a space after each word before it; none when `k` is past the
    // last, which ends at `end`), and copied only for a run kept as a mention.
    let end = word_start + name_words[last].len();
    let joined_from = |k: usize| -> Cow<'_, str> {
        if spaced {
            let before: usize = name_words[..k].iter().map(|w| w.len() + 1).sum();
            let name = &text[(toks[start].start + before).min(end)..end];
            debug_assert_eq!(name, name_words[k..].join(" "));
            Cow::Borrowed(name)
        } else {
            Cow::Owned(name_words[k..].join(" "))
        }
    };
    // What the lexicon says of name word `k`: its token's kinds, asked once per distinct word,
    // when the word is its token as written (most are); asked afresh of an initial joined to
    // its stop ("R.", "U.S."), and once of the last word without its "'s".
    let fresh = |w: &str| Kinds::of(lex, w, &lower(w), &word_key(w));
    let merged = name_words.len() < j - start;
    let stripped = possessive.then(|| fresh(name_words[last]));
    let kinds = |k: usize| match stripped {
        Some(kinds) if k == last => kinds,
        _ if merged => fresh(name_words[k]),
        _ => words.kinds(start + k),
    };
    // Whether a word after the first is a role word: most runs have none, and need no test
    // for a role inside them, nor for one that leads them unless the first word is a title or
    // a role word.
    let later_role = (1..name_words.len()).any(|k| kinds(k).role_word);
    debug_assert!(later_role || inner_role(name_words, &kinds, lex).is_none());
    if later_role && let Some((p, n)) = inner_role(name_words, &kinds, lex) {
        // A lone organisation word before a role is a description: "Union boss Jo Bloggs".
        if !(p == 1 && lex.is_org_word(name_words[0])) {
            // "Austrian Foreign Minister Anja Rudic": the minister of Austria.
            let country = (p == 1)
                .then(|| lex.demonym_country(name_words[0]))
                .flatten();
            out.push(Mention {
                from: from.unwrap_or(start),
                start,
                end: start + p,
                name: country.map_or_else(|| name_words[..p].join(" "), str::to_owned),
                titled: false,
                possessive: false,
                org: true,
                attached: None,
            });
        }
        if p + n < name_words.len() {
            out.push(Mention {
                from: start + p + n,
                start: start + p + n,
                end: j,
                name: joined_from(p + n).into_owned(),
                titled: true,
                possessive,
                org: false,
                attached: None,
            });
        }
        return;
    }
    let first = kinds(0);
    let (skip, role_titled) = if later_role || first.role_word || first.title {
        leading_role(name_words, &kinds, lex)
    } else {
        debug_assert_eq!(leading_role(name_words, &kinds, lex), (0, false));
        (0, false)
    };
    let skip = skip
        + name_words[skip..]
            .iter()
            .take_while(|w| is_one_of(w, &CONNECTORS))
            .count();
    let rest = &name_words[skip..];
    // A lone organisation word before a role is a description: "Union boss Jo Bloggs".
    if rest.len() == 1
        && (words.kinds(j).role || role_len_at(words, j, lex) > 0)
        && lex.is_org_word(rest[0])
    {
        return;
    }
    // "American officials", "two French nationals": a nationality alone names no one.
    if rest.len() == 1 && lex.demonym_country(rest[0]).is_some() {
        return;
    }
    let name = joined_from(skip);
    let lone_title = rest.len() == 1 && kinds(skip).title;
    if name.is_empty()
        || lone_title
        || is_time_word(&name, rest, words.get(j - 1))
        || is_role_run(name_words, skip, &kinds, lex)
    {
        return;
    }
    out.push(Mention {
        from: from.unwrap_or(start + skip).min(start + skip),
        start: start + skip,
        end: j,
        name: name.into_owned(),
        titled: from.is_some() || role_titled,
        possessive,
        org: false,
        attached: None,
    });
}

/// True when a name, the words `rest` of a capitalised run whose last token's entry is `last`,
/// is a month or weekday name ([`crate::time::is_time_word`]). Only a name of one word can be:
/// the entry's time word answers for the word as written (not possessive, no stop after it),
/// unless its "'s" was dropped ("March's plans") or it is an initial joined to its stop,
/// which the time table is asked of.
fn is_time_word(name: &str, rest: &[&str], last: Option<&Entry<'_>>) -> bool {
    if rest.len() != 1 {
        debug_assert!(!crate::time::is_time_word(name), "{name}");
        return false;
    }
    match last {
        Some(e) if e.form == name && e.time_form.len() == name.len() && !name.ends_with('.') => {
            let is = e.time.is_some_and(|t| t.names(name));
            debug_assert_eq!(is, crate::time::is_time_word(name), "{name}");
            is
        }
        _ => crate::time::is_time_word(name),
    }
}

/// True when an age in commas follows token `end` ("Maureen Hallam, 67, from …", "…, 67.").
fn apposed_age(text: &str, toks: &[Token], end: usize) -> bool {
    let tok = |k: usize| toks.get(k).map(|t| t.text(text));
    tok(end) == Some(",")
        && toks.get(end + 1).is_some_and(|t| {
            t.kind == TokenKind::Number && t.text(text).parse::<u8>().is_ok_and(|n| n <= 120)
        })
        && matches!(tok(end + 2), Some("," | "." | ";") | None)
}

/// A role inside a capitalised run after its first word ("Acme CEO"): its position and length.
/// Not before words that name an organisation: "Northmere General Hospital". `kinds` says
/// what the lexicon says of each word ([`push_run`]).
fn inner_role(
    words: &[&str],
    kinds: &impl Fn(usize) -> Kinds,
    lex: &Lexicon,
) -> Option<(usize, usize)> {
    (1..words.len()).find_map(|p| {
        (1..=3.min(words.len() - p)).rev().find_map(|n| {
            // The role first: most names have none, and need no other test.
            if !is_role_words(words, p..p + n, kinds, lex) {
                return None;
            }
            let rest = &words[p + n..];
            let names_organisation = !rest.is_empty() && rest.iter().all(|w| lex.is_org_word(w));
            let longer = is_role_words(words, p - 1..p + n, kinds, lex)
                || n == 1 && portfolio(words[p - 1], words[p], lex);
            (!longer && !names_organisation).then_some((p, n))
        })
    })
}

/// How many leading words of a name form a role ("Prime Minister"), and whether they do;
/// `kinds` says what the lexicon says of each word ([`push_run`]).
fn leading_role(words: &[&str], kinds: &impl Fn(usize) -> Kinds, lex: &Lexicon) -> (usize, bool) {
    let found = (1..words.len()).rev().find(|&n| {
        is_role_words(words, 0..n, kinds, lex)
            || n == 1 && kinds(0).title
            // "Interior Minister": a capitalised word before a role word.
            || n >= 2 && kinds(n - 1).role
    });
    // An organisation's name may begin with a role word: "General Medical Council". Asked
    // last: most names begin with none.
    match found {
        Some(n) if !words.last().is_some_and(|w| lex.is_org_word(w)) => (n, true),
        _ => (0, false),
    }
}

fn kind_of(name: &str, titled: bool, lex: &Lexicon) -> ActorKind {
    // An acronym: one word (a space is neither a capital nor a digit) of two or more.
    let acronym =
        || name.len() >= 2 && name.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    if name.split(' ').any(|w| lex.is_org_word(w)) || acronym() {
        ActorKind::Organisation
    } else if titled {
        ActorKind::Person
    } else {
        ActorKind::Unknown
    }
}

/// The word after the last space of a name ("Bloggs" of "Jo Bloggs"); `None` for a name of
/// one word. Names are short: a loop over their bytes finds the space sooner than a string
/// searcher.
fn last_word(name: &str) -> Option<&str> {
    name.bytes()
        .rposition(|b| b == b' ')
        .map(|at| &name[at + 1..])
}

/// The people given one role in a document, positions as (sentence, token).
#[derive(Debug)]
struct RoleHolders {
    /// The first person given the role, and where.
    name: String,
    first: (usize, usize),
    /// Where a different person is first given it.
    second: Option<(usize, usize)>,
}

/// A name as first collected, before aliases are linked: a mention, its sentence, and what
/// the sentence says of it.
struct Seen<'m> {
    sentence: usize,
    mention: &'m Mention,
    /// Named before a role ("Acme CEO") or owning a place ("Acme's office").
    org_like: bool,
    /// An age follows it in commas ("Maureen Hallam, 67, from Castlebridge").
    aged: bool,
}

impl Seen<'_> {
    fn name(&self) -> &str {
        &self.mention.name
    }

    /// A title, role or age stands next to it: a person's name.
    fn titled(&self) -> bool {
        self.mention.titled || !self.mention.roles().is_empty() || self.aged
    }
}

impl<'t> NameTable<'t> {
    /// Collects every name in the document and links surnames, short forms and acronyms to
    /// full names. Returns the table and each sentence's names read with it ([`mentions`]).
    /// `common_words` are the [`word_key`]s of the words that start with a lower-case letter
    /// (a capitalised word written so elsewhere is an ordinary word, not a name), and
    /// `capitalised` those of the words written capitalised where no sentence or quote opens.
    /// The table keeps each sentence's `words` for the readers after it ([`NameTable::words`]).
    pub(crate) fn build(
        text: &'t str,
        sentences: &[Sentence],
        words: Vec<Words<'t, 't>>,
        lex: &Lexicon,
        common_words: HashSet<&'t str>,
        capitalised: HashSet<&'t str>,
    ) -> (Self, Vec<Vec<Mention>>) {
        let mut table = Self {
            common_words,
            capitalised,
            words,
            ..Self::default()
        };
        let mut acronyms: Vec<(String, String)> = Vec::new();
        let mut read = Vec::with_capacity(sentences.len());
        // The tokens asked whether they are known surnames, and where each sentence's end.
        let mut asked = Vec::new();
        let mut asked_ends = Vec::with_capacity(sentences.len());
        let mut name_words = Vec::new();
        for s in sentences {
            let ms = mentions(
                text,
                s,
                table.words(s),
                lex,
                &table,
                &mut asked,
                &mut name_words,
            );
            acronyms.extend(defined_acronyms(text, &s.tokens, &ms));
            read.push(ms);
            asked_ends.push(asked.len());
        }
        // A name is a person's when a title or a role stands before it, or an age after it.
        let mut all: Vec<Seen<'_>> = Vec::with_capacity(read.iter().map(Vec::len).sum());
        for (si, (s, ms)) in sentences.iter().zip(&read).enumerate() {
            // Organisations that people's roles belong to ("Acme's chief executive").
            let employers: HashSet<&str> = ms
                .iter()
                .filter_map(Mention::employer)
                .map(|k| ms[k].name.as_str())
                .collect();
            for m in ms {
                all.push(Seen {
                    sentence: si,
                    mention: m,
                    org_like: m.org
                        || employers.contains(m.name.as_str())
                        || m.possessive && owns_place(text, &s.tokens, m.end, lex),
                    aged: apposed_age(text, &s.tokens, m.end),
                });
            }
        }
        // Every name once, in order of first mention, titled when any mention of it is, and
        // org-like likewise; each mention's name by its index there (`name_of`). One lookup by
        // hash per mention keeps this linear.
        // Sized once for every mention: the tables would otherwise grow, and rehash.
        let mut mentioned: HashMap<&str, usize> =
            HashMap::with_capacity_and_hasher(all.len(), Default::default());
        let mut names: Vec<(&str, bool)> = Vec::new();
        let mut org_like: Vec<bool> = Vec::new();
        let mut name_of = Vec::with_capacity(all.len());
        for seen in &all {
            let k = *mentioned.entry(seen.name()).or_insert_with(|| {
                names.push((seen.name(), false));
                org_like.push(false);
                names.len() - 1
            });
            names[k].1 |= seen.titled();
            org_like[k] |= seen.org_like;
            name_of.push(k);
        }
        // Full personal names by the name they end with ("Bloggs" -> "Jo Bloggs", and
        // "Jo Bloggs" for "Mr Jo Bloggs"); the first full name wins.
        let mut by_surname: HashMap<&str, &str> = HashMap::default();
        table.kinds.reserve(names.len());
        for (&(name, titled), &org_like) in names.iter().zip(&org_like) {
            let mut kind = kind_of(name, titled, lex);
            if kind == ActorKind::Unknown && org_like {
                kind = ActorKind::Organisation;
            }
            let surname = last_word(name);
            // A full name whose surname is used alone elsewhere is a person's ("Bloggs").
            if kind == ActorKind::Unknown && surname.is_some_and(|s| mentioned.contains_key(s)) {
                kind = ActorKind::Person;
            }
            table.kinds.insert(name.to_owned(), kind);
            if let Some(surname) = surname.filter(|_| kind == ActorKind::Person) {
                by_surname.entry(surname).or_insert(name);
            }
        }
        for &(name, titled) in &names {
            // Surname or title + surname: link to the full name that ends with it.
            let last = last_word(name).unwrap_or(name);
            match by_surname.get(last) {
                Some(full)
                    if *full != name
                        && full
                            .strip_suffix(name)
                            .is_some_and(|head| head.ends_with(' ')) =>
                {
                    table.canonical.insert(name.to_owned(), (*full).to_owned());
                }
                // Every name has its kind from the loop above.
                _ if titled => {
                    if let Some(kind) = table.kinds.get_mut(name) {
                        *kind = ActorKind::Person;
                    }
                }
                _ => {}
            }
        }
        table.surnames = by_surname
            .iter()
            .map(|(s, full)| ((*s).to_owned(), (*full).to_owned()))
            .collect();
        // A surname alone stands for the full name too, unless it is linked already: one map
        // answers [`NameTable::canonical`], which the readers ask of every mention.
        for (surname, full) in &table.surnames {
            if !table.canonical.contains_key(surname) {
                table.canonical.insert(surname.clone(), full.clone());
            }
        }
        // A longer organisation name that begins with a known shorter one: "Acme Technologies
        // UK" and "Acme" are one actor, and so are "Norvale Systems Inc" and "Norvale
        // Systems" (the shortest such name is the actor's).
        for &(name, _) in &names {
            if table.kinds.get(name) == Some(&ActorKind::Person) {
                continue;
            }
            // Only when the rest is a legal or corporate suffix: "Harbour Trust" is not "NHS".
            let short = name.match_indices(' ').find_map(|(at, _)| {
                let (head, rest) = (&name[..at], &name[at + 1..]);
                let suffix = rest.split(' ').all(|w| {
                    lex.is_org_word(w)
                        || (w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
                });
                (suffix && mentioned.contains_key(head)).then_some(head)
            });
            if let Some(head) = short {
                // The short name is an organisation when the long one is ("Inc").
                if table.kinds.get(name) == Some(&ActorKind::Organisation) {
                    table.kinds.insert(head.to_owned(), ActorKind::Organisation);
                }
                table.canonical.insert(name.to_owned(), head.to_owned());
            }
        }
        // Acronyms defined in the text: "the British Medical Association (BMA)".
        for (short, full) in acronyms {
            let full = table.canonical(&full).to_owned();
            table.kinds.insert(full.clone(), ActorKind::Organisation);
            table.kinds.insert(short.clone(), ActorKind::Organisation);
            table.canonical.insert(short, full);
        }
        // Each name's canonical form and kind, looked up once however often it is mentioned.
        let resolved: Vec<(&str, ActorKind)> = names
            .iter()
            .map(|&(name, _)| {
                let canon = table.canonical(name);
                (canon, table.kind(canon))
            })
            .collect();
        let mut organisations = Vec::new();
        let mut role_holders: HashMap<String, RoleHolders> = HashMap::default();
        for (seen, k) in all.iter().zip(name_of) {
            let (canon, kind) = resolved[k];
            match kind {
                ActorKind::Organisation
                    if organisations
                        .last()
                        .is_none_or(|(s, name)| *s != seen.sentence || name != canon) =>
                {
                    organisations.push((seen.sentence, canon.to_owned()));
                }
                ActorKind::Person if !seen.mention.roles().is_empty() => {
                    let canon = canon.to_owned();
                    let at = (seen.sentence, seen.mention.start);
                    for role in seen.mention.roles() {
                        // The role and its last words: "interior minister", "minister".
                        let keys = role
                            .match_indices(' ')
                            .map(|(i, _)| &role[i + 1..])
                            .chain([role.as_str()]);
                        for key in keys {
                            let holders =
                                role_holders
                                    .entry(key.to_owned())
                                    .or_insert_with(|| RoleHolders {
                                        name: canon.clone(),
                                        first: at,
                                        second: None,
                                    });
                            if holders.name != canon && holders.second.is_none() {
                                holders.second = Some(at);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        table.organisations = organisations;
        table.role_holders = role_holders;
        // The names above were read before any surname was known. The finished table reads
        // a sentence differently only where a word it was asked of is a known surname now:
        // read those sentences again.
        let mut asked_from = 0;
        let mut again = Vec::new();
        for ((s, ms), asked_end) in sentences.iter().zip(&mut read).zip(asked_ends) {
            let words = table.words(s);
            let known = asked[asked_from..asked_end]
                .iter()
                .any(|&i| table.is_known(words.raw(i)));
            asked_from = asked_end;
            if known {
                *ms = mentions(text, s, words, lex, &table, &mut again, &mut name_words);
            } else {
                debug_assert!(
                    *ms == mentions(text, s, words, lex, &table, &mut again, &mut name_words)
                );
            }
        }
        (table, read)
    }

    /// The words of sentence `s`.
    pub(crate) fn words(&self, s: &Sentence) -> Words<'_, 't> {
        self.words[s.index]
    }

    /// The canonical name of a mention.
    pub(crate) fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.canonical.get(name).map_or(name, String::as_str)
    }

    /// The kind of a name.
    pub(crate) fn kind(&self, name: &str) -> ActorKind {
        self.kind_of_canonical(name, self.canonical(name))
    }

    /// The kind of a name whose canonical form `canon` the caller has looked up already.
    fn kind_of_canonical(&self, name: &str, canon: &str) -> ActorKind {
        self.kinds
            .get(canon)
            .or_else(|| self.kinds.get(name))
            .copied()
            .unwrap_or(ActorKind::Unknown)
    }

    /// True when token `i` of `words` is a common word, capitalised or not: its [`word_key`]
    /// is written in lower case elsewhere in the document, or it is a stopword or an event
    /// word.
    pub(crate) fn is_common(&self, words: Words<'_, '_>, i: usize) -> bool {
        // The word table's answers before the lookup: most words that open a sentence are
        // stopwords ("The", "In").
        words.kinds(i).stopword
            || words.get(i).is_some_and(|e| e.event.is_some())
            || self.common_words.contains(words.key(i))
    }

    /// True when token `i`, capitalised where a sentence or quote opens, is an ordinary word
    /// there ("Firefighters said", "Shares fell", "Four candidates stood"): a number word, or
    /// a dictionary word ([`Lexicon::is_common_word`]), that the document never capitalises
    /// elsewhere ("Quill" is a name in a report that names Sarah Quill). Not an acronym
    /// ("SEND", "US"), an owner ("Acme's chief executive") or a word in brackets ("(Labour)").
    fn is_ordinary(&self, words: Words<'_, '_>, i: usize, lex: &Lexicon) -> bool {
        let key = words.key(i);
        let raw = words.raw(i);
        let excluded = all_caps(raw)
            || is_possessive(raw)
            || i > 0 && matches!(words.raw(i - 1), "(" | "[")
            || self.capitalised.contains(key);
        !excluded && (words.get(i).is_some_and(|e| e.number_lead) || lex.is_common_word(key))
    }

    /// True when token `i`, opening a sentence before a comma, is a name there: a word the
    /// document also capitalises where no sentence or quote opens ("Brisco, 71, said" in a
    /// report that names Walter Brisco; "Halbrook, which employs 180 people"), not in
    /// capitals (a dateline: "KESSALY, Orvane —").
    fn is_name_before_comma(&self, words: Words<'_, '_>, i: usize) -> bool {
        self.capitalised.contains(words.key(i)) && !all_caps(words.raw(i))
    }

    /// True when a word is the surname of a person named in full in the document.
    fn is_known(&self, word: &str) -> bool {
        self.surnames.contains_key(word)
    }

    /// The one person given `role` before token `at` of sentence `sentence` ("the minister"
    /// after "Interior Minister Lena Markovic"); none when no one or several people were.
    fn person_with_role(&self, role: &str, sentence: usize, at: usize) -> Option<&str> {
        let holders = self.role_holders.get(role)?;
        let here = (sentence, at);
        (holders.first < here && holders.second.is_none_or(|s| s >= here))
            .then_some(holders.name.as_str())
    }

    /// The organisation that a description such as "the company" or "the union" stands for in
    /// sentence `sentence`: one named in it or the few sentences before whose name contains
    /// the noun, or, for a generic noun ("company", "firm"), the only organisation named in
    /// the latest of those sentences that names one.
    pub(crate) fn organisation_for(&self, noun: &str, sentence: usize) -> Option<&str> {
        let lowered = lower(noun);
        let noun = crate::lexicon::singular(&lowered);
        // Organisations are in sentence order: binary searches keep lookups cheap.
        let orgs = &self.organisations;
        let near = &orgs[orgs.partition_point(|(si, _)| si + ORGANISATION_REACH < sentence)
            ..orgs.partition_point(|(si, _)| *si <= sentence)];
        if let Some((_, n)) = near
            .iter()
            .rev()
            .find(|(_, n)| n.split(' ').any(|w| *lower(w) == *noun))
        {
            return Some(n);
        }
        let latest = near.last()?.0;
        let mut named = near
            .iter()
            .filter(|(si, _)| *si == latest)
            .map(|(_, name)| name.as_str());
        let first = named.next()?;
        (GENERIC_ORG_NOUNS.contains(&noun.as_ref()) && named.all(|n| n == first)).then_some(first)
    }
}

/// True when a place head follows token `at`, maybe after a place name ("'s London office").
fn owns_place(text: &str, toks: &[Token], at: usize, lex: &Lexicon) -> bool {
    let head = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && lex.is_place_head(t.text(text)))
    };
    head(at) || toks.get(at).is_some_and(|t| name_word(text, t)) && head(at + 1)
}

/// Acronyms defined next to a name in brackets, as (acronym, full name): "British Medical
/// Association (BMA)" and "BMA (British Medical Association)".
fn defined_acronyms(text: &str, toks: &[Token], ms: &[Mention]) -> Vec<(String, String)> {
    let tok = |k: usize| toks.get(k).map(|t| t.text(text));
    ms.windows(2)
        .filter(|w| {
            tok(w[0].end) == Some("(") && w[1].start == w[0].end + 1 && tok(w[1].end) == Some(")")
        })
        .filter_map(|w| {
            let (a, b) = (&w[0].name, &w[1].name);
            if abbreviates(b, a) {
                Some((b.clone(), a.clone()))
            } else {
                abbreviates(a, b).then(|| (a.clone(), b.clone()))
            }
        })
        .collect()
}

/// True when `short` is an acronym of `name`: one word of at least two capitals whose letters
/// are the initials of the name's words in order, every capitalised word's included and small
/// words such as "of" optional ("NURW" for "National Union of Rail Workers", "TfL" for
/// "Transport for London").
fn abbreviates(short: &str, name: &str) -> bool {
    let letters: Vec<char> = short.chars().flat_map(char::to_lowercase).collect();
    let capitals = short.chars().filter(|c| c.is_uppercase()).count();
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if capitals < 2
        || words.len() < 2
        || !short.chars().all(char::is_alphabetic)
        || !short.chars().next().is_some_and(char::is_uppercase)
    {
        return false;
    }
    let mut next = 0;
    for w in words {
        let Some(initial) = w.chars().next() else {
            continue;
        };
        if letters
            .get(next)
            .is_some_and(|l| initial.to_lowercase().eq([*l]))
        {
            next += 1;
        } else if initial.is_uppercase() {
            return false;
        }
    }
    next == letters.len()
}

/// True when a role phrase stands right before token `start` of sentence `s` ("manager Ian
/// Doherty").
pub(crate) fn has_role_before(
    s: &Sentence,
    names: &NameTable<'_>,
    start: usize,
    lex: &Lexicon,
) -> bool {
    role_before(&s.tokens, names.words(s), start, lex).is_some()
}

/// The lower-case words of tokens `range`, joined by spaces (into a string of their size).
fn phrase_of(words: Words<'_, '_>, range: Range<usize>) -> String {
    let len = range.clone().map(|k| words.lower(k).len() + 1).sum();
    let mut out = String::with_capacity(len);
    for k in range.clone() {
        if k > range.start {
            out.push(' ');
        }
        out.push_str(words.lower(k));
    }
    out
}

/// The longest role ending just before token `end`, with its start and canonical form; a
/// portfolio role takes the capitalised word before it ("Infrastructure Minister").
fn role_ending(
    toks: &[Token],
    words: Words<'_, '_>,
    end: usize,
    lex: &Lexicon,
) -> Option<(usize, String)> {
    let n = longest_role(words, end, true, 1..=3, lex)?;
    let start = end - n;
    if n == 1
        && start >= 1
        && toks[start - 1].kind == TokenKind::Word
        && portfolio(words.raw(start - 1), words.raw(start), lex)
    {
        return Some((start - 1, phrase_of(words, start - 1..end)));
    }
    Some((start, lex.canonical(&phrase_of(words, start..end))))
}

/// A role phrase ending just before token `end` (exclusive); returns its start and canonical roles.
fn role_before(
    toks: &[Token],
    words: Words<'_, '_>,
    end: usize,
    lex: &Lexicon,
) -> Option<(usize, Vec<String>)> {
    // A role ends with a role word: most names have none before them, and need no more.
    if end == 0 || !words.kinds(end - 1).role_word {
        debug_assert!(role_ending(toks, words, end, lex).is_none());
        return None;
    }
    let (mut k, role) = role_ending(toks, words, end, lex)?;
    let mut roles = vec![role];
    // A role joined before it ("chief executive and founder"), read once: kept for the next
    // turn, not looked for again there.
    while k >= 2
        && matches!(words.raw(k - 1), "and" | "&" | ",")
        && toks[k - 2].kind == TokenKind::Word
        && let Some((s, role)) = role_ending(toks, words, k - 1, lex)
    {
        roles.push(role);
        k = s;
    }
    roles.reverse();
    Some((k, roles))
}

/// A role phrase starting at token `start` ("the chief executive of Acme"): its roles, and
/// the index in `ms` of the organisation's mention, when one is named.
fn role_after(
    toks: &[Token],
    words: Words<'_, '_>,
    start: usize,
    lex: &Lexicon,
    ms: &[Mention],
) -> Option<(Vec<String>, Option<usize>)> {
    let mut k = start;
    if matches!(words.lower(k), "the" | "a" | "an" | "its" | "their") {
        k += 1;
    }
    let mut org = None;
    if let Some(at) = ms.iter().position(|m| m.start == k && m.possessive) {
        org = Some(at);
        k = ms[at].end;
    } else if toks
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Word && is_possessive(words.raw(k)))
    {
        k += 1;
    }
    // Up to two words describing the role: "a product safety researcher", "a retired nurse".
    let describing = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.kind == TokenKind::Word && !is_capitalized(words.raw(j)) && !words.kinds(j).stopword
        })
    };
    // The role found there is read below, not looked for again.
    let mut role = role_from(words, k, lex);
    if role.is_none()
        && let Some((skip, n)) = (1..=2).find_map(|skip| {
            (k..k + skip)
                .all(describing)
                .then(|| role_from(words, k + skip, lex))
                .flatten()
                .map(|n| (skip, n))
        })
    {
        k += skip;
        role = Some(n);
    }
    let mut roles = Vec::new();
    while let Some(n) = role {
        roles.push(lex.canonical(&phrase_of(words, k..k + n)));
        k += n;
        if words.raw(k) != "and" {
            break;
        }
        k += 1;
        role = role_from(words, k, lex);
    }
    // "…at Alder Springs High School, retired teacher Linda Osei said": the role is the next
    // name's, not an apposition.
    if roles.is_empty() || ms.iter().any(|m| m.start == k || m.from == k) {
        return None;
    }
    if org.is_none()
        && matches!(words.raw(k), "of" | "at" | "for")
        && let Some(at) = ms.iter().position(|m| m.start == k + 1 || m.start == k + 2)
    {
        org = Some(at);
    }
    Some((roles, org))
}

/// The roles and organisation written next to a mention, and the token where the phrase
/// starts ("Acme's chief executive Jo Bloggs", "Jo Bloggs, a nurse", "the Health Minister,
/// Jo Bloggs,"). It depends on the sentence's mentions only, not on the names table: it is
/// read once, with the mentions, and kept in each [`Mention`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attached {
    roles: Vec<String>,
    /// The index of the organisation's mention in the sentence's mentions.
    org: Option<usize>,
    start: usize,
}

/// What is written next to mention `idx` of `ms`; `None` when nothing is.
fn attached(
    text: &str,
    toks: &[Token],
    words: Words<'_, '_>,
    ms: &[Mention],
    idx: usize,
    lex: &Lexicon,
) -> Option<Box<Attached>> {
    let m = &ms[idx];
    if m.possessive {
        return None;
    }
    let mut out = Attached {
        roles: Vec::new(),
        org: None,
        start: m.from,
    };
    let tok = |k: usize| toks.get(k).map(|t| t.text(text));
    let before = role_before(toks, words, m.start, lex).or_else(|| {
        // "The Health Minister, Jo Bloggs, said": a role set off by commas before the name.
        let enclosed = m.from >= 2
            && tok(m.from - 1) == Some(",")
            && matches!(tok(m.end), Some("," | "." | ";") | None);
        if !enclosed {
            return None;
        }
        let (rs, roles) = role_before(toks, words, m.from - 1, lex)?;
        // "The Health Minister, Jo Bloggs", "the Redmarsh manager, Helen Corrigan".
        let owner = ms[..idx]
            .iter()
            .rfind(|p| p.end == rs)
            .map_or(rs, |p| p.from);
        let det = owner.checked_sub(1).and_then(tok).map(str::to_lowercase);
        // "The council's chief executive, Paul Whitcombe": an owner in lower case.
        let owned = owner
            .checked_sub(1)
            .and_then(tok)
            .is_some_and(|w| is_possessive(w) && !is_capitalized(w))
            && owner.checked_sub(2).is_some_and(|k| {
                k == 0 || tok(k - 1).is_some_and(|w| w.eq_ignore_ascii_case("the"))
            });
        (owner == 0 || det.as_deref() == Some("the") || owned).then_some((rs, roles))
    });
    if let Some((rs, roles)) = before {
        out.roles = roles;
        out.start = rs.min(m.from);
        // "Regional governor Lidia Varesh", "Retired nurse Joan Amery": an ordinary word
        // opening the sentence before the role modifies it, and is part of the phrase.
        let modifier = rs.checked_sub(1).filter(|&k| {
            toks[k].kind == TokenKind::Word
                && is_capitalized(toks[k].text(text))
                && opens(text, toks, k)
                && !lex.is_stopword(toks[k].text(text))
                && !ms.iter().any(|p| p.end == rs)
        });
        if let Some(k) = modifier {
            out.start = k;
        }
        if let Some(prev) = ms[..idx]
            .iter()
            .rposition(|p| p.end == rs || p.end + 1 == rs && tok(p.end) == Some("the"))
        {
            out.org = Some(prev);
            out.start = ms[prev].from;
        }
    }
    // Apposition after: "Jo Bloggs, Acme's chief executive", "Jo Bloggs, a nurse". After a
    // person's employer ("Prof Hannah Okafor of the University of Lindfield, the study's lead
    // author") it is the person's, not the employer's.
    let person = |p: &Mention| {
        p.titled || !p.org && p.name.contains(' ') && !p.name.split(' ').any(|w| lex.is_org_word(w))
    };
    let org_name = |name: &str| lex.is_org_word(last_word(name).unwrap_or(name));
    // The mention after "of" or "at" (and "the") at token `k`.
    let employer_at = |k: usize| {
        if !matches!(tok(k), Some("of" | "at")) {
            return None;
        }
        let the = tok(k + 1).is_some_and(|w| w.eq_ignore_ascii_case("the"));
        let at = if the { k + 2 } else { k + 1 };
        ms.iter().position(|e| e.start == at && !e.possessive)
    };
    // The mention after "of" or "at" when this one is a person's.
    let employed = employer_at(m.end).filter(|_| person(m));
    // "Professor Anneke Dorsal of Holmstadt University": an organisation there employs the
    // person (a place there is where they are from: "Ann Lee of Leeds").
    if let Some(e) = employed.filter(|&e| org_name(&ms[e].name)) {
        out.org = out.org.or(Some(e));
    }
    let employer = employed.filter(|&e| tok(ms[e].end) == Some(","));
    let employs = ms[..idx]
        .iter()
        .any(|p| employer_at(p.end) == Some(idx) && person(p));
    // An organisation or place takes no role ("at Kesterby General Hospital, a hospital
    // spokeswoman said"): asked only of a name before a comma, where a role could follow.
    let institution =
        || org_name(&m.name) || lex.is_place_head(last_word(&m.name).unwrap_or(&m.name));
    let after = match employer {
        Some(e) => Some(ms[e].end),
        None if employs || tok(m.end) != Some(",") || institution() => None,
        None => Some(m.end),
    };
    if let Some(comma) = after.filter(|&k| tok(k) == Some(","))
        && let Some((roles, org)) = role_after(toks, words, comma + 1, lex, ms)
    {
        let org = org.or(employer);
        for r in roles {
            if !out.roles.contains(&r) {
                out.roles.push(r);
            }
        }
        out.org = out.org.or(org);
    }
    let nothing = out.roles.is_empty() && out.org.is_none() && out.start == m.from;
    (!nothing).then(|| Box::new(out))
}

/// "the minister" standing for the one person given that role earlier in the document: the
/// role phrase after "the" at token `at`, with no name beside it. Returns the token after the
/// phrase, the person's canonical name and the role.
///
/// Callers ask at every token: the test for "the" is inlined into them, and only the few
/// tokens that pass it are read on ([`role_reference_after_the`]).
#[inline(always)]
pub(crate) fn role_reference(
    text: &str,
    s: &Sentence,
    at: usize,
    lex: &Lexicon,
    names: &NameTable<'_>,
) -> Option<(usize, String, String)> {
    if s.tokens.get(at).is_some_and(|t| is_the(text, t)) {
        role_reference_after_the(text, s, at, lex, names)
    } else {
        None
    }
}

/// True when token `t` is "the", whatever its case: compared as bytes, the text not sliced.
#[inline(always)]
fn is_the(text: &str, t: &Token) -> bool {
    t.end - t.start == 3 && text.as_bytes()[t.start..t.end].eq_ignore_ascii_case(b"the")
}

/// The first of the tokens from `from` on that is "the" ([`is_the`]). Kept out of line: its
/// loop over every token is then a small one.
#[inline(never)]
fn next_the(text: &str, toks: &[Token], from: usize) -> Option<usize> {
    let rest = toks.get(from..)?;
    rest.iter().position(|t| is_the(text, t)).map(|p| from + p)
}

/// [`role_reference`] at a token `at` that is "the".
fn role_reference_after_the(
    text: &str,
    s: &Sentence,
    at: usize,
    lex: &Lexicon,
    names: &NameTable<'_>,
) -> Option<(usize, String, String)> {
    let toks = &s.tokens;
    let tok = |k: usize| toks.get(k).map(|t| t.text(text));
    // Not an apposition to a name just before ("Jo Bloggs, the minister").
    if at >= 2 && tok(at - 1) == Some(",") && name_word(text, &toks[at - 2]) {
        return None;
    }
    let words = names.words(s);
    let n = role_from(words, at + 1, lex)?;
    let end = at + 1 + n;
    // Not when a name or an organisation follows ("the minister Jo Bloggs", "the minister
    // for health", "the minister, Jo Bloggs").
    let next = toks.get(end);
    let after_comma = toks.get(end + 1);
    if next.is_some_and(|t| name_word(text, t) || is_possessive(t.text(text)))
        || matches!(tok(end), Some("of" | "for" | "at" | "-"))
        || tok(end) == Some(",") && after_comma.is_some_and(|t| name_word(text, t))
    {
        return None;
    }
    let role = lex.canonical(&phrase_of(words, at + 1..end));
    let person = names.person_with_role(&role, s.index, at)?.to_owned();
    Some((end, person, role))
}

/// Extracts actor facts of one sentence whose names are `ms`.
pub(crate) fn extract(
    text: &str,
    s: &Sentence,
    words: Words<'_, '_>,
    lex: &Lexicon,
    names: &NameTable<'_>,
    ms: &[Mention],
    facts: &mut Vec<Fact>,
) {
    let toks = &s.tokens;
    for m in ms {
        let canon = names.canonical(&m.name);
        let mut kind = names.kind_of_canonical(&m.name, canon);
        let canon = canon.to_owned();
        if !m.roles().is_empty() || kind == ActorKind::Unknown && m.titled {
            kind = ActorKind::Person;
        }
        // "Acme's chairman and co-founder is Peter Thiel".
        if m.possessive
            && let Some((r, _)) = role_after(toks, words, m.start, lex, ms)
        {
            let role_end = toks
                .iter()
                .position(|t| t.start > toks[m.end].start && matches!(t.text(text), "is" | "was"));
            if let Some(next) =
                role_end.and_then(|e| ms.iter().find(|n| n.start > e && n.start <= e + 4))
            {
                let actor = Actor {
                    name: names.canonical(&next.name).to_owned(),
                    kind: ActorKind::Person,
                    roles: r,
                    org: Some(canon.clone()),
                };
                facts.push(actor_fact(text, toks, next.from..next.end, actor));
            }
        }
        let actor = Actor {
            name: canon,
            kind,
            roles: m.roles().to_vec(),
            org: m
                .employer()
                .map(|k| names.canonical(&ms[k].name).to_owned()),
        };
        facts.push(actor_fact(text, toks, m.phrase_start()..m.end, actor));
    }
    // "the minister": a role standing for a person named earlier, read after each "the".
    let mut k = 0;
    while let Some(at) = next_the(text, toks, k) {
        k = at;
        let free = || !ms.iter().any(|m| (m.from..m.end).contains(&(k + 1)));
        match role_reference_after_the(text, s, k, lex, names).filter(|_| free()) {
            Some((end, name, role)) => {
                let actor = Actor {
                    name,
                    kind: ActorKind::Person,
                    roles: vec![role],
                    org: None,
                };
                facts.push(actor_fact(text, toks, k..end, actor));
                k = end;
            }
            None => k += 1,
        }
    }
    let group = group(text, s, words, lex);
    let first_word = ms.iter().all(|m| m.from > 0);
    if group.is_none() && first_word {
        facts.extend(lead_group(text, s, words, lex));
    }
    facts.extend(group);
}

/// A plural noun of people opening the sentence ("Firefighters battled the blaze",
/// "Residents were evacuated"): a group, named by the noun in lower case. The names reader
/// leaves such a word out (see [`NameTable::is_ordinary`]).
fn lead_group(text: &str, s: &Sentence, words: Words<'_, '_>, lex: &Lexicon) -> Option<Fact> {
    let toks = &s.tokens;
    let key = words.key(0);
    let people = toks.first()?.kind == TokenKind::Word
        && is_capitalized(words.raw(0))
        && words.get(1).is_some_and(|e| e.lower_case)
        && *crate::lexicon::singular(key) != *key
        && lex.noun_kind(key) == Some("person");
    if !people {
        return None;
    }
    let name = if lex.has_synonym(key) {
        lex.canonical(key)
    } else {
        key.to_owned()
    };
    let actor = Actor {
        name,
        kind: ActorKind::Group,
        roles: Vec::new(),
        org: None,
    };
    Some(actor_fact(text, toks, 0..1, actor))
}

/// The fact for an actor mentioned at tokens `at`, its value naming roles and organisation.
fn actor_fact(text: &str, toks: &[Token], at: Range<usize>, actor: Actor) -> Fact {
    let span = toks[at.start].start..toks[at.end - 1].end;
    let raw = strip_possessive(&text[span.clone()]).to_owned();
    let span = span.start..span.start + raw.len();
    // "Jo Bloggs: chief executive, founder (Acme)", written into one string of its size.
    let roles: usize = actor.roles.iter().map(|r| r.len() + 2).sum();
    let org = actor.org.as_ref().map_or(0, |o| o.len() + 3);
    let mut value = String::with_capacity(actor.name.len() + roles + org);
    value.push_str(&actor.name);
    for (k, role) in actor.roles.iter().enumerate() {
        value.push_str(if k == 0 { ": " } else { ", " });
        value.push_str(role);
    }
    if let Some(o) = actor.org.as_deref().filter(|_| !actor.roles.is_empty()) {
        value.push_str(" (");
        value.push_str(o);
        value.push(')');
    }
    Fact {
        facet: Facet::Actor,
        span,
        raw,
        value,
        detail: FactValue::Actor(actor),
    }
}

/// The group that does the sentence's first event ("Pro-Palestinian medics have blockaded"),
/// when the lexicon knows the group noun.
fn group(text: &str, s: &Sentence, words: Words<'_, '_>, lex: &Lexicon) -> Option<Fact> {
    // The sentence's event words are known already: most sentences' words are looked up again
    // only when it has one.
    if s.events.is_empty() {
        return None;
    }
    let toks = &s.tokens;
    // A word written in lower case (only words are) that the lexicon gives an event.
    let verb = words
        .iter()
        .position(|e| e.event.is_some() && e.lower_case)?;
    let mut k = verb;
    while k > 0
        && matches!(
            lower(toks[k - 1].text(text)).as_ref(),
            "have"
                | "has"
                | "had"
                | "were"
                | "was"
                | "are"
                | "is"
                | "been"
                | "will"
                | "would"
                | "also"
                | "who"
        )
    {
        k -= 1;
    }
    let end = k;
    let mut start = end;
    while start > 0
        && end - start < 3
        && toks[start - 1].kind == TokenKind::Word
        && !lex.is_stopword(toks[start - 1].text(text))
        && !words.get(start - 1).is_some_and(|e| e.number_lead)
    {
        start -= 1;
    }
    if start == end {
        return None;
    }
    let words: Vec<String> = toks[start..end]
        .iter()
        .map(|t| word_key(t.text(text)).into_owned())
        .collect();
    let canon = (0..words.len()).find_map(|i| {
        let phrase = words[i..].join(" ");
        lex.has_synonym(&phrase)
            .then(|| lex.canonical(&phrase))
            .or_else(|| {
                let single = crate::lexicon::singular(&phrase);
                lex.has_synonym(&single).then(|| lex.canonical(&single))
            })
    })?;
    let span = toks[start].start..toks[end - 1].end;
    Some(Fact {
        facet: Facet::Actor,
        raw: text[span.clone()].to_owned(),
        span,
        value: canon.clone(),
        detail: FactValue::Actor(Actor {
            name: canon,
            kind: ActorKind::Group,
            roles: Vec::new(),
            org: None,
        }),
    })
}

#[cfg(test)]
mod tests {
    use crate::document::{ActorKind, Fact, Source};
    use crate::{Lexicon, parse};

    fn actors(text: &str) -> Vec<String> {
        let lex = Lexicon::embedded();
        let doc = parse(Source::default(), text, &lex);
        doc.sentences
            .iter()
            .flat_map(|s| s.facts.iter())
            .filter_map(Fact::actor)
            .map(|a| {
                let mut v = a.name.clone();
                if !a.roles.is_empty() {
                    v.push_str(&format!(" [{}]", a.roles.join(", ")));
                }
                if let Some(o) = &a.org {
                    v.push_str(&format!(" @{o}"));
                }
                v
            })
            .collect()
    }

    /// Each case: a text and its actor facts, as `raw = value`.
    fn check(cases: &[(&str, &[&str])]) {
        let lex = Lexicon::embedded();
        let mut failures = Vec::new();
        for (text, expected) in cases {
            let doc = parse(Source::default(), text, &lex);
            let got: Vec<String> = doc
                .sentences
                .iter()
                .flat_map(|s| s.facts.iter())
                .filter(|f| f.actor().is_some_and(|a| a.kind != ActorKind::Group))
                .map(|f| format!("{} = {}", f.raw, f.value))
                .collect();
            if got != *expected {
                failures.push(format!(
                    "{text:?}\n  expected {expected:?}\n  got      {got:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn titles_surnames_and_roles_merge_with_full_names() {
        check(&[
            (
                "Interior Minister Lena Markovic spoke. Ms Markovic left. Markovic smiled. The \
                 minister left.",
                &[
                    "Interior Minister Lena Markovic = Lena Markovic: interior minister",
                    "Ms Markovic = Lena Markovic",
                    "Markovic = Lena Markovic",
                    "The minister = Lena Markovic: minister",
                ],
            ),
            (
                "Barack Obama visited. Obama said little.",
                &["Barack Obama = Barack Obama", "Obama = Barack Obama"],
            ),
            (
                "Mayor Robert Keane lost the vote. Keane, 67, conceded.",
                &[
                    "Mayor Robert Keane = Robert Keane: mayor",
                    "Keane = Robert Keane",
                ],
            ),
            (
                "Mrs Justice Okoro ruled. Dr Amir Haddad and Prof. Ada Lind agreed.",
                &[
                    "Mrs Justice Okoro = Okoro: justice",
                    "Dr Amir Haddad = Amir Haddad",
                    "Prof. Ada Lind = Ada Lind",
                ],
            ),
            // A company's name with its legal suffix, and without.
            (
                "Norvale Systems Inc. on Tuesday reported record sales. Norvale Systems said \
                 demand rose.",
                &[
                    "Norvale Systems Inc = Norvale Systems",
                    "Norvale Systems = Norvale Systems",
                ],
            ),
        ]);
    }

    #[test]
    fn role_mentions_need_one_person_with_the_role() {
        check(&[
            // Two ministers: "the minister" could be either.
            (
                "Health Minister Jo Bloggs met Finance Minister Ann Lee. The minister left.",
                &[
                    "Health Minister Jo Bloggs = Jo Bloggs: health minister",
                    "Finance Minister Ann Lee = Ann Lee: finance minister",
                ],
            ),
            // No minister named before.
            ("The minister left. Ann Lee stayed.", &["Ann Lee = Ann Lee"]),
            // A role with its own complement or name is not a reference.
            (
                "Mayor Jo Bloggs spoke. The mayor of Dunmore and the mayor Ann Lee were absent.",
                &[
                    "Mayor Jo Bloggs = Jo Bloggs: mayor",
                    "Dunmore = Dunmore",
                    "mayor Ann Lee = Ann Lee: mayor",
                ],
            ),
        ]);
    }

    #[test]
    fn names_after_titles_and_roles() {
        check(&[
            (
                "Labour MP Luciana Berger spoke.",
                &[
                    "Labour = Labour",
                    "Labour MP Luciana Berger = Luciana Berger: mp (Labour)",
                ],
            ),
            (
                "Chief Executive Anna Lind said nothing. Foreign Secretary David Lammy flew in.",
                &[
                    "Chief Executive Anna Lind = Anna Lind: chief executive",
                    "Foreign Secretary David Lammy = David Lammy: foreign secretary",
                ],
            ),
            (
                "Energy Minister Teodor Halvik ordered checks. The Transport Secretary, \
                 Ada Moss, resigned.",
                &[
                    "Energy Minister Teodor Halvik = Teodor Halvik: energy minister",
                    "Transport Secretary, Ada Moss = Ada Moss: transport secretary",
                ],
            ),
            (
                "Union boss Maureen Cobb spoke.",
                &["Union boss Maureen Cobb = Maureen Cobb: boss"],
            ),
            (
                "Professor Alan Greaves, a cardiologist at St Mary's Hospital, spoke.",
                &[
                    "Professor Alan Greaves = Alan Greaves: professor, cardiologist (St Mary's \
                     Hospital)",
                    "St Mary's Hospital = St Mary's Hospital",
                ],
            ),
            (
                "The General Medical Council met.",
                &["General Medical Council = General Medical Council"],
            ),
        ]);
    }

    /// Capitals glued to a number are a code, not a name; an acronym alone still is one.
    #[test]
    fn codes_are_not_names() {
        check(&[
            (
                "The crash happened on the A38 near Lydney.",
                &["Lydney = Lydney"],
            ),
            ("The G7 summit opened in Rome.", &["Rome = Rome"]),
            ("The flight NV482 landed safely.", &[]),
            ("The BBC reported the crash.", &["BBC = BBC"]),
            // A name that opens a sentence before a comma, capitalised elsewhere in the
            // document; not a dateline in capitals.
            (
                "Walter Brisco leads the company. Brisco, 71, said so.",
                &["Walter Brisco = Walter Brisco", "Brisco = Walter Brisco"],
            ),
            (
                "KESSALY, Orvane — A ferry sank near Kessaly.",
                &["Orvane = Orvane", "Kessaly = Kessaly"],
            ),
            // Stopwords that start names inside a sentence; the pronoun "I" is none.
            (
                "Rain fell, the Met Office said, in New York, and I saw Mrs May.",
                &[
                    "Met Office = Met Office",
                    "New York = New York",
                    "Mrs May = May",
                ],
            ),
            // A role word before an organisation's word is part of its name.
            (
                "She was taken to Kessaly General Hospital.",
                &["Kessaly General Hospital = Kessaly General Hospital"],
            ),
            // Initials keep their stops.
            (
                "Dale R. Hutchings, 54, pleaded guilty. Hutchings resigned.",
                &[
                    "Dale R. Hutchings = Dale R. Hutchings",
                    "Hutchings = Dale R. Hutchings",
                ],
            ),
            ("The U.S. Army left.", &["U.S. Army = U.S. Army"]),
            // "&" joins one name.
            (
                "They work at the Hobbs & Lane Bakery.",
                &["Hobbs & Lane Bakery = Hobbs & Lane Bakery"],
            ),
        ]);
    }

    #[test]
    fn acronyms_defined_in_brackets() {
        check(&[
            (
                "The British Medical Association (BMA) objected. The BMA said no.",
                &[
                    "British Medical Association = British Medical Association",
                    "BMA = British Medical Association",
                    "BMA = British Medical Association",
                ],
            ),
            (
                "The GMC (General Medical Council) met. A GMC panel ruled.",
                &[
                    "GMC = General Medical Council",
                    "General Medical Council = General Medical Council",
                    "GMC = General Medical Council",
                ],
            ),
            (
                "The National Union of Rail Workers (NURW) and Transport for London (TfL) met.",
                &[
                    "National Union of Rail Workers = National Union of Rail Workers",
                    "NURW = National Union of Rail Workers",
                    "Transport for London = Transport for London",
                    "TfL = Transport for London",
                ],
            ),
            // Brackets that hold no acronym of the name.
            (
                "Jo Bloggs (Labour) won. The Harbour Trust (HMT) lost.",
                &[
                    "Jo Bloggs = Jo Bloggs",
                    "Labour = Labour",
                    "Harbour Trust = Harbour Trust",
                    "HMT = HMT",
                ],
            ),
        ]);
    }

    #[test]
    fn ordinary_words_opening_a_sentence_are_no_names() {
        check(&[
            ("Shares fell 5% on Monday.", &[]),
            ("Temperatures reached 40C, forecasters said.", &[]),
            ("Around 200 people came. Nobody was hurt.", &[]),
            // Quote-initial too.
            ("She said: \"Analysts expected more.\"", &[]),
            // A capitalised run is read whole: its first word may be a dictionary word.
            ("Red Cross staff arrived.", &["Red Cross = Red Cross"]),
            // A name the document capitalises elsewhere, an owner, an acronym, a word in
            // brackets.
            (
                "Quill won. Voters backed Sarah Quill.",
                &["Quill = Sarah Quill", "Sarah Quill = Sarah Quill"],
            ),
            ("Acme's staff walked out.", &["Acme = Acme"]),
            ("SEND funding rose.", &["SEND = SEND"]),
            (
                "Jo Bloggs (Labour) won.",
                &["Jo Bloggs = Jo Bloggs", "Labour = Labour"],
            ),
            // A dictionary word that is also a place's name: a name when the document
            // capitalises it elsewhere.
            (
                "Bath council met. It serves Bath.",
                &["Bath = Bath", "Bath = Bath"],
            ),
            ("Baker shops closed.", &["Baker = Baker"]),
            ("Four candidates stood.", &[]),
            ("Forty-six people are dead.", &[]),
            // Units glued to numbers, and one-letter stopwords, are no names either.
            ("It hit 41.3C and 93F, and I left.", &[]),
            ("DUNMORE, Nov. 12 - A truck crashed.", &[]),
            // An ordinary word before a role is part of the role phrase.
            (
                "Regional governor Lidia Varesh spoke.",
                &["Regional governor Lidia Varesh = Lidia Varesh: governor"],
            ),
            // A word of rank before a role is part of the role, not an organisation.
            (
                "It was led by Deputy Foreign Minister Oleh Marchuk.",
                &["Deputy Foreign Minister Oleh Marchuk = Oleh Marchuk: deputy foreign minister"],
            ),
            (
                "The goal came from midfielder Kieran Osei.",
                &["midfielder Kieran Osei = Kieran Osei: midfielder"],
            ),
            // "and" inside one organisation's name, not between two names.
            (
                "The Health and Safety Executive (HSE) is investigating.",
                &[
                    "Health and Safety Executive = Health and Safety Executive",
                    "HSE = Health and Safety Executive",
                ],
            ),
            (
                "The Bill and Melinda Gates Foundation gave money.",
                &["Bill and Melinda Gates Foundation = Bill and Melinda Gates Foundation"],
            ),
            (
                "Smith and Jones spoke.",
                &["Smith = Smith", "Jones = Jones"],
            ),
            // A name and a participle make an adjective, not a name.
            ("The Irish-owned firm hired a Polish-born chef.", &[]),
            // Contractions open quotes; names may have apostrophes.
            (
                "\"I've seen it,\" said Sean O'Brien.",
                &["Sean O'Brien = Sean O'Brien"],
            ),
            // A nationality alone names no one; before a role it names the country.
            (
                "American officials said two French nationals were hurt.",
                &[],
            ),
            (
                "Austrian Foreign Minister Anja Rudic spoke.",
                &[
                    "Austrian = Austria",
                    "Austrian Foreign Minister Anja Rudic = Anja Rudic: foreign minister (Austria)",
                ],
            ),
        ]);
    }

    #[test]
    fn plural_people_nouns_opening_a_sentence_are_groups() {
        let lex = Lexicon::embedded();
        let groups = |text: &str| -> Vec<String> {
            parse(Source::default(), text, &lex).sentences[0]
                .facts
                .iter()
                .filter_map(|f| f.actor().filter(|a| a.kind == ActorKind::Group))
                .map(|a| a.name.clone())
                .collect()
        };
        assert_eq!(groups("Firefighters battled the blaze."), ["firefighters"]);
        // Named as the lexicon's synonyms name them.
        assert_eq!(groups("Residents were told to leave."), ["people"]);
        assert_eq!(groups("Volunteers handed out blankets."), ["volunteers"]);
        assert_eq!(groups("Detectives searched the house."), ["police"]);
        // Not a person noun, not plural, or not followed by a lower-case word.
        assert!(groups("Shares fell sharply.").is_empty());
        assert!(groups("Firefighter Jo Bloggs was hurt.").is_empty());
    }

    #[test]
    fn roles_before_and_after_names() {
        assert_eq!(
            actors("Acme's chief executive Jo Bloggs said no."),
            ["Acme", "Jo Bloggs [chief executive] @Acme"]
        );
        assert_eq!(
            actors("Later, Acme CEO and co-founder Jo Bloggs wrote."),
            ["Acme", "Jo Bloggs [chief executive, co-founder] @Acme"]
        );
        assert_eq!(
            actors("They met Jo Bloggs, the CEO of Acme, on Friday."),
            ["Jo Bloggs [chief executive] @Acme", "Acme"]
        );
        // An owner in lower case before a role set off by commas.
        assert_eq!(
            actors("The council's chief executive, Paul Whitcombe, resigned."),
            ["Paul Whitcombe [chief executive]"]
        );
        // Words describing a role after a name, and its organisation after "for"; an
        // organisation takes no role, and a role before the next name is that name's.
        assert_eq!(
            actors("Rachel Emberly, a product safety researcher at Safe Homes Now, said so."),
            [
                "Rachel Emberly [researcher] @Safe Homes Now",
                "Safe Homes Now"
            ]
        );
        assert_eq!(
            actors("Marisol Drayton, a spokeswoman for Harper Appliances, said no."),
            [
                "Marisol Drayton [spokesperson] @Harper Appliances",
                "Harper Appliances"
            ]
        );
        assert_eq!(
            actors("Two were at Kesterby General Hospital, a hospital spokeswoman said."),
            ["Kesterby General Hospital"]
        );
        assert_eq!(
            actors("At Alder Springs High School, retired teacher Linda Osei spoke."),
            ["Alder Springs High School", "Linda Osei [teacher]"]
        );
        // A titled person of an organisation works for it.
        assert_eq!(
            actors("Inspector Neil Carver of Harland Police said so."),
            ["Neil Carver [inspector] @Harland Police", "Harland Police"]
        );
        // The apposition after a person's employer is the person's.
        assert_eq!(
            actors("It was led by Prof Hannah Okafor of Lindfield University, the lead author."),
            [
                "Hannah Okafor [lead author] @Lindfield University",
                "Lindfield University"
            ]
        );
    }

    #[test]
    fn groups_doing_the_event() {
        let lex = Lexicon::embedded();
        let doc = parse(
            Source::default(),
            "Striking medics have blockaded the road.",
            &lex,
        );
        let g = doc.sentences[0]
            .facts
            .iter()
            .filter_map(Fact::actor)
            .find(|a| a.kind == ActorKind::Group)
            .unwrap();
        assert_eq!(g.name, "health workers");
    }
}
