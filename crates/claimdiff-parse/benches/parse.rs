//! Parse + extract throughput, in MB/s, over the articles in `data/pairs/` (run with
//! `cargo xtask bench`).

mod common;

use claimdiff_parse::{Lexicon, Source, parse};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let lex = Lexicon::embedded();
    let text = common::corpus();
    let mut group = c.benchmark_group("parse");
    // Decimal megabytes per second (MB/s, not MiB/s): the unit the speed goal is stated in.
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    group.bench_function("all data/pairs articles", |b| {
        b.iter(|| parse(Source::default(), &text, &lex))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
