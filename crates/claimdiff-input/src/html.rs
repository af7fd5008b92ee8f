//! HTML news pages: the article body without navigation, scripts, styles, related links, cookie
//! banners or share buttons, and the title and publication date from the page's metadata.
//!
//! `html5gum` tokenizes the page with byte spans; the element tree, the choice of the article's
//! container and the boilerplate rules are here. Hand-written rather than `dom_smoothie` or
//! `scraper`: those build a DOM without source positions, and every character of the article
//! text must map back to its bytes in the page.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use serde_json::Value;

use crate::origin::{BlockWriter, Pieces, align};
use crate::publication_date;

/// An extraction with fewer characters of body text than this falls back to the page's whole
/// visible text, with a warning.
const TOO_SHORT: usize = 200;

/// An HTML article: text with its map, title, date and warnings.
#[derive(Debug)]
pub(crate) struct Page {
    pub(crate) text: String,
    pub(crate) pieces: Pieces,
    pub(crate) title: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) warnings: Vec<String>,
}

/// Why an element's text is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Skip {
    /// Kept.
    No,
    /// Boilerplate by its class or id ("cookie-banner", "share-tools"): kept when it contains
    /// the article.
    ByName,
    /// Boilerplate by its tag or role (`nav`, `aside`, `role="banner"`).
    Boilerplate,
    /// Never shown (`script`, `style`, `hidden`).
    Invisible,
}

#[derive(Debug)]
struct Element {
    name: String,
    parent: Option<usize>,
    skip: Skip,
    article_body: bool,
    main: bool,
}

#[derive(Debug)]
enum Item {
    Open(usize),
    Close(usize),
    /// Decoded text inside element `el`, with [`align`] units into the page.
    Text {
        el: Option<usize>,
        decoded: String,
        units: Vec<(Range<usize>, Range<usize>)>,
    },
}

/// Metadata read while tokenizing.
#[derive(Debug, Default)]
struct Meta {
    /// `<meta>` (property, name or itemprop; content), keys in lower case.
    metas: Vec<(String, String)>,
    title: String,
    json_ld: Vec<String>,
    /// `<time datetime>` values, their element, and whether marked as the publication date.
    times: Vec<(String, usize, bool)>,
}

/// The page's elements and text, in document order.
#[derive(Debug, Default)]
struct Tree {
    elements: Vec<Element>,
    items: Vec<Item>,
    meta: Meta,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];
const INVISIBLE: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "canvas", "audio", "video", "textarea",
];
const BOILERPLATE: &[&str] = &[
    "nav", "aside", "footer", "form", "button", "dialog", "menu", "select", "label",
];
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
];
/// Words of class names and ids that mark boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "footer",
    "gdpr",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "popup",
    "promo",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "skip",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "tags",
    "toolbar",
    "widget",
];
/// Start tags that end an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];
/// Elements whose start and end break the text into blocks.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

fn attr(tag: &html5gum::StartTag<usize>, name: &str) -> Option<String> {
    tag.attributes
        .get(name.as_bytes())
        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
}

/// The element's own reason to be left out, from its tag and attributes.
fn own_skip(name: &str, tag: &html5gum::StartTag<usize>) -> Skip {
    let aria_hidden = attr(tag, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let display_none = attr(tag, "style").is_some_and(|s| {
        s.to_ascii_lowercase()
            .replace(char::is_whitespace, "")
            .contains("display:none")
    });
    if INVISIBLE.contains(&name) || attr(tag, "hidden").is_some() || aria_hidden || display_none {
        return Skip::Invisible;
    }
    let role = attr(tag, "role").unwrap_or_default().to_ascii_lowercase();
    if BOILERPLATE.contains(&name) || BOILERPLATE_ROLES.contains(&role.as_str()) {
        return Skip::Boilerplate;
    }
    let names = format!(
        "{} {}",
        attr(tag, "class").unwrap_or_default(),
        attr(tag, "id").unwrap_or_default()
    )
    .to_ascii_lowercase();
    if names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| BOILERPLATE_WORDS.contains(&w))
    {
        return Skip::ByName;
    }
    Skip::No
}

