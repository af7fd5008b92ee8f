//! Bytes to text: UTF-8 with or without a byte order mark, UTF-16 with one, Windows-1252 as a
//! fallback, then mojibake repair.

use std::sync::{Arc, LazyLock};

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::origin::{FileIndex, MappedText, Pieces, Unit};
use crate::{ErrorKind, InputError};

/// A file's bytes decoded.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The decoded text (without a byte order mark), indexed for positions in the file.
    pub(crate) file: Arc<FileIndex>,
    /// The encoding's name ("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252").
    pub(crate) encoding: &'static str,
    /// True when the file is UTF-8 without a byte order mark: the text is the file's bytes.
    pub(crate) verbatim: bool,
    /// Warnings of the decoding, one line each.
    pub(crate) warnings: Vec<String>,
}

/// Decodes `bytes`. An empty, blank or binary file, or bytes invalid in the encoding their byte
/// order mark names, is an error.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    let mut warnings = Vec::new();
    let (text, unit, bom, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = std::str::from_utf8(rest).map_err(|e| {
            InputError::new(
                ErrorKind::Encoding,
                format!(
                    "not valid UTF-8 after its byte order mark (invalid byte at offset {})",
                    3 + e.valid_up_to()
                ),
            )
        })?;
        (text.to_owned(), Unit::Utf8, 3, "UTF-8")
    } else if let Some((rest, enc)) = bytes
        .strip_prefix(b"\xFF\xFE")
        .map(|r| (r, UTF_16LE))
        .or_else(|| bytes.strip_prefix(b"\xFE\xFF").map(|r| (r, UTF_16BE)))
    {
        let text = enc
            .decode_without_bom_handling_and_without_replacement(rest)
            .ok_or_else(|| {
                InputError::new(
                    ErrorKind::Encoding,
                    format!(
                        "not valid {} (an odd number of bytes or an unpaired surrogate)",
                        enc.name()
                    ),
                )
            })?;
        (text.into_owned(), Unit::Utf16, 2, enc.name())
    } else {
        if bytes.contains(&0) {
            return Err(binary());
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), Unit::Utf8, 0, "UTF-8"),
            Err(e) => {
                warnings.push(format!(
                    "not valid UTF-8 (invalid byte at offset {}); read as Windows-1252",
                    e.valid_up_to()
                ));
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                (text.into_owned(), Unit::Byte, 0, WINDOWS_1252.name())
            }
        }
    };
    if text.is_empty() {
        return Err(InputError::new(ErrorKind::Empty, "file is empty"));
    }
    if text.chars().all(char::is_whitespace) {
        return Err(InputError::new(
            ErrorKind::Empty,
            "file is blank (only whitespace)",
        ));
    }
    if text.contains('\0') {
        return Err(binary());
    }
    Ok(Decoded {
        verbatim: unit == Unit::Utf8 && bom == 0,
        file: Arc::new(FileIndex::new(text, unit, bom)),
        encoding,
        warnings,
    })
}

fn binary() -> InputError {
    InputError::new(
        ErrorKind::Binary,
        "looks like a binary file (it contains NUL bytes)",
    )
}

/// The characters of Windows-1252 bytes 0x80 to 0xFF.
static HIGH_1252: LazyLock<Vec<char>> = LazyLock::new(|| {
    let bytes: Vec<u8> = (0x80..=0xFF).collect();
    WINDOWS_1252
        .decode_without_bom_handling(&bytes)
        .0
        .chars()
        .collect()
});

/// The Windows-1252 byte of `c`, when it has one.
fn byte_1252(c: char) -> Option<u8> {
    if c.is_ascii() {
        return u8::try_from(c).ok();
    }
    let i = HIGH_1252.iter().position(|&h| h == c)?;
    u8::try_from(0x80 + i).ok()
}

/// Mojibake repaired: the text, its map to the text before, how many sequences were repaired
/// and the first one (as found, as repaired).
#[derive(Debug)]
pub(crate) struct Repair {
    pub(crate) text: String,
    pub(crate) pieces: Pieces,
    pub(crate) count: usize,
    pub(crate) first: (String, String),
}

impl Repair {
    /// The warning that tells the user.
    pub(crate) fn warning(&self) -> String {
        format!(
            "repaired {} mojibake sequence{} (UTF-8 read as Windows-1252), such as {:?} -> {:?}",
            self.count,
            if self.count == 1 { "" } else { "s" },
            self.first.0,
            self.first.1
        )
    }
}

