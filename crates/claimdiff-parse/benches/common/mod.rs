//! What the parse benchmarks share: their input, the articles of `data/pairs/`, and the
//! command line's allocator.

use std::path::{Path, PathBuf};

/// The command line's allocator, so that the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Every article of the sample data, concatenated with blank lines between them.
pub fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/pairs");
    let mut files = walk(&root);
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn walk(dir: &Path) -> Vec<PathBuf> {
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
