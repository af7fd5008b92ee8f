//! The origin map: from byte offsets of an extracted text back to line, column and byte of the
//! file as given.
//!
//! A text reaches the parser through up to three steps, each with its own map:
//! file bytes ──decode──▶ decoded text ──repair──▶ repaired text ──extract──▶ article text.
//! [`Pieces`] maps one text to the one before it; [`FileIndex`] turns an offset of the decoded
//! text into a line, a column (in characters) and a byte offset of the file. [`TextOrigin`]
//! chains them and implements the parser's [`OriginMap`].
//!
//! Invariant: every mapped offset lies inside the file (`0..=file length`), lines and columns are
//! 1-based and point into it, and mapping is monotonic (a later offset never maps before an
//! earlier one).

use std::ops::Range;
use std::sync::Arc;

use claimdiff_parse::OriginMap;

/// One run of a text and where it came from in the text before it. A run of equal lengths is a
/// copy and maps byte for byte; otherwise (an entity, an escape, a repaired sequence) every
/// offset inside it maps to the start of its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    text: usize,
    text_len: usize,
    orig: usize,
    orig_len: usize,
}

impl Piece {
    fn linear(&self) -> bool {
        self.text_len == self.orig_len
    }
}

/// A map from byte offsets of one text to byte offsets of the text it was made from. Text that
/// no piece covers (separators the extraction inserted) maps to the end of the piece before it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Pieces(Vec<Piece>);

impl Pieces {
    /// The source offset of a start offset `t`.
    fn map_start(&self, t: usize) -> usize {
        let i = self.0.partition_point(|p| p.text <= t);
        let Some(p) = i.checked_sub(1).map(|i| self.0[i]) else {
            return self.0.first().map_or(0, |p| p.orig);
        };
        if t < p.text + p.text_len {
            if p.linear() {
                p.orig + (t - p.text)
            } else {
                p.orig
            }
        } else {
            p.orig + p.orig_len
        }
    }

    /// The source offset of an end offset `t` (exclusive).
    fn map_end(&self, t: usize) -> usize {
        let i = self.0.partition_point(|p| p.text < t);
        let Some(p) = i.checked_sub(1).map(|i| self.0[i]) else {
            return self.map_start(t);
        };
        if t < p.text + p.text_len && p.linear() {
            p.orig + (t - p.text)
        } else {
            p.orig + p.orig_len
        }
    }
}

/// A text being built together with its [`Pieces`] back to its source.
#[derive(Debug, Default)]
pub(crate) struct MappedText {
    pub(crate) text: String,
    pieces: Pieces,
}

impl MappedText {
    /// Appends `s`, read from `orig` of the source.
    pub(crate) fn push(&mut self, s: &str, orig: Range<usize>) {
        if s.is_empty() {
            return;
        }
        let piece = Piece {
            text: self.text.len(),
            text_len: s.len(),
            orig: orig.start,
            orig_len: orig.len(),
        };
        self.text.push_str(s);
        if let Some(last) = self.pieces.0.last_mut()
            && last.linear()
            && piece.linear()
            && last.text + last.text_len == piece.text
            && last.orig + last.orig_len == piece.orig
        {
            last.text_len += piece.text_len;
            last.orig_len += piece.orig_len;
            return;
        }
        self.pieces.0.push(piece);
    }

    /// Appends `s`, which the source does not contain (a separator).
    pub(crate) fn push_inserted(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// The text and its map.
    pub(crate) fn finish(self) -> (String, Pieces) {
        (self.text, self.pieces)
    }
}

/// Writes text in blocks: runs of ASCII white space inside a block become one space, blocks are
/// separated by a blank line, and empty blocks vanish.
#[derive(Debug, Default)]
pub(crate) struct BlockWriter {
    out: MappedText,
    /// Where a pending space came from, when white space was seen after text in this block.
    space: Option<Range<usize>>,
    /// The current block has text.
    open: bool,
}

impl BlockWriter {
    /// Adds `s`, read from `orig` of the source: a copy when the lengths agree, otherwise the
    /// first character maps to the whole of `orig` and the rest to its end.
    pub(crate) fn write(&mut self, s: &str, orig: Range<usize>) {
        let linear = s.len() == orig.len();
        for (i, c) in s.char_indices() {
            let from = if linear {
                orig.start + i..orig.start + i + c.len_utf8()
            } else if i == 0 {
                orig.clone()
            } else {
                orig.end..orig.end
            };
            if c.is_ascii_whitespace() {
                if self.open && self.space.is_none() {
                    self.space = Some(from);
                }
                continue;
            }
            if !self.open && !self.out.text.is_empty() {
                self.out.push_inserted("\n\n");
            }
            if let Some(space) = self.space.take() {
                self.out.push(" ", space);
            }
            self.open = true;
            self.out.push(c.encode_utf8(&mut [0; 4]), from);
        }
    }

