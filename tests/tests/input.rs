//! Input formats and encodings end to end, over the fixtures in `data/inputs/`: HTML pages
//! without their boilerplate, metadata, Markdown, JSON and JSON Lines, RSS and Atom feeds,
//! UTF-16, Windows-1252, mojibake, standard input, and every fact's line:column in the file as
//! given.

use std::fs;
use std::path::Path;

use claimdiff_tests::bin::workspace_root;
use serde_json::Value;

use crate::run::{Claimdiff, Output};
use crate::support::{TempDir, assert_no_problems};

const HERALD: &str = "data/inputs/html/harbour-bridge-herald.html";
const COURIER: &str = "data/inputs/html/harbour-bridge-courier.html";
const SHORT: &str = "data/inputs/html/short-brief.html";
const JSONL: &str = "data/inputs/warehouse-fire.jsonl";

/// An HTML page: its title and date from metadata, a body sentence that must be in the text,
/// and boilerplate that must not.
struct Page {
    path: &'static str,
    title: &'static str,
    published: &'static str,
    body: &'static str,
    absent: &'static [&'static str],
}

const PAGES: &[Page] = &[
    Page {
        path: HERALD,
        title: "Harbour bridge to close for six weeks for cable repairs",
        published: "2024-03-18",
        body: "The repairs will cost £2.4m and are paid for by a grant from the regional transport fund.",
        absent: &[
            "cookies",
            "Share on",
            "Related stories",
            "Ferry fares",
            "Sign up",
            "All rights reserved",
            "Sport",
            "Never shown",
            "Ruth Okafor",
        ],
    },
    Page {
        path: COURIER,
        title: "Kestrel Bay bridge shut for repairs until May",
        published: "2024-03-18",
        body: "The work is expected to take six weeks and will cost £2.4m.",
        absent: &[
            "privacy",
            "partners",
            "Politics",
            "WhatsApp",
            "Advertisement",
            "You may also like",
            "Comments",
            "Registered in England",
            "Transport",
        ],
    },
    Page {
        path: "data/inputs/html/tram-strike.html",
        title: "Tram drivers in Port Ellery vote to strike over pay",
        published: "2024-05-07",
        body: "About 60,000 journeys are made on the network on a typical weekday.",
        absent: &[
            "Subscribe",
            "Front page",
            "Home",
            "Tweet",
            "Most read",
            "Download our app",
            "Quay Street",
            "Anna Kowal",
        ],
    },
    Page {
        path: "data/inputs/html/museum-theft.html",
        title: "Two paintings stolen from Wexmoor museum in night-time raid",
        published: "2023-11-26",
        body: "The museum’s director, Paul Esterhazy, said the alarm had worked and guards arrived within four minutes.",
        absent: &[
            "cookies",
            "Gazette",
            "Crime",
            "Share this",
            "Read next",
            "Film festival",
            "ads.js",
        ],
    },
    Page {
        path: "data/inputs/html/reservoir-level.html",
        title: "Reservoir falls to lowest level since 1976",
        published: "2022-08-14",
        body: "Rainfall in the valley between May and July was 38% of the average for those months, according to the regional weather service.",
        absent: &[
            "Skip to content",
            "Cookies",
            "Search",
            "Share",
            "Print",
            "More on the drought",
            "independent local publisher",
            "INITIAL_STATE",
        ],
    },
];

/// `claimdiff ARGS` in the workspace root.
fn run(args: &[&str]) -> Output {
    Claimdiff::new(args).run()
}

/// `claimdiff claims FILE --format json`, which must succeed; its JSON and stderr.
fn claims(path: &str) -> (Value, String) {
    let out = run(&["claims", path, "--format", "json"]).expect_code(0);
    let json = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{path}: not JSON: {e}\n{}", out.describe()));
    (json, out.stderr)
}

/// The sentences of a `claimdiff.claims.v1` document, joined by blank lines.
fn text_of(claims: &Value) -> String {
    claims["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn html_pages_give_the_article_without_boilerplate() {
    let mut problems = Vec::new();
    for page in PAGES {
        let (json, stderr) = claims(page.path);
        let text = text_of(&json);
        if !stderr.is_empty() {
            problems.push(format!("{}: stderr: {stderr}", page.path));
        }
        if !text.contains(page.body) {
            problems.push(format!(
                "{}: body sentence missing: {:?}",
                page.path, page.body
            ));
        }
        for absent in page.absent {
            if text.contains(absent) {
                problems.push(format!("{}: boilerplate {absent:?} in the text", page.path));
            }
        }
        let source = &json["source"];
        if source["title"] != page.title || source["published"] != page.published {
            problems.push(format!("{}: source is {source}", page.path));
        }
    }
    assert_no_problems("HTML extraction", &problems);
}

#[test]
fn a_too_short_extraction_falls_back_to_the_whole_page_with_a_warning() {
    let (json, stderr) = claims(SHORT);
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [format!(
            "{SHORT}: warning: the article body found is too short (12 characters); using all \
             the visible text of the page"
        )]
    );
    assert!(text_of(&json).contains("after a lorry caught fire near junction 4."));
}

