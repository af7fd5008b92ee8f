//! Place phrases: "Harbour Trust's headquarters in Kingsway", "the London office of firm X",
//! "in Leeds".

use crate::actor::{Mention, NameTable};
use crate::document::{ActorKind, Facet, Fact, FactValue, Location, Offset, Sentence};
use crate::lexicon::Lexicon;
use crate::quantity::kind_of;
use crate::text::{Token, TokenKind, is_capitalized, is_possessive, strip_possessive};
use crate::vocab::Words;

/// True for the prepositions that open a place phrase ("at", "outside", "towards").
fn is_trigger(w: &str) -> bool {
    // A match, which tells most words apart by their length, instead of comparing every word
    // with each preposition in turn.
    matches!(
        w,
        "at" | "in"
            | "outside"
            | "inside"
            | "near"
            | "to"
            | "into"
            | "from"
            | "across"
            | "opposite"
            | "beside"
            | "on"
            | "off"
            | "towards"
    )
}

/// Heads that name a settlement or area, followed by its name ("the town of Dunmore Cross").
const SETTLEMENTS: [&str; 10] = [
    "town", "city", "village", "county", "region", "province", "district", "state", "island",
    "capital",
];

/// Compass directions, as written before "of" ("15 km north-east of Dravik").
const DIRECTIONS: [&str; 12] = [
    "north",
    "south",
    "east",
    "west",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Extracts the place phrases of one sentence whose names are `ms`; `quantities` are the
/// sentence's figures, for distances from a place ("about 15 km north of Dravik").
pub(crate) fn extract(
    text: &str,
    s: &Sentence,
    words: Words<'_, '_>,
    lex: &Lexicon,
    names: &NameTable<'_>,
    ms: &[Mention],
    quantities: &[Fact],
) -> Vec<Fact> {
    let toks = &s.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Most tokens open nothing: the word table says which words may (`leads`).
        if !words.get(i).is_some_and(|e| e.place_lead) {
            i += 1;
            continue;
        }
        let w = words.lower(i);
        if let Some(fact) = based_in(text, &toks[i]) {
            out.push(fact);
            i += 1;
            continue;
        }
        // "broke out of Brennock Zoo": a place left, as "from" gives.
        let out_of = w == "of" && i > 0 && words.lower(i - 1) == "out";
        let offset = offset_before(toks, words, i, w, quantities);
        if !is_trigger(w) && !out_of && offset.is_none() {
            i += 1;
            continue;
        }
        match phrase(text, s, words, i + 1, lex, names, ms) {
            Some((end, mut loc)) if end > i + 1 => {
                // "headquartered in Sheffield" gives a base, as "the Sheffield-based" does.
                let base =
                    w == "in" && i > 0 && matches!(words.lower(i - 1), "based" | "headquartered");
                loc.relation = Some(if base {
                    "based".to_owned()
                } else if out_of {
                    "from".to_owned()
                } else {
                    w.to_owned()
                });
                let start = offset.as_ref().map_or(toks[i + 1].start, |(at, _)| *at);
                loc.offset = offset.map(|(_, o)| Box::new(o));
                let span = start..toks[end - 1].end;
                let raw = text[span.clone()].to_owned();
                let value = describe(&loc);
                out.push(Fact {
                    facet: Facet::Location,
                    span,
                    raw,
                    value,
                    detail: FactValue::Location(loc),
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The distance and direction before the word at `i` of a place phrase: a length right before
/// a compass word and "of" ("about 15 km north of"), or right before "off" or "from" ("22km
/// off the coast"); with where the distance starts.
fn offset_before(
    toks: &[Token],
    words: Words<'_, '_>,
    i: usize,
    w: &str,
    quantities: &[Fact],
) -> Option<(usize, Offset)> {
    let (direction, last) = if w == "of" {
        let d = words.lower(i.checked_sub(1)?);
        if !DIRECTIONS.contains(&d) {
            return None;
        }
        (d.to_owned(), i.checked_sub(2)?)
    } else if matches!(w, "off" | "from") {
        (w.to_owned(), i.checked_sub(1)?)
    } else {
        return None;
    };
    let end = toks.get(last)?.end;
    quantities.iter().find_map(|f| {
        let q = f.quantity().filter(|q| {
            f.span.end == end && q.unit.as_deref().is_some_and(|u| kind_of(u) == "length")
        })?;
        Some((
            f.span.start,
            Offset {
                direction: direction.clone(),
                distance: q.clone(),
            },
        ))
    })
}

/// The name in a word such as "Leeds-based": a capitalised word without a hyphen, joined to
/// "-based".
fn based_name(word: &str) -> Option<&str> {
    word.strip_suffix("-based")
        .filter(|n| is_capitalized(n) && !n.contains('-'))
}

/// True for a word that can start a place phrase or a place of its own, whatever is around
/// it: a preposition ([`is_trigger`]), "of", "off" or "from" (a distance before them, "out
/// of"), or a name joined to "-based". `lower` is the word in lower case.
pub(crate) fn leads(word: &str, lower: &str) -> bool {
    is_trigger(lower) || matches!(lower, "of" | "off" | "from") || based_name(word).is_some()
}

/// The place of a "Leeds-based lender": a capitalised name joined to "-based".
fn based_in(text: &str, tok: &Token) -> Option<Fact> {
    let name = based_name(tok.text(text))?;
    let span = tok.start..tok.start + name.len();
    let loc = Location {
        places: vec![name.to_owned()],
        relation: Some("based".to_owned()),
        ..Location::default()
    };
    Some(Fact {
        facet: Facet::Location,
        span,
        raw: name.to_owned(),
        value: describe(&loc),
        detail: FactValue::Location(loc),
    })
}

/// Direction and nearness words that stand before place names ("central London", "nearby
/// Brennock", "the neighbouring village of Sengwe"), in lower case.
fn is_place_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "nearby"
            | "neighbouring"
            | "neighboring"
            | "central"
            | "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "downtown"
            | "greater"
    )
}

/// A readable one-line value for a location: "Acme's office (Leeds, England)", or the places
/// alone. Written into one string of the right size: every place phrase has one.
fn describe(loc: &Location) -> String {
    let places: usize = loc.places.iter().map(|p| p.len() + 2).sum();
    let owner = loc.owner.as_ref().map_or(0, |o| o.len() + 3);
    let head = loc.head.as_ref().map_or(0, String::len);
    let mut s = String::with_capacity(owner + head + places + 1);
    if let Some(owner) = &loc.owner {
        s.push_str(owner);
        s.push_str("'s ");
    }
    if let Some(head) = &loc.head {
        s.push_str(head);
    }
    // The places alone, or in brackets after the owner and head.
    let bracket = !s.is_empty() && !loc.places.is_empty();
    for (k, place) in loc.places.iter().enumerate() {
        s.push_str(match k {
            0 if bracket => " (",
            0 => "",
            _ => ", ",
        });
        s.push_str(place);
    }
    if bracket {
        s.push(')');
    }
    s.truncate(s.trim_end().len());
    let lead = s.len() - s.trim_start().len();
    s.drain(..lead);
    s
}

/// Reads a place phrase starting at token `k` of sentence `s`; returns the end token
/// and the location. A descriptive owner ("the company's") becomes the organisation it stands
/// for, named in the sentence or shortly before.
fn phrase(
    text: &str,
    s: &Sentence,
    words: Words<'_, '_>,
    mut k: usize,
    lex: &Lexicon,
    names: &NameTable<'_>,
    ms: &[Mention],
) -> Option<(usize, Location)> {
    let toks = &s.tokens;
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|_| words.raw(k))
    };
    let mut loc = Location::default();
    let mut end = k;
    // A word's lower-case form, from the word table.
    let lower_word = |k: usize| word(k).map(|_| words.lower(k));
    if lower_word(k)
        .is_some_and(|w| matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her"))
    {
        k += 1;
    }
    // Owner: "Harbour Trust's", "the health service's".
    if let Some(m) = ms.iter().find(|m| m.start == k && m.possessive) {
        loc.owner = Some(names.canonical(&m.name).to_owned());
        k = m.end;
    } else if let Some(p) =
        (k..(k + 3).min(toks.len())).find(|&j| word(j).is_some_and(is_possessive))
    {
        let all_lower = (k..=p).all(|j| word(j).is_some_and(|w| !is_capitalized(w)));
        if all_lower && (k..p).all(|j| word(j).is_some_and(|w| !lex.is_stopword(w))) {
            // The owner's words, the last without its "'s".
            let mut owner: Vec<&str> = (k..=p).filter_map(word).collect();
            let last = owner.len() - 1;
            owner[last] = strip_possessive(owner[last]);
            loc.owner = Some(
                names
                    .organisation_for(owner[last], s.index)
                    .map_or_else(|| owner.join(" "), str::to_owned),
            );
            k = p + 1;
        }
    }
    // Direction and nearness words and nationalities before a name: "the central English
    // town", "north London", "the Austrian capital" (whose country is the widest place).
    let mut country = None;
    while let Some(w) = word(k).filter(|_| !ms.iter().any(|m| m.start == k)) {
        if let Some(c) = is_capitalized(w).then(|| lex.demonym_country(w)).flatten() {
            country = Some(c);
        } else if !is_place_modifier(words.lower(k)) {
            break;
        }
        k += 1;
    }
    // A place name before the head: "the London office", or with one word describing the
    // head between them: "the Brindle Lane industrial estate".
    let mut pre_place = None;
    if let Some(m) = ms.iter().find(|m| m.start == k && !m.possessive) {
        let head = |j: usize| word(j).is_some_and(|w| lex.is_place_head(w));
        let describing = |w: &str| w.bytes().all(|c| c.is_ascii_lowercase()) && !lex.is_stopword(w);
        let at = if head(m.end) {
            Some(m.end)
        } else {
            (word(m.end).is_some_and(describing) && head(m.end + 1)).then_some(m.end + 1)
        };
        if let Some(at) = at {
            pre_place = Some(m.name.clone());
            k = at;
        }
    }
    // Head noun: "headquarters", "office".
    if word(k).is_some_and(|w| lex.is_place_head(w)) {
        let head = k;
        loc.head = Some(lex.canonical(words.key(head)));
        k += 1;
        end = k;
        // "the town of Dunmore Cross", "the Austrian capital, Vienna": a settlement head names
        // the place itself, after "of" or in apposition.
        if (word(k) == Some("of") || toks.get(k).is_some_and(|t| t.text(text) == ","))
            && SETTLEMENTS.contains(&words.lower(head))
            && let Some(m) = ms.iter().find(|m| {
                m.start == k + 1
                    && !m.possessive
                    && !m.titled
                    && names.kind(&m.name) != ActorKind::Person
                    // "in the town, Bloggs said": a speaker, not the town.
                    && !word(m.end).is_some_and(crate::quote::is_speech_verb)
            })
        {
            loc.places.push(m.name.clone());
            k = m.end;
            end = k;
        }
        // "of US tech firm Acme".
        if word(k) == Some("of") && loc.owner.is_none() && loc.places.is_empty() {
            let mut j = k + 1;
            let mut owner = None;
            while j < toks.len() && j <= k + 6 {
                if let Some(m) = ms.iter().find(|m| m.start == j) {
                    owner = Some((m.end, names.canonical(&m.name).to_owned()));
                    j = m.end;
                    continue;
                }
                if word(j).is_none_or(|w| lex.is_stopword(w) && w != "the") {
                    break;
                }
                j += 1;
            }
            if let Some((e, o)) = owner {
                loc.owner = Some(o);
                k = e;
                end = e;
            }
        }
    } else if loc.owner.is_some() {
        // An owner with no place head is not a place ("the company's plans").
        return None;
    }
    if let Some(p) = pre_place {
        // "the central English town of Dunmore Cross": the name before a settlement head
        // describes it; the name after it is the place.
        if loc.places.is_empty() {
            loc.places.push(p);
        }
    }
    // Named places: "in Kingsway, central London" or a bare "Leeds".
    let mut j = if loc.head.is_some() && word(k) == Some("in") {
        k + 1
    } else {
        k
    };
    let with_country = |mut loc: Location| {
        if let Some(c) = country.filter(|c| !loc.places.iter().any(|p| p == c)) {
            loc.places.push(c.to_owned());
        }
        loc
    };
    if loc.head.is_some() && j == k {
        return Some((end, with_country(loc)));
    }
    loop {
        if !ms.iter().any(|m| m.start == j) && lower_word(j).is_some_and(is_place_modifier) {
            j += 1;
        }
        let Some(m) = ms.iter().find(|m| m.start == j && !m.possessive) else {
            break;
        };
        // An organisation's name is no place, unless its last word is a place too ("taken to
        // Kessaly General Hospital").
        // Nor is the employer of someone in the sentence ("an analyst at Corrigan & Webb",
        // "chief executive of Acme").
        let last = m.name.rsplit(' ').next().unwrap_or("");
        let employer = ms
            .iter()
            .any(|p| p.employer().is_some_and(|e| ms[e].start == j));
        if crate::time::is_time_word(&m.name)
            || names.kind(&m.name) == ActorKind::Person
            || m.titled
            || (lex.is_org_word(last) || employer)
                && !lex.is_place_head(last)
                && loc.head.is_none()
                && loc.places.is_empty()
        {
            break;
        }
        loc.places.push(m.name.clone());
        j = m.end;
        end = j;
        if toks.get(j).is_some_and(|t| t.text(text) == ",")
            && ms.iter().any(|m| m.start == j + 1 || m.start == j + 2)
        {
            j += 1;
            continue;
        }
        break;
    }
    (loc.head.is_some() || !loc.places.is_empty()).then(|| (end, with_country(loc)))
}

#[cfg(test)]
mod tests {
    use crate::document::{Fact, Source};
    use crate::{Lexicon, parse};

    fn check(text: &str, expected: &[(&str, &str)]) {
        let lex = Lexicon::embedded();
        let doc = parse(Source::default(), text, &lex);
        let got: Vec<(String, String)> = doc
            .sentences
            .iter()
            .flat_map(|s| s.facts.iter())
            .filter(|f| f.location().is_some())
            .map(|f: &Fact| (f.raw.clone(), f.value.clone()))
            .collect();
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn nationalities_name_their_country_and_settlements_their_place() {
        check(
            "Talks broke up in the Austrian capital, Vienna, on Tuesday.",
            &[("the Austrian capital, Vienna", "capital (Vienna, Austria)")],
        );
        check(
            "Oil washed up on the English coast.",
            &[("the English coast", "coast (England)")],
        );
        // An employer is no place.
        check(
            "Hallie Brennan, an analyst at Corrigan & Webb, said sales rose.",
            &[],
        );
        // A nationality alone is no place, and a speaker is no town.
        check("Orders from Chinese customers fell.", &[]);
        check(
            "They met in the town, Bloggs said.",
            &[("the town", "town")],
        );
    }

    #[test]
    fn possessive_heads_and_places() {
        check(
            "They met at the council's HQ in Leeds, West Yorkshire.",
            &[(
                "the council's HQ in Leeds, West Yorkshire",
                "council's headquarters (Leeds, West Yorkshire)",
            )],
        );
        check(
            "They rallied outside Acme Corp's office.",
            &[("Acme Corp's office", "Acme Corp's office")],
        );
    }

    #[test]
    fn possessive_owners_heads_and_cities() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Protesters gathered outside Norvex's London office.",
                &[("Norvex's London office", "Norvex's office (London)")],
            ),
            (
                "Staff at Norvex's office in Paris joined them.",
                &[("Norvex's office in Paris", "Norvex's office (Paris)")],
            ),
            // "the company" stands for the organisation named just before.
            (
                "Norvex chief executive Jo Bloggs said sales fell. Protesters then marched to \
                 the company's Berlin headquarters.",
                &[(
                    "the company's Berlin headquarters",
                    "Norvex's headquarters (Berlin)",
                )],
            ),
            (
                "The National Union of Rail Workers voted. Members met at the union's \
                 headquarters in Leeds.",
                &[(
                    "the union's headquarters in Leeds",
                    "National Union of Rail Workers's headquarters (Leeds)",
                )],
            ),
            (
                "Protesters gathered outside Norvex's London office. They later marched to the \
                 company's Berlin headquarters.",
                &[
                    ("Norvex's London office", "Norvex's office (London)"),
                    (
                        "the company's Berlin headquarters",
                        "Norvex's headquarters (Berlin)",
                    ),
                ],
            ),
            // Nothing to stand for, or two organisations to choose from: kept as written.
            (
                "Protesters marched to the company's Berlin headquarters.",
                &[(
                    "the company's Berlin headquarters",
                    "company's headquarters (Berlin)",
                )],
            ),
            (
                "Norvex Ltd sued Brightwater Ltd on Monday. Protesters marched to the company's \
                 office.",
                &[("the company's office", "company's office")],
            ),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn owner_after_of_and_bare_places() {
        check(
            "They rallied outside the London office of US firm Acme on Monday.",
            &[(
                "the London office of US firm Acme",
                "Acme's office (London)",
            )],
        );
        check(
            "The storm hit Leeds. It moved to York.",
            &[("York", "York")],
        );
        // "out of" is where something left, as "from" is; "34 out of 61" is no place.
        check(
            "A wolf broke out of Harwick Zoo on Monday.",
            &[("Harwick Zoo", "Harwick Zoo")],
        );
        check("They won 34 out of 61 seats.", &[]);
        // An organisation's name is a place when its last word names a place too.
        check(
            "Survivors were taken to Kessaly General Hospital.",
            &[("Kessaly General Hospital", "Kessaly General Hospital")],
        );
        // One word describing the head between the name and the head.
        check(
            "It began on the Brindle Lane industrial estate.",
            &[(
                "the Brindle Lane industrial estate",
                "estate (Brindle Lane)",
            )],
        );
    }

    #[test]
    fn distances_from_places() {
        let lex = Lexicon::embedded();
        // (text, the phrase with its direction, distance and unit)
        type Want = Option<(&'static str, &'static str, f64, &'static str)>;
        let cases: [(&str, Want); 5] = [
            (
                "The epicentre was about 15 km north-east of Dravik.",
                Some(("about 15 km north-east of Dravik", "north-east", 15.0, "km")),
            ),
            (
                "It passed some 30 miles west of the city.",
                Some(("some 30 miles west of the city", "west", 30.0, "mi")),
            ),
            (
                "The turbines will stand 22km off the Carrick coast.",
                Some(("22km off the Carrick coast", "off", 22.0, "km")),
            ),
            // No length before the direction, or no direction: a place with no distance.
            ("About 300 people lived north of Dravik.", None),
            ("They drove 40 miles to Dravik.", None),
        ];
        for (text, want) in cases {
            let doc = parse(Source::default(), text, &lex);
            let got = doc
                .sentences
                .iter()
                .flat_map(|s| s.facts.iter())
                .find_map(|f| {
                    let o = f.location()?.offset.as_ref()?;
                    Some((
                        f.raw.as_str(),
                        o.direction.as_str(),
                        o.distance.value,
                        o.distance.unit.as_deref().unwrap_or(""),
                    ))
                });
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn based_and_nearby_places() {
        check("The Leeds-based lender was fined.", &[("Leeds", "Leeds")]);
        let lex = Lexicon::embedded();
        let doc = parse(
            Source::default(),
            "Morland, which is headquartered in Sheffield, makes pumps. The Leeds-based lender.",
            &lex,
        );
        let relations: Vec<Option<&str>> = doc
            .sentences
            .iter()
            .flat_map(|s| s.facts.iter())
            .filter_map(Fact::location)
            .map(|l| l.relation.as_deref())
            .collect();
        assert_eq!(relations, [Some("based"), Some("based")]);
        check(
            "Four were taken to hospital in nearby Brennock.",
            &[("hospital in nearby Brennock", "hospital (Brennock)")],
        );
        check(
            "Families fled to the neighbouring village of Sengwe.",
            &[("the neighbouring village of Sengwe", "village (Sengwe)")],
        );
    }
}
