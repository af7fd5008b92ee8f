//! `claimdiff.toml`: comparison thresholds and lexicon additions, from the working directory or
//! `--config FILE`; `--threshold NAME=VALUE` flags override the file.
//!
//! ```toml
//! [thresholds]            # the fields of claimdiff_align::Config, each between 0 and 1
//! conflict_context = 0.35
//!
//! [aliases]               # canonical name = [other names of the same thing]
//! "firefighters" = ["fire crews", "firemen"]
//!
//! [abbreviations]         # words whose final stop does not end a sentence
//! words = ["Supt", "Insp"]
//!
//! [lexicon.events]        # event type = [words that name it]
//! protest = ["sit-in", "walkout"]
//! ```
//!
//! An unknown section or key is an error naming the file, the line and the key, so a typo never
//! goes unnoticed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use claimdiff_align::Config;
use claimdiff_parse::Lexicon;
use serde::Deserialize;

/// The file looked for in the working directory when `--config` is not given.
pub(crate) const FILE_NAME: &str = "claimdiff.toml";

/// The whole file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    #[serde(default)]
    thresholds: Thresholds,
    #[serde(default)]
    aliases: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    abbreviations: Abbreviations,
    #[serde(default)]
    lexicon: LexiconAdditions,
}

/// `[thresholds]`: any of the fields of [`Config`].
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Thresholds {
    align_threshold: Option<f64>,
    statement_agree: Option<f64>,
    agree_context: Option<f64>,
    conflict_context: Option<f64>,
    frame_context: Option<f64>,
    quote_overlap: Option<f64>,
}

impl Thresholds {
    /// The thresholds given, by name.
    fn given(&self) -> impl Iterator<Item = (&'static str, f64)> {
        [
            ("align_threshold", self.align_threshold),
            ("statement_agree", self.statement_agree),
            ("agree_context", self.agree_context),
            ("conflict_context", self.conflict_context),
            ("frame_context", self.frame_context),
            ("quote_overlap", self.quote_overlap),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| (name, v)))
    }
}

/// `[abbreviations]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Abbreviations {
    #[serde(default)]
    words: Vec<String>,
}

/// `[lexicon]`: so far only `[lexicon.events]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconAdditions {
    #[serde(default)]
    events: BTreeMap<String, Vec<String>>,
}

/// The names `--threshold` and `[thresholds]` accept.
pub(crate) const THRESHOLD_NAMES: [&str; 6] = [
    "align_threshold",
    "statement_agree",
    "agree_context",
    "conflict_context",
    "frame_context",
    "quote_overlap",
];

/// Sets one threshold of `cfg`; the error says what is wrong with the name or value.
fn set_threshold(cfg: &mut Config, name: &str, value: f64) -> Result<(), String> {
    if !(0.0..=1.0).contains(&value) {
        return Err(format!("{name} must be between 0 and 1, got {value}"));
    }
    let field = match name {
        "align_threshold" => &mut cfg.align_threshold,
        "statement_agree" => &mut cfg.statement_agree,
        "agree_context" => &mut cfg.agree_context,
        "conflict_context" => &mut cfg.conflict_context,
        "frame_context" => &mut cfg.frame_context,
        "quote_overlap" => &mut cfg.quote_overlap,
        _ => {
            return Err(format!(
                "unknown threshold `{name}`, expected one of {}",
                THRESHOLD_NAMES.join(", ")
            ));
        }
    };
    *field = value;
    Ok(())
}

/// What the comparison runs with: thresholds and lexicon after the config file and the flags.
#[derive(Debug)]
pub(crate) struct Settings {
    /// The thresholds.
    pub(crate) config: Config,
    /// The embedded lexicon plus the file's additions.
    pub(crate) lexicon: Lexicon,
}

/// 1-based line and column of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Parses the text of the config file `shown`; the error is one line, `FILE:LINE:COL: reason`
/// (`FILE: reason` when TOML does not say where).
fn parse_file(shown: &str, text: &str) -> Result<FileConfig, String> {
    toml::from_str(text).map_err(|e| {
        let message = e.message().trim().replace('\n', " ");
        match e.span() {
            Some(span) => {
                let (line, col) = line_col(text, span.start);
                format!("{shown}:{line}:{col}: {message}")
            }
            None => format!("{shown}: {message}"),
        }
    })
}

