//! Terminal tables: the topic × source matrix for three or more sources, findings (conflicts
//! first, then distinct, then agree), then a summary with each source's main event. Many
//! sources, or too narrow a terminal for a column each, give the compact forms of `many.rs`.

use std::fmt::Write as _;

use claimdiff_align::{Claim, Comparison, Frame, FrameSlot, TopicRow, Verdict};
use claimdiff_parse::Document;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table};

use crate::many::{self, Sources};
use crate::position;

/// How to render a report table.
#[derive(Debug, Clone)]
pub struct TableOptions {
    /// List only-in claims one by one instead of counting them.
    pub all: bool,
    /// Total width in columns.
    pub width: u16,
    /// Colour the verdicts with ANSI escapes. The caller decides (terminal, `NO_COLOR`,
    /// `--color`): this crate never looks at the terminal.
    pub color: bool,
    /// Show only findings of these verdicts (only-in rows too when listed, without `all`);
    /// empty shows every verdict. The summary line always counts everything.
    pub only: Vec<Verdict>,
}

impl Default for TableOptions {
    fn default() -> Self {
        Self {
            all: false,
            width: 120,
            color: false,
            only: Vec::new(),
        }
    }
}

impl TableOptions {
    /// Whether a finding of `verdict` gets a row.
    fn shows(&self, verdict: Verdict) -> bool {
        if self.only.is_empty() {
            verdict != Verdict::OnlyIn || self.all
        } else {
            self.only.contains(&verdict)
        }
    }
}

/// The verdict cell, coloured when asked: conflicts red, distinct yellow, agreements green,
/// only-in cyan.
fn verdict_cell(verdict: Verdict, color: bool) -> Cell {
    let cell = Cell::new(verdict.as_str());
    if !color {
        return cell;
    }
    match verdict {
        Verdict::Conflict => cell.fg(Color::Red).add_attribute(Attribute::Bold),
        Verdict::Distinct => cell.fg(Color::Yellow),
        Verdict::Agree => cell.fg(Color::Green),
        Verdict::OnlyIn => cell.fg(Color::Cyan),
    }
}

