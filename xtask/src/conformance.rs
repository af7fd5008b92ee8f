//! `cargo xtask conformance`: scores the parser on public conformance suites.
//!
//! The suites live beside the repository in `../shared/conformance/` (or in
//! `$CLAIMDIFF_CONFORMANCE_DIR`); they are other projects' files, read as they are.
//!
//! - `golden_rules_en.json`: sentence boundaries. A case passes when the sentences [`parse`]
//!   finds, each read on one line ([`one_line`]: a line break inside a sentence is a space, as
//!   the suite writes them) and trimmed, equal the expected list exactly.
//! - `recognizers/*/*.json`: Microsoft Recognizers-Text spec files for numbers, units, currency
//!   and dates. Each file is scored only on the facts of the kind its model recognises
//!   ([`Model::wants`]): a case passes *extraction* when the set of lower-cased fact texts equals
//!   the set of expected `Text`s, and passes (*resolution*) when every matched fact also has the
//!   expected value, unit or TIMEX ([`Model::check`]). Span precision and recall are printed too.
//!
//! A case is *not supported by reference* when its `NotSupported`/`NotSupportedByDesign` names
//! `dotnet` (the reference implementation fails it too), and *out of scope* when a rule of
//! [`SCOPE_RULES`] says so; both counts are printed, never dropped. `--check` compares each file's
//! pass count with [`THRESHOLDS_PATH`], whose counts only go up.

use std::{
    collections::{BTreeMap, BTreeSet},
    env, fmt, fs,
    ops::Range,
    panic::{self, AssertUnwindSafe},
    path::{Path, PathBuf},
};

use anyhow::{Context, Result, bail};
use claimdiff_parse::{Document, Facet, Fact, Lexicon, Source, Time, one_line, parse, timex_days};
use claimdiff_tests::bin::workspace_root;
use serde::{Deserialize, de::DeserializeOwned};
use serde_json::{Value, json};

/// The gate: the least number of passing cases per file, keyed by file stem.
pub const THRESHOLDS_PATH: &str = "data/conformance/thresholds.json";

/// Environment variable naming the suites folder, instead of `../shared/conformance`.
pub const DIR_ENV: &str = "CLAIMDIFF_CONFORMANCE_DIR";

/// Options of `conformance`.
#[derive(Debug, Default)]
pub struct ConformanceArgs {
    /// Exit 1 when a file passes fewer cases than its threshold.
    pub check: bool,
    /// Print the scores as JSON instead of text.
    pub json: bool,
    /// Print every failing case of the file with this stem.
    pub verbose: Option<String>,
}

/// The suites folder does not exist; `main` exits 2 on it.
#[derive(Debug)]
pub struct SuitesMissing {
    /// Where the suites were looked for.
    pub dir: PathBuf,
}

impl fmt::Display for SuitesMissing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "conformance suites not found at {} (they are kept in ../shared/conformance beside \
             the repository; set {DIR_ENV} to read them from elsewhere)",
            self.dir.display()
        )
    }
}

impl std::error::Error for SuitesMissing {}

/// The model a Recognizers-Text file specifies, which decides the facts it is scored on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Model {
    /// Cardinals, fractions, decimals: every quantity fact.
    Number,
    /// "between 2 and 5", "more than 10": every quantity fact, with its interval.
    NumberRange,
    /// "2nd", "the last one": out of scope as a whole.
    Ordinal,
    /// Quantity facts in `percent`.
    Percent,
    /// Quantity facts in an ISO 4217 code.
    Currency,
    /// Quantity facts in any other measure unit (length, weight, speed, area, volume…).
    Dimension,
    /// Quantity facts in `C`, `F` or `K`.
    Temperature,
    /// Quantity facts in a time length (`year`, `month`, `week`, `day`).
    Age,
    /// Time facts.
    DateTime,
}

/// What a suite file measures.
#[derive(Debug, Clone, Copy)]
enum Measure {
    /// Sentence boundaries (`{name, text, expected}` cases).
    Sentences,
    /// Facts, per Recognizers-Text model.
    Facts(Model),
}

/// One suite file: its stem (the key in the thresholds file) and path under the suites folder.
#[derive(Debug, Clone, Copy)]
struct SuiteFile {
    /// The file name without extension.
    stem: &'static str,
    /// The path under the suites folder.
    path: &'static str,
    /// What it measures.
    measure: Measure,
}

/// Every scored file, in the order printed.
const FILES: [SuiteFile; 10] = [
    SuiteFile {
        stem: "golden_rules_en",
        path: "golden_rules_en.json",
        measure: Measure::Sentences,
    },
    SuiteFile {
        stem: "NumberModel",
        path: "recognizers/Number/NumberModel.json",
        measure: Measure::Facts(Model::Number),
    },
    SuiteFile {
        stem: "NumberRangeModel",
        path: "recognizers/Number/NumberRangeModel.json",
        measure: Measure::Facts(Model::NumberRange),
    },
    SuiteFile {
        stem: "OrdinalModel",
        path: "recognizers/Number/OrdinalModel.json",
        measure: Measure::Facts(Model::Ordinal),
    },
    SuiteFile {
        stem: "PercentModel",
        path: "recognizers/Number/PercentModel.json",
        measure: Measure::Facts(Model::Percent),
    },
    SuiteFile {
        stem: "CurrencyModel",
        path: "recognizers/NumberWithUnit/CurrencyModel.json",
        measure: Measure::Facts(Model::Currency),
    },
    SuiteFile {
        stem: "DimensionModel",
        path: "recognizers/NumberWithUnit/DimensionModel.json",
        measure: Measure::Facts(Model::Dimension),
    },
    SuiteFile {
        stem: "TemperatureModel",
        path: "recognizers/NumberWithUnit/TemperatureModel.json",
        measure: Measure::Facts(Model::Temperature),
    },
    SuiteFile {
        stem: "AgeModel",
        path: "recognizers/NumberWithUnit/AgeModel.json",
        measure: Measure::Facts(Model::Age),
    },
    SuiteFile {
        stem: "DateTimeModel",
        path: "recognizers/DateTime/DateTimeModel.json",
        measure: Measure::Facts(Model::DateTime),
    },
];

/// True when `stem` names a scored file (for `--verbose STEM`).
pub fn is_stem(stem: &str) -> bool {
    FILES.iter().any(|f| f.stem == stem)
}

/// The scored file stems, for usage messages.
pub fn stems() -> String {
    FILES.map(|f| f.stem).join(", ")
}

// ---------------------------------------------------------------------------------------------
// Scope

/// A rule that sets cases or expected results out of scope, and why.
///
/// A result-level rule sets aside the results it matches: they are not expected, and facts
/// overlapping only them are ignored, so the rest of the case is still scored. A case whose
/// results are all set aside is out of scope under the first rule that set one aside. Both
/// counts are printed per rule.
///
/// `golden_rules_en` has no rule: every Golden Rule is in scope. #040 and #041 have line breaks
/// inside sentences (text from a PDF, or wrapped); claimdiff joins a line break followed by a
/// lower-case word, which is what they test, and reads the sentence on one line, so they are
/// measured like the others.
#[derive(Debug)]
struct ScopeRule {
    /// Short name, printed with its counts.
    name: &'static str,
    /// The files it applies to.
    models: &'static [Model],
    /// Why claimdiff is not measured on these cases.
    reason: &'static str,
    /// What it sets out of scope.
    applies: Applies,
}

/// What a [`ScopeRule`] sets out of scope.
#[derive(Debug)]
enum Applies {
    /// Every case of the file.
    File,
    /// The expected results for which the function is true.
    Result(fn(&Expected) -> bool),
}

