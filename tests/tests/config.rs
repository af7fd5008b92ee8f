//! `claimdiff.toml` (working directory or `--config FILE`): thresholds, aliases, abbreviations
//! and event words change what claimdiff finds; `--threshold` overrides the file; an unknown
//! key is a usage error naming the file and the key.

use std::path::Path;

use claimdiff_tests::bin::workspace_root;
use serde_json::Value;

use crate::run::Claimdiff;
use crate::support::{SEED_A, SEED_B, TempDir};

/// The seed pair's summary counts when run in `dir` with `flags`.
fn seed_conflicts(dir: &Path, flags: &[&str]) -> u64 {
    let root = workspace_root();
    let mut args: Vec<std::ffi::OsString> =
        vec!["compare".into(), "--format".into(), "json".into()];
    args.extend(flags.iter().map(Into::into));
    args.push(root.join(SEED_A).into());
    args.push(root.join(SEED_B).into());
    let run = Claimdiff::new(args).current_dir(dir).run().expect_code(0);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    report["summary"]["conflict"].as_u64().unwrap()
}

#[test]
fn thresholds_come_from_the_file_and_flags_override_them() {
    let tmp = TempDir::new("config-thresholds");
    assert_eq!(
        seed_conflicts(tmp.path(), &[]),
        1,
        "no config: the seed's conflict"
    );
    // The seed's conflict is about the leads' main event; asking for near-identical context
    // there removes it.
    tmp.write("claimdiff.toml", b"[thresholds]\nframe_context = 0.9\n");
    assert_eq!(
        seed_conflicts(tmp.path(), &[]),
        0,
        "claimdiff.toml in the working directory"
    );
    assert_eq!(
        seed_conflicts(tmp.path(), &["--threshold", "frame_context=0.1"]),
        1,
        "--threshold overrides the file"
    );
    let other = TempDir::new("config-elsewhere");
    let file = tmp.path().join("claimdiff.toml");
    assert_eq!(
        seed_conflicts(other.path(), &["--config", file.to_str().unwrap()]),
        0,
        "--config FILE"
    );
    Claimdiff::new(["compare", SEED_A, SEED_B, "--threshold", "frame_context=2"])
        .run()
        .expect_usage_error(&["frame_context", "between 0 and 1"]);
    Claimdiff::new(["compare", SEED_A, SEED_B, "--threshold", "frame=0.5"])
        .run()
        .expect_usage_error(&["unknown threshold `frame`"]);
}

/// `claims --format json` of `text` in a folder whose `claimdiff.toml` is `config`.
fn claims_with(config: Option<&str>, text: &str) -> Value {
    let tmp = TempDir::new("config-claims");
    tmp.write("article.txt", text.as_bytes());
    if let Some(config) = config {
        tmp.write("claimdiff.toml", config.as_bytes());
    }
    let run = Claimdiff::new(["claims", "article.txt", "--format", "json"])
        .current_dir(tmp.path())
        .run()
        .expect_code(0);
    serde_json::from_str(&run.stdout).unwrap()
}

fn sentences(doc: &Value) -> Vec<&Value> {
    doc["sentences"].as_array().unwrap().iter().collect()
}

#[test]
fn aliases_name_groups() {
    let text = "On Monday, boatmen protested outside the harbour.\n";
    let actors = |doc: &Value| -> Vec<String> {
        sentences(doc)
            .iter()
            .flat_map(|s| s["facts"].as_array().unwrap())
            .filter(|f| f["facet"] == "actor")
            .map(|f| format!("{} = {}", f["raw"], f["value"]))
            .collect()
    };
    assert_eq!(actors(&claims_with(None, text)), Vec::<String>::new());
    let doc = claims_with(
        Some("[aliases]\n\"lifeboat crews\" = [\"boatmen\"]\n"),
        text,
    );
    assert_eq!(actors(&doc), ["\"boatmen\" = \"lifeboat crews\""]);
}

