//! People, organisations and groups: capitalised names with titles and roles, merged with their
//! later surname-only mentions inside one document.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::document::{Actor, ActorKind, Facet, Fact, FactValue, Sentence};
use crate::lexicon::Lexicon;
use crate::text::{Token, TokenKind, is_capitalized, is_possessive, strip_possessive, word_key};

/// A capitalised name found in a sentence, at tokens `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    /// The name as written, possessive removed.
    pub name: String,
    /// True when a title stood before it ("Mr").
    pub titled: bool,
    pub possessive: bool,
}

/// Names of one document and their canonical forms.
#[derive(Debug, Default)]
pub(crate) struct NameTable {
    canonical: HashMap<String, String>,
    kinds: HashMap<String, ActorKind>,
    common_words: HashSet<String>,
}

const CONNECTORS: [&str; 6] = ["of", "for", "de", "van", "von", "al"];

/// True when the token is a word that can be part of a name.
fn name_word(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && is_capitalized(t.text(text))
}

/// Finds the capitalised names in a sentence. `common` says whether a capitalised word is an
/// ordinary word that merely starts the sentence.
pub(crate) fn mentions(
    text: &str,
    s: &Sentence,
    lex: &Lexicon,
    common: &dyn Fn(&str) -> bool,
) -> Vec<Mention> {
    let toks = &s.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_word(text, &toks[i]) {
            i += 1;
            continue;
        }
        let mut titled = false;
        let mut start = i;
        // Sentence-initial or quote-initial ordinary words are not names.
        let at_start = i == 0
            || toks[i - 1].kind == TokenKind::Punct && !matches!(toks[i - 1].text(text), "," | "-");
        let mut j = i;
        loop {
            let w = toks[j].text(text);
            let leading = j == start;
            if leading && lex.is_title(w) && j + 1 < toks.len() && name_word(text, &toks[j + 1]) {
                titled = true;
                j += 1;
                if toks.get(j).is_some_and(|t| t.text(text) == ".") {
                    j += 1;
                }
                start = j;
                continue;
            }
            let before_comma = toks.get(j + 1).is_some_and(|t| t.text(text) == ",");
            if leading
                && ((at_start && j == i && (common(w) || before_comma))
                    || lex.is_stopword(w) && !w.chars().all(|c| c.is_uppercase()))
            {
                j += 1;
                start = j;
                if j >= toks.len() || !name_word(text, &toks[j]) {
                    break;
                }
                continue;
            }
            if is_possessive(w) {
                j += 1;
                break;
            }
            j += 1;
            if j >= toks.len() {
                break;
            }
            if name_word(text, &toks[j]) {
                continue;
            }
            let lw = toks[j].text(text).to_lowercase();
            if CONNECTORS.contains(&lw.as_str())
                && j + 1 < toks.len()
                && name_word(text, &toks[j + 1])
                && !is_possessive(toks[j - 1].text(text))
            {
                j += 1;
                continue;
            }
            break;
        }
        if start < j {
            let words: Vec<&str> = toks[start..j].iter().map(|t| t.text(text)).collect();
            let last = words.len() - 1;
            let possessive = is_possessive(words[last]);
            let mut name_words: Vec<&str> = words.clone();
            name_words[last] = strip_possessive(words[last]);
            // An organisation before a role: "Acme CEO Jo Bloggs".
            {
                if let Some((p, n)) = inner_role(&name_words, lex) {
                    out.push(Mention {
                        start,
                        end: start + p,
                        name: name_words[..p].join(" "),
                        titled: false,
                        possessive: false,
                    });
                    if p + n < name_words.len() {
                        out.push(Mention {
                            start: start + p + n,
                            end: j,
                            name: name_words[p + n..].join(" "),
                            titled: true,
                            possessive,
                        });
                    }
                    i = j.max(i + 1);
                    continue;
                }
            }
            // Drop a role written as a title: "Interior Minister Lena Markovic".
            let (skip, role_titled) = leading_role(&name_words, lex);
            let skip = skip
                + name_words[skip..]
                    .iter()
                    .take_while(|w| CONNECTORS.contains(&w.to_lowercase().as_str()))
                    .count();
            let name = name_words[skip..].join(" ");
            let lone_title = name_words.len() - skip == 1 && lex.is_title(&name);
            if !(name.is_empty() || crate::time::is_time_word(&name) || lone_title) {
                out.push(Mention {
                    start: start + skip,
                    end: j,
                    name,
                    titled: titled || role_titled,
                    possessive,
                });
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// A role inside a capitalised run after its first word ("Acme CEO"): its position and length.
fn inner_role(words: &[&str], lex: &Lexicon) -> Option<(usize, usize)> {
    (1..words.len()).find_map(|p| {
        (1..=3.min(words.len() - p)).rev().find_map(|n| {
            let phrase = words[p..p + n].join(" ").to_lowercase();
            let joined = words[p - 1..p + n].join(" ").to_lowercase();
            (lex.is_role(&phrase) && !lex.is_role(&joined)).then_some((p, n))
        })
    })
}

/// How many leading words of a name form a role ("Prime Minister"), and whether they do.
fn leading_role(words: &[&str], lex: &Lexicon) -> (usize, bool) {
    for n in (1..words.len()).rev() {
        let phrase = words[..n].join(" ").to_lowercase();
        if lex.is_role(&phrase) || (n == 1 && lex.is_title(&phrase)) {
            return (n, true);
        }
        // "Interior Minister": a capitalised word before a role word.
        if n >= 2 && lex.is_role(&words[n - 1].to_lowercase()) && words.len() > n {
            return (n, true);
        }
    }
    (0, false)
}

fn kind_of(name: &str, titled: bool, lex: &Lexicon) -> ActorKind {
    let words: Vec<&str> = name.split(' ').collect();
    if words.iter().any(|w| lex.is_org_word(w))
        || (words.len() == 1
            && words[0].len() >= 2
            && words[0]
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit()))
    {
        ActorKind::Organisation
    } else if titled {
        ActorKind::Person
    } else {
        ActorKind::Unknown
    }
}

impl NameTable {
    /// Collects every name in the document and links surnames and short forms to full names.
    pub(crate) fn build(text: &str, sentences: &[Sentence], lex: &Lexicon) -> Self {
        let common_words: HashSet<String> = sentences
            .iter()
            .flat_map(|s| s.tokens.iter())
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(text))
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .map(|w| word_key(w).into_owned())
            .collect();
        let mut table = Self {
            common_words,
            ..Self::default()
        };
        let common = |w: &str| table.is_common(w, lex);
        // A name is a person's when a title or a role stands before it.
        let all: Vec<(String, bool)> = sentences
            .iter()
            .flat_map(|s| {
                mentions(text, s, lex, &common).into_iter().map(|m| {
                    let role =
                        !m.possessive && role_before(text, &s.tokens, m.start, lex).is_some();
                    (m.name, m.titled || role)
                })
            })
            .collect();
        // Every name once, in order of first mention; lookups by hash keep this linear.
        let mut seen = HashSet::new();
        let names: Vec<(&str, bool)> = all
            .iter()
            .filter(|(n, _)| seen.insert(n.as_str()))
            .map(|(n, _)| (n.as_str(), all.iter().any(|(m, t)| m == n && *t)))
            .collect();
        let mentioned: HashSet<&str> = names.iter().map(|(n, _)| *n).collect();
        // Full personal names by the name they end with ("Bloggs" -> "Jo Bloggs", and
        // "Jo Bloggs" for "Mr Jo Bloggs"); the first full name wins.
        let mut by_surname: HashMap<&str, &str> = HashMap::new();
        for &(name, titled) in &names {
            let kind = kind_of(name, titled, lex);
            table.kinds.insert(name.to_owned(), kind);
            let Some((_, surname)) = name.rsplit_once(' ') else {
                continue;
            };
            // A full name whose surname is used alone elsewhere is a person's ("Bloggs").
            if kind == ActorKind::Unknown && mentioned.contains(surname) {
                table.kinds.insert(name.to_owned(), ActorKind::Person);
            }
            if table.kinds.get(name) == Some(&ActorKind::Person) {
                by_surname.entry(surname).or_insert(name);
            }
        }
        for &(name, titled) in &names {
            // Surname or title + surname: link to the full name that ends with it.
            let last = name.rsplit(' ').next().unwrap_or(name);
            match by_surname.get(last) {
                Some(full) if *full != name && full.ends_with(&format!(" {name}")) => {
                    table.canonical.insert(name.to_owned(), (*full).to_owned());
                }
                _ if titled => {
                    table.kinds.insert(name.to_owned(), ActorKind::Person);
                }
                _ => {}
            }
        }
        // A longer organisation name whose first word is a known short name:
        // "Acme Technologies UK" and "Acme" are one actor.
        for &(name, _) in &names {
            // Only when the rest is a legal or corporate suffix: "Harbour Trust" is not "NHS".
            if let Some((first, rest)) = name.split_once(' ')
                && table.kinds.get(name) != Some(&ActorKind::Person)
                && mentioned.contains(first)
                && rest.split(' ').all(|w| {
                    lex.is_org_word(w)
                        || (w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
                })
            {
                table.canonical.insert(name.to_owned(), first.to_owned());
            }
        }
        table
    }

    /// The canonical name of a mention.
    pub(crate) fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.canonical.get(name).map_or(name, String::as_str)
    }

    /// The kind of a name.
    pub(crate) fn kind(&self, name: &str) -> ActorKind {
        let canon = self.canonical(name);
        self.kinds
            .get(canon)
            .or_else(|| self.kinds.get(name))
            .copied()
            .unwrap_or(ActorKind::Unknown)
    }

    /// True when a capitalised word also appears in lower case in the document.
    pub(crate) fn is_common(&self, word: &str, lex: &Lexicon) -> bool {
        self.common_words.contains(word_key(word).as_ref())
            || lex.is_stopword(word)
            || lex.event(word).is_some()
    }
}

/// True when a role phrase stands right before token `start` ("manager Ian Doherty").
pub(crate) fn has_role_before(text: &str, toks: &[Token], start: usize, lex: &Lexicon) -> bool {
    role_before(text, toks, start, lex).is_some()
}

/// A role phrase ending just before token `end` (exclusive); returns its start and canonical roles.
fn role_before(
    text: &str,
    toks: &[Token],
    end: usize,
    lex: &Lexicon,
) -> Option<(usize, Vec<String>)> {
    let mut k = end;
    let mut roles = Vec::new();
    loop {
        let mut found = None;
        for n in (1..=3).rev() {
            if k < n {
                continue;
            }
            let phrase: Vec<String> = toks[k - n..k]
                .iter()
                .map(|t| t.text(text).to_lowercase())
                .collect();
            let phrase = phrase.join(" ");
            if lex.is_role(&phrase) {
                found = Some((k - n, lex.canonical(&phrase)));
                break;
            }
        }
        let (s, role) = found?;
        roles.push(role);
        k = s;
        if k >= 2
            && matches!(toks[k - 1].text(text), "and" | "&" | ",")
            && toks[k - 2].kind == TokenKind::Word
        {
            let probe = k - 1;
            if role_start(text, toks, probe, lex) {
                k = probe;
                continue;
            }
        }
        roles.reverse();
        return Some((k, roles));
    }
}

fn role_start(text: &str, toks: &[Token], end: usize, lex: &Lexicon) -> bool {
    (1..=3).any(|n| {
        end >= n
            && lex.is_role(
                &toks[end - n..end]
                    .iter()
                    .map(|t| t.text(text).to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
    })
}

/// A role phrase starting at token `start` ("the chief executive of Acme").
fn role_after(
    text: &str,
    toks: &[Token],
    start: usize,
    lex: &Lexicon,
    names: &NameTable,
    ms: &[Mention],
) -> Option<(Vec<String>, Option<String>)> {
    let mut k = start;
    if toks.get(k).is_some_and(|t| {
        matches!(
            t.text(text).to_lowercase().as_str(),
            "the" | "a" | "an" | "its" | "their"
        )
    }) {
        k += 1;
    }
    let mut org = None;
    if let Some(m) = ms.iter().find(|m| m.start == k && m.possessive) {
        org = Some(names.canonical(&m.name).to_owned());
        k = m.end;
    } else if toks
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Word && is_possessive(t.text(text)))
    {
        k += 1;
    }
    let mut roles = Vec::new();
    'outer: loop {
        for n in (1..=3).rev() {
            if k + n > toks.len() {
                continue;
            }
            let phrase: Vec<String> = toks[k..k + n]
                .iter()
                .map(|t| t.text(text).to_lowercase())
                .collect();
            let phrase = phrase.join(" ");
            if lex.is_role(&phrase) {
                roles.push(lex.canonical(&phrase));
                k += n;
                if toks.get(k).is_some_and(|t| t.text(text) == "and") {
                    k += 1;
                    continue 'outer;
                }
                break 'outer;
            }
        }
        break;
    }
    if roles.is_empty() {
        return None;
    }
    if org.is_none()
        && toks
            .get(k)
            .is_some_and(|t| matches!(t.text(text), "of" | "at"))
        && let Some(m) = ms.iter().find(|m| m.start == k + 1 || m.start == k + 2)
    {
        org = Some(names.canonical(&m.name).to_owned());
    }
    Some((roles, org))
}

/// Extracts actor facts of one sentence.
pub(crate) fn extract(text: &str, s: &Sentence, lex: &Lexicon, names: &NameTable) -> Vec<Fact> {
    let common = |w: &str| names.is_common(w, lex);
    let ms = mentions(text, s, lex, &common);
    let toks = &s.tokens;
    let mut facts = Vec::new();
    for (idx, m) in ms.iter().enumerate() {
        let canon = names.canonical(&m.name).to_owned();
        let mut kind = names.kind(&m.name);
        let mut roles = Vec::new();
        let mut org = None;
        let mut span_start = m.start;
        // Role before: "Acme's chief executive Jo Bloggs", "Acme CEO Jo Bloggs".
        if !m.possessive {
            if let Some((rs, r)) = role_before(text, toks, m.start, lex) {
                roles = r;
                span_start = rs;
                if let Some(prev) = ms[..idx]
                    .iter()
                    .rev()
                    .find(|p| p.end == rs || p.end + 1 == rs && toks[p.end].text(text) == "the")
                {
                    org = Some(names.canonical(&prev.name).to_owned());
                    span_start = prev.start;
                }
                kind = ActorKind::Person;
            } else if toks.get(m.end).is_some_and(|t| t.text(text) == ",") {
                // Apposition after: "Jo Bloggs, Acme's chief executive".
                if let Some((r, o)) = role_after(text, toks, m.end + 1, lex, names, &ms) {
                    roles = r;
                    org = o;
                    kind = ActorKind::Person;
                }
            }
        }
        // "Acme's chairman and co-founder is Peter Thiel".
        if roles.is_empty()
            && m.possessive
            && let Some((r, _)) = role_after(text, toks, m.start, lex, names, &ms)
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
                facts.push(actor_fact(text, toks, next.start..next.end, actor));
            }
        }
        if kind == ActorKind::Unknown && m.titled {
            kind = ActorKind::Person;
        }
        let actor = Actor {
            name: canon,
            kind,
            roles,
            org,
        };
        facts.push(actor_fact(text, toks, span_start..m.end, actor));
    }
    facts.extend(group(text, s, lex));
    facts
}

