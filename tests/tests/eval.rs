//! The gold evaluation as a test: each split's totals over its pairs in `data/gold` meet that
//! split's gate in the thresholds file, and the probes' totals meet theirs.

use claimdiff_tests::{
    bin::{claimdiff_bin, workspace_root},
    gold::{self, SplitFilter},
    probes::{self, PROBE_THRESHOLDS_PATH},
    run::{self, GOLD_DIR},
    thresholds::{THRESHOLDS_PATH, Thresholds},
};

#[test]
fn eval_totals_meet_thresholds() {
    let root = workspace_root();
    let thresholds =
        Thresholds::load(&root.join(THRESHOLDS_PATH)).unwrap_or_else(|e| panic!("{e:#}"));
    let evaluation = run::evaluate(&claimdiff_bin(), &root, SplitFilter::All)
        .unwrap_or_else(|e| panic!("{e:#}"));
    let failures = evaluation.check(&thresholds, SplitFilter::All);
    assert!(
        failures.is_empty(),
        "eval is below {THRESHOLDS_PATH}:\n  {}\n\n{}\nrun `cargo xtask eval` to see the same report",
        failures.join("\n  "),
        evaluation.render(SplitFilter::All),
    );
}

/// The probes (`data/probes/probes.json`), each scored as a gold pair, meet their own gate.
#[test]
fn probes_meet_thresholds() {
    let root = workspace_root();
    let thresholds =
        Thresholds::load(&root.join(PROBE_THRESHOLDS_PATH)).unwrap_or_else(|e| panic!("{e:#}"));
    let evaluation = probes::evaluate(&claimdiff_bin(), &root).unwrap_or_else(|e| panic!("{e:#}"));
    let failures = evaluation.check(&thresholds, SplitFilter::All);
    assert!(
        failures.is_empty(),
        "probes are below {PROBE_THRESHOLDS_PATH}:\n  {}\n\n{}\nrun `cargo xtask eval --probes` to \
         see the same report",
        failures.join("\n  "),
        evaluation.render(SplitFilter::All),
    );
}

/// Gold that cannot match whatever the tool does (a phrase not in its source) is a gold bug;
/// this says so without needing the binary.
#[test]
fn gold_evidence_occurs_in_sources() {
    let root = workspace_root();
    let golds = gold::load_all(&root.join(GOLD_DIR)).unwrap_or_else(|e| panic!("{e:#}"));
    let problems: Vec<String> = golds
        .iter()
        .flat_map(|g| {
            g.evidence_problems(&root)
                .into_iter()
                .map(move |p| format!("{}: {p}", g.pair))
        })
        .collect();
    assert!(
        problems.is_empty(),
        "gold problems:\n  {}",
        problems.join("\n  ")
    );
}

/// Building the binary from inside a test must neither deadlock on cargo's build-directory lock
/// nor lose the path (see `claimdiff_tests::bin`).
#[test]
fn claimdiff_bin_is_built() {
    let bin = claimdiff_bin();
    assert!(bin.is_file(), "{}", bin.display());
}