impl Tree {
    fn build(src: &str) -> Self {
        let mut tree = Tree::default();
        let mut stack: Vec<usize> = Vec::new();
        let mut emitter = DefaultEmitter::<usize>::new_with_span();
        emitter.naively_switch_states(true);
        for token in Tokenizer::new_with_emitter(src, emitter).flatten() {
            match token {
                Token::StartTag(tag) => tree.start(&tag, &mut stack),
                Token::EndTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    if name == "br" || name == "p" && !tree.open(&stack, "p") {
                        // `</br>` and a stray `</p>` act as a line break.
                        let el = tree.push(&name, stack.last().copied(), Skip::No, &[]);
                        tree.items.push(Item::Close(el));
                    } else if let Some(at) =
                        stack.iter().rposition(|&e| tree.elements[e].name == name)
                    {
                        for e in stack.drain(at..).rev() {
                            tree.items.push(Item::Close(e));
                        }
                    }
                }
                Token::String(s) => tree.text(src, &s, stack.last().copied()),
                _ => {}
            }
        }
        for e in stack.into_iter().rev() {
            tree.items.push(Item::Close(e));
        }
        tree
    }

    fn open(&self, stack: &[usize], name: &str) -> bool {
        stack.iter().any(|&e| self.elements[e].name == name)
    }

    /// Adds an element and its `Open` item.
    fn push(&mut self, name: &str, parent: Option<usize>, skip: Skip, props: &[&str]) -> usize {
        let el = self.elements.len();
        self.elements.push(Element {
            name: name.to_owned(),
            parent,
            skip,
            article_body: props.contains(&"articlebody"),
            main: name == "main" || props.contains(&"main"),
        });
        self.items.push(Item::Open(el));
        el
    }

    fn start(&mut self, tag: &html5gum::StartTag<usize>, stack: &mut Vec<usize>) {
        let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
        // Implied ends: a block closes an open paragraph, an item the item before it.
        let implied: &[&str] = match name.as_str() {
            n if CLOSES_P.contains(&n) => &["p"],
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "tr" => &["tr", "td", "th"],
            "td" | "th" => &["td", "th"],
            _ => &[],
        };
        if let Some(&top) = stack.last()
            && implied.contains(&self.elements[top].name.as_str())
        {
            stack.pop();
            self.items.push(Item::Close(top));
        }
        if name == "meta" {
            let key = ["property", "name", "itemprop"]
                .iter()
                .find_map(|k| attr(tag, k));
            if let (Some(key), Some(content)) = (key, attr(tag, "content")) {
                self.meta.metas.push((key.to_ascii_lowercase(), content));
            }
        }
        let itemprop = attr(tag, "itemprop")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let role = attr(tag, "role").unwrap_or_default().to_ascii_lowercase();
        let props: Vec<&str> = itemprop
            .split_whitespace()
            .chain(role.split_whitespace())
            .collect();
        let el = self.push(&name, stack.last().copied(), own_skip(&name, tag), &props);
        if name == "time"
            && let Some(datetime) = attr(tag, "datetime")
        {
            let marked = attr(tag, "pubdate").is_some() || props.contains(&"datepublished");
            self.meta.times.push((datetime, el, marked));
        }
        if name == "script"
            && attr(tag, "type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
        {
            self.meta.json_ld.push(String::new());
            self.elements[el].name = "ld+json".to_owned();
        }
        if VOID.contains(&name.as_str()) || tag.self_closing {
            self.items.push(Item::Close(el));
        } else {
            stack.push(el);
        }
    }

    fn text(
        &mut self,
        src: &str,
        s: &html5gum::Spanned<html5gum::HtmlString, usize>,
        el: Option<usize>,
    ) {
        let decoded = String::from_utf8_lossy(&s.value).into_owned();
        match el.map(|e| self.elements[e].name.as_str()) {
            Some("title") => self.meta.title.push_str(&decoded),
            Some("ld+json") => {
                if let Some(json) = self.meta.json_ld.last_mut() {
                    json.push_str(&decoded);
                }
            }
            _ => {}
        }
        if el.is_some_and(|e| self.elements[e].skip == Skip::Invisible) {
            return;
        }
        let start = s.span.start.min(src.len());
        let raw = src.get(start..s.span.end.min(src.len())).unwrap_or("");
        let units = align(raw, start, &decoded);
        self.items.push(Item::Text { el, decoded, units });
    }
}