/// The fact for an actor mentioned at tokens `at`, its value naming roles and organisation.
fn actor_fact(text: &str, toks: &[Token], at: Range<usize>, actor: Actor) -> Fact {
    let span = toks[at.start].start..toks[at.end - 1].end;
    let raw = strip_possessive(&text[span.clone()]).to_owned();
    let span = span.start..span.start + raw.len();
    let value = if actor.roles.is_empty() {
        actor.name.clone()
    } else {
        let of = actor
            .org
            .as_deref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        format!("{}: {}{of}", actor.name, actor.roles.join(", "))
    };
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
fn group(text: &str, s: &Sentence, lex: &Lexicon) -> Option<Fact> {
    let toks = &s.tokens;
    let verb = toks.iter().position(|t| {
        t.kind == TokenKind::Word
            && lex.event(t.text(text)).is_some()
            && t.text(text).chars().next().is_some_and(char::is_lowercase)
    })?;
    let mut k = verb;
    while k > 0
        && matches!(
            toks[k - 1].text(text).to_lowercase().as_str(),
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

    #[test]
    fn titles_and_surnames_merge_with_full_names() {
        let got =
            actors("Interior Minister Lena Markovic spoke. Ms Markovic left. Markovic smiled.");
        assert_eq!(
            got,
            [
                "Lena Markovic [interior minister]",
                "Lena Markovic",
                "Lena Markovic"
            ]
        );
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