/// Repairs mojibake: text that was UTF-8, decoded as Windows-1252 ("Â£330million",
/// "itâ€™s"). A sequence is repaired when re-encoding its characters as Windows-1252 gives the
/// bytes of exactly one valid, printable UTF-8 character: a lead byte followed by the
/// continuation bytes it needs. Text without such sequences gives `None`.
///
/// Hand-written rather than `plsfix`: this one case is what news text needs, and a
/// sequence-by-sequence repair keeps an exact map back to the original characters.
pub(crate) fn repair_mojibake(text: &str) -> Option<Repair> {
    let mut out = MappedText::default();
    let mut count = 0;
    let mut first = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let lead = byte_1252(c).unwrap_or(0);
        let need = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF4 => 3,
            _ => 0,
        };
        let mut bytes = vec![lead];
        let mut end = i + c.len_utf8();
        let mut rest = chars.clone();
        for _ in 0..need {
            match rest.next() {
                Some((j, n)) if matches!(byte_1252(n), Some(0x80..=0xBF)) => {
                    bytes.extend(byte_1252(n));
                    end = j + n.len_utf8();
                }
                _ => break,
            }
        }
        let repaired = (need > 0 && bytes.len() == need + 1)
            .then(|| std::str::from_utf8(&bytes).ok())
            .flatten()
            .filter(|s| s.chars().all(|c| !c.is_control()));
        match repaired {
            Some(s) => {
                out.push(s, i..end);
                count += 1;
                first.get_or_insert_with(|| (text[i..end].to_owned(), s.to_owned()));
                chars = rest;
            }
            None => out.push(&text[i..i + c.len_utf8()], i..i + c.len_utf8()),
        }
    }
    let first = first?;
    let (text, pieces) = out.finish();
    Some(Repair {
        text,
        pieces,
        count,
        first,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> (String, &'static str, Vec<String>) {
        let d = decode(bytes).unwrap();
        (d.file.text().to_owned(), d.encoding, d.warnings)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decoded("£5 café".as_bytes()).0, "£5 café");
        let bom = decode("\u{feff}£5".as_bytes()).unwrap();
        assert_eq!(bom.file.text(), "£5");
        assert!(!bom.verbatim);
        assert!(decode(b"plain").unwrap().verbatim);
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let text = "Seven people \u{2019}died\u{2019} on 7 October.\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decoded(&le), (text.to_owned(), "UTF-16LE", vec![]));
        assert_eq!(decoded(&be), (text.to_owned(), "UTF-16BE", vec![]));
        assert_eq!(
            decode(&le[..le.len() - 1]).unwrap_err().kind(),
            ErrorKind::Encoding
        );
    }

    #[test]
    fn windows_1252_fallback_warns() {
        let (text, enc, warnings) = decoded(b"Caf\xe9 owners paid \x80300 \x93fees\x94.");
        assert_eq!(text, "Café owners paid €300 \u{201c}fees\u{201d}.");
        assert_eq!(enc, "windows-1252");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("Windows-1252"), "{warnings:?}");
    }

    #[test]
    fn empty_blank_and_binary_are_errors() {
        for (bytes, kind) in [
            (&b""[..], ErrorKind::Empty),
            (b"\xEF\xBB\xBF", ErrorKind::Empty),
            (b" \n\t", ErrorKind::Empty),
            (b"a\0b", ErrorKind::Binary),
            (b"\xFF\xFEa\0\0\0", ErrorKind::Binary),
        ] {
            assert_eq!(decode(bytes).unwrap_err().kind(), kind, "{bytes:?}");
        }
    }

    #[test]
    fn mojibake_is_repaired_with_an_exact_map() {
        let bad = "A Â£330million deal, itâ€™s â€œdoneâ€\u{9d} in MalmÃ¶.";
        let r = repair_mojibake(bad).unwrap();
        assert_eq!(r.text, "A £330million deal, it’s “done” in Malmö.");
        assert_eq!(r.count, 5);
        assert_eq!(r.first, ("Â£".to_owned(), "£".to_owned()));
        assert!(r.warning().contains("5 mojibake sequences"));
        let (text, pieces) = (r.text, r.pieces);
        let origin = crate::origin::TextOrigin::new(
            vec![pieces],
            Arc::new(FileIndex::new(bad.to_owned(), Unit::Utf8, 0)),
        );
        let at = text.find("330").unwrap();
        let span = claimdiff_parse::OriginMap::file_span(&origin, at - 2..at + 3);
        assert_eq!(&bad[span], "Â£330");
    }

    #[test]
    fn clean_text_is_left_alone() {
        for text in [
            "Plain ASCII.",
            "Café, naïve, Malmö, £5, €6, “quotes” and ‘marks’ — dashes…",
            "°®Âþµº contacted the firm.",
            "Ça va? À bientôt, Ætna.",
        ] {
            assert!(repair_mojibake(text).is_none(), "{text}");
        }
    }
}