/// Per element: what it is left out for, the inherited way (an element inside an invisible one
/// is invisible too).
fn inherited_skip(elements: &[Element], keep_name_skip: &[bool]) -> Vec<Skip> {
    let mut skip: Vec<Skip> = Vec::with_capacity(elements.len());
    for (i, e) in elements.iter().enumerate() {
        let own = if e.skip == Skip::ByName && keep_name_skip[i] {
            Skip::No
        } else {
            e.skip
        };
        let parent = e.parent.map_or(Skip::No, |p| skip[p]);
        skip.push(own.max(parent));
    }
    skip
}

/// Reads the HTML page `src`.
pub(crate) fn read(src: &str) -> Page {
    let tree = Tree::build(src);
    let n = tree.elements.len();
    // Text per element's subtree, outside tag- and role-boilerplate: (in paragraphs, all).
    let structural = inherited_skip(&tree.elements, &vec![true; n]);
    let mut score = vec![(0usize, 0usize); n];
    // Paragraph text credited to the paragraph's parent, for pages without an <article>.
    let mut direct = vec![0usize; n];
    for item in &tree.items {
        let Item::Text {
            el: Some(el),
            decoded,
            ..
        } = item
        else {
            continue;
        };
        if structural[*el] != Skip::No {
            continue;
        }
        let len = decoded.split_whitespace().map(str::len).sum::<usize>();
        let mut in_p = false;
        let mut at = Some(*el);
        while let Some(e) = at {
            if tree.elements[e].name == "p" && !in_p {
                in_p = true;
                if let Some(parent) = tree.elements[e].parent {
                    direct[parent] += len;
                }
            }
            score[e].0 += if in_p { len } else { 0 };
            score[e].1 += len;
            at = tree.elements[e].parent;
        }
    }
    let best = |pick: &dyn Fn(&Element) -> bool| {
        (0..n)
            .filter(|&e| pick(&tree.elements[e]) && score[e].1 > 0)
            .max_by_key(|&e| (score[e], std::cmp::Reverse(e)))
    };
    let root = best(&|e| e.article_body)
        .or_else(|| best(&|e| e.name == "article"))
        .or_else(|| best(&|e| e.main))
        .or_else(|| (0..n).filter(|&e| direct[e] > 0).max_by_key(|&e| direct[e]));
    // Boilerplate by class name is kept when it contains the article.
    let mut holds_root = vec![false; n];
    let mut at = root;
    while let Some(e) = at {
        holds_root[e] = true;
        at = tree.elements[e].parent;
    }
    let skip = inherited_skip(&tree.elements, &holds_root);
    let in_root = |el: Option<usize>| {
        let Some(root) = root else { return true };
        let mut at = el;
        while let Some(e) = at {
            if e == root {
                return true;
            }
            at = tree.elements[e].parent;
        }
        false
    };
    let headline = (0..n).find(|&e| tree.elements[e].name == "h1" && skip[e] == Skip::No);
    let mut warnings = Vec::new();
    let mut w = BlockWriter::default();
    // A headline outside the article comes first, when it comes before the article in the page
    // (so the text stays in the page's order).
    if let Some(h1) =
        headline.filter(|&h| !in_root(Some(h)) && !holds_root[h] && root.is_some_and(|r| h < r))
    {
        write(&tree, &mut w, |el| is_within(&tree.elements, el, h1));
        w.end_block();
    }
    let headline_len = w.len();
    write(&tree, &mut w, |el| {
        in_root(el) && el.is_none_or(|e| skip[e] == Skip::No)
    });
    let body_len = w.len() - headline_len;
    let (mut text, mut pieces) = w.finish();
    if body_len < TOO_SHORT {
        let mut all = BlockWriter::default();
        write(&tree, &mut all, |el| {
            el.is_none_or(|e| visible(&tree.elements, e))
        });
        let (all_text, all_pieces) = all.finish();
        if all_text.len() > text.len() {
            warnings.push(format!(
                "the article body found is too short ({body_len} characters); using all the \
                 visible text of the page"
            ));
            (text, pieces) = (all_text, all_pieces);
        }
    }
    let title = title(&tree.meta);
    let published = published(&tree.meta, |el| in_root(Some(el)));
    Page {
        text,
        pieces,
        title,
        published,
        warnings,
    }
}

