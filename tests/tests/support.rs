//! Helpers shared by the `schema` and `ci` modules: running the binary, the article pairs in
//! `data/pairs`, temp folders and failure messages.

use std::{
    env,
    ffi::{OsStr, OsString},
    fs,
    path::{Path, PathBuf},
    process::{self, Command, Stdio},
    sync::atomic::{AtomicUsize, Ordering},
};

use claimdiff_tests::bin::{claimdiff_bin, workspace_root};
use serde_json::Value;

/// The two seed articles, relative to the workspace root.
pub(crate) const SEED_A: &str = "data/pairs/seed-palantir/000_44a0b21695fca2fa.txt";
pub(crate) const SEED_B: &str = "data/pairs/seed-palantir/002_e2c394a76cc2a046.txt";

/// What one run of `claimdiff` gave.
pub(crate) struct Run {
    args: Vec<OsString>,
    /// The exit code; `None` when a signal ended the process.
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// The run for a failure message: the command, its exit code, stderr and the start of stdout.
    pub(crate) fn describe(&self) -> String {
        let stdout: String = self.stdout.chars().take(600).collect();
        let text = format!(
            "`claimdiff {}` exited with {:?}\n--- stderr\n{}--- stdout (start)\n{stdout}",
            self.args
                .iter()
                .map(|a| a.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" "),
            self.code,
            self.stderr,
        );
        text.replace('\n', "\n    ")
    }

    /// Panics unless the run exited with `code` (0 also needs an empty stderr).
    pub(crate) fn expect_code(self, code: i32) -> Run {
        assert!(
            self.code == Some(code) && (code != 0 || self.stderr.is_empty()),
            "expected exit {code}: {}",
            self.describe()
        );
        self
    }

    /// Stdout parsed as JSON, after a successful run.
    pub(crate) fn json(self) -> Value {
        let run = self.expect_code(0);
        serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", run.describe()))
    }
}

/// Runs `claimdiff ARGS` in the workspace root, so the repository's relative paths work, with
/// `COLUMNS` fixed and no standard input.
pub(crate) fn claimdiff<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<OsString> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
    let output = Command::new(claimdiff_bin())
        .current_dir(workspace_root())
        .args(&args)
        .env("COLUMNS", "120")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run claimdiff: {e}"));
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout)
            .unwrap_or_else(|e| panic!("claimdiff {args:?} wrote stdout that is not UTF-8: {e}")),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        args,
    }
}

/// `[command, args…, files…]` as owned arguments.
pub(crate) fn args_with_files<P: AsRef<OsStr>>(head: &[&str], files: &[P]) -> Vec<OsString> {
    head.iter()
        .map(OsString::from)
        .chain(files.iter().map(|f| f.as_ref().to_owned()))
        .collect()
}

/// The article pairs in `data/pairs`: each folder's files, sorted, relative to the root.
pub(crate) fn data_pairs() -> Vec<(String, Vec<String>)> {
    let root = workspace_root();
    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    names(&root.join("data/pairs"))
        .into_iter()
        .map(|pair| {
            let files = names(&root.join("data/pairs").join(&pair))
                .into_iter()
                .map(|file| format!("data/pairs/{pair}/{file}"))
                .collect();
            (pair, files)
        })
        .collect()
}

/// The files of one pair in `data/pairs`, relative to the root.
pub(crate) fn pair_files(pair: &str) -> Vec<String> {
    data_pairs()
        .into_iter()
        .find(|(name, _)| name == pair)
        .unwrap_or_else(|| panic!("no data/pairs/{pair}"))
        .1
}

/// Fails with every problem found, one per line.
pub(crate) fn assert_no_problems(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// A fresh folder under the system temp dir, unique to one test, removed when dropped.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    pub(crate) fn new(test: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = env::temp_dir().join(format!("claimdiff-ci-{test}-{}-{n}", process::id()));
        // A folder of the same name can only be left by a killed run of an earlier process.
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()));
        TempDir(path)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }

    pub(crate) fn write(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
