//! The simulation engine: the coupled epidemic–economy model of Jinzhong's 11 districts,
//! stepped one day at a time. Pure Rust: std, serde, libm and a portable RNG only; it never
//! touches the page. MODEL.md documents the equations as implemented here.

pub mod outcome;
pub mod summary;

pub use outcome::{Area, Indicator, Outcome};
pub use summary::{DistrictSummary, Summary};

/// Version of the model's equations and calibration. Links and summaries carry it; bump it
/// whenever the same scenario would give different numbers.
pub const MODEL_VERSION: &str = "1.0.0";

use crate::scenario::Scenario;

/// How the engine draws its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Expected values; what a slider drag redraws.
    Deterministic,
    /// Chain-binomial draws and parameters drawn from their documented ranges, from `seed`.
    Stochastic { seed: u64 },
}

/// Runs one scenario (assumed valid: see `scenario::validate`) from its start to its end.
pub fn run(scenario: &Scenario, mode: Mode) -> Outcome {
    // Placeholder until the engine lands: a run of the right shape, all zeros.
    let _ = mode;
    let days = scenario.end.days_since(scenario.start) as usize + 1;
    Outcome::zeros(scenario.start, days)
}
