//! Markdown for a pull-request comment: summary, main events, the topic × source matrix (three
//! or more sources), conflicts, distinct figures, agreements folded.

use std::fmt::Write as _;

use claimdiff_align::{Claim, Comparison, Finding, FrameSlot, Verdict};
use claimdiff_parse::Document;

use crate::position;
use crate::table::{CLAIMS_PER_CELL, duplicate_text, majority_text, source_ids, summary_line};

/// Longest value shown in the agreements table, in characters.
const AGREE_VALUE_CHARS: usize = 100;

/// Text made safe for one GitHub-flavoured Markdown table cell: ASCII punctuation that Markdown
/// or HTML would read is backslash-escaped (`|` as `\|`, which tables need even inside code
/// spans), and line breaks become `<br>`.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// At most `max` characters of `s`, with `…` when cut.
fn truncate(s: &str, max: usize) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

fn path_of(doc: &Document) -> &str {
    doc.source.path.as_deref().unwrap_or(&doc.source.id)
}

/// One table row: `| a | b | … |`, cells already escaped.
fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn header(first: &str, docs: &[Document], last: &[&str]) -> String {
    let mut cells = vec![first.to_owned()];
    cells.extend(docs.iter().map(|d| cell(&d.source.id)));
    cells.extend(last.iter().map(|&l| l.to_owned()));
    let rule: Vec<String> = cells.iter().map(|_| "---".to_owned()).collect();
    row(&cells) + &row(&rule)
}

/// The claims of one source, with `**raw**`, `path:line:column` and the quoted sentence.
fn evidence_cell(doc: &Document, claims: &[&Claim], statement: bool) -> String {
    if claims.is_empty() {
        return "—".to_owned();
    }
    let mut parts: Vec<String> = claims
        .iter()
        .take(CLAIMS_PER_CELL)
        .map(|c| {
            let (line, col) = position(doc, c.span.start);
            let at = cell(&format!("{}:{line}:{col}", path_of(doc)));
            let sentence = cell(doc.sentence_text(&doc.sentences[c.sentence]));
            if statement {
                format!("{at}<br>“{sentence}”")
            } else {
                format!("**{}** ({at})<br>“{sentence}”", cell(&c.raw))
            }
        })
        .collect();
    let more = claims.len().saturating_sub(CLAIMS_PER_CELL);
    if more > 0 {
        parts.push(format!("(+{more} more in the JSON report)"));
    }
    parts.join("<br><br>")
}

/// The claims of one source as `**raw**` (line:column), without sentences; a statement's
/// claim (a whole sentence) is quoted instead of bold.
fn value_cell(doc: &Document, claims: &[&Claim], statement: bool) -> String {
    if claims.is_empty() {
        return "—".to_owned();
    }
    let parts: Vec<String> = claims
        .iter()
        .take(CLAIMS_PER_CELL)
        .map(|c| {
            let (line, col) = position(doc, c.span.start);
            let raw = cell(&truncate(&c.raw, AGREE_VALUE_CHARS));
            if statement {
                format!("“{raw}” ({line}:{col})")
            } else {
                format!("**{raw}** ({line}:{col})")
            }
        })
        .collect();
    let more = claims.len().saturating_sub(CLAIMS_PER_CELL);
    let mut s = parts.join("<br>");
    if more > 0 {
        let _ = write!(s, "<br>(+{more} more)");
    }
    s
}

fn claims_of(f: &Finding, source: usize) -> Vec<&Claim> {
    f.claims.iter().filter(|c| c.source == source).collect()
}

fn topic_cell(f: &Finding) -> String {
    cell(&format!("{} ({})", f.topic, f.facet.as_str()))
}

/// A table of findings with quoted evidence: topic, one column per source, why.
fn evidence_table(docs: &[Document], findings: &[&Finding]) -> String {
    let mut out = header("topic", docs, &["why"]);
    for f in findings {
        let statement = f.facet.as_str() == "statement";
        let mut cells = vec![topic_cell(f)];
        cells.extend(
            docs.iter()
                .enumerate()
                .map(|(i, d)| evidence_cell(d, &claims_of(f, i), statement)),
        );
        cells.push(cell(&f.explanation));
        out.push_str(&row(&cells));
    }
    out
}

fn with_verdict(cmp: &Comparison, verdict: Verdict) -> Vec<&Finding> {
    cmp.findings
        .iter()
        .filter(|f| f.verdict == verdict)
        .collect()
}