/// A file's text as given, decoded for checking positions: UTF-16 by its byte order mark,
/// otherwise UTF-8.
fn decode(bytes: &[u8]) -> String {
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                if be {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).unwrap()
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(false),
        [0xFE, 0xFF, ..] => utf16(true),
        _ => String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// The problems of the facts of `claims` (read from `path`) whose line:column does not point at
/// their text in the file as given: a fact starting with a letter or digit must find that
/// character there; one starting with a sign or quote finds it, or the start of what it was
/// decoded from: the `&` of a character reference, the `\` of a JSON escape, the `Â` or `â` of
/// mojibake.
fn position_problems(path: &str, claims: &Value) -> Vec<String> {
    let bytes = fs::read(workspace_root().join(path)).unwrap();
    let original = decode(&bytes);
    let lines: Vec<&str> = original.split('\n').collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    for s in claims["sentences"].as_array().unwrap() {
        let line = s["line"].as_u64().unwrap() as usize;
        if line == 0 || line > lines.len() {
            problems.push(format!("{path}: sentence line {line} is outside the file"));
        }
        for f in s["facts"].as_array().unwrap() {
            let raw = f["raw"].as_str().unwrap();
            let span = &f["span"];
            let (start, end) = (
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            );
            if start > end || end > bytes.len() {
                problems.push(format!(
                    "{path}: span {span} of {raw:?} is outside the file"
                ));
                continue;
            }
            // The position of the span's start, counted in the file.
            let before = decode_prefix(&bytes, start);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
            let at: String = lines[line - 1].chars().skip(column - 1).collect();
            let first = raw.chars().next().unwrap();
            let ok = at.starts_with(first)
                || (!first.is_alphanumeric() && at.starts_with(['&', '\\', 'Â', 'â']));
            if !ok {
                problems.push(format!(
                    "{path}:{line}:{column}: {raw:?} but the file has {:?}",
                    at.chars().take(20).collect::<String>()
                ));
            }
            checked += 1;
        }
    }
    if checked == 0 {
        problems.push(format!("{path}: no facts to check"));
    }
    problems
}

/// The decoded text of `bytes[..end]` (UTF-16 after its mark, otherwise UTF-8).
fn decode_prefix(bytes: &[u8], end: usize) -> String {
    match bytes {
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => {
            let mut prefix = bytes[..end].to_vec();
            prefix.truncate(2 + (end.saturating_sub(2) / 2) * 2);
            decode(&prefix)
        }
        _ => String::from_utf8_lossy(&bytes[..end]).into_owned(),
    }
}

#[test]
fn fact_positions_point_into_the_file_as_given() {
    let mut problems = Vec::new();
    for path in PAGES.iter().map(|p| p.path).chain([
        SHORT,
        "data/inputs/harbour-bridge-gazette.md",
        "data/inputs/ferry-fares.json",
        "data/inputs/library-utf16le.txt",
        "data/inputs/library-utf16be.txt",
        "data/inputs/ferry-terminal-mojibake.txt",
        "data/inputs/flood-warning.atom",
    ]) {
        let (json, _) = claims(path);
        problems.extend(position_problems(path, &json));
    }
    assert_no_problems("fact positions", &problems);
}

/// The line:column `claims` reports for a fact must be the one of its JSON span, and both the
/// place of the figure in the page.
#[test]
fn a_figure_in_an_html_page_is_reported_where_it_is_written() {
    let (json, _) = claims(HERALD);
    let fact = json["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["facts"].as_array().unwrap())
        .find(|f| f["raw"] == "£2.4m")
        .expect("the cost is a fact");
    let page = fs::read_to_string(workspace_root().join(HERALD)).unwrap();
    let span = &fact["span"];
    let (start, end) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&page[start..end], "&pound;2.4m");
    let report = run(&["compare", HERALD, COURIER, "--format", "json"]).expect_code(0);
    let report: Value = serde_json::from_str(&report.stdout).unwrap();
    let conflict = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["verdict"] == "conflict")
        .expect("the two pages disagree on the corroded cables");
    for claim in conflict["claims"].as_array().unwrap() {
        let path = if claim["source"] == "A" {
            HERALD
        } else {
            COURIER
        };
        let text = fs::read_to_string(workspace_root().join(path)).unwrap();
        let line = text
            .lines()
            .nth(claim["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let at: String = line
            .chars()
            .skip(claim["column"].as_u64().unwrap() as usize - 1)
            .collect();
        assert!(
            at.starts_with(claim["raw"].as_str().unwrap()),
            "{path}: {at:?} for {claim}"
        );
    }
}

#[test]
fn markdown_is_read_without_markup_and_its_heading_is_the_title() {
    let (json, stderr) = claims("data/inputs/harbour-bridge-gazette.md");
    assert_eq!(stderr, "");
    assert_eq!(json["source"]["title"], "Harbour bridge closure confirmed");
    assert_eq!(json["source"]["published"], "2024-03-19");
    let text = text_of(&json);
    assert!(
        text.starts_with("Harbour bridge closure confirmed for April\n\n"),
        "{text}"
    );
    assert!(
        text.contains("The repairs will cost £2.4m and take six weeks."),
        "{text}"
    );
    for markup in ["**", "](", "![", "# ", "- Buses", "bridge.jpg", "> \""] {
        assert!(!text.contains(markup), "{markup:?} in {text}");
    }
}

#[test]
fn a_json_record_is_one_article_with_its_metadata() {
    let (json, stderr) = claims("data/inputs/ferry-fares.json");
    assert_eq!(stderr, "");
    assert_eq!(json["source"]["id"], "ferry-herald");
    assert_eq!(json["source"]["title"], "Ferry fares to rise by 8% in May");
    assert_eq!(json["source"]["published"], "2024-04-10");
    assert!(text_of(&json).contains("An adult single will cost £4.60, up from £4.25."));
}

#[test]
fn a_json_lines_file_gives_one_source_per_record() {
    let out = run(&["compare", JSONL, "--format", "json"]).expect_code(0);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    let sources: Vec<(&str, &str)> = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s["published"].as_str().unwrap()))
        .collect();
    assert_eq!(
        sources,
        [
            ("fire-post", "2024-06-03"),
            ("fire-courier", "2024-06-03"),
            ("fire-radio", "2024-06-04")
        ]
    );
    let claims = run(&["claims", JSONL]).expect_code(2);
    assert!(
        claims.stderr.contains("holds 3 articles"),
        "{}",
        claims.describe()
    );
}