/// The scope table. Rules are tried in order; the first that matches names the reason.
const SCOPE_RULES: &[ScopeRule] = &[
    ScopeRule {
        name: "ordinals",
        models: &[Model::Ordinal],
        reason: "claimdiff deliberately does not extract ordinals as quantities: \"the 2nd \
                 round\", \"the last one\" state no amount a comparison could contradict",
        applies: Applies::File,
    },
    ScopeRule {
        name: "no-number",
        models: &[
            Model::Percent,
            Model::Currency,
            Model::Dimension,
            Model::Temperature,
        ],
        reason: "a unit word with no number (\"a small percent\", \"convert it to \
                 fahrenheit\"): the expected value is null, there is no amount to compare",
        applies: Applies::Result(Expected::has_no_number),
    },
    ScopeRule {
        name: "datetime-set",
        models: &[Model::DateTime],
        reason: "recurrences (\"every Monday\", \"weekly\", type set): not among the issue's four \
                 types (date, daterange, time, datetime); a news comparison never compares \
                 recurrences",
        applies: Applies::Result(|r| r.subtype() == Some("set")),
    },
    ScopeRule {
        name: "datetime-duration",
        models: &[Model::DateTime],
        reason: "durations (\"for three years\", type duration): not among the issue's four types; \
                 claimdiff reads them as quantities (a number in `year`), which the Age file \
                 measures",
        applies: Applies::Result(|r| r.subtype() == Some("duration")),
    },
    ScopeRule {
        name: "datetime-timezone",
        models: &[Model::DateTime],
        reason: "time zones (type timezone): not among the issue's four types; a zone names no \
                 time to compare",
        applies: Applies::Result(|r| r.subtype() == Some("timezone")),
    },
    ScopeRule {
        name: "datetime-timerange",
        models: &[Model::DateTime],
        reason: "spans of clock times without a day (\"from 3 to 5 pm\", \"in the evening\" TEV, \
                 type timerange): not among the issue's four types",
        applies: Applies::Result(|r| r.subtype() == Some("timerange")),
    },
    ScopeRule {
        name: "datetime-datetimerange",
        models: &[Model::DateTime],
        reason: "spans of clock times on a day (\"this morning\" 2016-11-07TMO, \"tonight\", \
                 \"next 5 hours\", type datetimerange): not among the issue's four types; claimdiff \
                 keeps such a phrase as the day it falls on",
        applies: Applies::Result(|r| r.subtype() == Some("datetimerange")),
    },
    ScopeRule {
        name: "datetime-present",
        models: &[Model::DateTime],
        reason: "the moment of writing (\"now\", \"at the moment\", \"to date\": PRESENT_REF): \
                 it names no date the text states, and in a news report \"now\" is on nearly \
                 every line; claimdiff does not extract it",
        applies: Applies::Result(|r| r.timexes().iter().any(|t| t.contains("PRESENT_REF"))),
    },
    ScopeRule {
        name: "reference-time",
        models: &[Model::DateTime],
        reason: "the expected TIMEX has a time of day to the second that the text does not \
                 state (\"in 5 minutes\" -> 2016-11-07T16:17:00, \"end of tomorrow\" -> \
                 T23:59:59): it comes from the clock time of the case's ReferenceDateTime, and \
                 a publication date has no clock time (the date part is passed as \
                 Source.published, so relative dates are in scope)",
        applies: Applies::Result(Expected::needs_reference_time),
    },
];

/// The file-level rule of `model`, if its whole file is out of scope.
fn file_out_of_scope(model: Model) -> Option<&'static ScopeRule> {
    SCOPE_RULES
        .iter()
        .find(|rule| rule.models.contains(&model) && matches!(rule.applies, Applies::File))
}

/// The first result-level rule of `model` that sets `result` aside.
fn result_out_of_scope(model: Model, result: &Expected) -> Option<&'static ScopeRule> {
    SCOPE_RULES.iter().find(|rule| {
        rule.models.contains(&model) && matches!(rule.applies, Applies::Result(f) if f(result))
    })
}

/// True when a `NotSupported`/`NotSupportedByDesign` list ("javascript, dotnet") names the
/// reference implementation, .NET.
fn names_dotnet(list: Option<&str>) -> bool {
    list.is_some_and(|list| {
        list.split(',')
            .any(|name| name.trim().eq_ignore_ascii_case("dotnet"))
    })
}

// ---------------------------------------------------------------------------------------------
// Suite files

/// A Golden Rules case.
#[derive(Debug, Deserialize)]
struct GoldenCase {
    /// "Simple period to end sentence #001".
    name: String,
    /// The text to split.
    text: String,
    /// The sentences, trimmed.
    expected: Vec<String>,
}

/// A Recognizers-Text case; `Comment` is not read.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Case {
    /// The text to parse.
    input: String,
    /// What relative expressions resolve against.
    context: Option<CaseContext>,
    /// The expected results; empty when nothing should be found.
    #[serde(default)]
    results: Vec<Expected>,
    /// Implementations that fail the case ("javascript, python").
    not_supported: Option<String>,
    /// Implementations that fail the case on purpose.
    not_supported_by_design: Option<String>,
}

/// The `Context` of a DateTime case.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct CaseContext {
    /// "2016-11-07T00:00:00": the moment relative expressions resolve against.
    reference_date_time: Option<String>,
}

/// One expected result of a case.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Expected {
    /// The span, lower-cased.
    text: String,
    /// `number`, `currency`, `datetimeV2.date`…; one DateTime case spells the key `Typename`.
    #[serde(alias = "Typename", default)]
    type_name: String,
    /// Model-specific: `{value}`, `{value, unit, isoCurrency}`, `{values: [{timex}]}`.
    #[serde(default)]
    resolution: Value,
    /// First character of the span in `Input`.
    start: Option<usize>,
    /// Last character of the span in `Input` (inclusive).
    end: Option<usize>,
}

impl Case {
    /// The date part of the case's `ReferenceDateTime`, passed to [`parse`] as the publication
    /// date (`Source.published`): the day "yesterday" or "on Monday" is counted from.
    fn published(&self) -> Option<&str> {
        self.context
            .as_ref()?
            .reference_date_time
            .as_deref()?
            .get(..10)
    }

    /// True when the reference implementation fails this case too.
    fn not_supported_by_reference(&self) -> bool {
        names_dotnet(self.not_supported.as_deref())
            || names_dotnet(self.not_supported_by_design.as_deref())
    }
}

impl Expected {
    /// The subtype of a DateTime result (`date`, `set`…): its type is `datetimeV2.<subtype>`.
    fn subtype(&self) -> Option<&str> {
        self.type_name.strip_prefix("datetimeV2.")
    }

    /// True when the resolution's value is null: a unit word without a number.
    fn has_no_number(&self) -> bool {
        match self.resolution.get("value") {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s == "null",
            Some(_) => false,
        }
    }

    /// The TIMEX values the result accepts.
    fn timexes(&self) -> Vec<&str> {
        self.resolution["values"]
            .as_array()
            .map(|values| values.iter().filter_map(|v| v["timex"].as_str()).collect())
            .unwrap_or_default()
    }

    /// True when every TIMEX of the result has a clock time to the second ("T16:17:00") that
    /// the text does not state: it came from the reference's time of day.
    fn needs_reference_time(&self) -> bool {
        let timexes = self.timexes();
        !timexes.is_empty()
            && timexes.iter().all(|timex| {
                timex.split(['(', ',', ')']).any(|part| {
                    part.split_once('T').is_some_and(|(_, clock)| {
                        clock.len() == 8 && !self.text.contains(&clock[2..])
                    })
                })
            })
    }

