//! The JSON Schemas in `schema/` against what the binary writes: every `compare --format json`
//! report over `data/pairs`, every `claims --format json` of an article and every baseline must
//! validate, and reports broken on purpose must not.

use std::fs;

use claimdiff_tests::bin::workspace_root;
use jsonschema::Validator;
use serde_json::{Value, json};

use crate::support::{SEED_A, SEED_B, args_with_files, assert_no_problems, claimdiff, data_pairs};

pub(crate) const REPORT: &str = "claimdiff.report.v1";
const CLAIMS: &str = "claimdiff.claims.v1";
const BASELINE: &str = "claimdiff.baseline.v1";

/// `schema/NAME.schema.json`, parsed.
fn schema(name: &str) -> Value {
    let path = workspace_root().join(format!("schema/{name}.schema.json"));
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

/// A draft 2020-12 validator for `schema/NAME.schema.json` (the schema is checked against the
/// meta-schema when the validator is built).
pub(crate) fn validator(name: &str) -> Validator {
    jsonschema::draft202012::new(&schema(name))
        .unwrap_or_else(|e| panic!("schema/{name}.schema.json is not a valid schema: {e}"))
}

/// Every error of `instance` under `validator`, as `at PATH: MESSAGE`.
pub(crate) fn errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("at {}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn schemas_are_draft_2020_12_and_name_their_contract() {
    let mut problems = Vec::new();
    for name in [REPORT, CLAIMS, BASELINE] {
        let s = schema(name);
        if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
            problems.push(format!("{name}: $schema is {}", s["$schema"]));
        }
        if let Err(e) = jsonschema::meta::validate(&s) {
            problems.push(format!("{name}: not a valid schema: {e}"));
        }
        if s["properties"]["schema"]["const"] != name {
            problems.push(format!(
                "{name}: properties.schema.const is {}",
                s["properties"]["schema"]["const"]
            ));
        }
    }
    assert_no_problems("schemas", &problems);
}

#[test]
fn every_compare_report_matches_the_report_schema() {
    let validator = validator(REPORT);
    let pairs = data_pairs();
    assert!(pairs.len() >= 2, "too few pairs in data/pairs: {pairs:?}");
    let mut problems = Vec::new();
    for (pair, files) in &pairs {
        let report = claimdiff(args_with_files(&["compare", "--format", "json"], files)).json();
        problems.extend(
            errors(&validator, &report)
                .into_iter()
                .map(|e| format!("{pair}: {e}")),
        );
    }
    // More than two sources: the schema has no two-source assumption.
    let three = claimdiff(["compare", "--format", "json", SEED_A, SEED_B, SEED_A]).json();
    problems.extend(
        errors(&validator, &three)
            .into_iter()
            .map(|e| format!("three sources: {e}")),
    );
    assert_no_problems("report schema", &problems);
}

#[test]
fn every_claims_report_matches_the_claims_schema() {
    let validator = validator(CLAIMS);
    let mut problems = Vec::new();
    let mut articles = 0;
    for (_, files) in data_pairs() {
        for file in files {
            let claims = claimdiff(["claims", "--format", "json", &file]).json();
            problems.extend(
                errors(&validator, &claims)
                    .into_iter()
                    .map(|e| format!("{file}: {e}")),
            );
            articles += 1;
        }
    }
    assert!(articles >= 4, "only {articles} articles in data/pairs");
    assert_no_problems("claims schema", &problems);
}

#[test]
fn every_baseline_matches_the_baseline_schema() {
    let validator = validator(BASELINE);
    let mut problems = Vec::new();
    for (pair, files) in data_pairs() {
        let baseline = claimdiff(args_with_files(&["baseline"], &files)).json();
        problems.extend(
            errors(&validator, &baseline)
                .into_iter()
                .map(|e| format!("{pair}: {e}")),
        );
    }
    assert_no_problems("baseline schema", &problems);
}

/// A change that breaks a document, and the instance path the validator must blame.
struct Breakage {
    what: &'static str,
    apply: fn(&mut Value),
    blamed: &'static str,
}

fn first_finding(report: &mut Value) -> &mut serde_json::Map<String, Value> {
    report["findings"][0]
        .as_object_mut()
        .expect("the seed report has findings")
}

fn first_claim(report: &mut Value) -> &mut serde_json::Map<String, Value> {
    report["findings"][0]["claims"][0]
        .as_object_mut()
        .expect("the first finding has claims")
}

