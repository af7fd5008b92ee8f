//! Packaging: `claimdiff dist-assets DIR` (run by `cargo xtask dist`) writes shell completions
//! and man pages generated from the command-line definition.

use std::fs;

use crate::run::Claimdiff;
use crate::support::TempDir;

#[test]
fn dist_assets_writes_completions_and_man_pages() {
    let tmp = TempDir::new("dist");
    let dir = tmp.path().join("dist");
    let run = Claimdiff::new(["dist-assets".as_ref(), dir.as_os_str()])
        .run()
        .expect_code(0);
    let read = |name: &str| {
        fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("{name} was not written ({e})\n{}", run.describe()))
    };
    for (file, needles) in [
        (
            "claimdiff.bash",
            &["_claimdiff()", "compare", "batch", "--format"][..],
        ),
        ("_claimdiff", &["#compdef claimdiff", "batch", "--only"][..]),
        (
            "claimdiff.fish",
            &["complete -c claimdiff", "batch", "html"][..],
        ),
        (
            "claimdiff.1",
            &[".TH claimdiff 1", "claimdiff\\-compare(1)"][..],
        ),
        (
            "claimdiff-compare.1",
            &[".TH claimdiff-compare 1", "\\-\\-format"][..],
        ),
        (
            "claimdiff-batch.1",
            &[".TH claimdiff-batch 1", "\\-\\-jobs"][..],
        ),
    ] {
        let text = read(file);
        for needle in needles {
            assert!(text.contains(needle), "{file} lacks {needle:?}");
        }
    }
    for page in ["claimdiff-dist-assets.1", "claimdiff-help.1"] {
        assert!(
            !dir.join(page).exists(),
            "{page}: neither the hidden command nor `help` has a man page"
        );
    }
    for file in ["claimdiff.bash", "claimdiff.1"] {
        assert!(
            run.stdout.lines().any(|l| l.ends_with(file)),
            "lists {file}\n{}",
            run.describe()
        );
    }
}
