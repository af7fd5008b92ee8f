//! JSON and JSON Lines records `{id, source, url, published, title, text}`.
//!
//! `serde_json` reads the records; a small scanner finds where the `"text"` string lies in the
//! record, so that the article text (its escapes decoded) maps back to the file.

use std::ops::Range;

use serde_json::Value;

use crate::origin::{MappedText, Pieces};
use crate::{ErrorKind, InputError, Record, publication_date};

/// The record of a JSON file: one object.
pub(crate) fn read_json(text: &str) -> Result<Record, InputError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| InputError::new(ErrorKind::Json, format!("not valid JSON ({e})")))?;
    record(&value, text, 0).map_err(|m| InputError::new(ErrorKind::Json, m))
}

/// The records of a JSON Lines file, one per non-blank line.
pub(crate) fn read_jsonl(text: &str) -> Result<Vec<Record>, InputError> {
    let mut records = Vec::new();
    let mut start = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let offset = start;
        start += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let fail = |m: String| InputError::new(ErrorKind::Json, format!("line {}: {m}", n + 1));
        let value: Value =
            serde_json::from_str(line).map_err(|e| fail(format!("not valid JSON ({e})")))?;
        records.push(record(&value, line, offset).map_err(fail)?);
    }
    if records.is_empty() {
        return Err(InputError::new(ErrorKind::NoText, "no records"));
    }
    Ok(records)
}

/// The record `value`, read from `raw`, which starts at `offset` of the file's text.
fn record(value: &Value, raw: &str, offset: usize) -> Result<Record, String> {
    let Some(obj) = value.as_object() else {
        return Err("expected a JSON object {\"text\": …}".to_owned());
    };
    let string = |key: &str| -> Result<Option<String>, String> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
            Some(_) => Err(format!("\"{key}\" must be a string")),
        }
    };
    let id = string("id")?;
    let text = string("text")?.ok_or("no \"text\"")?;
    if text.trim().is_empty() {
        return Err("\"text\" is empty".to_owned());
    }
    let mut warnings = Vec::new();
    let published = match string("published")? {
        Some(p) => {
            let date = publication_date(&p);
            if date.is_none() {
                warnings.push(format!(
                    "record {}: \"published\" is {p:?}, not a date (YYYY-MM-DD); ignored",
                    id.as_deref().unwrap_or("without id")
                ));
            }
            date
        }
        None => None,
    };
    let (text, pieces) = text_map(raw, offset, &text);
    let pieces = vec![pieces];
    Ok(Record {
        id,
        outlet: string("source")?,
        url: string("url")?,
        published,
        title: string("title")?,
        text,
        pieces,
        warnings,
    })
}

/// The `"text"` string decoded with its map into the file. Should the scanner disagree with
/// `serde_json` (it never should), the whole text maps to the record's start.
fn text_map(raw: &str, offset: usize, expected: &str) -> (String, Pieces) {
    let mut out = MappedText::default();
    if let Some(literal) = member_string(raw, "text") {
        decode_string(&raw[literal.clone()], offset + literal.start, &mut out);
        if out.text == expected {
            return out.finish();
        }
    }
    let mut out = MappedText::default();
    out.push(expected, offset..offset);
    out.finish()
}