    /// Character range of the span in `Input`, when the offsets are given.
    fn chars(&self) -> Option<Range<usize>> {
        Some(self.start?..self.end? + 1)
    }
}

/// The text without a leading UTF-8 byte order mark.
fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads a suite file (a JSON array, maybe with a byte order mark).
fn read_cases<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(strip_bom(&text))
        .with_context(|| format!("bad suite file {}", path.display()))
}

/// The suites folder: `$CLAIMDIFF_CONFORMANCE_DIR`, else `../shared/conformance` from the
/// workspace root.
fn suites_dir(root: &Path) -> PathBuf {
    match env::var_os(DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => root
            .parent()
            .unwrap_or(root)
            .join("shared")
            .join("conformance"),
    }
}

// ---------------------------------------------------------------------------------------------
// Scoring

/// Scores of one file.
#[derive(Debug, Default)]
struct FileScore {
    /// The file's stem.
    stem: &'static str,
    /// True for the sentence file, which has no extraction/resolution split.
    sentences: bool,
    /// Cases in the file.
    cases: usize,
    /// Cases scored.
    in_scope: usize,
    /// Cases that pass: the sentence list, or extraction and resolution.
    passed: usize,
    /// Cases whose set of spans is right.
    extracted: usize,
    /// Distinct expected spans over the in-scope cases.
    expected_spans: usize,
    /// Distinct spans claimdiff found.
    found_spans: usize,
    /// Distinct spans in both.
    matched_spans: usize,
    /// Expected results whose span was found.
    matched_results: usize,
    /// Of those, results whose value, unit or TIMEX is right.
    resolved_results: usize,
    /// Out-of-scope cases per rule name.
    out_of_scope: BTreeMap<&'static str, usize>,
    /// Results set aside in in-scope cases, per rule name.
    set_aside: BTreeMap<&'static str, usize>,
    /// Cases the reference implementation fails too.
    not_supported_by_reference: usize,
    /// Failing cases per kind of failure (a case counts once per kind).
    kinds: BTreeMap<&'static str, usize>,
    /// Every failing in-scope case, for `--verbose`.
    failures: Vec<Failure>,
}

/// A failing case, as shown by `--verbose`.
#[derive(Debug)]
struct Failure {
    /// The case's input (or, for Golden Rules, its name and text).
    input: String,
    /// The expected spans or sentences, one a line.
    expected: Vec<String>,
    /// What claimdiff gave, one a line.
    got: Vec<String>,
    /// The kinds of failure, in order of appearance.
    kinds: Vec<&'static str>,
}

impl FileScore {
    /// Cases out of scope, under any rule.
    fn out_of_scope_total(&self) -> usize {
        self.out_of_scope.values().sum()
    }

    /// Keeps a failing case and counts each of its kinds once.
    fn record(&mut self, failure: Failure) {
        let kinds: BTreeSet<&'static str> = failure.kinds.iter().copied().collect();
        for kind in kinds {
            *self.kinds.entry(kind).or_default() += 1;
        }
        self.failures.push(failure);
    }
}

/// Runs `parse` on `text` published on `published` with the embedded lexicon; a panic is
/// reported as `None`.
fn parse_text(text: &str, published: Option<&str>, lex: &Lexicon) -> Option<Document> {
    let source = Source {
        published: published.map(str::to_owned),
        ..Source::default()
    };
    panic::catch_unwind(AssertUnwindSafe(|| parse(source, text, lex))).ok()
}

/// Scores the Golden Rules file.
fn score_golden(stem: &'static str, cases: &[GoldenCase], lex: &Lexicon) -> FileScore {
    let mut score = FileScore {
        stem,
        sentences: true,
        cases: cases.len(),
        in_scope: cases.len(),
        ..FileScore::default()
    };
    for case in cases {
        let Some(doc) = parse_text(&case.text, None, lex) else {
            score.record(Failure {
                input: format!("{}: {:?}", case.name, case.text),
                expected: case.expected.iter().map(|s| format!("{s:?}")).collect(),
                got: Vec::new(),
                kinds: vec!["parser panicked"],
            });
            continue;
        };
        let lines: Vec<_> = doc
            .sentences
            .iter()
            .map(|s| one_line(doc.sentence_text(s)))
            .collect();
        let got: Vec<&str> = lines.iter().map(|s| s.trim()).collect();
        if got == case.expected {
            score.passed += 1;
            continue;
        }
        score.record(Failure {
            input: format!("{}: {:?}", case.name, case.text),
            expected: case.expected.iter().map(|s| format!("{s:?}")).collect(),
            got: got.iter().map(|s| format!("{s:?}")).collect(),
            kinds: vec![sentence_failure_kind(&got, &case.expected)],
        });
    }
    score
}

/// Why a sentence list differs from the expected one.
fn sentence_failure_kind(got: &[&str], expected: &[String]) -> &'static str {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if got.len() == expected.len() && got.iter().zip(expected).all(|(g, e)| squeeze(g) == *e) {
        "whitespace inside a sentence kept (boundaries right)"
    } else if got.len() > expected.len() {
        "split inside a sentence"
    } else if got.len() < expected.len() {
        "boundary missed"
    } else {
        "boundary misplaced"
    }
}

/// A fact of the kind a file's model recognises, with the text it is matched by.
#[derive(Debug)]
struct Found<'a> {
    /// The fact.
    fact: &'a Fact,
    /// The lower-cased text: the fact's `raw`, or `raw` without its leading hedge when that
    /// is what a result expects.
    key: String,
    /// Character range in the input.
    chars: Range<usize>,
}

/// The texts a fact may be matched by: its `raw`, lower-cased, and `raw` without a leading
/// hedge. The second is justified because claimdiff keeps the hedge as a field of the same
/// fact (`Quantity.hedge`) while the Recognizers number, unit and currency models leave it out
/// of the span ("more than $5 million" -> "$5 million"); the range model keeps it in, and
/// matches the first.
fn span_keys(fact: &Fact) -> Vec<String> {
    let raw = fact.raw.to_lowercase();
    let mut keys = vec![raw.clone()];
    if let Some(hedge) = fact.quantity().and_then(|q| q.hedge.as_deref())
        && let Some(rest) = raw.strip_prefix(&hedge.to_lowercase())
        && rest.starts_with(char::is_whitespace)
    {
        keys.push(rest.trim_start().to_owned());
    }
    keys
}

/// Character range of a byte range of `text`.
fn char_range(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = text[..span.start].chars().count();
    start..start + text[span.clone()].chars().count()
}

/// True when two ranges share a character.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Relative comparison at 1e-6, exact at zero.
fn approx_eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs())
}

/// Both absent, or both present and equal.
fn bound_eq(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => approx_eq(a, b),
        _ => false,
    }
}

/// A number in a resolution: `"1674200.5"`, `"1E-12"`, `"10%"`, or a JSON number.
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().trim_end_matches('%').parse().ok(),
        _ => None,
    }
}

/// A range resolution `"(2,5]"`, `"(,-30)"`, `"[0.4,)"` as (low, high). claimdiff's intervals
/// do not say whether a bound is included, so brackets and parentheses read alike.
fn interval(value: &str) -> Option<(Option<f64>, Option<f64>)> {
    let inner = value
        .trim()
        .strip_prefix(['(', '['])?
        .strip_suffix([')', ']'])?;
    let (low, high) = inner.split_once(',')?;
    let bound = |b: &str| -> Option<Option<f64>> {
        let b = b.trim();
        if b.is_empty() {
            Some(None)
        } else {
            b.parse().ok().map(Some)
        }
    };
    Some((bound(low)?, bound(high)?))
}

