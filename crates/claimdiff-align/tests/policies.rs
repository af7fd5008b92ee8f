//! The verdict policies of ARCHITECTURE.md, case by case: two short invented reports each,
//! parsed and compared through the public API, and the verdict expected on the figure, date,
//! place, quote or speaker they differ on.

use claimdiff_align::{Comparison, Config, Finding, Verdict, compare};
use claimdiff_parse::{Document, Lexicon, Source, parse};

/// One case: what it shows, the two reports (with publication dates when the case needs
/// them), and the finding expected about the two values named.
struct Case {
    why: &'static str,
    a: (&'static str, Option<&'static str>),
    b: (&'static str, Option<&'static str>),
    /// The raw values of the finding's claims, one from each report.
    values: (&'static str, &'static str),
    /// The verdict expected; `None` when the two values must not be compared at all.
    want: Option<Verdict>,
    /// Words the explanation must contain.
    explains: &'static [&'static str],
}

fn docs(case: &Case, lex: &Lexicon) -> Vec<Document> {
    [("A", case.a), ("B", case.b)]
        .into_iter()
        .map(|(id, (text, published))| {
            let source = Source {
                id: id.to_owned(),
                published: published.map(str::to_owned),
                ..Source::default()
            };
            parse(source, text, lex)
        })
        .collect()
}

/// The finding whose claims include both values (one from each report), if any.
fn finding<'c>(cmp: &'c Comparison, (va, vb): (&str, &str)) -> Option<&'c Finding> {
    let has = |f: &Finding, source: usize, raw: &str| {
        f.claims.iter().any(|c| c.source == source && c.raw == raw)
    };
    cmp.findings.iter().find(|f| has(f, 0, va) && has(f, 1, vb))
}