/// The settings for this run: `explicit` (from `--config`) or `claimdiff.toml` in the working
/// directory if there is one, then each `NAME=VALUE` of `overrides` (from `--threshold`).
/// A file that cannot be read or parsed, an unknown key or a bad value is an error naming the
/// file (or the flag) and the reason.
pub(crate) fn load(explicit: Option<&Path>, overrides: &[String]) -> anyhow::Result<Settings> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => Some(PathBuf::from(FILE_NAME)).filter(|p| p.is_file()),
    };
    let mut config = Config::default();
    let mut lexicon = Lexicon::embedded();
    if let Some(path) = &path {
        let shown = path.display();
        let text = crate::input::read_text(path)?;
        let file = parse_file(&shown.to_string(), &text).map_err(anyhow::Error::msg)?;
        for (name, value) in file.thresholds.given() {
            set_threshold(&mut config, name, value)
                .map_err(|e| anyhow::anyhow!("{shown}: [thresholds] {e}"))?;
        }
        for (canonical, variants) in &file.aliases {
            lexicon.add_synonyms(canonical, variants.iter().map(String::as_str));
        }
        lexicon.add_abbreviations(file.abbreviations.words.iter().map(String::as_str));
        for (kind, words) in &file.lexicon.events {
            lexicon.add_event(kind, words.iter().map(String::as_str));
        }
    }
    for o in overrides {
        let (name, value) = o
            .split_once('=')
            .with_context(|| format!("--threshold {o}: expected NAME=VALUE"))?;
        let Ok(value) = value.trim().parse::<f64>() else {
            bail!("--threshold {o}: `{value}` is not a number");
        };
        set_threshold(&mut config, name.trim(), value)
            .map_err(|e| anyhow::anyhow!("--threshold {o}: {e}"))?;
    }
    Ok(Settings { config, lexicon })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_parses() {
        let file = parse_file(
            FILE_NAME,
            r#"
            [thresholds]
            conflict_context = 0.5
            [aliases]
            "firefighters" = ["fire crews"]
            [abbreviations]
            words = ["Supt"]
            [lexicon.events]
            protest = ["sit-in"]
            "#,
        )
        .unwrap();
        assert_eq!(file.thresholds.conflict_context, Some(0.5));
        assert_eq!(file.aliases["firefighters"], ["fire crews"]);
        assert_eq!(file.abbreviations.words, ["Supt"]);
        assert_eq!(file.lexicon.events["protest"], ["sit-in"]);
    }

    #[test]
    fn unknown_keys_are_named_with_their_line() {
        let cases = [
            (
                "[thresholds]\nconflict = 0.5\n",
                "claimdiff.toml:2:1: unknown field `conflict`",
            ),
            ("[colours]\n", "claimdiff.toml:1:2: unknown field `colours`"),
            ("[lexicon.verbs]\nx = []\n", "unknown field `verbs`"),
            ("[abbreviations]\nword = []\n", "unknown field `word`"),
        ];
        for (text, expected) in cases {
            let err = parse_file(FILE_NAME, text).unwrap_err();
            assert!(err.contains(expected), "{text:?}: {err}");
            assert!(!err.contains('\n'), "one line: {err}");
        }
    }

    #[test]
    fn thresholds_are_checked_and_names_match_the_config() {
        let mut cfg = Config::default();
        for name in THRESHOLD_NAMES {
            set_threshold(&mut cfg, name, 0.25).unwrap();
        }
        let json = serde_json::to_value(&cfg).unwrap();
        assert_eq!(json.as_object().unwrap().len(), THRESHOLD_NAMES.len());
        for name in THRESHOLD_NAMES {
            assert_eq!(json[name], 0.25, "{name}");
        }
        assert!(set_threshold(&mut cfg, "align_threshold", 1.5).is_err());
        assert!(set_threshold(&mut cfg, "nope", 0.5).is_err());
    }
}