    /// Writes `aligned` units of `decoded` (see [`align`]).
    pub(crate) fn write_aligned(
        &mut self,
        decoded: &str,
        aligned: &[(Range<usize>, Range<usize>)],
    ) {
        for (d, o) in aligned {
            self.write(&decoded[d.clone()], o.clone());
        }
    }

    /// Ends the current block.
    pub(crate) fn end_block(&mut self) {
        self.open = false;
        self.space = None;
    }

    /// The length of the text written so far, in bytes.
    pub(crate) fn len(&self) -> usize {
        self.out.text.len()
    }

    /// The text and its map.
    pub(crate) fn finish(self) -> (String, Pieces) {
        self.out.finish()
    }
}

/// Pairs the characters of `decoded` with the bytes of `raw` (which starts at `raw_start` of its
/// text) they were decoded from, where `decoded` is `raw` with character references (`&amp;`),
/// backslash escapes (`\*`) and CR LF line ends decoded. Returns `(decoded range, source range)`
/// units in order, covering `decoded`. Where the two cannot be matched, characters pair one to
/// one, so the map stays monotonic and inside `raw` whatever the input.
pub(crate) fn align(
    raw: &str,
    raw_start: usize,
    decoded: &str,
) -> Vec<(Range<usize>, Range<usize>)> {
    let mut units = Vec::new();
    let (mut i, mut k) = (0, 0);
    while k < decoded.len() {
        let dc = decoded[k..].chars().next().unwrap_or(' ');
        let Some(rc) = raw[i..].chars().next() else {
            units.push((k..decoded.len(), raw_start + i..raw_start + i));
            break;
        };
        let (raw_len, dec_len) = if dc == '\n' && raw[i..].starts_with("\r\n") {
            (2, 1)
        } else if rc == '&' || rc == '\\' {
            let end = escape_end(raw, i);
            let resynced = [1, 2].into_iter().find_map(|n| {
                let d_end = decoded[k..]
                    .char_indices()
                    .nth(n)
                    .map_or(decoded.len(), |(j, _)| k + j);
                (raw[i..end] != decoded[k..d_end] && resyncs(&raw[end..], &decoded[d_end..]))
                    .then_some(d_end - k)
            });
            match resynced {
                Some(n) => (end - i, n),
                None => (rc.len_utf8(), dc.len_utf8()),
            }
        } else {
            (rc.len_utf8(), dc.len_utf8())
        };
        units.push((k..k + dec_len, raw_start + i..raw_start + i + raw_len));
        i += raw_len;
        k += dec_len;
    }
    units
}

/// The end of the character reference or backslash escape at `i` of `raw`.
fn escape_end(raw: &str, i: usize) -> usize {
    let rest = &raw[i + 1..];
    if raw[i..].starts_with('\\') {
        return i + 1 + rest.chars().next().map_or(0, char::len_utf8);
    }
    let name = rest
        .char_indices()
        .take(40)
        .take_while(|&(j, c)| c.is_ascii_alphanumeric() || (j == 0 && c == '#'))
        .last()
        .map_or(0, |(j, c)| j + c.len_utf8());
    let semicolon = usize::from(rest[name..].starts_with(';'));
    i + 1 + name + semicolon
}

/// Whether `raw` and `decoded` continue alike: both end, their next characters agree, or `raw`
/// goes on with another escape.
fn resyncs(raw: &str, decoded: &str) -> bool {
    match (raw.chars().next(), decoded.chars().next()) {
        (None, None) => true,
        (Some(r), Some(d)) => r == d || matches!(r, '&' | '\\' | '\r'),
        _ => false,
    }
}

/// How the file's bytes encode a character of the decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// UTF-8: a character's own UTF-8 length.
    Utf8,
    /// UTF-16: two bytes per code unit.
    Utf16,
    /// A single-byte encoding (Windows-1252): one byte per character.
    Byte,
}

impl Unit {
    fn width(self, c: char) -> usize {
        match self {
            Self::Utf8 => c.len_utf8(),
            Self::Utf16 => 2 * c.len_utf16(),
            Self::Byte => 1,
        }
    }
}

/// The decoded text of a file with its line starts and the file byte offset of each.
#[derive(Debug)]
pub(crate) struct FileIndex {
    text: String,
    unit: Unit,
    /// Line starts in `text`.
    starts: Vec<usize>,
    /// File byte offset of each line start (after a byte order mark of `bom` bytes).
    bytes: Vec<usize>,
}

impl FileIndex {
    /// Indexes `text`, decoded from a file whose characters take `unit` bytes each after a byte
    /// order mark of `bom` bytes.
    pub(crate) fn new(text: String, unit: Unit, bom: usize) -> Self {
        let mut starts = vec![0];
        let mut bytes = vec![bom];
        let mut byte = bom;
        for (i, c) in text.char_indices() {
            byte += unit.width(c);
            if c == '\n' {
                starts.push(i + 1);
                bytes.push(byte);
            }
        }
        Self {
            text,
            unit,
            starts,
            bytes,
        }
    }