#[test]
fn abbreviations_do_not_end_sentences() {
    // (words in claimdiff.toml, text): without the file the stop after the abbreviation ends a
    // sentence; with it the text is one sentence. Written with or without the stop, any case.
    let cases = [
        (
            "[\"Cpl\"]",
            "The order was signed by Cpl. Jones on Monday.\n",
        ),
        (
            "[\"Cllr.\"]",
            "The motion was tabled by Cllr. Amira Shah on Monday.\n",
        ),
        (
            "[\"amb\"]",
            "The letter was signed by Amb. Lena Ford in Oslo.\n",
        ),
        (
            "[\"Gen.\", \"Brig\"]",
            "He met Maj. Gen. Ruiz and Brig. Gen. Ana Diaz.\n",
        ),
    ];
    for (words, text) in cases {
        let without = claims_with(None, text);
        let config = format!("[abbreviations]\nwords = {words}\n");
        let with = claims_with(Some(&config), text);
        let texts = |doc: &Value| -> Vec<String> {
            sentences(doc)
                .iter()
                .map(|s| s["text"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(texts(&with), [text.trim_end()], "with {words}");
        if words.contains("Gen.") {
            // "Gen." and "Brig." are known already: the file changes nothing.
            assert_eq!(texts(&without), texts(&with), "{words} is built in");
        } else {
            assert!(texts(&without).len() > 1, "{words} splits without the file");
        }
    }
}

#[test]
fn built_in_abbreviations_need_no_file() {
    // (text, sentences): "Gen." and "approx." are in the embedded list.
    let cases = [
        ("Troops led by Gen. Mark Ruiz crossed the river.\n", 1),
        (
            "The site covers approx. 40 hectares. It opened in May.\n",
            2,
        ),
    ];
    for (text, n) in cases {
        let doc = claims_with(None, text);
        assert_eq!(sentences(&doc).len(), n, "{doc}");
    }
}

#[test]
fn lexicon_events_add_event_words() {
    let text = "Staff held a go-slow at the plant on Tuesday.\n";
    let events = |doc: &Value| sentences(doc)[0]["events"].clone();
    assert_eq!(events(&claims_with(None, text)), serde_json::json!([]));
    let doc = claims_with(Some("[lexicon.events]\nstrike = [\"go-slow\"]\n"), text);
    assert_eq!(events(&doc), serde_json::json!(["strike"]));
}

#[test]
fn unknown_keys_are_usage_errors_naming_the_file_and_key() {
    let cases = [
        (
            "[thresholds]\nframe = 0.5\n",
            "claimdiff.toml:2:1",
            "unknown field `frame`",
        ),
        (
            "[colors]\nauto = true\n",
            "claimdiff.toml:1:2",
            "unknown field `colors`",
        ),
        (
            "[lexicon.verbs]\nx = [\"y\"]\n",
            "claimdiff.toml:1:10",
            "unknown field `verbs`",
        ),
        (
            "[abbreviations]\nword = [\"Cpl\"]\n",
            "claimdiff.toml:2:1",
            "unknown field `word`",
        ),
        (
            "[thresholds]\nframe_context = \"high\"\n",
            "claimdiff.toml:2:17",
            "invalid type",
        ),
        (
            "[thresholds]\nframe_context = 7\n",
            "claimdiff.toml",
            "between 0 and 1",
        ),
    ];
    for (config, at, reason) in cases {
        let tmp = TempDir::new("config-unknown");
        tmp.write("a.txt", b"The quake killed 58 people.\n");
        tmp.write("claimdiff.toml", config.as_bytes());
        Claimdiff::new(["claims", "a.txt"])
            .current_dir(tmp.path())
            .run()
            .expect_usage_error(&[at, reason]);
        // The same file given with --config is named as given.
        let file = tmp.path().join("claimdiff.toml");
        let shown = file.display().to_string();
        Claimdiff::new([
            "claims".as_ref(),
            SEED_A.as_ref(),
            "--config".as_ref(),
            file.as_os_str(),
        ])
        .run()
        .expect_usage_error(&[&shown, reason]);
    }
    Claimdiff::new(["claims", SEED_A, "--config", "no-such.toml"])
        .run()
        .expect_usage_error(&["no-such.toml", "no such file"]);
}
