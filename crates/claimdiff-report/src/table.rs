//! Terminal tables: the topic × source matrix for three or more sources, findings (conflicts
//! first, then distinct, then agree), then a summary with each source's main event.

use claimdiff_align::{Claim, Comparison, Duplicate, Frame, FrameSlot, TopicRow, Verdict};
use claimdiff_parse::Document;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table};

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
        None => "no majority (tie)".to_owned(),
    }
}

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

/// "B copies A (88% of its 3-word shingles)".
pub(crate) fn duplicate_text(docs: &[Document], d: &Duplicate) -> String {
    format!(
        "{} copies {} ({:.0}% of the shorter one's 3-word shingles are shared; counted once in \
         majorities)",
        docs[d.source].source.id,
        docs[d.of].source.id,
        d.overlap * 100.0
    )
}

/// Renders the comparison as tables followed by a summary. With three or more sources (and no
/// [`TableOptions::only`]) the topic × source matrix comes first and the findings table lists
/// only what the matrix does not show (distinct figures, and only-in claims with `all`). The
/// findings table has a row per finding (conflicts first) with the verdict, the topic, each
/// source's values with `[line:column]` and sentence, and the explanation, filtered by
/// [`TableOptions::only`]. Under the tables come each source's main event, its near-duplicates,
/// the summary line counting every finding, and the notes.
#[must_use]
pub fn report_table(docs: &[Document], cmp: &Comparison, opts: &TableOptions) -> String {
    let mut out = String::new();
    let matrix = opts.only.is_empty() && !cmp.matrix.is_empty();
    if matrix {
        out.push_str(&matrix_table(docs, cmp, opts).to_string());
        out.push('\n');
    }
    let mut table = new_table(opts);
    let mut header = vec![Cell::new("verdict"), Cell::new("topic")];
    header.extend(docs.iter().map(|d| Cell::new(&d.source.id)));
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
        for (i, d) in docs.iter().enumerate() {
            let claims: Vec<&Claim> = f.claims.iter().filter(|c| c.source == i).collect();
            row.push(Cell::new(cell_for(d, &claims, statement)));
        }
        row.push(Cell::new(&f.explanation));
        table.add_row(row);
        rows += 1;
    }
    if rows > 0 {
        out.push_str(&table.to_string());
        out.push('\n');
    }
    for f in &cmp.frames {
        out.push_str(&format!(
            "main event {}: {}\n",
            docs[f.source].source.id,
            frame_text(f)
        ));
    }
    for d in &cmp.duplicates {
        out.push_str(&format!("duplicate: {}\n", duplicate_text(docs, d)));
    }
    out.push_str(&summary_line(docs, cmp, opts.all));
    out.push('\n');
    for note in &cmp.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2 conflicts, 1 distinct, 8 agree; only in A: 12, only in B: 5".
pub(crate) fn summary_line(docs: &[Document], cmp: &Comparison, all: bool) -> String {
    let only: Vec<String> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| format!("only in {}: {}", d.source.id, cmp.only_in(i)))
        .collect();
    let mut s = format!(
        "{}, {}, {}; {}",
        plural(cmp.count(Verdict::Conflict), "conflict", "conflicts"),
        plural(cmp.count(Verdict::Distinct), "distinct", "distinct"),
        plural(cmp.count(Verdict::Agree), "agreement", "agreements"),
        only.join(", ")
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
