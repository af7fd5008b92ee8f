//! One self-contained HTML page: each source's main event, the topic × source matrix (three or
//! more sources), conflicts listed first, the articles side by side with every
//! claim highlighted by verdict and linked to the other claims of its finding, and word-level
//! differences of quotes and near-identical sentences.
//!
//! The page has its CSS and JavaScript inline and loads nothing: it can be mailed, attached to
//! a CI run or opened offline. All article text goes through [`esc`].
//!
//! Many sources give the compact forms of `many.rs`, and the articles wrap into rows instead of
//! standing all side by side.

use std::fmt::Write as _;

use claimdiff_align::{Claim, Comparison, Finding, FindingFacet, FrameSlot, Verdict};
use claimdiff_parse::Document;
use similar::{ChangeTag, TextDiff};

use crate::many::{self, NAMED_SOURCES, Sources};
use crate::position;
use crate::table::{NO_MAJORITY, majority_text, source_ids, summary_line};

/// Share of equal words (`similar`'s ratio) from which two aligned, different sentences are shown
/// as a word diff: below it the sentences say different things and a diff is noise.
const NEAR_IDENTICAL: f32 = 0.6;

/// Text made safe for HTML element content and double- or single-quoted attribute values.
///
/// Hand-written rather than a template engine: five characters are all HTML needs escaped, and
/// a template engine escapes only templates named `*.html` (an easy way to lose escaping when a
/// template is renamed). Tested below and end to end with a `<script>` in an article.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The element id of claim `k` of finding `f` in document `d` (all 0-based): `F1-2-1` is the
/// first claim of source 2 in finding F1. Indexes, not source ids, so any id is safe.
fn claim_anchor(f: usize, d: usize, k: usize) -> String {
    format!("F{}-{}-{}", f + 1, d + 1, k + 1)
}

/// The element id of sentence `s` of document `d` (0-based).
fn sentence_anchor(d: usize, s: usize) -> String {
    format!("s{}-{}", d + 1, s + 1)
}

/// The claims of a finding with their anchors, grouped by document in document order.
fn anchored(fi: usize, f: &Finding) -> Vec<(String, &Claim)> {
    let mut per_doc: Vec<usize> = Vec::new();
    f.claims
        .iter()
        .map(|c| {
            if per_doc.len() <= c.source {
                per_doc.resize(c.source + 1, 0);
            }
            let k = per_doc[c.source];
            per_doc[c.source] += 1;
            (claim_anchor(fi, c.source, k), c)
        })
        .collect()
}

/// A word-level diff of `old` and `new`: shared words as text, words only in `old` in
/// `<del>`, words only in `new` in `<ins>`; neighbouring changes of one kind share an element.
fn word_diff(old: &str, new: &str) -> String {
    let diff = TextDiff::from_words(old, new);
    let mut out = String::new();
    let mut run: Option<(ChangeTag, String)> = None;
    let flush = |out: &mut String, run: &mut Option<(ChangeTag, String)>| {
        if let Some((tag, text)) = run.take() {
            match tag {
                ChangeTag::Equal => out.push_str(&esc(&text)),
                ChangeTag::Delete => {
                    let _ = write!(out, "<del>{}</del>", esc(&text));
                }
                ChangeTag::Insert => {
                    let _ = write!(out, "<ins>{}</ins>", esc(&text));
                }
            }
        }
    };
    for change in diff.iter_all_changes() {
        match &mut run {
            Some((tag, text)) if *tag == change.tag() => text.push_str(change.value()),
            _ => {
                flush(&mut out, &mut run);
                run = Some((change.tag(), change.value().to_owned()));
            }
        }
    }
    flush(&mut out, &mut run);
    out
}

/// Something to wrap around a stretch of an article: a sentence or a claim.
#[derive(Debug)]
struct Wrap {
    start: usize,
    end: usize,
    /// Ties on equal ranges: lower wraps outside higher.
    rank: u8,
    open: String,
    close: &'static str,
    /// Markup right after the closing tag (a link to the finding's next claim).
    after: String,
}

