//! Packaging files made from the command-line definition itself, so they never drift from it:
//! shell completions (bash, zsh, fish) and man pages. `cargo xtask dist` runs the hidden
//! `claimdiff dist-assets DIR` to write them.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap_complete::Shell;

/// Writes `claimdiff.bash`, `_claimdiff` (zsh) and `claimdiff.fish`, and the man pages
/// `claimdiff.1` and `claimdiff-<command>.1`, into `dir` (created if missing). Returns the files
/// written, sorted.
pub(crate) fn write_assets(mut cmd: clap::Command, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // Before the completions build `cmd`, which adds a `help` subcommand the man pages leave out.
    let man = cmd.clone();
    let mut written = Vec::new();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let path =
            clap_complete::generate_to(shell, &mut cmd, "claimdiff", dir).with_context(|| {
                format!("cannot write the {shell} completions to {}", dir.display())
            })?;
        written.push(path);
    }
    clap_mangen::generate_to(man, dir)
        .with_context(|| format!("cannot write the man pages to {}", dir.display()))?;
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "1") {
            written.push(path);
        }
    }
    written.sort();
    Ok(written)
}
