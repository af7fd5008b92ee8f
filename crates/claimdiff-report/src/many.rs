//! Many sources: above a column budget the reports give no column per source. The topic ×
//! source matrix then has one row per topic with the majority value and the other values, each
//! with how many sources give it and which (a few named, "+N more"), contested topics first;
//! findings list their claims in one column, and copies and main events are grouped. The JSON
//! report keeps every source's claims whatever the count.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use claimdiff_align::{Claim, Comparison, Duplicate, Finding, Frame, TopicRow, TopicValue};
use claimdiff_parse::Document;

use crate::table::frame_text;
use crate::truncate;

/// Most sources given a column each; with more, every format is compact.
const SOURCE_COLUMNS: usize = 8;

/// Sources named in a list before "+N more".
pub(crate) const NAMED_SOURCES: usize = 5;

/// Longest explanation of a finding shown in a compact table, in characters.
const WHY_CHARS: usize = 240;

/// Terminal columns one source column needs at least ("12 [3:4]" with its border).
const SOURCE_COLUMN_WIDTH: usize = 10;

/// Terminal columns the matrix needs besides the source columns (topic, majority, dissenting).
const FIXED_WIDTH: usize = 40;

/// Whether a report of `sources` sources is compact.
pub(crate) fn compact(sources: usize) -> bool {
    sources > SOURCE_COLUMNS
}

/// Whether the terminal report of `sources` sources is compact: too many sources, or a matrix
/// (three or more sources) whose source columns do not fit `width`.
pub(crate) fn compact_in(sources: usize, width: u16) -> bool {
    compact(sources)
        || (sources > 2 && FIXED_WIDTH + SOURCE_COLUMN_WIDTH * sources > usize::from(width))
}

/// How contested a row is: the weight (independent sources, near-duplicates counted once) of
/// its values other than the leading one.
fn against(row: &TopicRow) -> usize {
    row.values.iter().skip(1).map(|v| v.weight).sum()
}

/// The matrix rows, contested first: most independent sources against the leading value
/// first; rows as contested keep the matrix's order.
pub(crate) fn contested_first(matrix: &[TopicRow]) -> Vec<&TopicRow> {
    let mut rows: Vec<&TopicRow> = matrix.iter().collect();
    rows.sort_by_key(|r| Reverse(against(r)));
    rows
}

/// The values listed beside the majority: every other value, or all of them on a tie.
pub(crate) fn other_values(row: &TopicRow) -> impl Iterator<Item = &TopicValue> {
    row.values
        .iter()
        .enumerate()
        .filter(move |&(i, _)| Some(i) != row.majority)
        .map(|(_, v)| v)
}

/// Names sources in lists and counts them: ids, and the original report each copies (itself
/// for an original).
pub(crate) struct Sources<'a> {
    docs: &'a [Document],
    original: Vec<usize>,
}

impl<'a> Sources<'a> {
    /// The sources of a comparison.
    pub(crate) fn new(docs: &'a [Document], cmp: &Comparison) -> Self {
        let mut original: Vec<usize> = (0..docs.len()).collect();
        for d in &cmp.duplicates {
            if let Some(o) = original.get_mut(d.source) {
                *o = d.of;
            }
        }
        Self { docs, original }
    }

    fn is_copy(&self, s: usize) -> bool {
        self.original.get(s).is_some_and(|&o| o != s)
    }

    /// "2 of 3 independent, 40 sources": the independent sources giving a value (its weight: a
    /// source and its near-duplicates count once) out of those giving any value on the row, and
    /// every source giving it.
    pub(crate) fn support(&self, row: &TopicRow, value: &TopicValue) -> String {
        let mut independent: Vec<usize> = row
            .values
            .iter()
            .flat_map(|v| &v.sources)
            .map(|&s| self.original.get(s).copied().unwrap_or(s))
            .collect();
        independent.sort_unstable();
        independent.dedup();
        let n = value.sources.len();
        format!(
            "{} of {} independent, {n} {}",
            value.weight,
            independent.len(),
            if n == 1 { "source" } else { "sources" }
        )
    }

