//! Parse + extract throughput over the articles in `data/pairs/` (run with `cargo xtask bench`).

use std::path::Path;

use claimdiff_parse::{Lexicon, Source, parse};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Every article of the sample data, concatenated with blank lines between them.
fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/pairs");
    let mut files: Vec<_> = walk(&root);
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let lex = Lexicon::embedded();
    let text = corpus();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("all data/pairs articles", |b| {
        b.iter(|| parse(Source::default(), &text, &lex))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
