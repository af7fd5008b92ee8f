//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per item or entry.
//!
//! `quick-xml` reads the feed and says where each element starts and ends; an item's body
//! (`content:encoded` or Atom `content`, else `description` or `summary`) is HTML, escaped or
//! in CDATA sections (or inline XHTML), and goes through the HTML reader. Its text maps back to
//! the feed in two steps: the article text to the body's HTML, and that HTML to the feed.

use std::ops::Range;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::origin::{MappedText, align};
use crate::{ErrorKind, InputError, Record, html, publication_date};

/// The items of a feed, and warnings (items without text, a feed that breaks off).
#[derive(Debug)]
pub(crate) struct Feed {
    pub(crate) items: Vec<Record>,
    pub(crate) warnings: Vec<String>,
}

/// True when `text` is a feed: its root element is `rss`, `feed` or `rdf:RDF`.
pub(crate) fn is_feed(text: &str) -> bool {
    let mut reader = Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                return matches!(e.name().as_ref(), b"rss" | b"feed" | b"rdf:RDF");
            }
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// What an item's child element is to claimdiff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    /// `pubDate`, Atom `published`, `dc:date`.
    Published,
    /// Atom `updated`, used when no publication date is given.
    Updated,
    /// `content:encoded`, Atom `content`.
    Content,
    /// `description`, Atom `summary`.
    Summary,
}

impl Field {
    fn of(name: &[u8]) -> Option<Self> {
        Some(match name {
            b"title" => Self::Title,
            b"link" => Self::Link,
            b"pubDate" | b"published" | b"dc:date" => Self::Published,
            b"updated" => Self::Updated,
            b"content:encoded" | b"content" => Self::Content,
            b"description" | b"summary" => Self::Summary,
            _ => return None,
        })
    }
}

/// The raw source range of each field of the item being read.
#[derive(Debug, Default)]
struct Fields {
    found: Vec<(Field, Range<usize>, bool)>,
    /// An Atom `<link href="…"/>` (no `rel`, or `rel="alternate"`).
    href: Option<String>,
}

impl Fields {
    fn range(&self, field: Field) -> Option<(Range<usize>, bool)> {
        self.found
            .iter()
            .find(|(f, r, _)| *f == field && !r.is_empty())
            .map(|(_, r, xhtml)| (r.clone(), *xhtml))
    }
}

/// An element whose content is being read: the field, where its content starts, its depth,
/// and whether it is inline XHTML.
struct Open {
    field: Option<Field>,
    start: usize,
    depth: usize,
    xhtml: bool,
}

/// The value of an attribute, unescaped.
fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    a.unescape_value().ok().map(|v| v.into_owned())
}

