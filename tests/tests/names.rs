//! `claimdiff claims --format json` names each actor, quote speaker and place owner by its
//! canonical name within the article: titles, surnames, roles and acronyms resolve to the full
//! name written first.

use serde_json::Value;

use crate::run::Claimdiff;
use crate::support::TempDir;

const ARTICLE: &str = "Ministers clash over border plan

Interior Minister Lena Markovic announced the plan on Tuesday. Ms Markovic said it would cost \
£20m. The minister later visited the border.
The British Medical Association (BMA) criticised the plan. \"We will not stop,\" the BMA said.
Protesters gathered outside Norvex's London office. They later marched to the company's Berlin \
headquarters.
\"We are tired,\" said Dr Amir Haddad, a nurse. \"We are angry.\"
";

/// Every fact of `facet` in the article's claims, as `raw = value` (with ` / speaker` for quotes).
fn facts(doc: &Value, facet: &str) -> Vec<String> {
    doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["facts"].as_array().unwrap())
        .filter(|f| f["facet"] == facet)
        .map(|f| {
            let speaker = f["speaker"]
                .as_str()
                .map(|s| format!(" / {s}"))
                .unwrap_or_default();
            format!(
                "{} = {}{speaker}",
                f["raw"].as_str().unwrap(),
                f["value"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn claims_json_shows_canonical_names() {
    let tmp = TempDir::new("names-claims");
    tmp.write("article.txt", ARTICLE.as_bytes());
    let run = Claimdiff::new(["claims", "article.txt", "--format", "json"])
        .current_dir(tmp.path())
        .run()
        .expect_code(0);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    let actors = facts(&doc, "actor");
    for expected in [
        "Interior Minister Lena Markovic = Lena Markovic: interior minister",
        "Ms Markovic = Lena Markovic",
        "The minister = Lena Markovic: minister",
        "British Medical Association = British Medical Association",
        "BMA = British Medical Association",
        "Dr Amir Haddad = Amir Haddad: nurse",
    ] {
        assert!(
            actors.iter().any(|a| a == expected),
            "{expected} in {actors:#?}"
        );
    }
    assert_eq!(
        facts(&doc, "location"),
        [
            "Norvex's London office = Norvex's office (London)",
            "the company's Berlin headquarters = Norvex's headquarters (Berlin)",
        ]
    );
    assert_eq!(
        facts(&doc, "quote"),
        [
            "We will not stop, = we will not stop, / British Medical Association",
            "We are tired, = we are tired, / Amir Haddad",
            "We are angry. = we are angry. / Amir Haddad",
        ]
    );
}