/// A feed gives one source per item: its title, date and text (CDATA or escaped HTML,
/// decoded), with every claim's span pointing at its words in the feed.
#[test]
fn a_feed_gives_one_source_per_item() {
    const FEED: &str = "data/inputs/ferry-strike-wire.rss";
    let out = run(&["compare", FEED, "--format", "json"]).expect_code(0);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    let sources: Vec<(&str, &str, &str)> = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap(),
                s["published"].as_str().unwrap(),
                s["title"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sources,
        [
            (
                "A",
                "2024-06-11",
                "Ferry crews to strike for 48 hours from Friday"
            ),
            (
                "B",
                "2024-06-12",
                "Ferry strike: operator says some crossings will run"
            )
        ]
    );
    let feed = fs::read_to_string(workspace_root().join(FEED)).unwrap();
    let mut checked = 0;
    for claim in report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap())
    {
        let (raw, span) = (claim["raw"].as_str().unwrap(), &claim["span"]);
        let at = span[0].as_u64().unwrap() as usize..span[1].as_u64().unwrap() as usize;
        // The escaped description is decoded twice: XML, then HTML.
        let written = feed[at].replace("&amp;", "&").replace("&quot;", "\"");
        assert_eq!(written, raw, "{claim}");
        checked += 1;
    }
    assert!(checked > 0, "{}", out.describe());
    let (atom, _) = claims("data/inputs/flood-warning.atom");
    assert_eq!(atom["source"]["published"], "2024-09-04");
    assert!(text_of(&atom).starts_with(
        "Flood warning lifted as River Alder falls\n\nThe flood warning for Millbrook"
    ));
}

#[test]
fn published_on_the_command_line_overrides_metadata() {
    let out = run(&[
        "compare",
        HERALD,
        COURIER,
        "--published",
        "A=2024-03-20",
        "--format",
        "json",
    ])
    .expect_code(0);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["sources"][0]["published"], "2024-03-20");
    assert_eq!(report["sources"][1]["published"], "2024-03-18");
}

/// A text fixture in another encoding: a sentence it must decode to, and the warning it gives.
const ENCODED: &[(&str, &str, Option<&str>)] = &[
    (
        "data/inputs/library-utf16le.txt",
        "The council in Hollin approved a £3.1m library on Monday.",
        None,
    ),
    (
        "data/inputs/library-utf16be.txt",
        "The council in Hollin approved a £3.1m library on Monday.",
        None,
    ),
    (
        "data/inputs/cafe-rents-windows1252.txt",
        "Rents will rise by 15% in January, to €1,200 a month, they said – “too much for a small café”.",
        Some("not valid UTF-8 (invalid byte at offset 3); read as Windows-1252"),
    ),
    (
        "data/inputs/ferry-terminal-mojibake.txt",
        "The harbour board approved an £86million ferry terminal for Kestrel Bay on Tuesday.",
        Some("repaired 4 mojibake sequences (UTF-8 read as Windows-1252), such as \"Â£\" -> \"£\""),
    ),
];