/// Recognizers-Text unit names of the Dimension file and the claimdiff unit symbols they read
/// as. Units claimdiff does not read yet carry the usual symbol, so adding one to the parser
/// under that symbol is all it takes. `Ton` and `Metric ton` both read as `t`: the parser does
/// not tell short tons from tonnes.
const DIMENSION_UNITS: &[(&str, &[&str])] = &[
    ("Kilometer", &["km"]),
    ("Meter", &["m"]),
    ("Decimeter", &["dm"]),
    ("Centimeter", &["cm"]),
    ("Millimeter", &["mm"]),
    ("Picometer", &["pm"]),
    ("Mile", &["mi"]),
    ("Foot", &["ft"]),
    ("Inch", &["in"]),
    ("Kilogram", &["kg"]),
    ("Gram", &["g"]),
    ("Microgram", &["µg"]),
    ("Metric ton", &["t"]),
    ("Ton", &["t"]),
    ("Pound", &["lb"]),
    ("Ounce", &["oz"]),
    ("Dram", &["dr"]),
    ("Gallon", &["gal"]),
    ("Liter", &["l"]),
    ("Milliliter", &["ml"]),
    ("Barrel", &["bbl"]),
    ("Cubic foot", &["ft3"]),
    ("Cup", &["cup"]),
    ("Tablespoon", &["tbsp"]),
    ("Teaspoon", &["tsp"]),
    ("Square meter", &["m2"]),
    ("Square kilometer", &["km2"]),
    ("Acre", &["acre"]),
    ("Hectare", &["ha"]),
    ("Kilometer per hour", &["km/h"]),
    ("Mile per hour", &["mph"]),
    ("Meter per millisecond", &["m/ms"]),
    ("Centimeter per millisecond", &["cm/ms"]),
    ("Kilometer per millisecond", &["km/ms"]),
    ("Degree", &["deg"]),
    ("Radian", &["rad"]),
    ("Turn", &["turn"]),
    ("Bit", &["bit"]),
    ("Megabit", &["Mbit"]),
    ("Megabyte", &["MB"]),
];

/// Temperature unit names. `Degree` ("30 degrees") names no scale, so either scale is right,
/// and so is claimdiff's `deg`, the unit of degrees with no scale (when the article names
/// none).
const TEMPERATURE_UNITS: &[(&str, &[&str])] = &[
    ("C", &["C"]),
    ("F", &["F"]),
    ("K", &["K"]),
    ("Degree", &["C", "F", "deg"]),
];

/// Age unit names. `Age` ("age 87") is an age in years.
const AGE_UNITS: &[(&str, &[&str])] = &[
    ("Year", &["year"]),
    ("Month", &["month"]),
    ("Week", &["week"]),
    ("Day", &["day"]),
    ("Age", &["year"]),
];

/// Currency names the Currency file gives without an `isoCurrency`: the ISO 4217 codes they
/// may read as, and the factor to the main unit. `Dollar` ("$ 48 billion") names no country, so
/// any dollar is right; subunits ("5 cents") read in the main unit (0.05).
const CURRENCY_NAMES: &[(&str, &[&str], f64)] = &[
    ("Dollar", &["USD", "AUD", "CAD", "HKD", "NZD", "SGD"], 1.0),
    ("Pound", &["GBP"], 1.0),
    ("Euro", &["EUR"], 1.0),
    ("Franc", &["CHF", "FRF", "BEF"], 1.0),
    ("Rupee", &["INR", "PKR", "LKR"], 1.0),
    ("Peseta", &["ESP"], 1.0),
    ("Finnish markka", &["FIM"], 1.0),
    ("Netherlands guilder", &["NLG"], 1.0),
    ("Bitcoin", &["BTC", "XBT"], 1.0),
    (
        "Cent",
        &["USD", "EUR", "AUD", "CAD", "HKD", "NZD", "SGD"],
        0.01,
    ),
    ("Pence", &["GBP"], 0.01),
    ("Penny", &["GBP"], 0.01),
    ("Sen", &["JPY", "MYR"], 0.01),
    ("Satoshi", &["BTC", "XBT"], 1e-8),
];

/// The claimdiff symbols of a unit name in `table`.
fn lookup(table: &'static [(&str, &[&str])], name: &str) -> Option<&'static [&'static str]> {
    table.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// True for an ISO 4217 code: three upper-case letters.
fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())
}

/// True for the time lengths claimdiff reads as units.
fn is_time_length(unit: &str) -> bool {
    matches!(
        unit,
        "century" | "decade" | "year" | "month" | "week" | "day" | "hour" | "minute" | "second"
    )
}

/// True for temperature scales.
fn is_temperature(unit: &str) -> bool {
    matches!(unit, "C" | "F" | "K")
}

impl Model {
    /// True when the model recognises facts like `fact`: each Recognizers model only outputs
    /// its own kind ("ten miles … at least fourteen people" has one dimension), so the other
    /// facts are neither found nor spurious for it.
    fn wants(self, fact: &Fact) -> bool {
        let unit = fact.quantity().map(|q| q.unit.as_deref());
        match self {
            Self::DateTime => fact.facet == Facet::Time,
            Self::Number | Self::NumberRange | Self::Ordinal => unit.is_some(),
            Self::Percent => unit == Some(Some("percent")),
            Self::Currency => unit.flatten().is_some_and(is_currency),
            // Bare degrees ("98 degrees", `deg`) are the file's temperatures with no scale;
            // in the Dimension file they are angles.
            Self::Temperature => unit
                .flatten()
                .is_some_and(|u| is_temperature(u) || u == "deg"),
            Self::Age => unit.flatten().is_some_and(is_time_length),
            Self::Dimension => unit.flatten().is_some_and(|u| {
                !(is_currency(u)
                    || is_time_length(u)
                    || is_temperature(u)
                    || matches!(u, "percent" | "magnitude"))
            }),
        }
    }

    /// Checks a fact found at an expected span against the expected resolution; the error is
    /// the kind of mismatch.
    fn check(self, resolution: &Value, fact: &Fact) -> Result<(), &'static str> {
        if self == Self::DateTime {
            let time = fact
                .time()
                .filter(|t| t.timex.is_some())
                .ok_or("no timex (relative only)")?;
            let values = resolution["values"]
                .as_array()
                .map_or(&[][..], Vec::as_slice);
            return if values.iter().any(|v| time_matches(v, time)) {
                Ok(())
            } else {
                Err("timex differs")
            };
        }
        let q = fact.quantity().ok_or("not a quantity")?;
        let unit = q.unit.as_deref().unwrap_or("");
        let (symbols, factor): (Vec<&str>, f64) = match self {
            Self::NumberRange => {
                let (low, high) = resolution["value"]
                    .as_str()
                    .and_then(interval)
                    .ok_or("expected interval unreadable")?;
                return if bound_eq(q.low, low) && bound_eq(q.high, high) {
                    Ok(())
                } else {
                    Err("interval differs")
                };
            }
            Self::Number | Self::Percent | Self::Ordinal => (Vec::new(), 1.0),
            Self::Currency => match resolution["isoCurrency"].as_str() {
                Some(iso) => (vec![iso], 1.0),
                None => {
                    let name = resolution["unit"].as_str().unwrap_or("");
                    let (_, codes, factor) = CURRENCY_NAMES
                        .iter()
                        .find(|(n, ..)| *n == name)
                        .ok_or("expected unit unmapped")?;
                    (codes.to_vec(), *factor)
                }
            },
            Self::Dimension | Self::Temperature | Self::Age => {
                let table = match self {
                    Self::Dimension => DIMENSION_UNITS,
                    Self::Temperature => TEMPERATURE_UNITS,
                    _ => AGE_UNITS,
                };
                let name = resolution["unit"].as_str().unwrap_or("");
                (
                    lookup(table, name)
                        .ok_or("expected unit unmapped")?
                        .to_vec(),
                    1.0,
                )
            }
            Self::DateTime => unreachable!("handled above"),
        };
        if !symbols.is_empty() && !symbols.contains(&unit) {
            return Err("unit differs");
        }
        let want = number(&resolution["value"]).ok_or("expected value unreadable")?;
        // claimdiff reads fractions in words as percentages ("two thirds" = 66.67 percent).
        let factor = if self == Self::Number && unit == "percent" {
            100.0
        } else {
            factor
        };
        if approx_eq(q.value, want * factor) {
            Ok(())
        } else {
            Err("value differs")
        }
    }
}

