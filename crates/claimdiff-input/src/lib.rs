//! Bytes of a file to article text: the step before parsing.
//!
//! [`read`] takes the bytes of a file as given (and its name, for the extension) and returns an
//! [`Input`]: one or more [`Article`]s, each with its text, title, publication date and a
//! [`TextOrigin`] that maps byte offsets of the text back to line, column and bytes of the file,
//! plus warnings for the user. Formats ([`Format`]): plain text, HTML news pages (the article
//! body without boilerplate, metadata from `<meta>`, JSON-LD and `<time>`), Markdown, JSON
//! or JSON Lines records `{id, source, url, published, title, text}`, and RSS or Atom feeds
//! (one article per item). Encodings: UTF-8 with or
//! without a byte order mark, UTF-16 with one, Windows-1252 as a fallback (with a warning);
//! mojibake ("Â£330million") is repaired, with a warning.
//!
//! This crate does no I/O: the binary reads the file or standard input. Unit tests sit beside
//! each module, with property tests in `proptests` below; end-to-end tests of the binary over
//! the fixtures in `data/inputs/` live in the workspace's `tests/` package (`input.rs`).
#![deny(missing_docs)]

mod decode;
mod feed;
mod html;
mod json;
mod markdown;
mod origin;

use std::fmt;
use std::sync::Arc;

use origin::Pieces;
pub use origin::TextOrigin;

/// The format of an article file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text; the first line is the headline when a blank line follows it.
    Text,
    /// An HTML page.
    Html,
    /// Markdown.
    Markdown,
    /// One JSON record.
    Json,
    /// JSON Lines: one record per line.
    JsonLines,
    /// An RSS or Atom feed: one article per item or entry.
    Feed,
}

impl Format {
    /// The format a file name's extension names, if it names one.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Self::Text,
            "html" | "htm" | "xhtml" => Self::Html,
            "md" | "markdown" | "mdown" | "mkd" => Self::Markdown,
            "json" => Self::Json,
            "jsonl" | "ndjson" | "jsonlines" => Self::JsonLines,
            "xml" | "rss" | "atom" => Self::Feed,
            _ => return None,
        })
    }

    /// The format the content looks like: HTML when it starts with `<!doctype` or `<html`,
    /// JSON when it starts with `{`, a feed when its root element is `rss`, `feed` or
    /// `rdf:RDF`, plain text otherwise.
    #[must_use]
    pub fn sniff(text: &str) -> Self {
        let start = text.trim_start();
        let head = start
            .chars()
            .take(9)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with("<!doctype") || head.starts_with("<html") {
            Self::Html
        } else if start.starts_with('{') {
            Self::Json
        } else if start.starts_with('<') && feed::is_feed(start) {
            Self::Feed
        } else {
            Self::Text
        }
    }

    /// The format's name, as in messages.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Html => "HTML",
            Self::Markdown => "Markdown",
            Self::Json => "JSON",
            Self::JsonLines => "JSON Lines",
            Self::Feed => "feed",
        }
    }
}

/// One article read from a file.
#[derive(Debug, Clone)]
pub struct Article {
    /// The record's `id` (JSON and JSON Lines), to be used as the source id.
    pub id: Option<String>,
    /// The article text, as the parser reads it.
    pub text: String,
    /// The title from the file's metadata, when it gives one.
    pub title: Option<String>,
    /// The publication date (`YYYY-MM-DD`) from the file's metadata, when it gives one.
    pub published: Option<String>,
    /// The record's `source` (the outlet's name).
    pub outlet: Option<String>,
    /// The record's `url`.
    pub url: Option<String>,
    /// Where the text came from in the file; `None` when the text is the file's bytes (plain
    /// UTF-8 text, nothing repaired), so positions need no map.
    pub origin: Option<Arc<TextOrigin>>,
}

/// What a file holds.
#[derive(Debug, Clone)]
pub struct Input {
    /// The format it was read as.
    pub format: Format,
    /// The encoding it was decoded from ("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252").
    pub encoding: &'static str,
    /// Its articles: one, or one per record of a JSON Lines file or item of a feed.
    pub articles: Vec<Article>,
    /// What the user should know (an encoding guessed, mojibake repaired, an extraction that
    /// fell back to the whole page), one line each.
    pub warnings: Vec<String>,
}