/// Reads the feed `src`. Items with no body text are left out with a warning; a feed with no
/// item that has text, or whose XML breaks before any item, is an error.
pub(crate) fn read(src: &str) -> Result<Feed, InputError> {
    let mut reader = Reader::from_str(src);
    let mut depth = 0usize;
    let mut outlet: Option<String> = None;
    let mut item: Option<(usize, Fields)> = None;
    let mut open: Option<Open> = None;
    let mut feed = Feed {
        items: Vec::new(),
        warnings: Vec::new(),
    };
    let mut n = 0;
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(src.len());
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                if feed.items.is_empty() {
                    return Err(InputError::new(
                        ErrorKind::NoText,
                        format!("not a readable feed ({e})"),
                    ));
                }
                feed.warnings.push(format!(
                    "the feed breaks off at byte {before} ({e}); read the {} items before it",
                    feed.items.len()
                ));
                break;
            }
        };
        let after = usize::try_from(reader.buffer_position()).unwrap_or(src.len());
        match event {
            Event::Start(e) => {
                let name = e.name();
                let name = name.as_ref();
                if item.is_none() && matches!(name, b"item" | b"entry") {
                    item = Some((depth, Fields::default()));
                } else if open.is_none() {
                    let child_of_item = item.as_ref().is_some_and(|(d, _)| depth == d + 1);
                    // The feed's title, outside any item: its channel's (RSS) or its own (Atom).
                    let feed_title = item.is_none() && name == b"title" && outlet.is_none();
                    if child_of_item || feed_title {
                        open = Some(Open {
                            field: if feed_title { None } else { Field::of(name) },
                            start: after,
                            depth,
                            xhtml: attribute(&e, b"type").as_deref() == Some("xhtml"),
                        });
                    }
                }
                depth += 1;
            }
            Event::Empty(e) => {
                let child_of_item = item.as_ref().is_some_and(|(d, _)| depth == d + 1);
                if child_of_item
                    && e.name().as_ref() == b"link"
                    && attribute(&e, b"rel").is_none_or(|r| r == "alternate")
                    && let Some((_, fields)) = item.as_mut()
                {
                    fields.href = fields.href.take().or_else(|| attribute(&e, b"href"));
                }
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if let Some(o) = open.take_if(|o| o.depth == depth) {
                    let range = o.start..before.max(o.start);
                    match (o.field, item.as_mut()) {
                        (Some(f), Some((_, fields))) => fields.found.push((f, range, o.xhtml)),
                        (None, None) => outlet = plain(src, range),
                        _ => {}
                    }
                }
                if let Some((_, fields)) = item.take_if(|(d, _)| *d == depth) {
                    n += 1;
                    match finish(src, &fields, outlet.clone()) {
                        Some(i) => feed.items.push(i),
                        None => feed
                            .warnings
                            .push(format!("item {n} has no text; left out")),
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if feed.items.is_empty() {
        return Err(InputError::new(
            ErrorKind::NoText,
            "no item with article text in this feed",
        ));
    }
    Ok(feed)
}

/// The item read from `fields`, or `None` when it has no body text.
fn finish(src: &str, fields: &Fields, outlet: Option<String>) -> Option<Record> {
    let text_of = |f: Field| fields.range(f).and_then(|(r, _)| plain(src, r));
    let (body, xhtml) = fields
        .range(Field::Content)
        .or_else(|| fields.range(Field::Summary))?;
    let mut html = MappedText::default();
    // The title first, as the headline, when it comes before the body (so the text stays in
    // the feed's order).
    if let Some((title, _)) = fields
        .range(Field::Title)
        .filter(|(r, _)| r.end <= body.start)
    {
        html.push_inserted("<h1>");
        write_html(src, title, false, &mut html);
        html.push_inserted("</h1>");
    }
    write_html(src, body, xhtml, &mut html);
    let (html_text, html_pieces) = html.finish();
    let page = html::read(&html_text);
    if page.text.trim().is_empty() {
        return None;
    }
    let date = |f: Field| text_of(f).and_then(|d| date(&d));
    // No id: a guid is no short name for a source (sources are A, B, …).
    Some(Record {
        id: None,
        title: text_of(Field::Title),
        url: text_of(Field::Link).or_else(|| fields.href.clone()),
        published: date(Field::Published).or_else(|| date(Field::Updated)),
        outlet,
        text: page.text,
        pieces: vec![page.pieces, html_pieces],
        warnings: Vec::new(),
    })
}

/// The text of an element's content at `range` of `src`: CDATA kept, references decoded,
/// white space trimmed; `None` when empty.
fn plain(src: &str, range: Range<usize>) -> Option<String> {
    let mut out = MappedText::default();
    write_html(src, range, false, &mut out);
    let text = out.finish().0;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Writes the HTML of an element's content at `range` of `src` to `out`, mapped back to it:
/// CDATA sections as they are, other text with its XML references decoded (the HTML it
/// escapes), or as it is for inline XHTML.
fn write_html(src: &str, range: Range<usize>, xhtml: bool, out: &mut MappedText) {
    let text = |at: usize, end: usize, out: &mut MappedText| {
        let raw = &src[at..end];
        match quick_xml::escape::unescape(raw) {
            Ok(decoded) if !xhtml && decoded != raw => {
                for (d, o) in align(raw, at, &decoded) {
                    out.push(&decoded[d], o);
                }
            }
            _ => out.push(raw, at..end),
        }
    };
    let mut at = range.start;
    while at < range.end {
        let Some(k) = src[at..range.end].find("<![CDATA[") else {
            text(at, range.end, out);
            break;
        };
        text(at, at + k, out);
        let start = at + k + "<![CDATA[".len();
        let end = src[start..range.end]
            .find("]]>")
            .map_or(range.end, |e| start + e);
        out.push(&src[start..end], start..end);
        at = (end + "]]>".len()).min(range.end);
    }
}

/// The `YYYY-MM-DD` date of a feed date: RFC 2822 ("Tue, 03 Sep 2024 10:00:00 GMT", RSS) or
/// ISO 8601 ("2024-09-03T10:00:00Z", Atom), as written (its own offset's day).
fn date(s: &str) -> Option<String> {
    publication_date(s).or_else(|| {
        let zoned = jiff::fmt::rfc2822::parse(s.trim()).ok()?;
        Some(zoned.date().to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harl Gazette</title><link>https://example.com/</link>
<item><title>Bridge shut after crack found</title>
<link>https://example.com/bridge</link>
<guid>bridge-1</guid>
<pubDate>Tue, 03 Sep 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The Harl Bridge was closed on Monday &amp;amp; will stay shut.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>The Harl Bridge was closed on Monday after engineers found a 40cm crack.</p><p>About 12,000 vehicles use it each day.</p>]]></content:encoded>
</item>
<item><title>Only a title</title></item>
<item><title>Ferry delayed</title><description>The ferry left 3 hours late.</description></item>
</channel></rss>
"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Post</title>
  <entry>
    <title>Flood warning lifted</title>
    <link rel="alternate" href="https://example.org/flood"/>
    <id>urn:uuid:1</id>
    <updated>2024-09-05T08:00:00Z</updated>
    <published>2024-09-04T22:00:00+01:00</published>
    <summary type="html">&lt;p&gt;The river fell 1.2 metres overnight.&lt;/p&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The River Alder fell 1.2 metres overnight, the agency said.</p></div></content>
  </entry>
</feed>
"#;

    #[test]
    fn rss_items_are_articles() {
        assert!(is_feed(RSS));
        let feed = read(RSS).unwrap();
        assert_eq!(feed.items.len(), 2);
        assert_eq!(feed.warnings, ["item 2 has no text; left out"]);
        let a = &feed.items[0];
        assert_eq!(
            a.text,
            "Bridge shut after crack found\n\n\
             The Harl Bridge was closed on Monday after engineers found a 40cm crack.\n\n\
             About 12,000 vehicles use it each day."
        );
        assert_eq!(a.title.as_deref(), Some("Bridge shut after crack found"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/bridge"));
        assert_eq!(a.published.as_deref(), Some("2024-09-03"));
        assert_eq!(a.outlet.as_deref(), Some("Harl Gazette"));
        // A description that is plain text, with no content.
        assert_eq!(
            feed.items[1].text,
            "Ferry delayed\n\nThe ferry left 3 hours late."
        );
    }

    #[test]
    fn escaped_html_is_decoded_twice() {
        let src = RSS.replace(
            r"<content:encoded><![CDATA[<p>The Harl Bridge was closed on Monday after engineers found a 40cm crack.</p><p>About 12,000 vehicles use it each day.</p>]]></content:encoded>",
            "",
        );
        let feed = read(&src).unwrap();
        assert_eq!(
            feed.items[0].text,
            "Bridge shut after crack found\n\nThe Harl Bridge was closed on Monday & will stay shut."
        );
    }

    #[test]
    fn atom_entries_are_articles() {
        assert!(is_feed(ATOM));
        let feed = read(ATOM).unwrap();
        let a = &feed.items[0];
        assert_eq!(
            a.text,
            "Flood warning lifted\n\nThe River Alder fell 1.2 metres overnight, the agency said."
        );
        assert_eq!(a.url.as_deref(), Some("https://example.org/flood"));
        assert_eq!(a.published.as_deref(), Some("2024-09-04"));
        assert_eq!(a.outlet.as_deref(), Some("Valley Post"));
    }

    #[test]
    fn broken_feeds_keep_the_items_before_the_break() {
        let cut = &RSS[..RSS.find("<item><title>Ferry").unwrap()];
        let src = format!("{cut}<item><title>x</wrong>");
        let feed = read(&src).unwrap();
        assert_eq!(feed.items.len(), 1);
        assert!(
            feed.warnings.iter().any(|w| w.contains("breaks off")),
            "{feed:?}"
        );
        assert!(read("<rss><channel><item><title>x</wrong>").is_err());
        assert!(!is_feed("<html><body>x</body></html>"));
    }
}
