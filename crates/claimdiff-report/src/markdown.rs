//! Markdown for a pull-request comment: summary, main events, the topic × source matrix (three
//! or more sources), conflicts, distinct figures, agreements folded. Many sources give the
//! compact forms of `many.rs`.

use std::fmt::Write as _;

use claimdiff_align::{Claim, Comparison, Finding, FrameSlot, Verdict};
use claimdiff_parse::Document;

use crate::many::{self, Sources};
use crate::table::{CLAIMS_PER_CELL, NO_MAJORITY, majority_text, source_ids, summary_line};
use crate::{position, truncate};

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

fn path_of(doc: &Document) -> &str {
    doc.source.path.as_deref().unwrap_or(&doc.source.id)
}

/// One table row: `| a | b | … |`, cells already escaped.
fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// A table header: `first`, a column per source (one `claims` column when `compact`), `last`.
fn header(first: &str, docs: &[Document], compact: bool, last: &[&str]) -> String {
    let mut cells = vec![first.to_owned()];
    if compact {
        cells.push("claims".to_owned());
    } else {
        cells.extend(docs.iter().map(|d| cell(&d.source.id)));
    }
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

/// The cells of a finding's claims, each source's rendered by `render`: a cell per source, or
/// when `sources` is given (many sources) one cell with each source's claims after its id,
/// joined by `sep`.
fn claim_cells(
    docs: &[Document],
    sources: Option<&Sources<'_>>,
    f: &Finding,
    sep: &str,
    render: impl Fn(&Document, &[&Claim]) -> String,
) -> Vec<String> {
    match sources {
        Some(sources) => vec![many::claims_column(sources, &f.claims, sep, |s, claims| {
            format!("**{}** {}", cell(sources.id(s)), render(&docs[s], claims))
        })],
        None => docs
            .iter()
            .enumerate()
            .map(|(i, d)| render(d, &claims_of(f, i)))
            .collect(),
    }
}

/// A table of findings with quoted evidence: topic, one column per source (or one `claims`
/// column for many sources), why.
fn evidence_table(
    docs: &[Document],
    sources: Option<&Sources<'_>>,
    findings: &[&Finding],
) -> String {
    let mut out = header("topic", docs, sources.is_some(), &["why"]);
    for f in findings {
        let statement = f.facet.as_str() == "statement";
        let mut cells = vec![topic_cell(f)];
        cells.extend(claim_cells(docs, sources, f, "<br><br>", |d, claims| {
            evidence_cell(d, claims, statement)
        }));
        cells.push(cell(&many::explanation(f, sources.is_some())));
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

/// Each source's main event as a table: source, what, who, where, when (many sources: a row
/// per main event with the sources giving it).
fn main_events(out: &mut String, sources: &Sources<'_>, cmp: &Comparison, compact: bool) {
    if cmp.frames.is_empty() {
        return;
    }
    out.push_str("### Main event\n\n| source | what | who | where | when |\n| --- | --- | --- | --- | --- |\n");
    for group in many::frame_groups(cmp, compact) {
        let f = group[0];
        let slot = |s: Option<&FrameSlot>| s.map_or("—".to_owned(), |s| cell(&s.raw));
        out.push_str(&row(&[
            cell(&many::frame_sources(sources, &group)),
            f.what.as_deref().map_or("—".to_owned(), cell),
            slot(f.who.as_ref()),
            slot(f.place()),
            slot(f.when()),
        ]));
    }
    out.push('\n');
}

/// The topic × source matrix of many sources: a row per topic, contested first, with the
/// majority value and every other value, each with its support, and the sources giving the
/// other values.
fn compact_matrix(out: &mut String, sources: &Sources<'_>, cmp: &Comparison) {
    out.push_str(
        "### Topics × sources\n\n| topic | majority | other values |\n| --- | --- | --- |\n",
    );
    for r in many::contested_first(&cmp.matrix) {
        let majority = r.majority.map_or_else(
            || NO_MAJORITY.to_owned(),
            |m| {
                let v = &r.values[m];
                format!("**{}** ({})", cell(&v.raw), sources.support(r, v))
            },
        );
        let others: Vec<String> = many::other_values(r)
            .map(|v| {
                format!(
                    "**{}** ({}): {}",
                    cell(&v.raw),
                    sources.support(r, v),
                    cell(&sources.list(&v.sources))
                )
            })
            .collect();
        out.push_str(&row(&[
            cell(&format!("{} ({})", r.topic, r.facet.as_str())),
            majority,
            if others.is_empty() {
                "—".to_owned()
            } else {
                others.join("<br>")
            },
        ]));
    }
    out.push('\n');
}

/// The topic × source matrix (three or more sources): each source's values (`✗` marks a
/// dissenting source), the majority value and the dissenting sources.
fn matrix(out: &mut String, docs: &[Document], cmp: &Comparison) {
    out.push_str("### Topics × sources\n\n");
    out.push_str(&header("topic", docs, false, &["majority", "dissenting"]));
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
///
/// With more than eight sources the tables have no column per source: the matrix has a row per
/// topic, contested first, with the majority value and each other value with the sources giving
/// it ("+N more" after a few); findings list their claims in one column, a few sources named.
#[must_use]
pub fn report_markdown(docs: &[Document], cmp: &Comparison) -> String {
    let compact = many::compact(docs.len());
    let names = Sources::new(docs, cmp);
    let listed = compact.then_some(&names);
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
    for line in many::duplicate_lines(&names, cmp, compact) {
        let _ = writeln!(out, "- Duplicate: {}", cell(&line));
    }
    if !cmp.duplicates.is_empty() {
        out.push('\n');
    }
    main_events(&mut out, &names, cmp, compact);
    if compact && !cmp.matrix.is_empty() {
        compact_matrix(&mut out, &names, cmp);
    } else if !cmp.matrix.is_empty() {
        matrix(&mut out, docs, cmp);
    }

    out.push_str("### Conflicts\n\n");
    let conflicts = with_verdict(cmp, Verdict::Conflict);
    if conflicts.is_empty() {
        out.push_str("No conflicts.\n\n");
    } else {
        out.push_str(&evidence_table(docs, listed, &conflicts));
        out.push('\n');
    }

    let distinct = with_verdict(cmp, Verdict::Distinct);
    if !distinct.is_empty() {
        out.push_str(
            "### Distinct figures\n\nComparable-looking figures about different things; \
             not conflicts.\n\n",
        );
        out.push_str(&evidence_table(docs, listed, &distinct));
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
        out.push_str(&header("topic", docs, compact, &[]));
        for f in agree {
            let statement = f.facet.as_str() == "statement";
            let mut cells = vec![topic_cell(f)];
            cells.extend(claim_cells(docs, listed, f, "<br>", |d, claims| {
                value_cell(d, claims, statement)
            }));
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
