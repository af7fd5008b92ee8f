//! Sentence boundaries on news text, as data: each case is an article (or a piece of one) and
//! the sentences `parse` must find in it, in order. A sentence written `# …` must be marked as
//! the headline. The public Golden Rules are scored separately (`cargo xtask conformance`);
//! these cases cover what news text adds: titles, "No 10", times, company suffixes, money,
//! speech tags after quoted questions, headlines, captions and bullet lists one a line.

use claimdiff_parse::{Lexicon, Source, parse};

/// One article and the sentences expected in it.
struct Case {
    /// What the case guards.
    name: &'static str,
    /// The text as given.
    text: &'static str,
    /// The sentences, trimmed; `# ` before one marks the headline.
    expected: &'static [&'static str],
}

const CASES: &[Case] = &[
    // Titles and honorifics stand before a name and never end a sentence.
    Case {
        name: "titles with and without stops",
        text: "Mr Karp met Dr. Jones at No. 10 on Monday. He left. Mrs. Patel and Ms. Ardern \
               spoke after Prof. Okafor. Gov. Gavin Newsom signed the bill.",
        expected: &[
            "Mr Karp met Dr. Jones at No. 10 on Monday.",
            "He left.",
            "Mrs. Patel and Ms. Ardern spoke after Prof. Okafor.",
            "Gov. Gavin Newsom signed the bill.",
        ],
    },
    Case {
        name: "No 10 without a stop, and no as a word",
        text: "She returned to No 10 on Tuesday. Asked whether she would resign, she said no. \
               Voters were unconvinced.",
        expected: &[
            "She returned to No 10 on Tuesday.",
            "Asked whether she would resign, she said no.",
            "Voters were unconvinced.",
        ],
    },
    Case {
        name: "St. as saint and as street",
        text: "Mourners gathered at St. Paul's Cathedral. Crowds lined Fleet St. The bells rang \
               at 1 Main St. in Leeds.",
        expected: &[
            "Mourners gathered at St. Paul's Cathedral.",
            "Crowds lined Fleet St.",
            "The bells rang at 1 Main St. in Leeds.",
        ],
    },
    // Dotted acronyms end a sentence before a function word, not before a name or a noun.
    Case {
        name: "U.S. and U.K. inside and at the end of sentences",
        text: "The U.S. and the U.K. agreed. The U.S. Senate voted 52-48. Talks resumed in the \
               U.K. They ended late. Officials in the U.S. said little.",
        expected: &[
            "The U.S. and the U.K. agreed.",
            "The U.S. Senate voted 52-48.",
            "Talks resumed in the U.K.",
            "They ended late.",
            "Officials in the U.S. said little.",
        ],
    },
    Case {
        name: "U.S. before a dash or a title",
        text: "The U.S.-based firm grew. It hired U.S. Sen. Jane Doe as an adviser.",
        expected: &[
            "The U.S.-based firm grew.",
            "It hired U.S. Sen. Jane Doe as an adviser.",
        ],
    },
    // Times: "a.m."/"p.m." after a number end a sentence before a capital, unless a date or a
    // time zone follows or the sentence is only its opening phrase.
    Case {
        name: "a.m. and p.m.",
        text: "Talks end at 5 p.m. on Friday. At 9 a.m. Mr. Smith arrived. The blast happened \
               at 9 a.m. Police said two people were hurt. Polls close at 10 p.m. Thursday. \
               The result is due by 2 a.m. GMT.",
        expected: &[
            "Talks end at 5 p.m. on Friday.",
            "At 9 a.m. Mr. Smith arrived.",
            "The blast happened at 9 a.m.",
            "Police said two people were hurt.",
            "Polls close at 10 p.m. Thursday.",
            "The result is due by 2 a.m. GMT.",
        ],
    },
    Case {
        name: "a time before a quotation",
        text: "Keane conceded shortly after 11 p.m. \"I called Dana and wished her well.\"",
        expected: &[
            "Keane conceded shortly after 11 p.m.",
            "\"I called Dana and wished her well.\"",
        ],
    },
    Case {
        name: "months before a day and at the end of a sentence",
        text: "The deal closed on Sept. 29. Shares rose. The museum reopened in Jan. The crowds \
               came back.",
        expected: &[
            "The deal closed on Sept. 29.",
            "Shares rose.",
            "The museum reopened in Jan.",
            "The crowds came back.",
        ],
    },
    // Company suffixes and citations.
    Case {
        name: "Inc. and Ltd.",
        text: "Shares in Acme Inc. rose 4%. The bid values Widget Ltd. at £2bn. She joined \
               Acme Inc. It was 1999. Rivals include Gadget Ltd. The deal needs approval.",
        expected: &[
            "Shares in Acme Inc. rose 4%.",
            "The bid values Widget Ltd. at £2bn.",
            "She joined Acme Inc.",
            "It was 1999.",
            "Rivals include Gadget Ltd.",
            "The deal needs approval.",
        ],
    },
    Case {
        name: "et al.",
        text: "Smith et al. found a link. It was small, according to Jones et al. The authors \
               disagree.",
        expected: &[
            "Smith et al. found a link.",
            "It was small, according to Jones et al.",
            "The authors disagree.",
        ],
    },
    Case {
        name: "volume and figure numbers",
        text: "Vol. 3 and Fig. 2 show the data. Art. 50 was triggered.",
        expected: &["Vol. 3 and Fig. 2 show the data.", "Art. 50 was triggered."],
    },
    // Initials.
    Case {
        name: "initials",
        text: "J. K. Rowling met George W. Bush. They talked. The letter was signed by \
               E. Smith. He was absent.",
        expected: &[
            "J. K. Rowling met George W. Bush.",
            "They talked.",
            "The letter was signed by E. Smith.",
            "He was absent.",
        ],
    },
    Case {
        name: "initials in alphabetical order are not a list",
        text: "A. Smith and B. Jones wrote the report. It was long.",
        expected: &["A. Smith and B. Jones wrote the report.", "It was long."],
    },
    // Numbers.
    Case {
        name: "decimals, money and pence",
        text: "Revenue rose 4.7% to £4.7m. Profit was $1.2bn. Shares closed at 415p. \
               Analysts were surprised. The index fell 0.5 points.",
        expected: &[
            "Revenue rose 4.7% to £4.7m.",
            "Profit was $1.2bn.",
            "Shares closed at 415p.",
            "Analysts were surprised.",
            "The index fell 0.5 points.",
        ],
    },
    Case {
        name: "a sentence that starts with a figure",
        text: "The fund was set up in 2019. 2020 was its best year. £5m was raised.",
        expected: &[
            "The fund was set up in 2019.",
            "2020 was its best year.",
            "£5m was raised.",
        ],
    },
    // Ellipses.
    Case {
        name: "ellipses",
        text: "'We'll see...' he said. He paused... Then he spoke. It was… I don't know, odd. \
               The note read: 'We regret [...] any distress.' It was signed.",
        expected: &[
            "'We'll see...' he said.",
            "He paused...",
            "Then he spoke.",
            "It was… I don't know, odd.",
            "The note read: 'We regret [...] any distress.'",
            "It was signed.",
        ],
    },
    // Quotes.
    Case {
        name: "a quoted question or exclamation before a speech tag",
        text: "'Is it over?' asked Ms Jones. 'Yes,' he said. “We won!” she shouted. “Again.”",
        expected: &[
            "'Is it over?' asked Ms Jones.",
            "'Yes,' he said.",
            "“We won!” she shouted.",
            "“Again.”",
        ],
    },
    Case {
        name: "multi-sentence quotes",
        text: "\"We accept the findings. We have invested heavily,\" she said. Shares fell. \
               Chief executive Fiona Ashdown said: “We apologise. We are a different bank \
               today.” Analysts agreed.",
        expected: &[
            "\"We accept the findings.",
            "We have invested heavily,\" she said.",
            "Shares fell.",
            "Chief executive Fiona Ashdown said: “We apologise.",
            "We are a different bank today.”",
            "Analysts agreed.",
        ],
    },
    Case {
        name: "exclamation mark in a name",
        text: "She works at Yahoo! in London. Who hired her? Smith did.",
        expected: &[
            "She works at Yahoo! in London.",
            "Who hired her?",
            "Smith did.",
        ],
    },
    // Names after titles and quotes, and abbreviations users meet in news copy.
    Case {
        name: "titles without stops before names",
        text: "Prof Amira Shah and Gov Tom Reyes met Ms Ada Lind. Mrs Lind left. Dr Ng stayed.",
        expected: &[
            "Prof Amira Shah and Gov Tom Reyes met Ms Ada Lind.",
            "Mrs Lind left.",
            "Dr Ng stayed.",
        ],
    },
    Case {
        name: "military titles and approx.",
        text: "Troops led by Gen. Mark Ruiz and Lt. Col. Ana Diaz crossed approx. 40 km of \
               desert. They stopped at dawn.",
        expected: &[
            "Troops led by Gen. Mark Ruiz and Lt. Col. Ana Diaz crossed approx. 40 km of desert.",
            "They stopped at dawn.",
        ],
    },
    Case {
        name: "a speech tag with a title after a quoted exclamation or question",
        text: "\"Stop the cuts!\" shouted Dr Amir Haddad. Police moved in. \"Why now?\" asked \
               Labour MP Ruth Okafor.",
        expected: &[
            "\"Stop the cuts!\" shouted Dr Amir Haddad.",
            "Police moved in.",
            "\"Why now?\" asked Labour MP Ruth Okafor.",
        ],
    },
    Case {
        name: "U.K. and Ltd. inside a sentence, a title before an initial",
        text: "The U.K. firm Brightwater Ltd. will close its St. Ann's site at 9 a.m. on \
               Monday. Staff were told by Mr. O. Brennan.",
        expected: &[
            "The U.K. firm Brightwater Ltd. will close its St. Ann's site at 9 a.m. on Monday.",
            "Staff were told by Mr. O. Brennan.",
        ],
    },
    // Addresses and scraped text.
    Case {
        name: "e-mail and web addresses",
        text: "Email press@example.com. A spokesman replied. See www.example.co.uk. It has \
               details at https://example.com/a.html. Jane.Doe@example.com answered.",
        expected: &[
            "Email press@example.com.",
            "A spokesman replied.",
            "See www.example.co.uk.",
            "It has details at https://example.com/a.html.",
            "Jane.Doe@example.com answered.",
        ],
    },
    Case {
        name: "no space after a stop in scraped text",
        text: "Flights resumed.The airport said 1,200 passengers were affected.Mr. Patel was \
               among them.",
        expected: &[
            "Flights resumed.",
            "The airport said 1,200 passengers were affected.",
            "Mr. Patel was among them.",
        ],
    },
    // Lines: headlines, captions, wrapped text.
    Case {
        name: "headline, caption and paragraphs without final stops",
        text: "Storm hits coast\n\nWinds reached 90mph. Homes flooded\nResidents wade through \
               water in Port Alder\nThe storm moved inland on Tuesday.\n",
        expected: &[
            "# Storm hits coast",
            "Winds reached 90mph.",
            "Homes flooded",
            "Residents wade through water in Port Alder",
            "The storm moved inland on Tuesday.",
        ],
    },
    Case {
        name: "a first line without a blank line after it is not a headline",
        text: "Storm hits coast\nWinds reached 90mph.",
        expected: &["Storm hits coast", "Winds reached 90mph."],
    },
    Case {
        name: "a headline with a question mark",
        text: "Is the strike over?\n\nUnions said talks would resume on Monday.",
        expected: &[
            "# Is the strike over?",
            "Unions said talks would resume on Monday.",
        ],
    },
    Case {
        name: "wrapped lines go on in lower case",
        text: "The council said the\nroad would close on Friday, and\nthe bridge too. It did.\n\
               Police were\nThere",
        expected: &[
            "The council said the\nroad would close on Friday, and\nthe bridge too.",
            "It did.",
            "Police were",
            "There",
        ],
    },
    Case {
        name: "lines that start in lower case are list entries",
        text: "Related topics\n\nflooding\nweather warnings\nemergency services, rescue\n",
        expected: &[
            "# Related topics",
            "flooding",
            "weather warnings",
            "emergency services, rescue",
        ],
    },
    // Bullet lists.
    Case {
        name: "bullet lists one item a line",
        text: "Key points:\n- Two people died\n- 300 homes lost power\n• Schools are closed\n\
               * Roads reopen on Monday\n1. Trains resume on Tuesday.\n2. Buses run as normal.",
        expected: &[
            "Key points:",
            "- Two people died",
            "- 300 homes lost power",
            "• Schools are closed",
            "* Roads reopen on Monday",
            "1. Trains resume on Tuesday.",
            "2. Buses run as normal.",
        ],
    },
    Case {
        name: "bullets and numbered items on one line",
        text: "What we know: • Two people died • 300 homes lost power. 1. Stay indoors 2. Call \
               999 in an emergency",
        expected: &[
            "What we know:",
            "• Two people died",
            "• 300 homes lost power.",
            "1. Stay indoors",
            "2. Call 999 in an emergency",
        ],
    },
    Case {
        name: "a number after a list marker that does not continue the list",
        text: "1. Police arrived at 5. The fire was out by then.",
        expected: &["1. Police arrived at 5.", "The fire was out by then."],
    },
];

/// The sentences `parse` finds in `text`, with `# ` before the headline's.
fn sentences(text: &str) -> Vec<String> {
    let doc = parse(Source::default(), text, &Lexicon::embedded());
    doc.sentences
        .iter()
        .map(|s| {
            let t = doc.sentence_text(s);
            assert_eq!(t, t.trim(), "sentence spans are trimmed");
            if s.headline {
                format!("# {t}")
            } else {
                t.to_owned()
            }
        })
        .collect()
}

#[test]
fn news_sentence_boundaries() {
    let mut failures = Vec::new();
    for case in CASES {
        let got = sentences(case.text);
        if got != case.expected {
            failures.push(format!(
                "{}\n  text:     {:?}\n  expected: {:#?}\n  got:      {:#?}",
                case.name, case.text, case.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n\n")
    );
}
