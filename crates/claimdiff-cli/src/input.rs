//! Reading article and baseline files: clear one-line errors for what cannot be read.

use std::io::Read;
use std::path::Path;

use anyhow::bail;
use claimdiff_input::Article;
use claimdiff_report::Baseline;

/// The name standard input goes by in messages and reports.
pub(crate) const STDIN_NAME: &str = "<stdin>";

/// Reads an article file, or standard input for `-`, through `claimdiff-input` (plain text,
/// HTML, Markdown, JSON or JSON Lines, in UTF-8, UTF-16 or Windows-1252): its articles, and the
/// name to show for it. Warnings go to stderr, one line each, prefixed with that name. A missing
/// file, a directory, an empty or binary file, bytes invalid in the encoding their byte order
/// mark names, or a file without article text is an error naming the file and the reason. The
/// file is only read.
pub(crate) fn read_article(path: &Path) -> anyhow::Result<(String, Vec<Article>)> {
    let stdin = path == Path::new("-");
    let shown = if stdin {
        STDIN_NAME.to_owned()
    } else {
        path.display().to_string()
    };
    let bytes = if stdin {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| anyhow::anyhow!("{shown}: {}", io_reason(&e)))?;
        bytes
    } else {
        if path.is_dir() {
            bail!("{shown}: is a directory");
        }
        std::fs::read(path).map_err(|e| anyhow::anyhow!("{shown}: {}", io_reason(&e)))?
    };
    let name = (!stdin).then(|| path.to_string_lossy());
    let input = claimdiff_input::read(&bytes, name.as_deref())
        .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    for warning in &input.warnings {
        eprintln!("{shown}: warning: {warning}");
    }
    Ok((shown, input.articles))
}

/// A lower-case reason for an I/O error, without Rust's "(os error N)" suffix.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let s = e.to_string();
            let s = s.split(" (os error").next().unwrap_or(&s).to_owned();
            let mut c = s.chars();
            c.next().map_or(s.clone(), |f| {
                f.to_lowercase().collect::<String>() + c.as_str()
            })
        }
    }
}

/// Reads a UTF-8 text file (a baseline, a config file, a batch input). A file that cannot be
/// read or is not UTF-8 is an error naming the file and the reason.
pub(crate) fn read_text(path: &Path) -> anyhow::Result<String> {
    let shown = path.display();
    if path.is_dir() {
        bail!("{shown}: is a directory");
    }
    let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("{shown}: {}", io_reason(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{shown}: not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads a `claimdiff.baseline.v1` file. A file that cannot be read, is not JSON or is not a
/// baseline is an error naming the file and the reason.
pub(crate) fn read_baseline(path: &Path) -> anyhow::Result<Baseline> {
    let text = read_text(path)?;
    Baseline::from_json(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}