    /// The id of source `s`.
    pub(crate) fn id(&self, s: usize) -> &'a str {
        &self.docs[s].source.id
    }

    /// Sources in the order to name them: originals before near-duplicates, each in source
    /// order. Lists name the first [`NAMED_SOURCES`] and count the rest.
    pub(crate) fn ordered(&self, sources: &[usize]) -> Vec<usize> {
        let mut order = sources.to_vec();
        order.sort_by_key(|&s| (self.is_copy(s), s));
        order
    }

    /// "A, C, S41, B, D, +35 more".
    pub(crate) fn list(&self, sources: &[usize]) -> String {
        let order = self.ordered(sources);
        let mut ids: Vec<String> = order
            .iter()
            .take(NAMED_SOURCES)
            .map(|&s| self.id(s).to_owned())
            .collect();
        if order.len() > NAMED_SOURCES {
            ids.push(format!("+{} more", order.len() - NAMED_SOURCES));
        }
        ids.join(", ")
    }
}

/// The main events as groups of sources with the same one (by [`frame_text`]): when compact,
/// largest group first, then in source order; otherwise one group per source, in order.
pub(crate) fn frame_groups(cmp: &Comparison, compact: bool) -> Vec<Vec<&Frame>> {
    if !compact {
        return cmp.frames.iter().map(|f| vec![f]).collect();
    }
    let mut groups: Vec<(String, Vec<&Frame>)> = Vec::new();
    for f in &cmp.frames {
        let text = frame_text(f);
        match groups.iter_mut().find(|(t, _)| *t == text) {
            Some((_, group)) => group.push(f),
            None => groups.push((text, vec![f])),
        }
    }
    groups.sort_by_key(|(_, g)| Reverse(g.len()));
    groups.into_iter().map(|(_, g)| g).collect()
}

/// The sources of a group of frames, listed ("A" for one).
pub(crate) fn frame_sources(sources: &Sources<'_>, frames: &[&Frame]) -> String {
    sources.list(&frames.iter().map(|f| f.source).collect::<Vec<_>>())
}

/// The near-duplicate sources, one line each ("B copies A (88% of …)"), or when compact one
/// line per original ("19 sources copy A (B, C, D, E, F, +14 more; 97–100% of …)").
pub(crate) fn duplicate_lines(
    sources: &Sources<'_>,
    cmp: &Comparison,
    compact: bool,
) -> Vec<String> {
    const SHARED: &str = "of the shorter one's 3-word shingles are shared; counted once in \
                          majorities";
    let percent = |x: f64| format!("{:.0}%", x * 100.0);
    if !compact {
        return cmp
            .duplicates
            .iter()
            .map(|d| {
                format!(
                    "{} copies {} ({} {SHARED})",
                    sources.id(d.source),
                    sources.id(d.of),
                    percent(d.overlap)
                )
            })
            .collect();
    }
    let mut by_original: BTreeMap<usize, Vec<&Duplicate>> = BTreeMap::new();
    for d in &cmp.duplicates {
        by_original.entry(d.of).or_default().push(d);
    }
    by_original
        .into_iter()
        .map(|(of, copies)| {
            let ids: Vec<usize> = copies.iter().map(|d| d.source).collect();
            let low = copies
                .iter()
                .map(|d| d.overlap)
                .fold(f64::INFINITY, f64::min);
            let high = copies.iter().map(|d| d.overlap).fold(0.0, f64::max);
            let range = if percent(low) == percent(high) {
                percent(low)
            } else {
                format!("{}–{}", percent(low), percent(high))
            };
            let n = copies.len();
            format!(
                "{n} {} {} ({}; {range} {SHARED})",
                if n == 1 {
                    "source copies"
                } else {
                    "sources copy"
                },
                sources.id(of),
                sources.list(&ids)
            )
        })
        .collect()
}

/// "only in 8 of 60 sources (S7: 4, S9: 2, S12: 1, S15: 1, S30: 1, +3 more)": the sources
/// with claims no other source makes, most such claims first.
pub(crate) fn only_in_text(sources: &Sources<'_>, cmp: &Comparison) -> String {
    let mut counts: Vec<(usize, usize)> = (0..sources.docs.len())
        .map(|s| (s, cmp.only_in(s)))
        .filter(|&(_, n)| n > 0)
        .collect();
    counts.sort_by_key(|&(s, n)| (Reverse(n), s));
    let mut parts: Vec<String> = counts
        .iter()
        .take(NAMED_SOURCES)
        .map(|&(s, n)| format!("{}: {n}", sources.id(s)))
        .collect();
    let more = counts.len().saturating_sub(NAMED_SOURCES);
    if more > 0 {
        parts.push(format!("+{more} more"));
    }
    let mut s = format!("only in {} of {} sources", counts.len(), sources.docs.len());
    if !parts.is_empty() {
        let _ = write!(s, " ({})", parts.join(", "));
    }
    s
}

