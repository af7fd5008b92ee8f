//! Compare benchmarks (run with `cargo xtask bench`); parsing is done once, outside the
//! measured loops.
//!
//! - `compare/all data/pairs`: pairwise compare throughput over the sample pairs in
//!   `data/pairs/` (pairs of documents per second).
//! - `nway/<kind>/<n>`: the cost of one `compare` of `n` = 10, 100 and 1,000 articles of one
//!   story, varied deterministically from the sources of the data/pairs story with the most
//!   sources. `wire` articles each keep most sentences of one source, with some figures
//!   changed (many near-duplicates, as with wire copy); `mixed` articles each take sentences
//!   from every source (no near-duplicates: every article is compared with the hubs).

/// The command line's allocator, so that the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};

use claimdiff_align::{Config, compare};
use claimdiff_parse::{Document, Lexicon, Source, parse};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The story folders of `data/pairs`, sorted.
fn story_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/pairs");
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The texts of a story folder's articles, in file order.
fn texts(dir: &Path) -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect()
}

/// Source ids A, B, …, Z, then S27, S28, … as the CLI gives them.
fn id(i: usize) -> String {
    match u8::try_from(i) {
        Ok(k) if k < 26 => char::from(b'A' + k).to_string(),
        _ => format!("S{}", i + 1),
    }
}

fn parse_all(texts: &[String], lex: &Lexicon) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let source = Source {
                id: id(i),
                ..Source::default()
            };
            parse(source, t, lex)
        })
        .collect()
}

/// A fixed pseudo-random number for `(a, b)` (SplitMix64), so the articles never change.
fn rand(a: usize, b: usize) -> u64 {
    let mut x = (a as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (b as u64).rotate_left(32);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// `text` with its first number (a run of digits) raised by `delta`.
fn perturb(text: &str, delta: u64) -> String {
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else {
        return text.to_owned();
    };
    let end = text[start..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(text.len(), |e| start + e);
    let n: u64 = text[start..end].parse().unwrap_or(0);
    format!("{}{}{}", &text[..start], n + delta, &text[end..])
}

/// What the bench articles are made of.
#[derive(Clone, Copy)]
enum Kind {
    /// Each article keeps about three quarters of one source's sentences.
    Wire,
    /// Each article takes about a third of every source's sentences.
    Mixed,
}

/// `n` articles varied from `sources`: a headline, then sentences two to a paragraph; one
/// article in four has a figure raised.
fn articles(sources: &[Document], n: usize, kind: Kind) -> Vec<String> {
    let sentences = |d: &Document| -> (String, Vec<String>) {
        let head = d
            .sentences
            .iter()
            .find(|s| s.headline)
            .map(|s| d.sentence_text(s).to_owned())
            .unwrap_or_default();
        let body = d
            .sentences
            .iter()
            .filter(|s| !s.headline)
            .map(|s| d.sentence_text(s).to_owned())
            .collect();
        (head, body)
    };
    let parts: Vec<(String, Vec<String>)> = sources.iter().map(sentences).collect();
    (0..n)
        .map(|k| {
            let base = k % parts.len();
            let mut body: Vec<String> = Vec::new();
            let mut j = 0;
            for (s, (_, sents)) in parts.iter().enumerate() {
                for text in sents {
                    j += 1;
                    let keep = match kind {
                        Kind::Wire => s == base && !rand(k, j).is_multiple_of(4),
                        Kind::Mixed => rand(k, j).is_multiple_of(3),
                    };
                    if keep {
                        body.push(text.clone());
                    }
                }
            }
            if k % 4 == 1
                && let Some(first) = body.first_mut()
            {
                *first = perturb(first, 1 + rand(k, 0) % 5);
            }
            let paragraphs: Vec<String> = body.chunks(2).map(|c| c.join(" ")).collect();
            format!("{}\n\n{}\n", parts[base].0, paragraphs.join("\n\n"))
        })
        .collect()
}

fn pairwise(c: &mut Criterion, lex: &Lexicon, cfg: &Config) {
    let sets: Vec<Vec<Document>> = story_dirs()
        .iter()
        .map(|d| parse_all(&texts(d), lex))
        .filter(|docs| docs.len() >= 2)
        .collect();
    let comparisons: usize = sets.iter().map(|d| d.len() * (d.len() - 1) / 2).sum();
    let mut group = c.benchmark_group("compare");
    group.throughput(Throughput::Elements(comparisons as u64));
    group.bench_function("all data/pairs (pairs of documents)", |b| {
        b.iter(|| {
            sets.iter()
                .map(|docs| compare(docs, lex, cfg).findings.len())
                .sum::<usize>()
        });
    });
    group.finish();
}

fn nway(c: &mut Criterion, lex: &Lexicon, cfg: &Config) {
    let Some(story) = story_dirs().into_iter().max_by_key(|d| texts(d).len()) else {
        return;
    };
    let sources = parse_all(&texts(&story), lex);
    let mut group = c.benchmark_group("nway");
    group.sample_size(10);
    for (name, kind) in [("wire", Kind::Wire), ("mixed", Kind::Mixed)] {
        for n in [10, 100, 1000] {
            let docs = parse_all(&articles(&sources, n, kind), lex);
            let cmp = compare(&docs, lex, cfg);
            eprintln!(
                "nway/{name}/{n}: {} articles of {}, {} near-duplicates, {} pairs of documents \
                 compared, {} findings, {} matrix topics",
                docs.len(),
                story.file_name().unwrap_or_default().to_string_lossy(),
                cmp.duplicates.len(),
                cmp.alignments.len(),
                cmp.findings.len(),
                cmp.matrix.len()
            );
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::new(name, n), &docs, |b, docs| {
                b.iter(|| compare(docs, lex, cfg).findings.len());
            });
        }
    }
    group.finish();
}

fn bench(c: &mut Criterion) {
    let lex = Lexicon::embedded();
    let cfg = Config::default();
    pairwise(c, &lex, &cfg);
    nway(c, &lex, &cfg);
}

criterion_group!(benches, bench);
criterion_main!(benches);
