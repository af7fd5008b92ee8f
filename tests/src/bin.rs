//! Finding and building the `claimdiff` binary, for the end-to-end tests and `cargo xtask eval`.
//!
//! Tests cannot use `CARGO_BIN_EXE_claimdiff`: cargo sets it only for integration tests of the
//! package that owns the binary, and this package is not `claimdiff-cli`. So the binary is built
//! here with a nested `cargo build`. That is safe under both `cargo test` and `cargo nextest run`:
//! neither holds the build-directory lock while test binaries run (checked with cargo 1.95 and
//! nextest 0.9; `claimdiff_bin_is_built` in `tests/tests/eval.rs` would hang if that changed).

use std::{
    env,
    ffi::OsString,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    sync::OnceLock,
};

use anyhow::{Context, Result, bail};
use serde_json::Value;

/// The environment variable that names a prebuilt `claimdiff` to test instead of building one.
pub const BIN_ENV: &str = "CLAIMDIFF_BIN";

/// The cargo profile to build with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// `dev`, in `<target>/debug`.
    Debug,
    /// `release`, in `<target>/release`.
    Release,
}

impl Profile {
    /// The folder under the target directory the profile builds into.
    pub fn dir_name(self) -> &'static str {
        match self {
            Profile::Debug => "debug",
            Profile::Release => "release",
        }
    }
}

/// The repository root (the workspace holding this package).
pub fn workspace_root() -> PathBuf {
    // This package lives in `<root>/tests`.
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// The cargo to run: `$CARGO` (set by cargo for the processes it starts), else `cargo`.
pub fn cargo() -> OsString {
    env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// The target directory: `$CARGO_TARGET_DIR` if set (relative to the workspace root), else
/// `<root>/target`. Only a fallback: [`build_claimdiff`] asks cargo where it put the binary.
pub fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => workspace_root().join(dir),
        _ => workspace_root().join("target"),
    }
}

/// Builds `claimdiff` with `cargo build -p claimdiff-cli --bin claimdiff` and returns its path.
/// With `show_progress`, cargo's progress and diagnostics go to stderr; without, they are kept
/// and shown only if the build fails.
///
/// The path comes from cargo's own `compiler-artifact` message, so a target directory or build
/// target set in cargo config is followed; if cargo does not say, it is
/// `<target_dir()>/<profile>/claimdiff`.
pub fn build_claimdiff(profile: Profile, show_progress: bool) -> Result<PathBuf> {
    let mut cmd = Command::new(cargo());
    cmd.current_dir(workspace_root())
        .args(["build", "-p", "claimdiff-cli", "--bin", "claimdiff"])
        .arg("--message-format=json-render-diagnostics")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(if show_progress {
            Stdio::inherit()
        } else {
            Stdio::piped()
        });
    if profile == Profile::Release {
        cmd.arg("--release");
    }
    let output = cmd
        .output()
        .with_context(|| format!("cannot run {:?}", cmd.get_program()))?;
    if !output.status.success() {
        bail!(
            "`cargo build -p claimdiff-cli` failed ({}){}",
            output.status,
            indented(&String::from_utf8_lossy(&output.stderr))
        );
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let reported = stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|msg| msg["reason"] == "compiler-artifact" && msg["target"]["name"] == "claimdiff")
        .find_map(|msg| msg["executable"].as_str().map(PathBuf::from));
    let path = reported.unwrap_or_else(|| {
        target_dir()
            .join(profile.dir_name())
            .join(format!("claimdiff{}", env::consts::EXE_SUFFIX))
    });
    if !path.is_file() {
        bail!(
            "cargo built claimdiff but {} does not exist",
            path.display()
        );
    }
    Ok(path)
}

/// The `claimdiff` binary for tests: `$CLAIMDIFF_BIN` if set, else a debug build made once per
/// test process (later calls wait for the first and share its result).
///
/// # Panics
/// If the build fails (with cargo's messages), or `$CLAIMDIFF_BIN` names no file.
pub fn claimdiff_bin() -> PathBuf {
    static BIN: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let bin = BIN.get_or_init(|| match env::var_os(BIN_ENV) {
        Some(path) if !path.is_empty() => {
            let path = PathBuf::from(path);
            if path.is_file() {
                Ok(path)
            } else {
                Err(format!("{BIN_ENV}={} is not a file", path.display()))
            }
        }
        _ => build_claimdiff(Profile::Debug, false).map_err(|err| format!("{err:#}")),
    });
    match bin {
        Ok(path) => path.clone(),
        Err(message) => panic!("no claimdiff binary to test: {message}"),
    }
}

/// `text` on new lines, each indented by four spaces; empty if `text` is blank.
fn indented(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("\n    {l}"))
        .collect()
}