/// A finding's explanation for a table, cut to [`WHY_CHARS`] when compact (a conflict joined
/// across many sources names each of them; the JSON report has it whole).
pub(crate) fn explanation(f: &Finding, compact: bool) -> String {
    if compact {
        truncate(&f.explanation, WHY_CHARS)
    } else {
        f.explanation.clone()
    }
}

/// A finding's claims in one column: the first sources [`Sources::ordered`] gives, rendered by
/// `render` (given the source and its claims), joined by `sep`, then "(+N more sources)".
pub(crate) fn claims_column(
    sources: &Sources<'_>,
    claims: &[Claim],
    sep: &str,
    render: impl Fn(usize, &[&Claim]) -> String,
) -> String {
    let mut ids: Vec<usize> = claims.iter().map(|c| c.source).collect();
    ids.sort_unstable();
    ids.dedup();
    let order = sources.ordered(&ids);
    let mut parts: Vec<String> = order
        .iter()
        .take(NAMED_SOURCES)
        .map(|&s| {
            let of_source: Vec<&Claim> = claims.iter().filter(|c| c.source == s).collect();
            render(s, &of_source)
        })
        .collect();
    if order.len() > NAMED_SOURCES {
        parts.push(format!("(+{} more sources)", order.len() - NAMED_SOURCES));
    }
    parts.join(sep)
}

#[cfg(test)]
mod tests {
    use claimdiff_align::{Duplicate, FindingFacet, Frame};
    use claimdiff_parse::{Facet, Lexicon, Source, parse};

    use super::*;
    use crate::{TableOptions, report_html, report_markdown, report_table};

    #[test]
    fn compact_above_eight_sources_or_when_the_columns_do_not_fit() {
        for (sources, width, expected) in [
            (2, 40, false),
            (3, 120, false),
            (8, 120, false),
            (4, 60, true),
            (9, 400, true),
            (200, 120, true),
        ] {
            assert_eq!(
                compact_in(sources, width),
                expected,
                "{sources} sources, {width} columns"
            );
        }
    }

    /// 200 one-sentence sources `S1`…`S200` of a storm and the matrix the align stage would
    /// build: a toll of 58 from S1–S150, 61 from S191–S200, and 46 from S151–S190 where
    /// S152–S190 copy S151; a place that S1 and S2 give differently (a tie); and a day all give.
    /// The matrix lists the undisputed row first, so the reports must reorder it.
    fn storm() -> (Vec<Document>, Comparison) {
        let lex = Lexicon::embedded();
        let toll = |s: usize| match s {
            0..150 => "58",
            150..190 => "46",
            _ => "61",
        };
        let place = |s: usize| if s == 1 { "Brest" } else { "Lorient" };
        let docs: Vec<Document> = (0..200)
            .map(|s| {
                let source = Source {
                    id: format!("S{}", s + 1),
                    ..Source::default()
                };
                let text = format!(
                    "The storm killed {} people in {} on Monday.",
                    toll(s),
                    place(s)
                );
                parse(source, &text, &lex)
            })
            .collect();
        let claim = |s: usize, raw: &str| {
            let start = docs[s].text.find(raw).unwrap_or(0);
            Claim {
                source: s,
                sentence: 0,
                span: start..start + raw.len(),
                raw: raw.to_owned(),
                value: raw.to_owned(),
            }
        };
        let value = |raw: &str, sources: Vec<usize>, weight: usize| TopicValue {
            raw: raw.to_owned(),
            value: raw.to_owned(),
            sources,
            weight,
        };
        let every: Vec<usize> = (0..200).collect();
        let day = TopicRow {
            facet: FindingFacet::Fact(Facet::Time),
            topic: "storm day".into(),
            claims: every.iter().map(|&s| claim(s, "Monday")).collect(),
            values: vec![value("Monday", every.clone(), 161)],
            majority: Some(0),
            dissenting: Vec::new(),
        };
        let place_row = TopicRow {
            facet: FindingFacet::Fact(Facet::Location),
            topic: "storm place".into(),
            claims: vec![claim(0, "Lorient"), claim(1, "Brest")],
            values: vec![value("Lorient", vec![0], 1), value("Brest", vec![1], 1)],
            majority: None,
            dissenting: Vec::new(),
        };
        let toll_row = TopicRow {
            facet: FindingFacet::Fact(Facet::Quantity),
            topic: "storm toll".into(),
            claims: every.iter().map(|&s| claim(s, toll(s))).collect(),
            values: vec![
                value("58", (0..150).collect(), 150),
                value("61", (190..200).collect(), 10),
                value("46", (150..190).collect(), 1),
            ],
            majority: Some(0),
            dissenting: (150..200).collect(),
        };
        let cmp = Comparison {
            frames: (0..200).map(|s| Frame::build(s, &docs[s], &lex)).collect(),
            duplicates: (151..190)
                .map(|source| Duplicate {
                    source,
                    of: 150,
                    overlap: 0.95,
                })
                .collect(),
            matrix: vec![day, place_row, toll_row],
            ..Comparison::default()
        };
        (docs, cmp)
    }

