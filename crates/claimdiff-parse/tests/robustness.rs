//! Property tests: parsing any text never panics, and every span lies inside the text on char
//! boundaries with `text[span] == raw`.

use claimdiff_parse::{Document, Lexicon, Source, parse};
use proptest::prelude::*;

fn check_spans(doc: &Document) {
    let text = &doc.text;
    for s in &doc.sentences {
        assert!(
            s.span.end <= text.len()
                && text.is_char_boundary(s.span.start)
                && text.is_char_boundary(s.span.end)
        );
        for f in &s.facts {
            assert!(
                f.span.start <= f.span.end && f.span.end <= text.len(),
                "{f:?}"
            );
            assert!(
                text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end),
                "{f:?}"
            );
            assert_eq!(&text[f.span.clone()], f.raw, "raw of {f:?}");
        }
    }
}

/// Text built from pieces news parsing cares about, so that the generator reaches the
/// interesting paths (quotes, currency, dates, names) rather than only random characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("£".to_owned()),
        Just("$".to_owned()),
        Just("€".to_owned()),
        Just("%".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("‘".to_owned()),
        Just("’".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just(".".to_owned()),
        Just(",".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just(" ".to_owned()),
        Just("-".to_owned()),
        Just("–".to_owned()),
        Just("Mr".to_owned()),
        Just("Dr.".to_owned()),
        Just("said".to_owned()),
        Just("October".to_owned()),
        Just("Oct.".to_owned()),
        Just("7".to_owned()),
        Just("1,139".to_owned()),
        Just("330million".to_owned()),
        Just("4.7m".to_owned()),
        Just("at least".to_owned()),
        Just("seven-year".to_owned()),
        Just("killed".to_owned()),
        Just("Palace's".to_owned()),
        Just("headquarters".to_owned()),
        Just("in".to_owned()),
        Just("outside".to_owned()),
        Just("Alex Karp".to_owned()),
        Just("10:30am".to_owned()),
        Just("p.m.".to_owned()),
        Just("one in 10".to_owned()),
        Just("two-thirds".to_owned()),
        Just("°C".to_owned()),
        "[a-zA-Z0-9 ]{0,8}",
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Inputs that once made parsing panic (found by `cargo fuzz`), kept as regression tests.
#[test]
fn regression_inputs_parse_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("tests/regressions exists") {
        let bytes = std::fs::read(entry.expect("readable entry").path()).expect("readable file");
        let text = String::from_utf8_lossy(&bytes);
        let doc = parse(Source::default(), &text, &Lexicon::embedded());
        check_spans(&doc);
        seen += 1;
    }
    assert!(seen > 0, "no regression inputs found");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_parses_with_spans_inside(text in "\\PC{0,300}") {
        let doc = parse(Source::default(), &text, &Lexicon::embedded());
        check_spans(&doc);
    }

    #[test]
    fn newsy_text_parses_with_spans_inside(text in newsy()) {
        let doc = parse(Source::default(), &text, &Lexicon::embedded());
        check_spans(&doc);
    }
}