/// The kind of an [`InputError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Empty, or only white space.
    Empty,
    /// Binary (NUL bytes).
    Binary,
    /// Invalid in the encoding its byte order mark names.
    Encoding,
    /// Not a JSON record, or a record without text.
    Json,
    /// No article text found.
    NoText,
}

/// Why a file cannot be read as an article. Its message is one lower-case line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    kind: ErrorKind,
    message: String,
}

impl InputError {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

/// One article of a file that holds several, a JSON or JSON Lines record or an item of a
/// feed: its fields, and its text with the steps back to the file's text (the article text
/// first).
#[derive(Debug)]
pub(crate) struct Record {
    pub(crate) id: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) text: String,
    pub(crate) pieces: Vec<Pieces>,
    pub(crate) warnings: Vec<String>,
}

/// The `YYYY-MM-DD` date at the start of `s` ("2024-04-03", "2024-04-03T09:30:00Z").
fn publication_date(s: &str) -> Option<String> {
    let date = s.trim().get(..10)?;
    claimdiff_parse::is_publication_date(date).then(|| date.to_owned())
}

/// Reads the bytes of a file as given. `name` (a file name or path) chooses the format by its
/// extension; without one that names a format, the content decides ([`Format::sniff`]). Never
/// panics; a file with no article text is an error.
pub fn read(bytes: &[u8], name: Option<&str>) -> Result<Input, InputError> {
    let decoded = decode::decode(bytes)?;
    let mut warnings = decoded.warnings;
    let file = decoded.file;
    let repair = decode::repair_mojibake(file.text());
    let (text, repaired): (&str, Vec<Pieces>) = match &repair {
        Some(r) => {
            warnings.push(r.warning());
            (&r.text, vec![r.pieces.clone()])
        }
        None => (file.text(), Vec::new()),
    };
    let format = name
        .and_then(Format::from_name)
        .unwrap_or_else(|| Format::sniff(text));
    // The steps from the article text back to the decoded file: the format's own, then the
    // repair's.
    let origin = |first: Vec<Pieces>| {
        let steps = first.into_iter().chain(repaired.iter().cloned()).collect();
        Some(Arc::new(TextOrigin::new(steps, Arc::clone(&file))))
    };
    let article = |text: String, first: Vec<Pieces>| Article {
        id: None,
        text,
        title: None,
        published: None,
        outlet: None,
        url: None,
        origin: origin(first),
    };
    let articles = match format {
        Format::Text => vec![Article {
            origin: if decoded.verbatim && repair.is_none() {
                None
            } else {
                origin(Vec::new())
            },
            ..article(text.to_owned(), Vec::new())
        }],
        Format::Html => {
            let page = html::read(text);
            warnings.extend(page.warnings);
            vec![Article {
                title: page.title,
                published: page.published,
                ..article(page.text, vec![page.pieces])
            }]
        }
        Format::Markdown => {
            let md = markdown::read(text);
            vec![Article {
                title: md.title,
                published: md.published,
                ..article(md.text, vec![md.pieces])
            }]
        }
        Format::Json | Format::JsonLines | Format::Feed => {
            let records = if format == Format::Feed {
                let feed = feed::read(text)?;
                warnings.extend(feed.warnings);
                feed.items
            } else {
                let one_line = text.lines().filter(|l| !l.trim().is_empty()).count() <= 1;
                if format == Format::Json || one_line {
                    json::read_json(text).map(|r| vec![r]).or_else(|e| {
                        if one_line {
                            Err(e)
                        } else {
                            json::read_jsonl(text)
                        }
                    })?
                } else {
                    json::read_jsonl(text)?
                }
            };
            records
                .into_iter()
                .map(|r| {
                    warnings.extend(r.warnings);
                    Article {
                        id: r.id,
                        title: r.title,
                        published: r.published,
                        outlet: r.outlet,
                        url: r.url,
                        ..article(r.text, r.pieces)
                    }
                })
                .collect()
        }
    };
    if articles.iter().any(|a| a.text.trim().is_empty()) {
        return Err(InputError::new(
            ErrorKind::NoText,
            format!("no article text found in this {} file", format.as_str()),
        ));
    }
    Ok(Input {
        format,
        encoding: decoded.encoding,
        articles,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdiff_parse::OriginMap;

    #[test]
    fn format_by_extension_then_content() {
        assert_eq!(Format::from_name("a/b.HTM"), Some(Format::Html));
        assert_eq!(Format::from_name("x.ndjson"), Some(Format::JsonLines));
        assert_eq!(Format::from_name("noext"), None);
        assert_eq!(Format::sniff("\n  <!DOCTYPE html><p>"), Format::Html);
        assert_eq!(Format::sniff("<HTML>"), Format::Html);
        assert_eq!(Format::sniff("<html>éé"), Format::Html);
        assert_eq!(Format::sniff(" {\"text\": 1}"), Format::Json);
        assert_eq!(Format::sniff("<b>Not a page</b>"), Format::Text);
    }

    #[test]
    fn plain_utf8_text_is_the_file() {
        let input = read(b"Headline\n\nBody.\n", Some("a.txt")).unwrap();
        assert_eq!(input.articles[0].text, "Headline\n\nBody.\n");
        assert!(input.articles[0].origin.is_none());
        assert!(input.warnings.is_empty());
    }

    #[test]
    fn utf16_positions_are_in_the_file() {
        let text = "Title\n\nIt cost £5 on 7 May.\n";
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let input = read(&bytes, Some("a.txt")).unwrap();
        let a = &input.articles[0];
        let origin = a.origin.as_ref().unwrap();
        let at = a.text.find("£5").unwrap();
        assert_eq!(origin.line_col(at), (3, 9));
        let span = origin.file_span(at..at + "£5".len());
        let units: Vec<u16> = bytes[span]
            .chunks(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        assert_eq!(String::from_utf16(&units).unwrap(), "£5");
    }

    #[test]
    fn a_json_lines_file_gives_one_article_per_record() {
        let input = read(
            b"{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n",
            None,
        )
        .unwrap();
        assert_eq!(input.format, Format::Json);
        let ids: Vec<_> = input.articles.iter().map(|a| a.id.as_deref()).collect();
        assert_eq!(ids, [Some("a"), Some("b")]);
    }

    #[test]
    fn pages_without_text_are_errors() {
        let err = read(b"<html><script>x</script></html>", None).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NoText);
        assert_eq!(err.to_string(), "no article text found in this HTML file");
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use claimdiff_parse::OriginMap;
    use proptest::prelude::*;

    /// Checks that every character start of every article maps inside the file.
    fn positions_inside(bytes: &[u8], input: &Input) {
        let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
        for a in &input.articles {
            let Some(origin) = &a.origin else { continue };
            let mut last = 0;
            for (i, c) in a.text.char_indices() {
                let (line, col) = origin.line_col(i);
                assert!(line >= 1 && line <= lines && col >= 1, "{line}:{col}");
                let span = origin.file_span(i..i + c.len_utf8());
                assert!(
                    span.start <= span.end && span.end <= bytes.len(),
                    "{span:?}"
                );
                assert!(span.start >= last, "not monotonic at {i}");
                last = span.start;
            }
        }
    }

    const NAMES: [&str; 7] = [
        "a.txt", "a.html", "a.md", "a.json", "a.jsonl", "a.xml", "noext",
    ];

    proptest! {
        #[test]
        fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), n in 0..7usize) {
            if let Ok(input) = read(&bytes, Some(NAMES[n])) {
                positions_inside(&bytes, &input);
            }
        }

        #[test]
        fn html_ish_strings_map_inside_the_file(
            s in r#"(<(p|div|article|nav|script|h1|br|a href="x"|/p|/div|/article|!--|meta property="og:title" content="t")>|&(amp|lt|pound|#163|#x41|nbsp);?|[a-zA-Z £Â€â™\n\r"'&;<>]){0,60}"#,
            n in 0..7usize,
        ) {
            let bytes = s.as_bytes();
            if let Ok(input) = read(bytes, Some(NAMES[n])) {
                positions_inside(bytes, &input);
            }
        }
    }
}