/// True when claimdiff's time is the expected resolution `value`: the same TIMEX (see
/// [`timex_matches`]) or, for a range, the same days (see [`range_matches`]).
fn time_matches(value: &Value, time: &Time) -> bool {
    let Some(ours) = time.timex.as_deref() else {
        return false;
    };
    time.end.is_none() && timex_matches(value, ours) || range_matches(value, time)
}

/// True when the expected range `value` (`{timex: "(2014-01-01,2018-01-01,P4Y)", start?,
/// end?}`) covers the days of claimdiff's range or period (`2014` to `2018`, `2017-Q1`).
///
/// The start must be claimdiff's first day. The suite writes the end two ways: the first day
/// of the last unit named ("from 2014 to 2018" ends `2018-01-01`, "from 10/1 to 11/7" ends
/// `11-07`) or the day after the last one ("next 3 days" from 11-07 ends `11-11`, "Q1 2017"
/// ends `2017-04-01`); claimdiff's end is the last unit itself, included, so the end is right
/// when it is that unit's first day or the day after it. Where the suite leaves the year open
/// (`XXXX-10-01`) its listed `start` and `end` are read.
fn range_matches(value: &Value, time: &Time) -> bool {
    let Some(timex) = value["timex"].as_str() else {
        return false;
    };
    // A period the suite names its own way ("the last week of July" `XXXX-07-W05`, which
    // claimdiff writes as the ISO week it is): the same days, as listed.
    if !timex.starts_with('(') {
        return match (value["start"].as_str(), value["end"].as_str(), time.days()) {
            (Some(s), Some(e), Some((first, after))) => first == s && after == e,
            _ => false,
        };
    }
    let mut ends = timex.trim_matches(['(', ')']).split(',');
    let (start, end) = match (value["start"].as_str(), value["end"].as_str()) {
        (Some(s), Some(e)) => (s, e),
        _ => match (ends.next(), ends.next()) {
            (Some(s), Some(e)) if !s.contains('X') && !e.contains('X') => (s, e),
            _ => return false,
        },
    };
    let Some((first, after)) = time.days() else {
        return false;
    };
    let last = time
        .end
        .as_deref()
        .or(time.timex.as_deref())
        .and_then(timex_days);
    first == start && (after == end || last.is_some_and(|(l, _)| l == end))
}

/// True when claimdiff's TIMEX `ours` is the expected resolution `value` (`{timex, value?,
/// start?}`). Besides equal TIMEX values, two conventions are read as one:
///
/// - Whole hours: the suite writes `T15` ("3pm") where claimdiff always writes minutes,
///   `T15:00`, so that "3pm" and "15:00" compare equal in `claimdiff-align`.
/// - Seasons without a year: the suite writes `SU`, claimdiff the TIMEX3 form `XXXX-SU`.
/// - Resolved dates: where the suite leaves the TIMEX underspecified ("Friday" `XXXX-WXX-5`,
///   "22/04" `XXXX-04-22`, "since August" `XXXX-08`) and lists the days it may be, claimdiff
///   resolves it against the publication date; a TIMEX that is one of the listed `value`s, or
///   fills the `X`s of the TIMEX with the year of a listed `start` (or, for "until April
///   27th", which has none, of its `end`), is right.
fn timex_matches(value: &Value, ours: &str) -> bool {
    let Some(timex) = value["timex"].as_str() else {
        return false;
    };
    // A season without a year: the suite writes `SU`, claimdiff `XXXX-SU`.
    if timex == ours || timex == whole_hours(ours) || ours.strip_prefix("XXXX-") == Some(timex) {
        return true;
    }
    if !timex.contains('X') || ours.contains('X') {
        return false;
    }
    let fills = timex.len() == ours.len()
        && timex
            .bytes()
            .zip(ours.bytes())
            .all(|(t, o)| t == o || t == b'X' && o.is_ascii_digit());
    // Datetime values are written "2019-01-21 10:30:00".
    let value_timex = value["value"].as_str().map(|v| {
        let v = v.replacen(' ', "T", 1);
        v.strip_suffix(":00")
            .filter(|_| v.len() == 19)
            .map_or(v.clone(), str::to_owned)
    });
    value_timex.as_deref() == Some(ours)
        || fills
            && value["start"]
                .as_str()
                .or(value["end"].as_str())
                .is_some_and(|s| s.starts_with(ours))
}

