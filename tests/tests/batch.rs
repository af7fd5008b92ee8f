//! `claimdiff batch`: one report per JSON Lines record, in input order whatever the number of
//! threads, bad records reported on their line without stopping, a summary on stderr.

use std::fs;

use claimdiff_tests::bin::workspace_root;
use serde_json::{Value, json};

use crate::run::{Claimdiff, Output};
use crate::support::{SEED_A, SEED_B, TempDir, data_pairs};

/// Records as JSON Lines.
fn jsonl(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

/// Each output line parsed as JSON.
fn lines(run: &Output) -> Vec<Value> {
    run.stdout
        .lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("output line is not JSON: {e}: {l}\n{}", run.describe()))
        })
        .collect()
}

fn report_validator() -> jsonschema::Validator {
    let path = workspace_root().join("schema/claimdiff.report.v1.schema.json");
    let schema: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).expect("the report schema is valid")
}

/// The stderr summary line a run must end with.
fn summary(records: usize, ok: usize, errors: usize) -> String {
    let s = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {ok} ok, {}",
        s(records, "record", "records"),
        s(errors, "error", "errors")
    )
}

#[test]
fn batch_output_is_identical_with_one_and_two_jobs() {
    let mut records: Vec<Value> = data_pairs()
        .into_iter()
        .map(|(pair, files)| json!({"id": pair, "sources": files}))
        .collect();
    records.push(json!({"id": "inline", "sources": [
        {"id": "wire", "text": "The quake killed 58 people in Holmstadt on Monday.", "title": "Wire"},
        {"id": "paper", "text": "The quake killed 46 people in Holmstadt on Monday.", "published": "2024-04-02"},
    ]}));
    records.push(json!({"id": "missing", "sources": ["data/pairs/no/such.txt", SEED_A]}));
    let tmp = TempDir::new("batch-jobs");
    let input = tmp.write("pairs.jsonl", jsonl(&records).as_bytes());
    let one = Claimdiff::new([
        "batch".as_ref(),
        input.as_os_str(),
        "--jobs".as_ref(),
        "1".as_ref(),
    ])
    .run()
    .expect_code(0);
    let two = Claimdiff::new([
        "batch".as_ref(),
        input.as_os_str(),
        "--jobs".as_ref(),
        "2".as_ref(),
    ])
    .run()
    .expect_code(0);
    assert!(one.stdout == two.stdout, "--jobs 1 and --jobs 2 differ");
    let n = records.len();
    assert_eq!(
        one.stderr,
        format!("{}\n", summary(n, n - 1, 1)),
        "{}",
        one.describe()
    );

    let validator = report_validator();
    let out = lines(&one);
    assert_eq!(out.len(), n, "one line per record");
    for (record, line) in records.iter().zip(&out) {
        assert_eq!(line["id"], record["id"], "lines keep input order");
        if record["id"] == "missing" {
            let error = line["error"].as_str().unwrap_or_default();
            assert!(
                error.contains("data/pairs/no/such.txt") && error.contains("no such file"),
                "{line}"
            );
            continue;
        }
        let problems: Vec<String> = validator.iter_errors(line).map(|e| e.to_string()).collect();
        assert!(problems.is_empty(), "{}: {problems:?}", record["id"]);
    }
    assert!(
        one.stdout
            .lines()
            .next()
            .unwrap_or_default()
            .starts_with("{\"id\":"),
        "the record's id comes first"
    );
    let inline = &out[n - 2];
    assert_eq!(inline["sources"][0]["id"], "wire");
    assert_eq!(inline["sources"][0]["title"], "Wire");
    assert_eq!(inline["sources"][1]["published"], "2024-04-02");
    assert_eq!(inline["summary"]["conflict"], 1, "{inline}");

    // A record's report is `compare --format json` of its sources, plus the id.
    let seed = out
        .iter()
        .find(|l| l["id"] == "seed-palantir")
        .expect("the seed record")
        .clone();
    let mut seed = seed.as_object().unwrap().clone();
    seed.remove("id");
    let compared: Value = serde_json::from_str(
        &Claimdiff::new(["compare", "--format", "json", SEED_A, SEED_B])
            .run()
            .expect_code(0)
            .stdout,
    )
    .unwrap();
    assert_eq!(Value::Object(seed), compared);
}

