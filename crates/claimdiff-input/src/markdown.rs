//! Markdown to plain text: markup stripped, link text kept, images and code blocks dropped, the
//! first `# Heading` as the title; YAML front matter may give `title` and `date`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::origin::{BlockWriter, Pieces, align};
use crate::publication_date;

/// A Markdown article: text with its map, and the title and date it gives.
#[derive(Debug)]
pub(crate) struct Markdown {
    pub(crate) text: String,
    pub(crate) pieces: Pieces,
    pub(crate) title: Option<String>,
    pub(crate) published: Option<String>,
}

/// Reads the Markdown `src`.
pub(crate) fn read(src: &str) -> Markdown {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES;
    let mut w = BlockWriter::default();
    let (mut title, mut published) = (None, None);
    // Inside an image, a code block or HTML: text not written.
    let mut hidden = 0usize;
    let mut in_metadata = false;
    // The text of the first level-1 heading while it is read.
    let mut heading: Option<String> = None;
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                match tag {
                    Tag::Image { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock => hidden += 1,
                    Tag::MetadataBlock(_) => in_metadata = true,
                    Tag::Heading {
                        level: pulldown_cmark::HeadingLevel::H1,
                        ..
                    } if title.is_none() => heading = Some(String::new()),
                    _ => {}
                }
                if is_block(&tag) {
                    w.end_block();
                }
            }
            Event::End(tag) => {
                match tag {
                    TagEnd::Image | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                        hidden = hidden.saturating_sub(1);
                    }
                    TagEnd::MetadataBlock(_) => in_metadata = false,
                    TagEnd::Heading(_) => {
                        if let Some(h) = heading.take() {
                            let h = h.split_whitespace().collect::<Vec<_>>().join(" ");
                            title = Some(h).filter(|h| !h.is_empty());
                        }
                    }
                    TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Link
                    | TagEnd::Superscript
                    | TagEnd::Subscript => continue,
                    _ => {}
                }
                w.end_block();
            }
            Event::Text(t) if in_metadata => {
                for line in t.lines() {
                    if let Some((key, value)) = line.split_once(':') {
                        let value = value.trim().trim_matches(['"', '\'']).trim();
                        match key.trim().to_ascii_lowercase().as_str() {
                            "title" if !value.is_empty() => {
                                title.get_or_insert_with(|| value.to_owned());
                            }
                            "date" | "published" => {
                                published = published.or_else(|| publication_date(value));
                            }
                            _ => {}
                        }
                    }
                }
            }
            Event::Text(t) | Event::Code(t) if hidden == 0 => {
                if let Some(h) = &mut heading {
                    h.push_str(&t);
                }
                let raw = src.get(range.clone()).unwrap_or("");
                match raw.find(&*t) {
                    Some(at) => w.write(&t, range.start + at..range.start + at + t.len()),
                    None => w.write_aligned(&t, &align(raw, range.start, &t)),
                }
            }
            Event::SoftBreak | Event::HardBreak if hidden == 0 => {
                if let Some(h) = &mut heading {
                    h.push(' ');
                }
                w.write(" ", range);
            }
            _ => {}
        }
    }
    let (text, pieces) = w.finish();
    Markdown {
        text,
        pieces,
        title,
        published,
    }
}

/// Tags whose start or end ends a block of text.
fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_stripped_and_the_heading_is_the_title() {
        let src = "---\ndate: 2024-04-03\n---\n\n# Ferry *strike* ends\n\nUnions said **seven** \
                   routes [reopen](https://example.com) on Monday.\n![a photo](x.png)\n\n\
                   - First &amp; last\n- Fares rise \\*10%\n\n```\ncode\n```\n";
        let md = read(src);
        assert_eq!(md.title.as_deref(), Some("Ferry strike ends"));
        assert_eq!(md.published.as_deref(), Some("2024-04-03"));
        assert_eq!(
            md.text,
            "Ferry strike ends\n\nUnions said seven routes reopen on Monday.\n\nFirst & last\n\n\
             Fares rise *10%"
        );
    }
}