/// A TIMEX with whole hours written the suite's way: `T15:00` -> `T15`, minutes kept otherwise.
fn whole_hours(timex: &str) -> String {
    let mut out = String::with_capacity(timex.len());
    let mut rest = timex;
    while let Some(i) = rest.find('T') {
        let (head, tail) = rest.split_at(i + 1);
        out.push_str(head);
        let bytes = tail.as_bytes();
        let whole = bytes.len() >= 5
            && bytes[..2].iter().all(u8::is_ascii_digit)
            && &tail[2..5] == ":00"
            && !bytes
                .get(5)
                .is_some_and(|&b| b == b':' || b.is_ascii_digit());
        if whole {
            out.push_str(&tail[..2]);
            rest = &tail[5..];
        } else {
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

/// Scores a Recognizers-Text file.
fn score_recognizer(stem: &'static str, model: Model, cases: &[Case], lex: &Lexicon) -> FileScore {
    let mut score = FileScore {
        stem,
        cases: cases.len(),
        ..FileScore::default()
    };
    for case in cases {
        if case.not_supported_by_reference() {
            score.not_supported_by_reference += 1;
            continue;
        }
        if let Some(rule) = file_out_of_scope(model) {
            *score.out_of_scope.entry(rule.name).or_default() += 1;
            continue;
        }
        let (mut kept, mut aside) = (Vec::new(), Vec::new());
        for result in &case.results {
            match result_out_of_scope(model, result) {
                Some(rule) => aside.push((result, rule)),
                None => kept.push(result),
            }
        }
        if let ([], [(_, rule), ..]) = (kept.as_slice(), aside.as_slice()) {
            *score.out_of_scope.entry(rule.name).or_default() += 1;
            continue;
        }
        for (_, rule) in &aside {
            *score.set_aside.entry(rule.name).or_default() += 1;
        }
        score.in_scope += 1;
        let aside: Vec<Range<usize>> = aside.iter().filter_map(|(r, _)| r.chars()).collect();
        score_case(&mut score, model, case, &kept, &aside, lex);
    }
    score
}

/// Scores one in-scope case into `score`: `results` are the expected results in scope; facts
/// overlapping `aside` (results set out of scope) and no result in scope are ignored.
fn score_case(
    score: &mut FileScore,
    model: Model,
    case: &Case,
    results: &[&Expected],
    aside: &[Range<usize>],
    lex: &Lexicon,
) {
    let expected_lines = || {
        results
            .iter()
            .map(|r| format!("{:?} {}", r.text, r.resolution))
            .collect()
    };
    let Some(doc) = parse_text(&case.input, case.published(), lex) else {
        score.record(Failure {
            input: format!("{:?}", case.input),
            expected: expected_lines(),
            got: Vec::new(),
            kinds: vec!["parser panicked"],
        });
        return;
    };
    let expected: BTreeSet<String> = results.iter().map(|r| r.text.to_lowercase()).collect();
    let kept: Vec<Range<usize>> = results.iter().filter_map(|r| r.chars()).collect();
    let facts: Vec<&Fact> = doc
        .sentences
        .iter()
        .flat_map(|s| &s.facts)
        .filter(|f| model.wants(f))
        .collect();
    let joined = if model == Model::DateTime {
        date_times(&doc, &facts, &expected)
    } else {
        Vec::new()
    };
    let found: Vec<Found<'_>> = facts
        .iter()
        .copied()
        .filter(|f| {
            !joined
                .iter()
                .any(|j| j.span.start <= f.span.start && f.span.end <= j.span.end)
        })
        .chain(&joined)
        .map(|fact| {
            let keys = span_keys(fact);
            let key = keys
                .iter()
                .find(|k| expected.contains(*k))
                .unwrap_or(&keys[0])
                .clone();
            Found {
                fact,
                key,
                chars: char_range(&doc.text, &fact.span),
            }
        })
        .filter(|f| {
            let overlaps_any =
                |ranges: &[Range<usize>]| ranges.iter().any(|r| overlaps(r, &f.chars));
            expected.contains(&f.key) || overlaps_any(&kept) || !overlaps_any(aside)
        })
        .collect();
    let found_keys: BTreeSet<&str> = found.iter().map(|f| f.key.as_str()).collect();
    let extracted = expected
        .iter()
        .map(String::as_str)
        .eq(found_keys.iter().copied());
    score.expected_spans += expected.len();
    score.found_spans += found_keys.len();
    score.matched_spans += expected
        .iter()
        .filter(|e| found_keys.contains(e.as_str()))
        .count();

    let mut kinds = Vec::new();
    let mut resolved = true;
    for result in results {
        let text = result.text.to_lowercase();
        let at_span: Vec<&Found<'_>> = found.iter().filter(|f| f.key == text).collect();
        if at_span.is_empty() {
            let near: Vec<&Range<usize>> = result
                .chars()
                .map(|r| {
                    found
                        .iter()
                        .map(|f| &f.chars)
                        .filter(|c| overlaps(c, &r))
                        .collect()
                })
                .unwrap_or_default();
            kinds.push(match (near.as_slice(), result.chars()) {
                ([], _) | (_, None) => "missed",
                ([_, _, ..], _) => "read as several pieces",
                ([c], Some(r)) if r.start <= c.start && c.end <= r.end => "span too short",
                ([c], Some(r)) if c.start <= r.start && r.end <= c.end => "span too long",
                _ => "span shifted",
            });
            continue;
        }
        score.matched_results += 1;
        let checks: Vec<Result<(), &'static str>> = at_span
            .iter()
            .map(|f| model.check(&result.resolution, f.fact))
            .collect();
        if checks.iter().any(Result::is_ok) {
            score.resolved_results += 1;
        } else {
            resolved = false;
            kinds.extend(checks.iter().filter_map(|c| c.err()).take(1));
        }
    }
    for f in &found {
        if expected.contains(&f.key) {
            continue;
        }
        let near = kept.iter().any(|r| overlaps(&f.chars, r));
        if !near {
            kinds.push("spurious");
        }
    }
    if extracted {
        score.extracted += 1;
    }
    if extracted && resolved {
        score.passed += 1;
        return;
    }
    if kinds.is_empty() {
        // Spans differ only by duplicates the set comparison folds; name it all the same.
        kinds.push("span differs");
    }
    score.record(Failure {
        input: format!("{:?}", case.input),
        expected: expected_lines(),
        got: found.iter().map(describe).collect(),
        kinds,
    });
}

/// Dates and clock times that the suite reads as one datetime ("14th feb at 9:30am",
/// "tomorrow 8:00am") and claimdiff as two facts, joined when the joined text is expected.
///
/// claimdiff keeps them apart by design: `claimdiff-align` compares dates with dates and clock
/// times with clock times, and `2024-02-14T09:30` would contradict `2024-02-14`. The joined
/// fact has the TIMEX the two give together (`XXXX-02-14T09:30`).
fn date_times(doc: &Document, facts: &[&Fact], expected: &BTreeSet<String>) -> Vec<Fact> {
    let mut out = Vec::new();
    for pair in facts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (Some(ta), Some(tb)) = (
            a.time().and_then(|t| t.timex.as_deref()),
            b.time().and_then(|t| t.timex.as_deref()),
        ) else {
            continue;
        };
        let clock = |t: &str| t.starts_with('T');
        let day = |t: &str| t.len() == 10 && !t.contains('T');
        let timex = match (clock(ta), clock(tb)) {
            (false, true) if day(ta) => format!("{ta}{tb}"),
            (true, false) if day(tb) => format!("{tb}{ta}"),
            _ => continue,
        };
        let Some(between) = doc.text.get(a.span.end..b.span.start) else {
            continue;
        };
        if !matches!(
            between.trim().to_lowercase().as_str(),
            "" | "," | "at" | ", at" | "on" | "@" | "of" | "around"
        ) {
            continue;
        }
        let span = a.span.start..b.span.end;
        let raw = doc.text[span.clone()].to_owned();
        if !expected.contains(&raw.to_lowercase()) {
            continue;
        }
        let time = Time {
            timex: Some(timex.clone()),
            end: None,
            relative: None,
            dateline: false,
        };
        out.push(Fact {
            facet: Facet::Time,
            span,
            raw,
            value: timex,
            detail: claimdiff_parse::FactValue::Time(time),
        });
    }
    out
}

/// A found fact for `--verbose`: its text and what claimdiff read.
fn describe(found: &Found<'_>) -> String {
    let fact = found.fact;
    let detail = match (fact.quantity(), fact.time()) {
        (Some(q), _) => format!(
            "value {} low {:?} high {:?} unit {:?} hedge {:?}",
            q.value, q.low, q.high, q.unit, q.hedge
        ),
        (_, Some(t)) => format!("timex {:?} relative {:?}", t.timex, t.relative),
        _ => String::new(),
    };
    format!("{:?} [{}] {detail}", fact.raw, fact.value)
}

// ---------------------------------------------------------------------------------------------
// Running and reporting

/// `cargo xtask conformance`.
pub fn run(args: &ConformanceArgs) -> Result<()> {
    let root = workspace_root();
    let dir = suites_dir(&root);
    if !dir.is_dir() {
        return Err(SuitesMissing { dir }.into());
    }
    // Read the gate first, so a broken file fails at once.
    let thresholds = if args.check {
        Some(load_thresholds(&root.join(THRESHOLDS_PATH))?)
    } else {
        None
    };
    let lex = Lexicon::embedded();
    let mut scores = Vec::new();
    for file in FILES {
        let path = dir.join(file.path);
        scores.push(match file.measure {
            Measure::Sentences => score_golden(file.stem, &read_cases(&path)?, &lex),
            Measure::Facts(model) => score_recognizer(file.stem, model, &read_cases(&path)?, &lex),
        });
    }
    let failures = thresholds
        .as_ref()
        .map(|t| check(&scores, t))
        .unwrap_or_default();
    if args.json {
        let mut report = to_json(&dir, &scores, args.verbose.as_deref());
        if args.check {
            report["check"] = json!({"passed": failures.is_empty(), "failures": failures});
        }
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render(&dir, &scores));
        if let Some(stem) = &args.verbose
            && let Some(score) = scores.iter().find(|s| s.stem == stem)
        {
            print!("{}", render_failures(score));
        }
    }
    if let Some(thresholds) = thresholds.as_ref().filter(|_| failures.is_empty()) {
        for score in &scores {
            if thresholds
                .get(score.stem)
                .is_some_and(|&t| score.passed > t)
            {
                eprintln!(
                    "note: {} passes {}, above its threshold {}; raise it in {THRESHOLDS_PATH}",
                    score.stem, score.passed, thresholds[score.stem]
                );
            }
        }
    }
    if !failures.is_empty() {
        bail!(
            "conformance check failed (gate {THRESHOLDS_PATH}):\n  {}\n\
             run `cargo xtask conformance --verbose <file>` to see the failing cases",
            failures.join("\n  ")
        );
    }
    if args.check {
        eprintln!("conformance check passed (gate {THRESHOLDS_PATH})");
    }
    Ok(())
}

/// Reads the thresholds file: pass counts by file stem.
fn load_thresholds(path: &Path) -> Result<BTreeMap<String, usize>> {
    let read = || -> Result<BTreeMap<String, usize>> {
        Ok(serde_json::from_str(&fs::read_to_string(path)?)?)
    };
    read().with_context(|| format!("bad thresholds file {}", path.display()))
}

/// One line per file below its threshold, without a threshold, or thresholds naming no file.
fn check(scores: &[FileScore], thresholds: &BTreeMap<String, usize>) -> Vec<String> {
    let mut failures = Vec::new();
    for score in scores {
        match thresholds.get(score.stem) {
            None => failures.push(format!("{}: no threshold", score.stem)),
            Some(&t) if score.passed < t => failures.push(format!(
                "{}: {} passed, below the threshold {t}",
                score.stem, score.passed
            )),
            Some(_) => {}
        }
    }
    for stem in thresholds.keys() {
        if !scores.iter().any(|s| s.stem == stem) {
            failures.push(format!("{stem}: threshold for a file that is not scored"));
        }
    }
    failures
}

/// `part / whole` with three decimals, or `-` when `whole` is 0.
fn ratio(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".to_owned()
    } else {
        format!("{:.3}", part as f64 / whole as f64)
    }
}