fn check(cases: &[Case]) {
    let lex = Lexicon::embedded();
    let cfg = Config::default();
    let mut failures = Vec::new();
    for case in cases {
        let cmp = compare(&docs(case, &lex), &lex, &cfg);
        let found = finding(&cmp, case.values);
        let got = found.map(|f| f.verdict);
        // "Not compared" allows anything but a conflict on the two values.
        let ok = match case.want {
            Some(want) => got == Some(want),
            None => got != Some(Verdict::Conflict),
        };
        let explained = found.is_none_or(|f| {
            case.explains
                .iter()
                .all(|w| f.explanation.to_lowercase().contains(&w.to_lowercase()))
        });
        if !ok || !explained {
            failures.push(format!(
                "{}: want {:?}, got {:?} ({})",
                case.why,
                case.want,
                got,
                found.map_or("", |f| f.explanation.as_str())
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn numeric_policy() {
    check(&[
        Case {
            why: "exact values agree",
            a: (
                "Police said 212 people were arrested at the march in Dunmore on Saturday.",
                None,
            ),
            b: (
                "Police said 212 people were arrested during the march in Dunmore.",
                None,
            ),
            values: ("212", "212"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "different exact counts of the same thing conflict",
            a: (
                "Police said 212 people were arrested at the march in Dunmore on Saturday.",
                None,
            ),
            b: (
                "Police said 120 people were arrested during the march in Dunmore.",
                None,
            ),
            values: ("212", "120"),
            want: Some(Verdict::Conflict),
            explains: &["212", "120"],
        },
        Case {
            why: "two shares whose clauses say the same of them conflict, named or not",
            a: (
                "The inspectors found that 38% of pupils had missed more than ten days of lessons.",
                None,
            ),
            b: (
                "The report says 31% had missed over ten days of lessons this year.",
                None,
            ),
            values: ("38%", "31%"),
            want: Some(Verdict::Conflict),
            explains: &["38%", "31%"],
        },
        Case {
            why: "the amount of money each lead opens with is the story's amount",
            a: (
                "Holm United have signed defender Ann Lee from Tamberly City for an initial \
                 fee of £12m. Add-ons could take the deal to £15m.",
                None,
            ),
            b: (
                "Holm United signed Ann Lee from Tamberly City on Monday for an initial 9 \
                 million pounds, the club said. Bonuses could add 3 million pounds.",
                None,
            ),
            values: ("£12m", "9 million pounds"),
            want: Some(Verdict::Conflict),
            explains: &["£12m", "9 million pounds"],
        },
        Case {
            why: "amounts of different orders are not one amount, lead or not",
            a: (
                "Holm United have signed defender Ann Lee from Tamberly City for an initial \
                 fee of £12m. Add-ons could take the deal to £15m.",
                None,
            ),
            b: (
                "Holm United signed Ann Lee from Tamberly City on Monday, paying 900,000 \
                 pounds, the club said. The fee could rise to 14 million pounds.",
                None,
            ),
            values: ("£12m", "900,000 pounds"),
            want: None,
            explains: &[],
        },
        Case {
            why: "clauses that share only what is counted and a place say nothing alike",
            a: (
                "Nine people are known to have died in the flooding in the Harl valley.",
                None,
            ),
            b: (
                "Rescuers in the Harl valley are still searching for 34 people reported missing.",
                None,
            ),
            values: ("Nine", "34"),
            want: None,
            explains: &[],
        },
        Case {
            why: "rounding: nearly 20,000 and 19,800 agree",
            a: (
                "Nearly 20,000 people joined the rally in Hollin on Saturday.",
                None,
            ),
            b: (
                "Some 19,800 people joined the rally in Hollin on Saturday, organisers said.",
                None,
            ),
            values: ("Nearly 20,000", "Some 19,800"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "about allows a tolerance",
            a: (
                "About 40 passengers were injured when the train derailed near Corby.",
                None,
            ),
            b: ("The derailment near Corby injured 43 passengers.", None),
            values: ("About 40", "43"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "a figure outside the hedge's interval conflicts",
            a: (
                "At least 60 passengers were injured when the train derailed near Corby.",
                None,
            ),
            b: (
                "The derailment near Corby injured 43 passengers, the operator said.",
                None,
            ),
            values: ("At least 60", "43"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "km and miles convert",
            a: (
                "The quake's epicentre was 30 miles west of Tarnow, the survey said.",
                None,
            ),
            b: (
                "The quake's epicentre was 48 km west of Tarnow, according to the survey.",
                None,
            ),
            values: ("30 miles", "48 km"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "mph and km/h convert",
            a: (
                "The storm brought winds of 90mph to the coast of Elland on Monday.",
                None,
            ),
            b: (
                "The storm brought winds of 145 km/h to the coast of Elland.",
                None,
            ),
            values: ("90mph", "145 km/h"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "metres and feet convert",
            a: (
                "The miners were trapped at a depth of 410 metres in the Harl pit.",
                None,
            ),
            b: (
                "The miners were trapped at a depth of 1,345 feet in the Harl pit.",
                None,
            ),
            values: ("410 metres", "1,345 feet"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "Celsius and Fahrenheit convert",
            a: (
                "The temperature in Ardal reached a record 41.3C on Wednesday.",
                None,
            ),
            b: (
                "The temperature in Ardal reached a record 106.3F on Wednesday.",
                None,
            ),
            values: ("41.3C", "106.3F"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "Celsius and Fahrenheit that differ conflict",
            a: (
                "The temperature in Ardal reached a record 41.3C on Wednesday.",
                None,
            ),
            b: (
                "The temperature in Ardal reached a record 109.4F on Wednesday.",
                None,
            ),
            values: ("41.3C", "109.4F"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "square feet and square metres convert",
            a: (
                "The new warehouse in Pellow covers 10,000 square feet.",
                None,
            ),
            b: (
                "The new warehouse in Pellow covers 929 square metres.",
                None,
            ),
            values: ("10,000 square feet", "929 square metres"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "two-thirds and 67% agree",
            a: (
                "Two-thirds of members voted to accept the pay offer from Rell Foods.",
                None,
            ),
            b: (
                "67% of members voted to accept the pay offer from Rell Foods.",
                None,
            ),
            values: ("Two-thirds", "67%"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "one in 10 and 10% agree",
            a: (
                "One in 10 adults in Marlow has no access to a dentist, the survey found.",
                None,
            ),
            b: (
                "The survey found 10% of adults in Marlow have no access to a dentist.",
                None,
            ),
            values: ("One in 10", "10%"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "money in two currencies is compared when the text gives both",
            a: (
                "Harlow Systems won a £330m ($417m) contract from the ministry.",
                None,
            ),
            b: (
                "Harlow Systems won a $417m contract from the ministry.",
                None,
            ),
            values: ("$417m", "$417m"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "money in two currencies without a conversion is not compared",
            a: (
                "Harlow Systems won a £330m contract from the ministry.",
                None,
            ),
            b: (
                "Harlow Systems won a $400m contract from the ministry.",
                None,
            ),
            values: ("£330m", "$400m"),
            want: None,
            explains: &[],
        },
        Case {
            why: "counts of different things are distinct, never a conflict",
            a: (
                "The strike killed seven aid workers in Varo, the agency said.",
                None,
            ),
            b: (
                "The war has killed 20,000 people in Varo, the agency said.",
                None,
            ),
            values: ("seven", "20,000"),
            want: Some(Verdict::Distinct),
            explains: &[],
        },
        Case {
            why: "a named measure each report gives once is one thing, even in unlike sentences",
            a: (
                "Voters backed the Green list in Holm. Turnout was 61.4%, the commission said.",
                None,
            ),
            b: (
                "Voters backed the Green list in Holm. Turnout rose to 64.1%, as queues formed \
                 outside polling stations well into the evening.",
                None,
            ),
            values: ("61.4%", "64.1%"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "equal counts of two nouns of one kind agree in matching sentences",
            a: (
                "A further 41 workers managed to climb out of the Holt mine unaided.",
                None,
            ),
            b: (
                "Another 41 miners escaped from the Holt mine unaided.",
                None,
            ),
            values: ("41", "41"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "different counts of two nouns of one kind are no conflict",
            a: (
                "A further 41 workers managed to climb out of the Holt mine unaided.",
                None,
            ),
            b: (
                "Another 38 miners escaped from the Holt mine unaided.",
                None,
            ),
            values: ("41", "38"),
            want: None,
            explains: &[],
        },
        Case {
            why: "the one figure each report gives for a named thing agrees, hedged or not",
            a: (
                "During that period, more than 2,400 customer accounts were allowed to move \
                 money with little scrutiny.",
                None,
            ),
            b: (
                "Investigators found that 2,437 accounts had not been checked.",
                None,
            ),
            values: ("more than 2,400", "2,437"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "a depth in metres and one in feet below ground that cannot match conflict",
            a: (
                "The miners were trapped at a depth of 410 metres after a tunnel collapsed.",
                None,
            ),
            b: (
                "The miners were cut off nearly 900 feet below ground when a tunnel caved in.",
                None,
            ),
            values: ("410 metres", "nearly 900 feet"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "a workforce and a cut in it are different figures of one noun",
            a: ("Harlow Systems employs 11,000 staff across Britain.", None),
            b: ("Harlow Systems will shed 500 staff across Britain.", None),
            values: ("11,000", "500"),
            want: None,
            explains: &[],
        },
        Case {
            why: "figures of this year and last year are no conflict, though neither resolves",
            a: (
                "The pension fund lost £120m this year, the trustees said.",
                None,
            ),
            b: (
                "The pension fund lost £95m last year, the trustees said.",
                None,
            ),
            values: ("£120m", "£95m"),
            want: None,
            explains: &[],
        },
        Case {
            why: "what a ferry holds is not how many it carried",
            a: (
                "The ferry was carrying 212 passengers when it sank off Harwick.",
                None,
            ),
            b: ("The 300-passenger ferry sank off Harwick on Tuesday.", None),
            values: ("212", "300"),
            want: None,
            explains: &[],
        },
        Case {
            why: "an expected figure is no claim of what happened",
            a: (
                "About 2,000 people attended the rally in Holm on Saturday.",
                None,
            ),
            b: (
                "Organisers had expected 5,000 people at the rally in Holm on Saturday.",
                None,
            ),
            values: ("About 2,000", "5,000"),
            want: None,
            explains: &[],
        },
        Case {
            why: "a toll is not agreed away by a figure of another event in the sentence",
            a: (
                "At least 42 people were killed and 300 injured in the quake, officials said.",
                None,
            ),
            b: (
                "The quake killed 37 people and injured more than 300, officials said.",
                None,
            ),
            values: ("At least 42", "37"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "an average is no occurrence: it neither conflicts nor keeps a figure from being \
                  its report's one figure of a thing",
            a: ("Thermometers in Corvale reached 39.1C on Monday.", None),
            b: (
                "Corvale hit 39.9C on Monday, the weather service said. The average August high \
                 in Corvale is about 29C.",
                None,
            ),
            values: ("39.1C", "39.9C"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "an average against a day's figure is not compared",
            a: ("Thermometers in Corvale reached 39.1C on Monday.", None),
            b: (
                "The average August high in Corvale is about 29C, the weather service said.",
                None,
            ),
            values: ("39.1C", "about 29C"),
            want: None,
            explains: &[],
        },
        Case {
            why: "the noun \"project\" does not make a figure a projection",
            a: (
                "The £90m stadium project would add 4,000 seats to the Holm ground.",
                None,
            ),
            b: (
                "The £90m stadium expansion would add 4,500 seats to the Holm ground.",
                None,
            ),
            values: ("4,000", "4,500"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "what something has in all is not the part something happened to",
            a: (
                "Norbury Academy, which has 900 pupils, was closed on Friday.",
                None,
            ),
            b: (
                "About 120 pupils at Norbury Academy were sent home on Friday.",
                None,
            ),
            values: ("900", "About 120"),
            want: None,
            explains: &[],
        },
        Case {
            why: "a change with \"by\" after a verb of change is the change, not a margin",
            a: (
                "The Holm economy grew by 0.4% in the third quarter, officials said.",
                None,
            ),
            b: (
                "The Holm economy grew 0.7% in the third quarter, officials said.",
                None,
            ),
            values: ("0.4%", "0.7%"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "a margin is not a total",
            a: ("Mr Dale won the Holm seat by 2,310 votes.", None),
            b: ("Mr Dale took 21,400 votes in the Holm seat.", None),
            values: ("2,310", "21,400"),
            want: None,
            explains: &[],
        },
        Case {
            why: "a figure for the whole country is not one for a place it names",
            a: ("Turnout was 58% nationally, the commission said.", None),
            b: ("In Holm, turnout was 71%, the commission said.", None),
            values: ("58%", "71%"),
            want: None,
            explains: &[],
        },
        Case {
            why: "a figure across a whole area is not one the other sentence gives without it",
            a: ("Across the county, turnout was 41%, officials said.", None),
            b: ("Turnout was 29%, officials said.", None),
            values: ("41%", "29%"),
            want: None,
            explains: &[],
        },
        Case {
            why: "the one amount of money each report gives is one amount",
            a: (
                "The Holm mansion sold for $42 million, according to property records.",
                None,
            ),
            b: (
                "Property records show the Holm mansion changed hands for $24 million.",
                None,
            ),
            values: ("$42 million", "$24 million"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "the one speed each report gives is one speed, in any units",
            a: (
                "The storm's winds over Holm peaked at 90mph, forecasters said.",
                None,
            ),
            b: (
                "Forecasters said the storm's strongest winds over Holm reached 90 km/h.",
                None,
            ),
            values: ("90mph", "90 km/h"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "one of two lengths is not the one length",
            a: (
                "The Holm glacier has retreated 300 metres since 2000.",
                None,
            ),
            b: (
                "The Holm glacier, 12 km long, has shrunk back by 250 metres since 2000.",
                None,
            ),
            values: ("300 metres", "12 km"),
            want: None,
            explains: &[],
        },
        Case {
            why: "two reports' one amounts of different orders are a price and a total",
            a: ("Tickets for the Holm concert cost £65 each.", None),
            b: (
                "The Holm concert sold out, taking £2.1m in ticket sales.",
                None,
            ),
            values: ("£65", "£2.1m"),
            want: None,
            explains: &[],
        },
        Case {
            why: "one of two amounts is not the one amount",
            a: (
                "The Holm mansion sold for $42 million, according to property records.",
                None,
            ),
            b: (
                "Property records show the Holm mansion, bought for $9 million in 2010, changed \
                 hands for $24 million.",
                None,
            ),
            values: ("$42 million", "$9 million"),
            want: None,
            explains: &[],
        },
        Case {
            why: "a part singled out is not the whole",
            a: (
                "The storm has cut power to 48,000 homes since Sunday.",
                None,
            ),
            b: (
                "In Holm alone, 9,000 homes lost power, the grid operator said.",
                None,
            ),
            values: ("48,000", "9,000"),
            want: None,
            explains: &[],
        },
        Case {
            why: "a figure a measure rose by is not the level it rose to",
            a: ("Turnout in Holm was 61.4%, officials said.", None),
            b: ("Turnout in Holm rose by 3.2%, officials said.", None),
            values: ("61.4%", "3.2%"),
            want: None,
            explains: &[],
        },
    ]);
}

#[test]
fn time_policy() {
    check(&[
        Case {
            why: "when an event began and when it ended are two moments, not a conflict",
            a: (
                "The rally began at 10am outside the town hall in Holm.",
                None,
            ),
            b: (
                "The rally ended at 2pm outside the town hall in Holm.",
                None,
            ),
            values: ("10am", "2pm"),
            want: None,
            explains: &[],
        },
        Case {
            why: "one period written two ways agrees",
            a: (
                "The lender failed to check customers between 2018 and 2022, the regulator said.",
                None,
            ),
            b: (
                "From 2018 to 2022 the bank did not properly vet its customers, the regulator found.",
                None,
            ),
            values: ("between 2018 and 2022", "From 2018 to 2022"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "the same event on different dates conflicts",
            a: (
                "The earthquake struck near Ilvara on 2 February, killing 87 people.",
                None,
            ),
            b: (
                "The earthquake struck near Ilvara on 3 February, killing 87 people.",
                None,
            ),
            values: ("2 February", "3 February"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "two places and two dates are two occasions, not a date conflict",
            a: (
                "About 2,000 people protested in Orsk on 5 April 2025, police said.",
                None,
            ),
            b: (
                "About 3,000 people protested in Tamberly on 19 April 2025, police said.",
                None,
            ),
            values: ("5 April 2025", "19 April 2025"),
            want: None,
            explains: &[],
        },
        Case {
            why: "leads naming one place on two days tell one occasion: its date conflicts, \
                  with no event word beside the dates",
            a: (
                "A tiger that got out of its enclosure at Harwick Zoo on Monday 3 March was \
                 caught in a field, keepers said.",
                None,
            ),
            b: (
                "A tiger that broke out of Harwick Zoo on Tuesday 4 March was caught in a \
                 field, keepers said.",
                None,
            ),
            values: ("Monday 3 March", "Tuesday 4 March"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "one organisation's act dated differently in matching sentences is one \
                  occasion, its date in conflict (\"planned care\" tells no future)",
            a: (
                "The Holm Audit Office report, published on Monday 3 March, found long waits.",
                None,
            ),
            b: (
                "The Holm Audit Office report on planned care, published on Tuesday 4 March, \
                 found long waits.",
                None,
            ),
            values: ("Monday 3 March", "Tuesday 4 March"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "names do not count in the words before a date that it hangs on",
            a: ("The Holm bridge was opened by Mayor Ann Lee in 1931.", None),
            b: (
                "The Holm bridge, opened by Mayor Ann Lee in 1934, will close next year.",
                None,
            ),
            values: ("1931", "1934"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "a crash and a collision are one event; \"happened\" and \"occurred\" one word",
            a: (
                "The collision on the Holm bypass happened at 7.40am, police said.",
                None,
            ),
            b: (
                "The crash on the Holm bypass occurred shortly after 9.40am, police said.",
                None,
            ),
            values: ("7.40am", "after 9.40am"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "two words of ending hang two times on one moment",
            a: (
                "Polls in the Dunmore by-election closed at 10pm on Thursday, officials said.",
                None,
            ),
            b: (
                "Voting in the Dunmore by-election ended at 9pm on Thursday, officials said.",
                None,
            ),
            values: ("10pm", "9pm"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "what is to happen and what happened are two moments, not a date conflict",
            a: (
                "Two men were arrested in Holm on 2 April after a raid on a jewellery shop, \
                 police said.",
                None,
            ),
            b: (
                "Two men charged over a raid on a jewellery shop in Holm will appear in court \
                 on 14 April, police said.",
                None,
            ),
            values: ("2 April", "14 April"),
            want: None,
            explains: &[],
        },
        Case {
            why: "two dates of one thing to happen conflict",
            a: (
                "Pay talks between the union and the council are due to be held at Holm Town \
                 Hall on 14 March.",
                None,
            ),
            b: (
                "Pay talks between the union and the council are expected to be held at Holm \
                 Town Hall on 17 March.",
                None,
            ),
            values: ("14 March", "17 March"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "the same event at different clock times conflicts",
            a: (
                "The fire at the Brook Street depot broke out at 10:30pm on Friday.",
                None,
            ),
            b: (
                "The fire at the Brook Street depot broke out at 11:45pm on Friday.",
                None,
            ),
            values: ("10:30pm", "11:45pm"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "the one clock time each report gives, in sentences telling the same thing, \
                  conflicts though no event word stands beside either",
            a: (
                "Thieves entered the Holm jewellery shop through a skylight at about 3:40am, \
                 police said.",
                None,
            ),
            b: (
                "The burglars got into the Holm jewellery shop shortly after 2:15am through a \
                 roof skylight, officers said.",
                None,
            ),
            values: ("about 3:40am", "after 2:15am"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "the one clock time of each report, one said to be when it began, conflicts",
            a: (
                "The strike at the Holm bus depot began at 4am on Monday, union officials said.",
                None,
            ),
            b: (
                "Drivers at the Holm bus depot went on strike at 5am on Monday, union officials \
                 said.",
                None,
            ),
            values: ("4am", "5am"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "a report giving two clock times does not say which one the other's is",
            a: (
                "Thieves entered the Holm jewellery shop through a skylight at about 3:40am, \
                 police said. Officers reached the shop at 4:10am.",
                None,
            ),
            b: (
                "The burglars got into the Holm jewellery shop shortly after 2:15am through a \
                 roof skylight, officers said.",
                None,
            ),
            values: ("about 3:40am", "after 2:15am"),
            want: None,
            explains: &[],
        },
        Case {
            why: "a relative date without a publication date is not compared",
            a: (
                "The earthquake struck Ilvara on Monday, killing 87 people.",
                None,
            ),
            b: (
                "The earthquake struck Ilvara on 3 March, killing 87 people.",
                None,
            ),
            values: ("Monday", "3 March"),
            want: None,
            explains: &[],
        },
        Case {
            why: "a relative date resolves against the publication date and agrees",
            a: (
                "The earthquake struck Ilvara on Monday, killing 87 people.",
                Some("2025-03-05"),
            ),
            b: (
                "The earthquake struck Ilvara on 3 March, killing 87 people.",
                Some("2025-03-05"),
            ),
            values: ("Monday", "3 March"),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "a later report with a higher toll is an update, not a conflict",
            a: (
                "The landslide in Rusaka has killed 14 people, officials said.",
                Some("2025-06-03"),
            ),
            b: (
                "The landslide in Rusaka has killed 31 people, officials said.",
                Some("2025-06-05"),
            ),
            values: ("14", "31"),
            want: Some(Verdict::Distinct),
            explains: &["update"],
        },
        Case {
            why: "an earlier report with a higher toll stays a conflict",
            a: (
                "The landslide in Rusaka has killed 31 people, officials said.",
                Some("2025-06-03"),
            ),
            b: (
                "The landslide in Rusaka has killed 14 people, officials said.",
                Some("2025-06-05"),
            ),
            values: ("31", "14"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
    ]);
}

#[test]
fn place_policy() {
    check(&[
        Case {
            why: "the same event in two places conflicts",
            a: (
                "About 300 nurses protested outside Holm Town Hall on Monday.",
                None,
            ),
            b: (
                "About 300 nurses protested outside Tamberly Infirmary on Monday.",
                None,
            ),
            values: ("Holm Town Hall", "Tamberly Infirmary"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "one thing placed in two places by matching sentences conflicts, with no \
                  event word",
            a: (
                "The stolen van was found in a car park on Beech Road, police said.",
                None,
            ),
            b: (
                "The stolen van was found in a car park on Elm Street, police said.",
                None,
            ),
            values: ("Beech Road", "Elm Street"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "one thing placed in two places, though both sentences name a third place",
            a: (
                "The van taken from Holm depot on Friday was found in a car park on Beech Road.",
                None,
            ),
            b: (
                "The van stolen from Holm depot on Friday turned up in a car park on Elm \
                 Street.",
                None,
            ),
            values: ("Beech Road", "Elm Street"),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "two different things in two places are not compared",
            a: (
                "The stolen van was found in a car park on Beech Road, police said.",
                None,
            ),
            b: (
                "The stolen van was found in a garage on Elm Street, police said.",
                None,
            ),
            values: ("Beech Road", "Elm Street"),
            want: None,
            explains: &[],
        },
        Case {
            why: "the one named place of its kind each report gives conflicts (\"industrial \
                  estate\"), even with different words for what is there",
            a: (
                "The fire started in the Norvex plant on the Brindle Lane industrial estate.",
                None,
            ),
            b: (
                "The blaze began at the Norvex factory on the Kestrel Park industrial estate.",
                None,
            ),
            values: (
                "the Brindle Lane industrial estate",
                "the Kestrel Park industrial estate",
            ),
            want: Some(Verdict::Conflict),
            explains: &[],
        },
        Case {
            why: "one of two named places of a kind is not the one place of its kind",
            a: (
                "The fire started in the Norvex plant on the Brindle Lane industrial estate.",
                None,
            ),
            b: (
                "The blaze began at the Norvex factory on the Kestrel Park industrial estate, \
                 and spread to a unit on the Holm Road industrial estate.",
                None,
            ),
            values: (
                "the Brindle Lane industrial estate",
                "the Kestrel Park industrial estate",
            ),
            want: None,
            explains: &[],
        },
        Case {
            why: "things of which there may be several are not placed once",
            a: (
                "Holm Bank, which was fined on Monday, has offices in Leeds.",
                None,
            ),
            b: (
                "Holm Bank, which was fined on Monday, has offices in York.",
                None,
            ),
            values: ("Leeds", "York"),
            want: None,
            explains: &[],
        },
        Case {
            why: "a distance and direction from one place agree in any units, the place named \
                  in one report and called \"the town\" in the other",
            a: (
                "The quake struck at 4am. Its epicentre was about 15 km north of Dravik.",
                None,
            ),
            b: (
                "The quake damaged homes in Dravik. Its epicentre was around nine miles north \
                 of the town.",
                None,
            ),
            values: (
                "about 15 km north of Dravik",
                "around nine miles north of the town",
            ),
            want: Some(Verdict::Agree),
            explains: &[],
        },
        Case {
            why: "two distances from one place may be of two things: never a conflict",
            a: (
                "Debris fell about 15 km north of Dravik, officials said.",
                None,
            ),
            b: (
                "Debris fell about 60 km north of Dravik, officials said.",
                None,
            ),
            values: ("about 15 km north of Dravik", "about 60 km north of Dravik"),
            want: None,
            explains: &[],
        },
        Case {
            why: "a distance from a place is not the place",
            a: ("The quake struck about 15 km north of Dravik.", None),
            b: ("The quake struck Tamberly.", None),
            values: ("about 15 km north of Dravik", "Tamberly"),
            want: None,
            explains: &[],
        },
        Case {
            why: "a place inside another is no conflict",
            a: ("About 300 nurses protested in Holm on Monday.", None),
            b: (
                "About 300 nurses protested at Holm Town Hall in Holm on Monday.",
                None,
            ),
            values: ("Holm", "Holm Town Hall"),
            want: None,
            explains: &[],
        },
    ]);
}

#[test]
fn quote_and_attribution_policy() {
    check(&[
        Case {
            why: "the same quote with a word changed conflicts, with a word diff",
            a: (
                "\"We have made a fair offer and we expect it to be accepted,\" said chief executive Dana Holt.",
                None,
            ),
            b: (
                "\"We have made a final offer and we expect it to be accepted,\" said chief executive Dana Holt.",
                None,
            ),
            values: (
                "We have made a fair offer and we expect it to be accepted,",
                "We have made a final offer and we expect it to be accepted,",
            ),
            want: Some(Verdict::Conflict),
            explains: &["-fair", "+final"],
        },
        Case {
            why: "the same words given to two speakers is an actor conflict",
            a: (
                "\"This decision puts lives at risk,\" said Mayor Ruth Calder.",
                None,
            ),
            b: (
                "\"This decision puts lives at risk,\" said council leader Tom Ashby.",
                None,
            ),
            values: (
                "This decision puts lives at risk,",
                "This decision puts lives at risk,",
            ),
            want: Some(Verdict::Conflict),
            explains: &["Ruth Calder", "Tom Ashby"],
        },
        Case {
            why: "figures from two named sources conflict, naming both sources",
            a: (
                "Three people were killed in the blast in Orlov, police said.",
                None,
            ),
            b: (
                "Five people were killed in the blast in Orlov, the city hospital said.",
                None,
            ),
            values: ("Three", "Five"),
            want: Some(Verdict::Conflict),
            explains: &["police", "hospital"],
        },
    ]);
}

/// With three sources, a source that gives the very value of one side of a conflict is in it,
/// though its own sentence alone was not close enough to the dissenter's to say so.
#[test]
fn a_source_siding_with_a_conflict_is_in_it() {
    let lex = Lexicon::embedded();
    let texts = [
        "The plane touched down at 2.14pm on Tuesday, the airline said.",
        "The plane landed at 2:14 p.m. on Tuesday, the airline said.",
        "The plane landed at 3.14pm on Tuesday, the airline said.",
    ];
    let docs: Vec<Document> = texts
        .iter()
        .zip(["A", "B", "C"])
        .map(|(text, id)| {
            let source = Source {
                id: id.to_owned(),
                ..Source::default()
            };
            parse(source, text, &lex)
        })
        .collect();
    let cmp = compare(&docs, &lex, &Config::default());
    let conflict = cmp
        .findings
        .iter()
        .find(|f| f.verdict == Verdict::Conflict)
        .unwrap_or_else(|| panic!("no conflict: {:#?}", cmp.findings));
    let mut raws: Vec<(usize, &str)> = conflict
        .claims
        .iter()
        .map(|c| (c.source, c.raw.as_str()))
        .collect();
    raws.sort_unstable();
    assert_eq!(raws, [(0, "2.14pm"), (1, "2:14 p.m."), (2, "3.14pm")]);
}