/// Whether element `el` is `ancestor` or inside it.
fn is_within(elements: &[Element], el: Option<usize>, ancestor: usize) -> bool {
    let mut at = el;
    while let Some(e) = at {
        if e == ancestor {
            return true;
        }
        at = elements[e].parent;
    }
    false
}

/// Whether an element's text is visible (nothing invisible around it).
fn visible(elements: &[Element], el: usize) -> bool {
    let mut at = Some(el);
    while let Some(e) = at {
        if elements[e].skip == Skip::Invisible {
            return false;
        }
        at = elements[e].parent;
    }
    true
}

/// Writes the text of the page whose element passes `keep`, in blocks.
fn write(tree: &Tree, w: &mut BlockWriter, keep: impl Fn(Option<usize>) -> bool) {
    for item in &tree.items {
        match item {
            Item::Open(e) | Item::Close(e) => {
                if BLOCKS.contains(&tree.elements[*e].name.as_str()) {
                    w.end_block();
                }
            }
            Item::Text { el, decoded, units } => {
                if keep(*el) {
                    w.write_aligned(decoded, units);
                }
            }
        }
    }
    w.end_block();
}

/// One line of text with runs of white space as one space.
fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The first value of a `<meta>` with one of `keys`.
fn meta<'a>(meta: &'a Meta, keys: &[&str]) -> impl Iterator<Item = &'a str> {
    keys.iter().flat_map(move |k| {
        meta.metas
            .iter()
            .filter(move |(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    })
}

/// The first string at `key` in the JSON-LD objects, depth first.
fn json_ld(meta: &Meta, key: &str) -> Option<String> {
    fn find(v: &Value, key: &str) -> Option<String> {
        match v {
            Value::Object(o) => o
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .or_else(|| o.values().find_map(|v| find(v, key))),
            Value::Array(a) => a.iter().find_map(|v| find(v, key)),
            _ => None,
        }
    }
    meta.json_ld
        .iter()
        .filter_map(|s| serde_json::from_str::<Value>(s).ok())
        .find_map(|v| find(&v, key))
}

/// The title: `og:title`, `twitter:title`, JSON-LD `headline`, or `<title>` without a site
/// name after " | " or " - ".
fn title(m: &Meta) -> Option<String> {
    meta(m, &["og:title", "twitter:title"])
        .find_map(clean)
        .or_else(|| json_ld(m, "headline").as_deref().and_then(clean))
        .or_else(|| {
            let t = clean(&m.title)?;
            let short = [" | ", " - ", " – ", " — "].iter().find_map(|sep| {
                let (head, site) = t.rsplit_once(sep)?;
                (head.split_whitespace().count() >= 3 && site.len() < head.len())
                    .then(|| head.to_owned())
            });
            Some(short.unwrap_or(t))
        })
}

/// The publication date: `article:published_time` and similar `<meta>`s, JSON-LD
/// `datePublished`, a `<time>` marked as the publication date, or the first `<time datetime>`
/// inside the article.
fn published(m: &Meta, in_article: impl Fn(usize) -> bool) -> Option<String> {
    meta(
        m,
        &[
            "article:published_time",
            "datepublished",
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "dc.date.issued",
            "dc.date",
            "dcterms.created",
        ],
    )
    .find_map(publication_date)
    .or_else(|| {
        json_ld(m, "datePublished")
            .as_deref()
            .and_then(publication_date)
    })
    .or_else(|| {
        let marked = m.times.iter().filter(|t| t.2);
        let inside = m.times.iter().filter(|t| in_article(t.1));
        marked.chain(inside).find_map(|t| publication_date(&t.0))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html><head>
<title>Harbour bridge closes for repairs | The Coastal Herald</title>
<meta property="og:title" content="Harbour bridge to close for six weeks &amp; more">
<meta property="article:published_time" content="2024-03-18T07:45:00Z">
<script>var x = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head><body>
<header class="site-header"><a href="/">The Coastal Herald</a><nav><a>Home</a><a>Sport</a></nav></header>
<div id="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept</button></div>
<main><article>
<h1>Harbour bridge to close for six weeks</h1>
<div class="share-tools"><a>Share on Facebook</a></div>
<p>The Old Harbour bridge will close on 2 April for six weeks of repairs, the council said.</p>
<p>Engineers found corrosion in 14 of its 40 steel cables during an inspection in January, and
the repairs will cost &pound;2.4m.</p>
<aside class="related"><h2>Related</h2><ul><li><a>Ferry fares to rise</a></li></ul></aside>
<p>Buses will replace the 6 &amp; 7 routes while the bridge is shut.</p>
</article></main>
<footer><p>&copy; The Coastal Herald</p></footer>
</body></html>"#;

    #[test]
    fn the_article_without_boilerplate() {
        let page = read(PAGE);
        assert_eq!(
            page.title.as_deref(),
            Some("Harbour bridge to close for six weeks & more")
        );
        assert_eq!(page.published.as_deref(), Some("2024-03-18"));
        assert!(page.warnings.is_empty(), "{:?}", page.warnings);
        assert!(
            page.text
                .starts_with("Harbour bridge to close for six weeks\n\nThe Old Harbour")
        );
        assert!(page.text.contains("cost £2.4m."));
        assert!(page.text.contains("the 6 & 7 routes"));
        for absent in [
            "cookies",
            "Share on",
            "Home",
            "Related",
            "Ferry fares",
            "not text",
            "color",
            "©",
        ] {
            assert!(!page.text.contains(absent), "{absent:?} in {:?}", page.text);
        }
    }

    #[test]
    fn title_from_the_title_element_without_the_site_name() {
        let page = read("<title>Ferry fares to rise in May - Coast News</title><p>Text.</p>");
        assert_eq!(page.title.as_deref(), Some("Ferry fares to rise in May"));
    }

    #[test]
    fn dates_from_json_ld_and_time_elements() {
        let ld = r#"<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2023-11-02T10:00:00+00:00"}]}</script><p>x</p>"#;
        assert_eq!(read(ld).published.as_deref(), Some("2023-11-02"));
        let time = r#"<article><p>Posted <time datetime="2022-05-06">6 May</time></p></article>"#;
        assert_eq!(read(time).published.as_deref(), Some("2022-05-06"));
    }

    #[test]
    fn a_short_extraction_falls_back_to_the_visible_text() {
        let page = read(
            "<article><p>Short.</p></article><div class=\"content\"><p>The long story is \
             here, outside the article element, and it goes on for a while about the \
             council meeting on Tuesday, where 40 people spoke against the plan to close \
             the library, and the mayor promised a vote in June after a consultation of \
             twelve weeks.</p></div>",
        );
        assert_eq!(page.warnings.len(), 1, "{:?}", page.warnings);
        assert!(page.text.contains("Short.") && page.text.contains("twelve weeks."));
    }
}