/// The text report: one line per file, the totals, and the out-of-scope counts per rule.
fn render(dir: &Path, scores: &[FileScore]) -> String {
    let details: Vec<String> = scores
        .iter()
        .map(|s| {
            if s.sentences {
                "(sentence lists)".to_owned()
            } else {
                format!(
                    "(extraction {} cases, P {} R {}; resolution {} of matched spans)",
                    s.extracted,
                    ratio(s.matched_spans, s.found_spans),
                    ratio(s.matched_spans, s.expected_spans),
                    ratio(s.resolved_results, s.matched_results),
                )
            }
        })
        .collect();
    let stem_width = scores.iter().map(|s| s.stem.len()).max().unwrap_or(0);
    let detail_width = details.iter().map(|d| d.chars().count()).max().unwrap_or(0);
    let line = |stem: &str, passed: usize, in_scope: usize, detail: &str, out: usize, ns: usize| {
        format!(
            "{stem:<stem_width$}  {passed:>4}/{in_scope:<4} in scope  {detail:<detail_width$}  \
             out of scope {out:>3}  not supported by reference {ns:>2}\n"
        )
    };
    let mut out = format!("conformance suites: {}\n\n", dir.display());
    for (s, detail) in scores.iter().zip(&details) {
        out += &line(
            s.stem,
            s.passed,
            s.in_scope,
            detail,
            s.out_of_scope_total(),
            s.not_supported_by_reference,
        );
    }
    let sum = |f: fn(&FileScore) -> usize| scores.iter().map(f).sum::<usize>();
    out += &line(
        "total",
        sum(|s| s.passed),
        sum(|s| s.in_scope),
        "",
        sum(FileScore::out_of_scope_total),
        sum(|s| s.not_supported_by_reference),
    );
    out += "\nout of scope (cases; results set aside in cases still scored):\n";
    let name_width = SCOPE_RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for rule in SCOPE_RULES {
        let counts: Vec<String> = scores
            .iter()
            .filter_map(|s| {
                let cases = s.out_of_scope.get(rule.name).copied().unwrap_or(0);
                let results = s.set_aside.get(rule.name).copied().unwrap_or(0);
                match (cases, results) {
                    (0, 0) => None,
                    (n, 0) => Some(format!("{} {n}", s.stem)),
                    (n, r) => Some(format!("{} {n} (+{r} results)", s.stem)),
                }
            })
            .collect();
        if !counts.is_empty() {
            out += &format!(
                "  {:<name_width$} {}\n  {:<name_width$} {}\n",
                rule.name,
                counts.join(", "),
                "",
                rule.reason
            );
        }
    }
    out
}

/// `--verbose`: every failing case of one file, then the failure kinds by count.
fn render_failures(score: &FileScore) -> String {
    let mut out = format!(
        "\nfailing cases of {} ({}):\n",
        score.stem,
        score.failures.len()
    );
    for f in &score.failures {
        out += &format!("\n- {}\n", f.input);
        for line in &f.expected {
            out += &format!("    expected: {line}\n");
        }
        if f.got.is_empty() {
            out += "    got:      nothing\n";
        }
        for line in &f.got {
            out += &format!("    got:      {line}\n");
        }
        out += &format!("    kinds:    {}\n", f.kinds.join(", "));
    }
    out += &format!(
        "\nfailure kinds of {} (failing cases with each):\n",
        score.stem
    );
    for (kind, n) in sorted_kinds(score) {
        out += &format!("  {n:>4}  {kind}\n");
    }
    out
}