/// The byte range (inside the quotes) of the string value of top-level member `key` of the
/// object in `raw`.
fn member_string(raw: &str, key: &str) -> Option<Range<usize>> {
    let bytes = raw.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let mut last_key: Option<Range<usize>> = None;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let start = i + 1;
                let end = string_end(bytes, start)?;
                let after = raw[end + 1..].trim_start();
                if depth == 1 && after.starts_with(':') {
                    last_key = Some(start..end);
                } else if depth == 1
                    && let Some(k) = last_key.take()
                    && serde_json::from_str::<String>(&raw[k.start - 1..=k.end])
                        .ok()
                        .as_deref()
                        == Some(key)
                {
                    return Some(start..end);
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index of the quote that closes the string starting at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// Decodes the inside of a JSON string literal `lit`, which starts at `offset` of the file's
/// text, into `out` with each escape mapped to its bytes.
fn decode_string(lit: &str, offset: usize, out: &mut MappedText) {
    let mut i = 0;
    while i < lit.len() {
        let rest = &lit[i..];
        let Some(esc) = rest.strip_prefix('\\') else {
            let run = rest.find('\\').unwrap_or(rest.len());
            out.push(&rest[..run], offset + i..offset + i + run);
            i += run;
            continue;
        };
        let (decoded, len) = match esc.as_bytes().first() {
            Some(b'n') => ("\n".to_owned(), 2),
            Some(b't') => ("\t".to_owned(), 2),
            Some(b'r') => ("\r".to_owned(), 2),
            Some(b'b') => ("\u{8}".to_owned(), 2),
            Some(b'f') => ("\u{c}".to_owned(), 2),
            Some(b'u') => unicode_escape(esc),
            Some(_) => (esc.chars().next().map(String::from).unwrap_or_default(), 2),
            None => (String::new(), 1),
        };
        out.push(&decoded, offset + i..offset + i + len);
        i += len;
    }
}

/// A `\uXXXX` escape (after the backslash), with a following low surrogate when it is a high
/// one: the character and the length of the escape with its backslash.
fn unicode_escape(esc: &str) -> (String, usize) {
    let hex = |s: &str| s.get(1..5).and_then(|h| u32::from_str_radix(h, 16).ok());
    let Some(unit) = hex(esc) else {
        return (String::new(), 2);
    };
    if (0xD800..0xDC00).contains(&unit)
        && let Some(low) = esc
            .get(5..)
            .and_then(|r| r.strip_prefix('\\'))
            .and_then(hex)
        && (0xDC00..0xE000).contains(&low)
    {
        let c = char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        return (c.map(String::from).unwrap_or_default(), 12);
    }
    (
        char::from_u32(unit).map_or_else(|| '\u{FFFD}'.to_string(), String::from),
        6,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_and_its_text_map() {
        let raw = r#"{"id": "x1", "title": "T", "meta": {"text": "no"}, "text": "Line \"one\"\n\u00a3330 \ud83d\ude00 end", "published": "2024-04-03T10:00:00Z"}"#;
        let r = read_json(raw).unwrap();
        assert_eq!(r.id.as_deref(), Some("x1"));
        assert_eq!(r.published.as_deref(), Some("2024-04-03"));
        assert_eq!(r.text, "Line \"one\"\n£330 😀 end");
        let text = &r.text;
        let at = text.find("330").unwrap();
        let origin = crate::origin::TextOrigin::new(
            r.pieces.clone(),
            std::sync::Arc::new(crate::origin::FileIndex::new(
                raw.to_owned(),
                crate::origin::Unit::Utf8,
                0,
            )),
        );
        let span = claimdiff_parse::OriginMap::file_span(&origin, at - 2..at + 3);
        assert_eq!(&raw[span], r"\u00a3330");
    }

    #[test]
    fn jsonl_gives_one_record_per_line_and_names_bad_lines() {
        let raw = "{\"id\": \"a\", \"text\": \"One.\"}\n\n{\"id\": 7, \"text\": \"Two.\"}\n";
        let records = read_jsonl(raw).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].id.as_deref(), Some("7"));
        let err = read_jsonl("{\"text\": \"a\"}\n{\"title\": 1}\n").unwrap_err();
        assert!(err.to_string().starts_with("line 2: "), "{err}");
        assert!(read_json("[1]").is_err());
        assert!(read_json("{\"text\": \"  \"}").is_err());
    }

    #[test]
    fn a_bad_date_warns() {
        let r = read_json(r#"{"text": "A.", "published": "last week"}"#).unwrap();
        assert_eq!(r.published, None);
        assert_eq!(r.warnings.len(), 1);
    }
}
