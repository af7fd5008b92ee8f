//! Pairwise compare throughput over the sample pairs in `data/pairs/` (run with
//! `cargo xtask bench`). Parsing is done once, outside the measured loop.

use std::path::Path;

use claimdiff_align::{Config, compare};
use claimdiff_parse::{Document, Lexicon, Source, parse};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The sources of every pair folder, parsed.
fn pairs(lex: &Lexicon) -> Vec<Vec<Document>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/pairs");
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|d| {
            let mut files: Vec<_> = std::fs::read_dir(d)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            files
                .iter()
                .enumerate()
                .filter_map(|(i, f)| {
                    let text = std::fs::read_to_string(f).ok()?;
                    let id = char::from(b'A' + u8::try_from(i).ok()?).to_string();
                    Some(parse(
                        Source {
                            id,
                            ..Source::default()
                        },
                        &text,
                        lex,
                    ))
                })
                .collect()
        })
        .filter(|docs: &Vec<Document>| docs.len() >= 2)
        .collect()
}

fn bench(c: &mut Criterion) {
    let lex = Lexicon::embedded();
    let cfg = Config::default();
    let sets = pairs(&lex);
    let comparisons: usize = sets.iter().map(|d| d.len() * (d.len() - 1) / 2).sum();
    let mut group = c.benchmark_group("compare");
    group.throughput(Throughput::Elements(comparisons as u64));
    group.bench_function("all data/pairs (pairs of documents)", |b| {
        b.iter(|| {
            sets.iter()
                .map(|docs| compare(docs, &lex, &cfg).findings.len())
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