/// The article text, escaped, with `wraps` as properly nested elements. Wraps are opened in
/// text order, longer first; one that would cross the end of the element it starts in is cut
/// at that end, so the markup always nests. Wraps outside the text or off a character boundary
/// are dropped.
fn render_text(text: &str, mut wraps: Vec<Wrap>) -> String {
    wraps.retain(|w| {
        w.start < w.end
            && w.end <= text.len()
            && text.is_char_boundary(w.start)
            && text.is_char_boundary(w.end)
    });
    wraps.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.rank.cmp(&b.rank))
    });
    let mut out = String::with_capacity(text.len() * 2);
    let mut pos = 0;
    let mut open: Vec<(usize, &'static str, String)> = Vec::new();
    let close_until = |out: &mut String,
                       pos: &mut usize,
                       open: &mut Vec<(usize, &'static str, String)>,
                       until: usize| {
        while let Some((end, _, _)) = open.last() {
            if *end > until {
                break;
            }
            let (end, close, after) = open.pop().expect("checked above");
            out.push_str(&esc(&text[*pos..end]));
            *pos = end;
            out.push_str(close);
            out.push_str(&after);
        }
    };
    for w in wraps {
        close_until(&mut out, &mut pos, &mut open, w.start);
        let end = open.last().map_or(w.end, |(outer, _, _)| w.end.min(*outer));
        out.push_str(&esc(&text[pos..w.start]));
        pos = w.start;
        out.push_str(&w.open);
        open.push((end, w.close, w.after));
    }
    close_until(&mut out, &mut pos, &mut open, usize::MAX);
    out.push_str(&esc(&text[pos..]));
    out
}

/// The wraps of document `d`: its sentences, and each claim of each finding as a `<mark>`.
fn wraps_of(d: usize, doc: &Document, cmp: &Comparison) -> Vec<Wrap> {
    let mut wraps: Vec<Wrap> = doc
        .sentences
        .iter()
        .map(|s| Wrap {
            start: s.span.start,
            end: s.span.end,
            rank: 0,
            open: format!("<span class=\"s\" id=\"{}\">", sentence_anchor(d, s.index)),
            close: "</span>",
            after: String::new(),
        })
        .collect();
    for (fi, f) in cmp.findings.iter().enumerate() {
        let claims = anchored(fi, f);
        // The first claim of each document: where "next claim" links go, in a cycle.
        let mut firsts: Vec<(usize, &str)> = Vec::new();
        for (anchor, c) in &claims {
            if firsts.last().is_none_or(|(src, _)| *src != c.source) {
                firsts.push((c.source, anchor));
            }
        }
        let statement = f.facet == FindingFacet::Statement;
        for (anchor, c) in claims.iter().filter(|(_, c)| c.source == d) {
            let title = format!(
                "F{} {} · {}: {}",
                fi + 1,
                f.verdict.as_str(),
                f.topic,
                f.explanation
            );
            let after = firsts
                .iter()
                .position(|(src, _)| *src == d)
                .filter(|_| firsts.len() > 1)
                .map(|i| {
                    let (src, to) = firsts[(i + 1) % firsts.len()];
                    format!(
                        "<a class=\"to\" href=\"#{to}\" title=\"{} in {}\">F{}</a>",
                        esc(&f.topic),
                        esc(&format!("source {}", src + 1)),
                        fi + 1
                    )
                })
                .unwrap_or_default();
            wraps.push(Wrap {
                start: c.span.start,
                end: c.span.end,
                rank: if statement { 1 } else { 2 },
                open: format!(
                    "<mark class=\"{}\" id=\"{anchor}\" data-f=\"F{}\" data-facet=\"{}\" title=\"{}\">",
                    f.verdict.as_str(),
                    fi + 1,
                    f.facet.as_str(),
                    esc(&title)
                ),
                close: "</mark>",
                after,
            });
        }
    }
    wraps
}

fn path_of(doc: &Document) -> &str {
    doc.source.path.as_deref().unwrap_or(&doc.source.id)
}

/// One finding as a card: topic, explanation, each claim with its place and sentence, and a
/// word diff of quotes that differ.
fn finding_card(out: &mut String, docs: &[Document], fi: usize, f: &Finding) {
    let verdict = f.verdict.as_str();
    let _ = write!(
        out,
        "<div class=\"finding {verdict}\" id=\"F{n}\"><h3><span class=\"verdict\">{verdict}</span> \
         <span class=\"topic\">{topic}</span> <span class=\"facet\">{facet}</span> \
         <a class=\"fid\" href=\"#F{n}\">F{n}</a></h3>\n<p class=\"why\">{why}</p>\n<ul class=\"claims\">\n",
        n = fi + 1,
        topic = esc(&f.topic),
        facet = f.facet.as_str(),
        why = esc(&f.explanation),
    );
    for (anchor, c) in anchored(fi, f) {
        let doc = &docs[c.source];
        let (line, col) = position(doc, c.span.start);
        let sentence = doc.sentence_text(&doc.sentences[c.sentence]);
        let _ = write!(
            out,
            "<li><a class=\"src\" href=\"#{anchor}\">{id}</a> <b class=\"raw\">{raw}</b> \
             <span class=\"pos\">{path}:{line}:{col}</span>",
            id = esc(&doc.source.id),
            raw = esc(&c.raw),
            path = esc(path_of(doc)),
        );
        if f.facet != FindingFacet::Statement {
            let _ = write!(out, "<q>{}</q>", esc(sentence));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    if f.facet.as_str() == "quote" {
        let first = f.claims.first();
        for other in f
            .claims
            .iter()
            .filter(|c| Some(c.source) != first.map(|c| c.source))
        {
            let Some(first) = first else { break };
            if first.raw != other.raw {
                let _ = writeln!(
                    out,
                    "<p class=\"diff\"><span class=\"label\">{} → {}</span> {}</p>",
                    esc(&docs[first.source].source.id),
                    esc(&docs[other.source].source.id),
                    word_diff(&first.raw, &other.raw)
                );
            }
        }
    }
    out.push_str("</div>\n");
}

/// A section of the findings of one verdict; `open` says whether it starts unfolded.
fn findings_section(
    out: &mut String,
    docs: &[Document],
    cmp: &Comparison,
    verdict: Verdict,
    (id, heading, empty): (&str, &str, Option<&str>),
    open: bool,
) {
    let findings: Vec<(usize, &Finding)> = cmp
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.verdict == verdict)
        .collect();
    if findings.is_empty() && empty.is_none() {
        return;
    }
    let _ = write!(
        out,
        "<section id=\"{id}\" class=\"findings\">\n<details{}><summary><h2>{heading} ({})</h2></summary>\n",
        if open { " open" } else { "" },
        findings.len()
    );
    if let (true, Some(empty)) = (findings.is_empty(), empty) {
        let _ = writeln!(out, "<p class=\"none\">{empty}</p>");
    }
    for (fi, f) in findings {
        finding_card(out, docs, fi, f);
    }
    out.push_str("</details>\n</section>\n");
}

/// Aligned sentences that differ in a few words, each as a word diff.
fn reworded_section(out: &mut String, docs: &[Document], cmp: &Comparison) {
    let mut rows = String::new();
    let mut n = 0;
    for (a, b, pairs) in &cmp.alignments {
        let (da, db) = (&docs[*a], &docs[*b]);
        for p in pairs {
            let (sa, sb) = (&da.sentences[p.a], &db.sentences[p.b]);
            let (ta, tb) = (da.sentence_text(sa), db.sentence_text(sb));
            if ta == tb {
                continue;
            }
            let diff = TextDiff::from_words(ta, tb);
            if diff.ratio() < NEAR_IDENTICAL {
                continue;
            }
            let (la, _) = position(da, sa.span.start);
            let (lb, _) = position(db, sb.span.start);
            let _ = writeln!(
                rows,
                "<li><a href=\"#{}\">{} line {la}</a> → <a href=\"#{}\">{} line {lb}</a>\
                 <p class=\"diff\">{}</p></li>",
                sentence_anchor(*a, p.a),
                esc(&da.source.id),
                sentence_anchor(*b, p.b),
                esc(&db.source.id),
                word_diff(ta, tb)
            );
            n += 1;
        }
    }
    if n > 0 {
        let _ = write!(
            out,
            "<section id=\"reworded\" class=\"findings\">\n<details open><summary><h2>Near-identical \
             sentences ({n})</h2></summary>\n<p class=\"none\">Aligned sentences that differ in a \
             few words: <del>only in the first</del>, <ins>only in the second</ins>.</p>\n\
             <ul class=\"reworded\">\n{rows}</ul>\n</details>\n</section>\n"
        );
    }
}

/// Each source's main event as a table: source, what, who, where, when (linked to the text);
/// many sources: a row per main event with the sources giving it, linked to the first's text.
fn main_events(out: &mut String, sources: &Sources<'_>, cmp: &Comparison, compact: bool) {
    if cmp.frames.is_empty() {
        return;
    }
    out.push_str(
        "<section id=\"frames\" class=\"findings\">\n<h2>Main event</h2>\n<table class=\"grid\">\n\
         <tr><th>source</th><th>what</th><th>who</th><th>where</th><th>when</th></tr>\n",
    );
    for group in many::frame_groups(cmp, compact) {
        let f = group[0];
        let slot = |s: Option<&FrameSlot>| {
            s.map_or_else(
                || "—".to_owned(),
                |s| {
                    format!(
                        "<a href=\"#{}\">{}</a>",
                        sentence_anchor(f.source, s.sentence),
                        esc(&s.raw)
                    )
                },
            )
        };
        let _ = writeln!(
            out,
            "<tr><td><b>{}</b></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&many::frame_sources(sources, &group)),
            esc(f.what.as_deref().unwrap_or("—")),
            slot(f.who.as_ref()),
            slot(f.place()),
            slot(f.when())
        );
    }
    out.push_str("</table>\n</section>\n");
}

/// Sources as links to their articles, the first [`NAMED_SOURCES`] shown and the rest folded
/// ("+N more").
fn source_links(sources: &Sources<'_>, list: &[usize]) -> String {
    let link = |&s: &usize| format!("<a href=\"#src-{}\">{}</a>", s + 1, esc(sources.id(s)));
    let order = sources.ordered(list);
    let (named, rest) = order.split_at(order.len().min(NAMED_SOURCES));
    let mut out = named.iter().map(link).collect::<Vec<_>>().join(", ");
    if !rest.is_empty() {
        let _ = write!(
            out,
            " <details class=\"more\"><summary>+{} more</summary>{}</details>",
            rest.len(),
            rest.iter().map(link).collect::<Vec<_>>().join(", ")
        );
    }
    out
}

/// The topic × source matrix of many sources: a row per topic, contested first, with the
/// majority value and every other value, each with its support, and the sources giving the
/// other values (highlighted when they dissent from a majority).
fn compact_matrix_section(out: &mut String, sources: &Sources<'_>, cmp: &Comparison) {
    let _ = writeln!(
        out,
        "<section id=\"matrix\" class=\"findings\">\n<h2>Topics × sources ({})</h2>\n\
         <table class=\"grid\">\n<tr><th>topic</th><th>majority</th><th>other values</th></tr>",
        cmp.matrix.len()
    );
    for r in many::contested_first(&cmp.matrix) {
        let majority = r.majority.map_or_else(
            || NO_MAJORITY.to_owned(),
            |m| {
                let v = &r.values[m];
                format!("<b>{}</b><br>{}", esc(&v.raw), sources.support(r, v))
            },
        );
        let others: Vec<String> = many::other_values(r)
            .map(|v| {
                format!(
                    "<p><b>{}</b> ({}): {}</p>",
                    esc(&v.raw),
                    sources.support(r, v),
                    source_links(sources, &v.sources)
                )
            })
            .collect();
        let class = if r.dissenting.is_empty() {
            ""
        } else {
            " class=\"dissent\""
        };
        let _ = writeln!(
            out,
            "<tr><td>{} <span class=\"facet\">{}</span></td><td>{majority}</td><td{class}>{}</td></tr>",
            esc(&r.topic),
            r.facet.as_str(),
            if others.is_empty() {
                "—".to_owned()
            } else {
                others.concat()
            }
        );
    }
    out.push_str("</table>\n</section>\n");
}

/// The topic × source matrix (three or more sources): each source's values linked to the
/// text, dissenting sources highlighted, the majority value and the dissenting sources.
fn matrix_section(out: &mut String, docs: &[Document], cmp: &Comparison) {
    let _ = write!(
        out,
        "<section id=\"matrix\" class=\"findings\">\n<h2>Topics × sources ({})</h2>\n\
         <table class=\"grid\">\n<tr><th>topic</th>",
        cmp.matrix.len()
    );
    for d in docs {
        let _ = write!(out, "<th>{}</th>", esc(&d.source.id));
    }
    out.push_str("<th>majority</th><th>dissenting</th></tr>\n");
    for r in &cmp.matrix {
        let _ = write!(
            out,
            "<tr><td>{} <span class=\"facet\">{}</span></td>",
            esc(&r.topic),
            r.facet.as_str()
        );
        for (i, doc) in docs.iter().enumerate() {
            let values: Vec<String> = r
                .claims
                .iter()
                .filter(|c| c.source == i)
                .map(|c| {
                    let (line, _) = position(doc, c.span.start);
                    format!(
                        "<a href=\"#{}\" title=\"line {line}\">{}</a>",
                        sentence_anchor(i, c.sentence),
                        esc(&c.raw)
                    )
                })
                .collect();
            let class = if r.dissenting.contains(&i) {
                " class=\"dissent\""
            } else {
                ""
            };
            let text = if values.is_empty() {
                "—".to_owned()
            } else {
                values.join("<br>")
            };
            let _ = write!(out, "<td{class}>{text}</td>");
        }
        let _ = writeln!(
            out,
            "<td>{}</td><td>{}</td></tr>",
            esc(&majority_text(r)),
            esc(&source_ids(docs, &r.dissenting))
        );
    }
    out.push_str("</table>\n</section>\n");
}

const STYLE: &str = r#"
:root { --conflict: #f8b4b4; --conflict-edge: #c81e1e; --distinct: #fde68a; --distinct-edge: #b45309;
        --agree: #bbf7d0; --agree-edge: #15803d; --only: #94a3b8; font-family: system-ui, sans-serif; }
body { margin: 0 auto; max-width: 110rem; padding: 1rem 1.5rem; color: #111827; background: #fff; line-height: 1.45; }
header h1 { margin: 0 0 .25rem; font-size: 1.4rem; }
.summary { font-weight: 600; margin: .25rem 0; }
.sources, .notes { margin: .25rem 0; color: #374151; }
summary h2 { display: inline; font-size: 1.15rem; }
section.findings { margin: 1rem 0; }
.finding { border-left: 6px solid var(--only); background: #f9fafb; margin: .6rem 0; padding: .4rem .8rem; }
.finding.conflict { border-color: var(--conflict-edge); background: #fef2f2; }
.finding.distinct { border-color: var(--distinct-edge); background: #fffbeb; }
.finding.agree { border-color: var(--agree-edge); background: #f0fdf4; }
.finding h3 { margin: .2rem 0; font-size: 1rem; }
.verdict { text-transform: uppercase; font-size: .75rem; letter-spacing: .05em; padding: .1rem .35rem; border-radius: .2rem; background: #e5e7eb; }
.conflict .verdict { background: var(--conflict-edge); color: #fff; }
.distinct .verdict { background: var(--distinct-edge); color: #fff; }
.agree .verdict { background: var(--agree-edge); color: #fff; }
.facet, .pos, .fid { color: #6b7280; font-size: .85rem; font-weight: normal; }
.why { margin: .2rem 0; }
ul.claims { margin: .2rem 0; padding-left: 1.2rem; }
ul.claims q { display: block; color: #374151; font-size: .9rem; }
a.src { font-weight: 700; }
.diff { font-family: ui-serif, Georgia, serif; margin: .3rem 0; }
.label { font-family: system-ui, sans-serif; color: #6b7280; font-size: .85rem; }
del { background: #fecaca; text-decoration: line-through; }
ins { background: #bbf7d0; text-decoration: none; }
.none { color: #6b7280; }
.articles { display: grid; gap: 1.2rem; overflow-x: auto; border-top: 1px solid #e5e7eb; margin-top: 1rem; padding-top: .5rem; }
article h2 { font-size: 1.05rem; margin: .3rem 0; }
article .meta { color: #6b7280; font-size: .85rem; word-break: break-all; }
.text { white-space: pre-wrap; font-family: ui-serif, Georgia, serif; font-size: .95rem; }
mark { background: none; color: inherit; border-radius: .15rem; scroll-margin: 40vh; }
mark.conflict { background: var(--conflict); box-shadow: inset 0 -2px var(--conflict-edge); }
mark.distinct { background: var(--distinct); box-shadow: inset 0 -2px var(--distinct-edge); }
mark.agree { background: var(--agree); }
mark.only_in { text-decoration: underline dotted #cbd5e1; }
mark[data-facet="statement"] { background: none; box-shadow: inset 0 -1px var(--agree-edge); }
mark[data-facet="statement"].conflict { box-shadow: inset 0 -2px var(--conflict-edge); }
mark.hl, mark:target { outline: 2px solid #1d4ed8; }
a.to { font-size: .65rem; vertical-align: super; text-decoration: none; color: #1d4ed8; margin: 0 .15rem 0 .05rem; }
.s:target { background: #dbeafe; }
table.grid { border-collapse: collapse; font-size: .9rem; margin: .4rem 0; }
table.grid th, table.grid td { border: 1px solid #e5e7eb; padding: .2rem .5rem; vertical-align: top; text-align: left; }
table.grid td.dissent { background: var(--conflict); }
"#;

/// Style of the compact matrix of many sources: values as paragraphs, sources beyond the first
/// few folded inline.
const COMPACT_STYLE: &str = r#"table.grid td p { margin: 0 0 .3rem; }
details.more { display: inline; }
details.more summary { display: inline; cursor: pointer; color: #1d4ed8; }
"#;

/// Hovering a claim outlines every claim of its finding; clicking one goes to the next. The
/// page reads fine without it.
const SCRIPT: &str = r#"
(function () {
  var marks = document.querySelectorAll("mark[data-f]");
  function each(f, on) {
    document.querySelectorAll('mark[data-f="' + f + '"]').forEach(function (m) {
      m.classList.toggle("hl", on);
    });
  }
  marks.forEach(function (m) {
    m.addEventListener("mouseenter", function () { each(m.dataset.f, true); });
    m.addEventListener("mouseleave", function () { each(m.dataset.f, false); });
  });
  document.documentElement.dataset.ready = String(marks.length);
})();
"#;

/// Renders the comparison as one self-contained HTML page (CSS and JavaScript inline, nothing
/// loaded from the network): the summary line; the conflicts, then distinct figures, then
/// agreements (folded), each with its claims, places (`path:line:column`) and, for quotes, a
/// word diff; aligned sentences that differ in a few words as word diffs (`<del>`/`<ins>`);
/// and the articles side by side, each claim wrapped in
/// `<mark class="conflict|distinct|agree|only_in" id="F1-2-1" data-f="F1">` with a link to the
/// same finding's claim in the next source. All article text is escaped.
///
/// With more than eight sources the matrix has a row per topic, contested first, with the
/// majority value and each other value with the sources giving it (a few named, the rest
/// folded), and the articles wrap into rows.
#[must_use]
pub fn report_html(docs: &[Document], cmp: &Comparison) -> String {
    let compact = many::compact(docs.len());
    let names = Sources::new(docs, cmp);
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"claimdiff\">\n");
    let titles: Vec<String> = docs
        .iter()
        .map(|d| {
            d.source
                .title
                .clone()
                .unwrap_or_else(|| path_of(d).to_owned())
        })
        .collect();
    let _ = writeln!(
        out,
        "<title>claimdiff: {}</title>",
        esc(&titles.join(" · "))
    );
    let _ = writeln!(
        out,
        "<style>{STYLE}{}</style>\n</head>\n<body>",
        if compact { COMPACT_STYLE } else { "" }
    );
    let _ = writeln!(
        out,
        "<header>\n<h1>claimdiff</h1>\n<p class=\"summary\">{}</p>",
        esc(&summary_line(docs, cmp, true))
    );
    let sources: Vec<String> = docs
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            format!(
                "<a href=\"#src-{}\"><b>{}</b></a> {}",
                d + 1,
                esc(&doc.source.id),
                esc(path_of(doc))
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"sources\">Sources: {}</p>",
        sources.join(", ")
    );
    for note in &cmp.notes {
        let _ = writeln!(out, "<p class=\"notes\">Note: {}</p>", esc(note));
    }
    for line in many::duplicate_lines(&names, cmp, compact) {
        let _ = writeln!(out, "<p class=\"notes\">Duplicate: {}</p>", esc(&line));
    }
    out.push_str("</header>\n<main>\n");
    main_events(&mut out, &names, cmp, compact);
    if compact && !cmp.matrix.is_empty() {
        compact_matrix_section(&mut out, &names, cmp);
    } else if !cmp.matrix.is_empty() {
        matrix_section(&mut out, docs, cmp);
    }
    findings_section(
        &mut out,
        docs,
        cmp,
        Verdict::Conflict,
        ("conflicts", "Conflicts", Some("No conflicts.")),
        true,
    );
    findings_section(
        &mut out,
        docs,
        cmp,
        Verdict::Distinct,
        (
            "distinct",
            "Distinct figures: comparable-looking, about different things",
            None,
        ),
        true,
    );
    findings_section(
        &mut out,
        docs,
        cmp,
        Verdict::Agree,
        ("agreements", "Agreements", None),
        false,
    );
    reworded_section(&mut out, docs, cmp);
    let columns = if compact {
        "auto-fill".to_owned()
    } else {
        docs.len().to_string()
    };
    let _ = writeln!(
        out,
        "<section id=\"articles\" class=\"articles\" style=\"grid-template-columns: repeat({columns}, minmax(22rem, 1fr))\">"
    );
    for (d, doc) in docs.iter().enumerate() {
        let _ = write!(
            out,
            "<article id=\"src-{}\">\n<h2>{}</h2>\n<p class=\"meta\">{}",
            d + 1,
            esc(&doc.source.id),
            esc(path_of(doc))
        );
        if let Some(published) = &doc.source.published {
            let _ = write!(out, " · published {}", esc(published));
        }
        let _ = writeln!(
            out,
            "</p>\n<div class=\"text\">{}</div>\n</article>",
            render_text(&doc.text, wraps_of(d, doc, cmp))
        );
    }
    let _ = writeln!(
        out,
        "</section>\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdiff_align::{Config, compare};
    use claimdiff_parse::{Lexicon, Source, parse};

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            esc(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(esc("£330million — “quoted”"), "£330million — “quoted”");
    }

    fn wrap(start: usize, end: usize, name: &'static str) -> Wrap {
        Wrap {
            start,
            end,
            rank: 0,
            open: format!("<{name}>"),
            close: match name {
                "a" => "</a>",
                "b" => "</b>",
                _ => "</c>",
            },
            after: String::new(),
        }
    }

    #[test]
    fn wraps_nest_and_crossing_ones_are_cut() {
        let text = "one <two> three";
        let html = render_text(
            text,
            vec![wrap(4, 9, "b"), wrap(0, 15, "a"), wrap(8, 13, "c")],
        );
        assert_eq!(
            html, "<a>one <b>&lt;two<c>&gt;</c></b> three</a>",
            "the crossing wrap is cut at the end of the one it starts in"
        );
        // Out of range and off a character boundary: dropped, text intact.
        let html = render_text("£5", vec![wrap(1, 2, "a"), wrap(0, 9, "b")]);
        assert_eq!(html, "£5");
    }

    #[test]
    fn word_diff_marks_changed_words() {
        assert_eq!(
            word_diff("we will not stop", "we shall not stop"),
            "we <del>will</del><ins>shall</ins> not stop"
        );
        assert_eq!(
            word_diff("said a spokesperson <x>", "said Ann <x>"),
            "said <del>a spokesperson</del><ins>Ann</ins> &lt;x&gt;"
        );
    }

    #[test]
    fn page_marks_claims_and_escapes_article_text() {
        let lex = Lexicon::embedded();
        let doc = |id: &str, text: &str| {
            let source = Source {
                id: id.into(),
                path: Some(format!("{id}.txt")),
                ..Source::default()
            };
            parse(source, text, &lex)
        };
        let docs = [
            doc(
                "A",
                "The quake killed at least 58 people on Monday. <script>alert(1)</script>",
            ),
            doc("B", "The quake killed 46 people on Monday."),
        ];
        let cmp = compare(&docs, &lex, &Config::default());
        let html = report_html(&docs, &cmp);
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(
            html.contains("<mark class=\"conflict\" id=\"F1-1-1\""),
            "{html}"
        );
        assert!(html.contains("href=\"#F1-2-1\""), "A's claim links to B's");
        assert!(
            html.contains("href=\"#F1-1-1\""),
            "B's claim links back to A's"
        );
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
    }
}