#[test]
fn encodings_decode_and_guesses_warn() {
    let mut problems = Vec::new();
    for &(path, sentence, warning) in ENCODED {
        let (json, stderr) = claims(path);
        let text = text_of(&json);
        if !text.contains(sentence) {
            problems.push(format!("{path}: {sentence:?} not in {text:?}"));
        }
        let expected = warning
            .map(|w| format!("{path}: warning: {w}\n"))
            .unwrap_or_default();
        if stderr != expected {
            problems.push(format!("{path}: stderr {stderr:?}, expected {expected:?}"));
        }
    }
    assert_no_problems("encodings", &problems);
}

#[test]
fn windows_1252_spans_count_the_files_bytes() {
    let path = "data/inputs/cafe-rents-windows1252.txt";
    let bytes = fs::read(workspace_root().join(path)).unwrap();
    let (json, _) = claims(path);
    let fact = json["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["facts"].as_array().unwrap())
        .find(|f| f["raw"] == "15%")
        .expect("the rise is a fact");
    let (start, end) = (
        fact["span"][0].as_u64().unwrap() as usize,
        fact["span"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[start..end], b"15%");
}

#[test]
fn standard_input_is_read_once_with_its_format_sniffed() {
    let page = fs::read(workspace_root().join(HERALD)).unwrap();
    let out = Claimdiff::new(["claims", "-", "--format", "json"])
        .stdin(&page)
        .run()
        .expect_code(0);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["source"]["path"], "<stdin>");
    assert_eq!(
        json["source"]["title"],
        "Harbour bridge to close for six weeks for cable repairs"
    );
    assert!(!text_of(&json).contains("cookies"));
    let out = Claimdiff::new(["compare", "-", COURIER, "--format", "json"])
        .stdin(&page)
        .run()
        .expect_code(0);
    assert!(out.stdout.contains("\"conflict\": 1"), "{}", out.describe());
    Claimdiff::new(["compare", "-", "-"])
        .stdin(&page)
        .run()
        .expect_usage_error(&["standard input", "once"]);
}

#[test]
fn unreadable_inputs_are_one_line_errors() {
    let tmp = TempDir::new("input-errors");
    let cases: &[(&str, &[u8], &[&str])] = &[
        ("empty.html", b"", &["empty.html", "empty"]),
        (
            "scripts.html",
            b"<html><script>var a = 1;</script></html>",
            &["scripts.html", "no article text"],
        ),
        (
            "bad.jsonl",
            b"{\"text\": \"One.\"}\n{\"text\": 5}\n",
            &["bad.jsonl", "line 2", "\"text\" must be a string"],
        ),
        (
            "notes.json",
            b"{\"title\": \"x\"}",
            &["notes.json", "no \"text\""],
        ),
        ("odd.txt", b"\xFF\xFEa\x00b", &["odd.txt", "UTF-16LE"]),
        ("nul.md", b"# A\0", &["nul.md", "binary"]),
    ];
    for &(name, bytes, words) in cases {
        let path = tmp.write(name, bytes);
        let path = path.to_str().unwrap();
        run(&["claims", path]).expect_usage_error(words);
        run(&["compare", path, HERALD]).expect_usage_error(words);
    }
}

#[test]
fn input_files_are_never_modified() {
    let files: Vec<&Path> = PAGES
        .iter()
        .map(|p| Path::new(p.path))
        .chain([Path::new(JSONL)])
        .collect();
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|f| fs::read(workspace_root().join(f)).unwrap())
        .collect();
    let mut args = vec!["compare"];
    args.extend(PAGES.iter().map(|p| p.path));
    args.push(JSONL);
    run(&args).expect_code(0);
    let after: Vec<Vec<u8>> = files
        .iter()
        .map(|f| fs::read(workspace_root().join(f)).unwrap())
        .collect();
    assert!(before == after, "an input file changed");
}

#[test]
fn latin1_text_is_read_as_windows_1252_with_a_warning() {
    let tmp = TempDir::new("latin1");
    let path = tmp.write("latin1.txt", b"Caf\xe9 owners protested on 7 May.\n");
    let path = path.to_str().unwrap();
    let out = run(&["claims", path, "--format", "json"]).expect_code(0);
    assert_eq!(
        out.stderr,
        format!(
            "{path}: warning: not valid UTF-8 (invalid byte at offset 3); read as Windows-1252\n"
        )
    );
    assert!(out.stdout.contains("Café owners protested on 7 May."));
}
