//! Running `claimdiff` with a chosen working directory, standard input and environment, for the
//! `table`, `html`, `batch`, `config` and `dist` modules.

use std::{
    ffi::{OsStr, OsString},
    io::Write,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    thread,
};

use claimdiff_tests::bin::{claimdiff_bin, workspace_root};

/// One `claimdiff` command to run: by default in the workspace root, with `COLUMNS=120`,
/// `NO_COLOR` unset and no standard input.
pub(crate) struct Claimdiff {
    cmd: Command,
    args: Vec<OsString>,
    dir: PathBuf,
    stdin: Option<Vec<u8>>,
}

/// What one run gave.
pub(crate) struct Output {
    what: String,
    /// The exit code; `None` when a signal ended the process.
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Claimdiff {
    pub(crate) fn new<I, S>(args: I) -> Claimdiff
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<OsString> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
        let dir = workspace_root();
        let mut cmd = Command::new(claimdiff_bin());
        cmd.args(&args)
            .current_dir(&dir)
            .env("COLUMNS", "120")
            .env_remove("NO_COLOR");
        Claimdiff {
            cmd,
            args,
            dir,
            stdin: None,
        }
    }

    /// Runs in `dir` instead of the workspace root.
    pub(crate) fn current_dir(mut self, dir: &Path) -> Claimdiff {
        self.cmd.current_dir(dir);
        self.dir = dir.to_path_buf();
        self
    }

    pub(crate) fn env(mut self, key: &str, value: &str) -> Claimdiff {
        self.cmd.env(key, value);
        self
    }

    pub(crate) fn env_remove(mut self, key: &str) -> Claimdiff {
        self.cmd.env_remove(key);
        self
    }

    /// Gives `bytes` on standard input.
    pub(crate) fn stdin(mut self, bytes: &[u8]) -> Claimdiff {
        self.stdin = Some(bytes.to_vec());
        self
    }

    pub(crate) fn run(mut self) -> Output {
        let what = format!(
            "`claimdiff {}` in {}",
            self.args
                .iter()
                .map(|a| a.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" "),
            self.dir.display()
        );
        self.cmd
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self
            .cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {what}: {e}"));
        // Written from another thread so that a large input cannot block on a full stdout.
        let writer = self.stdin.take().map(|bytes| {
            let mut pipe = child.stdin.take().expect("stdin is piped");
            thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            })
        });
        let output = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("cannot wait for {what}: {e}"));
        if let Some(writer) = writer {
            writer.join().expect("stdin writer");
        }
        Output {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout)
                .unwrap_or_else(|e| panic!("{what} wrote stdout that is not UTF-8: {e}")),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            what,
        }
    }
}

impl Output {
    /// The run for a failure message.
    pub(crate) fn describe(&self) -> String {
        let stdout: String = self.stdout.chars().take(800).collect();
        format!(
            "{} exited with {:?}\n--- stderr\n{}--- stdout (start)\n{stdout}",
            self.what, self.code, self.stderr
        )
        .replace('\n', "\n    ")
    }

    /// Panics unless the run exited with `code`.
    pub(crate) fn expect_code(self, code: i32) -> Output {
        assert!(
            self.code == Some(code),
            "expected exit {code}: {}",
            self.describe()
        );
        self
    }

    /// Panics unless the run failed with exit code 2 and one line on stderr, `claimdiff: …`,
    /// containing every one of `words`.
    pub(crate) fn expect_usage_error(self, words: &[&str]) -> Output {
        let lines: Vec<&str> = self.stderr.lines().collect();
        let ok = self.code == Some(2)
            && lines.len() == 1
            && lines[0].starts_with("claimdiff: ")
            && words.iter().all(|w| lines[0].contains(w))
            && !self.stderr.contains("panicked");
        assert!(
            ok,
            "expected exit 2 and one stderr line with {words:?}: {}",
            self.describe()
        );
        self
    }
}