#[test]
fn bad_records_become_error_lines_and_the_rest_go_on() {
    let tmp = TempDir::new("batch-bad");
    let root = workspace_root();
    tmp.write("a.txt", &fs::read(root.join(SEED_A)).unwrap());
    tmp.write("b.txt", &fs::read(root.join(SEED_B)).unwrap());
    let text = [
        json!({"id": "relative", "sources": ["a.txt", "b.txt"]}).to_string(),
        "{not json".to_owned(),
        String::new(),
        json!({"id": "one source", "sources": ["a.txt"]}).to_string(),
        json!({"id": 7, "sources": ["a.txt", "b.txt"]}).to_string(),
        json!({"id": "no text", "sources": ["a.txt", {"id": "X"}]}).to_string(),
        json!({"id": "twice", "sources": ["a.txt", {"id": "A", "text": "One."}]}).to_string(),
        json!({"id": "bad date", "sources": ["a.txt", {"text": "Two.", "published": "Monday"}]})
            .to_string(),
        json!({"id": "missing", "sources": ["a.txt", "gone.txt"]}).to_string(),
        json!({"id": "last", "sources": ["b.txt", "a.txt"]}).to_string(),
    ]
    .join("\n");
    tmp.write("in.jsonl", text.as_bytes());
    let run = Claimdiff::new(["batch", "in.jsonl"])
        .current_dir(tmp.path())
        .run()
        .expect_code(0);
    // Not a terminal: no progress bar, only the summary.
    assert_eq!(
        run.stderr,
        format!("{}\n", summary(9, 2, 7)),
        "{}",
        run.describe()
    );
    let out = lines(&run);
    let expected: [(Value, Option<&str>); 9] = [
        (json!("relative"), None),
        (Value::Null, Some("line 2: not JSON")),
        (
            json!("one source"),
            Some("line 4: \"sources\" has 1 source(s)"),
        ),
        (json!(7), Some("line 5: \"id\" must be a string")),
        (
            json!("no text"),
            Some("line 6: source 2: missing field `text`"),
        ),
        (
            json!("twice"),
            Some("line 7: source id \"A\" is given twice"),
        ),
        (
            json!("bad date"),
            Some("line 8: source B: \"published\" is \"Monday\""),
        ),
        (json!("missing"), Some("line 9: gone.txt: no such file")),
        (json!("last"), None),
    ];
    assert_eq!(out.len(), expected.len(), "{}", run.describe());
    assert!(
        run.stdout.lines().all(|l| l.starts_with("{\"id\":")),
        "every line, report or error, starts with the id\n{}",
        run.describe()
    );
    for (line, (id, error)) in out.iter().zip(&expected) {
        assert_eq!(&line["id"], id, "{line}");
        match error {
            Some(error) => {
                let got = line["error"].as_str().unwrap_or_default();
                assert!(got.starts_with(error), "expected {error:?}, got {got:?}");
                assert_eq!(line.as_object().map(|o| o.len()), Some(2), "{line}");
            }
            None => {
                assert_eq!(line["schema"], "claimdiff.report.v1", "{line}");
                assert_eq!(
                    line["sources"][0]["path"],
                    if id == "last" { "b.txt" } else { "a.txt" }
                );
            }
        }
    }
}

#[test]
fn batch_reads_standard_input_and_writes_a_file() {
    let tmp = TempDir::new("batch-stdin");
    let input = jsonl(&[json!({"id": "seed", "sources": [SEED_A, SEED_B]})]);
    let report = tmp.path().join("out.jsonl");
    let run = Claimdiff::new([
        "batch".as_ref(),
        "-".as_ref(),
        "-o".as_ref(),
        report.as_os_str(),
    ])
    .stdin(input.as_bytes())
    .run()
    .expect_code(0);
    assert!(run.stdout.is_empty(), "{}", run.describe());
    assert_eq!(run.stderr, format!("{}\n", summary(1, 1, 0)));
    let written = fs::read_to_string(&report).unwrap();
    let line: Value = serde_json::from_str(written.trim_end()).unwrap();
    assert_eq!(line["id"], "seed");
    assert_eq!(line["summary"]["conflict"], 1);
}

#[test]
fn unreadable_batch_input_is_a_usage_error() {
    Claimdiff::new(["batch", "no-such-pairs.jsonl"])
        .run()
        .expect_usage_error(&["no-such-pairs.jsonl", "no such file"]);
    Claimdiff::new(["batch", SEED_A, "--jobs", "0"])
        .run()
        .expect_code(2);
}
