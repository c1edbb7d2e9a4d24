//! Native = wasm: the engine run inside headless Chromium must give, to the last bit, the
//! figures the native build recorded — the golden bit patterns of the default summary and the
//! runner's recorded summaries (deterministic and seed 1) in `tests/baselines/`.
//! Transcendental functions go through `libm` precisely so that this holds.
#![cfg(target_arch = "wasm32")]

use recovery_lab::scenario::presets;
use recovery_lab::sim::{self, Mode};
use wasm_bindgen_test::*;

#[path = "golden/default_summary.rs"]
mod golden;

wasm_bindgen_test_configure!(run_in_browser);

const BASELINE: &str = include_str!("baselines/jinzhong-2022.json");

fn recorded(command: &str) -> serde_json::Value {
    let all: serde_json::Value = serde_json::from_str(BASELINE).expect("baseline is JSON");
    all.get(command)
        .unwrap_or_else(|| panic!("baseline has no entry {command:?}"))
        .clone()
}

#[wasm_bindgen_test]
fn default_summary_has_the_native_golden_bits() {
    let (_, summary) = sim::run_summary(&presets::jinzhong_2022(), Mode::Deterministic);
    for ((name, bits), value) in golden::GOLDEN.iter().zip(golden::actual(&summary)) {
        assert_eq!(
            value.to_bits(),
            *bits,
            "{name}: wasm {value} vs native {}",
            f64::from_bits(*bits)
        );
    }
}

#[wasm_bindgen_test]
fn deterministic_and_seeded_summaries_equal_the_native_runner() {
    let scenario = presets::jinzhong_2022();
    for (command, mode) in [
        ("run --preset jinzhong-2022 --summary", Mode::Deterministic),
        (
            "run --preset jinzhong-2022 --seed 1 --summary",
            Mode::Stochastic { seed: 1 },
        ),
    ] {
        let (_, summary) = sim::run_summary(&scenario, mode);
        let here = serde_json::to_value(&summary).expect("summary serialises");
        assert_eq!(here, recorded(command), "{command}");
    }
}