/// Each source's main event as a table: source, what, who, where, when.
fn main_events(out: &mut String, docs: &[Document], cmp: &Comparison) {
    if cmp.frames.is_empty() {
        return;
    }
    out.push_str("### Main event\n\n| source | what | who | where | when |\n| --- | --- | --- | --- | --- |\n");
    for f in &cmp.frames {
        let slot = |s: Option<&FrameSlot>| s.map_or("—".to_owned(), |s| cell(&s.raw));
        out.push_str(&row(&[
            cell(&docs[f.source].source.id),
            f.what.as_deref().map_or("—".to_owned(), cell),
            slot(f.who.as_ref()),
            slot(f.place()),
            slot(f.when()),
        ]));
    }
    out.push('\n');
}

/// The topic × source matrix (three or more sources): each source's values (`✗` marks a
/// dissenting source), the majority value and the dissenting sources.
fn matrix(out: &mut String, docs: &[Document], cmp: &Comparison) {
    if cmp.matrix.is_empty() {
        return;
    }
    out.push_str("### Topics × sources\n\n");
    out.push_str(&header("topic", docs, &["majority", "dissenting"]));
    for r in &cmp.matrix {
        let mut cells = vec![cell(&format!("{} ({})", r.topic, r.facet.as_str()))];
        cells.extend(docs.iter().enumerate().map(|(i, d)| {
            let claims: Vec<&Claim> = r.claims.iter().filter(|c| c.source == i).collect();
            let values = value_cell(d, &claims, false);
            if r.dissenting.contains(&i) {
                format!("✗ {values}")
            } else {
                values
            }
        }));
        cells.push(cell(&majority_text(r)));
        cells.push(cell(&source_ids(docs, &r.dissenting)));
        out.push_str(&row(&cells));
    }
    out.push('\n');
}

/// Renders the comparison as GitHub-flavoured Markdown for a pull-request comment: the summary
/// line, the sources, a table of conflicts with each claim's value, `path:line:column` and
/// quoted sentence, the same for distinct figures, and the agreements folded in a
/// `<details>` block. Only-in claims are counted in the summary, not listed.
#[must_use]
pub fn report_markdown(docs: &[Document], cmp: &Comparison) -> String {
    let mut out = String::from("## claimdiff\n\n");
    let _ = writeln!(out, "**{}**\n", cell(&summary_line(docs, cmp, true)));
    for note in &cmp.notes {
        let _ = writeln!(out, "> {}\n", cell(note));
    }
    let sources: Vec<String> = docs
        .iter()
        .map(|d| format!("**{}** {}", cell(&d.source.id), cell(path_of(d))))
        .collect();
    let _ = writeln!(out, "Sources: {}\n", sources.join(", "));
    for d in &cmp.duplicates {
        let _ = writeln!(out, "- Duplicate: {}", cell(&duplicate_text(docs, d)));
    }
    if !cmp.duplicates.is_empty() {
        out.push('\n');
    }
    main_events(&mut out, docs, cmp);
    matrix(&mut out, docs, cmp);

    out.push_str("### Conflicts\n\n");
    let conflicts = with_verdict(cmp, Verdict::Conflict);
    if conflicts.is_empty() {
        out.push_str("No conflicts.\n\n");
    } else {
        out.push_str(&evidence_table(docs, &conflicts));
        out.push('\n');
    }

    let distinct = with_verdict(cmp, Verdict::Distinct);
    if !distinct.is_empty() {
        out.push_str(
            "### Distinct figures\n\nComparable-looking figures about different things; \
             not conflicts.\n\n",
        );
        out.push_str(&evidence_table(docs, &distinct));
        out.push('\n');
    }

    let agree = with_verdict(cmp, Verdict::Agree);
    if !agree.is_empty() {
        let n = agree.len();
        let _ = write!(
            out,
            "<details><summary>{n} {}</summary>\n\n",
            if n == 1 { "agreement" } else { "agreements" }
        );
        out.push_str(&header("topic", docs, &[]));
        for f in agree {
            let statement = f.facet.as_str() == "statement";
            let mut cells = vec![topic_cell(f)];
            cells.extend(
                docs.iter()
                    .enumerate()
                    .map(|(i, d)| value_cell(d, &claims_of(f, i), statement)),
            );
            out.push_str(&row(&cells));
        }
        out.push_str("\n</details>\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_markup_and_line_breaks() {
        let cases = [
            ("a | b", r"a \| b"),
            ("one\ntwo\r\nthree\rfour", "one<br>two<br>three<br>four"),
            ("<script>", r"\<script\>"),
            ("*not bold* _or_ `code`", r"\*not bold\* \_or\_ \`code\`"),
            ("AT&T [link](x)", r"AT\&T \[link\](x)"),
            ("£330 million, “quoted”", "£330 million, “quoted”"),
        ];
        for (input, expected) in cases {
            assert_eq!(cell(input), expected, "{input:?}");
        }
    }

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(truncate("£££", 2), "££…");
        assert_eq!(truncate("££", 2), "££");
    }
}
