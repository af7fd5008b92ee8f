//! GitHub Actions workflow commands: one annotation per claim of each conflict or distinct
//! finding, so the lines show up on the pull request's diff.

use claimdiff_align::{Comparison, Verdict};
use claimdiff_parse::Document;

use crate::position;

/// Escapes a workflow command's message, as GitHub's toolkit does (`escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (`escapeProperty`): also `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Renders the comparison as GitHub Actions workflow commands: for each claim of each conflict
/// `::error file=PATH,line=N,col=M,title=claimdiff conflict::TOPIC: EXPLANATION`, and the same
/// as `::warning` (titled `claimdiff distinct`) for distinct figures. `file` is the source's
/// path as given (left out when there is none); line and column are 1-based. Agreements and
/// only-in claims are not annotated. Empty when there is nothing to annotate.
#[must_use]
pub fn report_github(docs: &[Document], cmp: &Comparison) -> String {
    let mut out = String::new();
    for f in &cmp.findings {
        let (command, title) = match f.verdict {
            Verdict::Conflict => ("error", "claimdiff conflict"),
            Verdict::Distinct => ("warning", "claimdiff distinct"),
            Verdict::Agree | Verdict::OnlyIn => continue,
        };
        let message = escape_data(&format!("{}: {}", f.topic, f.explanation));
        for c in &f.claims {
            let doc = &docs[c.source];
            let (line, col) = position(doc, c.span.start);
            let mut props = Vec::new();
            if let Some(path) = &doc.source.path {
                props.push(format!("file={}", escape_property(path)));
            }
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
            props.push(format!("title={}", escape_property(title)));
            out.push_str(&format!("::{command} {}::{message}\n", props.join(",")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        let cases = [
            ("100%", "100%25", "100%25"),
            ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
            ("dir/a,b:c.txt", "dir/a,b:c.txt", "dir/a%2Cb%3Ac.txt"),
            ("%3A", "%253A", "%253A"),
        ];
        for (input, data, property) in cases {
            assert_eq!(escape_data(input), data, "data {input:?}");
            assert_eq!(escape_property(input), property, "property {input:?}");
        }
    }
}
