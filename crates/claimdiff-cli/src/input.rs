//! Reading article and baseline files: clear one-line errors for what cannot be read.

use std::path::Path;

use anyhow::bail;
use claimdiff_report::Baseline;

/// Reads an article as UTF-8 text. A missing file, a directory, an empty or binary file, or
/// invalid UTF-8 is an error naming the file and the reason. The file is only read.
pub(crate) fn read_article(path: &Path) -> anyhow::Result<String> {
    let shown = path.display();
    if path.is_dir() {
        bail!("{shown}: is a directory");
    }
    let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("{shown}: {}", io_reason(&e)))?;
    // The byte order mark stays in the text: spans count the bytes of the file as given.
    let content = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if content.is_empty() {
        bail!("{shown}: file is empty");
    }
    if content.iter().all(u8::is_ascii_whitespace) {
        bail!("{shown}: file is blank (only whitespace)");
    }
    if content.contains(&0) {
        bail!("{shown}: looks like a binary file (it contains NUL bytes)");
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{shown}: not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(text)
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