/// A short excerpt of the sentence around a claim.
fn excerpt(doc: &Document, c: &Claim, max: usize) -> String {
    let s = doc.sentence_text(&doc.sentences[c.sentence]);
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= max {
        return s.to_owned();
    }
    let sent_start = doc.sentences[c.sentence].span.start;
    let at = doc
        .text
        .get(sent_start..c.span.start)
        .map_or(0, |p| p.chars().count());
    let start = at
        .saturating_sub(max / 3)
        .min(chars.len().saturating_sub(max));
    let end = (start + max).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// Claims shown per source in one cell; the rest are counted (JSON lists them all).
pub(crate) const CLAIMS_PER_CELL: usize = 3;

fn cell_for(doc: &Document, claims: &[&Claim], statement: bool) -> String {
    let more = claims.len().saturating_sub(CLAIMS_PER_CELL);
    let mut lines: Vec<String> = claims
        .iter()
        .take(CLAIMS_PER_CELL)
        .map(|c| {
            let (line, col) = position(doc, c.span.start);
            if statement {
                format!("{} [{line}:{col}]", excerpt(doc, c, 160))
            } else {
                format!("{} [{line}:{col}]\n“{}”", c.raw, excerpt(doc, c, 90))
            }
        })
        .collect();
    if more > 0 {
        lines.push(format!("(+{more} more)"));
    }
    lines.join("\n")
}

/// An empty table in the report's style, `width` columns wide, styled only when asked.
fn new_table(opts: &TableOptions) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(opts.width);
    if opts.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// The topic × source matrix: a row per topic with each source's values and `[line:column]`
/// (`—` when silent; dissenting sources in red when coloured), the majority value with its
/// weight, and the dissenting sources.
fn matrix_table(docs: &[Document], cmp: &Comparison, opts: &TableOptions) -> Table {
    let mut table = new_table(opts);
    let mut header = vec![Cell::new("topic")];
    header.extend(docs.iter().map(|d| Cell::new(&d.source.id)));
    header.extend([Cell::new("majority"), Cell::new("dissenting")]);
    table.set_header(header);
    for r in &cmp.matrix {
        let mut row = vec![Cell::new(format!("{}\n({})", r.topic, r.facet.as_str()))];
        for (i, d) in docs.iter().enumerate() {
            let claims: Vec<&Claim> = r.claims.iter().filter(|c| c.source == i).collect();
            let mut cell = Cell::new(value_lines(d, &claims));
            if opts.color && r.dissenting.contains(&i) {
                cell = cell.fg(Color::Red).add_attribute(Attribute::Bold);
            }
            row.push(cell);
        }
        row.push(Cell::new(majority_text(r)));
        row.push(Cell::new(source_ids(docs, &r.dissenting)));
        table.add_row(row);
    }
    table
}

/// The topic × source matrix of many sources: a row per topic, contested first, with the
/// majority value and its support, and every other value with its support and the sources
/// giving it (in red when coloured).
fn compact_matrix_table(sources: &Sources<'_>, cmp: &Comparison, opts: &TableOptions) -> Table {
    let mut table = new_table(opts);
    table.set_header(vec!["topic", "majority", "other values"]);
    for r in many::contested_first(&cmp.matrix) {
        let majority = r.majority.map_or_else(
            || NO_MAJORITY.to_owned(),
            |m| format!("{}\n{}", r.values[m].raw, sources.support(r, &r.values[m])),
        );
        let others: Vec<String> = many::other_values(r)
            .map(|v| {
                format!(
                    "{} ({})\n{}",
                    v.raw,
                    sources.support(r, v),
                    sources.list(&v.sources)
                )
            })
            .collect();
        let mut cell = Cell::new(if others.is_empty() {
            "—".to_owned()
        } else {
            others.join("\n")
        });
        if opts.color && !r.dissenting.is_empty() {
            cell = cell.fg(Color::Red).add_attribute(Attribute::Bold);
        }
        table.add_row(vec![
            Cell::new(format!("{}\n({})", r.topic, r.facet.as_str())),
            Cell::new(majority),
            cell,
        ]);
    }
    table
}

/// Each claim as `raw [line:column]`, one a line, at most [`CLAIMS_PER_CELL`]; `—` for none.
fn value_lines(doc: &Document, claims: &[&Claim]) -> String {
    if claims.is_empty() {
        return "—".to_owned();
    }
    let mut lines: Vec<String> = claims
        .iter()
        .take(CLAIMS_PER_CELL)
        .map(|c| {
            let (line, col) = position(doc, c.span.start);
            format!("{} [{line}:{col}]", c.raw)
        })
        .collect();
    let more = claims.len().saturating_sub(CLAIMS_PER_CELL);
    if more > 0 {
        lines.push(format!("(+{more} more)"));
    }
    lines.join("\n")
}

/// "9 (2 of 3)": the majority value and how many of the independent sources (near-duplicates
/// counted once) give it; "no majority (tie)" on a tie.
pub(crate) fn majority_text(row: &TopicRow) -> String {
    let total: usize = row.values.iter().map(|v| v.weight).sum();
    match row.majority {
        Some(m) => format!(
            "{} ({} of {total})",
            row.values[m].raw, row.values[m].weight
        ),
        None => NO_MAJORITY.to_owned(),
    }
}

/// The majority cell of a row without one.
pub(crate) const NO_MAJORITY: &str = "no majority (tie)";

/// Source ids, comma-separated.
pub(crate) fn source_ids(docs: &[Document], sources: &[usize]) -> String {
    sources
        .iter()
        .map(|&s| docs[s].source.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A source's main event in one line: "protest · who: … · where: … · when: …".
pub(crate) fn frame_text(frame: &Frame) -> String {
    let slot = |s: Option<&FrameSlot>| s.map_or("?", |s| s.raw.as_str()).to_owned();
    format!(
        "{} · who: {} · where: {} · when: {}",
        frame.what.as_deref().unwrap_or("?"),
        slot(frame.who.as_ref()),
        slot(frame.place()),
        slot(frame.when())
    )
}

/// Renders the comparison as tables followed by a summary. With three or more sources (and no
/// [`TableOptions::only`]) the topic × source matrix comes first and the findings table lists
/// only what the matrix does not show (distinct figures, and only-in claims with `all`). The
/// findings table has a row per finding (conflicts first) with the verdict, the topic, each
/// source's values with `[line:column]` and sentence, and the explanation, filtered by
/// [`TableOptions::only`]. Under the tables come each source's main event, its near-duplicates,
/// the summary line counting every finding, and the notes.
///
/// With more than eight sources, or three or more that do not fit [`TableOptions::width`] with
/// a column each, the tables have no column per source: the matrix has a row per topic,
/// contested first, with the majority value and each other value with how many sources give it
/// and which ("+N more" after a few), and the findings table lists each finding's claims in
/// one column. Sources with the same main event, and copies of one source, then share a line.
#[must_use]
pub fn report_table(docs: &[Document], cmp: &Comparison, opts: &TableOptions) -> String {
    let mut out = String::new();
    let sources = Sources::new(docs, cmp);
    let compact = many::compact_in(docs.len(), opts.width);
    let matrix = opts.only.is_empty() && !cmp.matrix.is_empty();
    if matrix {
        let table = if compact {
            compact_matrix_table(&sources, cmp, opts)
        } else {
            matrix_table(docs, cmp, opts)
        };
        out.push_str(&table.to_string());
        out.push('\n');
    }
    let mut table = new_table(opts);
    let mut header = vec![Cell::new("verdict"), Cell::new("topic")];
    if compact {
        header.push(Cell::new("claims"));
    } else {
        header.extend(docs.iter().map(|d| Cell::new(&d.source.id)));
    }
    header.push(Cell::new("why"));
    table.set_header(header);
    let mut rows = 0;
    for f in &cmp.findings {
        if !opts.shows(f.verdict)
            || (matrix && matches!(f.verdict, Verdict::Conflict | Verdict::Agree))
        {
            continue;
        }
        let statement = f.facet.as_str() == "statement";
        let mut row = vec![
            verdict_cell(f.verdict, opts.color),
            Cell::new(format!("{}\n({})", f.topic, f.facet.as_str())),
        ];
        if compact {
            row.push(Cell::new(many::claims_column(
                &sources,
                &f.claims,
                "\n",
                |s, claims| {
                    format!(
                        "{}: {}",
                        sources.id(s),
                        cell_for(&docs[s], claims, statement)
                    )
                },
            )));
        } else {
            for (i, d) in docs.iter().enumerate() {
                let claims: Vec<&Claim> = f.claims.iter().filter(|c| c.source == i).collect();
                row.push(Cell::new(cell_for(d, &claims, statement)));
            }
        }
        row.push(Cell::new(many::explanation(f, compact)));
        table.add_row(row);
        rows += 1;
    }
    if rows > 0 {
        out.push_str(&table.to_string());
        out.push('\n');
    }
    let grouped = many::compact(docs.len());
    for group in many::frame_groups(cmp, grouped) {
        let _ = writeln!(
            out,
            "main event {}: {}",
            many::frame_sources(&sources, &group),
            frame_text(group[0])
        );
    }
    for line in many::duplicate_lines(&sources, cmp, grouped) {
        let _ = writeln!(out, "duplicate: {line}");
    }
    out.push_str(&summary_line(docs, cmp, opts.all));
    out.push('\n');
    for note in &cmp.notes {
        let _ = writeln!(out, "note: {note}");
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2 conflicts, 1 distinct, 8 agree; only in A: 12, only in B: 5"; with many sources only
/// those with such claims, most first ("only in 8 of 60 sources (S7: 4, …, +3 more)").
pub(crate) fn summary_line(docs: &[Document], cmp: &Comparison, all: bool) -> String {
    let only = if many::compact(docs.len()) {
        many::only_in_text(&Sources::new(docs, cmp), cmp)
    } else {
        docs.iter()
            .enumerate()
            .map(|(i, d)| format!("only in {}: {}", d.source.id, cmp.only_in(i)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut s = format!(
        "{}, {}, {}; {only}",
        plural(cmp.count(Verdict::Conflict), "conflict", "conflicts"),
        plural(cmp.count(Verdict::Distinct), "distinct", "distinct"),
        plural(cmp.count(Verdict::Agree), "agreement", "agreements"),
    );
    if !all && cmp.count(Verdict::OnlyIn) > 0 {
        s.push_str(" (--all lists them)");
    }
    s
}

/// Renders one article's sentences and facts.
#[must_use]
pub fn claims_table(doc: &Document, width: u16) -> String {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    table.set_header(vec!["#", "line", "sentence", "facts"]);
    for s in &doc.sentences {
        let (line, _) = position(doc, s.span.start);
        let facts: Vec<String> = s
            .facts
            .iter()
            .map(|f| format!("{}: {} → {}", f.facet.as_str(), f.raw, f.value))
            .collect();
        let mut text = doc.sentence_text(s).to_owned();
        if s.headline {
            text.insert_str(0, "[headline] ");
        }
        table.add_row(vec![
            s.index.to_string(),
            line.to_string(),
            text,
            facts.join("\n"),
        ]);
    }
    let n: usize = doc.sentences.iter().map(|s| s.facts.len()).sum();
    format!("{table}\n{} sentences, {n} facts\n", doc.sentences.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdiff_align::{Config, compare};
    use claimdiff_parse::{Lexicon, Source, parse};

    fn report(opts: &TableOptions) -> String {
        let lex = Lexicon::embedded();
        let doc = |id: &str, text: &str| {
            let source = Source {
                id: id.into(),
                ..Source::default()
            };
            parse(source, text, &lex)
        };
        let docs = [
            doc(
                "A",
                "The quake killed at least 58 people on Monday. Rescuers searched all night.",
            ),
            doc("B", "The quake killed 46 people on Monday."),
        ];
        let cmp = compare(&docs, &lex, &Config::default());
        report_table(&docs, &cmp, opts)
    }

    #[test]
    fn colour_only_when_asked() {
        let plain = report(&TableOptions::default());
        assert!(!plain.contains('\u{1b}'), "{plain}");
        let coloured = report(&TableOptions {
            color: true,
            ..TableOptions::default()
        });
        assert!(coloured.contains("\u{1b}["), "{coloured}");
    }

    #[test]
    fn only_filters_rows_but_not_the_summary() {
        let all = report(&TableOptions::default());
        assert!(all.contains("conflict ┆"), "{all}");
        let agree = report(&TableOptions {
            only: vec![Verdict::Agree],
            ..TableOptions::default()
        });
        assert!(!agree.contains("conflict ┆"), "{agree}");
        assert_eq!(all.lines().last(), agree.lines().last());
        let only_in = report(&TableOptions {
            only: vec![Verdict::OnlyIn],
            ..TableOptions::default()
        });
        assert!(only_in.contains("only_in"), "{only_in}");
    }
}