    /// The decoded text.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Line, column (1-based, in characters) and file byte offset of offset `d` of the decoded
    /// text (clamped to it and moved back to a character boundary).
    fn locate(&self, d: usize) -> (usize, usize, usize) {
        let mut d = d.min(self.text.len());
        while !self.text.is_char_boundary(d) {
            d -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= d).max(1);
        let start = self.starts[line - 1];
        let prefix = &self.text[start..d];
        let byte = self.bytes[line - 1] + prefix.chars().map(|c| self.unit.width(c)).sum::<usize>();
        (line, prefix.chars().count() + 1, byte)
    }
}

/// Where an article's text came from: its steps back to the decoded file, and the file.
#[derive(Debug, Clone)]
pub struct TextOrigin {
    /// Maps of the steps, from the article text back towards the decoded file.
    steps: Vec<Pieces>,
    file: Arc<FileIndex>,
}

impl TextOrigin {
    /// An origin through `steps` (article text first) into `file`.
    pub(crate) fn new(steps: Vec<Pieces>, file: Arc<FileIndex>) -> Self {
        Self { steps, file }
    }

    fn decoded(&self, offset: usize, end: bool) -> usize {
        let mut it = self.steps.iter();
        let first = it.next().map_or(offset, |p| {
            if end {
                p.map_end(offset)
            } else {
                p.map_start(offset)
            }
        });
        it.fold(
            first,
            |o, p| if end { p.map_end(o) } else { p.map_start(o) },
        )
    }

    /// The file byte offset of text offset `offset` (a start, or an exclusive end).
    fn byte(&self, offset: usize, end: bool) -> usize {
        self.file.locate(self.decoded(offset, end)).2
    }
}

impl OriginMap for TextOrigin {
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let (line, col, _) = self.file.locate(self.decoded(offset, false));
        (line, col)
    }

    fn file_span(&self, span: Range<usize>) -> Range<usize> {
        let start = self.byte(span.start, false);
        let end = self.byte(span.end, true).max(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The units of `align` whose text differs from their source.
    fn aligned<'a>(raw: &'a str, decoded: &'a str) -> Vec<(&'a str, &'a str)> {
        align(raw, 0, decoded)
            .into_iter()
            .map(|(d, o)| (&decoded[d], &raw[o]))
            .filter(|(d, o)| d != o)
            .collect()
    }

    #[test]
    fn align_pairs_entities_escapes_and_crlf() {
        assert_eq!(
            aligned(
                "A &amp; B&lt;&gt;\r\nC \\* &pound;5 AT&T",
                "A & B<>\nC * £5 AT&T"
            ),
            vec![
                ("&", "&amp;"),
                ("<", "&lt;"),
                (">", "&gt;"),
                ("\n", "\r\n"),
                ("*", "\\*"),
                ("£", "&pound;"),
            ]
        );
    }

    #[test]
    fn align_survives_text_it_cannot_match() {
        let units = align("abc", 10, "xyzzy");
        assert_eq!(units.last().map(|u| u.0.end), Some(5));
        assert!(units.iter().all(|(_, o)| o.start >= 10 && o.end <= 13));
    }

    #[test]
    fn blocks_collapse_space_and_map_each_character() {
        let src = "<p>  Seven\n  people </p><p>died.</p>";
        let mut w = BlockWriter::default();
        w.write(&src[3..20], 3..20);
        w.end_block();
        w.write(&src[27..32], 27..32);
        let (text, pieces) = w.finish();
        assert_eq!(text, "Seven people\n\ndied.");
        let origin = TextOrigin::new(
            vec![pieces],
            Arc::new(FileIndex::new(src.to_owned(), Unit::Utf8, 0)),
        );
        for (needle, expected) in [("Seven", "Seven"), ("people", "people"), ("died", "died.")] {
            let at = text.find(needle).unwrap();
            let span = origin.file_span(at..at + needle.len());
            assert_eq!(&src[span.clone()], &expected[..needle.len()]);
            assert_eq!(origin.line_col(at).0, if needle == "Seven" { 1 } else { 2 });
        }
    }

    #[test]
    fn file_index_counts_utf16_and_single_byte_widths() {
        let idx = FileIndex::new("a£\nb€c".to_owned(), Unit::Utf16, 2);
        let c = "a£\nb€c".find('c').unwrap();
        assert_eq!(idx.locate(c), (2, 3, 2 + 2 * 5));
        let idx = FileIndex::new("a£\nb€c".to_owned(), Unit::Byte, 0);
        assert_eq!(idx.locate(c), (2, 3, 5));
        // Inside a character: moved back to its start.
        assert_eq!(idx.locate(2), (1, 2, 1));
    }
}