/// Failure kinds, most frequent first.
fn sorted_kinds(score: &FileScore) -> Vec<(&'static str, usize)> {
    let mut kinds: Vec<(&'static str, usize)> = score.kinds.iter().map(|(k, n)| (*k, *n)).collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    kinds
}

/// The report as JSON, with the failing cases of the `verbose` file.
fn to_json(dir: &Path, scores: &[FileScore], verbose: Option<&str>) -> Value {
    let files: Vec<Value> = scores
        .iter()
        .map(|s| {
            let mut file = json!({
                "file": s.stem,
                "cases": s.cases,
                "in_scope": s.in_scope,
                "passed": s.passed,
                "out_of_scope": s.out_of_scope_total(),
                "out_of_scope_by_rule": s.out_of_scope,
                "results_set_aside_by_rule": s.set_aside,
                "not_supported_by_reference": s.not_supported_by_reference,
                "failure_kinds": s.kinds,
            });
            if !s.sentences {
                file["extraction"] = json!({
                    "passed": s.extracted,
                    "expected_spans": s.expected_spans,
                    "found_spans": s.found_spans,
                    "matched_spans": s.matched_spans,
                });
                file["resolution"] = json!({
                    "passed": s.passed,
                    "matched_results": s.matched_results,
                    "resolved_results": s.resolved_results,
                });
            }
            if verbose == Some(s.stem) {
                file["failures"] = s
                    .failures
                    .iter()
                    .map(|f| {
                        json!({"input": f.input, "expected": f.expected, "got": f.got,
                               "kinds": f.kinds})
                    })
                    .collect();
            }
            file
        })
        .collect();
    let sum = |f: fn(&FileScore) -> usize| scores.iter().map(f).sum::<usize>();
    let rules: Vec<Value> = SCOPE_RULES
        .iter()
        .map(|r| {
            let count = |m: fn(&FileScore) -> &BTreeMap<&'static str, usize>| {
                scores
                    .iter()
                    .filter_map(|s| m(s).get(r.name))
                    .sum::<usize>()
            };
            json!({
                "name": r.name,
                "reason": r.reason,
                "cases": count(|s| &s.out_of_scope),
                "results_set_aside": count(|s| &s.set_aside),
            })
        })
        .collect();
    json!({
        "suites": dir.display().to_string(),
        "files": files,
        "totals": {
            "in_scope": sum(|s| s.in_scope),
            "passed": sum(|s| s.passed),
            "out_of_scope": sum(FileScore::out_of_scope_total),
            "not_supported_by_reference": sum(|s| s.not_supported_by_reference),
        },
        "scope_rules": rules,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped_once() {
        assert_eq!(strip_bom("\u{feff}[1]"), "[1]");
        assert_eq!(strip_bom("[1]"), "[1]");
        let cases: Vec<Value> = serde_json::from_str(strip_bom("\u{feff}[{\"Input\": \"x\"}]"))
            .expect("parses after the mark");
        assert_eq!(cases.len(), 1);
    }

    #[test]
    fn dotnet_not_supported_is_detected() {
        assert!(names_dotnet(Some("dotnet, javascript, java, python")));
        assert!(names_dotnet(Some("javascript, dotnet")));
        assert!(names_dotnet(Some("javascript,DotNet")));
        assert!(!names_dotnet(Some("javascript, java, python")));
        assert!(!names_dotnet(Some("dotnetcore")));
        assert!(!names_dotnet(None));
        let case: Case = serde_json::from_str(
            r#"{"Input": "x", "NotSupportedByDesign": "java, dotnet", "Results": []}"#,
        )
        .expect("a case");
        assert!(case.not_supported_by_reference());
    }

    #[test]
    fn numbers_compare_relatively() {
        assert!(approx_eq(1674200.5, 1674200.5000001));
        assert!(!approx_eq(1674200.5, 1674210.5));
        assert!(approx_eq(0.0, 0.0));
        assert!(!approx_eq(0.0, 1e-9));
        assert_eq!(number(&json!("1E-12")), Some(1e-12));
        assert_eq!(number(&json!("10%")), Some(10.0));
        assert_eq!(number(&json!(4.5)), Some(4.5));
        assert_eq!(number(&json!("null")), None);
        assert_eq!(interval("(,-30)"), Some((None, Some(-30.0))));
        assert_eq!(interval("[2,5]"), Some((Some(2.0), Some(5.0))));
        assert_eq!(interval("[0.4,)"), Some((Some(0.4), None)));
        assert_eq!(interval("5"), None);
    }

    /// Parses `text` and checks the first fact `model` wants against `resolution`.
    fn check_first(model: Model, text: &str, resolution: Value) -> Result<(), &'static str> {
        let doc = parse(Source::default(), text, &Lexicon::embedded());
        let fact = doc
            .sentences
            .iter()
            .flat_map(|s| &s.facts)
            .find(|f| model.wants(f))
            .ok_or("no fact")?;
        model.check(&resolution, fact)
    }

    #[test]
    fn values_and_units_are_compared() {
        let ten_miles = json!({"value": "10", "unit": "Mile"});
        assert_eq!(
            check_first(Model::Dimension, "about ten miles long", ten_miles),
            Ok(())
        );
        let wrong = json!({"value": "10", "unit": "Kilometer"});
        assert_eq!(
            check_first(Model::Dimension, "ten miles", wrong),
            Err("unit differs")
        );
        let dollars = json!({"value": "48000000000", "unit": "Dollar"});
        assert_eq!(
            check_first(Model::Currency, "with $48 billion in assets", dollars),
            Ok(())
        );
        let euros = json!({"value": "48", "unit": "Euro", "isoCurrency": "EUR"});
        assert_eq!(
            check_first(Model::Currency, "it cost $48", euros),
            Err("unit differs")
        );
        let date = json!({"values": [{"timex": "XXXX-10-07"}]});
        assert_eq!(check_first(Model::DateTime, "on 7 October", date), Ok(()));
    }

    #[test]
    fn a_leading_hedge_may_be_left_out_of_the_span() {
        let doc = parse(
            Source::default(),
            "It cost more than $5 million.",
            &Lexicon::embedded(),
        );
        let fact = doc
            .sentences
            .iter()
            .flat_map(|s| &s.facts)
            .find(|f| Model::Currency.wants(f))
            .expect("a currency fact");
        assert_eq!(span_keys(fact), ["more than $5 million", "$5 million"]);
    }

    #[test]
    fn reference_times_are_told_from_stated_times() {
        let expected = |text: &str, timex: &str| Expected {
            text: text.to_owned(),
            type_name: "datetimeV2.datetime".to_owned(),
            resolution: json!({"values": [{"timex": timex}]}),
            start: None,
            end: None,
        };
        assert!(expected("in 5 minutes", "2016-11-07T16:17:00").needs_reference_time());
        assert!(!expected("7:56:30 pm", "T19:56:30").needs_reference_time());
        assert!(!expected("next monday", "2016-11-07").needs_reference_time());
    }

    #[test]
    fn timex_conventions_are_read_as_one() {
        let v = |timex: &str, value: &str| json!({"timex": timex, "value": value});
        assert!(timex_matches(&json!({"timex": "T15"}), "T15:00"));
        assert!(timex_matches(
            &json!({"timex": "2016-11-07T15"}),
            "2016-11-07T15:00"
        ));
        assert!(!timex_matches(&json!({"timex": "T15"}), "T15:30"));
        assert!(timex_matches(&v("XXXX-WXX-5", "2016-11-04"), "2016-11-04"));
        assert!(!timex_matches(&v("XXXX-WXX-5", "2016-11-04"), "2016-11-11"));
        assert!(!timex_matches(&v("2016-11-06", "2016-11-06"), "2016-11-05"));
        let month = json!({"timex": "XXXX-08", "start": "2016-08-01", "end": "2016-09-01"});
        assert!(timex_matches(&month, "2016-08"));
        assert!(!timex_matches(&month, "2015-08"));
        assert_eq!(whole_hours("(T15:00,T16:30,PT1H)"), "(T15,T16:30,PT1H)");
        assert_eq!(whole_hours("T15:00:31"), "T15:00:31");
    }

    #[test]
    fn sentence_failures_are_named() {
        let expected = ["It was a cold night.".to_owned()];
        assert_eq!(
            sentence_failure_kind(&["It was a cold \nnight."], &expected),
            "whitespace inside a sentence kept (boundaries right)"
        );
        assert_eq!(
            sentence_failure_kind(&["It was a cold", "night."], &expected),
            "split inside a sentence"
        );
    }

    #[test]
    fn every_scope_rule_names_a_reason_and_a_model() {
        for rule in SCOPE_RULES {
            assert!(
                !rule.reason.is_empty() && !rule.models.is_empty(),
                "{}",
                rule.name
            );
        }
    }
}
