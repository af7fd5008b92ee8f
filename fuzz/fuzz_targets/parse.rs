//! Fuzz target: parsing any bytes (as lossy UTF-8) never panics, every fact's span lies inside
//! the text on char boundaries with `text[span] == raw`, and comparing the document with
//! itself never panics. Run with `cargo fuzz run parse` from this folder (see README.md).
#![no_main]

use claimdiff_align::{Config, compare};
use claimdiff_parse::{Lexicon, Source, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lex = Lexicon::embedded();
    let doc = parse(Source::default(), &text, &lex);
    for s in &doc.sentences {
        assert!(doc.text.is_char_boundary(s.span.start) && doc.text.is_char_boundary(s.span.end));
        for f in &s.facts {
            assert!(f.span.end <= doc.text.len());
            assert_eq!(&doc.text[f.span.clone()], f.raw);
        }
    }
    let other = parse(Source { id: "B".into(), ..Source::default() }, &text, &lex);
    let _ = compare(&[doc, other], &lex, &Config::default());
});
