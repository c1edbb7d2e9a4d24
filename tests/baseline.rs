//! Pins the default preset's numbers: the runner's `--summary` output for a deterministic run,
//! one seeded stochastic run and a small seeded ensemble must equal
//! `tests/baselines/jinzhong-2022.json` to the last digit. Any change to the model's numbers
//! then shows up here, and accepting it is a separate, deliberate step:
//!
//! ```text
//! scripts/update-baseline.sh          # or: UPDATE_BASELINE=1 cargo test --test baseline
//! ```
//!
//! Also: the same scenario and seed give the identical outcome twice.
//!
//! The baseline is compared as text, never parsed: parsing floats back could move a last bit.

use recovery_lab::scenario::presets;
use recovery_lab::sim::{self, Mode, Outcome};
use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_recovery-lab-cli");

/// The runs pinned by the baseline, as runner arguments (they are also the file's keys).
const PINNED: [&str; 3] = [
    "run --preset jinzhong-2022 --summary",
    "run --preset jinzhong-2022 --seed 1 --summary",
    "run --preset jinzhong-2022 --runs 10 --seed 1 --summary",
];

const HOW_TO_UPDATE: &str = "If the change to the model's numbers is intended, regenerate the \
     baseline with `scripts/update-baseline.sh` (or `UPDATE_BASELINE=1 cargo test --test \
     baseline`), bump sim::MODEL_VERSION, and commit the new tests/baselines/jinzhong-2022.json \
     with the change";

fn baseline_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/baselines/jinzhong-2022.json")
}

/// The runner's output for each pinned run, nested in one pretty-printed JSON object keyed by
/// the arguments. Nesting is done on the text (each line after the first indented by two
/// spaces), which is exactly what serde_json's pretty printer would write.
fn current_baseline() -> String {
    let mut text = String::from("{\n");
    for (i, args) in PINNED.iter().enumerate() {
        let out = Command::new(BIN)
            .args(args.split(' '))
            .output()
            .expect("the runner starts");
        assert!(
            out.status.success(),
            "{args}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let summary = String::from_utf8(out.stdout).unwrap();
        let nested = summary.trim_end().replace('\n', "\n  ");
        let comma = if i + 1 < PINNED.len() { "," } else { "" };
        text.push_str(&format!("  {}: {nested}{comma}\n", serde_json::json!(args)));
    }
    text.push_str("}\n");
    text
}

#[test]
fn baseline_matches_the_recorded_summaries() {
    let current = current_baseline();
    let path = baseline_path();
    if std::env::var_os("UPDATE_BASELINE").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &current).unwrap();
        eprintln!("wrote {}", path.display());
        return;
    }
    let recorded = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}. {HOW_TO_UPDATE}.", path.display()));
    // The nesting must stay valid JSON, with every pinned run in it.
    let parsed: serde_json::Value = serde_json::from_str(&current).expect("valid JSON");
    assert_eq!(parsed.as_object().unwrap().len(), PINNED.len());
    if current != recorded {
        let diff: Vec<String> = recorded
            .lines()
            .zip(current.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(12)
            .map(|(i, (a, b))| {
                format!("  line {}: recorded {} | now {}", i + 1, a.trim(), b.trim())
            })
            .collect();
        panic!(
            "the default preset's summary differs from {} ({} lines recorded, {} now):\n{}\n{HOW_TO_UPDATE}.",
            path.display(),
            recorded.lines().count(),
            current.lines().count(),
            diff.join("\n")
        );
    }
}

fn same_bits(a: &Outcome, b: &Outcome) -> bool {
    a.start == b.start
        && a.days() == b.days()
        && a.all_values()
            .iter()
            .zip(b.all_values())
            .all(|(x, y)| x.to_bits() == y.to_bits())
}

#[test]
fn same_scenario_and_seed_give_the_identical_outcome() {
    for name in ["jinzhong-2022", "jinzhong-2022-omicron"] {
        let s = presets::preset(name).unwrap();
        for mode in [
            Mode::Deterministic,
            Mode::Stochastic { seed: 1 },
            Mode::Stochastic { seed: 987_654_321 },
        ] {
            let a = sim::run(&s, mode);
            let b = sim::run(&s, mode);
            assert!(
                same_bits(&a, &b),
                "{name} {mode:?} differs between two runs"
            );
        }
    }
}

#[test]
fn same_seed_gives_the_identical_summary_from_the_runner() {
    let run = || {
        Command::new(BIN)
            .args(["run", "--seed", "42", "--summary"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}