    /// Where each text first appears in `report`, failing on a missing one.
    fn positions(report: &str, texts: &[&str]) -> Vec<usize> {
        texts
            .iter()
            .map(|t| {
                report
                    .find(t)
                    .unwrap_or_else(|| panic!("no {t:?} in\n{report}"))
            })
            .collect()
    }

    #[test]
    fn two_hundred_sources_fit_the_terminal_with_dissenters_abbreviated() {
        let (docs, cmp) = storm();
        let width = 100;
        let table = report_table(
            &docs,
            &cmp,
            &TableOptions {
                width,
                ..TableOptions::default()
            },
        );
        // The table's lines; those under it (main events, copies, summary) wrap in the terminal.
        let widest = table
            .lines()
            .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        let header = table.lines().next().unwrap_or_default();
        assert!(
            widest <= usize::from(width) && header.matches('┬').count() == 2,
            "{widest} wide, header {header}\n{table}"
        );
        // Contested first: the toll (11 independent sources against 58), then the tie, then
        // the day everyone gives.
        let at = positions(&table, &["storm toll", "storm place", "storm day"]);
        assert!(at.is_sorted(), "{at:?}\n{table}");
        for text in [
            "┆ 58  ",
            "150 of 161 independent, 150 sources",
            "61 (10 of 161 independent, 10 sources)",
            "S191, S192, S193, S194, S195, +5 more",
            // The original before its copies.
            "S151, S152, S153, S154, S155, +35 more",
            "no majority (tie)",
            // Sources with the same main event share a line, the largest group first.
            "main event S1, S3, S4, S5, S6, +194 more: kill · who: ? · where: Lorient",
            "main event S2: kill · who: ? · where: Brest",
            "duplicate: 39 sources copy S151 (S152, S153, S154, S155, S156, +34 more; 95% of",
            "; only in 0 of 200 sources\n",
        ] {
            assert!(table.contains(text), "no {text:?} in\n{table}");
        }
        assert_eq!(table.matches("main event").count(), 2, "{table}");

        let markdown = report_markdown(&docs, &cmp);
        for text in [
            "| topic | majority | other values |\n",
            "| storm toll (quantity) | **58** (150 of 161 independent, 150 sources) | **61** (10 \
             of 161 independent, 10 sources): S191, S192, S193, S194, S195, +5 more<br>**46** \
             (1 of 161 independent, 40 sources): S151, S152, S153, S154, S155, +35 more |",
            "| S1, S3, S4, S5, S6, +194 more | kill |",
        ] {
            assert!(markdown.contains(text), "no {text:?} in\n{markdown}");
        }
        let at = positions(&markdown, &["storm toll", "storm place", "storm day"]);
        assert!(at.is_sorted(), "{at:?}\n{markdown}");

        let html = report_html(&docs, &cmp);
        for text in [
            "<tr><th>topic</th><th>majority</th><th>other values</th></tr>",
            "<a href=\"#src-151\">S151</a>, <a href=\"#src-152\">S152</a>",
            "<summary>+35 more</summary><a href=\"#src-156\">S156</a>",
            "repeat(auto-fill, minmax(22rem, 1fr))",
        ] {
            assert!(html.contains(text), "no {text:?} in the page");
        }
    }
}
