//! Probes: short invented snippets of two reports of one story, each with the verdict a
//! fact-checker expects on one value of each (`data/probes/probes.json`). Every probe is scored
//! as a gold pair of its own, so any other conflict the tool reports on it is a false alarm.

use std::{fs, path::Path};

use anyhow::{Context, Result, bail, ensure};
use serde::Deserialize;

use crate::{
    gold::{Facet, Gold, GoldFinding, Split, Verdict},
    run,
    summary::Evaluation,
};

/// The probe file, relative to the repository root.
pub const PROBES_PATH: &str = "data/probes/probes.json";

/// The gate on the probes' totals, relative to the repository root (the format of
/// [`crate::thresholds::Thresholds`]).
pub const PROBE_THRESHOLDS_PATH: &str = "data/probes/thresholds.json";

/// Where the probes' snippets are written as files for the binary, under the repository root.
const PROBE_DIR: &str = "target/probes";

/// The probe file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbeFile {
    /// Always `claimdiff.probes.v1`.
    pub schema: String,
    /// Whether the tool may be tuned on the probes (as for gold pairs).
    pub split: Split,
    /// The probes.
    pub probes: Vec<Probe>,
}

/// One probe.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Probe {
    /// A unique name.
    pub id: String,
    /// What kind of value the probe is about.
    pub kind: Kind,
    /// The first report's snippet.
    pub a: String,
    /// The second report's snippet.
    pub b: String,
    /// The value as written in `a` and in `b`.
    pub values: [String; 2],
    /// The verdict expected on the two values.
    pub want: Want,
    /// Why, in a few words.
    pub why: String,
}

/// What kind of value a probe is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A count.
    Figure,
    /// An amount of money.
    Money,
    /// A measure with a unit.
    Unit,
    /// A date.
    Date,
    /// A clock time.
    Time,
    /// A place.
    Place,
    /// A quote's words.
    Quote,
    /// Who said a quote.
    Speaker,
}

/// The verdict a probe expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Want {
    /// Incompatible values of the same fact.
    Conflict,
    /// Compatible values of the same fact.
    Agree,
    /// Different things, or not comparable: never a conflict (a gold `distinct` trap).
    NotConflict,
}

impl Kind {
    /// The facet of the gold finding.
    fn facet(self) -> Facet {
        match self {
            Kind::Figure | Kind::Money | Kind::Unit => Facet::Quantity,
            Kind::Date | Kind::Time => Facet::Time,
            Kind::Place => Facet::Location,
            Kind::Quote => Facet::Quote,
            Kind::Speaker => Facet::Actor,
        }
    }
}

impl Probe {
    /// The probe as a gold pair whose sources are `a` and `b` (paths the caller has written
    /// the snippets to).
    fn gold(&self, split: Split, a: &Path, b: &Path) -> Gold {
        let verdict = match self.want {
            Want::Conflict => Verdict::Conflict,
            Want::Agree => Verdict::Agree,
            Want::NotConflict => Verdict::Distinct,
        };
        Gold {
            pair: self.id.clone(),
            split,
            sources: [a, b].map(|p| p.display().to_string()).to_vec(),
            findings: vec![GoldFinding {
                verdict,
                facet: self.kind.facet(),
                topic: self.why.clone(),
                evidence: self.values.iter().cloned().map(Some).collect(),
                note: None,
            }],
        }
    }
}

impl ProbeFile {
    /// Reads the probe file (see [`ProbeFile::from_json`]).
    pub fn load(path: &Path) -> Result<ProbeFile> {
        fs::read_to_string(path)
            .map_err(anyhow::Error::from)
            .and_then(|text| ProbeFile::from_json(&text))
            .with_context(|| format!("bad probe file {}", path.display()))
    }

    /// Parses and checks a probe file: its schema, unique ids, and each value a part of its
    /// snippet.
    pub fn from_json(text: &str) -> Result<ProbeFile> {
        let file: ProbeFile = serde_json::from_str(text)?;
        ensure!(
            file.schema == "claimdiff.probes.v1",
            "schema is `{}`, not claimdiff.probes.v1",
            file.schema
        );
        let mut ids: Vec<&str> = file.probes.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            bail!("probe id `{}` is used twice", w[0]);
        }
        for p in &file.probes {
            for (text, value) in [(&p.a, &p.values[0]), (&p.b, &p.values[1])] {
                ensure!(
                    !value.is_empty() && text.contains(value.as_str()),
                    "probe `{}`: value {value:?} is not in {text:?}",
                    p.id
                );
            }
        }
        Ok(file)
    }
}

/// Writes each probe's snippets under `<root>/target/probes/<id>/`, runs `bin compare` on them
/// and scores each as a gold pair.
pub fn evaluate(bin: &Path, root: &Path) -> Result<Evaluation> {
    let file = ProbeFile::load(&root.join(PROBES_PATH))?;
    let mut outcomes = Vec::with_capacity(file.probes.len());
    for probe in &file.probes {
        let dir = root.join(PROBE_DIR).join(&probe.id);
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
        for (path, text) in [(&a, &probe.a), (&b, &probe.b)] {
            fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
        }
        outcomes.push(run::evaluate_pair(
            bin,
            root,
            &probe.gold(file.split, &a, &b),
        ));
    }
    Ok(Evaluation { outcomes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(probes: &str) -> Result<ProbeFile> {
        ProbeFile::from_json(&format!(
            r#"{{"schema": "claimdiff.probes.v1", "split": "dev", "probes": [{probes}]}}"#
        ))
    }

    const PROBE: &str = r#"{"id": "p", "kind": "figure", "a": "About 400 staff.",
        "b": "2,300 staff.", "values": ["About 400", "2,300"], "want": "not_conflict",
        "why": "subset"}"#;

    #[test]
    fn a_probe_is_a_gold_pair_of_one_finding() {
        let file = file(PROBE).unwrap();
        let gold = file.probes[0].gold(file.split, Path::new("/x/a.txt"), Path::new("/x/b.txt"));
        assert_eq!(gold.sources, ["/x/a.txt", "/x/b.txt"]);
        assert_eq!(gold.findings[0].verdict, Verdict::Distinct);
        assert_eq!(gold.findings[0].facet, Facet::Quantity);
        assert_eq!(
            gold.findings[0].evidence,
            [Some("About 400".to_owned()), Some("2,300".to_owned())]
        );
        gold.validate().unwrap();
    }

    #[test]
    fn bad_probe_files_are_refused() {
        let twice = format!("{PROBE}, {PROBE}");
        assert!(format!("{:#}", file(&twice).unwrap_err()).contains("used twice"));
        let missing = PROBE.replace(r#""2,300"]"#, r#""2,400"]"#);
        assert!(format!("{:#}", file(&missing).unwrap_err()).contains("is not in"));
        let unknown = PROBE.replace("not_conflict", "maybe");
        assert!(file(&unknown).is_err());
    }
}