const REPORT_BREAKAGES: &[Breakage] = &[
    Breakage {
        what: "a finding without `verdict`",
        apply: |r| {
            first_finding(r).remove("verdict");
        },
        blamed: "/findings/0",
    },
    Breakage {
        what: "an unknown verdict",
        apply: |r| {
            first_finding(r).insert("verdict".into(), json!("maybe"));
        },
        blamed: "/findings/0/verdict",
    },
    Breakage {
        what: "an unknown facet",
        apply: |r| {
            first_finding(r).insert("facet".into(), json!("weather"));
        },
        blamed: "/findings/0/facet",
    },
    Breakage {
        what: "confidence above 1",
        apply: |r| {
            first_finding(r).insert("confidence".into(), json!(1.5));
        },
        blamed: "/findings/0/confidence",
    },
    Breakage {
        what: "a span of three numbers",
        apply: |r| {
            first_claim(r).insert("span".into(), json!([1, 2, 3]));
        },
        blamed: "/findings/0/claims/0/span",
    },
    Breakage {
        what: "a span as an object",
        apply: |r| {
            first_claim(r).insert("span".into(), json!({"start": 1, "end": 2}));
        },
        blamed: "/findings/0/claims/0/span",
    },
    Breakage {
        what: "line 0",
        apply: |r| {
            first_claim(r).insert("line".into(), json!(0));
        },
        blamed: "/findings/0/claims/0/line",
    },
    Breakage {
        what: "column 0",
        apply: |r| {
            first_claim(r).insert("column".into(), json!(0));
        },
        blamed: "/findings/0/claims/0/column",
    },
    Breakage {
        what: "a claim without `raw`",
        apply: |r| {
            first_claim(r).remove("raw");
        },
        blamed: "/findings/0/claims/0",
    },
    Breakage {
        what: "a summary without `only_in`",
        apply: |r| {
            r["summary"].as_object_mut().unwrap().remove("only_in");
        },
        blamed: "/summary",
    },
    Breakage {
        what: "another schema name",
        apply: |r| r["schema"] = json!("claimdiff.report.v2"),
        blamed: "/schema",
    },
];

const CLAIMS_BREAKAGES: &[Breakage] = &[
    Breakage {
        what: "a quantity fact without `quantity`",
        apply: |c| {
            let fact = c["sentences"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .flat_map(|s| s["facts"].as_array_mut().unwrap().iter_mut())
                .find(|f| f["facet"] == "quantity")
                .expect("the seed article has a quantity");
            fact.as_object_mut().unwrap().remove("quantity");
        },
        blamed: "/sentences/",
    },
    Breakage {
        what: "sentence line 0",
        apply: |c| c["sentences"][0]["line"] = json!(0),
        blamed: "/sentences/0/line",
    },
    Breakage {
        what: "a source without `path`",
        apply: |c| {
            c["source"].as_object_mut().unwrap().remove("path");
        },
        blamed: "/source",
    },
];

/// Checks that each breakage of `document` fails `validator`, blaming the expected place.
fn check_breakages(validator: &Validator, document: &Value, breakages: &[Breakage]) {
    assert!(
        validator.is_valid(document),
        "the unbroken document is already invalid: {:?}",
        errors(validator, document)
    );
    let mut problems = Vec::new();
    for breakage in breakages {
        let mut broken = document.clone();
        (breakage.apply)(&mut broken);
        let found = errors(validator, &broken);
        let blamed = format!("at {}", breakage.blamed);
        if found.is_empty() {
            problems.push(format!("{}: accepted", breakage.what));
        } else if !found.iter().any(|e| e.starts_with(&blamed)) {
            problems.push(format!(
                "{}: rejected, but not {blamed}: {found:?}",
                breakage.what
            ));
        }
    }
    assert_no_problems("broken documents", &problems);
}

#[test]
fn report_schema_rejects_broken_reports() {
    let report = claimdiff(["compare", "--format", "json", SEED_A, SEED_B]).json();
    check_breakages(&validator(REPORT), &report, REPORT_BREAKAGES);
}

#[test]
fn claims_schema_rejects_broken_claims() {
    let claims = claimdiff(["claims", "--format", "json", SEED_B]).json();
    check_breakages(&validator(CLAIMS), &claims, CLAIMS_BREAKAGES);
}
